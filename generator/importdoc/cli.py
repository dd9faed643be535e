"""``python -m generator import-doc PAGE.md|DIR ...``: compare Tencent's doc pages with the spec.

Every page is read and compared with the spec file of its action (or, for the shared pages, with
``service.yaml``'s regions and the catalogue's common codes): parameters and item fields at any
depth (type, required, range, length, array size, allowed values, default), response fields at
any depth (type, required, allowed values, nested fields), error codes, the example request and
answer, paging and whether the action starts a task. The report lists per page what is new,
removed or changed, what a ``correction`` keeps, what the English page lacks (the English text is
ours there), and what the spec cannot represent; then one summary line per page and a total.

``--write`` applies the differences with ruamel.yaml round-trip (comments, key order and layout
kept) after checking that the edited spec loads; ``--check`` exits 1 on a difference. A page
that cannot be read is reported and the others go on.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from . import page as pages
from .build import dump
from .compare import Comparer, Comparison, Spec, compare_shared

ROOT = Path(__file__).resolve().parent.parent.parent


def collect(args: list[Path]) -> list[Path]:
    """The pages named, folders read for their ``*.md`` files (sorted)."""
    out: list[Path] = []
    for a in args:
        if a.is_dir():
            out += sorted(a.glob("*.md"))
        else:
            out.append(a)
    return out


def write(spec: Spec) -> list[str]:
    """Dump the edited files, after checking that the edited spec loads; their names."""
    from ..loader import load

    texts = {rel: dump(spec.docs[rel]) for rel in sorted(spec.dirty)}
    with tempfile.TemporaryDirectory(prefix="qcloud-bmlb-import-") as tmp:
        trial = Path(tmp) / spec.dir.name
        shutil.copytree(spec.dir, trial)
        for rel, text in texts.items():
            (trial / rel).parent.mkdir(parents=True, exist_ok=True)
            (trial / rel).write_text(text, encoding="utf-8")
        load(trial)  # SpecError when the edit does not make a valid spec
    for rel, text in texts.items():
        target = spec.dir / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp_path = target.with_name(f".{target.name}.tmp")
        tmp_path.write_text(text, encoding="utf-8")
        tmp_path.replace(target)
    return [f"{spec.dir.name}/{rel}" for rel in texts]


def run(paths: list[Path], spec: Spec) -> tuple[list[Comparison], list[str]]:
    """Every page compared (the comparisons, in the pages' order) and the pages that could not
    be read (their messages)."""
    parsed: list[pages.Page] = []
    unreadable: list[str] = []
    for path in paths:
        try:
            parsed.append(pages.parse(path))
        except pages.PageError as exc:
            unreadable.append(str(exc))
    by_action: dict[str, dict[str, pages.Page]] = {}
    for p in parsed:
        if p.kind == "action" and p.action:
            by_action.setdefault(p.action, {})[p.lang] = p
    comparer = Comparer(spec, by_action)
    comparisons: list[Comparison] = []
    # The Chinese page of an action first: it is the source of facts, and a new action is
    # written from its turn.
    ordered = sorted(parsed, key=lambda p: (p.kind != "action", p.action or "", p.lang != "zh"))
    for p in ordered:
        try:
            if p.kind == "action":
                comparisons.append(comparer.compare(p))
            else:
                comparisons.append(compare_shared(spec, p))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            unreadable.append(f"{p.path}: the spec cannot be compared with this page: {exc!r}")
    order = {path: i for i, path in enumerate(paths)}
    comparisons.sort(key=lambda c: order.get(c.page.path, 0))
    return comparisons, unreadable


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m generator import-doc",
        description="Compare Tencent API doc pages (Markdown, English or Chinese) with the spec.",
    )
    parser.add_argument("pages", nargs="+", type=Path, metavar="PAGE.md|DIR")
    parser.add_argument("--spec", type=Path, default=ROOT / "spec", help="the spec folder")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--write", action="store_true", help="update the spec files in place")
    mode.add_argument("--check", action="store_true", help="exit 1 when a page and the spec differ")
    parser.add_argument("-v", "--verbose", action="store_true", help="show wording differences")
    parser.add_argument("--brief", action="store_true", help="only the summary lines")
    args = parser.parse_args(argv)

    spec = Spec(args.spec)
    comparisons, unreadable = run(collect(args.pages), spec)
    if not args.brief:
        for comparison in comparisons:
            print(comparison.report(verbose=args.verbose))
            print()
    for comparison in comparisons:
        print(comparison.summary())
    for message in unreadable:
        print(f"error: {message}", file=sys.stderr)
    differences = sum(c.differences for c in comparisons)
    kept = sum(c.count("kept") for c in comparisons)
    lags = sum(c.count("lags") for c in comparisons)
    lost = sum(c.count("lost") for c in comparisons)
    print(
        f"total: {len(comparisons)} page(s) compared, {len(unreadable)} unreadable; "
        f"{differences} difference(s), {kept} kept by corrections, {lags} lagging (English), "
        f"{lost} not represented"
    )
    if args.check:
        if differences:
            print(f"{differences} difference(s) between the pages and the spec", file=sys.stderr)
            return 1
        return 2 if unreadable else 0
    if args.write:
        return _write(spec, comparisons, unreadable)
    return 2 if unreadable else 0


def _write(spec: Spec, comparisons: list[Comparison], unreadable: list[str]) -> int:
    from ..loader import SpecError

    for comp in comparisons:
        for change in comp.changes:
            if change.counts and change.apply is not None:
                change.apply()
    if not spec.dirty:
        print("nothing to write")
        return 2 if unreadable else 0
    try:
        written = write(spec)
    except SpecError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print("the edited spec would not load; nothing written", file=sys.stderr)
        return 1
    for name in written:
        print(f"updated {name}")
    skipped = sum(c.counts and c.apply is None for comp in comparisons for c in comp.changes)
    if skipped:
        print(
            f"{skipped} difference(s) could not be written; edit the spec by hand "
            "(a page error needs a correction that quotes the page)"
        )
    print("now run `python -m generator` and review `git diff generated/`")
    return 2 if unreadable else 0
