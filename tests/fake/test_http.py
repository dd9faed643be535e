"""The fake's HTTP side: at the byte level (requests cut anywhere, several in one write,
``Connection: close``, HTTP/1.0, bad requests, a client that does not read, idle connections),
its form parsing against the standard library's, keep-alive and threads with a real client,
and stopping."""

from __future__ import annotations

import gc
import http.client
import json
import socket
import threading
import time
from urllib.parse import parse_qsl, urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from qcloud_bmlb import Client, errors
from qcloud_bmlb.models import TaskStatus
from qcloud_bmlb.testing import DEFAULT_SEED, FakeBmlb, Fault, _fake, _server

from .helpers import CPM, LISTENER, one_try_client, poll, unbind_args

PATH = "/v2/index.php"


def connect(fake: FakeBmlb) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", urlsplit(fake.endpoint).port), timeout=5)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return sock


def post(body: str = "", *, headers: str = "", version: str = "HTTP/1.1") -> bytes:
    """A POST to the API path; without common parameters it is answered 4000."""
    data = body.encode()
    return (
        f"POST {PATH} {version}\r\nHost: 127.0.0.1\r\n"
        f"Content-Type: application/x-www-form-urlencoded\r\n{headers}"
        f"Content-Length: {len(data)}\r\n\r\n"
    ).encode() + data


def read_answer(sock: socket.socket, buffered: bytearray) -> tuple[dict[str, str], bytes]:
    """One answer (headers by lower-case name, body); ``buffered`` keeps what follows it."""
    while b"\r\n\r\n" not in buffered:
        chunk = sock.recv(65536)
        assert chunk, "connection closed before an answer"
        buffered += chunk
    head, _, _ = bytes(buffered).partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    assert lines[0].startswith("HTTP/1.1 ")
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    start = len(head) + 4
    end = start + int(headers["content-length"])
    while len(buffered) < end:
        chunk = sock.recv(65536)
        assert chunk, "connection closed inside an answer"
        buffered += chunk
    body = bytes(buffered[start:end])
    del buffered[:end]
    return headers, body


def message(body: bytes) -> str:
    data = json.loads(body)
    assert data["code"] == 4000
    return str(data["message"])


def closed_by_server(sock: socket.socket, within: float = 5.0) -> bool:
    sock.settimeout(within)
    try:
        return sock.recv(1) == b""
    except ConnectionResetError:
        return True
    except TimeoutError:
        return False


def test_requests_in_one_write_are_answered_in_order(fake: FakeBmlb) -> None:
    bodies = ["Action=A", "Action=B&SecretId=x", "Action=C&SecretId=x&Signature=s"]
    with connect(fake) as sock:
        sock.sendall(b"".join(post(body) for body in bodies))
        buffered = bytearray()
        answers = [message(read_answer(sock, buffered)[1]) for _ in bodies]
    assert [a.split()[3] for a in answers] == ["SecretId", "Signature", "Timestamp"]
    assert [r.get("Action") for r in fake.requests] == ["A", "B", "C"]


def test_a_request_cut_into_single_bytes_is_answered(fake: FakeBmlb) -> None:
    data = post("Action=A&SecretId=x") * 2
    with connect(fake) as sock:
        for i in range(len(data)):
            sock.send(data[i : i + 1])
        buffered = bytearray()
        for _ in range(2):
            headers, body = read_answer(sock, buffered)
            assert "Signature" in message(body)
            assert "connection" not in headers  # kept alive
    assert len(fake.requests) == 2


def test_a_body_arriving_later_than_its_head_is_waited_for(fake: FakeBmlb) -> None:
    data = post("Action=A&" + "x" * 200_000 + "=1")
    head_end = data.index(b"\r\n\r\n") + 4
    with connect(fake) as sock:
        sock.sendall(data[: head_end + 10])
        time.sleep(0.1)
        sock.sendall(data[head_end + 10 :])
        _, body = read_answer(sock, bytearray())
    assert "SecretId" in message(body)
    assert fake.requests[0]["x" * 200_000] == "1"


def test_connection_close_is_answered_then_closed(fake: FakeBmlb) -> None:
    with connect(fake) as sock:
        sock.sendall(post(headers="Connection: close\r\n") + post())
        buffered = bytearray()
        headers, _ = read_answer(sock, buffered)
        assert headers["connection"] == "close"
        assert closed_by_server(sock)
        assert buffered == b""
    assert len(fake.requests) == 1  # what came after the close was not read


@pytest.mark.parametrize(("extra", "kept"), [("", False), ("Connection: keep-alive\r\n", True)])
def test_http_1_0_is_kept_alive_only_when_asked(fake: FakeBmlb, extra: str, kept: bool) -> None:
    with connect(fake) as sock:
        sock.sendall(post(headers=extra, version="HTTP/1.0"))
        headers, _ = read_answer(sock, bytearray())
        assert ("connection" not in headers) is kept
        assert closed_by_server(sock, within=0.3) is not kept


@pytest.mark.parametrize(
    "data",
    [
        b"NONSENSE\r\n\r\n",
        b"GET /v2/index.php SPDY/3\r\n\r\n",
        b"POST /v2/index.php HTTP/1.1\r\nContent-Length: many\r\n\r\n",
        b"GET /v2/index.php HTTP/1.1\r\nX: " + b"y" * (70 * 1024),  # a head that never ends
    ],
)
def test_what_is_not_http_closes_the_connection_unanswered(fake: FakeBmlb, data: bytes) -> None:
    with connect(fake) as sock:
        sock.sendall(data)
        assert closed_by_server(sock)
    assert fake.requests == []


def test_a_client_that_does_not_read_holds_the_fake_back_but_loses_nothing(
    fake: FakeBmlb,
) -> None:
    count, size = 200, 100_000  # 20 MB of answers: far more than the socket buffers hold
    fake.inject(Fault.body(b"x" * size), times=count)
    with connect(fake) as sock:
        sock.sendall(post("Action=A") * count)
        time.sleep(0.3)
        assert len(fake.requests) < count  # reading paused while the answers wait
        buffered = bytearray()
        for _ in range(count):
            assert len(read_answer(sock, buffered)[1]) == size
    assert len(fake.requests) == count
    # The fake still answers others meanwhile and afterwards.
    with connect(fake) as other:
        other.sendall(post())
        read_answer(other, bytearray())


def test_a_delayed_answer_keeps_the_order_and_the_next_request_waits(fake: FakeBmlb) -> None:
    fake.inject(Fault.delay(0.3))
    with connect(fake) as sock:
        started = time.monotonic()
        sock.sendall(post("Action=first") + post("Action=second"))
        buffered = bytearray()
        first, second = (message(read_answer(sock, buffered)[1]) for _ in range(2))
        assert time.monotonic() - started >= 0.3
    assert [r["Action"] for r in fake.requests] == ["first", "second"]
    assert first == second  # both: SecretId missing


def test_requests_sent_before_the_client_stops_sending_are_answered(fake: FakeBmlb) -> None:
    fake.inject(Fault.delay(0.2))
    with connect(fake) as sock:
        sock.sendall(post() + post())
        sock.shutdown(socket.SHUT_WR)
        buffered = bytearray()
        for _ in range(2):
            read_answer(sock, buffered)
        assert closed_by_server(sock)


def test_an_idle_connection_is_closed(fake: FakeBmlb, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_server, "_IDLE", 0.5)
    with connect(fake) as idle, connect(fake) as busy:
        for _ in range(6):  # 1.2 s of a request every 0.2 s: never idle for 0.5 s
            busy.sendall(post())
            read_answer(busy, bytearray())
            time.sleep(0.2)
        assert closed_by_server(idle, within=0.1)
        busy.sendall(post())
        read_answer(busy, bytearray())


_FORM_TEXT = st.text(alphabet="ab=&%+2Fé\x00 ", max_size=40) | st.text(max_size=20)


@settings(max_examples=500, deadline=None)
@given(_FORM_TEXT)
def test_form_parsing_is_parse_qsl(text: str) -> None:
    assert _fake._parse_form(text) == dict(parse_qsl(text, keep_blank_values=True))


def test_a_delayed_request_is_carried_out_even_when_the_fake_stops_first() -> None:
    fake = FakeBmlb(seed=DEFAULT_SEED).start()
    fake.inject(Fault.delay(0.4))
    with fake.client(timeout=0.1, retries=0) as client, pytest.raises(errors.RequestTimeoutError):
        client.modify_bm_l4_listener_backend_probe_port(
            load_balancer_id="lb-abcdefgh", listener_id="lbl-abcdefgh",
            instance_id="cpm-abcdefgh", port=1234, probe_port=81,
        )  # fmt: skip
    fake.stop()
    assert len(fake.state.tasks) == 1


# -- 7. keep-alive and threads --------------------------------------------------------------------


def test_one_client_keeps_one_connection(fake: FakeBmlb, client: Client) -> None:
    request_id = client.unbind_bm_l4_listener_rs(**unbind_args((CPM, 1234))).request_id
    for i in range(19):
        if i % 5 == 4:  # error answers keep the connection too
            with pytest.raises(errors.ResourceNotFound):
                client.describe_bm_load_balancers_task_result(request_id=10**6 + i)
        else:
            client.describe_bm_load_balancers_task_result(request_id=request_id)
    assert len(fake.requests) == 20
    assert client._transport.connections_opened == 1


def test_threads_share_one_client(fake: FakeBmlb) -> None:
    # Eight load balancers, each with a finished task; the even ones failed.
    expected: dict[int, TaskStatus] = {}
    with one_try_client(fake) as setup:
        for i in range(8):
            lb = f"lb-thread{i}"
            fake.add_load_balancer(lb)
            fake.add_listener(lb, LISTENER)
            fake.bind(lb, LISTENER, CPM, 1000 + i)
            if i % 2 == 0:
                fake.fail_next_task()
            request_id = setup.modify_bm_l4_listener_backend_port(
                load_balancer_id=lb, listener_id=LISTENER, instance_id=CPM, port=1000 + i,
                new_port=2000 + i,
            ).request_id  # fmt: skip
            expected[request_id] = poll(setup, request_id)[-1]
    assert sorted(expected.values()) == [0, 0, 0, 0, 1, 1, 1, 1]

    problems: list[str] = []
    with one_try_client(fake) as shared:

        def work(request_id: int, want: TaskStatus) -> None:
            try:
                for n in range(25):
                    if n % 5 == 0:
                        missing = request_id * 100 + n
                        try:
                            shared.describe_bm_load_balancers_task_result(request_id=missing)
                        except errors.ResourceNotFound as exc:
                            if str(missing) not in exc.message:
                                problems.append(f"{missing}: answer of another call: {exc}")
                        else:
                            problems.append(f"{missing}: no error")
                    else:
                        got = shared.describe_bm_load_balancers_task_result(request_id=request_id)
                        if got.status != want:
                            problems.append(f"{request_id}: {got.status} != {want}")
            except Exception as exc:
                problems.append(f"{request_id}: {exc!r}")

        threads = [threading.Thread(target=work, args=item) for item in expected.items()]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=30)
        assert not any(t.is_alive() for t in threads)
        assert 1 <= shared._transport.connections_opened <= 8
    assert problems == []
    assert len(fake.requests) == 8 * 3 + 8 * 25  # setup (change + 2 polls each) + threads


def test_stop_closes_the_port() -> None:
    fake = FakeBmlb().start()
    port = urlsplit(fake.endpoint).port
    fake.stop()
    with pytest.raises(RuntimeError):
        _ = fake.endpoint
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
    with pytest.raises(ConnectionRefusedError):
        conn.request("GET", PATH)
    conn.close()


def test_keep_alive_calls_are_not_held_back(fake: FakeBmlb, client: Client) -> None:
    """Each answer leaves in one go: with Nagle's algorithm on the fake's side, the body of
    every keep-alive answer waited for the client's delayed ACK (~40 ms a call)."""
    with pytest.raises(errors.ResourceNotFound):
        client.describe_bm_load_balancers_task_result(request_id=1)
    started = time.monotonic()
    for _ in range(20):
        with pytest.raises(errors.ResourceNotFound):
            client.describe_bm_load_balancers_task_result(request_id=1)
    assert time.monotonic() - started < 0.5
    assert client._transport.connections_opened == 1


def test_stop_is_quick() -> None:
    """stop() returns at once, not after serve_forever's next 0.5 s poll (a fixture per test
    would pay that every time)."""
    started = time.monotonic()
    for _ in range(5):
        FakeBmlb().start().stop()
    assert time.monotonic() - started < 0.5


def test_stopping_with_open_connections_reports_nothing(caplog):
    """A client still holding kept-alive connections when the fake stops: no stray errors."""
    fake = FakeBmlb().start()
    clients = [fake.client(retries=0) for _ in range(3)]
    for client in clients:
        with pytest.raises(errors.ResourceNotFound):
            client.describe_bm_load_balancers_task_result(request_id=1)
    with caplog.at_level("DEBUG", logger="asyncio"):
        fake.stop()
        gc.collect()
    assert [r.getMessage() for r in caplog.records if r.name == "asyncio"] == []
    for client in clients:
        client.close()
