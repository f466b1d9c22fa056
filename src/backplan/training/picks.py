"""The picks of a session so far, and the rules each new pick keeps: not picked yet, no
other of its family or kin (one carry, one cable pulldown), one hinge, room in the
erectors' budget, and below advanced never a hinge, an unsupported row and a back
extension together."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from backplan.catalogue.model import Dose, Exercise, Group, Level, Pattern
from backplan.training.volume import MIN_SETS, erector_share

# Kin: one drill of each a session (spinal extension, rear delts, straight-arm lats).
KIN = {
    Pattern.EXTENSION: "spinal-extension drill",
    Pattern.SCAPULAR: "rear-delt drill",
    Pattern.STRAIGHT_ARM: "straight-arm lat drill",
}


def kin_of(exercise: Exercise) -> str | None:
    """What a session holds one of: a kin drill (`KIN`), a carry (two are the same grip
    and trunk work twice), a cable pulldown (a pulldown and a single-arm one are the
    same pull twice)."""
    if exercise.dose is Dose.METRES:
        return "carry"
    if exercise.pattern is Pattern.VERTICAL_PULL and "cable" in exercise.equipment:
        return "cable pulldown"
    return KIN.get(exercise.pattern) if exercise.pattern is not None else None


def erector_kind(exercise: Exercise) -> str | None:
    """A hinge, an unsupported row or a back extension: below advanced, never all three."""
    if exercise.is_hinge:
        return "hinge"
    if exercise.pattern is Pattern.EXTENSION:
        return "extension"
    if exercise.pattern is Pattern.HORIZONTAL_PULL and Group.LOWER_BACK in exercise.secondary:
        return "row"
    return None


@dataclass
class Picks:
    """The picks so far, and what the rules need to know about them."""

    level: Level = Level.INTERMEDIATE
    # The erectors' budget left (`volume`), each pick counted at the usual sets: a row
    # that would bust it is passed over for one that spares the lower back.
    erector_room: float = math.inf
    usual_sets: int = 3
    picks: list[Exercise] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    families: set[str] = field(default_factory=set)
    patterns: set[Pattern] = field(default_factory=set)
    erectors: set[str] = field(default_factory=set)
    kins: set[str] = field(default_factory=set)

    @property
    def has_hinge(self) -> bool:
        return Pattern.HINGE in self.patterns

    def allows(self, exercise: Exercise) -> bool:
        """Not picked yet, no other of its family or kin, at most one hinge, room in the
        erectors' budget for 2 sets of it, and below advanced no hinge, unsupported row
        and back extension together."""
        kind = erector_kind(exercise)
        return (
            exercise.id not in self.ids
            and exercise.family_name not in self.families
            and not (self.has_hinge and exercise.is_hinge)
            and kin_of(exercise) not in self.kins
            # (what spares the erectors is never held back by their budget)
            and (
                not erector_share(exercise)
                or erector_share(exercise) * MIN_SETS <= self.erector_room + 1e-9
            )
            and not (
                self.level is not Level.ADVANCED
                and kind is not None
                and len(self.erectors | {kind}) == 3
            )
        )

    def add(self, exercise: Exercise) -> None:
        self.picks.append(exercise)
        self.ids.add(exercise.id)
        self.families.add(exercise.family_name)
        if exercise.pattern is not None:
            self.patterns.add(exercise.pattern)
        if (kind := erector_kind(exercise)) is not None:
            self.erectors.add(kind)
        if (kin := kin_of(exercise)) is not None:
            self.kins.add(kin)
        self.erector_room -= erector_share(exercise) * self.usual_sets
