"""The set syntax lifters type, read as written: `8x60`, `8x135lb`, `8`, `30s`, `40m`,
`40mx32`, `3x8x60`, `8x+10`, `8x60@8`, `8x60@2rir`, `4x192,5`.

This is the syntax alone: what each number is (reps, sets, a weight, a unit, a `+`).
What it means for one exercise, and whether it can mean two things, is `reading`'s.
An effort after `@` is an RPE (`@8`: 2 reps in reserve) or reps in reserve (`@2rir`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from backplan.catalogue.model import Dose
from backplan.errors import BackplanError
from backplan.training.loads import MAX_DOSE, MAX_WEIGHT, UNITS, number

MAX_SETS = 20  # in one `NxREPSxWEIGHT`
# A comma is a decimal point inside a weight (4x192,5), as the apps' exports write it.
_NUMBER = r"\d{1,5}(?:[.,]\d{1,2})?"
_WEIGHT = re.compile(rf"(\+)?\s*({_NUMBER})\s*(kg|kgs|lb|lbs)?", re.I | re.A)
_TIMED = re.compile(r"(\d{1,5})\s*(s|sec|secs|seconds|m|metres|meters)", re.I | re.A)
_EFFORT = re.compile(r"(\d{1,2}(?:[.,]\d)?)\s*(rir|rpe)?", re.I | re.A)
_TIMED_DOSE = {"s": Dose.SECONDS, "m": Dose.METRES}
HOW = (
    "Write REPSxWEIGHT (8x60, 8x135lb), REPS (8), 30s or 40m (40mx32 with a load), "
    "3x8x60 for three sets, 8x+10 for load added to your body."
)


def parse_unit(text: str) -> str:
    unit = text.strip().lower().rstrip("s")
    if unit not in UNITS:
        raise BackplanError(f"Unknown unit '{text}'. Use kg or lb.")
    return unit


@dataclass(frozen=True)
class Typed:
    """One set as typed, before it is read for an exercise."""

    text: str
    amount: int  # reps, seconds or metres
    dose: Dose
    count: int | None = None  # the sets of `3x8x60`; None when not written
    weight: float | None = None  # the number after the x; None when none was written
    unit: str | None = None  # the unit written after it
    added: bool = False  # written with '+': load added to the body
    rir: float | None = None


def _refuse(text: str, why: str) -> BackplanError:
    return BackplanError(f"'{text}' is not a set: {why}. {HOW}")


def parse(text: str) -> list[Typed]:
    """The sets of a line (`15 15 15` is three), each as typed."""
    if "*" in text:
        raise _refuse(text, f"use x between reps and weight ({text.strip().replace('*', 'x')})")
    # Spaces separate sets, but not inside one: '8 x 60', '45 sec' and '8x60 @ 8' are one.
    joined = re.sub(r"\s*([x×@+])\s*", r"\1", text.strip(), flags=re.I)
    joined = re.sub(r"(\d)\s+(kg|lb|s\b|sec|m\b|rir|rpe)", r"\1\2", joined, flags=re.I)
    tokens = joined.split()
    if not tokens:
        raise _refuse(text, "it is empty")
    return [_one(token) for token in tokens]


def _one(text: str) -> Typed:
    body, at, effort_text = text.partition("@")
    rir = _effort(text, effort_text) if at else None
    parts = re.split(r"[x×]", body, flags=re.I)
    if not body or not all(parts):
        hint = "a number is missing around the x" if len(parts) > 1 else "it is empty"
        if len(parts) == 2 and parts[0] and not parts[1]:
            hint = f"the weight after the x is missing ({parts[0]}x60, or {parts[0]} alone)"
        raise _refuse(text, hint)
    if len(parts) > 3:
        raise _refuse(text, "too many x's")
    timed = [_TIMED.fullmatch(part) for part in parts]
    count: int | None = None
    if len(parts) == 3 or (len(parts) == 2 and timed[1]):
        count = _whole(text, parts[0], "sets", 1, MAX_SETS)
        parts = parts[1:]
        timed = timed[1:]
    found = timed[0]
    if found:
        amount, dose = int(found.group(1)), _TIMED_DOSE[found.group(2)[0].lower()]
        if not 1 <= amount <= MAX_DOSE[dose]:
            raise _refuse(text, f"{dose.value} must be 1 to {MAX_DOSE[dose]:,}")
    else:
        amount, dose = _whole(text, parts[0], "reps", 1, MAX_DOSE[Dose.REPS]), Dose.REPS
    if len(parts) == 1:
        return Typed(text, amount, dose, count, rir=rir)
    weight = _WEIGHT.fullmatch(parts[1])
    if not weight:
        raise _refuse(text, f"'{parts[1]}' is not a weight")
    value = float(weight.group(2).replace(",", "."))
    unit = parse_unit(weight.group(3)) if weight.group(3) else None
    if value > MAX_WEIGHT[unit or "lb"]:
        shown = unit or "kg"
        raise BackplanError(
            f"'{text}': {number(value)} {shown} is more than anyone lifts for reps; "
            f"the most is {number(MAX_WEIGHT[shown])} {shown}."
        )
    return Typed(text, amount, dose, count, value, unit, bool(weight.group(1)), rir)


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
    value = float(found.group(1).replace(",", "."))
    if (found.group(2) or "").lower() == "rir":
        if value > 10:
            raise BackplanError(f"'{text}': reps in reserve go from 0 to 10.")
        return value
    if not 1 <= value <= 10:
        raise BackplanError(f"'{text}': an RPE goes from 1 to 10 (10: nothing left).")
    return 10 - value
