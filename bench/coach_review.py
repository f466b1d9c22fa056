"""A coach's review of many planned sessions: counts of what a coach would reject.

    python bench/coach_review.py              # 200 saved sessions per goal
    python bench/coach_review.py --sessions 50

For each goal it plans whole-back sessions with seeds 1..N on the shipped catalogue,
saving each to a fresh history two days after the one before (so recovery never
shortens them), and counts sessions with: a family duplicate, a missing vertical or
horizontal pull, a hinge after a row, more than two lower-back exercises, an exercise
from the session before, and a prescription outside the spec's table.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path

from backplan import catalogue, paths
from backplan.catalogue.model import Dose, Exercise, Goal, Group, Level, Pattern
from backplan.store import history
from backplan.training.model import Prescription
from backplan.training.planner import Request, plan

# The spec's table, as the planner's tests write it out (run from the repository).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.coach_table import REPS, SETS, kind

START = datetime(2026, 1, 5, 18, 0, tzinfo=timezone.utc)
# Rest a coach accepts by goal (the table's, strength's heavy and light work together).
REST = {Goal.STRENGTH: (60, 300), Goal.HYPERTROPHY: (60, 120), Goal.ENDURANCE: (30, 60)}


def outside_table(e: Exercise, p: Prescription, goal: Goal) -> bool:
    expected = e.range or REPS[goal][kind(e)]
    if e.dose is not Dose.REPS and e.range is None:
        return True
    return (
        (p.reps_min, p.reps_max) != expected
        or not SETS[goal][0] <= p.sets <= SETS[goal][1]
        or not REST[goal][0] <= p.rest_seconds <= REST[goal][1]
        or p.rir_min is None
    )


def review(goal: Goal, sessions: int, exercises: list[Exercise]) -> Counter[str]:
    by_id = {e.id: e for e in exercises}
    found: Counter[str] = Counter()
    with (
        tempfile.TemporaryDirectory() as home,
        history.open_store(Path(home) / "history.sqlite3") as store,
    ):
        previous: set[str] = set()
        for seed in range(1, sessions + 1):
            now = START + timedelta(days=2 * seed)
            workout = store.save(plan(exercises, Request(goal=goal, seed=seed),
                                      store.recency(), now))  # fmt: skip
            picks = [by_id[e.id] for e in workout.exercises]
            patterns = [e.pattern for e in picks]
            hinge = next((i for i, e in enumerate(picks) if e.is_hinge), None)
            first_row = next(
                (i for i, p in enumerate(patterns) if p is Pattern.HORIZONTAL_PULL), None
            )
            found["family duplicate"] += len({e.family_name for e in picks}) < len(picks)
            found["no vertical pull"] += Pattern.VERTICAL_PULL not in patterns
            found["no horizontal pull"] += Pattern.HORIZONTAL_PULL not in patterns
            found["hinge after a row"] += (
                hinge is not None and first_row is not None and hinge > first_row
            )
            found["over two lower-back"] += sum(e.group is Group.LOWER_BACK for e in picks) > 2
            found["repeat of the last session"] += bool(previous & {e.id for e in picks})
            found["prescription outside the table"] += any(
                outside_table(by_id[p.id], p.prescription, goal) for p in workout.exercises
            )
            found["no hinge (context)"] += hinge is None
            found["below your level"] += any(e.level is not Level.INTERMEDIATE for e in picks)
            previous = {e.id for e in picks}
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=200)
    options = parser.parse_args()
    os.environ.setdefault("BACKPLAN_HOME", tempfile.mkdtemp())
    exercises = list(catalogue.load(paths.shipped_catalogue()).exercises)
    kinds = list(review(Goal.STRENGTH, 1, exercises)) or []
    results = {goal: review(goal, options.sessions, exercises) for goal in Goal}
    print(f"{options.sessions} saved whole-back sessions per goal, seeds 1..{options.sessions}")
    print(f"{'sessions with':34}" + "".join(f"{g.value:>13}" for g in Goal))
    for name in kinds:
        print(f"{name:34}" + "".join(f"{results[g][name]:>13}" for g in Goal))
    rejected = [
        "family duplicate", "no vertical pull", "no horizontal pull", "hinge after a row",
        "over two lower-back", "repeat of the last session", "prescription outside the table",
    ]  # fmt: skip
    return 1 if any(results[g][k] for g in Goal for k in rejected) else 0


if __name__ == "__main__":
    sys.exit(main())
