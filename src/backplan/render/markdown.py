"""A workout as Markdown: to print, or to keep on a phone."""

from __future__ import annotations

from typing import TYPE_CHECKING

from backplan.render.workouts import rest_text, set_text, volume_text, when_text, with_plates
from backplan.training.loads import number

if TYPE_CHECKING:
    from backplan.training.model import Workout


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")


def workout_markdown(workout: Workout, unit: str) -> str:
    title = f"Workout #{workout.id}" if workout.id is not None else "Workout (preview)"
    groups = ", ".join(g.label for g in workout.groups)
    lines = [
        f"# {title}: {groups}",
        "",
        f"{when_text(workout.created)} · {workout.goal.value} · {workout.level.value} · "
        f"about {workout.estimated_minutes} minutes",
        "",
        "| # | Exercise | Target | Effort | Rest | Load |",
        "|---|---|---|---|---|---|",
    ]
    marks = workout.labels()  # A1, A2 in a superset
    for e in workout.exercises:
        p = e.prescription
        load = ""
        if e.load:
            load = e.load.reason_after(with_plates(str(e.load), e.load.weight, e.load.plates))
        if e.warmup:
            ramp = ", ".join(
                with_plates(f"{w.reps}×{number(w.weight or 0)}", w.weight, w.plates)
                for w in e.warmup
            )
            load = f"warm up {ramp}; {load}".rstrip("; ")
        lines.append(
            f"| {marks[e.id]} | **{_cell(e.name)}** ({e.group.label}) | {p.target} "
            f"| {p.effort or ''} | {rest_text(p.rest_seconds)} | {_cell(load)} |"
        )
    focus = [f"{marks[e.id]}. {_cell(e.focus)}" for e in workout.exercises if e.focus]
    if focus:
        lines += ["", "## Focus", "", *focus]
    if workout.notes:
        lines += ["", "## Notes", "", *[f"- {_cell(n)}" for n in workout.notes]]
    if workout.logged:
        lines += ["", f"## Logged (volume {volume_text(workout, unit)})", ""]
        lines += [
            f"- {_cell(e.name)}: {', '.join(set_text(s) for s in e.sets_logged)}"
            + (f" — {_cell(e.note)}" if e.note else "")
            for e in workout.exercises
            if e.sets_logged
        ]
    if workout.note or workout.back is not None:
        lines += ["", "## Your note", ""]
        lines += [_cell(workout.note)] if workout.note else []
        lines += [f"Back afterwards: {workout.back} of 10."] if workout.back is not None else []
    return "\n".join(lines) + "\n"
