"""MkDocs hooks of the docs site (``hooks:`` in mkdocs.yml): what the theme and the i18n plugin
leave undone.

- Search per language. mkdocs-static-i18n builds each language on its own but stacks every
  language's pages into the one search index the theme loads, so a search on a Chinese page
  lists English pages too (the plugin's maintainers: the theme has one fixed index path). Once
  every language is built, the index is split: each language other than the default one gets
  ``<lang>/search/search_index.json`` with its own pages, and its pages point the theme's
  ``base`` (where the search index and its result links are resolved) at ``<lang>/``.
- Whole action names in the sidebar. A label the theme cannot wrap is cut with an ellipsis
  (``ModifyBmL4ListenerBackendP…``), and two actions that differ at the end look alike. Labels
  (and a page's title, which a phone's screen wraps too) get a break opportunity (``<wbr>``)
  between the words of a CamelCase name, so a long name wraps onto a second line at a word
  boundary; nothing is added to the text itself (copying or searching a name is unchanged).
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

#: The theme's configuration block of a page: JSON the theme's scripts read.
CONFIG_BLOCK = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
#: A label the theme may cut (sidebar, table of contents, footer): plain text in a span; and
#: the text of a page's title, up to its permalink.
LABEL = re.compile(r'(<span class="md-ellipsis">|<h1 id="[^"]*">)([^<]+)(<)')
#: Where a CamelCase name may wrap: before a capital that follows a lower-case letter or digit
#: (``Listener|Backend``), and before the last capital of an acronym (``CPM|Info``).
WORD_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def _i18n(config: MkDocsConfig) -> Any:
    return config.plugins.get("i18n")


def _other_languages(config: MkDocsConfig) -> list[str]:
    i18n = _i18n(config)
    if i18n is None:
        return []
    return [lang for lang in i18n.build_languages if lang != i18n.default_language]


def label_breaks(html: str) -> str:
    """``html`` with a ``<wbr>`` between the words of each CamelCase label."""
    return LABEL.sub(
        lambda m: m.group(1) + WORD_BOUNDARY.sub("<wbr>", m.group(2)) + m.group(3), html
    )


def language_base(html: str, lang: str) -> str:
    """``html`` with the theme's ``base`` moved from the site's root to the language's own."""

    def move(m: re.Match[str]) -> str:
        data = json.loads(m.group(2))
        # With the trailing slash, or the theme resolves `search/...` beside `<lang>`, not in it.
        data["base"] = f"{data['base'].rstrip('/')}/{lang}/"
        return m.group(1) + json.dumps(data) + m.group(3)

    out, count = CONFIG_BLOCK.subn(move, html, count=1)
    if count != 1:
        raise ValueError("the theme's configuration block is missing: cannot move `base`")
    return out


def split_search_index(site_dir: Path, default: str, others: list[str]) -> None:
    """Give each of ``others`` its own search index, leaving ``default``'s pages at the root."""
    root = site_dir / "search" / "search_index.json"
    index = json.loads(root.read_text(encoding="utf-8"))
    by_lang: dict[str, list[dict[str, Any]]] = {lang: [] for lang in [default, *others]}
    for doc in index["docs"]:
        lang = next((x for x in others if doc["location"].startswith(f"{x}/")), default)
        if lang != default:
            doc = {**doc, "location": doc["location"][len(lang) + 1 :]}
        by_lang[lang].append(doc)
    for lang, docs in by_lang.items():
        path = root if lang == default else site_dir / lang / "search" / "search_index.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        data = json.dumps({**index, "docs": docs}, ensure_ascii=False, separators=(",", ":"))
        path.write_text(data, encoding="utf-8")


def on_config(config: MkDocsConfig) -> None:
    # jieba (the search plugin's Chinese word cutter) reports loading its dictionary at every
    # build; only its warnings belong in the build's output.
    logging.getLogger("jieba").setLevel(logging.WARNING)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    output = label_breaks(output)
    i18n = _i18n(config)
    if i18n is not None and i18n.current_language in _other_languages(config):
        output = language_base(output, i18n.current_language)
    return output


# After the i18n plugin (-100), which builds the other languages and then writes the index.
@event_priority(-150)
def on_post_build(config: MkDocsConfig) -> None:
    i18n = _i18n(config)
    if i18n is None or i18n.building:  # one language's build inside the i18n plugin's run
        return
    split_search_index(Path(config.site_dir), i18n.default_language, _other_languages(config))
