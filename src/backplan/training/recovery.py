"""Which parts of the back are recovered, and how much work each got.

NSCA: at least one rest day between sessions that stress the same muscles, so a
group trained under 48 hours ago is still recovering. Schoenfeld, Ogborn & Krieger
(2017, J Sports Sci) found a graded dose-response for weekly sets per muscle, with
10 or more a week doing best: the mark the weekly chart is drawn against.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from backplan.catalogue.model import Exercise, Group

RECOVERY = timedelta(hours=48)
WEEKLY_SETS_MARK = 10


@dataclass(frozen=True)
class GroupStatus:
    group: Group
    last_trained: datetime | None
    sets_last_7_days: int
    ready_at: datetime | None  # None: ready now

    @property
    def ready(self) -> bool:
        return self.ready_at is None


def status(
    last_trained: Mapping[Group, datetime],
    sets: Iterable[tuple[Group, datetime, int]],
    now: datetime,
) -> list[GroupStatus]:
    """Each group's state at `now`; `sets` needs to reach back seven days."""
    week_ago = now - timedelta(days=7)
    totals = dict.fromkeys(Group, 0)
    for group, when, count in sets:
        if week_ago <= when <= now:
            totals[group] += count
    result = []
    for group in Group:
        last = last_trained.get(group)
        ready_at = last + RECOVERY if last is not None and now - last < RECOVERY else None
        result.append(GroupStatus(group, last, totals[group], ready_at))
    return result


def recovering(statuses: Sequence[GroupStatus]) -> frozenset[Group]:
    return frozenset(s.group for s in statuses if not s.ready)


def week_of(moment: datetime) -> date:
    """The Monday that starts the moment's week, in local time."""
    day = moment.astimezone().date()
    return day - timedelta(days=day.weekday())


def weekly_sets(
    sets: Iterable[tuple[Group, datetime, int]], now: datetime, weeks: int
) -> list[tuple[date, dict[Group, int]]]:
    """Sets per group for the last `weeks` weeks (this one included), oldest first."""
    this_week = week_of(now)
    starts = [this_week - timedelta(weeks=back) for back in range(weeks - 1, -1, -1)]
    table = {start: dict.fromkeys(Group, 0) for start in starts}
    for group, when, count in sets:
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


def usage(allowed: Sequence[Exercise], uses: Mapping[str, int], shown: int = 5) -> Usage:
    done = sorted((e for e in allowed if uses.get(e.id)), key=lambda e: (-uses[e.id], e.id))
    counted = [(e, uses[e.id]) for e in done]
    return Usage(
        never_done=tuple(e for e in allowed if not uses.get(e.id)),
        most_used=tuple(counted[:shown]),
        least_used=tuple(counted[::-1][:shown]),
    )
