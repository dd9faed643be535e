"""The docs site as a reader sees it: pages rendered by headless Chromium (Debian's
``chromium``), served from loopback, checked from the rendered DOM.

- No identifier in a table is broken across lines, on a wide and on a phone-sized window.
- Every action name in the sidebar reads whole: not cut, wrapped only between its words.
- The header's language switch lands on the same page in the other language, and back.
- Search on a page finds pages of that page's language only (Chinese words too).
- Showing the pages asks for nothing outside the site.

Without Chromium the tests are skipped, except in CI (``CI`` set), where they fail: .ci/run
installs it.
"""

from __future__ import annotations

import functools
import json
import os
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from generator import ir
from generator.loader import load
from tests.e2e.cdp import Browser, Page, find_chromium
from tests.e2e.docsite import LANGS, ROOT

#: A desktop window (the sidebar shows from 1220 px) and a phone's.
WIDE, NARROW = (1280, 900), (390, 844)

#: In the page: where the text of an element starts a new line, measured character by
#: character (each character's box; collapsed white space has none; a title's permalink sign
#: left out), and whether the element's content is cut (wider than its box).
MEASURE = r"""
function lines(el) {
  const range = document.createRange();
  const skip = node => node.parentElement.closest(".headerlink")
    ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, skip);
  let text = "", tops = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.length; i++) {
      if (/\s/.test(node.data[i])) continue;
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const box = range.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      text += node.data[i];
      tops.push(box.top);
    }
  }
  const breaks = [];
  for (let i = 1; i < tops.length; i++) {
    if (tops[i] > tops[i - 1] + 1) breaks.push([text.slice(0, i), text.slice(i)]);
  }
  return {text, breaks, cut: el.scrollWidth > el.clientWidth + 1};
}
"""

#: The identifiers of the page's tables that are broken across lines, as "before|after".
BROKEN_IDENTIFIERS = (
    "(() => {"
    + MEASURE
    + """
  const codes = [...document.querySelectorAll("article table code")];
  const broken = codes.map(lines).filter(m => m.breaks.length)
    .map(m => m.breaks.map(([a, b]) => a + "|" + b).join(" "));
  return {count: codes.length, broken};
})()
"""
)

#: The page's title: its text, where it wraps, whether it is cut.
TITLE = "(() => {" + MEASURE + 'return lines(document.querySelector("article h1")); })()'

#: The action labels of the sidebar: their text, where they wrap, whether they are cut.
SIDEBAR_ACTIONS = (
    "(() => {"
    + MEASURE
    + r"""
  const links = [...document.querySelectorAll(".md-nav--primary a.md-nav__link")]
    .filter(a => /\/actions\/[^/#?]+\.html$/.test(a.href));
  return links.map(a => {
    const label = a.querySelector(".md-ellipsis") || a;
    return {href: a.href, visible: label.getBoundingClientRect().width > 0, ...lines(label)};
  });
})()
"""
)


def search(query: str) -> str:
    """In the page: type ``query`` into the search box; the result links once they show."""
    return f"""
(async () => {{
  const input = document.querySelector(".md-search__input");
  input.focus();
  input.value = {json.dumps(query)};
  input.dispatchEvent(new Event("input", {{bubbles: true}}));
  input.dispatchEvent(new KeyboardEvent("keyup", {{bubbles: true, key: "Enter"}}));
  for (let i = 0; i < 100; i++) {{
    await new Promise(done => setTimeout(done, 50));
    const links = [...document.querySelectorAll(".md-search-result__link")].map(a => a.href);
    if (links.length) return links;
  }}
  return [];
}})()
"""


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def chromium() -> str:
    found = find_chromium()
    if found is None:
        message = "no Chromium on PATH (Debian: apt-get install -y chromium)"
        if os.environ.get("CI"):
            pytest.fail(message + "; .ci/run installs it")
        pytest.skip(message)
    return found


@pytest.fixture(scope="module")
def site_url(docs_site: Path) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(docs_site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture(scope="module")
def browser(chromium: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    tmp = tmp_path_factory.mktemp("chromium")
    with Browser(chromium, tmp / "profile", tmp / "chromium.log") as opened:
        yield opened


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    tab = browser.new_page(*WIDE)
    yield tab
    tab.close()


def page_url(site_url: str, lang: str, rel: str) -> str:
    return site_url + (rel if lang == LANGS[0] else f"{lang}/{rel}")


@functools.cache
def spec() -> ir.Spec:
    return load(ROOT / "spec")


def crowded_action() -> str:
    """The action page whose parameter table has the longest identifiers."""
    action = max(spec().actions, key=lambda a: sum(len(p.wire) + len(p.py_name) for p in a.params))
    return f"actions/{action.name}.html"


def longest_action() -> str:
    """The action page with the longest name (its title is the one a phone must wrap)."""
    action = max(spec().actions, key=lambda a: (len(a.name), a.name))
    return f"actions/{action.name}.html"


def between_words(before: str, after: str) -> bool:
    """Whether a line break between ``before`` and ``after`` falls between two words of a
    CamelCase name (``...Backend|Probe...``, ``CPM|Info``), not inside one."""
    if (before[-1].islower() or before[-1].isdigit()) and after[0].isupper():
        return True
    return before[-1].isupper() and after[0].isupper() and after[1:2].islower()


def action_names() -> list[str]:
    return [a.name for a in spec().actions]


@pytest.mark.parametrize("lang", LANGS)
def test_no_identifier_in_a_table_is_broken_across_lines(
    page: Page, site_url: str, lang: str
) -> None:
    for rel in (crowded_action(), "errors.html", "python-api.html", "index.html"):
        page.goto(page_url(site_url, lang, rel))
        for width, height in (WIDE, NARROW):
            page.resize(width, height)
            found = page.evaluate(BROKEN_IDENTIFIERS)
            assert found["count"] > 0, (lang, rel)
            assert found["broken"] == [], (lang, rel, width, found["broken"])


@pytest.mark.parametrize("lang", LANGS)
def test_every_action_name_in_the_sidebar_reads_whole(page: Page, site_url: str, lang: str) -> None:
    """Not cut, and wrapped (where the sidebar is too narrow) only between two words."""
    page.goto(page_url(site_url, lang, crowded_action()))
    labels = [label for label in page.evaluate(SIDEBAR_ACTIONS) if label["visible"]]
    shown = sorted(label["text"] for label in labels)
    assert shown == sorted(action_names()), shown
    for label in labels:
        assert not label["cut"], label["text"]
        for before, after in label["breaks"]:
            assert between_words(before, after), f"{label['text']}: {before}|{after}"


@pytest.mark.parametrize("lang", LANGS)
def test_an_action_title_on_a_phone_wraps_between_words(
    page: Page, site_url: str, lang: str
) -> None:
    page.resize(*NARROW)
    page.goto(page_url(site_url, lang, longest_action()))
    title = page.evaluate(TITLE)
    assert title["text"] in action_names() and not title["cut"], title
    assert title["breaks"], "the title fits on one line: nothing was checked"
    for before, after in title["breaks"]:
        assert between_words(before, after), f"{title['text']}: {before}|{after}"


def test_language_switch_lands_on_the_same_page(page: Page, site_url: str) -> None:
    first, other = LANGS[0], LANGS[1]
    for rel in (crowded_action(), "errors.html"):
        page.goto(page_url(site_url, first, rel))
        page.click_and_wait(f".md-select a[hreflang={other}]")
        assert page.url == page_url(site_url, other, rel)
        assert page.evaluate("document.documentElement.lang") == other
        page.click_and_wait(f".md-select a[hreflang={first}]")
        assert page.url == page_url(site_url, first, rel)
        assert page.evaluate("document.documentElement.lang") == first


def test_search_finds_pages_of_the_page_language_only(page: Page, site_url: str) -> None:
    name = action_names()[0]
    for lang in LANGS:
        page.goto(page_url(site_url, lang, "index.html"))
        links = page.evaluate(search(name))
        assert links, lang
        home = page_url(site_url, lang, "")
        others = [page_url(site_url, o, "") for o in LANGS if o != lang and o != LANGS[0]]
        for link in links:
            assert link.startswith(home) and not any(link.startswith(o) for o in others), link
    # A Chinese word from inside a sentence: the index holds words, not whole sentences.
    page.goto(page_url(site_url, "zh", "index.html"))
    assert page.evaluate(search("端口")), "端口"


def test_showing_the_pages_asks_nothing_of_another_host(
    page: Page, site_url: str, browser: Browser
) -> None:
    for lang in LANGS:
        for rel in ("index.html", crowded_action()):
            page.goto(page_url(site_url, lang, rel))
    browser.drain(1.0)  # what the scripts fetch after loading: the search index, the sitemap
    requests = page.requests
    assert any(u.endswith("search/search_index.json") for u in requests), requests
    here = urlsplit(site_url).netloc
    away = [u for u in requests if urlsplit(u).scheme != "data" and urlsplit(u).netloc != here]
    assert away == [], away
