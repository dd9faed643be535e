"""Load balancers, their price, what is bound where (bind info, port info), and tasks.

The rules the pages state, and the codes they answer: a load balancer is bought in a VPC (and,
internal, a subnet) of the region (20002); at most 20 in one order (12010); a public one costs
100 fen a day, an internal one nothing; an internal one has no domain and no dnat cluster;
IPv6 only in Beijing and Shanghai; names are 1-20 letters, Chinese characters, digits, '-' or
'_'; domain prefixes 1-20 lower-case letters, digits or '-'.
"""

from __future__ import annotations

import re
from typing import Any

from ._actions_l4 import RENAMES as LISTENER_RENAMES
from ._calls import Answer, Call, Change, Table, page, removing, wire
from ._seeds import add_load_balancer
from ._state import FakeApiError, L4Listener, LoadBalancer, canonical_region

__all__ = ["ACTIONS", "DOMAIN_SUFFIX"]

ACTIONS = Table()

#: A public load balancer's domain is its prefix and this.
DOMAIN_SUFFIX = ".hslb.myqcloud.com"
#: Region codes as GetBmCertDetail's regionId gives them.
REGION_IDS = {"ap-guangzhou": 1, "ap-shanghai": 4, "ap-beijing": 8, "ap-chongqing": 19}
_NAME_CHARS = re.compile(r"[A-Za-z0-9_\-\u4e00-\u9fff]{1,20}")
_PREFIX = re.compile(r"[a-z0-9-]{1,20}")
_IPV6_REGIONS = ("ap-beijing", "ap-shanghai")

RENAMES = {
    "id": "loadBalancerId", "name": "loadBalancerName", "type": "loadBalancerType",
    "vips": "loadBalancerVips",
}  # fmt: skip
FIELDS = (
    "id", "name", "type", "domain", "vips", "status", "create_time", "status_time",
    "un_vpc_id", "un_subnet_id", "vpc_id", "subnet_id", "project_id", "latest_pay_mode",
    "pay_mode", "bandwidth", "tgw_set_type", "ip_protocol_type",
)  # fmt: skip
ORDER_BY = {
    "loadBalancerName": "name", "createTime": "create_time", "domain": "domain",
    "loadBalancerType": "type",
}  # fmt: skip


@ACTIONS.handles("DescribeBmLoadBalancersTaskResult")
def task_result(call: Call) -> Answer:
    return {"data": {"status": call.state.task_result(call.args["request_id"])}}


@ACTIONS.handles("InquiryBmLBPrice")
def price(call: Call) -> Answer:
    return {"price": 100 if call.args["load_balancer_type"] == "open" else 0}


@ACTIONS.handles("CreateBmLoadBalancer")
def create(call: Call) -> Change:
    state, args = call.state, call.args
    region = canonical_region(call.region)
    kind = args["load_balancer_type"]
    vpc = state.vpcs.get(args["un_vpc_id"])
    if vpc is None or vpc.region != region:
        raise FakeApiError(20002, f"VPC {args['un_vpc_id']} does not exist in {region}")
    subnet_id = args.get("un_subnet_id")
    subnet = vpc.subnets.get(subnet_id) if subnet_id else None
    if kind == "internal" and subnet is None:
        raise FakeApiError(
            20002 if subnet_id else 9003,
            f"subnet {subnet_id} does not exist in {vpc.id}" if subnet_id
            else "an internal load balancer needs unSubnetId, the subnet its VIP comes from",
        )  # fmt: skip
    count = call.get("goods_num", 1)
    if count > state.limits.load_balancers_per_order:
        raise FakeApiError(
            12010, f"goodsNum {count}: at most {state.limits.load_balancers_per_order} an order"
        )
    have = sum(lb.region == region for lb in state.load_balancers.values())
    if have + count > state.limits.load_balancers:
        raise FakeApiError(
            12011, f"{have} load balancers in {region}; at most {state.limits.load_balancers}"
        )
    vips = call.get("specified_vips")
    if vips is not None:
        if len(vips) != count:
            raise FakeApiError(9003, f"specifiedVips has {len(vips)} VIPs for goodsNum {count}")
        taken = {vip for lb in state.load_balancers.values() for vip in lb.vips}
        for vip in vips:
            if vip in taken:
                raise FakeApiError(9003, f"VIP {vip} is in use")
    tgw = call.get("tgw_set_type", "fullnat")
    if kind == "internal" and tgw == "dnat":
        raise FakeApiError(9003, "an internal load balancer has no dnat cluster")
    ip_protocol = call.get("ip_protocol_type", "ipv4")
    if ip_protocol == "ipv6" and region not in _IPV6_REGIONS:
        raise FakeApiError(9003, "ipv6 load balancers are sold in Beijing and Shanghai only")

    def apply() -> Answer:
        made = []
        for n in range(count):
            pay_mode = call.get("pay_mode", "flow")
            lb = LoadBalancer(
                state.new_id("lb-"), region, type=kind, un_vpc_id=vpc.id, vpc_id=vpc.vpc_id,
                un_subnet_id=subnet.id if subnet else "",
                subnet_id=subnet.subnet_id if subnet else 0,
                project_id=call.get("project_id", 0), pay_mode=pay_mode, latest_pay_mode=pay_mode,
                tgw_set_type=tgw, exclusive=call.get("exclusive", 0), ip_protocol_type=ip_protocol,
                vips=[vips[n]] if vips else [],
            )  # fmt: skip
            add_load_balancer(state, lb)
            made.append(lb.id)
        return {"loadBalancerIds": made}

    return Change("", apply)


def _matches(lb: LoadBalancer, call: Call) -> bool:
    get = call.get
    ids, vips = get("load_balancer_ids"), get("load_balancer_vips")
    key = get("search_key", "").lower()
    return (
        (ids is None or lb.id in ids)
        and (vips is None or any(v in vips for v in lb.vips))
        and all(
            get(arg) is None or get(arg) == getattr(lb, attr)
            for arg, attr in (
                ("load_balancer_type", "type"),
                ("load_balancer_name", "name"),
                ("domain", "domain"),
                ("project_id", "project_id"),
                ("exclusive", "exclusive"),
                ("tgw_set_type", "tgw_set_type"),
                ("un_vpc_id", "un_vpc_id"),
            )
        )
        and (
            not key
            or key in lb.name.lower()
            or key in lb.domain.lower()
            or any(key in v for v in lb.vips)
        )
    )


@ACTIONS.handles("DescribeBmLoadBalancers")
def describe(call: Call) -> Answer:
    region = canonical_region(call.region)
    found = [
        lb for lb in call.state.load_balancers.values()
        if lb.region == region and _matches(lb, call)
    ]  # fmt: skip
    order = call.get("order_by")
    if order is not None:
        found.sort(key=lambda lb: getattr(lb, ORDER_BY[order]), reverse=call.get("order_type") == 1)
    elif call.get("order_type") == 1:
        found.reverse()
    shown = page(found, call.get("offset", 0), call.get("limit", 20))
    return {
        "loadBalancerSet": [wire(lb, FIELDS, RENAMES) for lb in shown],
        "totalCount": len(found),
    }


@ACTIONS.handles("DeleteBmLoadBalancers")
def delete(call: Call) -> Change:
    state = call.state
    lb = call.load_balancer(change=True)
    return removing(lb.id, state.load_balancers, [lb.id])


@ACTIONS.handles("ModifyBmLoadBalancerAttributes")
def modify_attributes(call: Call) -> Change:
    state = call.state
    lb = call.load_balancer(change=True)
    name, prefix = call.get("load_balancer_name"), call.get("domain_prefix")
    if name is not None and not _NAME_CHARS.fullmatch(name):
        raise FakeApiError(
            9003, f"loadBalancerName {name!r}: 1-20 letters, Chinese characters, digits, - or _"
        )
    domain = None
    if prefix is not None:
        if lb.type == "internal":
            raise FakeApiError(9003, "an internal load balancer has no domain")
        if not _PREFIX.fullmatch(prefix):
            raise FakeApiError(9003, f"domainPrefix {prefix!r}: 1-20 a-z, 0-9 or -")
        domain = prefix + DOMAIN_SUFFIX
        other = next((x.id for x in state.load_balancers.values()
                      if x.domain == domain and x is not lb), None)  # fmt: skip
        if other is not None:
            raise FakeApiError(9003, f"domain {domain} is {other}'s")

    def apply() -> None:
        if name is not None:
            lb.name = name
        if domain is not None:
            lb.domain = domain
        lb.status_time = state.now()

    return Change(lb.id, apply)


@ACTIONS.handles("DescribeBmVportInfo")
def vport_info(call: Call) -> Answer:
    lb = call.load_balancer()
    shown = [
        wire(x, ("id", "name", "protocol", "port", "bandwidth", "status"), LISTENER_RENAMES)
        for x in lb.listeners.values()
    ]  # fmt: skip
    return {"listenerSet": shown, "totalCount": len(shown)}


def _rs(backends: Any, targets: set[str]) -> list[Answer]:
    return [
        {"instanceId": b.target, "rsPort": b.port}
        for _, b in sorted(backends.items())
        if b.target in targets
    ]


@ACTIONS.handles("DescribeBmBindInfo")
def bind_info(call: Call) -> Answer:
    region = canonical_region(call.region)
    targets = set(call.args["instance_ids"])
    vpc_id, un_vpc_id = call.get("vpc_id"), call.get("un_vpc_id")
    found = []
    for lb in sorted(call.state.load_balancers.values(), key=lambda x: x.id):
        if lb.region != region or vpc_id not in (None, lb.vpc_id):
            continue
        if un_vpc_id not in (None, lb.un_vpc_id):
            continue
        layer4, layer7 = [], []
        for listener in lb.listeners.values():
            head = wire(listener, ("id", "name", "protocol", "port"), LISTENER_RENAMES)
            if isinstance(listener, L4Listener):
                rs = _rs(listener.backends, targets)
                if rs:
                    layer4.append({**head, "rsList": rs})
                continue
            rules = []
            for domain in listener.domains.values():
                locations = [
                    {"url": loc.url, "locationId": loc.id, "rsList": _rs(loc.backends, targets)}
                    for loc in domain.locations.values()
                ]
                locations = [loc for loc in locations if loc["rsList"]]
                if locations:
                    rules.append({"domain": domain.domain, "domainId": domain.id,
                                  "locations": locations})  # fmt: skip
            if rules:
                layer7.append({**head, "ruleSet": rules})
        if layer4 or layer7:
            found.append({
                "loadBalancerId": lb.id, "appId": call.state.app_id, "projectId": lb.project_id,
                "vpcId": lb.vpc_id, "unVpcId": lb.un_vpc_id, "vip": lb.vips[0] if lb.vips else "",
                "tgwSetType": lb.tgw_set_type, "exclusive": lb.exclusive,
                "L4ListenerSet": layer4, "L7ListenerSet": layer7,
            })  # fmt: skip
    return {"loadBalancerSet": found, "totalCount": len(found)}
