"""What the commands share: options, completion, the catalogue in use, the clock."""

import os
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from backplan import catalogue, paths, render
from backplan.catalogue import Catalogue
from backplan.errors import BackplanError

if TYPE_CHECKING:
    from backplan.config import Config
    from backplan.store.history import Store
    from backplan.training.loads import Load
    from backplan.training.progression import Target


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


def current_time() -> datetime:
    # Whole seconds: history shows and stores the time to the second.
    return datetime.now().astimezone().replace(microsecond=0)


def loads_for(
    store: "Store",
    wanted: "Iterable[tuple[str, Target | None]]",
    known: Catalogue,
    settings: "Config",
) -> "dict[str, Load | None]":
    """Each exercise's suggested load, from its own log, for the range it is to do next
    (None: the range it was last logged at)."""
    from backplan.training import progression

    return {
        ident: progression.suggest(
            store.sessions(ident), known.find(ident), settings.unit, target, settings.step
        )
        for ident, target in wanted
    }


def warn_about_marks(marks: dict[str, str], known: Catalogue) -> None:
    """Pins and bans that name exercises the catalogue no longer has: say so, carry on."""
    for ident, mark in sorted(marks.items()):
        if ident not in known.by_id:
            kind = "pinned" if mark == "pin" else "banned"
            render.warning(
                f"'{ident}' is {kind} but not in the catalogue; "
                f"'backplan un{mark} {ident}' clears it."
            )
