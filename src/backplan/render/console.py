"""The consoles and the pieces every view shares: backplan's table, names, groups, errors."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any, NamedTuple, cast

from rich import box
from rich.console import (
    Console,
    ConsoleOptions,
    ConsoleRenderable,
    JustifyMethod,
    RenderableType,
    RenderHook,
    RenderResult,
)
from rich.measure import Measurement
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from backplan.catalogue.model import Exercise, Group
from backplan.text import json_safe, visible_lines

if TYPE_CHECKING:
    from backplan.training.model import PlannedExercise


class _TrimmedStdout(io.TextIOBase):
    """stdout as rich writes to it, without the spaces that pad table rows to the full
    width: pasted or piped output has no trailing spaces. It looks up sys.stdout on
    every write, so a test runner's capture still sees everything."""

    def __init__(self) -> None:
        self._pending = ""

    def write(self, text: str) -> int:
        self._pending += text
        *lines, self._pending = self._pending.split("\n")
        for line in lines:
            sys.stdout.write(line.rstrip(" ") + "\n")
        return len(text)

    def flush(self) -> None:
        if self._pending:
            sys.stdout.write(self._pending)
            self._pending = ""
        sys.stdout.flush()

    def isatty(self) -> bool:
        return sys.stdout.isatty()

    def fileno(self) -> int:
        return sys.stdout.fileno()


class _Visible:
    """A renderable whose text is shown as it is: every control character made visible
    (rich's own styles and cursor moves are segments of their own, and pass)."""

    def __init__(self, inner: ConsoleRenderable) -> None:
        self.inner = inner

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for segment in console.render(self.inner, options):
            if segment.control:
                yield segment
            else:  # a line break is rich's own
                yield Segment(visible_lines(segment.text), segment.style)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.inner)


class _Neutraliser(RenderHook):
    """Every text any view prints passes here, from a catalogue, a CSV, a path or a key:
    nothing read from outside can move the cursor, retitle the window or link."""

    def process_renderables(self, renderables: list[ConsoleRenderable]) -> list[ConsoleRenderable]:
        return [_Visible(renderable) for renderable in renderables]


def _console(**options: Any) -> Console:
    # No markup or emoji codes in printed text: a name like 'Chin [/] Up' or ':skull:' is
    # text. Views style with Text objects.
    console = Console(highlight=False, markup=False, emoji=False, **options)
    console.push_render_hook(_Neutraliser())
    return console


out = _console(file=cast(IO[str], _TrimmedStdout()))
err = _console(stderr=True)


def print_json(document: Any) -> None:
    """Stdout holds one JSON document and nothing else."""
    write_stdout(json.dumps(document, indent=2, ensure_ascii=False) + "\n", json_=True)


def write_stdout(text: str, *, json_: bool = False) -> None:
    """Text for stdout as it is (Markdown, CSV, JSON), with nothing a terminal acts on:
    JSON keeps every character as its escape, other text shows it (ESC as ␛)."""
    sys.stdout.write(json_safe(text) if json_ else visible_lines(text))


MAX_MESSAGE = 600  # characters of one line of an error: a value pasted whole is cut


def _clipped(text: str) -> str:
    if len(text) <= MAX_MESSAGE:
        return text
    cut = len(text) - MAX_MESSAGE
    half = MAX_MESSAGE // 2
    return f"{text[:half]}…({cut:,} characters)…{text[-half:]}"


def warning(message: str) -> None:
    line = Text("warning: ", style="bold yellow")
    line.append(_clipped(message))
    err.print(line, soft_wrap=True)


def error(message: str, details: Sequence[str] = ()) -> None:
    for detail in details:
        err.print(_clipped(detail), soft_wrap=True)
    line = Text("error: ", style="bold red")
    line.append(_clipped(message))
    err.print(line, soft_wrap=True)


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def group_text(group: Group) -> Text:
    return Text(group.label, style=f"bold {group.colour}")


def equipment_text(exercise: Exercise) -> str:
    return ", ".join(exercise.equipment) or "bodyweight"


def data_table(title: str | None = None) -> Table:
    """backplan's table: a rule under the header and no frame, so it fits 80 columns."""
    return Table(
        title=title,
        title_justify="left",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        padding=(0, 1, 0, 0),  # the box's own separator is the other space between columns
    )


# Below this many columns (a phone's terminal) tables take their narrow layout: fewer
# columns, shorter headers and cells, so nothing is cut short or wrapped into mush.
NARROW = 70


def narrow() -> bool:
    return out.width < NARROW


@dataclass(frozen=True)
class Column:
    """A column of a table laid out for the width: `short` is its header in the narrow
    layout (None: the same; '': the column is left out there)."""

    header: RenderableType
    short: str | None = None
    justify: JustifyMethod = "left"
    no_wrap: bool = True
    width: int | None = None


class Cell(NamedTuple):
    """A cell that reads differently in the narrow layout."""

    wide: RenderableType
    short: RenderableType


SECTION: Sequence[RenderableType | Cell] = ()  # a row of none: a rule between sections


def fitted_table(
    columns: Sequence[Column],
    rows: Iterable[Sequence[RenderableType | Cell]],
    title: str | None = None,
) -> Table:
    """backplan's table with its columns chosen from the width, once, here. A row shorter
    than the columns is a heading (its cells first); an empty one starts a section."""
    small = narrow()
    kept = [n for n, c in enumerate(columns) if not (small and c.short == "")]
    table = data_table(title)
    for n in kept:
        c = columns[n]
        header = c.short if small and c.short else c.header
        table.add_column(header, justify=c.justify, no_wrap=c.no_wrap, width=c.width)
    for row in rows:
        if not row:
            table.add_section()
            continue
        cells = [row[n] if n < len(row) else "" for n in kept]
        table.add_row(*(
            (cell.short if small else cell.wide) if isinstance(cell, Cell) else cell
            for cell in cells
        ))  # fmt: skip
    return table


def exercise_width(exercises: Sequence[Exercise | PlannedExercise], others: int) -> int:
    """Never narrower than the longest id, so an id is never cut and can be copied as it
    stands; names wrap when the other columns need their `others` characters."""
    id_width = max(len(e.id) for e in exercises)
    name_width = max(len(e.name) for e in exercises)
    return max(id_width, min(name_width, out.width - others))


def name_and_id(name: str, ident: str) -> Text:
    # Name and id share a cell so the table fits 80 columns without losing the id to type.
    cell = Text(name, style="bold")
    cell.append("\n")
    cell.append(ident, style="dim")
    return cell


def group_legend(groups: Iterable[Group]) -> Text:
    legend = Text()
    for group in groups:
        if legend:
            legend.append("\n")
        legend.append_text(group_text(group))
        legend.append(f": {group.benefit}", style="dim")
    return legend
