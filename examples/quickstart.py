"""Quick start: all three documented actions and the task action, against a local server.

    python examples/quickstart.py

No Tencent account and no network beyond loopback: the client talks to a stand-in server
started here (examples/local_server.py). Against the real service, drop `endpoint=` and give
real credentials (arguments, TENCENTCLOUD_* variables or ~/.tencentcloud/credentials).
"""

from __future__ import annotations

import time

from local_server import LocalBmlb
from qcloud_bmlb import Backend, Client, TaskStatus, errors

SECRET_ID, SECRET_KEY = "AKIDEXAMPLEEXAMPLEEXAMPLE", "example-secret-key"
LB, LISTENER = "lb-abcdefgh", "lbl-abcdefgh"


def wait(client: Client, request_id: int) -> TaskStatus:
    """Poll the task until it is no longer running."""
    while True:
        status = client.describe_bm_load_balancers_task_result(request_id=request_id).status
        print(f"    task {request_id}: {status.name.lower()}")
        if status is not TaskStatus.RUNNING:
            return status
        time.sleep(0.1)


def main() -> None:
    bound = {"cpm-abcdefgh": {1234, 8080}, "cpm-ijklmnop": {1234}}
    with (
        LocalBmlb(SECRET_ID, SECRET_KEY, bound) as server,
        Client(
            secret_id=SECRET_ID, secret_key=SECRET_KEY, region="gz", endpoint=server.endpoint
        ) as client,
    ):
        print(f"client: {client!r}")
        print("1. ModifyBmL4ListenerBackendPort: cpm-abcdefgh 1234 -> 12345")
        result = client.modify_bm_l4_listener_backend_port(
            load_balancer_id=LB, listener_id=LISTENER, instance_id="cpm-abcdefgh",
            port=1234, new_port=12345,
        )  # fmt: skip
        print(f"    started task {result.request_id}")
        wait(client, result.request_id)

        print("2. ModifyBmL4ListenerBackendProbePort: cpm-abcdefgh 8080 probes on 9090")
        result = client.modify_bm_l4_listener_backend_probe_port(
            load_balancer_id=LB, listener_id=LISTENER, instance_id="cpm-abcdefgh",
            port=8080, probe_port=9090,
        )  # fmt: skip
        print(f"    started task {result.request_id}")
        wait(client, result.request_id)

        print("3. UnbindBmL4ListenerRs: cpm-ijklmnop:1234 and cpm-abcdefgh:12345")
        result = client.unbind_bm_l4_listener_rs(
            load_balancer_id=LB,
            listener_id=LISTENER,
            backends=[
                Backend(instance_id="cpm-ijklmnop", port=1234),
                Backend(instance_id="cpm-abcdefgh", port=12345),
            ],
        )
        print(f"    started task {result.request_id}")
        wait(client, result.request_id)

        print("4. An error, caught by its class: unbind a port that is no longer bound")
        try:
            client.unbind_bm_l4_listener_rs(
                load_balancer_id=LB, listener_id=LISTENER,
                backends=[Backend(instance_id="cpm-ijklmnop", port=1234)],
            )  # fmt: skip
        except errors.InvalidRsNotExist as exc:
            print(f"    caught {type(exc).__name__}: code={exc.code} codeDesc={exc.code_desc}")
            print(f"    message={exc.message!r} retryable={exc.retryable}")

        print("5. Bad input never leaves the machine:")
        try:
            client.modify_bm_l4_listener_backend_port(
                load_balancer_id=LB, listener_id=LISTENER, instance_id="cpm-abcdefgh",
                port=8080, new_port=70000,
            )  # fmt: skip
        except errors.ValidationError as exc:
            print(f"    caught ValidationError: {exc}")
        print(f"bound now: { {k: sorted(v) for k, v in sorted(server.backends.items())} }")


if __name__ == "__main__":
    main()
