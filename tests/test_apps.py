"""Imports from Strong and Hevy: fixture exports in both layouts and their variants,
a round trip over random sessions, and every malformed file refused untouched."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backplan.store import migrations
from tests.helpers import ok, run, run_json

STRONG_HEADER = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE"
)
HEVY_HEADER = (
    '"title","start_time","end_time","description","exercise_title","superset_id",'
    '"exercise_notes","set_index","set_type","weight_kg","reps","distance_km",'
    '"duration_seconds","rpe"'
)
STRONG = f"""{STRONG_HEADER}
2024-07-01 07:30:00,Pull Day,1h 5m,Deadlift (Barbell),W,60,5,0,0,,,
2024-07-01 07:30:00,Pull Day,1h 5m,Deadlift (Barbell),1,140,5,0,0,,,8
2024-07-01 07:30:00,Pull Day,1h 5m,Deadlift (Barbell),2,140,5,0,0,,,
2024-07-01 07:30:00,Pull Day,1h 5m,Rest Timer,Rest Timer,0,0,0,120,,,
2024-07-01 07:30:00,Pull Day,1h 5m,Pull Up,1,0,10,0,0,,,
2024-07-01 07:30:00,Pull Day,1h 5m,Bench Press (Barbell),1,80,8,0,0,,,
2024-07-01 07:30:00,Pull Day,1h 5m,Lat Pulldown (Cable),1,60,12,0,0,,,
2024-07-01 07:30:00,Pull Day,1h 5m,Lat Pulldown (Cable),D,45,10,0,0,,,
2024-07-03 18:00:00,Legs,50m,Squat (Barbell),1,100,5,0,0,,,
2024-07-05 07:30:00,Pull Day,1h,Bent Over Row (Barbell),1,70,8,0,0,"a note, with a comma",,
"""
HEVY = f"""{HEVY_HEADER}
"Back","5 Jul 2024, 07:30","5 Jul 2024, 08:30","","Lat Pulldown (Cable)",,"",0,"warmup",30,12,,,
"Back","5 Jul 2024, 07:30","5 Jul 2024, 08:30","","Lat Pulldown (Cable)",,"",1,"normal",60,10,,,8
"Back","5 Jul 2024, 07:30","5 Jul 2024, 08:30","","Lat Pulldown (Cable)",,"",2,"failure",60,8,,,
"Back","5 Jul 2024, 07:30","5 Jul 2024, 08:30","","Pull Up",,"",0,"dropset",,8,,,
"Back","5 Jul 2024, 07:30","5 Jul 2024, 08:30","","Side Plank",,"",0,"normal",,,,45,
"Back","5 Jul 2024, 07:30","5 Jul 2024, 08:30","","Farmers Walk",,"",0,"normal",32,,0.04,,
"""
# Strong in a German locale: `;`, decimal commas, a workout number, units in headers.
STRONG_DE = (
    "\ufeffWorkout #;Date;Workout Name;Duration;Exercise Name;Set Order;Weight (kg);Reps;RPE;"
    "Distance (meters);Seconds;Notes;Workout Notes\r\n"
    "1;2024-07-01 07:30:00;Rücken;1h;Deadlift (Barbell);1;142,5;5;;;;;\r\n"
    "1;2024-07-01 07:30:00;Rücken;1h;Deadlift (Barbell);2;142,5;5;;;;;\r\n"
)
# Strong's second layout says its units.
STRONG_UNITS = (
    "Date,Workout Name,Exercise Name,Set Order,Weight,Weight Unit,Reps,RPE,Distance,"
    "Distance Unit,Seconds,Notes,Workout Notes,Workout Duration\n"
    "2024-07-08 07:30:00,Back,Deadlift (Barbell),1,315,lbs,5,,,,,,,1h\n"
)


FITNOTES = (
    "Date,Exercise,Category,Weight (kgs),Reps,Distance,Distance Unit,Time\n"
    "2024-07-08,Deadlift,Back,140.0,5,,,\n"
    "2024-07-08,Deadlift,Back,140.0,5,,,\n"
    "2024-07-08,Barbell Row,Back,70.0,8,,,\n"
    "2024-07-08,Side Plank,Abs,,,,,0:00:45\n"
    "2024-07-08,Farmers Walk,Back,32.0,,40.0,m,\n"
    "2024-07-10,Flat Barbell Bench Press,Chest,80.0,8,,,\n"
)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_bytes(text.encode("utf-8"))
    return path


def sets_of(workout_id: int) -> dict[str, list[tuple[Any, ...]]]:
    shown = run_json("history", "show", str(workout_id))
    return {
        e["id"]: [(s["reps"], s["weight"], s["unit"], s["dose"]) for s in e["sets_logged"]]
        for e in shown["exercises"]
    }


def test_a_strong_export(tmp_path: Path) -> None:
    path = write(tmp_path, "strong.csv", STRONG)
    dry = ok("import", "--from", "strong", str(path), "--unit", "kg", "--dry-run").stdout
    assert "Deadlift (Barbell)       conventional-deadlift  alias" in dry
    assert "Lat Pulldown (Cable)     lat-pulldown           fits (cable)" in dry
    assert "Bench Press (Barbell) (1 set): not a back exercise in the catalogue" in dry
    assert "A dry run: nothing was imported." in dry
    # A newcomer's first dry run, before any history exists, says what it would add.
    assert "Would add 3 workouts, update 0 whose mapping changed; 0 already here." in dry
    assert run_json("history") == []
    done = ok("import", "--from", "strong", str(path), "--unit", "kg").stdout
    assert "Imported 3 workouts" in done  # the leg day too, as other training
    first = sets_of(1)
    assert first["conventional-deadlift"] == [(5, 140.0, "kg", "reps")] * 2
    assert first["lat-pulldown"] == [(12, 60.0, "kg", "reps"), (10, 45.0, "kg", "reps")]
    shown = run_json("history", "show", "1")
    deadlift = next(e for e in shown["exercises"] if e["id"] == "conventional-deadlift")
    assert deadlift["warmup"] == [{"reps": 5, "weight": 60.0, "unit": "kg", "plates": None}]
    assert deadlift["sets_logged"][0]["rir"] == 2.0  # RPE 8
    again = ok("import", "--from", "strong", str(path), "--unit", "kg").stdout
    assert "Imported 0 workouts" in again
    assert "3 were already here" in again
    # Progression and stats read them.
    assert run_json("show", "barbell-bent-over-row")["next_load"]["weight"] == 70.0


def test_a_hevy_export(tmp_path: Path) -> None:
    path = write(tmp_path, "hevy.csv", HEVY)
    ok("import", "--from", "hevy", str(path))
    found = sets_of(1)
    assert found["lat-pulldown"] == [(10, 60.0, "kg", "reps"), (8, 60.0, "kg", "reps")]
    assert found["pull-up"] == [(8, None, "kg", "reps")]
    assert found["side-plank"] == [(45, None, "kg", "seconds")]
    assert found["farmers-carry"] == [(40, 32.0, "kg", "metres")]
    lat = run_json("history", "show", "1")["exercises"][0]
    assert [s["rir"] for s in lat["sets_logged"]] == [2.0, 0.0]  # RPE 8; to failure


def test_the_variants_found_in_the_wild(tmp_path: Path) -> None:
    ok("import", "--from", "strong", str(write(tmp_path, "de.csv", STRONG_DE)))
    assert sets_of(1)["conventional-deadlift"] == [(5, 142.5, "kg", "reps")] * 2
    ok("import", "--from", "strong", str(write(tmp_path, "lb.csv", STRONG_UNITS)))
    assert sets_of(2)["conventional-deadlift"] == [(5, 315.0, "lb", "reps")]
    pounds = HEVY.replace('"weight_kg"', '"weight_lbs"').replace("2024,", "2025,")
    ok("import", "--from", "hevy", str(write(tmp_path, "lbs.csv", pounds)))
    assert sets_of(3)["lat-pulldown"][0] == (10, 60.0, "lb", "reps")


def test_map_and_its_mistakes(tmp_path: Path) -> None:
    path = write(tmp_path, "strong.csv", STRONG)
    mapped = ok(
        "import", "--from", "strong", str(path), "--unit", "kg", "--dry-run",
        "--map", "Deadlift (Barbell)=romanian-deadlift", "--map", "Pull Up=-",
        "--map", "Front Squat=rack-pull",
    ).stdout  # fmt: skip
    assert "Deadlift (Barbell)       romanian-deadlift      --map" in mapped
    assert "Pull Up (1 set): --map" in mapped
    assert "--map Front Squat: no exercise of that name in the file." in mapped
    for bad, message in (("nothing", "is not NAME=ID"), ("Pull Up=pulup", "did you mean")):
        result = run("import", "--from", "strong", str(path), "--unit", "kg", "--map", bad)
        assert result.exit_code == 2
        assert message in result.stderr


def test_a_file_without_units_needs_one(tmp_path: Path) -> None:
    path = write(tmp_path, "strong.csv", STRONG)
    result = run("import", "--from", "strong", str(path))
    assert result.exit_code == 2
    assert "does not say whether its weights are kg or lb: give --unit kg" in result.stderr


MALFORMED = {
    "not strong": "a,b,c\n1,2,3\n",
    "short row": f"{STRONG_HEADER}\n2024-07-01 07:30:00,Pull,1h,Pull Up,1,0\n",
    "bad reps": f"{STRONG_HEADER}\n2024-07-01 07:30:00,Pull,1h,Pull Up,1,0,ten,0,0,,,\n",
    "half reps": f"{STRONG_HEADER}\n2024-07-01 07:30:00,Pull,1h,Pull Up,1,0,8.5,0,0,,,\n",
    "bad date": f"{STRONG_HEADER}\nyesterday,Pull,1h,Pull Up,1,0,8,0,0,,,\n",
    "heavy": f"{STRONG_HEADER}\n2024-07-01 07:30:00,Pull,1h,Pull Up,1,5000,8,0,0,,,\n",
    "bad quote": f'{STRONG_HEADER}\n2024-07-01 07:30:00,"Pull,1h,Pull Up,1,0,8,0,0,,,\n',
    "not utf-8": f"{STRONG_HEADER}\n2024-07-01 07:30:00,R\xfccken,1h,Pull Up,1,0,8,0,0,,,\n",
}


@pytest.mark.parametrize("kind", sorted(MALFORMED))
def test_a_malformed_file_is_refused_and_nothing_changes(
    kind: str, tmp_path: Path, backplan_env: Path
) -> None:
    ok("workout", "--seed", "1")
    database = backplan_env / migrations.FILE_NAME
    before = hashlib.sha256(database.read_bytes()).hexdigest()
    text = MALFORMED[kind]
    path = tmp_path / "bad.csv"
    if kind == "not utf-8":
        path.write_bytes(text.encode("latin-1"))
    else:
        path.write_text(text, encoding="utf-8")
    # A good session first: a refusal midway must not leave it behind.
    result = run("import", "--from", "strong", str(path), "--unit", "kg")
    assert result.exit_code == 2, result.stdout
    assert result.stderr.startswith("error: ")
    assert "line" in result.stderr or "UTF-8" in result.stderr
    assert "Traceback" not in result.stderr
    assert hashlib.sha256(database.read_bytes()).hexdigest() == before


def test_a_bad_row_is_left_out_and_listed_and_the_rest_imports(tmp_path: Path) -> None:
    good = STRONG.rstrip("\n")
    bad = [
        "2024-07-09 07:30:00,Pull,1h,Pull Up,1,0,x,0,0,,,",
        "2024-07-09 07:30:00,Pull,1h,Pull Up,1,0,150,0,0,,,",
        "2024-07-09 07:30:00,Pull,1h,Deadlift (Barbell),1,900,5,0,0,,,",
        "2099-07-09 07:30:00,Pull,1h,Pull Up,1,0,8,0,0,,,",
        "2024-07-09 07:30:00,Pull,1h,Pull Up,1,0",
    ]
    path = write(tmp_path, "late.csv", "\n".join([good, *bad]) + "\n")
    dry = ok("import", "--from", "strong", str(path), "--unit", "kg", "--dry-run").stdout
    assert "Left out 5 rows of 14 that cannot be real:" in dry
    assert "line 12: reps 'x' is not a number" in dry
    assert "line 13: reps 150 is not a whole number from 1 to 100" in dry
    assert "line 14: weight 900 kg is more than anyone lifts" in dry
    assert "line 15: '2099-07-09 07:30:00' is not a time a session could have" in dry
    assert "line 16: 6 fields where the header has 12" in dry
    done = ok("import", "--from", "strong", str(path), "--unit", "kg").stdout
    assert "Left out 5 rows of 14" in done
    assert "Imported 3 workouts" in done
    assert len(run_json("history")) == 3


def test_a_file_of_mostly_bad_rows_is_refused(tmp_path: Path) -> None:
    rows = [f"2024-07-0{d} 07:30:00,Pull,1h,Pull Up,1,0,x{d},0,0,,," for d in range(1, 5)]
    rows.append("2024-07-09 07:30:00,Pull,1h,Pull Up,1,0,8,0,0,,,")
    path = write(tmp_path, "bad.csv", "\n".join([STRONG_HEADER, *rows]) + "\n")
    result = run("import", "--from", "strong", str(path), "--unit", "kg")
    assert result.exit_code == 2
    assert "4 of 5 rows cannot be real (line 2: reps 'x1' is not a number)" in result.stderr
    assert run_json("history") == []


NAMES = {
    "Deadlift (Barbell)": "conventional-deadlift",
    "Bent Over Row (Barbell)": "barbell-bent-over-row",
    "Lat Pulldown (Cable)": "lat-pulldown",
    "Pull Up": "pull-up",
}


@settings(max_examples=25)
@given(
    sessions=st.lists(
        st.lists(
            st.tuples(
                st.sampled_from(sorted(NAMES)),
                st.integers(1, 30),
                st.sampled_from([20.0, 42.5, 60.0, 102.5, 140.0]),
            ),
            min_size=1,
            max_size=8,
        ),
        min_size=1,
        max_size=5,
    ),
    app=st.sampled_from(["strong", "hevy", "fitnotes"]),
)
def test_round_trip(sessions: list[list[tuple[str, int, float]]], app: str) -> None:
    """Random sessions written in the app's layout come back as the same sets."""
    import tempfile

    start = datetime(2024, 3, 1, 7, 30)
    headers = {"strong": STRONG_HEADER, "hevy": HEVY_HEADER, "fitnotes": FITNOTES.split("\n")[0]}
    lines = [headers[app]]
    for n, session in enumerate(sessions):
        when = start + timedelta(days=n)
        for number, (name, reps, weight) in enumerate(session, start=1):
            kg = "" if name == "Pull Up" else f"{weight:g}"
            if app == "strong":
                lines.append(f"{when:%Y-%m-%d %H:%M:%S},Back,1h,{name},{number},{kg or 0},"
                             f"{reps},0,0,,,")  # fmt: skip
            elif app == "fitnotes":
                lines.append(f"{when:%Y-%m-%d},{name},Back,{kg},{reps},,,")
            else:
                stamp = f"{when.day} {when:%b %Y, %H:%M}"
                lines.append(f'"Back","{stamp}","{stamp}","","{name}",,"",{number},"normal",'
                             f"{kg},{reps},,,")  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        path = write(home, "export.csv", "\n".join(lines) + "\n")
        import os

        os.environ["BACKPLAN_HOME"] = str(home / "home")
        ok("import", "--from", app, str(path), "--unit", "kg")
        history = run_json("history", "--last", "100")[::-1]
        assert len(history) == len(sessions)
        for workout, session in zip(history, sessions, strict=True):
            got: dict[str, list[tuple[int, float | None]]] = {}
            for e in workout["exercises"]:
                got[e["id"]] = [(s["reps"], s["weight"]) for s in e["sets_logged"]]
            want: dict[str, list[tuple[int, float | None]]] = {}
            for name, reps, weight in session:
                want.setdefault(NAMES[name], []).append(
                    (reps, None if name == "Pull Up" else weight)
                )
            assert got == want


def test_a_fitnotes_export_in_kg_and_in_lb(tmp_path: Path) -> None:
    done = ok("import", str(write(tmp_path, "fitnotes.csv", FITNOTES))).stdout
    assert "6 sets in 2 sessions of FitNotes; 1 with back exercises." in done
    assert "Imported 2 workouts" in done  # the other day kept, as other training
    found = sets_of(_with("conventional-deadlift"))
    assert found["conventional-deadlift"] == [(5, 140.0, "kg", "reps")] * 2
    assert found["side-plank"] == [(45, None, "kg", "seconds")]
    assert found["farmers-carry"] == [(40, 32.0, "kg", "metres")]
    pounds = FITNOTES.replace("Weight (kgs)", "Weight (lbs)").replace("2024-07", "2024-08")
    ok("import", "--from", "fitnotes", str(write(tmp_path, "lbs.csv", pounds)))
    assert (
        sets_of(_with("conventional-deadlift"))["conventional-deadlift"]
        == [(5, 140.0, "lb", "reps")] * 2
    )


def _with(exercise_id: str) -> int:
    """The newest workout with the exercise."""
    return next(
        int(w["id"])
        for w in run_json("history", "--last", "50")
        if exercise_id in {e["id"] for e in w["exercises"]}
    )


def test_auto_finds_the_app_from_the_header(tmp_path: Path) -> None:
    for name, text, app in (("s.csv", STRONG_UNITS, "Strong"), ("h.csv", HEVY, "Hevy"),
                            ("f.csv", FITNOTES, "FitNotes")):  # fmt: skip
        shown = ok("import", "--from", "auto", str(write(tmp_path, name, text))).stdout
        assert f"of {app};" in shown
    ok("export", "--output", str(tmp_path / "mine.json"))
    assert "already here" in ok("import", str(tmp_path / "mine.json")).stdout
    unknown = run("import", str(write(tmp_path, "other.csv", "a,b\n1,2\n")))
    assert unknown.exit_code == 2
    assert "neither a backplan export nor a CSV export of Strong, Hevy or FitNotes" in (
        unknown.stderr
    )


@pytest.mark.parametrize(
    "stamp",
    ["3 févr. 2026, 18:05", "3. Feb. 2026 18:05", "3 feb 2026, 18:05", "3 fev 2026, 18:05",
     "3 Feb 2026, 18:05"],
)  # fmt: skip
def test_hevy_dates_with_localized_months(tmp_path: Path, stamp: str) -> None:
    text = HEVY.replace("5 Jul 2024, 07:30", stamp).replace("5 Jul 2024, 08:30", stamp)
    ok("import", "--from", "hevy", str(write(tmp_path, "hevy.csv", text)))
    assert run_json("history")[0]["created"].startswith("2026-02-03T18:05:00")


def test_fitnotes_bad_rows_are_left_out_and_nothing_changes_when_all_are(
    tmp_path: Path, backplan_env: Path
) -> None:
    ok("workout", "--seed", "1")
    for bad, message, line in (("0:00:45", "abc", 5), ("2024-07-08", "8 juillett 2024, 18:00", 2)):
        path = write(tmp_path, "bad.csv", FITNOTES.replace(bad, message, 1))
        shown = ok("import", str(path), "--dry-run").stdout
        assert f"line {line}: " in shown
    database = backplan_env / migrations.FILE_NAME
    before = hashlib.sha256(database.read_bytes()).hexdigest()
    path = write(tmp_path, "bad.csv", FITNOTES.replace("2024-07-", "2099-07-"))
    result = run("import", str(path))
    assert result.exit_code == 2
    assert "line 2: " in result.stderr
    assert hashlib.sha256(database.read_bytes()).hexdigest() == before


def test_the_unit_is_asked_on_a_terminal(tmp_path: Path, backplan_env: Path) -> None:
    from tests.terminal import Terminal

    path = write(tmp_path, "strong.csv", STRONG)
    term = Terminal(backplan_env, "import", "--from", "strong", str(path))
    term.expect(r"Which \(kg/lb\)\?: ")
    term.line("stones")
    term.expect(r"Which \(kg/lb\)\?: ")
    assert "Answer kg or lb." in term.shown
    term.line("lbs")
    assert term.finish() == 0
    assert "Imported 3 workouts" in term.text
    assert sets_of(1)["conventional-deadlift"] == [(5, 140.0, "lb", "reps")] * 2
