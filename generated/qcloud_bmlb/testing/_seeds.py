"""Seeds: the fake's state as plain data, in the shape :meth:`State.snapshot` returns.

A seed is a mapping (or a JSON or YAML file of one)::

    region: ap-guangzhou            # the region of what names none (and the fake's default)
    credentials: [{secret_id: AKID..., secret_key: ..., token: ...}]   # token: optional
    load_balancers:
      - id: lb-abcdefgh
        region: ap-guangzhou        # and the attributes DescribeBmLoadBalancers shows
        listeners:
          - {id: lbl-abcdefgh, protocol: tcp, port: 80,
             backends: [{instance_id: cpm-abcdefgh, port: 1234, weight: 10, probe_port: 1235},
                        {vm_ip: 10.0.0.5, port: 1234}]}
          - id: lbl-abcdefge
            protocol: http
            port: 8080
            domains:
              - id: dm-abcdefgh
                domain: www.example.com
                locations: [{id: loc-abcdefgh, url: /, backends: [...]}]
    instances: [{id: cpm-abcdefgh, alias: web-1, lan_ip: 10.1.0.2, mgt_ip: 10.2.0.2}]
    vm_ips: [{ip: 10.0.0.5}]
    vpcs: [{id: vpc-abcdefgh, vpc_id: 1000, subnets: [{id: subnet-abcdefgh, subnet_id: 1}]}]
    certificates: [{id: abcdefgh, type: SVR, content: "-----BEGIN CERTIFICATE-----..."}]

The keys of each resource are the fields of its class in ``_state`` (a field without a default
is required). Every unknown key, wrong type or value, repeated id or clash is refused, all of
them at once, each with where it is: ``seed.yaml:5:7: load_balancers[0].listners: unknown key
(did you mean 'listeners'?)`` (line and column in a file, the path alone in a mapping). A host or
VM IP that a backend names is known to the fake (bindable) even if ``instances``/``vm_ips`` do
not list it; what a seed leaves out gets the values the service would show (times, VIPs).
"""

from __future__ import annotations

import bisect
import dataclasses
import difflib
import json
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from ._state import (
    L4_PROTOCOLS,
    L7_PROTOCOLS,
    Binding,
    Certificate,
    Domain,
    Instance,
    L4Listener,
    L7Listener,
    LoadBalancer,
    Location,
    State,
    Subnet,
    VmIp,
    Vpc,
    canonical_region,
    is_child,
    seed_fields,
)

__all__ = ["SeedError", "apply", "check", "load_seed", "snapshot"]

Path_ = tuple[str | int, ...]


class SeedError(ValueError):
    """A seed that cannot be loaded: every problem, one a line, each with where it is."""


# -- reading files, with positions ------------------------------------------------------------


def load_seed(path: str | Path) -> dict[str, Any]:
    """Read and check a seed file: JSON, or YAML when PyYAML is installed (the ``testing``
    extra). Raises :class:`SeedError` naming the file, the line and column, and the problem."""
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    if path.suffix.lower() == ".json":
        data, positions = _read_json(path, text)
    else:
        data, positions = _read_yaml(path, text)

    def where(at: Path_) -> str:
        for end in range(len(at), -1, -1):
            found = positions.get(at[:end])
            if found is not None:
                return f"{path}:{found[0]}:{found[1]}"
        return str(path)

    check(data, where)
    if not isinstance(data, dict):  # check() refuses anything else
        raise SeedError(f"{path}: a seed must be a mapping")
    return data


def _read_json(path: Path, text: str) -> tuple[Any, dict[Path_, tuple[int, int]]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SeedError(f"{path}:{exc.lineno}:{exc.colno}: not JSON: {exc.msg}") from None
    lines = [0] + [m.end() for m in re.finditer("\n", text)]
    positions: dict[Path_, tuple[int, int]] = {}
    scan: Callable[[str, int], tuple[str, int]] = getattr(json.decoder, "scanstring")  # noqa: B009
    space = re.compile(r"[ \t\n\r]*").match

    def skip(i: int) -> int:
        """Past the white space at ``i``."""
        return space(text, i).end()  # type: ignore[union-attr]  # "*" always matches

    def at(i: int) -> tuple[int, int]:
        line = bisect.bisect_right(lines, i)
        return line, i - lines[line - 1] + 1

    def walk(i: int, where: Path_) -> int:
        """Record the positions of the value at ``i`` and what it holds; where it ends."""
        i = skip(i)
        opener = text[i]
        if opener not in "{[":
            return json.JSONDecoder().raw_decode(text, i)[1]
        closer, n = ("}" if opener == "{" else "]"), 0
        i = skip(i + 1)
        while text[i] != closer:
            if opener == "{":
                start = i
                key, i = scan(text, i + 1)
                item: Path_ = (*where, key)
                positions.setdefault(item, at(start))
                i = text.index(":", i) + 1
            else:
                item = (*where, n)
                positions[item] = at(skip(i))
                n += 1
            i = walk(i, item)
            i = skip(i)
            if text[i] == ",":
                i = skip(i + 1)
        return i + 1

    walk(0, ())
    return data, positions


def _read_yaml(path: Path, text: str) -> tuple[Any, dict[Path_, tuple[int, int]]]:
    try:
        import yaml  # type: ignore[import-untyped,unused-ignore]
    except ImportError:
        raise ImportError(
            f"{path}: reading a YAML seed needs PyYAML, which the testing extra brings "
            "(pip install 'qcloud-bmlb[testing]'); or give the seed as JSON or a mapping"
        ) from None
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark is not None else str(path)
        problem = getattr(exc, "problem", None) or str(exc)
        raise SeedError(f"{where}: not YAML: {problem}") from None
    finally:
        loader.dispose()
    positions: dict[Path_, tuple[int, int]] = {}

    def walk(node: Any, where: Path_) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                item: Path_ = (*where, key.value)
                positions.setdefault(item, (key.start_mark.line + 1, key.start_mark.column + 1))
                walk(value, item)
        elif isinstance(node, yaml.SequenceNode):
            for n, value in enumerate(node.value):
                item = (*where, n)
                positions[item] = (value.start_mark.line + 1, value.start_mark.column + 1)
                walk(value, item)

    if node is not None:
        walk(node, ())
    return data, positions


# -- checking ---------------------------------------------------------------------------------

_PORT = (1, 65535)
#: Rules beyond a field's type: the allowed values or range of (class, field).
_VALUES: dict[tuple[type, str], tuple[Any, ...] | tuple[int, int]] = {
    (L4Listener, "protocol"): L4_PROTOCOLS + L7_PROTOCOLS,  # (a listener of neither)
    (L7Listener, "protocol"): L7_PROTOCOLS,
    (L4Listener, "port"): _PORT,
    (L7Listener, "port"): _PORT,
    (Binding, "port"): _PORT,
    (Binding, "probe_port"): _PORT,
    (Binding, "weight"): (0, 100),
    (Binding, "status"): ("Alive", "Dead"),
    (LoadBalancer, "type"): ("open", "internal"),
    (Certificate, "type"): ("SVR", "CA"),
}
_TOP = {
    "region": str,
    "credentials": "credentials",
    "load_balancers": LoadBalancer,
    "instances": Instance,
    "vm_ips": VmIp,
    "vpcs": Vpc,
    "certificates": Certificate,
}
#: Fields without a default that a seed may still leave out: the region (the seed's own, else
#: the fake's), a listener's protocol (tcp) and port (the first free one from 80), a backend's
#: host (when it is a VM IP).
_OPTIONAL = ("region", "protocol", "instance_id", "port")
_CREDENTIAL_KEYS = {"secret_id": True, "secret_key": True, "token": False}
_REGION = re.compile(r"[a-z]{2,}(-[a-z0-9]+)+|[a-z]{2,3}")


def _shown(where: Path_) -> str:
    out = ""
    for part in where:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out or "the seed"


class _Checker:
    def __init__(self, where: Callable[[Path_], str]) -> None:
        self.where = where
        self.problems: list[str] = []
        self.ids: dict[tuple[Path_, str], Path_] = {}

    def problem(self, at: Path_, message: str) -> None:
        self.problems.append(f"{self.where(at)}: {_shown(at)}: {message}")

    def items(self, value: Any, at: Path_) -> list[Any]:
        if value is None:
            return []
        if not isinstance(value, list):
            self.problem(at, f"must be a list, got {type(value).__name__}")
            return []
        return value

    def mapping(self, value: Any, at: Path_, keys: Mapping[str, bool]) -> bool:
        """Whether ``value`` is a mapping; its unknown and missing keys are problems."""
        if not isinstance(value, Mapping):
            self.problem(at, f"must be a mapping, got {type(value).__name__}")
            return False
        for key in value:
            if key not in keys:
                close = difflib.get_close_matches(str(key), list(keys), n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                known = ", ".join(keys)
                self.problem((*at, str(key)), f"unknown key{hint}; the keys here are {known}")
        for key, required in keys.items():
            if required and value.get(key) is None:
                self.problem(at, f"{key!r} is required")
        return True

    def unique_id(self, value: Any, at: Path_) -> None:
        """An id used once among its siblings (``at`` ends with the list, the index, "id"):
        load balancers, hosts, VM IPs, VPCs, certificates in the seed; a listener in its load
        balancer, a domain in its listener, a location in its domain (ids the fake makes are
        unique service-wide, as the service's)."""
        if isinstance(value, str):
            scope = (*at[:-3], at[-3]) if len(at) >= 3 else at
            seen = self.ids.get((scope, value))
            if seen is not None:
                self.problem(at, f"id {value!r} is used already, at {_shown(seen)}")
            else:
                self.ids[(scope, value)] = at

    def resource(self, cls: type, value: Any, at: Path_, *, skip: tuple[str, ...] = ()) -> bool:
        fields = [f for f in seed_fields(cls) if f.name not in skip]
        keys = {
            f.name: f.default is dataclasses.MISSING
            and f.default_factory is dataclasses.MISSING
            and (f.name not in _OPTIONAL or (f.name == "port" and cls is Binding))
            for f in fields
        }
        if not self.mapping(value, at, keys):
            return False
        for f in fields:
            got = value.get(f.name)
            if got is None or is_child(f):
                continue
            self.value(cls, f, got, (*at, f.name))
        return True

    def value(self, cls: type, f: dataclasses.Field[Any], got: Any, at: Path_) -> None:
        kind = str(f.type)
        if "list[str]" in kind:
            if not isinstance(got, list) or not all(isinstance(v, str) for v in got):
                self.problem(at, "must be a list of strings")
            return
        expected = int if kind.startswith("int") else str
        if expected is int and (isinstance(got, bool) or not isinstance(got, int)):
            self.problem(at, f"must be an integer, got {got!r}")
            return
        if expected is str and not isinstance(got, str):
            self.problem(at, f"must be a string, got {got!r}")
            return
        allowed = _VALUES.get((cls, f.name))
        if allowed is None:
            return
        if isinstance(allowed[0], int) and expected is int:
            if not allowed[0] <= got <= allowed[1]:
                self.problem(at, f"must be {allowed[0]} to {allowed[1]}, got {got}")
        elif got not in allowed:
            self.problem(at, f"must be one of {', '.join(map(str, allowed))}, got {got!r}")


def check(seed: Any, where: Callable[[Path_], str] | None = None) -> None:
    """Raise :class:`SeedError` with every problem of the seed (see the module's doc)."""
    c = _Checker(where or (lambda at: "seed"))
    if not c.mapping(seed, (), dict.fromkeys(_TOP, False)):
        raise SeedError("\n".join(c.problems))
    region = seed.get("region")
    if region is not None:
        _check_region(c, region, ("region",))
    for n, cred in enumerate(c.items(seed.get("credentials"), ("credentials",))):
        at: Path_ = ("credentials", n)
        if c.mapping(cred, at, _CREDENTIAL_KEYS):
            for key in _CREDENTIAL_KEYS:
                if cred.get(key) is not None and not isinstance(cred[key], str):
                    c.problem((*at, key), "must be a string")
    for key, cls in _TOP.items():
        if not isinstance(cls, type) or cls is str:
            continue
        for n, item in enumerate(c.items(seed.get(key), (key,))):
            at = (key, n)
            if not c.resource(cls, item, at):
                continue
            if "region" in item:
                _check_region(c, item["region"], (*at, "region"))
            c.unique_id(item.get("id", item.get("ip")), (*at, "id"))
            if cls is LoadBalancer:
                _check_listeners(c, item, at)
            elif cls is Vpc:
                for s, subnet in enumerate(c.items(item.get("subnets"), (*at, "subnets"))):
                    if c.resource(Subnet, subnet, (*at, "subnets", s)):
                        c.unique_id(subnet.get("id"), (*at, "subnets", s, "id"))
    if c.problems:
        raise SeedError("\n".join(c.problems))


def _check_region(c: _Checker, region: Any, at: Path_) -> None:
    if not isinstance(region, str) or not _REGION.fullmatch(region):
        c.problem(at, f"must be a region such as ap-guangzhou or gz, got {region!r}")


def _check_listeners(c: _Checker, lb: Mapping[str, Any], at: Path_) -> None:
    ports: dict[tuple[str, Any], Path_] = {}
    for n, listener in enumerate(c.items(lb.get("listeners"), (*at, "listeners"))):
        here: Path_ = (*at, "listeners", n)
        protocol = listener.get("protocol", "tcp") if isinstance(listener, Mapping) else None
        layer7 = protocol in L7_PROTOCOLS
        if not c.resource(L7Listener if layer7 else L4Listener, listener, here):
            continue
        c.unique_id(listener.get("id"), (*here, "id"))
        # One port per transport: udp apart, tcp shared by layer-4 tcp and every layer-7.
        key = ("udp" if protocol == "udp" else "tcp", listener.get("port"))
        if key[1] is not None and key in ports:
            c.problem((*here, "port"), f"port {key[1]} is taken by {_shown(ports[key])}")
        ports.setdefault(key, (*here, "port"))
        if layer7:
            for d, domain in enumerate(c.items(listener.get("domains"), (*here, "domains"))):
                dat: Path_ = (*here, "domains", d)
                if not c.resource(Domain, domain, dat):
                    continue
                c.unique_id(domain.get("id"), (*dat, "id"))
                for loc_n, location in enumerate(c.items(domain.get("locations"),
                                                         (*dat, "locations"))):  # fmt: skip
                    lat: Path_ = (*dat, "locations", loc_n)
                    if c.resource(Location, location, lat):
                        c.unique_id(location.get("id"), (*lat, "id"))
                        _check_backends(c, location, lat, skip=("probe_port",))
        else:
            _check_backends(c, listener, here, skip=())


def _check_backends(
    c: _Checker, owner: Mapping[str, Any], at: Path_, skip: tuple[str, ...]
) -> None:
    seen: dict[tuple[Any, Any], int] = {}
    for n, backend in enumerate(c.items(owner.get("backends"), (*at, "backends"))):
        here: Path_ = (*at, "backends", n)
        if not c.resource(Binding, backend, here, skip=skip):
            continue
        if (backend.get("instance_id") is None) == (backend.get("vm_ip") is None):
            c.problem(here, "needs either instance_id (a physical host) or vm_ip, not both")
            continue
        key = (backend.get("instance_id") or backend.get("vm_ip"), backend.get("port"))
        if key in seen:
            c.problem(here, f"{key[0]} port {key[1]} is bound already, at backends[{seen[key]}]")
        seen.setdefault(key, n)


# -- into the state, and back -----------------------------------------------------------------


def _build(cls: type, data: Mapping[str, Any], **fixed: Any) -> Any:
    """A resource from its checked seed mapping (children left empty: the caller adds them)."""
    values = {
        f.name: data[f.name]
        for f in seed_fields(cls)
        if not is_child(f) and data.get(f.name) is not None
    }
    values.update(fixed)
    for f in seed_fields(cls):
        if f.name not in values and f.name in _OPTIONAL:
            values[f.name] = None  # a VM IP's instance_id; a listener's port (add_listener)
        if "list" in str(f.type) and f.name in values:
            values[f.name] = list(values[f.name])
    return cls(**values)


def apply(state: State, seed: Mapping[str, Any], default_region: str) -> None:
    """Add what a checked seed describes to the state."""
    region = canonical_region(seed.get("region") or default_region)
    with state.lock:
        for vpc_data in seed.get("vpcs") or ():
            vpc = _build(Vpc, vpc_data, region=canonical_region(vpc_data.get("region") or region))
            for subnet in vpc_data.get("subnets") or ():
                vpc.subnets[subnet["id"]] = _build(Subnet, subnet)
            add_vpc(state, vpc)
        for host in seed.get("instances") or ():
            state.use_id(host["id"])
            state.instances[host["id"]] = _build(
                Instance, host, region=canonical_region(host.get("region") or region)
            )
        for vm in seed.get("vm_ips") or ():
            state.vm_ips[vm["ip"]] = _build(
                VmIp, vm, region=canonical_region(vm.get("region") or region)
            )
        for cert in seed.get("certificates") or ():
            state.use_id(cert["id"])
            made = _build(Certificate, cert)
            made.upload_time = made.upload_time or state.now()
            state.certificates[made.id] = made
        for lb_data in seed.get("load_balancers") or ():
            lb_region = canonical_region(lb_data.get("region") or region)
            lb = _build(LoadBalancer, lb_data, region=lb_region)
            add_load_balancer(state, lb)
            for listener_data in lb_data.get("listeners") or ():
                layer7 = listener_data.get("protocol", "tcp") in L7_PROTOCOLS
                listener = _build(L7Listener if layer7 else L4Listener, listener_data,
                                  protocol=listener_data.get("protocol", "tcp"))  # fmt: skip
                add_listener(state, lb, listener)
                if isinstance(listener, L4Listener):
                    _bind_all(state, lb_region, listener.backends, listener_data)
                    continue
                for domain_data in listener_data.get("domains") or ():
                    domain = _build(Domain, domain_data)
                    domain.add_timestamp = domain.add_timestamp or state.now()
                    state.use_id(domain.id)
                    listener.domains[domain.id] = domain
                    for location_data in domain_data.get("locations") or ():
                        location = _build(Location, location_data)
                        location.add_timestamp = location.add_timestamp or state.now()
                        state.use_id(location.id)
                        domain.locations[location.id] = location
                        _bind_all(state, lb_region, location.backends, location_data)


def _bind_all(
    state: State, region: str, into: dict[tuple[str, int], Binding], owner: Mapping[str, Any]
) -> None:
    for data in owner.get("backends") or ():
        binding = _build(Binding, data)
        if binding.instance_id is not None:
            state.known_instance(binding.instance_id, region)
        elif binding.vm_ip is not None and binding.vm_ip not in state.vm_ips:
            state.vm_ips[binding.vm_ip] = VmIp(binding.vm_ip, region)
        into[binding.key] = binding


def add_vpc(state: State, vpc: Vpc) -> None:
    state.use_id(vpc.id)
    if not vpc.vpc_id:
        vpc.vpc_id = 1000 + len(state.vpcs)
    state.vpcs[vpc.id] = vpc


def add_load_balancer(state: State, lb: LoadBalancer) -> None:
    """Add a load balancer, with what the service would have given it where it has nothing:
    times, a VIP, a domain for a public one, its VPC known to the fake."""
    state.use_id(lb.id)
    now = state.now()
    lb.create_time = lb.create_time or now
    lb.status_time = lb.status_time or lb.create_time
    lb.name = lb.name or lb.id
    n = len(state.load_balancers) + 1
    if not lb.vips:
        lb.vips = [
            f"203.0.113.{n % 250 + 1}" if lb.type == "open" else f"10.0.{n // 250}.{n % 250 + 2}"
        ]
    if lb.type == "open" and not lb.domain:
        lb.domain = f"{lb.id.removeprefix('lb-')}.hslb.myqcloud.com"
    if lb.un_vpc_id:
        vpc = state.vpcs.get(lb.un_vpc_id)
        if vpc is None:
            vpc = Vpc(lb.un_vpc_id, lb.region)
            add_vpc(state, vpc)
        lb.vpc_id = lb.vpc_id or vpc.vpc_id
    state.load_balancers[lb.id] = lb


def add_listener(state: State, lb: LoadBalancer, listener: L4Listener | L7Listener) -> None:
    """Add a listener; one without a port gets the first free one of its transport from 80."""
    if not listener.port:  # None from a seed without one
        udp = listener.protocol == "udp"
        taken = {x.port for x in lb.listeners.values() if (x.protocol == "udp") == udp}
        listener.port = next(p for p in range(80, 65536) if p not in taken)
    state.use_id(listener.id)
    listener.add_timestamp = listener.add_timestamp or state.now()
    lb.listeners[listener.id] = listener


def _plain(obj: Any) -> dict[str, Any]:
    """A resource as seed data: every field set (None left out), children as lists by id."""
    out: dict[str, Any] = {}
    for f in seed_fields(type(obj)):
        value = getattr(obj, f.name)
        if is_child(f):
            out[f.name] = [_plain(v) for _, v in sorted(value.items())]
        elif value is not None:
            out[f.name] = list(value) if isinstance(value, list) else value
    return out


def snapshot(state: State, region: str) -> dict[str, Any]:
    """The state as a seed (credentials left out: they are secrets)."""
    with state.lock:
        out: dict[str, Any] = {"region": region}
        tables: tuple[tuple[str, Mapping[str, Any]], ...] = (
            ("load_balancers", state.load_balancers),
            ("instances", state.instances),
            ("vm_ips", state.vm_ips),
            ("vpcs", state.vpcs),
            ("certificates", state.certificates),
        )
        for key, table in tables:
            out[key] = [_plain(table[k]) for k in sorted(table)]
        return out
