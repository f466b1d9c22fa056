"""The catalogue as people read it: the exercise table, one exercise's panel, `check`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rich.console import Group as RichGroup
from rich.console import RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from backplan.catalogue.model import Catalogue, Dose, Exercise, Goal, Group, Sides
from backplan.render.console import (
    SECTION,
    Cell,
    Column,
    data_table,
    equipment_text,
    exercise_width,
    fitted_table,
    group_legend,
    group_text,
    name_and_id,
    narrow,
    out,
    plural,
)

MARK_WORDS = {
    "pin": "pinned: first in its group every session",
    "ban": "banned: never planned",
}


def exercise_table(
    exercises: Sequence[Exercise], title: str, marks: Mapping[str, str] | None = None
) -> None:
    # Each group is a section under its name, so the columns fit 80 without breaking
    # an id or an equipment name; narrow, the equipment goes under the id.
    columns = [
        Column("Exercise", width=exercise_width(exercises, others=16 if narrow() else 40),
               no_wrap=False),
        Column("Equipment", "", no_wrap=False),
        Column("Level"),
        Column("Type", ""),
    ]  # fmt: skip
    rows: list[Sequence[RenderableType | Cell]] = []
    previous: Group | None = None
    for exercise in exercises:
        if exercise.group != previous:
            if previous is not None:
                rows.append(SECTION)
            rows.append([group_text(exercise.group)])
        previous = exercise.group
        mark = (marks or {}).get(exercise.id)
        cell = Text(exercise.name, style="bold")
        if mark:
            cell.append(" (pinned)" if mark == "pin" else " (banned)", style="bold yellow")
        cell.append(f"\n{exercise.id}", style="dim")
        whole = cell.copy()
        whole.append(f"\n{equipment_text(exercise)}", style="dim italic")
        rows.append(
            [Cell(cell, whole), equipment_text(exercise), exercise.level.value,
             exercise.mechanic.value]
        )  # fmt: skip
    out.print(fitted_table(columns, rows, title))
    out.print(group_legend(dict.fromkeys(e.group for e in exercises)))


def marks_table(marks: Mapping[str, str], known: Mapping[str, Exercise]) -> None:
    table = data_table("Your pins and bans")
    table.add_column("Exercise")
    table.add_column("Group", no_wrap=True)
    table.add_column("Mark")
    for ident, mark in sorted(marks.items(), key=lambda item: (item[1] != "pin", item[0])):
        exercise = known.get(ident)
        table.add_row(
            name_and_id(exercise.name, ident) if exercise else Text(ident, style="dim"),
            group_text(exercise.group) if exercise else Text("not in the catalogue", style="dim"),
            MARK_WORDS[mark],
        )
    out.print(table)


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
    for label, value in [*_schema_facts(exercise), *extra]:
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
    line = Text("✓ ", style="green")
    line.append(f"{catalogue.source}: {plural(len(catalogue.exercises), 'exercise')} ({counts})")
    out.print(line, soft_wrap=True)


def _schema_facts(exercise: Exercise) -> list[tuple[str, Text | str]]:
    """How the exercise is dosed and progressed, where it differs from plain reps."""
    unit = {Dose.REPS: "reps", Dose.SECONDS: "s", Dose.METRES: "m"}[exercise.dose]
    dose = f"{exercise.range[0]}–{exercise.range[1]} {unit}" if exercise.range else "reps"
    if exercise.sides is Sides.EACH:
        dose += " per side"
    facts: list[tuple[str, Text | str]] = [("dose", dose), ("load", exercise.load_kind.value)]
    if exercise.power:
        facts.append(("power", "ballistic: trained first, never to a grind"))
    if exercise.main:
        facts.append(("main", "a core lift: first in its group, and a block's main lift"))
    if exercise.preparation:
        facts.append(("role", "preparation: readies the group, counts no group volume"))
    if exercise.belt:
        facts.append(("belt", "loaded with a dipping belt once your reps top out"))
    if exercise.goals != frozenset(Goal):
        facts.append(("goals", ", ".join(g.value for g in Goal if g in exercise.goals)))
    for label, value in (("easier", exercise.easier), ("harder", exercise.harder)):
        if value:
            facts.append((label, value))
    if exercise.aliases:
        facts.append(("also called", ", ".join(exercise.aliases)))
    return facts
