"""Programs in the history: the active block, its days, and which of them are done."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from backplan.catalogue.model import Goal, Group, Level, Pattern
from backplan.defaults import AUTO
from backplan.documents import program_head
from backplan.errors import BackplanError
from backplan.store.fields import (
    MAX_ID,
    Invalid,
    choice,
    created,
    exercise_id,
    get,
    maybe,
    start_date,
    typed,
    whole,
)
from backplan.store.part import Part
from backplan.store.rows import local_time
from backplan.text import visible
from backplan.training.calendar import Move
from backplan.training.program import DAYS, MOVEMENTS, WEEKS, Day, MainLift, Program, Progress

_COLUMNS = (
    "id, created, start, weeks, days, goal, level, groups, equipment, seed, main_lifts,"
    " sessions, ended, weekdays, moves"
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
        day.split,
    ]


def _day(values: list[Any]) -> Day:
    number, week, weekday, when, goal, slots, sets, deload, *split = values
    if split and split[0] not in (None, *MOVEMENTS):
        raise ValueError(f"unknown split {split[0]!r}")
    return Day(
        number=int(number),
        week=int(week),
        day=int(weekday),
        date=date.fromisoformat(when),
        goal=Goal(goal),
        slots=tuple((Group(g), int(n)) for g, n in slots),
        sets=tuple((Group(g), int(n)) for g, n in sets),
        deload=bool(deload),
        split=split[0] if split else None,
    )


def _lift(values: list[Any]) -> MainLift:
    group, ident, name, goals, *pattern = values
    return MainLift(
        Group(group),
        ident,
        visible(name),
        frozenset(Goal(x) for x in goals),
        Pattern(pattern[0]) if pattern and pattern[0] is not None else None,
    )


def _lift_json(lift: MainLift) -> list[Any]:
    pattern = None if lift.pattern is None else lift.pattern.value
    return [lift.group.value, lift.id, lift.name, sorted(g.value for g in lift.goals), pattern]


def _moves_json(moves: Sequence[Move]) -> list[list[str | None]]:
    return [[m.away.isoformat(), None if m.to is None else m.to.isoformat()] for m in moves]


def _moves(values: list[Any]) -> tuple[Move, ...]:
    return tuple(
        Move(date.fromisoformat(away), None if to is None else date.fromisoformat(to))
        for away, to in values
    )


def _program(row: Any) -> Program:
    ident, created, start, weeks, days, goal, level, groups, equipment, seed = row[:10]
    lifts, sessions, ended, weekdays, moves = row[10:]
    stored = _moves(json.loads(moves))
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
        main_lifts=tuple(_lift(values) for values in json.loads(lifts)),
        sessions=tuple(_day(values) for values in json.loads(sessions)),
        ended=None if ended is None else datetime.fromisoformat(ended),
        weekdays=() if weekdays is None else tuple(int(d) for d in json.loads(weekdays)),
        moves=tuple(m for m in stored if not m.beyond),
        set_aside=tuple(m for m in stored if m.beyond),
    )


def insert_program(db: sqlite3.Connection, program: Program) -> int:
    """A new row for the program (its `ended` as given); its id."""
    cursor = db.execute(
        f"INSERT INTO programs ({_COLUMNS}) VALUES ({', '.join('?' * 15)})",
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
            json.dumps([_lift_json(m) for m in program.main_lifts]),
            json.dumps([_day_json(day) for day in program.sessions]),
            None if program.ended is None else program.ended.isoformat(timespec="seconds"),
            json.dumps(list(program.weekdays)) if program.weekdays else None,
            json.dumps(_moves_json(program.moves)),
        ),
    )
    ident = cursor.lastrowid
    assert ident is not None
    return ident


def _same(program: Program) -> str:
    """What makes two programs the same for import: everything but their ids and end
    (two blocks made in one second, the first replaced by the second, are two)."""
    document = program_document(program)
    return json.dumps({k: v for k, v in document.items() if k not in ("id", "ended")},
                      sort_keys=True)  # fmt: skip


def add_programs(db: sqlite3.Connection, programs: Sequence[Program]) -> dict[int, int]:
    """Import: the programs not already here (`_same`); {id in the file: id here}. One
    program stays active: an imported active one beside an active one arrives ended."""
    from dataclasses import replace

    from backplan import clock

    here = {
        _same(_program(row)): int(row[0])
        for row in db.execute(f"SELECT {_COLUMNS} FROM programs ORDER BY id")
    }
    active = db.execute("SELECT 1 FROM programs WHERE ended IS NULL").fetchone() is not None
    moved: dict[int, int] = {}
    for program in programs:
        key = _same(program)
        if key not in here:
            if program.ended is None and active:
                program = replace(program, ended=clock.now())
            active = active or program.ended is None
            here[key] = insert_program(db, program)
        if program.id is not None:
            moved[program.id] = here[key]
    return moved


def program_document(program: Program) -> dict[str, Any]:
    """A program as the export writes it."""
    return {
        **program_head(program),  # the keys of `program show --json`
        "seed": program.seed,
        "main_lifts": [
            {
                "group": m.group.value,
                "id": m.id,
                "name": m.name,
                "goals": sorted(g.value for g in m.goals),
                "pattern": None if m.pattern is None else m.pattern.value,
            }
            for m in program.main_lifts
        ],
        "sessions": [_day_json(day) for day in program.sessions],
        "ended": None if program.ended is None else program.ended.isoformat(timespec="seconds"),
        "weekdays": list(program.weekdays),
        "moves": _moves_json(program.moves),
    }


def read_program(data: Any, where: str) -> Program:
    """A program of an export, every field checked; refused with its path otherwise."""

    def field(key: str) -> Any:
        return get(data, key, where)

    weeks = whole(field("weeks"), f"{where}.weeks", *WEEKS)
    days = whole(field("days"), f"{where}.days", *DAYS)
    goal = typed(field("goal"), str, f"{where}.goal")
    sessions = typed(field("sessions"), list, f"{where}.sessions")
    if len(sessions) != weeks * days:
        raise Invalid(f"{where}.sessions", f"must hold {weeks * days} sessions")
    made = created(field("created"), f"{where}.created")
    start = start_date(field("start"), f"{where}.start", made)
    try:
        days_read = tuple(_day(typed(d, list, f"{where}.sessions")) for d in sessions)
    except (ValueError, TypeError, KeyError) as err:
        raise Invalid(f"{where}.sessions", f"cannot be read ({err})") from None
    equipment = maybe(field("equipment"), list, f"{where}.equipment")
    ended = field("ended")
    lifts = typed(field("main_lifts"), list, f"{where}.main_lifts")
    # An export from before programs followed the calendar has no weekdays or moves.
    weekdays = typed(data.get("weekdays", []), list, f"{where}.weekdays")
    try:
        moves = _moves(typed(data.get("moves", []), list, f"{where}.moves"))
    except (ValueError, TypeError) as err:
        raise Invalid(f"{where}.moves", f"cannot be read ({err})") from None
    return Program(
        id=whole(field("id"), f"{where}.id", 1, MAX_ID),
        created=made,
        start=start,
        weeks=weeks,
        days=days,
        goal=None if goal == AUTO else choice(goal, f"{where}.goal", Goal),
        level=choice(field("level"), f"{where}.level", Level),
        groups=tuple(
            choice(g, f"{where}.groups", Group)
            for g in typed(field("groups"), list, f"{where}.groups")
        ),
        equipment=None
        if equipment is None
        else frozenset(typed(item, str, f"{where}.equipment") for item in equipment),
        seed=whole(field("seed"), f"{where}.seed", 0, MAX_ID),
        main_lifts=tuple(
            MainLift(
                choice(get(m, "group", w), f"{w}.group", Group),
                exercise_id(get(m, "id", w), f"{w}.id"),
                typed(get(m, "name", w), str, f"{w}.name"),
                frozenset(
                    choice(g, f"{w}.goals", Goal)
                    for g in typed(get(m, "goals", w), list, f"{w}.goals")
                ),
                None if m.get("pattern") is None else choice(m["pattern"], f"{w}.pattern", Pattern),
            )
            for n, m in enumerate(lifts)
            for w in [f"{where}.main_lifts[{n}]"]
        ),
        sessions=days_read,
        ended=None if ended is None else created(ended, f"{where}.ended"),
        weekdays=tuple(sorted({whole(d, f"{where}.weekdays", 0, 6) for d in weekdays})),
        moves=tuple(m for m in moves if not m.beyond),  # one no calendar can follow
    )


class Programs(Part):
    """The program half of the store (mixed into `Store`)."""

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
            ident = insert_program(db, program)
        return self.program(ident)

    def programs(self) -> list[Program]:
        """Every program, oldest first (for the export)."""
        with self._guard():
            rows = self._db.execute(f"SELECT {_COLUMNS} FROM programs ORDER BY id").fetchall()
        return [_program(row) for row in rows]

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

    def move_session(self, program: Program, move: Move) -> Program:
        """Add a move to the block's calendar; the block as it now stands."""
        assert program.id is not None
        moves = _moves_json((*program.moves, move))
        with self._transaction() as db:
            db.execute(
                "UPDATE programs SET moves = ? WHERE id = ?", (json.dumps(moves), program.id)
            )
        return self.program(program.id)

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
                # SQLite takes a bare column from the row MAX() picks: the newest's time.
                "SELECT w.program_day, MAX(w.id), w.created_ts FROM workouts w"
                " WHERE w.program_id = ? AND w.program_day IS NOT NULL"
                " AND EXISTS (SELECT 1 FROM logged_sets l WHERE l.workout_id = w.id)"
                " GROUP BY w.program_day",
                (program.id,),
            ).fetchall()
        return Progress(
            done={int(day): int(workout) for day, workout, _ in rows},
            on={int(day): local_time(ts).date() for day, _, ts in rows},
        )
