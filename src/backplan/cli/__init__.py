"""The backplan command line: parse, call the core, render, map errors to exit codes.

The typer app lives in `root`; each command family registers itself in its own
module. `main` imports only the family the command line names (all of them for help),
so `backplan show` or a tab completion does not build every command first.
"""

from __future__ import annotations

import os
import sys
from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import typer

FAMILIES = (
    "catalogue", "plan", "go", "log", "body", "program", "progress", "review", "training",
    "report", "doctor", "sync",
)  # fmt: skip
HOMES = {
    "list": "catalogue", "show": "catalogue", "check": "catalogue", "log": "log",
    "workout": "plan", "today": "plan", "history": "plan", "status": "review",
    "stats": "review", "export": "review", "import": "review", "swap": "training",
    "pin": "training", "unpin": "training", "ban": "training", "unban": "training",
    "marks": "training", "config": "training", "program": "program",
    "go": "go", "progress": "progress", "weigh": "body", "doctor": "doctor",
    "report": "report", "calendar": "report",
    "sync": "sync",
}  # fmt: skip


def _register(words: list[str] | None) -> typer.Typer:
    """The app with the command families these words need (all, when in doubt)."""
    from backplan.cli.root import app

    command = next((word for word in words or () if not word.startswith("-")), None)
    for family in [HOMES[command]] if command in HOMES else FAMILIES:
        import_module(f"backplan.cli.{family}")
    return app


def main() -> None:
    words = sys.argv[1:]
    if os.environ.get("_BACKPLAN_COMPLETE"):  # tab completion: the words typed so far
        typed = os.environ.get("COMP_WORDS") or os.environ.get("_TYPER_COMPLETE_ARGS", "")
        words = typed.split()[1:]
    # A command's help, or a word no family has, still sees every command.
    if any(word in ("-h", "--help") for word in words[:1]) or not words:
        words = []
    _register(words)()


def __getattr__(name: str) -> Any:
    if name == "app":  # the whole app, as tests and completion scripts use it
        return _register(None)
    raise AttributeError(f"module 'backplan.cli' has no attribute '{name}'")
