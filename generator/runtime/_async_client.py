"""The asyncio client: the same calls as the synchronous client (``_client``), awaitable.

Request building, validation, signing, retry decisions and parsing are the synchronous
client's (``ClientCore``, ``_retries.Call``); only the transport and the waiting differ.
"""

from __future__ import annotations

import asyncio

from ._client import DEBUG, ClientCore, Pager, Waiter, task_note, wait_seconds
from ._exceptions import TransportError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Mapping
    from typing import Any, TypeVar

    from ._async_transport import AsyncPooledTransport
    from ._config import Timeout
    from ._retries import Call, Retry
    from ._shapes import Operation
    from ._transport import HTTPResponse

    _A = TypeVar("_A", bound="AsyncBaseClient")

__all__ = ["AsyncBaseClient"]


class AsyncBaseClient(ClientCore):
    """The asyncio client: keep-alive connections on asyncio protocols, many calls in flight."""

    _transport: AsyncPooledTransport

    def _open_transport(self) -> AsyncPooledTransport:
        from ._async_transport import AsyncPooledTransport

        return AsyncPooledTransport(
            self.endpoint, self.timeout, self._ssl, max_connections=self.max_connections,
            redact=self._scrubber.text,
        )  # fmt: skip

    async def __aenter__(self: _A) -> _A:
        self._check_open()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    async def close(self) -> None:
        """Close the connections; the client refuses every call afterwards."""
        if not self._closed:
            self._closed = True
            await self._transport.close()

    async def _invoke(
        self,
        op: Operation,
        args: Mapping[str, object],
        *,
        timeout: float | Timeout | None = None,
        retries: int | Retry | None = None,
        wait: bool | float = False,
    ) -> Any:
        from ._retries import Call

        if self._closed:
            self._check_open()
        wait_for = None if wait is False or op.task_id is None else wait_seconds(wait)
        call = Call(self, op, args, timeout, retries)
        debug = self._logger.isEnabledFor(DEBUG)
        while True:
            result, delay = call.outcome(await self._send(call, op, debug))
            if result is not None:
                break
            await asyncio.sleep(delay)
        if wait_for is not None:
            request_id = getattr(result, op.task_id)  # type: ignore[arg-type]
            try:
                await self._wait_for_task(request_id, timeout=wait_for, interval=1.0)
            except (KeyboardInterrupt, asyncio.CancelledError) as exc:
                task_note(exc, request_id, op.action)
                raise
        return result

    async def _send(self, call: Call, op: Operation, debug: bool) -> HTTPResponse | TransportError:
        request = call.request()
        if debug:
            self._log_request(op, request)
        try:
            return await self._transport.request(
                request.method, request.target, request.body, request.headers,
                timeout=request.timeout, deadline=request.deadline,
            )  # fmt: skip
        except TransportError as exc:
            self._logger.debug("%s failed: %s", op.action, self._scrubber.text(str(exc)))
            return exc

    async def _wait_for_task(self, request_id: int, *, timeout: float, interval: float) -> Any:
        self._check_open()
        waiter = Waiter(self._task, request_id, timeout, interval)
        while not waiter.done(await self._invoke(self._task.operation, waiter.args)):
            await asyncio.sleep(waiter.delay())
        return waiter.result

    async def _paginate(
        self,
        op: Operation,
        args: Mapping[str, object],
        *,
        page_size: int | None = None,
        timeout: float | Timeout | None = None,
        retries: int | Retry | None = None,
    ) -> AsyncIterator[Any]:
        pager = Pager(op, args, page_size)
        while pager.page is not None:
            result = await self._invoke(op, pager.page, timeout=timeout, retries=retries)
            for item in pager.items(result):
                yield item
