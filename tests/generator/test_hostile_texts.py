"""A hostile spec: texts that try to break out of literals and templates, and parameters whose
wire names are Python keywords or builtins. The generated package must import, keep every
text exactly, and send the original wire names."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import pytest
from pytest_httpserver import HTTPServer

from ..support import ROOT, SpecCopy, probe, run_generator

ACTION = "CheckHostileText"


def hostile(tag: str) -> str:
    """Text with triple quotes, backslashes, a literal \\n, template syntax, a pipe, non-ASCII,
    and a trailing double quote."""
    return (
        f"{tag}: ends \"\"\" here; ''' too; back\\slash and \\n literal; C:\\new\\table; "
        f"{{{{ x }}}} and {{% if %}} and {{# c #}}; a|b <br> <tag>; 中文 🚀 ✓ "
        f'"quoted" \\"'
    )


TEXTS = {
    "summary.en": hostile("summary-en"),
    "summary.zh": hostile("摘要-zh"),
    "class.en": hostile("class-en"),
    "class.zh": hostile("class-zh"),
    "lambda.en": hostile("lambda-en"),
    "lambda.zh": hostile("lambda-zh"),
    "print.en": hostile("print-en"),
    "print.zh": hostile("print-zh"),
    "response.en": hostile("response-en"),
    "response.zh": hostile("response-zh"),
    "error.en": hostile("error-en"),
    "error.zh": hostile("错误-zh"),
    "enum0.en": hostile("enum0-en"),
    "enum0.zh": hostile("enum0-zh"),
}
EXAMPLE_CLASS = 'ex """ \\ {{ y }} 中'


def text(key: str) -> dict[str, str]:
    return {"en": TEXTS[f"{key}.en"], "zh": TEXTS[f"{key}.zh"]}


def hostile_action() -> dict[str, Any]:
    return {
        "action": ACTION,
        "summary": text("summary"),
        "startsTask": True,
        "idempotent": True,
        "parameters": [
            {
                "name": "class",
                "type": "String",
                "required": True,
                "maxLength": 64,
                "description": text("class"),
            },
            {
                "name": "lambda",
                "type": "Int",
                "required": True,
                "range": [1, 10],
                "description": text("lambda"),
            },
            {"name": "print", "type": "String", "required": False, "description": text("print")},
        ],
        "errors": [9006, 11041],
        "response": [{"name": "requestId", "type": "Int", "description": text("response")}],
        "example": {"class": EXAMPLE_CLASS, "lambda": 3},
    }


def yaml_string(value: str) -> str:
    """A YAML double-quoted scalar (JSON strings are YAML)."""
    return json.dumps(value, ensure_ascii=False)


@pytest.fixture(scope="module")
def hostile_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    spec = SpecCopy(tmp_path_factory.mktemp("hostile"))
    # JSON is YAML: the action file is written as JSON so that every text is exact.
    spec.write_action(hostile_action())
    for old, key in (
        ('en: "CCDB service error."', "error.en"),
        ('zh: "CCDB 服务异常。"', "error.zh"),
    ):
        assert spec.read("errors.yaml").count(old) == 1
        spec.replace("errors.yaml", old, old[:4] + yaml_string(TEXTS[key]))
    task = "actions/DescribeBmLoadBalancersTaskResult.yaml"
    old = 'description: {en: "The task succeeded.", zh: "任务成功。"}'
    assert spec.read(task).count(old) == 1
    spec.replace(
        task,
        old,
        f"description: {{en: {yaml_string(TEXTS['enum0.en'])}, "
        f"zh: {yaml_string(TEXTS['enum0.zh'])}}}",
    )
    # The texts survive loading unchanged.
    loaded = spec.load()
    action = next(a for a in loaded.actions if a.name == ACTION)
    assert action.summary.en == TEXTS["summary.en"]
    assert next(e for e in loaded.errors if e.code == 9006).description.zh == TEXTS["error.zh"]
    return spec.generate().out


PROBE_CODE = r"""
import inspect, json, sys
import qcloud_bmlb
from qcloud_bmlb import Client, errors, models

client_cls = Client
method = Client.check_hostile_text
sig = inspect.signature(method)
err = errors.error_class(9006)
out = {
    "file": qcloud_bmlb.__file__,
    "params": {n: [str(p.kind), p.default is inspect.Parameter.empty]
               for n, p in sig.parameters.items()},
    "method_doc": inspect.getdoc(method),
    "error_doc": inspect.getdoc(err),
    "error_class": err.__name__,
    "error_description": [err.description, err.description_zh],
    "result_doc": inspect.getdoc(models.CheckHostileTextResult),
}
with Client(secret_id="AKIDhostile", secret_key="key", region="ap-guangzhou",
            endpoint=sys.argv[1]) as client:
    result = client.check_hostile_text(class_="c-value", lambda_=7, print_="p-value")
out["request_id"] = result.request_id
print(json.dumps(out))
"""


@pytest.fixture(scope="module")
def called(hostile_out: Path, tmp_path_factory: pytest.TempPathFactory) -> Any:
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    try:
        server.expect_request("/v2/index.php", method="POST").respond_with_json(
            {"code": 0, "message": "", "codeDesc": "Success", "requestId": 1}
        )
        home = tmp_path_factory.mktemp("home")
        done = probe(hostile_out, PROBE_CODE, server.url_for("/").rstrip("/"), home=home)
        assert done.returncode == 0, done.stderr
        requests = [req for req, _ in server.log]
        server.check_assertions()
        return json.loads(done.stdout), [
            dict(parse_qsl(r.get_data(as_text=True))) for r in requests
        ]
    finally:
        server.clear()
        if server.is_running():
            server.stop()


def test_the_hostile_package_is_the_one_imported(called: Any, hostile_out: Path) -> None:
    info, _ = called
    assert Path(info["file"]).resolve().is_relative_to(hostile_out.resolve())


def test_keyword_and_builtin_wire_names_become_safe_keyword_only_params(called: Any) -> None:
    info, _ = called
    params = info["params"]
    # the spec's parameters, then the call options every method has (wait: it starts a task)
    assert list(params) == ["self", "class_", "lambda_", "print_", "wait", "timeout", "retries"]
    for name in ("class_", "lambda_", "print_"):
        assert params[name][0] == "KEYWORD_ONLY", name
    assert params["class_"][1] is True and params["lambda_"][1] is True  # required
    assert params["print_"][1] is False  # optional


def test_wire_names_are_the_originals(called: Any) -> None:
    info, sent = called
    assert info["request_id"] == 1
    assert len(sent) == 1
    params = sent[0]
    assert params["Action"] == ACTION
    assert params["class"] == "c-value"
    assert params["lambda"] == "7"
    assert params["print"] == "p-value"
    assert not {"class_", "lambda_", "print_"} & set(params)


def test_method_docstring_keeps_hostile_texts_exactly(called: Any) -> None:
    info, _ = called
    doc = info["method_doc"]
    lines = doc.splitlines()
    assert lines[0] == TEXTS["summary.en"]
    assert TEXTS["summary.zh"] in lines
    for name in ("class", "lambda", "print"):
        wanted = TEXTS[f"{name}.en"]
        assert any(line.strip().startswith(f"{name}_ ({name}") and line.endswith(wanted)
                   for line in lines), (name, doc)  # fmt: skip
    assert f"InternalErrorCCDBAbnormal: 9006 InternalError.CCDBAbnormal, {TEXTS['error.en']}" in doc
    assert TEXTS["response.en"] in doc


def test_error_class_keeps_hostile_texts_exactly(called: Any) -> None:
    info, _ = called
    assert info["error_class"] == "InternalErrorCCDBAbnormal"
    assert info["error_description"] == [TEXTS["error.en"], TEXTS["error.zh"]]
    doc = info["error_doc"]
    assert doc.startswith(TEXTS["error.en"] + " (9006 InternalError.CCDBAbnormal)")
    assert doc.splitlines()[-1] == TEXTS["error.zh"]


def test_result_field_docstring_keeps_hostile_text(hostile_out: Path) -> None:
    docs = attribute_docstrings(hostile_out / "qcloud_bmlb" / "models.py")
    assert docs[("CheckHostileTextResult", "request_id")] == TEXTS["response.en"]


def test_enum_value_docstring_keeps_hostile_text(hostile_out: Path) -> None:
    docs = attribute_docstrings(hostile_out / "qcloud_bmlb" / "models.py")
    assert docs[("TaskStatus", "SUCCEEDED")] == TEXTS["enum0.en"]


def attribute_docstrings(path: Path) -> dict[tuple[str, str], str]:
    """(class, attribute) -> the string literal right after the attribute's definition."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: dict[tuple[str, str], str] = {}
    for cls in (n for n in tree.body if isinstance(n, ast.ClassDef)):
        for stmt, nxt in zip(cls.body, cls.body[1:], strict=False):
            target = None
            if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
                target = stmt.target.id
            elif isinstance(stmt, ast.Assign) and isinstance(stmt.targets[0], ast.Name):
                target = stmt.targets[0].id
            if (
                target
                and isinstance(nxt, ast.Expr)
                and isinstance(nxt.value, ast.Constant)
                and isinstance(nxt.value.value, str)
            ):
                found[(cls.name, target)] = nxt.value.value
    return found


def test_no_template_syntax_was_evaluated(hostile_out: Path) -> None:
    """``{{ x }}`` and ``{% if %}`` in texts come out as written, in code and in docs."""
    for rel in ("qcloud_bmlb/client.py", "docs/en/actions/CheckHostileText.md",
                "docs/zh/actions/CheckHostileText.md"):  # fmt: skip
        data = (hostile_out / rel).read_text(encoding="utf-8")
        assert "{{ x }}" in data and "{% if %}" in data, rel


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_hostile_docs_keep_tables_and_example(hostile_out: Path, lang: str) -> None:
    md = (hostile_out / "docs" / lang / "actions" / f"{ACTION}.md").read_text(encoding="utf-8")
    for wire, py in (("class", "class_"), ("lambda", "lambda_"), ("print", "print_")):
        row = next(line for line in md.splitlines() if line.startswith(f"| `{wire}` |"))
        assert row.startswith(f"| `{wire}` | `{py}` |")
        # One row, six cells: the | in the text is escaped, the newline-free text stays on it.
        assert len(re.split(r"(?<!\\)\|", row)) - 2 == 6, row
        assert "a\\|b" in row
    block = re.findall(r"^```python\n(.*?)^```$", md, flags=re.S | re.M)
    assert len(block) == 1
    compile(block[0], "<example>", "exec")
    tree = ast.parse(block[0])
    call = next(
        n
        for n in ast.walk(tree)
        if isinstance(n, ast.Call)
        and isinstance(n.func, ast.Attribute)
        and n.func.attr == "check_hostile_text"
    )
    values = {kw.arg: ast.literal_eval(kw.value) for kw in call.keywords}
    assert values == {"class_": EXAMPLE_CLASS, "lambda_": 3}


def test_hostile_package_passes_ruff(hostile_out: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "--config",
         str(ROOT / "pyproject.toml"), "--extend-ignore", "E501", str(hostile_out)],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize(
    "ending",
    ['"""', '\\"""', "line one\n \nline three"],
    ids=["triple-quote", "backslash-triple-quote", "blank-line-with-a-space"],
)
def test_texts_at_the_end_of_a_docstring(tmp_path: Path, ending: str) -> None:
    """An error's zh description ends its class docstring: whatever it ends with, the
    generator must either write a package that keeps it, or refuse it with a clean message
    (never a traceback)."""
    spec = SpecCopy(tmp_path)
    zh = "CCDB 服务异常，结尾是 " + ending
    spec.replace("errors.yaml", 'zh: "CCDB 服务异常。"', "zh: " + yaml_string(zh))
    out = tmp_path / "out"
    done = run_generator("--spec", spec.path, "--out", out)
    assert "Traceback" not in done.stderr, done.stderr
    if done.returncode != 0:
        assert not out.exists()
        return
    source = (out / "qcloud_bmlb" / "errors.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    cls = next(
        n
        for n in tree.body
        if isinstance(n, ast.ClassDef) and n.name == "InternalErrorCCDBAbnormal"
    )
    doc = ast.get_docstring(cls)
    assert doc is not None and doc.endswith(zh.replace("\n \n", "\n\n")), doc
