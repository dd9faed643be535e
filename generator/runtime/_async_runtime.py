"""The asyncio client's runtime: the same request building, signing, retry decisions and
parsing as the synchronous client (``_runtime.Call`` and ``ClientCore``); only the transport
and the waiting are asynchronous.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Mapping
from typing import Any, TypeVar

from ._async_transport import AsyncPooledTransport
from ._exceptions import TransportError
from ._runtime import Call, ClientCore, Operation, Retry, _wait_seconds
from ._transport import HTTPResponse, Timeout

__all__ = ["AsyncBaseClient"]

logger = logging.getLogger("qcloud_bmlb")

R = TypeVar("R")
_A = TypeVar("_A", bound="AsyncBaseClient")


class AsyncBaseClient(ClientCore):
    """The asyncio client: keep-alive connections on asyncio protocols, any number in flight."""

    _transport: AsyncPooledTransport

    def _open_transport(self) -> AsyncPooledTransport:
        return AsyncPooledTransport(
            self.endpoint, self.timeout, self._ssl, max_connections=self.max_connections
        )

    async def __aenter__(self: _A) -> _A:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    async def close(self) -> None:
        """Close the idle connections; the client cannot be used afterwards."""
        await self._transport.close()

    async def _invoke(
        self,
        op: Operation[R],
        args: Mapping[str, object],
        *,
        timeout: float | Timeout | None = None,
        retries: int | Retry | None = None,
        wait: bool | float = False,
    ) -> R:
        call = Call(self, op, args, timeout, retries)
        while True:
            request = call.request()
            try:
                outcome: HTTPResponse | TransportError = await self._transport.request(
                    request.method, request.target, request.body, request.headers,
                    timeout=request.timeout, deadline=request.deadline,
                )  # fmt: skip
            except TransportError as exc:
                logger.debug("%s failed: %s", op.action, exc)
                outcome = exc
            result, delay = call.outcome(outcome)
            if result is not None:
                break
            await asyncio.sleep(delay)
        if wait is not False and op.task_id is not None:
            await self._wait_for_task(
                getattr(result, op.task_id), timeout=_wait_seconds(wait), interval=1.0
            )
        return result

    async def _wait_for_task(self, request_id: int, *, timeout: float, interval: float) -> Any:
        started, delay = time.monotonic(), interval
        task = self._task
        while True:
            result = await self._invoke(task.operation, {task.request_param: request_id})
            if self._task_outcome(result, request_id, started, timeout):
                return result
            left = timeout - (time.monotonic() - started)
            await asyncio.sleep(max(0.0, min(delay, left)))
            delay = min(delay * 1.5, 10.0)
