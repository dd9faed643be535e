"""Flattening of backends into backends.N.field wire parameters, through the action's request
plan: the parameters as sent (percent-decoded here), in signing order, and read back."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from qcloud_bmlb import Backend, errors
from qcloud_bmlb._operations import UNBIND_BM_L4_LISTENER_RS as UNBIND
from qcloud_bmlb._serialize import plan


class _Encoder:
    """``encode(args)``: the wire parameters of a call as a dict, checked to come in signing
    order (code-point order of the names) and, where nothing needs encoding, signed as sent;
    ``decode`` (the fake's reading of them) must give the arguments back."""

    def encode(self, args: dict[str, object]) -> dict[str, str]:
        signed, sent = plan(UNBIND).encode(args)
        pairs = parse_qsl(sent.lstrip("&"), keep_blank_values=True, strict_parsing=True)
        names = [name for name, _ in pairs]
        assert names == sorted(names), names
        if all(re.fullmatch(r"[A-Za-z0-9_.~-]*", v) for _, v in pairs):
            assert signed == sent
        flat = dict(pairs)
        back = plan(UNBIND).decode(flat)
        assert [(b["instance_id"], b["port"]) for b in back["backends"]] == [
            (b["instance_id"], b["port"]) if isinstance(b, dict) else (b.instance_id, b.port)
            for b in args["backends"]  # type: ignore[attr-defined]
        ]
        return flat


UNBIND_BM_L4_LISTENER_RS = _Encoder()

IDS = {"load_balancer_id": "lb-abcdefgh", "listener_id": "lbl-abcdefgh"}
WIRE_IDS = {"loadBalancerId": "lb-abcdefgh", "listenerId": "lbl-abcdefgh"}
KEY = re.compile(r"^backends\.(0|[1-9][0-9]*)\.(instanceId|port)$")


def decode(flat: dict[str, str]) -> list[tuple[str, int]]:
    """The inverse of flattening, strict: indexes 0..n-1, both fields in every item, and no
    other parameter than the two ids."""
    items: dict[int, dict[str, str]] = {}
    rest = {}
    for name, value in flat.items():
        assert isinstance(value, str), (name, value)
        match = KEY.match(name)
        if match is None:
            rest[name] = value
            continue
        items.setdefault(int(match.group(1)), {})[match.group(2)] = value
    assert rest == WIRE_IDS
    assert sorted(items) == list(range(len(items))), sorted(items)
    out = []
    for index in range(len(items)):
        item = items[index]
        assert set(item) == {"instanceId", "port"}, (index, item)
        assert item["port"] == str(int(item["port"]))
        out.append((item["instanceId"], int(item["port"])))
    return out


def flat_of(pairs: list[tuple[str, int]]) -> dict[str, str]:
    out = dict(WIRE_IDS)
    for i, (iid, port) in enumerate(pairs):
        out[f"backends.{i}.instanceId"] = iid
        out[f"backends.{i}.port"] = str(port)
    return out


TWELVE = [(f"cpm-{i:02d}", 8000 + i) for i in range(12)]

CASES = [
    ("one", [Backend(instance_id="cpm-1", port=80)], [("cpm-1", 80)]),
    (
        "three",
        [
            Backend(instance_id="cpm-1", port=80),
            Backend(instance_id="cpm-2", port=80),
            Backend(instance_id="cpm-1", port=443),
        ],
        [("cpm-1", 80), ("cpm-2", 80), ("cpm-1", 443)],
    ),
    ("twelve", [Backend(instance_id=i, port=p) for i, p in TWELVE], TWELVE),
    (
        "mixed",
        [
            {"instance_id": "cpm-a", "port": 1},
            Backend(instance_id="cpm-b", port=2),
            {"port": 3, "instance_id": "cpm-c"},
            Backend(instance_id="cpm-d", port=65535),
        ],
        [("cpm-a", 1), ("cpm-b", 2), ("cpm-c", 3), ("cpm-d", 65535)],
    ),
    (
        "tuple",
        (Backend(instance_id="cpm-z", port=9), Backend(instance_id="cpm-y", port=8)),
        [("cpm-z", 9), ("cpm-y", 8)],
    ),
]


@pytest.mark.parametrize(("name", "backends", "expected"), CASES, ids=[c[0] for c in CASES])
def test_flatten_table(name, backends, expected):
    flat = UNBIND_BM_L4_LISTENER_RS.encode({**IDS, "backends": backends})
    assert flat == flat_of(expected)
    assert decode(flat) == expected


def test_twelve_items_use_two_digit_indexes():
    flat = UNBIND_BM_L4_LISTENER_RS.encode(
        {**IDS, "backends": [Backend(instance_id=i, port=p) for i, p in TWELVE]}
    )
    assert flat["backends.10.port"] == "8010"
    assert flat["backends.11.instanceId"] == "cpm-11"
    assert "backends.12.port" not in flat and "backends.01.port" not in flat


def test_encode_does_not_mutate_or_keep_state():
    backends = [{"instance_id": "cpm-a", "port": 1}]
    first = UNBIND_BM_L4_LISTENER_RS.encode({**IDS, "backends": backends})
    second = UNBIND_BM_L4_LISTENER_RS.encode(
        {**IDS, "backends": [Backend(instance_id="cpm-b", port=2)]}
    )
    assert backends == [{"instance_id": "cpm-a", "port": 1}]
    assert decode(first) == [("cpm-a", 1)] and decode(second) == [("cpm-b", 2)]


instance_ids = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zs", "Zl", "Zp")),
    min_size=1,
    max_size=64,
)
pairs = st.lists(
    st.tuples(instance_ids, st.integers(1, 65535), st.booleans()),
    min_size=1,
    max_size=255,
    unique_by=lambda t: (t[0], t[1]),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items=pairs)
def test_flatten_round_trip(items):
    backends = [
        {"instance_id": iid, "port": port} if as_dict else Backend(instance_id=iid, port=port)
        for iid, port, as_dict in items
    ]
    flat = UNBIND_BM_L4_LISTENER_RS.encode({**IDS, "backends": backends})
    assert len(flat) == 2 + 2 * len(items)
    assert decode(flat) == [(iid, port) for iid, port, _ in items]


@given(
    items=st.lists(
        st.tuples(st.sampled_from(["a", "b"]), st.integers(1, 3)), min_size=2, max_size=8
    )
)
@settings(max_examples=60, deadline=None)
def test_repeats_are_found_at_their_first_repeat(items):
    """With repeats, the error names the first repeating item and the one it repeats."""
    seen: dict[tuple[str, int], int] = {}
    first = None
    for index, key in enumerate(items):
        if key in seen:
            first = (index, seen[key])
            break
        seen[key] = index
    backends = [Backend(instance_id=i, port=p) for i, p in items]
    if first is None:
        assert decode(UNBIND_BM_L4_LISTENER_RS.encode({**IDS, "backends": backends})) == items
        return
    with pytest.raises(errors.ValidationError) as info:
        UNBIND_BM_L4_LISTENER_RS.encode({**IDS, "backends": backends})
    assert info.value.parameter == f"backends[{first[0]}]"
    assert f"repeats backends[{first[1]}]" in info.value.rule
    assert info.value.action == "UnbindBmL4ListenerRs"
