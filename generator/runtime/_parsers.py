"""Turning an HTTP answer into the action's result, or into the exception it stands for.

:func:`parse` takes the answer apart in the order a reader would check it: the HTTP status
(the API answers 200, errors included), the body as a JSON object (in the charset the answer
declares, UTF-8 by default), its ``code`` (0 is success; anything else becomes the catalogue's
exception, :class:`~._exceptions.ErrorRegistry`), then the fields of the result, read by the
action's :class:`Reader`, which is made from the spec's shapes the first time the action
answers and builds the ``models`` classes, nested objects and lists included.

What the reader tolerates, as the v2 API's answers vary: an Int sent as a numeric string
(``"1234"``), a String sent as a number (``1234`` → ``"1234"``), a field that is not
``required`` being absent or null (None). Anything else that does not match the spec is a
:class:`~._exceptions.MalformedResponseError` naming the field's path
(``listenerSet[3].loadBalancerPort``).
"""

from __future__ import annotations

import codecs
import json
from collections import deque
from functools import partial
from itertools import repeat
from operator import itemgetter

from ._exceptions import HTTPStatusError, MalformedResponseError, excerpt
from ._shapes import Array, Scalar, Struct

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping
    from typing import Any

    from ._exceptions import ErrorRegistry
    from ._redact import Scrubber
    from ._shapes import Operation, Shape

__all__ = ["Reader", "code_of", "document", "parse", "reader"]

_MAX_DIGITS = 20  # a code or an Int longer than this is not one (and stays clear of int limits)


def parse(
    op: Operation, status: int, headers: Mapping[str, str], body: bytes,
    registry: ErrorRegistry, scrubber: Scrubber,
) -> Any:  # fmt: skip
    """The result of a successful answer; else raises the error it stands for."""
    action = op.action
    body = scrubber.body(body)
    if status != 200:
        raise HTTPStatusError(
            f"HTTP {status} instead of 200: {excerpt(body, 80)}",
            action=action, http_status=status, body_excerpt=excerpt(body),
        )  # fmt: skip
    data = document(action, status, headers, body)
    data = scrubber.document(data, body)
    code = code_of(data.get("code"))
    if code is None:
        raise _malformed(action, data, f"no integer 'code' in the response: {_shown(data, 80)}")
    if code != 0:
        message, code_desc = data.get("message"), data.get("codeDesc")
        raise registry.build(
            code=code,
            code_desc=str(code_desc) if code_desc else None,
            message="" if message is None else str(message),
            action=action,
            http_status=status,
            response=data,
        )
    try:
        return reader(op).result(data)
    except _Wrong as exc:
        raise _malformed(action, data, exc.text()) from None


def document(action: str, status: int, headers: Mapping[str, str], body: bytes) -> dict[str, Any]:
    """The body as the JSON object the API answers with, or MalformedResponseError."""
    content_type = headers.get("content-type", "")
    charset = _charset(content_type) if ";" in content_type else None
    try:
        data = _json(body, charset)
    except UnicodeDecodeError:
        raise MalformedResponseError(
            f"the body is not valid {charset or 'UTF-8'}: {excerpt(body, 80)}",
            action=action, http_status=status, body_excerpt=excerpt(body),
        ) from None  # fmt: skip
    except (ValueError, RecursionError):
        raise MalformedResponseError(
            f"the body is not JSON: {excerpt(body, 80)}",
            action=action, http_status=status, body_excerpt=excerpt(body),
        ) from None  # fmt: skip
    if not isinstance(data, dict):
        raise MalformedResponseError(
            f"the body is JSON but not an object: {excerpt(body, 80)}",
            action=action, http_status=status, body_excerpt=excerpt(body),
        )  # fmt: skip
    return data


_decoder = json.JSONDecoder()
_space = " \t\n\r"


def _json(body: bytes, charset: str | None) -> Any:
    """The JSON value of a body: in the declared charset, else UTF-8 (a BOM allowed), else
    the encoding JSON's own rules detect (UTF-16, UTF-32). ``raw_decode`` of the text: the
    usual answer is decoded in one step (``json.loads`` of bytes detects the encoding and
    scans for trailing whitespace on every call, twice the time for a small answer)."""
    if charset is None or charset == "utf-8":
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            if charset is not None:
                raise
            return json.loads(body)  # UTF-16/32, which JSON allows
        if text[:1] == "\ufeff":
            text = text[1:]
    else:
        text = body.decode(charset)
    text = text.strip(_space)  # the same object when there is nothing to strip
    data, end = _decoder.raw_decode(text)
    if end != len(text):
        raise ValueError("extra data after the JSON value")
    return data


def _charset(content_type: str) -> str | None:
    """The declared charset, normalised (``GBK`` → ``gbk``); None when none is declared or
    the declared one is unknown (then UTF-8, JSON's own encoding, is tried)."""
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset":
            try:
                return codecs.lookup(value.strip().strip('"')).name
            except LookupError:
                return None
    return None


def code_of(value: object) -> int | None:
    """The response's ``code`` as an int (also from ``"0"``, as older answers send it)."""
    if type(value) is int:
        return value
    if isinstance(value, str):
        text = value.strip()
        digits = text[1:] if text[:1] in "+-" else text
        if digits.isascii() and digits.isdigit() and len(digits) <= _MAX_DIGITS:
            return int(text)
    return None


def _shown(data: dict[str, Any], limit: int = 200) -> str:
    """An excerpt of a decoded (and scrubbed) document."""
    return excerpt(json.dumps(data, ensure_ascii=False), limit)


def _malformed(action: str, data: dict[str, Any], text: str) -> MalformedResponseError:
    return MalformedResponseError(text, action=action, http_status=200, body_excerpt=_shown(data))


class _Wrong(Exception):
    """A value does not match its shape; the path is built as the error travels out."""

    def __init__(self, reason: str, path: str = "") -> None:
        self.reason = reason
        self.path = path

    def within(self, key: str) -> _Wrong:
        self.path = key + ("" if not self.path or self.path[0] == "[" else ".") + self.path
        return self

    def text(self) -> str:
        if self.reason == "missing":
            return f"the response has no {self.path!r}"
        return f"{self.path} {self.reason}"


def reader(op: Operation) -> Reader:
    """The result reader of an action, made on its first answer."""
    made = op._reader
    if made is None:
        made = op._reader = Reader(op.result)
    return made  # type: ignore[no-any-return]


class Reader:
    """Builds an action's result from its decoded answer (see the module's doc)."""

    __slots__ = ("_read",)

    def __init__(self, result: Struct) -> None:
        from . import models

        self._read = _struct(result, models, with_raw=True)

    def result(self, data: dict[str, Any]) -> Any:
        return self._read(data)


_STRING, _INT = "String", "Int"
#: Runs an iterator to its end in C (a loop of ``setattr`` calls here).
consume: Callable[[Iterable[Any]], object] = partial(deque, maxlen=0)


def _convert(shape: Shape, models: Any) -> Callable[[Any], Any]:
    """What turns one JSON value into the shape's Python value, or raises :class:`_Wrong`."""
    if isinstance(shape, Struct):
        return _struct(shape, models, with_raw=False)
    if isinstance(shape, Array):
        item = _convert(shape.item, models)
        scalar = shape.item.kind if isinstance(shape.item, Scalar) else None

        def read_list(value: Any) -> list[Any]:
            if type(value) is not list:
                raise _Wrong(f"is not a list: {_value(value)}")
            if scalar is _STRING and set(map(type, value)) <= {str}:
                return value
            if scalar is _INT and set(map(type, value)) <= {int}:
                return value
            out = []
            for index, entry in enumerate(value):
                try:
                    out.append(None if entry is None else item(entry))
                except _Wrong as exc:
                    raise exc.within(f"[{index}]") from None
            return out

        return read_list
    if shape.kind == _STRING:
        return _string
    if shape.enum is not None:
        members = {m.value: m for m in getattr(models, shape.enum)}
        name = shape.enum

        def read_enum(value: Any) -> Any:
            member = members.get(_int(value))
            if member is None:
                raise _Wrong(f"= {_value(value)} is not a known {name}")
            return member

        return read_enum
    return _int


def _struct(shape: Struct, models: Any, with_raw: bool) -> Callable[[Any], Any]:
    """What reads one object of the shape into its ``models`` class.

    Each field is read by its own step (the key path, None when it may be absent, the
    conversion of its shape). Before the steps, one look at the fields that are plain
    scalars at a key of their own: when all of them are there with exactly their type (a str
    for a String, an int for an Int: the usual answer), their values are taken as they are in
    a few C-level passes (``itemgetter``, ``map``), which is what the steps would give them,
    and only the other fields (nested objects and lists, named values, lifted paths) go
    through their steps. The object is made without its ``__init__`` (which only sets the
    fields), its fields set straight on it.
    """
    model = getattr(models, shape.model)
    steps, plain = [], []
    for f in shape.fields:
        keys = tuple(f.wire.split("."))
        kind = f.kind if isinstance(f, Scalar) and f.enum is None else None
        step = (f.name, keys[0], keys[1:], f.required, kind, _convert(f, models))
        steps.append(step)
        if kind is not None and len(keys) == 1:
            plain.append(step)
    names = [step[0] for step in plain]
    types = tuple(str if step[4] == _STRING else int for step in plain)
    take = itemgetter(*(step[1] for step in plain)) if len(plain) > 1 else None
    rest = [step for step in steps if step not in plain] if take is not None else steps
    if take is None:
        names = []
    new = object.__new__

    def read_struct(node: Any) -> Any:
        if type(node) is not dict:
            raise _Wrong(f"is not an object: {_value(node)}")
        todo = steps
        obj = new(model)
        if take is not None:
            try:
                values = take(node)
            except KeyError:
                values = None
            if values is not None and tuple(map(type, values)) == types:
                consume(map(setattr, repeat(obj), names, values))
                todo = rest
        for name, key, deeper, required, kind, convert in todo:
            value = node.get(key)
            if deeper:
                for inner in deeper:
                    value = value.get(inner) if type(value) is dict else None
            if value is None:
                if required:
                    raise _Wrong("missing", ".".join((key, *deeper)))
            elif kind is _STRING and type(value) is str:
                pass
            elif kind is _INT and type(value) is int:
                pass
            else:
                try:
                    value = convert(value)
                except _Wrong as exc:
                    raise exc.within(".".join((key, *deeper))) from None
            setattr(obj, name, value)
        if with_raw:
            obj.raw = node
        return obj

    return read_struct


def _value(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:60] + "…"


def _int(value: Any) -> int:
    if type(value) is int:
        return value
    if isinstance(value, str):
        text = value.strip()
        digits = text[1:] if text[:1] == "-" else text
        if digits.isascii() and digits.isdigit() and len(digits) <= _MAX_DIGITS:
            return int(text)
    raise _Wrong(f"is not an integer: {_value(value)}")


def _string(value: Any) -> str:
    if type(value) is str:
        return value
    if type(value) in (int, float):
        return str(value)  # a number where the spec says String: as text
    raise _Wrong(f"is not a string: {_value(value)}")
