"""Time is injected: only backplan.clock reads the machine's clock, and no test reads the
date at all, so the suite passes on any day (a date bomb is a bug class, not a test)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from backplan import clock
from tests.conftest import TEST_NOW

ROOT = Path(__file__).resolve().parent.parent
CLOCK = ROOT / "src" / "backplan" / "clock.py"

# Calls that read the wall clock or the date. `time.monotonic` measures a duration and
# is allowed in tests (a timeout); in backplan only the clock reads it.
WALL = {
    ("datetime", "now"), ("datetime", "today"), ("datetime", "utcnow"), ("date", "today"),
    ("time", "time"), ("time", "time_ns"), ("time", "localtime"), ("time", "gmtime"),
    ("time", "ctime"), ("time", "asctime"), ("time", "strftime"),
}  # fmt: skip
STEADY = {("time", "monotonic"), ("time", "monotonic_ns"), ("time", "perf_counter")}


def _reads(path: Path, forbidden: set[tuple[str, str]]) -> list[str]:
    """Each `owner.name(...)` call in a file that reads the time, as FILE:LINE. A call
    with arguments to strftime/localtime/gmtime formats a time it was given: allowed."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        owner = node.func.value
        name = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", "")
        call = (name, node.func.attr)
        given = call[1] in ("localtime", "gmtime", "ctime", "asctime") and node.args
        if call in forbidden and not given and not (call[1] == "strftime" and len(node.args) > 1):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {name}.{call[1]}()")
    return found


def _files(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


def test_only_the_clock_reads_the_time() -> None:
    reads = [r for p in _files("src") if p != CLOCK for r in _reads(p, WALL | STEADY)]
    assert reads == [], "read the time through backplan.clock:\n" + "\n".join(reads)


def test_no_test_reads_the_date() -> None:
    reads = [r for p in _files("tests") for r in _reads(p, WALL)]
    assert reads == [], "tests set BACKPLAN_NOW instead:\n" + "\n".join(reads)


def test_the_guard_finds_a_read(tmp_path: Path) -> None:
    sneaky = ROOT / "tests" / "_sneaky_clock_probe.py"
    sneaky.write_text(
        "import datetime, time\nx = datetime.datetime.now()\ny = time.time()\n"
        "z = time.strftime('%Y', time.localtime(0))\n",
        encoding="utf-8",
    )
    try:
        assert [r.split(": ")[1] for r in _reads(sneaky, WALL)] == [
            "datetime.now()",
            "time.time()",
        ]
    finally:
        sneaky.unlink()


def test_every_test_starts_on_the_injected_clock() -> None:
    assert clock.now().isoformat() == TEST_NOW


def test_the_machines_clock_is_read_only_without_an_injected_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("BACKPLAN_NOW", "2031-02-03T04:05:06+00:00")
    assert clock.now().year == 2031
