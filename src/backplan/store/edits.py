"""Putting the history right after the fact: a day's workout found by its date, and a
mistaken set or exercise taken out of a workout (nothing of it stays to be exported)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from backplan.errors import BackplanError
from backplan.store.part import Part
from backplan.store.rows import SET_COLUMNS, set_from_row, sets_of
from backplan.training.loads import SetDone


class Edits(Part):
    """The store's part that finds a day's workout and takes logged work out of one."""

    def on_day(self, day: date) -> int | None:
        """The latest workout made on `day` (by the local calendar), or None."""
        start = datetime.combine(day, time.min).astimezone().timestamp()
        end = datetime.combine(day + timedelta(days=1), time.min).astimezone().timestamp()
        with self._guard():
            row = self._db.execute(
                "SELECT id FROM workouts WHERE created_ts >= ? AND created_ts < ?"
                " ORDER BY created_ts DESC, id DESC LIMIT 1",
                (start, end),
            ).fetchone()
        return None if row is None else int(row[0])

    def remove_set(self, workout_id: int, exercise_id: str, number: int) -> SetDone:
        """Take set `number` of an exercise out of a workout; the sets after it move up
        a number. The set removed; an error when there is no such set."""
        with self._transaction() as db:
            row = db.execute(
                f"SELECT {SET_COLUMNS} FROM logged_sets"
                " WHERE workout_id = ? AND exercise_id = ? AND set_number = ?",
                (workout_id, exercise_id, number),
            ).fetchone()
            if row is None:
                raise BackplanError(
                    f"Workout #{workout_id} has no set {number} of {exercise_id}; "
                    "'backplan history show' lists its sets."
                )
            key = (workout_id, exercise_id)
            db.execute(
                "DELETE FROM logged_sets WHERE workout_id = ? AND exercise_id = ?"
                " AND set_number = ?",
                (*key, number),
            )
            # Two steps, so no number is taken twice on the way (it is the primary key).
            for change in ("-(set_number - 1)", "-set_number"):
                db.execute(
                    f"UPDATE logged_sets SET set_number = {change} WHERE workout_id = ?"
                    " AND exercise_id = ? AND (set_number > ? OR set_number < 0)",
                    (*key, number),
                )
        return set_from_row(*row)

    def remove_exercise(self, workout_id: int, exercise_id: str) -> tuple[SetDone, ...]:
        """Take an exercise out of a workout, its sets and notes with it; the exercises
        after it move up a place, and a superset left with one member is no superset.
        The sets removed."""
        with self._transaction() as db:
            found = db.execute(
                "SELECT position, superset FROM workout_exercises"
                " WHERE workout_id = ? AND exercise_id = ?",
                (workout_id, exercise_id),
            ).fetchone()
            if found is None:
                raise BackplanError(f"Workout #{workout_id} has no {exercise_id}.")
            sets = sets_of(db, workout_id, exercise_id)
            db.execute(
                "DELETE FROM logged_sets WHERE workout_id = ? AND exercise_id = ?",
                (workout_id, exercise_id),
            )
            db.execute(
                "DELETE FROM workout_exercises WHERE workout_id = ? AND exercise_id = ?",
                (workout_id, exercise_id),
            )
            for change in ("-(position - 1)", "-position"):
                db.execute(
                    f"UPDATE workout_exercises SET position = {change} WHERE workout_id = ?"
                    " AND (position > ? OR position < 0)",
                    (workout_id, found[0]),
                )
            if found[1] is not None:
                db.execute(
                    "UPDATE workout_exercises SET superset = NULL WHERE workout_id = ?"
                    " AND superset = ? AND (SELECT COUNT(*) FROM workout_exercises"
                    " WHERE workout_id = ? AND superset = ?) = 1",
                    (workout_id, found[1], workout_id, found[1]),
                )
        return sets
