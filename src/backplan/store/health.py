"""Whether the history database is sound, read without writing a byte: for `doctor`."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from backplan.errors import BackplanError
from backplan.store import migrations


@dataclass(frozen=True)
class HistoryHealth:
    path: Path
    exists: bool
    size: int | None  # bytes, the write-ahead log included
    schema: int | None  # the file's schema version (PRAGMA user_version)
    workouts: int | None
    problem: str | None  # None: sound

    @property
    def supported(self) -> int:
        return migrations.SCHEMA_VERSION


def history_health(path: Path | None = None) -> HistoryHealth:
    """The history at `path` (default: where backplan keeps it), checked read-only:
    SQLite's integrity check, the schema version against this backplan's, the workouts."""
    path = path or migrations.default_path()
    try:
        migrations.refuse_special(path)
    except BackplanError as refused:
        return HistoryHealth(path, True, None, None, None, refused.message)
    if not path.exists():
        return HistoryHealth(path, False, None, None, None, None)
    size = sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists())
    schema: int | None = None
    try:
        # mode=ro: never created, migrated or written, whatever is found.
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as err:
        return HistoryHealth(path, True, size, None, None, _said(err))
    try:
        schema = int(db.execute("PRAGMA user_version").fetchone()[0])
        checked = [row[0] for row in db.execute("PRAGMA integrity_check")]
        if checked != ["ok"]:
            damage = "; ".join(" ".join(str(line).split()) for line in checked[:3])
            return HistoryHealth(path, True, size, schema, None, f"damaged: {damage}")
        if migrations.check_ours(db, path) == 0:
            return HistoryHealth(path, True, size, schema, 0, None)  # empty: set up on use
        workouts = int(db.execute("SELECT COUNT(*) FROM workouts").fetchone()[0])
    except BackplanError as refused:
        return HistoryHealth(path, True, size, schema, None, refused.message)
    except sqlite3.Error as err:
        return HistoryHealth(path, True, size, schema, None, _said(err))
    finally:
        db.close()
    return HistoryHealth(path, True, size, schema, workouts, None)


def _said(err: sqlite3.Error) -> str:
    text = " ".join(str(err).split())  # one line, whatever SQLite's report holds
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return f"corrupt or not a backplan database ({text})"
    return f"cannot be read ({text})"
