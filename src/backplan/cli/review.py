"""Your training over time: `status`, `stats`, `export` and `import`."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Annotated

import typer

from backplan import render
from backplan.cli.options import (
    CatalogOption,
    ForceOption,
    JsonOption,
    OutputOption,
    Whole,
    check_output,
    current_time,
    load_catalogue,
)
from backplan.cli.root import app
from backplan.errors import BackplanError, did_you_mean

# Each command imports what it uses, so that `backplan list` starts without SQLite.


@app.command()
def status(json_: JsonOption = False) -> None:
    """Each part of your back: last trained, sets in the last 7 days, ready or recovering.

    Example: backplan status
    """
    from backplan.store import history
    from backplan.training import back, recovery

    now = current_time()
    with history.open_store(create=False) as store:
        groups = recovery.status(
            store.last_trained(), store.sets_between(now - timedelta(days=7), now), now
        )
        ratings = store.back_ratings(back.READ)
    if json_:
        render.print_json(render.status_json(groups))
        return
    render.status_table(groups, now)
    if ratings:
        render.out.print(back.ratings_line(ratings, now), markup=False)


@app.command()
def stats(
    weeks: Annotated[
        int,
        typer.Option("--weeks", "-w", click_type=Whole(1, 52), help="How many weeks back."),
    ] = 4,
    catalog: CatalogOption = None,
    json_: JsonOption = False,
) -> None:
    """Sets per group per week against the 10-sets mark, and what you have never tried.

    Example: backplan stats --weeks 8
    """
    from backplan import catalogue, config
    from backplan.catalogue.model import Goal
    from backplan.store import history
    from backplan.training import recovery

    now = current_time()
    settings = config.load()
    known = load_catalogue(catalog)
    first_week = recovery.week_of(now) - timedelta(weeks=weeks - 1)
    since = datetime.combine(first_week, time(), tzinfo=now.tzinfo)
    with history.open_store(create=False) as store:
        table = recovery.weekly_sets(store.sets_between(since, now), now, weeks)
        uses = store.recency().uses
        banned = history.marked(store.marks(), "ban")
    # What the planner would pick: your level first (easier ones only fill in), your
    # equipment and goal, nothing banned.
    level = settings.level or catalogue.Level.INTERMEDIATE
    goal = settings.goal or Goal.HYPERTROPHY
    would_plan = [
        e
        for e in known.select(equipment=settings.equipment, level=level)
        if e.level is level and goal in e.goals and e.id not in banned
    ]
    usage = recovery.usage(would_plan, known.exercises, uses)
    if json_:
        render.print_json(render.stats_json(table, usage))
    else:
        render.stats_view(table, usage)


FORMATS = ("json", "csv", "strong")


@app.command()
def export(
    format_: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="json (complete), csv (spreadsheets) or strong (Strong's CSV layout, to "
            "take your history to another app).",
        ),
    ] = "json",
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Export your history: workouts, logs, pins, bans, settings and programs.

    Example: backplan export --output backplan.json
    """
    kind = format_.strip().lower()
    if kind not in FORMATS:
        raise BackplanError(f"Unknown format '{format_}'. Choose json, csv or strong.")
    from backplan import config
    from backplan.files import write_atomically
    from backplan.store import exchange, history, migrations, strong

    if output is not None:
        check_output(output, force, migrations.default_path())
    with history.open_store(create=False) as store:
        marks = store.marks()
        settings = config.load()
        if kind == "json":
            chunks = exchange.json_chunks(
                store.every(),
                marks,
                render.config_json(settings),
                store.programs(),
                store.weigh_ins(),
            )
        elif kind == "strong":
            chunks = strong.strong_chunks(store.every(), settings.unit)
        else:
            chunks = exchange.csv_chunks(store.every())
        if output is None:
            as_json = kind == "json"
            for chunk in chunks:
                render.write_stdout(chunk, json_=as_json)
            return
        write_atomically(output, chunks)
        count = store.count()
    render.err.print(
        f"Exported {render.plural(count, 'workout')} to {output}.", markup=False, highlight=False
    )


SOURCES = ("auto", "backplan", "strong", "hevy", "fitnotes")


@app.command("import")
def import_(
    file: Annotated[
        Path,
        typer.Argument(
            help="A JSON file made by backplan export, or a CSV export of Strong or Hevy.",
            dir_okay=False,
        ),
    ],
    from_: Annotated[
        str,
        typer.Option(
            "--from",
            metavar="APP",
            help="auto (from the file), backplan (its JSON export), or the CSV of strong, "
            "hevy or fitnotes.",
        ),
    ] = "auto",
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show what maps to what; change nothing.")
    ] = False,
    map_: Annotated[
        list[str] | None,
        typer.Option(
            "--map",
            metavar="NAME=ID",
            help="Map an app's exercise name to a catalogue id (NAME=- leaves it out).",
            show_default=False,
        ),
    ] = None,
    unit: Annotated[
        str | None,
        typer.Option(
            metavar="UNIT",
            help="kg or lb, for an export that does not say (asked on a terminal).",
            show_default=False,
        ),
    ] = None,
    yes: Annotated[
        bool,
        typer.Option("--yes", "-y", help="Update sessions imported before whose mapping changed."),
    ] = False,
    catalog: CatalogOption = None,
) -> None:
    """Import an export: adds what is new, in one go; importing twice adds nothing.

    From Strong or Hevy, the back exercises are mapped to the catalogue by name, alias
    or a close match (--dry-run shows how) and the rest are listed as left out.

    Example: backplan import --from strong strong.csv --dry-run
    """
    from backplan import config
    from backplan.store import history

    source = from_.strip().lower()
    if source not in SOURCES:
        hint = did_you_mean(source, SOURCES)
        raise BackplanError(
            f"Unknown app '{from_}'{hint}. Choose auto, backplan, strong, hevy or fitnotes."
        )
    if source == "auto":
        from backplan.cli.apps import detected

        source = detected(file)
    if unit is not None and unit.strip().lower().rstrip("s") not in ("kg", "lb"):
        raise BackplanError(f"Unknown unit '{unit}'. Use kg or lb.")
    if source != "backplan":
        from backplan.cli.apps import bring

        picked = unit.strip().lower().rstrip("s") if unit else None
        bring(file, source, dry_run=dry_run, maps=map_, unit=picked, catalog=catalog, yes=yes)
        return
    if dry_run or map_ or unit or yes:
        raise BackplanError("--dry-run, --map, --unit and --yes are for another app's CSV export.")

    from backplan.files import open_regular
    from backplan.store import streamed

    try:
        handle = open_regular(file)
    except FileNotFoundError:
        raise BackplanError(f"{file}: no such file.") from None
    except OSError as err:
        raise BackplanError(f"{file}: cannot be read ({err.strerror or err}).") from None
    tally = streamed.Tally()
    with handle:
        head = streamed.read_head(handle, str(file))
        known = load_catalogue(catalog)
        strays = sorted(ident for ident in head.marks if known.find(ident) is None)
        marks = {ident: mark for ident, mark in head.marks.items() if ident not in strays}
        adopted = config.adoptable(head.settings)  # checked before anything changes
        with history.open_store() as store:
            workouts = streamed.read_workouts(handle, str(file), tally)
            added = store.add(workouts, marks, head.programs, head.weigh_ins)
    for key, value in adopted.items():
        config.set_value(key, value)
    skipped = tally.count - added
    message = f"Imported {render.plural(added, 'workout')} from {file}"
    if skipped:
        message += f"; {skipped} {'was' if skipped == 1 else 'were'} already here"
    render.out.print(message + ".", markup=False)
    if strays:
        render.warning(
            f"pins and bans of {', '.join(strays)} were left out: no such exercise in the "
            "catalogue."
        )
    ahead = None if tally.latest is None else tally.latest.created
    now = current_time()
    if ahead is not None and ahead > now:
        hours = (ahead - now).total_seconds() / 3600
        render.warning(
            f"the export has workouts up to {hours:.0f} h ahead of this machine's clock (one "
            "of the clocks runs fast); they were imported as they are."
        )
    if adopted:
        render.out.print(
            f"Settings you had not set came with it: {', '.join(sorted(adopted))}.",
            markup=False,
        )
