"""The catalogue validator's tools: a problem collector and checks of single YAML values."""

from __future__ import annotations

from collections.abc import Sequence

from backplan.catalogue import yamlnodes
from backplan.errors import BackplanError, did_you_mean
from backplan.text import control_character

MAX_CUE_CHARS = 200
MAX_PROBLEMS = 200  # listed; a file with more is checked no further


class CatalogueError(BackplanError):
    """A catalogue that cannot be used, with every problem as `FILE:LINE: message`."""

    def __init__(self, problems: Sequence[str], more: bool = False) -> None:
        count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
        if more:
            count = f"the first {count} (it was checked no further)"
        super().__init__(f"The catalogue was refused: {count}.", details=problems)
        self.problems = list(problems)


def kind(value: object) -> str:
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


class Checker:
    """Collects problems as `FILE:LINE: message`; each check returns a value or None."""

    def __init__(self) -> None:
        self.problems: list[tuple[int, str]] = []

    def problem(self, line: int, message: str) -> None:
        self.problems.append((line, message))

    @property
    def full(self) -> bool:
        """Enough problems to show: checking further would only take time."""
        return len(self.problems) >= MAX_PROBLEMS

    def fields(
        self, node: yamlnodes.Map, known: Sequence[str], where: str, *, extensions: bool = False
    ) -> dict[str, yamlnodes.Node]:
        """The known fields by name; with `extensions`, `x-` fields (anchors) are skipped."""
        found: dict[str, yamlnodes.Node] = {}
        for key, value in node.pairs:
            name = key.value if isinstance(key, yamlnodes.Scalar) else None
            if not isinstance(name, str):
                self.problem(key.line, f"{where}: field names must be text, not {kind(key)}")
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
            self.problem(node.line, f"{what} must be text, not {kind(node)}")
            return None
        value = value.strip()
        if not value:
            self.problem(node.line, f"{what} is empty")
            return None
        unsafe = control_character(value)
        if unsafe:
            self.problem(node.line, f"{what} contains {unsafe}")
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

    def text_list(
        self, node: yamlnodes.Node, what: str, limit: int = MAX_CUE_CHARS
    ) -> list[tuple[int, str]] | None:
        if not isinstance(node, yamlnodes.Seq):
            self.problem(node.line, f"{what} must be a list, not {kind(node)}")
            return None
        items = []
        for item in node.items:
            value = self.text(item, f"each of {what}", limit)
            if value is not None:
                items.append((item.line, value))
        return items

    def whole_pair(self, node: yamlnodes.Node, what: str) -> tuple[int, int] | None:
        """`[low, high]`: two positive whole numbers, low <= high."""
        values = (
            [item.value if isinstance(item, yamlnodes.Scalar) else None for item in node.items]
            if isinstance(node, yamlnodes.Seq)
            else []
        )
        if len(values) != 2 or not all(
            isinstance(v, int) and not isinstance(v, bool) and 0 < v <= 10_000 for v in values
        ):
            self.problem(node.line, f"{what} must be two positive whole numbers, like [8, 12]")
            return None
        low, high = values
        assert isinstance(low, int)
        assert isinstance(high, int)
        if low > high:
            self.problem(node.line, f"{what} [{low}, {high}] runs backwards; write [{high}, {low}]")
            return None
        return low, high

    def flag(self, node: yamlnodes.Node, what: str) -> bool | None:
        value = node.value if isinstance(node, yamlnodes.Scalar) else None
        if not isinstance(value, bool):
            self.problem(node.line, f"{what} must be true or false, not {kind(node)}")
            return None
        return value
