"""What to lift next time, from an exercise's own log, by how it gets harder.

External loads follow the training max (`external`, progression v3). The rest by
double progression: bodyweight moves by reps, then the harder variant (or, for
strength, a belt and the smallest plate); assisted moves by less help; bands by
reps, then a stronger band; holds and carries by 5 s or 5 m, and a loaded carry by
its load once every set reaches the top of the range. When most sets of the last
session fell short of the range, a bodyweight move goes to its easier variant. A
deload holds the last load.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING

from backplan.catalogue.model import Dose, Exercise, Goal, LoadKind
from backplan.training import belt, external
from backplan.training.external import Target
from backplan.training.loads import (
    Load,
    Session,
    increment,
    number,
    round_to,
)
from backplan.training.moved import moved_sessions

if TYPE_CHECKING:
    from backplan.training.bodyweight import Bodyweights

EXTRA_REPS = 2  # past the top of the range, before a too-big increment
TIMED_STEP = 5  # seconds or metres
SESSIONS_READ = 9  # recent sessions read: the training max walks them, a stall takes three
_SYMBOL = {Dose.SECONDS: "s", Dose.METRES: "m"}


def _topped(session: Session) -> bool:
    return bool(session.sets) and all(s.reps >= session.reps_max for s in session.sets)


def _short(session: Session) -> bool:
    return sum(s.reps < session.reps_min for s in session.sets) * 2 > len(session.sets)


def suggest(
    sessions: Sequence[Session],
    exercise: Exercise | None,
    unit: str,
    target: Target | None = None,
    steps: Mapping[str, float] | None = None,
    *,
    hold: bool = False,
    body: Bodyweights | None = None,
    today: date | None = None,
) -> Load | None:
    """The next load from an exercise's logged sessions, newest first; None if never
    logged. `exercise` is None when the catalogue no longer has it (then it is treated
    as a loaded lift); `target` is the next session's range (default: the last one's).
    With `hold` (a deload week) the load never goes up. With `body` (your weigh-ins), a
    belt on a move that lifts your body follows the training max of the load moved."""
    bodyweight = body.on(today, unit) if body and today and exercise else None
    if sessions and sessions[0].sets and bodyweight and exercise and _belted(exercise):
        assert body is not None
        assert today is not None
        moved = moved_sessions(sessions, exercise, body, unit, today)
        belted = belt.suggest(moved, exercise, bodyweight, unit, target, steps or {})
        if belted is not None:
            return held(belted, sessions[0], unit) if hold else belted
    recent = list(sessions)  # every range: one training max serves them all
    if target is not None:
        same = [
            s for s in sessions if (s.reps_min, s.reps_max) == (target.reps_min, target.reps_max)
        ]
        if same:
            sessions = same
    if not sessions or not sessions[0].sets:
        return None
    kind = exercise.load_kind if exercise else LoadKind.EXTERNAL
    dose = exercise.dose if exercise else Dose.REPS
    working = max(s.weight_in(unit) for s in recent[0].sets)
    if kind is LoadKind.EXTERNAL and dose is Dose.REPS:
        if not working:
            return None  # logged without a load: nothing to follow yet
        step = increment(exercise.equipment if exercise else (), unit, steps or {})
        load = external.suggest(recent, sessions, unit, step, exercise, target)
    else:
        load = _suggest(sessions, exercise, unit, target, steps)
    return held(load, sessions[0], unit) if hold else load


def _belted(exercise: Exercise) -> bool:
    """A belt loads it: the catalogue says `belt: true`, or the belt is its equipment."""
    return exercise.belt or (
        exercise.load_kind is LoadKind.EXTERNAL and "belt" in exercise.equipment
    )


DELOAD_HOLD = "deload week: last time's load, half the sets"


def held(load: Load, last: Session, unit: str, why: str = DELOAD_HOLD) -> Load:
    """A load that must not go up (a deload week, a sore back): last time's, `why`."""
    if load.change != "up":
        return load
    working = max(s.weight_in(unit) for s in last.sets)
    return Load(working or None, unit, "same", why)


def _suggest(
    sessions: Sequence[Session],
    exercise: Exercise | None,
    unit: str,
    target: Target | None,
    steps: Mapping[str, float] | None,
) -> Load:
    last = sessions[0]
    target = target or Target(last.reps_min, last.reps_max)
    kind = exercise.load_kind if exercise else LoadKind.EXTERNAL
    dose = exercise.dose if exercise else Dose.REPS
    working = max(s.weight_in(unit) for s in last.sets)
    twice = len(sessions) >= 2 and _topped(sessions[0]) and _topped(sessions[1])
    if dose is not Dose.REPS and working and kind is LoadKind.EXTERNAL:
        step = increment(exercise.equipment if exercise else (), unit, steps or {})
        return _loaded_timed(last, dose, unit, working, step)
    if dose is not Dose.REPS:
        return _timed(last, twice, dose, unit, working)
    if kind is LoadKind.BAND:
        return _band(last, twice, unit)
    belt_step = increment(("belt",), unit, steps or {})
    if kind is LoadKind.BODYWEIGHT and (last.reps_min, last.reps_max) != (
        target.reps_min,
        target.reps_max,
    ):
        return _carried(last, unit, target)
    if kind is LoadKind.BODYWEIGHT and working and exercise and exercise.belt:
        return _belt_by_reps(last, twice, unit, round_to(working, belt_step), belt_step)
    if kind is LoadKind.BODYWEIGHT:  # a bar you lie under, or a plate held, is not its load
        return _bodyweight(last, twice, unit, exercise, target, belt_step)
    step = increment(exercise.equipment if exercise else (), unit, steps or {})
    if any(s.unit != unit and s.weight for s in last.sets):
        working = round_to(working, step)  # 135 lb is 61.23 kg: nobody loads that
    return _assisted(last, twice, unit, working, step)


WEIGH = "backplan weigh KG lets the belt follow your strength"


def _carried(last: Session, unit: str, target: Target) -> Load:
    """A bodyweight move at a range not done lately: the reps the last session's best set
    leaves at the new effort (its load, your body, is the same), within the range."""
    best = max(last.sets, key=lambda s: s.reps + (s.rir if s.rir is not None else last.rir or 0))
    left = best.rir if best.rir is not None else float(last.rir or 0)
    rir = float(target.rir_max if target.rir_max is not None else left)
    reps = max(target.reps_min, min(target.reps_max, round(best.reps + left - rir)))
    return Load(
        None,
        unit,
        "same",
        f"{best.reps} reps at {number(left)} RIR on a {last.reps_min}–{last.reps_max} day "
        f"→ {reps} at {number(rir)} RIR",
        reps=reps,
    )


def _belt_by_reps(last: Session, twice: bool, unit: str, belt: float, step: float) -> Load:
    """A belt with no bodyweight known: the reps climb, then the belt by a step."""
    if twice:
        return Load(belt + step, unit, "up", f"every set hit {last.reps_max}, twice: "
                    f"+{number(step)} {unit} on the belt ({WEIGH})", added=True)  # fmt: skip
    if _short(last):
        lighter = max(0.0, belt - step)
        return Load(lighter or None, unit, "down", f"most sets under {last.reps_min} reps: "
                    f"{number(lighter)} {unit} on the belt", added=bool(lighter))  # fmt: skip
    best = max(s.reps for s in last.sets)
    return Load(belt, unit, "same", f"same belt until every set hits {last.reps_max}",
                reps=min(best + 1, last.reps_max), added=True)  # fmt: skip


def _bodyweight(
    last: Session,
    twice: bool,
    unit: str,
    exercise: Exercise | None,
    target: Target,
    belt_step: float,
) -> Load:
    """Reps, then the harder variant; a belt only where the catalogue says one fits."""
    best = max(s.reps for s in last.sets)
    if twice:
        if target.goal is Goal.STRENGTH and exercise and exercise.belt:
            return Load(
                belt_step,
                unit,
                "up",
                f"every set hit {last.reps_max}, twice: add a belt with "
                f"{number(belt_step)} {unit} ({WEIGH})",
                added=True,
            )
        if exercise and exercise.harder:
            return Load(
                None,
                unit,
                "up",
                f"every set hit {last.reps_max}, twice: time for {exercise.harder}",
                variant=exercise.harder,
            )
        if exercise and exercise.range:  # its own range is its ceiling: harder, not longer
            why = f"every set hit {last.reps_max}, twice: hold each rep 2 s at the top"
            return Load(None, unit, "up", why, reps=last.reps_max)
        reps = last.reps_max + EXTRA_REPS
        return Load(
            None,
            unit,
            "up",
            f"every set hit {last.reps_max}, twice: aim for {reps}",
            reps=reps,
        )
    if _short(last):
        if exercise and exercise.easier:
            return Load(
                None,
                unit,
                "down",
                f"most sets under {last.reps_min} reps: build up with {exercise.easier}",
                variant=exercise.easier,
            )
        return Load(
            None,
            unit,
            "down",
            f"most sets under {last.reps_min} reps: aim for {last.reps_min} with good form",
            reps=last.reps_min,
        )
    reps = min(best + 1, last.reps_max)
    return Load(
        None, unit, "same", f"add a rep a set until every set hits {last.reps_max}", reps=reps
    )


def _assisted(last: Session, twice: bool, unit: str, working: float, step: float) -> Load:
    if twice and working:
        less = max(0.0, working - max(step, round_to(working * 0.1, step)))
        return Load(
            less,
            unit,
            "up",
            f"every set hit {last.reps_max}, twice: less help, {number(less)} {unit} of assistance",
        )
    if _short(last):
        more = working + max(step, round_to(working * 0.1, step))
        return Load(
            more,
            unit,
            "down",
            f"most sets under {last.reps_min} reps: more help, {number(more)} {unit} of assistance",
        )
    return Load(working, unit, "same", f"same help until every set hits {last.reps_max}")


def _band(last: Session, twice: bool, unit: str) -> Load:
    if twice:
        return Load(None, unit, "up", f"every set hit {last.reps_max}, twice: a stronger band")
    if _short(last):
        return Load(None, unit, "down", f"most sets under {last.reps_min} reps: a lighter band")
    best = max(s.reps for s in last.sets)
    return Load(
        None,
        unit,
        "same",
        f"same band until every set hits {last.reps_max}",
        reps=min(best + 1, last.reps_max),
    )


def _loaded_timed(last: Session, dose: Dose, unit: str, working: float, step: float) -> Load:
    """A carry or a hold with a load: the distance (or time) first, then the load, once
    every set reached the top of the range."""
    top = last.reps_max
    if _topped(last):
        return Load(
            round_to(working + step, step),
            unit,
            "up",
            f"every set reached {top} {_SYMBOL[dose]} with {number(working)} {unit}: "
            f"+{number(step)} {unit}",
            reps=top,
            dose=dose,
        )
    return _toward_top(last, dose, unit, working, f"{number(working)} {unit} ")


def _timed(last: Session, twice: bool, dose: Dose, unit: str, working: float) -> Load:
    symbol = _SYMBOL[dose]
    weight = working or None
    if twice:
        more = last.reps_max + TIMED_STEP
        return Load(
            weight,
            unit,
            "up",
            f"every set reached {last.reps_max} {symbol}, twice: +{TIMED_STEP} {symbol}",
            reps=more,
            dose=dose,
        )
    return _toward_top(last, dose, unit, weight, "")


def _toward_top(
    last: Session, dose: Dose, unit: str, weight: float | None, load_words: str
) -> Load:
    """A hold or a carry short of the top of its range: 5 s or 5 m more a set, to the top."""
    best = max(s.reps for s in last.sets)
    return Load(
        weight,
        unit,
        "same",
        f"{load_words}until every set reaches {last.reps_max} {_SYMBOL[dose]}",
        reps=min(best + TIMED_STEP, last.reps_max),
        dose=dose,
    )
