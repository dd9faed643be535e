"""Read one Tencent API doc page (Markdown, English or Chinese) into the facts it states.

The page's parts are found by what they look like, not by their headings: the action name in
its first sentence (or in ``Action=``), the request host, the tables by their header row
(parameters: name, required, type, description; output: name, type, description; errors: code,
codeDesc, description), and the example request's ``&name=value`` lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

ACTION_PATTERNS = (
    re.compile(r"This API \(([A-Z][A-Za-z0-9]*)\)"),
    re.compile(r"^\s*([A-Z][A-Za-z0-9]*)\s*(?:提供了|接口|用于)", re.M),
    re.compile(r"[?&]Action=([A-Z][A-Za-z0-9]*)"),
)
HOST = re.compile(r"(?:Domain for API request|接口请求域名)\s*[:：]\s*([A-Za-z0-9][A-Za-z0-9.-]*)")
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
TAG = re.compile(r"<[^>]+>")
#: ``1-65535``, ``1~65535``, ``可选值1~65535``, ``Available value range: 1-65535``.
RANGE = re.compile(r"(?<![A-Za-z0-9_.-])(-?\d+)\s*(?:-|~|～|到|至)\s*(-?\d+)(?![A-Za-z0-9_]|\.\d)")
MAX_ITEMS = (
    re.compile(r"最多(?:允许|可以|可)?(?:绑定|传入|支持|包含|填写)?\s*(\d+)\s*个"),
    re.compile(r"\b(?:at most|up to|a maximum of|maximum of|no more than)\s+(\d+)", re.I),
)
FLATTENED = re.compile(r"^([a-z][A-Za-z0-9_]*)\.(?:n|N|\d+)\.([a-z][A-Za-z0-9_]*)$")
WIRE = re.compile(r"^[a-z][A-Za-z0-9_]*$")
EXAMPLE_LINE = re.compile(r"^\s*[&?]([a-z][A-Za-z0-9_.]*)=(.*?)\s*$")
COMMON_OUTPUT = ("code", "message", "codeDesc")

_HEADERS = {
    "name": {"parametername", "参数名称", "参数名", "name", "名称"},
    "required": {"required", "必选", "是否必选", "必填"},
    "type": {"type", "类型"},
    "description": {"description", "描述", "说明"},
    "code": {"errorcode", "错误代码", "错误码"},
}
_YES = {"yes", "是", "true", "required", "必选"}
_NO = {"no", "否", "false", "optional", "可选"}
_TYPES = {"string": "String", "int": "Int", "integer": "Int", "array": "Array"}


class PageError(Exception):
    """The page cannot be read; the message names ``page:line``."""


@dataclass
class Param:
    name: str
    required: bool
    type: str  # String | Int | Array, or the page's own word for a type the spec has not
    description: str
    range: tuple[int, int] | None
    max_items: int | None
    line: int
    fields: list[Param] = field(default_factory=list)


@dataclass
class Output:
    name: str
    type: str
    description: str
    line: int


@dataclass
class Error:
    code: int
    code_desc: str
    description: str
    line: int


@dataclass
class Page:
    path: Path
    lang: str  # en | zh
    action: str
    host: str | None
    params: list[Param]
    outputs: list[Output]
    errors: list[Error]
    example: dict[str, str]  # wire name -> value, from the page's example request
    text: str  # the whole page, whitespace collapsed, for finding quotes
    summary: str = ""  # the sentence that names the action, when there is one

    def says(self, quote: str) -> bool:
        return squash(quote) in self.text


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def clean(text: str) -> str:
    """A table cell as plain text: links become their text, tags go, spaces collapse."""
    text = LINK.sub(r"\1", text.replace("\\|", "|"))
    text = TAG.sub(" ", text.replace("<br>", " "))
    return squash(text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))


def _cells(line: str) -> list[str]:
    body = line.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") and not body.endswith("\\|") else body
    return [c.strip() for c in re.split(r"(?<!\\)\|", body)]


@dataclass
class _Table:
    kind: str  # input | output | errors
    line: int  # 1-based line of the header
    rows: list[tuple[int, list[str]]]


def _kind(header: list[str]) -> str | None:
    keys = [re.sub(r"[\s*`]", "", h).lower() for h in header]

    def has(role: str, index: int) -> bool:
        return index < len(keys) and keys[index] in _HEADERS[role]

    if len(keys) == 3 and has("code", 0):
        return "errors"
    if len(keys) == 4 and has("name", 0) and has("required", 1) and has("type", 2):
        return "input" if has("description", 3) else None
    if len(keys) == 3 and has("name", 0) and has("type", 1) and has("description", 2):
        return "output"
    return None


def _tables(lines: list[str], where: str) -> list[_Table]:
    tables: list[_Table] = []
    i = 0
    while i < len(lines):
        if not lines[i].lstrip().startswith("|"):
            i += 1
            continue
        start = i
        block: list[tuple[int, str]] = []
        while i < len(lines) and lines[i].lstrip().startswith("|"):
            block.append((i + 1, lines[i]))
            i += 1
        header = _cells(block[0][1])
        kind = _kind(header)
        if kind is None:
            continue  # a table of something else: not ours to read
        if len(block) < 2 or not re.fullmatch(
            r"\s*\|?(\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*\|?\s*", block[1][1]
        ):
            raise PageError(
                f"{where}:{start + 2}: the {kind} table has no |---| row under its header"
            )
        rows = []
        for number, text in block[2:]:
            cells = _cells(text)
            if len(cells) != len(header):
                raise PageError(
                    f"{where}:{number}: the {kind} table has {len(header)} columns, "
                    f"this row has {len(cells)}"
                )
            rows.append((number, cells))
        tables.append(_Table(kind, start + 1, rows))
    return tables


def _type(word: str) -> str:
    word = clean(word).strip("`")
    base = word.split()[0] if word else ""
    return _TYPES.get(base.lower(), word)


def _required(word: str, where: str) -> bool:
    value = clean(word).lower()
    if value in _YES:
        return True
    if value in _NO:
        return False
    raise PageError(f"{where}: 'required' must be Yes/No or 是/否, got {word!r}")


def value_range(description: str) -> tuple[int, int] | None:
    m = RANGE.search(description)
    if m is None:
        return None
    lo, hi = int(m.group(1)), int(m.group(2))
    return (lo, hi) if lo <= hi else None


def max_items(description: str) -> int | None:
    for pattern in MAX_ITEMS:
        m = pattern.search(description)
        if m:
            return int(m.group(1))
    return None


def parse(path: Path, text: str | None = None) -> Page:
    """The facts of the page at ``path`` (``text`` instead of reading it, for tests)."""
    where = str(path)
    if text is None:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise PageError(f"{where}: cannot read the page: {exc}") from None
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    action = None
    summary = ""
    for index, pattern in enumerate(ACTION_PATTERNS):
        m = pattern.search(text)
        if m:
            action = m.group(1)
            if index < 2:  # the first sentence names it: that sentence is the summary
                start = text.rfind("\n", 0, m.start()) + 1
                end = text.find("\n", m.end())
                summary = clean(text[start : end if end >= 0 else len(text)])
            break
    if action is None:
        raise PageError(
            f"{where}:1: cannot find the action name (no 'This API (Name)', 'Name 提供了' or "
            "'Action=Name')"
        )
    host_match = HOST.search(text)
    tables = _tables(lines, where)
    if not tables:
        raise PageError(
            f"{where}:1: no parameter, output or error table (a header row such as "
            "'| Parameter Name | Required | Type | Description |')"
        )
    header_text = " ".join(" ".join(_cells(lines[t.line - 1])) for t in tables)
    lang = "zh" if re.search(r"[\u4e00-\u9fff]", header_text) else "en"

    params: list[Param] = []
    by_name: dict[str, Param] = {}
    pending: list[tuple[str, Param]] = []
    outputs: list[Output] = []
    errors: list[Error] = []
    for table in tables:
        for number, cells in table.rows:
            at = f"{where}:{number}"
            if table.kind == "errors":
                code_text = clean(cells[0])
                if not re.fullmatch(r"-?\d+", code_text):
                    raise PageError(f"{at}: the error code must be an integer, got {cells[0]!r}")
                code_desc = clean(cells[1]).strip("`")
                if not re.fullmatch(r"[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)*", code_desc):
                    raise PageError(f"{at}: {code_desc!r} is not a codeDesc")
                errors.append(Error(int(code_text), code_desc, clean(cells[2]), number))
                continue
            name = clean(cells[0]).strip("`")
            if not name:
                raise PageError(f"{at}: a row without a parameter name")
            if table.kind == "output":
                if name not in COMMON_OUTPUT:
                    outputs.append(Output(name, _type(cells[1]), clean(cells[2]), number))
                continue
            description = clean(cells[3])
            ptype = _type(cells[2])
            param = Param(
                name=name,
                required=_required(cells[1], at),
                type=ptype,
                description=description,
                range=value_range(description) if ptype == "Int" else None,
                max_items=max_items(description) if ptype == "Array" else None,
                line=number,
            )
            flat = FLATTENED.match(name)
            if flat:
                param.name = flat.group(2)
                pending.append((flat.group(1), param))
            elif WIRE.match(name):
                if name in by_name:
                    raise PageError(f"{at}: the parameter {name!r} is listed twice")
                by_name[name] = param
                params.append(param)
            else:
                raise PageError(
                    f"{at}: {name!r} is neither a parameter name nor a flattened 'name.n.field'"
                )
    for parent, item_field in pending:
        owner = by_name.get(parent)
        if owner is None:
            raise PageError(
                f"{where}:{item_field.line}: {parent}.n.{item_field.name} has no Array "
                f"parameter {parent!r} in the table"
            )
        if owner.type != "Array":
            raise PageError(
                f"{where}:{item_field.line}: {parent}.n.{item_field.name} belongs to "
                f"{parent!r}, which is a {owner.type}, not an Array"
            )
        if any(f.name == item_field.name for f in owner.fields):
            raise PageError(
                f"{where}:{item_field.line}: {parent}.n.{item_field.name} is listed twice"
            )
        owner.fields.append(item_field)
    for param in params:
        if param.type == "Array" and not param.fields:
            raise PageError(
                f"{where}:{param.line}: the Array {param.name!r} has no {param.name}.n.* rows"
            )

    example: dict[str, str] = {}
    for line in lines:
        m = EXAMPLE_LINE.match(line)
        if m and not m.group(2).startswith("<") and m.group(2):
            example[m.group(1)] = m.group(2)
    return Page(
        path=path,
        lang=lang,
        action=action,
        host=host_match.group(1) if host_match else None,
        params=params,
        outputs=outputs,
        errors=errors,
        example=example,
        text=squash(text),
        summary=summary,
    )
