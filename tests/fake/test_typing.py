"""The fake's clients are typed: a typo in an option or a method fails ``mypy --strict`` in a
user's own tests, as it would with a ``Client`` made by hand."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

USER_CODE = """\
from qcloud_bmlb import AsyncClient, Client
from qcloud_bmlb.testing import FakeBmlb


def fine(fake: FakeBmlb) -> None:
    client: Client = fake.client(retries=0, timeout=2.0, sign_method="HmacSHA1")
    also: AsyncClient = fake.async_client(region="ap-beijing")
    client.describe_bm_load_balancers_task_result(request_id=1)
    del also


def typos(fake: FakeBmlb) -> None:
    fake.client(retrys=0)
    fake.async_client(regoin="bj")
    fake.client().describe_bm_load_balancer_task_result(request_id=1)
"""


def test_a_typo_with_the_fakes_clients_fails_mypy_strict(tmp_path: Path) -> None:
    code = tmp_path / "test_user.py"
    code.write_text(USER_CODE, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", "--cache-dir",
         str(tmp_path / "cache"), str(code)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    lines = sorted(
        {int(line.split(":")[1]) for line in done.stdout.splitlines() if ": error:" in line}
    )
    assert lines == [13, 14, 15], done.stdout
    assert '"retrys"' in done.stdout and '"regoin"' in done.stdout
