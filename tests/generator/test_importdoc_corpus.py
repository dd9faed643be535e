"""``import-doc --check`` over every page of the corpus, both languages: the spec is in step with
Tencent's pages, every page error is kept by a correction that quotes it, and what the spec
cannot say is listed, not dropped."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.importdoc.build import UNWRITTEN
from generator.importdoc.cli import run
from generator.importdoc.compare import Spec

from .corpus import ACTION_PAGES, CORPUS, PAGE_FILES, ROOT, parsed, spec_ir, whole_spec

pytestmark = pytest.mark.skipif(not PAGE_FILES, reason="the corpus is not in this checkout")


@pytest.fixture(scope="module")
def spec_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return whole_spec(tmp_path_factory.mktemp("corpus") / "spec")


@pytest.fixture(scope="module")
def comparisons(spec_dir: Path) -> dict[str, object]:
    found, unreadable = run(PAGE_FILES, Spec(spec_dir))
    assert not unreadable
    return {c.page.path.name: c for c in found}


def test_check_over_the_whole_corpus_passes(spec_dir: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "import-doc",
            "--check",
            "--brief",
            "--spec",
            str(spec_dir),
            str(CORPUS),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr
    lines = done.stdout.splitlines()
    assert len([line for line in lines if ": in step;" in line]) == len(PAGE_FILES)
    assert lines[-1].startswith(f"total: {len(PAGE_FILES)} page(s) compared, 0 unreadable; 0 ")


@pytest.mark.parametrize("path", ACTION_PAGES, ids=lambda p: p.name)
def test_each_page_is_in_step_and_its_errors_are_kept(path: Path, comparisons: dict) -> None:
    comparison = comparisons[path.name]
    assert comparison.differences == 0, comparison.report()
    page = parsed(path)
    kept = [c for c in comparison.changes if c.kind == "kept"]
    for fault in page.faults:
        assert any(c.what == fault.what and c.line in (fault.line, 0) for c in kept) or any(
            fault.text in c.detail for c in kept
        ), (fault, comparison.report())


def test_every_action_page_has_its_spec_file_and_names_it(spec_dir: Path) -> None:
    spec = spec_ir(spec_dir)
    by_name = {a.name: a for a in spec.actions}
    for path in ACTION_PAGES:
        page = parsed(path)
        action = by_name[page.action]
        assert action.pages is not None
        assert getattr(action.pages, page.lang) == f"pages/{path.name}"
    actions = {parsed(p).action for p in ACTION_PAGES}
    assert set(by_name) == actions
    chinese_only = {a for a in actions if not (CORPUS / f"{a}.en.md").exists()}
    for name in chinese_only:
        action = by_name[name]
        assert action.pages is not None and action.pages.en is None
        assert action.summary.en_ours


def test_every_module_code_of_every_page_is_in_the_catalogue(spec_dir: Path) -> None:
    spec = spec_ir(spec_dir)
    codes = {e.code: e for e in spec.errors}
    for path in PAGE_FILES:
        page = parsed(path)
        for error in page.errors:
            entry = codes[error.code]
            if page.kind == "error-codes":
                assert entry.scope == "common"
            else:
                assert entry.code_desc == error.code_desc and entry.scope == "module"
    for action in spec.actions:
        page = parsed(CORPUS / f"{action.name}.zh.md")
        assert [e.code for e in action.errors] == [e.code for e in page.errors]


def test_the_regions_are_the_common_parameters_pages(spec_dir: Path) -> None:
    spec = spec_ir(spec_dir)
    zh = parsed(CORPUS / "_common-params.zh.md")
    assert sorted(r.code for r in spec.service.regions) == sorted(c for c, _, _ in zh.regions)
    names = {r.code: r.description.zh for r in spec.service.regions}
    assert all(names[code] == name for code, name, _ in zh.regions)


def test_read_only_actions_are_idempotent_and_paging_is_declared(spec_dir: Path) -> None:
    spec = spec_ir(spec_dir)
    for action in spec.actions:
        if action.name.startswith(("Describe", "Get", "Inquiry")):
            assert action.idempotent, action.name
        page = parsed(CORPUS / f"{action.name}.zh.md")
        names = {p.name for p in page.params}
        totals = {o.name for o in page.outputs}
        pages_it = {"offset", "limit"} <= names and "totalCount" in totals
        assert (action.pagination is not None) == pages_it, action.name


def _cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def test_english_the_pages_lack_is_ours_and_english(spec_dir: Path) -> None:
    """Where the English page lags (parameters only the Chinese page has), the spec follows the
    Chinese page, and the English text is ours, marked so, and English."""
    spec = spec_ir(spec_dir)
    lagging = 0
    for action in spec.actions:
        en_path = CORPUS / f"{action.name}.en.md"
        en_names: set[str] = set()
        if en_path.exists():
            en = parsed(en_path)
            en_names = {p.name.lower() for p in en.params}
            en_names |= {f.name.lower() for p in en.params for f in p.fields}
        for param in action.params:
            texts = [(param.wire, param.description)]
            item = getattr(param, "item", None)
            texts += [(f.wire, f.description) for f in getattr(item, "fields", ())]
            for wire, text in texts:
                assert not _cjk(text.en) and text.en != UNWRITTEN, (action.name, wire)
                if wire.lower() not in en_names:
                    lagging += 1
                    assert text.en_ours, (action.name, wire)
    assert lagging >= 20  # customHealthSwitch, toaFlag, probePort, bzConf, unVpcId, ...
