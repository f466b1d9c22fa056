"""`backplan list`, `show` and `check`: browse and validate the catalogue."""

from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text

from backplan import catalogue, paths, render
from backplan.cli.loads import loads_for
from backplan.cli.options import (
    CatalogOption,
    EquipmentOption,
    GroupOption,
    JsonOption,
    Words,
    catalogue_path,
    complete_exercise,
    complete_level,
    current_time,
    load_catalogue,
    read_marks,
)
from backplan.cli.root import app
from backplan.when import days_ago


@app.command("list")
def list_(
    group: GroupOption = None,
    equipment: EquipmentOption = None,
    level: Annotated[
        str | None,
        typer.Option(
            metavar="LEVEL",
            help="beginner, intermediate or advanced: show exercises up to this level.",
            autocompletion=complete_level,
            show_default=False,
        ),
    ] = None,
    catalog: CatalogOption = None,
    json_: JsonOption = False,
) -> None:
    """List the catalogue, filtered by group, equipment and level.

    Example: backplan list --group lats --equipment dumbbell,bench
    """
    groups = catalogue.parse_groups(group)
    available = catalogue.parse_equipment(equipment)
    most = catalogue.parse_level(level) if level else catalogue.Level.ADVANCED
    chosen = load_catalogue(catalog).select(groups, available, most)
    marks = read_marks()
    if json_:
        render.print_json([{**render.exercise_json(e), "mark": marks.get(e.id)} for e in chosen])
        return
    if not chosen:
        render.out.print(
            "No exercise matches these filters; try more --equipment or a higher --level."
        )
        return
    render.exercise_table(chosen, f"Back exercises ({len(chosen)})", marks)


@app.command()
def show(
    exercise_id: Annotated[
        str,
        typer.Argument(
            metavar="ID", click_type=Words(), help="Exercise id.", autocompletion=complete_exercise
        ),
    ],
    catalog: CatalogOption = None,
    json_: JsonOption = False,
) -> None:
    """Show one exercise: its form cues, focus cue and equipment.

    Example: backplan show pull-up
    """
    known = load_catalogue(catalog)
    exercise = known.get(exercise_id)
    times, last, load, mark = 0, None, None, None
    if paths.history_file().exists():  # no history yet: no SQLite to start
        from backplan import config
        from backplan.store import history

        with history.open_store(create=False) as store:
            times, last = store.usage(exercise.id)
            load = loads_for(store, [(exercise.id, None)], known, config.load())[exercise.id]
            mark = store.marks().get(exercise.id)
    if json_:
        document = {**render.exercise_json(exercise), "mark": mark}
        document["last_done"] = last.isoformat(timespec="seconds") if last else None
        document["times_done"] = times
        document["next_load"] = render.load_json(load)  # `load` is how it gets harder
        render.print_json(document)
        return
    done = (
        f"{days_ago(last, current_time())}, {render.plural(times, 'session')} in all"
        if last
        else "never"
    )
    facts: list[tuple[str, Text | str]] = [("last done", done)]
    if mark:
        facts.append(("mark", render.MARK_WORDS[mark]))
    if load:
        facts.append(("next load", Text(load.reason_after(str(load)))))
    render.exercise_panel(exercise, facts)


@app.command()
def check(
    path: Annotated[
        Path | None,
        typer.Argument(
            help="Catalogue file to check (default: the one in use).", show_default=False
        ),
    ] = None,
    catalog: CatalogOption = None,
) -> None:
    """Validate a catalogue file; every problem is listed as FILE:LINE: message.

    Example: backplan check my-exercises.yaml
    """
    render.check_ok(catalogue.load(catalogue_path(path or catalog), use_cache=False))
