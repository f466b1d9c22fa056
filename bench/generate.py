"""Test data for the benchmarks: big catalogues and long histories, made once and cached.

    python bench/generate.py catalogue FOLDER SIZE
    python bench/generate.py history FOLDER CATALOGUE WORKOUTS
    python bench/generate.py strong FOLDER ROWS
    python bench/generate.py logged FOLDER SESSIONS

Each prints the path it made (or had made before). bench/run.py calls it in a child
process, so the runner itself stays small and its children's memory reads true.
"""

from __future__ import annotations

import random
import sys
from datetime import datetime, timedelta
from pathlib import Path

import yaml

from backplan import catalogue
from backplan.catalogue import Group, Level, Mechanic, Pattern
from backplan.store import history, migrations
from backplan.training.model import Recency
from backplan.training.planner import Request, plan

GEAR = [item for item in catalogue.EQUIPMENT if item != catalogue.BODYWEIGHT]


def catalogue_file(folder: Path, size: int) -> Path:
    """A valid catalogue of `size` made-up exercises, spread over the groups and levels."""
    path = folder / f"catalogue-{size}.yaml"
    if path.exists():
        return path
    rng = random.Random(size)
    entries = []
    for number in range(size):
        group = list(Group)[number % 3]
        entries.append(
            {
                "id": f"{group.value}-exercise-{number}",
                "name": f"{group.label.title()} Exercise {number}",
                "group": group.value,
                "equipment": rng.sample(GEAR, rng.randint(0, 2)),
                "level": rng.choice(list(Level)).value,
                "mechanic": rng.choice(list(Mechanic)).value,
                "pattern": rng.choice(list(Pattern)).value,
                "cues": ["Brace before every rep.", "Control the lowering."],
                "focus": "Feel the target muscle move the weight.",
            }
        )
    text = yaml.dump({"version": 1, "exercises": entries}, Dumper=yaml.CSafeDumper, sort_keys=False)
    path.write_text(text, encoding="utf-8")
    return path


def history_home(folder: Path, catalogue_path: Path, workouts: int) -> Path:
    """A BACKPLAN_HOME holding `workouts` saved sessions of up to six exercises, one a day up to
    yesterday."""
    home = folder / f"home-{catalogue_path.stem}-{workouts}"
    if home.exists():
        return home
    exercises = catalogue.load(catalogue_path).exercises
    rng = random.Random(workouts)
    yesterday = datetime.now().astimezone().replace(hour=7, minute=0, second=0, microsecond=0)
    yesterday -= timedelta(days=1)
    partial = home.with_name(home.name + ".partial")
    partial.mkdir(parents=True, exist_ok=True)
    with history.open_store(partial / migrations.FILE_NAME) as store:
        for number in range(workouts):
            # Six random exercises, planned by the real planner (advanced, so no level
            # filter drops any), as the kind of session backplan saves.
            when = yesterday - timedelta(days=workouts - 1 - number)
            request = Request(exercises=6, level=Level.ADVANCED, seed=number)
            store.save(plan(rng.sample(exercises, 6), request, Recency(), when))
    partial.rename(home)
    return home


STRONG_HEADER = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE"
)
STRONG_NAMES = ["Deadlift (Barbell)", "Bent Over Row (Barbell)", "Lat Pulldown (Cable)",
                "Pull Up", "Bench Press (Barbell)", "Squat (Barbell)", "Face Pull (Cable)",
                "Seated Row (Cable)"]  # fmt: skip


def strong_file(folder: Path, rows: int) -> Path:
    """A Strong export of `rows` sets: sessions of five exercises of three to five sets,
    back and other exercises mixed, a warm-up set now and then."""
    path = folder / f"strong-{rows}.csv"
    if path.exists():
        return path
    rng = random.Random(rows)
    lines = [STRONG_HEADER]
    day = datetime(2015, 1, 5, 7, 30)
    while len(lines) <= rows:
        for name in rng.sample(STRONG_NAMES, 5):
            for number in range(rng.randint(3, 5)):
                order = "W" if number == 0 and rng.random() < 0.3 else str(number + 1)
                weight = 0 if name == "Pull Up" else rng.randrange(40, 180, 5)
                lines.append(f"{day:%Y-%m-%d %H:%M:%S},Session,1h,{name},{order},{weight},"
                             f"{rng.randint(3, 15)},0,0,,,")  # fmt: skip
        day += timedelta(days=1)
    path.write_text("\n".join(lines[: rows + 1]) + "\n", encoding="utf-8")
    return path


def logged_home(folder: Path, sessions: int) -> Path:
    """A BACKPLAN_HOME with `sessions` workouts, each with three logged sets of rows."""
    from backplan import paths
    from backplan.training.loads import SetDone

    home = folder / f"home-logged-{sessions}"
    if home.exists():
        return home
    shipped = catalogue.load(paths.shipped_catalogue())
    partial = home.with_name(home.name + ".partial")
    partial.mkdir(parents=True, exist_ok=True)
    start = datetime.now().astimezone() - timedelta(days=sessions + 1)
    request = Request(
        groups=(Group.UPPER_BACK,), exercises=1, pinned=frozenset({"barbell-bent-over-row"})
    )
    with history.open_store(partial / migrations.FILE_NAME) as store:
        for number in range(sessions):
            workout = store.save(
                plan(shipped.exercises, request, Recency(), start + timedelta(days=number))
            )
            weight = 60 + number % 40
            store.log(workout.id or 0, "barbell-bent-over-row", [SetDone(8, weight, "kg")] * 3)
    partial.rename(home)
    return home


if __name__ == "__main__":
    kind, folder = sys.argv[1], Path(sys.argv[2])
    if kind == "catalogue":
        print(catalogue_file(folder, int(sys.argv[3])))
    elif kind == "strong":
        print(strong_file(folder, int(sys.argv[3])))
    elif kind == "logged":
        print(logged_home(folder, int(sys.argv[3])))
    else:
        print(history_home(folder, Path(sys.argv[3]), int(sys.argv[4])))
