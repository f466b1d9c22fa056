"""The set syntax lifters type: `8x60`, `8x135lb`, `8`, `30s`, `40m`, `3x8x60`, `8x60@8`.

A bare weight is in your unit. `3x8x60` is three sets of 8 at 60. An effort after
`@` is an RPE (`@8`: 2 reps in reserve) or reps in reserve (`@2rir`).
"""

from __future__ import annotations

import re

from backplan.catalogue.model import Dose
from backplan.errors import BackplanError
from backplan.training.loads import MAX_DOSE, MAX_WEIGHT, UNITS, SetDone, number

MAX_SETS = 20  # in one `NxREPSxWEIGHT`
_NUMBER = r"\d{1,5}(?:\.\d{1,2})?"
_WEIGHT = re.compile(rf"({_NUMBER})\s*(kg|kgs|lb|lbs)?", re.I | re.A)
_TIMED = re.compile(r"(\d{1,5})\s*(s|sec|secs|seconds|m|metres|meters)", re.I | re.A)
_EFFORT = re.compile(r"(\d{1,2}(?:\.\d)?)\s*(rir|rpe)?", re.I | re.A)
_TIMED_DOSE = {"s": Dose.SECONDS, "m": Dose.METRES}
# Many reps at a light weight read like a swapped set: 60x8 is rarely 60 reps.
_SWAPPED_REPS = 30
HOW = "Write REPSxWEIGHT (8x60, 8x135lb), REPS for bodyweight (8), 30s or 40m, or 3x8x60."


def parse_unit(text: str) -> str:
    unit = text.strip().lower().rstrip("s")
    if unit not in UNITS:
        raise BackplanError(f"Unknown unit '{text}'. Use kg or lb.")
    return unit


def _refuse(text: str, why: str) -> BackplanError:
    return BackplanError(f"'{text}' is not a set: {why}. {HOW}")


def parse_sets(text: str, unit: str) -> list[SetDone]:
    """One typed set (or `NxREPSxWEIGHT`, several); a bare weight is in `unit`."""
    raw = text.strip()
    if "*" in raw:
        raise _refuse(text, f"use x between reps and weight ({raw.replace('*', 'x')})")
    body, _, effort_text = raw.partition("@")
    rir = _effort(text, effort_text) if "@" in raw else None
    timed = _TIMED.fullmatch(body.strip())
    if timed:
        amount, dose = int(timed.group(1)), _TIMED_DOSE[timed.group(2)[0].lower()]
        if not 1 <= amount <= MAX_DOSE[dose]:
            raise _refuse(text, f"{dose.value} must be 1 to {MAX_DOSE[dose]:,}")
        return [SetDone(amount, None, unit, dose, rir)]
    parts = [part.strip() for part in re.split(r"[x×]", body, flags=re.I)]
    if not body.strip() or not all(parts):
        hint = "a number is missing around the x" if len(parts) > 1 else "it is empty"
        if len(parts) == 2 and parts[0] and not parts[1]:
            hint = f"the weight after the x is missing ({parts[0]}x60, or {parts[0]} alone)"
        raise _refuse(text, hint)
    if len(parts) > 3:
        raise _refuse(text, "too many x's")
    count = _whole(text, parts[0], "sets", 1, MAX_SETS) if len(parts) == 3 else 1
    reps = _whole(text, parts[-2] if len(parts) > 1 else parts[0], "reps", 1, MAX_DOSE[Dose.REPS])
    weight: float | None = None
    set_unit = unit
    if len(parts) > 1:
        found = _WEIGHT.fullmatch(parts[-1])
        if not found:
            raise _refuse(text, f"'{parts[-1]}' is not a weight")
        weight = float(found.group(1))
        set_unit = parse_unit(found.group(2)) if found.group(2) else unit
        if weight > MAX_WEIGHT[set_unit]:
            raise BackplanError(
                f"'{text}': {number(weight)} {set_unit} is more than anyone lifts for reps; "
                f"the most is {number(MAX_WEIGHT[set_unit])} {set_unit}."
            )
        if reps > _SWAPPED_REPS and weight < reps and not found.group(2):
            raise BackplanError(
                f"'{text}' reads as {reps} reps at {number(weight)} {set_unit}. For "
                f"{number(weight)} reps at {reps} {set_unit} write {number(weight)}x{reps}; "
                f"if it really was {reps} reps, say the unit: {reps}x{number(weight)}{set_unit}."
            )
    return [SetDone(reps, weight, set_unit, Dose.REPS, rir)] * count


def _whole(text: str, part: str, what: str, low: int, high: int) -> int:
    if not (part.isascii() and part.isdigit()):
        raise _refuse(text, f"'{part}' is not a whole number of {what}")
    value = int(part) if len(part) <= len(str(high)) else high + 1  # 4,301 digits: no int
    if not low <= value <= high:
        raise BackplanError(f"'{text}': {what} must be {low} to {high}.")
    return value


def _effort(text: str, effort: str) -> float:
    found = _EFFORT.fullmatch(effort.strip())
    if not found:
        raise _refuse(text, "after @ comes an RPE (@8) or reps in reserve (@2rir)")
    value = float(found.group(1))
    if (found.group(2) or "").lower() == "rir":
        if value > 10:
            raise BackplanError(f"'{text}': reps in reserve go from 0 to 10.")
        return value
    if not 1 <= value <= 10:
        raise BackplanError(f"'{text}': an RPE goes from 1 to 10 (10: nothing left).")
    return 10 - value
