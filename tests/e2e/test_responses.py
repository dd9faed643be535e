"""How responses become results or typed exceptions: the whole error catalogue, module codes,
unknown codes, non-200 answers, malformed bodies, refused connections and timeouts."""

from __future__ import annotations

import json
import pickle
import socket
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pytest_httpserver import HTTPServer
from qcloud_bmlb import Client, TaskStatus, Timeout, errors
from qcloud_bmlb._transport import HTTPResponse
from werkzeug import Request, Response

from ..conftest import API_PATH, REGION, SECRET_ID, SECRET_KEY, answer

ACTION = "ModifyBmL4ListenerBackendPort"


def call(client: Client):
    return client.modify_bm_l4_listener_backend_port(
        load_balancer_id="lb-abcdefgh",
        listener_id="lbl-abcdefgh",
        instance_id="cpm-abcdefgh",
        port=1234,
        new_port=12345,
    )


def raises_exactly(cls: type[BaseException], fn, *args):
    """Run fn, demand an exception of exactly ``cls``, and that it survives pickling."""
    with pytest.raises(errors.BmlbError) as info:
        fn(*args)
    exc = info.value
    assert type(exc) is cls, f"{type(exc).__name__} raised instead of {cls.__name__}: {exc}"
    copy = pickle.loads(pickle.dumps(exc))
    assert type(copy) is cls
    assert str(copy) == str(exc)
    assert copy.__dict__ == exc.__dict__
    return exc


def family_of(cls: type[errors.ApiError]) -> type[errors.ApiError]:
    return getattr(errors, cls.code_desc.split(".", 1)[0])


@pytest.mark.parametrize("cls", errors.CATALOGUE, ids=lambda c: f"{c.code}-{c.__name__}")
def test_every_catalogue_error(httpserver: HTTPServer, client, cls):
    payload = {"code": cls.code, "message": "x", "codeDesc": cls.code_desc}
    answer(httpserver, payload)
    exc = raises_exactly(cls, call, client)
    assert errors.error_class(cls.code) is cls
    assert exc.code == cls.code
    assert exc.code_desc == cls.code_desc
    assert exc.message == "x"
    assert exc.action == ACTION
    assert exc.http_status == 200
    assert exc.response_code == cls.code
    assert exc.module_code is None
    assert dict(exc.response) == payload
    assert isinstance(exc, family_of(cls))
    assert isinstance(exc, errors.ApiError) and isinstance(exc, errors.BmlbError)
    assert ACTION in str(exc) and str(cls.code) in str(exc) and "x" in str(exc)


@pytest.mark.parametrize(
    ("cls", "family"),
    [
        (errors.InvalidParameterCCDBLBNotExist, errors.InvalidParameter),
        (errors.InvalidParameterModule, errors.InvalidParameter),
        (errors.InvalidRsNotExist, errors.InvalidRs),
        (errors.InternalErrorVPCAbnormal, errors.InternalError),
        (errors.AuthFailureSecretIdNotFound, errors.AuthFailure),
        (errors.InvalidL4ListenerNotExist, errors.InvalidL4Listener),
    ],
)
def test_families_can_be_caught_by_family(httpserver, client, cls, family):
    answer(httpserver, {"code": cls.code, "message": "m", "codeDesc": cls.code_desc})
    with pytest.raises(family):
        call(client)


def test_module_code_in_message_under_common_code(httpserver, client):
    payload = {"code": 5100, "message": "(30011)主机信息不存在", "codeDesc": "FailedOperation"}
    answer(httpserver, payload, content_type="application/json; charset=utf-8")
    exc = raises_exactly(errors.InvalidRsNotExist, call, client)
    assert exc.code == 30011
    assert exc.response_code == 5100
    assert exc.module_code == 30011
    assert exc.code_desc == "InvalidRs.NotExist"
    assert exc.message == "(30011)主机信息不存在"
    assert dict(exc.response) == payload


def test_negative_module_code_under_common_code(httpserver, client):
    answer(httpserver, {"code": 5100, "message": "(-12023) listener gone"})
    exc = raises_exactly(errors.InvalidL4ListenerNotExist, call, client)
    assert (exc.code, exc.response_code, exc.module_code) == (-12023, 5100, -12023)


def test_unknown_module_code_keeps_the_common_class(httpserver, client):
    # A module code the catalogue lacks (the error response page's own example, 100004, is
    # a code of the catalogue: InquiryBmLBPrice's OperationDenied.NoPermission).
    unknown = 100009
    assert not any(getattr(cls, "code", None) == unknown for cls in vars(errors).values())
    answer(httpserver, {"code": 5100, "message": f"({unknown})projectId不正确"})
    exc = raises_exactly(errors.FailedOperation, call, client)
    assert (exc.code, exc.response_code, exc.module_code) == (5100, 5100, unknown)


def test_unknown_code_is_plain_api_error_with_everything_kept(httpserver, client):
    payload = {"code": 777, "message": "something odd", "codeDesc": "Odd.Thing", "extra": {"a": 1}}
    answer(httpserver, payload)
    exc = raises_exactly(errors.ApiError, call, client)
    assert exc.code == 777
    assert exc.code_desc == "Odd.Thing"
    assert exc.message == "something odd"
    assert exc.action == ACTION
    assert exc.http_status == 200
    assert exc.response_code == 777
    assert exc.module_code is None
    assert dict(exc.response) == payload


@pytest.mark.parametrize(
    ("code_desc", "cls"),
    [
        ("InvalidParameter.Whatever", errors.InvalidParameter),
        ("InvalidRs.SomethingNew", errors.InvalidRs),
        ("AuthFailure.Brand.New", errors.AuthFailure),
        ("InternalError", errors.InternalError),
    ],
)
def test_unknown_code_with_known_code_desc_family(httpserver, client, code_desc, cls):
    answer(httpserver, {"code": 778, "message": "m", "codeDesc": code_desc})
    exc = raises_exactly(cls, call, client)
    assert errors.error_class_for_code_desc(code_desc) is cls
    assert exc.code == 778 and exc.code_desc == code_desc and exc.response_code == 778


def test_code_as_string_zero_is_success(httpserver, client):
    answer(httpserver, {"code": "0", "message": "", "requestId": 55})
    assert call(client).request_id == 55


def test_code_as_string_error(httpserver, client):
    answer(httpserver, {"code": "30011", "message": "gone"})
    exc = raises_exactly(errors.InvalidRsNotExist, call, client)
    assert exc.code == 30011 and type(exc.code) is int


def test_missing_code_desc_finds_class_by_code(httpserver, client):
    answer(httpserver, {"code": 11041, "message": "no such lb"})
    exc = raises_exactly(errors.InvalidParameterCCDBLBNotExist, call, client)
    assert exc.code == 11041 and exc.message == "no such lb"


def test_error_with_charset_content_type_still_raises(httpserver, client):
    """The 3.0 SDK took this for success."""
    answer(
        httpserver,
        {"code": 4100, "message": "bad sig", "codeDesc": "AuthFailure"},
        content_type="application/json; charset=utf-8",
    )
    exc = raises_exactly(errors.AuthFailure, call, client)
    assert exc.message == "bad sig"


@pytest.mark.parametrize(
    ("status", "body", "fragment"),
    [
        (500, "<html><body><h1>Internal Server Error</h1></body></html>", "Internal Server Error"),
        (502, "Bad Gateway from nginx", "Bad Gateway"),
        # a JSON success body does not make a non-200 answer a success
        (503, json.dumps({"code": 0, "message": "", "requestId": 1}), '"requestId"'),
    ],
)
def test_non_200_is_http_status_error(httpserver, client, status, body, fragment):
    answer(httpserver, body, status=status, content_type="text/html")
    exc = raises_exactly(errors.HTTPStatusError, call, client)
    assert exc.http_status == status
    assert fragment in exc.body_excerpt
    assert exc.action == ACTION
    assert str(status) in str(exc)
    assert isinstance(exc, errors.ResponseError)


MALFORMED = [
    ("not-json", "Service temporarily down"),
    ("empty", ""),
    ("truncated", '{"code": 0, "message": "", "requestId": 12'),
    ("array", "[1, 2, 3]"),
    ("string", '"code"'),
    ("no-code", json.dumps({"message": "x", "requestId": 1})),
    ("code-bool", json.dumps({"code": False, "requestId": 1})),
    ("code-float-string", json.dumps({"code": "1.5", "message": "x"})),
    ("code-float", json.dumps({"code": 0.0, "requestId": 1})),
    ("code-null", json.dumps({"code": None, "requestId": 1})),
    ("no-request-id", json.dumps({"code": 0, "message": "", "codeDesc": "Success"})),
    ("request-id-null", json.dumps({"code": 0, "requestId": None})),
    ("request-id-text", json.dumps({"code": 0, "requestId": "abc"})),
    ("request-id-bool", json.dumps({"code": 0, "requestId": True})),
    ("request-id-float", json.dumps({"code": 0, "requestId": 12.5})),
    ("not-utf8", b'{"code": 0, "requestId": "\xff\xfe"}'),
]


@pytest.mark.parametrize(("name", "body"), MALFORMED, ids=[m[0] for m in MALFORMED])
def test_malformed_body(httpserver, client, name, body):
    answer(httpserver, body)
    exc = raises_exactly(errors.MalformedResponseError, call, client)
    assert exc.http_status == 200 and exc.action == ACTION
    assert isinstance(exc, errors.ResponseError)


@pytest.mark.parametrize(
    "data",
    [{"status": 7}, {"status": -1}, {"status": None}, {}, {"status": "running"}, [2], None],
    ids=["7", "-1", "null", "missing", "text", "list", "data-null"],
)
def test_bad_task_status(httpserver, client, data):
    answer(httpserver, {"code": 0, "message": "", "codeDesc": "Success", "data": data})
    with pytest.raises(errors.MalformedResponseError) as info:
        client.describe_bm_load_balancers_task_result(request_id=1)
    assert type(info.value) is errors.MalformedResponseError
    assert info.value.action == "DescribeBmLoadBalancersTaskResult"
    assert type(pickle.loads(pickle.dumps(info.value))) is errors.MalformedResponseError


def _closed_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_connection_refused_is_transport_error():
    client = Client(
        secret_id=SECRET_ID,
        secret_key=SECRET_KEY,
        region=REGION,
        endpoint=f"http://127.0.0.1:{_closed_port()}",
        timeout=Timeout(connect=1, read=1),
    )
    exc = raises_exactly(errors.ConnectError, call, client)
    assert isinstance(exc, errors.TransportError)
    assert exc.action == ACTION and ACTION in str(exc)
    assert exc.sent is False  # nothing reached the server
    assert not isinstance(exc, errors.ApiError)


def test_infinite_timeout_never_escapes_as_a_foreign_error():
    """Timeout(inf) must be refused up front, or work; a call must not raise OverflowError."""
    try:
        client = Client(
            secret_id=SECRET_ID,
            secret_key=SECRET_KEY,
            region=REGION,
            endpoint=f"http://127.0.0.1:{_closed_port()}",
            timeout=Timeout(connect=float("inf"), read=float("inf")),
        )
    except errors.ConfigurationError:
        return
    raises_exactly(errors.TransportError, call, client)


def test_closed_client_refuses_calls_and_sends_nothing(httpserver, client):
    answer(httpserver, {"code": 0, "requestId": 1})
    assert call(client).request_id == 1
    client.close()
    # A programming error, not a network fault: raised at once, never retried, and saying
    # what to do instead.
    exc = raises_exactly(errors.ClientClosedError, call, client)
    assert "closed" in str(exc) and "make a new Client" in str(exc)
    assert exc.attempts == 1 and "attempts" not in str(exc)
    assert len(httpserver.log) == 1
    with pytest.raises(errors.ClientClosedError):
        with client:
            pass
    client.close()  # closing again is harmless


def test_slow_server_is_request_timeout(httpserver, endpoint):
    def slow(request: Request) -> Response:
        time.sleep(1.0)
        return Response(json.dumps({"code": 0, "requestId": 1}), content_type="application/json")

    httpserver.expect_request(API_PATH).respond_with_handler(slow)
    client = Client(
        secret_id=SECRET_ID,
        secret_key=SECRET_KEY,
        region=REGION,
        endpoint=endpoint,
        timeout=Timeout(connect=1, read=0.3),
    )
    started = time.monotonic()
    exc = raises_exactly(errors.RequestTimeoutError, call, client)
    assert time.monotonic() - started < 0.9
    assert isinstance(exc, errors.TransportError) and exc.action == ACTION
    client.close()
    # The server logs the request only when its slow handler returns: wait for that here, so
    # that it cannot land in the log of a later test.
    deadline = time.monotonic() + 5
    while not httpserver.log and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(httpserver.log) == 1


# --- any body at all: a result or a typed error, never KeyError/TypeError/JSONDecodeError ------


class CannedTransport:
    def __init__(self) -> None:
        self.status = 200
        self.body = b""

    def request(self, method, target, body, headers, timeout=None, deadline=None) -> HTTPResponse:
        return HTTPResponse(self.status, {"content-type": "application/json"}, self.body)

    def close(self) -> None:
        pass


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=True),
    st.text(max_size=12),
    st.sampled_from(["0", "2", " 7 ", "-0", "1e3", "(30011)x", "٣", "²"]),
)
json_values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)
responses = st.fixed_dictionaries(
    {},
    optional={
        "code": json_values,
        "message": json_values,
        "codeDesc": json_values,
        "requestId": json_values,
        "data": st.one_of(json_values, st.fixed_dictionaries({}, optional={"status": json_values})),
    },
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(payload=st.one_of(responses, json_values), status=st.sampled_from([200, 200, 200, 404, 500]))
def test_any_body_gives_a_result_or_a_typed_error(payload, status):
    transport = CannedTransport()
    transport.status = status
    transport.body = json.dumps(payload).encode()
    client = Client(
        secret_id=SECRET_ID,
        secret_key=SECRET_KEY,
        region=REGION,
        endpoint="http://127.0.0.1:9",
        transport=transport,
        retries=0,  # the same canned answer every time: retrying it only adds waits
    )
    for invoke in (call, lambda c: c.describe_bm_load_balancers_task_result(request_id=1)):
        try:
            result = invoke(client)
        except (errors.ApiError, errors.ResponseError) as exc:
            assert status == 200 or isinstance(exc, errors.HTTPStatusError)
            pickle.loads(pickle.dumps(exc))
            continue
        assert status == 200
        code = payload["code"]
        assert not isinstance(code, bool) and int(str(code).strip()) == 0
        if hasattr(result, "request_id"):
            assert type(result.request_id) is int
        else:
            assert isinstance(result.status, TaskStatus)
