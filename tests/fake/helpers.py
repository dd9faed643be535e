"""What the fake's tests share: requests signed by a signer of their own, sent raw; tasks
polled through a client (``poll``, ``done``).

The raw requests use an independent signer written from the protocol reference, so that the
protocol tests do not depend on the package's own signer.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import http.client
import json
import secrets
import time
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from qcloud_bmlb import Client
from qcloud_bmlb.models import Backend, TaskStatus
from qcloud_bmlb.testing import Binding, FakeBmlb

LB = "lb-abcdefgh"
LISTENER = "lbl-abcdefgh"  # DEFAULT_SEED's layer-4 listener
L7 = "lbl-abcdefge"  # ... and its layer-7 one, with DOMAIN and LOCATION
DOMAIN, LOCATION = "dm-abcdefgh", "loc-abcdefgh"
CPM = "cpm-abcdefgh"
CPM2 = "cpm-ijklmnop"
CPM3 = "cpm-qrstuvwx"  # known, bound nowhere
VM = "10.0.0.5"  # DEFAULT_SEED's VM IP, bound nowhere
PATH = "/v2/index.php"

#: DEFAULT_SEED's layer-4 listener, as ``backends()`` reports it.
SEEDED = [Binding(CPM, 1234), Binding(CPM, 8080), Binding(CPM2, 1234)]


def v2_signature(
    secret_key: str, method: str, host: str, params: Mapping[str, str], sign_method: str
) -> str:
    """The v2 signature, written from legacy-api.md (not the package's signer)."""
    names = sorted(name for name in params if name != "Signature")
    joined = "&".join(f"{name.replace('_', '.')}={params[name]}" for name in names)
    text = f"{method}{host}{PATH}?{joined}"
    digest = hashlib.sha256 if sign_method == "HmacSHA256" else hashlib.sha1
    mac = hmac.new(secret_key.encode("utf-8"), text.encode("utf-8"), digest)
    return base64.b64encode(mac.digest()).decode("ascii")


def signed_params(
    fake: FakeBmlb,
    action: str,
    params: Mapping[str, str],
    *,
    method: str = "POST",
    sign_method: str = "HmacSHA1",
    secret_id: str | None = None,
    secret_key: str | None = None,
    timestamp: int | None = None,
    host: str = "127.0.0.1",
) -> dict[str, str]:
    """Common parameters + ``params``, signed (over ``host``) with the independent signer."""
    out = {
        "Action": action,
        "Region": fake.region,
        "Timestamp": str(int(time.time()) if timestamp is None else timestamp),
        "Nonce": str(secrets.randbelow(2**31 - 1) + 1),
        "SecretId": secret_id or fake.secret_id,
        "SignatureMethod": sign_method,
    }
    out.update(params)
    out["Signature"] = v2_signature(secret_key or fake.secret_key, method, host, out, sign_method)
    return out


def send_raw(
    fake: FakeBmlb,
    params: Mapping[str, str],
    *,
    method: str = "POST",
    host_header: str | None = None,
) -> dict[str, Any]:
    """Send already signed parameters with http.client (with ``host_header`` as the Host
    header: default ``127.0.0.1:PORT``, as http.client sends it); the decoded JSON answer."""
    encoded = urlencode(params, quote_via=quote, safe="")
    port = urlsplit(fake.endpoint).port
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    headers = {} if host_header is None else {"Host": host_header}
    try:
        if method == "POST":
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            conn.request("POST", PATH, body=encoded.encode("ascii"), headers=headers)
        else:
            conn.request("GET", f"{PATH}?{encoded}", headers=headers)
        response = conn.getresponse()
        body = response.read()
    finally:
        conn.close()
    assert response.status == 200, body
    data = json.loads(body)
    assert isinstance(data, dict)
    return data


def call_raw(fake: FakeBmlb, action: str, params: Mapping[str, str], **kw: Any) -> dict[str, Any]:
    method = kw.get("method", "POST")
    return send_raw(fake, signed_params(fake, action, params, **kw), method=method)


def poll(client: Client, request_id: int, limit: int = 20) -> list[TaskStatus]:
    """Poll a task until it ends; every status seen."""
    seen = []
    for _ in range(limit):
        status = client.describe_bm_load_balancers_task_result(request_id=request_id).status
        seen.append(status)
        if status != TaskStatus.RUNNING:
            return seen
    raise AssertionError(f"task {request_id} still running after {limit} polls")


def done(client: Client, result: Any) -> Any:
    """``result`` of a change, once its task (if it started one) has succeeded."""
    request_id = getattr(result, "request_id", None)
    if request_id is not None:
        assert poll(client, request_id)[-1] == TaskStatus.SUCCEEDED
    return result


def unbind_args(*pairs: tuple[str, int]) -> dict[str, Any]:
    return {
        "load_balancer_id": LB,
        "listener_id": LISTENER,
        "backends": [Backend(instance_id=i, port=p) for i, p in pairs],
    }


def one_try_client(fake: FakeBmlb, **options: Any) -> Client:
    """A client of the fake that makes one try per call, so that a test sees the fake's
    answer to that try."""
    return fake.client(retries=0, **options)
