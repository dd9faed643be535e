"""The synchronous client of the BM Load Balancer API. Generated from spec/ by `python -m generator`; do not edit."""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from . import _operations
from ._runtime import BaseClient, Retry, ServiceInfo
from ._transport import Timeout
from .errors import REGISTRY
from .models import (
    Backend,
    DescribeBmLoadBalancersTaskResult,
    ModifyBmL4ListenerBackendPortResult,
    ModifyBmL4ListenerBackendProbePortResult,
    UnbindBmL4ListenerRsResult,
)

__all__ = ["Client"]


class Client(BaseClient):
    """Synchronous client of the BM Load Balancer (黑石负载均衡) API at bmlb.api.qcloud.com.

    Every argument is keyword-only and optional:

    - secret_id, secret_key, token: credentials; without them the client reads
      TENCENTCLOUD_SECRET_ID, TENCENTCLOUD_SECRET_KEY and TENCENTCLOUD_TOKEN (or
      TENCENTCLOUD_SESSION_TOKEN), else the profile file ~/.tencentcloud/credentials.
    - region: e.g. ap-beijing, ap-shanghai, ap-guangzhou, ap-chongqing; else
      TENCENTCLOUD_REGION, else the profile's `region`.
    - profile: the section of the profile file (default: TENCENTCLOUD_PROFILE, else "default").
    - endpoint: scheme, host and port (default https://bmlb.api.qcloud.com).
    - sign_method: HmacSHA256 or HmacSHA1 (default HmacSHA256).
    - http_method: POST (form body, the default) or GET (query string).
    - timeout: seconds, or Timeout(connect=..., read=...) (default 5 s and 30 s).
    - retries: how many more tries after a failed one (default 2), or a Retry; 0 turns retries off.
    - verify: True (default), False (warns), or the path of a CA bundle.
    - max_connections: at most this many requests at once (default: no limit).
    - transport: an object with the transport's `request`/`close` methods, for tests (default:
      keep-alive http.client connections; proxies from HTTPS_PROXY/HTTP_PROXY/NO_PROXY).

    The client keeps connections alive and may be shared between threads; close it, or use it
    as a context manager. Every method also takes `timeout=` and `retries=` for that call;
    the methods that start a task take `wait=` (True, or seconds) to return only once it succeeded.
    """

    _service = ServiceInfo(
        host="bmlb.api.qcloud.com",
        path="/v2/index.php",
        default_endpoint="https://bmlb.api.qcloud.com",
        user_agent="qcloud-bmlb/0.1.0",
    )
    _errors = REGISTRY
    _task = _operations.TASK

    def describe_bm_load_balancers_task_result(
        self,
        *,
        request_id: int,
        timeout: float | Timeout | None = None,
        retries: int | Retry | None = None,
    ) -> DescribeBmLoadBalancersTaskResult:
        """Query the result of an asynchronous BM load balancer task.

        查询黑石负载均衡异步任务的操作结果。

        Args:
            request_id (requestId): Task ID returned by a change action.
            timeout, retries: override the client's for this call.

        Returns:
            DescribeBmLoadBalancersTaskResult: status (Current status of the task.).

        Raises:
            ValidationError: an argument breaks a rule above; nothing is sent.
            ApiError: any other error the API answers with (the common codes).
            TransportError, ResponseError: the request or its response was lost or garbled.
        """
        return self._invoke(
            _operations.DESCRIBE_BM_LOAD_BALANCERS_TASK_RESULT,
            {
                "request_id": request_id,
            },
            timeout=timeout,
            retries=retries,
        )

    def modify_bm_l4_listener_backend_port(
        self,
        *,
        load_balancer_id: str,
        listener_id: str,
        instance_id: str,
        port: int,
        new_port: int,
        wait: bool | float = False,
        timeout: float | Timeout | None = None,
        retries: int | Retry | None = None,
    ) -> ModifyBmL4ListenerBackendPortResult:
        """Modify the backend instance (CPM) port of a BM load balancer layer-4 listener.

        修改黑石负载均衡四层监听器后端实例（物理机）端口。

        Args:
            load_balancer_id (loadBalancerId, 1–64 chars): ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.
            listener_id (listenerId, 1–64 chars): ID of the BM load balancer layer-4 listener, which can be queried via API DescribeBmListeners.
            instance_id (instanceId, 1–64 chars): ID of the CPM.
            port (port, 1–65535): Bound CPM port.
            new_port (newPort, 1–65535): New CPM port. Available value range: 1-65535.
            wait: True (or seconds) to return only once the task succeeded; raises TaskFailedError or TaskTimeoutError otherwise.
            timeout, retries: override the client's for this call.

        Returns:
            ModifyBmL4ListenerBackendPortResult: request_id (Task ID. This API is an asynchronous task; poll its result with DescribeBmLoadBalancersTaskResult using this ID.).
            The change runs as a task: wait for it with wait_for_task(result.request_id).

        Raises:
            ValidationError: an argument breaks a rule above; nothing is sent.
            InvalidParameterModule: 9003 InvalidParameter, Invalid parameter.
            InternalErrorCCDBAbnormal: 9006 InternalError.CCDBAbnormal, CCDB service error.
            InvalidParameterCCDBLBNotExist: 11041 InvalidParameter.CCDBLBNotExist, Record of this BM load balancer does not exist in CCDB.
            IncorrectStatusLBWrongStatus: 12003 IncorrectStatus.LBWrongStatus, The operation is impossible due to incorrect status of BM load balancer.
            InvalidStatusLBInvalidStatus: -21001 InvalidStatus.LBInvalidStatus, The operation is not allowed due to the current status of BM load balancer.
            InvalidStatusDeviceInvalidStatus: -21000 InvalidStatus.DeviceInvalidStatus, The operation is not allowed due to the current device status.
            InternalErrorTGWAbnormal: 11060 InternalError.TGWAbnormal, TGW service error.
            InternalErrorVPCAbnormal: 28000 InternalError.VPCAbnormal, VPC service error.
            InternalErrorBmApiAbnormal: 14100 InternalError.BmApiAbnormal, bmApi service error.
            InvalidParameterInvalidMultiL4VportToRsport: -12022 InvalidParameter.InvalidMultiL4VportToRsport, This CPM port has been bound to layer-4 listener.
            InvalidRsNotExist: 30011 InvalidRs.NotExist, CPM information does not exist.
            ApiError: any other error the API answers with (the common codes).
            TransportError, ResponseError: the request or its response was lost or garbled (not retried once it may have reached the server: the action is not idempotent).
        """
        return self._invoke(
            _operations.MODIFY_BM_L4_LISTENER_BACKEND_PORT,
            {
                "load_balancer_id": load_balancer_id,
                "listener_id": listener_id,
                "instance_id": instance_id,
                "port": port,
                "new_port": new_port,
            },
            timeout=timeout,
            retries=retries,
            wait=wait,
        )

    def modify_bm_l4_listener_backend_probe_port(
        self,
        *,
        load_balancer_id: str,
        listener_id: str,
        instance_id: str,
        port: int,
        probe_port: int,
        wait: bool | float = False,
        timeout: float | Timeout | None = None,
        retries: int | Retry | None = None,
    ) -> ModifyBmL4ListenerBackendProbePortResult:
        """Modify the backend probe (health check) port of a BM load balancer layer-4 listener.

        修改黑石负载均衡四层监听器后端探测端口。

        Args:
            load_balancer_id (loadBalancerId, 1–64 chars): ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.
            listener_id (listenerId, 1–64 chars): ID of the BM load balancer layer-4 listener, which can be queried via API DescribeBmListeners.
            instance_id (instanceId, 1–64 chars): ID of the CPM host.
            port (port, 1–65535): Bound host port.
            probe_port (probePort, 1–65535): New probe port. Available value range: 1-65535.
            wait: True (or seconds) to return only once the task succeeded; raises TaskFailedError or TaskTimeoutError otherwise.
            timeout, retries: override the client's for this call.

        Returns:
            ModifyBmL4ListenerBackendProbePortResult: request_id (Task ID. This API is an asynchronous task; poll its result with DescribeBmLoadBalancersTaskResult using this ID.).
            The change runs as a task: wait for it with wait_for_task(result.request_id).

        Raises:
            ValidationError: an argument breaks a rule above; nothing is sent.
            InvalidParameterModule: 9003 InvalidParameter, Invalid parameter.
            InternalErrorCCDBAbnormal: 9006 InternalError.CCDBAbnormal, CCDB service error.
            InvalidParameterCCDBLBNotExist: 11041 InvalidParameter.CCDBLBNotExist, Record of this BM load balancer does not exist in CCDB.
            IncorrectStatusLBWrongStatus: 12003 IncorrectStatus.LBWrongStatus, The operation is impossible due to incorrect status of BM load balancer.
            InvalidStatusLBInvalidStatus: -21001 InvalidStatus.LBInvalidStatus, The operation is not allowed due to the current status of BM load balancer.
            InvalidRsNotExist: 30011 InvalidRs.NotExist, CPM information does not exist.
            ApiError: any other error the API answers with (the common codes).
            TransportError, ResponseError: the request or its response was lost or garbled.
        """
        return self._invoke(
            _operations.MODIFY_BM_L4_LISTENER_BACKEND_PROBE_PORT,
            {
                "load_balancer_id": load_balancer_id,
                "listener_id": listener_id,
                "instance_id": instance_id,
                "port": port,
                "probe_port": probe_port,
            },
            timeout=timeout,
            retries=retries,
            wait=wait,
        )

    def unbind_bm_l4_listener_rs(
        self,
        *,
        load_balancer_id: str,
        listener_id: str,
        backends: Sequence[Backend],
        wait: bool | float = False,
        timeout: float | Timeout | None = None,
        retries: int | Retry | None = None,
    ) -> UnbindBmL4ListenerRsResult:
        """Unbind CPM hosts (backend ports) from a BM load balancer layer-4 listener.

        解绑黑石负载均衡四层监听器物理服务器。

        Args:
            load_balancer_id (loadBalancerId, 1–64 chars): ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.
            listener_id (listenerId, 1–64 chars): ID of the BM load balancer layer-4 listener, which can be queried via API DescribeBmListeners.
            backends (backends, 1–255 items): Hosts to unbind. Several host ports may be given; a layer-4 listener allows at most 255 bound host ports.
                Backend.instance_id (instanceId, 1–64 chars): ID of the CPM instance to be unbound.
                Backend.port (port, 1–65535): CPM port to be unbound. Available value range: 1-65535.
                Each combination of instance_id, port may appear once.
            wait: True (or seconds) to return only once the task succeeded; raises TaskFailedError or TaskTimeoutError otherwise.
            timeout, retries: override the client's for this call.

        Returns:
            UnbindBmL4ListenerRsResult: request_id (Task ID. This API is an asynchronous task; poll its result with DescribeBmLoadBalancersTaskResult using this ID.).
            The change runs as a task: wait for it with wait_for_task(result.request_id).

        Raises:
            ValidationError: an argument breaks a rule above; nothing is sent.
            InvalidParameterModule: 9003 InvalidParameter, Invalid parameter.
            InternalErrorCCDBAbnormal: 9006 InternalError.CCDBAbnormal, CCDB service error.
            InvalidParameterCCDBLBNotExist: 11041 InvalidParameter.CCDBLBNotExist, Record of this BM load balancer does not exist in CCDB.
            IncorrectStatusLBWrongStatus: 12003 IncorrectStatus.LBWrongStatus, The operation is impossible due to incorrect status of BM load balancer.
            InvalidStatusLBInvalidStatus: -21001 InvalidStatus.LBInvalidStatus, The operation is not allowed due to the current status of BM load balancer.
            InvalidL4ListenerNotExist: -12023 InvalidL4Listener.NotExist, The layer-4 listener does not exist in CCDB.
            IncorrectStatusL4ListenerWrongStatus: -12021 IncorrectStatus.L4ListenerWrongStatus, The operation is impossible due to incorrect status of the BM load balancer layer-4 listener.
            InvalidStatusDeviceInvalidStatus: -21000 InvalidStatus.DeviceInvalidStatus, The operation is not allowed due to the current device status.
            InternalErrorBmApiAbnormal: 14100 InternalError.BmApiAbnormal, bmApi service error.
            InternalErrorVPCAbnormal: 28000 InternalError.VPCAbnormal, VPC service error.
            InvalidRsNotExist: 30011 InvalidRs.NotExist, CPM information does not exist.
            ApiError: any other error the API answers with (the common codes).
            TransportError, ResponseError: the request or its response was lost or garbled (not retried once it may have reached the server: the action is not idempotent).
        """
        return self._invoke(
            _operations.UNBIND_BM_L4_LISTENER_RS,
            {
                "load_balancer_id": load_balancer_id,
                "listener_id": listener_id,
                "backends": backends,
            },
            timeout=timeout,
            retries=retries,
            wait=wait,
        )

    def wait_for_task(
        self, request_id: int, *, timeout: float = 600.0, interval: float = 1.0
    ) -> DescribeBmLoadBalancersTaskResult:
        """Poll DescribeBmLoadBalancersTaskResult until the task succeeds (returns its last result),
        fails (TaskFailedError, with the request id) or `timeout` seconds pass (TaskTimeoutError,
        with the last status). Polls start `interval` seconds apart and back off up to 10 s.
        """
        return cast(
            DescribeBmLoadBalancersTaskResult,
            self._wait_for_task(request_id, timeout=timeout, interval=interval),
        )
