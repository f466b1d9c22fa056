"""`backplan sync`: two homes, one shared folder; the migration that gives rows their
stable ids; the folder remembered; rebuild; git; the buzz at the end of a rest."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import time
import uuid
from pathlib import Path

import pytest

from backplan.store import migrations
from tests.helpers import ok, old_database, run, run_json

NOW = "2026-11-24T18:00:00+01:00"


@pytest.fixture
def homes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    monkeypatch.setenv("BACKPLAN_NOW", NOW)
    monkeypatch.delenv("BACKPLAN_SYNC_DIR", raising=False)
    shared = tmp_path / "shared"
    shared.mkdir()
    return {"laptop": tmp_path / "laptop", "phone": tmp_path / "phone", "shared": shared}


def on(monkeypatch: pytest.MonkeyPatch, home: Path) -> None:
    monkeypatch.setenv("BACKPLAN_HOME", str(home))


def test_a_round_three_history_gets_stable_ids_and_syncs(
    homes: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = migrations.SCHEMA_VERSION - 1  # the schema just before sync's migration
    path = old_database(homes["laptop"], before)
    db = sqlite3.connect(path)
    db.execute(
        "INSERT INTO workouts (created, created_ts, goal, level, groups, notes)"
        " VALUES ('2026-11-20T18:00:00+01:00', 1795194000, 'hypertrophy', 'intermediate',"
        " '[]', '[]')"
    )
    db.execute(
        "INSERT INTO workout_exercises (workout_id, position, exercise_id, name, grp, mechanic,"
        " sets, reps_min, reps_max, rest_seconds, reason, created_ts) VALUES"
        " (1, 1, 'pull-up', 'Pull-Up', 'lats', 'compound', 3, 6, 12, 120, 'never done',"
        " 1795194000)"
    )
    db.executemany(
        "INSERT INTO logged_sets (workout_id, exercise_id, set_number, reps, weight, unit,"
        " created_ts) VALUES (1, 'pull-up', ?, 8, NULL, 'kg', 1795194000)",
        [(1,), (2,)],
    )
    db.commit()
    db.close()
    on(monkeypatch, homes["laptop"])
    ok("history")  # opening migrates
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == migrations.SCHEMA_VERSION
    (workout,) = db.execute("SELECT uid FROM workouts").fetchone()
    sets = [row[0] for row in db.execute("SELECT uid FROM logged_sets")]
    db.close()
    parsed = uuid.UUID(workout)
    assert parsed.version == 7
    assert int(parsed.hex[:12], 16) == 1795194000 * 1000
    assert len(set(sets)) == 2
    assert all(uuid.UUID(u).version == 7 for u in sets)
    ok("sync", "--dir", str(homes["shared"]))
    on(monkeypatch, homes["phone"])
    ok("sync", "--dir", str(homes["shared"]))
    (shown,) = run_json("history")
    assert [len(e["sets_logged"]) for e in shown["exercises"]] == [2]
    assert shown["id"] == 1  # the short number is this device's own


def test_today_on_the_phone_shows_the_plan_made_on_the_laptop(
    homes: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    on(monkeypatch, homes["laptop"])
    planned = run_json("workout", "--seed", "3")
    ok("program", "new", "--weeks", "4", "--days", "3")
    ok("sync", "--dir", str(homes["shared"]))
    on(monkeypatch, homes["phone"])
    assert run_json("today") is None
    out = ok("sync", "--dir", str(homes["shared"])).stdout
    assert "From 1 other device" in out
    today = run_json("today")
    assert [e["id"] for e in today["exercises"]] == [e["id"] for e in planned["exercises"]]
    assert today["created"] == planned["created"]
    assert "4-week block, 3 days a week" in ok("program", "show").stdout
    # Only the laptop's own folder was written; the phone wrote nothing it did not have.
    folders = sorted(p.name for p in homes["shared"].iterdir())
    assert len(folders) == 1


def test_two_devices_logging_one_exercise_keep_both_and_history_says_so(
    homes: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    on(monkeypatch, homes["laptop"])
    planned = run_json("workout", "--seed", "5")
    first = planned["exercises"][0]["id"]
    ok("sync", "--dir", str(homes["shared"]))
    on(monkeypatch, homes["phone"])
    ok("sync", "--dir", str(homes["shared"]))
    ok("log", first, "8x50", "8x50", "7x50")
    ok("sync")
    on(monkeypatch, homes["laptop"])
    ok("log", first, "10x40", "10x40")
    ok("sync")
    on(monkeypatch, homes["phone"])
    ok("sync")
    histories = []
    for home in ("laptop", "phone"):
        on(monkeypatch, homes[home])
        (shown,) = run_json("history")
        histories.append([(e["id"], e["sets_logged"]) for e in shown["exercises"]])
        logged = shown["exercises"][0]["sets_logged"]
        assert sorted(s["reps"] for s in logged) == [7, 8, 8, 10, 10]
        out = ok("history", "show", "1").stdout
        assert f"{first} was logged on 2 devices" in out
        assert "3 sets on" in out
        assert "2 sets on" in out
    assert histories[0] == histories[1]


def test_a_deletion_and_a_pin_travel(
    homes: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    on(monkeypatch, homes["laptop"])
    ok("workout", "--seed", "1")
    ok("weigh", "81")
    ok("sync", "--dir", str(homes["shared"]))
    on(monkeypatch, homes["phone"])
    ok("sync", "--dir", str(homes["shared"]))
    ok("history", "delete", "1", "--yes")
    ok("pin", "pull-up")
    ok("sync")
    on(monkeypatch, homes["laptop"])
    ok("sync")
    assert run_json("history") == []
    assert "pull-up" in ok("marks").stdout
    assert run_json("weigh")["weigh_ins"][0]["weight"] == 81


def test_a_journal_cut_mid_line_is_read_when_it_is_whole(
    homes: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    on(monkeypatch, homes["laptop"])
    ok("workout", "--seed", "2")
    ok("sync", "--dir", str(homes["shared"]))
    (journal,) = homes["shared"].glob("*/*.jsonl")
    whole = journal.read_bytes()
    seen = homes["phone"] / "shared"
    copy = seen / journal.parent.name / journal.name
    copy.parent.mkdir(parents=True)
    copy.write_bytes(whole[: len(whole) // 2])  # a sync tool half-way through
    on(monkeypatch, homes["phone"])
    ok("sync", "--dir", str(seen))
    copy.write_bytes(whole)
    ok("sync")
    on(monkeypatch, homes["laptop"])
    mine = run_json("history")
    on(monkeypatch, homes["phone"])
    theirs = run_json("history")
    assert [e["id"] for e in theirs[0]["exercises"]] == [e["id"] for e in mine[0]["exercises"]]


def test_lines_that_are_not_events_are_left_out_and_said(
    homes: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    stranger = homes["shared"] / "tablet-abc123"
    stranger.mkdir()
    (stranger / "2026-11.jsonl").write_bytes(b'{"f":1,"id":"x"}\nnot json\n[1,2]\n\xff\xfe\n')
    on(monkeypatch, homes["phone"])
    result = ok("sync", "--dir", str(homes["shared"]))
    assert "4 journal lines could not be read" in result.stdout
    assert result.stderr == ""


def test_the_folder_is_remembered_or_taken_from_the_environment(
    homes: dict[str, Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    on(monkeypatch, homes["phone"])
    result = run("sync")
    assert result.exit_code == 2
    assert "backplan sync --dir" in result.stderr
    assert "Traceback" not in result.stderr
    ok("sync", "--dir", str(homes["shared"]))
    assert run_json("config", "show")["sync_dir"] == str(homes["shared"])
    other = tmp_path / "elsewhere"
    other.mkdir()
    monkeypatch.setenv("BACKPLAN_SYNC_DIR", str(other))
    assert run_json("sync")["folder"] == str(other)
    monkeypatch.delenv("BACKPLAN_SYNC_DIR")
    assert run_json("sync")["folder"] == str(homes["shared"])


def test_a_folder_that_cannot_be_one_is_refused(
    homes: dict[str, Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    on(monkeypatch, homes["phone"])
    afile = tmp_path / "afile"
    afile.write_text("mine")
    for bad, said in ((afile, "is a file"), (tmp_path / "no" / "such", "does not exist")):
        result = run("sync", "--dir", str(bad))
        assert result.exit_code == 2, result.stderr
        assert said in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    assert afile.read_text() == "mine"


def test_rebuild_makes_the_history_from_the_journals_and_keeps_the_old_file(
    homes: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    on(monkeypatch, homes["laptop"])
    ok("workout", "--seed", "4")
    first = run_json("history")[0]["exercises"][0]["id"]
    ok("log", first, "8x60", "8x60")
    ok("sync", "--dir", str(homes["shared"]))
    on(monkeypatch, homes["phone"])
    ok("sync", "--dir", str(homes["shared"]))
    ok("weigh", "80")  # not journaled yet: rebuild journals it first
    before = run_json("history")
    done = run_json("sync", "--rebuild")
    assert done["backup"] is not None
    assert Path(done["backup"]).is_file()
    assert run_json("history") == before
    assert run_json("weigh")["weigh_ins"][0]["weight"] == 80
    backups = list(homes["phone"].glob("history.sqlite3.before-rebuild-*"))
    assert [str(b) for b in backups if b.name.endswith(("-wal", "-shm")) is False] == [
        done["backup"]
    ]
    assert run_json("sync")["applied"] == 0  # and it syncs on from there


def _git(*words: str, cwd: Path) -> None:
    subprocess.run(["git", *words], cwd=cwd, check=True, capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_sync_git_moves_the_folder_through_a_bare_repository(
    homes: dict[str, Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    bare = tmp_path / "journals.git"
    _git("init", "--quiet", "--bare", str(bare), cwd=tmp_path)
    clones = {}
    for device in ("laptop", "phone"):
        clones[device] = tmp_path / f"{device}-clone"
        _git("clone", "--quiet", str(bare), str(clones[device]), cwd=tmp_path)
    on(monkeypatch, homes["laptop"])
    planned = run_json("workout", "--seed", "6")
    ok("sync", "--git", "--dir", str(clones["laptop"]))
    on(monkeypatch, homes["phone"])
    ok("weigh", "77")
    ok("sync", "--git", "--dir", str(clones["phone"]))
    assert run_json("today")["created"] == planned["created"]
    on(monkeypatch, homes["laptop"])
    ok("sync", "--git")
    assert run_json("weigh")["weigh_ins"][0]["weight"] == 77
    # Not a clone: said plainly.
    on(monkeypatch, homes["phone"])
    result = run("sync", "--git", "--dir", str(homes["shared"]))
    assert result.exit_code == 2
    assert "not a git clone" in result.stderr


# --- the buzz at the end of a rest ----------------------------------------------------


def _fake(folder: Path, name: str, script: str) -> None:
    path = folder / name
    path.write_text(f"#!/bin/sh\n{script}\n")
    path.chmod(0o755)


def _wait_for(path: Path, seconds: float = 10.0) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if path.exists() and path.read_text().endswith("\n"):
            return path.read_text()
        time.sleep(0.01)
    raise AssertionError(f"{path} never came")


def test_the_rest_buzzes_on_termux_without_waiting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from backplan.cli import buzz

    bin_ = tmp_path / "bin"
    bin_.mkdir()
    # The vibrator answers only once told to: rest_over must return before it does.
    gate = tmp_path / "gate"
    wait = f"while [ ! -e {gate} ]; do sleep 0.01; done"
    _fake(bin_, "termux-vibrate", f'{wait}; echo "$@" > {tmp_path}/vibrated')
    _fake(bin_, "termux-notification", f'echo "$@" > {tmp_path}/notified')
    monkeypatch.setenv("PATH", f"{bin_}{os.pathsep}{os.environ['PATH']}")
    assert buzz.rest_over("Rest over: set 2 of pull-up.") is True
    assert not (tmp_path / "vibrated").exists()  # still waiting at the gate
    assert "--content Rest over: set 2 of pull-up." in _wait_for(tmp_path / "notified")
    gate.touch()
    assert "-d 600" in _wait_for(tmp_path / "vibrated")


def test_no_buzz_and_no_noise_elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from backplan.cli import buzz

    monkeypatch.setenv("PATH", str(tmp_path))
    assert buzz.rest_over() is False


def test_the_journal_is_one_event_a_line(
    homes: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    on(monkeypatch, homes["laptop"])
    ok("workout", "--seed", "7")
    ok("sync", "--dir", str(homes["shared"]))
    (journal,) = homes["shared"].glob("*/*.jsonl")
    assert journal.name == "2026-11.jsonl"
    lines = [json.loads(line) for line in journal.read_text().splitlines()]
    kinds = {line["kind"] for line in lines}
    assert kinds == {"workout", "exercise"}
    assert all(line["hlc"].endswith(journal.parent.name) for line in lines)
    assert len({line["hlc"] for line in lines}) == len(lines)
