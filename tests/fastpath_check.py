"""The fast paths against the full ones, for any generated package (imported by the tests in
this process, and by a probe script for packages generated from variant specs).

The generated encoders (``Operation.fast``) and result builders (``Operation.fast_result``)
may decline anything, but what they take must come out exactly as the item-by-item checks and
the full parsing make it: same signed request, same result.
"""

from __future__ import annotations

import importlib
import json
import random
import sys
from collections import Counter
from collections.abc import Callable
from typing import Any
from unittest import mock
from urllib.parse import parse_qsl

NONCE, NOW = 424242, 1_700_000_000.25


class SneakyStr(str):
    """A str whose str() is not its content: what is sent must be the content."""

    def __str__(self) -> str:
        return "sneaky"

    def __format__(self, spec: str) -> str:
        return "sneaky"


class SneakyInt(int):
    def __str__(self) -> str:
        return "sneaky"

    def __format__(self, spec: str) -> str:
        return "sneaky"


PLAIN = "ABCXYZabcxyz0123456789_.~-"


def string_value(rng: random.Random, max_length: int | None, valid: bool) -> object:
    top = (max_length or 80) + (0 if valid else 2)
    if valid or rng.random() < 0.55:
        return "".join(rng.choice(PLAIN) for _ in range(rng.randint(1, top)))
    return rng.choice([
        "", " ", "a b", " lead", "trail ", "中文-id", "x&y=z+%2F", "tab\tin", "\x01ctl",
        "line\u2028sep", "a" * top, SneakyStr("real-content"), 5, None, b"bytes", "ok",
    ])  # fmt: skip


def int_value(rng: random.Random, lo: int | None, hi: int | None, valid: bool) -> object:
    low = -1000 if lo is None else lo
    high = 100000 if hi is None else hi
    if valid or rng.random() < 0.6:
        return rng.randint(low, high)
    return rng.choice([
        low - 1, high + 1, low, high, True, False, 1.0, "5", SneakyInt(7), None, -(2**70), 2**70,
    ])  # fmt: skip


def scalar_value(rng: random.Random, param: Any, valid: bool) -> object:
    if valid and not param.required and rng.random() < 0.25:
        return None
    if param.kind == "Int":
        return int_value(rng, param.minimum, param.maximum, valid)
    return string_value(rng, param.max_length, valid)


def array_value(rng: random.Random, param: Any, valid: bool) -> object:
    if valid and not param.required and rng.random() < 0.25:
        return None
    if not valid and rng.random() < 0.05:
        return rng.choice([None, "backends", {"a": 1}, 7, iter([])])
    lo = max(1, param.min_items or 0)
    hi = param.max_items if param.max_items is not None else 40
    if valid:
        count = rng.choice([lo, rng.randint(lo, hi), hi, rng.randint(lo, min(hi, 12))])
    else:
        count = rng.choice([0, 1, 2, 3, 10, 11, rng.randint(0, hi + 1), hi, hi + 1])
    valid_items = valid or rng.random() < 0.6
    items: list[object] = []
    for index in range(count):
        values: dict[str, object] = {}
        for spec in param.fields:
            if valid_items:
                if not spec.required and rng.random() < 0.25:
                    continue
                if spec.kind == "Int":
                    values[spec.name] = rng.randint(
                        1 if spec.minimum is None else spec.minimum,
                        1000 if spec.maximum is None else spec.maximum,
                    )
                else:
                    values[spec.name] = f"id-{index}-{rng.randint(0, 10**6)}"
            else:
                values[spec.name] = scalar_value(rng, spec, False)
        if not valid and rng.random() < 0.03 and items:
            items.append(items[-1])  # a repeat
            continue
        shape = rng.random()
        if valid or shape < 0.85 or not valid_items:
            present = {k: v for k, v in values.items() if v is not None}
            try:
                items.append(param.item_type(**present))
            except TypeError:
                items.append(values)
        elif shape < 0.95:
            items.append(values)  # a mapping
        else:
            items.append(tuple(values.values()))  # neither
    return tuple(items) if rng.random() < 0.2 else items


def arguments(rng: random.Random, op: Any) -> dict[str, object]:
    """Half the time every value valid and plain (what the encoders take), half the time
    anything: values to encode, wrong types, broken rules, other shapes."""
    valid = rng.random() < 0.5
    args: dict[str, object] = {}
    for param in op.params:
        if hasattr(param, "fields"):
            args[param.name] = array_value(rng, param, valid)
        else:
            args[param.name] = scalar_value(rng, param, valid)
    return args


def built(client: Any, runtime: Any, build: Callable[[], Any]) -> tuple[str, list[tuple[str, str]]]:
    """The method and the sent parameters (in order) of a request signed with a fixed Nonce
    and Timestamp."""
    with mock.patch.object(runtime, "_nonce", lambda: NONCE), \
         mock.patch.object(runtime.time, "time", lambda: NOW):  # fmt: skip
        method, target, body, _headers = build()
    query = body.decode("ascii") if body is not None else target.split("?", 1)[1]
    return method, parse_qsl(query, keep_blank_values=True, strict_parsing=True)


def compare_request(client: Any, runtime: Any, op: Any, args: dict[str, object]) -> str:
    """Say "fast" when the encoder took the arguments (and signed them exactly as the full path
    does), "full" when it left them to the full checks, "invalid" when those refuse them."""
    fast = op.fast(args) if op.fast is not None else None
    try:
        full = op.encode(args)
    except runtime.ValidationError:
        assert fast is None, f"{op.action}: the encoder took what the checks refuse: {args!r}"
        return "invalid"
    if fast is None:
        return "full"
    method, quick = built(client, runtime, lambda: client._build(op.action, fast))
    method2, slow = built(client, runtime, lambda: client._build_from_mapping(op.action, full))
    assert method == method2
    assert dict(quick) == dict(slow), (op.action, args)
    assert len(quick) == len(slow)
    names = [name for name, _ in quick]
    assert names[-1] == "Signature" and names[:-1] == sorted(names[:-1]), names
    return "fast"


def response_value(rng: random.Random) -> object:
    return rng.choice([
        0, 1, 2, 3, 1234, -5, 2**40, "7", " 8 ", True, False, 1.5, None, [], {"x": 1}, "x",
    ])  # fmt: skip


def response_body(rng: random.Random, op: Any) -> bytes:
    data: dict[str, Any] = {"code": rng.choice([0, 0, 0, 0, 0, "0", 1, False, None])}
    if rng.random() < 0.9:
        data["message"] = ""
    for field in op.result_fields:
        if rng.random() < 0.05:
            continue
        node = data
        for key in field.path[:-1]:
            node = node.setdefault(key, {} if rng.random() < 0.95 else [])
            if not isinstance(node, dict):
                break
        else:
            node[field.path[-1]] = response_value(rng)
    text = json.dumps(data, ensure_ascii=rng.random() < 0.5)
    roll = rng.random()
    if roll < 0.05:
        text = " " + text
    elif roll < 0.1:
        text = text + "\n"
    elif roll < 0.13:
        text = text + "x"
    elif roll < 0.15:
        text = "\ufeff" + text
    return text.encode("utf-8")


def outcome(call: Callable[[], Any]) -> tuple[str, Any]:
    try:
        result = call()
    except Exception as exc:
        return "raised", (type(exc).__name__, str(exc))
    return "returned", (result, dict(result.raw))


def compare_response(client: Any, runtime: Any, transport: Any, op: Any, body: bytes) -> str:
    """The parse with the fast result builder against the full parse of the same body:
    "fast" when the builder made the result, else how the full parse ended."""
    response = transport.HTTPResponse(200, {"content-type": "application/json"}, body)
    fast = outcome(lambda: client._parse(op, response))
    full = outcome(lambda: client._parse_fully(op, response))
    assert fast == full, (op.action, body)
    data = runtime._json_object(body)
    if op.fast_result is not None and data is not None and data.get("code") == 0:
        if type(data["code"]) is int and op.fast_result(data) is not None:
            return "fast"
    return fast[0]


def run(package: Any, cases: int, seed: int = 2026) -> dict[str, dict[str, int]]:
    """Every operation of ``package``: ``cases`` random calls and responses, compared."""
    runtime = importlib.import_module(f"{package.__name__}._runtime")
    transport = importlib.import_module(f"{package.__name__}._transport")
    operations = importlib.import_module(f"{package.__name__}._operations").OPERATIONS
    rng = random.Random(seed)
    tally: dict[str, dict[str, int]] = {}
    for http_method in ("POST", "GET"):
        client = package.Client(
            secret_id="AKIDfastpath", secret_key="fast-path-secret-key", token="tok en/+=",
            region="ap-guangzhou", endpoint="http://127.0.0.1:9", http_method=http_method,
        )  # fmt: skip
        for name, op in operations.items():
            counts: Counter[str] = Counter()
            for _ in range(cases):
                counts["request " + compare_request(client, runtime, op, arguments(rng, op))] += 1
            for _ in range(cases // 2):
                body = response_body(rng, op)
                counts["response " + compare_response(client, runtime, transport, op, body)] += 1
            merged = tally.setdefault(name, {})
            for key, value in counts.items():
                merged[key] = merged.get(key, 0) + value
        client.close()
    return tally


if __name__ == "__main__":  # the probe of a generated package: prints the tallies
    import qcloud_bmlb

    print(json.dumps({"file": qcloud_bmlb.__file__, "tally": run(qcloud_bmlb, int(sys.argv[1]))}))
