"""What the guided session asks of the history besides sets: undo, skip, when a session
began, and last time's sets."""

from __future__ import annotations

from datetime import datetime

from backplan.store.part import Part
from backplan.store.rows import SET_COLUMNS, local_time, set_from_row
from backplan.text import visible_lines
from backplan.training.loads import SetDone


class Gym(Part):
    """The guided session's part of the store (mixed into `Store`)."""

    def undo_last_set(self, workout_id: int) -> tuple[str, SetDone] | None:
        """Remove the set logged last in a workout (by when it was logged, then by its
        number); the exercise's id and the set, or None when nothing was logged."""
        with self._transaction() as db:
            row = db.execute(
                f"SELECT rowid, exercise_id, {SET_COLUMNS} FROM logged_sets"
                " WHERE workout_id = ? ORDER BY COALESCE(logged_at, 0) DESC, rowid DESC LIMIT 1",
                (workout_id,),
            ).fetchone()
            if row is None:
                return None
            db.execute("DELETE FROM logged_sets WHERE rowid = ?", (row[0],))
        return row[1], set_from_row(*row[2:])

    def last_logged(self, workout_id: int) -> tuple[str, int] | None:
        """The set logged last in a workout (as `undo_last_set` finds it): its exercise's
        id and its number; None when nothing was logged."""
        with self._guard():
            row = self._db.execute(
                "SELECT exercise_id, set_number FROM logged_sets WHERE workout_id = ?"
                " ORDER BY COALESCE(logged_at, 0) DESC, rowid DESC LIMIT 1",
                (workout_id,),
            ).fetchone()
        return None if row is None else (str(row[0]), int(row[1]))

    def skip(self, workout_id: int, exercise_id: str) -> None:
        with self._transaction() as db:
            db.execute(
                "UPDATE workout_exercises SET skipped = 1 WHERE workout_id = ? AND exercise_id = ?",
                (workout_id, exercise_id),
            )

    def first_logged_at(self, workout_id: int) -> float | None:
        """When the first set of a workout was logged (None: not known)."""
        with self._guard():
            row = self._db.execute(
                "SELECT MIN(logged_at) FROM logged_sets WHERE workout_id = ?", (workout_id,)
            ).fetchone()
        return None if row is None or row[0] is None else float(row[0])

    def last_time(
        self, exercise_id: str, besides: int
    ) -> tuple[datetime, tuple[SetDone, ...], str | None] | None:
        """When an exercise was last logged in another workout, its sets (the
        "Previous" column lifters know) and its note; None when it never was."""
        with self._guard():
            row = self._db.execute(
                "SELECT workout_id, created_ts FROM logged_sets"
                " WHERE exercise_id = ? AND workout_id != ?"
                " ORDER BY created_ts DESC, workout_id DESC LIMIT 1",
                (exercise_id, besides),
            ).fetchone()
            if row is None:
                return None
            rows = self._db.execute(
                f"SELECT {SET_COLUMNS} FROM logged_sets"
                " WHERE workout_id = ? AND exercise_id = ? ORDER BY set_number",
                (row[0], exercise_id),
            ).fetchall()
            note = self._db.execute(
                "SELECT note FROM workout_exercises WHERE workout_id = ? AND exercise_id = ?",
                (row[0], exercise_id),
            ).fetchone()
        sets = tuple(set_from_row(*values) for values in rows)
        return (
            local_time(row[1]),
            sets,
            None if note is None or note[0] is None else visible_lines(note[0]),
        )
