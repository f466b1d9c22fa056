"""One reading of a typed set, or a question: the cases the gym trial hit, and the
property that no text is stored with a reading the exercise cannot have."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backplan.catalogue.model import Dose, LoadKind
from backplan.errors import BackplanError
from backplan.training.loads import SetDone
from backplan.training.reading import Ambiguous, Context, read

PULL_UP = Context("Pull-Up", Dose.REPS, LoadKind.BODYWEIGHT, 6, 12, "kg")
FLY = Context("Cable Fly", Dose.REPS, LoadKind.EXTERNAL, 12, 20, "kg", weight=15.0)
DEADLIFT = Context("Deadlift", Dose.REPS, LoadKind.EXTERNAL, 3, 6, "kg", weight=182.5)
CARRY = Context("Farmer's Carry", Dose.METRES, LoadKind.EXTERNAL, 20, 40, "kg")
PLANK = Context("Side Plank", Dose.SECONDS, LoadKind.BODYWEIGHT, 20, 45, "kg")
BAND = Context("Band Pull-Apart", Dose.REPS, LoadKind.BAND, 12, 20, "kg")


def _spellings(text: str, context: Context) -> list[str]:
    with pytest.raises(Ambiguous) as doubt:
        read(text, context)
    return [m.spelling for m in doubt.value.meanings]


def test_three_by_fifteen_on_a_pull_up_is_asked() -> None:
    assert _spellings("3x15", PULL_UP) == ["3x15x0", "3x+15"]
    assert read("3x15x0", PULL_UP) == [SetDone(15, None, "kg")] * 3
    assert read("3x+15", PULL_UP) == [SetDone(3, 15, "kg")]
    assert read("8x10kg", PULL_UP) == [SetDone(8, 10, "kg")]
    assert read("15 15 15", PULL_UP) == [SetDone(15, None, "kg")] * 3


def test_three_by_fifteen_on_a_fly_is_asked() -> None:
    assert _spellings("3x15", FLY) == ["3x15kg", "3x15x15"]
    assert read("3x15kg", FLY) == [SetDone(3, 15, "kg")]
    assert read("12x15", FLY) == [SetDone(12, 15, "kg")]  # in the range: one reading


def test_a_bare_rep_count_on_a_loaded_lift() -> None:
    with pytest.raises(Ambiguous) as doubt:
        read("5", DEADLIFT)  # log: at what weight?
    assert "5 reps at what weight?" in doubt.value.message
    assert "5x182.5" in doubt.value.message
    guided = Context(*[getattr(DEADLIFT, f) for f in DEADLIFT.__dataclass_fields__][:7], True)
    assert read("5", guided) == [SetDone(5, 182.5, "kg")]  # go: at the weight on screen
    assert read("5@8", guided) == [SetDone(5, 182.5, "kg", rir=2)]


def test_loaded_carries_holds_and_commas() -> None:
    assert read("40mx32", CARRY) == [SetDone(40, 32, "kg", Dose.METRES)]
    assert read("30sx+10", PLANK) == [SetDone(30, 10, "kg", Dose.SECONDS)]
    assert read("30", PLANK) == [SetDone(30, None, "kg", Dose.SECONDS)]
    assert read("4x192,5", DEADLIFT) == [SetDone(4, 192.5, "kg")]
    assert read("3x15", BAND) == [SetDone(15, None, "kg")] * 3  # a band takes no weight
    with pytest.raises(BackplanError, match="is done in metres"):
        read("8x20", CARRY)
    with pytest.raises(BackplanError, match=r"\+ adds weight to your body"):
        read("8x+10", DEADLIFT)


contexts = st.sampled_from([PULL_UP, FLY, DEADLIFT, CARRY, PLANK, BAND])
typed = st.one_of(
    st.text(alphabet="0123456789xX×+@,. kgslbrpemi", max_size=14),
    st.from_regex(r"\d{1,3}(x\+?\d{1,3}(\.\d)?(kg|lb)?){0,2}(@\d)?", fullmatch=True),
)


@given(text=typed, context=contexts)
def test_no_text_is_read_as_what_the_exercise_cannot_have(text: str, context: Context) -> None:
    try:
        sets = read(text, context)
    except BackplanError:
        return
    for done in sets:
        assert done.dose is context.dose
        if context.kind is LoadKind.BODYWEIGHT and done.weight:
            # Load on a bodyweight move only with a '+' or a unit.
            assert "+" in text or "kg" in text.lower() or "lb" in text.lower(), text
        if context.kind is LoadKind.BAND:
            assert done.weight is None, text
        if context.kind is LoadKind.EXTERNAL and done.weight is None:
            # A loaded lift at no load only when it was written so (x0).
            assert "x0" in text.lower().replace(" ", "") or "×0" in text, text
