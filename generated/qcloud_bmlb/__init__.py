"""Python client for the BM Load Balancer (黑石负载均衡) legacy v2 API.

    from qcloud_bmlb import Client

    with Client(region="ap-guangzhou") as client:
        result = client.describe_bm_load_balancers_task_result(...)

Generated from spec/ by `python -m generator`; do not edit.
"""

from . import errors
from ._credentials import Credentials
from ._transport import Timeout
from .client import Client
from .models import (
    Backend,
    DescribeBmLoadBalancersTaskResult,
    ModifyBmL4ListenerBackendPortResult,
    ModifyBmL4ListenerBackendProbePortResult,
    TaskStatus,
    UnbindBmL4ListenerRsResult,
)

__version__ = "0.1.0"

__all__ = [
    "Backend",
    "Client",
    "Credentials",
    "DescribeBmLoadBalancersTaskResult",
    "ModifyBmL4ListenerBackendPortResult",
    "ModifyBmL4ListenerBackendProbePortResult",
    "TaskStatus",
    "Timeout",
    "UnbindBmL4ListenerRsResult",
    "__version__",
    "errors",
]
