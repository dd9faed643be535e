"""A TCP server on 127.0.0.1 whose handlers write whatever bytes a test wants: answers that
break HTTP/1.1 on purpose, stray bytes, echoes, drips, resets. A thread per connection."""

from __future__ import annotations

import socket
import struct
import threading
from collections.abc import Callable


class Peer:
    """One accepted connection, as a handler sees it."""

    def __init__(self, sock: socket.socket, server: RawServer, index: int) -> None:
        self.sock = sock
        self.server = server
        #: Which connection of the server this is (0, 1, ...).
        self.index = index
        #: Requests read on this connection so far.
        self.count = 0
        self._buffer = b""

    def request(self) -> bytes | None:
        """The next request (head and Content-Length body) as bytes, or None at the end."""
        while b"\r\n\r\n" not in self._buffer:
            chunk = self._recv()
            if not chunk:
                return None
            self._buffer += chunk
        head, _, rest = self._buffer.partition(b"\r\n\r\n")
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        while len(rest) < length:
            chunk = self._recv()
            if not chunk:
                return None
            rest += chunk
        request, self._buffer = head + b"\r\n\r\n" + rest[:length], rest[length:]
        self.count += 1
        with self.server.lock:
            self.server.requests.append(request)
        return request

    def _recv(self) -> bytes:
        try:
            return self.sock.recv(65536)
        except OSError:
            return b""

    def send(self, data: bytes) -> None:
        try:
            self.sock.sendall(data)
        except OSError:
            pass

    def reset(self) -> None:
        """Close with a TCP RST rather than a FIN."""
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.sock.close()

    def wait_closed(self, seconds: float = 5.0) -> None:
        """Until the client closes its side (or ``seconds`` pass)."""
        self.sock.settimeout(seconds)
        try:
            while self.sock.recv(65536):
                pass
        except OSError:
            pass


class RawServer:
    """Calls ``handler(peer)`` in a thread for every connection; the connection is closed
    when the handler returns."""

    def __init__(self, handler: Callable[[Peer], None]) -> None:
        self.handler = handler
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port: int = self.sock.getsockname()[1]
        self.lock = threading.Lock()
        self.requests: list[bytes] = []
        self.connections = 0
        self._threads: list[threading.Thread] = []
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            with self.lock:
                index = self.connections
                self.connections += 1
            thread = threading.Thread(target=self._serve, args=(conn, index), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _serve(self, conn: socket.socket, index: int) -> None:
        with conn:
            try:
                self.handler(Peer(conn, self, index))
            except OSError:
                pass

    def close(self) -> None:
        self.sock.close()
        for thread in self._threads:
            thread.join(timeout=5)

    def __enter__(self) -> RawServer:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def answer(body: bytes, status: str = "200 OK", extra: bytes = b"") -> bytes:
    """A whole answer with Content-Length."""
    return (
        b"HTTP/1.1 " + status.encode() + b"\r\nContent-Type: application/json\r\n" + extra
        + b"Content-Length: %d\r\n\r\n" % len(body) + body
    )  # fmt: skip


def task(request_id: int) -> bytes:
    """The body of a change's success: ``{"code": 0, ..., "requestId": N}``."""
    return b'{"code": 0, "message": "", "codeDesc": "Success", "requestId": %d}' % request_id
