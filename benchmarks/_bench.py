"""What the benchmarks share: timing, the peers' interpreter, and the table they print.

Not a benchmark itself. Every benchmark module has ``run(quick) -> list[Row]`` (used by
``run_all.py``) and a ``main()`` that prints its own rows.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
#: The package measured (``BENCH_GENERATED``: another build of it, e.g. a "before").
GENERATED = Path(os.environ.get("BENCH_GENERATED", ROOT / "generated"))
#: The official SDKs live in their own venv (``benchmarks/setup_peers.sh``), never in ours.
PEERS = Path(os.environ.get("BENCH_PEERS", HERE / ".peers"))


def peers_python() -> Path | None:
    """The peers' interpreter, or None when ``setup_peers.sh`` has not been run."""
    python = PEERS / "bin" / "python"
    return python if python.exists() else None


def peer_bin(name: str) -> Path | None:
    path = PEERS / "bin" / name
    return path if path.exists() else None


def run_peer(script: str, *args: str, timeout: float = 300) -> dict[str, float] | None:
    """Run ``benchmarks/<script> --peer ARGS`` under the peers' interpreter; its last line of
    output is a JSON object of results. None when the peers are not installed or the peer
    failed (its error is printed)."""
    python = peers_python()
    if python is None:
        return None
    done = subprocess.run(
        [str(python), str(HERE / script), "--peer", *args],
        capture_output=True, text=True, timeout=timeout, cwd=str(HERE),
    )  # fmt: skip
    if done.returncode != 0:
        print(f"  peer {script} {' '.join(args)} failed:\n{done.stderr[-2000:]}", file=sys.stderr)
        return None
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


@contextlib.contextmanager
def served(
    seed: dict[str, object], secret_id: str, secret_key: str
) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """``python -m qcloud_bmlb.testing serve`` (of the package measured) in a process of its
    own, seeded with ``seed``: the process and its endpoint; stopped on leaving."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as fh:
        json.dump(seed, fh)
    fake = subprocess.Popen(
        [sys.executable, "-m", "qcloud_bmlb.testing", "serve", "--seed", fh.name,
         "--secret-id", secret_id, "--secret-key", secret_key],
        stdout=subprocess.PIPE, text=True, cwd=str(GENERATED),
    )  # fmt: skip
    try:
        assert fake.stdout is not None
        yield fake, fake.stdout.readline().split()[-1]
    finally:
        fake.terminate()
        fake.wait(timeout=10)
        Path(fh.name).unlink()


def per_call(call: Callable[[], object], calls: int, rounds: int = 9, warmup: int = 50) -> float:
    """The best over ``rounds`` of the mean seconds per call.

    The best, not the median: this machine (a VM on a shared host) has phases in which
    everything runs up to ~2x slower (the same loop measured 14 µs and 25 µs a call seconds
    apart, with nothing else running in the VM); each candidate's fastest round is the one
    least disturbed, and many short rounds give each a chance at an undisturbed one.
    """
    for _ in range(warmup):
        call()
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        for _ in range(calls):
            call()
        samples.append((time.perf_counter() - started) / calls)
    return min(samples)


@dataclass
class Row:
    """One measured figure, and (for the rows a target is about) its ratio to a baseline."""

    bench: str
    name: str
    value: float | None  # None: not measured (a peer missing)
    unit: str
    ratio: float | None = None  # value / baseline (or rate / baseline for rates)
    baseline: str = ""  # what the ratio is against
    target: str = ""  # e.g. "<= 0.20"
    note: str = ""

    @property
    def verdict(self) -> str:
        if not self.target:
            return ""
        if self.ratio is None:
            return "n/a"
        op, limit = self.target.split()
        ok = self.ratio <= float(limit) if op == "<=" else self.ratio >= float(limit)
        return "met" if ok else "MISSED"


def ratio_row(
    bench: str, name: str, value: float | None, unit: str, base: float | None,
    baseline: str, target: str = "", rate: bool = False, note: str = "",
) -> Row:  # fmt: skip
    """A row with its ratio to ``base`` (None when either is missing)."""
    ratio = None if value is None or not base else value / base
    return Row(bench, name, value, unit, ratio, baseline, target, note)


def fmt_value(value: float | None, unit: str) -> str:
    if value is None:
        return "missing"
    if unit in ("calls/s", "MB"):
        return f"{value:,.0f} {unit}"
    if value >= 100:
        return f"{value:,.0f} {unit}"
    return f"{value:.1f} {unit}" if value >= 10 else f"{value:.2f} {unit}"


def print_rows(rows: list[Row], markdown: bool = False) -> None:
    if markdown:
        print("| benchmark | candidate | measured | ratio | against | target | |")
        print("|---|---|---:|---:|---|---|---|")
        for r in rows:
            ratio = "" if r.ratio is None else f"{r.ratio:.3f}"
            name = r.name + (f" ({r.note})" if r.note else "")
            print(
                f"| {r.bench} | {name} | {fmt_value(r.value, r.unit)} | {ratio} | "
                f"{r.baseline} | {r.target} | {r.verdict} |"
            )
        return
    print(f"{'benchmark':11} {'candidate':52} {'measured':>14} {'ratio':>7}  target")
    for r in rows:
        ratio = "" if r.ratio is None else f"{r.ratio:.3f}"
        target = f"{r.target} {r.verdict}" if r.target else ""
        name = r.name + (f" ({r.note})" if r.note else "")
        print(f"{r.bench:11} {name:52} {fmt_value(r.value, r.unit):>14} {ratio:>7}  {target}")
