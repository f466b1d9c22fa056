"""A block reviewed, as people and scripts read it: the main lifts first to last, the
sets each week against the plan, the records."""

from __future__ import annotations

from typing import Any

from rich.console import RenderableType
from rich.text import Text

from backplan.catalogue.model import Group
from backplan.render.console import Cell, Column, fitted_table, out
from backplan.render.guide import set_text
from backplan.render.programs import SHORT, headline
from backplan.training.progress import Point
from backplan.training.review import Review

MAX_RECORDS = 8


def _value(point: Point) -> str:
    return f"{point.value:g}" if point.best.weight else set_text(point.best)


def _short(point: Point) -> str:
    """'6×52.5', '12 reps'."""
    s = point.best
    return f"{s.reps}×{s.weight:g}" if s.weight else set_text(s)


def _gain(first: Point, last: Point) -> str:
    if not first.value:
        return ""
    change = (last.value - first.value) / first.value * 100
    return f" ({change:+.0f} %)"


def review_view(found: Review) -> None:
    program = found.program
    out.print(Text(f"Review: {headline(program)}", style="bold"))
    first, last = program.sessions[0].date, program.sessions[-1].date
    dates = [p.first.when.date() for p in found.lifts] + [p.last.when.date() for p in found.lifts]
    span = f"{min(dates, default=first):%a %-d %b %Y} – {max(dates, default=last):%a %-d %b %Y}"
    out.print(f"{found.done} of {len(program.sessions)} sessions done, {span}.", markup=False)
    if found.lifts:
        unit = next((p.first.best.unit for p in found.lifts if p.first.best.weight), "")
        rows: list[list[RenderableType | Cell]] = [
            [
                lift.name,
                lift.goal.value[:5],  # strength, hyper, endur: room for the sets
                f"{_short(lift.first)} → {_short(lift.last)}",
                f"{_value(lift.first)} → {_value(lift.last)}{_gain(lift.first, lift.last)}",
            ]
            for lift in found.lifts
        ]
        columns = [
            Column("Main lift", no_wrap=False), Column("Day"),
            Column("Best set, first → last", "", no_wrap=False),
            Column(f"e1RM ({unit})" if unit else "Best", "e1RM", no_wrap=False),
        ]  # fmt: skip
        out.print()
        out.print(fitted_table(columns, rows))
    groups = program.groups or tuple(Group)
    weeks: list[list[RenderableType | Cell]] = [
        [str(w.week), *(f"{w.done.get(g, 0)}/{w.planned.get(g, 0)}" for g in groups)]
        for w in found.weeks
    ]
    out.print()
    out.print("Sets a week, done/planned:")
    out.print(fitted_table(
        [Column("Week", "Wk"), *(Column(SHORT[g], justify="right") for g in groups)], weeks
    ))  # fmt: skip
    out.print()
    if found.stalls:
        out.print(
            "Stalled (three sessions under target without a rise: 10 % off, built back): "
            + ", ".join(s.name + (f" ({s.times}×)" if s.times > 1 else "") for s in found.stalls)
            + ".",
            markup=False,
        )
    else:
        out.print("Stalled: no main lift.")
    if not found.records:
        out.print("Records: none this block.")
        return
    out.print("Records:")
    for record in found.records[:MAX_RECORDS]:
        what = "e1RM " if record.best.best.weight else ""
        unit = f" {record.best.best.unit}" if record.best.best.weight else ""
        out.print(
            f"  {record.name}: {what}{record.best.value:g}{unit} ({set_text(record.best.best)}, "
            f"{record.best.when:%a %-d %b}), was {record.before:g}{unit}",
            markup=False,
        )
    if len(found.records) > MAX_RECORDS:
        out.print(f"  and {len(found.records) - MAX_RECORDS} more: backplan program review --json")


def _point(point: Point) -> dict[str, Any]:
    return {
        "date": point.when.date().isoformat(),
        "workout_id": point.workout_id,
        "reps": point.best.reps,
        "weight": point.best.weight,
        "unit": point.best.unit,
        "value": point.value,
    }


def review_json(found: Review) -> dict[str, Any]:
    return {
        "program": found.program.id,
        "sessions": len(found.program.sessions),
        "done": found.done,
        "main_lifts": [
            {
                "id": lift.id,
                "name": lift.name,
                "goal": lift.goal.value,
                "sessions": lift.sessions,
                "first": _point(lift.first),
                "last": _point(lift.last),
            }
            for lift in found.lifts
        ],
        "weeks": [
            {
                "week": w.week,
                "planned": {g.value: n for g, n in w.planned.items()},
                "done": {g.value: n for g, n in w.done.items()},
            }
            for w in found.weeks
        ],
        "records": [
            {"id": r.id, "name": r.name, **_point(r.best), "before": r.before}
            for r in found.records
        ],
        "stalled": [{"id": s.id, "name": s.name, "times": s.times} for s in found.stalls],
    }
