"""The table of handlers: one for every action of the spec, and a test's own in place of one."""

from __future__ import annotations

import pytest
from qcloud_bmlb import Client, errors
from qcloud_bmlb._operations import OPERATIONS
from qcloud_bmlb.models import BindBmL4ListenerRsBackend, TaskStatus
from qcloud_bmlb.testing import Call, Change, FakeApiError, FakeBmlb
from qcloud_bmlb.testing._dispatch import HANDLERS

from .helpers import CPM3, LB, LISTENER, call_raw, poll


def test_every_action_of_the_spec_has_a_handler() -> None:
    """An action the spec gains without a handler fails here, not as a silent error."""
    assert sorted(set(OPERATIONS) - set(HANDLERS)) == []
    assert sorted(set(HANDLERS) - set(OPERATIONS)) == []  # nor a handler of no action


def test_an_action_the_spec_does_not_have_is_6100(fake: FakeBmlb) -> None:
    answer = call_raw(fake, "DescribeBmNothing", {})
    assert answer["code"] == 6100, answer
    assert "DescribeBmNothing" in answer["message"]


def test_a_handler_of_the_tests_own_answers_in_place_of_the_fakes(
    fake: FakeBmlb, client: Client
) -> None:
    seen: list[Call] = []

    def price(call: Call) -> dict[str, int]:
        seen.append(call)
        if call.args["load_balancer_type"] == "internal":
            raise FakeApiError(500008, "no price today")
        return {"price": 4200}

    fake.register("InquiryBmLBPrice", price)
    assert client.inquiry_bm_lb_price(load_balancer_type="open").price == 4200
    with pytest.raises(errors.TradeErrorQueryPriceError) as caught:
        client.inquiry_bm_lb_price(load_balancer_type="internal")
    assert caught.value.message == "no price today"
    # It gets the arguments decoded by the spec's rules, the wire parameters, the region.
    assert seen[0].args == {"load_balancer_type": "open"}
    assert seen[0].params["loadBalancerType"] == "open"
    assert seen[0].region == fake.region
    assert seen[0].action == "InquiryBmLBPrice"
    fake.unregister("InquiryBmLBPrice")
    assert client.inquiry_bm_lb_price(load_balancer_type="open").price == 100  # the fake's own


def test_a_handlers_change_is_applied_by_the_task_the_spec_says_the_action_starts(
    fake: FakeBmlb, client: Client
) -> None:
    applied: list[int] = []

    def bind(call: Call) -> Change:
        return Change(call.args["load_balancer_id"], lambda: applied.append(1))

    fake.register("BindBmL4ListenerRs", bind)
    result = client.bind_bm_l4_listener_rs(
        load_balancer_id=LB, listener_id=LISTENER,
        backends=[BindBmL4ListenerRsBackend(port=1, instance_id=CPM3, weight=1)],
    )  # fmt: skip
    assert applied == []
    assert poll(client, result.request_id) == [TaskStatus.RUNNING, TaskStatus.SUCCEEDED]
    assert applied == [1]


def test_only_actions_of_the_spec_can_be_given_a_handler(fake: FakeBmlb) -> None:
    with pytest.raises(ValueError, match="DescribeBmNothing"):
        fake.register("DescribeBmNothing", lambda call: {})


def test_an_action_without_a_handler_says_how_to_give_it_one(fake: FakeBmlb) -> None:
    del fake._dispatcher.handlers["InquiryBmLBPrice"]
    answer = call_raw(fake, "InquiryBmLBPrice", {"loadBalancerType": "open"})
    assert answer["code"] == 6100, answer  # not 6200: that one is retried as unavailable
    assert "register one" in answer["message"]
