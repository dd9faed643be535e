"""The `qcloud-bmlb` command-line tool for the BM Load Balancer API: one command per action.

    qcloud-bmlb [GLOBAL OPTIONS] COMMAND [OPTIONS] [GLOBAL OPTIONS]
    qcloud-bmlb unbind-bm-l4-listener-rs --help

Commands:
    describe-bm-load-balancers-task-result
    modify-bm-l4-listener-backend-port
    modify-bm-l4-listener-backend-probe-port
    unbind-bm-l4-listener-rs

Global options (before or after the command): --region, --endpoint, --profile,
--output json|table, --debug. Commands whose action starts a task also take --wait and
--wait-timeout SECONDS. Credentials come from TENCENTCLOUD_SECRET_ID, TENCENTCLOUD_SECRET_KEY
and TENCENTCLOUD_TOKEN, else the profile file ~/.tencentcloud/credentials, as for the client;
never from the command line.

Exit status:
    0    success
    1    unexpected error (a bug: please report it)
    2    usage or validation error: a bad option or value; nothing was sent
    3    configuration error: no credentials or region, a bad --endpoint or profile file;
         nothing was sent
    4    API error: the service answered with an error code (code, codeDesc and message are
         printed on stderr)
    5    transport or response error: no connection, a timeout, an HTTP error or a garbled
         response
    6    --wait: the task failed
    7    --wait: the task was still running when --wait-timeout passed
    130  interrupted (Ctrl-C)

Imports argparse only until a command runs. Generated from spec/ by `python -m generator`;
do not edit.
"""

from __future__ import annotations

import sys

from . import __version__, _cli

# Not typing.TYPE_CHECKING: importing typing alone would cost more than this module.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["TOOL", "main"]

TOOL = _cli.Tool(
    prog="qcloud-bmlb",
    version=__version__,
    description=(
        "Command-line tool for the BM Load Balancer (黑石负载均衡) API at bmlb.api.qcloud.com."
        "\n\n"
        "Credentials come from TENCENTCLOUD_SECRET_ID, TENCENTCLOUD_SECRET_KEY and "
        "TENCENTCLOUD_TOKEN, else the profile file ~/.tencentcloud/credentials (--profile "
        "picks its section); never from the command line. Global options may come before or "
        "after the command."
    ),
    regions=(
        "ap-beijing",
        "ap-shanghai",
        "ap-guangzhou",
        "ap-chongqing",
    ),
    task_command="describe-bm-load-balancers-task-result",
    task_action="DescribeBmLoadBalancersTaskResult",
    task_fields=("status",),
    commands=(
        _cli.Command(
            name="describe-bm-load-balancers-task-result",
            action="DescribeBmLoadBalancersTaskResult",
            method="describe_bm_load_balancers_task_result",
            summary="Query the result of an asynchronous BM load balancer task.",
            summary_zh="查询黑石负载均衡异步任务的操作结果。",
            task_id=None,
            result=("status",),
            example=(("request_id", 12345),),
            params=(
                _cli.Field(
                    option="request-id",
                    name="request_id",
                    wire="requestId",
                    kind="Int",
                    required=True,
                    minimum=None,
                    maximum=None,
                    rule="",
                    help="Task ID returned by a change action.",
                ),
            ),
        ),
        _cli.Command(
            name="modify-bm-l4-listener-backend-port",
            action="ModifyBmL4ListenerBackendPort",
            method="modify_bm_l4_listener_backend_port",
            summary="Modify the backend instance (CPM) port of a BM load balancer layer-4 listener.",
            summary_zh="修改黑石负载均衡四层监听器后端实例（物理机）端口。",
            task_id="request_id",
            result=("request_id",),
            example=(
                ("load_balancer_id", "lb-abcdefgh"),
                ("listener_id", "lbl-abcdefgh"),
                ("instance_id", "cpm-abcdefgh"),
                ("port", 1234),
                ("new_port", 12345),
            ),
            params=(
                _cli.Field(
                    option="load-balancer-id",
                    name="load_balancer_id",
                    wire="loadBalancerId",
                    kind="String",
                    required=True,
                    minimum=None,
                    maximum=None,
                    rule="1–64 chars",
                    help="ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.",
                ),
                _cli.Field(
                    option="listener-id",
                    name="listener_id",
                    wire="listenerId",
                    kind="String",
                    required=True,
                    minimum=None,
                    maximum=None,
                    rule="1–64 chars",
                    help="ID of the BM load balancer layer-4 listener, which can be queried via API DescribeBmListeners.",
                ),
                _cli.Field(
                    option="instance-id",
                    name="instance_id",
                    wire="instanceId",
                    kind="String",
                    required=True,
                    minimum=None,
                    maximum=None,
                    rule="1–64 chars",
                    help="ID of the CPM.",
                ),
                _cli.Field(
                    option="port",
                    name="port",
                    wire="port",
                    kind="Int",
                    required=True,
                    minimum=1,
                    maximum=65535,
                    rule="1–65535",
                    help="Bound CPM port.",
                ),
                _cli.Field(
                    option="new-port",
                    name="new_port",
                    wire="newPort",
                    kind="Int",
                    required=True,
                    minimum=1,
                    maximum=65535,
                    rule="1–65535",
                    help="New CPM port. Available value range: 1-65535.",
                ),
            ),
        ),
        _cli.Command(
            name="modify-bm-l4-listener-backend-probe-port",
            action="ModifyBmL4ListenerBackendProbePort",
            method="modify_bm_l4_listener_backend_probe_port",
            summary="Modify the backend probe (health check) port of a BM load balancer layer-4 listener.",
            summary_zh="修改黑石负载均衡四层监听器后端探测端口。",
            task_id="request_id",
            result=("request_id",),
            example=(
                ("load_balancer_id", "lb-abcdefgh"),
                ("listener_id", "lbl-abcdefgh"),
                ("instance_id", "cpm-abcdefgh"),
                ("port", 1234),
                ("probe_port", 12345),
            ),
            params=(
                _cli.Field(
                    option="load-balancer-id",
                    name="load_balancer_id",
                    wire="loadBalancerId",
                    kind="String",
                    required=True,
                    minimum=None,
                    maximum=None,
                    rule="1–64 chars",
                    help="ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.",
                ),
                _cli.Field(
                    option="listener-id",
                    name="listener_id",
                    wire="listenerId",
                    kind="String",
                    required=True,
                    minimum=None,
                    maximum=None,
                    rule="1–64 chars",
                    help="ID of the BM load balancer layer-4 listener, which can be queried via API DescribeBmListeners.",
                ),
                _cli.Field(
                    option="instance-id",
                    name="instance_id",
                    wire="instanceId",
                    kind="String",
                    required=True,
                    minimum=None,
                    maximum=None,
                    rule="1–64 chars",
                    help="ID of the CPM host.",
                ),
                _cli.Field(
                    option="port",
                    name="port",
                    wire="port",
                    kind="Int",
                    required=True,
                    minimum=1,
                    maximum=65535,
                    rule="1–65535",
                    help="Bound host port.",
                ),
                _cli.Field(
                    option="probe-port",
                    name="probe_port",
                    wire="probePort",
                    kind="Int",
                    required=True,
                    minimum=1,
                    maximum=65535,
                    rule="1–65535",
                    help="New probe port. Available value range: 1-65535.",
                ),
            ),
        ),
        _cli.Command(
            name="unbind-bm-l4-listener-rs",
            action="UnbindBmL4ListenerRs",
            method="unbind_bm_l4_listener_rs",
            summary="Unbind CPM hosts (backend ports) from a BM load balancer layer-4 listener.",
            summary_zh="解绑黑石负载均衡四层监听器物理服务器。",
            task_id="request_id",
            result=("request_id",),
            example=(
                ("load_balancer_id", "lb-abcdefgh"),
                ("listener_id", "lbl-abcdefgh"),
                ("backends", [{"instance_id": "cpm-abcdefgh", "port": 1234}]),
            ),
            params=(
                _cli.Field(
                    option="load-balancer-id",
                    name="load_balancer_id",
                    wire="loadBalancerId",
                    kind="String",
                    required=True,
                    minimum=None,
                    maximum=None,
                    rule="1–64 chars",
                    help="ID of the BM load balancer instance, which can be queried via API DescribeBmLoadBalancers.",
                ),
                _cli.Field(
                    option="listener-id",
                    name="listener_id",
                    wire="listenerId",
                    kind="String",
                    required=True,
                    minimum=None,
                    maximum=None,
                    rule="1–64 chars",
                    help="ID of the BM load balancer layer-4 listener, which can be queried via API DescribeBmListeners.",
                ),
                _cli.Array(
                    option="backends",
                    item_option="backend",
                    name="backends",
                    wire="backends",
                    required=True,
                    rule="1–255 items",
                    help="Hosts to unbind. Several host ports may be given; a layer-4 listener allows at most 255 bound host ports.",
                    fields=(
                        _cli.Field(
                            option="instance-id",
                            name="instance_id",
                            wire="instanceId",
                            kind="String",
                            required=True,
                            minimum=None,
                            maximum=None,
                            rule="1–64 chars",
                            help="ID of the CPM instance to be unbound.",
                        ),
                        _cli.Field(
                            option="port",
                            name="port",
                            wire="port",
                            kind="Int",
                            required=True,
                            minimum=1,
                            maximum=65535,
                            rule="1–65535",
                            help="CPM port to be unbound. Available value range: 1-65535.",
                        ),
                    ),
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
