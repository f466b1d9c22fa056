"""Your bodyweight: a weigh-in a day, read as typed (`81`, `81.5kg`, `178lb`, `81,5`),
and the 7-day average around a day that the load you move is reckoned from."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from backplan.errors import BackplanError
from backplan.training.loads import convert, number
from backplan.training.sets import parse_unit

LIMITS_KG = (1.0, 400.0)
AVERAGE_DAYS = 7
_WEIGHT = re.compile(r"\s*(\d{1,4}(?:[.,]\d{1,2})?)\s*(kg|kgs|lb|lbs)?\s*", re.I | re.A)


@dataclass(frozen=True)
class WeighIn:
    day: date
    weight: float
    unit: str

    def in_unit(self, unit: str) -> float:
        return convert(self.weight, self.unit, unit)


def parse_bodyweight(text: str, unit: str) -> tuple[float, str]:
    """A bodyweight as typed, in your unit unless it says its own; 1-400 kg."""
    found = _WEIGHT.fullmatch(text)
    if not found:
        raise BackplanError(
            f"'{text[:40]}' is not a bodyweight: write it like 81, 81.5kg or 178lb."
        )
    weight = float(found.group(1).replace(",", "."))
    said = parse_unit(found.group(2)) if found.group(2) else unit
    low, high = LIMITS_KG
    if not low <= convert(weight, said, "kg") <= high:
        raise BackplanError(
            f"'{text.strip()}': a bodyweight is from {low:g} to {high:g} kg "
            f"({number(convert(low, 'kg', 'lb'))} to {number(convert(high, 'kg', 'lb'))} lb)."
        )
    return weight, said


def average(weigh_ins: Sequence[WeighIn], on: date, unit: str) -> float | None:
    """The mean of the weigh-ins of the 7 days up to `on`; None when there are none."""
    since = on - timedelta(days=AVERAGE_DAYS - 1)
    recent = [w.in_unit(unit) for w in weigh_ins if since <= w.day <= on]
    return sum(recent) / len(recent) if recent else None
