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


@dataclass(frozen=True)
class Bodyweight:
    """The bodyweight a day's load moved is reckoned from, and where it came from."""

    weight: float  # in `unit`
    unit: str
    source: str  # '7-day average' or 'weighed 3 Nov'

    def text(self) -> str:
        """'bodyweight 81 kg, 7-day average'."""
        return f"bodyweight {number(round(self.weight, 1))} {self.unit}, {self.source}"


@dataclass(frozen=True)
class Bodyweights:
    """Your weigh-ins, to find the bodyweight around any day."""

    weigh_ins: tuple[WeighIn, ...]

    def on(self, day: date, unit: str) -> Bodyweight | None:
        """The day's weigh-in; else the mean of those within 3 days either side (a
        7-day average); else the nearest one, however far; None with none at all."""
        half = timedelta(days=AVERAGE_DAYS // 2)
        near = [w for w in self.weigh_ins if abs(w.day - day) <= half]
        if len(near) > 1 and all(w.day != day for w in near):
            mean = sum(w.in_unit(unit) for w in near) / len(near)
            return Bodyweight(round(mean, 2), unit, "7-day average")
        if not self.weigh_ins:
            return None
        nearest = min(self.weigh_ins, key=lambda w: (abs(w.day - day), w.day))
        return Bodyweight(nearest.in_unit(unit), unit, f"weighed {nearest.day:%-d %b %Y}")
