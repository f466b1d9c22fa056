"""The guided session's screens: the set to do now, the rest timer's line, the summary."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text

from backplan.catalogue.model import Dose, LoadKind
from backplan.render.console import group_text, out, plural
from backplan.render.workouts import load_text, rest_text, with_plates
from backplan.training.guide import partner_next, unfinished
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
    "set · a: add an exercise · n: a note on the last set · e: a note on the exercise · "
    "l: what is left · w: skip the warm-up · q: stop (go resumes) · during a "
    "rest: + or - moves it 15 s · a hold: Enter starts it, Enter stops it"
)


def duration_text(seconds: float) -> str:
    minutes = int(seconds // 60)
    return f"{minutes} min" if minutes < 60 else f"{minutes // 60} h {minutes % 60:02d} min"


def set_text(done: SetDone, kind: LoadKind | None = None, body: float | None = None) -> str:
    """'12×62.5 kg', '12 reps @1 RIR', '30 s'; on a move that lifts your body the belt
    as a belt (or the help as help), with the load moved when `body` (your bodyweight,
    in the set's unit) is known: '8 × +10 kg (90 kg moved)'."""
    effort = f" @{number(done.rir)} RIR" if done.rir is not None else ""
    if done.dose is Dose.REPS and done.weight is None:
        return f"{done.reps} reps{effort}"
    return load_text(done, kind, body)


def logged_text(done: SetDone, kind: LoadKind | None, body: float | None = None) -> str:
    """A set just logged: as typed ('10', '8×60 kg'), a belt as a belt."""
    return set_text(done, kind, body) if done.weight else str(done)


def sets_text(e: PlannedExercise, sets: Sequence[SetDone], body: float | None = None) -> str:
    """Sets of one exercise, as `set_text` says them, with their notes."""
    return ", ".join(
        set_text(s, e.load_kind, body) + (f' "{s.note}"' if s.note else "") for s in sets
    )


@dataclass(frozen=True)
class _Part:
    """A piece of the screen: `drop` orders what goes first when the screen is short
    (0: never), `short` is what is left of it before it goes."""

    text: Text
    drop: int = 0
    short: Text | None = None
    keep: bool = False  # its short form stays


_GAP = 9  # blank lines go first
_CUE, _FOCUS, _THEN, _LAST, _KEYS, _LOAD, _HEAD = 8, 7, 6, 5, 4, 3, 2


def step_screen(
    workout: Workout,
    step: Step,
    cues: Sequence[str],
    elapsed: float,
    message: str | None,
    last: tuple[datetime, tuple[SetDone, ...], str | None] | None = None,
    timer: bool = True,
    body: float | None = None,
) -> None:
    """The whole screen for one set, drawn afresh to fit the terminal (80 x 24, 50 x 30,
    40 columns on a phone): what does not fit goes, cues first, so the set line and
    the prompt are never pushed off. `last`: when the exercise was last logged
    elsewhere, and its sets; `timer`: holds are timed; `body`: your bodyweight."""
    e, p = step.exercise, step.exercise.prescription
    mark = workout.labels()[e.id] if e.superset else None
    parts: list[_Part] = []
    head = f"backplan go · workout #{workout.id} · exercise {step.place} of "
    head += f"{len(workout.exercises)} · {duration_text(elapsed)} in"
    short = f"#{workout.id} · {step.place} of {len(workout.exercises)} · {duration_text(elapsed)}"
    parts += [_Part(Text(head, style="dim"), _HEAD, Text(short, style="dim")), _gap()]
    title = Text(f"{mark} " if mark else "", style="bold reverse")
    title.append(e.name, style="bold")
    title.append("  ")
    title.append_text(group_text(e.group))
    parts.append(_Part(title))
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
    parts.append(_Part(line))
    if step.why and step.target is not None:
        shown = set_text(step.target, e.load_kind, body)
        parts.append(_Part(Text(f"This set: {shown} — {step.why}", style="bold cyan"), _LOAD,
                           Text(f"This set: {shown}", style="bold cyan"), keep=True))  # fmt: skip
    if e.load is not None:
        load = with_plates(str(e.load), e.load.weight, e.load.plates)
        label = "Work sets at" if step.warmup else "Load"
        parts.append(_Part(Text(f"{label}: {e.load.reason_after(load)}", style="cyan"), _LOAD,
                           Text(f"{label}: {load}", style="cyan")))  # fmt: skip
    if last is not None:
        said = f' · "{last[2]}"' if last[2] else ""
        done = f"Last time ({last[0]:%a %d %b}): {sets_text(e, last[1])}{said}"
        parts.append(_Part(Text(done, style="dim"), _LAST))
    if e.sets_logged:
        parts.append(_Part(Text("Done: " + sets_text(e, e.sets_logged, body), style="green")))
    parts.append(_gap())
    parts += [_Part(Text(f"• {cue}"), _CUE) for cue in cues]
    if e.focus:
        parts.append(_Part(Text(f"Focus: {e.focus}", style="italic"), _FOCUS))
    then = _then(workout, step)
    if then:
        parts += [_gap(), _Part(Text(then, style="dim"), _THEN)]
    parts.append(_gap())
    if message:
        parts.append(_Part(Text(message, style="yellow")))
    parts.append(_keys_part(step, timer, body))
    parts.append(_Part(Text(KEYS, style="dim"), _KEYS))
    _show(parts)


def _gap() -> _Part:
    return _Part(Text(""), _GAP)


def _then(workout: Workout, step: Step) -> str | None:
    """Who comes next: in a superset, the partner's set follows this one after the
    transition (not after a warm-up set, which this exercise's work sets follow)."""
    e = step.exercise
    following = [x for x in workout.exercises[step.place :] if not x.skipped]
    partner = None if step.warmup else partner_next(workout, e, len(e.sets_logged) + 1)
    mate = None if step.warmup else _mate_ahead(workout, e)
    if partner is not None:
        return f"Then: {partner.name} (superset {e.superset}), 20 s after"
    if mate is not None:
        return f"Then: {mate.name} (superset {e.superset}), after the rest"
    return f"Then: {following[0].name}" if following else None


def _keys_part(step: Step, timer: bool, body: float | None) -> _Part:
    """What Enter does here, and what else can be typed (which goes first)."""
    p = step.exercise.prescription
    typed = "8, 8x62.5, 8x60@8" if p.dose is Dose.REPS else "30s, 40mx32"
    if step.warmup:
        return _Part(Text("Enter when it is done · w skips the warm-up", style="bold"))
    if step.target is not None and p.dose is Dose.SECONDS and timer:
        keys = (
            f"Enter starts the {step.target.reps} s hold (3 s to get ready, Enter stops "
            f"it), or type what you held: 30s"
        )
        return _Part(Text(keys, style="bold"), _LOAD,
                     Text(f"Enter starts the {step.target.reps} s hold", style="bold"),
                     keep=True)  # fmt: skip
    if step.target is not None:
        enter = f"Enter logs {set_text(step.target, step.exercise.load_kind, body)}"
        return _Part(Text(f"{enter}, or type what you did: {typed}", style="bold"), _LOAD,
                     Text(enter, style="bold"), keep=True)  # fmt: skip
    keys = "No load is known yet: type what you did with its weight, like 8x60"
    return _Part(Text(keys, style="bold"))


def _show(parts: list[_Part]) -> None:
    """The parts that fit the terminal, a row kept for the prompt: the shorter form of
    a part first, then the part itself, the most droppable and the lowest first."""
    # A row for the prompt, and one for the rest's bar drawn above it (on the last row,
    # the bar's newline would scroll the top of the screen away).
    room = max(out.size.height - 2, 1)
    width = out.width

    def rows(part: _Part | Text) -> int:
        text = part.text if isinstance(part, _Part) else part
        return max(1, len(text.wrap(out, width)))

    kept = list(parts)
    while sum(map(rows, kept)) > room:
        droppable = [(p.drop, at) for at, p in enumerate(kept) if p.drop]
        if not droppable:
            break
        _, at = max(droppable)
        part = kept[at]
        if part.short is not None and rows(part.short) < rows(part):
            kept[at] = _Part(part.short, 0 if part.keep else part.drop)
        else:
            del kept[at]
    out.clear()
    for part in kept:
        out.print(part.text)


def left_text(workout: Workout) -> str:
    """What is left of the session (the `l` key): each exercise with sets to do."""
    marks = workout.labels()
    lines = []
    for e in unfinished(workout):
        p = e.prescription
        left = p.sets - len(e.sets_logged)
        amount = p.target.split(" × ", 1)[-1]
        lines.append(f"{marks[e.id]} {e.name}: {plural(left, 'set')} of {amount}")
    if not lines:
        return "Nothing is left: every set is done."
    sets = sum(len(e.sets_logged) for e in workout.exercises)
    return f"Left ({sets} sets done):\n" + "\n".join(lines)


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
