"""The asyncio transport against small real servers on 127.0.0.1, written here: a raw asyncio
HTTP/1.1 server whose handlers can misbehave on purpose, and the stdlib threading server."""

from __future__ import annotations

import asyncio
import contextlib
import http.server
import shutil
import socket
import ssl
import struct
import subprocess
import threading
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from qcloud_bmlb._async_transport import AsyncPooledTransport
from qcloud_bmlb._exceptions import ConnectError, RequestTimeoutError, TransportError
from qcloud_bmlb._transport import Endpoint, Timeout


@dataclass
class Req:
    method: str
    target: str
    headers: dict[str, str]
    body: bytes
    conn: int  # which connection of the server it came on (0, 1, ...)
    nth: int  # which request on that connection (0, 1, ...)
    reader: asyncio.StreamReader = field(repr=False)


Handler = Callable[[Req, asyncio.StreamWriter], Awaitable[bool]]


@dataclass
class Server:
    port: int
    requests: list[Req] = field(default_factory=list)
    connections: int = 0
    closed: int = 0  # connections the server saw end


def response(status: int, body: bytes, extra: str = "", reason: str = "OK") -> bytes:
    head = f"HTTP/1.1 {status} {reason}\r\nContent-Length: {len(body)}\r\n{extra}\r\n"
    return head.encode("latin-1") + body


async def echo(req: Req, w: asyncio.StreamWriter) -> bool:
    """200 with a body naming the request: method, target, body."""
    w.write(response(200, f"{req.method} {req.target} ".encode() + req.body, "X-Id: 1\r\n"))
    await w.drain()
    return True


def reset(w: asyncio.StreamWriter) -> None:
    """Close with a TCP RST (SO_LINGER 0) rather than a FIN."""
    sock = w.get_extra_info("socket")
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    w.transport.abort()


@contextlib.asynccontextmanager
async def serve(
    handler: Handler, ssl_context: ssl.SSLContext | None = None
) -> AsyncIterator[Server]:
    tasks: set[asyncio.Task[Any]] = set()
    state = Server(0)

    async def on_connection(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        tasks.add(task)
        conn = state.connections
        state.connections += 1
        try:
            for nth in range(10**6):
                try:
                    head = await reader.readuntil(b"\r\n\r\n")
                except (asyncio.IncompleteReadError, ConnectionError):
                    break
                lines = head.decode("latin-1").split("\r\n")
                method, target, _ = lines[0].split(" ")
                headers = {}
                for line in lines[1:]:
                    if line:
                        name, _, value = line.partition(":")
                        headers[name.lower()] = value.strip()
                body = await reader.readexactly(int(headers.get("content-length", 0)))
                req = Req(method, target, headers, body, conn, nth, reader)
                state.requests.append(req)
                if not await handler(req, writer):
                    break
        except (ConnectionError, asyncio.IncompleteReadError, ssl.SSLError):
            pass
        except asyncio.CancelledError:  # the test ended: end quietly
            pass
        finally:
            state.closed += 1
            writer.close()
            tasks.discard(task)

    server = await asyncio.start_server(
        on_connection, "127.0.0.1", 0, ssl=ssl_context, backlog=1024
    )
    state.port = server.sockets[0].getsockname()[1]
    try:
        yield state
    finally:
        server.close()
        for task in list(tasks):
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        await server.wait_closed()


def transport(port: int, read: float = 5.0, **kwargs: Any) -> AsyncPooledTransport:
    return AsyncPooledTransport(
        Endpoint("http", "127.0.0.1", port), Timeout(connect=2.0, read=read), **kwargs
    )


def run(handler: Handler, test: Callable[[Server], Coroutine[Any, Any, None]]) -> None:
    async def main() -> None:
        async with serve(handler) as server:
            await test(server)

    asyncio.run(main())


# -- bodies ----------------------------------------------------------------------------------


def test_content_length_body_headers_and_request_head() -> None:
    async def test(server: Server) -> None:
        t = transport(server.port)
        r = await t.request("POST", "/a?b=1", b"payload", {"User-Agent": "ua/1"})
        assert (r.status, r.body) == (200, b"POST /a?b=1 payload")
        assert r.headers == {"content-length": "19", "x-id": "1"}
        req = server.requests[0]
        assert req.headers["host"] == f"127.0.0.1:{server.port}"
        assert req.headers["content-length"] == "7"
        assert req.headers["connection"] == "keep-alive"
        assert req.headers["user-agent"] == "ua/1"
        r = await t.request("GET", "/g", None, {})
        assert r.body == b"GET /g "
        assert "content-length" not in server.requests[1].headers
        await t.close()

    run(echo, test)


def test_chunked_body_with_extensions_and_trailers() -> None:
    async def handler(req: Req, w: asyncio.StreamWriter) -> bool:
        w.write(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")
        w.write(b"5;ext=1\r\nhello\r\n")
        await w.drain()
        await asyncio.sleep(0.01)  # the body arrives in several reads
        w.write(b"1\r\n \r\nA\r\n" + req.target.encode().ljust(10, b"_") + b"\r\n")
        w.write(b"0\r\nX-Trailer: yes\r\n\r\n")
        await w.drain()
        return True

    async def test(server: Server) -> None:
        t = transport(server.port)
        for target in ("/one", "/two"):
            r = await t.request("GET", target, None, {})
            assert r.body == b"hello " + target.encode().ljust(10, b"_")
        assert t.connections_opened == 1  # the chunked response was read to the end
        await t.close()

    run(handler, test)


def test_responses_arriving_byte_by_byte() -> None:
    """Every part of a response (interim response, head, chunk sizes, chunks, trailers, a
    Content-Length body) may be cut anywhere: the parser resumes where the last piece ended."""
    answers = {
        "/chunked": b"HTTP/1.1 100 Continue\r\n\r\n"
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nX-A: 1\r\n\r\n"
        b"3;x=y\r\nabc\r\n10\r\n0123456789abcdef\r\n0\r\nX-Trailer: t\r\n\r\n",
        "/length": response(200, b"0123456789", "X-B: 2\r\n"),
    }

    async def handler(req: Req, w: asyncio.StreamWriter) -> bool:
        for i in range(len(answers[req.target])):
            w.write(answers[req.target][i : i + 1])
            await w.drain()
            await asyncio.sleep(0.001)
        return True

    async def test(server: Server) -> None:
        t = transport(server.port)
        r = await t.request("GET", "/chunked", None, {})
        assert (r.status, r.body) == (200, b"abc0123456789abcdef")
        assert r.headers == {"transfer-encoding": "chunked", "x-a": "1"}
        r = await t.request("GET", "/length", None, {})
        assert (r.status, r.body, r.headers["x-b"]) == (200, b"0123456789", "2")
        assert t.connections_opened == 1 and t.idle_connections == 1
        await t.close()

    run(handler, test)


def test_close_delimited_body() -> None:
    async def handler(req: Req, w: asyncio.StreamWriter) -> bool:
        w.write(b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nuntil ")
        await w.drain()
        await asyncio.sleep(0.01)
        w.write(b"the end " + req.target.encode())
        return False

    async def test(server: Server) -> None:
        t = transport(server.port)
        for target in ("/1", "/2"):
            r = await t.request("GET", target, None, {})
            assert r.body == b"until the end " + target.encode()
        assert t.connections_opened == 2 and t.idle_connections == 0
        await t.close()

    run(handler, test)


def test_connection_close_header_is_not_reused_and_head_204_have_no_body() -> None:
    async def handler(req: Req, w: asyncio.StreamWriter) -> bool:
        if req.target == "/close":
            w.write(response(200, b"bye", "Connection: close\r\n"))
            return False
        if req.target == "/204":
            w.write(b"HTTP/1.1 204 No Content\r\n\r\n")
        elif req.target == "/interim":
            w.write(b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: x\r\n\r\n")
            w.write(response(200, b"final"))
        else:  # HEAD: a length, no body
            w.write(b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n")
        return True

    async def test(server: Server) -> None:
        t = transport(server.port)
        assert (await t.request("HEAD", "/x", None, {})).body == b""
        r = await t.request("GET", "/204", None, {})
        assert (r.status, r.body) == (204, b"")
        r = await t.request("GET", "/interim", None, {})
        assert (r.status, r.body, r.headers) == (200, b"final", {"content-length": "5"})
        assert t.connections_opened == 1 and t.idle_connections == 1
        assert (await t.request("GET", "/close", None, {})).body == b"bye"
        assert t.idle_connections == 0
        await t.request("HEAD", "/x", None, {})
        assert t.connections_opened == 2
        await t.close()

    run(handler, test)


# -- pooling ---------------------------------------------------------------------------------


def test_keep_alive_reuse() -> None:
    async def test(server: Server) -> None:
        t = transport(server.port)
        for i in range(20):
            r = await t.request("POST", "/n", str(i).encode(), {})
            assert r.body == f"POST /n {i}".encode()
        assert t.connections_opened == 1
        assert server.connections == 1 and [r.nth for r in server.requests] == list(range(20))
        await t.close()

    run(echo, test)


def test_200_concurrent_requests_each_get_their_own_answer() -> None:
    async def handler(req: Req, w: asyncio.StreamWriter) -> bool:
        await asyncio.sleep(0.001 * (len(req.target) % 7))  # answers come back out of order
        return await echo(req, w)

    async def test(server: Server) -> None:
        t = transport(server.port)
        calls = [t.request("POST", f"/c/{i}", str(i).encode(), {}) for i in range(200)]
        answers = await asyncio.gather(*calls)
        assert [r.body for r in answers] == [f"POST /c/{i} {i}".encode() for i in range(200)]
        assert t.connections_opened <= 200
        assert t.idle_connections == min(64, t.connections_opened)
        # A second wave reuses the pool.
        opened = t.connections_opened
        answers = await asyncio.gather(*(t.request("GET", f"/d/{i}", None, {}) for i in range(50)))
        assert [r.body for r in answers] == [f"GET /d/{i} ".encode() for i in range(50)]
        assert t.connections_opened <= opened + 50 - min(50, t.idle_connections)
        await t.close()

    run(handler, test)


def test_max_connections_bounds_open_connections() -> None:
    async def handler(req: Req, w: asyncio.StreamWriter) -> bool:
        await asyncio.sleep(0.002)
        return await echo(req, w)

    async def test(server: Server) -> None:
        t = transport(server.port, max_connections=4)
        answers = await asyncio.gather(*(t.request("GET", f"/{i}", None, {}) for i in range(60)))
        assert [r.body for r in answers] == [f"GET /{i} ".encode() for i in range(60)]
        assert t.connections_opened == 4
        await t.close()

    run(handler, test)


def test_stdlib_threading_server_keep_alive_and_a_second_event_loop() -> None:
    class H(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            body = self.path.encode()
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        t = transport(server.server_address[1])

        async def calls(prefix: str) -> None:
            for i in range(5):
                assert (await t.request("GET", f"/{prefix}{i}", None, {})).body == (
                    f"/{prefix}{i}".encode()
                )

        asyncio.run(calls("a"))
        assert t.connections_opened == 1
        # Another loop cannot use the first loop's connections: it opens its own.
        asyncio.run(calls("b"))
        assert t.connections_opened == 2
        asyncio.run(t.close())
    finally:
        server.shutdown()
        server.server_close()


# -- a server closing idle connections ---------------------------------------------------------


@pytest.mark.parametrize("how", ["fin", "rst", "noticed"])
def test_idle_connection_closed_by_server_is_retried_once(how: str) -> None:
    async def handler(req: Req, w: asyncio.StreamWriter) -> bool:
        if how == "noticed":  # answers, then closes at once (the client sees EOF while idle)
            await echo(req, w)
            return False
        if req.nth == 1:  # read the request but close before answering (an idle-timeout race)
            if how == "rst":
                reset(w)
            return False
        return await echo(req, w)

    async def test(server: Server) -> None:
        t = transport(server.port)
        assert (await t.request("POST", "/1", b"a", {})).body == b"POST /1 a"
        await asyncio.sleep(0.05)
        assert (await t.request("POST", "/2", b"b", {})).body == b"POST /2 b"
        assert t.connections_opened == 2
        # Sent twice when the server had read it before closing; once when the client saw
        # the EOF while the connection sat idle.
        assert len(server.requests) == (2 if how == "noticed" else 3)
        await t.close()

    run(handler, test)


def test_fresh_connection_closed_without_answer_is_not_retried() -> None:
    async def handler(req: Req, w: asyncio.StreamWriter) -> bool:
        return False

    async def test(server: Server) -> None:
        t = transport(server.port)
        with pytest.raises(TransportError) as info:
            await t.request("POST", "/x", b"a", {})
        assert info.value.sent is True
        assert "without a response" in str(info.value)
        assert t.connections_opened == 1 and len(server.requests) == 1
        await t.close()

    run(handler, test)


# -- errors ----------------------------------------------------------------------------------


def test_refused_port_is_connect_error_not_sent() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # bound, not listening: refused

    async def main() -> None:
        t = transport(port)
        with pytest.raises(ConnectError) as info:
            await t.request("GET", "/", None, {})
        assert info.value.sent is False
        assert t.connections_opened == 0

    asyncio.run(main())


def test_connect_timeout_is_timeout_not_sent(monkeypatch: pytest.MonkeyPatch) -> None:
    async def hang(*args: object, **kwargs: object) -> None:
        await asyncio.sleep(10)

    # Connecting never finishes (the event loop's connect, which the transport uses, hangs).
    monkeypatch.setattr(asyncio.BaseEventLoop, "create_connection", hang)

    async def main() -> None:
        t = AsyncPooledTransport(Endpoint("http", "127.0.0.1", 9), Timeout(connect=0.1))
        with pytest.raises(RequestTimeoutError) as info:
            await t.request("GET", "/", None, {})
        assert info.value.sent is False

    asyncio.run(main())


def test_slow_server_is_read_timeout_sent() -> None:
    async def handler(req: Req, w: asyncio.StreamWriter) -> bool:
        if req.target == "/slow-body":
            w.write(b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc")
            await w.drain()
        await asyncio.sleep(5)
        return False

    async def test(server: Server) -> None:
        t = transport(server.port, read=0.2)
        for target in ("/slow", "/slow-body"):
            started = time.monotonic()
            with pytest.raises(RequestTimeoutError) as info:
                await t.request("GET", target, None, {})
            assert info.value.sent is True
            assert 0.15 < time.monotonic() - started < 1.5
        assert t.idle_connections == 0
        await t.close()

    run(handler, test)


def test_a_timeout_given_to_request_replaces_the_transports() -> None:
    async def handler(req: Req, w: asyncio.StreamWriter) -> bool:
        await asyncio.sleep(0.3)
        return await echo(req, w)

    async def test(server: Server) -> None:
        t = transport(server.port, read=0.1)
        r = await t.request("GET", "/", None, {}, timeout=Timeout(connect=1.0, read=2.0))
        assert r.body == b"GET / "
        with pytest.raises(RequestTimeoutError):
            await t.request("GET", "/", None, {})
        await t.close()

    run(handler, test)


def test_read_timeout_is_per_read_not_per_response() -> None:
    async def handler(req: Req, w: asyncio.StreamWriter) -> bool:
        w.write(b"HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\n")
        for piece in (b"ab", b"cd", b"ef"):  # 0.45 s in all, never 0.3 s silent
            await asyncio.sleep(0.15)
            w.write(piece)
            await w.drain()
        return True

    async def test(server: Server) -> None:
        t = transport(server.port, read=0.3)
        assert (await t.request("GET", "/", None, {})).body == b"abcdef"
        await t.close()

    run(handler, test)


def test_the_deadline_cuts_off_an_answer_that_beats_every_read_timeout() -> None:
    async def handler(req: Req, w: asyncio.StreamWriter) -> bool:
        w.write(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n")
        for _ in range(100):  # 2 s in all, never more than 0.02 s silent
            await asyncio.sleep(0.02)
            w.write(b"x")
            await w.drain()
        return True

    async def test(server: Server) -> None:
        t = transport(server.port, read=1.0)
        started = time.monotonic()
        with pytest.raises(RequestTimeoutError, match="deadline") as info:
            await t.request("GET", "/", None, {}, deadline=started + 0.3)
        assert info.value.sent is True
        assert 0.25 < time.monotonic() - started < 1.5
        assert t.idle_connections == 0
        await t.close()

    run(handler, test)


def test_the_deadline_bounds_the_wait_for_a_connection_slot() -> None:
    async def handler(req: Req, w: asyncio.StreamWriter) -> bool:
        if req.target == "/slow":
            await asyncio.sleep(0.5)
        return await echo(req, w)

    async def test(server: Server) -> None:
        t = transport(server.port, max_connections=1)
        slow = asyncio.ensure_future(t.request("GET", "/slow", None, {}))
        await asyncio.sleep(0.05)
        with pytest.raises(RequestTimeoutError, match="deadline") as info:
            await t.request("GET", "/", None, {}, deadline=time.monotonic() + 0.1)
        assert info.value.sent is False  # it never had a connection
        assert (await slow).body == b"GET /slow "
        assert [r.target for r in server.requests] == ["/slow"]
        await t.close()

    run(handler, test)


def test_bytes_arriving_while_idle_mean_the_connection_is_not_reused() -> None:
    async def handler(req: Req, w: asyncio.StreamWriter) -> bool:
        await echo(req, w)
        if req.nth == 0:  # an answer nobody asked for, after the real one
            await asyncio.sleep(0.02)
            w.write(response(200, b"stray"))
        return True

    async def test(server: Server) -> None:
        t = transport(server.port)
        assert (await t.request("GET", "/1", None, {})).body == b"GET /1 "
        await asyncio.sleep(0.1)
        assert (await t.request("GET", "/2", None, {})).body == b"GET /2 "
        assert t.connections_opened == 2
        await t.close()

    run(handler, test)


def _broken(kind: str) -> Handler:
    async def handler(req: Req, w: asyncio.StreamWriter) -> bool:
        if kind == "reset-mid-body":
            w.write(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789")
            await w.drain()
            await asyncio.sleep(0.05)
            reset(w)
        elif kind == "truncated":
            w.write(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789")
        elif kind == "truncated-chunked":
            w.write(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nabc")
        elif kind == "bad-chunk-size":
            w.write(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n+0x5\r\nabcde\r\n")
        elif kind == "truncated-head":
            w.write(b"HTTP/1.1 200 OK\r\nContent-Le")
        elif kind == "bad-status":
            w.write(b"HTTP/1.1 OK 200\r\nContent-Length: 0\r\n\r\n")
        elif kind == "not-http":
            w.write(b"SSH-2.0-OpenSSH_9.6\r\n\r\n")
        elif kind == "bad-header":
            w.write(b"HTTP/1.1 200 OK\r\nNo colon here\r\nContent-Length: 0\r\n\r\n")
        elif kind == "bad-length":
            w.write(b"HTTP/1.1 200 OK\r\nContent-Length: -5\r\n\r\n")
        elif kind == "conflicting-length":
            w.write(b"HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab")
        await w.drain()
        return False

    return handler


@pytest.mark.parametrize(
    "kind",
    [
        "reset-mid-body",
        "truncated",
        "truncated-chunked",
        "bad-chunk-size",
        "truncated-head",
        "bad-status",
        "not-http",
        "bad-header",
        "bad-length",
        "conflicting-length",
    ],
)
def test_broken_responses_are_transport_errors(kind: str) -> None:
    async def test(server: Server) -> None:
        t = transport(server.port)
        with pytest.raises(TransportError) as info:
            await t.request("GET", "/", None, {})
        assert type(info.value) is TransportError and info.value.sent is True
        assert t.connections_opened == 1 and t.idle_connections == 0
        await t.close()

    run(_broken(kind), test)


def test_reset_mid_body_on_a_reused_connection_is_not_sent_again() -> None:
    async def handler(req: Req, w: asyncio.StreamWriter) -> bool:
        if req.nth == 0:
            return await echo(req, w)
        return await _broken("reset-mid-body")(req, w)

    async def test(server: Server) -> None:
        t = transport(server.port)
        await t.request("POST", "/", b"1", {})
        with pytest.raises(TransportError):
            await t.request("POST", "/", b"2", {})
        assert len(server.requests) == 2  # the second request went once only
        await t.close()

    run(handler, test)


@pytest.mark.parametrize("kind", ["header", "length", "chunked", "eof"])
def test_oversized_responses_are_refused(kind: str) -> None:
    big = b"x" * (17 * 1024 * 1024)

    async def handler(req: Req, w: asyncio.StreamWriter) -> bool:
        if kind == "header":
            w.write(b"HTTP/1.1 200 OK\r\nX-Big: " + big[: 70 * 1024] + b"\r\n\r\n")
        elif kind == "length":  # refused from the header, before reading the body
            w.write(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % len(big))
        elif kind == "chunked":
            w.write(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")
            for _ in range(17):
                w.write(b"100000\r\n" + big[: 1024 * 1024] + b"\r\n")
        else:
            w.write(b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n" + big)
        try:
            await w.drain()
        except ConnectionError:
            pass
        return False

    async def test(server: Server) -> None:
        t = transport(server.port)
        with pytest.raises(TransportError, match="over"):
            await t.request("GET", "/", None, {})
        await t.close()

    run(handler, test)


def test_header_injection_is_refused_before_sending() -> None:
    async def test(server: Server) -> None:
        t = transport(server.port)
        for method, target, headers in [
            ("GET", "/a b", {}),
            ("GET", "/a\r\nX: y", {}),
            ("GET /x", "/", {}),
            ("GET", "/", {"X-A": "1\r\nX-Injected: 1"}),
            ("GET", "/", {"Bad Name": "1"}),
            ("GET", "/", {"X-A": "\u4e2d"}),
        ]:
            with pytest.raises(TransportError) as info:
                await t.request(method, target, None, headers)
            assert info.value.sent is False
        assert t.connections_opened == 0 and server.requests == []

    run(echo, test)


# -- cancellation and close ------------------------------------------------------------------


def test_cancellation_drops_the_connection_and_the_next_request_works() -> None:
    client_gone = []

    async def handler(req: Req, w: asyncio.StreamWriter) -> bool:
        if req.target == "/slow":
            with contextlib.suppress(ConnectionError):
                client_gone.append(await asyncio.wait_for(req.reader.read(1), 5) == b"")
            return False
        return await echo(req, w)

    async def test(server: Server) -> None:
        t = transport(server.port)
        await t.request("GET", "/fast", None, {})
        assert t.idle_connections == 1
        with pytest.raises(asyncio.TimeoutError):
            await asyncio.wait_for(t.request("GET", "/slow", None, {}), 0.1)
        assert t.idle_connections == 0
        await asyncio.sleep(0.05)
        assert client_gone == [True]  # the cancelled request's connection was closed
        assert (await t.request("GET", "/after", None, {})).body == b"GET /after "
        assert t.connections_opened == 2
        # A task cancelled outright propagates CancelledError.
        task = asyncio.ensure_future(t.request("GET", "/slow", None, {}))
        await asyncio.sleep(0.05)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        assert t.idle_connections == 0
        await t.close()

    run(handler, test)


def test_close_closes_idle_connections_and_refuses_requests() -> None:
    async def test(server: Server) -> None:
        async with transport(server.port) as t:
            await asyncio.gather(*(t.request("GET", f"/{i}", None, {}) for i in range(3)))
            assert t.idle_connections == 3
        assert t.idle_connections == 0
        await asyncio.sleep(0.05)
        assert server.closed == 3
        with pytest.raises(TransportError, match="the client is closed"):
            await t.request("GET", "/", None, {})
        await t.close()  # twice is fine

    run(echo, test)


def test_a_request_running_during_close_closes_its_connection() -> None:
    async def handler(req: Req, w: asyncio.StreamWriter) -> bool:
        await asyncio.sleep(0.1)
        return await echo(req, w)

    async def test(server: Server) -> None:
        t = transport(server.port)
        running = asyncio.ensure_future(t.request("GET", "/", None, {}))
        await asyncio.sleep(0.02)
        await t.close()
        assert (await running).body == b"GET / "
        assert t.idle_connections == 0

    run(handler, test)


# -- TLS -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    yield cert, key


def test_https_with_the_given_context_and_handshake_failures(
    certificate: tuple[Path, Path],
) -> None:
    cert, key = certificate
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_context.load_cert_chain(cert, key)
    trusting = ssl.create_default_context(cafile=str(cert))

    async def main() -> None:
        async with serve(echo, server_context) as server:
            endpoint = Endpoint("https", "127.0.0.1", server.port)
            t = AsyncPooledTransport(endpoint, Timeout(connect=2.0, read=5.0), trusting)
            for i in range(3):
                assert (await t.request("POST", "/s", b"%d" % i, {})).body == b"POST /s %d" % i
            assert t.connections_opened == 1
            await t.close()
            # The default context does not trust a self-signed certificate.
            t = AsyncPooledTransport(endpoint, Timeout(connect=2.0, read=5.0))
            with pytest.raises(ConnectError) as info:
                await t.request("GET", "/", None, {})
            assert info.value.sent is False and "CERTIFICATE_VERIFY_FAILED" in str(info.value)

        async def plain(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            await reader.read(1)  # the ClientHello, answered in plain HTTP
            writer.write(b"HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n")
            writer.close()

        server = await asyncio.start_server(plain, "127.0.0.1", 0)
        endpoint = Endpoint("https", "127.0.0.1", server.sockets[0].getsockname()[1])
        t = AsyncPooledTransport(endpoint, Timeout(connect=2.0, read=5.0), trusting)
        with pytest.raises(ConnectError) as info:
            await t.request("GET", "/", None, {})
        assert info.value.sent is False and "SSL" in str(info.value)
        server.close()
        await server.wait_closed()

    asyncio.run(main())


def test_a_repeated_head_parses_to_independent_headers() -> None:
    from qcloud_bmlb._http11 import RemoteProtocolError, ResponseReader

    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"
    reader = ResponseReader()
    reader.expect("GET")
    first = reader.feed(head)
    assert first is not None
    first.headers["content-type"] = "changed by the caller"
    reader.expect("GET")
    second = reader.feed(bytearray(head))
    assert second is not None
    assert (second.status, second.headers) == (
        200, {"content-type": "application/json", "content-length": "2"}
    )  # fmt: skip
    for _ in range(2):  # refused again: errors are not kept
        reader.expect("GET")
        with pytest.raises(RemoteProtocolError, match="malformed status line"):
            reader.feed(b"HTTP/9 200 OK\r\n\r\n")


# -- what both transports now promise alike -------------------------------------------------


def test_bare_lf_heads_are_read_at_once() -> None:
    async def handler(req: Req, w: asyncio.StreamWriter) -> bool:
        w.write(b"HTTP/1.1 200 OK\nContent-Length: 2\nX-A: 1\n\nok")
        await w.drain()
        return True

    async def test(server: Server) -> None:
        t = transport(server.port, read=5.0)
        started = time.monotonic()
        r = await t.request("GET", "/", None, {})
        assert (r.status, r.body, r.headers["x-a"]) == (200, b"ok", "1")
        assert time.monotonic() - started < 1
        assert (await t.request("GET", "/", None, {})).body == b"ok"
        assert t.connections_opened == 1
        await t.close()

    run(handler, test)


def test_the_trailer_cap_message_quotes_the_cap() -> None:
    async def handler(req: Req, w: asyncio.StreamWriter) -> bool:
        w.write(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n")
        w.write(b"X-T: " + b"t" * 70_000 + b"\r\n\r\n")
        await w.drain()
        return False

    async def test(server: Server) -> None:
        t = transport(server.port)
        with pytest.raises(TransportError, match="the trailers are over the cap of 65536 bytes"):
            await t.request("GET", "/", None, {})
        await t.close()

    run(handler, test)


def test_identity_is_asked_for_gzip_is_decoded_and_other_codings_are_named() -> None:
    import gzip

    async def handler(req: Req, w: asyncio.StreamWriter) -> bool:
        if req.target == "/gzip":
            w.write(response(200, gzip.compress(b"decoded"), "Content-Encoding: gzip\r\n"))
        else:
            w.write(response(200, b"\x28\xb5\x2f\xfd", "Content-Encoding: zstd\r\n"))
        await w.drain()
        return True

    async def test(server: Server) -> None:
        t = transport(server.port)
        assert (await t.request("GET", "/gzip", None, {})).body == b"decoded"
        assert server.requests[0].headers["accept-encoding"] == "identity"
        with pytest.raises(TransportError, match="encoded with 'zstd'"):
            await t.request("GET", "/zstd", None, {})
        await t.close()

    run(handler, test)


def test_peer_text_in_errors_goes_through_redact() -> None:
    async def handler(req: Req, w: asyncio.StreamWriter) -> bool:
        w.write(b"HTTP/1.1 200 OK\r\nsecret-token-123 echoed\r\n\r\n")
        await w.drain()
        return False

    async def test(server: Server) -> None:
        t = transport(server.port, redact=lambda text: text.replace("secret-token-123", "<x>"))
        with pytest.raises(TransportError) as info:
            await t.request("GET", "/", None, {})
        assert "malformed header line: '<x> echoed'" in str(info.value)
        assert "secret-token-123" not in repr(info.value)
        await t.close()

    run(handler, test)
