"""Where `log` puts the sets: the workout named, the one of the day given (`--date`), or
the latest; and taking a mistaken set or exercise back out (`--remove`)."""

from __future__ import annotations

import shlex
import sys
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

import typer

from backplan import render
from backplan.errors import BackplanError
from backplan.when import days_ago, same_day

if TYPE_CHECKING:
    from backplan.catalogue import Catalogue, Exercise
    from backplan.config import Config
    from backplan.store.history import Store
    from backplan.training.model import PlannedExercise, Workout

ADDED = "added by you"
OLDEST = date(1900, 1, 1)


def past_day(text: str, today: date) -> date:
    """YYYY-MM-DD, 'today', 'yesterday' or a weekday (the last one, today included);
    never a day still to come."""
    from backplan.training.calendar import weekday

    key = text.strip().lower()
    named = weekday(key)
    words = {"today": today, "yesterday": today - timedelta(days=1)}
    try:
        if named is not None:
            day = today - timedelta(days=(today.weekday() - named) % 7)
        else:
            day = words[key] if key in words else date.fromisoformat(key)
    except ValueError:
        raise BackplanError(
            f"--date '{text[:40]}' is not a day: give YYYY-MM-DD, today, yesterday or a "
            "weekday like tuesday (the last one)."
        ) from None
    if day > today:
        raise BackplanError(f"--date {day:%a %-d %b %Y} is still to come; log sets done.")
    if day < OLDEST:
        raise BackplanError(f"--date {day.isoformat()} is before {OLDEST.year}.")
    return day


def day_workout(day: date) -> int:
    """The id of the latest workout of `day`, or an error that says there is none."""
    from backplan.store import history

    with history.open_store(create=False) as store:
        found = store.on_day(day)
    if found is None:
        raise BackplanError(f"No workout on {day:%a %-d %b %Y}; nothing was changed.")
    return found


def day_moment(day: date, now: datetime) -> datetime:
    """A workout made for `day` after the fact: that day, at this time of day."""
    local = now.astimezone()
    return local if day == local.date() else datetime.combine(day, local.timetz())


def the_workout(
    store: Store, workout: int | None, day: date | None, now: datetime, again: Sequence[str]
) -> Workout | None:
    """The workout the sets go into: the one named; the latest of `day` (None: one is
    made for it); else the latest, which from another day is asked about on a terminal
    and refused elsewhere with the commands that say what is meant (`again`: the
    command as typed, without its options of place)."""
    if workout is not None and day is not None:
        raise BackplanError("Give --workout ID or --date DAY, not both.")
    if workout is not None:
        return store.get(workout)
    if day is not None:
        found = store.on_day(day)
        return None if found is None else store.get(found)
    past = store.latest()
    if past is not None and not same_day(past.created, now):
        _older_workout(past, now, again)
    return past


def _older_workout(past: Workout, now: datetime, again: Sequence[str]) -> None:
    """Logging into a workout from another day is asked on a terminal; elsewhere it is
    refused with the exact commands for either meaning."""
    when = f"{render.when_text(past.created)} ({days_ago(past.created, now)})"
    if sys.stdin.isatty() and sys.stdout.isatty():
        if not typer.confirm(f"Your latest workout, #{past.id}, is from {when}. Log into it?",
                             default=True):  # fmt: skip
            raise BackplanError(
                "Nothing was logged. Plan today's session with 'backplan workout', name a "
                "workout with --workout ID, or the day with --date DAY."
            )
        return
    command = shlex.join(["backplan", "log", *again])
    raise BackplanError(
        f"Your latest workout, #{past.id}, is from {when}; nothing was logged. Into it: "
        f"{command} --date {past.created.astimezone():%Y-%m-%d}; into a workout of today: "
        f"{command} --date today."
    )


def target(
    past: Workout | None,
    exercise_id: str,
    known: Catalogue,
    settings: Config,
    created: datetime,
) -> tuple[Workout, PlannedExercise, PlannedExercise | None]:
    """The workout, the exercise in it, and the exercise to add when it was not planned
    (a workout is started, made at `created`, when there is none: it has no id until
    `kept` saves it with the sets)."""
    from backplan.catalogue.model import Goal, Level
    from backplan.training.model import Workout

    if past is not None and (found := past.exercise(exercise_id.strip().lower())):
        return past, found, None
    entry = known.get(exercise_id)
    if past is not None and (found := past.exercise(entry.id)):  # named by an alias
        return past, found, None
    made = unplanned(past, entry, settings, created)
    if past is None:
        started = Workout(
            created=created,
            goal=settings.goal or Goal.HYPERTROPHY,
            level=settings.level or Level.INTERMEDIATE,
            groups=(entry.group,),
            exercises=(made,),
            notes=("Started by logging, without a plan.",),
        )
        return started, made, None
    return past, made, made


def kept(store: Store, workout: Workout) -> Workout:
    """The workout saved, if it was started by this log (nothing is saved before the
    sets are read: a set refused leaves no empty workout behind)."""
    return workout if workout.id is not None else store.save(workout)


def unplanned(
    past: Workout | None, entry: Exercise, settings: Config, now: datetime
) -> PlannedExercise:
    """An exercise done that was not planned: prescribed for the workout's goal and
    level (or your settings'), after its other exercises."""
    from backplan.catalogue.model import Goal, Level
    from backplan.training.model import Recency
    from backplan.training.planner import Request, planned_exercise

    goal = past.goal if past else settings.goal or Goal.HYPERTROPHY
    level = past.level if past else settings.level or Level.INTERMEDIATE
    request = Request(groups=(entry.group,), goal=goal, level=level)
    position = len(past.exercises) + 1 if past else 1
    return replace(planned_exercise(position, entry, request, Recency(), now, 2), reason=ADDED)


def as_typed(
    exercise_id: str,
    sets: list[str] | None,
    add: bool,
    replace: bool,
    note: str | None,
    workout_note: str | None,
    back: int | None,
) -> list[str]:
    """The command's words as typed, but for where the sets go (--workout, --date)."""
    words = [exercise_id, *(sets or ())]
    words += ["--add"] * add + ["--replace"] * replace
    for option, value in (("--note", note), ("--workout-note", workout_note), ("--back", back)):
        if value is not None:
            words += [option, str(value)]
    return words


def remove_command(
    exercise_id: str,
    sets: bool,
    remove: bool,
    number: int | None,
    workout: int | None,
    on: date | None,
    now: datetime,
    known: Catalogue,
    flags: tuple[bool, bool],
) -> None:
    """--remove [--set N]: nothing else goes with it."""
    from backplan.store import history

    if not remove:
        raise BackplanError("--set N goes with --remove: backplan log EXERCISE --remove --set N.")
    if sets or any(flags):
        raise BackplanError(
            "--remove takes sets out; give it without sets, --add or --replace "
            f"(backplan log {exercise_id} --remove [--set N])."
        )
    again = [exercise_id, "--remove", *(["--set", str(number)] if number else [])]
    with history.open_store() as store:
        past: Workout | None
        if on is not None and workout is None:
            found = store.on_day(on)
            if found is None:
                raise BackplanError(f"No workout on {on:%a %-d %b %Y}; nothing was removed.")
            past = store.get(found)
        else:
            past = the_workout(store, workout, on, now, again)
        take_out(store, past, exercise_id, number, known)


def take_out(
    store: Store, past: Workout | None, exercise_id: str, number: int | None, known: Catalogue
) -> None:
    """Take set `number` of an exercise out of the workout, or (None) the whole exercise
    with its sets and notes; say what went."""
    from backplan.render.guide import set_text

    if past is None:
        raise BackplanError("No workout to remove anything from.")
    found = past.exercise(exercise_id.strip().lower())
    if found is None and (entry := known.find(exercise_id)) is not None:
        found = past.exercise(entry.id)
    if found is None:
        raise BackplanError(
            f"Workout #{past.id} has no {exercise_id}; 'backplan history show {past.id}' "
            "lists its exercises."
        )
    ident = past.id or 0
    if number is not None:
        gone = store.remove_set(ident, found.id, number)
        render.out.print(
            f"Removed set {number} of {found.name} ({set_text(gone, found.load_kind)}) from "
            f"workout #{past.id}; {render.plural(len(found.sets_logged) - 1, 'set')} left.",
            markup=False,
            soft_wrap=True,
        )
        return
    sets = store.remove_exercise(ident, found.id)
    done = ", ".join(set_text(s, found.load_kind) for s in sets)
    render.out.print(
        f"Removed {found.name} from workout #{past.id}"
        + (f", with its {render.plural(len(sets), 'set')}: {done}." if sets else "."),
        markup=False,
        soft_wrap=True,
    )
