"""Every action's own example (the spec's ``example:``, from Tencent's page) sent by our
client to the fake, in the world the pages' examples are about (``tests/support/pages.py``):
each is answered with success or an error its page documents, and the answer reads into the
action's result model. (``benchmarks/legacy_sdk.py`` does the same with the official legacy
SDK.) Grows with the spec: a new action brings its example."""

from __future__ import annotations

import time
from typing import Any

import pytest
from qcloud_bmlb import errors
from qcloud_bmlb._operations import OPERATIONS
from qcloud_bmlb._shapes import Operation
from qcloud_bmlb.testing import FakeBmlb

from generator.naming import identifier

from ..support.pages import PAGES_TIME, corpus_actions, examples, verdict, worlds

EXAMPLES = examples()
WORLDS = worlds()


def arguments(op: Operation, example: dict[str, Any]) -> dict[str, Any]:
    """An example's wire values as the typed method's arguments (items as mappings)."""
    by_wire = {p.wire: p for p in op.params}
    out = {}
    for wire, value in example.items():
        param = by_wire[wire]
        fields = getattr(getattr(param, "item", None), "fields", None)
        if fields is not None:
            names = {f.wire: f.name for f in fields}
            value = [{names[k]: v for k, v in item.items()} for item in value]
        out[param.name] = value
    return out


def test_every_action_of_the_pages_is_in_the_spec_with_an_example() -> None:
    assert sorted(EXAMPLES) == sorted(OPERATIONS) == corpus_actions()
    assert all(EXAMPLES[action] or not OPERATIONS[action].params for action in EXAMPLES)


@pytest.mark.parametrize("action", sorted(OPERATIONS))
def test_the_pages_example(action: str, monkeypatch: pytest.MonkeyPatch) -> None:
    now, started = time.time, time.time()
    at_the_pages_time = lambda: PAGES_TIME + (now() - started)  # noqa: E731
    monkeypatch.setattr(time, "time", at_the_pages_time)  # the client's Timestamps too
    op = OPERATIONS[action]
    args = arguments(op, EXAMPLES[action])
    answers = []
    for name, seed in WORLDS:
        with (
            FakeBmlb(seed=seed, clock=at_the_pages_time) as fake,
            fake.client(retries=0, region="bj") as client,
        ):
            try:
                result = getattr(client, identifier(action))(**args)
            except errors.ApiError as exc:
                answers.append((name, exc.code, exc.message))
                continue
        assert type(result).__name__ == op.result.model  # read into its model
        return
    assert [verdict(code, op.errors) for _, code, _ in answers].count("documented") >= 1, answers
