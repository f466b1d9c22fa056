"""Loads that follow your strength (progression v4): an external load from the training
max, for the range's target at the prescribed effort.

The next load for a range is the heaviest loadable weight that leaves its target (the
middle of the range, rounded up) at the prescribed effort by the training max, and the
reason shows that sum. It never rises more than 10 % in a session (ACSM 2009: 2-10 %
once the target is beaten), and the reason says when that cap holds it. An undulating
block shares one training max: a strength day that goes up moves the hypertrophy day
too. A beginner who meets the target on every work set adds the next increment next
session (linear progression: 5 kg / 10 lb on a hinge, the equipment's step on a pull),
until two sessions in a row miss it. One session under the target never lowers a load
the training max supports; two in a row lower the training max (`strength`) and the
load with it, never by more than 10 % a session; a stall takes 10 % off to build back.
Where one increment is over 10 % of the load, reps come first.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from backplan.catalogue.model import Goal, Level
from backplan.training import strength
from backplan.training.loads import (
    Load,
    Session,
    empty_bar,
    floor_to,
    number,
    round_to,
    round_up_to,
)
from backplan.training.model import Prescription
from backplan.training.strength import STALL

if TYPE_CHECKING:
    from backplan.catalogue.model import Exercise

MOST = 0.10  # never a bigger jump, up or down, than this share of the load (ACSM 2009)
NOVICE_HINGE = {"kg": 5.0, "lb": 10.0}  # a beginner's increment on a hinge (NSCA ch. 17)


@dataclass(frozen=True)
class Target:
    """What the next session asks of the exercise."""

    reps_min: int
    reps_max: int
    goal: Goal | None = None
    rir_max: int | None = None
    level: Level | None = None  # a beginner progresses linearly

    @classmethod
    def of(cls, prescription: Prescription, goal: Goal, level: Level | None = None) -> Target:
        return cls(prescription.reps_min, prescription.reps_max, goal, prescription.rir_max,
                   level)  # fmt: skip


def suggest(
    recent: Sequence[Session],
    same: Sequence[Session],
    unit: str,
    step: float,
    exercise: Exercise | None,
    target: Target | None,
    body: float = 0.0,
) -> Load:
    """An external load from the training max (see the module).

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
    found = strength.walk(recent, unit, step)
    assert found is not None  # the latest session is loaded
    tm = found.tm
    floor = max(empty_bar(exercise.equipment if exercise else (), unit), body)
    exact = tm.e1rm / (1 + (reps + rir) / 30)
    ideal = max(floor, strength.load_for(tm.e1rm, reps, rir, step, above=body))

    def say(weight: float) -> str:
        if not body:
            return f"{number(weight)} {unit}"
        belt = round(weight - body, 2)
        return f"{number(belt)} {unit} on the belt" if belt > 0 else "bodyweight alone"

    # The sum, then the load: '→ 5 reps at 2 RIR = 108.1 kg: 107.5 kg'.
    worked = f" = {number(round(exact, 1))} {unit}" if abs(exact - ideal) >= 0.05 else ""
    why = f"{tm.text(unit)} → {reps} reps at {number(rir)} RIR{worked}"
    if not at_range:  # a range not done lately: carried through the training max
        before = _load(recent[0], unit, body)
        change = "up" if ideal > before else "down" if ideal < before else "same"
        return Load(ideal, unit, change, f"{why}: {say(ideal)}")
    last_load = _load(last, unit, body)
    if any(s.unit != unit for s in last.sets if s.weight):
        last_load = body + round_to(last_load - body, step)  # 135 lb is 61.23 kg: nobody loads that
    if step > last_load * MOST:  # one increment too big a jump: reps first, then the load
        return _reps_first(same, unit, step, last_load, low, high)
    lowest = max(floor, body + round_up_to(last_load * (1 - MOST) - body, step))
    if found.stalled:  # one line: what stalled, and the reset
        weight = max(ideal, lowest)
        change = "up" if weight > last_load else "down" if weight < last_load else "same"
        floor_said = f", at most 10 % down: {say(weight)}" if weight > ideal else ""
        return Load(weight, unit, change, f"stalled, no rise in {STALL} sessions: {why}: "
                    f"{say(ideal)}{floor_said}; build back from here")  # fmt: skip
    most = max(last_load + step, body + floor_to(last_load * (1 + MOST) - body, step))
    novice = _linear(target, exercise, recent, unit, step, last_load)
    if novice is not None and not strength.met(last):
        return Load(last_load, unit, "same", "a set under the target: "
                    f"{say(last_load)} again, then the next increment")  # fmt: skip
    if novice is not None and novice >= min(ideal, most):
        return Load(novice, unit, "up", f"every set met the target: +{number(novice - last_load)} "
                    f"{unit}, {say(novice)} (a beginner's linear progression)")  # fmt: skip
    beat = len(same) >= 2 and all(_beat(s, reps, rir) for s in same[:2])
    weight = min(most, max(ideal, last_load + step if beat else ideal))
    if strength.short(last):  # a bad day is never a reason to go up
        weight = min(weight, last_load)
    if weight < last_load:
        words = _why_lower(same, found.lowered, ideal, last_load, step, say)
        if words is None:  # the max holds the load (a bad day, once): the same again
            return Load(last_load, unit, "same", f"{why}: {say(ideal)}; {say(last_load)} again")
        weight = max(weight, lowest)
        floor_said = f", at most 10 % down: {say(weight)}" if weight > ideal else ""
        return Load(weight, unit, "down", f"{words}: {why}: {say(ideal)}{floor_said}")
    change = "up" if weight > last_load else "same"
    reason = f"{why}: {say(weight)}"
    if strength.short(last) and weight < ideal:
        reason = f"{why}: {say(ideal)}; short last time: {say(weight)} again"
    elif weight < ideal:
        reason = f"{why}: {say(ideal)}, at most +10 % a session: {say(weight)}"
    elif weight > ideal:
        reason = (
            f"{why}: {say(ideal)}; beat the target twice: +{number(step)} {unit}, {say(weight)}"
        )
    return Load(weight, unit, change, reason)


def _beat(session: Session, reps: int, rir: float) -> bool:
    """The last set did more than asked: more reps, or more left in reserve (ACSM 2009's
    two-for-two: 1-2 reps over the target in two sessions running)."""
    last = session.sets[-1]
    return last.reps > reps or (last.reps == reps and last.rir is not None and last.rir > rir)


def _why_lower(
    same: Sequence[Session],
    lowered: bool,
    ideal: float,
    last_load: float,
    step: float,
    say: Callable[[float], str],
) -> str | None:
    """Why the load goes down to what the training max gives, or None: it stays. Two
    sessions short lower the max; a load more than a step above what the max supports
    goes down after one session short of the range (a single of 455 lb does not make
    5 × 455 lb), and one above it after two sessions in a row under the target there."""
    if lowered:
        return "two sessions under the target"
    last = same[0]
    if strength.short(last) and ideal < last_load - step - 1e-9:
        return f"short at {say(last_load)}"
    unit = last.sets[0].unit
    twice = len(same) >= 2 and abs(_load(same[1], unit) - _load(last, unit)) < step / 2
    if twice and all(strength.missed(s) for s in same[:2]):
        return f"twice under the target at {say(last_load)}"
    return None


def _linear(
    target: Target | None,
    exercise: Exercise | None,
    recent: Sequence[Session],
    unit: str,
    step: float,
    last_load: float,
) -> float | None:
    """A beginner's next load by linear progression (last load + the increment: 5 kg /
    10 lb on a hinge, the equipment's step on a pull; never over 10 % of the load); None
    when not a beginner, or once two sessions in a row missed the target."""
    if target is None or target.level is not Level.BEGINNER:
        return None
    if any(strength.missed(a) and strength.missed(b) for a, b in pairwise(recent)):
        return None
    hinge = exercise is not None and exercise.is_hinge
    wanted = max(step, floor_to(NOVICE_HINGE[unit], step)) if hinge else step
    return last_load + min(wanted, max(step, floor_to(last_load * MOST, step)))


def _load(session: Session, unit: str, body: float = 0.0) -> float:
    """The session's heaviest load; for loads moved, its added load on today's `body`."""
    return max(s.weight_in(unit) for s in session.sets) - session.body + body


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
