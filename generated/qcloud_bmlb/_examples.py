"""The signed requests of example calls, made by the client's own code (the docs show them).

``python -m qcloud_bmlb._examples`` reads a JSON document on stdin (placeholder credentials,
a region, a fixed Nonce and Timestamp, and calls: an action and its arguments by Python name,
items as mappings) and writes, for each call, the request the client sends (method, target,
body), the string it signs and the signature. The arguments go through the action's request
plan and the client's request signer, as in every call: what the docs show is what the client
sends.
"""

from __future__ import annotations

import json
import sys
from urllib.parse import unquote

from ._operations import OPERATIONS
from ._serialize import plan
from ._signing import RequestSigner

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = ["example_requests"]


def example_requests(settings: dict[str, Any]) -> list[dict[str, str]]:
    signer = RequestSigner(
        secret_id=settings["secret_id"],
        secret_key=settings["secret_key"],
        token=None,
        region=settings["region"],
        sign_method=settings["sign_method"],
        http_method=settings["http_method"],
        host=settings["host"],
        path=settings["path"],
        user_agent="",
    )
    out = []
    for call in settings["calls"]:
        action = call["action"]
        signed, sent = plan(OPERATIONS[action]).encode(call["args"])
        fixed = {"timestamp": settings["timestamp"], "nonce_value": settings["nonce"]}
        text, query = signer.sign(action, signed, sent, **fixed)
        method, target, body, _ = signer.lay_out(query)
        out.append(
            {
                "method": method,
                "target": target,
                "body": "" if body is None else body.decode("ascii"),
                "string_to_sign": text,
                "signature": unquote(query.rsplit("&Signature=", 1)[1]),
            }
        )
    return out


if __name__ == "__main__":
    json.dump(example_requests(json.load(sys.stdin)), sys.stdout)
