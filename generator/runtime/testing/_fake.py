"""The fake BM load balancer: :class:`FakeBmlb`, what a test starts, seeds, controls and asks.

A request's way through it: the HTTP side (``_server``) parses it and hands it to
:meth:`FakeBmlb._serve`, which logs it (a ring), applies an injected fault if one is queued
(``_faults``), authenticates it (``_auth``), and has the dispatcher (``_dispatch``) decode it
with the client's own request plan and run the action's handler (``_actions_*``) on the state
(``_state``), which seeds fill (``_seeds``).
"""

from __future__ import annotations

import json
import secrets
import time
from collections import deque
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from .. import errors
from .._config import ENV_ENDPOINT
from ._auth import PATH, Authenticator
from ._calls import Handler
from ._dispatch import Dispatcher
from ._faults import Fault, Faults
from ._seeds import add_listener, add_load_balancer, apply, check, load_seed, snapshot
from ._server import _HTTP, _Delayed, _Reply
from ._state import (
    L4_PROTOCOLS,
    Binding,
    Domain,
    FakeApiError,
    L4Listener,
    L7Listener,
    Limits,
    LoadBalancer,
    Location,
    State,
    VmIp,
    canonical_region,
)

if TYPE_CHECKING:
    from typing_extensions import TypedDict, Unpack  # for type checkers only, which have it

    from .._config import Timeout
    from .._retries import Retry
    from ..async_client import AsyncClient
    from ..client import Client
    from ._server import _Request

    class ClientOptions(TypedDict, total=False):
        """What :meth:`FakeBmlb.client` and :meth:`FakeBmlb.async_client` take: the clients'
        own options (unset: the fake's key, region and endpoint, the clients' defaults)."""

        secret_id: str
        secret_key: str
        token: str
        region: str
        endpoint: str
        sign_method: str
        http_method: str
        timeout: float | Timeout
        retries: int | Retry
        max_connections: int | None


__all__ = ["DEFAULT_REGION", "FakeBmlb"]

#: The region of a fake whose seed names none.
DEFAULT_REGION = "ap-guangzhou"


def _parse_form(text: str) -> dict[str, str]:
    """``name=value&...`` as ``dict(parse_qsl(text, keep_blank_values=True))`` reads it (the
    last of repeated names wins), with ``unquote`` only for the parts that need it."""
    params: dict[str, str] = {}
    for item in text.split("&"):
        if not item:
            continue
        name, _, value = item.partition("=")
        if "%" in value or "+" in value:
            value = unquote(value.replace("+", " "))
        if "%" in name or "+" in name:
            name = unquote(name.replace("+", " "))
        params[name] = value
    return params


#: ``json.dumps(..., ensure_ascii=False)`` without building an encoder for every answer.
_encode_json = json.JSONEncoder(ensure_ascii=False).encode


def _json(code: int, code_desc: str | None, message: str, fields: Mapping[str, Any]) -> _Reply:
    body: dict[str, Any] = {"code": code, "message": message}
    if code_desc is not None:
        body["codeDesc"] = code_desc
    body.update(fields)
    return _Reply(200, _encode_json(body).encode("utf-8"))


def _seed_region(seed: Mapping[str, Any]) -> str | None:
    """The region a seed is about: its own, else its first load balancer's."""
    if seed.get("region"):
        return canonical_region(str(seed["region"]))
    for lb in seed.get("load_balancers") or ():
        if isinstance(lb, Mapping) and lb.get("region"):
            return canonical_region(str(lb["region"]))
    return None


class FakeBmlb:
    """A fake BM load balancer on 127.0.0.1, for tests and demos.

    >>> with FakeBmlb(seed=DEFAULT_SEED) as fake, fake.client() as client:
    ...     client.describe_bm_load_balancers_task_result(request_id=1)

    ``secret_id``/``secret_key`` are registered (random unless given); more keys with
    :meth:`add_credentials` or a seed's ``credentials``. ``region`` is where the fake's clients
    are and where what a seed or an ``add_*`` call does not place goes: by default the seed's
    region, else ``ap-guangzhou``. The fake answers by region as the service does: a load
    balancer of another region is not found (11041). ``clock`` is the server's wall clock
    (Timestamp checks, the times answers show), replaceable in tests. ``log_size``: how many
    requests :attr:`requests` keeps (the latest).
    """

    def __init__(
        self,
        *,
        secret_id: str | None = None,
        secret_key: str | None = None,
        region: str | None = None,
        port: int = 0,
        seed: Mapping[str, Any] | str | Path | None = None,
        clock: Callable[[], float] = time.time,
        log_size: int = 10_000,
    ) -> None:
        if isinstance(seed, (str, Path)):
            seed = load_seed(seed)
        elif seed is not None:
            check(seed)
        self.region = canonical_region(region or (_seed_region(seed) if seed else None)
                                       or DEFAULT_REGION)  # fmt: skip
        self.clock = clock
        self.state = State(wall=clock)
        self._dispatcher = Dispatcher(self.state)
        self._auth = Authenticator(clock)
        self._faults = Faults()
        # The latest requests' form text (body or query), parsed when read: a few hundred
        # bytes each, where a dict of their parameters would take a few KB.
        self._log: deque[str] = deque(maxlen=log_size)
        self.secret_id = secret_id or "AKIDFAKE" + secrets.token_hex(8).upper()
        self.secret_key = secret_key or secrets.token_urlsafe(24)
        self.add_credentials(self.secret_id, self.secret_key)
        if seed is not None:
            self._load(seed)
        self._port = port
        self._http: _HTTP | None = None

    # -- life cycle ----------------------------------------------------------------------------

    def start(self) -> FakeBmlb:
        """Start serving (in a thread); the endpoint is known from then on."""
        if self._http is None:
            self._http = _HTTP(self, self._port)
        return self

    def stop(self) -> None:
        """Stop serving: close the listening socket and every open connection."""
        http, self._http = self._http, None
        if http is not None:
            http.stop()

    def __enter__(self) -> FakeBmlb:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def __repr__(self) -> str:
        where = self.endpoint if self._http is not None else "stopped"
        return f"FakeBmlb({where}, region={self.region!r}, secret_id={self.secret_id!r})"

    @property
    def endpoint(self) -> str:
        """``http://127.0.0.1:PORT``, for ``Client(endpoint=...)``."""
        if self._http is None:
            raise RuntimeError("the fake is not running: start() it first")
        return f"http://127.0.0.1:{self._http.port}"

    def environment(self) -> dict[str, str]:
        """The environment variables that point a ``Client()`` made without arguments at this
        fake: its endpoint (``QCLOUD_BMLB_ENDPOINT``), key and region."""
        return {
            ENV_ENDPOINT: self.endpoint,
            "TENCENTCLOUD_SECRET_ID": self.secret_id,
            "TENCENTCLOUD_SECRET_KEY": self.secret_key,
            "TENCENTCLOUD_REGION": self.region,
        }

    def _settings(self, options: Mapping[str, Any]) -> dict[str, Any]:
        settings = {k: v for k, v in options.items() if v is not None}
        settings.setdefault("secret_id", self.secret_id)
        settings.setdefault("secret_key", self.secret_key)
        settings.setdefault("region", self.region)
        settings.setdefault("endpoint", self.endpoint)
        return settings

    def client(self, **options: Unpack[ClientOptions]) -> Client:
        """A :class:`qcloud_bmlb.Client` of this fake: its key, region and endpoint unless
        given; the other options (``ClientOptions``) as ``Client`` takes them."""
        from ..client import Client

        return Client(**self._settings(options))

    def async_client(self, **options: Unpack[ClientOptions]) -> AsyncClient:
        """A :class:`qcloud_bmlb.AsyncClient` of this fake, as :meth:`client` makes a
        ``Client``. It binds to the event loop of its first call; close it with ``await
        client.close()`` or ``async with``."""
        from ..async_client import AsyncClient

        return AsyncClient(**self._settings(options))

    # -- seeding and reading back --------------------------------------------------------------

    def add_credentials(self, secret_id: str, secret_key: str, token: str | None = None) -> None:
        """Register a key pair; with ``token`` it is temporary and every request must carry it."""
        self._auth.add(secret_id, secret_key, token)

    def load(self, seed: Mapping[str, Any]) -> None:
        """Add what a seed mapping describes (the shape :meth:`snapshot` returns, with
        ``credentials``; see ``qcloud_bmlb.testing._seeds``). Raises ``SeedError`` (a
        ``ValueError``) naming every problem."""
        check(seed)
        self._load(seed)

    def _load(self, seed: Mapping[str, Any]) -> None:
        for cred in seed.get("credentials") or ():
            self.add_credentials(cred["secret_id"], cred["secret_key"], cred.get("token"))
        apply(self.state, seed, self.region)

    def snapshot(self) -> dict[str, Any]:
        """Everything the fake holds, as plain data in the shape of a seed (without the
        credentials): ``FakeBmlb(seed=fake.snapshot())`` holds the same."""
        return snapshot(self.state, self.region)

    def add_load_balancer(
        self,
        load_balancer_id: str,
        *,
        region: str | None = None,
        load_balancer_type: str = "open",
    ) -> None:
        """Add a load balancer (``load_balancer_type``: ``open`` or ``internal``)."""
        with self.state.lock:
            region = canonical_region(region or self.region)
            lb = LoadBalancer(load_balancer_id, region, type=load_balancer_type)
            add_load_balancer(self.state, lb)

    def add_listener(
        self,
        load_balancer_id: str,
        listener_id: str,
        *,
        protocol: str = "tcp",
        port: int = 80,
        name: str = "",
    ) -> None:
        """Add a listener: layer 4 for ``tcp`` and ``udp``, layer 7 for ``http`` and
        ``https``."""
        with self.state.lock:
            lb = self._lb(load_balancer_id)
            cls = L4Listener if protocol in L4_PROTOCOLS else L7Listener
            add_listener(self.state, lb, cls(listener_id, protocol, port, name=name))

    def add_location(
        self,
        load_balancer_id: str,
        listener_id: str,
        domain: str,
        url: str,
        *,
        domain_id: str | None = None,
        location_id: str | None = None,
    ) -> tuple[str, str]:
        """Add a rule (a URL under a domain) to a layer-7 listener: its domain's id (the
        domain's own when it has rules already) and the new location's."""
        with self.state.lock:
            state = self.state
            listener = self._lb(load_balancer_id).listeners.get(listener_id)
            if not isinstance(listener, L7Listener):
                raise KeyError(f"no layer-7 listener {listener_id!r} in {load_balancer_id!r}")
            found = next((d for d in listener.domains.values() if d.domain == domain), None)
            if found is None:
                found = Domain(domain_id or state.new_id("dm-"), domain, add_timestamp=state.now())
                state.use_id(found.id)
                listener.domains[found.id] = found
            location = Location(location_id or state.new_id("loc-"), url, add_timestamp=state.now())
            state.use_id(location.id)
            found.locations[location.id] = location
            return found.id, location.id

    def add_instance(self, instance_id: str, *, region: str | None = None, alias: str = "",
                     lan_ip: str = "", mgt_ip: str = "") -> None:  # fmt: skip
        """Make a physical host known (bindable) in a region."""
        with self.state.lock:
            host = self.state.known_instance(instance_id, canonical_region(region or self.region))
            host.alias, host.lan_ip, host.mgt_ip = (
                alias or host.alias, lan_ip or host.lan_ip, mgt_ip or host.mgt_ip
            )  # fmt: skip

    def add_vm_ip(self, ip: str, *, region: str | None = None) -> None:
        """Make a VM IP known (bindable) in a region."""
        with self.state.lock:
            self.state.vm_ips[ip] = VmIp(ip, canonical_region(region or self.region))

    def bind(
        self,
        load_balancer_id: str,
        listener_id: str,
        instance_id: str | None,
        port: int,
        *,
        vm_ip: str | None = None,
        location_id: str | None = None,
        weight: int = 10,
        probe_port: int | None = None,
    ) -> None:
        """Bind a physical host (``instance_id``) or a VM IP (``vm_ip``) port to a layer-4
        listener, or to a location of a layer-7 one (``location_id``). The host or VM IP
        becomes known to the fake."""
        if (instance_id is None) == (vm_ip is None):
            raise ValueError("bind either an instance_id or a vm_ip")
        with self.state.lock:
            lb = self._lb(load_balancer_id)
            into = self._backends(lb, listener_id, location_id)
            if instance_id is not None:
                self.state.known_instance(instance_id, lb.region)
            elif vm_ip is not None:
                self.state.vm_ips.setdefault(vm_ip, VmIp(vm_ip, lb.region))
            binding = Binding(instance_id, port, probe_port, weight, vm_ip)
            into[binding.key] = binding

    def backends(
        self, load_balancer_id: str, listener_id: str, location_id: str | None = None
    ) -> list[Binding]:
        """The backends bound to a layer-4 listener (or a location of a layer-7 one), sorted
        by host id or VM IP and port."""
        with self.state.lock:
            lb = self._lb(load_balancer_id)
            into = self._backends(lb, listener_id, location_id)
            return [Binding(**vars(b)) for _, b in sorted(into.items())]

    def _lb(self, load_balancer_id: str) -> LoadBalancer:
        lb = self.state.load_balancers.get(load_balancer_id)
        if lb is None:
            raise KeyError(f"no load balancer {load_balancer_id!r}; add it first")
        return lb

    @staticmethod
    def _backends(
        lb: LoadBalancer, listener_id: str, location_id: str | None
    ) -> dict[tuple[str, int], Binding]:
        listener = lb.listeners.get(listener_id)
        if listener is None:
            raise KeyError(f"no listener {listener_id!r} in {lb.id!r}")
        if isinstance(listener, L4Listener):
            return listener.backends
        for domain in listener.domains.values():
            if location_id in domain.locations:
                return domain.locations[location_id].backends
        raise KeyError(f"no location {location_id!r} in layer-7 listener {listener_id!r}")

    @property
    def requests(self) -> list[dict[str, str]]:
        """The parameters of the latest requests (``log_size`` of them at most, the oldest
        forgotten first), without their Signature, oldest first."""
        out = []
        for text in list(self._log):
            params = _parse_form(text)
            params.pop("Signature", None)
            out.append(params)
        return out

    # -- test controls ---------------------------------------------------------------------------

    @property
    def task_polls(self) -> int:
        """How many polls a task reports "running" before it ends (default 1)."""
        return self.state.task_polls

    @task_polls.setter
    def task_polls(self, value: int) -> None:
        self.state.task_polls = value

    @property
    def task_seconds(self) -> float:
        """How long a task runs at least, in seconds (default 0)."""
        return self.state.task_seconds

    @task_seconds.setter
    def task_seconds(self, value: float) -> None:
        self.state.task_seconds = value

    @property
    def limits(self) -> Limits:
        """The service's limits (``fake.limits.backends = 3`` to reach one quickly)."""
        return self.state.limits

    def fail_next_task(self, action: str | None = None) -> None:
        """The next task started (of ``action``, or of any action) ends in failure."""
        self.state.fail_next_task(action)

    def set_busy(self, load_balancer_id: str, code: int | None = 12003) -> None:
        """Every change to the load balancer answers ``code`` (None: not busy)."""
        self.state.set_busy(load_balancer_id, code)

    def inject(self, fault: Fault, *, times: int = 1, action: str | None = None) -> None:
        """Apply ``fault`` to the next ``times`` requests (of ``action``, or of any)."""
        self._faults.add(fault, times, action)

    def register(self, action: str, handler: Handler) -> None:
        """Answer ``action`` with ``handler`` instead of the built-in one (behaviour the fake
        does not model). ``handler(call)`` gets a ``Call`` (``.args`` decoded by the spec's
        rules, ``.params`` as sent, ``.region``, ``.state``) and returns the answer's fields
        (``{"requestId": 5}``), or raises ``FakeApiError(code, message)``."""
        self._dispatcher.register(action, handler)

    def unregister(self, action: str) -> None:
        """Answer ``action`` with its built-in handler again."""
        self._dispatcher.unregister(action)

    # -- the protocol ------------------------------------------------------------------------------

    def _serve(self, request: _Request, body: bytes) -> _Reply | _Delayed:
        if request.path != PATH:
            return _Reply(404, b"<html><body>not found</body></html>", "text/html")
        if request.method == "POST":
            text = body.decode("utf-8", "replace")
        elif request.method == "GET":
            text = request.query
        else:
            return _Reply(405, b"<html><body>GET or POST</body></html>", "text/html")
        self._log.append(text)  # deque.append: atomic, needs no lock
        params = _parse_form(text)
        method, host, header = request.method, request.host, request.headers.get("host", "")
        fault = self._faults.next(params.get("Action"))
        if fault is None:
            return self._answer(method, host, header, params)
        if fault.kind == "delay":
            return _Delayed(fault.seconds, lambda: self._answer(method, host, header, params))
        if fault.kind == "reset":
            if fault.applied:
                self._answer(method, host, header, params)
            return _Reply(0, b"", mode="reset")
        if fault.kind in ("http", "body"):
            return _Reply(fault.status, fault.payload, fault.content_type)
        reply = self._answer(method, host, header, params)
        if fault.kind == "truncated":
            reply.mode = "truncated"
        return reply

    def _answer(self, method: str, host: str, header: str, params: dict[str, str]) -> _Reply:
        try:
            action = self._auth.check(method, host, header, params)
            fields = self._dispatcher.answer(action, params["Region"], params)
            return _json(0, "Success", "", fields)
        except FakeApiError as exc:
            cls = errors.error_class(exc.code)
            return _json(exc.code, cls.code_desc if cls else None, exc.message, {})
