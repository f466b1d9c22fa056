"""Workouts that arrive from outside, each once: a backplan export restored, and other
apps' sessions (the same session from two apps once; a session imported again with
another mapping updated in place, never copied)."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from backplan import clock
from backplan.store.body import Body
from backplan.store.marks import Marks
from backplan.store.programs import add_programs
from backplan.store.rows import same_workout
from backplan.store.writes import insert_logged, insert_parts, insert_workout
from backplan.training.bodyweight import WeighIn
from backplan.training.model import Workout
from backplan.training.program import Program

CROSS_APP_SECONDS = 600  # two apps' records of one session start within 10 minutes


@dataclass
class Arrivals:
    """What an app import did, or (a dry run) would do."""

    added: int = 0
    same: int = 0  # here already, unchanged (or from another app)
    changed: list[tuple[int, Workout]] = field(default_factory=list)  # (id here, as it now maps)
    updated: int = 0


@dataclass(frozen=True)
class Stored:
    """What telling workouts apart needs of one stored workout."""

    id: int
    source: str | None
    created_ts: float
    names: tuple[str, ...]  # its exercises' ids, then its other training's names

    @property
    def backs(self) -> frozenset[str]:
        return frozenset(n for n in self.names if not n.startswith(OTHER))


OTHER = "other:"
DAY_ONLY = "fitnotes"  # an app that writes a session's day, not its time


def _day(timestamp: float) -> date:
    return datetime.fromtimestamp(timestamp).astimezone().date()


def _one_session(here: Stored, workout: Workout, backs: frozenset[str]) -> bool:
    """Whether a stored session from another app is this one: it starts within 10
    minutes (on the same day, for an app that writes only the day) and shares at least
    half its back exercises (a session of other training alone: with one of none)."""
    if here.source == workout.source:
        return False
    start = workout.created.timestamp()
    if DAY_ONLY in (here.source, workout.source):
        if _day(here.created_ts) != _day(start):
            return False
    elif abs(here.created_ts - start) > CROSS_APP_SECONDS:
        return False
    theirs = here.backs
    if not backs or not theirs:
        return not backs and not theirs
    return len(backs & theirs) * 2 >= len(backs | theirs)


def _names(workout: Workout) -> tuple[str, ...]:
    return (*(e.id for e in workout.exercises), *(OTHER + o.name for o in workout.other))


class Incoming(Body, Marks):
    """The import half of the store (mixed into `Store`)."""

    def add(
        self,
        workouts: Iterable[Workout],
        marks: dict[str, str],
        programs: Sequence[Program] = (),
        weigh_ins: Sequence[WeighIn] = (),
    ) -> int:
        """A backplan export: add the workouts not already here (same time, same
        exercises), the marks, the programs and the weigh-ins of days without one, all
        in one transaction, taking the workouts one at a time; returns how many
        workouts were added."""
        with self._transaction() as db:
            moved = add_programs(db, programs)
            self._add_weigh_ins(db, weigh_ins, clock.stamp())
            existing = {same_workout(w.created_ts, w.names) for w in self._stored(db)}
            added = 0
            for workout in workouts:  # the same workout twice in one file is added once
                key = same_workout(workout.created.timestamp(), _names(workout))
                if key in existing:
                    continue
                existing.add(key)
                added += 1
                if workout.program_id is not None:  # its program's id here, if it came
                    program = moved.get(workout.program_id)
                    workout = dataclasses.replace(
                        workout,
                        program_id=program,
                        program_day=workout.program_day if program is not None else None,
                    )
                insert_logged(db, insert_workout(db, workout), workout)
            for exercise_id, mark in marks.items():
                self._put_mark(db, exercise_id, mark)
        return added

    def arrive(self, workouts: Iterable[Workout], *, update: bool, dry_run: bool) -> Arrivals:
        """Another app's sessions. One already here from this app (the same start) is
        left, or, when its mapping or contents changed, updated in place (`update`); one
        here from another app (`_one_session`) is left; the rest are added. A dry run
        writes nothing, and counts as the import would (a session twice in the file
        once)."""
        found = Arrivals()
        with self._transaction() as db:
            here = [w for w in self._stored(db) if w.source is not None]
            by_start = {(w.source, int(w.created_ts)): w for w in here}
            by_day: dict[date, list[Stored]] = {}  # a session is looked for near its day
            for w in here:
                by_day.setdefault(_day(w.created_ts), []).append(w)
            for workout in workouts:
                start = int(workout.created.timestamp())
                names, backs = _names(workout), frozenset(e.id for e in workout.exercises)
                mine = by_start.get((workout.source, start))
                if mine is not None:
                    if mine.names == names:
                        found.same += 1
                        continue
                    found.changed.append((mine.id, workout))
                    if update and not dry_run:
                        self._replace(db, mine.id, workout)
                        found.updated += 1
                    continue
                day = _day(start)
                near = (w for d in (-1, 0, 1) for w in by_day.get(day + timedelta(d), ()))
                if any(_one_session(w, workout, backs) for w in near):
                    found.same += 1
                    continue
                found.added += 1
                ident = -found.added  # a dry run's: what is added counts as here after it
                if not dry_run:
                    ident = insert_workout(db, workout)
                    insert_logged(db, ident, workout)
                stored = Stored(ident, workout.source, workout.created.timestamp(), names)
                by_day.setdefault(day, []).append(stored)
                by_start[(workout.source, start)] = stored
        return found

    def update_arrived(self, changed: Sequence[tuple[int, Workout]]) -> int:
        """The sessions an import found mapping differently (`Arrivals.changed`), updated
        in place in one transaction; how many."""
        with self._transaction() as db:
            for ident, workout in changed:
                self._replace(db, ident, workout)
        return len(changed)

    @staticmethod
    def _stored(db: sqlite3.Connection) -> list[Stored]:
        """Every workout, as much of it as telling workouts apart needs."""
        names: dict[int, list[str]] = {}
        for ident, name in db.execute(
            "SELECT workout_id, exercise_id FROM workout_exercises ORDER BY workout_id, position"
        ):
            names.setdefault(ident, []).append(name)
        for ident, name in db.execute(
            "SELECT workout_id, name FROM other_training ORDER BY workout_id, position"
        ):
            names.setdefault(ident, []).append(OTHER + name)
        return [
            Stored(ident, source, created_ts, tuple(names.get(ident, ())))
            for ident, source, created_ts in db.execute(
                "SELECT id, source, created_ts FROM workouts"
            )
        ]

    @staticmethod
    def _replace(db: sqlite3.Connection, workout_id: int, workout: Workout) -> None:
        """The workout's parts, as it now maps, under the id it has here."""
        db.execute("DELETE FROM logged_sets WHERE workout_id = ?", (workout_id,))
        db.execute("DELETE FROM workout_exercises WHERE workout_id = ?", (workout_id,))
        db.execute("DELETE FROM other_training WHERE workout_id = ?", (workout_id,))
        db.execute(
            "UPDATE workouts SET goal = ?, groups = ?, notes = ?, note = ?, duration = ?"
            " WHERE id = ?",
            (workout.goal.value, json.dumps([g.value for g in workout.groups]),
             json.dumps(list(workout.notes)), workout.note, workout.duration, workout_id),
        )  # fmt: skip
        insert_parts(db, workout_id, workout)
        insert_logged(db, workout_id, workout)
