"""The asyncio HTTP transport: keep-alive HTTP/1.1 connections over asyncio streams, pooled.

The asynchronous counterpart of :class:`~._transport.PooledTransport`, with the same
:class:`~._transport.HTTPResponse` and the same error mapping, on the standard library alone
(``asyncio.open_connection``; no aiohttp or httpx dependency).

Choices, and why:

* **One connection per request in flight.** HTTP/1.1 cannot interleave two exchanges on one
  connection (pipelining is unreliable in practice), so a request takes an idle connection or
  opens a new one, and puts it back when its response was read to the end and the server keeps
  it open. There is no limit on connections unless ``max_connections`` is given (a semaphore);
  at most ``max_idle`` idle ones are kept, the most recently used first (LIFO: the least likely
  to have been closed by the server's idle timeout).
* **Our own small buffer over** ``StreamReader.read()`` rather than ``readuntil`` /
  ``readexactly``: a typical response arrives in one read, so one read (and one timer) per
  response; we always know whether any byte of the response has arrived (which decides whether
  a failed request on a reused connection may be sent again); and the caps are plain length
  checks rather than ``LimitOverrunError`` / ``IncompleteReadError`` handling.
* **Caps**: the header section (status line, headers, and chunked trailers) may take
  :data:`MAX_HEADER_BYTES`, the body :data:`MAX_BODY_BYTES`; beyond that the connection is
  dropped with a :class:`TransportError`, so a huge or hostile response cannot eat memory. A
  ``Content-Length`` above the cap is refused before its body is read.
* **Timeouts are per read**, like the socket timeout of the sync transport: ``timeout.read`` is
  how long the server may stay silent, not a deadline for the whole response (a caller wanting
  that wraps the call in ``asyncio.timeout`` / ``asyncio.wait_for``). Connecting (TCP and TLS
  handshake) has ``timeout.connect`` in all. Timers are ``asyncio.timeout`` on Python 3.11+
  (no extra task per read) and ``asyncio.wait_for`` on 3.10.
* **The retry**: a reused idle connection that the server had closed (EOF or reset before any
  byte of the response) is replaced by a fresh one and the request sent once more, as the sync
  transport does; nothing else is retried here (retry policy is the client's).
* **Cancellation**: whatever interrupts a request (cancellation included) aborts its
  connection, since the connection's state is unknown; only a cleanly finished exchange goes
  back to the pool. ``CancelledError`` propagates unchanged.
* **Errors** are always :class:`TransportError` and its subclasses, ``sent`` telling whether
  the request may have reached the server: no ``OSError``, ``ssl.SSLError``, ``ValueError`` or
  ``asyncio`` stream error escapes raw.
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
from typing import Protocol, TypeVar

from ._exceptions import ConnectError, RequestTimeoutError, TransportError
from ._transport import Endpoint, HTTPResponse, Timeout

__all__ = ["MAX_BODY_BYTES", "MAX_HEADER_BYTES", "AsyncPooledTransport", "AsyncTransport"]

#: Most bytes accepted for a response's header section (and, separately, chunked trailers).
MAX_HEADER_BYTES = 64 * 1024
#: Most bytes accepted for a response's body.
MAX_BODY_BYTES = 16 * 1024 * 1024

_READ_SIZE = 64 * 1024
_T = TypeVar("_T")

# A request target and method: visible ASCII, no spaces or control characters.
_TOKEN_OR_TARGET = re.compile(r"[\x21-\x7e]+")
_HEADER_NAME = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
# Header values may hold tabs and any byte from 0x20 up, but no CR, LF or NUL (injection).
_BAD_VALUE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")
_HEX = re.compile(rb"[0-9A-Fa-f]{1,16}")
_DIGITS = re.compile(r"[0-9]{1,19}")


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


class _Connection:
    """One connection: its streams and the bytes read but not yet parsed."""

    __slots__ = ("buf", "loop", "read_timeout", "reader", "received", "writer")

    def __init__(
        self,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
        loop: asyncio.AbstractEventLoop,
    ) -> None:
        self.reader = reader
        self.writer = writer
        self.loop = loop
        self.buf = bytearray()
        #: Bytes of the current response received so far.
        self.received = 0
        #: Seconds each read of the current response may wait.
        self.read_timeout = 30.0

    def usable(self) -> bool:
        """Still open as far as the event loop has seen (no EOF, reset or close yet)."""
        return (
            not self.writer.is_closing()
            and not self.reader.at_eof()
            and self.reader.exception() is None
        )

    def close(self) -> None:
        """Close politely (flushes; TLS close_notify) without waiting."""
        try:
            self.writer.close()
        except RuntimeError:  # its event loop is closed already
            pass

    def abort(self) -> None:
        """Drop at once, discarding anything unsent: for connections in an unknown state."""
        try:
            self.writer.transport.abort()
        except RuntimeError:  # its event loop is closed already
            pass


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
        self._closed = False
        default_port = 443 if endpoint.scheme == "https" else 80
        host = f"[{endpoint.host}]" if ":" in endpoint.host else endpoint.host
        self._host_header = host if endpoint.port == default_port else f"{host}:{endpoint.port}"
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
        self._bind_loop()
        timeout = timeout or self.timeout
        if deadline is None:
            return await self._limited(data, method, timeout)
        try:
            return await _within(
                self._limited(data, method, timeout), max(0.0, deadline - time.monotonic())
            )
        except (asyncio.TimeoutError, TimeoutError):
            raise RequestTimeoutError(
                "the call's deadline passed while the answer was still arriving"
            ) from None

    async def _limited(self, data: bytes, method: str, timeout: Timeout) -> HTTPResponse:
        if self._semaphore is None:
            return await self._request(data, method, timeout)
        async with self._semaphore:
            return await self._request(data, method, timeout)

    async def close(self) -> None:
        """Close the idle connections; requests still running close theirs when they end.
        Any later ``request`` raises :class:`TransportError`."""
        self._closed = True
        idle, self._idle = self._idle, []
        for conn in idle:
            conn.close()
        waits = [conn.writer.wait_closed() for conn in idle if conn.loop is self._running()]
        if not waits:
            return
        try:
            await _within(asyncio.gather(*waits, return_exceptions=True), self.timeout.connect)
        except asyncio.TimeoutError:  # a TLS peer that does not answer close_notify
            for conn in idle:
                conn.abort()

    # -- internals ---------------------------------------------------------------------------

    @staticmethod
    def _running() -> asyncio.AbstractEventLoop | None:
        try:
            return asyncio.get_running_loop()
        except RuntimeError:
            return None

    def _bind_loop(self) -> None:
        """Connections and the semaphore belong to one loop: start afresh on another one."""
        loop = asyncio.get_running_loop()
        if loop is self._loop:
            return
        self._loop = loop
        stale, self._idle = self._idle, []
        for conn in stale:
            conn.abort()
        if self._max_connections is not None:
            self._semaphore = asyncio.Semaphore(self._max_connections)

    def _encode(
        self, method: str, target: str, body: bytes | None, headers: dict[str, str]
    ) -> bytes:
        """The request head and body as bytes; refuses what would corrupt the request line or
        inject headers. ``Content-Length`` is always computed from ``body``."""
        if not _TOKEN_OR_TARGET.fullmatch(method) or not _TOKEN_OR_TARGET.fullmatch(target):
            raise TransportError(f"invalid request line: {method!r} {target!r}", sent=False)
        lines = [f"{method} {target} HTTP/1.1"]
        given = {name.lower() for name in headers}
        if "host" not in given:
            lines.append(f"Host: {self._host_header}")
        for name, value in headers.items():
            lowered = name.lower()
            if lowered in ("content-length", "transfer-encoding"):
                continue
            if not _HEADER_NAME.fullmatch(name) or _BAD_VALUE.search(value):
                raise TransportError(f"invalid header: {name!r}: {value!r}", sent=False)
            lines.append(f"{name}: {value}")
        if body is not None:
            lines.append(f"Content-Length: {len(body)}")
        if "connection" not in given:
            lines.append("Connection: keep-alive")
        lines.append("\r\n")
        try:
            head = "\r\n".join(lines).encode("latin-1")
        except UnicodeEncodeError:
            raise TransportError("invalid header: not latin-1 text", sent=False) from None
        return head + body if body else head

    def _checkout(self) -> _Connection | None:
        while self._idle:
            conn = self._idle.pop()
            if conn.usable():
                return conn
            conn.abort()
        return None

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

    async def _connect(self, timeout: Timeout) -> _Connection:
        ep = self.endpoint
        try:
            reader, writer = await _within(
                asyncio.open_connection(
                    ep.host,
                    ep.port,
                    ssl=self._ssl_context,
                    server_hostname=ep.host if self._ssl_context is not None else None,
                ),
                timeout.connect,
            )
        except (asyncio.TimeoutError, TimeoutError) as exc:
            raise RequestTimeoutError(_describe(exc, "connect timed out"), sent=False) from None
        except (OSError, ValueError) as exc:  # refused, DNS, TLS (SSLError, CertificateError)
            raise ConnectError(_describe(exc)) from None
        self.connections_opened += 1
        return _Connection(reader, writer, asyncio.get_running_loop())

    async def _request(self, data: bytes, method: str, timeout: Timeout) -> HTTPResponse:
        conn = self._checkout()
        reused = conn is not None
        resent = False
        while True:
            if conn is None:
                conn = await self._connect(timeout)
            conn.read_timeout = timeout.read
            try:
                response, keep = await self._exchange(conn, data, method)
            except _Closed as exc:
                conn.abort()
                if reused:
                    # The server closed an idle keep-alive connection before answering this
                    # request: send the very same bytes once more on a fresh one (see
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
        return dataclasses.replace(response, resent=True) if resent else response

    async def _exchange(
        self, conn: _Connection, data: bytes, method: str
    ) -> tuple[HTTPResponse, bool]:
        """Write the request, read the response; the flag says whether the connection can be
        reused. Raises :class:`_Closed` when the connection ended before any response byte."""
        conn.received = 0
        try:
            conn.writer.write(data)
            if conn.writer.transport.get_write_buffer_size():
                await _within(conn.writer.drain(), conn.read_timeout)
            return await self._read_response(conn, method)
        except (asyncio.TimeoutError, TimeoutError) as exc:
            raise RequestTimeoutError(_describe(exc, "read timed out")) from None
        except (OSError, EOFError, asyncio.IncompleteReadError, asyncio.LimitOverrunError) as exc:
            # OSError: reset, broken pipe, ssl.SSLError; the others are belt and braces.
            if conn.received == 0:
                raise _Closed(_describe(exc)) from None
            raise TransportError(_describe(exc)) from None

    async def _fill(self, conn: _Connection) -> bool:
        """One read into the buffer; False at EOF."""
        chunk = await _within(conn.reader.read(_READ_SIZE), conn.read_timeout)
        if not chunk:
            return False
        conn.buf += chunk
        conn.received += len(chunk)
        return True

    async def _read_line_block(self, conn: _Connection, end: bytes, limit: int) -> bytes:
        """Bytes up to ``end`` (consumed, not returned); at most ``limit`` bytes before it."""
        start = 0
        while True:
            index = conn.buf.find(end, start)
            if index >= 0:
                if index > limit:
                    break
                block = bytes(conn.buf[:index])
                del conn.buf[: index + len(end)]
                return block
            if len(conn.buf) > limit:
                break
            start = max(0, len(conn.buf) - len(end) + 1)
            if not await self._fill(conn):
                if conn.received == 0:
                    raise _Closed("the server closed the connection without a response")
                raise TransportError("the connection closed in the middle of the response")
        raise TransportError(f"the response's header section is over {limit} bytes")

    async def _read_response(self, conn: _Connection, method: str) -> tuple[HTTPResponse, bool]:
        budget = self._max_header
        while True:
            head = await self._read_line_block(conn, b"\r\n\r\n", budget)
            budget -= len(head) + 4
            version, status, headers = _parse_head(head)
            # Interim responses (100 Continue, 103 Early Hints): skip to the real one.
            if not (100 <= status < 200 and status != 101):
                break
        tokens = {t.strip().lower() for t in headers.get("connection", "").split(",")}
        keep = "close" not in tokens and (version == "HTTP/1.1" or "keep-alive" in tokens)
        if method == "HEAD" or status in (101, 204, 304) or 100 <= status < 200:
            body = b""
            keep = keep and status != 101
        elif "transfer-encoding" in headers:
            codings = [c.strip().lower() for c in headers["transfer-encoding"].split(",")]
            if codings[-1] == "chunked":
                body = await self._read_chunked(conn)
                # Transfer-Encoding with Content-Length too is a smuggling smell: do not reuse.
                keep = keep and "content-length" not in headers
            else:
                body = await self._read_to_eof(conn)
                keep = False
        elif "content-length" in headers:
            length = _content_length(headers["content-length"])
            if length > self._max_body:
                raise TransportError(f"the response body is over {self._max_body} bytes ({length})")
            body = await self._read_exact(conn, length)
        else:
            body = await self._read_to_eof(conn)
            keep = False
        # Bytes beyond the response: the connection is out of step; do not reuse it.
        keep = keep and not conn.buf
        return HTTPResponse(status, headers, body), keep

    async def _read_exact(self, conn: _Connection, length: int) -> bytes:
        while len(conn.buf) < length:
            if not await self._fill(conn):
                raise TransportError(
                    f"the response body was cut short: {len(conn.buf)} of {length} bytes"
                )
        body = bytes(conn.buf[:length])
        del conn.buf[:length]
        return body

    async def _read_to_eof(self, conn: _Connection) -> bytes:
        while len(conn.buf) <= self._max_body:
            if not await self._fill(conn):
                body = bytes(conn.buf)
                conn.buf.clear()
                return body
        raise TransportError(f"the response body is over {self._max_body} bytes")

    async def _read_chunked(self, conn: _Connection) -> bytes:
        body = bytearray()
        while True:
            line = await self._read_line_block(conn, b"\r\n", 1024)
            size_text = line.split(b";", 1)[0].strip()
            if not _HEX.fullmatch(size_text):
                raise TransportError(f"malformed chunk size line: {line[:40]!r}")
            size = int(size_text, 16)
            if size == 0:
                break
            if len(body) + size > self._max_body:
                raise TransportError(f"the response body is over {self._max_body} bytes")
            chunk = await self._read_exact(conn, size + 2)
            if chunk[-2:] != b"\r\n":
                raise TransportError("malformed chunked body: no CRLF after a chunk")
            body += memoryview(chunk)[:-2]
        # Trailers: header lines up to an empty line, read and dropped.
        budget = self._max_header
        while True:
            line = await self._read_line_block(conn, b"\r\n", budget)
            budget -= len(line) + 2
            if not line:
                return bytes(body)


def _parse_head(head: bytes) -> tuple[str, int, dict[str, str]]:
    """Status line and headers; header names lower-cased, repeated headers joined with
    ``", "`` (RFC 9110, 5.3)."""
    text = head.decode("latin-1")
    lines = text.split("\r\n")
    parts = lines[0].split(" ", 2)
    if (
        len(parts) < 2
        or parts[0] not in ("HTTP/1.1", "HTTP/1.0")
        or len(parts[1]) != 3
        or not parts[1].isdigit()
        or not parts[1].isascii()
    ):
        raise TransportError(f"malformed status line: {lines[0][:80]!r}")
    status = int(parts[1])
    if status < 100:
        raise TransportError(f"malformed status line: {lines[0][:80]!r}")
    headers: dict[str, str] = {}
    last: str | None = None
    for line in lines[1:]:
        if line[:1] in (" ", "\t"):  # obsolete line folding: continues the previous value
            if last is None:
                raise TransportError(f"malformed header line: {line[:80]!r}")
            headers[last] = f"{headers[last]} {line.strip()}".strip()
            continue
        name, sep, value = line.partition(":")
        if not sep or not _HEADER_NAME.fullmatch(name):
            raise TransportError(f"malformed header line: {line[:80]!r}")
        last = name.lower()
        value = value.strip(" \t")
        headers[last] = f"{headers[last]}, {value}" if last in headers else value
    return parts[0], status, headers


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
