"""The rules of the grown spec language: each broken rule gives one problem, with its exact
``file:line:column`` and message.

Each case edits one line of ``BASE`` (a valid action that uses every construct) in a small
spec (the real service and errors, the task action, and this action file); positions are
found in the edited text, so a case reads as "this line, at this word, this message".
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.loader import Problem, SpecError

from ..support import SpecCopy

TASK = "DescribeBmLoadBalancersTaskResult"
NAME = "DescribeThings"
FILE = f"spec/actions/{NAME}.yaml"

BASE = """\
action: DescribeThings
summary: {en: "List things.", zh: "获取。"}
startsTask: false
idempotent: true
parameters:
  - name: thingIds
    type: Array
    required: false
    maxItems: 50
    items: {type: String, maxLength: 64}
    description: {en: "Ids.", zh: "ID。"}
  - name: protocol
    type: String
    required: false
    enum: [tcp, udp]
    default: tcp
    description: {en: "Protocol.", zh: "协议。"}
  - name: offset
    type: UInt
    required: false
    description: {en: "Offset.", zh: "偏移。"}
  - name: limit
    type: UInt
    required: false
    range: [1, 100]
    default: 20
    description: {en: "Limit.", zh: "数量。"}
  - name: backends
    type: Array
    required: false
    description: {en: "Backends.", zh: "主机。"}
    items:
      name: backend
      unique: [instanceId]
      fields:
        - {name: instanceId, type: String, required: true, description: {en: "I.", zh: "主机。"}}
        - {name: weight, type: Int, required: false, range: [0, 100], default: 10,
           description: {en: "W.", zh: "权重。"}}
pagination: {offset: offset, limit: limit, total: totalCount, items: thingSet}
errors: [9003]
response:
  - name: totalCount
    type: Int
    description: {en: "Total.", zh: "总数。"}
  - name: thingSet
    type: Array
    description: {en: "Things.", zh: "列表。"}
    items:
      name: thing
      fields:
        - {name: thingId, type: String, description: {en: "Id.", zh: "ID。"}}
        - {name: status, type: Int, required: false, allowed: [0, 1],
           description: {en: "S.", zh: "状态。"}}
        - name: data
          type: Object
          description: {en: "Data.", zh: "数据。"}
          fields:
            - {name: vip, type: String, description: {en: "V.", zh: "V。"}}
example:
  thingIds: [t-1]
exampleResponse:
  code: 0
  totalCount: 1
  thingSet:
    - {thingId: t-1, data: {vip: 10.0.0.1}}
"""


def line_of(text: str, start: str) -> int:
    """The 1-based number of the one line of ``text`` that starts with ``start``."""
    found = [i for i, line in enumerate(text.splitlines(), 1) if line.startswith(start)]
    assert len(found) == 1, (start, found)
    return found[0]


def edit(text: str, start: str, new: str, span: int = 1) -> str:
    """``text`` with ``span`` lines from the one starting with ``start`` replaced by ``new``."""
    lines = text.splitlines()
    number = line_of(text, start)
    lines[number - 1 : number - 1 + span] = new.split("\n") if new else []
    return "\n".join(lines) + "\n"


def at(text: str, start: str, word: str) -> tuple[int, int]:
    """(line, column) of ``word`` on the line starting with ``start``, both 1-based."""
    number = line_of(text, start)
    column = text.splitlines()[number - 1].index(word)
    return number, column + 1


def small_spec(tmp_path: Path, text: str, name: str = NAME) -> SpecCopy:
    spec = SpecCopy(tmp_path, only=(TASK,))
    spec.write_action(text, name)
    return spec


def problems_of(spec: SpecCopy) -> list[Problem]:
    with pytest.raises(SpecError) as info:
        spec.load()
    return info.value.problems


def test_the_base_action_loads(tmp_path: Path) -> None:
    action = next(a for a in small_spec(tmp_path, BASE).load().actions if a.name == NAME)
    assert [p.wire for p in action.params] == ["thingIds", "protocol", "offset", "limit",
                                                "backends"]  # fmt: skip
    assert action.pagination is not None


@dataclass(frozen=True)
class Case:
    id: str
    start: str  # the line to edit
    new: str  # its new text (lines)
    where: tuple[str, str]  # (start of the line, word) the problem is at
    message: str
    span: int = 1  # lines replaced


CASES = [
    # -- parameters: which keys apply to which type -------------------------------------
    Case("range-on-a-string", "    enum: [tcp, udp]", "    enum: [tcp, udp]\n    range: [1, 5]",
         ("    range: [1, 5]", "range"), "parameters[1]: 'range' does not apply to a String"),
    Case("maxLength-on-a-uint", "    range: [1, 100]", "    range: [1, 100]\n    maxLength: 3",
         ("    maxLength: 3", "maxLength"), "parameters[3]: 'maxLength' does not apply to a UInt"),
    Case("default-on-an-array", "    maxItems: 50", "    maxItems: 50\n    default: x",
         ("    default: x", "default"), "parameters[0]: 'default' does not apply to an Array"),
    Case("unknown-key-in-scalar-items", "    items: {type: String, maxLength: 64}",
         "    items: {type: String, maxLength: 64, colour: red}",
         ("    items: {type: String", "colour"),
         "unknown key 'colour' in parameters[0].items; allowed: enum, maxLength, range, type"),
    Case("array-of-arrays", "    items: {type: String, maxLength: 64}",
         "    items: {type: Array}", ("    items: {type: Array}", "Array"),
         "parameters[0].items.type must be one of String, Int, UInt, got 'Array'"),
    Case("array-without-items", "    items: {type: String, maxLength: 64}", "",
         ("  - name: thingIds", "name"), "parameters[0]: an Array needs 'items'"),
    # -- enums and defaults --------------------------------------------------------------
    Case("enum-value-of-the-wrong-type", "    enum: [tcp, udp]", "    enum: [tcp, 5]",
         ("    enum: [tcp, 5]", "5"), "parameters[1].enum[1]: int 5 is not a String"),
    Case("enum-value-twice", "    enum: [tcp, udp]", "    enum: [tcp, tcp]",
         ("    enum: [tcp, tcp]", "tcp]"), "parameters[1].enum[1]: 'tcp' is listed twice"),
    Case("enum-empty", "    enum: [tcp, udp]", "    enum: []",
         ("    enum: []", "["), "parameters[1].enum must not be empty"),
    Case("enum-outside-the-range", "    range: [1, 100]", "    range: [1, 100]\n    enum: [0, 20]",
         ("    enum: [0, 20]", "0"), "parameters[3].enum[0]: 0 is outside the range 1–100"),
    Case("default-outside-the-enum", "    default: tcp", "    default: tls",
         ("    default: tls", "tls"), "parameters[1].default: 'tls' is not one of tcp, udp"),
    Case("default-outside-the-range", "    default: 20", "    default: 200",
         ("    default: 200", "200"), "parameters[3].default: 200 is outside the range 1–100"),
    Case("default-of-the-wrong-type", "    default: 20", '    default: "20"',
         ('    default: "20"', '"20"'), "parameters[3].default: the string '20' is not a UInt"),
    Case("default-longer-than-maxLength", "    items: {type: String, maxLength: 64}",
         "    items: {type: String, maxLength: 64}\n    description: {en: x, zh: x}\n"
         "  - name: zone\n    type: String\n    required: false\n    maxLength: 2\n"
         "    default: abc",
         ("    default: abc", "abc"), "parameters[1].default: 'abc' is longer than 2 characters"),
    Case("default-on-a-required-parameter", "  - name: protocol",
         "  - name: protocol\n    type: String\n    required: true", ("    default: tcp", "tcp"),
         "parameters[1].default: a required parameter has no default (it is always sent); "
         "drop the default or make it optional", span=3),
    Case("uint-below-zero", "    range: [1, 100]", "    range: [-1, 100]",
         ("    range: [-1, 100]", "["), "parameters[3].range: a UInt is at least 0"),
    Case("range-of-two-nulls", "    range: [1, 100]", "    range: [null, null]",
         ("    range: [null, null]", "["),
         "parameters[3].range must be [low, high] integers with low <= high "
         "(one of them may be null)"),
    # -- array items -----------------------------------------------------------------------
    Case("unique-names-no-field", "      unique: [instanceId]", "      unique: [instanceId, port]",
         ("      unique: [instanceId, port]", "port"),
         "parameters[4].items.unique names 'port', which is not one of its fields"),
    Case("unique-true-on-an-array-of-objects", "    description: {en: \"Backends.\"",
         "    description: {en: \"Backends.\", zh: \"主机。\"}\n    unique: true",
         ("    unique: true", "unique"),
         "parameters[4]: 'unique: true' is for arrays of scalars; an array of objects names the "
         "fields that must not repeat in its items: 'unique: [field, ...]'"),
    Case("item-field-of-type-array", "        - {name: instanceId",
         "        - {name: instanceId, type: Array, required: true, description: {en: I, zh: I}}",
         ("        - {name: instanceId", "Array"),
         "parameters[4].items.fields[0].type must be one of String, Int, UInt, got 'Array'"),
    Case("item-model-not-a-class-name", "      name: backend", "      name: backend\n"
         "      model: backend", ("      model: backend", "backend"),
         "parameters[4].items.model 'backend' must match ^[A-Z][A-Za-z0-9]*$"),
    # -- response fields -------------------------------------------------------------------
    Case("named-enum-on-a-string", "        - {name: thingId,",
         "        - {name: thingId, type: String, enum: {name: x, values: []}, "
         'description: {en: "Id.", zh: "ID。"}}',
         ("        - {name: thingId", "enum"),
         "response[1].items.fields[0]: 'enum' does not apply to a String"),
    Case("allowed-value-of-the-wrong-type", "        - {name: status,",
         '        - {name: status, type: Int, allowed: [0, "x"], description: {en: S, zh: S}}',
         ("        - {name: status", '"x"'),
         "response[1].items.fields[1].allowed[1]: the string 'x' is not an Int", span=2),
    Case("object-without-fields", "          fields:", "          required: false",
         ("        - name: data", "name"), "response[1].items.fields[2]: an Object needs 'fields'",
         span=2),
    Case("model-on-a-string", "        - {name: thingId,",
         '        - {name: thingId, type: String, model: Thing, description: {en: I, zh: I}}',
         ("        - {name: thingId", "model"),
         "response[1].items.fields[0]: 'model' does not apply to a String"),
    Case("response-field-twice", "        - {name: status,",
         "        - {name: thingId, type: Int, description: {en: S, zh: S}}",
         ("        - {name: thingId, type: Int", "{"),
         "response field 'thingId' is defined twice", span=2),
    Case("unknown-response-type", "    type: Int", "    type: Float", ("    type: Float", "Float"),
         "response[0].type must be one of String, Int, UInt, Object, Array, got 'Float'"),
    # -- pagination ------------------------------------------------------------------------
    Case("pagination-names-no-parameter", "pagination:",
         "pagination: {offset: start, limit: limit, total: totalCount, items: thingSet}",
         ("pagination:", "start"),
         "pagination.offset names 'start', which is not a parameter of this action"),
    Case("pagination-limit-is-a-string", "pagination:",
         "pagination: {offset: offset, limit: protocol, total: totalCount, items: thingSet}",
         ("pagination:", "protocol"),
         "pagination.limit: the parameter 'protocol' is a String; it must be Int or UInt"),
    Case("pagination-total-is-missing", "pagination:",
         "pagination: {offset: offset, limit: limit, total: count, items: thingSet}",
         ("pagination:", "count"),
         "pagination.total names 'count', which is not a top-level response field of this "
         "action"),
    Case("pagination-items-is-not-an-array", "pagination:",
         "pagination: {offset: offset, limit: limit, total: totalCount, items: totalCount}",
         ("pagination:", "totalCount}"),
         "pagination.items: the top-level response field 'totalCount' is an Int; it must be "
         "Array"),
    Case("pagination-unknown-key", "pagination:",
         "pagination: {offset: offset, limit: limit, total: totalCount, items: thingSet, by: 1}",
         ("pagination:", "by"),
         "unknown key 'by' in pagination; allowed: items, limit, offset, total"),
    # -- tasks, pages, texts -----------------------------------------------------------------
    Case("task-without-request-id", "startsTask: false", "startsTask: true",
         ("  - name: totalCount", "-"),
         "an action that starts a task needs a required requestId field of type Int"),
    Case("pages-both-null", "startsTask: false", "pages: {zh: null, en: null}\nstartsTask: false",
         ("pages:", "{"), "pages: zh or en must name a page"),
    Case("en-source-unknown", "summary:", 'summary: {en: "x", zh: "y", enSource: mine}',
         ("summary:", "mine"), "summary.enSource must be one of tencent, ours, got 'mine'"),
    # -- the examples ------------------------------------------------------------------------
    Case("example-item-of-the-wrong-type", "  thingIds: [t-1]", "  thingIds: [5]",
         ("  thingIds: [5]", "5"), "example.thingIds[0]: int 5 is not a String"),
    Case("example-value-outside-the-enum", "  thingIds: [t-1]",
         "  thingIds: [t-1]\n  protocol: tls", ("  protocol: tls", "tls"),
         "example.protocol: 'tls' is not one of tcp, udp"),
    Case("example-item-without-a-required-field", "  thingIds: [t-1]",
         "  thingIds: [t-1]\n  backends: [{weight: 5}]", ("  backends:", "{"),
         "example.backends[0] needs the required field(s) instanceId"),
    Case("example-items-repeat-a-unique-field", "  thingIds: [t-1]",
         "  thingIds: [t-1]\n  backends: [{instanceId: a}, {instanceId: a}]", ("  backends:", "["),
         "example.backends: two items have the same instanceId"),
    Case("example-response-misses-a-required-field", "  totalCount: 1", "  total: 1",
         ("  code: 0", "code"),
         "exampleResponse.totalCount is missing: the response field 'totalCount' is required"),
    Case("example-response-of-the-wrong-type", "  totalCount: 1", '  totalCount: "1"',
         ('  totalCount: "1"', '"1"'), "exampleResponse.totalCount: the string '1' is not an Int"),
    Case("example-response-nested-of-the-wrong-type", "    - {thingId: t-1",
         "    - {thingId: t-1, data: {vip: 7}}", ("    - {thingId: t-1", "7"),
         "exampleResponse.thingSet[0].data.vip: int 7 is not a String"),
    Case("example-response-object-not-a-mapping", "    - {thingId: t-1",
         "    - {thingId: t-1, data: [1]}", ("    - {thingId: t-1", "["),
         "exampleResponse.thingSet[0].data must be an object, got a list"),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_one_broken_rule_gives_one_positioned_problem(tmp_path: Path, case: Case) -> None:
    text = edit(BASE, case.start, case.new, case.span)
    line, column = at(text, *case.where)
    problems = problems_of(small_spec(tmp_path, text))
    assert [str(p) for p in problems] == [f"{FILE}:{line}:{column}: {case.message}"]


# -- classes across entries and files --------------------------------------------------------


def things(name: str, fields: str, model: str | None = None, item: str = "thing") -> str:
    """A small action whose response has one array of objects (``fields``: YAML flow lines)."""
    shown = f"\n      model: {model}" if model else ""
    return f"""\
action: {name}
summary: {{en: "S.", zh: "S。"}}
startsTask: false
idempotent: true
parameters: []
errors: []
response:
  - name: thingSet
    type: Array
    description: {{en: "Things.", zh: "列表。"}}
    items:
      name: {item}{shown}
      fields:
{fields}"""


ID = '        - {name: thingId, type: String, description: {en: "Id.", zh: "ID。"}}\n'
VIP = '        - {name: vip, type: String, description: {en: "V.", zh: "V。"}}\n'


def test_a_shared_model_with_other_fields_is_placed_at_the_second_use(tmp_path: Path) -> None:
    spec = small_spec(tmp_path, things("DescribeA", ID, model="Thing"), "DescribeA")
    second = things("DescribeB", ID + VIP, model="Thing")
    spec.write_action(second, "DescribeB")
    line, column = at(second, "      model: Thing", "Thing")
    assert [str(p) for p in problems_of(spec)] == [
        f"spec/actions/DescribeB.yaml:{line}:{column}: the model 'Thing' is also defined at "
        f"spec/actions/DescribeA.yaml:{line}:{column} (the items of thingSet in DescribeA), "
        "with other fields (only here: vip); entries that share a class must be the same; "
        "choose another 'model' name"
    ]


def test_a_default_name_taken_by_another_class_names_the_way_out(tmp_path: Path) -> None:
    # DescribeA's items "b thing" default to DescribeABThing; DescribeAB's "thing" too.
    spec = small_spec(tmp_path, things("DescribeA", ID, item="bThing"), "DescribeA")
    second = things("DescribeAB", ID + VIP)
    spec.write_action(second, "DescribeAB")
    line, column = at(second, "      name: thing", "name")
    first = at(things("DescribeA", ID, item="bThing"), "      name: bThing", "name")
    assert [str(p) for p in problems_of(spec)] == [
        f"spec/actions/DescribeAB.yaml:{line}:{column}: the class name 'DescribeABThing' of the "
        "items of thingSet in DescribeAB (its default name) is also the class of the items of "
        f"thingSet in DescribeA (spec/actions/DescribeA.yaml:{first[0]}:{first[1]}); give it its "
        "own class name with 'model:'"
    ]


def test_a_default_name_that_is_an_error_class(tmp_path: Path) -> None:
    text = things("Invalid", ID, item="parameter")
    spec = small_spec(tmp_path, text, "Invalid")
    line, column = at(text, "      name: parameter", "name")
    assert [str(p) for p in problems_of(spec)] == [
        f"spec/actions/Invalid.yaml:{line}:{column}: the class name 'InvalidParameter' of the "
        "items of thingSet in Invalid (its default name) is also the error class of code 4000; "
        "give it its own class name with 'model:'"
    ]


@pytest.mark.parametrize(
    ("model", "what"),
    [("Client", "a name of the package itself"), ("TaskStatus", "the class of the enum")],
)
def test_a_model_name_taken_by_another_kind_of_class(tmp_path: Path, model: str, what: str) -> None:
    # (DescribeZ: after the task action, whose enum TaskStatus is then the first of the name)
    text = things("DescribeZ", ID, model=model)
    spec = small_spec(tmp_path, text, "DescribeZ")
    line, column = at(text, f"      model: {model}", model)
    [problem] = problems_of(spec)
    assert (problem.file, problem.line, problem.column) == (
        "spec/actions/DescribeZ.yaml",
        line,
        column,
    )
    assert problem.message.startswith(f"the class name {model!r} of the items of thingSet")
    assert what in problem.message and problem.message.endswith("choose another 'model' name")


def test_the_same_fields_under_one_default_name_make_one_class(tmp_path: Path) -> None:
    """DescribeBmBindInfo's rsList appears at two depths with the same fields: one class."""
    nested = (
        ID
        + "        - name: rsList\n          type: Array\n"
        + '          description: {en: "R.", zh: "R。"}\n'
        + "          items:\n            fields:\n"
        + '              - {name: port, type: Int, description: {en: "P.", zh: "端口。"}}\n'
        + "        - name: other\n          type: Array\n"
        + '          description: {en: "O.", zh: "O。"}\n'
        + "          items:\n            name: rsList\n            fields:\n"
        + '              - {name: port, type: Int, description: {en: "Port.", zh: "端口。"}}\n'
    )
    spec = small_spec(tmp_path, things("DescribeA", nested), "DescribeA")
    action = next(a for a in spec.load().actions if a.name == "DescribeA")
    assert [m.class_name for m in action.models] == ["DescribeAThing", "DescribeARsList"]
    # Each place keeps its own texts; the class is one.
    thing = action.models[0]
    assert [f.shape.item.model.fields[0].description.en for f in thing.fields[1:]] == [  # type: ignore[union-attr]
        "P.",
        "Port.",
    ]


def test_without_an_english_page_every_english_text_is_marked_ours(tmp_path: Path) -> None:
    text = edit(
        BASE, "startsTask: false", "pages: {zh: pages/x.zh.md, en: null}\nstartsTask: false"
    )
    ours = text.replace('"}', '", enSource: ours}').replace('。"}', '。", enSource: ours}')
    unmarked = edit(ours, "summary:", 'summary: {en: "List things.", zh: "获取。"}')
    assert [str(p) for p in problems_of(small_spec(tmp_path, unmarked))] == [
        f"{FILE}:{line_of(unmarked, 'summary:')}:10: Tencent has no English page of this action "
        "(pages.en is null), so this English text is ours: mark it 'enSource: ours'"
    ]
    loaded = small_spec(tmp_path / "ok", ours).load()
    action = next(a for a in loaded.actions if a.name == NAME)
    assert action.summary.en_ours and action.pages is not None and action.pages.en is None


def test_two_actions_with_one_result_class(tmp_path: Path) -> None:
    """DescribeA's result is DescribeAResult, the name of the action DescribeAResult's."""
    spec = small_spec(tmp_path, things("DescribeA", ID), "DescribeA")
    spec.write_action(things("DescribeAResult", ID), "DescribeAResult")
    assert [str(p) for p in problems_of(spec)] == [
        "spec/actions/DescribeAResult.yaml:1:9: the class name 'DescribeAResult' of the result "
        "of DescribeAResult (its default name) is also the class of the result of DescribeA "
        "(spec/actions/DescribeA.yaml:1:9)"
    ]
