"""What goes on the wire for every action, HTTP method and signature method, checked by a
server-side verifier written here from legacy-api.md (it does not use qcloud_bmlb._signing)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import http.server
import json
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import parse_qsl, urlsplit

import pytest
from pytest_httpserver import HTTPServer
from qcloud_bmlb import Backend, Client, TaskStatus
from werkzeug import Request, Response

from ..conftest import API_PATH, REGION, SECRET_ID, SECRET_KEY, TOKEN, answer, recorded

COMMON = {"Action", "Region", "Timestamp", "Nonce", "SecretId", "SignatureMethod", "Signature"}


def verify_signature(method: str, host: str, path: str, params: dict[str, str], key: str) -> bool:
    """legacy-api.md, "Signature": every parameter but Signature, sorted by UTF-8 bytes, joined
    raw as name=value with '&' ('_' in a name read as '.'), prefixed by METHOD+host+path+'?',
    HMAC-SHA256 when SignatureMethod is HmacSHA256 else HMAC-SHA1, base64."""
    names = sorted((n for n in params if n != "Signature"), key=lambda n: n.encode("utf-8"))
    joined = "&".join(f"{n.replace('_', '.')}={params[n]}" for n in names)
    text = f"{method.upper()}{host}{path}?{joined}"
    digest = hashlib.sha256 if params.get("SignatureMethod") == "HmacSHA256" else hashlib.sha1
    mac = hmac.new(key.encode("utf-8"), text.encode("utf-8"), digest).digest()
    return hmac.compare_digest(base64.b64encode(mac).decode("ascii"), params.get("Signature", ""))


def test_verifier_accepts_a_published_vector_and_rejects_a_changed_one():
    """The verifier itself, against legacy-api.md's bmlb GET+HmacSHA256 vector."""
    params = {
        "Action": "ModifyBmL4ListenerBackendPort",
        "Region": "bj",
        "Timestamp": "1507728683",
        "Nonce": "61431",
        "SecretId": "AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA",
        "SignatureMethod": "HmacSHA256",
        "loadBalancerId": "lb-abcdefgh",
        "listenerId": "lbl-abcdefgh",
        "instanceId": "cpm-abcdefgh",
        "port": "1234",
        "newPort": "12345",
        "Signature": "pckEkd75flqdpRfyzB1pYhiMkNoIdZv/36YrX2B7QPc=",
    }
    key = "Gu5t9xGARNpq86cd98joQYCN3Cozk1qA"
    assert verify_signature("GET", "bmlb.api.qcloud.com", API_PATH, params, key)
    assert not verify_signature("POST", "bmlb.api.qcloud.com", API_PATH, params, key)
    assert not verify_signature(
        "GET", "bmlb.api.qcloud.com", API_PATH, {**params, "port": "1235"}, key
    )


BACKENDS = [
    Backend(instance_id="cpm-aaaa0001", port=80),
    {"instance_id": "cpm-bbbb0002", "port": 443},
    Backend(instance_id="cpm-aaaa0001", port=8080),
]

# method name, kwargs, action, expected action parameters on the wire, response, check of result
ACTIONS = [
    (
        "modify_bm_l4_listener_backend_port",
        {
            "load_balancer_id": "lb-abcdefgh",
            "listener_id": "lbl-abcdefgh",
            "instance_id": "cpm-abcdefgh",
            "port": 1234,
            "new_port": 12345,
        },
        "ModifyBmL4ListenerBackendPort",
        {
            "loadBalancerId": "lb-abcdefgh",
            "listenerId": "lbl-abcdefgh",
            "instanceId": "cpm-abcdefgh",
            "port": "1234",
            "newPort": "12345",
        },
    ),
    (
        "modify_bm_l4_listener_backend_probe_port",
        {
            "load_balancer_id": "lb-abcdefgh",
            "listener_id": "lbl-abcdefgh",
            "instance_id": "cpm-abcdefgh",
            "port": 1,
            "probe_port": 65535,
        },
        "ModifyBmL4ListenerBackendProbePort",
        {
            "loadBalancerId": "lb-abcdefgh",
            "listenerId": "lbl-abcdefgh",
            "instanceId": "cpm-abcdefgh",
            "port": "1",
            "probePort": "65535",
        },
    ),
    (
        "unbind_bm_l4_listener_rs",
        {"load_balancer_id": "lb-abcdefgh", "listener_id": "lbl-abcdefgh", "backends": BACKENDS},
        "UnbindBmL4ListenerRs",
        {
            "loadBalancerId": "lb-abcdefgh",
            "listenerId": "lbl-abcdefgh",
            "backends.0.instanceId": "cpm-aaaa0001",
            "backends.0.port": "80",
            "backends.1.instanceId": "cpm-bbbb0002",
            "backends.1.port": "443",
            "backends.2.instanceId": "cpm-aaaa0001",
            "backends.2.port": "8080",
        },
    ),
    (
        "describe_bm_load_balancers_task_result",
        {"request_id": 98765},
        "DescribeBmLoadBalancersTaskResult",
        {"requestId": "98765"},
    ),
]

TASK_RESPONSE = {"code": 0, "message": "", "codeDesc": "Success", "requestId": "1234"}
STATUS_RESPONSE = {"code": 0, "message": "", "codeDesc": "Success", "data": {"status": 2}}


@pytest.mark.parametrize("token", [None, TOKEN], ids=["no-token", "token"])
@pytest.mark.parametrize("sign_method", ["HmacSHA256", "HmacSHA1"])
@pytest.mark.parametrize("http_method", ["POST", "GET"])
@pytest.mark.parametrize(
    ("method", "kwargs", "action", "action_params"), ACTIONS, ids=[a[2] for a in ACTIONS]
)
def test_wire_form(
    httpserver: HTTPServer,
    endpoint,
    method,
    kwargs,
    action,
    action_params,
    http_method,
    sign_method,
    token,
):
    describe = action == "DescribeBmLoadBalancersTaskResult"
    payload = STATUS_RESPONSE if describe else TASK_RESPONSE
    answer(httpserver, payload)
    with Client(
        secret_id=SECRET_ID,
        secret_key=SECRET_KEY,
        token=token,
        region=REGION,
        endpoint=endpoint,
        sign_method=sign_method,
        http_method=http_method,
    ) as client:
        before = time.time()
        results = [getattr(client, method)(**kwargs) for _ in range(2)]
        after = time.time()

    for result in results:
        if describe:
            assert result.status is TaskStatus.RUNNING
        else:
            assert result.request_id == 1234 and type(result.request_id) is int
        assert result.raw == payload

    host = urlsplit(endpoint).hostname
    requests = recorded(httpserver)
    assert len(requests) == 2
    for rec in requests:
        assert rec.method == http_method
        assert rec.path == API_PATH
        if http_method == "POST":
            assert rec.content_type == "application/x-www-form-urlencoded"
            assert rec.query == []
        else:
            assert rec.body == b""
            assert rec.content_type is None
        params = rec.params
        expected_names = COMMON | set(action_params) | ({"Token"} if token else set())
        assert set(params) == expected_names
        assert {k: params[k] for k in action_params} == action_params
        assert params["Action"] == action
        assert params["Region"] == REGION
        assert params["SecretId"] == SECRET_ID
        assert params["SignatureMethod"] == sign_method
        if token:
            assert params["Token"] == token
        assert int(before) - 2 <= int(params["Timestamp"]) <= after + 2
        assert params["Timestamp"] == str(int(params["Timestamp"]))
        assert int(params["Nonce"]) > 0 and params["Nonce"] == str(int(params["Nonce"]))
        assert verify_signature(http_method, host, API_PATH, params, SECRET_KEY), params
        assert not verify_signature(http_method, host, API_PATH, params, SECRET_KEY + "x")
    assert requests[0].params["Nonce"] != requests[1].params["Nonce"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [(0, TaskStatus.SUCCEEDED), (1, TaskStatus.FAILED), ("2", TaskStatus.RUNNING)],
)
def test_task_status_values(httpserver, client, value, expected):
    answer(httpserver, {"code": 0, "message": "", "codeDesc": "Success", "data": {"status": value}})
    result = client.describe_bm_load_balancers_task_result(request_id=1)
    assert result.status is expected


def test_numeric_request_id_is_kept_as_int(httpserver, client):
    payload = {"code": 0, "message": "", "codeDesc": "Success", "requestId": 4321, "extra": [1]}
    answer(httpserver, payload)
    result = client.unbind_bm_l4_listener_rs(
        load_balancer_id="lb-1", listener_id="lbl-1", backends=[Backend(instance_id="c", port=1)]
    )
    assert result.request_id == 4321 and type(result.request_id) is int
    assert result.raw == payload


# --- a keep-alive HTTP/1.1 server (werkzeug's test server closes every connection) ------------


class KeepAliveServer:
    """A threaded HTTP/1.1 server that keeps connections open and records each request's
    parameters and the client's (host, port), answering through ``respond(params)``."""

    def __init__(self, respond: Callable[[dict[str, str]], dict], close_after_each: bool = False):
        self.requests: list[tuple[tuple[str, int], dict[str, str]]] = []
        lock = threading.Lock()
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode("ascii")
                query = urlsplit(self.path).query
                params = dict(parse_qsl(body if self.command == "POST" else query))
                with lock:
                    outer.requests.append((self.client_address, params))
                data = json.dumps(respond(params)).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
                if close_after_each:
                    # an idle timeout on the server: close without announcing it
                    self.close_connection = True

            do_GET = do_POST = _handle

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self.thread.start()

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def echo_port(params: dict[str, str]) -> dict:
    """A task id derived from the request's own `port`, alternately as a string and an int."""
    port = int(params["port"])
    rid = port * 7 + 3
    return {
        "code": 0,
        "message": "",
        "codeDesc": "Success",
        "requestId": str(rid) if port % 2 else rid,
    }


@pytest.fixture
def keepalive() -> Iterator[KeepAliveServer]:
    server = KeepAliveServer(echo_port)
    yield server
    server.close()


@pytest.mark.parametrize("http_method", ["POST", "GET"])
def test_one_keepalive_connection_for_sequential_calls(keepalive, http_method):
    with Client(
        secret_id=SECRET_ID,
        secret_key=SECRET_KEY,
        region=REGION,
        endpoint=keepalive.endpoint,
        http_method=http_method,
    ) as client:
        results = [
            client.modify_bm_l4_listener_backend_port(
                load_balancer_id="lb-1",
                listener_id="lbl-1",
                instance_id="cpm-1",
                port=port,
                new_port=2,
            )
            for port in range(1, 6)
        ]
        assert client._transport.connections_opened == 1
    assert [r.request_id for r in results] == [p * 7 + 3 for p in range(1, 6)]
    # the server saw all five on one TCP connection (same client address)
    assert len(keepalive.requests) == 5
    assert len({address for address, _ in keepalive.requests}) == 1


def _hammer(endpoint: str) -> tuple[Client, list[tuple[int, int]]]:
    client = Client(secret_id=SECRET_ID, secret_key=SECRET_KEY, region=REGION, endpoint=endpoint)

    def worker(thread: int) -> list[tuple[int, int]]:
        out = []
        for i in range(50):
            port = thread * 50 + i + 1
            result = client.modify_bm_l4_listener_backend_port(
                load_balancer_id="lb-1",
                listener_id="lbl-1",
                instance_id=f"cpm-{thread}",
                port=port,
                new_port=port,
            )
            out.append((port, result.request_id))
        return out

    with ThreadPoolExecutor(max_workers=8) as pool:
        pairs = [p for chunk in pool.map(worker, range(8)) for p in chunk]
    return client, pairs


def test_shared_between_threads_keepalive(keepalive):
    client, pairs = _hammer(keepalive.endpoint)
    try:
        assert len(pairs) == 400
        assert all(rid == port * 7 + 3 for port, rid in pairs), [
            p for p in pairs if p[1] != p[0] * 7 + 3
        ]
        assert sorted(port for port, _ in pairs) == list(range(1, 401))
        # connections were pooled: far fewer than one per call, at most one per thread
        assert 1 <= client._transport.connections_opened <= 8
    finally:
        client.close()
    assert len(keepalive.requests) == 400
    nonces = [params["Nonce"] for _, params in keepalive.requests]
    assert len(set(nonces)) == 400


def test_shared_between_threads_closing_server(httpserver: HTTPServer, endpoint):
    """The same through pytest-httpserver, which closes each connection after its answer."""

    def handler(request: Request) -> Response:
        params = dict(parse_qsl(request.get_data().decode("ascii")))
        return Response(json.dumps(echo_port(params)), content_type="application/json")

    httpserver.expect_request(API_PATH, method="POST").respond_with_handler(handler)
    client, pairs = _hammer(endpoint)
    client.close()
    assert len(pairs) == 400
    assert all(rid == port * 7 + 3 for port, rid in pairs)
    assert sorted(port for port, _ in pairs) == list(range(1, 401))


def test_connection_closed_by_server_while_idle_is_replaced():
    """A keep-alive connection the server dropped while idle is not an error for the next call."""
    server = KeepAliveServer(echo_port, close_after_each=True)
    try:
        with Client(
            secret_id=SECRET_ID, secret_key=SECRET_KEY, region=REGION, endpoint=server.endpoint
        ) as client:
            ids = []
            for port in (1, 2, 3):
                ids.append(
                    client.modify_bm_l4_listener_backend_port(
                        load_balancer_id="lb-1",
                        listener_id="lbl-1",
                        instance_id="cpm-1",
                        port=port,
                        new_port=2,
                    ).request_id
                )
                time.sleep(0.05)
            assert client._transport.connections_opened == 3
    finally:
        server.close()
    assert ids == [10, 17, 24]
    assert len(server.requests) == 3  # each request reached the server exactly once
