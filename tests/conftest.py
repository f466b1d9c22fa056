"""Every test runs with its own BACKPLAN_HOME, its own clock, 80 columns and no colour."""

from __future__ import annotations

import inspect
import os
from pathlib import Path

# rich fixes a console's width from COLUMNS when the console is made: backplan's consoles
# are made here, with no COLUMNS, so each follows the COLUMNS its test sets (under xdist a
# worker would otherwise freeze the first test's width for all the others).
for _name in ("COLUMNS", "LINES"):
    os.environ.pop(_name, None)
import pytest  # noqa: E402
from hypothesis import HealthCheck, settings  # noqa: E402

import backplan.render.console  # noqa: E402, F401

# Derandomized in CI so a run is repeatable; random locally to keep finding new cases.
settings.register_profile(
    "ci", derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", deadline=None)
# HYPOTHESIS_PROFILE=thorough (or pytest --thorough) for a long hunt before a release.
settings.register_profile("thorough", deadline=None, max_examples=2000)

# The clock every test starts on: a Tuesday evening. A test that cares about the day sets
# its own; none reads the machine's clock, so the suite passes on any date.
TEST_NOW = "2026-11-24T18:00:00+00:00"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--thorough",
        action="store_true",
        help="run the long walks (marked thorough) and hypothesis's thorough profile",
    )


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("--thorough"):
        os.environ["HYPOTHESIS_PROFILE"] = "thorough"
    settings.load_profile(
        os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    skip = pytest.mark.skip(reason="a long walk: run with --thorough")
    for item in items:
        if "thorough" in item.keywords and not config.getoption("--thorough"):
            item.add_marker(skip)
        # Tests that drive a real pseudo-terminal share one xdist worker (--dist
        # loadgroup), so two of them never fight for the same core's timing.
        if _drives_a_terminal(item):
            item.add_marker(pytest.mark.xdist_group("pty"))


def _drives_a_terminal(item: pytest.Item) -> bool:
    """Whether a test makes a Terminal, itself or through a helper of its module."""
    function = getattr(item, "function", None)
    module = getattr(item, "module", None)
    if function is None or module is None:
        return False
    makers = _terminal_makers(module)
    try:
        source = inspect.getsource(function)
    except (OSError, TypeError):
        return False
    return any(f"{name}(" in source for name in makers)


_MAKERS: dict[str, set[str]] = {}


def _terminal_makers(module: object) -> set[str]:
    name = getattr(module, "__name__", "")
    if name not in _MAKERS:
        makers = {"Terminal"}
        for attribute, value in vars(module).items():
            if inspect.isfunction(value) and value.__module__ == name:
                try:
                    if "Terminal(" in inspect.getsource(value):
                        makers.add(attribute)
                except (OSError, TypeError):
                    pass
        _MAKERS[name] = makers
    return _MAKERS[name]


@pytest.fixture(autouse=True)
def backplan_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("BACKPLAN_HOME", str(home))
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("BACKPLAN_NOW", TEST_NOW)
    monkeypatch.delenv("BACKPLAN_CATALOG", raising=False)
    monkeypatch.delenv("BACKPLAN_CLOCK_RATE", raising=False)
    return home
