"""The HTTP transport: keep-alive connections on blocking sockets, in a small thread-safe pool.

HTTP/1.1 itself is :mod:`._http11` (the parser the asyncio transport and the fake use too);
this module does the I/O: sockets, TLS, proxies, the pool, the timeouts and the call's
deadline (each wait on the socket is bounded by what is left of it). Measured against a bare
``http.client`` loop and urllib3 in ``benchmarks/``; no third-party package.

Proxies come from the usual environment variables, as curl and the standard library read
them: ``https_proxy``/``HTTPS_PROXY`` for an https endpoint (a ``CONNECT`` tunnel, TLS end to
end), ``http_proxy``/``HTTP_PROXY`` for an http one (requests in absolute form), the lower-case
name first; ``no_proxy``/``NO_PROXY`` lists hosts (and their subdomains, ``host:port``, or
``*``) reached directly. Nothing is exempt unless listed, loopback included.
"""

from __future__ import annotations

import base64
import os
import select
import socket
import ssl
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Protocol
from urllib.parse import unquote, urlsplit

from ._config import Endpoint, Timeout
from ._exceptions import ConfigurationError, ConnectError, RequestTimeoutError, TransportError
from ._http11 import (
    LocalProtocolError,
    RemoteProtocolError,
    RequestWriter,
    Response,
    ResponseReader,
)

__all__ = [
    "Endpoint",
    "HTTPResponse",
    "PooledTransport",
    "Proxy",
    "Timeout",
    "Transport",
    "proxy_from_environment",
]


@dataclass(frozen=True)
class Proxy:
    """An HTTP proxy: where it listens, and the ``Proxy-Authorization`` it wants, if any."""

    host: str
    port: int
    headers: dict[str, str] = field(default_factory=dict, repr=False)

    @classmethod
    def parse(cls, url: str) -> Proxy:
        text = url.strip()
        if "://" not in text:
            text = "http://" + text  # "proxy:3128", as curl reads it
        parts = urlsplit(text)
        if parts.scheme != "http" or not parts.hostname:
            raise ConfigurationError(
                f"proxy: must be an http:// proxy URL with a host, got {_redact_url(url)!r}"
            )
        try:
            port = parts.port or 80
        except ValueError:
            raise ConfigurationError(f"proxy: bad port in {_redact_url(url)!r}") from None
        headers = {}
        if parts.username is not None:
            pair = f"{unquote(parts.username)}:{unquote(parts.password or '')}"
            headers["Proxy-Authorization"] = "Basic " + base64.b64encode(pair.encode()).decode()
        return cls(parts.hostname, port, headers)

    @property
    def url(self) -> str:
        """The proxy's address, without its credentials (safe to show)."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"


def _env(environ: Mapping[str, str], name: str) -> str | None:
    for key in (name.lower(), name.upper()):
        value = environ.get(key, "").strip()
        if value:
            return value
    return None


def proxy_from_environment(
    endpoint: Endpoint, environ: Mapping[str, str] | None = None
) -> Proxy | None:
    """The proxy the environment names for ``endpoint``, or None (none set, or exempt)."""
    env = os.environ if environ is None else environ
    if endpoint.scheme == "http" and env.get("REQUEST_METHOD"):
        # Under CGI, HTTP_PROXY is the client's "Proxy:" header ("httpoxy"): only http_proxy.
        value = env.get("http_proxy", "").strip() or None
    else:
        value = _env(env, f"{endpoint.scheme}_proxy")
    if value is None:
        return None
    if _bypassed(endpoint, _env(env, "no_proxy") or ""):
        return None
    return Proxy.parse(value)


def _bypassed(endpoint: Endpoint, no_proxy: str) -> bool:
    """Whether ``no_proxy`` exempts the endpoint: ``*``, its host, a parent domain (with or
    without a leading dot), or ``host:port`` (the standard library's rules)."""
    host = endpoint.host.lower()
    with_port = f"{host}:{endpoint.port}"
    for entry in no_proxy.split(","):
        name = entry.strip().lstrip(".").lower()
        if name == "*":
            return True
        if name and (
            name in (host, with_port) or host.endswith("." + name) or with_port.endswith("." + name)
        ):
            return True
    return False


def _redact_url(url: str) -> str:
    parts = urlsplit(url if "://" in url else "http://" + url)
    if parts.password is None and parts.username is None:
        return url
    return url.replace(parts.netloc, parts.netloc.rsplit("@", 1)[-1])


@dataclass(frozen=True)
class HTTPResponse:
    status: int
    headers: dict[str, str]
    body: bytes
    #: The same bytes were sent twice: a kept-alive connection dropped before any byte of an
    #: answer came back, so the request went again on a new one. Resending the very same
    #: signed request (same Nonce) means the server carries it out at most once: a second
    #: copy is refused as a replay.
    resent: bool = False


class Transport(Protocol):
    """What a client needs from HTTP: send one request, get the whole response, or raise
    :class:`TransportError`."""

    def request(
        self,
        method: str,
        target: str,
        body: bytes | None,
        headers: dict[str, str],
        timeout: Timeout | None = None,
        deadline: float | None = None,
    ) -> HTTPResponse: ...

    def close(self) -> None: ...


class PooledTransport:
    """Keep-alive connections to one endpoint, reused across calls and threads.

    A thread takes an idle connection (or opens one), makes its request and puts the
    connection back when the answer ended exactly where the bytes received ended and the
    server keeps it open (:class:`~._http11.ResponseReader` decides). An idle connection that
    became readable (the server closed it, or sent bytes nobody asked for) is dropped at
    check-out instead of reused. At most ``max_idle`` idle connections are kept: enough for 32
    threads sharing one client (with fewer, the connections of the busiest moment beyond it
    are closed and opened again on every wave of calls). ``proxy``: a proxy URL, or None to
    take it from the environment (see the module's doc) unless ``trust_env`` is False.
    ``max_connections``: at most this many requests at once; a thread beyond it waits for a
    slot until the call's deadline at most. ``redact`` (default: none) is applied to every
    text from the peer before it goes into an exception.
    """

    def __init__(
        self,
        endpoint: Endpoint,
        timeout: Timeout,
        ssl_context: ssl.SSLContext | None = None,
        max_idle: int = 32,
        proxy: str | None = None,
        trust_env: bool = True,
        max_connections: int | None = None,
        redact: Callable[[str], str] | None = None,
    ) -> None:
        self.endpoint = endpoint
        self._slots = (
            None if max_connections is None else threading.BoundedSemaphore(max_connections)
        )
        self.timeout = timeout
        self.proxy: Proxy | None = None
        if proxy is not None:
            self.proxy = Proxy.parse(proxy)
        elif trust_env:
            self.proxy = proxy_from_environment(endpoint)
        self._ssl_context = ssl_context
        if endpoint.scheme == "https" and ssl_context is None:
            self._ssl_context = ssl.create_default_context()
        #: Every text that came from the peer passes through it before an error shows it.
        self._redact = redact or _same
        self._writer = RequestWriter(_host_header(endpoint))
        self._via = "" if self.proxy is None else f" (via proxy {self.proxy.url})"
        self._idle: list[_Connection] = []
        self._lock = threading.Lock()
        self._max_idle = max_idle
        self._closed = False
        #: Connections opened so far (for tests and diagnostics).
        self.connections_opened = 0

    def request(
        self,
        method: str,
        target: str,
        body: bytes | None,
        headers: dict[str, str],
        timeout: Timeout | None = None,
        deadline: float | None = None,
    ) -> HTTPResponse:
        """Send one request and read the whole answer, or raise :class:`TransportError`.

        ``timeout`` bounds connecting and each read; ``deadline`` (a ``time.monotonic()``
        value) bounds the whole exchange, the wait for a connection slot included: a server
        that drips its answer slowly enough to beat the read timeout is cut off there.
        """
        slots = self._slots
        if slots is None:
            return self._request(method, target, body, headers, timeout, deadline)
        if deadline is None:
            slots.acquire()
        elif not slots.acquire(timeout=max(0.0, deadline - time.monotonic())):
            raise RequestTimeoutError(
                "the call's deadline passed while waiting for a connection (max_connections)",
                sent=False,
            )
        try:
            return self._request(method, target, body, headers, timeout, deadline)
        finally:
            slots.release()

    def _request(
        self,
        method: str,
        target: str,
        body: bytes | None,
        headers: dict[str, str],
        timeout: Timeout | None,
        deadline: float | None,
    ) -> HTTPResponse:
        timeout = timeout or self.timeout
        proxy = self.proxy
        if proxy is not None and self.endpoint.scheme == "http":
            target = self.endpoint.url + target  # absolute form, for the proxy
            headers = {**headers, **proxy.headers}
        try:
            data = self._writer.encode(method, target, body, headers)
        except LocalProtocolError as exc:
            raise TransportError(exc.describe(self._redact), sent=False) from None
        conn = self._checkout()
        reused = conn is not None
        resent = False
        while True:
            if conn is None:
                conn = self._connect(timeout, deadline)
            try:
                response = conn.exchange(data, method, timeout.read, deadline)
            except BaseException as exc:
                conn.close()
                # The server had closed this kept-alive connection before any byte of an
                # answer: send the very same bytes again on a new one (see HTTPResponse.resent).
                if reused and conn.reader.received == 0 and isinstance(exc, _STALE):
                    conn, reused, resent = None, False, True
                    continue
                if isinstance(exc, RemoteProtocolError):
                    raise TransportError(exc.describe(self._redact)) from None
                if isinstance(exc, TimeoutError):
                    text = _DEADLINE_PASSED if conn.by_deadline else f"read timed out ({exc})"
                    raise RequestTimeoutError(text) from None
                if isinstance(exc, OSError):
                    raise TransportError(_describe(exc)) from None
                raise  # KeyboardInterrupt and the like: the connection is dropped, as it must be
            break
        if conn.reader.reusable:
            self._checkin(conn)
        else:
            conn.close()
        return HTTPResponse(response.status, response.headers, response.body, resent)

    def _checkout(self) -> _Connection | None:
        """An idle connection that received nothing while it waited, or None."""
        while True:
            with self._lock:
                if self._closed:
                    raise TransportError("the client is closed", sent=False)
                if not self._idle:
                    return None
                conn = self._idle.pop()
            if not conn.readable():
                return conn
            conn.close()  # closed by the server, or bytes nobody asked for: out of step

    def _checkin(self, conn: _Connection) -> None:
        with self._lock:
            if not self._closed and len(self._idle) < self._max_idle:
                self._idle.append(conn)
                return
        conn.close()

    def _connect(self, timeout: Timeout, deadline: float | None) -> _Connection:
        """A new connection (through the proxy's tunnel, TLS), or ConnectError /
        RequestTimeoutError, both with ``sent=False``."""
        ep, proxy, via = self.endpoint, self.proxy, self._via
        host, port = (ep.host, ep.port) if proxy is None else (proxy.host, proxy.port)
        by_deadline = False

        def seconds() -> float:
            nonlocal by_deadline
            if deadline is None:
                return timeout.connect
            left = deadline - time.monotonic()
            by_deadline = left < timeout.connect
            if left <= 0:
                raise TimeoutError
            return min(left, timeout.connect)

        sock: socket.socket | None = None
        try:
            sock = socket.create_connection((host, port), timeout=seconds())
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            if ep.scheme == "https":
                if proxy is not None:
                    sock.settimeout(seconds())
                    self._tunnel(sock, proxy)
                sock.settimeout(seconds())
                assert self._ssl_context is not None
                sock = self._ssl_context.wrap_socket(sock, server_hostname=ep.host)
        except TimeoutError as exc:
            if sock is not None:
                sock.close()
            text = (
                "the call's deadline passed while connecting"
                if by_deadline
                else _describe(exc, "connect timed out")
            )
            raise RequestTimeoutError(text + via, sent=False) from None
        except (OSError, ValueError) as exc:  # refused, DNS, TLS (SSLError, CertificateError)
            if sock is not None:
                sock.close()
            raise ConnectError(_describe(exc) + via) from None
        except BaseException:
            if sock is not None:
                sock.close()
            raise
        with self._lock:
            self.connections_opened += 1
        return _Connection(sock)

    def _tunnel(self, sock: socket.socket, proxy: Proxy) -> None:
        """Ask the proxy for a tunnel to the endpoint (CONNECT, RFC 9110 §9.3.6)."""
        authority = _host_header(self.endpoint, always_port=True)
        fields = "".join(f"{name}: {value}\r\n" for name, value in proxy.headers.items())
        sock.sendall(f"CONNECT {authority} HTTP/1.1\r\nHost: {authority}\r\n{fields}\r\n".encode())
        reader = ResponseReader()
        reader.expect("CONNECT")
        try:
            response = None
            while response is None:
                chunk = sock.recv(_RECEIVE)
                response = reader.feed(chunk) if chunk else reader.feed_eof()
        except RemoteProtocolError as exc:
            text = exc.describe(self._redact)
            raise ConnectError(f"the proxy's answer to CONNECT: {text}{self._via}") from None
        if not 200 <= response.status < 300:
            reason = repr(self._redact(response.reason)[:80])
            raise ConnectError(
                f"the proxy refused the tunnel: {response.status} {reason}{self._via}"
            )
        if not reader.reusable:
            raise ConnectError(f"the proxy sent bytes after its answer to CONNECT{self._via}")

    def close(self) -> None:
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for conn in idle:
            conn.close()


_RECEIVE = 65536  # bytes asked of each recv()
_DEADLINE_PASSED = "the call's deadline passed while the answer was still arriving"
# How a kept-alive connection the server had closed fails when it is used again.
_STALE = (RemoteProtocolError, BrokenPipeError, ConnectionResetError, ConnectionAbortedError)


class _Connection:
    """One connection: its socket, the reader of its answers, and a way to see whether bytes
    (or its end) arrived while it sat idle."""

    __slots__ = ("by_deadline", "poller", "reader", "sock")

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.reader = ResponseReader()
        #: The last timeout set on the socket was the call's deadline, not the read timeout.
        self.by_deadline = False
        self.poller = None
        if hasattr(select, "poll"):  # not select.select: it fails on descriptors >= 1024
            self.poller = select.poll()
            self.poller.register(sock, select.POLLIN)

    def readable(self) -> bool:
        """Whether something (bytes, an EOF, a reset) arrived since the last answer ended."""
        sock = self.sock
        if sock.fileno() < 0:
            return True
        if isinstance(sock, ssl.SSLSocket) and sock.pending():
            return True
        if self.poller is not None:
            return bool(self.poller.poll(0))
        return bool(select.select([sock], [], [], 0)[0])  # pragma: no cover - no poll()

    def exchange(self, data: bytes, method: str, read: float, deadline: float | None) -> Response:
        """Send a request and read its whole answer. Raises RemoteProtocolError, OSError
        (TimeoutError: a read, or the deadline, ran out)."""
        sock, reader = self.sock, self.reader
        reader.expect(method)
        self._limit(read, deadline)
        sock.sendall(data)
        while True:
            if deadline is not None:
                self._limit(read, deadline)
            chunk = sock.recv(_RECEIVE)
            if not chunk:
                return reader.feed_eof()
            response = reader.feed(chunk)
            if response is not None:
                return response

    def _limit(self, read: float, deadline: float | None) -> None:
        """Each wait is bounded by the read timeout, and by what is left of the deadline."""
        if deadline is None:
            self.by_deadline = False
            self.sock.settimeout(read)
            return
        left = deadline - time.monotonic()
        self.by_deadline = left <= read
        if left <= 0:
            raise TimeoutError("deadline")
        self.sock.settimeout(min(left, read))

    def close(self) -> None:
        try:
            self.sock.close()
        except OSError:
            pass


def _host_header(endpoint: Endpoint, always_port: bool = False) -> str:
    """``host[:port]`` as a Host field or a CONNECT target says it (IPv6 in brackets)."""
    host = f"[{endpoint.host}]" if ":" in endpoint.host else endpoint.host
    default = 443 if endpoint.scheme == "https" else 80
    return host if endpoint.port == default and not always_port else f"{host}:{endpoint.port}"


def _same(text: str) -> str:
    return text


def _describe(exc: BaseException, default: str | None = None) -> str:
    text = str(exc)
    if not text and default:
        return default
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
