"""Read spec YAML fast, keeping where every key, value and item stands.

libyaml's event parser (PyYAML's C binding) does the scanning; this module builds plain
dicts and lists from the events, with the positions the loader reports problems at, and
resolves plain scalars by the YAML 1.2 core schema (``yes`` and ``on`` stay strings, as in
ruamel.yaml). Measured on the real spec: ~0.3 ms a file against ~20 ms for ruamel.yaml's
round-trip loader, which made up most of the generation time of large specs
(``benchmarks/generation.py``). ruamel.yaml is still what ``import-doc`` edits the spec with.

Anchors, aliases and tags have no use in a spec and are refused with their position, as
are duplicate keys.
"""

from __future__ import annotations

import math
import re
from typing import Any

import yaml  # type: ignore[import-untyped]

__all__ = ["Located", "LocatedList", "LocatedMap", "YamlProblem", "load"]

Pos = tuple[int, int]  # 0-based line and column


class YamlProblem(Exception):
    """The text is not YAML the spec may use; ``line`` and ``column`` are 0-based."""

    def __init__(self, line: int, column: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.column = column
        self.message = message


class Located:
    """Positions of a mapping or sequence, in the spirit of ruamel.yaml's ``.lc``."""

    def __init__(self, pos: Pos) -> None:
        self.line, self.col = pos
        self._keys: dict[Any, Pos] = {}
        self._values: dict[Any, Pos] = {}
        self._items: list[Pos] = []

    def key(self, key: Any) -> Pos:
        return self._keys[key]

    def value(self, key: Any) -> Pos:
        return self._values[key]

    def item(self, index: int) -> Pos:
        return self._items[index]


class LocatedMap(dict[Any, Any]):
    lc: Located


class LocatedList(list[Any]):
    lc: Located


_NULL = re.compile(r"~|null|Null|NULL|")
_TRUE = re.compile(r"true|True|TRUE")
_FALSE = re.compile(r"false|False|FALSE")
_INT = re.compile(r"[-+]?[0-9]+")
_OCT = re.compile(r"0o[0-7]+")
_HEX = re.compile(r"0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_INF = re.compile(r"[-+]?\.(inf|Inf|INF)")
_NAN = re.compile(r"\.(nan|NaN|NAN)")


#: The first characters of the plain scalars that are not strings (null, booleans, numbers).
_NOT_STRING_START = frozenset("~nNtTfF-+.0123456789")


def _plain(text: str) -> Any:
    """A plain (unquoted) scalar by the YAML 1.2 core schema."""
    if text and text[0] not in _NOT_STRING_START:
        return text  # most plain scalars of a spec: names and words
    if _NULL.fullmatch(text):
        return None
    if _TRUE.fullmatch(text):
        return True
    if _FALSE.fullmatch(text):
        return False
    if _INT.fullmatch(text):
        return int(text)
    if _OCT.fullmatch(text):
        return int(text[2:], 8)
    if _HEX.fullmatch(text):
        return int(text[2:], 16)
    if _FLOAT.fullmatch(text):
        return float(text)
    if _INF.fullmatch(text):
        return -math.inf if text.startswith("-") else math.inf
    if _NAN.fullmatch(text):
        return math.nan
    return text


def _where(event: Any) -> Pos:
    mark = event.start_mark
    return (mark.line, mark.column)


def load(text: str) -> Any:
    """The one document in ``text`` as dicts, lists and scalars (None for an empty text)."""
    try:
        events = list(yaml.parse(text, Loader=yaml.CSafeLoader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line, mark.column) if mark is not None else (0, 0)
        raise YamlProblem(line, col, str(exc.problem or exc.context or "invalid YAML")) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(0, 0, str(exc)) from None
    documents = [e for e in events if isinstance(e, yaml.DocumentStartEvent)]
    if len(documents) > 1:
        raise YamlProblem(*_where(documents[1]), "only one YAML document per file")
    stack: list[tuple[Any, Any]] = []  # (container, pending key for a mapping)
    root: Any = None
    for event in events:
        kind = type(event)  # dispatched by type: this loop is most of the loading time
        if kind in _SKIPPED:
            continue
        if kind in _ENDS:
            node, _ = stack.pop()
            if not stack:
                root = node
                continue
            _attach(stack, node, node.lc.line, node.lc.col)
            continue
        if kind is yaml.AliasEvent or event.anchor:
            raise YamlProblem(*_where(event), "anchors and aliases are not allowed in the spec")
        tag = event.tag
        if tag is not None and tag != "!":
            implicit = event.implicit
            if not (implicit is True or (isinstance(implicit, tuple) and any(implicit))):
                raise YamlProblem(
                    *_where(event), f"tags such as {tag!r} are not allowed in the spec"
                )
        mark = event.start_mark
        pos = (mark.line, mark.column)
        if kind is yaml.ScalarEvent:
            scalar = event.value if event.style else _plain(event.value)
            if not stack:
                root = scalar
                continue
            _attach(stack, scalar, *pos)
            continue
        container: LocatedMap | LocatedList = LocatedMap() if kind is _MAP else LocatedList()
        container.lc = Located(pos)
        stack.append((container, _NO_KEY))
    return root


_SKIPPED = frozenset({yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentStartEvent,
                      yaml.DocumentEndEvent})  # fmt: skip
_ENDS = frozenset({yaml.MappingEndEvent, yaml.SequenceEndEvent})
_MAP = yaml.MappingStartEvent
_NO_KEY = object()


def _attach(stack: list[tuple[Any, Any]], value: Any, line: int, col: int) -> None:
    """Put ``value`` (found at line, col) into the container on top of the stack."""
    container, pending = stack[-1]
    if isinstance(container, LocatedList):
        container.append(value)
        container.lc._items.append((line, col))
        return
    if pending is _NO_KEY:
        if isinstance(value, (LocatedMap, LocatedList)) or not _hashable(value):
            raise YamlProblem(line, col, "a mapping key must be a plain value")
        if value in container.lc._keys:
            raise YamlProblem(line, col, f'found duplicate key "{value}"')
        container.lc._keys[value] = (line, col)
        stack[-1] = (container, value)
        return
    container[pending] = value
    container.lc._values[pending] = (line, col)
    stack[-1] = (container, _NO_KEY)


def _hashable(value: Any) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True
