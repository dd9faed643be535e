"""Spec entries (round-trip YAML nodes, laid out as the spec files are) from a page's facts.

The Chinese page gives the facts; the English page, where it has the entry, gives the English
text. Where it does not, the English is ours: a text already in the spec for the same Chinese
(the phrasebook), or :data:`UNWRITTEN`, which ``--check`` reports until someone writes it. The
Chinese is never copied into ``en``.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString

from . import page as pages
from .markdown import squash

#: The English of a text Tencent publishes only in Chinese, until it is written. ``--check``
#: counts every such text as a difference, so it cannot ship.
UNWRITTEN = "(English text not written yet)"
READ_ONLY = re.compile(r"^(Describe|Get|Inquiry|Query|List)[A-Z]")
ID_NAME = re.compile(r"(Id|Ids|Ip)$")


def yaml() -> YAML:
    """The round-trip YAML of the spec files: their indentation, no line wrapping, ``null``
    written out."""
    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.indent(mapping=2, sequence=4, offset=2)
    y.width = 4096
    y.representer.add_representer(
        type(None), lambda r, _: r.represent_scalar("tag:yaml.org,2002:null", "null")
    )
    return y


def append(node: CommentedMap, key: str, value: Any) -> None:
    """Add ``key`` at the end of ``node``, moving the comment lines that follow the last key
    (they belong to what comes after the mapping) after the new one."""
    keys = list(node)
    node[key] = value
    if not keys:
        return
    last = node.ca.items.get(keys[-1])
    if last and len(last) > 2 and last[2] is not None and "\n" in last[2].value:
        token = last[2]
        text = token.value
        cut = text.find("\n") + 1
        if text[:cut].strip():
            return  # an end-of-line comment of the key: it stays
        last[2] = None
        node.ca.items[key] = [None, None, token, None]


def dump(doc: Any) -> str:
    buf = io.StringIO()
    yaml().dump(doc, buf)
    return buf.getvalue()


def q(text: str) -> DoubleQuotedScalarString:
    value: DoubleQuotedScalarString = DoubleQuotedScalarString(text)
    return value


def flow(values: Iterable[Any]) -> CommentedSeq:
    seq = CommentedSeq(list(values))
    seq.fa.set_flow_style()
    return seq


def flow_map(items: Iterable[tuple[str, Any]]) -> CommentedMap:
    m = CommentedMap(list(items))
    m.fa.set_flow_style()
    return m


def plain(
    value: Any, notes: dict[tuple[str, ...], str] | None = None, path: tuple[str, ...] = ()
) -> Any:
    """A JSON value as YAML nodes: mappings and lists in block style, strings with line
    breaks as literal blocks; ``notes`` (by the path of named keys) become comments."""
    notes = notes or {}
    if isinstance(value, dict):
        m = CommentedMap()
        for k, v in value.items():
            m[k] = plain(v, notes, (*path, k))
            if (*path, k) in notes:
                m.yaml_add_eol_comment(notes[(*path, k)], k)
        return m
    if isinstance(value, list):
        seq = CommentedSeq([plain(v, notes, path) for v in value])
        if all(not isinstance(v, (dict, list)) for v in value):
            seq.fa.set_flow_style()
        return seq
    if isinstance(value, str) and "\n" in value:
        return LiteralScalarString(value)
    if isinstance(value, str):
        return q(value)
    return value


def singular(name: str) -> str:
    """The name of one item of an array: ``backends`` → ``backend``, ``listenerSet`` →
    ``listener``, ``rsList`` → ``rs``, ``data`` → ``item``."""
    for suffix in ("Set", "List"):
        if name.endswith(suffix) and len(name) > len(suffix):
            base = name[: -len(suffix)]
            return base[:1].lower() + base[1:] if not base[:2].isupper() else base
    if name == "data":
        return "item"
    if name.endswith("ies"):
        return name[:-3] + "y"
    if name.endswith("s") and len(name) > 2:
        return name[:-1]
    return name + "Item"


class Phrasebook:
    """English texts of ours already in the spec, by their Chinese: the same Chinese on a new
    page gets the same English."""

    def __init__(self) -> None:
        self.by_zh: dict[str, str] = {}

    def learn(self, node: Any) -> None:
        if isinstance(node, dict):
            if "zh" in node and "en" in node and isinstance(node.get("zh"), str):
                en = str(node["en"])
                if en and en != UNWRITTEN:
                    self.by_zh.setdefault(_key(str(node["zh"])), en)
            for v in node.values():
                self.learn(v)
        elif isinstance(node, list):
            for v in node:
                self.learn(v)

    def learn_pages(self, zh: pages.Page, en: pages.Page) -> None:
        """Tencent's English for the same Chinese on another page of the run."""

        def pair(a: str, b: str) -> None:
            if a and b:
                self.by_zh.setdefault(_key(a), b)

        for p in zh.params:
            e = match(en.params, p.name)
            if e is not None:
                pair(p.description, e.description)
                for f in p.fields:
                    g = match(e.fields, f.name)
                    if g is not None:
                        pair(f.description, g.description)

        def outs(a: list[pages.Output], b: list[pages.Output]) -> None:
            for o in a:
                e = match(b, o.name)
                if e is not None:
                    pair(o.description, e.description)
                    outs(o.fields, e.fields)

        outs(zh.outputs, en.outputs)
        for err in zh.errors:
            e2 = next((x for x in en.errors if x.code == err.code), None)
            if e2 is not None:
                pair(err.description, e2.description)

    def english(self, zh: str) -> str | None:
        return self.by_zh.get(_key(zh))


def _key(text: str) -> str:
    return squash(text).rstrip("。.;；").strip()


def text(zh: str, en: str | None, book: Phrasebook, *, zh_only: bool = False) -> CommentedMap:
    """A bilingual text: the English page's words where it has them, else ours."""
    m = CommentedMap()
    if en is not None and not zh_only:
        m["en"] = q(en)
        m["zh"] = q(zh)
        return m
    known = book.english(zh)
    m["en"] = q(known or UNWRITTEN)
    m["zh"] = q(zh)
    m["enSource"] = "ours"
    if known is None:
        m.yaml_add_eol_comment("Tencent has no English for this; write ours", "en")
    return m


def match(entries: Iterable[Any], name: str) -> Any:
    """The entry of ``entries`` named ``name``, the same name in another case if none is."""
    entries = list(entries)
    found = next((e for e in entries if e.name == name), None)
    return found or next((e for e in entries if e.name.lower() == name.lower()), None)


def writable(entry: pages.Param | pages.Output) -> bool:
    """Whether the spec can hold the entry: a known type, an object with its fields."""
    if entry.type == "Array":
        return bool(entry.fields) or entry.item_type in pages.SCALARS
    if entry.type == "Object":
        return bool(entry.fields)
    return entry.type in pages.SCALARS


def _scalar_rules(m: CommentedMap, p: pages.Param) -> None:
    if p.type == "String":
        if p.max_length is not None:
            m["maxLength"] = p.max_length
        elif ID_NAME.search(p.name):
            m["maxLength"] = 64
            m.yaml_add_eol_comment(
                "ours: ids and IPs are short; the bound keeps garbage off the wire", "maxLength"
            )
    if p.type in ("Int", "UInt") and p.range is not None:
        m["range"] = flow(p.range)
    if p.enum:
        m["enum"] = flow(p.enum)
    if p.default is not None:
        lo, hi = p.range or (None, None)
        value = p.default
        outside = isinstance(value, int) and (
            (lo is not None and value < lo) or (hi is not None and value > hi)
        )
        if outside or (p.enum and value not in p.enum):
            m.yaml_add_eol_comment(
                f"the page's default {value} breaks its own rule: decide",
                "enum" if "enum" in m else "range",
            )
        else:
            m["default"] = value


def param(p: pages.Param, en: pages.Param | None, book: Phrasebook, zh_only: bool) -> CommentedMap:
    """A parameter (or item field) entry."""
    m = CommentedMap()
    m["name"] = p.name
    m["type"] = p.type
    m["required"] = bool(p.required)
    if p.type == "Array":
        if p.required:
            m["minItems"] = 1
        if p.max_items is not None:
            m["maxItems"] = p.max_items
    else:
        _scalar_rules(m, p)
    m["description"] = text(p.description, en.description if en else None, book, zh_only=zh_only)
    if p.type == "Array" and p.fields:
        items = CommentedMap()
        items["name"] = singular(p.name)
        items["fields"] = CommentedSeq(
            [
                param(f, match(en.fields, f.name) if en else None, book, zh_only)
                for f in p.fields
                if writable(f)
            ]
        )
        m["items"] = items
    elif p.type == "Array":
        item = pages.Param("", True, p.item_type or "String", "", 0)
        shape = CommentedMap([("type", item.type)])
        if item.type == "String" and ID_NAME.search(p.name):
            shape["maxLength"] = 64
        shape.fa.set_flow_style()
        m["items"] = shape
    return m


def output(
    o: pages.Output, en: pages.Output | None, book: Phrasebook, zh_only: bool
) -> CommentedMap:
    """A response field entry, with its fields at any depth."""
    m = CommentedMap()
    m["name"] = o.name
    m["type"] = o.type
    if not o.required:
        m["required"] = False
    if o.allowed and o.type in pages.SCALARS:
        m["allowed"] = flow(o.allowed)
    m["description"] = text(o.description, en.description if en else None, book, zh_only=zh_only)
    fields = CommentedSeq(
        [
            output(f, match(en.fields, f.name) if en else None, book, zh_only)
            for f in o.fields
            if writable(f)
        ]
    )
    if o.type == "Array" and o.fields:
        items = CommentedMap()
        items["name"] = singular(o.name)
        items["fields"] = fields
        m["items"] = items
    elif o.type == "Array":
        m["items"] = flow_map([("type", o.item_type or "String")])
    elif o.type == "Object":
        m["fields"] = fields
    return m


def stand_in(kind: str, value: Any) -> Any:
    """A value of ``kind`` in place of a page's example value of another type."""
    if kind in ("Int", "UInt"):
        return int(value) if isinstance(value, str) and value.strip().lstrip("-").isdigit() else 0
    if kind == "String":
        return str(value)
    if kind == "Array":
        return [value] if isinstance(value, dict) else []
    return value


def repair_request(p: pages.Page) -> tuple[dict[str, Any], dict[tuple[str, ...], str]]:
    """The page's example request with each value of the wrong type replaced by a stand-in,
    and a comment for each (the page's fault stays reported until a correction keeps it)."""
    values = dict(p.example or {})
    notes: dict[tuple[str, ...], str] = {}
    by_name = {x.name: x for x in p.params}
    for key, value in list(values.items()):
        param_ = by_name.get(key)
        if param_ is None:
            continue
        if param_.type in ("Int", "UInt") and not isinstance(value, int):
            values[key] = 0
            notes[(key,)] = f"the page gives {value!r}: 0 stands in for it"
        if param_.fields and isinstance(value, list):
            for item in value:
                for f in param_.fields:
                    if (
                        f.type in ("Int", "UInt")
                        and f.name in item
                        and not isinstance(item[f.name], int)
                    ):
                        notes[(key,)] = (
                            f"the page gives {item[f.name]!r} for {f.name}: 0 stands in for it"
                        )
                        item[f.name] = 0
    return values, notes


def repair_answer(p: pages.Page) -> tuple[Any, dict[tuple[str, ...], str]]:
    """The page's example answer with each value of the wrong type replaced by a stand-in."""
    notes: dict[tuple[str, ...], str] = {}

    def walk(value: Any, outs: list[pages.Output], path: tuple[str, ...]) -> Any:
        if not isinstance(value, dict):
            return value
        out = dict(value)
        for o in outs:
            if o.name not in out:
                continue
            v = out[o.name]
            problem = pages._type_problem(o, v)
            if problem:
                out[o.name] = v = stand_in(o.type, v)
                notes[(*path, o.name)] = f"the page gives {problem}: the spec's value stands in"
            if o.fields and isinstance(v, list):
                out[o.name] = [walk(x, o.fields, (*path, o.name)) for x in v]
            elif o.fields and isinstance(v, dict):
                out[o.name] = walk(v, o.fields, (*path, o.name))
        return out

    return walk(p.example_response, p.outputs, ()), notes


def example(
    values: dict[str, Any], notes: dict[tuple[str, ...], str] | None = None
) -> CommentedMap:
    """The page's example request as the spec holds it: arrays as lists, items as flow maps."""
    m = CommentedMap()
    for key, value in values.items():
        if isinstance(value, list):
            seq = CommentedSeq()
            for v in value:
                seq.append(flow_map(v.items()) if isinstance(v, dict) else v)
            if all(not isinstance(v, dict) for v in value):
                seq.fa.set_flow_style()
            m[key] = seq
        elif isinstance(value, str) and "\n" in value:
            m[key] = LiteralScalarString(value)
        else:
            m[key] = value
        if notes and (key,) in notes:
            m.yaml_add_eol_comment(notes[(key,)], key)
    return m


def pagination(p: pages.Page) -> CommentedMap | None:
    """``pagination`` where the page pages: ``offset`` and ``limit`` in, ``totalCount`` out
    beside one array of items."""
    names = {x.name: x for x in p.params}
    if not all(n in names and names[n].type in ("Int", "UInt") for n in ("offset", "limit")):
        return None
    total = next((o for o in p.outputs if o.name == "totalCount" and o.type == "Int"), None)
    arrays = [o for o in p.outputs if o.type == "Array"]
    if total is None or len(arrays) != 1:
        return None
    m = CommentedMap()
    m["offset"] = "offset"
    m["limit"] = "limit"
    m["total"] = "totalCount"
    m["items"] = arrays[0].name
    return m


def idempotent(action: str) -> tuple[bool, str]:
    """Whether the action is read-only (then idempotent), and the comment that says why."""
    if READ_ONLY.match(action):
        return True, "reads only: asking twice changes nothing."
    return False, (
        "imported as false (a call that may have reached the server is not retried); true "
        "only where sending it twice has the effect of sending it once."
    )
