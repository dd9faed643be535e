"""What the loader builds: the IR of each construct of the spec language, from a small spec made
in a temporary folder, and the IR of the real spec's four actions."""

from __future__ import annotations

import pytest

from generator import ir
from generator.loader import SpecError, load

from ..support import SPEC
from .samples import TASK, load_small_spec


@pytest.fixture(scope="module")
def spec(tmp_path_factory: pytest.TempPathFactory) -> ir.Spec:
    return load_small_spec(tmp_path_factory.mktemp("ir"))


def action(spec: ir.Spec, name: str) -> ir.Action:
    return next(a for a in spec.actions if a.name == name)


def param(a: ir.Action, wire: str) -> ir.Param:
    return next(p for p in a.params if p.wire == wire)


def test_a_scalar_array(spec: ir.Spec) -> None:
    p = param(action(spec, "DescribeThings"), "thingIds")
    assert isinstance(p, ir.ScalarArray)
    assert (p.py_name, p.required, p.min_items, p.max_items, p.unique) == (
        "thing_ids",
        False,
        None,
        50,
        True,
    )
    assert (p.item.type, p.item.max_length, p.item.wire, p.item.py_name) == ("String", 64, "", "")
    assert p.py_type == "Sequence[str]" and p.type == "Array"
    assert p.rule == "≤ 50 items, 1–64 chars"


def test_allowed_values_and_defaults(spec: ir.Spec) -> None:
    a = action(spec, "DescribeThings")
    protocol, switch = param(a, "protocol"), param(a, "healthSwitch")
    assert isinstance(protocol, ir.Field) and isinstance(switch, ir.Field)
    assert (protocol.enum, protocol.default, protocol.py_type) == (
        ("tcp", "udp"),
        "tcp",
        "Literal['tcp', 'udp']",
    )
    assert (switch.enum, switch.default, switch.py_type) == ((0, 1), None, "Literal[0, 1]")
    assert protocol.rule == "tcp | udp"


def test_a_uint_is_at_least_zero(spec: ir.Spec) -> None:
    a = action(spec, "DescribeThings")
    offset, limit = param(a, "offset"), param(a, "limit")
    assert isinstance(offset, ir.Field) and isinstance(limit, ir.Field)
    assert (offset.type, offset.py_type, offset.minimum, offset.maximum, offset.default) == (
        "UInt",
        "int",
        0,
        None,
        0,
    )
    assert (limit.minimum, limit.maximum, limit.default) == (1, 100, 20)


def test_required_parameters_come_first_in_spec_order(spec: ir.Spec) -> None:
    a = action(spec, "DescribeThings")
    assert [p.wire for p in a.params] == ["loadBalancerId", "thingIds", "protocol",
                                          "healthSwitch", "offset", "limit"]  # fmt: skip


def test_request_items_are_named_per_action_or_shared_by_model(spec: ir.Spec) -> None:
    bind, unbind = action(spec, "BindThings"), action(spec, "UnbindThings")
    backends, targets = param(bind, "backends"), param(bind, "targets")
    other = param(unbind, "targets")
    assert isinstance(backends, ir.ArrayParam) and isinstance(targets, ir.ArrayParam)
    assert isinstance(other, ir.ArrayParam)
    assert backends.item.class_name == "BindThingsBackend"
    assert backends.item.unique == ("instance_id", "port")
    assert [(f.py_name, f.required, f.default) for f in backends.item.fields] == [
        ("instance_id", True, None), ("port", True, None), ("weight", False, 10)
    ]  # fmt: skip
    assert targets.item.class_name == other.item.class_name == "Target"
    assert targets.item.fields[0].description.en == "instanceId"
    assert other.item.fields[0].description.en == "instanceId to unbind"
    assert [i.class_name for i in spec.items] == ["BindThingsBackend", "Target"]
    assert backends.py_type == "Sequence[BindThingsBackend]"


def test_nested_response_shapes_and_models(spec: ir.Spec) -> None:
    a = action(spec, "DescribeThings")
    total, things = a.response
    assert (total.py_name, total.type, total.py_type, total.path) == (
        "total_count",
        "Int",
        "int",
        ("totalCount",),
    )
    assert things.py_type == "list[DescribeThingsThing]"
    assert things.shape.item is not None and things.shape.item.model is not None
    thing = things.shape.item.model
    assert (thing.name, thing.class_name) == ("thing", "DescribeThingsThing")
    assert thing.description == ir.Text("thingSet.", "thingSet.", en_ours=True)
    by_name = {f.name: f for f in thing.fields}
    assert by_name["protocol"].shape.allowed == ("tcp", "udp")
    assert (by_name["weight"].required, by_name["weight"].py_type) == (False, "int | None")
    assert by_name["tags"].py_type == "list[str]"
    assert by_name["tags"].shape.item == ir.Shape("String", "str")
    assert by_name["rsList"].py_type == "list[Rs]"
    data = by_name["data"]
    assert (data.type, data.py_type) == ("Object", "DescribeThingsData | None")
    assert data.shape.model is not None and data.shape.model.class_name == "DescribeThingsData"
    assert [m.class_name for m in a.models] == ["DescribeThingsThing", "Rs", "DescribeThingsData"]


def test_a_response_model_shared_by_two_actions_is_one_class(spec: ir.Spec) -> None:
    assert [m.class_name for m in spec.models] == [
        "DescribeThingsData", "DescribeThingsThing", "Rs"
    ]  # fmt: skip
    assert [m.class_name for m in action(spec, "BindThings").models] == ["Rs"]


def test_pagination(spec: ir.Spec) -> None:
    assert action(spec, "DescribeThings").pagination == ir.Pagination(
        offset="offset", limit="limit", total="total_count", items="thing_set",
        item_class="DescribeThingsThing", method="iter_describe_things",
    )  # fmt: skip
    assert action(spec, "BindThings").pagination is None


def test_pages_and_english_of_ours(spec: ir.Spec) -> None:
    a = action(spec, "DescribeThings")
    assert a.pages == ir.Pages("pages/DescribeThings.zh.md", None)
    assert a.summary == ir.Text("List things.", "获取。", en_ours=True)
    assert action(spec, "BindThings").pages is None
    assert action(spec, "BindThings").summary.en_ours is False


def test_examples_in_python_form(spec: ir.Spec) -> None:
    a = action(spec, "DescribeThings")
    assert a.example == (
        ("load_balancer_id", "lb-1"), ("thing_ids", ["t-1", "t-2"]), ("protocol", "udp")
    )  # fmt: skip
    assert a.example_response == {"code": 0, "totalCount": 0, "thingSet": []}
    assert type(a.example_response) is dict
    assert action(spec, "BindThings").example == (
        ("backends", [{"instance_id": "cpm-1", "port": 80}]),
    )
    assert action(spec, "BindThings").example_response is None


def test_tasks_and_idempotency(spec: ir.Spec) -> None:
    bind, describe = action(spec, "BindThings"), action(spec, "DescribeThings")
    assert (bind.starts_task, bind.task_id, bind.idempotent) == (True, "request_id", False)
    assert (describe.starts_task, describe.task_id, describe.idempotent) == (False, None, True)


def test_name_lists_on_the_spec(spec: ir.Spec) -> None:
    assert spec.model_classes == (
        "BindThingsBackend", "BindThingsResult", "DescribeBmLoadBalancersTaskResult",
        "DescribeThingsData", "DescribeThingsResult", "DescribeThingsThing", "Rs", "Target",
        "TaskStatus", "UnbindThingsResult",
    )  # fmt: skip
    assert spec.method_classes == (
        "BindThingsBackend", "BindThingsResult", "DescribeBmLoadBalancersTaskResult",
        "DescribeThingsResult", "DescribeThingsThing", "Target", "UnbindThingsResult",
    )  # fmt: skip
    assert "InvalidParameter" in spec.error_classes
    assert list(spec.error_classes) == sorted(spec.error_classes)


# -- the real spec ---------------------------------------------------------------------------


def test_the_real_unbind_keeps_its_backend_class() -> None:
    real = load(SPEC)
    unbind = action(real, "UnbindBmL4ListenerRs")
    backends = param(unbind, "backends")
    assert isinstance(backends, ir.ArrayParam)
    assert backends.item.class_name == "Backend"
    assert [i.class_name for i in real.items] == ["Backend"]


def test_the_real_task_action() -> None:
    real = load(SPEC)
    assert (real.task.action.name, real.task.request_param, real.task.status_field) == (
        TASK, "request_id", "status"
    )  # fmt: skip
    status = real.task.action.response[0]
    assert status.path == ("data", "status") and status.enum is not None
    assert [(v.value, v.py_name) for v in status.enum.values] == [
        (0, "SUCCEEDED"), (1, "FAILED"), (2, "RUNNING")
    ]  # fmt: skip


def test_the_benchmarks_synthetic_spec_loads(tmp_path_factory: pytest.TempPathFactory) -> None:
    """benchmarks/generation.py measures specs the loader takes: each shape once, and twice."""
    import sys

    sys.path.insert(0, str(SPEC.parent / "benchmarks"))
    import generation

    loaded = load(generation.synthetic_spec(tmp_path_factory.mktemp("bench") / "spec", 11))
    assert len(loaded.actions) == 11
    assert sum(a.pagination is not None for a in loaded.actions) == 2
    assert any(isinstance(p, ir.ScalarArray) for a in loaded.actions for p in a.params)


def test_loading_leaves_the_garbage_collector_as_it_was() -> None:
    import gc

    load(SPEC)
    assert gc.isenabled()
    gc.disable()
    try:
        load(SPEC)
        assert not gc.isenabled()
    finally:
        gc.enable()
    with pytest.raises(SpecError):
        load(SPEC.parent / "no-such-spec")
    assert gc.isenabled()
