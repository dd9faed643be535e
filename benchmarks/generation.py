"""Generation: wall time, time per action and peak memory of ``python -m generator``.

    .venv/bin/python benchmarks/generation.py [--quick] [--sizes 100,1000]

For the real spec, and for synthetic specs of N actions written into a temp dir: the real
service and error files, and the real action files copied under new names (``Action`` becomes
``ActionN``) until there are N. Each generation runs in its own process, writing into a temp
dir; wall time is measured around it and peak memory is the child's ``ru_maxrss``
(``resource.getrusage(RUSAGE_CHILDREN)``, fresh per measurement since each runs in its own
short-lived measuring process).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _bench import ROOT, Row, print_rows, ratio_row

SPEC = ROOT / "spec"


def synthetic_spec(target: Path, actions: int) -> Path:
    """A copy of the real spec with ``actions`` action files (copies renamed)."""
    shutil.copytree(SPEC, target, ignore=shutil.ignore_patterns("actions", "*.md"))
    (target / "actions").mkdir()
    originals = sorted((SPEC / "actions").glob("*.yaml"))
    for i in range(actions):
        source = originals[i % len(originals)]
        name = source.stem
        if i < len(originals):
            shutil.copy(source, target / "actions" / source.name)
            continue
        new = f"{name}{i:04d}"
        text = source.read_text(encoding="utf-8")
        # The action's name wherever it stands for this action (its own field, examples).
        text = re.sub(rf"\b{name}\b", new, text)
        (target / "actions" / f"{new}.yaml").write_text(text, encoding="utf-8")
    return target


_MEASURE = """
import resource, subprocess, sys, time, json
started = time.perf_counter()
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
elapsed = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({"seconds": elapsed, "peak_mb": peak, "rc": done.returncode,
                  "err": done.stderr[-2000:]}))
"""


def generate(spec: Path, out: Path) -> dict[str, float]:
    cmd = [sys.executable, "-c", _MEASURE, sys.executable, "-m", "generator",
           "--spec", str(spec), "--out", str(out)]  # fmt: skip
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=str(ROOT), check=True)
    result: dict[str, float] = json.loads(done.stdout)
    if result["rc"] != 0:
        raise RuntimeError(f"generation failed: {result['err']}")
    return result


def run(quick: bool = False, sizes: tuple[int, ...] = (100, 1000)) -> list[Row]:
    rows: list[Row] = []
    per_action: dict[int, float] = {}
    real = len(list((SPEC / "actions").glob("*.yaml")))
    with tempfile.TemporaryDirectory(prefix="bmlb-gen-bench-") as tmp:
        root = Path(tmp)
        for label, count in [("real spec", real)] + [(f"{n} actions", n) for n in sizes]:
            spec = (
                SPEC
                if count == real and label == "real spec"
                else synthetic_spec(root / f"spec{count}", count)
            )
            result = generate(spec, root / f"out{count}")
            seconds = result["seconds"]
            per_action[count] = seconds / count
            rows.append(Row("generation", f"{label}: wall", seconds, "s"))
            rows.append(Row("generation", f"{label}: per action", seconds / count * 1000, "ms"))
            rows.append(Row("generation", f"{label}: peak memory", result["peak_mb"], "MB"))
    big, small = max(sizes), min(sizes)
    for row in rows:
        if row.name == f"{big} actions: wall":
            row.ratio, row.baseline, row.target = row.value / 20.0, "20 s", "<= 1.00"
        if row.name == f"{big} actions: peak memory":
            row.ratio, row.baseline, row.target = row.value / 300.0, "300 MB", "<= 1.00"
    rows.append(
        ratio_row(
            "generation",
            f"per action at {big} / at {small}",
            per_action[big],
            "s",
            per_action[small],
            f"per action at {small}",
            "<= 1.50",
        )
    )
    rows[-1].value = None if rows[-1].ratio is None else rows[-1].ratio
    rows[-1].unit = "×"
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="(same sizes; kept for run_all)")
    parser.add_argument("--sizes", default="100,1000")
    args = parser.parse_args()
    print_rows(run(args.quick, tuple(int(s) for s in args.sizes.split(","))))


if __name__ == "__main__":
    main()
