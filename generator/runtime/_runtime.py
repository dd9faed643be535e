"""The shared runtime of the generated client: validation, flattening, signing a request,
and turning a response into a result or an exception.

Every generated method is a few lines that hand an :class:`Operation` (generated from the
spec) and its arguments to :meth:`BaseClient._invoke`.
"""

from __future__ import annotations

import json
import logging
import secrets
import ssl
import time
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any, ClassVar, Generic, TypeVar

from ._credentials import Credentials, resolve
from ._exceptions import (
    ConfigurationError,
    ErrorRegistry,
    HTTPStatusError,
    MalformedResponseError,
    TransportError,
    ValidationError,
    excerpt,
)
from ._signing import SIGNATURE_METHODS, encode_params, sign, string_to_sign
from ._transport import Endpoint, HTTPResponse, PooledTransport, Timeout, Transport

__all__ = [
    "ArrayParam",
    "BaseClient",
    "Operation",
    "ResultField",
    "ScalarParam",
    "ServiceInfo",
]

logger = logging.getLogger("qcloud_bmlb")

R = TypeVar("R")

HTTP_METHODS = ("POST", "GET")
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
        if any(ch < " " or "\x7f" <= ch <= "\x9f" for ch in value):
            raise ValidationError(path, "must not contain control characters")
        if self.max_length is not None and len(value) > self.max_length:
            raise ValidationError(
                path, f"must be at most {self.max_length} characters, got {len(value)}"
            )
        return value


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


class BaseClient:
    """Credentials, endpoint, signing and transport shared by every generated method."""

    _service: ClassVar[ServiceInfo]
    _errors: ClassVar[ErrorRegistry]

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
        verify: bool | str = True,
        transport: Transport | None = None,
    ) -> None:
        if not isinstance(sign_method, str) or sign_method not in SIGNATURE_METHODS:
            raise ConfigurationError(
                f"sign_method: must be one of {', '.join(SIGNATURE_METHODS)}, got {sign_method!r}"
            )
        method = http_method.upper() if isinstance(http_method, str) else http_method
        if method not in HTTP_METHODS:
            raise ConfigurationError(f"http_method: must be POST or GET, got {http_method!r}")
        if not isinstance(timeout, Timeout):
            if isinstance(timeout, bool) or not isinstance(timeout, (int, float)):
                raise ConfigurationError(f"timeout: must be seconds or a Timeout, got {timeout!r}")
            timeout = Timeout(connect=timeout, read=timeout)
        settings = resolve(
            secret_id=secret_id,
            secret_key=secret_key,
            token=token,
            region=region,
            profile=profile,
        )
        self.credentials: Credentials = settings.credentials
        self.region: str = settings.region
        self.endpoint = Endpoint.parse(endpoint or self._service.default_endpoint)
        self.sign_method = sign_method
        self.http_method = method
        self.timeout = timeout
        if transport is None:
            context = _ssl_context(verify) if self.endpoint.scheme == "https" else None
            transport = PooledTransport(self.endpoint, timeout, context)
        self._transport: Transport = transport

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(region={self.region!r}, endpoint={self.endpoint.url!r}, "
            f"secret_id={self.credentials.secret_id!r}, sign_method={self.sign_method!r}, "
            f"http_method={self.http_method!r})"
        )

    def __enter__(self: _C) -> _C:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the idle connections; the client cannot be used afterwards."""
        self._transport.close()

    def _sign(self, action: str, params: Mapping[str, str]) -> dict[str, str]:
        """Common parameters, a fresh Timestamp and Nonce, and the Signature."""
        creds = self.credentials
        signed = {
            "Action": action,
            "Region": self.region,
            "Timestamp": str(int(time.time())),
            "Nonce": str(secrets.randbelow(2**31 - 1) + 1),
            "SecretId": creds.secret_id,
            "SignatureMethod": self.sign_method,
        }
        if creds.token:
            signed["Token"] = creds.token
        signed.update(params)
        text = string_to_sign(self.http_method, self.endpoint.host, self._service.path, signed)
        signed["Signature"] = sign(creds.secret_key, text, self.sign_method)
        return signed

    def _invoke(self, op: Operation[R], args: Mapping[str, object]) -> R:
        params = self._sign(op.action, op.encode(args))
        encoded = encode_params(params)
        headers = {"User-Agent": self._service.user_agent}
        path = self._service.path
        if self.http_method == "POST":
            target, body = path, encoded.encode("ascii")
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        else:
            target, body = f"{path}?{encoded}", None
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug(
                "%s %s %s %s", op.action, self.http_method, self.endpoint.url, _redacted(params)
            )
        started = time.monotonic()
        try:
            response = self._transport.request(self.http_method, target, body, headers)
        except TransportError as exc:
            logger.debug("%s failed: %s", op.action, exc)
            raise type(exc)(str(exc), action=op.action) from None
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug(
                "%s answered HTTP %d, %d bytes, in %.1f ms",
                op.action,
                response.status,
                len(response.body),
                (time.monotonic() - started) * 1000,
            )
        return self._parse(op, response)

    def _parse(self, op: Operation[R], response: HTTPResponse) -> R:
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


_C = TypeVar("_C", bound=BaseClient)


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


def _redacted(params: Mapping[str, str]) -> dict[str, str]:
    """Parameters as they may be logged: no Signature, no Token, the SecretId shortened."""
    shown = {k: v for k, v in params.items() if k not in ("Signature", "Token")}
    secret_id = shown.get("SecretId", "")
    shown["SecretId"] = secret_id[:4] + "…" + secret_id[-4:] if len(secret_id) > 12 else "…"
    if "Token" in params:
        shown["Token"] = "<redacted>"
    return shown
