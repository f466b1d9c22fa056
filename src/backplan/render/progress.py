"""An exercise's progress as a column chart and a table, within 80 columns."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from rich.text import Text

from backplan.documents import set_json
from backplan.render.console import data_table, out
from backplan.training.loads import number

if TYPE_CHECKING:
    from backplan.training.progress import Point
    from backplan.training.repmax import RepMax

HEIGHT = 8  # rows of the chart
EIGHTHS = " ▁▂▃▄▅▆▇█"
LABEL = 8  # characters of the value axis


def _columns(points: Sequence[Point], width: int) -> list[tuple[float, bool, bool]]:
    """At most `width` columns: a session a column (wider when there are few), or the
    best of several sessions when there are many; each marked when it holds a record,
    and its first column when the variant changed there."""
    if len(points) <= width:
        repeat = max(1, min(4, width // len(points)))
        return [(p.value, p.record, p.variant and i == 0) for p in points for i in range(repeat)]
    columns = []
    for i in range(width):
        bucket = points[i * len(points) // width : (i + 1) * len(points) // width]
        columns.append((max(p.value for p in bucket), any(p.record for p in bucket),
                        any(p.variant for p in bucket)))  # fmt: skip
    return columns


def chart(points: Sequence[Point], title: str, unit: str) -> None:
    width = max(10, min(out.width, 80) - LABEL - 2)
    columns = _columns(points, width)
    low, high = min(v for v, _, _ in columns), max(v for v, _, _ in columns)
    floor = low - (high - low) * 0.1 if high > low else low * 0.9
    span = (high - floor) or 1.0
    out.print(Text(title, style="bold"))
    for row in range(HEIGHT, 0, -1):
        label = number(round(high, 1)) if row == HEIGHT else ""
        label = number(round(floor, 1)) if row == 1 else label
        line = Text(f"{label:>{LABEL}} {'┤' if label else '│'}", style="dim")
        for value, record, _ in columns:
            eighths = round((value - floor) / span * HEIGHT * 8)
            filled = min(8, max(0, eighths - (row - 1) * 8))
            line.append(EIGHTHS[filled], style="green" if record else "cyan")
        out.print(line)
    out.print(Text(" " * LABEL + " └" + "─" * len(columns), style="dim"))
    if any(changed for _, _, changed in columns):
        marks = "".join("▲" if changed else " " for _, _, changed in columns).rstrip()
        out.print(Text(" " * (LABEL + 2) + marks, style="yellow"))
    first, last = points[0].when.strftime("%d %b %Y"), points[-1].when.strftime("%d %b %Y")
    gap = max(1, len(columns) - len(first) - len(last))
    out.print(Text(" " * (LABEL + 2) + first + " " * gap + last, style="dim"))
    legend = f"{unit}; green: a record." if any(p.record for p in points) else unit
    if any(p.variant for p in points):
        legend += " ▲: another variant."
    out.print(Text(" " * (LABEL + 2) + legend, style="dim"))


def progress_view(
    name: str,
    points: Sequence[Point],
    measure: str,
    unit: str,
    last: int,
    names: Mapping[str, str] | None = None,
) -> None:
    """The chart and the table; `names` (of a family's exercises, by the load moved)
    adds a column saying which one each session was."""
    what = f"estimated 1RM ({unit})" if measure == "e1RM" else f"best set ({measure})"
    if names is not None and measure == "e1RM":
        what = f"estimated 1RM of the load moved ({unit})"
    sessions = f"{len(points)} session{'s' if len(points) != 1 else ''}"
    chart(points, f"{name}: {what}, {sessions}", "Epley: w × (1 + (reps + RIR) / 30)"
          if measure == "e1RM" else measure)  # fmt: skip
    table = data_table()
    table.add_column("When", no_wrap=True)
    table.add_column("Workout", justify="right", no_wrap=True)
    family = names is not None and len({p.exercise for p in points}) > 1
    if family:
        table.add_column("Exercise", no_wrap=False, ratio=1)
    table.add_column("Best set", no_wrap=True)
    table.add_column(measure, justify="right", no_wrap=True)
    table.add_column("", no_wrap=True)
    for p in points[-last:][::-1]:
        exercise = [(names or {}).get(p.exercise, p.exercise)] if family else []
        table.add_row(
            p.when.strftime("%a %d %b %Y"),
            f"#{p.workout_id}",
            *exercise,
            str(p.best),
            number(p.value),
            Text("PR", style="bold green") if p.record else "",
        )
    out.print()
    out.print(table)
    if len(points) > last:
        out.print(Text(f"The last {last} of {len(points)}; --last N shows more.", style="dim"))


def progress_json(exercise_id: str, points: Sequence[Point], measure: str) -> dict[str, Any]:
    return {
        "id": exercise_id,
        "measure": measure,
        "sessions": [
            {
                "workout_id": p.workout_id,
                "created": p.when.isoformat(timespec="seconds"),
                "best": set_json(p.best),
                "value": p.value,
                "record": p.record,
                "exercise": p.exercise,
            }
            for p in points
        ],
    }


def repmax_table(found: Sequence[RepMax], unit: str) -> None:
    """Each rep count's heaviest set: what you can lift for 1, 3, 5… reps."""
    table = data_table()
    table.add_column("Reps", justify="right", no_wrap=True)
    table.add_column(unit, justify="right", no_wrap=True)
    table.add_column("Set", no_wrap=True)
    table.add_column("When", no_wrap=True)
    for row in found:
        load = row.load(unit)
        if row.best is None or load is None or row.when is None:
            table.add_row(str(row.reps), "—", "", "")
            continue
        table.add_row(str(row.reps), number(round(load, 1)), str(row.best),
                      f"{row.when:%-d %b %Y}")  # fmt: skip
    out.print()
    out.print(Text("Rep maxes: the heaviest load for N or more reps", style="bold"))
    out.print(table)
