"""Read YAML text into plain nodes that remember their line, refusing hostile input.

PyYAML's event parser (libyaml's when available) is iterative, so nesting cannot
overflow the stack; the nodes are built here with an explicit stack, limits on
depth and scalar size, and no tags beyond YAML's plain types. Aliases become
shared references, never copies, so an alias bomb costs one node per alias.
"""

from __future__ import annotations

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.resolver import Resolver

from backplan.catalogue.yamlnodes import Map, Node, Scalar, Seq, YamlError

try:  # the C parser is many times faster; PyYAML without libyaml still works
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_DEPTH = 32
MAX_SCALAR_CHARS = 10_000

_CORE = "tag:yaml.org,2002:"
_ALLOWED_TAGS = frozenset(
    _CORE + name for name in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp")
)
_MERGE = _CORE + "merge"
_resolver = Resolver()
_constructor = SafeConstructor()


def compose(text: str) -> Node | None:
    """The single document in `text` as nodes, or None when it holds no document."""
    stack: list[Seq | Map] = []
    pending_keys: list[Node | None] = []
    anchors: dict[str, Node] = {}
    # The anchors of the containers being built, innermost last.
    open_anchors: list[str | None] = []
    root: Node | None = None
    documents = 0

    def attach(node: Node) -> None:
        nonlocal root
        if not stack:
            root = node
            return
        parent = stack[-1]
        if isinstance(parent, Seq):
            parent.items.append(node)
        elif pending_keys[-1] is None:
            pending_keys[-1] = node
        else:
            key = pending_keys[-1]
            assert key is not None
            parent.pairs.append((key, node))
            pending_keys[-1] = None

    try:
        for event in yaml.parse(text, Loader=_Loader):
            line = event.start_mark.line + 1 if event.start_mark is not None else 1
            if isinstance(event, yaml.ScalarEvent):
                node: Node = _scalar(event, line)
                if event.anchor:
                    anchors[event.anchor] = node
                attach(node)
            elif isinstance(event, yaml.AliasEvent):
                if event.anchor not in anchors:
                    raise YamlError(line, f"alias *{event.anchor} has no finished anchor before it")
                attach(anchors[event.anchor])
            elif isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                _check_tag(event.tag, line)
                if len(stack) >= MAX_DEPTH:
                    raise YamlError(line, f"nested more than {MAX_DEPTH} levels deep")
                container: Seq | Map
                container = Seq(line) if isinstance(event, yaml.SequenceStartEvent) else Map(line)
                attach(container)
                stack.append(container)
                pending_keys.append(None)
                # Registered when finished, so an alias cannot point into itself.
                open_anchors.append(event.anchor)
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                finished = stack.pop()
                pending_keys.pop()
                if isinstance(finished, Map):
                    _apply_merges(finished)
                anchor = open_anchors.pop()
                if anchor:
                    anchors[anchor] = finished
            elif isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise YamlError(line, "holds more than one YAML document; use one")
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark is not None else 1
        problem = err.problem or "is not valid YAML"
        context = f" ({err.context})" if err.context else ""
        raise YamlError(line, f"YAML syntax: {problem}{context}") from None
    except yaml.YAMLError as err:
        raise YamlError(1, f"YAML: {err}") from None
    return root


def _check_tag(tag: str | None, line: int) -> None:
    if tag not in (None, "!") and tag not in _ALLOWED_TAGS:
        shown = tag.replace(_CORE, "!!")
        raise YamlError(line, f"tag {shown} is not allowed: a catalogue is plain YAML")


_STR = _CORE + "str"
# Plain scalars whose first character starts no number, bool, null or merge key are text;
# most catalogue values are, and this skips the resolver's regular expressions for them.
_MAYBE_NOT_TEXT = frozenset(Resolver.yaml_implicit_resolvers) | {""}


def _scalar(event: yaml.ScalarEvent, line: int) -> Scalar:
    value = event.value
    if len(value) > MAX_SCALAR_CHARS:
        raise YamlError(line, f"a value of {len(value):,} characters is too long")
    if event.tag in (None, "!"):
        if not event.implicit[0] or value[:1] not in _MAYBE_NOT_TEXT:
            return Scalar(value, line)
        tag: str = _resolver.resolve(  # type: ignore[no-untyped-call]
            yaml.ScalarNode, value, event.implicit
        )
    else:
        _check_tag(event.tag, line)
        tag = event.tag
    if tag == _STR:
        return Scalar(value, line)
    if tag == _MERGE:
        return Scalar("<<", line, is_merge=True)
    node = yaml.ScalarNode(tag, value)
    try:
        return Scalar(_constructor.construct_object(node), line)
    except (ConstructorError, ValueError) as err:
        shown = value if len(value) <= 40 else f"{value[:20]}…({len(value):,} characters)"
        raise YamlError(line, f"'{shown}' is not a valid {tag.replace(_CORE, '')}") from err


def _apply_merges(mapping: Map) -> None:
    """YAML merge keys (`<<: *defaults`): explicit keys win over merged ones."""
    if not any(isinstance(key, Scalar) and key.is_merge for key, _ in mapping.pairs):
        return
    explicit = [(k, v) for k, v in mapping.pairs if not (isinstance(k, Scalar) and k.is_merge)]
    seen = {k.value for k, _ in explicit if isinstance(k, Scalar)}
    for key, value in mapping.pairs:
        if not (isinstance(key, Scalar) and key.is_merge):
            continue
        sources = value.items if isinstance(value, Seq) else [value]
        for source in sources:
            if not isinstance(source, Map):
                raise YamlError(key.line, "a merge key (<<) must refer to a mapping")
            for merged_key, merged_value in source.pairs:
                if isinstance(merged_key, Scalar) and merged_key.value not in seen:
                    seen.add(merged_key.value)
                    explicit.append((merged_key, merged_value))
    mapping.pairs = explicit
