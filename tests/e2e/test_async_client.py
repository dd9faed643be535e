"""AsyncClient against the fake: every action, many calls in flight, waiting, cancellation."""

from __future__ import annotations

import asyncio

import pytest
from qcloud_bmlb import AsyncClient, Backend, Retry, TaskStatus, errors
from qcloud_bmlb.testing import FakeBmlb, Fault

LB, LISTENER = "lb-1", "lbl-1"


@pytest.fixture
def fake():
    with FakeBmlb() as fake:
        fake.add_load_balancer(LB)
        fake.add_listener(LB, LISTENER)
        for port in range(1, 301):
            fake.bind(LB, LISTENER, "cpm-1", port)
        yield fake


def client_of(fake: FakeBmlb, **options) -> AsyncClient:
    return AsyncClient(
        secret_id=fake.secret_id, secret_key=fake.secret_key, region=fake.region,
        endpoint=fake.endpoint, **options,
    )  # fmt: skip


@pytest.mark.parametrize("http_method", ["POST", "GET"])
def test_every_action(fake, http_method):
    async def scenario():
        async with client_of(fake, http_method=http_method) as client:
            first = await client.modify_bm_l4_listener_backend_port(
                load_balancer_id=LB, listener_id=LISTENER, instance_id="cpm-1", port=1,
                new_port=1001,
            )  # fmt: skip
            done = await client.wait_for_task(first.request_id, timeout=5, interval=0.01)
            assert done.status is TaskStatus.SUCCEEDED
            second = await client.modify_bm_l4_listener_backend_probe_port(
                load_balancer_id=LB, listener_id=LISTENER, instance_id="cpm-1", port=2,
                probe_port=9002,
            )  # fmt: skip
            await client.wait_for_task(second.request_id, timeout=5, interval=0.01)
            third = await client.unbind_bm_l4_listener_rs(
                load_balancer_id=LB, listener_id=LISTENER,
                backends=[Backend(instance_id="cpm-1", port=3)],
            )  # fmt: skip
            status = await client.describe_bm_load_balancers_task_result(
                request_id=third.request_id
            )
            assert status.status is TaskStatus.RUNNING
            await client.wait_for_task(third.request_id, timeout=5, interval=0.01)
            return first, second, third

    results = asyncio.run(scenario())
    assert len({r.request_id for r in results}) == 3
    bound = {(b.port, b.probe_port) for b in fake.backends(LB, LISTENER)}
    assert (1001, None) in bound and (2, 9002) in bound
    assert not any(port in (1, 3) for port, _ in bound)


def test_hundreds_of_calls_in_flight_each_get_their_own_answer(fake):
    """300 task polls at once, for 300 different tasks: each answer belongs to its call."""
    fake.task_polls = 0  # a task ends at its first poll

    async def scenario():
        async with client_of(fake, retries=0) as client:
            started = []
            for port in range(1, 301):
                # one load balancer runs one task at a time: finish each before the next
                result = await client.modify_bm_l4_listener_backend_probe_port(
                    load_balancer_id=LB, listener_id=LISTENER, instance_id="cpm-1",
                    port=port, probe_port=port + 10_000,
                )  # fmt: skip
                await client.describe_bm_load_balancers_task_result(request_id=result.request_id)
                started.append(result.request_id)
            fake.fail_next_task()  # the next task fails: its poll must say FAILED, alone
            failing = await client.modify_bm_l4_listener_backend_probe_port(
                load_balancer_id=LB, listener_id=LISTENER, instance_id="cpm-1", port=1,
                probe_port=1,
            )  # fmt: skip
            ids = [*started, failing.request_id]
            sequential = client._transport.connections_opened
            answers = await asyncio.gather(
                *(client.describe_bm_load_balancers_task_result(request_id=i) for i in ids)
            )
            return ids, answers, sequential

    ids, answers, sequential = asyncio.run(scenario())
    statuses = {i: a.status for i, a in zip(ids, answers, strict=True)}
    assert statuses[ids[-1]] is TaskStatus.FAILED
    assert all(statuses[i] is TaskStatus.SUCCEEDED for i in ids[:-1])
    assert [a.raw["data"]["status"] for a in answers].count(1) == 1
    assert sequential == 1  # 601 calls one after another shared one kept-alive connection
    assert {b.probe_port for b in fake.backends(LB, LISTENER)} == set(range(10_001, 10_301))


def test_cancelled_call_leaves_no_connection_behind(fake):
    fake.inject(Fault.delay(1.0))

    async def scenario():
        async with client_of(fake) as client:
            with pytest.raises(asyncio.TimeoutError):
                await asyncio.wait_for(
                    client.describe_bm_load_balancers_task_result(request_id=1), 0.1
                )
            idle = client._transport.idle_connections
            with pytest.raises(errors.ResourceNotFound):  # the next call works
                await client.describe_bm_load_balancers_task_result(request_id=1)
            return idle

    assert asyncio.run(scenario()) == 0


def test_same_errors_and_retries_as_the_sync_client(fake):
    fake.inject(Fault.http_error(503), times=2)

    async def scenario():
        async with client_of(fake, retries=Retry(attempts=3, backoff=0.001, cap=0.01)) as c:
            ok = await c.describe_bm_load_balancers_task_result(request_id=1)
            return ok

    with pytest.raises(errors.ResourceNotFound) as info:
        asyncio.run(scenario())
    assert info.value.attempts == 3  # two 503s retried; the third try got the API error
    assert len(fake.requests) == 3


def test_wait_true_and_task_failure(fake):
    fake.fail_next_task("UnbindBmL4ListenerRs")

    async def scenario():
        async with client_of(fake) as client:
            await client.unbind_bm_l4_listener_rs(
                load_balancer_id=LB, listener_id=LISTENER,
                backends=[Backend(instance_id="cpm-1", port=5)], wait=5,
            )  # fmt: skip

    with pytest.raises(errors.TaskFailedError):
        asyncio.run(scenario())
    assert 5 in {b.port for b in fake.backends(LB, LISTENER)}


def test_many_tasks_awaited_together_and_a_timeout(fake):
    """Tasks of different load balancers awaited at once; a task that never ends times out."""
    for n in range(5):
        fake.add_load_balancer(f"lb-x{n}")
        fake.add_listener(f"lb-x{n}", "lbl-x")
        fake.bind(f"lb-x{n}", "lbl-x", "cpm-x", 80)

    async def scenario():
        async with client_of(fake) as client:
            started = await asyncio.gather(
                *(
                    client.unbind_bm_l4_listener_rs(
                        load_balancer_id=f"lb-x{n}",
                        listener_id="lbl-x",
                        backends=[Backend(instance_id="cpm-x", port=80)],
                    )
                    for n in range(5)
                )
            )
            done = await asyncio.gather(
                *(client.wait_for_task(s.request_id, timeout=5, interval=0.01) for s in started)
            )
            fake.task_polls = 10_000
            stuck = await client.modify_bm_l4_listener_backend_probe_port(
                load_balancer_id=LB, listener_id=LISTENER, instance_id="cpm-1", port=7,
                probe_port=70,
            )  # fmt: skip
            with pytest.raises(errors.TaskTimeoutError) as info:
                await client.wait_for_task(stuck.request_id, timeout=0.2, interval=0.01)
            return done, info.value

    done, timeout_error = asyncio.run(scenario())
    assert all(d.status is TaskStatus.SUCCEEDED for d in done)
    assert all(fake.backends(f"lb-x{n}", "lbl-x") == [] for n in range(5))
    assert timeout_error.last_status is TaskStatus.RUNNING
