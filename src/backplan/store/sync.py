"""`sync`: journal what changed here since the last sync, apply what the other devices
journaled, and rebuild a history from the journals alone.

The merge is a last-writer-wins register per entity, ordered by the hybrid clock (a
deletion is an event too, and beats an older edit); sets are entities of their own, so
two devices' sets of one exercise are both kept. Applying is idempotent and
order-free: every device that has read the same events holds the same history.
Everything here happens in one SQLite write transaction; the journal is appended (and
fsynced) before it commits, so a kill at any point loses nothing: at worst the next
sync journals the same change again, which changes nothing.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, NamedTuple

from backplan import clock
from backplan.errors import ENVIRONMENT, BackplanError
from backplan.store import entities, journal
from backplan.store.journal import Clock, Event
from backplan.store.migrations import connect, default_path, guard
from backplan.store.uids import DIRTY_TRIGGERS


@dataclass(frozen=True)
class Synced:
    """What a sync did."""

    device: str
    journaled: int = 0  # changes of this device written to its journal
    applied: int = 0  # other devices' changes that changed something here
    devices: tuple[str, ...] = ()  # the other devices whose journals are in the folder
    unreadable: int = 0  # whole lines of journals that were not events
    unusable: int = 0  # events that could not be written into this history
    workouts: int = 0
    backup: Path | None = None  # rebuild: where the history before it was kept


class State(NamedTuple):
    kind: str
    parent: str | None
    hlc: str
    born: str
    deleted: bool
    present: bool
    hash: str | None


def sync(folder: Path, path: Path | None = None) -> Synced:
    """Journal this device's changes, then apply every other device's."""
    device = journal.device_id()
    with _writing(path) as db:
        return _sync(db, folder, device)


def _sync(db: sqlite3.Connection, folder: Path, device: str, own: bool = False) -> Synced:
    tick = Clock(device, _meta(db, "hlc"))
    # A sync killed after writing its journal did not record its clock: read it there.
    last = journal.last_reading(folder, device)
    if last is not None:
        tick.seen(last)
    journaled = _journal_local(db, folder, tick) if _dirty(db) else []
    events: list[Event] = []
    devices: set[str] = set()
    unreadable = 0
    offsets = dict(db.execute("SELECT path, offset FROM sync_files").fetchall())
    for found in journal.journals(folder):
        if found.device == device and not own:
            continue
        if found.device != device:
            devices.add(found.device)
        if offsets.get(found.name) == found.size:
            continue  # nothing new: the usual case, decided without opening the file
        read, offset, bad = journal.read_from(found, offsets.get(found.name, 0))
        events.extend(read)
        unreadable += bad
        db.execute(
            "INSERT OR REPLACE INTO sync_files (path, offset) VALUES (?, ?)", (found.name, offset)
        )
    applied, unusable = _apply(db, events, tick)
    if tick.text != _meta(db, "hlc"):
        db.execute("INSERT OR REPLACE INTO sync_meta (key, value) VALUES ('hlc', ?)", (tick.text,))
    if _meta(db, "dirty") != "0":  # this sync's own writes are journaled or settled
        db.execute("UPDATE sync_meta SET value = '0' WHERE key = 'dirty'")
    (workouts,) = db.execute("SELECT COUNT(*) FROM workouts").fetchone()
    return Synced(device, len(journaled), applied, tuple(sorted(devices)), unreadable,
                  unusable, workouts)  # fmt: skip


class _Writing:
    def __init__(self, path: Path | None) -> None:
        self.path = path or default_path()

    def __enter__(self) -> sqlite3.Connection:
        opened = connect(self.path)
        if opened.read_only is not None:
            opened.connection.close()
            raise BackplanError(
                f"{self.path} cannot be written: {opened.read_only}. Nothing was synced.",
                exit_code=ENVIRONMENT,
            )
        self.db = opened.connection
        self.guard = guard(self.path)
        self.guard.__enter__()
        # The stable ids, committed before any is journaled: a sync killed after writing
        # its journal journals the same ids again, never new ones for the same rows.
        if entities.without_uids(self.db):
            self.db.execute("BEGIN IMMEDIATE")
            entities.give_uids(self.db)
            self.db.commit()
        self.db.execute("BEGIN IMMEDIATE")
        problems = [row[0] for row in self.db.execute("PRAGMA quick_check(1)")]
        if problems != ["ok"]:
            raise sqlite3.DatabaseError(f"database disk image is malformed: {problems[0]}")
        return self.db

    def __exit__(self, kind: type[BaseException] | None, *rest: Any) -> None:
        try:
            if kind is None:
                self.db.commit()
            else:
                self.db.rollback()
            self.guard.__exit__(kind, *rest)
        finally:
            self.db.close()


def _writing(path: Path | None) -> _Writing:
    """The history, open in one write transaction (committed when the block ends well)."""
    return _Writing(path)


def _dirty(db: sqlite3.Connection) -> bool:
    """Whether anything sync carries was written since the last sync. Should a later
    migration remake a table (dropping its triggers), every sync looks at every row."""
    (triggers,) = db.execute(
        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync_dirty_%'"
    ).fetchone()
    return triggers != len(DIRTY_TRIGGERS) or _meta(db, "dirty") != "0"


def _meta(db: sqlite3.Connection, key: str) -> str | None:
    row = db.execute("SELECT value FROM sync_meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def _states(db: sqlite3.Connection) -> dict[str, State]:
    return {
        ident: State(kind, parent, hlc, born, bool(deleted), bool(present), digest)
        for ident, kind, parent, hlc, born, deleted, present, digest in db.execute(
            "SELECT id, kind, parent, hlc, born, deleted, present, hash FROM sync_entities"
        )
    }


def _record(db: sqlite3.Connection, events: list[tuple[Event, bool, str | None]]) -> None:
    """Each event as its entity's state here: (event, present, hash of its row)."""
    db.executemany(
        "INSERT OR REPLACE INTO sync_entities"
        " (id, kind, parent, hlc, born, deleted, present, hash, content)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (e.id, e.kind, e.parent, e.hlc, e.born, e.data is None, present, digest,
             None if e.data is None else _dumps(e.data))
            for e, present, digest in events
        ],
    )  # fmt: skip


def _dumps(content: dict[str, Any]) -> str:
    return json.dumps(content, ensure_ascii=False, separators=(",", ":"))


def _journal_local(db: sqlite3.Connection, folder: Path, tick: Clock) -> list[Event]:
    """Events for what is new, changed or gone here since this device last journaled
    or applied: appended to its journal, and recorded as its state."""
    # Only the hashes, for the usual case of a row unchanged since the last sync.
    known: dict[str, str | None] = dict(
        db.execute("SELECT id, hash FROM sync_entities WHERE deleted = 0 AND present = 1")
    )
    changed: list[entities.Row] = []
    seen = set()
    for row in entities.rows(db):
        seen.add(row.id)
        if known.get(row.id) != row.hash:
            changed.append(row)
    gone = [ident for ident in known if ident not in seen]
    if not changed and not gone:
        return []
    states = _states(db)
    events: list[tuple[Event, str | None]] = []
    for row in changed:
        was = states.get(row.id)
        hlc = tick.tick()
        born = was.born if was is not None and not was.deleted else hlc
        events.append((Event(row.id, row.kind, hlc, born, row.parent, row.content), row.hash))
    for ident in gone:
        was = states[ident]
        events.append((Event(ident, was.kind, tick.tick(), was.born, was.parent, None), None))
    journal.append(folder, tick.device, [event for event, _ in events])
    _record(db, [(event, event.data is not None, digest) for event, digest in events])
    return [event for event, _ in events]


# --- applying -------------------------------------------------------------------------


def _apply(db: sqlite3.Connection, events: Iterable[Event], tick: Clock) -> tuple[int, int]:
    """The events that win over what is here (later by the clock), written into the
    tables; how many won, and how many could not be written."""
    events = list(events)
    if not events:
        return 0, 0
    states = _states(db)
    won: dict[str, Event] = {}
    for event in events:
        tick.seen(event.hlc)
        was = won.get(event.id) or states.get(event.id)
        if was is not None and was.hlc >= event.hlc:
            continue
        won[event.id] = event
    recorded = []
    for event in won.values():
        was = states.get(event.id)
        recorded.append((event, was.present if was else False, was.hash if was else None))
    _record(db, recorded)
    if not won:
        return 0, 0
    unusable = _materialize(db, list(won.values()))
    _settle(db)
    return len(won), unusable


def _materialize(db: sqlite3.Connection, won: list[Event]) -> int:
    """The tables brought to the merged state of every entity the events touched (a
    workout with all its parts at once); how many entities could not be written."""
    unusable = 0
    workouts: set[str] = set()
    fresh = {e.id: e.data for e in won if e.data is not None}  # not read back from JSON
    programs = [e for e in won if e.kind == "program"]
    for event in programs:
        unusable += _saved(db, lambda e=event: _put_or_delete(db, e))
    if programs:
        uids = [e.id for e in programs]
        workouts.update(
            row[0]
            for row in db.execute(
                "SELECT id FROM sync_entities WHERE kind = 'workout' AND parent IN"
                f" ({','.join('?' * len(uids))})",
                uids,
            )
        )
    for event in won:
        if event.kind in ("mark", "weigh"):
            unusable += _saved(db, lambda e=event: _put_or_delete(db, e))
        elif event.kind == "workout":
            workouts.add(event.id)
        elif event.kind in entities.PARTS and event.parent is not None:
            workouts.add(event.parent)
    for uid in _in_order(db, workouts):
        unusable += _saved(db, lambda uid=uid: _workout(db, uid, fresh))
    return unusable


def _in_order(db: sqlite3.Connection, uids: set[str]) -> list[str]:
    """Workouts oldest first, so a history rebuilt numbers them as they happened."""
    created: dict[str, float] = {}
    for ident, when in db.execute(
        "SELECT id, json_extract(content, '$.created_ts') FROM sync_entities"
        " WHERE kind = 'workout' AND content IS NOT NULL"
    ):
        if ident in uids and isinstance(when, (int, float)):
            created[ident] = float(when)
    return sorted(uids, key=lambda uid: (created.get(uid, 0.0), uid))


def _saved(db: sqlite3.Connection, write: Any) -> int:
    """One entity written, or (a row this schema cannot take) left out: 0 or 1."""
    db.execute("SAVEPOINT entity")
    try:
        write()
    except (sqlite3.IntegrityError, sqlite3.InterfaceError, ValueError, TypeError, KeyError):
        db.execute("ROLLBACK TO entity")
        db.execute("RELEASE entity")
        return 1
    db.execute("RELEASE entity")
    return 0


def _put_or_delete(db: sqlite3.Connection, event: Event) -> None:
    if event.data is None:
        entities.delete_row(db, event.kind, event.id)
    elif event.kind == "program":
        entities.put_program(db, event.id, event.data)
    else:
        entities.put_simple(db, event.kind, event.data)


def _workout(db: sqlite3.Connection, uid: str, fresh: dict[str, dict[str, Any]]) -> None:
    """A workout as merged, with every part it has; or none, deleted or not arrived."""
    row = db.execute(
        "SELECT content FROM sync_entities WHERE id = ? AND kind = 'workout' AND deleted = 0",
        (uid,),
    ).fetchone()
    if row is None or row[0] is None:
        entities.delete_row(db, "workout", uid)
        return
    workout_id = entities.put_workout(db, uid, fresh.get(uid) or json.loads(row[0]))
    parts = [
        (kind, ident, born, fresh.get(ident) or json.loads(content))
        for kind, ident, born, content in db.execute(
            "SELECT kind, id, born, content FROM sync_entities"
            " WHERE parent = ? AND deleted = 0 AND kind IN ('exercise', 'other', 'set')",
            (uid,),
        )
    ]
    entities.put_parts(db, workout_id, parts)


def _settle(db: sqlite3.Connection) -> None:
    """What is in the tables now is what this device has: each entity's hash is its
    row's, and one not in the tables (its workout gone, or not arrived) is not present,
    so the next sync journals neither as a change of this device's."""
    states = _states(db)
    seen = set()
    for row in entities.rows(db):
        seen.add(row.id)
        was = states.get(row.id)
        digest = row.hash
        if was is not None and (was.hash != digest or not was.present):
            db.execute(
                "UPDATE sync_entities SET hash = ?, present = 1 WHERE id = ?", (digest, row.id)
            )
    gone = [ident for ident, was in states.items() if was.present and ident not in seen]
    db.executemany("UPDATE sync_entities SET present = 0 WHERE id = ?", [(i,) for i in gone])


# --- rebuilding -----------------------------------------------------------------------


def rebuild(folder: Path, path: Path | None = None) -> tuple[Synced, str | None]:
    """The history made again from the journals alone (this device's included). What
    this history holds that no journal has is journaled first when it can be read; the
    old file is kept beside the new one, never deleted. Returns what was done and, when
    the old history could not be read, why."""
    path = path or default_path()
    device = journal.device_id()
    unread = None
    if path.exists():
        try:
            sync(folder, path)
        except BackplanError as err:
            unread = err.message
    fresh = path.with_name(f".{path.name}.rebuilding")
    for leftover in _with_wal(fresh):
        leftover.unlink(missing_ok=True)
    with _writing(fresh) as db:
        done = _sync(db, folder, device, own=True)
    backup = None
    if path.exists():
        backup = _backup_name(path)
        for here, there in zip(_with_wal(path), _with_wal(backup), strict=True):
            if here.exists():
                os.replace(here, there)
    os.replace(fresh, path)
    return replace(done, journaled=0, backup=backup), unread


def _with_wal(path: Path) -> list[Path]:
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]


def _backup_name(path: Path) -> Path:
    stamp = clock.now().strftime("%Y%m%dT%H%M%S")
    for number in range(1, 1000):
        suffix = "" if number == 1 else f"-{number}"
        candidate = path.with_name(f"{path.name}.before-rebuild-{stamp}{suffix}")
        if not any(p.exists() for p in _with_wal(candidate)):
            return candidate
    raise BackplanError(f"Too many rebuilds of {path} this second.", exit_code=ENVIRONMENT)
