"""When a block's sessions fall: its weekdays, the sessions moved, the days missed.

A block trains on its weekdays from its start. A session the lifter cannot make is
moved (`program move`): its day is given up and, when one is named, another is taken.
A training day that passes with nothing logged is missed, and the rest of the block
moves forward to the days still to come: no session is dropped, so the block keeps its
order and its deloads and ends later.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from backplan.errors import BackplanError

WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
FULL_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# A count of days a week, spread from the start's weekday: a rest day between sessions
# whenever the number of days allows it.
SPREAD = {2: (0, 3), 3: (0, 2, 4), 4: (0, 1, 3, 4), 5: (0, 1, 2, 3, 4)}
ONE_DAY = timedelta(days=1)
# How far ahead a session may move: a block plans the year to come, and a date past it
# (9999-12-31) would push every later session off the calendar.
MOVE_HORIZON = timedelta(days=365)


def weekday(text: str) -> int | None:
    """0 for 'mon', 'Monday' or 'MON'; None when it names no weekday."""
    key = text.strip().lower()
    for names in (WEEKDAY_NAMES, FULL_NAMES):
        if key in names:
            return names.index(key)
    return None


def spread(days: int, start: date) -> tuple[int, ...]:
    """The weekdays of `days` sessions a week from `start`'s weekday."""
    return tuple(sorted((start.weekday() + offset) % 7 for offset in SPREAD[days]))


def back_to_back(weekdays: Sequence[int]) -> bool:
    """Whether two of the weekdays follow each other (Sunday then Monday included)."""
    chosen = set(weekdays)
    return any((d + 1) % 7 in chosen for d in chosen) and len(chosen) > 1


@dataclass(frozen=True)
class Move:
    """A session moved off a day it cannot be made: to `to`, or the next training day."""

    away: date
    to: date | None = None

    @property
    def beyond(self) -> bool:
        """Further from its day than any move `checked_move` allows (made before it
        checked): set aside when read, so a block it would break still shows and moves."""
        return self.to is not None and self.to - self.away > MOVE_HORIZON


@dataclass(frozen=True)
class Calendar:
    start: date
    weekdays: tuple[int, ...]  # 0 = Monday
    moves: tuple[Move, ...] = ()

    def is_open(self, day: date) -> bool:
        """One of the block's weekdays, from its start."""
        return day >= self.start and day.weekday() in self.weekdays

    def next_open(self, day: date) -> date:
        """The first training day on or after `day`."""
        while not self.is_open(day):
            day += ONE_DAY
        return day

    def planned(self, count: int) -> list[date]:
        """The first `count` sessions' days, nothing done and nothing missed."""
        return self.placed(count, {}, frozenset(), date.min).dates_in_order(count)

    def placed(
        self, count: int, done: Mapping[int, date], skipped: frozenset[int], today: date
    ) -> Schedule:
        """Sessions 1..count on their days: a session done on the day it was logged, one
        passed over (`skipped`) on none, and the rest each on the first training day from
        today that follows the one before (a move taking it where it says); the training
        days that passed while a session waited are missed."""
        dates: dict[int, date] = {}
        missed: list[date] = []
        cursor = self.start
        for number in range(1, count + 1):
            if number in skipped:
                continue
            if number in done:
                self._waiting(cursor, done[number], missed)
                day = done[number]
            else:
                day = self._waiting(cursor, today, missed)
            dates[number] = day
            cursor = max(cursor, day + ONE_DAY)
        return Schedule(dates, tuple(missed))

    def _waiting(self, cursor: date, until: date, missed: list[date]) -> date:
        """The day a session waiting from `cursor` falls on, `until` or after: each day it
        would take that passed before `until` is missed, and a day it was moved off gives
        way to the day it was moved to (or the next training day)."""
        day = self.next_open(cursor)
        used: set[Move] = set()
        while True:
            move = next((m for m in self.moves if m.away == day and m not in used), None)
            if move is not None:
                used.add(move)
                day = move.to or self.next_open(day + ONE_DAY)
            elif day < until:
                missed.append(day)
                day = self.next_open(day + ONE_DAY)
            else:
                return day


@dataclass(frozen=True)
class Schedule:
    dates: Mapping[int, date]  # session number -> its day (a session done: the day logged)
    missed: tuple[date, ...]  # training days that passed with nothing logged

    def dates_in_order(self, count: int) -> list[date]:
        return [self.dates[n] for n in range(1, count + 1)]

    @property
    def end(self) -> date:
        return max(self.dates.values())


def checked_move(calendar: Calendar, schedule: Schedule, away: date, to: date | None,
                 today: date) -> Move:  # fmt: skip
    """A move of the session on `away`, refused in one line when it cannot be made."""
    coming = {day for day in schedule.dates.values() if day >= today}
    if not coming:
        raise BackplanError("No session of your block is still to come: there is none to move.")
    if away < today:
        raise BackplanError(f"{away:%a %-d %b %Y} has passed: only a session to come can move.")
    if away not in coming:
        days = ", ".join(f"{d:%a %-d %b}" for d in sorted(coming)[:3])
        raise BackplanError(
            f"No session of your block is on {away:%a %-d %b %Y}; the next are on {days}. "
            "'backplan program show' lists them all."
        )
    if to is not None and to < today:
        raise BackplanError(f"--to {to:%a %-d %b %Y} has passed: choose today or a day to come.")
    if to is not None and to > today + MOVE_HORIZON:
        raise BackplanError(
            f"--to {to:%a %-d %b %Y} is more than a year ahead: a session moves to a day "
            f"by {today + MOVE_HORIZON:%a %-d %b %Y}."
        )
    before = max((day for day in schedule.dates.values() if day < away), default=None)
    if to is not None and before is not None and to <= before:
        raise BackplanError(
            f"--to {to:%a %-d %b %Y} is not after the session before it ({before:%a %-d %b}): "
            "a block keeps its order."
        )
    if to == away:
        raise BackplanError("--to names the day the session is already on: choose another.")
    if any(m.to == to or m.away == to for m in calendar.moves if to is not None):
        raise BackplanError(f"{to:%a %-d %b %Y} is already taken by a move: choose another day.")
    return Move(away, to)
