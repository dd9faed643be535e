"""The sans-IO HTTP/1.1 module's own promises: when a connection may be reused, the caps and
how their errors read, codings, the request writer's refusals, the server side's requests.
(How it judges streams in general is held against h11 in test_http11_differential.py.)"""

from __future__ import annotations

import gzip
import zlib

import pytest
from qcloud_bmlb._http11 import (
    MAX_BODY,
    MAX_HEAD,
    LocalProtocolError,
    RemoteProtocolError,
    RequestReader,
    RequestWriter,
    ResponseReader,
    encode_response,
)


def read(data: bytes, method: str = "GET", *, eof: bool = False) -> tuple[ResponseReader, object]:
    reader = ResponseReader()
    reader.expect(method)
    response = reader.feed(data)
    if response is None and eof:
        response = reader.feed_eof()
    return reader, response


# -- reuse -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "method", "reusable"),
    [
        (b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", "GET", True),
        (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n", "GET", True),
        (b"HTTP/1.1 204 No Content\r\n\r\n", "GET", True),
        (b"HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\n", "HEAD", True),
        (b"HTTP/1.0 200 OK\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\nok", "GET", True),
        # Not reusable: the server says so, or the answer did not end exactly.
        (b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok", "GET", False),
        (
            b"HTTP/1.1 200 OK\r\nConnection: Keep-Alive, CLOSE\r\nContent-Length: 0\r\n\r\n",
            "GET",
            False,
        ),
        (b"HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok", "GET", False),
        (b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok  \r\n", "GET", False),
        (b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1 200 OK\r\n\r\n", "GET", False),
        (b"HTTP/1.1 204 No Content\r\n\r\nx", "GET", False),
        # Chunked and a length: chunked is read, but the pair is how answers are smuggled.
        (
            b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n"
            b"2\r\nok\r\n0\r\n\r\n",
            "GET",
            False,
        ),
    ],
)
def test_a_connection_is_reusable_only_when_its_answer_ended_exactly(
    data: bytes, method: str, reusable: bool
) -> None:
    reader, response = read(data, method)
    assert response is not None
    assert reader.reusable is reusable


def test_a_close_delimited_body_ends_with_the_connection_and_is_not_reusable() -> None:
    reader, response = read(b"HTTP/1.1 200 OK\r\n\r\nuntil the end", eof=True)
    assert response is not None and response.body == b"until the end"  # type: ignore[attr-defined]
    assert reader.reusable is False


def test_bytes_while_no_request_is_in_flight_spoil_the_connection() -> None:
    reader, _ = read(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
    assert reader.reusable and not reader.expecting
    assert reader.feed(b"HTTP/1.1 200 OK\r\n\r\n") is None
    assert reader.reusable is False


def test_interim_answers_are_skipped_however_they_arrive() -> None:
    data = (
        b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </s.css>\r\n\r\n"
        b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nfinal"
    )
    for cut in range(1, len(data)):
        reader = ResponseReader()
        reader.expect("POST")
        assert reader.feed(data[:cut]) is None
        response = reader.feed(data[cut:])
        assert response is not None and (response.status, response.body) == (200, b"final")
        assert response.headers == {"content-length": "5"}
        assert reader.reusable and reader.received == len(data)


# -- caps and their messages ---------------------------------------------------------------------


def test_a_length_over_the_cap_is_refused_from_the_head_and_names_the_cap() -> None:
    with pytest.raises(RemoteProtocolError, match=f"over the cap of {MAX_BODY} bytes"):
        read(b"HTTP/1.1 200 OK\r\nContent-Length: 200000000\r\n\r\n")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            b"HTTP/1.1 200 OK\r\nX: " + b"y" * MAX_HEAD,
            f"header section is over the cap of {MAX_HEAD}",
        ),
        (
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX: " + b"y" * MAX_HEAD,
            f"the trailers are over the cap of {MAX_HEAD} bytes",
        ),
        (
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + b"1" * 5000,
            "a chunk-size line is over the cap of 4096 bytes",
        ),
        (
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1000001\r\n",
            f"the body is over the cap of {MAX_BODY} bytes",
        ),
        (b"HTTP/1.1 200 OK\r\n\r\n" + b"x" * (MAX_BODY + 1), f"over the cap of {MAX_BODY} bytes"),
    ],
)
def test_caps_fail_as_soon_as_they_are_passed(data: bytes, message: str) -> None:
    with pytest.raises(RemoteProtocolError, match=message):
        read(data)


def test_interim_answers_count_towards_the_header_cap() -> None:
    reader = ResponseReader()
    reader.expect("GET")
    with pytest.raises(RemoteProtocolError, match="over the cap"):
        for _ in range(MAX_HEAD // 20):
            reader.feed(b"HTTP/1.1 100 Continue\r\n\r\n")


def test_what_cannot_start_an_answer_fails_at_once() -> None:
    for data in (b"SSH-2.0-OpenSSH", b"\r\n", b"  \r\n", b"<html>"):
        with pytest.raises(RemoteProtocolError, match=r"not an HTTP/1\.1 answer"):
            read(data)
    _, response = read(b"HTT")  # a beginning that may still become one
    assert response is None


@pytest.mark.parametrize(
    ("state", "message"),
    [
        (b"", "without a response"),
        (b"HTTP/1.1 200 OK\r\nContent-", "in the middle of the answer's header section"),
        (b"HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nabc", "cut short: 3 of 9 bytes"),
        (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab", "chunked body"),
    ],
)
def test_an_early_end_says_what_was_missing(state: bytes, message: str) -> None:
    reader = ResponseReader()
    reader.expect("GET")
    if state:
        assert reader.feed(state) is None
    with pytest.raises(RemoteProtocolError, match=message):
        reader.feed_eof()


def test_quoted_peer_bytes_are_scrubbed_whole_before_they_are_cut() -> None:
    secret = "s3cr3t-value-0123456789"
    line = ("x" * 70 + secret).encode()  # the secret straddles the 80-character excerpt
    with pytest.raises(RemoteProtocolError) as info:
        read(b"HTTP/1.1 200 OK\r\n" + line + b"\r\n\r\n")
    assert "s3cr3t" in str(info.value)  # unscrubbed, the excerpt shows its start
    scrubbed = info.value.describe(lambda text: text.replace(secret, "<redacted>"))
    assert "s3cr3t" not in scrubbed and "<redacted>" in scrubbed


# -- codings -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("coding", "encode"),
    [
        ("gzip", gzip.compress),
        ("x-gzip", gzip.compress),
        ("deflate", zlib.compress),
        ("deflate", lambda data: zlib.compress(data)[2:-4]),  # raw, as some servers send it
        ("identity", lambda data: data),
    ],
)
def test_codings_are_decoded(coding: str, encode: object) -> None:
    assert callable(encode)
    body = encode(b'{"code": 0}')
    data = b"HTTP/1.1 200 OK\r\nContent-Encoding: %s\r\nContent-Length: %d\r\n\r\n%s" % (
        coding.encode(), len(body), body
    )  # fmt: skip
    reader, response = read(data)
    assert response is not None and response.body == b'{"code": 0}'  # type: ignore[attr-defined]
    assert reader.reusable


@pytest.mark.parametrize(
    ("coding", "body", "message"),
    [
        ("br", b"\x0b\x01", "encoded with 'br'"),
        ("gzip", b"not gzip", "gzip encoding is corrupt"),
        ("gzip", gzip.compress(b"x" * 1000)[:-12], "cut short"),
        ("gzip", gzip.compress(b"\0" * (MAX_BODY + 1)), f"over the cap of {MAX_BODY} bytes"),
    ],
)
def test_codings_that_cannot_be_decoded_are_named(coding: str, body: bytes, message: str) -> None:
    data = b"HTTP/1.1 200 OK\r\nContent-Encoding: %s\r\nContent-Length: %d\r\n\r\n%s" % (
        coding.encode(), len(body), body
    )  # fmt: skip
    reader = ResponseReader()
    reader.expect("GET")
    with pytest.raises(RemoteProtocolError, match=message):
        reader.feed(data)
    assert not reader.reusable


# -- writing -------------------------------------------------------------------------------------


def test_the_request_writer_adds_host_length_identity_and_keep_alive() -> None:
    writer = RequestWriter("[::1]:8080")
    data = writer.encode("POST", "/v2/index.php", b"a=1", {"User-Agent": "ua"})
    assert data == (
        b"POST /v2/index.php HTTP/1.1\r\nHost: [::1]:8080\r\nUser-Agent: ua\r\n"
        b"Content-Length: 3\r\nAccept-Encoding: identity\r\nConnection: keep-alive\r\n\r\na=1"
    )
    assert writer.encode("GET", "/x", None, {"Connection": "close", "Host": "h"}) == (
        b"GET /x HTTP/1.1\r\nConnection: close\r\nHost: h\r\nAccept-Encoding: identity\r\n\r\n"
    )


def test_the_request_writer_refuses_what_would_corrupt_the_request() -> None:
    # (Each kind, through the async transport: test_header_injection_is_refused_before_sending.)
    with pytest.raises(LocalProtocolError, match="invalid request line"):
        RequestWriter("h").encode("GET", "/a\r\nX: y", None, {})
    with pytest.raises(LocalProtocolError, match="invalid header"):
        RequestWriter("h").encode("GET", "/", None, {"X-A": "1\r\nX-Injected: 1"})


def test_answers_are_written_with_their_length_and_read_back() -> None:
    data = encode_response(503, (("Content-Type", "text/plain"),), b"busy", close=True)
    assert data == (
        b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\nConnection: close\r\n"
        b"Content-Length: 4\r\n\r\nbusy"
    )
    reader, response = read(data)
    assert response is not None and reader.reusable is False


# -- the server side -----------------------------------------------------------------------------


def test_requests_are_read_in_order_whatever_the_pieces() -> None:
    stream = (
        b"POST /v2/index.php HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\na=1"
        b"GET /v2/index.php?b=2 HTTP/1.1\r\nHost: h\r\n\r\n"
        b"POST http://h:80/p HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
        b"3;x\r\nc=3\r\n0\r\nT: 1\r\n\r\n"
        b"GET / HTTP/1.0\r\n\r\n"
    )
    for size in (1, 7, len(stream)):
        reader, seen = RequestReader(), []
        for start in range(0, len(stream), size):
            reader.feed(stream[start : start + size])
            while (request := reader.next_request()) is not None:
                seen.append((request.method, request.target, request.body, request.keep_alive))
        assert seen == [
            ("POST", "/v2/index.php", b"a=1", True),
            ("GET", "/v2/index.php?b=2", b"", True),
            ("POST", "http://h:80/p", b"c=3", True),
            ("GET", "/", b"", False),  # HTTP/1.0 without keep-alive
        ]


@pytest.mark.parametrize(
    "data",
    [
        b"GET / HTTP/1.1\r\n\r\n",  # no Host
        b"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
        b"\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n",
        b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: many\r\n\r\n",
        b"GET / SPDY/3\r\nHost: a\r\n\r\n",
    ],
)
def test_what_is_not_a_request_is_refused(data: bytes) -> None:
    reader = RequestReader()
    reader.feed(data)
    with pytest.raises(RemoteProtocolError):
        reader.next_request()
