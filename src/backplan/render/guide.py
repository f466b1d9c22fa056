"""The guided session's screens: the set to do now, the rest timer's line, the summary."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.text import Text

from backplan.catalogue.model import Dose
from backplan.render.console import group_text, out
from backplan.render.workouts import rest_text, with_plates
from backplan.training.guide import partner_next
from backplan.training.loads import number

if TYPE_CHECKING:
    from datetime import datetime

    from backplan.training.guide import Step, Summary
    from backplan.training.loads import SetDone
    from backplan.training.model import PlannedExercise, Workout

KEYS = "s skip · u undo · a add · n note · ? keys · q quit"
KEYS_HELP = (
    "Enter: log what the screen shows · 8: 8 reps at the weight shown · 8x62.5, 8x+10, "
    "30s, 40mx32, 8x60@8: what you did · s: skip the exercise · u: take back the last "
    "set · a: add an exercise · n: a note on the last set or the exercise · w: skip the "
    "warm-up · q: stop (go resumes) · during a "
    "rest: + or - moves it 15 s · a hold: Enter starts it, Enter stops it"
)


def duration_text(seconds: float) -> str:
    minutes = int(seconds // 60)
    return f"{minutes} min" if minutes < 60 else f"{minutes // 60} h {minutes % 60:02d} min"


def set_text(done: SetDone) -> str:
    """'12×62.5 kg', '12 reps', '30 s'."""
    if done.dose is Dose.REPS and done.weight is None:
        return f"{done.reps} reps"
    return str(done)


def step_screen(
    workout: Workout,
    step: Step,
    cues: Sequence[str],
    elapsed: float,
    message: str | None,
    last: tuple[datetime, tuple[SetDone, ...], str | None] | None = None,
    timer: bool = True,
) -> None:
    """The whole screen for one set, drawn afresh (it fits 80 x 24). `last`: when the
    exercise was last logged elsewhere, and its sets; `timer`: holds are timed."""
    e, p = step.exercise, step.exercise.prescription
    mark = workout.labels()[e.id] if e.superset else None
    out.clear()
    head = Text(f"backplan go · workout #{workout.id} · exercise {step.place} of ", style="dim")
    head.append(f"{len(workout.exercises)} · {duration_text(elapsed)} in", style="dim")
    out.print(head)
    out.print()
    title = Text(f"{mark} " if mark else "", style="bold reverse")
    title.append(e.name, style="bold")
    title.append("  ")
    title.append_text(group_text(e.group))
    out.print(title)
    line = Text(step.label, style="bold reverse" if not step.warmup else "bold")
    if step.warmup and step.target is not None:
        line.append(
            f" · {with_plates(set_text(step.target), step.target.weight, step.target.plates)}"
        )
        line.append(" (not logged)", style="dim")
    else:
        line.append(f" · {p.target}")
        if p.effort:
            line.append(f" · {p.effort}")
        line.append(f" · rest {rest_text(p.rest_seconds)}")
    out.print(line)
    if step.why and step.target is not None:
        out.print(Text(f"This set: {step.target} — {step.why}", style="bold cyan"))
    if e.load is not None:
        load = with_plates(str(e.load), e.load.weight, e.load.plates)
        label = "Work sets at" if step.warmup else "Load"
        out.print(Text(f"{label}: {e.load.reason_after(load)}", style="cyan"))
    if last is not None:
        done = ", ".join(f'{s} "{s.note}"' if s.note else str(s) for s in last[1])
        said = f' · "{last[2]}"' if last[2] else ""
        out.print(Text(f"Last time ({last[0]:%a %d %b}): {done}{said}", style="dim"))
    if e.sets_logged:
        out.print(Text("Done: " + ", ".join(str(s) for s in e.sets_logged), style="green"))
    out.print()
    for cue in cues:
        out.print(Text(f"• {cue}"))
    if e.focus:
        out.print(Text(f"Focus: {e.focus}", style="italic"))
    following = [x for x in workout.exercises[step.place :] if not x.skipped]
    # In a superset, the partner's set follows this one after the transition (not
    # after a warm-up set, which this exercise's work sets follow).
    partner = None if step.warmup else partner_next(workout, e, len(e.sets_logged) + 1)
    mate = None if step.warmup else _mate_ahead(workout, e)
    if partner is not None:
        out.print(Text(f"\nThen: {partner.name} (superset {e.superset}), 20 s after",
                       style="dim"))  # fmt: skip
    elif mate is not None:
        out.print(Text(f"\nThen: {mate.name} (superset {e.superset}), after the rest",
                       style="dim"))  # fmt: skip
    elif following:
        out.print(Text(f"\nThen: {following[0].name}", style="dim"))
    out.print()
    if message:
        out.print(Text(message, style="yellow"))
    typed = "8, 8x62.5, 8x60@8" if p.dose is Dose.REPS else "30s, 40mx32"
    if step.warmup:
        keys = "Enter when it is done · w skips the warm-up"
    elif step.target is not None and p.dose is Dose.SECONDS and timer:
        keys = (
            f"Enter starts the {step.target.reps} s hold (3 s to get ready, Enter stops "
            f"it), or type what you held: 30s"
        )
    elif step.target is not None:
        keys = f"Enter logs {set_text(step.target)}, or type what you did: {typed}"
    else:
        keys = "No load is known yet: type what you did with its weight, like 8x60"
    out.print(Text(keys, style="bold"))
    out.print(Text(KEYS, style="dim"))


def _mate_ahead(workout: Workout, e: PlannedExercise) -> PlannedExercise | None:
    """The superset member that opens the next round: one with sets left that is as far
    on as `e` will be after this set."""
    ahead = [
        m for m in workout.exercises
        if e.superset and m.superset == e.superset and m.id != e.id and not m.skipped
        and len(m.sets_logged) < m.prescription.sets
    ]  # fmt: skip
    return ahead[0] if ahead else None


def stopped_text(step: Step | None, logged: int) -> str:
    where = (
        f"'backplan go' resumes at {step.exercise.name}, {step.label.lower()}."
        if step
        else "The session is done."
    )
    return f"Stopped: {logged} set{'s' if logged != 1 else ''} saved. {where}"


def summary_view(workout: Workout, summary: Summary, unit: str, seconds: float | None) -> None:
    """`seconds`: how long it took (None: not known)."""
    out.clear()
    took = f" in {duration_text(seconds)}" if seconds is not None else ""
    out.print(Text(f"Workout #{workout.id} done{took}", style="bold"))
    out.print()
    for group, sets in summary.sets.items():
        line = Text("  ")
        line.append_text(group_text(group))
        line.append(" " * (12 - len(group.label)))
        line.append(f"{sets:>2} sets")
        if summary.volume.get(group):
            line.append(f"  {round(summary.volume[group]):,} {unit}")
        out.print(line)
    total = sum(summary.sets.values())
    volume = sum(summary.volume.values())
    lifted = f"  {round(volume):,} {unit}" if volume else ""
    out.print(f"  {'total':<12}{total:>2} sets{lifted}", markup=False)
    if summary.skipped:
        out.print(Text(f"\nSkipped: {', '.join(summary.skipped)}", style="dim"))
    for record in summary.records:
        out.print(
            Text(
                f"\nPR: {record.name}, estimated 1RM {number(round(record.best, 1))} {unit} "
                f"(best before {number(round(record.before, 1))} {unit})",
                style="bold green",
            )
        )
    out.print(f"\nIt is in your history: backplan history show {workout.id}", markup=False)
