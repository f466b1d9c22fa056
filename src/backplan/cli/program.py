"""`backplan program`: a block of weeks that keeps the main lifts and rotates the rest."""

from __future__ import annotations

import sys
from datetime import date, timedelta
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
from backplan.cli.root import BackplanGroup, app
from backplan.defaults import AUTO, DEFAULT_DAYS, DEFAULT_WEEKS
from backplan.defaults import PROGRAM_DAYS as DAYS
from backplan.defaults import PROGRAM_WEEKS as WEEKS
from backplan.errors import BackplanError

if TYPE_CHECKING:
    from backplan.catalogue.model import Goal
    from backplan.store.history import Store
    from backplan.training.program import Program

program_app = typer.Typer(
    cls=BackplanGroup,
    help="A block of weeks: the main lifts held, the rest rotating, a deload to finish.",
    no_args_is_help=True,
)
app.add_typer(program_app, name="program")
START_RANGE = 366  # days either side of today a block may start
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
        int,
        typer.Option(
            "--days", "-d", click_type=Whole(*DAYS), help=f"Sessions a week: {DAYS[0]}–{DAYS[1]}."
        ),
    ] = DEFAULT_DAYS,
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
            help="The first day, YYYY-MM-DD, 'today' or 'tomorrow' (default today).",
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

    Example: backplan program new --weeks 4 --days 3 --equipment barbell,pull-up-bar
    """
    from backplan import config
    from backplan.store import history
    from backplan.training import program

    now = current_time()
    first = _start_date(start, now.date())
    chosen_goal = _goal(goal)
    settings = config.load()
    known = load_catalogue(catalog)
    with history.open_store() as store:
        active = store.active_program()
        if active is not None and not replace:
            _ask_to_replace(active, store)
        options = PlanOptions(group, None, None, None, level, equipment, seed, False)
        request = options.request(settings, store.marks())
        block = program.build(
            known.exercises,
            weeks=weeks,
            days=days,
            goal=chosen_goal,
            start=first,
            request=request,
            now=now,
            recently=store.recency().uses,
        )
        block = store.start_program(block, replace=True)
        progress = store.progress(block)
    if json_:
        render.print_json(render.program_json(block, progress))
        return
    if active is not None:
        render.out.print(f"Ended the block that started {active.start:%a %-d %b}.", markup=False)
    render.program_summary(block, progress)


def _goal(text: str) -> Goal | None:
    from backplan.training.prescription import parse_goal

    if text.strip().lower() == AUTO:
        return None
    try:
        return parse_goal(text)
    except BackplanError as err:
        raise BackplanError(str(err).replace("Choose from: ", "Choose from: auto, ")) from None


def _start_date(text: str | None, today: date) -> date:
    words = {"today": today, "tomorrow": today + timedelta(days=1)}
    if text is None:
        return today
    key = text.strip().lower()
    try:
        first = words[key] if key in words else date.fromisoformat(key)
    except ValueError:
        raise BackplanError(
            f"--start '{text}' is not a date: give YYYY-MM-DD, 'today' or 'tomorrow'."
        ) from None
    if abs((first - today).days) > START_RANGE:
        raise BackplanError(f"--start {first} is more than a year from today; choose a nearer day.")
    return first


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
    from backplan.store.programs import NO_PROGRAM

    active = store.active_program()
    if active is None:
        raise BackplanError(NO_PROGRAM)
    return active


@program_app.command("show")
def program_show(json_: JsonOption = False) -> None:
    """The active block: week by week, the goal of each day, the main lifts, where you are.

    Example: backplan program show
    """
    from backplan.store import history

    with history.open_store(create=False) as store:
        block = _active(store)
        progress = store.progress(block)
    if json_:
        render.print_json(render.program_json(block, progress))
    else:
        render.program_view(block, progress)


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
    exercises = load_catalogue(catalog).by_id
    if kind == "md":
        text = render.program_markdown(block, exercises)
    else:
        text = render.program_ics(block, exercises).decode("utf-8")
    if output is None:
        render.write_stdout(text)
        return
    write_atomically(output, text)
    render.err.print(
        f"Wrote the {block.weeks}-week block to {output}.", markup=False, highlight=False
    )


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
