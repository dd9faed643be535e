"""Load balancers (create, describe page by page, modify, delete), prices, bind info and port
info, through a real ``Client``, and the rules of the pages."""

from __future__ import annotations

from typing import Any

import pytest
from qcloud_bmlb import Client, errors
from qcloud_bmlb.testing import FakeBmlb

from .helpers import CPM, CPM2, CPM3, DOMAIN, L7, LB, LISTENER, LOCATION, VM, done

VPC = "vpc-abcdefgh"  # DEFAULT_SEED's, with subnet-abcdefgh


def described(client: Client, **filters: Any) -> list[dict[str, Any]]:
    return client.describe_bm_load_balancers(**filters).raw["loadBalancerSet"]  # type: ignore[no-any-return]


def test_create_load_balancers_and_describe_them(client: Client) -> None:
    made = client.create_bm_load_balancer(
        un_vpc_id=VPC, load_balancer_type="open", goods_num=2, pay_mode="bandwidth",
        specified_vips=["203.0.113.80", "203.0.113.81"], project_id=7,
    ).load_balancer_ids  # fmt: skip
    assert len(made) == 2 and all(x.startswith("lb-") for x in made)
    shown = {x["loadBalancerId"]: x for x in described(client, load_balancer_ids=made)}
    first = shown[made[0]]
    assert {k: first[k] for k in ("loadBalancerType", "loadBalancerVips", "status", "unVpcId",
                                  "vpcId", "projectId", "payMode", "latestPayMode",
                                  "tgwSetType")} == {
        "loadBalancerType": "open", "loadBalancerVips": ["203.0.113.80"], "status": 1,
        "unVpcId": VPC, "vpcId": 1000, "projectId": 7, "payMode": "bandwidth",
        "latestPayMode": "bandwidth", "tgwSetType": "fullnat",
    }  # fmt: skip
    assert first["domain"].endswith(".hslb.myqcloud.com")
    inner = client.create_bm_load_balancer(
        un_vpc_id=VPC, un_subnet_id="subnet-abcdefgh", load_balancer_type="internal"
    ).load_balancer_ids
    (shown_inner,) = described(client, load_balancer_ids=inner)
    assert (shown_inner["domain"], shown_inner["unSubnetId"], shown_inner["subnetId"]) == (
        "", "subnet-abcdefgh", 1
    )  # fmt: skip
    # A new load balancer takes listeners like a seeded one.
    client.create_bm_forward_listeners(load_balancer_id=inner[0], listeners=[
        {"load_balancer_port": 80, "protocol": "http", "listener_name": "web"}
    ])  # fmt: skip


@pytest.mark.parametrize(
    ("args", "error"),
    [
        ({"un_vpc_id": "vpc-nothere"}, errors.InvalidParameterVpcIdSubnetIdNotExist),
        ({"load_balancer_type": "internal"}, errors.InvalidParameter),  # no subnet given
        ({"load_balancer_type": "internal", "un_subnet_id": "subnet-nothere"},
         errors.InvalidParameterVpcIdSubnetIdNotExist),
        ({"load_balancer_type": "internal", "un_subnet_id": "subnet-abcdefgh",
          "tgw_set_type": "dnat"}, errors.InvalidParameter),
        ({"ip_protocol_type": "ipv6"}, errors.InvalidParameter),  # not in Guangzhou
        ({"goods_num": 2, "specified_vips": ["203.0.113.90"]}, errors.InvalidParameter),
        ({"specified_vips": ["203.0.113.2"]}, errors.InvalidParameter),  # lb-abcdefgh's VIP
    ],
)  # fmt: skip
def test_what_creating_a_load_balancer_refuses(
    client: Client, args: dict[str, Any], error: type
) -> None:
    with pytest.raises(error):
        client.create_bm_load_balancer(**{"un_vpc_id": VPC, "load_balancer_type": "open", **args})
    assert len(described(client)) == 1


def test_the_load_balancer_limits(fake: FakeBmlb, client: Client) -> None:
    fake.limits.load_balancers_per_order, fake.limits.load_balancers = 2, 3
    with pytest.raises(errors.InvalidResourceLBNumberOverOrderLimit):
        client.create_bm_load_balancer(un_vpc_id=VPC, load_balancer_type="open", goods_num=3)
    client.create_bm_load_balancer(un_vpc_id=VPC, load_balancer_type="open", goods_num=2)
    with pytest.raises(errors.InvalidResourceLBNumberOverTotalLimit):
        client.create_bm_load_balancer(un_vpc_id=VPC, load_balancer_type="open")


def test_describe_pages_as_the_service_does(fake: FakeBmlb, client: Client) -> None:
    for n in range(44):
        fake.add_load_balancer(
            f"lb-page{n:04d}", load_balancer_type="internal" if n % 4 else "open"
        )
    fake.add_load_balancer("lb-beijing1", region="ap-beijing")  # not of this region
    first = client.describe_bm_load_balancers()
    assert (len(first.load_balancer_set), first.total_count) == (20, 45)  # limit 20 by default
    page = client.describe_bm_load_balancers(offset=40, limit=10)
    assert [x.load_balancer_id for x in page.load_balancer_set] == [
        f"lb-page{n:04d}" for n in range(39, 44)
    ]  # fmt: skip
    # The client's paginator walks every page to the total.
    every = list(client.iter_describe_bm_load_balancers(page_size=7))
    assert len(every) == 45 and len({x.load_balancer_id for x in every}) == 45
    opened = list(client.iter_describe_bm_load_balancers(load_balancer_type="open", page_size=5))
    assert len(opened) == 12  # lb-abcdefgh and 11 of the pages'
    assert client.describe_bm_load_balancers(offset=45).load_balancer_set == []


def test_describe_filters_and_orders(fake: FakeBmlb, client: Client) -> None:
    fake.add_load_balancer("lb-other01")
    done(client, client.modify_bm_load_balancer_attributes(
        load_balancer_id="lb-other01", load_balancer_name="zeta", domain_prefix="zeta-lb"
    ))  # fmt: skip

    def ids(**filters: Any) -> list[str]:
        return [x["loadBalancerId"] for x in described(client, **filters)]

    assert ids(search_key="ZETA") == ["lb-other01"]  # name, domain or VIP, any case
    assert ids(domain="zeta-lb.hslb.myqcloud.com") == ["lb-other01"]
    assert ids(load_balancer_name="demo") == [LB]
    assert ids(load_balancer_vips=["203.0.113.2"]) == [LB]
    assert ids(un_vpc_id=VPC) == [LB]
    assert ids(order_by="loadBalancerName", order_type=1) == ["lb-other01", LB]
    assert ids(order_by="loadBalancerName") == [LB, "lb-other01"]


def test_modify_attributes_changes_the_name_and_domain(fake: FakeBmlb, client: Client) -> None:
    done(client, client.modify_bm_load_balancer_attributes(
        load_balancer_id=LB, load_balancer_name="商城-1_a", domain_prefix="shop"
    ))  # fmt: skip
    (shown,) = described(client)
    assert (shown["loadBalancerName"], shown["domain"]) == ("商城-1_a", "shop.hslb.myqcloud.com")
    with pytest.raises(errors.InvalidParameter, match="loadBalancerName"):
        client.modify_bm_load_balancer_attributes(load_balancer_id=LB, load_balancer_name="a b")
    with pytest.raises(errors.InvalidParameter, match="domainPrefix"):
        client.modify_bm_load_balancer_attributes(load_balancer_id=LB, domain_prefix="Shop")
    fake.add_load_balancer("lb-inner01", load_balancer_type="internal")
    with pytest.raises(errors.InvalidParameter, match="internal"):
        client.modify_bm_load_balancer_attributes(load_balancer_id="lb-inner01", domain_prefix="x")
    fake.add_load_balancer("lb-other01")
    with pytest.raises(errors.InvalidParameter, match=LB):  # a domain is one load balancer's
        client.modify_bm_load_balancer_attributes(load_balancer_id="lb-other01",
                                                  domain_prefix="shop")  # fmt: skip


def test_delete_takes_a_load_balancer_away_once_the_task_succeeds(client: Client) -> None:
    result = client.delete_bm_load_balancers(load_balancer_id=LB)
    assert len(described(client)) == 1
    done(client, result)
    assert described(client) == []
    with pytest.raises(errors.InvalidParameterCCDBLBNotExist):
        client.describe_bm_listeners(load_balancer_id=LB)


def test_the_price_of_a_load_balancer(client: Client) -> None:
    assert client.inquiry_bm_lb_price(load_balancer_type="open").price == 100  # fen a day
    assert client.inquiry_bm_lb_price(load_balancer_type="internal").price == 0


def test_bind_info_finds_a_hosts_bindings_across_layers(fake: FakeBmlb, client: Client) -> None:
    fake.add_load_balancer("lb-second1")
    fake.add_listener("lb-second1", "lbl-second1", protocol="udp", port=53)
    fake.bind("lb-second1", "lbl-second1", None, 53, vm_ip=VM)
    result = client.describe_bm_bind_info(instance_ids=[CPM, VM])
    assert result.total_count == 2
    first, second = result.raw["loadBalancerSet"]
    assert (first["loadBalancerId"], first["vpcId"], first["unVpcId"], first["vip"]) == (
        LB, 1000, VPC, "203.0.113.2"
    )  # fmt: skip
    (layer4,) = first["L4ListenerSet"]
    assert layer4["listenerId"] == LISTENER
    assert layer4["rsList"] == [
        {"instanceId": CPM, "rsPort": 1234},
        {"instanceId": CPM, "rsPort": 8080},
    ]
    (layer7,) = first["L7ListenerSet"]
    assert layer7["listenerId"] == L7
    assert layer7["ruleSet"] == [{"domain": "www.example.com", "domainId": DOMAIN, "locations": [
        {"url": "/", "locationId": LOCATION, "rsList": [{"instanceId": CPM, "rsPort": 80}]}
    ]}]  # fmt: skip
    assert second["L4ListenerSet"][0]["rsList"] == [{"instanceId": VM, "rsPort": 53}]
    assert second["L7ListenerSet"] == []
    assert client.describe_bm_bind_info(instance_ids=[CPM2], vpc_id=1000).total_count == 1
    assert client.describe_bm_bind_info(instance_ids=[CPM2], vpc_id=999).total_count == 0
    assert client.describe_bm_bind_info(instance_ids=[CPM3]).load_balancer_set == []


def test_port_info_lists_the_listeners_of_both_layers(client: Client) -> None:
    shown = client.describe_bm_vport_info(load_balancer_id=LB).raw["listenerSet"]
    assert shown == [
        {"listenerId": LISTENER, "listenerName": "tcp-80", "protocol": "tcp",
         "loadBalancerPort": 80, "bandwidth": 0, "status": 1},
        {"listenerId": L7, "listenerName": "http-8080", "protocol": "http",
         "loadBalancerPort": 8080, "bandwidth": 0, "status": 1},
    ]  # fmt: skip


def test_every_action_of_a_load_balancer_finds_it_only_in_its_region(fake: FakeBmlb) -> None:
    with fake.client(region="ap-beijing") as beijing:
        with pytest.raises(errors.InvalidParameterCCDBLBNotExist):
            beijing.describe_bm_vport_info(load_balancer_id=LB)
        with pytest.raises(errors.InvalidParameterCCDBLBNotExist):
            beijing.delete_bm_load_balancers(load_balancer_id=LB)
        assert beijing.describe_bm_load_balancers().total_count == 0
        assert beijing.describe_bm_bind_info(instance_ids=[CPM]).total_count == 0
