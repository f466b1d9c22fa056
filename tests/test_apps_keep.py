"""Imports that keep everything: notes, durations, set kinds, supersets and other
training from Strong and Hevy; the same session from two apps once; a re-import with
another --map updating in place; a dry run without --unit."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.helpers import ok, run, run_json
from tests.terminal import Terminal
from tests.test_apps import HEVY_HEADER, STRONG_HEADER

PULL = ("2026-10-05 07:30:00", "Pull Day", "1h 24m")
PACKED = '"Gym packed, waited for rack"'


def _strong(when: tuple[str, str, str], name: str, order: str, weight: float, reps: int,
            seconds: int = 0, note: str = "", workout: str = "", rpe: str = "") -> str:  # fmt: skip
    return ",".join([*when, name, order, f"{weight:g}", str(reps), "0", str(seconds), note,
                     workout, rpe])  # fmt: skip


def _hevy(title: str, start: str, end: str, about: str, name: str, kind: str, weight: float,
          reps: int, superset: str = "", notes: str = "") -> str:  # fmt: skip
    return (f'"{title}","{start}","{end}","{about}","{name}",{superset},"{notes}",0,"{kind}",'
            f"{weight:g},{reps},,,")  # fmt: skip


# The trial's shape: a pull day with notes, a drop set, a failure set, squats and a
# plank; a leg day of squats alone.
STRONG = "\n".join([
    STRONG_HEADER,
    _strong(PULL, "Deadlift (Barbell)", "W", 60, 5, workout=PACKED),
    _strong(PULL, "Deadlift (Barbell)", "1", 140, 5, workout=PACKED, rpe="8"),
    _strong(PULL, "Deadlift (Barbell)", "2", 140, 5, note="straps on last set", workout=PACKED),
    _strong(PULL, "Lat Pulldown (Cable)", "1", 75, 10, workout=PACKED),
    _strong(PULL, "Lat Pulldown (Cable)", "2", 75, 9, workout=PACKED),
    _strong(PULL, "Lat Pulldown (Cable)", "D", 45, 10, workout=PACKED),
    _strong(PULL, "Seated Cable Row - V Grip (Cable)", "F", 70, 11, workout=PACKED),
    _strong(PULL, "Squat (Barbell)", "1", 120, 5, workout=PACKED),
    _strong(PULL, "Plank", "1", 0, 0, seconds=60, workout=PACKED),
    _strong(("2026-10-07 18:00:00", "Legs", "50m"), "Squat (Barbell)", "1", 125, 5),
    _strong(("2026-10-07 18:00:00", "Legs", "50m"), "Squat (Barbell)", "2", 125, 5),
]) + "\n"  # fmt: skip
# The same pull day logged in Hevy too, three minutes later; and a session of its own.
BACK = ("Back", "5 Oct 2026, 07:33", "5 Oct 2026, 08:50", "Felt strong")
PULL_B = ("Pull B", "9 Oct 2026, 18:00", "9 Oct 2026, 19:05", "Short on time")
HEVY = "\n".join([
    HEVY_HEADER,
    _hevy(*BACK, "Deadlift (Barbell)", "normal", 140, 5),
    _hevy(*BACK, "Lat Pulldown (Cable)", "normal", 75, 10),
    _hevy(*BACK, "Seated Cable Row - V Grip (Cable)", "failure", 70, 11),
    _hevy(*PULL_B, "Lat Pulldown (Cable)", "normal", 70, 10, "1", "slow eccentrics"),
    _hevy(*PULL_B, "Face Pull", "normal", 20, 15, "1"),
    _hevy(*PULL_B, "Bicep Curl (Dumbbell)", "normal", 14, 12),
]) + "\n"  # fmt: skip


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _workouts() -> list[dict[str, Any]]:
    return sorted(
        (run_json("history", "show", str(w["id"])) for w in run_json("history", "--last", "50")),
        key=lambda w: w["created"],
    )


def _exercise(workout: dict[str, Any], ident: str) -> dict[str, Any]:
    return next(e for e in workout["exercises"] if e["id"] == ident)


def test_a_strong_export_comes_back_with_everything(tmp_path: Path) -> None:
    done = ok("import", str(_write(tmp_path, "strong.csv", STRONG)), "--unit", "kg").stdout
    assert "Imported 2 workouts" in done
    pull, legs = _workouts()
    assert pull["note"] == "Gym packed, waited for rack"
    assert pull["duration_seconds"] == 84 * 60
    assert pull["minutes_taken"] == 84
    assert pull["source"] == "strong"
    deadlift = _exercise(pull, "conventional-deadlift")
    assert [s["note"] for s in deadlift["sets_logged"]] == [None, "straps on last set"]
    lat = _exercise(pull, "lat-pulldown")
    assert [(s["reps"], s["weight"], s["kind"]) for s in lat["sets_logged"]] == [
        (10, 75.0, "work"), (9, 75.0, "work"), (10, 45.0, "drop"),
    ]  # fmt: skip
    assert lat["sets"] == 2  # two work sets
    row = _exercise(pull, "seated-cable-row")  # a V grip is the close, neutral row
    assert row["sets_logged"][0]["kind"] == "failure"
    assert row["sets_logged"][0]["rir"] == 0.0
    others = {o["name"]: o for o in pull["other"]}
    assert set(others) == {"Squat (Barbell)", "Plank"}
    assert others["Squat (Barbell)"]["credit"] == ["lower-back"]
    assert others["Plank"]["credit"] == []
    assert others["Plank"]["sets"][0]["dose"] == "seconds"
    assert legs["exercises"] == []
    assert legs["groups"] == []
    assert legs["other"][0]["sets"][1] == {"reps": 5, "weight": 125.0, "unit": "kg",
                                           "dose": "reps", "kind": "work"}  # fmt: skip
    text = ok("history", "show", str(pull["id"])).stdout
    assert "took 84 min" in text
    assert '5×140 kg "straps on last set"' in text
    assert "10×45 kg (drop)" in text
    assert "Gym packed, waited for rack" in text
    assert "Squat (Barbell)" in text
    assert "half a set each to the lower back" in text
    assert "other training" in ok("history").stdout
    # Progression reads the work sets: the drop set does not pull the pulldown down.
    lat_curve = run_json("progress", "lat-pulldown")["sessions"]
    assert lat_curve[0]["best"]["weight"] == 75.0


def test_the_lower_back_gets_half_credit_from_squats(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ok("import", str(_write(tmp_path, "strong.csv", STRONG)), "--unit", "kg")
    monkeypatch.setenv("BACKPLAN_NOW", "2026-10-08T09:00:00+00:00")
    status = {g["group"]: g for g in run_json("status")}
    # 2 deadlift sets, plus half of the pull day's squat and the leg day's two.
    assert status["lower-back"]["sets_last_7_days"] == pytest.approx(2 + 0.5 * 3)
    # The lat pulldown's drop set is no work set.
    assert status["lats"]["sets_last_7_days"] == 2


def test_one_session_from_two_apps_is_imported_once(tmp_path: Path) -> None:
    ok("import", str(_write(tmp_path, "strong.csv", STRONG)), "--unit", "kg")
    done = ok("import", str(_write(tmp_path, "hevy.csv", HEVY))).stdout
    assert "Imported 1 workout" in done
    assert "1 was already here" in done
    workouts = _workouts()
    assert len(workouts) == 3
    b = workouts[-1]
    assert b["note"] == "Short on time"
    assert b["duration_seconds"] == 65 * 60
    lat = _exercise(b, "lat-pulldown")
    assert lat["note"] == "slow eccentrics"
    assert lat["superset"] == "1"
    assert _exercise(b, "face-pull")["superset"] == "1"
    assert [o["name"] for o in b["other"]] == ["Bicep Curl (Dumbbell)"]
    shown = ok("history", "show", str(b["id"])).stdout  # Hevy's superset, as a pair
    assert "A1  Lat Pulldown" in shown
    assert "A2  Face Pull" in shown


def test_a_re_import_with_another_map_updates_and_never_copies(tmp_path: Path) -> None:
    path = _write(tmp_path, "strong.csv", STRONG)
    ok("import", str(path), "--unit", "kg")
    remap = ("--map", "Lat Pulldown (Cable)=wide-grip-lat-pulldown")
    dry = ok("import", str(path), "--unit", "kg", *remap, "--dry-run").stdout
    assert "Would add 0 workouts, update 1 whose mapping changed; 1 already here." in dry
    # Not on a terminal and without --yes: nothing is changed, and it says how.
    told = ok("import", str(path), "--unit", "kg", *remap).stdout
    assert "give --yes to update them" in told
    assert _exercise(_workouts()[0], "lat-pulldown")
    done = ok("import", str(path), "--unit", "kg", *remap, "--yes").stdout
    assert "updated 1 whose mapping changed" in done
    workouts = _workouts()
    assert len(workouts) == 2
    pull = workouts[0]
    assert [e["id"] for e in pull["exercises"]] == [
        "conventional-deadlift", "wide-grip-lat-pulldown", "seated-cable-row",
    ]  # fmt: skip
    assert pull["note"] == "Gym packed, waited for rack"
    again = ok("import", str(path), "--unit", "kg", *remap, "--yes").stdout
    assert "Imported 0 workouts" in again
    assert "2 were already here" in again


def test_a_re_import_asks_on_a_terminal(tmp_path: Path, backplan_env: Path) -> None:
    path = _write(tmp_path, "strong.csv", STRONG)
    ok("import", str(path), "--unit", "kg")
    term = Terminal(
        backplan_env, "import", str(path), "--unit", "kg", "--map", "Lat Pulldown (Cable)=-"
    )
    term.expect(r"Update them\?")
    term.line("y")
    assert term.finish() == 0
    assert "updated 1 whose mapping changed" in " ".join(term.text.split())
    pull = _workouts()[0]
    assert "lat-pulldown" not in {e["id"] for e in pull["exercises"]}
    assert "Lat Pulldown (Cable)" in {o["name"] for o in pull["other"]}


def test_a_dry_run_needs_no_unit_and_counts_work_sets(tmp_path: Path) -> None:
    path = _write(tmp_path, "strong.csv", STRONG)
    dry = run("import", str(path), "--dry-run")
    assert dry.exit_code == 0, dry.stderr
    assert "the import needs --unit kg or --unit lb" in dry.stdout
    lines = {line.split()[0]: line for line in dry.stdout.splitlines() if line}
    assert lines["Deadlift"].split()[-1] == "2"  # two work sets, the warm-up not counted
    assert lines["Lat"].split()[-1] == "2"  # the drop set not counted
    refused = run("import", str(path))
    assert refused.exit_code == 2
    assert "--unit kg or --unit lb" in refused.stderr
    assert run_json("history") == []


def test_a_duration_that_cannot_be_read_is_not_known_and_the_sets_import(
    tmp_path: Path,
) -> None:
    bad = STRONG.replace("1h 24m", "an age")
    ok("import", str(_write(tmp_path, "bad.csv", bad)), "--unit", "kg")
    pull = run_json("history", "show", str(run_json("history")[-1]["id"]))
    assert pull["duration_seconds"] is None
    assert len(pull["exercises"]) == 3
