"""Opening the history database: numbered migrations, and refusing what is not ours.

A database that is corrupt, foreign or from a newer backplan is refused with exit
code 1 and never written to: nothing here writes before the version is known.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

from backplan import paths
from backplan.errors import ENVIRONMENT, BackplanError, Halt
from backplan.store.schema import MIGRATIONS as MIGRATIONS  # re-exported: tests, doctor
from backplan.store.schema import SCHEMA_VERSION as SCHEMA_VERSION

FILE_NAME = paths.HISTORY_FILE
BUSY_TIMEOUT_SECONDS = 30.0


def tables(version: int = SCHEMA_VERSION) -> frozenset[str]:
    """Every table the migrations up to `version` make: a history missing one is damaged."""
    return frozenset(
        statement.split()[2]
        for migration in MIGRATIONS[:version]
        for statement in migration
        if statement.startswith("CREATE TABLE")
    )


def default_path() -> Path:
    return paths.history_file()


@contextmanager
def guard(path: Path | None) -> Iterator[None]:
    """SQLite failures are the environment's (exit 1); the file is left as it is."""
    where = str(path) if path else "the history database"
    try:
        yield
    except sqlite3.DatabaseError as err:
        text = " ".join(str(err).split())  # one line, whatever SQLite's report holds
        if "disk is full" in text or "disk I/O error" in text:
            raise Halt(_disk_failed(path, where, text)) from None
        if "locked" in text or "busy" in text:
            message = f"{where} is busy: another backplan is still writing. Try again."
        elif any(word in text for word in ("not a database", "malformed", "corrupt", "no such")):
            message = (
                f"{where} is corrupt or not a backplan database ({text}). "
                "It was left untouched; move it aside to start a new history."
            )
        else:
            message = f"{where} could not be used: {text}."
        raise BackplanError(message, exit_code=ENVIRONMENT) from None


def _disk_failed(path: Path | None, where: str, text: str) -> str:
    """What to say when the disk refused a write (SQLite says 'disk I/O error' when the
    log beside the file cannot grow)."""
    try:
        full = path is not None and os.statvfs(path.parent).f_bavail == 0
    except OSError:
        full = False
    cause = "the disk is full" if full or "full" in text else f"the disk failed ({text})"
    return (
        f"{where} could not be written: {cause}. Everything saved before is kept; "
        "free some space and run again."
    )


class Opened(NamedTuple):
    connection: sqlite3.Connection
    path: Path | None  # None: no history yet, read as empty
    read_only: str | None = None  # why the file cannot be written, when it cannot


def connect(path: Path | None = None, *, create: bool = True) -> Opened:
    """Open (and migrate) the history; without `create`, a missing file reads as empty.
    A history backplan may not write (a backup, a read-only mount) is read from a copy in
    memory, migrated there, and every write to it is refused naming why."""
    path = path or default_path()
    refuse_special(path)
    if not path.exists() and not create:
        return Opened(_migrated(sqlite3.connect(":memory:", isolation_level=None), None), None)
    reason = _unwritable(path)
    if reason is not None:
        return Opened(_copied(path), path, reason)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise BackplanError(
            f"Cannot create {path.parent}: {err.strerror or err}.", exit_code=ENVIRONMENT
        ) from None
    if _hot_log(path):
        _check_after_crash(path)
    with guard(path):
        connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
    try:
        return Opened(_migrated(connection, path), path)
    except BaseException:
        connection.close()
        raise


def _hot_log(path: Path) -> bool:
    """Whether the write-ahead log holds pages: SQLite folds it into the file and deletes
    it when the last connection closes, so one left behind is a crash (or a backplan
    running now)."""
    try:
        return path.with_name(path.name + "-wal").stat().st_size > 0
    except OSError:
        return False


def _check_after_crash(path: Path) -> None:
    """The whole file read before it is used, through a read-only connection: one that
    found damage and closed would fold the log into the file, and the next backplan would
    see no crash."""
    with guard(path):
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            check_intact(db, True, check_ours(db, path))
        finally:
            db.close()


def check_intact(db: sqlite3.Connection, whole: bool, version: int = SCHEMA_VERSION) -> None:
    """A damaged file is never written to: a table missing (always checked; it costs one
    read of the schema) or, with `whole`, a page that does not read (PRAGMA quick_check:
    it reads the whole file, so it runs where it is rare, not on every write)."""
    present = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    missing = sorted(tables(version) - present)
    if missing:
        raise sqlite3.DatabaseError(f"no such table: {', '.join(missing)}")
    if whole:
        problems = [row[0] for row in db.execute("PRAGMA quick_check(1)")]
        if problems != ["ok"]:
            raise sqlite3.DatabaseError(f"database disk image is malformed: {problems[0]}")


def refuse_special(path: Path) -> None:
    """A folder, a pipe or a device is no history: said plainly, before SQLite tries it
    (a pipe would wait forever; /dev/zero gives 'disk I/O error')."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return
    except OSError as err:
        raise BackplanError(
            f"{path} cannot be read ({err.strerror or err}).", exit_code=ENVIRONMENT
        ) from None
    if stat.S_ISDIR(mode):
        raise BackplanError(
            f"{path} is a directory, not a history database.", exit_code=ENVIRONMENT
        )
    if not stat.S_ISREG(mode):
        raise BackplanError(
            f"{path} is not a regular file (a pipe or a device), so not a history database; "
            "move it aside to start a new history.",
            exit_code=ENVIRONMENT,
        )


def _unwritable(path: Path) -> str | None:
    """Why backplan may not write the history (SQLite writes beside it too), or None."""
    folder = path.parent
    if folder.exists() and os.statvfs(folder).f_flag & os.ST_RDONLY:
        return f"{folder} is on a read-only file system"
    if path.exists() and not os.access(path, os.W_OK):
        return "the file is read-only"
    if folder.exists() and not os.access(folder, os.W_OK):
        return f"its folder {folder} is read-only"
    return None


def _copied(path: Path) -> sqlite3.Connection:
    """The history read into memory (and migrated there), leaving the file as it is."""
    with guard(path):
        if not os.access(path, os.R_OK):
            raise BackplanError(
                f"{path} cannot be read (permission denied).", exit_code=ENVIRONMENT
            )
        # immutable: no lock or journal file is needed beside a file nobody here can change.
        source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
        memory = sqlite3.connect(":memory:", isolation_level=None)
        try:
            check_ours(source, path)
            source.backup(memory)
        finally:
            source.close()
    return _migrated(memory, path)


def check_ours(db: sqlite3.Connection, path: Path | None) -> int:
    """The schema version of a backplan history; anything else is refused untouched."""
    # One statement, one snapshot: another backplan may be creating the file right now.
    version, objects = db.execute(
        "SELECT user_version, (SELECT COUNT(*) FROM sqlite_master) FROM pragma_user_version"
    ).fetchone()
    _refuse_newer(version, path)
    if version < 0 or (version == 0 and objects) or (version > 0 and not _has_workouts(db)):
        raise BackplanError(
            f"{path} is an SQLite database, but not backplan's; it was left untouched.",
            exit_code=ENVIRONMENT,
        )
    return int(version)


def _has_workouts(db: sqlite3.Connection) -> bool:
    found = db.execute(
        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'workouts'"
    ).fetchone()[0]
    return bool(found)


def _migrated(db: sqlite3.Connection, path: Path | None) -> sqlite3.Connection:
    with guard(path):
        version = check_ours(db, path)
        db.execute("PRAGMA foreign_keys = ON")
        if version < SCHEMA_VERSION:
            if version == 0:
                # Persistent; lets readers carry on while another process writes.
                db.execute("PRAGMA journal_mode = WAL")
            db.execute("BEGIN IMMEDIATE")
            try:
                # Another process may have migrated while this one waited for the lock.
                version = db.execute("PRAGMA user_version").fetchone()[0]
                _refuse_newer(version, path)
                if version > 0:  # once per schema version: the file is read whole anyway
                    check_intact(db, True, version)  # before any migration writes to it
                for number in range(version + 1, SCHEMA_VERSION + 1):
                    for statement in MIGRATIONS[number - 1]:
                        db.execute(statement)
                db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            except BaseException:
                db.rollback()
                raise
            db.commit()
    return db


def _refuse_newer(version: int, path: Path | None) -> None:
    if version > SCHEMA_VERSION:
        raise BackplanError(
            f"{path} was written by a newer backplan (schema {version}; this one reads up to "
            f"{SCHEMA_VERSION}). Upgrade backplan; the file was left untouched.",
            exit_code=ENVIRONMENT,
        )
