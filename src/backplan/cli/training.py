"""Your training: `log`, `swap`, `pin`/`unpin`, `ban`/`unban` and `config`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from backplan import render
from backplan.cli.loads import loads_for
from backplan.cli.options import (
    CatalogOption,
    ExerciseId,
    JsonOption,
    Words,
    WorkoutOption,
    complete_exercise,
    current_time,
    load_catalogue,
    read_marks,
)
from backplan.cli.root import BackplanGroup, app
from backplan.defaults import SETTINGS
from backplan.errors import BackplanError, did_you_mean

# Each command imports what it uses, so that `backplan list` starts without SQLite.
if TYPE_CHECKING:
    from backplan.store.history import Store
    from backplan.training.model import PlannedExercise, Workout


def _given_or_latest(store: Store, workout_id: int | None) -> Workout:
    return store.get(workout_id if workout_id is not None else store.latest_id())


def _in_workout(workout: Workout, exercise_id: str) -> PlannedExercise:
    found = workout.exercise(exercise_id.strip().lower())
    if found is None:
        ids = [e.id for e in workout.exercises]
        raise BackplanError(
            f"'{exercise_id}' is not in workout {workout.id}{did_you_mean(exercise_id, ids)}. "
            f"It has: {', '.join(ids)}."
        )
    return found


@app.command()
def swap(
    exercise_id: ExerciseId,
    workout: WorkoutOption = None,
    to: Annotated[
        str | None,
        typer.Option(
            "--to",
            metavar="EXERCISE_ID",
            help="The exercise you want instead (checked by the same rules).",
            autocompletion=complete_exercise,
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="With --to: swap it in even if a rule says no.")
    ] = False,
    catalog: CatalogOption = None,
    json_: JsonOption = False,
) -> None:
    """Replace one exercise of a workout by the best alternative in its group.

    Same movement pattern first, under the workout's equipment and level, your bans
    and the recency, family and hinge rules; the replacement takes the same position.
    Name the one you want with --to.

    Example: backplan swap lat-pulldown --to chin-up
    """
    from dataclasses import replace

    from backplan import config
    from backplan.store import history
    from backplan.training.external import Target
    from backplan.training.swap import swap as best_swap

    known = load_catalogue(catalog)
    settings = config.load()
    unit = settings.unit
    with history.open_store(create=False) as store:
        past = _given_or_latest(store, workout)
        old = _in_workout(past, exercise_id)
        if old.sets_logged:
            raise BackplanError(
                f"You logged sets of {old.name} in workout #{past.id}; "
                "swap only what you have not done yet."
            )
        banned = history.marked(store.marks(), "ban")
        wanted = known.get(to) if to else None
        if force and wanted is None:
            raise BackplanError("--force goes with --to EXERCISE_ID.")
        fresh = best_swap(
            past,
            old.id,
            known.exercises,
            store.recency(before=past),
            current_time(),
            banned,
            to=wanted,
            force=force,
        )
        target = Target.of(fresh.prescription, past.goal, past.level)
        fresh = replace(
            fresh, load=loads_for(store, [(fresh.id, target)], known, settings)[fresh.id]
        )
        store.replace_exercise(past.id or 0, fresh)
        partner = next((e for e in past.exercises if e.id != old.id and old.superset
                        and e.superset == old.superset), None)  # fmt: skip
        if partner is not None and fresh.superset is None:
            # The pair's rules no longer hold: both are done on their own.
            store.replace_exercise(past.id or 0, replace(partner, superset=None))
        updated = store.get(past.id or 0)
    if json_:
        render.print_json(render.workout_json(updated, with_logs=True))
        return
    render.out.print(f"Swapped {old.name} for {fresh.name}.", markup=False)
    render.workout_view(updated, unit)


def _mark(exercise_id: str, mark: str | None, catalog: Path | None, clears: str = "") -> None:
    """Pin or ban (`mark`), or clear a pin or a ban (`clears`); ids no longer in the
    catalogue can still be cleared."""
    from backplan.store import history

    known = load_catalogue(catalog)
    ident = exercise_id.strip().lower()
    with history.open_store() as store:
        before = store.marks().get(ident)
        if mark is None and before == clears and ident not in known.by_id:
            store.set_mark(ident, None)
            render.out.print(f"Cleared '{ident}' (it is no longer in the catalogue).")
            return
        exercise = known.get(exercise_id)
        if mark is not None or before == clears:
            store.set_mark(exercise.id, mark)
    name, group = exercise.name, exercise.group.label
    if mark is None:
        done = {"pin": "pinned", "ban": "banned"}
        message = (
            f"{name} is back in the rotation."
            if before == clears
            else f"{name} was not {done[clears]}."
        )
    elif before == mark:
        message = f"{name} was already {'pinned' if mark == 'pin' else 'banned'}."
    else:
        message = (
            f"Pinned {name}: it takes the first {group} slot of every session that trains "
            f"the {group}."
            if mark == "pin"
            else f"Banned {name}: it will not be planned or swapped in."
        )
        if before:
            message += f" (It was {'pinned' if before == 'pin' else 'banned'} before.)"
    render.out.print(message, markup=False)


@app.command()
def marks(catalog: CatalogOption = None, json_: JsonOption = False) -> None:
    """Your pinned main lifts and banned exercises.

    Example: backplan marks
    """
    known = load_catalogue(catalog)
    found = read_marks()
    if json_:
        render.print_json([{"id": ident, "mark": mark} for ident, mark in sorted(found.items())])
    elif not found:
        render.out.print(
            "Nothing pinned or banned. 'backplan pin ID' keeps a main lift in every session; "
            "'backplan ban ID' keeps an exercise out.",
            markup=False,
        )
    else:
        render.marks_table(found, known.by_id)


@app.command()
def pin(exercise_id: ExerciseId, catalog: CatalogOption = None) -> None:
    """Pin your main lift: first in its group every session, so it can progress.

    Example: backplan pin barbell-bent-over-row
    """
    _mark(exercise_id, "pin", catalog)


@app.command()
def unpin(exercise_id: ExerciseId, catalog: CatalogOption = None) -> None:
    """Put a pinned exercise back into the rotation.

    Example: backplan unpin barbell-bent-over-row
    """
    _mark(exercise_id, None, catalog, clears="pin")


@app.command()
def ban(exercise_id: ExerciseId, catalog: CatalogOption = None) -> None:
    """Never plan an exercise (an injury, no machine, or you just hate it).

    Example: backplan ban good-morning
    """
    _mark(exercise_id, "ban", catalog)


@app.command()
def unban(exercise_id: ExerciseId, catalog: CatalogOption = None) -> None:
    """Allow a banned exercise again.

    Example: backplan unban good-morning
    """
    _mark(exercise_id, None, catalog, clears="ban")


KEYS_HELP = f"One of: {', '.join(SETTINGS)} (as step.EQUIPMENT, like step.dumbbell)."
config_app = typer.Typer(cls=BackplanGroup, help="Your defaults: equipment, level, goal, ...")
app.add_typer(config_app, name="config")


@config_app.command("show")
def config_show(json_: JsonOption = False) -> None:
    """Show your settings and where they come from.

    Example: backplan config show
    """
    from backplan import config

    path = config.default_path()
    settings = config.load(path)
    if json_:
        render.print_json(render.config_json(settings))
    else:
        render.config_table(settings, path)


@config_app.command("set")
def config_set(
    key: Annotated[str, typer.Argument(metavar="KEY", click_type=Words(), help=KEYS_HELP)],
    value: Annotated[
        str,
        typer.Argument(
            metavar="VALUE", click_type=Words(), help="The new value; equipment takes a,b,c."
        ),
    ],
) -> None:
    """Set one of your defaults; options on the command line still win.

    Example: backplan config set equipment dumbbell,bench,pull-up-bar
    """
    from backplan import config

    path = config.default_path()
    render.config_table(config.set_value(key, value, path), path)


@config_app.command("unset")
def config_unset(
    key: Annotated[str, typer.Argument(metavar="KEY", click_type=Words(), help=KEYS_HELP)],
) -> None:
    """Go back to the default for one setting.

    Example: backplan config unset equipment
    """
    from backplan import config

    path = config.default_path()
    render.config_table(config.set_value(key, None, path), path)
