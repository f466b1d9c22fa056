"""The optional fields of catalogue schema version 2, each read and checked like the rest.

A version 1 file gets their defaults; naming one in a version 1 file is a problem,
so a file never silently means more than its version says.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from backplan.catalogue import yamlnodes
from backplan.catalogue.checker import Checker
from backplan.catalogue.model import Dose, Goal, Group, LoadKind, Role, Sides
from backplan.errors import did_you_mean

FIELDS = (
    "dose", "sides", "load", "range", "goals", "family", "power", "harder", "easier",
    "aliases", "secondary", "belt", "main", "role",
)  # fmt: skip
MAX_ALIAS_CHARS = 100


@dataclass(frozen=True)
class Reference:
    """A `harder` or `easier` id, checked once every id of the file is known."""

    line: int
    where: str
    field: str
    target: str


def read(
    fields: dict[str, yamlnodes.Node],
    where: str,
    version: int,
    check: Checker,
    id_pattern: Any,
) -> tuple[dict[str, Any], list[Reference]]:
    """The Exercise keyword arguments for the v2 fields given, and the references to check."""
    given = {name: fields[name] for name in FIELDS if name in fields}
    if version < 2:
        for name, node in given.items():
            check.problem(node.line, f"{where}: field '{name}' needs 'version: 2' at the top")
        return {}, []
    values: dict[str, Any] = {}
    refs: list[Reference] = []

    def choice(name: str, choices: type[Any]) -> None:
        if name in given:
            value = check.choice(given[name], f"{where}: {name}", [c.value for c in choices])
            if value is not None:
                values[name] = choices(value)

    choice("dose", Dose)
    choice("sides", Sides)
    choice("load", LoadKind)
    if "range" in given:
        values["range"] = check.whole_pair(given["range"], f"{where}: range")
    elif values.get("dose", Dose.REPS) is not Dose.REPS:
        check.problem(
            fields["dose"].line,
            f"{where}: a dose in {values['dose'].value} needs its own range, like [20, 45]",
        )
    if "goals" in given:
        values["goals"] = _goals(given["goals"], where, check)
    choice("role", Role)
    for flag in ("power", "belt", "main"):
        if flag in given:
            values[flag] = check.flag(given[flag], f"{where}: {flag}")
    for name in ("family", "harder", "easier"):
        if name in given:
            value = check.text(given[name], f"{where}: {name}", 64)
            if value is not None and not id_pattern.fullmatch(value):
                check.problem(
                    given[name].line,
                    f"{where}: {name} '{value}' must be an id: lowercase words joined by '-'",
                )
                value = None
            values[name] = value
            if value is not None and name != "family":
                refs.append(Reference(given[name].line, where, name, value))
    if "aliases" in given:
        items = check.text_list(given["aliases"], f"{where}: aliases", MAX_ALIAS_CHARS)
        values["aliases"] = tuple(text for _, text in items or ())
    if "secondary" in given:
        values["secondary"] = _secondary(given["secondary"], fields, where, check)
    return values, refs


def _secondary(
    node: yamlnodes.Node, fields: dict[str, yamlnodes.Node], where: str, check: Checker
) -> tuple[Group, ...]:
    """Other groups the exercise loads, named like `group`, never its own group."""
    names = [g.value for g in Group]
    group = fields.get("group")
    own = group.value if isinstance(group, yamlnodes.Scalar) else None
    items = check.text_list(node, f"{where}: secondary", 64) or []
    for line, item in items:
        if item == own:
            check.problem(line, f"{where}: secondary names its own group '{item}'")
    mine = [(line, item) for line, item in items if item != own]
    return tuple(Group(g) for g in _distinct(mine, where, "secondary group", names, check))


def _distinct(
    items: Sequence[tuple[int, str]], where: str, what: str, names: list[str], check: Checker
) -> list[str]:
    """The known names of a list, each once; the unknown and the repeated are problems."""
    found: list[str] = []
    for line, item in items:
        if item not in names:
            check.problem(line, f"{where}: unknown {what} '{item}'{did_you_mean(item, names)}")
        elif item in found:
            check.problem(line, f"{where}: {what} '{item}' is listed twice")
        else:
            found.append(item)
    return found


def _goals(node: yamlnodes.Node, where: str, check: Checker) -> frozenset[Goal] | None:
    items = check.text_list(node, f"{where}: goals", 64)
    if not items:
        if items is not None:
            check.problem(node.line, f"{where}: goals is empty; name at least one goal")
        return None
    return frozenset(
        Goal(g) for g in _distinct(items, where, "goal", [g.value for g in Goal], check)
    )


def check_references(refs: list[Reference], ids: set[str], check: Checker) -> None:
    """`harder` and `easier` name ids in the same file, and not the exercise itself."""
    for ref in refs:
        if ref.target not in ids:
            hint = did_you_mean(ref.target, ids)
            check.problem(
                ref.line, f"{ref.where}: {ref.field} '{ref.target}' is not an id in this file{hint}"
            )
        elif f"'{ref.target}'" == ref.where:
            check.problem(ref.line, f"{ref.where}: {ref.field} names the exercise itself")
