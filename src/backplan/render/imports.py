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
    ask: str | None = None  # an id it may be: a question, not a mapping


def import_table(
    names: Sequence[Mapped], counts: tuple[int, int, int], app: str, unused: Sequence[str]
) -> None:
    """The names that map to the catalogue (and how), then those left out (and why).
    `counts`: sets, sessions, and sessions with back exercises."""
    rows, sessions, with_back = counts
    kept = sorted((m for m in names if m.id is not None), key=lambda m: -m.sets)
    left = sorted((m for m in names if m.id is None and m.ask is None), key=lambda m: -m.sets)
    asked = sorted((m for m in names if m.ask is not None), key=lambda m: -m.sets)
    out.print(
        f"{rows:,} set{'' if rows == 1 else 's'} in {plural(sessions, 'session')} of {app}; "
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
    if asked:
        out.print(Text(f"Not sure, kept as other training until you say ({len(asked)}):",
                       style="bold"))  # fmt: skip
        for m in asked:
            out.print(Text(f"  {m.name} ({plural(m.sets, 'set')}): {m.how}", style="yellow"))
            out.print(Text(f'    --map "{m.name}={m.ask}" maps it.', style="yellow"))
    for name in unused:
        out.print(Text(f"--map {name}: no exercise of that name in the file.", style="yellow"))
    if any(m.other_dose for m in kept):
        out.print(
            Text("Sets left out are in another measure (reps, seconds or metres).", style="dim")
        )


def left_out(rows: int, count: int, listed: Sequence[tuple[int, str]]) -> None:
    """The rows of the file that cannot be real, by line: left out, the rest imported."""
    if not count:
        return
    out.print(
        Text(f"Left out {plural(count, 'row')} of {rows:,} that cannot be real:", style="bold")
    )
    for line, why in listed:
        out.print(Text(f"  line {line}: {why}", style="yellow"))
    if count > len(listed):
        out.print(Text(f"  and {count - len(listed):,} more", style="yellow"))


def near_max(count: int) -> None:
    """Heavy singles and doubles logged with no effort, read near a max."""
    if count:
        out.print(
            Text(
                ("1 heavy single or double" if count == 1 else f"{count} heavy singles and doubles")
                + " "
                "with no RPE read near a max (RPE 9.5 for a single, 9 for a double).",
                style="dim",
            )
        )
