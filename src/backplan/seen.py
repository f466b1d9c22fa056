"""Notes worth saying once a day, not every session: which were said, and when."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable
from datetime import date

from backplan import paths
from backplan.errors import BackplanError
from backplan.files import write_atomically

FILE_NAME = "notes-said.json"


def once_a_day(notes: Iterable[str], today: date, repeating: Iterable[str]) -> list[str]:
    """`notes` without those of `repeating` already said today; records the ones said.
    Anything wrong with the record (missing, damaged, unwritable) means saying it again."""
    path = paths.cache_dir() / FILE_NAME
    try:
        said = json.loads(path.read_text(encoding="utf-8"))
        said = said if isinstance(said, dict) else {}
    except (OSError, ValueError):
        said = {}
    kept, wanted = [], set(repeating)
    stamp = today.isoformat()
    for note in notes:
        if note in wanted:
            if said.get(note) == stamp:
                continue
            said[note] = stamp
        kept.append(note)
    fresh = {note: day for note, day in said.items() if day == stamp}
    with contextlib.suppress(BackplanError):  # a cache only: failing costs a repeat
        write_atomically(path, json.dumps(fresh, ensure_ascii=False))
    return kept
