"""`backplan import --from strong|hevy|fitnotes`: another app's CSV export, mapped and
added.

The file is read once, its sessions added in one transaction as they are read; what it
held (the names and where they went, the rows left out) is shown after. A file found
to be mostly bad rows is refused at its end, and nothing is kept.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from backplan import render
from backplan.cli.options import load_catalogue
from backplan.errors import BackplanError

if TYPE_CHECKING:
    from backplan.store.arrivals import Survey

UNITS = ("kg", "lb")


def parse_maps(maps: list[str] | None) -> dict[str, str]:
    """'NAME=ID' pairs ('NAME=-' leaves NAME out)."""
    found: dict[str, str] = {}
    for text in maps or ():
        name, sign, ident = text.rpartition("=")  # an id has no '=', a name may
        if not sign or not name.strip() or not ident.strip():
            raise BackplanError(
                f"--map '{text}' is not NAME=ID: write it like --map \"Deadlift (Barbell)="
                'conventional-deadlift" (or NAME=- to leave it out).'
            )
        found[name.strip()] = ident.strip()
    return found


def detected(path: Path) -> str:
    """Which export a file is: backplan's JSON, or the CSV of an app, by its header (and
    its first row, for Strong's header in another language)."""
    from backplan.store.layouts import EXPECTED, detect, head

    header, first, _ = head(path)
    name = header[0].lstrip("\ufeff").strip() if header else ""
    # backplan's JSON, or its CSV export (which the JSON import explains it cannot read).
    if name.startswith(("{", "[")) or name in ("workout_id", "workout_created") or not name:
        return "backplan"
    app = detect(header, first)
    if app is None:
        shown = ",".join(h.strip() for h in header[:8])[:120]
        raise BackplanError(
            f"{path} is neither a backplan export nor a CSV export of Strong, Hevy or "
            f"FitNotes: its first line ({shown}) is none of {EXPECTED}. Nothing was imported."
        )
    return app


# A dry run reads weights the file does not label in this unit, and says so.
DRY_RUN_UNIT = "kg"


def weight_unit(path: Path, unit: str | None, dry_run: bool = False) -> str | None:
    """The unit for weights the file does not label: --unit, else asked on a terminal,
    else refused (a dry run goes on, and says the unit is still needed). None when the
    file labels them."""
    from backplan.store.layouts import labels_weights

    if unit is not None or labels_weights(path):
        return unit
    if dry_run:
        return DRY_RUN_UNIT
    if sys.stdin.isatty() and sys.stdout.isatty():
        question = f"{path.name} does not say whether its weights are kg or lb. Which (kg/lb)?"
        while True:
            answer = str(typer.prompt(question)).strip().lower().rstrip("s")
            if answer in UNITS:
                return answer
            render.err.print("Answer kg or lb.", markup=False)
    raise BackplanError(
        f"{path} does not say whether its weights are kg or lb: give --unit kg or --unit lb. "
        "Nothing was imported."
    )


def bring(
    path: Path,
    app: str,
    *,
    dry_run: bool,
    maps: list[str] | None,
    unit: str | None,
    catalog: Path | None,
    yes: bool = False,
) -> None:
    from backplan import config
    from backplan.catalogue.model import Level
    from backplan.catalogue.names import Names
    from backplan.store import arrivals, history

    known = load_catalogue(catalog)
    mapped = parse_maps(maps)
    for ident in mapped.values():
        if ident != "-":
            known.get(ident)  # an unknown id is refused with a did-you-mean
    needs_unit = unit is None
    unit = weight_unit(path, unit, dry_run)
    needs_unit = needs_unit and unit == DRY_RUN_UNIT and dry_run
    names = Names(known, mapped)
    found = arrivals.Survey()
    level = config.load().level or Level.INTERMEDIATE
    incoming = arrivals.read(path, app, unit, names, level, found)  # read as it is added
    if dry_run:
        # No history yet reads as an empty one: a newcomer's first dry run says it all.
        with history.open_store(create=False) as store:
            would = store.arrive(incoming, update=True, dry_run=True)
        _show(found, mapped, app)
        render.out.print(
            f"Would add {render.plural(would.added, 'workout')}, update "
            f"{len(would.changed)} whose mapping changed; {would.same} already here.",
            markup=False,
        )
        if needs_unit:
            render.out.print(
                "The file does not say kg or lb: the import needs --unit kg or --unit lb.",
                markup=False,
            )
        render.out.print("A dry run: nothing was imported.", markup=False)
        return
    with history.open_store() as store:
        empty = store.count() == 0
        done = store.arrive(incoming, update=yes, dry_run=False)
        _show(found, mapped, app)
        if done.changed and not yes and sys.stdin.isatty() and sys.stdout.isatty():
            question = (
                f"{render.plural(len(done.changed), 'session')} imported before now map "
                "differently. Update them?"
            )
            if typer.confirm(question, default=False):
                done.updated = store.update_arrived(done.changed)
    message = f"Imported {render.plural(done.added, 'workout')} from {path}"
    if done.updated:
        message += f"; updated {done.updated} whose mapping changed"
    if done.same:
        message += f"; {done.same} {'was' if done.same == 1 else 'were'} already here"
    render.out.print(message + ".", markup=False, soft_wrap=True)
    left = len(done.changed) - done.updated
    if left:
        render.out.print(
            f"{render.plural(left, 'session')} imported before now map differently: give "
            "--yes to update them.",
            markup=False,
        )
    if empty and done.added and found.unit is not None:
        _adopt_unit(found.unit)


def _show(found: Survey, mapped: dict[str, str], app: str) -> None:
    """What the file held: each name and where it went, the rows left out by line."""
    from backplan.render.imports import Mapped
    from backplan.store.arrivals import APP_NAMES

    unused = [name for name in mapped if name.lower() not in {n.lower() for n in found.names}]
    rows = [
        Mapped(name, s.match.exercise.id if s.match.exercise else None, s.match.how, s.sets,
               s.other_dose, s.match.ask)
        for name, s in found.names.items()
    ]  # fmt: skip
    counts = (found.rows, found.sessions, found.with_back)
    render.import_table(rows, counts, APP_NAMES[app], unused)
    render.left_out(found.skipped.rows, found.skipped.count, found.skipped.listed)
    render.near_max(found.near_max)


def _adopt_unit(unit: str) -> None:
    """A first history in another unit than backplan shows: shown in its unit from now
    on (set, when the settings do not name a unit; offered, when they name another)."""
    import re

    from backplan import config

    if config.load().unit == unit:
        return
    try:  # the settings were read whole above: a `unit = ` line is the setting
        text = config.default_path().read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        text = ""
    said = re.search(r"^\s*unit\s*=", text, re.MULTILINE) is not None
    if said:
        render.out.print(
            f"The history is in {unit}: `backplan config set unit {unit}` shows it so.",
            markup=False,
        )
        return
    config.set_value("unit", unit)
    render.out.print(
        f"The history is in {unit}: backplan now shows {unit} (config set unit {unit}; "
        f"`backplan config set unit {'kg' if unit == 'lb' else 'lb'}` changes it back).",
        markup=False,
        soft_wrap=True,
    )
