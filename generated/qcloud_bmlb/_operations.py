"""What the runtime needs to call each action of the BM Load Balancer API. Generated from spec/ by `python -m generator`; do not edit."""

from __future__ import annotations

from typing import Any

from . import models
from ._runtime import ArrayParam, Operation, ResultField, ScalarParam, TaskInfo

DESCRIBE_BM_LOAD_BALANCERS_TASK_RESULT = Operation(
    action="DescribeBmLoadBalancersTaskResult",
    params=(ScalarParam(name="request_id", wire="requestId", kind="Int", required=True),),
    result=models.DescribeBmLoadBalancersTaskResult,
    errors=(),
    idempotent=True,
    task_id=None,
    result_fields=(ResultField(name="status", path=("data", "status"), enum=models.TaskStatus),),
)

MODIFY_BM_L4_LISTENER_BACKEND_PORT = Operation(
    action="ModifyBmL4ListenerBackendPort",
    params=(
        ScalarParam(
            name="load_balancer_id",
            wire="loadBalancerId",
            kind="String",
            required=True,
            max_length=64,
        ),
        ScalarParam(
            name="listener_id", wire="listenerId", kind="String", required=True, max_length=64
        ),
        ScalarParam(
            name="instance_id", wire="instanceId", kind="String", required=True, max_length=64
        ),
        ScalarParam(name="port", wire="port", kind="Int", required=True, minimum=1, maximum=65535),
        ScalarParam(
            name="new_port", wire="newPort", kind="Int", required=True, minimum=1, maximum=65535
        ),
    ),
    result=models.ModifyBmL4ListenerBackendPortResult,
    errors=(
        9003,
        9006,
        11041,
        12003,
        -21001,
        -21000,
        11060,
        28000,
        14100,
        -12022,
        30011,
    ),
    idempotent=False,
    task_id="request_id",
    result_fields=(ResultField(name="request_id", path=("requestId",)),),
)

MODIFY_BM_L4_LISTENER_BACKEND_PROBE_PORT = Operation(
    action="ModifyBmL4ListenerBackendProbePort",
    params=(
        ScalarParam(
            name="load_balancer_id",
            wire="loadBalancerId",
            kind="String",
            required=True,
            max_length=64,
        ),
        ScalarParam(
            name="listener_id", wire="listenerId", kind="String", required=True, max_length=64
        ),
        ScalarParam(
            name="instance_id", wire="instanceId", kind="String", required=True, max_length=64
        ),
        ScalarParam(name="port", wire="port", kind="Int", required=True, minimum=1, maximum=65535),
        ScalarParam(
            name="probe_port", wire="probePort", kind="Int", required=True, minimum=1, maximum=65535
        ),
    ),
    result=models.ModifyBmL4ListenerBackendProbePortResult,
    errors=(
        9003,
        9006,
        11041,
        12003,
        -21001,
        30011,
    ),
    idempotent=True,
    task_id="request_id",
    result_fields=(ResultField(name="request_id", path=("requestId",)),),
)

UNBIND_BM_L4_LISTENER_RS = Operation(
    action="UnbindBmL4ListenerRs",
    params=(
        ScalarParam(
            name="load_balancer_id",
            wire="loadBalancerId",
            kind="String",
            required=True,
            max_length=64,
        ),
        ScalarParam(
            name="listener_id", wire="listenerId", kind="String", required=True, max_length=64
        ),
        ArrayParam(
            name="backends",
            wire="backends",
            item_type=models.Backend,
            fields=(
                ScalarParam(
                    name="instance_id",
                    wire="instanceId",
                    kind="String",
                    required=True,
                    max_length=64,
                ),
                ScalarParam(
                    name="port", wire="port", kind="Int", required=True, minimum=1, maximum=65535
                ),
            ),
            required=True,
            min_items=1,
            max_items=255,
            unique=("instance_id", "port"),
        ),
    ),
    result=models.UnbindBmL4ListenerRsResult,
    errors=(
        9003,
        9006,
        11041,
        12003,
        -21001,
        -12023,
        -12021,
        -21000,
        14100,
        28000,
        30011,
    ),
    idempotent=False,
    task_id="request_id",
    result_fields=(ResultField(name="request_id", path=("requestId",)),),
)


#: Every action's Operation, by action name.
OPERATIONS: dict[str, Operation[Any]] = {
    "DescribeBmLoadBalancersTaskResult": DESCRIBE_BM_LOAD_BALANCERS_TASK_RESULT,
    "ModifyBmL4ListenerBackendPort": MODIFY_BM_L4_LISTENER_BACKEND_PORT,
    "ModifyBmL4ListenerBackendProbePort": MODIFY_BM_L4_LISTENER_BACKEND_PROBE_PORT,
    "UnbindBmL4ListenerRs": UNBIND_BM_L4_LISTENER_RS,
}


#: How tasks are polled (by ``wait_for_task`` and ``wait=``).
TASK = TaskInfo(
    operation=DESCRIBE_BM_LOAD_BALANCERS_TASK_RESULT,
    request_param="request_id",
    status_field="status",
    succeeded=models.TaskStatus.SUCCEEDED,
    failed=models.TaskStatus.FAILED,
)
