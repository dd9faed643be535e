"""Faults a test injects: what the fake does instead of (or before) answering normally."""

from __future__ import annotations

import threading
from dataclasses import dataclass

__all__ = ["Fault", "Faults"]


@dataclass(frozen=True)
class Fault:
    """Something the fake does instead of (or before) answering normally.

    Build one with :meth:`delay`, :meth:`reset`, :meth:`http_error`, :meth:`body` or
    :meth:`truncated`, and queue it with :meth:`FakeBmlb.inject`.
    """

    kind: str
    seconds: float = 0.0
    status: int = 200
    payload: bytes = b""
    content_type: str = "application/json"
    applied: bool = False  # reset: whether the request was carried out before the reset

    @classmethod
    def delay(cls, seconds: float) -> Fault:
        """Wait ``seconds``, then answer normally."""
        return cls("delay", seconds=seconds)

    @classmethod
    def reset(cls, *, applied: bool = False) -> Fault:
        """Reset the connection without an answer; ``applied``: after carrying the request out."""
        return cls("reset", applied=applied)

    @classmethod
    def http_error(cls, status: int = 502, body: bytes | None = None) -> Fault:
        """Answer an HTTP error with an HTML body, as a proxy in front of the service would."""
        html = b"<html><head><title>502 Bad Gateway</title></head><body>bad gateway</body></html>"
        return cls("http", status=status, payload=html if body is None else body,
                   content_type="text/html; charset=utf-8")  # fmt: skip

    @classmethod
    def body(cls, payload: bytes, *, status: int = 200) -> Fault:
        """Answer exactly ``payload`` (not JSON, truncated JSON, anything)."""
        return cls("body", status=status, payload=payload)

    @classmethod
    def truncated(cls) -> Fault:
        """Announce the whole answer's length, send half of it, and close the connection."""
        return cls("truncated")


@dataclass
class _Queued:
    fault: Fault
    remaining: int
    action: str | None


class Faults:
    """The queue of injected faults, each for a number of requests (of one action, or any)."""

    def __init__(self) -> None:
        self._queue: list[_Queued] = []
        self._lock = threading.Lock()

    def add(self, fault: Fault, times: int, action: str | None) -> None:
        with self._lock:
            self._queue.append(_Queued(fault, times, action))

    def next(self, action: str | None) -> Fault | None:
        """The fault for this request, if one is queued for it (counted as used)."""
        if not self._queue:  # nothing queued (add() comes before the request is sent)
            return None
        with self._lock:
            for queued in self._queue:
                if queued.remaining > 0 and queued.action in (None, action):
                    queued.remaining -= 1
                    return queued.fault
            self._queue = [q for q in self._queue if q.remaining > 0]
        return None
