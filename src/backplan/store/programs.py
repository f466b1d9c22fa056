"""Programs in the history: the active block, its days, and which of them are done."""

from __future__ import annotations

import json
import sqlite3
from contextlib import AbstractContextManager
from datetime import date, datetime
from typing import Any

from backplan.catalogue.model import Goal, Group, Level
from backplan.errors import BackplanError
from backplan.text import visible
from backplan.training.program import AUTO, Day, MainLift, Program, Progress

_COLUMNS = (
    "id, created, start, weeks, days, goal, level, groups, equipment, seed, main_lifts,"
    " sessions, ended"
)
NO_PROGRAM = "No program is active. Start one with: backplan program new"


def _day_json(day: Day) -> list[Any]:
    return [
        day.number,
        day.week,
        day.day,
        day.date.isoformat(),
        day.goal.value,
        [[g.value, n] for g, n in day.slots],
        [[g.value, n] for g, n in day.sets],
        day.deload,
    ]


def _day(values: list[Any]) -> Day:
    number, week, weekday, when, goal, slots, sets, deload = values
    return Day(
        number=int(number),
        week=int(week),
        day=int(weekday),
        date=date.fromisoformat(when),
        goal=Goal(goal),
        slots=tuple((Group(g), int(n)) for g, n in slots),
        sets=tuple((Group(g), int(n)) for g, n in sets),
        deload=bool(deload),
    )


def _program(row: Any) -> Program:
    ident, created, start, weeks, days, goal, level, groups, equipment, seed = row[:10]
    lifts, sessions, ended = row[10:]
    return Program(
        id=ident,
        created=datetime.fromisoformat(created),
        start=date.fromisoformat(start),
        weeks=weeks,
        days=days,
        goal=None if goal == AUTO else Goal(goal),
        level=Level(level),
        groups=tuple(Group(g) for g in json.loads(groups)),
        equipment=None if equipment is None else frozenset(json.loads(equipment)),
        seed=seed,
        main_lifts=tuple(
            MainLift(Group(g), i, visible(n), frozenset(Goal(x) for x in goals))
            for g, i, n, goals in json.loads(lifts)
        ),
        sessions=tuple(_day(values) for values in json.loads(sessions)),
        ended=None if ended is None else datetime.fromisoformat(ended),
    )


class Programs:
    """The program half of the store (mixed into `Store`)."""

    _db: sqlite3.Connection

    def _guard(self) -> AbstractContextManager[None]:
        raise NotImplementedError

    def _transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError

    def start_program(self, program: Program, *, replace: bool = False) -> Program:
        """Store a new block, ending the active one first when `replace`; returns it
        with its id."""
        with self._transaction() as db:
            active = db.execute("SELECT id FROM programs WHERE ended IS NULL").fetchone()
            if active and not replace:
                raise BackplanError(
                    "A program is already active: end it with 'backplan program end', "
                    "or give --replace."
                )
            if active:
                db.execute(
                    "UPDATE programs SET ended = ? WHERE id = ?",
                    (program.created.isoformat(timespec="seconds"), active[0]),
                )
            cursor = db.execute(
                f"INSERT INTO programs ({_COLUMNS}) VALUES ({', '.join('?' * 13)})",
                (
                    None,
                    program.created.isoformat(timespec="seconds"),
                    program.start.isoformat(),
                    program.weeks,
                    program.days,
                    program.goal_name,
                    program.level.value,
                    json.dumps([g.value for g in program.groups]),
                    None if program.equipment is None else json.dumps(sorted(program.equipment)),
                    program.seed,
                    json.dumps(
                        [
                            [m.group.value, m.id, m.name, sorted(g.value for g in m.goals)]
                            for m in program.main_lifts
                        ]
                    ),
                    json.dumps([_day_json(day) for day in program.sessions]),
                    None,
                ),
            )
        ident = cursor.lastrowid
        assert ident is not None
        return self.program(ident)

    def program(self, ident: int) -> Program:
        with self._guard():
            row = self._db.execute(
                f"SELECT {_COLUMNS} FROM programs WHERE id = ?", (ident,)
            ).fetchone()
        if row is None:
            raise BackplanError(f"No program {ident} in your history.")
        return _program(row)

    def active_program(self) -> Program | None:
        with self._guard():
            row = self._db.execute(
                f"SELECT {_COLUMNS} FROM programs WHERE ended IS NULL"
            ).fetchone()
        return None if row is None else _program(row)

    def end_program(self, when: datetime) -> Program:
        """End the active block; its workouts stay in the history."""
        with self._transaction() as db:
            row = db.execute("SELECT id FROM programs WHERE ended IS NULL").fetchone()
            if row is None:
                raise BackplanError(NO_PROGRAM)
            db.execute(
                "UPDATE programs SET ended = ? WHERE id = ?",
                (when.isoformat(timespec="seconds"), row[0]),
            )
        return self.program(int(row[0]))

    def progress(self, program: Program) -> Progress:
        """The days done: those with a workout planned for them and something logged
        (the newest such workout, when a day was planned more than once)."""
        with self._guard():
            rows = self._db.execute(
                "SELECT w.program_day, MAX(w.id) FROM workouts w"
                " WHERE w.program_id = ? AND w.program_day IS NOT NULL"
                " AND EXISTS (SELECT 1 FROM logged_sets l WHERE l.workout_id = w.id)"
                " GROUP BY w.program_day",
                (program.id,),
            ).fetchall()
        return Progress(done={int(day): int(workout) for day, workout in rows})
