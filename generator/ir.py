"""The intermediate representation: the spec as frozen dataclasses, with Python names decided.

The loader builds it from the YAML files; templates only lay out what it says. Everything a
template needs more than once (name lists, the models an action reaches, type strings) is
computed here, once, not in the templates (the lists over the whole spec are cached: a
template may ask for them per action).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Protocol, TypeVar


class _HasClassName(Protocol):
    @property
    def class_name(self) -> str: ...


_Classed = TypeVar("_Classed", bound=_HasClassName)


@dataclass(frozen=True)
class Text:
    """A bilingual text. ``en_ours``: the English is ours, written where Tencent's page has
    no English for it (a Chinese-only page or a parameter only the Chinese page has)."""

    en: str
    zh: str
    en_ours: bool = False

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


@dataclass(frozen=True)
class Region:
    code: str
    alias: str | None
    description: Text


@dataclass(frozen=True)
class CommonParam:
    name: str
    type: str
    required: bool
    description: Text


@dataclass(frozen=True)
class Service:
    name: str
    title: Text
    host: str
    path: str
    scheme: str
    signature_methods: tuple[str, ...]
    server_default_signature_method: str
    http_methods: tuple[str, ...]
    task_action: str
    common_params: tuple[CommonParam, ...]
    regions: tuple[Region, ...]

    @property
    def default_endpoint(self) -> str:
        return f"{self.scheme}://{self.host}"


@dataclass(frozen=True)
class ErrorEntry:
    code: int
    code_desc: str
    ours: bool  # the codeDesc is a name of ours: Tencent documents none
    name: str  # unique identity: the spec's ``name``, else the codeDesc
    scope: str  # "common" | "module"
    retryable: bool
    description: Text
    class_name: str
    family: str  # class name of the family (the codeDesc's first segment)
    is_family: bool  # this entry's class is its family's class
    anchor: str  # the docs' anchor of the entry


# --- requests -----------------------------------------------------------------------------

#: The scalar types of the spec. ``UInt`` is an ``Int`` that is never negative.
SCALAR_TYPES = ("String", "Int", "UInt")


@dataclass(frozen=True)
class Field:
    """A scalar: a parameter, one field of an array item, or the item of a scalar array
    (then ``wire`` and ``py_name`` are empty)."""

    wire: str
    py_name: str
    type: str  # one of SCALAR_TYPES
    py_type: str  # "str", "int", or "Literal['tcp', 'udp']" when ``enum`` is set
    required: bool
    minimum: int | None  # UInt: at least 0 (the loader sets it)
    maximum: int | None
    max_length: int | None
    description: Text
    enum: tuple[str | int, ...] = ()  # the allowed values (checked before sending)
    default: str | int | None = None  # what the server assumes when it is not sent (docs only)
    multiline: bool = False  # a String that may hold line breaks and tabs (a certificate)

    @property
    def rule(self) -> str:
        """The constraint, in words, for the docs."""
        if self.enum:
            return " | ".join(str(v) for v in self.enum)
        if self.minimum is not None and self.maximum is not None:
            return f"{self.minimum}–{self.maximum}"
        if self.minimum is not None:
            return f"≥ {self.minimum}"
        if self.maximum is not None:
            return f"≤ {self.maximum}"
        if self.max_length is not None:
            return f"1–{self.max_length} chars"
        return ""


@dataclass(frozen=True)
class Item:
    """The item of an Array parameter of objects: a request model class.

    ``class_name`` is the action's name and the item's by default (``BindBmL4ListenerRsBackend``);
    arrays whose spec names one ``model`` share its class, and the loader checks that their
    fields are the same (names, types, rules, defaults). Each array keeps an ``Item`` of its
    own, with its own descriptions: what two share is ``class_name`` (``Spec.items`` has each
    class once, with the first one's texts)."""

    name: str
    class_name: str
    fields: tuple[Field, ...]
    unique: tuple[str, ...]  # Python names of fields that must not repeat together


def _items_rule(lo: int | None, hi: int | None) -> str:
    if lo is not None and hi is not None:
        return f"{lo}–{hi} items"
    return f"≥ {lo} items" if lo is not None else (f"≤ {hi} items" if hi is not None else "")


@dataclass(frozen=True)
class ArrayParam:
    """An Array parameter of objects, sent as ``wire.0.field``, ``wire.1.field``, ..."""

    wire: str
    py_name: str
    required: bool
    min_items: int | None
    max_items: int | None
    item: Item
    description: Text

    @property
    def type(self) -> str:
        return "Array"

    @property
    def py_type(self) -> str:
        return f"Sequence[{self.item.class_name}]"

    @property
    def rule(self) -> str:
        return _items_rule(self.min_items, self.max_items)


@dataclass(frozen=True)
class ScalarArray:
    """An Array parameter of scalars, sent as ``wire.0``, ``wire.1``, ... (``listenerIds.n``)."""

    wire: str
    py_name: str
    required: bool
    min_items: int | None
    max_items: int | None
    item: Field  # the shape of one value (no wire or Python name of its own)
    unique: bool  # a value may appear once
    description: Text

    @property
    def type(self) -> str:
        return "Array"

    @property
    def py_type(self) -> str:
        return f"Sequence[{self.item.py_type}]"

    @property
    def rule(self) -> str:
        rules = (_items_rule(self.min_items, self.max_items), self.item.rule)
        return ", ".join(r for r in rules if r)


Param = Field | ArrayParam | ScalarArray


# --- responses ----------------------------------------------------------------------------


@dataclass(frozen=True)
class EnumValue:
    value: int
    name: str
    py_name: str  # member name, UPPER_CASE
    description: Text


@dataclass(frozen=True)
class Enum:
    """A named set of Int values in a response (``TaskStatus``): an ``IntEnum`` class."""

    name: str
    class_name: str
    values: tuple[EnumValue, ...]


@dataclass(frozen=True)
class Shape:
    """The type of a response value.

    - ``String``, ``Int``, ``UInt``: a scalar (``enum``: a named enum; ``allowed``: the values
      the page lists, documented but not enforced: the service may add values);
    - ``Object``: a JSON object, as ``model``;
    - ``Array``: a JSON array of ``item``.
    """

    kind: str  # "String" | "Int" | "UInt" | "Object" | "Array"
    py_type: str  # "str", "int", "TaskStatus", "ListenerSetItem", "list[ListenerSetItem]", ...
    model: Model | None = None  # Object
    item: Shape | None = None  # Array
    enum: Enum | None = None
    allowed: tuple[str | int, ...] = ()


@dataclass(frozen=True)
class ResponseField:
    """One field of a result or of a response model.

    ``path`` is where the value sits in the enclosing JSON object: ``(name,)`` normally, or
    several keys where the spec lifts a nested value (``data.status`` → ``status``).
    A field that is not ``required`` may be absent (or null): its Python type is ``X | None``.
    """

    name: str
    py_name: str
    path: tuple[str, ...]
    shape: Shape
    required: bool
    description: Text

    @property
    def type(self) -> str:
        return self.shape.kind

    @property
    def py_type(self) -> str:
        return self.shape.py_type if self.required else f"{self.shape.py_type} | None"

    @property
    def enum(self) -> Enum | None:
        return self.shape.enum


@dataclass(frozen=True)
class Model:
    """A response object class (an item of ``listenerSet``, the ``data`` object).

    Named ``<Action><Name>`` by default (``name``: the array's item name, else the field's);
    objects whose spec names one ``model`` share its class, and the loader checks that their
    fields are the same; as for ``Item``, each place keeps its own ``Model`` and texts.
    ``description`` is the text of the field whose value it is."""

    name: str
    class_name: str
    fields: tuple[ResponseField, ...]
    description: Text | None = None


@dataclass(frozen=True)
class Pagination:
    """How an action pages: its offset and limit parameters (Python names), the response field
    with the total count and the array field with the page's items (Python names), and the
    name of the clients' method that iterates over every item (``iter_<method>``)."""

    offset: str
    limit: str
    total: str
    items: str
    item_class: str  # the class of one item (the models' class name or a scalar py_type)
    method: str  # "iter_describe_bm_listeners"


@dataclass(frozen=True)
class Pages:
    """Tencent's pages an action was imported from (paths as the spec records them)."""

    zh: str | None
    en: str | None  # None: Tencent has no English page; the English text is ours


@dataclass(frozen=True)
class Action:
    name: str
    py_name: str  # method name
    const_name: str  # name of its Operation constant
    result_class: str
    summary: Text
    starts_task: bool
    idempotent: bool
    task_id: str | None  # the result field holding the id of the task it starts
    params: tuple[Param, ...]
    errors: tuple[ErrorEntry, ...]
    response: tuple[ResponseField, ...]
    example: tuple[tuple[str, object], ...]  # (Python name, value), values in Python form
    source: str  # spec file, relative
    pagination: Pagination | None = None
    example_response: dict[str, Any] | None = None  # the page's example answer, as JSON
    pages: Pages | None = None

    @cached_property
    def models(self) -> tuple[Model, ...]:
        """The response models this action's result reaches, depth first, each once."""
        seen: dict[str, Model] = {}

        def visit(shape: Shape) -> None:
            if shape.model is not None and shape.model.class_name not in seen:
                seen[shape.model.class_name] = shape.model
                for f in shape.model.fields:
                    visit(f.shape)
            if shape.item is not None:
                visit(shape.item)

        for f in self.response:
            visit(f.shape)
        return tuple(seen.values())

    @cached_property
    def items(self) -> tuple[Item, ...]:
        """The request item classes of this action's parameters."""
        return tuple(p.item for p in self.params if isinstance(p, ArrayParam))


@dataclass(frozen=True)
class TaskInfo:
    """How tasks are polled: the task action, its id parameter, its status and two values."""

    action: Action
    request_param: str
    status_field: str
    enum_class: str
    succeeded: str  # enum member names
    failed: str


@dataclass(frozen=True)
class Spec:
    service: Service
    errors: tuple[ErrorEntry, ...]
    families: tuple[tuple[str, str], ...]  # (class name, codeDesc) of families no entry is
    actions: tuple[Action, ...]
    task: TaskInfo

    @cached_property
    def model_classes(self) -> tuple[str, ...]:
        """Every class of the models module (request items, response models, enums, results),
        sorted: what it exports and the package re-exports."""
        names = {i.class_name for i in self.items} | {m.class_name for m in self.models}
        names |= {e.class_name for e in self.enums} | {a.result_class for a in self.actions}
        return tuple(sorted(names))

    @cached_property
    def method_classes(self) -> tuple[str, ...]:
        """The model classes the clients' method signatures name, sorted: request items,
        results, and the items the pagination iterators yield."""
        names = {i.class_name for i in self.items} | {a.result_class for a in self.actions}
        models = {m.class_name for m in self.models}
        names |= {a.pagination.item_class for a in self.actions if a.pagination} & models
        return tuple(sorted(names))

    @cached_property
    def error_classes(self) -> tuple[str, ...]:
        """The class names of the error catalogue and of the families no entry is, sorted."""
        return tuple(sorted([e.class_name for e in self.errors] + [n for n, _ in self.families]))

    @cached_property
    def items(self) -> tuple[Item, ...]:
        """Every request item class, once, sorted by class name."""
        return _by_class_name(item for action in self.actions for item in action.items)

    @cached_property
    def models(self) -> tuple[Model, ...]:
        """Every response model class, once, sorted by class name."""
        return _by_class_name(model for action in self.actions for model in action.models)

    @cached_property
    def enums(self) -> tuple[Enum, ...]:
        seen: dict[str, Enum] = {}

        def visit(shape: Shape) -> None:
            if shape.enum is not None:
                seen.setdefault(shape.enum.class_name, shape.enum)
            if shape.item is not None:
                visit(shape.item)

        for action in self.actions:
            for f in action.response:
                visit(f.shape)
            for model in action.models:
                for f in model.fields:
                    visit(f.shape)
        return tuple(seen[name] for name in sorted(seen))


def _by_class_name(found: Iterable[_Classed]) -> tuple[_Classed, ...]:
    """Each class once (the first place it is found), sorted by class name."""
    seen: dict[str, _Classed] = {}
    for each in found:
        seen.setdefault(each.class_name, each)
    return tuple(seen[name] for name in sorted(seen))
