"""Your settings, recovery and weekly stats as people read them (and their JSON)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from rich.table import Table
from rich.text import Text

from backplan.catalogue.model import Group
from backplan.documents import config_json
from backplan.render.console import Cell, Column, data_table, fitted_table, group_text, out
from backplan.when import days_ago

if TYPE_CHECKING:
    from pathlib import Path

    from backplan.config import Config
    from backplan.training.recovery import GroupStatus, Usage

# --- settings -----------------------------------------------------------------------


def config_table(settings: Config, path: Path) -> None:
    defaults = {
        "equipment": "everything",
        "level": "intermediate",
        "goal": "hypertrophy",
        "exercises": "6",
        "unit": "kg",
        "plates": ", ".join(f"{p:g}" for p in settings.rack.plates) + f" {settings.unit}",
        "bar": f"{settings.rack.bar:g} {settings.unit}",
        "sync_dir": "none: backplan sync --dir PATH",
    }
    table = data_table()
    table.add_column("Setting", no_wrap=True)
    table.add_column("Value")
    for key, value in config_json(settings).items():
        if key == "step":
            for item, step in value.items():
                table.add_row(f"step.{item}", f"{step:g} {settings.unit}")
            table.add_row("step.*", Text(_default_steps(settings.unit, value), style="dim"))
        elif value is None:
            table.add_row(key, Text(f"{defaults[key]} (default)", style="dim"))
        elif key == "plates":
            table.add_row(key, ", ".join(f"{p:g}" for p in value) + f" {settings.unit}")
        elif key == "bar":
            table.add_row(key, f"{value:g} {settings.unit}")
        else:
            table.add_row(key, ", ".join(value) if isinstance(value, list) else str(value))
    out.print(table)
    out.print(Text(f"from {path}", style="dim"), soft_wrap=True)


def _default_steps(unit: str, mine: dict[str, float]) -> str:
    """'dumbbell 2, kettlebell 4, the rest 2.5 kg (default)'."""
    from backplan.training.loads import INCREMENTS

    column = 0 if unit == "kg" else 1
    common = INCREMENTS["barbell"][column]
    odd = [f"{item} {steps[column]:g}" for item, steps in INCREMENTS.items()
           if steps[column] != common and item not in mine]  # fmt: skip
    return ", ".join([*odd, f"the rest {common:g} {unit} (default)"])


# --- recovery and stats -------------------------------------------------------------------


def status_table(groups: Sequence[GroupStatus], now: datetime) -> None:
    columns = [
        Column("Group"),
        Column("Last trained", "Last"),
        Column("Sets, 7 days", "7 days", justify="right"),
        Column("Status", no_wrap=False),
    ]
    rows = []
    for s in groups:
        last: Text | Cell = Text("never", style="dim")
        if s.last_trained:
            ago = days_ago(s.last_trained, now)
            last = Cell(Text(f"{ago}, {s.last_trained.astimezone():%H:%M}"), Text(ago))
        if s.ready_at is None:
            state: Text | Cell = Text("ready", style="bold green")
        else:
            state = Cell(
                Text(f"recovering: {s.reason}; ready {s.ready_at:%a}", style="yellow"),
                Text(f"ready {s.ready_at:%a}", style="yellow"),
            )
        if s.partial and isinstance(state, Text):
            state.append(f" · {s.partial:g} at half credit", style="dim")
        elif s.partial and isinstance(state, Cell) and isinstance(state.wide, Text):
            state.wide.append(f" · {s.partial:g} at half credit", style="dim")
        rows.append([group_text(s.group), last, f"{s.sets_last_7_days:g}", state])
    table = fitted_table(columns, rows, "Recovery")
    out.print(table)
    if any(s.partial for s in groups):
        out.print(
            Text(
                "Half credit: a lift that also loads another group (rows the lower back, "
                "hinges the upper back) gives it half a set for each set.",
                style="dim",
            )
        )
    if any(not s.ready for s in groups):
        out.print(
            Text(
                "Recovering: 4 or more hard sets yesterday or today, ready from the start of "
                "the second day after (NSCA: a rest day between sessions for the same "
                "muscles). A whole-back workout gives those slots to the others.",
                style="dim",
            )
        )


def weekly_bar(count: float, before: float | None, colour: str, cells: int = 12) -> Text:
    """The sets up to 24 in `cells` cells, the 10-20 band shaded, the count, and the
    trend since the week before: '██████░░░···  14 ↑'."""
    from backplan.training.recovery import WEEKLY_SETS_MARK
    from backplan.training.slots import WEEKLY_HIGH

    per_cell = FULL_BAR / cells
    filled = min(cells, round(count / per_cell))
    bar = Text()
    for cell in range(cells):
        in_band = WEEKLY_SETS_MARK <= (cell + 1) * per_cell <= WEEKLY_HIGH
        if cell < filled:
            style = "bold green" if WEEKLY_SETS_MARK <= count <= WEEKLY_HIGH else colour
            bar.append("█", style=style)
        else:
            bar.append("░" if in_band else "·", style="dim")
    # Half sets (partial credit) read as whole ones in a narrow bar.
    bar.append(f" {count:>3g}" if cells > NARROW_CELLS else f" {round(count):>2d}")
    if before is not None:
        bar.append(" ↑" if count > before else " ↓" if count < before else " =", style="dim")
    return bar


FULL_BAR = 24  # sets a week: a bar's length; 12 cells of two, or 6 of four when narrow
NARROW_CELLS = 6


def stats_view(weeks: Sequence[tuple[date, dict[Group, float]]], usage: Usage) -> None:
    columns = [Column("Week of", "Week"), *(Column(group_text(group)) for group in Group)]
    rows = []
    previous: dict[Group, float] | None = None
    for start, sets in weeks:
        cells: list[Any] = [start.strftime("%d %b")]
        for group in Group:
            before = previous[group] if previous is not None else None
            cells.append(
                Cell(
                    weekly_bar(sets[group], before, group.colour),
                    weekly_bar(sets[group], before, group.colour, cells=NARROW_CELLS),
                )
            )
        rows.append(cells)
        previous = sets
    out.print(fitted_table(columns, rows, "Sets per week: the shaded band is 10–20 a week"))
    out.print(
        Text(
            "Schoenfeld, Ogborn & Krieger 2017: more weekly sets, more growth; 10 or more a "
            "muscle did best. ↑ ↓ compare with the week before.",
            style="dim",
        )
    )
    if not usage.done_any:
        out.print("\nNo workouts yet: every exercise is still new. Plan one with: backplan workout")
        return
    never = usage.never_done
    out.print(Text(f"\nNever done ({len(never)} at your level and with your equipment)",
                   style="bold"))  # fmt: skip
    if never:
        out.print(Text(", ").join(Text(e.id, style=e.group.colour) for e in never))
    else:
        out.print("You have done every exercise your settings would plan.")
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column()
    for label, ranked in (("Most used", usage.most_used), ("Least used", usage.least_used)):
        grid.add_row(label, ", ".join(f"{e.id} ({n})" for e, n in ranked))
    out.print()
    out.print(grid)
