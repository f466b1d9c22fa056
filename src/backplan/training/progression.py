"""What you lifted and what to lift next: the set parser and the NSCA's 2-for-2 rule."""

from __future__ import annotations

import re
from collections.abc import Sequence

from backplan.errors import BackplanError
from backplan.training.loads import (
    MAX_REPS,
    MAX_WEIGHT,
    STEP,
    UNITS,
    Load,
    Session,
    SetDone,
    number,
)

_SET = re.compile(r"(\d{1,4})(?:\s*[x×*]\s*(\d{1,5}(?:\.\d{1,2})?)\s*(kg|kgs|lb|lbs)?)?", re.I)


def parse_unit(text: str) -> str:
    unit = text.strip().lower().rstrip("s")
    if unit not in UNITS:
        raise BackplanError(f"Unknown unit '{text}'. Use kg or lb.")
    return unit


def parse_set(text: str, unit: str) -> SetDone:
    """`8x60`, `8x135lb`, `8x60kg`, or `8` for bodyweight; a bare weight is in `unit`."""
    found = _SET.fullmatch(text.strip())
    if not found:
        raise BackplanError(
            f"'{text}' is not a set. Write REPSxWEIGHT (8x60, 8x135lb, 8x60kg) or REPS alone "
            "for bodyweight (8)."
        )
    reps = int(found.group(1))
    if not 1 <= reps <= MAX_REPS:
        raise BackplanError(f"'{text}': reps must be 1 to {MAX_REPS}.")
    if found.group(2) is None:
        return SetDone(reps, None, unit)
    set_unit = parse_unit(found.group(3)) if found.group(3) else unit
    weight = float(found.group(2))
    if weight > MAX_WEIGHT[set_unit]:
        raise BackplanError(
            f"'{text}': {number(weight)} {set_unit} is more than anyone lifts for reps; "
            f"the most is {number(MAX_WEIGHT[set_unit])} {set_unit}."
        )
    return SetDone(reps, weight, set_unit)


def _round(weight: float, unit: str) -> float:
    step = STEP[unit]
    return round(weight / step) * step


def suggest(sessions: Sequence[Session], unit: str) -> Load | None:
    """The next load from an exercise's logged sessions, newest first; None if never logged.

    Up one step after two sessions running with every set at the top of the range
    (the NSCA's "2-for-2" rule); down 10 % when most sets of the last session fell
    short of the bottom; the same otherwise.
    """
    if not sessions or not sessions[0].sets:
        return None
    last = sessions[0]
    working = max(s.weight_in(unit) for s in last.sets)
    if any(s.unit != unit and s.weight for s in last.sets):
        working = _round(working, unit)  # 135 lb is 61.23 kg: nobody loads that
    step = STEP[unit]
    if len(sessions) >= 2 and all(
        session.sets and all(s.reps >= session.reps_max for s in session.sets)
        for session in sessions[:2]
    ):
        return Load(
            working + step,
            unit,
            "up",
            f"all sets hit {last.reps_max}, twice running",
        )
    short = sum(s.reps < last.reps_min for s in last.sets)
    if short * 2 > len(last.sets):
        return Load(
            _round(working * 0.9, unit),
            unit,
            "down",
            f"most sets under {last.reps_min} reps: 10 % off",
        )
    return Load(working, unit, "same", f"until all sets hit {last.reps_max}")
