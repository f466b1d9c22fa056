"""Everything a person reads (rich tables and panels) and every JSON document."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any

from rich import box
from rich.console import Console
from rich.console import Group as RichGroup
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from backplan.catalogue import Catalogue, Exercise, Group

out = Console(highlight=False)
err = Console(stderr=True, highlight=False)


def print_json(document: Any) -> None:
    """Stdout holds one JSON document and nothing else."""
    sys.stdout.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")


def error(message: str, details: Sequence[str] = ()) -> None:
    for line in details:
        err.print(escape(line), soft_wrap=True)
    err.print(f"[bold red]error:[/] {escape(message)}", soft_wrap=True)


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def group_text(group: Group) -> Text:
    return Text(group.label, style=f"bold {group.colour}")


def equipment_text(exercise: Exercise) -> str:
    return ", ".join(exercise.equipment) or "bodyweight"


def exercise_json(exercise: Exercise) -> dict[str, Any]:
    return {
        "id": exercise.id,
        "name": exercise.name,
        "group": exercise.group.value,
        "equipment": list(exercise.equipment),
        "level": exercise.level.value,
        "mechanic": exercise.mechanic.value,
        "pattern": exercise.pattern.value if exercise.pattern else None,
        "cues": list(exercise.cues),
        "focus": exercise.focus,
    }


def _name_and_id(name: str, ident: str) -> Text:
    # Name and id share a cell so the table fits 80 columns without losing the id to type.
    cell = Text(name, style="bold")
    cell.append("\n")
    cell.append(ident, style="dim")
    return cell


def group_legend(groups: Iterable[Group]) -> Text:
    legend = Text()
    for group in groups:
        if legend:
            legend.append("\n")
        legend.append_text(group_text(group))
        legend.append(f": {group.benefit}", style="dim")
    return legend


def exercise_table(exercises: Sequence[Exercise], title: str) -> None:
    table = Table(
        title=title,
        title_justify="left",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        padding=(0, 1, 0, 0),  # the box's own separator is the other space between columns
    )
    # Never narrower than the longest id, so an id is never cut and can be copied as it
    # stands; the other columns need about 52 characters.
    id_width = max(len(e.id) for e in exercises)
    name_width = max(len(e.name) for e in exercises)
    table.add_column("Exercise", width=max(id_width, min(name_width, out.width - 52)))
    table.add_column("Group", no_wrap=True)
    table.add_column("Equipment", min_width=len("pull-up-bar"), overflow="fold")
    table.add_column("Level", no_wrap=True, min_width=len("intermediate"))
    table.add_column("Type", no_wrap=True, min_width=len("isolation"))
    previous: Group | None = None
    for exercise in exercises:
        if previous is not None and exercise.group != previous:
            table.add_section()
        previous = exercise.group
        table.add_row(
            _name_and_id(exercise.name, exercise.id),
            group_text(exercise.group),
            equipment_text(exercise),
            exercise.level.value,
            exercise.mechanic.value,
        )
    out.print(table)
    out.print(group_legend(dict.fromkeys(e.group for e in exercises)))


def exercise_panel(exercise: Exercise, extra: Sequence[tuple[str, Text | str]] = ()) -> None:
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="dim", no_wrap=True)
    facts.add_column()
    heading = group_text(exercise.group)
    heading.append(f": {exercise.group.benefit}", style="dim")
    facts.add_row("group", heading)
    facts.add_row("equipment", equipment_text(exercise))
    facts.add_row("level", exercise.level.value)
    kind = exercise.mechanic.value
    if exercise.pattern:
        kind += f", {exercise.pattern.value}"
    facts.add_row("type", kind)
    for label, value in extra:
        facts.add_row(label, value)
    cues = Text()
    for cue in exercise.cues:
        cues.append("\n" if cues else "")
        cues.append("• ", style=exercise.group.colour)
        cues.append(cue)
    parts: list[Any] = [facts, Text("\nForm", style="bold"), cues]
    if exercise.focus:
        parts += [Text("\nFocus", style="bold"), Text(exercise.focus, style="italic")]
    title = Text(exercise.name, style="bold")
    title.append(f"  {exercise.id}", style="dim")
    out.print(
        Panel(
            RichGroup(*parts),
            title=title,
            title_align="left",
            border_style=exercise.group.colour,
            expand=False,
        )
    )


def check_ok(catalogue: Catalogue) -> None:
    counts = ", ".join(
        f"{group.label} {sum(e.group is group for e in catalogue.exercises)}" for group in Group
    )
    out.print(
        f"[green]✓[/] {escape(catalogue.source)}: {plural(len(catalogue.exercises), 'exercise')} "
        f"({counts})",
        soft_wrap=True,
    )
