"""The exercise catalogue: its vocabulary (model), the strict loader and its cache."""

from backplan.catalogue.checker import MAX_CUE_CHARS, CatalogueError
from backplan.catalogue.model import (
    BODYWEIGHT,
    EQUIPMENT,
    GROUP_NAMES,
    SCHEMA_VERSION,
    Catalogue,
    Exercise,
    Group,
    Level,
    Mechanic,
    Pattern,
    parse_equipment,
    parse_group,
    parse_groups,
    parse_level,
    split_values,
)
from backplan.catalogue.source import load

__all__ = [
    "BODYWEIGHT",
    "EQUIPMENT",
    "GROUP_NAMES",
    "MAX_CUE_CHARS",
    "SCHEMA_VERSION",
    "Catalogue",
    "CatalogueError",
    "Exercise",
    "Group",
    "Level",
    "Mechanic",
    "Pattern",
    "load",
    "parse_equipment",
    "parse_group",
    "parse_groups",
    "parse_level",
    "split_values",
]
