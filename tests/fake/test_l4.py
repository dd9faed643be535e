"""Layer-4 listeners and their backends through a real ``Client``: what each change does (after
its task, where it starts one), what the describes show, and the rules of the pages.

DEFAULT_SEED: lb-abcdefgh has the tcp listener lbl-abcdefgh on port 80 (three backends) and the
http listener lbl-abcdefge on 8080; cpm-qrstuvwx and the VM IP 10.0.0.5 are bound nowhere.
"""

from __future__ import annotations

from typing import Any

import pytest
from qcloud_bmlb import Client, errors
from qcloud_bmlb.models import (
    Backend,
    BindBmL4ListenerRsBackend,
    BindBmL4ListenerVmIpVm,
    CreateBmListenersListener,
    DescribeBmL4ListenerBackendsBackend,
    VmBackend,
)
from qcloud_bmlb.testing import Binding, FakeBmlb

from .helpers import CPM, CPM2, CPM3, L7, LB, LISTENER, SEEDED, VM, done


def listeners(client: Client, **filters: Any) -> dict[str, dict[str, Any]]:
    """DescribeBmListeners' listeners by id, each as its answer's fields."""
    result = client.describe_bm_listeners(load_balancer_id=LB, **filters)
    assert result.total_count == len(result.listener_set)
    return {x["listenerId"]: x for x in result.raw["listenerSet"]}


def host(instance_id: str, port: int, weight: int = 10, **more: Any) -> BindBmL4ListenerRsBackend:
    return BindBmL4ListenerRsBackend(instance_id=instance_id, port=port, weight=weight, **more)


def test_create_listeners_shows_them_once_the_task_succeeds(fake: FakeBmlb, client: Client) -> None:
    result = client.create_bm_listeners(
        load_balancer_id=LB,
        listeners=[
            CreateBmListenersListener(
                load_balancer_port=443, protocol="tcp", listener_name="tcp-443",
                health_switch=1, time_out=3, interval_time=10, session_expire=900,
            ),
            CreateBmListenersListener(load_balancer_port=80, protocol="udp", listener_name="dns"),
        ],
    )  # fmt: skip
    assert len(listeners(client)) == 1  # accepted, not applied
    done(client, result)
    made = listeners(client)
    assert len(made) == 3
    (tcp,) = [x for x in made.values() if x["listenerName"] == "tcp-443"]
    assert {k: tcp[k] for k in ("protocol", "loadBalancerPort", "healthSwitch", "timeOut",
                                "intervalTime", "sessionExpire", "healthNum", "unhealthNum",
                                "listenerType", "status")} == {
        "protocol": "tcp", "loadBalancerPort": 443, "healthSwitch": 1, "timeOut": 3,
        "intervalTime": 10, "sessionExpire": 900, "healthNum": 3, "unhealthNum": 3,
        "listenerType": "L4Listener", "status": 1,
    }  # fmt: skip
    assert tcp["listenerId"].startswith("lbl-") and len(tcp["listenerId"]) == 12
    # The new listener takes backends like any other.
    done(client, client.bind_bm_l4_listener_rs(
        load_balancer_id=LB, listener_id=tcp["listenerId"], backends=[host(CPM3, 443)]
    ))  # fmt: skip
    assert fake.backends(LB, tcp["listenerId"]) == [Binding(CPM3, 443)]


@pytest.mark.parametrize(
    ("protocol", "port", "taken"),
    [("tcp", 80, True), ("tcp", 8080, True), ("udp", 80, False), ("udp", 8080, False)],
)
def test_a_port_is_one_listeners_per_transport(
    client: Client, protocol: str, port: int, taken: bool
) -> None:
    """tcp 80 is lbl-abcdefgh's and 8080 the http listener's (layer 7 shares tcp's ports)."""
    listener = CreateBmListenersListener(
        load_balancer_port=port,
        protocol=protocol,
        listener_name="x",  # type: ignore[arg-type]
    )
    if taken:
        with pytest.raises(errors.InvalidParameterVportIsDuplicate) as caught:
            client.create_bm_listeners(load_balancer_id=LB, listeners=[listener])
        assert str(port) in caught.value.message
    else:
        done(client, client.create_bm_listeners(load_balancer_id=LB, listeners=[listener]))


def test_two_new_listeners_on_one_port_are_refused(client: Client) -> None:
    two = [
        CreateBmListenersListener(load_balancer_port=9000, protocol="tcp", listener_name=name)
        for name in ("a", "b")
    ]
    with pytest.raises(errors.InvalidParameterVportIsDuplicate, match=r"listeners\.1"):
        client.create_bm_listeners(load_balancer_id=LB, listeners=two)
    assert len(listeners(client)) == 1


def test_a_load_balancer_has_at_most_limits_listeners_of_layer_4(
    fake: FakeBmlb, client: Client
) -> None:
    fake.limits.listeners = 2  # the pages' limit is 50
    one = CreateBmListenersListener(load_balancer_port=81, protocol="tcp", listener_name="x")
    done(client, client.create_bm_listeners(load_balancer_id=LB, listeners=[one]))
    with pytest.raises(errors.InvalidResourceListenerNumberOverLimit):
        client.create_bm_listeners(
            load_balancer_id=LB,
            listeners=[CreateBmListenersListener(load_balancer_port=82, protocol="tcp",
                                                 listener_name="y")],
        )  # fmt: skip


def test_the_health_checks_timeout_is_shorter_than_its_interval(client: Client) -> None:
    slow = CreateBmListenersListener(
        load_balancer_port=81, protocol="tcp", listener_name="x", health_switch=1, time_out=10,
        interval_time=10,
    )  # fmt: skip
    with pytest.raises(errors.InvalidParameter, match="timeOut"):
        client.create_bm_listeners(load_balancer_id=LB, listeners=[slow])
    with pytest.raises(errors.InvalidParameter, match="timeOut"):  # nor may a change make it so
        client.modify_bm_listener(
            load_balancer_id=LB, listener_id=LISTENER, health_switch=1, time_out=5
        )


def test_describe_listeners_and_listener_info_filter(fake: FakeBmlb, client: Client) -> None:
    fake.add_listener(LB, "lbl-other", protocol="udp", port=53, name="dns-53")
    assert set(listeners(client)) == {LISTENER, "lbl-other"}  # layer 4 only
    assert set(listeners(client, listener_ids=["lbl-other", L7, "lbl-nothere"])) == {"lbl-other"}
    info = client.describe_bm_listener_info(load_balancer_id=LB, search_key="DNS")
    assert [x.listener_id for x in info.listener_set] == ["lbl-other"]  # fuzzy, any case
    info = client.describe_bm_listener_info(load_balancer_id=LB, instance_ids=[CPM2, VM])
    assert [x.listener_id for x in info.listener_set] == [LISTENER]  # the one CPM2 is bound to
    assert client.describe_bm_listener_info(load_balancer_id=LB, instance_ids=[VM]).listener_set \
        == []  # fmt: skip


def test_modify_listener_changes_exactly_the_fields_given(client: Client) -> None:
    before = listeners(client)[LISTENER]
    done(client, client.modify_bm_listener(
        load_balancer_id=LB, listener_id=LISTENER, listener_name="renamed", session_expire=1800,
        custom_health_switch=1, health_request="PING", toa_flag=1,
    ))  # fmt: skip
    after = listeners(client)[LISTENER]
    changed = {k for k in before if before[k] != after[k]}
    assert changed == {
        "listenerName", "sessionExpire", "customHealthSwitch", "healthRequest", "toaFlag"
    }  # fmt: skip
    assert after["listenerName"] == "renamed" and after["sessionExpire"] == 1800


@pytest.mark.parametrize("listener_id", ["lbl-nothere", L7])
def test_a_layer_4_action_on_what_is_no_layer_4_listener_is_minus_12023(
    client: Client, listener_id: str
) -> None:
    with pytest.raises(errors.InvalidL4ListenerNotExist):
        client.modify_bm_listener(load_balancer_id=LB, listener_id=listener_id, bandwidth=5)
    with pytest.raises(errors.InvalidL4ListenerNotExist):
        client.delete_bm_listeners(load_balancer_id=LB, listener_ids=[LISTENER, listener_id])
    with pytest.raises(errors.InvalidL4ListenerNotExist):
        client.describe_bm_l4_listener_backends(load_balancer_id=LB, listener_id=listener_id)


def test_delete_listeners_takes_them_away_with_their_backends(
    fake: FakeBmlb, client: Client
) -> None:
    done(client, client.delete_bm_listeners(load_balancer_id=LB, listener_ids=[LISTENER]))
    assert listeners(client) == {}
    with pytest.raises(errors.InvalidL4ListenerNotExist):
        client.unbind_bm_l4_listener_rs(
            load_balancer_id=LB, listener_id=LISTENER, backends=[Backend(instance_id=CPM, port=1)]
        )
    left = client.describe_bm_vport_info(load_balancer_id=LB).listener_set
    assert [x.listener_id for x in left] == [L7]


def test_bind_hosts_and_vm_ips_and_describe_them(fake: FakeBmlb, client: Client) -> None:
    done(client, client.bind_bm_l4_listener_rs(
        load_balancer_id=LB, listener_id=LISTENER,
        backends=[host(CPM3, 80, weight=20, probe_port=81), host(CPM3, 81)],
    ))  # fmt: skip
    done(client, client.bind_bm_l4_listener_vm_ip(
        load_balancer_id=LB, listener_id=LISTENER,
        vm_list=[BindBmL4ListenerVmIpVm(vm_ip=VM, port=80, weight=5)],
    ))  # fmt: skip
    assert fake.backends(LB, LISTENER) == [
        Binding(None, 80, weight=5, vm_ip=VM), *SEEDED,
        Binding(CPM3, 80, probe_port=81, weight=20), Binding(CPM3, 81),
    ]  # fmt: skip
    data = client.describe_bm_l4_listener_backends(load_balancer_id=LB, listener_id=LISTENER)
    by_key = {(x.get("instanceId") or x["lanIp"], x["rsPort"]): x for x in data.raw["data"]}
    assert by_key[(CPM3, 80)] == {
        "bindType": 0, "rsPort": 80, "weight": 20, "status": "Alive", "instanceId": CPM3,
        "alias": "web-3", "lanIp": "10.1.0.4", "operates": by_key[(CPM3, 80)]["operates"],
    }  # fmt: skip
    assert "bindLb" in by_key[(CPM3, 80)]["operates"]
    assert by_key[(VM, 80)] == {"bindType": 1, "rsPort": 80, "weight": 5, "status": "Alive",
                                "lanIp": VM}  # fmt: skip
    some = client.describe_bm_l4_listener_backends(
        load_balancer_id=LB, listener_id=LISTENER,
        backends=[DescribeBmL4ListenerBackendsBackend(instance_id=CPM3, port=81)],
    )  # fmt: skip
    assert [(x.instance_id, x.rs_port) for x in some.data] == [(CPM3, 81)]


def test_what_a_bind_refuses(fake: FakeBmlb, client: Client) -> None:
    def bind(*items: BindBmL4ListenerRsBackend, listener_id: str = LISTENER) -> Any:
        return client.bind_bm_l4_listener_rs(
            load_balancer_id=LB, listener_id=listener_id, backends=list(items)
        )

    with pytest.raises(errors.InvalidRsNotExist, match="cpm-nothere"):  # a host not known
        bind(host(CPM3, 1), host("cpm-nothere", 1))
    with pytest.raises(errors.InvalidParameterInvalidMultiL4VportToRsport):  # bound already
        bind(host(CPM, 1234))
    with pytest.raises(errors.InvalidVmIpNotExist):
        client.bind_bm_l4_listener_vm_ip(
            load_balancer_id=LB, listener_id=LISTENER,
            vm_list=[BindBmL4ListenerVmIpVm(vm_ip="10.9.9.9", port=80, weight=1)],
        )  # fmt: skip
    # A host port is bound to one listener of a protocol: another tcp one refuses it.
    fake.add_listener(LB, "lbl-tcp2", protocol="tcp", port=81)
    fake.add_listener(LB, "lbl-udp", protocol="udp", port=81)
    with pytest.raises(errors.InvalidParameterInvalidMultiL4VportToRsport, match=LISTENER):
        bind(host(CPM, 8080), listener_id="lbl-tcp2")
    done(client, bind(host(CPM, 8080), listener_id="lbl-udp"))
    fake.limits.backends = 4  # the pages' limit is 255
    done(client, bind(host(CPM3, 1)))
    with pytest.raises(errors.InvalidResourceBindCPMNumberOverLimit):
        bind(host(CPM3, 2))
    assert Binding(CPM3, 2) not in fake.backends(LB, LISTENER)


def test_unbind_hosts_and_vm_ips(fake: FakeBmlb, client: Client) -> None:
    fake.bind(LB, LISTENER, None, 80, vm_ip=VM)
    done(client, client.unbind_bm_l4_listener_vm_ip(
        load_balancer_id=LB, listener_id=LISTENER, vm_list=[VmBackend(vm_ip=VM, port=80)]
    ))  # fmt: skip
    assert fake.backends(LB, LISTENER) == SEEDED
    with pytest.raises(errors.InvalidVmIpNotExist):
        client.unbind_bm_l4_listener_vm_ip(
            load_balancer_id=LB, listener_id=LISTENER, vm_list=[VmBackend(vm_ip=VM, port=80)]
        )
    done(client, client.unbind_bm_l4_listener_rs(
        load_balancer_id=LB, listener_id=LISTENER, backends=[Backend(instance_id=CPM, port=8080)]
    ))  # fmt: skip
    assert fake.backends(LB, LISTENER) == [SEEDED[0], SEEDED[2]]


def test_a_weight_changes_at_once(fake: FakeBmlb, client: Client) -> None:
    result = client.modify_bm_l4_listener_backend_weight(
        load_balancer_id=LB, listener_id=LISTENER, instance_id=CPM2, port=1234, weight=0
    )
    assert result.raw.keys() == {"code", "message", "codeDesc"}  # no task: nothing to wait for
    assert fake.backends(LB, LISTENER)[2] == Binding(CPM2, 1234, weight=0)
    with pytest.raises(errors.InvalidRsNotExist):
        client.modify_bm_l4_listener_backend_weight(
            load_balancer_id=LB, listener_id=LISTENER, instance_id=CPM2, port=9, weight=1
        )


def test_a_new_port_bound_to_another_listener_of_the_protocol_is_minus_12022(
    fake: FakeBmlb, client: Client
) -> None:
    fake.add_listener(LB, "lbl-tcp2", protocol="tcp", port=81)
    fake.bind(LB, "lbl-tcp2", CPM2, 2000)
    with pytest.raises(errors.InvalidParameterInvalidMultiL4VportToRsport, match="lbl-tcp2"):
        client.modify_bm_l4_listener_backend_port(
            load_balancer_id=LB, listener_id=LISTENER, instance_id=CPM2, port=1234, new_port=2000
        )
