"""The asyncio HTTP transport: keep-alive HTTP/1.1 connections, pooled, on asyncio protocols.

The asynchronous counterpart of :class:`~._transport.PooledTransport`, with the same
:class:`~._transport.HTTPResponse` and the same error mapping, on the standard library alone
(``loop.create_connection`` with a small protocol of our own; no aiohttp or httpx dependency).

Choices, and why:

* **One connection per request in flight.** HTTP/1.1 cannot interleave two exchanges on one
  connection (pipelining is unreliable in practice), so a request takes an idle connection or
  opens a new one, and puts it back when its response was read to the end and the server keeps
  it open. There is no limit on connections unless ``max_connections`` is given (a semaphore);
  at most ``max_idle`` idle ones are kept, the most recently used first (LIFO: the least likely
  to have been closed by the server's idle timeout).
* **An** ``asyncio.BufferedProtocol`` **per connection, not streams.** The response is parsed as its
  bytes arrive, inside ``data_received``, by the package's one HTTP/1.1 reader
  (:class:`~._http11.ResponseReader`, which the sync transport and the fake use too), and the
  request waits on one future that is resolved once with the whole response. A request
  therefore costs one write, one future and one wake-up of its task; with streams it cost a
  ``StreamReader`` feed and wake-up and a resumption of a chain of coroutines per received
  piece. We always know whether any
  byte of the response has arrived (which decides whether a failed request on a reused
  connection may be sent again).
* **Caps**: the header section (status line, headers) and, apart, chunked trailers may take
  :data:`MAX_HEADER_BYTES` each, the body :data:`MAX_BODY_BYTES`; beyond that the connection is
  dropped with a :class:`TransportError` naming the cap, so a huge or hostile response cannot
  eat memory. A ``Content-Length`` above the cap is refused before its body is read.
* **Timeouts are per read**, like the socket timeout of the sync transport: ``timeout.read`` is
  how long the server may stay silent, not a deadline for the whole response; ``deadline`` (the
  call's, from its retry policy) bounds the whole exchange. Both are enforced by one timer per
  connection (``loop.call_at``), armed for the earlier of the two. It is not re-armed when bytes
  arrive, only noted when they did: when it fires early (the server was not silent for the
  whole read timeout) it re-arms itself for the new due time, and when it fires while the
  connection is idle it lapses. A connection that keeps answering in time thus needs no timer
  operation per request. Connecting (TCP and TLS handshake) has ``timeout.connect`` in all,
  within the deadline.
* **The retry**: a reused idle connection that the server had closed (EOF or reset before any
  byte of the response) is replaced by a fresh one and the request sent once more, as the sync
  transport does; once any byte of the answer came, nothing is sent again (retry policy is
  the client's). A connection that received a byte while idle is never reused.
* **Peer text** (status lines, fields, body excerpts) in an error goes through ``redact``
  first (the client's scrubber of its secrets), whichever layer raised it.
* **Cancellation**: whatever interrupts a request (cancellation included) aborts its
  connection, since the connection's state is unknown; only a cleanly finished exchange goes
  back to the pool. ``CancelledError`` propagates unchanged.
* **Errors** are always :class:`TransportError` and its subclasses, ``sent`` telling whether
  the request may have reached the server: no ``OSError``, ``ssl.SSLError``, ``ValueError`` or
  ``asyncio`` error escapes raw.
* **Event loops**: connections belong to the loop that opened them. The transport is meant to
  be used from one loop at a time; when it is first used from another loop (a second
  ``asyncio.run``), the idle connections of the old loop are dropped rather than reused (a
  closed loop can no longer close them: the garbage collector closes their sockets).
* ``TCP_NODELAY`` is set by asyncio itself on TCP sockets, which is what the sync transport
  sets by hand.
"""

from __future__ import annotations

import asyncio
import dataclasses
import ssl
import sys
import time
from collections.abc import Awaitable, Callable
from types import TracebackType
from typing import Protocol, TypeVar, cast

from ._exceptions import ConnectError, RequestTimeoutError, TransportError
from ._http11 import (
    MAX_BODY,
    MAX_HEAD,
    LocalProtocolError,
    RemoteProtocolError,
    RequestWriter,
    ResponseReader,
)
from ._transport import Endpoint, HTTPResponse, Timeout, _describe, _host_header, _same

__all__ = ["MAX_BODY_BYTES", "MAX_HEADER_BYTES", "AsyncPooledTransport", "AsyncTransport"]

#: Most bytes accepted for a response's header section (and, separately, chunked trailers).
MAX_HEADER_BYTES = MAX_HEAD
#: Most bytes accepted for a response's body.
MAX_BODY_BYTES = MAX_BODY

_T = TypeVar("_T")

# A timer may fire up to the clock's resolution early: a due time that close counts as reached.
_SLACK = max(1e-3, time.get_clock_info("monotonic").resolution)
_DEADLINE_PASSED = "the call's deadline passed while the answer was still arriving"
_NO_RESPONSE = "the server closed the connection without a response"
_RECEIVE = 65536  # bytes asked of each read


class AsyncTransport(Protocol):
    """What an asyncio client needs from HTTP: send one request, get the whole response, or
    raise :class:`TransportError`."""

    async def request(
        self,
        method: str,
        target: str,
        body: bytes | None,
        headers: dict[str, str],
        timeout: Timeout | None = None,
        deadline: float | None = None,
    ) -> HTTPResponse: ...

    async def close(self) -> None: ...


if sys.version_info >= (3, 11):

    async def _within(aw: Awaitable[_T], seconds: float) -> _T:
        async with asyncio.timeout(seconds):
            return await aw

else:  # pragma: no cover - exercised on Python 3.10 only

    async def _within(aw: Awaitable[_T], seconds: float) -> _T:
        return await asyncio.wait_for(aw, seconds)


class _Closed(Exception):
    """The connection ended (EOF or reset) before any byte of the response arrived."""


class _Connection(asyncio.BufferedProtocol):
    """One connection: sends a request, feeds what arrives to its :class:`ResponseReader`, and
    resolves the request's future once, with ``(response, reusable)`` or an exception.

    A buffered protocol: the event loop reads into ``inbox`` (one buffer shared by the
    transport's connections, which all run on one thread and copy out what arrived at once)
    instead of allocating a 256 KiB bytes object for every read, which glibc may serve with an
    mmap and an munmap each (three system calls a request, measured with strace).
    """

    __slots__ = (
        "deadline",
        "gone",
        "inbox",
        "last",
        "loop",
        "lost",
        "open",
        "read_timeout",
        "reader",
        "redact",
        "timer",
        "transport",
        "waiter",
    )

    def __init__(
        self,
        loop: asyncio.AbstractEventLoop,
        max_header: int,
        max_body: int,
        redact: Callable[[str], str],
        inbox: memoryview,
    ) -> None:
        self.loop = loop
        self.inbox = inbox
        self.reader = ResponseReader(max_header, max_body)
        self.redact = redact
        self.transport: asyncio.Transport | None = None
        #: Connected, and no EOF, reset or stray byte seen since.
        self.open = False
        #: ``connection_lost`` was called.
        self.lost = False
        #: Resolved when the connection is lost (for ``close``); made on demand.
        self.gone: asyncio.Future[None] | None = None
        self.waiter: asyncio.Future[tuple[HTTPResponse, bool]] | None = None
        # The timer: one per connection, armed for the earliest due time it may have to see.
        self.timer: asyncio.TimerHandle | None = None
        self.last = 0.0  # loop time of the last progress (request sent, bytes received)
        self.read_timeout = 30.0
        self.deadline: float | None = None  # loop time

    # -- the request side ----------------------------------------------------------------

    def usable(self) -> bool:
        """Still open as far as the event loop has seen (no EOF, reset, stray byte or close)."""
        transport = self.transport
        return self.open and transport is not None and not transport.is_closing()

    def send(
        self, data: bytes, method: str, read_timeout: float, deadline: float | None
    ) -> asyncio.Future[tuple[HTTPResponse, bool]]:
        """Write one request; the future resolves with ``(response, reusable)``."""
        loop = self.loop
        waiter = self.waiter = loop.create_future()
        self.reader.expect(method)
        now = self.last = loop.time()
        self.read_timeout = read_timeout
        self.deadline = deadline
        due = now + read_timeout
        if deadline is not None and deadline < due:
            due = deadline
        timer = self.timer
        if timer is None or timer.when() > due:
            if timer is not None:
                timer.cancel()
            self.timer = loop.call_at(due, self._on_timer)
        transport = self.transport
        if not self.open or transport is None:  # ended between check-out and now
            self._fail(_Closed(_NO_RESPONSE))
        else:
            transport.write(data)
        return waiter

    def close(self) -> None:
        """Close politely (flushes; TLS close_notify) without waiting."""
        self.open = False
        self._stop_timer()
        if self.transport is not None:
            try:
                self.transport.close()
            except RuntimeError:  # its event loop is closed already
                pass

    def abort(self) -> None:
        """Drop at once, discarding anything unsent: for connections in an unknown state."""
        self.open = False
        self.waiter = None
        self.reader = ResponseReader(self.reader.max_head, self.reader.max_body)
        self._stop_timer()
        if self.transport is not None:
            try:
                self.transport.abort()
            except RuntimeError:  # its event loop is closed already
                pass

    def wait_closed(self) -> asyncio.Future[None]:
        if self.gone is None:
            self.gone = self.loop.create_future()
            if self.lost:
                self.gone.set_result(None)
        return self.gone

    def _stop_timer(self) -> None:
        if self.timer is not None:
            self.timer.cancel()
            self.timer = None

    def _on_timer(self) -> None:
        self.timer = None
        if not self.reader.expecting:
            return  # no request in flight: the next one arms it again
        now = self.loop.time()
        deadline = self.deadline
        if deadline is not None and now + _SLACK >= deadline:
            self._fail(RequestTimeoutError(_DEADLINE_PASSED))
            return
        due = self.last + self.read_timeout
        if now + _SLACK >= due:
            self._fail(RequestTimeoutError("read timed out"))
            return
        if deadline is not None and deadline < due:  # bytes came in time: wait on
            due = deadline
        self.timer = self.loop.call_at(due, self._on_timer)

    def _fail(self, exc: BaseException) -> None:
        """End the exchange with an error; the connection is not used again."""
        self.open = False
        if self.reader.expecting:
            self.reader = ResponseReader(self.reader.max_head, self.reader.max_body)
        waiter, self.waiter = self.waiter, None
        if waiter is not None and not waiter.done():
            waiter.set_exception(exc)

    def _complete(self, status: int, headers: dict[str, str], body: bytes) -> None:
        keep = self.reader.reusable
        if not keep:
            self.open = False
        waiter, self.waiter = self.waiter, None
        if waiter is not None and not waiter.done():
            waiter.set_result((HTTPResponse(status, headers, body), keep))

    # -- asyncio.BufferedProtocol ----------------------------------------------------------

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = cast(asyncio.Transport, transport)
        self.open = True

    def get_buffer(self, sizehint: int) -> memoryview:
        return self.inbox

    def buffer_updated(self, nbytes: int) -> None:
        self.data_received(bytes(self.inbox[:nbytes]))

    def data_received(self, data: bytes) -> None:
        reader = self.reader
        if not reader.expecting:
            self.open = False  # bytes nobody asked for: the connection is out of step
            return
        self.last = self.loop.time()
        try:
            response = reader.feed(data)
        except RemoteProtocolError as exc:
            self._fail(TransportError(exc.describe(self.redact)))
            if self.transport is not None:
                self.transport.abort()
            return
        if response is not None:
            self._complete(response.status, response.headers, response.body)

    def eof_received(self) -> bool | None:
        self._ended(None)
        return None  # let the transport close itself

    def connection_lost(self, exc: Exception | None) -> None:
        self.lost = True
        self._ended(exc)
        self._stop_timer()
        if self.gone is not None and not self.gone.done():
            self.gone.set_result(None)

    def _ended(self, exc: Exception | None) -> None:
        """The connection ended (EOF, reset, closed): finish or fail the exchange."""
        self.open = False
        reader = self.reader
        if not reader.expecting:
            return
        if reader.received == 0:
            self._fail(_Closed(_describe(exc) if exc is not None else _NO_RESPONSE))
            return
        if exc is not None:
            self._fail(TransportError(_describe(exc)))
            return
        try:
            response = reader.feed_eof()
        except RemoteProtocolError as error:
            self._fail(TransportError(error.describe(self.redact)))
            return
        self._complete(response.status, response.headers, response.body)


class AsyncPooledTransport:
    """Keep-alive HTTP/1.1 connections to one endpoint, reused across asyncio tasks.

    ``request`` takes an idle connection (or opens one), sends the request, reads the whole
    response and puts the connection back when the server keeps it open. Concurrent requests
    each use their own connection; ``max_connections`` (default: no limit) bounds how many are
    open at once, ``max_idle`` how many idle ones are kept. ``redact`` (default: none) is
    applied to every text from the peer before it goes into an exception.
    """

    def __init__(
        self,
        endpoint: Endpoint,
        timeout: Timeout,
        ssl_context: ssl.SSLContext | None = None,
        max_idle: int = 64,
        max_connections: int | None = None,
        *,
        max_header_bytes: int = MAX_HEADER_BYTES,
        max_body_bytes: int = MAX_BODY_BYTES,
        redact: Callable[[str], str] | None = None,
    ) -> None:
        self.endpoint = endpoint
        self.timeout = timeout
        self._ssl_context = ssl_context
        if endpoint.scheme == "https" and ssl_context is None:
            self._ssl_context = ssl.create_default_context()
        if endpoint.scheme == "http":
            self._ssl_context = None
        self._max_idle = max_idle
        self._max_connections = max_connections
        self._max_header = max_header_bytes
        self._max_body = max_body_bytes
        self._idle: list[_Connection] = []
        self._semaphore: asyncio.Semaphore | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._monotonic_loop = False
        self._closed = False
        #: Every text that came from the peer passes through it before an error shows it.
        self._redact = redact or _same
        self._writer = RequestWriter(_host_header(endpoint))
        #: What every connection's reads land in, before they are copied out (see _Connection).
        self._inbox = memoryview(bytearray(_RECEIVE))
        #: Connections opened so far (for tests and diagnostics).
        self.connections_opened = 0

    @property
    def idle_connections(self) -> int:
        """How many idle connections the pool holds now."""
        return len(self._idle)

    async def __aenter__(self) -> AsyncPooledTransport:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    async def request(
        self,
        method: str,
        target: str,
        body: bytes | None,
        headers: dict[str, str],
        timeout: Timeout | None = None,
        deadline: float | None = None,
    ) -> HTTPResponse:
        """Send one request and return the whole response, or raise :class:`TransportError`.

        ``timeout`` replaces the transport's own for this request (connect and each read);
        ``deadline`` (a ``time.monotonic()`` value) bounds the whole exchange."""
        if self._closed:
            raise TransportError("the client is closed", sent=False)
        try:
            data = self._writer.encode(method, target, body, headers)
        except LocalProtocolError as exc:
            raise TransportError(exc.describe(self._redact), sent=False) from None
        loop = asyncio.get_running_loop()
        if loop is not self._loop:
            self._bind_loop(loop)
        if timeout is None:
            timeout = self.timeout
        # The deadline in the loop's time, which the timers use.
        if deadline is None or self._monotonic_loop:
            due = deadline
        else:
            due = loop.time() + (deadline - time.monotonic())
        semaphore = self._semaphore
        if semaphore is not None:
            if due is None or not semaphore.locked():
                await semaphore.acquire()
            else:
                await self._acquire_by(semaphore, loop, due)
        try:
            conn = None
            idle = self._idle
            while idle:
                candidate = idle.pop()  # the most recently used first
                if candidate.usable():
                    conn = candidate
                    break
                candidate.abort()
            reused = conn is not None
            resent = False
            while True:
                if conn is None:
                    conn = await self._connect(loop, timeout, due)
                try:
                    response, keep = await conn.send(data, method, timeout.read, due)
                except _Closed as exc:
                    conn.abort()
                    if reused:
                        # The server closed an idle keep-alive connection before answering
                        # this request: send the very same bytes once more on a fresh one (see
                        # HTTPResponse.resent).
                        conn, reused, resent = None, False, True
                        continue
                    raise TransportError(str(exc)) from None
                except BaseException:  # TransportError, CancelledError, anything: state unknown
                    conn.abort()
                    raise
                break
            if keep:
                self._checkin(conn)
            else:
                conn.close()
        finally:
            if semaphore is not None:
                semaphore.release()
        return dataclasses.replace(response, resent=True) if resent else response

    async def close(self) -> None:
        """Close the idle connections; requests still running close theirs when they end.
        Any later ``request`` raises :class:`TransportError`."""
        self._closed = True
        idle, self._idle = self._idle, []
        for conn in idle:
            conn.close()
        running = self._running()
        waits = [conn.wait_closed() for conn in idle if conn.loop is running]
        if not waits:
            return
        try:
            await _within(asyncio.gather(*waits, return_exceptions=True), self.timeout.connect)
        except (asyncio.TimeoutError, TimeoutError):  # a TLS peer not answering close_notify
            for conn in idle:
                conn.abort()

    # -- internals ---------------------------------------------------------------------------

    @staticmethod
    def _running() -> asyncio.AbstractEventLoop | None:
        try:
            return asyncio.get_running_loop()
        except RuntimeError:
            return None

    def _bind_loop(self, loop: asyncio.AbstractEventLoop) -> None:
        """Connections and the semaphore belong to one loop: start afresh on another one."""
        self._loop = loop
        # asyncio's own loops keep time with time.monotonic(), as deadlines do.
        self._monotonic_loop = type(loop).time is asyncio.BaseEventLoop.time
        stale, self._idle = self._idle, []
        for conn in stale:
            conn.abort()
        if self._max_connections is not None:
            self._semaphore = asyncio.Semaphore(self._max_connections)

    async def _acquire_by(
        self, semaphore: asyncio.Semaphore, loop: asyncio.AbstractEventLoop, due: float
    ) -> None:
        """Wait for a connection slot, until the call's deadline at most."""
        try:
            await _within(semaphore.acquire(), max(0.0, due - loop.time()))
        except (asyncio.TimeoutError, TimeoutError):
            raise RequestTimeoutError(_DEADLINE_PASSED, sent=False) from None

    def _checkin(self, conn: _Connection) -> None:
        if (
            not self._closed
            and conn.loop is self._loop
            and len(self._idle) < self._max_idle
            and conn.usable()
        ):
            self._idle.append(conn)
        else:
            conn.close()

    async def _connect(
        self, loop: asyncio.AbstractEventLoop, timeout: Timeout, due: float | None
    ) -> _Connection:
        ep = self.endpoint
        seconds, by_deadline = timeout.connect, False
        if due is not None and due - loop.time() < seconds:
            seconds, by_deadline = max(0.0, due - loop.time()), True
        conn = _Connection(loop, self._max_header, self._max_body, self._redact, self._inbox)
        try:
            await _within(
                loop.create_connection(
                    lambda: conn,
                    ep.host,
                    ep.port,
                    ssl=self._ssl_context,
                    server_hostname=ep.host if self._ssl_context is not None else None,
                ),
                seconds,
            )
        except (asyncio.TimeoutError, TimeoutError) as exc:
            text = _DEADLINE_PASSED if by_deadline else _describe(exc, "connect timed out")
            raise RequestTimeoutError(text, sent=False) from None
        except (OSError, ValueError) as exc:  # refused, DNS, TLS (SSLError, CertificateError)
            raise ConnectError(_describe(exc)) from None
        self.connections_opened += 1
        return conn
