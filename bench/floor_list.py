"""The floor for `backplan list`, `show` and completion: no CLI framework at all.

Python, PyYAML's C loader and one rich table of the same catalogue: what printing
the catalogue costs before any command-line machinery, so the ratio to it is what
backplan's parsing, validation and framework add.
"""

import sys
from pathlib import Path

import yaml
from rich import box
from rich.console import Console
from rich.table import Table


def main() -> None:
    path = Path(__file__).resolve().parent.parent / "data" / "exercises.yaml"
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    table = Table(title="Back exercises", box=box.SIMPLE_HEAD, show_edge=False)
    for header in ("Exercise", "Group", "Equipment", "Level", "Type"):
        table.add_column(header)
    wanted = sys.argv[1:]
    for item in data["exercises"]:
        if wanted and item["id"] not in wanted:
            continue
        table.add_row(
            f"{item['name']}\n{item['id']}",
            item["group"],
            ", ".join(item["equipment"]) or "bodyweight",
            item["level"],
            item["mechanic"],
        )
    Console().print(table)


if __name__ == "__main__":
    main()
