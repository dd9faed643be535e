"""The pytest plugin (``bmlb_seed``, ``bmlb_fake``, ``bmlb_client``, ``bmlb_async_client``), run
the way a user's test suite would: a separate pytest process that finds it through the
``pytest11`` entry point."""

from __future__ import annotations

import pytest

pytest_plugins = ["pytester"]

#: What a suite's conftest sees while pytest collects: the plugin is loaded, the fake is not.
CONFTEST = """
import sys

LOADED_AT_COLLECTION = sorted(m for m in sys.modules if m.startswith("qcloud_bmlb"))
"""

SUITE = """
import asyncio
import http.client
import os
from urllib.parse import urlsplit

import pytest
from conftest import LOADED_AT_COLLECTION
from qcloud_bmlb import AsyncClient, Client, errors
from qcloud_bmlb.models import Backend, TaskStatus
from qcloud_bmlb.testing import DEFAULT_SEED, Binding, FakeBmlb

seen = {}


def test_the_plugin_imports_nothing_of_the_fake_until_a_fixture_is_used():
    assert "qcloud_bmlb.testing.plugin" in LOADED_AT_COLLECTION
    assert "qcloud_bmlb.testing._fake" not in LOADED_AT_COLLECTION
    assert "qcloud_bmlb.client" not in LOADED_AT_COLLECTION


def test_default_seed(bmlb_fake, bmlb_client, bmlb_seed):
    assert isinstance(bmlb_fake, FakeBmlb)
    assert isinstance(bmlb_client, Client)
    assert bmlb_seed == DEFAULT_SEED and bmlb_seed is not DEFAULT_SEED
    assert bmlb_client.endpoint.url == bmlb_fake.endpoint
    assert bmlb_client.region == bmlb_fake.region == "ap-guangzhou"
    result = bmlb_client.unbind_bm_l4_listener_rs(
        load_balancer_id="lb-abcdefgh", listener_id="lbl-abcdefgh",
        backends=[Backend(instance_id="cpm-abcdefgh", port=1234)],
    )
    while bmlb_client.describe_bm_load_balancers_task_result(
        request_id=result.request_id
    ).status == TaskStatus.RUNNING:
        pass
    assert len(bmlb_fake.backends("lb-abcdefgh", "lbl-abcdefgh")) == 2
    bmlb_seed["load_balancers"].clear()  # must not leak into the next test
    seen["endpoint"] = bmlb_fake.endpoint
    seen["client"] = bmlb_client


def test_the_previous_fake_is_stopped_and_its_client_closed(bmlb_fake):
    port = urlsplit(seen["endpoint"]).port
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
    with pytest.raises(ConnectionRefusedError):
        conn.request("GET", "/v2/index.php")
    with pytest.raises(errors.ClientClosedError, match="closed"):  # closed, not refused
        seen["client"].describe_bm_load_balancers_task_result(request_id=1)
    # Each test gets a fresh fake from the seed: the unbind of the first test is not here.
    assert len(bmlb_fake.backends("lb-abcdefgh", "lbl-abcdefgh")) == 3


def code_of_the_user(port):
    # Code under test that makes its own client, as production code does.
    with Client() as client:
        return client.modify_bm_l4_listener_backend_port(
            load_balancer_id="lb-abcdefgh", listener_id="lbl-abcdefgh",
            instance_id="cpm-abcdefgh", port=port, new_port=port + 1, wait=5,
        )


def test_a_client_of_the_users_own_talks_to_the_fake(bmlb_fake):
    assert os.environ["QCLOUD_BMLB_ENDPOINT"] == bmlb_fake.endpoint
    assert os.environ["TENCENTCLOUD_REGION"] == "ap-guangzhou"
    assert "TENCENTCLOUD_TOKEN" not in os.environ
    code_of_the_user(1234)
    assert Binding("cpm-abcdefgh", 1235) in bmlb_fake.backends("lb-abcdefgh", "lbl-abcdefgh")


def test_the_environment_is_the_users_again_after_the_test():
    assert os.environ["QCLOUD_BMLB_ENDPOINT"] == "https://nowhere.invalid"
    assert os.environ["TENCENTCLOUD_TOKEN"] == "the-users-own"


def test_the_async_client(bmlb_async_client, bmlb_fake):
    assert isinstance(bmlb_async_client, AsyncClient)

    async def unbind():
        result = await bmlb_async_client.unbind_bm_l4_listener_rs(
            load_balancer_id="lb-abcdefgh", listener_id="lbl-abcdefgh",
            backends=[Backend(instance_id="cpm-ijklmnop", port=1234)], wait=5,
        )
        return result.request_id

    asyncio.run(unbind())  # no async plugin here: the test runs its own loop
    assert Binding("cpm-ijklmnop", 1234) not in bmlb_fake.backends("lb-abcdefgh", "lbl-abcdefgh")
"""

CUSTOM_CONFTEST = """
import pytest


@pytest.fixture
def bmlb_seed():
    return {
        "credentials": [{"secret_id": "AKIDmine", "secret_key": "my-key"}],
        "load_balancers": [{
            "id": "lb-mine0001", "region": "bj",
            "listeners": [{"id": "lbl-mine0001", "port": 80, "backends": [
                {"instance_id": "cpm-mine0001", "port": 22},
                {"instance_id": "cpm-mine0001", "port": 23},
            ]}],
        }],
    }
"""

CUSTOM_SUITE = """
import pytest
from qcloud_bmlb import errors
from qcloud_bmlb.models import Backend, TaskStatus
from qcloud_bmlb.testing import Binding


def test_overridden_seed(bmlb_fake, bmlb_client):
    assert [lb["id"] for lb in bmlb_fake.snapshot()["load_balancers"]] == ["lb-mine0001"]
    with bmlb_fake.client(secret_id="AKIDmine", secret_key="my-key") as client:
        result = client.modify_bm_l4_listener_backend_port(
            load_balancer_id="lb-mine0001", listener_id="lbl-mine0001",
            instance_id="cpm-mine0001", port=22, new_port=2222,
        )
        statuses = [
            client.describe_bm_load_balancers_task_result(request_id=result.request_id).status
            for _ in range(2)
        ]
    assert statuses == [TaskStatus.RUNNING, TaskStatus.SUCCEEDED]
    assert bmlb_fake.backends("lb-mine0001", "lbl-mine0001") == [
        Binding("cpm-mine0001", 23), Binding("cpm-mine0001", 2222)
    ]
    # The fixtures are in the seed's region (bj is ap-beijing); another region finds nothing.
    assert bmlb_client.region == "ap-beijing"
    with bmlb_fake.client(region="ap-shanghai") as shanghai:
        with pytest.raises(errors.InvalidParameterCCDBLBNotExist):
            shanghai.unbind_bm_l4_listener_rs(
                load_balancer_id="lb-mine0001", listener_id="lbl-mine0001",
                backends=[Backend(instance_id="cpm-mine0001", port=23)],
            )
"""


def make_suite(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    pytester.makeconftest(CONFTEST)
    pytester.makepyfile(test_default=SUITE)
    custom = pytester.mkpydir("custom")
    (custom / "conftest.py").write_text(CUSTOM_CONFTEST, encoding="utf-8")
    (custom / "test_custom.py").write_text(CUSTOM_SUITE, encoding="utf-8")
    # The user's own settings, which the fixtures set aside for a test's duration only.
    monkeypatch.setenv("QCLOUD_BMLB_ENDPOINT", "https://nowhere.invalid")
    monkeypatch.setenv("TENCENTCLOUD_TOKEN", "the-users-own")


def test_the_fixtures_come_from_the_installed_entry_point(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_suite(pytester, monkeypatch)
    result = pytester.runpytest_subprocess("-p", "no:randomly", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=7)
    result.stdout.no_fnmatch_line("*Exception occurred during processing*")


def test_without_the_plugin_the_fixtures_are_unknown(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The previous test can only pass through the plugin: disabled, nothing provides them."""
    make_suite(pytester, monkeypatch)
    result = pytester.runpytest_subprocess("-p", "no:qcloud_bmlb", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=1, errors=5)
    result.stdout.fnmatch_lines(["*fixture 'bmlb_*' not found*"])
