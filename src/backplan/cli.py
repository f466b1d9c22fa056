"""The backplan command line: parse, call the core, render, map errors to exit codes."""

import os
import sys
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.text import Text

# typer (0.29 and later) carries its own click; these are the types its parser raises.
from typer._click.core import Context
from typer._click.exceptions import ClickException, UsageError
from typer.core import TyperGroup

from backplan import __version__, catalogue, paths, render
from backplan.catalogue import Catalogue
from backplan.errors import BackplanError
from backplan.when import days_ago

if TYPE_CHECKING:
    from backplan.history import Store
    from backplan.progression import Load


class BackplanGroup(TyperGroup):
    """Turns every expected failure into one clear stderr line and the spec's exit code."""

    def invoke(self, ctx: Context) -> Any:
        try:
            return super().invoke(ctx)
        except BackplanError as failure:
            render.error(failure.message, failure.details)
            raise typer.Exit(failure.exit_code) from None

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        call = (args, prog_name, complete_var, False, windows_expand_args)
        if not standalone_mode:
            return super().main(*call, **extra)
        # Click's own usage errors come out as one line, like backplan's.
        try:
            code = super().main(*call, **extra)
        except typer.Abort:
            render.error("Aborted.")
            sys.exit(1)
        except ClickException as failure:
            hint = ""
            if isinstance(failure, UsageError) and failure.ctx is not None:
                hint = f" Try '{failure.ctx.command_path} --help'."
            message = failure.format_message().rstrip()
            if hint and not message.endswith((".", "?", ")")):
                message += "."
            render.error(message + hint)
            sys.exit(failure.exit_code)
        sys.exit(code if isinstance(code, int) else 0)


app = typer.Typer(
    cls=BackplanGroup,
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)


def complete_group(incomplete: str) -> list[str]:
    return [name for name in catalogue.GROUP_NAMES if name.startswith(incomplete.lower())]


def complete_level(incomplete: str) -> list[str]:
    return [lv.value for lv in catalogue.Level if lv.value.startswith(incomplete.lower())]


def complete_goal(incomplete: str) -> list[str]:
    goals = ("strength", "hypertrophy", "size", "endurance", "tone")
    return [goal for goal in goals if goal.startswith(incomplete.lower())]


def complete_equipment(incomplete: str) -> list[str]:
    return [item for item in catalogue.EQUIPMENT if item.startswith(incomplete.lower())]


def complete_exercise(incomplete: str) -> list[str]:
    try:
        loaded = catalogue.load(_catalogue_path(None))
    except BackplanError:
        return []
    return [ident for ident in loaded.by_id if ident.startswith(incomplete.lower())]


def _catalogue_path(given: Path | None) -> Path:
    if given is not None:
        return given
    from_env = os.environ.get(paths.CATALOG_ENV, "").strip()
    return Path(from_env) if from_env else paths.shipped_catalogue()


def load_catalogue(given: Path | None) -> Catalogue:
    """The catalogue from --catalog, else BACKPLAN_CATALOG, else the shipped one."""
    return catalogue.load(_catalogue_path(given))


CatalogOption = Annotated[
    Path | None,
    typer.Option(
        "--catalog",
        help=f"Catalogue YAML to use instead of the shipped one [env: {paths.CATALOG_ENV}].",
        show_default=False,
        dir_okay=True,
    ),
]
GroupOption = Annotated[
    list[str] | None,
    typer.Option(
        "--group",
        "-g",
        help="lats, upper-back or lower-back; repeat or separate with commas.",
        autocompletion=complete_group,
        show_default=False,
    ),
]
EquipmentOption = Annotated[
    list[str] | None,
    typer.Option(
        "--equipment",
        "-e",
        help="What you have (bodyweight always counts); repeat or separate with commas.",
        autocompletion=complete_equipment,
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"backplan {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", help="Print the version and exit.", callback=_version, is_eager=True
        ),
    ] = False,
) -> None:
    """Plan varied back workouts: lats, upper back and lower back.

    Example: backplan workout --group lats --minutes 45
    """


@app.command("list")
def list_(
    group: GroupOption = None,
    equipment: EquipmentOption = None,
    level: Annotated[
        str | None,
        typer.Option(
            help="Show exercises up to this level.",
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
    if json_:
        render.print_json([render.exercise_json(e) for e in chosen])
        return
    if not chosen:
        render.out.print(
            "No exercise matches these filters; try more --equipment or a higher --level."
        )
        return
    render.exercise_table(chosen, f"Back exercises ({len(chosen)})")


@app.command()
def show(
    exercise_id: Annotated[
        str, typer.Argument(metavar="ID", help="Exercise id.", autocompletion=complete_exercise)
    ],
    catalog: CatalogOption = None,
    json_: JsonOption = False,
) -> None:
    """Show one exercise: its form cues, focus cue and equipment.

    Example: backplan show pull-up
    """
    exercise = load_catalogue(catalog).get(exercise_id)
    from backplan import config, history  # SQLite only for the commands that read history

    unit = config.load().unit
    with history.open_store(create=False) as store:
        times, last = store.usage(exercise.id)
        load = loads_for(store, [exercise.id], unit)[exercise.id]
    if json_:
        document = render.exercise_json(exercise)
        document["last_done"] = last.isoformat(timespec="seconds") if last else None
        document["times_done"] = times
        document["load"] = render.load_json(load)
        render.print_json(document)
        return
    done = (
        f"{days_ago(last, current_time())}, {render.plural(times, 'session')} in all"
        if last
        else "never"
    )
    facts: list[tuple[str, Text | str]] = [("last done", done)]
    if load:
        facts.append(("next load", Text(f"{load} ({load.reason})")))
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
    render.check_ok(catalogue.load(_catalogue_path(path or catalog), use_cache=False))


def current_time() -> datetime:
    # Whole seconds: history shows and stores the time to the second.
    return datetime.now().astimezone().replace(microsecond=0)


def loads_for(store: "Store", exercise_ids: Iterable[str], unit: str) -> "dict[str, Load | None]":
    """Each exercise's suggested load, from its own log."""
    from backplan import progression

    return {i: progression.suggest(store.sessions(i), unit) for i in exercise_ids}


def warn_about_marks(marks: dict[str, str], known: Catalogue) -> None:
    """Pins and bans that name exercises the catalogue no longer has: say so, carry on."""
    for ident, mark in sorted(marks.items()):
        if ident not in known.by_id:
            kind = "pinned" if mark == "pin" else "banned"
            render.warning(
                f"'{ident}' is {kind} but not in the catalogue; "
                f"'backplan un{mark} {ident}' clears it."
            )


def main() -> None:
    app()


# The commands that plan and keep your training live in their own modules.
from backplan import cli_plan, cli_review, cli_training  # noqa: E402, F401
