"""Keeping the secret key and the token out of everything the package shows.

A :class:`Scrubber` (one per client) blots them out (``<redacted>``) of whatever the peer
sends back, however it came: raw, percent-encoded (an echoed request line or form), or
JSON-escaped (``\\/`` as PHP writes it, ``\\u003d``): the bytes of a body, a decoded JSON
document (its strings, after decoding, so any escaping is undone first) and any text a
transport puts into an error. :func:`loggable` is what a request may be logged as.
"""

from __future__ import annotations

import json
from urllib.parse import quote

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping
    from typing import Any

__all__ = ["REDACTED", "Scrubber", "loggable"]

REDACTED = "<redacted>"
#: Shorter secrets are not scrubbed: real ones are far longer, and a short one would garble
#: unrelated text wherever it happens to occur.
_MIN_SECRET = 8


class Scrubber:
    """Blots the given secrets out of peer text (see the module's doc)."""

    __slots__ = ("_byte_forms", "_secrets", "_text_forms")

    def __init__(self, secrets: Iterable[str | None]) -> None:
        kept = tuple(dict.fromkeys(s for s in secrets if s and len(s) >= _MIN_SECRET))
        self._secrets = kept
        forms: dict[str, None] = {}
        for secret in kept:
            escaped = json.dumps(secret)[1:-1]
            for form in (secret, quote(secret, safe=""), escaped, escaped.replace("/", "\\/")):
                forms[form] = None
        # Longest first: a form that contains another is replaced whole.
        self._text_forms = tuple(sorted(forms, key=len, reverse=True))
        self._byte_forms = tuple(f.encode("utf-8", "replace") for f in self._text_forms)

    def __repr__(self) -> str:
        return f"Scrubber(<{len(self._secrets)} secrets>)"

    def __reduce__(self) -> tuple[object, ...]:
        raise TypeError("a Scrubber is not picklable: it holds secrets")

    def body(self, body: bytes) -> bytes:
        """A response body with every known form of a secret blotted out."""
        for form in self._byte_forms:
            if form in body:
                body = body.replace(form, b"<redacted>")
        return body

    def text(self, text: str) -> str:
        """A text with every known form of a secret blotted out."""
        for form in self._text_forms:
            if form in text:
                text = text.replace(form, REDACTED)
        return text

    def document(self, data: Any, body: bytes) -> Any:
        """A JSON document decoded from ``body`` (already passed through :meth:`body`) with
        the secrets blotted out of its strings, keys included, whatever escaping the peer
        used. Without a backslash in the body no string was escaped, so :meth:`body` found
        every secret already: ``data`` is returned as it is, as it is when no string holds
        one (checked on one C-level dump of the document, without copying it)."""
        if not self._secrets or b"\\" not in body:
            return data
        dumped = json.dumps(data, ensure_ascii=False)
        if not any(form in dumped for form in self._text_forms):
            return data
        return self._copy(data)

    def _copy(self, node: Any) -> Any:
        if isinstance(node, str):
            return self.text(node)
        if isinstance(node, dict):
            return {self._copy(k): self._copy(v) for k, v in node.items()}
        if isinstance(node, list):
            return [self._copy(v) for v in node]
        return node


def loggable(params: Mapping[str, str]) -> dict[str, str]:
    """Parameters as a request may be logged: no Signature, the Token blotted out, the
    SecretId shortened."""
    shown = {k: v for k, v in params.items() if k not in ("Signature", "Token")}
    secret_id = shown.get("SecretId", "")
    shown["SecretId"] = secret_id[:4] + "…" + secret_id[-4:] if len(secret_id) > 12 else "…"
    if "Token" in params:
        shown["Token"] = REDACTED
    return shown
