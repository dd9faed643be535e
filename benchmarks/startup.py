"""Import time and command-line start-up, in fresh interpreters.

    .venv/bin/python benchmarks/startup.py [--quick]

- ``import qcloud_bmlb`` (and ``from qcloud_bmlb import Client``) versus the 3.0 SDK's bmlb
  client (``from tencentcloud.bmlb.v20180625 import bmlb_client``, peers' venv);
- the command line: ``qcloud-bmlb --help`` and ``qcloud-bmlb unbind-bm-l4-listener-rs
  --help`` versus ``tccli bmlb help`` and ``tccli bmlb UnbindL4Backends help`` (the 3.0
  API's unbind); the same two for a package of 40 synthetic actions
  (``generation.synthetic_spec``: what building the parser costs as the spec grows); one
  call against the fake.

Each import figure is the median wall time of N runs of a fresh process (``python -c``),
minus the bare interpreter's start-up (``python -c pass``) measured in the same run with the
same interpreter, so that the figure is the import's own cost. The command-line figures are
whole processes, the candidates run in turn (the VM has slow phases), each keeping its best;
bytecode caches are allowed on both sides, as users have them (``PYTHONDONTWRITEBYTECODE``
is dropped from their environment).
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

from _bench import GENERATED, ROOT, Row, peer_bin, peers_python, print_rows, ratio_row

SECRET_ID, KEY = "AKIDbench0123456789", "bench-secret-key-0123456789"


def wall(
    cmd: list[str], runs: int, env: dict[str, str] | None = None, ok: tuple[int, ...] = (0,)
) -> float:
    """Median seconds of ``runs`` runs of ``cmd`` (after one unmeasured run)."""
    samples = [timed(cmd, env, GENERATED, ok) for _ in range(runs + 1)]
    return statistics.median(samples[1:])


def timed(cmd: list[str], env: dict[str, str] | None, cwd: Path, ok: tuple[int, ...]) -> float:
    """Seconds one run of ``cmd`` took; RuntimeError if it ended otherwise than ``ok``."""
    started = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, env=env, cwd=str(cwd))
    elapsed = time.perf_counter() - started
    if done.returncode not in ok:
        raise RuntimeError(f"{cmd} failed: {done.stderr.decode()[-500:]}")
    return elapsed


def run(quick: bool = False) -> list[Row]:
    runs = 7 if quick else 21
    ours_py = sys.executable
    bare = wall([ours_py, "-c", "pass"], runs)
    imp = wall([ours_py, "-c", "import qcloud_bmlb"], runs) - bare
    imp_client = wall([ours_py, "-c", "from qcloud_bmlb import Client"], runs) - bare
    peer = peers_python()
    sdk_imp = None
    if peer is not None:
        peer_bare = wall([str(peer), "-c", "pass"], runs)
        sdk_imp = (
            wall([str(peer), "-c", "from tencentcloud.bmlb.v20180625 import bmlb_client"], runs)
            - peer_bare
        )
    ms = 1000.0
    sdk_ms = None if sdk_imp is None else sdk_imp * ms
    return [
        ratio_row("import", "3.0 SDK bmlb_client", sdk_ms, "ms", sdk_ms, "3.0 SDK"),
        ratio_row("import", "import qcloud_bmlb", imp * ms, "ms", sdk_ms, "3.0 SDK", "<= 0.25"),
        ratio_row(
            "import",
            "from qcloud_bmlb import Client",
            imp_client * ms,
            "ms",
            sdk_ms,
            "3.0 SDK",
            "<= 0.25",
        ),
        *cli_rows(quick),
    ]


# -- the command line ------------------------------------------------------------------------


def with_caches(env: dict[str, str] | None = None) -> dict[str, str]:
    """``env`` (default: this one) with bytecode caches allowed, as users have them."""
    out = dict(os.environ if env is None else env)
    out.pop("PYTHONDONTWRITEBYTECODE", None)
    return out


#: A command, its environment, the folder it runs in, and the exit statuses it may end with.
Candidate = tuple[list[str], dict[str, str], Path, tuple[int, ...]]


def best_of_turns(candidates: dict[str, Candidate], runs: int) -> dict[str, float]:
    """Each candidate's best wall time over ``runs`` turns, after one unmeasured turn (which
    also writes the bytecode caches). In each turn the candidates run one after the other, so
    that a slow phase of the machine falls on all of them alike."""
    best = dict.fromkeys(candidates, float("inf"))
    for turn in range(runs + 1):
        for name, (cmd, env, cwd, ok) in candidates.items():
            elapsed = timed(cmd, env, cwd, ok)
            if turn:
                best[name] = min(best[name], elapsed)
    return best


def grown_package(folder: Path, actions: int = 40) -> tuple[Path, str]:
    """A package generated from ``actions`` synthetic actions shaped like Tencent's pages
    (``generation.synthetic_spec``), and the name of one of its commands."""
    from generation import synthetic_spec

    out = folder / "out"
    done = subprocess.run(
        [sys.executable, "-m", "generator", "--spec", str(synthetic_spec(folder, actions)),
         "--out", str(out)],
        cwd=str(ROOT), capture_output=True, text=True,
    )  # fmt: skip
    if done.returncode != 0:
        raise RuntimeError(f"generating {actions} actions failed: {done.stderr[-500:]}")
    command = subprocess.run(
        [sys.executable, "-c", "from qcloud_bmlb import cli; print(cli.TOOL.commands[0].name)"],
        env={**os.environ, "PYTHONPATH": str(out)}, cwd=str(out), capture_output=True, text=True,
        check=True,
    ).stdout.strip()  # fmt: skip
    return out, command


def cli_rows(quick: bool) -> list[Row]:
    """``qcloud-bmlb --help`` and a command's ``--help`` (for the spec's actions, and for 40),
    one call to the fake, and tccli's start-up and help."""
    import tempfile

    runs = 5 if quick else 15
    env = with_caches()
    cli = Path(sys.executable).parent / "qcloud-bmlb"
    ours = [str(cli)] if cli.exists() else [sys.executable, "-m", "qcloud_bmlb.cli"]
    module = [sys.executable, "-m", "qcloud_bmlb.cli"]
    candidates: dict[str, Candidate] = {
        "--help": ([*ours, "--help"], env, GENERATED, (0,)),
        "command --help": ([*ours, "unbind-bm-l4-listener-rs", "--help"], env, GENERATED, (0,)),
    }
    tccli = peer_bin("tccli")
    if tccli is not None:
        candidates["tccli --version"] = ([str(tccli), "--version"], env, GENERATED, (0,))
        candidates["tccli bmlb help"] = ([str(tccli), "bmlb", "help"], env, GENERATED, (0,))
        candidates["tccli action help"] = (
            [str(tccli), "bmlb", "UnbindL4Backends", "help"], env, GENERATED, (0,),
        )  # fmt: skip
    # One call against the fake (in its own process): task 1 does not exist, so the answer is
    # an API error (exit 4), still a whole call.
    fake = subprocess.Popen(
        [sys.executable, "-m", "qcloud_bmlb.testing", "serve", "--secret-id", SECRET_ID,
         "--secret-key", KEY], stdout=subprocess.PIPE, text=True, cwd=str(GENERATED),
    )  # fmt: skip
    try:
        with tempfile.TemporaryDirectory(prefix="qcloud-bmlb-startup-") as tmp:
            assert fake.stdout is not None
            endpoint = fake.stdout.readline().split()[-1]
            keys = {"TENCENTCLOUD_SECRET_ID": SECRET_ID, "TENCENTCLOUD_SECRET_KEY": KEY,
                    "TENCENTCLOUD_REGION": "ap-guangzhou"}  # fmt: skip
            candidates["call"] = (
                [*ours, "--endpoint", endpoint, "describe-bm-load-balancers-task-result",
                 "--request-id", "1"], {**env, **keys}, GENERATED, (4,),
            )  # fmt: skip
            grown, command = grown_package(Path(tmp))
            grown_env = with_caches({**os.environ, "PYTHONPATH": str(grown)})
            candidates["--help, 40"] = ([*module, "--help"], grown_env, grown, (0,))
            candidates["command --help, 40"] = (
                [*module, command, "--help"], grown_env, grown, (0,),
            )  # fmt: skip
            best = best_of_turns(candidates, runs)
    finally:
        fake.terminate()
        fake.wait()

    def ms(name: str) -> float | None:
        return best[name] * 1000.0 if name in best else None

    version, help_, action = ms("tccli --version"), ms("tccli bmlb help"), ms("tccli action help")
    target = "<= 0.25"
    return [
        ratio_row("cli", "tccli --version", version, "ms", version, "tccli --version"),
        ratio_row("cli", "tccli bmlb help", help_, "ms", version, "tccli --version"),
        ratio_row(
            "cli", "tccli bmlb UnbindL4Backends help", action, "ms", version, "tccli --version"
        ),
        ratio_row(
            "cli", "qcloud-bmlb --help", ms("--help"), "ms", version, "tccli --version", target
        ),
        ratio_row(
            "cli", "qcloud-bmlb --help", ms("--help"), "ms", help_, "tccli bmlb help", target
        ),
        ratio_row(
            "cli",
            "qcloud-bmlb unbind-bm-l4-listener-rs --help",
            ms("command --help"),
            "ms",
            action,
            "tccli action help",
            target,
        ),
        ratio_row(
            "cli",
            "qcloud-bmlb --help, 40 actions",
            ms("--help, 40"),
            "ms",
            help_,
            "tccli bmlb help",
            target,
        ),
        ratio_row(
            "cli",
            "qcloud-bmlb COMMAND --help, 40 actions",
            ms("command --help, 40"),
            "ms",
            action,
            "tccli action help",
            target,
        ),
        ratio_row(
            "cli", "qcloud-bmlb, one call to the fake", ms("call"), "ms", version, "tccli --version"
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="fewer runs")
    args = parser.parse_args()
    print_rows(run(args.quick))


if __name__ == "__main__":
    main()
