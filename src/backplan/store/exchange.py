"""Your history out and back in: the versioned JSON document, and CSV for spreadsheets."""

from __future__ import annotations

import csv
import io
import json
import textwrap
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import Any

from backplan import clock
from backplan.catalogue.model import Dose, Goal, Group, Level, LoadKind, Mechanic, Pattern, Sides
from backplan.documents import (  # the same keys as --json
    own_json,
    planned_json,
    program_link,
    sets_json,
)
from backplan.store.apps import APPS
from backplan.store.fields import (
    MAX_ID,
    Invalid,
    choice,
    created,
    exercise_id,
    get,
    maybe,
    note_text,
    one_of,
    optional,
    typed,
    whole,
)
from backplan.store.programs import program_document
from backplan.text import spreadsheet_safe
from backplan.training.bodyweight import LIMITS_KG, WeighIn
from backplan.training.loads import (
    MAX_DOSE,
    MAX_REPS,
    MAX_WEIGHT,
    SET_KINDS,
    UNITS,
    WORK,
    Load,
    SetDone,
    convert,
)
from backplan.training.model import OtherExercise, PlannedExercise, Prescription, Workout
from backplan.training.program import Program

FORMAT_VERSION = 1
MAX_DURATION = 24 * 3600  # seconds: no session lasts a day
MARKS = ("pin", "ban")
CHANGES = ("up", "down", "same")


# --- out ------------------------------------------------------------------------------


def _workout_document(w: Workout) -> dict[str, Any]:
    return {
        "id": w.id,
        "created": w.created.isoformat(timespec="seconds"),
        "goal": w.goal.value,
        "level": w.level.value,
        "groups": [g.value for g in w.groups],
        "equipment": None if w.equipment is None else sorted(w.equipment),
        "seed": w.seed,
        "notes": list(w.notes),
        "exercises": [
            {**planned_json(e), "focus": e.focus, "sets_logged": sets_json(e)} for e in w.exercises
        ],
        "program": program_link(w),
        **own_json(w),
    }


def json_chunks(
    workouts: Iterable[Workout],
    marks: dict[str, str],
    settings: dict[str, Any] | None = None,
    programs: Sequence[Program] = (),
    weigh_ins: Sequence[WeighIn] = (),
) -> Iterator[str]:
    """The export document, a workout at a time: memory stays flat however long the
    history. Everything backplan keeps (and your settings), oldest workout first; the
    same history gives the same text, byte for byte."""
    yield f'{{\n  "backplan_export": {FORMAT_VERSION},\n  "workouts": ['
    separator = "\n"
    for workout in workouts:
        text = json.dumps(_workout_document(workout), indent=2, ensure_ascii=False)
        yield separator + textwrap.indent(text, "    ")
        separator = ",\n"
    yield ("\n  ]" if separator == ",\n" else "]") + ',\n  "marks": '
    yield json.dumps(dict(sorted(marks.items())), ensure_ascii=False)
    if programs:
        documents = [program_document(p) for p in programs]
        yield ',\n  "programs": ' + json.dumps(documents, ensure_ascii=False)
    if weigh_ins:
        documents = [weigh_in_document(w) for w in sorted(weigh_ins, key=lambda w: w.day)]
        yield ',\n  "bodyweights": ' + json.dumps(documents, ensure_ascii=False)
    if settings is not None:
        yield ',\n  "config": ' + json.dumps(settings, ensure_ascii=False, sort_keys=True)
    yield "\n}\n"


def weigh_in_document(w: WeighIn) -> dict[str, Any]:
    return {"day": w.day.isoformat(), "weight": w.weight, "unit": w.unit}


def weigh_in_from(data: Any, where: str) -> WeighIn:
    text = typed(get(data, "day", where), str, f"{where}.day")
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise Invalid(f"{where}.day", f"'{text[:40]}' is not a date like 2026-11-30") from None
    if not clock.EARLIEST.date() <= day <= clock.latest().date():
        raise Invalid(f"{where}.day", f"'{text}' is not a day you could have weighed in")
    weight, unit = _weighed(data, where)
    if weight is None or not LIMITS_KG[0] <= convert(weight, unit, "kg") <= LIMITS_KG[1]:
        raise Invalid(f"{where}.weight", "must be a bodyweight, 1 to 400 kg")
    return WeighIn(day, weight, unit)


def to_json(
    workouts: Iterable[Workout], marks: dict[str, str], settings: dict[str, Any] | None = None
) -> str:
    return "".join(json_chunks(workouts, marks, settings))


CSV_COLUMNS = (
    "workout_id", "workout_created", "goal", "level", "position", "exercise_id", "name", "group",
    "sets", "reps_min", "reps_max", "rest_seconds", "reason",
    "set_number", "reps", "weight", "unit", "dose", "rir",
)  # fmt: skip


def csv_chunks(workouts: Iterable[Workout]) -> Iterator[str]:
    """One row per planned exercise, or per logged set where sets were logged; a
    workout's rows at a time."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for w in workouts:
        for e in w.exercises:
            p = e.prescription
            plan = [
                w.id, w.created.isoformat(timespec="seconds"), w.goal.value, w.level.value,
                e.position, e.id, spreadsheet_safe(e.name), e.group.value,
                p.sets, p.reps_min, p.reps_max, p.rest_seconds, spreadsheet_safe(e.reason),
            ]  # fmt: skip
            if not e.sets_logged:
                writer.writerow([*plan, "", "", "", "", "", ""])
            for number, s in enumerate(e.sets_logged, start=1):
                weight = "" if s.weight is None else s.weight
                rir = "" if s.rir is None else s.rir
                writer.writerow([*plan, number, s.reps, weight, s.unit, s.dose.value, rir])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


# --- in -------------------------------------------------------------------------------


def _weighed(data: Any, where: str) -> tuple[float | None, str]:
    """A weight (None for bodyweight) and its unit, within what anyone lifts."""
    unit = one_of(get(data, "unit", where), f"{where}.unit", UNITS)
    weight = maybe(get(data, "weight", where), float, f"{where}.weight")
    if weight is not None and not 0 <= weight <= MAX_WEIGHT[unit]:
        raise Invalid(f"{where}.weight", f"must be from 0 to {MAX_WEIGHT[unit]:g} {unit}")
    return weight, unit


def _set(data: Any, where: str) -> SetDone:
    weight, unit = _weighed(data, where)
    dose = choice(optional(data, "dose", "reps"), f"{where}.dose", Dose)
    reps = whole(get(data, "reps", where), f"{where}.reps", 1, MAX_DOSE[dose])
    rir = maybe(optional(data, "rir", None), float, f"{where}.rir")
    if rir is not None and not 0 <= rir <= 10:
        raise Invalid(f"{where}.rir", "must be from 0 to 10")
    kind = one_of(optional(data, "kind", WORK), f"{where}.kind", SET_KINDS)
    note = note_text(optional(data, "note", None), f"{where}.note")
    rest = maybe(optional(data, "rest", None), int, f"{where}.rest")
    if rest is not None and not 0 <= rest <= MAX_DURATION:
        raise Invalid(f"{where}.rest", "must be from 0 to a day in seconds")
    return SetDone(reps, weight, unit, dose, rir, kind=kind, note=note, rest=rest)


def _other(data: Any, where: str) -> OtherExercise:
    sets = typed(get(data, "sets", where), list, f"{where}.sets")
    warm = typed(optional(data, "warmup", []), list, f"{where}.warmup")
    return OtherExercise(
        position=whole(get(data, "position", where), f"{where}.position", 1, 100),
        name=typed(get(data, "name", where), str, f"{where}.name"),
        sets=tuple(_set(s, f"{where}.sets[{n}]") for n, s in enumerate(sets)),
        note=note_text(optional(data, "note", None), f"{where}.note"),
        credit=tuple(
            choice(g, f"{where}.credit[{n}]", Group)
            for n, g in enumerate(typed(optional(data, "credit", []), list, f"{where}.credit"))
        ),
        warmup=tuple(_set(s, f"{where}.warmup[{n}]") for n, s in enumerate(warm)),
    )


def _warmup(data: Any, where: str) -> SetDone:
    weight, unit = _weighed(data, where)
    plates = maybe(optional(data, "plates", None), list, f"{where}.plates")
    side = None if plates is None else tuple(
        _plate(p, f"{where}.plates[{n}]") for n, p in enumerate(plates)
    )  # fmt: skip
    reps = whole(get(data, "reps", where), f"{where}.reps", 1, MAX_REPS)
    return SetDone(reps, weight, unit, plates=side)


def _plate(value: Any, where: str) -> float:
    plate = typed(value, float, where)
    if not 0 < plate <= MAX_WEIGHT["lb"]:
        raise Invalid(where, "must be a plate's weight")
    return plate


def _suggested(data: Any, where: str, dose: Dose, kind: LoadKind | None) -> Load | None:
    if data is None:
        return None
    weight, unit = _weighed(data, where)
    change = one_of(get(data, "change", where), f"{where}.change", CHANGES)
    reps = maybe(optional(data, "reps", None), int, f"{where}.reps")
    variant = maybe(optional(data, "variant", None), str, f"{where}.variant")
    # Weight, reps and variant may all be None: a suggestion in words ('start light').
    reason = typed(get(data, "reason", where), str, f"{where}.reason")
    added = kind is LoadKind.BODYWEIGHT and weight is not None  # a belt
    plates = maybe(optional(data, "plates", None), list, f"{where}.plates")
    side = None if plates is None else tuple(
        _plate(p, f"{where}.plates[{n}]") for n, p in enumerate(plates)
    )  # fmt: skip
    return Load(weight, unit, change, reason, reps, variant, dose, side, added=added)


def _exercise(data: Any, where: str) -> PlannedExercise:
    def field(key: str) -> Any:
        return get(data, key, where)

    pattern = field("pattern")
    dose = choice(optional(data, "dose", "reps"), f"{where}.dose", Dose)
    top = MAX_DOSE[dose]
    reps_min = whole(field("reps_min"), f"{where}.reps_min", 1, top)
    reps_max = whole(field("reps_max"), f"{where}.reps_max", reps_min, top)
    rir_min = maybe(optional(data, "rir_min", None), int, f"{where}.rir_min")
    rir_max = maybe(optional(data, "rir_max", None), int, f"{where}.rir_max")
    load_type = optional(data, "load_type", None)
    kind = None if load_type is None else choice(load_type, f"{where}.load_type", LoadKind)
    sets_logged = typed(field("sets_logged"), list, f"{where}.sets_logged")
    return PlannedExercise(
        position=whole(field("position"), f"{where}.position", 1, 100),
        id=exercise_id(field("id"), f"{where}.id"),
        name=typed(field("name"), str, f"{where}.name"),
        group=choice(field("group"), f"{where}.group", Group),
        mechanic=choice(field("mechanic"), f"{where}.mechanic", Mechanic),
        pattern=None if pattern is None else choice(pattern, f"{where}.pattern", Pattern),
        prescription=Prescription(
            sets=whole(field("sets"), f"{where}.sets", 1, 20),
            reps_min=reps_min,
            reps_max=reps_max,
            rest_seconds=whole(field("rest_seconds"), f"{where}.rest_seconds", 0, 3600),
            dose=dose,
            sides=choice(optional(data, "sides", "both"), f"{where}.sides", Sides),
            rir_min=None if rir_min is None else whole(rir_min, f"{where}.rir_min", 0, 10),
            rir_max=None if rir_max is None else whole(rir_max, f"{where}.rir_max", 0, 10),
        ),
        load_kind=kind,
        reason=typed(field("reason"), str, f"{where}.reason"),
        focus=maybe(field("focus"), str, f"{where}.focus"),
        load=_suggested(field("load"), f"{where}.load", dose, kind),
        warmup=tuple(
            _warmup(item, f"{where}.warmup[{n}]")
            for n, item in enumerate(typed(optional(data, "warmup", []), list, f"{where}.warmup"))
        ),
        sets_logged=tuple(
            _set(item, f"{where}.sets_logged[{n}]") for n, item in enumerate(sets_logged)
        ),
        secondary=tuple(
            choice(g, f"{where}.secondary[{n}]", Group)
            for n, g in enumerate(
                typed(optional(data, "secondary", []), list, f"{where}.secondary")
            )
        ),
        note=note_text(optional(data, "note", None), f"{where}.note"),
        superset=maybe(optional(data, "superset", None), str, f"{where}.superset"),
    )


def workout_from(data: Any, where: str) -> Workout:
    def field(key: str) -> Any:
        return get(data, key, where)

    equipment = maybe(field("equipment"), list, f"{where}.equipment")
    seed = maybe(field("seed"), int, f"{where}.seed")
    if seed is not None and not 0 <= seed <= MAX_ID:
        raise Invalid(f"{where}.seed", f"must be from 0 to {MAX_ID}")
    ident = maybe(optional(data, "id", None), int, f"{where}.id")
    if ident is not None and not 1 <= ident <= MAX_ID:
        raise Invalid(f"{where}.id", f"must be from 1 to {MAX_ID}")
    link = optional(data, "program", None)
    w = f"{where}.program"
    exercises = typed(field("exercises"), list, f"{where}.exercises")
    other = typed(optional(data, "other", []), list, f"{where}.other")
    if not exercises and not other:
        raise Invalid(f"{where}.exercises", "is empty; a workout has at least one exercise")
    planned = tuple(_exercise(e, f"{where}.exercises[{n}]") for n, e in enumerate(exercises))
    duration = optional(data, "duration_seconds", None)
    back = optional(data, "back", None)
    source = optional(data, "source", None)
    if [e.position for e in planned] != list(range(1, len(planned) + 1)):
        raise Invalid(f"{where}.exercises", "positions must run 1, 2, 3, ... in order")
    if len({e.id for e in planned}) != len(planned):
        raise Invalid(f"{where}.exercises", "an exercise appears twice")
    return Workout(
        created=created(field("created"), f"{where}.created"),
        goal=choice(field("goal"), f"{where}.goal", Goal),
        level=choice(field("level"), f"{where}.level", Level),
        groups=tuple(
            choice(g, f"{where}.groups[{n}]", Group)
            for n, g in enumerate(typed(field("groups"), list, f"{where}.groups"))
        ),
        exercises=planned,
        notes=tuple(
            typed(note, str, f"{where}.notes[{n}]")
            for n, note in enumerate(typed(field("notes"), list, f"{where}.notes"))
        ),
        seed=seed,
        equipment=None
        if equipment is None
        else frozenset(typed(item, str, f"{where}.equipment") for item in equipment),
        id=ident,
        program_id=None if link is None else whole(get(link, "id", w), f"{w}.id", 1, MAX_ID),
        program_day=None if link is None else whole(get(link, "session", w), f"{w}.session", 1, 60),
        note=note_text(optional(data, "note", None), f"{where}.note"),
        duration=None
        if duration is None
        else whole(duration, f"{where}.duration_seconds", 0, MAX_DURATION),
        source=None if source is None else one_of(source, f"{where}.source", APPS),
        other=tuple(_other(e, f"{where}.other[{n}]") for n, e in enumerate(other)),
        back=None if back is None else whole(back, f"{where}.back", 0, 10),
    )
