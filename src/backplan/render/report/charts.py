"""The report's training charts: each main lift's training max, the weekly hard sets
of each group against its band, and a year of days shaded by sets."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape

from backplan.catalogue.model import Group
from backplan.render.report.facts import YEAR, Facts, monday
from backplan.render.report.lifts import Lift
from backplan.render.report.svg import Frame, nice_ticks, svg_element
from backplan.training.loads import number


@dataclass(frozen=True)
class Chart:
    """One figure of the page: its title, its drawing and a one-line reading of it."""

    key: str  # the section's id, for the page and its tests
    title: str
    svg: str
    reading: str


def span_ticks(
    values: Sequence[float], floor_zero: bool = False
) -> tuple[float, float, list[float]]:
    """A y range with some air around the values, and round ticks across it."""
    low, high = (min(values), max(values)) if values else (0.0, 1.0)
    if floor_zero:
        low = 0.0
    pad = (high - low) * 0.12 or max(abs(high) * 0.05, 1.0)
    low = low if floor_zero else low - pad
    ticks = nice_ticks(low, high + pad)
    return min(low, ticks[0]), max(high + pad, ticks[-1]), ticks


def week_labels(frame: Frame, starts: Sequence[date]) -> None:
    """Every few weeks' Monday under its column, so that a dozen labels never crowd."""
    every = max(1, len(starts) // 6)
    frame.x_labels((i + 0.5, f"{day:%-d %b}") for i, day in enumerate(starts) if i % every == 0)


def day_labels(frame: Frame, start: date, today: date) -> None:
    days = (today - start).days
    every = max(7, days // 5)
    frame.x_labels((d, f"{start + timedelta(days=d):%-d %b}") for d in range(0, days + 1, every))


def lift_chart(lift: Lift, facts: Facts) -> Chart:
    """The training max over the window: records as filled dots, a variant change as a
    triangle above its session."""
    values = [p.value for p in lift.points]
    low, high, ticks = span_ticks(values)
    days = (facts.today - facts.start).days or 1
    frame = Frame((0, days), (low, high), height=220, title=f"{lift.name} training max")
    frame.y_axis(ticks)
    day_labels(frame, facts.start, facts.today)
    at = [((p.day - facts.start).days, p.value) for p in lift.points]
    frame.line(at, "tm")
    marked = list(zip(at, lift.points, strict=True))
    frame.dots((xy for xy, p in marked if not p.record), "tm-dot")
    frame.dots((xy for xy, p in marked if p.record), "record", r=4)
    for (a, b), p in marked:
        if p.variant:
            frame.mark(a, b, "variant", f"{p.exercise} from {p.day:%-d %b}")
    first, last = lift.points[0], lift.points[-1]
    change = (last.value - first.value) / first.value * 100 if first.value else 0.0
    records = sum(p.record for p in lift.points)
    moved = " (load moved, bodyweight in)" if lift.by_load_moved else ""
    reading = (
        f"{number(first.value)} → {number(last.value)} {facts.unit}{moved} "
        f"({change:+.0f} %) over {len(lift.points)} session{'s' * (len(lift.points) != 1)}; "
        f"{records} record{'s' * (records != 1)}"
    )
    variants = sorted({p.exercise for p in lift.points})
    if len(variants) > 1:
        reading += f"; variants on one curve: {', '.join(variants)}"
    return Chart("lift", lift.name, frame.svg(), reading + ".")


def lift_charts(facts: Facts) -> list[Chart]:
    if not facts.lifts:
        none = "No main lift with a load logged in these weeks"
        return [Chart("lift", "Training max", "", none + ": log sets with a weight to chart it.")]
    return [lift_chart(lift, facts) for lift in facts.lifts]


def group_chart(group: Group, facts: Facts) -> Chart:
    """One group's hard sets a week as columns, its band shaded behind them."""
    low_mark, high_mark = facts.band(group)
    counts = [w.sets[group] for w in facts.weeks]
    _, high, ticks = span_ticks([*counts, high_mark], floor_zero=True)
    frame = Frame((0, len(counts)), (0, high), height=180, title=f"Weekly sets: {group.label}")
    frame.band(low_mark, high_mark, "band")
    frame.y_axis(ticks)
    week_labels(frame, [w.start for w in facts.weeks])
    for i, (week, count) in enumerate(zip(facts.weeks, counts, strict=True)):
        css = "bar" if low_mark <= count <= high_mark else "bar off"
        frame.bar(i + 0.15, i + 0.85, count, css, f"week of {week.start:%-d %b}: {count:g} sets")
    inside = sum(low_mark <= c <= high_mark for c in counts)
    under = sum(c < low_mark for c in counts)
    over = len(counts) - inside - under
    reading = (
        f"{group.label.capitalize()}: in the band ({low_mark}–{high_mark} sets) "
        f"{inside} of {len(counts)} weeks, under it {under}, over it {over}; "
        f"{sum(counts) / len(counts):.1f} sets a week on average."
    )
    return Chart("sets", f"Weekly hard sets: {group.label}", frame.svg(), reading)


CELL, GAP = 11, 2  # a day's square in the calendar, and the space between
SHADES = (0, 1, 7, 13, 19)  # sets a day from which each shade starts


def shade(sets: float) -> int:
    return max(i for i, floor in enumerate(SHADES) if sets >= floor)


def calendar_chart(facts: Facts) -> Chart:
    """A year of days, a column a week (Monday on top), each shaded by its sets."""
    first = monday(facts.today - timedelta(days=YEAR - 1))
    weeks = (facts.today - first).days // 7 + 1
    left, top = 24, 16
    width, height = left + weeks * (CELL + GAP), top + 7 * (CELL + GAP) + 4
    parts = []
    for name, row in (("Mon", 0), ("Wed", 2), ("Fri", 4)):
        y = top + row * (CELL + GAP) + CELL - 2
        parts.append(f'<text class="axis" x="0" y="{y}">{name}</text>')
    month = None
    for column in range(weeks):
        start = first + timedelta(weeks=column)
        if start.month != month:
            month = start.month
            parts.append(f'<text class="axis" x="{left + column * (CELL + GAP)}" y="10">'
                         f"{start:%b}</text>")  # fmt: skip
        for row in range(7):
            day = start + timedelta(days=row)
            if day > facts.today:
                break
            sets = facts.days.get(day, 0.0)
            x, y = left + column * (CELL + GAP), top + row * (CELL + GAP)
            parts.append(f'<rect class="day d{shade(sets)}" x="{x}" y="{y}" width="{CELL}" '
                         f'height="{CELL}" rx="2"><title>{day:%a %-d %b %Y}: {sets:g} sets'
                         f"</title></rect>")  # fmt: skip
    svg = svg_element(width, height, "A year of training days", parts, "cal")
    active = [d for d, sets in facts.days.items() if sets > 0]
    trained_weeks = {monday(d) for d in active}
    run = best = 0
    for column in range(weeks):
        run = run + 1 if first + timedelta(weeks=column) in trained_weeks else 0
        best = max(best, run)
    reading = (
        f"{len(active)} training day{'s' * (len(active) != 1)} in the last year, "
        f"{len(active) / (YEAR / 7):.1f} a week; the longest run of weeks with one: {best}."
    )
    return Chart("calendar", "A year of training", svg, reading)


def legend(items: Sequence[tuple[str, str]]) -> str:
    """A line of small swatches saying what each class of mark is."""
    return "".join(
        f'<span class="key"><svg viewBox="0 0 12 12" aria-hidden="true"><rect class="{css}" '
        f'width="12" height="12" rx="2"/></svg>{escape(text)}</span>'
        for css, text in items
    )


def calendar_legend() -> str:
    return legend([(f"day d{i}", "rest" if i == 0 else f"{floor}+ sets")
                   for i, floor in enumerate(SHADES)])  # fmt: skip
