"""Injected faults (``FakeBmlb.inject``): delays, resets before and after applying, HTTP
errors, garbled and truncated answers; per action and for a number of requests."""

from __future__ import annotations

import time

import pytest
from qcloud_bmlb import Client, errors
from qcloud_bmlb.models import TaskStatus
from qcloud_bmlb.testing import Binding, FakeBmlb, Fault

from .helpers import (
    CPM,
    CPM2,
    LB,
    LISTENER,
    SEEDED,
    one_try_client,
    poll,
    unbind_args,
)

# -- 6. fault injection ---------------------------------------------------------------------------


def test_delay(fake: FakeBmlb, client: Client) -> None:
    fake.inject(Fault.delay(0.3))
    started = time.monotonic()
    result = client.unbind_bm_l4_listener_rs(**unbind_args((CPM, 1234)))
    assert time.monotonic() - started >= 0.3
    assert result.request_id in fake.state.tasks
    started = time.monotonic()
    client.describe_bm_load_balancers_task_result(request_id=result.request_id)
    assert time.monotonic() - started < 0.25  # only one request was delayed


def test_delay_longer_than_the_read_timeout_is_a_timeout(
    fake: FakeBmlb, capsys: pytest.CaptureFixture[str]
) -> None:
    fake.inject(Fault.delay(0.5))
    with one_try_client(fake, timeout=0.2) as client, pytest.raises(errors.RequestTimeoutError):
        client.unbind_bm_l4_listener_rs(**unbind_args((CPM, 1234)))
    time.sleep(0.45)  # the fake answers the client that gave up
    assert len(fake.state.tasks) == 1  # carried out all the same
    # ...without a traceback on stderr for the connection that went away.
    assert "Traceback" not in capsys.readouterr().err


def test_reset_is_a_transport_error_and_nothing_happens(fake: FakeBmlb) -> None:
    fake.inject(Fault.reset())
    with one_try_client(fake) as client:
        with pytest.raises(errors.TransportError) as caught:
            client.unbind_bm_l4_listener_rs(**unbind_args((CPM, 1234)))
        assert not isinstance(caught.value, errors.RequestTimeoutError)
        assert fake.state.tasks == {}
        assert len(fake.requests) == 1
        # The next call is answered normally.
        assert client.unbind_bm_l4_listener_rs(**unbind_args((CPM, 1234))).request_id
    assert len(fake.state.tasks) == 1


def test_reset_after_applying_creates_the_task(fake: FakeBmlb) -> None:
    fake.inject(Fault.reset(applied=True))
    with one_try_client(fake) as client:
        with pytest.raises(errors.TransportError):
            client.unbind_bm_l4_listener_rs(**unbind_args((CPM, 1234)))
        assert len(fake.state.tasks) == 1
        (request_id,) = fake.state.tasks
        assert fake.state.tasks[request_id].action == "UnbindBmL4ListenerRs"
        assert fake.backends(LB, LISTENER) == SEEDED
        assert poll(client, request_id)[-1] == TaskStatus.SUCCEEDED
    assert fake.backends(LB, LISTENER) == [Binding(CPM, 8080), Binding(CPM2, 1234)]


def test_http_error(fake: FakeBmlb, client: Client) -> None:
    fake.inject(Fault.http_error(502))
    with pytest.raises(errors.HTTPStatusError) as caught:
        client.unbind_bm_l4_listener_rs(**unbind_args((CPM, 1234)))
    assert caught.value.http_status == 502
    assert "Bad Gateway" in caught.value.body_excerpt
    assert fake.state.tasks == {}


@pytest.mark.parametrize("payload", [b"not json", b'{"code": 0, "codeDesc": "Success", "requestI'])
def test_garbled_body_is_malformed_response(fake: FakeBmlb, client: Client, payload: bytes) -> None:
    fake.inject(Fault.body(payload))
    with pytest.raises(errors.MalformedResponseError) as caught:
        client.unbind_bm_l4_listener_rs(**unbind_args((CPM, 1234)))
    assert caught.value.http_status == 200
    assert caught.value.body_excerpt == payload.decode()


def test_truncated_answer_is_a_transport_error(fake: FakeBmlb, client: Client) -> None:
    fake.inject(Fault.truncated())
    with pytest.raises(errors.TransportError):
        client.unbind_bm_l4_listener_rs(**unbind_args((CPM, 1234)))
    # The request was carried out; only its answer was cut.
    assert len(fake.state.tasks) == 1
    (request_id,) = fake.state.tasks
    assert poll(client, request_id)[-1] == TaskStatus.SUCCEEDED


def test_times_applies_a_fault_to_that_many_requests(fake: FakeBmlb, client: Client) -> None:
    fake.inject(Fault.http_error(503), times=2)
    for _ in range(2):
        with pytest.raises(errors.HTTPStatusError) as caught:
            client.unbind_bm_l4_listener_rs(**unbind_args((CPM, 1234)))
        assert caught.value.http_status == 503
    assert fake.state.tasks == {}
    assert client.unbind_bm_l4_listener_rs(**unbind_args((CPM, 1234))).request_id  # normal again
    assert len(fake.requests) == 3


def test_a_fault_for_one_action_spares_the_others(fake: FakeBmlb, client: Client) -> None:
    fake.inject(Fault.http_error(502), action="UnbindBmL4ListenerRs")
    modify = client.modify_bm_l4_listener_backend_port(
        load_balancer_id=LB, listener_id=LISTENER, instance_id=CPM, port=1234, new_port=2345
    )
    assert poll(client, modify.request_id)[-1] == TaskStatus.SUCCEEDED
    with pytest.raises(errors.HTTPStatusError):
        client.unbind_bm_l4_listener_rs(**unbind_args((CPM, 2345)))
    request_id = client.unbind_bm_l4_listener_rs(**unbind_args((CPM, 2345))).request_id
    assert poll(client, request_id)[-1] == TaskStatus.SUCCEEDED
    assert fake.backends(LB, LISTENER) == [Binding(CPM, 8080), Binding(CPM2, 1234)]
