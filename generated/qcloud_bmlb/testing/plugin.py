"""pytest fixtures for code that uses qcloud_bmlb, registered through the ``pytest11`` entry
point whenever the package is installed.

- ``bmlb_seed``: the seed mapping (override it in a conftest.py to start from your own state);
- ``bmlb_fake``: a running :class:`~qcloud_bmlb.testing.FakeBmlb` seeded with it, stopped
  after the test;
- ``bmlb_client``: a :class:`~qcloud_bmlb.Client` pointed at ``bmlb_fake``, closed after the test.

pytest loads this module in every run of an environment the package is installed in, tests
that never use the fake included: it imports nothing of the fake until a fixture is used, so
it costs those runs nothing and cannot break them.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from ..client import Client
    from ._server import FakeBmlb


@pytest.fixture
def bmlb_seed() -> dict[str, Any]:
    """The state ``bmlb_fake`` starts from; override to seed your own."""
    from . import DEFAULT_SEED

    return copy.deepcopy(DEFAULT_SEED)


@pytest.fixture
def bmlb_fake(bmlb_seed: dict[str, Any]) -> Iterator[FakeBmlb]:
    """A running fake BM load balancer on loopback, seeded from ``bmlb_seed``."""
    from ._server import FakeBmlb

    with FakeBmlb(seed=bmlb_seed) as fake:
        yield fake


@pytest.fixture
def bmlb_client(bmlb_fake: FakeBmlb) -> Iterator[Client]:
    """A client pointed at ``bmlb_fake``, with its credentials and region."""
    client: Client = bmlb_fake.client()
    with client:
        yield client
