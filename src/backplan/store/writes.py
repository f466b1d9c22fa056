"""Writing a workout and its sets, inside a transaction the caller holds."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from backplan.store.rows import (
    EXERCISE_COLUMNS,
    EXERCISE_MARKS,
    SET_COLUMNS,
    exercise_row,
    other_row,
    set_row,
)
from backplan.training.loads import SetDone
from backplan.training.model import Workout


def insert_workout(db: sqlite3.Connection, workout: Workout) -> int:
    """A new row for the workout, its exercises and its other training (not its logged
    sets: `insert_sets`); its id. An imported workout keeps its id when it is free."""
    created_ts = workout.created.timestamp()
    free = (
        workout.id is not None
        and not db.execute("SELECT 1 FROM workouts WHERE id = ?", (workout.id,)).fetchone()
    )
    cursor = db.execute(
        "INSERT INTO workouts (id, created, created_ts, goal, level, groups, notes, seed,"
        " equipment, program_id, program_day, note, duration, source, back)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            workout.id if free else None,
            workout.created.isoformat(timespec="seconds"),
            created_ts,
            workout.goal.value,
            workout.level.value,
            json.dumps([g.value for g in workout.groups]),
            json.dumps(list(workout.notes)),
            workout.seed,
            None if workout.equipment is None else json.dumps(sorted(workout.equipment)),
            workout.program_id,
            workout.program_day,
            workout.note,
            workout.duration,
            workout.source,
            workout.back,
        ),
    )
    workout_id = cursor.lastrowid
    assert workout_id is not None
    insert_parts(db, workout_id, workout)
    return workout_id


def insert_parts(db: sqlite3.Connection, workout_id: int, workout: Workout) -> None:
    """The workout's exercises and other training, under `workout_id`."""
    created_ts = workout.created.timestamp()
    db.executemany(
        "INSERT INTO other_training (workout_id, position, name, sets, note, credit)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [(workout_id, *other_row(e)) for e in workout.other],
    )
    db.executemany(
        f"INSERT INTO workout_exercises (workout_id, {EXERCISE_COLUMNS}, created_ts)"
        f" VALUES (?, {EXERCISE_MARKS}, ?)",
        [(workout_id, *exercise_row(e), created_ts) for e in workout.exercises],
    )


def insert_sets(
    db: sqlite3.Connection,
    workout_id: int,
    created_ts: float,
    exercise_id: str,
    sets: Sequence[SetDone],
    first: int = 1,
    logged_at: float | None = None,
) -> None:
    db.executemany(
        f"INSERT INTO logged_sets (workout_id, exercise_id, set_number, {SET_COLUMNS},"
        " created_ts, logged_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (workout_id, exercise_id, number, *set_row(s), created_ts, logged_at)
            for number, s in enumerate(sets, start=first)
        ],
    )


def insert_logged(db: sqlite3.Connection, workout_id: int, workout: Workout) -> None:
    """Every exercise's logged sets."""
    for exercise in workout.exercises:
        insert_sets(db, workout_id, workout.created.timestamp(), exercise.id, exercise.sets_logged)
