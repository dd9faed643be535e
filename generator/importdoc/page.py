"""Read one of Tencent's doc pages (Markdown, English or Chinese, either layout) into the facts
it states, and what it gets wrong.

The page's parts are found by what they look like, not by their headings alone: the action in
its first sentence, the host, the tables by their header row (parameters: name, required, type,
description; output: name, type, description; errors: code, codeDesc, description), which field
a sub-table describes by the prose line before it ("backends包含字段如下", "Each sub-item of
rsList is composed as follows", "当bindType为0时包含以下字段"), and the example request and
answer in the page's example section.

Nothing on a page stops the reading: what the page gets wrong and the importer reads past is a
:class:`Fault` (the spec must keep a correction for it), what the importer read leniently is a
:class:`Note`, and what the spec cannot hold is a :class:`Loss`; each names its line.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import facts, jsonfix
from .markdown import (
    Block,
    Table,
    blocks,
    clean,
    cleans_only_markup,
    has_cjk,
    html_tables,
    pipe_tables,
    squash,
)

COMMON_OUTPUT = ("code", "message", "codeDesc")
COMMON_PARAMS = (
    "Action",
    "Region",
    "Timestamp",
    "Nonce",
    "SecretId",
    "Signature",
    "SignatureMethod",
    "Token",
)
SCALARS = ("String", "Int", "UInt")

ACTION_PATTERNS = (
    re.compile(r"This API \(([A-Z][A-Za-z0-9]*)\)"),
    re.compile(r"本接口\s*[（(]\s*([A-Z][A-Za-z0-9]*)\s*[)）]"),
    re.compile(r"^[ \t]*([A-Z][A-Za-z0-9]*)\s*(?:提供了|接口|用于|用来|可以|是)", re.M),
)
HOST = re.compile(
    r"(?:接口请求域名|接口访问域名|请求域名|Domain for API request|Domain for API access"
    r"|Domain name|Domain)\s*[:：]\s*([A-Za-z0-9][A-Za-z0-9.-]*[A-Za-z0-9])",
    re.I,
)
EXAMPLE_SECTION = re.compile(r"实际案例|示例|案例|Example|Practical Case", re.I)
TEMPLATE = re.compile(r"请求示例|响应示例|Request Example|Response Example", re.I)
INPUT_LABEL = re.compile(r"输入|Input|请求|Request", re.I)
OUTPUT_LABEL = re.compile(r"输出|Output|响应|Response", re.I)

_ROLES = {
    "name": {"parametername", "参数名称", "参数名", "name", "名称", "parameter", "字段"},
    "required": {"required", "必选", "是否必选", "必填"},
    "type": {"type", "类型"},
    "description": {"description", "描述", "说明", "错误描述", "errordescription"},
    "code": {"errorcode", "错误代码", "错误码"},
    "codeDesc": {"errormessage", "英文提示", "codedesc"},
    "errorType": {"errortype", "错误类型"},
}
_YES = {"yes", "是", "true", "required", "必选", "必填", "ye", "y"}
_NO = {"no", "否", "false", "optional", "可选", "n"}
_TYPES = {
    "string": "String",
    "str": "String",
    "int": "Int",
    "integer": "Int",
    "long": "Int",
    "uint": "UInt",
    "array": "Array",
    "obj": "Object",
    "object": "Object",
}
FLAT_FIELD = re.compile(r"^([A-Za-z][A-Za-z0-9_]*)\.(?:n|N|\d+)\.([A-Za-z][A-Za-z0-9_]*)$")
FLAT_SCALAR = re.compile(r"^([A-Za-z][A-Za-z0-9_]*)\.(?:n|N)$")
NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
CONDITION = (
    re.compile(r"当\s*([A-Za-z][A-Za-z0-9_]*)\s*(?:为|是|=)\s*([A-Za-z0-9_-]+)\s*时"),
    re.compile(r"when\s+([A-Za-z][A-Za-z0-9_]*)\s+is\s+([A-Za-z0-9_-]+)", re.I),
)
PROSE_LIMITS = re.compile(
    r"使用限制|配置规则|转发域名的|转发路径的|Limits for|Use limits|The rules for configuring", re.I
)


class PageError(Exception):
    """The page cannot be read at all; the message names ``page:line``."""


@dataclass
class Fault:
    """A mistake of the page, read past: the spec must keep a ``correction`` for it, quoting
    the page (``quote``: the page's line, where the correction's quote is looked for)."""

    line: int
    what: str  # "parameter backends", "parameter backends.n.port", "response field a.b", "action"
    text: str
    quote: str
    path: tuple[str, ...] = ()  # the entry it concerns: ("backends", "port"); () for the action
    kind: str = "param"  # param | response | action


@dataclass
class Note:
    line: int
    text: str


@dataclass
class Loss:
    line: int
    text: str


@dataclass
class Param:
    """A request parameter, or a field of an array item."""

    name: str
    required: bool | None  # None: the row has no Required cell
    type: str  # String | Int | UInt | Array, or the page's own word (a Loss says so)
    description: str
    line: int
    range: facts.Range | None = None
    max_length: int | None = None
    max_items: int | None = None
    enum: list[facts.Scalar] = field(default_factory=list)
    default: facts.Scalar | None = None
    item_type: str | None = None  # an array of scalars: their type
    fields: list[Param] = field(default_factory=list)  # an array of objects: the item's fields
    flat: bool = False  # written ``name.n`` on the page


@dataclass
class Output:
    """A response field, at any depth."""

    name: str
    type: str  # String | Int | UInt | Object | Array, or the page's own word
    description: str
    line: int
    required: bool = True  # False: the page's example leaves it out, or a value decides
    allowed: list[facts.Scalar] = field(default_factory=list)
    item_type: str | None = None  # an array of scalars
    fields: list[Output] = field(default_factory=list)  # an object, or an array of objects
    condition: str | None = None  # "bindType为0" / "bindType is 0"
    described: bool = False  # a sub-table gave its fields


@dataclass
class Error:
    code: int
    code_desc: str  # "" on the common error page (it gives a type name instead)
    description: str
    line: int
    type_name: str = ""


@dataclass
class ExampleValue:
    line: int
    key: str  # as written: backends.1.port
    value: str
    quote: str


@dataclass
class Page:
    path: Path
    lang: str  # en | zh
    kind: str  # action | common-params | error-codes | other
    action: str | None
    host: str | None
    host_line: int
    summary: str  # the first sentence about the action, cleaned
    summary_line: int
    params: list[Param]
    outputs: list[Output]
    errors: list[Error]
    example: dict[str, Any] | None  # wire name -> value, arrays as lists (0-based)
    example_lines: list[ExampleValue]
    example_action: str | None
    example_response: Any | None
    example_response_line: int
    example_response_text: str  # the answer's block as written, squashed (for quotes)
    faults: list[Fault]
    notes: list[Note]
    losses: list[Loss]
    lines: list[str]
    text: str  # the whole page, cleaned and squashed, for finding quotes
    regions: list[tuple[str, str, int]] = field(default_factory=list)  # (code, name, line)
    common_params: list[Param] = field(default_factory=list)
    layer: int | None = None  # 4 or 7 where the page is about one kind of listener

    def says(self, quote: str) -> bool:
        if squash(quote) and squash(quote) in self.raw:
            return True
        q = clean(quote)
        return bool(q) and cleans_only_markup(quote) and q in self.text

    @property
    def raw(self) -> str:
        return squash("\n".join(self.lines))

    def line_text(self, line: int) -> str:
        return clean(self.lines[line - 1]) if 0 < line <= len(self.lines) else ""


# -- small readers ------------------------------------------------------------------------------


def normalize_type(word: str) -> tuple[str, str | None]:
    """The spec's type for a page's type word, and an array's item type: ``Array(String)`` is
    ``("Array", "String")``; an unknown word is returned as written."""
    word = clean(word).strip("`").strip()
    m = re.fullmatch(r"(?i)array\s*[(<（\[]\s*([A-Za-z]+)\s*[)>）\]]", word)
    if m:
        inner = _TYPES.get(m.group(1).lower(), m.group(1))
        return "Array", inner
    base = word.split()[0] if word else ""
    return _TYPES.get(base.lower(), word), None


def _required(word: str) -> bool | None:
    value = clean(word).lower().strip("*")
    if value in _YES:
        return True
    if value in _NO:
        return False
    return None


def _role(header: str) -> str | None:
    key = re.sub(r"[\s*`]", "", clean(header)).lower()
    for role, words in _ROLES.items():
        if key in words:
            return role
    return None


def classify(header: list[str]) -> tuple[str, dict[str, int]] | None:
    """The kind of a table (input, output, errors, common) and where each role's column is."""
    roles: dict[str, int] = {}
    for i, cell in enumerate(header):
        role = _role(cell)
        if role is not None and role not in roles:
            roles[role] = i
    if "code" in roles and "description" in roles:
        return "errors", roles
    if {"name", "required", "type", "description"} <= roles.keys():
        kind = "input" if roles["name"] == 0 and roles["required"] == 1 else "common"
        return kind, roles
    if {"name", "type", "description"} <= roles.keys() and len(header) <= 4:
        return "output", roles
    return None


def _sentence(text: str, lang: str) -> str:
    """The first sentence of ``text``."""
    if lang == "zh":
        m = re.search(r"。", text)
        return text[: m.end()] if m else text
    m = re.search(r"\.(\s|$)", text)
    return text[: m.start() + 1] if m else text


def summary_text(sentence: str, action: str, lang: str) -> str:
    """What the action does, from the sentence that names it: "X 提供了解绑…功能。" gives
    "解绑…。", "This API (X) is used to unbind …" gives "Unbind …"."""
    s = sentence.strip()
    if lang == "zh":
        s = re.sub(rf"^(?:本接口\s*[（(]\s*{action}\s*[)）]|{action})\s*", "", s)
        s = re.sub(r"^(?:接口)?\s*(?:可以|提供了|用于|用来于|用来|用以|是)\s*", "", s)
        s = re.sub(r"功能\s*。$", "。", s)
        return s if s.endswith("。") else s + "。"
    s = re.sub(rf"^This API \({action}\)\s*(?:is used to|is used for|is to|will|can)?\s*", "", s)
    s = s[:1].upper() + s[1:] if s else s
    return s if s.endswith(".") else s + "."


# -- the reader ---------------------------------------------------------------------------------


class _Reader:
    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.where = str(path)
        self.lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        self.text = text
        self.faults: list[Fault] = []
        self.notes: list[Note] = []
        self.losses: list[Loss] = []

    # -- bookkeeping --------------------------------------------------------------------

    def fault(
        self,
        line: int,
        what: str,
        text: str,
        path: tuple[str, ...] = (),
        kind: str = "param",
        quote: str | None = None,
    ) -> None:
        q = quote if quote is not None else self.raw_line(line)
        if any(f.line == line and f.what == what and f.text == text for f in self.faults):
            return
        self.faults.append(Fault(line, what, text, q, path, kind))

    def line_text(self, line: int) -> str:
        return clean(self.lines[line - 1]) if 0 < line <= len(self.lines) else ""

    def raw_line(self, line: int) -> str:
        return squash(self.lines[line - 1]) if 0 < line <= len(self.lines) else ""

    # -- the whole page -----------------------------------------------------------------

    def read(self) -> Page:
        tables = sorted(pipe_tables(self.lines) + html_tables(self.lines), key=lambda t: t.line)
        kinds: list[tuple[Table, str, dict[str, int]]] = []
        for table in tables:
            found = classify(table.header)
            if found is None:
                continue
            kind, roles = found
            if not table.rows and not table.html:
                self.losses.append(Loss(table.line, f"the {kind} table has no rows"))
            kinds.append((table, kind, roles))
        heads = " ".join(" ".join(t.header) for t, _, _ in kinds) + " ".join(
            line for line in self.lines if line.startswith("#")
        )
        if not heads.strip():  # no table, no heading: the prose outside code blocks decides
            heads = " ".join(line for line in self.lines if not line.startswith((" ", "\t", "{")))
        lang = "zh" if has_cjk(heads) else "en"
        action, summary, summary_line = self._action(lang)
        host, host_line = self._host()
        page_kind = "action" if action else "other"
        overview = [t for t in tables if any(clean(h).lower() == "action id" for h in t.header)]
        if overview and not kinds:
            page_kind = "overview"
        elif not kinds and re.search(
            r"签名|Signature", " ".join(line for line in self.lines if line.startswith("#"))
        ):
            page_kind = "signature"
        elif not kinds and re.search(r'"code"\s*:\s*[1-9]', self.text):
            page_kind = "error-response"
        if any(k == "common" for _, k, _ in kinds):
            page_kind = "common-params"
            action, summary, summary_line = None, "", 0
        elif not action and any(k == "errors" for _, k, _ in kinds):
            page_kind = "error-codes"
        if page_kind == "action" and not kinds:
            self.losses.append(Loss(1, "no parameter, output or error table"))
        layer = self._layer(summary)
        params = self._params([(t, r) for t, k, r in kinds if k == "input"])
        outputs = self._outputs([(t, r) for t, k, r in kinds if k == "output"])
        errors = self._errors([(t, r) for t, k, r in kinds if k == "errors"])
        common = self._params([(t, r) for t, k, r in kinds if k == "common"], common=True)
        regions = self._regions(common)
        example: dict[str, Any] = {}
        example_lines: list[ExampleValue] = []
        example_action: str | None = None
        example_response, example_response_line, self.answer_text = None, 0, ""
        if page_kind == "action":
            example, example_lines, example_action = self._example(params, action or "")
            example_response, example_response_line = self._example_response(outputs)
            self._templates(params, layer)
            self._wording(params, outputs, action or "", layer)
            self._prose()
        return Page(
            path=self.path,
            lang=lang,
            kind=page_kind,
            action=action,
            host=host,
            host_line=host_line,
            summary=summary,
            summary_line=summary_line,
            params=params,
            outputs=outputs,
            errors=errors,
            example=example if example_lines else None,
            example_lines=example_lines,
            example_action=example_action,
            example_response=example_response,
            example_response_line=example_response_line,
            example_response_text=self.answer_text,
            faults=self.faults,
            notes=self.notes,
            losses=self.losses,
            lines=self.lines,
            text=clean(self.text),
            regions=regions,
            common_params=common,
            layer=layer,
        )

    def _action(self, lang: str) -> tuple[str | None, str, int]:
        for pattern in ACTION_PATTERNS:
            for m in pattern.finditer(self.text):
                action = m.group(1)
                if action in ("API", "Action", "Domain"):
                    continue
                line = self.text.count("\n", 0, m.start()) + 1
                text = self.line_text(line)
                start = text.find("This API" if lang == "en" else "本接口")
                if start < 0:
                    start = max(text.find(action), 0)
                sentence = _sentence(text[start:], lang)
                return action, summary_text(sentence, action, lang), line
        named = re.search(r"[?&]\s*Action=([A-Z][A-Za-z0-9]*)", self.text)
        if named:
            m = named
            line = self.text.count("\n", 0, m.start()) + 1
            self.notes.append(Note(line, "the action is named only by the example's Action="))
            return m.group(1), "", line
        return None, "", 0

    def _host(self) -> tuple[str | None, int]:
        for i, line in enumerate(self.lines, 1):
            m = HOST.search(clean(line))
            if m and "." in m.group(1):
                return m.group(1), i
        return None, 0

    def _layer(self, summary: str) -> int | None:
        four = re.search(r"四层|layer-4|layer 4", summary, re.I) is not None
        seven = re.search(r"七层|layer-7|layer 7", summary, re.I) is not None
        if four and not seven:
            return 4
        if seven and not four:
            return 7
        return None

    # -- request parameters -------------------------------------------------------------

    def _params(
        self, tables: list[tuple[Table, dict[str, int]]], common: bool = False
    ) -> list[Param]:
        params: list[Param] = []
        by_name: dict[str, Param] = {}
        first = True
        for table, roles in tables:
            parent = self._intro_array(table, by_name) if not first else None
            first = False
            for number, row, name in self._rows(table, roles, "input"):
                if not name:
                    self.losses.append(Loss(number, "a row without a parameter name; not read"))
                    continue
                type_word = row[roles["type"]]
                ptype, item_type = normalize_type(type_word)
                description = clean(row[roles["description"]])
                required = _required(row[roles["required"]])
                if required is None and clean(row[roles["required"]]):
                    self.losses.append(
                        Loss(
                            number,
                            f"{name}: the Required cell says "
                            f"{clean(row[roles['required']])!r}; read as not "
                            "stated",
                        )
                    )
                param = Param(name, required, ptype, description, number, item_type=item_type)
                flat = FLAT_FIELD.match(name)
                scalar = FLAT_SCALAR.match(name)
                if flat:
                    param.name = flat.group(2)
                    owner = by_name.get(flat.group(1))
                    if owner is None:
                        owner = Param(flat.group(1), None, "Array", "", number)
                        by_name[owner.name] = owner
                        params.append(owner)
                        self.fault(
                            number,
                            f"parameter {owner.name}",
                            f"{name} has no row of its own for {owner.name!r}",
                            (owner.name,),
                        )
                    self._add_field(owner, param)
                    continue
                if scalar:
                    param.name = scalar.group(1)
                    param.flat = True
                    if ptype not in ("Array",):
                        self.fault(
                            number,
                            f"parameter {param.name}",
                            f"{name} is typed {clean(type_word)!r}, not Array",
                            (param.name,),
                        )
                        param.item_type = ptype if ptype in SCALARS else None
                        param.type = "Array"
                elif not NAME.match(name):
                    self.losses.append(
                        Loss(
                            number,
                            f"{name!r} is neither a parameter name nor "
                            "'name.n' or 'name.n.field'; not read",
                        )
                    )
                    continue
                elif parent is not None and name not in by_name:
                    self._add_field(parent, param)
                    continue
                if param.name in by_name:
                    self.losses.append(
                        Loss(
                            number,
                            f"the parameter {param.name!r} is listed "
                            "twice; the second row is not read",
                        )
                    )
                    continue
                by_name[param.name] = param
                params.append(param)
        for p in params:
            self._facts(p, common)
            for f in p.fields:
                self._facts(f, common)
            if p.type == "Array" and not p.fields and p.item_type is None:
                p.item_type = "String"
            if p.type == "Array" and not p.fields and p.item_type == "Object":
                self.losses.append(
                    Loss(
                        p.line,
                        f"{p.name}: an array of objects whose fields the "
                        "page does not list; not written",
                    )
                )
            if p.type == "Array" and p.fields and p.item_type not in (None, "Object"):
                self.fault(
                    p.line,
                    f"parameter {p.name}",
                    f"typed Array({p.item_type}) but described by item fields",
                    (p.name,),
                )
            if p.type == "Array" and p.fields:
                p.item_type = None
        return params

    def _rows(
        self, table: Table, roles: dict[str, int], kind: str
    ) -> Iterator[tuple[int, list[str], str]]:
        """The rows of a table that can be read: their line, cells and name."""
        width = len(table.header)
        for number, raw in table.rows:
            row = self._fit(raw, width, number, roles, kind)
            if row is not None:
                yield number, row, clean(row[roles["name"]]).strip("`").strip()

    def _add_field(self, owner: Param, item: Param) -> None:
        if owner.type != "Array":
            self.fault(
                item.line,
                f"parameter {owner.name}",
                f"{owner.name}.n.{item.name} "
                f"belongs to {owner.name!r}, typed {owner.type}, not Array",
                (owner.name,),
            )
            owner.type = "Array"
        if any(f.name == item.name for f in owner.fields):
            self.losses.append(
                Loss(
                    item.line,
                    f"{owner.name}.n.{item.name} is listed twice; the second row is not read",
                )
            )
            return
        owner.fields.append(item)

    def _intro_array(self, table: Table, by_name: dict[str, Param]) -> Param | None:
        """The array a sub-table of plain names describes, named by its intro line."""
        if table.intro is None:
            return None
        names = re.findall(r"[A-Za-z][A-Za-z0-9_]*", table.intro[1])
        for name in names:
            p = by_name.get(name)
            if p is not None and p.type == "Array" and not p.fields:
                return p
        return None

    def _fit(
        self, raw: list[str], width: int, line: int, roles: dict[str, int], kind: str
    ) -> list[str] | None:
        """A row as ``width`` cells: trailing empty cells dropped; a parameter row that lacks
        its Required cell read with the Required cell empty (a fault)."""
        row = list(raw)
        while len(row) > width and not row[-1].strip():
            row.pop()
        if len(row) == width:
            return row
        if kind == "input" and len(row) == width - 1 and "required" in roles:
            at = roles["required"]
            guess, _ = normalize_type(row[at]) if at < len(row) else ("", None)
            if guess in (*SCALARS, "Array", "Object"):
                name = clean(row[roles["name"]])
                self.fault(
                    line,
                    f"parameter {name}",
                    "the row has no Required cell (the cells after it are shifted)",
                    tuple(name.replace(".n.", ".").split(".")),
                )
                return [*row[:at], "", *row[at:]]
        self.losses.append(
            Loss(line, f"the {kind} table has {width} columns, this row has {len(row)}; not read")
        )
        return None

    def _facts(self, p: Param, common: bool) -> None:
        text = p.description
        kind = p.item_type if p.type == "Array" and not p.fields else p.type
        if p.type == "Array":
            p.max_items = facts.max_items(text)
        if kind in ("Int", "UInt"):
            p.range = facts.int_range(text) if p.type != "Array" else None
            p.enum = list(facts.int_values(text)) if p.type != "Array" else []
        elif kind == "String" and p.type != "Array":
            p.max_length = facts.max_length(text)
            p.enum = list(facts.name_values(text))
        if p.type != "Array":
            p.default = facts.default(text, p.type, p.enum)
        if not common:
            for rule in facts.prose_rules(text):
                self.losses.append(
                    Loss(p.line, f"{p.name}: a rule stated in words only, not checked: {rule!r}")
                )
        if p.type not in (*SCALARS, "Array"):
            self.losses.append(
                Loss(p.line, f"{p.name}: the type {p.type!r} is not one the spec has; not written")
            )

    # -- response fields ------------------------------------------------------------------

    def _outputs(self, tables: list[tuple[Table, dict[str, int]]]) -> list[Output]:
        top: list[Output] = []
        pending: list[Output] = []  # Object/Array fields whose sub-table has not come yet
        resolved: list[Output] = []  # fields a sub-table was read for, most recent last
        for index, (table, roles) in enumerate(tables):
            rows = self._output_rows(table, roles)
            if index == 0:
                for o in rows:
                    if o.name in COMMON_OUTPUT:
                        continue
                    top.append(o)
                pending += [o for o in top if o.type in ("Array", "Object")]
                continue
            condition, owner = self._condition(table, resolved, top)
            if condition is not None:
                if owner is None:
                    self.losses.append(
                        Loss(
                            table.line,
                            f"a table of fields for {condition} "
                            "but no field set has that field; not read",
                        )
                    )
                    continue
                self._merge_conditional(owner, rows, condition)
                continue
            target = self._target(table, pending)
            if target is None:
                self.losses.append(
                    Loss(
                        table.line,
                        "a table of response fields the importer "
                        "cannot place (its intro names no Array or Object "
                        "field); not read",
                    )
                )
                continue
            pending.remove(target)
            target.fields = [o for o in rows if o.name not in COMMON_OUTPUT]
            target.described = True
            resolved.append(target)
            pending += [o for o in target.fields if o.type in ("Array", "Object")]
        self._scalar_arrays(top)
        return top

    def _output_rows(self, table: Table, roles: dict[str, int]) -> list[Output]:
        out: list[Output] = []
        for number, row, name in self._rows(table, roles, "output"):
            if not NAME.match(name):
                self.losses.append(Loss(number, f"{name!r} is not a field name; not read"))
                continue
            otype, item = normalize_type(row[roles["type"]])
            description = clean(row[roles["description"]])
            o = Output(name, otype, description, number, item_type=item)
            if otype == "String":
                o.allowed = list(facts.name_values(description))
            elif otype in ("Int", "UInt"):
                o.allowed = list(facts.int_values(description))
            if otype not in (*SCALARS, "Array", "Object"):
                self.losses.append(
                    Loss(number, f"{name}: the type {otype!r} is not one the spec has; not written")
                )
            if any(x.name == name for x in out):
                self.losses.append(
                    Loss(number, f"the field {name!r} is listed twice; the second row is not read")
                )
                continue
            out.append(o)
        return out

    def _condition(
        self, table: Table, resolved: list[Output], top: list[Output]
    ) -> tuple[str | None, Output | None]:
        if table.intro is None:
            return None, None
        for pattern in CONDITION:
            m = pattern.search(table.intro[1])
            if m:
                name = m.group(1)
                words = (
                    f"{name}为{m.group(2)}"
                    if pattern is CONDITION[0]
                    else (f"{name} is {m.group(2)}")
                )
                for owner in reversed(resolved):
                    if any(f.name == name for f in owner.fields):
                        return words, owner
                if any(f.name == name for f in top):
                    return words, Output("", "Object", "", 0, fields=top)
                return words, None
        return None, None

    def _merge_conditional(self, owner: Output, rows: list[Output], condition: str) -> None:
        zh = has_cjk(condition)
        for o in rows:
            prefix = f"当{condition}时：" if zh else f"When {condition}: "
            text = prefix + o.description
            existing = next((f for f in owner.fields if f.name == o.name), None)
            if existing is None:
                o.required = False
                o.condition = condition
                o.description = text
                owner.fields.append(o)
                continue
            existing.required = False
            if existing.condition is None:
                existing.condition = condition
            if existing.type != o.type:
                self.losses.append(
                    Loss(
                        o.line,
                        f"{o.name} is {existing.type} in one field set "
                        f"and {o.type} in another; the first is kept",
                    )
                )
            existing.description = (existing.description + " " + text).strip()
            for v in o.allowed:
                if v not in existing.allowed:
                    existing.allowed.append(v)

    def _target(self, table: Table, pending: list[Output]) -> Output | None:
        if not pending:
            return None
        intro = table.intro[1] if table.intro else ""
        words = re.findall(r"[A-Za-z][A-Za-z0-9_]*", intro)
        for word in words:
            for o in pending:
                if o.name == word:
                    return o
        for word in words:
            for o in pending:
                if o.name.lower() == word.lower():
                    return o
        names = [o.name for o in pending]
        for word in words:
            close = difflib.get_close_matches(word, names, n=1, cutoff=0.75)
            if close:
                target = next(o for o in pending if o.name == close[0])
                self.notes.append(
                    Note(
                        table.intro[0] if table.intro else table.line,
                        f"the table is introduced as {word!r}; read as the fields of {target.name}",
                    )
                )
                return target
        if len(pending) == 1:
            self.notes.append(
                Note(
                    table.line,
                    "a table with no intro naming its field; read as "
                    f"the fields of {pending[0].name}, the one field left "
                    "without",
                )
            )
            return pending[0]
        return None

    def _scalar_arrays(self, outputs: list[Output]) -> None:
        for o in outputs:
            if o.type == "Array" and not o.described and not o.fields:
                if o.item_type == "Object":
                    self.losses.append(
                        Loss(
                            o.line,
                            f"{o.name}: an array of objects whose fields "
                            "the page does not list; not written",
                        )
                    )
                o.item_type = o.item_type or "String"
            if o.type == "Object" and not o.described:
                self.losses.append(
                    Loss(
                        o.line,
                        f"{o.name}: an Object whose fields the page does not list; not written",
                    )
                )
            self._scalar_arrays(o.fields)

    # -- errors --------------------------------------------------------------------------

    def _errors(self, tables: list[tuple[Table, dict[str, int]]]) -> list[Error]:
        errors: list[Error] = []
        for table, roles in tables:
            width = len(table.header)
            for number, raw in table.rows:
                row = self._fit(raw, width, number, roles, "errors")
                if row is None:
                    continue
                code_text = clean(row[roles["code"]]).replace(" ", "")
                m = re.fullmatch(r"(-+)?(\d+)", code_text)
                if m is None:
                    self.losses.append(
                        Loss(number, f"the error code {code_text!r} is not a number; not read")
                    )
                    continue
                code = int(m.group(2)) * (-1 if m.group(1) else 1)
                if m.group(1) and len(m.group(1)) > 1:
                    self.fault(
                        number,
                        f"error {code}",
                        f"the code is written {code_text!r}",
                        (str(code),),
                        "error",
                    )
                code_desc = ""
                if "codeDesc" in roles:
                    code_desc = clean(row[roles["codeDesc"]]).strip("`").strip()
                    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)*", code_desc):
                        self.losses.append(
                            Loss(number, f"{code_desc!r} is not a codeDesc; the error is not read")
                        )
                        continue
                type_name = clean(row[roles["errorType"]]) if "errorType" in roles else ""
                if any(e.code == code for e in errors):
                    self.losses.append(Loss(number, f"the error {code} is listed twice"))
                    continue
                errors.append(
                    Error(code, code_desc, clean(row[roles["description"]]), number, type_name)
                )
        return errors

    # -- the common parameters page ------------------------------------------------------

    def _regions(self, common: list[Param]) -> list[tuple[str, str, int]]:
        region = next((p for p in common if p.name == "Region"), None)
        if region is None:
            return []
        found = re.findall(r"([\u4e00-\u9fffA-Za-z ]+?)\s*[:：]\s*(ap-[a-z-]+)", region.description)
        return [(code, name.strip(), region.line) for name, code in found]

    # -- the example --------------------------------------------------------------------

    def _example_blocks(self) -> list[Block]:
        """The blocks of the example section (实际案例, Examples): the last such section."""
        found = blocks(self.lines)
        chosen = [
            b for b in found if EXAMPLE_SECTION.search(b.section) and not TEMPLATE.search(b.label)
        ]
        return chosen

    def _example(
        self, params: list[Param], action: str
    ) -> tuple[dict[str, Any], list[ExampleValue], str | None]:
        request = next((b for b in self._example_blocks() if "Action=" in b.text), None)
        if request is None:
            return {}, [], None
        values: list[ExampleValue] = []
        example_action = None
        for offset, raw in enumerate(request.lines):
            line = request.start + offset
            text = raw.strip().strip("`")
            m = re.search(r"[?&]?\s*Action=([A-Za-z0-9]+)", text)
            if m and example_action is None:
                example_action = m.group(1)
                if example_action != action and action:
                    self.fault(
                        line,
                        "action",
                        f"the example calls Action={example_action}, not {action}",
                        (),
                        "action",
                    )
                continue
            m = re.match(r"^&\s*([A-Za-z][A-Za-z0-9_.]*)=(.*)$", text)
            if m is None:
                if text.startswith("&") or not text or not values:
                    continue  # &<公共请求参数>, a blank line
                last = values[-1]
                last.value = last.value + "\n" + text  # a value broken over lines
                continue
            key, value = m.group(1), m.group(2).strip()
            if key in COMMON_PARAMS:
                continue
            values.append(ExampleValue(line, key, value, clean(raw)))
        return self._typed(values, params), values, example_action

    def _typed(self, values: list[ExampleValue], params: list[Param]) -> dict[str, Any]:
        by_name = {p.name: p for p in params}
        out: dict[str, Any] = {}
        arrays: dict[str, dict[int, Any]] = {}
        first_line: dict[str, int] = {}
        for ev in values:
            parts = ev.key.split(".")
            p = by_name.get(parts[0])
            if p is None:
                self.fault(
                    ev.line,
                    f"parameter {parts[0]}",
                    f"the example sends {ev.key}, which the parameter table does not list",
                    (parts[0],),
                )
                continue
            if len(parts) == 1:
                if p.type == "Array":
                    self.fault(
                        ev.line,
                        f"parameter {p.name}",
                        f"the example sends {ev.key} without an index",
                        (p.name,),
                    )
                    continue
                out[p.name] = self._value(p, ev, (p.name,))
                continue
            if not parts[1].isdigit() or p.type != "Array":
                self.fault(
                    ev.line,
                    f"parameter {p.name}",
                    f"the example sends {ev.key}, which does not fit the table",
                    (p.name,),
                )
                continue
            index = int(parts[1])
            first_line.setdefault(p.name, ev.line)
            slots = arrays.setdefault(p.name, {})
            if len(parts) == 2:
                slots[index] = self._value(
                    Param(p.name, True, p.item_type or "String", "", 0), ev, (p.name,)
                )
                continue
            fld = next((f for f in p.fields if f.name == parts[2]), None)
            if fld is None or len(parts) > 3:
                self.fault(
                    ev.line,
                    f"parameter {p.name}",
                    f"the example sends {ev.key}, which the item fields do not list",
                    (p.name,),
                )
                continue
            item = slots.setdefault(index, {})
            item[fld.name] = self._value(fld, ev, (p.name, fld.name))
        for name, slots in arrays.items():
            indexes = sorted(slots)
            if indexes and indexes[0] != 0:
                line = first_line[name]
                self.fault(
                    line,
                    f"parameter {name}",
                    f"the example's indexes start at "
                    f"{indexes[0]} ({self.line_text(line)}); indexes are 0-based",
                    (name,),
                )
            elif indexes != list(range(len(indexes))):
                self.fault(
                    first_line[name],
                    f"parameter {name}",
                    f"the example's indexes are not contiguous: {indexes}",
                    (name,),
                )
            out[name] = [slots[i] for i in indexes]
        return out

    def _value(self, p: Param, ev: ExampleValue, path: tuple[str, ...]) -> Any:
        if p.type in ("Int", "UInt"):
            if re.fullmatch(r"-?\d+", ev.value):
                return int(ev.value)
            self.fault(
                ev.line,
                "parameter " + ".n.".join(path),
                f"the example gives {ev.value!r} for an {p.type}",
                path,
            )
            return ev.value
        return ev.value

    def _example_response(self, outputs: list[Output]) -> tuple[Any | None, int]:
        chosen = self._example_blocks()
        block = None
        for b in chosen:
            if b.text.lstrip().startswith("{"):
                block = b
        if block is None:
            return None, 0
        self.answer_text = squash(block.text)
        try:
            value, repairs = jsonfix.read(block.text, block.start)
        except jsonfix.Unreadable as exc:
            self.losses.append(
                Loss(
                    exc.line,
                    f"the example answer is not JSON ({exc.message}) "
                    "and cannot be repaired; it is not used",
                )
            )
            return None, block.start
        for r in repairs:
            self.notes.append(Note(r.line, f"the example answer has {r.what}; read past it"))
        if not isinstance(value, dict):
            self.losses.append(Loss(block.start, "the example answer is not a JSON object"))
            return None, block.start
        self._check_answer(value, Output("", "Object", "", 0, fields=outputs), (), block)
        return value, block.start

    def _answer_line(self, block: Block, key: str, value: Any) -> int:
        shown = str(value) if not isinstance(value, (dict, list)) else ""
        for i, line in enumerate(block.lines):
            if f'"{key}"' in line and shown in line:
                return block.start + i
        for i, line in enumerate(block.lines):
            if f'"{key}"' in line:
                return block.start + i
        return block.start

    def _check_answer(self, node: Any, owner: Output, path: tuple[str, ...], block: Block) -> None:
        """The example answer against the tables: types, fields the tables lack; and which
        fields the example leaves out (those are not required)."""
        instances = [node] if isinstance(node, dict) else []
        self._check_instances(instances, owner, path, block)

    def _check_instances(
        self, instances: list[dict[str, Any]], owner: Output, path: tuple[str, ...], block: Block
    ) -> None:
        known = {f.name: f for f in owner.fields}
        common = set(COMMON_OUTPUT) if not path else set()
        for inst in instances:
            for key, value in inst.items():
                if key in common or key in known:
                    continue
                if owner.type == "Object" or owner.fields or not path:
                    line = self._answer_line(block, key, value)
                    where = ".".join((*path, key))
                    self.fault(
                        line,
                        f"response field {where}",
                        f"the example answer has {key}, which the table does not list",
                        (*path, key),
                        "response",
                    )
        for f in owner.fields:
            present = [inst for inst in instances if f.name in inst]
            if instances and len(present) < len(instances):
                f.required = False
            values = [inst[f.name] for inst in present]
            sub_instances: list[dict[str, Any]] = []
            for value in values:
                problem = _type_problem(f, value)
                if problem:
                    line = self._answer_line(block, f.name, value)
                    self.fault(
                        line,
                        "response field " + ".".join((*path, f.name)),
                        f"the example answer gives {problem}",
                        (*path, f.name),
                        "response",
                    )
                if isinstance(value, dict):
                    sub_instances.append(value)
                elif isinstance(value, list):
                    sub_instances += [v for v in value if isinstance(v, dict)]
            if f.fields:
                self._check_instances(sub_instances, f, (*path, f.name), block)

    # -- what the page gets wrong, in its words -------------------------------------------

    def _templates(self, params: list[Param], layer: int | None) -> None:
        """Placeholders of the request template that name the wrong layer."""
        if layer != 4:
            return
        names = {p.name for p in params}
        for b in blocks(self.lines):
            if not TEMPLATE.search(b.label) or "Action=" not in b.text:
                continue
            for offset, raw in enumerate(b.lines):
                m = re.match(r"^\s*&\s*([A-Za-z][A-Za-z0-9_.]*)=(.*)$", raw)
                if m and re.search(r"七层|layer-7", m.group(2), re.I):
                    name = m.group(1).split(".")[0]
                    if name in names:
                        self.fault(
                            b.start + offset,
                            f"parameter {name}",
                            "the request template calls it layer-7 on a layer-4 page",
                            (name,),
                        )

    def _wording(
        self, params: list[Param], outputs: list[Output], action: str, layer: int | None
    ) -> None:
        """Descriptions that say the opposite of the action: "待绑定" (to bind) on an unbind or
        query page, "七层" (layer-7) where the entry is about layer-4 listeners."""
        binds = action.startswith("Bind")
        bound = re.compile(r"待绑定|to be bound", re.I)
        seven = re.compile(r"七层|layer-7", re.I)
        four = re.compile(r"四层|layer-4", re.I)

        def says_seven(text: str) -> bool:
            return seven.search(text) is not None and four.search(text) is None

        def visit_param(p: Param, path: tuple[str, ...]) -> None:
            what = "parameter " + ".n.".join(path)
            if not binds and bound.search(p.description):
                verb = "unbind" if action.startswith("Unbind") else "query"
                self.fault(
                    p.line,
                    what,
                    f"the text says 'to bind' on an {verb} page"
                    if verb == "unbind"
                    else "the text says 'to bind' on a query page",
                    path,
                )
            if layer == 4 and says_seven(p.description):
                self.fault(p.line, what, "the text says layer-7 on a layer-4 page", path)
            for f in p.fields:
                visit_param(f, (*path, f.name))

        def visit_output(o: Output, path: tuple[str, ...], l4: bool) -> None:
            here = l4 or o.name.startswith("L4")
            if l4 and says_seven(o.description):
                self.fault(
                    o.line,
                    "response field " + ".".join(path),
                    "the text says layer-7 where the field is about layer-4 listeners",
                    path,
                    "response",
                )
            for f in o.fields:
                visit_output(f, (*path, f.name), here)

        for p in params:
            visit_param(p, (p.name,))
        for o in outputs:
            visit_output(o, (o.name,), layer == 4)

    def _prose(self) -> None:
        """Blocks of rules stated in prose only (the domain and URL grammar of layer-7 rules)."""
        i = 0
        while i < len(self.lines):
            line = self.lines[i].strip()
            if PROSE_LIMITS.search(line) and not line.startswith(("|", "#", "<")):
                start = i
                j = i + 1
                while (
                    j < len(self.lines)
                    and self.lines[j].strip()
                    and not self.lines[j].strip().startswith(("#", "|"))
                ):
                    j += 1
                if j - start > 1 or line.endswith(("：", ":")):
                    self.losses.append(
                        Loss(
                            start + 1,
                            "rules stated in prose only, not "
                            f"checked (lines {start + 1}-{j}): "
                            f"{clean(line)!r}",
                        )
                    )
                i = j
                continue
            i += 1


def _type_problem(f: Output, value: Any) -> str | None:
    """How an example value disagrees with the field's type, in words, or None."""
    if value is None:
        return None
    if f.type in ("Int", "UInt"):
        if isinstance(value, bool) or not isinstance(value, int):
            return f"{value!r} for an {f.type}"
    elif f.type == "String":
        if not isinstance(value, str):
            return f"{value!r} for a String"
    elif f.type == "Array":
        if not isinstance(value, list):
            return (
                f"{type(value).__name__ if not isinstance(value, dict) else 'an object'} "
                "for an Array"
            )
        if f.item_type in ("Int", "UInt") and any(
            isinstance(v, bool) or not isinstance(v, int) for v in value
        ):
            return f"{value!r} for an Array of {f.item_type}"
        if f.item_type == "String" and any(not isinstance(v, str) for v in value):
            return f"{value!r} for an Array of String"
    elif f.type == "Object" and not isinstance(value, dict):
        return f"{value!r} for an Object"
    return None


def parse(path: Path, text: str | None = None) -> Page:
    """The facts of the page at ``path`` (``text`` instead of reading it, for tests).

    Raises :class:`PageError` only when there is nothing to read: the file cannot be read, or
    it names no action and is not one of the shared pages."""
    where = str(path)
    if text is None:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise PageError(f"{where}: cannot read the page: {exc}") from None
    page = _Reader(path, text).read()
    if page.kind == "other" or (page.kind == "action" and not page.action):
        raise PageError(
            f"{where}:1: cannot find the action name (no 'This API (Name)', 'Name 提供了', "
            "'本接口（Name）' or 'Action=Name') and it is not a shared page"
        )
    return page
