"""The history store: SQLite in a real file, versioned with numbered migrations.

A database that is corrupt, foreign or from a newer backplan is refused with exit
code 1 and never written to: nothing here writes before the version is known.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from backplan.catalogue import Group, Level, Mechanic, Pattern
from backplan.errors import ENVIRONMENT, BackplanError
from backplan.planner import Recency
from backplan.prescription import Goal, Prescription
from backplan.workout import PlannedExercise, Workout

FILE_NAME = "history.sqlite3"
BUSY_TIMEOUT_SECONDS = 30.0

# Migration N takes the schema from version N-1 to N; PRAGMA user_version records it.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE workouts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            created TEXT NOT NULL,      -- ISO 8601 with the local offset, as the user saw it
            created_ts REAL NOT NULL,   -- seconds since the epoch, for ordering
            goal TEXT NOT NULL,
            level TEXT NOT NULL,
            groups TEXT NOT NULL,       -- JSON list of group names
            notes TEXT NOT NULL,        -- JSON list of notes
            seed INTEGER
        )""",
        "CREATE INDEX workouts_by_time ON workouts (created_ts)",
        """CREATE TABLE workout_exercises (
            workout_id INTEGER NOT NULL REFERENCES workouts (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            exercise_id TEXT NOT NULL,
            name TEXT NOT NULL,
            grp TEXT NOT NULL,
            mechanic TEXT NOT NULL,
            pattern TEXT,
            sets INTEGER NOT NULL,
            reps_min INTEGER NOT NULL,
            reps_max INTEGER NOT NULL,
            rest_seconds INTEGER NOT NULL,
            reason TEXT NOT NULL,
            focus TEXT,
            created_ts REAL NOT NULL,   -- the workout's, so "last done" is one index lookup
            PRIMARY KEY (workout_id, position)
        )""",
        "CREATE INDEX exercises_by_recency ON workout_exercises (exercise_id, created_ts)",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)


def default_path() -> Path:
    from backplan import paths

    return paths.data_dir() / FILE_NAME


class Store:
    """One open history database. Use `open_store`, and close it (or use `with`)."""

    def __init__(self, connection: sqlite3.Connection, path: Path | None) -> None:
        self._db = connection
        self.path = path

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    @contextmanager
    def _guard(self) -> Iterator[None]:
        with _guard(self.path):
            yield

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE takes the write lock up front, so concurrent writers queue."""
        with self._guard():
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.rollback()
                raise
            self._db.commit()

    # --- writes -------------------------------------------------------------------

    def save(self, workout: Workout) -> Workout:
        """Store the whole workout in one transaction; returns it with its id."""
        created_ts = workout.created.timestamp()
        with self._transaction() as db:
            cursor = db.execute(
                "INSERT INTO workouts (created, created_ts, goal, level, groups, notes, seed)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    workout.created.isoformat(timespec="seconds"),
                    created_ts,
                    workout.goal.value,
                    workout.level.value,
                    json.dumps([g.value for g in workout.groups]),
                    json.dumps(list(workout.notes)),
                    workout.seed,
                ),
            )
            workout_id = cursor.lastrowid
            assert workout_id is not None
            db.executemany(
                "INSERT INTO workout_exercises (workout_id, position, exercise_id, name, grp,"
                " mechanic, pattern, sets, reps_min, reps_max, rest_seconds, reason, focus,"
                " created_ts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        workout_id,
                        e.position,
                        e.id,
                        e.name,
                        e.group.value,
                        e.mechanic.value,
                        e.pattern.value if e.pattern else None,
                        e.prescription.sets,
                        e.prescription.reps_min,
                        e.prescription.reps_max,
                        e.prescription.rest_seconds,
                        e.reason,
                        e.focus,
                        created_ts,
                    )
                    for e in workout.exercises
                ],
            )
        return workout.saved_as(workout_id)

    def delete(self, workout_id: int) -> None:
        with self._transaction() as db:
            if db.execute("DELETE FROM workouts WHERE id = ?", (workout_id,)).rowcount == 0:
                raise _no_such_workout(workout_id)

    # --- reads --------------------------------------------------------------------

    def recency(self) -> Recency:
        """When each exercise was last done, and what the newest session held."""
        with self._guard():
            last = self._db.execute(
                "SELECT exercise_id, MAX(created_ts), COUNT(*) FROM workout_exercises"
                " GROUP BY exercise_id"
            ).fetchall()
            previous = self._db.execute(
                "SELECT exercise_id FROM workout_exercises WHERE workout_id = ("
                " SELECT id FROM workouts ORDER BY created_ts DESC, id DESC LIMIT 1)"
            ).fetchall()
        return Recency(
            last_done={ident: _local(ts) for ident, ts, _ in last},
            previous=frozenset(ident for (ident,) in previous),
            uses={ident: count for ident, _, count in last},
        )

    def usage(self, exercise_id: str) -> tuple[int, datetime | None]:
        """How many sessions included the exercise, and when it was last done."""
        with self._guard():
            count, last = self._db.execute(
                "SELECT COUNT(*), MAX(created_ts) FROM workout_exercises WHERE exercise_id = ?",
                (exercise_id,),
            ).fetchone()
        return count, _local(last) if last is not None else None

    def recent(self, last: int) -> list[Workout]:
        """The newest `last` workouts, newest first."""
        with self._guard():
            rows = self._db.execute(
                f"SELECT {_WORKOUT_COLUMNS} FROM workouts"
                " ORDER BY created_ts DESC, id DESC LIMIT ?",
                (last,),
            ).fetchall()
            return self._with_exercises(rows)

    def get(self, workout_id: int) -> Workout:
        with self._guard():
            rows = self._db.execute(
                f"SELECT {_WORKOUT_COLUMNS} FROM workouts WHERE id = ?", (workout_id,)
            ).fetchall()
            if not rows:
                raise _no_such_workout(workout_id)
            return self._with_exercises(rows)[0]

    def _with_exercises(self, rows: list[Any]) -> list[Workout]:
        ids = [row[0] for row in rows]
        exercises: dict[int, list[PlannedExercise]] = {workout_id: [] for workout_id in ids}
        marks = ",".join("?" * len(ids))
        for row in self._db.execute(
            "SELECT workout_id, position, exercise_id, name, grp, mechanic, pattern, sets,"
            " reps_min, reps_max, rest_seconds, reason, focus FROM workout_exercises"
            f" WHERE workout_id IN ({marks}) ORDER BY workout_id, position",
            ids,
        ):
            exercises[row[0]].append(_planned(row[1:]))
        return [_workout(row, exercises[row[0]]) for row in rows]


_WORKOUT_COLUMNS = "id, created, goal, level, groups, notes, seed"


def _local(timestamp: float) -> datetime:
    return datetime.fromtimestamp(timestamp).astimezone()


def _no_such_workout(workout_id: int) -> BackplanError:
    return BackplanError(
        f"No workout {workout_id} in your history. Run 'backplan history' to see the ids."
    )


def _planned(row: Any) -> PlannedExercise:
    position, ident, name, group, mechanic, pattern, sets, reps_min, reps_max, rest = row[:10]
    reason, focus = row[10:12]
    return PlannedExercise(
        position=position,
        id=ident,
        name=name,
        group=Group(group),
        mechanic=Mechanic(mechanic),
        pattern=Pattern(pattern) if pattern else None,
        prescription=Prescription(sets, reps_min, reps_max, rest),
        reason=reason,
        focus=focus,
    )


def _workout(row: Any, exercises: list[PlannedExercise]) -> Workout:
    workout_id, created, goal, level, groups, notes, seed = row
    return Workout(
        id=workout_id,
        created=datetime.fromisoformat(created),
        goal=Goal(goal),
        level=Level(level),
        groups=tuple(Group(g) for g in json.loads(groups)),
        exercises=tuple(exercises),
        notes=tuple(json.loads(notes)),
        seed=seed,
    )


# --- opening and migrating ----------------------------------------------------------


@contextmanager
def _guard(path: Path | None) -> Iterator[None]:
    """SQLite failures are the environment's (exit 1); the file is left as it is."""
    where = str(path) if path else "the history database"
    try:
        yield
    except sqlite3.DatabaseError as err:
        text = str(err)
        if "locked" in text or "busy" in text:
            message = f"{where} is busy: another backplan is still writing. Try again."
        elif "not a database" in text or "malformed" in text or "corrupt" in text:
            message = (
                f"{where} is corrupt or not a backplan database ({text}). "
                "It was left untouched; move it aside to start a new history."
            )
        else:
            message = f"{where} could not be used: {text}."
        raise BackplanError(message, exit_code=ENVIRONMENT) from None


def open_store(path: Path | None = None, *, create: bool = True) -> Store:
    """Open (and migrate) the history; without `create`, a missing file reads as empty."""
    path = path or default_path()
    if path.is_dir():
        raise BackplanError(
            f"{path} is a directory, not a history database.", exit_code=ENVIRONMENT
        )
    if not path.exists() and not create:
        return _migrated(sqlite3.connect(":memory:", isolation_level=None), None)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise BackplanError(
            f"Cannot create {path.parent}: {err.strerror or err}.", exit_code=ENVIRONMENT
        ) from None
    with _guard(path):
        connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
    try:
        return _migrated(connection, path)
    except BaseException:
        connection.close()
        raise


def _migrated(db: sqlite3.Connection, path: Path | None) -> Store:
    with _guard(path):
        version = db.execute("PRAGMA user_version").fetchone()[0]
        _refuse_newer(version, path)
        if version == 0 and db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0]:
            raise BackplanError(
                f"{path} is an SQLite database, but not backplan's; it was left untouched.",
                exit_code=ENVIRONMENT,
            )
        db.execute("PRAGMA foreign_keys = ON")
        if version < SCHEMA_VERSION:
            if version == 0:
                # Persistent; lets readers carry on while another process writes.
                db.execute("PRAGMA journal_mode = WAL")
            db.execute("BEGIN IMMEDIATE")
            try:
                # Another process may have migrated while this one waited for the lock.
                version = db.execute("PRAGMA user_version").fetchone()[0]
                _refuse_newer(version, path)
                for number in range(version + 1, SCHEMA_VERSION + 1):
                    for statement in MIGRATIONS[number - 1]:
                        db.execute(statement)
                db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            except BaseException:
                db.rollback()
                raise
            db.commit()
    return Store(db, path)


def _refuse_newer(version: int, path: Path | None) -> None:
    if version > SCHEMA_VERSION:
        raise BackplanError(
            f"{path} was written by a newer backplan (schema {version}; this one reads up to "
            f"{SCHEMA_VERSION}). Upgrade backplan; the file was left untouched.",
            exit_code=ENVIRONMENT,
        )
