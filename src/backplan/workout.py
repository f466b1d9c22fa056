"""A planned workout: what the planner returns, history stores and render prints."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from backplan.catalogue import Group, Level, Mechanic, Pattern
from backplan.prescription import Goal, Prescription, estimated_minutes
from backplan.progression import Load, SetDone


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

    @property
    def estimated_minutes(self) -> int:
        return estimated_minutes(e.prescription for e in self.exercises)

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
