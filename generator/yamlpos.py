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


def _plain(text: str) -> Any:
    """A plain (unquoted) scalar by the YAML 1.2 core schema."""
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
        if isinstance(event, (yaml.StreamStartEvent, yaml.StreamEndEvent)):
            continue
        if isinstance(event, (yaml.DocumentStartEvent, yaml.DocumentEndEvent)):
            continue
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise YamlProblem(*_where(event), "anchors and aliases are not allowed in the spec")
        if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            node, _ = stack.pop()
            if not stack:
                root = node
                continue
            _attach(stack, node, node.lc.line, node.lc.col)
            continue
        tag = getattr(event, "tag", None)
        implicit = getattr(event, "implicit", True)
        explicit = tag not in (None, "!") and not (
            implicit is True or (isinstance(implicit, tuple) and any(implicit))
        )
        if explicit:
            raise YamlProblem(*_where(event), f"tags such as {tag!r} are not allowed in the spec")
        pos = _where(event)
        if isinstance(event, yaml.MappingStartEvent):
            mapping = LocatedMap()
            mapping.lc = Located(pos)
            stack.append((mapping, _NO_KEY))
            continue
        if isinstance(event, yaml.SequenceStartEvent):
            seq = LocatedList()
            seq.lc = Located(pos)
            stack.append((seq, _NO_KEY))
            continue
        assert isinstance(event, yaml.ScalarEvent)
        scalar = event.value if event.style else _plain(event.value)
        if not stack:
            root = scalar
            continue
        _attach(stack, scalar, *pos)
    return root


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
