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

#: The English of a text Tencent publishes only in Chinese, until it is written. ``--check``
#: counts every such text as a difference, so it cannot ship.
UNWRITTEN = "(English text not written yet)"
READ_ONLY = re.compile(r"^(Describe|Get|Inquiry|Query|List)[A-Z]")
ID_NAME = re.compile(r"(Id|Ids|Ip)$")


def yaml() -> YAML:
    """The round-trip YAML of the spec files: their indentation, no line wrapping."""
    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.indent(mapping=2, sequence=4, offset=2)
    y.width = 4096
    return y


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


def plain(value: Any) -> Any:
    """A JSON value as YAML nodes: mappings and lists in block style, strings with line
    breaks as literal blocks."""
    if isinstance(value, dict):
        m = CommentedMap()
        for k, v in value.items():
            m[k] = plain(v)
        return m
    if isinstance(value, list):
        seq = CommentedSeq([plain(v) for v in value])
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
                    self.by_zh.setdefault(pages.squash(str(node["zh"])), en)
            for v in node.values():
                self.learn(v)
        elif isinstance(node, list):
            for v in node:
                self.learn(v)

    def english(self, zh: str) -> str | None:
        return self.by_zh.get(pages.squash(zh))


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


def _scalar_rules(m: CommentedMap, p: pages.Param) -> None:
    if p.type == "String":
        if p.max_length is not None:
            m["maxLength"] = p.max_length
        elif ID_NAME.search(p.name):
            m["maxLength"] = 64
            m.yaml_add_eol_comment("ours: ids are short; the bound keeps garbage off the wire",
                                   "maxLength")  # fmt: skip
    if p.type in ("Int", "UInt") and p.range is not None:
        m["range"] = flow(p.range)
    if p.enum:
        m["enum"] = flow(p.enum)
    if p.default is not None:
        m["default"] = p.default


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
    m["description"] = text(p.description, en.description if en else None, book,
                            zh_only=zh_only)  # fmt: skip
    if p.type == "Array" and p.fields:
        items = CommentedMap()
        items["name"] = singular(p.name)
        en_fields = {f.name: f for f in en.fields} if en else {}
        items["fields"] = CommentedSeq(
            [param(f, en_fields.get(f.name), book, zh_only) for f in p.fields]
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


def output(o: pages.Output, en: pages.Output | None, book: Phrasebook, zh_only: bool) -> CommentedMap:
    """A response field entry, with its fields at any depth."""
    m = CommentedMap()
    m["name"] = o.name
    m["type"] = o.type
    if not o.required:
        m["required"] = False
    if o.allowed and o.type in pages.SCALARS:
        m["allowed"] = flow(o.allowed)
    m["description"] = text(o.description, en.description if en else None, book,
                            zh_only=zh_only)  # fmt: skip
    en_fields = {f.name: f for f in en.fields} if en else {}
    fields = CommentedSeq([output(f, en_fields.get(f.name), book, zh_only) for f in o.fields])
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


def example(values: dict[str, Any]) -> CommentedMap:
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
