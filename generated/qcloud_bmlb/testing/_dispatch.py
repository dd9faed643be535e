"""From an authenticated request to its answer: decode the parameters with the client's own
request plan, find the action's handler, run it, start the task of a change that starts one.

:data:`HANDLERS` holds a built-in handler for every action of Tencent's pages (the tests check
that every action of the spec has one); a test can put its own in place of one
(``FakeBmlb.register``). Whether an action starts a task is the spec's to say
(``Operation.task_id``), not the handler's.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._exceptions import ValidationError
from .._operations import OPERATIONS
from .._serialize import MalformedParameter, plan
from .._shapes import Operation
from . import _actions_cert, _actions_l4, _actions_l7, _actions_lb
from ._calls import Answer, Call, Change, Handler
from ._state import FakeApiError, State

__all__ = ["HANDLERS", "Dispatcher", "decode"]

#: The built-in handlers, by action.
HANDLERS: Mapping[str, Handler] = {
    **_actions_lb.ACTIONS,
    **_actions_l4.ACTIONS,
    **_actions_l7.ACTIONS,
    **_actions_cert.ACTIONS,
}


def decode(op: Operation, params: Mapping[str, str]) -> dict[str, Any]:
    """Wire parameters to Python arguments, checked by the spec's rules (the client's own
    request plan, read backwards).

    A missing or unreadable parameter is 4000 (InvalidParameter); a value that breaks a rule
    of the spec is 9003 where the action documents it, 4000 otherwise. Arrays may use any
    index numbering; items are taken in index order.
    """
    try:
        return plan(op).decode(params)
    except MalformedParameter as exc:
        raise FakeApiError(4000, f"{exc.parameter} {exc.rule}") from None
    except ValidationError as exc:
        code = 9003 if 9003 in op.errors else 4000
        raise FakeApiError(code, f"{exc.parameter}: {exc.rule}") from None


def _task_field(op: Operation) -> str:
    """The answer's name of the task id an action returns (``requestId``)."""
    for field in op.result.fields:
        if field.name == op.task_id:
            return field.wire
    return "requestId"


class Dispatcher:
    """The handlers in use (the built-in ones, or a test's) and how a call is answered."""

    def __init__(self, state: State) -> None:
        self.state = state
        self.handlers: dict[str, Handler] = dict(HANDLERS)

    def register(self, action: str, handler: Handler) -> None:
        if action not in OPERATIONS:
            raise ValueError(
                f"the spec has no action {action!r}: the fake cannot read its requests"
            )
        self.handlers[action] = handler

    def unregister(self, action: str) -> None:
        """Back to the built-in handler of ``action``."""
        if action in HANDLERS:
            self.handlers[action] = HANDLERS[action]
        else:
            self.handlers.pop(action, None)

    def answer(self, action: str, region: str, params: Mapping[str, str]) -> Answer:
        """The answer's fields for an authenticated request; FakeApiError for an error."""
        op = OPERATIONS.get(action)
        if op is None:
            raise FakeApiError(6100, f"the action {action} does not exist")
        args = decode(op, params)
        task_field = _task_field(op) if op.task_id is not None else None
        return self.run(action, region, args, params, task_field=task_field)

    def run(
        self,
        action: str,
        region: str,
        args: Mapping[str, Any],
        params: Mapping[str, str],
        *,
        task_field: str | None,
    ) -> Answer:
        """Run the handler of ``action`` on decoded arguments. A change is applied when its
        task succeeds when ``task_field`` names the answer's task id field, at once otherwise."""
        handler = self.handlers.get(action)
        if handler is None:
            raise FakeApiError(
                6100, f"the fake has no handler for {action}: register one (FakeBmlb.register)"
            )
        state = self.state
        with state.lock:
            result = handler(Call(action, region, args, params, state))
            if not isinstance(result, Change):
                return result
            if task_field is not None:
                return {task_field: state.start(result.load_balancer_id, action, result.apply)}
            return result.apply() or {}
