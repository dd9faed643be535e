"""The layer-7 listeners (http, https), their domains and locations (forwarding rules), and the
backends bound to a location.

The rules the pages state, and the codes they answer: at most 50 layer-7 listeners per load
balancer (12014), 50 domains per listener (-12007), 100 locations per domain (-12008), 255
backends per location (12013); rules of one domain go under that domain (one domain id); a URL
appears once in a domain (-12015); the domain (-12016) and URL (-12017) grammars below; the
health check's domain is a plain one that matches the rule's (-12019); https needs a server
certificate, two-way authentication a client one; an internal load balancer serves http only.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterable, Mapping
from typing import Any

from ._actions_l4 import RENAMES as L4_RENAMES
from ._actions_l4 import port_taken
from ._backends import bound, described, moving, new_bindings, over_limit
from ._calls import Answer, Call, Change, Table, adding, only, page, removing, setting, wire
from ._certs import checked, upload
from ._state import Binding, Domain, FakeApiError, L7Listener, LoadBalancer, Location, State

__all__ = ["ACTIONS", "check_domain", "check_url"]

ACTIONS = Table()

RENAMES = {**L4_RENAMES, "ssl_mode": "SSLMode"}
FIELDS = (
    "id", "name", "protocol", "port", "bandwidth", "ssl_mode", "cert_id", "cert_ca_id",
    "status", "add_timestamp",
)  # fmt: skip
LOCATION_FIELDS = (
    "url", "id", "session_expire", "health_switch", "http_check_path", "http_check_domain",
    "interval_time", "health_num", "unhealth_num", "http_code", "balance_mode", "status",
    "add_timestamp",
)  # fmt: skip
#: Request arguments of a rule that set a location's fields (the same names).
RULE_SETTINGS = (
    "url", "session_expire", "health_switch", "interval_time", "health_num", "unhealth_num",
    "http_code", "http_check_path", "http_check_domain", "balance_mode",
)  # fmt: skip

# The grammars of CreateBmForwardRules' page. Domains: "_" (the default), a plain name
# (letters, digits, '-', '.'), a wildcard at the start or the end, or a regular expression
# after '~'. URLs: plain (letters, digits and -.?%#&=, with '/' and '_', which every example
# uses though the page's list leaves them out), or after a modifier (=, ^~, ~*, ~) an
# expression. An expression never holds a space or any of "';`~{}. Both 1 to 80 printable
# ASCII characters.
_PRINTABLE = re.compile(r"[\x20-\x7e]{1,80}")
_PLAIN_DOMAIN = re.compile(r"[A-Za-z0-9.-]+")
_WILDCARD = re.compile(r"\*[A-Za-z0-9.-]+|[A-Za-z0-9.-]+\*")
_EXPRESSION = r"[^\s\"';`~{}]+"
_REGEX_DOMAIN = re.compile(r"~\s?" + _EXPRESSION)
_PLAIN_URL = re.compile(r"[A-Za-z0-9/_.\-?%#&=]+")
_MODIFIED_URL = re.compile(r"(?:=|\^~|~\*|~)\s?" + _EXPRESSION)


def check_domain(domain: str) -> None:
    """-12016 unless ``domain`` follows the domain grammar."""
    if not (_PRINTABLE.fullmatch(domain) or domain == "_") or not (
        domain == "_"
        or _PLAIN_DOMAIN.fullmatch(domain)
        or _WILDCARD.fullmatch(domain)
        or _REGEX_DOMAIN.fullmatch(domain)
    ):
        raise FakeApiError(-12016, f"domain {domain!r} does not follow the domain rules")


def check_url(url: str, what: str = "url") -> None:
    """-12017 unless ``url`` follows the URL grammar."""
    if not _PRINTABLE.fullmatch(url) or not (
        _PLAIN_URL.fullmatch(url) or _MODIFIED_URL.fullmatch(url)
    ):
        raise FakeApiError(-12017, f"{what} {url!r} does not follow the URL rules")


def _check_health_domain(check: str, domain: str) -> None:
    """-12019 unless the health check's domain is plain and matches the rule's domain."""
    matches = False
    if _PLAIN_DOMAIN.fullmatch(check):
        if domain == "_" or check == domain:
            matches = True
        elif _WILDCARD.fullmatch(domain):
            matches = fnmatch.fnmatchcase(check, domain)
        elif domain.startswith("~"):
            try:
                matches = re.fullmatch(domain[1:].strip(), check) is not None
            except re.error:
                matches = False
    if not matches:
        raise FakeApiError(-12019, f"httpCheckDomain {check!r} does not match domain {domain!r}")


def _check_location(location: Location, domain: str) -> None:
    check_url(location.url)
    if location.http_check_path:
        if not _PLAIN_URL.fullmatch(location.http_check_path):
            raise FakeApiError(
                -12017, f"httpCheckPath {location.http_check_path!r} must be a plain path"
            )
    if location.http_check_domain:
        _check_health_domain(location.http_check_domain, domain)


# -- listeners --------------------------------------------------------------------------------


#: A certificate a listener's settings upload when the change is applied: (the listener's
#: field, type, content, name).
Upload = tuple[str, str, str, str | None]


def _certificates(
    state: State, lb: LoadBalancer, listener: L7Listener, given: Mapping[str, Any], now: float
) -> list[Upload]:
    """Check the certificate settings of a new or changed listener (setting them on it);
    the certificates to upload when it is applied."""
    uploads: list[Upload] = []
    for prefix, field, cert_type in (("cert", "cert_id", "SVR"), ("cert_ca", "cert_ca_id", "CA")):
        cert_id, content = given.get(f"{prefix}_id"), given.get(f"{prefix}_content")
        if cert_id is not None:
            if state.certificate(cert_id).type != cert_type:
                raise FakeApiError(9003, f"{prefix}Id {cert_id} is not a {cert_type} certificate")
            setattr(listener, field, cert_id)
        elif content is not None:
            # Checked now (the answer names a bad certificate before any task), kept when the
            # change is applied; until then the listener names it by a placeholder.
            checked(content, now)
            uploads.append((field, cert_type, content, given.get(f"{prefix}_name")))
            setattr(listener, field, "(uploaded)")
    if listener.protocol == "https":
        if lb.type == "internal":
            raise FakeApiError(9003, "an internal load balancer has http listeners only")
        if listener.ssl_mode not in (1, 2):
            raise FakeApiError(9003, "an https listener needs SSLMode 1 (one-way) or 2 (two-way)")
        if not listener.cert_id:
            raise FakeApiError(9003, "an https listener needs a server certificate (certId)")
        if listener.ssl_mode == 2 and not listener.cert_ca_id:
            raise FakeApiError(9003, "two-way authentication needs a client certificate")
    elif listener.ssl_mode:
        raise FakeApiError(9003, "an http listener has SSLMode 0")
    return uploads


def _upload_all(state: State, listener: L7Listener, uploads: Iterable[Upload], now: float) -> None:
    for field, cert_type, content, name in uploads:
        setattr(listener, field, upload(state, cert_type, content, name, now).id)


@ACTIONS.handles("CreateBmForwardListeners")
def create_listeners(call: Call) -> Change:
    state = call.state
    lb = call.load_balancer(change=True)
    now = state.wall()
    made: list[tuple[L7Listener, list[Upload]]] = []
    for n, item in enumerate(call.args["listeners"]):
        listener = L7Listener("", item["protocol"], item["load_balancer_port"])
        listener.name = item["listener_name"]
        listener.ssl_mode = item.get("ssl_mode") or 0
        listener.bandwidth = item.get("bandwidth") or 0
        held = port_taken(lb, listener.protocol, listener.port, [m for m, _ in made])
        if held is not None:
            raise FakeApiError(-12013, f"listeners.{n}: port {listener.port} is {held}'s")
        made.append((listener, _certificates(state, lb, listener, item, now)))
    layer7 = sum(isinstance(x, L7Listener) for x in lb.listeners.values())
    if layer7 + len(made) > state.limits.listeners:
        raise FakeApiError(
            12014, f"{lb.id} has {layer7} layer-7 listeners; at most {state.limits.listeners}"
        )

    def apply() -> Answer:
        for listener, uploads in made:
            _upload_all(state, listener, uploads, now)
            listener.id = state.new_id("lbl-")
            listener.add_timestamp = state.now()
            lb.listeners[listener.id] = listener
        return {"listenerIds": [listener.id for listener, _ in made]}

    return Change(lb.id, apply)


@ACTIONS.handles("ModifyBmForwardListener")
def modify_listener(call: Call) -> Change:
    state, args = call.state, call.args
    lb, listener = call.l7(change=True)
    now = state.wall()
    trial = L7Listener(listener.id, listener.protocol, listener.port, ssl_mode=listener.ssl_mode,
                       cert_id=listener.cert_id, cert_ca_id=listener.cert_ca_id)  # fmt: skip
    if args.get("ssl_mode") is not None:
        trial.ssl_mode = args["ssl_mode"]
    uploads = _certificates(state, lb, trial, args, now)

    def apply() -> None:
        if args.get("listener_name") is not None:
            listener.name = args["listener_name"]
        if args.get("bandwidth") is not None:
            listener.bandwidth = args["bandwidth"]
        listener.ssl_mode, listener.cert_id, listener.cert_ca_id = (
            trial.ssl_mode, trial.cert_id, trial.cert_ca_id
        )  # fmt: skip
        _upload_all(state, listener, uploads, now)

    return Change(lb.id, apply)


def _rules(state: State, domains: Iterable[Domain], *, backends: bool | None) -> list[Answer]:
    """Domains with their locations as the answers show them; ``backends`` (not None): with
    each location's ``rsList``, its backends (True) or none (False)."""
    out = []
    for domain in domains:
        locations = []
        for location in domain.locations.values():
            shown = wire(location, LOCATION_FIELDS, {"id": "locationId"})
            if backends is not None:  # DescribeBmForwardListenerInfo: rsList, empty unless asked
                shown["rsList"] = (
                    [
                        described(b, state.instances.get(b.instance_id or ""), operates=False)
                        for _, b in sorted(location.backends.items())
                    ]
                    if backends
                    else []
                )
            locations.append(shown)
        out.append({
            "domain": domain.domain, "domainId": domain.id, "status": domain.status,
            "addTimestamp": domain.add_timestamp, "locations": locations,
        })  # fmt: skip
    return out


@ACTIONS.handles("DescribeBmForwardListeners")
def describe_listeners(call: Call) -> Answer:
    lb = call.load_balancer()
    layer7 = [x for x in lb.listeners.values() if isinstance(x, L7Listener)]
    shown = [
        {**wire(x, FIELDS, RENAMES), "listenerType": "L7Listener"}
        for x in only(layer7, call.get("listener_ids"))
    ]
    return {"listenerSet": shown, "totalCount": len(shown)}


def _binds(domain: Domain, targets: Iterable[str]) -> bool:
    """Whether a location of the domain has one of ``targets`` (hosts, VM IPs) bound."""
    wanted = set(targets)
    return any(b.target in wanted for x in domain.locations.values() for b in x.backends.values())


@ACTIONS.handles("DescribeBmForwardListenerInfo")
def describe_listener_info(call: Call) -> Answer:
    state = call.state
    lb = call.load_balancer()
    key = call.get("search_key", "").lower()
    targets = call.get("instance_ids")
    with_backends = call.get("if_get_rs_info", 0) == 1
    shown = []
    for listener in lb.listeners.values():
        if not isinstance(listener, L7Listener):
            continue
        domains = [d for d in listener.domains.values() if key in d.domain.lower()]
        if targets is not None:
            domains = [d for d in domains if _binds(d, targets)]
        if (key or targets is not None) and not domains:
            continue
        rules = _rules(state, domains, backends=with_backends)
        shown.append({**wire(listener, FIELDS, RENAMES), "listenerType": "L7Listener",
                      "ruleSet": rules})  # fmt: skip
    return {"listenerSet": shown, "totalCount": len(shown)}


# -- rules: domains and locations -------------------------------------------------------------


def _location(item: Mapping[str, Any]) -> Location:
    location = Location("", item["url"])
    for name in RULE_SETTINGS:
        if item.get(name) is not None:
            setattr(location, name, item[name])
    return location


@ACTIONS.handles("CreateBmForwardRules")
def create_rules(call: Call) -> Change:
    state, limits = call.state, call.state.limits
    lb, listener = call.l7(change=True)
    by_name = {d.domain: d for d in listener.domains.values()}
    adding: dict[str, list[Location]] = {}
    for n, item in enumerate(call.args["rules"]):
        check_domain(item["domain"])
        location = _location(item)
        _check_location(location, item["domain"])
        urls = {x.url for x in by_name[item["domain"]].locations.values()} if item[
            "domain"] in by_name else set()  # fmt: skip
        urls |= {x.url for x in adding.get(item["domain"], [])}
        if location.url in urls:
            raise FakeApiError(
                -12015, f"rules.{n}: {item['domain']} has the url {location.url!r} already"
            )
        adding.setdefault(item["domain"], []).append(location)
    new_domains = [d for d in adding if d not in by_name]
    if len(listener.domains) + len(new_domains) > limits.domains:
        raise FakeApiError(
            -12007, f"{listener.id} has {len(listener.domains)} domains; at most {limits.domains}"
        )
    for name, locations in adding.items():
        have = len(by_name[name].locations) if name in by_name else 0
        if have + len(locations) > limits.locations:
            raise FakeApiError(
                -12008, f"domain {name} has {have} locations; at most {limits.locations}"
            )

    def apply() -> None:
        for name, locations in adding.items():
            domain = by_name.get(name)
            if domain is None:
                domain = Domain(state.new_id("dm-"), name, add_timestamp=state.now())
                listener.domains[domain.id] = domain
                by_name[name] = domain
            for location in locations:
                location.id = state.new_id("loc-")
                location.add_timestamp = state.now()
                domain.locations[location.id] = location

    return Change(lb.id, apply)


@ACTIONS.handles("DescribeBmForwardRules")
def describe_rules(call: Call) -> Answer:
    state = call.state
    _, listener = call.l7()
    rules = _rules(state, only(listener.domains.values(), call.get("domain_ids")), backends=None)
    return {"ruleSet": rules, "totalCount": len(rules)}


@ACTIONS.handles("ModifyBmForwardLocation")
def modify_location(call: Call) -> Change:
    state = call.state
    lb, listener = call.l7(change=True)
    changes: list[tuple[Location, dict[str, Any]]] = []
    for n, item in enumerate(call.args["rules"]):
        domain = state.domain(listener, item["domain_id"])
        location = state.location(listener, item["domain_id"], item["location_id"])
        given = {k: item[k] for k in RULE_SETTINGS if item.get(k) is not None}
        trial = Location(location.id, location.url)
        for name in RULE_SETTINGS:
            setattr(trial, name, given.get(name, getattr(location, name)))
        _check_location(trial, domain.domain)
        if trial.url != location.url and any(x.url == trial.url for x in domain.locations.values()):
            raise FakeApiError(-12015, f"rules.{n}: {domain.domain} has the url {trial.url!r}")
        changes.append((location, given))

    def apply() -> None:
        for location, given in changes:
            for name, value in given.items():
                setattr(location, name, value)

    return Change(lb.id, apply)


@ACTIONS.handles("DeleteBmForwardRules")
def delete_rules(call: Call) -> Change:
    state, args = call.state, call.args
    lb, listener = call.l7(change=True)
    domain = state.domain(listener, args["domain_id"])
    doomed = [state.location(listener, domain.id, x).id for x in args["location_ids"]]
    return removing(lb.id, domain.locations, doomed)


@ACTIONS.handles("DeleteBmForwardDomains")
def delete_domains(call: Call) -> Change:
    state, args = call.state, call.args
    lb, listener = call.l7(change=True)
    doomed = [state.domain(listener, x).id for x in args["domain_ids"]]
    return removing(lb.id, listener.domains, doomed)


# -- a location's backends --------------------------------------------------------------------


def _target(call: Call, *, change: bool) -> tuple[LoadBalancer, Location]:
    lb, listener = call.l7(change=change)
    return lb, call.state.location(listener, call.args["domain_id"], call.args["location_id"])


def _bind(call: Call, items: Any, *, vm: bool) -> Change:
    lb, location = _target(call, change=True)
    added = new_bindings(call, items, vm=vm)
    for binding in added:
        if binding.key in location.backends:
            code = -12025 if vm else 9003
            raise FakeApiError(
                code, f"{binding.target} port {binding.port} is bound to {location.id} already"
            )
    over_limit(location.backends, len(added), call.state.limits.backends, "location")
    return adding(lb.id, location.backends, {b.key: b for b in added})


def _unbind(call: Call, keys: list[tuple[str, int]], code: int) -> Change:
    lb, location = _target(call, change=True)
    for target, port in keys:
        bound(location.backends, target, port, code, "location")
    return removing(lb.id, location.backends, keys)


@ACTIONS.handles("BindBmLocationInstances")
def bind_hosts(call: Call) -> Change:
    return _bind(call, call.args["backends"], vm=False)


@ACTIONS.handles("BindBmL7LocationVmIp")
def bind_vm_ips(call: Call) -> Change:
    return _bind(call, call.args["vm_list"], vm=True)


@ACTIONS.handles("UnbindBmLocationInstances")
def unbind_hosts(call: Call) -> Change:
    return _unbind(call, [(b["instance_id"], b["port"]) for b in call.args["backends"]], 30011)


@ACTIONS.handles("UnbindBmL7LocationVmIp")
def unbind_vm_ips(call: Call) -> Change:
    return _unbind(call, [(b["vm_ip"], b["port"]) for b in call.args["vm_list"]], -12024)


def _backend(call: Call) -> tuple[LoadBalancer, Location, Binding]:
    lb, location = _target(call, change=True)
    owner = "location"
    return (
        lb,
        location,
        bound(location.backends, call.args["instance_id"], call.args["port"], 30011, owner),
    )


@ACTIONS.handles("ModifyBmLocationBackendPort")
def modify_backend_port(call: Call) -> Change:
    lb, location, binding = _backend(call)
    new_port = call.args["new_port"]
    if new_port != binding.port and (binding.target, new_port) in location.backends:
        raise FakeApiError(9003, f"{binding.target} port {new_port} is bound to {location.id}")
    return moving(lb.id, location.backends, binding, new_port)


@ACTIONS.handles("ModifyBmLocationBackendWeight")
def modify_backend_weight(call: Call) -> Change:
    lb, _, binding = _backend(call)
    return setting(lb.id, binding, weight=call.args["weight"])


@ACTIONS.handles("DescribeBmLocationBackends")
def describe_backends(call: Call) -> Answer:
    _, location = _target(call, change=False)
    state = call.state
    shown = [
        described(b, state.instances.get(b.instance_id or ""), mgt_ip=True)
        for _, b in sorted(location.backends.items())
    ]
    return {"data": list(page(shown, call.get("offset"), call.get("limit")))}
