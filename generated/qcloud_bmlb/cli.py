"""The `qcloud-bmlb` command-line tool for the BM Load Balancer API: one command per action.

    qcloud-bmlb [GLOBAL OPTIONS] COMMAND [OPTIONS] [GLOBAL OPTIONS]
    qcloud-bmlb upload-bm-cert --help

Commands (each also answers to its API action name, as in tccli):
    bind-bm-l4-listener-rs
    bind-bm-l4-listener-vm-ip
    bind-bm-l7-location-vm-ip
    bind-bm-location-instances
    create-bm-forward-listeners
    create-bm-forward-rules
    create-bm-listeners
    create-bm-load-balancer
    delete-bm-forward-domains
    delete-bm-forward-rules
    delete-bm-listeners
    delete-bm-load-balancers
    describe-bm-bind-info
    describe-bm-forward-listener-info
    describe-bm-forward-listeners
    describe-bm-forward-rules
    describe-bm-l4-listener-backends
    describe-bm-listener-info
    describe-bm-listeners
    describe-bm-load-balancers
    describe-bm-load-balancers-task-result
    describe-bm-location-backends
    describe-bm-vport-info
    get-bm-cert-detail
    inquiry-bm-lb-price
    modify-bm-forward-listener
    modify-bm-forward-location
    modify-bm-l4-listener-backend-port
    modify-bm-l4-listener-backend-probe-port
    modify-bm-l4-listener-backend-weight
    modify-bm-listener
    modify-bm-load-balancer-attributes
    modify-bm-location-backend-port
    modify-bm-location-backend-weight
    replace-bm-cert
    unbind-bm-l4-listener-rs
    unbind-bm-l4-listener-vm-ip
    unbind-bm-l7-location-vm-ip
    unbind-bm-location-instances
    upload-bm-cert

Global options (before or after the command): --region, --endpoint, --profile,
--output json|table|raw, --timeout SECONDS, --ca-bundle FILE, --debug. Every command also
takes --cli-input-json and --generate-cli-skeleton; those whose action starts a task take
--wait and --wait-timeout SECONDS, those whose action pages take --all. Credentials come
from TENCENTCLOUD_SECRET_ID, TENCENTCLOUD_SECRET_KEY and TENCENTCLOUD_TOKEN, else the profile
file ~/.tencentcloud/credentials, else tccli's ~/.tccli/<profile>.credential, as for the
client; never from the command line.

This module holds the commands' names, options, help texts and examples only: what each
value must be comes from `_operations`, the data the clients use, and is checked by the same
code.

Exit status:
    0    success
    1    unexpected error (a bug: please report it)
    2    usage or validation error: a bad option or value; nothing was sent
    3    configuration error: no credentials or region, a bad --endpoint, --ca-bundle or
         profile file; nothing was sent
    4    API error: the service answered with an error code (code, codeDesc and message are
         printed on stderr)
    5    transport or response error: no connection, a timeout, an HTTP error or a garbled
         response
    6    --wait: the task failed (its id is on stdout)
    7    --wait: the task was still running when --wait-timeout passed (its id is on stdout)
    130  interrupted (Ctrl-C); a task already started goes on, its id on stdout

Imports argparse only until a command runs. Generated from spec/ by `python -m generator`;
do not edit.
"""

from __future__ import annotations

import sys

from . import __version__
from ._cli import Command, Option, Tool

# Not typing.TYPE_CHECKING: importing typing alone would cost more than this module.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["TOOL", "main"]

TOOL = Tool(
    prog="qcloud-bmlb",
    version=__version__,
    description=(
        "Command-line tool for the BM Load Balancer (黑石负载均衡) API at bmlb.api.qcloud.com."
        "\n\n"
        "Each command also answers to its API action name (UnbindBmL4ListenerRs), as in "
        "tccli. Credentials come from TENCENTCLOUD_SECRET_ID, TENCENTCLOUD_SECRET_KEY and "
        "TENCENTCLOUD_TOKEN, else the profile file ~/.tencentcloud/credentials, else tccli's "
        "~/.tccli/<profile>.credential (--profile picks the profile); never from the command "
        "line. Global options may come before or after the command."
    ),
    regions=(
        ("ap-beijing", "bj"),
        ("ap-shanghai", "sh"),
        ("ap-guangzhou", "gz"),
        ("ap-chongqing", None),
    ),
    commands=(
        Command(
            "bind-bm-l4-listener-rs",
            "BindBmL4ListenerRs",
            summary="Bind CPM to layer-4 listeners.",
            summary_zh="绑定黑石物理服务器到四层监听器。",
            example="qcloud-bmlb bind-bm-l4-listener-rs --load-balancer-id lb-abcdefgh --listener-id lbl-abcdefgh --backend cpm-abcdefgh:1234:10:1234 --wait",
            options=(
                Option(
                    "load_balancer_id",
                    "load-balancer-id",
                    "ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.",
                ),
                Option(
                    "listener_id",
                    "listener-id",
                    "ID of the BM load balancer layer-4 listener, which can be queried via API DescribeBmListeners.",
                ),
                Option(
                    "backends",
                    "backends",
                    "Information of the CPM to be bound. You can bind multiple CPM ports. Currently, you can bind up to 255 CPM ports under a layer-4 listener.",
                    item="backend",
                    fields=(
                        ("instance_id", "INSTANCE_ID", "ID of the CPM instance to be bound."),
                        ("port", "PORT", "CPM port to be bound. Available value range: 1-65535."),
                        ("weight", "WEIGHT", "Weight. Available value range: 0-100."),
                        (
                            "probe_port",
                            "PROBE_PORT",
                            "Host port the custom health check probes. Available value range: 1-65535 (the listener must have the custom health check on).",
                        ),
                    ),
                ),
            ),
        ),
        Command(
            "bind-bm-l4-listener-vm-ip",
            "BindBmL4ListenerVmIp",
            summary="Bind VM IP to BM load balancer layer-4 listeners.",
            summary_zh="绑定虚机IP到黑石负载均衡四层监听器。",
            example="qcloud-bmlb bind-bm-l4-listener-vm-ip --load-balancer-id lb-abcdefgh --listener-id lbl-abcdefgh --vm 1.1.1.1:1234:10:1234 --wait",
            options=(
                Option(
                    "load_balancer_id",
                    "load-balancer-id",
                    "ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.",
                ),
                Option(
                    "listener_id",
                    "listener-id",
                    "ID of the BM load balancer layer-4 listener, which can be queried via API DescribeBmListeners.",
                ),
                Option(
                    "vm_list",
                    "vm-list",
                    "Information of the VM to be bound. You can bind multiple server ports. You can bind up to 255 server ports under a layer-4 listener.",
                    item="vm",
                    fields=(
                        ("vm_ip", "VM_IP", "VM IP to be bound."),
                        ("port", "PORT", "VM port to be bound. Available value range: 1-65535."),
                        ("weight", "WEIGHT", "Weight. Available value range: 0-100."),
                        (
                            "probe_port",
                            "PROBE_PORT",
                            "VM port the custom health check probes. Available value range: 1-65535 (the listener must have the custom health check on).",
                        ),
                    ),
                ),
            ),
        ),
        Command(
            "bind-bm-l7-location-vm-ip",
            "BindBmL7LocationVmIp",
            summary="Bind VM IP to BM load balancer layer-7 forwarding path.",
            summary_zh="绑定虚机IP到黑石负载均衡七层转发路径。",
            example="qcloud-bmlb bind-bm-l7-location-vm-ip --load-balancer-id lb-abcdefgh --listener-id lbl-abcdefgh --domain-id dm-abcdefgh --location-id loc-abcdefgh --vm 1.1.1.1:1234:10",
            options=(
                Option(
                    "load_balancer_id",
                    "load-balancer-id",
                    "ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.",
                ),
                Option(
                    "listener_id",
                    "listener-id",
                    "ID of the load balancer's layer-7 listener, which can be queried via API DescribeBmForwardListeners.",
                ),
                Option(
                    "domain_id",
                    "domain-id",
                    "ID of the load balancer's layer-7 forwarding domain, which can be queried via API DescribeBmForwardRules.",
                ),
                Option(
                    "location_id",
                    "location-id",
                    "ID of the load balancer's layer-7 forwarding path, which can be queried via API DescribeBmForwardRules.",
                ),
                Option(
                    "vm_list",
                    "vm-list",
                    "Information of the VM to be bound. You can bind multiple VM ports. Currently, you can bind up to 255 VM ports under a layer-7 forwarding path.",
                    item="vm",
                    fields=(
                        ("vm_ip", "VM_IP", "VM IP to be bound."),
                        ("port", "PORT", "VM port to be bound. Available value range: 1-65535."),
                        ("weight", "WEIGHT", "Weight. Available value range: 0-100."),
                    ),
                ),
            ),
        ),
        Command(
            "bind-bm-location-instances",
            "BindBmLocationInstances",
            summary="Bind CPM to layer-7 forwarding path.",
            summary_zh="绑定黑石物理服务器到七层转发路径。",
            example="qcloud-bmlb bind-bm-location-instances --load-balancer-id lb-abcdefgh --listener-id lbl-abcdefgh --domain-id dm-abcdefgh --location-id loc-abcdefgh --backend cpm-abcdefgh:1234:10",
            options=(
                Option(
                    "load_balancer_id",
                    "load-balancer-id",
                    "ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.",
                ),
                Option(
                    "listener_id",
                    "listener-id",
                    "ID of the load balancer's layer-7 listener, which can be queried via API DescribeBmForwardListeners.",
                ),
                Option(
                    "domain_id",
                    "domain-id",
                    "ID of the load balancer's layer-7 forwarding domain, which can be queried via API DescribeBmForwardRules.",
                ),
                Option(
                    "location_id",
                    "location-id",
                    "ID of the load balancer's layer-7 forwarding path, which can be queried via API DescribeBmForwardRules.",
                ),
                Option(
                    "backends",
                    "backends",
                    "Information of the CPM to be bound. You can bind multiple CPM ports. Currently, you can bind up to 255 CPM ports under a layer-7 forwarding path.",
                    item="backend",
                    fields=(
                        ("instance_id", "INSTANCE_ID", "ID of the CPM instance to be bound."),
                        ("port", "PORT", "CPM port to be bound. Available value range: 1-65535."),
                        ("weight", "WEIGHT", "Weight. Value range: 0-100."),
                    ),
                ),
            ),
        ),
        Command(
            "create-bm-forward-listeners",
            "CreateBmForwardListeners",
            summary="Create BM load balancer layer-7 listeners.",
            summary_zh="创建黑石负载均衡七层监听器。",
            example='qcloud-bmlb create-bm-forward-listeners --load-balancer-id lb-abcdefgh --listeners \'[{"loadBalancerPort":1234,"protocol":"http","listenerName":"http-listener"}]\'',
            options=(
                Option(
                    "load_balancer_id",
                    "load-balancer-id",
                    "ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.",
                ),
                Option(
                    "listeners",
                    "listeners",
                    "Array containing layer-7 listener information. You can create multiple layer-7 listeners. Currently, you can create up to 50 layer-7 listeners under a load balancer.",
                    fields=(
                        (
                            "protocol",
                            "PROTOCOL",
                            "Protocol type of load balancer layer-7 listener. Available values: http, https.",
                        ),
                        (
                            "listener_name",
                            "LISTENER_NAME",
                            "Name of load balancer layer-7 listener.",
                        ),
                        (
                            "load_balancer_port",
                            "LOAD_BALANCER_PORT",
                            "Listening port of load balancer layer-7 listener. Value range: 1-65535.",
                        ),
                        (
                            "cert_id",
                            "CERT_ID",
                            "Server certificate ID of load balancer layer-7 listener.",
                        ),
                        (
                            "cert_name",
                            "CERT_NAME",
                            "Server certificate name of load balancer layer-7 listener.",
                        ),
                        (
                            "cert_content",
                            "CERT_CONTENT",
                            "Server certificate content of load balancer layer-7 listener.",
                        ),
                        (
                            "cert_key",
                            "CERT_KEY",
                            "Server certificate key of load balancer layer-7 listener.",
                        ),
                        (
                            "cert_ca_id",
                            "CERT_CA_ID",
                            "Client certificate ID of load balancer layer-7 listener.",
                        ),
                        (
                            "cert_ca_name",
                            "CERT_CA_NAME",
                            "Client certificate name of load balancer layer-7 listener.",
                        ),
                        (
                            "cert_ca_content",
                            "CERT_CA_CONTENT",
                            "Client certificate content of load balancer layer-7 listener.",
                        ),
                        (
                            "ssl_mode",
                            "SSL_MODE",
                            "Authentication method of load balancer layer-7 listener. 0: no authentication, used for HTTP; 1: one-way authentication, used for HTTPS; 2: two-way authentication, used for HTTPS.",
                        ),
                        (
                            "bandwidth",
                            "BANDWIDTH",
                            'Used to specify the maximum bandwidth of the listener when billing mode is "bill by fixed bandwidth". Value range: 0-1000 (in Mbps).',
                        ),
                    ),
                ),
            ),
        ),
        Command(
            "create-bm-forward-rules",
            "CreateBmForwardRules",
            summary="Create BM load balancer layer-7 forwarding rules.",
            summary_zh="创建黑石负载均衡七层转发规则。",
            example='qcloud-bmlb create-bm-forward-rules --load-balancer-id lb-abcdefgh --listener-id lbl-abcdefgh --rules \'[{"domain":"a.com","url":"/","sessionExpire":900,"healthSwitch":1,"intervalTime":5,"healthNum":3,"unhealthNum":5,"httpCode":7,"httpCheckPath":"/","httpCheckDomain":"a.com","balanceMode":"wrr"}]\' --wait',
            options=(
                Option(
                    "load_balancer_id",
                    "load-balancer-id",
                    "ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.",
                ),
                Option(
                    "listener_id",
                    "listener-id",
                    "ID of the layer-7 listener, which can be queried via API DescribeBmForwardListeners.",
                ),
                Option(
                    "rules",
                    "rules",
                    "Array containing layer-7 forwarding rule information. You can create multiple layer-7 forwarding rules. You can create up to 50 layer-7 forwarding domain names under a layer-7 listener, and up to 100 forwarding rules under a forwarding domain name.",
                    fields=(
                        (
                            "domain",
                            "DOMAIN",
                            "Forwarding domain name of the layer-7 forwarding rules for the load balancer.",
                        ),
                        (
                            "url",
                            "URL",
                            "Forwarding path of the layer-7 forwarding rules for the load balancer.",
                        ),
                        (
                            "http_check_path",
                            "HTTP_CHECK_PATH",
                            "Path to be checked in the health check.",
                        ),
                        (
                            "http_check_domain",
                            "HTTP_CHECK_DOMAIN",
                            "Domain name to be checked in the health check.",
                        ),
                        (
                            "balance_mode",
                            "BALANCE_MODE",
                            "Balance mode: ip_hash, wrr. Default is wrr. The service assumes wrr when it is not given.",
                        ),
                        (
                            "session_expire",
                            "SESSION_EXPIRE",
                            "Session persistence duration (in seconds). Available value range: 30-3600. Default value is 0 (disable session persistence). The service assumes 0 when it is not given.",
                        ),
                        (
                            "health_switch",
                            "HEALTH_SWITCH",
                            "Indicate whether to enable health check: 1 (On) and 0 (Off). Default value is 0 (off). The service assumes 0 when it is not given.",
                        ),
                        (
                            "interval_time",
                            "INTERVAL_TIME",
                            "Time interval between health checks. Default value: 30; value range: 30-300 (in seconds). The service assumes 5 when it is not given.",
                        ),
                        (
                            "health_num",
                            "HEALTH_NUM",
                            "Healthy threshold for health checks. Default value is 3, which means the forwarding is considered normal if it is detected to be healthy for three times consecutively. Value range: 2-10; unit: count. The service assumes 3 when it is not given.",
                        ),
                        (
                            "unhealth_num",
                            "UNHEALTH_NUM",
                            "Unhealthy threshold for health checks. Default value is 5, which means the forwarding is considered abnormal if it is detected to be unhealthy for five times consecutively. Value range: 2-10; unit: count. The service assumes 5 when it is not given.",
                        ),
                        (
                            "http_code",
                            "HTTP_CODE",
                            "This determines which combination of HTTP return codes are considered as healthy in health checks. Value range: 0-31. For example, the value 7 means the health check result is considered healthy if HTTP return code is 1xx, 2xx or 3xx.",
                        ),
                    ),
                ),
            ),
        ),
        Command(
            "create-bm-listeners",
            "CreateBmListeners",
            summary="Create BM load balancer layer-4 listeners.",
            summary_zh="创建黑石四层负载均衡监听器。",
            example='qcloud-bmlb create-bm-listeners --load-balancer-id lb-abcdefgh --listeners \'[{"loadBalancerPort":1234,"protocol":"tcp","listenerName":"tcp-test","healthSwitch":1,"timeOut":6,"intervalTime":10,"healthNum":8,"unhealthNum":8,"sessionExpire":1000,"bandwidth":5,"customHealthSwitch":1,"inputType":"text","lineSeparatorType":3,"healthRequest":"GET / HTTP/1.1\\\\r\\\\nHost:a.com\\\\r\\\\n\\\\r\\\\n","healthResponse":"HTTP/1.1 200 OK","toaFlag":1}]\' --wait',
            options=(
                Option(
                    "load_balancer_id",
                    "load-balancer-id",
                    "ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.",
                ),
                Option(
                    "listeners",
                    "listeners",
                    "Array containing listener information. You can create multiple listeners. Currently, you can create up to 50 listeners under a BM load balancer",
                    fields=(
                        (
                            "protocol",
                            "PROTOCOL",
                            "Protocol type of BM load balancer instance listener. Value can be TCP or UDP.",
                        ),
                        ("listener_name", "LISTENER_NAME", "Name of BM load balancer listener."),
                        (
                            "load_balancer_port",
                            "LOAD_BALANCER_PORT",
                            "Listening port of BM load balancer listener. Value range: 1-65535.",
                        ),
                        (
                            "input_type",
                            "INPUT_TYPE",
                            "Content type of the custom health check probe: text, or hexadecimal.",
                        ),
                        (
                            "health_request",
                            "HEALTH_REQUEST",
                            "Request content of the custom health check probe.",
                        ),
                        (
                            "health_response",
                            "HEALTH_RESPONSE",
                            "Response content the custom health check probe expects.",
                        ),
                        (
                            "session_expire",
                            "SESSION_EXPIRE",
                            "Session persistence duration of BM load balancer listener (in sec). Value range: 900 ~ 3600. Session persistence is disabled if you don't pass any value.",
                        ),
                        (
                            "health_switch",
                            "HEALTH_SWITCH",
                            "Indicate whether health check is enabled for BM load balancer instance listener. 1: On; 0: Off. Default value is 0 (off). The service assumes 0 when it is not given.",
                        ),
                        (
                            "time_out",
                            "TIME_OUT",
                            "Health check response timeout for the BM load balancer listener (in sec). Value range: 2-60. Default is 2. The response timeout must be smaller than health check time interval. The service assumes 2 when it is not given.",
                        ),
                        (
                            "interval_time",
                            "INTERVAL_TIME",
                            "Health check time interval of BM load balancer listener (in sec). Default: 5; value range: 5-300. The service assumes 5 when it is not given.",
                        ),
                        (
                            "health_num",
                            "HEALTH_NUM",
                            "Health threshold of BM load balancer listener. Default value is 3, which means the forwarding is considered normal if it is detected to be healthy for three times consecutively. Value range: 2-10; unit: count. The service assumes 3 when it is not given.",
                        ),
                        (
                            "unhealth_num",
                            "UNHEALTH_NUM",
                            "Unhealth threshold of BM load balancer listener. Default value is 3, which means the forwarding is considered abnormal if it is detected to be unhealthy for three times consecutively. Value range: 2-10; unit: count. The service assumes 3 when it is not given.",
                        ),
                        (
                            "bandwidth",
                            "BANDWIDTH",
                            "Used to specify the maximum bandwidth of the listener with the billing mode is pay-by-fixed bandwidth. Value range: 0-1000 (in Mbps).",
                        ),
                        (
                            "custom_health_switch",
                            "CUSTOM_HEALTH_SWITCH",
                            "Whether the custom health check is on: 1 (on), 0 (off). Default: 0 (off). It takes effect only while the health check is on. The service assumes 0 when it is not given.",
                        ),
                        (
                            "line_separator_type",
                            "LINE_SEPARATOR_TYPE",
                            "For a text probe, how the line breaks of the request text are sent: 1 (as LF), 2 (as CR), 3 (as LF+CR).",
                        ),
                        (
                            "toa_flag",
                            "TOA_FLAG",
                            "Whether TOA is on: 0 (off), 1 (on); off by default. It takes effect only on a load balancer of the fullnat type. The service assumes 0 when it is not given.",
                        ),
                    ),
                ),
            ),
        ),
        Command(
            "create-bm-load-balancer",
            "CreateBmLoadBalancer",
            summary="Create BM load balancer instances.",
            summary_zh="创建黑石负载均衡。",
            example="qcloud-bmlb create-bm-load-balancer --un-vpc-id vpc-xxxx --load-balancer-type open --goods-num 2 --pay-mode flow --specified-vip 10.1.143.210 --specified-vip 10.1.143.211",
            options=(
                Option(
                    "un_vpc_id",
                    "un-vpc-id",
                    "ID of the VPC to which the BM load balancer instance belongs.",
                ),
                Option(
                    "load_balancer_type",
                    "load-balancer-type",
                    'Type of load balancer. Value can be open or internal. "open" represents public network (with daily rate), and "internal" represents private network.',
                ),
                Option(
                    "un_subnet_id",
                    "un-subnet-id",
                    "When you purchase a private network-based cloud load balancer instance within the VPC, you need to specify the subnet ID. The VIP of the private network-based cloud load balancer instance is generated from this subnet. This field can be left empty in other cases.",
                ),
                Option(
                    "project_id",
                    "project-id",
                    "Project ID of the cloud load balancer. If it is left empty, the instance belongs to the default project.",
                ),
                Option(
                    "goods_num",
                    "goods-num",
                    "Number of BM load balancer instances to be purchased. Default is 1, and maximum is 20. The service assumes 1 when it is not given.",
                ),
                Option(
                    "pay_mode",
                    "pay-mode",
                    "Billing method of BM load balancer. Value can be flow (Bill-by-traffic) or bandwidth (Bill-by-bandwidth). Default is flow. The service assumes flow when it is not given.",
                ),
                Option(
                    "tgw_set_type",
                    "tgw-set-type",
                    'TGW cluster type of load balancer. Value can be tunnel or fullnat. "tunnel" represents tunnel cluster and "fullnat" represents FULLNAT cluster. Default is fullnat. Select tunnel if you want to acquire Client IP. The service assumes fullnat when it is not given.',
                ),
                Option(
                    "exclusive",
                    "exclusive",
                    "The exclusive category of load balancer. 0: Non-exclusive; 1: Layer-4 exclusive; 2: Layer-7 exclusive; 3: Layer-4 and layer-7 exclusive; 4: Shared disaster recovery.",
                ),
                Option(
                    "specified_vips",
                    "specified-vips",
                    "The specified vip. If it is specified, the number must be consistent with goodsNum. Otherwise, a random vip is assigned by the backend.",
                    item="specified-vip",
                ),
                Option(
                    "bz_conf",
                    "bz-conf",
                    "Settings of a guaranteed-type load balancer.",
                    item="bz-conf-item",
                ),
                Option(
                    "ip_protocol_type",
                    "ip-protocol-type",
                    'IP protocol type: "ipv4" or "ipv6". Only Beijing and Shanghai support it so far; Guangzhou and Chongqing do not.',
                ),
            ),
        ),
        Command(
            "delete-bm-forward-domains",
            "DeleteBmForwardDomains",
            summary="Delete BM load balancer layer-7 forwarding domain names.",
            summary_zh="删除黑石负载均衡七层转发域名。",
            example="qcloud-bmlb delete-bm-forward-domains --load-balancer-id lb-abcdefgh --listener-id lbl-abcdefgh --domain-id dm-abcdefgh --wait",
            options=(
                Option(
                    "load_balancer_id",
                    "load-balancer-id",
                    "ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.",
                ),
                Option(
                    "listener_id",
                    "listener-id",
                    "ID of the load balancer's layer-7 listener, which can be queried via API DescribeBmForwardListeners.",
                ),
                Option(
                    "domain_ids",
                    "domain-ids",
                    "List of IDs of the load balancer layer-7 forwarding domains. The IDs can be queried via API DescribeBmForwardRules.",
                    item="domain-id",
                ),
            ),
        ),
        Command(
            "delete-bm-forward-rules",
            "DeleteBmForwardRules",
            summary="Delete BM load balancer layer-7 forwarding rules.",
            summary_zh="删除黑石负载均衡七层转发规则。",
            example="qcloud-bmlb delete-bm-forward-rules --load-balancer-id lb-abcdefgh --listener-id lbl-abcdefgh --domain-id dm-abcdefgh --location-id loc-abcdefgh --wait",
            options=(
                Option(
                    "load_balancer_id",
                    "load-balancer-id",
                    "ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.",
                ),
                Option(
                    "listener_id",
                    "listener-id",
                    "ID of the load balancer's layer-7 listener, which can be queried via API DescribeBmForwardListeners.",
                ),
                Option(
                    "domain_id",
                    "domain-id",
                    "ID of the load balancer's layer-7 forwarding domain, which can be queried via API DescribeBmForwardRules.",
                ),
                Option(
                    "location_ids",
                    "location-ids",
                    "List of IDs of the load balancer layer-7 forwarding paths. The IDs can be queried via API DescribeBmForwardRules.",
                    item="location-id",
                ),
            ),
        ),
        Command(
            "delete-bm-listeners",
            "DeleteBmListeners",
            summary="Delete BM load balancer layer-4 listeners.",
            summary_zh="删除黑石负载均衡四层监听器。",
            example="qcloud-bmlb delete-bm-listeners --load-balancer-id lb-abcdefgh --listener-id lbl-abcdefgh --wait",
            options=(
                Option(
                    "load_balancer_id",
                    "load-balancer-id",
                    "ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.",
                ),
                Option(
                    "listener_ids",
                    "listener-ids",
                    "List of the BM load balancer layer-4 listener IDs, which can be queried via API DescribeBmListeners.",
                    item="listener-id",
                ),
            ),
        ),
        Command(
            "delete-bm-load-balancers",
            "DeleteBmLoadBalancers",
            summary="Delete one or more BM load balancer instances specified by the user.",
            summary_zh="删除用户指定的黑石负载均衡实例。",
            example="qcloud-bmlb delete-bm-load-balancers --load-balancer-id lb-abcdefgh --wait",
            options=(
                Option(
                    "load_balancer_id",
                    "load-balancer-id",
                    "ID of load balancer instance, which can be queried via API DescribeBmLoadBalancers .",
                ),
            ),
        ),
        Command(
            "describe-bm-bind-info",
            "DescribeBmBindInfo",
            summary="Acquire the details of BM load balancers bound to CPM IDs and VM IPs.",
            summary_zh="查询黑石物理机ID和虚机IP绑定的黑石负载均衡详情。",
            example="qcloud-bmlb describe-bm-bind-info --instance-id 1.1.1.1 --instance-id cpm-abcdefgh --vpc-id 1000",
            options=(
                Option(
                    "instance_ids",
                    "instance-ids",
                    "List of CPM IDs or VM IPs, used to acquire the list of load balancers bound to the CPMs.",
                    item="instance-id",
                ),
                Option(
                    "vpc_id",
                    "vpc-id",
                    "VPC ID.",
                ),
                Option(
                    "un_vpc_id",
                    "un-vpc-id",
                    "Unique ID of the BM VPC.",
                ),
            ),
        ),
        Command(
            "describe-bm-forward-listener-info",
            "DescribeBmForwardListenerInfo",
            summary="Acquire BM load balancer layer-7 listeners that are bound to a certain CPM or have a certain forwarding domain.",
            summary_zh="查找绑定了某主机或者有某转发域名黑石负载均衡七层监听器。",
            example="qcloud-bmlb describe-bm-forward-listener-info --load-balancer-id lb-abcdefgh --search-key a --if-get-rs-info 1",
            options=(
                Option(
                    "load_balancer_id",
                    "load-balancer-id",
                    "ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.",
                ),
                Option(
                    "search_key",
                    "search-key",
                    "Search key, which is used to search for listeners with this forwarding domain using fuzzy search method.",
                ),
                Option(
                    "instance_ids",
                    "instance-ids",
                    "List of CPM IDs or VM IPs, used to acquire listeners that are bound to these CPMs.",
                    item="instance-id",
                ),
                Option(
                    "if_get_rs_info",
                    "if-get-rs-info",
                    "Indicates whether to acquire information of CPMs under the forwarding rules. Default is 0 (do not acquire). The service assumes 0 when it is not given.",
                ),
            ),
        ),
        Command(
            "describe-bm-forward-listeners",
            "DescribeBmForwardListeners",
            summary="Acquire BM load balancer layer-7 listeners.",
            summary_zh="获取黑石负载均衡七层监听器。",
            example="qcloud-bmlb describe-bm-forward-listeners --load-balancer-id lb-abcdefgh --listener-id lbl-abcdefgh",
            options=(
                Option(
                    "load_balancer_id",
                    "load-balancer-id",
                    "ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.",
                ),
                Option(
                    "listener_ids",
                    "listener-ids",
                    "List of IDs of load balancer layer-7 listeners. The IDs can be queried via API DescribeBmForwardListeners.",
                    item="listener-id",
                ),
            ),
        ),
        Command(
            "describe-bm-forward-rules",
            "DescribeBmForwardRules",
            summary="Acquire BM load balancer layer-7 forwarding rules.",
            summary_zh="获取黑石负载均衡七层转发规则。",
            example="qcloud-bmlb describe-bm-forward-rules --load-balancer-id lb-abcdefgh --listener-id lbl-abcdefgh --domain-id dm-abcdefgh",
            options=(
                Option(
                    "load_balancer_id",
                    "load-balancer-id",
                    "ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.",
                ),
                Option(
                    "listener_id",
                    "listener-id",
                    "ID of the load balancer's layer-7 listener, which can be queried via API DescribeBmForwardListeners.",
                ),
                Option(
                    "domain_ids",
                    "domain-ids",
                    "List of IDs of the load balancer layer-7 forwarding domains. The IDs can be queried via API DescribeBmForwardRules.",
                    item="domain-id",
                ),
            ),
        ),
        Command(
            "describe-bm-l4-listener-backends",
            "DescribeBmL4ListenerBackends",
            summary="Acquire the list of CPMs bound with BM load balancer layer-4 listeners.",
            summary_zh="获取黑石负载均衡四层监听器绑定的主机列表。",
            example="qcloud-bmlb describe-bm-l4-listener-backends --load-balancer-id lb-abcdefgh --listener-id lbl-abcdefgh",
            options=(
                Option(
                    "load_balancer_id",
                    "load-balancer-id",
                    "ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.",
                ),
                Option(
                    "listener_id",
                    "listener-id",
                    "ID of the BM load balancer layer-4 listener, which can be queried via API DescribeBmListeners.",
                ),
                Option(
                    "backends",
                    "backends",
                    "Information of the CPM to be queried.",
                    item="backend",
                    fields=(
                        ("instance_id", "INSTANCE_ID", "ID of the CPM instance to be queried."),
                        ("port", "PORT", "CPM port to be queried. Available value range: 1-65535."),
                    ),
                ),
            ),
        ),
        Command(
            "describe-bm-listener-info",
            "DescribeBmListenerInfo",
            summary="Acquire BM load balancer layer-4 listeners that are bound to a certain CPM or have a specified listener name.",
            summary_zh="查找绑定了某主机或者指定监听器名称的黑石负载均衡四层监听器。",
            example="qcloud-bmlb describe-bm-listener-info --load-balancer-id lb-abcdefgh --search-key a",
            options=(
                Option(
                    "load_balancer_id",
                    "load-balancer-id",
                    "ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.",
                ),
                Option(
                    "search_key",
                    "search-key",
                    "Search key, which is used for fuzzy search for listeners with this name.",
                ),
                Option(
                    "instance_ids",
                    "instance-ids",
                    "List of CPM IDs or VM IPs, used to acquire listeners that are bound to these CPMs.",
                    item="instance-id",
                ),
            ),
        ),
        Command(
            "describe-bm-listeners",
            "DescribeBmListeners",
            summary="Acquire BM load balancer layer-4 listeners.",
            summary_zh="获取黑石负载均衡四层监听器。",
            example="qcloud-bmlb describe-bm-listeners --load-balancer-id lb-abcdefgh --listener-id lbl-abcdefgh",
            options=(
                Option(
                    "load_balancer_id",
                    "load-balancer-id",
                    "ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.",
                ),
                Option(
                    "listener_ids",
                    "listener-ids",
                    "Layer-4 listener ID array, which can be queried via API DescribeBmListeners.",
                    item="listener-id",
                ),
            ),
        ),
        Command(
            "describe-bm-load-balancers",
            "DescribeBmLoadBalancers",
            summary="Acquire the list of BM load balancer instances.",
            summary_zh="获取黑石负载均衡实例列表。",
            example="qcloud-bmlb describe-bm-load-balancers --load-balancer-type open --tgw-set-type fullnat --un-vpc-id vpc-abcdefgh",
            options=(
                Option(
                    "load_balancer_ids",
                    "load-balancer-ids",
                    "ID of load balancer instance.",
                    item="load-balancer-id",
                ),
                Option(
                    "load_balancer_type",
                    "load-balancer-type",
                    'Type of load balancer. Value can be open or internal. "open" represents public network (with daily rate), and "internal" represents private network.',
                ),
                Option(
                    "load_balancer_name",
                    "load-balancer-name",
                    "Name of load balancer.",
                ),
                Option(
                    "domain",
                    "domain",
                    'Domain name of load balancer. The domain name should be a combination of 1-60 characters comprised of lowercase letters, numbers, "." or "-". This field is not applicable to private network-based BM load balancers',
                ),
                Option(
                    "load_balancer_vips",
                    "load-balancer-vips",
                    "Public IP obtained by the load balancer instance. Multiple IPs are allowed.",
                    item="load-balancer-vip",
                ),
                Option(
                    "offset",
                    "offset",
                    "Data offset. Default is 0. The service assumes 0 when it is not given.",
                ),
                Option(
                    "limit",
                    "limit",
                    "Length of returned data. Default is 20. The service assumes 20 when it is not given.",
                ),
                Option(
                    "search_key",
                    "search-key",
                    "Name, domain name or VIP used for fuzzy search.",
                ),
                Option(
                    "order_by",
                    "order-by",
                    "Field used for sorting (loadBalancerName, createTime, domain and loadBalancerType).",
                ),
                Option(
                    "order_type",
                    "order-type",
                    "1: Descending; 0: Ascending. Default is ascending. The service assumes 0 when it is not given.",
                ),
                Option(
                    "project_id",
                    "project-id",
                    "Project ID.",
                ),
                Option(
                    "exclusive",
                    "exclusive",
                    "Whether TGW cluster is exclusive.",
                ),
                Option(
                    "tgw_set_type",
                    "tgw-set-type",
                    'TGW cluster type of load balancer. Value can be tunnel or fullnat. "tunnel" represents tunnel cluster and "fullnat" represents FULLNAT cluster.',
                ),
                Option(
                    "un_vpc_id",
                    "un-vpc-id",
                    '"unVpcId" to which the load balancer belongs.',
                ),
            ),
        ),
        Command(
            "describe-bm-load-balancers-task-result",
            "DescribeBmLoadBalancersTaskResult",
            summary="Query the result of an asynchronous BM load balancer task.",
            summary_zh="查询黑石负载均衡异步任务的操作结果。",
            example="qcloud-bmlb describe-bm-load-balancers-task-result --request-id 12345",
            options=(
                Option(
                    "request_id",
                    "request-id",
                    "Task ID returned by a change action.",
                ),
            ),
        ),
        Command(
            "describe-bm-location-backends",
            "DescribeBmLocationBackends",
            summary="Acquire the list of CPMs to which the BM load balancer layer-7 forwarding paths are bound.",
            summary_zh="获取黑石负载均衡七层转发路径绑定的主机列表。",
            example="qcloud-bmlb describe-bm-location-backends --load-balancer-id lb-abcdefgh --listener-id lbl-abcdefgh --domain-id dm-abcdefgh --location-id loc-abcdefgh",
            options=(
                Option(
                    "load_balancer_id",
                    "load-balancer-id",
                    "ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.",
                ),
                Option(
                    "listener_id",
                    "listener-id",
                    "ID of the load balancer's layer-7 listener, which can be queried via API DescribeBmForwardListeners.",
                ),
                Option(
                    "domain_id",
                    "domain-id",
                    "ID of the load balancer's layer-7 forwarding domain name, which can be queried via API DescribeBmForwardRules.",
                ),
                Option(
                    "location_id",
                    "location-id",
                    "ID of the load balancer's layer-7 forwarding path, which can be queried via API DescribeBmForwardRules.",
                ),
                Option(
                    "offset",
                    "offset",
                    "Offset.",
                ),
                Option(
                    "limit",
                    "limit",
                    "Number of results to be returned.",
                ),
            ),
        ),
        Command(
            "describe-bm-vport-info",
            "DescribeBmVportInfo",
            summary="Acquire the information on the BM load balancer ports.",
            summary_zh="获取黑石负载均衡端口相关信息。",
            example="qcloud-bmlb describe-bm-vport-info --load-balancer-id lb-abcdefgh",
            options=(
                Option(
                    "load_balancer_id",
                    "load-balancer-id",
                    "ID of the load balancer instance, which can be queried via API DescribeBmLoadBalancers.",
                ),
            ),
        ),
        Command(
            "get-bm-cert-detail",
            "GetBmCertDetail",
            summary="Acquire the details of BM load balancer certificate.",
            summary_zh="获取黑石负载均衡证书详情。",
            example="qcloud-bmlb get-bm-cert-detail --cert-id abcdefgh",
            options=(
                Option(
                    "cert_id",
                    "cert-id",
                    "Certificate ID.",
                ),
            ),
        ),
        Command(
            "inquiry-bm-lb-price",
            "InquiryBmLBPrice",
            summary="Query the prices of BM load balancers.",
            summary_zh="查询黑石负载均衡的价格，其中公网负载均衡的价格为每天1元，内网负载均衡免费。",
            example="qcloud-bmlb inquiry-bm-lb-price --load-balancer-type open",
            options=(
                Option(
                    "load_balancer_type",
                    "load-balancer-type",
                    'Type of load balancer. Value can be open or internal. "open" represents public network (with daily rate), and "internal" represents private network.',
                ),
            ),
        ),
        Command(
            "modify-bm-forward-listener",
            "ModifyBmForwardListener",
            summary="Modify BM load balancer layer-7 listeners.",
            summary_zh="修改黑石负载均衡七层监听器。",
            example="qcloud-bmlb modify-bm-forward-listener --load-balancer-id lb-abcdefgh --listener-id lbl-abcdefgh --listener-name https-listener --ssl-mode 1 --cert-id abcdefgh --wait",
            options=(
                Option(
                    "load_balancer_id",
                    "load-balancer-id",
                    "ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.",
                ),
                Option(
                    "listener_id",
                    "listener-id",
                    "ID of the layer-7 listener, which can be queried via API DescribeBmForwardListeners.",
                ),
                Option(
                    "listener_name",
                    "listener-name",
                    "New name of the load balancer layer-7 listener.",
                ),
                Option(
                    "ssl_mode",
                    "ssl-mode",
                    "Authentication method of load balancer layer-7 listener. 0: no authentication, used for HTTP; 1: one-way authentication, used for HTTPS; 2: two-way authentication, used for HTTPS.",
                ),
                Option(
                    "cert_id",
                    "cert-id",
                    "New server certificate ID of the load balancer layer-7 listener.",
                ),
                Option(
                    "cert_name",
                    "cert-name",
                    "New server certificate name of the load balancer layer-7 listener.",
                ),
                Option(
                    "cert_content",
                    "cert-content",
                    "New server certificate content of the load balancer layer-7 listener.",
                ),
                Option(
                    "cert_key",
                    "cert-key",
                    "New server certificate key of the load balancer layer-7 listener.",
                ),
                Option(
                    "cert_ca_id",
                    "cert-ca-id",
                    "New client certificate ID of the load balancer layer-7 listener.",
                ),
                Option(
                    "cert_ca_name",
                    "cert-ca-name",
                    "New client certificate name of the load balancer layer-7 listener.",
                ),
                Option(
                    "cert_ca_content",
                    "cert-ca-content",
                    "New client certificate content of the load balancer layer-7 listener.",
                ),
                Option(
                    "bandwidth",
                    "bandwidth",
                    "New maximum bandwidth of the listener. Available value range: 0-1000 (in Mbps).",
                ),
            ),
        ),
        Command(
            "modify-bm-forward-location",
            "ModifyBmForwardLocation",
            summary="Modify BM load balancer layer-7 forwarding paths.",
            summary_zh="修改黑石负载均衡七层转发路径。",
            example='qcloud-bmlb modify-bm-forward-location --load-balancer-id lb-abcdefgh --listener-id lbl-abcdefgh --rules \'[{"domainId":"dm-abcdefgh","locationId":"loc-abcdefgh","url":"/a","sessionExpire":1000,"healthSwitch":0}]\' --wait',
            options=(
                Option(
                    "load_balancer_id",
                    "load-balancer-id",
                    "ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.",
                ),
                Option(
                    "listener_id",
                    "listener-id",
                    "ID of the layer-7 listener, which can be queried via API DescribeBmForwardListeners.",
                ),
                Option(
                    "rules",
                    "rules",
                    "Array containing the layer-7 forwarding rule information to be updated.",
                    fields=(
                        (
                            "domain_id",
                            "DOMAIN_ID",
                            "ID of the load balancer's layer-7 forwarding domain name, which can be queried via API DescribeBmForwardRules.",
                        ),
                        (
                            "location_id",
                            "LOCATION_ID",
                            "ID of the load balancer's layer-7 forwarding path, which can be queried via API DescribeBmForwardRules.",
                        ),
                        ("url", "URL", "New forwarding path."),
                        (
                            "http_check_path",
                            "HTTP_CHECK_PATH",
                            "New path to be checked in health check.",
                        ),
                        (
                            "http_check_domain",
                            "HTTP_CHECK_DOMAIN",
                            "New domain to be checked in health check.",
                        ),
                        (
                            "balance_mode",
                            "BALANCE_MODE",
                            "New balance mode: ip_hash, wrr. Default is wrr. The service assumes wrr when it is not given.",
                        ),
                        (
                            "session_expire",
                            "SESSION_EXPIRE",
                            "New session persistence duration (in seconds). Available value range: 30-3600. Default value is 0 (disable session persistence). The service assumes 0 when it is not given.",
                        ),
                        (
                            "health_switch",
                            "HEALTH_SWITCH",
                            "Health check switch: 1 (On) and 0 (Off). Default value is 0 (off). The service assumes 0 when it is not given.",
                        ),
                        (
                            "interval_time",
                            "INTERVAL_TIME",
                            "New time interval between health checks. Default value: 30; value range: 30-300 (in seconds). The service assumes 5 when it is not given.",
                        ),
                        (
                            "health_num",
                            "HEALTH_NUM",
                            "New healthy threshold for health checks. Default value is 3, which means the forwarding is considered normal if it is detected to be healthy for three times consecutively. Value range: 2-10; unit: count. The service assumes 3 when it is not given.",
                        ),
                        (
                            "unhealth_num",
                            "UNHEALTH_NUM",
                            "New unhealthy threshold for health checks. Default value is 5, which means the forwarding is considered abnormal if it is detected to be unhealthy for five times consecutively. Value range: 2-10; unit: count. The service assumes 5 when it is not given.",
                        ),
                        (
                            "http_code",
                            "HTTP_CODE",
                            "New healthy HTTP code combination. This determines which combination of HTTP return codes are considered as healthy in health checks. Value range: 0-31. For example, the value 7 means the health check result is considered healthy if HTTP return code is 1xx, 2xx or 3xx.",
                        ),
                    ),
                ),
            ),
        ),
        Command(
            "modify-bm-l4-listener-backend-port",
            "ModifyBmL4ListenerBackendPort",
            summary="Modify the backend instance (CPM) port of a BM load balancer layer-4 listener.",
            summary_zh="修改黑石负载均衡四层监听器后端实例（物理机）端口。",
            example="qcloud-bmlb modify-bm-l4-listener-backend-port --load-balancer-id lb-abcdefgh --listener-id lbl-abcdefgh --instance-id cpm-abcdefgh --port 1234 --new-port 12345 --wait",
            options=(
                Option(
                    "load_balancer_id",
                    "load-balancer-id",
                    "ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.",
                ),
                Option(
                    "listener_id",
                    "listener-id",
                    "ID of the BM load balancer layer-4 listener, which can be queried via API DescribeBmListeners.",
                ),
                Option(
                    "instance_id",
                    "instance-id",
                    "ID of the CPM.",
                ),
                Option(
                    "port",
                    "port",
                    "Bound CPM port.",
                ),
                Option(
                    "new_port",
                    "new-port",
                    "New CPM port. Available value range: 1-65535.",
                ),
            ),
        ),
        Command(
            "modify-bm-l4-listener-backend-probe-port",
            "ModifyBmL4ListenerBackendProbePort",
            summary="Modify the backend probe (health check) port of a BM load balancer layer-4 listener.",
            summary_zh="修改黑石负载均衡四层监听器后端探测端口。",
            example="qcloud-bmlb modify-bm-l4-listener-backend-probe-port --load-balancer-id lb-abcdefgh --listener-id lbl-abcdefgh --instance-id cpm-abcdefgh --port 1234 --probe-port 12345 --wait",
            options=(
                Option(
                    "load_balancer_id",
                    "load-balancer-id",
                    "ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.",
                ),
                Option(
                    "listener_id",
                    "listener-id",
                    "ID of the BM load balancer layer-4 listener, which can be queried via API DescribeBmListeners.",
                ),
                Option(
                    "instance_id",
                    "instance-id",
                    "ID of the CPM host.",
                ),
                Option(
                    "port",
                    "port",
                    "Bound host port.",
                ),
                Option(
                    "probe_port",
                    "probe-port",
                    "New probe port. Available value range: 1-65535.",
                ),
            ),
        ),
        Command(
            "modify-bm-l4-listener-backend-weight",
            "ModifyBmL4ListenerBackendWeight",
            summary="Modify the backend instance weight of BM load balancer layer-4 listeners.",
            summary_zh="修改黑石负载均衡四层监听器后端实例权重。",
            example="qcloud-bmlb modify-bm-l4-listener-backend-weight --load-balancer-id lb-abcdefgh --listener-id lbl-abcdefgh --instance-id cpm-abcdefgh --weight 100 --port 1234",
            options=(
                Option(
                    "load_balancer_id",
                    "load-balancer-id",
                    "ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.",
                ),
                Option(
                    "listener_id",
                    "listener-id",
                    "ID of the BM load balancer layer-4 listener, which can be queried via API DescribeBmListeners.",
                ),
                Option(
                    "instance_id",
                    "instance-id",
                    "ID of the CPM.",
                ),
                Option(
                    "weight",
                    "weight",
                    "Weight. Available value range: 0-100.",
                ),
                Option(
                    "port",
                    "port",
                    "Bound CPM port.",
                ),
            ),
        ),
        Command(
            "modify-bm-listener",
            "ModifyBmListener",
            summary="Modify BM load balancer layer-4 listeners.",
            summary_zh="修改黑石负载均衡四层监听器。",
            example="qcloud-bmlb modify-bm-listener --load-balancer-id lb-abcdefgh --listener-id lbl-abcdefgh --listener-name tcp-listener --session-expire 1000 --health-switch 1 --time-out 6 --interval-time 10 --health-num 8 --unhealth-num 8 --bandwidth 5 --custom-health-switch 1 --input-type text --line-separator-type 3 --health-request 'GET / HTTP/1.1\\r\\nHost:a.com\\r\\n\\r\\n' --health-response 'HTTP/1.1 200 OK' --toa-flag 1 --wait",
            options=(
                Option(
                    "load_balancer_id",
                    "load-balancer-id",
                    "ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.",
                ),
                Option(
                    "listener_id",
                    "listener-id",
                    "Layer-4 listener ID, which can be queried via API DescribeBmListeners.",
                ),
                Option(
                    "listener_name",
                    "listener-name",
                    "Name of new BM load balancer layer-4 listener.",
                ),
                Option(
                    "session_expire",
                    "session-expire",
                    "Session persistence duration of new BM load balancer listener (in sec). Value range: 900-3600.",
                ),
                Option(
                    "health_switch",
                    "health-switch",
                    "Indicate whether health check is enabled for new BM load balancer instance listener. 1: On; 0: Off. Default value is 0 (off). The service assumes 0 when it is not given.",
                ),
                Option(
                    "time_out",
                    "time-out",
                    "Health check response timeout for new BM load balancer listener (in sec). Value range: 2-60. Default is 2. The response timeout must be smaller than health check time interval. The service assumes 2 when it is not given.",
                ),
                Option(
                    "interval_time",
                    "interval-time",
                    "Health check time interval of new BM load balancer listener (in sec). Default: 5; value range: 5-300. The service assumes 5 when it is not given.",
                ),
                Option(
                    "health_num",
                    "health-num",
                    "Health threshold of new BM load balancer listener. Default value is 3, which means the forwarding is considered normal if it is detected to be healthy for three times consecutively. Value range: 2-10; unit: count. The service assumes 3 when it is not given.",
                ),
                Option(
                    "unhealth_num",
                    "unhealth-num",
                    "Health threshold of new BM load balancer listener. Default value is 3, which means the forwarding is considered abnormal if it is detected to be unhealthy for three times consecutively. Value range: 2-10; unit: count. The service assumes 3 when it is not given.",
                ),
                Option(
                    "bandwidth",
                    "bandwidth",
                    "Used to specify the maximum bandwidth of new listener with the billing mode is pay-by-fixed bandwidth. Value range: 0-1000 (in Mbps).",
                ),
                Option(
                    "custom_health_switch",
                    "custom-health-switch",
                    "Whether the custom health check is on: 1 (on), 0 (off). Default: 0 (off). It takes effect only while the health check is on. The service assumes 0 when it is not given.",
                ),
                Option(
                    "input_type",
                    "input-type",
                    "Content type of the custom health check probe: text, or hexadecimal.",
                ),
                Option(
                    "line_separator_type",
                    "line-separator-type",
                    "For a text probe, how the line breaks of the request text are sent: 1 (as LF), 2 (as CR), 3 (as LF+CR).",
                ),
                Option(
                    "health_request",
                    "health-request",
                    "Request content of the custom health check probe.",
                ),
                Option(
                    "health_response",
                    "health-response",
                    "Response content the custom health check probe expects.",
                ),
                Option(
                    "toa_flag",
                    "toa-flag",
                    "Whether TOA is on: 0 (off), 1 (on); off by default. It takes effect only on a load balancer of the fullnat type. The service assumes 0 when it is not given.",
                ),
            ),
        ),
        Command(
            "modify-bm-load-balancer-attributes",
            "ModifyBmLoadBalancerAttributes",
            summary="Modify the basic configuration information of BM load balancer instances based on your input parameters.",
            summary_zh="根据您的输入参数来修改黑石负载均衡实例的基本配置信息。",
            example="qcloud-bmlb modify-bm-load-balancer-attributes --load-balancer-id lb-abcdefgh --load-balancer-name my-test --domain-prefix aaaa --wait",
            options=(
                Option(
                    "load_balancer_id",
                    "load-balancer-id",
                    "ID of load balancer instance, which can be queried via API DescribeBmLoadBalancers .",
                ),
                Option(
                    "load_balancer_name",
                    "load-balancer-name",
                    'Name of load balancer. The name should be a combination of 1-20 characters comprised of letters, numbers, "-" or "_".',
                ),
                Option(
                    "domain_prefix",
                    "domain-prefix",
                    'Prefix of domain name. The domain name of load balancer consists of domain name prefix entered by user and the domain suffix in the configuration file to ensure its uniqueness. The prefix should be a combination of 1-20 characters comprised of lowercase letters, numbers or "-". This field is not applicable to private network-based load balancers.',
                ),
            ),
        ),
        Command(
            "modify-bm-location-backend-port",
            "ModifyBmLocationBackendPort",
            summary="Modify the backend instance port of BM load balancer layer-7 forwarding path.",
            summary_zh="修改黑石负载均衡七层转发路径后端实例端口。",
            example="qcloud-bmlb modify-bm-location-backend-port --load-balancer-id lb-abcdefgh --listener-id lbl-abcdefgh --domain-id dm-abcdefgh --location-id loc-abcdefgh --instance-id cpm-abcdefgh --port 1234 --new-port 12345",
            options=(
                Option(
                    "load_balancer_id",
                    "load-balancer-id",
                    "ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.",
                ),
                Option(
                    "listener_id",
                    "listener-id",
                    "ID of the load balancer's layer-7 listener, which can be queried via API DescribeBmForwardListeners.",
                ),
                Option(
                    "domain_id",
                    "domain-id",
                    "ID of the load balancer's layer-7 forwarding domain, which can be queried via API DescribeBmForwardRules.",
                ),
                Option(
                    "location_id",
                    "location-id",
                    "ID of the load balancer's layer-7 forwarding path, which can be queried via API DescribeBmForwardRules.",
                ),
                Option(
                    "instance_id",
                    "instance-id",
                    "ID of the CPM.",
                ),
                Option(
                    "port",
                    "port",
                    "Bound CPM port.",
                ),
                Option(
                    "new_port",
                    "new-port",
                    "New CPM port. Value range: 1-65535.",
                ),
            ),
        ),
        Command(
            "modify-bm-location-backend-weight",
            "ModifyBmLocationBackendWeight",
            summary="Modify the backend instance weight of BM load balancer layer-7 forwarding path.",
            summary_zh="修改黑石负载均衡七层转发路径后端实例权重。",
            example="qcloud-bmlb modify-bm-location-backend-weight --load-balancer-id lb-abcdefgh --listener-id lbl-abcdefgh --domain-id dm-abcdefgh --location-id loc-abcdefgh --instance-id cpm-abcdefgh --weight 100 --port 1234",
            options=(
                Option(
                    "load_balancer_id",
                    "load-balancer-id",
                    "ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.",
                ),
                Option(
                    "listener_id",
                    "listener-id",
                    "ID of the load balancer's layer-7 listener, which can be queried via API DescribeBmForwardListeners.",
                ),
                Option(
                    "domain_id",
                    "domain-id",
                    "ID of the load balancer's layer-7 forwarding domain, which can be queried via API DescribeBmForwardRules.",
                ),
                Option(
                    "location_id",
                    "location-id",
                    "ID of the load balancer's layer-7 forwarding path, which can be queried via API DescribeBmForwardRules.",
                ),
                Option(
                    "instance_id",
                    "instance-id",
                    "ID of the CPM.",
                ),
                Option(
                    "weight",
                    "weight",
                    "Weight. Available value range: 0-100.",
                ),
                Option(
                    "port",
                    "port",
                    "Bound CPM port.",
                ),
            ),
        ),
        Command(
            "replace-bm-cert",
            "ReplaceBmCert",
            summary="Update certificate for BM load balancer.",
            summary_zh="更新黑石负载均衡证书。",
            example="qcloud-bmlb replace-bm-cert --old-cert-id abcdefgh --new-cert '-----BEGIN CERTIFICATE-----\nMIIE0DCCA7igAwIBAgIQEgaTYAJIpw1PQxjSr1FlTDANBgkqhkiG9w0BAQsFADBP\nMQswCQYDVQQGEwJDTjEaMBgGA1UEChMRV29TaWduIENBIExpbWl0ZWQxJDAiBgNV\nBAMMG0NBIOayg+mAmuWFjei0uVNTTOivgeS5piBHMjAeFw0xNjA1MTMwODIxMjVa\nFw0xODA2MTMwODIxMjVaMBUxEzARBgNVBAMMCmcuZi14ai5jb20wggEiMA0GCSqG\nSIb3DQEBAQUAA4IBDwAwggEKAoIBAQC4/Ei7dxUJYXgY1V1PflCMwUrkG8Ack0vw\n+C/hCzivNBw5N0WA1Tch4REOIyDPIBq2wiblw4kSsHOF5CfB9DwDhaknZwzwyynZ\nWr2NekKjoo6x0viqFydVyiVWGzW1qr6Dn9tiDcp75W/Os+nUzKHcc0Wd5aHvjGKD\n6xEPQKLvCZ0F4208rHWcoSnYiaFJPUAfegd8JvK5al0BvSZoXICo6Taf5x4xHag1\n6ymINH1ClLcAIOpAITWddqV20xaXrvdU7J0BusmYkHc840X3cvBywjFurzN5oLg2\nvtVQhGm6qJ/Fjqdg8w40BZkTQb4PlEX8AJ27g+548giuVnLzf8CHAgMBAAGjggHg\nMIIB3DAOBgNVHQ8BAf8EBAMCBaAwHQYDVR0lBBYwFAYIKwYBBQUHAwIGCCsGAQUF\nBwMBMAkGA1UdEwQCMAAwHQYDVR0OBBYEFBvlTUGHZ/GGU4qGT+T7r/Zbcg0pMB8G\nA1UdIwQYMBaAFDDadIbzKJBWntcxMcK9Wc2TEjkdMH8GCCsGAQUFBwEBBHMwcTA1\nBggrBgEFBQcwAYYpaHR0cDovL29jc3AyLndvc2lnbi5jbi9jYTJnMi9zZXJ2ZXIx\nL2ZyZWUwOAYIKwYBBQUHMAKGLGh0dHA6Ly9haWEyLndvc2lnbi5jbi9jYTJnMi5z\nZXJ2ZXIxLmZyZWUuY2VyMD4GA1UdHwQ3MDUwM6AxoC+GLWh0dHA6Ly9jcmxzMi53\nb3NpZ24uY24vY2EyZzItc2VydmVyMS1mcmVlLmNybDBOBgNVHREERzBFggpnLmYt\neGouY29tghBzY2hvbGFyLmYteGouY29tggt5dC5mLXhqLmNvbYILZmIuZi14ai5j\nb22CC3R3LmYteGouY29tME8GA1UdIARIMEYwCAYGZ4EMAQIBMDoGCysGAQQBgptR\nAQECMCswKQYIKwYBBQUHAgEWHWh0dHA6Ly93d3cud29zaWduLmNvbS9wb2xpY3kv\nMA0GCSqGSIb3DQEBCwUAA4IBAQCJSd/1xmxwnT/TtKvvxTvDnkCpfsFYVmqiHB/Z\nrXiMdgobUOfF7C8kcBCTqSQAXZF3fjJ1KyhNulvKOffzGGYp+rMwoTAmfaNLUxD/\nX9gPLxZCiysDBQ1BLe16k4aKUHIOmqQNF1MD/8hOZBxjevctKaXc4Xqm2gxJLxDH\nRoY3HKZcdB6t/x7YJU640wvaFqDqIgR6Pc74YjtLrNjkXcf/IQU7c2yjZt9NIGeS\nOTku5DmFasRf04tmE7naB+wkUZOwAqGK8CESNS11BYZjO/M4G/ALS8zCpShUy89H\nhYiYAG5jdNI4vyWwaU4428nG3YvKzlTOpCaowqgbyCcqmtAT\n-----END CERTIFICATE-----'",
            options=(
                Option(
                    "old_cert_id",
                    "old-cert-id",
                    "ID of old certificate.",
                ),
                Option(
                    "new_cert",
                    "new-cert",
                    "Certificate content.",
                ),
                Option(
                    "new_alias",
                    "new-alias",
                    "Certificate name.",
                ),
                Option(
                    "new_key",
                    "new-key",
                    "Private key content. This parameter is not required if certificate type is SVR.",
                ),
                Option(
                    "delete_old",
                    "delete-old",
                    "Whether to delete old certificate.",
                ),
            ),
        ),
        Command(
            "unbind-bm-l4-listener-rs",
            "UnbindBmL4ListenerRs",
            summary="Unbind CPM hosts (backend ports) from a BM load balancer layer-4 listener.",
            summary_zh="解绑黑石负载均衡四层监听器物理服务器。",
            example="qcloud-bmlb unbind-bm-l4-listener-rs --load-balancer-id lb-abcdefgh --listener-id lbl-abcdefgh --backend cpm-abcdefgh:1234 --wait",
            options=(
                Option(
                    "load_balancer_id",
                    "load-balancer-id",
                    "ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.",
                ),
                Option(
                    "listener_id",
                    "listener-id",
                    "ID of the BM load balancer layer-4 listener, which can be queried via API DescribeBmListeners.",
                ),
                Option(
                    "backends",
                    "backends",
                    "Hosts to unbind. Several host ports may be given; a layer-4 listener allows at most 255 bound host ports.",
                    item="backend",
                    fields=(
                        ("instance_id", "INSTANCE_ID", "ID of the CPM instance to be unbound."),
                        ("port", "PORT", "CPM port to be unbound. Available value range: 1-65535."),
                    ),
                ),
            ),
        ),
        Command(
            "unbind-bm-l4-listener-vm-ip",
            "UnbindBmL4ListenerVmIp",
            summary="Unbind VM IP from BM load balancer layer-4 listeners.",
            summary_zh="解绑黑石负载均衡四层监听器虚机IP。",
            example="qcloud-bmlb unbind-bm-l4-listener-vm-ip --load-balancer-id lb-abcdefgh --listener-id lbl-abcdefgh --vm 1.1.1.1:1234 --wait",
            options=(
                Option(
                    "load_balancer_id",
                    "load-balancer-id",
                    "ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.",
                ),
                Option(
                    "listener_id",
                    "listener-id",
                    "ID of the BM load balancer layer-4 listener, which can be queried via API DescribeBmListeners.",
                ),
                Option(
                    "vm_list",
                    "vm-list",
                    "Information of the VM to be unbound.",
                    item="vm",
                    fields=(
                        ("vm_ip", "VM_IP", "VM IP to be unbound."),
                        ("port", "PORT", "VM port to be unbound. Available value range: 1-65535."),
                    ),
                ),
            ),
        ),
        Command(
            "unbind-bm-l7-location-vm-ip",
            "UnbindBmL7LocationVmIp",
            summary="Unbind VM IP from BM load balancer layer-7 forwarding path.",
            summary_zh="解绑黑石负载均衡七层转发路径虚机IP。",
            example="qcloud-bmlb unbind-bm-l7-location-vm-ip --load-balancer-id lb-abcdefgh --listener-id lbl-abcdefgh --domain-id dm-abcdefgh --location-id loc-abcdefgh --vm 1.1.1.1:1234",
            options=(
                Option(
                    "load_balancer_id",
                    "load-balancer-id",
                    "ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.",
                ),
                Option(
                    "listener_id",
                    "listener-id",
                    "ID of the load balancer's layer-7 listener, which can be queried via API DescribeBmForwardListeners.",
                ),
                Option(
                    "domain_id",
                    "domain-id",
                    "ID of the load balancer's layer-7 forwarding domain, which can be queried via API DescribeBmForwardRules.",
                ),
                Option(
                    "location_id",
                    "location-id",
                    "ID of the load balancer's layer-7 forwarding path, which can be queried via API DescribeBmForwardRules.",
                ),
                Option(
                    "vm_list",
                    "vm-list",
                    "Information of the CPM to be unbound.",
                    item="vm",
                    fields=(
                        ("vm_ip", "VM_IP", "VM IP to be unbound."),
                        ("port", "PORT", "VM port to be unbound. Available value range: 1-65535."),
                    ),
                ),
            ),
        ),
        Command(
            "unbind-bm-location-instances",
            "UnbindBmLocationInstances",
            summary="Unbind CPM from layer-7 forwarding path.",
            summary_zh="解绑黑石物理服务器到七层转发路径。",
            example="qcloud-bmlb unbind-bm-location-instances --load-balancer-id lb-abcdefgh --listener-id lbl-abcdefgh --domain-id dm-abcdefgh --location-id loc-abcdefgh --backend cpm-abcdefgh:1234",
            options=(
                Option(
                    "load_balancer_id",
                    "load-balancer-id",
                    "ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.",
                ),
                Option(
                    "listener_id",
                    "listener-id",
                    "ID of the load balancer's layer-7 listener, which can be queried via API DescribeBmForwardListeners.",
                ),
                Option(
                    "domain_id",
                    "domain-id",
                    "ID of the load balancer's layer-7 forwarding domain, which can be queried via API DescribeBmForwardRules.",
                ),
                Option(
                    "location_id",
                    "location-id",
                    "ID of the load balancer's layer-7 forwarding path, which can be queried via API DescribeBmForwardRules.",
                ),
                Option(
                    "backends",
                    "backends",
                    "Information of the CPM to be unbound.",
                    item="backend",
                    fields=(
                        ("instance_id", "INSTANCE_ID", "ID of the CPM instance to be unbound."),
                        ("port", "PORT", "CPM port to be unbound. Available value range: 1-65535."),
                    ),
                ),
            ),
        ),
        Command(
            "upload-bm-cert",
            "UploadBmCert",
            summary="Create certificate for BM load balancer.",
            summary_zh="创建黑石负载均衡证书。",
            example="qcloud-bmlb upload-bm-cert --cert-type SVR --cert '-----BEGIN CERTIFICATE-----\nMIIE0DCCA7igAwIBAgIQEgaTYAJIpw1PQxjSr1FlTDANBgkqhkiG9w0BAQsFADBP\nMQswCQYDVQQGEwJDTjEaMBgGA1UEChMRV29TaWduIENBIExpbWl0ZWQxJDAiBgNV\nBAMMG0NBIOayg+mAmuWFjei0uVNTTOivgeS5piBHMjAeFw0xNjA1MTMwODIxMjVa\nFw0xODA2MTMwODIxMjVaMBUxEzARBgNVBAMMCmcuZi14ai5jb20wggEiMA0GCSqG\nSIb3DQEBAQUAA4IBDwAwggEKAoIBAQC4/Ei7dxUJYXgY1V1PflCMwUrkG8Ack0vw\n+C/hCzivNBw5N0WA1Tch4REOIyDPIBq2wiblw4kSsHOF5CfB9DwDhaknZwzwyynZ\nWr2NekKjoo6x0viqFydVyiVWGzW1qr6Dn9tiDcp75W/Os+nUzKHcc0Wd5aHvjGKD\n6xEPQKLvCZ0F4208rHWcoSnYiaFJPUAfegd8JvK5al0BvSZoXICo6Taf5x4xHag1\n6ymINH1ClLcAIOpAITWddqV20xaXrvdU7J0BusmYkHc840X3cvBywjFurzN5oLg2\nvtVQhGm6qJ/Fjqdg8w40BZkTQb4PlEX8AJ27g+548giuVnLzf8CHAgMBAAGjggHg\nMIIB3DAOBgNVHQ8BAf8EBAMCBaAwHQYDVR0lBBYwFAYIKwYBBQUHAwIGCCsGAQUF\nBwMBMAkGA1UdEwQCMAAwHQYDVR0OBBYEFBvlTUGHZ/GGU4qGT+T7r/Zbcg0pMB8G\nA1UdIwQYMBaAFDDadIbzKJBWntcxMcK9Wc2TEjkdMH8GCCsGAQUFBwEBBHMwcTA1\nBggrBgEFBQcwAYYpaHR0cDovL29jc3AyLndvc2lnbi5jbi9jYTJnMi9zZXJ2ZXIx\nL2ZyZWUwOAYIKwYBBQUHMAKGLGh0dHA6Ly9haWEyLndvc2lnbi5jbi9jYTJnMi5z\nZXJ2ZXIxLmZyZWUuY2VyMD4GA1UdHwQ3MDUwM6AxoC+GLWh0dHA6Ly9jcmxzMi53\nb3NpZ24uY24vY2EyZzItc2VydmVyMS1mcmVlLmNybDBOBgNVHREERzBFggpnLmYt\neGouY29tghBzY2hvbGFyLmYteGouY29tggt5dC5mLXhqLmNvbYILZmIuZi14ai5j\nb22CC3R3LmYteGouY29tME8GA1UdIARIMEYwCAYGZ4EMAQIBMDoGCysGAQQBgptR\nAQECMCswKQYIKwYBBQUHAgEWHWh0dHA6Ly93d3cud29zaWduLmNvbS9wb2xpY3kv\nMA0GCSqGSIb3DQEBCwUAA4IBAQCJSd/1xmxwnT/TtKvvxTvDnkCpfsFYVmqiHB/Z\nrXiMdgobUOfF7C8kcBCTqSQAXZF3fjJ1KyhNulvKOffzGGYp+rMwoTAmfaNLUxD/\nX9gPLxZCiysDBQ1BLe16k4aKUHIOmqQNF1MD/8hOZBxjevctKaXc4Xqm2gxJLxDH\nRoY3HKZcdB6t/x7YJU640wvaFqDqIgR6Pc74YjtLrNjkXcf/IQU7c2yjZt9NIGeS\nOTku5DmFasRf04tmE7naB+wkUZOwAqGK8CESNS11BYZjO/M4G/ALS8zCpShUy89H\nhYiYAG5jdNI4vyWwaU4428nG3YvKzlTOpCaowqgbyCcqmtAT\n-----END CERTIFICATE-----' --key '-----BEGIN RSA PRIVATE KEY-----\nyour own key\n-----END RSA PRIVATE KEY-----'",
            options=(
                Option(
                    "cert_type",
                    "cert-type",
                    "Certificate type. Value can be CA and SVR.",
                ),
                Option(
                    "cert",
                    "cert",
                    "Certificate content.",
                ),
                Option(
                    "alias",
                    "alias",
                    "Certificate alias.",
                ),
                Option(
                    "key",
                    "key",
                    "Private key content. This parameter is not required if certificate type is SVR.",
                ),
            ),
        ),
    ),
)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the tool on ``argv`` (default: the process's arguments); the exit status."""
    return TOOL.main(argv)


if __name__ == "__main__":
    sys.exit(main())
