"""Sets, reps and rest for a goal, level and mechanic.

The numbers follow the ACSM position stand on progression models in resistance
training (2009, Med Sci Sports Exerc 41(3):687-708) and the NSCA's Essentials of
Strength Training and Conditioning (4th ed., ch. 17).
"""

from __future__ import annotations

from backplan.catalogue.model import Level, Mechanic
from backplan.errors import BackplanError, did_you_mean
from backplan.training.model import Goal, Prescription

_GOAL_SPELLINGS = {
    "strength": Goal.STRENGTH,
    "hypertrophy": Goal.HYPERTROPHY,
    "size": Goal.HYPERTROPHY,
    "endurance": Goal.ENDURANCE,
    "tone": Goal.ENDURANCE,
}


def parse_goal(text: str) -> Goal:
    key = text.strip().lower()
    if key in _GOAL_SPELLINGS:
        return _GOAL_SPELLINGS[key]
    hint = did_you_mean(key, _GOAL_SPELLINGS)
    raise BackplanError(
        f"Unknown goal '{text}'{hint}. Choose from: strength, hypertrophy (or size), "
        "endurance (or tone)."
    )


# Sets by goal, for beginner / intermediate / advanced: beginners get 2-3 sets for every
# goal; more training age earns the top of the range.
_SETS = {
    Goal.STRENGTH: (3, 4, 5),
    Goal.HYPERTROPHY: (3, 3, 4),
    Goal.ENDURANCE: (2, 3, 3),
}
# Reps as (min, max) by goal and mechanic.
_REPS = {
    (Goal.STRENGTH, Mechanic.COMPOUND): (3, 6),
    (Goal.STRENGTH, Mechanic.ISOLATION): (6, 12),
    (Goal.HYPERTROPHY, Mechanic.COMPOUND): (6, 12),
    (Goal.HYPERTROPHY, Mechanic.ISOLATION): (6, 12),
    (Goal.ENDURANCE, Mechanic.COMPOUND): (12, 20),
    (Goal.ENDURANCE, Mechanic.ISOLATION): (12, 20),
}
BEGINNER_STRENGTH_REPS = (8, 12)  # heavy triples wait until technique is grooved
# Rest in seconds by goal and mechanic, for beginner / intermediate / advanced.
_REST = {
    (Goal.STRENGTH, Mechanic.COMPOUND): (120, 180, 240),
    (Goal.STRENGTH, Mechanic.ISOLATION): (60, 90, 90),
    (Goal.HYPERTROPHY, Mechanic.COMPOUND): (90, 90, 120),
    (Goal.HYPERTROPHY, Mechanic.ISOLATION): (60, 60, 60),
    (Goal.ENDURANCE, Mechanic.COMPOUND): (45, 45, 60),
    (Goal.ENDURANCE, Mechanic.ISOLATION): (30, 30, 45),
}


def prescribe(goal: Goal, level: Level, mechanic: Mechanic) -> Prescription:
    reps = _REPS[goal, mechanic]
    if goal is Goal.STRENGTH and mechanic is Mechanic.COMPOUND and level is Level.BEGINNER:
        reps = BEGINNER_STRENGTH_REPS
    return Prescription(
        sets=_SETS[goal][level.rank],
        reps_min=reps[0],
        reps_max=reps[1],
        rest_seconds=_REST[goal, mechanic][level.rank],
    )
