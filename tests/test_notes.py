"""Notes from `log` and `go`, and how the back feels: kept, shown, exported; a sore back
changes the next session (no hinge but a pin, its load held, spine-sparing work, and
the line that this is guidance, not a diagnosis)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings

from backplan.catalogue.model import Exercise, Group
from backplan.errors import BackplanError
from backplan.training.back import CLINICIAN, Back, Soreness, sore, spine_sparing
from backplan.training.candidates import Request, candidates
from backplan.training.model import Recency
from backplan.training.planner import plan
from tests.helpers import do, ok, run, run_json
from tests.terminal import Terminal
from tests.test_planner import NOW, SHIPPED, exercises, requests

MONDAY = date(2026, 11, 30)


def at(monkeypatch: pytest.MonkeyPatch, day: date, hour: int = 18) -> None:
    monkeypatch.setenv("BACKPLAN_NOW", f"{day.isoformat()}T{hour:02d}:00:00+01:00")


def test_log_takes_notes_and_the_back(monkeypatch: pytest.MonkeyPatch) -> None:
    at(monkeypatch, MONDAY)
    planned = run_json("workout", "--seed", "2")
    first = planned["exercises"][0]["id"]
    ok("log", first, "8x60", "8x60", "--note", "straps on the last set")
    ok("log", "--workout-note", "Gym packed, waited for the rack")
    said = ok("log", "--back", "3").stdout
    assert "Your back after workout #1: 3 of 10." in said
    second = planned["exercises"][1]["id"]
    ok("log", second, "--note", "felt it in the forearms")  # a note alone, no sets
    shown = run_json("history", "show", "1")
    assert shown["note"] == "Gym packed, waited for the rack"
    assert shown["back"] == 3
    notes = {e["id"]: e["note"] for e in shown["exercises"]}
    assert notes[first] == "straps on the last set"
    assert notes[second] == "felt it in the forearms"
    text = ok("history", "show", "1").stdout
    assert "Gym packed, waited for the rack" in text
    assert "Your back afterwards: 3 of 10." in text
    assert "straps on the last set" in " ".join(text.split())
    md = ok("history", "show", "1", "--format", "md").stdout
    assert "straps on the last set" in md
    assert "Back afterwards: 3 of 10." in md
    exported = json.loads(ok("export").stdout)
    assert exported["workouts"][0]["note"] == "Gym packed, waited for the rack"
    assert exported["workouts"][0]["back"] == 3


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--note", "   "), "--note is empty"),
        (("--workout-note", "x" * 10_001), "a note holds at most 10,000"),
        (("--back", "11"), "--back"),
        (("--back", "sore"), "--back"),
        (("--note", "no exercise"), "--note goes on an exercise"),
    ],
)
def test_bad_notes_and_ratings_are_refused(
    monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...], message: str
) -> None:
    at(monkeypatch, MONDAY)
    run_json("workout", "--seed", "2")
    result = run("log", *args)
    assert result.exit_code == 2, result.stdout
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert run_json("history", "show", "1")["back"] is None


def test_a_hostile_note_never_reaches_the_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    at(monkeypatch, MONDAY)
    planned = run_json("workout", "--seed", "2")
    first = planned["exercises"][0]["id"]
    ok("log", first, "8x60", "--note", "red \x1b[31malert\x1b[0m \x07bell")
    text = ok("history", "show", "1").stdout
    assert "\x1b[31m" not in text
    assert "\x07" not in text


def _sore_history(monkeypatch: pytest.MonkeyPatch, pinned: str | None = None) -> None:
    """Four sessions rated 2, 2, 3, then 5."""
    if pinned:
        ok("pin", pinned)
    for n, rating in enumerate((2, 2, 3, 5)):
        at(monkeypatch, MONDAY + timedelta(days=2 * n))
        do(run_json("workout", "--seed", str(n)))
        ok("log", "--back", str(rating))
    at(monkeypatch, MONDAY + timedelta(days=8))


def test_a_sore_back_changes_the_next_session(monkeypatch: pytest.MonkeyPatch) -> None:
    _sore_history(monkeypatch, pinned="conventional-deadlift")
    status = " ".join(ok("status").stdout.split())
    assert "newest first: 5 (Sun 6 Dec), 3, 2, 2." in status
    assert "Usual: 2." in status
    planned = run_json("workout", "--seed", "9")
    by_id = {e.id: e for e in SHIPPED}
    hinges = [e for e in planned["exercises"] if by_id[e["id"]].is_hinge]
    assert [e["id"] for e in hinges] == ["conventional-deadlift"]  # the pin, no other
    assert hinges[0]["load"]["change"] != "up"
    assert "your back" in hinges[0]["load"]["reason"]
    lower = [by_id[e["id"]] for e in planned["exercises"] if e["group"] == "lower-back"]
    assert any(spine_sparing(e) for e in lower)
    note = next(n for n in planned["notes"] if n.startswith("Your back: 5"))
    assert "usual 2" in note
    assert CLINICIAN in note
    assert "numbness or weakness" in note
    # Without the sore rating the same session plans as before.
    ok("log", "--back", "2", "--workout", str(planned["id"] - 1))
    again = run_json("workout", "--seed", "9", "--no-save")
    assert not any(n.startswith("Your back") for n in again["notes"])


def test_notes_typed_in_go_reach_history_and_the_next_last_time(
    backplan_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at(monkeypatch, MONDAY)
    planned = run_json("workout", "--seed", "4", "--group", "lats", "--exercises", "1")
    name = planned["exercises"][0]["name"]
    now = f"{MONDAY.isoformat()}T18:00:00+01:00"
    term = Terminal(backplan_env, "go", now=now, rate=1000)
    term.expect("> ")
    while "Warm-up set" in term.shown:
        term.line("w")
        term.expect("> ")
    term.line("8x40")
    term.expect("> ")
    term.line("n")  # one key and the text: a note on the set just done
    term.expect(f"Note on set 1 of {name}")
    term.line("grip gave out")
    term.expect(f"Noted on set 1 of {name}")
    term.line("e")  # e: a note on the exercise
    term.expect(f"Note on {name}")
    term.line("use straps next time")
    term.expect(f"Noted on {name}")
    term.line("s")  # skip the rest: the session ends and asks about the back
    term.expect("All sets done")
    term.expect("> ")
    term.line("")
    term.expect("How does your back feel")
    term.line("4")
    assert term.finish() == 0
    shown = run_json("history", "show", "1")
    assert shown["back"] == 4
    exercise = shown["exercises"][0]
    assert exercise["note"] == "use straps next time"
    assert exercise["sets_logged"][0]["note"] == "grip gave out"
    at(monkeypatch, MONDAY + timedelta(days=3))
    ok("pin", planned["exercises"][0]["id"])  # the same lift again
    run_json("workout", "--seed", "4", "--group", "lats", "--exercises", "1")
    term = Terminal(backplan_env, "go", now=f"{(MONDAY + timedelta(days=3)).isoformat()}"
                    "T18:00:00+01:00", rate=1000)  # fmt: skip
    term.expect("> ")
    assert "grip gave out" in term.shown
    assert "use straps next time" in term.shown
    term.line("q")
    term.finish()


@settings(max_examples=120)
@given(pool=exercises(), request=requests())
def test_a_sore_back_never_adds_a_hinge(pool: list[Exercise], request: Request) -> None:
    """A sore back plans no hinge but a pinned one, and leans the lower back on
    spine-sparing drills where the catalogue has them."""
    try:
        soreness = Soreness(5, NOW, None, Back.SORE)
        sore_plan = plan(pool, replace(request, back=soreness), Recency(), NOW)
    except BackplanError:
        return
    by_id = {e.id: e for e in pool}
    # A catalogue of nothing but hinges for this session has nothing else to plan.
    only_hinges = all(e.is_hinge for e in candidates(pool, request.groups or tuple(Group),
                                                     request))  # fmt: skip
    for e in sore_plan.exercises:
        assert not by_id[e.id].is_hinge or e.id in request.pinned or only_hinges
    lower = [by_id[e.id] for e in sore_plan.exercises if e.group is Group.LOWER_BACK]
    pool_now = candidates(pool, request.groups or tuple(Group), request)
    if lower and any(spine_sparing(e) for e in pool_now):
        assert any(spine_sparing(e) for e in lower), [e.id for e in lower]


def test_without_ratings_nothing_is_sore() -> None:
    now = NOW
    assert sore([], now) is None
    assert sore([(now, 2)], now) is None  # fine on the fixed scale
    assert sore([(now - timedelta(days=4), 9), (now, 2)], now) is None  # too long ago
