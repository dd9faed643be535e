"""The page's own example is the first test of each action, generated from Tencent's pages: a new
page brings its own.

For every action page of the corpus (both languages), the example request is sent through the
typed method of ``Client`` and must put exactly the page's parameters on the wire: 0-based where
the page is 1-based, with the spec's value where the page's is of the wrong type, and by the
spec's name where the page spells it otherwise (each of these is a correction the spec records;
``test_importdoc_corpus`` checks that it does). The page's example answer, as served, must parse
into the result model, field by field.

What the page's values are typed by, and which item class a list of objects is made of, comes
from the spec (the loader's IR); nothing here names an action.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import qcloud_bmlb
import yaml
from pytest_httpserver import HTTPServer
from qcloud_bmlb import Client
from qcloud_bmlb._operations import OPERATIONS

from generator import ir

from ..conftest import REGION, SECRET_ID, SECRET_KEY, answer, recorded
from .corpus import ACTION_PAGES, parsed, spec_ir, whole_spec

COMMON = {
    "Action",
    "Region",
    "Timestamp",
    "Nonce",
    "SecretId",
    "SignatureMethod",
    "Signature",
    "Token",
}


CASES = [pytest.param(path, id=path.name) for path in ACTION_PAGES]


@pytest.mark.parametrize("path", CASES)
def test_every_page_has_its_action_in_the_package(path: Path) -> None:
    assert parsed(path).action in OPERATIONS


@pytest.fixture(scope="module")
def spec_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return whole_spec(tmp_path_factory.mktemp("examples") / "spec")


def _action(spec_dir: Path, name: str) -> tuple[ir.Action, dict[str, Any]]:
    action = next(a for a in spec_ir(spec_dir).actions if a.name == name)
    raw = yaml.safe_load((spec_dir / "actions" / f"{name}.yaml").read_text(encoding="utf-8"))
    return action, raw


def _class(name: str) -> Any:
    return getattr(qcloud_bmlb, name, None) or getattr(qcloud_bmlb.models, name)


def _scalar(text: str, kind: str, fallback: Any) -> Any:
    """A page's example value as the spec types it; where it is not of that type (a placeholder
    such as XXX), the spec's example value at the same place."""
    if kind in ("Int", "UInt"):
        if re.fullmatch(r"-?\d+", text):
            return int(text)
        assert fallback is not None, f"the page gives {text!r} and the spec's example has none"
        return fallback
    return text


def _param(action: ir.Action, wire: str) -> ir.Param:
    found = [p for p in action.params if p.wire == wire]
    found = found or [p for p in action.params if p.wire.lower() == wire.lower()]
    assert found, f"the page's example sends {wire}, which {action.name} has not"
    return found[0]


def example_of(page: Any, action: ir.Action, raw: dict[str, Any]) -> dict[str, Any]:
    """The page's example request by the spec's wire names, typed by the spec, arrays as lists
    (0-based whatever the page's indexes), items as mappings of wire names."""
    spec_example = raw.get("example") or {}
    out: dict[str, Any] = {}
    arrays: dict[str, dict[int, Any]] = {}
    for ev in page.example_lines:
        parts = ev.key.split(".")
        param = _param(action, parts[0])
        if isinstance(param, ir.Field):
            out[param.wire] = _scalar(ev.value, param.type, spec_example.get(param.wire))
            continue
        slots = arrays.setdefault(param.wire, {})
        index = int(parts[1])
        spec_items = spec_example.get(param.wire) or []
        if isinstance(param, ir.ScalarArray):
            fallback = spec_items[0] if spec_items else None
            slots[index] = _scalar(ev.value, param.item.type, fallback)
            continue
        fld = next(f for f in param.item.fields if f.wire.lower() == parts[2].lower())
        fallback = spec_items[0].get(fld.wire) if spec_items else None
        slots.setdefault(index, {})[fld.wire] = _scalar(ev.value, fld.type, fallback)
    for name, slots in arrays.items():
        out[name] = [slots[i] for i in sorted(slots)]
    return out


def on_the_wire(action: ir.Action, example: dict[str, Any]) -> dict[str, str]:
    """What the example must put on the wire: ``name``, ``name.0``, ``name.0.field``."""
    wire: dict[str, str] = {}
    for name, value in example.items():
        if not isinstance(value, list):
            wire[name] = str(value)
            continue
        for i, v in enumerate(value):
            if isinstance(v, dict):
                wire.update({f"{name}.{i}.{k}": str(x) for k, x in v.items()})
            else:
                wire[f"{name}.{i}"] = str(v)
    return wire


def arguments(action: ir.Action, example: dict[str, Any]) -> dict[str, Any]:
    """The typed method's keyword arguments for the example: items as the package's classes."""
    kwargs: dict[str, Any] = {}
    for name, value in example.items():
        param = _param(action, name)
        if isinstance(param, ir.ArrayParam):
            cls = _class(param.item.class_name)
            by_wire = {f.wire: f.py_name for f in param.item.fields}
            value = [cls(**{by_wire[k]: v for k, v in item.items()}) for item in value]
        kwargs[param.py_name] = value
    return kwargs


def _fits(shape: ir.Shape, value: Any) -> bool:
    if shape.kind in ("Int", "UInt"):
        return isinstance(value, int) and not isinstance(value, bool)
    if shape.kind == "String":
        return isinstance(value, str)
    if shape.kind == "Array":
        return isinstance(value, list)
    return isinstance(value, dict)


def _corrected(fields: tuple[ir.ResponseField, ...], page_node: Any, spec_node: Any) -> Any:
    """The page's example answer with the spec's value where the page's breaks the spec (a
    placeholder for an Int, one object for a list) or leaves out a field the spec requires;
    each is a correction the spec records."""
    if not isinstance(page_node, dict):
        return page_node
    out = dict(page_node)
    spec_node = spec_node if isinstance(spec_node, dict) else {}
    for f in fields:
        key = f.path[0]
        if len(f.path) > 1:  # a lifted value (data.status): correct inside its object
            inner = ir.ResponseField(
                f.name, f.py_name, f.path[1:], f.shape, f.required, f.description
            )
            out[key] = _corrected((inner,), out.get(key), spec_node.get(key))
            continue
        if key not in out or out[key] is None:
            if f.required:
                out[key] = spec_node[key]
            continue
        if not _fits(f.shape, out[key]):
            out[key] = spec_node[key]
            continue
        model = f.shape.model or (f.shape.item.model if f.shape.item else None)
        if model is None:
            continue
        if isinstance(out[key], list):
            spec_items = spec_node.get(key) or [{}]
            out[key] = [
                _corrected(model.fields, item, spec_items[min(i, len(spec_items) - 1)])
                for i, item in enumerate(out[key])
            ]
        else:
            out[key] = _corrected(model.fields, out[key], spec_node.get(key))
    return out


def answer_of(page: Any, raw: dict[str, Any], action: ir.Action) -> dict[str, Any]:
    spec_answer = raw.get("exampleResponse") or {"code": 0, "codeDesc": "Success", "message": ""}
    if page.example_response is None:
        return dict(spec_answer)
    return _corrected(action.response, page.example_response, spec_answer)


def _same(shape: ir.Shape, py: Any, js: Any, where: str) -> None:
    if js is None:
        assert py is None, where
        return
    if shape.kind in ("Int", "UInt", "String"):
        assert py == js and (shape.enum is None or int(py) == js), f"{where}: {py!r} != {js!r}"
        return
    if shape.kind == "Array":
        assert len(py) == len(js), where
        assert shape.item is not None
        for i, (a, b) in enumerate(zip(py, js, strict=True)):
            _same(shape.item, a, b, f"{where}[{i}]")
        return
    assert shape.model is not None
    _fields(shape.model.fields, py, js, where)


def _fields(fields: tuple[ir.ResponseField, ...], py: Any, js: Any, where: str) -> None:
    for f in fields:
        value = js
        for key in f.path:
            value = value.get(key) if isinstance(value, dict) else None
        _same(f.shape, getattr(py, f.py_name), value, f"{where}.{f.py_name}")


def _check_answer(fields: tuple[ir.ResponseField, ...], js: Any, where: str) -> None:
    """Every required field there, every value of its field's type, at any depth."""
    for f in fields:
        value = js
        for key in f.path:
            value = value.get(key) if isinstance(value, dict) else None
        if value is None:
            assert not f.required, f"{where}.{f.name} is required"
            continue
        assert _fits(f.shape, value), f"{where}.{f.name}: {value!r} is not {f.shape.kind}"
        model = f.shape.model or (f.shape.item.model if f.shape.item else None)
        for item in value if isinstance(value, list) else [value]:
            if model is not None:
                _check_answer(model.fields, item, f"{where}.{f.name}")
            elif f.shape.item is not None:
                assert _fits(f.shape.item, item), f"{where}.{f.name}: {item!r}"


@pytest.mark.parametrize("path", ACTION_PAGES, ids=lambda p: p.name)
def test_the_pages_example_is_a_call_the_spec_can_make(path: Path, spec_dir: Path) -> None:
    """Without the package: the example names the spec's parameters only, gives every required
    one, fits their rules once corrected, and the corrected answer fits the result's shape."""
    page = parsed(path)
    action, raw = _action(spec_dir, page.action)
    example = example_of(page, action, raw)
    for param in action.params:
        assert not param.required or param.wire in example, (page.action, param.wire)
    for name, value in example.items():
        param = _param(action, name)
        if isinstance(param, ir.Field):
            assert not param.enum or value in param.enum, (name, value)
            lo, hi = param.minimum, param.maximum
            assert isinstance(value, str) or (
                (lo is None or value >= lo) and (hi is None or value <= hi)
            ), (name, value)
        else:
            assert param.max_items is None or len(value) <= param.max_items
    _check_answer(action.response, answer_of(page, raw, action), action.result_class)


def _call(
    httpserver: HTTPServer, endpoint: str, action: ir.Action, kwargs: dict, payload: dict
) -> Any:
    answer(httpserver, payload)
    with Client(secret_id=SECRET_ID, secret_key=SECRET_KEY, region=REGION, endpoint=endpoint) as c:
        return getattr(c, action.py_name)(**kwargs)


@pytest.mark.parametrize("path", CASES)
def test_the_pages_example_request_goes_on_the_wire(
    path: Path, spec_dir: Path, httpserver: HTTPServer, endpoint: str
) -> None:
    page = parsed(path)
    action, raw = _action(spec_dir, page.action)
    example = example_of(page, action, raw)
    wire = on_the_wire(action, example)
    _call(httpserver, endpoint, action, arguments(action, example), answer_of(page, raw, action))
    sent = recorded(httpserver)[-1].params
    assert sent["Action"] == action.name
    assert {k: v for k, v in sent.items() if k not in COMMON} == wire


@pytest.mark.parametrize("path", CASES)
def test_the_pages_example_answer_parses_into_the_result(
    path: Path, spec_dir: Path, httpserver: HTTPServer, endpoint: str
) -> None:
    page = parsed(path)
    action, raw = _action(spec_dir, page.action)
    kwargs = arguments(action, example_of(page, action, raw))
    payload = answer_of(page, raw, action)
    result = _call(httpserver, endpoint, action, kwargs, payload)
    assert type(result).__name__ == action.result_class
    _fields(action.response, result, payload, action.result_class)
