"""The report's training-max curves: the bodyweight of a session found among the
weigh-ins near it is the one `Bodyweights.on` finds among all of them."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from backplan.render.report.lifts import NearBody
from backplan.training.bodyweight import Bodyweights, WeighIn

START = date(2026, 1, 1)


@given(
    st.dictionaries(
        st.integers(0, 60), st.floats(50, 120).map(lambda w: round(w, 1)), min_size=1, max_size=30
    ),
    st.integers(-10, 70),
    st.sampled_from(["kg", "lb"]),
)
def test_the_bodyweight_near_a_day_is_the_one_of_the_whole_log(
    weights: dict[int, float], offset: int, unit: str
) -> None:
    body = Bodyweights(tuple(WeighIn(START + timedelta(days=d), w, "kg")
                             for d, w in sorted(weights.items(), reverse=True)))  # fmt: skip
    day = START + timedelta(days=offset)
    assert NearBody(body).on(day, unit) == body.on(day, unit)
