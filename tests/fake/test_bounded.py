"""What keeps a long-running fake flat: the request log is a ring, the replay memory keeps only
Timestamps inside the ±2 h window, ended tasks are forgotten past a bound, and a change finds
its load balancer's running task without looking at the others. (The 100,000-call run of
``serve`` is ``benchmarks/long_serve.py``.)"""

from __future__ import annotations

import time

import pytest
from qcloud_bmlb import errors
from qcloud_bmlb.testing import DEFAULT_SEED, FakeBmlb, _state

from .helpers import call_raw, send_raw, signed_params


def test_the_request_log_keeps_the_latest_log_size_requests() -> None:
    with FakeBmlb(log_size=3) as fake, fake.client(retries=0) as client:
        for request_id in range(1, 8):
            with pytest.raises(errors.ResourceNotFound):
                client.describe_bm_load_balancers_task_result(request_id=request_id)
        assert [r["requestId"] for r in fake.requests] == ["5", "6", "7"]


def test_the_replay_memory_forgets_timestamps_outside_the_window() -> None:
    now = [time.time()]
    with FakeBmlb(seed=DEFAULT_SEED, clock=lambda: now[0]) as fake:
        for _ in range(5):
            assert call_raw(fake, "DescribeBmLoadBalancersTaskResult", {"requestId": "1"},
                            timestamp=int(now[0]))["code"] == 5000  # fmt: skip
        assert fake._auth.remembered == 5
        now[0] += 3600  # the requests' Timestamp is still inside the window: kept
        replay = signed_params(fake, "DescribeBmLoadBalancersTaskResult", {"requestId": "1"},
                               timestamp=int(now[0]))  # fmt: skip
        assert send_raw(fake, replay)["code"] == 5000
        assert fake._auth.remembered == 6
        now[0] += 3601  # the first five are outside it now (and refused by the clock anyway)
        assert send_raw(fake, signed_params(
            fake, "DescribeBmLoadBalancersTaskResult", {"requestId": "1"}, timestamp=int(now[0])
        ))["code"] == 5000  # fmt: skip
        assert fake._auth.remembered == 2
        assert send_raw(fake, replay)["code"] == 4500  # the one still inside is still refused


def test_ended_tasks_are_forgotten_past_a_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_state, "MAX_ENDED_TASKS", 10)
    fake = FakeBmlb(seed=DEFAULT_SEED)
    fake.task_polls = 0
    state = fake.state
    ids = []
    for _ in range(40):
        with state.lock:
            ids.append(state.start("lb-abcdefgh", "ModifyBmL4ListenerBackendWeight", lambda: None))
            assert state.task_result(ids[-1]) == _state.SUCCEEDED
    assert len(state.tasks) <= 11
    assert ids[-1] in state.tasks  # the latest are kept
    with pytest.raises(_state.FakeApiError) as caught:
        state.task_result(ids[0])
    assert caught.value.code == 5000


def test_a_change_looks_only_at_its_own_load_balancers_task() -> None:
    fake = FakeBmlb(seed={"load_balancers": [{"id": f"lb-{n:08d}"} for n in range(3)]})
    state = fake.state
    with state.lock:
        running = state.start("lb-00000001", "DeleteBmLoadBalancers", lambda: None)
        state.changing("ap-guangzhou", "lb-00000000")  # another load balancer: not busy
        with pytest.raises(_state.FakeApiError) as caught:
            state.changing("ap-guangzhou", "lb-00000001")
        assert caught.value.code == 12003 and str(running) in caught.value.message
