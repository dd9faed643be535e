"""The HTTP transport: keep-alive ``http.client`` connections in a small thread-safe pool.

Chosen by measurement (``benchmarks/``): a keep-alive ``http.client`` round trip costs less
than urllib3 or requests on loopback, and needs no third-party package.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import threading
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import urlsplit

from ._exceptions import ConfigurationError, RequestTimeoutError, TransportError

__all__ = ["Endpoint", "HTTPResponse", "PooledTransport", "Timeout", "Transport"]


MAX_TIMEOUT = 86400.0  # one day: finite, as sockets require


@dataclass(frozen=True)
class Timeout:
    """Seconds allowed to connect, and to wait for each read of the response."""

    connect: float = 5.0
    read: float = 30.0

    def __post_init__(self) -> None:
        for name in ("connect", "read"):
            value = getattr(self, name)
            if (
                isinstance(value, bool)
                or not isinstance(value, (int, float))
                or not 0 < value < MAX_TIMEOUT
            ):
                raise ConfigurationError(
                    f"timeout.{name}: must be a number of seconds > 0 and < {MAX_TIMEOUT}"
                )


@dataclass(frozen=True)
class Endpoint:
    """Where requests go: scheme, host, port; ``host`` is what the signature names."""

    scheme: str
    host: str
    port: int

    @classmethod
    def parse(cls, url: str) -> Endpoint:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ConfigurationError(f"endpoint: must be an http(s) URL with a host, got {url!r}")
        if parts.path not in ("", "/") or parts.query or parts.fragment or parts.username:
            raise ConfigurationError(
                f"endpoint: give scheme, host and port only (the path is the API's), got {url!r}"
            )
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError:
            raise ConfigurationError(f"endpoint: bad port in {url!r}") from None
        return cls(parts.scheme, parts.hostname, port)

    @property
    def url(self) -> str:
        default = 443 if self.scheme == "https" else 80
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{self.scheme}://{host}" + ("" if self.port == default else f":{self.port}")


@dataclass(frozen=True)
class HTTPResponse:
    status: int
    headers: dict[str, str]
    body: bytes


class Transport(Protocol):
    """What a client needs from HTTP: send one request, get the whole response, or raise
    :class:`TransportError`."""

    def request(
        self, method: str, target: str, body: bytes | None, headers: dict[str, str]
    ) -> HTTPResponse: ...

    def close(self) -> None: ...


class PooledTransport:
    """Keep-alive connections to one endpoint, reused across calls and threads.

    A thread takes an idle connection (or opens one), makes its request and puts the
    connection back when the response was read to the end and the server keeps it open. At
    most ``max_idle`` idle connections are kept.
    """

    def __init__(
        self,
        endpoint: Endpoint,
        timeout: Timeout,
        ssl_context: ssl.SSLContext | None = None,
        max_idle: int = 10,
    ) -> None:
        self.endpoint = endpoint
        self.timeout = timeout
        self._ssl_context = ssl_context
        if endpoint.scheme == "https" and ssl_context is None:
            self._ssl_context = ssl.create_default_context()
        self._idle: list[http.client.HTTPConnection] = []
        self._lock = threading.Lock()
        self._max_idle = max_idle
        self._closed = False
        #: Connections opened so far (for tests and diagnostics).
        self.connections_opened = 0

    def _new_connection(self) -> http.client.HTTPConnection:
        ep = self.endpoint
        conn: http.client.HTTPConnection
        if ep.scheme == "https":
            conn = http.client.HTTPSConnection(
                ep.host, ep.port, timeout=self.timeout.connect, context=self._ssl_context
            )
        else:
            conn = http.client.HTTPConnection(ep.host, ep.port, timeout=self.timeout.connect)
        conn.connect()
        if conn.sock is not None:
            conn.sock.settimeout(self.timeout.read)
            conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        with self._lock:
            self.connections_opened += 1
        return conn

    def _checkout(self) -> tuple[http.client.HTTPConnection | None, bool]:
        with self._lock:
            if self._closed:
                raise TransportError("the client is closed")
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
        self, method: str, target: str, body: bytes | None, headers: dict[str, str]
    ) -> HTTPResponse:
        conn, reused = self._checkout()
        while True:
            try:
                if conn is None:
                    conn = self._new_connection()
                conn.request(method, target, body=body, headers=headers)
                raw = conn.getresponse()
                data = raw.read()
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError) as exc:
                assert conn is not None
                conn.close()
                if reused:
                    # The server closed an idle keep-alive connection before reading this
                    # request: open a fresh one and send it once more.
                    conn, reused = None, False
                    continue
                raise TransportError(_describe(exc)) from None
            except TimeoutError as exc:
                if conn is not None:
                    conn.close()
                raise RequestTimeoutError(_describe(exc)) from None
            except (OSError, http.client.HTTPException) as exc:
                if conn is not None:
                    conn.close()
                raise TransportError(_describe(exc)) from None
            break
        response = HTTPResponse(raw.status, {k.lower(): v for k, v in raw.getheaders()}, data)
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


def _describe(exc: BaseException) -> str:
    text = str(exc)
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
