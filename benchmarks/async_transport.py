"""Requests per second with many in flight: the asyncio transport versus aiohttp and httpx.

    PYTHONPATH=generated .venv/bin/python benchmarks/async_transport.py [--requests N]
        [--in-flight K] [--rounds R]

Starts one keep-alive HTTP/1.1 server (asyncio streams, written below) on 127.0.0.1 in a
child process, so that the server does not share the clients' interpreter lock, answering a
canned JSON success to a small form POST. Each candidate makes N requests (default 2,000) per
round, K (default 64) in flight at once, after one warm-up round; the figure is the median of
R rounds (default 3). The baseline is the sync ``PooledTransport`` making the same requests
one by one, and every row prints its ratio to that baseline measured in the same run (above
1: faster).
aiohttp and httpx are measured only where installed (reported as missing otherwise); they are
never a dependency of the package.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import statistics
import time
from collections.abc import Awaitable, Callable
from multiprocessing.connection import Connection
from typing import Any

from qcloud_bmlb._async_transport import AsyncPooledTransport
from qcloud_bmlb._transport import Endpoint, PooledTransport, Timeout

BODY = json.dumps({"code": 0, "message": "", "codeDesc": "Success", "requestId": 1234}).encode()
RESPONSE = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s" % (
    len(BODY),
    BODY,
)
PATH = "/v2/index.php"
HEADERS = {"Content-Type": "application/x-www-form-urlencoded", "User-Agent": "bench/1"}
FORM = (
    b"Action=ModifyBmL4ListenerBackendPort&Region=gz&Nonce=12345&Timestamp=1700000000"
    b"&SecretId=AKIDbench&SignatureMethod=HmacSHA256&loadBalancerId=lb-abcdefgh"
    b"&listenerId=lbl-abcdefgh&instanceId=cpm-abcdefgh&port=1234&newPort=12345"
    b"&Signature=q2V9m1s0XbW4%2Bq8cQ0yB8m7zJ0XK3%2FHq2nK9d1mYc9Y%3D"
)


# -- the server (child process) --------------------------------------------------------------


async def _handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            length = 0
            for line in head.split(b"\r\n"):
                if line[:15].lower() == b"content-length:":
                    length = int(line[15:])
            if length:
                await reader.readexactly(length)
            writer.write(RESPONSE)
    except (asyncio.IncompleteReadError, ConnectionError):
        pass
    finally:
        writer.close()


def _serve(pipe: Connection) -> None:
    async def main() -> None:
        server = await asyncio.start_server(_handle, "127.0.0.1", 0, backlog=1024)
        pipe.send(server.sockets[0].getsockname()[1])
        async with server:
            await server.serve_forever()

    asyncio.run(main())


# -- the candidates --------------------------------------------------------------------------

Call = Callable[[], Awaitable[None]]
Setup = Callable[[], Awaitable[tuple[Call, Callable[[], Awaitable[Any]]]]]


class Round:
    """Makes ``n`` requests per call; ``close`` releases the client."""

    def __init__(self, run: Callable[[int], None], close: Callable[[], None]) -> None:
        self.run, self.close = run, close


def sync_one_by_one(port: int, in_flight: int) -> Round:
    transport = PooledTransport(Endpoint("http", "127.0.0.1", port), Timeout())

    def run(n: int) -> None:
        for _ in range(n):
            r = transport.request("POST", PATH, FORM, HEADERS)
            assert r.status == 200 and json.loads(r.body)["requestId"] == 1234

    return Round(run, transport.close)


def _async_round(setup: Setup, in_flight: int) -> Round:
    """Runs ``n`` calls with ``in_flight`` workers in one loop that lives across rounds."""
    loop = asyncio.new_event_loop()
    call, aclose = loop.run_until_complete(setup())

    async def go(n: int) -> None:
        left = n

        async def worker() -> None:
            nonlocal left
            while left > 0:
                left -= 1
                await call()

        await asyncio.gather(*(worker() for _ in range(in_flight)))

    def run(n: int) -> None:
        loop.run_until_complete(go(n))

    def close() -> None:
        loop.run_until_complete(aclose())
        loop.run_until_complete(asyncio.sleep(0.05))  # let transports finish closing
        loop.close()

    return Round(run, close)


def ours_async(port: int, in_flight: int) -> Round:
    async def setup() -> tuple[Call, Callable[[], Awaitable[Any]]]:
        transport = AsyncPooledTransport(Endpoint("http", "127.0.0.1", port), Timeout())

        async def call() -> None:
            r = await transport.request("POST", PATH, FORM, HEADERS)
            assert r.status == 200 and json.loads(r.body)["requestId"] == 1234

        return call, transport.close

    return _async_round(setup, in_flight)


def ours_async_one_by_one(port: int, in_flight: int) -> Round:
    return ours_async(port, 1)


def with_aiohttp(port: int, in_flight: int) -> Round:
    import aiohttp

    url = f"http://127.0.0.1:{port}{PATH}"

    async def setup() -> tuple[Call, Callable[[], Awaitable[Any]]]:
        session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=in_flight))

        async def call() -> None:
            async with session.post(url, data=FORM, headers=HEADERS) as r:
                body = await r.read()
            assert r.status == 200 and json.loads(body)["requestId"] == 1234

        return call, session.close

    return _async_round(setup, in_flight)


def with_httpx(port: int, in_flight: int) -> Round:
    import httpx

    url = f"http://127.0.0.1:{port}{PATH}"

    async def setup() -> tuple[Call, Callable[[], Awaitable[Any]]]:
        limits = httpx.Limits(max_connections=in_flight, max_keepalive_connections=in_flight)
        client = httpx.AsyncClient(limits=limits)

        async def call() -> None:
            r = await client.post(url, content=FORM, headers=HEADERS)
            assert r.status_code == 200 and json.loads(r.content)["requestId"] == 1234

        return call, client.aclose

    return _async_round(setup, in_flight)


def measure(run: Round, requests: int, rounds: int) -> float:
    """Median requests per second over ``rounds`` rounds, after a warm-up round."""
    run.run(min(requests, 200))
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        run.run(requests)
        samples.append(requests / (time.perf_counter() - started))
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--in-flight", type=int, default=64)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    ours_end, child_end = multiprocessing.Pipe()
    server = multiprocessing.get_context("spawn").Process(
        target=_serve, args=(child_end,), daemon=True
    )
    server.start()
    port = ours_end.recv()
    k = args.in_flight
    candidates: list[tuple[str, Callable[[int, int], Round]]] = [
        ("sync PooledTransport, 1 at a time (baseline)", sync_one_by_one),
        ("AsyncPooledTransport, 1 at a time", ours_async_one_by_one),
        (f"AsyncPooledTransport, {k} in flight", ours_async),
        (f"aiohttp ClientSession, {k} in flight", with_aiohttp),
        (f"httpx AsyncClient, {k} in flight", with_httpx),
    ]
    print(f"{args.requests} requests per round, median of {args.rounds} rounds")
    print(f"{'candidate':46} {'requests/s':>11} {'ratio':>7}")
    baseline = None
    try:
        for name, factory in candidates:
            try:
                run = factory(port, k)
            except ImportError:
                print(f"{name:46} {'missing':>11}")
                continue
            try:
                rate = measure(run, args.requests, args.rounds)
            finally:
                run.close()
            baseline = baseline or rate
            print(f"{name:46} {rate:11.0f} {rate / baseline:7.2f}", flush=True)
    finally:
        server.terminate()
        server.join()


if __name__ == "__main__":
    main()
