"""What the package templates lay out, decided here on the IR once: the fields of each model
class as its template writes them, the typing names the modules need, the method names of
paging iterators."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import ir
from .naming import pyrepr


@dataclass(frozen=True)
class ModelField:
    """A field of a generated class: its annotation without ``| None`` (``required`` says
    whether it may be None) and the text of its docstring."""

    py_name: str
    py_type: str
    required: bool
    doc: str


def model_fields(owner: ir.Item | ir.Model | ir.Action) -> tuple[ModelField, ...]:
    """The fields of a request item class, a response model, or an action's result."""
    if isinstance(owner, ir.Item):
        return tuple(
            ModelField(
                f.py_name,
                f.py_type,
                f.required,
                f.description.en + (f" Range: {f.rule}." if f.rule else ""),
            )
            for f in owner.fields
        )
    fields = owner.fields if isinstance(owner, ir.Model) else owner.response
    return tuple(
        ModelField(f.py_name, f.shape.py_type, f.required, f.description.en) for f in fields
    )


def typing_needs(spec: ir.Spec) -> dict[str, bool]:
    """Which typing names the modules annotate with: ``Literal`` (allowed values) in
    ``models.py`` and the clients, ``Sequence`` (array parameters) and ``Iterator`` (paging
    actions) in the clients."""
    params = [p for action in spec.actions for p in action.params]
    return {
        "models_literal": any("Literal[" in f.py_type for i in spec.items for f in i.fields),
        "literal": any("Literal[" in p.py_type for p in params),
        "sequence": any(p.type == "Array" for p in params),
        "iterator": any(action.pagination is not None for action in spec.actions),
    }


def run_package(files: dict[str, str], module: str, given: Any) -> Any:
    """Run ``python -m <module>`` of the freshly rendered package (``files``, by path under
    ``generated/``) with ``given`` as JSON on stdin; its JSON answer. The generator does not
    import the package it writes: what the docs show of the client (its signed requests) is
    made by the package's own code, in a process of its own."""
    with tempfile.TemporaryDirectory(prefix="qcloud-bmlb-run-") as tmp:
        root = Path(tmp)
        for name, text in files.items():
            if name.endswith(".py"):
                target = root / name
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
        code = (
            f"import runpy, sys; sys.path.insert(0, {tmp!r}); "
            f"runpy.run_module({module!r}, run_name='__main__')"
        )
        done = subprocess.run(
            [sys.executable, "-I", "-c", code],
            input=json.dumps(given),
            capture_output=True,
            text=True,
            timeout=120,
        )
    if done.returncode != 0:
        raise RuntimeError(
            f"{module} of the rendered package failed: {done.stderr.strip()[-2000:]}"
        )
    return json.loads(done.stdout)


def _call(name: str, args: list[str], **keywords: Any) -> str:
    """``name(arg, ..., key=value, ...)``: keywords left out where they are None (the shapes'
    defaults); a value given as source (a tuple literal) is written as it is."""
    shown = [*args]
    for key, value in keywords.items():
        if value is None:
            continue
        literal = isinstance(value, str) and value.startswith("(")
        shown.append(f"{key}={value if literal else pyrepr(value)}")
    return f"{name}({', '.join(shown)})"


def _names(name: str, wire: str) -> list[str]:
    return [pyrepr(name), pyrepr(wire)] if name or wire else []


def _scalar(field: ir.Field, name: str, wire: str) -> str:
    kind = "String" if field.type == "String" else "Int"
    return _call(
        kind, _names(name, wire),
        required=None if field.required else False,
        minimum=field.minimum, maximum=field.maximum, max_length=field.max_length,
        choices=pyrepr(tuple(field.enum)) if field.enum else None,
        multiline=True if field.multiline else None,
    )  # fmt: skip


def param_shape(param: ir.Param) -> str:
    """The ``_shapes`` constructor of a request parameter, as Python source."""
    if isinstance(param, ir.Field):
        return _scalar(param, param.py_name, param.wire)
    if isinstance(param, ir.ScalarArray):
        item = _scalar(param.item, "", "")
        unique: Any = True if param.unique else None
    else:
        fields = ", ".join(_scalar(f, f.py_name, f.wire) for f in param.item.fields)
        item = f"Struct({pyrepr(param.item.class_name)}, ({fields},))"
        unique = pyrepr(tuple(param.item.unique)) if param.item.unique else None
    return _call(
        "Array", [*_names(param.py_name, param.wire), item],
        required=None if param.required else False,
        min_items=param.min_items, max_items=param.max_items, unique=unique,
    )  # fmt: skip


def response_shape(shape: ir.Shape, name: str = "", wire: str = "", required: bool = True) -> str:
    """The ``_shapes`` constructor of a response value (recursively), as Python source."""
    optional = None if required else False
    if shape.kind == "Object":
        assert shape.model is not None
        return _call(
            "Struct", [pyrepr(shape.model.class_name), fields_tuple(shape.model.fields),
                       *_names(name, wire)], required=optional,
        )  # fmt: skip
    if shape.kind == "Array":
        assert shape.item is not None
        return _call("Array", [*_names(name, wire), response_shape(shape.item)], required=optional)
    kind = "String" if shape.kind == "String" else "Int"
    enum = shape.enum.class_name if shape.enum else None
    return _call(kind, _names(name, wire), required=optional, enum=enum)


def fields_tuple(fields: tuple[ir.ResponseField, ...]) -> str:
    """The tuple of a result's or a model's fields, as Python source."""
    shown = [response_shape(f.shape, f.py_name, ".".join(f.path), f.required) for f in fields]
    return f"({', '.join(shown)},)" if shown else "()"


def pytuple(values: list[Any]) -> str:
    """A tuple literal of ``values``, without a trailing comma where it needs none (so the
    formatter keeps a short tuple on one line)."""
    return repr(tuple(values))


#: Registered as filters of the template environment.
FILTERS: dict[str, Any] = {"pytuple": pytuple}

#: Registered as globals of the template environment.
GLOBALS: dict[str, Any] = {
    "model_fields": model_fields,
    "typing_needs": typing_needs,
    "param_shape": param_shape,
    "fields_tuple": fields_tuple,
}
