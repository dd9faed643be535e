"""The fake BM load balancer's HTTP side: a real server on loopback speaking the v2 protocol.

Requests are authenticated as the real service does it (registered keys, signature, clock
skew, replayed Nonce, session tokens), their parameters are checked with the rules generated
from the spec (``_operations``), and the three documented actions and the task action are
answered from the state model in ``_state.py``.
"""

from __future__ import annotations

import asyncio
import heapq
import hmac
import json
import secrets
import socket
import struct
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from .. import errors
from .._exceptions import ValidationError
from .._http11 import RemoteProtocolError, Request, RequestReader, encode_response
from .._operations import OPERATIONS
from .._serialize import MalformedParameter, plan
from .._signing import SIGNATURE_METHODS, Signer, string_to_sign
from ._state import Binding, FakeApiError, State

__all__ = ["FakeBmlb", "Fault", "load_seed"]

PATH = "/v2/index.php"
MAX_SKEW = 7200  # seconds a Timestamp may be off the server clock


@dataclass
class _Reply:
    """What the fake answers: a status, a body, and how (normally, cut short, or not at all)."""

    status: int
    body: bytes
    content_type: str = "application/json; charset=utf-8"
    mode: str = "normal"  # normal | truncated | reset


@dataclass
class _Delayed:
    """An answer that is worked out (and the request carried out) only ``seconds`` from now."""

    seconds: float
    answer: Callable[[], _Reply]


_IDLE = 60.0  # an idle keep-alive connection is closed after this many seconds


class _HTTP:
    """The fake's HTTP side: HTTP/1.1 with keep-alive, as the real service answers, served by
    an asyncio loop in a thread of its own.

    Not werkzeug's development server (which pytest-httpserver uses): it closes every
    connection and drains the socket after each answer, so a client's connection reuse could
    not be seen. Not the standard library's threading server either: a thread per connection
    and its header parsing made the fake, not the client, the limit of every concurrency
    measurement (benchmarks/async_fake.py). Not asyncio streams: a reader, a coroutine and a
    ``wait_for`` timer per request cost more than the request's own work (cProfile of the
    loop thread); each connection is a :class:`_Connection` protocol instead.
    """

    def __init__(self, fake: FakeBmlb, port: int) -> None:
        self.fake = fake
        sock = socket.create_server(("127.0.0.1", port), backlog=1024)
        self.port: int = sock.getsockname()[1]
        self.loop = asyncio.new_event_loop()
        self.connections: set[_Connection] = set()
        # Every connection's reads land here and are copied out at once (the connections run
        # on one thread): no 256 KiB bytes object per read, as asyncio.Protocol makes.
        self.inbox = memoryview(bytearray(65536))
        self.delaying: set[_Connection] = set()  # with a delayed answer due, open or not
        started = threading.Event()
        self.thread = threading.Thread(
            target=self._run, args=(sock, started), name="fake-bmlb", daemon=True
        )
        self.thread.start()
        started.wait()

    def _run(self, sock: socket.socket, started: threading.Event) -> None:
        asyncio.set_event_loop(self.loop)
        server = self.loop.run_until_complete(
            self.loop.create_server(lambda: _Connection(self), sock=sock, backlog=1024)
        )
        started.set()
        try:
            self.loop.run_forever()
        finally:
            server.close()
            late = [c.late.when() for c in self.delaying if c.late is not None]
            for connection in list(self.connections):
                connection.abort()
            # One more turn of the loop: every aborted connection is told it was lost. Delayed
            # requests are still carried out (no answer can leave), waiting 5 s at most.
            wait = min(max(late, default=0.0) - self.loop.time(), 5.0)
            self.loop.run_until_complete(asyncio.sleep(max(wait, 0.0)))
            self.loop.run_until_complete(server.wait_closed())
            self.loop.close()

    def stop(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=5)


class _Connection(asyncio.BufferedProtocol):
    """One client connection: HTTP/1.1 requests parsed from whatever arrives (partial,
    several at once, pipelined), answered in order, with keep-alive.

    Requests are read by the package's one HTTP/1.1 reader (:class:`.._http11.RequestReader`,
    which the clients' transports use for answers): a request is complete once its head and
    its body (``Content-Length`` or chunked) have arrived. Something that is not HTTP/1.x, a
    head too long, or a bad ``Content-Length`` closes the connection without an answer. The
    connection is closed after answering a request with ``Connection: close`` (or an
    HTTP/1.0 request without keep-alive), and when no request has come for ``_IDLE`` seconds.
    """

    def __init__(self, http: _HTTP) -> None:
        self.http = http
        self.fake = http.fake
        self.loop = http.loop
        self.transport: asyncio.Transport | None = None
        self.reader = RequestReader()
        # A delayed answer (Fault.delay) is due at this timer: later requests wait for it.
        self.late: asyncio.TimerHandle | None = None
        self.paused = False  # the client does not read its answers: stop reading requests
        self.closed = False
        self.eof = False  # the client will send nothing more
        self.idle_since = self.loop.time()
        self.idle_timer: asyncio.TimerHandle | None = None

    # -- asyncio callbacks -------------------------------------------------------------------

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        self.http.connections.add(self)
        self.idle_timer = self.loop.call_at(self.idle_since + _IDLE, self._check_idle)

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed = True
        self.http.connections.discard(self)
        if self.idle_timer is not None:
            self.idle_timer.cancel()
            self.idle_timer = None
        self.reader = RequestReader()

    def get_buffer(self, sizehint: int) -> memoryview:
        return self.http.inbox

    def buffer_updated(self, nbytes: int) -> None:
        self.reader.feed(self.http.inbox[:nbytes])
        if not (self.late or self.paused):
            self._process()

    def eof_received(self) -> bool | None:
        self.eof = True
        # Requests that came before the end are still answered; a request cut short is not.
        return True if self.late or self.paused else None

    def pause_writing(self) -> None:
        self.paused = True
        if self.transport is not None:
            self.transport.pause_reading()

    def resume_writing(self) -> None:
        self.paused = False
        if self.transport is not None and not self.closed:
            self.transport.resume_reading()
            if not self.late:
                self._process()

    # -- requests ------------------------------------------------------------------------------

    def _process(self) -> None:
        """Answer every complete request received, in order."""
        while not (self.closed or self.late or self.paused):
            try:
                message = self.reader.next_request()
            except RemoteProtocolError:
                self._close()
                return
            if message is None:
                break
            self._handle(_request(message), message.body)
        if self.eof and not (self.closed or self.late or self.paused):
            self._close()

    def _handle(self, request: _Request, body: bytes) -> None:
        outcome = self.fake._serve(request, body)
        if isinstance(outcome, _Delayed):
            self.late = self.loop.call_later(
                outcome.seconds, self._answer_late, request, outcome.answer
            )
            self.http.delaying.add(self)
        else:
            self._send(request, outcome)

    def _answer_late(self, request: _Request, answer: Callable[[], _Reply]) -> None:
        # Carried out even when the client has gone away meanwhile, as the real service would.
        try:
            reply = answer()
        except BaseException:
            self.abort()
            raise
        finally:
            self.late = None
            self.http.delaying.discard(self)
        if self.closed:
            return
        self._send(request, reply)
        if not (self.closed or self.paused):
            self._process()

    def _send(self, request: _Request, reply: _Reply) -> None:
        transport = self.transport
        if transport is None or self.closed:
            return
        if reply.mode == "reset":
            sock = transport.get_extra_info("socket")
            if sock is not None:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.abort()
            return
        truncated = reply.mode == "truncated"
        closing = truncated or request.close
        body = reply.body
        data = encode_response(
            reply.status, (("Content-Type", reply.content_type),), body, close=closing
        )
        # Truncated: the length of the whole body, and only the first half of it.
        transport.write(data[: len(data) - (len(body) + 1) // 2] if truncated else data)
        self.idle_since = self.loop.time()
        if closing:
            self._close()

    def _check_idle(self) -> None:
        self.idle_timer = None
        if self.closed:
            return
        now, due = self.loop.time(), self.idle_since + _IDLE
        if self.late or due > now:
            self.idle_timer = self.loop.call_at(max(due, now + 1.0), self._check_idle)
        else:
            self._close()

    def _close(self) -> None:
        """Close after what was written has left (no reset)."""
        self.closed = True
        if self.transport is not None:
            self.transport.close()

    def abort(self) -> None:
        self.closed = True
        if self.transport is not None:
            self.transport.abort()


@dataclass
class _Request:
    method: str
    path: str
    query: str
    host: str
    headers: dict[str, str]  # shared between requests with the same header lines: read only
    close: bool


def _request(message: Request) -> _Request:
    """What the fake needs of a request: the path and query of its target (origin or
    absolute form, as proxies send it and servers must accept), the host it names (without
    the port: what the client signed), and whether to close after answering."""
    target = message.target
    if "://" in target:
        parts = urlsplit(target)
        path, query = parts.path, parts.query
    else:
        path, _, query = target.partition("?")
    headers = message.headers
    host = _host(headers.get("host", ""))
    return _Request(message.method, path, query, host, headers, not message.keep_alive)


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


@dataclass(frozen=True)
class Fault:
    """Something the fake does instead of (or before) answering normally.

    Build one with :meth:`delay`, :meth:`reset`, :meth:`http_error`, :meth:`body` or
    :meth:`truncated`, and queue it with :meth:`FakeBmlb.inject`.
    """

    kind: str
    seconds: float = 0.0
    status: int = 200
    payload: bytes = b""
    content_type: str = "application/json"
    applied: bool = False  # reset: whether the request was carried out before the reset

    @classmethod
    def delay(cls, seconds: float) -> Fault:
        """Wait ``seconds``, then answer normally."""
        return cls("delay", seconds=seconds)

    @classmethod
    def reset(cls, *, applied: bool = False) -> Fault:
        """Reset the connection without an answer; ``applied``: after carrying the request out."""
        return cls("reset", applied=applied)

    @classmethod
    def http_error(cls, status: int = 502, body: bytes | None = None) -> Fault:
        """Answer an HTTP error with an HTML body, as a proxy in front of the service would."""
        html = b"<html><head><title>502 Bad Gateway</title></head><body>bad gateway</body></html>"
        return cls("http", status=status, payload=html if body is None else body,
                   content_type="text/html; charset=utf-8")  # fmt: skip

    @classmethod
    def body(cls, payload: bytes, *, status: int = 200) -> Fault:
        """Answer exactly ``payload`` (not JSON, truncated JSON, anything)."""
        return cls("body", status=status, payload=payload)

    @classmethod
    def truncated(cls) -> Fault:
        """Announce the whole answer's length, send half of it, and close the connection."""
        return cls("truncated")


@dataclass
class _Queued:
    fault: Fault
    remaining: int
    action: str | None


class _Key:
    """A registered key: its secret, its session token, and a keyed signer per signature
    method (the client's ``Signer``: keyed once, copied per request)."""

    __slots__ = ("_signers", "secret_key", "token")

    def __init__(self, secret_key: str, token: str | None) -> None:
        self.secret_key = secret_key
        self.token = token
        # Any other SignatureMethod (or none) is taken as HmacSHA1, as the service does.
        self._signers = {method: Signer(secret_key, method) for method in (*SIGNATURE_METHODS, "")}

    def sign(self, text: str, method: str | None) -> bytes:
        """What ``_signing.sign(secret_key, text, method)`` gives, as ASCII bytes."""
        signer = self._signers.get(method or "") or self._signers[""]
        return signer.sign(text).encode("ascii")


def load_seed(path: str | Path) -> dict[str, Any]:
    """Read a seed file: JSON, or YAML when PyYAML is installed (the ``testing`` extra)."""
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    if path.suffix.lower() == ".json":
        data = json.loads(text)
    else:
        try:
            import yaml  # type: ignore[import-untyped,unused-ignore]
        except ImportError:
            raise ImportError(
                f"{path}: reading a YAML seed needs PyYAML, which the testing extra brings "
                "(pip install 'qcloud-bmlb[testing]'); or give the seed as JSON or a mapping"
            ) from None
        data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise ValueError(f"{path}: a seed must be a mapping")
    return data


class FakeBmlb:
    """A fake BM load balancer on 127.0.0.1, for tests and demos.

    >>> with FakeBmlb() as fake:
    ...     fake.add_load_balancer("lb-1")
    ...     client = fake.client()

    ``secret_id``/``secret_key`` are registered; more keys with :meth:`add_credentials`.
    ``clock`` is the server's wall clock (Timestamp checks), replaceable in tests.
    """

    def __init__(
        self,
        *,
        secret_id: str | None = None,
        secret_key: str | None = None,
        region: str = "ap-guangzhou",
        port: int = 0,
        seed: Mapping[str, Any] | str | Path | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.region = region
        self.clock = clock
        self.state = State()
        self._keys: dict[str, _Key] = {}
        self._nonces: dict[tuple[str, str], int] = {}  # (SecretId, Nonce): its Timestamp
        # The remembered Nonces by Timestamp, and those Timestamps as a heap, oldest first:
        # expiring costs O(log n) per distinct Timestamp (a heap push per second of
        # requests at most), not a pass over every Nonce, nor a heap entry per request.
        self._nonces_at: dict[int, list[tuple[str, str]]] = {}
        self._nonce_expiry: list[int] = []
        self._faults: list[_Queued] = []
        self._lock = threading.Lock()
        self.requests: list[dict[str, str]] = []  # every request's parameters, Signature dropped
        self.secret_id = secret_id or "AKIDFAKE" + secrets.token_hex(8).upper()
        self.secret_key = secret_key or secrets.token_urlsafe(24)
        self.add_credentials(self.secret_id, self.secret_key)
        if seed is not None:
            self.load(load_seed(seed) if isinstance(seed, (str, Path)) else seed)
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
        return f"FakeBmlb({where}, secret_id={self.secret_id!r})"

    @property
    def endpoint(self) -> str:
        """``http://127.0.0.1:PORT``, for ``Client(endpoint=...)``."""
        if self._http is None:
            raise RuntimeError("the fake is not running: start() it first")
        return f"http://127.0.0.1:{self._http.port}"

    def client(self, **options: Any) -> Any:
        """A :class:`qcloud_bmlb.Client` pointed at this fake with its registered key."""
        from ..client import Client

        settings: dict[str, Any] = {
            "secret_id": self.secret_id,
            "secret_key": self.secret_key,
            "region": self.region,
            "endpoint": self.endpoint,
        }
        settings.update(options)
        return Client(**settings)

    # -- seeding and reading back --------------------------------------------------------------

    def add_credentials(self, secret_id: str, secret_key: str, token: str | None = None) -> None:
        """Register a key pair; with ``token`` it is temporary and every request must carry it."""
        key = _Key(secret_key, token)
        with self._lock:
            self._keys[secret_id] = key

    def add_load_balancer(self, load_balancer_id: str, *, region: str | None = None) -> None:
        self.state.add_load_balancer(load_balancer_id, region=region)

    def add_listener(
        self, load_balancer_id: str, listener_id: str, *, protocol: str = "tcp",
        port: int | None = None,
    ) -> None:  # fmt: skip
        self.state.add_listener(load_balancer_id, listener_id, protocol=protocol, port=port)

    def bind(
        self, load_balancer_id: str, listener_id: str, instance_id: str, port: int, *,
        probe_port: int | None = None,
    ) -> None:  # fmt: skip
        self.state.bind(load_balancer_id, listener_id, instance_id, port, probe_port=probe_port)

    def load(self, seed: Mapping[str, Any]) -> None:
        """Seed from a mapping: ``credentials`` and ``load_balancers`` (see :meth:`snapshot`)."""
        for cred in seed.get("credentials") or []:
            self.add_credentials(str(cred["secret_id"]), str(cred["secret_key"]), cred.get("token"))
        self.state.load(seed)

    def snapshot(self) -> dict[str, Any]:
        return self.state.snapshot()

    def backends(self, load_balancer_id: str, listener_id: str) -> list[Binding]:
        return self.state.backends(load_balancer_id, listener_id)

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

    def fail_next_task(self, action: str | None = None) -> None:
        self.state.fail_next_task(action)

    def set_busy(self, load_balancer_id: str, code: int | None = 12003) -> None:
        self.state.set_busy(load_balancer_id, code)

    def inject(self, fault: Fault, *, times: int = 1, action: str | None = None) -> None:
        """Apply ``fault`` to the next ``times`` requests (of ``action``, or of any)."""
        with self._lock:
            self._faults.append(_Queued(fault, times, action))

    def _next_fault(self, action: str | None) -> Fault | None:
        if not self._faults:  # nothing queued (inject() appends before the request is sent)
            return None
        with self._lock:
            for queued in self._faults:
                if queued.remaining > 0 and queued.action in (None, action):
                    queued.remaining -= 1
                    return queued.fault
            self._faults = [q for q in self._faults if q.remaining > 0]
        return None

    # -- the protocol ------------------------------------------------------------------------------

    def _serve(self, request: _Request, body: bytes) -> _Reply | _Delayed:
        if request.path != PATH:
            return _Reply(404, b"<html><body>not found</body></html>", "text/html")
        if request.method == "POST":
            params = _parse_form(body.decode("utf-8", "replace"))
        elif request.method == "GET":
            params = _parse_form(request.query)
        else:
            return _Reply(405, b"<html><body>GET or POST</body></html>", "text/html")
        method, host = request.method, request.host
        logged = params.copy()
        logged.pop("Signature", None)
        with self._lock:
            self.requests.append(logged)
        fault = self._next_fault(params.get("Action"))
        if fault is None:
            return self._answer(method, host, params)
        if fault.kind == "delay":
            return _Delayed(fault.seconds, lambda: self._answer(method, host, params))
        if fault.kind == "reset":
            if fault.applied:
                self._answer(method, host, params)
            return _Reply(0, b"", mode="reset")
        if fault.kind in ("http", "body"):
            return _Reply(fault.status, fault.payload, fault.content_type)
        reply = self._answer(method, host, params)
        if fault.kind == "truncated":
            reply.mode = "truncated"
        return reply

    def _answer(self, method: str, host: str, params: dict[str, str]) -> _Reply:
        try:
            action = self._authenticate(method, host, params)
            return _json(0, "Success", "", **self._dispatch(action, params))
        except FakeApiError as exc:
            cls = errors.error_class(exc.code)
            return _json(exc.code, cls.code_desc if cls else None, exc.message)

    def _authenticate(self, method: str, host: str, params: dict[str, str]) -> str:
        get = params.get
        if not (
            get("Action") and get("SecretId") and get("Signature") and get("Timestamp")
            and get("Nonce") and get("Region")
        ):  # fmt: skip
            for name in ("Action", "SecretId", "Signature", "Timestamp", "Nonce", "Region"):
                if not get(name):
                    raise FakeApiError(4000, f"the common parameter {name} is missing")
        key = self._keys.get(params["SecretId"])  # one read of a dict: needs no lock
        if key is None:
            raise FakeApiError(4104, "the SecretId does not exist")
        token = key.token
        text = string_to_sign(method, host, PATH, params)
        expected = key.sign(text, params.get("SignatureMethod"))
        # Compared as bytes: compare_digest refuses str with non-ASCII characters, and a
        # garbled Signature or Token must be a 4100, not a dropped connection.
        if not hmac.compare_digest(expected, params["Signature"].encode()):
            raise FakeApiError(4100, "signature verification failed")
        if token is not None and not hmac.compare_digest(
            params.get("Token", "").encode(), token.encode()
        ):
            raise FakeApiError(4100, "temporary credentials need their session Token")
        try:
            timestamp, nonce = int(params["Timestamp"]), int(params["Nonce"])
        except ValueError:
            raise FakeApiError(4000, "Timestamp and Nonce must be integers") from None
        now = self.clock()
        if abs(now - timestamp) > MAX_SKEW or nonce <= 0:
            raise FakeApiError(4500, "Timestamp is more than 2 hours off the server clock")
        with self._lock:
            # A Nonce is remembered until its request's Timestamp falls out of the window (a
            # replay is refused by the clock check from then on), not for MAX_SKEW after it
            # was first seen: a Timestamp ahead of the server clock stays valid for longer.
            nonces, expiry = self._nonces, self._nonce_expiry
            while expiry and now - expiry[0] > MAX_SKEW:
                for old in self._nonces_at.pop(heapq.heappop(expiry)):
                    if old in nonces and now - nonces[old] > MAX_SKEW:
                        del nonces[old]
            seen = (params["SecretId"], params["Nonce"])
            if seen in nonces:
                raise FakeApiError(4500, "Nonce already used: replayed request")
            nonces[seen] = timestamp
            same_second = self._nonces_at.get(timestamp)
            if same_second is None:
                self._nonces_at[timestamp] = [seen]
                heapq.heappush(expiry, timestamp)
            else:
                same_second.append(seen)
        return params["Action"]

    def _dispatch(self, action: str, params: dict[str, str]) -> dict[str, Any]:
        op = OPERATIONS.get(action)
        if op is None:
            raise FakeApiError(6100, f"the action {action} does not exist")
        args = _decode(op, params)
        region = params["Region"]
        state = self.state
        if action == "DescribeBmLoadBalancersTaskResult":
            return {"data": {"status": state.task_result(args["request_id"])}}
        if action == "ModifyBmL4ListenerBackendPort":
            request_id = state.modify_port(
                region, args["load_balancer_id"], args["listener_id"], args["instance_id"],
                args["port"], args["new_port"],
            )  # fmt: skip
        elif action == "ModifyBmL4ListenerBackendProbePort":
            request_id = state.modify_probe_port(
                region, args["load_balancer_id"], args["listener_id"], args["instance_id"],
                args["port"], args["probe_port"],
            )  # fmt: skip
        elif action == "UnbindBmL4ListenerRs":
            pairs = [(b["instance_id"], b["port"]) for b in args["backends"]]
            request_id = state.unbind(region, args["load_balancer_id"], args["listener_id"], pairs)
        else:
            raise FakeApiError(6200, f"the fake does not implement {action}")
        return {"requestId": request_id}


def _decode(op: Any, params: Mapping[str, str]) -> dict[str, Any]:
    """Wire parameters to Python arguments, checked by the spec's rules (the client's own
    request plan, read backwards).

    A missing or unreadable parameter is 4000 (InvalidParameter); a value that breaks a rule
    of the spec is 9003 where the action documents it, 4000 otherwise. Arrays may use any
    index numbering; items are taken in index order.
    """
    try:
        return plan(op).decode(params)
    except MalformedParameter as exc:
        raise FakeApiError(4000, f"{exc.parameter} {exc.rule}") from None
    except ValidationError as exc:
        code = 9003 if 9003 in op.errors else 4000
        raise FakeApiError(code, f"{exc.parameter}: {exc.rule}") from None


def _host(header: str) -> str:
    """The host of a Host header, without the port (what the client signed)."""
    if header.startswith("["):
        return header[: header.find("]") + 1]
    return header.rsplit(":", 1)[0] if ":" in header else header


#: ``json.dumps(..., ensure_ascii=False)`` without building an encoder for every answer.
_encode_json = json.JSONEncoder(ensure_ascii=False).encode


def _json(code: int, code_desc: str | None, message: str, **fields: Any) -> _Reply:
    body: dict[str, Any] = {"code": code, "message": message}
    if code_desc is not None:
        body["codeDesc"] = code_desc
    body.update(fields)
    return _Reply(200, _encode_json(body).encode("utf-8"))
