"""Loopback round trip per call: our client versus the transports it could have used.

    .venv/bin/python benchmarks/transport.py [--calls N]

Starts one keep-alive HTTP/1.1 server on 127.0.0.1 answering a canned success, then times
N calls of ModifyBmL4ListenerBackendPort through each candidate, each signing its own request.
The baseline is a bare ``http.client`` keep-alive loop that signs and parses JSON itself; every
row prints its ratio to that baseline, measured in the same run. Candidates whose package is
not installed (urllib3, requests) are reported as missing.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import hmac
import http.client
import json
import socket
import statistics
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import quote

from qcloud_bmlb import Client

BODY = json.dumps({"code": 0, "message": "", "codeDesc": "Success", "requestId": 1234}).encode()
PATH = "/v2/index.php"
KEY = "bench-secret-key"


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def setup(self) -> None:
        super().setup()
        # Headers and body go out in two writes; without this Nagle holds the second one.
        self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(BODY)))
        self.end_headers()
        self.wfile.write(BODY)

    def log_message(self, *args: object) -> None:
        pass


def signed_body(nonce: int) -> bytes:
    params = {
        "Action": "ModifyBmL4ListenerBackendPort", "Region": "gz", "Nonce": str(nonce),
        "Timestamp": str(int(time.time())), "SecretId": "AKIDbench",
        "SignatureMethod": "HmacSHA256",
        "loadBalancerId": "lb-abcdefgh", "listenerId": "lbl-abcdefgh", "instanceId": "cpm-abcdefgh",
        "port": "1234", "newPort": "12345",
    }  # fmt: skip
    text = "POST127.0.0.1" + PATH + "?" + "&".join(f"{k}={params[k]}" for k in sorted(params))
    mac = hmac.new(KEY.encode(), text.encode(), hashlib.sha256).digest()
    params["Signature"] = base64.b64encode(mac).decode()
    return "&".join(f"{k}={quote(v, safe='')}" for k, v in params.items()).encode()


HEADERS = {"Content-Type": "application/x-www-form-urlencoded"}


def bare_http_client(port: int) -> Callable[[int], None]:
    conn = http.client.HTTPConnection("127.0.0.1", port)
    conn.connect()
    assert conn.sock is not None
    conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def call(i: int) -> None:
        conn.request("POST", PATH, body=signed_body(i + 1), headers=HEADERS)
        assert json.loads(conn.getresponse().read())["requestId"] == 1234

    return call


def ours(port: int) -> Callable[[int], None]:
    client = Client(
        secret_id="AKIDbench", secret_key=KEY, region="gz", endpoint=f"http://127.0.0.1:{port}"
    )

    def call(i: int) -> None:
        result = client.modify_bm_l4_listener_backend_port(
            load_balancer_id="lb-abcdefgh", listener_id="lbl-abcdefgh",
            instance_id="cpm-abcdefgh", port=1234, new_port=12345,
        )  # fmt: skip
        assert result.request_id == 1234

    return call


def with_urllib3(port: int) -> Callable[[int], None]:
    import urllib3

    pool = urllib3.HTTPConnectionPool("127.0.0.1", port, maxsize=1)

    def call(i: int) -> None:
        r = pool.request("POST", PATH, body=signed_body(i + 1), headers=HEADERS)
        assert json.loads(r.data)["requestId"] == 1234

    return call


def with_requests(port: int) -> Callable[[int], None]:
    import requests

    session = requests.Session()
    url = f"http://127.0.0.1:{port}{PATH}"

    def call(i: int) -> None:
        r = session.post(url, data=signed_body(i + 1), headers=HEADERS)
        assert r.json()["requestId"] == 1234

    return call


def measure(call: Callable[[int], None], calls: int, rounds: int = 5) -> float:
    """Median over rounds of the mean seconds per call."""
    for i in range(50):
        call(i)
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        for i in range(calls):
            call(i)
        samples.append((time.perf_counter() - started) / calls)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=2000)
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    candidates = [
        ("http.client bare loop (baseline)", bare_http_client),
        ("qcloud_bmlb Client", ours),
        ("urllib3 pool", with_urllib3),
        ("requests Session", with_requests),
    ]
    baseline = None
    print(f"{'candidate':34} {'µs/call':>9} {'ratio':>7}")
    for name, factory in candidates:
        try:
            call = factory(port)
        except ImportError:
            print(f"{name:34} {'missing':>9}")
            continue
        seconds = measure(call, args.calls)
        baseline = baseline or seconds
        print(f"{name:34} {seconds * 1e6:9.1f} {seconds / baseline:7.2f}")
    server.shutdown()


if __name__ == "__main__":
    main()
