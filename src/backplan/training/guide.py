"""The guided session, as data: which set comes next, what Enter logs, and the summary.

Where a session stands is read from the history every time (the sets logged and the
exercises skipped), so a session stopped any way at all resumes at the next set.
Warm-up sets are walked through but not logged: progression reads work sets only.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from backplan.catalogue.model import Dose, Group, LoadKind
from backplan.training.loads import SetDone, convert
from backplan.training.model import TRANSITION_SECONDS, PlannedExercise, Prescription, Workout
from backplan.training.strength import e1rm


@dataclass(frozen=True)
class Step:
    """One set to do: a warm-up set or a work set of an exercise."""

    exercise: PlannedExercise
    place: int  # the exercise's place in the workout, from 1
    number: int  # the set's number, from 1
    of: int  # how many of its kind (warm-up sets, or work sets)
    warmup: bool = False
    target: SetDone | None = None  # what Enter logs; None when no load is known yet
    why: str | None = None  # why the load moved from the set before, when it did

    @property
    def label(self) -> str:
        kind = "Warm-up set" if self.warmup else "Set"
        return f"{kind} {self.number} of {self.of}"


def unfinished(workout: Workout) -> list[PlannedExercise]:
    """The exercises not skipped that still have sets to do."""
    return [
        e for e in workout.exercises if not e.skipped and len(e.sets_logged) < e.prescription.sets
    ]


@dataclass(frozen=True)
class Loading:
    """How an exercise's load can move between sets: its increment, and whether it is a
    hinge (which never goes up within a session)."""

    step: float
    hinge: bool = False


def next_step(
    workout: Workout,
    warmed: Mapping[str, int],
    unit: str,
    loading: Mapping[str, Loading] | None = None,
) -> Step | None:
    """The next set, or None when the session is done. `warmed` counts the warm-up sets
    done of each exercise in this run (they are not in the history); `loading` lets a
    set logged far from its effort move the next set's load."""
    todo = {e.id for e in unfinished(workout)}
    for e in workout.exercises:
        if e.id not in todo:
            continue
        e = _turn(workout, e, todo)
        place = workout.exercises.index(e) + 1
        done = len(e.sets_logged)
        if not done and warmed.get(e.id, 0) < len(e.warmup):
            number = warmed.get(e.id, 0) + 1
            return Step(e, place, number, len(e.warmup), True, e.warmup[number - 1])
        target, why = autoregulated(e, as_prescribed(e, unit), (loading or {}).get(e.id))
        return Step(e, place, done + 1, e.prescription.sets, False, target, why)
    return None


WARM_UP_REST = 45  # seconds after a warm-up set: enough to load the bar, not to cool down


def _turn(workout: Workout, e: PlannedExercise, todo: set[str]) -> PlannedExercise:
    """Whose turn it is in the superset of `e`: the member with the fewest sets logged
    (the first on a tie), so a pair alternates and a member done is passed."""
    if e.superset is None:
        return e
    members = [m for m in workout.exercises if m.superset == e.superset and m.id in todo]
    return min(members, key=lambda m: (len(m.sets_logged), m.position))


def partner_next(workout: Workout, e: PlannedExercise, done: int) -> PlannedExercise | None:
    """Once `done` sets of `e` are logged: the other member of its superset whose set
    comes straight after, within the round (after the transition), or None."""
    behind = [
        m for m in workout.exercises
        if e.superset and m.superset == e.superset and m.id != e.id and not m.skipped
        and len(m.sets_logged) < min(m.prescription.sets, done)
    ]  # fmt: skip
    return behind[0] if behind else None


def rest_after(workout: Workout, exercise_id: str) -> int:
    """The rest after a set of the exercise (the workout as it now stands): a transition
    to its superset's partner when that one's set comes next, else the full rest, the
    longest of the pair's after a round."""
    e = workout.exercise(exercise_id)
    assert e is not None
    if e.superset is None:
        return e.prescription.rest_seconds
    if partner_next(workout, e, len(e.sets_logged)) is not None:
        return TRANSITION_SECONDS
    return max(m.prescription.rest_seconds for m in workout.exercises if m.superset == e.superset)


OFF_BY = 2  # reps in reserve away from the target that move the next set (Helms 2016)


def autoregulated(
    e: PlannedExercise, target: SetDone | None, loading: Loading | None
) -> tuple[SetDone | None, str | None]:
    """The next set's load one step up when the set before was logged 2 or more reps
    easier than the effort asked, one step down when 2 or more harder (Helms et al.
    2016, Strength Cond J 38(4)); a hinge never goes up within a session."""
    p = e.prescription
    if target is None or loading is None or not e.sets_logged or p.rir_max is None:
        return target, None
    last = e.sets_logged[-1]
    if last.rir is None or not last.weight or last.dose is not Dose.REPS:
        return target, None
    aim = f"{p.rir_min}–{p.rir_max}" if p.rir_min != p.rir_max else f"{p.rir_max}"
    if last.rir >= p.rir_max + OFF_BY and not loading.hinge:
        weight, said = last.weight + loading.step, "easier"
    elif p.rir_min is not None and last.rir <= p.rir_min - OFF_BY and last.weight > loading.step:
        weight, said = last.weight - loading.step, "harder"
    else:
        return target, None
    why = (
        f"the last set was {last.rir:g} RIR, {said} than the {aim} asked: "
        f"{'+' if said == 'easier' else '−'}{loading.step:g} {last.unit} (Helms 2016)"
    )
    # The effort that moved the load is not carried to the new load: that set is asked
    # at the prescribed effort.
    return SetDone(target.reps, round(weight, 2), last.unit, target.dose), why


def as_prescribed(e: PlannedExercise, unit: str) -> SetDone | None:
    """The set Enter logs, which the screen shows: the set just done again (same reps,
    same load, same effort); on the first set the rep target (the suggested reps, else the middle of
    the range) at the suggested load; None for a loaded exercise whose load is not
    known yet."""
    if e.sets_logged:
        last = e.sets_logged[-1]
        first = _first_set(e, unit)
        if first is not None and short_hold(last.reps, first):
            return first  # a hold stopped by a slip is never the next target
        return SetDone(last.reps, last.weight, last.unit, last.dose, last.rir)
    return _first_set(e, unit)


SHORT_HOLD = 3  # a hold under a third of its target was stopped by a slip, or asks


def short_hold(held: int, target: SetDone) -> bool:
    """A hold stopped under a third of its target (1 s of 30): a slip of Enter, most
    likely; it is asked about before it is logged, and never becomes a target."""
    return target.dose is Dose.SECONDS and held * SHORT_HOLD < target.reps


def _first_set(e: PlannedExercise, unit: str) -> SetDone | None:
    """What the first set proposes: the rep target at the suggested load."""
    p, load = e.prescription, e.load
    reps = load.reps if load and load.reps and load.dose is p.dose else target_reps(p)
    if load and load.weight is not None:
        return SetDone(reps, convert(load.weight, load.unit, unit), unit, p.dose)
    if p.dose is not Dose.REPS or e.load_kind in (
        LoadKind.BODYWEIGHT, LoadKind.BAND, LoadKind.ASSISTED
    ):  # fmt: skip
        return SetDone(reps, None, unit, p.dose)
    return None


def target_reps(p: Prescription) -> int:
    """The middle of the range, rounded up: what a set at the prescribed effort aims at."""
    return (p.reps_min + p.reps_max + 1) // 2


@dataclass(frozen=True)
class Record:
    name: str
    best: float  # this session's best estimated 1RM
    before: float  # the best before it


@dataclass(frozen=True)
class Summary:
    sets: dict[Group, int] = field(default_factory=dict)
    volume: dict[Group, float] = field(default_factory=dict)
    skipped: tuple[str, ...] = ()
    records: tuple[Record, ...] = ()


def summary(
    workout: Workout,
    unit: str,
    earlier: Mapping[str, Sequence[SetDone]],
    moved: Mapping[str, Sequence[SetDone]] | None = None,
) -> Summary:
    """Sets and volume per group, what was skipped, and each estimated 1RM better than
    every one logged before (`earlier`: each exercise's sets from other workouts; `moved`:
    this workout's sets as loads moved, for the moves that lift your body)."""
    sets: dict[Group, int] = {}
    volume: dict[Group, float] = {}
    records = []
    for e in workout.exercises:
        if not e.sets_logged:
            continue
        done = (moved or {}).get(e.id, e.sets_logged)
        sets[e.group] = sets.get(e.group, 0) + len(done)
        volume[e.group] = volume.get(e.group, 0.0) + sum(
            s.reps * s.weight_in(unit) for s in done if s.dose is Dose.REPS
        )
        loaded = [s for s in done if s.weight and s.dose is Dose.REPS]
        before = [e1rm(s, unit) for s in earlier.get(e.id, ()) if s.weight]
        if loaded and before:
            best = max(e1rm(s, unit) for s in loaded)
            if best > max(before):
                records.append(Record(e.name, best, max(before)))
    skipped = tuple(e.name for e in workout.exercises if e.skipped and not e.sets_logged)
    return Summary(sets, volume, skipped, tuple(records))
