"""How a call is tried: the retry policy, and the decision after each try.

:class:`Call` is shared by the sync and the async client, which only add the I/O and the
waiting: it makes each signed try (:meth:`Call.request`) and decides from each outcome
(:meth:`Call.outcome`) whether to return the result, to try again after a wait, or to raise.

Tried again are: a connection that failed before anything was sent; HTTP 429 and 503 (after
the ``Retry-After`` the server asked for, within the call's deadline); the catalogue's
retryable codes (a busy load balancer, backend service faults); and, for idempotent actions
only, anything after which the request may have been carried out (a timeout, a reset, another
5xx, a garbled answer). Every try is signed anew (fresh Nonce and Timestamp).
"""

from __future__ import annotations

import random
import time

from ._config import as_timeout
from ._exceptions import (
    ApiError,
    ConfigurationError,
    HTTPStatusError,
    MalformedResponseError,
    RequestTimeoutError,
    TransportError,
)
from ._parsers import parse
from ._serialize import plan

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any

    from ._client import ClientCore
    from ._exceptions import BmlbError
    from ._shapes import Operation
    from ._transport import HTTPResponse, Timeout

__all__ = ["DEFAULT_RETRY", "NO_RETRY", "Call", "Request", "Retry", "as_retry"]

REPLAY_CODE = 4500  # the common code for a replayed Nonce or a Timestamp out of the window
#: The longest ``Retry-After`` honoured when the call has no deadline.
MAX_RETRY_AFTER = 300.0


class Retry:
    """How a call is retried.

    ``attempts`` counts every try (1: no retry); the wait before try ``n + 1`` is drawn
    uniformly from ``[0, min(cap, backoff * 2 ** (n - 1))]`` ("full jitter"), or is what the
    server's ``Retry-After`` asks for when that is longer; ``deadline`` bounds the whole call,
    retries and waits included (None: no bound).
    """

    __slots__ = ("attempts", "backoff", "cap", "deadline")

    def __init__(
        self,
        attempts: int = 3,
        backoff: float = 0.2,
        cap: float = 5.0,
        deadline: float | None = 60.0,
    ) -> None:
        if isinstance(attempts, bool) or not isinstance(attempts, int) or attempts < 1:
            raise ConfigurationError(f"retries.attempts: must be an int >= 1, got {attempts!r}")
        for name, value in (("backoff", backoff), ("cap", cap), ("deadline", deadline)):
            if name == "deadline" and value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise ConfigurationError(f"retries.{name}: must be seconds, got {value!r}")
            if name == "deadline" and not 0 < value < 1e6:
                raise ConfigurationError(f"retries.deadline: must be seconds > 0, got {value!r}")
            if not 0 <= value < 1e6:
                raise ConfigurationError(f"retries.{name}: must be seconds >= 0, got {value!r}")
        self.attempts = attempts
        self.backoff = backoff
        self.cap = cap
        self.deadline = deadline

    def delay(self, attempt: int) -> float:
        """Seconds to wait after failed try number ``attempt`` (1-based)."""
        return _jitter.uniform(0, min(self.cap, self.backoff * 2 ** (attempt - 1)))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Retry):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def _key(self) -> tuple[object, ...]:
        return (self.attempts, self.backoff, self.cap, self.deadline)

    def __repr__(self) -> str:
        return (
            f"Retry(attempts={self.attempts}, backoff={self.backoff}, cap={self.cap}, "
            f"deadline={self.deadline})"
        )


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


def retry_after(headers: Mapping[str, str], now: float | None = None) -> float | None:
    """The seconds a ``Retry-After`` header asks for (delay-seconds or an HTTP-date)."""
    value = headers.get("retry-after", "").strip()
    if not value:
        return None
    if value.isascii() and value.isdigit():
        return float(value) if len(value) <= 9 else None
    from email.utils import parsedate_to_datetime  # only for an HTTP-date: rare

    try:
        when = parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return max(0.0, when - (time.time() if now is None else now))


class Request:
    """One signed try of a call, ready for a transport. Its repr shows no part of the signed
    request (which holds the signature and any session token): tracebacks and error
    trackers that record local variables see ``Request(POST, <signed>)``."""

    __slots__ = ("body", "deadline", "headers", "method", "target", "timeout")

    def __init__(
        self,
        method: str,
        target: str,
        body: bytes | None,
        headers: dict[str, str],
        timeout: Timeout,
        deadline: float | None,
    ) -> None:
        self.method = method
        self.target = target
        self.body = body
        self.headers = headers
        self.timeout = timeout
        self.deadline = deadline  # time.monotonic() value by which the whole call must end

    def __repr__(self) -> str:
        return f"Request({self.method}, <signed>)"


class Call:
    """One call's tries (see the module's doc)."""

    __slots__ = ("attempt", "client", "deadline", "op", "params", "policy", "timeout")

    def __init__(
        self,
        client: ClientCore,
        op: Operation,
        args: Mapping[str, object],
        timeout: float | Timeout | None,
        retries: int | Retry | None,
    ) -> None:
        self.client = client
        self.op = op
        self.params = plan(op).encode(args)
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
                timeout = type(timeout)(min(timeout.connect, left), min(timeout.read, left))
        signing = self.client._signing
        _, query = signing.sign(self.op.action, *self.params)
        method, target, body, headers = signing.lay_out(query)
        return Request(method, target, body, headers, timeout, self.deadline)

    def outcome(self, outcome: HTTPResponse | TransportError) -> tuple[Any, float]:
        """``(result, 0)`` when done, ``(None, seconds)`` to retry after a wait; or raises."""
        op, attempt, client = self.op, self.attempt, self.client
        error: BmlbError
        asked: float | None = None  # what the server's Retry-After asked for
        if isinstance(outcome, TransportError):
            error = type(outcome)(
                client._scrubber.text(outcome.reason),
                action=op.action, sent=outcome.sent, attempts=attempt,
            )  # fmt: skip
            again = not outcome.sent or op.idempotent
        else:
            try:
                result = parse(
                    op, outcome.status, outcome.headers, outcome.body,
                    client._errors, client._scrubber,
                )  # fmt: skip
                return result, 0.0
            except HTTPStatusError as exc:
                error = exc
                again = exc.http_status in (429, 503) or (exc.http_status >= 500 and op.idempotent)
                if exc.http_status in (429, 503):
                    asked = retry_after(outcome.headers)
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
            if asked is not None:
                wait = max(wait, asked)
            left = self.remaining()
            if (left is None and wait <= MAX_RETRY_AFTER) or (left is not None and wait < left):
                client._log_retry(op.action, attempt, self.policy.attempts, error, wait)
                return None, wait
        raise error
