"""Building the docs site for the tests: ``mkdocs build --strict``, as ``make docs`` runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GENERATED = ROOT / "generated"
#: The site's languages; the first is built at the site's root, the others under their code.
LANGS = ("en", "zh")


def mkdocs_build(config_dir: Path, site: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=config_dir,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def lang_dir(site: Path, lang: str) -> Path:
    """Where the pages of ``lang`` are in the built site."""
    return site if lang == LANGS[0] else site / lang
