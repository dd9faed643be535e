"""What the fake BM load balancer knows: its resources, their indexes, and its tasks.

Pure Python, no HTTP, no parameter decoding: the handlers (``_handlers_*.py``) read and change
it, the seeds (``_seeds.py``) fill it, :meth:`State.snapshot` reads it back as plain data.

Resources, as Tencent's pages describe them, by region:

- load balancers (:class:`LoadBalancer`), each with its listeners by id: layer-4
  (:class:`L4Listener`: tcp, udp) with their bound backends, and layer-7 (:class:`L7Listener`:
  http, https) with their domains (:class:`Domain`), each with its locations
  (:class:`Location`: a URL and its health check), each with its bound backends;
- a bound backend (:class:`Binding`): a physical host (``instance_id``) or a VM IP
  (``vm_ip``), its port, weight, probe port (layer 4) and health (``Alive``/``Dead``);
- the physical hosts (:class:`Instance`) and VM IPs (:class:`VmIp`) that can be bound, and the
  VPCs (:class:`Vpc`) load balancers are bought in;
- certificates (:class:`Certificate`), account-wide as Tencent's certificate platform keeps them.

Every lookup is a dict look-up: load balancers by id, listeners by id within their load
balancer, domains within their listener, locations within their domain, backends by (host or
VM IP, port) within what they are bound to, the running task of a load balancer by its id.

A change does not touch the state when it is accepted: it starts a task (:meth:`State.start`),
which reports "running" until it has been polled ``task_polls`` times and ``task_seconds`` have
passed, and applies the change when it succeeds. While a task of a load balancer runs, other
changes to that load balancer answer 12003 (IncorrectStatus.LBWrongStatus).
"""

from __future__ import annotations

import dataclasses
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

from .._operations import REGION_ALIASES

__all__ = [
    "Binding",
    "Certificate",
    "Domain",
    "FakeApiError",
    "Instance",
    "L4Listener",
    "L7Listener",
    "Limits",
    "LoadBalancer",
    "Location",
    "State",
    "Task",
    "VmIp",
    "Vpc",
    "canonical_region",
]

SUCCEEDED, FAILED, RUNNING = 0, 1, 2
#: Tencent's pages show times as Beijing time (China keeps no daylight saving time).
_BEIJING = timezone(timedelta(hours=8))
#: Ended tasks kept for DescribeBmLoadBalancersTaskResult, the oldest forgotten first: a long
#: ``serve`` run keeps a bounded memory (a task asked for after that is 5000, as one of another
#: account would be). Enough for any test that waits for its tasks.
MAX_ENDED_TASKS = 1000
_ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789"


class FakeApiError(Exception):
    """An error the fake answers with: a catalogue code and a message."""

    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def canonical_region(region: str) -> str:
    """The region code of a Region value: ``bj`` -> ``ap-beijing``; a code stays as it is."""
    return REGION_ALIASES.get(region, region)


def stamp(seconds: float) -> str:
    """A time as the pages show it: ``2017-04-19 22:07:11`` (Beijing time)."""
    return datetime.fromtimestamp(seconds, _BEIJING).strftime("%Y-%m-%d %H:%M:%S")


# -- resources --------------------------------------------------------------------------------
# Field names are the seed's keys (snake_case of the pages' names); a field without a default
# must be in a seed, a ``children`` field holds a dict by id (a list of mappings in a seed).


#: The metadata of a ``children`` field.
CHILDREN = {"children": True}


@dataclass
class Binding:
    """A backend bound to a layer-4 listener or a layer-7 location: a physical host
    (``instance_id``) or a VM IP (``vm_ip``), and its port."""

    instance_id: str | None
    port: int
    probe_port: int | None = None  # layer 4 only; None: probes go to ``port``
    weight: int = 10
    vm_ip: str | None = None
    status: str = "Alive"  # the health check's verdict: Alive or Dead

    @property
    def target(self) -> str:
        """The host id or the VM IP."""
        return self.instance_id if self.instance_id is not None else self.vm_ip or ""

    @property
    def key(self) -> tuple[str, int]:
        return (self.target, self.port)


@dataclass
class L4Listener:
    id: str
    protocol: str  # tcp | udp
    port: int
    name: str = ""
    bandwidth: int = 0
    session_expire: int = 0
    health_switch: int = 0
    time_out: int = 2
    interval_time: int = 5
    health_num: int = 3
    unhealth_num: int = 3
    custom_health_switch: int = 0
    input_type: str = ""
    line_separator_type: int = 0
    health_request: str = ""
    health_response: str = ""
    toa_flag: int = 0
    status: int = 1
    add_timestamp: str = ""
    backends: dict[tuple[str, int], Binding] = field(default_factory=dict, metadata=CHILDREN)


@dataclass
class Location:
    id: str
    url: str
    session_expire: int = 0
    health_switch: int = 0
    http_check_path: str = ""
    http_check_domain: str = ""
    interval_time: int = 5
    health_num: int = 3
    unhealth_num: int = 5
    http_code: int = 7
    balance_mode: str = "wrr"
    status: int = 1
    add_timestamp: str = ""
    backends: dict[tuple[str, int], Binding] = field(default_factory=dict, metadata=CHILDREN)


@dataclass
class Domain:
    id: str
    domain: str
    status: int = 1
    add_timestamp: str = ""
    locations: dict[str, Location] = field(default_factory=dict, metadata=CHILDREN)


@dataclass
class L7Listener:
    id: str
    protocol: str  # http | https
    port: int
    name: str = ""
    bandwidth: int = 0
    ssl_mode: int = 0
    cert_id: str = ""
    cert_ca_id: str = ""
    status: int = 1
    add_timestamp: str = ""
    domains: dict[str, Domain] = field(default_factory=dict, metadata=CHILDREN)


Listener = L4Listener | L7Listener
L4_PROTOCOLS = ("tcp", "udp")
L7_PROTOCOLS = ("http", "https")


@dataclass
class LoadBalancer:
    id: str
    region: str
    name: str = ""
    type: str = "open"  # open | internal
    domain: str = ""
    vips: list[str] = field(default_factory=list)
    status: int = 1
    create_time: str = ""
    status_time: str = ""
    un_vpc_id: str = ""
    un_subnet_id: str = ""
    vpc_id: int = 0
    subnet_id: int = 0
    project_id: int = 0
    pay_mode: str = "flow"
    latest_pay_mode: str = "flow"
    bandwidth: int = 0
    tgw_set_type: str = "fullnat"
    exclusive: int = 0
    ip_protocol_type: str = "ipv4"
    listeners: dict[str, Listener] = field(default_factory=dict, metadata=CHILDREN)
    busy_code: int | None = field(default=None, metadata={"seed": False})


@dataclass
class Instance:
    """A physical host (CPM) that can be bound."""

    id: str
    region: str
    alias: str = ""
    lan_ip: str = ""
    mgt_ip: str = ""


@dataclass
class VmIp:
    """A VM IP that can be bound."""

    ip: str
    region: str


@dataclass
class Subnet:
    id: str
    subnet_id: int = 0


@dataclass
class Vpc:
    id: str
    region: str
    vpc_id: int = 0
    subnets: dict[str, Subnet] = field(default_factory=dict, metadata=CHILDREN)


@dataclass
class Certificate:
    id: str
    type: str  # SVR | CA
    content: str
    name: str = ""
    domain: str = ""
    subject_domains: list[str] = field(default_factory=list)
    upload_time: str = ""
    begin_time: str = ""
    end_time: str = ""


@dataclass
class Limits:
    """The service's limits, as the pages state them; a test may lower one to reach it
    without creating hundreds of things."""

    load_balancers: int = 100  # per region (the pages state none; 12011 past it)
    listeners: int = 50  # of each layer, per load balancer (12014)
    backends: int = 255  # per layer-4 listener and per location (12013)
    domains: int = 50  # per layer-7 listener (-12007)
    locations: int = 100  # per domain (-12008)
    load_balancers_per_order: int = 20  # CreateBmLoadBalancer's goodsNum (12010)


@dataclass
class Task:
    request_id: int
    load_balancer_id: str
    action: str
    apply: Callable[[], object]
    created: float
    fail: bool
    polls: int = 0
    status: int = RUNNING


def _done() -> None:
    """What an ended task applies: nothing more."""


def is_child(f: dataclasses.Field[Any]) -> bool:
    return bool(f.metadata.get("children"))


def seed_fields(cls: type) -> list[dataclasses.Field[Any]]:
    """The fields of a resource a seed may set (children included)."""
    return [f for f in dataclasses.fields(cls) if f.metadata.get("seed", True)]


# -- the state --------------------------------------------------------------------------------


class State:
    """Everything the fake knows. Callers hold :attr:`lock` (re-entrant) around each use."""

    def __init__(
        self,
        clock: Callable[[], float] = time.monotonic,
        wall: Callable[[], float] = time.time,
    ) -> None:
        self.lock = threading.RLock()
        self._clock = clock  # for task durations
        self._wall = wall  # for the times the answers show
        self.load_balancers: dict[str, LoadBalancer] = {}
        self.instances: dict[str, Instance] = {}
        self.vm_ips: dict[str, VmIp] = {}
        self.vpcs: dict[str, Vpc] = {}
        self.certificates: dict[str, Certificate] = {}
        self.tasks: dict[int, Task] = {}
        self._running: dict[str, Task] = {}  # the running task of a load balancer, by its id
        self._ended = 0  # how many of ``tasks`` have ended
        self._next_request_id = 1000
        self.task_polls = 1
        self.task_seconds = 0.0
        self._fail: list[str | None] = []  # queued "the next task fails" (None: any action)
        self.limits = Limits()
        self.app_id = 1250000000  # the account's AppId, as DescribeBmBindInfo shows it
        self._ids = random.Random(20171011)
        self._used: set[str] = set()

    # -- ids and times -------------------------------------------------------------------------

    def new_id(self, prefix: str) -> str:
        """A new id like Tencent's (``lb-`` and 8 letters or digits), the same sequence in
        every run; never one in use."""
        while True:
            made = prefix + "".join(self._ids.choice(_ID_CHARS) for _ in range(8))
            if made not in self._used:
                self._used.add(made)
                return made

    def use_id(self, value: str) -> None:
        self._used.add(value)

    def wall(self) -> float:
        """The wall clock's time (seconds since the epoch)."""
        return self._wall()

    def now(self) -> str:
        """The wall clock's time as the answers show it."""
        return stamp(self._wall())

    # -- lookups -------------------------------------------------------------------------------

    def load_balancer(self, region: str, load_balancer_id: str) -> LoadBalancer:
        """The load balancer, in that region (11041 if there is none)."""
        lb = self.load_balancers.get(load_balancer_id)
        if lb is None or lb.region != canonical_region(region):
            raise FakeApiError(11041, f"load balancer {load_balancer_id} does not exist")
        return lb

    def changing(self, region: str, load_balancer_id: str) -> LoadBalancer:
        """The load balancer a change is made to: it exists in the region, is not made busy
        by the test (``set_busy``) and runs no task (12003)."""
        lb = self.load_balancer(region, load_balancer_id)
        if lb.busy_code is not None:
            raise FakeApiError(lb.busy_code, f"load balancer {load_balancer_id} is busy")
        task = self._running.get(load_balancer_id)
        if task is not None and self._settle(task, polled=False):
            raise FakeApiError(
                12003, f"load balancer {load_balancer_id} is running task {task.request_id}"
            )
        return lb

    @staticmethod
    def l4(lb: LoadBalancer, listener_id: str) -> L4Listener:
        listener = lb.listeners.get(listener_id)
        if not isinstance(listener, L4Listener):
            raise FakeApiError(-12023, f"layer-4 listener {listener_id} does not exist")
        return listener

    @staticmethod
    def l7(lb: LoadBalancer, listener_id: str) -> L7Listener:
        listener = lb.listeners.get(listener_id)
        if not isinstance(listener, L7Listener):
            raise FakeApiError(-12000, f"layer-7 listener {listener_id} does not exist")
        return listener

    @staticmethod
    def domain(listener: L7Listener, domain_id: str) -> Domain:
        domain = listener.domains.get(domain_id)
        if domain is None:
            raise FakeApiError(-12003, f"domain {domain_id} does not exist in {listener.id}")
        return domain

    def location(self, listener: L7Listener, domain_id: str, location_id: str) -> Location:
        location = self.domain(listener, domain_id).locations.get(location_id)
        if location is None:
            raise FakeApiError(-12003, f"location {location_id} does not exist in {domain_id}")
        return location

    def instance(self, region: str, instance_id: str) -> Instance:
        """A physical host of the region (30011 if there is none)."""
        host = self.instances.get(instance_id)
        if host is None or host.region != canonical_region(region):
            raise FakeApiError(30011, f"physical host {instance_id} does not exist")
        return host

    def vm_ip(self, region: str, ip: str) -> VmIp:
        """A VM IP of the region (-12024 if there is none)."""
        vm = self.vm_ips.get(ip)
        if vm is None or vm.region != canonical_region(region):
            raise FakeApiError(-12024, f"VM IP {ip} does not exist")
        return vm

    def certificate(self, cert_id: str) -> Certificate:
        cert = self.certificates.get(cert_id)
        if cert is None:
            raise FakeApiError(-20000, f"certificate {cert_id} does not exist")
        return cert

    def known_instance(self, instance_id: str, region: str) -> Instance:
        """The host of a seeded binding: made up (with an address of its own) if the seed
        does not list it."""
        host = self.instances.get(instance_id)
        if host is None:
            n = len(self.instances) + 1
            at = f"{n // 250}.{n % 250 + 2}"
            host = Instance(instance_id, region, instance_id, f"10.1.{at}", f"10.2.{at}")
            self.instances[instance_id] = host
        return host

    # -- test controls -------------------------------------------------------------------------

    def fail_next_task(self, action: str | None = None) -> None:
        """The next task started (of ``action``, or of any action) ends in failure."""
        with self.lock:
            self._fail.append(action)

    def set_busy(self, load_balancer_id: str, code: int | None = 12003) -> None:
        """Every change to the load balancer answers ``code`` (None: not busy)."""
        with self.lock:
            lb = self.load_balancers.get(load_balancer_id)
            if lb is None:
                raise KeyError(f"no load balancer {load_balancer_id!r}")
            lb.busy_code = code

    # -- tasks ---------------------------------------------------------------------------------

    def start(self, load_balancer_id: str, action: str, apply: Callable[[], object]) -> int:
        """Start a task that applies ``apply`` when it succeeds; its request id."""
        fail = False
        for i, wanted in enumerate(self._fail):
            if wanted is None or wanted == action:
                del self._fail[i]
                fail = True
                break
        self._next_request_id += 1
        task = Task(self._next_request_id, load_balancer_id, action, apply, self._clock(), fail)
        self.tasks[task.request_id] = task
        self._running[load_balancer_id] = task
        if self._ended > MAX_ENDED_TASKS:
            self._forget_ended()
        return task.request_id

    def _forget_ended(self) -> None:
        """Forget the oldest ended tasks, down to half the bound (a pass every few thousand
        tasks, not one per task)."""
        for request_id in list(self.tasks):
            if self._ended <= MAX_ENDED_TASKS // 2:
                break
            if self.tasks[request_id].status != RUNNING:
                del self.tasks[request_id]
                self._ended -= 1

    def task_result(self, request_id: int) -> int:
        task = self.tasks.get(request_id)
        if task is None:
            raise FakeApiError(5000, f"task {request_id} does not exist")
        self._settle(task, polled=True)
        return task.status

    def _settle(self, task: Task, *, polled: bool) -> bool:
        """Advance a task; whether it is still running."""
        if task.status != RUNNING:
            return False
        if polled:
            task.polls += 1
            if task.polls <= self.task_polls:
                return True
        elif task.polls < self.task_polls:
            return True
        if self._clock() - task.created < self.task_seconds:
            return True
        if self._running.get(task.load_balancer_id) is task:
            del self._running[task.load_balancer_id]
        self._ended += 1
        if task.fail:
            task.status = FAILED
        else:
            task.apply()
            task.status = SUCCEEDED
        task.apply = _done  # what it held (listeners, backends) is not kept alive by it
        return False
