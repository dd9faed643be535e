"""The actions of the BM Load Balancer API as data: each one's parameters and their rules, and the shape of its answer (see ``_shapes``). Generated from spec/ by `python -m generator`; do not edit."""

from __future__ import annotations

from ._shapes import Array, Int, Operation, String, Struct, TaskInfo

DESCRIBE_BM_LOAD_BALANCERS_TASK_RESULT = Operation(
    "DescribeBmLoadBalancersTaskResult",
    params=(Int("request_id", "requestId"),),
    result=Struct(
        "DescribeBmLoadBalancersTaskResult", (Int("status", "data.status", enum="TaskStatus"),)
    ),
    idempotent=True,
)

MODIFY_BM_L4_LISTENER_BACKEND_PORT = Operation(
    "ModifyBmL4ListenerBackendPort",
    params=(
        String("load_balancer_id", "loadBalancerId", max_length=64),
        String("listener_id", "listenerId", max_length=64),
        String("instance_id", "instanceId", max_length=64),
        Int("port", "port", minimum=1, maximum=65535),
        Int("new_port", "newPort", minimum=1, maximum=65535),
    ),
    result=Struct("ModifyBmL4ListenerBackendPortResult", (Int("request_id", "requestId"),)),
    errors=(9003, 9006, 11041, 12003, -21001, -21000, 11060, 28000, 14100, -12022, 30011),
    task_id="request_id",
)

MODIFY_BM_L4_LISTENER_BACKEND_PROBE_PORT = Operation(
    "ModifyBmL4ListenerBackendProbePort",
    params=(
        String("load_balancer_id", "loadBalancerId", max_length=64),
        String("listener_id", "listenerId", max_length=64),
        String("instance_id", "instanceId", max_length=64),
        Int("port", "port", minimum=1, maximum=65535),
        Int("probe_port", "probePort", minimum=1, maximum=65535),
    ),
    result=Struct("ModifyBmL4ListenerBackendProbePortResult", (Int("request_id", "requestId"),)),
    errors=(9003, 9006, 11041, 12003, -21001, 30011),
    idempotent=True,
    task_id="request_id",
)

UNBIND_BM_L4_LISTENER_RS = Operation(
    "UnbindBmL4ListenerRs",
    params=(
        String("load_balancer_id", "loadBalancerId", max_length=64),
        String("listener_id", "listenerId", max_length=64),
        Array(
            "backends",
            "backends",
            Struct(
                "Backend",
                (
                    String("instance_id", "instanceId", max_length=64),
                    Int("port", "port", minimum=1, maximum=65535),
                ),
            ),
            min_items=1,
            max_items=255,
            unique=("instance_id", "port"),
        ),
    ),
    result=Struct("UnbindBmL4ListenerRsResult", (Int("request_id", "requestId"),)),
    errors=(9003, 9006, 11041, 12003, -21001, -12023, -12021, -21000, 14100, 28000, 30011),
    task_id="request_id",
)

#: Every action's Operation, by action name.
OPERATIONS: dict[str, Operation] = {
    "DescribeBmLoadBalancersTaskResult": DESCRIBE_BM_LOAD_BALANCERS_TASK_RESULT,
    "ModifyBmL4ListenerBackendPort": MODIFY_BM_L4_LISTENER_BACKEND_PORT,
    "ModifyBmL4ListenerBackendProbePort": MODIFY_BM_L4_LISTENER_BACKEND_PROBE_PORT,
    "UnbindBmL4ListenerRs": UNBIND_BM_L4_LISTENER_RS,
}

#: Each short region alias and the region code it stands for (the service takes either).
REGION_ALIASES: dict[str, str] = {
    "bj": "ap-beijing",
    "sh": "ap-shanghai",
    "gz": "ap-guangzhou",
}

#: How tasks are polled (by ``wait_for_task`` and ``wait=``): the status members that end a wait.
TASK = TaskInfo(
    DESCRIBE_BM_LOAD_BALANCERS_TASK_RESULT,
    request_param="request_id",
    status_field="status",
    succeeded="SUCCEEDED",
    failed="FAILED",
)
