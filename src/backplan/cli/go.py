"""`backplan go`: a workout at the gym, set by set, every set saved as it is done."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Annotated

import typer

from backplan import render
from backplan.catalogue.model import Dose
from backplan.cli import asks
from backplan.cli.keys import read_line, session
from backplan.cli.options import (
    MAX_ID,
    CatalogOption,
    EquipmentOption,
    ExercisesOption,
    GoalOption,
    GroupOption,
    IgnoreRecoveryOption,
    LevelOption,
    MinutesOption,
    PlanOptions,
    SeedOption,
    SupersetsOption,
    Whole,
    current_time,
    load_catalogue,
)
from backplan.cli.root import app
from backplan.errors import BackplanError

if TYPE_CHECKING:
    from backplan.catalogue import Catalogue, Exercise
    from backplan.config import Config
    from backplan.store.history import Store
    from backplan.training.guide import Step
    from backplan.training.model import PlannedExercise, Workout

SESSION_HOURS = 4  # longer since the first set, and the session was resumed another time
RESUME_HOURS = 24  # a workout left unfinished within this is offered before a new plan
MAX_NOTES = 3  # of the plan's notes on the first screen (it must fit 24 rows)
NOT_A_TERMINAL = (
    "backplan go walks you through a session in a terminal, and this is not one: record "
    "sets with 'backplan log EXERCISE SET...' instead."
)


@app.command()
def go(
    workout_id: Annotated[
        int | None,
        typer.Argument(
            metavar="[WORKOUT_ID]",
            click_type=Whole(1, MAX_ID, "WORKOUT_ID"),
            help="The workout to do (default: today's unfinished one, else a new plan).",
            show_default=False,
        ),
    ] = None,
    no_timer: Annotated[
        bool, typer.Option("--no-timer", help="No rest timer between sets.")
    ] = False,
    group: GroupOption = None,
    exercises: ExercisesOption = None,
    minutes: MinutesOption = None,
    goal: GoalOption = None,
    level: LevelOption = None,
    equipment: EquipmentOption = None,
    seed: SeedOption = None,
    ignore_recovery: IgnoreRecoveryOption = False,
    supersets: SupersetsOption = False,
    catalog: CatalogOption = None,
) -> None:
    """Do a workout set by set: cues, the target and load, a rest timer, and each set
    saved the moment you enter it. Stop any way you like; 'backplan go' resumes.

    Enter logs what the screen shows (the set just done, again); type 8 (reps at the
    weight shown), 8x62.5, 30s, 40mx32 or 8x60@8 for what you did. s skips the
    exercise, u takes back the last set, a adds an exercise, ? lists the keys, q quits.
    With no unfinished workout it plans one, with the options of 'backplan workout'.

    Example: backplan go
    """
    from backplan import config
    from backplan.store import history

    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise BackplanError(NOT_A_TERMINAL)
    options = PlanOptions(
        group, exercises, minutes, goal, level, equipment, seed, ignore_recovery, supersets
    )
    if workout_id is not None and options.given:
        raise BackplanError(
            "Planning options apply when go plans a workout; give them without a WORKOUT_ID."
        )
    if exercises is not None and minutes is not None:
        raise BackplanError("Give --exercises or --minutes, not both.")
    settings = config.load()
    known = load_catalogue(catalog)
    # One cbreak mode for the whole session: a key typed at any moment is kept.
    with history.open_store() as store, session():
        workout = _chosen(store, workout_id, known, settings, options)
        _walk(store, workout, known, settings.unit, not no_timer, settings.step)


def _chosen(
    store: Store, workout_id: int | None, known: Catalogue, settings: Config, options: PlanOptions
) -> Workout:
    """The workout named; else today's latest while it has sets to do; else one left
    unfinished in the last day, when you say so; else a new one."""
    from backplan.cli.plan import plan_session
    from backplan.training.guide import unfinished
    from backplan.when import same_day

    if workout_id is not None:
        return store.get(workout_id)
    now = current_time()
    latest = store.latest()
    if latest is not None and unfinished(latest):
        if same_day(latest.created, now):
            return latest
        if latest.logged and now - latest.created < timedelta(hours=RESUME_HOURS):
            left = len(unfinished(latest))
            question = (
                f"Finish {_day_name(latest.created, now)}'s #{latest.id}: {left} of "
                f"{len(latest.exercises)} exercises left? [Y/n] "
            )
            answer = read_line(question)
            if answer is None or answer.strip().lower() in ("", "y", "yes"):
                return latest
    return store.save(plan_session(store, known, settings, now, options, None))


def _day_name(moment: datetime, now: datetime) -> str:
    return "yesterday" if (now.date() - moment.date()).days == 1 else moment.strftime("%A")


def _walk(
    store: Store,
    workout: Workout,
    known: Catalogue,
    unit: str,
    timer: bool,
    steps: Mapping[str, float],
) -> None:
    """Set after set until the workout is done, or the lifter stops it."""
    from backplan import clock
    from backplan.training.guide import Loading, next_step
    from backplan.training.loads import increment

    ident = workout.id or 0
    began = clock.seconds()
    warmed: dict[str, int] = {}
    # The plan's notes (recovery, volume, a replaced plan) open the session.
    message: str | None = "\n".join(workout.notes[:MAX_NOTES]) or None
    resting: int | None = None
    rested: int | None = None  # the rest just taken, stored with the next set
    step: Step | None = None
    walked = False  # a set was shown in this run
    try:
        while True:
            # The history is the truth: what is saved decides where the session stands.
            workout = store.get(ident)
            loading = {
                e.id: Loading(increment(entry.equipment, unit, steps), entry.is_hinge)
                for e in workout.exercises
                if (entry := known.find(e.id)) is not None
            }
            step = next_step(workout, warmed, unit, loading)
            if step is None:
                if not walked:
                    break
                # After the last set a finisher may still come, or a note, or an undo.
                message, ended = _at_the_end(store, workout, known, message)
                if ended:
                    break
                continue
            walked = True
            entry = known.find(step.exercise.id)
            body = _bodyweight(store, entry, workout, unit)
            render.step_screen(
                workout,
                step,
                entry.cues if entry else (),
                _elapsed(store, ident, began),
                message,
                store.last_time(step.exercise.id, ident),
                timer,
                body,
            )
            message = None
            if resting and timer:
                from backplan.cli.rest import rest

                rested = rest(resting, f"Rest {resting} s")
            resting = None
            answer = read_line("> ")
            if answer is None or answer.strip().lower() == "q":
                render.out.print(render.stopped_text(step, _logged(workout)), markup=False)
                return
            message, resting = _act(
                store, workout, step, answer.strip(), known, unit, warmed, rested, timer, body
            )
            if resting is not None or message is None:
                rested = None  # a set was done: the rest before it went with it
    except KeyboardInterrupt:
        render.out.print()
        render.err.print(
            render.stopped_text(step, _logged(store.get(ident))), markup=False, highlight=False
        )
        raise typer.Exit(1) from None
    # A workout done before this run: how long it took is not known.
    took = _elapsed(store, ident, began) if walked else None
    _finish(store, workout, known, unit, took)


def _at_the_end(
    store: Store, workout: Workout, known: Catalogue, message: str | None
) -> tuple[str | None, bool]:
    """The screen after the last set: Enter ends the session; a finisher, a note on the
    last set or an undo keep it going. The next message, and whether it ended."""
    from backplan.render.guide import left_text

    render.out.clear()
    render.out.print(f"backplan go · workout #{workout.id}", style="dim", markup=False)
    if message:
        render.out.print(f"\n{message}", style="yellow", markup=False)
    render.out.print(f"\n{asks.END_KEYS}", style="bold", markup=False)
    answer = read_line("> ")
    key = (answer or "").strip().lower()
    if answer is None or key in ("", "q"):
        return None, True
    if key == "a":
        return asks.add(store, workout, known), False
    if key == "n":
        return asks.note(store, workout, workout.exercises[-1], on_set=True), False
    if key == "l":
        return left_text(workout), False
    if key == "u":
        return _undo(store, workout), False
    return f"'{answer.strip()}': {asks.END_KEYS[len('All sets done: ') :]}.", False


def _bodyweight(store: Store, entry: Exercise | None, workout: Workout, unit: str) -> float | None:
    """Your bodyweight in `unit` on the workout's day, for a move that lifts your body."""
    if entry is None or not entry.lifts_body:
        return None
    body = store.body()
    found = body.on(workout.created.date(), unit) if body else None
    return found.weight if found else None


def _undo(store: Store, workout: Workout) -> str:
    from backplan.render.guide import set_text

    undone = store.undo_last_set(workout.id or 0)
    if undone is None:
        return "Nothing to undo: no set is logged yet."
    e = workout.exercise(undone[0])
    # The warm-up stays done: taking back the first work set stays on the work sets.
    done = set_text(undone[1], e.load_kind if e else None)
    return f"Took back {done} of {e.name if e else undone[0]}."


def _act(
    store: Store,
    workout: Workout,
    step: Step,
    answer: str,
    known: Catalogue,
    unit: str,
    warmed: dict[str, int],
    rested: int | None = None,
    timer: bool = True,
    body: float | None = None,
) -> tuple[str | None, int | None]:
    """Do what the answer says; the message for the next screen, and the rest now due.
    `rested`: the rest taken before this set, stored with it."""
    from dataclasses import replace

    from backplan import clock
    from backplan.cli.sets import read_sets
    from backplan.render.guide import left_text, logged_text
    from backplan.training import checks
    from backplan.training.guide import WARM_UP_REST, rest_after
    from backplan.training.reading import context_for

    e, ident = step.exercise, workout.id or 0
    key = answer.lower()
    keys = {
        "?": lambda: render.KEYS_HELP,
        "l": lambda: left_text(workout),
        "s": lambda: _skip(store, ident, e),
        "u": lambda: _undo(store, workout),
        "a": lambda: asks.add(store, workout, known),
        "n": lambda: asks.note(store, workout, e, on_set=True),
        "e": lambda: asks.note(store, workout, e, on_set=False),
    }
    if key in keys:
        return keys[key](), None
    if step.warmup:
        if key == "w":
            warmed[e.id] = len(e.warmup)
            return "Warm-up skipped.", None
        warmed[e.id] = warmed.get(e.id, 0) + 1
        return None, WARM_UP_REST
    entry = known.find(e.id)
    if not answer:
        if step.target is None:
            return "No load is known yet: type what you did, like 8x60.", None
        sets = [step.target]
        if step.target.dose is Dose.SECONDS and timer:
            held = _held(step.target.reps)
            if isinstance(held, str):
                return held, None
            sets = [replace(step.target, reps=held)]
    else:
        shown = step.target.weight if step.target is not None else None
        context = context_for(e, entry, unit, shown, guided=True)
        try:
            sets = read_sets(answer, context, read_line)
            checks.plausible(e, sets, entry)
        except BackplanError as err:
            return err.message, None
    if rested is not None:
        sets[0] = replace(sets[0], rest=rested)
    try:  # the screen may be stale: another terminal may have logged this set
        store.log(ident, e.id, sets, when=clock.stamp(), after=len(e.sets_logged))
    except BackplanError as err:
        return err.message, None
    done = ", ".join(logged_text(s, e.load_kind, body) for s in sets)
    # The rest is taken before the next set's prompt (a superset's partner gets only the
    # transition); after the last set there is none.
    return f"Logged {done}.", rest_after(store.get(ident), e.id)


def _skip(store: Store, ident: int, e: PlannedExercise) -> str:
    store.skip(ident, e.id)
    return f"Skipped {e.name}."


def _held(target: int) -> int | str:
    """A timed hold: the seconds held, or what to say when it was not (called off while
    getting ready; stopped under a third of its target, most likely by a slip of Enter,
    and not meant when asked)."""
    from backplan.cli.rest import hold
    from backplan.training.guide import SHORT_HOLD

    held = hold(target, f"Hold {target} s")
    if held is None:
        return "Not started: Enter starts the hold, or type the time held."
    if held * SHORT_HOLD < target:
        answer = read_line(
            f"Stopped at {held} s of {target} s. Log {held} s? y logs it; Enter or u: not logged: "
        )
        if answer is None or answer.strip().lower() not in ("y", "yes"):
            return f"Not logged: {held} s of {target} s. Enter starts the hold again."
    return held


def _logged(workout: Workout) -> int:
    return sum(len(e.sets_logged) for e in workout.exercises)


def _elapsed(store: Store, ident: int, began: float) -> float:
    """Since the first set of the workout was logged (when that was within a few hours:
    a workout resumed another day counts this run alone), or since this run began."""
    from backplan import clock

    first = store.first_logged_at(ident)
    run = clock.seconds() - began
    since = clock.stamp() - first if first is not None else 0.0
    return max(run, since) if since < SESSION_HOURS * 3600 else run


def _finish(
    store: Store, workout: Workout, known: Catalogue, unit: str, seconds: float | None
) -> None:
    from backplan.cli.loads import records_before
    from backplan.training.guide import summary
    from backplan.training.moved import moved_sets

    body = store.body()
    earlier = records_before(store, workout, known, unit, body)
    moved = {e.id: moved_sets(e.sets_logged, known.find(e.id), body, workout.created.date(),
                              unit) for e in workout.exercises}  # fmt: skip
    render.summary_view(workout, summary(workout, unit, earlier, moved), unit, seconds)
    if workout.logged:
        asks.rate_back(store, workout)
