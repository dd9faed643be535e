"""``python -m generator import-doc``: reading Tencent's pages, the report, ``--write`` and
``--check``.

The pages here are Tencent's own (the corpus) or fixtures of ours (``tests/doc_pages``: a
Chinese page changed as Tencent might change it, an English page that disagrees with the
Chinese one, a new action) and small pages written in the tests; the action a test is about is
the one its page names."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.importdoc import build, facts, jsonfix
from generator.importdoc.cli import run as run_pages
from generator.importdoc.compare import Comparison, Spec
from generator.importdoc.page import PageError, parse, summary_text
from generator.loader import load

from .corpus import CORPUS, PAGE_FILES, ROOT, SPEC, whole_spec

PAGES = ROOT / "tests" / "doc_pages"
CHANGED_ZH = PAGES / "ModifyBmL4ListenerBackendPort.changed.zh.md"
DISAGREES_EN = PAGES / "ModifyBmL4ListenerBackendPort.changed.en.md"
NEW_ACTION = PAGES / "ModifyBmL4ListenerWeight.new.zh.md"
corpus = pytest.mark.skipif(not PAGE_FILES, reason="the corpus is not in this checkout")


@pytest.fixture
def spec_copy(tmp_path: Path) -> Path:
    return whole_spec(tmp_path / "spec")


def cli(*args: str | Path) -> tuple[int, str, str]:
    done = subprocess.run(
        [sys.executable, "-m", "generator", "import-doc", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return done.returncode, done.stdout, done.stderr


def compare(spec_dir: Path, *paths: Path) -> list[Comparison]:
    comparisons, unreadable = run_pages(list(paths), Spec(spec_dir))
    assert not unreadable
    return comparisons


def lines(comparison: Comparison, kind: str) -> list[str]:
    return [f"{c.what}: {c.detail}" for c in comparison.changes if c.kind == kind]


# -- what a description says -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("New CPM port. Available value range: 1-65535.", (1, 65535)),
        ("新的探测端口，可选值1~65535。", (1, 65535)),
        ("Value range: 900 ~ 3600. Session persistence is disabled", (900, 3600)),
        ("购买黑石负载均衡实例的数量。默认值为 1, 最大值为 20。", (None, 20)),
        ("ID like lb-123-456", None),
        ("规则：1-60个小写英文字母、数字", None),  # a length, not a value range
        ("Bound CPM port.", None),
    ],
)
def test_int_ranges(text: str, expected: object) -> None:
    assert facts.int_range(text) == expected


def test_lengths_and_array_limits() -> None:
    assert facts.max_length("规则：1-20个英文、汉字、数字、连接线“-”或下划线“_”。") == 20
    assert facts.max_length("a combination of 1-60 characters comprised of lowercase") == 60
    assert facts.max_items("目前一个四层监听器下面最多允许绑定255个主机端口。") == 255
    assert facts.max_items("目前一个负载均衡下面最多允许创建50个监听器") == 50
    assert facts.max_items("Currently, you can create up to 50 listeners") == 50
    assert facts.max_items("Several hosts.") is None


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("监听器协议类型，可选值tcp，udp。", ["tcp", "udp"]),
        ("可选值：text（文本）、hexadecimal（十六进制）。", ["text", "hexadecimal"]),
        ("负载均衡的类型，取值为 open 或 internal。open 表示公网", ["open", "internal"]),
        (
            "TGW 集群类别，取值为 tunnel，fullnat，dnat，普通型 LB 对应 fullnat",
            ["tunnel", "fullnat", "dnat"],
        ),
        ("Protocol type of listener. Value can be TCP or UDP.", ["TCP", "UDP"]),
        (
            "Field used for sorting (loadBalancerName, createTime, domain and loadBalancerType).",
            ["loadBalancerName", "createTime", "domain", "loadBalancerType"],
        ),
        ("健康检查状态（Dead代表不健康，Alive代表健康）。", ["Dead", "Alive"]),
        ("ip协议类型。“ipv4”，“ipv6”。目前只有北京和上海支持", ["ipv4", "ipv6"]),
        ("服务端证书名称。", []),
        ("单位：Mbps。", []),
    ],
)
def test_allowed_names(text: str, values: list[str]) -> None:
    assert facts.name_values(text) == values


@pytest.mark.parametrize(
    ("text", "values", "default"),
    [
        ("是否开启健康检查：1（开启）、0（关闭）。默认值0，表示关闭。", [1, 0], 0),
        (
            "Indicate whether health check is enabled. 1: On; 0: Off. Default value is 0 (off).",
            [1, 0],
            0,
        ),
        ("1倒序，0顺序，默认值为顺序。", [1, 0], 0),
        ("1: Descending; 0: Ascending. Default is ascending.", [1, 0], 0),
        ("是否开启toa。可选值：0（关闭）、1（开启），默认关闭。", [0, 1], 0),
        ("任务当前状态。0：成功，1：失败，2：进行中。", [0, 1, 2], None),
        ("健康阈值，默认值：3，表示当连续探测三次健康则表示该转发正常，可选值：2-10", [], 3),
        ("负载均衡所属项目 ID。不填则属于默认项目。", [], None),
    ],
)
def test_labelled_values_and_defaults(text: str, values: list[int], default: object) -> None:
    assert facts.int_values(text) == values
    assert facts.default(text, "Int", list(values)) == default


def test_string_defaults_must_be_listed_values() -> None:
    assert (
        facts.default("均衡方式：ip_hash、wrr。默认值wrr。", "String", ["ip_hash", "wrr"]) == "wrr"
    )
    assert facts.default("Default is flow.", "String", ["flow", "bandwidth"]) == "flow"
    assert facts.default("默认值为 foo。", "String", ["flow", "bandwidth"]) is None


@pytest.mark.parametrize(
    ("sentence", "lang", "summary"),
    [
        (
            "本接口（CreateBmListeners）提供了创建黑石四层负载均衡监听器功能。",
            "zh",
            "创建黑石四层负载均衡监听器。",
        ),
        (
            "UnbindBmL4ListenerRs 提供了解绑黑石负载均衡四层监听器物理服务器功能。",
            "zh",
            "解绑黑石负载均衡四层监听器物理服务器。",
        ),
        (
            "DeleteBmLoadBalancers 用来删除用户指定的黑石负载均衡实例。",
            "zh",
            "删除用户指定的黑石负载均衡实例。",
        ),
        (
            "DescribeBmLoadBalancers 接口用来于获取黑石负载均衡实例列表。",
            "zh",
            "获取黑石负载均衡实例列表。",
        ),
        (
            "This API (BindBmL4ListenerRs) is used to bind CPM to layer-4 listeners.",
            "en",
            "Bind CPM to layer-4 listeners.",
        ),
    ],
)
def test_summaries_say_what_the_action_does(sentence: str, lang: str, summary: str) -> None:
    action = (
        sentence.split("（")[-1].split("）")[0]
        if "（" in sentence
        else (sentence.split("(")[1].split(")")[0] if "(" in sentence else sentence.split()[0])
    )
    assert summary_text(sentence, action, lang) == summary


# -- reading pages -------------------------------------------------------------------------------


@corpus
def test_arrays_in_every_way_the_pages_write_them() -> None:
    delete = parse(CORPUS / "DeleteBmListeners.zh.md")  # listenerIds.n, typed Array
    ids = delete.params[1]
    assert (ids.name, ids.type, ids.item_type, ids.fields) == ("listenerIds", "Array", "String", [])
    assert delete.example == {"loadBalancerId": "lb-abcdefgh", "listenerIds": ["lbl-abcdefgh"]}
    bind = parse(CORPUS / "BindBmL4ListenerRs.zh.md")  # a parent row, then backends.n.* rows
    backends = bind.params[2]
    assert [f.name for f in backends.fields] == ["port", "probePort", "instanceId", "weight"]
    assert backends.max_items == 255 and backends.fields[1].required is False
    create = parse(CORPUS / "CreateBmLoadBalancer.zh.md")  # Array(String), index in prose only
    vips = next(p for p in create.params if p.name == "specifiedVips")
    assert (vips.type, vips.item_type) == ("Array", "String")
    assert create.example is not None
    assert create.example["specifiedVips"] == ["10.1.143.210", "10.1.143.211"]


def test_a_sub_table_of_plain_names_named_by_its_intro() -> None:
    text = (
        "This API (DoThing) is used to do a thing.\n\n"
        "| Parameter Name | Required | Type | Description |\n|---|---|---|---|\n"
        "| targets | Yes | Array | Targets, at most 10. |\n\n"
        "targets contains the following fields (n is the index)\n\n"
        "| Parameter Name | Required | Type | Description |\n|---|---|---|---|\n"
        "| host | Yes | String | Host. |\n| port | No | Int | Port, 1-65535. |\n"
    )
    page = parse(Path("page.md"), text)
    [targets] = page.params
    assert targets.max_items == 10
    assert [(f.name, f.required, f.range) for f in targets.fields] == [
        ("host", True, None),
        ("port", False, (1, 65535)),
    ]


@corpus
def test_nested_answers_at_every_depth_and_field_sets_by_value() -> None:
    page = parse(CORPUS / "DescribeBmBindInfo.zh.md")
    [lbs] = page.outputs
    l4 = next(f for f in lbs.fields if f.name == "L4ListenerSet")
    l7 = next(f for f in lbs.fields if f.name == "L7ListenerSet")
    assert [f.name for f in l4.fields[-1].fields] == ["instanceId", "rsPort"]  # rsList
    locations = l7.fields[-1].fields[-1]
    assert [f.name for f in locations.fields[-1].fields] == ["instanceId", "rsPort"]
    # listenerName is in the table, not in the example answer: it may be absent
    assert next(f for f in l4.fields if f.name == "listenerName").required is False
    info = parse(CORPUS / "DescribeBmForwardListenerInfo.zh.md")
    rs = info.outputs[0].fields[-1].fields[-1].fields[-1]  # ...locations.rsList
    lan = next(f for f in rs.fields if f.name == "lanIp")
    assert lan.required is False and lan.condition == "bindType为0"
    assert lan.description == "当bindType为0时：黑石物理机的内网IP。 当bindType为1时：虚机IP。"


@corpus
def test_html_tables_and_typos_in_intros() -> None:
    page = parse(CORPUS / "DescribeBmLoadBalancers.en.md")
    assert [p.name for p in page.params][:3] == [
        "loadBalancerIds",
        "loadBalancerType",
        "loadBalancerName",
    ]
    assert page.params[1].enum == ["open", "internal"]
    assert len(page.outputs[0].fields) == 17
    vport = parse(CORPUS / "DescribeBmVportInfo.en.md")  # "Each sub-item of listensetSet"
    assert [f.name for f in vport.outputs[0].fields][:2] == ["listenerId", "listenerName"]
    assert any("listensetSet" in n.text for n in vport.notes)


def test_rows_the_pages_get_wrong_are_read_and_reported() -> None:
    head = "This API (DoThing) is used to do a thing.\n\n"
    # a row without its Required cell: the cells after it shift
    text = head + (
        "| Parameter Name | Required | Type | Description |\n|---|---|---|---|\n"
        "| a | Yes | Int | A. |\n| b | Int | B, 0-100. |\n"
    )
    page = parse(Path("page.md"), text)
    assert [(p.name, p.type, p.required, p.range) for p in page.params] == [
        ("a", "Int", True, None),
        ("b", "Int", None, (0, 100)),
    ]
    assert [f.line for f in page.faults] == [6] and "no Required cell" in page.faults[0].text
    # an output table whose rows were lost: the next table's header runs into its header
    text = head + (
        "| Parameter Name | Type | Description |\n"
        "| Error Code | Error Message | Error Description |\n|---|---|---|\n"
        "| 9003 | InvalidParameter | Invalid parameter |\n"
    )
    page = parse(Path("page.md"), text)
    assert [e.code for e in page.errors] == [9003]
    assert [(x.line, x.text) for x in page.losses] == [(3, "the output table has no rows")]
    # a row that cannot be read is reported with its line; the rest is read
    text = head + (
        "| Parameter Name | Required | Type | Description |\n|---|---|---|---|\n"
        "| a b | Yes | Int | x |\n| c | Yes | String | C. |\n"
    )
    page = parse(Path("page.md"), text)
    assert [p.name for p in page.params] == ["c"]
    assert page.losses[0].line == 5 and "'a b'" in page.losses[0].text


def test_example_answers_are_repaired_or_reported() -> None:
    value, repairs = jsonfix.read('{\n  "a": XXX,\n  "b": <任务ID>,\n  "c": 1,\n}', 10)
    assert value == {"a": "XXX", "b": "<任务ID>", "c": 1}
    assert [(r.line, r.what) for r in repairs] == [
        (11, "a bare placeholder XXX read as a string"),
        (12, "a bare placeholder <任务ID> read as a string"),
        (13, "a trailing comma"),
    ]
    with pytest.raises(jsonfix.Unreadable) as info:
        jsonfix.read('{\n  "a": 1\n  "b": 2\n}', 10)
    assert info.value.line == 12


@corpus
@pytest.mark.parametrize(
    ("name", "what", "text"),
    [
        ("DeleteBmListeners.zh.md", "parameter listenerIds", "indexes start at 1"),
        ("UnbindBmLocationInstances.zh.md", "parameter backends.n.port", "'to bind' on an unbind"),
        (
            "DescribeBmBindInfo.zh.md",
            "response field loadBalancerSet.L4ListenerSet.protocol",
            "layer-7 where the field is about layer-4",
        ),
        ("ModifyBmL4ListenerBackendProbePort.zh.md", "parameter listenerId", "request template"),
        ("UploadBmCert.en.md", "action", "Action=ReplaceBmCert"),
        ("UploadBmCert.zh.md", "error -12020", "'--12020'"),
        ("DescribeBmBindInfo.zh.md", "parameter vpcId", "'XXX' for an Int"),
        ("GetBmCertDetail.zh.md", "response field data.certLBList", "an object for an Array"),
        ("DescribeBmVportInfo.zh.md", "response field totalCount", "the table does not list"),
    ],
)
def test_the_known_page_errors_are_flagged(name: str, what: str, text: str) -> None:
    page = parse(CORPUS / name)
    assert any(f.what == what and text in f.text for f in page.faults), page.faults


def test_a_page_that_cannot_be_read_stops_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.md"
    bad.write_text("Nothing here.\n", encoding="utf-8")
    with pytest.raises(PageError) as info:
        parse(bad)
    assert str(info.value).startswith(f"{bad}:1: cannot find the action name")
    missing = tmp_path / "missing.md"
    code, out, err = cli("--spec", SPEC, bad, missing, NEW_ACTION)
    assert code == 2
    assert f"error: {bad}:1: cannot find the action name" in err
    assert f"error: {missing}: cannot read the page" in err
    assert "ModifyBmL4ListenerWeight.new.zh.md (zh):" in out  # the good page is compared
    assert out.splitlines()[-1].startswith("total: 1 page(s) compared, 2 unreadable;")


# -- comparing with the spec -----------------------------------------------------------------------


def test_a_changed_chinese_page_report_write_and_check(spec_copy: Path) -> None:
    [result] = compare(spec_copy, CHANGED_ZH)
    report = result.report()
    assert "new      parameter weight:33: Int, optional, range [0, 100], default 10:" in report
    assert "(Chinese page only: the English text is ours)" in report
    assert "new      error -12026:70: InvalidParameter.PortIsDuplicate (new to the catalogue)" in (
        report
    )
    assert "new      error 9003" not in report  # codes the catalogue and the action have
    assert "removed  error 30011: InvalidRs.NotExist, not in the page's table" in report
    assert "changed  parameter newPort:32: range: spec [1, 65535], page [1, 1000]" in report
    assert "kept     parameter port:31: range: spec [1, 65535], page none" in report
    action_file = spec_copy / "actions" / "ModifyBmL4ListenerBackendPort.yaml"
    before = action_file.read_text(encoding="utf-8")
    code, out, err = cli("--write", "--spec", spec_copy, CHANGED_ZH)
    assert code == 0, err
    after = action_file.read_text(encoding="utf-8")
    for comment in [line for line in before.splitlines() if line.strip().startswith("#")]:
        assert comment in after  # comments, order and flow style are kept
    assert "    range: [1, 1000]\n" in after
    assert '      zh: "新的主机端口，可选值1~1000。"\n' in after  # the text follows its facts
    assert (
        "  - name: weight\n    type: Int\n    required: false\n    range: [0, 100]\n"
        "    default: 10\n" in after
    )
    assert f'      en: "{build.UNWRITTEN}"' in after and "      enSource: ours\n" in after
    assert (
        "errors: [9003, 9006, 11041, 12003, -21001, -21000, 11060, 28000, 14100, -12022, "
        "-12026]\n" in after
    )
    errors = (spec_copy / "errors.yaml").read_text(encoding="utf-8")
    assert "  - code: -12026\n    codeDesc: InvalidParameter.PortIsDuplicate\n" in errors
    assert "# retryable rule:" in errors
    action = next(a for a in load(spec_copy).actions if a.name == "ModifyBmL4ListenerBackendPort")
    assert [p.wire for p in action.params][-1] == "weight"
    # Until the English text of the new parameter is written, --check fails on it.
    code, out, err = cli("--check", "--spec", spec_copy, CHANGED_ZH)
    assert code == 1
    assert "parameter weight: the English text is not written yet" in out
    action_file.write_text(
        after.replace(f'en: "{build.UNWRITTEN}"', 'en: "New weight of the host, 0-100."'),
        encoding="utf-8",
    )
    code, out, err = cli("--check", "--spec", spec_copy, CHANGED_ZH)
    assert code == 0, out + err


@corpus
def test_the_english_page_does_not_decide(spec_copy: Path) -> None:
    """An English page that disagrees with the Chinese one: each difference needs a correction
    that quotes the English page; --write changes nothing for it."""
    [result] = compare(spec_copy, DISAGREES_EN)
    changed = lines(result, "changed")
    assert any(
        line.startswith(
            "parameter newPort: range: spec [1, 65535], page [1, 1000]; the Chinese page decides"
        )
        for line in changed
    ), changed

    def facts_of() -> tuple[object, ...]:
        action = next(
            a for a in load(spec_copy).actions if a.name == "ModifyBmL4ListenerBackendPort"
        )
        return action.params, tuple(e.code for e in action.errors), action.response

    before = facts_of()
    _, out, _ = cli("--write", "--spec", spec_copy, DISAGREES_EN)
    assert "could not be written; edit the spec by hand" in out
    assert facts_of() == before


def test_a_new_action_page_writes_a_spec_file_that_loads(spec_copy: Path) -> None:
    code, out, err = cli("--write", "--spec", spec_copy, NEW_ACTION)
    assert code == 0, err
    assert (
        "new      action ModifyBmL4ListenerWeight: 3 parameter(s) (1 array(s)); 1 response "
        "field(s); 3 error code(s) (1 new to the catalogue); starts a task; not read-only: "
        "idempotent false, review; Chinese page only: every English text is ours"
    ) in out
    text = (spec_copy / "actions" / "ModifyBmL4ListenerWeight.yaml").read_text("utf-8")
    assert "translate" not in text and "大" not in text.split("zh:")[0]
    assert "    maxItems: 100\n" in text and "          range: [0, 100]\n" in text
    assert "  en: null\n" in text  # pages: no English page
    spec = load(spec_copy)
    action = next(a for a in spec.actions if a.name == "ModifyBmL4ListenerWeight")
    assert action.starts_task and not action.idempotent
    assert [e.code for e in action.errors] == [9003, 30011, 77002]
    assert action.summary.zh == "修改黑石负载均衡四层监听器后端权重。"
    assert action.summary.en_ours and action.summary.en == build.UNWRITTEN
    code, out, _ = cli("--check", "--spec", spec_copy, NEW_ACTION)
    assert code == 1 and "the English text is not written yet" in out


def test_a_write_that_breaks_the_spec_writes_nothing(spec_copy: Path, tmp_path: Path) -> None:
    # The page's example breaks its own table (a weight of 500, the range is 0~100): the file
    # would not load, so no file is written, the catalogue included.
    page = tmp_path / NEW_ACTION.name
    page.write_text(
        NEW_ACTION.read_text(encoding="utf-8").replace(
            "targets.0.weight=10", "targets.0.weight=500"
        ),
        encoding="utf-8",
    )
    before = (spec_copy / "errors.yaml").read_bytes()
    code, _, err = cli("--write", "--spec", spec_copy, page)
    assert code == 1 and "the edited spec would not load; nothing written" in err
    assert "ModifyBmL4ListenerWeight.yaml" in err and "500" in err
    assert not (spec_copy / "actions" / "ModifyBmL4ListenerWeight.yaml").exists()
    assert (spec_copy / "errors.yaml").read_bytes() == before


@corpus
def test_a_correction_whose_page_was_fixed_is_noted(spec_copy: Path, tmp_path: Path) -> None:
    fixed = tmp_path / "pages" / "ModifyBmL4ListenerBackendProbePort.zh.md"
    fixed.parent.mkdir()
    text = (CORPUS / fixed.name).read_text(encoding="utf-8")
    fixed.write_text(text.replace("<七层监听器ID>", "<四层监听器ID>"), encoding="utf-8")
    [result] = compare(spec_copy, fixed)
    assert result.differences == 0, result.report()
    assert any(
        "neither page says 'listenerId=<七层监听器ID>' any more" in c.detail
        for c in result.changes
        if c.kind == "note"
    )


def test_spec_files_round_trip_unchanged() -> None:
    """--write edits in place: a file it loads and dumps untouched comes out byte for byte."""
    for path in sorted(SPEC.rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert build.dump(build.yaml().load(text)) == text, path


def test_generator_cli_still_works_without_the_subcommand() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "generator", "--help"], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0 and "--check" in done.stdout and "import-doc" in done.stdout


def test_pages_folders_are_read_whole(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    shutil.copy(NEW_ACTION, folder)
    shutil.copy(CHANGED_ZH, folder)
    code, out, _ = cli("--brief", "--spec", SPEC, folder)
    assert code == 0
    assert out.splitlines()[-1].startswith("total: 2 page(s) compared, 0 unreadable;")


def test_what_the_spec_cannot_hold_is_listed_and_the_rest_written(spec_copy: Path) -> None:
    """A page of our own (an older layout): an array of objects and an object whose fields the
    page does not list, a 1-based example, a string for an Int in the example answer."""
    page = PAGES / "DescribeBmThings.new.zh.md"
    code, out, err = cli("--write", "--spec", spec_copy, page)
    assert code == 0, err
    assert "lost     page:10: things: an array of objects whose fields the page does not" in out
    assert "lost     page:18: extra: an Object whose fields the page does not list" in out
    assert "fault    parameter ids:37: the example's indexes start at 1" in out
    assert "fault    response field thingSet.kind:42: the example answer gives '1'" in out
    action = next(a for a in load(spec_copy).actions if a.name == "DescribeBmThings")
    assert [p.wire for p in action.params] == ["loadBalancerId", "ids"]
    assert [f.name for f in action.response] == ["thingSet"]
    assert action.example_response is not None
    assert action.example_response["thingSet"] == [{"name": "x", "kind": 1}]
    assert dict(action.example) == {"load_balancer_id": "lb-1", "ids": ["a", "b"]}  # 0-based
