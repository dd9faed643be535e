"""The HTTP transport: keep-alive ``http.client`` connections in a small thread-safe pool.

Chosen by measurement (``benchmarks/``): a keep-alive ``http.client`` round trip costs less
than urllib3 or requests on loopback, and needs no third-party package.

Proxies come from the usual environment variables, as curl and the standard library read
them: ``https_proxy``/``HTTPS_PROXY`` for an https endpoint (a ``CONNECT`` tunnel, TLS end to
end), ``http_proxy``/``HTTP_PROXY`` for an http one (requests in absolute form), the lower-case
name first; ``no_proxy``/``NO_PROXY`` lists hosts (and their subdomains, ``host:port``, or
``*``) reached directly. Nothing is exempt unless listed, loopback included.
"""

from __future__ import annotations

import base64
import heapq
import http.client
import os
import socket
import ssl
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol
from urllib.parse import unquote, urlsplit

from ._config import Endpoint, Timeout
from ._exceptions import ConfigurationError, ConnectError, RequestTimeoutError, TransportError

__all__ = [
    "Endpoint",
    "HTTPResponse",
    "PooledTransport",
    "Proxy",
    "Timeout",
    "Transport",
    "proxy_from_environment",
]


MAX_BODY = 16 * 1024 * 1024  # an answer of the API is a few hundred bytes; refuse floods


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
    #: The same bytes were sent twice: a kept-alive connection dropped before any answer, so
    #: the request went again on a new one. Resending the very same signed request (same
    #: Nonce) means the server carries it out at most once: a second copy is refused as a replay.
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
    connection back when the response was read to the end and the server keeps it open. At
    most ``max_idle`` idle connections are kept: enough for 32 threads sharing one client
    (with fewer, the connections of the busiest moment beyond it are closed and opened again
    on every wave of calls). ``proxy``: a proxy URL, or None to take it
    from the environment (see the module's doc) unless ``trust_env`` is False.
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
    ) -> None:
        self.endpoint = endpoint
        # at most this many requests at once (threads beyond it wait for a connection)
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
        self._idle: list[http.client.HTTPConnection] = []
        self._lock = threading.Lock()
        self._max_idle = max_idle
        self._closed = False
        #: Connections opened so far (for tests and diagnostics).
        self.connections_opened = 0
        self._watchdog = _Watchdog()

    def _new_connection(self, timeout: Timeout) -> http.client.HTTPConnection:
        ep, proxy = self.endpoint, self.proxy
        host, port = (ep.host, ep.port) if proxy is None else (proxy.host, proxy.port)
        conn: http.client.HTTPConnection
        if ep.scheme == "https":
            conn = http.client.HTTPSConnection(
                host, port, timeout=timeout.connect, context=self._ssl_context
            )
            if proxy is not None:
                tunnel = f"[{ep.host}]" if ":" in ep.host else ep.host
                conn.set_tunnel(tunnel, ep.port, headers=proxy.headers)
        else:
            conn = http.client.HTTPConnection(host, port, timeout=timeout.connect)
        conn.connect()
        if conn.sock is not None:
            conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        with self._lock:
            self.connections_opened += 1
        return conn

    def _checkout(self) -> tuple[http.client.HTTPConnection | None, bool]:
        with self._lock:
            if self._closed:
                raise TransportError("the client is closed", sent=False)
            if self._idle:
                return self._idle.pop(), True
        return None, False

    def _checkin(self, conn: http.client.HTTPConnection) -> None:
        with self._lock:
            if not self._closed and len(self._idle) < self._max_idle:
                self._idle.append(conn)
                return
        conn.close()

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
        value) bounds the whole exchange: a server that drips its answer slowly enough to beat
        the read timeout is cut off there.
        """
        if self._slots is None:
            return self._request(method, target, body, headers, timeout, deadline)
        with self._slots:
            return self._request(method, target, body, headers, timeout, deadline)

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
        via = "" if proxy is None else f" (via proxy {proxy.url})"
        conn, reused = self._checkout()
        resent = False
        while True:
            if conn is None:
                try:
                    conn = self._new_connection(timeout)
                except TimeoutError as exc:
                    raise RequestTimeoutError(_describe(exc) + via, sent=False) from None
                except (OSError, http.client.HTTPException) as exc:
                    raise ConnectError(_describe(exc) + via) from None
            answered = False  # whether any byte of the answer arrived
            watch = None
            if deadline is not None and conn.sock is not None:
                # the socket itself: http.client hands it to the response and drops it from
                # the connection when the server says it will close
                watch = self._watchdog.watch(deadline, conn.sock)
            try:
                if conn.sock is not None:
                    conn.sock.settimeout(timeout.read)
                conn.request(method, target, body=body, headers=headers)
                raw = conn.getresponse()
                answered = True
                data = raw.read(MAX_BODY + 1)
                if raw.length:  # read(amt) returns short when the peer closes early
                    raise http.client.IncompleteRead(data, raw.length)
                if len(data) > MAX_BODY:
                    conn.close()
                    raise TransportError(f"the answer is larger than {MAX_BODY} bytes")
            except (OSError, http.client.HTTPException) as exc:
                conn.close()
                if watch is not None and self._watchdog.fired(watch):
                    raise RequestTimeoutError(
                        "the call's deadline passed while the answer was still arriving"
                    ) from None
                if isinstance(exc, TimeoutError):
                    raise RequestTimeoutError(_describe(exc)) from None
                stale = isinstance(
                    exc, (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError)
                )
                if stale and reused and not answered:
                    # The server had closed this kept-alive connection: send the very same
                    # bytes again on a new one (see HTTPResponse.resent).
                    conn, reused, resent = None, False, True
                    continue
                raise TransportError(_describe(exc)) from None
            finally:
                if watch is not None:
                    self._watchdog.release(watch)
            break
        headers_seen: dict[str, str] = {}
        for name, value in raw.getheaders():
            key = name.lower()
            headers_seen[key] = f"{headers_seen[key]}, {value}" if key in headers_seen else value
        response = HTTPResponse(raw.status, headers_seen, data, resent)
        if raw.will_close:
            conn.close()
        else:
            self._checkin(conn)
        return response

    def close(self) -> None:
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for conn in idle:
            conn.close()
        self._watchdog.stop()


class _Watchdog:
    """Cuts off exchanges that run past their deadline.

    One daemon thread per transport, started on first use, sleeps until the earliest deadline
    being watched and shuts down that connection's socket; the blocked read then fails and
    the transport reports a timeout. Watching costs a lock and a heap push per request.
    """

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._heap: list[tuple[float, int]] = []
        self._active: dict[int, socket.socket] = {}
        self._fired: set[int] = set()
        self._next = 0
        self._thread: threading.Thread | None = None
        self._stopped = False

    def watch(self, deadline: float, sock: socket.socket) -> int:
        with self._cond:
            self._next += 1
            token = self._next
            self._active[token] = sock
            heapq.heappush(self._heap, (deadline, token))
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="qcloud-bmlb-deadlines", daemon=True
                )
                self._thread.start()
            elif self._heap[0][1] == token:
                self._cond.notify()
        return token

    def release(self, token: int) -> None:
        with self._cond:
            self._active.pop(token, None)
            self._fired.discard(token)

    def fired(self, token: int) -> bool:
        with self._cond:
            return token in self._fired

    def stop(self) -> None:
        with self._cond:
            self._stopped = True
            self._cond.notify()

    def _run(self) -> None:
        with self._cond:
            while not self._stopped:
                while self._heap and self._heap[0][1] not in self._active:
                    heapq.heappop(self._heap)
                if not self._heap:
                    self._cond.wait()
                    continue
                deadline, token = self._heap[0]
                left = deadline - time.monotonic()
                if left > 0:
                    self._cond.wait(left)
                    continue
                heapq.heappop(self._heap)
                self._fired.add(token)
                try:
                    self._active[token].shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass


def _describe(exc: BaseException) -> str:
    text = str(exc)
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
