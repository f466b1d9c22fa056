"""The history store: SQLite in a real file, versioned with numbered migrations.

A database that is corrupt, foreign or from a newer backplan is refused with exit
code 1 and never written to: nothing here writes before the version is known.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from backplan.catalogue import Group, Level, Mechanic, Pattern
from backplan.errors import ENVIRONMENT, BackplanError
from backplan.planner import Recency
from backplan.prescription import Goal, Prescription
from backplan.progression import Load, Session, SetDone
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
    (
        "ALTER TABLE workouts ADD COLUMN equipment TEXT",  # JSON list; NULL: everything
        "ALTER TABLE workout_exercises ADD COLUMN load_weight REAL",  # the suggestion when planned
        "ALTER TABLE workout_exercises ADD COLUMN load_unit TEXT",
        "ALTER TABLE workout_exercises ADD COLUMN load_change TEXT",
        "ALTER TABLE workout_exercises ADD COLUMN load_reason TEXT",
        """CREATE TABLE logged_sets (
            workout_id INTEGER NOT NULL REFERENCES workouts (id) ON DELETE CASCADE,
            exercise_id TEXT NOT NULL,
            set_number INTEGER NOT NULL,
            reps INTEGER NOT NULL,
            weight REAL,                -- NULL: bodyweight alone
            unit TEXT NOT NULL,
            created_ts REAL NOT NULL,   -- the workout's, for "last logged" by index
            PRIMARY KEY (workout_id, exercise_id, set_number)
        )""",
        "CREATE INDEX logged_by_exercise ON logged_sets (exercise_id, created_ts)",
        """CREATE TABLE marks (
            exercise_id TEXT PRIMARY KEY,
            mark TEXT NOT NULL CHECK (mark IN ('pin', 'ban'))
        )""",
    ),
    (
        # "When was each group last trained" and "sets per group since" read this alone.
        "CREATE INDEX exercises_by_group ON workout_exercises (grp, created_ts)",
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
        with self._transaction() as db:
            workout_id = self._insert(db, workout)
        return workout.saved_as(workout_id)

    @staticmethod
    def _insert(db: sqlite3.Connection, workout: Workout) -> int:
        created_ts = workout.created.timestamp()
        cursor = db.execute(
            "INSERT INTO workouts (created, created_ts, goal, level, groups, notes, seed,"
            " equipment) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                workout.created.isoformat(timespec="seconds"),
                created_ts,
                workout.goal.value,
                workout.level.value,
                json.dumps([g.value for g in workout.groups]),
                json.dumps(list(workout.notes)),
                workout.seed,
                None if workout.equipment is None else json.dumps(sorted(workout.equipment)),
            ),
        )
        workout_id = cursor.lastrowid
        assert workout_id is not None
        db.executemany(
            f"INSERT INTO workout_exercises (workout_id, {_EXERCISE_COLUMNS}, created_ts)"
            f" VALUES (?, {_EXERCISE_MARKS}, ?)",
            [(workout_id, *_exercise_row(e), created_ts) for e in workout.exercises],
        )
        return workout_id

    @staticmethod
    def _insert_sets(
        db: sqlite3.Connection,
        workout_id: int,
        created_ts: float,
        exercise_id: str,
        sets: Sequence[SetDone],
    ) -> None:
        db.executemany(
            "INSERT INTO logged_sets (workout_id, exercise_id, set_number, reps, weight, unit,"
            " created_ts) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (workout_id, exercise_id, number, s.reps, s.weight, s.unit, created_ts)
                for number, s in enumerate(sets, start=1)
            ],
        )

    def replace_exercise(self, workout_id: int, planned: PlannedExercise) -> None:
        """Put `planned` in its position of a stored workout (swap), in one transaction."""
        with self._transaction() as db:
            db.execute(
                f"UPDATE workout_exercises SET ({_EXERCISE_COLUMNS}) = ({_EXERCISE_MARKS})"
                " WHERE workout_id = ? AND position = ?",
                (*_exercise_row(planned), workout_id, planned.position),
            )

    def log(self, workout_id: int, exercise_id: str, sets: Sequence[SetDone]) -> int:
        """Record the sets done of one exercise of a workout; returns how many it replaced."""
        with self._transaction() as db:
            created_ts = db.execute(
                "SELECT created_ts FROM workouts WHERE id = ?", (workout_id,)
            ).fetchone()
            if created_ts is None:
                raise _no_such_workout(workout_id)
            replaced = db.execute(
                "DELETE FROM logged_sets WHERE workout_id = ? AND exercise_id = ?",
                (workout_id, exercise_id),
            ).rowcount
            self._insert_sets(db, workout_id, created_ts[0], exercise_id, sets)
        return replaced

    def set_mark(self, exercise_id: str, mark: str | None) -> str | None:
        """Pin, ban or (None) clear an exercise; returns the mark it had before."""
        with self._transaction() as db:
            before = db.execute(
                "SELECT mark FROM marks WHERE exercise_id = ?", (exercise_id,)
            ).fetchone()
            if mark is None:
                db.execute("DELETE FROM marks WHERE exercise_id = ?", (exercise_id,))
            else:
                self._put_mark(db, exercise_id, mark)
        return str(before[0]) if before else None

    @staticmethod
    def _put_mark(db: sqlite3.Connection, exercise_id: str, mark: str) -> None:
        db.execute(
            "INSERT INTO marks (exercise_id, mark) VALUES (?, ?)"
            " ON CONFLICT (exercise_id) DO UPDATE SET mark = excluded.mark",
            (exercise_id, mark),
        )

    def delete(self, workout_id: int) -> None:
        with self._transaction() as db:
            if db.execute("DELETE FROM workouts WHERE id = ?", (workout_id,)).rowcount == 0:
                raise _no_such_workout(workout_id)

    # --- reads --------------------------------------------------------------------

    def recency(self, before: Workout | None = None) -> Recency:
        """When each exercise was last done, how often, and what the newest session held;
        with `before`, as things stood just before that workout."""
        where, args = "", ()  # type: tuple[str, tuple[object, ...]]
        if before is not None:
            where = " WHERE (w.created_ts, w.id) < (?, ?)"
            args = (before.created.timestamp(), before.id)
        with self._guard():
            if before is None:  # the common case reads the index alone
                last = self._db.execute(
                    "SELECT exercise_id, MAX(created_ts), COUNT(*) FROM workout_exercises"
                    " GROUP BY exercise_id"
                ).fetchall()
            else:
                last = self._db.execute(
                    "SELECT e.exercise_id, MAX(e.created_ts), COUNT(*) FROM workout_exercises e"
                    f" JOIN workouts w ON w.id = e.workout_id{where} GROUP BY e.exercise_id",
                    args,
                ).fetchall()
            previous = self._db.execute(
                "SELECT exercise_id FROM workout_exercises WHERE workout_id = ("
                f" SELECT w.id FROM workouts w{where}"
                " ORDER BY w.created_ts DESC, w.id DESC LIMIT 1)",
                args,
            ).fetchall()
        return Recency(
            last_done={ident: _local(ts) for ident, ts, _ in last},
            previous=frozenset(ident for (ident,) in previous),
            uses={ident: count for ident, _, count in last},
        )

    def sessions(self, exercise_id: str, limit: int = 2) -> list[Session]:
        """The exercise's last `limit` logged sessions, newest first, for progression."""
        with self._guard():
            workouts = self._db.execute(
                "SELECT DISTINCT l.workout_id, e.reps_min, e.reps_max, l.created_ts"
                " FROM logged_sets l JOIN workout_exercises e"
                " ON e.workout_id = l.workout_id AND e.exercise_id = l.exercise_id"
                " WHERE l.exercise_id = ? ORDER BY l.created_ts DESC, l.workout_id DESC LIMIT ?",
                (exercise_id, limit),
            ).fetchall()
            return [
                Session(reps_min, reps_max, self._sets(workout_id, exercise_id))
                for workout_id, reps_min, reps_max, _ in workouts
            ]

    def _sets(self, workout_id: int, exercise_id: str) -> tuple[SetDone, ...]:
        rows = self._db.execute(
            "SELECT reps, weight, unit FROM logged_sets WHERE workout_id = ? AND exercise_id = ?"
            " ORDER BY set_number",
            (workout_id, exercise_id),
        )
        return tuple(SetDone(reps, weight, unit) for reps, weight, unit in rows)

    def marks(self) -> dict[str, str]:
        """Pinned and banned exercise ids: {id: 'pin' | 'ban'}."""
        with self._guard():
            return dict(self._db.execute("SELECT exercise_id, mark FROM marks").fetchall())

    def last_trained(self) -> dict[Group, datetime]:
        """When each group was last in a workout."""
        with self._guard():
            found = {
                group: self._db.execute(
                    "SELECT MAX(created_ts) FROM workout_exercises WHERE grp = ?", (group.value,)
                ).fetchone()[0]
                for group in Group
            }
        return {group: _local(ts) for group, ts in found.items() if ts is not None}

    def sets_between(self, since: datetime, until: datetime) -> list[tuple[Group, datetime, int]]:
        """(group, when, sets) for every exercise done in that time: the sets logged, or
        the sets planned where nothing was logged."""
        query = (
            "SELECT e.grp, e.created_ts, COALESCE(("
            " SELECT NULLIF(COUNT(*), 0) FROM logged_sets l"
            " WHERE l.workout_id = e.workout_id AND l.exercise_id = e.exercise_id), e.sets)"
            " FROM workout_exercises e WHERE e.grp = ? AND e.created_ts BETWEEN ? AND ?"
        )
        span = (since.timestamp(), until.timestamp())
        with self._guard():
            rows = [
                row
                for group in Group  # one index range per group
                for row in self._db.execute(query, (group.value, *span))
            ]
        return [(Group(grp), _local(ts), sets) for grp, ts, sets in rows]

    def count(self) -> int:
        with self._guard():
            return int(self._db.execute("SELECT COUNT(*) FROM workouts").fetchone()[0])

    def every(self, chunk: int = 500) -> Iterator[Workout]:
        """Every workout, oldest first, read a chunk at a time so memory stays flat."""
        with self._guard():
            order = [
                row[0]
                for row in self._db.execute("SELECT id FROM workouts ORDER BY created_ts, id")
            ]
        for start in range(0, len(order), chunk):
            ids = order[start : start + chunk]
            with self._guard():
                rows = self._db.execute(
                    f"SELECT {_WORKOUT_COLUMNS} FROM workouts"
                    f" WHERE id IN ({','.join('?' * len(ids))}) ORDER BY created_ts, id",
                    ids,
                ).fetchall()
                workouts = self._with_exercises(rows)
            yield from workouts

    def add(self, workouts: Sequence[Workout], marks: dict[str, str]) -> int:
        """Import: add the workouts not already here (same time, same exercises) and the
        marks, all in one transaction; returns how many workouts were added."""
        with self._guard():
            ids: dict[int, tuple[float, list[str]]] = {}
            for workout_id, created_ts, exercise_id in self._db.execute(
                "SELECT w.id, w.created_ts, e.exercise_id FROM workouts w"
                " JOIN workout_exercises e ON e.workout_id = w.id ORDER BY w.id, e.position"
            ):
                ids.setdefault(workout_id, (created_ts, []))[1].append(exercise_id)
        existing = {_same_workout(ts, names) for ts, names in ids.values()}
        fresh = [
            w
            for w in workouts
            if _same_workout(w.created.timestamp(), [e.id for e in w.exercises]) not in existing
        ]
        with self._transaction() as db:
            for workout in fresh:
                workout_id = self._insert(db, workout)
                for exercise in workout.exercises:
                    self._insert_sets(
                        db,
                        workout_id,
                        workout.created.timestamp(),
                        exercise.id,
                        exercise.sets_logged,
                    )
            for exercise_id, mark in marks.items():
                self._put_mark(db, exercise_id, mark)
        return len(fresh)

    def latest_id(self) -> int:
        with self._guard():
            row = self._db.execute(
                "SELECT id FROM workouts ORDER BY created_ts DESC, id DESC LIMIT 1"
            ).fetchone()
        if row is None:
            raise BackplanError("No workouts yet: plan one with 'backplan workout'.")
        return int(row[0])

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
        """Workouts from their rows, with their exercises and logged sets: two queries."""
        ids = [row[0] for row in rows]
        marks = ",".join("?" * len(ids))
        logged: dict[tuple[int, str], list[SetDone]] = {}
        for workout_id, exercise_id, reps, weight, unit in self._db.execute(
            "SELECT workout_id, exercise_id, reps, weight, unit FROM logged_sets"
            f" WHERE workout_id IN ({marks}) ORDER BY workout_id, exercise_id, set_number",
            ids,
        ):
            logged.setdefault((workout_id, exercise_id), []).append(SetDone(reps, weight, unit))
        exercises: dict[int, list[PlannedExercise]] = {workout_id: [] for workout_id in ids}
        for row in self._db.execute(
            f"SELECT workout_id, {_EXERCISE_COLUMNS} FROM workout_exercises"
            f" WHERE workout_id IN ({marks}) ORDER BY workout_id, position",
            ids,
        ):
            sets = tuple(logged.get((row[0], row[2]), ()))
            exercises[row[0]].append(_planned(row[1:], sets))
        return [_workout(row, exercises[row[0]]) for row in rows]


_WORKOUT_COLUMNS = "id, created, goal, level, groups, notes, seed, equipment"
_EXERCISE_COLUMNS = (
    "position, exercise_id, name, grp, mechanic, pattern, sets, reps_min, reps_max,"
    " rest_seconds, reason, focus, load_weight, load_unit, load_change, load_reason"
)
_EXERCISE_MARKS = ", ".join("?" * len(_EXERCISE_COLUMNS.split(",")))


def _exercise_row(e: PlannedExercise) -> tuple[Any, ...]:
    load = e.load
    return (
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
        load.weight if load else None,
        load.unit if load else None,
        load.change if load else None,
        load.reason if load else None,
    )


def marked(marks: dict[str, str], mark: str) -> frozenset[str]:
    """The ids with this mark ('pin' or 'ban')."""
    return frozenset(ident for ident, kind in marks.items() if kind == mark)


def _same_workout(created_ts: float, exercise_ids: Sequence[str]) -> tuple[int, str]:
    """What makes two workouts the same for import: the second they were planned (exports
    keep whole seconds, cut rather than rounded) and their exercises in order."""
    return math.floor(created_ts), " ".join(exercise_ids)


def _local(timestamp: float) -> datetime:
    return datetime.fromtimestamp(timestamp).astimezone()


def _no_such_workout(workout_id: int) -> BackplanError:
    return BackplanError(
        f"No workout {workout_id} in your history. Run 'backplan history' to see the ids."
    )


def _planned(row: Any, sets_logged: tuple[SetDone, ...]) -> PlannedExercise:
    position, ident, name, group, mechanic, pattern, sets, reps_min, reps_max, rest = row[:10]
    reason, focus, load_weight, load_unit, load_change, load_reason = row[10:16]
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
        load=None
        if load_weight is None
        else Load(load_weight, load_unit, load_change, load_reason),
        sets_logged=sets_logged,
    )


def _workout(row: Any, exercises: list[PlannedExercise]) -> Workout:
    workout_id, created, goal, level, groups, notes, seed, equipment = row
    return Workout(
        id=workout_id,
        created=datetime.fromisoformat(created),
        goal=Goal(goal),
        level=Level(level),
        groups=tuple(Group(g) for g in json.loads(groups)),
        exercises=tuple(exercises),
        notes=tuple(json.loads(notes)),
        seed=seed,
        equipment=None if equipment is None else frozenset(json.loads(equipment)),
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
        # One statement, one snapshot: another backplan may be creating the file right now.
        version, objects = db.execute(
            "SELECT user_version, (SELECT COUNT(*) FROM sqlite_master) FROM pragma_user_version"
        ).fetchone()
        _refuse_newer(version, path)
        if version == 0 and objects:
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
