"""``python -m generator``: render ``generated/`` from ``spec/``; ``--check`` reports drift.

``python -m generator import-doc PAGE.md ...`` compares Tencent doc pages with the spec.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import tomllib

from .loader import SpecError, load
from .render import RenderError, render
from .writer import compare, write

ROOT = Path(__file__).resolve().parent.parent


def project_version(pyproject: Path) -> str:
    with pyproject.open("rb") as fh:
        return str(tomllib.load(fh)["project"]["version"])


def main(argv: list[str] | None = None) -> int:
    args_in = sys.argv[1:] if argv is None else argv
    if args_in[:1] == ["import-doc"]:
        from .importdoc import main as import_doc

        return import_doc(args_in[1:])
    parser = argparse.ArgumentParser(
        prog="python -m generator",
        description=__doc__,
        epilog="python -m generator import-doc PAGE.md [...] [--write | --check]: compare "
        "Tencent doc pages with the spec (see --help there)",
    )
    parser.add_argument("--spec", type=Path, default=ROOT / "spec", help="the spec folder")
    parser.add_argument("--out", type=Path, default=ROOT / "generated", help="the output folder")
    parser.add_argument(
        "--version", dest="pkg_version", help="package version (default: pyproject.toml's)"
    )
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if out differs")
    args = parser.parse_args(argv)

    try:
        spec = load(args.spec)
    except SpecError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"{len(exc.problems)} problem(s) in the spec; nothing written", file=sys.stderr)
        return 1
    try:
        version = args.pkg_version or project_version(ROOT / "pyproject.toml")
        files = render(spec, version)
    except (RenderError, OSError, KeyError) as exc:
        print(f"generation failed: {exc}; nothing written", file=sys.stderr)
        return 1
    shown = args.out if not args.out.is_absolute() else _relative(args.out)
    if args.check:
        drift = compare(args.out, files)
        if drift:
            print(f"{shown} differs from what spec/ and the templates give:", file=sys.stderr)
            for line in drift.lines():
                print(f"  {line}", file=sys.stderr)
            print("run `python -m generator` and review the diff", file=sys.stderr)
            return 1
        print(f"{shown} is up to date ({len(files)} files)")
        return 0
    drift = write(args.out, files)
    if not drift:
        print(f"{shown} is up to date ({len(files)} files); nothing written")
    else:
        print(f"wrote {shown}:")
        for line in drift.lines():
            print(f"  {line}")
    return 0


def _relative(path: Path) -> Path:
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


if __name__ == "__main__":
    sys.exit(main())
