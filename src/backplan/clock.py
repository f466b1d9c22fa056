"""Time as backplan reads it: the clock, which tests and demos can set and speed up.

BACKPLAN_NOW (an ISO 8601 time with its offset) fixes when commands run;
BACKPLAN_CLOCK_RATE (default 1) makes the time that passes inside one run — a rest
timer's, a guided session's — go that many times faster, so a test never sleeps
through a three-minute rest.
"""

from __future__ import annotations

import os
import time
from datetime import datetime
from functools import cache

from backplan import paths
from backplan.errors import BackplanError

RATE_ENV = "BACKPLAN_CLOCK_RATE"
MAX_RATE = 10_000.0
_STARTED = time.monotonic()


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
                f"{paths.NOW_ENV}='{fixed}' is not an ISO 8601 time with an offset, like "
                "2026-11-24T18:00:00+01:00; unset it to use the clock."
            )
        return moment.replace(microsecond=0)
    return datetime.now().astimezone().replace(microsecond=0)


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
