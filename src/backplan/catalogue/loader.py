"""Validating a catalogue file strictly: every problem as FILE:LINE: message."""

from __future__ import annotations

from collections.abc import Sequence

from backplan.catalogue import schema_v2, yamlnodes
from backplan.catalogue.checker import MAX_CUE_CHARS, MAX_PROBLEMS, CatalogueError, Checker, kind
from backplan.catalogue.model import (
    BODYWEIGHT,
    EQUIPMENT,
    EXERCISE_ID,
    GROUP_NAMES,
    SCHEMA_VERSION,
    Dose,
    Exercise,
    Group,
    Level,
    LoadKind,
    Mechanic,
    Pattern,
    default_load,
)
from backplan.errors import did_you_mean

# --- loading and validating ----------------------------------------------------------

_ID = EXERCISE_ID
_REQUIRED = ("id", "name", "group", "equipment", "level", "mechanic", "cues")
_FIELDS = (*_REQUIRED, "pattern", "focus", *schema_v2.FIELDS)
_TOP_FIELDS = ("version", "exercises")


def parse(data: bytes, source: str) -> tuple[Exercise, ...]:
    """Validate a catalogue file's bytes; raise CatalogueError listing every problem."""
    text = _decode(data, source)
    from backplan.catalogue import safeyaml  # YAML is parsed only when the cache has no answer

    try:
        root = safeyaml.compose(text)
    except yamlnodes.YamlError as err:
        raise CatalogueError([f"{source}:{err.line}: {err.message}"]) from None
    check = Checker()
    exercises = _validate(root, check)
    if check.problems:
        # A stable sort: in file order, and in field order within a line.
        ordered = sorted(check.problems, key=lambda problem: problem[0])[:MAX_PROBLEMS]
        listed = [f"{source}:{line}: {message}" for line, message in ordered]
        raise CatalogueError(listed, more=check.full)
    return tuple(exercises)


def _decode(data: bytes, source: str) -> str:
    if b"\x00" in data:
        raise CatalogueError([f"{source}: holds binary data (NUL bytes), not YAML text"])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise CatalogueError(
            [f"{source}:{line}: not UTF-8 text (byte 0x{data[err.start]:02x}); save it as UTF-8"]
        ) from None


def _validate(root: yamlnodes.Node | None, check: Checker) -> list[Exercise]:
    if root is None:
        check.problem(1, "the file is empty; a catalogue needs 'version: 1' and 'exercises:'")
        return []
    if not isinstance(root, yamlnodes.Map):
        check.problem(
            root.line,
            f"the file must be a mapping with 'version' and 'exercises', not {kind(root)}",
        )
        return []
    top = check.fields(root, _TOP_FIELDS, "catalogue", extensions=True)
    version = _check_version(top.get("version"), root.line, check)
    listing = top.get("exercises")
    if listing is None:
        check.problem(root.line, "missing 'exercises:' (the list of exercises)")
        return []
    if not isinstance(listing, yamlnodes.Seq):
        check.problem(listing.line, f"'exercises' must be a list, not {kind(listing)}")
        return []
    if not listing.items:
        check.problem(listing.line, "'exercises' is empty; add at least one exercise")
    exercises: list[Exercise] = []
    first_line: dict[str, int] = {}
    refs: list[schema_v2.Reference] = []
    for number, node in enumerate(listing.items, start=1):
        if check.full:
            break
        ident, exercise = _exercise(node, number, version, check, refs)
        if ident in first_line:
            check.problem(node.line, f"duplicate id '{ident}' (first at line {first_line[ident]})")
            continue
        if ident:
            first_line[ident] = node.line
        if exercise:
            exercises.append(exercise)
    schema_v2.check_references(refs, set(first_line), check)
    return exercises


def _check_version(node: yamlnodes.Node | None, line: int, check: Checker) -> int:
    """The file's schema version; SCHEMA_VERSION when it cannot be read (so the fields
    are still checked as the newest version reads them)."""
    if node is None:
        check.problem(line, f"missing 'version: {SCHEMA_VERSION}'")
        return SCHEMA_VERSION
    value = node.value if isinstance(node, yamlnodes.Scalar) else None
    if not isinstance(value, int) or isinstance(value, bool):
        check.problem(node.line, f"version must be a whole number, not {kind(node)}")
    elif value > SCHEMA_VERSION:
        check.problem(
            node.line,
            f"version {value} is newer than this backplan reads (up to {SCHEMA_VERSION}); "
            "upgrade backplan",
        )
    elif value < 1:
        check.problem(
            node.line, f"version {value} is not a catalogue version; use {SCHEMA_VERSION}"
        )
    else:
        return value
    return SCHEMA_VERSION


def _exercise(
    node: yamlnodes.Node,
    number: int,
    version: int,
    check: Checker,
    refs: list[schema_v2.Reference],
) -> tuple[str | None, Exercise | None]:
    """The entry's id (when readable) and the exercise (when valid)."""
    where = f"exercise {number}"
    if not isinstance(node, yamlnodes.Map):
        check.problem(node.line, f"{where} must be a mapping of fields, not {kind(node)}")
        return None, None
    before = len(check.problems)
    fields = check.fields(node, _FIELDS, where)
    for required in _REQUIRED:
        if required not in fields:
            check.problem(node.line, f"{where}: missing field '{required}'")
    ident = _exercise_id(fields.get("id"), where, check)
    if ident:
        where = f"'{ident}'"  # later problems name the exercise, easier to find than a number
    name = check.text(fields["name"], f"{where}: name", 100) if "name" in fields else None
    group = _optional_choice(fields, "group", where, GROUP_NAMES, check)
    level = _optional_choice(fields, "level", where, [lv.value for lv in Level], check)
    mechanic = _optional_choice(fields, "mechanic", where, [m.value for m in Mechanic], check)
    pattern = _optional_choice(fields, "pattern", where, [p.value for p in Pattern], check)
    equipment = _equipment(fields.get("equipment"), where, check)
    cues = _cues(fields.get("cues"), where, check)
    focus = (
        check.text(fields["focus"], f"{where}: focus", MAX_CUE_CHARS) if "focus" in fields else None
    )
    extra, references = schema_v2.read(fields, where, version, check, _ID)
    refs.extend(references)
    if extra.get("belt") and equipment is not None:
        load = extra.get("load") or default_load(equipment)
        if load is not LoadKind.BODYWEIGHT or extra.get("dose", Dose.REPS) is not Dose.REPS:
            check.problem(
                fields["belt"].line,
                f"{where}: belt: true fits a bodyweight exercise counted in reps "
                "(a pull-up), not this one",
            )
    if len(check.problems) > before:
        return ident, None
    # No new problem means every required field was read.
    assert ident and name and group and level and mechanic  # noqa: PT018
    assert equipment is not None and cues  # noqa: PT018
    return ident, Exercise(
        id=ident,
        name=name,
        group=Group(group),
        equipment=equipment,
        level=Level(level),
        mechanic=Mechanic(mechanic),
        pattern=Pattern(pattern) if pattern else None,
        cues=cues,
        focus=focus,
        **extra,
    )


def _exercise_id(node: yamlnodes.Node | None, where: str, check: Checker) -> str | None:
    if node is None:
        return None
    ident = check.text(node, f"{where}: id", 64)
    if ident is not None and not _ID.fullmatch(ident):
        check.problem(
            node.line, f"{where}: id '{ident}' must be lowercase words joined by '-' (a-z, 0-9)"
        )
        return None
    return ident


def _optional_choice(
    fields: dict[str, yamlnodes.Node],
    name: str,
    where: str,
    choices: Sequence[str],
    check: Checker,
) -> str | None:
    node = fields.get(name)
    return None if node is None else check.choice(node, f"{where}: {name}", choices)


def _equipment(node: yamlnodes.Node | None, where: str, check: Checker) -> tuple[str, ...] | None:
    if node is None:
        return None
    items = check.text_list(node, f"{where}: equipment")
    if items is None:
        return None
    found: list[str] = []
    for line, item in items:
        if item not in EQUIPMENT:
            hint = did_you_mean(item, EQUIPMENT)
            check.problem(line, f"{where}: unknown equipment '{item}'{hint}")
        elif item in found:
            check.problem(line, f"{where}: equipment '{item}' is listed twice")
        else:
            found.append(item)
    return tuple(found) if found != [BODYWEIGHT] else ()


def _cues(node: yamlnodes.Node | None, where: str, check: Checker) -> tuple[str, ...] | None:
    if node is None:
        return None
    items = check.text_list(node, f"{where}: cues")
    if items is None:
        return None
    if not isinstance(node, yamlnodes.Seq) or len(items) != len(node.items):
        return None  # the bad cue is already reported
    if not 1 <= len(items) <= 4:
        check.problem(node.line, f"{where}: cues has {len(items)} entries; give 1 to 4 short cues")
        return None
    return tuple(cue for _, cue in items)
