"""The consoles and the pieces every view shares: backplan's table, names, groups, errors."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterable, Sequence
from typing import IO, TYPE_CHECKING, Any, cast

from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from backplan.catalogue.model import Exercise, Group
from backplan.text import visible

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


out = Console(highlight=False, file=cast(IO[str], _TrimmedStdout()))
err = Console(stderr=True, highlight=False)


def print_json(document: Any) -> None:
    """Stdout holds one JSON document and nothing else."""
    write_stdout(json.dumps(document, indent=2, ensure_ascii=False) + "\n")


def write_stdout(text: str) -> None:
    sys.stdout.write(text)


def warning(message: str) -> None:
    err.print(f"[bold yellow]warning:[/] {escape(visible(message))}", soft_wrap=True)


def error(message: str, details: Sequence[str] = ()) -> None:
    for line in details:
        err.print(escape(visible(line)), soft_wrap=True)
    err.print(f"[bold red]error:[/] {escape(visible(message))}", soft_wrap=True)


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
