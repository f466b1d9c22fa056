"""Bodyweight: weigh-ins a day, their 7-day average, kept in the history (a migration)
and carried by export and import."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from backplan.store import migrations
from tests.helpers import ok, old_database, run, run_json


def _at(monkeypatch: pytest.MonkeyPatch, day: str) -> None:
    monkeypatch.setenv("BACKPLAN_NOW", f"{day}T07:30:00+01:00")


def test_weigh_in_replace_and_average(monkeypatch: pytest.MonkeyPatch) -> None:
    assert "No weigh-ins yet" in ok("weigh").stdout
    _at(monkeypatch, "2026-11-24")
    ok("weigh", "80")
    _at(monkeypatch, "2026-11-30")
    ok("weigh", "81,5")
    again = ok("weigh", "82kg").stdout
    assert "replaces 81.5 kg logged earlier today" in again
    ok("config", "set", "unit", "lb")
    _at(monkeypatch, "2026-12-01")
    ok("weigh", "180")  # in your unit: lb
    shown = run_json("weigh")
    assert [(w["day"], w["weight"], w["unit"]) for w in shown["weigh_ins"]] == [
        ("2026-12-01", 180.0, "lb"), ("2026-11-30", 82.0, "kg"), ("2026-11-24", 80.0, "kg"),
    ]  # fmt: skip
    # The 7 days to 1 Dec hold 180 lb and 82 kg (24 Nov is out): their mean, in lb.
    assert shown["average_7_days"]["unit"] == "lb"
    assert shown["average_7_days"]["weight"] == pytest.approx((180 + 82 / 0.45359237) / 2, 0.01)


@pytest.mark.parametrize(
    ("value", "message"),
    [("0.5", "from 1 to 400 kg"), ("401kg", "from 1 to 400 kg"), ("900lb", "from 1 to 400"),
     ("heavy", "is not a bodyweight"), ("-80", "-80 is a negative number"), ("8" * 5000, "is not")],
)  # fmt: skip
def test_a_bad_bodyweight_is_one_line_and_changes_nothing(
    value: str, message: str, backplan_env: Path
) -> None:
    ok("weigh", "80")
    database = backplan_env / migrations.FILE_NAME
    before = hashlib.sha256(database.read_bytes()).hexdigest()
    result = run("weigh", value)
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert hashlib.sha256(database.read_bytes()).hexdigest() == before


def test_a_history_from_before_bodyweight_migrates(backplan_env: Path) -> None:
    path = old_database(backplan_env, 8)
    ok("weigh", "80")
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == migrations.SCHEMA_VERSION
    assert db.execute("SELECT weight FROM bodyweights").fetchall() == [(80.0,)]


def test_export_and_import_keep_every_weigh_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for day, weight in (("2026-11-20", "79.5"), ("2026-11-27", "80"), ("2026-12-01", "176lb")):
        _at(monkeypatch, day)
        ok("weigh", weight)
    ok("workout", "--seed", "1")
    exported = ok("export").stdout
    assert [w["day"] for w in json.loads(exported)["bodyweights"]] == [
        "2026-11-20", "2026-11-27", "2026-12-01",
    ]  # fmt: skip
    path = tmp_path / "e.json"
    path.write_text(exported, encoding="utf-8")
    monkeypatch.setenv("BACKPLAN_HOME", str(tmp_path / "fresh"))
    ok("import", str(path))
    ok("import", str(path))  # twice: nothing more
    assert ok("export").stdout == exported
    broken = json.loads(exported)
    broken["bodyweights"][0]["weight"] = 4000
    path.write_text(json.dumps(broken), encoding="utf-8")
    refused = run("import", str(path))
    assert refused.exit_code == 2
    assert "bodyweights[0].weight" in refused.stderr
