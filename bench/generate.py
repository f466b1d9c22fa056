"""Test data for the benchmarks: big catalogues and long histories, made once and cached.

    python bench/generate.py catalogue FOLDER SIZE
    python bench/generate.py history FOLDER CATALOGUE WORKOUTS

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


if __name__ == "__main__":
    kind, folder = sys.argv[1], Path(sys.argv[2])
    if kind == "catalogue":
        print(catalogue_file(folder, int(sys.argv[3])))
    else:
        print(history_home(folder, Path(sys.argv[3]), int(sys.argv[4])))
