"""Signing of legacy v2 requests (HMAC over the sorted, unencoded parameters)."""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Mapping
from urllib.parse import quote

__all__ = ["SIGNATURE_METHODS", "encode_params", "sign", "string_to_sign"]

#: Digest per SignatureMethod value; the server takes anything else as HmacSHA1.
SIGNATURE_METHODS = {"HmacSHA256": hashlib.sha256, "HmacSHA1": hashlib.sha1}


def string_to_sign(method: str, host: str, path: str, params: Mapping[str, str]) -> str:
    """``METHOD + host + path + "?" + name=value&...`` sorted by name, values not encoded.

    Names are sorted as given (case-sensitive, code-point order, which is UTF-8 byte order);
    in the string only, ``_`` in a name becomes ``.``.
    """
    joined = "&".join(
        f"{name.replace('_', '.')}={params[name]}" for name in sorted(params) if name != "Signature"
    )
    return f"{method.upper()}{host}{path}?{joined}"


def sign(secret_key: str, text: str, method: str | None) -> str:
    """base64(HMAC(secret_key, text)) with SHA256 for ``HmacSHA256``, SHA1 otherwise."""
    digest = SIGNATURE_METHODS.get(method or "", hashlib.sha1)
    mac = hmac.new(secret_key.encode("utf-8"), text.encode("utf-8"), digest)
    return base64.b64encode(mac.digest()).decode("ascii")


def encode_params(params: Mapping[str, str]) -> str:
    """The form / query encoding of the parameters, every value encoded exactly once.

    Space is sent as ``%20``; ``/``, ``+`` and ``=`` (frequent in signatures) as ``%2F``,
    ``%2B`` and ``%3D``.
    """
    return "&".join(
        f"{quote(name, safe='')}={quote(value, safe='')}" for name, value in params.items()
    )
