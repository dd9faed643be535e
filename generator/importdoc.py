"""``python -m generator import-doc PAGE.md ...``: compare Tencent doc pages with the spec.

Each page is read (:mod:`generator.importdoc_page`) and compared with the spec file of its
action: parameters and array item fields (type, required, range, array size), response fields,
documented error codes, and the host. The report lists what is new, removed or changed;
differences an entry's ``correction`` keeps are listed as kept, and differing descriptions as
wording (reported, not checked, not written: the spec words its own texts).

``--write`` applies the differences to the spec files with ruamel.yaml round-trip (comments,
key order and layout kept), after checking that the edited spec still loads. ``--check`` exits 1
when a page and the spec disagree.
"""

from __future__ import annotations

import argparse
import io
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from . import importdoc_page as pages
from .loader import SpecError, load

ROOT = Path(__file__).resolve().parent.parent
OTHER = {"en": "zh", "zh": "en"}
SPEC_TYPES = ("String", "Int", "Array")


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


@dataclass
class Change:
    kind: str  # new | removed | changed | kept | wording | note
    what: str  # "parameter backends.n.port", "error 30011", ...
    detail: str
    apply: Callable[[], None] | None = None

    @property
    def counts(self) -> bool:
        """Whether it is a disagreement ``--check`` fails on."""
        return self.kind in ("new", "removed", "changed")

    def __str__(self) -> str:
        text = f"  {self.kind:<8} {self.what}"
        return f"{text}: {self.detail}" if self.detail else text


@dataclass
class Comparison:
    page: pages.Page
    spec_file: str
    changes: list[Change] = field(default_factory=list)

    def add(self, *args: Any, **kwargs: Any) -> None:
        self.changes.append(Change(*args, **kwargs))

    def report(self) -> str:
        lines = [
            f"{self.page.action} ({self.page.path.name}, {self.page.lang}) against {self.spec_file}"
        ]
        order = ("new", "removed", "changed", "kept", "wording", "note")
        lines += [str(c) for c in sorted(self.changes, key=lambda c: order.index(c.kind))]
        counted = sum(c.counts for c in self.changes)
        kept = sum(c.kind == "kept" for c in self.changes)
        wording = sum(c.kind == "wording" for c in self.changes)
        lines.append(f"  = {counted} difference(s), {kept} kept by corrections, {wording} wording")
        return "\n".join(lines)


class Spec:
    """The spec files as round-trip documents, edited in place and dumped on demand."""

    def __init__(self, spec_dir: Path) -> None:
        self.dir = spec_dir
        self.docs: dict[str, Any] = {}
        self.dirty: set[str] = set()

    def doc(self, rel: str) -> Any:
        if rel not in self.docs:
            path = self.dir / rel
            self.docs[rel] = (
                yaml().load(path.read_text(encoding="utf-8")) if path.is_file() else None
            )
        return self.docs[rel]

    def touch(self, rel: str) -> None:
        self.dirty.add(rel)

    def catalogue(self) -> dict[int, CommentedMap]:
        doc = self.doc("errors.yaml")
        return {int(e["code"]): e for e in doc["errors"]} if doc else {}


def _q(text: str) -> DoubleQuotedScalarString:
    value: DoubleQuotedScalarString = DoubleQuotedScalarString(text)
    return value


def _flow(values: list[Any]) -> CommentedSeq:
    seq = CommentedSeq(values)
    seq.fa.set_flow_style()
    return seq


def _text(page: pages.Page, text: str) -> CommentedMap:
    """A bilingual description from one page: the other language gets the same text, marked."""
    m = CommentedMap()
    for lang in ("en", "zh"):
        m[lang] = _q(text)
    m.yaml_add_eol_comment(f"from the {page.lang} page; translate", OTHER[page.lang])
    return m


def _norm(text: str) -> str:
    return pages.squash(text).rstrip("。.;；").strip()


def _shown_range(value: Any) -> str:
    return f"[{value[0]}, {value[1]}]" if value is not None else "none"


def _corrections(node: CommentedMap) -> list[CommentedMap]:
    value = node.get("correction")
    if value is None:
        return []
    return list(value) if isinstance(value, CommentedSeq) else [value]


def _kept_by(node: CommentedMap, fact: str) -> CommentedMap | None:
    for c in _corrections(node):
        if fact in (c.get("facts") or ()):
            return c
    return None


def _example_value(ptype: str, text: str | None, rng: tuple[int, int] | None, name: str) -> Any:
    if ptype == "Int":
        if text is not None and text.lstrip("-").isdigit():
            return int(text)
        return rng[0] if rng else 1
    return _q(text) if text else _q(f"{name}-example")


def _set_before(node: CommentedMap, key: str, value: Any, before: str) -> None:
    """Set ``key``, placing a new key just before ``before`` (or at the end)."""
    if key in node:
        node[key] = value
        return
    keys = list(node)
    node.insert(keys.index(before) if before in keys else len(keys), key, value)


def _singular(name: str) -> str:
    return name[:-1] if name.endswith("s") and len(name) > 1 else name + "Item"


class Comparer:
    def __init__(self, spec: Spec) -> None:
        self.spec = spec

    # -- one page ----------------------------------------------------------------------------

    def compare(self, page: pages.Page) -> Comparison:
        rel = f"actions/{page.action}.yaml"
        shown = f"{self.spec.dir.name}/{rel}"
        result = Comparison(page, shown)
        self._host(page, result)
        doc = self.spec.doc(rel)
        if doc is None:
            self._new_action(page, rel, result)
            return result
        lang = page.lang
        params = doc["parameters"]
        spec_params = {p["name"]: p for p in params}
        for p in page.params:
            node = spec_params.get(p.name)
            if node is None:
                self._new_param(page, rel, doc, params, p, result, prefix="")
            else:
                self._facts(page, rel, node, p, result, p.name)
                if p.type == "Array" and node.get("type") == "Array" and "items" in node:
                    self._fields(page, rel, doc, node, p, result)
        page_names = {p.name for p in page.params}
        for node in list(params):
            if node["name"] not in page_names:
                result.add("removed", f"parameter {node['name']}", "not on the page",
                           self._remover(rel, params, node, doc))  # fmt: skip
        self._response(page, rel, doc, result)
        self._errors(page, rel, doc, result)
        self._quotes(page, doc, result)
        del lang
        return result

    def _host(self, page: pages.Page, result: Comparison) -> None:
        service = self.spec.doc("service.yaml")
        if page.host is None or service is None or page.host == service["host"]:
            return

        def apply() -> None:
            service["host"] = page.host
            self.spec.touch("service.yaml")

        result.add("changed", "host", f"spec {service['host']}, page {page.host}", apply)

    def _facts(
        self, page: pages.Page, rel: str, node: CommentedMap, p: pages.Param, result: Comparison,
        shown: str,
    ) -> None:  # fmt: skip
        what = f"parameter {shown}"
        changed: list[str] = []

        def diff(
            fact: str, spec_value: str, page_value: str, apply: Callable[[], None] | None
        ) -> None:
            correction = _kept_by(node, fact)
            if correction is not None:
                result.add("kept", what, f"{fact}: spec {spec_value}, page {page_value} "
                           f"(correction: {correction['why']})")  # fmt: skip
            else:
                changed.append(fact)
                result.add("changed", what, f"{fact}: spec {spec_value}, page {page_value}", apply)

        def edit(fn: Callable[[], None]) -> Callable[[], None]:
            def run() -> None:
                fn()
                self.spec.touch(rel)

            return run

        spec_type = node.get("type")
        if p.type != spec_type:
            if p.type in SPEC_TYPES and "Array" not in (p.type, spec_type):

                def set_type() -> None:
                    node["type"] = p.type
                    for key in ("range", "maxLength"):
                        node.pop(key, None)
                    if p.type == "Int" and p.range:
                        _set_before(node, "range", _flow(list(p.range)), "description")
                    example = self.spec.doc(rel).get("example") or {}
                    if "." not in shown and p.name in example:
                        example[p.name] = _example_value(
                            p.type, page.example.get(p.name, str(example[p.name])), p.range, p.name
                        )

                diff("type", str(spec_type), p.type, edit(set_type))
            else:
                note = "" if p.type in SPEC_TYPES else " (a type the spec has not)"
                diff("type", str(spec_type), p.type + note, None)
            return
        if bool(node.get("required")) != p.required:

            def set_required() -> None:
                node["required"] = p.required

            diff("required", str(node.get("required")).lower(), str(p.required).lower(),
                 edit(set_required))  # fmt: skip
        if p.type == "Int":
            spec_range = tuple(node["range"]) if "range" in node else None
            if spec_range != p.range:

                def set_range() -> None:
                    if p.range is None:
                        node.pop("range", None)
                        return
                    _set_before(node, "range", _flow(list(p.range)), "description")
                    example = self.spec.doc(rel).get("example") or {}
                    value = example.get(p.name) if "." not in shown else None
                    if isinstance(value, int) and not p.range[0] <= value <= p.range[1]:
                        example[p.name] = _example_value("Int", page.example.get(p.name),
                                                         p.range, p.name)  # fmt: skip
                        if not p.range[0] <= example[p.name] <= p.range[1]:
                            example[p.name] = p.range[0]

                diff("range", _shown_range(spec_range), _shown_range(p.range), edit(set_range))
        if p.type == "Array":
            spec_max = node.get("maxItems")
            if spec_max != p.max_items:

                def set_max() -> None:
                    if p.max_items is None:
                        node.pop("maxItems", None)
                    else:
                        _set_before(node, "maxItems", p.max_items, "description")

                shown_spec = str(spec_max) if spec_max is not None else "none"
                shown_page = str(p.max_items) if p.max_items is not None else "none"
                diff("maxItems", shown_spec, shown_page, edit(set_max))
        self._wording(page, node, p.description, what, result, rel if changed else None)

    def _wording(
        self, page: pages.Page, node: CommentedMap, text: str, what: str, result: Comparison,
        follows: str | None = None,
    ) -> None:  # fmt: skip
        """A differing description: kept by a correction, or wording. When other facts of the
        entry changed (``follows`` names its file), the page's text comes with them."""
        desc = node.get("description")
        spec_text = str(desc.get(page.lang, "")) if isinstance(desc, CommentedMap) else ""
        if _norm(spec_text) == _norm(text):
            return
        correction = _kept_by(node, "description")
        if correction is not None:
            result.add("kept", what, f"description: page {text!r} "
                       f"(correction: {correction['why']})")  # fmt: skip
        elif follows is not None and isinstance(desc, CommentedMap):

            def apply() -> None:
                desc[page.lang] = _q(text)
                desc.yaml_add_eol_comment(
                    f"the {page.lang} text changed; update this one", OTHER[page.lang]
                )
                self.spec.touch(follows)

            result.add("changed", what, f"description ({page.lang}, with the facts above): "
                       f"spec {spec_text!r}, page {text!r}", apply)  # fmt: skip
        else:
            result.add("wording", what, f"page {text!r}, spec {spec_text!r}")

    def _fields(
        self, page: pages.Page, rel: str, doc: CommentedMap, node: CommentedMap,
        p: pages.Param, result: Comparison,
    ) -> None:  # fmt: skip
        fields = node["items"]["fields"]
        by_name = {f["name"]: f for f in fields}
        for pf in p.fields:
            shown = f"{p.name}.n.{pf.name}"
            fnode = by_name.get(pf.name)
            if fnode is None:
                self._new_param(page, rel, doc, fields, pf, result, prefix=f"{p.name}.n.",
                                array=p.name)  # fmt: skip
            else:
                self._facts(page, rel, fnode, pf, result, shown)
        names = {pf.name for pf in p.fields}
        for fnode in list(fields):
            if fnode["name"] not in names:

                def remove(fnode: CommentedMap = fnode) -> None:
                    fields.remove(fnode)
                    for item in (doc.get("example") or {}).get(p.name) or ():
                        item.pop(fnode["name"], None)
                    unique = node["items"].get("unique")
                    if unique is not None and fnode["name"] in unique:
                        unique.remove(fnode["name"])
                    self.spec.touch(rel)

                result.add("removed", f"parameter {p.name}.n.{fnode['name']}", "not on the page",
                           remove)  # fmt: skip

    # -- building entries ---------------------------------------------------------------------

    def _param_node(self, page: pages.Page, p: pages.Param) -> CommentedMap:
        m = CommentedMap()
        m["name"] = p.name
        m["type"] = p.type
        m["required"] = p.required
        if p.type == "Int" and p.range:
            m["range"] = _flow(list(p.range))
        if p.type == "Array" and p.max_items is not None:
            m["maxItems"] = p.max_items
        m["description"] = _text(page, p.description)
        if p.type == "Array":
            items = CommentedMap()
            items["name"] = _singular(p.name)
            items["fields"] = CommentedSeq([self._param_node(page, f) for f in p.fields])
            m["items"] = items
        return m

    def _example_of(self, page: pages.Page, p: pages.Param, prefix: str = "") -> Any:
        if p.type == "Array":
            indexes = sorted(
                {k.split(".")[1] for k in page.example if k.startswith(p.name + ".")
                 and k.split(".")[1].isdigit()}, key=int,
            ) or ["0"]  # fmt: skip
            items = CommentedSeq()
            for index in indexes:
                item = CommentedMap()
                for f in p.fields:
                    value = page.example.get(f"{p.name}.{index}.{f.name}")
                    item[f.name] = _example_value(f.type, value, f.range, f.name)
                item.fa.set_flow_style()
                items.append(item)
            return items
        return _example_value(p.type, page.example.get(prefix + p.name), p.range, p.name)

    def _new_param(
        self, page: pages.Page, rel: str, doc: CommentedMap, seq: CommentedSeq, p: pages.Param,
        result: Comparison, prefix: str, array: str | None = None,
    ) -> None:  # fmt: skip
        detail = f"{p.type}, {'required' if p.required else 'optional'}"
        if p.range:
            detail += f", range {_shown_range(p.range)}"
        if p.max_items is not None:
            detail += f", at most {p.max_items} items"
        detail += f": {p.description!r}"
        if p.type not in SPEC_TYPES or any(f.type not in SPEC_TYPES for f in p.fields):
            result.add("new", f"parameter {prefix}{p.name}", detail + " (a type the spec has "
                       "not; not written)")  # fmt: skip
            return

        def apply() -> None:
            seq.append(self._param_node(page, p))
            example = doc.get("example")
            if example is None:
                example = doc["example"] = CommentedMap()
            if array is None:
                example[p.name] = self._example_of(page, p)
            else:
                for item in example.get(array) or ():
                    item[p.name] = _example_value(p.type, None, p.range, p.name)
            self.spec.touch(rel)

        result.add("new", f"parameter {prefix}{p.name}", detail, apply)

    def _remover(
        self, rel: str, seq: CommentedSeq, node: CommentedMap, doc: CommentedMap
    ) -> Callable[[], None]:
        def apply() -> None:
            seq.remove(node)
            example = doc.get("example")
            if example is not None:
                example.pop(node["name"], None)
            self.spec.touch(rel)

        return apply

    # -- response, errors, quotes -------------------------------------------------------------

    def _response(self, page: pages.Page, rel: str, doc: CommentedMap, result: Comparison) -> None:
        response = doc["response"]
        by_path = {str(r.get("path", r["name"])): r for r in response}
        by_name = {str(r["name"]): r for r in response}
        prefixes = {p.rsplit(".", 1)[0] for p in by_path if "." in p}
        seen: set[int] = set()
        for out in page.outputs:
            node = by_path.get(out.name) or by_name.get(out.name)
            if node is None:
                if out.name in prefixes:
                    continue  # the object that holds a nested field, e.g. data of data.status
                if out.type != "Int":
                    detail = f"{out.type}: {out.description!r} (only Int is supported; not written)"
                    result.add("new", f"response field {out.name}", detail)
                    continue

                def add(out: pages.Output = out) -> None:
                    m = CommentedMap()
                    m["name"] = out.name
                    m["type"] = "Int"
                    m["description"] = _text(page, out.description)
                    response.append(m)
                    self.spec.touch(rel)

                result.add("new", f"response field {out.name}", f"Int: {out.description!r}", add)
                continue
            seen.add(id(node))
            what = f"response field {out.name}"
            if out.type != node["type"]:
                correction = _kept_by(node, "type")
                if correction is not None:
                    result.add("kept", what, f"type: spec {node['type']}, page {out.type} "
                               f"(correction: {correction['why']})")  # fmt: skip
                else:
                    result.add("changed", what, f"type: spec {node['type']}, page {out.type} "
                               "(only Int fields are supported; not written)")  # fmt: skip
            self._wording(page, node, out.description, what, result)
        for node in list(response):
            if id(node) not in seen:

                def remove(node: CommentedMap = node) -> None:
                    response.remove(node)
                    self.spec.touch(rel)

                result.add("removed", f"response field {node['name']}", "not on the page", remove)

    def _errors(self, page: pages.Page, rel: str, doc: CommentedMap, result: Comparison) -> None:
        codes = doc["errors"]
        catalogue = self.spec.catalogue()
        for e in page.errors:
            entry = catalogue.get(e.code)
            what = f"error {e.code}"
            if entry is not None and entry["codeDesc"] != e.code_desc:

                def rename(entry: CommentedMap = entry, e: pages.Error = e) -> None:
                    entry["codeDesc"] = e.code_desc
                    entry["codeDescSource"] = "tencent"
                    self.spec.touch("errors.yaml")

                result.add("changed", what, f"codeDesc: spec {entry['codeDesc']}, page "
                           f"{e.code_desc}", rename)  # fmt: skip
            if e.code not in codes:
                known = "in the catalogue" if entry is not None else "new to the catalogue"
                result.add("new", what, f"{e.code_desc} ({known}): {e.description!r}",
                           self._add_error(page, rel, codes, e))  # fmt: skip
            if entry is not None:
                self._wording(page, entry, e.description, what, result)
        on_page = {e.code for e in page.errors}
        for code in list(codes):
            if code not in on_page:
                entry = catalogue.get(int(code))
                desc = f"{entry['codeDesc']}, " if entry is not None else ""

                def remove(code: int = code) -> None:
                    codes.remove(code)
                    self.spec.touch(rel)

                result.add("removed", f"error {code}", f"{desc}not in the page's table", remove)

    def _add_error(
        self, page: pages.Page, rel: str | None, codes: CommentedSeq | None, e: pages.Error
    ) -> Callable[[], None]:
        def apply() -> None:
            catalogue = self.spec.catalogue()
            if e.code not in catalogue:
                entries = self.spec.doc("errors.yaml")["errors"]
                m = CommentedMap()
                m["code"] = e.code
                m["codeDesc"] = e.code_desc
                m["codeDescSource"] = "tencent"
                m["scope"] = "module"
                m["retryable"] = False
                m.yaml_add_eol_comment(f"from {page.path.name}: decide whether a retry helps",
                                       "retryable")  # fmt: skip
                m["description"] = _text(page, e.description)
                at = next(
                    (i for i, x in enumerate(entries)
                     if x["scope"] == "module" and int(x["code"]) > e.code),
                    len(entries),
                )  # fmt: skip
                entries.insert(at, m)
                self.spec.touch("errors.yaml")
            if codes is not None and e.code not in codes:
                codes.append(e.code)
                assert rel is not None
                self.spec.touch(rel)

        return apply

    def _quotes(self, page: pages.Page, doc: CommentedMap, result: Comparison) -> None:
        """Each correction's quote: still on the page (kept), or gone (the page was fixed)."""
        nodes: list[tuple[str, CommentedMap]] = []
        for p in doc["parameters"]:
            nodes.append((f"parameter {p['name']}", p))
            for f in (p.get("items") or {}).get("fields") or ():
                nodes.append((f"parameter {p['name']}.n.{f['name']}", f))
        nodes += [(f"response field {r['name']}", r) for r in doc["response"]]
        for what, node in nodes:
            for c in _corrections(node):
                if page.says(str(c["page"])):
                    if not c.get("facts"):
                        result.add("kept", what, f"the page says {str(c['page'])!r} "
                                   f"(correction: {c['why']})")  # fmt: skip
                else:
                    result.add("note", what, f"the page no longer says {str(c['page'])!r}; "
                               "the correction may be obsolete")  # fmt: skip

    # -- a new action -------------------------------------------------------------------------

    def _flags(self) -> list[str]:
        """Top-level yes/no keys of the existing action files, in their order."""
        flags: list[str] = []
        for path in sorted((self.spec.dir / "actions").glob("*.yaml")):
            doc = self.spec.doc(f"actions/{path.name}")
            if isinstance(doc, CommentedMap):
                flags += [k for k, v in doc.items() if isinstance(v, bool) and k not in flags]
            break
        return flags

    def _new_action(self, page: pages.Page, rel: str, result: Comparison) -> None:
        unsupported = [p.name for p in page.params if p.type not in SPEC_TYPES] + [
            f"{p.name}.n.{f.name}" for p in page.params for f in p.fields
            if f.type not in SPEC_TYPES
        ]  # fmt: skip
        outputs = [o for o in page.outputs if o.type == "Int"]
        detail = (
            f"{len(page.params)} parameter(s), {len(outputs)} response field(s), "
            f"{len(page.errors)} error code(s)"
        )

        def written_with_the_action() -> None:
            pass

        for p in page.params:
            detail = f"{p.type}, {'required' if p.required else 'optional'}"
            result.add("new", f"parameter {p.name}", detail, written_with_the_action)
        for e in page.errors:
            result.add("new", f"error {e.code}", e.code_desc, written_with_the_action)
        if unsupported:
            result.add("new", f"action {page.action}", detail + "; not written: the spec has no "
                       f"type for {', '.join(unsupported)}")  # fmt: skip
            return

        def apply() -> None:
            doc = CommentedMap()
            doc["action"] = page.action
            doc["summary"] = _text(page, page.summary or f"{page.action}.")
            doc["startsTask"] = any(o.name == "requestId" for o in outputs)
            # Yes/no keys the other action files have and a page does not state: false, marked.
            for key in self._flags():
                if key not in doc:
                    doc[key] = False
                    doc.yaml_add_eol_comment("not on the page; review", key)
            doc["parameters"] = CommentedSeq([self._param_node(page, p) for p in page.params])
            doc["errors"] = _flow([e.code for e in page.errors])
            response = CommentedSeq()
            for o in outputs:
                m = CommentedMap()
                m["name"] = o.name
                m["type"] = "Int"
                m["description"] = _text(page, o.description)
                response.append(m)
            doc["response"] = response
            example = CommentedMap()
            for p in page.params:
                example[p.name] = self._example_of(page, p)
            doc["example"] = example
            doc.yaml_set_start_comment(f"Imported from {page.path.name}; review the texts.")
            self.spec.docs[rel] = doc
            for e in page.errors:
                self._add_error(page, None, None, e)()
            self.spec.touch(rel)

        result.add("new", f"action {page.action}", detail, apply)


def write(spec: Spec) -> list[str]:
    """Dump the edited files, after checking that the edited spec loads; their names."""
    texts = {rel: dump(spec.docs[rel]) for rel in sorted(spec.dirty)}
    with tempfile.TemporaryDirectory(prefix="qcloud-bmlb-import-") as tmp:
        trial = Path(tmp) / spec.dir.name
        shutil.copytree(spec.dir, trial)
        for rel, text in texts.items():
            (trial / rel).parent.mkdir(parents=True, exist_ok=True)
            (trial / rel).write_text(text, encoding="utf-8")
        load(trial)  # SpecError when the edit does not make a valid spec
    for rel, text in texts.items():
        target = spec.dir / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp_path = target.with_name(f".{target.name}.tmp")
        tmp_path.write_text(text, encoding="utf-8")
        tmp_path.replace(target)
    return [f"{spec.dir.name}/{rel}" for rel in texts]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m generator import-doc",
        description="Compare Tencent API doc pages (Markdown, English or Chinese) with the spec.",
    )
    parser.add_argument("pages", nargs="+", type=Path, metavar="PAGE.md")
    parser.add_argument("--spec", type=Path, default=ROOT / "spec", help="the spec folder")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--write", action="store_true", help="update the spec files in place")
    mode.add_argument("--check", action="store_true", help="exit 1 when a page and the spec differ")
    args = parser.parse_args(argv)

    parsed: list[pages.Page] = []
    for path in args.pages:
        try:
            parsed.append(pages.parse(path))
        except pages.PageError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    spec = Spec(args.spec)
    try:
        comparer = Comparer(spec)
        comparisons = [comparer.compare(page) for page in parsed]
    except (OSError, KeyError, TypeError, ValueError) as exc:
        print(f"error: cannot read the spec in {args.spec}: {exc!r}", file=sys.stderr)
        return 2
    for comparison in comparisons:
        print(comparison.report())
    differences = sum(c.counts for comp in comparisons for c in comp.changes)
    if args.check:
        if differences:
            print(f"{differences} difference(s) between the pages and the spec", file=sys.stderr)
            return 1
        return 0
    if args.write:
        for comp in comparisons:
            for change in comp.changes:
                if change.counts and change.apply is not None:
                    change.apply()
        if not spec.dirty:
            print("nothing to write")
            return 0
        try:
            written = write(spec)
        except SpecError as exc:
            for problem in exc.problems:
                print(problem, file=sys.stderr)
            print("the edited spec would not load; nothing written", file=sys.stderr)
            return 1
        for name in written:
            print(f"updated {name}")
        skipped = sum(c.counts and c.apply is None for comp in comparisons for c in comp.changes)
        if skipped:
            print(f"{skipped} difference(s) could not be written; edit the spec by hand")
        print("now run `python -m generator` and review `git diff generated/`")
    return 0
