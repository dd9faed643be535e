"""Faults against the fake's fault injection: every fault either ends in a result after retries,
or in one of our typed errors that names the action, the attempt count, and (for a bad answer) a
short, printable excerpt of the body. Non-idempotent changes are never applied twice.

Also: a property test that drives random sequences of faults and successes (through a scripted
transport, and through the fake) and checks that nothing but our errors escapes and that the
number of tries obeys the retry policy.
"""

from __future__ import annotations

import asyncio
import json
import pickle
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from qcloud_bmlb import AsyncClient, Backend, Client, Retry, Timeout, errors
from qcloud_bmlb._transport import HTTPResponse
from qcloud_bmlb.testing import DEFAULT_SEED, FakeBmlb, Fault

LB, LISTENER = "lb-abcdefgh", "lbl-abcdefgh"
ATTEMPTS = 3
FAST = Retry(attempts=ATTEMPTS, backoff=0.001, cap=0.005, deadline=30)
TIMEOUT = Timeout(connect=5, read=10)  # generous: a loaded 2-core machine must not time out
SHORT = Timeout(connect=5, read=0.3)  # for the server that never answers
TEN_MB = 10 * 1024 * 1024


def unbind(client: Client):
    return client.unbind_bm_l4_listener_rs(
        load_balancer_id=LB, listener_id=LISTENER,
        backends=[Backend(instance_id="cpm-ijklmnop", port=1234)],
    )  # fmt: skip


def probe(client: Client):
    return client.modify_bm_l4_listener_backend_probe_port(
        load_balancer_id=LB, listener_id=LISTENER, instance_id="cpm-abcdefgh", port=1234,
        probe_port=9000,
    )  # fmt: skip


ACTIONS = {
    "idempotent": ("ModifyBmL4ListenerBackendProbePort", probe, True),
    "not-idempotent": ("UnbindBmL4ListenerRs", unbind, False),
}


@dataclass(frozen=True)
class Case:
    """A fault, and what the policy makes of it: ``retry`` is "always", "idempotent" or
    "never"; ``error`` the class raised when it is not (or no longer) retried; None: the
    fault's answer is itself a success."""

    fault: Callable[[], Fault]
    retry: str
    error: type[errors.BmlbError] | None


def body(payload: object) -> Callable[[], Fault]:
    data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    return lambda: Fault.body(data)


def api_case(code: int) -> Case:
    cls = errors.error_class(code) or errors.ApiError
    return Case(
        body({"code": str(code), "message": "busy"}), "always" if cls.retryable else "never", cls
    )


CASES: dict[str, Case] = {
    "reset-before-answer": Case(lambda: Fault.reset(), "idempotent", errors.TransportError),
    "reset-after-applying": Case(
        lambda: Fault.reset(applied=True), "idempotent", errors.TransportError
    ),
    "reset-mid-response": Case(lambda: Fault.truncated(), "idempotent", errors.TransportError),
    "never-answers": Case(lambda: Fault.delay(1.5), "idempotent", errors.RequestTimeoutError),
    "http-500-html": Case(lambda: Fault.http_error(500), "idempotent", errors.HTTPStatusError),
    "http-502-html": Case(lambda: Fault.http_error(502), "idempotent", errors.HTTPStatusError),
    "http-503-html": Case(lambda: Fault.http_error(503), "always", errors.HTTPStatusError),
    "http-429": Case(lambda: Fault.http_error(429), "always", errors.HTTPStatusError),
    "http-403-html": Case(lambda: Fault.http_error(403), "never", errors.HTTPStatusError),
    "200-not-json": Case(
        body(b"<html><body>maintenance</body></html>"), "idempotent", errors.MalformedResponseError
    ),
    "200-truncated-json": Case(
        body(b'{"code": 0, "message": "", "requestId": 12'),
        "idempotent",
        errors.MalformedResponseError,
    ),
    "200-json-without-code": Case(
        body({"message": "", "requestId": 3}), "idempotent", errors.MalformedResponseError
    ),
    "200-json-array": Case(body([0, 1]), "idempotent", errors.MalformedResponseError),
    "200-10MB-garbage": Case(
        body(b"\x00<x>\xff" * (TEN_MB // 5)), "idempotent", errors.MalformedResponseError
    ),
    "code-as-string-success": Case(body({"code": "0", "requestId": 77}), "never", None),
    "10MB-json-success": Case(
        body({"code": 0, "requestId": 78, "pad": "p" * TEN_MB}), "never", None
    ),
    "code-as-string-error": api_case(30011),
    "code-as-string-retryable": api_case(6000),
    "unknown-code": Case(
        body({"code": 424242, "message": "new", "codeDesc": "Brand.New"}), "never", errors.ApiError
    ),
}


@pytest.fixture
def fake():
    with FakeBmlb(seed=DEFAULT_SEED) as fake:
        fake.task_polls = 0  # a task ends at once: a retried change does not find the LB busy
        yield fake


def retried(case: Case, idempotent: bool) -> bool:
    return case.retry == "always" or (case.retry == "idempotent" and idempotent)


def check_error(exc: BaseException, cls: type, action: str, attempts: int, secret: str) -> None:
    assert isinstance(exc, errors.BmlbError), f"{type(exc).__name__} escaped: {exc!r}"
    assert isinstance(exc, cls), f"{type(exc).__name__} instead of {cls.__name__}: {exc}"
    assert exc.action == action
    assert exc.attempts == attempts
    text = str(exc)
    assert action in text and len(text) < 600, text
    if isinstance(exc, errors.ResponseError):
        assert len(exc.body_excerpt) <= 201 and exc.body_excerpt.isprintable()
    copy = pickle.loads(pickle.dumps(exc))
    assert type(copy) is type(exc) and str(copy) == text and copy.attempts == attempts
    for shown in (text, repr(exc), str(copy)):
        assert secret not in shown


@pytest.mark.parametrize("mode", ["transient", "persistent"])
@pytest.mark.parametrize("kind", list(ACTIONS))
@pytest.mark.parametrize("name", list(CASES))
def test_fault_matrix(fake, name, kind, mode):
    case = CASES[name]
    action, invoke, idempotent = ACTIONS[kind]
    times = 1 if mode == "transient" else 10
    fake.inject(case.fault(), times=times)
    again = retried(case, idempotent)
    timeout = SHORT if name == "never-answers" else TIMEOUT
    with fake.client(retries=FAST, timeout=timeout) as client:
        try:
            result = invoke(client)
        except BaseException as exc:  # anything at all: must be one of ours
            assert case.error is not None, f"{name} should have succeeded: {exc!r}"
            attempts = ATTEMPTS if again and mode == "persistent" else 1
            assert not (again and mode == "transient"), f"{name} was not retried: {exc!r}"
            check_error(exc, case.error, action, attempts, fake.secret_key)
            assert len(fake.requests) == attempts
        else:
            assert case.error is None or (again and mode == "transient"), name
            assert isinstance(result.request_id, int)
            assert len(fake.requests) == (1 if case.error is None else 2)
    # Every try was signed anew: no Nonce is reused (the real service refuses a replay).
    assert len({r["Nonce"] for r in fake.requests}) == len(fake.requests)
    if not idempotent:
        # A change that may have been carried out is never sent again.
        assert len(fake.state.tasks) <= 1


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.parametrize("kind", list(ACTIONS))
def test_connection_refused_is_retried_then_a_connect_error(kind):
    action, invoke, _ = ACTIONS[kind]
    port = closed_port()
    with (
        Client(
            secret_id="AKIDrefused0000", secret_key="refusedSecretKey0000", region="gz",
            endpoint=f"http://127.0.0.1:{port}", retries=FAST, timeout=TIMEOUT,
        ) as client,
        pytest.raises(errors.BmlbError) as info,
    ):  # fmt: skip
        invoke(client)
    # Nothing was sent, so even the non-idempotent change is retried.
    check_error(info.value, errors.ConnectError, action, ATTEMPTS, "refusedSecretKey0000")
    assert info.value.sent is False


# --- a server that drips its answer ---------------------------------------------------------


class DripServer:
    """Answers every request with a valid success, one byte every ``gap`` seconds."""

    def __init__(self, gap: float) -> None:
        self.gap = gap
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        self.sock.settimeout(0.1)
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn: socket.socket) -> None:
        with conn:
            data = b""
            while b"\r\n\r\n" not in data:
                chunk = conn.recv(65536)
                if not chunk:
                    return
                data += chunk
            payload = json.dumps({"code": 0, "message": "", "requestId": 5}).encode()
            answer = (
                b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
                b"Content-Length: %d\r\n\r\n" % len(payload)
            ) + payload
            split = answer.index(b"\r\n\r\n") + 4
            head, rest = answer[:split], answer[split:]
            try:
                conn.sendall(head)
                for i in range(len(rest)):
                    if self.stop.is_set():
                        return
                    conn.sendall(rest[i : i + 1])
                    time.sleep(self.gap)
            except OSError:
                return

    def close(self) -> None:
        self.stop.set()
        self.thread.join(timeout=2)
        self.sock.close()


def test_slow_drip_within_the_read_timeout_succeeds():
    """A byte every 10 ms never trips the read timeout: the answer arrives, slowly."""
    server = DripServer(gap=0.01)
    try:
        with Client(
            secret_id="AKIDdrip00000000", secret_key="dripSecretKey000", region="gz",
            endpoint=f"http://127.0.0.1:{server.port}", retries=FAST, timeout=TIMEOUT,
        ) as client:  # fmt: skip
            assert probe(client).request_id == 5
    finally:
        server.close()


def test_slow_drip_cannot_hold_a_call_past_its_deadline():
    """Each byte beats the read timeout, but the call's deadline bounds the whole answer."""
    server = DripServer(gap=0.05)  # ~2 s for the whole answer
    try:
        policy = Retry(attempts=1, deadline=0.3)
        with (
            Client(
                secret_id="AKIDdrip00000000", secret_key="dripSecretKey000", region="gz",
                endpoint=f"http://127.0.0.1:{server.port}", retries=policy, timeout=TIMEOUT,
            ) as client,
            pytest.raises(errors.RequestTimeoutError),
        ):  # fmt: skip
            probe(client)
    finally:
        server.close()


def test_slow_drip_cannot_hold_an_async_call_past_its_deadline():
    server = DripServer(gap=0.05)

    async def scenario() -> None:
        async with AsyncClient(
            secret_id="AKIDdrip00000000", secret_key="dripSecretKey000", region="gz",
            endpoint=f"http://127.0.0.1:{server.port}", retries=Retry(attempts=1, deadline=0.3),
            timeout=TIMEOUT,
        ) as client:  # fmt: skip
            await client.describe_bm_load_balancers_task_result(request_id=1)

    try:
        with pytest.raises(errors.RequestTimeoutError, match="deadline"):
            asyncio.run(scenario())
    finally:
        server.close()


# --- property: random sequences of outcomes -------------------------------------------------

OK_BODY = json.dumps({"code": 0, "message": "", "requestId": 9, "data": {"status": 0}}).encode()


@dataclass(frozen=True)
class Outcome:
    name: str
    retry: str  # always | idempotent | never | ok
    error: type[errors.BmlbError] | None
    make: Callable[[], HTTPResponse | errors.TransportError]


def _answer(status: int, data: bytes) -> Callable[[], HTTPResponse]:
    return lambda: HTTPResponse(status, {"content-type": "application/json"}, data)


def _api(code: int) -> Outcome:
    cls = errors.error_class(code) or errors.ApiError
    return Outcome(
        f"api-{code}", "always" if cls.retryable else "never", cls,
        _answer(200, json.dumps({"code": code, "message": "m"}).encode()),
    )  # fmt: skip


OUTCOMES = [
    Outcome("ok", "ok", None, _answer(200, OK_BODY)),
    Outcome("refused", "always", errors.ConnectError,
            lambda: errors.ConnectError("ConnectionRefusedError: refused")),
    Outcome("reset", "idempotent", errors.TransportError,
            lambda: errors.TransportError("ConnectionResetError: reset")),
    Outcome("timeout", "idempotent", errors.RequestTimeoutError,
            lambda: errors.RequestTimeoutError("TimeoutError: timed out")),
    Outcome("connect-timeout", "always", errors.RequestTimeoutError,
            lambda: errors.RequestTimeoutError("TimeoutError: timed out", sent=False)),
    *[
        Outcome(f"http-{s}", r, errors.HTTPStatusError, _answer(s, b"<html>x</html>"))
        for s, r in ((400, "never"), (404, "never"), (429, "always"), (500, "idempotent"),
                     (502, "idempotent"), (503, "always"), (504, "idempotent"))
    ],
    *[
        Outcome(f"body-{i}", "idempotent", errors.MalformedResponseError, _answer(200, b))
        for i, b in enumerate([b"", b"<html>", b'{"code": 0, "req', b'{"message": 1}', b"[]",
                               b'{"code": "x"}', b'{"code": 0}'])
    ],
    *[_api(code) for code in (6000, 30011, 4100, 12003, -21001, 424242)],
]  # fmt: skip


class ScriptedTransport:
    """Answers each try with the next outcome of a script; then success."""

    def __init__(self, script: list[Outcome]) -> None:
        self.script = list(script)
        self.calls = 0

    def request(self, method, target, body, headers, timeout=None, deadline=None) -> HTTPResponse:
        self.calls += 1
        if not self.script:
            return HTTPResponse(200, {}, OK_BODY)
        made = self.script.pop(0).make()
        if isinstance(made, errors.TransportError):
            raise made
        return made

    def close(self) -> None:
        pass


def expected(script: list[Outcome], idempotent: bool, attempts: int) -> tuple[int, type | None]:
    """(tries, error class or None) that the policy gives for ``script``."""
    for tries, outcome in enumerate([*script, OUTCOMES[0]], start=1):
        if outcome.retry == "ok":
            return tries, None
        again = outcome.retry == "always" or (outcome.retry == "idempotent" and idempotent)
        if not again or tries == attempts:
            return tries, outcome.error
    raise AssertionError("unreachable")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    script=st.lists(st.sampled_from(OUTCOMES), max_size=8),
    attempts=st.integers(1, 6),
    which=st.sampled_from(["task", "probe", "port", "unbind"]),
)
def test_random_fault_sequences_obey_the_policy(script, attempts, which):
    transport = ScriptedTransport(script)
    client = Client(
        secret_id="AKIDscript000000", secret_key="scriptSecretKey0", region="gz",
        endpoint="http://127.0.0.1:9", transport=transport,
        retries=Retry(attempts=attempts, backoff=0, cap=0),
    )  # fmt: skip
    calls = {
        "task": ("DescribeBmLoadBalancersTaskResult", True,
                 lambda: client.describe_bm_load_balancers_task_result(request_id=1)),
        "probe": ("ModifyBmL4ListenerBackendProbePort", True, lambda: probe(client)),
        "port": ("ModifyBmL4ListenerBackendPort", False,
                 lambda: client.modify_bm_l4_listener_backend_port(load_balancer_id=LB,
                     listener_id=LISTENER, instance_id="cpm-a", port=1, new_port=2)),
        "unbind": ("UnbindBmL4ListenerRs", False, lambda: unbind(client)),
    }  # fmt: skip
    action, idempotent, invoke = calls[which]
    tries, error = expected(script, idempotent, attempts)
    try:
        invoke()
    except BaseException as exc:
        assert error is not None, f"unexpected {exc!r} for {[o.name for o in script]}"
        check_error(exc, error, action, tries, "scriptSecretKey0")
    else:
        assert error is None, f"expected {error.__name__} for {[o.name for o in script]}"
    assert transport.calls == tries


FAKE_FAULTS = {
    "ok": (lambda: Fault.delay(0), "ok", None),
    "reset": (lambda: Fault.reset(), "idempotent", errors.TransportError),
    "truncated": (lambda: Fault.truncated(), "idempotent", errors.TransportError),
    "http-502": (lambda: Fault.http_error(502), "idempotent", errors.HTTPStatusError),
    "http-503": (lambda: Fault.http_error(503), "always", errors.HTTPStatusError),
    "http-400": (lambda: Fault.http_error(400), "never", errors.HTTPStatusError),
    "not-json": (lambda: Fault.body(b"<html>"), "idempotent", errors.MalformedResponseError),
    "busy": (
        lambda: Fault.body(json.dumps({"code": 6000, "message": "later"}).encode()),
        "always", errors.error_class(6000),
    ),
}  # fmt: skip


def expected_at_the_fake(
    names: list[str], idempotent: bool, attempts: int
) -> tuple[int, int, type | None]:
    """(tries, requests the fake sees, error class or None) for faults queued at the fake.

    One transport detail counts here: a connection reset before any byte of the answer, on a
    kept-alive connection, is taken for the server having closed an idle connection, and the
    very same bytes are sent once more on a new one within the same try (the same Nonce: had
    the first copy been carried out, the server refuses the second as a replay)."""
    queue = list(names)
    requests, alive = 0, False
    for tries in range(1, attempts + 1):
        name = queue.pop(0) if queue else "ok"
        requests += 1
        while name == "reset" and alive:  # resent on a fresh connection
            alive = False
            name = queue.pop(0) if queue else "ok"
            requests += 1
        alive = name not in ("reset", "truncated")
        _, retry, error = FAKE_FAULTS[name]
        if retry == "ok":
            return tries, requests, None
        again = retry == "always" or (retry == "idempotent" and idempotent)
        if not again or tries == attempts:
            return tries, requests, error
    raise AssertionError("unreachable")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    names=st.lists(st.sampled_from(sorted(FAKE_FAULTS)), max_size=5),
    attempts=st.integers(1, 4),
    kind=st.sampled_from(list(ACTIONS)),
)
@example(names=["busy", "reset", "busy", "truncated"], attempts=3, kind="not-idempotent")
@example(names=["http-502", "reset", "not-json"], attempts=4, kind="idempotent")
def test_random_fault_sequences_against_the_fake(names, attempts, kind):
    action, invoke, idempotent = ACTIONS[kind]
    tries, requests, error = expected_at_the_fake(names, idempotent, attempts)
    with FakeBmlb(seed=DEFAULT_SEED) as fake:
        fake.task_polls = 0
        for name in names:
            fake.inject(FAKE_FAULTS[name][0]())
        policy = Retry(attempts=attempts, backoff=0, cap=0, deadline=30)
        with fake.client(retries=policy, timeout=TIMEOUT) as client:
            try:
                invoke(client)
            except BaseException as exc:
                assert error is not None, f"unexpected {exc!r} for {names}"
                check_error(exc, error, action, tries, fake.secret_key)
            else:
                assert error is None, f"expected {error.__name__} for {names}"
        assert len(fake.requests) == requests
        if not idempotent:
            assert len(fake.state.tasks) <= 1
