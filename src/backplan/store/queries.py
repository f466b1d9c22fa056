"""What training asks of the history: recency, logged sessions, sets per group, usage."""

from __future__ import annotations

import json
from datetime import datetime

from backplan.catalogue.model import Group
from backplan.store.part import Part
from backplan.store.rows import OTHER_WARMUP, SET_COLUMNS, local_time, set_from_row
from backplan.training.loads import DROP, Session, SetDone
from backplan.training.model import Recency, Workout
from backplan.training.progress import Logged
from backplan.training.recovery import Work

HALF = 0.5  # of a set, to a group an exercise loads besides its own


class Queries(Part):
    """The read side of the Store that planning, progression and recovery use."""

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
            last_done={ident: local_time(ts) for ident, ts, _ in last},
            previous=frozenset(ident for (ident,) in previous),
            uses={ident: count for ident, _, count in last},
        )

    def sessions(self, exercise_id: str, limit: int = 2) -> list[Session]:
        """The exercise's last `limit` logged sessions, newest first, for progression."""
        with self._guard():
            workouts = self._db.execute(
                "SELECT DISTINCT l.workout_id, e.reps_min, e.reps_max, e.rir_max,"
                " e.reason LIKE 'imported from %', l.created_ts"
                " FROM logged_sets l JOIN workout_exercises e"
                " ON e.workout_id = l.workout_id AND e.exercise_id = l.exercise_id"
                " WHERE l.exercise_id = ? ORDER BY l.created_ts DESC, l.workout_id DESC LIMIT ?",
                (exercise_id, limit),
            ).fetchall()
            return [
                Session(
                    low,
                    high,
                    self._sets(workout_id, exercise_id),
                    rir,
                    bool(imported),
                    local_time(ts).date(),
                )
                for workout_id, low, high, rir, imported, ts in workouts
            ]

    def _sets(self, workout_id: int, exercise_id: str) -> tuple[SetDone, ...]:
        rows = self._db.execute(  # a drop set is no work set for progression
            f"SELECT {SET_COLUMNS} FROM logged_sets"
            f" WHERE workout_id = ? AND exercise_id = ? AND kind != '{DROP}'"
            " ORDER BY set_number",
            (workout_id, exercise_id),
        )
        return tuple(set_from_row(*row) for row in rows)

    def last_trained(self) -> dict[Group, datetime]:
        """When each group last had a set logged (a plan is not training)."""
        with self._guard():
            found = {
                group: self._db.execute(
                    "SELECT MAX(e.created_ts) FROM workout_exercises e WHERE e.grp = ?"
                    " AND EXISTS (SELECT 1 FROM logged_sets l WHERE l.workout_id = e.workout_id"
                    " AND l.exercise_id = e.exercise_id)",
                    (group.value,),
                ).fetchone()[0]
                for group in Group
            }
        return {group: local_time(ts) for group, ts in found.items() if ts is not None}

    def sets_between(self, since: datetime, until: datetime) -> list[Work]:
        """(group, when, sets, workout id) for every exercise trained in that time: the sets
        logged (a plan is not training), and half of them for each other group an
        exercise loads (partial credit)."""
        # The sets logged of the exercises a condition picks; `{}` names the column the
        # group (or groups) come from.
        query = (
            "SELECT e.{}, e.created_ts, ("
            " SELECT COUNT(*) FROM logged_sets l"
            " WHERE l.workout_id = e.workout_id AND l.exercise_id = e.exercise_id"
            f" AND l.kind != '{DROP}'),"
            " e.workout_id FROM workout_exercises e"
            " WHERE {} AND e.created_ts BETWEEN ? AND ?"
        )
        own = query.format("grp", "e.grp = ?")
        secondary = query.format("secondary", "e.secondary IS NOT NULL")  # a partial index
        span = (since.timestamp(), until.timestamp())
        with self._guard():
            rows = [
                row
                for group in Group  # one index range per group
                for row in self._db.execute(own, (group.value, *span))
            ]
            # Partial credit: half a set to each other group the exercise loads.
            partial = self._db.execute(secondary, span).fetchall()
            # Training outside the catalogue: a squat or a hinge, half a set to the lower back.
            other = self._db.execute(
                "SELECT o.credit, w.created_ts, o.sets, o.workout_id FROM other_training o"
                " JOIN workouts w ON w.id = o.workout_id"
                " WHERE o.credit IS NOT NULL AND w.created_ts BETWEEN ? AND ?",
                span,
            ).fetchall()
        found = [Work(Group(grp), local_time(ts), sets, ident) for grp, ts, sets, ident in rows]
        for secondary, ts, sets, ident in partial:
            found += [
                Work(Group(g), local_time(ts), sets * HALF, ident, partial=True)
                for g in json.loads(secondary)
            ]
        for credit, ts, sets, ident in other:
            work = sum(kind not in (DROP, OTHER_WARMUP) for *_, kind in json.loads(sets))
            found += [
                Work(Group(g), local_time(ts), work * HALF, ident, partial=True)
                for g in json.loads(credit)
            ]
        return found

    def logged_sessions(self, exercise_id: str) -> list[Logged]:
        """Every workout with sets of an exercise, oldest first."""
        found: dict[int, tuple[datetime, int | None, list[SetDone]]] = {}
        with self._guard():
            rows = self._db.execute(
                "SELECT l.workout_id, l.created_ts, e.rir_max,"
                " l.reps, l.weight, l.unit, l.dose, l.rir FROM logged_sets l"
                " LEFT JOIN workout_exercises e"
                " ON e.workout_id = l.workout_id AND e.exercise_id = l.exercise_id"
                f" WHERE l.exercise_id = ? AND l.kind != '{DROP}'"
                " ORDER BY l.created_ts, l.workout_id, l.set_number",
                (exercise_id,),
            ).fetchall()
        for workout_id, created_ts, rir, *values in rows:
            found.setdefault(workout_id, (local_time(created_ts), rir, []))[2].append(
                set_from_row(*values)
            )
        return [
            Logged(ident, when, sets, exercise_id, rir)
            for ident, (when, rir, sets) in found.items()
        ]

    def logged_counts(self, since: datetime) -> dict[str, int]:
        """Per exercise id, the workouts since then with sets of it logged (imports
        included): read from the workouts in that time, never every set of the history."""
        with self._guard():
            rows = self._db.execute(
                "SELECT l.exercise_id, COUNT(DISTINCT l.workout_id) FROM workouts w"
                " JOIN logged_sets l ON l.workout_id = w.id"
                " WHERE w.created_ts >= ? GROUP BY l.exercise_id",
                (since.timestamp(),),
            ).fetchall()
        return {str(ident): int(count) for ident, count in rows}

    def usage(self, exercise_id: str) -> tuple[int, datetime | None]:
        """How many sessions included the exercise, and when it was last done."""
        with self._guard():
            count, last = self._db.execute(
                "SELECT COUNT(*), MAX(created_ts) FROM workout_exercises WHERE exercise_id = ?",
                (exercise_id,),
            ).fetchone()
        return count, local_time(last) if last is not None else None
