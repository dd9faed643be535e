"""Async throughput: many calls in flight against the fake versus one by one with ``Client``.

    .venv/bin/python benchmarks/async_fake.py [--quick] [--calls N] [--in-flight K]

The fake BM load balancer (``python -m qcloud_bmlb.testing serve``) runs in its own process,
seeded with K load balancers; one probe-port change per load balancer starts K tasks. Then
N calls (default 2,000) of DescribeBmLoadBalancersTaskResult, spread over the K tasks, are made
by ``AsyncClient`` with K (default 64) in flight, and the same N calls one by one by the sync
``Client``. Figure: calls per second, best of 5 rounds (sync and async rounds alternate);
ratio: async over sync.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _bench import GENERATED, Row, print_rows, ratio_row, served

SECRET_ID, KEY = "AKIDbench0123456789", "bench-secret-key-0123456789"


def run(quick: bool = False, calls: int = 2000, in_flight: int = 64) -> list[Row]:
    sys.path.insert(0, str(GENERATED))
    from qcloud_bmlb import AsyncClient, Client

    rounds = 2 if quick else 5
    seed = {"load_balancers": [
        {"id": f"lb-{i:08d}", "listeners": [
            {"id": "lbl-1", "backends": [{"instance_id": "cpm-1", "port": 80}]}]}
        for i in range(in_flight)
    ]}  # fmt: skip
    with served(seed, SECRET_ID, KEY) as (fake, endpoint):
        options = {"secret_id": SECRET_ID, "secret_key": KEY, "region": "ap-guangzhou",
                   "endpoint": endpoint}  # fmt: skip
        client = Client(**options)
        tasks = [
            client.modify_bm_l4_listener_backend_probe_port(
                load_balancer_id=f"lb-{i:08d}", listener_id="lbl-1", instance_id="cpm-1",
                port=80, probe_port=81,
            ).request_id
            for i in range(in_flight)
        ]  # fmt: skip

        def sync_round() -> float:
            started = time.perf_counter()
            for i in range(calls):
                client.describe_bm_load_balancers_task_result(request_id=tasks[i % in_flight])
            return calls / (time.perf_counter() - started)

        async def async_round(aclient: AsyncClient) -> float:
            left = list(range(calls))

            async def worker() -> None:
                while left:
                    i = left.pop()
                    await aclient.describe_bm_load_balancers_task_result(
                        request_id=tasks[i % in_flight]
                    )

            started = time.perf_counter()
            await asyncio.gather(*(worker() for _ in range(in_flight)))
            return calls / (time.perf_counter() - started)

        # Rounds alternate sync and async, and each keeps its best: the machine's slow phases
        # (see _bench.per_call) then fall on both alike.
        loop = asyncio.new_event_loop()
        aclient = AsyncClient(**options)
        try:
            loop.run_until_complete(async_round(aclient))  # opens the connections
            sync_rate = async_rate = 0.0
            # CPU per call of this process (the client) and of the fake, over all rounds.
            cpu = {"sync": [0.0, 0.0], "async": [0.0, 0.0]}
            for _ in range(rounds):
                mark = _cpu(fake.pid)
                sync_rate = max(sync_rate, sync_round())
                after = _cpu(fake.pid)
                cpu["sync"] = _spent(cpu["sync"], mark, after)
                rate = loop.run_until_complete(async_round(aclient))
                mark, after = after, _cpu(fake.pid)
                cpu["async"] = [
                    c + b - a for c, a, b in zip(cpu["async"], mark, after, strict=True)
                ]
                async_rate = max(async_rate, rate)
        finally:
            loop.run_until_complete(aclient.close())
            loop.close()
            client.close()
    return [
        ratio_row(
            "async", f"Client, {calls} calls one by one", sync_rate, "calls/s", sync_rate, "sync"
        ),
        ratio_row(
            "async",
            f"AsyncClient, {in_flight} in flight",
            async_rate,
            "calls/s",
            sync_rate,
            "sync",
            ">= 4",
        ),
        *(
            Row("async", f"CPU per call, {who}, {mode}", seconds / (calls * rounds) * 1e6, "µs")
            for mode, (client_cpu, fake_cpu) in cpu.items()
            for who, seconds in (("client", client_cpu), ("fake", fake_cpu))
            if seconds >= 0
        ),
    ]


def _spent(total: list[float], mark: tuple[float, ...], after: tuple[float, ...]) -> list[float]:
    """``total`` plus what each process spent between two ``_cpu`` readings."""
    return [t + b - a for t, a, b in zip(total, mark, after, strict=True)]


def _cpu(pid: int) -> tuple[float, float]:
    """CPU seconds (user + system) used so far by this process and by process ``pid`` (from
    /proc; -1e9 where it cannot be read, which drops the row)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        other = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        other = -1e9
    return own.ru_utime + own.ru_stime, other


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="fewer rounds")
    parser.add_argument("--calls", type=int, default=2000)
    parser.add_argument("--in-flight", type=int, default=64)
    args = parser.parse_args()
    print_rows(run(args.quick, args.calls, args.in_flight))


if __name__ == "__main__":
    main()
