"""Workouts as people read them: one session in full, and the history table."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from backplan.catalogue.model import Group, LoadKind
from backplan.render.console import (
    Cell,
    Column,
    exercise_width,
    fitted_table,
    group_text,
    name_and_id,
    narrow,
    out,
)
from backplan.training.loads import WORK, SetDone, number
from backplan.training.moved import moved_set
from backplan.training.plates import plates_text

if TYPE_CHECKING:
    from backplan.training.model import PlannedExercise, Workout


def warmup_text(sets: Sequence[SetDone]) -> str:
    """'8×40 5×60 3×80' (in the load's unit)."""
    return " ".join(f"{s.reps}×{number(s.weight or 0)}" for s in sets)


def with_plates(text: str, weight: float | None, plates: Sequence[float] | None) -> str:
    """'60 kg' -> '60 kg = 20 + [15 + 5]' for a load on a bar."""
    return f"{text} = {plates_text(weight, plates)}" if weight and plates is not None else text


def rest_text(seconds: int) -> str:
    if seconds < 120:
        return f"{seconds} s"
    minutes, rest = divmod(seconds, 60)
    return f"{minutes} min" if not rest else f"{minutes}:{rest:02d} min"


def when_text(moment: datetime) -> str:
    """In your time zone now, as `status` shows times, whatever zone it was saved in."""
    return moment.astimezone().strftime("%a %d %b %Y %H:%M")


def short_when(moment: datetime) -> str:
    return moment.astimezone().strftime("%a %d %b %H:%M")


_SHORT = {Group.LATS: "lats", Group.UPPER_BACK: "upper", Group.LOWER_BACK: "lower"}


def _groups_text(groups: Sequence[Group]) -> Text:
    if set(groups) == set(Group):
        return Text("whole back")
    if not groups:
        return Text("other training", style="dim")
    return Text(" + ").join(group_text(g) for g in groups)


def _two_columns() -> Table:
    """A borderless grid: a label that never wraps, and its text."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column()
    return grid


def load_text(done: SetDone, kind: LoadKind | None = None, body: float | None = None) -> str:
    """A set as logged; on a move that lifts your body the belt as a belt (the help as
    help), with the load moved when `body` (in the set's unit) is known:
    '8 × +10 kg (90 kg moved) @2 RIR'."""
    if not done.weight or kind not in (LoadKind.BODYWEIGHT, LoadKind.ASSISTED):
        return str(done)
    effort = f" @{number(done.rir)} RIR" if done.rir is not None else ""
    amount = str(replace(done, weight=None, rir=None))
    sign = "+" if kind is LoadKind.BODYWEIGHT else "−"
    moved = ""
    if body is not None:
        moved = f" ({number(moved_set(done, kind, body, done.unit).weight or 0)} {done.unit} moved)"
    return f"{amount} × {sign}{number(done.weight)} {done.unit}{moved}{effort}"


def set_text(s: SetDone, rest: bool = True, kind: LoadKind | None = None) -> str:
    """'10×45 kg (drop)', '5×140 kg @2 RIR "straps on"', '8 × +10 kg' (and the rest
    before it, unless a column says the rests)."""
    drop = f" ({s.kind})" if s.kind != WORK else ""
    note = f' "{s.note}"' if s.note else ""
    before = f" after {_minutes(s.rest)} rest" if rest and s.rest is not None else ""
    return f"{load_text(s, kind)}{drop}{note}{before}"


def _minutes(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


def rests_text(sets: Sequence[SetDone]) -> str:
    """The rests timed before an exercise's sets, in one short cell: '1:30', or their
    mean with '~' when they differ; '' when none was timed."""
    timed = [s.rest for s in sets if s.rest is not None]
    if not timed:
        return ""
    mean = round(sum(timed) / len(timed))
    return f"rest {'~' if len(set(timed)) > 1 else ''}{_minutes(mean)}"


def _kept(workout: Workout) -> None:
    """What the lifter wrote, and the training outside the back: as it was logged."""
    if workout.note:
        out.print(Text("\nYour note", style="bold"))
        out.print(Text(workout.note))
    if workout.back is not None:
        out.print(Text(f"Your back afterwards: {workout.back} of 10.", style="italic"))
    lines = [(e.name, e.note) for e in workout.exercises if e.note]
    for name, note in lines:
        out.print(Text(f"{name}: {note}", style="italic"))
    if workout.other:
        out.print(Text("\nOther training (kept, never planned)", style="bold"))
        other = _two_columns()
        for o in workout.other:
            done = ", ".join(set_text(s) for s in o.sets)
            credit = " · half a set each to the lower back" if o.credit else ""
            note = f' "{o.note}"' if o.note else ""
            other.add_row(Text(o.name), Text(f"{done}{note}{credit}"))
        out.print(other)


def workout_view(workout: Workout, unit: str) -> None:
    title = Text(f"Workout #{workout.id}" if workout.id is not None else "Preview", style="bold")
    title.append(" · ")
    title.append_text(_groups_text(workout.groups))
    title.append(f" · {workout.goal.value} · {workout.level.value}")
    taken = workout.minutes_taken
    minutes = f"took {taken} min" if taken is not None else f"{workout.estimated_minutes} min"
    title.append(f" · {minutes}", style="bold")
    title.append(f" · {short_when(workout.created)}", style="dim")
    out.print(title)

    # Two lines an exercise, so six fit a 24-row terminal: the name over its id; the
    # target over its effort; the pick's reason over the suggested load and its reason.
    # Narrow (a phone): the reason and the load go under the exercise, with its group.
    small = narrow()
    others = 20 if small else 50
    plates = {e.id: line for e in workout.exercises if (line := _plates_line(e))}
    widest = [exercise_width(workout.exercises, others), *map(len, plates.values())]
    width = min(max(widest), out.width - 26)
    columns = [
        # Narrow, the position goes; a superset's A1 / A2 stays, it says what to do.
        Column("#", None if any(e.superset for e in workout.exercises) else "", justify="right"),
        Column("Exercise", width=width, no_wrap=False),
        Column("Group", ""),
        Column("Target"),
        Column("Rest"),
        Column("Why · next load", "", no_wrap=False),
    ]
    rows: list[list[RenderableType | Cell]] = []
    marks = workout.labels()  # 1, 2, ... or A1, A2 in a superset
    for e in workout.exercises:
        p = e.prescription
        dose = Text(p.target.replace(" per side", ""))
        side = "a side" if p.sides.value == "each" else None
        parts = [part for part in (p.effort, side) if part]
        effort = ", ".join(parts)
        if len(effort) > len("2–3 RIR, a side"):  # a hold's words: a line each, not wider
            effort = "\n".join(parts)
        dose.append(f"\n{effort}", style="dim")
        why = Text(e.reason, style="dim", overflow="fold")  # a long id folds, never cut
        if e.load and e.load.in_words:
            why.append(f"\n{e.load.reason}")
        elif e.load:
            why.append("\n")
            why.append(str(e.load), style=_CHANGE_STYLE[e.load.change])
            why.append(f" ({e.load.reason})", style="dim")
        exercise = name_and_id(e.name, e.id)
        exercise.overflow = "fold"  # never an ellipsis: a long line folds whole
        if e.warmup:
            exercise.append(f"\nwarm up {warmup_text(e.warmup)}", style="italic")
        if e.id in plates:
            exercise.append(f"\n{plates[e.id]}", style="italic")
        group = Text(_SHORT[e.group], style=f"bold {e.group.colour}")
        whole = exercise.copy()
        whole.append(f"\n{e.group.label} · ", style=e.group.colour)
        whole.append_text(why)
        rows.append(
            [marks[e.id], Cell(exercise, whole), group, dose, rest_text(p.rest_seconds), why]
        )
    out.print(fitted_table(columns, rows))

    focus = Table.grid(padding=(0, 1))
    focus.add_column(justify="right", style="dim", no_wrap=True)
    focus.add_column()
    for e in workout.exercises:
        if e.focus:
            focus.add_row(marks[e.id], Text(e.focus, style="italic"))
    if focus.row_count:
        out.print(Text("Focus: the muscle to picture moving the weight", style="bold"))
        out.print(focus)
    if workout.notes:
        out.print(Text("\nNotes", style="bold"))
        notes = _two_columns()
        for note in workout.notes:
            notes.add_row("•", Text(note))  # stored text is never markup
        out.print(notes)
    if workout.logged:
        logged = Table.grid(padding=(0, 1))
        logged.add_column(justify="right", style="dim", no_wrap=True)
        logged.add_column(no_wrap=True)
        logged.add_column()
        # The rest taken is one column, not "after 1:30 rest" under every set.
        logged.add_column(style="dim", no_wrap=True)
        for e in workout.exercises:
            if e.sets_logged:
                done = ", ".join(set_text(s, False, e.load_kind) for s in e.sets_logged)
                logged.add_row(marks[e.id], Text(e.name), Text(done), rests_text(e.sets_logged))
        out.print(Text(f"\nLogged (volume {volume_text(workout, unit)})", style="bold"))
        out.print(logged)
    _kept(workout)


_CHANGE_STYLE = {"up": "bold green", "down": "yellow", "same": ""}


def volume_text(workout: Workout, unit: str) -> str:
    """Reps × weight over the logged sets; bodyweight-only sessions say so."""
    volume = workout.volume(unit)
    return f"{volume:,.0f} {unit}" if volume else "bodyweight"


def _plates_line(e: PlannedExercise) -> str | None:
    """The plates a side, counted and without spaces, so a narrow column neither splits
    nor cuts it: '197.5=20+[3×25+10+2.5+1.25]'."""
    if not (e.load and e.load.weight and e.load.plates is not None):
        return None
    return f"{number(e.load.weight)}={plates_text(e.load.weight, e.load.plates, compact=True)}"


def minutes_text(workout: Workout) -> str:
    """The time taken where it is known, else the estimate marked '~'."""
    taken = workout.minutes_taken
    return str(taken) if taken is not None else f"~{workout.estimated_minutes}"


def history_table(workouts: Sequence[Workout], unit: str) -> None:
    columns = [
        Column("ID", justify="right"),
        Column("When"),
        Column("Groups", "", no_wrap=False),
        Column("Goal"),
        Column("Ex.", "", justify="right"),
        Column("Min", justify="right"),
        Column("Logged", justify="right"),
    ]
    rows = [
        [
            str(workout.id),
            Cell(when_text(workout.created), f"{workout.created:%a %d %b}"),
            _groups_text(workout.groups),
            workout.goal.value,
            str(len(workout.exercises)),
            minutes_text(workout),
            volume_text(workout, unit) if workout.logged else Text("—", style="dim"),
        ]
        for workout in workouts
    ]
    out.print(fitted_table(columns, rows, "Your back workouts"))
    out.print(Text("backplan history show ID prints one in full.", style="dim"))
