"""Time as backplan reads it: the clock, which tests and demos can set and speed up.

BACKPLAN_NOW (an ISO 8601 time with its offset) fixes when commands run;
BACKPLAN_CLOCK_RATE (default 1) makes the time that passes inside one run — a rest
timer's, a guided session's — go that many times faster, so a test never sleeps
through a three-minute rest.
"""

from __future__ import annotations

import os
import time
from datetime import datetime, timedelta, timezone
from functools import cache

from backplan import paths
from backplan.errors import BackplanError

RATE_ENV = "BACKPLAN_CLOCK_RATE"
MAX_RATE = 10_000.0
_STARTED = time.monotonic()
# What a history can hold: nothing before Unix time, and no later than "now" allows.
EARLIEST = datetime(1970, 1, 1, tzinfo=timezone.utc)
# A clock outside these years cannot be stored with the days before and after it that
# planning reads (a week back, a block ahead): such a clock is refused before anything is saved.
CLOCK_YEARS = (1971, 9000)
# An import may come from a machine whose clock runs a little fast.
FUTURE_SKEW = timedelta(days=2)


def now() -> datetime:
    """When this command runs, to the second (history stores whole seconds)."""
    fixed = os.environ.get(paths.NOW_ENV, "").strip()
    if fixed:
        try:
            moment = datetime.fromisoformat(fixed)
        except ValueError:
            moment = None
        if moment is None or moment.utcoffset() is None:
            raise BackplanError(
                f"{paths.NOW_ENV}='{fixed[:60]}' is not an ISO 8601 time with an offset, like "
                "2026-11-24T18:00:00+01:00; unset it to use the clock."
            )
        where = f"{paths.NOW_ENV}={fixed}"
    else:
        moment = datetime.now().astimezone()
        where = "This machine's clock"
    if not CLOCK_YEARS[0] <= moment.year < CLOCK_YEARS[1]:
        raise BackplanError(
            f"{where} says {moment.year}, which a history cannot hold (backplan reads "
            f"{CLOCK_YEARS[0]} to {CLOCK_YEARS[1] - 1}); set the clock right. Nothing was saved."
        )
    return moment.replace(microsecond=0)


def latest() -> datetime:
    """The latest time a workout from elsewhere may carry: now, give or take a fast clock."""
    return now() + FUTURE_SKEW


def possible(moment: datetime) -> bool:
    """Whether a time from a file could be a session backplan keeps (1970 to about now)."""
    try:
        return EARLIEST <= moment <= latest()
    except (OverflowError, ValueError):
        return False


@cache
def rate() -> float:
    text = os.environ.get(RATE_ENV, "").strip()
    if not text:
        return 1.0
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not 1 <= value <= MAX_RATE:
        raise BackplanError(
            f"{RATE_ENV}='{text}' must be a number from 1 to {MAX_RATE:g}; unset it for real time."
        )
    return value


def seconds() -> float:
    """A steady count of seconds (at the clock's rate), for timers and durations."""
    return time.monotonic() * rate()


def stamp() -> float:
    """Seconds since the epoch as the clock has them now: the command's time plus what
    has passed since it started (at the clock's rate)."""
    return now().timestamp() + (time.monotonic() - _STARTED) * rate()
