"""A planned workout: what the planner returns, history stores and render prints."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from backplan.catalogue import Group, Level, Mechanic, Pattern
from backplan.prescription import Goal, Prescription, estimated_minutes


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


@dataclass(frozen=True)
class Workout:
    created: datetime
    goal: Goal
    level: Level
    groups: tuple[Group, ...]
    exercises: tuple[PlannedExercise, ...]
    notes: tuple[str, ...] = ()
    seed: int | None = None
    id: int | None = None

    @property
    def estimated_minutes(self) -> int:
        return estimated_minutes(e.prescription for e in self.exercises)

    def saved_as(self, workout_id: int) -> Workout:
        return replace(self, id=workout_id)
