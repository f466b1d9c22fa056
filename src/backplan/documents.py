"""The JSON documents of `--json` and export: stable keys, built in one place."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from backplan.catalogue.model import BODYWEIGHT, Exercise, Goal, Group

if TYPE_CHECKING:
    from backplan.config import Config
    from backplan.training.loads import Load, SetDone
    from backplan.training.model import OtherExercise, PlannedExercise, Workout
    from backplan.training.program import Program
    from backplan.training.recovery import GroupStatus, Usage


def exercise_json(exercise: Exercise) -> dict[str, Any]:
    return {
        "id": exercise.id,
        "name": exercise.name,
        "group": exercise.group.value,
        "equipment": list(exercise.equipment),
        "level": exercise.level.value,
        "mechanic": exercise.mechanic.value,
        "pattern": exercise.pattern.value if exercise.pattern else None,
        "cues": list(exercise.cues),
        "focus": exercise.focus,
        "dose": exercise.dose.value,
        "sides": exercise.sides.value,
        "load": exercise.load_kind.value,
        "range": list(exercise.range) if exercise.range else None,
        "goals": [g.value for g in Goal if g in exercise.goals],
        "family": exercise.family_name,
        "power": exercise.power,
        "belt": exercise.belt,
        "main": exercise.main,
        "role": exercise.role.value,
        "harder": exercise.harder,
        "easier": exercise.easier,
        "aliases": list(exercise.aliases),
    }


def load_json(load: Load | None) -> dict[str, Any] | None:
    if load is None:
        return None
    return {
        "weight": load.weight,
        "unit": load.unit,
        "change": load.change,
        "reason": load.reason,
        "reps": load.reps,
        "variant": load.variant,
        "plates": None if load.plates is None else list(load.plates),  # one side's
        "added": load.added,
    }


def set_json(s: SetDone) -> dict[str, Any]:
    return {"reps": s.reps, "weight": s.weight, "unit": s.unit, "dose": s.dose.value,
            "rir": s.rir, "kind": s.kind, "note": s.note, "rest": s.rest}  # fmt: skip


def planned_json(e: PlannedExercise) -> dict[str, Any]:
    """One exercise of a workout, with the spec's keys."""
    return {
        "position": e.position,
        "id": e.id,
        "name": e.name,
        "group": e.group.value,
        "mechanic": e.mechanic.value,
        "pattern": e.pattern.value if e.pattern else None,
        "sets": e.prescription.sets,
        "reps_min": e.prescription.reps_min,
        "reps_max": e.prescription.reps_max,
        "rest_seconds": e.prescription.rest_seconds,
        "reason": e.reason,
        "load": load_json(e.load),
        "dose": e.prescription.dose.value,
        "sides": e.prescription.sides.value,
        # `load` is the suggested weight (round 1's key); how the exercise gets harder
        # goes beside it.
        "load_type": e.load_kind.value if e.load_kind else None,
        "rir_min": e.prescription.rir_min,
        "rir_max": e.prescription.rir_max,
        "warmup": [
            {
                "reps": w.reps,
                "weight": w.weight,
                "unit": w.unit,
                "plates": None if w.plates is None else list(w.plates),
            }
            for w in e.warmup
        ],
        # Other groups it loads, credited half a set for each set.
        "secondary": [g.value for g in e.secondary],
        "note": e.note,
        "superset": e.superset,
    }


def sets_json(e: PlannedExercise) -> list[dict[str, Any]]:
    return [set_json(s) for s in e.sets_logged]


def other_json(e: OtherExercise) -> dict[str, Any]:
    """Training outside the back catalogue, as logged."""
    return {
        "position": e.position,
        "name": e.name,
        "note": e.note,
        "credit": [g.value for g in e.credit],
        "sets": [
            {k: v for k, v in set_json(s).items() if k not in ("rir", "note", "rest")}
            for s in e.sets
        ],
        "warmup": [
            {k: v for k, v in set_json(s).items() if k not in ("rir", "note", "rest", "kind")}
            for s in e.warmup
        ],
    }


def own_json(workout: Workout) -> dict[str, Any]:
    """What a workout carries besides the plan: the lifter's note, the time another app
    took, where it came from, and the training outside the back."""
    return {
        "note": workout.note,
        "duration_seconds": workout.duration,
        "source": workout.source,
        "other": [other_json(e) for e in workout.other],
        "back": workout.back,
    }


def program_link(workout: Workout) -> dict[str, Any] | None:
    """Planned for a program's session: which program, which session (from 1)."""
    if workout.program_id is None:
        return None
    return {"id": workout.program_id, "session": workout.program_day}


def workout_json(workout: Workout, with_logs: bool = False) -> dict[str, Any]:
    """The spec's workout document; history's also carries what was logged."""
    return {
        "id": workout.id,
        "created": workout.created.isoformat(timespec="seconds"),
        "goal": workout.goal.value,
        "level": workout.level.value,
        "groups": [g.value for g in workout.groups],
        "estimated_minutes": workout.estimated_minutes,
        "minutes_taken": workout.minutes_taken,
        "notes": list(workout.notes),
        "exercises": [
            {**planned_json(e), "sets_logged": sets_json(e)} if with_logs else planned_json(e)
            for e in workout.exercises
        ],
        "program": program_link(workout),
        **(own_json(workout) if with_logs else {}),
    }


def config_json(settings: Config) -> dict[str, Any]:
    return {
        "equipment": None
        if settings.equipment is None
        else sorted(settings.equipment - {BODYWEIGHT}),
        "level": settings.level.value if settings.level else None,
        "goal": settings.goal.value if settings.goal else None,
        "exercises": settings.exercises,
        "unit": settings.unit,
        "step": dict(sorted(settings.step.items())),
        "plates": None if settings.plates is None else list(settings.plates),
        "bar": settings.bar,
        "sync_dir": settings.sync_dir,
    }


def status_json(groups: Sequence[GroupStatus]) -> list[dict[str, Any]]:
    return [
        {
            "group": s.group.value,
            "last_trained": s.last_trained.isoformat(timespec="seconds")
            if s.last_trained
            else None,
            "sets_last_7_days": s.sets_last_7_days,
            "status": "ready" if s.ready else "recovering",
            "ready_at": s.ready_at.isoformat(timespec="seconds") if s.ready_at else None,
            "reason": s.reason,
            "partial": s.partial,  # of the sets, those at half credit from other groups' lifts
        }
        for s in groups
    ]


def stats_json(weeks: Sequence[tuple[date, dict[Group, float]]], usage: Usage) -> dict[str, Any]:
    from backplan.training.recovery import WEEKLY_SETS_MARK

    return {
        "weekly_sets_mark": WEEKLY_SETS_MARK,
        "weeks": [
            {"week_of": start.isoformat(), "sets": {g.value: n for g, n in sets.items()}}
            for start, sets in weeks
        ],
        "never_done": [e.id for e in usage.never_done],
        "most_used": [{"id": e.id, "sessions": n} for e, n in usage.most_used],
        "least_used": [{"id": e.id, "sessions": n} for e, n in usage.least_used],
    }


def program_head(program: Program) -> dict[str, Any]:
    """What a program is, as `program show --json` and the export both begin it."""
    return {
        "id": program.id,
        "created": program.created.isoformat(timespec="seconds"),
        "start": program.start.isoformat(),
        "weeks": program.weeks,
        "days": program.days,
        "goal": program.goal_name,
        "level": program.level.value,
        "groups": [g.value for g in program.groups],
        "equipment": None if program.equipment is None else sorted(program.equipment),
    }
