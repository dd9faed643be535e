"""Shared fixtures: fake credentials, a clean environment, a client bound to a loopback server."""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

import pytest
from pytest_httpserver import HTTPServer
from qcloud_bmlb import Client
from werkzeug import Request, Response

SECRET_ID = "AKIDtestFAKEsecretIdValue0123456789"
SECRET_KEY = "fakeSecretKey/With+Special=Chars0123"
TOKEN = "fakeSessionToken+With/Special=Chars"
REGION = "gz"
API_PATH = "/v2/index.php"


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    """No TENCENTCLOUD_* (nor tccli's, the endpoint's, OpenSSL's CA) variable and no real
    profile file can reach a test."""
    for name in list(os.environ):
        if name.startswith(("TENCENTCLOUD_", "TCCLI_", "QCLOUD_BMLB_", "SSL_CERT_")):
            monkeypatch.delenv(name, raising=False)
    # Nor can a proxy setting of the machine (the transport reads them; see test_security_tls).
    for name in ("http_proxy", "https_proxy", "no_proxy", "all_proxy", "REQUEST_METHOD"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("USERPROFILE", raising=False)


def endpoint_of(server: HTTPServer) -> str:
    return server.url_for("/").rstrip("/")


@pytest.fixture
def endpoint(httpserver: HTTPServer) -> str:
    return endpoint_of(httpserver)


@pytest.fixture
def client(endpoint: str) -> Iterator[Client]:
    with Client(secret_id=SECRET_ID, secret_key=SECRET_KEY, region=REGION, endpoint=endpoint) as c:
        yield c


@dataclass
class Recorded:
    """One request as the server saw it."""

    method: str
    path: str
    content_type: str | None
    query: list[tuple[str, str]]
    body: bytes

    @property
    def body_params(self) -> list[tuple[str, str]]:
        return parse_qsl(
            self.body.decode("ascii"), keep_blank_values=True, strict_parsing=bool(self.body)
        )

    @property
    def params(self) -> dict[str, str]:
        """The parameters where the method puts them; a repeated name fails the test."""
        pairs = self.body_params if self.method == "POST" else self.query
        out = dict(pairs)
        assert len(out) == len(pairs), f"a parameter was sent twice: {pairs}"
        return out


def record(request: Request) -> Recorded:
    return Recorded(
        method=request.method,
        path=request.path,
        content_type=request.headers.get("Content-Type"),
        query=parse_qsl(request.query_string.decode("ascii"), keep_blank_values=True),
        body=request.get_data(),
    )


def recorded(server: HTTPServer) -> list[Recorded]:
    """Every request the server received so far, in order."""
    return [record(request) for request, _ in server.log]


def answer(
    server: HTTPServer, payload: Any, *, status: int = 200, content_type: str = "application/json"
) -> None:
    """Answer every request to the API path with ``payload`` (JSON-encoded unless bytes/str)."""
    body = payload if isinstance(payload, (bytes, str)) else json.dumps(payload)
    server.expect_request(API_PATH).respond_with_response(
        Response(body, status=status, content_type=content_type)
    )


# --- secrets never reach a log record: checked over the whole suite ------------------------
# Every record of the "qcloud_bmlb" loggers, at every level (the loggers are set to DEBUG for
# the run), is formatted and kept; every secret key and token a Credentials was made with is
# remembered; at the end of the session, the records are searched for the secrets. A leak
# fails the run (exit status 1) and is listed in the terminal summary.

_LOG_TEXTS: list[str] = []
_SECRETS_SEEN: set[str] = {SECRET_KEY, TOKEN}
_LEAKS: list[str] = []


class _RecordEverything(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        try:
            _LOG_TEXTS.append(self.format(record))
        except Exception:  # a record that cannot be formatted: keep its raw parts
            _LOG_TEXTS.append(f"{record.msg!r} {record.args!r}")


def pytest_sessionstart(session: pytest.Session) -> None:
    from qcloud_bmlb import _credentials

    handler = _RecordEverything(level=logging.DEBUG)
    handler.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
    package_logger = logging.getLogger("qcloud_bmlb")
    package_logger.addHandler(handler)
    package_logger.setLevel(logging.DEBUG)

    init = _credentials.Credentials.__init__

    def remembering_init(self: Any, *args: Any, **kwargs: Any) -> None:
        init(self, *args, **kwargs)
        for secret in (self.secret_key, self.token):
            if isinstance(secret, str) and len(secret) >= 8:  # shorter ones match by chance
                _SECRETS_SEEN.add(secret)

    _credentials.Credentials.__init__ = remembering_init  # type: ignore[method-assign]


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    for text in _LOG_TEXTS:
        for secret in _SECRETS_SEEN:
            if secret in text:
                _LEAKS.append(f"{secret[:3]}… in {text[:200]!r}")
    if _LEAKS:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: Any) -> None:
    terminalreporter.write_line(
        f"secret scan: {len(_LOG_TEXTS)} qcloud_bmlb log records (DEBUG and up) searched for "
        f"{len(_SECRETS_SEEN)} secret keys and tokens: {len(_LEAKS)} leak(s)"
    )
    for leak in _LEAKS:
        terminalreporter.write_line(f"  LEAK: {leak}", red=True)
