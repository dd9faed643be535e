"""The intermediate representation: the spec as frozen dataclasses, with Python names decided.

The loader builds it from the YAML files; templates only lay out what it says.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Text:
    """A bilingual text."""

    en: str
    zh: str

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


@dataclass(frozen=True)
class Field:
    """A scalar parameter, or one field of an array item."""

    wire: str
    py_name: str
    type: str  # "String" | "Int"
    py_type: str
    required: bool
    minimum: int | None
    maximum: int | None
    max_length: int | None
    description: Text

    @property
    def rule(self) -> str:
        """The constraint, in words, for the docs."""
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
    """The item of an Array parameter."""

    name: str
    class_name: str
    fields: tuple[Field, ...]
    unique: tuple[str, ...]  # Python names


@dataclass(frozen=True)
class ArrayParam:
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
        lo, hi = self.min_items, self.max_items
        if lo is not None and hi is not None:
            return f"{lo}–{hi} items"
        return f"≥ {lo} items" if lo is not None else (f"≤ {hi} items" if hi is not None else "")


Param = Field | ArrayParam


@dataclass(frozen=True)
class EnumValue:
    value: int
    name: str
    py_name: str  # member name, UPPER_CASE
    description: Text


@dataclass(frozen=True)
class Enum:
    name: str
    class_name: str
    values: tuple[EnumValue, ...]


@dataclass(frozen=True)
class ResponseField:
    name: str
    py_name: str
    path: tuple[str, ...]
    type: str
    py_type: str
    description: Text
    enum: Enum | None


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

    @property
    def items(self) -> tuple[Item, ...]:
        seen: dict[str, Item] = {}
        for action in self.actions:
            for param in action.params:
                if isinstance(param, ArrayParam):
                    seen.setdefault(param.item.class_name, param.item)
        return tuple(seen[name] for name in sorted(seen))

    @property
    def enums(self) -> tuple[Enum, ...]:
        seen: dict[str, Enum] = {}
        for action in self.actions:
            for field in action.response:
                if field.enum is not None:
                    seen.setdefault(field.enum.class_name, field.enum)
        return tuple(seen[name] for name in sorted(seen))
