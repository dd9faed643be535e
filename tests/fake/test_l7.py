"""Layer-7 listeners, their rules (domains and locations) and the backends of a location,
through a real ``Client``, and the rules of the pages.

DEFAULT_SEED: lb-abcdefgh has the http listener lbl-abcdefge on port 8080, with the domain
www.example.com (dm-abcdefgh) and its location / (loc-abcdefgh), cpm-abcdefgh:80 bound there.
"""

from __future__ import annotations

from typing import Any

import pytest
from qcloud_bmlb import Client, errors
from qcloud_bmlb.models import (
    Backend,
    BindBmL7LocationVmIpVm,
    BindBmLocationInstancesBackend,
    CreateBmForwardListenersListener,
    CreateBmForwardRulesRule,
    ModifyBmForwardLocationRule,
    VmBackend,
)
from qcloud_bmlb.testing import Binding, FakeBmlb, make_certificate

from .helpers import CPM, CPM3, DOMAIN, L7, LB, LISTENER, LOCATION, VM, done

TARGET = {"load_balancer_id": LB, "listener_id": L7, "domain_id": DOMAIN, "location_id": LOCATION}


def http(port: int, name: str = "web", **more: Any) -> CreateBmForwardListenersListener:
    return CreateBmForwardListenersListener(
        load_balancer_port=port, protocol=more.pop("protocol", "http"), listener_name=name, **more
    )


def rules(client: Client, listener_id: str = L7, **filters: Any) -> list[dict[str, Any]]:
    result = client.describe_bm_forward_rules(load_balancer_id=LB, listener_id=listener_id,
                                              **filters)  # fmt: skip
    assert result.total_count == len(result.rule_set)
    return result.raw["ruleSet"]  # type: ignore[no-any-return]


def test_create_forward_listeners_at_once(fake: FakeBmlb, client: Client) -> None:
    result = client.create_bm_forward_listeners(
        load_balancer_id=LB, listeners=[http(81, "web-81"), http(82, "web-82", bandwidth=10)]
    )
    assert len(result.listener_ids) == 2  # no task: the answer names them
    shown = client.describe_bm_forward_listeners(load_balancer_id=LB).raw["listenerSet"]
    by_id = {x["listenerId"]: x for x in shown}
    assert set(by_id) == {L7, *result.listener_ids}
    new = by_id[result.listener_ids[1]]
    assert {k: new[k] for k in ("listenerName", "protocol", "loadBalancerPort", "bandwidth",
                                "listenerType", "SSLMode", "certId", "status")} == {
        "listenerName": "web-82", "protocol": "http", "loadBalancerPort": 82, "bandwidth": 10,
        "listenerType": "L7Listener", "SSLMode": 0, "certId": "", "status": 1,
    }  # fmt: skip
    only = client.describe_bm_forward_listeners(load_balancer_id=LB, listener_ids=[L7, LISTENER])
    assert [x.listener_id for x in only.listener_set] == [L7]  # layer 7 only


def test_what_a_new_forward_listener_is_refused_for(fake: FakeBmlb, client: Client) -> None:
    create = client.create_bm_forward_listeners
    with pytest.raises(errors.InvalidParameterVportIsDuplicate):  # tcp 80 is lbl-abcdefgh's
        create(load_balancer_id=LB, listeners=[http(80, protocol="https")])
    with pytest.raises(errors.InvalidParameter, match="server certificate"):
        create(load_balancer_id=LB, listeners=[http(443, protocol="https", ssl_mode=1)])
    with pytest.raises(errors.InvalidParameter, match="SSLMode"):
        create(load_balancer_id=LB, listeners=[http(443, ssl_mode=1)])
    with pytest.raises(errors.InvalidResourceCertPlatformErr):  # no such certificate
        create(load_balancer_id=LB, listeners=[http(443, protocol="https", ssl_mode=1,
                                                    cert_id="nothere")])  # fmt: skip
    with pytest.raises(errors.InvalidParameterInvalidCertContent):
        create(load_balancer_id=LB, listeners=[http(443, protocol="https", ssl_mode=1,
                                                    cert_content="not a certificate")])  # fmt: skip
    fake.add_load_balancer("lb-inner", load_balancer_type="internal")
    with pytest.raises(errors.InvalidParameter, match="internal"):
        pem = make_certificate("a.b")
        create(load_balancer_id="lb-inner",
               listeners=[http(443, protocol="https", ssl_mode=1, cert_content=pem)])  # fmt: skip
    fake.limits.listeners = 2
    done(client, create(load_balancer_id=LB, listeners=[http(81)]))
    with pytest.raises(errors.InvalidResourceListenerNumberOverLimit):
        create(load_balancer_id=LB, listeners=[http(82)])


def test_an_https_listener_with_a_certificate_of_its_own(fake: FakeBmlb, client: Client) -> None:
    pem = make_certificate("shop.example.com", alt_names=("www.shop.example.com",))
    result = client.create_bm_forward_listeners(load_balancer_id=LB, listeners=[http(
        443, protocol="https", ssl_mode=1, cert_content=pem, cert_key="KEY", cert_name="shop"
    )])  # fmt: skip
    (shown,) = client.describe_bm_forward_listeners(
        load_balancer_id=LB, listener_ids=result.listener_ids
    ).listener_set
    cert = client.get_bm_cert_detail(cert_id=shown.cert_id).data
    assert (cert.cert_name, cert.cert_type, cert.cert_domain) == ("shop", "SVR", "shop.example.com")
    assert cert.cert_subject_domain == ["shop.example.com", "www.shop.example.com"]
    assert [x.lb_id for x in cert.cert_lb_list] == [LB]


def test_modify_forward_listener_changes_exactly_the_fields_given(client: Client) -> None:
    def shown() -> dict[str, Any]:
        return client.describe_bm_forward_listeners(  # type: ignore[no-any-return]
            load_balancer_id=LB, listener_ids=[L7]
        ).raw["listenerSet"][0]

    before = shown()
    done(client, client.modify_bm_forward_listener(
        load_balancer_id=LB, listener_id=L7, listener_name="renamed", bandwidth=20
    ))  # fmt: skip
    after = shown()
    assert {k for k in before if before[k] != after[k]} == {"listenerName", "bandwidth"}
    with pytest.raises(errors.InvalidParameter, match="SSLMode 0"):  # http has no TLS
        client.modify_bm_forward_listener(load_balancer_id=LB, listener_id=L7, ssl_mode=1)
    with pytest.raises(errors.InvalidL7ListenerNotExist):
        client.modify_bm_forward_listener(load_balancer_id=LB, listener_id=LISTENER, bandwidth=1)


def test_rules_of_one_domain_go_under_that_domain(client: Client) -> None:
    done(client, client.create_bm_forward_rules(load_balancer_id=LB, listener_id=L7, rules=[
        CreateBmForwardRulesRule(domain="www.example.com", url="/api", health_switch=1,
                                 http_check_path="/health", http_check_domain="www.example.com"),
        CreateBmForwardRulesRule(domain="*.example.org", url="/", balance_mode="ip_hash"),
        CreateBmForwardRulesRule(domain="*.example.org", url="= /exact"),
    ]))  # fmt: skip
    by_domain = {x["domain"]: x for x in rules(client)}
    assert set(by_domain) == {"www.example.com", "*.example.org"}
    www = by_domain["www.example.com"]
    assert www["domainId"] == DOMAIN  # the existing domain, not a new one
    urls = {loc["url"]: loc for loc in www["locations"]}
    assert set(urls) == {"/", "/api"}
    assert {k: urls["/api"][k] for k in ("healthSwitch", "httpCheckPath", "intervalTime",
                                         "healthNum", "unhealthNum", "balanceMode")} == {
        "healthSwitch": 1, "httpCheckPath": "/health", "intervalTime": 5, "healthNum": 3,
        "unhealthNum": 5, "balanceMode": "wrr",
    }  # fmt: skip
    assert len(by_domain["*.example.org"]["locations"]) == 2
    assert [x["domain"] for x in rules(client, domain_ids=[DOMAIN])] == ["www.example.com"]


@pytest.mark.parametrize(
    ("domain", "url", "error"),
    [
        ("www.example.com", "/", errors.InvalidParameterForwardLocationIsDuplicate),
        ("bad domain", "/", errors.InvalidParameterForwardDomainNotComplianceWithRule),
        ("a*b.com", "/", errors.InvalidParameterForwardDomainNotComplianceWithRule),
        ("~^www{2}", "/", errors.InvalidParameterForwardDomainNotComplianceWithRule),
        ("x" * 81, "/", errors.InvalidParameterForwardDomainNotComplianceWithRule),
        ("a.com", "/a b", errors.InvalidParameterForwardLocationNotComplianceWithRule),
        ("a.com", "~ ^/a'", errors.InvalidParameterForwardLocationNotComplianceWithRule),
        ("a.com", "/" + "x" * 80, errors.InvalidParameterForwardLocationNotComplianceWithRule),
    ],
)
def test_what_a_rule_is_refused_for(client: Client, domain: str, url: str, error: type) -> None:
    with pytest.raises(error):
        client.create_bm_forward_rules(load_balancer_id=LB, listener_id=L7, rules=[
            CreateBmForwardRulesRule(domain=domain, url=url)
        ])  # fmt: skip


@pytest.mark.parametrize(
    ("domain", "check", "matches"),
    [("a.com", "a.com", True), ("a.com", "b.com", False), ("*.a.com", "www.a.com", True),
     ("*.a.com", "www.b.com", False), ("~^w+\\.a\\.com$", "ww.a.com", True), ("_", "any.com", True),
     ("a.com", "*.a.com", False)],
)  # fmt: skip
def test_the_health_checks_domain_matches_the_rules(
    client: Client, domain: str, check: str, matches: bool
) -> None:
    rule = CreateBmForwardRulesRule(domain=domain, url="/x", http_check_domain=check)
    create = client.create_bm_forward_rules
    if matches:
        done(client, create(load_balancer_id=LB, listener_id=L7, rules=[rule]))
    else:
        with pytest.raises(errors.InvalidParameterHttpCheckDomainNotMatch):
            create(load_balancer_id=LB, listener_id=L7, rules=[rule])


def test_the_limits_of_domains_and_locations(fake: FakeBmlb, client: Client) -> None:
    fake.limits.domains, fake.limits.locations = 2, 2
    create = client.create_bm_forward_rules
    done(client, create(load_balancer_id=LB, listener_id=L7, rules=[
        CreateBmForwardRulesRule(domain="b.com", url="/")
    ]))  # fmt: skip
    with pytest.raises(errors.InvalidResourceForwardDomainNumberOverLimit):
        create(load_balancer_id=LB, listener_id=L7, rules=[
            CreateBmForwardRulesRule(domain="c.com", url="/")
        ])  # fmt: skip
    with pytest.raises(errors.InvalidResourceForwardLocationNumberOverLimit):
        create(load_balancer_id=LB, listener_id=L7, rules=[
            CreateBmForwardRulesRule(domain="b.com", url="/1"),
            CreateBmForwardRulesRule(domain="b.com", url="/2"),
        ])  # fmt: skip


def test_modify_location_changes_exactly_the_fields_given(client: Client) -> None:
    def location() -> dict[str, Any]:
        return rules(client)[0]["locations"][0]  # type: ignore[no-any-return]

    before = location()
    done(client, client.modify_bm_forward_location(load_balancer_id=LB, listener_id=L7, rules=[
        ModifyBmForwardLocationRule(domain_id=DOMAIN, location_id=LOCATION, url="/v2",
                                    session_expire=600)
    ]))  # fmt: skip
    after = location()
    assert {k for k in before if before[k] != after[k]} == {"url", "sessionExpire"}
    assert (after["url"], after["sessionExpire"]) == ("/v2", 600)
    with pytest.raises(errors.InvalidForwardRuleNotExist):
        client.modify_bm_forward_location(load_balancer_id=LB, listener_id=L7, rules=[
            ModifyBmForwardLocationRule(domain_id=DOMAIN, location_id="loc-nothere", url="/")
        ])  # fmt: skip


def test_delete_rules_and_domains(client: Client) -> None:
    done(client, client.create_bm_forward_rules(load_balancer_id=LB, listener_id=L7, rules=[
        CreateBmForwardRulesRule(domain="www.example.com", url="/api"),
        CreateBmForwardRulesRule(domain="b.com", url="/"),
    ]))  # fmt: skip
    done(client, client.delete_bm_forward_rules(
        load_balancer_id=LB, listener_id=L7, domain_id=DOMAIN, location_ids=[LOCATION]
    ))  # fmt: skip
    by_domain = {x["domain"]: x for x in rules(client)}
    assert [x["url"] for x in by_domain["www.example.com"]["locations"]] == ["/api"]
    done(client, client.delete_bm_forward_domains(
        load_balancer_id=LB, listener_id=L7, domain_ids=[DOMAIN]
    ))  # fmt: skip
    assert [x["domain"] for x in rules(client)] == ["b.com"]
    with pytest.raises(errors.InvalidForwardRuleNotExist):
        client.delete_bm_forward_domains(load_balancer_id=LB, listener_id=L7, domain_ids=[DOMAIN])
    with pytest.raises(errors.InvalidL7ListenerNotExist):
        client.describe_bm_forward_rules(load_balancer_id=LB, listener_id=LISTENER)


def test_a_locations_backends(fake: FakeBmlb, client: Client) -> None:
    client.bind_bm_location_instances(**TARGET, backends=[
        BindBmLocationInstancesBackend(instance_id=CPM3, port=8080, weight=30)
    ])  # fmt: skip
    client.bind_bm_l7_location_vm_ip(**TARGET, vm_list=[
        BindBmL7LocationVmIpVm(vm_ip=VM, port=8080, weight=5)
    ])  # fmt: skip
    assert fake.backends(LB, L7, LOCATION) == [  # bound at once: these start no task
        Binding(None, 8080, weight=5, vm_ip=VM), Binding(CPM, 80), Binding(CPM3, 8080, weight=30),
    ]  # fmt: skip
    client.modify_bm_location_backend_port(**TARGET, instance_id=CPM3, port=8080, new_port=8081)
    client.modify_bm_location_backend_weight(**TARGET, instance_id=CPM3, port=8081, weight=0)
    data = client.describe_bm_location_backends(**TARGET).raw["data"]
    mine = next(x for x in data if x.get("instanceId") == CPM3)
    assert {k: mine[k] for k in ("bindType", "rsPort", "weight", "alias", "lanIp", "mgtIp")} == {
        "bindType": 0, "rsPort": 8081, "weight": 0, "alias": "web-3", "lanIp": "10.1.0.4",
        "mgtIp": "10.2.0.4",
    }  # fmt: skip
    # offset and limit page the list (sorted by host or VM IP, then port).
    paged = client.describe_bm_location_backends(**TARGET, offset=1, limit=1).raw["data"]
    assert [(x.get("instanceId"), x["rsPort"]) for x in paged] == [(CPM, 80)]
    client.unbind_bm_location_instances(**TARGET, backends=[Backend(instance_id=CPM, port=80)])
    client.unbind_bm_l7_location_vm_ip(**TARGET, vm_list=[VmBackend(vm_ip=VM, port=8080)])
    assert fake.backends(LB, L7, LOCATION) == [Binding(CPM3, 8081, weight=0)]


def test_what_a_locations_backends_refuse(fake: FakeBmlb, client: Client) -> None:
    with pytest.raises(errors.InvalidParameter, match="bound"):
        client.bind_bm_location_instances(**TARGET, backends=[
            BindBmLocationInstancesBackend(instance_id=CPM, port=80, weight=1)
        ])  # fmt: skip
    fake.bind(LB, L7, None, 80, vm_ip=VM, location_id=LOCATION)
    with pytest.raises(errors.InvalidVmIpAlreadyExist):
        client.bind_bm_l7_location_vm_ip(**TARGET, vm_list=[
            BindBmL7LocationVmIpVm(vm_ip=VM, port=80, weight=1)
        ])  # fmt: skip
    with pytest.raises(errors.InvalidRsNotExist):
        client.unbind_bm_location_instances(**TARGET, backends=[Backend(instance_id=CPM3, port=1)])
    with pytest.raises(errors.InvalidRsNotExist):
        client.modify_bm_location_backend_weight(**TARGET, instance_id=CPM3, port=1, weight=1)
    with pytest.raises(errors.InvalidForwardRuleNotExist):
        client.describe_bm_location_backends(**dict(TARGET, location_id="loc-nothere"))
    fake.limits.backends = 2
    with pytest.raises(errors.InvalidResourceBindCPMNumberOverLimit):
        client.bind_bm_location_instances(**TARGET, backends=[
            BindBmLocationInstancesBackend(instance_id=CPM3, port=1, weight=1)
        ])  # fmt: skip


def test_forward_listener_info(fake: FakeBmlb, client: Client) -> None:
    done(client, client.create_bm_forward_rules(load_balancer_id=LB, listener_id=L7, rules=[
        CreateBmForwardRulesRule(domain="shop.example.org", url="/"),
    ]))  # fmt: skip

    def info(**filters: Any) -> list[dict[str, Any]]:
        return client.describe_bm_forward_listener_info(  # type: ignore[no-any-return]
            load_balancer_id=LB, **filters
        ).raw["listenerSet"]

    (every,) = info()
    assert {x["domain"] for x in every["ruleSet"]} == {"www.example.com", "shop.example.org"}
    assert every["ruleSet"][0]["locations"][0]["rsList"] == []  # filled with ifGetRsInfo=1
    (found,) = info(search_key="SHOP")
    assert [x["domain"] for x in found["ruleSet"]] == ["shop.example.org"]
    (bound,) = info(instance_ids=[CPM], if_get_rs_info=1)
    (location,) = bound["ruleSet"][0]["locations"]
    assert location["rsList"] == [{
        "bindType": 0, "rsPort": 80, "weight": 10, "status": "Alive", "instanceId": CPM,
        "alias": "web-1", "lanIp": "10.1.0.2",
    }]  # fmt: skip
    assert info(instance_ids=[VM]) == []
