"""Pins and bans in the history: an exercise's mark."""

from __future__ import annotations

import sqlite3

from backplan.store.part import Part


class Marks(Part):
    """The marks part of the store (mixed into `Store`)."""

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

    def marks(self) -> dict[str, str]:
        """Pinned and banned exercise ids: {id: 'pin' | 'ban'}."""
        with self._guard():
            return dict(self._db.execute("SELECT exercise_id, mark FROM marks").fetchall())
