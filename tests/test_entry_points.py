"""The installed `backplan` script and `python -m backplan`, as real processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from backplan import __version__
from backplan.catalogue.model import SCHEMA_VERSION as CATALOGUE_SCHEMA
from backplan.store.migrations import SCHEMA_VERSION

SCRIPT = Path(sys.executable).parent / ("backplan.exe" if os.name == "nt" else "backplan")


@pytest.mark.parametrize("command", [[str(SCRIPT)], [sys.executable, "-m", "backplan"]])
def test_installed_commands(command: list[str], tmp_path: Path) -> None:
    env = {**os.environ, "BACKPLAN_HOME": str(tmp_path), "NO_COLOR": "1"}
    version = subprocess.run(
        [*command, "--version"], capture_output=True, text=True, env=env, check=True, timeout=60
    )
    assert version.stdout.strip() == (
        f"backplan {__version__} (history schema {SCHEMA_VERSION}, "
        f"catalogue schema {CATALOGUE_SCHEMA})"
    )
    listed = subprocess.run(
        [*command, "list", "--json"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert len(json.loads(listed.stdout)) >= 48
    bad = subprocess.run(
        [*command, "show", "nope"], capture_output=True, text=True, env=env, timeout=60, check=False
    )
    assert bad.returncode == 2
    assert bad.stderr.startswith("error: No exercise 'nope'")
    assert "Traceback" not in bad.stderr
    block = subprocess.run(
        [*command, "program", "new", "--json"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=60,
    )
    assert len(json.loads(block.stdout)["sessions"]) == 12


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("backplan show pu", "pull-up"), ("backplan workout --group up", "upper-back"),
     ("backplan sh", "show"), ("backplan history sh", "show"),
     ("backplan program ex", "export")],
)  # fmt: skip
def test_tab_completion_through_the_script(tmp_path: Path, typed: str, expected: str) -> None:
    words = typed.split()
    env = {
        **os.environ,
        "BACKPLAN_HOME": str(tmp_path),
        "_BACKPLAN_COMPLETE": "complete_bash",
        "COMP_WORDS": typed,
        "COMP_CWORD": str(len(words) - 1),
    }
    done = subprocess.run(
        [str(SCRIPT)], capture_output=True, text=True, env=env, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert expected in done.stdout.split()
