"""Import time and command-line start-up, in fresh interpreters.

    .venv/bin/python benchmarks/startup.py [--quick]

- ``import qcloud_bmlb`` (and ``from qcloud_bmlb import Client``) versus the 3.0 SDK's bmlb
  client (``from tencentcloud.bmlb.v20180625 import bmlb_client``, peers' venv);
- ``qcloud-bmlb --help`` and one call against the fake versus ``tccli --version`` and
  ``tccli bmlb help``.

Each figure is the median wall time of N runs of a fresh process (imports: ``python -c``),
minus the bare interpreter's start-up (``python -c pass``) measured in the same run with the
same interpreter, so that the figure is the import's own cost.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _bench import GENERATED, Row, peer_bin, peers_python, print_rows, ratio_row

SECRET_ID, KEY = "AKIDbench0123456789", "bench-secret-key-0123456789"


def wall(
    cmd: list[str], runs: int, env: dict[str, str] | None = None, ok: tuple[int, ...] = (0,)
) -> float:
    """Median seconds of ``runs`` runs of ``cmd`` (after one unmeasured run)."""
    samples = []
    for i in range(runs + 1):
        started = time.perf_counter()
        done = subprocess.run(cmd, capture_output=True, env=env, cwd=str(GENERATED))
        elapsed = time.perf_counter() - started
        if done.returncode not in ok:
            raise RuntimeError(f"{cmd} failed: {done.stderr.decode()[-500:]}")
        if i:
            samples.append(elapsed)
    return statistics.median(samples)


def run(quick: bool = False) -> list[Row]:
    runs = 7 if quick else 21
    ours_py = sys.executable
    bare = wall([ours_py, "-c", "pass"], runs)
    imp = wall([ours_py, "-c", "import qcloud_bmlb"], runs) - bare
    imp_client = wall([ours_py, "-c", "from qcloud_bmlb import Client"], runs) - bare
    cli = str(Path(ours_py).parent / "qcloud-bmlb")
    cli_cmd = [cli] if Path(cli).exists() else [ours_py, "-m", "qcloud_bmlb.cli"]
    cli_help = wall([*cli_cmd, "--help"], runs)

    # One call against the fake (in its own process) from the command line.
    fake = subprocess.Popen(
        [ours_py, "-m", "qcloud_bmlb.testing", "serve", "--secret-id", SECRET_ID,
         "--secret-key", KEY], stdout=subprocess.PIPE, text=True, cwd=str(GENERATED),
    )  # fmt: skip
    try:
        assert fake.stdout is not None
        endpoint = fake.stdout.readline().split()[-1]
        env = {**os.environ, "TENCENTCLOUD_SECRET_ID": SECRET_ID, "TENCENTCLOUD_SECRET_KEY": KEY,
               "TENCENTCLOUD_REGION": "ap-guangzhou"}  # fmt: skip
        # Task 1 does not exist: the answer is an API error (exit 4), still a whole call.
        cli_call = wall([*cli_cmd, "--endpoint", endpoint, "describe-bm-load-balancers-task-result",
                         "--request-id", "1"], max(3, runs // 3), env, ok=(4,))  # fmt: skip
    except RuntimeError as exc:
        print(f"  qcloud-bmlb call: {exc}", file=sys.stderr)
        cli_call = None
    finally:
        fake.terminate()
        fake.wait()

    peer = peers_python()
    sdk_imp = tccli_version = tccli_help = None
    if peer is not None:
        peer_bare = wall([str(peer), "-c", "pass"], runs)
        sdk_imp = (
            wall([str(peer), "-c", "from tencentcloud.bmlb.v20180625 import bmlb_client"], runs)
            - peer_bare
        )
        tccli = peer_bin("tccli")
        if tccli is not None:
            tccli_version = wall([str(tccli), "--version"], max(3, runs // 3))
            tccli_help = wall([str(tccli), "bmlb", "help"], max(3, runs // 3))
    ms = 1000.0
    sdk_ms = None if sdk_imp is None else sdk_imp * ms
    ver_ms = None if tccli_version is None else tccli_version * ms
    return [
        ratio_row("import", "3.0 SDK bmlb_client", sdk_ms, "ms", sdk_ms, "3.0 SDK"),
        ratio_row("import", "import qcloud_bmlb", imp * ms, "ms", sdk_ms, "3.0 SDK", "<= 0.25"),
        ratio_row(
            "import", "from qcloud_bmlb import Client", imp_client * ms, "ms", sdk_ms, "3.0 SDK"
        ),
        ratio_row("cli", "tccli --version", ver_ms, "ms", ver_ms, "tccli --version"),
        ratio_row(
            "cli",
            "tccli bmlb help",
            None if tccli_help is None else tccli_help * ms,
            "ms",
            ver_ms,
            "tccli --version",
        ),
        ratio_row(
            "cli", "qcloud-bmlb --help", cli_help * ms, "ms", ver_ms, "tccli --version", "<= 0.25"
        ),
        ratio_row(
            "cli",
            "qcloud-bmlb, one call to the fake",
            None if cli_call is None else cli_call * ms,
            "ms",
            ver_ms,
            "tccli --version",
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="fewer runs")
    args = parser.parse_args()
    print_rows(run(args.quick))


if __name__ == "__main__":
    main()
