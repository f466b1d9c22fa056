"""The values training makes and the store keeps: goals, prescriptions, sets, loads,
recency, and the planned workout itself."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from backplan.catalogue.model import Dose, Goal, Group, Level, LoadKind, Mechanic, Pattern, Sides
from backplan.training.loads import Load, SetDone, warmup_seconds

WARM_UP_SECONDS = 5 * 60
SET_UP_SECONDS = 90
SECONDS_PER_REP = 3
SECONDS_PER_METRE = 1  # a loaded carry walks about a metre a second
_WORK_SECONDS = {Dose.REPS: SECONDS_PER_REP, Dose.SECONDS: 1, Dose.METRES: SECONDS_PER_METRE}
_UNIT = {Dose.REPS: "", Dose.SECONDS: " s", Dose.METRES: " m"}
HOLD_EFFORT = "5–10 s spare"  # stop 5-10 s before form breaks: time in reserve
TRANSITION_SECONDS = 20  # from one exercise of a superset to the other (15-30 s)


@dataclass(frozen=True)
class Prescription:
    sets: int
    reps_min: int  # in the dose's unit: reps, seconds or metres
    reps_max: int
    rest_seconds: int
    dose: Dose = Dose.REPS
    sides: Sides = Sides.BOTH
    rir_min: int | None = None  # reps in reserve; None in history from before effort
    rir_max: int | None = None

    @property
    def work_seconds(self) -> int:
        """Time under the bar, each side of a one-sided move."""
        work = self.sets * self.reps_max * _WORK_SECONDS[self.dose]
        return work * 2 if self.sides is Sides.EACH else work

    @property
    def seconds(self) -> int:
        """Time under the bar, rests between sets, and setting up."""
        return self.work_seconds + (self.sets - 1) * self.rest_seconds + SET_UP_SECONDS

    @property
    def target(self) -> str:
        """'3 × 8–12', '3 × 30–45 s', '3 × 20–40 m per side'."""
        span = (
            str(self.reps_min)
            if self.reps_min == self.reps_max
            else f"{self.reps_min}–{self.reps_max}"
        )
        text = f"{self.sets} × {span}{_UNIT[self.dose]}"
        return text + " per side" if self.sides is Sides.EACH else text

    @property
    def effort(self) -> str | None:
        """'2 RIR', '1–2 RIR': reps in reserve at the end of each set; a hold or a carry
        has no reps to keep in reserve, so it stops short of failing form."""
        if self.dose is not Dose.REPS:
            return HOLD_EFFORT
        if self.rir_min is None or self.rir_max is None:
            return None
        if self.rir_min == self.rir_max:
            return f"{self.rir_min} RIR"
        return f"{self.rir_min}–{self.rir_max} RIR"


def pair_seconds(members: Sequence[PlannedExercise]) -> int:
    """An exercise's time, or a superset's: every member's work, a transition between
    them each round, and the longest of their rests after each round but the last."""
    if len(members) == 1:
        return members[0].seconds
    sets = [m.prescription.sets for m in members]
    rounds, shared = max(sets), min(sets)
    rest = max(m.prescription.rest_seconds for m in members)
    return (
        sum(
            m.prescription.work_seconds + SET_UP_SECONDS + warmup_seconds(m.warmup) for m in members
        )
        + shared * (len(members) - 1) * TRANSITION_SECONDS
        + (rounds - 1) * rest
    )


def minutes(seconds: float) -> int:
    """Rounded up to the minute."""
    return math.ceil(seconds / 60)


@dataclass(frozen=True)
class Recency:
    """What history says: when each exercise was last done, and the last session's ids."""

    last_done: Mapping[str, datetime] = field(default_factory=dict)
    previous: frozenset[str] = frozenset()
    uses: Mapping[str, int] = field(default_factory=dict)  # sessions that included each id

    def freshness(self, exercise_id: str) -> tuple[bool, float, int]:
        """Sorts the stalest first: never done, then done longest ago, then done least
        often (exercises of one session tie on time, and would otherwise always fall to
        the same tie-breaks)."""
        last = self.last_done.get(exercise_id)
        return (last is not None, last.timestamp() if last else 0.0, self.uses.get(exercise_id, 0))


@dataclass(frozen=True)
class PlannedExercise:
    """A snapshot of the exercise as planned, so history reads right after the catalogue changes."""

    position: int
    id: str
    name: str
    group: Group
    mechanic: Mechanic
    pattern: Pattern | None
    prescription: Prescription
    reason: str
    focus: str | None = None
    load: Load | None = None  # the suggested weight, when the exercise was logged before
    sets_logged: tuple[SetDone, ...] = ()  # what was done, once logged
    load_kind: LoadKind | None = None  # None in history from before load kinds
    warmup: tuple[SetDone, ...] = ()  # warm-up sets before the work sets
    skipped: bool = False  # skipped at the gym (backplan go)
    secondary: tuple[Group, ...] = ()  # other groups it loads: half a set each
    note: str | None = None
    superset: str | None = None  # the app's superset group, when it had one

    @property
    def seconds(self) -> int:
        return self.prescription.seconds + warmup_seconds(self.warmup)


@dataclass(frozen=True)
class OtherExercise:
    """Training outside the back catalogue, kept as it was logged and never planned."""

    position: int
    name: str  # as the app named it
    sets: tuple[SetDone, ...]
    note: str | None = None
    credit: tuple[Group, ...] = ()  # the groups it loads at half a set (a squat: lower back)
    warmup: tuple[SetDone, ...] = ()  # as the app logged them: they count nothing


@dataclass(frozen=True)
class Workout:
    created: datetime
    goal: Goal
    level: Level
    groups: tuple[Group, ...]
    exercises: tuple[PlannedExercise, ...]
    notes: tuple[str, ...] = ()
    seed: int | None = None
    equipment: frozenset[str] | None = None  # what was available; None: everything
    id: int | None = None
    program_id: int | None = None  # planned for a program's day: which program
    program_day: int | None = None  # and which of its days (numbered from 1)
    seconds_taken: int | None = None  # first to last logged set; None: not known
    note: str | None = None  # the lifter's own, not the planner's `notes`
    duration: int | None = None  # seconds, as another app timed the session
    source: str | None = None  # the app it was imported from
    other: tuple[OtherExercise, ...] = ()
    back: int | None = None  # how the back felt after it, 0-10 (`training.back`)

    @property
    def estimated_minutes(self) -> int:
        """The warm-up, each exercise, and each superset as its pair takes it."""
        return minutes(WARM_UP_SECONDS + sum(pair_seconds(group) for group in self.rounds()))

    def rounds(self) -> list[list[PlannedExercise]]:
        """The exercises as they are done: one alone, or a superset's together."""
        found: list[list[PlannedExercise]] = []
        where: dict[str, int] = {}
        for e in self.exercises:
            if e.superset is not None and e.superset in where:
                found[where[e.superset]].append(e)
                continue
            if e.superset is not None:
                where[e.superset] = len(found)
            found.append([e])
        return found

    def labels(self) -> dict[str, str]:
        """Each exercise's mark: its position, or A1, A2, B1 ... in a superset."""
        letters: dict[str, str] = {}
        count: dict[str, int] = {}
        found = {}
        for e in self.exercises:
            if e.superset is None:
                found[e.id] = str(e.position)
                continue
            letter = letters.setdefault(e.superset, chr(ord("A") + len(letters)))
            count[letter] = count.get(letter, 0) + 1
            found[e.id] = f"{letter}{count[letter]}"
        return found

    @property
    def minutes_taken(self) -> int | None:
        taken = self.duration if self.duration is not None else self.seconds_taken
        return None if taken is None else minutes(taken)

    def saved_as(self, workout_id: int) -> Workout:
        return replace(self, id=workout_id)

    def exercise(self, exercise_id: str) -> PlannedExercise | None:
        return next((e for e in self.exercises if e.id == exercise_id), None)

    @property
    def logged(self) -> bool:
        return any(e.sets_logged for e in self.exercises)

    def volume(self, unit: str) -> float:
        """Reps times weight, summed over every logged set, in `unit`."""
        return sum(s.reps * s.weight_in(unit) for e in self.exercises for s in e.sets_logged)
