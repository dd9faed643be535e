"""One client shared by 16 threads making 2,000 calls against the fake: every call answered
exactly once, with its own answer, over a handful of reused connections."""

from __future__ import annotations

import threading

from qcloud_bmlb import errors
from qcloud_bmlb.testing import FakeBmlb

THREADS = 16
CALLS = 2000


def test_shared_client_16_threads_2000_calls():
    per_thread = CALLS // THREADS
    outcomes: dict[int, tuple[int, str]] = {}  # request id -> (thread, what it got)
    problems: list[str] = []
    lock = threading.Lock()
    start = threading.Barrier(THREADS)

    with FakeBmlb() as fake, fake.client(retries=0) as client:

        def work(thread: int) -> None:
            start.wait()
            for i in range(per_thread):
                request_id = 1_000_000 + thread * per_thread + i
                try:
                    client.describe_bm_load_balancers_task_result(request_id=request_id)
                except errors.ApiError as exc:
                    # The fake names the task it was asked about: the answer's id must be ours.
                    got = exc.message
                    if exc.code != 5000 or got != f"task {request_id} does not exist":
                        with lock:
                            problems.append(f"{request_id}: {exc}")
                except BaseException as exc:  # anything else is a failure of the test
                    with lock:
                        problems.append(f"{request_id}: {type(exc).__name__}: {exc}")
                    return
                else:
                    with lock:
                        problems.append(f"{request_id}: answered success")
                    continue
                with lock:
                    outcomes[request_id] = (thread, got)

        threads = [threading.Thread(target=work, args=(t,)) for t in range(THREADS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=60)
        assert not any(t.is_alive() for t in threads)
        opened = client._transport.connections_opened

    print(f"{CALLS} calls from {THREADS} threads over {opened} connection(s)")
    assert problems == []
    assert len(outcomes) == CALLS  # every call answered
    # Every request reached the server exactly once (no retry, nothing lost or duplicated).
    sent = [int(r["requestId"]) for r in fake.requests]
    assert len(sent) == CALLS and sorted(sent) == sorted(outcomes)
    assert len({r["Nonce"] for r in fake.requests}) == CALLS
    # Connections are reused: at most one per thread, not one per call.
    assert 1 <= opened <= THREADS, opened
