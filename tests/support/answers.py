"""Answers that fit an action, made from its shapes (``_operations``): what a test's canned
server sends when the test is about the request, not about the answer."""

from __future__ import annotations

from typing import Any

from qcloud_bmlb import models
from qcloud_bmlb._shapes import Array, Operation, Scalar, Struct


def value_of(shape: Scalar | Struct | Array) -> Any:
    """A value of the shape: every required field of an object set, one item in a list,
    the first member of a named enum."""
    if isinstance(shape, Struct):
        out: dict[str, Any] = {}
        for field in shape.fields:
            if field.required:
                _place(out, field.wire.split("."), value_of(field))
        return out
    if isinstance(shape, Array):
        return [value_of(shape.item)]
    if shape.enum is not None:
        return next(iter(getattr(models, shape.enum))).value
    return 1 if shape.kind == "Int" else "x"


def _place(node: dict[str, Any], keys: list[str], value: Any) -> None:
    for key in keys[:-1]:
        node = node.setdefault(key, {})
    node[keys[-1]] = value


def success(op: Operation) -> dict[str, Any]:
    """A successful answer of ``op`` (code 0) holding every required field of its result."""
    return {"code": 0, "message": "", "codeDesc": "Success", **value_of(op.result)}
