"""A long ``serve`` run stays flat: memory and time per call at the start and at the end of
100,000 calls against ``python -m qcloud_bmlb.testing serve``.

    .venv/bin/python benchmarks/long_serve.py [--calls N] [--mix full|basic] [--quick]

The fake runs in its own process; one keep-alive ``Client`` makes the calls, one after another,
in cycles that leave the state as they found it (so that what grows is the fake's own
bookkeeping, not the state a test asked for): ``full`` (default) binds a host port (its task
polled to the end), reads the listener's backends, changes the weight, unbinds (polled),
describes the listeners and a page of load balancers, and asks for a task that does not exist;
``basic`` uses the four actions the fake had first (a port change there and back, a probe
port, the task query), so that it runs against an older build too (``BENCH_GENERATED=DIR``).

Figures: the fake's resident memory (``VmRSS``) and the mean time per call over a window of
``N/10`` calls, at the start (after a warm-up of 10,000 calls: the request log, a ring of
10,000, is full by then) and at the end; ratios end / start. Flat is a ratio near 1.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _bench import GENERATED, Row, print_rows, ratio_row, served

SECRET_ID, KEY = "AKIDlongserve0123456789", "long-serve-secret-key-0123456789"
LB, LISTENER, CPM = "lb-longrun1", "lbl-longrun1", "cpm-longrun1"
#: Calls before the start is measured: as many as the request log's ring holds (FakeBmlb's
#: log_size), so that the ring is full by then.
WARM_UP = 10_000


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS")


def cycle(client: Any, mix: str) -> Iterator[Callable[[], object]]:
    """The calls of one cycle, endlessly (each a thunk), leaving the state unchanged."""
    from qcloud_bmlb import errors

    def until_done(start: Callable[[], Any]) -> Iterator[Callable[[], object]]:
        box: dict[str, int] = {}
        yield lambda: box.setdefault("id", start().request_id)
        yield lambda: client.describe_bm_load_balancers_task_result(request_id=box["id"])
        yield lambda: client.describe_bm_load_balancers_task_result(request_id=box["id"])

    def missing() -> None:
        try:
            client.describe_bm_load_balancers_task_result(request_id=999_999_999)
        except errors.ResourceNotFound:
            pass

    common = {"load_balancer_id": LB, "listener_id": LISTENER}
    while True:
        if mix == "basic":
            yield from until_done(lambda: client.modify_bm_l4_listener_backend_port(
                **common, instance_id=CPM, port=80, new_port=81))  # fmt: skip
            yield from until_done(lambda: client.modify_bm_l4_listener_backend_probe_port(
                **common, instance_id=CPM, port=81, probe_port=82))  # fmt: skip
            yield from until_done(lambda: client.modify_bm_l4_listener_backend_port(
                **common, instance_id=CPM, port=81, new_port=80))  # fmt: skip
            yield missing
            continue
        from qcloud_bmlb import Backend
        from qcloud_bmlb.models import BindBmL4ListenerRsBackend

        yield from until_done(lambda: client.bind_bm_l4_listener_rs(
            **common, backends=[BindBmL4ListenerRsBackend(instance_id=CPM, port=81, weight=10)]
        ))  # fmt: skip
        yield lambda: client.describe_bm_l4_listener_backends(**common)
        yield lambda: client.modify_bm_l4_listener_backend_weight(
            **common, instance_id=CPM, port=81, weight=20)  # fmt: skip
        yield from until_done(lambda: client.unbind_bm_l4_listener_rs(
            **common, backends=[Backend(instance_id=CPM, port=81)]))  # fmt: skip
        yield lambda: client.describe_bm_listeners(load_balancer_id=LB)
        yield lambda: client.describe_bm_load_balancers(limit=10)
        yield missing


def measure(calls: int, mix: str) -> dict[str, float]:
    sys.path.insert(0, str(GENERATED))
    from qcloud_bmlb import Client

    seed = {
        "load_balancers": [
            {"id": LB, "listeners": [{"id": LISTENER, "port": 80,
                                       "backends": [{"instance_id": CPM, "port": 80}]}]},
            *({"id": f"lb-other{n:03d}"} for n in range(30)),
        ]
    }  # fmt: skip
    with served(seed, SECRET_ID, KEY) as (fake, endpoint):
        window = max(calls // 10, 1)
        out: dict[str, float] = {}
        with Client(secret_id=SECRET_ID, secret_key=KEY, region="ap-guangzhou",
                    endpoint=endpoint, retries=0) as client:  # fmt: skip
            calls_left = cycle(client, mix)
            done = 0

            def run(n: int) -> float:
                nonlocal done
                started = time.perf_counter()
                for _ in range(n):
                    next(calls_left)()
                done += n
                return (time.perf_counter() - started) / n

            run(WARM_UP)
            out["start_rss"] = rss_kib(fake.pid)
            out["start_call"] = run(window)
            run(calls - WARM_UP - 2 * window)
            out["end_call"] = run(window)
            out["end_rss"] = rss_kib(fake.pid)
            out["calls"] = done
        return out


def run(quick: bool = False, calls: int = 100_000, mix: str = "full") -> list[Row]:
    calls = 20_000 if quick else calls
    got = measure(calls, mix)
    name = f"{mix} mix, {int(got['calls']):,} calls"
    start_rss, end_rss = got["start_rss"] / 1024, got["end_rss"] / 1024
    start_call, end_call = got["start_call"] * 1e6, got["end_call"] * 1e6
    return [
        ratio_row("long serve", f"RSS, start ({name})", start_rss, "MiB", start_rss, "start"),
        ratio_row("long serve", f"RSS, end ({name})", end_rss, "MiB", start_rss, "start",
                  "<= 1.10"),
        ratio_row("long serve", f"per call, start ({name})", start_call, "µs", start_call,
                  "start"),
        ratio_row("long serve", f"per call, end ({name})", end_call, "µs", start_call, "start",
                  "<= 1.10"),
    ]  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="20,000 calls")
    parser.add_argument("--calls", type=int, default=100_000)
    parser.add_argument("--mix", choices=("full", "basic"), default="full")
    args = parser.parse_args()
    print_rows(run(args.quick, args.calls, args.mix))


if __name__ == "__main__":
    main()
