"""The catalogue's vocabulary and values: groups, levels, exercises, and the words users type."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum

from backplan.errors import BackplanError, did_you_mean
from backplan.text import control_character

SCHEMA_VERSION = 2  # of the catalogue file
# An exercise id: lowercase kebab-case, at most 64 characters.
EXERCISE_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_ID_LENGTH = 64


class Group(str, Enum):
    LATS = "lats"
    UPPER_BACK = "upper-back"
    LOWER_BACK = "lower-back"

    @property
    def label(self) -> str:
        return self.value.replace("-", " ")

    @property
    def benefit(self) -> str:
        return _BENEFITS[self]

    @property
    def colour(self) -> str:
        return _COLOURS[self]


_BENEFITS = {
    Group.LATS: "width and the V-shape",
    Group.UPPER_BACK: "thickness, posture, a stronger bench",
    Group.LOWER_BACK: "the stabiliser behind every big lift",
}
_COLOURS = {Group.LATS: "cyan", Group.UPPER_BACK: "magenta", Group.LOWER_BACK: "yellow"}
_GROUP_SPELLINGS = {
    "lats": Group.LATS,
    "upper-back": Group.UPPER_BACK,
    "upper back": Group.UPPER_BACK,
    "upper_back": Group.UPPER_BACK,
    "upper": Group.UPPER_BACK,
    "lower-back": Group.LOWER_BACK,
    "lower back": Group.LOWER_BACK,
    "lower_back": Group.LOWER_BACK,
    "lower": Group.LOWER_BACK,
}
GROUP_NAMES = tuple(group.value for group in Group)


class Level(str, Enum):
    BEGINNER = "beginner"
    INTERMEDIATE = "intermediate"
    ADVANCED = "advanced"

    @property
    def rank(self) -> int:
        return _LEVEL_RANKS[self]


_LEVEL_RANKS = {level: rank for rank, level in enumerate(Level)}


class Mechanic(str, Enum):
    COMPOUND = "compound"
    ISOLATION = "isolation"


class Goal(str, Enum):
    STRENGTH = "strength"
    HYPERTROPHY = "hypertrophy"
    ENDURANCE = "endurance"


class Dose(str, Enum):
    """How a set is measured."""

    REPS = "reps"
    SECONDS = "seconds"
    METRES = "metres"


class Sides(str, Enum):
    BOTH = "both"
    EACH = "each"  # one-sided: prescribed, and done, per side


class LoadKind(str, Enum):
    """How the exercise gets harder: more weight, more reps, less help, a stronger band."""

    EXTERNAL = "external"
    BODYWEIGHT = "bodyweight"
    ASSISTED = "assisted"
    BAND = "band"


class Role(str, Enum):
    """What an exercise is for: work that counts toward its group, or preparation (a
    dead hang, a scapular pull-up) that readies it and counts no group volume."""

    WORK = "work"
    PREPARATION = "preparation"


class Pattern(str, Enum):
    VERTICAL_PULL = "vertical-pull"
    HORIZONTAL_PULL = "horizontal-pull"
    STRAIGHT_ARM = "straight-arm"
    HINGE = "hinge"
    EXTENSION = "extension"
    SHRUG = "shrug"
    SCAPULAR = "scapular"
    STABILITY = "stability"


EQUIPMENT = (
    "bodyweight",
    "barbell",
    "dumbbell",
    "kettlebell",
    "cable",
    "machine",
    "band",
    "pull-up-bar",
    "bench",
    "ez-bar",
    "trap-bar",
    "landmine",
    "rings",
    "suspension",
    "exercise-ball",
    "medicine-ball",
    "plate",
    "rack",
    "belt",
    "other",
)
BODYWEIGHT = "bodyweight"
# Equipment that takes a weight: with any of it, an exercise's load is external.
LOADABLE = frozenset(
    ("barbell", "dumbbell", "kettlebell", "cable", "machine", "plate", "trap-bar",
     "landmine", "ez-bar")
)  # fmt: skip


def default_load(equipment: Iterable[str]) -> LoadKind:
    """The schema's default: external with loadable equipment, band for a band alone."""
    items = set(equipment) - {BODYWEIGHT}
    if items & LOADABLE:
        return LoadKind.EXTERNAL
    if items == {"band"}:
        return LoadKind.BAND
    return LoadKind.BODYWEIGHT


@dataclass(frozen=True)
class Exercise:
    id: str
    name: str
    group: Group
    equipment: tuple[str, ...]
    level: Level
    mechanic: Mechanic
    pattern: Pattern | None
    cues: tuple[str, ...]
    focus: str | None = None
    # Schema v2; a version 1 file gets these defaults (`load` from the equipment).
    dose: Dose = Dose.REPS
    sides: Sides = Sides.BOTH
    load: LoadKind | None = None  # None: the default for the equipment
    range: tuple[int, int] | None = None  # its own range for every goal
    goals: frozenset[Goal] = frozenset(Goal)
    family: str | None = None  # None: its own id
    power: bool = False
    harder: str | None = None
    easier: str | None = None
    aliases: tuple[str, ...] = ()
    secondary: tuple[Group, ...] = ()  # groups it loads too: half a set each
    belt: bool = False  # a bodyweight move a dipping belt loads (pull-ups, chin-ups)
    main: bool = False  # a core lift: a group's first pick and a block's main lift
    role: Role = Role.WORK

    @property
    def load_kind(self) -> LoadKind:
        return self.load if self.load is not None else default_load(self.equipment)

    @property
    def family_name(self) -> str:
        return self.family or self.id

    @property
    def lifts_body(self) -> bool:
        """Your whole body is the load (a pull-up, with a belt or with help): the load
        moved is bodyweight + added - assistance. Rows you lie under and back
        extensions move part of it, so they go by reps."""
        if self.dose is not Dose.REPS:
            return False
        hangs = self.pattern is Pattern.VERTICAL_PULL and self.load_kind in (
            LoadKind.BODYWEIGHT, LoadKind.ASSISTED
        )  # fmt: skip
        return self.belt or "belt" in self.equipment or hangs

    @property
    def preparation(self) -> bool:
        return self.role is Role.PREPARATION

    @property
    def is_hinge(self) -> bool:
        return self.pattern is Pattern.HINGE

    def usable_with(self, available: frozenset[str]) -> bool:
        """All of its equipment is at hand (bodyweight always is)."""
        return all(item == BODYWEIGHT or item in available for item in self.equipment)


@dataclass(frozen=True)
class Catalogue:
    source: str
    exercises: tuple[Exercise, ...]
    by_id: dict[str, Exercise] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_id", {e.id: e for e in self.exercises})

    def find(self, name_or_id: str) -> Exercise | None:
        """By id, else by an alias (an old id or another name lifters use)."""
        if control_character(name_or_id) is not None:  # an invisible mark is not a typo
            return None
        key = slug(name_or_id)
        found = self.by_id.get(key)
        if found is None:
            found = next((e for e in self.exercises if key in map(slug, e.aliases)), None)
        return found

    def get(self, exercise_id: str) -> Exercise:
        """The exercise with this id (or alias), or an error that suggests the closest id."""
        found = self.find(exercise_id)
        if found is None:
            hint = did_you_mean(exercise_id, self.by_id)
            raise BackplanError(
                f"No exercise '{exercise_id}' in the catalogue{hint}. "
                "Run 'backplan list' to see every id."
            )
        return found

    def select(
        self,
        groups: Iterable[Group] = (),
        equipment: frozenset[str] | None = None,
        level: Level = Level.ADVANCED,
    ) -> list[Exercise]:
        """Exercises of these groups (all when none) doable with this equipment, up to `level`."""
        wanted = set(groups) or set(Group)
        return [
            e
            for e in self.exercises
            if e.group in wanted
            and e.level.rank <= level.rank
            and (equipment is None or e.usable_with(equipment))
        ]


def slug(text: str) -> str:
    """'Side Bridge' -> 'side-bridge': names and ids compared alike."""
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


# --- parsing what a user types --------------------------------------------------------


def split_values(values: Iterable[str] | None) -> list[str]:
    """Repeatable options also take comma-separated lists: ['a,b', 'c'] -> ['a', 'b', 'c']."""
    return [part.strip() for value in values or () for part in value.split(",") if part.strip()]


def parse_group(text: str) -> Group:
    key = " ".join(text.strip().lower().split())
    if key in _GROUP_SPELLINGS:
        return _GROUP_SPELLINGS[key]
    close = did_you_mean(key, _GROUP_SPELLINGS)
    # Suggest the canonical name, whichever spelling came closest.
    hint = ""
    if close:
        spelled = close.split("'")[1]
        hint = f" (did you mean '{_GROUP_SPELLINGS[spelled].value}'?)"
    raise BackplanError(f"Unknown group '{text}'{hint}. Choose from: {', '.join(GROUP_NAMES)}.")


def parse_groups(values: Iterable[str] | None) -> list[Group]:
    groups: list[Group] = []
    for value in split_values(values):
        group = parse_group(value)
        if group not in groups:
            groups.append(group)
    return groups


def parse_level(text: str) -> Level:
    key = text.strip().lower()
    for level in Level:
        if level.value == key:
            return level
    hint = did_you_mean(key, [level.value for level in Level])
    names = ", ".join(level.value for level in Level)
    raise BackplanError(f"Unknown level '{text}'{hint}. Choose from: {names}.")


def parse_equipment(values: Iterable[str] | None) -> frozenset[str] | None:
    """What the user has; None means everything."""
    items = [item.lower() for item in split_values(values)]
    if not items:
        return None
    for item in items:
        if item not in EQUIPMENT:
            raise BackplanError(
                f"Unknown equipment '{item}'{did_you_mean(item, EQUIPMENT)}. "
                f"Choose from: {', '.join(EQUIPMENT)}."
            )
    return frozenset(items) | {BODYWEIGHT}
