"""The official legacy SDK against the fake: every action of Tencent's pages, sent by a client
nobody here wrote, with the parameters of the page's own example.

    bash benchmarks/setup_peers.sh                  # once: qcloudapi-sdk-python==2.0.15 & co
    .venv/bin/python benchmarks/legacy_sdk.py [-v]  # exit 1 if an action fails

For each action of the corpus (``../shared/reference/bmlb-docs/pages``), the example of its
spec file is sent by ``qcloudapi-sdk-python`` (in its own venv, ``benchmarks/.peers``; skipped
with a message where it is not installed) to a fake started from the pages' world
(``tests/support/pages.py``: the seeds of the ids the examples use, at the examples' time, in
each of its readings until one answers with success). An action passes when the fake answers
with success or with an error its page documents; it fails on anything else, "not
implemented" (6100, 6200) and signature failures (4100) above all. GET with HmacSHA1 and POST
with HmacSHA256 alternate from one action to the next.

Two things about the SDK are not the service's and are set aside, nothing else: it ignores a
custom endpoint for bmlb (its ``Bmlb.requestHost`` is the class's), so the host is set there,
with the fake's port, as a user testing on the fake would; and it speaks HTTPS only, so its
connection class is swapped for the plain-HTTP one of ``http.client``. Its parameters,
flattening, Nonce, RequestClient and signature (over ``host:port``) are its own.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _bench import GENERATED, ROOT, peers_python

SECRET_ID, KEY = "AKIDlegacycheck0123456789", "legacy-check-secret-key-0123456789"


def peer() -> None:
    """The SDK's side: one JSON request a line on stdin, its answer a line on stdout."""
    import http.client

    from QcloudApi.common import request
    from QcloudApi.modules.bmlb import Bmlb
    from QcloudApi.qcloudapi import QcloudApi

    class PlainConnection(http.client.HTTPConnection):
        """The SDK's connection (``MyHTTPSConnection``: its interface, without TLS)."""

        def __init__(self, host: str, port: int | None = None) -> None:
            super().__init__(host, port)
            self.request_length = 0

        def send(self, data: Any) -> None:
            super().send(data)
            self.request_length += len(data)

    request.MyHTTPSConnection = PlainConnection  # type: ignore[misc,assignment]
    for line in sys.stdin:
        job = json.loads(line)
        Bmlb.requestHost = job["host"]  # the SDK takes no endpoint for bmlb: its class's host
        api = QcloudApi("bmlb", {
            "secretId": job["secret_id"], "secretKey": job["secret_key"],
            "Region": job["region"], "method": job["method"],
            "SignatureMethod": job["sign_method"],
        })  # fmt: skip
        params = dict(job["params"], Timestamp=job["timestamp"])
        try:
            answer: dict[str, Any] = {"body": api.call(job["action"], params).decode("utf-8")}
        except Exception as exc:  # the SDK's network and parameter errors
            answer = {"error": f"{type(exc).__name__}: {exc}"}
        print(json.dumps(answer), flush=True)


def check(verbose: bool) -> int:
    python = peers_python()
    if (
        python is None
        or subprocess.run([str(python), "-c", "import QcloudApi"], capture_output=True).returncode
    ):
        print("legacy SDK check skipped: qcloudapi-sdk-python is not installed in "
              "benchmarks/.peers (bash benchmarks/setup_peers.sh installs it)")  # fmt: skip
        return 0
    sys.path.insert(0, str(GENERATED))
    sys.path.insert(0, str(ROOT))
    from qcloud_bmlb._operations import OPERATIONS
    from qcloud_bmlb.testing import FakeBmlb

    from tests.support.pages import PAGES_TIME, corpus_actions, examples, verdict, worlds

    driver = subprocess.Popen(
        [str(python), str(Path(__file__).resolve()), "--peer"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert driver.stdin is not None and driver.stdout is not None
    started = time.time()
    seeds, spec = worlds(), examples()
    failed = 0
    print(f"{'action':36} {'verdict':10} {'code':>6}  world")
    for n, action in enumerate(corpus_actions()):
        op, example = OPERATIONS.get(action), spec.get(action)
        if op is None or example is None:
            failed += 1
            print(f"{action:36} {'FAILED':10} {'':>6}  not in the spec: nothing to send")
            continue
        method, sign = ("GET", "HmacSHA1") if n % 2 == 0 else ("POST", "HmacSHA256")
        tried = []
        for name, seed in seeds:
            clock = lambda: PAGES_TIME + (time.time() - started)  # noqa: E731
            with FakeBmlb(seed=seed, secret_id=SECRET_ID, secret_key=KEY, clock=clock) as fake:
                job = {
                    "host": fake.endpoint.removeprefix("http://"), "secret_id": SECRET_ID,
                    "secret_key": KEY, "region": "bj", "method": method, "sign_method": sign,
                    "action": action, "params": example, "timestamp": int(clock()),
                }  # fmt: skip
                driver.stdin.write(json.dumps(job) + "\n")
                driver.stdin.flush()
                answer = json.loads(driver.stdout.readline())
            if "error" in answer:
                tried.append((name, None, "FAILED", answer["error"]))
                continue
            body = json.loads(answer["body"])
            code = int(body.get("code", -1))
            tried.append((name, code, verdict(code, op.errors), body.get("message", "")))
            if code == 0:
                break
        best = min(tried, key=lambda t: ("success", "documented", "FAILED").index(t[2]))
        failed += best[2] == "FAILED"
        code = "" if best[1] is None else str(best[1])
        note = f"{best[0]}" + (f": {best[3]}" if best[2] != "success" else "")
        print(f"{action:36} {best[2]:10} {code:>6}  {note}")
        if verbose:
            for name, c, v, message in tried:
                print(f"{'':36}   tried {name}: {c} {v} {message}")
    driver.stdin.close()
    driver.wait(timeout=30)
    count = len(corpus_actions())
    print(f"{count - failed} of {count} actions answered with success or a documented error "
          f"(qcloudapi-sdk-python, {time.time() - started:.1f} s)")  # fmt: skip
    return 1 if failed else 0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--peer", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("-v", "--verbose", action="store_true", help="every world's answer")
    args = parser.parse_args()
    if args.peer:
        peer()
        return 0
    return check(args.verbose)


if __name__ == "__main__":
    sys.exit(main())
