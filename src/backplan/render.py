"""Everything a person reads (rich tables and panels) and every JSON document."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from rich import box
from rich.console import Console
from rich.console import Group as RichGroup
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from backplan.catalogue import BODYWEIGHT, Catalogue, Exercise, Group
from backplan.when import days_ago

if TYPE_CHECKING:  # only for annotations: `list` needs none of these modules
    from pathlib import Path

    from backplan.config import Config
    from backplan.progression import Load
    from backplan.recovery import GroupStatus, Usage
    from backplan.workout import PlannedExercise, Workout

out = Console(highlight=False)
err = Console(stderr=True, highlight=False)


def print_json(document: Any) -> None:
    """Stdout holds one JSON document and nothing else."""
    write_stdout(json.dumps(document, indent=2, ensure_ascii=False) + "\n")


def write_stdout(text: str) -> None:
    sys.stdout.write(text)


def warning(message: str) -> None:
    err.print(f"[bold yellow]warning:[/] {escape(message)}", soft_wrap=True)


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


def _table(title: str | None = None) -> Table:
    """backplan's table: a rule under the header and no frame, so it fits 80 columns."""
    return Table(
        title=title,
        title_justify="left",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        padding=(0, 1, 0, 0),  # the box's own separator is the other space between columns
    )


def _exercise_width(exercises: Sequence[Exercise | PlannedExercise], others: int) -> int:
    """Never narrower than the longest id, so an id is never cut and can be copied as it
    stands; names wrap when the other columns need their `others` characters."""
    id_width = max(len(e.id) for e in exercises)
    name_width = max(len(e.name) for e in exercises)
    return max(id_width, min(name_width, out.width - others))


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
    table = _table(title)
    table.add_column("Exercise", width=_exercise_width(exercises, others=52))
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


# --- workouts -------------------------------------------------------------------------


def rest_text(seconds: int) -> str:
    if seconds < 120:
        return f"{seconds} s"
    minutes, rest = divmod(seconds, 60)
    return f"{minutes} min" if not rest else f"{minutes}:{rest:02d} min"


def when_text(moment: datetime) -> str:
    return moment.strftime("%a %d %b %Y %H:%M")


def load_json(load: Load | None) -> dict[str, Any] | None:
    if load is None:
        return None
    return {"weight": load.weight, "unit": load.unit, "change": load.change, "reason": load.reason}


def planned_json(e: PlannedExercise) -> dict[str, Any]:
    """One exercise of a workout, with the spec's keys."""
    return {
        "position": e.position,
        "id": e.id,
        "name": e.name,
        "group": e.group.value,
        "mechanic": e.mechanic.value,
        "pattern": e.pattern.value if e.pattern else None,
        "sets": e.prescription.sets,
        "reps_min": e.prescription.reps_min,
        "reps_max": e.prescription.reps_max,
        "rest_seconds": e.prescription.rest_seconds,
        "reason": e.reason,
        "load": load_json(e.load),
    }


def sets_json(e: PlannedExercise) -> list[dict[str, Any]]:
    return [{"reps": s.reps, "weight": s.weight, "unit": s.unit} for s in e.sets_logged]


def workout_json(workout: Workout, with_logs: bool = False) -> dict[str, Any]:
    """The spec's workout document; history's also carries what was logged."""
    return {
        "id": workout.id,
        "created": workout.created.isoformat(timespec="seconds"),
        "goal": workout.goal.value,
        "level": workout.level.value,
        "groups": [g.value for g in workout.groups],
        "estimated_minutes": workout.estimated_minutes,
        "notes": list(workout.notes),
        "exercises": [
            {**planned_json(e), "sets_logged": sets_json(e)} if with_logs else planned_json(e)
            for e in workout.exercises
        ],
    }


def _groups_text(groups: Sequence[Group]) -> Text:
    if set(groups) == set(Group):
        return Text("whole back")
    return Text(" + ").join(group_text(g) for g in groups)


def workout_view(workout: Workout, unit: str) -> None:
    title = Text("Back workout", style="bold")
    if workout.id is not None:
        title.append(f" #{workout.id}", style="bold")
    title.append(" · ")
    title.append_text(_groups_text(workout.groups))
    title.append(f" · {workout.goal.value} · {workout.level.value}")
    title.append(f" · about {workout.estimated_minutes} min", style="bold")
    out.print(title)
    out.print(Text(when_text(workout.created), style="dim"))

    table = _table()
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Exercise", width=_exercise_width(workout.exercises, others=48))
    table.add_column("Group", no_wrap=True)
    table.add_column("Sets×reps", no_wrap=True)
    table.add_column("Rest", no_wrap=True)
    table.add_column("Why", min_width=12, ratio=1)
    for e in workout.exercises:
        p = e.prescription
        # The suggested load sits under the sets, as lifters write it ("3 × 8 @ 60 kg"),
        # and its reason under the pick's.
        dose = Text(f"{p.sets} × {p.reps_min}–{p.reps_max}")
        why = Text(e.reason, style="dim")
        if e.load:
            dose.append(f"\n{e.load}", style=_CHANGE_STYLE[e.load.change])
            why.append(f"\n{e.load.reason}", style="dim")
        table.add_row(
            str(e.position),
            _name_and_id(e.name, e.id),
            group_text(e.group),
            dose,
            rest_text(p.rest_seconds),
            why,
        )
    out.print(table)

    focus = Table.grid(padding=(0, 1))
    focus.add_column(justify="right", style="dim", no_wrap=True)
    focus.add_column()
    for e in workout.exercises:
        if e.focus:
            focus.add_row(str(e.position), Text(e.focus, style="italic"))
    if focus.row_count:
        out.print(Text("Focus: the muscle to picture moving the weight", style="bold"))
        out.print(focus)
    if workout.notes:
        out.print(Text("\nNotes", style="bold"))
        notes = Table.grid(padding=(0, 1))
        notes.add_column(no_wrap=True)
        notes.add_column()
        for note in workout.notes:
            notes.add_row("•", note)
        out.print(notes)
    if workout.logged:
        logged = Table.grid(padding=(0, 1))
        logged.add_column(justify="right", style="dim", no_wrap=True)
        logged.add_column(no_wrap=True)
        logged.add_column()
        for e in workout.exercises:
            if e.sets_logged:
                logged.add_row(str(e.position), e.name, ", ".join(str(s) for s in e.sets_logged))
        out.print(Text(f"\nLogged (volume {volume_text(workout, unit)})", style="bold"))
        out.print(logged)


_CHANGE_STYLE = {"up": "bold green", "down": "yellow", "same": ""}


def volume_text(workout: Workout, unit: str) -> str:
    """Reps × weight over the logged sets; bodyweight-only sessions say so."""
    volume = workout.volume(unit)
    return f"{volume:,.0f} {unit}" if volume else "bodyweight"


def history_table(workouts: Sequence[Workout], unit: str) -> None:
    table = _table("Your back workouts")
    table.add_column("ID", justify="right", no_wrap=True)
    table.add_column("When", no_wrap=True)
    table.add_column("Groups")
    table.add_column("Goal", no_wrap=True)
    table.add_column("Ex.", justify="right", no_wrap=True)
    table.add_column("Min", justify="right", no_wrap=True)
    table.add_column("Logged", justify="right", no_wrap=True)
    for workout in workouts:
        table.add_row(
            str(workout.id),
            when_text(workout.created),
            _groups_text(workout.groups),
            workout.goal.value,
            str(len(workout.exercises)),
            str(workout.estimated_minutes),
            volume_text(workout, unit) if workout.logged else Text("—", style="dim"),
        )
    out.print(table)
    out.print(Text("backplan history show ID prints one in full.", style="dim"))


# --- settings -----------------------------------------------------------------------


def config_json(settings: Config) -> dict[str, Any]:
    return {
        "equipment": None
        if settings.equipment is None
        else sorted(settings.equipment - {BODYWEIGHT}),
        "level": settings.level.value if settings.level else None,
        "goal": settings.goal.value if settings.goal else None,
        "exercises": settings.exercises,
        "unit": settings.unit,
    }


def config_table(settings: Config, path: Path) -> None:
    defaults = {
        "equipment": "everything",
        "level": "intermediate",
        "goal": "hypertrophy",
        "exercises": "6",
        "unit": "kg",
    }
    table = _table()
    table.add_column("Setting", no_wrap=True)
    table.add_column("Value")
    for key, value in config_json(settings).items():
        if value is None:
            table.add_row(key, Text(f"{defaults[key]} (default)", style="dim"))
        else:
            table.add_row(key, ", ".join(value) if isinstance(value, list) else str(value))
    out.print(table)
    out.print(Text(f"from {path}", style="dim"), soft_wrap=True)


# --- recovery and stats -------------------------------------------------------------------


def status_json(groups: Sequence[GroupStatus]) -> list[dict[str, Any]]:
    return [
        {
            "group": s.group.value,
            "last_trained": s.last_trained.isoformat(timespec="seconds")
            if s.last_trained
            else None,
            "sets_last_7_days": s.sets_last_7_days,
            "status": "ready" if s.ready else "recovering",
            "ready_at": s.ready_at.isoformat(timespec="seconds") if s.ready_at else None,
        }
        for s in groups
    ]


def status_table(groups: Sequence[GroupStatus], now: datetime) -> None:
    table = _table("Recovery")
    table.add_column("Group", no_wrap=True)
    table.add_column("Last trained", no_wrap=True)
    table.add_column("Sets, 7 days", justify="right", no_wrap=True)
    table.add_column("Status", no_wrap=True)
    for s in groups:
        last = (
            Text(f"{days_ago(s.last_trained, now)}, {s.last_trained.astimezone():%H:%M}")
            if s.last_trained
            else Text("never", style="dim")
        )
        state = (
            Text("ready", style="bold green")
            if s.ready_at is None
            else Text(f"recovering until {s.ready_at.astimezone():%a %H:%M}", style="yellow")
        )
        table.add_row(group_text(s.group), last, str(s.sets_last_7_days), state)
    out.print(table)
    out.print(
        Text(
            "Recovering: trained under 48 hours ago (NSCA: a rest day between sessions for "
            "the same muscles). A broad workout gives those slots to the others.",
            style="dim",
        )
    )


def stats_json(weeks: Sequence[tuple[date, dict[Group, int]]], usage: Usage) -> dict[str, Any]:
    from backplan.recovery import WEEKLY_SETS_MARK

    return {
        "weekly_sets_mark": WEEKLY_SETS_MARK,
        "weeks": [
            {"week_of": start.isoformat(), "sets": {g.value: n for g, n in sets.items()}}
            for start, sets in weeks
        ],
        "never_done": [e.id for e in usage.never_done],
        "most_used": [{"id": e.id, "sessions": n} for e, n in usage.most_used],
        "least_used": [{"id": e.id, "sessions": n} for e, n in usage.least_used],
    }


def stats_view(weeks: Sequence[tuple[date, dict[Group, int]]], usage: Usage) -> None:
    from rich.progress_bar import ProgressBar

    from backplan.recovery import WEEKLY_SETS_MARK

    # rich's ProgressBar draws each group's weekly sets as progress toward the 10-set
    # mark: the bar fills at the mark and turns green, and the count stands beside it.
    table = _table(f"Sets per week (a bar is full at {WEEKLY_SETS_MARK})")
    table.add_column("Week of", no_wrap=True)
    for group in Group:
        table.add_column(group_text(group), no_wrap=True)
    for start, sets in weeks:
        cells: list[Any] = [start.strftime("%d %b")]
        for group in Group:
            count = sets[group]
            bar = ProgressBar(
                total=WEEKLY_SETS_MARK, completed=min(count, WEEKLY_SETS_MARK), width=12,
                complete_style=group.colour, finished_style="bold green",
            )  # fmt: skip
            cell = Table.grid(padding=(0, 1))
            cell.add_row(bar, Text(f"{count:>3}"))
            cells.append(cell)
        table.add_row(*cells)
    out.print(table)
    out.print(
        Text(
            "Schoenfeld, Ogborn & Krieger 2017: more weekly sets, more growth; "
            "10 or more a muscle did best.",
            style="dim",
        )
    )

    never = usage.never_done
    out.print(Text(f"\nNever done ({len(never)} your settings allow)", style="bold"))
    if never:
        out.print(Text(", ").join(Text(e.id, style=e.group.colour) for e in never))
    else:
        out.print("You have done every exercise your settings allow.")
    if usage.most_used:
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="bold")
        grid.add_column()
        for label, ranked in (("Most used", usage.most_used), ("Least used", usage.least_used)):
            grid.add_row(label, ", ".join(f"{e.id} ({n})" for e, n in ranked))
        out.print()
        out.print(grid)
