"""The built docs site, shared by the static checks and the browser checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.docsite import ROOT, mkdocs_build


@pytest.fixture(scope="session")
def docs_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    for module in ("mkdocs", "material", "mkdocs_static_i18n"):
        pytest.importorskip(module)
    out = tmp_path_factory.mktemp("site") / "site"
    done = mkdocs_build(ROOT, out)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "WARNING" not in done.stderr, done.stderr
    return out
