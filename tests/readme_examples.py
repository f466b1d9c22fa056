"""The examples of the README and of every docs/*.md page, run: each `$ backplan ...` line
of a console block, in order, in one fresh home a page, at 80 columns without colour, on
the clock the page sets.

    python -m tests.readme_examples                       # say which examples differ
    python -m tests.readme_examples --write               # print what they print into the pages
    python -m tests.readme_examples docs/faq.md --write   # one page

Hidden lines steer the run: `<!-- clock: 2026-11-24T18:00:00+00:00 -->` sets the
clock for what follows, `<!-- run: backplan ... -->` runs a command unseen, and
`<!-- file: NAME -->` writes the code block after it to NAME in the home; a command may
start with variables, `BACKPLAN_NOW=2026-11-23T18:30:00+00:00 backplan ...`. A block
whose last line is `...` is compared up to there. Each page starts on START in a home
holding the repository's docs/examples (so `docs/examples/strong.csv` reads as it does
from a clone); the shipped catalogue, installed or not, reads as
/path/to/backplan/data/exercises.yaml, and the home as ~.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
DOCS = ROOT / "docs"
START = "2026-11-24T18:00:00+00:00"  # a Tuesday evening
SHOWN_ROOT = "/path/to/backplan"
_DIRECTIVE = re.compile(r"<!-- (clock|run|file): (.+?) -->\n(?:```\w*\n(.*?)```)?", re.S)
_BLOCK = re.compile(r"```console\n(.*?)```", re.S)


def pages() -> list[Path]:
    """The README and every page of the docs site."""
    return [README, *sorted(DOCS.glob("*.md"))]


def _shipped() -> str:
    """Where the catalogue of the backplan these examples run is: in the repository for an
    editable install, in site-packages otherwise."""
    from backplan import paths

    return str(paths.shipped_catalogue())


def _run(command: str, home: Path, clock: str) -> str:
    words = shlex.split(command)
    said = {}  # `BACKPLAN_NOW=... backplan log ...`: the variables a line sets, as a shell does
    while words and "=" in words[0] and words[0] != "backplan":
        name, value = words.pop(0).split("=", 1)
        said[name] = value
    assert words[0] == "backplan", command
    env = {k: v for k, v in os.environ.items() if not k.startswith("BACKPLAN_")}
    env.update(BACKPLAN_HOME=str(home), BACKPLAN_NOW=clock, COLUMNS="80", NO_COLOR="1")
    env.update(said)
    env.pop("FORCE_COLOR", None)
    done = subprocess.run(
        [sys.executable, "-m", "backplan", *words[1:]],
        capture_output=True, text=True, env=env, cwd=home, timeout=60, check=False,
    )  # fmt: skip
    printed = (done.stdout + done.stderr).rstrip("\n")
    printed = printed.replace(_shipped(), f"{SHOWN_ROOT}/data/exercises.yaml")
    return printed.replace(str(ROOT), SHOWN_ROOT).replace(str(home), "~")


def run(write: bool = False, page: Path = README) -> list[str]:
    """The examples of `page` that differ (as 'command: expected vs got'); with `write`,
    the page is rewritten with what they print."""
    text = page.read_text(encoding="utf-8")
    differences: list[str] = []
    pieces: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        if (DOCS / "examples").is_dir():
            shutil.copytree(DOCS / "examples", home / "docs" / "examples")
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
        page.write_text("".join(pieces), encoding="utf-8")
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
            differences.append(f"$ {command}\n--- shown\n" + "\n".join(shown)
                               + "\n--- printed\n" + "\n".join(printed))  # fmt: skip
        written.append("\n".join([f"$ {command}", *printed]))
    return "\n".join(written) + "\n"


if __name__ == "__main__":
    named = [ROOT / word for word in sys.argv[1:] if not word.startswith("-")]
    found = []
    for each in named or pages():
        found += [f"{each.name}: {d}" for d in run(write="--write" in sys.argv, page=each)]
    print("\n\n".join(found) or "Every example prints what it shows.")
