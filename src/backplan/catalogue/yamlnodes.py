"""YAML values as plain nodes that remember their line (built by safeyaml).

Kept apart from the parser so that reading a cached catalogue never imports YAML.
"""

from __future__ import annotations


class YamlError(Exception):
    """A problem with the YAML text itself, at a 1-based line."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


class Scalar:
    __slots__ = ("is_merge", "line", "value")

    def __init__(self, value: object, line: int, *, is_merge: bool = False) -> None:
        self.value = value
        self.line = line
        self.is_merge = is_merge


class Seq:
    __slots__ = ("items", "line")

    def __init__(self, line: int) -> None:
        self.items: list[Node] = []
        self.line = line


class Map:
    __slots__ = ("line", "pairs")

    def __init__(self, line: int) -> None:
        self.pairs: list[tuple[Node, Node]] = []
        self.line = line


Node = Scalar | Seq | Map
