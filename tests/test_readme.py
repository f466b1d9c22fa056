"""The README's two command lines are the contract with a newcomer (CI runs the test one),
and every example of the README and the docs prints what it shows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _first_command_under(heading: str) -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split(f"## {heading}\n", 1)[1]
    block = re.search(r"```sh\n(.+?)\n", section)
    assert block, heading
    return block.group(1)


def test_ci_runs_the_readme_test_command() -> None:
    command = _first_command_under("Tests")
    assert "pytest" in command
    assert command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_readme_install_command_runs_the_main_job() -> None:
    command = _first_command_under("Install and run")
    assert command.startswith("python3 -m venv .venv && .venv/bin/pip install . && ")
    assert command.endswith("backplan list") or command.endswith("backplan workout")


def _pages() -> list[str]:
    from tests import readme_examples

    return [str(page.relative_to(ROOT)) for page in readme_examples.pages()]


@pytest.mark.parametrize("page", _pages())
def test_every_example_prints_what_it_shows(page: str) -> None:
    """Each `$ backplan ...` line of the README and of each docs page, run in order on the
    page's clock, in the page's own home."""
    from tests import readme_examples

    differences = readme_examples.run(page=ROOT / page)
    assert not differences, "\n\n".join(differences)
