"""Signing against every published vector of legacy-api.md, and its rules: the generic
``string_to_sign`` (what the fake checks) and the client's own path (an action's plan and the
client's ``RequestSigner``), which must agree."""

from __future__ import annotations

from urllib.parse import parse_qsl, unquote

import pytest
from qcloud_bmlb._operations import MODIFY_BM_L4_LISTENER_BACKEND_PORT
from qcloud_bmlb._serialize import plan
from qcloud_bmlb._signing import RequestSigner, Signer, string_to_sign


def sign(key: str, text: str, method: str | None) -> str:
    return Signer(key, method).sign(text)


DOC_ID = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA"
DOC_KEY = "Gu5t9xGARNpq86cd98joQYCN3Cozk1qA"
CVM = "cvm.api.qcloud.com"
BMLB = "bmlb.api.qcloud.com"
PATH = "/v2/index.php"

VECTOR_A = (
    "GETcvm.api.qcloud.com/v2/index.php?Action=DescribeInstances&InstanceIds.0=ins-09dx96dg"
    "&Nonce=11886&Region=ap-guangzhou&SecretId=AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA"
    "&SignatureMethod=HmacSHA256&Timestamp=1465185768"
)
VECTOR_B = VECTOR_A.replace("SignatureMethod=HmacSHA256", "SignatureMethod=HmacSHA1")
VECTOR_C = (
    "GETcvm.api.qcloud.com/v2/index.php?Action=DescribeInstances&Nonce=11886&Region=gz"
    "&SecretId=AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA&Timestamp=1465185768"
    "&instanceIds.0=ins-09dx96dg&limit=20&offset=0"
)


def _doc_params(method: str | None) -> dict[str, str]:
    params = {
        "Action": "DescribeInstances",
        "InstanceIds.0": "ins-09dx96dg",
        "Nonce": "11886",
        "Region": "ap-guangzhou",
        "SecretId": DOC_ID,
        "Timestamp": "1465185768",
    }
    if method:
        params["SignatureMethod"] = method
    return params


@pytest.mark.parametrize(
    ("name", "params", "expected_text", "method", "signature"),
    [
        (
            "A",
            _doc_params("HmacSHA256"),
            VECTOR_A,
            "HmacSHA256",
            "0EEm/HtGRr/VJXTAD9tYMth1Bzm3lLHz5RCDv1GdM8s=",
        ),
        ("B", _doc_params("HmacSHA1"), VECTOR_B, "HmacSHA1", "nPVnY6njQmwQ8ciqbPl5Qe+Oru4="),
        (
            "C",
            # given in a scrambled order on purpose: the helper must sort
            {
                "offset": "0",
                "limit": "20",
                "instanceIds.0": "ins-09dx96dg",
                "Timestamp": "1465185768",
                "SecretId": DOC_ID,
                "Region": "gz",
                "Nonce": "11886",
                "Action": "DescribeInstances",
            },
            VECTOR_C,
            None,  # no SignatureMethod: SHA1
            "NSI3UqqD99b/UJb4tbG/xZpRW64=",
        ),
    ],
    ids=["A", "B", "C"],
)
def test_documented_vectors(name, params, expected_text, method, signature):
    text = string_to_sign("GET", CVM, PATH, params)
    assert text == expected_text
    assert sign(DOC_KEY, text, method) == signature


def test_unknown_signature_method_means_sha1():
    assert sign(DOC_KEY, VECTOR_C, "HmacMD5") == "NSI3UqqD99b/UJb4tbG/xZpRW64="


@pytest.mark.parametrize(
    ("http_method", "sig_method", "signature"),
    [
        ("POST", "HmacSHA1", "p3n+pxBqF5JGZtDSxoVn5tGngf0="),
        ("POST", "HmacSHA256", "B2T37FRSP6Fk0/q/cdfrTE0p3zX5ooB/2BPWZUFpsj4="),
        ("GET", "HmacSHA1", "5HAq1BOKNLEE2/uauWnp6Zv9Z3c="),
    ],
)
def test_legacy_sdk_vectors(http_method, sig_method, signature):
    params = {
        "SecretId": "secretIdFoo",
        "Region": "ap-guangzhou",
        "SignatureMethod": sig_method,
        "Nonce": "1290303896666895346",
        "Timestamp": "1512393162",
        "Action": "DescribeInstances",
        "Version": "2017-03-12",
    }
    text = string_to_sign(http_method, CVM, PATH, params)
    assert text.startswith(
        f"{http_method}cvm.api.qcloud.com/v2/index.php?Action=DescribeInstances&Nonce="
    )
    assert sign("secretKeyBar", text, sig_method) == signature


@pytest.mark.parametrize(
    ("http_method", "sig_method", "signature"),
    [
        ("GET", "HmacSHA256", "pckEkd75flqdpRfyzB1pYhiMkNoIdZv/36YrX2B7QPc="),
        ("GET", "HmacSHA1", "tfDkVHWnynz+W7yGCMRr91wu1Hs="),
        ("POST", "HmacSHA256", "iCuTu5p4g8pLfEc/aoAsY2eeBU1c514UqChPWsXXjMo="),
        ("POST", "HmacSHA1", "+avC2dKI0s9JzB9ixHDwnB3GriI="),
    ],
)
def test_bmlb_vectors(http_method, sig_method, signature):
    params = {
        "Action": "ModifyBmL4ListenerBackendPort",
        "Region": "bj",
        "Timestamp": "1507728683",
        "Nonce": "61431",
        "SecretId": DOC_ID,
        "SignatureMethod": sig_method,
        "loadBalancerId": "lb-abcdefgh",
        "listenerId": "lbl-abcdefgh",
        "instanceId": "cpm-abcdefgh",
        "port": "1234",
        "newPort": "12345",
    }
    text = string_to_sign(http_method, BMLB, PATH, params)
    assert sign(DOC_KEY, text, sig_method) == signature
    # A Signature already among the parameters is never signed.
    assert string_to_sign(http_method, BMLB, PATH, {**params, "Signature": signature}) == text

    # The client's own path: the action's plan lays the arguments out, the signer adds the
    # common parameters and signs; the same string, the same signature.
    signer = RequestSigner(
        secret_id=DOC_ID, secret_key=DOC_KEY, token=None, region="bj", sign_method=sig_method,
        http_method=http_method, host=BMLB, path=PATH, user_agent="test",
    )  # fmt: skip
    args = {"load_balancer_id": "lb-abcdefgh", "listener_id": "lbl-abcdefgh",
            "instance_id": "cpm-abcdefgh", "port": 1234, "new_port": 12345}  # fmt: skip
    signed, sent = plan(MODIFY_BM_L4_LISTENER_BACKEND_PORT).encode(args)
    made, query = signer.sign(
        "ModifyBmL4ListenerBackendPort", signed, sent, timestamp=1507728683, nonce_value=61431
    )
    assert made == text
    assert dict(parse_qsl(query))["Signature"] == signature
    method, target, body, headers = signer.lay_out(query)
    wire = body.decode() if body is not None else target.split("?", 1)[1]
    assert dict(parse_qsl(wire)) == {**params, "Signature": signature}
    assert method == http_method and ("Content-Type" in headers) == (http_method == "POST")


def _names_in(text: str) -> list[str]:
    return [pair.split("=", 1)[0] for pair in text.split("?", 1)[1].split("&")]


def test_sort_is_byte_order():
    params = {
        "backends.2.port": "1",
        "backends.10.port": "2",
        "backends.0.port": "3",
        "action": "x",
        "Zeta": "y",
        "Action": "z",
        "B": "w",
    }
    names = _names_in(string_to_sign("POST", BMLB, PATH, params))
    assert names == [
        "Action",
        "B",
        "Zeta",
        "action",
        "backends.0.port",
        "backends.10.port",
        "backends.2.port",
    ]


def test_underscore_in_name_becomes_dot_in_string_to_sign_only():
    params = {"Action": "A", "some_name": "value_with_underscore", "other": "x"}
    text = string_to_sign("GET", BMLB, PATH, params)
    assert (
        text
        == "GETbmlb.api.qcloud.com/v2/index.php?Action=A&other=x&some.name=value_with_underscore"
    )


def test_values_are_signed_raw_not_encoded():
    text = string_to_sign("POST", BMLB, PATH, {"a": "x/y+z=w &"})
    assert text.endswith("?a=x/y+z=w &")


def test_method_upper_case_and_host_without_port():
    assert (
        string_to_sign("post", BMLB, PATH, {"a": "1"}) == "POSTbmlb.api.qcloud.com/v2/index.php?a=1"
    )


def test_the_wire_encodes_every_value_exactly_once_and_signs_it_raw():
    signer = RequestSigner(
        secret_id=DOC_ID, secret_key=DOC_KEY, token="a b/c+d=e", region="bj",
        sign_method="HmacSHA1", http_method="POST", host=BMLB, path=PATH, user_agent="test",
    )  # fmt: skip
    args = {"load_balancer_id": "lb/1 2", "listener_id": "lbl+1=", "instance_id": "cpm-中",
            "port": 1, "new_port": 2}  # fmt: skip
    signed, sent = plan(MODIFY_BM_L4_LISTENER_BACKEND_PORT).encode(args)
    text, query = signer.sign("ModifyBmL4ListenerBackendPort", signed, sent)
    assert "&loadBalancerId=lb/1 2" in text and "&Token=a b/c+d=e" in text  # raw when signed
    assert "loadBalancerId=lb%2F1%202" in query and "Token=a%20b%2Fc%2Bd%3De" in query
    assert "instanceId=cpm-%E4%B8%AD" in query
    assert "%25" not in query  # nothing was encoded twice
    signature = unquote(query.rsplit("&Signature=", 1)[1])
    assert sign(DOC_KEY, text, "HmacSHA1") == signature
