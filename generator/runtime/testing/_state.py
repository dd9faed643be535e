"""The state model of the fake BM load balancer: load balancers, layer-4 listeners, bound
backends and tasks, with the domain rules of the three documented actions.

Pure Python, no HTTP: the server in ``_server.py`` decodes requests and calls these methods.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .._operations import REGION_ALIASES

__all__ = ["Binding", "FakeApiError", "Listener", "LoadBalancer", "State", "Task"]

SUCCEEDED, FAILED, RUNNING = 0, 1, 2


def _same_region(a: str, b: str) -> bool:
    """Whether two Region values name the same region: a short alias (``bj``) and its code
    (``ap-beijing``) do."""
    return REGION_ALIASES.get(a, a) == REGION_ALIASES.get(b, b)


class FakeApiError(Exception):
    """An error the fake answers with: a catalogue code and a message."""

    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class Binding:
    instance_id: str
    port: int
    probe_port: int | None = None  # None: probes go to ``port``

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"instance_id": self.instance_id, "port": self.port}
        if self.probe_port is not None:
            out["probe_port"] = self.probe_port
        return out


@dataclass
class Listener:
    listener_id: str
    protocol: str = "tcp"
    port: int | None = None
    bindings: dict[tuple[str, int], Binding] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.listener_id, "protocol": self.protocol}
        if self.port is not None:
            out["port"] = self.port
        out["backends"] = [b.to_dict() for b in sorted(self.bindings.values(), key=_binding_key)]
        return out


def _binding_key(binding: Binding) -> tuple[str, int]:
    return (binding.instance_id, binding.port)


@dataclass
class LoadBalancer:
    load_balancer_id: str
    region: str | None = None  # None: found from any region
    listeners: dict[str, Listener] = field(default_factory=dict)
    busy_code: int | None = None  # set by tests: every change answers this code

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.load_balancer_id}
        if self.region is not None:
            out["region"] = self.region
        out["listeners"] = [self.listeners[k].to_dict() for k in sorted(self.listeners)]
        return out


@dataclass
class Task:
    request_id: int
    load_balancer_id: str
    action: str
    apply: Callable[[], None]
    created: float
    fail: bool
    polls: int = 0
    status: int = RUNNING


class State:
    """Everything the fake knows. Thread-safe: every public method holds one lock.

    A change does not touch the state when it is accepted: it starts a task, which reports
    "running" until it has been polled ``task_polls`` times and ``task_seconds`` have passed,
    and applies the change when it succeeds. While a task of a load balancer runs, other
    changes to that load balancer answer 12003 (IncorrectStatus.LBWrongStatus).
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._lock = threading.RLock()
        self._clock = clock
        self.load_balancers: dict[str, LoadBalancer] = {}
        self.tasks: dict[int, Task] = {}
        self._next_request_id = 1000
        self.task_polls = 1
        self.task_seconds = 0.0
        self._fail: list[str | None] = []  # queued "the next task fails" (None: any action)

    # -- seeding and reading back ------------------------------------------------------------

    def add_load_balancer(self, load_balancer_id: str, *, region: str | None = None) -> None:
        with self._lock:
            self.load_balancers[load_balancer_id] = LoadBalancer(load_balancer_id, region)

    def add_listener(
        self,
        load_balancer_id: str,
        listener_id: str,
        *,
        protocol: str = "tcp",
        port: int | None = None,
    ) -> None:
        with self._lock:
            lb = self._seeded_lb(load_balancer_id)
            lb.listeners[listener_id] = Listener(listener_id, protocol, port)

    def bind(
        self,
        load_balancer_id: str,
        listener_id: str,
        instance_id: str,
        port: int,
        *,
        probe_port: int | None = None,
    ) -> None:
        with self._lock:
            listener = self._seeded_lb(load_balancer_id).listeners.get(listener_id)
            if listener is None:
                raise KeyError(f"no listener {listener_id!r} in {load_balancer_id!r}")
            listener.bindings[(instance_id, port)] = Binding(instance_id, port, probe_port)

    def _seeded_lb(self, load_balancer_id: str) -> LoadBalancer:
        lb = self.load_balancers.get(load_balancer_id)
        if lb is None:
            raise KeyError(f"no load balancer {load_balancer_id!r}; add it first")
        return lb

    def load(self, seed: Mapping[str, Any]) -> None:
        """Add what a seed mapping describes (the shape :meth:`snapshot` returns)."""
        with self._lock:
            for lb in _items(seed, "load_balancers"):
                self.add_load_balancer(str(lb["id"]), region=lb.get("region"))
                for listener in _items(lb, "listeners"):
                    self.add_listener(
                        str(lb["id"]),
                        str(listener["id"]),
                        protocol=str(listener.get("protocol", "tcp")),
                        port=listener.get("port"),
                    )
                    for backend in _items(listener, "backends"):
                        self.bind(
                            str(lb["id"]),
                            str(listener["id"]),
                            str(backend["instance_id"]),
                            int(backend["port"]),
                            probe_port=backend.get("probe_port"),
                        )

    def snapshot(self) -> dict[str, Any]:
        """The load balancers, listeners and bound backends, as plain data."""
        with self._lock:
            return {
                "load_balancers": [
                    self.load_balancers[k].to_dict() for k in sorted(self.load_balancers)
                ]
            }

    def backends(self, load_balancer_id: str, listener_id: str) -> list[Binding]:
        """The backends bound to a listener, sorted by instance id and port."""
        with self._lock:
            listener = self._seeded_lb(load_balancer_id).listeners[listener_id]
            return [
                Binding(b.instance_id, b.port, b.probe_port)
                for b in sorted(listener.bindings.values(), key=_binding_key)
            ]

    # -- test controls -------------------------------------------------------------------------

    def fail_next_task(self, action: str | None = None) -> None:
        """The next task started (of ``action``, or of any action) ends in failure."""
        with self._lock:
            self._fail.append(action)

    def set_busy(self, load_balancer_id: str, code: int | None = 12003) -> None:
        """Every change to the load balancer answers ``code`` (None: not busy)."""
        with self._lock:
            self._seeded_lb(load_balancer_id).busy_code = code

    # -- the actions ---------------------------------------------------------------------------

    def _lookup(self, region: str, load_balancer_id: str, listener_id: str) -> Listener:
        lb = self.load_balancers.get(load_balancer_id)
        if lb is None or (lb.region is not None and not _same_region(lb.region, region)):
            raise FakeApiError(11041, f"load balancer {load_balancer_id} does not exist")
        if lb.busy_code is not None:
            raise FakeApiError(lb.busy_code, f"load balancer {load_balancer_id} is busy")
        for task in self.tasks.values():
            if task.load_balancer_id == load_balancer_id and self._settle(task, polled=False):
                raise FakeApiError(
                    12003, f"load balancer {load_balancer_id} is running task {task.request_id}"
                )
        listener = lb.listeners.get(listener_id)
        if listener is None:
            raise FakeApiError(-12023, f"layer-4 listener {listener_id} does not exist")
        return listener

    @staticmethod
    def _bound(listener: Listener, instance_id: str, port: int) -> Binding:
        binding = listener.bindings.get((instance_id, port))
        if binding is None:
            raise FakeApiError(30011, f"{instance_id} port {port} is not bound to the listener")
        return binding

    def modify_port(
        self, region: str, lb: str, listener_id: str, instance_id: str, port: int, new_port: int
    ) -> int:
        with self._lock:
            listener = self._lookup(region, lb, listener_id)
            binding = self._bound(listener, instance_id, port)
            if new_port != port and (instance_id, new_port) in listener.bindings:
                raise FakeApiError(
                    -12022, f"{instance_id} port {new_port} is already bound to the listener"
                )

            def apply() -> None:
                del listener.bindings[(instance_id, port)]
                binding.port = new_port
                listener.bindings[(instance_id, new_port)] = binding

            return self._start(lb, "ModifyBmL4ListenerBackendPort", apply)

    def modify_probe_port(
        self, region: str, lb: str, listener_id: str, instance_id: str, port: int, probe_port: int
    ) -> int:
        with self._lock:
            binding = self._bound(self._lookup(region, lb, listener_id), instance_id, port)

            def apply() -> None:
                binding.probe_port = probe_port

            return self._start(lb, "ModifyBmL4ListenerBackendProbePort", apply)

    def unbind(
        self, region: str, lb: str, listener_id: str, backends: Iterable[tuple[str, int]]
    ) -> int:
        with self._lock:
            listener = self._lookup(region, lb, listener_id)
            keys = list(backends)
            for instance_id, port in keys:
                self._bound(listener, instance_id, port)

            def apply() -> None:
                for key in keys:
                    listener.bindings.pop(key, None)

            return self._start(lb, "UnbindBmL4ListenerRs", apply)

    def task_result(self, request_id: int) -> int:
        with self._lock:
            task = self.tasks.get(request_id)
            if task is None:
                raise FakeApiError(5000, f"task {request_id} does not exist")
            self._settle(task, polled=True)
            return task.status

    # -- tasks -----------------------------------------------------------------------------------

    def _start(self, lb: str, action: str, apply: Callable[[], None]) -> int:
        fail = False
        for i, wanted in enumerate(self._fail):
            if wanted is None or wanted == action:
                del self._fail[i]
                fail = True
                break
        self._next_request_id += 1
        task = Task(self._next_request_id, lb, action, apply, self._clock(), fail)
        self.tasks[task.request_id] = task
        return task.request_id

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
        if task.fail:
            task.status = FAILED
        else:
            task.apply()
            task.status = SUCCEEDED
        return False


def _items(node: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    value = node.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
        raise ValueError(f"seed: {key!r} must be a list of mappings")
    return value
