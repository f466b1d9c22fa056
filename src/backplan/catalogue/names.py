"""Other apps' exercise names to catalogue ids: "Bent Over Row (Barbell)" is
barbell-bent-over-row.

In order: a --map; a name in the name tables (`appnames.WRITTEN`); the name or an
alias word for word (in any order, "Barbell Bent-Over Row"
and "Bent Over Row (Barbell)" are the same words); then, where the name says a grip
or a piece of equipment, the exercises that use that equipment and hold that grip
("V Grip" is a close, neutral grip; "(Cable)" rules out the band), by their other
words; then the name without its equipment in brackets, when the exercise uses that
equipment ("Lat Pulldown (Cable)"); then a close match, with its score. Two matches
that tie are ambiguous, and nothing is guessed.

A name whose words say a movement outside the back (a press, a curl, an upright row,
a V-up) maps to nothing but a table entry or an alias; a match past the word-for-word
one must share the movement its words say (a row is a row); and a close match below
`SURE` is a question (`Match.ask`), never a mapping.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

from backplan.catalogue.appnames import (
    BACK_AGAIN,
    MOVEMENT,
    NOT_BACK,
    NOT_BACK_ALONE,
    WRITTEN,
)
from backplan.catalogue.model import Catalogue, Exercise, Pattern

CLOSE = 0.85  # the least similarity a close match needs to be asked about
SURE = 0.93  # the least a close match needs to be taken without asking
TIE = 0.03  # two matches this close are ambiguous
NOT_BACK_EXERCISE = "not a back exercise in the catalogue"
# Words in brackets that name equipment, as apps write them.
_EQUIPMENT = {
    "barbell": "barbell", "dumbbell": "dumbbell", "cable": "cable", "machine": "machine",
    "band": "band", "kettlebell": "kettlebell", "smith machine": "machine",
    "trap bar": "trap-bar", "ez bar": "ez-bar", "landmine": "landmine",
}  # fmt: skip
_BRACKETS = re.compile(r"\(([^)]*)\)")
# Grips as apps and the catalogue write them: a V bar is a close, neutral grip.
_GRIPS = (
    ("close", re.compile(r"\b(v|close|narrow|neutral|parallel|hammer|triangle)\b")),
    ("wide", re.compile(r"\bwide\b")),
    ("underhand", re.compile(r"\b(underhand|supinated|reverse grip)\b")),
)
_GRIP_WORDS = frozenset({"v", "close", "narrow", "neutral", "parallel", "hammer", "triangle",
                         "wide", "underhand", "supinated", "grip", "bar", "handle"})  # fmt: skip
_GEAR_WORDS = frozenset({"barbell", "dumbbell", "cable", "machine", "band", "kettlebell",
                         "bodyweight", "smith", "landmine"})  # fmt: skip


def grip(name: str) -> str | None:
    """The grip a name says: close (a V bar, neutral), wide or underhand; None."""
    text = name.lower().replace("-", " ")
    return next((found for found, pattern in _GRIPS if pattern.search(text)), None)


def _gear(name: str) -> str | None:
    """The equipment a name says, in brackets or among its words."""
    bracket = _BRACKETS.search(name)
    if bracket and (found := _EQUIPMENT.get(bracket.group(1).strip().lower())):
        return found
    return next((_EQUIPMENT[w] for w in sorted(words(name)) if w in _EQUIPMENT), None)


def _core(text: str) -> frozenset[str]:
    """A name's words without its grip and equipment."""
    return words(text) - _GRIP_WORDS - _GEAR_WORDS


def words(name: str) -> frozenset[str]:
    """The words of a name, lower case, without punctuation or plural s."""
    joined = re.sub(r"\b(pull|chin|push)[\s-]*(up|down|through)", r"\1\2", name.lower())
    found = re.findall(r"[a-z0-9]+", joined)
    return frozenset(w[:-1] if len(w) > 3 and w.endswith("s") else w for w in found)


@dataclass(frozen=True)
class Match:
    exercise: Exercise | None
    how: str  # name, alias, "without (cable)", "close 0.91", --map; or why nothing matched
    ask: str | None = None  # an id it may be, below the confidence line: a question


def _spelled_as_words(table: frozenset[str]) -> frozenset[str]:
    """A table's words as `words` spells them ('press' is 'pres')."""
    return frozenset(w for text in table for w in words(text))


def outside_back(name: str) -> str | None:
    """The word that says a name is a movement outside the back ('press'), or None."""
    found = words(name)
    if {"curl", "up"} <= found:  # a curl-up: McGill's, for the back
        found = found - {"curl", "up"}
    hard = sorted(found & _HARD)
    if hard:
        return _SHOWN[hard[0]]
    soft = sorted(found & _SOFT)
    return _SHOWN[soft[0]] if soft and not found & _AGAIN else None


def movement(name: str) -> frozenset[Pattern] | None:
    """The patterns a name's words allow (a row: a horizontal pull), or None: any."""
    said = [_MOVES[w] for w in words(name) if w in _MOVES]
    return frozenset(p for patterns in said for p in patterns) if said else None


_HARD, _SOFT, _AGAIN = (_spelled_as_words(t) for t in (NOT_BACK, NOT_BACK_ALONE, BACK_AGAIN))
_SHOWN = {w: text for text in NOT_BACK | NOT_BACK_ALONE for w in words(text)}
_MOVES = {next(iter(words(w))): patterns for w, patterns in MOVEMENT.items()}


class Names:
    """The catalogue's names and aliases, ready to match against."""

    def __init__(self, catalogue: Catalogue, mapped: Mapping[str, str] | None = None) -> None:
        self.catalogue = catalogue
        self.mapped = {k.strip().lower(): v for k, v in (mapped or {}).items()}

    @cached_property
    def _by_words(self) -> dict[frozenset[str], list[tuple[Exercise, str]]]:
        table: dict[frozenset[str], list[tuple[Exercise, str]]] = {}
        for e in self.catalogue.exercises:
            for text, how in [(e.name, "name"), (e.id, "name")] + [(a, "alias") for a in e.aliases]:
                entries = table.setdefault(words(text), [])
                if all(x is not e for x, _ in entries):
                    entries.append((e, how))
        return table

    @cached_property
    def _written(self) -> dict[frozenset[str], Exercise]:
        ids = {e.id: e for e in self.catalogue.exercises}
        return {words(name): ids[ident] for name, ident in WRITTEN.items() if ident in ids}

    @cached_property
    def _spelled(self) -> list[tuple[str, Exercise]]:
        return [(" ".join(sorted(key)), e) for key, found in self._by_words.items()
                for e, _ in found]  # fmt: skip

    def match(self, name: str) -> Match:
        key = name.strip().lower()
        if key in self.mapped:
            ident = self.mapped[key]
            return Match(None if ident == "-" else self.catalogue.get(ident), "--map")
        written = self._written.get(words(name))
        if written is not None:
            return Match(written, "table")
        exact = self._by_words.get(words(name), [])
        if len(exact) == 1:
            return Match(*exact[0])
        if len(exact) > 1:
            return Match(None, f"ambiguous: {', '.join(e.id for e, _ in exact)}")
        if outside_back(name) is not None:  # a press, a curl: never a back lift
            return Match(None, NOT_BACK_EXERCISE)
        fitted = self._fitted(name)
        if fitted is not None:
            return fitted
        bracket = _BRACKETS.search(name)
        gear = _EQUIPMENT.get(bracket.group(1).strip().lower()) if bracket else None
        if bracket and gear is not None:  # "(Assisted)" or "(Weighted)" change the load
            bare = self._by_words.get(words(_BRACKETS.sub(" ", name)), [])
            fits = [e for e, _ in bare if gear in e.equipment]
            if len(fits) == 1:
                return Match(fits[0], f"without ({bracket.group(1).strip().lower()})")
        return self._close(name)

    def _fitted(self, name: str) -> Match | None:
        """Where the name says a grip or equipment: of the exercises that use that
        equipment and hold that grip (or hold none, for a grip the catalogue has no
        variant of), the one whose other words are the name's, else contain them, else
        are contained in them (the most words), else nothing."""
        said_grip, gear = grip(name), _gear(name)
        if said_grip is None and gear is None:
            return None
        core = _core(_BRACKETS.sub(" ", name))
        moves = movement(name)
        best: dict[str, tuple[tuple[int, ...], Exercise]] = {}
        for e in self.catalogue.exercises:
            if gear is not None and gear not in e.equipment:
                continue
            if moves is not None and e.pattern not in moves:
                continue
            held = grip(e.name)
            if held != said_grip and not (held is None and said_grip is not None):
                continue
            for text in (e.name, *e.aliases):
                theirs = _core(_BRACKETS.sub(" ", text))
                if not theirs or not core & theirs:
                    continue
                score = (core == theirs, core <= theirs, theirs <= core, held == said_grip,
                         len(core & theirs), -len(theirs ^ core))  # fmt: skip
                if score[:3] != (False, False, False) and score > best.get(e.id, ((), e))[0]:
                    best[e.id] = (score, e)
        ranked = sorted(best.values(), key=lambda pair: pair[0], reverse=True)
        if not ranked:
            return None
        if len(ranked) > 1 and ranked[0][0] == ranked[1][0]:
            return Match(None, f"ambiguous: {ranked[0][1].id} or {ranked[1][1].id}")
        what = ", ".join(x for x in (f"{said_grip} grip" if said_grip else "", gear or "") if x)
        return Match(ranked[0][1], f"fits ({what})")

    def _close(self, name: str) -> Match:
        spelled = " ".join(sorted(words(_BRACKETS.sub(" ", name))))
        moves = movement(name)
        scored: dict[str, tuple[float, Exercise]] = {}
        for text, e in self._spelled:
            if moves is not None and e.pattern not in moves:
                continue
            score = difflib.SequenceMatcher(None, spelled, text).ratio()
            if score > scored.get(e.id, (0.0, e))[0]:
                scored[e.id] = (score, e)
        ranked = sorted(scored.values(), key=lambda pair: -pair[0])
        if not ranked or ranked[0][0] < CLOSE:
            return Match(None, NOT_BACK_EXERCISE)
        if len(ranked) > 1 and ranked[0][0] - ranked[1][0] < TIE:
            return Match(None, f"ambiguous: {ranked[0][1].id} or {ranked[1][1].id}")
        score, found = ranked[0]
        if score < SURE:
            return Match(None, f"{found.id}? (close {score:.2f})", ask=found.id)
        return Match(found, f"close {score:.2f}")
