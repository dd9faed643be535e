"""``python -m generator import-doc``: read Tencent's doc pages and keep the spec in step with
them (see :mod:`generator.importdoc.cli`)."""

from __future__ import annotations

from .cli import main

__all__ = ["main"]
