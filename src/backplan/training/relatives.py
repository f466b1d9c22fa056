"""A first load for a loaded lift never done, from a relative's training max, through one
ratio table by equipment; with no relative, or none the table can convert, start light.

A dumbbell (per hand), a single-arm or a single-leg version carries a known share of
what the barbell version does; a cable or a machine stack is compared only with another
stack, never with free weights (stacks differ from gym to gym). The shares are the low
side of what lifters report, and the relative's estimate is taken at 90 % (the same
family) or 80 % (the same pattern and equipment): a new lift starts a little light,
after a warm-up from light, and its own training max takes over after one session.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from backplan.catalogue.model import Pattern, Sides
from backplan.training import strength
from backplan.training.external import Target
from backplan.training.loads import Load, Session, number

if TYPE_CHECKING:
    from backplan.catalogue.model import Exercise

# How a lift is loaded -> (the scale it is measured on, its load as a share of that
# scale's two-handed lift). Barbell row 100 kg ~ dumbbell rows 40 kg a hand ~ a
# one-arm row 45 kg; barbell RDL 100 kg ~ a single-leg RDL 25 kg a hand; a single-arm
# cable row ~ half the two-handed row's stack.
RATIOS: dict[str, tuple[str, float]] = {
    "barbell": ("free weights", 1.0),
    "dumbbell, per hand": ("free weights", 0.40),
    "single-arm": ("free weights", 0.45),
    "single-leg, per hand": ("free weights", 0.25),
    "machine": ("stack", 1.0),
    "single-arm on a stack": ("stack", 0.5),
}
KIN = {"family": 0.9, "pattern and equipment": 0.8}  # the relative's estimate, taken at
START_LIGHT = "start light: a weight for 10 reps at 3 RIR"
FIRST_TIME = "first time:"
_BARS = ("barbell", "trap-bar", "ez-bar", "landmine")


def loading(exercise: Exercise) -> str | None:
    """How the lift is loaded (a key of RATIOS); None for anything the table has not
    (a kettlebell, a plate)."""
    gear = set(exercise.equipment)
    stack = bool(gear & {"cable", "machine"})
    if exercise.sides is Sides.EACH:
        if exercise.pattern is Pattern.HINGE:
            return None if stack else "single-leg, per hand"
        return "single-arm on a stack" if stack else "single-arm"
    if stack:
        return "machine"
    if gear & set(_BARS):
        return "barbell"
    return "dumbbell, per hand" if "dumbbell" in gear else None


def ratio(relative: Exercise, exercise: Exercise) -> float | None:
    """The share of the relative's load the exercise carries; None: no table entry."""
    if set(relative.equipment) == set(exercise.equipment) and relative.sides is exercise.sides:
        return 1.0
    a, b = loading(relative), loading(exercise)
    if a is None or b is None:
        return None
    (scale_a, share_a), (scale_b, share_b) = RATIOS[a], RATIOS[b]
    return share_b / share_a if scale_a == scale_b else None


def first_load(
    relative: tuple[Exercise, str, Sequence[Session]] | None,
    exercise: Exercise,
    unit: str,
    step: float,
    floor: float,
    target: Target | None,
) -> Load:
    """A loaded lift never done, from a relative (it, how it is related, its sessions)
    by the table's share and the kin's, at the target's reps and effort; else start
    light."""
    tm = strength.training_max(relative[2], unit, step) if relative else None
    share = ratio(relative[0], exercise) if relative else None
    if relative is None or tm is None or share is None:
        return Load(None, unit, "same", START_LIGHT)
    other, kin, sessions = relative
    if target is None:  # no session planned yet: the relative's own last range
        last = sessions[0]
        target = Target(last.reps_min, last.reps_max, rir_max=last.rir)
    taken = share * KIN[kin]
    reps = (target.reps_min + target.reps_max + 1) // 2
    rir = float(target.rir_max or 0)
    weight = max(floor, strength.load_for(tm.e1rm * taken, reps, rir, step))
    exact = tm.e1rm * taken / (1 + (reps + rir) / 30)
    per = "" if loading(other) == loading(exercise) else f" ({loading(exercise)})"
    return Load(
        weight,
        unit,
        "same",
        f"{FIRST_TIME} {number(round(taken * 100))} % of your {other.name}'s {tm.text(unit)}"
        f"{per} → {reps} reps at {number(rir)} RIR = {number(round(exact, 1))} {unit}: "
        f"{number(weight)} {unit}, after a warm-up from light",
    )
