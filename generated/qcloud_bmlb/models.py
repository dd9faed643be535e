"""Request items, results and enums of the BM Load Balancer API. Generated from spec/ by `python -m generator`; do not edit."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

__all__ = [
    "Backend",
    "DescribeBmLoadBalancersTaskResult",
    "ModifyBmL4ListenerBackendPortResult",
    "ModifyBmL4ListenerBackendProbePortResult",
    "TaskStatus",
    "UnbindBmL4ListenerRsResult",
]


class TaskStatus(IntEnum):
    """Values of taskStatus."""

    SUCCEEDED = 0
    """The task succeeded."""

    FAILED = 1
    """The task failed."""

    RUNNING = 2
    """The task is in progress."""


@dataclass(kw_only=True, slots=True)
class Backend:
    """One backend of a request; sent flattened with 0-based indexes."""

    instance_id: str
    """ID of the CPM instance to be unbound. Range: 1–64 chars."""

    port: int
    """CPM port to be unbound. Available value range: 1-65535. Range: 1–65535."""


@dataclass(frozen=True, kw_only=True, slots=True)
class DescribeBmLoadBalancersTaskResult:
    """What DescribeBmLoadBalancersTaskResult answers; `raw` is the whole response."""

    status: TaskStatus
    """Current status of the task."""

    raw: Mapping[str, Any] = field(repr=False, compare=False)
    """The decoded JSON response, as the server sent it."""


@dataclass(frozen=True, kw_only=True, slots=True)
class ModifyBmL4ListenerBackendPortResult:
    """What ModifyBmL4ListenerBackendPort answers; `raw` is the whole response."""

    request_id: int
    """Task ID. This API is an asynchronous task; poll its result with DescribeBmLoadBalancersTaskResult using this ID."""

    raw: Mapping[str, Any] = field(repr=False, compare=False)
    """The decoded JSON response, as the server sent it."""


@dataclass(frozen=True, kw_only=True, slots=True)
class ModifyBmL4ListenerBackendProbePortResult:
    """What ModifyBmL4ListenerBackendProbePort answers; `raw` is the whole response."""

    request_id: int
    """Task ID. This API is an asynchronous task; poll its result with DescribeBmLoadBalancersTaskResult using this ID."""

    raw: Mapping[str, Any] = field(repr=False, compare=False)
    """The decoded JSON response, as the server sent it."""


@dataclass(frozen=True, kw_only=True, slots=True)
class UnbindBmL4ListenerRsResult:
    """What UnbindBmL4ListenerRs answers; `raw` is the whole response."""

    request_id: int
    """Task ID. This API is an asynchronous task; poll its result with DescribeBmLoadBalancersTaskResult using this ID."""

    raw: Mapping[str, Any] = field(repr=False, compare=False)
    """The decoded JSON response, as the server sent it."""
