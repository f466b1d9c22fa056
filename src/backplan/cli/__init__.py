"""The backplan command line: parse, call the core, render, map errors to exit codes.

`app` holds the typer app; each command family registers itself in its own module.
"""

from backplan.cli import catalogue, log, plan, review, training
from backplan.cli.app import app

__all__ = ["app", "catalogue", "log", "main", "plan", "review", "training"]


def main() -> None:
    app()
