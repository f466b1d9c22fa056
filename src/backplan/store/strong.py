"""Your history in Strong's CSV layout, so a lifter can leave with everything: every
workout's sets (warm-ups as W, drop sets as D, failure sets as F, RPE from the reps in
reserve), its notes and duration, and the training outside the back, in one unit.
`import --from strong` reads it back to the same sets.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from backplan.catalogue.model import Dose
from backplan.store.apps import MILE_METRES
from backplan.text import spreadsheet_safe
from backplan.training.loads import DROP, FAILURE, SetDone, convert
from backplan.training.model import Workout

COLUMNS = (
    "Date", "Workout Name", "Duration", "Exercise Name", "Set Order", "Weight", "Reps",
    "Distance", "Seconds", "Notes", "Workout Notes", "RPE",
)  # fmt: skip
_ORDER = {DROP: "D", FAILURE: "F"}


def _duration(workout: Workout) -> str:
    """'1h 24m', as Strong writes it; '' where the time taken is not known."""
    taken = workout.duration if workout.duration is not None else workout.seconds_taken
    if taken is None:
        return ""
    hours, minutes = divmod(round(taken / 60), 60)
    return f"{hours}h {minutes}m" if hours else f"{minutes}m"


def _title(workout: Workout) -> str:
    groups = " + ".join(g.label for g in workout.groups) or "other training"
    return f"backplan #{workout.id}: {groups}, {workout.goal.value}"


def _amounts(s: SetDone, unit: str) -> tuple[str, str, str, str]:
    """Weight, reps, distance and seconds, as Strong's columns hold them."""
    weight = "0" if s.weight is None else f"{round(convert(s.weight, s.unit, unit), 3):g}"
    if s.dose is Dose.SECONDS:
        return weight, "0", "0", str(s.reps)
    if s.dose is Dose.METRES:
        per = MILE_METRES if unit == "lb" else 1000.0  # Strong's distance: km, or miles
        return weight, "0", f"{s.reps / per:.6f}".rstrip("0").rstrip("."), "0"
    return weight, str(s.reps), "0", "0"


def _rows(workout: Workout, unit: str) -> Iterator[list[str]]:
    head = [
        f"{workout.created.astimezone():%Y-%m-%d %H:%M:%S}",
        spreadsheet_safe(_title(workout)),
        _duration(workout),
    ]
    note = spreadsheet_safe(workout.note or "")
    named = [(e.name, e.warmup, e.sets_logged) for e in workout.exercises if e.sets_logged]
    named += [(o.name, (), o.sets) for o in workout.other]
    for name, warmup, sets in named:
        exercise = spreadsheet_safe(name)
        for w in warmup:
            yield [*head, exercise, "W", *_amounts(w, unit), "", note, ""]
        number = 0
        for s in sets:
            number += s.kind not in _ORDER
            order = _ORDER.get(s.kind, str(number))
            rpe = "" if s.rir is None else f"{10 - s.rir:g}"
            yield [*head, exercise, order, *_amounts(s, unit), spreadsheet_safe(s.note or ""),
                   note, rpe]  # fmt: skip


def strong_chunks(workouts: Iterable[Workout], unit: str) -> Iterator[str]:
    """Strong's CSV, a workout at a time, weights in `unit`; workouts with nothing
    logged (a plan is not training) are left out."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for workout in workouts:
        writer.writerows(_rows(workout, unit))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()
