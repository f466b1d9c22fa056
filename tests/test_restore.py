"""A JSON export restores exactly: a history built by every command that writes one
(plans, logs, a swap, marks, settings with plates, weigh-ins, a program replaced within
the same second and moved, imports from Strong and Hevy with notes, durations, set
kinds and other training) exported, restored into a fresh home and exported again is
the same text, apart from the export's own time."""

from __future__ import annotations

import json
import os
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.helpers import do, ok, run_json
from tests.test_apps_keep import HEVY, STRONG

MONDAY = date(2026, 11, 30)


def at(monkeypatch: pytest.MonkeyPatch, day: date, hour: int = 18) -> None:
    monkeypatch.setenv("BACKPLAN_NOW", f"{day.isoformat()}T{hour:02d}:00:00+01:00")


def _build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "strong.csv").write_text(STRONG, encoding="utf-8")
    (tmp_path / "hevy.csv").write_text(HEVY, encoding="utf-8")
    at(monkeypatch, MONDAY - timedelta(days=20))
    ok("import", str(tmp_path / "strong.csv"), "--unit", "kg")
    ok("import", str(tmp_path / "hevy.csv"))
    at(monkeypatch, MONDAY)
    ok("config", "set", "plates", "25,20,15,10,5,2.5,1.25")
    ok("config", "set", "bar", "20")
    ok("config", "set", "unit", "kg")
    ok("weigh", "81.5")
    ok("pin", "barbell-bent-over-row")
    ok("ban", "kroc-row")
    # Two programs in one second: the first replaced by the second, which is moved.
    ok("program", "new", "--seed", "1")
    ok("program", "new", "--seed", "2", "--days", "mon,wed,fri", "--replace")
    ok("program", "move", "2026-12-02", "--to", "2026-12-03")
    first = run_json("workout")
    do(first)
    swapped = run_json("workout", "--no-save", "--group", "lats")
    assert swapped["id"] is None
    at(monkeypatch, MONDAY + timedelta(days=3))
    second = run_json("workout")
    ok("swap", second["exercises"][-1]["id"])
    do(run_json("history", "show", str(second["id"])))
    at(monkeypatch, MONDAY + timedelta(days=4))
    ok("weigh", "81.2")
    run_json("workout", "--minutes", "30")  # planned, never logged


def _without_time(text: str) -> dict[str, object]:
    document = json.loads(text)
    document.pop("exported", None)
    return document


def test_export_import_export_is_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, backplan_env: Path
) -> None:
    _build(tmp_path, monkeypatch)
    exported = ok("export").stdout
    before = run_json("program", "show")
    fresh = tmp_path / "fresh"
    monkeypatch.setenv("BACKPLAN_HOME", str(fresh))
    ok("import", _write(tmp_path / "all.json", exported))
    again = ok("export").stdout
    assert _without_time(again) == _without_time(exported)
    assert again == exported
    # The active program is the one that replaced the other, with its move and its
    # workouts; the plates came back.
    shown = run_json("program", "show")
    assert shown == before
    assert shown["moves"] == [{"from": "2026-12-02", "to": "2026-12-03"}]
    assert [s["workout_id"] for s in shown["sessions"][:2]] == [
        s["workout_id"] for s in before["sessions"][:2]
    ]
    assert run_json("config", "show")["plates"] == [25.0, 20.0, 15.0, 10.0, 5.0, 2.5, 1.25]
    document = json.loads(exported)
    assert len(document["programs"]) == 2
    assert sum(p["ended"] is None for p in document["programs"]) == 1
    assert any(w["other"] for w in document["workouts"])
    assert any(w["note"] for w in document["workouts"])
    assert os.environ["BACKPLAN_HOME"] == str(fresh)


def _write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)
