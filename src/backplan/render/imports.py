"""What an import from another app found: each name, where it goes, and what was left."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from rich.text import Text

from backplan.render.console import data_table, out, plural


class Mapped(NamedTuple):
    """One of the app's names: the id it maps to (None: left out), how or why not, its
    sets, and those in another measure than the exercise's."""

    name: str
    id: str | None
    how: str
    sets: int
    other_dose: int = 0


def import_table(
    names: Sequence[Mapped], counts: tuple[int, int, int], app: str, unused: Sequence[str]
) -> None:
    """The names that map to the catalogue (and how), then those left out (and why).
    `counts`: sets, sessions, and sessions with back exercises."""
    rows, sessions, with_back = counts
    kept = sorted((m for m in names if m.id is not None), key=lambda m: -m.sets)
    left = sorted((m for m in names if m.id is None), key=lambda m: -m.sets)
    out.print(
        f"{rows:,} sets in {plural(sessions, 'session')} of {app}; "
        f"{with_back:,} with back exercises.",
        markup=False,
    )
    if kept:
        table = data_table()
        table.add_column(f"In {app}", overflow="fold")
        table.add_column("backplan", overflow="fold")
        table.add_column("How", no_wrap=True)
        table.add_column("Sets", justify="right", no_wrap=True)
        for m in kept:
            sets = f"{m.sets:,}" + (f" ({m.other_dose} left out)" if m.other_dose else "")
            table.add_row(
                m.name, m.id, Text(m.how, style="yellow" if "close" in m.how else ""), sets
            )
        out.print(table)
    if left:
        out.print(Text(f"Kept as other training, never planned ({len(left)}):", style="bold"))
        for m in left:
            out.print(Text(f"  {m.name} ({plural(m.sets, 'set')}): {m.how}", style="dim"))
        out.print(
            Text(
                'One of them that is a back exercise: --map "NAME=ID" maps it.',
                style="dim",
            )
        )
    for name in unused:
        out.print(Text(f"--map {name}: no exercise of that name in the file.", style="yellow"))
    if any(m.other_dose for m in kept):
        out.print(
            Text("Sets left out are in another measure (reps, seconds or metres).", style="dim")
        )
