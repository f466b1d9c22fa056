"""A SIGKILL during `sync`, in a real process, loses nothing: not on the device that
journals, not on the device that applies."""

from __future__ import annotations

import dataclasses
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest

from backplan.store.history import open_store
from backplan.training.loads import SetDone
from tests.helpers import run_json

NOW = "2026-11-24T18:00:00+01:00"


def _fill(workouts: int) -> None:
    """This home gets `workouts` planned workouts, each with sets logged."""
    run_json("workout", "--seed", "2")
    with open_store() as store:
        first = store.get(1)
        for n in range(1, workouts):
            again = dataclasses.replace(
                first, id=None, created=first.created - timedelta(days=2 * n), note=f"w{n}"
            )
            saved = store.save(again)
            assert saved.id is not None
            for e in saved.exercises[:4]:
                store.log(saved.id, e.id, [SetDone(8, 40.0 + n % 7, "kg")] * 3)


def _start(home: Path, folder: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "BACKPLAN_HOME": str(home), "BACKPLAN_NOW": NOW}
    return subprocess.Popen(
        [sys.executable, "-m", "backplan", "sync", "--dir", str(folder)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _kill_when(process: subprocess.Popen[bytes], ready: object, timeout: float = 60) -> bool:
    """SIGKILL the moment `ready()` holds; whether it did before the process ended."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        if ready():  # type: ignore[operator]
            process.send_signal(signal.SIGKILL)
            process.wait()
            return True
        time.sleep(0.001)
    process.wait()
    return False


def _history(home: Path, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, list[object]]]:
    monkeypatch.setenv("BACKPLAN_HOME", str(home))
    return sorted(
        (w["created"], [e["sets_logged"] for e in w["exercises"]])
        for w in run_json("history", "--last", "1000")
    )


def _sync(home: Path, folder: Path) -> None:
    process = _start(home, folder)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 0, err.decode()


def test_a_kill_mid_sync_loses_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BACKPLAN_NOW", NOW)
    laptop, phone, folder = tmp_path / "laptop", tmp_path / "phone", tmp_path / "shared"
    folder.mkdir()
    monkeypatch.setenv("BACKPLAN_HOME", str(laptop))
    _fill(40)
    mine = _history(laptop, monkeypatch)

    # The journaling device, killed once its journal is written but before its history
    # records that: the journal holds the events, the history nothing of sync's.
    process = _start(laptop, folder)
    assert _kill_when(process, lambda: any(p.stat().st_size for p in folder.glob("*/*.jsonl")))
    db = sqlite3.connect(laptop / "history.sqlite3")
    assert db.execute("SELECT COUNT(*) FROM sync_entities").fetchone()[0] == 0
    db.close()
    # And a writer killed mid-line leaves half a line: the next sync closes it.
    (journal,) = folder.glob("*/*.jsonl")
    with journal.open("ab") as out:
        out.write(b'{"f":1,"id":"half a li')
    _sync(laptop, folder)
    # The kill may itself have cut a line: either way the half line ends there.
    assert b'{"f":1,"id":"half a li\n{"f":1,' in journal.read_bytes()

    # The applying device, killed while it writes its history: then synced again.
    wal = phone / "history.sqlite3-wal"
    killed = 0
    for _ in range(3):
        process = _start(phone, folder)
        killed += _kill_when(process, lambda: wal.exists() and wal.stat().st_size > 200_000)
    assert killed, "no kill landed while the phone wrote"
    _sync(phone, folder)
    assert _history(phone, monkeypatch) == mine
    assert _history(laptop, monkeypatch) == mine
    monkeypatch.setenv("BACKPLAN_HOME", str(phone))
    done = run_json("sync")
    assert done["unreadable_lines"] == 0  # read before: only what is new is read
    assert done["applied"] == 0
