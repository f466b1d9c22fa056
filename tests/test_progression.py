"""The set parser and the progression rules, as properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backplan.errors import BackplanError
from backplan.training.loads import KG_PER_LB, STEP, Session, SetDone, convert, number
from backplan.training.progression import parse_set, suggest

units = st.sampled_from(["kg", "lb"])
reps = st.integers(min_value=1, max_value=100)
weights = st.integers(min_value=0, max_value=4000).map(lambda quarter: quarter / 4)  # 0-1000


@given(reps=reps, weight=weights, unit=units, default=units, spelled=st.booleans())
def test_a_written_set_reads_back(
    reps: int, weight: float, unit: str, default: str, spelled: bool
) -> None:
    if weight > {"kg": 1000, "lb": 2200}[unit]:
        return
    text = f"{reps}x{number(weight)}{unit if spelled else ''}"
    parsed = parse_set(text, unit if not spelled else default)
    assert parsed == SetDone(reps, weight, unit)


@given(reps=reps, unit=units)
def test_reps_alone_is_bodyweight(reps: int, unit: str) -> None:
    assert parse_set(str(reps), unit) == SetDone(reps, None, unit)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("8x60", SetDone(8, 60, "kg")),
        ("8X60", SetDone(8, 60, "kg")),
        ("8×62.5", SetDone(8, 62.5, "kg")),
        ("8x135lb", SetDone(8, 135, "lb")),
        ("8x135LBS", SetDone(8, 135, "lb")),
        ("8x60kg", SetDone(8, 60, "kg")),
        (" 12 ", SetDone(12, None, "kg")),
        ("5x0", SetDone(5, 0, "kg")),
        ("3x1000kg", SetDone(3, 1000, "kg")),
        ("3x2200lb", SetDone(3, 2200, "lb")),
    ],
)
def test_set_examples(text: str, expected: SetDone) -> None:
    assert parse_set(text, "kg") == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "x60",
        "8x",
        "0x60",
        "101x60",
        "8x-5",
        "-8",
        "8x1000.5kg",
        "8x2201lb",
        "8x60g",
        "eight",
        "8x60x2",
        "8 x 60 x",
        "8x1e3",
    ],
)
def test_bad_sets_are_refused(text: str) -> None:
    with pytest.raises(BackplanError) as caught:
        parse_set(text, "kg")
    assert caught.value.exit_code == 2


@given(st.text(max_size=20))
def test_any_text_parses_or_gives_our_error(text: str) -> None:
    try:
        parsed = parse_set(text, "kg")
    except BackplanError:
        return
    assert 1 <= parsed.reps <= 100
    assert parsed.weight is None or 0 <= parsed.weight <= 2200


def test_conversion() -> None:
    assert convert(100, "lb", "kg") == pytest.approx(100 * KG_PER_LB)
    assert convert(convert(80, "kg", "lb"), "lb", "kg") == pytest.approx(80)


sets_strategy = st.lists(
    st.builds(SetDone, reps=reps, weight=st.none() | weights, unit=units), min_size=1, max_size=6
)
sessions_strategy = st.lists(
    st.builds(
        lambda low, width, sets: Session(low, low + width, tuple(sets)),
        st.integers(min_value=1, max_value=15),
        st.integers(min_value=0, max_value=10),
        sets_strategy,
    ),
    min_size=1,
    max_size=3,
)


@given(sessions=sessions_strategy, unit=units)
def test_the_rules(sessions: list[Session], unit: str) -> None:
    load = suggest(sessions, unit)
    assert load is not None
    assert load.unit == unit
    last = sessions[0]
    heaviest = max(s.weight_in(unit) for s in last.sets)
    topped = [all(s.reps >= x.reps_max for s in x.sets) for x in sessions[:2]]
    short = sum(s.reps < last.reps_min for s in last.sets)
    tolerance = STEP[unit] / 2  # other units' weights are rounded to the step first
    if len(sessions) >= 2 and all(topped):
        assert load.change == "up"
        assert load.weight == pytest.approx(heaviest + STEP[unit], abs=tolerance)
    elif short * 2 > len(last.sets):
        assert load.change == "down"
        assert load.weight % STEP[unit] == pytest.approx(0, abs=1e-9)
        assert load.weight <= heaviest + tolerance
        assert load.weight == pytest.approx(heaviest * 0.9, abs=STEP[unit])
    else:
        assert load.change == "same"
        assert load.weight == pytest.approx(heaviest, abs=tolerance)
    assert load.reason


def test_never_logged_suggests_nothing() -> None:
    assert suggest([], "kg") is None


def test_two_for_two() -> None:
    top = Session(8, 12, (SetDone(12, 60, "kg"),) * 3)
    assert suggest([top], "kg").change == "same"  # type: ignore[union-attr]
    up = suggest([top, top], "kg")
    assert up is not None
    assert (up.weight, up.change) == (62.5, "up")
    one_short = Session(8, 12, (SetDone(12, 60, "kg"), SetDone(11, 60, "kg")))
    assert suggest([one_short, top], "kg").change == "same"  # type: ignore[union-attr]


def test_down_ten_percent_rounded_to_the_step() -> None:
    short = Session(8, 12, (SetDone(6, 100, "kg"), SetDone(5, 100, "kg"), SetDone(9, 100, "kg")))
    down = suggest([short], "kg")
    assert down is not None
    assert (down.weight, down.change) == (90, "down")
    in_pounds = suggest([Session(8, 12, (SetDone(5, 135, "lb"),))], "lb")
    assert in_pounds is not None
    assert (in_pounds.weight, in_pounds.change) == (120, "down")  # 121.5 to the 5 lb step


def test_mixed_units_are_converted() -> None:
    mixed = Session(8, 12, (SetDone(12, 60, "kg"), SetDone(12, 135, "lb")))
    load = suggest([mixed, mixed], "kg")
    assert load is not None
    assert load.weight == 62.5  # 135 lb = 61.2 kg, counted as 60 kg, plus one step
