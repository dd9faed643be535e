"""The layer-4 backends' actions through a real ``Client``: what each change does once its
task succeeds, the task knobs (``task_polls``, ``task_seconds``, ``fail_next_task``), and
the domain errors of the state."""

from __future__ import annotations

import asyncio
import time

import pytest
from qcloud_bmlb import Client, errors
from qcloud_bmlb.models import Backend, TaskStatus
from qcloud_bmlb.testing import Binding, FakeBmlb

from .helpers import (
    CPM,
    CPM2,
    LB,
    LISTENER,
    SEEDED,
    poll,
    unbind_args,
)

# -- 1. the actions and their tasks ---------------------------------------------------------------

WIRE = [("POST", "HmacSHA256"), ("POST", "HmacSHA1"), ("GET", "HmacSHA256"), ("GET", "HmacSHA1")]


@pytest.mark.parametrize(("http_method", "sign_method"), WIRE)
def test_modify_port_changes_state_only_when_the_task_succeeds(
    fake: FakeBmlb, http_method: str, sign_method: str
) -> None:
    with fake.client(http_method=http_method, sign_method=sign_method) as client:
        result = client.modify_bm_l4_listener_backend_port(
            load_balancer_id=LB, listener_id=LISTENER, instance_id=CPM, port=1234, new_port=2345
        )
        assert fake.backends(LB, LISTENER) == SEEDED  # accepted, not applied
        first = client.describe_bm_load_balancers_task_result(request_id=result.request_id)
        assert first.status == TaskStatus.RUNNING
        assert fake.backends(LB, LISTENER) == SEEDED
        second = client.describe_bm_load_balancers_task_result(request_id=result.request_id)
        assert second.status == TaskStatus.SUCCEEDED
    assert fake.backends(LB, LISTENER) == [
        Binding(CPM, 2345), Binding(CPM, 8080), Binding(CPM2, 1234)
    ]  # fmt: skip
    sent = fake.requests[0]
    assert sent["Action"] == "ModifyBmL4ListenerBackendPort"
    assert sent["SignatureMethod"] == sign_method
    assert sent["newPort"] == "2345"
    assert all("Signature" not in r for r in fake.requests)


@pytest.mark.parametrize(("http_method", "sign_method"), WIRE)
def test_modify_probe_port_changes_state_only_when_the_task_succeeds(
    fake: FakeBmlb, http_method: str, sign_method: str
) -> None:
    with fake.client(http_method=http_method, sign_method=sign_method) as client:
        result = client.modify_bm_l4_listener_backend_probe_port(
            load_balancer_id=LB, listener_id=LISTENER, instance_id=CPM2, port=1234, probe_port=9
        )
        assert fake.backends(LB, LISTENER) == SEEDED
        assert poll(client, result.request_id) == [TaskStatus.RUNNING, TaskStatus.SUCCEEDED]
    assert fake.backends(LB, LISTENER) == [
        Binding(CPM, 1234), Binding(CPM, 8080), Binding(CPM2, 1234, probe_port=9)
    ]  # fmt: skip


@pytest.mark.parametrize(("http_method", "sign_method"), WIRE)
def test_unbind_changes_state_only_when_the_task_succeeds(
    fake: FakeBmlb, http_method: str, sign_method: str
) -> None:
    with fake.client(http_method=http_method, sign_method=sign_method) as client:
        result = client.unbind_bm_l4_listener_rs(**unbind_args((CPM, 8080), (CPM2, 1234)))
        assert fake.backends(LB, LISTENER) == SEEDED
        assert poll(client, result.request_id) == [TaskStatus.RUNNING, TaskStatus.SUCCEEDED]
    assert fake.backends(LB, LISTENER) == [Binding(CPM, 1234)]
    (listener,) = [
        x for x in fake.snapshot()["load_balancers"][0]["listeners"] if x["id"] == LISTENER
    ]
    assert listener["backends"] == [
        {"instance_id": CPM, "port": 1234, "weight": 10, "status": "Alive"}
    ]


def test_task_polls_sets_how_many_polls_report_running(fake: FakeBmlb, client: Client) -> None:
    fake.task_polls = 3
    request_id = client.unbind_bm_l4_listener_rs(**unbind_args((CPM, 1234))).request_id
    statuses = []
    for _ in range(3):
        statuses.append(client.describe_bm_load_balancers_task_result(request_id=request_id).status)
        assert fake.backends(LB, LISTENER) == SEEDED
    assert statuses == [TaskStatus.RUNNING] * 3
    assert poll(client, request_id) == [TaskStatus.SUCCEEDED]
    assert Binding(CPM, 1234) not in fake.backends(LB, LISTENER)


def test_task_seconds_keeps_a_task_running_until_the_time_has_passed(
    fake: FakeBmlb, client: Client
) -> None:
    fake.task_seconds = 0.3
    started = time.monotonic()
    request_id = client.unbind_bm_l4_listener_rs(**unbind_args((CPM, 1234))).request_id
    statuses = []
    while True:
        status = client.describe_bm_load_balancers_task_result(request_id=request_id).status
        statuses.append(status)
        if status != TaskStatus.RUNNING:
            break
        assert fake.backends(LB, LISTENER) == SEEDED
        assert time.monotonic() - started < 5, "task never ended"
        time.sleep(0.05)
    assert status == TaskStatus.SUCCEEDED
    assert time.monotonic() - started >= 0.3
    assert len(statuses) >= 4  # polled every 50 ms for 0.3 s, more than task_polls=1
    assert Binding(CPM, 1234) not in fake.backends(LB, LISTENER)


def test_fail_next_task_fails_the_task_and_leaves_the_state(fake: FakeBmlb, client: Client) -> None:
    fake.fail_next_task()
    request_id = client.unbind_bm_l4_listener_rs(**unbind_args((CPM, 1234))).request_id
    assert poll(client, request_id) == [TaskStatus.RUNNING, TaskStatus.FAILED]
    assert client.describe_bm_load_balancers_task_result(request_id=request_id).status == (
        TaskStatus.FAILED
    )
    assert fake.backends(LB, LISTENER) == SEEDED
    # Only the next task fails, and a failed task does not keep the load balancer busy.
    request_id = client.unbind_bm_l4_listener_rs(**unbind_args((CPM, 1234))).request_id
    assert poll(client, request_id)[-1] == TaskStatus.SUCCEEDED
    assert Binding(CPM, 1234) not in fake.backends(LB, LISTENER)


def test_fail_next_task_of_one_action_spares_the_others(fake: FakeBmlb, client: Client) -> None:
    fake.fail_next_task(action="UnbindBmL4ListenerRs")
    modify = client.modify_bm_l4_listener_backend_port(
        load_balancer_id=LB, listener_id=LISTENER, instance_id=CPM, port=1234, new_port=2345
    )
    assert poll(client, modify.request_id)[-1] == TaskStatus.SUCCEEDED
    probe = client.modify_bm_l4_listener_backend_probe_port(
        load_balancer_id=LB, listener_id=LISTENER, instance_id=CPM, port=2345, probe_port=7
    )
    assert poll(client, probe.request_id)[-1] == TaskStatus.SUCCEEDED
    unbind = client.unbind_bm_l4_listener_rs(**unbind_args((CPM2, 1234)))
    assert poll(client, unbind.request_id)[-1] == TaskStatus.FAILED
    assert Binding(CPM2, 1234) in fake.backends(LB, LISTENER)
    again = client.unbind_bm_l4_listener_rs(**unbind_args((CPM2, 1234)))
    assert poll(client, again.request_id)[-1] == TaskStatus.SUCCEEDED
    assert fake.backends(LB, LISTENER) == [Binding(CPM, 2345, probe_port=7), Binding(CPM, 8080)]


def test_every_change_gets_a_new_request_id(fake: FakeBmlb, client: Client) -> None:
    ids = []
    for new_port in (2001, 2002, 2003, 2004):
        result = client.modify_bm_l4_listener_backend_port(
            load_balancer_id=LB, listener_id=LISTENER, instance_id=CPM2,
            port=new_port - 1 if new_port > 2001 else 1234, new_port=new_port,
        )  # fmt: skip
        assert isinstance(result.request_id, int)
        assert result.raw["requestId"] == result.request_id
        assert result.raw["code"] == 0
        ids.append(result.request_id)
        poll(client, result.request_id)
    assert len(set(ids)) == 4
    assert Binding(CPM2, 2004) in fake.backends(LB, LISTENER)


# -- 2. domain errors -----------------------------------------------------------------------------


def test_unknown_load_balancer_is_11041(fake: FakeBmlb, client: Client) -> None:
    with pytest.raises(errors.InvalidParameterCCDBLBNotExist) as caught:
        client.unbind_bm_l4_listener_rs(
            load_balancer_id="lb-nothere", listener_id=LISTENER,
            backends=[Backend(instance_id=CPM, port=1234)],
        )  # fmt: skip
    assert caught.value.code == 11041
    assert "lb-nothere" in caught.value.message
    assert fake.state.tasks == {}


def test_load_balancer_of_another_region_is_not_found(fake: FakeBmlb) -> None:
    fake.add_load_balancer("lb-beijing", region="bj")
    fake.add_listener("lb-beijing", "lbl-beijing", port=80)
    fake.bind("lb-beijing", "lbl-beijing", CPM, 1234)
    args = {
        "load_balancer_id": "lb-beijing", "listener_id": "lbl-beijing",
        "backends": [Backend(instance_id=CPM, port=1234)],
    }  # fmt: skip
    with fake.client() as guangzhou, pytest.raises(errors.InvalidParameterCCDBLBNotExist):
        guangzhou.unbind_bm_l4_listener_rs(**args)
    with fake.client(region="bj") as beijing:
        request_id = beijing.unbind_bm_l4_listener_rs(**args).request_id
        assert poll(beijing, request_id)[-1] == TaskStatus.SUCCEEDED
    assert fake.backends("lb-beijing", "lbl-beijing") == []


@pytest.mark.parametrize(("seeded", "asked"), [("ap-beijing", "bj"), ("bj", "ap-beijing")])
def test_a_region_alias_and_its_code_are_the_same_region(
    fake: FakeBmlb, seeded: str, asked: str
) -> None:
    fake.add_load_balancer("lb-beijing", region=seeded)
    fake.add_listener("lb-beijing", "lbl-beijing", port=80)
    fake.bind("lb-beijing", "lbl-beijing", CPM, 1234)
    with fake.client(region=asked) as beijing:
        beijing.modify_bm_l4_listener_backend_probe_port(
            load_balancer_id="lb-beijing", listener_id="lbl-beijing", instance_id=CPM,
            port=1234, probe_port=1235,
        )  # fmt: skip
    with (
        fake.client(region="ap-shanghai") as shanghai,
        pytest.raises(errors.InvalidParameterCCDBLBNotExist),
    ):
        shanghai.modify_bm_l4_listener_backend_probe_port(
            load_balancer_id="lb-beijing", listener_id="lbl-beijing", instance_id=CPM,
            port=1234, probe_port=1236,
        )  # fmt: skip


def test_unknown_listener_is_minus_12023(fake: FakeBmlb, client: Client) -> None:
    with pytest.raises(errors.InvalidL4ListenerNotExist) as caught:
        client.unbind_bm_l4_listener_rs(
            load_balancer_id=LB, listener_id="lbl-nothere",
            backends=[Backend(instance_id=CPM, port=1234)],
        )  # fmt: skip
    assert caught.value.code == -12023
    assert fake.state.tasks == {}


def test_unknown_backend_is_30011(fake: FakeBmlb, client: Client) -> None:
    with pytest.raises(errors.InvalidRsNotExist):
        client.unbind_bm_l4_listener_rs(**unbind_args((CPM, 1234), (CPM, 9999)))
    with pytest.raises(errors.InvalidRsNotExist):
        client.modify_bm_l4_listener_backend_port(
            load_balancer_id=LB, listener_id=LISTENER, instance_id="cpm-nothere", port=1234,
            new_port=2345,
        )  # fmt: skip
    with pytest.raises(errors.InvalidRsNotExist) as caught:
        client.modify_bm_l4_listener_backend_probe_port(
            load_balancer_id=LB, listener_id=LISTENER, instance_id=CPM2, port=8080, probe_port=9
        )
    assert caught.value.code == 30011
    assert fake.state.tasks == {}
    assert fake.backends(LB, LISTENER) == SEEDED  # the known backend of the batch stays too


def test_new_port_already_bound_is_minus_12022(fake: FakeBmlb, client: Client) -> None:
    with pytest.raises(errors.InvalidParameterInvalidMultiL4VportToRsport) as caught:
        client.modify_bm_l4_listener_backend_port(
            load_balancer_id=LB, listener_id=LISTENER, instance_id=CPM, port=1234, new_port=8080
        )
    assert caught.value.code == -12022
    assert fake.state.tasks == {}
    # The same port on another instance is not a conflict.
    client.modify_bm_l4_listener_backend_port(
        load_balancer_id=LB, listener_id=LISTENER, instance_id=CPM2, port=1234, new_port=8080
    )


def test_a_change_while_a_task_of_the_load_balancer_runs_is_12003(
    fake: FakeBmlb, client: Client
) -> None:
    fake.add_load_balancer("lb-other")
    fake.add_listener("lb-other", LISTENER)
    fake.bind("lb-other", LISTENER, CPM, 1234)
    fake.task_polls = 2
    first = client.unbind_bm_l4_listener_rs(**unbind_args((CPM, 1234))).request_id
    with pytest.raises(errors.IncorrectStatusLBWrongStatus) as caught:
        client.modify_bm_l4_listener_backend_probe_port(
            load_balancer_id=LB, listener_id=LISTENER, instance_id=CPM2, port=1234, probe_port=9
        )
    assert caught.value.code == 12003
    # Another load balancer is not blocked.
    other = client.unbind_bm_l4_listener_rs(
        load_balancer_id="lb-other", listener_id=LISTENER,
        backends=[Backend(instance_id=CPM, port=1234)],
    )  # fmt: skip
    assert client.describe_bm_load_balancers_task_result(request_id=first).status == (
        TaskStatus.RUNNING
    )
    with pytest.raises(errors.IncorrectStatusLBWrongStatus):
        client.unbind_bm_l4_listener_rs(**unbind_args((CPM2, 1234)))
    assert poll(client, first)[-1] == TaskStatus.SUCCEEDED
    assert poll(client, other.request_id)[-1] == TaskStatus.SUCCEEDED
    # Once the task has ended the load balancer takes changes again.
    client.unbind_bm_l4_listener_rs(**unbind_args((CPM2, 1234)))
    assert len(fake.state.tasks) == 3


def test_set_busy_answers_its_code_until_cleared(fake: FakeBmlb, client: Client) -> None:
    fake.set_busy(LB, -21001)
    with pytest.raises(errors.InvalidStatusLBInvalidStatus) as caught:
        client.unbind_bm_l4_listener_rs(**unbind_args((CPM, 1234)))
    assert caught.value.code == -21001
    fake.set_busy(LB)
    with pytest.raises(errors.IncorrectStatusLBWrongStatus):
        client.unbind_bm_l4_listener_rs(**unbind_args((CPM, 1234)))
    assert fake.state.tasks == {}
    fake.set_busy(LB, None)
    client.unbind_bm_l4_listener_rs(**unbind_args((CPM, 1234)))
    assert len(fake.state.tasks) == 1


def test_unknown_task_is_5000(client: Client) -> None:
    with pytest.raises(errors.ResourceNotFound) as caught:
        client.describe_bm_load_balancers_task_result(request_id=424242)
    assert caught.value.code == 5000
    assert "424242" in caught.value.message


def test_the_fakes_async_client(fake: FakeBmlb) -> None:
    async def main() -> list[TaskStatus]:
        async with fake.async_client(retries=0) as client:
            assert client.region == fake.region and client.endpoint.url == fake.endpoint
            changes = await asyncio.gather(*(
                client.modify_bm_l4_listener_backend_probe_port(
                    load_balancer_id=lb, listener_id=LISTENER, instance_id=CPM, port=1234,
                    probe_port=1235,
                )
                for lb in (LB, "lb-second1")
            ))  # fmt: skip
            return [
                (await client.wait_for_task(c.request_id, interval=0.01)).status for c in changes
            ]

    fake.add_load_balancer("lb-second1")
    fake.add_listener("lb-second1", LISTENER)
    fake.bind("lb-second1", LISTENER, CPM, 1234)
    assert asyncio.run(main()) == [TaskStatus.SUCCEEDED] * 2
    assert fake.backends(LB, LISTENER)[0] == Binding(CPM, 1234, probe_port=1235)
    assert fake.backends("lb-second1", LISTENER) == [Binding(CPM, 1234, probe_port=1235)]
