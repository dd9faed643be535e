"""Quick start: a day's work on a load balancer, against the embedded fake.

    python examples/quickstart.py

No Tencent account and no network beyond loopback: the client talks to
``qcloud_bmlb.testing.FakeBmlb``, a fake BM load balancer started here on 127.0.0.1 from its
default seed (a load balancer with a layer-4 and a layer-7 listener, hosts to bind). It lists
the listeners, binds a host and a VM IP, shows what is bound, moves a port, unbinds, waiting
for each change's task; then an error caught by its class, and bad input refused before
anything is sent. Against the real service, make the ``Client`` with real credentials
(arguments, TENCENTCLOUD_* variables or ~/.tencentcloud/credentials) and no endpoint.
"""

from __future__ import annotations

import time
from typing import Any

from qcloud_bmlb import Backend, Client, TaskStatus, errors
from qcloud_bmlb.models import BindBmL4ListenerRsBackend, BindBmL4ListenerVmIpVm, VmBackend
from qcloud_bmlb.testing import DEFAULT_SEED, FakeBmlb

LB, LISTENER = "lb-abcdefgh", "lbl-abcdefgh"
SPARE_HOST, VM = "cpm-qrstuvwx", "10.0.0.5"


def wait(client: Client, started: Any) -> None:
    """Poll a change's task until it ends, saying what it reports."""
    request_id, seen, began = started.request_id, [], time.monotonic()
    while True:
        status = client.describe_bm_load_balancers_task_result(request_id=request_id).status
        if not seen or seen[-1] != status.name.lower():
            seen.append(status.name.lower())
        if status is not TaskStatus.RUNNING:
            break
        time.sleep(0.05)
    print(f"    task {request_id}: {' -> '.join(seen)} ({time.monotonic() - began:.2f} s)")


def show_listeners(client: Client) -> None:
    layer4 = client.describe_bm_listeners(load_balancer_id=LB).listener_set
    layer7 = client.describe_bm_forward_listeners(load_balancer_id=LB).listener_set
    for x in [*layer4, *layer7]:
        print(f"    {x.listener_id}  {x.protocol:5} {x.load_balancer_port:<6} {x.listener_name}")


def show_backends(client: Client) -> None:
    data = client.describe_bm_l4_listener_backends(load_balancer_id=LB, listener_id=LISTENER).data
    for b in data:
        what = f"host {b.instance_id} ({b.alias}, {b.lan_ip})" if b.bind_type == 0 else (
            f"VM IP {b.lan_ip}"
        )  # fmt: skip
        print(f"    {what:40} port {b.rs_port:<6} weight {b.weight:<4} {b.status}")


def main() -> None:
    with FakeBmlb(seed=DEFAULT_SEED) as fake, Client(
        secret_id=fake.secret_id, secret_key=fake.secret_key, region=fake.region,
        endpoint=fake.endpoint,
    ) as client:  # fmt: skip
        fake.task_seconds = 0.2  # tasks take a while, as the service's do
        print(f"fake BM load balancer at {fake.endpoint}, region {fake.region}")

        print(f"1. The listeners of {LB} (DescribeBmListeners, DescribeBmForwardListeners)")
        show_listeners(client)

        print(f"2. Bind {SPARE_HOST}:8080 and the VM IP {VM}:8080 to {LISTENER}")
        wait(client, client.bind_bm_l4_listener_rs(
            load_balancer_id=LB, listener_id=LISTENER,
            backends=[BindBmL4ListenerRsBackend(instance_id=SPARE_HOST, port=8080, weight=20)],
        ))  # fmt: skip
        wait(client, client.bind_bm_l4_listener_vm_ip(
            load_balancer_id=LB, listener_id=LISTENER,
            vm_list=[BindBmL4ListenerVmIpVm(vm_ip=VM, port=8080, weight=5)],
        ))  # fmt: skip

        print(f"3. What is bound to {LISTENER} now (DescribeBmL4ListenerBackends)")
        show_backends(client)

        print("4. Move cpm-abcdefgh from port 1234 to 12345 (ModifyBmL4ListenerBackendPort)")
        wait(client, client.modify_bm_l4_listener_backend_port(
            load_balancer_id=LB, listener_id=LISTENER, instance_id="cpm-abcdefgh", port=1234,
            new_port=12345,
        ))  # fmt: skip
        show_backends(client)

        print(f"5. Unbind {SPARE_HOST}:8080 and the VM IP (UnbindBmL4ListenerRs, ...VmIp)")
        wait(client, client.unbind_bm_l4_listener_rs(
            load_balancer_id=LB, listener_id=LISTENER,
            backends=[Backend(instance_id=SPARE_HOST, port=8080)],
        ))  # fmt: skip
        wait(client, client.unbind_bm_l4_listener_vm_ip(
            load_balancer_id=LB, listener_id=LISTENER, vm_list=[VmBackend(vm_ip=VM, port=8080)]
        ))  # fmt: skip
        show_backends(client)

        print("6. An error, caught by its class: unbind a port that is not bound")
        try:
            client.unbind_bm_l4_listener_rs(
                load_balancer_id=LB, listener_id=LISTENER,
                backends=[Backend(instance_id=SPARE_HOST, port=8080)],
            )  # fmt: skip
        except errors.InvalidRsNotExist as exc:
            print(f"    caught {type(exc).__name__}: code={exc.code} codeDesc={exc.code_desc}")
            print(f"    message={exc.message!r} retryable={exc.retryable}")

        print("7. Bad input is refused before anything is sent:")
        before = len(fake.requests)
        try:
            client.modify_bm_l4_listener_backend_port(
                load_balancer_id=LB, listener_id=LISTENER, instance_id="cpm-abcdefgh",
                port=8080, new_port=70000,
            )  # fmt: skip
        except errors.ValidationError as exc:
            print(f"    caught ValidationError: {exc}")
        assert len(fake.requests) == before
        print(f"{len(fake.requests)} requests reached the fake")


if __name__ == "__main__":
    main()
