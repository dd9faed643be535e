"""The docs site: ``mkdocs build --strict`` over generated/docs, and what its pages hold."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.loader import load

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "generated"
LANGS = ("en", "zh")

pytest.importorskip("mkdocs")
pytest.importorskip("material")


def build(config_dir: Path, site: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=config_dir,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "site"
    done = build(ROOT, out)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "WARNING" not in done.stderr, done.stderr
    return out


def test_strict_build_has_every_page(site: Path) -> None:
    spec = load(ROOT / "spec")
    assert (site / "index.html").is_file()
    assert (site / "search" / "search_index.json").is_file()
    for lang in LANGS:
        for page in ("index", "errors", "getting-started", "python-api"):
            assert (site / lang / f"{page}.html").is_file(), (lang, page)
        for action in spec.actions:
            html = (site / lang / "actions" / f"{action.name}.html").read_text("utf-8")
            assert action.name in html
            # The navigation lists every action in both languages.
            assert f"actions/{action.name}.html" in html


def test_strict_build_fails_on_a_broken_link(tmp_path: Path) -> None:
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(GENERATED / "docs", tmp_path / "generated" / "docs")
    shutil.copy(GENERATED / "mkdocs.nav.yml", tmp_path / "generated" / "mkdocs.nav.yml")
    page = tmp_path / "generated" / "docs" / "en" / "errors.md"
    page.write_text(page.read_text("utf-8") + "\n[gone](nowhere.md)\n", encoding="utf-8")
    done = build(tmp_path, tmp_path / "site")
    assert done.returncode != 0
    assert "nowhere.md" in done.stdout + done.stderr


def test_nav_lists_every_generated_page() -> None:
    nav = (GENERATED / "mkdocs.nav.yml").read_text("utf-8")
    pages = sorted(
        p.relative_to(GENERATED / "docs").as_posix() for p in (GENERATED / "docs").rglob("*.md")
    )
    for page in pages:
        assert page in nav, page


@pytest.mark.parametrize("lang", LANGS)
def test_no_python_repr_leaks_into_pages(lang: str) -> None:
    for path in (GENERATED / "docs" / lang).rglob("*.md"):
        text = path.read_text("utf-8")
        assert " object at 0x" not in text and "<built-in" not in text, path


def test_getting_started_covers_install_credentials_and_a_first_call() -> None:
    en = (GENERATED / "docs" / "en" / "getting-started.md").read_text("utf-8")
    for part in ("## Install", "## Credentials", "## First call", "TENCENTCLOUD_SECRET_ID"):
        assert part in en
    zh = (GENERATED / "docs" / "zh" / "getting-started.md").read_text("utf-8")
    for part in ("## 安装", "## 凭证", "## 第一次调用"):
        assert part in zh
    block = re.search(r"^```python\n(.*?)^```$", en, flags=re.S | re.M)
    assert block
    compile(block.group(1), "<getting-started>", "exec")


def test_python_api_page_names_every_public_class() -> None:
    spec = load(ROOT / "spec")
    for lang in LANGS:
        md = (GENERATED / "docs" / lang / "python-api.md").read_text("utf-8")
        names = ["Client", "Timeout", "Credentials", "BmlbError", "ApiError", "ValidationError"]
        names += [a.result_class for a in spec.actions]
        names += [i.class_name for i in spec.items] + [e.class_name for e in spec.enums]
        for name in names:
            assert f"`{name}" in md, (lang, name)
