"""Python client for the BM Load Balancer (黑石负载均衡) legacy v2 API.

    from qcloud_bmlb import Client

    with Client(region="ap-guangzhou") as client:
        result = client.describe_bm_load_balancers_task_result(...)

Names are imported on first use, so that `import qcloud_bmlb` (and the command-line tool's
`--help`) stays fast. Generated from spec/ by `python -m generator`; do not edit.
"""

from __future__ import annotations

import sys

# Not typing.TYPE_CHECKING: importing typing alone would cost more than the rest of this
# module. Type checkers take any constant of this name as true.
TYPE_CHECKING = False

__version__ = "0.1.0"

#: Public name -> the module that defines it.
_WHERE = {
    "AsyncClient": "async_client",
    "Client": "client",
    "Credentials": "_credentials",
    "Retry": "_retries",
    "Timeout": "_config",
    "errors": "errors",
    "Backend": "models",
    "DescribeBmLoadBalancersTaskResult": "models",
    "ModifyBmL4ListenerBackendPortResult": "models",
    "ModifyBmL4ListenerBackendProbePortResult": "models",
    "TaskStatus": "models",
    "UnbindBmL4ListenerRsResult": "models",
}

__all__ = [
    "AsyncClient",
    "Backend",
    "Client",
    "Credentials",
    "DescribeBmLoadBalancersTaskResult",
    "ModifyBmL4ListenerBackendPortResult",
    "ModifyBmL4ListenerBackendProbePortResult",
    "Retry",
    "TaskStatus",
    "Timeout",
    "UnbindBmL4ListenerRsResult",
    "__version__",
    "errors",
]

if TYPE_CHECKING:
    from . import errors
    from ._config import Timeout
    from ._credentials import Credentials
    from ._retries import Retry
    from .async_client import AsyncClient
    from .client import Client
    from .models import (
        Backend,
        DescribeBmLoadBalancersTaskResult,
        ModifyBmL4ListenerBackendPortResult,
        ModifyBmL4ListenerBackendProbePortResult,
        TaskStatus,
        UnbindBmL4ListenerRsResult,
    )


def __getattr__(name: str) -> object:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    __import__(f"{__name__}.{module}")
    loaded = sys.modules[f"{__name__}.{module}"]
    value = loaded if name == module else getattr(loaded, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
