"""What a client does with its settings and around a call, apart from the wire: regions,
per-call seconds, the connection bound, the endpoint variable, waits that are interrupted,
named values, what error messages and tracebacks may hold."""

from __future__ import annotations

import json
import sys
import time
import traceback
import warnings

import pytest
from qcloud_bmlb import AsyncClient, Client, TaskStatus, errors
from qcloud_bmlb._client import DEFAULT_MAX_CONNECTIONS
from qcloud_bmlb._config import ENV_ENDPOINT
from qcloud_bmlb._transport import HTTPResponse

from ..conftest import SECRET_ID, SECRET_KEY, TOKEN

OK = {"code": 0, "message": "", "codeDesc": "Success"}


class Script:
    """A transport answering from a list: HTTPResponse bodies (dicts as JSON), or exceptions
    to raise; records when each request came."""

    def __init__(self, *answers: object) -> None:
        self.answers = list(answers)
        self.times: list[float] = []

    def request(self, method, target, body, headers, timeout=None, deadline=None):
        self.times.append(time.monotonic())
        answer = self.answers.pop(0)
        if isinstance(answer, BaseException):
            raise answer
        if isinstance(answer, HTTPResponse):
            return answer
        return HTTPResponse(200, {"content-type": "application/json"}, json.dumps(answer).encode())

    def close(self) -> None:
        pass


def client(transport: object = None, **options: object) -> Client:
    settings: dict[str, object] = {
        "secret_id": SECRET_ID, "secret_key": SECRET_KEY, "region": "gz",
        "transport": transport or Script(),
    }  # fmt: skip
    settings.update(options)
    return Client(**settings)  # type: ignore[arg-type]


# -- regions ---------------------------------------------------------------------------------


@pytest.mark.parametrize("region", ["", "  ", "AP-Beijing", "ap beijing", "ap_beijing", "-gz", 7])
def test_an_empty_or_malformed_region_is_refused(region: object) -> None:
    with pytest.raises(errors.ConfigurationError, match="region"):
        client(region=region)


def test_a_malformed_region_from_the_environment_is_refused(monkeypatch) -> None:
    monkeypatch.setenv("TENCENTCLOUD_REGION", "ap beijing")
    with pytest.raises(errors.ConfigurationError, match="TENCENTCLOUD_REGION"):
        Client(secret_id=SECRET_ID, secret_key=SECRET_KEY, transport=Script())


@pytest.mark.parametrize("region", ["gz", "ap-guangzhou", "bj", "ap-chongqing"])
def test_a_known_region_or_alias_passes_silently(region: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert client(region=region).region == region


def test_an_unknown_well_formed_region_passes_with_one_warning() -> None:
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        first = client(region="ap-newregion-1")
        second = client(region="ap-newregion-1")
    assert first.region == second.region == "ap-newregion-1"  # sent as given
    relevant = [w for w in seen if "ap-newregion-1" in str(w.message)]
    assert len(relevant) == 1 and "not one this package knows" in str(relevant[0].message)


# -- seconds and bounds ------------------------------------------------------------------------


@pytest.mark.parametrize("value", [-1, 0, float("nan"), float("inf"), True, "5"])
def test_bad_wait_seconds_are_refused_before_any_request(value: object) -> None:
    transport = Script()  # no answers: any request fails the test
    c = client(transport)
    with pytest.raises(errors.ConfigurationError, match="timeout"):
        c.wait_for_task(1, timeout=value)  # type: ignore[arg-type]
    with pytest.raises(errors.ConfigurationError, match="interval"):
        c.wait_for_task(1, interval=value)  # type: ignore[arg-type]
    with pytest.raises(errors.ConfigurationError, match="wait"):
        c.modify_bm_l4_listener_backend_port(
            load_balancer_id="lb-1", listener_id="lbl-1", instance_id="cpm-1", port=1,
            new_port=2, wait=-5 if value is True else value,  # type: ignore[arg-type]
        )  # fmt: skip
    with pytest.raises(errors.ConfigurationError, match="timeout"):
        c.describe_bm_load_balancers_task_result(request_id=1, timeout=value)  # type: ignore[arg-type]
    assert transport.times == []


def test_both_clients_bound_their_connections_by_default() -> None:
    assert DEFAULT_MAX_CONNECTIONS == 32
    assert client().max_connections == DEFAULT_MAX_CONNECTIONS
    assert AsyncClient(secret_id=SECRET_ID, secret_key=SECRET_KEY, region="gz",
                       transport=Script()).max_connections == DEFAULT_MAX_CONNECTIONS  # fmt: skip
    assert client(max_connections=None).max_connections is None
    with pytest.raises(errors.ConfigurationError, match="max_connections"):
        client(max_connections=0)


# -- the endpoint variable -----------------------------------------------------------------------


def test_the_endpoint_variable_points_clients_without_an_endpoint(monkeypatch) -> None:
    monkeypatch.setenv(ENV_ENDPOINT, "http://127.0.0.1:8123")
    assert client().endpoint.url == "http://127.0.0.1:8123"
    assert client(endpoint="https://example.com").endpoint.url == "https://example.com"
    monkeypatch.setenv(ENV_ENDPOINT, "ftp://nowhere")
    with pytest.raises(errors.ConfigurationError, match=ENV_ENDPOINT):
        client()


# -- waits that are interrupted keep the task id -------------------------------------------------


def test_an_interrupted_wait_says_which_task_was_started() -> None:
    transport = Script({**OK, "requestId": 4321}, KeyboardInterrupt())
    c = client(transport)
    with pytest.raises(KeyboardInterrupt) as info:
        c.unbind_bm_l4_listener_rs(
            load_balancer_id="lb-1", listener_id="lbl-1",
            backends=[{"instance_id": "cpm-1", "port": 80}], wait=True,
        )  # fmt: skip
    if sys.version_info >= (3, 11):
        (note,) = info.value.__notes__
        assert "4321" in note and "wait_for_task(4321)" in note


def test_a_wait_that_times_out_carries_the_task_id() -> None:
    running = {**OK, "data": {"status": TaskStatus.RUNNING.value}}
    transport = Script({**OK, "requestId": 77}, *([running] * 20))
    c = client(transport)
    with pytest.raises(errors.TaskTimeoutError) as info:
        c.modify_bm_l4_listener_backend_port(
            load_balancer_id="lb-1", listener_id="lbl-1", instance_id="cpm-1", port=1,
            new_port=2, wait=0.05,
        )  # fmt: skip
    assert info.value.request_id == 77 and info.value.last_status is TaskStatus.RUNNING
    assert "wait_for_task(77)" in str(info.value)


def test_named_values_print_as_their_names_and_serialise_as_numbers() -> None:
    assert str(TaskStatus.SUCCEEDED) == "SUCCEEDED"
    assert f"{TaskStatus.RUNNING}" == "RUNNING"
    assert f"{TaskStatus.RUNNING:d}" == "2"
    assert json.dumps({"status": TaskStatus.FAILED}) == '{"status": 1}'
    assert TaskStatus.SUCCEEDED == 0


# -- module codes in messages --------------------------------------------------------------------


def test_a_huge_module_code_is_no_module_code() -> None:
    message = "(" + "1" * 5000 + ")too long to be a code"
    c = client(Script({"code": 5100, "codeDesc": "ResourceOpFailed", "message": message}))
    with pytest.raises(errors.ApiError) as info:
        c.describe_bm_load_balancers_task_result(request_id=1, retries=0)
    assert info.value.code == 5100 and info.value.module_code is None


def test_only_ascii_digits_make_a_module_code() -> None:
    c = client(Script({"code": 5100, "message": "(３００１１)not ascii"}))
    with pytest.raises(errors.ApiError) as info:
        c.describe_bm_load_balancers_task_result(request_id=1, retries=0)
    assert info.value.code == 5100 and info.value.module_code is None
    assert not isinstance(info.value, errors.InvalidRsNotExist)


# -- secrets echoed in any escaping --------------------------------------------------------------


def _escaped_forms(secret: str) -> list[str]:
    php = json.dumps(secret)[1:-1].replace("/", "\\/")
    unicode_eq = json.dumps(secret)[1:-1].replace("=", "\\u003d")
    every = "".join(f"\\u{ord(ch):04x}" for ch in secret)
    return [php, unicode_eq, every]


@pytest.mark.parametrize("form", range(3))
def test_a_json_escaped_echo_of_a_secret_is_blotted_out(form: int) -> None:
    for secret in (SECRET_KEY, TOKEN):
        echo = _escaped_forms(secret)[form]
        body = ('{"code": 4100, "codeDesc": "AuthFailure", "message": "bad key ' + echo
                + '", "echo": ["' + echo + '"]}').encode()  # fmt: skip
        c = client(Script(HTTPResponse(200, {}, body)), token=TOKEN)
        with pytest.raises(errors.ApiError) as info:
            c.describe_bm_load_balancers_task_result(request_id=1, retries=0)
        exc = info.value
        shown = [str(exc), repr(exc), exc.message, json.dumps(exc.response)]
        assert all(secret not in text for text in shown), shown
        assert "<redacted>" in exc.message
        ok = ('{"code": 0, "data": {"status": 0}, "note": "' + echo + '"}').encode()
        result = client(Script(HTTPResponse(200, {}, ok)), token=TOKEN)
        raw = result.describe_bm_load_balancers_task_result(request_id=1).raw
        assert secret not in json.dumps(raw, ensure_ascii=False)


# -- charsets ------------------------------------------------------------------------------------


def test_an_answer_in_a_declared_charset_is_read_in_it() -> None:
    gbk = {"content-type": "application/json; charset=GBK"}
    error = json.dumps({"code": 11041, "codeDesc": "InvalidParameter.CCDBLBNotExist",
                        "message": "负载均衡不存在"}, ensure_ascii=False).encode("gbk")  # fmt: skip
    c = client(Script(HTTPResponse(200, gbk, error)))
    with pytest.raises(errors.InvalidParameterCCDBLBNotExist) as info:
        c.describe_bm_load_balancers_task_result(request_id=1, retries=0)
    assert info.value.message == "负载均衡不存在"
    ok = json.dumps({"code": 0, "message": "成功", "data": {"status": 0}},
                    ensure_ascii=False).encode("gbk")  # fmt: skip
    done = client(Script(HTTPResponse(200, gbk, ok))).describe_bm_load_balancers_task_result(
        request_id=1
    )
    assert done.status is TaskStatus.SUCCEEDED and done.raw["message"] == "成功"


def test_an_answer_not_in_its_declared_charset_is_malformed_and_says_so() -> None:
    latin = {"content-type": "application/json; charset=utf-8"}
    c = client(Script(HTTPResponse(200, latin, b'{"code": 0, "message": "\xff"}')))
    with pytest.raises(errors.MalformedResponseError, match="not valid utf-8"):
        c.describe_bm_load_balancers_task_result(request_id=1, retries=0)


# -- Retry-After -----------------------------------------------------------------------------------


def test_retry_after_is_honoured_within_the_deadline() -> None:
    busy = HTTPResponse(503, {"retry-after": "1"}, b"busy")
    transport = Script(busy, {**OK, "data": {"status": 0}})
    c = client(transport)
    done = c.describe_bm_load_balancers_task_result(request_id=1)
    assert done.status is TaskStatus.SUCCEEDED
    assert transport.times[1] - transport.times[0] >= 0.95


def test_retry_after_beyond_the_deadline_ends_the_call_at_once() -> None:
    from qcloud_bmlb import Retry

    busy = HTTPResponse(429, {"retry-after": "3600"}, b"slow down")
    transport = Script(busy, {**OK, "data": {"status": 0}})
    started = time.monotonic()
    with pytest.raises(errors.HTTPStatusError) as info:
        client(transport).describe_bm_load_balancers_task_result(
            request_id=1, retries=Retry(attempts=3, deadline=5)
        )
    assert info.value.http_status == 429 and len(transport.times) == 1
    assert time.monotonic() - started < 1


# -- what tracebacks hold ------------------------------------------------------------------------


def test_no_frame_of_a_failed_call_holds_the_signed_request_or_a_secret_in_a_repr() -> None:
    """Error trackers record the locals of every frame of a traceback (by repr)."""
    transport = Script(errors.TransportError("reset", sent=True))
    c = client(transport, token=TOKEN, retries=0)
    try:
        c.modify_bm_l4_listener_backend_port(
            load_balancer_id="lb-1", listener_id="lbl-1", instance_id="cpm-1", port=1, new_port=2
        )
    except errors.TransportError as exc:
        frames = [frame for frame, _ in traceback.walk_tb(exc.__traceback__)]
    else:
        pytest.fail("the call did not fail")
    for frame in frames:
        for name, value in frame.f_locals.items():
            if name == "self" and isinstance(value, Script):
                continue  # the test's own transport
            text = repr(value)
            for secret in (SECRET_KEY, TOKEN, "Signature="):
                assert secret not in text, (frame.f_code.co_name, name, text[:200])
