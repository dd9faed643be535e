"""``python -m generator import-doc``: reading Tencent doc pages, the report, ``--write`` and
``--check``."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator import importdoc
from generator.importdoc_page import PageError, max_items, parse, value_range
from generator.loader import SpecError, load

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "spec"
PAGES = Path(__file__).parent / "doc_pages"
SEEDS = ROOT.parent / "shared" / "reference" / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []

CHANGED = PAGES / "ModifyBmL4ListenerBackendPort.changed.en.md"
NEW_ACTION = PAGES / "ModifyBmL4ListenerWeight.new.zh.md"


@pytest.fixture
def spec_copy(tmp_path: Path) -> Path:
    target = tmp_path / "spec"
    shutil.copytree(SPEC, target)
    return target


def run(*args: str | Path) -> tuple[int, str, str]:
    done = subprocess.run(
        [sys.executable, "-m", "generator", "import-doc", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return done.returncode, done.stdout, done.stderr


def compare(page: Path, spec_dir: Path = SPEC) -> importdoc.Comparison:
    return importdoc.Comparer(importdoc.Spec(spec_dir)).compare(parse(page))


def lines(comparison: importdoc.Comparison, kind: str) -> list[str]:
    return [f"{c.what}: {c.detail}" for c in comparison.changes if c.kind == kind]


# -- the seed pages ---------------------------------------------------------------------------

SEED_FACTS = {
    "ModifyBmL4ListenerBackendPort": ("en", ["parameter port: range"]),
    "ModifyBmL4ListenerBackendProbePort": (
        "zh",
        [
            "parameter port: range",
            "parameter listenerId: the page says",
            "response field requestId",
        ],
    ),
    "UnbindBmL4ListenerRs": (
        "zh",
        [
            "parameter backends: description",
            "parameter backends.n.port: description",
            "parameter backends.n.instanceId: description",
            "parameter backends: the page says 'backends.1.port=1234'",
            "response field requestId: the page says",
        ],
    ),
}


@pytest.mark.skipif(not SEED_FILES, reason="the seed pages are not in this checkout")
@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name)
def test_seed_page_reproduces_the_spec(path: Path) -> None:
    page = parse(path)
    lang, kept = SEED_FACTS[page.action]
    assert page.lang == lang
    assert page.host == "bmlb.api.qcloud.com"
    spec = load(SPEC)
    action = next(a for a in spec.actions if a.name == page.action)
    assert [p.name for p in page.params] == [p.wire for p in action.params]
    assert [e.code for e in page.errors] == [e.code for e in action.errors]
    assert [o.name for o in page.outputs] == [r.name for r in action.response]
    result = compare(path)
    assert not [c for c in result.changes if c.counts], result.report()
    found = lines(result, "kept")
    assert len(found) == len(kept), result.report()
    for start in kept:
        assert any(line.startswith(start) for line in found), (start, found)


@pytest.mark.skipif(not SEED_FILES, reason="the seed pages are not in this checkout")
def test_seed_pages_pass_check_and_write_changes_nothing(spec_copy: Path) -> None:
    code, out, err = run("--check", "--spec", spec_copy, *SEED_FILES)
    assert code == 0, out + err
    assert "0 difference(s)" in out
    before = {p: p.read_bytes() for p in spec_copy.rglob("*.yaml")}
    code, out, _ = run("--write", "--spec", spec_copy, *SEED_FILES)
    assert code == 0 and "nothing to write" in out
    assert {p: p.read_bytes() for p in spec_copy.rglob("*.yaml")} == before


def test_spec_files_round_trip_unchanged() -> None:
    for path in sorted(SPEC.rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert importdoc.dump(importdoc.yaml().load(text)) == text, path


# -- a changed page (English) -----------------------------------------------------------------


def test_changed_page_report() -> None:
    result = compare(CHANGED)
    report = result.report()
    assert "new      parameter weight: Int, optional, range [0, 100]" in report
    assert "new      error 77001: InvalidFoo.Bar (new to the catalogue)" in report
    assert (
        "new      error 12013: InvalidResource.BindCPMNumberOverLimit (in the catalogue)" in report
    )
    assert "removed  error 30011: InvalidRs.NotExist" in report
    assert "changed  parameter newPort: range: spec [1, 65535], page [1, 1000]" in report
    assert "kept     parameter port: range: spec [1, 65535], page none" in report
    assert "= 6 difference(s), 1 kept by corrections" in report


def test_changed_page_write_edits_yaml_in_place(spec_copy: Path) -> None:
    action_file = spec_copy / "actions" / "ModifyBmL4ListenerBackendPort.yaml"
    before = action_file.read_text(encoding="utf-8")
    code, out, err = run("--check", "--spec", spec_copy, CHANGED)
    assert code == 1 and "6 difference(s)" in err
    code, out, err = run("--write", "--spec", spec_copy, CHANGED)
    assert code == 0, err
    assert "updated spec/actions/ModifyBmL4ListenerBackendPort.yaml" in out
    assert "updated spec/errors.yaml" in out
    after = action_file.read_text(encoding="utf-8")
    # Comments, order and flow style are kept; only the differences change.
    for comment in [line for line in before.splitlines() if line.strip().startswith("#")]:
        assert comment in after
    assert "    range: [1, 1000]\n" in after
    assert '      en: "New CPM port. Available value range: 1-1000."\n' in after
    assert "  - name: weight\n    type: Int\n    required: false\n    range: [0, 100]\n" in after
    assert "errors: [9003, 9006, 11041, 12003, -21001, -21000, 11060, 28000, 14100, -12022, " \
        "12013, 77001]\n" in after  # fmt: skip
    assert "newPort: 12345" not in after  # the example follows the new range
    assert 'correction:\n      page: "Bound CPM port."' in after
    removed = [line for line in before.splitlines() if line not in after.splitlines()]
    assert all("65535" in line or line.startswith("errors:") or "newPort:" in line
               for line in removed), removed  # fmt: skip
    errors = (spec_copy / "errors.yaml").read_text(encoding="utf-8")
    assert "  - code: 77001\n    codeDesc: InvalidFoo.Bar\n" in errors
    assert "# retryable rule:" in errors
    assert "# Sibling page (legacy-api.md), not in the three seed pages." in errors
    spec = load(spec_copy)
    action = next(a for a in spec.actions if a.name == "ModifyBmL4ListenerBackendPort")
    assert [p.py_name for p in action.params][-1] == "weight"
    # Now the page and the spec agree.
    code, out, err = run("--check", "--spec", spec_copy, CHANGED)
    assert code == 0, out + err


def test_removed_and_changed_parameter(spec_copy: Path, tmp_path: Path) -> None:
    text = CHANGED.read_text(encoding="utf-8")
    text = text.replace("| instanceId | Yes | String | ID of the CPM. |\n", "")
    text = text.replace("| newPort | Yes | Int |", "| newPort | No | String |")
    page = tmp_path / "page.md"
    page.write_text(text, encoding="utf-8")
    result = compare(page, spec_copy)
    report = result.report()
    assert "removed  parameter instanceId: not on the page" in report
    assert "changed  parameter newPort: type: spec Int, page String" in report
    code, _, err = run("--write", "--spec", spec_copy, page)
    assert code == 0, err
    doc = (spec_copy / "actions" / "ModifyBmL4ListenerBackendPort.yaml").read_text("utf-8")
    assert "name: instanceId" not in doc and "instanceId: cpm-abcdefgh" not in doc
    assert "  - name: newPort\n    type: String\n    required: true\n" in doc


# -- a new action (Chinese) ---------------------------------------------------------------------


def test_new_action_page_writes_a_new_spec_file(spec_copy: Path, tmp_path: Path) -> None:
    code, out, err = run("--write", "--spec", spec_copy, NEW_ACTION)
    assert code == 0, err
    assert "new      action ModifyBmL4ListenerWeight" in out
    assert "updated spec/actions/ModifyBmL4ListenerWeight.yaml" in out
    text = (spec_copy / "actions" / "ModifyBmL4ListenerWeight.yaml").read_text("utf-8")
    assert "# from the zh page; translate" in text
    assert "    maxItems: 100\n" in text
    assert "          range: [0, 100]\n" in text
    assert '    - {instanceId: "cpm-abcdefgh", weight: 10}\n' in text
    spec = load(spec_copy)
    action = next(a for a in spec.actions if a.name == "ModifyBmL4ListenerWeight")
    assert action.starts_task and [e.code for e in action.errors] == [9003, 30011, 77002]
    assert action.summary.zh.startswith("ModifyBmL4ListenerWeight 提供了修改")
    assert any(e.code == 77002 for e in spec.errors)
    code, out, err = run("--check", "--spec", spec_copy, NEW_ACTION)
    assert code == 0, out + err


def test_a_write_that_breaks_the_spec_writes_nothing(spec_copy: Path, tmp_path: Path) -> None:
    # Items whose default class name is the action's result class.
    text = NEW_ACTION.read_text(encoding="utf-8").replace("targets", "results")
    page = tmp_path / "page.md"
    page.write_text(text, encoding="utf-8")
    code, _, err = run("--write", "--spec", spec_copy, page)
    assert code == 1
    assert "the class name 'ModifyBmL4ListenerWeightResult'" in err and "nothing written" in err
    assert not (spec_copy / "actions" / "ModifyBmL4ListenerWeight.yaml").exists()
    assert (spec_copy / "errors.yaml").read_bytes() == (SPEC / "errors.yaml").read_bytes()


# -- corrections ------------------------------------------------------------------------------


def test_a_correction_whose_page_was_fixed_is_noted(spec_copy: Path, tmp_path: Path) -> None:
    text = CHANGED.read_text(encoding="utf-8").replace(
        "| port | Yes | Int | Bound CPM port. |",
        "| port | Yes | Int | Bound CPM port, 1-65535. |",
    )
    page = tmp_path / "page.md"
    page.write_text(text, encoding="utf-8")
    result = compare(page, spec_copy)
    assert not any(c.what == "parameter port" and c.counts for c in result.changes)
    assert any("no longer says 'Bound CPM port.'" in c.detail for c in result.changes)


@pytest.mark.parametrize(
    ("correction", "message"),
    [
        ("{page: x}", "is missing the key 'why'"),
        ("{page: x, why: y, facts: [colour]}", "must be one of type, required, range"),
        ("[]", "must not be an empty list"),
        ("{page: x, why: y, also: z}", "unknown key 'also'"),
    ],
)
def test_loader_checks_corrections(spec_copy: Path, correction: str, message: str) -> None:
    path = spec_copy / "actions" / "ModifyBmL4ListenerBackendPort.yaml"
    block = (
        "    correction:\n"
        '      page: "Bound CPM port."\n'
        '      why: "The page states no range for the bound port; a port can only be 1-65535."\n'
        "      facts: [range]\n"
    )
    text = path.read_text(encoding="utf-8")
    assert block in text
    path.write_text(text.replace(block, f"    correction: {correction}\n"), encoding="utf-8")
    with pytest.raises(SpecError) as info:
        load(spec_copy)
    assert message in str(info.value)


# -- what a page cannot say --------------------------------------------------------------------

GOOD_HEAD = "This API (DoThing) is used to do a thing.\n\n"
INPUT_HEADER = "| Parameter Name | Required | Type | Description |\n|---|---|---|---|\n"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Nothing here.\n\n" + INPUT_HEADER + "| a | Yes | Int | x |\n", "cannot find the action"),
        (GOOD_HEAD + "Just prose.\n", "no parameter, output or error table"),
        (GOOD_HEAD + "| Parameter Name | Required | Type | Description |\n| a | Yes | Int | x |\n",
         ":4: the input table has no |---| row"),
        (GOOD_HEAD + INPUT_HEADER + "| a | Yes | Int |\n", ":5: the input table has 4 columns, "
         "this row has 3"),
        (GOOD_HEAD + INPUT_HEADER + "| a | Maybe | Int | x |\n", ":5: 'required' must be"),
        (GOOD_HEAD + INPUT_HEADER + "| a.n.b | Yes | Int | x |\n", "has no Array parameter 'a'"),
        (GOOD_HEAD + INPUT_HEADER + "| a | Yes | Array | x |\n", "has no a.n.* rows"),
        (GOOD_HEAD + INPUT_HEADER + "| a b | Yes | Int | x |\n", "is neither a parameter name"),
        (GOOD_HEAD + "| Error Code | Error Message | Error Description |\n|---|---|---|\n"
         "| x1 | Foo | bar |\n", ":5: the error code must be an integer"),
    ],
)  # fmt: skip
def test_malformed_pages_give_a_clear_error(text: str, message: str) -> None:
    with pytest.raises(PageError) as info:
        parse(Path("page.md"), text)
    assert message in str(info.value)
    assert str(info.value).startswith("page.md:")


def test_cli_reports_an_unreadable_page(tmp_path: Path) -> None:
    page = tmp_path / "bad.md"
    page.write_text(GOOD_HEAD + INPUT_HEADER + "| a | Yes | Int |\n", encoding="utf-8")
    code, _, err = run("--check", page)
    assert code == 2
    assert f"{page}:5: the input table has 4 columns" in err


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("New CPM port. Available value range: 1-65535.", (1, 65535)),
        ("新的探测端口，可选值1~65535。", (1, 65535)),
        ("端口，取值范围：1～100", (1, 100)),
        ("ID like lb-123-456", None),
        ("Bound CPM port.", None),
    ],
)
def test_value_ranges(text: str, expected: tuple[int, int] | None) -> None:
    assert value_range(text) == expected


def test_array_limits() -> None:
    assert max_items("目前一个四层监听器下面最多允许绑定255个主机端口。") == 255
    assert max_items("A listener holds at most 20 backends.") == 20
    assert max_items("Several hosts.") is None


def test_generator_cli_still_works_without_the_subcommand() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "generator", "--help"], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0 and "--check" in done.stdout and "import-doc" in done.stdout
