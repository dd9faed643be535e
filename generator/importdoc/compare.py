"""Compare pages with the spec: what is new, removed, changed, kept by a correction, lagging on
the English page, or not representable; and how to write each change into the spec files.

One action's pages are compared together: the Chinese page is the source of facts, the English
one gives the English texts; where the English page disagrees with the Chinese one on a fact,
the difference needs a ``correction`` that quotes the English page, like any other page error.
A correction keeps a difference only on a page that says its quote.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from . import build
from . import page as pages
from .markdown import clean, cleans_only_markup, squash

Apply = Callable[[], None]
COUNTED = ("new", "removed", "changed", "fault")
ORDER = ("new", "removed", "changed", "fault", "kept", "lags", "lost", "note", "wording")


@dataclass
class Change:
    kind: str  # new | removed | changed | fault | kept | lags | lost | note | wording
    what: str  # "parameter backends.n.port", "error 30011", "response field data.status", ...
    detail: str
    apply: Apply | None = None
    line: int = 0  # the page line it is about, where there is one

    @property
    def counts(self) -> bool:
        """Whether it is a disagreement ``--check`` fails on."""
        return self.kind in COUNTED

    def __str__(self) -> str:
        at = f":{self.line}" if self.line else ""
        text = f"  {self.kind:<8} {self.what}{at}"
        return f"{text}: {self.detail}" if self.detail else text


@dataclass
class Comparison:
    page: pages.Page
    target: str  # the spec file compared against
    changes: list[Change] = field(default_factory=list)
    new_action: str = ""  # the summary of a new action, when the page brings one

    def add(
        self, kind: str, what: str, detail: str, apply: Apply | None = None, line: int = 0
    ) -> None:
        self.changes.append(Change(kind, what, detail, apply, line))

    def count(self, kind: str) -> int:
        return sum(c.kind == kind for c in self.changes)

    @property
    def differences(self) -> int:
        return sum(c.counts for c in self.changes)

    def summary(self) -> str:
        state = "in step" if not self.differences else f"{self.differences} difference(s)"
        parts = [
            f"{self.count('kept')} kept by corrections",
            f"{self.count('lags')} lagging",
            f"{self.count('lost')} not represented",
        ]
        return f"{self.page.path.name} ({self.page.lang}): {state}; " + ", ".join(parts)

    def report(self, verbose: bool = False) -> str:
        lines = [f"{self.page.path.name} ({self.page.lang}) against {self.target}"]
        if self.new_action:
            lines.append(f"  new      {self.new_action}")
        shown = [c for c in self.changes if verbose or c.kind != "wording"]
        lines += [str(c) for c in sorted(shown, key=lambda c: (ORDER.index(c.kind), c.line))]
        wording = self.count("wording")
        lines.append(
            f"  = {self.differences} difference(s), {self.count('kept')} kept by corrections, "
            f"{self.count('lags')} lagging (English), {self.count('lost')} not represented"
            + (f", {wording} wording (-v shows them)" if wording and not verbose else "")
        )
        return "\n".join(lines)


class Spec:
    """The spec files as round-trip documents, edited in place and dumped on demand."""

    def __init__(self, spec_dir: Path) -> None:
        self.dir = spec_dir
        self.docs: dict[str, Any] = {}
        self.dirty: set[str] = set()
        self._book: build.Phrasebook | None = None
        self.page_pairs: list[tuple[pages.Page, pages.Page]] = []

    def doc(self, rel: str) -> Any:
        if rel not in self.docs:
            path = self.dir / rel
            self.docs[rel] = (
                build.yaml().load(path.read_text(encoding="utf-8")) if path.is_file() else None
            )
        return self.docs[rel]

    def touch(self, rel: str) -> None:
        self.dirty.add(rel)

    def catalogue(self) -> dict[int, CommentedMap]:
        doc = self.doc("errors.yaml")
        return {int(e["code"]): e for e in doc["errors"]} if doc else {}

    def action_files(self) -> list[str]:
        return sorted(f"actions/{p.name}" for p in (self.dir / "actions").glob("*.yaml"))

    def phrasebook(self) -> build.Phrasebook:
        """English texts by their Chinese, from the spec's files and from the pairs of pages
        of the run (built when a new entry is first written)."""
        if self._book is None:
            import yaml  # type: ignore[import-untyped]  # PyYAML's C loader: texts only, fast

            self._book = build.Phrasebook()
            for rel in [*self.action_files(), "errors.yaml"]:
                path = self.dir / rel
                if path.is_file():
                    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
                    self._book.learn(yaml.load(path.read_text(encoding="utf-8"), Loader=loader))
            for zh, en in self.page_pairs:
                self._book.learn_pages(zh, en)
        return self._book


# -- small helpers ------------------------------------------------------------------------------


def corrections(node: Any) -> list[CommentedMap]:
    value = node.get("correction") if isinstance(node, dict) else None
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def all_corrections(node: Any) -> Iterator[tuple[str, CommentedMap]]:
    """Every correction in an action file, with where it sits ("parameter backends", ...)."""

    def walk(n: Any, what: str) -> Iterator[tuple[str, CommentedMap]]:
        if isinstance(n, dict):
            for c in corrections(n):
                yield what, c
            for key in ("items",):
                if isinstance(n.get(key), dict):
                    yield from walk(n[key], what)
            for key in ("fields",):
                for f in n.get(key) or ():
                    yield from walk(f, f"{what}.{f.get('name')}")

    for p in node.get("parameters") or ():
        yield from walk(p, f"parameter {p.get('name')}")
    for r in node.get("response") or ():
        yield from walk(r, f"response field {r.get('path', r.get('name'))}")


def text_of(node: Any, lang: str) -> str:
    desc = node.get("description") if isinstance(node, dict) else None
    return str(desc.get(lang, "")) if isinstance(desc, dict) else ""


def ours(node: Any) -> bool:
    desc = node.get("description") if isinstance(node, dict) else None
    return isinstance(desc, dict) and desc.get("enSource") == "ours"


def norm(text: str) -> str:
    return squash(text).rstrip("。.;；").strip()


def same_values(a: list[Any], b: list[Any]) -> bool:
    def key(v: Any) -> str:
        return str(v).lower()

    return sorted(map(key, a)) == sorted(map(key, b))


def shown(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join("null" if v is None else str(v) for v in value) + "]"
    return str(value)


def quote_matches(quote: str, line_text: str) -> bool:
    """Whether a correction's quote is (part of) a page line: compared cleaned and raw."""
    qc, qr = clean(quote), squash(quote)
    if qr and qr in squash(line_text):
        return True
    return bool(qc) and cleans_only_markup(quote) and qc in clean(line_text)


def set_before(node: CommentedMap, key: str, value: Any, before: tuple[str, ...]) -> None:
    """Set ``key``; a new key goes just before the first of ``before`` the node has."""
    if key in node:
        node[key] = value
        return
    keys = list(node)
    at = next((keys.index(b) for b in before if b in keys), len(keys))
    node.insert(at, key, value)


RULE_KEYS_BEFORE = ("correction", "description", "items")


# -- the comparer -------------------------------------------------------------------------------


class Comparer:
    """Compares pages with ``spec``; ``siblings`` finds an action's page in the other
    language (from the same run, or by the spec's ``pages:``)."""

    def __init__(self, spec: Spec, pages_by_action: dict[str, dict[str, pages.Page]]) -> None:
        self.spec = spec
        self.by_action = pages_by_action
        for both in pages_by_action.values():
            if "zh" in both and "en" in both:
                spec.page_pairs.append((both["zh"], both["en"]))

    def sibling(self, page: pages.Page, doc: Any) -> pages.Page | None:
        other = "en" if page.lang == "zh" else "zh"
        found = self.by_action.get(page.action or "", {}).get(other)
        if found is not None:
            return found
        rel = (doc or {}).get("pages", {}).get(other) if isinstance(doc, dict) else None
        if rel:
            path = page.path.parent.parent / str(rel)
            if path.is_file():
                try:
                    found = pages.parse(path)
                except pages.PageError:
                    return None
                self.by_action.setdefault(page.action or "", {})[other] = found
                return found
        return None

    # -- one action page ------------------------------------------------------------------

    def compare(self, page: pages.Page) -> Comparison:
        rel = f"actions/{page.action}.yaml"
        result = Comparison(page, f"{self.spec.dir.name}/{rel}")
        doc = self.spec.doc(rel)
        if doc is None:
            self._new_action(page, rel, result)
            self._page_findings(page, result, None)
            return result
        ctx = _Context(self, page, rel, doc, result, self.sibling(page, doc))
        ctx.run()
        return result

    def _page_findings(self, page: pages.Page, result: Comparison, doc: Any) -> None:
        for loss in page.losses:
            result.add("lost", "page", loss.text, line=loss.line)
        for note in page.notes:
            result.add("note", "page", note.text, line=note.line)
        if doc is None:
            for f in page.faults:
                result.add(
                    "fault",
                    f.what,
                    f"{f.text}; a correction must record it (quote the page)",
                    line=f.line,
                )

    # -- a new action ----------------------------------------------------------------------

    def _new_action(self, page: pages.Page, rel: str, result: Comparison) -> None:
        zh = page if page.lang == "zh" else self.by_action.get(page.action or "", {}).get("zh")
        en = page if page.lang == "en" else self.by_action.get(page.action or "", {}).get("en")
        source = zh or page
        catalogue = self.spec.catalogue()
        new_codes = [e for e in source.errors if e.code not in catalogue]
        arrays = [p for p in source.params if p.type == "Array"]
        starts = any(o.name == "requestId" for o in source.outputs)
        read_only, _ = build.idempotent(source.action or "")
        facts = [
            f"{len(source.params)} parameter(s)" + (f" ({len(arrays)} array(s))" if arrays else ""),
            f"{_count_fields(source.outputs)} response field(s)",
            f"{len(source.errors)} error code(s)"
            + (f" ({len(new_codes)} new to the catalogue)" if new_codes else ""),
            "starts a task" if starts else "answers at once",
            "read-only, idempotent" if read_only else "not read-only: idempotent false, review",
        ]
        if en is None:
            facts.append("Chinese page only: every English text is ours")
        result.new_action = f"action {page.action}: " + "; ".join(facts)
        if page is not source:
            return  # written once, from the Chinese page's turn

        def apply() -> None:
            doc = new_action_doc(source, en, self.spec.phrasebook(), self.spec)
            self.spec.docs[rel] = doc
            self.spec.touch(rel)
            for e in source.errors:
                en_error = next((x for x in en.errors if x.code == e.code), None) if en else None
                add_error(self.spec, source, e, en_error)

        result.add(
            "new",
            f"action {page.action}",
            "written from " + " and ".join(p.path.name for p in (zh, en) if p is not None),
            apply,
        )
        for e in new_codes:
            result.add(
                "new",
                f"error {e.code}",
                f"{e.code_desc} (new to the catalogue): {e.description!r}",
                line=e.line,
            )


def _count_fields(outputs: list[pages.Output]) -> int:
    return sum(1 + _count_fields(o.fields) for o in outputs)


def new_action_doc(
    zh: pages.Page, en: pages.Page | None, book: build.Phrasebook, spec: Spec
) -> CommentedMap:
    """The spec file of an action no spec file has yet."""
    zh_only = en is None
    doc = CommentedMap()
    action = zh.action or ""
    doc["action"] = action
    doc["summary"] = build.text(zh.summary, en.summary if en else None, book, zh_only=zh_only)
    page_map = CommentedMap()
    page_map["zh"] = f"pages/{zh.path.name}" if zh.lang == "zh" else None
    page_map["en"] = f"pages/{en.path.name}" if en is not None else None
    doc["pages"] = page_map
    doc["startsTask"] = any(o.name == "requestId" for o in zh.outputs)
    value, why = build.idempotent(action)
    doc["idempotent"] = value
    doc.yaml_set_comment_before_after_key(
        "idempotent",
        before="Whether sending it twice has the effect of sending it once "
        f"(retries depend on it):\n{why}",
    )
    doc["parameters"] = CommentedSeq(
        [
            build.param(p, build.match(en.params, p.name) if en else None, book, zh_only)
            for p in zh.params
            if build.writable(p)
        ]
    )
    paging = build.pagination(zh)
    if paging is not None:
        doc["pagination"] = paging
    doc["errors"] = build.flow(e.code for e in zh.errors)
    doc["response"] = CommentedSeq(
        [
            build.output(o, build.match(en.outputs, o.name) if en else None, book, zh_only)
            for o in zh.outputs
            if build.writable(o)
        ]
    )
    if zh.example is not None:
        doc["example"] = build.example(*build.repair_request(zh))
    if zh.example_response is not None:
        doc["exampleResponse"] = build.plain(*build.repair_answer(zh))
    return doc


def retryable_guess(code_desc: str) -> bool:
    """The rule at the top of errors.yaml, applied to a code Tencent names: backend faults
    (InternalError.*) and busy states (IncorrectStatus.*, InvalidStatus.*) can pass."""
    family = code_desc.split(".")[0]
    return family in ("InternalError", "IncorrectStatus", "InvalidStatus")


def add_error(spec: Spec, page: pages.Page, e: pages.Error, en: pages.Error | None) -> None:
    """A module code the catalogue lacks, added in code order among the module codes,
    marked for review."""
    catalogue = spec.catalogue()
    if e.code in catalogue:
        return
    doc = spec.doc("errors.yaml")
    entries = doc["errors"]
    m = CommentedMap()
    m["code"] = e.code
    m["codeDesc"] = e.code_desc
    m["codeDescSource"] = "tencent"
    if any(str(x["codeDesc"]) == e.code_desc for x in entries):
        m["name"] = f"{e.code_desc}.Code{abs(e.code)}"
        m.yaml_add_eol_comment("shares its codeDesc with another code: a unique name", "name")
    m["scope"] = "module"
    m["retryable"] = retryable_guess(e.code_desc)
    m.yaml_add_eol_comment(f"from {page.path.name}, by the rule above: review", "retryable")
    m["description"] = build.text(
        e.description,
        en.description if en else None,
        spec.phrasebook(),
        zh_only=page.lang == "zh" and en is None,
    )
    at = next(
        (
            i
            for i, x in enumerate(entries)
            if x["scope"] == "module" and _code_key(int(x["code"])) > _code_key(e.code)
        ),
        len(entries),
    )
    entries.insert(at, m)
    spec.touch("errors.yaml")


def _code_key(code: int) -> tuple[int, int]:
    """The catalogue's order of module codes: negative codes first (most negative first), then
    the positive ones."""
    return (0, code) if code < 0 else (1, code)


# -- comparing one action page with its spec file -----------------------------------------------


class _Context:
    def __init__(
        self,
        comparer: Comparer,
        page: pages.Page,
        rel: str,
        doc: CommentedMap,
        result: Comparison,
        sibling: pages.Page | None,
    ) -> None:
        self.comparer = comparer
        self.spec = comparer.spec
        self.page = page
        self.rel = rel
        self.doc = doc
        self.result = result
        self.sibling = sibling
        # The Chinese page decides; an English page only where the action has no Chinese one.
        pages_node = doc.get("pages")
        has_zh = sibling is not None and sibling.lang == "zh"
        if not has_zh and isinstance(pages_node, dict):
            has_zh = pages_node.get("zh") is not None
        self.is_source = page.lang == "zh" or not has_zh

    def add(self, *args: Any, **kwargs: Any) -> None:
        self.result.add(*args, **kwargs)

    def edit(self, fn: Callable[[], None]) -> Apply:
        def run() -> None:
            fn()
            self.spec.touch(self.rel)

        return run

    def says(self, c: CommentedMap) -> bool:
        return self.page.says(str(c.get("page", "")))

    def kept_by(self, node: Any, fact: str) -> CommentedMap | None:
        for c in corrections(node):
            if fact in (c.get("facts") or ()) and self.says(c):
                return c
        return None

    def fact(
        self,
        node: Any,
        what: str,
        fact: str,
        spec_value: Any,
        page_value: Any,
        apply: Apply | None,
        line: int,
    ) -> None:
        c = self.kept_by(node, fact)
        detail = f"{fact}: spec {shown(spec_value)}, page {shown(page_value)}"
        if c is not None:
            self.add("kept", what, f"{detail} (correction: {c['why']})", line=line)
        elif not self.is_source:
            self.add(
                "changed",
                what,
                f"{detail}; the Chinese page decides: a correction that "
                "quotes this page must record the difference",
                line=line,
            )
        else:
            self.add("changed", what, detail, apply, line=line)

    # -- the run ---------------------------------------------------------------------------

    def run(self) -> None:
        page, doc = self.page, self.doc
        self._host()
        self._pages()
        self._summary()
        self._params(page.params, doc.get("parameters") or CommentedSeq(), "", top=True)
        if self.is_source:
            self._task_and_paging()
        self._response()
        self._errors()
        if self.is_source:
            self._example()
            self._example_response()
        else:
            self._answer_gaps()
        if self.is_source:
            self._english()
        self._faults()
        self._quotes()
        self.comparer._page_findings(page, self.result, doc)

    def _host(self) -> None:
        service = self.spec.doc("service.yaml")
        page = self.page
        if page.host is None or service is None or page.host == service["host"]:
            return
        what = "host"
        for where, c in all_corrections(self.doc):
            if self.says(c) and page.host in str(c["page"]):
                self.add(
                    "kept",
                    what,
                    f"spec {service['host']}, page {page.host} (correction at {where}: {c['why']})",
                    line=page.host_line,
                )
                return
        self.add(
            "fault",
            what,
            f"spec {service['host']}, page {page.host}: a correction must "
            "record it (quote the page)",
            line=page.host_line,
        )

    def _pages(self) -> None:
        want = f"pages/{self.page.path.name}"
        node = self.doc.get("pages")
        have = node.get(self.page.lang) if isinstance(node, dict) else None
        if have == want:
            return

        def apply() -> None:
            if not isinstance(self.doc.get("pages"), dict):
                m = CommentedMap()
                m["zh"] = None
                m["en"] = None
                set_before(self.doc, "pages", m, ("startsTask", "idempotent", "parameters"))
            self.doc["pages"][self.page.lang] = want

        self.add(
            "changed",
            "pages",
            f"{self.page.lang}: spec {shown(have)}, page {want}",
            self.edit(apply),
        )

    def _summary(self) -> None:
        summary = self.doc.get("summary")
        if not self.page.summary or not isinstance(summary, dict):
            return
        self._text(self.doc, "summary", self.page.summary, "summary", self.page.summary_line)

    def _text(
        self, node: Any, key: str, page_text: str, what: str, line: int, follows: bool = False
    ) -> None:
        """A description (or the summary) in the page's language: in step, kept by a
        correction, replacing ours (the English page now has it), or wording; where facts of
        the entry changed (``follows``), the page's text comes with them."""
        desc = node.get(key)
        if not isinstance(desc, dict):
            return
        lang = self.page.lang
        if lang == "en" and desc.get("enSource") == "ours":

            def take() -> None:
                desc["en"] = build.q(page_text)
                del desc["enSource"]

            self.add(
                "changed",
                what,
                f"the English page now has a text for it; ours is "
                f"replaced by Tencent's: {page_text!r}",
                self.edit(take),
                line,
            )
            return
        spec_text = str(desc.get(lang, ""))
        if norm(spec_text) == norm(page_text):
            return
        c = self.kept_by(node, "description")
        if c is not None:
            self.add(
                "kept", what, f"description: page {page_text!r} (correction: {c['why']})", line=line
            )
            return
        if follows:

            def take_text() -> None:
                desc[lang] = build.q(page_text)

            self.add(
                "changed",
                what,
                f"description ({lang}, with the facts above): spec "
                f"{spec_text!r}, page {page_text!r}",
                self.edit(take_text),
                line,
            )
            return
        self.add("wording", what, f"page {page_text!r}, spec {spec_text!r}", line=line)

    # -- parameters ------------------------------------------------------------------------

    def _params(
        self,
        page_params: list[pages.Param],
        seq: CommentedSeq,
        prefix: str,
        top: bool,
        array: CommentedMap | None = None,
    ) -> None:
        by_name = {str(n["name"]): n for n in seq}
        lower = {k.lower(): v for k, v in by_name.items()}
        matched: set[int] = set()
        other = {p.name for p in (self.sibling.params if self.sibling else [])}
        if not top and self.sibling is not None:
            parent = prefix.split(".")[0]
            owner = next((p for p in self.sibling.params if p.name == parent), None)
            other = {f.name for f in owner.fields} if owner else set()
        for p in page_params:
            what = f"parameter {prefix}{p.name}"
            node = by_name.get(p.name)
            if node is None and p.name.lower() in lower:
                node = lower[p.name.lower()]
                self._name(node, p, what)
            if node is None:
                self._new_param(p, seq, prefix, top, array, what)
                continue
            matched.add(id(node))
            self._param(node, p, what, prefix)
        for node in list(seq):
            if id(node) in matched:
                continue
            name = str(node["name"])
            what = f"parameter {prefix}{name}"
            if self._lagging(node, what, self.sibling is not None and name in other):
                continue
            self.add("removed", what, "not on the page", self.edit(_remover(seq, node)))

    def _lagging(self, node: CommentedMap, what: str, on_the_chinese_page: bool) -> bool:
        """An entry the English page lacks: lagging where its English text is ours, a fault
        where the Chinese page has it and the text is not marked so; on the Chinese page (or
        where neither has it) not lagging: removed."""
        if self.page.lang != "en":
            return False
        if ours(node):
            self.add("lags", what, "only the Chinese page has it; the English text is ours")
            return True
        if on_the_chinese_page:
            self.add("fault", what, "the Chinese page has it, the English page does not, and "
                     "its English text is not marked as ours (enSource: ours)")  # fmt: skip
            return True
        return False

    def _name(self, node: CommentedMap, p: pages.Param, what: str) -> None:
        row = squash(self.page.lines[p.line - 1]) if p.line else ""
        for c in corrections(node):
            if self.says(c) and quote_matches(str(c["page"]), row):
                self.add(
                    "kept",
                    what,
                    f"name: spec {node['name']}, page {p.name} (correction: {c['why']})",
                    line=p.line,
                )
                return
        self.add(
            "fault",
            what,
            f"name: spec {node['name']}, page {p.name}: the names differ "
            "in case; a correction must record which the service takes",
            line=p.line,
        )

    def _param(self, node: CommentedMap, p: pages.Param, what: str, prefix: str) -> None:
        before = len(self.result.changes)
        self._param_facts(node, p, what, prefix)
        changed = any(
            c.what == what and c.kind == "changed" and c.apply is not None
            for c in self.result.changes[before:]
        )
        self._text(node, "description", p.description, what, p.line, follows=changed)

    def _param_facts(self, node: CommentedMap, p: pages.Param, what: str, prefix: str) -> None:
        spec_type = str(node.get("type"))
        if p.type != spec_type:
            self.fact(node, what, "type", spec_type, p.type, self._set_type(node, p), p.line)
            return
        if p.required is not None and bool(node.get("required")) != p.required:

            def set_required() -> None:
                node["required"] = p.required

            self.fact(
                node,
                what,
                "required",
                str(bool(node.get("required"))).lower(),
                str(p.required).lower(),
                self.edit(set_required),
                p.line,
            )
        if p.type == "Array":
            self._array(node, p, what, prefix)
        else:
            self._rules(node, p, what)

    def _set_type(self, node: CommentedMap, p: pages.Param) -> Apply | None:
        if p.type not in (*pages.SCALARS,) or node.get("type") == "Array":
            return None

        def apply() -> None:
            node["type"] = p.type
            for key in ("range", "maxLength", "enum", "default"):
                node.pop(key, None)
            self._set_rules(node, p)

        return self.edit(apply)

    def _set_rules(self, node: CommentedMap, p: pages.Param) -> None:
        tmp = CommentedMap()
        build._scalar_rules(tmp, p)
        for key, value in tmp.items():
            set_before(node, key, value, RULE_KEYS_BEFORE)

    def _rules(self, node: CommentedMap, p: pages.Param, what: str) -> None:
        if p.type in ("Int", "UInt"):
            spec_range = tuple(node["range"]) if "range" in node else None
            if spec_range != p.range:

                def set_range() -> None:
                    if p.range is None:
                        node.pop("range", None)
                    else:
                        set_before(node, "range", build.flow(p.range), RULE_KEYS_BEFORE)

                self.fact(node, what, "range", spec_range, p.range, self.edit(set_range), p.line)
        if p.type == "String" and p.max_length is not None:
            if node.get("maxLength") != p.max_length:

                def set_length() -> None:
                    set_before(node, "maxLength", p.max_length, RULE_KEYS_BEFORE)

                self.fact(
                    node,
                    what,
                    "maxLength",
                    node.get("maxLength"),
                    p.max_length,
                    self.edit(set_length),
                    p.line,
                )
        spec_enum = list(node.get("enum") or [])
        if not same_values(spec_enum, p.enum):

            def set_enum() -> None:
                if p.enum:
                    set_before(node, "enum", build.flow(p.enum), RULE_KEYS_BEFORE)
                else:
                    node.pop("enum", None)

            self.fact(
                node, what, "enum", spec_enum or None, p.enum or None, self.edit(set_enum), p.line
            )
        spec_default = node.get("default")
        if str(spec_default).lower() != str(p.default).lower():

            def set_default() -> None:
                if p.default is None:
                    node.pop("default", None)
                else:
                    set_before(node, "default", p.default, RULE_KEYS_BEFORE)

            self.fact(
                node, what, "default", spec_default, p.default, self.edit(set_default), p.line
            )

    def _array(self, node: CommentedMap, p: pages.Param, what: str, prefix: str) -> None:
        spec_max = node.get("maxItems")
        if spec_max != p.max_items:

            def set_max() -> None:
                if p.max_items is None:
                    node.pop("maxItems", None)
                else:
                    set_before(node, "maxItems", p.max_items, RULE_KEYS_BEFORE)

            self.fact(node, what, "maxItems", spec_max, p.max_items, self.edit(set_max), p.line)
        items = node.get("items")
        if not isinstance(items, dict):
            return
        if p.fields:
            if "fields" not in items:
                self.fact(
                    node,
                    what,
                    "type",
                    f"Array of {items.get('type')}",
                    "Array of objects",
                    None,
                    p.line,
                )
                return
            self._params(p.fields, items["fields"], f"{prefix}{p.name}.n.", top=False, array=node)
            return
        if "fields" in items:
            self.fact(
                node, what, "type", "Array of objects", f"Array of {p.item_type}", None, p.line
            )
            return
        if p.item_type and str(items.get("type")) != p.item_type:
            self.fact(
                node,
                what,
                "type",
                f"Array of {items.get('type')}",
                f"Array of {p.item_type}",
                None,
                p.line,
            )

    def _new_param(
        self,
        p: pages.Param,
        seq: CommentedSeq,
        prefix: str,
        top: bool,
        array: CommentedMap | None,
        what: str,
    ) -> None:
        detail = f"{p.type}, {'required' if p.required else 'optional'}"
        if p.range:
            detail += f", range {shown(p.range)}"
        if p.enum:
            detail += f", one of {shown(p.enum)}"
        if p.default is not None:
            detail += f", default {p.default}"
        if p.max_items is not None:
            detail += f", at most {p.max_items} items"
        detail += f": {p.description!r}"
        if not build.writable(p):
            self.add("new", what, detail + " (a type the spec has not; not written)", line=p.line)
            return
        zh_only = self.page.lang == "zh" and (
            self.sibling is None or not _has_param(self.sibling, prefix, p.name)
        )
        if (
            self.page.lang == "en"
            and self.sibling is not None
            and not _has_param(self.sibling, prefix, p.name)
        ):
            self.add(
                "fault",
                what,
                detail + "; only the English page has it: the Chinese page "
                "decides (a correction must record it)",
                line=p.line,
            )
            return
        if not self.is_source:
            self.add("new", what, detail + " (the Chinese page lacks it)", line=p.line)
            return
        en = _find_param(self.sibling, prefix, p.name) if self.sibling else None

        def apply() -> None:
            seq.append(build.param(p, en, self.spec.phrasebook(), zh_only))
            example = self.doc.get("example")
            if top and self.page.example and p.name in self.page.example:
                if example is None:
                    example = self.doc["example"] = CommentedMap()
                example[p.name] = build.example({p.name: self.page.example[p.name]})[p.name]

        self.add(
            "new",
            what,
            detail + (" (Chinese page only: the English text is ours)" if zh_only else ""),
            self.edit(apply),
            p.line,
        )

    # -- task, paging ----------------------------------------------------------------------

    def _task_and_paging(self) -> None:
        starts = any(o.name == "requestId" for o in self.page.outputs)
        if bool(self.doc.get("startsTask")) != starts:

            def set_task() -> None:
                self.doc["startsTask"] = starts

            self.add(
                "changed",
                "startsTask",
                f"spec {bool(self.doc.get('startsTask'))}, page "
                f"{'returns' if starts else 'returns no'} requestId",
                self.edit(set_task),
            )
        read_only, why = build.idempotent(self.page.action or "")
        if read_only and self.doc.get("idempotent") is not True:

            def set_idem() -> None:
                self.doc["idempotent"] = True

            self.add(
                "changed",
                "idempotent",
                f"spec {self.doc.get('idempotent')}: a read-only action is idempotent ({why})",
                self.edit(set_idem),
            )
        want = build.pagination(self.page)
        have = self.doc.get("pagination")
        want_d = dict(want) if want else None
        have_d = dict(have) if isinstance(have, dict) else None
        if want_d != have_d:

            def set_paging() -> None:
                if want is None:
                    self.doc.pop("pagination", None)
                else:
                    set_before(self.doc, "pagination", want, ("errors", "response"))

            self.add(
                "changed", "pagination", f"spec {have_d}, page {want_d}", self.edit(set_paging)
            )
        names = {p.name for p in self.page.params}
        if want is None and {"offset", "limit"} <= names:
            self.add(
                "lost",
                "pagination",
                "offset and limit in, but no total count out beside one array: no iterator",
            )

    # -- the response ----------------------------------------------------------------------

    def _response(self) -> None:
        seq = self.doc.get("response")
        if seq is None:
            seq = self.doc["response"] = CommentedSeq()
        tree = _spec_tree(seq)
        other = self.sibling.outputs if self.sibling else None
        self._outputs(self.page.outputs, tree, seq, (), other)

    def _outputs(
        self,
        outs: list[pages.Output],
        tree: dict[str, _Node],
        seq: CommentedSeq | None,
        path: tuple[str, ...],
        other: list[pages.Output] | None,
    ) -> None:
        matched: set[str] = set()
        other_names = {o.name for o in other} if other is not None else set()
        for o in outs:
            where = ".".join((*path, o.name))
            what = f"response field {where}"
            n = tree.get(o.name)
            if n is None:
                self._new_output(o, seq, path, what, other_names)
                continue
            matched.add(o.name)
            if n.node is None:  # the object a lifted field sits in (data of data.status)
                sub_other = next((x.fields for x in other or () if x.name == o.name), None)
                self._outputs(o.fields, n.children, None, (*path, o.name), sub_other)
                continue
            self._output(n, o, what, other, path)
        for name, n in tree.items():
            if name in matched:
                continue
            where = ".".join((*path, name))
            what = f"response field {where}"
            node = n.node
            if node is None:
                if any(
                    self._spec_only_kept(c.node, ".".join((*path, name, k)))
                    for k, c in n.children.items()
                    if c.node is not None
                ):
                    continue
                self.add("removed", what, "not on the page")
                continue
            if self._spec_only_kept(node, where):
                continue
            if self._lagging(node, what, name in other_names):
                continue
            remove = self.edit(_remover(n.seq, node)) if n.seq is not None else None
            self.add("removed", what, "not on the page", remove)

    def _spec_only_kept(self, node: CommentedMap, where: str) -> bool:
        """A field the spec has and the page's table does not, kept by a correction the page
        says (e.g. a field only the page's example shows)."""
        for c in corrections(node):
            if self.says(c) and not c.get("facts"):
                self.add(
                    "kept",
                    f"response field {where}",
                    f"not in the page's table; the "
                    f"page says {str(c['page'])!r} (correction: {c['why']})",
                )
                return True
        return False

    def _output(
        self,
        n: _Node,
        o: pages.Output,
        what: str,
        other: list[pages.Output] | None,
        path: tuple[str, ...],
    ) -> None:
        node = n.node
        assert node is not None
        spec_type = str(node.get("type"))
        if spec_type != o.type:
            self.fact(node, what, "type", spec_type, o.type, None, o.line)
            return
        if self.is_source:
            spec_required = node.get("required", True) is not False
            if spec_required != o.required:

                def set_required() -> None:
                    if o.required:
                        node.pop("required", None)
                    else:
                        set_before(
                            node,
                            "required",
                            False,
                            ("allowed", "enum", "correction", "description"),
                        )

                self.fact(
                    node,
                    what,
                    "required",
                    str(spec_required).lower(),
                    f"{str(o.required).lower()} (the example "
                    f"{'has it' if o.required else 'leaves it out, or a value decides'})",
                    self.edit(set_required),
                    o.line,
                )
        if o.type in pages.SCALARS:
            spec_allowed = list(node.get("allowed") or [])
            enum = node.get("enum")
            if isinstance(enum, dict):
                spec_allowed = [v["value"] for v in enum.get("values") or ()]
            if not same_values(spec_allowed, o.allowed):

                def set_allowed() -> None:
                    if o.allowed:
                        set_before(
                            node, "allowed", build.flow(o.allowed), ("correction", "description")
                        )
                    else:
                        node.pop("allowed", None)

                apply = self.edit(set_allowed) if not isinstance(enum, dict) else None
                self.fact(
                    node, what, "allowed", spec_allowed or None, o.allowed or None, apply, o.line
                )
        self._text(node, "description", o.description, what, o.line)
        if o.type == "Array" and not o.fields:
            items = node.get("items")
            spec_item = str(items.get("type")) if isinstance(items, dict) else None
            if isinstance(items, dict) and "fields" in items:
                self.fact(
                    node, what, "type", "Array of objects", f"Array of {o.item_type}", None, o.line
                )
            elif spec_item != o.item_type and o.item_type:
                self.fact(
                    node,
                    what,
                    "type",
                    f"Array of {spec_item}",
                    f"Array of {o.item_type}",
                    None,
                    o.line,
                )
            return
        if o.fields or o.type == "Object":
            container = node.get("items") if o.type == "Array" else node
            fields = container.get("fields") if isinstance(container, dict) else None
            if fields is None:
                self.fact(
                    node,
                    what,
                    "type",
                    f"{o.type} of {container.get('type')}"
                    if isinstance(container, dict)
                    else o.type,
                    f"{o.type} of objects",
                    None,
                    o.line,
                )
                return
            sub_other = next((x.fields for x in other or () if x.name == o.name), None)
            self._outputs(o.fields, _spec_tree(fields), fields, (*path, o.name), sub_other)

    def _new_output(
        self,
        o: pages.Output,
        seq: CommentedSeq | None,
        path: tuple[str, ...],
        what: str,
        other_names: set[str],
    ) -> None:
        detail = (
            f"{o.type}"
            + (f" of {o.item_type}" if o.item_type else "")
            + ("" if o.required else ", may be absent")
            + f": {o.description!r}"
        )
        if not build.writable(o):
            self.add("new", what, detail + " (the spec cannot hold it; not written)", line=o.line)
            return
        if self.page.lang == "en" and self.sibling is not None and o.name not in other_names:
            self.add(
                "fault",
                what,
                detail + "; only the English page has it: the Chinese page "
                "decides (a correction must record it)",
                line=o.line,
            )
            return
        if seq is None or not self.is_source:
            self.add("new", what, detail, line=o.line)
            return
        en = None
        if self.sibling is not None:
            en = _find_output(self.sibling.outputs, (*path, o.name))
        zh_only = self.sibling is None or en is None

        def apply() -> None:
            seq.append(build.output(o, en, self.spec.phrasebook(), zh_only))

        self.add("new", what, detail, self.edit(apply), o.line)

    # -- errors ----------------------------------------------------------------------------

    def _errors(self) -> None:
        codes = self.doc.get("errors")
        if codes is None:
            codes = self.doc["errors"] = build.flow([])
        catalogue = self.spec.catalogue()
        other = {e.code for e in self.sibling.errors} if self.sibling else set()
        for e in self.page.errors:
            entry = catalogue.get(e.code)
            what = f"error {e.code}"
            if entry is not None and str(entry["codeDesc"]) != e.code_desc:

                def rename(entry: CommentedMap = entry, e: pages.Error = e) -> None:
                    entry["codeDesc"] = e.code_desc
                    entry["codeDescSource"] = "tencent"
                    self.spec.touch("errors.yaml")

                self.add(
                    "changed",
                    what,
                    f"codeDesc: spec {entry['codeDesc']}, page {e.code_desc}",
                    rename,
                    e.line,
                )
            if e.code in codes:
                continue
            if self.page.lang == "en" and self.sibling is not None and e.code not in other:
                self.add(
                    "fault",
                    what,
                    f"{e.code_desc}: only the English page lists it; the Chinese page decides",
                    line=e.line,
                )
                continue
            known = "in the catalogue" if entry is not None else "new to the catalogue"
            en_error = None
            if self.sibling is not None and self.sibling.lang == "en":
                en_error = next((x for x in self.sibling.errors if x.code == e.code), None)

            def add(e: pages.Error = e, en_error: pages.Error | None = en_error) -> None:
                add_error(self.spec, self.page, e, en_error)
                if e.code not in codes:
                    codes.append(e.code)
                self.spec.touch(self.rel)

            if not self.is_source:
                self.add(
                    "new",
                    what,
                    f"{e.code_desc} ({known}): {e.description!r}; the Chinese page decides",
                    line=e.line,
                )
                continue
            self.add("new", what, f"{e.code_desc} ({known}): {e.description!r}", add, e.line)
        on_page = {e.code for e in self.page.errors}
        for code in list(codes):
            if code in on_page:
                continue
            entry = catalogue.get(int(code))
            desc = f"{entry['codeDesc']}, " if entry is not None else ""
            if self.page.lang == "en" and code in other:
                self.add("lags", f"error {code}", f"{desc}only the Chinese page lists it")
                continue

            def remove(code: int = code) -> None:
                codes.remove(code)

            self.add(
                "removed",
                f"error {code}",
                f"{desc}not in the page's table",
                self.edit(remove) if self.is_source else None,
            )

    # -- the examples ----------------------------------------------------------------------

    def _fault_paths(self, kind: str) -> set[tuple[str, ...]]:
        return {f.path for f in self.page.faults if f.kind == kind and f.path}

    def _example(self) -> None:
        self._example_json("example", self.page.example, "param", "request", build.example)

    def _example_response(self) -> None:
        self._example_json(
            "exampleResponse", self.page.example_response, "response", "answer", build.plain
        )

    def _example_json(
        self, key: str, page_value: Any, fault_kind: str, noun: str,
        to_yaml: Callable[[Any], CommentedMap],
    ) -> None:  # fmt: skip
        """The page's example request or answer against the spec's: where the page has a
        fault the spec's value stands; elsewhere the page's is the spec's."""
        if page_value is None:
            return
        have = self.doc.get(key)
        spec_value = _plain(have) if have is not None else None
        skip = self._fault_paths(fault_kind)
        differing = (
            _diff(page_value, spec_value, (), skip)
            if spec_value is not None
            else ["the spec has none"]
        )
        if not differing:
            return

        def apply() -> None:
            value = to_yaml(_merge(page_value, spec_value, (), skip))
            if have is None:
                set_before(self.doc, key, value, ("exampleResponse",))
            else:
                _replace_map(have, value)

        shown_diffs = "; ".join(differing[:6]) + (" …" if len(differing) > 6 else "")
        self.add("changed", key, f"the page's example {noun} differs: {shown_diffs}",
                 self.edit(apply))  # fmt: skip

    # -- the English texts -----------------------------------------------------------------

    def _english(self) -> None:
        """English texts not written yet; and on an action Tencent publishes only in Chinese,
        every English text marked as ours."""
        pages_node = self.doc.get("pages")
        zh_only = self.sibling is None and (
            not isinstance(pages_node, dict) or pages_node.get("en") is None
        )
        for what, desc in _texts(self.doc):
            if str(desc.get("en", "")) == build.UNWRITTEN:
                self.add(
                    "changed",
                    what,
                    "the English text is not written yet (Tencent has none: it is ours to write)",
                )
            if zh_only and desc.get("enSource") != "ours":

                def mark(desc: CommentedMap = desc) -> None:
                    build.append(desc, "enSource", "ours")

                self.add(
                    "changed",
                    what,
                    "Tencent has no English page of this action: the "
                    "English text is ours and must say so (enSource: ours)",
                    self.edit(mark),
                )

    def _answer_gaps(self) -> None:
        """Fields the spec requires that the (English) page's example answer leaves out: lagging
        where the English page lacks the field, else a page error to record."""
        answer = self.page.example_response
        if not isinstance(answer, dict):
            return

        def walk(tree: dict[str, _Node], instances: list[Any], path: tuple[str, ...]) -> None:
            for name, n in tree.items():
                present = [i[name] for i in instances if isinstance(i, dict) and name in i]
                node = n.node
                where = ".".join((*path, name))
                if (
                    node is not None
                    and node.get("required", True) is not False
                    and len(present) < len(instances)
                ):
                    if ours(node):
                        self.add(
                            "lags",
                            f"response field {where}",
                            "the English example answer leaves it out, as its table does",
                        )
                    else:
                        self._gap(node, where)
                    continue
                inner: list[Any] = []
                for v in present:
                    inner += v if isinstance(v, list) else [v]
                walk(n.children, inner, (*path, name))

        walk(_spec_tree(self.doc.get("response") or []), [answer], ())

    def _gap(self, node: CommentedMap, where: str) -> None:
        what = f"response field {where}"
        text = "the example answer leaves out a field the spec requires"
        for c in corrections(node):
            if self.says(c) and quote_matches(str(c["page"]), self.page.example_response_text):
                self.add(
                    "kept",
                    what,
                    f"{text} (correction: {c['why']})",
                    line=self.page.example_response_line,
                )
                return
        self.add(
            "fault",
            what,
            f"{text}; a correction on it must record it (quote the example answer)",
            line=self.page.example_response_line,
        )

    # -- page errors and correction quotes --------------------------------------------------

    def _faults(self) -> None:
        for f in self.page.faults:
            node = self._node_for(f)
            kept = None
            candidates = corrections(node) if node is not None else []
            if f.kind in ("action", "error") or node is None:
                candidates = [c for _, c in all_corrections(self.doc)]
            for c in candidates:
                if self.says(c) and quote_matches(str(c["page"]), f.quote):
                    kept = c
                    break
            if kept is not None:
                self.add("kept", f.what, f"{f.text} (correction: {kept['why']})", line=f.line)
            else:
                where = f"the entry {f.what}" if node is not None else "an entry of the action"
                self.add(
                    "fault",
                    f.what,
                    f"{f.text}; a correction on {where} must record it (quote the page)",
                    line=f.line,
                )

    def _node_for(self, f: pages.Fault) -> Any:
        if f.kind == "param":
            seq = self.doc.get("parameters") or []
            node: Any = None
            for i, name in enumerate(f.path):
                found = next((n for n in seq if str(n.get("name")).lower() == name.lower()), None)
                if found is None:
                    return node if i else None
                node = found
                items = node.get("items")
                seq = items.get("fields") or [] if isinstance(items, dict) else []
            return node
        if f.kind == "response":
            tree = _spec_tree(self.doc.get("response") or [])
            node = None
            for name in f.path:
                n = tree.get(name)
                if n is None:
                    return None
                node = n.node
                tree = n.children
            return node
        return None

    def _quotes(self) -> None:
        """Each correction's quote: still on this page (a correction of facts says nothing
        here; one without facts is listed as kept), on the other language's page, or on
        neither (the page was fixed: the correction may be obsolete)."""
        reported = {c.detail for c in self.result.changes}
        for where, c in all_corrections(self.doc):
            quote = str(c.get("page", ""))
            if self.says(c):
                if not c.get("facts") and not any(
                    quote in d or str(c["why"]) in d for d in reported
                ):
                    self.add("kept", where, f"the page says {quote!r} (correction: {c['why']})")
                continue
            if self.sibling is not None and self.sibling.says(quote):
                continue
            self.add(
                "note",
                where,
                f"neither page says {quote!r} any more; the correction may be obsolete",
            )


def _texts(doc: Any) -> Iterator[tuple[str, CommentedMap]]:
    """Every bilingual text of an action file, with what it describes."""
    if isinstance(doc.get("summary"), dict):
        yield "summary", doc["summary"]

    def fields(seq: Any, prefix: str, sep: str) -> Iterator[tuple[str, CommentedMap]]:
        for node in seq or ():
            name = f"{prefix}{node.get('path', node.get('name'))}"
            if isinstance(node.get("description"), dict):
                yield name, node["description"]
            items = node.get("items")
            sub = items.get("fields") if isinstance(items, dict) else node.get("fields")
            yield from fields(sub, f"{name}{sep}", sep)
            enum = node.get("enum")
            if isinstance(enum, dict):
                for v in enum.get("values") or ():
                    if isinstance(v.get("description"), dict):
                        yield f"{name} = {v.get('value')}", v["description"]

    yield from fields(doc.get("parameters"), "parameter ", ".n.")
    yield from fields(doc.get("response"), "response field ", ".")


def _remover(seq: CommentedSeq, node: CommentedMap) -> Callable[[], None]:
    def remove() -> None:
        seq.remove(node)

    return remove


def _has_param(page: pages.Page, prefix: str, name: str) -> bool:
    return _find_param(page, prefix, name) is not None


def _find_param(page: pages.Page | None, prefix: str, name: str) -> pages.Param | None:
    if page is None:
        return None
    if not prefix:
        return next((p for p in page.params if p.name == name), None)
    parent = prefix.split(".")[0]
    owner = next((p for p in page.params if p.name == parent), None)
    return next((f for f in owner.fields if f.name == name), None) if owner else None


def _find_output(outs: list[pages.Output], path: tuple[str, ...]) -> pages.Output | None:
    node: pages.Output | None = None
    for name in path:
        node = next((o for o in outs if o.name == name), None)
        if node is None:
            return None
        outs = node.fields
    return node


@dataclass
class _Node:
    """A response field of the spec, as a tree: ``node`` is None for the object a lifted field
    (``path: data.status``) sits in."""

    node: CommentedMap | None
    seq: CommentedSeq | None
    children: dict[str, _Node] = field(default_factory=dict)


def _spec_tree(seq: Any) -> dict[str, _Node]:
    tree: dict[str, _Node] = {}
    for node in seq or ():
        keys = str(node.get("path", node["name"])).split(".")
        level = tree
        for key in keys[:-1]:
            level = level.setdefault(key, _Node(None, None)).children
        n = _Node(node, seq)
        container = node.get("items") if node.get("type") == "Array" else node
        fields = container.get("fields") if isinstance(container, dict) else None
        if fields is not None:
            n.children = _spec_tree(fields)
        level[keys[-1]] = n
    return tree


def _plain(node: Any) -> Any:
    """A round-trip YAML value as plain JSON values (ruamel's scalars are subclasses)."""
    if isinstance(node, dict):
        return {str(k): _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    if isinstance(node, str):
        return str(node)
    if isinstance(node, bool):
        return bool(node)
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    return node


def _skipped(path: tuple[str, ...], skip: set[tuple[str, ...]]) -> bool:
    named = tuple(p for p in path if not p.isdigit())
    return named in skip


def _diff(page: Any, spec: Any, path: tuple[str, ...], skip: set[tuple[str, ...]]) -> list[str]:
    """Where two JSON values differ (paths with a page fault are the spec's to decide)."""
    if _skipped(path, skip):
        return []
    where = ".".join(path) or "the whole"
    if isinstance(page, dict) and isinstance(spec, dict):
        out: list[str] = []
        for k in page:
            if k not in spec:
                if not _skipped((*path, k), skip):
                    out.append(f"{'.'.join((*path, k))}: not in the spec")
                continue
            out += _diff(page[k], spec[k], (*path, k), skip)
        out += [
            f"{'.'.join((*path, k))}: not on the page"
            for k in spec
            if k not in page and not _skipped((*path, k), skip)
        ]
        return out
    if isinstance(page, list) and isinstance(spec, list):
        if len(page) != len(spec):
            return [f"{where}: {len(page)} item(s) on the page, {len(spec)} in the spec"]
        out = []
        for i, (a, b) in enumerate(zip(page, spec, strict=True)):
            out += _diff(a, b, (*path, str(i)), skip)
        return out
    if page != spec or type(page) is not type(spec):
        return [f"{where}: page {page!r}, spec {spec!r}"]
    return []


def _merge(page: Any, spec: Any, path: tuple[str, ...], skip: set[tuple[str, ...]]) -> Any:
    """The page's value, with the spec's where the page has a fault."""
    if _skipped(path, skip) and spec is not None:
        return spec
    if isinstance(page, dict):
        sd = spec if isinstance(spec, dict) else {}
        merged = {k: _merge(v, sd.get(k), (*path, k), skip) for k, v in page.items()}
        for k, v in sd.items():
            if k not in merged and _skipped((*path, k), skip):
                merged[k] = v
        return merged
    if isinstance(page, list):
        s = spec if isinstance(spec, list) and len(spec) == len(page) else [None] * len(page)
        return [
            _merge(a, b, (*path, str(i)), skip)
            for i, (a, b) in enumerate(zip(page, s, strict=True))
        ]
    return page


def _replace_map(target: CommentedMap, value: CommentedMap) -> None:
    for k in list(target):
        if k not in value:
            del target[k]
    for k, v in value.items():
        target[k] = v


def compare_shared(spec: Spec, page: pages.Page) -> Comparison:
    """The shared pages: the regions (common parameters page) and the common error codes."""
    if page.kind == "common-params":
        return _compare_regions(spec, page)
    if page.kind == "error-codes":
        return _compare_common_errors(spec, page)
    result = Comparison(page, "(nothing: a shared page of no facts the spec holds)")
    return result


def _compare_regions(spec: Spec, page: pages.Page) -> Comparison:
    result = Comparison(page, f"{spec.dir.name}/service.yaml")
    service = spec.doc("service.yaml")
    if service is None:
        return result
    regions = service.get("regions") or CommentedSeq()
    by_code = {str(r["code"]): r for r in regions}
    for code, name, line in page.regions:
        node = by_code.get(code)
        if node is None:

            def add(code: str = code, name: str = name) -> None:
                m = CommentedMap()
                m["code"] = code
                m["description"] = build.text(name, None, spec.phrasebook(), zh_only=True)
                regions.append(m)
                spec.touch("service.yaml")

            result.add("new", f"region {code}", name, add, line)
            continue
        desc = node.get("description") or {}
        if norm(str(desc.get(page.lang, ""))) != norm(name):
            result.add(
                "wording",
                f"region {code}",
                f"page {name!r}, spec {desc.get(page.lang)!r}",
                line=line,
            )
    on_page = {code for code, _, _ in page.regions}
    for code in by_code:
        if code not in on_page:
            kind = "lags" if page.lang == "en" else "removed"
            result.add(
                kind,
                f"region {code}",
                "not on the page"
                + (
                    " (the English page lists fewer regions than the Chinese one)"
                    if kind == "lags"
                    else ""
                ),
            )
    common = {str(p["name"]): p for p in service.get("commonParameters") or ()}
    for p in page.common_params:
        node = common.get(p.name)
        if node is None:
            result.add("new", f"common parameter {p.name}", p.type, line=p.line)
        elif str(node.get("type")) != p.type:
            result.add(
                "changed",
                f"common parameter {p.name}",
                f"type: spec {node['type']}, page {p.type}",
                line=p.line,
            )
    for loss in page.losses:
        result.add("lost", "page", loss.text, line=loss.line)
    return result


def _compare_common_errors(spec: Spec, page: pages.Page) -> Comparison:
    result = Comparison(page, f"{spec.dir.name}/errors.yaml")
    catalogue = spec.catalogue()
    for e in page.errors:
        entry = catalogue.get(e.code)
        what = f"error {e.code}"
        if entry is None:
            result.add(
                "new",
                what,
                f"a common code ({e.type_name}); the catalogue needs a codeDesc of ours for it",
                line=e.line,
            )
            continue
        if entry.get("scope") != "common":
            result.add(
                "changed", what, f"scope: spec {entry.get('scope')}, page common", line=e.line
            )
    return result
