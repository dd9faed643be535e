"""pytest fixtures for code that uses qcloud_bmlb, registered through the ``pytest11`` entry
point whenever the package is installed.

- ``bmlb_seed``: the seed mapping (override it in a conftest.py to start from your own state);
- ``bmlb_fake``: a running :class:`~qcloud_bmlb.testing.FakeBmlb` seeded with it, stopped
  after the test. For the test's duration it also points the environment at the fake
  (``QCLOUD_BMLB_ENDPOINT``, ``TENCENTCLOUD_SECRET_ID``, ``TENCENTCLOUD_SECRET_KEY``,
  ``TENCENTCLOUD_REGION``; a session token of the environment is hidden), so code that makes
  its own ``Client()`` or ``AsyncClient()`` talks to it;
- ``bmlb_client``: a :class:`~qcloud_bmlb.Client` of ``bmlb_fake``, closed after the test;
- ``bmlb_async_client``: an :class:`~qcloud_bmlb.AsyncClient` of ``bmlb_fake``, closed after
  the test. A plain (not async) fixture on purpose: it needs no async plugin and works the same
  under pytest-asyncio (strict or auto mode), anyio's plugin, or a test that runs its own loop;
  the client binds to the event loop of its first call.

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
    from ..async_client import AsyncClient
    from ..client import Client
    from ._fake import FakeBmlb

#: Variables of the environment that would mix a real session into the fake's calls.
_HIDDEN = ("TENCENTCLOUD_TOKEN", "TENCENTCLOUD_SESSION_TOKEN")


@pytest.fixture
def bmlb_seed() -> dict[str, Any]:
    """The state ``bmlb_fake`` starts from; override to seed your own."""
    from . import DEFAULT_SEED

    return copy.deepcopy(DEFAULT_SEED)


@pytest.fixture
def bmlb_fake(bmlb_seed: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeBmlb]:
    """A running fake BM load balancer on loopback, seeded from ``bmlb_seed``; the
    environment points at it for the test's duration."""
    from ._fake import FakeBmlb

    with FakeBmlb(seed=bmlb_seed) as fake:
        for name, value in fake.environment().items():
            monkeypatch.setenv(name, value)
        for name in _HIDDEN:
            monkeypatch.delenv(name, raising=False)
        yield fake


@pytest.fixture
def bmlb_client(bmlb_fake: FakeBmlb) -> Iterator[Client]:
    """A client of ``bmlb_fake``, with its key and region."""
    with bmlb_fake.client() as client:
        yield client


@pytest.fixture
def bmlb_async_client(bmlb_fake: FakeBmlb) -> Iterator[AsyncClient]:
    """An asyncio client of ``bmlb_fake``, with its key and region (see the module's doc)."""
    import asyncio

    client = bmlb_fake.async_client()
    try:
        yield client
    finally:
        # The test's loop may be gone by now: close from a loop of our own (connections of
        # another loop are dropped, not awaited).
        asyncio.run(client.close())
