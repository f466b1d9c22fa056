"""Other apps' exercise names to catalogue ids: "Bent Over Row (Barbell)" is
barbell-bent-over-row.

In order: the name or an alias word for word (in any order, "Barbell Bent-Over Row"
and "Bent Over Row (Barbell)" are the same words); then the name without its
equipment in brackets, when the exercise uses that equipment ("Lat Pulldown
(Cable)"); then a close match, with its score. Two matches that tie are ambiguous,
and nothing is guessed.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

from backplan.catalogue.model import Catalogue, Exercise

CLOSE = 0.85  # the least similarity a close match needs
TIE = 0.03  # two matches this close are ambiguous
# Words in brackets that name equipment, as apps write them.
_EQUIPMENT = {
    "barbell": "barbell", "dumbbell": "dumbbell", "cable": "cable", "machine": "machine",
    "band": "band", "kettlebell": "kettlebell", "smith machine": "machine",
    "trap bar": "trap-bar", "ez bar": "ez-bar", "landmine": "landmine",
}  # fmt: skip
_BRACKETS = re.compile(r"\(([^)]*)\)")


def words(name: str) -> frozenset[str]:
    """The words of a name, lower case, without punctuation or plural s."""
    joined = re.sub(r"\b(pull|chin|push)[\s-]*(up|down|through)", r"\1\2", name.lower())
    found = re.findall(r"[a-z0-9]+", joined)
    return frozenset(w[:-1] if len(w) > 3 and w.endswith("s") else w for w in found)


@dataclass(frozen=True)
class Match:
    exercise: Exercise | None
    how: str  # name, alias, "without (cable)", "close 0.91", --map; or why nothing matched


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
    def _spelled(self) -> list[tuple[str, Exercise]]:
        return [(" ".join(sorted(key)), e) for key, found in self._by_words.items()
                for e, _ in found]  # fmt: skip

    def match(self, name: str) -> Match:
        key = name.strip().lower()
        if key in self.mapped:
            ident = self.mapped[key]
            return Match(None if ident == "-" else self.catalogue.get(ident), "--map")
        exact = self._by_words.get(words(name), [])
        if len(exact) == 1:
            return Match(*exact[0])
        if len(exact) > 1:
            return Match(None, f"ambiguous: {', '.join(e.id for e, _ in exact)}")
        bracket = _BRACKETS.search(name)
        if bracket:
            gear = _EQUIPMENT.get(bracket.group(1).strip().lower())
            bare = self._by_words.get(words(_BRACKETS.sub(" ", name)), [])
            fits = [e for e, _ in bare if gear is None or gear in e.equipment]
            if len(fits) == 1:
                return Match(fits[0], f"without ({bracket.group(1).strip().lower()})")
        return self._close(name)

    def _close(self, name: str) -> Match:
        spelled = " ".join(sorted(words(_BRACKETS.sub(" ", name))))
        scored: dict[str, tuple[float, Exercise]] = {}
        for text, e in self._spelled:
            score = difflib.SequenceMatcher(None, spelled, text).ratio()
            if score > scored.get(e.id, (0.0, e))[0]:
                scored[e.id] = (score, e)
        ranked = sorted(scored.values(), key=lambda pair: -pair[0])
        if not ranked or ranked[0][0] < CLOSE:
            return Match(None, "not a back exercise in the catalogue")
        if len(ranked) > 1 and ranked[0][0] - ranked[1][0] < TIE:
            return Match(None, f"ambiguous: {ranked[0][1].id} or {ranked[1][1].id}")
        return Match(ranked[0][1], f"close {ranked[0][0]:.2f}")
