"""Retries (which failures, how often, re-signed) and waiting for tasks, against the fake."""

from __future__ import annotations

import socket
import time

import pytest
from qcloud_bmlb import Backend, Client, Retry, TaskStatus, Timeout, errors
from qcloud_bmlb.testing import DEFAULT_SEED, FakeBmlb, Fault

LB, LISTENER = "lb-abcdefgh", "lbl-abcdefgh"
FAST = Retry(attempts=3, backoff=0.001, cap=0.01, deadline=10)


@pytest.fixture
def fake():
    with FakeBmlb(seed=DEFAULT_SEED) as fake:
        yield fake


def unbind(client: Client, **options):
    return client.unbind_bm_l4_listener_rs(
        load_balancer_id=LB,
        listener_id=LISTENER,
        backends=[Backend(instance_id="cpm-ijklmnop", port=1234)],
        **options,
    )


def probe(client: Client, **options):
    return client.modify_bm_l4_listener_backend_probe_port(
        load_balancer_id=LB, listener_id=LISTENER, instance_id="cpm-abcdefgh", port=1234,
        probe_port=9000, **options,
    )  # fmt: skip


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_refused_connection_is_retried_and_reports_attempts():
    client = Client(
        secret_id="AKIDx", secret_key="k", region="gz",
        endpoint=f"http://127.0.0.1:{closed_port()}", retries=FAST,
    )  # fmt: skip
    with pytest.raises(errors.ConnectError) as info:
        unbind(client)  # not idempotent, but nothing was sent: safe to retry
    assert info.value.attempts == 3
    assert info.value.sent is False
    assert "may have reached" not in str(info.value)


def test_reset_after_sending_is_not_retried_for_a_non_idempotent_action(fake):
    fake.inject(Fault.reset(applied=True))
    with fake.client(retries=FAST) as client, pytest.raises(errors.TransportError) as info:
        unbind(client)
    assert info.value.attempts == 1 and info.value.sent is True
    assert "may have reached the server" in str(info.value)
    assert len(fake.requests) == 1  # tried once: the change was applied once, not twice
    assert len(fake.state.tasks) == 1


def test_reset_is_retried_for_an_idempotent_action_with_a_fresh_signature(fake):
    fake.inject(Fault.reset(), times=2)
    with fake.client(retries=FAST) as client:
        result = probe(client)
    assert result.request_id > 0
    assert len(fake.requests) == 3
    nonces = {r["Nonce"] for r in fake.requests}
    assert len(nonces) == 3  # every try signed anew


@pytest.mark.parametrize("status", [429, 503])
def test_throttling_and_unavailable_are_retried_even_when_not_idempotent(fake, status):
    fake.inject(Fault.http_error(status), times=2)
    with fake.client(retries=FAST) as client:
        assert unbind(client).request_id > 0
    assert len(fake.requests) == 3


def test_bad_gateway_is_not_retried_for_a_non_idempotent_action(fake):
    fake.inject(Fault.http_error(502))
    with fake.client(retries=FAST) as client, pytest.raises(errors.HTTPStatusError) as info:
        unbind(client)
    assert info.value.http_status == 502 and info.value.attempts == 1


def test_retryable_api_error_is_retried_until_the_attempts_run_out(fake):
    fake.set_busy(LB, -21001)  # InvalidStatus.LBInvalidStatus: retryable in the catalogue
    with (
        fake.client(retries=FAST) as client,
        pytest.raises(errors.InvalidStatusLBInvalidStatus) as e,
    ):
        unbind(client)
    assert e.value.attempts == 3 and len(fake.requests) == 3


def test_non_retryable_api_error_is_raised_at_once(fake):
    with fake.client(retries=FAST) as client, pytest.raises(errors.InvalidRsNotExist) as info:
        client.unbind_bm_l4_listener_rs(
            load_balancer_id=LB, listener_id=LISTENER,
            backends=[Backend(instance_id="cpm-nope", port=1)],
        )  # fmt: skip
    assert info.value.attempts == 1 and len(fake.requests) == 1


def test_retries_zero_turns_retrying_off(fake):
    fake.inject(Fault.http_error(503))
    with fake.client(retries=0) as client, pytest.raises(errors.HTTPStatusError):
        unbind(client)
    assert len(fake.requests) == 1


def test_per_call_retries_override_the_client(fake):
    fake.inject(Fault.http_error(503), times=1)
    with fake.client(retries=0) as client:
        assert unbind(client, retries=FAST).request_id > 0


def test_per_call_timeout_overrides_the_client(fake):
    fake.inject(Fault.delay(1.0))
    with fake.client(timeout=30, retries=0) as client:
        started = time.monotonic()
        with pytest.raises(errors.RequestTimeoutError):
            probe(client, timeout=Timeout(connect=1, read=0.2))
        assert time.monotonic() - started < 0.9


def test_deadline_bounds_the_whole_call(fake):
    fake.inject(Fault.delay(0.3), times=10)
    policy = Retry(attempts=10, backoff=0.001, cap=0.001, deadline=0.5)
    with fake.client(retries=policy, timeout=Timeout(connect=1, read=0.2)) as client:
        started = time.monotonic()
        with pytest.raises(errors.RequestTimeoutError):
            client.describe_bm_load_balancers_task_result(request_id=1)
        assert time.monotonic() - started < 1.5


@pytest.mark.parametrize("bad", [-1, True, 1.5, "2", 101])
def test_bad_retries_value_is_a_configuration_error(bad):
    with pytest.raises(errors.ConfigurationError, match="retries"):
        Client(secret_id="AKIDx", secret_key="k", region="gz", retries=bad)


# --- waiting for tasks ---------------------------------------------------------------------------


def test_wait_for_task_returns_when_the_task_succeeded(fake):
    fake.task_polls = 3
    with fake.client() as client:
        started = unbind(client)
        result = client.wait_for_task(started.request_id, timeout=5, interval=0.01)
    assert result.status is TaskStatus.SUCCEEDED
    bound = {(b.instance_id, b.port) for b in fake.backends(LB, LISTENER)}
    assert ("cpm-ijklmnop", 1234) not in bound
    polls = [r for r in fake.requests if r["Action"] == "DescribeBmLoadBalancersTaskResult"]
    assert len(polls) == 4  # three "running", then "succeeded"


def test_wait_for_task_raises_when_the_task_failed(fake):
    fake.fail_next_task()
    with fake.client() as client:
        started = unbind(client)
        with pytest.raises(errors.TaskFailedError) as info:
            client.wait_for_task(started.request_id, timeout=5, interval=0.01)
    assert info.value.request_id == started.request_id
    assert [(b.instance_id, b.port) for b in fake.backends(LB, LISTENER)].count(
        ("cpm-ijklmnop", 1234)
    ) == 1  # a failed task changes nothing


def test_wait_for_task_times_out_with_the_last_status(fake):
    fake.task_polls = 10_000
    with fake.client() as client:
        started = unbind(client)
        with pytest.raises(errors.TaskTimeoutError) as info:
            client.wait_for_task(started.request_id, timeout=0.2, interval=0.01)
    assert info.value.request_id == started.request_id
    assert info.value.last_status is TaskStatus.RUNNING


def test_wait_true_returns_after_the_change_applied(fake):
    with fake.client() as client:
        unbind(client, wait=True)
    assert ("cpm-ijklmnop", 1234) not in {
        (b.instance_id, b.port) for b in fake.backends(LB, LISTENER)
    }


def test_client_options_are_typed_keywords():
    import inspect

    params = inspect.signature(Client).parameters
    for name in ("secret_id", "region", "endpoint", "timeout", "retries", "max_connections"):
        assert params[name].kind is inspect.Parameter.KEYWORD_ONLY, name
    with pytest.raises(TypeError):
        Client(secret_id="AKIDx", secret_key="k", region="gz", bogus=1)


def test_max_connections_bounds_the_connections_of_threads(fake):
    import threading

    fake.inject(Fault.delay(0.05), times=40)
    with fake.client(max_connections=2, retries=0) as client:
        errors_seen: list[BaseException] = []

        def work() -> None:
            try:
                for _ in range(5):
                    try:
                        client.describe_bm_load_balancers_task_result(request_id=1)
                    except errors.ResourceNotFound:
                        pass
            except BaseException as exc:  # pragma: no cover - reported below
                errors_seen.append(exc)

        threads = [threading.Thread(target=work) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not errors_seen
        assert client._transport.connections_opened <= 2
    assert len(fake.requests) == 40


@pytest.mark.parametrize("bad", [0, -1, True, 1.5])
def test_bad_max_connections_is_a_configuration_error(bad):
    with pytest.raises(errors.ConfigurationError, match="max_connections"):
        Client(secret_id="AKIDx", secret_key="k", region="gz", max_connections=bad)
