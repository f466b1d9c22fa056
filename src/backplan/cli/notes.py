"""Notes and how the back feels, as `log` and `go` take them: one checked text, one
rating, written to the workout they belong to."""

from __future__ import annotations

from typing import TYPE_CHECKING

from backplan import render
from backplan.errors import BackplanError

if TYPE_CHECKING:
    from backplan.catalogue import Catalogue
    from backplan.store.history import Store

MAX_NOTE = 10_000  # characters


def note_text(text: str, option: str = "--note") -> str:
    """A note as typed, trimmed; refused when empty or over 10,000 characters. Control
    characters are kept as typed and never reach the terminal (`text.visible`)."""
    from backplan.text import not_text

    found = text.strip()
    if broken := not_text(found):
        raise BackplanError(f"{option} has {broken}: type it again as plain text.")
    if not found:
        raise BackplanError(f"{option} is empty: give the note's text, or leave {option} out.")
    if len(found) > MAX_NOTE:
        raise BackplanError(
            f"{option} is {len(found):,} characters; a note holds at most {MAX_NOTE:,}."
        )
    return found


def said(
    store: Store,
    workout_id: int,
    *,
    workout_note: str | None = None,
    back: int | None = None,
) -> list[str]:
    """Write the workout's note and the back's rating; what was done, in words."""
    done = []
    if workout_note is not None:
        store.note_workout(workout_id, workout_note)
        done.append(f"Noted on workout #{workout_id}.")
    if back is not None:
        store.rate_back(workout_id, back)
        done.append(f"Your back after workout #{workout_id}: {back} of 10.")
    return done


def say(workout_id: int | None, note: str | None, back: int | None) -> None:
    """The workout's note and the back's rating, on `workout_id` (None: the latest)."""
    from backplan.store import history

    with history.open_store() as store:
        ident = workout_id if workout_id is not None else store.latest_id()
        store.get(ident)  # no such workout: said in one line
        for line in said(store, ident, workout_note=note, back=back):
            render.out.print(line, markup=False)


def note_only(workout_id: int | None, exercise_id: str, note: str, known: Catalogue) -> None:
    """A note on an exercise of the workout, no sets."""
    from backplan.store import history

    ident = known.get(exercise_id).id if known.find(exercise_id) else exercise_id
    with history.open_store() as store:
        past = store.get(workout_id) if workout_id is not None else store.latest()
        if past is None:
            raise BackplanError("No workouts yet: plan one with 'backplan workout'.")
        if past.exercise(ident) is None:
            raise BackplanError(
                f"Workout #{past.id} has no {exercise_id}: log its sets with the note, "
                f"like backplan log {exercise_id} 8x60 --note TEXT."
            )
        store.note_exercise(past.id or 0, ident, note)
    render.out.print(f"Noted on {ident} in workout #{past.id}.", markup=False)
