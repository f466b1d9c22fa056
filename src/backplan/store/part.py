"""What every part of the Store shares: the connection, the guard that turns SQLite
failures into errors, and write transactions that never touch a damaged or read-only file."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from backplan.errors import ENVIRONMENT, BackplanError
from backplan.store.migrations import BUSY_TIMEOUT_SECONDS, check_intact, guard


class Part:
    """Mixed into the Store by each of its parts."""

    _db: sqlite3.Connection
    path: Path | None
    read_only: str | None  # why the file cannot be written; reads then come from a copy

    @contextmanager
    def _guard(self) -> Iterator[None]:
        with guard(self.path):
            yield

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE takes the write lock up front, so concurrent writers queue."""
        if self.read_only is not None:
            raise BackplanError(
                f"{self.path} cannot be written: {self.read_only}. backplan can read this "
                "history but not change it; nothing was saved.",
                exit_code=ENVIRONMENT,
            )
        with self._guard():
            self._begin()
            try:
                self._check_intact()
                yield self._db
            except BaseException:
                self._db.rollback()
                raise
            self._db.commit()

    @contextmanager
    def _snapshot(self) -> Iterator[None]:
        """Several reads that see one state of the history (a read transaction)."""
        with self._guard():
            if self._db.in_transaction:
                yield
                return
            self._db.execute("BEGIN")
            try:
                yield
            finally:
                self._db.execute("COMMIT")

    def _begin(self) -> None:
        """The write lock: at once when it is free; else, after saying so, waiting for the
        other writer (rather than 30 silent seconds)."""
        self._db.execute("PRAGMA busy_timeout = 50")
        try:
            self._db.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as err:
            if "locked" not in str(err) and "busy" not in str(err):
                raise
        finally:
            self._db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
        sys.stderr.write(
            f"warning: another backplan is writing your history; waiting up to "
            f"{BUSY_TIMEOUT_SECONDS:g} s…\n"
        )
        sys.stderr.flush()
        self._db.execute("BEGIN IMMEDIATE")

    def _check_intact(self) -> None:
        """A damaged file is never written to. Checked inside the write lock: its tables
        (one read of the schema). Its pages are read whole where that is rare: after a
        crash and on a new schema version (`connect`), and by `history check`."""
        check_intact(self._db, whole=False)
