"""Bad input for EVERY parameter of EVERY action, generated from ``_operations.OPERATIONS``: a
new spec parameter is covered without touching this file.

Each bad value must raise our ValidationError naming the parameter (its Python path, e.g.
``backends[0].port``) and the rule it broke, before any I/O (the client's transport fails the
test if it is called). Each accepted value must reach the wire unchanged.

Decided (and documented in the README): duplicate items of an array are refused; printable
non-ASCII text (``lb-中文``) is accepted and sent as UTF-8 — the server decides; C0/C1
controls, DEL, U+2028/U+2029 and lone surrogates are refused.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

import pytest
from qcloud_bmlb import Client, errors, models
from qcloud_bmlb._operations import OPERATIONS
from qcloud_bmlb._shapes import Array, Operation, Scalar, Struct
from qcloud_bmlb._transport import HTTPResponse

from ..support.answers import success


class NoIO:
    """A transport that fails the test when a request reaches it (validation must come first);
    with ``allow``, it records the requests and answers success."""

    def __init__(self, allow: bool = False) -> None:
        self.allow = allow
        self.sent: list[bytes] = []

    def request(self, method, target, body, headers, timeout=None, deadline=None) -> HTTPResponse:
        if not self.allow:
            raise AssertionError(f"I/O before validation: {method} {target}")
        self.sent.append(body or b"")
        action = dict(parse_qsl((body or b"").decode("ascii")))["Action"]
        return HTTPResponse(200, {}, json.dumps(success(OPERATIONS[action])).encode())

    def close(self) -> None:
        pass


def client(transport: NoIO) -> Client:
    return Client(
        secret_id="AKIDinputs000000", secret_key="inputsSecretKey0", region="gz",
        endpoint="http://127.0.0.1:9", transport=transport,
    )  # fmt: skip


def method_name(action: str) -> str:
    """The client's method of an action, as the generator names it."""
    from generator.naming import snake

    return snake(action)


def valid_scalar(param: Scalar, index: int = 0) -> object:
    if param.choices:
        return param.choices[index % len(param.choices)]
    if param.kind == "Int":
        lo = param.minimum if param.minimum is not None else 1
        span = None if param.maximum is None else param.maximum - lo + 1
        return lo + (index if span is None else index % span)
    return f"v-{index}"


def fields_of(param: Array) -> tuple[Scalar, ...]:
    return param.item.fields if isinstance(param.item, Struct) else ()  # type: ignore[return-value]


def valid_item(param: Array, index: int = 0) -> Any:
    if isinstance(param.item, Scalar):
        if param.item.kind == "Int":
            return (param.item.minimum or 0) + 1 + index
        return f"v-{index}"
    model = getattr(models, param.item.model)
    return model(**{f.name: valid_scalar(f, index) for f in fields_of(param)})


def valid_args(op: Operation) -> dict[str, object]:
    return {p.name: [valid_item(p)] if isinstance(p, Array) else valid_scalar(p) for p in op.params}


@dataclass(frozen=True)
class Bad:
    action: str
    args: dict[str, object]
    parameter: str  # the path the error must name
    rule: str  # a fragment of the rule it must state
    label: str


def scalar_cases(param: Scalar) -> list[tuple[str, object, str | None]]:
    """(label, value, rule fragment or None when the value is valid) for one scalar."""
    cases: list[tuple[str, object, str | None]] = []
    if param.required:
        cases.append(("none", None, "is required"))
    if param.kind == "Int":
        wrong = [("true", True), ("false", False), ("float", 1.0), ("nan", float("nan")),
                 ("str", "80"), ("bytes", b"1"), ("list", [1]), ("dict", {})]  # fmt: skip
        for label, value in wrong:
            cases.append((label, value, "must be an int"))
        lo, hi = param.minimum, param.maximum
        for value in (0, -1, 1, 65535, 65536, 2**31, 2**63, -(2**63), 10**30):
            out = (lo is not None and value < lo) or (hi is not None and value > hi)
            out = out or bool(param.choices and value not in param.choices)
            cases.append((f"int{value}", value, "must be" if out else None))
        if lo is not None:
            cases.append(("below-min", lo - 1, f"{lo}"))
        if hi is not None:
            cases.append(("above-max", hi + 1, f"{hi}"))
        return cases
    for label, value in [("int", 1), ("true", True), ("float", 1.5), ("bytes", b"lb-1"),
                         ("list", ["lb-1"])]:  # fmt: skip
        cases.append((label, value, "must be a str"))
    for label, value in [("empty", ""), ("space", " "), ("tab", "\t"), ("newline", "\n"),
                         ("ideographic-space", "\u3000")]:  # fmt: skip
        cases.append((label, value, "empty or only whitespace"))
    # A multi-line text (a certificate) may hold tabs and line breaks, and start or end with
    # whitespace; no other String may.
    text = param.multiline
    cases += [
        ("lead-space", " v-1", None if text else "start or end with whitespace"),
        ("trail-space", "v-1 ", None if text else "start or end with whitespace"),
    ]
    for label, ch in [("nul", "\x00"), ("lf", "\n"), ("cr", "\r"), ("tab", "\t"),
                      ("esc", "\x1b"), ("del", "\x7f"), ("c1", "\x85"), ("line-sep", "\u2028"),
                      ("para-sep", "\u2029"), ("surrogate", "\ud800")]:  # fmt: skip
        allowed = text and ch in "\t\n\r"
        cases.append((label, f"v{ch}1", None if allowed else "control characters"))
    if text:
        cases.append(
            ("pem", "-----BEGIN CERTIFICATE-----\nMIIE0DCC\n-----END CERTIFICATE-----\n", None)
        )
    if param.choices:
        cases.append(("not-a-choice", "not-one-of-them", "must be one of"))
        cases += [(f"choice-{c}", c, None) for c in param.choices]
        return cases
    limit = param.max_length
    long_rule = None if limit is None else f"at most {limit} characters"
    cases.append(("10k-chars", "x" * 10_000, long_rule))
    if limit is not None:
        cases.append(("max-length", "x" * limit, None))
        cases.append(("max-length+1", "x" * (limit + 1), long_rule))
        cases.append(("max-length+1-non-ascii", "中" * (limit + 1), long_rule))
    # Decided: printable non-ASCII is accepted and sent as UTF-8.
    cases += [
        ("non-ascii", "lb-中文", None),
        ("emoji", "lb-🚀", None),
        ("zwsp", "lb-\u200b1", None),
    ]
    return cases


def build_cases() -> tuple[list[Bad], list[Bad]]:
    bad: list[Bad] = []
    good: list[Bad] = []
    for action, op in sorted(OPERATIONS.items()):
        base = valid_args(op)
        for param in op.params:
            if isinstance(param, Scalar):
                for label, value, rule in scalar_cases(param):
                    case = Bad(action, {**base, param.name: value}, param.name, rule or "",
                               f"{action}-{param.name}-{label}")  # fmt: skip
                    (bad if rule is not None else good).append(case)
                continue
            name, item = param.name, valid_item(param)
            lo, hi = param.min_items, param.max_items

            def add(
                label: str, value: object, path: str, rule: str, *, _name: str = name,
                _action: str = action, _base: dict[str, object] = base,
            ) -> None:  # fmt: skip
                bad.append(Bad(_action, {**_base, _name: value}, path, rule, f"{_action}-{label}"))

            if param.required:
                add(f"{name}-none", None, name, "is required")
            for label, value in [("str", "cpm-1"), ("bytes", b"x"), ("int", 5),
                                 ("item", item), ("mapping", {"x": item}),
                                 ("set", {1, 2})]:  # fmt: skip
                add(f"{name}-{label}", value, name, "must be a list")
            if lo is not None and lo > 0:
                add(f"{name}-empty", [], name, "items, got 0")
                if lo > 1:
                    below = [valid_item(param, i) for i in range(lo - 1)]
                    add(f"{name}-below-min", below, name, f"items, got {lo - 1}")
            if hi is not None:
                many = [valid_item(param, i) for i in range(hi + 1)]
                add(f"{name}-{hi + 1}-items", many, name, f"items, got {hi + 1}")
                good.append(Bad(action, {**base, name: many[:hi]}, name, "",
                                f"{action}-{name}-{hi}-items"))  # fmt: skip
            if param.unique and isinstance(param.item, Struct):
                as_mapping = {f.name: getattr(item, f.name) for f in fields_of(param)}
                add(f"{name}-duplicate", [item, item], f"{name}[1]", "repeats")
                add(f"{name}-duplicate-as-mapping", [item, as_mapping], f"{name}[1]", "repeats")
                later = [valid_item(param, i) for i in range(5)] + [valid_item(param, 2)]
                add(f"{name}-duplicate-later", later, f"{name}[5]", f"repeats {name}[2]")
            if isinstance(param.item, Scalar):
                if param.unique:
                    add(f"{name}-duplicate", [item, item], f"{name}[1]", "repeats")
                for label, value, rule in scalar_cases(param.item):
                    if rule is not None and value is not None:
                        add(f"{name}-value-{label}", [item, value], f"{name}[1]", rule)
                continue
            for label, value in [("none", None), ("tuple", ("cpm-1", 80)), ("str", "cpm-1"),
                                 ("int", 80), ("list", [item])]:  # fmt: skip
                add(f"{name}-item-{label}", [item, value], f"{name}[1]", "must be a")
            add(f"{name}-item-unknown-field", [{"no_such_field": 1}], f"{name}[0]", "unknown field")
            for field in fields_of(param):
                for label, value, rule in scalar_cases(field):
                    values = {f.name: getattr(item, f.name) for f in fields_of(param)}
                    values[field.name] = value
                    items = [valid_item(param, 7), values]
                    path = f"{name}[1].{field.name}"
                    case = Bad(action, {**base, name: items}, path, rule or "",
                               f"{action}-{name}.{field.name}-{label}")  # fmt: skip
                    (bad if rule is not None else good).append(case)
                if field.required:
                    values = {f.name: getattr(item, f.name) for f in fields_of(param)}
                    del values[field.name]
                    add(f"{name}.{field.name}-missing", [values], f"{name}[0].{field.name}",
                        "is required")  # fmt: skip
    return bad, good


BAD, GOOD = build_cases()


def test_the_table_covers_every_parameter_of_every_action():
    named = {(c.action, c.parameter.split("[")[0]) for c in BAD}
    fields = {
        (c.action, c.parameter.split("]")[-1].lstrip(".")) for c in BAD if "]." in c.parameter
    }
    for action, op in OPERATIONS.items():
        for param in op.params:
            assert (action, param.name) in named, (action, param.name)
            for field in fields_of(param) if isinstance(param, Array) else ():
                assert (action, field.name) in fields, (action, param.name, field.name)
    assert len(BAD) > 300


@pytest.mark.parametrize("case", BAD, ids=[c.label for c in BAD])
def test_bad_input_is_refused_before_any_io(case: Bad):
    transport = NoIO()
    with pytest.raises(errors.BmlbError) as info:
        getattr(client(transport), method_name(case.action))(**case.args)
    exc = info.value
    assert type(exc) is errors.ValidationError, f"{type(exc).__name__}: {exc}"
    assert exc.parameter == case.parameter, str(exc)
    assert case.rule in exc.rule, str(exc)
    assert exc.action == case.action
    assert str(exc).startswith(f"{case.action}: {case.parameter}: ")
    assert len(str(exc)) < 300  # a huge bad value is quoted shortened
    assert "\x00" not in str(exc) and "\n" not in str(exc)


def wire_values(op: Operation, args: dict[str, object]) -> dict[str, str]:
    """What the wire must carry for ``args``, worked out from the spec's names here (not by
    the package's encoder): ``wire=text``, ``wire.N=text``, ``wire.N.field=text``."""
    out: dict[str, str] = {}
    for param in op.params:
        value = args.get(param.name)
        if value is None:
            continue
        if isinstance(param, Scalar):
            out[param.wire] = str(value)
            continue
        for index, item in enumerate(value):  # type: ignore[arg-type]
            if isinstance(param.item, Scalar):
                out[f"{param.wire}.{index}"] = str(item)
                continue
            for field in fields_of(param):
                got = item.get(field.name) if isinstance(item, dict) else getattr(item, field.name)
                if got is not None:
                    out[f"{param.wire}.{index}.{field.wire}"] = str(got)
    return out


@pytest.mark.parametrize("case", GOOD, ids=[c.label for c in GOOD])
def test_accepted_edge_values_reach_the_wire(case: Bad):
    transport = NoIO(allow=True)
    getattr(client(transport), method_name(case.action))(**case.args)
    assert len(transport.sent) == 1
    body = transport.sent[0].decode("ascii")  # form-encoded: UTF-8 percent-encoded
    sent = dict(parse_qsl(body, keep_blank_values=True, strict_parsing=True))
    expected = wire_values(OPERATIONS[case.action], case.args)
    assert {k: sent.get(k) for k in expected} == expected
    action_keys = {k for k in sent if k[:1].islower()}
    assert action_keys == set(expected)  # nothing else of the action's is sent


def test_non_ascii_ids_reach_the_fake_signed():
    """Non-ASCII ids are accepted, signed as UTF-8 and verified by the fake's signature
    check: the answer is the fake's "no such load balancer", not a signature failure."""
    from qcloud_bmlb.testing import FakeBmlb

    with FakeBmlb() as fake, fake.client(retries=0) as c:
        with pytest.raises(errors.InvalidParameterCCDBLBNotExist):
            c.modify_bm_l4_listener_backend_port(
                load_balancer_id="lb-中文🚀", listener_id="lbl-ü", instance_id="cpm-é",
                port=1, new_port=2,
            )  # fmt: skip
        assert fake.requests[-1]["loadBalancerId"] == "lb-中文🚀"
