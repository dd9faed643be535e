"""The secret key and the session token never appear in repr()/str() of the client, the
credentials, a result or an exception, in a pickled exception, or in a log record — not even
when the server (or a proxy's error page) echoes them back. (The whole suite's log records are
also searched at the end of the run: see ``tests/conftest.py``.)"""

from __future__ import annotations

import json
import logging
import pickle
from urllib.parse import quote

import pytest
from qcloud_bmlb import Backend, Retry, Timeout, errors
from qcloud_bmlb.testing import DEFAULT_SEED, FakeBmlb, Fault

SECRET_ID = "AKIDsecurityTest000000000001"
SECRET_KEY = "securityKey+With/Special=Chars0123456"
TOKEN = "securityToken+With/Special=Chars9876543"
SECRETS = (SECRET_KEY, TOKEN, quote(SECRET_KEY, safe=""), quote(TOKEN, safe=""))
FAST = Retry(attempts=2, backoff=0, cap=0, deadline=10)


def assert_clean(*things: object) -> None:
    for thing in things:
        for text in (repr(thing), str(thing)):
            for secret in SECRETS:
                assert secret not in text, f"{secret!r} leaked in {text[:300]!r}"


def assert_pickle_clean(exc: BaseException) -> None:
    data = pickle.dumps(exc)
    for secret in SECRETS:
        assert secret.encode() not in data, f"{secret!r} in a pickled {type(exc).__name__}"
    copy = pickle.loads(data)
    assert_clean(copy, copy.__dict__)


@pytest.fixture
def fake():
    with FakeBmlb(seed=DEFAULT_SEED) as fake:
        fake.task_polls = 0
        fake.add_credentials(SECRET_ID, SECRET_KEY, TOKEN)
        yield fake


@pytest.fixture
def client(fake):
    with fake.client(
        secret_id=SECRET_ID, secret_key=SECRET_KEY, token=TOKEN, retries=FAST,
        timeout=Timeout(connect=5, read=10),
    ) as client:  # fmt: skip
        yield client


def probe(client, **options):
    return client.modify_bm_l4_listener_backend_probe_port(
        load_balancer_id="lb-abcdefgh", listener_id="lbl-abcdefgh", instance_id="cpm-abcdefgh",
        port=1234, probe_port=9000, **options,
    )  # fmt: skip


def echo(*parts: str) -> bytes:
    return " ".join(parts).encode()


def test_client_credentials_and_result_never_show_secrets(client, fake):
    result = probe(client)
    assert fake.requests[-1]["Token"] == TOKEN  # the token was really sent
    assert_clean(client, client.credentials, result, result.raw, vars(result.__class__))
    assert SECRET_ID in repr(client)  # the id is not a secret: it says which key is in use


ECHOES = {
    # a proxy's error page quoting the request it refused
    "http-400-echo": (
        lambda: Fault.http_error(400, body=echo("<pre>Token=", quote(TOKEN, safe=""), "</pre>")),
        errors.HTTPStatusError,
    ),
    "http-502-echo-raw": (
        lambda: Fault.http_error(502, body=echo("upstream said", TOKEN, SECRET_KEY)),
        errors.HTTPStatusError,
    ),
    "not-json-echo": (lambda: Fault.body(echo("oops", SECRET_KEY)), errors.MalformedResponseError),
    "api-error-echo": (
        lambda: Fault.body(
            json.dumps(
                {
                    "code": 4100,
                    "message": f"bad token {TOKEN}",
                    "codeDesc": "AuthFailure",
                    "echo": {"Token": TOKEN, "list": [SECRET_KEY]},
                }
            ).encode()
        ),
        errors.AuthFailure,
    ),
}


@pytest.mark.parametrize("name", list(ECHOES))
def test_echoed_secrets_are_blotted_out_of_exceptions(client, fake, name, caplog):
    fault, cls = ECHOES[name]
    fake.inject(fault(), times=5)
    caplog.set_level(logging.DEBUG, logger="qcloud_bmlb")
    with pytest.raises(errors.BmlbError) as info:
        probe(client)
    exc = info.value
    assert isinstance(exc, cls), repr(exc)
    assert_clean(exc, exc.__dict__)
    assert_pickle_clean(exc)
    if isinstance(exc, errors.ResponseError):
        assert "<redacted>" in exc.body_excerpt
    assert_clean(*(r.getMessage() for r in caplog.records))


def test_echoed_secrets_are_blotted_out_of_a_result(client, fake):
    payload = {"code": 0, "message": "", "requestId": 5, "echo": f"Token={TOKEN}"}
    fake.inject(Fault.body(json.dumps(payload).encode()))
    result = probe(client)
    assert result.request_id == 5
    assert result.raw["echo"] == "Token=<redacted>"
    assert_clean(result, result.raw)


def test_transport_and_timeout_errors_hold_no_secrets(client, fake, caplog):
    caplog.set_level(logging.DEBUG, logger="qcloud_bmlb")
    for fault, cls in ((Fault.reset(), errors.TransportError),
                       (Fault.delay(1.0), errors.RequestTimeoutError),
                       (Fault.truncated(), errors.TransportError)):  # fmt: skip
        fake.inject(fault, times=2)
        with pytest.raises(cls) as info:
            probe(client, timeout=Timeout(connect=5, read=0.3))
        assert_clean(info.value, info.value.__dict__)
        assert_pickle_clean(info.value)
    with pytest.raises(errors.ValidationError) as bad:
        client.unbind_bm_l4_listener_rs(
            load_balancer_id="lb-abcdefgh", listener_id="lbl-abcdefgh",
            backends=[Backend(instance_id="cpm-1", port=0)],
        )  # fmt: skip
    assert_clean(bad.value)
    assert_pickle_clean(bad.value)
    assert caplog.records, "the failures above should have been logged"
    assert_clean(*(r.getMessage() for r in caplog.records))


def test_task_errors_hold_no_secrets(client, fake):
    fake.fail_next_task()
    started = probe(client)
    with pytest.raises(errors.TaskFailedError) as info:
        client.wait_for_task(started.request_id, timeout=5, interval=0.01)
    assert_clean(info.value, info.value.__dict__)
    assert_pickle_clean(info.value)
