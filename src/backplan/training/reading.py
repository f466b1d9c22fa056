"""What a typed set means for one exercise: one reading, or the question of which.

`go` and `log` read sets here alike. `3x15` on a pull-up is 3 sets of 15 or 3 reps
with 15 kg added; on a 12–20-rep cable fly, 3 reps at 15 kg or 3 sets of 15; a bare `8`
on a loaded lift in `log`, 8 reps at what weight. Such a set is never guessed: it is
`Ambiguous`, with each meaning and its unmistakable spelling, and the CLI asks which
(on a terminal) or refuses with both. In `go` a bare amount is at the weight on screen.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, NoReturn

from backplan.catalogue.model import Dose, LoadKind
from backplan.errors import BackplanError
from backplan.training.loads import MAX_ADDED, MAX_DOSE, SetDone, number
from backplan.training.sets import MAX_SETS, Typed, parse

if TYPE_CHECKING:
    from backplan.catalogue.model import Exercise
    from backplan.training.model import PlannedExercise

# Many reps at a light weight read like a swapped set: 60x8 is rarely 60 reps.
SWAPPED_REPS = 30
_AMOUNT = {Dose.REPS: "", Dose.SECONDS: "s", Dose.METRES: "m"}
_WORDS = {Dose.REPS: "reps", Dose.SECONDS: "s", Dose.METRES: "m"}


@dataclass(frozen=True)
class Context:
    """What the exercise tells about how its sets can be read."""

    name: str
    dose: Dose
    kind: LoadKind  # bodyweight: a bare number after the x could be sets or added load
    reps_min: int
    reps_max: int
    unit: str
    weight: float | None = None  # go: the weight on screen; log: the last one known
    guided: bool = False  # go: a bare amount is at `weight`

    @property
    def on_the_body(self) -> bool:
        return self.kind is LoadKind.BODYWEIGHT


@dataclass(frozen=True)
class Meaning:
    says: str  # '3 sets of 15 reps at bodyweight'
    spelling: str  # '3x15x0': how to write it so it can mean nothing else
    sets: tuple[SetDone, ...] | None  # None: the spelling needs a number only you know


class Ambiguous(BackplanError):
    """A set that can be read more than one way, or one way but not as it was written."""

    def __init__(
        self, text: str, name: str, meanings: tuple[Meaning, ...], question: str = ""
    ) -> None:
        listed = "; or ".join(f"{m.says}: write {m.spelling}" for m in meanings)
        head = f"{question}?" if question else "can be read more than one way."
        super().__init__(f"'{text}' on {name}: {head} For {listed}.")
        self.text = text
        self.name = name
        self.meanings = meanings


def context_for(
    e: PlannedExercise,
    entry: Exercise | None,
    unit: str,
    weight: float | None = None,
    guided: bool = False,
) -> Context:
    """How sets of a planned exercise are read (its catalogue entry fills in the load
    kind of a workout stored before load kinds)."""
    kind = e.load_kind or (entry.load_kind if entry else LoadKind.EXTERNAL)
    p = e.prescription
    return Context(e.name, p.dose, kind, p.reps_min, p.reps_max, unit, weight, guided)


def read(text: str, context: Context) -> list[SetDone]:
    """The sets a line means for this exercise (`15 15 15` is three sets)."""
    found: list[SetDone] = []
    for typed in parse(text):
        found += _meant(typed, context)
    return found


def _sets(typed: Typed, weight: float | None, context: Context) -> tuple[SetDone, ...]:
    done = SetDone(typed.amount, weight, typed.unit or context.unit, typed.dose, typed.rir)
    return (done,) * (typed.count or 1)


def _amount(typed: Typed) -> str:
    return f"{typed.amount}{_AMOUNT[typed.dose]}"


def _head(typed: Typed) -> str:
    return f"{typed.count}x" if typed.count else ""


def _effort(typed: Typed) -> str:
    return typed.text[typed.text.index("@") :] if "@" in typed.text else ""


def _words(typed: Typed, sets: int | None = None) -> str:
    count = sets or typed.count
    amount = f"{typed.amount} {_WORDS[typed.dose]}"
    return f"{count} sets of {amount}" if count else amount


def _meant(typed: Typed, context: Context) -> tuple[SetDone, ...]:
    if typed.dose is Dose.REPS and context.dose is not Dose.REPS and typed.weight is None:
        typed = replace(typed, dose=context.dose)  # a bare 30 on a hold is 30 s
    if typed.dose is not context.dose:
        example = {"reps": "8x60 or 8", "seconds": "30s", "metres": "40m"}[context.dose.value]
        raise BackplanError(
            f"{context.name} is done in {context.dose.value}, but '{typed.text}' is in "
            f"{typed.dose.value}: log it like {example}."
        )
    if typed.weight is None:
        return _bare(typed, context)
    if typed.added:
        if not context.on_the_body:
            raise BackplanError(
                f"'{typed.text}': + adds weight to your body, and {context.name} is not "
                "loaded that way; write the weight it was done with, like 8x60."
            )
        return _sets(typed, typed.weight or None, context)
    if context.kind is LoadKind.BAND and typed.weight:
        if (
            typed.count is None
            and typed.unit is None
            and typed.dose is Dose.REPS
            and (typed.amount <= MAX_SETS and _could_be_reps(typed.weight))
        ):  # a band takes no weight: 3x15 on a band is 3 sets of 15
            as_sets = Typed(typed.text, int(typed.weight), typed.dose, typed.amount, rir=typed.rir)
            return _sets(as_sets, None, context)
        _not_on_a_band(typed, context)
    if not typed.weight:  # 3x15x0, 8x0: nothing added, nothing held
        return _sets(typed, None, context)
    if typed.unit is not None:  # the unit says it is meant
        return _sets(typed, typed.weight, context)
    if context.on_the_body:
        return _on_the_body(typed, context)
    return _loaded(typed, context)


def _bare(typed: Typed, context: Context) -> tuple[SetDone, ...]:
    """'8', '30s', '40m': at the weight on screen in go; in log, at bodyweight where the
    body is the load, and a question of weight where it is not."""
    if context.guided or context.kind in (LoadKind.BODYWEIGHT, LoadKind.BAND):
        if context.guided and context.weight is None and context.kind is LoadKind.EXTERNAL:
            raise BackplanError(
                f"'{typed.text}': no load is known yet for {context.name}; type the weight "
                f"too, like {_head(typed)}{_amount(typed)}x60."
            )
        return _sets(typed, context.weight if context.guided else None, context)
    if context.kind is LoadKind.EXTERNAL:
        meanings = []
        if context.weight is not None:
            w = number(context.weight)
            meanings.append(
                Meaning(
                    f"{_words(typed)} at {w} {context.unit} (the last load)",
                    f"{_head(typed)}{_amount(typed)}x{w}{_effort(typed)}",
                    _sets(typed, context.weight, context),
                )
            )
        meanings.append(
            Meaning(
                f"{_words(typed)} at another weight",
                f"{_head(typed)}{_amount(typed)}xWEIGHT{_effort(typed)}",
                None,
            )
        )
        what = f"{_words(typed)} at what weight"
        raise Ambiguous(typed.text, context.name, tuple(meanings), what)
    return _sets(typed, None, context)  # assisted with no help given


def _could_be_reps(value: float) -> bool:
    return value.is_integer() and 1 <= value <= MAX_DOSE[Dose.REPS]


def _on_the_body(typed: Typed, context: Context) -> tuple[SetDone, ...]:
    """A bare number after the x on a bodyweight move is never taken as added load."""
    weight = typed.weight or 0.0
    w = number(weight)
    meanings = []
    if weight <= MAX_ADDED[context.unit]:
        meanings.append(
            Meaning(
                f"{_words(typed)} with {w} {context.unit} added",
                f"{_head(typed)}{_amount(typed)}x+{w}{_effort(typed)}",
                _sets(typed, weight, context),
            )
        )
    if typed.count is None and typed.amount <= MAX_SETS and _could_be_reps(weight):
        as_sets = Typed(typed.text, int(weight), typed.dose, typed.amount, rir=typed.rir)
        meanings.insert(
            0,
            Meaning(
                f"{_words(as_sets)} at bodyweight",
                f"{typed.amount}x{int(weight)}{_AMOUNT[typed.dose]}x0{_effort(typed)}",
                _sets(as_sets, None, context),
            ),
        )
    if not meanings:
        raise BackplanError(
            f"'{typed.text}' on {context.name}: {w} {context.unit} is far more than anyone "
            f"adds or is helped with. For reps at bodyweight write the reps alone "
            f"({_head(typed)}{_amount(typed)})."
        )
    if typed.count is None and typed.amount > SWAPPED_REPS and weight < typed.amount:
        meanings.append(  # 60x8 on a pull-up: 8 reps with 60 added, swapped?
            Meaning(
                f"{number(weight)} reps with {typed.amount} {context.unit} added",
                f"{number(weight)}x+{typed.amount}{_effort(typed)}",
                None
                if not weight.is_integer()
                else _sets(replace(typed, amount=int(weight)), float(typed.amount), context),
            )
        )
    question = "" if len(meanings) > 1 else "is the number after the x load you add"
    raise Ambiguous(typed.text, context.name, tuple(meanings), question)


def _loaded(typed: Typed, context: Context) -> tuple[SetDone, ...]:
    weight = typed.weight or 0.0
    w, unit = number(weight), context.unit
    if (
        typed.count is None
        and typed.dose is Dose.REPS
        and typed.amount > SWAPPED_REPS
        and weight < typed.amount
    ):
        raise BackplanError(
            f"'{typed.text}' reads as {typed.amount} reps at {w} {unit}. For {w} reps at "
            f"{typed.amount} {unit} write {w}x{typed.amount}; if it really was "
            f"{typed.amount} reps, say the unit: {typed.amount}x{w}{unit}."
        )
    swapped = (
        typed.count is None
        and typed.dose is Dose.REPS
        and typed.amount <= MAX_SETS
        and typed.amount < context.reps_min
        and _could_be_reps(weight)
        and context.reps_min <= weight <= context.reps_max
    )
    if not swapped:
        return _sets(typed, weight, context)
    as_sets = Typed(typed.text, int(weight), typed.dose, typed.amount, rir=typed.rir)
    at = number(context.weight) if context.weight is not None else "WEIGHT"
    meanings = (
        Meaning(
            f"{typed.amount} reps at {w} {unit}",
            f"{typed.amount}x{w}{unit}{_effort(typed)}",
            _sets(typed, weight, context),
        ),
        Meaning(
            f"{_words(as_sets)} at {at} {unit}" if context.weight is not None
            else f"{_words(as_sets)} at another weight",
            f"{typed.amount}x{int(weight)}x{at}{_effort(typed)}",
            _sets(as_sets, context.weight, context) if context.weight is not None else None,
        ),
    )  # fmt: skip
    raise Ambiguous(typed.text, context.name, meanings)


def _not_on_a_band(typed: Typed, context: Context) -> NoReturn:
    raise BackplanError(
        f"'{typed.text}': {context.name} is done with a band, which has no weight to log; "
        f"write the {_WORDS[typed.dose]} alone ({_head(typed)}{_amount(typed)})."
    )
