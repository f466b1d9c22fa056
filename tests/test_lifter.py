"""The lifter's result: a simulated lifter who gets about 1 % stronger a week, trains at
the prescribed effort, misses now and then, has a bad day and a week off, follows a
block (6 weeks at 3 days; 8 at 4, where each day type comes round less often); every
main lift's load rises on each day type it is trained on, and no load goes down
(bench/lifter.py is the same model, with its report)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import itertools

from bench import lifter


@pytest.mark.parametrize(("weeks", "days", "seed"), [(6, 3, 1), (6, 3, 5), (8, 4, 2)])
def test_a_block_makes_the_simulated_lifter_stronger(weeks: int, days: int, seed: int) -> None:
    loads = lifter.follow(weeks=weeks, days=days, seed=seed)
    assert loads, "no main lift had a load"
    for lift, by_goal in loads.items():
        for goal, points in by_goal.items():
            weights = [kg for _, kg in points]
            assert weights[-1] > weights[0], (lift, goal, weights)
            assert all(b >= a for a, b in itertools.pairwise(weights)), (
                lift, goal, weights,
            )  # fmt: skip
