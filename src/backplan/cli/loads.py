"""The suggested load of each planned exercise, from the history: its own log, else a
first load from a relative you have logged (the same family, else the same pattern
and equipment), else "start light"; fitted to your plates."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from backplan.catalogue import Catalogue

if TYPE_CHECKING:
    from backplan.catalogue.model import Exercise
    from backplan.config import Config
    from backplan.store.history import Store
    from backplan.training.external import Target
    from backplan.training.loads import Load


def loads_for(
    store: Store,
    wanted: Iterable[tuple[str, Target | None]],
    known: Catalogue,
    settings: Config,
    *,
    hold: bool = False,
) -> dict[str, Load | None]:
    """Each exercise's suggested load, from its own log, for the range it is to do next
    (None: the range it was last logged at); `hold` (a deload) keeps the last load."""
    from backplan.catalogue.model import LoadKind
    from backplan.training import plates, progression

    found = {}
    for ident, target in wanted:
        exercise = known.find(ident)
        sessions = store.sessions(ident, progression.SESSIONS_READ)
        load = progression.suggest(sessions, exercise, settings.unit, target, settings.step,
                                   hold=hold)  # fmt: skip
        if (
            not sessions
            and exercise is not None
            and exercise.load_kind is LoadKind.EXTERNAL
            and exercise.dose.value == "reps"
        ):
            load = _first_load(store, exercise, known, settings, target)
        found[ident] = plates.fit(load, exercise.equipment if exercise else (), settings.rack)
    return found


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
    from backplan.training import external, progression
    from backplan.training.loads import empty_bar, increment

    related = [
        ("family" if e.family_name == exercise.family_name else "pattern and equipment", e)
        for e in known.exercises
        if e.id != exercise.id and e.dose is Dose.REPS and e.load_kind is LoadKind.EXTERNAL
        and (e.family_name == exercise.family_name
             or (e.pattern is not None and e.pattern is exercise.pattern
                 and set(e.equipment) == set(exercise.equipment)))
    ]  # fmt: skip
    related.sort(key=lambda pair: pair[0] != "family")
    relative = None
    for kin, e in related:
        sessions = store.sessions(e.id, progression.SESSIONS_READ)
        if sessions:
            relative = (e.name, kin, sessions)
            break
    unit = settings.unit
    step = increment(exercise.equipment, unit, settings.step)
    floor = empty_bar(exercise.equipment, unit)
    return external.first_load(relative, unit, step, floor, target)
