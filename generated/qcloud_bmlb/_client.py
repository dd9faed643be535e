"""The clients' core: their settings, and the synchronous client's calls, waits and pages.

Every generated method is a few lines that hand an :class:`~._shapes.Operation` (generated
from the spec) and its arguments to ``_invoke``. What a call does, in order, and where:
check and lay out the arguments (``_serialize``), sign (``_signing``), send (``_transport``),
decide whether to try again (``_retries``), read the answer (``_parsers``). The async client
(``_async_client``) shares all of it but the I/O and the waiting.
"""

from __future__ import annotations

import time

from ._config import ServiceInfo, Timeout, as_timeout, check_region, endpoint_from
from ._exceptions import (
    ClientClosedError,
    ConfigurationError,
    TaskFailedError,
    TaskTimeoutError,
    TransportError,
)
from ._redact import Scrubber
from ._retries import DEFAULT_RETRY, Call, Retry, as_retry
from ._signing import SIGNATURE_METHODS, RequestSigner

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping
    from typing import Any, ClassVar, TypeVar

    from ._credentials import Credentials
    from ._exceptions import BmlbError, ErrorRegistry
    from ._shapes import Operation, TaskInfo
    from ._transport import HTTPResponse, Transport

    _C = TypeVar("_C", bound="BaseClient")

__all__ = ["DEFAULT_MAX_CONNECTIONS", "BaseClient", "ClientCore", "Retry", "ServiceInfo"]

HTTP_METHODS = ("POST", "GET")
DEBUG = 10  # logging.DEBUG
#: At most this many requests of one client at once (more wait for a connection): enough for
#: any control-plane workload, and a bound on what one client can open against the service
#: (botocore keeps 10, httpx and aiohttp 100). ``max_connections=`` changes it.
DEFAULT_MAX_CONNECTIONS = 32
DEFAULT_TIMEOUT = Timeout()
#: How long a task is waited for when ``wait=True``, and the longest wait between polls.
DEFAULT_TASK_WAIT = 600.0
MAX_POLL_INTERVAL = 10.0


def _ssl_context(verify: bool | str) -> Any:
    import ssl
    import warnings

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
    if not isinstance(verify, str):
        raise ConfigurationError(f"verify: must be True, False or a CA bundle path, got {verify!r}")
    try:
        return ssl.create_default_context(cafile=verify)
    except (OSError, ssl.SSLError) as exc:
        raise ConfigurationError(f"verify: cannot load CA bundle {verify!r}: {exc}") from None


def positive_seconds(value: object, what: str) -> float:
    """A per-call number of seconds (``timeout=``, ``interval=``, ``wait=``): a finite
    number > 0, else ConfigurationError naming it."""
    if (
        isinstance(value, bool)
        or not isinstance(value, (int, float))
        or not 0 < value < 1e7  # also refuses NaN
    ):
        raise ConfigurationError(f"{what}: must be a number of seconds > 0, got {value!r}")
    return float(value)


class ClientCore:
    """Configuration, signing and the decisions of a call: everything but the I/O."""

    _service: ClassVar[ServiceInfo]
    _errors: ClassVar[ErrorRegistry]
    _task: ClassVar[TaskInfo]

    _logger: Any  # logging.getLogger("qcloud_bmlb"), set by the first client (see __init__)

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
        max_connections: int | None = DEFAULT_MAX_CONNECTIONS,
        transport: Any = None,
    ) -> None:
        from ._credentials import resolve

        if not hasattr(ClientCore, "_logger"):
            # Imported when the first client is made, not with the module: logging is a few
            # milliseconds of start-up that ``from qcloud_bmlb import Client`` need not pay.
            import logging

            ClientCore._logger = logging.getLogger("qcloud_bmlb")
        self._closed = True  # until it is made whole: close() and __del__ have nothing to do
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
        if region is not None:
            check_region(region, frozenset(), "region=")
        self.timeout = as_timeout(timeout)
        self.retry = as_retry(retries)
        settings = resolve(
            secret_id=secret_id,
            secret_key=secret_key,
            token=token,
            region=region,
            profile=profile,
        )
        service = self._service
        self._credentials: Credentials = settings.credentials
        self._region: str = check_region(settings.region, service.regions, settings.region_source)
        self._endpoint = endpoint_from(endpoint, service.default_endpoint)
        self._sign_method = sign_method
        self._http_method = method
        self._ssl = _ssl_context(verify) if self._endpoint.scheme == "https" else None
        self.max_connections = max_connections
        creds = self._credentials
        self._signing = RequestSigner(
            secret_id=creds.secret_id,
            secret_key=creds.secret_key,
            token=creds.token,
            region=self._region,
            sign_method=sign_method,
            http_method=method,
            host=self._endpoint.host,
            path=service.path,
            user_agent=service.user_agent,
        )
        self._scrubber = Scrubber((creds.secret_key, creds.token))
        self._transport = transport if transport is not None else self._open_transport()
        self._closed = False

    # Fixed for the client's life: the signing state is made from them once.
    @property
    def credentials(self) -> Credentials:
        return self._credentials

    @property
    def region(self) -> str:
        return self._region

    @property
    def endpoint(self) -> Any:
        return self._endpoint

    @property
    def sign_method(self) -> str:
        return self._sign_method

    @property
    def http_method(self) -> str:
        return self._http_method

    @property
    def closed(self) -> bool:
        """Whether :meth:`close` was called: a closed client refuses every call."""
        return self._closed

    def _open_transport(self) -> Any:
        """The transport a client makes for itself (the sync and async clients differ here)."""
        raise NotImplementedError

    def _check_open(self) -> None:
        if self._closed:
            name = type(self).__name__
            raise ClientClosedError(
                f"this {name} is closed: make a new {name}, or keep using one inside "
                f"its `with` block until you are done with it"
            )

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(region={self.region!r}, endpoint={self.endpoint.url!r}, "
            f"secret_id={self.credentials.secret_id!r}, sign_method={self.sign_method!r}, "
            f"http_method={self.http_method!r})"
        )

    def _log_request(self, op: Operation, request: Any) -> None:
        from urllib.parse import parse_qsl

        from ._redact import loggable

        query = request.body.decode("ascii") if request.body else request.target.split("?", 1)[1]
        params = dict(parse_qsl(query, keep_blank_values=True))
        self._logger.debug(
            "%s %s %s %s", op.action, self.http_method, self.endpoint.url, loggable(params)
        )

    def _log_retry(
        self, action: str, attempt: int, attempts: int, error: BmlbError, wait: float
    ) -> None:
        self._logger.info(
            "%s: try %d of %d failed (%s); retrying in %.2f s",
            action, attempt, attempts, type(error).__name__, wait,
        )  # fmt: skip


def wait_seconds(wait: bool | float) -> float:
    """``wait=``: True (the default wait) or seconds."""
    if wait is True:
        return DEFAULT_TASK_WAIT
    return positive_seconds(wait, "wait")


class Waiter:
    """The polls of one wait for a task: what to ask, whether the answer ends the wait (it
    raises when the task failed or the time is up), and how long to wait before the next.
    The wait between polls starts at ``interval`` and grows by half each time, up to 10 s."""

    __slots__ = ("_delay", "_started", "_task", "args", "request_id", "result", "timeout")

    def __init__(self, task: TaskInfo, request_id: int, timeout: object, interval: object):
        self.timeout = positive_seconds(timeout, "timeout")
        self._delay = positive_seconds(interval, "interval")
        self._task = task
        self.request_id = request_id
        self.args = {task.request_param: request_id}
        self._started = time.monotonic()
        self.result: Any = None

    def done(self, result: Any) -> bool:
        """Whether the task succeeded (then ``result`` is its last answer)."""
        task, request_id = self._task, self.request_id
        status = getattr(result, task.status_field)
        name = getattr(status, "name", None)
        if name == task.succeeded:
            self.result = result
            return True
        if name == task.failed:
            raise TaskFailedError(
                f"task {request_id} failed", request_id=request_id, action=task.operation.action
            )
        if time.monotonic() - self._started >= self.timeout:
            raise TaskTimeoutError(
                f"task {request_id} still {getattr(status, 'name', status)} after "
                f"{self.timeout:g} s; wait for it again with wait_for_task({request_id})",
                request_id=request_id, last_status=status, action=task.operation.action,
            )  # fmt: skip
        return False

    def delay(self) -> float:
        """Seconds to wait before the next poll (never past the timeout)."""
        left = self.timeout - (time.monotonic() - self._started)
        delay, self._delay = self._delay, min(self._delay * 1.5, MAX_POLL_INTERVAL)
        return max(0.0, min(delay, left))


class Pager:
    """The pages of a paging action: the arguments of the next page (None when there is
    none), and the items of each answer. The next page starts after the items seen so far;
    the last is the one that reaches the answer's total (or comes back empty)."""

    __slots__ = ("_items", "_offset", "_total", "page")

    def __init__(self, op: Operation, args: Mapping[str, object], page_size: int | None):
        if op.pages is None:
            raise ConfigurationError(f"{op.action} does not page")
        self._offset, limit, self._total, self._items = op.pages
        page = dict(args)
        if page_size is not None:
            if isinstance(page_size, bool) or not isinstance(page_size, int) or page_size < 1:
                raise ConfigurationError(f"page_size: must be an int >= 1, got {page_size!r}")
            page[limit] = page_size
        if page.get(self._offset) is None:
            page[self._offset] = 0
        self.page: dict[str, object] | None = page

    def items(self, result: Any) -> list[Any]:
        assert self.page is not None
        items = getattr(result, self._items) or []
        offset = self.page[self._offset] + len(items)  # type: ignore[operator]
        total = getattr(result, self._total)
        done = not items or (total is not None and offset >= total)
        self.page = None if done else {**self.page, self._offset: offset}
        return list(items)


def task_note(exc: BaseException, request_id: object, action: str) -> None:
    """Say on an interrupted wait which task it was waiting for: the task was started and
    goes on without the wait, and its id is what to wait for it with again."""
    note = (
        f"{action} started task {request_id}, which goes on without this wait: "
        f"wait for it again with wait_for_task({request_id})"
    )
    if hasattr(exc, "add_note"):  # Python 3.11+
        exc.add_note(note)


class BaseClient(ClientCore):
    """The synchronous client: keep-alive connections in a pool, shared between threads."""

    _transport: Transport

    def _open_transport(self) -> Transport:
        from ._transport import PooledTransport

        return PooledTransport(
            self.endpoint, self.timeout, self._ssl, max_connections=self.max_connections,
            redact=self._scrubber.text,
        )  # fmt: skip

    def __enter__(self: _C) -> _C:
        self._check_open()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connections; the client refuses every call afterwards."""
        if not self._closed:
            self._closed = True
            self._transport.close()

    def _invoke(
        self,
        op: Operation,
        args: Mapping[str, object],
        *,
        timeout: float | Timeout | None = None,
        retries: int | Retry | None = None,
        wait: bool | float = False,
    ) -> Any:
        if self._closed:
            self._check_open()
        wait_for = None if wait is False or op.task_id is None else wait_seconds(wait)
        call = Call(self, op, args, timeout, retries)
        debug = self._logger.isEnabledFor(DEBUG)
        while True:
            result, delay = call.outcome(self._send(call, op, debug))
            if result is not None:
                break
            time.sleep(delay)
        if wait_for is not None:
            request_id = getattr(result, op.task_id)  # type: ignore[arg-type]
            try:
                self._wait_for_task(request_id, timeout=wait_for, interval=1.0)
            except KeyboardInterrupt as exc:
                task_note(exc, request_id, op.action)
                raise
        return result

    def _send(self, call: Call, op: Operation, debug: bool) -> HTTPResponse | TransportError:
        """One try: its outcome, an answer or the transport's error. The signed request lives
        only in this frame's callee (see ``Request``'s repr)."""
        request = call.request()
        if debug:
            self._log_request(op, request)
        try:
            return self._transport.request(
                request.method, request.target, request.body, request.headers,
                timeout=request.timeout, deadline=request.deadline,
            )  # fmt: skip
        except TransportError as exc:
            self._logger.debug("%s failed: %s", op.action, self._scrubber.text(str(exc)))
            return exc

    def _wait_for_task(self, request_id: int, *, timeout: float, interval: float) -> Any:
        """Poll the task until it succeeds (returns the last task result), fails
        (:class:`TaskFailedError`) or ``timeout`` seconds pass (:class:`TaskTimeoutError`)."""
        self._check_open()
        waiter = Waiter(self._task, request_id, timeout, interval)
        while not waiter.done(self._invoke(self._task.operation, waiter.args)):
            time.sleep(waiter.delay())
        return waiter.result

    def _paginate(
        self,
        op: Operation,
        args: Mapping[str, object],
        *,
        page_size: int | None = None,
        timeout: float | Timeout | None = None,
        retries: int | Retry | None = None,
    ) -> Iterator[Any]:
        """Every item of every page (see :class:`Pager`)."""
        pager = Pager(op, args, page_size)
        while pager.page is not None:
            yield from pager.items(self._invoke(op, pager.page, timeout=timeout, retries=retries))
