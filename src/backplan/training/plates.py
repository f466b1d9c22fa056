"""Plates per side for barbell loads: what to put on each sleeve for a weight.

Filled greedily, heaviest plate first, from your plates (config `plates`, `bar`);
a weight the plates cannot make is rounded to the nearest one they can (the lighter
on a tie), and the suggestion says so.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from backplan.training.loads import Load, number

# The bars plates go on; a landmine is loaded like a barbell's sleeve.
BARBELL_FAMILY = ("barbell", "trap-bar", "ez-bar", "landmine")
DEFAULT_PLATES = {"kg": (25.0, 20.0, 15.0, 10.0, 5.0, 2.5, 1.25),
                  "lb": (45.0, 35.0, 25.0, 10.0, 5.0, 2.5)}  # fmt: skip
DEFAULT_BAR = {"kg": 20.0, "lb": 45.0}
# Bars of their own weight: a trap bar and an EZ bar are not the barbell.
OTHER_BARS = {"trap-bar": {"kg": 25.0, "lb": 55.0}, "ez-bar": {"kg": 10.0, "lb": 25.0}}
_CENTS = 100  # plates are worked out in hundredths, so sums are exact


@dataclass(frozen=True)
class Rack:
    """Your bar and plates, in your unit."""

    unit: str
    bar: float
    plates: tuple[float, ...]  # heaviest first

    @classmethod
    def of(cls, unit: str, plates: Sequence[float] | None, bar: float | None) -> Rack:
        chosen = tuple(sorted(plates or DEFAULT_PLATES[unit], reverse=True))
        return cls(unit, DEFAULT_BAR[unit] if bar is None else bar, chosen)

    def on(self, equipment: Iterable[str]) -> Rack:
        """The rack with the bar this equipment uses (your `bar` is the barbell's)."""
        gear = set(equipment)
        for item, weights in OTHER_BARS.items():
            if item in gear and "barbell" not in gear:
                return replace(self, bar=weights[self.unit])
        return self


def loads_plates(equipment: Iterable[str]) -> bool:
    return any(item in BARBELL_FAMILY for item in equipment)


def _greedy(side: int, plates: Sequence[int]) -> list[int] | None:
    made = []
    for plate in plates:
        count = side // plate  # plates are whole hundredths, never zero (see loadable)
        made.extend([plate] * count)
        side -= count * plate
    return made if side == 0 else None


def loadable(weight: float, rack: Rack) -> tuple[float, tuple[float, ...]]:
    """The weight nearest `weight` the plates make (never under the bar), and the plates
    for one side."""
    # A plate under a hundredth could never be added up (config refuses under 0.25).
    plates = [cents for p in rack.plates if (cents := round(p * _CENTS)) > 0] or [_CENTS]
    bar = round(rack.bar * _CENTS)
    wanted = max(0, round(weight * _CENTS) - bar)  # both sides together
    low, high = wanted // 2, (wanted + 1) // 2  # one side, rounded down and up
    # The nearest side the plates make, looking down and up at once (the lighter on a
    # tie). Within one heaviest plate there is always one: a number of that plate.
    found: list[int] = []
    for gap in range(max(plates) + 1):
        below = _greedy(low - gap, plates) if low >= gap else None
        above = _greedy(high + gap, plates)
        if below is not None and (
            above is None or wanted - 2 * (low - gap) <= 2 * (high + gap) - wanted
        ):
            found = below
            break
        if above is not None:
            found = above
            break
    total = (bar + 2 * sum(found)) / _CENTS
    return total, tuple(p / _CENTS for p in found)


def plates_text(weight: float, plates: Sequence[float], compact: bool = False) -> str:
    """'20 + [15 + 5]': the bar (what the plates leave of the weight), and the plates on
    each side; `compact`, for a table cell, counts alike plates: '20+[3×25+10]'."""
    bar = weight - 2 * sum(plates)
    if not compact:
        side = " + ".join(number(p) for p in plates) or "no plates"
        return f"{number(bar)} + [{side}]"
    counted = [
        f"{list(plates).count(p)}×{number(p)}" if list(plates).count(p) > 1 else number(p)
        for p in dict.fromkeys(plates)
    ]
    return f"{number(bar)}+[{'+'.join(counted) or 'no plates'}]"


def fit(load: Load | None, equipment: Iterable[str], rack: Rack) -> Load | None:
    """A suggestion with its plates; rounded, and saying so, when the plates cannot make it."""
    if load is None or not load.weight or not loads_plates(equipment) or load.unit != rack.unit:
        return load
    rack = rack.on(equipment)
    weight, plates = loadable(load.weight, rack)
    if weight == load.weight:
        return replace(load, plates=plates)
    note = f"; {number(load.weight)} {load.unit} is not loadable with your plates: {number(weight)}"
    return replace(load, weight=weight, plates=plates, reason=load.reason + note)
