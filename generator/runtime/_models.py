"""What the generated classes of ``models`` share: request items, response objects and
results are :class:`Model` subclasses; named values of an answer are :class:`NamedInt` enums.

Plain classes with ``__slots__`` and a generated ``__init__``, not dataclasses: a module of
a hundred dataclasses takes tens of milliseconds to import (each one is compiled at import
time), these take a few, and building one costs no more than its ``__init__``.
"""

from __future__ import annotations

from enum import IntEnum

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, ClassVar

__all__ = ["Model", "NamedInt"]


class Model:
    """A model: its fields are ``_fields`` (a result's ``raw`` is not one of them)."""

    __slots__ = ()
    _fields: ClassVar[tuple[str, ...]] = ()

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__name__}({shown})"

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, n) == getattr(other, n) for n in self._fields)

    __hash__ = None  # type: ignore[assignment]

    def to_dict(self, *, names: bool = False) -> dict[str, Any]:
        """The fields by Python name, nested models and lists of them as dicts and lists,
        named values by their number, or by their name with ``names=True`` (what
        ``json.dumps`` takes)."""
        return {name: _plain(getattr(self, name), names) for name in self._fields}


def _plain(value: Any, names: bool) -> Any:
    if isinstance(value, Model):
        return value.to_dict(names=names)
    if isinstance(value, list):
        return [_plain(v, names) for v in value]
    if isinstance(value, IntEnum):
        return value.name if names else int(value)
    return value


class NamedInt(IntEnum):
    """An Int of an answer with named values: compares and serialises as its number, prints
    as its name (``print(TaskStatus.SUCCEEDED)`` shows ``SUCCEEDED``)."""

    def __str__(self) -> str:
        return self.name

    def __format__(self, spec: str) -> str:
        return (
            format(self.name, spec) if not spec or spec[-1] in "<>^s" else format(int(self), spec)
        )
