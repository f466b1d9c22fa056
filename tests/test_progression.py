"""The set syntax and double progression by load type, as properties and examples."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backplan import catalogue, paths
from backplan.catalogue.model import Dose, Goal
from backplan.errors import BackplanError
from backplan.training.loads import (
    EMPTY_BAR,
    INCREMENTS,
    KG_PER_LB,
    Session,
    SetDone,
    convert,
    increment,
    number,
)
from backplan.training.progression import Target, e1rm, suggest
from backplan.training.reading import Context, read

SHIPPED = catalogue.load(paths.shipped_catalogue())
units = st.sampled_from(["kg", "lb"])
reps = st.integers(min_value=1, max_value=30)
weights = st.integers(min_value=0, max_value=4000).map(lambda quarter: quarter / 4)  # 0-1000


def parse_sets(text: str, unit: str) -> list[SetDone]:
    """As `log` reads them: a bare amount at bodyweight, a weight as a loaded lift's (whose
    range is wide enough that no set is in doubt), in the dose it is written in."""
    from backplan.catalogue.model import LoadKind
    from backplan.training.sets import parse

    typed = parse(text)
    bare = all(t.weight is None for t in typed)
    kind = LoadKind.BODYWEIGHT if bare else LoadKind.EXTERNAL
    return read(text, Context("Lift", typed[0].dose, kind, 1, 100, unit))


def parse_set(text: str, unit: str) -> SetDone:
    (parsed,) = parse_sets(text, unit)
    return parsed


# --- the set syntax ----------------------------------------------------------------------


@given(reps=reps, weight=weights, unit=units, default=units, spelled=st.booleans())
def test_a_written_set_reads_back(
    reps: int, weight: float, unit: str, default: str, spelled: bool
) -> None:
    if weight > {"kg": 1000, "lb": 2200}[unit]:
        return
    text = f"{reps}x{number(weight)}{unit if spelled else ''}"
    assert parse_set(text, unit if not spelled else default) == SetDone(reps, weight or None, unit)


@given(reps=st.integers(min_value=1, max_value=100), unit=units)
def test_reps_alone_is_bodyweight(reps: int, unit: str) -> None:
    assert parse_set(str(reps), unit) == SetDone(reps, None, unit)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("8x60", [SetDone(8, 60, "kg")]),
        ("8X60", [SetDone(8, 60, "kg")]),
        ("8×62.5", [SetDone(8, 62.5, "kg")]),
        ("8 x 60", [SetDone(8, 60, "kg")]),
        ("8x135lb", [SetDone(8, 135, "lb")]),
        ("8x135LBS", [SetDone(8, 135, "lb")]),
        (" 12 ", [SetDone(12, None, "kg")]),
        ("5x0", [SetDone(5, None, "kg")]),
        ("3x1000kg", [SetDone(3, 1000, "kg")]),
        ("30s", [SetDone(30, None, "kg", Dose.SECONDS)]),
        ("45 sec", [SetDone(45, None, "kg", Dose.SECONDS)]),
        ("40m", [SetDone(40, None, "kg", Dose.METRES)]),
        ("3x8x60", [SetDone(8, 60, "kg")] * 3),
        ("8x60@8", [SetDone(8, 60, "kg", rir=2)]),
        ("8x60 @ 9.5", [SetDone(8, 60, "kg", rir=0.5)]),
        ("8x60@2rir", [SetDone(8, 60, "kg", rir=2)]),
        ("10@10", [SetDone(10, None, "kg", rir=0)]),
        ("40x20kg", [SetDone(40, 20, "kg")]),  # the unit says it is meant
    ],
)
def test_set_examples(text: str, expected: list[SetDone]) -> None:
    assert parse_sets(text, "kg") == expected


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("8*60", "use x between reps and weight (8x60)"),
        ("60x8", "reads as 60 reps at 8 kg. For 8 reps at 60 kg write 8x60"),
        ("8x", "the weight after the x is missing"),
        ("8x60@11", "an RPE goes from 1 to 10"),
        ("8x60@12rir", "reps in reserve go from 0 to 10"),
        ("8x60@hard", "after @ comes an RPE"),
        ("x60", "a number is missing"),
        ("0x60", "reps must be 1 to 100"),
        ("101x60", "reps must be 1 to 100"),
        ("8x2201lb", "more than anyone lifts"),
        ("8x60g", "is not a weight"),
        ("eight", "is not a whole number"),
        ("8x60x2x1", "too many x's"),
        ("30x8x60", "sets must be 1 to 20"),
        ("0s", "seconds must be 1 to 3,600"),
        ("", "it is empty"),
    ],
)
def test_near_misses_get_a_clear_reason(text: str, fragment: str) -> None:
    with pytest.raises(BackplanError) as caught:
        parse_sets(text, "kg")
    assert caught.value.exit_code == 2
    assert fragment in caught.value.message


@given(st.text(max_size=20))
def test_any_text_parses_or_gives_our_error(text: str) -> None:
    try:
        parsed = parse_sets(text, "kg")
    except BackplanError:
        return
    for s in parsed:
        assert 1 <= s.reps <= 10_000
        assert s.weight is None or 0 <= s.weight <= 2200
        assert s.rir is None or 0 <= s.rir <= 10


def test_conversion() -> None:
    assert convert(100, "lb", "kg") == pytest.approx(100 * KG_PER_LB)
    assert convert(convert(80, "kg", "lb"), "lb", "kg") == pytest.approx(80)


# --- double progression --------------------------------------------------------------------


def sessions_of(low: int, high: int, *logged: list[SetDone]) -> list[Session]:
    return [Session(low, high, tuple(sets)) for sets in logged]


def sets(count: int, reps: int, weight: float | None, unit: str = "kg") -> list[SetDone]:
    return [SetDone(reps, weight, unit)] * count


def test_never_logged_suggests_nothing() -> None:
    assert suggest([], SHIPPED.by_id["pull-up"], "kg") is None


def test_a_goal_change_goes_through_the_one_rep_max() -> None:
    """Issue case: 4 × 6 × 100 kg rows twice, then an endurance plan (12-20)."""
    row = SHIPPED.by_id["barbell-bent-over-row"]
    logged = sessions_of(3, 6, sets(4, 6, 100), sets(4, 6, 100))
    load = suggest(logged, row, "kg", Target(12, 20, Goal.ENDURANCE, rir_max=3))
    assert load is not None
    assert (load.weight, load.change) == (80, "down")
    assert load.reason == "from 4×6×100 kg, ≈ e1RM 120 kg → 12–20 reps: 80 kg"


def test_a_pull_up_progresses_by_reps_then_the_harder_variant() -> None:
    pull_up = SHIPPED.by_id["pull-up"]
    topped = sessions_of(6, 12, sets(3, 12, None), sets(3, 12, None))
    load = suggest(topped, pull_up, "kg", Target(6, 12, Goal.HYPERTROPHY))
    assert load is not None
    assert (load.weight, load.variant, load.change) == (None, "weighted-pull-up", "up")
    belt = suggest(topped, pull_up, "kg", Target(6, 12, Goal.STRENGTH))
    assert belt is not None
    assert (belt.weight, belt.change) == (1.25, "up")
    assert "belt" in belt.reason
    going = suggest(sessions_of(6, 12, sets(3, 9, None)), pull_up, "kg")
    assert going is not None
    assert (going.weight, going.reps, going.change) == (None, 10, "same")
    assert str(going) == "10 reps"


def test_a_struggling_pull_up_goes_to_the_easier_variant_not_kilograms() -> None:
    pull_up = SHIPPED.by_id["pull-up"]
    logged = sessions_of(6, 12, [SetDone(r, None, "kg") for r in (3, 2, 2, 1)])
    load = suggest(logged, pull_up, "kg")
    assert load is not None
    assert (load.weight, load.variant, load.change) == (None, "negative-pull-up", "down")


def test_a_band_gets_a_stronger_band_not_kilograms() -> None:
    band_row = SHIPPED.by_id["band-row"]
    topped = sessions_of(10, 15, sets(3, 15, 10), sets(3, 15, 10))
    load = suggest(topped, band_row, "kg")
    assert load is not None
    assert (load.weight, load.change) == (None, "up")
    assert "a stronger band" in load.reason


def test_a_small_load_progresses_by_reps_first() -> None:
    """Issue case: a 2.5 kg step takes a reverse fly from 5 to 7.5 kg (+50 %)."""
    fly = SHIPPED.by_id["dumbbell-reverse-fly"]
    topped = sessions_of(12, 20, sets(3, 20, 5), sets(3, 20, 5))
    load = suggest(topped, fly, "kg")
    assert load is not None
    assert (load.weight, load.reps, load.change) == (5, 22, "same")
    assert "over 10 %" in load.reason
    earned = sessions_of(12, 20, sets(3, 22, 5), sets(3, 22, 5))
    up = suggest(earned, fly, "kg")
    assert up is not None
    assert (up.weight, up.change) == (7, "up")  # one 2 kg dumbbell step, after the reps


def test_a_heavy_deadlift_goes_up_by_a_share() -> None:
    """Issue case: a fixed 2.5 kg step is 1.4 % of a 180 kg deadlift."""
    deadlift = SHIPPED.by_id["conventional-deadlift"]
    topped = sessions_of(3, 6, sets(4, 6, 180), sets(4, 6, 180))
    load = suggest(topped, deadlift, "kg")
    assert load is not None
    assert (load.weight, load.change) == (190, "up")  # 5 % of 180 = 9, to the 2.5 kg step
    assert load.reason == "+10 kg: every set hit 6 twice"


def test_assisted_goes_down_as_you_get_stronger() -> None:
    machine = SHIPPED.by_id["assisted-pull-up-machine"]
    topped = sessions_of(6, 12, sets(3, 12, 30), sets(3, 12, 30))
    load = suggest(topped, machine, "kg")
    assert load is not None
    assert load.change == "up"
    assert load.weight is not None
    assert load.weight < 30


def test_holds_and_carries_go_up_five() -> None:
    plank = SHIPPED.by_id["side-plank"]
    held = [SetDone(45, None, "kg", Dose.SECONDS)] * 3
    load = suggest(sessions_of(20, 45, held, held), plank, "kg")
    assert load is not None
    assert (load.reps, load.change, str(load)) == (50, "up", "50 s ↑")


def test_rpe_ten_at_the_top_holds_the_load() -> None:
    row = SHIPPED.by_id["barbell-bent-over-row"]
    grinding = [SetDone(12, 60, "kg"), SetDone(12, 60, "kg", rir=0)]
    load = suggest(sessions_of(6, 12, grinding, sets(2, 12, 60)), row, "kg")
    assert load is not None
    assert (load.weight, load.change) == (60, "same")
    assert "RPE 10" in load.reason


def test_mixed_units_are_converted() -> None:
    row = SHIPPED.by_id["barbell-bent-over-row"]
    mixed = [SetDone(12, 60, "kg"), SetDone(12, 135, "lb")]
    load = suggest(sessions_of(8, 12, mixed, mixed), row, "kg")
    assert load is not None
    assert load.weight == 62.5  # 135 lb = 61.2 kg, counted as 60 kg, plus one step


def test_config_steps_change_the_increment() -> None:
    assert increment(("dumbbell", "bench"), "kg", {}) == 2.0
    assert increment(("dumbbell",), "kg", {"dumbbell": 1.0}) == 1.0
    assert increment(("kettlebell",), "lb", {}) == 10.0
    assert increment(("pull-up-bar",), "kg", {}) == 2.5


external = [e for e in SHIPPED.exercises if e.load_kind.value == "external" and e.dose is Dose.REPS]


@given(
    exercise=st.sampled_from(external),
    weight=st.integers(min_value=1, max_value=400).map(lambda w: w * 2.5),
    unit=units,
    top=st.booleans(),
)
def test_an_external_load_steps_by_its_increment_within_ten_percent(
    exercise: catalogue.Exercise, weight: float, unit: str, top: bool
) -> None:
    low, high = 6, 12
    done = sets(3, high if top else low, weight, unit)
    load = suggest(sessions_of(low, high, done, done), exercise, unit)
    assert load is not None
    assert load.weight is not None
    step = increment(exercise.equipment, unit, {})
    assert load.weight >= 0
    if "barbell" in exercise.equipment and load.change == "down":
        assert load.weight >= EMPTY_BAR[unit]
    if load.change == "up":
        jump = load.weight - weight
        assert jump == pytest.approx(round(jump / step) * step)  # a multiple of the step
        assert jump <= max(step, weight * 0.10) + 1e-9
        assert jump >= min(step, weight * 0.02) - 1e-9
    elif top:
        assert load.reps == high + 2  # one increment is too big a jump: reps first


@given(
    exercise=st.sampled_from(external),
    weight=st.integers(min_value=8, max_value=200).map(lambda w: w * 2.5),
    done_reps=st.integers(min_value=1, max_value=12),
    goal=st.sampled_from(list(Goal)),
    new_low=st.integers(min_value=3, max_value=20),
)
def test_a_new_range_converts_in_the_right_direction(
    exercise: catalogue.Exercise, weight: float, done_reps: int, goal: Goal, new_low: int
) -> None:
    done = sets(3, done_reps, weight)
    target = Target(new_low, new_low + 4, goal, rir_max=2)
    load = suggest(sessions_of(done_reps, done_reps + 2, done), exercise, "kg", target)
    assert load is not None
    assert load.weight is not None
    best = e1rm(done[0], "kg")
    floor = EMPTY_BAR["kg"] if "barbell" in exercise.equipment else 0.0
    ideal = max(floor, best / (1 + (new_low + 2) / 30))
    step = increment(exercise.equipment, "kg", {})
    assert abs(load.weight - ideal) <= step / 2 + 1e-9  # Epley, rounded to the increment
    if new_low + 2 > done_reps:
        assert load.weight <= max(weight, floor)  # more reps: no heavier
    if new_low + 2 < done_reps:
        assert load.weight >= weight - step / 2  # fewer reps: no lighter


def test_every_increment_is_listed_in_both_units() -> None:
    assert all(len(pair) == 2 and pair[0] < pair[1] for pair in INCREMENTS.values())
