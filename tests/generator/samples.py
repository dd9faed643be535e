"""Actions that use every construct of the spec language, for the loader's and the docs' tests:
DESCRIBE (a Chinese-only page: scalar arrays, enums, defaults, UInt, pagination, nested
response models, an example answer), BIND and UNBIND (request items per action and shared by
``model``, a response model shared by two actions)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator import ir

from ..support import SpecCopy

TASK = "DescribeBmLoadBalancersTaskResult"


def text(en: str, zh: str | None = None, ours: bool = False) -> dict[str, str]:
    out = {"en": en, "zh": zh or en}
    if ours:
        out["enSource"] = "ours"
    return out


def scalar(name: str, kind: str = "String", required: bool = False, **rules: Any) -> dict[str, Any]:
    return {"name": name, "type": kind, "required": required, "description": text(name), **rules}


def response(name: str, kind: str = "String", **keys: Any) -> dict[str, Any]:
    return {"name": name, "type": kind, "description": text(f"{name}."), **keys}


BACKEND_FIELDS = [
    scalar("instanceId", required=True, maxLength=64),
    scalar("port", "Int", required=True, range=[1, 65535]),
    scalar("weight", "Int", range=[0, 100], default=10),
]

DESCRIBE = {
    "action": "DescribeThings",
    "summary": text("List things.", "获取。", ours=True),
    "pages": {"zh": "pages/DescribeThings.zh.md", "en": None},
    "startsTask": False,
    "idempotent": True,
    "parameters": [
        {
            **scalar("thingIds", "Array", maxItems=50, unique=True),
            "items": {"type": "String", "maxLength": 64},
        },
        scalar("protocol", enum=["tcp", "udp"], default="tcp"),
        scalar("healthSwitch", "Int", enum=[0, 1]),
        scalar("offset", "UInt", default=0),
        scalar("limit", "UInt", range=[1, 100], default=20),
        scalar("loadBalancerId", required=True),
    ],
    "pagination": {
        "offset": "offset",
        "limit": "limit",
        "total": "totalCount",
        "items": "thingSet",
    },
    "errors": [9003],
    "response": [
        response("totalCount", "Int"),
        response(
            "thingSet",
            "Array",
            items={
                "name": "thing",
                "fields": [
                    response("thingId"),
                    response("protocol", allowed=["tcp", "udp"]),
                    response("weight", "Int", required=False),
                    response("tags", "Array", items={"type": "String"}),
                    response(
                        "rsList",
                        "Array",
                        items={"model": "Rs", "fields": [response("instanceId")]},
                    ),
                    response("data", "Object", fields=[response("vip")], required=False),
                ],
            },
        ),
    ],
    "example": {"loadBalancerId": "lb-1", "thingIds": ["t-1", "t-2"], "protocol": "udp"},
    "exampleResponse": {"code": 0, "totalCount": 0, "thingSet": []},
}

BIND = {
    "action": "BindThings",
    "summary": text("Bind.", "绑定。"),
    "startsTask": True,
    "idempotent": False,
    "parameters": [
        {
            **scalar("backends", "Array", required=True, minItems=1, maxItems=255),
            "items": {
                "name": "backend",
                "unique": ["instanceId", "port"],
                "fields": BACKEND_FIELDS,
            },
        },
        {
            **scalar("targets", "Array"),
            "items": {"name": "target", "model": "Target", "fields": BACKEND_FIELDS[:2]},
        },
    ],
    "errors": [],
    "response": [
        response("requestId", "Int"),
        response("rsList", "Array", items={"model": "Rs", "fields": [response("instanceId")]}),
    ],
    "example": {"backends": [{"instanceId": "cpm-1", "port": 80}]},
}

UNBIND = {
    **BIND,
    "action": "UnbindThings",
    "parameters": [
        {
            **scalar("targets", "Array", required=True),
            "items": {
                "name": "target",
                "model": "Target",
                # the same fields, other words: one class, each action's own texts
                "fields": [
                    {**f, "description": text(f"{f['name']} to unbind")} for f in BACKEND_FIELDS[:2]
                ],
            },
        }
    ],
    "response": [response("requestId", "Int")],
    "example": {"targets": [{"instanceId": "cpm-1", "port": 80}]},
}


def ours(node: Any) -> Any:
    """``node`` with every text marked ``enSource: ours`` (an action without an English page)."""
    if isinstance(node, dict):
        marked = {k: v if k == "pages" else ours(v) for k, v in node.items()}
        return {**marked, "enSource": "ours"} if {"en", "zh"} <= set(node) else marked
    return [ours(v) for v in node] if isinstance(node, list) else node


def small_spec(base: Path) -> SpecCopy:
    """The service, the errors, the task action and the three actions above."""
    copy = SpecCopy(base, only=(TASK,))
    for action in (ours(DESCRIBE), BIND, UNBIND):
        copy.write_action(action)
    return copy


def load_small_spec(base: Path) -> ir.Spec:
    return small_spec(base).load()
