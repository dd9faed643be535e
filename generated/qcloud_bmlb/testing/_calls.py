"""What a handler of the fake is given and what it gives back, and what handlers share.

A handler is a function of one :class:`Call` (the action, the region, the decoded arguments by
Python name, the wire parameters, the state) that returns either

- the answer's fields (wire names, as Tencent's pages show them), for an action that reads or
  that changes the state at once; or
- a :class:`Change`: what to apply, checked already. The dispatcher applies it when the task
  it starts succeeds (an action whose spec says it starts one: ``Operation.task_id``), or at
  once otherwise (then the fields ``apply`` returns are the answer).

A handler raises :class:`~._state.FakeApiError` to answer an error. Handlers run holding the
state's lock. The built-in ones live in ``_actions_*.py``, one module per part of the service;
a test can put its own in their place (``FakeBmlb.register``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from ._state import FakeApiError, L4Listener, L7Listener, LoadBalancer, State

__all__ = [
    "Answer", "Call", "Change", "Handler", "Table", "adding", "camel", "only", "page", "removing",
    "setting", "wire",
]  # fmt: skip

Answer = dict[str, Any]


@dataclass(frozen=True)
class Call:
    """One request, as a handler sees it."""

    action: str
    region: str  # as sent (``bj`` or ``ap-beijing``)
    args: Mapping[str, Any]  # decoded and checked by the spec's rules, by Python name
    params: Mapping[str, str]  # the wire parameters as received (without the Signature)
    state: State

    def get(self, name: str, default: Any = None) -> Any:
        value = self.args.get(name)
        return default if value is None else value

    def load_balancer(self, *, change: bool = False) -> LoadBalancer:
        """The request's ``loadBalancerId``, in its region (11041); with ``change``, one that
        takes a change (12003 while a task of it runs)."""
        get = self.state.changing if change else self.state.load_balancer
        return get(self.region, self.args["load_balancer_id"])

    def l4(self, *, change: bool = False) -> tuple[LoadBalancer, L4Listener]:
        """The request's load balancer and layer-4 ``listenerId`` (-12023)."""
        lb = self.load_balancer(change=change)
        return lb, self.state.l4(lb, self.args["listener_id"])

    def l7(self, *, change: bool = False) -> tuple[LoadBalancer, L7Listener]:
        """The request's load balancer and layer-7 ``listenerId`` (-12000)."""
        lb = self.load_balancer(change=change)
        return lb, self.state.l7(lb, self.args["listener_id"])


@dataclass(frozen=True)
class Change:
    """A checked change, applied when its task succeeds (or at once)."""

    load_balancer_id: str  # the one it changes ("" for none: a new one, a certificate)
    apply: Callable[[], Answer | None]


def removing(load_balancer_id: str, table: dict[Any, Any], keys: Iterable[Any]) -> Change:
    """The change that takes ``keys`` (checked already) out of ``table``."""
    doomed = list(keys)

    def apply() -> None:
        for key in doomed:
            table.pop(key, None)

    return Change(load_balancer_id, apply)


def adding(load_balancer_id: str, table: dict[Any, Any], items: Mapping[Any, Any]) -> Change:
    """The change that puts ``items`` (checked already) into ``table``."""

    def apply() -> None:
        table.update(items)

    return Change(load_balancer_id, apply)


def setting(load_balancer_id: str, obj: object, **values: Any) -> Change:
    """The change that sets attributes of ``obj`` (checked already)."""

    def apply() -> None:
        for name, value in values.items():
            setattr(obj, name, value)

    return Change(load_balancer_id, apply)


Handler = Callable[[Call], "Answer | Change"]
_H = TypeVar("_H", bound=Handler)


class Table(dict[str, Handler]):
    """Handlers by action name, filled by the :meth:`handles` decorator."""

    def handles(self, action: str) -> Callable[[_H], _H]:
        def register(handler: _H) -> _H:
            if action in self:
                raise ValueError(f"{action} has a handler already")
            self[action] = handler
            return handler

        return register


_CAMEL = re.compile(r"_([a-z0-9])")


def camel(name: str) -> str:
    """``session_expire`` -> ``sessionExpire``: a field's name in the answers."""
    return _CAMEL.sub(lambda m: m.group(1).upper(), name)


def wire(obj: object, fields: Iterable[str], renames: Mapping[str, str] | None = None) -> Answer:
    """Some fields of a resource as an answer shows them (``renames``: field -> wire name
    where it is not the field's camelCase)."""
    renames = renames or {}
    return {renames.get(f) or camel(f): getattr(obj, f) for f in fields}


def page(items: Sequence[Any], offset: int | None, limit: int | None) -> Sequence[Any]:
    """The page ``offset``, ``limit`` of ``items`` (the whole of it when both are None)."""
    if offset is not None and offset < 0:
        raise FakeApiError(9003, f"offset must be >= 0, got {offset}")
    if limit is not None and limit < 1:
        raise FakeApiError(9003, f"limit must be >= 1, got {limit}")
    start = offset or 0
    return items[start : None if limit is None else start + limit]


def only(items: Iterable[Any], wanted: Sequence[str] | None, key: str = "id") -> Iterator[Any]:
    """The items whose ``key`` attribute is in ``wanted`` (every item when it is None)."""
    chosen = None if wanted is None else set(wanted)
    for item in items:
        if chosen is None or getattr(item, key) in chosen:
            yield item
