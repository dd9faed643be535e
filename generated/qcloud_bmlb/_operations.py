"""The actions of the BM Load Balancer API as data: each one's parameters and their rules, and the shape of its answer (see ``_shapes``). Generated from spec/ by `python -m generator`; do not edit."""

from __future__ import annotations

from ._shapes import Array, Int, Operation, String, Struct, TaskInfo

BIND_BM_L4_LISTENER_RS = Operation(
    "BindBmL4ListenerRs",
    params=(
        String("load_balancer_id", "loadBalancerId", max_length=64),
        String("listener_id", "listenerId", max_length=64),
        Array(
            "backends",
            "backends",
            Struct(
                "BindBmL4ListenerRsBackend",
                (
                    Int("port", "port", minimum=1, maximum=65535),
                    Int("probe_port", "probePort", required=False, minimum=1, maximum=65535),
                    String("instance_id", "instanceId", max_length=64),
                    Int("weight", "weight", minimum=0, maximum=100),
                ),
            ),
            min_items=1,
            max_items=255,
            unique=("instance_id", "port"),
        ),
    ),
    result=Struct("BindBmL4ListenerRsResult", (Int("request_id", "requestId"),)),
    errors=(9003, 9006, 11041, 12003, 12013, 14100, 30011, -21001, -12023, -12021, -21000, -12022),
    task_id="request_id",
)

BIND_BM_L4_LISTENER_VM_IP = Operation(
    "BindBmL4ListenerVmIp",
    params=(
        String("load_balancer_id", "loadBalancerId", max_length=64),
        String("listener_id", "listenerId", max_length=64),
        Array(
            "vm_list",
            "vmList",
            Struct(
                "BindBmL4ListenerVmIpVm",
                (
                    Int("port", "port", minimum=1, maximum=65535),
                    Int("probe_port", "probePort", required=False, minimum=1, maximum=65535),
                    String("vm_ip", "vmIp", max_length=64),
                    Int("weight", "weight", minimum=0, maximum=100),
                ),
            ),
            min_items=1,
            max_items=255,
            unique=("vm_ip", "port"),
        ),
    ),
    result=Struct("BindBmL4ListenerVmIpResult", (Int("request_id", "requestId"),)),
    errors=(
        9003,
        9006,
        11041,
        12003,
        -21001,
        -12023,
        -12021,
        12013,
        11060,
        28000,
        14100,
        -12022,
        -12024,
    ),
    task_id="request_id",
)

BIND_BM_L7_LOCATION_VM_IP = Operation(
    "BindBmL7LocationVmIp",
    params=(
        String("load_balancer_id", "loadBalancerId", max_length=64),
        String("listener_id", "listenerId", max_length=64),
        String("domain_id", "domainId", max_length=64),
        String("location_id", "locationId", max_length=64),
        Array(
            "vm_list",
            "vmList",
            Struct(
                "BindBmL7LocationVmIpVm",
                (
                    Int("port", "port", minimum=1, maximum=65535),
                    String("vm_ip", "vmIp", max_length=64),
                    Int("weight", "weight", minimum=0, maximum=100),
                ),
            ),
            min_items=1,
            max_items=255,
            unique=("vm_ip", "port"),
        ),
    ),
    result=Struct("BindBmL7LocationVmIpResult", ()),
    errors=(9003, 9006, 11041, 12003, -21001, 12013, 11060, 28000, 14100, -12024, -12025),
)

BIND_BM_LOCATION_INSTANCES = Operation(
    "BindBmLocationInstances",
    params=(
        String("load_balancer_id", "loadBalancerId", max_length=64),
        String("listener_id", "listenerId", max_length=64),
        String("domain_id", "domainId", max_length=64),
        String("location_id", "locationId", max_length=64),
        Array(
            "backends",
            "backends",
            Struct(
                "BindBmLocationInstancesBackend",
                (
                    Int("port", "port", minimum=1, maximum=65535),
                    String("instance_id", "instanceId", max_length=64),
                    Int("weight", "weight", minimum=0, maximum=100),
                ),
            ),
            min_items=1,
            max_items=255,
            unique=("instance_id", "port"),
        ),
    ),
    result=Struct("BindBmLocationInstancesResult", ()),
    errors=(9003, 9006, 11041, 12003, -21001, -21000, 12013, 11060, 28000, 14100, 30011),
)

CREATE_BM_FORWARD_LISTENERS = Operation(
    "CreateBmForwardListeners",
    params=(
        String("load_balancer_id", "loadBalancerId", max_length=64),
        Array(
            "listeners",
            "listeners",
            Struct(
                "CreateBmForwardListenersListener",
                (
                    Int("load_balancer_port", "loadBalancerPort", minimum=1, maximum=65535),
                    String("protocol", "protocol", choices=("http", "https")),
                    String("listener_name", "listenerName"),
                    Int("ssl_mode", "SSLMode", required=False, choices=(0, 1, 2)),
                    String("cert_id", "certId", required=False, max_length=64),
                    String("cert_name", "certName", required=False),
                    String("cert_content", "certContent", required=False, multiline=True),
                    String("cert_key", "certKey", required=False, multiline=True),
                    String("cert_ca_id", "certCaId", required=False, max_length=64),
                    String("cert_ca_name", "certCaName", required=False),
                    String("cert_ca_content", "certCaContent", required=False, multiline=True),
                    Int("bandwidth", "bandwidth", required=False, minimum=0, maximum=1000),
                ),
            ),
            min_items=1,
            max_items=50,
        ),
    ),
    result=Struct(
        "CreateBmForwardListenersResult", (Array("listener_ids", "listenerIds", String()),)
    ),
    errors=(9003, 9006, 11041, 12003, 12014, -12013, -20002, -20000, -12020),
)

CREATE_BM_FORWARD_RULES = Operation(
    "CreateBmForwardRules",
    params=(
        String("load_balancer_id", "loadBalancerId", max_length=64),
        String("listener_id", "listenerId", max_length=64),
        Array(
            "rules",
            "rules",
            Struct(
                "CreateBmForwardRulesRule",
                (
                    String("domain", "domain"),
                    String("url", "url"),
                    Int("session_expire", "sessionExpire", required=False, minimum=0, maximum=3600),
                    Int("health_switch", "healthSwitch", required=False, choices=(1, 0)),
                    Int("interval_time", "intervalTime", required=False, minimum=5, maximum=300),
                    Int("health_num", "healthNum", required=False, minimum=2, maximum=10),
                    Int("unhealth_num", "unhealthNum", required=False, minimum=2, maximum=10),
                    Int("http_code", "httpCode", required=False, minimum=0, maximum=31),
                    String("http_check_path", "httpCheckPath", required=False),
                    String("http_check_domain", "httpCheckDomain", required=False),
                    String(
                        "balance_mode", "balanceMode", required=False, choices=("ip_hash", "wrr")
                    ),
                ),
            ),
            min_items=1,
            max_items=5000,
        ),
    ),
    result=Struct("CreateBmForwardRulesResult", (Int("request_id", "requestId"),)),
    errors=(
        9003,
        9006,
        11041,
        12003,
        -12000,
        -12010,
        -12011,
        -12007,
        -12008,
        -12015,
        -12016,
        -12017,
        -12019,
    ),
    task_id="request_id",
)

CREATE_BM_LISTENERS = Operation(
    "CreateBmListeners",
    params=(
        String("load_balancer_id", "loadBalancerId", max_length=64),
        Array(
            "listeners",
            "listeners",
            Struct(
                "CreateBmListenersListener",
                (
                    Int("load_balancer_port", "loadBalancerPort", minimum=1, maximum=65535),
                    String("protocol", "protocol", choices=("tcp", "udp")),
                    String("listener_name", "listenerName"),
                    Int(
                        "session_expire", "sessionExpire", required=False, minimum=900, maximum=3600
                    ),
                    Int("health_switch", "healthSwitch", required=False, choices=(1, 0)),
                    Int("time_out", "timeOut", required=False, minimum=2, maximum=60),
                    Int("interval_time", "intervalTime", required=False, minimum=5, maximum=300),
                    Int("health_num", "healthNum", required=False, minimum=2, maximum=10),
                    Int("unhealth_num", "unhealthNum", required=False, minimum=2, maximum=10),
                    Int("bandwidth", "bandwidth", required=False, minimum=0, maximum=1000),
                    Int(
                        "custom_health_switch", "customHealthSwitch", required=False, choices=(1, 0)
                    ),
                    String(
                        "input_type", "inputType", required=False, choices=("text", "hexadecimal")
                    ),
                    Int(
                        "line_separator_type",
                        "lineSeparatorType",
                        required=False,
                        choices=(1, 2, 3),
                    ),
                    String("health_request", "healthRequest", required=False, multiline=True),
                    String("health_response", "healthResponse", required=False, multiline=True),
                    Int("toa_flag", "toaFlag", required=False, choices=(0, 1)),
                ),
            ),
            min_items=1,
            max_items=50,
        ),
    ),
    result=Struct("CreateBmListenersResult", (Int("request_id", "requestId"),)),
    errors=(9003, 9006, 11041, 12003, 12014, -12013),
    task_id="request_id",
)

CREATE_BM_LOAD_BALANCER = Operation(
    "CreateBmLoadBalancer",
    params=(
        String("un_vpc_id", "unVpcId", max_length=64),
        String("load_balancer_type", "loadBalancerType", choices=("open", "internal")),
        String("un_subnet_id", "unSubnetId", required=False, max_length=64),
        Int("project_id", "projectId", required=False),
        Int("goods_num", "goodsNum", required=False, minimum=1, maximum=20),
        String("pay_mode", "payMode", required=False, choices=("flow", "bandwidth")),
        String("tgw_set_type", "tgwSetType", required=False, choices=("tunnel", "fullnat", "dnat")),
        Int("exclusive", "exclusive", required=False, choices=(0, 1, 2, 3, 4)),
        Array("specified_vips", "specifiedVips", String(), required=False, max_items=20),
        Array("bz_conf", "bzConf", String(), required=False),
        String("ip_protocol_type", "ipProtocolType", required=False, choices=("ipv4", "ipv6")),
    ),
    result=Struct(
        "CreateBmLoadBalancerResult", (Array("load_balancer_ids", "loadBalancerIds", String()),)
    ),
    errors=(9003, 9006, 12010, 12011, 20002),
)

DELETE_BM_FORWARD_DOMAINS = Operation(
    "DeleteBmForwardDomains",
    params=(
        String("load_balancer_id", "loadBalancerId", max_length=64),
        String("listener_id", "listenerId", max_length=64),
        Array("domain_ids", "domainIds", String(max_length=64), min_items=1),
    ),
    result=Struct("DeleteBmForwardDomainsResult", (Int("request_id", "requestId"),)),
    errors=(9003, 9006, 11041, 12003, -12000, -12010, -12003, -12011),
    task_id="request_id",
)

DELETE_BM_FORWARD_RULES = Operation(
    "DeleteBmForwardRules",
    params=(
        String("load_balancer_id", "loadBalancerId", max_length=64),
        String("listener_id", "listenerId", max_length=64),
        String("domain_id", "domainId", max_length=64),
        Array("location_ids", "locationIds", String(max_length=64), min_items=1),
    ),
    result=Struct("DeleteBmForwardRulesResult", (Int("request_id", "requestId"),)),
    errors=(9003, 9006, 11041, 12003, -12000, -12010, -12003, -12011),
    task_id="request_id",
)

DELETE_BM_LISTENERS = Operation(
    "DeleteBmListeners",
    params=(
        String("load_balancer_id", "loadBalancerId", max_length=64),
        Array("listener_ids", "listenerIds", String(max_length=64), min_items=1),
    ),
    result=Struct("DeleteBmListenersResult", (Int("request_id", "requestId"),)),
    errors=(9003, 9006, 11041, 12003, -12023),
    task_id="request_id",
)

DELETE_BM_LOAD_BALANCERS = Operation(
    "DeleteBmLoadBalancers",
    params=(String("load_balancer_id", "loadBalancerId", max_length=64),),
    result=Struct("DeleteBmLoadBalancersResult", (Int("request_id", "requestId"),)),
    errors=(9003, 9006, 11041, 12003),
    task_id="request_id",
)

DESCRIBE_BM_BIND_INFO = Operation(
    "DescribeBmBindInfo",
    params=(
        Array("instance_ids", "instanceIds", String(max_length=64), min_items=1),
        Int("vpc_id", "vpcId", required=False),
        String("un_vpc_id", "unVpcId", required=False, max_length=64),
    ),
    result=Struct(
        "DescribeBmBindInfoResult",
        (
            Array(
                "load_balancer_set",
                "loadBalancerSet",
                Struct(
                    "DescribeBmBindInfoLoadBalancer",
                    (
                        String("load_balancer_id", "loadBalancerId"),
                        Int("app_id", "appId"),
                        Int("project_id", "projectId"),
                        Int("vpc_id", "vpcId"),
                        String("un_vpc_id", "unVpcId"),
                        String("vip", "vip"),
                        String("tgw_set_type", "tgwSetType"),
                        Int("exclusive", "exclusive"),
                        Array(
                            "l4_listener_set",
                            "L4ListenerSet",
                            Struct(
                                "DescribeBmBindInfoL4Listener",
                                (
                                    String("listener_id", "listenerId"),
                                    String("listener_name", "listenerName", required=False),
                                    String("protocol", "protocol"),
                                    Int("load_balancer_port", "loadBalancerPort"),
                                    Array(
                                        "rs_list",
                                        "rsList",
                                        Struct(
                                            "BindInfoBackend",
                                            (
                                                String("instance_id", "instanceId"),
                                                Int("rs_port", "rsPort"),
                                            ),
                                        ),
                                    ),
                                ),
                            ),
                        ),
                        Array(
                            "l7_listener_set",
                            "L7ListenerSet",
                            Struct(
                                "DescribeBmBindInfoL7Listener",
                                (
                                    String("listener_id", "listenerId"),
                                    String("listener_name", "listenerName", required=False),
                                    String("protocol", "protocol"),
                                    Int("load_balancer_port", "loadBalancerPort"),
                                    Array(
                                        "rule_set",
                                        "ruleSet",
                                        Struct(
                                            "DescribeBmBindInfoRule",
                                            (
                                                String("domain", "domain"),
                                                String("domain_id", "domainId"),
                                                Array(
                                                    "locations",
                                                    "locations",
                                                    Struct(
                                                        "DescribeBmBindInfoLocation",
                                                        (
                                                            String("url", "url"),
                                                            String("location_id", "locationId"),
                                                            Array(
                                                                "rs_list",
                                                                "rsList",
                                                                Struct(
                                                                    "BindInfoBackend",
                                                                    (
                                                                        String(
                                                                            "instance_id",
                                                                            "instanceId",
                                                                        ),
                                                                        Int("rs_port", "rsPort"),
                                                                    ),
                                                                ),
                                                            ),
                                                        ),
                                                    ),
                                                ),
                                            ),
                                        ),
                                    ),
                                ),
                            ),
                        ),
                    ),
                ),
            ),
            Int("total_count", "totalCount", required=False),
        ),
    ),
    errors=(9003, 9006),
    idempotent=True,
)

DESCRIBE_BM_FORWARD_LISTENER_INFO = Operation(
    "DescribeBmForwardListenerInfo",
    params=(
        String("load_balancer_id", "loadBalancerId", max_length=64),
        String("search_key", "searchKey", required=False),
        Array("instance_ids", "instanceIds", String(max_length=64), required=False),
        Int("if_get_rs_info", "ifGetRsInfo", required=False),
    ),
    result=Struct(
        "DescribeBmForwardListenerInfoResult",
        (
            Array(
                "listener_set",
                "listenerSet",
                Struct(
                    "DescribeBmForwardListenerInfoListener",
                    (
                        String("listener_id", "listenerId"),
                        String("listener_name", "listenerName"),
                        String("protocol", "protocol"),
                        Int("load_balancer_port", "loadBalancerPort"),
                        Int("bandwidth", "bandwidth"),
                        String("listener_type", "listenerType"),
                        Int("ssl_mode", "SSLMode"),
                        String("cert_id", "certId"),
                        String("cert_ca_id", "certCaId"),
                        Int("status", "status"),
                        String("add_timestamp", "addTimestamp"),
                        Array(
                            "rule_set",
                            "ruleSet",
                            Struct(
                                "DescribeBmForwardListenerInfoRule",
                                (
                                    String("domain", "domain"),
                                    String("domain_id", "domainId"),
                                    Int("status", "status"),
                                    String("add_timestamp", "addTimestamp"),
                                    Array(
                                        "locations",
                                        "locations",
                                        Struct(
                                            "DescribeBmForwardListenerInfoLocation",
                                            (
                                                String("url", "url"),
                                                String("location_id", "locationId"),
                                                Int("session_expire", "sessionExpire"),
                                                Int("health_switch", "healthSwitch"),
                                                String("http_check_path", "httpCheckPath"),
                                                String(
                                                    "http_check_domain",
                                                    "httpCheckDomain",
                                                    required=False,
                                                ),
                                                Int("interval_time", "intervalTime"),
                                                Int("health_num", "healthNum"),
                                                Int("unhealth_num", "unhealthNum"),
                                                Int("http_code", "httpCode"),
                                                String("balance_mode", "balanceMode"),
                                                Int("status", "status"),
                                                String("add_timestamp", "addTimestamp"),
                                                Array(
                                                    "rs_list",
                                                    "rsList",
                                                    Struct(
                                                        "DescribeBmForwardListenerInfoBackend",
                                                        (
                                                            Int(
                                                                "bind_type",
                                                                "bindType",
                                                                required=False,
                                                            ),
                                                            Int("rs_port", "rsPort"),
                                                            Int("weight", "weight"),
                                                            String("status", "status"),
                                                            String(
                                                                "instance_id",
                                                                "instanceId",
                                                                required=False,
                                                            ),
                                                            String(
                                                                "alias", "alias", required=False
                                                            ),
                                                            String(
                                                                "lan_ip", "lanIp", required=False
                                                            ),
                                                        ),
                                                    ),
                                                ),
                                            ),
                                        ),
                                    ),
                                ),
                            ),
                        ),
                    ),
                ),
            ),
            Int("total_count", "totalCount", required=False),
        ),
    ),
    errors=(9003, 9006, 11041),
    idempotent=True,
)

DESCRIBE_BM_FORWARD_LISTENERS = Operation(
    "DescribeBmForwardListeners",
    params=(
        String("load_balancer_id", "loadBalancerId", max_length=64),
        Array("listener_ids", "listenerIds", String(max_length=64), required=False),
    ),
    result=Struct(
        "DescribeBmForwardListenersResult",
        (
            Array(
                "listener_set",
                "listenerSet",
                Struct(
                    "DescribeBmForwardListenersListener",
                    (
                        String("listener_id", "listenerId"),
                        String("listener_name", "listenerName"),
                        String("protocol", "protocol"),
                        Int("load_balancer_port", "loadBalancerPort"),
                        Int("bandwidth", "bandwidth"),
                        String("listener_type", "listenerType"),
                        Int("ssl_mode", "SSLMode"),
                        String("cert_id", "certId"),
                        String("cert_ca_id", "certCaId"),
                        Int("status", "status"),
                        String("add_timestamp", "addTimestamp"),
                    ),
                ),
            ),
            Int("total_count", "totalCount", required=False),
        ),
    ),
    errors=(9003, 9006),
    idempotent=True,
)

DESCRIBE_BM_FORWARD_RULES = Operation(
    "DescribeBmForwardRules",
    params=(
        String("load_balancer_id", "loadBalancerId", max_length=64),
        String("listener_id", "listenerId", max_length=64),
        Array("domain_ids", "domainIds", String(max_length=64), required=False),
    ),
    result=Struct(
        "DescribeBmForwardRulesResult",
        (
            Array(
                "rule_set",
                "ruleSet",
                Struct(
                    "DescribeBmForwardRulesRule",
                    (
                        String("domain", "domain"),
                        String("domain_id", "domainId"),
                        Int("status", "status"),
                        String("add_timestamp", "addTimestamp"),
                        Array(
                            "locations",
                            "locations",
                            Struct(
                                "DescribeBmForwardRulesLocation",
                                (
                                    String("url", "url"),
                                    String("location_id", "locationId"),
                                    Int("session_expire", "sessionExpire"),
                                    Int("health_switch", "healthSwitch"),
                                    String("http_check_path", "httpCheckPath"),
                                    String("http_check_domain", "httpCheckDomain"),
                                    Int("interval_time", "intervalTime"),
                                    Int("health_num", "healthNum"),
                                    Int("unhealth_num", "unhealthNum"),
                                    Int("http_code", "httpCode"),
                                    String("balance_mode", "balanceMode"),
                                    Int("status", "status"),
                                    String("add_timestamp", "addTimestamp"),
                                ),
                            ),
                        ),
                    ),
                ),
            ),
            Int("total_count", "totalCount", required=False),
        ),
    ),
    errors=(9003, 9006),
    idempotent=True,
)

DESCRIBE_BM_L4_LISTENER_BACKENDS = Operation(
    "DescribeBmL4ListenerBackends",
    params=(
        String("load_balancer_id", "loadBalancerId", max_length=64),
        String("listener_id", "listenerId", max_length=64),
        Array(
            "backends",
            "backends",
            Struct(
                "DescribeBmL4ListenerBackendsBackend",
                (
                    Int("port", "port", minimum=1, maximum=65535),
                    String("instance_id", "instanceId", max_length=64),
                ),
            ),
            required=False,
        ),
    ),
    result=Struct(
        "DescribeBmL4ListenerBackendsResult",
        (
            Array(
                "data",
                "data",
                Struct(
                    "L4ListenerBackend",
                    (
                        Int("bind_type", "bindType"),
                        Int("rs_port", "rsPort"),
                        Int("weight", "weight"),
                        String("status", "status"),
                        String("instance_id", "instanceId", required=False),
                        String("alias", "alias", required=False),
                        String("lan_ip", "lanIp", required=False),
                        Array("operates", "operates", String(), required=False),
                    ),
                ),
            ),
        ),
    ),
    errors=(9003, 9006, 11041, 11060, 14100),
    idempotent=True,
)

DESCRIBE_BM_LISTENER_INFO = Operation(
    "DescribeBmListenerInfo",
    params=(
        String("load_balancer_id", "loadBalancerId", max_length=64),
        String("search_key", "searchKey", required=False),
        Array("instance_ids", "instanceIds", String(max_length=64), required=False),
    ),
    result=Struct(
        "DescribeBmListenerInfoResult",
        (
            Array(
                "listener_set",
                "listenerSet",
                Struct(
                    "DescribeBmListenerInfoListener",
                    (
                        String("listener_id", "listenerId"),
                        String("listener_name", "listenerName"),
                        String("protocol", "protocol"),
                        Int("load_balancer_port", "loadBalancerPort"),
                        Int("bandwidth", "bandwidth"),
                        String("listener_type", "listenerType"),
                        Int("session_expire", "sessionExpire"),
                        Int("health_switch", "healthSwitch"),
                        Int("time_out", "timeOut"),
                        Int("interval_time", "intervalTime"),
                        Int("health_num", "healthNum"),
                        Int("unhealth_num", "unhealthNum"),
                        Int("status", "status"),
                        String("add_timestamp", "addTimestamp"),
                    ),
                ),
            ),
        ),
    ),
    errors=(9003, 9006, 11041),
    idempotent=True,
)

DESCRIBE_BM_LISTENERS = Operation(
    "DescribeBmListeners",
    params=(
        String("load_balancer_id", "loadBalancerId", max_length=64),
        Array("listener_ids", "listenerIds", String(max_length=64), required=False),
    ),
    result=Struct(
        "DescribeBmListenersResult",
        (
            Array(
                "listener_set",
                "listenerSet",
                Struct(
                    "DescribeBmListenersListener",
                    (
                        String("listener_id", "listenerId"),
                        String("listener_name", "listenerName"),
                        String("protocol", "protocol"),
                        Int("load_balancer_port", "loadBalancerPort"),
                        Int("bandwidth", "bandwidth"),
                        String("listener_type", "listenerType"),
                        Int("session_expire", "sessionExpire"),
                        Int("health_switch", "healthSwitch"),
                        Int("time_out", "timeOut"),
                        Int("interval_time", "intervalTime"),
                        Int("health_num", "healthNum"),
                        Int("unhealth_num", "unhealthNum"),
                        Int("custom_health_switch", "customHealthSwitch"),
                        String("input_type", "inputType"),
                        Int("line_separator_type", "lineSeparatorType"),
                        String("health_request", "healthRequest"),
                        String("health_response", "healthResponse"),
                        Int("toa_flag", "toaFlag"),
                        Int("status", "status"),
                        String("add_timestamp", "addTimestamp"),
                    ),
                ),
            ),
            Int("total_count", "totalCount"),
        ),
    ),
    errors=(9003, 9006, 11041),
    idempotent=True,
)

DESCRIBE_BM_LOAD_BALANCERS = Operation(
    "DescribeBmLoadBalancers",
    params=(
        Array("load_balancer_ids", "loadBalancerIds", String(max_length=64), required=False),
        String(
            "load_balancer_type", "loadBalancerType", required=False, choices=("open", "internal")
        ),
        String("load_balancer_name", "loadBalancerName", required=False),
        String("domain", "domain", required=False, max_length=60),
        Array("load_balancer_vips", "loadBalancerVips", String(), required=False),
        Int("offset", "offset", required=False),
        Int("limit", "limit", required=False),
        String("search_key", "searchKey", required=False),
        String(
            "order_by",
            "orderBy",
            required=False,
            choices=("loadBalancerName", "createTime", "domain", "loadBalancerType"),
        ),
        Int("order_type", "orderType", required=False, choices=(1, 0)),
        Int("project_id", "projectId", required=False),
        Int("exclusive", "exclusive", required=False),
        String("tgw_set_type", "tgwSetType", required=False, choices=("tunnel", "fullnat")),
        String("un_vpc_id", "unVpcId", required=False, max_length=64),
    ),
    result=Struct(
        "DescribeBmLoadBalancersResult",
        (
            Array(
                "load_balancer_set",
                "loadBalancerSet",
                Struct(
                    "DescribeBmLoadBalancersLoadBalancer",
                    (
                        String("load_balancer_id", "loadBalancerId"),
                        String("load_balancer_name", "loadBalancerName"),
                        String("load_balancer_type", "loadBalancerType"),
                        String("domain", "domain"),
                        Array("load_balancer_vips", "loadBalancerVips", String()),
                        Int("status", "status"),
                        String("create_time", "createTime"),
                        String("status_time", "statusTime"),
                        String("un_vpc_id", "unVpcId"),
                        String("un_subnet_id", "unSubnetId"),
                        Int("vpc_id", "vpcId"),
                        Int("subnet_id", "subnetId"),
                        Int("project_id", "projectId"),
                        String("latest_pay_mode", "latestPayMode"),
                        String("pay_mode", "payMode"),
                        Int("bandwidth", "bandwidth"),
                        String("tgw_set_type", "tgwSetType"),
                        String("ip_protocol_type", "ipProtocolType", required=False),
                    ),
                ),
            ),
            Int("total_count", "totalCount"),
        ),
    ),
    errors=(9003, 9006),
    idempotent=True,
    pages=("offset", "limit", "total_count", "load_balancer_set"),
)

DESCRIBE_BM_LOAD_BALANCERS_TASK_RESULT = Operation(
    "DescribeBmLoadBalancersTaskResult",
    params=(Int("request_id", "requestId"),),
    result=Struct(
        "DescribeBmLoadBalancersTaskResult", (Int("status", "data.status", enum="TaskStatus"),)
    ),
    idempotent=True,
)

DESCRIBE_BM_LOCATION_BACKENDS = Operation(
    "DescribeBmLocationBackends",
    params=(
        String("load_balancer_id", "loadBalancerId", max_length=64),
        String("listener_id", "listenerId", max_length=64),
        String("domain_id", "domainId", max_length=64),
        String("location_id", "locationId", max_length=64),
        Int("offset", "offset", required=False),
        Int("limit", "limit", required=False),
    ),
    result=Struct(
        "DescribeBmLocationBackendsResult",
        (
            Array(
                "data",
                "data",
                Struct(
                    "LocationBackend",
                    (
                        Int("bind_type", "bindType"),
                        Int("rs_port", "rsPort"),
                        Int("weight", "weight"),
                        String("status", "status"),
                        String("instance_id", "instanceId", required=False),
                        String("alias", "alias", required=False),
                        String("lan_ip", "lanIp", required=False),
                        String("mgt_ip", "mgtIp", required=False),
                        Array("operates", "operates", String(), required=False),
                    ),
                ),
            ),
        ),
    ),
    errors=(9003, 9006, 11041, 11060, 14100),
    idempotent=True,
)

DESCRIBE_BM_VPORT_INFO = Operation(
    "DescribeBmVportInfo",
    params=(String("load_balancer_id", "loadBalancerId", max_length=64),),
    result=Struct(
        "DescribeBmVportInfoResult",
        (
            Array(
                "listener_set",
                "listenerSet",
                Struct(
                    "DescribeBmVportInfoListener",
                    (
                        String("listener_id", "listenerId"),
                        String("listener_name", "listenerName"),
                        String("protocol", "protocol"),
                        Int("load_balancer_port", "loadBalancerPort"),
                        Int("bandwidth", "bandwidth"),
                        Int("status", "status"),
                    ),
                ),
            ),
            Int("total_count", "totalCount", required=False),
        ),
    ),
    errors=(9003, 9006, 11041),
    idempotent=True,
)

GET_BM_CERT_DETAIL = Operation(
    "GetBmCertDetail",
    params=(String("cert_id", "certId", max_length=64),),
    result=Struct(
        "GetBmCertDetailResult",
        (
            Struct(
                "CertDetail",
                (
                    String("cert_id", "certId"),
                    String("cert_name", "certName"),
                    String("cert_type", "certType"),
                    String("cert_content", "certContent"),
                    String("cert_domain", "certDomain"),
                    Array("cert_subject_domain", "certSubjectDomain", String()),
                    String("cert_upload_time", "certUploadTime"),
                    String("cert_begin_time", "certBeginTime"),
                    String("cert_end_time", "certEndTime"),
                    Array(
                        "cert_lb_list",
                        "certLBList",
                        Struct(
                            "GetBmCertDetailLoadBalancer",
                            (
                                String("lb_id", "lbId"),
                                String("lb_name", "lbName"),
                                Int("vpc_id", "vpcId"),
                                Int("region_id", "regionId"),
                            ),
                        ),
                    ),
                ),
                "data",
                "data",
            ),
        ),
    ),
    errors=(9003, 9006, -20000),
    idempotent=True,
)

INQUIRY_BM_LB_PRICE = Operation(
    "InquiryBmLBPrice",
    params=(String("load_balancer_type", "loadBalancerType", choices=("open", "internal")),),
    result=Struct("InquiryBmLBPriceResult", (Int("price", "price"),)),
    errors=(9009, 100001, 100004, 500008, 700104, 700108, 700102),
    idempotent=True,
)

MODIFY_BM_FORWARD_LISTENER = Operation(
    "ModifyBmForwardListener",
    params=(
        String("load_balancer_id", "loadBalancerId", max_length=64),
        String("listener_id", "listenerId", max_length=64),
        String("listener_name", "listenerName", required=False),
        Int("ssl_mode", "sslMode", required=False, choices=(0, 1, 2)),
        String("cert_id", "certId", required=False, max_length=64),
        String("cert_name", "certName", required=False),
        String("cert_content", "certContent", required=False, multiline=True),
        String("cert_key", "certKey", required=False, multiline=True),
        String("cert_ca_id", "certCaId", required=False, max_length=64),
        String("cert_ca_name", "certCaName", required=False),
        String("cert_ca_content", "certCaContent", required=False, multiline=True),
        Int("bandwidth", "bandwidth", required=False, minimum=0, maximum=1000),
    ),
    result=Struct("ModifyBmForwardListenerResult", (Int("request_id", "requestId"),)),
    errors=(9003, 9006, 11041, 12003, -12000, -12010, -20002, -20000, -12020),
    task_id="request_id",
)

MODIFY_BM_FORWARD_LOCATION = Operation(
    "ModifyBmForwardLocation",
    params=(
        String("load_balancer_id", "loadBalancerId", max_length=64),
        String("listener_id", "listenerId", max_length=64),
        Array(
            "rules",
            "rules",
            Struct(
                "ModifyBmForwardLocationRule",
                (
                    String("domain_id", "domainId", max_length=64),
                    String("location_id", "locationId", max_length=64),
                    String("url", "url", required=False),
                    Int("session_expire", "sessionExpire", required=False, minimum=0, maximum=3600),
                    Int("health_switch", "healthSwitch", required=False, choices=(1, 0)),
                    Int("interval_time", "intervalTime", required=False, minimum=5, maximum=300),
                    Int("health_num", "healthNum", required=False, minimum=2, maximum=10),
                    Int("unhealth_num", "unhealthNum", required=False, minimum=2, maximum=10),
                    Int("http_code", "httpCode", required=False, minimum=0, maximum=31),
                    String("http_check_path", "httpCheckPath", required=False),
                    String("http_check_domain", "httpCheckDomain", required=False),
                    String(
                        "balance_mode", "balanceMode", required=False, choices=("ip_hash", "wrr")
                    ),
                ),
            ),
            min_items=1,
        ),
    ),
    result=Struct("ModifyBmForwardLocationResult", (Int("request_id", "requestId"),)),
    errors=(9003, 9006, 11041, 12003, -12000, -12010, -12003, -12011, -12015, -12017),
    idempotent=True,
    task_id="request_id",
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

MODIFY_BM_L4_LISTENER_BACKEND_WEIGHT = Operation(
    "ModifyBmL4ListenerBackendWeight",
    params=(
        String("load_balancer_id", "loadBalancerId", max_length=64),
        String("listener_id", "listenerId", max_length=64),
        String("instance_id", "instanceId", max_length=64),
        Int("weight", "weight", minimum=0, maximum=100),
        Int("port", "port", minimum=1, maximum=65535),
    ),
    result=Struct("ModifyBmL4ListenerBackendWeightResult", ()),
    errors=(9003, 9006, 11041, 12003, 11060, 14100, 30011),
    idempotent=True,
)

MODIFY_BM_LISTENER = Operation(
    "ModifyBmListener",
    params=(
        String("load_balancer_id", "loadBalancerId", max_length=64),
        String("listener_id", "listenerId", max_length=64),
        String("listener_name", "listenerName", required=False),
        Int("session_expire", "sessionExpire", required=False, minimum=900, maximum=3600),
        Int("health_switch", "healthSwitch", required=False, choices=(1, 0)),
        Int("time_out", "timeOut", required=False, minimum=2, maximum=60),
        Int("interval_time", "intervalTime", required=False, minimum=5, maximum=300),
        Int("health_num", "healthNum", required=False, minimum=2, maximum=10),
        Int("unhealth_num", "unhealthNum", required=False, minimum=2, maximum=10),
        Int("bandwidth", "bandwidth", required=False, minimum=0, maximum=1000),
        Int("custom_health_switch", "customHealthSwitch", required=False, choices=(1, 0)),
        String("input_type", "inputType", required=False, choices=("text", "hexadecimal")),
        Int("line_separator_type", "lineSeparatorType", required=False, choices=(1, 2, 3)),
        String("health_request", "healthRequest", required=False, multiline=True),
        String("health_response", "healthResponse", required=False, multiline=True),
        Int("toa_flag", "toaFlag", required=False, choices=(0, 1)),
    ),
    result=Struct("ModifyBmListenerResult", (Int("request_id", "requestId"),)),
    errors=(9003, 9006, 11041, 12003, -21001, -12023, -12021),
    idempotent=True,
    task_id="request_id",
)

MODIFY_BM_LOAD_BALANCER_ATTRIBUTES = Operation(
    "ModifyBmLoadBalancerAttributes",
    params=(
        String("load_balancer_id", "loadBalancerId", max_length=64),
        String("load_balancer_name", "loadBalancerName", required=False, max_length=20),
        String("domain_prefix", "domainPrefix", required=False, max_length=20),
    ),
    result=Struct("ModifyBmLoadBalancerAttributesResult", (Int("request_id", "requestId"),)),
    errors=(9003, 9006),
    idempotent=True,
    task_id="request_id",
)

MODIFY_BM_LOCATION_BACKEND_PORT = Operation(
    "ModifyBmLocationBackendPort",
    params=(
        String("load_balancer_id", "loadBalancerId", max_length=64),
        String("listener_id", "listenerId", max_length=64),
        String("domain_id", "domainId", max_length=64),
        String("location_id", "locationId", max_length=64),
        String("instance_id", "instanceId", max_length=64),
        Int("port", "port", minimum=1, maximum=65535),
        Int("new_port", "newPort", minimum=1, maximum=65535),
    ),
    result=Struct("ModifyBmLocationBackendPortResult", ()),
    errors=(9003, 9006, 11041, 12003, -21001, -21000, 11060, 28000, 14100, 30011),
)

MODIFY_BM_LOCATION_BACKEND_WEIGHT = Operation(
    "ModifyBmLocationBackendWeight",
    params=(
        String("load_balancer_id", "loadBalancerId", max_length=64),
        String("listener_id", "listenerId", max_length=64),
        String("domain_id", "domainId", max_length=64),
        String("location_id", "locationId", max_length=64),
        String("instance_id", "instanceId", max_length=64),
        Int("weight", "weight", minimum=0, maximum=100),
        Int("port", "port", minimum=1, maximum=65535),
    ),
    result=Struct("ModifyBmLocationBackendWeightResult", ()),
    errors=(9003, 9006, 11041, 12003, 11060, 14100, 30011),
    idempotent=True,
)

REPLACE_BM_CERT = Operation(
    "ReplaceBmCert",
    params=(
        String("old_cert_id", "oldCertId", max_length=64),
        String("new_cert", "newCert", multiline=True),
        String("new_alias", "newAlias", required=False),
        String("new_key", "newKey", required=False, multiline=True),
        Int("delete_old", "deleteOld", required=False),
    ),
    result=Struct(
        "ReplaceBmCertResult",
        (
            Struct(
                "ReplaceBmCertData",
                (
                    String("new_cert_id", "newCertId"),
                    String("old_cert_id", "oldCertId"),
                ),
                "data",
                "data",
            ),
        ),
    ),
    errors=(9003, 9006, -20002, -20000, -20005),
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

UNBIND_BM_L4_LISTENER_VM_IP = Operation(
    "UnbindBmL4ListenerVmIp",
    params=(
        String("load_balancer_id", "loadBalancerId", max_length=64),
        String("listener_id", "listenerId", max_length=64),
        Array(
            "vm_list",
            "vmList",
            Struct(
                "VmBackend",
                (
                    String("vm_ip", "vmIp", max_length=64),
                    Int("port", "port", minimum=1, maximum=65535),
                ),
            ),
            min_items=1,
            unique=("vm_ip", "port"),
        ),
    ),
    result=Struct("UnbindBmL4ListenerVmIpResult", (Int("request_id", "requestId"),)),
    errors=(9003, 9006, 11041, 12003, -21001, -12023, 11060),
    task_id="request_id",
)

UNBIND_BM_L7_LOCATION_VM_IP = Operation(
    "UnbindBmL7LocationVmIp",
    params=(
        String("load_balancer_id", "loadBalancerId", max_length=64),
        String("listener_id", "listenerId", max_length=64),
        String("domain_id", "domainId", max_length=64),
        String("location_id", "locationId", max_length=64),
        Array(
            "vm_list",
            "vmList",
            Struct(
                "VmBackend",
                (
                    String("vm_ip", "vmIp", max_length=64),
                    Int("port", "port", minimum=1, maximum=65535),
                ),
            ),
            min_items=1,
            unique=("vm_ip", "port"),
        ),
    ),
    result=Struct("UnbindBmL7LocationVmIpResult", ()),
    errors=(9003, 9006, 11041, 12003, -21001, 11060),
)

UNBIND_BM_LOCATION_INSTANCES = Operation(
    "UnbindBmLocationInstances",
    params=(
        String("load_balancer_id", "loadBalancerId", max_length=64),
        String("listener_id", "listenerId", max_length=64),
        String("domain_id", "domainId", max_length=64),
        String("location_id", "locationId", max_length=64),
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
            unique=("instance_id", "port"),
        ),
    ),
    result=Struct("UnbindBmLocationInstancesResult", ()),
    errors=(9003, 9006, 11041, 12003, -21001, -21000, 11060, 28000, 14100, 30011),
)

UPLOAD_BM_CERT = Operation(
    "UploadBmCert",
    params=(
        String("cert_type", "certType", choices=("CA", "SVR")),
        String("cert", "cert", multiline=True),
        String("alias", "alias", required=False),
        String("key", "key", required=False, multiline=True),
    ),
    result=Struct(
        "UploadBmCertResult",
        (Struct("UploadBmCertData", (String("cert_id", "certId"),), "data", "data"),),
    ),
    errors=(9003, 9006, -20001, -20002, -20000, -12020),
)

#: Every action's Operation, by action name.
OPERATIONS: dict[str, Operation] = {
    "BindBmL4ListenerRs": BIND_BM_L4_LISTENER_RS,
    "BindBmL4ListenerVmIp": BIND_BM_L4_LISTENER_VM_IP,
    "BindBmL7LocationVmIp": BIND_BM_L7_LOCATION_VM_IP,
    "BindBmLocationInstances": BIND_BM_LOCATION_INSTANCES,
    "CreateBmForwardListeners": CREATE_BM_FORWARD_LISTENERS,
    "CreateBmForwardRules": CREATE_BM_FORWARD_RULES,
    "CreateBmListeners": CREATE_BM_LISTENERS,
    "CreateBmLoadBalancer": CREATE_BM_LOAD_BALANCER,
    "DeleteBmForwardDomains": DELETE_BM_FORWARD_DOMAINS,
    "DeleteBmForwardRules": DELETE_BM_FORWARD_RULES,
    "DeleteBmListeners": DELETE_BM_LISTENERS,
    "DeleteBmLoadBalancers": DELETE_BM_LOAD_BALANCERS,
    "DescribeBmBindInfo": DESCRIBE_BM_BIND_INFO,
    "DescribeBmForwardListenerInfo": DESCRIBE_BM_FORWARD_LISTENER_INFO,
    "DescribeBmForwardListeners": DESCRIBE_BM_FORWARD_LISTENERS,
    "DescribeBmForwardRules": DESCRIBE_BM_FORWARD_RULES,
    "DescribeBmL4ListenerBackends": DESCRIBE_BM_L4_LISTENER_BACKENDS,
    "DescribeBmListenerInfo": DESCRIBE_BM_LISTENER_INFO,
    "DescribeBmListeners": DESCRIBE_BM_LISTENERS,
    "DescribeBmLoadBalancers": DESCRIBE_BM_LOAD_BALANCERS,
    "DescribeBmLoadBalancersTaskResult": DESCRIBE_BM_LOAD_BALANCERS_TASK_RESULT,
    "DescribeBmLocationBackends": DESCRIBE_BM_LOCATION_BACKENDS,
    "DescribeBmVportInfo": DESCRIBE_BM_VPORT_INFO,
    "GetBmCertDetail": GET_BM_CERT_DETAIL,
    "InquiryBmLBPrice": INQUIRY_BM_LB_PRICE,
    "ModifyBmForwardListener": MODIFY_BM_FORWARD_LISTENER,
    "ModifyBmForwardLocation": MODIFY_BM_FORWARD_LOCATION,
    "ModifyBmL4ListenerBackendPort": MODIFY_BM_L4_LISTENER_BACKEND_PORT,
    "ModifyBmL4ListenerBackendProbePort": MODIFY_BM_L4_LISTENER_BACKEND_PROBE_PORT,
    "ModifyBmL4ListenerBackendWeight": MODIFY_BM_L4_LISTENER_BACKEND_WEIGHT,
    "ModifyBmListener": MODIFY_BM_LISTENER,
    "ModifyBmLoadBalancerAttributes": MODIFY_BM_LOAD_BALANCER_ATTRIBUTES,
    "ModifyBmLocationBackendPort": MODIFY_BM_LOCATION_BACKEND_PORT,
    "ModifyBmLocationBackendWeight": MODIFY_BM_LOCATION_BACKEND_WEIGHT,
    "ReplaceBmCert": REPLACE_BM_CERT,
    "UnbindBmL4ListenerRs": UNBIND_BM_L4_LISTENER_RS,
    "UnbindBmL4ListenerVmIp": UNBIND_BM_L4_LISTENER_VM_IP,
    "UnbindBmL7LocationVmIp": UNBIND_BM_L7_LOCATION_VM_IP,
    "UnbindBmLocationInstances": UNBIND_BM_LOCATION_INSTANCES,
    "UploadBmCert": UPLOAD_BM_CERT,
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
