"""Plates per side: properties over random plates, bars and loads; the suggestion, the
warm-ups, the config and the JSON agree."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from backplan.training.loads import Load
from backplan.training.plates import DEFAULT_PLATES, Rack, fit, loadable, plates_text
from tests.helpers import ok, run, run_json

PLATE = st.sampled_from([45.0, 35.0, 25.0, 20.0, 15.0, 10.0, 5.0, 2.5, 1.25, 0.5])


@example(plates={45.0}, bar=15.0, weight=15.01)  # the bar alone is nearest, by 0.01
@given(
    plates=st.sets(PLATE, min_size=1, max_size=7),
    bar=st.sampled_from([15.0, 20.0, 45.0]),
    weight=st.floats(min_value=0, max_value=500, allow_nan=False).map(lambda w: round(w, 2)),
)
def test_the_plates_always_make_the_weight(plates: set[float], bar: float, weight: float) -> None:
    rack = Rack.of("kg", sorted(plates), bar)
    total, side = loadable(weight, rack)
    # The plates sum to (load - bar) / 2, and only configured plates are used.
    assert abs(sum(side) - (total - bar) / 2) < 1e-9
    assert set(side) <= plates
    assert list(side) == sorted(side, reverse=True)  # heaviest first
    assert total >= bar
    # Nothing loadable is nearer than what was chosen (within a plate either way).
    if weight >= bar:
        assert abs(total - weight) <= min(plates) + 1e-9
    # A weight the plates make comes back as it is.
    again, same = loadable(total, rack)
    assert (again, same) == (total, side)


def test_the_defaults_and_the_text() -> None:
    rack = Rack.of("kg", None, None)
    assert loadable(60, rack) == (60.0, (20.0,))
    assert loadable(141.25, rack) == (140.0, (25.0, 25.0, 10.0))  # a tie goes lighter
    assert plates_text(60.0, (15.0, 5.0)) == "20 + [15 + 5]"
    assert Rack.of("lb", None, None).plates == DEFAULT_PLATES["lb"]
    assert Rack.of("kg", None, None).on(["trap-bar"]).bar == 25.0


def test_a_suggestion_the_plates_cannot_make_is_rounded_and_says_so() -> None:
    rack = Rack.of("kg", [20.0, 10.0, 5.0], 20.0)
    made = fit(Load(62.5, "kg", "up", "+2.5 kg: every set hit 12 twice"), ["barbell"], rack)
    assert made is not None
    assert (made.weight, made.plates) == (60.0, (20.0,))
    assert made.reason.endswith("62.5 kg is not loadable with your plates: 60")
    assert fit(Load(20.0, "kg", "same", "x"), ["dumbbell"], rack) == Load(20.0, "kg", "same", "x")


def test_plates_in_the_workout_its_json_and_the_config(monkeypatch) -> None:
    monkeypatch.setenv("BACKPLAN_NOW", "2026-11-23T18:00:00+00:00")
    ok("pin", "barbell-bent-over-row")
    ok("workout", "--seed", "1", "--group", "upper")
    ok("log", "barbell-bent-over-row", "3x12x60")
    monkeypatch.setenv("BACKPLAN_NOW", "2026-11-25T18:00:00+00:00")
    ok("workout", "--seed", "2", "--group", "upper")
    ok("log", "barbell-bent-over-row", "3x12x60")
    monkeypatch.setenv("BACKPLAN_NOW", "2026-11-27T18:00:00+00:00")
    planned = run_json("workout", "--seed", "3", "--group", "upper")
    row = next(e for e in planned["exercises"] if e["id"] == "barbell-bent-over-row")
    assert row["load"]["weight"] == 62.5
    assert row["load"]["plates"] == [20.0, 1.25]
    assert [w["plates"] for w in row["warmup"]] == [[2.5], [5.0, 2.5, 1.25], [15.0]]
    table = ok("history", "show", "3").stdout
    assert "62.5=20+[20+1.25]" in table
    # Plates from 20 kg down: 62.5 cannot be made, so 60.
    ok("config", "set", "plates", "20,10,5")
    assert run_json("config", "show")["plates"] == [20.0, 10.0, 5.0]
    again = run_json("workout", "--seed", "3", "--new", "--no-save")
    row = next(e for e in again["exercises"] if e["id"] == "barbell-bent-over-row")
    assert (row["load"]["weight"], row["load"]["plates"]) == (60.0, [20.0])
    assert "not loadable with your plates" in row["load"]["reason"]
    ok("config", "set", "bar", "15")
    assert "15 kg" in ok("config", "show").stdout
    refusals = [
        ("plates", "20,x", "each plate must be a number"),
        ("plates", "0", "from 0.25"),
        ("plates", "0.004", "from 0.25"),
        ("bar", "500", "from 0.25 to 100"),
    ]
    for key, value, message in refusals:
        result = run("config", "set", key, value)
        assert result.exit_code == 2
        assert message in result.stderr
