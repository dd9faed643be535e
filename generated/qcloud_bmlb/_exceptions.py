"""The exception hierarchy every error of the package descends from.

Hand-written and copied verbatim into the generated package: the catalogue classes in
``errors.py`` are generated on top of :class:`ApiError`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

# Not typing.TYPE_CHECKING: importing typing would cost more than this module (its names are
# only in annotations, which are not evaluated).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, ClassVar

__all__ = [
    "ApiError",
    "BmlbError",
    "ClientClosedError",
    "ConfigurationError",
    "ConnectError",
    "CredentialsError",
    "ErrorRegistry",
    "HTTPStatusError",
    "MalformedResponseError",
    "RequestTimeoutError",
    "ResponseError",
    "TaskError",
    "TaskFailedError",
    "TaskTimeoutError",
    "TransportError",
    "ValidationError",
    "excerpt",
]

_EXCERPT_LIMIT = 200


def excerpt(body: bytes | str, limit: int = _EXCERPT_LIMIT) -> str:
    """A short, printable piece of a response body for error messages."""
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
    text = "".join(ch if ch.isprintable() else " " for ch in text[: limit + 1])
    return text if len(text) <= limit else text[:limit] + "…"


def _rebuild(cls: type[BmlbError], state: dict[str, Any]) -> BmlbError:
    error = cls.__new__(cls)
    error.__dict__.update(state)
    Exception.__init__(error, state.get("_text", ""))
    return error


class BmlbError(Exception):
    """Root of every exception this package raises."""

    _text: str
    #: How many times the call was tried before this was raised.
    attempts: int = 1

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._text = text

    def __str__(self) -> str:
        return self._text

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), dict(self.__dict__)))


class ValidationError(BmlbError, ValueError):
    """A parameter broke a rule; raised before anything is sent.

    ``parameter`` is the Python path of the value (``backends[3].port``), ``rule`` what it broke.
    """

    def __init__(self, parameter: str, rule: str, *, action: str | None = None) -> None:
        where = f"{action}: " if action else ""
        super().__init__(f"{where}{parameter}: {rule}")
        self.parameter = parameter
        self.rule = rule
        self.action = action


class ConfigurationError(BmlbError, ValueError):
    """The client was set up wrongly (an option, an endpoint, a profile file), or a call was
    given a bad option (``timeout=``, ``retries=``, ``wait=``)."""


class ClientClosedError(BmlbError, RuntimeError):
    """The client was closed: using it is a mistake in the calling code, not a fault of the
    network, so it is raised at once and never retried."""


class CredentialsError(ConfigurationError):
    """No usable credentials were found; the message says where the client looked."""


class TransportError(BmlbError):
    """The request or its response was lost on the way (connection refused, reset, TLS).

    ``sent`` tells whether the request may have reached the server (and so may have been
    carried out); ``attempts`` how many times it was tried.
    """

    def __init__(
        self, text: str, *, action: str | None = None, sent: bool = True, attempts: int = 1
    ) -> None:
        where = f"{action}: " if action else ""
        tail = ""
        if attempts > 1:
            tail += f" (after {attempts} attempts)"
        if sent and action:
            tail += "; the request may have reached the server and been carried out"
        super().__init__(f"{where}{text}{tail}")
        self.action = action
        self.sent = sent
        self.attempts = attempts
        self.reason = text


class ConnectError(TransportError):
    """No connection could be made (refused, unreachable, TLS handshake); nothing was sent."""

    def __init__(
        self, text: str, *, action: str | None = None, sent: bool = False, attempts: int = 1
    ) -> None:
        super().__init__(text, action=action, sent=sent, attempts=attempts)


class RequestTimeoutError(TransportError):
    """Connecting or reading took longer than the configured timeout, or the call's deadline
    passed."""


class TaskError(BmlbError):
    """An asynchronous task did not succeed: see :class:`TaskFailedError` and
    :class:`TaskTimeoutError`."""

    def __init__(self, text: str, *, request_id: int, action: str | None = None) -> None:
        super().__init__(text)
        self.request_id = request_id
        self.action = action


class TaskFailedError(TaskError):
    """The task ended in failure."""


class TaskTimeoutError(TaskError):
    """The task was still running when the wait's timeout passed; ``last_status`` is the
    status seen last."""

    def __init__(
        self, text: str, *, request_id: int, last_status: object, action: str | None = None
    ) -> None:
        super().__init__(text, request_id=request_id, action=action)
        self.last_status = last_status


class ResponseError(BmlbError):
    """The server answered, but not with a valid API response."""

    def __init__(
        self, text: str, *, action: str | None, http_status: int, body_excerpt: str
    ) -> None:
        super().__init__(f"{action}: {text}" if action else text)
        self.action = action
        self.http_status = http_status
        self.body_excerpt = body_excerpt


class HTTPStatusError(ResponseError):
    """The HTTP status was not 200 (the API reports its own errors with 200)."""


class MalformedResponseError(ResponseError):
    """The body was not the JSON object the API answers with (not JSON, truncated, no code)."""


class ApiError(BmlbError):
    """The API answered with a non-zero ``code``.

    ``code`` is the code that identifies the error: the module code when the server put one in
    the message as ``(NNNN)`` under a common code, the response's ``code`` otherwise;
    ``response_code`` is always the response's own ``code``.
    """

    code: ClassVar[int | None] = None
    code_desc: ClassVar[str | None] = None
    retryable: ClassVar[bool] = False
    description: ClassVar[str] = ""
    description_zh: ClassVar[str] = ""

    def __init__(
        self,
        *,
        code: int,
        code_desc: str | None,
        message: str,
        action: str | None,
        http_status: int = 200,
        response_code: int | None = None,
        module_code: int | None = None,
        response: Mapping[str, Any] | None = None,
    ) -> None:
        label = f"{code} {code_desc}" if code_desc else str(code)
        where = f"{action}: " if action else ""
        super().__init__(f"{where}[{label}] {message or self.description}".rstrip())
        # Instance attributes shadow the class defaults with what the server said.
        self.code = code  # type: ignore[misc]
        self.code_desc = code_desc  # type: ignore[misc]
        self.message = message
        self.action = action
        self.http_status = http_status
        self.response_code = code if response_code is None else response_code
        self.module_code = module_code
        self.response: Mapping[str, Any] = dict(response or {})


#: A module code at the start of a message, ``(30011)...``: ASCII digits only (``\d`` would
#: take ``(３００１１)`` as 30011), and short enough to be a code (and to stay far from
#: Python's limit on the digits of an int).
_MODULE_CODE = re.compile(r"\s*\((-?[0-9]{1,18})\)", re.ASCII)


class ErrorRegistry:
    """Maps what a response says to the most specific error class that the catalogue knows."""

    def __init__(self, classes: Iterable[type[ApiError]], families: Iterable[type[ApiError]]):
        self.by_code: dict[int, type[ApiError]] = {}
        self.by_code_desc: dict[str, type[ApiError]] = {}
        for family in families:
            if family.code_desc is not None:
                self.by_code_desc[family.code_desc] = family
        for cls in classes:
            if cls.code is not None:
                self.by_code[cls.code] = cls
            if cls.code_desc is not None:
                self.by_code_desc.setdefault(cls.code_desc, cls)

    def for_code(self, code: int) -> type[ApiError] | None:
        return self.by_code.get(code)

    def for_code_desc(self, code_desc: str) -> type[ApiError] | None:
        """The class of a codeDesc, else of its family (the part before the first dot)."""
        found = self.by_code_desc.get(code_desc)
        if found is None and "." in code_desc:
            found = self.by_code_desc.get(code_desc.split(".", 1)[0])
        return found

    def build(
        self,
        *,
        code: int,
        code_desc: str | None,
        message: str,
        action: str | None,
        http_status: int,
        response: Mapping[str, Any],
    ) -> ApiError:
        """The exception for an error response, with everything the response said kept."""
        module_code = None
        match = _MODULE_CODE.match(message)
        if match is not None:
            module_code = int(match.group(1))
        cls: type[ApiError] | None = None
        effective = code
        if module_code is not None and module_code in self.by_code:
            cls = self.by_code[module_code]
            effective = module_code
        if cls is None:
            cls = self.for_code(code)
        if cls is None and code_desc:
            cls = self.for_code_desc(code_desc)
        if cls is None:
            cls = ApiError
        if effective != code:
            code_desc = cls.code_desc or code_desc
        return cls(
            code=effective,
            code_desc=code_desc or cls.code_desc,
            message=message,
            action=action,
            http_status=http_status,
            response_code=code,
            module_code=module_code,
            response=response,
        )
