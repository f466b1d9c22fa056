"""Every command reads whole at 80 columns and at 50 (a phone's terminal): no line is
longer than the terminal, and no cell is cut short with an ellipsis."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import do, ok, run, run_json

COMMANDS = [
    ["status"],
    ["workout", "--no-save", "--seed", "3", "--goal", "strength"],
    ["workout", "--no-save", "--seed", "4", "--level", "advanced"],
    ["today"],
    ["history"],
    ["history", "show", "1"],
    ["stats"],
    ["list"],
    ["show", "barbell-bent-over-row"],
    ["config", "show"],
    ["progress", "barbell-bent-over-row"],
    ["program", "show"],
]


@pytest.fixture
def trained(monkeypatch: pytest.MonkeyPatch) -> None:
    """A week of training: heavy barbell work (long plate lists), a block, a plan."""
    for day, seed in (("23", "1"), ("25", "2"), ("27", "3")):
        monkeypatch.setenv("BACKPLAN_NOW", f"2026-11-{day}T18:00:00+01:00")
        do(run_json("workout", "--seed", seed))
    ok("log", "barbell-bent-over-row", "3x8x182.5", "--workout", "3", "--replace")
    monkeypatch.setenv("BACKPLAN_NOW", "2026-11-30T18:00:00+01:00")
    ok("program", "new")
    ok("workout")


@pytest.mark.parametrize("columns", [80, 50])
@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_reads_whole(
    command: list[str],
    columns: int,
    trained: None,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    result = run(*command)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines, command
    for line in lines:
        if str(tmp_path) in line:
            continue  # a path is printed whole, to be copied
        assert len(line) <= columns, f"{line!r} is wider than {columns}"
        assert "…" not in line, f"a cell is cut short: {line!r}"
