"""The docs site: ``mkdocs build --strict`` over generated/docs, and what its pages hold.

What a browser does with the pages (layout, the language switch, requests) is checked in
test_docs_browser.py; here, the built files.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from generator import sitehooks
from generator.loader import load
from tests.e2e.docsite import GENERATED, LANGS, ROOT, lang_dir, mkdocs_build

#: Pages every language has besides one per action.
PAGES = ("index", "errors", "getting-started", "python-api")


def page_paths() -> list[str]:
    """Every page of one language, relative to that language's root in the site."""
    spec = load(ROOT / "spec")
    return [f"{p}.html" for p in PAGES] + [f"actions/{a.name}.html" for a in spec.actions]


class Tags(HTMLParser):
    """The start tags of a page, with their attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))


def tags_of(path: Path) -> list[tuple[str, dict[str, str]]]:
    parser = Tags()
    parser.feed(path.read_text("utf-8"))
    return parser.tags


def test_strict_build_has_every_page(docs_site: Path) -> None:
    spec = load(ROOT / "spec")
    assert (docs_site / "index.html").is_file()
    for lang in LANGS:
        root = lang_dir(docs_site, lang)
        for page in PAGES:
            assert (root / f"{page}.html").is_file(), (lang, page)
        for action in spec.actions:
            html = (root / "actions" / f"{action.name}.html").read_text("utf-8")
            assert "<h1" in html and action.name in html
            # The navigation lists every action, in every language.
            assert f'href="{action.name}.html"' in html
            for other in spec.actions:
                assert f'href="{other.name}.html"' in html, (lang, action.name, other.name)


def test_strict_build_fails_on_a_broken_link(tmp_path: Path) -> None:
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(GENERATED / "docs", tmp_path / "generated" / "docs")
    shutil.copy(GENERATED / "mkdocs.nav.yml", tmp_path / "generated" / "mkdocs.nav.yml")
    (tmp_path / "generator").mkdir()
    shutil.copy(ROOT / "generator" / "sitehooks.py", tmp_path / "generator" / "sitehooks.py")
    page = tmp_path / "generated" / "docs" / "en" / "errors.md"
    page.write_text(page.read_text("utf-8") + "\n[gone](nowhere.md)\n", encoding="utf-8")
    done = mkdocs_build(tmp_path, tmp_path / "site")
    assert done.returncode != 0
    assert "nowhere.md" in done.stdout + done.stderr


def test_nav_lists_every_generated_page() -> None:
    nav = (GENERATED / "mkdocs.nav.yml").read_text("utf-8")
    pages = sorted(
        p.relative_to(GENERATED / "docs").as_posix() for p in (GENERATED / "docs").rglob("*.md")
    )
    assert pages
    for page in pages:
        assert page in nav, page


@pytest.mark.parametrize("lang", LANGS)
def test_language_switch_leads_to_the_same_page(docs_site: Path, lang: str) -> None:
    """The header's language links of every page go to that page in each language (and the
    page says which language it is in), not to the other language's home page."""
    for rel in page_paths():
        path = lang_dir(docs_site, lang) / rel
        tags = tags_of(path)
        assert [a.get("lang") for tag, a in tags if tag == "html"] == [lang], (lang, rel)
        links = {
            a["hreflang"]: a["href"]
            for tag, a in tags
            if tag == "a" and "md-select__link" in a.get("class", "")
        }
        assert sorted(links) == sorted(LANGS), (lang, rel, links)
        for target, href in links.items():
            landed = (path.parent / href).resolve()
            assert landed == (lang_dir(docs_site, target) / rel).resolve(), (lang, rel, href)


def test_theme_words_are_in_the_page_language(docs_site: Path) -> None:
    action = page_paths()[-1]
    en = (lang_dir(docs_site, "en") / action).read_text("utf-8")
    zh = (lang_dir(docs_site, "zh") / action).read_text("utf-8")
    assert 'placeholder="Search"' in en and "Table of contents" in en
    assert 'placeholder="搜索"' in zh and 'aria-label="目录"' in zh
    assert "Table of contents" not in zh and 'placeholder="Search"' not in zh


def search_index(root: Path) -> list[dict[str, str]]:
    docs: list[dict[str, str]] = json.loads(
        (root / "search" / "search_index.json").read_text("utf-8")
    )["docs"]
    return docs


@pytest.mark.parametrize("lang", LANGS)
def test_each_language_searches_its_own_pages(docs_site: Path, lang: str) -> None:
    root = lang_dir(docs_site, lang)
    docs = search_index(root)
    pages = {d["location"].split("#")[0] for d in docs}
    # Locations are relative to the language's root, and only that language's pages are in.
    assert pages == set(page_paths()), sorted(pages ^ set(page_paths()))
    for page in pages:
        assert (root / page).is_file(), page
    if lang == "zh":
        assert not any("Table of contents" in d["text"] for d in docs)
        assert any("参数" in d["title"] for d in docs)
    # The theme resolves the index (and its result links) from the page's `base`.
    config = re.search(
        r'<script id="__config" type="application/json">(.*?)</script>',
        (root / page_paths()[-1]).read_text("utf-8"),
        flags=re.S,
    )
    assert config
    base = json.loads(config.group(1))["base"]
    assert ((root / page_paths()[-1]).parent / base).resolve() == root.resolve()


#: Where a page's resources are loaded from (a browser fetches these while showing the page;
#: ``<a href>`` is only where a click leads).
LOADING = {
    "link": ("href",),
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "track": ("src",),
}
#: URL literals in the theme's scripts, each fetched only in a case this site never is in.
CONDITIONAL_SCRIPT_URLS = {
    # Diagrams: only on a page with a Mermaid block (checked below: none has).
    "https://unpkg.com/mermaid": "mermaid",
    # Only in a browser without ResizeObserver (every browser since 2020 has it).
    "https://unpkg.com/resize-observer-polyfill": None,
    # The repository's stars and forks: only with `repo_url` (checked below: not set).
    "https://api.github.com/": "md-source",
    "https://${e}/api/v4/projects/": "md-source",
}


def outside(url: str) -> bool:
    """Whether fetching ``url`` (as written in a page or a stylesheet) leaves the site."""
    parts = urlsplit(url.strip())
    return bool(parts.netloc) or parts.scheme not in ("", "data")


def loaded_urls(tags: list[tuple[str, dict[str, str]]]) -> Iterator[tuple[str, str, str]]:
    """(tag, attribute, URL) of each resource the tags load."""
    for tag, attrs in tags:
        for name in LOADING.get(tag, ()):
            value = attrs.get(name, "").strip()
            if name == "srcset":  # "url size, url size, ..."
                urls = [u.split()[0] for u in value.split(",") if u.strip()]
            else:
                urls = [value] if value else []
            for url in urls:
                yield tag, name, url


def test_nothing_is_loaded_from_outside(docs_site: Path) -> None:
    """An offline or firewalled reader gets the whole site: no web fonts, scripts, styles or
    images from another host."""
    pages = sorted(docs_site.rglob("*.html"))
    assert len(pages) > 2 * len(PAGES)
    found: list[str] = []
    for path in pages:
        tags = tags_of(path)
        for tag, name, url in loaded_urls(tags):
            if outside(url):
                found.append(f"{path.relative_to(docs_site)}: <{tag} {name}={url}>")
        found += [
            f"{path.relative_to(docs_site)}: <{t} style>"
            for t, a in tags
            if "url(" in a.get("style", "")
        ]
    for path in sorted(docs_site.rglob("*.css")):
        css = path.read_text("utf-8")
        refs = re.findall(r"url\(\s*['\"]?([^'\")]+)", css)
        refs += re.findall(r"@import\s+['\"]([^'\"]+)", css)
        found += [f"{path.relative_to(docs_site)}: {u}" for u in refs if outside(u)]
    for path in sorted(docs_site.rglob("*.js")):
        for url in re.findall(r"[\"'`](https?://[^\"'`\s]+)", path.read_text("utf-8")):
            known = [k for k in CONDITIONAL_SCRIPT_URLS if url.startswith(k)]
            if not known:
                found.append(f"{path.relative_to(docs_site)}: {url}")
    assert not found, "\n".join(found)
    # The cases the theme's scripts would load something from outside in: not this site's.
    html = "".join(p.read_text("utf-8") for p in pages)
    for marker in filter(None, CONDITIONAL_SCRIPT_URLS.values()):
        assert f'class="{marker}' not in html, marker


def test_sidebar_labels_may_wrap_between_words_only() -> None:
    html = '<span class="md-ellipsis">ModifyBmL4ListenerBackendProbePort</span>'
    assert sitehooks.label_breaks(html) == (
        '<span class="md-ellipsis">Modify<wbr>Bm<wbr>L4<wbr>Listener<wbr>Backend<wbr>Probe'
        "<wbr>Port</span>"
    )
    assert "CPM<wbr>Info" in sitehooks.label_breaks('<span class="md-ellipsis">CPMInfo</span>')
    title = '<h1 id="unbindbml4listenerrs">UnbindBmL4ListenerRs<a class="headerlink" href="#">'
    assert sitehooks.label_breaks(title).startswith(
        '<h1 id="unbindbml4listenerrs">Unbind<wbr>Bm<wbr>L4<wbr>Listener<wbr>Rs<a '
    )
    for text in ("错误码", "Getting started", "Python API"):
        html = f'<span class="md-ellipsis">{text}</span>'
        assert sitehooks.label_breaks(html) == html


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
