"""`backplan program`: a block planned, followed with workout and log for its weeks (the
clock moved day by day), exported, ended; and every refusal."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from backplan.store import migrations
from tests.helpers import do, entry, ok, old_database, run, run_json, write_catalogue
from tests.terminal import Terminal

MONDAY = date(2026, 11, 30)


def at(monkeypatch: pytest.MonkeyPatch, day: date, hour: int = 18) -> None:
    monkeypatch.setenv("BACKPLAN_NOW", f"{day.isoformat()}T{hour:02d}:00:00+01:00")


def test_a_four_week_block_followed_to_its_end(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    at(monkeypatch, MONDAY)
    made = run_json("program", "new", "--weeks", "4", "--days", "3", "--seed", "5")
    assert (made["weeks"], made["days"], made["goal"], made["next"]) == (4, 3, "auto", 1)
    assert len(made["sessions"]) == 12
    mains = {m["id"] for m in made["main_lifts"]}
    assert {m["group"] for m in made["main_lifts"]} == {"lats", "upper-back", "lower-back"}
    seen_loads: dict[str, list[float]] = {}
    main_sets: dict[tuple[str, str], list[int]] = {}
    for session in made["sessions"]:
        at(monkeypatch, date.fromisoformat(session["date"]))
        workout = run_json("workout")
        week, day = session["week"], session["day"]
        assert workout["program"] == {"id": made["id"], "session": session["number"]}
        assert workout["notes"][0].startswith(f"Week {week}, day {day} of your 4-week block")
        assert workout["goal"] == session["goal"]
        ids = [e["id"] for e in workout["exercises"]]
        assert set(session["main_lifts"]) <= set(ids)
        sets: dict[str, int] = {}
        for e in workout["exercises"]:
            sets[e["group"]] = sets.get(e["group"], 0) + e["sets"]
            if e["id"] in mains and e["load"] and e["load"]["weight"]:
                seen_loads.setdefault(f"{e['id']} {e['reps_min']}", []).append(e["load"]["weight"])
            if e["id"] in mains:
                main_sets.setdefault((e["id"], workout["goal"]), []).append(e["sets"])
        if not session["deload"]:
            assert sets == session["sets"], workout["notes"]
        else:  # the main lifts' sets halved too: at most the plan, never more
            assert all(n <= session["sets"][g] for g, n in sets.items()), workout["notes"]
            for e in workout["exercises"]:
                if e["id"] in mains:
                    before = main_sets[e["id"], workout["goal"]][-2]
                    assert 1 <= e["sets"] <= -(-before // 2), (e["id"], before)
        # The human view says where you are.
        text = ok("history", "show", str(workout["id"])).stdout
        assert f"Week {week}, day {day} of your 4-week block" in text
        do(workout)
    # Each main lift progressed on its own days (a strength day from the last strength day).
    assert any(loads[-1] > loads[0] for loads in seen_loads.values()), seen_loads
    shown = run_json("program", "show")
    assert shown["next"] is None
    assert all(s["workout_id"] for s in shown["sessions"])
    assert "Every session is done" in ok("program", "show").stdout
    # Past the block: workout plans as usual, and says the block is done.
    at(monkeypatch, MONDAY + timedelta(weeks=4))
    after = run_json("workout")
    assert after["program"] is None
    assert any("Every session of your block is done" in n for n in after["notes"])
    # Exported, then ended; the history stays.
    md = ok("program", "export", "--format", "md").stdout
    assert md.startswith("# Back program: 4-week block, 3 days a week (Mon Wed Fri)")
    assert md.count("## Week ") == 4
    assert "## Week 4 (deload)" in md
    ok("program", "export", "--format", "ics", "--output", str(tmp_path / "block.ics"))
    calendar = Calendar.from_ical((tmp_path / "block.ics").read_bytes())
    events = calendar.walk("VEVENT")
    assert len(events) == 12
    assert [e.decoded("dtstart") for e in events] == [
        date.fromisoformat(s["date"]) for s in made["sessions"]
    ]
    assert len({str(e["uid"]) for e in events}) == 12
    ended = ok("program", "end").stdout
    assert "12 of 12 sessions done" in ended
    assert len(run_json("history", "--last", "50")) == 13
    assert run("program", "show").exit_code == 2


def test_missed_days_and_deleted_workouts_do_not_break_the_block(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    at(monkeypatch, MONDAY)
    ok("program", "new", "--days", "2", "--seed", "1")
    first = run_json("workout")
    do(first)
    # Two weeks away: the next session is still day 2 of week 1.
    at(monkeypatch, MONDAY + timedelta(days=15))
    second = run_json("workout")
    assert second["program"]["session"] == 2
    do(second)
    at(monkeypatch, MONDAY + timedelta(days=17))
    third = run_json("workout")
    assert third["program"]["session"] == 3
    # Planned, not done, then deleted along with the one before: day 2 comes round again.
    ok("history", "delete", str(third["id"]), "--yes")
    ok("history", "delete", str(second["id"]), "--yes")
    assert run_json("program", "show")["next"] == 2
    assert run_json("workout", "--new")["program"]["session"] == 2
    text = ok("program", "show").stdout
    assert "done #1" in text
    assert "← next" in text


def test_command_line_options_win_over_the_program(monkeypatch: pytest.MonkeyPatch) -> None:
    at(monkeypatch, MONDAY)
    made = run_json("program", "new", "--seed", "2")
    planned = run_json("workout", "--goal", "endurance", "--exercises", "4", "--no-save")
    assert planned["goal"] == "endurance"
    assert len(planned["exercises"]) == 4
    assert planned["program"]["session"] == 1
    assert made["sessions"][0]["goal"] == "strength"


def test_a_deload_week_holds_the_loads(monkeypatch: pytest.MonkeyPatch) -> None:
    at(monkeypatch, MONDAY)
    made = run_json("program", "new", "--weeks", "4", "--days", "2", "--goal", "strength")
    for session in made["sessions"][:6]:
        at(monkeypatch, date.fromisoformat(session["date"]))
        do(run_json("workout"))
    at(monkeypatch, date.fromisoformat(made["sessions"][6]["date"]))
    deload = run_json("workout")
    assert "deload week" in deload["notes"][0]
    loads = [e["load"] for e in deload["exercises"] if e["load"]]
    assert loads
    assert all(load["change"] != "up" for load in loads)
    assert any("deload week" in load["reason"] for load in loads)


def test_refusals(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    at(monkeypatch, MONDAY)
    only_lats = write_catalogue(tmp_path / "lats.yaml", [entry("pull-up")])
    for args in (("show",), ("export",), ("end",)):
        result = run("program", *args)
        assert result.exit_code == 2
        assert "No program is active. Start one with: backplan program new" in result.stderr
    for args, message in (
        (("--weeks", "3"), "--weeks"),
        (("--weeks", "13"), "--weeks"),
        (("--days", "1"), "--days"),
        (("--days", "6"), "--days"),
        (("--goal", "bulk"), "Choose from: auto, strength"),
        (("--start", "someday"), "is not a day"),
        (("--days", "mon,mon,fri"), "names a weekday twice"),
        (("--days", "mon,funday"), "'funday' is neither"),
        (("--days", "mon"), "names 1 weekday"),
        (("--days", "mon,tue,wed,thu,fri,sat"), "names 6 weekdays"),
        (("--start", "2029-01-01"), "more than a year"),
        (("--group", "legs"), "legs"),
        (("--catalog", str(only_lats), "--group", "lower"), "no lower back exercises"),
    ):
        result = run("program", "new", *args)
        assert result.exit_code == 2, (args, result.stdout)
        assert message in result.stderr, (args, result.stderr)
        assert "Traceback" not in result.stderr
    made = run_json("program", "new", "--seed", "1")
    again = run("program", "new", "--weeks", "6")
    assert again.exit_code == 2
    assert "give --replace" in again.stderr
    assert run_json("program", "show")["id"] == made["id"]
    replaced = run_json("program", "new", "--weeks", "6", "--replace")
    assert replaced["weeks"] == 6
    assert run_json("program", "show")["id"] == replaced["id"]
    bad = run("program", "export", "--format", "pdf")
    assert bad.exit_code == 2
    assert "Choose md or ics" in bad.stderr
    taken = tmp_path / "taken.md"
    taken.write_text("mine")
    refused = run("program", "export", "--output", str(taken))
    assert refused.exit_code == 2
    assert "--force" in refused.stderr
    assert taken.read_text() == "mine"
    ok("program", "export", "--output", str(taken), "--force")
    assert taken.read_text().startswith("# Back program")


def test_an_older_database_migrates_and_a_newer_one_is_refused_untouched(
    backplan_env: Path,
) -> None:
    path = old_database(backplan_env, 5)
    ok("program", "new")
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == migrations.SCHEMA_VERSION
    assert db.execute("SELECT COUNT(*) FROM programs").fetchone()[0] == 1
    db.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    before = path.read_bytes()
    result = run("program", "show")
    assert result.exit_code == 1
    assert "newer backplan" in result.stderr
    assert path.read_bytes() == before


def test_a_second_program_asks_on_a_terminal(backplan_env: Path) -> None:
    now = "2026-11-30T18:00:00+01:00"
    first = Terminal(backplan_env, "program", "new", "--seed", "1", now=now)
    assert first.finish() == 0
    kept = Terminal(backplan_env, "program", "new", "--weeks", "8", now=now)
    kept.expect(r"End it and start this one\? \[y/N\]: ")
    assert "A 4-week block that started Mon 30 Nov is active (0 of 12" in kept.shown
    kept.line("n")
    assert kept.finish() == 0
    assert "Kept it." in kept.shown
    replaced = Terminal(backplan_env, "program", "new", "--weeks", "8", now=now)
    replaced.expect(r"\[y/N\]: ")
    replaced.line("y")
    assert replaced.finish() == 0
    assert "Ended the block that started Mon 30 Nov." in replaced.text
    assert "8-week block" in replaced.text


def test_a_swap_keeps_the_programs_sets(monkeypatch: pytest.MonkeyPatch) -> None:
    at(monkeypatch, MONDAY)
    ok("program", "new", "--days", "2", "--seed", "3")
    do(run_json("workout"))
    at(monkeypatch, MONDAY + timedelta(days=3))
    second = run_json("workout")
    assert second["program"]["session"] == 2
    short = next(e for e in second["exercises"] if e["sets"] == 2)
    swapped = run_json("swap", short["id"])
    replacement = next(e for e in swapped["exercises"] if e["position"] == short["position"])
    assert replacement["id"] != short["id"]
    assert replacement["sets"] == 2


def test_a_program_survives_export_and_import(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, backplan_env: Path
) -> None:
    at(monkeypatch, MONDAY)
    made = run_json("program", "new", "--seed", "4", "--days", "mon,wed,sat", "--weeks", "5")
    do(run_json("workout"))
    at(monkeypatch, MONDAY + timedelta(days=2))
    do(run_json("workout"))
    ok("program", "move", "next", "--to", "2026-12-06")
    before = run_json("program", "show")
    ok("export", "--output", str(tmp_path / "all.json"))
    for leftover in backplan_env.glob("history.sqlite3*"):
        leftover.unlink()
    ok("import", str(tmp_path / "all.json"))
    shown = run_json("program", "show")
    assert shown == before  # the weekdays, the move, the days, the splits: all of it
    assert shown["main_lifts"] == made["main_lifts"]
    assert [s["workout_id"] for s in shown["sessions"][:3]] == [1, 2, None]
    assert shown["next"] == 3
    # Again: nothing new, and still one active program.
    assert "already here" in ok("import", str(tmp_path / "all.json")).stdout
    assert run_json("program", "show")["id"] == shown["id"]
    # A bad program in a file is refused with its path, nothing changed.
    document = json.loads((tmp_path / "all.json").read_text())
    for key, value, message in (
        ("weeks", 40, "programs[0].weeks: must be from 4 to 12"),
        ("weekdays", [0, 9], "programs[0].weekdays"),
        ("moves", [["2026-12-05"]], "programs[0].moves: cannot be read"),
        ("moves", "soon", "programs[0].moves"),
    ):
        bad = json.loads(json.dumps(document))
        bad["programs"][0][key] = value
        (tmp_path / "bad.json").write_text(json.dumps(bad))
        result = run("import", str(tmp_path / "bad.json"))
        assert result.exit_code == 2, key
        assert message in result.stderr, (key, result.stderr)
        assert "Traceback" not in result.stderr


def test_next_time_names_the_blocks_next_session_and_matches_its_plan(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    at(monkeypatch, date(2026, 11, 30), 7)
    block = run_json("program", "new", "--start", "2026-11-30", "--seed", "1")
    deadlift = next(m["id"] for m in block["main_lifts"] if m["group"] == "lower-back")
    at(monkeypatch, date(2026, 11, 30))
    monday = run_json("workout")  # a strength day
    done = ok("log", deadlift, "3x5x140@2rir").stdout
    assert "Next time (Wed 2 Dec, a hypertrophy day):" in done
    said = done.split("Next time (Wed 2 Dec, a hypertrophy day): ")[1].split(" ")[0]
    at(monkeypatch, date(2026, 12, 2))
    wednesday = run_json("workout")
    assert wednesday["goal"] == "hypertrophy"
    lift = next(e for e in wednesday["exercises"] if e["id"] == deadlift)
    assert f"{lift['load']['weight']:g}" == said  # what log said is what the plan prescribes
    assert monday["goal"] == "strength"


@pytest.mark.parametrize("columns", [80, 50])
def test_a_new_block_is_summed_up_within_a_screen(
    monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    """`program new` fits 24 rows whatever the block (the whole table is `program show`),
    and its weekly sets are the block's."""
    monkeypatch.setenv("COLUMNS", str(columns))
    at(monkeypatch, MONDAY)
    shown = ok("program", "new", "--weeks", "12", "--days", "5", "--seed", "2").stdout
    lines = shown.splitlines()
    assert len(lines) <= 24
    assert all(len(line) <= columns for line in lines)
    assert "backplan program show" in shown
    block = run_json("program", "show")
    first = dict.fromkeys(("lats", "upper-back", "lower-back"), 0)
    for session in block["sessions"]:
        if session["week"] == 1:
            for group, sets in session["sets"].items():
                first[group] += sets
    assert f" 1: {first['lats']}/{first['upper-back']}/{first['lower-back']}" in shown
