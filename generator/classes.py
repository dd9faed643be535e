"""The classes the spec makes (results, request items, response models, enums), checked
together: one name is one class; entries share a class only when their fields are the same.

The loader (:mod:`generator.loader`) records a :class:`Claim` for each entry that makes a
class, in file order, and calls :func:`check` once every file is built.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from . import ir
from .schema import Pos, Problem


@dataclass(frozen=True)
class Claim:
    """A class an entry of the spec makes."""

    class_name: str
    kind: str  # "result" | "item" | "model" | "enum"
    owner: str  # what makes it, for messages: "the items of backends in UnbindBmL4ListenerRs"
    shape: tuple[Any, ...] | None  # what must be equal for two entries to share the class
    explicit: bool  # named by the spec (``model``, an enum's ``name``), not by default
    file: str
    pos: Pos

    @property
    def where(self) -> str:
        return f"{self.file}:{self.pos[0] + 1}:{self.pos[1] + 1}"


def item_shape(item: ir.Item) -> tuple[Any, ...]:
    """What two request items must share to be one class: fields (names, types, rules,
    defaults: not the descriptions) and the unique fields."""
    fields = tuple(
        (f.wire, f.type, f.required, f.minimum, f.maximum, f.max_length, f.enum, f.default)
        for f in item.fields
    )
    return (fields, item.unique)


def model_shape(fields: tuple[ir.ResponseField, ...]) -> tuple[Any, ...]:
    """What two response models must share to be one class (not the descriptions)."""
    return (tuple((f.name, f.path, f.required, _value_shape(f.shape)) for f in fields), ())


def enum_shape(enum: ir.Enum) -> tuple[Any, ...]:
    return (tuple((v.value, v.name) for v in enum.values),)


def _value_shape(shape: ir.Shape) -> tuple[Any, ...]:
    return (
        shape.kind,
        shape.model.class_name if shape.model else None,
        _value_shape(shape.item) if shape.item else None,
        shape.enum.class_name if shape.enum else None,
        shape.allowed,
    )


def _difference(first: tuple[Any, ...], second: tuple[Any, ...]) -> str:
    """What differs between two item or model shapes, in a few words."""
    a = {f[0]: f for f in first[0]}
    b = {f[0]: f for f in second[0]}
    if list(a) != list(b):
        only_here = [n for n in b if n not in a]
        only_there = [n for n in a if n not in b]
        parts = []
        if only_here:
            parts.append("only here: " + ", ".join(only_here))
        if only_there:
            parts.append("only there: " + ", ".join(only_there))
        return "; ".join(parts) or "the fields are in another order"
    for name, field in b.items():
        if a[name] != field:
            return f"the field {name!r} differs"
    return "the unique fields differ"


def check(problems: list[Problem], claims: list[Claim], reserved: dict[str, str]) -> None:
    """No two different classes of one name, none named as ``reserved`` (name -> what it is);
    a default name that is taken is reported at its entry with the way out (``model``), a
    shared class with other fields at its second use, naming the first."""
    seen: dict[str, Claim] = {}
    for claim in claims:
        name = claim.class_name
        model = claim.kind in ("item", "model")
        way_out = (
            ("; choose another 'model' name" if claim.explicit
             else "; give it its own class name with 'model:'")
            if model else ""
        )  # fmt: skip
        how = "" if claim.explicit else " (its default name)"
        message = None
        if name in reserved:
            message = f"the class name {name!r} of {claim.owner}{how} is also {reserved[name]}"
        else:
            first = seen.setdefault(name, claim)
            shared = claim.shape is not None and (first.kind, first.shape) == (
                claim.kind,
                claim.shape,
            )
            if first is claim or shared:
                continue  # one class, shared
            if first.kind == claim.kind and claim.explicit:
                assert first.shape is not None and claim.shape is not None
                what, parts = ("model", "fields") if model else ("enum", "values")
                detail = _difference(first.shape, claim.shape) if model else "its values differ"
                message = (
                    f"the {what} {name!r} is also defined at {first.where} ({first.owner}), "
                    f"with other {parts} ({detail}); entries that share a class must be the same"
                )
            else:
                message = (
                    f"the class name {name!r} of {claim.owner}{how} is also the class of "
                    f"{first.owner} ({first.where})"
                )
        problems.append(Problem(claim.file, claim.pos[0] + 1, claim.pos[1] + 1, message + way_out))
