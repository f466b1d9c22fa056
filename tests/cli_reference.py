"""docs/reference.md, written from the typer app itself: every command, its usage, its
help and every argument and option, so the reference is never copied by hand.

    python -m tests.cli_reference           # say whether docs/reference.md is current
    python -m tests.cli_reference --write   # write it

`mkdocs build` writes it too (this module is one of mkdocs.yml's hooks), and
tests/test_reference.py fails when the file is stale or misses a command or an option.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "docs" / "reference.md"
HEAD = """# Command reference

Every command and option of `backplan`, written from the program itself
(`python -m tests.cli_reference --write`; `mkdocs build` and the tests check it), so
it is never out of date. `backplan COMMAND --help` prints the same in the terminal.
The guides explain what the commands are for: start with
[Getting started](getting-started.md).
"""


def root_command() -> Any:
    """The click command behind `backplan`, every family registered."""
    import typer.main

    from backplan.cli import app

    return typer.main.get_command(app)


def commands(group: Any = None, path: tuple[str, ...] = ("backplan",)) -> Iterator[tuple[str, Any]]:
    """(`backplan history show`, its command), parents before their subcommands."""
    group = group if group is not None else root_command()
    yield " ".join(path), group
    for name in sorted(getattr(group, "commands", {})):
        command = group.commands[name]
        if not getattr(command, "hidden", False):
            yield from commands(command, (*path, name))


def visible_params(command: Any) -> list[Any]:
    return [p for p in command.params if not getattr(p, "hidden", False)]


def _metavar(param: Any, ctx: Any) -> str:
    shown = str(param.make_metavar(ctx))
    return shown[1:-1] if shown.startswith("{") and shown.endswith("}") else shown


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _section(path: str, command: Any) -> str:
    # The command's own Context class: typer carries its own click, so no click import.
    ctx = command.context_class(command, info_name=path)
    usage = " ".join([path, *command.collect_usage_pieces(ctx)])
    lines = [f"## `{path}`", "", f"```\n{usage}\n```", ""]
    help_text = (command.help or "").strip()
    if help_text:
        lines += [help_text, ""]
    rows = []
    for param in visible_params(command):
        if param.param_type_name == "argument":
            name = f"`{_metavar(param, ctx)}`"
        else:
            name = ", ".join(f"`{o}`" for o in [*param.opts, *param.secondary_opts])
            if not param.is_flag:
                name += f" `{_metavar(param, ctx)}`"
        meaning = _cell(getattr(param, "help", None) or "")
        shown = param.show_default and param.default not in (None, False, (), [])
        if shown:
            meaning += f" (default: `{param.default}`)"
        rows.append(f"| {name} | {meaning} |")
    if rows:
        lines += ["| argument or option | meaning |", "|---|---|", *rows, ""]
    subcommands = sorted(getattr(command, "commands", {}))
    if subcommands:
        lines += ["Commands: " + ", ".join(f"`{path} {name}`" for name in subcommands), ""]
    return "\n".join(lines)


def text() -> str:
    """The reference as it should read now."""
    sections = [_section(path, command) for path, command in commands()]
    return HEAD + "\n" + "\n".join(sections).rstrip("\n") + "\n"


def write() -> bool:
    """Write docs/reference.md when it differs; whether it did."""
    wanted = text()
    if REFERENCE.is_file() and REFERENCE.read_text(encoding="utf-8") == wanted:
        return False
    REFERENCE.write_text(wanted, encoding="utf-8")
    return True


def on_pre_build(config: Any) -> None:
    """mkdocs hook: the site is built with the reference of the backplan installed."""
    write()


if __name__ == "__main__":
    if "--write" in sys.argv:
        print("docs/reference.md written." if write() else "docs/reference.md is current.")
    else:
        current = REFERENCE.is_file() and REFERENCE.read_text(encoding="utf-8") == text()
        print("docs/reference.md is current." if current else "docs/reference.md is stale.")
        sys.exit(0 if current else 1)
