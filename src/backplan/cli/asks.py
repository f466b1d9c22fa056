"""`go`'s questions besides the set: an exercise to add, a note, the end of the session
(a finisher may follow the last set) and how the back feels."""

from __future__ import annotations

from typing import TYPE_CHECKING

from backplan import render
from backplan.cli.keys import read_line
from backplan.cli.options import current_time
from backplan.errors import BackplanError, closest

if TYPE_CHECKING:
    from backplan.catalogue import Catalogue, Exercise
    from backplan.store.history import Store
    from backplan.training.model import PlannedExercise, Workout

END_KEYS = (
    "All sets done: Enter ends the session · a adds a finisher · n a note on the last "
    "set · u takes it back · l what is left"
)


def add(store: Store, workout: Workout, known: Catalogue) -> str:
    """An exercise done that was not planned, prescribed like the rest of the workout;
    a near miss asks about the closest id, which Enter takes."""
    from backplan import config
    from backplan.cli.logto import unplanned

    answer = read_line("Exercise to add (its id or name; Enter: none): ")
    entry: Exercise | None = None
    while entry is None:
        if answer is None or not answer.strip():
            return "Nothing added."
        text = answer.strip()
        entry = known.find(text)
        if entry is None:
            near = closest(text, known.by_id)
            if near is None:
                try:
                    known.get(text)
                except BackplanError as err:
                    return err.message
            answer = read_line(
                f"No exercise '{text}': did you mean '{near}'? Enter adds it, or type another: "
            )
            if answer is not None and not answer.strip():
                answer = near
    if workout.exercise(entry.id) is not None:
        return f"{entry.name} is already in this workout."
    planned = unplanned(workout, entry, config.load(), current_time())
    store.append_exercise(workout.id or 0, planned)
    return f"Added {entry.name}: it comes after the rest."


def note(store: Store, workout: Workout, e: PlannedExercise, on_set: bool) -> str:
    """A note: with `on_set`, on the set logged last in the workout (whichever exercise
    it was; on `e` when none is), else on the exercise `e`. One key and the text."""
    from backplan.cli.notes import note_text

    ident = workout.id or 0
    last = store.last_logged(ident) if on_set else None
    where = f"set {last[1]} of {_name(workout, last[0])}" if last else e.name
    text = read_line(f"Note on {where} (Enter: none): ")
    if text is None or not text.strip():
        return "No note."
    try:
        said = note_text(text, "The note")
    except BackplanError as err:
        return err.message
    if last is not None:
        store.note_set(ident, last[0], last[1], said)
    else:
        store.note_exercise(ident, e.id, said)
    return f"Noted on {where}."


def _name(workout: Workout, exercise_id: str) -> str:
    found = workout.exercise(exercise_id)
    return found.name if found else exercise_id


def rate_back(store: Store, workout: Workout) -> None:
    """How the back feels, asked once the session is done (Enter skips)."""
    question = "How does your back feel, 0 (fine) to 10 (very sore)? Enter skips: "
    while True:
        answer = read_line(question)
        if answer is None or not answer.strip():
            return
        text = answer.strip()
        # Digits of any script ('²', '٣') and 5,000 of them are not a rating.
        if text.isascii() and text.isdigit() and len(text) <= 2 and int(text) <= 10:
            store.rate_back(workout.id or 0, int(text))
            render.out.print(f"Your back: {int(text)} of 10, kept with the workout.")
            return
        render.out.print("A whole number from 0 to 10, or Enter to skip.", markup=False)
