"""The words `program` takes for a goal, its days and a day: parsed, or one clear error."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from backplan.defaults import AUTO
from backplan.defaults import PROGRAM_DAYS as DAYS
from backplan.errors import BackplanError

if TYPE_CHECKING:
    from backplan.catalogue.model import Goal

START_RANGE = 366  # days either side of today a block may start


def goal_word(text: str) -> Goal | None:
    """A goal, or None for auto (the block undulates)."""
    from backplan.training.prescription import parse_goal

    if text.strip().lower() == AUTO:
        return None
    try:
        return parse_goal(text)
    except BackplanError as err:
        raise BackplanError(str(err).replace("Choose from: ", "Choose from: auto, ")) from None


def days_word(text: str) -> tuple[int, tuple[int, ...]]:
    """'3' -> (3, ()); 'mon,wed,fri' -> (3, (0, 2, 4))."""
    from backplan.training.calendar import weekday

    words = [w.strip() for w in text.split(",") if w.strip()]
    if len(words) == 1 and words[0].isascii() and words[0].isdigit() and len(words[0]) <= 3:
        count = int(words[0])
        if not DAYS[0] <= count <= DAYS[1]:
            raise BackplanError(f"--days must be from {DAYS[0]} to {DAYS[1]}, not {count}.")
        return count, ()
    found = [weekday(w) for w in words]
    if not words or None in found:
        bad = next((w for w, d in zip(words, found, strict=True) if d is None), text)
        raise BackplanError(
            f"--days '{bad[:40]}' is neither a number of days nor a weekday: give "
            f"{DAYS[0]}–{DAYS[1]}, or weekdays like mon,wed,fri."
        )
    chosen = tuple(sorted({d for d in found if d is not None}))
    if len(chosen) != len(found):
        raise BackplanError(f"--days '{text[:60]}' names a weekday twice: name each once.")
    if not DAYS[0] <= len(chosen) <= DAYS[1]:
        raise BackplanError(
            f"--days names {len(chosen)} weekday{'s' if len(chosen) > 1 else ''}: "
            f"a block trains {DAYS[0]} to {DAYS[1]} days a week."
        )
    return len(chosen), chosen


def start_date(text: str | None, today: date) -> date:
    if text is None:
        return today
    first = day_word(text, today, "--start")
    if abs((first - today).days) > START_RANGE:
        raise BackplanError(f"--start {first} is more than a year from today; choose a nearer day.")
    return first


def day_word(text: str, today: date, option: str) -> date:
    """YYYY-MM-DD, 'today', 'tomorrow', or a weekday: the next one, today included."""
    from backplan.training.calendar import weekday

    key = text.strip().lower()
    named = weekday(key)
    if named is not None:
        return today + timedelta(days=(named - today.weekday()) % 7)
    words = {"today": today, "tomorrow": today + timedelta(days=1)}
    try:
        return words[key] if key in words else date.fromisoformat(key)
    except ValueError:
        raise BackplanError(
            f"{option} '{text[:40]}' is not a day: give YYYY-MM-DD, today, tomorrow or a "
            "weekday like monday."
        ) from None
