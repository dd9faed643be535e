"""The shapes of the spec files, as data, and the one interpreter that checks them.

Which keys each kind of entry takes, whether they are required, for which ``type`` they apply,
and what kind of value each holds, are the tables at the end of this module (``SERVICE``,
``ERRORS``, ``ACTION`` and the entries they nest: ``PARAMETER``, ``ITEM``, ``RESPONSE_FIELD``,
...). :class:`Checker` walks a parsed YAML document along them and reports every problem with
its position; rules that span several entries or files (names that collide, a default outside
the enum, a shared model with other fields, pagination that names no parameter) are the
loader's (``generator.loader``), which builds the IR from what passes here.

Importing this module has no side effects (it imports the standard library and the IR's
names of the scalar types, ``generator.ir.SCALAR_TYPES``), and it reads
both the loader's documents (``generator.yamlpos``) and ruamel.yaml's round-trip documents (any
``dict``/``list`` whose ``.lc`` has ``key(k)``, ``value(k)`` and ``item(i)``, as both have;
plain dicts and lists are checked too, with the positions of the nearest located parent).

API::

    checker = Checker("spec/actions/X.yaml")       # or Checker(name, problems) to share a list
    ok = checker.check(doc, ACTION)                # True when nothing was found
    checker.problems                               # [Problem(file, line, column, message)]
    checker.valid(node)                            # a mapping or list checked without problems
    checker.valid(node, "key")                     # ... and that one key's value passed too
    problems = check(doc, ACTION, "X.yaml")        # the same in one call

    Entry(what, keys): a mapping's keys, ``keys`` maps names to Key(kind, required=False,
        types=None, needed_by=()): ``types`` (the entry's ``type`` values the key applies to),
        ``needed_by`` (the types that need it).
    Kinds of values: Str(pattern), Bool(), Integer(minimum, noun), OneOf(choices),
        Nullable(kind), ListOf(kind, nonempty, distinct), Range(), TypedValue() (a value of the
        entry's own ``type``), Json(), OneOrList(kind), Variant(key, present, absent), Ref(name)
        (an entry of ENTRIES by name: the recursion of response fields), and an Entry itself.
    Positions (0-based line and column, as the parsers keep them): pos_of(node),
        key_pos(node, key, default), value_pos(node, key, default), item_pos(seq, i, default).
    Entries: SERVICE, ERRORS (and ERROR), ACTION, and what an action nests: TEXT, CORRECTION,
        PAGES, PAGINATION, PARAMETER, SCALAR_ITEM, ITEM, ITEM_FIELD, RESPONSE_FIELD,
        RESPONSE_ITEM, RESPONSE_SCALAR_ITEM, NAMED_ENUM; ``Entry.allowed`` lists its keys,
        ``Entry.keys[k].types`` the types a key applies to.
    Vocabulary: SCALAR_TYPES, PARAMETER_TYPES, RESPONSE_TYPES, CORRECTION_FACTS, the name
        patterns (ACTION_NAME, WIRE_NAME, FIELD_NAME, CLASS_NAME, CODE_DESC), and
        scalar_value_problem(type, value) (why a value is not of a scalar type, or None),
        kind_of(value) and article(type) as the messages word them.

Messages name the entry by its path in the file (``parameters[1].range``) and the rule.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .ir import SCALAR_TYPES

__all__ = [
    "ACTION",
    "ACTION_NAME",
    "CLASS_NAME",
    "CODE_DESC",
    "CODE_LIMIT",
    "CORRECTION",
    "CORRECTION_FACTS",
    "ENTRIES",
    "ERROR",
    "ERRORS",
    "FIELD_NAME",
    "ITEM",
    "ITEM_FIELD",
    "NAMED_ENUM",
    "PAGES",
    "PAGINATION",
    "PARAMETER",
    "PARAMETER_TYPES",
    "RESPONSE_FIELD",
    "RESPONSE_ITEM",
    "RESPONSE_SCALAR_ITEM",
    "RESPONSE_TYPES",
    "SCALAR_ITEM",
    "SCALAR_TYPES",
    "SERVICE",
    "TEXT",
    "WIRE_NAME",
    "Bool",
    "Checker",
    "Entry",
    "Integer",
    "Json",
    "Key",
    "ListOf",
    "Nullable",
    "OneOf",
    "OneOrList",
    "Pos",
    "Problem",
    "Range",
    "Ref",
    "Str",
    "TypedValue",
    "Variant",
    "article",
    "check",
    "item_pos",
    "key_pos",
    "kind_of",
    "pos_of",
    "scalar_value_problem",
    "value_pos",
]

Pos = tuple[int, int]  # 0-based line and column

#: Integers of the spec are 64-bit, as the service's are.
CODE_LIMIT = 2**63


@dataclass(frozen=True)
class Problem:
    file: str
    line: int  # 1-based
    column: int  # 1-based
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message}"


# -- positions ------------------------------------------------------------------------------


def pos_of(node: Any, default: Pos = (0, 0)) -> Pos:
    """Where a mapping or list starts."""
    lc = getattr(node, "lc", None)
    if lc is None or getattr(lc, "line", None) is None:
        return default
    return (lc.line, lc.col)


def key_pos(node: Any, key: Any, default: Pos | None = None) -> Pos:
    try:
        line, col = node.lc.key(key)
        return (line, col)
    except (KeyError, TypeError, AttributeError):
        return pos_of(node, default or (0, 0))


def value_pos(node: Any, key: Any, default: Pos | None = None) -> Pos:
    try:
        line, col = node.lc.value(key)
        return (line, col)
    except (KeyError, TypeError, AttributeError):
        return key_pos(node, key, default)


def item_pos(seq: Any, index: int, default: Pos) -> Pos:
    try:
        line, col = seq.lc.item(index)
        return (line, col)
    except (KeyError, TypeError, AttributeError, IndexError):
        return default


def kind_of(value: object) -> str:
    """A value as messages show it: ``a mapping``, ``the string 'x'``, ``int 5``."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return f"the string {value!r}"
    return f"{type(value).__name__} {value!r}"


# -- the interpreter ------------------------------------------------------------------------


@dataclass(frozen=True)
class _At:
    """Where a value is: its path for messages, its position, and the entry it belongs to."""

    where: str
    pos: Pos
    entry: Any  # the enclosing mapping (whose ``type`` TypedValue reads)

    def child(self, key: str) -> str:
        return key if not self.where else f"{self.where}.{key}"


class Checker:
    """Checks the documents of one file; collects the problems found, with positions."""

    def __init__(self, file: str, problems: list[Problem] | None = None) -> None:
        self.file = file
        self.problems: list[Problem] = [] if problems is None else problems
        self._bad: set[int] = set()  # ids of mappings and lists with a problem inside
        self._bad_keys: set[tuple[int, Any]] = set()  # (id of mapping, key) whose value failed

    def error(self, pos: Pos, message: str) -> None:
        self.problems.append(Problem(self.file, pos[0] + 1, pos[1] + 1, message))

    def check(self, node: Any, kind: Kind, where: str = "", pos: Pos | None = None) -> bool:
        """Check ``node`` (found at ``pos``) against ``kind``; ``where`` is its path in the
        file ("" for the whole document: its keys are then named bare, as ``summary``)."""
        at = _At(where, pos_of(node) if pos is None else pos, node)
        try:
            return kind.check(self, node, at)
        except RecursionError:
            self.error(at.pos, f"{where or 'the document'} is nested too deeply")
            return False

    def valid(self, node: Any, key: Any = None) -> bool:
        """``node`` was checked and nothing was found in it (with ``key``: in that key's
        value, which must be present)."""
        if key is not None:
            return key in node and (id(node), key) not in self._bad_keys
        return id(node) not in self._bad

    def _fail(self, node: Any) -> bool:
        if isinstance(node, (dict, list)):
            self._bad.add(id(node))
        return False


class Kind:
    """What a value must be. ``check`` reports what is wrong and says whether it passed."""

    def check(self, c: Checker, value: Any, at: _At) -> bool:
        raise NotImplementedError


@dataclass(frozen=True)
class Key:
    kind: Kind
    required: bool = False
    types: tuple[str, ...] | None = None  # applies only where the entry's type is one of these
    needed_by: tuple[str, ...] = ()  # required where the entry's type is one of these


@dataclass(frozen=True)
class Entry(Kind):
    """A mapping with known keys. ``what`` names it where it is the whole document."""

    what: str
    keys: Mapping[str, Key] = field(default_factory=dict)

    @property
    def allowed(self) -> tuple[str, ...]:
        return tuple(sorted(self.keys))

    def check(self, c: Checker, value: Any, at: _At) -> bool:
        where = at.where or self.what
        if not isinstance(value, dict):
            c.error(at.pos, f"{where} must be a mapping, got {kind_of(value)}")
            return c._fail(value)
        ok = True
        for key in value:
            if not isinstance(key, str) or key not in self.keys:
                c.error(
                    key_pos(value, key, at.pos),
                    f"unknown key {key!r} in {where}; allowed: {', '.join(self.allowed)}",
                )
                c._bad_keys.add((id(value), key))
                ok = False
        for key, spec in self.keys.items():
            if spec.required and key not in value:
                c.error(pos_of(value, at.pos), f"{where} is missing the key {key!r}")
                ok = False
        # The entry's own type first: which of the other keys apply depends on it.
        own: str | None = None
        if "type" in self.keys and "type" in value:
            ok = self._key(c, value, "type", self.keys["type"], at, None) and ok
            own = value["type"] if c.valid(value, "type") else None
        for key, spec in self.keys.items():
            if key != "type" and key in value:
                ok = self._key(c, value, key, spec, at, own) and ok
        if own is not None:
            for key, spec in self.keys.items():
                if own in spec.needed_by and key not in value:
                    c.error(pos_of(value, at.pos), f"{where}: {article(own)} {own} needs {key!r}")
                    ok = False
        return ok or c._fail(value)

    def _key(self, c: Checker, node: Any, key: str, spec: Key, at: _At, own: str | None) -> bool:
        where = at.where or self.what
        if own is not None and spec.types is not None and own not in spec.types:
            c.error(
                key_pos(node, key, at.pos),
                f"{where}: {key!r} does not apply to {article(own)} {own}",
            )
            c._bad_keys.add((id(node), key))
            return False
        child = _At(at.child(key), value_pos(node, key, at.pos), node)
        if spec.kind.check(c, node[key], child):
            return True
        c._bad_keys.add((id(node), key))
        return False


def article(word: str) -> str:
    """The article of a type name: an Int, an Array, an Object; a String, a UInt."""
    return "an" if word in ("Int", "Array", "Object") else "a"


@dataclass(frozen=True)
class Str(Kind):
    """A non-empty string, matching ``pattern`` if given."""

    pattern: re.Pattern[str] | None = None

    def check(self, c: Checker, value: Any, at: _At) -> bool:
        if not isinstance(value, str) or not value.strip():
            c.error(at.pos, f"{at.where} must be a non-empty string")
            return False
        if self.pattern is not None and not self.pattern.match(value):
            c.error(at.pos, f"{at.where} {value!r} must match {self.pattern.pattern}")
            return False
        return True


@dataclass(frozen=True)
class Bool(Kind):
    def check(self, c: Checker, value: Any, at: _At) -> bool:
        if not isinstance(value, bool):
            c.error(at.pos, f"{at.where} must be true or false, got {kind_of(value)}")
            return False
        return True


@dataclass(frozen=True)
class Integer(Kind):
    """A 64-bit integer, at least ``minimum`` if given; ``noun`` says what it is."""

    minimum: int | None = None
    noun: str = "an integer"

    def check(self, c: Checker, value: Any, at: _At) -> bool:
        if isinstance(value, bool) or not isinstance(value, int):
            c.error(at.pos, f"{at.where} must be {self.noun}, got {kind_of(value)}")
            return False
        if not -CODE_LIMIT < value < CODE_LIMIT:
            c.error(at.pos, f"{at.where} {value} is out of the 64-bit range")
            return False
        if self.minimum is not None and value < self.minimum:
            c.error(at.pos, f"{at.where} must be at least {self.minimum}")
            return False
        return True


@dataclass(frozen=True)
class OneOf(Kind):
    choices: tuple[str, ...]

    def check(self, c: Checker, value: Any, at: _At) -> bool:
        if not isinstance(value, str) or value not in self.choices:
            c.error(at.pos, f"{at.where} must be one of {', '.join(self.choices)}, got {value!r}")
            return False
        return True


@dataclass(frozen=True)
class Nullable(Kind):
    """``null``, or a value of ``kind``."""

    kind: Kind

    def check(self, c: Checker, value: Any, at: _At) -> bool:
        return value is None or self.kind.check(c, value, at)


@dataclass(frozen=True)
class ListOf(Kind):
    """A list of values of ``kind``; ``nonempty``: at least one; ``distinct``: each once."""

    kind: Kind
    nonempty: bool = False
    distinct: bool = False

    def check(self, c: Checker, value: Any, at: _At) -> bool:
        if not isinstance(value, list):
            c.error(at.pos, f"{at.where} must be a list, got {kind_of(value)}")
            return c._fail(value)
        if self.nonempty and not value:
            c.error(at.pos, f"{at.where} must not be empty")
            return c._fail(value)
        ok = True
        seen: list[Any] = []
        for i, item in enumerate(value):
            child = _At(f"{at.where}[{i}]", item_pos(value, i, at.pos), at.entry)
            if not self.kind.check(c, item, child):
                ok = False
            elif self.distinct and _hashable(item) and item in seen:
                c.error(child.pos, f"{child.where}: {item!r} is listed twice")
                ok = False
            seen.append(item)
        return ok or c._fail(value)


def _hashable(value: Any) -> bool:
    return not isinstance(value, (dict, list))


@dataclass(frozen=True)
class Range(Kind):
    """``[low, high]``: inclusive integer bounds, either of which may be null."""

    def check(self, c: Checker, value: Any, at: _At) -> bool:
        def bound(b: Any) -> bool:
            return b is None or (
                not isinstance(b, bool) and isinstance(b, int) and -CODE_LIMIT < b < CODE_LIMIT
            )

        if (
            not isinstance(value, list)
            or len(value) != 2
            or not all(bound(b) for b in value)
            or value == [None, None]
            or (None not in value and value[0] > value[1])
        ):
            c.error(
                at.pos,
                f"{at.where} must be [low, high] integers with low <= high "
                "(one of them may be null)",
            )
            return False
        return True


#: The scalar types of the spec (as the IR names them), the parameter types, the response types.
PARAMETER_TYPES = (*SCALAR_TYPES, "Array")
RESPONSE_TYPES = (*SCALAR_TYPES, "Object", "Array")


def scalar_value_problem(type_: str, value: Any) -> str | None:
    """Why ``value`` is not a value of the scalar ``type_`` (None: it is one)."""
    if type_ == "String":
        return None if isinstance(value, str) else f"{kind_of(value)} is not a String"
    if isinstance(value, bool) or not isinstance(value, int):
        return f"{kind_of(value)} is not {article(type_)} {type_}"
    if not -CODE_LIMIT < value < CODE_LIMIT:
        return f"{value} is out of the 64-bit range"
    if type_ == "UInt" and value < 0:
        return f"{value} is not a UInt (at least 0)"
    return None


@dataclass(frozen=True)
class TypedValue(Kind):
    """A value of the scalar type the enclosing entry's ``type`` names (not checked when the
    type is missing or wrong: that is reported on its own)."""

    def check(self, c: Checker, value: Any, at: _At) -> bool:
        own = at.entry.get("type") if isinstance(at.entry, dict) else None
        if own not in SCALAR_TYPES:
            return True
        problem = scalar_value_problem(own, value)
        if problem is not None:
            c.error(at.pos, f"{at.where}: {problem}")
            return False
        return True


@dataclass(frozen=True)
class Json(Kind):
    """A JSON value (``mapping``: a JSON object): strings, integers, finite numbers, booleans,
    null, lists and mappings with string keys."""

    mapping: bool = False
    noun: str = "a mapping"

    def check(self, c: Checker, value: Any, at: _At) -> bool:
        if self.mapping and not isinstance(value, dict):
            c.error(at.pos, f"{at.where} must be {self.noun}, got {kind_of(value)}")
            return c._fail(value)
        ok = True
        stack: list[tuple[Any, str, Pos]] = [(value, at.where, at.pos)]
        while stack:  # not recursive: a deep document is not a deep stack
            node, where, pos = stack.pop()
            if isinstance(node, dict):
                for key, item in node.items():
                    if not isinstance(key, str):
                        c.error(
                            key_pos(node, key, pos), f"{where}: the key {key!r} is not a string"
                        )
                        ok = False
                        continue
                    stack.append((item, f"{where}.{key}", value_pos(node, key, pos)))
            elif isinstance(node, list):
                for i, item in enumerate(node):
                    stack.append((item, f"{where}[{i}]", item_pos(node, i, pos)))
            elif isinstance(node, float) and not math.isfinite(node):
                c.error(pos, f"{where}: {node} is not a JSON number")
                ok = False
            elif node is not None and not isinstance(node, (str, int, float)):
                c.error(pos, f"{where}: {kind_of(node)} is not a JSON value")
                ok = False
        return ok or c._fail(value)


@dataclass(frozen=True)
class OneOrList(Kind):
    """One value of ``kind``, or a non-empty list of them."""

    kind: Kind

    def check(self, c: Checker, value: Any, at: _At) -> bool:
        if not isinstance(value, list):
            return self.kind.check(c, value, at)
        if not value:
            c.error(at.pos, f"{at.where} must not be an empty list")
            return c._fail(value)
        return ListOf(self.kind).check(c, value, at)


@dataclass(frozen=True)
class Variant(Kind):
    """``present`` where the mapping has ``key``, else ``absent`` (what is not a mapping is
    reported by ``absent``)."""

    key: str
    present: Kind
    absent: Kind

    def check(self, c: Checker, value: Any, at: _At) -> bool:
        chosen = self.present if isinstance(value, dict) and self.key in value else self.absent
        return chosen.check(c, value, at)


@dataclass(frozen=True)
class Ref(Kind):
    """The entry ``ENTRIES[name]``: how an entry nests itself."""

    name: str

    def check(self, c: Checker, value: Any, at: _At) -> bool:
        return ENTRIES[self.name].check(c, value, at)


def check(node: Any, kind: Kind, file: str, where: str = "") -> list[Problem]:
    """The problems of ``node`` against ``kind`` (empty: none), in file order."""
    checker = Checker(file)
    checker.check(node, kind, where)
    return sorted(checker.problems, key=lambda p: (p.line, p.column, p.message))


# -- the spec's entries ----------------------------------------------------------------------

ACTION_NAME = re.compile(r"^[A-Z][A-Za-z0-9]*$")
#: Parameter names start with a lower-case letter: they sort after the common parameters.
WIRE_NAME = re.compile(r"^[a-z][A-Za-z0-9_]*$")
#: Item fields and response fields may start with a capital (``SSLMode``, ``L4ListenerSet``).
FIELD_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
CLASS_NAME = re.compile(r"^[A-Z][A-Za-z0-9]*$")
CODE_DESC = re.compile(r"^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)*$")
HOST = re.compile(r"^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$")
PATH = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")
SIGNATURE_METHODS = ("HmacSHA256", "HmacSHA1")
HTTP_METHODS = ("POST", "GET")

#: The compared facts of an entry a ``correction`` may keep (``facts: [...]``).
CORRECTION_FACTS = ("type", "required", "range", "maxLength", "minItems", "maxItems", "enum",
                    "allowed", "default", "unique", "description")  # fmt: skip

TEXT = Entry(
    "a text",
    {
        "en": Key(Str(), required=True),
        "zh": Key(Str(), required=True),
        # ours: Tencent publishes no English for it; the English is the project's own
        "enSource": Key(OneOf(("tencent", "ours"))),
    },
)

CORRECTION = OneOrList(
    Entry(
        "a correction",
        {
            "page": Key(Str(), required=True),
            "why": Key(Str(), required=True),
            "facts": Key(ListOf(OneOf(CORRECTION_FACTS))),
        },
    )
)

_SCALAR_RULES = {
    "maxLength": Key(Integer(minimum=1), types=("String",)),
    "range": Key(Range(), types=("Int", "UInt")),
    "enum": Key(ListOf(TypedValue(), nonempty=True, distinct=True), types=SCALAR_TYPES),
}

#: The item of a scalar array parameter: ``items: {type: String, maxLength: 64}``.
SCALAR_ITEM = Entry(
    "a scalar item", {"type": Key(OneOf(SCALAR_TYPES), required=True), **_SCALAR_RULES}
)

#: The keys a parameter and an item field share.
_FIELD_KEYS = {
    "required": Key(Bool(), required=True),
    "description": Key(TEXT, required=True),
    **_SCALAR_RULES,
    "default": Key(TypedValue(), types=SCALAR_TYPES),
    "correction": Key(CORRECTION),
}

#: One field of an array item.
ITEM_FIELD = Entry(
    "an item field",
    {
        "name": Key(Str(FIELD_NAME), required=True),
        "type": Key(OneOf(SCALAR_TYPES), required=True),
        **_FIELD_KEYS,
    },
)

#: The item of an array of objects: ``items: {name: backend, model: Backend, fields: [...]}``.
ITEM = Entry(
    "an item",
    {
        "name": Key(Str(WIRE_NAME), required=True),
        "model": Key(Str(CLASS_NAME)),
        "unique": Key(ListOf(Str(), nonempty=True, distinct=True)),
        "fields": Key(ListOf(ITEM_FIELD, nonempty=True), required=True),
    },
)

PARAMETER = Entry(
    "a parameter",
    {
        "name": Key(Str(WIRE_NAME), required=True),
        "type": Key(OneOf(PARAMETER_TYPES), required=True),
        **_FIELD_KEYS,
        "minItems": Key(Integer(minimum=0), types=("Array",)),
        "maxItems": Key(Integer(minimum=1), types=("Array",)),
        "unique": Key(Bool(), types=("Array",)),
        "items": Key(Variant("type", SCALAR_ITEM, ITEM), types=("Array",), needed_by=("Array",)),
    },
)

NAMED_ENUM = Entry(
    "an enum",
    {
        "name": Key(Str(WIRE_NAME), required=True),
        "values": Key(
            ListOf(
                Entry(
                    "an enum value",
                    {
                        "value": Key(Integer(), required=True),
                        "name": Key(Str(WIRE_NAME), required=True),
                        "description": Key(TEXT, required=True),
                    },
                ),
                nonempty=True,
            ),
            required=True,
        ),
    },
)

_RESPONSE_SCALAR_RULES = {
    "enum": Key(NAMED_ENUM, types=("Int", "UInt")),
    "allowed": Key(ListOf(TypedValue(), nonempty=True, distinct=True), types=SCALAR_TYPES),
}

#: The item of a response array of scalars: ``items: {type: String}``.
RESPONSE_SCALAR_ITEM = Entry(
    "a scalar item",
    {"type": Key(OneOf(SCALAR_TYPES), required=True), **_RESPONSE_SCALAR_RULES},
)

#: The item of a response array of objects: ``items: {name: listener, model: ..., fields}``.
RESPONSE_ITEM = Entry(
    "an item",
    {
        "name": Key(Str(FIELD_NAME)),
        "model": Key(Str(CLASS_NAME)),
        "fields": Key(ListOf(Ref("response field"), nonempty=True), required=True),
    },
)

RESPONSE_FIELD = Entry(
    "a response field",
    {
        "name": Key(Str(FIELD_NAME), required=True),
        "type": Key(OneOf(RESPONSE_TYPES), required=True),
        "description": Key(TEXT, required=True),
        "required": Key(Bool()),
        "path": Key(Str(PATH)),
        **_RESPONSE_SCALAR_RULES,
        "model": Key(Str(CLASS_NAME), types=("Object",)),
        "fields": Key(
            ListOf(Ref("response field"), nonempty=True), types=("Object",), needed_by=("Object",)
        ),
        "items": Key(
            Variant("type", RESPONSE_SCALAR_ITEM, RESPONSE_ITEM),
            types=("Array",),
            needed_by=("Array",),
        ),
        "correction": Key(CORRECTION),
    },
)

PAGES = Entry(
    "the pages",
    {"zh": Key(Nullable(Str()), required=True), "en": Key(Nullable(Str()), required=True)},
)

PAGINATION = Entry(
    "the pagination",
    {
        "offset": Key(Str(WIRE_NAME), required=True),
        "limit": Key(Str(WIRE_NAME), required=True),
        "total": Key(Str(FIELD_NAME), required=True),
        "items": Key(Str(FIELD_NAME), required=True),
    },
)

ACTION = Entry(
    "an action",
    {
        "action": Key(Str(ACTION_NAME), required=True),
        "summary": Key(TEXT, required=True),
        "pages": Key(PAGES),
        "startsTask": Key(Bool(), required=True),
        "idempotent": Key(Bool(), required=True),
        "parameters": Key(ListOf(PARAMETER), required=True),
        "pagination": Key(PAGINATION),
        "errors": Key(ListOf(Integer(noun="an error code (an integer)")), required=True),
        "response": Key(ListOf(RESPONSE_FIELD), required=True),
        "example": Key(Json(mapping=True, noun="a mapping of parameter to value")),
        "exampleResponse": Key(Json(mapping=True, noun="a mapping (the JSON answer)")),
    },
)

SERVICE = Entry(
    "the service",
    {
        "service": Key(Str(re.compile(r"^[a-z][a-z0-9]*$")), required=True),
        "title": Key(TEXT, required=True),
        "host": Key(Str(HOST), required=True),
        "path": Key(Str(re.compile(r"^/[A-Za-z0-9/._-]*$")), required=True),
        "scheme": Key(OneOf(("https", "http")), required=True),
        "signatureMethods": Key(
            ListOf(OneOf(SIGNATURE_METHODS), nonempty=True, distinct=True), required=True
        ),
        "serverDefaultSignatureMethod": Key(OneOf(SIGNATURE_METHODS), required=True),
        "httpMethods": Key(
            ListOf(OneOf(HTTP_METHODS), nonempty=True, distinct=True), required=True
        ),
        "taskAction": Key(Str(ACTION_NAME), required=True),
        "commonParameters": Key(
            ListOf(
                Entry(
                    "a common parameter",
                    {
                        "name": Key(Str(re.compile(r"^[A-Z][A-Za-z0-9]*$")), required=True),
                        "type": Key(OneOf(SCALAR_TYPES), required=True),
                        "required": Key(Bool(), required=True),
                        "description": Key(TEXT, required=True),
                    },
                )
            ),
            required=True,
        ),
        "regions": Key(
            ListOf(
                Entry(
                    "a region",
                    {
                        "code": Key(Str(re.compile(r"^[a-z0-9-]+$")), required=True),
                        "alias": Key(Str(re.compile(r"^[a-z0-9-]+$"))),
                        "description": Key(TEXT, required=True),
                    },
                )
            ),
            required=True,
        ),
    },
)

ERROR = Entry(
    "an error",
    {
        "code": Key(Integer(), required=True),
        "codeDesc": Key(Str(CODE_DESC), required=True),
        "codeDescSource": Key(OneOf(("tencent", "ours")), required=True),
        "name": Key(Str(CODE_DESC)),
        "scope": Key(OneOf(("common", "module")), required=True),
        "retryable": Key(Bool(), required=True),
        "description": Key(TEXT, required=True),
    },
)

ERRORS = Entry("the error catalogue", {"errors": Key(ListOf(ERROR), required=True)})

#: Entries by name, for Ref.
ENTRIES: dict[str, Entry] = {"response field": RESPONSE_FIELD}
