"""The embedded fake BM load balancer (``qcloud_bmlb.testing.FakeBmlb``).

Most tests go through a real ``qcloud_bmlb.Client``; the protocol tests (signing, replays,
the spec's parameter rules) send requests signed by an independent signer written here from
the protocol reference, so that they do not depend on the package's own signer.
"""

from __future__ import annotations

import base64
import gc
import hashlib
import hmac
import http.client
import json
import secrets
import threading
import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

import pytest
import yaml
from qcloud_bmlb import Client, errors
from qcloud_bmlb.models import Backend, TaskStatus
from qcloud_bmlb.testing import DEFAULT_SEED, Binding, FakeBmlb, Fault, load_seed

LB = "lb-abcdefgh"
LISTENER = "lbl-abcdefgh"
CPM = "cpm-abcdefgh"
CPM2 = "cpm-ijklmnop"
PATH = "/v2/index.php"

#: DEFAULT_SEED's listener, as ``backends()`` reports it.
SEEDED = [Binding(CPM, 1234), Binding(CPM, 8080), Binding(CPM2, 1234)]


# -- helpers --------------------------------------------------------------------------------------


def v2_signature(
    secret_key: str, method: str, host: str, params: Mapping[str, str], sign_method: str
) -> str:
    """The v2 signature, written from legacy-api.md (not the package's signer)."""
    names = sorted(name for name in params if name != "Signature")
    joined = "&".join(f"{name.replace('_', '.')}={params[name]}" for name in names)
    text = f"{method}{host}{PATH}?{joined}"
    digest = hashlib.sha256 if sign_method == "HmacSHA256" else hashlib.sha1
    mac = hmac.new(secret_key.encode("utf-8"), text.encode("utf-8"), digest)
    return base64.b64encode(mac.digest()).decode("ascii")


def signed_params(
    fake: FakeBmlb,
    action: str,
    params: Mapping[str, str],
    *,
    method: str = "POST",
    sign_method: str = "HmacSHA1",
    secret_id: str | None = None,
    secret_key: str | None = None,
    timestamp: int | None = None,
) -> dict[str, str]:
    """Common parameters + ``params``, signed with the independent signer."""
    out = {
        "Action": action,
        "Region": fake.region,
        "Timestamp": str(int(time.time()) if timestamp is None else timestamp),
        "Nonce": str(secrets.randbelow(2**31 - 1) + 1),
        "SecretId": secret_id or fake.secret_id,
        "SignatureMethod": sign_method,
    }
    out.update(params)
    out["Signature"] = v2_signature(
        secret_key or fake.secret_key, method, "127.0.0.1", out, sign_method
    )
    return out


def send_raw(fake: FakeBmlb, params: Mapping[str, str], *, method: str = "POST") -> dict[str, Any]:
    """Send already signed parameters with http.client; the decoded JSON answer."""
    encoded = urlencode(params, quote_via=quote, safe="")
    port = urlsplit(fake.endpoint).port
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        if method == "POST":
            conn.request(
                "POST", PATH, body=encoded.encode("ascii"),
                headers={"Content-Type": "application/x-www-form-urlencoded"},
            )  # fmt: skip
        else:
            conn.request("GET", f"{PATH}?{encoded}")
        response = conn.getresponse()
        body = response.read()
    finally:
        conn.close()
    assert response.status == 200, body
    data = json.loads(body)
    assert isinstance(data, dict)
    return data


def call_raw(fake: FakeBmlb, action: str, params: Mapping[str, str], **kw: Any) -> dict[str, Any]:
    method = kw.get("method", "POST")
    return send_raw(fake, signed_params(fake, action, params, **kw), method=method)


def poll(client: Client, request_id: int, limit: int = 20) -> list[TaskStatus]:
    """Poll a task until it ends; every status seen."""
    seen = []
    for _ in range(limit):
        status = client.describe_bm_load_balancers_task_result(request_id=request_id).status
        seen.append(status)
        if status != TaskStatus.RUNNING:
            return seen
    raise AssertionError(f"task {request_id} still running after {limit} polls")


def unbind_args(*pairs: tuple[str, int]) -> dict[str, Any]:
    return {
        "load_balancer_id": LB,
        "listener_id": LISTENER,
        "backends": [Backend(instance_id=i, port=p) for i, p in pairs],
    }


@pytest.fixture
def fake() -> Iterator[FakeBmlb]:
    with FakeBmlb(seed=DEFAULT_SEED) as running:
        yield running


def one_try_client(fake: FakeBmlb, **options: Any) -> Client:
    """A client of the fake that makes one try per call (where the client can retry), so
    that a test sees the fake's answer to that try."""
    try:
        return fake.client(retries=0, **options)
    except TypeError:  # a client without retries
        return fake.client(**options)


@pytest.fixture
def client(fake: FakeBmlb) -> Iterator[Client]:
    with one_try_client(fake) as c:
        yield c


def test_independent_signer_matches_the_published_bmlb_vectors() -> None:
    """The test's own signer reproduces legacy-api.md's bmlb vectors, so it can be trusted."""
    params = {
        "Action": "ModifyBmL4ListenerBackendPort", "Nonce": "61431", "Timestamp": "1507728683",
        "Region": "bj", "SecretId": "AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA",
        "loadBalancerId": "lb-abcdefgh", "listenerId": "lbl-abcdefgh",
        "instanceId": "cpm-abcdefgh", "port": "1234", "newPort": "12345",
    }  # fmt: skip
    key, host = "Gu5t9xGARNpq86cd98joQYCN3Cozk1qA", "bmlb.api.qcloud.com"
    for method, sign_method, expected in [
        ("GET", "HmacSHA1", "tfDkVHWnynz+W7yGCMRr91wu1Hs="),
        ("POST", "HmacSHA1", "+avC2dKI0s9JzB9ixHDwnB3GriI="),
        ("GET", "HmacSHA256", "pckEkd75flqdpRfyzB1pYhiMkNoIdZv/36YrX2B7QPc="),
        ("POST", "HmacSHA256", "iCuTu5p4g8pLfEc/aoAsY2eeBU1c514UqChPWsXXjMo="),
    ]:
        signed = dict(params, SignatureMethod=sign_method)
        assert v2_signature(key, method, host, signed, sign_method) == expected


# -- 1. the actions and their tasks ---------------------------------------------------------------

WIRE = [("POST", "HmacSHA256"), ("POST", "HmacSHA1"), ("GET", "HmacSHA256"), ("GET", "HmacSHA1")]


@pytest.mark.parametrize(("http_method", "sign_method"), WIRE)
def test_modify_port_changes_state_only_when_the_task_succeeds(
    fake: FakeBmlb, http_method: str, sign_method: str
) -> None:
    with fake.client(http_method=http_method, sign_method=sign_method) as client:
        result = client.modify_bm_l4_listener_backend_port(
            load_balancer_id=LB, listener_id=LISTENER, instance_id=CPM, port=1234, new_port=2345
        )
        assert fake.backends(LB, LISTENER) == SEEDED  # accepted, not applied
        first = client.describe_bm_load_balancers_task_result(request_id=result.request_id)
        assert first.status == TaskStatus.RUNNING
        assert fake.backends(LB, LISTENER) == SEEDED
        second = client.describe_bm_load_balancers_task_result(request_id=result.request_id)
        assert second.status == TaskStatus.SUCCEEDED
    assert fake.backends(LB, LISTENER) == [
        Binding(CPM, 2345), Binding(CPM, 8080), Binding(CPM2, 1234)
    ]  # fmt: skip
    sent = fake.requests[0]
    assert sent["Action"] == "ModifyBmL4ListenerBackendPort"
    assert sent["SignatureMethod"] == sign_method
    assert sent["newPort"] == "2345"
    assert all("Signature" not in r for r in fake.requests)


@pytest.mark.parametrize(("http_method", "sign_method"), WIRE)
def test_modify_probe_port_changes_state_only_when_the_task_succeeds(
    fake: FakeBmlb, http_method: str, sign_method: str
) -> None:
    with fake.client(http_method=http_method, sign_method=sign_method) as client:
        result = client.modify_bm_l4_listener_backend_probe_port(
            load_balancer_id=LB, listener_id=LISTENER, instance_id=CPM2, port=1234, probe_port=9
        )
        assert fake.backends(LB, LISTENER) == SEEDED
        assert poll(client, result.request_id) == [TaskStatus.RUNNING, TaskStatus.SUCCEEDED]
    assert fake.backends(LB, LISTENER) == [
        Binding(CPM, 1234), Binding(CPM, 8080), Binding(CPM2, 1234, probe_port=9)
    ]  # fmt: skip


@pytest.mark.parametrize(("http_method", "sign_method"), WIRE)
def test_unbind_changes_state_only_when_the_task_succeeds(
    fake: FakeBmlb, http_method: str, sign_method: str
) -> None:
    with fake.client(http_method=http_method, sign_method=sign_method) as client:
        result = client.unbind_bm_l4_listener_rs(**unbind_args((CPM, 8080), (CPM2, 1234)))
        assert fake.backends(LB, LISTENER) == SEEDED
        assert poll(client, result.request_id) == [TaskStatus.RUNNING, TaskStatus.SUCCEEDED]
    assert fake.backends(LB, LISTENER) == [Binding(CPM, 1234)]
    assert fake.snapshot()["load_balancers"][0]["listeners"][0]["backends"] == [
        {"instance_id": CPM, "port": 1234}
    ]


def test_task_polls_sets_how_many_polls_report_running(fake: FakeBmlb, client: Client) -> None:
    fake.task_polls = 3
    request_id = client.unbind_bm_l4_listener_rs(**unbind_args((CPM, 1234))).request_id
    statuses = []
    for _ in range(3):
        statuses.append(client.describe_bm_load_balancers_task_result(request_id=request_id).status)
        assert fake.backends(LB, LISTENER) == SEEDED
    assert statuses == [TaskStatus.RUNNING] * 3
    assert poll(client, request_id) == [TaskStatus.SUCCEEDED]
    assert Binding(CPM, 1234) not in fake.backends(LB, LISTENER)


def test_task_seconds_keeps_a_task_running_until_the_time_has_passed(
    fake: FakeBmlb, client: Client
) -> None:
    fake.task_seconds = 0.3
    started = time.monotonic()
    request_id = client.unbind_bm_l4_listener_rs(**unbind_args((CPM, 1234))).request_id
    statuses = []
    while True:
        status = client.describe_bm_load_balancers_task_result(request_id=request_id).status
        statuses.append(status)
        if status != TaskStatus.RUNNING:
            break
        assert fake.backends(LB, LISTENER) == SEEDED
        assert time.monotonic() - started < 5, "task never ended"
        time.sleep(0.05)
    assert status == TaskStatus.SUCCEEDED
    assert time.monotonic() - started >= 0.3
    assert len(statuses) >= 4  # polled every 50 ms for 0.3 s, more than task_polls=1
    assert Binding(CPM, 1234) not in fake.backends(LB, LISTENER)


def test_fail_next_task_fails_the_task_and_leaves_the_state(fake: FakeBmlb, client: Client) -> None:
    fake.fail_next_task()
    request_id = client.unbind_bm_l4_listener_rs(**unbind_args((CPM, 1234))).request_id
    assert poll(client, request_id) == [TaskStatus.RUNNING, TaskStatus.FAILED]
    assert client.describe_bm_load_balancers_task_result(request_id=request_id).status == (
        TaskStatus.FAILED
    )
    assert fake.backends(LB, LISTENER) == SEEDED
    # Only the next task fails, and a failed task does not keep the load balancer busy.
    request_id = client.unbind_bm_l4_listener_rs(**unbind_args((CPM, 1234))).request_id
    assert poll(client, request_id)[-1] == TaskStatus.SUCCEEDED
    assert Binding(CPM, 1234) not in fake.backends(LB, LISTENER)


def test_fail_next_task_of_one_action_spares_the_others(fake: FakeBmlb, client: Client) -> None:
    fake.fail_next_task(action="UnbindBmL4ListenerRs")
    modify = client.modify_bm_l4_listener_backend_port(
        load_balancer_id=LB, listener_id=LISTENER, instance_id=CPM, port=1234, new_port=2345
    )
    assert poll(client, modify.request_id)[-1] == TaskStatus.SUCCEEDED
    probe = client.modify_bm_l4_listener_backend_probe_port(
        load_balancer_id=LB, listener_id=LISTENER, instance_id=CPM, port=2345, probe_port=7
    )
    assert poll(client, probe.request_id)[-1] == TaskStatus.SUCCEEDED
    unbind = client.unbind_bm_l4_listener_rs(**unbind_args((CPM2, 1234)))
    assert poll(client, unbind.request_id)[-1] == TaskStatus.FAILED
    assert Binding(CPM2, 1234) in fake.backends(LB, LISTENER)
    again = client.unbind_bm_l4_listener_rs(**unbind_args((CPM2, 1234)))
    assert poll(client, again.request_id)[-1] == TaskStatus.SUCCEEDED
    assert fake.backends(LB, LISTENER) == [Binding(CPM, 2345, probe_port=7), Binding(CPM, 8080)]


def test_every_change_gets_a_new_request_id(fake: FakeBmlb, client: Client) -> None:
    ids = []
    for new_port in (2001, 2002, 2003, 2004):
        result = client.modify_bm_l4_listener_backend_port(
            load_balancer_id=LB, listener_id=LISTENER, instance_id=CPM2,
            port=new_port - 1 if new_port > 2001 else 1234, new_port=new_port,
        )  # fmt: skip
        assert isinstance(result.request_id, int)
        assert result.raw["requestId"] == result.request_id
        assert result.raw["code"] == 0
        ids.append(result.request_id)
        poll(client, result.request_id)
    assert len(set(ids)) == 4
    assert Binding(CPM2, 2004) in fake.backends(LB, LISTENER)


# -- 2. domain errors -----------------------------------------------------------------------------


def test_unknown_load_balancer_is_11041(fake: FakeBmlb, client: Client) -> None:
    with pytest.raises(errors.InvalidParameterCCDBLBNotExist) as caught:
        client.unbind_bm_l4_listener_rs(
            load_balancer_id="lb-nothere", listener_id=LISTENER,
            backends=[Backend(instance_id=CPM, port=1234)],
        )  # fmt: skip
    assert caught.value.code == 11041
    assert "lb-nothere" in caught.value.message
    assert fake.state.tasks == {}


def test_load_balancer_of_another_region_is_not_found(fake: FakeBmlb) -> None:
    fake.add_load_balancer("lb-beijing", region="bj")
    fake.add_listener("lb-beijing", "lbl-beijing", port=80)
    fake.bind("lb-beijing", "lbl-beijing", CPM, 1234)
    args = {
        "load_balancer_id": "lb-beijing", "listener_id": "lbl-beijing",
        "backends": [Backend(instance_id=CPM, port=1234)],
    }  # fmt: skip
    with fake.client() as guangzhou, pytest.raises(errors.InvalidParameterCCDBLBNotExist):
        guangzhou.unbind_bm_l4_listener_rs(**args)
    with fake.client(region="bj") as beijing:
        request_id = beijing.unbind_bm_l4_listener_rs(**args).request_id
        assert poll(beijing, request_id)[-1] == TaskStatus.SUCCEEDED
    assert fake.backends("lb-beijing", "lbl-beijing") == []


@pytest.mark.parametrize(("seeded", "asked"), [("ap-beijing", "bj"), ("bj", "ap-beijing")])
def test_a_region_alias_and_its_code_are_the_same_region(
    fake: FakeBmlb, seeded: str, asked: str
) -> None:
    fake.add_load_balancer("lb-beijing", region=seeded)
    fake.add_listener("lb-beijing", "lbl-beijing", port=80)
    fake.bind("lb-beijing", "lbl-beijing", CPM, 1234)
    with fake.client(region=asked) as beijing:
        beijing.modify_bm_l4_listener_backend_probe_port(
            load_balancer_id="lb-beijing", listener_id="lbl-beijing", instance_id=CPM,
            port=1234, probe_port=1235,
        )  # fmt: skip
    with (
        fake.client(region="ap-shanghai") as shanghai,
        pytest.raises(errors.InvalidParameterCCDBLBNotExist),
    ):
        shanghai.modify_bm_l4_listener_backend_probe_port(
            load_balancer_id="lb-beijing", listener_id="lbl-beijing", instance_id=CPM,
            port=1234, probe_port=1236,
        )  # fmt: skip


def test_unknown_listener_is_minus_12023(fake: FakeBmlb, client: Client) -> None:
    with pytest.raises(errors.InvalidL4ListenerNotExist) as caught:
        client.unbind_bm_l4_listener_rs(
            load_balancer_id=LB, listener_id="lbl-nothere",
            backends=[Backend(instance_id=CPM, port=1234)],
        )  # fmt: skip
    assert caught.value.code == -12023
    assert fake.state.tasks == {}


def test_unknown_backend_is_30011(fake: FakeBmlb, client: Client) -> None:
    with pytest.raises(errors.InvalidRsNotExist):
        client.unbind_bm_l4_listener_rs(**unbind_args((CPM, 1234), (CPM, 9999)))
    with pytest.raises(errors.InvalidRsNotExist):
        client.modify_bm_l4_listener_backend_port(
            load_balancer_id=LB, listener_id=LISTENER, instance_id="cpm-nothere", port=1234,
            new_port=2345,
        )  # fmt: skip
    with pytest.raises(errors.InvalidRsNotExist) as caught:
        client.modify_bm_l4_listener_backend_probe_port(
            load_balancer_id=LB, listener_id=LISTENER, instance_id=CPM2, port=8080, probe_port=9
        )
    assert caught.value.code == 30011
    assert fake.state.tasks == {}
    assert fake.backends(LB, LISTENER) == SEEDED  # the known backend of the batch stays too


def test_new_port_already_bound_is_minus_12022(fake: FakeBmlb, client: Client) -> None:
    with pytest.raises(errors.InvalidParameterInvalidMultiL4VportToRsport) as caught:
        client.modify_bm_l4_listener_backend_port(
            load_balancer_id=LB, listener_id=LISTENER, instance_id=CPM, port=1234, new_port=8080
        )
    assert caught.value.code == -12022
    assert fake.state.tasks == {}
    # The same port on another instance is not a conflict.
    client.modify_bm_l4_listener_backend_port(
        load_balancer_id=LB, listener_id=LISTENER, instance_id=CPM2, port=1234, new_port=8080
    )


def test_a_change_while_a_task_of_the_load_balancer_runs_is_12003(
    fake: FakeBmlb, client: Client
) -> None:
    fake.add_load_balancer("lb-other")
    fake.add_listener("lb-other", LISTENER)
    fake.bind("lb-other", LISTENER, CPM, 1234)
    fake.task_polls = 2
    first = client.unbind_bm_l4_listener_rs(**unbind_args((CPM, 1234))).request_id
    with pytest.raises(errors.IncorrectStatusLBWrongStatus) as caught:
        client.modify_bm_l4_listener_backend_probe_port(
            load_balancer_id=LB, listener_id=LISTENER, instance_id=CPM2, port=1234, probe_port=9
        )
    assert caught.value.code == 12003
    # Another load balancer is not blocked.
    other = client.unbind_bm_l4_listener_rs(
        load_balancer_id="lb-other", listener_id=LISTENER,
        backends=[Backend(instance_id=CPM, port=1234)],
    )  # fmt: skip
    assert client.describe_bm_load_balancers_task_result(request_id=first).status == (
        TaskStatus.RUNNING
    )
    with pytest.raises(errors.IncorrectStatusLBWrongStatus):
        client.unbind_bm_l4_listener_rs(**unbind_args((CPM2, 1234)))
    assert poll(client, first)[-1] == TaskStatus.SUCCEEDED
    assert poll(client, other.request_id)[-1] == TaskStatus.SUCCEEDED
    # Once the task has ended the load balancer takes changes again.
    client.unbind_bm_l4_listener_rs(**unbind_args((CPM2, 1234)))
    assert len(fake.state.tasks) == 3


def test_set_busy_answers_its_code_until_cleared(fake: FakeBmlb, client: Client) -> None:
    fake.set_busy(LB, -21001)
    with pytest.raises(errors.InvalidStatusLBInvalidStatus) as caught:
        client.unbind_bm_l4_listener_rs(**unbind_args((CPM, 1234)))
    assert caught.value.code == -21001
    fake.set_busy(LB)
    with pytest.raises(errors.IncorrectStatusLBWrongStatus):
        client.unbind_bm_l4_listener_rs(**unbind_args((CPM, 1234)))
    assert fake.state.tasks == {}
    fake.set_busy(LB, None)
    client.unbind_bm_l4_listener_rs(**unbind_args((CPM, 1234)))
    assert len(fake.state.tasks) == 1


def test_unknown_task_is_5000(client: Client) -> None:
    with pytest.raises(errors.ResourceNotFound) as caught:
        client.describe_bm_load_balancers_task_result(request_id=424242)
    assert caught.value.code == 5000
    assert "424242" in caught.value.message


# -- 3. authentication ----------------------------------------------------------------------------


def test_wrong_secret_key_is_4100(fake: FakeBmlb) -> None:
    with fake.client(secret_key="not-the-key") as client, pytest.raises(errors.AuthFailure) as c:
        client.unbind_bm_l4_listener_rs(**unbind_args((CPM, 1234)))
    assert type(c.value) is errors.AuthFailure
    assert c.value.code == 4100
    assert fake.state.tasks == {}


def test_unknown_secret_id_is_4104(fake: FakeBmlb) -> None:
    with fake.client(secret_id="AKIDunknown") as client:
        with pytest.raises(errors.AuthFailureSecretIdNotFound) as caught:
            client.unbind_bm_l4_listener_rs(**unbind_args((CPM, 1234)))
    assert caught.value.code == 4104
    assert fake.state.tasks == {}


@pytest.mark.parametrize(("skew", "accepted"), [(7100, True), (-7100, True), (7300, False),
                                                 (-7300, False)])  # fmt: skip
def test_timestamp_more_than_two_hours_off_is_4500(skew: int, accepted: bool) -> None:
    with FakeBmlb(seed=DEFAULT_SEED, clock=lambda: time.time() + skew) as fake:
        with fake.client() as client:
            if accepted:
                assert client.unbind_bm_l4_listener_rs(**unbind_args((CPM, 1234))).request_id
            else:
                with pytest.raises(errors.ReplayAttack) as caught:
                    client.unbind_bm_l4_listener_rs(**unbind_args((CPM, 1234)))
                assert caught.value.code == 4500
        assert len(fake.state.tasks) == (1 if accepted else 0)


def test_a_replayed_request_is_4500(fake: FakeBmlb) -> None:
    params = signed_params(
        fake, "UnbindBmL4ListenerRs",
        {"loadBalancerId": LB, "listenerId": LISTENER, "backends.0.instanceId": CPM,
         "backends.0.port": "1234"},
    )  # fmt: skip
    first = send_raw(fake, params)
    assert first["code"] == 0, first
    replayed = send_raw(fake, params)
    assert replayed["code"] == 4500, replayed
    assert replayed["codeDesc"] == "ReplayAttack"
    assert list(fake.state.tasks) == [first["requestId"]]
    # The same request with a fresh Nonce is accepted (once the first task is over).
    with fake.client() as client:
        poll(client, first["requestId"])
    again = call_raw(
        fake, "UnbindBmL4ListenerRs",
        {"loadBalancerId": LB, "listenerId": LISTENER, "backends.0.instanceId": CPM2,
         "backends.0.port": "1234"},
    )  # fmt: skip
    assert again["code"] == 0, again


def test_a_replay_is_refused_while_its_timestamp_is_valid() -> None:
    """A request stamped ahead of the server clock stays replayable-by-clock for longer than
    MAX_SKEW after it was first seen; its Nonce must be remembered that long."""
    now = [time.time()]
    with FakeBmlb(seed=DEFAULT_SEED, clock=lambda: now[0]) as fake:
        params = signed_params(
            fake, "DescribeBmLoadBalancersTaskResult", {"requestId": "1"},
            timestamp=int(now[0]) + 7000,
        )  # fmt: skip
        assert send_raw(fake, params)["code"] == 5000  # accepted: the task is unknown
        assert send_raw(fake, params)["code"] == 4500
        now[0] += 7201  # the Timestamp is still inside the window
        assert send_raw(fake, params)["code"] == 4500
        now[0] += 7000  # now it is not
        assert send_raw(fake, params)["code"] == 4500


def test_temporary_credentials_need_their_token(fake: FakeBmlb) -> None:
    fake.add_credentials("AKIDtemporary", "temporary-key", token="tok")
    args = unbind_args((CPM, 1234))
    with fake.client(secret_id="AKIDtemporary", secret_key="temporary-key") as client:
        with pytest.raises(errors.AuthFailure) as caught:
            client.unbind_bm_l4_listener_rs(**args)
        assert caught.value.code == 4100
    bad = fake.client(secret_id="AKIDtemporary", secret_key="temporary-key", token="other")
    with bad, pytest.raises(errors.AuthFailure):
        bad.unbind_bm_l4_listener_rs(**args)
    assert fake.state.tasks == {}
    with fake.client(secret_id="AKIDtemporary", secret_key="temporary-key", token="tok") as good:
        assert poll(good, good.unbind_bm_l4_listener_rs(**args).request_id)[-1] == 0
    assert fake.requests[-1]["Token"] == "tok"


@pytest.mark.parametrize("field", ["Signature", "Token"])
def test_a_non_ascii_signature_or_token_is_4100_not_a_dropped_connection(
    fake: FakeBmlb, field: str
) -> None:
    fake.add_credentials("AKIDtemporary", "temporary-key", token="tok")
    params = signed_params(
        fake, "DescribeBmLoadBalancersTaskResult",
        {"requestId": "1", "Token": "tök" if field == "Token" else "tok"},
        secret_id="AKIDtemporary", secret_key="temporary-key",
    )  # fmt: skip
    if field == "Signature":
        params["Signature"] = "é" + params["Signature"][1:]
    answer = send_raw(fake, params)
    assert answer["code"] == 4100, answer


# -- 4. a request signed independently ------------------------------------------------------------

UNBIND_1_AND_5 = {
    "loadBalancerId": LB,
    "listenerId": LISTENER,
    "backends.1.instanceId": CPM,
    "backends.1.port": "8080",
    "backends.5.instanceId": CPM2,
    "backends.5.port": "1234",
}


@pytest.mark.parametrize(("method", "sign_method"), [("POST", "HmacSHA1"), ("GET", "HmacSHA1"),
                                                     ("POST", "HmacSHA256")])  # fmt: skip
def test_independently_signed_unbind_with_sparse_indexes(
    fake: FakeBmlb, method: str, sign_method: str
) -> None:
    answer = call_raw(
        fake, "UnbindBmL4ListenerRs", UNBIND_1_AND_5, method=method, sign_method=sign_method
    )
    assert answer["code"] == 0, answer
    assert answer["codeDesc"] == "Success"
    with fake.client() as client:
        assert poll(client, answer["requestId"])[-1] == TaskStatus.SUCCEEDED
    assert fake.backends(LB, LISTENER) == [Binding(CPM, 1234)]


@pytest.mark.parametrize(
    ("name", "value"),
    [("backends.5.port", "8080"), ("backends.1.instanceId", CPM2), ("Region", "bj"),
     ("Action", "ModifyBmL4ListenerBackendPort")],
)  # fmt: skip
def test_a_parameter_tampered_with_after_signing_is_4100(
    fake: FakeBmlb, name: str, value: str
) -> None:
    params = signed_params(fake, "UnbindBmL4ListenerRs", UNBIND_1_AND_5)
    params[name] = value
    answer = send_raw(fake, params)
    assert answer["code"] == 4100, answer
    assert answer["codeDesc"] == "AuthFailure"
    assert fake.state.tasks == {}
    assert fake.backends(LB, LISTENER) == SEEDED


def test_an_added_parameter_breaks_the_signature(fake: FakeBmlb) -> None:
    params = signed_params(fake, "UnbindBmL4ListenerRs", UNBIND_1_AND_5)
    params["backends.7.instanceId"] = CPM
    params["backends.7.port"] = "1234"
    assert send_raw(fake, params)["code"] == 4100


# -- 5. the spec's parameter rules ----------------------------------------------------------------

MODIFY = {
    "loadBalancerId": LB,
    "listenerId": LISTENER,
    "instanceId": CPM,
    "port": "1234",
    "newPort": "2345",
}


def _without(params: Mapping[str, str], name: str) -> dict[str, str]:
    return {k: v for k, v in params.items() if k != name}


def test_missing_parameter_is_4000_naming_it(fake: FakeBmlb) -> None:
    answer = call_raw(fake, "ModifyBmL4ListenerBackendPort", _without(MODIFY, "loadBalancerId"))
    assert answer["code"] == 4000, answer
    assert "loadBalancerId" in answer["message"]
    answer = call_raw(fake, "UnbindBmL4ListenerRs", {"loadBalancerId": LB, "listenerId": LISTENER})
    assert answer["code"] == 4000, answer
    assert "backends" in answer["message"]
    assert fake.state.tasks == {}


def test_non_integer_port_is_4000_naming_it(fake: FakeBmlb) -> None:
    answer = call_raw(fake, "ModifyBmL4ListenerBackendPort", dict(MODIFY, port="abc"))
    assert answer["code"] == 4000, answer
    assert "port" in answer["message"]
    answer = call_raw(fake, "DescribeBmLoadBalancersTaskResult", {"requestId": "abc"})
    assert answer["code"] == 4000, answer
    assert "requestId" in answer["message"]


def test_port_out_of_range_is_9003_naming_port_and_range(fake: FakeBmlb) -> None:
    answer = call_raw(fake, "ModifyBmL4ListenerBackendPort", dict(MODIFY, port="70000"))
    assert answer["code"] == 9003, answer
    assert answer["message"].startswith("port:")
    assert "1" in answer["message"] and "65535" in answer["message"]
    answer = call_raw(fake, "ModifyBmL4ListenerBackendProbePort",
                      dict(_without(MODIFY, "newPort"), probePort="0"))  # fmt: skip
    assert answer["code"] == 9003, answer
    assert answer["message"].startswith("probePort:")
    assert fake.state.tasks == {}


def test_array_item_error_names_the_wire_path(fake: FakeBmlb) -> None:
    params = {"loadBalancerId": LB, "listenerId": LISTENER}
    for i in range(4):
        params[f"backends.{i}.instanceId"] = CPM
        params[f"backends.{i}.port"] = str(1000 + i)
    params["backends.3.port"] = "0"
    answer = call_raw(fake, "UnbindBmL4ListenerRs", params)
    assert answer["code"] == 9003, answer
    assert "backends.3.port" in answer["message"]
    # With sparse indexes the message names the index sent, not the position.
    sparse = {
        "loadBalancerId": LB,
        "listenerId": LISTENER,
        "backends.2.instanceId": CPM,
        "backends.2.port": "1234",
        "backends.7.instanceId": CPM,
        "backends.7.port": "0",
    }
    answer = call_raw(fake, "UnbindBmL4ListenerRs", sparse)
    assert answer["code"] == 9003, answer
    assert "backends.7.port" in answer["message"]


def _backends(count: int) -> dict[str, str]:
    params = {"loadBalancerId": LB, "listenerId": LISTENER}
    for i in range(count):
        params[f"backends.{i}.instanceId"] = CPM
        params[f"backends.{i}.port"] = str(10000 + i)
    return params


def test_at_most_255_backends(fake: FakeBmlb) -> None:
    answer = call_raw(fake, "UnbindBmL4ListenerRs", _backends(256))
    assert answer["code"] == 9003, answer
    assert "255" in answer["message"]
    # 255 pass the rule (and then are not bound).
    assert call_raw(fake, "UnbindBmL4ListenerRs", _backends(255))["code"] == 30011


def test_duplicate_backends_are_9003(fake: FakeBmlb) -> None:
    params = {"loadBalancerId": LB, "listenerId": LISTENER,
              "backends.0.instanceId": CPM, "backends.0.port": "1234",
              "backends.4.instanceId": CPM2, "backends.4.port": "1234",
              "backends.9.instanceId": CPM, "backends.9.port": "1234"}  # fmt: skip
    answer = call_raw(fake, "UnbindBmL4ListenerRs", params)
    assert answer["code"] == 9003, answer
    assert answer["message"].startswith("backends.9:"), answer  # the index sent
    assert fake.state.tasks == {}


# -- 6. fault injection ---------------------------------------------------------------------------


def test_delay(fake: FakeBmlb, client: Client) -> None:
    fake.inject(Fault.delay(0.3))
    started = time.monotonic()
    result = client.unbind_bm_l4_listener_rs(**unbind_args((CPM, 1234)))
    assert time.monotonic() - started >= 0.3
    assert result.request_id in fake.state.tasks
    started = time.monotonic()
    client.describe_bm_load_balancers_task_result(request_id=result.request_id)
    assert time.monotonic() - started < 0.25  # only one request was delayed


def test_delay_longer_than_the_read_timeout_is_a_timeout(
    fake: FakeBmlb, capsys: pytest.CaptureFixture[str]
) -> None:
    fake.inject(Fault.delay(0.5))
    with one_try_client(fake, timeout=0.2) as client, pytest.raises(errors.RequestTimeoutError):
        client.unbind_bm_l4_listener_rs(**unbind_args((CPM, 1234)))
    time.sleep(0.45)  # the fake answers the client that gave up
    assert len(fake.state.tasks) == 1  # carried out all the same
    # ...without a traceback on stderr for the connection that went away.
    assert "Traceback" not in capsys.readouterr().err


def test_reset_is_a_transport_error_and_nothing_happens(fake: FakeBmlb) -> None:
    fake.inject(Fault.reset())
    with one_try_client(fake) as client:
        with pytest.raises(errors.TransportError) as caught:
            client.unbind_bm_l4_listener_rs(**unbind_args((CPM, 1234)))
        assert not isinstance(caught.value, errors.RequestTimeoutError)
        assert fake.state.tasks == {}
        assert len(fake.requests) == 1
        # The next call is answered normally.
        assert client.unbind_bm_l4_listener_rs(**unbind_args((CPM, 1234))).request_id
    assert len(fake.state.tasks) == 1


def test_reset_after_applying_creates_the_task(fake: FakeBmlb) -> None:
    fake.inject(Fault.reset(applied=True))
    with one_try_client(fake) as client:
        with pytest.raises(errors.TransportError):
            client.unbind_bm_l4_listener_rs(**unbind_args((CPM, 1234)))
        assert len(fake.state.tasks) == 1
        (request_id,) = fake.state.tasks
        assert fake.state.tasks[request_id].action == "UnbindBmL4ListenerRs"
        assert fake.backends(LB, LISTENER) == SEEDED
        assert poll(client, request_id)[-1] == TaskStatus.SUCCEEDED
    assert fake.backends(LB, LISTENER) == [Binding(CPM, 8080), Binding(CPM2, 1234)]


def test_http_error(fake: FakeBmlb, client: Client) -> None:
    fake.inject(Fault.http_error(502))
    with pytest.raises(errors.HTTPStatusError) as caught:
        client.unbind_bm_l4_listener_rs(**unbind_args((CPM, 1234)))
    assert caught.value.http_status == 502
    assert "Bad Gateway" in caught.value.body_excerpt
    assert fake.state.tasks == {}


@pytest.mark.parametrize("payload", [b"not json", b'{"code": 0, "codeDesc": "Success", "requestI'])
def test_garbled_body_is_malformed_response(fake: FakeBmlb, client: Client, payload: bytes) -> None:
    fake.inject(Fault.body(payload))
    with pytest.raises(errors.MalformedResponseError) as caught:
        client.unbind_bm_l4_listener_rs(**unbind_args((CPM, 1234)))
    assert caught.value.http_status == 200
    assert caught.value.body_excerpt == payload.decode()


def test_truncated_answer_is_a_transport_error(fake: FakeBmlb, client: Client) -> None:
    fake.inject(Fault.truncated())
    with pytest.raises(errors.TransportError):
        client.unbind_bm_l4_listener_rs(**unbind_args((CPM, 1234)))
    # The request was carried out; only its answer was cut.
    assert len(fake.state.tasks) == 1
    (request_id,) = fake.state.tasks
    assert poll(client, request_id)[-1] == TaskStatus.SUCCEEDED


def test_times_applies_a_fault_to_that_many_requests(fake: FakeBmlb, client: Client) -> None:
    fake.inject(Fault.http_error(503), times=2)
    for _ in range(2):
        with pytest.raises(errors.HTTPStatusError) as caught:
            client.unbind_bm_l4_listener_rs(**unbind_args((CPM, 1234)))
        assert caught.value.http_status == 503
    assert fake.state.tasks == {}
    assert client.unbind_bm_l4_listener_rs(**unbind_args((CPM, 1234))).request_id  # normal again
    assert len(fake.requests) == 3


def test_a_fault_for_one_action_spares_the_others(fake: FakeBmlb, client: Client) -> None:
    fake.inject(Fault.http_error(502), action="UnbindBmL4ListenerRs")
    modify = client.modify_bm_l4_listener_backend_port(
        load_balancer_id=LB, listener_id=LISTENER, instance_id=CPM, port=1234, new_port=2345
    )
    assert poll(client, modify.request_id)[-1] == TaskStatus.SUCCEEDED
    with pytest.raises(errors.HTTPStatusError):
        client.unbind_bm_l4_listener_rs(**unbind_args((CPM, 2345)))
    request_id = client.unbind_bm_l4_listener_rs(**unbind_args((CPM, 2345))).request_id
    assert poll(client, request_id)[-1] == TaskStatus.SUCCEEDED
    assert fake.backends(LB, LISTENER) == [Binding(CPM, 8080), Binding(CPM2, 1234)]


# -- 7. keep-alive and threads --------------------------------------------------------------------


def test_one_client_keeps_one_connection(fake: FakeBmlb, client: Client) -> None:
    request_id = client.unbind_bm_l4_listener_rs(**unbind_args((CPM, 1234))).request_id
    for i in range(19):
        if i % 5 == 4:  # error answers keep the connection too
            with pytest.raises(errors.ResourceNotFound):
                client.describe_bm_load_balancers_task_result(request_id=10**6 + i)
        else:
            client.describe_bm_load_balancers_task_result(request_id=request_id)
    assert len(fake.requests) == 20
    assert client._transport.connections_opened == 1


def test_threads_share_one_client(fake: FakeBmlb) -> None:
    # Eight load balancers, each with a finished task; the even ones failed.
    expected: dict[int, TaskStatus] = {}
    with one_try_client(fake) as setup:
        for i in range(8):
            lb = f"lb-thread{i}"
            fake.add_load_balancer(lb)
            fake.add_listener(lb, LISTENER)
            fake.bind(lb, LISTENER, CPM, 1000 + i)
            if i % 2 == 0:
                fake.fail_next_task()
            request_id = setup.modify_bm_l4_listener_backend_port(
                load_balancer_id=lb, listener_id=LISTENER, instance_id=CPM, port=1000 + i,
                new_port=2000 + i,
            ).request_id  # fmt: skip
            expected[request_id] = poll(setup, request_id)[-1]
    assert sorted(expected.values()) == [0, 0, 0, 0, 1, 1, 1, 1]

    problems: list[str] = []
    with one_try_client(fake) as shared:

        def work(request_id: int, want: TaskStatus) -> None:
            try:
                for n in range(25):
                    if n % 5 == 0:
                        missing = request_id * 100 + n
                        try:
                            shared.describe_bm_load_balancers_task_result(request_id=missing)
                        except errors.ResourceNotFound as exc:
                            if str(missing) not in exc.message:
                                problems.append(f"{missing}: answer of another call: {exc}")
                        else:
                            problems.append(f"{missing}: no error")
                    else:
                        got = shared.describe_bm_load_balancers_task_result(request_id=request_id)
                        if got.status != want:
                            problems.append(f"{request_id}: {got.status} != {want}")
            except Exception as exc:
                problems.append(f"{request_id}: {exc!r}")

        threads = [threading.Thread(target=work, args=item) for item in expected.items()]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=30)
        assert not any(t.is_alive() for t in threads)
        assert 1 <= shared._transport.connections_opened <= 8
    assert problems == []
    assert len(fake.requests) == 8 * 3 + 8 * 25  # setup (change + 2 polls each) + threads


# -- 8. seeds -------------------------------------------------------------------------------------

SEED = {
    "credentials": [
        {"secret_id": "AKIDseeded", "secret_key": "seeded-key"},
        {"secret_id": "AKIDseededtmp", "secret_key": "seeded-tmp-key", "token": "seeded-token"},
    ],
    "load_balancers": [
        {
            "id": "lb-seeded1",
            "region": "ap-guangzhou",
            "listeners": [
                {
                    "id": "lbl-seeded1",
                    "protocol": "tcp",
                    "port": 80,
                    "backends": [
                        {"instance_id": "cpm-seeded1", "port": 22, "probe_port": 2222},
                        {"instance_id": "cpm-seeded1", "port": 80},
                    ],
                },
                {"id": "lbl-seeded2", "protocol": "udp", "port": 53, "backends": []},
            ],
        },
        {"id": "lb-seeded0", "listeners": []},
    ],
}

SEED_SNAPSHOT = {
    "load_balancers": [
        {"id": "lb-seeded0", "listeners": []},
        {
            "id": "lb-seeded1",
            "region": "ap-guangzhou",
            "listeners": [
                {
                    "id": "lbl-seeded1",
                    "protocol": "tcp",
                    "port": 80,
                    "backends": [
                        {"instance_id": "cpm-seeded1", "port": 22, "probe_port": 2222},
                        {"instance_id": "cpm-seeded1", "port": 80},
                    ],
                },
                {"id": "lbl-seeded2", "protocol": "udp", "port": 53, "backends": []},
            ],
        },
    ]
}


@pytest.fixture
def seed_files(tmp_path: Path) -> tuple[Path, Path]:
    as_yaml = tmp_path / "seed.yaml"
    as_yaml.write_text(yaml.safe_dump(SEED, sort_keys=False), encoding="utf-8")
    as_json = tmp_path / "seed.json"
    as_json.write_text(json.dumps(SEED, indent=2), encoding="utf-8")
    return as_yaml, as_json


def test_yaml_and_json_seeds_give_the_same_state(seed_files: tuple[Path, Path]) -> None:
    as_yaml, as_json = seed_files
    assert load_seed(as_yaml) == load_seed(as_json) == SEED
    from_yaml, from_json = FakeBmlb(seed=as_yaml), FakeBmlb(seed=str(as_json))
    assert from_yaml.snapshot() == from_json.snapshot() == SEED_SNAPSHOT
    assert from_yaml.backends("lb-seeded1", "lbl-seeded1") == [
        Binding("cpm-seeded1", 22, probe_port=2222), Binding("cpm-seeded1", 80)
    ]  # fmt: skip


def test_a_yaml_seed_written_by_hand(tmp_path: Path) -> None:
    path = tmp_path / "hand.yml"
    path.write_text(
        "load_balancers:\n"
        "  - id: lb-hand\n"
        "    region: bj\n"
        "    listeners:\n"
        "      - id: lbl-hand\n"
        "        backends:\n"
        "          - {instance_id: cpm-hand, port: 443}\n",
        encoding="utf-8",
    )
    fake = FakeBmlb(seed=path)
    assert fake.snapshot() == {"load_balancers": [{
        "id": "lb-hand", "region": "bj",
        "listeners": [{"id": "lbl-hand", "protocol": "tcp",
                       "backends": [{"instance_id": "cpm-hand", "port": 443}]}],
    }]}  # fmt: skip


@pytest.mark.parametrize("bad", ["- just\n- a list\n", "load_balancers: 3\n"])
def test_a_bad_seed_is_refused(tmp_path: Path, bad: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(ValueError):
        FakeBmlb(seed=path)


@pytest.mark.parametrize("which", ["yaml", "json"])
def test_seeded_credentials_are_accepted(seed_files: tuple[Path, Path], which: str) -> None:
    path = seed_files[0] if which == "yaml" else seed_files[1]
    args = {
        "load_balancer_id": "lb-seeded1", "listener_id": "lbl-seeded1",
        "backends": [Backend(instance_id="cpm-seeded1", port=80)],
    }  # fmt: skip
    with FakeBmlb(seed=path) as fake:
        with fake.client(secret_id="AKIDseeded", secret_key="seeded-key") as client:
            request_id = client.unbind_bm_l4_listener_rs(**args).request_id
            assert poll(client, request_id)[-1] == TaskStatus.SUCCEEDED
        with fake.client(secret_id="AKIDseededtmp", secret_key="seeded-tmp-key") as no_token:
            with pytest.raises(errors.AuthFailure):
                no_token.describe_bm_load_balancers_task_result(request_id=request_id)
        with fake.client(
            secret_id="AKIDseededtmp", secret_key="seeded-tmp-key", token="seeded-token"
        ) as temporary:
            assert temporary.describe_bm_load_balancers_task_result(request_id=request_id).status \
                == TaskStatus.SUCCEEDED  # fmt: skip
        # The fake's own random key still works next to the seeded ones.
        with fake.client() as own:
            own.describe_bm_load_balancers_task_result(request_id=request_id)
        assert fake.backends("lb-seeded1", "lbl-seeded1") == [
            Binding("cpm-seeded1", 22, probe_port=2222)
        ]


def test_snapshot_round_trips_through_load(fake: FakeBmlb, client: Client) -> None:
    fake.add_load_balancer("lb-bj", region="bj")
    fake.add_listener("lb-bj", "lbl-bj", protocol="udp", port=53)
    modify = client.modify_bm_l4_listener_backend_port(
        load_balancer_id=LB, listener_id=LISTENER, instance_id=CPM, port=1234, new_port=4321
    )
    poll(client, modify.request_id)
    probe = client.modify_bm_l4_listener_backend_probe_port(
        load_balancer_id=LB, listener_id=LISTENER, instance_id=CPM, port=4321, probe_port=99
    )
    poll(client, probe.request_id)
    snapshot = fake.snapshot()
    assert json.loads(json.dumps(snapshot)) == snapshot  # plain data

    copy = FakeBmlb()
    copy.load(snapshot)
    assert copy.snapshot() == snapshot
    assert FakeBmlb(seed=snapshot).snapshot() == snapshot
    with copy:
        with copy.client() as other:
            # The changed backend exists in the copy under its new port, with its probe port.
            request_id = other.unbind_bm_l4_listener_rs(**unbind_args((CPM, 4321))).request_id
            assert poll(other, request_id)[-1] == TaskStatus.SUCCEEDED
            with pytest.raises(errors.InvalidParameterCCDBLBNotExist):  # region kept
                other.unbind_bm_l4_listener_rs(
                    load_balancer_id="lb-bj", listener_id="lbl-bj",
                    backends=[Backend(instance_id=CPM, port=1)],
                )  # fmt: skip
    assert copy.backends(LB, LISTENER) == [Binding(CPM, 8080), Binding(CPM2, 1234)]
    assert fake.backends(LB, LISTENER)[0] == Binding(CPM, 4321, probe_port=99)  # untouched


def test_add_methods_refuse_unknown_parents() -> None:
    fake = FakeBmlb()
    with pytest.raises(KeyError):
        fake.add_listener("lb-nothere", LISTENER)
    fake.add_load_balancer(LB)
    with pytest.raises(KeyError):
        fake.bind(LB, "lbl-nothere", CPM, 1)


def test_stop_closes_the_port() -> None:
    fake = FakeBmlb().start()
    port = urlsplit(fake.endpoint).port
    fake.stop()
    with pytest.raises(RuntimeError):
        _ = fake.endpoint
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
    with pytest.raises(ConnectionRefusedError):
        conn.request("GET", PATH)
    conn.close()


def test_keep_alive_calls_are_not_held_back(fake: FakeBmlb, client: Client) -> None:
    """Each answer leaves in one go: with Nagle's algorithm on the fake's side, the body of
    every keep-alive answer waited for the client's delayed ACK (~40 ms a call)."""
    with pytest.raises(errors.ResourceNotFound):
        client.describe_bm_load_balancers_task_result(request_id=1)
    started = time.monotonic()
    for _ in range(20):
        with pytest.raises(errors.ResourceNotFound):
            client.describe_bm_load_balancers_task_result(request_id=1)
    assert time.monotonic() - started < 0.5
    assert client._transport.connections_opened == 1


def test_stop_is_quick() -> None:
    """stop() returns at once, not after serve_forever's next 0.5 s poll (a fixture per test
    would pay that every time)."""
    started = time.monotonic()
    for _ in range(5):
        FakeBmlb().start().stop()
    assert time.monotonic() - started < 0.5


def test_stopping_with_open_connections_reports_nothing(caplog):
    """A client still holding kept-alive connections when the fake stops: no stray errors."""
    fake = FakeBmlb().start()
    clients = [fake.client(retries=0) for _ in range(3)]
    for client in clients:
        with pytest.raises(errors.ResourceNotFound):
            client.describe_bm_load_balancers_task_result(request_id=1)
    with caplog.at_level("DEBUG", logger="asyncio"):
        fake.stop()
        gc.collect()
    assert [r.getMessage() for r in caplog.records if r.name == "asyncio"] == []
    for client in clients:
        client.close()
