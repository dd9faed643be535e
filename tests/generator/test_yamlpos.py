"""generator.yamlpos reads what ruamel.yaml's YAML 1.2 safe loader reads, with positions, and
refuses what the spec may not use (anchors, tags, duplicate keys, several documents)."""

from __future__ import annotations

import io
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from generator import yamlpos

from ..support import ROOT, SPEC

sys.path.insert(0, str(ROOT / "benchmarks"))
import generation  # (the benchmark's synthetic actions: every construct)

SAFE = YAML(typ="safe", pure=True)


def reference(text: str) -> object:
    return SAFE.load(io.StringIO(text))


@pytest.mark.parametrize("path", sorted(SPEC.rglob("*.yaml")), ids=lambda p: p.name)
def test_the_real_spec_files_read_as_the_reference_reads_them(path) -> None:  # type: ignore[no-untyped-def]
    text = path.read_text(encoding="utf-8")
    assert yamlpos.load(text) == reference(text)


@pytest.mark.parametrize("shape", generation.SHAPES, ids=lambda s: s[0])
def test_synthetic_actions_read_as_the_reference_reads_them(shape) -> None:  # type: ignore[no-untyped-def]
    kind, make = shape
    text = generation.to_yaml(make(f"{kind}X")) + "\n"
    assert yamlpos.load(text) == reference(text) == make(f"{kind}X")


SCALARS = [
    "yes", "no", "on", "off", "~", "null", "Null", "NULL", "true", "True", "FALSE", "0", "-12",
    "+3", "0o17", "0x1F", "1.5", "-.5", "1e3", ".inf", "-.Inf", "1.1.1.1", "lbl-abc",
    "String", "中文", "12:30", "+", ".", "0.",
]  # fmt: skip
#: Strings by the YAML 1.2 core schema; ruamel's safe loader keeps YAML 1.1's readings of them
#: (an example answer's "2017-04-19" must stay the string the page wrote).
CORE_ONLY = {"1_000": 1000, "0b11": 3, "2017-04-19": None, "2017-04-19 22:07:11": None}


@pytest.mark.parametrize("scalar", SCALARS)
def test_plain_scalars_by_the_core_schema(scalar: str) -> None:
    text = f"a: {scalar}\nb: [{scalar}]\n"
    assert repr(yamlpos.load(text)) == repr(reference(text))  # (repr: nan is not nan)


@pytest.mark.parametrize("scalar", CORE_ONLY)
def test_what_yaml_1_1_read_as_numbers_and_dates_stays_a_string(scalar: str) -> None:
    assert yamlpos.load(f"a: {scalar}\n") == {"a": scalar}
    assert reference(f"a: {scalar}\n") != {"a": scalar}


#: Texts as a spec holds them. (Not any text: where YAML 1.1, which libyaml reads, and YAML
#: 1.2, which the reference writes, differ, as on NEL line breaks or a plain key "?0", the
#: reference's output is not the question here; nor is a plain ":0".)
TEXT = st.sampled_from([*"abcXYZ019 .,-_/'\"()|", "中", "文", "🚀"])
KEY = st.from_regex(r"\A[A-Za-z][A-Za-z0-9_]{0,8}\Z")


@settings(max_examples=60, deadline=None, database=None)
@given(
    st.recursive(
        st.one_of(st.none(), st.booleans(), st.integers(), st.text(TEXT, max_size=8)),
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(KEY, inner, max_size=3),
        max_leaves=12,
    )
)
def test_documents_written_by_the_reference_read_back_the_same(value: object) -> None:
    buf = io.StringIO()
    YAML(typ="safe", pure=True).dump({"v": value}, buf)
    assert yamlpos.load(buf.getvalue()) == {"v": value}


def test_positions_of_keys_values_and_items() -> None:
    doc = yamlpos.load("a:\n  - x\n  - {b: 1}\n")
    assert (doc.lc.key("a"), doc.lc.value("a")) == ((0, 0), (1, 2))
    seq = doc["a"]
    assert [seq.lc.item(0), seq.lc.item(1)] == [(1, 4), (2, 4)]
    assert seq[1].lc.value("b") == (2, 8)


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        ("a: &x 1\nb: *x\n", (0, 3), "anchors and aliases are not allowed in the spec"),
        ("a: !!str 1\n", (0, 3), "tags such as 'tag:yaml.org,2002:str' are not allowed"),
        ("a: 1\na: 2\n", (1, 0), 'found duplicate key "a"'),
        ("a: 1\n---\nb: 2\n", (1, 0), "only one YAML document per file"),
        ("? [a]\n: 1\n", (0, 2), "a mapping key must be a plain value"),
    ],
)
def test_what_the_spec_may_not_use(text: str, where: tuple[int, int], message: str) -> None:
    with pytest.raises(yamlpos.YamlProblem) as info:
        yamlpos.load(text)
    assert (info.value.line, info.value.column) == where
    assert info.value.message.startswith(message)
