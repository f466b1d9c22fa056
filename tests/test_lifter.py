"""The lifter's result: a simulated lifter who gets about 1 % stronger a week, trains at
the prescribed effort, misses now and then, has a bad day and a week off, follows a
6-week block; every main lift's load rises on each day type it is trained on, and no
load goes down (bench/lifter.py is the same model, with its report)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import itertools

from bench import lifter


@pytest.mark.parametrize(("days", "seed"), [(3, 1), (3, 5), (4, 2)])
def test_a_block_makes_the_simulated_lifter_stronger(days: int, seed: int) -> None:
    loads = lifter.follow(weeks=6, days=days, seed=seed)
    assert loads, "no main lift had a load"
    for lift, by_goal in loads.items():
        for goal, points in by_goal.items():
            weights = [kg for _, kg in points]
            assert weights[-1] > weights[0], (lift, goal, weights)
            assert all(b >= a for a, b in itertools.pairwise(weights)), (
                lift, goal, weights,
            )  # fmt: skip
