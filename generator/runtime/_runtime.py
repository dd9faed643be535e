"""The shared runtime of the generated client: validation, flattening, signing a request,
and turning a response into a result or an exception.

Every generated method is a few lines that hand an :class:`Operation` (generated from the
spec) and its arguments to :meth:`BaseClient._invoke`.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import logging
import os
import random
import re
import ssl
import time
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import IntEnum
from operator import attrgetter, itemgetter
from typing import Any, ClassVar, Generic, TypeVar
from urllib.parse import quote

from ._credentials import Credentials, resolve
from ._exceptions import (
    ApiError,
    BmlbError,
    ConfigurationError,
    ErrorRegistry,
    HTTPStatusError,
    MalformedResponseError,
    RequestTimeoutError,
    TaskFailedError,
    TaskTimeoutError,
    TransportError,
    ValidationError,
    excerpt,
)
from ._signing import (
    SIGNATURE_METHODS,
    Signer,
    encode_params,
    quote_signature,
    string_to_sign,
)
from ._signing import _quote as quote_value
from ._transport import Endpoint, HTTPResponse, PooledTransport, Timeout, Transport

__all__ = [
    "ArrayParam",
    "BaseClient",
    "Call",
    "ClientCore",
    "Operation",
    "Request",
    "ResultField",
    "Retry",
    "ScalarParam",
    "ServiceInfo",
    "TaskInfo",
]

logger = logging.getLogger("qcloud_bmlb")

R = TypeVar("R")

HTTP_METHODS = ("POST", "GET")
REPLAY_CODE = 4500  # the common code for a replayed Nonce or a Timestamp out of the window
DEFAULT_TIMEOUT = Timeout()
_SHOWN = 60  # characters of a bad value quoted in a validation error


def _show(value: object) -> str:
    text = repr(value)
    if len(text) > _SHOWN:
        text = text[:_SHOWN] + "…"
    return f"{text} ({type(value).__name__})"


@dataclass(frozen=True)
class ScalarParam:
    """A String or Int parameter, or one field of an array item."""

    name: str  # Python name
    wire: str
    kind: str  # "String" | "Int"
    required: bool = True
    minimum: int | None = None
    maximum: int | None = None
    max_length: int | None = None

    def check(self, value: object, path: str) -> str:
        """The wire form of ``value``, or :class:`ValidationError` naming ``path``."""
        # Fast path for the common case (measured: benchmarks/overhead.py); anything it does
        # not accept goes through the full checks below, which name the broken rule.
        if self.kind == "Int":
            if type(value) is int and _within(value, self.minimum, self.maximum):
                return str(value)
        elif (
            type(value) is str
            and _clean(value)
            and (self.max_length is None or len(value) <= self.max_length)
        ):
            return value
        return self._check(value, path)

    def _check(self, value: object, path: str) -> str:
        if self.kind == "Int":
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValidationError(path, f"must be an int, got {_show(value)}")
            lo, hi = self.minimum, self.maximum
            if (lo is not None and value < lo) or (hi is not None and value > hi):
                raise ValidationError(path, f"must be {_bounds(lo, hi)}, got {value}")
            return str(int(value))
        if not isinstance(value, str):
            raise ValidationError(path, f"must be a str, got {_show(value)}")
        if not value.strip():
            raise ValidationError(path, "must not be empty or only whitespace")
        if value != value.strip():
            raise ValidationError(
                path, f"must not start or end with whitespace, got {_show(value)}"
            )
        bad = next((i for i, ch in enumerate(value) if _unsendable(ch)), None)
        if bad is not None:
            raise ValidationError(
                path,
                "must not contain control characters, line separators or lone surrogates "
                f"(U+{ord(value[bad]):04X} at index {bad})",
            )
        if self.max_length is not None and len(value) > self.max_length:
            raise ValidationError(
                path, f"must be at most {self.max_length} characters, got {len(value)}"
            )
        return value


def _within(value: int, lo: int | None, hi: int | None) -> bool:
    return (lo is None or value >= lo) and (hi is None or value <= hi)


_UNSENDABLE_CHARS = "\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff"
#: A string the checks accept: no unsendable character, not empty, no whitespace at either end.
_CLEAN = rf"(?!\s)[^{_UNSENDABLE_CHARS}]+(?<!\s)"
_clean = re.compile(_CLEAN).fullmatch
#: A string the checks accept that also goes on the wire as it is (no percent-encoding): what
#: the generated per-action encoders (``_operations.py``) take.
plain = re.compile(r"[A-Za-z0-9_.~-]+").fullmatch


@functools.lru_cache(maxsize=64)
def plain_lines(max_length: int | None) -> Callable[[str], object]:
    """Whether every line of a text is :data:`plain`, with at most ``max_length`` characters:
    a whole column of strings checked in one regex match (the generated encoders)."""
    line = "[A-Za-z0-9_.~-]" + ("+" if max_length is None else f"{{1,{max_length}}}")
    return re.compile(f"{line}(?:\\n{line})*").fullmatch


def _all_clean(column: list[str]) -> bool:
    """Whether every string passes :func:`_clean`; one C-level scan for the usual case of
    strings with no whitespace at all."""
    # isprintable() is False for every unsendable character and all whitespace but " ".
    joined = "".join(column)
    if joined.isprintable() and " " not in joined:
        return min(map(len, column)) > 0
    return all(map(_clean, column))


def _unsendable(ch: str) -> bool:
    """C0/C1 controls and DEL, U+2028/U+2029, and lone surrogates (which cannot be encoded
    as UTF-8 at all). Other non-ASCII text is sent as UTF-8: the server decides."""
    return ch < " " or "\x7f" <= ch <= "\x9f" or ch in "\u2028\u2029" or "\ud800" <= ch <= "\udfff"


def _bounds(lo: int | None, hi: int | None) -> str:
    if lo is not None and hi is not None:
        return f"between {lo} and {hi}"
    return f">= {lo}" if lo is not None else f"<= {hi}"


@dataclass(frozen=True)
class ArrayParam:
    """An Array parameter, sent flattened as ``wire.0.field``, ``wire.1.field``, ..."""

    name: str
    wire: str
    item_type: type
    fields: tuple[ScalarParam, ...]
    required: bool = True
    min_items: int | None = None
    max_items: int | None = None
    unique: tuple[str, ...] = ()  # Python names of the fields that must not repeat together
    _layouts: dict[int, tuple[str, Callable[[list[Any]], tuple[Any, ...]]]] = dataclasses.field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def fast_format(self, count: int, values: list[Any]) -> str:
        """``&wire.N.field=value...`` in signing order (see :meth:`_layout`) for ``count``
        items whose values, checked by the generated encoder (valid, nothing to encode), come
        as the columns laid end to end: every item's first field, then every item's second..."""
        layout = self._layouts.get(count)
        if layout is None:
            layout = self._layout(count)
            if len(self._layouts) < 1024:
                self._layouts[count] = layout
        template, pick = layout
        return template % pick(values)

    def _layout(self, count: int) -> tuple[str, Callable[[list[Any]], tuple[Any, ...]]]:
        """For ``count`` items: the ``%``-template of :meth:`fast_format`, its keys in signing
        order (code-point order of the whole key: ``wire.1.*``, ``wire.10.*``, ``wire.2.*``;
        within an item, by field name), and what picks its values, in that order, from the
        columns laid end to end (field ``f`` of item ``i`` at ``f * count + i``)."""
        names = [self.wire, *(f.wire for f in self.fields)]
        if not all(plain(name) and "_" not in name and "%" not in name for name in names):
            raise ValueError(f"{self.wire}: names with '_' or to be encoded have no fast path")
        fields = sorted(range(len(self.fields)), key=lambda f: self.fields[f].wire)
        order = [(i, f) for i in sorted(range(count), key=str) for f in fields]
        template = "".join(f"&{self.wire}.{i}.{self.fields[f].wire}=%s" for i, f in order)
        at = [f * count + i for i, f in order]
        pick = itemgetter(*at) if len(at) > 1 else lambda values: (values[at[0]],)
        return template, pick

    def flatten(self, value: object, out: dict[str, str]) -> None:
        if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Sequence):
            raise ValidationError(
                self.name, f"must be a list of {self.item_type.__name__}, got {_show(value)}"
            )
        count = len(value)
        if (self.min_items is not None and count < self.min_items) or (
            self.max_items is not None and count > self.max_items
        ):
            rule = _bounds(self.min_items, self.max_items)
            raise ValidationError(self.name, f"must hold {rule} items, got {count}")
        if count and self._flatten_fast(value, out):
            return
        seen: dict[tuple[object, ...], int] = {}
        for index, item in enumerate(value):
            path = f"{self.name}[{index}]"
            values = self._item_values(item, path)
            for spec in self.fields:
                field_value = values.get(spec.name)
                if field_value is None:
                    if spec.required:
                        raise ValidationError(f"{path}.{spec.name}", "is required")
                    continue
                out[f"{self.wire}.{index}.{spec.wire}"] = spec.check(
                    field_value, f"{path}.{spec.name}"
                )
            if self.unique:
                key = tuple(values.get(name) for name in self.unique)
                if key in seen:
                    shown = ", ".join(f"{n}={v!r}" for n, v in zip(self.unique, key, strict=True))
                    raise ValidationError(
                        path, f"repeats {self.name}[{seen[key]}] ({shown}); each may appear once"
                    )
                seen[key] = index

    def _flatten_fast(self, items: Sequence[object], out: dict[str, str]) -> bool:
        """Check and flatten whole columns at once (C-level joins, one regex per column), for
        a list of ``item_type`` objects whose every field is set and valid; False (nothing
        written) for anything else, which the item-by-item path then checks and reports."""
        if set(map(type, items)) != {self.item_type}:
            return False
        count, width = len(items), len(self.fields)
        columns: list[list[str]] = []
        for spec in self.fields:
            column = list(map(attrgetter(spec.name), items))
            kinds = set(map(type, column))
            if spec.kind == "Int":
                if kinds != {int} or not (
                    _within(min(column), spec.minimum, spec.maximum)
                    and _within(max(column), spec.minimum, spec.maximum)
                ):
                    return False
                columns.append(list(map(str, column)))
            else:
                if kinds != {str} or not _all_clean(column):
                    return False
                if spec.max_length is not None and max(map(len, column)) > spec.max_length:
                    return False
                columns.append(column)
        if self.unique:
            at = [columns[i] for i, spec in enumerate(self.fields) if spec.name in self.unique]
            # Distinct in one column is distinct together (and cheaper to see).
            if all(len(set(c)) != count for c in at) and len(set(zip(*at, strict=True))) != count:
                return False
        values: list[str] = [""] * (count * width)
        for i, column in enumerate(columns):
            values[i::width] = column
        out.update(zip(_wire_keys(self, count), values, strict=True))
        return True

    def _item_values(self, item: object, path: str) -> Mapping[str, object]:
        names = [spec.name for spec in self.fields]
        if isinstance(item, self.item_type):
            return {name: getattr(item, name) for name in names}
        if isinstance(item, Mapping):
            unknown = sorted(str(k) for k in item if k not in names)
            if unknown:
                raise ValidationError(
                    path, f"unknown field {unknown[0]!r}; the fields are {', '.join(names)}"
                )
            return item
        raise ValidationError(
            path,
            f"must be a {self.item_type.__name__} or a mapping of {', '.join(names)}, "
            f"got {_show(item)}",
        )


_WIRE_KEYS: dict[tuple[str, tuple[str, ...]], list[str]] = {}


def _wire_keys(param: ArrayParam, count: int) -> list[str]:
    """``wire.0.field``, ... for ``count`` items, item by item (cached: they never change)."""
    fields = tuple(spec.wire for spec in param.fields)
    keys = _WIRE_KEYS.get((param.wire, fields), [])
    if len(keys) < count * len(fields):
        keys = [f"{param.wire}.{i}.{f}" for i in range(max(count, 256)) for f in fields]
        _WIRE_KEYS[(param.wire, fields)] = keys
    return keys[: count * len(fields)]


Param = ScalarParam | ArrayParam


@dataclass(frozen=True)
class ResultField:
    """One value of a successful response, found at ``path`` (an Int, or an Int enum)."""

    name: str
    path: tuple[str, ...]
    enum: type[IntEnum] | None = None

    def extract(self, data: Mapping[str, Any]) -> int:
        node: Any = data
        for key in self.path:
            if not isinstance(node, Mapping) or key not in node:
                raise KeyError(".".join(self.path))
            node = node[key]
        if isinstance(node, str) and node.strip().lstrip("-").isdigit():
            node = int(node)
        if isinstance(node, bool) or not isinstance(node, int):
            raise ValueError(f"{'.'.join(self.path)} is not an integer: {_show(node)}")
        if self.enum is not None:
            try:
                return self.enum(node)
            except ValueError:
                raise ValueError(
                    f"{'.'.join(self.path)} = {node} is not a known {self.enum.__name__}"
                ) from None
        return node


@dataclass(frozen=True)
class Operation(Generic[R]):
    """Everything the runtime needs to call one action."""

    action: str
    params: tuple[Param, ...]
    result: Callable[..., R]
    result_fields: tuple[ResultField, ...]
    errors: tuple[int, ...] = ()  # the codes the action documents
    idempotent: bool = False  # whether sending it twice has the effect of sending it once
    task_id: str | None = None  # the result field holding the id of the task it starts
    #: The generated encoder of the action (``_operations.py``): its parameters as they are
    #: signed and sent, ``&name=value...`` sorted by name, for arguments of the common kind
    #: (valid, nothing to percent-encode); None for anything else, which :meth:`encode`
    #: then checks and reports.
    fast: Callable[[Mapping[str, object]], str | None] | None = None
    #: The generated result builder: the result of a successful response whose fields are
    #: all of the plain kind (ints where ints are due), else None for the full parsing.
    fast_result: Callable[[dict[str, Any]], R | None] | None = None

    def __post_init__(self) -> None:
        if self.fast is not None and any(p.wire <= LAST_COMMON for p in self.params):
            # The fast signing path puts every common parameter first.
            raise ValueError(f"{self.action}: a parameter sorts among the common ones")

    def query(self, args: Mapping[str, object]) -> Query:
        """The encoded parameters of a call: the fast encoder's string when it takes the
        arguments, else :meth:`encode`'s mapping (which raises what is wrong with them)."""
        if self.fast is not None:
            part = self.fast(args)
            if part is not None:
                return part
        return self.encode(args)

    def encode(self, args: Mapping[str, object]) -> dict[str, str]:
        """Validate the arguments and flatten them into wire parameters."""
        out: dict[str, str] = {}
        try:
            for param in self.params:
                value = args.get(param.name)
                if value is None:
                    if param.required:
                        raise ValidationError(param.name, "is required")
                    continue
                if isinstance(param, ArrayParam):
                    param.flatten(value, out)
                else:
                    out[param.wire] = param.check(value, param.name)
        except ValidationError as exc:
            raise ValidationError(exc.parameter, exc.rule, action=self.action) from None
        return out


#: What :meth:`Operation.query` gives: the fast encoder's ``&name=value...`` string (sorted,
#: nothing to encode), or a mapping of wire names to values (encoded and sorted when signed).
Query = str | dict[str, str]
#: The common parameter that sorts last (of Action, Nonce, Region, SecretId, Signature,
#: SignatureMethod, Timestamp and Token).
LAST_COMMON = "Token"


@dataclass(frozen=True)
class ServiceInfo:
    """The service's fixed facts, from the spec."""

    host: str
    path: str
    default_endpoint: str
    user_agent: str


def _ssl_context(verify: bool | str) -> ssl.SSLContext:
    if verify is True:
        return ssl.create_default_context()
    if verify is False:
        warnings.warn(
            "TLS certificate verification is off: anyone on the path can read and change "
            "requests, including the signed credentials",
            stacklevel=4,
        )
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        return context
    try:
        return ssl.create_default_context(cafile=verify)
    except (OSError, ssl.SSLError) as exc:
        raise ConfigurationError(f"verify: cannot load CA bundle {verify!r}: {exc}") from None


@dataclass(frozen=True)
class Retry:
    """How a call is retried.

    ``attempts`` counts every try (1: no retry); the wait before try ``n + 1`` is drawn
    uniformly from ``[0, min(cap, backoff * 2 ** (n - 1))]`` ("full jitter"); ``deadline`` bounds
    the whole call, retries and waits included (None: no bound). Retried are: connection
    failures before anything was sent; HTTP 429 and 503; the catalogue's retryable codes; and,
    for idempotent actions only, anything after which the request may have been carried out
    (timeouts, resets, 5xx, garbled answers). Every try is signed anew (fresh Nonce, Timestamp).
    """

    attempts: int = 3
    backoff: float = 0.2
    cap: float = 5.0
    deadline: float | None = 60.0

    def __post_init__(self) -> None:
        if (
            isinstance(self.attempts, bool)
            or not isinstance(self.attempts, int)
            or self.attempts < 1
        ):
            raise ConfigurationError(
                f"retries.attempts: must be an int >= 1, got {self.attempts!r}"
            )
        for name in ("backoff", "cap") + (("deadline",) if self.deadline is not None else ()):
            value = getattr(self, name)
            if (
                isinstance(value, bool)
                or not isinstance(value, (int, float))
                or not 0 <= value < 1e6
            ):
                raise ConfigurationError(f"retries.{name}: must be seconds >= 0, got {value!r}")

    def delay(self, attempt: int) -> float:
        """Seconds to wait after failed try number ``attempt`` (1-based)."""
        return _jitter.uniform(0, min(self.cap, self.backoff * 2 ** (attempt - 1)))


_jitter = random.Random()
DEFAULT_RETRY = Retry()
NO_RETRY = Retry(attempts=1)


def as_retry(value: int | Retry) -> Retry:
    """``retries=N`` (N more tries after the first) or a :class:`Retry`."""
    if isinstance(value, Retry):
        return value
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 100:
        raise ConfigurationError(f"retries: must be an int from 0 to 100 or a Retry, got {value!r}")
    return Retry(attempts=value + 1) if value else NO_RETRY


def as_timeout(value: float | Timeout) -> Timeout:
    """Seconds (for both connect and read) or a :class:`Timeout`."""
    if isinstance(value, Timeout):
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ConfigurationError(f"timeout: must be seconds or a Timeout, got {value!r}")
    return Timeout(connect=value, read=value)


@dataclass(frozen=True)
class TaskInfo:
    """How to poll a task: the task action, its id parameter, and the status it reports."""

    operation: Operation[Any]
    request_param: str
    status_field: str
    succeeded: IntEnum
    failed: IntEnum


@dataclass(slots=True)
class Request:
    """One signed try of a call, ready for a transport."""

    method: str
    target: str
    body: bytes | None
    headers: dict[str, str]
    timeout: Timeout
    deadline: float | None  # time.monotonic() value by which the whole call must end


class Call(Generic[R]):
    """One call's tries: builds each signed request and decides, from each outcome, whether to
    return, to retry after a wait, or to raise. Shared by the sync and the async client, which
    only add the I/O and the waiting."""

    def __init__(
        self,
        client: ClientCore,
        op: Operation[R],
        args: Mapping[str, object],
        timeout: float | Timeout | None,
        retries: int | Retry | None,
    ) -> None:
        self.client = client
        self.op = op
        self.params = op.query(args)
        self.timeout = client.timeout if timeout is None else as_timeout(timeout)
        self.policy = client.retry if retries is None else as_retry(retries)
        seconds = self.policy.deadline
        #: The time.monotonic() value by which the whole call must end (None: no bound).
        self.deadline = None if seconds is None else time.monotonic() + seconds
        self.attempt = 0

    def remaining(self) -> float | None:
        if self.deadline is None:
            return None
        return self.deadline - time.monotonic()

    def request(self) -> Request:
        """The next try, signed now; RequestTimeoutError when the deadline has passed."""
        self.attempt += 1
        timeout = self.timeout
        if self.deadline is not None:
            left = self.deadline - time.monotonic()
            if left <= 0:
                raise RequestTimeoutError(
                    f"the call's deadline of {self.policy.deadline} s passed",
                    action=self.op.action, sent=self.attempt > 1, attempts=self.attempt - 1,
                )  # fmt: skip
            if left < timeout.connect or left < timeout.read:
                timeout = Timeout(min(timeout.connect, left), min(timeout.read, left))
        method, target, body, headers = self.client._build(self.op.action, self.params)
        return Request(method, target, body, headers, timeout, self.deadline)

    def outcome(self, outcome: HTTPResponse | TransportError) -> tuple[R | None, float]:
        """``(result, 0)`` when done, ``(None, seconds)`` to retry after a wait; or raises."""
        op, attempt = self.op, self.attempt
        error: BmlbError
        if isinstance(outcome, TransportError):
            error = type(outcome)(
                outcome.reason, action=op.action, sent=outcome.sent, attempts=attempt
            )
            again = not outcome.sent or op.idempotent
        else:
            try:
                return self.client._parse(op, outcome), 0.0
            except HTTPStatusError as exc:
                error = exc
                again = exc.http_status in (429, 503) or (exc.http_status >= 500 and op.idempotent)
            except MalformedResponseError as exc:
                error, again = exc, op.idempotent
            except ApiError as exc:
                error, again = exc, exc.retryable
                if outcome.resent and exc.response_code == REPLAY_CODE:
                    # The first copy went through before the connection dropped; the resent
                    # one was refused as its replay. Say what really happened.
                    error = TransportError(
                        "the connection dropped after the request was sent, and the server "
                        "refused the resent copy as a replay",
                        action=op.action, sent=True, attempts=attempt,
                    )  # fmt: skip
                    again = op.idempotent
            error.attempts = attempt
        if again and attempt < self.policy.attempts:
            wait = self.policy.delay(attempt)
            left = self.remaining()
            if left is None or wait < left:
                logger.info(
                    "%s: try %d of %d failed (%s); retrying in %.2f s",
                    op.action, attempt, self.policy.attempts, type(error).__name__, wait,
                )  # fmt: skip
                return None, wait
        raise error


class ClientCore:
    """Configuration, request building and response parsing: everything but the I/O."""

    _service: ClassVar[ServiceInfo]
    _errors: ClassVar[ErrorRegistry]
    _task: ClassVar[TaskInfo]

    def __init__(
        self,
        *,
        secret_id: str | None = None,
        secret_key: str | None = None,
        token: str | None = None,
        region: str | None = None,
        profile: str | None = None,
        endpoint: str | None = None,
        sign_method: str = "HmacSHA256",
        http_method: str = "POST",
        timeout: float | Timeout = DEFAULT_TIMEOUT,
        retries: int | Retry = DEFAULT_RETRY,
        verify: bool | str = True,
        max_connections: int | None = None,
        transport: Any = None,
    ) -> None:
        if max_connections is not None and (
            isinstance(max_connections, bool)
            or not isinstance(max_connections, int)
            or max_connections < 1
        ):
            raise ConfigurationError(
                f"max_connections: must be an int >= 1 or None, got {max_connections!r}"
            )
        if not isinstance(sign_method, str) or sign_method not in SIGNATURE_METHODS:
            raise ConfigurationError(
                f"sign_method: must be one of {', '.join(SIGNATURE_METHODS)}, got {sign_method!r}"
            )
        method = http_method.upper() if isinstance(http_method, str) else http_method
        if method not in HTTP_METHODS:
            raise ConfigurationError(f"http_method: must be POST or GET, got {http_method!r}")
        self.timeout = as_timeout(timeout)
        self.retry = as_retry(retries)
        settings = resolve(
            secret_id=secret_id,
            secret_key=secret_key,
            token=token,
            region=region,
            profile=profile,
        )
        self._credentials: Credentials = settings.credentials
        self._region: str = settings.region
        self._endpoint = Endpoint.parse(endpoint or self._service.default_endpoint)
        self._sign_method = sign_method
        self._http_method = method
        self._ssl = _ssl_context(verify) if self._endpoint.scheme == "https" else None
        self.max_connections = max_connections
        self._signer = Signer(self._credentials.secret_key, sign_method)
        self._common = _CommonParts(self)
        self._echoes = _secret_forms(self._credentials)
        self._transport = transport if transport is not None else self._open_transport()

    # Fixed for the client's life: the signing state is made from them once.
    @property
    def credentials(self) -> Credentials:
        return self._credentials

    @property
    def region(self) -> str:
        return self._region

    @property
    def endpoint(self) -> Endpoint:
        return self._endpoint

    @property
    def sign_method(self) -> str:
        return self._sign_method

    @property
    def http_method(self) -> str:
        return self._http_method

    def _open_transport(self) -> Any:
        """The transport a client makes for itself (the sync and async clients differ here)."""
        raise NotImplementedError

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(region={self.region!r}, endpoint={self.endpoint.url!r}, "
            f"secret_id={self.credentials.secret_id!r}, sign_method={self.sign_method!r}, "
            f"http_method={self.http_method!r})"
        )

    def _sign(self, action: str, params: Mapping[str, str]) -> dict[str, str]:
        """Common parameters, a fresh Timestamp and Nonce, and the Signature."""
        creds = self.credentials
        signed = {
            "Action": action,
            "Region": self.region,
            "Timestamp": str(int(time.time())),
            "Nonce": str(_nonce()),
            "SecretId": creds.secret_id,
            "SignatureMethod": self.sign_method,
        }
        if creds.token:
            signed["Token"] = creds.token
        signed.update(params)
        text = string_to_sign(self.http_method, self.endpoint.host, self._service.path, signed)
        signed["Signature"] = self._signer.sign(text)
        return signed

    def _build(self, action: str, params: Query) -> tuple[str, str, bytes | None, dict[str, str]]:
        """Method, target, body and headers of one signed request."""
        if type(params) is not str:
            return self._build_from_mapping(action, params)  # type: ignore[arg-type]
        # The fast encoder's string: sorted, nothing to encode, and after every common
        # parameter; so the string to sign and the query are a few joins (measured:
        # benchmarks/overhead.py), both in signing order.
        nonce, timestamp, common = _nonce(), int(time.time()), self._common
        text = f"{common.head}{action}&Nonce={nonce}{common.middle}{timestamp}{common.tail}{params}"
        signature = quote_signature(self._signer.sign(text))
        query = (
            f"Action={action}&Nonce={nonce}{common.middle_wire}{timestamp}{common.tail_wire}"
            f"{params}&Signature={signature}"
        )
        if logger.isEnabledFor(logging.DEBUG):
            shown = dict(pair.split("=", 1) for pair in query.split("&"))
            logger.debug("%s %s %s %s", action, self.http_method, self.endpoint.url,
                         _redacted(shown))  # fmt: skip
        if self._http_method == "POST":
            return "POST", self._service.path, query.encode("ascii"), dict(common.post_headers)
        return "GET", f"{self._service.path}?{query}", None, dict(common.get_headers)

    def _build_from_mapping(
        self, action: str, params: Mapping[str, str]
    ) -> tuple[str, str, bytes | None, dict[str, str]]:
        signed = self._sign(action, params)
        signature = signed.pop("Signature")
        # The Signature (base64: "+", "/", "=") always needs encoding, the rest rarely does:
        # encoded apart, the rest takes encode_params' fast path.
        encoded = f"{encode_params(signed)}&Signature={quote_signature(signature)}"
        signed["Signature"] = signature
        path = self._service.path
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug(
                "%s %s %s %s", action, self.http_method, self.endpoint.url, _redacted(signed)
            )
        if self.http_method == "POST":
            return "POST", path, encoded.encode("ascii"), dict(self._common.post_headers)
        return "GET", f"{path}?{encoded}", None, dict(self._common.get_headers)

    def _task_outcome(self, result: Any, request_id: int, started: float, timeout: float) -> bool:
        """Whether a polled task is done: True on success; raises on failure or timeout."""
        task = self._task
        status = getattr(result, task.status_field)
        if status == task.succeeded:
            return True
        if status == task.failed:
            raise TaskFailedError(
                f"task {request_id} failed", request_id=request_id, action=task.operation.action
            )
        if time.monotonic() - started >= timeout:
            raise TaskTimeoutError(
                f"task {request_id} still {getattr(status, 'name', status)} after {timeout} s",
                request_id=request_id, last_status=status, action=task.operation.action,
            )  # fmt: skip
        return False

    def _parse(self, op: Operation[R], response: HTTPResponse) -> R:
        response = _scrubbed(response, self._echoes)
        if response.status == 200 and op.fast_result is not None:
            # The common case, in few steps: a JSON object with code 0 and every field of
            # the generated result builder's kind. Anything else is parsed below again,
            # where each way it can be wrong has its error.
            data = _json_object(response.body)
            if data is not None:
                code = data.get("code")
                if type(code) is int and code == 0:
                    result = op.fast_result(data)
                    if result is not None:
                        return result
        return self._parse_fully(op, response)

    def _parse_fully(self, op: Operation[R], response: HTTPResponse) -> R:
        action, status = op.action, response.status

        def malformed(text: str) -> MalformedResponseError:
            return MalformedResponseError(
                text, action=action, http_status=status, body_excerpt=excerpt(response.body)
            )

        if status != 200:
            raise HTTPStatusError(
                f"HTTP {status} instead of 200: {excerpt(response.body, 80)}",
                action=action,
                http_status=status,
                body_excerpt=excerpt(response.body),
            )
        try:
            data = json.loads(response.body)
        except (ValueError, RecursionError):
            raise malformed(f"the body is not JSON: {excerpt(response.body, 80)}") from None
        if not isinstance(data, dict):
            raise malformed(f"the body is JSON but not an object: {excerpt(response.body, 80)}")
        code = _int_or_none(data.get("code"))
        if code is None:
            raise malformed(f"no integer 'code' in the response: {excerpt(response.body, 80)}")
        if code != 0:
            message, code_desc = data.get("message"), data.get("codeDesc")
            raise self._errors.build(
                code=code,
                code_desc=str(code_desc) if code_desc else None,
                message="" if message is None else str(message),
                action=action,
                http_status=status,
                response=data,
            )
        values: dict[str, object] = {}
        for spec in op.result_fields:
            try:
                values[spec.name] = spec.extract(data)
            except KeyError as exc:
                raise malformed(f"the response has no {exc.args[0]!r}") from None
            except ValueError as exc:
                raise malformed(str(exc)) from None
        return op.result(**values, raw=data)


class _CommonParts:
    """The fixed pieces of a client's requests: the common parameters but Nonce and
    Timestamp, as signed (``middle``, ``tail``) and as sent (``*_wire``), in signing order
    (Action, Nonce, Region, SecretId, SignatureMethod, Timestamp, Token), and the headers."""

    __slots__ = ("get_headers", "head", "middle", "middle_wire", "post_headers", "tail",
                 "tail_wire")  # fmt: skip

    def __init__(self, client: ClientCore) -> None:
        creds = client.credentials
        middle = (("Region", client.region), ("SecretId", creds.secret_id),
                  ("SignatureMethod", client.sign_method))  # fmt: skip
        tail = (("Token", creds.token),) if creds.token else ()
        self.head = f"{client.http_method}{client.endpoint.host}{client._service.path}?Action="
        self.middle = "".join(f"&{k}={v}" for k, v in middle) + "&Timestamp="
        self.middle_wire = "".join(f"&{k}={quote_value(v)}" for k, v in middle) + "&Timestamp="
        self.tail = "".join(f"&{k}={v}" for k, v in tail)
        self.tail_wire = "".join(f"&{k}={quote_value(v)}" for k, v in tail)
        self.get_headers = {"User-Agent": client._service.user_agent}
        self.post_headers = {**self.get_headers,
                             "Content-Type": "application/x-www-form-urlencoded"}  # fmt: skip

    def __repr__(self) -> str:
        return "_CommonParts(<redacted>)"  # the tail holds the session token


#: Nonces: unique per request is all they need (they travel in the clear). 63 random bits,
#: as the official SDKs send (``random.randint(1, sys.maxsize)``): with 31 bits, a few
#: thousand requests in the replay window already risk a repeat (the birthday bound: ~1.5 %
#: at 8,000), which the service refuses as a replay (4500). A private generator is ~1 µs a
#: call cheaper than ``secrets`` and is reseeded in a forked child, so two processes never
#: share a sequence.
_nonces = random.Random()
if hasattr(os, "register_at_fork"):  # POSIX; elsewhere there is no fork to survive
    os.register_at_fork(after_in_child=_nonces.seed)


def _nonce() -> int:
    """A Nonce from 1 to 2**63 - 1."""
    return _nonces.getrandbits(63) or 1


class BaseClient(ClientCore):
    """The synchronous client: keep-alive connections on blocking sockets, in a pool."""

    _transport: Transport

    def _open_transport(self) -> Transport:
        return PooledTransport(
            self.endpoint, self.timeout, self._ssl, max_connections=self.max_connections
        )

    def __enter__(self: _C) -> _C:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the idle connections; the client cannot be used afterwards."""
        self._transport.close()

    def _invoke(
        self,
        op: Operation[R],
        args: Mapping[str, object],
        *,
        timeout: float | Timeout | None = None,
        retries: int | Retry | None = None,
        wait: bool | float = False,
    ) -> R:
        call = Call(self, op, args, timeout, retries)
        while True:
            request = call.request()
            try:
                outcome: HTTPResponse | TransportError = self._transport.request(
                    request.method, request.target, request.body, request.headers,
                    timeout=request.timeout, deadline=request.deadline,
                )  # fmt: skip
            except TransportError as exc:
                logger.debug("%s failed: %s", op.action, exc)
                outcome = exc
            result, delay = call.outcome(outcome)
            if result is not None:
                break
            time.sleep(delay)
        if wait is not False and op.task_id is not None:
            self._wait_for_task(
                getattr(result, op.task_id), timeout=_wait_seconds(wait), interval=1.0
            )
        return result

    def _wait_for_task(self, request_id: int, *, timeout: float, interval: float) -> Any:
        """Poll the task until it succeeds (returns the last task result), fails
        (:class:`TaskFailedError`) or ``timeout`` seconds pass (:class:`TaskTimeoutError`).
        The wait between polls starts at ``interval`` and grows by half each time, up to 10 s."""
        started, delay = time.monotonic(), interval
        task = self._task
        while True:
            result = self._invoke(task.operation, {task.request_param: request_id})
            if self._task_outcome(result, request_id, started, timeout):
                return result
            left = timeout - (time.monotonic() - started)
            time.sleep(max(0.0, min(delay, left)))
            delay = min(delay * 1.5, 10.0)


def _wait_seconds(wait: bool | float) -> float:
    if wait is True:
        return 600.0
    if isinstance(wait, bool) or not isinstance(wait, (int, float)) or not wait > 0:
        raise ConfigurationError(f"wait: must be True, False or seconds > 0, got {wait!r}")
    return float(wait)


_C = TypeVar("_C", bound=BaseClient)


_decoder = json.JSONDecoder()


def _json_object(body: bytes) -> dict[str, Any] | None:
    """The body as a JSON object when it is plain UTF-8 JSON with nothing around it (what
    the service sends), else None. ``raw_decode`` of the text skips the encoding detection
    and the trailing-whitespace check of ``json.loads(bytes)``."""
    try:
        text = body.decode("utf-8")
        data, end = _decoder.raw_decode(text)
    except (ValueError, RecursionError):
        return None
    return data if type(data) is dict and end == len(text) else None


def _int_or_none(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            return None
    return None


def _scrubbed(response: HTTPResponse, forms: tuple[bytes, ...]) -> HTTPResponse:
    """The response with the secret key and the token (their ``forms``, from
    :func:`_secret_forms`) blotted out, should the server (or a proxy's error page) echo
    them: what it says ends up in exceptions, results and logs."""
    body = response.body
    for raw in forms:
        if raw in body:
            body = body.replace(raw, b"<redacted>")
    return response if body is response.body else dataclasses.replace(response, body=body)


def _secret_forms(creds: Credentials) -> tuple[bytes, ...]:
    """The byte strings a response may echo the secret key or token as."""
    forms: list[bytes] = []
    for secret in (creds.secret_key, creds.token):
        if secret and len(secret) >= 8:  # real ones are far longer; short ones would garble
            for form in dict.fromkeys((secret, quote(secret, safe=""))):
                forms.append(form.encode("utf-8", "replace"))
    return tuple(forms)


def _redacted(params: Mapping[str, str]) -> dict[str, str]:
    """Parameters as they may be logged: no Signature, no Token, the SecretId shortened."""
    shown = {k: v for k, v in params.items() if k not in ("Signature", "Token")}
    secret_id = shown.get("SecretId", "")
    shown["SecretId"] = secret_id[:4] + "…" + secret_id[-4:] if len(secret_id) > 12 else "…"
    if "Token" in params:
        shown["Token"] = "<redacted>"
    return shown
