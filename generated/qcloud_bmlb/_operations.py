"""What the runtime needs to call each action of the BM Load Balancer API. Generated from spec/ by `python -m generator`; do not edit."""

from __future__ import annotations

from collections.abc import Mapping
from operator import attrgetter
from typing import Any

from . import models
from ._runtime import (
    ArrayParam,
    Operation,
    ResultField,
    ScalarParam,
    TaskInfo,
    plain,
    plain_lines,
)

_GET_INSTANCE_ID = attrgetter("instance_id")
_GET_PORT = attrgetter("port")
_PLAIN_LINES_64 = plain_lines(64)

_TASKSTATUS_BY_VALUE = {member.value: member for member in models.TaskStatus}


def _describe_bm_load_balancers_task_result(args: Mapping[str, Any]) -> str | None:
    """DescribeBmLoadBalancersTaskResult's parameters as signed and sent, or None (see ``Operation.fast``)."""
    v0 = args.get("request_id")
    if type(v0) is not int:
        return None
    return f"&requestId={v0}"


def _describe_bm_load_balancers_task_result_result(
    data: dict[str, Any],
) -> models.DescribeBmLoadBalancersTaskResult | None:
    """DescribeBmLoadBalancersTaskResult's result, or None (see ``Operation.fast_result``)."""
    node: Any = data
    node = node.get("data")
    if type(node) is not dict:
        return None
    v0 = node.get("status")
    v0 = _TASKSTATUS_BY_VALUE.get(v0) if type(v0) is int else None
    if v0 is None:
        return None
    return models.DescribeBmLoadBalancersTaskResult(status=v0, raw=data)


DESCRIBE_BM_LOAD_BALANCERS_TASK_RESULT = Operation(
    action="DescribeBmLoadBalancersTaskResult",
    params=(ScalarParam(name="request_id", wire="requestId", kind="Int", required=True),),
    result=models.DescribeBmLoadBalancersTaskResult,
    errors=(),
    idempotent=True,
    task_id=None,
    result_fields=(ResultField(name="status", path=("data", "status"), enum=models.TaskStatus),),
    fast=_describe_bm_load_balancers_task_result,
    fast_result=_describe_bm_load_balancers_task_result_result,
)


def _modify_bm_l4_listener_backend_port(args: Mapping[str, Any]) -> str | None:
    """ModifyBmL4ListenerBackendPort's parameters as signed and sent, or None (see ``Operation.fast``)."""
    v0 = args.get("load_balancer_id")
    if type(v0) is not str or not plain(v0) or len(v0) > 64:
        return None
    v1 = args.get("listener_id")
    if type(v1) is not str or not plain(v1) or len(v1) > 64:
        return None
    v2 = args.get("instance_id")
    if type(v2) is not str or not plain(v2) or len(v2) > 64:
        return None
    v3 = args.get("port")
    if type(v3) is not int or v3 < 1 or v3 > 65535:
        return None
    v4 = args.get("new_port")
    if type(v4) is not int or v4 < 1 or v4 > 65535:
        return None
    return f"&instanceId={v2}&listenerId={v1}&loadBalancerId={v0}&newPort={v4}&port={v3}"


def _modify_bm_l4_listener_backend_port_result(
    data: dict[str, Any],
) -> models.ModifyBmL4ListenerBackendPortResult | None:
    """ModifyBmL4ListenerBackendPort's result, or None (see ``Operation.fast_result``)."""
    v0 = data.get("requestId")
    if type(v0) is not int:
        return None
    return models.ModifyBmL4ListenerBackendPortResult(request_id=v0, raw=data)


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
    fast=_modify_bm_l4_listener_backend_port,
    fast_result=_modify_bm_l4_listener_backend_port_result,
)


def _modify_bm_l4_listener_backend_probe_port(args: Mapping[str, Any]) -> str | None:
    """ModifyBmL4ListenerBackendProbePort's parameters as signed and sent, or None (see ``Operation.fast``)."""
    v0 = args.get("load_balancer_id")
    if type(v0) is not str or not plain(v0) or len(v0) > 64:
        return None
    v1 = args.get("listener_id")
    if type(v1) is not str or not plain(v1) or len(v1) > 64:
        return None
    v2 = args.get("instance_id")
    if type(v2) is not str or not plain(v2) or len(v2) > 64:
        return None
    v3 = args.get("port")
    if type(v3) is not int or v3 < 1 or v3 > 65535:
        return None
    v4 = args.get("probe_port")
    if type(v4) is not int or v4 < 1 or v4 > 65535:
        return None
    return f"&instanceId={v2}&listenerId={v1}&loadBalancerId={v0}&port={v3}&probePort={v4}"


def _modify_bm_l4_listener_backend_probe_port_result(
    data: dict[str, Any],
) -> models.ModifyBmL4ListenerBackendProbePortResult | None:
    """ModifyBmL4ListenerBackendProbePort's result, or None (see ``Operation.fast_result``)."""
    v0 = data.get("requestId")
    if type(v0) is not int:
        return None
    return models.ModifyBmL4ListenerBackendProbePortResult(request_id=v0, raw=data)


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
    fast=_modify_bm_l4_listener_backend_probe_port,
    fast_result=_modify_bm_l4_listener_backend_probe_port_result,
)

_UNBIND_BM_L4_LISTENER_RS_BACKENDS = ArrayParam(
    name="backends",
    wire="backends",
    item_type=models.Backend,
    fields=(
        ScalarParam(
            name="instance_id", wire="instanceId", kind="String", required=True, max_length=64
        ),
        ScalarParam(name="port", wire="port", kind="Int", required=True, minimum=1, maximum=65535),
    ),
    required=True,
    min_items=1,
    max_items=255,
    unique=("instance_id", "port"),
)


def _unbind_bm_l4_listener_rs_backends(items: Any) -> str | None:
    """The encoded backends of UnbindBmL4ListenerRs, or None (see ``Operation.fast``)."""
    if type(items) is not list and type(items) is not tuple:
        return None
    count = len(items)
    if not 1 <= count <= 255 or set(map(type, items)) != {models.Backend}:
        return None
    c0 = list(map(_GET_INSTANCE_ID, items))
    if set(map(type, c0)) != {str} or not _PLAIN_LINES_64("\n".join(c0)):
        return None
    c1 = list(map(_GET_PORT, items))
    if set(map(type, c1)) != {int} or min(c1) < 1 or max(c1) > 65535:
        return None
    if (
        len(set(c0)) != count
        and len(set(c1)) != count
        and len(set(zip(c0, c1, strict=True))) != count
    ):
        return None
    return _UNBIND_BM_L4_LISTENER_RS_BACKENDS.fast_format(count, c0 + c1)


def _unbind_bm_l4_listener_rs(args: Mapping[str, Any]) -> str | None:
    """UnbindBmL4ListenerRs's parameters as signed and sent, or None (see ``Operation.fast``)."""
    v0 = args.get("load_balancer_id")
    if type(v0) is not str or not plain(v0) or len(v0) > 64:
        return None
    v1 = args.get("listener_id")
    if type(v1) is not str or not plain(v1) or len(v1) > 64:
        return None
    v2 = args.get("backends")
    s2 = _unbind_bm_l4_listener_rs_backends(v2)
    if s2 is None:
        return None
    return f"{s2}&listenerId={v1}&loadBalancerId={v0}"


def _unbind_bm_l4_listener_rs_result(
    data: dict[str, Any],
) -> models.UnbindBmL4ListenerRsResult | None:
    """UnbindBmL4ListenerRs's result, or None (see ``Operation.fast_result``)."""
    v0 = data.get("requestId")
    if type(v0) is not int:
        return None
    return models.UnbindBmL4ListenerRsResult(request_id=v0, raw=data)


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
        _UNBIND_BM_L4_LISTENER_RS_BACKENDS,
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
    fast=_unbind_bm_l4_listener_rs,
    fast_result=_unbind_bm_l4_listener_rs_result,
)


#: Every action's Operation, by action name.
OPERATIONS: dict[str, Operation[Any]] = {
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


#: How tasks are polled (by ``wait_for_task`` and ``wait=``).
TASK = TaskInfo(
    operation=DESCRIBE_BM_LOAD_BALANCERS_TASK_RESULT,
    request_param="request_id",
    status_field="status",
    succeeded=models.TaskStatus.SUCCEEDED,
    failed=models.TaskStatus.FAILED,
)
