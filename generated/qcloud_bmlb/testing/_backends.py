"""Bound backends, as the layer-4 listeners and the layer-7 locations share them: what a bind
checks, what an unbind or a change of port or weight finds, and how an answer shows one."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ._calls import Answer, Call, Change
from ._state import Binding, FakeApiError

__all__ = ["bound", "described", "moving", "new_bindings", "over_limit"]

#: What a physical host can be told to do, as DescribeBmL4ListenerBackends lists it.
OPERATES = (
    "modifyDeviceAlias", "renewDevice", "shutdownDevice", "rebootDevice", "reloadDeviceOs",
    "resetPasswd", "bindEip", "unbindEip", "isolateDevice", "offlineDevice", "bindLb",
    "unbindLb",
)  # fmt: skip


def new_bindings(call: Call, items: Iterable[Mapping[str, Any]], *, vm: bool) -> list[Binding]:
    """The backends a bind asks for, each host known in the region (30011) or each VM IP
    (-12024). ``items`` are the decoded ``backends`` or ``vm_list``."""
    state, made = call.state, []
    for item in items:
        if vm:
            state.vm_ip(call.region, item["vm_ip"])
            binding = Binding(None, item["port"], weight=item["weight"], vm_ip=item["vm_ip"])
        else:
            state.instance(call.region, item["instance_id"])
            binding = Binding(item["instance_id"], item["port"], weight=item["weight"])
        binding.probe_port = item.get("probe_port")
        made.append(binding)
    return made


def over_limit(
    backends: Mapping[tuple[str, int], Binding], adding: int, limit: int, owner: str
) -> None:
    """12013 when ``adding`` more backends would pass ``limit`` (the pages: 255)."""
    if len(backends) + adding > limit:
        raise FakeApiError(
            12013, f"the {owner} has {len(backends)} backends bound; at most {limit} may be"
        )


def bound(
    backends: Mapping[tuple[str, int], Binding], target: str, port: int, code: int, owner: str
) -> Binding:
    """The backend bound as ``target`` (host id or VM IP) on ``port``; else error ``code``
    (30011 for a host, -12024 for a VM IP). ``owner``: ``listener`` or ``location``."""
    found = backends.get((target, port))
    if found is None:
        raise FakeApiError(code, f"{target} port {port} is not bound to the {owner}")
    return found


def moving(
    load_balancer_id: str, backends: dict[tuple[str, int], Binding], binding: Binding, port: int
) -> Change:
    """The change that moves a bound backend (checked already) to another port."""

    def apply() -> None:
        del backends[binding.key]
        binding.port = port
        backends[binding.key] = binding

    return Change(load_balancer_id, apply)


def described(
    binding: Binding, host: Any, *, mgt_ip: bool = False, operates: bool = True
) -> Answer:
    """A backend as DescribeBmL4ListenerBackends shows it (and, with ``mgt_ip``,
    DescribeBmLocationBackends; without ``operates``, a location's ``rsList``): bindType 0 for
    a physical host (with its alias, addresses and operations), 1 for a VM IP."""
    out: Answer = {
        "bindType": 0 if binding.instance_id is not None else 1,
        "rsPort": binding.port,
        "weight": binding.weight,
        "status": binding.status,
    }
    if binding.instance_id is None:
        out["lanIp"] = binding.vm_ip
        return out
    out["instanceId"] = binding.instance_id
    out["alias"] = host.alias if host is not None else ""
    out["lanIp"] = host.lan_ip if host is not None else ""
    if mgt_ip:
        out["mgtIp"] = host.mgt_ip if host is not None else ""
    if operates:
        out["operates"] = list(OPERATES)
    return out
