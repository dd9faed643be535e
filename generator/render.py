"""Render the IR into the files of ``generated/``: Jinja2 templates, then one formatter pass."""

from __future__ import annotations

import json
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import jinja2

from . import docsite, ir, package
from .naming import cli_option, docstring, kebab, md_cell, pyrepr

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
RUNTIME = HERE / "runtime"
PACKAGE = "qcloud_bmlb"
LANGS = ("en", "zh")

#: Fixed words of the docs, per language.
LABELS: dict[str, dict[str, str]] = {
    "en": {
        "reference": "API reference", "actions": "Actions", "errors": "Error codes",
        "parameters": "Parameters", "wire": "Wire name", "python": "Python name",
        "type": "Type", "required": "Required", "range": "Range", "description": "Description",
        "yes": "yes", "no": "no", "example": "Example", "response": "Response",
        "field": "Field", "code": "Code", "code_desc": "codeDesc", "class": "Python class",
        "retryable": "Retry helps", "documented_errors": "Errors this action documents",
        "common_errors": "Common errors", "module_errors": "Module errors",
        "common_note": "Any action can also answer with the common errors.",
        "ours": "name of ours: Tencent documents none", "item_fields": "Fields of each item",
        "task_note": "The action starts an asynchronous task: poll `request_id` with",
        "values": "Values", "other_lang": "中文", "other_lang_dir": "zh",
        "common_params": "Common parameters", "regions": "Regions", "no_errors":
        "This action documents no errors of its own.", "item_of": "each item is a",
        "summary": "Summary", "service": "Service",
        "cli_example": "The same call from the command line:",
    },
    "zh": {
        "reference": "API 参考", "actions": "接口", "errors": "错误码",
        "parameters": "参数", "wire": "参数名称", "python": "Python 名称",
        "type": "类型", "required": "必选", "range": "取值范围", "description": "描述",
        "yes": "是", "no": "否", "example": "示例", "response": "响应",
        "field": "字段", "code": "错误码", "code_desc": "codeDesc", "class": "Python 类",
        "retryable": "重试有效", "documented_errors": "本接口文档列出的错误码",
        "common_errors": "公共错误码", "module_errors": "模块错误码",
        "common_note": "任何接口也可能返回公共错误码。",
        "ours": "本项目命名：腾讯云未给出", "item_fields": "每个元素的字段",
        "task_note": "该接口启动异步任务：用返回的 `request_id` 调用",
        "values": "取值", "other_lang": "English", "other_lang_dir": "en",
        "common_params": "公共参数", "regions": "地域", "no_errors": "本接口未列出模块错误码。",
        "item_of": "每个元素为", "summary": "简介", "service": "服务",
        "cli_example": "命令行中的同一调用：",
    },
}  # fmt: skip


class RenderError(Exception):
    """Rendering or formatting failed (a template bug, or the formatter is missing)."""


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters["pyrepr"] = pyrepr
    env.filters["docstring"] = docstring
    env.filters["md"] = md_cell
    env.filters["kebab"] = kebab
    env.filters["cli_option"] = cli_option
    env.globals.update(package.GLOBALS)
    env.filters.update(package.FILTERS)
    return env


def python_example(action: ir.Action, service: ir.Service) -> str:
    """A short program that calls ``action`` with the spec's example values."""
    items = sorted({p.item.class_name for p in action.params if isinstance(p, ir.ArrayParam)})
    imports = ", ".join(sorted(["Client", *items]))
    region = service.regions[0].code if service.regions else "ap-guangzhou"
    lines = [f"from qcloud_bmlb import {imports}", "", f"with Client(region={region!r}) as client:"]
    lines.append(f"    result = client.{action.py_name}(")
    by_name = {p.py_name: p for p in action.params}
    for py_name, value in action.example:
        param = by_name[py_name]
        if isinstance(param, ir.ArrayParam) and isinstance(value, list):
            cls = param.item.class_name
            shown = ", ".join(
                cls + "(" + ", ".join(f"{k}={pyrepr(v)}" for k, v in item.items()) + ")"
                for item in value
            )
            lines.append(f"        {py_name}=[{shown}],")
        else:
            lines.append(f"        {py_name}={pyrepr(value)},")
    lines.append("    )")
    for field in action.response:
        lines.append(f"    print(result.{field.py_name})")
    code = "\n".join(lines) + "\n"
    compile(code, f"<example of {action.name}>", "exec")
    return code


def cli_example(action: ir.Action) -> str:
    """The command line that makes the same call as :func:`python_example`."""
    words = ["qcloud-bmlb", kebab(action.name)]
    by_name = {p.py_name: p for p in action.params}
    for py_name, value in action.example:
        param = by_name[py_name]
        if isinstance(param, ir.ArrayParam) and isinstance(value, list):
            for item in value:
                shown = ":".join(str(item[f.py_name]) for f in param.item.fields)
                words += [f"--{cli_option(param.item.name)}", shlex.quote(shown)]
        else:
            words += [f"--{cli_option(param.wire)}", shlex.quote(str(value))]
    if action.task_id:
        words.append("--wait")
    return " ".join(words)


def response_example(action: ir.Action) -> str:
    """The JSON a successful call answers with, with example values."""
    data: dict[str, Any] = {"code": 0, "message": "", "codeDesc": "Success"}
    for field in action.response:
        node = data
        for key in field.path[:-1]:
            node = node.setdefault(key, {})
        node[field.path[-1]] = field.enum.values[0].value if field.enum else 1234
    return json.dumps(data, indent=2, ensure_ascii=False)


def render(spec: ir.Spec, version: str) -> dict[str, bytes]:
    """Every file of ``generated/``, by path relative to it."""
    env = environment()
    ctx: dict[str, Any] = {"spec": spec, "service": spec.service, "version": version}
    out: dict[str, str] = {}
    try:
        for name in ("__init__.py", "client.py", "async_client.py", "models.py", "errors.py",
                     "_operations.py", "cli.py"):  # fmt: skip
            out[f"{PACKAGE}/{name}"] = env.get_template(f"package/{name}.j2").render(ctx)
        for path in sorted(RUNTIME.rglob("*.py")):
            if "__pycache__" not in path.parts:
                rel = path.relative_to(RUNTIME).as_posix()
                out[f"{PACKAGE}/{rel}"] = path.read_text(encoding="utf-8")
        # The docs' signed requests, made by the rendered package itself.
        try:
            made = package.run_package(out, f"{PACKAGE}._examples", docsite.example_settings(spec))
        except (OSError, RuntimeError, subprocess.TimeoutExpired, ValueError) as exc:
            raise RenderError(f"the docs' example requests: {exc}") from None
        wires = {
            a.name: docsite.wire_request(w, spec.service)
            for a, w in zip(spec.actions, made, strict=True)
        }
        for lang in LANGS:
            lctx = {**ctx, "lang": lang, "L": LABELS[lang]}
            out[f"docs/{lang}/index.md"] = env.get_template("docs/index.md.j2").render(lctx)
            out[f"docs/{lang}/errors.md"] = env.get_template("docs/errors.md.j2").render(lctx)
            for action in spec.actions:
                out[f"docs/{lang}/actions/{action.name}.md"] = env.get_template(
                    "docs/action.md.j2"
                ).render(
                    lctx,
                    action=action,
                    example=python_example(action, spec.service),
                    cli=cli_example(action),
                    response=response_example(action),
                    wire=wires[action.name],
                )
        contexts = {
            lang: {**ctx, "lang": lang, "L": LABELS[lang], "cli_example": cli_example}
            for lang in LANGS
        }
        has_testing = (RUNTIME / "testing").is_dir()
        out.update(
            docsite.pages(
                env, spec, contexts, has_testing, lambda a: python_example(a, spec.service)
            )
        )
        out["mkdocs.nav.yml"] = docsite.nav(spec, LANGS)
        out.update(docsite.assets())
    except jinja2.TemplateError as exc:
        raise RenderError(f"template error: {exc}") from exc
    except ValueError as exc:  # a text that cannot become a literal (naming.docstring)
        raise RenderError(str(exc)) from exc
    out = format_python(out)
    files = {name: text.encode("utf-8") for name, text in out.items()}
    files[f"{PACKAGE}/py.typed"] = b""
    return dict(sorted(files.items()))


def format_python(files: dict[str, str]) -> dict[str, str]:
    """One ``ruff format`` pass over every Python file and the Python blocks of the Markdown
    pages, with fixed settings (not the user's)."""
    python = {name: text for name, text in files.items() if name.endswith((".py", ".md"))}
    with tempfile.TemporaryDirectory(prefix="qcloud-bmlb-format-") as tmp:
        root = Path(tmp)
        for name, text in python.items():
            target = root / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        settings = ["--isolated", "--no-cache", "--line-length", "100", "--target-version", "py310"]
        # Import order and __all__ order first, then the layout.
        _ruff(["check", *settings, "--select", "I,RUF022", "--fix", "--quiet", str(root)])
        _ruff(["format", *settings, "--quiet", str(root)])
        formatted = {name: (root / name).read_text(encoding="utf-8") for name in python}
    return {**files, **formatted}


def _ruff(args: list[str]) -> None:
    try:
        done = subprocess.run(
            [sys.executable, "-m", "ruff", *args], capture_output=True, text=True, timeout=120
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise RenderError(f"the formatter could not run: {exc}") from None
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip()
        if "No module named ruff" in detail:
            detail = "ruff is not installed (pip install -e '.[dev]')"
        raise RenderError(f"ruff {args[0]} failed on the rendered code: {detail}")
