"""Interactive commands in a real pseudo-terminal at 80 x 24, with an injected clock."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import ok, run_json
from tests.terminal import Terminal

MONDAY = "2026-11-23T18:00:00+00:00"
SATURDAY = "2026-11-28T09:00:00+00:00"


@pytest.fixture
def planned(backplan_env: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    """A saved whole-back workout on Monday, and its first exercise done in reps."""
    monkeypatch.setenv("BACKPLAN_NOW", MONDAY)
    workout = run_json("workout", "--seed", "3")
    first = next(e for e in workout["exercises"] if e["dose"] == "reps")
    return first


def test_log_asks_set_by_set_showing_the_exercise(backplan_env: Path, planned: dict) -> None:
    term = Terminal(backplan_env, "log", planned["id"], now=MONDAY)
    term.expect("Set 1: ")
    assert planned["name"] in term.shown
    assert f"{planned['sets']} × {planned['reps_min']}–{planned['reps_max']}" in term.shown
    term.line("8x60")
    term.expect("Set 2: ")
    term.line("8*60")  # a near miss is refused with its reason, and asked again
    term.expect("Set 2: ")
    assert "use x between reps and weight (8x60)" in term.shown
    assert "'8*60' is not a set" in term.shown  # the typed line, without its newline
    term.line("7x60@9")
    term.expect("Set 3: ")
    term.line("")
    assert term.finish() == 0
    assert "Logged 2 sets" in term.text
    sets = next(
        e for e in run_json("history", "show", "1")["exercises"] if e["id"] == planned["id"]
    )
    assert [(s["reps"], s["rir"]) for s in sets["sets_logged"]] == [(8, None), (7, 1.0)]


def test_ctrl_c_keeps_nothing_and_says_so(backplan_env: Path, planned: dict) -> None:
    term = Terminal(backplan_env, "log", planned["id"], now=MONDAY)
    term.expect("Set 1: ")
    term.line("8x60")
    term.expect("Set 2: ")
    term.send("\x03")
    assert term.finish() == 1
    assert "nothing was logged" in term.shown
    kept = run_json("history", "show", "1")["exercises"]
    assert all(not e["sets_logged"] for e in kept)


def test_ctrl_d_ends_and_keeps_the_sets(backplan_env: Path, planned: dict) -> None:
    term = Terminal(backplan_env, "log", planned["id"], now=MONDAY)
    term.expect("Set 1: ")
    term.line("8x60")
    term.expect("Set 2: ")
    term.send("\x04")
    assert term.finish() == 0
    assert "Logged 1 set of" in term.shown
    # The next prompt line starts clean: the end of input gave a newline.
    assert not any(row.startswith("Set 2: Logged") for row in term.shown.splitlines())


def test_the_last_sessions_sets_are_shown(backplan_env: Path, planned: dict) -> None:
    ok("log", planned["id"], "8x60", "8x60")
    term = Terminal(backplan_env, "log", planned["id"], "--add", now=MONDAY)
    term.expect("Set 1: ")
    assert "Last time: 8×60 kg, 8×60 kg" in term.shown
    term.line("")
    assert term.finish() == 2  # no sets given


def test_logging_into_an_older_workout_is_asked(backplan_env: Path, planned: dict) -> None:
    term = Terminal(backplan_env, "log", planned["id"], "8x60", now=SATURDAY)
    term.expect(r"Log into it\? \[Y/n\]: ")
    assert "#1, is from Mon 23 Nov 2026 18:00 (5 days ago)" in term.shown
    term.line("n")
    assert term.finish() == 2
    assert "Nothing was logged" in term.shown
    yes = Terminal(backplan_env, "log", planned["id"], "8x60", now=SATURDAY)
    yes.expect(r"\[Y/n\]: ")
    yes.line("")
    assert yes.finish() == 0
    # Naming the workout says it is meant: no question.
    named = Terminal(backplan_env, "log", planned["id"], "8x60", "--add", "--workout", "1",
                     now=SATURDAY)  # fmt: skip
    assert named.finish() == 0
    assert "Log into it" not in named.text
