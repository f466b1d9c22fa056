"""Which parts of the back are recovered, and how much work each got.

A session that gave a group at least 4 hard sets makes it recovering until the
start of the second calendar day after it: Monday's lats are ready on Wednesday
(NSCA: at least one rest day between sessions that stress the same muscles).
Fewer sets do not. Schoenfeld, Ogborn & Krieger (2017, J Sports Sci) found a graded
dose-response for weekly sets per muscle, with 10 or more a week doing best: the
mark the weekly chart is drawn against.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, NamedTuple

from backplan.catalogue.model import Exercise, Group

HARD_SETS = 4  # sets of one group in one session that call for a rest day
WEEKLY_SETS_MARK = 10


class Work(NamedTuple):
    """Sets one exercise gave a group: its own sets, or half of them to another group
    it loads (`partial`)."""

    group: Group
    when: datetime
    sets: float
    workout: int
    partial: bool = False


@dataclass(frozen=True)
class GroupStatus:
    group: Group
    last_trained: datetime | None
    sets_last_7_days: float
    ready_at: datetime | None  # None: ready now
    reason: str | None = None  # why it is recovering
    partial: float = 0.0  # of the sets, those credited from other groups' lifts

    @property
    def ready(self) -> bool:
        return self.ready_at is None


def ready_after(session: datetime, zone: datetime) -> datetime:
    """The start of the second calendar day after the session, in `zone`'s time zone."""
    day = session.astimezone(zone.tzinfo).date() + timedelta(days=2)
    return datetime.combine(day, time(), tzinfo=zone.tzinfo)


def status(
    last_trained: Mapping[Group, datetime],
    sets: Iterable[tuple[Any, ...]],
    now: datetime,
) -> list[GroupStatus]:
    """Each group's state at `now`; `sets` (group, when, sets, workout id: one row per
    exercise done) needs to reach back seven days."""
    week_ago = now - timedelta(days=7)
    totals: dict[Group, float] = dict.fromkeys(Group, 0)
    credited: dict[Group, float] = dict.fromkeys(Group, 0)
    sessions: dict[tuple[Group, int], float] = defaultdict(float)
    moments: dict[int, datetime] = {}
    for group, when, count, workout, partial in (Work(*row) for row in sets):
        if week_ago <= when <= now:
            totals[group] += count
            credited[group] += count if partial else 0
            sessions[group, workout] += count
            moments[workout] = when
    result = []
    for group in Group:
        hard = [
            (moments[workout], count)
            for (g, workout), count in sessions.items()
            if g is group and count >= HARD_SETS and ready_after(moments[workout], now) > now
        ]
        ready_at = reason = None
        if hard:
            when, count = max(hard)
            ready_at = ready_after(when, now)
            reason = f"{count:g} sets {_day(when, now)}"
        result.append(
            GroupStatus(
                group, last_trained.get(group), totals[group], ready_at, reason, credited[group]
            )
        )
    return result


def _day(when: datetime, now: datetime) -> str:
    days = (now.astimezone(now.tzinfo).date() - when.astimezone(now.tzinfo).date()).days
    return "today" if days <= 0 else "yesterday"


def weekly_totals(statuses: Sequence[GroupStatus]) -> dict[Group, float]:
    return {s.group: s.sets_last_7_days for s in statuses}


def recovering(statuses: Sequence[GroupStatus]) -> frozenset[Group]:
    return frozenset(s.group for s in statuses if not s.ready)


def week_of(moment: datetime) -> date:
    """The Monday that starts the moment's week, in local time."""
    day = moment.astimezone().date()
    return day - timedelta(days=day.weekday())


def weekly_sets(
    sets: Iterable[tuple[Any, ...]], now: datetime, weeks: int
) -> list[tuple[date, dict[Group, float]]]:
    """Sets per group for the last `weeks` weeks (this one included), oldest first."""
    this_week = week_of(now)
    starts = [this_week - timedelta(weeks=back) for back in range(weeks - 1, -1, -1)]
    table: dict[date, dict[Group, float]] = {start: dict.fromkeys(Group, 0.0) for start in starts}
    for group, when, count, *_ in (Work(*row) for row in sets):
        start = week_of(when)
        if start in table:
            table[start][group] += count
    return [(start, table[start]) for start in starts]


@dataclass(frozen=True)
class Usage:
    """How the exercises your settings allow have been used, for stats."""

    never_done: tuple[Exercise, ...]
    most_used: tuple[tuple[Exercise, int], ...]
    least_used: tuple[tuple[Exercise, int], ...]
    done_any: bool = True


def usage(
    would_plan: Sequence[Exercise],
    known: Sequence[Exercise],
    uses: Mapping[str, int],
    shown: int = 5,
) -> Usage:
    """Never done: of what your settings would plan. Most and least used: of everything
    done, whatever the settings."""
    done = sorted((e for e in known if uses.get(e.id)), key=lambda e: (-uses[e.id], e.id))
    counted = [(e, uses[e.id]) for e in done]
    return Usage(
        never_done=tuple(e for e in would_plan if not uses.get(e.id)),
        most_used=tuple(counted[:shown]),
        least_used=tuple(counted[::-1][:shown]),
        done_any=bool(counted),
    )
