"""Loading a catalogue file with strict validation: every problem as FILE:LINE: message."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from backplan.catalogue import yamlnodes
from backplan.catalogue.model import (
    BODYWEIGHT,
    EQUIPMENT,
    GROUP_NAMES,
    Catalogue,
    Exercise,
    Group,
    Level,
    Mechanic,
    Pattern,
)
from backplan.errors import BackplanError, did_you_mean

SCHEMA_VERSION = 1
MAX_FILE_BYTES = 16 * 1024 * 1024

# --- loading and validating ----------------------------------------------------------

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_REQUIRED = ("id", "name", "group", "equipment", "level", "mechanic", "cues")
_FIELDS = (*_REQUIRED, "pattern", "focus")
_TOP_FIELDS = ("version", "exercises")
MAX_CUE_CHARS = 200


class CatalogueError(BackplanError):
    """A catalogue that cannot be used, with every problem as `FILE:LINE: message`."""

    def __init__(self, problems: Sequence[str]) -> None:
        count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
        super().__init__(f"The catalogue was refused: {count}.", details=problems)
        self.problems = list(problems)


def load(path: Path, *, use_cache: bool = True) -> Catalogue:
    """Read and validate a catalogue file; raise CatalogueError listing every problem.

    A file validated before is read back from the cache instead (see catalogue.cache)."""
    source = str(path)
    data = _read_bytes(path, source)
    if use_cache:
        from backplan.catalogue import cache as catalogue_cache

        cached = catalogue_cache.read(data)
        if cached is not None:
            return Catalogue(source, cached)
    text = _decode(data, source)
    from backplan.catalogue import safeyaml  # YAML is parsed only when the cache has no answer

    try:
        root = safeyaml.compose(text)
    except yamlnodes.YamlError as err:
        raise CatalogueError([f"{source}:{err.line}: {err.message}"]) from None
    check = _Checker()
    exercises = _validate(root, check)
    if check.problems:
        # A stable sort: in file order, and in field order within a line.
        ordered = sorted(check.problems, key=lambda problem: problem[0])
        raise CatalogueError([f"{source}:{line}: {message}" for line, message in ordered])
    if use_cache:
        catalogue_cache.write(data, tuple(exercises))
    return Catalogue(source, tuple(exercises))


def _read_bytes(path: Path, source: str) -> bytes:
    try:
        if path.is_dir():
            raise CatalogueError([f"{source}: is a directory; give the path of a YAML file"])
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise CatalogueError([f"{source}: no such file"]) from None
    except PermissionError:
        raise CatalogueError([f"{source}: permission denied; cannot read it"]) from None
    except OSError as err:
        raise CatalogueError([f"{source}: cannot be read ({err.strerror or err})"]) from None
    if len(data) > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // (1024 * 1024)
        raise CatalogueError([f"{source}: larger than {limit} MB; that is not a catalogue"])
    return data


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


def _kind(value: object) -> str:
    if isinstance(value, yamlnodes.Map):
        return "a mapping"
    if isinstance(value, yamlnodes.Seq):
        return "a list"
    value = value.value if isinstance(value, yamlnodes.Scalar) else value
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    return f"a {type(value).__name__}"


class _Checker:
    """Collects problems as `FILE:LINE: message`; each check returns a value or None."""

    def __init__(self) -> None:
        self.problems: list[tuple[int, str]] = []

    def problem(self, line: int, message: str) -> None:
        self.problems.append((line, message))

    def fields(
        self, node: yamlnodes.Map, known: Sequence[str], where: str, *, extensions: bool = False
    ) -> dict[str, yamlnodes.Node]:
        """The known fields by name; with `extensions`, `x-` fields (anchors) are skipped."""
        found: dict[str, yamlnodes.Node] = {}
        for key, value in node.pairs:
            name = key.value if isinstance(key, yamlnodes.Scalar) else None
            if not isinstance(name, str):
                self.problem(key.line, f"{where}: field names must be text, not {_kind(key)}")
            elif name in found:
                self.problem(key.line, f"{where}: field '{name}' is given twice")
            elif extensions and name.startswith("x-"):
                continue
            elif name not in known:
                hint = did_you_mean(name, known)
                if extensions and not hint:
                    hint = " (shared anchors go under a key that starts with 'x-')"
                self.problem(key.line, f"{where}: unknown field '{name}'{hint}")
            else:
                found[name] = value
        return found

    def text(self, node: yamlnodes.Node, what: str, limit: int) -> str | None:
        value = node.value if isinstance(node, yamlnodes.Scalar) else None
        if not isinstance(value, str):
            self.problem(node.line, f"{what} must be text, not {_kind(node)}")
            return None
        value = value.strip()
        if not value:
            self.problem(node.line, f"{what} is empty")
            return None
        if len(value) > limit:
            self.problem(node.line, f"{what} is {len(value)} characters; at most {limit}")
            return None
        return value

    def choice(self, node: yamlnodes.Node, what: str, choices: Sequence[str]) -> str | None:
        value = self.text(node, what, 64)
        if value is None:
            return None
        if value not in choices:
            hint = did_you_mean(value, choices)
            allowed = ", ".join(choices)
            self.problem(node.line, f"{what} '{value}' is not known{hint}; use one of: {allowed}")
            return None
        return value

    def text_list(self, node: yamlnodes.Node, what: str) -> list[tuple[int, str]] | None:
        if not isinstance(node, yamlnodes.Seq):
            self.problem(node.line, f"{what} must be a list, not {_kind(node)}")
            return None
        items = []
        for item in node.items:
            value = self.text(item, f"each of {what}", MAX_CUE_CHARS)
            if value is not None:
                items.append((item.line, value))
        return items


def _validate(root: yamlnodes.Node | None, check: _Checker) -> list[Exercise]:
    if root is None:
        check.problem(1, "the file is empty; a catalogue needs 'version: 1' and 'exercises:'")
        return []
    if not isinstance(root, yamlnodes.Map):
        check.problem(
            root.line,
            f"the file must be a mapping with 'version' and 'exercises', not {_kind(root)}",
        )
        return []
    top = check.fields(root, _TOP_FIELDS, "catalogue", extensions=True)
    _check_version(top.get("version"), root.line, check)
    listing = top.get("exercises")
    if listing is None:
        check.problem(root.line, "missing 'exercises:' (the list of exercises)")
        return []
    if not isinstance(listing, yamlnodes.Seq):
        check.problem(listing.line, f"'exercises' must be a list, not {_kind(listing)}")
        return []
    if not listing.items:
        check.problem(listing.line, "'exercises' is empty; add at least one exercise")
    exercises: list[Exercise] = []
    first_line: dict[str, int] = {}
    for number, node in enumerate(listing.items, start=1):
        ident, exercise = _exercise(node, number, check)
        if ident in first_line:
            check.problem(node.line, f"duplicate id '{ident}' (first at line {first_line[ident]})")
            continue
        if ident:
            first_line[ident] = node.line
        if exercise:
            exercises.append(exercise)
    return exercises


def _check_version(node: yamlnodes.Node | None, line: int, check: _Checker) -> None:
    if node is None:
        check.problem(line, f"missing 'version: {SCHEMA_VERSION}'")
        return
    value = node.value if isinstance(node, yamlnodes.Scalar) else None
    if not isinstance(value, int) or isinstance(value, bool):
        check.problem(node.line, f"version must be a whole number, not {_kind(node)}")
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


def _exercise(
    node: yamlnodes.Node, number: int, check: _Checker
) -> tuple[str | None, Exercise | None]:
    """The entry's id (when readable) and the exercise (when valid)."""
    where = f"exercise {number}"
    if not isinstance(node, yamlnodes.Map):
        check.problem(node.line, f"{where} must be a mapping of fields, not {_kind(node)}")
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
    )


def _exercise_id(node: yamlnodes.Node | None, where: str, check: _Checker) -> str | None:
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
    check: _Checker,
) -> str | None:
    node = fields.get(name)
    return None if node is None else check.choice(node, f"{where}: {name}", choices)


def _equipment(node: yamlnodes.Node | None, where: str, check: _Checker) -> tuple[str, ...] | None:
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


def _cues(node: yamlnodes.Node | None, where: str, check: _Checker) -> tuple[str, ...] | None:
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
