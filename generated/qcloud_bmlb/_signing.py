"""Signing of legacy v2 requests (HMAC over the sorted, unencoded parameters).

Hot path of every call (``benchmarks/overhead.py``): joins and sorts run in C
(``"=".join`` mapped over the items), values that need no percent-encoding (nearly all) are
not passed through ``urllib.parse.quote`` one by one, and the HMAC is ``hmac.digest``.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from collections.abc import Mapping
from urllib.parse import quote

__all__ = [
    "SIGNATURE_METHODS",
    "Signer",
    "encode_params",
    "quote_signature",
    "sign",
    "string_to_sign",
]

#: Digest per SignatureMethod value; the server takes anything else as HmacSHA1.
SIGNATURE_METHODS = {"HmacSHA256": hashlib.sha256, "HmacSHA1": hashlib.sha1}
_DIGEST_NAMES = {"HmacSHA256": "sha256", "HmacSHA1": "sha1"}

#: What ``quote(text, safe="")`` leaves as it is: text made only of these needs no encoding.
_UNRESERVED = re.compile(r"[A-Za-z0-9_.~-]*").fullmatch


def string_to_sign(method: str, host: str, path: str, params: Mapping[str, str]) -> str:
    """``METHOD + host + path + "?" + name=value&...`` sorted by name, values not encoded.

    Names are sorted as given (case-sensitive, code-point order, which is UTF-8 byte order);
    in the string only, ``_`` in a name becomes ``.``.
    """
    names = sorted(params)
    if "Signature" in params:
        names.remove("Signature")
    values = map(params.__getitem__, names)
    if "_" in "".join(names):
        names = [name.replace("_", ".") for name in names]
    pairs = zip(names, values, strict=True)
    return f"{method.upper()}{host}{path}?{'&'.join(map('='.join, pairs))}"


def sign(secret_key: str, text: str, method: str | None) -> str:
    """base64(HMAC(secret_key, text)) with SHA256 for ``HmacSHA256``, SHA1 otherwise."""
    digest = _DIGEST_NAMES.get(method or "", "sha1")
    mac = hmac.digest(secret_key.encode("utf-8"), text.encode("utf-8"), digest)
    return base64.b64encode(mac).decode("ascii")


class Signer:
    """:func:`sign` for one secret key, keyed once (RFC 2104): the inner and outer hashes
    are started on the padded key here, and each signature copies them. Against
    ``hmac.digest``, which sets the key up anew each time, ~2.1 µs a signature instead of
    ~4.1 µs (timeit on a 280-byte string). Neither its repr nor pickling reveals the key."""

    __slots__ = ("_inner", "_outer")

    def __init__(self, secret_key: str, method: str | None) -> None:
        new = SIGNATURE_METHODS.get(method or "", hashlib.sha1)
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
    """``quote(signature, safe="")`` of a base64 signature: only ``+``, ``/`` and ``=`` change."""
    return signature.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D")


def encode_params(params: Mapping[str, str]) -> str:
    """The form / query encoding of the parameters, every value encoded exactly once.

    Space is sent as ``%20``; ``/``, ``+`` and ``=`` (frequent in signatures) as ``%2F``,
    ``%2B`` and ``%3D``.
    """
    if _UNRESERVED("".join(params)) and _UNRESERVED("".join(params.values())):
        return "&".join(map("=".join, params.items()))
    return "&".join(f"{_quote(name)}={_quote(value)}" for name, value in params.items())


#: ``quote(c, safe="")`` of every ASCII character, as a ``str.translate`` table: the
#: signature (always holding ``+``, ``/`` or ``=``) is encoded in C instead of through
#: ``urllib.parse.quote`` (~15 µs a call, measured with cProfile on benchmarks/overhead.py).
_ASCII_ESCAPES = {c: f"%{c:02X}" for c in range(128) if not _UNRESERVED(chr(c))}


def _quote(text: str) -> str:
    if text.isascii():
        return text.translate(_ASCII_ESCAPES)
    return quote(text, safe="")
