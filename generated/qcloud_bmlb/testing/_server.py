"""The fake BM load balancer's HTTP side: a real server on loopback, HTTP/1.1 with keep-alive.

It parses requests with the package's one HTTP/1.1 reader (``_http11``) and hands each one to
the fake (``FakeBmlb._serve`` in ``_fake.py``), which answers with a :class:`_Reply` (or a
:class:`_Delayed` one); authentication, the actions and the state live there, not here.
"""

from __future__ import annotations

import asyncio
import socket
import struct
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from .._http11 import RemoteProtocolError, Request, RequestReader, encode_response

if TYPE_CHECKING:
    from ._fake import FakeBmlb

__all__: list[str] = []


@dataclass
class _Reply:
    """What the fake answers: a status, a body, and how (normally, cut short, or not at all)."""

    status: int
    body: bytes
    content_type: str = "application/json; charset=utf-8"
    mode: str = "normal"  # normal | truncated | reset


@dataclass
class _Delayed:
    """An answer that is worked out (and the request carried out) only ``seconds`` from now."""

    seconds: float
    answer: Callable[[], _Reply]


_IDLE = 60.0  # an idle keep-alive connection is closed after this many seconds


class _HTTP:
    """The fake's HTTP side: HTTP/1.1 with keep-alive, as the real service answers, served by
    an asyncio loop in a thread of its own.

    Not werkzeug's development server (which pytest-httpserver uses): it closes every
    connection and drains the socket after each answer, so a client's connection reuse could
    not be seen. Not the standard library's threading server either: a thread per connection
    and its header parsing made the fake, not the client, the limit of every concurrency
    measurement (benchmarks/async_fake.py). Not asyncio streams: a reader, a coroutine and a
    ``wait_for`` timer per request cost more than the request's own work (cProfile of the
    loop thread); each connection is a :class:`_Connection` protocol instead.
    """

    def __init__(self, fake: FakeBmlb, port: int) -> None:
        self.fake = fake
        sock = socket.create_server(("127.0.0.1", port), backlog=1024)
        self.port: int = sock.getsockname()[1]
        self.loop = asyncio.new_event_loop()
        self.connections: set[_Connection] = set()
        # Every connection's reads land here and are copied out at once (the connections run
        # on one thread): no 256 KiB bytes object per read, as asyncio.Protocol makes.
        self.inbox = memoryview(bytearray(65536))
        self.delaying: set[_Connection] = set()  # with a delayed answer due, open or not
        started = threading.Event()
        self.thread = threading.Thread(
            target=self._run, args=(sock, started), name="fake-bmlb", daemon=True
        )
        self.thread.start()
        started.wait()

    def _run(self, sock: socket.socket, started: threading.Event) -> None:
        asyncio.set_event_loop(self.loop)
        server = self.loop.run_until_complete(
            self.loop.create_server(lambda: _Connection(self), sock=sock, backlog=1024)
        )
        started.set()
        try:
            self.loop.run_forever()
        finally:
            server.close()
            late = [c.late.when() for c in self.delaying if c.late is not None]
            for connection in list(self.connections):
                connection.abort()
            # One more turn of the loop: every aborted connection is told it was lost. Delayed
            # requests are still carried out (no answer can leave), waiting 5 s at most.
            wait = min(max(late, default=0.0) - self.loop.time(), 5.0)
            self.loop.run_until_complete(asyncio.sleep(max(wait, 0.0)))
            self.loop.run_until_complete(server.wait_closed())
            self.loop.close()

    def stop(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=5)


class _Connection(asyncio.BufferedProtocol):
    """One client connection: HTTP/1.1 requests parsed from whatever arrives (partial,
    several at once, pipelined), answered in order, with keep-alive.

    Requests are read by the package's one HTTP/1.1 reader (:class:`.._http11.RequestReader`,
    which the clients' transports use for answers): a request is complete once its head and
    its body (``Content-Length`` or chunked) have arrived. Something that is not HTTP/1.x, a
    head too long, or a bad ``Content-Length`` closes the connection without an answer. The
    connection is closed after answering a request with ``Connection: close`` (or an
    HTTP/1.0 request without keep-alive), and when no request has come for ``_IDLE`` seconds.
    """

    def __init__(self, http: _HTTP) -> None:
        self.http = http
        self.fake = http.fake
        self.loop = http.loop
        self.transport: asyncio.Transport | None = None
        self.reader = RequestReader()
        # A delayed answer (Fault.delay) is due at this timer: later requests wait for it.
        self.late: asyncio.TimerHandle | None = None
        self.paused = False  # the client does not read its answers: stop reading requests
        self.closed = False
        self.eof = False  # the client will send nothing more
        self.idle_since = self.loop.time()
        self.idle_timer: asyncio.TimerHandle | None = None

    # -- asyncio callbacks -------------------------------------------------------------------

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        self.http.connections.add(self)
        self.idle_timer = self.loop.call_at(self.idle_since + _IDLE, self._check_idle)

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed = True
        self.http.connections.discard(self)
        if self.idle_timer is not None:
            self.idle_timer.cancel()
            self.idle_timer = None
        self.reader = RequestReader()

    def get_buffer(self, sizehint: int) -> memoryview:
        return self.http.inbox

    def buffer_updated(self, nbytes: int) -> None:
        self.reader.feed(self.http.inbox[:nbytes])
        if not (self.late or self.paused):
            self._process()

    def eof_received(self) -> bool | None:
        self.eof = True
        # Requests that came before the end are still answered; a request cut short is not.
        return True if self.late or self.paused else None

    def pause_writing(self) -> None:
        self.paused = True
        if self.transport is not None:
            self.transport.pause_reading()

    def resume_writing(self) -> None:
        self.paused = False
        if self.transport is not None and not self.closed:
            self.transport.resume_reading()
            if not self.late:
                self._process()

    # -- requests ------------------------------------------------------------------------------

    def _process(self) -> None:
        """Answer every complete request received, in order."""
        while not (self.closed or self.late or self.paused):
            try:
                message = self.reader.next_request()
            except RemoteProtocolError:
                self._close()
                return
            if message is None:
                break
            self._handle(_request(message), message.body)
        if self.eof and not (self.closed or self.late or self.paused):
            self._close()

    def _handle(self, request: _Request, body: bytes) -> None:
        outcome = self.fake._serve(request, body)
        if isinstance(outcome, _Delayed):
            self.late = self.loop.call_later(
                outcome.seconds, self._answer_late, request, outcome.answer
            )
            self.http.delaying.add(self)
        else:
            self._send(request, outcome)

    def _answer_late(self, request: _Request, answer: Callable[[], _Reply]) -> None:
        # Carried out even when the client has gone away meanwhile, as the real service would.
        try:
            reply = answer()
        except BaseException:
            self.abort()
            raise
        finally:
            self.late = None
            self.http.delaying.discard(self)
        if self.closed:
            return
        self._send(request, reply)
        if not (self.closed or self.paused):
            self._process()

    def _send(self, request: _Request, reply: _Reply) -> None:
        transport = self.transport
        if transport is None or self.closed:
            return
        if reply.mode == "reset":
            sock = transport.get_extra_info("socket")
            if sock is not None:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.abort()
            return
        truncated = reply.mode == "truncated"
        closing = truncated or request.close
        body = reply.body
        data = encode_response(
            reply.status, (("Content-Type", reply.content_type),), body, close=closing
        )
        # Truncated: the length of the whole body, and only the first half of it.
        transport.write(data[: len(data) - (len(body) + 1) // 2] if truncated else data)
        self.idle_since = self.loop.time()
        if closing:
            self._close()

    def _check_idle(self) -> None:
        self.idle_timer = None
        if self.closed:
            return
        now, due = self.loop.time(), self.idle_since + _IDLE
        if self.late or due > now:
            self.idle_timer = self.loop.call_at(max(due, now + 1.0), self._check_idle)
        else:
            self._close()

    def _close(self) -> None:
        """Close after what was written has left (no reset)."""
        self.closed = True
        if self.transport is not None:
            self.transport.close()

    def abort(self) -> None:
        self.closed = True
        if self.transport is not None:
            self.transport.abort()


@dataclass
class _Request:
    method: str
    path: str
    query: str
    host: str
    headers: dict[str, str]  # shared between requests with the same header lines: read only
    close: bool


def _request(message: Request) -> _Request:
    """What the fake needs of a request: the path and query of its target (origin or
    absolute form, as proxies send it and servers must accept), the host it names (without
    the port: what the client signed), and whether to close after answering."""
    target = message.target
    if "://" in target:
        parts = urlsplit(target)
        path, query = parts.path, parts.query
    else:
        path, _, query = target.partition("?")
    headers = message.headers
    host = _host(headers.get("host", ""))
    return _Request(message.method, path, query, host, headers, not message.keep_alive)


def _host(header: str) -> str:
    """The host of a Host header, without the port (what the client signed)."""
    if header.startswith("["):
        return header[: header.find("]") + 1]
    return header.rsplit(":", 1)[0] if ":" in header else header
