"""The generator under hostile specs: every bad or strange spec gives working code or a
positioned spec error, never a traceback; a property test fuzzes the loader the same way; a
failed or interrupted generation leaves the output folder exactly as it was.

(Hostile texts in docstrings and keyword wire names end to end are in
test_generator_hostile.py; positioned messages for common mistakes in
test_generator_spec_errors.py. This file adds the corpus and the fuzzing.)
"""

from __future__ import annotations

import random
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.loader import SpecError, load
from generator.render import RenderError, render

from ..support import SPEC, SpecCopy, run_generator

PROBE = "actions/ModifyBmL4ListenerBackendProbePort.yaml"
NASTY = '""" \\ \\n {{ x }} {% if %} {# c #} \'\'\' 中文 \\"'


def param(name: str, kind: str = "Int") -> str:
    extra = "    range: [1, 9]\n" if kind == "Int" else "    maxLength: 8\n"
    return (
        f"  - name: {name}\n    type: {kind}\n    required: false\n{extra}"
        f'    description: {{en: "x", zh: "x"}}\n'
    )


def add_params(*params: str) -> Callable[[Path], None]:
    def edit(spec: Path) -> None:
        path = spec / PROBE
        text = path.read_text(encoding="utf-8")
        path.write_text(
            text.replace("parameters:\n", "parameters:\n" + "".join(params), 1), encoding="utf-8"
        )

    return edit


def replace(rel: str, old: str, new: str, count: int = 1) -> Callable[[Path], None]:
    def edit(spec: Path) -> None:
        path = spec / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, (rel, old)
        path.write_text(text.replace(old, new, count), encoding="utf-8")

    return edit


def write(rel: str, data: bytes | str) -> Callable[[Path], None]:
    def edit(spec: Path) -> None:
        raw = data.encode("utf-8") if isinstance(data, str) else data
        (spec / rel).write_bytes(raw)

    return edit


def yaml_str(text: str) -> str:
    import json

    return json.dumps(text, ensure_ascii=False)


ALIAS_BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
    f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
    for i in range(8)
)

CORPUS: dict[str, Callable[[Path], None]] = {
    # names that are keywords, builtins, or the client's own
    "keyword-params": add_params(param("class"), param("def"), param("None"), param("async")),
    "builtin-params": add_params(param("type"), param("id"), param("list", "String")),
    "per-call-option-names": add_params(param("timeout"), param("retries"), param("wait")),
    "self-param": add_params(param("self")),
    "dunder-param": add_params(param("__class__")),
    "non-identifier-param": add_params(param("'port-1'"), param("'1port'")),
    "non-ascii-param": add_params(param("端口")),
    "empty-param-name": add_params(param("''")),
    # collisions after snake_case
    "collide-acronym": add_params(param("HTTPPort"), param("httpPort")),
    "collide-case": add_params(param("probeport")),
    "collide-id": add_params(param("loadBalancerID", "String")),
    # text fields carrying template syntax, triple quotes, backslashes
    "nasty-summary": replace(
        PROBE, '  en: "Modify the backend probe', f"  en: {yaml_str(NASTY)}\n  #"
    ),
    "nasty-param-description": replace(
        PROBE, 'en: "ID of the CPM host."', f"en: {yaml_str(NASTY)}"
    ),
    "nasty-code-desc": replace(
        "errors.yaml", "codeDesc: AuthFailure\n", f"codeDesc: {yaml_str(NASTY)}\n"
    ),
    "nasty-action-name": replace(
        PROBE, "action: ModifyBmL4ListenerBackendProbePort", f"action: {yaml_str(NASTY)}"
    ),
    "nasty-example": replace(PROBE, "example:\n", f"example:\n  instanceId: {yaml_str(NASTY)}\n"),
    # codes
    "huge-code": replace("errors.yaml", "code: 4000\n", f"code: {10**30}\n"),
    "huge-negative-code": replace("errors.yaml", "code: 4000\n", f"code: {-(10**30)}\n"),
    "float-code": replace("errors.yaml", "code: 4000\n", "code: 4000.5\n"),
    "string-code": replace("errors.yaml", "code: 4000\n", "code: '4000'\n"),
    "bool-code": replace("errors.yaml", "code: 4000\n", "code: true\n"),
    "duplicate-code-desc": replace(
        "errors.yaml", "codeDesc: AuthFailure.UnauthorizedOperation", "codeDesc: InvalidParameter"
    ),
    "huge-range": replace(PROBE, "range: [1, 65535]", f"range: [{-(10**40)}, {10**40}]"),
    # structure
    "deep-nesting-list": write(PROBE, "[" * 520 + "]" * 520),
    "deep-nesting-description": replace(
        PROBE, 'en: "ID of the CPM host."', "en: " + "{a: " * 520 + "1" + "}" * 520
    ),
    "alias-bomb": write(PROBE, ALIAS_BOMB),
    "python-tag": write(PROBE, "!!python/object/apply:os.system ['echo pwned']\n"),
    "unknown-tag": replace(PROBE, "startsTask: true", "startsTask: !custom true"),
    "list-document": write(PROBE, "- a\n- b\n"),
    "scalar-document": write(PROBE, "just text\n"),
    "several-documents": write(PROBE, "a: 1\n---\nb: 2\n"),
    # empty and not YAML
    "empty-service": write("service.yaml", ""),
    "empty-errors": write("errors.yaml", ""),
    "comment-only-action": write(PROBE, "# nothing here\n"),
    "whitespace-action": write(PROBE, "   \n\n\t\n"),
    "binary": write(PROBE, bytes(range(256)) * 4),
    "invalid-utf8": write(PROBE, b"action: \xff\xfe\n"),
    "utf16-bom": write(PROBE, "action: x\n".encode("utf-16")),
    "nul-bytes": write(PROBE, "action: a\x00b\n"),
    "tab-indent": write(PROBE, "action: x\nsummary:\n\ten: y\n"),
    "json-not-yaml": write(PROBE, '{"action": "x", ]'),
    "huge-line": write(PROBE, "action: " + "x" * 300_000 + "\n"),
    "service-missing": lambda spec: (spec / "service.yaml").unlink(),
    "actions-dir-is-a-file": lambda spec: (
        shutil.rmtree(spec / "actions"),
        (spec / "actions").write_text("x"),
    )[0],
    "action-file-is-a-dir": lambda spec: (spec / "actions" / "Dir.yaml").mkdir(),
}


def copy_spec(base: Path) -> Path:
    return SpecCopy(base).path


def outcome(spec: Path) -> str:
    """'spec-error' or 'ok' (the rendered package compiles); any other exception propagates."""
    try:
        loaded = load(spec)
    except SpecError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert problem.file.startswith("spec"), problem
            assert problem.line >= 0 and problem.column >= 0, problem
            assert problem.message and "Traceback" not in problem.message
        return "spec-error"
    try:
        files = render(loaded, "0.0.0")
    except RenderError:
        return "spec-error"
    for name, data in files.items():
        if name.endswith(".py"):
            compile(data.decode("utf-8"), name, "exec")
    return "ok"


@pytest.mark.parametrize("name", list(CORPUS))
def test_hostile_spec_gives_code_or_a_positioned_error(tmp_path: Path, name: str) -> None:
    spec = copy_spec(tmp_path)
    CORPUS[name](spec)
    assert outcome(spec) in ("ok", "spec-error")


@pytest.mark.parametrize(
    "name",
    ["per-call-option-names", "deep-nesting-list", "binary"],
)
def test_cli_on_hostile_spec_never_tracebacks_and_keeps_the_output(tmp_path: Path, name: str):
    spec = copy_spec(tmp_path)
    CORPUS[name](spec)
    out = tmp_path / "out"
    (out / "qcloud_bmlb").mkdir(parents=True)
    (out / "qcloud_bmlb" / "client.py").write_bytes(b"# old\n")
    done = run_generator("--spec", spec, "--out", out)
    assert "Traceback" not in done.stderr, done.stderr
    if done.returncode != 0:
        assert done.stderr.rstrip().endswith("nothing written"), done.stderr
        assert [p.name for p in out.rglob("*")] == ["qcloud_bmlb", "client.py"]
        assert (out / "qcloud_bmlb" / "client.py").read_bytes() == b"# old\n"


# --- fuzzing the loader ----------------------------------------------------------------------

SPEC_FILES = sorted(p.relative_to(SPEC).as_posix() for p in SPEC.rglob("*.yaml"))
yamlish = st.text(
    alphabet=st.sampled_from([*"abcAZ019 -:_.,'\"[]{}#&*!|>%@`\\\n\t?", "中", "\x00", "\ufeff"]),
    max_size=300,
)


def mutate(text: str, rng: random.Random, steps: int, noise: str) -> str:
    lines = text.splitlines(keepends=True) or [""]
    for _ in range(steps):
        i = rng.randrange(len(lines))
        op = rng.randrange(6)
        if op == 0 and len(lines) > 1:
            del lines[i]
        elif op == 1:
            lines.insert(i, lines[rng.randrange(len(lines))])
        elif op == 2:
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == 3:
            k = rng.randrange(len(lines[i]) + 1)
            lines[i] = lines[i][:k] + noise + lines[i][k:]
        elif op == 4:
            k = rng.randrange(len(lines[i]) + 1)
            lines[i] = lines[i][:k]
        else:
            lines[i] = "  " + lines[i] if rng.random() < 0.5 else lines[i].lstrip()
    return "".join(lines)


FUZZ = settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))


@FUZZ
@given(rel=st.sampled_from(SPEC_FILES), text=yamlish)
def test_fuzz_random_yamlish_text(rel: str, text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        spec = copy_spec(Path(tmp))
        (spec / rel).write_text(text, encoding="utf-8", errors="surrogatepass")
        assert outcome(spec) in ("ok", "spec-error")


@FUZZ
@given(
    rel=st.sampled_from(SPEC_FILES),
    seed=st.integers(0, 2**32),
    steps=st.integers(1, 6),
    noise=st.sampled_from(["", ":", "- ", "[", "}", "'", '"', "&a", "*a", "!!int ", "\t", "{{",
                           '"""', "\\", "99999999999999999999", "-1", "null", "~", "中"]),
)  # fmt: skip
def test_fuzz_mutated_real_spec_files(rel: str, seed: int, steps: int, noise: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        spec = copy_spec(Path(tmp))
        path = spec / rel
        path.write_text(
            mutate(path.read_text(encoding="utf-8"), random.Random(seed), steps, noise),
            encoding="utf-8",
        )
        assert outcome(spec) in ("ok", "spec-error")


# --- interrupted generation ------------------------------------------------------------------


@pytest.mark.parametrize("at", [1, 2, 3])
def test_interrupted_write_leaves_the_output_as_it_was(tmp_path: Path, monkeypatch, at: int):
    """Ctrl-C (KeyboardInterrupt) during writing or at either rename of the swap."""
    import os

    from generator import writer

    out = tmp_path / "out"
    writer.write(out, {"pkg/a.py": b"v1\n", "docs/x.md": b"v1\n"})
    before = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    calls = 0
    real_rename, real_write = os.rename, Path.write_bytes

    def rename(src, dst):
        nonlocal calls
        calls += 1
        if calls == at - 1:  # at=2: the first rename, at=3: the second
            raise KeyboardInterrupt
        real_rename(src, dst)

    def write_bytes(self, data):
        if at == 1:
            raise KeyboardInterrupt
        return real_write(self, data)

    monkeypatch.setattr(os, "rename", rename)
    monkeypatch.setattr(Path, "write_bytes", write_bytes)
    with pytest.raises(KeyboardInterrupt):
        writer.write(out, {"pkg/a.py": b"v2\n", "pkg/b.py": b"v2\n"})
    monkeypatch.undo()
    after = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out")] == []  # no staging
