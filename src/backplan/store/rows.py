"""Rows of the history tables to values and back: the columns, in one place."""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from backplan.catalogue.model import Dose, Goal, Group, Level, LoadKind, Mechanic, Pattern, Sides
from backplan.errors import ENVIRONMENT, BackplanError
from backplan.text import visible, visible_lines
from backplan.training.loads import SET_KINDS, WORK, Load, SetDone
from backplan.training.model import OtherExercise, PlannedExercise, Prescription, Workout

LATEST_YEAR = 9000  # a stored time past this is damage, and date arithmetic would fail
WORKOUT_COLUMNS = (
    "id, created, goal, level, groups, notes, seed, equipment, program_id, program_day,"
    # The time taken: from the first set logged at the gym to the last (go stores when).
    " (SELECT MAX(l.logged_at) - MIN(l.logged_at) FROM logged_sets l"
    " WHERE l.workout_id = workouts.id), note, duration, source, back"
)
# A logged set's columns, as `set_from_row` reads them.
SET_COLUMNS = "reps, weight, unit, dose, rir, kind, note, rest"
EXERCISE_COLUMNS = (
    "position, exercise_id, name, grp, mechanic, pattern, sets, reps_min, reps_max,"
    " rest_seconds, reason, focus, load_weight, load_unit, load_change, load_reason,"
    " dose, sides, load_type, rir_min, rir_max, load_reps, load_variant, warmup, load_plates,"
    " secondary, note, superset"
)
# Read, never written with the rest: `skip` sets it.
READ_EXERCISE_COLUMNS = EXERCISE_COLUMNS + ", skipped"
EXERCISE_MARKS = ", ".join("?" * len(EXERCISE_COLUMNS.split(",")))


def set_row(s: SetDone) -> tuple[Any, ...]:
    return (s.reps, s.weight, s.unit, s.dose.value, s.rir, s.kind, s.note, s.rest)


def _number(value: object, empty: bool) -> bool:
    """A finite number (None too, when `empty`), as SQLite gives back what backplan wrote."""
    if value is None:
        return empty
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def set_from_row(
    reps: int,
    weight: float | None,
    unit: str,
    dose: str,
    rir: float | None,
    kind: str = WORK,
    note: str | None = None,
    rest: int | None = None,
) -> SetDone:
    if kind not in SET_KINDS:
        raise ValueError(f"unknown set kind {kind!r}")
    # A value written by hand into the file ('NaN', text): the set cannot be counted.
    for name, value in (("reps", reps), ("weight", weight), ("rir", rir), ("rest", rest)):
        if not _number(value, empty=name != "reps"):
            raise ValueError(f"a set's {name} is {str(value)[:20]!r}")
    return SetDone(reps, weight, unit, Dose(dose), rir, kind=kind,
                   note=None if note is None else visible_lines(note), rest=rest)  # fmt: skip


def sets_of(db: sqlite3.Connection, workout_id: int, exercise_id: str) -> tuple[SetDone, ...]:
    """The sets logged of one exercise of a workout, in their order."""
    return tuple(
        set_from_row(*row)
        for row in db.execute(
            f"SELECT {SET_COLUMNS} FROM logged_sets"
            " WHERE workout_id = ? AND exercise_id = ? ORDER BY set_number",
            (workout_id, exercise_id),
        )
    )


OTHER_WARMUP = "warmup"  # an other training's warm-up set, among its sets in the store


def other_row(e: OtherExercise) -> tuple[Any, ...]:
    sets = [[s.reps, s.weight, s.unit, s.dose.value, OTHER_WARMUP] for s in e.warmup]
    sets += [[s.reps, s.weight, s.unit, s.dose.value, s.kind] for s in e.sets]
    credit = json.dumps([g.value for g in e.credit]) if e.credit else None
    return (e.position, e.name, json.dumps(sets), e.note, credit)


def other_from_row(position: int, name: str, sets: str, note: str | None,
                   credit: str | None) -> OtherExercise:  # fmt: skip
    rows = json.loads(sets)
    return OtherExercise(
        position,
        visible(name),
        tuple(set_from_row(r, w, u, d, None, k) for r, w, u, d, k in rows if k != OTHER_WARMUP),
        None if note is None else visible_lines(note),
        tuple(Group(g) for g in json.loads(credit)) if credit else (),
        tuple(set_from_row(r, w, u, d, None) for r, w, u, d, k in rows if k == OTHER_WARMUP),
    )


def exercise_row(e: PlannedExercise) -> tuple[Any, ...]:
    load, p = e.load, e.prescription
    return (
        e.position,
        e.id,
        e.name,
        e.group.value,
        e.mechanic.value,
        e.pattern.value if e.pattern else None,
        e.prescription.sets,
        e.prescription.reps_min,
        e.prescription.reps_max,
        e.prescription.rest_seconds,
        e.reason,
        e.focus,
        load.weight if load else None,
        load.unit if load else None,
        load.change if load else None,
        load.reason if load else None,
        p.dose.value,
        p.sides.value,
        e.load_kind.value if e.load_kind else None,
        p.rir_min,
        p.rir_max,
        load.reps if load else None,
        load.variant if load else None,
        json.dumps([_warmup_row(w) for w in e.warmup]) if e.warmup else None,
        json.dumps(list(load.plates)) if load and load.plates is not None else None,
        json.dumps([g.value for g in e.secondary]) if e.secondary else None,
        e.note,
        e.superset,
    )


def _warmup_row(w: SetDone) -> list[Any]:
    return [w.reps, w.weight, w.unit] + ([list(w.plates)] if w.plates is not None else [])


def _warmup_set(values: list[Any]) -> SetDone:
    reps, weight, unit, *plates = values
    return SetDone(reps, weight, unit, plates=tuple(plates[0]) if plates else None)


def same_workout(created_ts: float, exercise_ids: Sequence[str]) -> tuple[int, str]:
    """What makes two workouts the same for import: the second they were planned (exports
    keep whole seconds, cut rather than rounded) and their exercises in order."""
    return math.floor(created_ts), " ".join(exercise_ids)


def local_time(timestamp: float) -> datetime:
    try:
        moment = datetime.fromtimestamp(timestamp).astimezone()
    except (OverflowError, OSError, ValueError):
        moment = None
    if moment is None or not 1970 <= moment.year <= LATEST_YEAR:
        raise BackplanError(
            f"The history holds a time that cannot be ({timestamp!r} s since 1970); it was "
            "left as it is. Find it with 'backplan history' and delete that workout.",
            exit_code=ENVIRONMENT,
        )
    return moment


def no_such_workout(workout_id: int) -> BackplanError:
    return BackplanError(
        f"No workout {workout_id} in your history. Run 'backplan history' to see the ids."
    )


def planned_exercise(row: Any, sets_logged: tuple[SetDone, ...]) -> PlannedExercise:
    position, ident, name, group, mechanic, pattern, sets, reps_min, reps_max, rest = row[:10]
    reason, focus, load_weight, load_unit, load_change, load_reason = row[10:16]
    dose, sides, load_type, rir_min, rir_max, load_reps, load_variant, warmup = row[16:24]
    load_plates, secondary, note, superset = row[24:28]
    skipped = bool(row[28]) if len(row) > 28 else False
    return PlannedExercise(
        position=position,
        id=ident,
        name=visible(name),
        group=Group(group),
        mechanic=Mechanic(mechanic),
        pattern=Pattern(pattern) if pattern else None,
        prescription=Prescription(
            sets, reps_min, reps_max, rest, Dose(dose), Sides(sides), rir_min, rir_max
        ),
        reason=visible(reason),
        focus=None if focus is None else visible(focus),
        # Round 1 kept a suggestion only with a weight; now a change is always stored.
        load=None
        if load_change is None
        else Load(
            load_weight,
            load_unit,
            load_change,
            visible(load_reason or ""),
            load_reps,
            None if load_variant is None else visible(load_variant),
            Dose(dose),
            None if load_plates is None else tuple(json.loads(load_plates)),
            added=load_type == LoadKind.BODYWEIGHT.value and load_weight is not None,  # a belt
        ),
        sets_logged=sets_logged,
        load_kind=LoadKind(load_type) if load_type else None,
        warmup=tuple(_warmup_set(values) for values in json.loads(warmup)) if warmup else (),
        skipped=skipped,
        secondary=tuple(Group(g) for g in json.loads(secondary)) if secondary else (),
        note=None if note is None else visible_lines(note),
        superset=superset,
    )


def unreadable(workout_id: object, err: Exception) -> BackplanError:
    """A row backplan did not write (an unknown goal, a damaged list)."""
    return BackplanError(
        f"Workout {workout_id} in the history cannot be read ({err}); it was left as it is. "
        f"'backplan history delete {workout_id}' removes it.",
        exit_code=ENVIRONMENT,
    )


def workout_from_row(
    row: Any, exercises: list[PlannedExercise], other: Sequence[OtherExercise] = ()
) -> Workout:
    workout_id, created, goal, level, groups, notes, seed, equipment, program_id, day = row[:10]
    took, note, duration, source, back = row[10:]
    return Workout(
        id=workout_id,
        created=datetime.fromisoformat(created),
        goal=Goal(goal),
        level=Level(level),
        groups=tuple(Group(g) for g in json.loads(groups)),
        exercises=tuple(exercises),
        notes=tuple(visible(note) for note in json.loads(notes)),
        seed=seed,
        equipment=None if equipment is None else frozenset(json.loads(equipment)),
        program_id=program_id,
        program_day=day,
        seconds_taken=round(took) if took else None,
        note=None if note is None else visible_lines(note),
        duration=duration,
        source=source,
        other=tuple(other),
        back=back,
    )
