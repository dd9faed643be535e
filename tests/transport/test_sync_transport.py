"""The sync transport (and ``Client`` on it) against raw servers that break HTTP/1.1 on
purpose: every answer reaches its own call, a connection is reused only when it is provably
clean, framing errors fail at once, and peer text in errors goes through ``redact``."""

from __future__ import annotations

import gzip
import logging
import pickle
import threading
import time
from collections.abc import Callable, Iterator
from urllib.parse import quote

import pytest
from qcloud_bmlb import Client, Retry, errors
from qcloud_bmlb._transport import Endpoint, PooledTransport, Timeout

from tests.conftest import REGION, SECRET_ID, SECRET_KEY, TOKEN
from tests.transport.rawserver import Peer, RawServer, answer, task


@pytest.fixture
def serve() -> Iterator[Callable[[Callable[[Peer], None]], RawServer]]:
    servers: list[RawServer] = []

    def start(handler: Callable[[Peer], None]) -> RawServer:
        server = RawServer(handler)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.close()


def client(server: RawServer, **options: object) -> Client:
    settings: dict[str, object] = {
        "secret_id": SECRET_ID, "secret_key": SECRET_KEY, "region": REGION,
        "endpoint": server.endpoint, "retries": 0, "timeout": 5,
    }  # fmt: skip
    settings.update(options)
    return Client(**settings)  # type: ignore[arg-type]


def modify(c: Client) -> int:
    """A change (not idempotent: never retried once it may have been carried out)."""
    return c.modify_bm_l4_listener_backend_port(
        load_balancer_id="lb-1", listener_id="lbl-1", instance_id="cpm-1", port=1, new_port=2
    ).request_id


def numbered(first: Callable[[Peer], None] | None = None) -> Callable[[Peer], None]:
    """Answers every request with the task id ``100 * connection + n`` (n from 1), after
    ``first(peer)`` has answered the first request of connection 0 its own way."""

    def handler(peer: Peer) -> None:
        while peer.request() is not None:
            if first is not None and peer.index == 0 and peer.count == 1:
                first(peer)
                continue
            peer.send(answer(task(100 * peer.index + peer.count)))

    return handler


# -- every answer reaches its own call ---------------------------------------------------------


def test_interim_answers_are_skipped_and_the_final_one_is_the_calls() -> None:
    def first(peer: Peer) -> None:
        peer.send(b"HTTP/1.1 103 Early Hints\r\nLink: </a>; rel=preload\r\n\r\n")
        time.sleep(0.02)  # the interim answer alone, then the real one
        peer.send(b"HTTP/1.1 100 Continue\r\n\r\n" + answer(task(7)))

    with RawServer(numbered(first)) as server, client(server) as c:
        assert modify(c) == 7  # not HTTPStatusError(103)
        assert modify(c) == 2  # its own answer, on the same connection
        assert c._transport.connections_opened == 1


def test_a_second_unsolicited_answer_is_never_read_as_the_next_calls() -> None:
    def first(peer: Peer) -> None:
        peer.send(answer(task(1)))
        time.sleep(0.05)
        peer.send(answer(task(666)))  # nobody asked for it

    with RawServer(numbered(first)) as server, client(server) as c:
        assert modify(c) == 1
        time.sleep(0.2)
        assert modify(c) == 101  # the connection that held the stray answer was dropped
        assert c._transport.connections_opened == 2
        assert len(server.requests) == 2  # each call went out once


@pytest.mark.parametrize("late", [False, True], ids=["same-write", "later"])
def test_stray_bytes_after_an_answer_do_not_fail_the_next_call(late: bool) -> None:
    def first(peer: Peer) -> None:
        if late:
            peer.send(answer(task(1)))
            time.sleep(0.05)
            peer.send(b"  \r\n")
        else:
            peer.send(answer(task(1)) + b"  \r\n")

    with RawServer(numbered(first)) as server, client(server) as c:
        assert modify(c) == 1
        time.sleep(0.2)
        assert modify(c) == 101  # not "may have been carried out"
        assert len(server.requests) == 2


def test_conflicting_content_lengths_are_an_error_not_a_shortened_answer() -> None:
    def first(peer: Peer) -> None:
        body = task(1) + answer(task(666))
        peer.send(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\nContent-Length: %d\r\n\r\n%s"
                  % (len(task(1)), len(body), body))  # fmt: skip

    with RawServer(numbered(first)) as server, client(server) as c:
        with pytest.raises(errors.TransportError, match="conflicting Content-Length"):
            modify(c)
        assert modify(c) == 101


def test_identical_repeated_content_lengths_are_that_length() -> None:
    def first(peer: Peer) -> None:
        body = task(5)
        peer.send(
            b"HTTP/1.1 200 OK\r\nContent-Length: %d, %d\r\n\r\n%s" % (len(body), len(body), body)
        )

    with RawServer(numbered(first)) as server, client(server) as c:
        assert modify(c) == 5
        assert modify(c) == 2
        assert c._transport.connections_opened == 1


# -- framing errors fail at once ---------------------------------------------------------------


@pytest.mark.parametrize(
    "head",
    [
        b"HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n",
        b"HTTP/1.1 200 OK\r\nContent-Length: abc\r\n\r\n",
        b"HTTP/1.1 200 OK\r\nContent-Length: 5, 6\r\n\r\n",
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n-1\r\n",
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n",
    ],
    ids=["negative", "not-a-number", "differing", "chunk-size--1", "unknown-coding"],
)
def test_malformed_lengths_fail_at_once_instead_of_waiting_for_the_timeout(head: bytes) -> None:
    def handler(peer: Peer) -> None:
        peer.request()
        peer.send(head)
        peer.wait_closed()  # keeps the connection open: only the framing can end the call

    with RawServer(handler) as server, client(server, timeout=5) as c:
        started = time.monotonic()
        with pytest.raises(errors.TransportError) as info:
            modify(c)
        assert time.monotonic() - started < 2
        assert type(info.value) is errors.TransportError and info.value.sent is True


def test_a_bare_lf_head_is_read() -> None:
    def handler(peer: Peer) -> None:
        while peer.request() is not None:
            body = task(peer.count)
            peer.send(b"HTTP/1.1 200 OK\nContent-Length: %d\n\n%s" % (len(body), body))

    with RawServer(handler) as server, client(server) as c:
        assert [modify(c), modify(c)] == [1, 2]
        assert c._transport.connections_opened == 1


def test_an_answer_over_the_cap_with_its_length_names_the_cap() -> None:
    def handler(peer: Peer) -> None:
        peer.request()
        peer.send(b"HTTP/1.1 200 OK\r\nContent-Length: 200000000\r\n\r\n" + b"x" * 65536)
        peer.wait_closed()

    with RawServer(handler) as server, client(server) as c:
        with pytest.raises(errors.TransportError, match="over the cap of 16777216 bytes"):
            modify(c)


# -- resends -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("part", "rst"),
    [(b"HTTP/1.1 20", True), (b"HTTP/1.1 200 OK\r\nContent-", True), (b"HTTP/1.1 20", False)],
    ids=["status-line-reset", "headers-reset", "status-line-closed"],
)
def test_a_partial_answer_on_a_reused_connection_is_not_sent_again(part: bytes, rst: bool) -> None:
    def handler(peer: Peer) -> None:
        peer.request()
        peer.send(answer(task(1 + 100 * peer.index)))
        if peer.index == 0 and peer.request() is not None:
            peer.send(part)  # part of an answer, then the end of the connection
            time.sleep(0.05)
            if rst:
                peer.reset()

    with RawServer(handler) as server, client(server) as c:
        assert modify(c) == 1
        with pytest.raises(errors.TransportError) as info:
            modify(c)
        assert info.value.sent is True
        assert len(server.requests) == 2  # the second went once: something had come back


def test_a_reused_connection_closed_before_any_answer_is_sent_once_more() -> None:
    def handler(peer: Peer) -> None:
        peer.request()
        peer.send(answer(task(1)))
        if peer.index == 0:
            peer.request()  # read, then closed unanswered: an idle-timeout race
            return
        while peer.request() is not None:
            peer.send(answer(task(100 + peer.count)))

    with RawServer(handler) as server, client(server) as c:
        assert modify(c) == 1
        assert modify(c) == 1  # the resend, on connection 1: its first answer
        assert len(server.requests) == 3


# -- the deadline --------------------------------------------------------------------------------


def test_a_close_delimited_body_cut_at_the_deadline_is_a_timeout_not_a_bad_answer() -> None:
    def handler(peer: Peer) -> None:
        peer.request()
        peer.send(b'HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n{"code": 0')
        for _ in range(100):
            time.sleep(0.02)
            peer.send(b" ")

    with RawServer(handler) as server, client(server, retries=Retry(attempts=1, deadline=0.4)) as c:
        started = time.monotonic()
        with pytest.raises(errors.RequestTimeoutError, match="deadline"):
            modify(c)
        assert time.monotonic() - started < 1.5


def test_the_wait_for_a_connection_slot_is_bounded_by_the_deadline() -> None:
    release = threading.Event()

    def handler(peer: Peer) -> None:
        while peer.request() is not None:
            release.wait(5)
            peer.send(answer(task(peer.count)))

    with RawServer(handler) as server, client(server, max_connections=1) as c:
        holder = threading.Thread(target=modify, args=(c,))
        holder.start()
        time.sleep(0.1)
        started = time.monotonic()
        with pytest.raises(errors.RequestTimeoutError) as info:
            c.modify_bm_l4_listener_backend_port(
                load_balancer_id="lb-1", listener_id="lbl-1", instance_id="cpm-1", port=1,
                new_port=2, retries=Retry(attempts=1, deadline=0.3),
            )  # fmt: skip
        waited = time.monotonic() - started
        release.set()
        holder.join()
    assert 0.25 < waited < 1.0
    assert info.value.sent is False  # it never had a connection
    assert len(server.requests) == 1


# -- codings -------------------------------------------------------------------------------------


def test_identity_is_asked_for_and_gzip_is_decoded_anyway() -> None:
    def handler(peer: Peer) -> None:
        request = peer.request()
        assert request is not None and b"\r\nAccept-Encoding: identity\r\n" in request
        peer.send(answer(gzip.compress(task(9)), extra=b"Content-Encoding: gzip\r\n"))
        request = peer.request()
        peer.send(answer(b"\x1b\x00", extra=b"Content-Encoding: br\r\n"))

    with RawServer(handler) as server, client(server) as c:
        assert modify(c) == 9
        with pytest.raises(errors.TransportError, match="encoded with 'br'"):
            modify(c)


# -- peer text in errors -------------------------------------------------------------------------


def scrub(text: str) -> str:
    for form in (TOKEN, quote(TOKEN, safe="")):
        text = text.replace(form, "<redacted>")
    return text


def echo(peer: Peer) -> None:
    """An echo service on the wrong port: what it receives, sent back as is."""
    while (request := peer.request()) is not None:
        peer.send(request)


def token_first(peer: Peer) -> None:
    """A server that quotes the token at the start of a broken header line."""
    while peer.request() is not None:
        peer.send(b"HTTP/1.1 200 OK\r\n" + quote(TOKEN, safe="").encode() + b" seen\r\n\r\n")


@pytest.mark.parametrize("handler", [echo, token_first], ids=["echo", "token-first"])
def test_peer_text_is_scrubbed_in_every_form_of_the_error(
    caplog: pytest.LogCaptureFixture, handler: Callable[[Peer], None]
) -> None:
    with RawServer(handler) as server:
        transport = PooledTransport(
            Endpoint.parse(server.endpoint), Timeout(2, 2), redact=scrub, trust_env=False
        )
        c = client(server, token=TOKEN, http_method="GET", transport=transport)
        with c, caplog.at_level(logging.DEBUG, logger="qcloud_bmlb"):
            with pytest.raises(errors.TransportError) as info:
                modify(c)
    error = info.value
    if handler is echo:
        assert "not an HTTP/1.1 answer: 'GET /v2/index.php?" in str(error)
    else:
        assert "malformed header line: '<redacted> seen'" in str(error)
    shown = [str(error), repr(error), error.reason, repr(pickle.loads(pickle.dumps(error)))]
    shown += [record.getMessage() for record in caplog.records]
    for text in shown:
        assert TOKEN not in text and quote(TOKEN, safe="") not in text, text


def test_proxy_answers_are_scrubbed_too() -> None:
    def proxy(peer: Peer) -> None:
        request = peer.request()
        assert request is not None
        peer.send(answer(b"", status="407 Denied " + TOKEN))

    with RawServer(proxy) as server:
        transport = PooledTransport(
            Endpoint("https", "bmlb.example", 443), Timeout(2, 2), proxy=server.endpoint,
            redact=scrub,
        )  # fmt: skip
        with pytest.raises(errors.ConnectError) as info:
            transport.request("POST", "/", b"", {})
    assert "407" in str(info.value) and TOKEN not in str(info.value)
    assert info.value.sent is False
