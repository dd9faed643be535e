"""The layer-4 listeners (tcp, udp) and their bound backends: physical hosts and VM IPs.

The rules the pages state, and the codes they answer: a load balancer has at most 50 layer-4
listeners (12014); a port of a transport is one listener's (-12013; layer-7 listeners share
tcp's); a listener has at most 255 backends (12013); a host port is bound to one listener of a
protocol in a load balancer (-12022); the health check's timeout is shorter than its interval.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ._backends import bound, described, moving, new_bindings, over_limit
from ._calls import Answer, Call, Change, Table, adding, only, removing, setting, wire
from ._state import Binding, FakeApiError, L4Listener, L7Listener, LoadBalancer

__all__ = ["ACTIONS", "port_taken"]

ACTIONS = Table()

#: Where a listener's field is named otherwise in the requests and the answers.
RENAMES = {"id": "listenerId", "name": "listenerName", "port": "loadBalancerPort"}
#: Request arguments (Python names) that set a listener's fields, and the field of each.
SETTINGS = {
    "listener_name": "name", "session_expire": "session_expire",
    "health_switch": "health_switch", "time_out": "time_out", "interval_time": "interval_time",
    "health_num": "health_num", "unhealth_num": "unhealth_num", "bandwidth": "bandwidth",
    "custom_health_switch": "custom_health_switch", "input_type": "input_type",
    "line_separator_type": "line_separator_type", "health_request": "health_request",
    "health_response": "health_response", "toa_flag": "toa_flag",
}  # fmt: skip
#: What DescribeBmListeners shows of a listener; DescribeBmListenerInfo shows fewer.
FIELDS = (
    "id", "name", "protocol", "port", "bandwidth", "session_expire", "health_switch",
    "time_out", "interval_time", "health_num", "unhealth_num", "custom_health_switch",
    "input_type", "line_separator_type", "health_request", "health_response", "toa_flag",
    "status", "add_timestamp",
)  # fmt: skip
INFO_FIELDS = (
    "id", "name", "protocol", "port", "bandwidth", "session_expire", "health_switch",
    "time_out", "interval_time", "health_num", "unhealth_num", "status", "add_timestamp",
)  # fmt: skip


def port_taken(
    lb: LoadBalancer, protocol: str, port: int, adding: Sequence[L4Listener | L7Listener] = ()
) -> str | None:
    """Which listener holds ``port`` for ``protocol``'s transport (udp apart; tcp, http and
    https share tcp's ports), of the load balancer's or of those being added; or None."""
    udp = protocol == "udp"
    for n, listener in enumerate(adding):
        if listener.port == port and (listener.protocol == "udp") == udp:
            return f"listeners.{n}"
    for listener in lb.listeners.values():
        if listener.port == port and (listener.protocol == "udp") == udp:
            return f"listener {listener.id}"
    return None


def _check_health(listener: L4Listener) -> None:
    if listener.health_switch and listener.time_out >= listener.interval_time:
        raise FakeApiError(
            9003,
            f"timeOut ({listener.time_out}) must be less than intervalTime "
            f"({listener.interval_time})",
        )


def _shown(listener: L4Listener, fields: tuple[str, ...]) -> Answer:
    return {**wire(listener, fields, RENAMES), "listenerType": "L4Listener"}


@ACTIONS.handles("CreateBmListeners")
def create_listeners(call: Call) -> Change:
    state = call.state
    lb = call.load_balancer(change=True)
    made: list[L4Listener] = []
    for n, item in enumerate(call.args["listeners"]):
        listener = L4Listener("", item["protocol"], item["load_balancer_port"])
        for arg, attr in SETTINGS.items():
            if item.get(arg) is not None:
                setattr(listener, attr, item[arg])
        held = port_taken(lb, listener.protocol, listener.port, made)
        if held is not None:
            raise FakeApiError(-12013, f"listeners.{n}: port {listener.port} is {held}'s")
        _check_health(listener)
        made.append(listener)
    layer4 = sum(isinstance(x, L4Listener) for x in lb.listeners.values())
    if layer4 + len(made) > state.limits.listeners:
        raise FakeApiError(
            12014, f"{lb.id} has {layer4} layer-4 listeners; at most {state.limits.listeners}"
        )

    def apply() -> None:
        for listener in made:
            listener.id = state.new_id("lbl-")
            listener.add_timestamp = state.now()
            lb.listeners[listener.id] = listener

    return Change(lb.id, apply)


@ACTIONS.handles("DescribeBmListeners")
def describe_listeners(call: Call) -> Answer:
    lb = call.load_balancer()
    layer4 = [x for x in lb.listeners.values() if isinstance(x, L4Listener)]
    shown = [_shown(x, FIELDS) for x in only(layer4, call.get("listener_ids"))]
    return {"listenerSet": shown, "totalCount": len(shown)}


@ACTIONS.handles("DescribeBmListenerInfo")
def describe_listener_info(call: Call) -> Answer:
    lb = call.load_balancer()
    key = call.get("search_key", "").lower()
    targets = call.get("instance_ids")
    shown = []
    for listener in lb.listeners.values():
        if not isinstance(listener, L4Listener) or key not in listener.name.lower():
            continue
        if targets is not None and not any(b.target in targets for b in listener.backends.values()):
            continue
        shown.append(_shown(listener, INFO_FIELDS))
    return {"listenerSet": shown}


@ACTIONS.handles("ModifyBmListener")
def modify_listener(call: Call) -> Change:
    args = call.args
    lb, listener = call.l4(change=True)
    changes = {attr: args[arg] for arg, attr in SETTINGS.items() if args.get(arg) is not None}
    trial = L4Listener(listener.id, listener.protocol, listener.port)
    for attr in ("health_switch", "time_out", "interval_time"):
        setattr(trial, attr, changes.get(attr, getattr(listener, attr)))
    _check_health(trial)
    return setting(lb.id, listener, **changes)


@ACTIONS.handles("DeleteBmListeners")
def delete_listeners(call: Call) -> Change:
    state = call.state
    lb = call.load_balancer(change=True)
    doomed = [state.l4(lb, listener_id).id for listener_id in call.args["listener_ids"]]
    return removing(lb.id, lb.listeners, doomed)


# -- backends ---------------------------------------------------------------------------------


def _bind(call: Call, items: Any, *, vm: bool) -> Change:
    state = call.state
    lb, listener = call.l4(change=True)
    added = new_bindings(call, items, vm=vm)
    for binding in added:
        _not_bound_elsewhere(lb, listener, binding.key)
    over_limit(listener.backends, len(added), state.limits.backends, "listener")
    return adding(lb.id, listener.backends, {b.key: b for b in added})


def _not_bound_elsewhere(lb: LoadBalancer, listener: L4Listener, key: tuple[str, int]) -> None:
    """-12022 when the host port is bound to this listener, or to another of its protocol."""
    for other in lb.listeners.values():
        if (
            isinstance(other, L4Listener)
            and other.protocol == listener.protocol
            and key in other.backends
        ):
            raise FakeApiError(
                -12022, f"{key[0]} port {key[1]} is already bound to listener {other.id}"
            )


def _unbind(call: Call, keys: list[tuple[str, int]], code: int) -> Change:
    lb, listener = call.l4(change=True)
    for target, port in keys:
        bound(listener.backends, target, port, code, "listener")
    return removing(lb.id, listener.backends, keys)


@ACTIONS.handles("BindBmL4ListenerRs")
def bind_hosts(call: Call) -> Change:
    return _bind(call, call.args["backends"], vm=False)


@ACTIONS.handles("BindBmL4ListenerVmIp")
def bind_vm_ips(call: Call) -> Change:
    return _bind(call, call.args["vm_list"], vm=True)


@ACTIONS.handles("UnbindBmL4ListenerRs")
def unbind_hosts(call: Call) -> Change:
    keys = [(b["instance_id"], b["port"]) for b in call.args["backends"]]
    return _unbind(call, keys, 30011)


@ACTIONS.handles("UnbindBmL4ListenerVmIp")
def unbind_vm_ips(call: Call) -> Change:
    keys = [(b["vm_ip"], b["port"]) for b in call.args["vm_list"]]
    return _unbind(call, keys, -12024)


def _backend(call: Call) -> tuple[LoadBalancer, L4Listener, Binding]:
    args = call.args
    lb, listener = call.l4(change=True)
    binding = bound(listener.backends, args["instance_id"], args["port"], 30011, "listener")
    return lb, listener, binding


@ACTIONS.handles("ModifyBmL4ListenerBackendPort")
def modify_backend_port(call: Call) -> Change:
    lb, listener, binding = _backend(call)
    new_port = call.args["new_port"]
    if new_port != binding.port:
        _not_bound_elsewhere(lb, listener, (binding.target, new_port))
    return moving(lb.id, listener.backends, binding, new_port)


@ACTIONS.handles("ModifyBmL4ListenerBackendProbePort")
def modify_backend_probe_port(call: Call) -> Change:
    lb, _, binding = _backend(call)
    return setting(lb.id, binding, probe_port=call.args["probe_port"])


@ACTIONS.handles("ModifyBmL4ListenerBackendWeight")
def modify_backend_weight(call: Call) -> Change:
    lb, _, binding = _backend(call)
    return setting(lb.id, binding, weight=call.args["weight"])


@ACTIONS.handles("DescribeBmL4ListenerBackends")
def describe_backends(call: Call) -> Answer:
    state = call.state
    _, listener = call.l4()
    wanted = call.get("backends")
    keys = None if wanted is None else {(b["instance_id"], b["port"]) for b in wanted}
    data = [
        described(b, state.instances.get(b.instance_id or ""), mgt_ip=False)
        for key, b in sorted(listener.backends.items())
        if keys is None or key in keys
    ]
    return {"data": data}
