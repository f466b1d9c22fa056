"""The command reference (docs/reference.md) is written from the app, and holds every
command and every option: a command or option missing from it fails here."""

from __future__ import annotations

import pytest

from tests import cli_reference

COMMANDS = list(cli_reference.commands())


def _section(path: str) -> str:
    reference = cli_reference.REFERENCE.read_text(encoding="utf-8")
    heading = f"## `{path}`\n"
    assert heading in reference, f"{path} is missing from docs/reference.md"
    return reference.split(heading, 1)[1].split("\n## `", 1)[0]


def test_the_reference_is_current() -> None:
    assert cli_reference.REFERENCE.read_text(encoding="utf-8") == cli_reference.text(), (
        "docs/reference.md is stale: python -m tests.cli_reference --write"
    )


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[p for p, _ in COMMANDS])
def test_every_command_and_option_is_in_the_reference(path: str, command: object) -> None:
    section = _section(path)
    for param in cli_reference.visible_params(command):
        for option in [*param.opts, *param.secondary_opts]:
            if option.startswith("-"):
                assert f"`{option}`" in section, f"{path} {option} is missing from the reference"
    if command.help:  # type: ignore[attr-defined]
        first = command.help.strip().split("\n")[0]  # type: ignore[attr-defined]
        assert first in section


def test_the_reference_names_every_command_the_help_lists() -> None:
    """Counted from the app's own command tree, not from the generator's walk."""
    root = cli_reference.root_command()
    names = {f"backplan {name}" for name in root.commands}
    names |= {
        f"backplan {name} {sub}"
        for name, command in root.commands.items()
        for sub in getattr(command, "commands", {})
    }
    assert len(names) >= 30
    for name in names:
        _section(name)


def test_a_missing_option_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """The check above can fail: a reference without one option does not pass it."""
    original = cli_reference.REFERENCE.read_text(encoding="utf-8")
    monkeypatch.setattr(
        cli_reference.REFERENCE.__class__,
        "read_text",
        lambda self, encoding="utf-8": original.replace("`--workout-note`", "`--note-of-it`"),
    )
    path, command = next((p, c) for p, c in COMMANDS if p == "backplan log")
    with pytest.raises(AssertionError, match="--workout-note is missing"):
        test_every_command_and_option_is_in_the_reference(path, command)
