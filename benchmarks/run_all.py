"""Every benchmark in one run, and one table of figures, ratios and targets.

    bash benchmarks/setup_peers.sh           # once: the official SDKs, in benchmarks/.peers
    .venv/bin/python benchmarks/run_all.py [--quick] [--markdown] [--only NAME,...]

Ratios are against baselines measured in the same run. A benchmark whose peer is missing
says so ("missing") and still measures ours. Benchmarks: overhead, loopback, async, startup,
generation, long-serve (each also runs alone: ``benchmarks/<name>.py``).
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import async_fake
import generation
import long_serve
import loopback
import overhead
import startup
from _bench import Row, peers_python, print_rows

BENCHMARKS = {
    "overhead": overhead.run,
    "loopback": loopback.run,
    "async": async_fake.run,
    "startup": startup.run,
    "generation": generation.run,
    "long-serve": long_serve.run,
}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="fewer calls and rounds")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    parser.add_argument("--only", help="comma-separated benchmark names")
    args = parser.parse_args()
    names = args.only.split(",") if args.only else list(BENCHMARKS)
    machine = f"{platform.machine()}, {_cpus()}, Python {platform.python_version()}"
    print(f"# {platform.node()}: {machine}")
    print(f"# peers: {peers_python() or 'missing (bash benchmarks/setup_peers.sh)'}")
    rows: list[Row] = []
    started = time.perf_counter()
    for name in names:
        began = time.perf_counter()
        rows += BENCHMARKS[name](args.quick)
        print(f"# {name}: {time.perf_counter() - began:.0f} s", file=sys.stderr, flush=True)
    print(f"# total {time.perf_counter() - started:.0f} s")
    print_rows(rows, markdown=args.markdown)
    missed = [r for r in rows if r.verdict == "MISSED"]
    print(f"# targets: {sum(r.verdict == 'met' for r in rows)} met, {len(missed)} missed")
    return 0


def _cpus() -> str:
    try:
        model = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
    except (OSError, StopIteration):
        model = platform.processor() or "?"
    import os

    return f"{os.cpu_count()} × {model}"


if __name__ == "__main__":
    sys.exit(main())
