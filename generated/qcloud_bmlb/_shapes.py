"""What an action is, as data: its parameters, their rules, and the shape of its answer.

``_operations.py`` (generated from the spec) describes every action with these classes and
nothing else. They only hold what the spec says; the request plan (``_serialize``) and the
answer parser (``_parsers``) are made from them the first time an action is used, so an action
that is never called costs its few objects and nothing more.

Request parameters and response fields use the same three shapes:

- :class:`Scalar`: a ``String`` or an ``Int`` (the spec's ``UInt`` is an Int with
  ``minimum=0``), with the rules of a parameter (``minimum``, ``maximum``, ``max_length``,
  ``choices``, ``multiline``) or the named enum of a response field (``enum``);
- :class:`Struct`: an object with fields, made into the ``models`` class named ``model``
  (a request item such as ``Backend``, a response object, or the result itself);
- :class:`Array`: a list of one item shape, sent flattened (``backends.0.port``,
  ``listenerIds.0``) or read from a JSON array.

``name`` is the Python name; ``wire`` the name on the wire (for a response field, the dotted
path of keys where the value sits, ``data.status``). The item of an array has neither.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = ["Array", "Int", "Operation", "Scalar", "String", "Struct", "TaskInfo"]


class Scalar:
    """A String or Int value (see the module's doc)."""

    __slots__ = (
        "choices", "enum", "kind", "max_length", "maximum", "minimum", "multiline", "name",
        "required", "wire",
    )  # fmt: skip

    def __init__(
        self,
        kind: str,
        name: str = "",
        wire: str = "",
        *,
        required: bool = True,
        minimum: int | None = None,
        maximum: int | None = None,
        max_length: int | None = None,
        choices: tuple[str | int, ...] = (),
        enum: str | None = None,
        multiline: bool = False,
    ) -> None:
        self.kind = kind  # "String" | "Int"
        self.name = name
        self.wire = wire
        self.required = required
        self.minimum = minimum
        self.maximum = maximum
        self.max_length = max_length
        self.choices = choices  # a request value must be one of them (empty: any)
        self.enum = enum  # a response value is a member of this models class
        self.multiline = multiline  # a String that may hold line breaks and tabs

    def __repr__(self) -> str:
        return f"{self.kind}({self.name!r}, {self.wire!r})"


def String(name: str = "", wire: str = "", **rules: Any) -> Scalar:
    """A String scalar: ``String("load_balancer_id", "loadBalancerId", max_length=64)``."""
    return Scalar("String", name, wire, **rules)


def Int(name: str = "", wire: str = "", **rules: Any) -> Scalar:
    """An Int scalar: ``Int("port", "port", minimum=1, maximum=65535)``."""
    return Scalar("Int", name, wire, **rules)


class Struct:
    """An object: its fields, made into the ``models`` class ``model``."""

    __slots__ = ("fields", "model", "name", "required", "wire")

    def __init__(
        self,
        model: str,
        fields: tuple[Shape, ...],
        name: str = "",
        wire: str = "",
        *,
        required: bool = True,
    ) -> None:
        self.model = model
        self.fields = fields
        self.name = name
        self.wire = wire
        self.required = required

    def __repr__(self) -> str:
        return f"Struct({self.model!r}, {self.name!r}, {self.wire!r})"


class Array:
    """A list of ``item`` (a :class:`Scalar` or a :class:`Struct`).

    As a parameter: ``min_items``/``max_items`` bound its length, and ``unique`` says what may
    not repeat: True for a scalar item, the Python names of the fields that may not repeat
    together for an object item.
    """

    __slots__ = ("item", "max_items", "min_items", "name", "required", "unique", "wire")

    def __init__(
        self,
        name: str,
        wire: str,
        item: Scalar | Struct,
        *,
        required: bool = True,
        min_items: int | None = None,
        max_items: int | None = None,
        unique: bool | tuple[str, ...] = (),
    ) -> None:
        self.name = name
        self.wire = wire
        self.item = item
        self.required = required
        self.min_items = min_items
        self.max_items = max_items
        self.unique = unique

    def __repr__(self) -> str:
        return f"Array({self.name!r}, {self.wire!r}, {self.item!r})"


Shape = Scalar | Struct | Array


class Operation:
    """Everything the runtime knows of one action.

    ``result`` describes the answer's fields (its ``model`` is the result class);
    ``errors`` are the codes the action documents; ``idempotent`` whether sending it twice has
    the effect of sending it once (a call that may have reached the server is retried only
    then); ``task_id`` the result field holding the id of the task it starts; ``pages`` the
    Python names of its (offset, limit, total, items) when it pages.
    """

    __slots__ = (
        "_plan", "_reader", "action", "errors", "idempotent", "pages", "params", "result",
        "task_id",
    )  # fmt: skip

    def __init__(
        self,
        action: str,
        params: tuple[Scalar | Array, ...],
        result: Struct,
        *,
        errors: tuple[int, ...] = (),
        idempotent: bool = False,
        task_id: str | None = None,
        pages: tuple[str, str, str, str] | None = None,
    ) -> None:
        self.action = action
        self.params = params
        self.result = result
        self.errors = errors
        self.idempotent = idempotent
        self.task_id = task_id
        self.pages = pages
        self._plan: Any = None  # the request plan, made on first use (_serialize.plan)
        self._reader: Any = None  # the result reader, made on first use (_parsers.reader)

    def __repr__(self) -> str:
        return f"Operation({self.action!r})"


class TaskInfo:
    """How to poll a task: the task action, its id parameter (Python name), the result field
    with the status (an enum), and the names of the status members that end the wait."""

    __slots__ = ("failed", "operation", "request_param", "status_field", "succeeded")

    def __init__(
        self,
        operation: Operation,
        request_param: str,
        status_field: str,
        succeeded: str,
        failed: str,
    ) -> None:
        self.operation = operation
        self.request_param = request_param
        self.status_field = status_field
        self.succeeded = succeeded
        self.failed = failed
