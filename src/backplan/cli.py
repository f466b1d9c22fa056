"""The backplan command line: parse, call the core, render, map errors to exit codes."""

import os
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any

import typer

# typer (0.29 and later) carries its own click; these are the types its parser raises.
from typer._click.core import Context
from typer._click.exceptions import ClickException, UsageError
from typer.core import TyperGroup

from backplan import __version__, catalogue, paths, planner, render
from backplan.catalogue import Catalogue
from backplan.errors import BackplanError


class _BackplanGroup(TyperGroup):
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
    cls=_BackplanGroup,
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)


def _complete_group(incomplete: str) -> list[str]:
    return [name for name in catalogue.GROUP_NAMES if name.startswith(incomplete.lower())]


def _complete_level(incomplete: str) -> list[str]:
    return [level.value for level in catalogue.Level if level.value.startswith(incomplete)]


def _complete_goal(incomplete: str) -> list[str]:
    goals = ("strength", "hypertrophy", "size", "endurance", "tone")
    return [goal for goal in goals if goal.startswith(incomplete.lower())]


def _complete_equipment(incomplete: str) -> list[str]:
    return [item for item in catalogue.EQUIPMENT if item.startswith(incomplete.lower())]


def _complete_exercise(incomplete: str) -> list[str]:
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


def _load(given: Path | None) -> Catalogue:
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
        autocompletion=_complete_group,
        show_default=False,
    ),
]
EquipmentOption = Annotated[
    list[str] | None,
    typer.Option(
        "--equipment",
        "-e",
        help="What you have (bodyweight always counts); repeat or separate with commas.",
        autocompletion=_complete_equipment,
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
            autocompletion=_complete_level,
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
    chosen = _load(catalog).select(groups, available, most)
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
        str, typer.Argument(metavar="ID", help="Exercise id.", autocompletion=_complete_exercise)
    ],
    catalog: CatalogOption = None,
    json_: JsonOption = False,
) -> None:
    """Show one exercise: its form cues, focus cue and equipment.

    Example: backplan show pull-up
    """
    exercise = _load(catalog).get(exercise_id)
    from backplan import history  # SQLite only for the commands that read history

    with history.open_store(create=False) as store:
        times, last = store.usage(exercise.id)
    if json_:
        document = render.exercise_json(exercise)
        document["last_done"] = last.isoformat(timespec="seconds") if last else None
        document["times_done"] = times
        render.print_json(document)
        return
    done = (
        f"{planner.days_ago(last, _now())}, {render.plural(times, 'session')} in all"
        if last
        else "never"
    )
    render.exercise_panel(exercise, [("last done", done)])


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
    render.check_ok(_load(path or catalog))


@app.command()
def workout(
    group: GroupOption = None,
    exercises: Annotated[
        int | None,
        typer.Option(
            "--exercises",
            "-n",
            min=1,
            max=planner.MAX_EXERCISES,
            show_default=False,
            help=f"How many exercises (default {planner.DEFAULT_EXERCISES}).",
        ),
    ] = None,
    minutes: Annotated[
        int | None,
        typer.Option(
            "--minutes",
            "-m",
            min=1,
            show_default=False,
            help="Instead of --exercises: as many as fit into this many minutes.",
        ),
    ] = None,
    goal: Annotated[
        str,
        typer.Option(
            help="strength, hypertrophy (or size), endurance (or tone).",
            autocompletion=_complete_goal,
        ),
    ] = "hypertrophy",
    level: Annotated[
        str,
        typer.Option(
            help="Caps exercise difficulty and sets the volume.", autocompletion=_complete_level
        ),
    ] = "intermediate",
    equipment: EquipmentOption = None,
    seed: Annotated[
        int | None,
        typer.Option(
            help="Same seed, history and options give the same workout.", show_default=False
        ),
    ] = None,
    no_save: Annotated[
        bool, typer.Option("--no-save", help="Preview only; history is untouched.")
    ] = False,
    catalog: CatalogOption = None,
    json_: JsonOption = False,
) -> None:
    """Plan a back workout, print it and record it in your history.

    Example: backplan workout --group lats --goal strength --equipment pull-up-bar,dumbbell
    """
    import secrets

    from backplan import history
    from backplan.prescription import parse_goal

    if exercises is not None and minutes is not None:
        raise BackplanError("Give --exercises or --minutes, not both.")
    request = planner.Request(
        groups=tuple(catalogue.parse_groups(group)),
        exercises=exercises or planner.DEFAULT_EXERCISES,
        minutes=minutes,
        goal=parse_goal(goal),
        level=catalogue.parse_level(level),
        equipment=catalogue.parse_equipment(equipment),
        seed=seed if seed is not None else secrets.randbelow(2**31),
    )
    exercises_available = _load(catalog).exercises
    with history.open_store(create=not no_save) as store:
        planned = planner.plan(exercises_available, request, store.recency(), _now())
        if not no_save:
            planned = store.save(planned)
    if json_:
        render.print_json(render.workout_json(planned))
    else:
        render.workout_view(planned)


history_app = typer.Typer(
    cls=_BackplanGroup,
    help="Your past workouts, newest first.",
    invoke_without_command=True,
)
app.add_typer(history_app, name="history")


@history_app.callback()
def history_list(
    ctx: typer.Context,
    last: Annotated[int, typer.Option("--last", min=1, help="How many to show.")] = 10,
    json_: JsonOption = False,
) -> None:
    """Your past workouts, newest first.

    Example: backplan history --last 5
    """
    if ctx.invoked_subcommand is not None:
        return
    from backplan import history

    with history.open_store(create=False) as store:
        workouts = store.recent(last)
    if json_:
        render.print_json([render.workout_json(w) for w in workouts])
    elif not workouts:
        render.out.print("No workouts yet. Plan one with: backplan workout")
    else:
        render.history_table(workouts)


WorkoutId = Annotated[int, typer.Argument(metavar="ID", help="Workout id (see backplan history).")]


@history_app.command("show")
def history_show(workout_id: WorkoutId, json_: JsonOption = False) -> None:
    """One past workout in full.

    Example: backplan history show 12
    """
    from backplan import history

    with history.open_store(create=False) as store:
        past = store.get(workout_id)
    if json_:
        render.print_json(render.workout_json(past))
    else:
        render.workout_view(past)


@history_app.command("delete")
def history_delete(
    workout_id: WorkoutId,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask first.")] = False,
) -> None:
    """Remove one workout from your history (asks first unless --yes).

    Example: backplan history delete 12 --yes
    """
    from backplan import history

    with history.open_store(create=False) as store:
        past = store.get(workout_id)
        if not yes:
            question = f"Delete workout {past.id} from {render.when_text(past.created)}?"
            if not typer.confirm(question, default=False):
                render.out.print("Kept it.")
                return
        store.delete(workout_id)
    render.out.print(f"Deleted workout {workout_id}.")


def _now() -> datetime:
    return datetime.now().astimezone()


def main() -> None:
    app()
