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
* **An** ``asyncio.Protocol`` **per connection, not streams.** The response is parsed as its
  bytes arrive, inside ``data_received`` (a small state machine: head, then a body delimited by
  ``Content-Length``, chunks or the end of the connection), and the request waits on one future
  that is resolved once with the whole response. A request therefore costs one write, one
  future and one wake-up of its task; with streams it cost a ``StreamReader`` feed and wake-up
  and a resumption of a chain of coroutines per received piece. We always know whether any
  byte of the response has arrived (which decides whether a failed request on a reused
  connection may be sent again).
* **Caps**: the header section (status line, headers, and chunked trailers) may take
  :data:`MAX_HEADER_BYTES`, the body :data:`MAX_BODY_BYTES`; beyond that the connection is
  dropped with a :class:`TransportError`, so a huge or hostile response cannot eat memory. A
  ``Content-Length`` above the cap is refused before its body is read.
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
  transport does; nothing else is retried here (retry policy is the client's).
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
import re
import ssl
import sys
import time
from collections.abc import Awaitable
from types import TracebackType
from typing import Protocol, TypeVar, cast

from ._exceptions import ConnectError, RequestTimeoutError, TransportError
from ._transport import Endpoint, HTTPResponse, Timeout

__all__ = ["MAX_BODY_BYTES", "MAX_HEADER_BYTES", "AsyncPooledTransport", "AsyncTransport"]

#: Most bytes accepted for a response's header section (and, separately, chunked trailers).
MAX_HEADER_BYTES = 64 * 1024
#: Most bytes accepted for a response's body.
MAX_BODY_BYTES = 16 * 1024 * 1024
#: Most bytes accepted for one chunk-size line of a chunked body.
_CHUNK_LINE_BYTES = 1024

_T = TypeVar("_T")

# A request target and method: visible ASCII, no spaces or control characters.
_TOKEN_OR_TARGET = re.compile(r"[\x21-\x7e]+")
_HEADER_NAME = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
# Header values may hold tabs and any byte from 0x20 up, but no CR, LF or NUL (injection).
_BAD_VALUE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")
_HEX = re.compile(rb"[0-9A-Fa-f]{1,16}")
_DIGITS = re.compile(r"[0-9]{1,19}")

#: Response header names already checked, and their lower-case form.
_NAMES: dict[str, str] = {}
_MAX_NAMES = 256

# A timer may fire up to the clock's resolution early: a due time that close counts as reached.
_SLACK = max(1e-3, time.get_clock_info("monotonic").resolution)
_DEADLINE_PASSED = "the call's deadline passed while the answer was still arriving"
_NO_RESPONSE = "the server closed the connection without a response"

# Where a connection's parser stands.
_IDLE = 0  # no request in flight: any byte received is out of step
_HEAD = 1  # status line and headers (interim 1xx responses included)
_LENGTH = 2  # a body of Content-Length bytes
_CHUNK_SIZE = 3  # a chunk-size line
_CHUNK_DATA = 4  # a chunk and its CRLF
_TRAILERS = 5  # trailer lines up to an empty one
_TO_EOF = 6  # a body delimited by the end of the connection


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


class _Connection(asyncio.Protocol):
    """One connection: sends a request, parses its response as the bytes arrive, and resolves
    the request's future once, with ``(response, reusable)`` or an exception."""

    __slots__ = (
        "body",
        "budget",
        "buf",
        "deadline",
        "gone",
        "headers",
        "keep",
        "last",
        "loop",
        "lost",
        "max_body",
        "max_header",
        "method",
        "need",
        "open",
        "read_timeout",
        "received",
        "scan",
        "state",
        "status",
        "timer",
        "transport",
        "waiter",
    )

    def __init__(self, loop: asyncio.AbstractEventLoop, max_header: int, max_body: int) -> None:
        self.loop = loop
        self.max_header = max_header
        self.max_body = max_body
        self.transport: asyncio.Transport | None = None
        #: Connected, and no EOF, reset or stray byte seen since.
        self.open = False
        #: ``connection_lost`` was called.
        self.lost = False
        #: Resolved when the connection is lost (for ``close``); made on demand.
        self.gone: asyncio.Future[None] | None = None
        self.state = _IDLE
        #: Bytes received and not yet parsed (only when a piece did not finish a part).
        self.buf = bytearray()
        #: Where to resume looking for a line end, from the start of ``buf``'s current part.
        self.scan = 0
        #: Bytes of the current response received so far.
        self.received = 0
        self.budget = max_header
        self.need = 0
        self.body = bytearray()
        self.method = ""
        self.status = 0
        self.headers: dict[str, str] = {}
        self.keep = False
        self.waiter: asyncio.Future[tuple[HTTPResponse, bool]] | None = None
        # The timer: one per connection, armed for the earliest due time it may have to see.
        self.timer: asyncio.TimerHandle | None = None
        self.last = 0.0  # loop time of the last progress (request sent, bytes received)
        self.read_timeout = 30.0
        self.deadline: float | None = None  # loop time

    # -- the request side ----------------------------------------------------------------

    def usable(self) -> bool:
        """Still open as far as the event loop has seen (no EOF, reset or close yet)."""
        transport = self.transport
        return self.open and transport is not None and not transport.is_closing()

    def send(
        self, data: bytes, method: str, read_timeout: float, deadline: float | None
    ) -> asyncio.Future[tuple[HTTPResponse, bool]]:
        """Write one request; the future resolves with ``(response, reusable)``."""
        loop = self.loop
        waiter = self.waiter = loop.create_future()
        self.state = _HEAD
        self.method = method
        self.received = 0
        self.budget = self.max_header
        self.scan = 0
        self.buf.clear()
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
        self.state = _IDLE
        self.waiter = None
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
        if self.state == _IDLE:
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
        self.state = _IDLE
        self.open = False
        waiter, self.waiter = self.waiter, None
        if waiter is not None and not waiter.done():
            waiter.set_exception(exc)

    def _complete(self, body: bytes, keep: bool) -> None:
        self.state = _IDLE
        if not keep:
            self.open = False
        waiter, self.waiter = self.waiter, None
        if waiter is not None and not waiter.done():
            waiter.set_result((HTTPResponse(self.status, self.headers, body), keep))

    # -- asyncio.Protocol ------------------------------------------------------------------

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = cast(asyncio.Transport, transport)
        self.open = True

    def data_received(self, data: bytes) -> None:
        if self.state == _IDLE:
            self.open = False  # bytes nobody asked for: the connection is out of step
            return
        self.received += len(data)
        self.last = self.loop.time()
        buf: bytes | bytearray = self.buf
        if buf:
            buf += data  # a bytearray, extended in place
        else:
            buf = data  # the usual case: the whole response in one piece, parsed in place
        try:
            pos = self._advance(buf)
        except TransportError as exc:
            self._fail(exc)
            if self.transport is not None:
                self.transport.abort()
            return
        if pos < 0:  # the response is complete (or failed)
            return
        if buf is self.buf:
            if pos:
                del self.buf[:pos]
        else:  # keep the rest for the next piece
            self.buf += memoryview(buf)[pos:]

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
        state = self.state
        if state == _IDLE:
            return
        if exc is None and state == _TO_EOF:
            body = bytes(self.buf)
            self.buf = bytearray()
            self._complete(body, False)
            return
        error: Exception
        if self.received == 0:
            error = _Closed(_describe(exc) if exc is not None else _NO_RESPONSE)
        elif exc is not None:
            error = TransportError(_describe(exc))
        elif state == _LENGTH:
            error = TransportError(
                f"the response body was cut short: {len(self.buf)} of {self.need} bytes"
            )
        else:
            error = TransportError("the connection closed in the middle of the response")
        self._fail(error)

    # -- the parser --------------------------------------------------------------------------

    def _advance(self, buf: bytes | bytearray) -> int:
        """Parse from the start of ``buf``: -1 when the response was completed, else how many
        bytes were consumed (the rest waits for more)."""
        pos = 0
        total = len(buf)
        while True:
            state = self.state
            if state == _HEAD:
                end = buf.find(b"\r\n\r\n", pos + self.scan)
                if end < 0 or end - pos > self.budget:
                    if end >= 0 or total - pos > self.budget:
                        raise TransportError(
                            f"the response's header section is over {self.budget} bytes"
                        )
                    self.scan = max(0, total - pos - 3)
                    return pos
                version, status, headers = _parse_head(buf[pos:end])
                self.budget -= end - pos + 4
                pos = end + 4
                self.scan = 0
                if 100 <= status < 200 and status != 101:
                    continue  # interim responses (100 Continue, 103 Early Hints): skip
                self.status = status
                self.headers = headers
                connection = headers.get("connection")
                if connection is None:
                    keep = version == "HTTP/1.1"
                else:
                    tokens = {t.strip().lower() for t in connection.split(",")}
                    keep = "close" not in tokens and (
                        version == "HTTP/1.1" or "keep-alive" in tokens
                    )
                if self.method == "HEAD" or status in (101, 204, 304):
                    self._complete(b"", keep and status != 101 and pos == total)
                    return -1
                if "transfer-encoding" in headers:
                    codings = headers["transfer-encoding"].split(",")
                    if codings[-1].strip().lower() == "chunked":
                        # Transfer-Encoding with Content-Length too is a smuggling smell.
                        self.keep = keep and "content-length" not in headers
                        self.body = bytearray()
                        self.state = _CHUNK_SIZE
                    else:
                        self.state = _TO_EOF
                elif "content-length" in headers:
                    value = headers["content-length"]
                    if value.isdigit() and value.isascii() and len(value) < 20:
                        length = int(value)
                    else:
                        length = _content_length(value)
                    if length > self.max_body:
                        raise TransportError(
                            f"the response body is over {self.max_body} bytes ({length})"
                        )
                    self.keep = keep
                    self.need = length
                    self.state = _LENGTH
                else:
                    self.state = _TO_EOF
            elif state == _LENGTH:
                end = pos + self.need
                if end > total:
                    return pos
                # Bytes beyond the response: the connection is out of step; do not reuse it.
                self._complete(bytes(buf[pos:end]), self.keep and end == total)
                return -1
            elif state == _CHUNK_SIZE:
                end = buf.find(b"\r\n", pos + self.scan)
                if end < 0 or end - pos > _CHUNK_LINE_BYTES:
                    if end >= 0 or total - pos > _CHUNK_LINE_BYTES:
                        raise TransportError(f"a chunk-size line is over {_CHUNK_LINE_BYTES} bytes")
                    self.scan = max(0, total - pos - 1)
                    return pos
                line = bytes(buf[pos:end])
                pos = end + 2
                self.scan = 0
                size_text = line.split(b";", 1)[0].strip()
                if not _HEX.fullmatch(size_text):
                    raise TransportError(f"malformed chunk size line: {line[:40]!r}")
                size = int(size_text, 16)
                if size == 0:
                    self.budget = self.max_header
                    self.state = _TRAILERS
                elif len(self.body) + size > self.max_body:
                    raise TransportError(f"the response body is over {self.max_body} bytes")
                else:
                    self.need = size + 2
                    self.state = _CHUNK_DATA
            elif state == _CHUNK_DATA:
                end = pos + self.need
                if end > total:
                    return pos
                if buf[end - 2 : end] != b"\r\n":
                    raise TransportError("malformed chunked body: no CRLF after a chunk")
                self.body += memoryview(buf)[pos : end - 2]
                pos = end
                self.state = _CHUNK_SIZE
            elif state == _TRAILERS:  # header lines up to an empty line, read and dropped
                end = buf.find(b"\r\n", pos + self.scan)
                if end < 0 or end - pos > self.budget:
                    if end >= 0 or total - pos > self.budget:
                        raise TransportError(
                            f"the response's header section is over {self.budget} bytes"
                        )
                    self.scan = max(0, total - pos - 1)
                    return pos
                empty = end == pos
                self.budget -= end - pos + 2
                pos = end + 2
                self.scan = 0
                if empty:
                    body, self.body = bytes(self.body), bytearray()
                    self._complete(body, self.keep and pos == total)
                    return -1
            elif state == _TO_EOF:
                if total - pos > self.max_body:
                    raise TransportError(f"the response body is over {self.max_body} bytes")
                return pos
            else:  # _IDLE: failed or completed by a callback of ours
                return -1


class AsyncPooledTransport:
    """Keep-alive HTTP/1.1 connections to one endpoint, reused across asyncio tasks.

    ``request`` takes an idle connection (or opens one), sends the request, reads the whole
    response and puts the connection back when the server keeps it open. Concurrent requests
    each use their own connection; ``max_connections`` (default: no limit) bounds how many are
    open at once, ``max_idle`` how many idle ones are kept.
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
        default_port = 443 if endpoint.scheme == "https" else 80
        host = f"[{endpoint.host}]" if ":" in endpoint.host else endpoint.host
        self._host_header = host if endpoint.port == default_port else f"{host}:{endpoint.port}"
        #: The encoded header lines of the header dicts seen, before and after Content-Length.
        self._heads: dict[tuple[tuple[str, str], ...], tuple[bytes, bytes]] = {}
        #: The last request line, checked and encoded (a client's POSTs all have the same).
        self._line: tuple[str, str, bytes] = ("", "", b"")
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
        data = self._encode(method, target, body, headers)
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

    def _encode(
        self, method: str, target: str, body: bytes | None, headers: dict[str, str]
    ) -> bytes:
        """The request head and body as bytes; refuses what would corrupt the request line or
        inject headers. ``Content-Length`` is always computed from ``body``."""
        last_method, last_target, line = self._line
        if target != last_target or method != last_method:
            if not _TOKEN_OR_TARGET.fullmatch(method) or not _TOKEN_OR_TARGET.fullmatch(target):
                raise TransportError(f"invalid request line: {method!r} {target!r}", sent=False)
            line = f"{method} {target} HTTP/1.1\r\n".encode("ascii")  # checked: visible ASCII
            self._line = (method, target, line)
        key = tuple(headers.items())
        lines = self._heads.get(key)
        if lines is None:
            lines = self._header_lines(headers)
            if len(self._heads) >= 16:  # a client sends a few header sets, not many
                self._heads.clear()
            self._heads[key] = lines
        before, after = lines
        if body is None:
            return b"".join((line, before, after, b"\r\n"))
        return b"".join((line, before, b"Content-Length: %d\r\n" % len(body), after, b"\r\n", body))

    def _header_lines(self, headers: dict[str, str]) -> tuple[bytes, bytes]:
        """The header lines that come before ``Content-Length`` and after it, checked."""
        given = {name.lower() for name in headers}
        before = []
        if "host" not in given:
            before.append(f"Host: {self._host_header}\r\n")
        for name, value in headers.items():
            lowered = name.lower()
            if lowered in ("content-length", "transfer-encoding"):
                continue
            if not _HEADER_NAME.fullmatch(name) or _BAD_VALUE.search(value):
                raise TransportError(f"invalid header: {name!r}: {value!r}", sent=False)
            before.append(f"{name}: {value}\r\n")
        after = "" if "connection" in given else "Connection: keep-alive\r\n"
        try:
            return "".join(before).encode("latin-1"), after.encode("latin-1")
        except UnicodeEncodeError:
            raise TransportError("invalid header: not latin-1 text", sent=False) from None

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
        conn = _Connection(loop, self._max_header, self._max_body)
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


def _parse_head(head: bytes | bytearray) -> tuple[str, int, dict[str, str]]:
    """Status line and headers; header names lower-cased, repeated headers joined with
    ``", "`` (RFC 9110, 5.3). A server sends the same few heads over and over (its answers
    differ in the body), so parsed heads are kept by their bytes: a dict lookup and a copy
    instead of a parse (~0.6 µs against ~5 µs, measured with timeit)."""
    key = bytes(head)
    cached = _HEADS.get(key)
    if cached is not None:
        return cached[0], cached[1], dict(cached[2])
    parsed = _parse_head_uncached(key)
    if len(_HEADS) >= _MAX_HEADS:
        _HEADS.clear()
    _HEADS[key] = parsed
    return parsed[0], parsed[1], dict(parsed[2])


_HEADS: dict[bytes, tuple[str, int, dict[str, str]]] = {}
_MAX_HEADS = 256


def _parse_head_uncached(head: bytes) -> tuple[str, int, dict[str, str]]:
    lines = head.decode("latin-1").split("\r\n")
    first = lines[0]
    code = first[9:12]
    if (
        first[:8] not in ("HTTP/1.1", "HTTP/1.0")
        or first[8:9] != " "
        or first[12:13] not in ("", " ")
        or len(code) != 3
        or not code.isdigit()
        or not code.isascii()
        or code[0] == "0"
    ):
        raise TransportError(f"malformed status line: {first[:80]!r}")
    headers: dict[str, str] = {}
    last: str | None = None
    for index in range(1, len(lines)):
        line = lines[index]
        name, sep, value = line.partition(":")
        key = _NAMES.get(name) if sep else None
        if key is None:
            if line[:1] in (" ", "\t"):  # obsolete line folding: continues the previous value
                if last is None:
                    raise TransportError(f"malformed header line: {line[:80]!r}")
                headers[last] = f"{headers[last]} {line.strip()}".strip()
                continue
            if not sep or not _HEADER_NAME.fullmatch(name):
                raise TransportError(f"malformed header line: {line[:80]!r}")
            key = name.lower()
            if len(_NAMES) < _MAX_NAMES:
                _NAMES[name] = key
        last = key
        value = value.strip(" \t")
        headers[key] = f"{headers[key]}, {value}" if key in headers else value
    return first[:8], int(code), headers


def _content_length(value: str) -> int:
    """A Content-Length; identical repeats (``"12, 12"``) are allowed, anything else not."""
    values = {v.strip() for v in value.split(",")}
    if len(values) != 1:
        raise TransportError(f"conflicting Content-Length: {value[:80]!r}")
    (single,) = values
    if not _DIGITS.fullmatch(single):
        raise TransportError(f"malformed Content-Length: {value[:80]!r}")
    return int(single)


def _describe(exc: BaseException, default: str | None = None) -> str:
    text = str(exc)
    if not text and default:
        return default
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
