"""The suggested load of each planned exercise, from the history: its own log, else a
first load from a relative you have logged (the same family, else the same pattern
and equipment), else "start light"; fitted to your plates. And the sets a record must
beat, by the load moved."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from backplan.catalogue import Catalogue

BACK_HOLD = "your back: last time's load less 10 %, no more"

if TYPE_CHECKING:
    from backplan.catalogue.model import Exercise
    from backplan.config import Config
    from backplan.store.history import Store
    from backplan.training.bodyweight import Bodyweights
    from backplan.training.external import Target
    from backplan.training.loads import Load, SetDone
    from backplan.training.model import Workout
    from backplan.training.program import Program
    from backplan.training.progress import Point


def loads_for(
    store: Store,
    wanted: Iterable[tuple[str, Target | None]],
    known: Catalogue,
    settings: Config,
    *,
    hold: bool = False,
    keep: frozenset[str] = frozenset(),
) -> dict[str, Load | None]:
    """Each exercise's suggested load, from its own log, for the range it is to do next
    (None: the range it was last logged at); `hold` (a deload) keeps the last load, and
    so does `keep` for those exercises (a sore back's hinges)."""
    from backplan import clock
    from backplan.catalogue.model import LoadKind
    from backplan.training import plates, progression

    body = store.body()
    today = clock.now().date()
    found = {}
    for ident, target in wanted:
        exercise = known.find(ident)
        sessions = store.sessions(ident, progression.SESSIONS_READ)
        load = progression.suggest(sessions, exercise, settings.unit, target, settings.step,
                                   hold=hold, body=body, today=today)  # fmt: skip
        if (
            not sessions
            and exercise is not None
            and exercise.load_kind is LoadKind.EXTERNAL
            and exercise.dose.value == "reps"
        ):
            load = _first_load(store, exercise, known, settings, target)
        if ident in keep and load is not None and sessions:
            load = _lighter(progression.held(load, sessions[0], settings.unit, BACK_HOLD),
                            exercise, settings)  # fmt: skip
        found[ident] = plates.fit(load, exercise.equipment if exercise else (), settings.rack)
    return found


def _lighter(load: Load, exercise: Exercise | None, settings: Config) -> Load:
    """A sore back's hinge: the held load less 10 %, down to the increment."""
    import math
    from dataclasses import replace

    from backplan.training.back import LIGHTER
    from backplan.training.loads import empty_bar, increment

    if load.weight is None or load.added:
        return load
    gear = exercise.equipment if exercise else ()
    step = increment(gear, load.unit, settings.step)
    lighter = max(step, empty_bar(gear, load.unit), math.floor(load.weight * LIGHTER / step) * step)
    return replace(load, weight=min(load.weight, lighter), change="down", reason=BACK_HOLD)


def _first_load(
    store: Store,
    exercise: Exercise,
    known: Catalogue,
    settings: Config,
    target: Target | None,
) -> Load:
    """A loaded lift never done: from the closest relative you have logged (the same
    family, else the same pattern and equipment), else 'start light'."""
    from backplan.catalogue.model import Dose, LoadKind
    from backplan.training import progression, relatives
    from backplan.training.loads import empty_bar, increment

    related = [
        ("family" if e.family_name == exercise.family_name else "pattern and equipment", e)
        for e in known.exercises
        if e.id != exercise.id and e.dose is Dose.REPS and e.load_kind is LoadKind.EXTERNAL
        and (e.family_name == exercise.family_name
             or (e.pattern is not None and e.pattern is exercise.pattern
                 and set(e.equipment) == set(exercise.equipment)))
        and relatives.ratio(e, exercise) is not None
    ]  # fmt: skip
    related.sort(key=lambda pair: pair[0] != "family")
    relative = None
    for kin, e in related:
        sessions = store.sessions(e.id, progression.SESSIONS_READ)
        if sessions:
            relative = (e, kin, sessions)
            break
    unit = settings.unit
    step = increment(exercise.equipment, unit, settings.step)
    floor = empty_bar(exercise.equipment, unit)
    return relatives.first_load(relative, exercise, unit, step, floor, target)


def records_before(
    store: Store, workout: Workout, known: Catalogue, unit: str, body: Bodyweights | None
) -> dict[str, list[SetDone]]:
    """Each exercise's loaded sets from other workouts, as loads moved where it lifts your
    body (each by the bodyweight of its day): what a record must beat."""
    from backplan.training.moved import moved_sets

    found: dict[str, list[SetDone]] = {}
    for e in workout.exercises:
        exercise = known.find(e.id)
        found[e.id] = [
            s
            for logged in store.logged_sessions(e.id)
            if logged.workout_id != workout.id
            for s in moved_sets(logged.sets, exercise, body, logged.when.date(), unit)
            if s.weight
        ]
    return found


def progress_of(
    store: Store, exercise: Exercise, known: Catalogue, unit: str
) -> tuple[list[Point], dict[str, str] | None]:
    """The exercise's progress; once you have weighed in, a move that lifts your body is
    read by the load moved, and its family that lifts your body is one curve (sessions
    with no load moved, a band's help not logged, left out). The names: the family's
    exercises, when read by the load moved."""
    from dataclasses import replace

    from backplan.training.moved import moved_sets
    from backplan.training.progress import points

    body = store.body()
    if body is None or not exercise.lifts_body:
        return points(store.logged_sessions(exercise.id), unit), None
    family = [e for e in known.exercises
              if e.family_name == exercise.family_name and e.lifts_body]  # fmt: skip
    sessions = []
    for e in family:
        for logged in store.logged_sessions(e.id):
            moved = moved_sets(logged.sets, e, body, logged.when.date(), unit)
            if any(s.weight for s in moved):
                sessions.append(replace(logged, sets=moved))
    return points(sessions, unit), {e.id: e.name for e in family}


def stalls_in(
    store: Store, block: Program, known: Catalogue, workouts: Sequence[Workout], unit: str
) -> dict[str, int]:
    """How often each main lift stalled in the block (its sessions since the block's
    first workout, read as the training max reads them)."""
    from backplan import config
    from backplan.training.loads import increment
    from backplan.training.strength import walk

    if not workouts:
        return {}
    since = min(w.created for w in workouts).date()
    steps = config.load().step
    found = {}
    for lift in dict.fromkeys(m.id for m in block.main_lifts):
        exercise = known.find(lift)
        sessions = [s for s in store.sessions(lift, 1000) if s.day is None or s.day >= since]
        step = increment(exercise.equipment if exercise else (), unit, steps)
        read = walk(sessions, unit, step)
        found[lift] = read.stalls if read else 0
    return found


def stalled_now(store: Store, lifts: Iterable[str], known: Catalogue, settings: Config) -> bool:
    """Whether a main lift's last session made a stall (a beginner deloads after one)."""
    from backplan.training import progression
    from backplan.training.loads import increment
    from backplan.training.strength import walk

    for lift in lifts:
        exercise = known.find(lift)
        step = increment(exercise.equipment if exercise else (), settings.unit, settings.step)
        read = walk(store.sessions(lift, progression.SESSIONS_READ), settings.unit, step)
        if read is not None and read.stalled:
            return True
    return False


def loading_sets(store: Store, block: Program, held: Iterable[str]) -> dict[str, int | None]:
    """Each main lift's sets in its last session of the block outside a deload (None:
    none yet), what a deload halves."""
    progress = store.progress(block)
    found: dict[str, int | None] = dict.fromkeys(held)
    for number, workout_id in sorted(progress.done.items(), reverse=True):
        if block.sessions[number - 1].deload:
            continue
        for e in store.get(workout_id).exercises:
            if e.id in found and found[e.id] is None:
                found[e.id] = e.prescription.sets
    return found
