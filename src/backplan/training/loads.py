"""Weights and sets: units, the increments equipment allows, a set done, a suggested load."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from backplan.catalogue.model import Dose

UNITS = ("kg", "lb")
KG_PER_LB = 0.45359237
STEP = {"kg": 2.5, "lb": 5.0}  # the smallest jump most gyms' plates allow
MAX_REPS = 100
MAX_DOSE = {Dose.REPS: MAX_REPS, Dose.SECONDS: 3600, Dose.METRES: 10_000}
MAX_WEIGHT = {"kg": 1000.0, "lb": 2200.0}
MAX_ADDED = {"kg": 150.0, "lb": 330.0}  # a belt's load, or a machine's help, at most
EMPTY_BAR = {"kg": 20.0, "lb": 45.0}
# The smallest jump each piece of equipment allows, in kg and lb (dumbbells per hand).
INCREMENTS: dict[str, tuple[float, float]] = {
    "barbell": (2.5, 5.0),
    "trap-bar": (2.5, 5.0),
    "landmine": (2.5, 5.0),
    "ez-bar": (2.5, 5.0),
    "plate": (2.5, 5.0),
    "cable": (2.5, 5.0),
    "machine": (2.5, 5.0),
    "dumbbell": (2.0, 5.0),
    "kettlebell": (4.0, 10.0),
    "belt": (2.5, 5.0),  # plates on a dipping belt
}
_UNIT_OF_DOSE = {Dose.REPS: "", Dose.SECONDS: " s", Dose.METRES: " m"}


def number(value: float) -> str:
    """62.5 -> '62.5', 60.0 -> '60'."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def convert(weight: float, unit: str, to: str) -> float:
    if unit == to:
        return weight
    return weight * KG_PER_LB if to == "kg" else weight / KG_PER_LB


def increment(equipment: Iterable[str], unit: str, steps: Mapping[str, float]) -> float:
    """The smallest jump for this equipment (your `step.EQUIPMENT` settings first)."""
    for item in INCREMENTS:
        if item in equipment:
            return steps.get(item) or INCREMENTS[item][UNITS.index(unit)]
    return STEP[unit]


def empty_bar(equipment: Iterable[str], unit: str) -> float:
    """What a barbell weighs unloaded; 0 for anything else."""
    return EMPTY_BAR[unit] if "barbell" in equipment else 0.0


def round_to(weight: float, step: float) -> float:
    return round(round(weight / step) * step, 2)


def round_up_to(weight: float, step: float) -> float:
    return round(math.ceil(weight / step - 1e-9) * step, 2)


def floor_to(weight: float, step: float) -> float:
    return round(math.floor(weight / step + 1e-9) * step, 2)


# A set's kind, as the apps mark it: a drop set continues the set before it, lighter,
# so it is not a work set for progression or the week's count.
WORK, DROP, FAILURE = "work", "drop", "failure"
SET_KINDS = (WORK, DROP, FAILURE)


@dataclass(frozen=True)
class SetDone:
    reps: int  # in the dose's unit: reps, seconds or metres
    weight: float | None  # None: bodyweight alone
    unit: str
    dose: Dose = Dose.REPS
    rir: float | None = None  # reps in reserve, when logged (RPE 8 is 2 in reserve)
    plates: tuple[float, ...] | None = None  # per side, for a warm-up set on a bar
    kind: str = "work"  # WORK, DROP or FAILURE (warm-ups are kept apart)
    note: str | None = None
    rest: int | None = None  # seconds rested before it, timed at the gym

    def weight_in(self, unit: str) -> float:
        return convert(self.weight or 0.0, self.unit, unit)

    def __str__(self) -> str:
        text = f"{self.reps}{_UNIT_OF_DOSE[self.dose]}"
        if self.weight is not None:
            text += f"×{number(self.weight)} {self.unit}"
        if self.rir is not None:
            text += f" @{number(self.rir)} RIR"
        return text


@dataclass(frozen=True)
class Session:
    """One workout's logged sets of one exercise, with the range it prescribed."""

    reps_min: int
    reps_max: int
    sets: tuple[SetDone, ...]
    rir: int | None = None  # the effort prescribed (reps in reserve), for sets logged without
    imported: bool = False  # from another app: no prescription of backplan's to fall short of
    day: date | None = None  # when it was done, for the bodyweight of the day
    body: float = 0.0  # the bodyweight counted into its weights (the load moved), if any


@dataclass(frozen=True)
class Load:
    """A suggestion for next time: a weight, a rep target, or another variant."""

    weight: float | None  # None: no weight to suggest (bodyweight, a band)
    unit: str
    change: str  # up | down | same
    reason: str
    reps: int | None = None  # a target in the dose's unit, when progress is by reps
    variant: str | None = None  # the harder or easier exercise's id, when it is time
    dose: Dose = Dose.REPS  # the unit of `reps`
    plates: tuple[float, ...] | None = None  # per side, for a barbell-family lift
    added: bool = False  # the weight is added to your body (a belt): '+5 kg'

    def __str__(self) -> str:
        arrow = {"up": " ↑", "down": " ↓", "same": ""}[self.change]
        if self.variant:
            return f"{self.variant}{arrow}"
        parts = []
        if self.weight is not None:
            parts.append(f"{'+' if self.added else ''}{number(self.weight)} {self.unit}")
        if self.reps is not None:
            amount = f"{self.reps}{_UNIT_OF_DOSE[self.dose]}"
            if self.dose is Dose.REPS:
                amount = f"× {self.reps}" if parts else f"{self.reps} reps"
            elif parts:  # a loaded carry or hold: '34 kg × 40 m'
                amount = f"× {amount}"
            parts.append(amount)
        # Nothing to count (a stronger band): the reason's conclusion says what to do.
        return " ".join(parts or [self.reason.rpartition(": ")[2]]) + arrow

    @property
    def in_words(self) -> bool:
        """Nothing to count: the reason alone says it ('start light: ...')."""
        return self.weight is None and self.reps is None and self.variant is None

    def reason_after(self, shown: str) -> str:
        """'62.5 kg ↑ (the reason)' from what is shown of it; the reason alone when it is
        all there is to say."""
        return self.reason if self.in_words else f"{shown} ({self.reason})"


def warmup_seconds(sets: Iterable[SetDone]) -> int:
    """Warm-up sets take their reps and a minute each to change the plates."""
    return sum(s.reps * 3 + 60 for s in sets)
