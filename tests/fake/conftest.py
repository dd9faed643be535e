"""Fixtures of the fake's tests: a running fake seeded with DEFAULT_SEED, and a client of it
that makes one try per call."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from qcloud_bmlb import Client
from qcloud_bmlb.testing import DEFAULT_SEED, FakeBmlb

from .helpers import one_try_client


@pytest.fixture
def fake() -> Iterator[FakeBmlb]:
    with FakeBmlb(seed=DEFAULT_SEED) as running:
        yield running


@pytest.fixture
def client(fake: FakeBmlb) -> Iterator[Client]:
    with one_try_client(fake) as c:
        yield c
