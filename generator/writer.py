"""Write ``generated/`` atomically (all files or none), or compare it with what it should be."""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

#: Left by running, testing or installing the package; never part of the output.
IGNORED_PARTS = frozenset({"__pycache__", ".mypy_cache", ".pytest_cache"})
IGNORED_SUFFIXES = (".pyc", ".egg-info")


@dataclass(frozen=True)
class Drift:
    added: tuple[str, ...]  # would be written, not on disk
    changed: tuple[str, ...]
    removed: tuple[str, ...]  # on disk, not produced any more

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)

    def lines(self) -> list[str]:
        return (
            [f"added    {p}" for p in self.added]
            + [f"changed  {p}" for p in self.changed]
            + [f"removed  {p}" for p in self.removed]
        )


def on_disk(out_dir: Path) -> dict[str, bytes]:
    if not out_dir.is_dir():
        return {}
    found: dict[str, bytes] = {}
    for path in sorted(out_dir.rglob("*")):
        rel = path.relative_to(out_dir)
        ignored = IGNORED_PARTS.intersection(rel.parts) or any(
            part.endswith(IGNORED_SUFFIXES) for part in rel.parts
        )
        if path.is_file() and not ignored:
            found[rel.as_posix()] = path.read_bytes()
    return found


def compare(out_dir: Path, files: dict[str, bytes]) -> Drift:
    current = on_disk(out_dir)
    return Drift(
        added=tuple(sorted(set(files) - set(current))),
        changed=tuple(sorted(p for p in files if p in current and current[p] != files[p])),
        removed=tuple(sorted(set(current) - set(files))),
    )


def write(out_dir: Path, files: dict[str, bytes]) -> Drift:
    """Replace ``out_dir`` with exactly ``files``; unchanged output is not touched.

    The new tree is written beside the old one and swapped in with two renames; if anything
    fails before the swap, the old tree is left as it was.
    """
    drift = compare(out_dir, files)
    if not drift:
        return drift
    parent = out_dir.resolve().parent
    parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.new-", dir=parent))
    old: Path | None = None
    try:
        for rel, data in files.items():
            target = staging / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        os.chmod(staging, 0o755)
        if out_dir.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.old-", dir=parent))
            os.rmdir(old)
            os.rename(out_dir, old)
        os.rename(staging, out_dir)
    except BaseException:
        if old is not None and not out_dir.exists():
            os.rename(old, out_dir)
            old = None
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    return drift
