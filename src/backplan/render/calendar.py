"""`backplan calendar`: a month of training days, a week a row, each day its sets.

A day's sets are those logged of the catalogue's exercises (the store's `sets_between`:
a plan is not training), without the half sets one group's lift gives another, so a
day says what was done, not how it was credited.
"""

from __future__ import annotations

import calendar as months
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timedelta
from typing import Any

from rich import box
from rich.table import Table
from rich.text import Text

from backplan.render.console import out, plural
from backplan.training.recovery import Work

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def month_days(first: date, now: datetime) -> tuple[datetime, datetime]:
    """The month's first and last moments, in the time zone of `now`."""
    last = first.replace(day=months.monthrange(first.year, first.month)[1])
    zone = now.tzinfo
    return (datetime.combine(first, time(), tzinfo=zone),
            datetime.combine(last, time.max, tzinfo=zone))  # fmt: skip


def by_day(work: Iterable[Work]) -> dict[date, tuple[int, float]]:
    """Each day's workouts and sets (own sets only)."""
    sessions: dict[date, set[int]] = defaultdict(set)
    sets: dict[date, float] = defaultdict(float)
    for row in work:
        if row.partial or not row.sets:
            continue
        day = row.when.date()
        sessions[day].add(row.workout)
        sets[day] += row.sets
    return {day: (len(sessions[day]), sets[day]) for day in sessions}


def weeks_of(first: date) -> list[list[date | None]]:
    """The month as weeks from Monday; None pads the days of other months."""
    return [
        [day if day.month == first.month else None for day in week]
        for week in months.Calendar().monthdatescalendar(first.year, first.month)
    ]


def calendar_json(first: date, work: Iterable[Work]) -> dict[str, Any]:
    days = by_day(work)
    return {
        "month": f"{first:%Y-%m}",
        "days": [
            {"day": day.isoformat(), "sessions": count, "sets": sets}
            for day, (count, sets) in sorted(days.items())
            if day.month == first.month
        ],
    }


def _cell(day: date | None, found: Mapping[date, tuple[int, float]], today: date) -> Text:
    if day is None:
        return Text("")
    count, sets = found.get(day, (0, 0.0))
    style = "bold reverse" if day == today else ("bold" if count else "dim")
    cell = Text(f"{day.day:>2}", style=style)
    if count:
        cell.append(f"\n{sets:g}", style="green")
        cell.append("s" if out.width < 60 else " sets", style="green")
    return cell


def calendar_view(first: date, work: Iterable[Work], today: date) -> None:
    """The month as a grid: a row a week, each day its sets; the week's sessions last."""
    found = by_day(work)
    table = Table(
        title=f"{first:%B %Y}",
        title_justify="left",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        padding=(0, 1, 0, 0),
    )
    for name in WEEKDAYS:
        table.add_column(name if out.width >= 60 else name[:2], justify="right", no_wrap=True)
    table.add_column("Week", justify="right", no_wrap=True)
    total_sessions, total_sets = 0, 0.0
    for week in weeks_of(first):
        sessions = sum(found.get(d, (0, 0.0))[0] for d in week if d is not None)
        total_sessions += sessions
        total_sets += sum(found.get(d, (0, 0.0))[1] for d in week if d is not None)
        table.add_row(*(_cell(d, found, today) for d in week), Text(str(sessions or "")),
                      end_section=True)  # fmt: skip
    out.print(table)
    if total_sessions:
        line = f"{plural(total_sessions, 'session')}, {total_sets:g} sets logged in {first:%B}."
    else:
        line = f"Nothing logged in {first:%B %Y}."
    out.print(line, markup=False, highlight=False)
    before = first - timedelta(days=1)
    out.print(Text(f"Another month: backplan calendar {before:%Y-%m}", style="dim"))
