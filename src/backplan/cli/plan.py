"""`backplan workout` and `backplan history`: plan sessions and look back at them."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Annotated

import typer

from backplan import render
from backplan.cli.loads import loading_sets, loads_for, stalled_now
from backplan.cli.options import (
    MAX_ID,
    CatalogOption,
    EquipmentOption,
    ExercisesOption,
    FormatOption,
    GoalOption,
    GroupOption,
    IgnoreRecoveryOption,
    JsonOption,
    LevelOption,
    MinutesOption,
    PlanOptions,
    SeedOption,
    SupersetsOption,
    Whole,
    WorkoutId,
    current_time,
    load_catalogue,
    shown_as,
    warn_about_marks,
)
from backplan.cli.root import BackplanGroup, app
from backplan.errors import ENVIRONMENT, BackplanError
from backplan.when import same_day

if TYPE_CHECKING:
    from datetime import datetime

    from backplan.catalogue import Catalogue
    from backplan.config import Config
    from backplan.store.history import Store
    from backplan.training.model import Workout


@app.command()
def workout(
    group: GroupOption = None,
    exercises: ExercisesOption = None,
    minutes: MinutesOption = None,
    goal: GoalOption = None,
    level: LevelOption = None,
    equipment: EquipmentOption = None,
    seed: SeedOption = None,
    no_save: Annotated[
        bool, typer.Option("--no-save", help="Preview only; history is untouched.")
    ] = False,
    ignore_recovery: IgnoreRecoveryOption = False,
    supersets: SupersetsOption = False,
    new: Annotated[
        bool,
        typer.Option("--new", help="Plan afresh, replacing today's plan if nothing is logged."),
    ] = False,
    catalog: CatalogOption = None,
    format_: FormatOption = "table",
    json_: JsonOption = False,
) -> None:
    """Plan a back workout, print it and record it in your history.

    While today's plan has nothing logged, it is shown again rather than a second one
    planned; --new (or any planning option) replaces it. Options you leave out come
    from 'backplan config', then the defaults.

    Example: backplan workout --group lats --goal strength --equipment pull-up-bar,dumbbell
    """
    from backplan import config
    from backplan.store import history

    if exercises is not None and minutes is not None:
        raise BackplanError("Give --exercises or --minutes, not both.")
    shown = shown_as(format_, json_)
    settings = config.load()
    known = load_catalogue(catalog)
    with history.open_store(create=not no_save) as store:
        now = current_time()
        replaced = None
        chosen = (group, exercises, minutes, goal, level, equipment, seed)
        fresh = new or supersets or any(option is not None for option in chosen)
        if not no_save:
            latest = store.latest()
            if latest and same_day(latest.created, now) and not latest.logged:
                if not fresh:
                    _shown_again(latest, settings.unit, shown)
                    return
                replaced = latest
        options = PlanOptions(
            group, exercises, minutes, goal, level, equipment, seed, ignore_recovery, supersets
        )
        # Planned as if the unlogged plan were not there (it never counts); whether it is
        # replaced is decided again where the plan is saved, in the same transaction.
        planned = plan_session(store, known, settings, now, options, replaced)
        if not no_save:
            planned, _, again = store.save_plan(planned, replace=fresh)
            if again:  # another backplan planned today's session meanwhile
                _shown_again(planned, settings.unit, shown)
                return
    _show(planned, settings.unit, shown)


def _show(workout: Workout, unit: str, shown: str, with_logs: bool = False) -> None:
    """As a table, Markdown or JSON."""
    if shown == "json":
        render.print_json(render.workout_json(workout, with_logs=with_logs))
    elif shown == "md":
        render.write_stdout(render.workout_markdown(workout, unit))
    else:
        render.workout_view(workout, unit)


def plan_session(
    store: Store,
    known: Catalogue,
    settings: Config,
    now: datetime,
    options: PlanOptions,
    ignored: Workout | None,
) -> Workout:
    """The planned session with its loads and warm-up, from the history as it stands."""
    from datetime import timedelta

    from backplan import seen
    from backplan.catalogue.model import Pattern
    from backplan.training import back, planner, program, recovery, volume
    from backplan.training.external import Target
    from backplan.training.warmup import with_warmup

    marks = store.marks()
    warn_about_marks(marks, known)
    statuses = recovery.status(
        store.last_trained(),
        [row for row in store.sets_between(now - timedelta(days=7), now)
         if ignored is None or row[3] != ignored.id],
        now,
    )  # fmt: skip
    tired = frozenset() if options.ignore_recovery else recovery.recovering(statuses)
    request = replace(
        options.request(settings, marks),
        recovering=tired,
        weekly_sets=recovery.weekly_totals(statuses),
    )
    soreness = back.sore(store.back_ratings(back.READ), now)
    block = store.active_program()
    day = block and store.progress(block).next_day(block)
    if block and day:
        request = program.shaped(request, block, day, options.given)
    request = replace(request, back=soreness)
    recency = store.recency(before=ignored) if ignored is not None else store.recency()
    planned = planner.plan(known.exercises, request, recency, now)
    deload, why = (False, "")
    if block and day:
        deload, why = program.deload_now(
            block,
            day,
            max(store.progress(block).on.values(), default=None),
            now.date(),
            stalled_now(store, request.held, known, settings),
        )
        if deload:
            planned = program.deloaded(planned, loading_sets(store, block, request.held))
    level = planned.level
    targets = [(e.id, Target.of(e.prescription, planned.goal, level)) for e in planned.exercises]
    hinges = frozenset(e.id for e in planned.exercises if e.pattern is Pattern.HINGE)
    loads = loads_for(store, targets, known, settings, hold=deload,
                      keep=hinges if soreness else frozenset())  # fmt: skip
    planned = with_warmup(
        planner.with_loads(planned, loads), known.by_id, settings.step, settings.rack
    )
    if request.minutes is not None and planned.estimated_minutes > request.minutes:
        # The warm-up sets, known only with the loads, take their minutes too.
        planned = volume.within(planned, known.by_id, planned.goal, request.minutes)
    if block and day:
        planned = replace(
            planned,
            notes=(program.where(block, day, planned.goal, why), *planned.notes),
            program_id=block.id,
            program_day=day.number,
        )
    elif block:
        planned = replace(planned, notes=(*planned.notes, program.DONE_NOTE))
    # A pin the equipment rules out is said once a day, not every session.
    unreachable = [n for n in planned.notes if planner.PIN_OUT_OF_REACH in n]
    if unreachable:
        planned = replace(
            planned, notes=tuple(seen.once_a_day(planned.notes, now.date(), unreachable))
        )
    return planned


def _shown_again(workout: Workout, unit: str, shown: str) -> None:
    message = (
        f"Today's plan #{workout.id}, shown again: nothing is logged yet. "
        "'backplan workout --new' plans another."
    )
    if shown == "table":
        render.out.print(message, markup=False, style="bold")
    else:
        render.err.print(message, markup=False, highlight=False)
    _show(workout, unit, shown)


@app.command()
def today(json_: JsonOption = False) -> None:
    """Today's plan, with what you have logged so far.

    Example: backplan today
    """
    from backplan import config
    from backplan.store import history

    with history.open_store(create=False) as store:
        latest = store.latest()
    if latest is None or not same_day(latest.created, current_time()):
        if json_:
            render.print_json(None)
            return
        render.out.print("Nothing planned today. Plan a session with: backplan workout")
        return
    if json_:
        render.print_json(render.workout_json(latest, with_logs=True))
        return
    render.workout_view(latest, config.load().unit)
    left = [e for e in latest.exercises if not e.sets_logged]
    if left:
        render.out.print(f"\nStill to do: {', '.join(e.id for e in left)}.", markup=False)


history_app = typer.Typer(
    cls=BackplanGroup,
    help="Your past workouts, newest first.",
    invoke_without_command=True,
)
app.add_typer(history_app, name="history")


@history_app.callback()
def history_list(
    ctx: typer.Context,
    last: Annotated[
        int, typer.Option("--last", click_type=Whole(1, MAX_ID), help="How many to show.")
    ] = 10,
    json_: JsonOption = False,
) -> None:
    """Your past workouts, newest first, with what you logged.

    Example: backplan history --last 5
    """
    if ctx.invoked_subcommand is not None:
        return
    from backplan import config
    from backplan.store import history

    with history.open_store(create=False) as store:
        workouts = store.recent(last)
    if json_:
        render.print_json([render.workout_json(w, with_logs=True) for w in workouts])
    elif not workouts:
        render.out.print("No workouts yet. Plan one with: backplan workout")
    else:
        render.history_table(workouts, config.load().unit)


@history_app.command("show")
def history_show(
    workout_id: WorkoutId, format_: FormatOption = "table", json_: JsonOption = False
) -> None:
    """One past workout in full, with every logged set.

    Example: backplan history show 12 --format md > workout.md
    """
    from backplan import config
    from backplan.store import history

    shown = shown_as(format_, json_)
    with history.open_store(create=False) as store:
        past = store.get(workout_id)
        both = store.logged_on_devices(workout_id)
    _show(past, config.load().unit, shown, with_logs=True)
    if shown == "table":
        for exercise_id, devices in both.items():
            said = ", ".join(
                f"{n} {'set' if n == 1 else 'sets'} on {device}" for device, n in devices.items()
            )
            render.out.print(
                f"{exercise_id} was logged on {len(devices)} devices: {said}; all are kept.",
                markup=False,
                highlight=False,
            )


@history_app.command("delete")
def history_delete(
    workout_id: WorkoutId,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask first.")] = False,
) -> None:
    """Remove one workout from your history (asks first unless --yes).

    Example: backplan history delete 12 --yes
    """
    from backplan.store import history

    with history.open_store(create=False) as store:
        try:
            past = store.get(workout_id)
            question = f"Delete workout {past.id} from {render.when_text(past.created)}?"
        except BackplanError as err:
            if err.exit_code != ENVIRONMENT:
                raise
            question = f"Delete workout {workout_id}? It cannot be read ({err.message})"
        if not yes and not typer.confirm(question, default=False):
            render.out.print("Kept it.")
            return
        store.delete(workout_id)
    render.out.print(f"Deleted workout {workout_id}.")


@history_app.command("check")
def history_check() -> None:
    """Read the whole history file and say whether it is intact (writes check it only after
    a backplan was stopped mid-write, and when a new version of backplan first opens it).

    Example: backplan history check
    """
    from backplan.store import history

    with history.open_store(create=False) as store:
        workouts = store.checked()
    render.out.print(f"Your history is intact: {workouts:,} workouts, every page read.")
