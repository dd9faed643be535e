"""Load the YAML spec into the IR.

Three steps, each over every file before anything is built, so that every problem is reported
at once with its ``file:line:column`` (a :class:`SpecError`; nothing is built from a spec that
has any):

1. read: YAML with positions (:mod:`generator.yamlpos`);
2. shapes: each document against the tables of :mod:`generator.schema` (keys, kinds, which
   keys apply to which type);
3. build: the IR, with Python names decided once (:mod:`generator.naming`), and the rules
   across entries and files: values inside their own enum, range and length; names that
   collide; classes shared by ``model`` with the same fields; pagination, tasks, examples.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol, TypeVar

from . import classes, examples, ir, schema, yamlpos
from .naming import constant, identifier, iterator, literal_type, model_class, pascal, result_class
from .schema import Checker, Pos, Problem, item_pos, key_pos, pos_of, value_pos


class _Named(Protocol):
    @property
    def py_name(self) -> str: ...


T = TypeVar("T", bound=_Named)

#: Names the generated client class has already; an action method may not take them.
CLIENT_ATTRIBUTES = frozenset(
    {"close", "credentials", "endpoint", "http_method", "region", "sign_method", "timeout",
     "wait_for_task"}
)  # fmt: skip
#: Names the package exports besides the models and errors; no model may take them.
PACKAGE_NAMES = frozenset({"AsyncClient", "Client", "Credentials", "Retry", "Timeout"})
#: The facts a correction may keep (see spec/README.md).
CORRECTION_FACTS = schema.CORRECTION_FACTS


class SpecError(Exception):
    """The spec has problems; ``problems`` lists each with its position."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.file, p.line, p.column, p.message))
        super().__init__("\n".join(str(p) for p in self.problems))


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


def _text(node: Any) -> ir.Text:
    return ir.Text(node["en"].strip(), node["zh"].strip(), node.get("enSource") == "ours")


def _items(node: Any, key: str) -> Iterable[tuple[int, Any, Pos]]:
    """(index, item, position) of the list under ``key`` (nothing if it is not a list)."""
    seq = node.get(key)
    if not isinstance(seq, list):
        return ()
    parent = value_pos(node, key)
    return ((i, item, item_pos(seq, i, parent)) for i, item in enumerate(seq))


# -- service ------------------------------------------------------------------------------


def _service(c: Checker, doc: Any) -> ir.Service | None:
    if not c.check(doc, schema.SERVICE, pos=(0, 0)):
        return None
    commons = tuple(
        ir.CommonParam(m["name"], m["type"], m["required"], _text(m["description"]))
        for m in doc["commonParameters"]
    )
    regions = tuple(
        ir.Region(m["code"], m.get("alias"), _text(m["description"])) for m in doc["regions"]
    )
    return ir.Service(
        name=doc["service"], title=_text(doc["title"]), host=doc["host"], path=doc["path"],
        scheme=doc["scheme"], signature_methods=tuple(doc["signatureMethods"]),
        server_default_signature_method=doc["serverDefaultSignatureMethod"],
        http_methods=tuple(doc["httpMethods"]), task_action=doc["taskAction"],
        common_params=commons, regions=regions,
    )  # fmt: skip


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


def _errors(c: Checker, doc: Any) -> list[_RawError]:
    c.check(doc, schema.ERRORS, pos=(0, 0))
    if not isinstance(doc, dict):
        return []
    return [
        _RawError(
            m["code"],
            m["codeDesc"],
            m["codeDescSource"] == "ours",
            m.get("name"),
            m["scope"],
            m["retryable"],
            _text(m["description"]),
            pos,
        )
        for _, m, pos in _items(doc, "errors")
        if c.valid(m)
    ]


def _catalogue(
    c: Checker, raw: list[_RawError]
) -> tuple[list[ir.ErrorEntry], list[tuple[str, str]]]:
    """Entries with class names and families; the family classes no entry stands for."""
    by_code: dict[int, _RawError] = {}
    by_identity: dict[str, _RawError] = {}
    classes: dict[str, str] = {}  # class name -> what claims it
    entries: list[ir.ErrorEntry] = []
    family_entries = {e.code_desc for e in raw if "." not in e.code_desc and e.name is None}
    for e in raw:
        line = e.pos[0] + 1
        if e.code in by_code:
            c.error(e.pos, f"duplicate code {e.code}, first at line {by_code[e.code].pos[0] + 1}")
            continue
        by_code[e.code] = e
        identity = e.name or e.code_desc
        if identity in by_identity:
            first = by_identity[identity]
            c.error(
                e.pos,
                f"codes {first.code} and {e.code} are both {identity!r}; give one of them a "
                "distinct 'name'",
            )
            continue
        by_identity[identity] = e
        class_name = pascal(identity)
        family_segment = e.code_desc.split(".", 1)[0]
        if class_name in classes:
            c.error(
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
            c.error(
                (0, 0),
                f"the error family {segment!r} becomes the Python class {entry.family}, "
                f"which {classes[entry.family]} already is",
            )
            continue
        families.append((entry.family, segment))
    entries.sort(key=lambda e: (e.scope != "common", e.code))
    return entries, sorted(families)


# -- actions ------------------------------------------------------------------------------


class _Action:
    """Builds one action file's IR; problems go to its checker, classes to ``claims``."""

    def __init__(self, c: Checker, doc: Any, stem: str, claims: list[classes.Claim]) -> None:
        self.c = c
        self.doc = doc
        self.stem = stem
        self.claims = claims
        self.ok = True
        self.prefix = stem  # class names default to <Action><Name>

    def error(self, pos: Pos, message: str) -> None:
        self.c.error(pos, message)
        self.ok = False

    def claim(
        self, class_name: str, kind: str, owner: str, shape: Any, explicit: bool, pos: Pos
    ) -> None:
        self.claims.append(
            classes.Claim(class_name, kind, owner, shape, explicit, self.c.file, pos)
        )

    def valid(self, node: Any, key: Any = None) -> bool:
        """Whether the shape check passed ``node`` (or its ``key``); the action is not built
        when one did not."""
        ok = self.c.valid(node) if key is None else self.c.valid(node, key)
        self.ok = self.ok and ok
        return ok

    # -- the whole file ------------------------------------------------------------------

    def build(self, catalogue: dict[int, ir.ErrorEntry] | None) -> ir.Action | None:
        c, doc = self.c, self.doc
        if not c.check(doc, schema.ACTION, pos=(0, 0)):
            self.ok = False
        if not isinstance(doc, dict):
            return None
        name = doc.get("action") if c.valid(doc, "action") else None
        if name is not None and name != self.stem:
            self.error(
                value_pos(doc, "action"), f"action {name!r} must match the file name {self.stem!r}"
            )
            name = None
        if name is not None:  # first: an entry whose default name is taken is the one to rename
            pos = value_pos(doc, "action")
            self.claim(result_class(name), "result", f"the result of {name}", None, False, pos)
        pages = self.pages()
        params = self.params()
        errors = self.errors(catalogue)
        response = self.response()
        example = self.example(params)
        example_response = self.example_response(response)
        pagination = self.pagination(params, response)
        starts_task = doc.get("startsTask") is True
        task_id = self.task_id(response) if starts_task else None
        if pages is not None and pages.en is None:
            self.english_is_ours()
        if not self.ok or name is None or params is None or response is None:
            return None
        assert errors is not None and example is not None
        return ir.Action(
            name=name, py_name=identifier(name), const_name=constant(name),
            result_class=result_class(name), summary=_text(doc["summary"]),
            starts_task=starts_task, idempotent=doc["idempotent"], task_id=task_id,
            params=tuple(params), errors=tuple(errors), response=tuple(response),
            example=tuple(example), source=c.file, pagination=pagination,
            example_response=example_response, pages=pages,
        )  # fmt: skip

    def pages(self) -> ir.Pages | None:
        node = self.doc.get("pages")
        if node is None or not self.valid(self.doc, "pages"):
            return None
        if node["zh"] is None and node["en"] is None:
            self.error(value_pos(self.doc, "pages"), "pages: zh or en must name a page")
            return None
        return ir.Pages(node["zh"], node["en"])

    def english_is_ours(self) -> None:
        """Without an English page, every English text is ours, and must say so."""
        stack: list[Any] = [self.doc]
        while stack:
            node = stack.pop()
            if isinstance(node, dict):
                if set(node) >= {"en", "zh"} and isinstance(node.get("en"), str):
                    if node.get("enSource") != "ours":
                        self.error(
                            pos_of(node),
                            "Tencent has no English page of this action (pages.en is null), "
                            "so this English text is ours: mark it 'enSource: ours'",
                        )
                    continue
                stack.extend(v for k, v in node.items() if k not in ("example", "exampleResponse"))
            elif isinstance(node, list):
                stack.extend(node)

    # -- parameters ----------------------------------------------------------------------

    def entries(
        self, node: Any, key: str, where: str, build: Callable[[Any, str, Pos], T | None], what: str
    ) -> list[T] | None:
        """The entries of the list under ``key``, each built by ``build(entry, where, pos)``
        (None when one has problems); no two with one name or one Python name."""
        out: list[T] = []
        named: list[tuple[str, str, Pos]] = []
        ok = isinstance(node.get(key), list)
        for i, entry, pos in _items(node, key):
            built = build(entry, f"{where}[{i}]", pos) if self.valid(entry) else None
            if built is None:
                ok = False
                continue
            out.append(built)
            named.append((entry["name"], built.py_name, pos))
        ok = self.unique_names(named, what) and ok
        return out if ok else None

    def params(self) -> list[ir.Param] | None:
        params: list[ir.Param] | None
        params = self.entries(self.doc, "parameters", "parameters", self.param, "parameter")
        # Required parameters first, so that the generated signatures read in a natural order.
        return None if params is None else sorted(params, key=lambda p: not p.required)

    def param(self, node: Any, where: str, pos: Pos) -> ir.Param | None:
        wire = node["name"]
        if node["type"] != "Array":
            return self.scalar(node, where, wire, identifier(wire), node["required"])
        lo, hi = node.get("minItems"), node.get("maxItems")
        if lo is not None and hi is not None and lo > hi:
            self.error(pos, f"{where}: minItems must be >= 0 and <= maxItems")
            return None
        items = node["items"]
        ipos = value_pos(node, "items")
        py_name, required, text = identifier(wire), node["required"], _text(node["description"])
        if "type" in items:
            item = self.scalar(items, f"{where}.items", "", "", True, node["description"])
            if item is None:
                return None
            return ir.ScalarArray(
                wire, py_name, required, lo, hi, item, bool(node.get("unique")), text
            )
        if "unique" in node:
            self.error(
                key_pos(node, "unique"),
                f"{where}: 'unique: true' is for arrays of scalars; an array of objects names "
                "the fields that must not repeat in its items: 'unique: [field, ...]'",
            )
            return None
        parsed = self.item(items, f"{where}.items", ipos, wire)
        if parsed is None:
            return None
        return ir.ArrayParam(wire, py_name, required, lo, hi, parsed, text)

    def scalar(
        self,
        node: Any,
        where: str,
        wire: str,
        py_name: str,
        required: bool,
        description: Any = None,
    ) -> ir.Field | None:
        """A parameter, an item field, or the item of a scalar array."""
        kind = node["type"]
        lo, hi = node.get("range", (None, None))
        if kind == "UInt":
            if lo is not None and lo < 0:
                self.error(value_pos(node, "range"), f"{where}.range: a UInt is at least 0")
                return None
            lo = 0 if lo is None else lo
        enum = tuple(node.get("enum", ()))
        field = ir.Field(
            wire=wire, py_name=py_name, type=kind,
            py_type=literal_type(enum) if enum else ("str" if kind == "String" else "int"),
            required=required, minimum=lo, maximum=hi, max_length=node.get("maxLength"),
            description=_text(description if description is not None else node["description"]),
            enum=enum, default=node.get("default"),
        )  # fmt: skip
        ok = True
        plain = replace(field, enum=(), default=None)
        for i, value in enumerate(enum):
            problem = examples.field_problem(plain, value)
            if problem is not None:
                self.error(
                    item_pos(node["enum"], i, value_pos(node, "enum")),
                    f"{where}.enum[{i}]: {problem}",
                )
                ok = False
        if "default" in node:
            dpos = value_pos(node, "default")
            problem = examples.field_problem(field, node["default"])
            if required:
                self.error(
                    dpos,
                    f"{where}.default: a required parameter has no default "
                    "(it is always sent); drop the default or make it optional",
                )
                ok = False
            elif problem is not None:
                self.error(dpos, f"{where}.default: {problem}")
                ok = False
        return field if ok else None

    def item(self, node: Any, where: str, pos: Pos, array: str) -> ir.Item | None:
        def field(entry: Any, where: str, _: Pos) -> ir.Field | None:
            name = entry["name"]
            return self.scalar(entry, where, name, identifier(name), entry["required"])

        built = self.entries(node, "fields", f"{where}.fields", field, "field")
        ok = built is not None
        fields = built or []
        unique: list[str] = []
        wires = {f.wire: f.py_name for f in fields}
        declared = {f.get("name") for f in node["fields"] if isinstance(f, dict)}
        for _, value, upos in _items(node, "unique"):
            if value in wires:
                unique.append(wires[value])
            elif value not in declared:  # (a field with problems of its own is not reported twice)
                self.error(upos, f"{where}.unique names {value!r}, which is not one of its fields")
            ok = ok and value in wires
        if not ok:
            return None
        model = node.get("model")
        class_name = model or model_class(self.prefix, node["name"])
        item = ir.Item(node["name"], class_name, tuple(fields), tuple(unique))
        self.claim(
            class_name,
            "item",
            f"the items of {array} in {self.stem}",
            classes.item_shape(item),
            model is not None,
            value_pos(node, "model") if model else pos,
        )
        return item

    def unique_names(self, named: list[tuple[str, str, Pos]], what: str) -> bool:
        """Each (wire, Python name, position) once: no wire name twice, no Python name twice."""
        ok = True
        wires: dict[str, str] = {}
        pys: dict[str, str] = {}
        for wire, py, pos in named:
            if wire in wires:
                self.error(pos, f"{what} {wire!r} is defined twice")
                ok = False
            elif py in pys:
                self.error(
                    pos, f"{what}s {pys[py]!r} and {wire!r} both become the Python name {py!r}"
                )
                ok = False
            wires[wire] = py
            pys.setdefault(py, wire)
        return ok

    def errors(self, catalogue: dict[int, ir.ErrorEntry] | None) -> list[ir.ErrorEntry] | None:
        errors: list[ir.ErrorEntry] = []
        for i, code, pos in _items(self.doc, "errors"):
            if isinstance(code, bool) or not isinstance(code, int):
                self.ok = False  # reported by the shape check
            elif catalogue is not None and code not in catalogue:
                self.error(pos, f"errors[{i}]: code {code} is not in errors.yaml")
            elif any(e.code == code for e in errors):
                self.error(pos, f"errors[{i}]: code {code} is listed twice")
            elif catalogue is not None:
                errors.append(catalogue[code])
        return errors

    # -- response ------------------------------------------------------------------------

    def response(self) -> list[ir.ResponseField] | None:
        if not isinstance(self.doc.get("response"), list):
            return None
        return self.fields(self.doc, "response", "response", "")

    def fields(self, node: Any, key: str, where: str, path: str) -> list[ir.ResponseField] | None:
        """The response fields under ``key`` (``path``: where they are in the answer, as
        ``loadBalancerSet.listeners``; "" at the top)."""

        def field(entry: Any, where: str, pos: Pos) -> ir.ResponseField | None:
            return self.response_field(entry, where, pos, path)

        return self.entries(node, key, where, field, "response field")

    def response_field(self, node: Any, where: str, pos: Pos, path: str) -> ir.ResponseField | None:
        name = node["name"]
        shape = self.shape(node, node["type"], where, pos, name, f"{path}.{name}".lstrip("."))
        if shape is None:
            return None
        keys = tuple(node.get("path", name).split("."))
        required = node.get("required", True)
        return ir.ResponseField(
            name, identifier(name), keys, shape, required, _text(node["description"])
        )

    def shape(
        self, node: Any, kind: str, where: str, pos: Pos, name: str, path: str
    ) -> ir.Shape | None:
        """The shape of a response field (``node`` holds its keys), or of an array's item;
        ``path`` is the field's, from the top of the answer."""
        if kind in schema.SCALAR_TYPES:
            enum = (
                self.enum(node["enum"], f"{where}.enum", value_pos(node, "enum"))
                if "enum" in node
                else None
            )
            if "enum" in node and enum is None:
                return None
            py_type = enum.class_name if enum else ("str" if kind == "String" else "int")
            return ir.Shape(kind, py_type, enum=enum, allowed=tuple(node.get("allowed", ())))
        description = node.get("description")
        if kind == "Object":
            owner = f"the object {path} in {self.stem}"
            model = self.model(node, f"{where}.fields", pos, name, path, owner, description)
            return None if model is None else ir.Shape("Object", model.class_name, model=model)
        items = node["items"]
        ipos = value_pos(node, "items")
        if "type" in items:
            item = self.shape(items, items["type"], f"{where}.items", ipos, name, path)
        else:
            owner = f"the items of {path} in {self.stem}"
            iname = items.get("name", name)
            model = self.model(
                items, f"{where}.items.fields", ipos, iname, path, owner, description
            )
            item = None if model is None else ir.Shape("Object", model.class_name, model=model)
        if item is None:
            return None
        return ir.Shape("Array", f"list[{item.py_type}]", item=item)

    def model(
        self, node: Any, where: str, pos: Pos, name: str, path: str, owner: str, description: Any
    ) -> ir.Model | None:
        """The model of an Object field or of an array's object items (``node`` holds
        ``fields`` and the optional ``model``)."""
        fields = self.fields(node, "fields", where, path)
        if fields is None:
            return None
        explicit = node.get("model")
        class_name = explicit or model_class(self.prefix, name)
        text = _text(description) if isinstance(description, dict) else None
        model = ir.Model(name, class_name, tuple(fields), text)
        self.claim(
            class_name,
            "model",
            owner,
            classes.model_shape(model.fields),
            explicit is not None,
            value_pos(node, "model") if explicit else pos,
        )
        return model

    def enum(self, node: Any, where: str, pos: Pos) -> ir.Enum | None:
        values: list[ir.EnumValue] = []
        seen_values: set[int] = set()
        seen_names: set[str] = set()
        ok = True
        for i, vnode, _ in _items(node, "values"):
            value, vname = vnode["value"], vnode["name"]
            member = constant(vname)
            if value in seen_values or member in seen_names:
                self.error(
                    pos_of(vnode),
                    f"{where}.values[{i}]: value {value} or name {vname!r} is used twice",
                )
                ok = False
                continue
            seen_values.add(value)
            seen_names.add(member)
            values.append(ir.EnumValue(value, vname, member, _text(vnode["description"])))
        if not ok:
            return None
        enum = ir.Enum(node["name"], pascal(node["name"]), tuple(values))
        owner = f"the enum {enum.name} of {self.stem}"
        self.claim(enum.class_name, "enum", owner, classes.enum_shape(enum), True, pos)
        return enum

    # -- across the file -----------------------------------------------------------------

    def task_id(self, response: list[ir.ResponseField] | None) -> str | None:
        if response is None:
            return None
        field = next((r for r in response if r.name == "requestId" and len(r.path) == 1), None)
        if field is None or field.type not in ("Int", "UInt") or not field.required:
            got = "" if field is None else f"; requestId here is {self._described(field)}"
            self.error(
                value_pos(self.doc, "response"),
                f"an action that starts a task needs a required requestId field of type Int{got}",
            )
            return None
        return field.py_name

    @staticmethod
    def _described(field: ir.ResponseField) -> str:
        return ("an optional " if not field.required else "a ") + field.type

    def pagination(
        self, params: list[ir.Param] | None, response: list[ir.ResponseField] | None
    ) -> ir.Pagination | None:
        node = self.doc.get("pagination")
        if node is None or not self.valid(self.doc, "pagination"):
            return None
        if params is None or response is None:
            self.ok = False
            return None
        by_wire = {p.wire: p for p in params}
        by_name = {r.name: r for r in response if len(r.path) == 1}
        names: dict[str, str] = {}
        item_class = ""
        for key, is_param, kinds in (("offset", True, ("Int", "UInt")),
                                     ("limit", True, ("Int", "UInt")),
                                     ("total", False, ("Int", "UInt")),
                                     ("items", False, ("Array",))):  # fmt: skip
            wanted = node[key]
            pos = value_pos(node, key)
            found: ir.Param | ir.ResponseField | None
            found = by_wire.get(wanted) if is_param else by_name.get(wanted)
            what = "parameter" if is_param else "top-level response field"
            if found is None:
                self.error(
                    pos, f"pagination.{key} names {wanted!r}, which is not a {what} of this action"
                )
                continue
            if found.type not in kinds:
                self.error(
                    pos,
                    f"pagination.{key}: the {what} {wanted!r} is {schema.article(found.type)} "
                    f"{found.type}; it must be {' or '.join(kinds)}",
                )
                continue
            names[key] = found.py_name
            if key == "items" and isinstance(found, ir.ResponseField) and found.shape.item:
                item_class = found.shape.item.py_type
        if len(names) < 4:
            return None
        py_name = identifier(self.stem)
        return ir.Pagination(
            names["offset"],
            names["limit"],
            names["total"],
            names["items"],
            item_class,
            iterator(py_name),
        )

    def example(self, params: list[ir.Param] | None) -> list[tuple[str, object]] | None:
        if "example" in self.doc and not self.valid(self.doc, "example"):
            return None
        return examples.request(self.error, self.doc, params)

    def example_response(self, response: list[ir.ResponseField] | None) -> dict[str, Any] | None:
        doc = self.doc
        if "exampleResponse" not in doc or not self.valid(doc, "exampleResponse"):
            return None
        node = doc["exampleResponse"]
        if response is not None:
            pos = value_pos(doc, "exampleResponse")
            examples.answer(self.error, node, response, "exampleResponse", pos)
        plain: dict[str, Any] = examples.plain(node)
        return plain


# -- the whole spec -----------------------------------------------------------------------


def load(spec_dir: Path) -> ir.Spec:
    """Load ``spec_dir`` (service.yaml, errors.yaml, actions/*.yaml) into the IR."""
    # Loading makes a great many small objects and no cycles: the collector's passes over
    # them cost a third of the loading time of 1,000 actions (benchmarks/generation.py).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _load(spec_dir)
    finally:
        if enabled:
            gc.enable()


def _load(spec_dir: Path) -> ir.Spec:
    problems: list[Problem] = []

    def read(rel: str) -> tuple[Checker, Any]:
        c = Checker(f"{spec_dir.name}/{rel}", problems)
        path = spec_dir / rel
        if not path.is_file():
            c.error((0, 0), "the file is missing")
            return c, None
        return c, _read(path, c.file, problems)

    sc, sdoc = read("service.yaml")
    service = _service(sc, sdoc) if sdoc is not None or not problems else None
    ec, edoc = read("errors.yaml")
    entries, families = _catalogue(ec, _errors(ec, edoc)) if edoc is not None else ([], [])
    catalogue = {e.code: e for e in entries} if edoc is not None else None

    action_dir = spec_dir / "actions"
    files = sorted(action_dir.glob("*.yaml")) if action_dir.is_dir() else []
    if not files:
        problems.append(Problem(f"{spec_dir.name}/actions", 1, 1, "no action files (*.yaml)"))
    actions: list[ir.Action] = []
    claims: list[classes.Claim] = []
    for path in files:
        c, doc = read(f"actions/{path.name}")
        if doc is None:
            if not any(p.file == c.file for p in problems):
                c.error((0, 0), "the file is empty")
            continue
        try:
            action = _Action(c, doc, path.stem, claims).build(catalogue)
        except RecursionError:
            c.error((0, 0), "the file is nested too deeply")
            continue
        if action is not None:
            actions.append(action)

    stems = {path.stem for path in files}
    _cross_checks(problems, spec_dir.name, service, actions, stems)
    reserved = {e.class_name: f"the error class of code {e.code}" for e in entries}
    reserved.update({name: f"the error family class of {desc}" for name, desc in families})
    reserved.update({name: "a name of the package itself" for name in PACKAGE_NAMES})
    classes.check(problems, claims, reserved)
    task = _task_info(problems, service, actions)
    if problems:
        raise SpecError(problems)
    assert service is not None and task is not None
    return ir.Spec(service, tuple(entries), tuple(families), tuple(actions), task)


def _task_info(
    problems: list[Problem], service: ir.Service | None, actions: list[ir.Action]
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
        or params[0].type not in ("Int", "UInt")
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
    actions: list[ir.Action],
    action_files: set[str],
) -> None:
    """Rules across files: the task action exists, and no two client methods collide."""

    def report(file: str, message: str) -> None:
        problems.append(Problem(file, 1, 1, message))

    if service is not None and action_files and service.task_action not in action_files:
        report(f"{root}/service.yaml", f"taskAction {service.task_action!r} has no action file")
    methods: dict[str, str] = {}
    for action in actions:
        names = [action.py_name] + ([action.pagination.method] if action.pagination else [])
        for name in names:
            if name in CLIENT_ATTRIBUTES or name in methods:
                other = methods.get(name, "the client itself")
                report(action.source, f"the method name {name!r} is taken by {other}")
            methods.setdefault(name, action.source)


__all__ = ["CORRECTION_FACTS", "Problem", "SpecError", "load"]
