"""Simulated lifters follow a block (bench/lifter.py is the same model, with its report):
beginners gaining 0 % and 2 % a week, intermediates gaining 0 % and 1.2 %, over 8
weeks. Each claim of the bench is checked on them: loads rise for a lifter who gets
stronger, a beginner's by week 2; the 2 % beginner ends 10 % over the 0 % one; no load
is cut after a single bad day; the 0 % lifter settles within one increment of his real
working weight. Four runs, computed once for the module (CI time is short)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import lifter

RUNS = (("beginner", 0.0), ("beginner", 0.02), ("intermediate", 0.0), ("intermediate", 0.012))


@pytest.fixture(scope="module")
def claims() -> dict[str, lifter.Check]:
    runs = {key: lifter.follow(8, 3, 1, *key) for key in RUNS}
    assert all(runs.values()), "no main lift had a load"
    return {check.claim: check for check in lifter.checks(runs)}


@pytest.mark.parametrize(
    "claim",
    [
        "every main lift x day type rises for the 1.2 % and 2 % lifters",
        "the 2 % lifter's last strength-day load is 10 % over the 0 % lifter's",
        "a beginner's load rises by week 2",
        "no load is cut after a single bad day",
        "the 0 % lifter's last loads are within one increment of his real working weight",
    ],
)
def test_a_simulated_lifter(claims: dict[str, lifter.Check], claim: str) -> None:
    assert claims[claim].ok, claims[claim].detail


def test_the_checks_can_fail() -> None:
    """A lifter whose loads fell and never rose fails every claim that reads them."""
    down = [lifter.Point(w, 100.0 - w, 120.0, 2.5, True, w == 3, (5, 2)) for w in (1, 2, 3)]
    runs = {(level, g): {"row": {"strength": down}} for level in ("beginner",)
            for g in (0.0, 0.02)}  # fmt: skip
    found = {c.claim: c.ok for c in lifter.checks(runs)}
    assert not any(found.values()), found
