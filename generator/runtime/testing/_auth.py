"""How the fake authenticates a request, as the real service does: the common parameters, a
registered key, the signature, the session token of temporary keys, the clock and replays.

- **The signature** is checked over the host as the client signed it. Our client signs the
  host without its port; the official legacy SDK (``qcloudapi-sdk-python``), pointed at an
  endpoint with a port, signs ``host:port`` (the Host header as sent). Both are accepted, and
  nothing else: a signature over another host is 4100.
- **The clock**: a Timestamp more than 2 hours off the server's clock is 4500.
- **Replays**: a request is carried out once. Its SecretId, Timestamp and Nonce are kept while
  its Timestamp is inside that window, and the same three again are a replay (4500); once the
  Timestamp is outside the window the clock refuses it anyway, so it is forgotten. The memory
  is a sorted array of 8-byte digests per second of Timestamp: a few MB for a million requests
  in two hours, and nothing older.
"""

from __future__ import annotations

import array
import bisect
import heapq
import hmac
import threading
from collections.abc import Callable, Mapping

from .._signing import SIGNATURE_METHODS, Signer, string_to_sign
from ._state import FakeApiError

__all__ = ["MAX_SKEW", "PATH", "Authenticator"]

PATH = "/v2/index.php"
MAX_SKEW = 7200  # seconds a Timestamp may be off the server clock
_COMMON = ("Action", "SecretId", "Signature", "Timestamp", "Nonce", "Region")


class _Key:
    """A registered key: its session token, and a keyed signer per signature method (the
    client's ``Signer``: keyed once, copied per request)."""

    __slots__ = ("_signers", "token")

    def __init__(self, secret_key: str, token: str | None) -> None:
        self.token = token
        # Any other SignatureMethod (or none) is taken as HmacSHA1, as the service does.
        self._signers = {method: Signer(secret_key, method) for method in (*SIGNATURE_METHODS, "")}

    def sign(self, text: str, method: str | None) -> bytes:
        signer = self._signers.get(method or "") or self._signers[""]
        return signer.sign(text).encode("ascii")


class _Nonces:
    """The (SecretId, Nonce) digests seen, by Timestamp, while the Timestamp is in the window."""

    def __init__(self) -> None:
        self._by_second: dict[int, array.array[int]] = {}
        self._seconds: list[int] = []  # the keys of _by_second, as a heap: oldest first

    def __len__(self) -> int:
        return sum(len(seen) for seen in self._by_second.values())

    def first_time(self, secret_id: str, nonce: str, timestamp: int, now: float) -> bool:
        """Whether this is the first request with these three (and remember it)."""
        seconds, by_second = self._seconds, self._by_second
        while seconds and now - seconds[0] > MAX_SKEW:
            del by_second[heapq.heappop(seconds)]
        seen = by_second.get(timestamp)
        if seen is None:
            seen = by_second[timestamp] = array.array("q")
            heapq.heappush(seconds, timestamp)
        digest = hash((secret_id, nonce))
        at = bisect.bisect_left(seen, digest)
        if at < len(seen) and seen[at] == digest:
            return False
        seen.insert(at, digest)
        return True


class Authenticator:
    """The registered keys and the replay memory; :meth:`check` authenticates a request."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self.clock = clock
        self._keys: dict[str, _Key] = {}
        self._nonces = _Nonces()
        self._lock = threading.Lock()

    def add(self, secret_id: str, secret_key: str, token: str | None = None) -> None:
        key = _Key(secret_key, token)
        with self._lock:
            self._keys[secret_id] = key

    @property
    def remembered(self) -> int:
        """How many requests the replay memory holds."""
        with self._lock:
            return len(self._nonces)

    def check(self, method: str, host: str, host_header: str, params: Mapping[str, str]) -> str:
        """The action of an authentic request; else FakeApiError (4000, 4100, 4104, 4500).
        ``host`` is the Host header without its port, ``host_header`` as sent."""
        get = params.get
        if not (
            get("Action") and get("SecretId") and get("Signature") and get("Timestamp")
            and get("Nonce") and get("Region")
        ):  # fmt: skip
            for name in _COMMON:
                if not get(name):
                    raise FakeApiError(4000, f"the common parameter {name} is missing")
        key = self._keys.get(params["SecretId"])  # one read of a dict: needs no lock
        if key is None:
            raise FakeApiError(4104, "the SecretId does not exist")
        # Compared as bytes: compare_digest refuses str with non-ASCII characters, and a
        # garbled Signature or Token must be a 4100, not a dropped connection.
        given = params["Signature"].encode()
        sign_method = get("SignatureMethod")
        text = string_to_sign(method, host, PATH, params)
        if not hmac.compare_digest(key.sign(text, sign_method), given) and (
            host_header == host
            or not hmac.compare_digest(
                key.sign(string_to_sign(method, host_header, PATH, params), sign_method), given
            )
        ):
            raise FakeApiError(4100, "signature verification failed")
        token = key.token
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
            first = self._nonces.first_time(params["SecretId"], params["Nonce"], timestamp, now)
        if not first:
            raise FakeApiError(4500, "Nonce already used: replayed request")
        return params["Action"]
