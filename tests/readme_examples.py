"""The README's examples, run: each `$ backplan ...` line of a console block, in order,
in one fresh home, at 80 columns without colour, on the clock the README sets.

    python -m tests.readme_examples           # say which examples differ
    python -m tests.readme_examples --write   # print what they print into the README

Hidden lines steer the run: `<!-- clock: 2026-11-24T18:00:00+00:00 -->` sets the
clock for what follows, `<!-- run: backplan ... -->` runs a command unseen, and
`<!-- file: NAME -->` writes the code block after it to NAME in the home. A block
whose last line is `...` is compared up to there; the repository's own path reads
as /path/to/backplan.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

import backplan

ROOT = Path(__file__).resolve().parent.parent
INSTALLED_DATA = Path(backplan.__file__).resolve().parent / "data"
README = ROOT / "README.md"
START = "2026-11-24T18:00:00+00:00"  # a Tuesday evening
_DIRECTIVE = re.compile(r"<!-- (clock|run|file): (.+?) -->\n(?:```\w*\n(.*?)```)?", re.S)
_BLOCK = re.compile(r"```console\n(.*?)```", re.S)


def _run(command: str, home: Path, clock: str) -> str:
    words = shlex.split(command)
    assert words[0] == "backplan", command
    env = {k: v for k, v in os.environ.items() if not k.startswith("BACKPLAN_")}
    env.update(BACKPLAN_HOME=str(home), BACKPLAN_NOW=clock, COLUMNS="80", NO_COLOR="1")
    env.pop("FORCE_COLOR", None)
    done = subprocess.run(
        [sys.executable, "-m", "backplan", *words[1:]],
        capture_output=True, text=True, env=env, cwd=home, timeout=60, check=False,
    )  # fmt: skip
    printed = (done.stdout + done.stderr).rstrip("\n")
    # The shipped catalogue is in the repository (an editable install) or inside the
    # installed package: either way it reads as the repository's.
    printed = printed.replace(str(INSTALLED_DATA), str(ROOT / "data"))
    return printed.replace(str(ROOT), "/path/to/backplan").replace(str(home), "~")


def run(write: bool = False) -> list[str]:
    """The examples that differ (as 'command: expected vs got'); with `write`, the README
    is rewritten with what they print."""
    text = README.read_text(encoding="utf-8")
    differences: list[str] = []
    pieces: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        clock = START
        position = 0
        for block in _BLOCK.finditer(text):
            for directive in _DIRECTIVE.finditer(text, position, block.start()):
                kind, value, content = directive.groups()
                if kind == "clock":
                    clock = value
                elif kind == "file":
                    (home / value).write_text(content or "", encoding="utf-8")
                else:
                    _run(value, home, clock)
            pieces.append(text[position : block.start(1)])
            pieces.append(_rerun(block.group(1), home, clock, differences))
            position = block.end(1)
        pieces.append(text[position:])
    if write:
        README.write_text("".join(pieces), encoding="utf-8")
    return differences


def _rerun(block: str, home: Path, clock: str, differences: list[str]) -> str:
    """The block as it prints now; differences with what it says are collected."""
    commands: list[tuple[str, list[str]]] = []
    for line in block.rstrip("\n").split("\n"):
        if line.startswith("$ "):
            commands.append((line[2:], []))
        elif commands:
            commands[-1][1].append(line)
    written = []
    for command, shown in commands:
        printed = _run(command, home, clock).split("\n")
        if shown and shown[-1] == "...":
            printed = [*printed[: len(shown) - 1], "..."]
        if printed != shown:
            differences.append(f"$ {command}\n--- README\n" + "\n".join(shown)
                               + "\n--- printed\n" + "\n".join(printed))  # fmt: skip
        written.append("\n".join([f"$ {command}", *printed]))
    return "\n".join(written) + "\n"


if __name__ == "__main__":
    found = run(write="--write" in sys.argv)
    print("\n\n".join(found) or "Every example prints what it shows.")
