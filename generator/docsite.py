"""The docs: every page of ``generated/docs`` and what the templates need beyond the IR.

The reference pages (one per action and language, the index, the errors), the getting-started
and Python API pages, the navigation MkDocs reads, and their helpers: the fixed words of each
language, the Python and command-line examples, the page's example answer, the signed wire
request of each action, and the Markdown of texts, types and model links.

Everything here is computed at generation time from the IR with fixed inputs, so the output is
deterministic.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2

from . import ir
from .clinames import cli_example
from .naming import md_cell, pyrepr

#: Placeholder credentials and request values of the docs' wire requests. Not a real key.
EXAMPLE_SECRET_ID = "AKIDEXAMPLEsecretIdEXAMPLEsecretId01"
EXAMPLE_SECRET_KEY = "EXAMPLEsecretKeyEXAMPLEsecretKey"
EXAMPLE_NONCE = 61431
EXAMPLE_TIMESTAMP = 1507728683
EXAMPLE_SIGN_METHOD = "HmacSHA256"
EXAMPLE_HTTP_METHOD = "POST"

#: Extra pages, per language: (file name, template).
PAGES = (
    ("getting-started.md", "docs/getting-started.md.j2"),
    ("python-api.md", "docs/python-api.md.j2"),
)

#: Titles in the navigation, per language.
NAV_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "lang": "English", "start": "Getting started", "reference": "API reference",
        "actions": "Actions", "errors": "Error codes", "python": "Python API",
    },
    "zh": {
        "lang": "中文", "start": "快速开始", "reference": "API 参考",
        "actions": "接口", "errors": "错误码", "python": "Python API",
    },
}  # fmt: skip


def example_region(service: ir.Service) -> str:
    return service.regions[0].code if service.regions else "ap-guangzhou"


def example_settings(spec: ir.Spec) -> dict[str, Any]:
    """What the docs' wire requests are made with: placeholder credentials, a fixed Nonce and
    Timestamp, and each action's example call (arguments by Python name, items as mappings)."""
    return {
        "secret_id": EXAMPLE_SECRET_ID,
        "secret_key": EXAMPLE_SECRET_KEY,
        "region": example_region(spec.service),
        "sign_method": EXAMPLE_SIGN_METHOD,
        "http_method": EXAMPLE_HTTP_METHOD,
        "host": spec.service.host,
        "path": spec.service.path,
        "timestamp": EXAMPLE_TIMESTAMP,
        "nonce": EXAMPLE_NONCE,
        "calls": [{"action": a.name, "args": dict(a.example)} for a in spec.actions],
    }


def wire_request(made: dict[str, str], service: ir.Service) -> dict[str, str]:
    """The page's view of an example request the client made (``_examples`` in the package):
    the request as sent, the string to sign, the signature, and what it was signed with."""
    head = f"{made['method']} {made['target']} HTTP/1.1\nHost: {service.host}\n"
    if made["body"]:
        head += "Content-Type: application/x-www-form-urlencoded\n"
    return {
        "http": f"{head}\n{made['body']}",
        "string_to_sign": made["string_to_sign"],
        "signature": made["signature"],
        "secret_id": EXAMPLE_SECRET_ID,
        "secret_key": EXAMPLE_SECRET_KEY,
        "nonce": str(EXAMPLE_NONCE),
        "timestamp": str(EXAMPLE_TIMESTAMP),
    }


def _yaml_string(text: str) -> str:
    """A YAML scalar for ``text`` (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def nav(spec: ir.Spec, langs: tuple[str, ...]) -> str:
    """``mkdocs.nav.yml``, inherited by the root ``mkdocs.yml``: the site's languages for the
    mkdocs-static-i18n plugin (the first one is the default, built at the site's root; each
    other one under its code) and each language's own navigation, with every action of the
    spec in it."""
    lines = [
        "# Generated from spec/ by `python -m generator`; do not edit.",
        "# The root mkdocs.yml inherits this: the languages of the site and each one's navigation.",
        "plugins:",
        "  i18n:",
        "    languages:",
    ]
    for index, lang in enumerate(langs):
        label = NAV_LABELS[lang]
        lines.append(f"      - locale: {lang}")
        lines.append(f"        name: {_yaml_string(label['lang'])}")
        lines.append(f"        default: {'true' if index == 0 else 'false'}")
        lines.append("        nav:")
        lines.append(f"          - {_yaml_string(label['start'])}: {lang}/getting-started.md")
        lines.append(f"          - {_yaml_string(label['reference'])}: {lang}/index.md")
        lines.append(f"          - {_yaml_string(label['actions'])}:")
        for action in spec.actions:
            lines.append(
                f"              - {_yaml_string(action.name)}: {lang}/actions/{action.name}.md"
            )
        lines.append(f"          - {_yaml_string(label['errors'])}: {lang}/errors.md")
        lines.append(f"          - {_yaml_string(label['python'])}: {lang}/python-api.md")
    return "\n".join(lines) + "\n"


def pages(
    env: jinja2.Environment,
    spec: ir.Spec,
    ctx: dict[str, Any],
    langs: tuple[str, ...],
    has_testing: bool,
    wires: dict[str, dict[str, str]],
) -> dict[str, str]:
    """Every page of the docs, in each of ``langs`` (``ctx``: the templates' context; ``wires``:
    each action's signed example request, as :func:`wire_request` shows it)."""
    out: dict[str, str] = {}
    task = next((a for a in spec.actions if a.name == spec.service.task_action), None)
    first = next((a for a in spec.actions if a.starts_task), spec.actions[0])
    for lang in langs:
        lctx = {**ctx, "lang": lang, "L": LABELS[lang], "cli_example": cli_example}
        for name in ("index", "errors"):
            out[f"docs/{lang}/{name}.md"] = env.get_template(f"docs/{name}.md.j2").render(lctx)
        for action in spec.actions:
            out[f"docs/{lang}/actions/{action.name}.md"] = env.get_template(
                "docs/action.md.j2"
            ).render(
                lctx,
                action=action,
                example=python_example(action, spec.service),
                cli=cli_example(action),
                response=example_response(action),
                wire=wires[action.name],
            )
        for name, template in PAGES:
            out[f"docs/{lang}/{name}"] = env.get_template(template).render(
                lctx,
                first=first,
                task=task,
                example=python_example(first, spec.service),
                region=example_region(spec.service),
                has_testing=has_testing,
            )
    return out


#: The site's own static files, copied verbatim into generated/docs/ (mkdocs.yml names them).
ASSETS = ("assets/site.css",)


def assets() -> dict[str, str]:
    """The static files of the site, by path relative to ``generated/``."""
    here = Path(__file__).parent / "templates" / "docs"
    return {f"docs/{name}": (here / name).read_text(encoding="utf-8") for name in ASSETS}


#: Fixed words of the docs, per language.
LABELS: dict[str, dict[str, str]] = {
    "en": {
        "reference": "API reference", "actions": "Actions", "errors": "Error codes",
        "parameters": "Parameters", "wire": "Wire name", "python": "Python name",
        "type": "Type", "required": "Required", "range": "Range", "description": "Description",
        "default": "Default", "default_is": "default", "yes": "yes", "no": "no",
        "example": "Example",
        "response": "Response", "field": "Field", "code": "Code", "code_desc": "codeDesc",
        "class": "Python class", "retryable": "Retry helps",
        "documented_errors": "Errors this action documents", "common_errors": "Common errors",
        "module_errors": "Module errors",
        "common_note": "Any action can also answer with the common errors.",
        "ours": "name of ours: Tencent documents none", "item_fields": "Fields of each item",
        "task_note": "The action starts an asynchronous task: poll `request_id` with",
        "values": "Values", "other_lang": "中文", "other_lang_dir": "zh",
        "common_params": "Common parameters", "regions": "Regions", "no_errors":
        "This action documents no errors of its own.", "item_of": "each item is a",
        "summary": "Summary", "service": "Service",
        "cli_example": "The same call from the command line:",
        "array_of": "Array of", "object": "Object",
        "scalar_array": "a list of values, sent as",
        "once": "each value at most once",
        "unique_together": "no two items with the same",
        "pagination": "Pages",
        "pagination_note": "The action answers a page at a time: {offset} and {limit} choose "
        "the page, {total} counts the items of all pages.",
        "iterator_note": "`Client.{method}(...)` and `AsyncClient.{method}(...)` take the same "
        "arguments and yield every item of {items} (`{item}`), page after page.",
        "example_response": "The example answer of Tencent's page:",
        "no_example_response": "Tencent's page gives no example answer.",
        "allowed": "Values the page lists", "models": "Response models",
        "model_of": "Each item or value of",
        "chinese_only": "Tencent publishes the page of this action in Chinese only: the "
        "English text here is ours, not Tencent's.",
        "ours_mark": "(ours)",
        "ours_note": "Texts marked (ours) have no English on Tencent's page; the English is "
        "this project's.",
        "or_none": "or `None`",
    },
    "zh": {
        "reference": "API 参考", "actions": "接口", "errors": "错误码",
        "parameters": "参数", "wire": "参数名称", "python": "Python 名称",
        "type": "类型", "required": "必选", "range": "取值范围", "description": "描述",
        "default": "默认值", "default_is": "默认值", "yes": "是", "no": "否", "example": "示例",
        "response": "响应",
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
        "array_of": "数组，元素为", "object": "对象",
        "scalar_array": "取值列表，发送为",
        "once": "每个取值至多出现一次",
        "unique_together": "任意两个元素的以下字段不能全部相同：",
        "pagination": "分页",
        "pagination_note": "该接口分页返回：{offset} 和 {limit} 选择页，{total} 为所有页的"
        "元素总数。",
        "iterator_note": "`Client.{method}(...)` 和 `AsyncClient.{method}(...)` 接受相同的参数，"
        "逐页返回 {items} 的每个元素（`{item}`）。",
        "example_response": "腾讯云文档中的响应示例：",
        "no_example_response": "腾讯云文档未给出响应示例。",
        "allowed": "文档列出的取值", "models": "响应模型",
        "model_of": "以下字段的每个元素或取值：",
        "chinese_only": "", "ours_mark": "", "ours_note": "", "or_none": "或 `None`",
    },
}  # fmt: skip


def text(value: ir.Text, lang: str) -> str:
    """A text in ``lang`` for a table cell; in English, one of ours is marked as ours."""
    shown = md_cell(value.get(lang))
    return f"{shown} {LABELS[lang]['ours_mark']}" if lang == "en" and value.en_ours else shown


def ours_anywhere(action: ir.Action) -> bool:
    """Whether a text of the action's page has English of ours."""
    texts = [action.summary, *(p.description for p in action.params)]
    for param in action.params:
        if isinstance(param, ir.ArrayParam):
            texts += [f.description for f in param.item.fields]
    for field in [*action.response, *(f for m in action.models for f in m.fields)]:
        texts.append(field.description)
        if field.enum:
            texts += [v.description for v in field.enum.values]
    return any(t.en_ours for t in texts)


def anchor(class_name: str) -> str:
    """The anchor of a model's table on an action page and on the Python API page."""
    return f"model-{class_name.lower()}"


def param_type(param: ir.Param, lang: str) -> str:
    """The Type cell of a parameter: its wire type (and that of a scalar array's values)."""
    if isinstance(param, ir.ScalarArray):
        return f"{LABELS[lang]['array_of']} {param.item.type}"
    return param.type


def shape_type(shape: ir.Shape, lang: str) -> str:
    """The Type cell of a response field: the wire type, a model as a link to its table."""
    if shape.model is not None:
        return f"[`{shape.model.class_name}`](#{anchor(shape.model.class_name)})"
    if shape.item is not None:
        return f"{LABELS[lang]['array_of']} {shape_type(shape.item, lang)}"
    return shape.enum.class_name if shape.enum else shape.kind


def python_example(action: ir.Action, service: ir.Service) -> str:
    """A short program that calls ``action`` with the spec's example values."""
    items = sorted({p.item.class_name for p in action.params if isinstance(p, ir.ArrayParam)})
    imports = ", ".join(sorted(["Client", *items]))
    region = example_region(service)
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


def example_response(action: ir.Action) -> str | None:
    """The example answer of Tencent's page as the spec keeps it, as JSON (None: it has none)."""
    if action.example_response is None:
        return None
    return json.dumps(action.example_response, indent=2, ensure_ascii=False)


def has_defaults(action: ir.Action) -> bool:
    """Whether a parameter or item field of the action has a default (a Default column)."""
    fields = [p for p in action.params if isinstance(p, ir.Field)]
    fields += [f for item in action.items for f in item.fields]
    return any(f.default is not None for f in fields)


def default(param: ir.Param | ir.Field) -> str:
    """The Default cell of a parameter or item field."""
    value = getattr(param, "default", None)
    return "" if value is None else f"`{md_cell(str(value))}`"


def unique_wires(item: ir.Item) -> list[str]:
    """The wire names of the fields of an item that must not repeat together."""
    wires = {f.py_name: f.wire for f in item.fields}
    return [wires[u] for u in item.unique]


def pagination_wires(action: ir.Action) -> dict[str, str]:
    """The wire names of an action's pagination (``offset``, ``limit``, ``total``, ``items``),
    for the reference page; the IR holds the Python names."""
    pg = action.pagination
    assert pg is not None
    params = {p.py_name: p.wire for p in action.params}
    fields = {f.py_name: f.name for f in action.response}
    return {
        "offset": f"`{params[pg.offset]}`", "limit": f"`{params[pg.limit]}`",
        "total": f"`{fields[pg.total]}`", "items": f"`{fields[pg.items]}`",
    }  # fmt: skip


def filters() -> dict[str, Callable[..., Any]]:
    """The docs' Jinja filters."""
    return {
        "text": text, "anchor": anchor, "param_type": param_type, "shape_type": shape_type,
        "default": default, "unique_wires": unique_wires, "has_defaults": has_defaults,
        "ours_anywhere": ours_anywhere, "pagination_wires": pagination_wires,
    }  # fmt: skip


def tests() -> dict[str, Callable[[Any], bool]]:
    """The docs' Jinja tests: ``p is object_array``, ``p is scalar_array``."""
    return {
        "object_array": lambda p: isinstance(p, ir.ArrayParam),
        "scalar_array": lambda p: isinstance(p, ir.ScalarArray),
    }
