"""TLS for real, and proxies from the environment.

A self-signed certificate for 127.0.0.1 is made with ``openssl`` in the test; an ssl-wrapped
stdlib server answers a canned success. Default verification refuses it (ConnectError naming
the certificate), the certificate as CA bundle (``verify=path``) is accepted, ``verify=False``
works and warns. A small CONNECT / forward proxy on 127.0.0.1 counts what passes through it.
"""

from __future__ import annotations

import json
import select
import socket
import ssl
import threading
import warnings
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from qcloud_bmlb import Client, errors
from qcloud_bmlb._transport import Endpoint, Proxy, proxy_from_environment
from qcloud_bmlb.testing import FakeBmlb

from tests.support.tls import self_signed_cert

OK = json.dumps({"code": 0, "message": "", "codeDesc": "Success", "data": {"status": 0}}).encode()
KEYS = {"secret_id": "AKIDtls000000000", "secret_key": "tlsSecretKey0000", "region": "gz"}


@pytest.fixture(scope="module")
def cert(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return self_signed_cert(tmp_path_factory.mktemp("tls"))


class _Canned(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(OK)))
        self.end_headers()
        self.wfile.write(OK)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def https_server(cert):
    crt, key = cert
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Canned)
    server.daemon_threads = True
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(crt, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    yield f"https://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def task(client: Client):
    return client.describe_bm_load_balancers_task_result(request_id=1)


def test_default_verification_refuses_a_self_signed_certificate(https_server):
    with Client(endpoint=https_server, retries=0, **KEYS) as client:
        with pytest.raises(errors.ConnectError) as info:
            task(client)
    assert "certificate" in str(info.value).lower()
    assert info.value.sent is False  # nothing went out over the untrusted connection


def test_custom_ca_bundle_is_trusted(https_server, cert):
    with Client(endpoint=https_server, verify=str(cert[0]), **KEYS) as client:
        assert task(client).status == 0


def test_verify_false_works_and_warns(https_server):
    with pytest.warns(UserWarning, match="verification is off"):
        client = Client(endpoint=https_server, verify=False, **KEYS)
    with client:
        assert task(client).status == 0


def test_a_missing_ca_bundle_is_a_configuration_error(tmp_path):
    with pytest.raises(errors.ConfigurationError, match="CA bundle"):
        Client(endpoint="https://127.0.0.1:1", verify=str(tmp_path / "none.pem"), **KEYS)


def test_verification_is_on_without_a_warning_by_default():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        client = Client(endpoint="https://bmlb.api.qcloud.com", **KEYS)
    context = client._ssl
    assert context is not None
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname


# --- proxies ---------------------------------------------------------------------------------


class CountingProxy:
    """A CONNECT (https) and forward (http, absolute-form) proxy on 127.0.0.1 that pipes bytes
    to the origin and counts the connections and request lines it saw."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.lines: list[str] = []
        self.headers: list[str] = []
        self.stop = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _accept(self) -> None:
        self.sock.settimeout(0.05)
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, client: socket.socket) -> None:
        with client:
            data = b""
            while b"\r\n\r\n" not in data:
                chunk = client.recv(65536)
                if not chunk:
                    return
                data += chunk
            head = data.split(b"\r\n\r\n", 1)[0].decode("latin-1")
            line = head.split("\r\n", 1)[0]
            self.lines.append(line)
            self.headers.append(head)
            method, target, _ = line.split(" ", 2)
            if method == "CONNECT":
                host, port = target.rsplit(":", 1)
                upstream = socket.create_connection((host, int(port)))
                client.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
                rest = data.split(b"\r\n\r\n", 1)[1]
            else:
                origin = target.split("//", 1)[1].split("/", 1)[0]
                host, port = origin.rsplit(":", 1)
                upstream = socket.create_connection((host, int(port)))
                rest = data  # absolute-form is passed on as is: HTTP/1.1 servers accept it
            with upstream:
                if rest:
                    upstream.sendall(rest)
                self._pipe(client, upstream)

    def _pipe(self, a: socket.socket, b: socket.socket) -> None:
        while not self.stop.is_set():
            ready, _, _ = select.select([a, b], [], [], 0.1)
            for sock in ready:
                try:
                    chunk = sock.recv(65536)
                except OSError:
                    return
                if not chunk:
                    return
                (b if sock is a else a).sendall(chunk)

    def close(self) -> None:
        self.stop.set()
        self.sock.close()


@pytest.fixture
def proxy():
    p = CountingProxy()
    yield p
    p.close()


def test_https_goes_through_a_connect_tunnel_from_https_proxy(
    https_server, cert, proxy, monkeypatch
):
    monkeypatch.setenv("HTTPS_PROXY", proxy.url)
    with Client(endpoint=https_server, verify=str(cert[0]), **KEYS) as client:
        for _ in range(3):
            assert task(client).status == 0
    port = https_server.rsplit(":", 1)[1]
    # One tunnel, reused: TLS end to end with the origin (its certificate was verified).
    assert len(proxy.lines) == 1
    assert proxy.lines[0].startswith(f"CONNECT 127.0.0.1:{port} HTTP/1.")


def test_http_goes_through_http_proxy_in_absolute_form(proxy, monkeypatch):
    with FakeBmlb() as fake:
        monkeypatch.setenv("http_proxy", proxy.url)
        with fake.client() as client:
            with pytest.raises(errors.ApiError):  # the fake's "no such task": it answered
                task(client)
        assert len(fake.requests) == 1
        assert proxy.lines == [f"POST {fake.endpoint}/v2/index.php HTTP/1.1"]


def test_proxy_credentials_are_sent_and_never_shown(proxy, monkeypatch, https_server, cert):
    monkeypatch.setenv("https_proxy", f"http://user:pa%40ss@127.0.0.1:{proxy.port}")
    with Client(endpoint=https_server, verify=str(cert[0]), **KEYS) as client:
        assert task(client).status == 0
        assert "pa@ss" not in repr(client._transport.proxy)
    assert "Proxy-Authorization: Basic dXNlcjpwYUBzcw==" in proxy.headers[0]


def test_no_proxy_exempts_listed_hosts(proxy, monkeypatch):
    with FakeBmlb() as fake:
        monkeypatch.setenv("HTTP_PROXY", proxy.url)
        monkeypatch.setenv("NO_PROXY", "example.com, 127.0.0.1")
        with fake.client() as client, pytest.raises(errors.ApiError):
            task(client)
        assert len(fake.requests) == 1
    assert proxy.lines == []


def test_unreachable_proxy_is_a_connect_error_naming_it(monkeypatch):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    monkeypatch.setenv("HTTPS_PROXY", f"http://u:secretpw@127.0.0.1:{port}")
    with Client(endpoint="https://bmlb.api.qcloud.com", retries=0, **KEYS) as client:
        with pytest.raises(errors.ConnectError) as info:
            task(client)
    assert f"via proxy http://127.0.0.1:{port}" in str(info.value)
    assert "secretpw" not in str(info.value)


EP_HTTPS = Endpoint("https", "bmlb.api.qcloud.com", 443)
EP_LOCAL = Endpoint("http", "127.0.0.1", 8080)


@pytest.mark.parametrize(
    ("endpoint", "environ", "expected"),
    [
        (EP_HTTPS, {}, None),
        (EP_HTTPS, {"HTTPS_PROXY": "http://p:3128"}, ("p", 3128)),
        (EP_HTTPS, {"https_proxy": "p2:8080", "HTTPS_PROXY": "http://p:3128"}, ("p2", 8080)),
        (EP_HTTPS, {"HTTP_PROXY": "http://p:3128"}, None),  # http_proxy is for http endpoints
        (EP_LOCAL, {"HTTP_PROXY": "http://p:3128"}, ("p", 3128)),  # loopback: only if listed
        (EP_LOCAL, {"http_proxy": "http://p", "no_proxy": "127.0.0.1"}, None),
        (EP_LOCAL, {"http_proxy": "http://p", "no_proxy": "127.0.0.1:8080"}, None),
        (EP_LOCAL, {"http_proxy": "http://p", "no_proxy": "127.0.0.1:9"}, ("p", 80)),
        (EP_HTTPS, {"HTTPS_PROXY": "http://p", "NO_PROXY": "qcloud.com"}, None),
        (EP_HTTPS, {"HTTPS_PROXY": "http://p", "NO_PROXY": ".qcloud.com"}, None),
        (EP_HTTPS, {"HTTPS_PROXY": "http://p", "NO_PROXY": "cloud.com"}, ("p", 80)),
        (EP_HTTPS, {"HTTPS_PROXY": "http://p", "NO_PROXY": "*"}, None),
        (EP_HTTPS, {"HTTPS_PROXY": "http://p", "NO_PROXY": "localhost"}, ("p", 80)),
        # Under CGI, HTTP_PROXY comes from the client's "Proxy:" header ("httpoxy").
        (EP_LOCAL, {"HTTP_PROXY": "http://evil", "REQUEST_METHOD": "GET"}, None),
    ],
)
def test_proxy_environment_rules(endpoint, environ, expected):
    found = proxy_from_environment(endpoint, environ)
    assert (None if found is None else (found.host, found.port)) == expected


@pytest.mark.parametrize("url", ["https://p:3128", "socks5://p:1080", "http://", "http://p:x"])
def test_unsupported_proxy_urls_are_configuration_errors(url):
    with pytest.raises(errors.ConfigurationError, match="proxy"):
        Proxy.parse(url)
