"""The generated fast paths (per-action encoders and result builders, the keyed signer, the
Nonce source) against the full paths they stand in for."""

from __future__ import annotations

import base64
import hmac
import json
import os
import pickle
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import qcloud_bmlb
from pytest_httpserver import HTTPServer
from qcloud_bmlb import Backend, Client, _operations, _runtime
from qcloud_bmlb._runtime import ArrayParam, Operation, ScalarParam
from qcloud_bmlb._signing import Signer, sign

from . import fastpath_check
from .conftest import answer, recorded

ROOT = Path(__file__).resolve().parent.parent


def test_fast_paths_agree_with_the_full_ones_on_random_calls_and_responses() -> None:
    tally = fastpath_check.run(qcloud_bmlb, cases=600)
    for action, counts in tally.items():
        # Each way was taken often: the comparison above compared something.
        assert counts["request fast"] > 50, (action, counts)
        assert counts["request full"] > 20, (action, counts)
        assert counts["request invalid"] > 50, (action, counts)
        assert counts["response fast"] > 20, (action, counts)
        assert counts.get("response raised", 0) > 20, (action, counts)


def test_every_action_of_the_spec_has_an_encoder_and_a_result_builder() -> None:
    for op in _operations.OPERATIONS.values():
        assert op.fast is not None and op.fast_result is not None, op.action


def test_a_str_subclass_is_sent_by_its_content_not_its_str(
    client: Client, httpserver: HTTPServer
) -> None:
    answer(httpserver, {"code": 0, "message": "", "codeDesc": "Success", "requestId": 5})
    client.modify_bm_l4_listener_backend_port(
        load_balancer_id=fastpath_check.SneakyStr("lb-real"), listener_id="lbl-1",
        instance_id="cpm-1", port=80, new_port=81,
    )  # fmt: skip
    assert recorded(httpserver)[-1].params["loadBalancerId"] == "lb-real"


def test_the_encoder_declines_values_that_need_encoding_and_they_still_go_out_right() -> None:
    op = _operations.UNBIND_BM_L4_LISTENER_RS
    backends = [Backend(instance_id="cpm 1", port=80), Backend(instance_id="中文", port=81)]
    args = {"load_balancer_id": "lb-1", "listener_id": "lbl-1", "backends": backends}
    assert op.fast is not None and op.fast(args) is None
    assert op.query(args) == op.encode(args)


def test_backends_are_signed_in_code_point_order_of_their_keys() -> None:
    op = _operations.UNBIND_BM_L4_LISTENER_RS
    backends = [Backend(instance_id=f"cpm-{i}", port=1000 + i) for i in range(12)]
    part = op.query({"load_balancer_id": "lb-1", "listener_id": "lbl-1", "backends": backends})
    assert isinstance(part, str)
    keys = [pair.split("=")[0] for pair in part[1:].split("&")]
    assert keys == sorted(keys)
    assert keys[:6] == [
        "backends.0.instanceId", "backends.0.port", "backends.1.instanceId", "backends.1.port",
        "backends.10.instanceId", "backends.10.port",
    ]  # fmt: skip


def test_an_operation_whose_parameter_sorts_among_the_common_ones_gets_no_fast_path() -> None:
    with pytest.raises(ValueError, match="among the common ones"):
        Operation(
            action="X", params=(ScalarParam(name="a", wire="Ozone", kind="String"),),
            result=dict, result_fields=(), fast=lambda args: "",
        )  # fmt: skip


def test_an_array_whose_names_need_encoding_has_no_layout() -> None:
    param = ArrayParam(
        name="items", wire="some_items", item_type=Backend,
        fields=(ScalarParam(name="port", wire="port", kind="Int"),),
    )  # fmt: skip
    with pytest.raises(ValueError, match="no fast path"):
        param.fast_format(1, [80])


@pytest.mark.parametrize("method", ["HmacSHA256", "HmacSHA1", None, "HmacMD5"])
def test_the_keyed_signer_equals_hmac_for_any_key_and_text(method: str | None) -> None:
    rng = random.Random(7)
    for length in [0, 1, 20, 63, 64, 65, 127, 128, 129, 300]:
        key = "".join(rng.choice("aZ9+/中é\x00") for _ in range(length))
        for text in ["", "GETbmlb.api.qcloud.com/v2/index.php?Action=X", "中文" * 50, "x" * 5000]:
            assert Signer(key, method).sign(text) == sign(key, text, method)
    # And against the standard library's HMAC directly: SHA256 for HmacSHA256, else SHA1.
    digest = "sha256" if method == "HmacSHA256" else "sha1"
    expected = base64.b64encode(hmac.digest("密钥".encode(), "文本".encode(), digest)).decode()
    assert Signer("密钥", method).sign("文本") == expected


def test_the_signer_keeps_its_key_to_itself() -> None:
    signer = Signer("very-secret-key-123", "HmacSHA256")
    assert "very-secret" not in repr(signer)
    with pytest.raises(TypeError, match="not picklable"):
        pickle.dumps(signer)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_forked_child_does_not_repeat_its_parents_nonces() -> None:
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        try:
            os.write(write, json.dumps([_runtime._nonce() for _ in range(4)]).encode())
        finally:
            os._exit(0)
    os.close(write)
    os.waitpid(pid, 0)
    child = json.loads(os.read(read, 4096))
    os.close(read)
    parent = [_runtime._nonce() for _ in range(4)]
    assert child != parent
    assert all(1 <= n < 2**63 for n in child + parent)


def test_the_client_settings_are_fixed_at_construction(client: Client) -> None:
    # The signing pieces are made from them once; changing one afterwards would not apply.
    for name in ("credentials", "region", "endpoint", "sign_method", "http_method"):
        with pytest.raises(AttributeError):
            setattr(client, name, getattr(client, name))


# -- a package generated from a spec with optional parameters and a name with "_" ------------

VARIANT = {
    "action": "CheckOptionalParams",
    "summary": {"en": "Optional parameters of every kind.", "zh": "各种可选参数。"},
    "startsTask": False,
    "idempotent": True,
    "parameters": [
        {"name": "loadBalancerId", "type": "String", "required": True, "maxLength": 64,
         "description": {"en": "Id.", "zh": "ID。"}},
        {"name": "note", "type": "String", "required": False,
         "description": {"en": "Any text.", "zh": "文本。"}},
        {"name": "weight", "type": "Int", "required": False, "range": [0, 100],
         "description": {"en": "Weight.", "zh": "权重。"}},
        {"name": "count", "type": "Int", "required": False,
         "description": {"en": "Unbounded.", "zh": "无界。"}},
        {"name": "targets", "type": "Array", "required": False, "maxItems": 20,
         "description": {"en": "Targets.", "zh": "目标。"},
         "items": {"name": "target", "unique": ["host"], "fields": [
             {"name": "host", "type": "String", "required": True, "maxLength": 32,
              "description": {"en": "Host.", "zh": "主机。"}},
             {"name": "zone", "type": "Int", "required": False, "range": [1, 9],
              "description": {"en": "Zone.", "zh": "区。"}},
             {"name": "weight", "type": "Int", "required": True,
              "description": {"en": "Weight.", "zh": "权重。"}}]}},
    ],
    "errors": [],
    "response": [{"name": "requestId", "type": "Int", "description": {"en": "Id.", "zh": "ID。"}}],
    "example": {"loadBalancerId": "lb-1"},
}  # fmt: skip

UNDERSCORE = {
    "action": "CheckUnderscoreName",
    "summary": {"en": "A wire name with an underscore.", "zh": "带下划线的参数名。"},
    "startsTask": False,
    "idempotent": True,
    "parameters": [
        {"name": "some_name", "type": "String", "required": True, "maxLength": 64,
         "description": {"en": "Signed as some.name.", "zh": "签名时为 some.name。"}},
    ],
    "errors": [],
    "response": [{"name": "requestId", "type": "Int", "description": {"en": "Id.", "zh": "ID。"}}],
    "example": {"some_name": "x"},
}  # fmt: skip


@pytest.fixture(scope="module")
def variant_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("variant")
    spec = base / "spec"
    shutil.copytree(ROOT / "spec", spec)
    for action in (VARIANT, UNDERSCORE):
        (spec / "actions" / f"{action['action']}.yaml").write_text(
            json.dumps(action, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    out = base / "out"
    done = subprocess.run(
        [sys.executable, "-m", "generator", "--spec", str(spec), "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return out


def test_variant_spec_fast_paths_agree_with_the_full_ones(
    variant_out: Path, tmp_path: Path
) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TENCENTCLOUD_")}
    env["PYTHONPATH"] = os.pathsep.join([str(variant_out), str(ROOT / "tests")])
    env["HOME"] = str(tmp_path)
    done = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "fastpath_check.py"), "300"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300, env=env,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    out = json.loads(done.stdout)
    assert Path(out["file"]).is_relative_to(variant_out)
    tally: dict[str, dict[str, int]] = out["tally"]
    optional = tally["CheckOptionalParams"]
    assert optional["request fast"] > 30 and optional["request full"] > 30, optional
    underscore = tally["CheckUnderscoreName"]
    assert "request fast" not in underscore and underscore["request full"] > 30, underscore
    operations = (variant_out / "qcloud_bmlb" / "_operations.py").read_text(encoding="utf-8")
    assert "def _check_optional_params_targets(" in operations
    assert "def _check_underscore_name(" not in operations


def test_nonces_are_63_random_bits_so_a_busy_client_does_not_repeat_one() -> None:
    # With 31 bits, 8,000 requests in the replay window repeat a Nonce with ~1.5 % chance.
    nonces = [_runtime._nonce() for _ in range(20_000)]
    assert len(set(nonces)) == len(nonces)
    assert max(nonces) > 2**62 and min(nonces) >= 1
