"""The synchronous client of the BM Load Balancer API. Generated from spec/ by `python -m generator`; do not edit."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from . import _operations
from ._client import BaseClient
from ._config import ServiceInfo
from .errors import REGISTRY

# Not typing.TYPE_CHECKING: importing typing would cost more than this module.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Literal

    from ._config import Timeout
    from ._retries import Retry
    from .models import (
        Backend,
        BindBmL4ListenerRsBackend,
        BindBmL4ListenerRsResult,
        BindBmL4ListenerVmIpResult,
        BindBmL4ListenerVmIpVm,
        BindBmL7LocationVmIpResult,
        BindBmL7LocationVmIpVm,
        BindBmLocationInstancesBackend,
        BindBmLocationInstancesResult,
        CreateBmForwardListenersListener,
        CreateBmForwardListenersResult,
        CreateBmForwardRulesResult,
        CreateBmForwardRulesRule,
        CreateBmListenersListener,
        CreateBmListenersResult,
        CreateBmLoadBalancerResult,
        DeleteBmForwardDomainsResult,
        DeleteBmForwardRulesResult,
        DeleteBmListenersResult,
        DeleteBmLoadBalancersResult,
        DescribeBmBindInfoResult,
        DescribeBmForwardListenerInfoResult,
        DescribeBmForwardListenersResult,
        DescribeBmForwardRulesResult,
        DescribeBmL4ListenerBackendsBackend,
        DescribeBmL4ListenerBackendsResult,
        DescribeBmListenerInfoResult,
        DescribeBmListenersResult,
        DescribeBmLoadBalancersLoadBalancer,
        DescribeBmLoadBalancersResult,
        DescribeBmLoadBalancersTaskResult,
        DescribeBmLocationBackendsResult,
        DescribeBmVportInfoResult,
        GetBmCertDetailResult,
        InquiryBmLBPriceResult,
        ModifyBmForwardListenerResult,
        ModifyBmForwardLocationResult,
        ModifyBmForwardLocationRule,
        ModifyBmL4ListenerBackendPortResult,
        ModifyBmL4ListenerBackendProbePortResult,
        ModifyBmL4ListenerBackendWeightResult,
        ModifyBmListenerResult,
        ModifyBmLoadBalancerAttributesResult,
        ModifyBmLocationBackendPortResult,
        ModifyBmLocationBackendWeightResult,
        ReplaceBmCertResult,
        UnbindBmL4ListenerRsResult,
        UnbindBmL4ListenerVmIpResult,
        UnbindBmL7LocationVmIpResult,
        UnbindBmLocationInstancesResult,
        UploadBmCertResult,
        VmBackend,
    )

__all__ = ["Client"]


class Client(BaseClient):
    """Synchronous client of the BM Load Balancer (黑石负载均衡) API at bmlb.api.qcloud.com.

    Every argument is keyword-only and optional:

    - secret_id, secret_key, token: credentials; without them the client reads
      TENCENTCLOUD_SECRET_ID, TENCENTCLOUD_SECRET_KEY and TENCENTCLOUD_TOKEN (or
      TENCENTCLOUD_SESSION_TOKEN), else the profile file ~/.tencentcloud/credentials.
    - region: e.g. ap-beijing, ap-shanghai, ap-guangzhou, ap-chongqing; else
      TENCENTCLOUD_REGION, else the profile's `region`. A well-formed region the package does not
      know is sent as given, with a warning.
    - profile: the section of the profile file (default: TENCENTCLOUD_PROFILE, else "default").
    - endpoint: scheme, host and port (default: QCLOUD_BMLB_ENDPOINT, else https://bmlb.api.qcloud.com).
    - sign_method: HmacSHA256 or HmacSHA1 (default HmacSHA256).
    - http_method: POST (form body, the default) or GET (query string).
    - timeout: seconds, or Timeout(connect=..., read=...) (default 5 s and 30 s).
    - retries: how many more tries after a failed one (default 2), or a Retry; 0 turns retries off.
    - verify: True (default), False (warns), or the path of a CA bundle.
    - max_connections: at most this many requests at once (default 32; None: no limit).
    - transport: an object with the transport's `request`/`close` methods, for tests (default:
      keep-alive socket connections; proxies from HTTPS_PROXY/HTTP_PROXY/NO_PROXY).

    The client keeps connections alive and may be shared between threads; close it, or use it
    as a context manager; a closed client refuses every call. Every method also takes
    `timeout=` and `retries=` for that call; the methods that start a task take `wait=` (True, or
    seconds) to return only once it succeeded.
    """

    _service = ServiceInfo(
        host="bmlb.api.qcloud.com",
        path="/v2/index.php",
        default_endpoint="https://bmlb.api.qcloud.com",
        user_agent="qcloud-bmlb/0.1.0",
        regions=(
            "ap-beijing",
            "bj",
            "ap-shanghai",
            "sh",
            "ap-guangzhou",
            "gz",
            "ap-chongqing",
        ),
    )
    _errors = REGISTRY
    _task = _operations.TASK

    def bind_bm_l4_listener_rs(
        self,
        *,
        load_balancer_id: str,
        listener_id: str,
        backends: Sequence[BindBmL4ListenerRsBackend],
        wait: bool | float = False,
        timeout: float | Timeout | None = None,
        retries: int | Retry | None = None,
    ) -> BindBmL4ListenerRsResult:
        """Bind CPM to layer-4 listeners.

        绑定黑石物理服务器到四层监听器。

        Args:
            load_balancer_id (loadBalancerId, 1–64 chars): ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.
            listener_id (listenerId, 1–64 chars): ID of the BM load balancer layer-4 listener, which can be queried via API DescribeBmListeners.
            backends (backends, 1–255 items): Information of the CPM to be bound. You can bind multiple CPM ports. Currently, you can bind up to 255 CPM ports under a layer-4 listener.
                BindBmL4ListenerRsBackend.port (port, 1–65535): CPM port to be bound. Available value range: 1-65535.
                BindBmL4ListenerRsBackend.probe_port (probePort, 1–65535, optional): Host port the custom health check probes. Available value range: 1-65535 (the listener must have the custom health check on).
                BindBmL4ListenerRsBackend.instance_id (instanceId, 1–64 chars): ID of the CPM instance to be bound.
                BindBmL4ListenerRsBackend.weight (weight, 0–100): Weight. Available value range: 0-100.
                Each combination of instance_id, port may appear once.
            wait: True (or seconds) to return only once the task succeeded; raises TaskFailedError or TaskTimeoutError otherwise.
            timeout, retries: override the client's for this call.

        Returns:
            BindBmL4ListenerRsResult: request_id (Task ID. This API is an asynchronous task. You can query task operation result by calling API DescribeBmLoadBalancersTaskResult based on this parameter).
            The change runs as a task: wait for it with wait_for_task(result.request_id).

        Raises:
            ValidationError: an argument breaks a rule above; nothing is sent.
            InvalidParameterModule: 9003 InvalidParameter, Invalid parameter.
            InternalErrorCCDBAbnormal: 9006 InternalError.CCDBAbnormal, CCDB service error.
            InvalidParameterCCDBLBNotExist: 11041 InvalidParameter.CCDBLBNotExist, Record of this BM load balancer does not exist in CCDB.
            IncorrectStatusLBWrongStatus: 12003 IncorrectStatus.LBWrongStatus, The operation is impossible due to incorrect status of BM load balancer.
            InvalidResourceBindCPMNumberOverLimit: 12013 InvalidResource.BindCPMNumberOverLimit, The number of bound CPM ports exceeds the limit.
            InternalErrorBmApiAbnormal: 14100 InternalError.BmApiAbnormal, bmApi service error.
            InvalidRsNotExist: 30011 InvalidRs.NotExist, CPM information does not exist.
            InvalidStatusLBInvalidStatus: -21001 InvalidStatus.LBInvalidStatus, The operation is not allowed due to the current status of BM load balancer.
            InvalidL4ListenerNotExist: -12023 InvalidL4Listener.NotExist, The layer-4 listener does not exist in CCDB.
            IncorrectStatusL4ListenerWrongStatus: -12021 IncorrectStatus.L4ListenerWrongStatus, The operation is impossible due to incorrect status of the BM load balancer layer-4 listener.
            InvalidStatusDeviceInvalidStatus: -21000 InvalidStatus.DeviceInvalidStatus, The operation is not allowed due to the current device status.
            InvalidParameterInvalidMultiL4VportToRsport: -12022 InvalidParameter.InvalidMultiL4VportToRsport, This CPM port has been bound to layer-4 listener.
            ApiError: any other error the API answers with (the common codes).
            TransportError, ResponseError: the request or its response was lost or garbled (not retried once it may have reached the server: the action is not idempotent).
        """
        result: BindBmL4ListenerRsResult = self._invoke(
            _operations.BIND_BM_L4_LISTENER_RS,
            {
                "load_balancer_id": load_balancer_id,
                "listener_id": listener_id,
                "backends": backends,
            },
            timeout=timeout,
            retries=retries,
            wait=wait,
        )
        return result

    def bind_bm_l4_listener_vm_ip(
        self,
        *,
        load_balancer_id: str,
        listener_id: str,
        vm_list: Sequence[BindBmL4ListenerVmIpVm],
        wait: bool | float = False,
        timeout: float | Timeout | None = None,
        retries: int | Retry | None = None,
    ) -> BindBmL4ListenerVmIpResult:
        """Bind VM IP to BM load balancer layer-4 listeners.

        绑定虚机IP到黑石负载均衡四层监听器。

        Args:
            load_balancer_id (loadBalancerId, 1–64 chars): ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.
            listener_id (listenerId, 1–64 chars): ID of the BM load balancer layer-4 listener, which can be queried via API DescribeBmListeners.
            vm_list (vmList, 1–255 items): Information of the VM to be bound. You can bind multiple server ports. You can bind up to 255 server ports under a layer-4 listener.
                BindBmL4ListenerVmIpVm.port (port, 1–65535): VM port to be bound. Available value range: 1-65535.
                BindBmL4ListenerVmIpVm.probe_port (probePort, 1–65535, optional): VM port the custom health check probes. Available value range: 1-65535 (the listener must have the custom health check on).
                BindBmL4ListenerVmIpVm.vm_ip (vmIp, 1–64 chars): VM IP to be bound.
                BindBmL4ListenerVmIpVm.weight (weight, 0–100): Weight. Available value range: 0-100.
                Each combination of vm_ip, port may appear once.
            wait: True (or seconds) to return only once the task succeeded; raises TaskFailedError or TaskTimeoutError otherwise.
            timeout, retries: override the client's for this call.

        Returns:
            BindBmL4ListenerVmIpResult: request_id (Task ID. This API is an asynchronous task; poll its result with DescribeBmLoadBalancersTaskResult using this ID.).
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
            InvalidResourceBindCPMNumberOverLimit: 12013 InvalidResource.BindCPMNumberOverLimit, The number of bound CPM ports exceeds the limit.
            InternalErrorTGWAbnormal: 11060 InternalError.TGWAbnormal, TGW service error.
            InternalErrorVPCAbnormal: 28000 InternalError.VPCAbnormal, VPC service error.
            InternalErrorBmApiAbnormal: 14100 InternalError.BmApiAbnormal, bmApi service error.
            InvalidParameterInvalidMultiL4VportToRsport: -12022 InvalidParameter.InvalidMultiL4VportToRsport, This CPM port has been bound to layer-4 listener.
            InvalidVmIpNotExist: -12024 InvalidVmIp.NotExist, The CPM IP does not exist.
            ApiError: any other error the API answers with (the common codes).
            TransportError, ResponseError: the request or its response was lost or garbled (not retried once it may have reached the server: the action is not idempotent).
        """
        result: BindBmL4ListenerVmIpResult = self._invoke(
            _operations.BIND_BM_L4_LISTENER_VM_IP,
            {"load_balancer_id": load_balancer_id, "listener_id": listener_id, "vm_list": vm_list},
            timeout=timeout,
            retries=retries,
            wait=wait,
        )
        return result

    def bind_bm_l7_location_vm_ip(
        self,
        *,
        load_balancer_id: str,
        listener_id: str,
        domain_id: str,
        location_id: str,
        vm_list: Sequence[BindBmL7LocationVmIpVm],
        timeout: float | Timeout | None = None,
        retries: int | Retry | None = None,
    ) -> BindBmL7LocationVmIpResult:
        """Bind VM IP to BM load balancer layer-7 forwarding path.

        绑定虚机IP到黑石负载均衡七层转发路径。

        Args:
            load_balancer_id (loadBalancerId, 1–64 chars): ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.
            listener_id (listenerId, 1–64 chars): ID of the load balancer's layer-7 listener, which can be queried via API DescribeBmForwardListeners.
            domain_id (domainId, 1–64 chars): ID of the load balancer's layer-7 forwarding domain, which can be queried via API DescribeBmForwardRules.
            location_id (locationId, 1–64 chars): ID of the load balancer's layer-7 forwarding path, which can be queried via API DescribeBmForwardRules.
            vm_list (vmList, 1–255 items): Information of the VM to be bound. You can bind multiple VM ports. Currently, you can bind up to 255 VM ports under a layer-7 forwarding path.
                BindBmL7LocationVmIpVm.port (port, 1–65535): VM port to be bound. Available value range: 1-65535.
                BindBmL7LocationVmIpVm.vm_ip (vmIp, 1–64 chars): VM IP to be bound.
                BindBmL7LocationVmIpVm.weight (weight, 0–100): Weight. Available value range: 0-100.
                Each combination of vm_ip, port may appear once.
            timeout, retries: override the client's for this call.

        Returns:
            BindBmL7LocationVmIpResult: .

        Raises:
            ValidationError: an argument breaks a rule above; nothing is sent.
            InvalidParameterModule: 9003 InvalidParameter, Invalid parameter.
            InternalErrorCCDBAbnormal: 9006 InternalError.CCDBAbnormal, CCDB service error.
            InvalidParameterCCDBLBNotExist: 11041 InvalidParameter.CCDBLBNotExist, Record of this BM load balancer does not exist in CCDB.
            IncorrectStatusLBWrongStatus: 12003 IncorrectStatus.LBWrongStatus, The operation is impossible due to incorrect status of BM load balancer.
            InvalidStatusLBInvalidStatus: -21001 InvalidStatus.LBInvalidStatus, The operation is not allowed due to the current status of BM load balancer.
            InvalidResourceBindCPMNumberOverLimit: 12013 InvalidResource.BindCPMNumberOverLimit, The number of bound CPM ports exceeds the limit.
            InternalErrorTGWAbnormal: 11060 InternalError.TGWAbnormal, TGW service error.
            InternalErrorVPCAbnormal: 28000 InternalError.VPCAbnormal, VPC service error.
            InternalErrorBmApiAbnormal: 14100 InternalError.BmApiAbnormal, bmApi service error.
            InvalidVmIpNotExist: -12024 InvalidVmIp.NotExist, The CPM IP does not exist.
            InvalidVmIpAlreadyExist: -12025 InvalidVmIp.AlreadyExist, The VM IP port has already been bound to layer-7 forwarding path
            ApiError: any other error the API answers with (the common codes).
            TransportError, ResponseError: the request or its response was lost or garbled (not retried once it may have reached the server: the action is not idempotent).
        """
        result: BindBmL7LocationVmIpResult = self._invoke(
            _operations.BIND_BM_L7_LOCATION_VM_IP,
            {
                "load_balancer_id": load_balancer_id,
                "listener_id": listener_id,
                "domain_id": domain_id,
                "location_id": location_id,
                "vm_list": vm_list,
            },
            timeout=timeout,
            retries=retries,
        )
        return result

    def bind_bm_location_instances(
        self,
        *,
        load_balancer_id: str,
        listener_id: str,
        domain_id: str,
        location_id: str,
        backends: Sequence[BindBmLocationInstancesBackend],
        timeout: float | Timeout | None = None,
        retries: int | Retry | None = None,
    ) -> BindBmLocationInstancesResult:
        """Bind CPM to layer-7 forwarding path.

        绑定黑石物理服务器到七层转发路径。

        Args:
            load_balancer_id (loadBalancerId, 1–64 chars): ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.
            listener_id (listenerId, 1–64 chars): ID of the load balancer's layer-7 listener, which can be queried via API DescribeBmForwardListeners.
            domain_id (domainId, 1–64 chars): ID of the load balancer's layer-7 forwarding domain, which can be queried via API DescribeBmForwardRules.
            location_id (locationId, 1–64 chars): ID of the load balancer's layer-7 forwarding path, which can be queried via API DescribeBmForwardRules.
            backends (backends, 1–255 items): Information of the CPM to be bound. You can bind multiple CPM ports. Currently, you can bind up to 255 CPM ports under a layer-7 forwarding path.
                BindBmLocationInstancesBackend.port (port, 1–65535): CPM port to be bound. Available value range: 1-65535.
                BindBmLocationInstancesBackend.instance_id (instanceId, 1–64 chars): ID of the CPM instance to be bound.
                BindBmLocationInstancesBackend.weight (weight, 0–100): Weight. Value range: 0-100.
                Each combination of instance_id, port may appear once.
            timeout, retries: override the client's for this call.

        Returns:
            BindBmLocationInstancesResult: .

        Raises:
            ValidationError: an argument breaks a rule above; nothing is sent.
            InvalidParameterModule: 9003 InvalidParameter, Invalid parameter.
            InternalErrorCCDBAbnormal: 9006 InternalError.CCDBAbnormal, CCDB service error.
            InvalidParameterCCDBLBNotExist: 11041 InvalidParameter.CCDBLBNotExist, Record of this BM load balancer does not exist in CCDB.
            IncorrectStatusLBWrongStatus: 12003 IncorrectStatus.LBWrongStatus, The operation is impossible due to incorrect status of BM load balancer.
            InvalidStatusLBInvalidStatus: -21001 InvalidStatus.LBInvalidStatus, The operation is not allowed due to the current status of BM load balancer.
            InvalidStatusDeviceInvalidStatus: -21000 InvalidStatus.DeviceInvalidStatus, The operation is not allowed due to the current device status.
            InvalidResourceBindCPMNumberOverLimit: 12013 InvalidResource.BindCPMNumberOverLimit, The number of bound CPM ports exceeds the limit.
            InternalErrorTGWAbnormal: 11060 InternalError.TGWAbnormal, TGW service error.
            InternalErrorVPCAbnormal: 28000 InternalError.VPCAbnormal, VPC service error.
            InternalErrorBmApiAbnormal: 14100 InternalError.BmApiAbnormal, bmApi service error.
            InvalidRsNotExist: 30011 InvalidRs.NotExist, CPM information does not exist.
            ApiError: any other error the API answers with (the common codes).
            TransportError, ResponseError: the request or its response was lost or garbled (not retried once it may have reached the server: the action is not idempotent).
        """
        result: BindBmLocationInstancesResult = self._invoke(
            _operations.BIND_BM_LOCATION_INSTANCES,
            {
                "load_balancer_id": load_balancer_id,
                "listener_id": listener_id,
                "domain_id": domain_id,
                "location_id": location_id,
                "backends": backends,
            },
            timeout=timeout,
            retries=retries,
        )
        return result

    def create_bm_forward_listeners(
        self,
        *,
        load_balancer_id: str,
        listeners: Sequence[CreateBmForwardListenersListener],
        timeout: float | Timeout | None = None,
        retries: int | Retry | None = None,
    ) -> CreateBmForwardListenersResult:
        """Create BM load balancer layer-7 listeners.

        创建黑石负载均衡七层监听器。

        Args:
            load_balancer_id (loadBalancerId, 1–64 chars): ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.
            listeners (listeners, 1–50 items): Array containing layer-7 listener information. You can create multiple layer-7 listeners. Currently, you can create up to 50 layer-7 listeners under a load balancer.
                CreateBmForwardListenersListener.load_balancer_port (loadBalancerPort, 1–65535): Listening port of load balancer layer-7 listener. Value range: 1-65535.
                CreateBmForwardListenersListener.protocol (protocol, http | https): Protocol type of load balancer layer-7 listener. Available values: http, https.
                CreateBmForwardListenersListener.listener_name (listenerName): Name of load balancer layer-7 listener.
                CreateBmForwardListenersListener.ssl_mode (SSLMode, 0 | 1 | 2, optional): Authentication method of load balancer layer-7 listener. 0: no authentication, used for HTTP; 1: one-way authentication, used for HTTPS; 2: two-way authentication, used for HTTPS.
                CreateBmForwardListenersListener.cert_id (certId, 1–64 chars, optional): Server certificate ID of load balancer layer-7 listener.
                CreateBmForwardListenersListener.cert_name (certName, optional): Server certificate name of load balancer layer-7 listener.
                CreateBmForwardListenersListener.cert_content (certContent, optional): Server certificate content of load balancer layer-7 listener.
                CreateBmForwardListenersListener.cert_key (certKey, optional): Server certificate key of load balancer layer-7 listener.
                CreateBmForwardListenersListener.cert_ca_id (certCaId, 1–64 chars, optional): Client certificate ID of load balancer layer-7 listener.
                CreateBmForwardListenersListener.cert_ca_name (certCaName, optional): Client certificate name of load balancer layer-7 listener.
                CreateBmForwardListenersListener.cert_ca_content (certCaContent, optional): Client certificate content of load balancer layer-7 listener.
                CreateBmForwardListenersListener.bandwidth (bandwidth, 0–1000, optional): Used to specify the maximum bandwidth of the listener when billing mode is "bill by fixed bandwidth". Value range: 0-1000 (in Mbps).
            timeout, retries: override the client's for this call.

        Returns:
            CreateBmForwardListenersResult: listener_ids (List of unique IDs of the newly created load balancer layer-7 listeners.).

        Raises:
            ValidationError: an argument breaks a rule above; nothing is sent.
            InvalidParameterModule: 9003 InvalidParameter, Invalid parameter.
            InternalErrorCCDBAbnormal: 9006 InternalError.CCDBAbnormal, CCDB service error.
            InvalidParameterCCDBLBNotExist: 11041 InvalidParameter.CCDBLBNotExist, Record of this BM load balancer does not exist in CCDB.
            IncorrectStatusLBWrongStatus: 12003 IncorrectStatus.LBWrongStatus, The operation is impossible due to incorrect status of BM load balancer.
            InvalidResourceListenerNumberOverLimit: 12014 InvalidResource.ListenerNumberOverLimit, The number of listeners exceeds the limit.
            InvalidParameterVportIsDuplicate: -12013 InvalidParameter.VportIsDuplicate, The listener port is duplicated.
            InvalidParameterInvalidCertContent: -20002 InvalidParameter.InvalidCertContent, Invalid certificate content
            InvalidResourceCertPlatformErr: -20000 InvalidResource.CertPlatformErr, An error occurred while accessing the certificate platform
            InvalidParameterCertNotInValidTime: -12020 InvalidParameter.certNotInValidTime, Certificate is not within the valid time period
            ApiError: any other error the API answers with (the common codes).
            TransportError, ResponseError: the request or its response was lost or garbled (not retried once it may have reached the server: the action is not idempotent).
        """
        result: CreateBmForwardListenersResult = self._invoke(
            _operations.CREATE_BM_FORWARD_LISTENERS,
            {"load_balancer_id": load_balancer_id, "listeners": listeners},
            timeout=timeout,
            retries=retries,
        )
        return result

    def create_bm_forward_rules(
        self,
        *,
        load_balancer_id: str,
        listener_id: str,
        rules: Sequence[CreateBmForwardRulesRule],
        wait: bool | float = False,
        timeout: float | Timeout | None = None,
        retries: int | Retry | None = None,
    ) -> CreateBmForwardRulesResult:
        """Create BM load balancer layer-7 forwarding rules.

        创建黑石负载均衡七层转发规则。

        Args:
            load_balancer_id (loadBalancerId, 1–64 chars): ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.
            listener_id (listenerId, 1–64 chars): ID of the layer-7 listener, which can be queried via API DescribeBmForwardListeners.
            rules (rules, 1–5000 items): Array containing layer-7 forwarding rule information. You can create multiple layer-7 forwarding rules. You can create up to 50 layer-7 forwarding domain names under a layer-7 listener, and up to 100 forwarding rules under a forwarding domain name.
                CreateBmForwardRulesRule.domain (domain): Forwarding domain name of the layer-7 forwarding rules for the load balancer.
                CreateBmForwardRulesRule.url (url): Forwarding path of the layer-7 forwarding rules for the load balancer.
                CreateBmForwardRulesRule.session_expire (sessionExpire, 0–3600, optional): Session persistence duration (in seconds). Available value range: 30-3600. Default value is 0 (disable session persistence).
                CreateBmForwardRulesRule.health_switch (healthSwitch, 1 | 0, optional): Indicate whether to enable health check: 1 (On) and 0 (Off). Default value is 0 (off).
                CreateBmForwardRulesRule.interval_time (intervalTime, 5–300, optional): Time interval between health checks. Default value: 30; value range: 30-300 (in seconds).
                CreateBmForwardRulesRule.health_num (healthNum, 2–10, optional): Healthy threshold for health checks. Default value is 3, which means the forwarding is considered normal if it is detected to be healthy for three times consecutively. Value range: 2-10; unit: count.
                CreateBmForwardRulesRule.unhealth_num (unhealthNum, 2–10, optional): Unhealthy threshold for health checks. Default value is 5, which means the forwarding is considered abnormal if it is detected to be unhealthy for five times consecutively. Value range: 2-10; unit: count.
                CreateBmForwardRulesRule.http_code (httpCode, 0–31, optional): This determines which combination of HTTP return codes are considered as healthy in health checks. Value range: 0-31. For example, the value 7 means the health check result is considered healthy if HTTP return code is 1xx, 2xx or 3xx.
                CreateBmForwardRulesRule.http_check_path (httpCheckPath, optional): Path to be checked in the health check.
                CreateBmForwardRulesRule.http_check_domain (httpCheckDomain, optional): Domain name to be checked in the health check.
                CreateBmForwardRulesRule.balance_mode (balanceMode, ip_hash | wrr, optional): Balance mode: ip_hash, wrr. Default is wrr.
            wait: True (or seconds) to return only once the task succeeded; raises TaskFailedError or TaskTimeoutError otherwise.
            timeout, retries: override the client's for this call.

        Returns:
            CreateBmForwardRulesResult: request_id (Task ID. This API is an asynchronous task. You can query task operation result by calling API DescribeBmLoadBalancersTaskResult based on this parameter).
            The change runs as a task: wait for it with wait_for_task(result.request_id).

        Raises:
            ValidationError: an argument breaks a rule above; nothing is sent.
            InvalidParameterModule: 9003 InvalidParameter, Invalid parameter.
            InternalErrorCCDBAbnormal: 9006 InternalError.CCDBAbnormal, CCDB service error.
            InvalidParameterCCDBLBNotExist: 11041 InvalidParameter.CCDBLBNotExist, Record of this BM load balancer does not exist in CCDB.
            IncorrectStatusLBWrongStatus: 12003 IncorrectStatus.LBWrongStatus, The operation is impossible due to incorrect status of BM load balancer.
            InvalidL7ListenerNotExist: -12000 InvalidL7Listener.NotExist, The layer-7 listener does not exist in CCDB
            IncorrectStatusListenerWrongStatus: -12010 IncorrectStatus.ListenerWrongStatus, Incorrect load balancer listener status
            IncorrectStatusForwardRuleWrongStatus: -12011 IncorrectStatus.ForwardRuleWrongStatus, Incorrect load balancer forwarding rule status
            InvalidResourceForwardDomainNumberOverLimit: -12007 InvalidResource.ForwardDomainNumberOverLimit, The number of forwarding domain names of the load balancer listener has exceeded the limit
            InvalidResourceForwardLocationNumberOverLimit: -12008 InvalidResource.ForwardLocationNumberOverLimit, The number of forwarding paths under the forwarding domain for the load balancer listener has exceeded the limit
            InvalidParameterForwardLocationIsDuplicate: -12015 InvalidParameter.ForwardLocationIsDuplicate, The forwarding path already exists for this load balancer
            InvalidParameterForwardDomainNotComplianceWithRule: -12016 InvalidParameter.ForwardDomainNotComplianceWithRule, Incorrect forwarding domain format
            InvalidParameterForwardLocationNotComplianceWithRule: -12017 InvalidParameter.ForwardLocationNotComplianceWithRule, Incorrect forwarding path format
            InvalidParameterHttpCheckDomainNotMatch: -12019 InvalidParameter.httpCheckDomainNotMatch, The health check domain name does not match with the forwarding domain name
            ApiError: any other error the API answers with (the common codes).
            TransportError, ResponseError: the request or its response was lost or garbled (not retried once it may have reached the server: the action is not idempotent).
        """
        result: CreateBmForwardRulesResult = self._invoke(
            _operations.CREATE_BM_FORWARD_RULES,
            {"load_balancer_id": load_balancer_id, "listener_id": listener_id, "rules": rules},
            timeout=timeout,
            retries=retries,
            wait=wait,
        )
        return result

    def create_bm_listeners(
        self,
        *,
        load_balancer_id: str,
        listeners: Sequence[CreateBmListenersListener],
        wait: bool | float = False,
        timeout: float | Timeout | None = None,
        retries: int | Retry | None = None,
    ) -> CreateBmListenersResult:
        """Create BM load balancer layer-4 listeners.

        创建黑石四层负载均衡监听器。

        Args:
            load_balancer_id (loadBalancerId, 1–64 chars): ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.
            listeners (listeners, 1–50 items): Array containing listener information. You can create multiple listeners. Currently, you can create up to 50 listeners under a BM load balancer
                CreateBmListenersListener.load_balancer_port (loadBalancerPort, 1–65535): Listening port of BM load balancer listener. Value range: 1-65535.
                CreateBmListenersListener.protocol (protocol, tcp | udp): Protocol type of BM load balancer instance listener. Value can be TCP or UDP.
                CreateBmListenersListener.listener_name (listenerName): Name of BM load balancer listener.
                CreateBmListenersListener.session_expire (sessionExpire, 900–3600, optional): Session persistence duration of BM load balancer listener (in sec). Value range: 900 ~ 3600. Session persistence is disabled if you don't pass any value.
                CreateBmListenersListener.health_switch (healthSwitch, 1 | 0, optional): Indicate whether health check is enabled for BM load balancer instance listener. 1: On; 0: Off. Default value is 0 (off).
                CreateBmListenersListener.time_out (timeOut, 2–60, optional): Health check response timeout for the BM load balancer listener (in sec). Value range: 2-60. Default is 2. The response timeout must be smaller than health check time interval.
                CreateBmListenersListener.interval_time (intervalTime, 5–300, optional): Health check time interval of BM load balancer listener (in sec). Default: 5; value range: 5-300.
                CreateBmListenersListener.health_num (healthNum, 2–10, optional): Health threshold of BM load balancer listener. Default value is 3, which means the forwarding is considered normal if it is detected to be healthy for three times consecutively. Value range: 2-10; unit: count.
                CreateBmListenersListener.unhealth_num (unhealthNum, 2–10, optional): Unhealth threshold of BM load balancer listener. Default value is 3, which means the forwarding is considered abnormal if it is detected to be unhealthy for three times consecutively. Value range: 2-10; unit: count.
                CreateBmListenersListener.bandwidth (bandwidth, 0–1000, optional): Used to specify the maximum bandwidth of the listener with the billing mode is pay-by-fixed bandwidth. Value range: 0-1000 (in Mbps).
                CreateBmListenersListener.custom_health_switch (customHealthSwitch, 1 | 0, optional): Whether the custom health check is on: 1 (on), 0 (off). Default: 0 (off). It takes effect only while the health check is on.
                CreateBmListenersListener.input_type (inputType, text | hexadecimal, optional): Content type of the custom health check probe: text, or hexadecimal.
                CreateBmListenersListener.line_separator_type (lineSeparatorType, 1 | 2 | 3, optional): For a text probe, how the line breaks of the request text are sent: 1 (as LF), 2 (as CR), 3 (as LF+CR).
                CreateBmListenersListener.health_request (healthRequest, optional): Request content of the custom health check probe.
                CreateBmListenersListener.health_response (healthResponse, optional): Response content the custom health check probe expects.
                CreateBmListenersListener.toa_flag (toaFlag, 0 | 1, optional): Whether TOA is on: 0 (off), 1 (on); off by default. It takes effect only on a load balancer of the fullnat type.
            wait: True (or seconds) to return only once the task succeeded; raises TaskFailedError or TaskTimeoutError otherwise.
            timeout, retries: override the client's for this call.

        Returns:
            CreateBmListenersResult: request_id (Task ID. This API is an asynchronous task. You can query task operation result by calling API DescribeBmLoadBalancersTaskResult based on this parameter).
            The change runs as a task: wait for it with wait_for_task(result.request_id).

        Raises:
            ValidationError: an argument breaks a rule above; nothing is sent.
            InvalidParameterModule: 9003 InvalidParameter, Invalid parameter.
            InternalErrorCCDBAbnormal: 9006 InternalError.CCDBAbnormal, CCDB service error.
            InvalidParameterCCDBLBNotExist: 11041 InvalidParameter.CCDBLBNotExist, Record of this BM load balancer does not exist in CCDB.
            IncorrectStatusLBWrongStatus: 12003 IncorrectStatus.LBWrongStatus, The operation is impossible due to incorrect status of BM load balancer.
            InvalidResourceListenerNumberOverLimit: 12014 InvalidResource.ListenerNumberOverLimit, The number of listeners exceeds the limit.
            InvalidParameterVportIsDuplicate: -12013 InvalidParameter.VportIsDuplicate, The listener port is duplicated.
            ApiError: any other error the API answers with (the common codes).
            TransportError, ResponseError: the request or its response was lost or garbled (not retried once it may have reached the server: the action is not idempotent).
        """
        result: CreateBmListenersResult = self._invoke(
            _operations.CREATE_BM_LISTENERS,
            {"load_balancer_id": load_balancer_id, "listeners": listeners},
            timeout=timeout,
            retries=retries,
            wait=wait,
        )
        return result

    def create_bm_load_balancer(
        self,
        *,
        un_vpc_id: str,
        load_balancer_type: Literal["open", "internal"],
        un_subnet_id: str | None = None,
        project_id: int | None = None,
        goods_num: int | None = None,
        pay_mode: Literal["flow", "bandwidth"] | None = None,
        tgw_set_type: Literal["tunnel", "fullnat", "dnat"] | None = None,
        exclusive: Literal[0, 1, 2, 3, 4] | None = None,
        specified_vips: Sequence[str] | None = None,
        bz_conf: Sequence[str] | None = None,
        ip_protocol_type: Literal["ipv4", "ipv6"] | None = None,
        timeout: float | Timeout | None = None,
        retries: int | Retry | None = None,
    ) -> CreateBmLoadBalancerResult:
        """Create BM load balancer instances.

        创建黑石负载均衡。

        Args:
            un_vpc_id (unVpcId, 1–64 chars): ID of the VPC to which the BM load balancer instance belongs.
            load_balancer_type (loadBalancerType, open | internal): Type of load balancer. Value can be open or internal. "open" represents public network (with daily rate), and "internal" represents private network.
            un_subnet_id (unSubnetId, 1–64 chars, optional): When you purchase a private network-based cloud load balancer instance within the VPC, you need to specify the subnet ID. The VIP of the private network-based cloud load balancer instance is generated from this subnet. This field can be left empty in other cases.
            project_id (projectId, optional): Project ID of the cloud load balancer. If it is left empty, the instance belongs to the default project.
            goods_num (goodsNum, 1–20, optional): Number of BM load balancer instances to be purchased. Default is 1, and maximum is 20.
            pay_mode (payMode, flow | bandwidth, optional): Billing method of BM load balancer. Value can be flow (Bill-by-traffic) or bandwidth (Bill-by-bandwidth). Default is flow.
            tgw_set_type (tgwSetType, tunnel | fullnat | dnat, optional): TGW cluster type of load balancer. Value can be tunnel or fullnat. "tunnel" represents tunnel cluster and "fullnat" represents FULLNAT cluster. Default is fullnat. Select tunnel if you want to acquire Client IP.
            exclusive (exclusive, 0 | 1 | 2 | 3 | 4, optional): The exclusive category of load balancer. 0: Non-exclusive; 1: Layer-4 exclusive; 2: Layer-7 exclusive; 3: Layer-4 and layer-7 exclusive; 4: Shared disaster recovery.
            specified_vips (specifiedVips, ≤ 20 items, optional): The specified vip. If it is specified, the number must be consistent with goodsNum. Otherwise, a random vip is assigned by the backend.
            bz_conf (bzConf, optional): Settings of a guaranteed-type load balancer.
            ip_protocol_type (ipProtocolType, ipv4 | ipv6, optional): IP protocol type: "ipv4" or "ipv6". Only Beijing and Shanghai support it so far; Guangzhou and Chongqing do not.
            timeout, retries: override the client's for this call.

        Returns:
            CreateBmLoadBalancerResult: load_balancer_ids (ID of the created BM load balancer instance.).

        Raises:
            ValidationError: an argument breaks a rule above; nothing is sent.
            InvalidParameterModule: 9003 InvalidParameter, Invalid parameter.
            InternalErrorCCDBAbnormal: 9006 InternalError.CCDBAbnormal, CCDB service error.
            InvalidResourceLBNumberOverOrderLimit: 12010 InvalidResource.LBNumberOverOrderLimit, The number of load balancer instances to be purchased in this order has exceeded the limit
            InvalidResourceLBNumberOverTotalLimit: 12011 InvalidResource.LBNumberOverTotalLimit, The number of purchased load balancer instances has exceeded the limit
            InvalidParameterVpcIdSubnetIdNotExist: 20002 InvalidParameter.VpcIdSubnetIdNotExist, The VPC and subnet information does not exist for this account in this region
            ApiError: any other error the API answers with (the common codes).
            TransportError, ResponseError: the request or its response was lost or garbled (not retried once it may have reached the server: the action is not idempotent).
        """
        result: CreateBmLoadBalancerResult = self._invoke(
            _operations.CREATE_BM_LOAD_BALANCER,
            {
                "un_vpc_id": un_vpc_id,
                "load_balancer_type": load_balancer_type,
                "un_subnet_id": un_subnet_id,
                "project_id": project_id,
                "goods_num": goods_num,
                "pay_mode": pay_mode,
                "tgw_set_type": tgw_set_type,
                "exclusive": exclusive,
                "specified_vips": specified_vips,
                "bz_conf": bz_conf,
                "ip_protocol_type": ip_protocol_type,
            },
            timeout=timeout,
            retries=retries,
        )
        return result

    def delete_bm_forward_domains(
        self,
        *,
        load_balancer_id: str,
        listener_id: str,
        domain_ids: Sequence[str],
        wait: bool | float = False,
        timeout: float | Timeout | None = None,
        retries: int | Retry | None = None,
    ) -> DeleteBmForwardDomainsResult:
        """Delete BM load balancer layer-7 forwarding domain names.

        删除黑石负载均衡七层转发域名。

        Args:
            load_balancer_id (loadBalancerId, 1–64 chars): ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.
            listener_id (listenerId, 1–64 chars): ID of the load balancer's layer-7 listener, which can be queried via API DescribeBmForwardListeners.
            domain_ids (domainIds, ≥ 1 items, 1–64 chars): List of IDs of the load balancer layer-7 forwarding domains. The IDs can be queried via API DescribeBmForwardRules.
            wait: True (or seconds) to return only once the task succeeded; raises TaskFailedError or TaskTimeoutError otherwise.
            timeout, retries: override the client's for this call.

        Returns:
            DeleteBmForwardDomainsResult: request_id (Task ID. This API is an asynchronous task. You can query task operation result by calling API DescribeBmLoadBalancersTaskResult based on this parameter).
            The change runs as a task: wait for it with wait_for_task(result.request_id).

        Raises:
            ValidationError: an argument breaks a rule above; nothing is sent.
            InvalidParameterModule: 9003 InvalidParameter, Invalid parameter.
            InternalErrorCCDBAbnormal: 9006 InternalError.CCDBAbnormal, CCDB service error.
            InvalidParameterCCDBLBNotExist: 11041 InvalidParameter.CCDBLBNotExist, Record of this BM load balancer does not exist in CCDB.
            IncorrectStatusLBWrongStatus: 12003 IncorrectStatus.LBWrongStatus, The operation is impossible due to incorrect status of BM load balancer.
            InvalidL7ListenerNotExist: -12000 InvalidL7Listener.NotExist, The layer-7 listener does not exist in CCDB
            IncorrectStatusListenerWrongStatus: -12010 IncorrectStatus.ListenerWrongStatus, Incorrect load balancer listener status
            InvalidForwardRuleNotExist: -12003 InvalidForwardRule.NotExist, The forwarding rule does not exist in CCDB
            IncorrectStatusForwardRuleWrongStatus: -12011 IncorrectStatus.ForwardRuleWrongStatus, Incorrect load balancer forwarding rule status
            ApiError: any other error the API answers with (the common codes).
            TransportError, ResponseError: the request or its response was lost or garbled (not retried once it may have reached the server: the action is not idempotent).
        """
        result: DeleteBmForwardDomainsResult = self._invoke(
            _operations.DELETE_BM_FORWARD_DOMAINS,
            {
                "load_balancer_id": load_balancer_id,
                "listener_id": listener_id,
                "domain_ids": domain_ids,
            },
            timeout=timeout,
            retries=retries,
            wait=wait,
        )
        return result

    def delete_bm_forward_rules(
        self,
        *,
        load_balancer_id: str,
        listener_id: str,
        domain_id: str,
        location_ids: Sequence[str],
        wait: bool | float = False,
        timeout: float | Timeout | None = None,
        retries: int | Retry | None = None,
    ) -> DeleteBmForwardRulesResult:
        """Delete BM load balancer layer-7 forwarding rules.

        删除黑石负载均衡七层转发规则。

        Args:
            load_balancer_id (loadBalancerId, 1–64 chars): ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.
            listener_id (listenerId, 1–64 chars): ID of the load balancer's layer-7 listener, which can be queried via API DescribeBmForwardListeners.
            domain_id (domainId, 1–64 chars): ID of the load balancer's layer-7 forwarding domain, which can be queried via API DescribeBmForwardRules.
            location_ids (locationIds, ≥ 1 items, 1–64 chars): List of IDs of the load balancer layer-7 forwarding paths. The IDs can be queried via API DescribeBmForwardRules.
            wait: True (or seconds) to return only once the task succeeded; raises TaskFailedError or TaskTimeoutError otherwise.
            timeout, retries: override the client's for this call.

        Returns:
            DeleteBmForwardRulesResult: request_id (Task ID. This API is an asynchronous task. You can query task operation result by calling API DescribeBmLoadBalancersTaskResult based on this parameter).
            The change runs as a task: wait for it with wait_for_task(result.request_id).

        Raises:
            ValidationError: an argument breaks a rule above; nothing is sent.
            InvalidParameterModule: 9003 InvalidParameter, Invalid parameter.
            InternalErrorCCDBAbnormal: 9006 InternalError.CCDBAbnormal, CCDB service error.
            InvalidParameterCCDBLBNotExist: 11041 InvalidParameter.CCDBLBNotExist, Record of this BM load balancer does not exist in CCDB.
            IncorrectStatusLBWrongStatus: 12003 IncorrectStatus.LBWrongStatus, The operation is impossible due to incorrect status of BM load balancer.
            InvalidL7ListenerNotExist: -12000 InvalidL7Listener.NotExist, The layer-7 listener does not exist in CCDB
            IncorrectStatusListenerWrongStatus: -12010 IncorrectStatus.ListenerWrongStatus, Incorrect load balancer listener status
            InvalidForwardRuleNotExist: -12003 InvalidForwardRule.NotExist, The forwarding rule does not exist in CCDB
            IncorrectStatusForwardRuleWrongStatus: -12011 IncorrectStatus.ForwardRuleWrongStatus, Incorrect load balancer forwarding rule status
            ApiError: any other error the API answers with (the common codes).
            TransportError, ResponseError: the request or its response was lost or garbled (not retried once it may have reached the server: the action is not idempotent).
        """
        result: DeleteBmForwardRulesResult = self._invoke(
            _operations.DELETE_BM_FORWARD_RULES,
            {
                "load_balancer_id": load_balancer_id,
                "listener_id": listener_id,
                "domain_id": domain_id,
                "location_ids": location_ids,
            },
            timeout=timeout,
            retries=retries,
            wait=wait,
        )
        return result

    def delete_bm_listeners(
        self,
        *,
        load_balancer_id: str,
        listener_ids: Sequence[str],
        wait: bool | float = False,
        timeout: float | Timeout | None = None,
        retries: int | Retry | None = None,
    ) -> DeleteBmListenersResult:
        """Delete BM load balancer layer-4 listeners.

        删除黑石负载均衡四层监听器。

        Args:
            load_balancer_id (loadBalancerId, 1–64 chars): ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.
            listener_ids (listenerIds, ≥ 1 items, 1–64 chars): List of the BM load balancer layer-4 listener IDs, which can be queried via API DescribeBmListeners.
            wait: True (or seconds) to return only once the task succeeded; raises TaskFailedError or TaskTimeoutError otherwise.
            timeout, retries: override the client's for this call.

        Returns:
            DeleteBmListenersResult: request_id (Task ID. This API is an asynchronous task. You can query task operation result by calling API DescribeBmLoadBalancersTaskResult based on this parameter).
            The change runs as a task: wait for it with wait_for_task(result.request_id).

        Raises:
            ValidationError: an argument breaks a rule above; nothing is sent.
            InvalidParameterModule: 9003 InvalidParameter, Invalid parameter.
            InternalErrorCCDBAbnormal: 9006 InternalError.CCDBAbnormal, CCDB service error.
            InvalidParameterCCDBLBNotExist: 11041 InvalidParameter.CCDBLBNotExist, Record of this BM load balancer does not exist in CCDB.
            IncorrectStatusLBWrongStatus: 12003 IncorrectStatus.LBWrongStatus, The operation is impossible due to incorrect status of BM load balancer.
            InvalidL4ListenerNotExist: -12023 InvalidL4Listener.NotExist, The layer-4 listener does not exist in CCDB.
            ApiError: any other error the API answers with (the common codes).
            TransportError, ResponseError: the request or its response was lost or garbled (not retried once it may have reached the server: the action is not idempotent).
        """
        result: DeleteBmListenersResult = self._invoke(
            _operations.DELETE_BM_LISTENERS,
            {"load_balancer_id": load_balancer_id, "listener_ids": listener_ids},
            timeout=timeout,
            retries=retries,
            wait=wait,
        )
        return result

    def delete_bm_load_balancers(
        self,
        *,
        load_balancer_id: str,
        wait: bool | float = False,
        timeout: float | Timeout | None = None,
        retries: int | Retry | None = None,
    ) -> DeleteBmLoadBalancersResult:
        """Delete one or more BM load balancer instances specified by the user.

        删除用户指定的黑石负载均衡实例。

        Args:
            load_balancer_id (loadBalancerId, 1–64 chars): ID of load balancer instance, which can be queried via API DescribeBmLoadBalancers .
            wait: True (or seconds) to return only once the task succeeded; raises TaskFailedError or TaskTimeoutError otherwise.
            timeout, retries: override the client's for this call.

        Returns:
            DeleteBmLoadBalancersResult: request_id (Request task ID. The API is an asynchronous task. You can query the task execution result based on this parameter by calling API DescribeLoadBmBalancersTaskResult).
            The change runs as a task: wait for it with wait_for_task(result.request_id).

        Raises:
            ValidationError: an argument breaks a rule above; nothing is sent.
            InvalidParameterModule: 9003 InvalidParameter, Invalid parameter.
            InternalErrorCCDBAbnormal: 9006 InternalError.CCDBAbnormal, CCDB service error.
            InvalidParameterCCDBLBNotExist: 11041 InvalidParameter.CCDBLBNotExist, Record of this BM load balancer does not exist in CCDB.
            IncorrectStatusLBWrongStatus: 12003 IncorrectStatus.LBWrongStatus, The operation is impossible due to incorrect status of BM load balancer.
            ApiError: any other error the API answers with (the common codes).
            TransportError, ResponseError: the request or its response was lost or garbled (not retried once it may have reached the server: the action is not idempotent).
        """
        result: DeleteBmLoadBalancersResult = self._invoke(
            _operations.DELETE_BM_LOAD_BALANCERS,
            {"load_balancer_id": load_balancer_id},
            timeout=timeout,
            retries=retries,
            wait=wait,
        )
        return result

    def describe_bm_bind_info(
        self,
        *,
        instance_ids: Sequence[str],
        vpc_id: int | None = None,
        un_vpc_id: str | None = None,
        timeout: float | Timeout | None = None,
        retries: int | Retry | None = None,
    ) -> DescribeBmBindInfoResult:
        """Acquire the details of BM load balancers bound to CPM IDs and VM IPs.

        查询黑石物理机ID和虚机IP绑定的黑石负载均衡详情。

        Args:
            instance_ids (instanceIds, ≥ 1 items, 1–64 chars): List of CPM IDs or VM IPs, used to acquire the list of load balancers bound to the CPMs.
            vpc_id (vpcId, optional): VPC ID.
            un_vpc_id (unVpcId, 1–64 chars, optional): Unique ID of the BM VPC.
            timeout, retries: override the client's for this call.

        Returns:
            DescribeBmBindInfoResult: load_balancer_set (List of returned load balancers), total_count (Number of load balancers returned.).

        Raises:
            ValidationError: an argument breaks a rule above; nothing is sent.
            InvalidParameterModule: 9003 InvalidParameter, Invalid parameter.
            InternalErrorCCDBAbnormal: 9006 InternalError.CCDBAbnormal, CCDB service error.
            ApiError: any other error the API answers with (the common codes).
            TransportError, ResponseError: the request or its response was lost or garbled.
        """
        result: DescribeBmBindInfoResult = self._invoke(
            _operations.DESCRIBE_BM_BIND_INFO,
            {"instance_ids": instance_ids, "vpc_id": vpc_id, "un_vpc_id": un_vpc_id},
            timeout=timeout,
            retries=retries,
        )
        return result

    def describe_bm_forward_listener_info(
        self,
        *,
        load_balancer_id: str,
        search_key: str | None = None,
        instance_ids: Sequence[str] | None = None,
        if_get_rs_info: int | None = None,
        timeout: float | Timeout | None = None,
        retries: int | Retry | None = None,
    ) -> DescribeBmForwardListenerInfoResult:
        """Acquire BM load balancer layer-7 listeners that are bound to a certain CPM or have a certain forwarding domain.

        查找绑定了某主机或者有某转发域名黑石负载均衡七层监听器。

        Args:
            load_balancer_id (loadBalancerId, 1–64 chars): ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.
            search_key (searchKey, optional): Search key, which is used to search for listeners with this forwarding domain using fuzzy search method.
            instance_ids (instanceIds, 1–64 chars, optional): List of CPM IDs or VM IPs, used to acquire listeners that are bound to these CPMs.
            if_get_rs_info (ifGetRsInfo, optional): Indicates whether to acquire information of CPMs under the forwarding rules. Default is 0 (do not acquire).
            timeout, retries: override the client's for this call.

        Returns:
            DescribeBmForwardListenerInfoResult: listener_set (List of returned layer-7 listeners.), total_count (Number of layer-7 listeners returned.).

        Raises:
            ValidationError: an argument breaks a rule above; nothing is sent.
            InvalidParameterModule: 9003 InvalidParameter, Invalid parameter.
            InternalErrorCCDBAbnormal: 9006 InternalError.CCDBAbnormal, CCDB service error.
            InvalidParameterCCDBLBNotExist: 11041 InvalidParameter.CCDBLBNotExist, Record of this BM load balancer does not exist in CCDB.
            ApiError: any other error the API answers with (the common codes).
            TransportError, ResponseError: the request or its response was lost or garbled.
        """
        result: DescribeBmForwardListenerInfoResult = self._invoke(
            _operations.DESCRIBE_BM_FORWARD_LISTENER_INFO,
            {
                "load_balancer_id": load_balancer_id,
                "search_key": search_key,
                "instance_ids": instance_ids,
                "if_get_rs_info": if_get_rs_info,
            },
            timeout=timeout,
            retries=retries,
        )
        return result

    def describe_bm_forward_listeners(
        self,
        *,
        load_balancer_id: str,
        listener_ids: Sequence[str] | None = None,
        timeout: float | Timeout | None = None,
        retries: int | Retry | None = None,
    ) -> DescribeBmForwardListenersResult:
        """Acquire BM load balancer layer-7 listeners.

        获取黑石负载均衡七层监听器。

        Args:
            load_balancer_id (loadBalancerId, 1–64 chars): ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.
            listener_ids (listenerIds, 1–64 chars, optional): List of IDs of load balancer layer-7 listeners. The IDs can be queried via API DescribeBmForwardListeners.
            timeout, retries: override the client's for this call.

        Returns:
            DescribeBmForwardListenersResult: listener_set (List of returned layer-7 listeners.), total_count (Number of layer-7 listeners returned.).

        Raises:
            ValidationError: an argument breaks a rule above; nothing is sent.
            InvalidParameterModule: 9003 InvalidParameter, Invalid parameter.
            InternalErrorCCDBAbnormal: 9006 InternalError.CCDBAbnormal, CCDB service error.
            ApiError: any other error the API answers with (the common codes).
            TransportError, ResponseError: the request or its response was lost or garbled.
        """
        result: DescribeBmForwardListenersResult = self._invoke(
            _operations.DESCRIBE_BM_FORWARD_LISTENERS,
            {"load_balancer_id": load_balancer_id, "listener_ids": listener_ids},
            timeout=timeout,
            retries=retries,
        )
        return result

    def describe_bm_forward_rules(
        self,
        *,
        load_balancer_id: str,
        listener_id: str,
        domain_ids: Sequence[str] | None = None,
        timeout: float | Timeout | None = None,
        retries: int | Retry | None = None,
    ) -> DescribeBmForwardRulesResult:
        """Acquire BM load balancer layer-7 forwarding rules.

        获取黑石负载均衡七层转发规则。

        Args:
            load_balancer_id (loadBalancerId, 1–64 chars): ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.
            listener_id (listenerId, 1–64 chars): ID of the load balancer's layer-7 listener, which can be queried via API DescribeBmForwardListeners.
            domain_ids (domainIds, 1–64 chars, optional): List of IDs of the load balancer layer-7 forwarding domains. The IDs can be queried via API DescribeBmForwardRules.
            timeout, retries: override the client's for this call.

        Returns:
            DescribeBmForwardRulesResult: rule_set (List of returned forwarding rules.), total_count (Number of forwarding rules returned.).

        Raises:
            ValidationError: an argument breaks a rule above; nothing is sent.
            InvalidParameterModule: 9003 InvalidParameter, Invalid parameter.
            InternalErrorCCDBAbnormal: 9006 InternalError.CCDBAbnormal, CCDB service error.
            ApiError: any other error the API answers with (the common codes).
            TransportError, ResponseError: the request or its response was lost or garbled.
        """
        result: DescribeBmForwardRulesResult = self._invoke(
            _operations.DESCRIBE_BM_FORWARD_RULES,
            {
                "load_balancer_id": load_balancer_id,
                "listener_id": listener_id,
                "domain_ids": domain_ids,
            },
            timeout=timeout,
            retries=retries,
        )
        return result

    def describe_bm_l4_listener_backends(
        self,
        *,
        load_balancer_id: str,
        listener_id: str,
        backends: Sequence[DescribeBmL4ListenerBackendsBackend] | None = None,
        timeout: float | Timeout | None = None,
        retries: int | Retry | None = None,
    ) -> DescribeBmL4ListenerBackendsResult:
        """Acquire the list of CPMs bound with BM load balancer layer-4 listeners.

        获取黑石负载均衡四层监听器绑定的主机列表。

        Args:
            load_balancer_id (loadBalancerId, 1–64 chars): ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.
            listener_id (listenerId, 1–64 chars): ID of the BM load balancer layer-4 listener, which can be queried via API DescribeBmListeners.
            backends (backends, optional): Information of the CPM to be queried.
                DescribeBmL4ListenerBackendsBackend.port (port, 1–65535): CPM port to be queried. Available value range: 1-65535.
                DescribeBmL4ListenerBackendsBackend.instance_id (instanceId, 1–64 chars): ID of the CPM instance to be queried.
            timeout, retries: override the client's for this call.

        Returns:
            DescribeBmL4ListenerBackendsResult: data (Returned list of binding relationships.).

        Raises:
            ValidationError: an argument breaks a rule above; nothing is sent.
            InvalidParameterModule: 9003 InvalidParameter, Invalid parameter.
            InternalErrorCCDBAbnormal: 9006 InternalError.CCDBAbnormal, CCDB service error.
            InvalidParameterCCDBLBNotExist: 11041 InvalidParameter.CCDBLBNotExist, Record of this BM load balancer does not exist in CCDB.
            InternalErrorTGWAbnormal: 11060 InternalError.TGWAbnormal, TGW service error.
            InternalErrorBmApiAbnormal: 14100 InternalError.BmApiAbnormal, bmApi service error.
            ApiError: any other error the API answers with (the common codes).
            TransportError, ResponseError: the request or its response was lost or garbled.
        """
        result: DescribeBmL4ListenerBackendsResult = self._invoke(
            _operations.DESCRIBE_BM_L4_LISTENER_BACKENDS,
            {
                "load_balancer_id": load_balancer_id,
                "listener_id": listener_id,
                "backends": backends,
            },
            timeout=timeout,
            retries=retries,
        )
        return result

    def describe_bm_listener_info(
        self,
        *,
        load_balancer_id: str,
        search_key: str | None = None,
        instance_ids: Sequence[str] | None = None,
        timeout: float | Timeout | None = None,
        retries: int | Retry | None = None,
    ) -> DescribeBmListenerInfoResult:
        """Acquire BM load balancer layer-4 listeners that are bound to a certain CPM or have a specified listener name.

        查找绑定了某主机或者指定监听器名称的黑石负载均衡四层监听器。

        Args:
            load_balancer_id (loadBalancerId, 1–64 chars): ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.
            search_key (searchKey, optional): Search key, which is used for fuzzy search for listeners with this name.
            instance_ids (instanceIds, 1–64 chars, optional): List of CPM IDs or VM IPs, used to acquire listeners that are bound to these CPMs.
            timeout, retries: override the client's for this call.

        Returns:
            DescribeBmListenerInfoResult: listener_set (Returned list of layer-4 listeners.).

        Raises:
            ValidationError: an argument breaks a rule above; nothing is sent.
            InvalidParameterModule: 9003 InvalidParameter, Invalid parameter.
            InternalErrorCCDBAbnormal: 9006 InternalError.CCDBAbnormal, CCDB service error.
            InvalidParameterCCDBLBNotExist: 11041 InvalidParameter.CCDBLBNotExist, Record of this BM load balancer does not exist in CCDB.
            ApiError: any other error the API answers with (the common codes).
            TransportError, ResponseError: the request or its response was lost or garbled.
        """
        result: DescribeBmListenerInfoResult = self._invoke(
            _operations.DESCRIBE_BM_LISTENER_INFO,
            {
                "load_balancer_id": load_balancer_id,
                "search_key": search_key,
                "instance_ids": instance_ids,
            },
            timeout=timeout,
            retries=retries,
        )
        return result

    def describe_bm_listeners(
        self,
        *,
        load_balancer_id: str,
        listener_ids: Sequence[str] | None = None,
        timeout: float | Timeout | None = None,
        retries: int | Retry | None = None,
    ) -> DescribeBmListenersResult:
        """Acquire BM load balancer layer-4 listeners.

        获取黑石负载均衡四层监听器。

        Args:
            load_balancer_id (loadBalancerId, 1–64 chars): ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.
            listener_ids (listenerIds, 1–64 chars, optional): Layer-4 listener ID array, which can be queried via API DescribeBmListeners.
            timeout, retries: override the client's for this call.

        Returns:
            DescribeBmListenersResult: listener_set (Listener information array.), total_count (Number of listeners in the listenerSet array.).

        Raises:
            ValidationError: an argument breaks a rule above; nothing is sent.
            InvalidParameterModule: 9003 InvalidParameter, Invalid parameter.
            InternalErrorCCDBAbnormal: 9006 InternalError.CCDBAbnormal, CCDB service error.
            InvalidParameterCCDBLBNotExist: 11041 InvalidParameter.CCDBLBNotExist, Record of this BM load balancer does not exist in CCDB.
            ApiError: any other error the API answers with (the common codes).
            TransportError, ResponseError: the request or its response was lost or garbled.
        """
        result: DescribeBmListenersResult = self._invoke(
            _operations.DESCRIBE_BM_LISTENERS,
            {"load_balancer_id": load_balancer_id, "listener_ids": listener_ids},
            timeout=timeout,
            retries=retries,
        )
        return result

    def describe_bm_load_balancers(
        self,
        *,
        load_balancer_ids: Sequence[str] | None = None,
        load_balancer_type: Literal["open", "internal"] | None = None,
        load_balancer_name: str | None = None,
        domain: str | None = None,
        load_balancer_vips: Sequence[str] | None = None,
        offset: int | None = None,
        limit: int | None = None,
        search_key: str | None = None,
        order_by: Literal["loadBalancerName", "createTime", "domain", "loadBalancerType"]
        | None = None,
        order_type: Literal[1, 0] | None = None,
        project_id: int | None = None,
        exclusive: int | None = None,
        tgw_set_type: Literal["tunnel", "fullnat"] | None = None,
        un_vpc_id: str | None = None,
        timeout: float | Timeout | None = None,
        retries: int | Retry | None = None,
    ) -> DescribeBmLoadBalancersResult:
        """Acquire the list of BM load balancer instances.

        获取黑石负载均衡实例列表。

        Args:
            load_balancer_ids (loadBalancerIds, 1–64 chars, optional): ID of load balancer instance.
            load_balancer_type (loadBalancerType, open | internal, optional): Type of load balancer. Value can be open or internal. "open" represents public network (with daily rate), and "internal" represents private network.
            load_balancer_name (loadBalancerName, optional): Name of load balancer.
            domain (domain, 1–60 chars, optional): Domain name of load balancer. The domain name should be a combination of 1-60 characters comprised of lowercase letters, numbers, "." or "-". This field is not applicable to private network-based BM load balancers
            load_balancer_vips (loadBalancerVips, optional): Public IP obtained by the load balancer instance. Multiple IPs are allowed.
            offset (offset, optional): Data offset. Default is 0.
            limit (limit, optional): Length of returned data. Default is 20.
            search_key (searchKey, optional): Name, domain name or VIP used for fuzzy search.
            order_by (orderBy, loadBalancerName | createTime | domain | loadBalancerType, optional): Field used for sorting (loadBalancerName, createTime, domain and loadBalancerType).
            order_type (orderType, 1 | 0, optional): 1: Descending; 0: Ascending. Default is ascending.
            project_id (projectId, optional): Project ID.
            exclusive (exclusive, optional): Whether TGW cluster is exclusive.
            tgw_set_type (tgwSetType, tunnel | fullnat, optional): TGW cluster type of load balancer. Value can be tunnel or fullnat. "tunnel" represents tunnel cluster and "fullnat" represents FULLNAT cluster.
            un_vpc_id (unVpcId, 1–64 chars, optional): "unVpcId" to which the load balancer belongs.
            timeout, retries: override the client's for this call.

        Returns:
            DescribeBmLoadBalancersResult: load_balancer_set (Returned array of load balancer instances.), total_count (The total number of load balancer instances meeting the filter criteria.).

        Raises:
            ValidationError: an argument breaks a rule above; nothing is sent.
            InvalidParameterModule: 9003 InvalidParameter, Invalid parameter.
            InternalErrorCCDBAbnormal: 9006 InternalError.CCDBAbnormal, CCDB service error.
            ApiError: any other error the API answers with (the common codes).
            TransportError, ResponseError: the request or its response was lost or garbled.
        """
        result: DescribeBmLoadBalancersResult = self._invoke(
            _operations.DESCRIBE_BM_LOAD_BALANCERS,
            {
                "load_balancer_ids": load_balancer_ids,
                "load_balancer_type": load_balancer_type,
                "load_balancer_name": load_balancer_name,
                "domain": domain,
                "load_balancer_vips": load_balancer_vips,
                "offset": offset,
                "limit": limit,
                "search_key": search_key,
                "order_by": order_by,
                "order_type": order_type,
                "project_id": project_id,
                "exclusive": exclusive,
                "tgw_set_type": tgw_set_type,
                "un_vpc_id": un_vpc_id,
            },
            timeout=timeout,
            retries=retries,
        )
        return result

    def iter_describe_bm_load_balancers(
        self,
        *,
        load_balancer_ids: Sequence[str] | None = None,
        load_balancer_type: Literal["open", "internal"] | None = None,
        load_balancer_name: str | None = None,
        domain: str | None = None,
        load_balancer_vips: Sequence[str] | None = None,
        search_key: str | None = None,
        order_by: Literal["loadBalancerName", "createTime", "domain", "loadBalancerType"]
        | None = None,
        order_type: Literal[1, 0] | None = None,
        project_id: int | None = None,
        exclusive: int | None = None,
        tgw_set_type: Literal["tunnel", "fullnat"] | None = None,
        un_vpc_id: str | None = None,
        page_size: int | None = None,
        timeout: float | Timeout | None = None,
        retries: int | Retry | None = None,
    ) -> Iterator[DescribeBmLoadBalancersLoadBalancer]:
        """Every load_balancer_set item of DescribeBmLoadBalancers, page after page: each page starts where the last ended (offset) until total_count is reached.

        page_size: the limit of each page (default: the service's). The other arguments are describe_bm_load_balancers's.
        """
        yield from self._paginate(
            _operations.DESCRIBE_BM_LOAD_BALANCERS,
            {
                "load_balancer_ids": load_balancer_ids,
                "load_balancer_type": load_balancer_type,
                "load_balancer_name": load_balancer_name,
                "domain": domain,
                "load_balancer_vips": load_balancer_vips,
                "search_key": search_key,
                "order_by": order_by,
                "order_type": order_type,
                "project_id": project_id,
                "exclusive": exclusive,
                "tgw_set_type": tgw_set_type,
                "un_vpc_id": un_vpc_id,
            },
            page_size=page_size,
            timeout=timeout,
            retries=retries,
        )

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
        result: DescribeBmLoadBalancersTaskResult = self._invoke(
            _operations.DESCRIBE_BM_LOAD_BALANCERS_TASK_RESULT,
            {"request_id": request_id},
            timeout=timeout,
            retries=retries,
        )
        return result

    def describe_bm_location_backends(
        self,
        *,
        load_balancer_id: str,
        listener_id: str,
        domain_id: str,
        location_id: str,
        offset: int | None = None,
        limit: int | None = None,
        timeout: float | Timeout | None = None,
        retries: int | Retry | None = None,
    ) -> DescribeBmLocationBackendsResult:
        """Acquire the list of CPMs to which the BM load balancer layer-7 forwarding paths are bound.

        获取黑石负载均衡七层转发路径绑定的主机列表。

        Args:
            load_balancer_id (loadBalancerId, 1–64 chars): ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.
            listener_id (listenerId, 1–64 chars): ID of the load balancer's layer-7 listener, which can be queried via API DescribeBmForwardListeners.
            domain_id (domainId, 1–64 chars): ID of the load balancer's layer-7 forwarding domain name, which can be queried via API DescribeBmForwardRules.
            location_id (locationId, 1–64 chars): ID of the load balancer's layer-7 forwarding path, which can be queried via API DescribeBmForwardRules.
            offset (offset, optional): Offset.
            limit (limit, optional): Number of results to be returned.
            timeout, retries: override the client's for this call.

        Returns:
            DescribeBmLocationBackendsResult: data (Returned list of binding relationships.).

        Raises:
            ValidationError: an argument breaks a rule above; nothing is sent.
            InvalidParameterModule: 9003 InvalidParameter, Invalid parameter.
            InternalErrorCCDBAbnormal: 9006 InternalError.CCDBAbnormal, CCDB service error.
            InvalidParameterCCDBLBNotExist: 11041 InvalidParameter.CCDBLBNotExist, Record of this BM load balancer does not exist in CCDB.
            InternalErrorTGWAbnormal: 11060 InternalError.TGWAbnormal, TGW service error.
            InternalErrorBmApiAbnormal: 14100 InternalError.BmApiAbnormal, bmApi service error.
            ApiError: any other error the API answers with (the common codes).
            TransportError, ResponseError: the request or its response was lost or garbled.
        """
        result: DescribeBmLocationBackendsResult = self._invoke(
            _operations.DESCRIBE_BM_LOCATION_BACKENDS,
            {
                "load_balancer_id": load_balancer_id,
                "listener_id": listener_id,
                "domain_id": domain_id,
                "location_id": location_id,
                "offset": offset,
                "limit": limit,
            },
            timeout=timeout,
            retries=retries,
        )
        return result

    def describe_bm_vport_info(
        self,
        *,
        load_balancer_id: str,
        timeout: float | Timeout | None = None,
        retries: int | Retry | None = None,
    ) -> DescribeBmVportInfoResult:
        """Acquire the information on the BM load balancer ports.

        获取黑石负载均衡端口相关信息。

        Args:
            load_balancer_id (loadBalancerId, 1–64 chars): ID of the load balancer instance, which can be queried via API DescribeBmLoadBalancers.
            timeout, retries: override the client's for this call.

        Returns:
            DescribeBmVportInfoResult: listener_set (List of returned listeners (4-layer and 7-layer).), total_count (Number of listeners returned.).

        Raises:
            ValidationError: an argument breaks a rule above; nothing is sent.
            InvalidParameterModule: 9003 InvalidParameter, Invalid parameter.
            InternalErrorCCDBAbnormal: 9006 InternalError.CCDBAbnormal, CCDB service error.
            InvalidParameterCCDBLBNotExist: 11041 InvalidParameter.CCDBLBNotExist, Record of this BM load balancer does not exist in CCDB.
            ApiError: any other error the API answers with (the common codes).
            TransportError, ResponseError: the request or its response was lost or garbled.
        """
        result: DescribeBmVportInfoResult = self._invoke(
            _operations.DESCRIBE_BM_VPORT_INFO,
            {"load_balancer_id": load_balancer_id},
            timeout=timeout,
            retries=retries,
        )
        return result

    def get_bm_cert_detail(
        self,
        *,
        cert_id: str,
        timeout: float | Timeout | None = None,
        retries: int | Retry | None = None,
    ) -> GetBmCertDetailResult:
        """Acquire the details of BM load balancer certificate.

        获取黑石负载均衡证书详情。

        Args:
            cert_id (certId, 1–64 chars): Certificate ID.
            timeout, retries: override the client's for this call.

        Returns:
            GetBmCertDetailResult: data (Returned object.).

        Raises:
            ValidationError: an argument breaks a rule above; nothing is sent.
            InvalidParameterModule: 9003 InvalidParameter, Invalid parameter.
            InternalErrorCCDBAbnormal: 9006 InternalError.CCDBAbnormal, CCDB service error.
            InvalidResourceCertPlatformErr: -20000 InvalidResource.CertPlatformErr, An error occurred while accessing the certificate platform
            ApiError: any other error the API answers with (the common codes).
            TransportError, ResponseError: the request or its response was lost or garbled.
        """
        result: GetBmCertDetailResult = self._invoke(
            _operations.GET_BM_CERT_DETAIL,
            {"cert_id": cert_id},
            timeout=timeout,
            retries=retries,
        )
        return result

    def inquiry_bm_lb_price(
        self,
        *,
        load_balancer_type: Literal["open", "internal"],
        timeout: float | Timeout | None = None,
        retries: int | Retry | None = None,
    ) -> InquiryBmLBPriceResult:
        """Query the prices of BM load balancers.

        查询黑石负载均衡的价格，其中公网负载均衡的价格为每天1元，内网负载均衡免费。

        Args:
            load_balancer_type (loadBalancerType, open | internal): Type of load balancer. Value can be open or internal. "open" represents public network (with daily rate), and "internal" represents private network.
            timeout, retries: override the client's for this call.

        Returns:
            InquiryBmLBPriceResult: price (Price of the BM load balancer instance (in 0.01 CNY/day).).

        Raises:
            ValidationError: an argument breaks a rule above; nothing is sent.
            InternalErrorTradeError: 9009 InternalError.TradeError, Error occurred while requesting billing API
            InvalidParameterTrade: 100001 InvalidParameter, Invalid parameter
            OperationDeniedNoPermission: 100004 OperationDenied.NoPermission, The operation is not supported
            TradeErrorQueryPriceError: 500008 TradeError.QueryPriceError, Price query failed
            TradeErrorGoodsConfigInvalid: 700104 TradeError.GoodsConfigInvalid, Failed to obtain goods configuration
            TradeErrorGoodsCodeInvalid: 700108 TradeError.GoodsCodeInvalid, Invalid goods ID
            TradeErrorCheckGoodsError: 700102 TradeError.CheckGoodsError, Service parameter verification failed
            ApiError: any other error the API answers with (the common codes).
            TransportError, ResponseError: the request or its response was lost or garbled.
        """
        result: InquiryBmLBPriceResult = self._invoke(
            _operations.INQUIRY_BM_LB_PRICE,
            {"load_balancer_type": load_balancer_type},
            timeout=timeout,
            retries=retries,
        )
        return result

    def modify_bm_forward_listener(
        self,
        *,
        load_balancer_id: str,
        listener_id: str,
        listener_name: str | None = None,
        ssl_mode: Literal[0, 1, 2] | None = None,
        cert_id: str | None = None,
        cert_name: str | None = None,
        cert_content: str | None = None,
        cert_key: str | None = None,
        cert_ca_id: str | None = None,
        cert_ca_name: str | None = None,
        cert_ca_content: str | None = None,
        bandwidth: int | None = None,
        wait: bool | float = False,
        timeout: float | Timeout | None = None,
        retries: int | Retry | None = None,
    ) -> ModifyBmForwardListenerResult:
        """Modify BM load balancer layer-7 listeners.

        修改黑石负载均衡七层监听器。

        Args:
            load_balancer_id (loadBalancerId, 1–64 chars): ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.
            listener_id (listenerId, 1–64 chars): ID of the layer-7 listener, which can be queried via API DescribeBmForwardListeners.
            listener_name (listenerName, optional): New name of the load balancer layer-7 listener.
            ssl_mode (sslMode, 0 | 1 | 2, optional): Authentication method of load balancer layer-7 listener. 0: no authentication, used for HTTP; 1: one-way authentication, used for HTTPS; 2: two-way authentication, used for HTTPS.
            cert_id (certId, 1–64 chars, optional): New server certificate ID of the load balancer layer-7 listener.
            cert_name (certName, optional): New server certificate name of the load balancer layer-7 listener.
            cert_content (certContent, optional): New server certificate content of the load balancer layer-7 listener.
            cert_key (certKey, optional): New server certificate key of the load balancer layer-7 listener.
            cert_ca_id (certCaId, 1–64 chars, optional): New client certificate ID of the load balancer layer-7 listener.
            cert_ca_name (certCaName, optional): New client certificate name of the load balancer layer-7 listener.
            cert_ca_content (certCaContent, optional): New client certificate content of the load balancer layer-7 listener.
            bandwidth (bandwidth, 0–1000, optional): New maximum bandwidth of the listener. Available value range: 0-1000 (in Mbps).
            wait: True (or seconds) to return only once the task succeeded; raises TaskFailedError or TaskTimeoutError otherwise.
            timeout, retries: override the client's for this call.

        Returns:
            ModifyBmForwardListenerResult: request_id (Task ID. This API is an asynchronous task. You can query task operation result by calling API DescribeBmLoadBalancersTaskResult based on this parameter).
            The change runs as a task: wait for it with wait_for_task(result.request_id).

        Raises:
            ValidationError: an argument breaks a rule above; nothing is sent.
            InvalidParameterModule: 9003 InvalidParameter, Invalid parameter.
            InternalErrorCCDBAbnormal: 9006 InternalError.CCDBAbnormal, CCDB service error.
            InvalidParameterCCDBLBNotExist: 11041 InvalidParameter.CCDBLBNotExist, Record of this BM load balancer does not exist in CCDB.
            IncorrectStatusLBWrongStatus: 12003 IncorrectStatus.LBWrongStatus, The operation is impossible due to incorrect status of BM load balancer.
            InvalidL7ListenerNotExist: -12000 InvalidL7Listener.NotExist, The layer-7 listener does not exist in CCDB
            IncorrectStatusListenerWrongStatus: -12010 IncorrectStatus.ListenerWrongStatus, Incorrect load balancer listener status
            InvalidParameterInvalidCertContent: -20002 InvalidParameter.InvalidCertContent, Invalid certificate content
            InvalidResourceCertPlatformErr: -20000 InvalidResource.CertPlatformErr, An error occurred while accessing the certificate platform
            InvalidParameterCertNotInValidTime: -12020 InvalidParameter.certNotInValidTime, Certificate is not within the valid time period
            ApiError: any other error the API answers with (the common codes).
            TransportError, ResponseError: the request or its response was lost or garbled (not retried once it may have reached the server: the action is not idempotent).
        """
        result: ModifyBmForwardListenerResult = self._invoke(
            _operations.MODIFY_BM_FORWARD_LISTENER,
            {
                "load_balancer_id": load_balancer_id,
                "listener_id": listener_id,
                "listener_name": listener_name,
                "ssl_mode": ssl_mode,
                "cert_id": cert_id,
                "cert_name": cert_name,
                "cert_content": cert_content,
                "cert_key": cert_key,
                "cert_ca_id": cert_ca_id,
                "cert_ca_name": cert_ca_name,
                "cert_ca_content": cert_ca_content,
                "bandwidth": bandwidth,
            },
            timeout=timeout,
            retries=retries,
            wait=wait,
        )
        return result

    def modify_bm_forward_location(
        self,
        *,
        load_balancer_id: str,
        listener_id: str,
        rules: Sequence[ModifyBmForwardLocationRule],
        wait: bool | float = False,
        timeout: float | Timeout | None = None,
        retries: int | Retry | None = None,
    ) -> ModifyBmForwardLocationResult:
        """Modify BM load balancer layer-7 forwarding paths.

        修改黑石负载均衡七层转发路径。

        Args:
            load_balancer_id (loadBalancerId, 1–64 chars): ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.
            listener_id (listenerId, 1–64 chars): ID of the layer-7 listener, which can be queried via API DescribeBmForwardListeners.
            rules (rules, ≥ 1 items): Array containing the layer-7 forwarding rule information to be updated.
                ModifyBmForwardLocationRule.domain_id (domainId, 1–64 chars): ID of the load balancer's layer-7 forwarding domain name, which can be queried via API DescribeBmForwardRules.
                ModifyBmForwardLocationRule.location_id (locationId, 1–64 chars): ID of the load balancer's layer-7 forwarding path, which can be queried via API DescribeBmForwardRules.
                ModifyBmForwardLocationRule.url (url, optional): New forwarding path.
                ModifyBmForwardLocationRule.session_expire (sessionExpire, 0–3600, optional): New session persistence duration (in seconds). Available value range: 30-3600. Default value is 0 (disable session persistence).
                ModifyBmForwardLocationRule.health_switch (healthSwitch, 1 | 0, optional): Health check switch: 1 (On) and 0 (Off). Default value is 0 (off).
                ModifyBmForwardLocationRule.interval_time (intervalTime, 5–300, optional): New time interval between health checks. Default value: 30; value range: 30-300 (in seconds).
                ModifyBmForwardLocationRule.health_num (healthNum, 2–10, optional): New healthy threshold for health checks. Default value is 3, which means the forwarding is considered normal if it is detected to be healthy for three times consecutively. Value range: 2-10; unit: count.
                ModifyBmForwardLocationRule.unhealth_num (unhealthNum, 2–10, optional): New unhealthy threshold for health checks. Default value is 5, which means the forwarding is considered abnormal if it is detected to be unhealthy for five times consecutively. Value range: 2-10; unit: count.
                ModifyBmForwardLocationRule.http_code (httpCode, 0–31, optional): New healthy HTTP code combination. This determines which combination of HTTP return codes are considered as healthy in health checks. Value range: 0-31. For example, the value 7 means the health check result is considered healthy if HTTP return code is 1xx, 2xx or 3xx.
                ModifyBmForwardLocationRule.http_check_path (httpCheckPath, optional): New path to be checked in health check.
                ModifyBmForwardLocationRule.http_check_domain (httpCheckDomain, optional): New domain to be checked in health check.
                ModifyBmForwardLocationRule.balance_mode (balanceMode, ip_hash | wrr, optional): New balance mode: ip_hash, wrr. Default is wrr.
            wait: True (or seconds) to return only once the task succeeded; raises TaskFailedError or TaskTimeoutError otherwise.
            timeout, retries: override the client's for this call.

        Returns:
            ModifyBmForwardLocationResult: request_id (Task ID. This API is an asynchronous task. You can query task operation result by calling API DescribeBmLoadBalancersTaskResult based on this parameter).
            The change runs as a task: wait for it with wait_for_task(result.request_id).

        Raises:
            ValidationError: an argument breaks a rule above; nothing is sent.
            InvalidParameterModule: 9003 InvalidParameter, Invalid parameter.
            InternalErrorCCDBAbnormal: 9006 InternalError.CCDBAbnormal, CCDB service error.
            InvalidParameterCCDBLBNotExist: 11041 InvalidParameter.CCDBLBNotExist, Record of this BM load balancer does not exist in CCDB.
            IncorrectStatusLBWrongStatus: 12003 IncorrectStatus.LBWrongStatus, The operation is impossible due to incorrect status of BM load balancer.
            InvalidL7ListenerNotExist: -12000 InvalidL7Listener.NotExist, The layer-7 listener does not exist in CCDB
            IncorrectStatusListenerWrongStatus: -12010 IncorrectStatus.ListenerWrongStatus, Incorrect load balancer listener status
            InvalidForwardRuleNotExist: -12003 InvalidForwardRule.NotExist, The forwarding rule does not exist in CCDB
            IncorrectStatusForwardRuleWrongStatus: -12011 IncorrectStatus.ForwardRuleWrongStatus, Incorrect load balancer forwarding rule status
            InvalidParameterForwardLocationIsDuplicate: -12015 InvalidParameter.ForwardLocationIsDuplicate, The forwarding path already exists for this load balancer
            InvalidParameterForwardLocationNotComplianceWithRule: -12017 InvalidParameter.ForwardLocationNotComplianceWithRule, Incorrect forwarding path format
            ApiError: any other error the API answers with (the common codes).
            TransportError, ResponseError: the request or its response was lost or garbled.
        """
        result: ModifyBmForwardLocationResult = self._invoke(
            _operations.MODIFY_BM_FORWARD_LOCATION,
            {"load_balancer_id": load_balancer_id, "listener_id": listener_id, "rules": rules},
            timeout=timeout,
            retries=retries,
            wait=wait,
        )
        return result

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
        result: ModifyBmL4ListenerBackendPortResult = self._invoke(
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
        return result

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
        result: ModifyBmL4ListenerBackendProbePortResult = self._invoke(
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
        return result

    def modify_bm_l4_listener_backend_weight(
        self,
        *,
        load_balancer_id: str,
        listener_id: str,
        instance_id: str,
        weight: int,
        port: int,
        timeout: float | Timeout | None = None,
        retries: int | Retry | None = None,
    ) -> ModifyBmL4ListenerBackendWeightResult:
        """Modify the backend instance weight of BM load balancer layer-4 listeners.

        修改黑石负载均衡四层监听器后端实例权重。

        Args:
            load_balancer_id (loadBalancerId, 1–64 chars): ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.
            listener_id (listenerId, 1–64 chars): ID of the BM load balancer layer-4 listener, which can be queried via API DescribeBmListeners.
            instance_id (instanceId, 1–64 chars): ID of the CPM.
            weight (weight, 0–100): Weight. Available value range: 0-100.
            port (port, 1–65535): Bound CPM port.
            timeout, retries: override the client's for this call.

        Returns:
            ModifyBmL4ListenerBackendWeightResult: .

        Raises:
            ValidationError: an argument breaks a rule above; nothing is sent.
            InvalidParameterModule: 9003 InvalidParameter, Invalid parameter.
            InternalErrorCCDBAbnormal: 9006 InternalError.CCDBAbnormal, CCDB service error.
            InvalidParameterCCDBLBNotExist: 11041 InvalidParameter.CCDBLBNotExist, Record of this BM load balancer does not exist in CCDB.
            IncorrectStatusLBWrongStatus: 12003 IncorrectStatus.LBWrongStatus, The operation is impossible due to incorrect status of BM load balancer.
            InternalErrorTGWAbnormal: 11060 InternalError.TGWAbnormal, TGW service error.
            InternalErrorBmApiAbnormal: 14100 InternalError.BmApiAbnormal, bmApi service error.
            InvalidRsNotExist: 30011 InvalidRs.NotExist, CPM information does not exist.
            ApiError: any other error the API answers with (the common codes).
            TransportError, ResponseError: the request or its response was lost or garbled.
        """
        result: ModifyBmL4ListenerBackendWeightResult = self._invoke(
            _operations.MODIFY_BM_L4_LISTENER_BACKEND_WEIGHT,
            {
                "load_balancer_id": load_balancer_id,
                "listener_id": listener_id,
                "instance_id": instance_id,
                "weight": weight,
                "port": port,
            },
            timeout=timeout,
            retries=retries,
        )
        return result

    def modify_bm_listener(
        self,
        *,
        load_balancer_id: str,
        listener_id: str,
        listener_name: str | None = None,
        session_expire: int | None = None,
        health_switch: Literal[1, 0] | None = None,
        time_out: int | None = None,
        interval_time: int | None = None,
        health_num: int | None = None,
        unhealth_num: int | None = None,
        bandwidth: int | None = None,
        custom_health_switch: Literal[1, 0] | None = None,
        input_type: Literal["text", "hexadecimal"] | None = None,
        line_separator_type: Literal[1, 2, 3] | None = None,
        health_request: str | None = None,
        health_response: str | None = None,
        toa_flag: Literal[0, 1] | None = None,
        wait: bool | float = False,
        timeout: float | Timeout | None = None,
        retries: int | Retry | None = None,
    ) -> ModifyBmListenerResult:
        """Modify BM load balancer layer-4 listeners.

        修改黑石负载均衡四层监听器。

        Args:
            load_balancer_id (loadBalancerId, 1–64 chars): ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.
            listener_id (listenerId, 1–64 chars): Layer-4 listener ID, which can be queried via API DescribeBmListeners.
            listener_name (listenerName, optional): Name of new BM load balancer layer-4 listener.
            session_expire (sessionExpire, 900–3600, optional): Session persistence duration of new BM load balancer listener (in sec). Value range: 900-3600.
            health_switch (healthSwitch, 1 | 0, optional): Indicate whether health check is enabled for new BM load balancer instance listener. 1: On; 0: Off. Default value is 0 (off).
            time_out (timeOut, 2–60, optional): Health check response timeout for new BM load balancer listener (in sec). Value range: 2-60. Default is 2. The response timeout must be smaller than health check time interval.
            interval_time (intervalTime, 5–300, optional): Health check time interval of new BM load balancer listener (in sec). Default: 5; value range: 5-300.
            health_num (healthNum, 2–10, optional): Health threshold of new BM load balancer listener. Default value is 3, which means the forwarding is considered normal if it is detected to be healthy for three times consecutively. Value range: 2-10; unit: count.
            unhealth_num (unhealthNum, 2–10, optional): Health threshold of new BM load balancer listener. Default value is 3, which means the forwarding is considered abnormal if it is detected to be unhealthy for three times consecutively. Value range: 2-10; unit: count.
            bandwidth (bandwidth, 0–1000, optional): Used to specify the maximum bandwidth of new listener with the billing mode is pay-by-fixed bandwidth. Value range: 0-1000 (in Mbps).
            custom_health_switch (customHealthSwitch, 1 | 0, optional): Whether the custom health check is on: 1 (on), 0 (off). Default: 0 (off). It takes effect only while the health check is on.
            input_type (inputType, text | hexadecimal, optional): Content type of the custom health check probe: text, or hexadecimal.
            line_separator_type (lineSeparatorType, 1 | 2 | 3, optional): For a text probe, how the line breaks of the request text are sent: 1 (as LF), 2 (as CR), 3 (as LF+CR).
            health_request (healthRequest, optional): Request content of the custom health check probe.
            health_response (healthResponse, optional): Response content the custom health check probe expects.
            toa_flag (toaFlag, 0 | 1, optional): Whether TOA is on: 0 (off), 1 (on); off by default. It takes effect only on a load balancer of the fullnat type.
            wait: True (or seconds) to return only once the task succeeded; raises TaskFailedError or TaskTimeoutError otherwise.
            timeout, retries: override the client's for this call.

        Returns:
            ModifyBmListenerResult: request_id (Task ID. This API is an asynchronous task. You can query task operation result by calling API DescribeBmLoadBalancersTaskResult based on this parameter).
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
            ApiError: any other error the API answers with (the common codes).
            TransportError, ResponseError: the request or its response was lost or garbled.
        """
        result: ModifyBmListenerResult = self._invoke(
            _operations.MODIFY_BM_LISTENER,
            {
                "load_balancer_id": load_balancer_id,
                "listener_id": listener_id,
                "listener_name": listener_name,
                "session_expire": session_expire,
                "health_switch": health_switch,
                "time_out": time_out,
                "interval_time": interval_time,
                "health_num": health_num,
                "unhealth_num": unhealth_num,
                "bandwidth": bandwidth,
                "custom_health_switch": custom_health_switch,
                "input_type": input_type,
                "line_separator_type": line_separator_type,
                "health_request": health_request,
                "health_response": health_response,
                "toa_flag": toa_flag,
            },
            timeout=timeout,
            retries=retries,
            wait=wait,
        )
        return result

    def modify_bm_load_balancer_attributes(
        self,
        *,
        load_balancer_id: str,
        load_balancer_name: str | None = None,
        domain_prefix: str | None = None,
        wait: bool | float = False,
        timeout: float | Timeout | None = None,
        retries: int | Retry | None = None,
    ) -> ModifyBmLoadBalancerAttributesResult:
        """Modify the basic configuration information of BM load balancer instances based on your input parameters.

        根据您的输入参数来修改黑石负载均衡实例的基本配置信息。

        Args:
            load_balancer_id (loadBalancerId, 1–64 chars): ID of load balancer instance, which can be queried via API DescribeBmLoadBalancers .
            load_balancer_name (loadBalancerName, 1–20 chars, optional): Name of load balancer. The name should be a combination of 1-20 characters comprised of letters, numbers, "-" or "_".
            domain_prefix (domainPrefix, 1–20 chars, optional): Prefix of domain name. The domain name of load balancer consists of domain name prefix entered by user and the domain suffix in the configuration file to ensure its uniqueness. The prefix should be a combination of 1-20 characters comprised of lowercase letters, numbers or "-". This field is not applicable to private network-based load balancers.
            wait: True (or seconds) to return only once the task succeeded; raises TaskFailedError or TaskTimeoutError otherwise.
            timeout, retries: override the client's for this call.

        Returns:
            ModifyBmLoadBalancerAttributesResult: request_id (Request task ID. The API is an asynchronous task. You can query the task execution result based on this parameter by calling API DescribeBmLoadBalancersTaskResult .).
            The change runs as a task: wait for it with wait_for_task(result.request_id).

        Raises:
            ValidationError: an argument breaks a rule above; nothing is sent.
            InvalidParameterModule: 9003 InvalidParameter, Invalid parameter.
            InternalErrorCCDBAbnormal: 9006 InternalError.CCDBAbnormal, CCDB service error.
            ApiError: any other error the API answers with (the common codes).
            TransportError, ResponseError: the request or its response was lost or garbled.
        """
        result: ModifyBmLoadBalancerAttributesResult = self._invoke(
            _operations.MODIFY_BM_LOAD_BALANCER_ATTRIBUTES,
            {
                "load_balancer_id": load_balancer_id,
                "load_balancer_name": load_balancer_name,
                "domain_prefix": domain_prefix,
            },
            timeout=timeout,
            retries=retries,
            wait=wait,
        )
        return result

    def modify_bm_location_backend_port(
        self,
        *,
        load_balancer_id: str,
        listener_id: str,
        domain_id: str,
        location_id: str,
        instance_id: str,
        port: int,
        new_port: int,
        timeout: float | Timeout | None = None,
        retries: int | Retry | None = None,
    ) -> ModifyBmLocationBackendPortResult:
        """Modify the backend instance port of BM load balancer layer-7 forwarding path.

        修改黑石负载均衡七层转发路径后端实例端口。

        Args:
            load_balancer_id (loadBalancerId, 1–64 chars): ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.
            listener_id (listenerId, 1–64 chars): ID of the load balancer's layer-7 listener, which can be queried via API DescribeBmForwardListeners.
            domain_id (domainId, 1–64 chars): ID of the load balancer's layer-7 forwarding domain, which can be queried via API DescribeBmForwardRules.
            location_id (locationId, 1–64 chars): ID of the load balancer's layer-7 forwarding path, which can be queried via API DescribeBmForwardRules.
            instance_id (instanceId, 1–64 chars): ID of the CPM.
            port (port, 1–65535): Bound CPM port.
            new_port (newPort, 1–65535): New CPM port. Value range: 1-65535.
            timeout, retries: override the client's for this call.

        Returns:
            ModifyBmLocationBackendPortResult: .

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
            InvalidRsNotExist: 30011 InvalidRs.NotExist, CPM information does not exist.
            ApiError: any other error the API answers with (the common codes).
            TransportError, ResponseError: the request or its response was lost or garbled (not retried once it may have reached the server: the action is not idempotent).
        """
        result: ModifyBmLocationBackendPortResult = self._invoke(
            _operations.MODIFY_BM_LOCATION_BACKEND_PORT,
            {
                "load_balancer_id": load_balancer_id,
                "listener_id": listener_id,
                "domain_id": domain_id,
                "location_id": location_id,
                "instance_id": instance_id,
                "port": port,
                "new_port": new_port,
            },
            timeout=timeout,
            retries=retries,
        )
        return result

    def modify_bm_location_backend_weight(
        self,
        *,
        load_balancer_id: str,
        listener_id: str,
        domain_id: str,
        location_id: str,
        instance_id: str,
        weight: int,
        port: int,
        timeout: float | Timeout | None = None,
        retries: int | Retry | None = None,
    ) -> ModifyBmLocationBackendWeightResult:
        """Modify the backend instance weight of BM load balancer layer-7 forwarding path.

        修改黑石负载均衡七层转发路径后端实例权重。

        Args:
            load_balancer_id (loadBalancerId, 1–64 chars): ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.
            listener_id (listenerId, 1–64 chars): ID of the load balancer's layer-7 listener, which can be queried via API DescribeBmForwardListeners.
            domain_id (domainId, 1–64 chars): ID of the load balancer's layer-7 forwarding domain, which can be queried via API DescribeBmForwardRules.
            location_id (locationId, 1–64 chars): ID of the load balancer's layer-7 forwarding path, which can be queried via API DescribeBmForwardRules.
            instance_id (instanceId, 1–64 chars): ID of the CPM.
            weight (weight, 0–100): Weight. Available value range: 0-100.
            port (port, 1–65535): Bound CPM port.
            timeout, retries: override the client's for this call.

        Returns:
            ModifyBmLocationBackendWeightResult: .

        Raises:
            ValidationError: an argument breaks a rule above; nothing is sent.
            InvalidParameterModule: 9003 InvalidParameter, Invalid parameter.
            InternalErrorCCDBAbnormal: 9006 InternalError.CCDBAbnormal, CCDB service error.
            InvalidParameterCCDBLBNotExist: 11041 InvalidParameter.CCDBLBNotExist, Record of this BM load balancer does not exist in CCDB.
            IncorrectStatusLBWrongStatus: 12003 IncorrectStatus.LBWrongStatus, The operation is impossible due to incorrect status of BM load balancer.
            InternalErrorTGWAbnormal: 11060 InternalError.TGWAbnormal, TGW service error.
            InternalErrorBmApiAbnormal: 14100 InternalError.BmApiAbnormal, bmApi service error.
            InvalidRsNotExist: 30011 InvalidRs.NotExist, CPM information does not exist.
            ApiError: any other error the API answers with (the common codes).
            TransportError, ResponseError: the request or its response was lost or garbled.
        """
        result: ModifyBmLocationBackendWeightResult = self._invoke(
            _operations.MODIFY_BM_LOCATION_BACKEND_WEIGHT,
            {
                "load_balancer_id": load_balancer_id,
                "listener_id": listener_id,
                "domain_id": domain_id,
                "location_id": location_id,
                "instance_id": instance_id,
                "weight": weight,
                "port": port,
            },
            timeout=timeout,
            retries=retries,
        )
        return result

    def replace_bm_cert(
        self,
        *,
        old_cert_id: str,
        new_cert: str,
        new_alias: str | None = None,
        new_key: str | None = None,
        delete_old: int | None = None,
        timeout: float | Timeout | None = None,
        retries: int | Retry | None = None,
    ) -> ReplaceBmCertResult:
        """Update certificate for BM load balancer.

        更新黑石负载均衡证书。

        Args:
            old_cert_id (oldCertId, 1–64 chars): ID of old certificate.
            new_cert (newCert): Certificate content.
            new_alias (newAlias, optional): Certificate name.
            new_key (newKey, optional): Private key content. This parameter is not required if certificate type is SVR.
            delete_old (deleteOld, optional): Whether to delete old certificate.
            timeout, retries: override the client's for this call.

        Returns:
            ReplaceBmCertResult: data (Returned object.).

        Raises:
            ValidationError: an argument breaks a rule above; nothing is sent.
            InvalidParameterModule: 9003 InvalidParameter, Invalid parameter.
            InternalErrorCCDBAbnormal: 9006 InternalError.CCDBAbnormal, CCDB service error.
            InvalidParameterInvalidCertContent: -20002 InvalidParameter.InvalidCertContent, Invalid certificate content
            InvalidResourceCertPlatformErr: -20000 InvalidResource.CertPlatformErr, An error occurred while accessing the certificate platform
            InternalErrorUploadToTgwErr: -20005 InternalError.UploadToTgwErr, Failed to upload certificate
            ApiError: any other error the API answers with (the common codes).
            TransportError, ResponseError: the request or its response was lost or garbled (not retried once it may have reached the server: the action is not idempotent).
        """
        result: ReplaceBmCertResult = self._invoke(
            _operations.REPLACE_BM_CERT,
            {
                "old_cert_id": old_cert_id,
                "new_cert": new_cert,
                "new_alias": new_alias,
                "new_key": new_key,
                "delete_old": delete_old,
            },
            timeout=timeout,
            retries=retries,
        )
        return result

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
        result: UnbindBmL4ListenerRsResult = self._invoke(
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
        return result

    def unbind_bm_l4_listener_vm_ip(
        self,
        *,
        load_balancer_id: str,
        listener_id: str,
        vm_list: Sequence[VmBackend],
        wait: bool | float = False,
        timeout: float | Timeout | None = None,
        retries: int | Retry | None = None,
    ) -> UnbindBmL4ListenerVmIpResult:
        """Unbind VM IP from BM load balancer layer-4 listeners.

        解绑黑石负载均衡四层监听器虚机IP。

        Args:
            load_balancer_id (loadBalancerId, 1–64 chars): ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.
            listener_id (listenerId, 1–64 chars): ID of the BM load balancer layer-4 listener, which can be queried via API DescribeBmListeners.
            vm_list (vmList, ≥ 1 items): Information of the VM to be unbound.
                VmBackend.vm_ip (vmIp, 1–64 chars): VM IP to be unbound.
                VmBackend.port (port, 1–65535): VM port to be unbound. Available value range: 1-65535.
                Each combination of vm_ip, port may appear once.
            wait: True (or seconds) to return only once the task succeeded; raises TaskFailedError or TaskTimeoutError otherwise.
            timeout, retries: override the client's for this call.

        Returns:
            UnbindBmL4ListenerVmIpResult: request_id (Task ID. This API is an asynchronous task; poll its result with DescribeBmLoadBalancersTaskResult using this ID.).
            The change runs as a task: wait for it with wait_for_task(result.request_id).

        Raises:
            ValidationError: an argument breaks a rule above; nothing is sent.
            InvalidParameterModule: 9003 InvalidParameter, Invalid parameter.
            InternalErrorCCDBAbnormal: 9006 InternalError.CCDBAbnormal, CCDB service error.
            InvalidParameterCCDBLBNotExist: 11041 InvalidParameter.CCDBLBNotExist, Record of this BM load balancer does not exist in CCDB.
            IncorrectStatusLBWrongStatus: 12003 IncorrectStatus.LBWrongStatus, The operation is impossible due to incorrect status of BM load balancer.
            InvalidStatusLBInvalidStatus: -21001 InvalidStatus.LBInvalidStatus, The operation is not allowed due to the current status of BM load balancer.
            InvalidL4ListenerNotExist: -12023 InvalidL4Listener.NotExist, The layer-4 listener does not exist in CCDB.
            InternalErrorTGWAbnormal: 11060 InternalError.TGWAbnormal, TGW service error.
            ApiError: any other error the API answers with (the common codes).
            TransportError, ResponseError: the request or its response was lost or garbled (not retried once it may have reached the server: the action is not idempotent).
        """
        result: UnbindBmL4ListenerVmIpResult = self._invoke(
            _operations.UNBIND_BM_L4_LISTENER_VM_IP,
            {"load_balancer_id": load_balancer_id, "listener_id": listener_id, "vm_list": vm_list},
            timeout=timeout,
            retries=retries,
            wait=wait,
        )
        return result

    def unbind_bm_l7_location_vm_ip(
        self,
        *,
        load_balancer_id: str,
        listener_id: str,
        domain_id: str,
        location_id: str,
        vm_list: Sequence[VmBackend],
        timeout: float | Timeout | None = None,
        retries: int | Retry | None = None,
    ) -> UnbindBmL7LocationVmIpResult:
        """Unbind VM IP from BM load balancer layer-7 forwarding path.

        解绑黑石负载均衡七层转发路径虚机IP。

        Args:
            load_balancer_id (loadBalancerId, 1–64 chars): ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.
            listener_id (listenerId, 1–64 chars): ID of the load balancer's layer-7 listener, which can be queried via API DescribeBmForwardListeners.
            domain_id (domainId, 1–64 chars): ID of the load balancer's layer-7 forwarding domain, which can be queried via API DescribeBmForwardRules.
            location_id (locationId, 1–64 chars): ID of the load balancer's layer-7 forwarding path, which can be queried via API DescribeBmForwardRules.
            vm_list (vmList, ≥ 1 items): Information of the CPM to be unbound.
                VmBackend.vm_ip (vmIp, 1–64 chars): VM IP to be unbound.
                VmBackend.port (port, 1–65535): VM port to be unbound. Available value range: 1-65535.
                Each combination of vm_ip, port may appear once.
            timeout, retries: override the client's for this call.

        Returns:
            UnbindBmL7LocationVmIpResult: .

        Raises:
            ValidationError: an argument breaks a rule above; nothing is sent.
            InvalidParameterModule: 9003 InvalidParameter, Invalid parameter.
            InternalErrorCCDBAbnormal: 9006 InternalError.CCDBAbnormal, CCDB service error.
            InvalidParameterCCDBLBNotExist: 11041 InvalidParameter.CCDBLBNotExist, Record of this BM load balancer does not exist in CCDB.
            IncorrectStatusLBWrongStatus: 12003 IncorrectStatus.LBWrongStatus, The operation is impossible due to incorrect status of BM load balancer.
            InvalidStatusLBInvalidStatus: -21001 InvalidStatus.LBInvalidStatus, The operation is not allowed due to the current status of BM load balancer.
            InternalErrorTGWAbnormal: 11060 InternalError.TGWAbnormal, TGW service error.
            ApiError: any other error the API answers with (the common codes).
            TransportError, ResponseError: the request or its response was lost or garbled (not retried once it may have reached the server: the action is not idempotent).
        """
        result: UnbindBmL7LocationVmIpResult = self._invoke(
            _operations.UNBIND_BM_L7_LOCATION_VM_IP,
            {
                "load_balancer_id": load_balancer_id,
                "listener_id": listener_id,
                "domain_id": domain_id,
                "location_id": location_id,
                "vm_list": vm_list,
            },
            timeout=timeout,
            retries=retries,
        )
        return result

    def unbind_bm_location_instances(
        self,
        *,
        load_balancer_id: str,
        listener_id: str,
        domain_id: str,
        location_id: str,
        backends: Sequence[Backend],
        timeout: float | Timeout | None = None,
        retries: int | Retry | None = None,
    ) -> UnbindBmLocationInstancesResult:
        """Unbind CPM from layer-7 forwarding path.

        解绑黑石物理服务器到七层转发路径。

        Args:
            load_balancer_id (loadBalancerId, 1–64 chars): ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.
            listener_id (listenerId, 1–64 chars): ID of the load balancer's layer-7 listener, which can be queried via API DescribeBmForwardListeners.
            domain_id (domainId, 1–64 chars): ID of the load balancer's layer-7 forwarding domain, which can be queried via API DescribeBmForwardRules.
            location_id (locationId, 1–64 chars): ID of the load balancer's layer-7 forwarding path, which can be queried via API DescribeBmForwardRules.
            backends (backends, ≥ 1 items): Information of the CPM to be unbound.
                Backend.instance_id (instanceId, 1–64 chars): ID of the CPM instance to be unbound.
                Backend.port (port, 1–65535): CPM port to be unbound. Available value range: 1-65535.
                Each combination of instance_id, port may appear once.
            timeout, retries: override the client's for this call.

        Returns:
            UnbindBmLocationInstancesResult: .

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
            InvalidRsNotExist: 30011 InvalidRs.NotExist, CPM information does not exist.
            ApiError: any other error the API answers with (the common codes).
            TransportError, ResponseError: the request or its response was lost or garbled (not retried once it may have reached the server: the action is not idempotent).
        """
        result: UnbindBmLocationInstancesResult = self._invoke(
            _operations.UNBIND_BM_LOCATION_INSTANCES,
            {
                "load_balancer_id": load_balancer_id,
                "listener_id": listener_id,
                "domain_id": domain_id,
                "location_id": location_id,
                "backends": backends,
            },
            timeout=timeout,
            retries=retries,
        )
        return result

    def upload_bm_cert(
        self,
        *,
        cert_type: Literal["CA", "SVR"],
        cert: str,
        alias: str | None = None,
        key: str | None = None,
        timeout: float | Timeout | None = None,
        retries: int | Retry | None = None,
    ) -> UploadBmCertResult:
        """Create certificate for BM load balancer.

        创建黑石负载均衡证书。

        Args:
            cert_type (certType, CA | SVR): Certificate type. Value can be CA and SVR.
            cert (cert): Certificate content.
            alias (alias, optional): Certificate alias.
            key (key, optional): Private key content. This parameter is not required if certificate type is SVR.
            timeout, retries: override the client's for this call.

        Returns:
            UploadBmCertResult: data (Returned object.).

        Raises:
            ValidationError: an argument breaks a rule above; nothing is sent.
            InvalidParameterModule: 9003 InvalidParameter, Invalid parameter.
            InternalErrorCCDBAbnormal: 9006 InternalError.CCDBAbnormal, CCDB service error.
            InvalidParameterInvalidCertType: -20001 InvalidParameter.InvalidCertType, Invalid parameter for certificate type
            InvalidParameterInvalidCertContent: -20002 InvalidParameter.InvalidCertContent, Invalid certificate content
            InvalidResourceCertPlatformErr: -20000 InvalidResource.CertPlatformErr, An error occurred while accessing the certificate platform
            InvalidParameterCertNotInValidTime: -12020 InvalidParameter.certNotInValidTime, Certificate is not within the valid time period
            ApiError: any other error the API answers with (the common codes).
            TransportError, ResponseError: the request or its response was lost or garbled (not retried once it may have reached the server: the action is not idempotent).
        """
        result: UploadBmCertResult = self._invoke(
            _operations.UPLOAD_BM_CERT,
            {"cert_type": cert_type, "cert": cert, "alias": alias, "key": key},
            timeout=timeout,
            retries=retries,
        )
        return result

    def wait_for_task(
        self, request_id: int, *, timeout: float = 600.0, interval: float = 1.0
    ) -> DescribeBmLoadBalancersTaskResult:
        """Poll DescribeBmLoadBalancersTaskResult until the task succeeds (returns its last result),
        fails (TaskFailedError, with the request id) or `timeout` seconds pass (TaskTimeoutError,
        with the request id and the last status). Polls start `interval` seconds apart and back off
        up to 10 s. `timeout` and `interval` are seconds > 0.
        """
        result: DescribeBmLoadBalancersTaskResult = self._wait_for_task(
            request_id, timeout=timeout, interval=interval
        )
        return result
