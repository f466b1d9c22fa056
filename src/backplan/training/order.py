"""The order of a session (NSCA, Essentials of Strength Training and Conditioning, ch. 17).

Power moves first, while fresh; then the hinge (before grip-heavy rows tire the
hands and the erectors) and the other multi-joint main lifts; then assistance work
(single-joint and one-sided lifts, band work, light shoulder-health drills); last,
the lower back's single-joint work, stability holds and carries, because a tired
lower back undermines everything that needs a braced, neutral spine.
"""

from __future__ import annotations

from collections.abc import Sequence

from backplan.catalogue.model import Dose, Exercise, Group, LoadKind, Mechanic, Pattern, Sides

MAIN_TIER = 2  # tiers up to this one hold the main lifts
LIGHT_FROM = 12  # an exercise whose own range starts here is light work, not a main lift


def is_light(exercise: Exercise) -> bool:
    return exercise.load_kind is LoadKind.BAND or (
        exercise.range is not None and exercise.range[0] >= LIGHT_FROM
    )


def tier(exercise: Exercise) -> int:
    if exercise.power:
        return 0
    if exercise.dose is Dose.METRES:
        return 6  # carries
    if exercise.dose is Dose.SECONDS or exercise.pattern is Pattern.STABILITY:
        return 5  # holds and anti-rotation work
    if exercise.group is Group.LOWER_BACK and exercise.mechanic is Mechanic.ISOLATION:
        return 4
    if exercise.is_hinge:
        return 1
    if exercise.mechanic is Mechanic.COMPOUND and not is_light(exercise):
        # One side at a time is assistance: the main lifts load both sides at once.
        return 2 if exercise.sides is Sides.BOTH else 3
    return 3


def in_order(picks: Sequence[Exercise]) -> list[Exercise]:
    # Within a tier, multi-joint before single-joint, then the round-robin order (stable).
    return sorted(picks, key=lambda e: (tier(e), e.mechanic is Mechanic.ISOLATION))
