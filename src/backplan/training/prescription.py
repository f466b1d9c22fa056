"""Each exercise prescribed for what it is: sets, reps (or seconds, or metres), rest, effort.

Reps follow goal x load x mechanic (ACSM position stand on progression models in
resistance training, 2009, Med Sci Sports Exerc 41(3):687-708; NSCA, Essentials of
Strength Training and Conditioning, 4th ed., ch. 17); an exercise's own range wins.
Effort is reps in reserve (Helms et al. 2016, Strength Cond J 38(4):42).
"""

from __future__ import annotations

from collections.abc import Sequence

from backplan.catalogue.model import (
    Dose,
    Exercise,
    Goal,
    Level,
    LoadKind,
    Mechanic,
    Pattern,
    Sides,
)
from backplan.errors import BackplanError, did_you_mean
from backplan.training.model import Prescription
from backplan.training.order import is_light

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
# Reps as (min, max) by goal and kind of exercise; beginners' strength work differs.
_EXTERNAL_COMPOUND, _EXTERNAL_ISOLATION, _BODYWEIGHT, _BAND, _POWER = range(5)
_REPS = {
    Goal.STRENGTH: ((3, 6), (6, 12), (5, 8), (8, 12), (5, 8)),
    Goal.HYPERTROPHY: ((6, 12), (8, 12), (6, 12), (10, 15), (8, 12)),
    Goal.ENDURANCE: ((12, 20), (12, 20), (10, 15), (15, 20), (12, 20)),
}
# ACSM 2009's novice loads: 8-12 for strength and hypertrophy alike (heavy triples wait
# until technique is grooved), 10-15 for endurance; bodyweight moves 6-10.
_NOVICE = {_EXTERNAL_COMPOUND: (8, 12), _EXTERNAL_ISOLATION: (8, 12), _BODYWEIGHT: (6, 10)}
_BEGINNER = {
    Goal.STRENGTH: _NOVICE,
    Goal.HYPERTROPHY: _NOVICE,
    Goal.ENDURANCE: {_EXTERNAL_COMPOUND: (10, 15), _EXTERNAL_ISOLATION: (10, 15)},
}
# A strength day's machine, cable or landmine lift (a lat pulldown, a T-bar row): a stack
# jumps in big steps and a guided path or a bent-over landmine row loses its position
# near a 3-rep max, so heavy sets there are 6-10 (ACSM 2009's 6-12 RM for strength on
# assistance lifts); the free-weight core lifts keep 3-6.
_STRENGTH_GUIDED = (6, 10)
GUIDED = frozenset({"machine", "cable", "landmine"})
_POWER_REPS = (8, 12)  # swings: crisp sets that end before the hips slow (not for endurance)
_ONE_SIDED_LOWEST = 5  # one side at a time, a strength set still has 5 reps a side
REP_OUT_FROM = 20  # an own range from here is a rep-out set (the Kroc row): 2 sets at most
# Rest in seconds by goal and mechanic, for beginner / intermediate / advanced. Heavy
# multi-joint lifts rest 2-3 minutes on hypertrophy days too (ACSM 2009; Schoenfeld et
# al. 2016: longer rests grew more muscle on such lifts); ballistic swings 60-90 s.
_REST = {
    (Goal.STRENGTH, Mechanic.COMPOUND): (120, 180, 240),
    (Goal.STRENGTH, Mechanic.ISOLATION): (60, 90, 90),
    (Goal.HYPERTROPHY, Mechanic.COMPOUND): (90, 90, 120),
    (Goal.HYPERTROPHY, Mechanic.ISOLATION): (60, 60, 60),
    (Goal.ENDURANCE, Mechanic.COMPOUND): (45, 45, 60),
    (Goal.ENDURANCE, Mechanic.ISOLATION): (30, 30, 45),
}
_HEAVY_HYPERTROPHY_REST = (120, 120, 180)
_POWER_REST = (60, 90, 90)


def _kind(exercise: Exercise) -> int:
    if exercise.power:
        return _POWER
    load = exercise.load_kind
    if load is LoadKind.BAND:
        return _BAND
    if load is not LoadKind.EXTERNAL:
        return _BODYWEIGHT
    return _EXTERNAL_COMPOUND if exercise.mechanic is Mechanic.COMPOUND else _EXTERNAL_ISOLATION


def reps(exercise: Exercise, goal: Goal, level: Level) -> tuple[int, int]:
    """The range for this exercise and goal: its own when it has one, else the table's."""
    if exercise.range is not None:
        return exercise.range
    kind = _kind(exercise)
    if kind == _POWER and goal is not Goal.ENDURANCE:
        return _POWER_REPS
    if level is Level.BEGINNER and kind in _BEGINNER[goal]:
        return _BEGINNER[goal][kind]
    low, high = _REPS[goal][kind]
    if goal is Goal.STRENGTH and kind == _EXTERNAL_COMPOUND and GUIDED & set(exercise.equipment):
        low, high = _STRENGTH_GUIDED
    if exercise.sides is Sides.EACH and goal is Goal.STRENGTH and low < _ONE_SIDED_LOWEST:
        return _ONE_SIDED_LOWEST, max(high, 8)
    return low, high


def rest_class(exercise: Exercise) -> Mechanic:
    """Power moves rest as compounds; holds, carries, stability drills and band work as
    isolation (light loads need 1-2 minutes, not the 2-5 of heavy multi-joint lifts:
    ACSM 2009)."""
    if exercise.power:
        return Mechanic.COMPOUND
    if (
        exercise.dose is not Dose.REPS
        or is_light(exercise)  # bands, and shoulder-health drills of 12-20 (a face pull)
        or exercise.pattern is Pattern.STABILITY
    ):
        return Mechanic.ISOLATION
    return exercise.mechanic


def rest(exercise: Exercise, goal: Goal, level: Level) -> int:
    """Seconds between sets: by goal and rest class, heavy multi-joint lifts (two-sided
    compounds, not light work) 2-3 min on hypertrophy days, swings 60-90 s."""
    kind = rest_class(exercise)
    if exercise.power and goal is not Goal.ENDURANCE:
        return _POWER_REST[level.rank]
    heavy = kind is Mechanic.COMPOUND and exercise.sides is Sides.BOTH
    if goal is Goal.HYPERTROPHY and heavy:
        return _HEAVY_HYPERTROPHY_REST[level.rank]
    return _REST[goal, kind][level.rank]


def effort(exercise: Exercise, goal: Goal, level: Level) -> tuple[int | None, int | None]:
    """Reps in reserve (Helms et al. 2016): beginners 3; strength 2; hypertrophy 1-2
    (compounds 2); endurance 2-3; a hinge or a ballistic move never closer than 2.
    Holds and carries carry none: they stop 5-10 s before form breaks (see
    `Prescription.effort`); nor do drills done for control (`control_drill`)."""
    if exercise.dose is not Dose.REPS or control_drill(exercise):
        return None, None
    if level is Level.BEGINNER:
        return 3, 3
    if goal is Goal.STRENGTH:
        low, high = 2, 2
    elif goal is Goal.ENDURANCE:
        low, high = 2, 3
    elif exercise.mechanic is Mechanic.COMPOUND:
        low, high = 2, 2
    else:
        low, high = 1, 2
    if exercise.is_hinge or exercise.power:
        low, high = max(low, 2), max(high, 2)
    return low, high


def control_drill(exercise: Exercise) -> bool:
    """A drill done for control, not to near failure (a bird dog, McGill's curl-up, a
    scapular pull-up): reps in reserve mean nothing there."""
    return exercise.preparation or (
        exercise.pattern is Pattern.STABILITY and exercise.load_kind is not LoadKind.EXTERNAL
    )


def shortest_rest(exercise: Exercise, goal: Goal) -> int:
    """The shortest rest the goal allows this kind of exercise (its beginners')."""
    return rest(exercise, goal, Level.BEGINNER)


def sets_per_exercise(goal: Goal, level: Level) -> int:
    return _SETS[goal][level.rank]


def prescribe(exercise: Exercise, goal: Goal, level: Level) -> Prescription:
    low, high = reps(exercise, goal, level)
    rir_min, rir_max = effort(exercise, goal, level)
    sets = sets_per_exercise(goal, level)
    if (exercise.dose is Dose.REPS and low >= REP_OUT_FROM) or exercise.preparation:
        sets = min(sets, 2)  # a rep-out set (the Kroc row), or a drill that readies
    return Prescription(
        sets=sets,
        reps_min=low,
        reps_max=high,
        rest_seconds=rest(exercise, goal, level),
        dose=exercise.dose,
        sides=exercise.sides,
        rir_min=rir_min,
        rir_max=rir_max,
    )


def unloaded_note(exercises: Sequence[Exercise], goal: Goal) -> list[str]:
    """A strength day with nothing that takes a load says so, and what would load it."""
    if goal is not Goal.STRENGTH or not exercises:
        return []
    if any(e.load_kind is LoadKind.EXTERNAL or e.belt for e in exercises):
        return []
    return [
        "Nothing in this strength day takes added weight: make each set hard with the "
        "harder variant, a 3-second lowering or a pause; a belt and plates, dumbbells "
        "or a barbell would let it load."
    ]
