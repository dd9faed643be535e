"""The `qcloud-bmlb` command-line tool for the BM Load Balancer API: one command per action.

    qcloud-bmlb [GLOBAL OPTIONS] COMMAND [OPTIONS] [GLOBAL OPTIONS]
    qcloud-bmlb unbind-bm-l4-listener-rs --help

Commands (each also answers to its API action name, as in tccli):
    describe-bm-load-balancers-task-result
    modify-bm-l4-listener-backend-port
    modify-bm-l4-listener-backend-probe-port
    unbind-bm-l4-listener-rs

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
            "describe-bm-load-balancers-task-result",
            "DescribeBmLoadBalancersTaskResult",
            summary="Query the result of an asynchronous BM load balancer task.",
            summary_zh="查询黑石负载均衡异步任务的操作结果。",
            example="qcloud-bmlb describe-bm-load-balancers-task-result --request-id 1234",
            options=(
                Option(
                    "request_id",
                    "request-id",
                    "Task ID returned by a change action.",
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
                        ("instance_id", "INSTANCE_ID", "Instance ID of the host to unbind."),
                        (
                            "port",
                            "PORT",
                            "Port of the host to unbind. Available value range: 1-65535.",
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
