"""The reference pages of the grown spec language, in both languages: scalar arrays, allowed
values and defaults, optional fields, one linked table per response model, pagination, the
page's own example answer (never an invented one), and English of ours marked as ours.

The pages are rendered from the small spec of ``samples`` by the docs' own code
(``generator.docsite``); the signed example requests by the package rendered from it.
"""

from __future__ import annotations

import json
import re

import pytest

from generator import ir, render

from .samples import load_small_spec
from .test_generate import assert_tables_keep_their_columns

LANGS = ("en", "zh")


@pytest.fixture(scope="module")
def spec(tmp_path_factory: pytest.TempPathFactory) -> ir.Spec:
    return load_small_spec(tmp_path_factory.mktemp("docs"))


@pytest.fixture(scope="module")
def pages(spec: ir.Spec) -> dict[str, str]:
    # The whole output: the pages' wire requests are made by the rendered package itself.
    files = render.render(spec, "0.0.0")
    return {name: data.decode("utf-8") for name, data in files.items() if name.endswith(".md")}


def page(pages: dict[str, str], lang: str, action: str) -> str:
    return pages[f"docs/{lang}/actions/{action}.md"]


def rows(md: str, first_cell: str) -> list[list[str]]:
    """The cells of the table rows whose first cell is ``first_cell``."""
    found = []
    for line in md.splitlines():
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]]
        if cells and cells[0] == first_cell:
            found.append(cells)
    return found


@pytest.mark.parametrize("lang", LANGS)
def test_every_table_keeps_its_columns(pages: dict[str, str], lang: str) -> None:
    for name, md in pages.items():
        if name.startswith(f"docs/{lang}/"):
            assert_tables_keep_their_columns(md)


def test_a_scalar_array_and_its_wire_form(pages: dict[str, str]) -> None:
    en, zh = (page(pages, lang, "DescribeThings") for lang in LANGS)
    [row] = rows(en, "`thingIds`")
    assert row[:5] == [
        "`thingIds`",
        "`thing_ids`",
        "Array of String",
        "no",
        "≤ 50 items, 1–64 chars",
    ]
    assert "- `thingIds`: a list of values, sent as `thingIds.0`, `thingIds.1`, ...; each value " \
        "at most once." in en  # fmt: skip
    assert rows(zh, "`thingIds`")[0][2] == "数组，元素为 String"


def test_allowed_values_and_defaults(pages: dict[str, str]) -> None:
    en = page(pages, "en", "DescribeThings")
    header = next(line for line in en.splitlines() if line.startswith("| Wire name |"))
    assert "| Default |" in header
    assert rows(en, "`protocol`")[0][4:6] == ["tcp \\| udp", "`tcp`"]
    assert rows(en, "`limit`")[0][4:6] == ["1–100", "`20`"]
    assert rows(en, "`offset`")[0][4:6] == ["≥ 0", "`0`"]
    # No default anywhere: no Default column.
    unbind = page(pages, "en", "UnbindThings")
    assert "| Default |" not in unbind


def test_optional_item_fields_and_their_defaults(pages: dict[str, str]) -> None:
    bind = page(pages, "en", "BindThings")
    assert rows(bind, "`backends.n.weight`")[0][3:6] == ["no", "0–100", "`10`"]
    assert rows(bind, "`backends.n.port`")[0][3:6] == ["yes", "1–65535", ""]
    assert "no two items with the same `instanceId`, `port`" in bind


@pytest.mark.parametrize("lang", LANGS)
def test_one_table_per_response_model_and_links_that_resolve(
    spec: ir.Spec, pages: dict[str, str], lang: str
) -> None:
    md = page(pages, lang, "DescribeThings")
    action = next(a for a in spec.actions if a.name == "DescribeThings")
    ids = re.findall(r'<a id="([^"]+)"></a>', md)
    for model in action.models:
        assert f"model-{model.class_name.lower()}" in ids
        assert md.count(f"### `{model.class_name}`") == 1
        for field in model.fields:
            assert rows(md, f"`{field.name}`"), field.name
    for target in re.findall(r"\]\(#([^)]+)\)", md):
        assert target in ids, target
    [things] = rows(md, "`thingSet`")
    assert things[2].endswith("[`DescribeThingsThing`](#model-describethingsthing)")
    [weight] = rows(md, "`weight`")
    assert weight[3] == ("no" if lang == "en" else "否")
    assert "Values the page lists: `tcp`, `udp`" in md if lang == "en" else "文档列出的取值" in md


def test_python_api_lists_response_models_and_iterators(
    spec: ir.Spec, pages: dict[str, str]
) -> None:
    md = pages["docs/en/python-api.md"]
    for model in spec.models:
        assert f'<a id="model-{model.class_name.lower()}"></a>' in md
        assert f"### `{model.class_name}`" in md
    assert "| `iter_describe_things(...)` | iterator of [`DescribeThingsThing`]" in md
    assert "| `data` | [`DescribeThingsData`](#model-describethingsdata) or `None` |" in md
    for target in re.findall(r"\]\(#([^)]+)\)", md):
        assert f'<a id="{target}"></a>' in md, target


@pytest.mark.parametrize("lang", LANGS)
def test_pagination_is_explained_with_wire_names_and_the_iterator(
    pages: dict[str, str], lang: str
) -> None:
    md = page(pages, lang, "DescribeThings")
    section = md.split('<a id="pagination"></a>', 1)[1].split("\n## ", 2)[1]
    for wire in ("`offset`", "`limit`", "`totalCount`", "`thingSet`"):
        assert wire in section, wire
    assert "`Client.iter_describe_things(...)`" in section
    assert "`AsyncClient.iter_describe_things(...)`" in section
    assert '<a id="pagination"></a>' not in page(pages, lang, "BindThings")


@pytest.mark.parametrize("lang", LANGS)
def test_the_example_answer_is_the_pages_own_or_none(
    spec: ir.Spec, pages: dict[str, str], lang: str
) -> None:
    describe = page(pages, lang, "DescribeThings")
    blocks = re.findall(r"^```json\n(.*?)^```$", describe, flags=re.S | re.M)
    action = next(a for a in spec.actions if a.name == "DescribeThings")
    assert [json.loads(b) for b in blocks] == [action.example_response]
    bind = page(pages, lang, "BindThings")
    assert "```json" not in bind
    assert (
        "Tencent's page gives no example answer." if lang == "en" else "腾讯云文档未给出响应示例。"
    ) in bind


def test_a_chinese_only_page_says_so_and_marks_our_english(pages: dict[str, str]) -> None:
    en = page(pages, "en", "DescribeThings")
    assert "Tencent publishes the page of this action in Chinese only" in en
    assert "List things. (ours)" in en
    assert rows(en, "`thingIds`")[0][-1] == "thingIds (ours)"
    zh = page(pages, "zh", "DescribeThings")
    assert "(ours)" not in zh and "Chinese only" not in zh
    bind = page(pages, "en", "BindThings")
    assert "Chinese only" not in bind and "(ours)" not in bind
    index = pages["docs/en/index.md"]
    assert "| List things. (ours) |" in index


@pytest.mark.parametrize("lang", LANGS)
def test_examples_use_scalar_arrays_and_items(pages: dict[str, str], lang: str) -> None:
    md = page(pages, lang, "DescribeThings")
    [code] = re.findall(r"^```python\n(.*?)^```$", md, flags=re.S | re.M)
    compile(code, "<example>", "exec")
    assert '        thing_ids=["t-1", "t-2"],\n' in code  # after the formatter's pass
    assert "--thing-id t-1 --thing-id t-2" in md
    assert "&thingIds.0=t-1&thingIds.1=t-2&" in md
    bind = page(pages, lang, "BindThings")
    assert 'backends=[BindThingsBackend(instance_id="cpm-1", port=80)]' in bind
    assert "--backend cpm-1:80 --wait" in bind
