"""Your history in Strong's CSV layout, so a lifter can leave with everything: every
workout's sets (warm-ups logged in another app as W, drop sets as D, failure sets as F,
RPE from the reps in reserve), its title, notes and duration, and the training outside
the back, in one unit, which the header says as Strong's own headers have ("Weight
(kg)"). Exercises take Strong's names ("Deadlift (Barbell)"); a note's line breaks are
written as they are, quoted. `import --from strong` reads it back to the same sets,
with no --unit.

backplan's own sessions write no warm-ups: the plan's warm-up is not known to be done.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator

from backplan.catalogue.appnames import STRONG
from backplan.catalogue.model import Dose
from backplan.store.apps import MILE_METRES
from backplan.text import spreadsheet_safe
from backplan.training.loads import DROP, FAILURE, SetDone, convert
from backplan.training.model import Workout

COLUMNS = (
    "Date", "Workout Name", "Duration", "Exercise Name", "Set Order", "Weight", "Reps",
    "Distance", "Seconds", "Notes", "Workout Notes", "RPE",
)  # fmt: skip
# The weight and distance headers, in each unit: a lifter in lb has distances in miles.
_UNIT_HEADERS = {"kg": ("Weight (kg)", "Distance (km)"), "lb": ("Weight (lbs)", "Distance (mi)")}
_IMPORTED = re.compile(r"Imported from [\w ]+: (.*)\.", re.S)
_ORDER = {DROP: "D", FAILURE: "F"}


def _duration(workout: Workout) -> str:
    """'1h 24m', as Strong writes it; '' where the time taken is not known."""
    taken = workout.duration if workout.duration is not None else workout.seconds_taken
    if taken is None:
        return ""
    hours, minutes = divmod(round(taken / 60), 60)
    return f"{hours}h {minutes}m" if hours else f"{minutes}m"


def columns(unit: str) -> tuple[str, ...]:
    """Strong's header, with the unit of its weights and distances."""
    weight, distance = _UNIT_HEADERS[unit]
    return (*COLUMNS[:5], weight, COLUMNS[6], distance, *COLUMNS[8:])


def _title(workout: Workout) -> str:
    """The workout's title in the app it came from, else backplan's."""
    for note in workout.notes:
        imported = _IMPORTED.fullmatch(note)
        if imported:
            return imported.group(1)
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
    done = workout.source is not None  # an app logged its warm-ups; a plan's may be skipped
    named = [(STRONG.get(e.id, e.name), e.warmup if done else (), e.sets_logged)
             for e in workout.exercises if e.sets_logged]  # fmt: skip
    named += [(o.name, o.warmup, o.sets) for o in workout.other]
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
    writer.writerow(columns(unit))
    for workout in workouts:
        writer.writerows(_rows(workout, unit))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()
