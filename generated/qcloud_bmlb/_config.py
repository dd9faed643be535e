"""A client's settings as values: timeouts, the endpoint, the region, the service's facts.

Light on purpose (no socket, ssl or HTTP module): ``from qcloud_bmlb import Client`` imports
it, and the transport only when the first request goes out.
"""

from __future__ import annotations

import os
import re
import warnings
from urllib.parse import urlsplit

from ._exceptions import ConfigurationError

__all__ = ["ENV_ENDPOINT", "Endpoint", "ServiceInfo", "Timeout", "as_timeout", "check_region"]

MAX_TIMEOUT = 86400.0  # one day: finite, as sockets require
#: The environment variable that points every client without an ``endpoint=`` elsewhere (a
#: fake on loopback in a test, a proxy of one's own): what ``AWS_ENDPOINT_URL`` is to boto3.
ENV_ENDPOINT = "QCLOUD_BMLB_ENDPOINT"


def _seconds(value: object, what: str) -> float:
    if (
        isinstance(value, bool)
        or not isinstance(value, (int, float))
        or not 0 < value < MAX_TIMEOUT
    ):
        raise ConfigurationError(
            f"{what}: must be a number of seconds > 0 and < {MAX_TIMEOUT:g}, got {value!r}"
        )
    return float(value)


class Timeout:
    """Seconds allowed to connect, and to wait for each read of the response."""

    __slots__ = ("connect", "read")

    def __init__(self, connect: float = 5.0, read: float = 30.0) -> None:
        self.connect = _seconds(connect, "timeout.connect")
        self.read = _seconds(read, "timeout.read")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Timeout):
            return NotImplemented
        return (self.connect, self.read) == (other.connect, other.read)

    def __hash__(self) -> int:
        return hash((self.connect, self.read))

    def __repr__(self) -> str:
        return f"Timeout(connect={self.connect:g}, read={self.read:g})"


def as_timeout(value: float | Timeout) -> Timeout:
    """Seconds (for both connect and read) or a :class:`Timeout`."""
    if isinstance(value, Timeout):
        return value
    seconds = _seconds(value, "timeout")
    return Timeout(connect=seconds, read=seconds)


class Endpoint:
    """Where requests go: scheme, host, port; ``host`` is what the signature names."""

    __slots__ = ("host", "port", "scheme")

    def __init__(self, scheme: str, host: str, port: int) -> None:
        self.scheme = scheme
        self.host = host
        self.port = port

    @classmethod
    def parse(cls, url: str) -> Endpoint:
        if not isinstance(url, str):
            raise ConfigurationError(f"endpoint: must be an http(s) URL, got {url!r}")
        parts = urlsplit(url.strip())
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ConfigurationError(f"endpoint: must be an http(s) URL with a host, got {url!r}")
        if parts.path not in ("", "/") or parts.query or parts.fragment or parts.username:
            raise ConfigurationError(
                f"endpoint: give scheme, host and port only (the path is the API's), got {url!r}"
            )
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError:
            raise ConfigurationError(f"endpoint: bad port in {url!r}") from None
        return cls(parts.scheme, parts.hostname, port)

    @property
    def url(self) -> str:
        default = 443 if self.scheme == "https" else 80
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{self.scheme}://{host}" + ("" if self.port == default else f":{self.port}")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Endpoint):
            return NotImplemented
        return (self.scheme, self.host, self.port) == (other.scheme, other.host, other.port)

    def __hash__(self) -> int:
        return hash((self.scheme, self.host, self.port))

    def __repr__(self) -> str:
        return f"Endpoint({self.url!r})"


def endpoint_from(value: str | None, default: str) -> Endpoint:
    """The ``endpoint=`` argument, else the ``QCLOUD_BMLB_ENDPOINT`` variable, else the
    service's own endpoint."""
    if value is not None:
        return Endpoint.parse(value)
    env = os.environ.get(ENV_ENDPOINT, "").strip()
    if env:
        try:
            return Endpoint.parse(env)
        except ConfigurationError as exc:
            raise ConfigurationError(f"{ENV_ENDPOINT}: {exc}") from None
    return Endpoint.parse(default)


class ServiceInfo:
    """The service's fixed facts, from the spec."""

    __slots__ = ("default_endpoint", "host", "path", "regions", "user_agent")

    def __init__(
        self,
        *,
        host: str,
        path: str,
        default_endpoint: str,
        user_agent: str,
        regions: tuple[str, ...] = (),
    ) -> None:
        self.host = host
        self.path = path
        self.default_endpoint = default_endpoint
        self.user_agent = user_agent
        self.regions = frozenset(regions)  # codes and aliases the spec lists


#: What a region looks like (``ap-guangzhou``, ``gz``, ``na-siliconvalley``, ``ap-shanghai-fsi``).
_REGION = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
_warned: set[str] = set()


def check_region(region: object, known: frozenset[str], where: str) -> str:
    """A region the client may use: well-formed, and one the spec lists; a well-formed one the
    spec does not list (Tencent adds regions) passes with one warning per process."""
    if not isinstance(region, str) or not _REGION.fullmatch(region) or len(region) > 40:
        raise ConfigurationError(
            f"region: must be a region code such as ap-guangzhou (or its alias gz), "
            f"got {region!r} (from {where})"
        )
    if known and region not in known and region not in _warned:
        _warned.add(region)
        warnings.warn(
            f"region {region!r} is not one this package knows ({', '.join(sorted(known))}); "
            "it is sent as given",
            stacklevel=4,
        )
    return region
