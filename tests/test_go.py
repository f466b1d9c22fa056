"""`backplan go` in a real 80 x 24 pseudo-terminal, with an injected clock that runs fast
so no test sleeps through a rest (BACKPLAN_CLOCK_RATE)."""

from __future__ import annotations

import os
import re
import signal
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import entry, ok, run, run_json, write_catalogue
from tests.terminal import Terminal

MONDAY = "2026-11-30T18:00:00+01:00"
LAST_WEEK = "2026-11-23T18:00:00+01:00"
FAST = 1000.0  # a 90-second rest takes a tenth of a second


@pytest.fixture
def gym(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A catalogue of two exercises: a barbell row (loaded) and a pull-up (bodyweight)."""
    path = write_catalogue(
        tmp_path / "gym.yaml",
        [
            entry(
                "row",
                "upper-back",
                equipment=["barbell"],
                level="beginner",
                pattern="horizontal-pull",
                cues=["Pull to the ribs."],
                focus="Squeeze.",
            ),
            entry(
                "pull-up",
                "lats",
                equipment=["pull-up-bar"],
                pattern="vertical-pull",
                cues=["Chest to the bar."],
            ),
        ],
        version=2,
    )
    monkeypatch.setenv("BACKPLAN_CATALOG", str(path))
    return path


def go(home: Path, *args: str, rate: float = FAST, colour: bool = True) -> Terminal:
    return Terminal(home, "go", *args, now=MONDAY, rate=rate, colour=colour)


def planned(
    monkeypatch: pytest.MonkeyPatch, groups: str = "lats,upper", exercises: int = 2
) -> dict[str, Any]:
    monkeypatch.setenv("BACKPLAN_NOW", MONDAY)
    return run_json("workout", "--seed", "1", "--group", groups, "--exercises", str(exercises))


def rowed_last_week(monkeypatch: pytest.MonkeyPatch, sets: str) -> None:
    """Last week's workout of rows, logged as `sets`: today's row has a load."""
    monkeypatch.setenv("BACKPLAN_NOW", LAST_WEEK)
    ok("workout", "--seed", "1", "--group", "upper", "--exercises", "1")
    ok("log", "row", sets)


def resting(home: Path, gym: Path, monkeypatch: pytest.MonkeyPatch, rate: float) -> Terminal:
    """go, one set of pull-ups done, and the rest after it running."""
    planned(monkeypatch, "lats", 1)
    term = go(home, "--catalog", str(gym), rate=rate)
    term.expect("> ")
    term.line("")
    term.expect("any key ends it")
    return term


def past_the_warmup(home: Path, gym: Path, monkeypatch: pytest.MonkeyPatch) -> Terminal:
    """go on today's rows, last week's 3 × 10 × 60 kg known, the warm-up skipped."""
    rowed_last_week(monkeypatch, "3x10x60")
    planned(monkeypatch, "upper", 1)
    term = go(home, "--catalog", str(gym))
    term.expect("> ")
    term.line("w")
    term.expect("> ")
    return term


def logged(workout_id: int = 1) -> dict[str, list[dict[str, Any]]]:
    shown = run_json("history", "show", str(workout_id))
    return {e["id"]: e["sets_logged"] for e in shown["exercises"]}


def test_a_whole_session_with_enter(
    backplan_env: Path, gym: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Last week's row at 60 kg, so Enter knows the load today.
    rowed_last_week(monkeypatch, "3x10x60")
    workout = planned(monkeypatch)
    term = go(backplan_env, "--catalog", str(gym))
    sets = sum(e["sets"] for e in workout["exercises"])
    for number in range(sets + 3):  # the work sets, and the row's warm-up sets
        term.expect("> ")
        assert "backplan go · workout #2" in term.shown
        if number == 0:
            assert "Then: Row" in term.shown
        term.line("")
    assert term.finish() == 0
    screen = term.shown
    assert "Workout #2 done in" in screen
    assert "It is in your history: backplan history show 2" in screen
    done = logged(2)
    for e in workout["exercises"]:
        assert len(done[e["id"]]) == e["sets"]
        # Enter logs what the screen proposes, then repeats the set just done.
        target = (e["load"] or {}).get("reps") or (e["reps_min"] + e["reps_max"] + 1) // 2
        assert all(s["reps"] == target for s in done[e["id"]])
    assert {s["weight"] for s in done["row"]} == {60.0}
    assert "\a" in term.text  # the bell at the end of each rest


def test_the_screen_shows_the_set_the_cues_the_warmup_and_the_load(
    backplan_env: Path, gym: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rowed_last_week(monkeypatch, "3x12x60")
    planned(monkeypatch, "upper", 1)
    term = go(backplan_env, "--catalog", str(gym), colour=False)
    term.expect("> ")
    screen = term.shown
    assert "Row  upper back" in screen
    assert "Warm-up set 1 of 3 · 8×25 kg = 20 + [2.5] (not logged)" in screen
    assert "Enter when it is done · w skips the warm-up" in screen
    term.line("w")
    term.expect("> ")
    screen = term.shown
    assert "Set 1 of 3 · 3 × 6–12 · 2 RIR · rest 2 min" in screen
    assert "Load: 62.5 kg ↑ = 20 + [20 + 1.25] (e1RM 88 kg (12×60 kg, 2 RIR) → 9 reps" in screen
    assert "• Pull to the ribs." in screen
    assert "Focus: Squeeze." in screen
    assert "Enter logs 9×62.5 kg, or type what you did" in screen
    assert all(len(row) <= 80 for row in screen.splitlines())
    # NO_COLOR: bold and dim, but no colour.
    assert not re.search(r"\x1b\[[0-9;]*;?(3[0-7]|9[0-7])m", term.text)
    term.line("q")
    assert term.finish() == 0


def test_typed_sets_and_what_is_refused(
    backplan_env: Path, gym: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    planned(monkeypatch)
    term = go(backplan_env, "--catalog", str(gym))
    term.expect("> ")
    if "Warm-up" in term.shown:
        term.line("w")
        term.expect("> ")
    first = "row" if "Row  upper back" in term.shown else "pull-up"
    if first == "row":
        assert "Type what you did: 8, 8x62.5, 8x60@8 (no load is known yet)" in term.shown
        term.line("")  # nothing to log without a load
        term.expect("> ")
        assert "No load is known yet: type what you did, like 8x60." in term.shown
    for bad, reason in (("8*60", "use x between reps and weight (8x60)"),
                        ("abc", "'abc' is not a set"), ("30s", "is done in reps")):  # fmt: skip
        term.line(bad)
        term.expect("> ")
        assert reason in term.shown, term.shown
    term.line("8x60@8" if first == "row" else "8@8")
    term.expect("> ")
    assert "Logged 8" in term.shown
    term.line("q")
    assert term.finish() == 0
    [done] = logged()[first]
    assert (done["reps"], done["rir"]) == (8, 2.0)


def test_skip_undo_and_quit_then_resume(
    backplan_env: Path, gym: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workout = planned(monkeypatch)
    order = [e["id"] for e in workout["exercises"]]
    term = go(backplan_env, "--catalog", str(gym))
    term.expect("> ")
    if "Warm-up" in term.shown:
        term.line("w")
        term.expect("> ")
    term.line("s")  # the first exercise, skipped
    term.expect("> ")
    assert "Skipped" in term.shown
    if "Warm-up" in term.shown:  # a first time at the row: the empty bar to warm up
        assert "10×20 kg" in term.shown
        term.line("w")
        term.expect("> ")
    term.line("7" if order[1] == "pull-up" else "7x50")
    term.expect("> ")
    term.line("6" if order[1] == "pull-up" else "6x50")
    term.expect("> ")
    term.line("u")  # takes back the 6
    term.expect("> ")
    assert "Took back 6" in term.shown
    assert "Set 2 of" in term.shown
    term.line("q")
    assert term.finish() == 0
    assert "Stopped: 1 set saved. 'backplan go' resumes at" in term.shown
    assert [s["reps"] for s in logged()[order[1]]] == [7]
    assert logged()[order[0]] == []
    # Again: the same workout, at the next set; the skipped exercise stays skipped.
    again = go(backplan_env, "--catalog", str(gym))
    again.expect("> ")
    assert "backplan go · workout #1" in again.shown
    assert "Set 2 of" in again.shown
    again.line("q")
    assert again.finish() == 0
    assert len(run_json("history")) == 1


def test_ctrl_c_during_a_rest_and_while_typing(
    backplan_env: Path, gym: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A slow clock: the rest is still running when Ctrl-C comes.
    term = resting(backplan_env, gym, monkeypatch, rate=1)
    term.send("\x03")
    assert term.finish() == 1
    assert "Stopped: 1 set saved. 'backplan go' resumes at Pull Up, set 2 of" in term.shown
    typing = go(backplan_env, "--catalog", str(gym))
    typing.expect("> ")
    assert "Set 2 of" in typing.shown
    typing.send("8")  # half typed, never entered
    typing.send("\x03")
    assert typing.finish() == 1
    assert len(logged()["pull-up"]) == 1


def test_a_key_ends_the_rest_early_and_begins_the_set(
    backplan_env: Path, gym: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    term = resting(backplan_env, gym, monkeypatch, rate=1)
    started = time.monotonic()
    term.send("7")
    term.expect("> 7")  # the key that ended the rest is the start of the line
    assert time.monotonic() - started < 5  # not the 90 seconds of the rest
    assert "Set 2 of" in term.shown
    term.line("")
    term.expect("Logged 7 reps|Logged 7")
    term.expect("any key ends it")  # the rest after set 2
    term.line("q")
    assert term.finish() == 0
    assert [s["reps"] for s in logged()["pull-up"]][1:] == [7]


def test_a_whole_set_typed_during_the_rest_is_logged(
    backplan_env: Path, gym: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    term = resting(backplan_env, gym, monkeypatch, rate=1)
    term.send("6x+2.5\r")  # typed fast, Enter and all, while the bar runs
    term.expect(r"Logged 6 × \+2.5 kg")  # the belt shown as a belt
    term.expect("any key ends it")
    term.line("q")  # typed during the next rest: it quits
    assert term.finish() == 0
    sets = logged()["pull-up"]
    assert [(s["reps"], s["weight"]) for s in sets][1:] == [(6, 2.5)]


@pytest.mark.parametrize("kill", [signal.SIGKILL, signal.SIGHUP])
def test_a_kill_leaves_whole_sets_and_go_resumes(
    backplan_env: Path, gym: Path, monkeypatch: pytest.MonkeyPatch, kill: signal.Signals
) -> None:
    planned(monkeypatch, "lats", 1)
    term = go(backplan_env, "--catalog", str(gym))
    for _ in range(2):
        term.expect("> ")
        term.line("")
    term.expect("> ")
    term.send("9")  # being typed when the kill comes
    os.kill(term.child.pid, kill)
    term.child.expect(pytest.importorskip("pexpect").EOF)
    assert [s["reps"] for s in logged()["pull-up"]] == [
        9,
        9,
    ]  # the middle of 6–12, then the set again
    again = go(backplan_env, "--catalog", str(gym))
    again.expect("> ")
    assert "Set 3 of 3" in again.shown
    again.line("q")
    assert again.finish() == 0


def test_a_record_is_named_in_the_summary(
    backplan_env: Path, gym: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rowed_last_week(monkeypatch, "3x8x60")
    planned(monkeypatch, "upper", 1)
    term = go(backplan_env, "--catalog", str(gym))
    term.expect("> ")
    term.line("w")
    for _ in range(3):
        term.expect("> ")
        term.line("8x70")
    assert term.finish() == 0
    assert "PR: Row, estimated 1RM 88.7 kg (best before 76 kg)" in term.shown
    assert "upper back   3 sets  1,680 kg" in term.shown


def test_a_pull_up_record_is_by_the_load_moved(
    backplan_env: Path, gym: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 80 kg, 8 pull-ups with 2.5 kg on the belt beat last week's 8 at bodyweight:
    a record of 82.5 kg moved, not of the 2.5 kg plate; the volume counts the body too."""
    monkeypatch.setenv("BACKPLAN_NOW", LAST_WEEK)
    ok("weigh", "80")
    ok("workout", "--seed", "1", "--group", "lats", "--exercises", "1")
    ok("log", "pull-up", "8", "8", "8")
    planned(monkeypatch, "lats", 1)
    term = go(backplan_env, "--catalog", str(gym))
    for _ in range(3):
        term.expect("> ")
        term.line("8x+2.5")
    assert term.finish() == 0
    assert "PR: Pull Up, estimated 1RM 104.5 kg (best before 101.3 kg)" in term.shown
    assert "lats         3 sets  1,980 kg" in term.shown


def test_the_rest_timer_idles(
    backplan_env: Path, gym: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Over a 3-second rest the timer uses under 5 % of a core."""
    stat = Path("/proc/self/stat")
    if not stat.exists():
        pytest.skip("reads CPU time from /proc")
    term = resting(backplan_env, gym, monkeypatch, rate=30)  # 90 s of rest in 3 s
    before, started = _cpu_seconds(term.child.pid), time.monotonic()
    term.expect("> ", timeout=30)
    used, took = _cpu_seconds(term.child.pid) - before, time.monotonic() - started
    assert took >= 2
    assert used / took < 0.05, (used, took)
    term.line("q")
    assert term.finish() == 0


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks  # utime + stime


def test_not_a_terminal_points_to_log(gym: Path) -> None:
    result = run("go")
    assert result.exit_code == 2
    assert "not one: record sets with 'backplan log EXERCISE SET...'" in result.stderr
    assert run("go", "1", "--goal", "strength").exit_code == 2


def _docs_screen(home: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """docs/go.md's screen of go: the third exercise's first set, on the shipped
    catalogue, after two sessions of rows at 12 × 60 kg."""
    for now, args in (
        (LAST_WEEK, ["pin", "barbell-bent-over-row"]),
        (LAST_WEEK, ["workout", "--seed", "1"]),
        (LAST_WEEK, ["log", "barbell-bent-over-row", "3x12x60"]),
        ("2026-11-26T18:00:00+01:00", ["workout", "--seed", "2"]),
        ("2026-11-26T18:00:00+01:00", ["log", "barbell-bent-over-row", "3x12x60"]),
        (MONDAY, ["workout", "--seed", "3"]),
    ):
        monkeypatch.setenv("BACKPLAN_NOW", now)
        ok(*args)
    term = Terminal(home, "go", now=MONDAY, rate=FAST, colour=False)
    # The deadlift's warm-up and sets, then weighted chin-ups at 20 kg.
    for answer in [""] + ["8x60"] * 3 + ["8x20"] * 3:
        term.expect("> ")
        term.line(answer)
    return _screen_then_quit(term)


def _quick_start_screen(home: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The README's screen of go: its quick start (the Strong history in docs/examples,
    a block), then go through the sumo deadlift's warm-up and sets, two lat pulldowns."""
    from tests.readme_examples import DOCS, START

    monkeypatch.setenv("BACKPLAN_NOW", START)
    ok("import", str(DOCS / "examples" / "strong.csv"), "--unit", "kg")
    ok("program", "new", "--days", "3", "--seed", "5")
    term = Terminal(home, "go", now=START, rate=FAST, colour=False)
    for answer in ["", "", "", "", "5", "5", "", "6"]:  # 4 warm-ups, 2 sets, 2 sets
        term.expect("> ")
        term.line(answer)
    return _screen_then_quit(term)


def _screen_then_quit(term: Terminal) -> str:
    term.expect("> ")
    screen = term.shown.rstrip()
    term.line("q")
    assert term.finish() == 0
    return screen


@pytest.mark.parametrize(("page", "screen"), [
    ("README.md", _quick_start_screen), ("docs/go.md", _docs_screen),
])  # fmt: skip
def test_the_docs_show_what_go_shows(
    backplan_env: Path, monkeypatch: pytest.MonkeyPatch, page: str, screen: Any
) -> None:
    text = (Path(__file__).parent.parent / page).read_text(encoding="utf-8")
    shown = text.split("<!-- go screen -->\n```text\n", 1)[1].split("```", 1)[0].rstrip()
    printed = screen(backplan_env, monkeypatch)

    def steady(text: str) -> str:  # the minutes so far follow the (sped-up) real clock
        return re.sub(r"\d+ min in", "N min in", text)

    assert steady(shown) == steady(printed), f"{page}'s screen of go should read:\n{printed}"


def test_a_done_workout_shows_its_summary_and_go_plans_the_next(
    backplan_env: Path, gym: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    planned(monkeypatch, "lats", 1)
    monkeypatch.setenv("BACKPLAN_NOW", MONDAY)
    ok("log", "pull-up", "12", "12", "12")
    again = go(backplan_env, "1", "--catalog", str(gym))
    assert again.finish() == 0
    assert "Workout #1 done\n" in again.shown
    assert "lats         3 sets" in again.shown
    refused = go(backplan_env, "1", "--goal", "strength")
    assert refused.finish() == 2
    assert "Planning options apply when go plans a workout" in refused.shown
    fresh = go(backplan_env, "--catalog", str(gym), "--group", "lats", "--exercises", "1")
    fresh.expect("> ")
    assert "backplan go · workout #2" in fresh.shown
    fresh.line("q")
    assert fresh.finish() == 0


# --- round 3: the trial's traps, and what the screen says -----------------------------


def test_a_bare_number_is_reps_at_the_weight_on_screen_and_enter_repeats_it(
    backplan_env: Path, gym: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    term = past_the_warmup(backplan_env, gym, monkeypatch)
    assert "Last time (Mon 23 Nov): 10×60 kg, 10×60 kg, 10×60 kg" in term.shown
    shown = re.search(r"Enter logs (\d+)×([\d.]+) kg", term.shown)
    assert shown, term.shown
    term.line("5")  # 5 reps, at the weight the screen shows
    term.expect("Logged 5×")
    term.expect("> ")
    assert "Enter logs 5×" in term.shown  # the set just done, again
    term.line("")
    term.expect("> ")
    term.line("q")
    assert term.finish() == 0
    weight = float(shown.group(2))
    assert [(s["reps"], s["weight"]) for s in logged(2)["row"]] == [(5, weight), (5, weight)]


def test_log_asks_what_an_ambiguous_set_means_on_a_terminal(
    backplan_env: Path, gym: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    planned(monkeypatch, "lats", 1)
    refused = run("log", "pull-up", "3x15", "--catalog", str(gym))
    assert refused.exit_code == 2
    assert "write 3x15x0" in refused.stderr
    assert "write 3x+15" in refused.stderr
    term = Terminal(backplan_env, "log", "pull-up", "3x15", "--catalog", str(gym), now=MONDAY)
    term.expect(r"Which\? 1/2")
    term.line("1")
    assert term.finish() == 0
    assert [(s["reps"], s["weight"]) for s in logged()["pull-up"]] == [(15, None)] * 3


def test_go_opens_with_the_plans_notes_and_lists_its_keys(
    backplan_env: Path, gym: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    planned(monkeypatch, "lats", 1)
    monkeypatch.setenv("BACKPLAN_NOW", MONDAY)
    ok("workout", "--new", "--group", "lats", "--exercises", "1", "--seed", "2")
    term = go(backplan_env, "--catalog", str(gym))
    term.expect("> ")
    assert "It replaces today's unlogged plan #1." in term.shown
    term.line("?")
    term.expect("> ")
    assert "u: take back" in term.shown
    assert "a: add an exercise" in term.shown
    term.line("a")
    term.expect("Exercise to add")
    term.line("rwo")
    term.expect(r"No exercise 'rwo': did you mean 'row'\? Enter adds it, or type another: ")
    term.line("")  # Enter takes the suggestion
    term.expect("> ")
    assert "Added Row" in term.shown
    term.line("a")
    term.expect("Exercise to add")
    term.line("zzzz")  # nothing close: said, nothing added
    term.expect("> ")
    assert "No exercise 'zzzz' in the catalogue" in term.shown
    term.line("q")
    assert term.finish() == 0
    assert "row" in logged(2)
    assert logged(2)["row"] == []


def test_undo_on_the_first_work_set_stays_on_the_work_sets(
    backplan_env: Path, gym: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rowed_last_week(monkeypatch, "3x10x60")
    planned(monkeypatch, "upper", 1)
    term = go(backplan_env, "--catalog", str(gym))
    for _ in range(3):  # the three warm-up sets
        term.expect("> ")
        term.line("")
    term.expect("> ")
    assert "Set 1 of 3" in term.shown
    term.line("")
    term.expect("any key ends it")
    term.line("u")  # typed during the rest
    term.expect("Took back")
    term.expect("> ")
    assert "Set 1 of 3" in term.shown
    assert "Warm-up" not in term.shown
    term.line("q")
    assert term.finish() == 0
    assert logged(2)["row"] == []


def test_yesterdays_unfinished_workout_is_offered_first(
    backplan_env: Path, gym: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BACKPLAN_NOW", "2026-11-29T19:00:00+01:00")
    ok("workout", "--seed", "1", "--group", "lats,upper", "--exercises", "2")
    ok("log", "pull-up", "8", "8", "8", "--catalog", str(gym))
    term = go(backplan_env, "--catalog", str(gym))  # Monday 18:00: 23 hours later
    term.expect(r"Finish yesterday's #1: 1 of 2 exercises left\? \[Y/n\]")
    term.line("")
    term.expect("> ")
    assert "workout #1" in term.shown
    term.line("q")
    assert term.finish() == 0
    declined = go(backplan_env, "--catalog", str(gym))
    declined.expect(r"\[Y/n\]")
    declined.line("n")
    declined.expect("> ")
    assert "workout #2" in declined.shown
    declined.line("q")
    assert declined.finish() == 0


def test_the_time_taken_is_kept_and_shown(
    backplan_env: Path, gym: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    planned(monkeypatch, "lats", 1)
    term = go(backplan_env, "--catalog", str(gym), rate=600.0)  # a 90 s rest: 0.15 s
    for _ in range(3):
        term.expect("> ")
        term.line("")
    assert term.finish() == 0
    shown = run_json("history", "show", "1")
    assert shown["minutes_taken"] is not None
    assert shown["minutes_taken"] >= 3
    assert shown["estimated_minutes"] > 0
    table = ok("history").stdout
    assert f" {shown['minutes_taken']} " in table


def test_go_reads_whole_on_a_phone(
    backplan_env: Path, gym: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rowed_last_week(monkeypatch, "3x10x182.5")
    planned(monkeypatch, "upper", 1)
    term = Terminal(backplan_env, "go", "--catalog", str(gym), now=MONDAY, rate=FAST, size=(30, 50))
    for key in ("", "", "", "?"):  # the warm-ups, then the keys at the first work set
        term.expect("> ")
        assert "…" not in term.shown
        assert "Row" in term.shown
        term.line(key)
    term.expect("> ")
    assert "a: add an exercise" in term.shown
    term.line("q")
    assert term.finish() == 0


def test_a_set_far_from_its_effort_moves_the_next_sets_load(
    backplan_env: Path, gym: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    term = past_the_warmup(backplan_env, gym, monkeypatch)
    term.line("9x62.5@5rir")  # 5 in reserve where 2 were asked: too light
    term.expect("Logged")
    term.expect("> ")
    assert "Helms 2016" in term.shown
    assert "Enter logs 9×65 kg" in term.shown
    term.line("")
    term.expect("Logged 9×65 kg")
    term.expect("> ")
    term.line("q")
    assert term.finish() == 0
    assert [s["weight"] for s in logged(2)["row"]] == [62.5, 65.0]


def test_a_hinge_never_goes_up_within_a_session() -> None:
    from backplan.catalogue.model import Group, Mechanic
    from backplan.training.guide import Loading, autoregulated
    from backplan.training.loads import SetDone
    from backplan.training.model import PlannedExercise, Prescription

    p = Prescription(3, 3, 6, 180, rir_min=2, rir_max=2)
    done = SetDone(5, 180, "kg", rir=5)
    e = PlannedExercise(1, "dl", "Deadlift", Group.LOWER_BACK, Mechanic.COMPOUND, None, p, "",
                        sets_logged=(done,))  # fmt: skip
    target = SetDone(5, 180, "kg")
    assert autoregulated(e, target, Loading(2.5, hinge=True)) == (target, None)
    raised, why = autoregulated(e, target, Loading(2.5, hinge=False))
    assert raised is not None
    assert raised.weight == 182.5
    assert why is not None
    heavy = replace(e, sets_logged=(SetDone(3, 180, "kg", rir=0),))
    lowered, _ = autoregulated(heavy, target, Loading(2.5, hinge=True))
    assert lowered is not None
    assert lowered.weight == 177.5  # down is allowed for a hinge
