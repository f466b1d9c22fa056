"""Every layout the apps write, from a fixture export of each (tests/apps/): Strong's
current one (km and miles), its header in eight languages, its 2015-2017 one, its `;`
one with a Weight Unit column; Hevy in kg and lb; FitNotes' old and new ones; and a
file re-headed by hand, refused. In each, the rows that cannot be real are left out
and listed by line, and the rest import."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import ok, run, run_json

FIXTURES = Path(__file__).parent / "apps"
LANGUAGES = ("fr", "de", "es", "it", "pt", "ru", "zh", "ja")
# file: (--unit it needs, sets read, sessions, the lines left out)
LAYOUTS: dict[str, tuple[str | None, int, int, tuple[int, ...]]] = {
    "strong-current-km.csv": ("kg", 11, 2, (7, 12)),
    "strong-current-miles.csv": ("lb", 11, 2, (7, 12)),
    **{f"strong-{lang}.csv": ("kg", 11, 2, (7, 12)) for lang in LANGUAGES},
    "strong-2016.csv": (None, 6, 2, (9,)),
    "strong-semicolon-units.csv": (None, 6, 1, (8,)),
    "hevy-kg.csv": (None, 7, 2, (11,)),
    "hevy-lb.csv": (None, 7, 2, (11,)),
    "fitnotes-old.csv": (None, 6, 2, (8,)),
    "fitnotes-new.csv": (None, 6, 2, (8,)),
}


def _import(name: str, *more: str) -> str:
    unit = LAYOUTS[name][0]
    return ok("import", str(FIXTURES / name), *(("--unit", unit) if unit else ()), *more).stdout


def _workouts() -> list[dict[str, Any]]:
    """Every workout in full, oldest first."""
    return [run_json("history", "show", str(w["id"])) for w in run_json("history")[::-1]]


def _sets(workout: dict[str, Any], ident: str) -> list[tuple[Any, ...]]:
    found = next(e for e in workout["exercises"] if e["id"] == ident)
    return [(s["reps"], s["weight"], s["unit"], s["dose"]) for s in found["sets_logged"]]


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_each_layout_imports_and_lists_what_it_left_out(name: str) -> None:
    _, sets, sessions, lines = LAYOUTS[name]
    dry = _import(name, "--dry-run")
    assert f"{sets} sets in {sessions} session" in dry
    assert f"Left out {len(lines)} row" in dry
    for line in lines:
        assert f"  line {line}: " in dry
    done = _import(name)
    assert f"Left out {len(lines)} row" in done
    assert len(run_json("history")) == sessions
    assert "already here" in _import(name)


@pytest.mark.parametrize("lang", ["en", *LANGUAGES])
def test_strong_in_any_language(lang: str) -> None:
    name = "strong-current-km.csv" if lang == "en" else f"strong-{lang}.csv"
    dry = _import(name, "--dry-run")
    assert "line 7: distance 40 km is more than one set covers" in dry
    assert "Upright Row (Barbell) (1 set): not a back exercise in the catalogue" in dry
    assert "1 heavy single or double with no RPE read near a max" in dry
    _import(name)
    pull, legs = _workouts()
    assert _sets(pull, "conventional-deadlift") == [(5, 142.5, "kg", "reps"),
                                                    (1, 180.0, "kg", "reps")]  # fmt: skip
    deadlift = pull["exercises"][0]
    assert [s["rir"] for s in deadlift["sets_logged"]] == [2.0, 0.5]  # RPE 8; a single
    assert _sets(pull, "farmers-carry") == [(40, 32.0, "kg", "metres")]
    assert pull["duration_seconds"] == 73 * 60
    assert legs["duration_seconds"] == 50 * 60
    assert [o["name"] for o in legs["other"]] == ["Squat (Barbell)", "Running"]
    assert legs["other"][1]["sets"][0]["reps"] == 5000  # 5 km


def test_strong_in_miles_and_lb() -> None:
    _import("strong-current-miles.csv")
    pull = _workouts()[0]
    assert _sets(pull, "farmers-carry") == [(40, 32.0, "lb", "metres")]  # 0.025 miles
    assert _sets(pull, "conventional-deadlift")[0] == (5, 315.0, "lb", "reps")


def test_strong_2016_takes_its_unit_from_the_header() -> None:
    _import("strong-2016.csv")
    back = _workouts()[0]
    assert _sets(back, "conventional-deadlift") == [(5, 100.0, "kg", "reps"),
                                                    (5, 110.0, "kg", "reps")]  # fmt: skip
    assert _sets(back, "farmers-carry") == [(50, 24.0, "kg", "metres")]


def test_strong_semicolons_with_a_weight_unit_and_bodyweight_rows() -> None:
    done = _import("strong-semicolon-units.csv")
    assert "line 8: weight unit 'stone' is neither kg nor lb" in done
    back = _workouts()[0]
    assert _sets(back, "pull-up") == [(8, None, "lb", "reps"), (7, None, "lb", "reps")]
    assert _sets(back, "conventional-deadlift") == [(5, 315.0, "lb", "reps"),
                                                    (3, 335.5, "lb", "reps")]  # fmt: skip
    assert _sets(back, "barbell-shrug") == [(12, 180.0, "lb", "reps")]
    assert back["duration_seconds"] == 62 * 60


@pytest.mark.parametrize(("name", "unit"), [("hevy-kg.csv", "kg"), ("hevy-lb.csv", "lb")])
def test_hevy_in_kg_and_lb_oldest_first_with_notes_over_lines(name: str, unit: str) -> None:
    _import(name)
    back, pull = _workouts()
    assert back["id"] < pull["id"]  # oldest first
    assert back["created"] < pull["created"]
    assert pull["note"] == "Short on time.\nGym closing."
    single = next(e for e in pull["exercises"] if e["id"] == "single-arm-cable-pulldown")
    assert single["note"] == "Seat at 4.\nSlow down."
    assert [e["id"] for e in back["exercises"]] == [
        "conventional-deadlift", "assisted-pull-up-machine", "weighted-back-extension",
    ]  # fmt: skip
    assert _sets(pull, "farmers-carry")[0][0] == 40
    assert [o["name"] for o in pull["other"]] == ["Triceps Pushdown"]
    assert _sets(back, "conventional-deadlift")[0][2] == unit


def test_fitnotes_old_rejoins_a_name_with_a_comma() -> None:
    old = _import("fitnotes-old.csv")
    assert "Lat Pulldown, Wide Grip" in old
    assert "line 8: reps 8.5 is not a whole number" in old
    day = _workouts()[0]
    assert _sets(day, "wide-grip-lat-pulldown") == [(10, 120.0, "lb", "reps")]
    assert [o["name"] for o in day["other"]] == ["Reverse Curl"]


def test_fitnotes_new_with_a_weight_unit_rejoins_a_name_with_a_comma() -> None:
    new = _import("fitnotes-new.csv")
    assert "Row, Bent Over" in new
    assert "Incline Dumbbell Press (1 set): not a back exercise in the catalogue" in new
    day = _workouts()[0]
    assert _sets(day, "barbell-bent-over-row") == [(8, 70.0, "kg", "reps")]
    assert _sets(day, "pull-up") == [(8, None, "kg", "reps")]


def test_a_file_re_headed_by_hand_is_refused_in_one_line() -> None:
    for given in ((), ("--from", "strong")):
        result = run("import", str(FIXTURES / "rehead.csv"), *given, "--unit", "kg")
        assert result.exit_code == 2
        assert result.stderr.count("\n") == 1
        assert "(When,Lift,Set,Kilos,Reps)" in result.stderr
        assert "expected" in result.stderr or "none of" in result.stderr
        assert "Strong's (Date,Workout Name,Duration,Exercise Name,Set Order" in result.stderr
    assert run_json("history") == []


def test_an_lb_history_into_an_empty_home_shows_lb() -> None:
    done = _import("hevy-lb.csv")
    assert "The history is in lb: backplan now shows lb" in done
    assert run_json("config", "show")["unit"] == "lb"
    assert "The history is in" not in _import("hevy-kg.csv")  # not an empty home now


def test_a_named_unit_is_offered_not_changed() -> None:
    ok("config", "set", "unit", "kg")
    done = _import("hevy-lb.csv")
    assert "`backplan config set unit lb` shows it so" in done
    assert run_json("config", "show")["unit"] == "kg"


@pytest.mark.parametrize("first", ["strong", "fitnotes"])
def test_the_same_day_from_two_apps_arrives_once_in_either_order(
    first: str, tmp_path: Path
) -> None:
    strong = tmp_path / "strong.csv"
    strong.write_text(
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,"
        "Notes,Workout Notes,RPE\n"
        "2025-03-10 07:30:00,Back,1h,Deadlift (Barbell),1,140,5,0,0,,,\n"
        "2025-03-10 07:30:00,Back,1h,Bent Over Row (Barbell),1,70,8,0,0,,,\n",
        encoding="utf-8",
    )
    fitnotes = tmp_path / "fitnotes.csv"
    shutil.copy(FIXTURES / "fitnotes-new.csv", fitnotes)
    files = [strong, fitnotes] if first == "strong" else [fitnotes, strong]
    ok("import", str(files[0]), "--unit", "kg")
    dry = ok("import", str(files[1]), "--unit", "kg", "--dry-run").stdout
    added = 0 if files[1] == strong else 1  # FitNotes' other day is its own
    assert f"Would add {added} workout" in dry
    assert "; 1 already here." in dry
    ok("import", str(files[1]), "--unit", "kg")
    assert len(run_json("history")) == 2


def test_a_dry_run_counts_a_session_twice_in_the_file_once(tmp_path: Path) -> None:
    text = (FIXTURES / "strong-current-km.csv").read_text(encoding="utf-8")
    rows = text.splitlines()
    path = tmp_path / "twice.csv"
    path.write_text("\n".join([*rows, *rows[1:]]) + "\n", encoding="utf-8")
    ok("workout", "--seed", "1")  # a home, so the dry run compares with it
    dry = ok("import", str(path), "--unit", "kg", "--dry-run").stdout
    assert "Would add 2 workouts" in dry
    assert "; 2 already here." in dry
    done = ok("import", str(path), "--unit", "kg").stdout
    assert "Imported 2 workouts" in done
    assert "2 were already here" in done


def test_a_clock_that_cannot_be_read_refuses_the_import_not_its_rows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("BACKPLAN_NOW", "yesterday")
    result = run("import", str(FIXTURES / "hevy-kg.csv"))
    assert result.exit_code == 2
    assert result.stderr.startswith("error: BACKPLAN_NOW='yesterday' is not an ISO 8601 time")
    assert "rows cannot be real" not in result.stderr


def test_a_name_below_the_confidence_line_is_asked_in_the_dry_run(tmp_path: Path) -> None:
    path = tmp_path / "strong.csv"
    path.write_text(
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,"
        "Notes,Workout Notes,RPE\n"
        "2025-03-10 07:30:00,Back,1h,Rowing Machine,1,50,12,0,0,,,\n",
        encoding="utf-8",
    )
    dry = ok("import", str(path), "--unit", "kg", "--dry-run").stdout
    assert "Not sure, kept as other training until you say (1):" in dry
    assert '--map "Rowing Machine=machine-row" maps it.' in dry
    ok("import", str(path), "--unit", "kg")
    assert [o["name"] for o in _workouts()[0]["other"]] == ["Rowing Machine"]
    again = ok("import", str(path), "--unit", "kg", "--map", "Rowing Machine=machine-row", "--yes")
    assert "updated 1 whose mapping changed" in again.stdout
    assert _sets(_workouts()[0], "machine-row") == [(12, 50.0, "kg", "reps")]


def test_a_carry_farther_than_a_carry_goes_is_left_out_and_said(tmp_path: Path) -> None:
    path = tmp_path / "strong.csv"
    path.write_text(
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,"
        "Notes,Workout Notes,RPE\n"
        "2025-03-10 07:30:00,Back,1h,Farmers Walk,1,32,0,0.04,0,,,\n"
        "2025-03-10 07:30:00,Back,1h,Farmers Walk,2,32,0,2,0,,,\n"
        "2025-03-10 07:30:00,Back,1h,Running,1,0,0,5,0,,,\n",
        encoding="utf-8",
    )
    done = ok("import", str(path), "--unit", "kg").stdout
    assert "line 3: 2,000 m of Farmers Walk is more than a carry" in done
    back = _workouts()[0]
    assert _sets(back, "farmers-carry") == [(40, 32.0, "kg", "metres")]
    assert back["other"][0]["sets"][0]["reps"] == 5000  # a run of 5 km is a run
