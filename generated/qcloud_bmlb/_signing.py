"""Signing legacy v2 requests: HMAC over the sorted, unencoded parameters.

The rules (``../shared/reference/legacy-api.md``): every parameter but ``Signature``, sorted
by name in code-point order, joined as ``name=value`` with ``&``, values raw, ``_`` in a name
written ``.``; the string to sign is ``METHOD + host + path + "?" + that``; the signature is
base64(HMAC(SecretKey, string)) with SHA256 for ``HmacSHA256``, SHA1 otherwise, and is sent
percent-encoded once.

:class:`RequestSigner` (one per client) signs and lays out a client's requests: the action's
parameters come from its plan (``_serialize``) already in signing order and after every common
parameter, so the string to sign and the body are a few joins around them. :func:`string_to_sign`
is the same rule for any mapping of parameters (what the fake server checks).
"""

from __future__ import annotations

import base64
import functools
import os
import random
import time

from ._serialize import quote

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["SIGNATURE_METHODS", "RequestSigner", "Signer", "nonce", "string_to_sign"]

#: The hashlib digest per SignatureMethod value; the server takes anything else as HmacSHA1.
#: (hashlib itself is imported by the first Signer: its OpenSSL binding costs start-up time.)
SIGNATURE_METHODS = {"HmacSHA256": "sha256", "HmacSHA1": "sha1"}


def string_to_sign(method: str, host: str, path: str, params: Mapping[str, str]) -> str:
    """``METHOD + host + path + "?" + name=value&...`` sorted by name, values not encoded."""
    names = sorted(name for name in params if name != "Signature")
    pairs = "&".join(f"{name.replace('_', '.')}={params[name]}" for name in names)
    return f"{method.upper()}{host}{path}?{pairs}"


class Signer:
    """The signature of a text with one secret key (see the module's doc), keyed once
    (RFC 2104): the inner and outer hashes are started on the padded key here, and each
    signature copies them; ~2.1 µs a signature where setting the key up anew each time takes
    ~4.1 µs (timeit on a 280-byte string). Neither its repr nor pickling reveals the key."""

    __slots__ = ("_inner", "_outer")

    def __init__(self, secret_key: str, method: str | None) -> None:
        import hashlib

        new = getattr(hashlib, SIGNATURE_METHODS.get(method or "", "sha1"))
        key = secret_key.encode("utf-8")
        block = new().block_size
        if len(key) > block:
            key = new(key).digest()
        key = key.ljust(block, b"\0")
        self._inner = new(key.translate(_IPAD))
        self._outer = new(key.translate(_OPAD))

    def sign(self, text: str) -> str:
        inner = self._inner.copy()
        inner.update(text.encode("utf-8"))
        outer = self._outer.copy()
        outer.update(inner.digest())
        return base64.b64encode(outer.digest()).decode("ascii")

    def __repr__(self) -> str:
        return "Signer(<redacted>)"

    def __reduce__(self) -> tuple[object, ...]:
        raise TypeError("a Signer is not picklable: it holds a secret key")


_IPAD = bytes(b ^ 0x36 for b in range(256))  # byte-wise XOR tables for bytes.translate
_OPAD = bytes(b ^ 0x5C for b in range(256))


def quote_signature(signature: str) -> str:
    """The percent-encoding of a base64 signature: only ``+``, ``/`` and ``=`` change."""
    return signature.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D")


#: Nonces: unique per request is all they need (they travel in the clear). 63 random bits,
#: as the official SDKs send (``random.randint(1, sys.maxsize)``): with 31 bits, a few
#: thousand requests in the replay window already risk a repeat (the birthday bound: ~1.5 %
#: at 8,000), which the service refuses as a replay (4500). A private generator is ~1 µs a
#: call cheaper than ``secrets`` and is reseeded in a forked child, so two processes never
#: share a sequence.
_nonces = random.Random()
if hasattr(os, "register_at_fork"):  # POSIX; elsewhere there is no fork to survive
    os.register_at_fork(after_in_child=_nonces.seed)


def nonce() -> int:
    """A Nonce from 1 to 2**63 - 1."""
    return _nonces.getrandbits(63) or 1


@functools.lru_cache(maxsize=256)
def _quoted(action: str) -> str:
    """An action name as sent (they are plain: this is the same text, looked up)."""
    return quote(action)


class RequestSigner:
    """Signs one client's requests and lays them out for the transport.

    The common parameters but Nonce and Timestamp never change for a client: they are joined
    once here, as signed and as sent, in signing order (Action, Nonce, Region, SecretId,
    SignatureMethod, Timestamp, Token). Its repr hides them (the token is among them).
    """

    __slots__ = (
        "_get_headers", "_head", "_middle", "_middle_wire", "_path", "_post", "_post_headers",
        "_signer", "_tail", "_tail_wire",
    )  # fmt: skip

    def __init__(
        self,
        *,
        secret_id: str,
        secret_key: str,
        token: str | None,
        region: str,
        sign_method: str,
        http_method: str,
        host: str,
        path: str,
        user_agent: str,
    ) -> None:
        middle = (("Region", region), ("SecretId", secret_id), ("SignatureMethod", sign_method))
        tail = (("Token", token),) if token else ()
        self._signer = Signer(secret_key, sign_method)
        self._path = path
        self._post = http_method == "POST"
        self._head = f"{http_method}{host}{path}?Action="
        self._middle = "".join(f"&{k}={v}" for k, v in middle) + "&Timestamp="
        self._middle_wire = "".join(f"&{k}={quote(v)}" for k, v in middle) + "&Timestamp="
        self._tail = "".join(f"&{k}={v}" for k, v in tail)
        self._tail_wire = "".join(f"&{k}={quote(v)}" for k, v in tail)
        self._get_headers = {"User-Agent": user_agent}
        self._post_headers = {
            **self._get_headers,
            "Content-Type": "application/x-www-form-urlencoded",
        }

    def __repr__(self) -> str:
        return "RequestSigner(<redacted>)"

    def __reduce__(self) -> tuple[object, ...]:
        raise TypeError("a RequestSigner is not picklable: it holds secrets")

    def lay_out(self, query: str) -> tuple[str, str, bytes | None, dict[str, str]]:
        """Method, target, body and headers of a signed request (``query``, from :meth:`sign`):
        a form body for POST, the query string for GET."""
        if self._post:
            return "POST", self._path, query.encode("ascii"), dict(self._post_headers)
        return "GET", f"{self._path}?{query}", None, dict(self._get_headers)

    def sign(
        self,
        action: str,
        signed: str,
        sent: str,
        *,
        timestamp: int | None = None,
        nonce_value: int | None = None,
    ) -> tuple[str, str]:
        """The string to sign, and the whole query (or form body) as sent, Signature last, of
        ``action`` with its parameters ``signed``/``sent`` (from ``Plan.encode``). Timestamp
        and Nonce are now and fresh unless given (the docs' examples give them)."""
        n = nonce() if nonce_value is None else nonce_value
        ts = int(time.time()) if timestamp is None else timestamp
        text = f"{self._head}{action}&Nonce={n}{self._middle}{ts}{self._tail}{signed}"
        signature = quote_signature(self._signer.sign(text))
        query = (
            f"Action={_quoted(action)}&Nonce={n}{self._middle_wire}{ts}{self._tail_wire}{sent}"
            f"&Signature={signature}"
        )
        return text, query
