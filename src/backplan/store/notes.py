"""What the lifter writes and says: notes on a set, an exercise or a workout, and how
the back felt after a workout (0-10)."""

from __future__ import annotations

from datetime import datetime

from backplan.errors import BackplanError
from backplan.store.part import Part
from backplan.store.rows import local_time, no_such_workout


class Notes(Part):
    """The notes half of the store (mixed into `Store`)."""

    def note_workout(self, workout_id: int, text: str | None) -> None:
        with self._transaction() as db:
            if db.execute("UPDATE workouts SET note = ? WHERE id = ?",
                          (text, workout_id)).rowcount == 0:  # fmt: skip
                raise no_such_workout(workout_id)

    def note_exercise(self, workout_id: int, exercise_id: str, text: str | None) -> None:
        with self._transaction() as db:
            changed = db.execute(
                "UPDATE workout_exercises SET note = ? WHERE workout_id = ? AND exercise_id = ?",
                (text, workout_id, exercise_id),
            ).rowcount
        if not changed:
            raise BackplanError(f"Workout #{workout_id} has no {exercise_id}.")

    def note_set(self, workout_id: int, exercise_id: str, number: int, text: str | None) -> None:
        with self._transaction() as db:
            changed = db.execute(
                "UPDATE logged_sets SET note = ? WHERE workout_id = ? AND exercise_id = ?"
                " AND set_number = ?",
                (text, workout_id, exercise_id, number),
            ).rowcount
        if not changed:
            raise BackplanError(f"Workout #{workout_id} has no set {number} of {exercise_id}.")

    def rate_back(self, workout_id: int, rating: int | None) -> None:
        with self._transaction() as db:
            if db.execute("UPDATE workouts SET back = ? WHERE id = ?",
                          (rating, workout_id)).rowcount == 0:  # fmt: skip
                raise no_such_workout(workout_id)

    def back_ratings(self, last: int = 10) -> list[tuple[datetime, int]]:
        """The newest `last` ratings, newest first: when the workout was, and how the back
        felt after it."""
        with self._guard():
            rows = self._db.execute(
                "SELECT created_ts, back FROM workouts WHERE back IS NOT NULL"
                " ORDER BY created_ts DESC, id DESC LIMIT ?",
                (last,),
            ).fetchall()
        return [(local_time(ts), int(back)) for ts, back in rows]
