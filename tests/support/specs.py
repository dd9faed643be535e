"""Copy the spec, edit it, generate into a temporary folder, import the result and probe it.

    spec = SpecCopy(tmp_path)                      # spec/ copied to tmp_path/spec
    spec.replace("errors.yaml", "code: 4000\\n", "code: 4001\\n")
    spec.write_action({"action": "CheckThing", ...})   # a dict is written as JSON (JSON is YAML)
    loaded = spec.load()                           # the IR (or SpecError)
    out = spec.generate()                          # python -m generator --spec ... --out ...
    done = out.probe("import qcloud_bmlb; print(qcloud_bmlb.__file__)")

``SpecCopy(tmp_path, only=(...))`` copies the service and error files and only the named action
files: a small spec in which a test's own action file is the one that matters.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator import ir
from generator.loader import load

ROOT = Path(__file__).resolve().parent.parent.parent
SPEC = ROOT / "spec"
TASK_ACTION = "DescribeBmLoadBalancersTaskResult"


def run_generator(*args: str | Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """``python -m generator ARGS`` from the project's root."""
    return subprocess.run(
        [sys.executable, "-m", "generator", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


class SpecCopy:
    """A copy of ``spec/`` (or of its service, errors and the ``only`` action files)."""

    def __init__(self, base: Path, name: str = "spec", only: tuple[str, ...] | None = None):
        self.base = base
        self.path = base / name
        if only is None:
            shutil.copytree(SPEC, self.path)
            return
        (self.path / "actions").mkdir(parents=True)
        for rel in ("service.yaml", "errors.yaml"):
            shutil.copy(SPEC / rel, self.path / rel)
        for action in only:
            shutil.copy(SPEC / "actions" / f"{action}.yaml", self.path / "actions")

    def __truediv__(self, rel: str) -> Path:
        return self.path / rel

    def read(self, rel: str) -> str:
        return (self.path / rel).read_text(encoding="utf-8")

    def write(self, rel: str, data: str | bytes) -> Path:
        target = self.path / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return target

    def replace(self, rel: str, old: str, new: str, count: int = 1) -> None:
        """Replace ``old`` (which must be there) by ``new`` in one file."""
        text = self.read(rel)
        assert old in text, (rel, old)
        self.write(rel, text.replace(old, new, count))

    def write_action(self, action: dict[str, Any] | str, name: str | None = None) -> Path:
        """An action file: a mapping (written as JSON, so every text is exact) or YAML text
        (``name`` then names the file)."""
        if isinstance(action, dict):
            name = name or action["action"]
            return self.write(
                f"actions/{name}.yaml", json.dumps(action, ensure_ascii=False, indent=2)
            )
        assert name is not None, "YAML text needs the action's name"
        return self.write(f"actions/{name}.yaml", action)

    def load(self) -> ir.Spec:
        return load(self.path)

    def generate(self, out: Path | None = None, *args: str) -> Generated:
        """Generate into ``out`` (default: a new folder beside the spec); fails the test when
        the generator does."""
        out = out or self.base / "out"
        done = run_generator("--spec", self.path, "--out", out, *args)
        assert done.returncode == 0, done.stderr
        return Generated(out)


@dataclass(frozen=True)
class Generated:
    """A generated tree (``qcloud_bmlb/`` and ``docs/``)."""

    out: Path

    @property
    def package(self) -> Path:
        return self.out / "qcloud_bmlb"

    def text(self, rel: str) -> str:
        return (self.out / rel).read_text(encoding="utf-8")

    def probe(
        self, code: str, *args: str, home: Path | None = None
    ) -> subprocess.CompletedProcess[str]:
        return probe(self.out, code, *args, home=home)


def probe(
    out: Path, code: str, *args: str, home: Path | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter that imports the package from ``out`` (not the
    project's), with no credentials in its environment and ``home`` as its home."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TENCENTCLOUD_")}
    env["PYTHONPATH"] = str(out)
    env["HOME"] = str(home or out)
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=out,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
    )
