"""The examples of an action file against what the spec says: the example request (values by
wire name) and the page's example answer (JSON), with every problem at its position.

The loader (:mod:`generator.loader`) calls these once the parameters and the response are
built; ``report(pos, message)`` receives the problems.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

from . import ir, schema
from .schema import Pos, item_pos, key_pos, pos_of, value_pos

Report = Callable[[Pos, str], None]


def field_problem(field: ir.Field, value: Any) -> str | None:
    """Why ``value`` breaks the rules of ``field`` (type, enum, range, length), or None."""
    problem = schema.scalar_value_problem(field.type, value)
    if problem is not None:
        return problem
    if field.enum and value not in field.enum:
        return f"{value!r} is not one of {', '.join(map(str, field.enum))}"
    lo, hi = field.minimum, field.maximum
    if isinstance(value, int) and (
        (lo is not None and value < lo) or (hi is not None and value > hi)
    ):
        return f"{value} is outside the range {replace(field, enum=()).rule}"
    if field.max_length is not None and isinstance(value, str) and len(value) > field.max_length:
        return f"{value!r} is longer than {field.max_length} characters"
    return None


def request(
    report: Report, doc: Any, params: list[ir.Param] | None
) -> list[tuple[str, object]] | None:
    """The ``example`` of the action file ``doc`` in Python form: (Python name, value) in the
    order of ``params`` (None where the parameters could not be built)."""
    ex = doc.get("example", {})
    # Names of every parameter entry, valid or not: one bad parameter is one problem, so
    # its example value is not reported again.
    declared = {str(p.get("name")) for p in doc.get("parameters") or () if isinstance(p, dict)}
    by_wire = {p.wire: p for p in params or ()}
    for key in ex:
        if key not in by_wire and key not in declared:
            report(key_pos(ex, key), f"example: {key!r} is not a parameter of this action")
    if params is None:
        return None
    out: list[tuple[str, object]] = []
    for p in params:
        if p.wire in ex:
            value = _value(report, p, ex[p.wire], value_pos(ex, p.wire), f"example.{p.wire}")
            if value is not None:
                out.append((p.py_name, value))
        elif p.required:
            report(pos_of(doc), f"example: the required parameter {p.wire!r} needs a value")
    return out


def _value(report: Report, param: ir.Param, value: Any, pos: Pos, where: str) -> object:
    """The example value in Python form (array items as mappings of Python names)."""
    if isinstance(param, ir.Field):
        problem = field_problem(param, value)
        if problem is not None:
            report(pos, f"{where}: {problem}")
            return None
        return value
    if not isinstance(value, list) or not value:
        what = f"{param.item.name} mappings" if isinstance(param, ir.ArrayParam) else "values"
        report(pos, f"{where} must be a non-empty list of {what}")
        return None
    count = len(value)
    if (param.min_items is not None and count < param.min_items) or (
        param.max_items is not None and count > param.max_items
    ):
        report(pos, f"{where}: {count} items, where {param.rule} are allowed")
        return None
    if isinstance(param, ir.ScalarArray):
        for i, item in enumerate(value):
            problem = field_problem(param.item, item)
            if problem is not None:
                report(item_pos(value, i, pos), f"{where}[{i}]: {problem}")
                return None
        if param.unique and len(set(value)) != len(value):
            report(pos, f"{where}: a value appears twice")
            return None
        return list(value)
    items = [_item(report, param.item, item, item_pos(value, i, pos), f"{where}[{i}]")
             for i, item in enumerate(value)]  # fmt: skip
    if any(item is None for item in items):
        return None
    if param.item.unique:
        keys = [tuple(item.get(u) for u in param.item.unique) for item in items if item]
        if len(set(keys)) != len(keys):
            wires = {f.py_name: f.wire for f in param.item.fields}
            together = ", ".join(wires[u] for u in param.item.unique)
            report(pos, f"{where}: two items have the same {together}")
            return None
    return items


def _item(report: Report, item: ir.Item, value: Any, pos: Pos, where: str) -> dict[str, Any] | None:
    fields = {f.wire: f for f in item.fields}
    if not isinstance(value, dict) or set(value) - set(fields):
        report(pos, f"{where} must map the fields {', '.join(fields)} to values")
        return None
    missing = [f.wire for f in item.fields if f.required and f.wire not in value]
    if missing:
        report(pos, f"{where} needs the required field(s) {', '.join(missing)}")
        return None
    shown: dict[str, Any] = {}
    for k, v in value.items():
        problem = field_problem(fields[k], v)
        if problem is not None:
            report(value_pos(value, k, pos), f"{where}.{k}: {problem}")
            return None
        shown[fields[k].py_name] = v
    return shown


def answer(
    report: Report, node: Any, fields: Iterable[ir.ResponseField], where: str, pos: Pos
) -> None:
    """The example answer ``node`` holds what ``fields`` say, of their types (nested models
    included; fields the spec does not list are allowed)."""
    for field in fields:
        parent, ppos = node, pos
        for key in field.path[:-1]:
            child = parent.get(key) if isinstance(parent, dict) else None
            ppos = value_pos(parent, key, ppos) if isinstance(parent, dict) else ppos
            parent = child
        shown = f"{where}.{'.'.join(field.path)}"
        last = field.path[-1]
        if not isinstance(parent, dict) or last not in parent:
            if field.required:
                report(ppos, f"{shown} is missing: the response field {field.name!r} is required")
            continue
        _answer_value(report, parent[last], field.shape, field.required, shown,
                      value_pos(parent, last, ppos))  # fmt: skip


def _answer_value(
    report: Report, value: Any, shape: ir.Shape, required: bool, where: str, pos: Pos
) -> None:
    if value is None:
        if required:
            report(pos, f"{where} is null, but the field is required")
        return
    if shape.kind in schema.SCALAR_TYPES:
        problem = schema.scalar_value_problem(shape.kind, value)
        if problem is None and shape.enum and value not in {v.value for v in shape.enum.values}:
            problem = f"{value} is not a value of the enum {shape.enum.name}"
        if problem is not None:
            report(pos, f"{where}: {problem}")
    elif shape.kind == "Object":
        assert shape.model is not None
        if not isinstance(value, dict):
            report(pos, f"{where} must be an object, got {schema.kind_of(value)}")
            return
        answer(report, value, shape.model.fields, where, pos)
    else:
        assert shape.item is not None
        if not isinstance(value, list):
            report(pos, f"{where} must be an array, got {schema.kind_of(value)}")
            return
        for i, item in enumerate(value):
            _answer_value(report, item, shape.item, True, f"{where}[{i}]", item_pos(value, i, pos))


def plain(node: Any) -> Any:
    """The JSON value of a located node, as plain dicts and lists."""
    if isinstance(node, dict):
        return {k: plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [plain(v) for v in node]
    return node
