"""The docs' wire requests are the client's own bytes.

Each action page shows the signed request of its example call. Here a real ``Client`` makes
that call with the same placeholder credentials, Nonce and Timestamp, through a transport that
records what it is given: method, target and body must be exactly what the page shows, and
the signature must verify with an HMAC computed here from the rules (not the package's).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
from pathlib import Path
from urllib.parse import parse_qsl

import pytest
from qcloud_bmlb import Client, _signing, errors
from qcloud_bmlb._operations import OPERATIONS
from qcloud_bmlb._transport import HTTPResponse

from generator import docsite
from generator.loader import load

ROOT = Path(__file__).resolve().parents[2]
SPEC = load(ROOT / "spec")


class Recording:
    """A transport that keeps each request and answers with the given body."""

    def __init__(self, body: bytes) -> None:
        self.body = body
        self.seen: list[tuple[str, str, bytes | None]] = []

    def request(self, method, target, body, headers, timeout=None, deadline=None):
        self.seen.append((method, target, body))
        return HTTPResponse(200, {"content-type": "application/json"}, self.body)

    def close(self) -> None:
        pass


def shown(action: str, lang: str) -> tuple[str, str, str]:
    md = (ROOT / "generated" / "docs" / lang / "actions" / f"{action}.md").read_text("utf-8")
    http = re.search(r"^```http\n(.*?)^```$", md, flags=re.S | re.M)
    assert http, action
    head, body = http.group(1).rstrip("\n").split("\n\n", 1)
    method, target, _ = head.splitlines()[0].split(" ")
    return method, target, body


@pytest.mark.parametrize("action", [a.name for a in SPEC.actions])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_page_shows_the_bytes_the_client_sends(
    action: str, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec_action = next(a for a in SPEC.actions if a.name == action)
    monkeypatch.setattr(_signing, "nonce", lambda: docsite.EXAMPLE_NONCE)
    monkeypatch.setattr(_signing.time, "time", lambda: docsite.EXAMPLE_TIMESTAMP + 0.25)
    answer = {"code": 0, "message": "", "codeDesc": "Success"}
    transport = Recording(json.dumps(answer).encode())
    client = Client(
        secret_id=docsite.EXAMPLE_SECRET_ID,
        secret_key=docsite.EXAMPLE_SECRET_KEY,
        region=docsite.example_region(SPEC.service),
        sign_method=docsite.EXAMPLE_SIGN_METHOD,
        http_method=docsite.EXAMPLE_HTTP_METHOD,
        transport=transport,
        retries=0,
    )
    try:
        client._invoke(OPERATIONS[action], dict(spec_action.example))
    except errors.MalformedResponseError:
        pass  # the canned answer has no result fields: only the request counts here
    ((method, target, body),) = transport.seen
    assert (method, target, (body or b"").decode("ascii")) == shown(action, lang)

    params = dict(parse_qsl(body.decode("ascii"), keep_blank_values=True))
    signature = params.pop("Signature")
    text = f"POST{SPEC.service.host}{SPEC.service.path}?" + "&".join(
        f"{k.replace('_', '.')}={params[k]}" for k in sorted(params)
    )
    mac = hmac.new(docsite.EXAMPLE_SECRET_KEY.encode(), text.encode(), hashlib.sha256).digest()
    assert base64.b64encode(mac).decode() == signature
