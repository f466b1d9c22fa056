"""The report's charts of the lifter and the rotation: bodyweight with its 7-day
average, the back's rating against the lower back's weekly load, prescribed against
logged effort, and the movement patterns covered."""

from __future__ import annotations

from statistics import median

from backplan.catalogue.model import Group
from backplan.render.report.charts import Chart, day_labels, span_ticks, week_labels
from backplan.render.report.facts import Facts
from backplan.render.report.svg import LEFT, RIGHT, WIDTH, Frame, label, num, svg_element
from backplan.training.loads import number

RATING_TOP = 10  # the back's rating runs 0-10


def bodyweight_chart(facts: Facts) -> Chart:
    title = "Bodyweight"
    if not facts.weigh_ins:
        return Chart("bodyweight", title, "",
                     "No weigh-in in these weeks: backplan weigh KG records one.")  # fmt: skip
    values = [w for _, w in facts.weigh_ins] + [a for _, a in facts.averages]
    low, high, ticks = span_ticks(values)
    days = (facts.today - facts.start).days or 1
    frame = Frame((0, days), (low, high), height=200, title="Bodyweight and its 7-day average")
    frame.y_axis(ticks)
    day_labels(frame, facts.start, facts.today)
    frame.dots((((d - facts.start).days, w) for d, w in facts.weigh_ins), "weigh", r=2.5)
    frame.line([((d - facts.start).days, a) for d, a in facts.averages], "average")
    first, last = facts.averages[0], facts.averages[-1]
    change = last[1] - first[1]
    trend = "steady" if abs(change) < 0.25 else f"{'up' if change > 0 else 'down'} " \
        f"{number(round(abs(change), 1))} {facts.unit}"  # fmt: skip
    reading = (
        f"7-day average {number(round(last[1], 1))} {facts.unit} on {last[0]:%-d %b}, "
        f"{trend} since {first[0]:%-d %b} ({len(facts.weigh_ins)} weigh-ins)."
    )
    return Chart("bodyweight", title, frame.svg(), reading)


def back_chart(facts: Facts) -> Chart:
    """The lower back's weekly sets as columns; each rating a dot on the right scale."""
    title = "How the back felt, against the lower back's load"
    loads = [w.sets[Group.LOWER_BACK] for w in facts.weeks]
    _, high, ticks = span_ticks(loads, floor_zero=True)
    frame = Frame((0, len(loads)), (0, high), height=200, title=title)
    frame.y_axis(ticks)
    week_labels(frame, [w.start for w in facts.weeks])
    for i, (week, count) in enumerate(zip(facts.weeks, loads, strict=True)):
        frame.bar(i + 0.2, i + 0.8, count, "bar", f"week of {week.start:%-d %b}: {count:g} sets")
    for rating in (0, 5, 10):  # the rating's own scale, on the right
        y = num(frame.y(rating / RATING_TOP * high))
        frame.add(f'<text class="axis rating-axis" x="{WIDTH - RIGHT + 10}" y="{y}" dy="0.32em" '
                  f'text-anchor="end">{rating}</text>')  # fmt: skip
    scale = high / RATING_TOP
    at = [((day - facts.start).days / 7, rating * scale) for day, rating in facts.ratings]
    frame.dots(at, "rating", r=3.5)
    if not facts.ratings:
        reading = "No rating of the back in these weeks: go asks at the end, or log --back N."
        return Chart("back", title, frame.svg(), reading)
    by_week: dict[int, list[int]] = {}
    for day, rating in facts.ratings:
        by_week.setdefault((day - facts.start).days // 7, []).append(rating)
    middle = median(loads) if loads else 0.0
    heavy = [r for i, rs in by_week.items() if loads[i] > middle for r in rs]
    light = [r for i, rs in by_week.items() if loads[i] <= middle for r in rs]
    mean = sum(r for _, r in facts.ratings) / len(facts.ratings)
    reading = f"The back rated {mean:.1f} of 10 on average"
    if heavy and light:
        reading += (
            f": {sum(heavy) / len(heavy):.1f} in weeks of more than {label(middle)} "
            f"lower-back sets, {sum(light) / len(light):.1f} in the lighter ones"
        )
    return Chart("back", title, frame.svg(), reading + ".")


def effort_chart(facts: Facts) -> Chart:
    """Each week's mean reps in reserve: prescribed (dashed) and logged (solid)."""
    title = "Effort: prescribed against logged reps in reserve"
    weeks = [(i, w) for i, w in enumerate(facts.weeks) if w.logged is not None]
    values = [v for _, w in weeks for v in (w.prescribed or 0.0, w.logged or 0.0)]
    _, high, ticks = span_ticks([*values, 3.0], floor_zero=True)
    frame = Frame((0, len(facts.weeks)), (0, high), height=180, title=title)
    frame.y_axis(ticks)
    week_labels(frame, [w.start for w in facts.weeks])
    frame.line([(i + 0.5, w.prescribed or 0.0) for i, w in weeks], "prescribed")
    frame.line([(i + 0.5, w.logged or 0.0) for i, w in weeks], "logged")
    frame.dots(((i + 0.5, w.logged or 0.0) for i, w in weeks), "logged-dot")
    if not weeks:
        reading = "No set logged with its effort in these weeks (8x60 @2 logs 2 in reserve)."
        return Chart("effort", title, frame.svg(), reading)
    drift = sum((w.logged or 0.0) - (w.prescribed or 0.0) for _, w in weeks) / len(weeks)
    if abs(drift) < 0.5:
        said = "on target"
    elif drift > 0:
        said = "sets were easier than prescribed: the loads can go up"
    else:
        said = "sets were closer to failure than prescribed"
    reading = f"Logged {abs(drift):.1f} reps in reserve {'above' if drift >= 0 else 'below'} " \
        f"the prescription on average: {said}."  # fmt: skip
    return Chart("effort", title, frame.svg(), reading)


ROW = 26  # a pattern's row in its chart


def patterns_chart(facts: Facts) -> Chart:
    """A row per movement pattern: the sets it got in these weeks."""
    title = "Movement patterns the rotation covered"
    most = max((sets for _, sets in facts.patterns), default=0.0) or 1.0
    left = 170
    parts = []
    for row, (pattern, sets) in enumerate(facts.patterns):
        y = 4 + row * ROW
        middle = f'y="{y + (ROW - 8) // 2}" dy="0.35em"'
        name = pattern.value.replace("-", " ")
        parts.append(f'<text class="axis" x="{left - 6}" {middle} text-anchor="end">'
                     f"{name}</text>")  # fmt: skip
        width = (WIDTH - left - LEFT) * sets / most
        css = "bar" if sets else "bar off"
        parts.append(f'<rect class="{css}" x="{left}" y="{y}" width="{num(max(width, 1.5))}" '
                     f'height="{ROW - 8}" rx="2"/>')  # fmt: skip
        parts.append(f'<text class="axis" x="{num(left + width + 4)}" {middle}>'
                     f"{sets:g}</text>")  # fmt: skip
    svg = svg_element(WIDTH, 8 + ROW * len(facts.patterns), title, parts)
    missing = [p.value.replace("-", " ") for p, sets in facts.patterns if not sets]
    covered = len(facts.patterns) - len(missing)
    reading = f"Covered {covered} of {len(facts.patterns)} patterns"
    reading += f"; none of {', '.join(missing)}." if missing else ": every one."
    return Chart("patterns", title, svg, reading)


def more_charts(facts: Facts) -> list[Chart]:
    return [bodyweight_chart(facts), back_chart(facts), effort_chart(facts),
            patterns_chart(facts)]  # fmt: skip
