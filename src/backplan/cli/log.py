"""`backplan log`: the sets you did, typed or asked set by set, never lost on the way."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from backplan import render
from backplan.cli import logto
from backplan.cli.loads import loads_for
from backplan.cli.options import (
    CatalogOption,
    Whole,
    Words,
    WorkoutOption,
    complete_exercise,
    current_time,
    load_catalogue,
)
from backplan.cli.root import app
from backplan.errors import ENVIRONMENT, BackplanError

if TYPE_CHECKING:
    from backplan.catalogue import Catalogue
    from backplan.store.history import Store
    from backplan.training.external import Target
    from backplan.training.loads import SetDone
    from backplan.training.model import PlannedExercise, Workout
    from backplan.training.reading import Context


@app.command()
def log(
    exercise_id: Annotated[
        str | None,
        typer.Argument(
            metavar="EXERCISE_ID",
            click_type=Words(),
            help="Exercise id (none with --done).",
            autocompletion=complete_exercise,
            show_default=False,
        ),
    ] = None,
    sets: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="SET...",
            click_type=Words(),
            help="8x60, 8x135lb, 8 (bodyweight), 30s, 40m, 3x8x60 (three sets), 8x60@8 (RPE) "
            "or 8x60@2rir.",
        ),
    ] = None,
    workout: WorkoutOption = None,
    day: Annotated[
        str | None,
        typer.Option(
            "--date",
            "--on",
            metavar="DAY",
            help="The day you did them: YYYY-MM-DD, today, yesterday or a weekday (the "
            "last one). They go into that day's workout, or a new one for it.",
            show_default=False,
        ),
    ] = None,
    remove: Annotated[
        bool,
        typer.Option(
            "--remove",
            help="Take the exercise (or with --set N, one set of it) out of the workout.",
        ),
    ] = False,
    number: Annotated[
        int | None,
        typer.Option(
            "--set",
            metavar="N",
            click_type=Whole(1, 100, "N"),
            help="With --remove: the set to take out.",
            show_default=False,
        ),
    ] = None,
    add: Annotated[
        bool, typer.Option("--add", "-a", help="Put these sets after those logged before.")
    ] = False,
    replace: Annotated[
        bool, typer.Option("--replace", help="Put these sets in place of those logged before.")
    ] = False,
    done: Annotated[
        bool,
        typer.Option("--done", help="Record every planned set of the workout as prescribed."),
    ] = False,
    note: Annotated[
        str | None,
        typer.Option(metavar="TEXT", help="A note on the exercise.", show_default=False),
    ] = None,
    workout_note: Annotated[
        str | None,
        typer.Option(
            "--workout-note", metavar="TEXT", help="A note on the workout.", show_default=False
        ),
    ] = None,
    back: Annotated[
        int | None,
        typer.Option(
            "--back",
            metavar="N",
            click_type=Whole(0, 10),
            help="How your back feels after the workout: 0 (fine) to 10 (very sore).",
            show_default=False,
        ),
    ] = None,
    catalog: CatalogOption = None,
) -> None:
    """Record the sets you did of one exercise, in your latest workout (or --workout ID).

    With no SET it asks set by set. Sets logged before stay: --add puts new ones after
    them, --replace in their place. An exercise you did but had not planned is added to
    the workout; with no workout at all, one is started with what you log.

    --done records the whole workout as planned, for a session you did as written
    without logging it set by set (a plan that was never logged is not training).
    --note, --workout-note and --back write a note and how your back feels; they need
    no sets.

    After the fact, --date (or --on) puts the sets into that day's workout, or a new one
    for that day. --remove takes a mistaken exercise out (its sets and notes with it);
    --remove --set N one set of it.

    Example: backplan log barbell-bent-over-row 10x60 10x60 8x60@8

    Example: backplan log conventional-deadlift 5x150 5x150 --date 2026-11-27

    Example: backplan log dumbbell-row --remove --set 3
    """
    from backplan import config
    from backplan.cli.sets import on_a_terminal, read_sets, typed_line
    from backplan.store import history
    from backplan.training import checks
    from backplan.training.sets import parse

    if add and replace:
        raise BackplanError("Give --add or --replace, not both.")
    from backplan.cli.notes import note_only, note_text, say

    note = None if note is None else note_text(note)
    workout_note = None if workout_note is None else note_text(workout_note, "--workout-note")
    if note is not None and exercise_id is None:
        raise BackplanError("--note goes on an exercise: backplan log EXERCISE_ID --note TEXT.")
    now = current_time()
    on = None if day is None else logto.past_day(day, now.date())
    if on is not None and workout is not None:
        raise BackplanError("Give --workout ID or --date DAY, not both.")
    if on is not None and not sets and (exercise_id is None or note is not None):
        workout = logto.day_workout(on)  # a note, a rating or --done for that day's workout
    if exercise_id is None and not done and (workout_note is not None or back is not None):
        say(workout, workout_note, back)
        return
    settings = config.load()
    known = load_catalogue(catalog)
    if done:
        if exercise_id is not None or sets or add or replace:
            raise BackplanError(
                "--done records the whole workout as planned; give it alone "
                "(with --workout ID for another than the latest)."
            )
        _log_done(workout, known, settings.unit)
        if workout_note is not None or back is not None:
            say(workout, workout_note, back)
        return
    if exercise_id is None:
        raise BackplanError(
            "Name the exercise and the sets: backplan log EXERCISE_ID SET... "
            "(or backplan log --done for the whole workout as planned)."
        )
    for text in sets or ():
        parse(text)  # the syntax is checked before anything is opened
    if remove or number is not None:
        logto.remove_command(
            exercise_id, bool(sets), remove, number, workout, on, now, known, (add, replace)
        )
        return
    if note is not None and not sets:
        note_only(workout, exercise_id, note, known)
        if workout_note is not None or back is not None:
            say(workout, workout_note, back)
        return
    again = logto.as_typed(exercise_id, sets, add, replace, note, workout_note, back)
    with history.open_store() as store:
        past = logto.the_workout(store, workout, on, now, again)
        created = now if on is None else logto.day_moment(on, now)
        past, exercise, added = logto.target(past, exercise_id, known, settings, created)
        context = _context(store, exercise, known, settings.unit)
        ask = typed_line if on_a_terminal() else None
        parsed = [done for text in sets or () for done in read_sets(text, context, ask)]
        if not parsed:
            parsed = _ask_for_sets(store, exercise, context)
        if not parsed:
            raise BackplanError(
                f"No sets given. Example: backplan log {exercise.id} 8x60 8x60 7x60"
            )
        checks.plausible(exercise, parsed, known.find(exercise.id))
        if exercise.sets_logged and not (add or replace):
            logged = ", ".join(str(s) for s in exercise.sets_logged)
            raise BackplanError(
                f"Workout #{past.id} already has {render.plural(len(exercise.sets_logged), 'set')}"
                f" of {exercise.name} ({logged}). Add these after them with --add, or put "
                "them in their place with --replace."
            )
        past = logto.kept(store, past)
        before = store.log(past.id or 0, exercise.id, parsed, replace=replace, planned=added)
        if note is not None:
            store.note_exercise(past.id or 0, exercise.id, note)
        session, target, hold = _next_session(store, exercise, known, past)
        found = loads_for(store, [(exercise.id, target)], known, settings, hold=hold)
        suggestion = found[exercise.id]
    typed = ", ".join(str(s) for s in parsed)
    where = f"workout #{past.id}"
    if added is not None:
        where += " (added to it)"
    render.out.print(
        f"Logged {render.plural(len(parsed), 'set')} of {exercise.name} in {where}: {typed}.",
        markup=False,
        soft_wrap=True,
    )
    if before and replace:
        earlier = ", ".join(str(s) for s in before)
        render.out.print(f"They replace the {render.plural(len(before), 'set')} logged before: "
                         f"{earlier}.", markup=False, soft_wrap=True)  # fmt: skip
    elif before:
        render.out.print(f"{exercise.name} now has {len(before) + len(parsed)} sets logged.",
                         markup=False)  # fmt: skip
    if suggestion:
        render.out.print(
            f"Next time ({session}): {suggestion.reason_after(str(suggestion))}.",
            markup=False,
            soft_wrap=True,
        )
    if workout_note is not None or back is not None:
        say(past.id, workout_note, back)


def _next_session(
    store: Store, exercise: PlannedExercise, known: Catalogue, past: Workout
) -> tuple[str, Target | None, bool]:
    """Which session "Next time" is for, the range it asks, and whether it is a deload:
    in a block, the next of its days whose goal the exercise serves (as the plan will
    prescribe it); else the same range again."""
    from backplan.training.external import Target
    from backplan.training.prescription import prescribe

    p = exercise.prescription
    span = p.target.split(" × ", 1)[-1].replace(" per side", "")
    again = (f"at {span}{' reps' if p.dose.value == 'reps' else ''} again", None, False)
    entry = known.find(exercise.id)
    program = store.active_program()
    if program is None or entry is None:
        return again
    progress = store.progress(program)
    upcoming = progress.next_day(program)
    later = [d for d in program.sessions if upcoming and d.number >= upcoming.number]
    day = next((d for d in later if d.goal in entry.goals and exercise.group in d.groups), None)
    if day is None:
        return again
    from backplan.training.program import article

    planned = prescribe(entry, day.goal, past.level)
    when = program.schedule(progress, current_time().date()).dates[day.number]
    kind = f"{article(day.goal.value)} {day.goal.value} day"
    what = f"{when:%a %-d %b}, {kind}" + (" (deload)" if day.deload else "")
    return what, Target.of(planned, day.goal, past.level), day.deload


def _log_done(workout_id: int | None, known: Catalogue, unit: str) -> None:
    """Every exercise not yet logged or skipped, set by set as prescribed (the sets `go`
    proposes); a loaded exercise whose load is not known is left for you to log."""
    from backplan.store import history
    from backplan.training.guide import as_prescribed

    with history.open_store() as store:
        past = store.get(workout_id) if workout_id is not None else store.latest()
        if past is None:
            raise BackplanError("No workouts yet: plan one with 'backplan workout'.")
        recorded, unknown = [], []
        for e in past.exercises:
            if e.sets_logged or e.skipped:
                continue
            target = as_prescribed(e, unit)
            if target is None:
                unknown.append(e)
                continue
            store.log(past.id or 0, e.id, [target] * e.prescription.sets, after=0)
            recorded.append(f"{e.name} {e.prescription.sets}×{target}")
    if recorded:
        render.out.print(
            f"Logged workout #{past.id} as planned: {'; '.join(recorded)}.",
            markup=False, soft_wrap=True,
        )  # fmt: skip
    else:
        render.out.print(f"Workout #{past.id} had nothing left to log.", markup=False)
    for e in unknown:
        render.warning(
            f"{e.name} has no known load yet, so it was not logged: "
            f"backplan log {e.id} {e.prescription.sets}x{e.prescription.reps_max}xWEIGHT."
        )


def _context(store: Store, exercise: PlannedExercise, known: Catalogue, unit: str) -> Context:
    """How this exercise's sets are read; the last load known, for a bare rep count."""
    from backplan.training.loads import convert
    from backplan.training.reading import context_for

    weight: float | None = None
    sets = exercise.sets_logged
    if not sets:
        last = store.sessions(exercise.id, limit=1)
        sets = last[0].sets if last else ()
    if sets and sets[-1].weight is not None:
        weight = convert(sets[-1].weight, sets[-1].unit, unit)
    elif exercise.load is not None and exercise.load.weight is not None:
        weight = convert(exercise.load.weight, exercise.load.unit, unit)
    return context_for(exercise, known.find(exercise.id), unit, weight)


def _ask_for_sets(store: Store, exercise: PlannedExercise, context: Context) -> list[SetDone]:
    """Set by set until an empty answer or the end of input (Ctrl-D); Ctrl-C stops and
    keeps nothing."""
    from backplan.cli.sets import read_sets, typed_line

    last = store.sessions(exercise.id, limit=1)
    head = f"{exercise.name}: {exercise.prescription.target}"
    if exercise.prescription.effort:
        head += f", {exercise.prescription.effort}"
    if exercise.load:
        head += f", {exercise.load}"
    lines = [head]
    if last and last[0].sets:
        lines.append(f"Last time: {', '.join(str(s) for s in last[0].sets)}")
    lines.append(
        f"Type each set (8x60 in {context.unit}, 8, 30s, 40m, 8x60@8); an empty line ends."
    )
    render.err.print("\n".join(lines), markup=False, highlight=False)
    sets: list[SetDone] = []
    while True:
        try:
            answer = typed_line(f"Set {len(sets) + 1}: ")
        except KeyboardInterrupt:
            sys.stderr.write("\n")
            raise BackplanError("Stopped: nothing was logged.", exit_code=ENVIRONMENT) from None
        if answer is None:  # the end of input
            sys.stderr.write("\n")
            return sets
        if not answer.strip():
            return sets
        try:
            sets.extend(read_sets(answer.strip(), context, typed_line))
        except BackplanError as err:
            render.error(err.message)
