"""A small local stand-in for the BM load balancer API, for the quick-start example.

It speaks the v2 wire protocol on loopback (form or query parameters, HMAC signature),
verifies every signature with its own code, and keeps just enough state for the example: the
backends bound to one listener, and tasks that report "running" once, then "succeeded".
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import itertools
import json
import logging
from typing import Any

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

PATH = "/v2/index.php"
logging.getLogger("werkzeug").setLevel(logging.ERROR)  # no per-request access log


class LocalBmlb:
    def __init__(self, secret_id: str, secret_key: str, backends: dict[str, set[int]]) -> None:
        self.secret_id, self.secret_key = secret_id, secret_key
        self.backends = backends  # instance id -> bound ports of the one listener
        self.tasks: dict[int, int] = {}  # request id -> polls left before it succeeds
        self._ids = itertools.count(1001)
        self.server = HTTPServer(host="127.0.0.1", port=0)
        self.server.expect_request(PATH).respond_with_handler(self._handle)

    def __enter__(self) -> LocalBmlb:
        self.server.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.clear()
        if self.server.is_running():
            self.server.stop()

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.server.port}"

    def _signature_ok(self, method: str, params: dict[str, str]) -> bool:
        joined = "&".join(
            f"{k.replace('_', '.')}={params[k]}" for k in sorted(params) if k != "Signature"
        )
        text = f"{method}{self.server.host}{PATH}?{joined}"
        digest = hashlib.sha256 if params.get("SignatureMethod") == "HmacSHA256" else hashlib.sha1
        mac = hmac.new(self.secret_key.encode(), text.encode(), digest).digest()
        return hmac.compare_digest(base64.b64encode(mac).decode(), params.get("Signature", ""))

    def _handle(self, request: Request) -> Response:
        source = request.form if request.method == "POST" else request.args
        params = {k: source[k] for k in source}
        if params.get("SecretId") != self.secret_id:
            return _answer(4104, "AuthFailure.SecretIdNotFound", "unknown SecretId")
        if not self._signature_ok(request.method, params):
            return _answer(4100, "AuthFailure", "signature mismatch")
        action = params.get("Action")
        if action == "DescribeBmLoadBalancersTaskResult":
            request_id = int(params["requestId"])
            left = self.tasks.get(request_id)
            if left is None:
                return _answer(4000, "InvalidParameter", f"no task {request_id}")
            self.tasks[request_id] = max(left - 1, 0)
            return _answer(0, "Success", "", data={"status": 2 if left else 0})
        if action == "UnbindBmL4ListenerRs":
            pairs = []
            for index in itertools.count():
                if f"backends.{index}.instanceId" not in params:
                    break
                instance = params[f"backends.{index}.instanceId"]
                pairs.append((instance, int(params[f"backends.{index}.port"])))
            for instance, port in pairs:
                if port not in self.backends.get(instance, set()):
                    return _answer(30011, "InvalidRs.NotExist", f"{instance}:{port} is not bound")
            for instance, port in pairs:
                self.backends[instance].discard(port)
        elif action in ("ModifyBmL4ListenerBackendPort", "ModifyBmL4ListenerBackendProbePort"):
            instance, port = params["instanceId"], int(params["port"])
            if port not in self.backends.get(instance, set()):
                return _answer(30011, "InvalidRs.NotExist", f"{instance}:{port} is not bound")
            if action == "ModifyBmL4ListenerBackendPort":
                self.backends[instance].discard(port)
                self.backends[instance].add(int(params["newPort"]))
        else:
            return _answer(6100, "UnsupportedOperation", f"unknown action {action}")
        request_id = next(self._ids)
        self.tasks[request_id] = 1
        return _answer(0, "Success", "", requestId=request_id)


def _answer(code: int, code_desc: str, message: str, **fields: Any) -> Response:
    body = {"code": code, "message": message, "codeDesc": code_desc, **fields}
    return Response(json.dumps(body), status=200, content_type="application/json; charset=utf-8")
