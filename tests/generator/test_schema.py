"""generator.schema: the spec's shapes as data, checked by one interpreter, on the loader's
documents, on ruamel.yaml's (import-doc edits the spec with it) and on plain dicts."""

from __future__ import annotations

import io

import pytest
from ruamel.yaml import YAML

from generator import schema, yamlpos

from ..support import SPEC

BAD = """\
name: listenerIds
type: Array
required: maybe
maxLength: 3
items: {type: String, colour: red}
description: {en: x, zh: y}
"""
EXPECTED = [
    "x.yaml:3:11: required must be true or false, got the string 'maybe'",
    "x.yaml:4:1: a parameter: 'maxLength' does not apply to an Array",
    "x.yaml:5:23: unknown key 'colour' in items; allowed: enum, maxLength, range, type",
]


def ruamel(text: str) -> object:
    return YAML(typ="rt").load(io.StringIO(text))


@pytest.mark.parametrize("parse", [yamlpos.load, ruamel], ids=["yamlpos", "ruamel"])
def test_the_same_problems_at_the_same_places_from_either_parser(parse) -> None:  # type: ignore[no-untyped-def]
    problems = schema.check(parse(BAD), schema.PARAMETER, "x.yaml")
    assert [str(p) for p in problems] == EXPECTED


def test_plain_dicts_are_checked_with_the_position_given() -> None:
    checker = schema.Checker("x.yaml")
    node = {"type": "String", "name": "a", "required": True, "description": {"en": "x"}}
    assert not checker.check(node, schema.PARAMETER, "parameters[0]", (9, 2))
    assert [str(p) for p in checker.problems] == [
        "x.yaml:10:3: parameters[0].description is missing the key 'zh'"
    ]
    assert not checker.valid(node) and not checker.valid(node, "description")
    assert checker.valid(node, "name") and checker.valid(node, "type")


def test_every_real_spec_file_passes_its_table() -> None:
    tables = {"service.yaml": schema.SERVICE, "errors.yaml": schema.ERRORS}
    for path in sorted(SPEC.rglob("*.yaml")):
        rel = path.relative_to(SPEC).as_posix()
        doc = yamlpos.load(path.read_text(encoding="utf-8"))
        assert schema.check(doc, tables.get(rel, schema.ACTION), rel) == [], rel


def test_the_tables_say_which_keys_apply_to_which_type() -> None:
    keys = schema.PARAMETER.keys
    assert keys["range"].types == ("Int", "UInt")
    assert keys["maxLength"].types == ("String",)
    assert keys["items"].needed_by == ("Array",)
    assert "enSource" in schema.TEXT.allowed
    assert schema.RESPONSE_FIELD.keys["fields"].types == ("Object",)


def test_a_deep_json_example_is_no_deep_stack() -> None:
    deep: object = 1
    for _ in range(5000):
        deep = {"a": deep}
    assert schema.check(deep, schema.Json(), "x.yaml", "example") == []


def test_responses_nested_too_deeply_are_a_problem_not_a_crash() -> None:
    field: dict[str, object] = {
        "name": "a",
        "type": "String",
        "description": {"en": "x", "zh": "x"},
    }
    for _ in range(2000):
        field = {"name": "a", "type": "Object", "description": {"en": "x", "zh": "x"},
                 "fields": [field]}  # fmt: skip
    problems = schema.check(field, schema.RESPONSE_FIELD, "x.yaml", "response[0]")
    assert [p.message for p in problems] == ["response[0] is nested too deeply"]


@pytest.mark.parametrize(
    ("kind", "value", "problem"),
    [
        ("String", "x", None),
        ("String", 5, "int 5 is not a String"),
        ("Int", -5, None),
        ("Int", True, "a boolean is not an Int"),
        ("UInt", -1, "-1 is not a UInt (at least 0)"),
        ("UInt", 2**64, f"{2**64} is out of the 64-bit range"),
    ],
)
def test_scalar_values(kind: str, value: object, problem: str | None) -> None:
    assert schema.scalar_value_problem(kind, value) == problem
