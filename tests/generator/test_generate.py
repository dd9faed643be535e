"""The generator end to end: determinism, ``--check``, atomic writes, lint and types, the docs."""

from __future__ import annotations

import datetime
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import tomllib

from generator import ir
from generator.loader import load
from generator.render import render
from generator.writer import Drift, write

from ..support import ROOT, SPEC, SpecCopy, probe, run_generator

GENERATED = ROOT / "generated"
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
PROBE = "ModifyBmL4ListenerBackendProbePort"


def tree(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` (nothing ignored), by posix path."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def drift_lines(stderr: str) -> set[str]:
    """The ``added/changed/removed  path`` lines of ``--check``'s stderr."""
    found = set()
    for line in stderr.splitlines():
        m = re.fullmatch(r"  (added|changed|removed) +(\S.*)", line)
        if m:
            found.add(f"{m.group(1)} {m.group(2)}")
    return found


@pytest.fixture(scope="module")
def spec() -> ir.Spec:
    return load(SPEC)


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``python -m generator`` run once into a new folder (do not modify it)."""
    out = tmp_path_factory.mktemp("fresh") / "generated"
    done = run_generator("--out", out)
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture
def out_copy(fresh: Path, tmp_path: Path) -> Path:
    """A private copy of the fresh output, to edit."""
    out = tmp_path / "generated"
    shutil.copytree(fresh, out)
    return out


# -- determinism ----------------------------------------------------------------------------


def test_render_twice_gives_identical_bytes(spec: ir.Spec) -> None:
    first = render(spec, VERSION)
    second = render(load(SPEC), VERSION)
    assert list(first) == list(second)
    assert first == second


def test_render_matches_what_the_cli_writes(spec: ir.Spec, fresh: Path) -> None:
    assert tree(fresh) == render(spec, VERSION)


def test_generate_into_two_places_gives_identical_trees(fresh: Path, tmp_path: Path) -> None:
    """Also from a copy of the spec elsewhere: nothing depends on where things are."""
    spec_copy = SpecCopy(tmp_path / "elsewhere")
    out = spec_copy.generate(tmp_path / "second" / "out").out
    assert tree(out) == tree(fresh)

    year = str(datetime.date.today().year).encode()
    forbidden = [
        str(tmp_path).encode(),
        str(fresh.parent).encode(),
        str(ROOT).encode(),
        str(Path.home()).encode(),
        b"/tmp/",
        b"qcloud-bmlb-format-",  # the formatter's temporary folder
        year,
    ]
    for rel, data in tree(out).items():
        for needle in forbidden:
            assert needle not in data, f"{rel} contains {needle!r}"


def test_version_option_goes_into_the_package(tmp_path: Path) -> None:
    out = tmp_path / "out"
    done = run_generator("--out", out, "--version", "9.8.7")
    assert done.returncode == 0, done.stderr
    assert b'"qcloud-bmlb/9.8.7"' in (out / "qcloud_bmlb" / "client.py").read_bytes()
    assert (
        b"qcloud-bmlb/" + VERSION.encode() not in (out / "qcloud_bmlb" / "client.py").read_bytes()
    )


# -- --check --------------------------------------------------------------------------------


def test_check_passes_on_fresh_output(out_copy: Path) -> None:
    done = run_generator("--out", out_copy, "--check")
    assert done.returncode == 0, done.stderr
    assert "is up to date" in done.stdout
    assert done.stderr == ""


def test_check_ignores_caches(out_copy: Path) -> None:
    (out_copy / "qcloud_bmlb" / "__pycache__").mkdir()
    (out_copy / "qcloud_bmlb" / "__pycache__" / "client.cpython-311.pyc").write_bytes(b"x")
    (out_copy / ".mypy_cache").mkdir()
    (out_copy / ".mypy_cache" / "x.json").write_bytes(b"{}")
    done = run_generator("--out", out_copy, "--check")
    assert done.returncode == 0, done.stderr


def test_check_names_an_edited_file_and_writes_nothing(out_copy: Path) -> None:
    target = out_copy / "qcloud_bmlb" / "client.py"
    target.write_bytes(target.read_bytes() + b"# edited by hand\n")
    before = tree(out_copy)

    done = run_generator("--out", out_copy, "--check")

    assert done.returncode == 1
    assert drift_lines(done.stderr) == {"changed qcloud_bmlb/client.py"}, done.stderr
    assert tree(out_copy) == before


def test_check_names_a_stray_file_as_removed(out_copy: Path) -> None:
    (out_copy / "docs" / "stray.md").write_bytes(b"stray\n")
    done = run_generator("--out", out_copy, "--check")
    assert done.returncode == 1
    assert drift_lines(done.stderr) == {"removed docs/stray.md"}, done.stderr
    assert (out_copy / "docs" / "stray.md").exists()


def test_check_names_a_missing_file_as_added(out_copy: Path) -> None:
    (out_copy / "docs" / "zh" / "errors.md").unlink()
    done = run_generator("--out", out_copy, "--check")
    assert done.returncode == 1
    assert drift_lines(done.stderr) == {"added docs/zh/errors.md"}, done.stderr


def test_check_names_files_changed_by_a_spec_edit(out_copy: Path, tmp_path: Path) -> None:
    spec_copy = SpecCopy(tmp_path)
    old = 'en: "New probe port. Available value range: 1-65535."'
    assert spec_copy.read(f"actions/{PROBE}.yaml").count(old) == 1
    spec_copy.replace(f"actions/{PROBE}.yaml", old, 'en: "The new probe port (1-65535)."')

    done = run_generator("--spec", spec_copy.path, "--out", out_copy, "--check")

    assert done.returncode == 1
    # The English text is in the methods' docstrings and on the English page only.
    assert drift_lines(done.stderr) == {
        "changed qcloud_bmlb/client.py",
        "changed qcloud_bmlb/async_client.py",
        "changed qcloud_bmlb/cli.py",
        f"changed docs/en/actions/{PROBE}.md",
    }, done.stderr


def test_check_after_pip_install_editable(out_copy: Path) -> None:
    """``pip install -e .`` (package-dir = generated) leaves generated/qcloud_bmlb.egg-info.

    That folder is not output of the generator; ``--check`` must not call it drift (and a
    plain run must not delete it).
    """
    egg = out_copy / "qcloud_bmlb.egg-info"
    egg.mkdir()
    (egg / "PKG-INFO").write_bytes(b"Metadata-Version: 2.1\nName: qcloud-bmlb\n")
    done = run_generator("--out", out_copy, "--check")
    assert done.returncode == 0, done.stderr


def test_committed_generated_is_up_to_date() -> None:
    done = run_generator("--check")
    assert done.returncode == 0, done.stderr
    assert "generated is up to date" in done.stdout


# -- atomic writes --------------------------------------------------------------------------


def sample_files(tag: bytes) -> dict[str, bytes]:
    return {
        "pkg/__init__.py": b"# init " + tag + b"\n",
        "pkg/a.py": b"A = 1  # " + tag + b"\n",
        "pkg/b.py": b"B = 2  # " + tag + b"\n",
        "pkg/py.typed": b"",
        "docs/en/index.md": b"# en " + tag + b"\n",
        "docs/zh/index.md": "# 中文 ".encode() + tag + b"\n",
        "docs/en/actions/X.md": b"# X " + tag + b"\n",
        "docs/zh/actions/X.md": b"# X " + tag + b"\n",
    }


def leftovers(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if ".new-" in p.name or ".old-" in p.name)


def full_snapshot(root: Path) -> dict[str, tuple[str, bytes]]:
    return {
        p.relative_to(root).as_posix(): ("dir", b"") if p.is_dir() else ("file", p.read_bytes())
        for p in sorted(root.rglob("*"))
    }


def test_write_creates_a_new_out_dir(tmp_path: Path) -> None:
    out = tmp_path / "gen" / "out"
    files = sample_files(b"v1")
    drift = write(out, files)
    assert drift.added == tuple(sorted(files)) and not drift.changed and not drift.removed
    assert tree(out) == files
    assert leftovers(out.parent) == []


def test_write_reports_drift_and_replaces_exactly(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write(out, sample_files(b"v1"))
    new = sample_files(b"v1")
    new["pkg/a.py"] = b"A = 3\n"
    del new["docs/zh/actions/X.md"]
    new["docs/en/actions/Y.md"] = b"# Y\n"
    drift = write(out, new)
    assert drift == Drift(
        added=("docs/en/actions/Y.md",),
        changed=("pkg/a.py",),
        removed=("docs/zh/actions/X.md",),
    )
    assert tree(out) == new
    assert not (out / "docs" / "zh" / "actions" / "X.md").exists()
    assert leftovers(tmp_path) == []


def test_failure_while_writing_leaves_the_old_tree(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    write(out, sample_files(b"v1"))
    (out / "hand-made.txt").write_bytes(b"not ours")
    before = full_snapshot(out)

    real = Path.write_bytes
    calls = 0

    def failing(self: Path, data: bytes) -> int:
        nonlocal calls
        calls += 1
        if calls == 5:
            raise OSError(28, "No space left on device")
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", failing)
    with pytest.raises(OSError, match="No space left"):
        write(out, sample_files(b"v2"))
    monkeypatch.undo()

    assert calls == 5
    assert full_snapshot(out) == before
    assert leftovers(tmp_path) == []


def test_failure_at_the_swap_restores_the_old_tree(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second rename (staging -> out) fails: the old tree is renamed back."""
    out = tmp_path / "out"
    write(out, sample_files(b"v1"))
    before = full_snapshot(out)

    real = os.rename
    calls = 0

    def failing(src: object, dst: object) -> None:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise OSError(5, "Input/output error")
        real(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "rename", failing)
    with pytest.raises(OSError, match="Input/output"):
        write(out, sample_files(b"v2"))
    monkeypatch.undo()

    assert full_snapshot(out) == before
    assert leftovers(tmp_path) == []


def test_failure_writing_a_new_out_dir_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    real = Path.write_bytes
    calls = 0

    def failing(self: Path, data: bytes) -> int:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise OSError(28, "No space left on device")
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", failing)
    with pytest.raises(OSError):
        write(out, sample_files(b"v1"))
    monkeypatch.undo()
    assert not out.exists()
    assert leftovers(tmp_path) == []


def test_unchanged_output_is_not_touched(tmp_path: Path) -> None:
    out = tmp_path / "out"
    files = sample_files(b"v1")
    write(out, files)
    # Make the current times distinguishable from any new write.
    for p in out.rglob("*"):
        os.utime(p, ns=(1_000_000_000, 1_000_000_000))
    stats = {p: (p.stat().st_mtime_ns, p.stat().st_ino) for p in [out, *out.rglob("*")]}

    drift = write(out, dict(files))

    assert not drift
    assert drift == Drift(added=(), changed=(), removed=())
    assert drift.lines() == []
    assert {p: (p.stat().st_mtime_ns, p.stat().st_ino) for p in [out, *out.rglob("*")]} == stats
    assert leftovers(tmp_path) == []


def test_cli_second_run_writes_nothing(out_copy: Path) -> None:
    before = {p: p.stat().st_mtime_ns for p in out_copy.rglob("*")}
    done = run_generator("--out", out_copy)
    assert done.returncode == 0, done.stderr
    assert "nothing written" in done.stdout
    assert {p: p.stat().st_mtime_ns for p in out_copy.rglob("*")} == before


# -- lint and types -------------------------------------------------------------------------


def test_mypy_strict_on_generated_package(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--python-version", "3.10",
         "--cache-dir", str(tmp_path / "mypy-cache"), "--no-error-summary",
         "generated/qcloud_bmlb"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip() == ""


def test_ruff_check_on_generated() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "generated/"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr


def test_ruff_check_on_fresh_output(fresh: Path) -> None:
    """What the generator gives now (not only what is committed) is lint-clean.

    The project's per-file ignore for generated/** (E501) is relative to the project, so it
    is given here explicitly for the output in a temporary folder.
    """
    done = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache",
         "--config", str(ROOT / "pyproject.toml"), "--extend-ignore", "E501", str(fresh)],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr


PUBLIC_SURFACE = r"""
import inspect, json, sys
import qcloud_bmlb
from qcloud_bmlb import AsyncClient, Client

surface = {"file": qcloud_bmlb.__file__, "missing": [], "methods": {}}
for name in qcloud_bmlb.__all__:
    try:
        getattr(qcloud_bmlb, name)
    except Exception as exc:  # every exported name must resolve
        surface["missing"].append(f"{name}: {type(exc).__name__}: {exc}")
for cls in (Client, AsyncClient):
    surface["methods"][cls.__name__] = {
        name: [p for p in inspect.signature(member).parameters if p != "self"]
        for name, member in inspect.getmembers(cls, callable)
        if not name.startswith("_")
    }
print(json.dumps(surface))
"""


def test_fresh_package_imports_and_has_a_method_per_action(spec: ir.Spec, fresh: Path) -> None:
    """The package as written now (not the committed one) imports in a fresh interpreter,
    every name it exports resolves, and both clients have each action's typed method."""
    done = probe(fresh, PUBLIC_SURFACE)
    assert done.returncode == 0, done.stderr
    surface = json.loads(done.stdout)
    assert Path(surface["file"]).resolve().is_relative_to(fresh.resolve())
    assert surface["missing"] == []
    for cls in ("Client", "AsyncClient"):
        methods = surface["methods"][cls]
        for action in spec.actions:
            assert action.py_name in methods, (cls, action.name)
            assert set(methods[action.py_name]) >= {p.py_name for p in action.params}
            if action.pagination:
                assert action.pagination.method in methods, (cls, action.name)


# -- docs -----------------------------------------------------------------------------------

LANGS = ("en", "zh")


def action_ids() -> list[str]:
    return sorted(p.stem for p in (SPEC / "actions").glob("*.yaml"))


def page(fresh: Path, lang: str, action: str) -> str:
    path = fresh / "docs" / lang / "actions" / f"{action}.md"
    assert path.is_file(), f"missing {path.relative_to(fresh)}"
    return path.read_text(encoding="utf-8")


def anchors(md: str) -> list[str]:
    return re.findall(r'<a id="([^"]+)"></a>', md)


def test_every_action_has_both_pages_and_the_index_links_them(spec: ir.Spec, fresh: Path) -> None:
    names = sorted(a.name for a in spec.actions)
    assert names == action_ids()
    for lang in LANGS:
        pages = sorted(p.stem for p in (fresh / "docs" / lang / "actions").glob("*.md"))
        assert pages == names
        index = (fresh / "docs" / lang / "index.md").read_text(encoding="utf-8")
        for name in names:
            assert f"(actions/{name}.md)" in index, (lang, name)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", action_ids())
def test_parameter_table_lists_wire_and_python_names(
    spec: ir.Spec, fresh: Path, lang: str, name: str
) -> None:
    action = next(a for a in spec.actions if a.name == name)
    md = page(fresh, lang, name)
    rows = [line for line in md.splitlines() if line.startswith("| `")]
    for p in action.params:
        assert any(row.startswith(f"| `{p.wire}` | `{p.py_name}` | {p.type} |") for row in rows), (
            p.wire
        )
        assert p.description.get(lang).split("。")[0].split(".")[0] in md
        if isinstance(p, ir.ArrayParam):
            for f in p.item.fields:
                assert any(
                    row.startswith(f"| `{p.wire}.n.{f.wire}` | `{f.py_name}` | {f.type} |")
                    for row in rows
                ), f.wire
    for field in action.response:
        assert any(
            row.startswith(f"| `{'.'.join(field.path)}` | `{field.py_name}` |") for row in rows
        )
    assert_tables_keep_their_columns(md)


def cell_count(row: str) -> int:
    """Cells of a Markdown table row; ``\\|`` is a pipe inside a cell."""
    return len(re.split(r"(?<!\\)\|", row)) - 2


def assert_tables_keep_their_columns(md: str) -> None:
    """Every row of every table has as many cells as its header."""
    width = None
    for line in md.splitlines():
        if not line.startswith("|"):
            width = None
            continue
        assert line.endswith("|"), line
        if width is None:
            width = cell_count(line)
        assert cell_count(line) == width, line


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", action_ids())
def test_documented_errors_link_to_existing_anchors(
    spec: ir.Spec, fresh: Path, lang: str, name: str
) -> None:
    action = next(a for a in spec.actions if a.name == name)
    md = page(fresh, lang, name)
    errors_md = (fresh / "docs" / lang / "errors.md").read_text(encoding="utf-8")
    ids = anchors(errors_md)
    assert len(ids) == len(set(ids)), "duplicate anchors in errors.md"
    links = re.findall(r"\]\(\.\./errors\.md#([^)]+)\)", md)
    assert links, "no link to errors.md"
    for anchor in links:
        assert anchor in ids, anchor
    for e in action.errors:
        row = next((line for line in md.splitlines() if line.startswith(f"| {e.code} |")), None)
        assert row is not None, f"{e.code} not in the table"
        m = re.search(r"\]\(\.\./errors\.md#([^)]+)\)", row)
        assert m and m.group(1) in ids, row
        # The anchor is on the row of that very code in errors.md.
        target = next(
            line for line in errors_md.splitlines() if f'<a id="{m.group(1)}"></a>' in line
        )
        assert f"</a>{e.code} |" in target, (row, target)
    codes_in_page = {int(c) for c in re.findall(r"^\| (-?\d+) \|", md, flags=re.M)}
    assert codes_in_page == {e.code for e in action.errors}


@pytest.mark.parametrize("lang", LANGS)
def test_errors_page_has_an_anchor_for_every_code(spec: ir.Spec, fresh: Path, lang: str) -> None:
    errors_md = (fresh / "docs" / lang / "errors.md").read_text(encoding="utf-8")
    ids = set(anchors(errors_md))
    assert {"common", "module"} <= ids
    for e in spec.errors:
        assert e.anchor in ids, e.code


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", action_ids())
def test_python_example_compiles(spec: ir.Spec, fresh: Path, lang: str, name: str) -> None:
    action = next(a for a in spec.actions if a.name == name)
    md = page(fresh, lang, name)
    blocks = re.findall(r"^```python\n(.*?)^```$", md, flags=re.S | re.M)
    assert len(blocks) == 1
    code = compile(blocks[0], f"<{lang}/{name}>", "exec", flags=0, dont_inherit=True)
    assert code is not None
    assert f"client.{action.py_name}(" in blocks[0]
    for py_name, _ in action.example:
        assert f"        {py_name}=" in blocks[0]
