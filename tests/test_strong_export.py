"""`export --format strong`: Strong's CSV layout, which `import --from strong` reads
back to the same sets with no --unit (a round-trip property over random histories):
the titles, Strong's names, notes over several lines, warm-ups only where an app
logged them; and the CSV export's workout id."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backplan import catalogue, paths
from backplan.catalogue.model import Dose, Goal, Level
from backplan.store import history
from backplan.store.arrivals import NEAR_MAX_RIR
from backplan.store.strong import columns
from backplan.training.loads import DROP, FAILURE, SET_KINDS, SetDone
from backplan.training.model import OtherExercise, PlannedExercise, Prescription, Workout
from tests.helpers import ok, run_json

SHIPPED = list(catalogue.load(paths.shipped_catalogue()).exercises)
START = datetime(2025, 3, 3, 7, 30, tzinfo=timezone.utc)
OTHER_NAMES = ("Squat (Barbell)", "Bench Press (Barbell)", "Bicep Curl (Dumbbell)")
NOTE = st.none() | st.text("abc xyz,\"'\n", min_size=1, max_size=12).map(str.strip).filter(bool)
AMOUNT = {Dose.REPS: (1, 30), Dose.SECONDS: (10, 120), Dose.METRES: (10, 200)}


@st.composite
def a_set(draw: Any, dose: Dose) -> SetDone:
    kind = draw(st.sampled_from(SET_KINDS))
    rir = 0.0 if kind == FAILURE else draw(st.none() | st.integers(0, 8).map(lambda h: h / 2))
    weight = draw(st.none() | st.integers(1, 800).map(lambda q: q / 4))
    return SetDone(draw(st.integers(*AMOUNT[dose])), weight, "kg", dose, rir, kind=kind,
                   note=draw(NOTE))  # fmt: skip


@st.composite
def a_workout(draw: Any, number: int) -> Workout:
    chosen = draw(st.lists(st.sampled_from(SHIPPED), min_size=0, max_size=4,
                           unique_by=lambda e: e.family_name))  # fmt: skip
    exercises = []
    for position, e in enumerate(chosen, start=1):
        sets = draw(st.lists(a_set(e.dose), min_size=1, max_size=4))
        sets[0] = SetDone(sets[0].reps, sets[0].weight, "kg", e.dose, sets[0].rir,
                          kind="work", note=sets[0].note)  # fmt: skip
        warmup = () if e.dose is not Dose.REPS else tuple(
            SetDone(draw(st.integers(1, 10)), draw(st.integers(1, 200)) / 2, "kg")
            for _ in range(draw(st.integers(0, 2)))
        )  # fmt: skip
        exercises.append(PlannedExercise(
            position, e.id, e.name, e.group, e.mechanic, e.pattern,
            Prescription(len(sets), 5, 8, 120, e.dose), "logged", sets_logged=tuple(sets),
            load_kind=e.load_kind, warmup=warmup,
        ))  # fmt: skip
    names = draw(st.lists(st.sampled_from(OTHER_NAMES), unique=True,
                          min_size=0 if exercises else 1, max_size=2))  # fmt: skip
    source = draw(st.sampled_from([None, "strong", "hevy"]))
    other = tuple(
        OtherExercise(n, name, tuple(SetDone(s.reps, s.weight, s.unit, s.dose, kind=s.kind)
                                     for s in draw(st.lists(a_set(Dose.REPS), min_size=1,
                                                            max_size=3))),
                      warmup=() if source is None else tuple(
                          SetDone(draw(st.integers(1, 10)), 20.0, "kg") for _ in range(2)))
        for n, name in enumerate(names, start=1)
    )  # fmt: skip
    return Workout(
        created=START + timedelta(days=2 * number),
        goal=Goal.HYPERTROPHY,
        level=Level.INTERMEDIATE,
        groups=tuple(dict.fromkeys(e.group for e in exercises)),
        exercises=tuple(exercises),
        note=draw(NOTE),
        duration=draw(st.none() | st.integers(5, 150).map(lambda m: m * 60)),
        other=other,
        source=source,
        notes=() if source is None else (f"Imported from Strong: Day {number}.",),
    )


@st.composite
def a_history(draw: Any) -> list[Workout]:
    return [draw(a_workout(n)) for n in range(draw(st.integers(1, 4)))]


def _near_max(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The sets as an import reads them: a heavy single or double with no effort, at
    the top weight of the work sets, near a max."""
    work = [s for s in items if s["kind"] != DROP and s["dose"] == "reps"]
    top = max((s["weight"] for s in work if s["weight"] is not None), default=None)
    return [
        {**s, "rir": NEAR_MAX_RIR[s["reps"]]}
        if s in work and top is not None and s["weight"] == top and s["rir"] is None
        and s["reps"] in NEAR_MAX_RIR else s
        for s in items
    ]  # fmt: skip


def _read_back(workout: dict[str, Any], imported: bool) -> tuple[Any, ...]:
    def sets(items: list[dict[str, Any]], full: bool = True) -> list[tuple[Any, ...]]:
        return [
            (s["reps"], s["weight"], s["dose"], s["kind"], *((s["rir"], s["note"]) if full else ()))
            for s in items
        ]

    logged = workout["source"] is not None  # a plan's warm-ups may have been skipped
    return (
        workout["created"][:16],
        [(e["id"], sets(_near_max(e["sets_logged"]) if imported else e["sets_logged"]),
          [(w["reps"], w["weight"]) for w in e["warmup"]] if logged else [])
         for e in workout["exercises"]],
        [(o["name"], sets(o["sets"], full=False), [w["reps"] for w in o["warmup"]])
         for o in workout["other"]],
        workout["note"],
        workout["duration_seconds"],
    )  # fmt: skip


def _history(imported: bool = False) -> list[tuple[Any, ...]]:
    shown = [run_json("history", "show", str(w["id"])) for w in run_json("history", "--last", "50")]
    return sorted(_read_back(w, imported) for w in shown)


# Each example sets the environment it needs anew, so one monkeypatch serves them all.
@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(made=a_history())
def test_a_strong_export_imports_back_to_the_same_sets(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch, made: list[Workout]
) -> None:
    folder = tmp_path_factory.mktemp("strong")
    monkeypatch.setenv("BACKPLAN_HOME", str(folder / "a"))
    with history.open_store() as store:
        store.add(made, {})
    before = _history(imported=True)
    exported = ok("export", "--format", "strong").stdout
    assert "\u240a" not in exported  # a newline in a note is a newline, quoted
    header = next(csv.reader(io.StringIO(exported)))
    assert tuple(header) == columns("kg")
    (folder / "strong.csv").write_text(exported, encoding="utf-8", newline="")
    monkeypatch.setenv("BACKPLAN_HOME", str(folder / "b"))
    ok("import", str(folder / "strong.csv"))  # Strong's, and its unit, from the header
    assert _history() == before
    # Exported again from there, the file is the same: titles, names, warm-ups and all,
    # except the effort the import read into a heavy single or double logged without one.
    again = list(csv.reader(io.StringIO(ok("export", "--format", "strong").stdout)))
    first = list(csv.reader(io.StringIO(exported)))
    assert len(again) == len(first)
    for was, now in zip(first, again, strict=True):
        if was[-1] == "" and now[-1] != "":
            assert (now[6], now[-1]) in {("1", "9.5"), ("2", "9")}, now
            now = [*now[:-1], ""]
        assert now == was


def test_the_export_writes_strong_names_titles_and_notes_as_strong_does(tmp_path: Path) -> None:
    path = tmp_path / "strong.csv"
    path.write_text(
        ",".join(columns("kg")) + "\n"
        '2025-03-03 07:30:00,Pull Day,1h,Deadlift (Barbell),W,60,5,0,0,,"Rack was\nbusy",\n'
        '2025-03-03 07:30:00,Pull Day,1h,Deadlift (Barbell),1,140,5,0,0,"straps\non",'
        '"Rack was\nbusy",8\n'
        '2025-03-03 07:30:00,Pull Day,1h,Squat (Barbell),W,60,5,0,0,,"Rack was\nbusy",\n'
        '2025-03-03 07:30:00,Pull Day,1h,Squat (Barbell),1,100,5,0,0,,"Rack was\nbusy",\n',
        encoding="utf-8",
    )
    ok("import", str(path))
    planned = run_json("workout", "--seed", "3")
    first = planned["exercises"][0]
    ok("log", first["id"], "8x60")
    exported = ok("export", "--format", "strong").stdout
    rows = list(csv.reader(io.StringIO(exported)))
    assert rows[0][5] == "Weight (kg)"
    pull = [r for r in rows[1:] if r[1] == "Pull Day"]
    assert [(r[3], r[4]) for r in pull] == [
        ("Deadlift (Barbell)", "W"), ("Deadlift (Barbell)", "1"),
        ("Squat (Barbell)", "W"), ("Squat (Barbell)", "1"),
    ]  # fmt: skip
    assert pull[1][9] == "straps\non"
    assert pull[0][10] == "Rack was\nbusy"
    assert '"Rack was\nbusy"' in exported
    mine = [r for r in rows[1:] if r[1].startswith("backplan #")]
    assert mine
    assert "W" not in {r[4] for r in mine}  # the plan's warm-up is not known to be done


def test_the_csv_export_names_each_workout(tmp_path: Path) -> None:
    planned = run_json("workout", "--seed", "3")
    ok("log", planned["exercises"][0]["id"], "8x60")
    text = ok("export", "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(text)))
    assert next(iter(rows[0])) == "workout_id"
    assert {row["workout_id"] for row in rows} == {str(planned["id"])}
