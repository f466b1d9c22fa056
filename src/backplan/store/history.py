"""The history store: workouts, logged sets and marks, read and written in transactions."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from backplan.errors import BackplanError
from backplan.store.devices import Devices
from backplan.store.edits import Edits
from backplan.store.gym import Gym
from backplan.store.incoming import Incoming
from backplan.store.migrations import check_intact, connect
from backplan.store.notes import Notes
from backplan.store.programs import Programs
from backplan.store.queries import Queries
from backplan.store.rows import (
    EXERCISE_COLUMNS,
    EXERCISE_MARKS,
    READ_EXERCISE_COLUMNS,
    SET_COLUMNS,
    WORKOUT_COLUMNS,
    exercise_row,
    no_such_workout,
    other_from_row,
    planned_exercise,
    set_from_row,
    sets_of,
    unreadable,
    workout_from_row,
)
from backplan.store.writes import insert_sets, insert_workout
from backplan.training.loads import SetDone
from backplan.training.model import OtherExercise, PlannedExercise, Workout
from backplan.when import same_day


def open_store(path: Path | None = None, *, create: bool = True) -> Store:
    """Open (and migrate) the history; without `create`, a missing file reads as empty."""
    connection, where, read_only = connect(path, create=create)
    return Store(connection, where, read_only)


class Store(Queries, Programs, Gym, Incoming, Notes, Devices, Edits):
    """One open history database. Use `open_store`, and close it (or use `with`)."""

    def __init__(
        self, connection: sqlite3.Connection, path: Path | None, read_only: str | None = None
    ) -> None:
        self._db = connection
        self.path = path
        self.read_only = read_only

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    # --- writes -------------------------------------------------------------------

    def save(self, workout: Workout) -> Workout:
        """Store the whole workout in one transaction; returns it with its id."""
        with self._transaction() as db:
            workout_id = insert_workout(db, workout)
        return workout.saved_as(workout_id)

    def replace_exercise(self, workout_id: int, planned: PlannedExercise) -> None:
        """Put `planned` in its position of a stored workout (swap), in one transaction."""
        with self._transaction() as db:
            db.execute(
                f"UPDATE workout_exercises SET ({EXERCISE_COLUMNS}) = ({EXERCISE_MARKS})"
                " WHERE workout_id = ? AND position = ?",
                (*exercise_row(planned), workout_id, planned.position),
            )

    def log(
        self,
        workout_id: int,
        exercise_id: str,
        sets: Sequence[SetDone],
        *,
        replace: bool = False,
        planned: PlannedExercise | None = None,
        when: float | None = None,
        after: int | None = None,
    ) -> tuple[SetDone, ...]:
        """Record sets done of one exercise of a workout, after any logged before (or in
        their place, with `replace`), in one transaction; returns the sets that were
        there. `planned`, when given, is added to the workout first (an exercise done
        that was not planned). `after`: how many sets the caller saw logged; when another
        process logged one since, nothing is written and the error says so."""
        with self._transaction() as db:
            created_ts = self._created_ts(db, workout_id)
            if planned is not None:
                self._add_exercise(db, workout_id, created_ts, planned)
            before = sets_of(db, workout_id, exercise_id)
            if after is not None and len(before) != after:
                raise BackplanError(
                    f"Set {after + 1} of {exercise_id} is already logged (by another backplan "
                    "at the same time?); nothing was added. Here is where the session stands."
                )
            if replace:
                db.execute(
                    "DELETE FROM logged_sets WHERE workout_id = ? AND exercise_id = ?",
                    (workout_id, exercise_id),
                )
            first = 1 if replace else len(before) + 1
            insert_sets(db, workout_id, created_ts, exercise_id, sets, first, when)
        return before

    def append_exercise(self, workout_id: int, planned: PlannedExercise) -> None:
        """An exercise added to a stored workout, after its others (go's `a`)."""
        with self._transaction() as db:
            self._add_exercise(db, workout_id, self._created_ts(db, workout_id), planned)

    @staticmethod
    def _created_ts(db: sqlite3.Connection, workout_id: int) -> float:
        """When a workout was made (its exercises and sets carry it), or no such workout."""
        row = db.execute("SELECT created_ts FROM workouts WHERE id = ?", (workout_id,)).fetchone()
        if row is None:
            raise no_such_workout(workout_id)
        return float(row[0])

    @staticmethod
    def _add_exercise(
        db: sqlite3.Connection, workout_id: int, created_ts: float, planned: PlannedExercise
    ) -> None:
        """At the end of the workout."""
        (last,) = db.execute(
            "SELECT COALESCE(MAX(position), 0) FROM workout_exercises WHERE workout_id = ?",
            (workout_id,),
        ).fetchone()
        row = exercise_row(dataclasses.replace(planned, position=last + 1))
        db.execute(
            f"INSERT INTO workout_exercises (workout_id, {EXERCISE_COLUMNS}, created_ts)"
            f" VALUES (?, {EXERCISE_MARKS}, ?)",
            (workout_id, *row, created_ts),
        )

    def save_plan(self, planned: Workout, replace: bool) -> tuple[Workout, int | None, bool]:
        """Today's plan, decided and saved in one transaction, so that backplans planning
        at once leave one unlogged plan and never delete a logged set. When the latest
        workout is a plan of the same day with nothing logged, it is shown again (without
        `replace`) or replaced. Returns the workout, the id it replaced, and whether it
        is the plan shown again."""
        with self._transaction() as db:
            row = db.execute(
                "SELECT id, created FROM workouts ORDER BY created_ts DESC, id DESC LIMIT 1"
            ).fetchone()
            latest = None
            if row is not None and same_day(datetime.fromisoformat(row[1]), planned.created):
                logged = db.execute(
                    "SELECT 1 FROM logged_sets WHERE workout_id = ? LIMIT 1", (row[0],)
                ).fetchone()
                latest = None if logged else int(row[0])
            if latest is not None and not replace:
                shown_again = self.get(latest)  # read inside the lock: it cannot go now
            else:
                if latest is not None:  # nothing logged in it: checked inside the lock
                    db.execute("DELETE FROM workouts WHERE id = ?", (latest,))
                    note = f"It replaces today's unlogged plan #{latest}."
                    planned = dataclasses.replace(planned, notes=(*planned.notes, note))
                saved = planned.saved_as(insert_workout(db, planned))
        if latest is not None and not replace:
            return shown_again, None, True
        return saved, latest, False

    def delete(self, workout_id: int) -> None:
        with self._transaction() as db:
            if db.execute("DELETE FROM workouts WHERE id = ?", (workout_id,)).rowcount == 0:
                raise no_such_workout(workout_id)

    # --- reads --------------------------------------------------------------------

    def checked(self) -> int:
        """Every page and table read (PRAGMA quick_check), or the damage raised; the count
        of workouts."""
        with self._snapshot():
            check_intact(self._db, whole=True)
            return int(self._db.execute("SELECT COUNT(*) FROM workouts").fetchone()[0])

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
                    f"SELECT {WORKOUT_COLUMNS} FROM workouts"
                    f" WHERE id IN ({','.join('?' * len(ids))}) ORDER BY created_ts, id",
                    ids,
                ).fetchall()
                workouts = self._with_exercises(rows)
            yield from workouts

    def latest(self) -> Workout | None:
        """The newest workout, or None when there is none (read in one snapshot: another
        backplan may replace it meanwhile)."""
        with self._snapshot():
            row = self._db.execute(
                "SELECT id FROM workouts ORDER BY created_ts DESC, id DESC LIMIT 1"
            ).fetchone()
            return None if row is None else self.get(int(row[0]))

    def latest_id(self) -> int:
        with self._guard():
            row = self._db.execute(
                "SELECT id FROM workouts ORDER BY created_ts DESC, id DESC LIMIT 1"
            ).fetchone()
        if row is None:
            raise BackplanError("No workouts yet: plan one with 'backplan workout'.")
        return int(row[0])

    def recent(self, last: int) -> list[Workout]:
        """The newest `last` workouts, newest first."""
        with self._guard():
            rows = self._db.execute(
                f"SELECT {WORKOUT_COLUMNS} FROM workouts ORDER BY created_ts DESC, id DESC LIMIT ?",
                (last,),
            ).fetchall()
            return self._with_exercises(rows)

    def get(self, workout_id: int) -> Workout:
        with self._guard():
            rows = self._db.execute(
                f"SELECT {WORKOUT_COLUMNS} FROM workouts WHERE id = ?", (workout_id,)
            ).fetchall()
            if not rows:
                raise no_such_workout(workout_id)
            return self._with_exercises(rows)[0]

    def _with_exercises(self, rows: list[Any]) -> list[Workout]:
        """Workouts from their rows, with their exercises and logged sets: two queries."""
        ids = [row[0] for row in rows]
        marks = ",".join("?" * len(ids))
        logged: dict[tuple[int, str], list[SetDone]] = {}
        for workout_id, exercise_id, *values in self._db.execute(
            f"SELECT workout_id, exercise_id, {SET_COLUMNS} FROM logged_sets"
            f" WHERE workout_id IN ({marks}) ORDER BY workout_id, exercise_id, set_number",
            ids,
        ):
            try:
                logged.setdefault((workout_id, exercise_id), []).append(set_from_row(*values))
            except (ValueError, TypeError, KeyError) as err:
                raise unreadable(workout_id, err) from None
        exercises: dict[int, list[PlannedExercise]] = {workout_id: [] for workout_id in ids}
        for row in self._db.execute(
            f"SELECT workout_id, {READ_EXERCISE_COLUMNS} FROM workout_exercises"
            f" WHERE workout_id IN ({marks}) ORDER BY workout_id, position",
            ids,
        ):
            sets = tuple(logged.get((row[0], row[2]), ()))
            try:
                exercises[row[0]].append(planned_exercise(row[1:], sets))
            except (ValueError, TypeError, KeyError) as err:
                raise unreadable(row[0], err) from None
        other: dict[int, list[OtherExercise]] = {}
        for workout_id, *values in self._db.execute(
            "SELECT workout_id, position, name, sets, note, credit FROM other_training"
            f" WHERE workout_id IN ({marks}) ORDER BY workout_id, position",
            ids,
        ):
            try:
                other.setdefault(workout_id, []).append(other_from_row(*values))
            except (ValueError, TypeError, KeyError) as err:
                raise unreadable(workout_id, err) from None
        found = []
        for row in rows:
            try:
                found.append(workout_from_row(row, exercises[row[0]], other.get(row[0], ())))
            except (ValueError, TypeError, KeyError) as err:
                raise unreadable(row[0], err) from None
        return found


def marked(marks: dict[str, str], mark: str) -> frozenset[str]:
    """The ids with this mark ('pin' or 'ban')."""
    return frozenset(ident for ident, kind in marks.items() if kind == mark)
