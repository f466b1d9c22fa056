"""Bodyweight in the history: a weigh-in a day."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import date

from backplan.store.part import Part
from backplan.training.bodyweight import Bodyweights, WeighIn


class Body(Part):
    """The bodyweight part of the store (mixed into `Store`)."""

    def weigh(self, weigh_in: WeighIn, when: float) -> WeighIn | None:
        """Record the day's bodyweight; returns the one it replaced, if any."""
        with self._transaction() as db:
            before = self._on(db, weigh_in.day)
            db.execute(
                "INSERT INTO bodyweights (day, weight, unit, created_ts) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (day) DO UPDATE SET weight = excluded.weight,"
                " unit = excluded.unit, created_ts = excluded.created_ts",
                (weigh_in.day.isoformat(), weigh_in.weight, weigh_in.unit, when),
            )
        return before

    def weigh_ins(self) -> list[WeighIn]:
        """Every weigh-in, newest first."""
        with self._guard():
            rows = self._db.execute(
                "SELECT day, weight, unit FROM bodyweights ORDER BY day DESC"
            ).fetchall()
        return [WeighIn(date.fromisoformat(day), weight, unit) for day, weight, unit in rows]

    def body(self) -> Bodyweights | None:
        """Every weigh-in, to find the bodyweight around a day; None with none."""
        weigh_ins = self.weigh_ins()
        return Bodyweights(tuple(weigh_ins)) if weigh_ins else None

    @staticmethod
    def _on(db: sqlite3.Connection, day: date) -> WeighIn | None:
        row = db.execute(
            "SELECT weight, unit FROM bodyweights WHERE day = ?", (day.isoformat(),)
        ).fetchone()
        return None if row is None else WeighIn(day, row[0], row[1])

    @staticmethod
    def _add_weigh_ins(db: sqlite3.Connection, weigh_ins: Iterable[WeighIn], when: float) -> int:
        """An import's weigh-ins for days that have none here; how many were added."""
        added = 0
        for w in weigh_ins:
            cursor = db.execute(
                "INSERT OR IGNORE INTO bodyweights (day, weight, unit, created_ts)"
                " VALUES (?, ?, ?, ?)",
                (w.day.isoformat(), w.weight, w.unit, when),
            )
            added += cursor.rowcount
        return added
