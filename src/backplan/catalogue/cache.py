"""A cache of validated catalogues, so a big one is parsed and checked once.

Keyed by a hash of the file's bytes (and this backplan's and Python's versions), so
an edited file is simply a new key. The cache is an optimisation only: anything
wrong with it (missing, unreadable, stale, unwritable) means parsing as usual.
"""

from __future__ import annotations

import marshal
import os
import sys

# blake2b without hashlib, which loads OpenSSL: a few ms of every start-up.
from _blake2 import blake2b
from pathlib import Path

from backplan import __version__, paths
from backplan.catalogue.model import (
    Dose,
    Exercise,
    Goal,
    Group,
    Level,
    LoadKind,
    Mechanic,
    Pattern,
    Role,
    Sides,
)

KEEP = 8  # cached catalogues kept; the oldest go first
FORMAT = 5  # of the cached rows: a new format is a new key


def _path(data: bytes) -> Path:
    salt = f"{__version__} {FORMAT} {sys.version_info[:2]}".encode()
    digest = blake2b(data, digest_size=16, salt=blake2b(salt).digest()[:16])
    return paths.cache_dir() / f"catalogue-{digest.hexdigest()}.marshal"


def read(data: bytes) -> tuple[Exercise, ...] | None:
    try:
        rows = marshal.loads(_path(data).read_bytes())
        return tuple(_exercise(*row) for row in rows)
    except (OSError, EOFError, ValueError, TypeError, KeyError):
        return None


def _exercise(
    ident: str, name: str, group: str, equipment: tuple[str, ...], level: str, mechanic: str,
    pattern: str | None, cues: tuple[str, ...], focus: str | None, dose: str, sides: str,
    load: str | None, reps: tuple[int, int] | None, goals: tuple[str, ...],
    family: str | None, power: bool, harder: str | None, easier: str | None,
    aliases: tuple[str, ...], secondary: tuple[str, ...], belt: bool, main: bool, role: str,
) -> Exercise:  # fmt: skip
    return Exercise(
        ident, name, Group(group), equipment, Level(level), Mechanic(mechanic),
        Pattern(pattern) if pattern else None, cues, focus, Dose(dose), Sides(sides),
        LoadKind(load) if load else None, reps, frozenset(map(Goal, goals)), family, power,
        harder, easier, aliases, tuple(map(Group, secondary)), belt, main, Role(role),
    )  # fmt: skip


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
            e.dose.value,
            e.sides.value,
            e.load.value if e.load else None,
            e.range,
            tuple(sorted(g.value for g in e.goals)),
            e.family,
            e.power,
            e.harder,
            e.easier,
            e.aliases,
            tuple(g.value for g in e.secondary),
            e.belt,
            e.main,
            e.role.value,
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
