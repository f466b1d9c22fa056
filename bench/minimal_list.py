"""The floor for `backplan list`: typer + rich + the same YAML loader, nothing else.

It reads the same catalogue with PyYAML's C safe loader and prints the same table,
with no validation, so the ratio to it is what backplan's extra work costs.
"""

from pathlib import Path
from typing import Annotated

import typer
import yaml
from rich import box
from rich.console import Console
from rich.table import Table

app = typer.Typer()


@app.command("list")
def list_(catalog: Annotated[Path | None, typer.Option()] = None) -> None:
    path = catalog or Path(__file__).resolve().parent.parent / "data" / "exercises.yaml"
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    table = Table(title="Back exercises", box=box.SIMPLE_HEAD, show_edge=False)
    for header in ("Exercise", "Group", "Equipment", "Level", "Type"):
        table.add_column(header)
    for item in data["exercises"]:
        table.add_row(
            f"{item['name']}\n{item['id']}",
            item["group"],
            ", ".join(item["equipment"]) or "bodyweight",
            item["level"],
            item["mechanic"],
        )
    Console().print(table)


@app.command()
def version() -> None:
    """Present so typer keeps `list` as a subcommand, as backplan has it."""


if __name__ == "__main__":
    app()
