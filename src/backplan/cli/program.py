"""`backplan program`: a block of weeks that keeps the main lifts and rotates the rest."""

from __future__ import annotations

import sys
from datetime import timedelta
from typing import TYPE_CHECKING, Annotated

import typer

from backplan import render
from backplan.cli.options import (
    CatalogOption,
    EquipmentOption,
    ForceOption,
    GroupOption,
    JsonOption,
    LevelOption,
    OutputOption,
    PlanOptions,
    SeedOption,
    Whole,
    check_output,
    complete_goal,
    current_time,
    load_catalogue,
)
from backplan.cli.program_words import day_word, days_word, goal_word, start_date
from backplan.cli.root import BackplanGroup, app
from backplan.defaults import AUTO, DEFAULT_DAYS, DEFAULT_WEEKS
from backplan.defaults import PROGRAM_DAYS as DAYS
from backplan.defaults import PROGRAM_WEEKS as WEEKS
from backplan.errors import BackplanError

if TYPE_CHECKING:
    from backplan.store.history import Store
    from backplan.training.program import Program

program_app = typer.Typer(
    cls=BackplanGroup,
    help="A block of weeks: the main lifts held, the rest rotating, a deload to finish.",
    no_args_is_help=True,
)
app.add_typer(program_app, name="program")
HABIT_DAYS = 365  # main lifts come from what was logged most in the last year
EXPORT_FORMATS = ("md", "ics")


@program_app.command("new")
def program_new(
    weeks: Annotated[
        int,
        typer.Option(
            "--weeks", "-w", click_type=Whole(*WEEKS), help=f"How long: {WEEKS[0]}–{WEEKS[1]}."
        ),
    ] = DEFAULT_WEEKS,
    days: Annotated[
        str,
        typer.Option(
            "--days",
            "-d",
            metavar="DAYS",
            help=f"Sessions a week, {DAYS[0]}–{DAYS[1]}, or the weekdays: mon,wed,fri.",
        ),
    ] = str(DEFAULT_DAYS),
    goal: Annotated[
        str,
        typer.Option(
            metavar="GOAL",
            help="auto (strength, hypertrophy and endurance days in turn), or one goal for "
            "every day.",
            autocompletion=complete_goal,
        ),
    ] = AUTO,
    start: Annotated[
        str | None,
        typer.Option(
            metavar="DATE",
            help="The first day: YYYY-MM-DD, today, tomorrow or a weekday (the next one); "
            "default today.",
            show_default=False,
        ),
    ] = None,
    group: GroupOption = None,
    level: LevelOption = None,
    equipment: EquipmentOption = None,
    seed: SeedOption = None,
    replace: Annotated[
        bool, typer.Option("--replace", help="End the active program and start this one.")
    ] = False,
    catalog: CatalogOption = None,
    json_: JsonOption = False,
) -> None:
    """Plan a block: per group one main lift for every week, accessories rotating, weekly
    sets ramping, the last week a deload. 'backplan workout' then plans its sessions.

    Example: backplan program new --weeks 8 --days mon,wed,fri --start monday
    """
    from backplan import config
    from backplan.store import history
    from backplan.training import block as blocks

    now = current_time()
    first = start_date(start, now.date())
    count, weekdays = days_word(days)
    chosen_goal = goal_word(goal)
    settings = config.load()
    known = load_catalogue(catalog)
    with history.open_store() as store:
        active = store.active_program()
        if active is not None and not replace:
            _ask_to_replace(active, store)
        options = PlanOptions(group, None, None, None, level, equipment, seed, False)
        request = options.request(settings, store.marks())
        block = blocks.build(
            known.exercises,
            weeks=weeks,
            days=count,
            goal=chosen_goal,
            start=first,
            request=request,
            now=now,
            weekdays=weekdays,
            logged=store.logged_counts(now - timedelta(days=HABIT_DAYS)),
        )
        block = store.start_program(block, replace=True)
        progress = store.progress(block)
    if json_:
        render.print_json(render.program_json(block, progress, now.date()))
        return
    if active is not None:
        render.out.print(f"Ended the block that started {active.start:%a %-d %b}.", markup=False)
    render.program_summary(block, progress, now.date())
    if block.days < count:
        render.out.print(
            f"\n{count} days a week would make days of under "
            f"{blocks.SESSION_MINIMUM[block.level]} hard sets at the {block.level.value} "
            f"level: this block trains {block.days} days a week, each worth the trip.",
            markup=False,
        )


def _ask_to_replace(active: Program, store: Store) -> None:
    """On a terminal, ask; elsewhere, refuse: nothing is replaced without a yes."""
    done = len(store.progress(active).done)
    what = (
        f"A {active.weeks}-week block that started {active.start:%a %-d %b} is active "
        f"({done} of {len(active.sessions)} sessions done)"
    )
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise BackplanError(f"{what}: give --replace to end it and start this one.")
    if not typer.confirm(f"{what}. End it and start this one?", default=False):
        render.out.print("Kept it.")
        raise typer.Exit(0)


def _active(store: Store) -> Program:
    """The active block; a stored move no calendar can follow is said, and set aside."""
    from backplan.store.programs import NO_PROGRAM

    active = store.active_program()
    if active is None:
        raise BackplanError(NO_PROGRAM)
    for move in active.set_aside:
        assert move.to is not None
        render.err.print(
            f"warning: the move of {move.away:%-d %b %Y} to {move.to:%-d %b %Y} (over a year "
            "on) is set aside; 'backplan program move' moves that session again.",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
    return active


@program_app.command("show")
def program_show(json_: JsonOption = False) -> None:
    """The active block: week by week, the goal of each day, the main lifts, where you are.

    Example: backplan program show
    """
    from backplan.store import history

    today = current_time().date()
    with history.open_store(create=False) as store:
        block = _active(store)
        progress = store.progress(block)
    if json_:
        render.print_json(render.program_json(block, progress, today))
    else:
        render.program_view(block, progress, today)


@program_app.command("move")
def program_move(
    day: Annotated[
        str,
        typer.Argument(
            metavar="DAY",
            help="The session's day: next, YYYY-MM-DD, today, tomorrow or a weekday.",
            show_default=False,
        ),
    ],
    to: Annotated[
        str | None,
        typer.Option(
            metavar="DAY",
            help="The day it moves to (default: the next training day; the rest follow).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Move a session you cannot make: to --to, or to the next training day, the rest of
    the block following in order.

    Example: backplan program move 2026-12-25 --to 2026-12-26
    """
    from backplan.store import history
    from backplan.training.calendar import checked_move

    today = current_time().date()
    with history.open_store(create=False) as store:
        block = _active(store)
        progress = store.progress(block)
        before = block.schedule(progress, today)
        coming = sorted(d for d in before.dates.values() if d >= today)
        if day.strip().lower() == "next" and coming:
            away = coming[0]
        else:
            away = day_word(day, today, "DAY")
        target = None if to is None else day_word(to, today, "--to")
        move = checked_move(block.calendar, before, away, target, today)
        number = next(n for n, d in before.dates.items() if d == away)
        block = store.move_session(block, move)
        after = block.schedule(progress, today)
    session = block.sessions[number - 1]
    render.out.print(
        f"Moved week {session.week}, day {session.day} ({session.goal.value}) from "
        f"{away:%a %-d %b} to {after.dates[number]:%a %-d %b}; the block ends "
        f"{after.end:%a %-d %b %Y}.",
        markup=False,
    )


@program_app.command("export")
def program_export(
    format_: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="md (Markdown to print or read on a phone) or ics (a calendar file).",
        ),
    ] = "md",
    output: OutputOption = None,
    force: ForceOption = False,
    catalog: CatalogOption = None,
) -> None:
    """The active block as Markdown, or as an iCalendar file with one event per session.

    Example: backplan program export --format ics --output block.ics
    """
    from backplan.files import write_atomically
    from backplan.store import history, migrations

    kind = format_.strip().lower()
    if kind not in EXPORT_FORMATS:
        raise BackplanError(f"Unknown format '{format_}'. Choose md or ics.")
    if output is not None:
        check_output(output, force, migrations.default_path())
    with history.open_store(create=False) as store:
        block = _active(store)
        progress = store.progress(block)
    exercises = load_catalogue(catalog).by_id
    schedule = block.schedule(progress, current_time().date())
    if kind == "md":
        text = render.program_markdown(block, exercises, schedule)
    else:
        text = render.program_ics(block, exercises, schedule).decode("utf-8")
    if output is None:
        render.write_stdout(text)
        return
    write_atomically(output, text)
    render.err.print(
        f"Wrote the {block.weeks}-week block to {output}.", markup=False, highlight=False
    )


@program_app.command("review")
def program_review(json_: JsonOption = False, catalog: CatalogOption = None) -> None:
    """The block reviewed (the active one, else the last): each main lift's best set and
    e1RM from its first session to its last, sets per group each week done against
    planned, and the records set.

    Example: backplan program review
    """
    from backplan import config
    from backplan.cli.loads import progress_of, stalls_in
    from backplan.store import history
    from backplan.training.progress import points
    from backplan.training.review import review

    known = load_catalogue(catalog)
    unit = config.load().unit
    with history.open_store(create=False) as store:
        block = store.active_program() or next(reversed(store.programs()), None)
        if block is None:
            raise BackplanError("No program to review yet. Start one with: backplan program new")
        progress = store.progress(block)
        workouts = [store.get(w) for w in progress.done.values()]
        names = {e.id: e.name for w in workouts for e in w.exercises}
        curves = {}
        for ident in names:
            exercise = known.find(ident)
            if exercise is None:
                curves[ident] = points(store.logged_sessions(ident), unit)
            else:
                curves[ident] = progress_of(store, exercise, known, unit)[0]
        stalls = stalls_in(store, block, known, workouts, unit)
    found = review(block, progress, workouts, curves, names, stalls)
    if json_:
        render.print_json(render.review_json(found))
    else:
        render.review_view(found)


@program_app.command("end")
def program_end() -> None:
    """End the active block; its workouts stay in your history.

    Example: backplan program end
    """
    from backplan.store import history

    with history.open_store(create=False) as store:
        _active(store)
        block = store.end_program(current_time())
        done = len(store.progress(block).done)
    render.out.print(
        f"Ended the {block.weeks}-week block that started {block.start:%a %-d %b}: "
        f"{done} of {len(block.sessions)} sessions done. Your workouts stay in the history.",
        markup=False,
    )
