"""What the commands share: options, completion, the catalogue in use, the clock."""

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

# typer carries its own click; a parameter type of our own words its own errors.
from typer._click.core import Context, Parameter
from typer._click.types import ParamType

from backplan import catalogue, paths, render
from backplan.catalogue import Catalogue
from backplan.defaults import DEFAULT_EXERCISES, MAX_EXERCISES, MAX_MINUTES
from backplan.errors import BackplanError

if TYPE_CHECKING:
    from backplan.config import Config
    from backplan.training.candidates import Request


HELP = {"help_option_names": ["-h", "--help"]}  # every command takes -h as well
MAX_ID = 2**63 - 1  # SQLite's largest integer


class Whole(ParamType):
    """A whole number within bounds, refused in backplan's own words (never an overflow)."""

    def __init__(self, low: int, high: int, metavar: str = "N") -> None:
        self.low, self.high, self.name = low, high, metavar

    def get_metavar(self, param: Parameter, ctx: Context) -> str:
        # An argument's name is its metavar already; an option's is the type's.
        return "" if param.param_type_name == "argument" else self.name

    def convert(self, value: object, param: Parameter | None, ctx: Context | None) -> int:
        if isinstance(value, int) and not isinstance(value, bool):
            number = value
        else:
            text = str(value).strip()
            if not (text.isascii() and text.lstrip("+-").isdigit() and len(text) <= 30):
                self.fail(f"'{str(value)[:40]}' is not a whole number.", param, ctx)
            number = int(text)
        if not self.low <= number <= self.high:
            shown = str(number) if len(str(number)) <= 20 else f"{str(number)[:20]}…"
            self.fail(f"must be from {self.low:,} to {self.high:,}, not {shown}.", param, ctx)
        return number


class Words(ParamType):
    """Text, with no `<str>` in the help: the argument's name says what it is."""

    name = "text"

    def get_metavar(self, param: Parameter, ctx: Context) -> str:
        return ""

    def convert(self, value: object, param: Parameter | None, ctx: Context | None) -> str:
        return str(value)


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
        loaded = catalogue.load(catalogue_path(None))
    except BackplanError:
        return []
    return [ident for ident in loaded.by_id if ident.startswith(incomplete.lower())]


def catalogue_path(given: Path | None) -> Path:
    if given is not None:
        return given
    from_env = os.environ.get(paths.CATALOG_ENV, "").strip()
    return Path(from_env) if from_env else paths.shipped_catalogue()


def load_catalogue(given: Path | None) -> Catalogue:
    """The catalogue from --catalog, else BACKPLAN_CATALOG, else the shipped one."""
    return catalogue.load(catalogue_path(given))


CatalogOption = Annotated[
    Path | None,
    typer.Option(
        "--catalog",
        metavar="PATH",
        help=f"Catalogue YAML to use instead of the shipped one (or {paths.CATALOG_ENV}).",
        show_default=False,
        dir_okay=True,
    ),
]
GroupOption = Annotated[
    list[str] | None,
    typer.Option(
        "--group",
        "-g",
        metavar="GROUP",
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
        metavar="EQUIPMENT",
        help="What you have (bodyweight always counts); repeat or separate with commas.",
        autocompletion=complete_equipment,
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]
LevelOption = Annotated[
    str | None,
    typer.Option(
        "--level",
        metavar="LEVEL",
        help="beginner, intermediate or advanced: caps exercise difficulty, sets the volume. "
        "Default: intermediate.",
        autocompletion=complete_level,
        show_default=False,
    ),
]
SeedOption = Annotated[
    int | None,
    typer.Option(
        "--seed",
        click_type=Whole(0, MAX_ID, "SEED"),
        help="Same seed, history and options give the same plan.",
        show_default=False,
    ),
]


def current_time() -> datetime:
    """Now, to the second; BACKPLAN_NOW stands in for the clock in tests and demos."""
    from backplan import clock

    return clock.now()


def read_marks() -> dict[str, str]:
    """Your pins and bans, or none when there is no history yet (then SQLite is not even
    imported, so browsing the catalogue stays quick)."""
    if not paths.history_file().exists():
        return {}
    from backplan.store import history

    with history.open_store(create=False) as store:
        return store.marks()


def warn_about_marks(marks: dict[str, str], known: Catalogue) -> None:
    """Pins and bans that name exercises the catalogue no longer has: say so, carry on."""
    for ident, mark in sorted(marks.items()):
        if ident not in known.by_id:
            kind = "pinned" if mark == "pin" else "banned"
            render.warning(
                f"'{ident}' is {kind} but not in the catalogue; "
                f"'backplan un{mark} {ident}' clears it."
            )


WorkoutId = Annotated[
    int,
    typer.Argument(
        metavar="ID", click_type=Whole(1, MAX_ID), help="Workout id (see backplan history)."
    ),
]
WorkoutOption = Annotated[
    int | None,
    typer.Option(
        "--workout",
        "-w",
        click_type=Whole(1, MAX_ID, "ID"),
        help="Workout id (default: the latest).",
        show_default=False,
    ),
]

ExerciseId = Annotated[
    str,
    typer.Argument(
        metavar="EXERCISE_ID",
        click_type=Words(),
        help="Exercise id.",
        autocompletion=complete_exercise,
    ),
]


OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write to this file (default: stdout).",
        show_default=False,
    ),
]
ForceOption = Annotated[bool, typer.Option("--force", help="Overwrite --output if it exists.")]


def check_output(output: Path, force: bool, history_file: Path) -> None:
    """A new regular file in a folder that exists; an existing one only with --force, and
    never the history itself, a folder, a pipe or a device."""
    import stat

    if not output.parent.is_dir():
        raise BackplanError(f"{output.parent} is not a folder; create it first.")
    try:
        found = output.stat()
    except FileNotFoundError:
        return
    except OSError as err:
        raise BackplanError(f"{output}: cannot be checked ({err.strerror or err}).") from None
    if not stat.S_ISREG(found.st_mode):
        raise BackplanError(f"{output} is not a regular file; give the path of a file to write.")
    if history_file.exists() and output.resolve() == history_file.resolve():
        raise BackplanError(f"{output} is your history itself; export somewhere else.")
    if not force:
        raise BackplanError(f"{output} exists; give --force to overwrite it.")


ExercisesOption = Annotated[
    int | None,
    typer.Option(
        "--exercises",
        "-n",
        click_type=Whole(1, MAX_EXERCISES),
        show_default=False,
        help=f"How many exercises (default {DEFAULT_EXERCISES}, or your config's).",
    ),
]
SupersetsOption = Annotated[
    bool,
    typer.Option(
        "--supersets",
        help="Pair exercises where the rules allow: a grip-heavy lift with a grip-free "
        "drill, in turn, the rest after both.",
    ),
]
MinutesOption = Annotated[
    int | None,
    typer.Option(
        "--minutes",
        "-m",
        click_type=Whole(1, MAX_MINUTES),
        show_default=False,
        help="Instead of --exercises: as many as fit into this many minutes.",
    ),
]
GoalOption = Annotated[
    str | None,
    typer.Option(
        "--goal",
        metavar="GOAL",
        help="strength, hypertrophy (or size), endurance (or tone). Default: hypertrophy.",
        autocompletion=complete_goal,
        show_default=False,
    ),
]
IgnoreRecoveryOption = Annotated[
    bool,
    typer.Option("--ignore-recovery", help="Plan groups still recovering like the rest."),
]


FormatOption = Annotated[
    str,
    typer.Option(
        "--format", "-f", metavar="FORMAT", help="table (for the terminal) or md (Markdown)."
    ),
]


def shown_as(format_: str, json_: bool) -> str:
    """'table', 'md' or 'json', from --format and --json."""
    kind = format_.strip().lower()
    if kind not in ("table", "md", "markdown"):
        raise BackplanError(f"Unknown format '{format_}'. Choose table or md.")
    if json_ and kind != "table":
        raise BackplanError("Give --json or --format md, not both.")
    return "json" if json_ else "md" if kind != "table" else "table"


@dataclass(frozen=True)
class PlanOptions:
    """What the command line asked of the plan (None: from your config, then defaults)."""

    group: list[str] | None
    exercises: int | None
    minutes: int | None
    goal: str | None
    level: str | None
    equipment: list[str] | None
    seed: int | None
    ignore_recovery: bool
    supersets: bool = False

    @property
    def given(self) -> frozenset[str]:
        """The planning options named on the command line."""
        named = {
            "groups": self.group,
            "count": self.exercises or self.minutes,
            "goal": self.goal,
            "level": self.level,
            "equipment": self.equipment,
            "seed": self.seed,
        }
        return frozenset(key for key, value in named.items() if value is not None)

    def request(self, settings: "Config", marks: dict[str, str]) -> "Request":
        """The planner's request: these options, else your settings, else the defaults;
        your pins and bans."""
        import secrets

        from backplan.catalogue.model import Goal
        from backplan.store import history
        from backplan.training.candidates import Request
        from backplan.training.prescription import parse_goal

        return Request(
            groups=tuple(catalogue.parse_groups(self.group)),
            exercises=self.exercises or settings.exercises or DEFAULT_EXERCISES,
            minutes=self.minutes,
            goal=parse_goal(self.goal) if self.goal else settings.goal or Goal.HYPERTROPHY,
            level=catalogue.parse_level(self.level)
            if self.level
            else settings.level or catalogue.Level.INTERMEDIATE,
            equipment=catalogue.parse_equipment(self.equipment)
            if self.equipment
            else settings.equipment,
            seed=self.seed if self.seed is not None else secrets.randbelow(2**31),
            pinned=history.marked(marks, "pin"),
            banned=history.marked(marks, "ban"),
            supersets=self.supersets,
        )
