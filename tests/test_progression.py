"""The set syntax and double progression by load type, as properties and examples."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backplan import catalogue, paths
from backplan.catalogue.model import Dose, Goal, Level
from backplan.errors import BackplanError
from backplan.training.external import Target
from backplan.training.loads import (
    EMPTY_BAR,
    INCREMENTS,
    KG_PER_LB,
    Session,
    SetDone,
    convert,
    floor_to,
    increment,
    number,
)
from backplan.training.progression import suggest
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


def sessions_of(
    low: int, high: int, *logged: list[SetDone], rir: int | None = None
) -> list[Session]:
    """Sessions of the range, newest first, prescribed at `rir` (None: no effort asked)."""
    return [Session(low, high, tuple(sets), rir) for sets in logged]


def sets(
    count: int, reps: int, weight: float | None, unit: str = "kg", rir: float | None = None
) -> list[SetDone]:
    return [SetDone(reps, weight, unit, rir=rir)] * count


def test_never_logged_suggests_nothing() -> None:
    assert suggest([], SHIPPED.by_id["pull-up"], "kg") is None


def test_a_pull_up_progresses_by_reps_then_the_harder_variant() -> None:
    pull_up = SHIPPED.by_id["pull-up"]
    topped = sessions_of(6, 12, sets(3, 12, None), sets(3, 12, None))
    load = suggest(topped, pull_up, "kg", Target(6, 12, Goal.HYPERTROPHY))
    assert load is not None
    assert (load.weight, load.variant, load.change) == (None, "weighted-pull-up", "up")
    belt = suggest(topped, pull_up, "kg", Target(6, 12, Goal.STRENGTH))
    assert belt is not None
    assert (belt.weight, belt.change) == (2.5, "up")
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


def test_config_steps_change_the_increment() -> None:
    assert increment(("dumbbell", "bench"), "kg", {}) == 2.0
    assert increment(("dumbbell",), "kg", {"dumbbell": 1.0}) == 1.0
    assert increment(("kettlebell",), "lb", {}) == 10.0
    assert increment(("pull-up-bar",), "kg", {}) == 2.5


external = [e for e in SHIPPED.exercises if e.load_kind.value == "external" and e.dose is Dose.REPS]


def test_every_increment_is_listed_in_both_units() -> None:
    assert all(len(pair) == 2 and pair[0] < pair[1] for pair in INCREMENTS.values())


# --- progression v3: loads that follow the training max ----------------------------------


def test_a_goal_change_goes_through_the_training_max() -> None:
    """4 × 6 × 100 kg rows on strength days, then an endurance plan (12-20 at 3 RIR)."""
    row = SHIPPED.by_id["barbell-bent-over-row"]
    logged = sessions_of(3, 6, sets(4, 6, 100), sets(4, 6, 100))
    load = suggest(logged, row, "kg", Target(12, 20, Goal.ENDURANCE, rir_max=3))
    assert load is not None
    assert (load.weight, load.change) == (72.5, "down")
    assert load.reason == "e1RM 120 kg (6×100 kg, 0 RIR) → 16 reps at 3 RIR = 73.5 kg: 72.5 kg"


def test_a_small_load_climbs_by_reps_then_by_load() -> None:
    """A 2 kg dumbbell step is 40 % of a 5 kg reverse fly: reps first, then the load."""
    fly = SHIPPED.by_id["dumbbell-reverse-fly"]
    going = suggest(sessions_of(12, 20, sets(3, 15, 5)), fly, "kg")
    assert going is not None
    assert (going.weight, going.reps, going.change) == (5, 16, "same")
    assert "over 10 %" in going.reason
    topped = suggest(sessions_of(12, 20, sets(3, 20, 5)), fly, "kg")
    assert topped is not None
    assert (topped.weight, topped.change) == (7, "up")


def test_a_heavy_deadlift_goes_where_the_training_max_says_and_the_sum_is_shown() -> None:
    deadlift = SHIPPED.by_id["conventional-deadlift"]
    strong = sessions_of(3, 6, sets(4, 6, 180, rir=2), sets(4, 6, 180, rir=2))
    load = suggest(strong, deadlift, "kg", Target(3, 6, Goal.STRENGTH, rir_max=2))
    assert load is not None
    assert (load.weight, load.change) == (182.5, "up")
    # 228 / (1 + 7/30) = 184.9: the load shown is that sum on the plates.
    assert load.reason == "e1RM 228 kg (6×180 kg, 2 RIR) → 5 reps at 2 RIR = 184.9 kg: 182.5 kg"


def test_a_load_far_below_the_max_rises_ten_percent_and_says_the_cap() -> None:
    """10 reps at 4 in reserve (RPE 6) on a 3-6 range: e1RM 146.7, 118.9 for 5 at 2 RIR."""
    deadlift = SHIPPED.by_id["conventional-deadlift"]
    easy = sessions_of(3, 6, sets(3, 10, 100, rir=4))
    load = suggest(easy, deadlift, "kg", Target(3, 6, Goal.STRENGTH, rir_max=2))
    assert load is not None
    assert (load.weight, load.change) == (110, "up")
    assert load.reason.endswith("= 118.9 kg: 117.5 kg, at most +10 % a session: 110 kg")


def test_the_top_of_a_light_range_never_lowers_the_training_max() -> None:
    """A heavy day says e1RM 172; 6 × 120 at 4 RIR on a hypertrophy day says 160."""
    row = SHIPPED.by_id["barbell-bent-over-row"]
    heavy = Session(3, 6, tuple(sets(3, 5, 140, rir=2)), rir=2)  # e1RM 172.7
    topped = Session(3, 6, tuple(sets(3, 6, 120, rir=4)), rir=2)  # e1RM 160
    load = suggest([topped, heavy], row, "kg", Target(3, 6, Goal.STRENGTH, rir_max=2))
    assert load is not None
    assert load.reason.startswith("e1RM 172.7 kg (5×140 kg, 2 RIR)")


def test_a_single_at_455_lb_does_not_become_fives_at_455_lb() -> None:
    deadlift = SHIPPED.by_id["conventional-deadlift"]
    before = Session(3, 5, tuple(sets(3, 5, 405, "lb", rir=2)), rir=2)  # e1RM 499.5
    single = Session(3, 5, (SetDone(1, 455, "lb"),), rir=2)  # e1RM 500.5
    load = suggest([single, before], deadlift, "lb", Target(3, 5, Goal.STRENGTH, rir_max=2))
    assert load is not None
    assert load.weight is not None
    assert load.weight < 455
    assert load.change == "down"
    assert load.reason.startswith("short at 455 lb: e1RM 500.5 lb (1×455 lb, 2 RIR)")
    assert load.reason.endswith("→ 4 reps at 2 RIR = 417.1 lb: 415 lb")


def test_one_short_session_repeats_the_load_and_two_lower_it() -> None:
    deadlift = SHIPPED.by_id["conventional-deadlift"]
    good, bad = sets(3, 5, 180, rir=2), sets(3, 2, 180)
    aim = Target(3, 6, Goal.STRENGTH, rir_max=2)
    once = suggest(sessions_of(3, 6, bad, good), deadlift, "kg", aim)
    assert once is not None
    assert (once.weight, once.change) == (180, "same")
    twice = suggest(sessions_of(3, 6, bad, bad, good), deadlift, "kg", aim)
    assert twice is not None
    assert twice.change == "down"
    assert twice.weight is not None
    assert 162 <= twice.weight < 180  # never more than 10 % off


def test_a_beginner_adds_the_increment_every_session_until_two_misses() -> None:
    deadlift = SHIPPED.by_id["conventional-deadlift"]
    row = SHIPPED.by_id["barbell-bent-over-row"]
    aim = Target(8, 12, Goal.HYPERTROPHY, rir_max=3, level=Level.BEGINNER)
    met = sessions_of(8, 12, sets(3, 10, 80, rir=3), rir=3)
    hinge = suggest(met, deadlift, "kg", aim)
    pull = suggest(sessions_of(8, 12, sets(3, 10, 60, rir=3), rir=3), row, "kg", aim)
    assert hinge is not None
    assert pull is not None
    assert (hinge.weight, hinge.change) == (85, "up")  # 5 kg on a hinge
    assert (pull.weight, pull.change) == (62.5, "up")  # the bar's 2.5 kg on a pull
    assert "linear progression" in hinge.reason
    lb = suggest(sessions_of(8, 12, sets(3, 10, 185, "lb", rir=3), rir=3), deadlift, "lb", aim)
    assert lb is not None
    assert lb.weight == 195
    missed = sessions_of(8, 12, sets(3, 7, 85, rir=3), sets(3, 10, 80, rir=3), rir=3)
    again = suggest(missed, deadlift, "kg", aim)
    assert again is not None
    assert (again.weight, again.change) == (85, "same")
    twice = sessions_of(8, 12, sets(3, 10, 85, rir=3), sets(3, 9, 85, rir=3),
                        sets(3, 8, 85, rir=3), rir=3)  # fmt: skip
    intermediate = suggest(twice[1:], deadlift, "kg", replace(aim, level=None))
    after = suggest(twice[1:], deadlift, "kg", aim)
    assert after == intermediate  # two misses in a row: double progression from here


def test_two_sessions_under_target_lower_the_max_and_a_third_is_a_stall() -> None:
    row = SHIPPED.by_id["barbell-bent-over-row"]
    good = sets(3, 9, 100, rir=2)  # e1RM 136.7: 9 reps at 2 RIR is 100
    under = sets(3, 7, 100, rir=2)  # 7 at 2 RIR: e1RM 130, 95 kg for 9
    aim = Target(6, 12, Goal.HYPERTROPHY, rir_max=2)
    one = suggest(sessions_of(6, 12, under, good, rir=2), row, "kg", aim)
    assert one is not None
    assert (one.weight, one.change) == (100, "same")  # a bad day: the same again
    two = suggest(sessions_of(6, 12, under, under, good, rir=2), row, "kg", aim)
    assert two is not None
    assert (two.weight, two.change) == (95, "down")
    assert two.reason.startswith("two sessions under the target: e1RM 130 kg")
    lighter = sets(3, 8, 95, rir=2)  # e1RM 123.5: under 9 again, not a rise
    three = suggest([Session(6, 12, tuple(lighter), 2),
                     *sessions_of(6, 12, under, under, good, rir=2)], row, "kg", aim)  # fmt: skip
    assert three is not None
    assert three.change == "down"
    assert three.reason.startswith("stalled, no rise in 3 sessions: e1RM 117 kg")
    assert "10 % off after a stall" in three.reason
    assert three.weight == 87.5  # 117 / (1 + 11/30) is 85.6, but never 10 % under 95 kg


def test_a_deload_keeps_the_load_earned() -> None:
    row = SHIPPED.by_id["barbell-bent-over-row"]
    earned = sessions_of(6, 12, sets(3, 11, 60, rir=2), sets(3, 11, 60, rir=2))
    up = suggest(earned, row, "kg", Target(6, 12, Goal.HYPERTROPHY, rir_max=2))
    held = suggest(earned, row, "kg", Target(6, 12, Goal.HYPERTROPHY, rir_max=2), hold=True)
    assert up is not None
    assert held is not None
    assert up.change == "up"
    assert (held.weight, held.change) == (60, "same")


def test_an_undulating_block_shares_one_training_max() -> None:
    """A strength day that goes up moves the hypertrophy day too."""
    row = SHIPPED.by_id["barbell-bent-over-row"]
    hypertrophy = Session(6, 12, tuple(sets(3, 9, 70)), rir=2)
    strong = Session(3, 6, tuple(sets(4, 6, 90)), rir=2)  # 6 at 2 RIR: e1RM 114
    aim = Target(6, 12, Goal.HYPERTROPHY, rir_max=2)
    load = suggest([strong, hypertrophy], row, "kg", aim)
    assert load is not None
    assert (load.weight, load.change) == (75, "up")  # the strength day raised it, 10 % at most
    assert load.reason.endswith("= 83.4 kg: 82.5 kg, at most +10 % a session: 75 kg")


def test_imported_sessions_never_cut_a_load() -> None:
    """Imported 5-rep deadlifts, labelled hypertrophy, are not misses."""
    deadlift = SHIPPED.by_id["conventional-deadlift"]
    imported = [Session(6, 12, tuple(sets(3, 5, 180)), imported=True)] * 2
    load = suggest(imported, deadlift, "kg", Target(6, 12, Goal.HYPERTROPHY, rir_max=2))
    assert load is not None
    assert load.change != "down" or load.weight is not None
    assert load.weight is not None
    assert load.weight >= 180 * 0.9


def test_mixed_units_are_converted() -> None:
    row = SHIPPED.by_id["barbell-bent-over-row"]
    mixed = [SetDone(12, 60, "kg"), SetDone(12, 135, "lb")]
    load = suggest(sessions_of(8, 12, mixed, mixed), row, "kg")
    assert load is not None
    assert load.weight is not None
    assert load.weight % 2.5 == 0  # a loadable kg weight, from 135 lb = 61.2 kg
    assert 60 <= load.weight <= 63.75


external = [e for e in SHIPPED.exercises if e.load_kind.value == "external" and e.dose is Dose.REPS]
ranges = st.sampled_from([(3, 6, 2), (6, 12, 2), (8, 12, 1), (12, 20, 3)])


@given(
    exercise=st.sampled_from(external),
    steps=st.integers(min_value=4, max_value=200),
    unit=units,
    done=st.lists(st.tuples(st.integers(1, 20), st.none() | st.integers(0, 5)), min_size=1,
                  max_size=4),
    shape=ranges,
)  # fmt: skip
def test_a_suggestion_is_loadable_within_ten_percent_and_its_reason_adds_up(
    exercise: catalogue.Exercise,
    steps: int,
    unit: str,
    done: list[tuple[int, int | None]],
    shape: tuple[int, int, int],
) -> None:
    low, high, rir = shape
    weight = steps * increment(exercise.equipment, unit, {})  # a load on the increment
    logged = [Session(low, high, (SetDone(r, weight, unit, rir=left),) * 3, rir)
              for r, left in done]  # fmt: skip
    load = suggest(logged, exercise, unit, Target(low, high, Goal.HYPERTROPHY, rir_max=rir))
    assert load is not None
    assert load.weight is not None
    step = increment(exercise.equipment, unit, {})
    assert load.weight == pytest.approx(round(load.weight / step) * step)  # on the increment
    floor = EMPTY_BAR[unit] if "barbell" in exercise.equipment else 0.0
    assert load.weight <= max(weight * 1.1, weight + step, floor) + 1e-9
    assert load.weight >= min(weight, max(floor, weight * 0.9 - step)) - 1e-9
    target = (low + high + 1) // 2
    met = any(target <= r <= 12 and (rir if left is None else left) >= rir for r, left in done)
    # A miss: under the target counting reps and reps in reserve together (Helms 2016).
    twice_short = len(done) >= 2 and all(
        r + (rir if left is None else left) < target + rir for r, left in done[:2]
    )
    stall = any(all(r < target for r, _ in done[i : i + 3]) for i in range(len(done) - 2))
    if met and not twice_short and not stall:
        assert load.weight >= weight - 1e-9  # a load once met is not cut for one bad day
    if step <= weight * 0.1:  # by the training max: the reason's sum is the load shown
        _adds_up(load.reason, load.weight, step)


SUM = re.compile(
    r"e1RM ([\d.]+) (?:kg|lb) .*→ (\d+) reps at ([\d.]+) RIR(?: = ([\d.]+) (?:kg|lb))?: "
    r"([\d.]+) (?:kg|lb)"
)


def _adds_up(reason: str, shown: float, step: float) -> None:
    """'e1RM E → N reps at R RIR = X: Y': X is E / (1 + (N + R) / 30), Y is X on the
    increment, and the last figure is the load shown; another load than Y says why."""
    found = SUM.search(reason)
    assert found is not None, reason
    e1rm, reps, rir, exact, rounded = found.groups()
    worked = float(e1rm) / (1 + (int(reps) + float(rir)) / 30)
    if exact is not None:
        assert abs(worked - float(exact)) <= 0.1, reason
    near = {floor_to(worked + d, step) for d in (-0.05, 0, 0.05)}
    assert float(rounded) in near or float(rounded) == EMPTY_BAR["kg"] or "bar" in reason, reason
    figures = re.findall(r"(\d+(?:\.\d+)?) (?:kg|lb)", reason)
    assert float(figures[-1]) == shown, reason
    if shown != float(rounded):
        assert any(w in reason for w in ("at most +10 %", "beat the target", "again", "short",
                                        "under the target", "build back")), reason  # fmt: skip


@given(
    exercise=st.sampled_from(external),
    weight=st.integers(min_value=16, max_value=300).map(lambda w: w * 2.5),
    shape=ranges,
    more=st.sampled_from(["reps", "rir"]),
)
def test_the_prescription_keeps_the_load_and_more_raises_it_within_two_sessions(
    exercise: catalogue.Exercise, weight: float, shape: tuple[int, int, int], more: str
) -> None:
    low, high, rir = shape
    target = (low + high + 1) // 2
    step = increment(exercise.equipment, "kg", {})
    if step > weight * 0.10:
        return  # reps first: its own test
    aim = Target(low, high, Goal.HYPERTROPHY, rir_max=rir)
    exact = Session(low, high, (SetDone(target, weight, "kg", rir=rir),) * 3, rir)
    kept = suggest([exact, exact], exercise, "kg", aim)
    assert kept is not None
    assert kept.weight == weight
    better = SetDone(target + 1, weight, "kg", rir=rir) if more == "reps" else SetDone(
        target, weight, "kg", rir=rir + 1
    )  # fmt: skip
    beaten = Session(low, high, (better,) * 3, rir)
    raised = suggest([beaten, beaten], exercise, "kg", aim)
    assert raised is not None
    assert raised.weight is not None
    assert raised.weight > weight


# --- first loads from a relative -----------------------------------------------------------


def _first(relative: str, lift: str, logged: list[SetDone], kin: str, aim: Target) -> float:
    from backplan.training.relatives import first_load

    other, exercise = SHIPPED.by_id[relative], SHIPPED.by_id[lift]
    session = Session(aim.reps_min, aim.reps_max, tuple(logged), aim.rir_max)
    step = increment(exercise.equipment, "kg", {})
    load = first_load((other, kin, [session]), exercise, "kg", step, 0.0, aim)
    assert load.weight is not None, load.reason
    assert "first time:" in load.reason
    return load.weight


def test_first_loads_cross_equipment_only_through_the_ratio_table() -> None:
    aim = Target(8, 12, Goal.HYPERTROPHY, rir_max=2)
    rdl = sets(3, 10, 100, rir=2)  # e1RM 140: 100 kg for 10 at 2 RIR
    one_leg = _first("romanian-deadlift", "single-leg-dumbbell-rdl", rdl, "family", aim)
    assert 20 <= one_leg <= 25  # a quarter a hand, taken at 90 %: never 102 kg
    shrugs = sets(3, 10, 34, rir=2)  # 34 kg a hand
    bar = _first("dumbbell-shrug", "barbell-shrug", shrugs, "family", aim)
    assert 70 <= bar <= 80  # two and a half times a hand, at 90 %: never 30 kg
    rows = sets(3, 10, 70, rir=2)
    one_arm = _first("seated-cable-row", "single-arm-cable-row", rows, "pattern and equipment",
                     aim)  # fmt: skip
    assert 25 <= one_arm <= 30  # under half the stack: never 55 kg


def test_no_table_entry_means_start_light() -> None:
    from backplan.training.relatives import START_LIGHT, first_load, ratio

    machine, bar = SHIPPED.by_id["machine-row"], SHIPPED.by_id["barbell-bent-over-row"]
    assert ratio(bar, machine) is None  # a stack is never compared with free weights
    session = Session(8, 12, tuple(sets(3, 10, 80, rir=2)), 2)
    load = first_load((bar, "pattern and equipment", [session]), machine, "kg", 2.5, 0.0, None)
    assert (load.weight, load.reason) == (None, START_LIGHT)
