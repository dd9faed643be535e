"""HTTP/1.1 message framing without I/O: bytes in, whole messages out (RFC 9110, RFC 9112).

The one place where this package reads and writes HTTP/1.1. The sync transport (blocking
sockets), the asyncio transport (an ``asyncio.Protocol``) and the fake's server feed it the
bytes they receive and send the bytes it makes; none of them parses HTTP itself.

- :class:`ResponseReader` (client side): told the method of the request just sent, it takes
  the bytes of the answer as they arrive and returns the whole :class:`Response` once its end
  is reached. :class:`RequestReader` (server side): takes whatever a client sends and hands
  out complete :class:`Request` objects in order (pipelined or cut anywhere).
- :class:`RequestWriter` and :func:`encode_response` make the bytes to send.

The rules, and why (``tests/transport/test_http11_differential.py`` holds them against h11,
the reference, on random and hostile byte streams, and lists where the two differ on purpose):

- Every 1xx answer but 101 is interim (RFC 9110 §15.2) and skipped: ``100 Continue`` and
  ``103 Early Hints`` are never taken for the answer. A 101 is refused: this client never asks
  to switch protocols, so a 101 cannot belong to its request.
- Framing (RFC 9112 §6.3): no body for a HEAD request, 1xx, 204, 304 and a 2xx answer to
  CONNECT; ``Transfer-Encoding: chunked`` beats ``Content-Length`` (and such a connection is not
  reused: the pair is how responses are smuggled); else ``Content-Length``; else the body runs
  to the end of the connection (requests: no body). A Transfer-Encoding other than exactly
  ``chunked`` is refused (nothing here decodes transfer codings, and nothing asked for one).
- ``Content-Length`` must be decimal digits (at most 20, as h11 allows). Repeats of the same
  value, as two fields or as ``N, N``, are read as that value: RFC 9110 §8.6 allows a recipient
  to, h11 does, and refusing them would fail answers that are unambiguous. Anything else
  (differing values, a sign, spaces inside, an empty value) is an unrecoverable framing error
  (RFC 9112 §6.3, 5), raised at once rather than read as "until the connection closes".
- Chunked bodies: a hexadecimal size (at most 20 digits; no sign), extensions after ``;``
  (ignored), the chunk's data and then exactly CRLF; trailer fields after the last chunk,
  checked like header fields and dropped.
- Line ends: CRLF, or a bare LF in the header section and the trailers (RFC 9112 §2.2 allows a
  recipient to, h11 does); a chunk-size line and the end of a chunk need CRLF. A bare CR
  anywhere in a field is refused (RFC 9112 §2.2). Bytes that cannot start the expected message
  fail at once instead of waiting for the end of a header section that will never come.
- Fields: a token name, a colon, and a value of visible characters, spaces and tabs (obs-text
  allowed; NUL, CR, LF, VT and FF refused); obsolete line folding is joined with one space.
  Names are lower-cased; repeated fields are joined with ``", "`` (RFC 9110 §5.3).
- Caps: the header section (interim answers included) and, separately, the trailers may take
  :data:`MAX_HEAD` bytes, a body :data:`MAX_BODY`; a ``Content-Length`` over the cap is refused
  before any of the body is read. Each message names the cap it broke.
- A connection may carry another exchange only when its answer ended exactly where the bytes
  received ended, the answer's framing was its length (not the end of the connection), and
  neither side said ``Connection: close`` (HTTP/1.0: unless it said ``keep-alive``).
  :attr:`ResponseReader.reusable` says so; bytes that arrive while no request is in flight
  make it False.

Errors are :class:`RemoteProtocolError` (the peer broke the protocol: the connection cannot be
used again) and :class:`LocalProtocolError` (what we were asked to send is not valid HTTP/1.1;
nothing was sent). Their text may quote the peer's bytes: a transport passes it through its
scrubber before it shows it to anyone.
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = [
    "MAX_BODY",
    "MAX_HEAD",
    "LocalProtocolError",
    "ProtocolError",
    "RemoteProtocolError",
    "Request",
    "RequestReader",
    "RequestWriter",
    "Response",
    "ResponseReader",
    "decode_content",
    "encode_response",
]

#: Most bytes of a header section (interim answers included) and, apart, of the trailers.
MAX_HEAD = 64 * 1024
#: Most bytes of a body: an answer of the API is a few hundred bytes; refuse floods.
MAX_BODY = 16 * 1024 * 1024
#: Most bytes of one chunk-size line (size and extensions).
MAX_CHUNK_LINE = 4096
#: Most bytes of the peer's kept by an error for its message (scrubbed whole, then cut).
_PEER_BYTES = 4096


class ProtocolError(Exception):
    """Not HTTP/1.1 as RFC 9112 frames it.

    ``peer``: the bytes of the peer's that the message quotes (where its ``{}`` stands). They
    may hold anything the peer echoed, secrets included: :meth:`describe` passes them through
    a scrubber whole, and only then cuts them to a short excerpt.
    """

    def __init__(self, text: str, peer: bytes | bytearray | None = None) -> None:
        super().__init__(text)
        self.text = text
        self.peer = None if peer is None else bytes(peer[:_PEER_BYTES])

    def describe(self, redact: Callable[[str], str] | None = None) -> str:
        """The message, scrubbed by ``redact``: the quoted peer bytes are scrubbed whole and
        then cut to at most 80 characters (shown as a Python string literal: control
        characters escaped)."""
        if self.peer is None:
            return self.text if redact is None else redact(self.text)
        shown = self.peer.decode("latin-1")
        if redact is not None:
            shown = redact(shown)
        return self.text.replace("{}", repr(shown if len(shown) <= 80 else shown[:80] + "…"), 1)

    def __str__(self) -> str:
        return self.describe()


class RemoteProtocolError(ProtocolError):
    """The peer broke the protocol (or a cap): the connection cannot be used again."""


class LocalProtocolError(ProtocolError):
    """What was to be sent is not valid HTTP/1.1 (a bad method, target or header); nothing
    was sent."""


class Response:
    """A final answer: status, reason phrase, fields by lower-case name, body."""

    __slots__ = ("body", "headers", "reason", "status")

    def __init__(self, status: int, reason: str, headers: dict[str, str], body: bytes) -> None:
        self.status = status
        self.reason = reason
        self.headers = headers
        self.body = body

    def __repr__(self) -> str:
        return f"Response({self.status}, {len(self.body)} bytes)"


class Request:
    """A complete request: method, target, minor version, fields by lower-case name (shared
    between requests with the same header section: read only), body, and whether the
    connection stays open after its answer."""

    __slots__ = ("body", "headers", "keep_alive", "method", "minor", "target")

    def __init__(
        self, method: str, target: str, minor: int, headers: dict[str, str], body: bytes,
        keep_alive: bool,
    ) -> None:  # fmt: skip
        self.method = method
        self.target = target
        self.minor = minor
        self.headers = headers
        self.body = body
        self.keep_alive = keep_alive

    def __repr__(self) -> str:
        return f"Request({self.method}, {len(self.body)} bytes)"


# -- grammar (RFC 9110 §5, RFC 9112 §3-§7; the same character classes as h11) ----------------

_TOKEN = rb"[-!#$%&'*+.^_`|~0-9a-zA-Z]+"
_VCHAR_OBS = rb"[^\x00\s]"  # visible ASCII and obs-text: not NUL, SP, HTAB, CR, LF, VT, FF
_FIELD = re.compile(
    rb"(" + _TOKEN + rb"):[ \t]*((?:" + _VCHAR_OBS + rb"+(?:[ \t]+" + _VCHAR_OBS + rb"+)*)?)[ \t]*"
)
_STATUS_LINE = re.compile(
    rb"HTTP/([0-9])\.([0-9]) ([0-9]{3})(?: ((?:[ \t]|" + _VCHAR_OBS + rb")*))?"
)
_REQUEST_LINE = re.compile(rb"(" + _TOKEN + rb") ([\x21-\x7e]+) HTTP/([0-9])\.([0-9])")
_CHUNK_LINE = re.compile(rb"([0-9A-Fa-f]{1,20})(?:;.*)?[ \t]*")
_LENGTH = re.compile(r"[0-9]{1,20}")
_BLANK_LINE = re.compile(rb"\n\r?\n")

_NO_BODY_STATUS = (204, 304)


def _split_lines(block: bytes) -> list[bytes]:
    """The lines of a header section (without its final line end): CRLF or bare LF. A CR
    before a line's LF is its line end; any other CR stays (and fails the field's check)."""
    if b"\n" not in block:
        return [block]
    lines = block.split(b"\n")
    last = lines.pop()
    lines = [line[:-1] if line[-1:] == b"\r" else line for line in lines]
    lines.append(last)
    return lines


def _parse_fields(lines: list[bytes], request: bool = False) -> dict[str, str]:
    """Field lines to a dict by lower-case name; repeated fields joined with ``", "``;
    obsolete line folding joined with one space. A request may not repeat Host
    (RFC 9112 §3.2)."""
    headers: dict[str, str] = {}
    folded: list[bytes] = []
    for line in lines:
        if line[:1] in (b" ", b"\t"):
            if not folded:
                raise RemoteProtocolError(
                    "a continuation line at the start of the fields: {}", line
                )
            folded[-1] = folded[-1] + b" " + line.lstrip(b" \t")
        else:
            folded.append(line)
    for line in folded:
        match = _FIELD.fullmatch(line)
        if match is None:
            raise RemoteProtocolError("malformed header line: {}", line)
        name = match.group(1).decode("ascii").lower()
        value = match.group(2).decode("latin-1")
        previous = headers.get(name)
        if previous is None:
            headers[name] = value
        elif request and name == "host":
            raise RemoteProtocolError("a request with more than one Host field")
        else:
            headers[name] = f"{previous}, {value}"
    return headers


def _content_length(value: str) -> int:
    """A Content-Length field's value; identical repeats (``"12, 12"``) are that value."""
    if value.isdigit() and value.isascii() and len(value) <= 20:
        return int(value)
    parts = {part.strip(" \t") for part in value.split(",")}
    if len(parts) != 1:
        raise RemoteProtocolError("conflicting Content-Length: {}", value.encode("latin-1"))
    (single,) = parts
    if not _LENGTH.fullmatch(single):
        raise RemoteProtocolError("malformed Content-Length: {}", value.encode("latin-1"))
    return int(single)


def _wants_close(headers: dict[str, str], minor: int) -> bool:
    """Whether the connection closes after this message (RFC 9112 §9.3)."""
    connection = headers.get("connection")
    if connection is None:
        return minor == 0
    tokens = {token.strip(" \t").lower() for token in connection.split(",")}
    return "close" in tokens or (minor == 0 and "keep-alive" not in tokens)


# Framing kinds, from the fields alone (the request method and the status can override it).
_BY_LENGTH = 0
_CHUNKED = 1
_TO_EOF = 2  # responses only; a request without length or chunking has no body


def _framing(headers: dict[str, str]) -> tuple[int, int, bool]:
    """(kind, length, ambiguous): how a message's body is delimited. ``ambiguous``: it had both
    Transfer-Encoding and Content-Length, which must not be followed by another message."""
    length = -1
    if "content-length" in headers:
        value = headers["content-length"]
        length = _content_length(value)
        if "," in value:  # "12, 12" is read as, and shown as, 12
            headers["content-length"] = value.split(",", 1)[0].strip(" \t")
    coding = headers.get("transfer-encoding")
    if coding is not None:
        if coding.lower() != "chunked":
            raise RemoteProtocolError(
                "unsupported Transfer-Encoding {} (only chunked is understood)",
                coding.encode("latin-1"),
            )
        headers["transfer-encoding"] = "chunked"
        return _CHUNKED, 0, length >= 0
    if length >= 0:
        return _BY_LENGTH, length, False
    return _TO_EOF, 0, False


# Parsed header sections, by their bytes: a peer sends the same few over and over (answers and
# requests differ in their bodies), so most messages need a dict lookup instead of a parse.
_Head = tuple[int, str, int, dict[str, str], int, int, bool, bool]
_RESPONSE_HEADS: dict[bytes, _Head] = {}
_REQUEST_FIELDS: dict[bytes, tuple[dict[str, str], int, int, bool, tuple[bool, bool]]] = {}
_MAX_CACHED = 256


def _parse_response_head(
    block: bytes,
) -> tuple[int, str, int, dict[str, str], int, int, bool, bool]:
    """(status, reason, minor, headers, kind, length, ambiguous, close) of a head."""
    lines = _split_lines(block)
    match = _STATUS_LINE.fullmatch(lines[0])
    if match is None or match.group(1) != b"1" or match.group(3)[:1] == b"0":
        raise RemoteProtocolError("malformed status line: {}", lines[0])
    minor = min(int(match.group(2)), 1)  # HTTP/1.2 and up are read as 1.1 (RFC 9110 §2.5)
    status = int(match.group(3))
    reason = (match.group(4) or b"").decode("latin-1")
    headers = _parse_fields(lines[1:])
    kind, length, ambiguous = _framing(headers)
    parsed = (status, reason, minor, headers, kind, length, ambiguous, _wants_close(headers, minor))
    if len(_RESPONSE_HEADS) >= _MAX_CACHED:
        _RESPONSE_HEADS.clear()
    _RESPONSE_HEADS[block] = parsed
    return parsed


# Where a reader stands.
_IDLE = 0  # no message expected (responses: no request in flight)
_HEAD = 1  # start line and fields (interim answers included)
_BODY = 2  # a body of ``need`` bytes (Content-Length)
_CHUNK_SIZE = 3  # a chunk-size line
_CHUNK_DATA = 4  # a chunk's data and its CRLF (``need`` bytes in all)
_TRAILERS = 5  # trailer lines up to an empty one
_UNTIL_EOF = 6  # a body delimited by the end of the connection


class _Reader:
    """What reading a response and reading a request share: the state machine from a header
    section to the end of a body, resumable wherever the bytes stop."""

    __slots__ = ("body", "budget", "buf", "keep", "max_body", "max_head", "need", "scan", "state")

    def __init__(self, max_head: int, max_body: int) -> None:
        self.max_head = max_head
        self.max_body = max_body
        self.state = _IDLE
        #: Bytes received and not yet consumed.
        self.buf = bytearray()
        #: Where to resume looking for a line end, from the start of the current part.
        self.scan = 0
        #: Bytes left for the header section (or the trailers).
        self.budget = max_head
        self.need = 0
        self.body = bytearray()
        #: The message allows another one after it on the connection.
        self.keep = False

    def _section(self, buf: bytes | bytearray, pos: int, what: str) -> tuple[bytes, int] | None:
        """The field block starting at ``pos`` (without its last line end) and the index after
        its blank line; None when it is not complete yet."""
        total = len(buf)
        end = buf.find(b"\r\n\r\n", pos + self.scan)
        if end >= 0:
            block = bytes(buf[pos:end])
            # The first blank line, unless a bare LF came before it (then the slow way).
            if block.count(b"\n") == block.count(b"\r\n"):
                if end + 4 - pos > self.budget:
                    raise RemoteProtocolError(f"{what} over the cap of {self.max_head} bytes")
                self.scan = 0
                return block, end + 4
        match = _BLANK_LINE.search(buf, pos + self.scan)
        if match is None or match.end() - pos > self.budget:
            if match is not None or total - pos > self.budget:
                raise RemoteProtocolError(f"{what} over the cap of {self.max_head} bytes")
            self.scan = max(0, total - pos - 3)
            return None
        self.scan = 0
        block = bytes(buf[pos : match.start()])
        return (block[:-1] if block[-1:] == b"\r" else block), match.end()

    def _body_cap(self, size: int) -> None:
        if size > self.max_body:
            raise RemoteProtocolError(
                f"the body is over the cap of {self.max_body} bytes ({size} bytes)"
            )

    def _start_body(self, kind: int, length: int) -> None:
        if kind == _BY_LENGTH:
            self._body_cap(length)
            self.need = length
            self.state = _BODY
        elif kind == _CHUNKED:
            self.body = bytearray()
            self.state = _CHUNK_SIZE
        else:
            self.state = _UNTIL_EOF

    def _body(self, buf: bytes | bytearray, pos: int) -> tuple[int, bytes | None]:
        """Read the body from ``pos``: (where it ended, the body) once it is complete, else
        (how far the bytes were consumed, None)."""
        total = len(buf)
        while True:
            state = self.state
            if state == _BODY:
                end = pos + self.need
                if end > total:
                    return pos, None
                return end, bytes(buf[pos:end])
            if state == _CHUNK_SIZE:
                end = buf.find(b"\r\n", pos + self.scan)
                if end < 0 or end - pos > MAX_CHUNK_LINE:
                    if end >= 0 or total - pos > MAX_CHUNK_LINE:
                        raise RemoteProtocolError(
                            f"a chunk-size line is over the cap of {MAX_CHUNK_LINE} bytes"
                        )
                    self.scan = max(0, total - pos - 1)
                    return pos, None
                line = bytes(buf[pos:end])
                match = _CHUNK_LINE.fullmatch(line)
                if match is None:
                    raise RemoteProtocolError("malformed chunk-size line: {}", line)
                pos = end + 2
                self.scan = 0
                size = int(match.group(1), 16)
                if size == 0:
                    self.budget = self.max_head
                    self.state = _TRAILERS
                    continue
                self._body_cap(len(self.body) + size)
                self.need = size + 2
                self.state = _CHUNK_DATA
            elif state == _CHUNK_DATA:
                end = pos + self.need
                if end > total:
                    return pos, None
                if buf[end - 2 : end] != b"\r\n":
                    raise RemoteProtocolError("malformed chunked body: no CRLF after a chunk")
                self.body += memoryview(buf)[pos : end - 2]
                pos = end
                self.state = _CHUNK_SIZE
            elif state == _TRAILERS:
                first = buf[pos : pos + 2]
                if first[:1] == b"\n" or first == b"\r\n":  # no trailers
                    end = pos + len(first) if first[:1] != b"\n" else pos + 1
                else:
                    if len(first) < 2:
                        return pos, None
                    section = self._section(buf, pos, "the trailers are")
                    if section is None:
                        return pos, None
                    block, end = section
                    _parse_fields(_split_lines(block))  # checked like header fields, dropped
                body, self.body = bytes(self.body), bytearray()
                return end, body
            else:  # _UNTIL_EOF: the end of the connection finishes it
                self._body_cap(total - pos)
                return pos, None


class ResponseReader(_Reader):
    """Reads the answer to one request at a time (client side).

    :meth:`expect` before the request goes out; then :meth:`feed` each piece received until it
    returns the :class:`Response`, or :meth:`feed_eof` when the peer closed first. A body with a
    ``Content-Encoding`` comes decoded (:func:`decode_content`). Raises
    :class:`RemoteProtocolError` when the answer breaks HTTP/1.1 or a cap; the reader is then
    idle again (the connection is not to be used).
    """

    __slots__ = ("_headers", "_reason", "_status", "method", "received", "reusable")

    def __init__(self, max_head: int = MAX_HEAD, max_body: int = MAX_BODY) -> None:
        super().__init__(max_head, max_body)
        self.method = ""
        #: Bytes of the current answer received so far (0: nothing came back).
        self.received = 0
        #: After an answer: whether the connection may carry another exchange (for a 2xx
        #: answer to CONNECT: whether the tunnel starts exactly where the bytes ended).
        self.reusable = False
        self._status = 0
        self._reason = ""
        self._headers: dict[str, str] = {}

    @property
    def expecting(self) -> bool:
        """A request is in flight and its answer is not complete."""
        return self.state != _IDLE

    def expect(self, method: str) -> None:
        """A request of ``method`` is about to be sent: read its answer next."""
        self.state = _HEAD
        self.method = method
        self.received = 0
        self.reusable = False
        self.budget = self.max_head
        self.scan = 0
        self.buf.clear()

    def feed(self, data: bytes) -> Response | None:
        """Take the next piece received; the answer once it is complete, else None."""
        if self.state == _IDLE:
            self.reusable = False  # bytes nobody asked for: the connection is out of step
            return None
        self.received += len(data)
        buf: bytes | bytearray = self.buf
        if buf:
            buf += data  # a bytearray, extended in place
        else:
            buf = data  # the usual case: the whole answer in one piece, parsed in place
        try:
            pos, response = self._advance(buf)
        except RemoteProtocolError:
            self.state = _IDLE
            self.buf.clear()
            raise
        if response is not None:
            self.buf.clear()
            if "content-encoding" in response.headers:
                reusable, self.reusable = self.reusable, False  # until it is decoded
                response.body = decode_content(response.headers, response.body, self.max_body)
                self.reusable = reusable
        elif buf is self.buf:
            if pos:
                del self.buf[:pos]
        else:  # keep the rest for the next piece
            self.buf += memoryview(buf)[pos:]
        return response

    def feed_eof(self) -> Response:
        """The peer closed its side: the answer if it ran to the end of the connection; else
        :class:`RemoteProtocolError` saying what was missing."""
        state, self.state = self.state, _IDLE
        buffered, self.buf = self.buf, bytearray()
        if state == _UNTIL_EOF:
            body = bytes(buffered)
            if "content-encoding" in self._headers:
                body = decode_content(self._headers, body, self.max_body)
            return Response(self._status, self._reason, self._headers, body)
        if self.received == 0:
            raise RemoteProtocolError("the server closed the connection without a response")
        if state == _BODY:
            raise RemoteProtocolError(
                f"the body was cut short: {len(buffered)} of {self.need} bytes"
            )
        where = "header section" if state == _HEAD else "chunked body"
        raise RemoteProtocolError(f"the connection closed in the middle of the answer's {where}")

    def _advance(self, buf: bytes | bytearray) -> tuple[int, Response | None]:
        pos = 0
        while self.state == _HEAD:
            if not b"HTTP/".startswith(buf[pos : pos + 5]):
                raise RemoteProtocolError("not an HTTP/1.1 answer: {}", buf[pos:])
            section = self._section(buf, pos, "the answer's header section is")
            if section is None:
                return pos, None
            block, end = section
            self.budget -= end - pos
            pos = end
            parsed = _RESPONSE_HEADS.get(block) or _parse_response_head(block)
            status, reason, _, headers, kind, length, ambiguous, close = parsed
            if status < 200:
                if status == 101:
                    raise RemoteProtocolError(
                        "the server switched protocols (101), which no request asked for"
                    )
                continue  # interim (100 Continue, 103 Early Hints): the answer follows
            self._status, self._reason, self._headers = status, reason, dict(headers)
            method = self.method
            if method == "CONNECT" and status < 300:
                self.state = _IDLE
                self.reusable = pos == len(buf)
                return pos, Response(status, reason, self._headers, b"")
            if method == "HEAD" or status in _NO_BODY_STATUS:
                self.state = _IDLE
                self.reusable = not close and not ambiguous and pos == len(buf)
                return pos, Response(status, reason, self._headers, b"")
            self.keep = not close and not ambiguous and kind != _TO_EOF
            if kind == _BY_LENGTH and pos + length <= len(buf):  # the usual case: all there
                self._body_cap(length)
                end = pos + length
                self.state = _IDLE
                self.reusable = self.keep and end == len(buf)
                return end, Response(status, reason, self._headers, bytes(buf[pos:end]))
            self._start_body(kind, length)
        end, body = self._body(buf, pos)
        if body is None:
            return end, None
        self.state = _IDLE
        # Bytes beyond the answer: the connection is out of step; do not reuse it.
        self.reusable = self.keep and end == len(buf)
        return end, Response(self._status, self._reason, self._headers, body)


class RequestReader(_Reader):
    """Reads the requests a client sends, in order (server side).

    :meth:`feed` what arrives (any amount: a piece of a request or several requests), then
    call :meth:`next_request` until it returns None. Raises :class:`RemoteProtocolError` when
    what came is not an HTTP/1.1 request; the connection should then be closed unanswered.
    """

    __slots__ = ("_pending",)

    def __init__(self, max_head: int = MAX_HEAD, max_body: int = MAX_BODY) -> None:
        super().__init__(max_head, max_body)
        self.state = _HEAD
        self._pending: tuple[str, str, int, dict[str, str]] | None = None

    def feed(self, data: bytes | bytearray | memoryview) -> None:
        self.buf += data

    def next_request(self) -> Request | None:
        """The next complete request, or None until more bytes come."""
        buf = self.buf
        if not buf:
            return None
        pos = 0
        if self.state == _HEAD:
            if buf[0] < 0x21:
                raise RemoteProtocolError("not an HTTP/1.1 request: {}", buf)
            section = self._section(buf, 0, "the request's header section is")
            if section is None:
                return None
            block, pos = section
            method, target, minor, headers, kind, length, close = _parse_request_head(block)
            self._pending = (method, target, minor, headers)
            self.keep = not close
            self._start_body(_BY_LENGTH if kind == _TO_EOF else kind, length)
        end, body = self._body(buf, pos)
        if end:
            del buf[:end]
        if body is None:
            return None
        assert self._pending is not None
        method, target, minor, headers = self._pending
        self._pending = None
        self.state = _HEAD
        self.budget = self.max_head
        return Request(method, target, minor, headers, body, self.keep)


def _parse_request_head(block: bytes) -> tuple[str, str, int, dict[str, str], int, int, bool]:
    """(method, target, minor, headers, kind, length, close) of a request's head: ``close``
    when the connection is not to carry another request after this one."""
    line, sep, fields = block.partition(b"\n")
    start = _REQUEST_LINES.get(line)
    if start is None:
        start = _parse_request_line(line)
    method, target, minor = start
    known = _REQUEST_FIELDS.get(fields)
    if known is None:
        headers = _parse_fields(_split_lines(fields), request=True) if sep else {}
        closes = (_wants_close(headers, 0), _wants_close(headers, 1))
        known = (headers, *_framing(headers), closes)
        if len(_REQUEST_FIELDS) >= _MAX_CACHED:
            _REQUEST_FIELDS.clear()
        _REQUEST_FIELDS[fields] = known
    headers, kind, length, ambiguous, closes = known
    if minor == 1 and "host" not in headers:
        raise RemoteProtocolError("an HTTP/1.1 request without a Host field")
    return method, target, minor, headers, kind, length, ambiguous or closes[minor]


#: Request lines already parsed: a client's POSTs all have the same one.
_REQUEST_LINES: dict[bytes, tuple[str, str, int]] = {}


def _parse_request_line(line: bytes) -> tuple[str, str, int]:
    """(method, target, minor) of a request line (with the CR of its line end, if any)."""
    text = line[:-1] if line[-1:] == b"\r" else line
    match = _REQUEST_LINE.fullmatch(text)
    if match is None or match.group(3) != b"1":
        raise RemoteProtocolError("malformed request line: {}", text)
    method, target = match.group(1).decode("ascii"), match.group(2).decode("ascii")
    parsed = (method, target, min(int(match.group(4)), 1))
    if len(_REQUEST_LINES) >= _MAX_CACHED:
        _REQUEST_LINES.clear()
    _REQUEST_LINES[line] = parsed
    return parsed


# -- writing -----------------------------------------------------------------------------------

_TARGET_OR_METHOD = re.compile(r"[\x21-\x7e]+")
_NAME = re.compile(r"[-!#$%&'*+.^_`|~0-9a-zA-Z]+")
# A value may hold tabs and any character from 0x20 up, but no CR, LF, NUL or other control
# character (header injection).
_BAD_VALUE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")


class RequestWriter:
    """The bytes of requests to one origin: the request line, ``Host`` (unless given),
    the given fields, ``Content-Length`` from the body, ``Accept-Encoding: identity`` and
    ``Connection: keep-alive`` (unless given).

    Refuses (:class:`LocalProtocolError`) what would corrupt the request line or inject
    fields. A client sends the same few header sets and request lines over and over: their
    checked, encoded forms are kept.
    """

    __slots__ = ("_heads", "_host", "_line")

    def __init__(self, host: str) -> None:
        self._host = host
        #: The encoded field lines of the header dicts seen, before and after Content-Length.
        self._heads: dict[tuple[tuple[str, str], ...], tuple[bytes, bytes]] = {}
        #: The last request line, checked and encoded (a client's POSTs all have the same).
        self._line: tuple[str, str, bytes] = ("", "", b"")

    def encode(
        self, method: str, target: str, body: bytes | None, headers: dict[str, str]
    ) -> bytes:
        last_method, last_target, line = self._line
        if target != last_target or method != last_method:
            if not _TARGET_OR_METHOD.fullmatch(method) or not _TARGET_OR_METHOD.fullmatch(target):
                raise LocalProtocolError(f"invalid request line: {method!r} {target!r}")
            line = f"{method} {target} HTTP/1.1\r\n".encode("ascii")  # checked: visible ASCII
            self._line = (method, target, line)
        key = tuple(headers.items())
        lines = self._heads.get(key)
        if lines is None:
            lines = self._field_lines(headers)
            if len(self._heads) >= 16:  # a client sends a few header sets, not many
                self._heads.clear()
            self._heads[key] = lines
        before, after = lines
        if body is None:
            return b"".join((line, before, after, b"\r\n"))
        return b"".join((line, before, b"Content-Length: %d\r\n" % len(body), after, b"\r\n", body))

    def _field_lines(self, headers: dict[str, str]) -> tuple[bytes, bytes]:
        """The field lines that come before ``Content-Length`` and after it, checked."""
        given = {name.lower() for name in headers}
        before = []
        if "host" not in given:
            before.append(f"Host: {self._host}\r\n")
        for name, value in headers.items():
            lowered = name.lower()
            if lowered in ("content-length", "transfer-encoding"):
                continue
            if not _NAME.fullmatch(name) or _BAD_VALUE.search(value):
                raise LocalProtocolError(f"invalid header: {name!r}: {value!r}")
            before.append(f"{name}: {value}\r\n")
        after = "" if "accept-encoding" in given else "Accept-Encoding: identity\r\n"
        if "connection" not in given:
            after += "Connection: keep-alive\r\n"
        try:
            return "".join(before).encode("latin-1"), after.encode("latin-1")
        except UnicodeEncodeError:
            raise LocalProtocolError("invalid header: not latin-1 text") from None


_REASONS = {
    100: "Continue", 200: "OK", 204: "No Content", 400: "Bad Request", 403: "Forbidden",
    404: "Not Found", 405: "Method Not Allowed", 429: "Too Many Requests",
    500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable",
    504: "Gateway Timeout",
}  # fmt: skip
_RESPONSE_PREFIXES: dict[tuple[int, tuple[tuple[str, str], ...], bool], bytes] = {}


def encode_response(
    status: int, fields: tuple[tuple[str, str], ...], body: bytes, *, close: bool = False
) -> bytes:
    """An answer with ``Content-Length`` (and ``Connection: close`` when ``close``). The head
    up to the length is kept per (status, fields): a server sends the same few."""
    key = (status, fields, close)
    prefix = _RESPONSE_PREFIXES.get(key)
    if prefix is None:
        lines = [f"HTTP/1.1 {status} {_REASONS.get(status, '')}\r\n"]
        lines.extend(f"{name}: {value}\r\n" for name, value in fields)
        if close:
            lines.append("Connection: close\r\n")
        prefix = ("".join(lines) + "Content-Length: ").encode("latin-1")
        if len(_RESPONSE_PREFIXES) < _MAX_CACHED:
            _RESPONSE_PREFIXES[key] = prefix
    return b"%s%d\r\n\r\n%s" % (prefix, len(body), body)


# -- content codings ---------------------------------------------------------------------------


def decode_content(headers: dict[str, str], body: bytes, max_body: int = MAX_BODY) -> bytes:
    """The body with its ``Content-Encoding`` undone: gzip (``x-gzip``) and deflate, at most
    ``max_body`` bytes decoded (a small compressed answer may inflate to gigabytes). A request
    asks for ``identity``; these are decoded anyway because proxies compress regardless. Any
    other coding is a :class:`RemoteProtocolError` that names it."""
    coding = headers.get("content-encoding")
    if coding is None:
        return body
    codings = [c.strip(" \t").lower() for c in coding.split(",") if c.strip(" \t")]
    for name in reversed(codings):  # applied in order: undone last first
        if name == "identity":
            continue
        if name not in ("gzip", "x-gzip", "deflate"):
            raise RemoteProtocolError(
                "the answer is encoded with {} (Content-Encoding), which this client does not "
                "decode; it asked for identity",
                name.encode("latin-1"),
            )
        import zlib  # only when an answer comes compressed

        wbits = 16 + zlib.MAX_WBITS if name != "deflate" else zlib.MAX_WBITS
        try:
            inflater = zlib.decompressobj(wbits)
            decoded = inflater.decompress(body, max_body + 1)
            if name == "deflate" and not decoded and body and not inflater.eof:
                raise zlib.error("no zlib header")
        except zlib.error:
            if name != "deflate":
                raise RemoteProtocolError(f"the answer's {name} encoding is corrupt") from None
            try:  # "deflate" as some servers send it: raw, without the zlib wrapper
                inflater = zlib.decompressobj(-zlib.MAX_WBITS)
                decoded = inflater.decompress(body, max_body + 1)
            except zlib.error:
                raise RemoteProtocolError("the answer's deflate encoding is corrupt") from None
        if len(decoded) > max_body:
            raise RemoteProtocolError(
                f"the answer's {name}-decoded body is over the cap of {max_body} bytes"
            )
        if not inflater.eof:
            raise RemoteProtocolError(f"the answer's {name} encoding is cut short")
        body = decoded
    return body
