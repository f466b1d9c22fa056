"""Partial credit: `secondary` groups in the catalogue, half a set each in status, stats
and the planner's weekly volume."""

from __future__ import annotations

from pathlib import Path

import pytest

from backplan import catalogue, paths
from backplan.catalogue.model import Group
from tests.helpers import entry, ok, run, run_json, write_catalogue

SHIPPED = catalogue.load(paths.shipped_catalogue())


def test_the_shipped_rows_and_hinges_carry_it() -> None:
    for ident, other in (("barbell-bent-over-row", Group.LOWER_BACK),
                         ("pendlay-row", Group.LOWER_BACK),
                         ("romanian-deadlift", Group.UPPER_BACK),
                         ("good-morning", Group.UPPER_BACK)):  # fmt: skip
        assert SHIPPED.get(ident).secondary == (other,)


def test_rows_give_the_lower_back_half_sets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BACKPLAN_NOW", "2026-11-30T18:00:00+01:00")
    before = {s["group"]: s for s in run_json("status")}
    assert before["lower-back"]["sets_last_7_days"] == 0
    ok("workout", "--group", "upper", "--exercises", "1", "--seed", "1")
    ok("log", "barbell-bent-over-row", "3x8x60")
    ok("log", "pendlay-row", "3x5x70")
    after = {s["group"]: s for s in run_json("status")}
    lower = after["lower-back"]
    assert (lower["sets_last_7_days"], lower["partial"], lower["status"]) == (3.0, 3.0, "ready")
    text = ok("status").stdout
    assert "ready · 3 at half credit" in text
    assert "Half credit: a lift that also loads another group" in text
    weeks = run_json("stats")["weeks"]
    assert weeks[-1]["sets"]["lower-back"] == 3.0
    # Eight sets of rows are four for the lower back: a hard session, so it recovers.
    ok("log", "pendlay-row", "2x5x70", "--add")
    lower = {s["group"]: s for s in run_json("status")}["lower-back"]
    assert (lower["sets_last_7_days"], lower["status"]) == (4.0, "recovering")


def test_secondary_is_validated_like_group(tmp_path: Path) -> None:
    bad = write_catalogue(
        tmp_path / "c.yaml",
        [
            entry("row", "upper-back", secondary=["lower-bak"]),
            entry("rdl", "lower-back", secondary=["lower-back"]),
            entry("twice", "lats", secondary=["upper-back", "upper-back"]),
        ],
        version=2,
    )
    result = run("check", str(bad))
    assert result.exit_code == 2
    assert "unknown secondary group 'lower-bak' (did you mean 'lower-back'?)" in result.stderr
    assert "secondary names its own group 'lower-back'" in result.stderr
    assert "secondary group 'upper-back' is listed twice" in result.stderr
    old = write_catalogue(tmp_path / "v1.yaml", [entry("row", secondary=["lower-back"])])
    assert "needs 'version: 2'" in run("check", str(old)).stderr


def test_it_survives_export_and_import(tmp_path: Path, backplan_env: Path) -> None:
    ok("workout", "--group", "upper", "--exercises", "1", "--seed", "1")
    ok("log", "barbell-bent-over-row", "3x8x60")
    ok("export", "--output", str(tmp_path / "out.json"))
    (backplan_env / "history.sqlite3").unlink()
    ok("import", str(tmp_path / "out.json"))
    row = next(
        e
        for e in run_json("history", "show", "1")["exercises"]
        if e["id"] == "barbell-bent-over-row"
    )
    assert row["secondary"] == ["lower-back"]
