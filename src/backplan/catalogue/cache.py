"""A cache of validated catalogues, so a big one is parsed and checked once.

Keyed by a hash of the file's bytes (and this backplan's and Python's versions), so
an edited file is simply a new key. The cache is an optimisation only: anything
wrong with it (missing, unreadable, stale, unwritable) means parsing as usual.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from pathlib import Path

from backplan import __version__, paths
from backplan.catalogue.model import Exercise, Group, Level, Mechanic, Pattern

KEEP = 8  # cached catalogues kept; the oldest go first
_GROUPS = {g.value: g for g in Group}
_LEVELS = {lv.value: lv for lv in Level}
_MECHANICS = {m.value: m for m in Mechanic}
_PATTERNS = {p.value: p for p in Pattern}


def _path(data: bytes) -> Path:
    salt = f"{__version__} {sys.version_info[:2]}".encode()
    digest = hashlib.blake2b(data, digest_size=16, salt=hashlib.blake2b(salt).digest()[:16])
    return paths.cache_dir() / f"catalogue-{digest.hexdigest()}.marshal"


def read(data: bytes) -> tuple[Exercise, ...] | None:
    try:
        rows = marshal.loads(_path(data).read_bytes())
        return tuple(
            Exercise(
                ident,
                name,
                _GROUPS[group],
                equipment,
                _LEVELS[level],
                _MECHANICS[mechanic],
                _PATTERNS[pattern] if pattern else None,
                cues,
                focus,
            )
            for ident, name, group, equipment, level, mechanic, pattern, cues, focus in rows
        )
    except (OSError, EOFError, ValueError, TypeError, KeyError):
        return None


def write(data: bytes, exercises: tuple[Exercise, ...]) -> None:
    rows = tuple(
        (
            e.id,
            e.name,
            e.group.value,
            e.equipment,
            e.level.value,
            e.mechanic.value,
            e.pattern.value if e.pattern else None,
            e.cues,
            e.focus,
        )
        for e in exercises
    )
    path = _path(data)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.partial")
        partial.write_bytes(marshal.dumps(rows))
        os.replace(partial, path)
        older = sorted(path.parent.glob("catalogue-*.marshal"), key=lambda p: p.stat().st_mtime)
        for stale in older[:-KEEP]:
            stale.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only or full disk costs speed, nothing else
