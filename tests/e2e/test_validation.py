"""Bad arguments raise ValidationError naming the parameter and rule, and nothing is sent."""

from __future__ import annotations

import pickle

import pytest
from qcloud_bmlb import Backend, errors

from ..conftest import answer, recorded

OK = {"code": 0, "message": "", "codeDesc": "Success", "requestId": 1, "data": {"status": 0}}

PORT = "modify_bm_l4_listener_backend_port"
PROBE = "modify_bm_l4_listener_backend_probe_port"
UNBIND = "unbind_bm_l4_listener_rs"
DESCRIBE = "describe_bm_load_balancers_task_result"

ACTION_NAMES = {
    PORT: "ModifyBmL4ListenerBackendPort",
    PROBE: "ModifyBmL4ListenerBackendProbePort",
    UNBIND: "UnbindBmL4ListenerRs",
    DESCRIBE: "DescribeBmLoadBalancersTaskResult",
}

BASE = {
    PORT: {
        "load_balancer_id": "lb-1",
        "listener_id": "lbl-1",
        "instance_id": "cpm-1",
        "port": 80,
        "new_port": 8080,
    },
    PROBE: {
        "load_balancer_id": "lb-1",
        "listener_id": "lbl-1",
        "instance_id": "cpm-1",
        "port": 80,
        "probe_port": 8080,
    },
    UNBIND: {
        "load_balancer_id": "lb-1",
        "listener_id": "lbl-1",
        "backends": [Backend(instance_id="cpm-1", port=80)],
    },
    DESCRIBE: {"request_id": 1},
}


def backends(n: int) -> list[Backend]:
    return [Backend(instance_id=f"cpm-{i}", port=1000 + i) for i in range(n)]


# (method, overrides, parameter, fragment of the rule)
BAD = [
    (PORT, {"port": True}, "port", "must be an int"),
    (PORT, {"port": 80.0}, "port", "must be an int"),
    (PORT, {"port": "80"}, "port", "must be an int"),
    (PORT, {"port": 0}, "port", "between 1 and 65535"),
    (PORT, {"port": -1}, "port", "between 1 and 65535"),
    (PORT, {"port": 65536}, "port", "between 1 and 65535"),
    (PORT, {"new_port": 65536}, "new_port", "between 1 and 65535"),
    (PROBE, {"probe_port": 0}, "probe_port", "between 1 and 65535"),
    (PROBE, {"probe_port": False}, "probe_port", "must be an int"),
    (PORT, {"load_balancer_id": None}, "load_balancer_id", "is required"),
    (PORT, {"new_port": None}, "new_port", "is required"),
    (UNBIND, {"backends": None}, "backends", "is required"),
    (PORT, {"load_balancer_id": ""}, "load_balancer_id", "empty"),
    (PORT, {"listener_id": "  "}, "listener_id", "whitespace"),
    (PORT, {"instance_id": "cpm-\x00"}, "instance_id", "control characters"),
    (PORT, {"instance_id": "cpm-\n1"}, "instance_id", "control characters"),
    (PROBE, {"instance_id": "cpm-\x851"}, "instance_id", "control characters"),
    (PORT, {"load_balancer_id": " lb-1 "}, "load_balancer_id", "start or end with whitespace"),
    (PORT, {"load_balancer_id": "l" * 65}, "load_balancer_id", "at most 64"),
    (UNBIND, {"listener_id": "l" * 65}, "listener_id", "at most 64"),
    (PORT, {"instance_id": 123}, "instance_id", "must be a str"),
    (UNBIND, {"backends": []}, "backends", "between 1 and 255"),
    (UNBIND, {"backends": backends(256)}, "backends", "between 1 and 255"),
    (UNBIND, {"backends": Backend(instance_id="cpm-1", port=80)}, "backends", "must be a list"),
    (UNBIND, {"backends": "cpm-1"}, "backends", "must be a list"),
    (UNBIND, {"backends": {"instance_id": "cpm-1", "port": 80}}, "backends", "must be a list"),
    (UNBIND, {"backends": [("cpm-1", 80)]}, "backends[0]", "must be a Backend or a mapping"),
    (
        UNBIND,
        {"backends": [{"instance_id": "cpm-1", "port": 80, "weight": 5}]},
        "backends[0]",
        "unknown field 'weight'",
    ),
    (
        UNBIND,
        {"backends": [{"instanceId": "cpm-1", "port": 80}]},
        "backends[0]",
        "unknown field 'instanceId'",
    ),
    (UNBIND, {"backends": [{"instance_id": "cpm-1"}]}, "backends[0].port", "is required"),
    (
        UNBIND,
        {"backends": [*backends(3), Backend(instance_id="cpm-9", port=True)]},
        "backends[3].port",
        "must be an int",
    ),
    (
        UNBIND,
        {"backends": [*backends(2), Backend(instance_id="", port=1)]},
        "backends[2].instance_id",
        "empty",
    ),
    (
        UNBIND,
        {"backends": [Backend(instance_id="cpm-1", port=80), {"instance_id": "cpm-1", "port": 80}]},
        "backends[1]",
        "repeats backends[0]",
    ),
    (
        UNBIND,
        {"backends": [*backends(4), Backend(instance_id="cpm-1", port=1001)]},
        "backends[4]",
        "repeats backends[1]",
    ),
    (DESCRIBE, {"request_id": True}, "request_id", "must be an int"),
    (DESCRIBE, {"request_id": "1234"}, "request_id", "must be an int"),
    (DESCRIBE, {"request_id": None}, "request_id", "is required"),
]


@pytest.mark.parametrize(
    ("method", "overrides", "parameter", "rule"),
    BAD,
    ids=[f"{b[0].split('_')[0]}-{b[2]}-{i}" for i, b in enumerate(BAD)],
)
def test_bad_input_is_rejected_before_sending(
    httpserver, client, method, overrides, parameter, rule
):
    answer(httpserver, OK)
    with pytest.raises(errors.ValidationError) as info:
        getattr(client, method)(**{**BASE[method], **overrides})
    exc = info.value
    assert exc.parameter == parameter
    assert rule in exc.rule
    assert exc.action == ACTION_NAMES[method]
    assert str(exc).startswith(f"{ACTION_NAMES[method]}: {parameter}: ")
    assert isinstance(exc, ValueError) and isinstance(exc, errors.BmlbError)
    copy = pickle.loads(pickle.dumps(exc))
    assert type(copy) is errors.ValidationError and str(copy) == str(exc)
    assert (copy.parameter, copy.rule) == (exc.parameter, exc.rule)
    assert httpserver.log == []


@pytest.mark.parametrize(
    ("method", "overrides", "expected"),
    [
        (PORT, {"port": 1, "new_port": 65535}, {"port": "1", "newPort": "65535"}),
        (PROBE, {"port": 65535, "probe_port": 1}, {"port": "65535", "probePort": "1"}),
        (PORT, {"load_balancer_id": "l" * 64}, {"loadBalancerId": "l" * 64}),
        (
            UNBIND,
            {
                "backends": [
                    {"instance_id": "cpm-a", "port": 1},
                    {"instance_id": "cpm-a", "port": 65535},
                    Backend(instance_id="cpm-b", port=1),
                ]
            },
            {
                "backends.0.instanceId": "cpm-a",
                "backends.0.port": "1",
                "backends.1.instanceId": "cpm-a",
                "backends.1.port": "65535",
                "backends.2.instanceId": "cpm-b",
                "backends.2.port": "1",
            },
        ),
        (
            UNBIND,
            {"backends": tuple(backends(2))},
            {"backends.0.port": "1000", "backends.1.port": "1001"},
        ),
        (DESCRIBE, {"request_id": 2**40}, {"requestId": str(2**40)}),
    ],
)
def test_edge_values_pass(httpserver, client, method, overrides, expected):
    answer(httpserver, OK)
    getattr(client, method)(**{**BASE[method], **overrides})
    (request,) = recorded(httpserver)
    params = request.params
    assert {k: params.get(k) for k in expected} == expected


def test_255_backends_pass(httpserver, client):
    answer(httpserver, OK)
    client.unbind_bm_l4_listener_rs(
        load_balancer_id="lb-1", listener_id="lbl-1", backends=backends(255)
    )
    (request,) = recorded(httpserver)
    params = request.params
    ports = sorted(k for k in params if k.startswith("backends."))
    assert len(ports) == 510
    assert params["backends.254.port"] == "1254" and params["backends.254.instanceId"] == "cpm-254"
    assert "backends.255.port" not in params
