"""Request items, response objects, results and named values of the BM Load Balancer API. Generated from spec/ by `python -m generator`; do not edit."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from ._models import Model, NamedInt

__all__ = [
    "Backend",
    "BindBmL4ListenerRsBackend",
    "BindBmL4ListenerRsResult",
    "BindBmL4ListenerVmIpResult",
    "BindBmL4ListenerVmIpVm",
    "BindBmL7LocationVmIpResult",
    "BindBmL7LocationVmIpVm",
    "BindBmLocationInstancesBackend",
    "BindBmLocationInstancesResult",
    "BindInfoBackend",
    "CertDetail",
    "CreateBmForwardListenersListener",
    "CreateBmForwardListenersResult",
    "CreateBmForwardRulesResult",
    "CreateBmForwardRulesRule",
    "CreateBmListenersListener",
    "CreateBmListenersResult",
    "CreateBmLoadBalancerResult",
    "DeleteBmForwardDomainsResult",
    "DeleteBmForwardRulesResult",
    "DeleteBmListenersResult",
    "DeleteBmLoadBalancersResult",
    "DescribeBmBindInfoL4Listener",
    "DescribeBmBindInfoL7Listener",
    "DescribeBmBindInfoLoadBalancer",
    "DescribeBmBindInfoLocation",
    "DescribeBmBindInfoResult",
    "DescribeBmBindInfoRule",
    "DescribeBmForwardListenerInfoBackend",
    "DescribeBmForwardListenerInfoListener",
    "DescribeBmForwardListenerInfoLocation",
    "DescribeBmForwardListenerInfoResult",
    "DescribeBmForwardListenerInfoRule",
    "DescribeBmForwardListenersListener",
    "DescribeBmForwardListenersResult",
    "DescribeBmForwardRulesLocation",
    "DescribeBmForwardRulesResult",
    "DescribeBmForwardRulesRule",
    "DescribeBmL4ListenerBackendsBackend",
    "DescribeBmL4ListenerBackendsResult",
    "DescribeBmListenerInfoListener",
    "DescribeBmListenerInfoResult",
    "DescribeBmListenersListener",
    "DescribeBmListenersResult",
    "DescribeBmLoadBalancersLoadBalancer",
    "DescribeBmLoadBalancersResult",
    "DescribeBmLoadBalancersTaskResult",
    "DescribeBmLocationBackendsResult",
    "DescribeBmVportInfoListener",
    "DescribeBmVportInfoResult",
    "GetBmCertDetailLoadBalancer",
    "GetBmCertDetailResult",
    "InquiryBmLBPriceResult",
    "L4ListenerBackend",
    "LocationBackend",
    "ModifyBmForwardListenerResult",
    "ModifyBmForwardLocationResult",
    "ModifyBmForwardLocationRule",
    "ModifyBmL4ListenerBackendPortResult",
    "ModifyBmL4ListenerBackendProbePortResult",
    "ModifyBmL4ListenerBackendWeightResult",
    "ModifyBmListenerResult",
    "ModifyBmLoadBalancerAttributesResult",
    "ModifyBmLocationBackendPortResult",
    "ModifyBmLocationBackendWeightResult",
    "ReplaceBmCertData",
    "ReplaceBmCertResult",
    "TaskStatus",
    "UnbindBmL4ListenerRsResult",
    "UnbindBmL4ListenerVmIpResult",
    "UnbindBmL7LocationVmIpResult",
    "UnbindBmLocationInstancesResult",
    "UploadBmCertData",
    "UploadBmCertResult",
    "VmBackend",
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
    """ID of the CPM instance to be unbound. Range: 1–64 chars."""

    port: int
    """CPM port to be unbound. Available value range: 1-65535. Range: 1–65535."""

    def __init__(
        self,
        *,
        instance_id: str,
        port: int,
    ) -> None:
        self.instance_id = instance_id
        self.port = port


class BindBmL4ListenerRsBackend(Model):
    """One backend of a request; sent flattened with 0-based indexes."""

    __slots__ = ("instance_id", "port", "probe_port", "weight")
    _fields = ("port", "probe_port", "instance_id", "weight")

    port: int
    """CPM port to be bound. Available value range: 1-65535. Range: 1–65535."""

    probe_port: int | None
    """Host port the custom health check probes. Available value range: 1-65535 (the listener must have the custom health check on). Range: 1–65535."""

    instance_id: str
    """ID of the CPM instance to be bound. Range: 1–64 chars."""

    weight: int
    """Weight. Available value range: 0-100. Range: 0–100."""

    def __init__(
        self,
        *,
        port: int,
        probe_port: int | None = None,
        instance_id: str,
        weight: int,
    ) -> None:
        self.port = port
        self.probe_port = probe_port
        self.instance_id = instance_id
        self.weight = weight


class BindBmL4ListenerVmIpVm(Model):
    """One vm of a request; sent flattened with 0-based indexes."""

    __slots__ = ("port", "probe_port", "vm_ip", "weight")
    _fields = ("port", "probe_port", "vm_ip", "weight")

    port: int
    """VM port to be bound. Available value range: 1-65535. Range: 1–65535."""

    probe_port: int | None
    """VM port the custom health check probes. Available value range: 1-65535 (the listener must have the custom health check on). Range: 1–65535."""

    vm_ip: str
    """VM IP to be bound. Range: 1–64 chars."""

    weight: int
    """Weight. Available value range: 0-100. Range: 0–100."""

    def __init__(
        self,
        *,
        port: int,
        probe_port: int | None = None,
        vm_ip: str,
        weight: int,
    ) -> None:
        self.port = port
        self.probe_port = probe_port
        self.vm_ip = vm_ip
        self.weight = weight


class BindBmL7LocationVmIpVm(Model):
    """One vm of a request; sent flattened with 0-based indexes."""

    __slots__ = ("port", "vm_ip", "weight")
    _fields = ("port", "vm_ip", "weight")

    port: int
    """VM port to be bound. Available value range: 1-65535. Range: 1–65535."""

    vm_ip: str
    """VM IP to be bound. Range: 1–64 chars."""

    weight: int
    """Weight. Available value range: 0-100. Range: 0–100."""

    def __init__(
        self,
        *,
        port: int,
        vm_ip: str,
        weight: int,
    ) -> None:
        self.port = port
        self.vm_ip = vm_ip
        self.weight = weight


class BindBmLocationInstancesBackend(Model):
    """One backend of a request; sent flattened with 0-based indexes."""

    __slots__ = ("instance_id", "port", "weight")
    _fields = ("port", "instance_id", "weight")

    port: int
    """CPM port to be bound. Available value range: 1-65535. Range: 1–65535."""

    instance_id: str
    """ID of the CPM instance to be bound. Range: 1–64 chars."""

    weight: int
    """Weight. Value range: 0-100. Range: 0–100."""

    def __init__(
        self,
        *,
        port: int,
        instance_id: str,
        weight: int,
    ) -> None:
        self.port = port
        self.instance_id = instance_id
        self.weight = weight


class CreateBmForwardListenersListener(Model):
    """One listener of a request; sent flattened with 0-based indexes."""

    __slots__ = (
        "bandwidth",
        "cert_ca_content",
        "cert_ca_id",
        "cert_ca_name",
        "cert_content",
        "cert_id",
        "cert_key",
        "cert_name",
        "listener_name",
        "load_balancer_port",
        "protocol",
        "ssl_mode",
    )
    _fields = (
        "load_balancer_port",
        "protocol",
        "listener_name",
        "ssl_mode",
        "cert_id",
        "cert_name",
        "cert_content",
        "cert_key",
        "cert_ca_id",
        "cert_ca_name",
        "cert_ca_content",
        "bandwidth",
    )

    load_balancer_port: int
    """Listening port of load balancer layer-7 listener. Value range: 1-65535. Range: 1–65535."""

    protocol: Literal["http", "https"]
    """Protocol type of load balancer layer-7 listener. Available values: http, https. Range: http | https."""

    listener_name: str
    """Name of load balancer layer-7 listener."""

    ssl_mode: Literal[0, 1, 2] | None
    """Authentication method of load balancer layer-7 listener. 0: no authentication, used for HTTP; 1: one-way authentication, used for HTTPS; 2: two-way authentication, used for HTTPS. Range: 0 | 1 | 2."""

    cert_id: str | None
    """Server certificate ID of load balancer layer-7 listener. Range: 1–64 chars."""

    cert_name: str | None
    """Server certificate name of load balancer layer-7 listener."""

    cert_content: str | None
    """Server certificate content of load balancer layer-7 listener."""

    cert_key: str | None
    """Server certificate key of load balancer layer-7 listener."""

    cert_ca_id: str | None
    """Client certificate ID of load balancer layer-7 listener. Range: 1–64 chars."""

    cert_ca_name: str | None
    """Client certificate name of load balancer layer-7 listener."""

    cert_ca_content: str | None
    """Client certificate content of load balancer layer-7 listener."""

    bandwidth: int | None
    """Used to specify the maximum bandwidth of the listener when billing mode is "bill by fixed bandwidth". Value range: 0-1000 (in Mbps). Range: 0–1000."""

    def __init__(
        self,
        *,
        load_balancer_port: int,
        protocol: Literal["http", "https"],
        listener_name: str,
        ssl_mode: Literal[0, 1, 2] | None = None,
        cert_id: str | None = None,
        cert_name: str | None = None,
        cert_content: str | None = None,
        cert_key: str | None = None,
        cert_ca_id: str | None = None,
        cert_ca_name: str | None = None,
        cert_ca_content: str | None = None,
        bandwidth: int | None = None,
    ) -> None:
        self.load_balancer_port = load_balancer_port
        self.protocol = protocol
        self.listener_name = listener_name
        self.ssl_mode = ssl_mode
        self.cert_id = cert_id
        self.cert_name = cert_name
        self.cert_content = cert_content
        self.cert_key = cert_key
        self.cert_ca_id = cert_ca_id
        self.cert_ca_name = cert_ca_name
        self.cert_ca_content = cert_ca_content
        self.bandwidth = bandwidth


class CreateBmForwardRulesRule(Model):
    """One rule of a request; sent flattened with 0-based indexes."""

    __slots__ = (
        "balance_mode",
        "domain",
        "health_num",
        "health_switch",
        "http_check_domain",
        "http_check_path",
        "http_code",
        "interval_time",
        "session_expire",
        "unhealth_num",
        "url",
    )
    _fields = (
        "domain",
        "url",
        "session_expire",
        "health_switch",
        "interval_time",
        "health_num",
        "unhealth_num",
        "http_code",
        "http_check_path",
        "http_check_domain",
        "balance_mode",
    )

    domain: str
    """Forwarding domain name of the layer-7 forwarding rules for the load balancer."""

    url: str
    """Forwarding path of the layer-7 forwarding rules for the load balancer."""

    session_expire: int | None
    """Session persistence duration (in seconds). Available value range: 30-3600. Default value is 0 (disable session persistence). Range: 0–3600."""

    health_switch: Literal[1, 0] | None
    """Indicate whether to enable health check: 1 (On) and 0 (Off). Default value is 0 (off). Range: 1 | 0."""

    interval_time: int | None
    """Time interval between health checks. Default value: 30; value range: 30-300 (in seconds). Range: 5–300."""

    health_num: int | None
    """Healthy threshold for health checks. Default value is 3, which means the forwarding is considered normal if it is detected to be healthy for three times consecutively. Value range: 2-10; unit: count. Range: 2–10."""

    unhealth_num: int | None
    """Unhealthy threshold for health checks. Default value is 5, which means the forwarding is considered abnormal if it is detected to be unhealthy for five times consecutively. Value range: 2-10; unit: count. Range: 2–10."""

    http_code: int | None
    """This determines which combination of HTTP return codes are considered as healthy in health checks. Value range: 0-31. For example, the value 7 means the health check result is considered healthy if HTTP return code is 1xx, 2xx or 3xx. Range: 0–31."""

    http_check_path: str | None
    """Path to be checked in the health check."""

    http_check_domain: str | None
    """Domain name to be checked in the health check."""

    balance_mode: Literal["ip_hash", "wrr"] | None
    """Balance mode: ip_hash, wrr. Default is wrr. Range: ip_hash | wrr."""

    def __init__(
        self,
        *,
        domain: str,
        url: str,
        session_expire: int | None = None,
        health_switch: Literal[1, 0] | None = None,
        interval_time: int | None = None,
        health_num: int | None = None,
        unhealth_num: int | None = None,
        http_code: int | None = None,
        http_check_path: str | None = None,
        http_check_domain: str | None = None,
        balance_mode: Literal["ip_hash", "wrr"] | None = None,
    ) -> None:
        self.domain = domain
        self.url = url
        self.session_expire = session_expire
        self.health_switch = health_switch
        self.interval_time = interval_time
        self.health_num = health_num
        self.unhealth_num = unhealth_num
        self.http_code = http_code
        self.http_check_path = http_check_path
        self.http_check_domain = http_check_domain
        self.balance_mode = balance_mode


class CreateBmListenersListener(Model):
    """One listener of a request; sent flattened with 0-based indexes."""

    __slots__ = (
        "bandwidth",
        "custom_health_switch",
        "health_num",
        "health_request",
        "health_response",
        "health_switch",
        "input_type",
        "interval_time",
        "line_separator_type",
        "listener_name",
        "load_balancer_port",
        "protocol",
        "session_expire",
        "time_out",
        "toa_flag",
        "unhealth_num",
    )
    _fields = (
        "load_balancer_port",
        "protocol",
        "listener_name",
        "session_expire",
        "health_switch",
        "time_out",
        "interval_time",
        "health_num",
        "unhealth_num",
        "bandwidth",
        "custom_health_switch",
        "input_type",
        "line_separator_type",
        "health_request",
        "health_response",
        "toa_flag",
    )

    load_balancer_port: int
    """Listening port of BM load balancer listener. Value range: 1-65535. Range: 1–65535."""

    protocol: Literal["tcp", "udp"]
    """Protocol type of BM load balancer instance listener. Value can be TCP or UDP. Range: tcp | udp."""

    listener_name: str
    """Name of BM load balancer listener."""

    session_expire: int | None
    """Session persistence duration of BM load balancer listener (in sec). Value range: 900 ~ 3600. Session persistence is disabled if you don't pass any value. Range: 900–3600."""

    health_switch: Literal[1, 0] | None
    """Indicate whether health check is enabled for BM load balancer instance listener. 1: On; 0: Off. Default value is 0 (off). Range: 1 | 0."""

    time_out: int | None
    """Health check response timeout for the BM load balancer listener (in sec). Value range: 2-60. Default is 2. The response timeout must be smaller than health check time interval. Range: 2–60."""

    interval_time: int | None
    """Health check time interval of BM load balancer listener (in sec). Default: 5; value range: 5-300. Range: 5–300."""

    health_num: int | None
    """Health threshold of BM load balancer listener. Default value is 3, which means the forwarding is considered normal if it is detected to be healthy for three times consecutively. Value range: 2-10; unit: count. Range: 2–10."""

    unhealth_num: int | None
    """Unhealth threshold of BM load balancer listener. Default value is 3, which means the forwarding is considered abnormal if it is detected to be unhealthy for three times consecutively. Value range: 2-10; unit: count. Range: 2–10."""

    bandwidth: int | None
    """Used to specify the maximum bandwidth of the listener with the billing mode is pay-by-fixed bandwidth. Value range: 0-1000 (in Mbps). Range: 0–1000."""

    custom_health_switch: Literal[1, 0] | None
    """Whether the custom health check is on: 1 (on), 0 (off). Default: 0 (off). It takes effect only while the health check is on. Range: 1 | 0."""

    input_type: Literal["text", "hexadecimal"] | None
    """Content type of the custom health check probe: text, or hexadecimal. Range: text | hexadecimal."""

    line_separator_type: Literal[1, 2, 3] | None
    """For a text probe, how the line breaks of the request text are sent: 1 (as LF), 2 (as CR), 3 (as LF+CR). Range: 1 | 2 | 3."""

    health_request: str | None
    """Request content of the custom health check probe."""

    health_response: str | None
    """Response content the custom health check probe expects."""

    toa_flag: Literal[0, 1] | None
    """Whether TOA is on: 0 (off), 1 (on); off by default. It takes effect only on a load balancer of the fullnat type. Range: 0 | 1."""

    def __init__(
        self,
        *,
        load_balancer_port: int,
        protocol: Literal["tcp", "udp"],
        listener_name: str,
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
    ) -> None:
        self.load_balancer_port = load_balancer_port
        self.protocol = protocol
        self.listener_name = listener_name
        self.session_expire = session_expire
        self.health_switch = health_switch
        self.time_out = time_out
        self.interval_time = interval_time
        self.health_num = health_num
        self.unhealth_num = unhealth_num
        self.bandwidth = bandwidth
        self.custom_health_switch = custom_health_switch
        self.input_type = input_type
        self.line_separator_type = line_separator_type
        self.health_request = health_request
        self.health_response = health_response
        self.toa_flag = toa_flag


class DescribeBmL4ListenerBackendsBackend(Model):
    """One backend of a request; sent flattened with 0-based indexes."""

    __slots__ = ("instance_id", "port")
    _fields = ("port", "instance_id")

    port: int
    """CPM port to be queried. Available value range: 1-65535. Range: 1–65535."""

    instance_id: str
    """ID of the CPM instance to be queried. Range: 1–64 chars."""

    def __init__(
        self,
        *,
        port: int,
        instance_id: str,
    ) -> None:
        self.port = port
        self.instance_id = instance_id


class ModifyBmForwardLocationRule(Model):
    """One rule of a request; sent flattened with 0-based indexes."""

    __slots__ = (
        "balance_mode",
        "domain_id",
        "health_num",
        "health_switch",
        "http_check_domain",
        "http_check_path",
        "http_code",
        "interval_time",
        "location_id",
        "session_expire",
        "unhealth_num",
        "url",
    )
    _fields = (
        "domain_id",
        "location_id",
        "url",
        "session_expire",
        "health_switch",
        "interval_time",
        "health_num",
        "unhealth_num",
        "http_code",
        "http_check_path",
        "http_check_domain",
        "balance_mode",
    )

    domain_id: str
    """ID of the load balancer's layer-7 forwarding domain name, which can be queried via API DescribeBmForwardRules. Range: 1–64 chars."""

    location_id: str
    """ID of the load balancer's layer-7 forwarding path, which can be queried via API DescribeBmForwardRules. Range: 1–64 chars."""

    url: str | None
    """New forwarding path."""

    session_expire: int | None
    """New session persistence duration (in seconds). Available value range: 30-3600. Default value is 0 (disable session persistence). Range: 0–3600."""

    health_switch: Literal[1, 0] | None
    """Health check switch: 1 (On) and 0 (Off). Default value is 0 (off). Range: 1 | 0."""

    interval_time: int | None
    """New time interval between health checks. Default value: 30; value range: 30-300 (in seconds). Range: 5–300."""

    health_num: int | None
    """New healthy threshold for health checks. Default value is 3, which means the forwarding is considered normal if it is detected to be healthy for three times consecutively. Value range: 2-10; unit: count. Range: 2–10."""

    unhealth_num: int | None
    """New unhealthy threshold for health checks. Default value is 5, which means the forwarding is considered abnormal if it is detected to be unhealthy for five times consecutively. Value range: 2-10; unit: count. Range: 2–10."""

    http_code: int | None
    """New healthy HTTP code combination. This determines which combination of HTTP return codes are considered as healthy in health checks. Value range: 0-31. For example, the value 7 means the health check result is considered healthy if HTTP return code is 1xx, 2xx or 3xx. Range: 0–31."""

    http_check_path: str | None
    """New path to be checked in health check."""

    http_check_domain: str | None
    """New domain to be checked in health check."""

    balance_mode: Literal["ip_hash", "wrr"] | None
    """New balance mode: ip_hash, wrr. Default is wrr. Range: ip_hash | wrr."""

    def __init__(
        self,
        *,
        domain_id: str,
        location_id: str,
        url: str | None = None,
        session_expire: int | None = None,
        health_switch: Literal[1, 0] | None = None,
        interval_time: int | None = None,
        health_num: int | None = None,
        unhealth_num: int | None = None,
        http_code: int | None = None,
        http_check_path: str | None = None,
        http_check_domain: str | None = None,
        balance_mode: Literal["ip_hash", "wrr"] | None = None,
    ) -> None:
        self.domain_id = domain_id
        self.location_id = location_id
        self.url = url
        self.session_expire = session_expire
        self.health_switch = health_switch
        self.interval_time = interval_time
        self.health_num = health_num
        self.unhealth_num = unhealth_num
        self.http_code = http_code
        self.http_check_path = http_check_path
        self.http_check_domain = http_check_domain
        self.balance_mode = balance_mode


class VmBackend(Model):
    """One vm of a request; sent flattened with 0-based indexes."""

    __slots__ = ("port", "vm_ip")
    _fields = ("vm_ip", "port")

    vm_ip: str
    """VM IP to be unbound. Range: 1–64 chars."""

    port: int
    """VM port to be unbound. Available value range: 1-65535. Range: 1–65535."""

    def __init__(
        self,
        *,
        vm_ip: str,
        port: int,
    ) -> None:
        self.vm_ip = vm_ip
        self.port = port


class BindInfoBackend(Model):
    """One backend of an answer."""

    __slots__ = ("instance_id", "rs_port")
    _fields = ("instance_id", "rs_port")

    instance_id: str
    """CPM ID or VM IP."""

    rs_port: int
    """CPM port."""

    def __init__(
        self,
        *,
        instance_id: str,
        rs_port: int,
    ) -> None:
        self.instance_id = instance_id
        self.rs_port = rs_port


class CertDetail(Model):
    """One data of an answer."""

    __slots__ = (
        "cert_begin_time",
        "cert_content",
        "cert_domain",
        "cert_end_time",
        "cert_id",
        "cert_lb_list",
        "cert_name",
        "cert_subject_domain",
        "cert_type",
        "cert_upload_time",
    )
    _fields = (
        "cert_id",
        "cert_name",
        "cert_type",
        "cert_content",
        "cert_domain",
        "cert_subject_domain",
        "cert_upload_time",
        "cert_begin_time",
        "cert_end_time",
        "cert_lb_list",
    )

    cert_id: str
    """Certificate ID."""

    cert_name: str
    """Certificate name."""

    cert_type: str
    """Certificate type (SVR = Server Certificate, CA = Client Certificate)."""

    cert_content: str
    """Certificate content."""

    cert_domain: str
    """Primary domain name of certificate."""

    cert_subject_domain: list[str]
    """List of sub-domain names of certificate."""

    cert_upload_time: str
    """Upload time of certificate."""

    cert_begin_time: str
    """Time when the certificate takes effect."""

    cert_end_time: str
    """Expiration time of certificate."""

    cert_lb_list: list[GetBmCertDetailLoadBalancer]
    """List of BM load balancer objects associated with the certificate."""

    def __init__(
        self,
        *,
        cert_id: str,
        cert_name: str,
        cert_type: str,
        cert_content: str,
        cert_domain: str,
        cert_subject_domain: list[str],
        cert_upload_time: str,
        cert_begin_time: str,
        cert_end_time: str,
        cert_lb_list: list[GetBmCertDetailLoadBalancer],
    ) -> None:
        self.cert_id = cert_id
        self.cert_name = cert_name
        self.cert_type = cert_type
        self.cert_content = cert_content
        self.cert_domain = cert_domain
        self.cert_subject_domain = cert_subject_domain
        self.cert_upload_time = cert_upload_time
        self.cert_begin_time = cert_begin_time
        self.cert_end_time = cert_end_time
        self.cert_lb_list = cert_lb_list


class DescribeBmBindInfoL4Listener(Model):
    """One L4Listener of an answer."""

    __slots__ = ("listener_id", "listener_name", "load_balancer_port", "protocol", "rs_list")
    _fields = ("listener_id", "listener_name", "protocol", "load_balancer_port", "rs_list")

    listener_id: str
    """ID of the load balancer layer-4 listener."""

    listener_name: str | None
    """Name of the load balancer layer-4 listener."""

    protocol: str
    """Protocol type of load balancer layer-4 listener (TCP, UDP)."""

    load_balancer_port: int
    """Listening port of the load balancer layer-4 listener."""

    rs_list: list[BindInfoBackend]
    """List of CPMs bound to the forwarding path."""

    def __init__(
        self,
        *,
        listener_id: str,
        listener_name: str | None = None,
        protocol: str,
        load_balancer_port: int,
        rs_list: list[BindInfoBackend],
    ) -> None:
        self.listener_id = listener_id
        self.listener_name = listener_name
        self.protocol = protocol
        self.load_balancer_port = load_balancer_port
        self.rs_list = rs_list


class DescribeBmBindInfoL7Listener(Model):
    """One L7Listener of an answer."""

    __slots__ = ("listener_id", "listener_name", "load_balancer_port", "protocol", "rule_set")
    _fields = ("listener_id", "listener_name", "protocol", "load_balancer_port", "rule_set")

    listener_id: str
    """ID of the load balancer layer-7 listener."""

    listener_name: str | None
    """Name of the load balancer layer-7 listener."""

    protocol: str
    """Protocol type of load balancer layer-7 listener (HTTP, HTTPS)."""

    load_balancer_port: int
    """Listening port of the load balancer layer-7 listener."""

    rule_set: list[DescribeBmBindInfoRule]
    """List of returned forwarding rules."""

    def __init__(
        self,
        *,
        listener_id: str,
        listener_name: str | None = None,
        protocol: str,
        load_balancer_port: int,
        rule_set: list[DescribeBmBindInfoRule],
    ) -> None:
        self.listener_id = listener_id
        self.listener_name = listener_name
        self.protocol = protocol
        self.load_balancer_port = load_balancer_port
        self.rule_set = rule_set


class DescribeBmBindInfoLoadBalancer(Model):
    """One loadBalancer of an answer."""

    __slots__ = (
        "app_id",
        "exclusive",
        "l4_listener_set",
        "l7_listener_set",
        "load_balancer_id",
        "project_id",
        "tgw_set_type",
        "un_vpc_id",
        "vip",
        "vpc_id",
    )
    _fields = (
        "load_balancer_id",
        "app_id",
        "project_id",
        "vpc_id",
        "un_vpc_id",
        "vip",
        "tgw_set_type",
        "exclusive",
        "l4_listener_set",
        "l7_listener_set",
    )

    load_balancer_id: str
    """ID of load balancer instance."""

    app_id: int
    """AppId of developer."""

    project_id: int
    """Project ID of the load balancer"""

    vpc_id: int
    """VPC ID."""

    un_vpc_id: str
    """Unique ID of the BM VPC."""

    vip: str
    """IP of load balancer."""

    tgw_set_type: str
    """TGW cluster type of load balancer. Value can be tunnel or fullnat. "tunnel" represents tunnel cluster and "fullnat" represents FULLNAT cluster."""

    exclusive: int
    """Whether the TGW cluster is exclusive."""

    l4_listener_set: list[DescribeBmBindInfoL4Listener]
    """List of layer-4 listeners with the binding."""

    l7_listener_set: list[DescribeBmBindInfoL7Listener]
    """List of layer-7 listeners with the binding."""

    def __init__(
        self,
        *,
        load_balancer_id: str,
        app_id: int,
        project_id: int,
        vpc_id: int,
        un_vpc_id: str,
        vip: str,
        tgw_set_type: str,
        exclusive: int,
        l4_listener_set: list[DescribeBmBindInfoL4Listener],
        l7_listener_set: list[DescribeBmBindInfoL7Listener],
    ) -> None:
        self.load_balancer_id = load_balancer_id
        self.app_id = app_id
        self.project_id = project_id
        self.vpc_id = vpc_id
        self.un_vpc_id = un_vpc_id
        self.vip = vip
        self.tgw_set_type = tgw_set_type
        self.exclusive = exclusive
        self.l4_listener_set = l4_listener_set
        self.l7_listener_set = l7_listener_set


class DescribeBmBindInfoLocation(Model):
    """One location of an answer."""

    __slots__ = ("location_id", "rs_list", "url")
    _fields = ("url", "location_id", "rs_list")

    url: str
    """Forwarding path of the layer-7 forwarding rules for the load balancer."""

    location_id: str
    """ID of layer-7 forwarding path of the load balancer."""

    rs_list: list[BindInfoBackend]
    """List of CPMs bound to the forwarding path."""

    def __init__(
        self,
        *,
        url: str,
        location_id: str,
        rs_list: list[BindInfoBackend],
    ) -> None:
        self.url = url
        self.location_id = location_id
        self.rs_list = rs_list


class DescribeBmBindInfoRule(Model):
    """One rule of an answer."""

    __slots__ = ("domain", "domain_id", "locations")
    _fields = ("domain", "domain_id", "locations")

    domain: str
    """Layer-7 forwarding domain name of load balancer."""

    domain_id: str
    """ID of layer-7 forwarding domain of load balancer."""

    locations: list[DescribeBmBindInfoLocation]
    """List of forwarding paths under the forwarding domain."""

    def __init__(
        self,
        *,
        domain: str,
        domain_id: str,
        locations: list[DescribeBmBindInfoLocation],
    ) -> None:
        self.domain = domain
        self.domain_id = domain_id
        self.locations = locations


class DescribeBmForwardListenerInfoBackend(Model):
    """One backend of an answer."""

    __slots__ = ("alias", "bind_type", "instance_id", "lan_ip", "rs_port", "status", "weight")
    _fields = ("bind_type", "rs_port", "weight", "status", "instance_id", "alias", "lan_ip")

    bind_type: int | None
    """Type of the bind. 0: CPM; 1: VM IP."""

    rs_port: int
    """CPM port."""

    weight: int
    """Weight."""

    status: str
    """Current health status of the binding relationship. "Dead" indicates unhealthy, while "Alive" indicates healthy."""

    instance_id: str | None
    """When bindType is 0: ID of the CPM."""

    alias: str | None
    """When bindType is 0: Alias of the CPM."""

    lan_ip: str | None
    """When bindType is 0: Private IP of the CPM. When bindType is 1: VM IP."""

    def __init__(
        self,
        *,
        bind_type: int | None = None,
        rs_port: int,
        weight: int,
        status: str,
        instance_id: str | None = None,
        alias: str | None = None,
        lan_ip: str | None = None,
    ) -> None:
        self.bind_type = bind_type
        self.rs_port = rs_port
        self.weight = weight
        self.status = status
        self.instance_id = instance_id
        self.alias = alias
        self.lan_ip = lan_ip


class DescribeBmForwardListenerInfoListener(Model):
    """One listener of an answer."""

    __slots__ = (
        "add_timestamp",
        "bandwidth",
        "cert_ca_id",
        "cert_id",
        "listener_id",
        "listener_name",
        "listener_type",
        "load_balancer_port",
        "protocol",
        "rule_set",
        "ssl_mode",
        "status",
    )
    _fields = (
        "listener_id",
        "listener_name",
        "protocol",
        "load_balancer_port",
        "bandwidth",
        "listener_type",
        "ssl_mode",
        "cert_id",
        "cert_ca_id",
        "status",
        "add_timestamp",
        "rule_set",
    )

    listener_id: str
    """ID of the load balancer layer-7 listener."""

    listener_name: str
    """Name of the cloud load balancer layer- listener."""

    protocol: str
    """Protocol type of load balancer layer-7 listener (HTTP, HTTPS)."""

    load_balancer_port: int
    """Listening port of the load balancer layer-7 listener."""

    bandwidth: int
    """Maximum bandwidth of the listener when the billing mode is pay-by-fixed bandwidth (in Mbps)."""

    listener_type: str
    """Listener type: L4Listener (layer-4 listener) or L7Listener (layer-7 listener)."""

    ssl_mode: int
    """Authentication method of load balancer layer-7 listener. 0: no authentication, used for HTTP; 1: one-way authentication, used for HTTPS; 2: two-way authentication, used for HTTPS."""

    cert_id: str
    """ID of the server certificate associated with the load balancer layer-7 listener."""

    cert_ca_id: str
    """ID of the client certificate associated with the load balancer layer-7 listener."""

    status: int
    """Current status of the listener. 0: Creating; 1: Running; 2: Creation failed; 3: Deleting; 4: Deletion failed."""

    add_timestamp: str
    """Creation time stamp."""

    rule_set: list[DescribeBmForwardListenerInfoRule]
    """List of returned forwarding rules."""

    def __init__(
        self,
        *,
        listener_id: str,
        listener_name: str,
        protocol: str,
        load_balancer_port: int,
        bandwidth: int,
        listener_type: str,
        ssl_mode: int,
        cert_id: str,
        cert_ca_id: str,
        status: int,
        add_timestamp: str,
        rule_set: list[DescribeBmForwardListenerInfoRule],
    ) -> None:
        self.listener_id = listener_id
        self.listener_name = listener_name
        self.protocol = protocol
        self.load_balancer_port = load_balancer_port
        self.bandwidth = bandwidth
        self.listener_type = listener_type
        self.ssl_mode = ssl_mode
        self.cert_id = cert_id
        self.cert_ca_id = cert_ca_id
        self.status = status
        self.add_timestamp = add_timestamp
        self.rule_set = rule_set


class DescribeBmForwardListenerInfoLocation(Model):
    """One location of an answer."""

    __slots__ = (
        "add_timestamp",
        "balance_mode",
        "health_num",
        "health_switch",
        "http_check_domain",
        "http_check_path",
        "http_code",
        "interval_time",
        "location_id",
        "rs_list",
        "session_expire",
        "status",
        "unhealth_num",
        "url",
    )
    _fields = (
        "url",
        "location_id",
        "session_expire",
        "health_switch",
        "http_check_path",
        "http_check_domain",
        "interval_time",
        "health_num",
        "unhealth_num",
        "http_code",
        "balance_mode",
        "status",
        "add_timestamp",
        "rs_list",
    )

    url: str
    """Forwarding path of the layer-7 forwarding rules for the load balancer."""

    location_id: str
    """ID of layer-7 forwarding path of the load balancer."""

    session_expire: int
    """Session duration."""

    health_switch: int
    """Indicate whether Health Check is enabled."""

    http_check_path: str
    """Path to be checked in health check."""

    http_check_domain: str | None
    """Domain to be checked in health check."""

    interval_time: int
    """Time interval between health checks."""

    health_num: int
    """Healthy threshold for health checks."""

    unhealth_num: int
    """Unhealthy threshold for health checks."""

    http_code: int
    """This determines which combination of HTTP return codes are considered as healthy in health checks."""

    balance_mode: str
    """Balance mode."""

    status: int
    """Current status of the forwarding path. 0: Creating; 1: Running; 2: Creation failed; 3: Deleting; 4: Deletion failed."""

    add_timestamp: str
    """Creation time stamp."""

    rs_list: list[DescribeBmForwardListenerInfoBackend]
    """List of CPMs bound to the forwarding path."""

    def __init__(
        self,
        *,
        url: str,
        location_id: str,
        session_expire: int,
        health_switch: int,
        http_check_path: str,
        http_check_domain: str | None = None,
        interval_time: int,
        health_num: int,
        unhealth_num: int,
        http_code: int,
        balance_mode: str,
        status: int,
        add_timestamp: str,
        rs_list: list[DescribeBmForwardListenerInfoBackend],
    ) -> None:
        self.url = url
        self.location_id = location_id
        self.session_expire = session_expire
        self.health_switch = health_switch
        self.http_check_path = http_check_path
        self.http_check_domain = http_check_domain
        self.interval_time = interval_time
        self.health_num = health_num
        self.unhealth_num = unhealth_num
        self.http_code = http_code
        self.balance_mode = balance_mode
        self.status = status
        self.add_timestamp = add_timestamp
        self.rs_list = rs_list


class DescribeBmForwardListenerInfoRule(Model):
    """One rule of an answer."""

    __slots__ = ("add_timestamp", "domain", "domain_id", "locations", "status")
    _fields = ("domain", "domain_id", "status", "add_timestamp", "locations")

    domain: str
    """Layer-7 forwarding domain name of the load balancer."""

    domain_id: str
    """ID of layer-7 forwarding domain of the load balancer."""

    status: int
    """Current status of the forwarding domain. 0: Creating; 1: Running; 2: Creation failed; 3: Deleting; 4: Deletion failed."""

    add_timestamp: str
    """Creation time stamp."""

    locations: list[DescribeBmForwardListenerInfoLocation]
    """List of forwarding paths under the forwarding domain."""

    def __init__(
        self,
        *,
        domain: str,
        domain_id: str,
        status: int,
        add_timestamp: str,
        locations: list[DescribeBmForwardListenerInfoLocation],
    ) -> None:
        self.domain = domain
        self.domain_id = domain_id
        self.status = status
        self.add_timestamp = add_timestamp
        self.locations = locations


class DescribeBmForwardListenersListener(Model):
    """One listener of an answer."""

    __slots__ = (
        "add_timestamp",
        "bandwidth",
        "cert_ca_id",
        "cert_id",
        "listener_id",
        "listener_name",
        "listener_type",
        "load_balancer_port",
        "protocol",
        "ssl_mode",
        "status",
    )
    _fields = (
        "listener_id",
        "listener_name",
        "protocol",
        "load_balancer_port",
        "bandwidth",
        "listener_type",
        "ssl_mode",
        "cert_id",
        "cert_ca_id",
        "status",
        "add_timestamp",
    )

    listener_id: str
    """ID of the load balancer layer-7 listener."""

    listener_name: str
    """Name of the cloud load balancer layer-7 listener."""

    protocol: str
    """Protocol type of load balancer layer-7 listener (HTTP, HTTPS)."""

    load_balancer_port: int
    """Listening port of the load balancer layer-7 listener."""

    bandwidth: int
    """Maximum bandwidth of the listener when the billing mode is pay-by-fixed bandwidth (in Mbps)."""

    listener_type: str
    """Listener type: L4Listener (layer-4 listener) or L7Listener (layer-7 listener)."""

    ssl_mode: int
    """Authentication method of load balancer layer-7 listener. 0: no authentication, used for HTTP; 1: one-way authentication, used for HTTPS; 2: two-way authentication, used for HTTPS."""

    cert_id: str
    """ID of the server certificate associated with the load balancer layer-7 listener."""

    cert_ca_id: str
    """ID of the client certificate associated with the load balancer layer-7 listener."""

    status: int
    """Current status of the listener. 0: Creating; 1: Running; 2: Creation failed; 3: Deleting; 4: Deletion failed."""

    add_timestamp: str
    """Creation time stamp."""

    def __init__(
        self,
        *,
        listener_id: str,
        listener_name: str,
        protocol: str,
        load_balancer_port: int,
        bandwidth: int,
        listener_type: str,
        ssl_mode: int,
        cert_id: str,
        cert_ca_id: str,
        status: int,
        add_timestamp: str,
    ) -> None:
        self.listener_id = listener_id
        self.listener_name = listener_name
        self.protocol = protocol
        self.load_balancer_port = load_balancer_port
        self.bandwidth = bandwidth
        self.listener_type = listener_type
        self.ssl_mode = ssl_mode
        self.cert_id = cert_id
        self.cert_ca_id = cert_ca_id
        self.status = status
        self.add_timestamp = add_timestamp


class DescribeBmForwardRulesLocation(Model):
    """One location of an answer."""

    __slots__ = (
        "add_timestamp",
        "balance_mode",
        "health_num",
        "health_switch",
        "http_check_domain",
        "http_check_path",
        "http_code",
        "interval_time",
        "location_id",
        "session_expire",
        "status",
        "unhealth_num",
        "url",
    )
    _fields = (
        "url",
        "location_id",
        "session_expire",
        "health_switch",
        "http_check_path",
        "http_check_domain",
        "interval_time",
        "health_num",
        "unhealth_num",
        "http_code",
        "balance_mode",
        "status",
        "add_timestamp",
    )

    url: str
    """Forwarding path of the layer-7 forwarding rules for the load balancer."""

    location_id: str
    """ID of layer-7 forwarding path of the load balancer."""

    session_expire: int
    """Session duration."""

    health_switch: int
    """Indicates whether Health Check is enabled."""

    http_check_path: str
    """Path to be checked in health check."""

    http_check_domain: str
    """Domain to be checked in health check."""

    interval_time: int
    """Time interval between health checks."""

    health_num: int
    """Healthy threshold for health checks."""

    unhealth_num: int
    """Unhealthy threshold for health checks."""

    http_code: int
    """This determines which combination of HTTP return codes are considered as healthy in health checks."""

    balance_mode: str
    """Balance mode."""

    status: int
    """Current status of the forwarding path. 0: Creating; 1: Running; 2: Creation failed; 3: Deleting; 4: Deletion failed."""

    add_timestamp: str
    """Creation time stamp."""

    def __init__(
        self,
        *,
        url: str,
        location_id: str,
        session_expire: int,
        health_switch: int,
        http_check_path: str,
        http_check_domain: str,
        interval_time: int,
        health_num: int,
        unhealth_num: int,
        http_code: int,
        balance_mode: str,
        status: int,
        add_timestamp: str,
    ) -> None:
        self.url = url
        self.location_id = location_id
        self.session_expire = session_expire
        self.health_switch = health_switch
        self.http_check_path = http_check_path
        self.http_check_domain = http_check_domain
        self.interval_time = interval_time
        self.health_num = health_num
        self.unhealth_num = unhealth_num
        self.http_code = http_code
        self.balance_mode = balance_mode
        self.status = status
        self.add_timestamp = add_timestamp


class DescribeBmForwardRulesRule(Model):
    """One rule of an answer."""

    __slots__ = ("add_timestamp", "domain", "domain_id", "locations", "status")
    _fields = ("domain", "domain_id", "status", "add_timestamp", "locations")

    domain: str
    """layer-7 forwarding domain name of the load balancer."""

    domain_id: str
    """ID of layer-7 forwarding domain of the load balancer."""

    status: int
    """Current status of the forwarding domain. 0: Creating; 1: Running; 2: Creation failed; 3: Deleting; 4: Deletion failed."""

    add_timestamp: str
    """Creation time stamp."""

    locations: list[DescribeBmForwardRulesLocation]
    """List of forwarding paths under the forwarding domain."""

    def __init__(
        self,
        *,
        domain: str,
        domain_id: str,
        status: int,
        add_timestamp: str,
        locations: list[DescribeBmForwardRulesLocation],
    ) -> None:
        self.domain = domain
        self.domain_id = domain_id
        self.status = status
        self.add_timestamp = add_timestamp
        self.locations = locations


class DescribeBmListenerInfoListener(Model):
    """One listener of an answer."""

    __slots__ = (
        "add_timestamp",
        "bandwidth",
        "health_num",
        "health_switch",
        "interval_time",
        "listener_id",
        "listener_name",
        "listener_type",
        "load_balancer_port",
        "protocol",
        "session_expire",
        "status",
        "time_out",
        "unhealth_num",
    )
    _fields = (
        "listener_id",
        "listener_name",
        "protocol",
        "load_balancer_port",
        "bandwidth",
        "listener_type",
        "session_expire",
        "health_switch",
        "time_out",
        "interval_time",
        "health_num",
        "unhealth_num",
        "status",
        "add_timestamp",
    )

    listener_id: str
    """Listener ID."""

    listener_name: str
    """User-defined listener name."""

    protocol: str
    """Protocol type of BM load balancer instance listener. Value can be TCP or UDP."""

    load_balancer_port: int
    """Listening port of the BM load balancer listener. Value range: 1-65535."""

    bandwidth: int
    """Used to specify the maximum bandwidth of the listener with the billing mode is pay-by-fixed bandwidth. Value range: 0-1000 (in Mbps)."""

    listener_type: str
    """Listener type: L4Listener (layer-4 listener) or L7Listener (layer-7 listener)."""

    session_expire: int
    """Session duration (in sec)"""

    health_switch: int
    """Indicate whether Health Check is enabled: 1 (On) and 0 (Off)."""

    time_out: int
    """Response timeout (in sec)."""

    interval_time: int
    """Health check time interval (in sec)."""

    health_num: int
    """Health threshold of BM load balancer listener. Default value is 3, which means the forwarding is considered normal if it is detected to be healthy for three times consecutively. Value range: 2-10; unit: count."""

    unhealth_num: int
    """Unhealth threshold of BM load balancer listener. Default value is 3, which means the forwarding is considered abnormal if it is detected to be unhealthy for three times consecutively. Value range: 2-10; unit: count."""

    status: int
    """Current status of the listener. 0: Creating; 1: Running; 2: Creation failed; 3: Deleting; 4: Deletion failed."""

    add_timestamp: str
    """Creation time stamp."""

    def __init__(
        self,
        *,
        listener_id: str,
        listener_name: str,
        protocol: str,
        load_balancer_port: int,
        bandwidth: int,
        listener_type: str,
        session_expire: int,
        health_switch: int,
        time_out: int,
        interval_time: int,
        health_num: int,
        unhealth_num: int,
        status: int,
        add_timestamp: str,
    ) -> None:
        self.listener_id = listener_id
        self.listener_name = listener_name
        self.protocol = protocol
        self.load_balancer_port = load_balancer_port
        self.bandwidth = bandwidth
        self.listener_type = listener_type
        self.session_expire = session_expire
        self.health_switch = health_switch
        self.time_out = time_out
        self.interval_time = interval_time
        self.health_num = health_num
        self.unhealth_num = unhealth_num
        self.status = status
        self.add_timestamp = add_timestamp


class DescribeBmListenersListener(Model):
    """One listener of an answer."""

    __slots__ = (
        "add_timestamp",
        "bandwidth",
        "custom_health_switch",
        "health_num",
        "health_request",
        "health_response",
        "health_switch",
        "input_type",
        "interval_time",
        "line_separator_type",
        "listener_id",
        "listener_name",
        "listener_type",
        "load_balancer_port",
        "protocol",
        "session_expire",
        "status",
        "time_out",
        "toa_flag",
        "unhealth_num",
    )
    _fields = (
        "listener_id",
        "listener_name",
        "protocol",
        "load_balancer_port",
        "bandwidth",
        "listener_type",
        "session_expire",
        "health_switch",
        "time_out",
        "interval_time",
        "health_num",
        "unhealth_num",
        "custom_health_switch",
        "input_type",
        "line_separator_type",
        "health_request",
        "health_response",
        "toa_flag",
        "status",
        "add_timestamp",
    )

    listener_id: str
    """Listener ID."""

    listener_name: str
    """User-defined listener name."""

    protocol: str
    """Protocol type of BM load balancer instance listener. Value can be TCP or UDP."""

    load_balancer_port: int
    """Listening port of the BM load balancer listener. Value range: 1-65535."""

    bandwidth: int
    """Used to specify the maximum bandwidth of the listener with the billing mode is pay-by-fixed bandwidth. Value range: 0-1000 (in Mbps)."""

    listener_type: str
    """Listener type: L4Listener (layer-4 listener) or L7Listener (layer-7 listener)."""

    session_expire: int
    """Session duration (in sec)"""

    health_switch: int
    """Indicate whether Health Check is enabled: 1 (On) and 0 (Off)."""

    time_out: int
    """Response timeout (in sec)."""

    interval_time: int
    """Health check time interval (in sec)."""

    health_num: int
    """Health threshold of BM load balancer listener. Default value is 3, which means the forwarding is considered normal if it is detected to be healthy for three times consecutively. Value range: 2-10; unit: count."""

    unhealth_num: int
    """Unhealth threshold of BM load balancer listener. Default value is 3, which means the forwarding is considered abnormal if it is detected to be unhealthy for three times consecutively. Value range: 2-10; unit: count."""

    custom_health_switch: int
    """Whether the custom health check is on: 1 (on), 0 (off). Default: 0 (off). It takes effect only while the health check is on."""

    input_type: str
    """Content type of the custom health check probe: text, or hexadecimal."""

    line_separator_type: int
    """For a text probe, how the line breaks of the request text are sent: 1 (as LF), 2 (as CR), 3 (as LF+CR)."""

    health_request: str
    """Request content of the custom health check probe."""

    health_response: str
    """Response content the custom health check probe expects."""

    toa_flag: int
    """Whether TOA is on: 1 (on), 0 (off)."""

    status: int
    """Current status of the listener. 0: Creating; 1: Running; 2: Creation failed; 3: Deleting; 4: Deletion failed."""

    add_timestamp: str
    """Creation time stamp."""

    def __init__(
        self,
        *,
        listener_id: str,
        listener_name: str,
        protocol: str,
        load_balancer_port: int,
        bandwidth: int,
        listener_type: str,
        session_expire: int,
        health_switch: int,
        time_out: int,
        interval_time: int,
        health_num: int,
        unhealth_num: int,
        custom_health_switch: int,
        input_type: str,
        line_separator_type: int,
        health_request: str,
        health_response: str,
        toa_flag: int,
        status: int,
        add_timestamp: str,
    ) -> None:
        self.listener_id = listener_id
        self.listener_name = listener_name
        self.protocol = protocol
        self.load_balancer_port = load_balancer_port
        self.bandwidth = bandwidth
        self.listener_type = listener_type
        self.session_expire = session_expire
        self.health_switch = health_switch
        self.time_out = time_out
        self.interval_time = interval_time
        self.health_num = health_num
        self.unhealth_num = unhealth_num
        self.custom_health_switch = custom_health_switch
        self.input_type = input_type
        self.line_separator_type = line_separator_type
        self.health_request = health_request
        self.health_response = health_response
        self.toa_flag = toa_flag
        self.status = status
        self.add_timestamp = add_timestamp


class DescribeBmLoadBalancersLoadBalancer(Model):
    """One loadBalancer of an answer."""

    __slots__ = (
        "bandwidth",
        "create_time",
        "domain",
        "ip_protocol_type",
        "latest_pay_mode",
        "load_balancer_id",
        "load_balancer_name",
        "load_balancer_type",
        "load_balancer_vips",
        "pay_mode",
        "project_id",
        "status",
        "status_time",
        "subnet_id",
        "tgw_set_type",
        "un_subnet_id",
        "un_vpc_id",
        "vpc_id",
    )
    _fields = (
        "load_balancer_id",
        "load_balancer_name",
        "load_balancer_type",
        "domain",
        "load_balancer_vips",
        "status",
        "create_time",
        "status_time",
        "un_vpc_id",
        "un_subnet_id",
        "vpc_id",
        "subnet_id",
        "project_id",
        "latest_pay_mode",
        "pay_mode",
        "bandwidth",
        "tgw_set_type",
        "ip_protocol_type",
    )

    load_balancer_id: str
    """The unique ID of the load balancer instance."""

    load_balancer_name: str
    """Name of the load balancer instance."""

    load_balancer_type: str
    """Type of the load balancer instance. "open" represents public network, and "internal" represents private network."""

    domain: str
    """Domain name of the load balancer instance. Private network-based load balancer instance has no domain name."""

    load_balancer_vips: list[str]
    """VIP list of the load balancer instance."""

    status: int
    """Status of the load balancer instance. 0: Creating; 1: Running."""

    create_time: str
    """The time when the load balancer instance is created."""

    status_time: str
    """Time of the last status change for the load balancer instance."""

    un_vpc_id: str
    """Unique ID of BM VPC."""

    un_subnet_id: str
    """Unique ID of BM VPC subnet."""

    vpc_id: int
    """Integer ID of BM VPC."""

    subnet_id: int
    """The numerical digits of the VPC subnet ID. 0 means default subnet."""

    project_id: int
    """Project ID."""

    latest_pay_mode: str
    """The last billing mode of the load balancer. Value can be flow (Pay by Traffic) or bandwidth (Pay by Bandwidth)."""

    pay_mode: str
    """Current billing mode of the load balancer instance."""

    bandwidth: int
    """Bandwidth. The value is 0 when the billing mode is "flow"."""

    tgw_set_type: str
    """TGW cluster type of load balancer."""

    ip_protocol_type: str | None
    """IP protocol type: "ipv4" or "ipv6". Only Beijing and Shanghai support it so far; Guangzhou and Chongqing do not."""

    def __init__(
        self,
        *,
        load_balancer_id: str,
        load_balancer_name: str,
        load_balancer_type: str,
        domain: str,
        load_balancer_vips: list[str],
        status: int,
        create_time: str,
        status_time: str,
        un_vpc_id: str,
        un_subnet_id: str,
        vpc_id: int,
        subnet_id: int,
        project_id: int,
        latest_pay_mode: str,
        pay_mode: str,
        bandwidth: int,
        tgw_set_type: str,
        ip_protocol_type: str | None = None,
    ) -> None:
        self.load_balancer_id = load_balancer_id
        self.load_balancer_name = load_balancer_name
        self.load_balancer_type = load_balancer_type
        self.domain = domain
        self.load_balancer_vips = load_balancer_vips
        self.status = status
        self.create_time = create_time
        self.status_time = status_time
        self.un_vpc_id = un_vpc_id
        self.un_subnet_id = un_subnet_id
        self.vpc_id = vpc_id
        self.subnet_id = subnet_id
        self.project_id = project_id
        self.latest_pay_mode = latest_pay_mode
        self.pay_mode = pay_mode
        self.bandwidth = bandwidth
        self.tgw_set_type = tgw_set_type
        self.ip_protocol_type = ip_protocol_type


class DescribeBmVportInfoListener(Model):
    """One listener of an answer."""

    __slots__ = (
        "bandwidth",
        "listener_id",
        "listener_name",
        "load_balancer_port",
        "protocol",
        "status",
    )
    _fields = (
        "listener_id",
        "listener_name",
        "protocol",
        "load_balancer_port",
        "bandwidth",
        "status",
    )

    listener_id: str
    """ID of the load balancer listener."""

    listener_name: str
    """Name of the load balancer listener."""

    protocol: str
    """Protocol type of load balancer listener (HTTP, HTTPS, TCP, UDP)"""

    load_balancer_port: int
    """Listening port of the load balancer listener."""

    bandwidth: int
    """Maximum bandwidth of the listener when the billing mode is pay-by-fixed bandwidth (in Mbps)."""

    status: int
    """Current status of the listener. 0: Creating; 1: Running; 2: Creation failed; 3: Deleting; 4: Deletion failed."""

    def __init__(
        self,
        *,
        listener_id: str,
        listener_name: str,
        protocol: str,
        load_balancer_port: int,
        bandwidth: int,
        status: int,
    ) -> None:
        self.listener_id = listener_id
        self.listener_name = listener_name
        self.protocol = protocol
        self.load_balancer_port = load_balancer_port
        self.bandwidth = bandwidth
        self.status = status


class GetBmCertDetailLoadBalancer(Model):
    """One loadBalancer of an answer."""

    __slots__ = ("lb_id", "lb_name", "region_id", "vpc_id")
    _fields = ("lb_id", "lb_name", "vpc_id", "region_id")

    lb_id: str
    """ID of BM load balancer instance."""

    lb_name: str
    """Name of BM load balancer instance."""

    vpc_id: int
    """The ID of VPC to which the BM load balancer belongs."""

    region_id: int
    """The ID of region to which the BM load balancer belongs."""

    def __init__(
        self,
        *,
        lb_id: str,
        lb_name: str,
        vpc_id: int,
        region_id: int,
    ) -> None:
        self.lb_id = lb_id
        self.lb_name = lb_name
        self.vpc_id = vpc_id
        self.region_id = region_id


class L4ListenerBackend(Model):
    """One backend of an answer."""

    __slots__ = (
        "alias",
        "bind_type",
        "instance_id",
        "lan_ip",
        "operates",
        "rs_port",
        "status",
        "weight",
    )
    _fields = (
        "bind_type",
        "rs_port",
        "weight",
        "status",
        "instance_id",
        "alias",
        "lan_ip",
        "operates",
    )

    bind_type: int
    """Type of the bind. 0: CPM; 1: VM IP."""

    rs_port: int
    """CPM port."""

    weight: int
    """Weight."""

    status: str
    """Current health status of the binding relationship. "Dead" indicates unhealthy, while "Alive" indicates healthy."""

    instance_id: str | None
    """When bindType is 0: ID of the CPM."""

    alias: str | None
    """When bindType is 0: Alias of the CPM."""

    lan_ip: str | None
    """When bindType is 0: Private IP of the CPM. When bindType is 1: VM IP."""

    operates: list[str] | None
    """When bindType is 0: Currently available operations for the CPM."""

    def __init__(
        self,
        *,
        bind_type: int,
        rs_port: int,
        weight: int,
        status: str,
        instance_id: str | None = None,
        alias: str | None = None,
        lan_ip: str | None = None,
        operates: list[str] | None = None,
    ) -> None:
        self.bind_type = bind_type
        self.rs_port = rs_port
        self.weight = weight
        self.status = status
        self.instance_id = instance_id
        self.alias = alias
        self.lan_ip = lan_ip
        self.operates = operates


class LocationBackend(Model):
    """One backend of an answer."""

    __slots__ = (
        "alias",
        "bind_type",
        "instance_id",
        "lan_ip",
        "mgt_ip",
        "operates",
        "rs_port",
        "status",
        "weight",
    )
    _fields = (
        "bind_type",
        "rs_port",
        "weight",
        "status",
        "instance_id",
        "alias",
        "lan_ip",
        "mgt_ip",
        "operates",
    )

    bind_type: int
    """Type of the bind. 0: CPM; 1: VM IP."""

    rs_port: int
    """CPM port."""

    weight: int
    """Weight."""

    status: str
    """Current health status of the binding relationship. "Dead" indicates unhealthy, while "Alive" indicates healthy."""

    instance_id: str | None
    """When bindType is 0: ID of the CPM."""

    alias: str | None
    """When bindType is 0: Alias of the CPM."""

    lan_ip: str | None
    """When bindType is 0: Private IP of the CPM. When bindType is 1: VM IP."""

    mgt_ip: str | None
    """When bindType is 0: Management IP of the CPM."""

    operates: list[str] | None
    """When bindType is 0: Currently available operations for the CPM."""

    def __init__(
        self,
        *,
        bind_type: int,
        rs_port: int,
        weight: int,
        status: str,
        instance_id: str | None = None,
        alias: str | None = None,
        lan_ip: str | None = None,
        mgt_ip: str | None = None,
        operates: list[str] | None = None,
    ) -> None:
        self.bind_type = bind_type
        self.rs_port = rs_port
        self.weight = weight
        self.status = status
        self.instance_id = instance_id
        self.alias = alias
        self.lan_ip = lan_ip
        self.mgt_ip = mgt_ip
        self.operates = operates


class ReplaceBmCertData(Model):
    """One data of an answer."""

    __slots__ = ("new_cert_id", "old_cert_id")
    _fields = ("new_cert_id", "old_cert_id")

    new_cert_id: str
    """ID of new certificate."""

    old_cert_id: str
    """ID of old certificate."""

    def __init__(
        self,
        *,
        new_cert_id: str,
        old_cert_id: str,
    ) -> None:
        self.new_cert_id = new_cert_id
        self.old_cert_id = old_cert_id


class UploadBmCertData(Model):
    """One data of an answer."""

    __slots__ = ("cert_id",)
    _fields = ("cert_id",)

    cert_id: str
    """ID of new certificate."""

    def __init__(
        self,
        *,
        cert_id: str,
    ) -> None:
        self.cert_id = cert_id


class BindBmL4ListenerRsResult(Model):
    """What BindBmL4ListenerRs answers; `raw` is the whole response."""

    __slots__ = ("raw", "request_id")
    _fields = ("request_id",)

    request_id: int
    """Task ID. This API is an asynchronous task. You can query task operation result by calling API DescribeBmLoadBalancersTaskResult based on this parameter"""

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


class BindBmL4ListenerVmIpResult(Model):
    """What BindBmL4ListenerVmIp answers; `raw` is the whole response."""

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


class BindBmL7LocationVmIpResult(Model):
    """What BindBmL7LocationVmIp answers; `raw` is the whole response."""

    __slots__ = ("raw",)
    _fields = ()

    raw: Mapping[str, Any]
    """The decoded JSON response, as the server sent it."""

    def __init__(
        self,
        *,
        raw: Mapping[str, Any],
    ) -> None:
        self.raw = raw


class BindBmLocationInstancesResult(Model):
    """What BindBmLocationInstances answers; `raw` is the whole response."""

    __slots__ = ("raw",)
    _fields = ()

    raw: Mapping[str, Any]
    """The decoded JSON response, as the server sent it."""

    def __init__(
        self,
        *,
        raw: Mapping[str, Any],
    ) -> None:
        self.raw = raw


class CreateBmForwardListenersResult(Model):
    """What CreateBmForwardListeners answers; `raw` is the whole response."""

    __slots__ = ("listener_ids", "raw")
    _fields = ("listener_ids",)

    listener_ids: list[str]
    """List of unique IDs of the newly created load balancer layer-7 listeners."""

    raw: Mapping[str, Any]
    """The decoded JSON response, as the server sent it."""

    def __init__(
        self,
        *,
        listener_ids: list[str],
        raw: Mapping[str, Any],
    ) -> None:
        self.listener_ids = listener_ids
        self.raw = raw


class CreateBmForwardRulesResult(Model):
    """What CreateBmForwardRules answers; `raw` is the whole response."""

    __slots__ = ("raw", "request_id")
    _fields = ("request_id",)

    request_id: int
    """Task ID. This API is an asynchronous task. You can query task operation result by calling API DescribeBmLoadBalancersTaskResult based on this parameter"""

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


class CreateBmListenersResult(Model):
    """What CreateBmListeners answers; `raw` is the whole response."""

    __slots__ = ("raw", "request_id")
    _fields = ("request_id",)

    request_id: int
    """Task ID. This API is an asynchronous task. You can query task operation result by calling API DescribeBmLoadBalancersTaskResult based on this parameter"""

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


class CreateBmLoadBalancerResult(Model):
    """What CreateBmLoadBalancer answers; `raw` is the whole response."""

    __slots__ = ("load_balancer_ids", "raw")
    _fields = ("load_balancer_ids",)

    load_balancer_ids: list[str]
    """ID of the created BM load balancer instance."""

    raw: Mapping[str, Any]
    """The decoded JSON response, as the server sent it."""

    def __init__(
        self,
        *,
        load_balancer_ids: list[str],
        raw: Mapping[str, Any],
    ) -> None:
        self.load_balancer_ids = load_balancer_ids
        self.raw = raw


class DeleteBmForwardDomainsResult(Model):
    """What DeleteBmForwardDomains answers; `raw` is the whole response."""

    __slots__ = ("raw", "request_id")
    _fields = ("request_id",)

    request_id: int
    """Task ID. This API is an asynchronous task. You can query task operation result by calling API DescribeBmLoadBalancersTaskResult based on this parameter"""

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


class DeleteBmForwardRulesResult(Model):
    """What DeleteBmForwardRules answers; `raw` is the whole response."""

    __slots__ = ("raw", "request_id")
    _fields = ("request_id",)

    request_id: int
    """Task ID. This API is an asynchronous task. You can query task operation result by calling API DescribeBmLoadBalancersTaskResult based on this parameter"""

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


class DeleteBmListenersResult(Model):
    """What DeleteBmListeners answers; `raw` is the whole response."""

    __slots__ = ("raw", "request_id")
    _fields = ("request_id",)

    request_id: int
    """Task ID. This API is an asynchronous task. You can query task operation result by calling API DescribeBmLoadBalancersTaskResult based on this parameter"""

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


class DeleteBmLoadBalancersResult(Model):
    """What DeleteBmLoadBalancers answers; `raw` is the whole response."""

    __slots__ = ("raw", "request_id")
    _fields = ("request_id",)

    request_id: int
    """Request task ID. The API is an asynchronous task. You can query the task execution result based on this parameter by calling API DescribeLoadBmBalancersTaskResult"""

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


class DescribeBmBindInfoResult(Model):
    """What DescribeBmBindInfo answers; `raw` is the whole response."""

    __slots__ = ("load_balancer_set", "raw", "total_count")
    _fields = ("load_balancer_set", "total_count")

    load_balancer_set: list[DescribeBmBindInfoLoadBalancer]
    """List of returned load balancers"""

    total_count: int | None
    """Number of load balancers returned."""

    raw: Mapping[str, Any]
    """The decoded JSON response, as the server sent it."""

    def __init__(
        self,
        *,
        load_balancer_set: list[DescribeBmBindInfoLoadBalancer],
        total_count: int | None = None,
        raw: Mapping[str, Any],
    ) -> None:
        self.load_balancer_set = load_balancer_set
        self.total_count = total_count
        self.raw = raw


class DescribeBmForwardListenerInfoResult(Model):
    """What DescribeBmForwardListenerInfo answers; `raw` is the whole response."""

    __slots__ = ("listener_set", "raw", "total_count")
    _fields = ("listener_set", "total_count")

    listener_set: list[DescribeBmForwardListenerInfoListener]
    """List of returned layer-7 listeners."""

    total_count: int | None
    """Number of layer-7 listeners returned."""

    raw: Mapping[str, Any]
    """The decoded JSON response, as the server sent it."""

    def __init__(
        self,
        *,
        listener_set: list[DescribeBmForwardListenerInfoListener],
        total_count: int | None = None,
        raw: Mapping[str, Any],
    ) -> None:
        self.listener_set = listener_set
        self.total_count = total_count
        self.raw = raw


class DescribeBmForwardListenersResult(Model):
    """What DescribeBmForwardListeners answers; `raw` is the whole response."""

    __slots__ = ("listener_set", "raw", "total_count")
    _fields = ("listener_set", "total_count")

    listener_set: list[DescribeBmForwardListenersListener]
    """List of returned layer-7 listeners."""

    total_count: int | None
    """Number of layer-7 listeners returned."""

    raw: Mapping[str, Any]
    """The decoded JSON response, as the server sent it."""

    def __init__(
        self,
        *,
        listener_set: list[DescribeBmForwardListenersListener],
        total_count: int | None = None,
        raw: Mapping[str, Any],
    ) -> None:
        self.listener_set = listener_set
        self.total_count = total_count
        self.raw = raw


class DescribeBmForwardRulesResult(Model):
    """What DescribeBmForwardRules answers; `raw` is the whole response."""

    __slots__ = ("raw", "rule_set", "total_count")
    _fields = ("rule_set", "total_count")

    rule_set: list[DescribeBmForwardRulesRule]
    """List of returned forwarding rules."""

    total_count: int | None
    """Number of forwarding rules returned."""

    raw: Mapping[str, Any]
    """The decoded JSON response, as the server sent it."""

    def __init__(
        self,
        *,
        rule_set: list[DescribeBmForwardRulesRule],
        total_count: int | None = None,
        raw: Mapping[str, Any],
    ) -> None:
        self.rule_set = rule_set
        self.total_count = total_count
        self.raw = raw


class DescribeBmL4ListenerBackendsResult(Model):
    """What DescribeBmL4ListenerBackends answers; `raw` is the whole response."""

    __slots__ = ("data", "raw")
    _fields = ("data",)

    data: list[L4ListenerBackend]
    """Returned list of binding relationships."""

    raw: Mapping[str, Any]
    """The decoded JSON response, as the server sent it."""

    def __init__(
        self,
        *,
        data: list[L4ListenerBackend],
        raw: Mapping[str, Any],
    ) -> None:
        self.data = data
        self.raw = raw


class DescribeBmListenerInfoResult(Model):
    """What DescribeBmListenerInfo answers; `raw` is the whole response."""

    __slots__ = ("listener_set", "raw")
    _fields = ("listener_set",)

    listener_set: list[DescribeBmListenerInfoListener]
    """Returned list of layer-4 listeners."""

    raw: Mapping[str, Any]
    """The decoded JSON response, as the server sent it."""

    def __init__(
        self,
        *,
        listener_set: list[DescribeBmListenerInfoListener],
        raw: Mapping[str, Any],
    ) -> None:
        self.listener_set = listener_set
        self.raw = raw


class DescribeBmListenersResult(Model):
    """What DescribeBmListeners answers; `raw` is the whole response."""

    __slots__ = ("listener_set", "raw", "total_count")
    _fields = ("listener_set", "total_count")

    listener_set: list[DescribeBmListenersListener]
    """Listener information array."""

    total_count: int
    """Number of listeners in the listenerSet array."""

    raw: Mapping[str, Any]
    """The decoded JSON response, as the server sent it."""

    def __init__(
        self,
        *,
        listener_set: list[DescribeBmListenersListener],
        total_count: int,
        raw: Mapping[str, Any],
    ) -> None:
        self.listener_set = listener_set
        self.total_count = total_count
        self.raw = raw


class DescribeBmLoadBalancersResult(Model):
    """What DescribeBmLoadBalancers answers; `raw` is the whole response."""

    __slots__ = ("load_balancer_set", "raw", "total_count")
    _fields = ("load_balancer_set", "total_count")

    load_balancer_set: list[DescribeBmLoadBalancersLoadBalancer]
    """Returned array of load balancer instances."""

    total_count: int
    """The total number of load balancer instances meeting the filter criteria."""

    raw: Mapping[str, Any]
    """The decoded JSON response, as the server sent it."""

    def __init__(
        self,
        *,
        load_balancer_set: list[DescribeBmLoadBalancersLoadBalancer],
        total_count: int,
        raw: Mapping[str, Any],
    ) -> None:
        self.load_balancer_set = load_balancer_set
        self.total_count = total_count
        self.raw = raw


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


class DescribeBmLocationBackendsResult(Model):
    """What DescribeBmLocationBackends answers; `raw` is the whole response."""

    __slots__ = ("data", "raw")
    _fields = ("data",)

    data: list[LocationBackend]
    """Returned list of binding relationships."""

    raw: Mapping[str, Any]
    """The decoded JSON response, as the server sent it."""

    def __init__(
        self,
        *,
        data: list[LocationBackend],
        raw: Mapping[str, Any],
    ) -> None:
        self.data = data
        self.raw = raw


class DescribeBmVportInfoResult(Model):
    """What DescribeBmVportInfo answers; `raw` is the whole response."""

    __slots__ = ("listener_set", "raw", "total_count")
    _fields = ("listener_set", "total_count")

    listener_set: list[DescribeBmVportInfoListener]
    """List of returned listeners (4-layer and 7-layer)."""

    total_count: int | None
    """Number of listeners returned."""

    raw: Mapping[str, Any]
    """The decoded JSON response, as the server sent it."""

    def __init__(
        self,
        *,
        listener_set: list[DescribeBmVportInfoListener],
        total_count: int | None = None,
        raw: Mapping[str, Any],
    ) -> None:
        self.listener_set = listener_set
        self.total_count = total_count
        self.raw = raw


class GetBmCertDetailResult(Model):
    """What GetBmCertDetail answers; `raw` is the whole response."""

    __slots__ = ("data", "raw")
    _fields = ("data",)

    data: CertDetail
    """Returned object."""

    raw: Mapping[str, Any]
    """The decoded JSON response, as the server sent it."""

    def __init__(
        self,
        *,
        data: CertDetail,
        raw: Mapping[str, Any],
    ) -> None:
        self.data = data
        self.raw = raw


class InquiryBmLBPriceResult(Model):
    """What InquiryBmLBPrice answers; `raw` is the whole response."""

    __slots__ = ("price", "raw")
    _fields = ("price",)

    price: int
    """Price of the BM load balancer instance (in 0.01 CNY/day)."""

    raw: Mapping[str, Any]
    """The decoded JSON response, as the server sent it."""

    def __init__(
        self,
        *,
        price: int,
        raw: Mapping[str, Any],
    ) -> None:
        self.price = price
        self.raw = raw


class ModifyBmForwardListenerResult(Model):
    """What ModifyBmForwardListener answers; `raw` is the whole response."""

    __slots__ = ("raw", "request_id")
    _fields = ("request_id",)

    request_id: int
    """Task ID. This API is an asynchronous task. You can query task operation result by calling API DescribeBmLoadBalancersTaskResult based on this parameter"""

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


class ModifyBmForwardLocationResult(Model):
    """What ModifyBmForwardLocation answers; `raw` is the whole response."""

    __slots__ = ("raw", "request_id")
    _fields = ("request_id",)

    request_id: int
    """Task ID. This API is an asynchronous task. You can query task operation result by calling API DescribeBmLoadBalancersTaskResult based on this parameter"""

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


class ModifyBmL4ListenerBackendWeightResult(Model):
    """What ModifyBmL4ListenerBackendWeight answers; `raw` is the whole response."""

    __slots__ = ("raw",)
    _fields = ()

    raw: Mapping[str, Any]
    """The decoded JSON response, as the server sent it."""

    def __init__(
        self,
        *,
        raw: Mapping[str, Any],
    ) -> None:
        self.raw = raw


class ModifyBmListenerResult(Model):
    """What ModifyBmListener answers; `raw` is the whole response."""

    __slots__ = ("raw", "request_id")
    _fields = ("request_id",)

    request_id: int
    """Task ID. This API is an asynchronous task. You can query task operation result by calling API DescribeBmLoadBalancersTaskResult based on this parameter"""

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


class ModifyBmLoadBalancerAttributesResult(Model):
    """What ModifyBmLoadBalancerAttributes answers; `raw` is the whole response."""

    __slots__ = ("raw", "request_id")
    _fields = ("request_id",)

    request_id: int
    """Request task ID. The API is an asynchronous task. You can query the task execution result based on this parameter by calling API DescribeBmLoadBalancersTaskResult ."""

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


class ModifyBmLocationBackendPortResult(Model):
    """What ModifyBmLocationBackendPort answers; `raw` is the whole response."""

    __slots__ = ("raw",)
    _fields = ()

    raw: Mapping[str, Any]
    """The decoded JSON response, as the server sent it."""

    def __init__(
        self,
        *,
        raw: Mapping[str, Any],
    ) -> None:
        self.raw = raw


class ModifyBmLocationBackendWeightResult(Model):
    """What ModifyBmLocationBackendWeight answers; `raw` is the whole response."""

    __slots__ = ("raw",)
    _fields = ()

    raw: Mapping[str, Any]
    """The decoded JSON response, as the server sent it."""

    def __init__(
        self,
        *,
        raw: Mapping[str, Any],
    ) -> None:
        self.raw = raw


class ReplaceBmCertResult(Model):
    """What ReplaceBmCert answers; `raw` is the whole response."""

    __slots__ = ("data", "raw")
    _fields = ("data",)

    data: ReplaceBmCertData
    """Returned object."""

    raw: Mapping[str, Any]
    """The decoded JSON response, as the server sent it."""

    def __init__(
        self,
        *,
        data: ReplaceBmCertData,
        raw: Mapping[str, Any],
    ) -> None:
        self.data = data
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


class UnbindBmL4ListenerVmIpResult(Model):
    """What UnbindBmL4ListenerVmIp answers; `raw` is the whole response."""

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


class UnbindBmL7LocationVmIpResult(Model):
    """What UnbindBmL7LocationVmIp answers; `raw` is the whole response."""

    __slots__ = ("raw",)
    _fields = ()

    raw: Mapping[str, Any]
    """The decoded JSON response, as the server sent it."""

    def __init__(
        self,
        *,
        raw: Mapping[str, Any],
    ) -> None:
        self.raw = raw


class UnbindBmLocationInstancesResult(Model):
    """What UnbindBmLocationInstances answers; `raw` is the whole response."""

    __slots__ = ("raw",)
    _fields = ()

    raw: Mapping[str, Any]
    """The decoded JSON response, as the server sent it."""

    def __init__(
        self,
        *,
        raw: Mapping[str, Any],
    ) -> None:
        self.raw = raw


class UploadBmCertResult(Model):
    """What UploadBmCert answers; `raw` is the whole response."""

    __slots__ = ("data", "raw")
    _fields = ("data",)

    data: UploadBmCertData
    """Returned object."""

    raw: Mapping[str, Any]
    """The decoded JSON response, as the server sent it."""

    def __init__(
        self,
        *,
        data: UploadBmCertData,
        raw: Mapping[str, Any],
    ) -> None:
        self.data = data
        self.raw = raw
