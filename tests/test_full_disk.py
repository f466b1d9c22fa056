"""A full disk, for real: the history on a small tmpfs filled to the last byte. `log` and
`go` say so in one line, exit 1, keep every set saved before, and never wait."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pexpect
import pytest

from tests.helpers import ok, run, run_json
from tests.terminal import Terminal

MONDAY = "2026-11-30T18:00:00+01:00"


@pytest.fixture
def disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A 4 MB file system holding BACKPLAN_HOME (mounting needs root: skipped elsewhere)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)], capture_output=True
    )
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {made.stderr.decode().strip()}")
    monkeypatch.setenv("BACKPLAN_HOME", str(mount / "home"))
    monkeypatch.setenv("BACKPLAN_NOW", MONDAY)
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=True)


def _fill(mount: Path) -> None:
    """Every free byte taken (dd stops at 'No space left on device')."""
    subprocess.run(["dd", "if=/dev/zero", f"of={mount / 'filler'}", "bs=4k"], capture_output=True)


def _sets(workout_id: int = 1) -> dict[str, list[object]]:
    shown = run_json("history", "show", str(workout_id))
    return {e["id"]: e["sets_logged"] for e in shown["exercises"]}


def test_log_on_a_full_disk_says_so_and_keeps_what_was_saved(disk: Path) -> None:
    ok("workout", "--seed", "1", "--group", "lats", "--exercises", "1")
    (exercise,) = _sets()
    ok("log", exercise, "8x20kg")
    _fill(disk)
    result = run("log", exercise, "8x20kg", "--add")
    assert result.exit_code == 1, result.stdout
    assert "the disk is full" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr
    (disk / "filler").unlink()
    assert len(_sets()[exercise]) == 1


def test_go_on_a_full_disk_ends_in_one_line_and_keeps_the_sets_done(disk: Path) -> None:
    ok("workout", "--seed", "1", "--group", "lats", "--exercises", "2")
    term = Terminal(disk / "home", "go", now=MONDAY, rate=1000.0, colour=False, timeout=20)
    term.expect("> ")
    term.line("8x20kg")  # saved
    term.expect("> ")
    _fill(disk)
    term.line("8x20kg")  # the disk refuses it
    assert term.child.expect([pexpect.EOF, "> "]) == 0, term.child.before
    term.child.close()
    assert term.child.exitstatus == 1
    said = [line for line in term.child.before.splitlines() if "disk is full" in line]
    assert len(said) == 1, term.child.before
    (disk / "filler").unlink()
    assert sorted(len(sets) for sets in _sets().values()) == [0, 1]
