"""`go` as a lifter types it, in a real pseudo-terminal: keys 20 ms apart, typed ahead of
the screen (during start-up, redraws, transitions and rests), and every set found in
`history show --json` on the right exercise, with the right load and effort."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pexpect
import pytest

from tests.helpers import entry, ok, run_json, write_catalogue
from tests.terminal import Terminal

MONDAY = "2026-11-30T18:00:00+01:00"
FAST = 1000.0

# The session of the `gym` below with --supersets: A1 pull-up and A2 face pull in turn,
# then B1 row (one warm-up set first) and B2 side plank in turn. What is typed at each
# set, and what each must be stored as: (exercise, reps, weight, reps in reserve).
SESSION = [
    ("8x+10@8", ("pull-up", 8, 10.0, 2.0)),
    ("15x20", ("face-pull", 15, 20.0, None)),
    ("", ("pull-up", 8, 10.0, 2.0)),  # Enter: the whole set again, effort included
    ("12", ("face-pull", 12, 20.0, None)),  # 12 at the weight on screen
    ("7x+10@9", ("pull-up", 7, 10.0, 1.0)),
    ("", ("face-pull", 12, 20.0, None)),
    ("", None),  # the row's warm-up set, not logged
    ("10x60@7", ("row", 10, 60.0, 3.0)),
    ("30s", ("side-plank", 30, None, None)),
    ("", ("row", 10, 60.0, 3.0)),
    ("25s", ("side-plank", 25, None, None)),
    ("9", ("row", 9, 60.0, None)),
    ("30s", ("side-plank", 30, None, None)),
]


@pytest.fixture
def gym(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A pull-up that takes a belt, a face pull, a barbell row and a 30-second plank."""
    path = write_catalogue(
        tmp_path / "gym.yaml",
        [
            entry("row", "upper-back", equipment=["barbell"], pattern="horizontal-pull",
                  cues=["Pull to the ribs."]),
            entry("face-pull", "upper-back", equipment=["cable"], pattern="scapular",
                  mechanic="isolation", cues=["Pull to the face."]),
            entry("side-plank", "lower-back", pattern="stability", dose="seconds",
                  range=[30, 30], mechanic="isolation", cues=["Hips high."]),
            entry("pull-up", "lats", equipment=["pull-up-bar"], pattern="vertical-pull",
                  belt=True, cues=["Chest to the bar.", "Elbows to the ribs.",
                                   "No kipping.", "Full hang at the bottom."]),
        ],
        version=2,
    )  # fmt: skip
    monkeypatch.setenv("BACKPLAN_CATALOG", str(path))
    monkeypatch.setenv("BACKPLAN_NOW", MONDAY)
    return path


def _planned() -> dict[str, Any]:
    planned = run_json("workout", "--supersets", "--seed", "1", "--exercises", "4")
    shape = [(e["id"], e["superset"], e["sets"], len(e["warmup"])) for e in planned["exercises"]]
    assert shape == [("pull-up", "A", 3, 0), ("face-pull", "A", 3, 0), ("row", "B", 3, 1),
                     ("side-plank", "B", 3, 0)]  # fmt: skip
    return planned


def _go(home: Path, rate: float = FAST, size: tuple[int, int] = (24, 80)) -> Terminal:
    catalogue = os.environ["BACKPLAN_CATALOG"]  # the terminal's own environment drops it
    return Terminal(home, "go", "--catalog", catalogue, now=MONDAY, rate=rate, size=size)


def _stored() -> list[tuple[str, int, float | None, float | None]]:
    """Every set of workout #1 in the order logged, from history show --json."""
    shown = run_json("history", "show", "1")
    found = [
        (e["id"], s["reps"], s["weight"], s["rir"])
        for e in shown["exercises"]
        for s in e["sets_logged"]
    ]
    return sorted(found, key=lambda s: [x[1][0] for x in SESSION if x[1]].index(s[0]))


def _expected() -> list[tuple[str, int, float | None, float | None]]:
    done = [want for _, want in SESSION if want is not None]
    return sorted(done, key=lambda s: [x[1][0] for x in SESSION if x[1]].index(s[0]))


@pytest.mark.parametrize("rate", [1.0, FAST], ids=["rests-running", "rests-over"])
def test_a_whole_session_typed_ahead_of_the_screen(
    backplan_env: Path, gym: Path, rate: float
) -> None:
    """Every key of the session typed from the start, 20 ms apart, while go starts up,
    redraws, rests (a slow clock: each rest is still running) and moves between the
    members of a superset: each set lands where it was meant."""
    _planned()
    term = _go(backplan_env, rate=rate)
    keys = "".join(typed + "\r" for typed, _ in SESSION)
    term.type(keys + "\r" + "3\r")  # the screen after the last set, then the back: 3
    term.child.expect(pexpect.EOF, timeout=90)
    term.child.close()
    assert term.child.exitstatus == 0
    assert _stored() == _expected()
    shown = run_json("history", "show", "1")
    assert shown["back"] == 3
    # In the order done, too: the superset's members in turn.
    order = [want[0] for _, want in SESSION if want is not None]
    by_id = {e["id"]: iter(e["sets_logged"]) for e in shown["exercises"]}
    stamps = [next(by_id[ident]) for ident in order]
    assert [s["reps"] for s in stamps] == [want[1] for _, want in SESSION if want is not None]
    # The rests taken are kept, and shown as a column, not under every set.
    assert any(s["rest"] is not None for e in shown["exercises"] for s in e["sets_logged"])
    table = ok("history", "show", "1").stdout
    assert " rest " in table
    assert "after 0:" not in table
    assert "after 1:" not in table
    assert "8 × +10 kg @2 RIR" in table  # the belt as a belt


def test_each_screen_says_what_enter_logs_and_a_belt_as_a_belt(
    backplan_env: Path, gym: Path
) -> None:
    ok("weigh", "80")
    _planned()
    term = _go(backplan_env)
    for typed, want in SESSION:
        term.expect("> ")
        if want == ("pull-up", 8, 10.0, 2.0) and not typed:
            # Enter repeats the whole set: the effort, and the belt said as a belt.
            assert "Enter logs 8 × +10 kg (90 kg moved) @2 RIR" in term.shown
            assert "Done: 8 × +10 kg (90 kg moved) @2 RIR" in term.shown
        if want == ("row", 10, 60.0, 3.0) and not typed:
            assert "Enter logs 10×60 kg @3 RIR" in term.shown
        term.type(typed + "\r")
    assert term.finish() == 0
    assert _stored() == _expected()


@pytest.mark.parametrize("size", [(24, 80), (30, 50), (24, 40), (16, 40)])
def test_the_set_line_and_the_prompt_are_always_on_screen(
    backplan_env: Path, gym: Path, size: tuple[int, int]
) -> None:
    """At 80 x 24, 50 x 30 and 40 columns (a phone), with the keys' help on screen:
    cues and the rest fold or go, never the set line or the prompt."""
    ok("weigh", "80")
    _planned()
    term = _go(backplan_env, size=size)
    for typed, _ in [("?", None), *SESSION]:
        term.expect("> ")
        rows = [row for row in term.shown.splitlines() if row.strip()]
        assert rows[-1].startswith(">"), term.shown
        # Nothing scrolled off the top: the screen opens with its head or the title.
        assert rows[0].startswith(("backplan go", "#", "A1", "A2", "B1", "B2")), term.shown
        assert any(re.match(r"(Warm-up set|Set) \d of \d", row) for row in rows), term.shown
        assert any(row.startswith(("Enter", "No load")) for row in rows), term.shown
        assert all(len(row) <= size[1] for row in term.shown.splitlines())
        term.type(typed + "\r")
    assert term.finish() == 0


def test_l_shows_what_is_left(backplan_env: Path, gym: Path) -> None:
    _planned()
    term = _go(backplan_env)
    term.expect("> ")
    term.type("8\r")
    term.expect("> ")
    term.type("l\r")
    term.expect("> ")
    screen = term.shown
    assert "Left (1 sets done):" in screen or "Left (1 set done):" in screen, screen
    assert "A1 Pull Up: 2 sets of 6–12" in screen
    assert "A2 Face Pull: 3 sets of 8–12" in screen
    assert "B2 Side Plank: 3 sets of 30 s" in screen
    term.type("q\r")
    assert term.finish() == 0


def test_a_hold_stopped_by_a_slip_asks_and_never_becomes_the_target(
    backplan_env: Path, gym: Path
) -> None:
    run_json("workout", "--group", "lower", "--seed", "1", "--exercises", "1")
    term = _go(backplan_env, rate=1)  # a real clock: 3 s to get ready
    term.expect("Enter starts the 30 s hold")
    term.expect("> ")
    term.type("\r")
    term.expect("Enter stops it")
    term.type("\r")  # a slip: stopped at once
    term.expect(r"Stopped at \d+ s of 30 s\. Log \d+ s\? y logs it; Enter or u: not logged: ")
    term.type("\r")
    term.expect("> ")
    assert re.search(r"Not logged: \d+ s of 30 s", term.shown)
    assert "Enter starts the 30 s hold" in term.shown
    term.type("\r")
    term.expect("Enter stops it")
    term.type("\r")
    term.expect(r"Log \d+ s\? ")
    term.type("y\r")  # it was meant: logged, and the next set still aims at 30 s
    term.expect("any key ends it")  # the screen of set 2, and the rest before it
    assert re.search(r"Logged \d+ s\.", term.shown)
    assert "Set 2 of" in term.shown
    assert "Enter starts the 30 s hold" in term.shown
    term.type("q\r")  # ends the rest, and quits
    assert term.finish() == 0
    [held] = run_json("history", "show", "1")["exercises"][0]["sets_logged"]
    assert held["reps"] < 10


def test_after_the_last_set_a_adds_a_finisher_taking_the_suggestion_with_enter(
    backplan_env: Path, gym: Path
) -> None:
    run_json("workout", "--group", "upper", "--seed", "1", "--exercises", "1")
    term = _go(backplan_env)
    shown = run_json("history", "show", "1")["exercises"][0]
    steps = shown["sets"] + len(shown["warmup"])
    for number in range(steps):
        term.expect("> ")
        term.type("12x20\r" if number >= len(shown["warmup"]) else "\r")
    term.expect("All sets done")
    term.expect("> ")
    term.type("n\r")  # a note on the last set: one key and the text
    term.expect("Note on set 3 of")
    term.type("last one slow\r")
    term.expect("All sets done")
    term.expect("> ")
    assert "Noted on set 3 of" in term.shown
    term.type("a\r")
    term.expect("Exercise to add")
    term.type("pul-up\r")
    term.expect(r"did you mean 'pull-up'\? Enter adds it")
    term.type("\r")
    term.expect("> ")
    assert "Added Pull Up" in term.shown
    assert "Set 1 of 3" in term.shown  # the finisher, walked like the rest
    term.type("q\r")
    assert term.finish() == 0
    exercises = run_json("history", "show", "1")["exercises"]
    assert [e["id"] for e in exercises][-1] == "pull-up"
    assert exercises[0]["sets_logged"][-1]["note"] == "last one slow"


@pytest.mark.parametrize("answer", ["²", "8" * 5000, "-1", "11"])
def test_the_backs_question_takes_no_odd_number(backplan_env: Path, gym: Path, answer: str) -> None:
    run_json("workout", "--group", "lats", "--seed", "1", "--exercises", "1")
    ok("log", "pull-up", "8", "8", "8")
    term = Terminal(backplan_env, "go", "1", now=MONDAY, rate=FAST)
    term.expect("How does your back feel")
    term.child.send(answer + "\r")
    term.expect("A whole number from 0 to 10")
    term.expect("Enter skips: ")
    term.type("4\r")
    term.child.expect(pexpect.EOF)
    term.child.close()
    assert term.child.exitstatus == 0
    assert run_json("history", "show", "1")["back"] == 4
