"""Answers read into result models, for every shape the spec has: each field converted as the
module promises (an Int may come as a numeric string, a String as a number, a field that is not
required may be absent or null), anything else a MalformedResponseError naming the path.

The expected value of every field is worked out here from the action's shapes, on random
answers, not by the package's reader."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from qcloud_bmlb import errors, models
from qcloud_bmlb._operations import OPERATIONS
from qcloud_bmlb._parsers import parse
from qcloud_bmlb._redact import Scrubber
from qcloud_bmlb._shapes import Array, Scalar, Struct
from qcloud_bmlb.errors import REGISTRY

from ..support.answers import success

MISSING = object()


def value_strategy(
    shape: Scalar | Struct | Array, exact: bool, depth: int = 0
) -> st.SearchStrategy[Any]:
    """JSON values for a shape. ``exact``: every key there, every value of exactly its type
    (the usual answer); else mostly right, sometimes of a kind the reader converts, now and
    then wrong or missing."""
    if isinstance(shape, Struct):
        fields = {
            f.wire.split(".")[0]: value_strategy(f, exact, depth + 1)
            for f in shape.fields
            if "." not in f.wire
        }
        if exact:
            return st.fixed_dictionaries(fields)
        return st.fixed_dictionaries({}, optional=fields)  # type: ignore[arg-type]
    if isinstance(shape, Array):
        return st.lists(
            value_strategy(shape.item, exact, depth + 1), max_size=3 if depth < 2 else 1
        )
    if shape.enum is not None:
        values = [m.value for m in getattr(models, shape.enum)]
        return st.sampled_from(values) if exact else st.sampled_from([*values, 99, "x"])
    if shape.kind == "Int":
        if exact:
            return st.integers(-5, 10**6)
        return st.one_of(st.integers(-5, 10**6), st.integers(0, 99).map(str), st.just("x"),
                         st.just(None), st.booleans(), st.just(1.5))  # fmt: skip
    if exact:
        return st.text(max_size=5)
    return st.one_of(st.text(max_size=5), st.integers(0, 9), st.just(None), st.just([]))


class Wrong(Exception):
    pass


def expected(shape: Scalar | Struct | Array, value: Any, path: str) -> Any:
    """What the module promises for ``value`` (already known not to be None)."""
    if isinstance(shape, Struct):
        if type(value) is not dict:
            raise Wrong(path)
        out = {}
        for f in shape.fields:
            node: Any = value
            for key in f.wire.split("."):
                node = node.get(key) if type(node) is dict else None
            where = f"{path}.{f.wire}" if path else f.wire
            if node is None:
                if f.required:
                    raise Wrong(where)
                out[f.name] = None
            else:
                out[f.name] = expected(f, node, where)
        return out
    if isinstance(shape, Array):
        if type(value) is not list:
            raise Wrong(path)
        return [None if v is None else expected(shape.item, v, f"{path}[{i}]")
                for i, v in enumerate(value)]  # fmt: skip
    if shape.kind == "Int":
        if type(value) is str and value.strip().lstrip("-").isdigit() and value.isascii():
            value = int(value)
        if type(value) is not int:
            raise Wrong(path)
        if shape.enum is not None:
            members = {m.value: m for m in getattr(models, shape.enum)}
            if value not in members:
                raise Wrong(path)
            return members[value]
        return value
    if type(value) in (int, float):
        return str(value)
    if type(value) is not str:
        raise Wrong(path)
    return value


def plain(obj: Any) -> Any:
    if hasattr(obj, "_fields"):
        return {name: plain(getattr(obj, name)) for name in obj._fields}
    if isinstance(obj, list):
        return [plain(v) for v in obj]
    return obj


ACTIONS = sorted(OPERATIONS)


@pytest.mark.parametrize("exact", [True, False], ids=["usual", "odd"])
@pytest.mark.parametrize("action", ACTIONS)
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_every_field_is_read_as_promised(action: str, exact: bool, data: st.DataObject) -> None:
    op = OPERATIONS[action]
    answer = data.draw(value_strategy(op.result, exact))
    body = json.dumps({"code": 0, "message": "", **answer}).encode()
    try:
        want = expected(op.result, {"code": 0, **answer}, "")
    except Wrong as wrong:
        with pytest.raises(errors.MalformedResponseError) as info:
            parse(op, 200, {}, body, REGISTRY, Scrubber(()))
        assert str(wrong) in str(info.value)
        return
    got = parse(op, 200, {}, body, REGISTRY, Scrubber(()))
    assert plain(got) == want
    assert got.raw == {"code": 0, "message": "", **answer}


@pytest.mark.parametrize("action", ACTIONS)
def test_a_minimal_answer_reads(action: str) -> None:
    op = OPERATIONS[action]
    body = json.dumps(success(op)).encode()
    result = parse(op, 200, {}, body, REGISTRY, Scrubber(()))
    assert type(result).__name__ == op.result.model
