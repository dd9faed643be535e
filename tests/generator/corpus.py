"""Tencent's pages of the service (``../shared/reference/bmlb-docs/pages``) and the spec they are
checked against.

``whole_spec`` is a copy of ``spec/`` that a test may edit.
"""

from __future__ import annotations

import shutil
from functools import cache
from pathlib import Path

from generator import ir
from generator.importdoc import page as pages
from generator.loader import load

ROOT = Path(__file__).resolve().parent.parent.parent
SPEC = ROOT / "spec"
CORPUS = ROOT.parent / "shared" / "reference" / "bmlb-docs" / "pages"
PAGE_FILES = sorted(CORPUS.glob("*.md")) if CORPUS.is_dir() else []
ACTION_PAGES = [p for p in PAGE_FILES if not p.name.startswith("_")]


def whole_spec(target: Path) -> Path:
    """``spec/`` copied to ``target``."""
    shutil.copytree(SPEC, target)
    return target


@cache
def parsed(path: Path) -> pages.Page:
    return pages.parse(path)


@cache
def spec_ir(folder: Path) -> ir.Spec:
    return load(folder)
