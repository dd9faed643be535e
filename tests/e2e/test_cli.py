"""The ``qcloud-bmlb`` command-line tool (``qcloud_bmlb.cli``), run as a real subprocess against
the package's fake service: commands, exit statuses, output formats, help, and secrets."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from qcloud_bmlb import cli
from qcloud_bmlb.testing import DEFAULT_SEED, Binding, FakeBmlb

from generator.loader import load
from generator.naming import cli_option, kebab

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(sys.executable).parent / "qcloud-bmlb"

LB = "lb-abcdefgh"
LISTENER = "lbl-abcdefgh"
CPM = "cpm-abcdefgh"
CPM2 = "cpm-ijklmnop"
#: Distinctive, so that any leak of it into the tool's output is found.
SECRET_KEY = "cliTestSECRETkey-q7Zx9+Wv/3Lm"
SECRET_ID = "AKIDcliTestSecretIdValue9876543210"
TOKEN = "cliTestSESSIONtoken-Pp4/Kk8+Rr2"

EXIT_OK, EXIT_USAGE, EXIT_CONFIG, EXIT_API, EXIT_TRANSPORT = 0, 2, 3, 4, 5
EXIT_TASK_FAILED, EXIT_TASK_TIMEOUT = 6, 7

UNBIND = ["unbind-bm-l4-listener-rs", "--load-balancer-id", LB, "--listener-id", LISTENER]
MODIFY = [
    "modify-bm-l4-listener-backend-port", "--load-balancer-id", LB, "--listener-id", LISTENER,
    "--instance-id", CPM, "--port", "1234",
]  # fmt: skip


@pytest.fixture
def fake() -> Iterator[FakeBmlb]:
    with FakeBmlb(seed=DEFAULT_SEED, secret_id=SECRET_ID, secret_key=SECRET_KEY) as fake:
        fake.task_polls = 1  # running once, then done
        yield fake


def environment(fake: FakeBmlb | None, **extra: str) -> dict[str, str]:
    """The subprocess's environment: this one (cleaned by conftest), with the fake's keys."""
    env = dict(os.environ)
    if fake is not None:
        env.update(
            TENCENTCLOUD_SECRET_ID=fake.secret_id,
            TENCENTCLOUD_SECRET_KEY=fake.secret_key,
            TENCENTCLOUD_REGION=fake.region,
        )
    env.update(extra)
    return env


def run(
    fake: FakeBmlb | None,
    *args: str,
    endpoint: str | None = None,
    env: dict[str, str] | None = None,
    script: bool = False,
    cwd: Path | None = None,
) -> subprocess.CompletedProcess[str]:
    """``qcloud-bmlb [--endpoint FAKE] ARGS`` in a subprocess; no secret may be in its output."""
    command = [str(SCRIPT)] if script else [sys.executable, "-m", "qcloud_bmlb.cli"]
    if endpoint is None and fake is not None:
        endpoint = fake.endpoint
    prefix = ["--endpoint", endpoint] if endpoint else []
    done = subprocess.run(
        [*command, *prefix, *args],
        env=environment(fake) if env is None else env,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=cwd,
    )
    for secret in (SECRET_KEY, SECRET_ID, TOKEN):
        assert secret not in done.stdout + done.stderr
    return done


def output(done: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    assert done.returncode == EXIT_OK, done.stderr
    result = json.loads(done.stdout)
    assert isinstance(result, dict)
    return result


# -- help and start-up -------------------------------------------------------------------------


def test_help_imports_no_http_library() -> None:
    code = (
        "import sys, qcloud_bmlb.cli\n"
        "for argv in (['--help'], ['unbind-bm-l4-listener-rs', '--help']):\n"
        "    try:\n"
        "        qcloud_bmlb.cli.main(argv)\n"
        "    except SystemExit as exc:\n"
        "        assert exc.code == 0, exc.code\n"
        "heavy = ('http.client', 'ssl', 'asyncio', 'socket', 'qcloud_bmlb.client',\n"
        "         'qcloud_bmlb._runtime', 'qcloud_bmlb._transport')\n"
        "print([m for m in heavy if m in sys.modules], file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], env=environment(None), capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == "[]"
    assert "unbind-bm-l4-listener-rs" in done.stdout


def test_help_shows_the_spec_and_the_exit_statuses() -> None:
    spec = load(ROOT / "spec")
    done = run(None, "--help")
    assert done.returncode == 0
    text = " ".join(done.stdout.split())  # help wraps lines
    for action in spec.actions:
        assert " ".join(action.summary.en.split()[:4]) in text
    for code in (0, 2, 3, 4, 5, 6, 7):
        assert f"\n  {code:>3}  " in done.stdout
    # The module docstring documents the same table.
    assert cli.__doc__ is not None
    doc = " ".join(cli.__doc__.split())
    for code, meaning in cli._cli.EXIT_STATUSES:
        assert " ".join(meaning.split()) in doc, (code, meaning)


def test_help_of_a_command_shows_descriptions_and_ranges() -> None:
    done = run(None, "modify-bm-l4-listener-backend-port", "--help")
    assert done.returncode == 0
    text = " ".join(done.stdout.split())
    assert "--new-port NEW_PORT" in text
    assert "New CPM port." in text
    assert "[1–65535, required]" in text
    assert "[1–64 chars, required]" in text
    assert "修改黑石负载均衡四层监听器后端实例" in text
    assert "--wait" in text and "--region" in text
    # An action that starts no task has no --wait.
    done = run(None, "describe-bm-load-balancers-task-result", "--help")
    assert "--request-id" in done.stdout and "--wait" not in done.stdout


def test_spec_text_reaches_the_help_unchanged() -> None:
    """Help texts go through argparse's %-formatting: a spec text with % must show as is."""
    hostile = 'takes 100% of %(prog)s and {{ x }} """ \\ 中文'
    field = cli._cli.Field(
        option=cli_option("region"), name="region", wire="region", kind="Int", required=True,
        minimum=1, maximum=9, rule="1–9", help=hostile,
    )  # fmt: skip
    command = cli._cli.Command(
        name=kebab("CheckHostileText"), action="CheckHostileText", method="check_hostile_text",
        summary=hostile, summary_zh=hostile, task_id=None, result=(), params=(field,),
        example=(("region", 3),),
    )  # fmt: skip
    tool = cli._cli.Tool(
        prog="tool", version="1", description=hostile, commands=(command,),
        task_command="x", task_action="X", task_fields=(), regions=(),
    )  # fmt: skip
    parser, parsers = tool.parser()
    assert hostile in parser.format_help()
    text = parsers["check-hostile-text"].format_help()
    # The summary in English and Chinese, and the option's help.
    assert " ".join(text.split()).count(hostile) == 3
    # A parameter named like a global option gets an option of its own.
    assert "--region-param REGION" in text and "--region REGION" in text
    assert "tool check-hostile-text --region-param 3" in text


def test_names() -> None:
    assert kebab("UnbindBmL4ListenerRs") == "unbind-bm-l4-listener-rs"
    assert cli_option("newPort") == "new-port"
    assert cli_option("loadBalancerId") == "load-balancer-id"
    assert cli_option("output") == "output-param"


# -- every command against the fake -----------------------------------------------------------


def test_unbind_with_repeated_backend(fake: FakeBmlb) -> None:
    args = ["--backend", f"{CPM}:1234", "--backend", f"{CPM2}:1234", "--wait"]
    result = output(run(fake, *UNBIND, *args))
    assert set(result) == {"request_id", "status"} and result["status"] == "SUCCEEDED"
    assert isinstance(result["request_id"], int)
    sent = fake.requests[0]
    assert sent["Action"] == "UnbindBmL4ListenerRs"
    assert sent["backends.0.instanceId"] == CPM and sent["backends.1.instanceId"] == CPM2
    assert fake.backends(LB, LISTENER) == [Binding(CPM, 8080)]  # applied once it succeeded


@pytest.mark.parametrize("key", ["instanceId", "instance_id"])
def test_unbind_with_json_backends(fake: FakeBmlb, key: str) -> None:
    backends = json.dumps([{key: CPM, "port": 8080}, {key: CPM2, "port": "1234"}])
    assert set(output(run(fake, *UNBIND, "--backends", backends))) == {"request_id"}
    sent = fake.requests[-1]
    assert (sent["backends.0.instanceId"], sent["backends.0.port"]) == (CPM, "8080")
    assert (sent["backends.1.instanceId"], sent["backends.1.port"]) == (CPM2, "1234")


def test_modify_backend_port_and_wait(fake: FakeBmlb) -> None:
    result = output(run(fake, *MODIFY, "--new-port", "2345", "--wait"))
    assert result["status"] == "SUCCEEDED"
    assert Binding(CPM, 2345) in fake.backends(LB, LISTENER)
    tasks = [r for r in fake.requests if r["Action"] == "DescribeBmLoadBalancersTaskResult"]
    assert len(tasks) == 2  # running once, then succeeded
    assert {r["requestId"] for r in tasks} == {str(result["request_id"])}


def test_modify_probe_port_as_table(fake: FakeBmlb) -> None:
    done = run(
        fake, "--output", "table", "modify-bm-l4-listener-backend-probe-port",
        "--load-balancer-id", LB, "--listener-id", LISTENER, "--instance-id", CPM,
        "--port", "8080", "--probe-port", "9090",
    )  # fmt: skip
    assert done.returncode == EXIT_OK, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 1 and lines[0].split()[0] == "request_id"
    assert lines[0].split()[1].isdigit()
    assert fake.requests[-1]["probePort"] == "9090"


def test_describe_task_result(fake: FakeBmlb) -> None:
    request_id = output(run(fake, *UNBIND, "--backend", f"{CPM}:1234"))["request_id"]
    args = ["describe-bm-load-balancers-task-result", "--request-id", str(request_id)]
    assert output(run(fake, *args)) == {"status": "RUNNING"}
    done = run(fake, *args, "--output", "table")
    assert done.stdout.split() == ["status", "SUCCEEDED"]


def test_installed_script_with_global_options_after_the_command(fake: FakeBmlb) -> None:
    assert SCRIPT.exists(), "pip install -e '.[dev]' installs the qcloud-bmlb script"
    env = environment(fake, TENCENTCLOUD_REGION="ap-nowhere")
    done = run(
        fake, *MODIFY, "--new-port", "4321", "--output", "table", "--region", fake.region,
        "--endpoint", fake.endpoint, endpoint="", script=True, env=env,
    )  # fmt: skip
    # The global options after the command count (--endpoint and --region here).
    assert done.returncode == EXIT_OK, done.stderr
    assert done.stdout.startswith("request_id")
    sent = fake.requests[-1]
    assert (sent["newPort"], sent["Region"]) == ("4321", fake.region)


def test_credentials_from_a_profile_file(fake: FakeBmlb, tmp_path: Path) -> None:
    home = Path(os.environ["HOME"])
    (home / ".tencentcloud").mkdir()
    (home / ".tencentcloud" / "credentials").write_text(
        f"[work]\nsecret_id = {SECRET_ID}\nsecret_key = {SECRET_KEY}\nregion = {fake.region}\n",
        encoding="utf-8",
    )
    done = run(fake, "--profile", "work", *MODIFY, "--new-port", "2000", env=environment(None))
    assert set(output(done)) == {"request_id"}
    assert fake.requests[-1]["SecretId"] == SECRET_ID


# -- exit statuses -----------------------------------------------------------------------------


def test_api_error(fake: FakeBmlb) -> None:
    done = run(fake, *UNBIND, "--backend", "cpm-unbound:80")
    assert done.returncode == EXIT_API
    assert done.stdout == ""
    assert "30011" in done.stderr
    assert "InvalidRs.NotExist" in done.stderr
    assert "cpm-unbound port 80 is not bound to the listener" in done.stderr


def test_usage_error_sends_nothing(fake: FakeBmlb) -> None:
    done = run(fake, *UNBIND)  # no backends
    assert done.returncode == EXIT_USAGE
    assert "--backend" in done.stderr and "required" in done.stderr
    done = run(fake, *MODIFY, "--new-port", "eighty")
    assert done.returncode == EXIT_USAGE
    assert "argument --new-port: must be an integer, got 'eighty'" in done.stderr
    done = run(fake, "no-such-command")
    assert done.returncode == EXIT_USAGE
    # Credentials are never an option.
    done = run(fake, "--secret-key", "x", *MODIFY, "--new-port", "80")
    assert done.returncode == EXIT_USAGE
    assert fake.requests == []


def test_out_of_range_sends_nothing(fake: FakeBmlb) -> None:
    done = run(fake, *MODIFY, "--new-port", "70000")
    assert done.returncode == EXIT_USAGE
    assert "--new-port" in done.stderr and "1–65535" in done.stderr and "70000" in done.stderr
    assert fake.requests == []


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        # Found by the client's validation: named by option, with the rule.
        (["--backend", "cpm-1:80", "--backend", "cpm-1:80"], "repeats backends[0]"),
        (["--backends", json.dumps([{"instanceId": "cpm-1", "port": "80"}] * 2)], "repeats"),
        (["--backends", "[]"], "must hold between 1 and 255 items"),
        (["--backends", json.dumps([{"port": 80}])], "backends[0].instance_id: is required"),
    ],
)
def test_validation_error_sends_nothing(fake: FakeBmlb, args: list[str], shown: str) -> None:
    done = run(fake, *UNBIND, *args)
    assert done.returncode == EXIT_USAGE
    assert "argument --backend/--backends:" in done.stderr and shown in done.stderr
    assert fake.requests == []


def test_validation_error_of_a_string_sends_nothing(fake: FakeBmlb) -> None:
    done = run(fake, *MODIFY[:2], " ", *MODIFY[3:], "--new-port", "80")
    assert done.returncode == EXIT_USAGE
    assert "argument --load-balancer-id: must not be empty or only whitespace" in done.stderr
    done = run(fake, *MODIFY[:2], "x" * 65, *MODIFY[3:], "--new-port", "80")
    assert done.returncode == EXIT_USAGE
    assert "at most 64 characters" in done.stderr
    assert fake.requests == []


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("cpm-1", "must be INSTANCE_ID:PORT, got 'cpm-1'"),
        ("cpm-1:x", "PORT must be an integer, got 'x'"),
        ("cpm-1:0", "PORT must be 1–65535, got 0"),
    ],
)
def test_bad_backend(fake: FakeBmlb, value: str, shown: str) -> None:
    done = run(fake, *UNBIND, "--backend", value)
    assert done.returncode == EXIT_USAGE
    assert "argument --backend:" in done.stderr and shown in done.stderr
    assert fake.requests == []


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("[{bad", "not valid JSON"),
        ('"cpm-1"', "must be a JSON list of objects"),
        ('[{"instanceId": "cpm-1", "port": 80, "weight": 1}]', "unknown field 'weight'"),
        ('[{"instanceId": "cpm-1", "port": 0}]', "backends[0].port: must be 1–65535"),
    ],
)
def test_bad_backends_json(fake: FakeBmlb, value: str, shown: str) -> None:
    done = run(fake, *UNBIND, "--backends", value)
    assert done.returncode == EXIT_USAGE
    assert "argument --backends:" in done.stderr and shown in done.stderr
    assert fake.requests == []


def test_transport_error() -> None:
    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = environment(
        None,
        TENCENTCLOUD_SECRET_ID=SECRET_ID,
        TENCENTCLOUD_SECRET_KEY=SECRET_KEY,
        TENCENTCLOUD_REGION="ap-guangzhou",
    )
    done = run(None, *MODIFY, "--new-port", "80", endpoint=f"http://127.0.0.1:{port}", env=env)
    assert done.returncode == EXIT_TRANSPORT
    assert "transport error" in done.stderr and "refused" in done.stderr.lower()


def test_configuration_error_without_credentials(fake: FakeBmlb) -> None:
    done = run(fake, *MODIFY, "--new-port", "80", env=environment(None))
    assert done.returncode == EXIT_CONFIG
    assert "no credentials found" in done.stderr
    done = run(fake, *MODIFY, "--new-port", "80", endpoint="ftp://example.com")
    assert done.returncode == EXIT_CONFIG
    assert fake.requests == []


def test_task_failed(fake: FakeBmlb) -> None:
    fake.fail_next_task()
    done = run(fake, *MODIFY, "--new-port", "2345", "--wait")
    assert done.returncode == EXIT_TASK_FAILED
    assert "failed" in done.stderr and done.stdout == ""


def test_task_timed_out(fake: FakeBmlb) -> None:
    fake.task_polls = 1000
    done = run(fake, *MODIFY, "--new-port", "2345", "--wait", "--wait-timeout", "0.3")
    assert done.returncode == EXIT_TASK_TIMEOUT
    assert "RUNNING" in done.stderr


def test_bad_wait_timeout(fake: FakeBmlb) -> None:
    done = run(fake, *MODIFY, "--new-port", "2345", "--wait", "--wait-timeout", "-1")
    assert done.returncode == EXIT_USAGE and "--wait-timeout" in done.stderr
    assert fake.requests == []


# -- secrets and side effects ------------------------------------------------------------------


def test_debug_shows_the_exchange_without_secrets(fake: FakeBmlb, tmp_path: Path) -> None:
    temporary_id = "AKIDcliTemporaryIdValue000111222"
    fake.add_credentials(temporary_id, SECRET_KEY + "-temp", TOKEN)
    env = environment(
        fake, TENCENTCLOUD_SECRET_ID=temporary_id, TENCENTCLOUD_SECRET_KEY=SECRET_KEY + "-temp",
        TENCENTCLOUD_TOKEN=TOKEN,
    )  # fmt: skip
    work = tmp_path / "work"
    work.mkdir()
    done = run(fake, "--debug", *UNBIND, "--backend", f"{CPM}:1234", "--wait", env=env, cwd=work)
    assert done.returncode == EXIT_OK, done.stderr
    assert fake.requests[0]["Token"] == TOKEN  # it was sent, but never shown
    for secret in (temporary_id, SECRET_KEY + "-temp", TOKEN, "'Signature'"):
        assert secret not in done.stdout + done.stderr
    assert "UnbindBmL4ListenerRs POST" in done.stderr
    assert "'backends.0.instanceId': 'cpm-abcdefgh'" in done.stderr
    assert '"requestId"' in done.stderr  # the answer
    assert "DescribeBmLoadBalancersTaskResult" in done.stderr
    assert json.loads(done.stdout)["status"] == "SUCCEEDED"
    # An API error in debug mode shows the answer, still without secrets.
    done = run(fake, "--debug", *UNBIND, "--backend", "cpm-unbound:80", env=env, cwd=work)
    assert done.returncode == EXIT_API and '"code": 30011' in done.stderr
    # Nothing was written to disk: neither in the working directory nor in HOME.
    assert list(work.iterdir()) == []
    assert list(Path(os.environ["HOME"]).iterdir()) == []
