"""Request items, response objects, results and named values of the BM Load Balancer API. Generated from spec/ by `python -m generator`; do not edit."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._models import Model, NamedInt

__all__ = [
    "Backend",
    "DescribeBmLoadBalancersTaskResult",
    "ModifyBmL4ListenerBackendPortResult",
    "ModifyBmL4ListenerBackendProbePortResult",
    "TaskStatus",
    "UnbindBmL4ListenerRsResult",
]


class TaskStatus(NamedInt):
    """Values of taskStatus."""

    SUCCEEDED = 0
    """The task succeeded."""

    FAILED = 1
    """The task failed."""

    RUNNING = 2
    """The task is in progress."""


class Backend(Model):
    """One backend of a request; sent flattened with 0-based indexes."""

    __slots__ = ("instance_id", "port")
    _fields = ("instance_id", "port")

    instance_id: str
    """Instance ID of the host to unbind. Range: 1–64 chars."""

    port: int
    """Port of the host to unbind. Available value range: 1-65535. Range: 1–65535."""

    def __init__(
        self,
        *,
        instance_id: str,
        port: int,
    ) -> None:
        self.instance_id = instance_id
        self.port = port


class DescribeBmLoadBalancersTaskResult(Model):
    """What DescribeBmLoadBalancersTaskResult answers; `raw` is the whole response."""

    __slots__ = ("raw", "status")
    _fields = ("status",)

    status: TaskStatus
    """Current status of the task."""

    raw: Mapping[str, Any]
    """The decoded JSON response, as the server sent it."""

    def __init__(
        self,
        *,
        status: TaskStatus,
        raw: Mapping[str, Any],
    ) -> None:
        self.status = status
        self.raw = raw


class ModifyBmL4ListenerBackendPortResult(Model):
    """What ModifyBmL4ListenerBackendPort answers; `raw` is the whole response."""

    __slots__ = ("raw", "request_id")
    _fields = ("request_id",)

    request_id: int
    """Task ID. This API is an asynchronous task; poll its result with DescribeBmLoadBalancersTaskResult using this ID."""

    raw: Mapping[str, Any]
    """The decoded JSON response, as the server sent it."""

    def __init__(
        self,
        *,
        request_id: int,
        raw: Mapping[str, Any],
    ) -> None:
        self.request_id = request_id
        self.raw = raw


class ModifyBmL4ListenerBackendProbePortResult(Model):
    """What ModifyBmL4ListenerBackendProbePort answers; `raw` is the whole response."""

    __slots__ = ("raw", "request_id")
    _fields = ("request_id",)

    request_id: int
    """Task ID. This API is an asynchronous task; poll its result with DescribeBmLoadBalancersTaskResult using this ID."""

    raw: Mapping[str, Any]
    """The decoded JSON response, as the server sent it."""

    def __init__(
        self,
        *,
        request_id: int,
        raw: Mapping[str, Any],
    ) -> None:
        self.request_id = request_id
        self.raw = raw


class UnbindBmL4ListenerRsResult(Model):
    """What UnbindBmL4ListenerRs answers; `raw` is the whole response."""

    __slots__ = ("raw", "request_id")
    _fields = ("request_id",)

    request_id: int
    """Task ID. This API is an asynchronous task; poll its result with DescribeBmLoadBalancersTaskResult using this ID."""

    raw: Mapping[str, Any]
    """The decoded JSON response, as the server sent it."""

    def __init__(
        self,
        *,
        request_id: int,
        raw: Mapping[str, Any],
    ) -> None:
        self.request_id = request_id
        self.raw = raw
