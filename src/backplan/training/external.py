"""Loads that follow your strength (progression v3): an external load from the training
max, for the range's target at the prescribed effort.

The next load for a range is the heaviest loadable weight that leaves its target (the
middle of the range, rounded up) at the prescribed effort by the training max, never
more than one step above the last load at that range; so an undulating block shares
one training max, and a strength day that goes up moves the hypertrophy day too. Two
sessions in a row that beat the target (more reps, or more in reserve, on the last
set: NSCA's 2-for-2) add a step. One session short of the range repeats the load; a
second one in a row at that load lowers it to what the training max gives, never by
more than 10 %. Where one increment is over 10 % of the load, reps come first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from backplan.catalogue.model import Goal
from backplan.training import strength
from backplan.training.loads import Load, Session, empty_bar, number, round_to, round_up_to
from backplan.training.model import Prescription

if TYPE_CHECKING:
    from backplan.catalogue.model import Exercise

MOST = 0.10  # never a bigger jump, up or down, than this share of the load


@dataclass(frozen=True)
class Target:
    """What the next session asks of the exercise."""

    reps_min: int
    reps_max: int
    goal: Goal | None = None
    rir_max: int | None = None

    @classmethod
    def of(cls, prescription: Prescription, goal: Goal) -> Target:
        return cls(prescription.reps_min, prescription.reps_max, goal, prescription.rir_max)


def suggest(
    recent: Sequence[Session],
    same: Sequence[Session],
    unit: str,
    step: float,
    exercise: Exercise | None,
    target: Target | None,
    body: float = 0.0,
) -> Load:
    """An external load from the training max (progression v3): the heaviest loadable
    weight that leaves the range's target at the prescribed effort, never more than one
    step above the last load at that range, and never lower for one short session.

    With `body` (today's bodyweight, for a belt: sessions as loads moved), the weights
    are loads moved, loadable as `body` + a whole number of steps, and the last load is
    the last belt on today's bodyweight."""
    last = same[0]
    at_range = target is None or (last.reps_min, last.reps_max) == (
        target.reps_min,
        target.reps_max,
    )
    low, high = (target.reps_min, target.reps_max) if target else (last.reps_min, last.reps_max)
    reps = (low + high + 1) // 2
    rir_max = target.rir_max if target is not None else None
    rir = float(rir_max if rir_max is not None else last.rir or 0)
    tm = strength.training_max(recent, unit, step)
    assert tm is not None  # the latest session is loaded
    floor = max(empty_bar(exercise.equipment if exercise else (), unit), body)
    ideal = max(floor, strength.load_for(tm.e1rm, reps, rir, step, above=body))

    def say(weight: float) -> str:
        if not body:
            return f"{number(weight)} {unit}"
        belt = round(weight - body, 2)
        return f"{number(belt)} {unit} on the belt" if belt > 0 else "bodyweight alone"

    aim = f"{reps} reps at {number(rir)} RIR"
    why = f"{tm.text(unit)} → {aim}"
    if not at_range:  # a range not done lately: carried through the training max
        before = _load(recent[0], unit, body)
        change = "up" if ideal > before else "down" if ideal < before else "same"
        return Load(ideal, unit, change, f"{why}: {say(ideal)}")
    last_load = _load(last, unit, body)
    if any(s.unit != unit for s in last.sets if s.weight):
        last_load = body + round_to(last_load - body, step)  # 135 lb is 61.23 kg: nobody loads that
    if step > last_load * MOST:  # one increment too big a jump: reps first, then the load
        return _reps_first(same, unit, step, last_load, low, high)
    beat = len(same) >= 2 and all(_beat(s, reps, rir) for s in same[:2])
    weight = min(max(ideal, last_load + step if beat else ideal), last_load + step)
    if strength.short(last):  # a bad day is never a reason to go up
        weight = min(weight, last_load)
    if weight < last_load:
        twice_short = len(same) >= 2 and all(strength.short(s) for s in same[:2])
        if not twice_short or abs(_load(same[1], unit, body) - last_load) > step / 2:
            return Load(last_load, unit, "same", f"{why}: {say(last_load)} again")
        lower = body + round_up_to(last_load * (1 - MOST) - body, step)
        weight = max(weight, lower, floor)
        return Load(weight, unit, "down", f"{why}; two sessions short: {say(weight)}")
    change = "up" if weight > last_load else "same"
    reason = f"{why}: {say(weight)}"
    if beat and weight > ideal:
        reason = f"{why}; beat the target twice: +{number(step)} {unit}"
    return Load(weight, unit, change, reason)


def _load(session: Session, unit: str, body: float = 0.0) -> float:
    """The session's heaviest load; for loads moved, its added load on today's `body`."""
    return max(s.weight_in(unit) for s in session.sets) - session.body + body


def _beat(session: Session, reps: int, rir: float) -> bool:
    """The last set did more than asked: more reps, or more left in reserve."""
    last = session.sets[-1]
    return last.reps > reps or (last.rir is not None and last.rir > rir)


def _reps_first(
    same: Sequence[Session], unit: str, step: float, load: float, low: int, high: int
) -> Load:
    """Where one increment is over 10 % of the load: the rep target climbs a rep a set to
    the top of the range, then the load; two short sessions drop the target, not the load."""
    last = same[0]
    if all(strength.short(s) for s in same[:2]) and len(same) >= 2:
        return Load(load, unit, "down", f"two sessions short: {low} reps first",
                    reps=low)  # fmt: skip
    if all(s.reps >= last.reps_max for s in last.sets):
        return Load(load + step, unit, "up",
                    f"every set hit {last.reps_max}: +{number(step)} {unit}")  # fmt: skip
    best = max(s.reps for s in last.sets)
    reps = min(best + 1, high)
    return Load(load, unit, "same",
                f"one {number(step)} {unit} step is over 10 %: reps first, {reps} a set",
                reps=reps)  # fmt: skip


# A first load from a related lift's training max, as a share of it: conservative, so a
# new lift starts a little light and the training max takes over after one session.
RELATIVE_SHARE = {"family": 0.9, "pattern and equipment": 0.8}
START_LIGHT = "start light: a weight for 10 reps at 3 RIR"


def first_load(
    relative: tuple[str, str, Sequence[Session]] | None,
    unit: str,
    step: float,
    floor: float,
    target: Target | None,
) -> Load:
    """A loaded lift never done: from a relative (its name, how it is related, its
    sessions) by the share in RELATIVE_SHARE, at the target's reps and effort; with no
    relative, start light."""
    tm = strength.training_max(relative[2], unit, step) if relative else None
    if relative is None or tm is None:
        return Load(None, unit, "same", START_LIGHT)
    name, kin, sessions = relative
    if target is None:  # no session planned yet: the relative's own last range
        last = sessions[0]
        target = Target(last.reps_min, last.reps_max, rir_max=last.rir)
    share = RELATIVE_SHARE[kin]
    reps = (target.reps_min + target.reps_max + 1) // 2
    rir = float(target.rir_max or 0)
    weight = max(floor, strength.load_for(tm.e1rm * share, reps, rir, step))
    return Load(
        weight,
        unit,
        "same",
        f"first time: {number(share * 100)} % of your {name}'s {tm.text(unit)} → "
        f"{reps} reps at {number(rir)} RIR: {number(weight)} {unit}",
    )
