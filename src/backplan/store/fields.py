"""Reading a JSON document a field at a time: each value checked, each problem named by
its path (`workouts[3].exercises[0].sets`)."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from typing import Any, TypeVar

from backplan import clock
from backplan.catalogue.model import EXERCISE_ID, MAX_ID_LENGTH
from backplan.text import control_character, not_text

MAX_TEXT = 10_000  # characters in any text of an export, as in a catalogue
MAX_ID = 2**63 - 1  # SQLite's largest integer


T = TypeVar("T")


class Invalid(Exception):
    """A problem at a path in the document, such as workouts[3].exercises[0].sets."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where}: {message}")


def get(data: Any, key: str, where: str) -> Any:
    if not isinstance(data, dict):
        raise Invalid(where, "must be an object")
    if key not in data:
        raise Invalid(f"{where}.{key}" if where else key, "is missing")
    return data[key]


def maybe(value: Any, kind: type[T], where: str) -> T | None:
    return None if value is None else typed(value, kind, where)


def note_text(value: Any, where: str) -> str | None:
    """A note, or None: text whose lines may break (a note written over lines in an app),
    and nothing else a terminal acts on."""
    if value is None:
        return None
    for line in typed(value, str, where, lines=True).split("\n"):
        typed(line, str, where)
    return str(value)


def typed(value: Any, kind: type[T], where: str, lines: bool = False) -> T:
    if isinstance(value, str):
        if unsafe := (None if lines else control_character(value)) or not_text(value):
            raise Invalid(where, f"contains {unsafe}")
        if len(value) > MAX_TEXT:
            raise Invalid(where, f"is {len(value):,} characters; at most {MAX_TEXT:,}")
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        try:
            value = float(value)
        except OverflowError:  # an integer of hundreds of digits
            raise Invalid(where, "is a number too large") from None
    if kind is float and isinstance(value, float) and not math.isfinite(value):
        raise Invalid(where, "must be a finite number")
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        names = {str: "text", int: "a whole number", float: "a number", list: "a list",
                 dict: "an object"}  # fmt: skip
        raise Invalid(where, f"must be {names.get(kind, kind.__name__)}")
    return value


def whole(value: Any, where: str, low: int, high: int) -> int:
    number = typed(value, int, where)
    if not low <= number <= high:
        raise Invalid(where, f"must be from {low} to {high}")
    return number


def choice(value: Any, where: str, make: Callable[[str], T]) -> T:
    try:
        return make(typed(value, str, where))
    except ValueError:
        raise Invalid(where, f"'{value}' is not a known value") from None


def one_of(value: Any, where: str, choices: Sequence[str]) -> str:
    text = typed(value, str, where)
    if text not in choices:
        raise Invalid(where, f"must be one of {', '.join(choices)}")
    return text


def optional(data: Any, key: str, default: Any) -> Any:
    """A key that exports from before round 2 do not have."""
    return data.get(key, default) if isinstance(data, dict) else default


def created(value: Any, where: str) -> datetime:
    text = typed(value, str, where)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise Invalid(where, f"'{text}' is not an ISO 8601 date and time") from None
    if moment.utcoffset() is None:
        raise Invalid(where, f"'{text}' needs a UTC offset, like +01:00")
    if not clock.possible(moment):
        raise Invalid(where, f"'{text}' is not a time backplan could have planned (1970 to now)")
    return moment


def exercise_id(value: Any, where: str) -> str:
    """An exercise id as a catalogue writes them (lowercase kebab-case, at most 64)."""
    text = typed(value, str, where)
    if len(text) > MAX_ID_LENGTH or not EXERCISE_ID.fullmatch(text):
        raise Invalid(where, f"'{text[:70]}' is not an exercise id (like pull-up)")
    return text


def start_date(value: Any, where: str, created_at: datetime) -> date:
    """A program's first day: a date, from 1970 to a year after it was made."""
    text = typed(value, str, where)
    try:
        found = date.fromisoformat(text)
    except ValueError:
        raise Invalid(where, f"'{text[:40]}' is not a date like 2026-11-30") from None
    if not clock.EARLIEST.date() <= found <= created_at.date() + timedelta(days=366):
        raise Invalid(where, f"'{text}' is not a day a block could start on")
    return found
