"""`backplan progress`: one exercise over time, as a chart and a table."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from backplan import render
from backplan.cli.options import (
    MAX_ID,
    CatalogOption,
    ExerciseId,
    JsonOption,
    Whole,
    load_catalogue,
)
from backplan.cli.root import app

if TYPE_CHECKING:
    from backplan.catalogue.model import Exercise
    from backplan.store.history import Store
    from backplan.training.progress import Logged


@app.command()
def progress(
    exercise_id: ExerciseId,
    last: Annotated[
        int, typer.Option("--last", click_type=Whole(1, MAX_ID), help="Sessions in the table.")
    ] = 10,
    catalog: CatalogOption = None,
    json_: JsonOption = False,
) -> None:
    """Your best set and estimated 1RM of an exercise, session by session, records marked.

    Once you have weighed in, a pull-up's whole family is one curve of the load moved.

    Example: backplan progress barbell-bent-over-row
    """
    from backplan import config
    from backplan.cli.loads import progress_of
    from backplan.store import history
    from backplan.training.progress import measure
    from backplan.training.repmax import rep_maxes

    known = load_catalogue(catalog)
    exercise = known.get(exercise_id)
    unit = config.load().unit
    with history.open_store(create=False) as store:
        found, names = progress_of(store, exercise, known, unit)
        maxes = rep_maxes(_own_sessions(store, exercise, unit), unit)
    if json_:
        render.print_json(render.progress_json(exercise.id, found, measure(found) if found else ""))
        return
    if not found:
        render.out.print(
            f"Nothing logged of {exercise.name} yet. "
            f"Log sets with: backplan log {exercise.id} 8x60",
            markup=False,
        )
        return
    family = names is not None and len(names) > 1
    title = f"{exercise.name} and its family" if family else exercise.name
    render.progress_view(title, found, measure(found), unit, last, names)
    if any(m.best for m in maxes):
        from backplan.render.progress import repmax_table

        repmax_table(maxes, unit)
    if names is None and exercise.lifts_body:
        render.out.print(
            "Weigh in (backplan weigh KG) to chart the load you move: bodyweight and belt.",
            style="dim",
            markup=False,
        )


def _own_sessions(store: Store, exercise: Exercise, unit: str) -> list[Logged]:
    """The exercise's sessions, by the load moved where it lifts your body and you have
    weighed in."""
    from dataclasses import replace

    from backplan.training.moved import moved_sets

    body = store.body()
    return [
        replace(logged, sets=moved_sets(logged.sets, exercise, body, logged.when.date(), unit))
        for logged in store.logged_sessions(exercise.id)
    ]
