"""``python -m qcloud_bmlb.testing serve``: the fake BM load balancer as a process of its own."""

from __future__ import annotations

import json
import queue
import shlex
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from qcloud_bmlb import Client, errors
from qcloud_bmlb.models import Backend, TaskStatus

SEED = Path(__file__).parent / "seeds" / "serve.yaml"
STARTUP = 20.0  # seconds allowed for the process to print its banner


class Served:
    """A running ``serve`` process and what it printed."""

    def __init__(self, proc: subprocess.Popen[str]) -> None:
        self.proc = proc
        self.lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()
        self.banner = self._read_banner()
        self.endpoint = self.banner[0].rsplit(" ", 1)[1]
        exports = [line.split(None, 1)[1] for line in self.banner if line.startswith("  export ")]
        self.env = dict(shlex.split(line)[0].split("=", 1) for line in exports)
        (state,) = [line for line in self.banner if line.strip().startswith("state: ")]
        self.state = json.loads(state.strip()[len("state: ") :])

    def _pump(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def _read_banner(self) -> list[str]:
        banner: list[str] = []
        deadline = time.monotonic() + STARTUP
        while True:
            try:
                line = self.lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError(f"no banner within {STARTUP} s: {banner}") from None
            if line is None:
                raise AssertionError(f"serve exited: {banner}, rc={self.proc.wait(5)}")
            banner.append(line)
            if line.startswith("Ctrl-C"):
                return banner

    def client(self, **options: object) -> Client:
        settings: dict[str, object] = {
            "secret_id": self.env["TENCENTCLOUD_SECRET_ID"],
            "secret_key": self.env["TENCENTCLOUD_SECRET_KEY"],
            "region": self.env["TENCENTCLOUD_REGION"],
            "endpoint": self.env["QCLOUD_BMLB_ENDPOINT"],
        }
        settings.update(options)
        return Client(**settings)  # type: ignore[arg-type]


def start(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "qcloud_bmlb.testing", "serve", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def stop(proc: subprocess.Popen[str], sig: int = signal.SIGTERM) -> int:
    """End the process (if still running) and its pipes; its exit code."""
    if proc.poll() is None:
        proc.send_signal(sig)
    try:
        return proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)
        raise AssertionError("serve did not exit after being told to") from None
    finally:
        for pipe in (proc.stdout, proc.stderr):
            if pipe is not None:
                pipe.close()


@pytest.fixture
def served() -> Iterator[Served]:
    proc = start("--port", "0", "--seed", str(SEED))
    try:
        yield Served(proc)
    finally:
        code = stop(proc)
        assert code is not None


def poll(client: Client, request_id: int) -> TaskStatus:
    for _ in range(10):
        status = client.describe_bm_load_balancers_task_result(request_id=request_id).status
        if status != TaskStatus.RUNNING:
            return status
    raise AssertionError("task never ended")


def test_serve_answers_a_client_with_the_printed_settings(served: Served) -> None:
    assert served.endpoint.startswith("http://127.0.0.1:")
    assert not served.endpoint.endswith(":0")
    assert served.env["QCLOUD_BMLB_ENDPOINT"] == served.endpoint
    assert served.env["TENCENTCLOUD_REGION"] == "ap-beijing"  # the seed's load balancer's
    assert served.env["TENCENTCLOUD_SECRET_ID"] and served.env["TENCENTCLOUD_SECRET_KEY"]
    seed = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    backends = served.state["load_balancers"][0]["listeners"][0]["backends"]
    assert [{k: b[k] for k in ("instance_id", "port", "probe_port") if k in b} for b in backends] \
        == seed["load_balancers"][0]["listeners"][0]["backends"]  # fmt: skip
    with served.client() as client:
        request_id = client.unbind_bm_l4_listener_rs(
            load_balancer_id="lb-serve01", listener_id="lbl-serve01",
            backends=[Backend(instance_id="cpm-serve01", port=80)],
        ).request_id  # fmt: skip
        assert poll(client, request_id) == TaskStatus.SUCCEEDED
        with pytest.raises(errors.InvalidRsNotExist):  # it is gone now
            client.modify_bm_l4_listener_backend_probe_port(
                load_balancer_id="lb-serve01", listener_id="lbl-serve01",
                instance_id="cpm-serve01", port=80, probe_port=81,
            )  # fmt: skip
    # The seed's own credentials are accepted too.
    with served.client(secret_id="AKIDserveseeded", secret_key="serve-seeded-key") as seeded:
        assert poll(seeded, request_id) == TaskStatus.SUCCEEDED
    with served.client(secret_key="wrong") as wrong, pytest.raises(errors.AuthFailure):
        wrong.describe_bm_load_balancers_task_result(request_id=request_id)


def test_the_printed_lines_work_as_environment(
    served: Served, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in served.env.items():
        monkeypatch.setenv(name, value)
    with Client() as client:  # endpoint, key and region: all from the printed lines
        with pytest.raises(errors.ResourceNotFound):
            client.describe_bm_load_balancers_task_result(request_id=1)
        request_id = client.unbind_bm_l4_listener_rs(
            load_balancer_id="lb-serve01", listener_id="lbl-serve01",
            backends=[Backend(instance_id="cpm-serve01", port=443)],
        ).request_id  # fmt: skip
        assert poll(client, request_id) == TaskStatus.SUCCEEDED


def test_serve_takes_credentials_and_region_and_stops_on_ctrl_c() -> None:
    proc = start("--secret-id", "AKIDgiven", "--secret-key", "given-key", "--region", "bj")
    try:
        served = Served(proc)
        assert served.env == {
            "QCLOUD_BMLB_ENDPOINT": served.endpoint,
            "TENCENTCLOUD_SECRET_ID": "AKIDgiven",
            "TENCENTCLOUD_SECRET_KEY": "given-key",
            "TENCENTCLOUD_REGION": "ap-beijing",
        }
        # Without --seed: the default demo state.
        lb = served.state["load_balancers"][0]
        assert lb["id"] == "lb-abcdefgh"
        (layer4,) = [x for x in lb["listeners"] if x["id"] == "lbl-abcdefgh"]
        assert len(layer4["backends"]) == 3
        with served.client() as client, pytest.raises(errors.InvalidParameterCCDBLBNotExist):
            # --region moves the clients, not the default seed's load balancer (ap-guangzhou).
            client.unbind_bm_l4_listener_rs(
                load_balancer_id="lb-abcdefgh", listener_id="lbl-abcdefgh",
                backends=[Backend(instance_id="cpm-abcdefgh", port=1234)],
            )  # fmt: skip
        assert "load balancers in ap-guangzhou too" in "\n".join(served.banner)
    finally:
        code = stop(proc, signal.SIGINT)
    assert code == 0


def refused(*args: str) -> str:
    """What ``serve ARGS`` says on stderr when it refuses to start (exit status 2)."""
    proc = start(*args)
    try:
        code = proc.wait(timeout=STARTUP)
        assert proc.stderr is not None
        err = proc.stderr.read()
    finally:
        stop(proc)
    assert code == 2, err
    return err


def test_serve_with_a_missing_seed_file_fails_at_once(tmp_path: Path) -> None:
    err = refused("--seed", str(tmp_path / "nothere.yaml"))
    assert "cannot start" in err
    assert "nothere.yaml" in err


def test_serve_with_a_misspelled_seed_key_fails_naming_the_file_line_and_key(
    tmp_path: Path,
) -> None:
    seed = tmp_path / "typo.yaml"
    seed.write_text("load_balancers:\n  - id: lb-typo0001\n    listners: []\n", encoding="utf-8")
    err = refused("--seed", str(seed))
    assert f"{seed}:3:5: load_balancers[0].listners: unknown key (did you mean 'listeners'?)" in err
