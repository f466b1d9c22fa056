"""A block on the lifter's calendar: chosen weekdays, a start on a weekday, a missed
week that moves the rest (show, Markdown and the calendar file follow), a session
moved, an older history's block, and every refusal."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from backplan.store import migrations
from tests.helpers import do, ok, old_database, run, run_json

TUESDAY = date(2026, 12, 1)


def at(monkeypatch: pytest.MonkeyPatch, day: date, hour: int = 18) -> None:
    monkeypatch.setenv("BACKPLAN_NOW", f"{day.isoformat()}T{hour:02d}:00:00+01:00")


def _ics_days(path: Path) -> list[date]:
    events = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    return [e.decoded("dtstart") for e in events]


def test_the_weekdays_named_are_the_days_planned(monkeypatch: pytest.MonkeyPatch) -> None:
    at(monkeypatch, TUESDAY)
    made = run_json("program", "new", "--days", "tue,thu,sat", "--weeks", "4", "--seed", "3")
    days = [date.fromisoformat(s["date"]) for s in made["sessions"]]
    assert len(days) == 12
    assert days[0] == TUESDAY
    assert {d.strftime("%a") for d in days} == {"Tue", "Thu", "Sat"}
    assert made["weekdays"] == ["tue", "thu", "sat"]
    # Full names, any case, any order; a start on a weekday is the next one.
    again = run_json(
        "program", "new", "--days", "Friday,MONDAY,wed", "--start", "monday", "--replace"
    )
    assert again["start"] == "2026-12-07"
    assert again["sessions"][0]["date"] == "2026-12-07"
    assert {date.fromisoformat(s["date"]).weekday() for s in again["sessions"]} == {0, 2, 4}
    assert "3 days a week (Mon Wed Fri)" in ok("program", "show").stdout


def test_the_trials_missed_week_moves_the_block_and_the_calendar_follows(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Two weeks done from Mon 7 Dec, the week of Mon 21 Dec missed: on Mon 28 Dec the
    next session is that day, the missed days are named, the block ends a week later,
    and the Markdown and the calendar file hold the days as they now stand."""
    at(monkeypatch, TUESDAY)
    made = run_json("program", "new", "--days", "mon,wed,fri", "--start", "monday", "--seed", "4")
    assert made["end"] == "2027-01-01"
    for session in made["sessions"][:6]:
        at(monkeypatch, date.fromisoformat(session["date"]))
        do(run_json("workout"))
    at(monkeypatch, date(2026, 12, 28))
    shown = run_json("program", "show")
    assert shown["next"] == 7
    assert shown["sessions"][6]["date"] == "2026-12-28"
    assert shown["missed"] == ["2026-12-21", "2026-12-23", "2026-12-25"]
    assert shown["end"] == "2027-01-08"
    days = [date.fromisoformat(s["date"]) for s in shown["sessions"]]
    assert days == sorted(days)
    assert days[:6] == [date.fromisoformat(s["date"]) for s in made["sessions"][:6]]
    assert [s["deload"] for s in shown["sessions"]] == [s["deload"] for s in made["sessions"]]
    text = ok("program", "show").stdout
    assert "← next" in text.split("Mon 28 Dec")[1].splitlines()[0]
    assert "Missed Mon 21 Dec, Wed 23 Dec, Fri 25 Dec" in text
    assert "now ends Fri 8 Jan 2027 (planned Fri 1 Jan)" in " ".join(text.split())
    assert "Next: week 3, day 1, Mon 28 Dec" in text
    ok("program", "export", "--format", "ics", "--output", str(tmp_path / "block.ics"))
    assert _ics_days(tmp_path / "block.ics") == days
    md = ok("program", "export").stdout
    assert "| 1 | Mon 28 Dec | " in md
    assert "| Mon 21 Dec |" not in md
    # The session planned on the day is the block's: week 3, day 1.
    assert run_json("workout", "--no-save")["program"]["session"] == 7


def test_a_session_moved_takes_its_new_day_and_the_rest_follow(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    at(monkeypatch, TUESDAY)
    ok("program", "new", "--days", "mon,wed,fri", "--start", "2026-12-07", "--seed", "6")
    before = run_json("program", "show")
    christmas = next(s for s in before["sessions"] if s["date"] == "2026-12-25")
    said = " ".join(ok("program", "move", "2026-12-25", "--to", "2026-12-26").stdout.split())
    assert "from Fri 25 Dec to Sat 26 Dec" in said
    assert "ends Fri 1 Jan 2027" in said
    after = run_json("program", "show")
    assert after["sessions"][christmas["number"] - 1]["date"] == "2026-12-26"
    assert after["moves"] == [{"from": "2026-12-25", "to": "2026-12-26"}]
    assert after["end"] == before["end"]
    # Without --to: the next training day, and the rest of the block after it.
    said = " ".join(ok("program", "move", "next").stdout.split())
    assert "from Mon 7 Dec to Wed 9 Dec" in said
    assert "ends Mon 4 Jan 2027" in said
    moved = run_json("program", "show")
    assert "2026-12-07" not in [s["date"] for s in moved["sessions"]]
    ok("program", "export", "--format", "ics", "--output", str(tmp_path / "b.ics"))
    assert _ics_days(tmp_path / "b.ics") == [date.fromisoformat(s["date"]) for s in
                                             moved["sessions"]]  # fmt: skip
    # Past the next training day: the session is on the day named, the next after it.
    said = " ".join(ok("program", "move", "2026-12-11", "--to", "2026-12-13").stdout.split())
    assert "from Fri 11 Dec to Sun 13 Dec" in said
    days = [s["date"] for s in run_json("program", "show")["sessions"]]
    assert days[:3] == ["2026-12-09", "2026-12-13", "2026-12-14"]
    moved = run_json("program", "show")
    for args, message in (
        (("2026-12-08",), "No session of your block is on Tue 8 Dec 2026"),
        (("2026-11-30",), "has passed"),
        (("2026-12-09", "--to", "2026-11-01"), "has passed"),
        (("2026-12-09", "--to", "2026-12-09"), "already on"),
        (("someday",), "is not a day"),
        (("2026-12-09", "--to", "2026-12-26"), "already taken by a move"),
        (("2026-12-14", "--to", "2026-12-12"), "not after the session before it (Sun 13 Dec)"),
    ):
        result = run("program", "move", *args)
        assert result.exit_code == 2, (args, result.stdout)
        assert message in result.stderr, (args, result.stderr)
        assert len(result.stderr.strip().splitlines()) == 1
    assert run_json("program", "show")["moves"] == moved["moves"]


def test_a_block_from_an_older_history_keeps_its_days(
    backplan_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A history from before blocks followed the calendar: its block reads as it was
    planned (its days spread from its start) and takes moves."""
    before = next(n for n, statements in enumerate(migrations.MIGRATIONS)
                  if "ADD COLUMN weekdays" in statements[0])  # fmt: skip
    path = old_database(backplan_env, before)  # the schema just before programs had days
    start = date(2026, 11, 30)
    sessions = [
        [n + 1, n // 2 + 1, n % 2 + 1, (start + timedelta(weeks=n // 2, days=3 * (n % 2)))
         .isoformat(), "strength", [["lats", 1]], [["lats", 3]], n >= 6]
        for n in range(8)
    ]  # fmt: skip
    lifts = [["lats", "pull-up", "Pull-Up", ["strength"]]]
    db = sqlite3.connect(path)
    db.execute(
        "INSERT INTO programs (created, start, weeks, days, goal, level, groups, equipment,"
        " seed, main_lifts, sessions) VALUES (?, ?, 4, 2, 'strength', 'intermediate',"
        " '[\"lats\"]', NULL, 1, ?, ?)",
        (datetime(2026, 11, 29, 9).isoformat(), start.isoformat(), json.dumps(lifts),
         json.dumps(sessions)),
    )  # fmt: skip
    db.commit()
    db.close()
    at(monkeypatch, date(2026, 11, 29))
    shown: dict[str, Any] = run_json("program", "show")
    assert [s["date"] for s in shown["sessions"]] == [s[3] for s in sessions]
    assert shown["weekdays"] == ["mon", "thu"]
    ok("program", "move", "2026-12-03")
    assert run_json("program", "show")["sessions"][1]["date"] == "2026-12-07"
