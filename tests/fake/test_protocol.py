"""The fake's protocol: authentication (keys, signatures, the clock, replays, session tokens)
and the spec's parameter rules, tried with requests signed by an independent signer
(``helpers.v2_signature``), so that they do not depend on the package's own."""

from __future__ import annotations

import time
from collections.abc import Mapping
from urllib.parse import urlsplit

import pytest
from qcloud_bmlb import errors
from qcloud_bmlb.models import TaskStatus
from qcloud_bmlb.testing import DEFAULT_SEED, Binding, FakeBmlb

from .helpers import (
    CPM,
    CPM2,
    LB,
    LISTENER,
    SEEDED,
    call_raw,
    poll,
    send_raw,
    signed_params,
    unbind_args,
    v2_signature,
)


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


@pytest.mark.parametrize(
    ("signed_host", "accepted"),
    [
        ("127.0.0.1", True),  # our client: the host without its port
        ("127.0.0.1:{port}", True),  # the official legacy SDK: the Host header as sent
        ("127.0.0.1:1", False),  # another port
        ("localhost", False),
        ("bmlb.api.qcloud.com", False),
        ("", False),
    ],
)
def test_a_signature_over_the_host_as_sent_or_without_its_port(
    fake: FakeBmlb, signed_host: str, accepted: bool
) -> None:
    port = urlsplit(fake.endpoint).port
    params = signed_params(fake, "DescribeBmLoadBalancersTaskResult", {"requestId": "1"},
                           host=signed_host.format(port=port))  # fmt: skip
    assert send_raw(fake, params)["code"] == (5000 if accepted else 4100)


@pytest.mark.parametrize(
    ("signed_host", "accepted"),
    [("lb.test:8443", True), ("lb.test", True), ("127.0.0.1", False), ("lb.test:443", False)],
)
def test_the_host_is_the_host_header_not_the_address_connected_to(
    fake: FakeBmlb, signed_host: str, accepted: bool
) -> None:
    params = signed_params(fake, "DescribeBmLoadBalancersTaskResult", {"requestId": "1"},
                           host=signed_host)  # fmt: skip
    answer = send_raw(fake, params, host_header="lb.test:8443")
    assert answer["code"] == (5000 if accepted else 4100), answer


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
