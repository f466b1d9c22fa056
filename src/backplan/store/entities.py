"""The history's rows as sync's entities, and back: each row a stable id, the entity it
belongs to (its parent) and its content (the row's columns, without this device's
numbers), read from the tables and written into them.

Columns are read from the tables themselves, so a column a later migration adds travels
without a change here; one a device does not have yet is left out when written.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from backplan.store.uids import PROGRAM_SECONDS, uuid7_sql

# This device's numbers, and what stands for them: never part of the content.
_LOCAL = {"id", "uid", "workout_id", "program_id", "set_number"}
# The parts of a workout, rewritten together whenever one of them changes.
PARTS = {"exercise": "workout_exercises", "other": "other_training", "set": "logged_sets"}


@dataclass(frozen=True)
class Row:
    """One entity as the tables hold it; its content is made only when it is needed
    (most rows are unchanged since the last sync, and only their hash is compared)."""

    id: str
    kind: str
    parent: str | None
    names: tuple[str, ...]
    values: tuple[Any, ...]
    extra: tuple[tuple[str, Any], ...] = ()  # what stands for this device's numbers

    @property
    def content(self) -> dict[str, Any]:
        return {**dict(zip(self.names, self.values, strict=True)), **dict(self.extra)}

    @property
    def hash(self) -> str:
        # repr of plain values (text, numbers, None) is the same on every run and device.
        text = repr((self.kind, self.values, self.extra))
        return hashlib.sha1(text.encode("utf-8")).hexdigest()


_columns: dict[tuple[int, str], tuple[str, ...]] = {}


def columns(db: sqlite3.Connection, table: str) -> tuple[str, ...]:
    """A table's columns in order, asked of SQLite once per connection and table (a sync
    writes thousands of rows; every connection here is migrated to one schema)."""
    key = (id(db), table)
    if key not in _columns:
        if len(_columns) > 64:
            _columns.clear()
        _columns[key] = tuple(row[1] for row in db.execute(f"PRAGMA table_info({table})"))
    return _columns[key]


def without_uids(db: sqlite3.Connection) -> bool:
    """Whether a row has no stable id yet (an index lookup each)."""
    return any(
        db.execute(f"SELECT 1 FROM {table} WHERE uid IS NULL LIMIT 1").fetchone()
        for table in ("workouts", "logged_sets", "programs")
    )


def give_uids(db: sqlite3.Connection) -> None:
    """Rows written since the last sync get their stable id now (the write paths of the
    rest of backplan need not know about sync)."""
    db.execute(f"UPDATE workouts SET uid = {uuid7_sql('created_ts')} WHERE uid IS NULL")
    db.execute(
        f"UPDATE logged_sets SET uid = {uuid7_sql('COALESCE(logged_at, created_ts)')}"
        " WHERE uid IS NULL"
    )
    db.execute(f"UPDATE programs SET uid = {uuid7_sql(PROGRAM_SECONDS)} WHERE uid IS NULL")


def _select(db: sqlite3.Connection, table: str) -> tuple[tuple[str, ...], str]:
    names = tuple(c for c in columns(db, table) if c not in _LOCAL)
    return names, ", ".join(f"t.{c}" for c in names)


def rows(db: sqlite3.Connection) -> Iterator[Row]:
    """Every entity in the tables, workouts' parts in their order (so that new ones are
    journaled, and born, in that order)."""
    names, listed = _select(db, "programs")
    for uid, *values in db.execute(f"SELECT t.uid, {listed} FROM programs t ORDER BY t.id"):
        yield Row(uid, "program", None, names, tuple(values))
    names, listed = _select(db, "workouts")
    for uid, program, *values in db.execute(
        f"SELECT t.uid, p.uid, {listed} FROM workouts t"
        " LEFT JOIN programs p ON p.id = t.program_id ORDER BY t.id"
    ):
        yield Row(uid, "workout", program, names, tuple(values), (("program", program),))
    for kind, table in PARTS.items():
        names, listed = _select(db, table)
        order = {"exercise": "t.position", "other": "t.position",
                 "set": "t.exercise_id, t.set_number"}[kind]  # fmt: skip
        key = {"exercise": "w.uid || '/' || t.exercise_id",
               "other": "w.uid || '#' || t.position", "set": "t.uid"}[kind]  # fmt: skip
        for ident, workout, *values in db.execute(
            f"SELECT {key}, w.uid, {listed} FROM {table} t"
            f" JOIN workouts w ON w.id = t.workout_id ORDER BY w.id, {order}"
        ):
            yield Row(ident, kind, workout, names, tuple(values), (("workout", workout),))
    for exercise_id, mark in db.execute("SELECT exercise_id, mark FROM marks"):
        yield Row(f"mark/{exercise_id}", "mark", None, ("exercise_id", "mark"), (exercise_id, mark))
    names, listed = _select(db, "bodyweights")
    day = names.index("day")
    for values in db.execute(f"SELECT {listed} FROM bodyweights t"):
        yield Row(f"weigh/{values[day]}", "weigh", None, names, tuple(values))


# --- writing --------------------------------------------------------------------------


def _written(db: sqlite3.Connection, table: str, content: dict[str, Any]) -> dict[str, Any]:
    """The content's columns this table has (a newer device's extra ones left out)."""
    known = set(columns(db, table)) - _LOCAL
    return {k: v for k, v in content.items() if k in known}


def put_program(db: sqlite3.Connection, uid: str, content: dict[str, Any]) -> None:
    """A program. Two devices that each started a block: the later one is the active one
    and the earlier ends when it began, as `program new` on one device would have done."""
    values = _written(db, "programs", content)
    if values.get("ended") is None:
        active = db.execute(
            "SELECT id, created, uid FROM programs WHERE ended IS NULL AND uid IS NOT ?", (uid,)
        ).fetchone()
        if active is not None:
            if (str(values.get("created")), uid) > (active[1], active[2]):
                db.execute("UPDATE programs SET ended = ? WHERE id = ?",
                           (values.get("created"), active[0]))  # fmt: skip
            else:
                values["ended"] = active[1]
    _upsert(db, "programs", uid, values)


def put_workout(db: sqlite3.Connection, uid: str, content: dict[str, Any]) -> int:
    """The workout's row (its program by its id here, when that has arrived); its number
    here, kept when it had one."""
    values = _written(db, "workouts", content)
    program = content.get("program")
    found = None
    if program is not None:
        found = db.execute("SELECT id FROM programs WHERE uid = ?", (program,)).fetchone()
    values["program_id"] = None if found is None else found[0]
    return _upsert(db, "workouts", uid, values)


def _upsert(db: sqlite3.Connection, table: str, uid: str, values: dict[str, Any]) -> int:
    row = db.execute(f"SELECT id FROM {table} WHERE uid = ?", (uid,)).fetchone()
    names = list(values)
    if row is not None:
        if names:
            sets = ", ".join(f"{n} = ?" for n in names)
            db.execute(f"UPDATE {table} SET {sets} WHERE id = ?", (*values.values(), row[0]))
        return int(row[0])
    cursor = db.execute(
        f"INSERT INTO {table} (uid, {', '.join(names)}) VALUES (?{', ?' * len(names)})",
        (uid, *values.values()),
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def delete_row(db: sqlite3.Connection, kind: str, ident: str) -> None:
    """A program, workout, mark or weigh-in gone (a workout's parts go with it)."""
    if kind in ("program", "workout"):
        db.execute(f"DELETE FROM {kind}s WHERE uid = ?", (ident,))
    elif kind == "mark":
        db.execute("DELETE FROM marks WHERE exercise_id = ?", (ident.removeprefix("mark/"),))
    elif kind == "weigh":
        db.execute("DELETE FROM bodyweights WHERE day = ?", (ident.removeprefix("weigh/"),))


def put_simple(db: sqlite3.Connection, kind: str, content: dict[str, Any]) -> None:
    """A mark or a weigh-in: its natural key is its id."""
    table = "marks" if kind == "mark" else "bodyweights"
    values = _written(db, table, content)
    names = list(values)
    marks = ", ".join("?" * len(names))
    db.execute(
        f"INSERT OR REPLACE INTO {table} ({', '.join(names)}) VALUES ({marks})",
        tuple(values.values()),
    )


def put_parts(
    db: sqlite3.Connection, workout_id: int, parts: list[tuple[str, str, str, dict[str, Any]]]
) -> None:
    """A workout's exercises, other training and sets, all of them, in place of what it
    had: (kind, id, born, content) each. Positions and set numbers are made again from
    the content's order, then the born clock, then the id, the same on every device."""
    for table in PARTS.values():
        db.execute(f"DELETE FROM {table} WHERE workout_id = ?", (workout_id,))
    rows: list[tuple[str, dict[str, Any]]] = []
    for kind in ("exercise", "other"):
        mine = sorted(
            (p for p in parts if p[0] == kind),
            key=lambda p: (p[3].get("position") or 0, p[2], p[1]),
        )
        for number, (_kind, _ident, _born, content) in enumerate(mine, start=1):
            rows.append((PARTS[kind], {**content, "position": number}))
    numbers: dict[str, int] = {}
    for _kind, ident, _born, content in sorted(
        (p for p in parts if p[0] == "set"), key=lambda p: (p[2], p[1])
    ):
        exercise = str(content.get("exercise_id"))
        numbers[exercise] = numbers.get(exercise, 0) + 1
        rows.append(("logged_sets", {**content, "set_number": numbers[exercise], "uid": ident}))
    _insert(db, rows, workout_id)


def _insert(
    db: sqlite3.Connection, rows: list[tuple[str, dict[str, Any]]], workout_id: int
) -> None:
    """Rows of a workout's parts, those with the same columns in one statement."""
    batches: dict[tuple[str, tuple[str, ...]], list[tuple[Any, ...]]] = {}
    for table, content in rows:
        known = columns(db, table)
        names = tuple(k for k in content if k in known and k != "workout_id")
        batch = batches.setdefault((table, names), [])
        batch.append((workout_id, *(content[k] for k in names)))
    for (table, names), values in batches.items():
        listed = ", ".join(("workout_id", *names))
        marks = ", ".join("?" * (len(names) + 1))
        db.executemany(f"INSERT INTO {table} ({listed}) VALUES ({marks})", values)
