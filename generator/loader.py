"""Load the YAML spec, validate it, and build the IR.

Every problem is collected with its ``file:line:column`` and reported together as a
:class:`SpecError`; nothing is built from a spec that has any.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import ir, yamlpos
from .naming import constant, identifier, pascal, result_class
from .yamlpos import LocatedList, LocatedMap

ACTION_NAME = re.compile(r"^[A-Z][A-Za-z0-9]*$")
WIRE_NAME = re.compile(r"^[a-z][A-Za-z0-9_]*$")
CODE_DESC = re.compile(r"^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)*$")
HOST = re.compile(r"^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$")
SIGNATURE_METHODS = ("HmacSHA256", "HmacSHA1")
HTTP_METHODS = ("POST", "GET")
SCALAR_TYPES = ("String", "Int")
#: Names the generated client class has already; an action method may not take them.
CLIENT_ATTRIBUTES = frozenset(
    {"close", "credentials", "endpoint", "http_method", "region", "sign_method", "timeout"}
)
CODE_LIMIT = 2**63


@dataclass(frozen=True)
class Problem:
    file: str
    line: int  # 1-based
    column: int  # 1-based
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message}"


class SpecError(Exception):
    """The spec has problems; ``problems`` lists each with its position."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.file, p.line, p.column, p.message))
        super().__init__("\n".join(str(p) for p in self.problems))


Pos = tuple[int, int]  # 0-based line and column, as ruamel keeps them


class _File:
    """One spec file being checked: its name, and the problems found in it."""

    def __init__(self, name: str, problems: list[Problem]) -> None:
        self.name = name
        self.problems = problems

    def error(self, pos: Pos, message: str) -> None:
        self.problems.append(Problem(self.name, pos[0] + 1, pos[1] + 1, message))

    # -- positions ----------------------------------------------------------------------

    @staticmethod
    def pos(node: Any) -> Pos:
        lc = getattr(node, "lc", None)
        if lc is None or lc.line is None:
            return (0, 0)
        return (lc.line, lc.col)

    def key_pos(self, node: LocatedMap, key: str) -> Pos:
        try:
            line, col = node.lc.key(key)
            return (line, col)
        except (KeyError, TypeError, AttributeError):
            return self.pos(node)

    def value_pos(self, node: LocatedMap, key: str) -> Pos:
        try:
            line, col = node.lc.value(key)
            return (line, col)
        except (KeyError, TypeError, AttributeError):
            return self.key_pos(node, key)

    def item_pos(self, node: LocatedList | None, index: int, parent: Pos) -> Pos:
        if node is None:
            return parent
        try:
            line, col = node.lc.item(index)
            return (line, col)
        except (KeyError, TypeError, AttributeError, IndexError):
            return parent

    # -- shapes ---------------------------------------------------------------------------

    def mapping(
        self, node: Any, pos: Pos, what: str, required: tuple[str, ...], optional: tuple[str, ...]
    ) -> LocatedMap | None:
        """``node`` if it is a mapping with all ``required`` keys and no unknown key."""
        if not isinstance(node, LocatedMap):
            self.error(pos, f"{what} must be a mapping, got {_kind(node)}")
            return None
        allowed = set(required) | set(optional)
        for key in node:
            if not isinstance(key, str) or key not in allowed:
                self.error(
                    self.key_pos(node, key),
                    f"unknown key {key!r} in {what}; allowed: {', '.join(sorted(allowed))}",
                )
        for key in required:
            if key not in node:
                self.error(self.pos(node), f"{what} is missing the key {key!r}")
        return node

    def sequence(self, node: LocatedMap, key: str, what: str) -> LocatedList | None:
        value = node.get(key)
        if not isinstance(value, LocatedList):
            self.error(self.value_pos(node, key), f"{what} must be a list, got {_kind(value)}")
            return None
        return value

    def string(
        self, node: LocatedMap, key: str, what: str, pattern: re.Pattern[str] | None = None
    ) -> str | None:
        value = node.get(key)
        if not isinstance(value, str) or not value.strip():
            self.error(self.value_pos(node, key), f"{what} must be a non-empty string")
            return None
        if pattern is not None and not pattern.match(value):
            self.error(self.value_pos(node, key), f"{what} {value!r} must match {pattern.pattern}")
            return None
        return str(value)

    def integer(self, node: LocatedMap, key: str, what: str) -> int | None:
        value = node.get(key)
        if isinstance(value, bool) or not isinstance(value, int):
            self.error(self.value_pos(node, key), f"{what} must be an integer, got {_kind(value)}")
            return None
        if not -CODE_LIMIT < value < CODE_LIMIT:
            self.error(self.value_pos(node, key), f"{what} {value} is out of the 64-bit range")
            return None
        return int(value)

    def boolean(self, node: LocatedMap, key: str, what: str) -> bool | None:
        value = node.get(key)
        if not isinstance(value, bool):
            self.error(
                self.value_pos(node, key), f"{what} must be true or false, got {_kind(value)}"
            )
            return None
        return value

    def choice(self, node: LocatedMap, key: str, what: str, choices: tuple[str, ...]) -> str | None:
        value = node.get(key)
        if value not in choices:
            self.error(
                self.value_pos(node, key),
                f"{what} must be one of {', '.join(choices)}, got {value!r}",
            )
            return None
        return str(value)

    def text(self, node: LocatedMap, key: str, what: str) -> ir.Text | None:
        value = self.mapping(node.get(key), self.value_pos(node, key), what, ("en", "zh"), ())
        if value is None:
            return None
        en = self.string(value, "en", f"{what}.en")
        zh = self.string(value, "zh", f"{what}.zh")
        if en is None or zh is None:
            return None
        return ir.Text(en.strip(), zh.strip())


def _kind(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, LocatedMap):
        return "a mapping"
    if isinstance(value, LocatedList):
        return "a list"
    if isinstance(value, str):
        return f"the string {value!r}"
    return f"{type(value).__name__} {value!r}"


def _read(path: Path, name: str, problems: list[Problem]) -> Any:
    """Parse one YAML file; a syntax error or a duplicate key becomes a positioned problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem(name, 1, 1, f"cannot read the file: {type(exc).__name__}"))
        return None
    try:
        return yamlpos.load(text)
    except yamlpos.YamlProblem as exc:
        problems.append(Problem(name, exc.line + 1, exc.column + 1, f"invalid YAML: {exc.message}"))
    except RecursionError:
        problems.append(Problem(name, 1, 1, "invalid YAML: nested too deeply"))
    return None


# -- service ------------------------------------------------------------------------------


def _service(f: _File, doc: Any) -> ir.Service | None:
    keys = ("service", "title", "host", "path", "scheme", "signatureMethods",
            "serverDefaultSignatureMethod", "httpMethods", "taskAction", "commonParameters",
            "regions")  # fmt: skip
    node = f.mapping(doc, (0, 0), "the service", keys, ())
    if node is None or any(k not in node for k in keys):
        return None
    name = f.string(node, "service", "service", re.compile(r"^[a-z][a-z0-9]*$"))
    title = f.text(node, "title", "title")
    host = f.string(node, "host", "host", HOST)
    path = f.string(node, "path", "path", re.compile(r"^/[A-Za-z0-9/._-]*$"))
    scheme = f.choice(node, "scheme", "scheme", ("https", "http"))
    methods = _names(f, node, "signatureMethods", SIGNATURE_METHODS)
    server_default = f.choice(
        node, "serverDefaultSignatureMethod", "serverDefaultSignatureMethod", SIGNATURE_METHODS
    )
    http_methods = _names(f, node, "httpMethods", HTTP_METHODS)
    task = f.string(node, "taskAction", "taskAction", ACTION_NAME)
    commons: list[ir.CommonParam] = []
    seq = f.sequence(node, "commonParameters", "commonParameters")
    for i, item in enumerate(seq or ()):
        where = f"commonParameters[{i}]"
        m = f.mapping(item, f.item_pos(seq, i, f.pos(seq)), where,
                      ("name", "type", "required", "description"), ())  # fmt: skip
        if m is None or any(k not in m for k in ("name", "type", "required", "description")):
            continue
        pname = f.string(m, "name", f"{where}.name", re.compile(r"^[A-Z][A-Za-z0-9]*$"))
        ptype = f.choice(m, "type", f"{where}.type", SCALAR_TYPES)
        req = f.boolean(m, "required", f"{where}.required")
        desc = f.text(m, "description", f"{where}.description")
        if pname and ptype and req is not None and desc:
            commons.append(ir.CommonParam(pname, ptype, req, desc))
    regions: list[ir.Region] = []
    seq = f.sequence(node, "regions", "regions")
    for i, item in enumerate(seq or ()):
        where = f"regions[{i}]"
        m = f.mapping(
            item, f.item_pos(seq, i, f.pos(seq)), where, ("code", "description"), ("alias",)
        )
        if m is None or any(k not in m for k in ("code", "description")):
            continue
        code = f.string(m, "code", f"{where}.code", re.compile(r"^[a-z0-9-]+$"))
        alias = (
            f.string(m, "alias", f"{where}.alias", re.compile(r"^[a-z0-9-]+$"))
            if "alias" in m
            else None
        )
        desc = f.text(m, "description", f"{where}.description")
        if code and desc:
            regions.append(ir.Region(code, alias, desc))
    if None in (name, title, host, path, scheme, methods, server_default, http_methods, task):
        return None
    return ir.Service(
        name=name, title=title, host=host, path=path, scheme=scheme,  # type: ignore[arg-type]
        signature_methods=methods, server_default_signature_method=server_default,  # type: ignore[arg-type]
        http_methods=http_methods, task_action=task, common_params=tuple(commons),  # type: ignore[arg-type]
        regions=tuple(regions),
    )  # fmt: skip


def _names(
    f: _File, node: LocatedMap, key: str, allowed: tuple[str, ...]
) -> tuple[str, ...] | None:
    seq = f.sequence(node, key, key)
    if seq is None:
        return None
    if not seq:
        f.error(f.value_pos(node, key), f"{key} must not be empty")
        return None
    out: list[str] = []
    for i, value in enumerate(seq):
        if value not in allowed or value in out:
            f.error(
                f.item_pos(seq, i, f.value_pos(node, key)),
                f"{key}[{i}] must be one of {', '.join(allowed)}, once each; got {value!r}",
            )
            return None
        out.append(str(value))
    return tuple(out)


# -- errors -------------------------------------------------------------------------------


@dataclass
class _RawError:
    code: int
    code_desc: str
    ours: bool
    name: str | None
    scope: str
    retryable: bool
    description: ir.Text
    pos: Pos


def _errors(f: _File, doc: Any) -> list[_RawError]:
    node = f.mapping(doc, (0, 0), "the error catalogue", ("errors",), ())
    if node is None or "errors" not in node:
        return []
    seq = f.sequence(node, "errors", "errors")
    out: list[_RawError] = []
    required = ("code", "codeDesc", "codeDescSource", "scope", "retryable", "description")
    for i, item in enumerate(seq or ()):
        where = f"errors[{i}]"
        pos = f.item_pos(seq, i, f.pos(seq))
        m = f.mapping(item, pos, where, required, ("name",))
        if m is None or any(k not in m for k in required):
            continue
        code = f.integer(m, "code", f"{where}.code")
        desc = f.string(m, "codeDesc", f"{where}.codeDesc", CODE_DESC)
        source = f.choice(m, "codeDescSource", f"{where}.codeDescSource", ("tencent", "ours"))
        name = f.string(m, "name", f"{where}.name", CODE_DESC) if "name" in m else None
        scope = f.choice(m, "scope", f"{where}.scope", ("common", "module"))
        retry = f.boolean(m, "retryable", f"{where}.retryable")
        text = f.text(m, "description", f"{where}.description")
        if code is None or desc is None or source is None or scope is None or retry is None:
            continue
        if text is None or ("name" in m and name is None):
            continue
        out.append(_RawError(code, desc, source == "ours", name, scope, retry, text, pos))
    return out


def _catalogue(f: _File, raw: list[_RawError]) -> tuple[list[ir.ErrorEntry], list[tuple[str, str]]]:
    """Entries with class names and families; the family classes no entry stands for."""
    by_code: dict[int, _RawError] = {}
    by_identity: dict[str, _RawError] = {}
    classes: dict[str, str] = {}  # class name -> what claims it
    entries: list[ir.ErrorEntry] = []
    family_entries = {e.code_desc for e in raw if "." not in e.code_desc and e.name is None}
    for e in raw:
        line = e.pos[0] + 1
        if e.code in by_code:
            f.error(e.pos, f"duplicate code {e.code}, first at line {by_code[e.code].pos[0] + 1}")
            continue
        by_code[e.code] = e
        identity = e.name or e.code_desc
        if identity in by_identity:
            first = by_identity[identity]
            f.error(
                e.pos,
                f"codes {first.code} and {e.code} are both {identity!r}; give one of them a "
                "distinct 'name'",
            )
            continue
        by_identity[identity] = e
        class_name = pascal(identity)
        family_segment = e.code_desc.split(".", 1)[0]
        if class_name in classes:
            f.error(
                e.pos,
                f"code {e.code} ({identity}) becomes the Python class {class_name}, "
                f"which {classes[class_name]} already is",
            )
            continue
        classes[class_name] = f"code {e.code} (line {line})"
        is_family = e.name is None and "." not in e.code_desc
        entries.append(
            ir.ErrorEntry(
                code=e.code, code_desc=e.code_desc, ours=e.ours, name=identity, scope=e.scope,
                retryable=e.retryable, description=e.description, class_name=class_name,
                family=pascal(family_segment), is_family=is_family, anchor=class_name.lower(),
            )
        )  # fmt: skip
    families: list[tuple[str, str]] = []
    for entry in entries:
        segment = entry.code_desc.split(".", 1)[0]
        if segment in family_entries or (entry.family, segment) in families:
            continue
        if entry.family in classes:
            f.error(
                (0, 0),
                f"the error family {segment!r} becomes the Python class {entry.family}, "
                f"which {classes[entry.family]} already is",
            )
            continue
        families.append((entry.family, segment))
    entries.sort(key=lambda e: (e.scope != "common", e.code))
    return entries, sorted(families)


# -- actions ------------------------------------------------------------------------------


def _field(f: _File, m: LocatedMap, where: str, allow_array: bool) -> dict[str, Any] | None:
    """The checked keys of one parameter or item field (not yet named in Python)."""
    optional = ("range", "maxLength", "correction") + (
        ("minItems", "maxItems", "items") if allow_array else ()
    )
    node = f.mapping(m, f.pos(m), where, ("name", "type", "required", "description"), optional)
    if node is None or any(k not in node for k in ("name", "type", "required", "description")):
        return None
    corrections_ok = _correction(f, node, where) if "correction" in node else True
    types = SCALAR_TYPES + (("Array",) if allow_array else ())
    name = f.string(node, "name", f"{where}.name", WIRE_NAME)
    ptype = f.choice(node, "type", f"{where}.type", types)
    required = f.boolean(node, "required", f"{where}.required")
    desc = f.text(node, "description", f"{where}.description")
    out: dict[str, Any] = {"name": name, "type": ptype, "required": required, "description": desc}
    ok = None not in out.values()
    if ptype is None:
        return None
    allowed = {
        "Int": {"range"},
        "String": {"maxLength"},
        "Array": {"minItems", "maxItems", "items"},
    }
    ok = ok and corrections_ok
    for key in optional:
        if key in node and key != "correction" and key not in allowed[ptype]:
            f.error(f.key_pos(node, key), f"{where}: {key!r} does not apply to a {ptype}")
            ok = False
    out["minimum"] = out["maximum"] = out["max_length"] = None
    if "range" in node:
        bounds = node["range"]
        if (
            not isinstance(bounds, LocatedList)
            or len(bounds) != 2
            or any(isinstance(b, bool) or not isinstance(b, int) for b in bounds)
            or bounds[0] > bounds[1]
        ):
            f.error(
                f.value_pos(node, "range"),
                f"{where}.range must be [low, high] integers with low <= high",
            )
            ok = False
        else:
            out["minimum"], out["maximum"] = int(bounds[0]), int(bounds[1])
    if "maxLength" in node:
        value = f.integer(node, "maxLength", f"{where}.maxLength")
        if value is not None and value < 1:
            f.error(f.value_pos(node, "maxLength"), f"{where}.maxLength must be at least 1")
            value = None
        ok = ok and value is not None
        out["max_length"] = value
    if ptype == "Array":
        lo = f.integer(node, "minItems", f"{where}.minItems") if "minItems" in node else None
        hi = f.integer(node, "maxItems", f"{where}.maxItems") if "maxItems" in node else None
        if (lo is not None and lo < 0) or (lo is not None and hi is not None and lo > hi):
            f.error(f.pos(node), f"{where}: minItems must be >= 0 and <= maxItems")
            ok = False
        out["min_items"], out["max_items"] = lo, hi
        if "items" not in node:
            f.error(f.pos(node), f"{where}: an Array needs 'items'")
            return None
        out["items"] = node["items"]
        out["items_pos"] = f.value_pos(node, "items")
    return out if ok else None


#: The facts of an entry that a page states and ``python -m generator import-doc`` compares.
CORRECTION_FACTS = ("type", "required", "range", "maxItems", "description")


def _correction(f: _File, node: LocatedMap, where: str) -> bool:
    """``correction``: where the spec deliberately differs from Tencent's page.

    One mapping, or a list of them: ``page`` quotes what the page says, ``why`` says why the
    spec differs, and the optional ``facts`` name the compared facts it differs in.
    """
    value = node["correction"]
    pos = f.value_pos(node, "correction")
    items = list(value) if isinstance(value, LocatedList) else [value]
    if isinstance(value, LocatedList) and not items:
        f.error(pos, f"{where}.correction must not be an empty list")
        return False
    ok = True
    for i, item in enumerate(items):
        iwhere = f"{where}.correction" + (f"[{i}]" if isinstance(value, LocatedList) else "")
        ipos = f.item_pos(value, i, pos) if isinstance(value, LocatedList) else pos
        m = f.mapping(item, ipos, iwhere, ("page", "why"), ("facts",))
        if m is None or any(k not in m for k in ("page", "why")):
            ok = False
            continue
        ok = f.string(m, "page", f"{iwhere}.page") is not None and ok
        ok = f.string(m, "why", f"{iwhere}.why") is not None and ok
        if "facts" in m:
            seq = f.sequence(m, "facts", f"{iwhere}.facts")
            for j, fact in enumerate(seq or ()):
                if fact not in CORRECTION_FACTS:
                    f.error(
                        f.item_pos(seq, j, f.value_pos(m, "facts")),
                        f"{iwhere}.facts[{j}] must be one of {', '.join(CORRECTION_FACTS)}, "
                        f"got {fact!r}",
                    )
                    ok = False
            ok = ok and seq is not None
    return ok


def _scalar(raw: dict[str, Any]) -> ir.Field:
    return ir.Field(
        wire=raw["name"], py_name=identifier(raw["name"]), type=raw["type"],
        py_type="int" if raw["type"] == "Int" else "str", required=raw["required"],
        minimum=raw["minimum"], maximum=raw["maximum"], max_length=raw["max_length"],
        description=raw["description"],
    )  # fmt: skip


def _unique_names(f: _File, named: list[tuple[str, str, Pos]], what: str) -> bool:
    """Each (wire, Python name, position) once: no wire name twice, no Python name twice."""
    ok = True
    wires: dict[str, str] = {}
    pys: dict[str, str] = {}
    for wire, py, pos in named:
        if wire in wires:
            f.error(pos, f"{what} {wire!r} is defined twice")
            ok = False
        elif py in pys:
            f.error(pos, f"{what}s {pys[py]!r} and {wire!r} both become the Python name {py!r}")
            ok = False
        wires[wire] = py
        pys.setdefault(py, wire)
    return ok


def _item(f: _File, node: Any, pos: Pos, where: str) -> ir.Item | None:
    m = f.mapping(node, pos, where, ("name", "fields"), ("unique",))
    if m is None or any(k not in m for k in ("name", "fields")):
        return None
    name = f.string(m, "name", f"{where}.name", WIRE_NAME)
    seq = f.sequence(m, "fields", f"{where}.fields")
    fields: list[ir.Field] = []
    named: list[tuple[str, str, Pos]] = []
    ok = name is not None and seq is not None
    if seq is not None and not seq:
        f.error(f.value_pos(m, "fields"), f"{where}.fields must not be empty")
        ok = False
    for i, raw_node in enumerate(seq or ()):
        raw = _field(f, raw_node, f"{where}.fields[{i}]", allow_array=False)
        if raw is None:
            ok = False
            continue
        field = _scalar(raw)
        fields.append(field)
        named.append((field.wire, field.py_name, f.pos(raw_node)))
    ok = _unique_names(f, named, "field") and ok
    unique: list[str] = []
    if "unique" in m:
        useq = f.sequence(m, "unique", f"{where}.unique")
        wires = {fl.wire: fl.py_name for fl in fields}
        for i, value in enumerate(useq or ()):
            if value not in wires:
                f.error(
                    f.item_pos(useq, i, f.value_pos(m, "unique")),
                    f"{where}.unique names {value!r}, which is not one of its fields",
                )
                ok = False
            else:
                unique.append(wires[value])
    if not ok or name is None:
        return None
    return ir.Item(name, pascal(name), tuple(fields), tuple(unique))


def _example_value(f: _File, param: ir.Param, value: Any, pos: Pos, where: str) -> object:
    """The example value in Python form (array items as mappings of Python names)."""
    if isinstance(param, ir.ArrayParam):
        if not isinstance(value, LocatedList) or not value:
            f.error(pos, f"{where} must be a non-empty list of {param.item.name} mappings")
            return None
        items = []
        fields = {fl.wire: fl for fl in param.item.fields}
        for i, item in enumerate(value):
            ipos = f.item_pos(value, i, pos)
            if not isinstance(item, LocatedMap) or set(item) - set(fields):
                f.error(ipos, f"{where}[{i}] must map the fields {', '.join(fields)} to values")
                return None
            items.append(
                {fields[k].py_name: _example_value(f, fields[k], v, ipos, f"{where}[{i}].{k}")
                 for k, v in item.items()}
            )  # fmt: skip
        return items
    if param.type == "Int" and (isinstance(value, bool) or not isinstance(value, int)):
        f.error(pos, f"{where} must be an integer")
        return None
    if param.type == "String" and not isinstance(value, str):
        f.error(pos, f"{where} must be a string")
        return None
    return int(value) if param.type == "Int" else str(value)


def _response(f: _File, node: LocatedMap) -> list[ir.ResponseField] | None:
    seq = f.sequence(node, "response", "response")
    if seq is None:
        return None
    out: list[ir.ResponseField] = []
    named: list[tuple[str, str, Pos]] = []
    ok = True
    for i, item in enumerate(seq):
        where = f"response[{i}]"
        pos = f.item_pos(seq, i, f.pos(seq))
        m = f.mapping(
            item, pos, where, ("name", "type", "description"), ("path", "enum", "correction")
        )
        if m is None or any(k not in m for k in ("name", "type", "description")):
            ok = False
            continue
        if "correction" in m and not _correction(f, m, where):
            ok = False
            continue
        name = f.string(m, "name", f"{where}.name", WIRE_NAME)
        ftype = f.choice(m, "type", f"{where}.type", ("Int",))
        desc = f.text(m, "description", f"{where}.description")
        path = (
            f.string(
                m,
                "path",
                f"{where}.path",
                re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$"),
            )
            if "path" in m
            else name
        )
        enum = _enum(f, m["enum"], f.value_pos(m, "enum"), f"{where}.enum") if "enum" in m else None
        if None in (name, ftype, desc, path) or ("enum" in m and enum is None):
            ok = False
            continue
        assert name is not None and path is not None and desc is not None and ftype is not None
        py_name = identifier(name)
        named.append((name, py_name, pos))
        shape = ir.Shape(ftype, enum.class_name if enum else "int", enum=enum)
        out.append(ir.ResponseField(name, py_name, tuple(path.split(".")), shape, True, desc))
    ok = _unique_names(f, named, "response field") and ok
    return out if ok else None


def _enum(f: _File, node: Any, pos: Pos, where: str) -> ir.Enum | None:
    m = f.mapping(node, pos, where, ("name", "values"), ())
    if m is None or any(k not in m for k in ("name", "values")):
        return None
    name = f.string(m, "name", f"{where}.name", WIRE_NAME)
    seq = f.sequence(m, "values", f"{where}.values")
    values: list[ir.EnumValue] = []
    ok = name is not None and bool(seq)
    if seq is not None and not seq:
        f.error(f.value_pos(m, "values"), f"{where}.values must not be empty")
    seen_values: set[int] = set()
    seen_names: set[str] = set()
    for i, item in enumerate(seq or ()):
        iwhere = f"{where}.values[{i}]"
        vm = f.mapping(item, f.item_pos(seq, i, pos), iwhere, ("value", "name", "description"), ())
        if vm is None or any(k not in vm for k in ("value", "name", "description")):
            ok = False
            continue
        value = f.integer(vm, "value", f"{iwhere}.value")
        vname = f.string(vm, "name", f"{iwhere}.name", WIRE_NAME)
        desc = f.text(vm, "description", f"{iwhere}.description")
        if value is None or vname is None or desc is None:
            ok = False
            continue
        member = constant(vname)
        if value in seen_values or member in seen_names:
            f.error(f.pos(vm), f"{iwhere}: value {value} or name {vname!r} is used twice")
            ok = False
            continue
        seen_values.add(value)
        seen_names.add(member)
        values.append(ir.EnumValue(value, vname, member, desc))
    if not ok or name is None:
        return None
    return ir.Enum(name, pascal(name), tuple(values))


def _action(
    f: _File, doc: Any, stem: str, catalogue: dict[int, ir.ErrorEntry] | None
) -> ir.Action | None:
    keys = ("action", "summary", "startsTask", "idempotent", "parameters", "errors", "response")
    node = f.mapping(doc, (0, 0), "an action", keys, ("example",))
    if node is None or any(k not in node for k in keys):
        return None
    name = f.string(node, "action", "action", ACTION_NAME)
    if name is not None and name != stem:
        f.error(f.value_pos(node, "action"), f"action {name!r} must match the file name {stem!r}")
        name = None
    summary = f.text(node, "summary", "summary")
    starts_task = f.boolean(node, "startsTask", "startsTask")
    idempotent = f.boolean(node, "idempotent", "idempotent")
    ok = None not in (name, summary, starts_task, idempotent)

    params: list[ir.Param] = []
    named: list[tuple[str, str, Pos]] = []
    seq = f.sequence(node, "parameters", "parameters")
    ok = ok and seq is not None
    for i, item in enumerate(seq or ()):
        where = f"parameters[{i}]"
        raw = _field(f, item, where, allow_array=True)
        if raw is None:
            ok = False
            continue
        if raw["type"] == "Array":
            parsed = _item(f, raw["items"], raw["items_pos"], f"{where}.items")
            if parsed is None:
                ok = False
                continue
            param: ir.Param = ir.ArrayParam(
                wire=raw["name"], py_name=identifier(raw["name"]), required=raw["required"],
                min_items=raw["min_items"], max_items=raw["max_items"], item=parsed,
                description=raw["description"],
            )  # fmt: skip
        else:
            param = _scalar(raw)
        params.append(param)
        named.append((param.wire, param.py_name, f.pos(item)))
    ok = _unique_names(f, named, "parameter") and ok
    # Required parameters first, so that the generated signatures read in a natural order.
    params.sort(key=lambda p: not p.required)

    errors: list[ir.ErrorEntry] = []
    eseq = f.sequence(node, "errors", "errors")
    ok = ok and eseq is not None
    for i, code in enumerate(eseq or ()):
        pos = f.item_pos(eseq, i, f.value_pos(node, "errors"))
        if isinstance(code, bool) or not isinstance(code, int):
            f.error(pos, f"errors[{i}] must be an error code (an integer), got {_kind(code)}")
            ok = False
        elif catalogue is not None and code not in catalogue:
            f.error(pos, f"errors[{i}]: code {code} is not in errors.yaml")
            ok = False
        elif any(e.code == code for e in errors):
            f.error(pos, f"errors[{i}]: code {code} is listed twice")
            ok = False
        elif catalogue is not None:
            errors.append(catalogue[code])

    response = _response(f, node)
    ok = ok and response is not None

    example: list[tuple[str, object]] = []
    by_wire = {p.wire: p for p in params}
    ex = node.get("example", LocatedMap())
    if "example" in node and not isinstance(ex, LocatedMap):
        f.error(f.value_pos(node, "example"), "example must be a mapping of parameter to value")
        ok = False
        ex = LocatedMap()
    # Names of every parameter entry, valid or not: one bad parameter is one problem, so its
    # example value is not reported again.
    declared = {str(i.get("name")) for i in (seq or ()) if isinstance(i, LocatedMap)}
    for key in ex:
        if key not in by_wire and key not in declared:
            f.error(f.key_pos(ex, key), f"example: {key!r} is not a parameter of this action")
            ok = False
    for p in params:
        if p.wire in ex:
            value = _example_value(f, p, ex[p.wire], f.value_pos(ex, p.wire), f"example.{p.wire}")
            ok = ok and value is not None
            example.append((p.py_name, value))
        elif p.required:
            f.error(f.pos(node), f"example: the required parameter {p.wire!r} needs a value")
            ok = False
    task_id = next((r.py_name for r in response or () if r.name == "requestId"), None)
    if starts_task and response is not None and task_id is None:
        f.error(
            f.value_pos(node, "response"), "an action that starts a task needs a requestId field"
        )
        ok = False
    if not ok or name is None or summary is None or starts_task is None or response is None:
        return None
    return ir.Action(
        name=name, py_name=identifier(name), const_name=constant(name),
        result_class=result_class(name), summary=summary, starts_task=starts_task,
        idempotent=bool(idempotent), task_id=task_id if starts_task else None,
        params=tuple(params), errors=tuple(errors), response=tuple(response),
        example=tuple(example), source=f.name,
    )  # fmt: skip


# -- the whole spec -----------------------------------------------------------------------


def load(spec_dir: Path) -> ir.Spec:
    """Load ``spec_dir`` (service.yaml, errors.yaml, actions/*.yaml) into the IR."""
    problems: list[Problem] = []

    def read(rel: str) -> tuple[_File, Any]:
        f = _File(f"{spec_dir.name}/{rel}", problems)
        path = spec_dir / rel
        if not path.is_file():
            f.error((0, 0), "the file is missing")
            return f, None
        return f, _read(path, f.name, problems)

    sf, sdoc = read("service.yaml")
    service = _service(sf, sdoc) if sdoc is not None or not problems else None
    ef, edoc = read("errors.yaml")
    entries, families = _catalogue(ef, _errors(ef, edoc)) if edoc is not None else ([], [])
    catalogue = {e.code: e for e in entries} if edoc is not None else None

    action_dir = spec_dir / "actions"
    files = sorted(action_dir.glob("*.yaml")) if action_dir.is_dir() else []
    if not files:
        problems.append(Problem(f"{spec_dir.name}/actions", 1, 1, "no action files (*.yaml)"))
    actions: list[ir.Action] = []
    for path in files:
        f, doc = read(f"actions/{path.name}")
        if doc is None:
            if not any(p.file == f.name for p in problems):
                f.error((0, 0), "the file is empty")
            continue
        action = _action(f, doc, path.stem, catalogue)
        if action is not None:
            actions.append(action)

    stems = {path.stem for path in files}
    _cross_checks(problems, spec_dir.name, service, entries, families, actions, stems)
    task = _task_info(problems, spec_dir.name, service, actions)
    if problems:
        raise SpecError(problems)
    assert service is not None and task is not None
    return ir.Spec(service, tuple(entries), tuple(families), tuple(actions), task)


def _task_info(
    problems: list[Problem], root: str, service: ir.Service | None, actions: list[ir.Action]
) -> ir.TaskInfo | None:
    """The task action's shape: one Int id parameter, a status enum with succeeded, failed
    and running values."""
    action = next((a for a in actions if service and a.name == service.task_action), None)
    if action is None:
        return None
    params = [p for p in action.params if p.required]
    enums = [r for r in action.response if r.enum is not None]
    names = {v.name: v.py_name for r in enums if r.enum for v in r.enum.values}
    if (
        len(params) != 1
        or params[0].type != "Int"
        or len(enums) != 1
        or not {"succeeded", "failed", "running"} <= set(names)
    ):
        problems.append(
            Problem(action.source, 1, 1, "the task action needs exactly one required Int "
                    "parameter and one enum response field with the values succeeded, failed "
                    "and running")
        )  # fmt: skip
        return None
    enum = enums[0].enum
    assert enum is not None
    return ir.TaskInfo(
        action=action, request_param=params[0].py_name, status_field=enums[0].py_name,
        enum_class=enum.class_name, succeeded=names["succeeded"], failed=names["failed"],
    )  # fmt: skip


def _cross_checks(
    problems: list[Problem],
    root: str,
    service: ir.Service | None,
    entries: list[ir.ErrorEntry],
    families: list[tuple[str, str]],
    actions: list[ir.Action],
    action_files: set[str],
) -> None:
    """Rules across files: the task action exists, and no two generated names collide."""

    def report(file: str, message: str) -> None:
        problems.append(Problem(file, 1, 1, message))

    if service is not None and action_files and service.task_action not in action_files:
        report(f"{root}/service.yaml", f"taskAction {service.task_action!r} has no action file")
    methods: dict[str, str] = {}
    models: dict[str, str] = {}
    for action in actions:
        if action.py_name in CLIENT_ATTRIBUTES or action.py_name in methods:
            other = methods.get(action.py_name, "the client itself")
            report(action.source, f"the method name {action.py_name!r} is taken by {other}")
        methods.setdefault(action.py_name, action.source)
        claims: list[tuple[str, object]] = [(action.result_class, None)]
        claims += [
            (p.item.class_name, p.item) for p in action.params if isinstance(p, ir.ArrayParam)
        ]
        claims += [(r.enum.class_name, r.enum) for r in action.response if r.enum is not None]
        for class_name, owner in claims:
            previous = models.get(class_name)
            if previous is not None and not (
                owner is not None and _same_model(actions, class_name, owner)
            ):
                report(action.source, f"the class name {class_name!r} is also made by {previous}")
            models.setdefault(class_name, action.source)
    error_classes = {e.class_name for e in entries} | {name for name, _ in families}
    for class_name, source in sorted(models.items()):
        if class_name in error_classes:
            report(source, f"the class name {class_name!r} is also an error class")


def _same_model(actions: list[ir.Action], class_name: str, owner: object) -> bool:
    """Whether every earlier model of that class name is defined the same as ``owner``."""
    for action in actions:
        for p in action.params:
            if isinstance(p, ir.ArrayParam) and p.item.class_name == class_name and p.item != owner:
                return False
        for r in action.response:
            if r.enum is not None and r.enum.class_name == class_name and r.enum != owner:
                return False
    return True


__all__ = ["Problem", "SpecError", "load"]
