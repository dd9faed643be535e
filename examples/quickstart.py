"""Quick start: the three documented actions and the task action, against the embedded fake.

    python examples/quickstart.py

No Tencent account and no network beyond loopback: the client talks to
``qcloud_bmlb.testing.FakeBmlb``, a fake BM load balancer started here on 127.0.0.1 and seeded
with one load balancer whose layer-4 listener has three backends bound. Against the real
service, drop ``endpoint=`` and use real credentials (arguments, TENCENTCLOUD_* variables or
~/.tencentcloud/credentials).
"""

from __future__ import annotations

import time

from qcloud_bmlb import Backend, Client, TaskStatus, errors
from qcloud_bmlb.testing import DEFAULT_SEED, FakeBmlb

LB, LISTENER = "lb-abcdefgh", "lbl-abcdefgh"


def wait(client: Client, request_id: int) -> TaskStatus:
    """Poll the task until it is no longer running."""
    while True:
        status = client.describe_bm_load_balancers_task_result(request_id=request_id).status
        print(f"    task {request_id}: {status.name.lower()}")
        if status is not TaskStatus.RUNNING:
            return status
        time.sleep(0.05)


def show(fake: FakeBmlb) -> None:
    bound = ", ".join(
        f"{b.instance_id}:{b.port}" + (f" (probe {b.probe_port})" if b.probe_port else "")
        for b in fake.backends(LB, LISTENER)
    )
    print(f"    bound now: {bound or 'nothing'}")


def main() -> None:
    with FakeBmlb(seed=DEFAULT_SEED) as fake, Client(
        secret_id=fake.secret_id, secret_key=fake.secret_key, region="ap-guangzhou",
        endpoint=fake.endpoint,
    ) as client:  # fmt: skip
        print(f"fake BM load balancer at {fake.endpoint}")
        show(fake)

        print("1. ModifyBmL4ListenerBackendPort: cpm-abcdefgh 1234 -> 12345")
        result = client.modify_bm_l4_listener_backend_port(
            load_balancer_id=LB, listener_id=LISTENER, instance_id="cpm-abcdefgh",
            port=1234, new_port=12345,
        )  # fmt: skip
        print(f"    started task {result.request_id}")
        wait(client, result.request_id)
        show(fake)

        print("2. ModifyBmL4ListenerBackendProbePort: cpm-abcdefgh:8080 probed on 9090")
        result = client.modify_bm_l4_listener_backend_probe_port(
            load_balancer_id=LB, listener_id=LISTENER, instance_id="cpm-abcdefgh",
            port=8080, probe_port=9090,
        )  # fmt: skip
        print(f"    started task {result.request_id}")
        wait(client, result.request_id)
        show(fake)

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
        show(fake)

        print("4. An error, caught by its class: unbind a port that is no longer bound")
        try:
            client.unbind_bm_l4_listener_rs(
                load_balancer_id=LB, listener_id=LISTENER,
                backends=[Backend(instance_id="cpm-ijklmnop", port=1234)],
            )  # fmt: skip
        except errors.InvalidRsNotExist as exc:
            print(f"    caught {type(exc).__name__}: code={exc.code} codeDesc={exc.code_desc}")
            print(f"    message={exc.message!r} retryable={exc.retryable}")

        print("5. Bad input is refused before anything is sent:")
        try:
            client.modify_bm_l4_listener_backend_port(
                load_balancer_id=LB, listener_id=LISTENER, instance_id="cpm-abcdefgh",
                port=8080, new_port=70000,
            )  # fmt: skip
        except errors.ValidationError as exc:
            print(f"    caught ValidationError: {exc}")
        print(f"{len(fake.requests)} requests reached the fake")


if __name__ == "__main__":
    main()
