"""The ``qcloud-bmlb`` command-line tool (``qcloud_bmlb.cli``): commands, options and their
rules, output formats, exit statuses, credentials, help and start-up.

Calls run the tool as a real subprocess against the package's fake service (or, for the
constructs of the grown spec language, a package generated from a small spec into a temporary
folder, against pytest-httpserver). Help and usage errors run in the process: nothing is sent
there. What a test assumes about the actions (their parameters, rules, tasks and pages) comes
from ``_operations.OPERATIONS``.
"""

from __future__ import annotations

import json
import os
import shlex
import signal
import socket
import ssl
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from qcloud_bmlb import _cli, cli
from qcloud_bmlb._operations import OPERATIONS, TASK
from qcloud_bmlb._shapes import Array, Operation, Scalar, Struct
from qcloud_bmlb._validate import describe, items_rule
from qcloud_bmlb.testing import DEFAULT_SEED, Binding, FakeBmlb, Fault
from werkzeug import Request, Response

from generator.clinames import cli_params, item_fields
from generator.loader import load
from generator.naming import CLI_RESERVED, cli_option, kebab
from tests.support import SpecCopy
from tests.support.tls import self_signed_cert

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
EXIT_TASK_FAILED, EXIT_TASK_TIMEOUT, EXIT_INTERRUPTED = 6, 7, 130

UNBIND = ["unbind-bm-l4-listener-rs", "--load-balancer-id", LB, "--listener-id", LISTENER]
MODIFY = [
    "modify-bm-l4-listener-backend-port", "--load-balancer-id", LB, "--listener-id", LISTENER,
    "--instance-id", CPM, "--port", "1234",
]  # fmt: skip
COMMANDS = {c.action: c for c in cli.TOOL.commands}
TASK_COMMAND = COMMANDS[TASK.operation.action].name


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
    stdin: str | None = None,
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
        input=stdin,
    )
    for secret in (SECRET_KEY, SECRET_ID, TOKEN):
        assert secret not in done.stdout + done.stderr
    return done


def output(done: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    assert done.returncode == EXIT_OK, done.stderr
    result = json.loads(done.stdout)
    assert isinstance(result, dict)
    return result


def documents(stdout: str) -> list[Any]:
    """The JSON documents of ``--wait``: one a line."""
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def in_process(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """The tool run here on ``argv`` (for help and usage errors: nothing is sent)."""
    try:
        status = cli.main(list(argv))
    except SystemExit as exc:
        status = int(exc.code or 0)
    out, err = capsys.readouterr()
    return status, out, err


def flat(text: str) -> str:
    return " ".join(text.split())  # help wraps lines


def example(action: str) -> list[str]:
    """The words of a command's example line (valid by the spec), without the program."""
    return shlex.split(COMMANDS[action].example)[1:]


# -- help and start-up -------------------------------------------------------------------------

HEAVY = ("ssl", "http.client", "http", "socket", "asyncio", "qcloud_bmlb.client",
         "qcloud_bmlb._transport", "qcloud_bmlb._client", "json")  # fmt: skip


@pytest.mark.parametrize("argv", [["--help"], ["unbind-bm-l4-listener-rs", "--help"]])
def test_help_imports_no_http_library(argv: list[str]) -> None:
    code = (
        "import sys, qcloud_bmlb.cli\n"
        "try:\n"
        f"    qcloud_bmlb.cli.main({argv!r})\n"
        "except SystemExit as exc:\n"
        "    assert exc.code == 0, exc.code\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules), file=sys.stderr)\n"
        "print('ops:', 'qcloud_bmlb._operations' in sys.modules, file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code], env=environment(None),
        capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    assert lines[-2] == "[]", lines[-2]
    # The top-level help does not even read the actions' data; a command's help reads it.
    assert lines[-1] == f"ops: {argv != ['--help']}"
    imported = {line.split("|")[-1].strip() for line in lines if line.startswith("import time:")}
    assert not imported & {"ssl", "_ssl", "http", "http.client", "socket", "asyncio"}
    assert "unbind-bm-l4-listener-rs" in done.stdout


def test_help_shows_the_spec_and_the_exit_statuses(capsys: pytest.CaptureFixture[str]) -> None:
    spec = load(ROOT / "spec")
    status, out, _ = in_process(capsys, "--help")
    assert status == 0
    for action in spec.actions:
        assert " ".join(action.summary.en.split()[:4]) in flat(out)
    for code, _meaning in _cli.EXIT_STATUSES:
        assert f"\n  {code:>3}  " in out
    # The module docstring documents the same table.
    assert cli.__doc__ is not None
    doc = flat(cli.__doc__)
    for code, meaning in _cli.EXIT_STATUSES:
        assert flat(meaning) in doc, (code, meaning)


def rules_of(param: Scalar | Array) -> list[str]:
    """The rules a parameter's help must show, in the words of ``_validate``."""
    if isinstance(param, Scalar):
        return [r for r in (describe(param),) if r]
    rules = [items_rule(param.min_items, param.max_items)]
    if isinstance(param.item, Scalar):
        rules.append(describe(param.item))
    else:
        rules += [describe(f) for f in param.item.fields if isinstance(f, Scalar)]
    return [r for r in rules if r]


@pytest.mark.parametrize("action", sorted(OPERATIONS))
def test_help_of_every_command_shows_each_parameter_and_rule(
    capsys: pytest.CaptureFixture[str], action: str
) -> None:
    op, command = OPERATIONS[action], COMMANDS[action]
    status, out, _ = in_process(capsys, command.name, "--help")
    assert status == 0
    text = flat(out)
    assert flat(command.summary) in text and command.summary_zh in text
    assert f"API action: {action}" in text
    options = {o.name: o for o in command.options}
    for param in op.params:
        option = options[param.name]
        assert f"--{option.option} " in out
        if option.item:
            assert f"--{option.item} " in out
        for rule in rules_of(param):
            assert rule in text, (param.name, rule)
    required = sum(1 for p in op.params if p.required)
    assert text.count("required]") >= required
    assert ("--wait" in out) == (op.task_id is not None)
    assert ("--all" in out) == (op.pages is not None)
    assert "--region" in out and "--cli-input-json" in out and "--timeout" in out
    assert flat(command.example) in text


def test_help_of_a_command_shows_descriptions_and_ranges(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = in_process(capsys, "modify-bm-l4-listener-backend-port", "--help")
    text = flat(out)
    assert "--new-port NEW_PORT" in text
    assert "New CPM port." in text
    # The rules in the words of _validate (they were the IR's "1–65535" and "1–64 chars").
    assert "[between 1 and 65535, required]" in text
    assert "[at most 64 characters, required]" in text
    assert "修改黑石负载均衡四层监听器后端实例" in text
    assert "--wait" in text and "--region" in text
    # The usage line shows required options without brackets.
    assert "usage: qcloud-bmlb modify-bm-l4-listener-backend-port --load-balancer-id" in text
    assert "[--wait [--wait-timeout SECONDS]]" in text
    # An action that starts no task has no --wait.
    _, out, _ = in_process(capsys, "describe-bm-load-balancers-task-result", "--help")
    assert "--request-id" in out and "--wait" not in out


def test_spec_text_reaches_the_help_unchanged(capsys: pytest.CaptureFixture[str]) -> None:
    """Help texts go through argparse's %-formatting: a spec text with % must show as is."""
    hostile = 'takes 100% of %(prog)s and {{ x }} """ \\ 中文'
    action = TASK.operation.action
    param = TASK.operation.params[0]
    command = _cli.Command(
        "check-hostile-text", action, summary=hostile, summary_zh=hostile,
        example=f"tool check-hostile-text --x 1 # {hostile}",
        options=(_cli.Option(param.name, "x", hostile),),
    )  # fmt: skip
    tool = _cli.Tool(
        prog="tool", version="1", description=hostile, regions=(("ap-x", None),),
        commands=(command,),
    )  # fmt: skip
    assert hostile in tool.parser().format_help()
    with pytest.raises(SystemExit):
        tool.main(["check-hostile-text", "--help"])
    text = flat(capsys.readouterr().out)
    # The summary in English and Chinese, the option's help, and the example.
    assert text.count(hostile) == 4


def test_names() -> None:
    assert kebab("UnbindBmL4ListenerRs") == "unbind-bm-l4-listener-rs"
    assert cli_option("newPort") == "new-port"
    assert cli_option("loadBalancerId") == "load-balancer-id"
    assert cli_option("output") == "output-param"


def test_the_reserved_names_are_the_tools_own_options() -> None:
    """A parameter never takes an option of the tool: the generator's list of them is the
    tool's own list, and every option a command has is one of them or a parameter's."""
    own = {*_cli.GLOBAL_OPTIONS, *_cli.COMMAND_OPTIONS, *_cli.TASK_OPTIONS, *_cli.PAGE_OPTIONS}
    assert own | {"help", "version"} == set(CLI_RESERVED)
    for action in OPERATIONS:
        parser = cli.TOOL.parser()
        sub = next(a for a in parser._actions if a.dest == "cli:command")
        made = sub.choices[COMMANDS[action].name]  # type: ignore[index]
        made.format_help()
        options = {s[2:] for a in made._actions for s in a.option_strings if s.startswith("--")}
        params = {o.option for o in COMMANDS[action].options}
        params |= {o.item for o in COMMANDS[action].options if o.item}
        assert options - params <= set(CLI_RESERVED), action
        assert not params & set(CLI_RESERVED), action


def test_commands_answer_to_their_action_names_too(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for action, command in COMMANDS.items():
        by_action = in_process(capsys, action, "--help")
        by_name = in_process(capsys, command.name, "--help")
        assert by_action[0] == 0 and by_action[1] == by_name[1]
    # ... without listing every command twice.
    _, out, _ = in_process(capsys, "--help")
    assert "UnbindBmL4ListenerRs" in out  # once, in the description
    assert out.count("UnbindBmL4ListenerRs") == 1


def test_an_unknown_command_gets_the_close_names(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = in_process(capsys, "unbind-rs")
    assert status == EXIT_USAGE
    assert "unknown command 'unbind-rs'; did you mean unbind-bm-l4-listener-rs?" in err


# -- every command against the fake -----------------------------------------------------------


def test_every_example_line_reaches_the_service(
    fake: FakeBmlb, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each command's example (the one its help and the docs show) is a valid call: it is
    sent, and the service answers (with a result, or an error of the fake's state). In this
    process, one command after another (a process each would cost half a second apiece; the
    tests above run the tool as a process)."""
    for name, value in environment(fake).items():
        monkeypatch.setenv(name, value)
    for action in OPERATIONS:
        words = [w for w in example(action) if w != "--wait"]
        status, _, err = in_process(capsys, "--endpoint", fake.endpoint, *words)
        assert status in (EXIT_OK, EXIT_API), (action, err)
        assert fake.requests[-1]["Action"] == action


def test_unbind_with_repeated_backend(fake: FakeBmlb) -> None:
    args = ["--backend", f"{CPM}:1234", "--backend", f"{CPM2}:1234", "--wait"]
    done = run(fake, *UNBIND, *args)
    assert done.returncode == EXIT_OK, done.stderr
    # Changed on purpose: with --wait, the action's answer (the task id) comes first, on a
    # line of its own, printed before the wait; the task's status follows on the next line.
    started, ended = documents(done.stdout)
    assert set(started) == {"request_id"} and isinstance(started["request_id"], int)
    assert ended == {"status": "SUCCEEDED"}
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
    done = run(fake, *MODIFY, "--new-port", "2345", "--wait")
    assert done.returncode == EXIT_OK, done.stderr
    started, ended = documents(done.stdout)
    assert ended["status"] == "SUCCEEDED"
    assert Binding(CPM, 2345) in fake.backends(LB, LISTENER)
    tasks = [r for r in fake.requests if r["Action"] == TASK.operation.action]
    assert len(tasks) == 2  # running once, then succeeded
    assert {r["requestId"] for r in tasks} == {str(started["request_id"])}


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
    args = [TASK_COMMAND, "--request-id", str(request_id)]
    assert output(run(fake, *args)) == {"status": "RUNNING"}
    done = run(fake, *args, "--output", "table")
    assert done.stdout.split() == ["status", "SUCCEEDED"]


def test_raw_output_is_the_answer_as_the_api_gave_it(fake: FakeBmlb) -> None:
    request_id = output(run(fake, *UNBIND, "--backend", f"{CPM}:1234"))["request_id"]
    args = [TASK_COMMAND, "--request-id", str(request_id)]
    # json: the result's fields by Python name, a named value by its name ...
    assert output(run(fake, *args)) == {"status": "RUNNING"}
    # ... raw: what the API answered, its keys and numbers as they came.
    raw = output(run(fake, "--output", "raw", *args))
    assert raw["code"] == 0 and raw["data"] == {"status": 0}
    raw = output(run(fake, "--output", "raw", *UNBIND, "--backend", f"{CPM2}:1234"))
    assert raw["code"] == 0 and isinstance(raw["requestId"], int)


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


def test_credentials_from_a_profile_file(fake: FakeBmlb) -> None:
    home = Path(os.environ["HOME"])
    (home / ".tencentcloud").mkdir()
    (home / ".tencentcloud" / "credentials").write_text(
        f"[work]\nsecret_id = {SECRET_ID}\nsecret_key = {SECRET_KEY}\nregion = {fake.region}\n",
        encoding="utf-8",
    )
    done = run(fake, "--profile", "work", *MODIFY, "--new-port", "2000", env=environment(None))
    assert set(output(done)) == {"request_id"}
    assert fake.requests[-1]["SecretId"] == SECRET_ID


def write_tccli(profile: str, credential: dict[str, str], region: str | None) -> Path:
    """tccli's two files for ``profile``, as ``tccli configure`` writes them."""
    folder = Path(os.environ["HOME"]) / ".tccli"
    folder.mkdir(exist_ok=True)
    (folder / f"{profile}.credential").write_text(json.dumps(credential), encoding="utf-8")
    if region is not None:
        configure = {"_sys_param": {"region": region, "output": "json"}, "cvm": {}}
        (folder / f"{profile}.configure").write_text(json.dumps(configure), encoding="utf-8")
    return folder


def test_credentials_and_region_from_tccli_files(fake: FakeBmlb) -> None:
    fake.add_credentials(SECRET_ID + "T", SECRET_KEY + "T", TOKEN)
    keys = {"secretId": SECRET_ID + "T", "secretKey": SECRET_KEY + "T", "token": TOKEN}
    write_tccli("work", keys, fake.region)
    done = run(fake, "--profile", "work", *MODIFY, "--new-port", "2001", env=environment(None))
    task = [TASK_COMMAND, "--request-id", str(output(done)["request_id"])]
    sent = fake.requests[-1]
    assert (sent["SecretId"], sent["Token"], sent["Region"]) == (
        SECRET_ID + "T", TOKEN, fake.region,
    )  # fmt: skip
    # tccli's own variable names its profile; the profile file of the SDKs comes first.
    assert output(run(fake, *task, env=environment(None, TCCLI_PROFILE="work")))
    assert fake.requests[-1]["SecretId"] == SECRET_ID + "T"
    (Path(os.environ["HOME"]) / ".tencentcloud").mkdir()
    (Path(os.environ["HOME"]) / ".tencentcloud" / "credentials").write_text(
        f"[work]\nsecret_id = {SECRET_ID}\nsecret_key = {SECRET_KEY}\n", encoding="utf-8"
    )
    assert output(run(fake, "--profile", "work", *task, env=environment(None)))
    assert fake.requests[-1]["SecretId"] == SECRET_ID and "Token" not in fake.requests[-1]
    # The region still from tccli's file: the SDKs' profile has none.
    assert fake.requests[-1]["Region"] == fake.region


# -- the grown spec's constructs, in a package generated from a small spec ------------------


def scalar(name: str, kind: str = "String", required: bool = False, **rules: Any) -> dict[str, Any]:
    text = {"en": f"The {name}.", "zh": f"{name}。"}
    return {"name": name, "type": kind, "required": required, "description": text, **rules}


def field(name: str, kind: str = "String", **keys: Any) -> dict[str, Any]:
    return {"name": name, "type": kind, "description": {"en": f"{name}.", "zh": name}, **keys}


LIST_THINGS = {
    "action": "ListThings",
    "summary": {"en": "List things.", "zh": "列出。"},
    "startsTask": False,
    "idempotent": True,
    "parameters": [
        {**scalar("thingIds", "Array", maxItems=3, unique=True),
         "items": {"type": "String", "maxLength": 16}},
        {**scalar("ports", "Array"), "items": {"type": "Int", "range": [1, 65535]}},
        scalar("protocol", enum=["tcp", "udp"], default="tcp"),
        scalar("healthSwitch", "Int", enum=[0, 1]),
        scalar("offset", "UInt", default=0),
        scalar("limit", "UInt", range=[1, 100], default=20),
        scalar("region", maxLength=8),  # named like an option of the tool
    ],
    "pagination": {"offset": "offset", "limit": "limit", "total": "totalCount",
                   "items": "thingSet"},
    "errors": [],
    "response": [
        field("totalCount", "Int"),
        field("thingSet", "Array", items={"name": "thing", "fields": [
            field("thingId"),
            field("state", "Int", enum={"name": "thingState", "values": [
                {"value": 0, "name": "idle", "description": {"en": "idle", "zh": "空闲"}},
                {"value": 1, "name": "busy", "description": {"en": "busy", "zh": "忙"}},
            ]}),
            field("tags", "Array", items={"type": "String"}),
            field("data", "Object", required=False, fields=[field("vip")]),
        ]}),
    ],
    "example": {"thingIds": ["t-1"], "protocol": "udp"},
}  # fmt: skip

BIND_THINGS = {
    "action": "BindThings",
    "summary": {"en": "Bind things.", "zh": "绑定。"},
    "startsTask": True,
    "idempotent": False,
    "parameters": [
        {**scalar("vmList", "Array", required=True, minItems=1, maxItems=5),
         "items": {"name": "vm", "unique": ["vmIp", "port"], "fields": [
             scalar("port", "Int", required=True, range=[1, 65535]),
             scalar("probePort", "Int", range=[1, 65535]),
             scalar("vmIp", required=True, maxLength=64),
             scalar("weight", "Int", range=[0, 100], default=10),
         ]}},
        {**scalar("rules", "Array"), "items": {"name": "rule", "fields": [
            scalar(name, "Int", range=[0, 9]) for name in ("a", "b", "c", "d", "e")
        ]}},
    ],
    "errors": [],
    "response": [field("requestId", "Int")],
    "example": {"vmList": [{"vmIp": "10.0.0.1", "port": 80, "weight": 5}]},
}  # fmt: skip


@pytest.fixture(scope="module")
def grown(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A package generated from the task action and the two actions above."""
    copy = SpecCopy(tmp_path_factory.mktemp("grown"), only=(TASK.operation.action,))
    copy.write_action(LIST_THINGS)
    copy.write_action(BIND_THINGS)
    return copy.generate().out


def run_grown(
    out: Path, server: HTTPServer | None, *args: str, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env.update(PYTHONPATH=str(out), TENCENTCLOUD_SECRET_ID=SECRET_ID,
               TENCENTCLOUD_SECRET_KEY=SECRET_KEY, TENCENTCLOUD_REGION="ap-guangzhou")  # fmt: skip
    prefix = ["--endpoint", server.url_for("/").rstrip("/")] if server is not None else []
    return subprocess.run(
        [sys.executable, "-m", "qcloud_bmlb.cli", *prefix, *args], env=env, cwd=out,
        capture_output=True, text=True, timeout=60, input=stdin,
    )  # fmt: skip


def params_of(request: Request) -> dict[str, str]:
    from urllib.parse import parse_qsl

    return dict(parse_qsl(request.get_data(as_text=True), keep_blank_values=True))


@pytest.fixture
def api(httpserver: HTTPServer) -> list[dict[str, str]]:
    """pytest-httpserver as the service of the small spec: ListThings pages through 5 things
    (2 a page by default), BindThings starts task 77. The list: every request's parameters."""
    seen: list[dict[str, str]] = []

    def handle(request: Request) -> Response:
        params = params_of(request)
        seen.append(params)
        if params["Action"] == "ListThings":
            offset, limit = int(params.get("offset", 0)), int(params.get("limit", 2))
            things = [
                {"thingId": f"t-{i}", "state": i % 2, "tags": ["a", "b"],
                 "data": {"vip": f"10.0.0.{i}"}}
                for i in range(5)
            ][offset : offset + limit]  # fmt: skip
            body: dict[str, Any] = {"totalCount": 5, "thingSet": things}
        else:
            body = {"requestId": 77}
        return Response(json.dumps({"code": 0, "message": "", "codeDesc": "Success", **body}),
                        content_type="application/json")  # fmt: skip

    httpserver.expect_request("/v2/index.php").respond_with_handler(handle)
    return seen


def test_scalar_arrays_repeated_or_as_one_json_list(
    grown: Path, httpserver: HTTPServer, api: list[dict[str, str]]
) -> None:
    done = run_grown(grown, httpserver, "list-things", "--thing-id", "t-1", "--thing-id", "t-2",
                     "--port", "80", "--port", "443")  # fmt: skip
    assert done.returncode == EXIT_OK, done.stderr
    assert (api[-1]["thingIds.0"], api[-1]["thingIds.1"], api[-1]["ports.1"]) == (
        "t-1",
        "t-2",
        "443",
    )
    done = run_grown(
        grown, httpserver, "list-things", "--thing-ids", '["t-3"]', "--ports", "[8080]"
    )
    assert done.returncode == EXIT_OK, done.stderr
    assert (api[-1]["thingIds.0"], api[-1]["ports.0"]) == ("t-3", "8080")
    assert "thingIds.1" not in api[-1]
    sent = len(api)
    for args, shown in [
        (["--thing-id", "t-1", "--thing-id", "t-1"], "argument --thing-id: thingIds[1]: repeats"),
        (["--thing-ids", '["a", "b", "c", "d"]'], "argument --thing-ids: must hold <= 3 items"),
        (["--thing-id", "x" * 17], "argument --thing-id: thing_ids[0]: must be at most 16"),
        (["--port", "0"], "argument --port: ports[0]: must be between 1 and 65535"),
        (["--port", "eighty"], "argument --port: must be an integer, got 'eighty'"),
        (["--ports", "80"], "must be a JSON list of values"),
    ]:
        done = run_grown(grown, httpserver, "list-things", *args)
        assert done.returncode == EXIT_USAGE, args
        assert shown.replace("thingIds[1]", "thing_ids[1]") in done.stderr, (args, done.stderr)
    assert len(api) == sent  # nothing was sent


def test_allowed_values_are_choices(
    grown: Path, httpserver: HTTPServer, api: list[dict[str, str]]
) -> None:
    done = run_grown(grown, httpserver, "list-things", "--protocol", "udp", "--health-switch", "1")
    assert done.returncode == EXIT_OK, done.stderr
    assert (api[-1]["protocol"], api[-1]["healthSwitch"]) == ("udp", "1")
    for args in (["--protocol", "sctp"], ["--health-switch", "2"]):
        done = run_grown(grown, httpserver, "list-things", *args)
        assert done.returncode == EXIT_USAGE and "invalid choice" in done.stderr, done.stderr
    help_text = run_grown(grown, None, "list-things", "--help").stdout
    assert "--protocol {tcp,udp}" in help_text and "--health-switch {0,1}" in help_text
    assert "The service assumes tcp when it is not given." in flat(help_text)
    assert len(api) == 1


def test_a_parameter_named_like_an_option_of_the_tool(
    grown: Path, httpserver: HTTPServer, api: list[dict[str, str]]
) -> None:
    done = run_grown(grown, httpserver, "list-things", "--region-param", "r-1", "--region", "sh")
    assert done.returncode == EXIT_OK, done.stderr
    assert (api[-1]["region"], api[-1]["Region"]) == ("r-1", "sh")
    done = run_grown(grown, httpserver, "list-things", "--region-param", "r-123456789")
    assert (
        done.returncode == EXIT_USAGE
        and "argument --region-param: must be at most 8" in done.stderr
    )


def test_items_with_optional_fields(
    grown: Path, httpserver: HTTPServer, api: list[dict[str, str]]
) -> None:
    # The item syntax: required Strings, required Ints, then the optional fields.
    order = tuple(f.py_name for f in item_fields(load_vm_item(grown)))
    assert order == ("vm_ip", "port", "probe_port", "weight")
    done = run_grown(grown, httpserver, "bind-things", "--vm", "10.0.0.1:80", "--vm",
                     "10.0.0.2:81::5", "--vm", "[fe80::1]:82:8080")  # fmt: skip
    assert done.returncode == EXIT_OK, done.stderr
    sent = api[-1]
    assert (sent["vmList.0.vmIp"], sent["vmList.0.port"]) == ("10.0.0.1", "80")
    assert "vmList.0.weight" not in sent and "vmList.0.probePort" not in sent
    assert (sent["vmList.1.weight"], sent["vmList.2.vmIp"]) == ("5", "fe80::1")
    assert (sent["vmList.2.probePort"], "vmList.2.weight" in sent) == ("8080", False)
    # JSON, keys by wire or Python name; an item with many fields takes JSON only.
    rules = json.dumps([{"a": 1, "e": "2"}])
    vms = json.dumps([{"vm_ip": "10.0.0.3", "port": 83, "probePort": 9}])
    done = run_grown(grown, httpserver, "bind-things", "--vm-list", vms, "--rules", rules)
    assert done.returncode == EXIT_OK, done.stderr
    sent = api[-1]
    assert (sent["vmList.0.vmIp"], sent["vmList.0.probePort"]) == ("10.0.0.3", "9")
    assert (sent["rules.0.a"], sent["rules.0.e"], "rules.0.b" in sent) == ("1", "2", False)
    help_text = run_grown(grown, None, "bind-things", "--help").stdout
    assert "--vm VM_IP:PORT[:PROBE_PORT[:WEIGHT]]" in help_text and "--rule " not in help_text
    count = len(api)
    for args, shown in [
        (["--vm", "10.0.0.1"], "argument --vm: must be VM_IP:PORT[:PROBE_PORT[:WEIGHT]]"),
        (["--vm", "10.0.0.1:80", "--vm", "10.0.0.1:80:7"], "vm_list[1]: repeats vm_list[0]"),
        (["--vm", "10.0.0.1:80::101"], "vm_list[0].weight: must be between 0 and 100"),
        (["--vm", "fe80::1:80"], "must be VM_IP:PORT"),
        (["--rules", '[{"a": 10}]'], "argument --rules: rules[0].a: must be between 0 and 9"),
        (["--vm-list", '[{"port": 1}]'], "argument --vm-list: vm_list[0].vm_ip: is required"),
    ]:
        done = run_grown(grown, httpserver, "bind-things", *args)
        assert done.returncode == EXIT_USAGE, (args, done.stderr)
        assert shown in done.stderr, (args, done.stderr)
    assert len(api) == count


def load_vm_item(out: Path) -> Any:
    """The IR of BindThings' item, from the generated package's spec copy."""
    spec = load(out.parent / "spec")
    action = next(a for a in spec.actions if a.name == "BindThings")
    return action.params[0].item  # type: ignore[union-attr]


def test_all_follows_every_page(
    grown: Path, httpserver: HTTPServer, api: list[dict[str, str]]
) -> None:
    done = run_grown(grown, httpserver, "list-things", "--all")
    assert done.returncode == EXIT_OK, done.stderr
    page = json.loads(done.stdout)
    # The answer's shape: every item of every page, and the total their count.
    assert page["total_count"] == 5
    assert [t["thing_id"] for t in page["thing_set"]] == [f"t-{i}" for i in range(5)]
    assert page["thing_set"][1]["state"] == "BUSY" and page["thing_set"][1]["data"] == {
        "vip": "10.0.0.1"
    }
    assert [r.get("offset") for r in api] == ["0", "2", "4"]
    # --limit is the size of each page; --offset where to start.
    done = run_grown(grown, httpserver, "list-things", "--all", "--offset", "1", "--limit", "3")
    assert [t["thing_id"] for t in json.loads(done.stdout)["thing_set"]] == [
        "t-1",
        "t-2",
        "t-3",
        "t-4",
    ]
    assert [(r["offset"], r["limit"]) for r in api[3:]] == [("1", "3"), ("4", "3")]
    # A table: one row per item, a column per field.
    done = run_grown(grown, httpserver, "--output", "table", "list-things", "--all")
    lines = done.stdout.splitlines()
    assert lines[0].split() == ["total_count", "5"]
    assert lines[2] == "thing_set (5):"
    assert lines[3].split() == ["thing_id", "state", "tags", "data"]
    assert lines[5].split() == ["t-1", "BUSY", '["a","b"]', '{"vip":"10.0.0.1"}']
    done = run_grown(grown, httpserver, "--output", "raw", "list-things", "--all")
    assert done.returncode == EXIT_USAGE and "--all" in done.stderr


def test_nested_answers_as_json_and_table(
    grown: Path, httpserver: HTTPServer, api: list[dict[str, str]]
) -> None:
    page = json.loads(run_grown(grown, httpserver, "list-things").stdout)
    assert page == {
        "total_count": 5,
        "thing_set": [
            {"thing_id": "t-0", "state": "IDLE", "tags": ["a", "b"], "data": {"vip": "10.0.0.0"}},
            {"thing_id": "t-1", "state": "BUSY", "tags": ["a", "b"], "data": {"vip": "10.0.0.1"}},
        ],
    }
    raw = json.loads(run_grown(grown, httpserver, "--output", "raw", "list-things").stdout)
    assert raw["thingSet"][1]["state"] == 1 and raw["totalCount"] == 5


def test_cli_input_json_of_a_whole_request(
    grown: Path, httpserver: HTTPServer, api: list[dict[str, str]], tmp_path: Path
) -> None:
    skeleton = json.loads(run_grown(grown, None, "bind-things", "--generate-cli-skeleton").stdout)
    assert skeleton == {
        "vmList": [{"port": 0, "probePort": 0, "vmIp": "", "weight": 0}],
        "rules": [{"a": 0, "b": 0, "c": 0, "d": 0, "e": 0}],
    }
    request = {"vmList": [{"vmIp": "10.0.0.9", "port": 90}], "rules": [{"a": 1}]}
    path = tmp_path / "request.json"
    path.write_text(json.dumps(request), encoding="utf-8")
    for args, stdin in [(["--cli-input-json", json.dumps(request)], None),
                        (["--cli-input-json", f"file://{path}"], None),
                        (["--cli-input-json", "-"], json.dumps(request))]:  # fmt: skip
        done = run_grown(grown, httpserver, "bind-things", *args, stdin=stdin)
        assert done.returncode == EXIT_OK, done.stderr
        assert (api[-1]["vmList.0.vmIp"], api[-1]["rules.0.a"]) == ("10.0.0.9", "1")
    # An option given as well overrides the key; Python names work as keys too.
    done = run_grown(grown, httpserver, "bind-things", "--cli-input-json",
                     json.dumps({"vm_list": request["vmList"]}), "--vm", "10.0.0.8:88")  # fmt: skip
    assert done.returncode == EXIT_OK, done.stderr
    assert api[-1]["vmList.0.vmIp"] == "10.0.0.8" and "vmList.1.vmIp" not in api[-1]
    count = len(api)
    for text, shown in [
        ('{"vmList": [{"vmIp": "10.0.0.9", "port": 0}]}',
         "argument --cli-input-json: vm_list[0].port: must be between 1 and 65535"),
        ('{"vmLst": []}', "unknown parameter 'vmLst'; the parameters are vmList, rules"),
        ("[1]", "must be a JSON object of parameters"),
        ("{bad", "not valid JSON"),
        (f"file://{tmp_path / 'none.json'}", "cannot read"),
        ("{}", "argument --vm/--vm-list: is required"),
    ]:  # fmt: skip
        done = run_grown(grown, httpserver, "bind-things", "--cli-input-json", text)
        assert done.returncode == EXIT_USAGE, (text, done.stderr)
        assert shown in done.stderr, (text, done.stderr)
    assert len(api) == count


def test_the_skeleton_of_every_command_names_its_parameters(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for action, op in OPERATIONS.items():
        status, out, _ = in_process(capsys, action, "--generate-cli-skeleton")
        assert status == EXIT_OK
        assert list(json.loads(out)) == [p.wire for p in op.params]


# -- exit statuses -----------------------------------------------------------------------------


def test_api_error(fake: FakeBmlb) -> None:
    done = run(fake, *UNBIND, "--backend", "cpm-unbound:80")
    assert done.returncode == EXIT_API
    assert done.stdout == ""
    assert "30011" in done.stderr
    assert "InvalidRs.NotExist" in done.stderr
    assert "cpm-unbound port 80 is not bound to the listener" in done.stderr


def test_errors_are_json_on_stderr_under_output_json(fake: FakeBmlb) -> None:
    done = run(fake, "--output", "json", *UNBIND, "--backend", "cpm-unbound:80")
    assert done.returncode == EXIT_API and done.stdout == ""
    error = json.loads(done.stderr)
    assert error["code"] == 30011 and error["codeDesc"] == "InvalidRs.NotExist"
    assert error["message"] == "cpm-unbound port 80 is not bound to the listener"
    assert error["action"] == "UnbindBmL4ListenerRs" and error["error"] == "InvalidRsNotExist"
    # Usage and configuration errors too, after the command as well.
    done = run(fake, *MODIFY, "--new-port", "0", "--output=json")
    assert done.returncode == EXIT_USAGE
    assert json.loads(done.stderr) == {
        "error": "UsageError", "message": "argument --new-port: must be between 1 and 65535, got 0",
    }  # fmt: skip
    done = run(fake, "--output", "json", *MODIFY, "--new-port", "80", env=environment(None))
    assert done.returncode == EXIT_CONFIG
    assert json.loads(done.stderr)["error"] == "CredentialsError"
    # Without an explicit --output json, errors are text for a person.
    done = run(fake, *UNBIND, "--backend", "cpm-unbound:80")
    assert done.stderr.startswith("qcloud-bmlb: error: ")
    assert fake.requests[-1]["Action"] == "UnbindBmL4ListenerRs"


def test_usage_error_sends_nothing(fake: FakeBmlb) -> None:
    done = run(fake, *UNBIND)  # no backends
    assert done.returncode == EXIT_USAGE
    assert "argument --backend/--backends: is required" in done.stderr
    done = run(fake, *MODIFY, "--new-port", "eighty")
    assert done.returncode == EXIT_USAGE
    assert "argument --new-port: must be an integer, got 'eighty'" in done.stderr
    done = run(fake, "no-such-command")
    assert done.returncode == EXIT_USAGE
    # Credentials are never an option.
    done = run(fake, "--secret-key", "x", *MODIFY, "--new-port", "80")
    assert done.returncode == EXIT_USAGE
    assert fake.requests == []


def out_of_bounds(param: Scalar | Array) -> Any:
    """A value of the right kind that breaks the parameter's first rule, or None."""
    if isinstance(param, Array):
        return None if param.max_items is None else "over"
    if param.choices:
        return None  # argparse's choices refuse it
    if param.maximum is not None:
        return param.maximum + 1
    if param.max_length is not None:
        return "x" * (param.max_length + 1)
    return None


@pytest.mark.parametrize("action", sorted(OPERATIONS))
def test_every_rule_is_a_usage_error_naming_the_option(
    capsys: pytest.CaptureFixture[str], action: str
) -> None:
    """For each parameter of each action, a value past its bound: exit 2, the option named
    with the rule in the plan's words, and credentials not even looked up (there are none)."""
    op: Operation = OPERATIONS[action]
    options = {o.name: o for o in COMMANDS[action].options}
    valid = example(action)
    for param in op.params:
        bad = out_of_bounds(param)
        if bad is None:
            continue
        option = options[param.name]
        if isinstance(param, Array):
            assert param.max_items is not None
            drop = {f"--{option.item}", f"--{option.option}"}
            argv = [w for i, w in enumerate(valid) if w not in drop and valid[i - 1] not in drop]
            listed = json.dumps([example_items(action, param)[0]] * (param.max_items + 1))
            argv += [f"--{option.option}", listed]
            shown = f"argument --{option.option}: must hold"
        else:
            at = valid.index(f"--{option.option}") if f"--{option.option}" in valid else None
            argv = list(valid)
            if at is None:
                argv += [f"--{option.option}", str(bad)]
            else:
                argv[at + 1] = str(bad)
            shown = f"argument --{option.option}: must be"
        status, _, err = in_process(capsys, *argv)
        assert status == EXIT_USAGE, (action, param.name, err)
        assert shown in err, (action, param.name, err)
        if isinstance(param, Scalar):
            assert describe(param).split()[-1] in err


def example_items(action: str, param: Array) -> list[Any]:
    """The example's items of an array, as JSON objects (wire keys) or values."""
    spec = load(ROOT / "spec")
    ir_action = next(a for a in spec.actions if a.name == action)
    values = dict(ir_action.example)[param.name]
    assert isinstance(values, list)
    if isinstance(param.item, Struct):
        wires = {f.name: f.wire for f in param.item.fields}
        return [{wires[k]: v for k, v in item.items()} for item in values]
    return list(values)


def test_out_of_range_sends_nothing(fake: FakeBmlb) -> None:
    done = run(fake, *MODIFY, "--new-port", "70000")
    assert done.returncode == EXIT_USAGE
    assert "argument --new-port: must be between 1 and 65535, got 70000" in done.stderr
    assert fake.requests == []


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        # Found by the request plan: named by the option the value came from, with the rule.
        (["--backend", "cpm-1:80", "--backend", "cpm-1:80"],
         "argument --backend: backends[1]: repeats backends[0]"),
        (["--backends", json.dumps([{"instanceId": "cpm-1", "port": "80"}] * 2)],
         "argument --backends: backends[1]: repeats"),
        (["--backends", "[]"], "argument --backends: must hold between 1 and 255 items"),
        (["--backends", json.dumps([{"port": 80}])],
         "argument --backends: backends[0].instance_id: is required"),
    ],
)  # fmt: skip
def test_validation_error_sends_nothing(fake: FakeBmlb, args: list[str], shown: str) -> None:
    done = run(fake, *UNBIND, *args)
    assert done.returncode == EXIT_USAGE
    assert shown in done.stderr
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
    ("option", "value", "shown"),
    [
        ("--backend", "cpm-1", "must be INSTANCE_ID:PORT, got 'cpm-1'"),
        ("--backend", "cpm-1:x", "PORT must be an integer, got 'x'"),
        # The rule from the plan (it was "PORT must be 1–65535, got 0", a second copy of it).
        ("--backend", "cpm-1:0",
         "backends[0].port: must be between 1 and 65535, got 0 (in 'cpm-1:0')"),
        ("--backends", "[{bad", "not valid JSON"),
        ("--backends", '"cpm-1"', "must be a JSON list of objects"),
        ("--backends", '[{"instanceId": "cpm-1", "port": 80, "weight": 1}]',
         "unknown field 'weight'"),
        ("--backends", '[{"instanceId": "cpm-1", "port": 0}]',
         "backends[0].port: must be between 1 and 65535"),
    ],
)  # fmt: skip
def test_bad_backends(fake: FakeBmlb, option: str, value: str, shown: str) -> None:
    done = run(fake, *UNBIND, option, value)
    assert done.returncode == EXIT_USAGE
    assert f"argument {option}: " in done.stderr and shown in done.stderr
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


def test_timeout_option(fake: FakeBmlb) -> None:
    fake.inject(Fault.delay(1.2), times=10)
    started = time.monotonic()
    done = run(fake, "--timeout", "0.3", TASK_COMMAND, "--request-id", "1")
    assert done.returncode == EXIT_TRANSPORT, done.stderr
    assert "timed out" in done.stderr.lower()
    assert time.monotonic() - started < 2.5  # three tries of 0.3 s, not 1.2 s (or 30 s) each
    done = run(fake, "--timeout", "-1", TASK_COMMAND, "--request-id", "1")
    assert done.returncode == EXIT_USAGE and "argument --timeout" in done.stderr


def test_configuration_error_without_credentials(fake: FakeBmlb) -> None:
    done = run(fake, *MODIFY, "--new-port", "80", env=environment(None))
    assert done.returncode == EXIT_CONFIG
    text = flat(done.stderr)
    assert "no credentials found" in text
    # In the words of the command line: the variables, both files and --profile ...
    home = Path(os.environ["HOME"])
    for place in ("TENCENTCLOUD_SECRET_ID", "TENCENTCLOUD_SECRET_KEY", "--profile",
                  f"profile [default] in {home / '.tencentcloud' / 'credentials'}",
                  str(home / ".tccli" / "default.credential")):  # fmt: skip
        assert place in text, place
    # ... never of the Python arguments.
    assert "secret_id/secret_key" not in text and "argument" not in text
    done = run(fake, "--profile", "ops", *MODIFY, "--new-port", "80", env=environment(None))
    assert "profile [ops]" in done.stderr and "ops.credential" in done.stderr
    done = run(fake, *MODIFY, "--new-port", "80", endpoint="ftp://example.com")
    assert done.returncode == EXIT_CONFIG and "--endpoint: must be an http(s) URL" in done.stderr
    assert fake.requests == []


def test_configuration_error_without_a_region(fake: FakeBmlb) -> None:
    env = environment(fake)
    del env["TENCENTCLOUD_REGION"]
    done = run(fake, *MODIFY, "--new-port", "80", env=env)
    assert done.returncode == EXIT_CONFIG
    text = flat(done.stderr)
    assert "no region: use --region REGION, set TENCENTCLOUD_REGION" in text
    assert "default.configure" in text and "region=" not in text
    done = run(fake, "--region", "Not A Region", *MODIFY, "--new-port", "80")
    assert done.returncode == EXIT_CONFIG and "(from --region)" in done.stderr
    # A region the package does not know yet is sent, with one warning in the tool's words.
    done = run(fake, "--region", "ap-newplace", TASK_COMMAND, "--request-id", "1")
    assert "qcloud-bmlb: warning: region 'ap-newplace' is not one this package knows" in done.stderr
    assert done.stderr.count("warning") == 1
    assert fake.requests[-1]["Region"] == "ap-newplace"


@pytest.fixture(scope="module")
def tls(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """pytest-httpserver over TLS with a self-signed certificate (made with openssl): its
    endpoint and the certificate."""
    crt, key = self_signed_cert(tmp_path_factory.mktemp("tls"))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(crt, key)
    server = HTTPServer(host="127.0.0.1", port=0, ssl_context=context)
    body = json.dumps({"code": 0, "message": "", "codeDesc": "Success", "data": {"status": 0}})
    server.expect_request("/v2/index.php").respond_with_data(body, content_type="application/json")
    server.start()
    yield f"https://127.0.0.1:{server.port}", crt
    server.stop()


def test_ca_bundle(tls: tuple[str, Path], tmp_path: Path) -> None:
    endpoint, crt = tls
    env = environment(None, TENCENTCLOUD_SECRET_ID=SECRET_ID, TENCENTCLOUD_SECRET_KEY=SECRET_KEY,
                      TENCENTCLOUD_REGION="gz")  # fmt: skip
    args = [TASK_COMMAND, "--request-id", "1"]
    done = run(None, *args, endpoint=endpoint, env=env)
    assert done.returncode == EXIT_TRANSPORT and "certificate" in done.stderr.lower()
    assert output(run(None, "--ca-bundle", str(crt), *args, endpoint=endpoint, env=env)) == {
        "status": "SUCCEEDED"
    }
    # OpenSSL's own variable works too (the Tencent tools have none of their own).
    assert output(run(None, *args, endpoint=endpoint, env={**env, "SSL_CERT_FILE": str(crt)}))
    done = run(None, "--ca-bundle", str(tmp_path / "none.pem"), *args, endpoint=endpoint, env=env)
    assert done.returncode == EXIT_CONFIG and "--ca-bundle: no such file" in done.stderr
    (tmp_path / "bad.pem").write_text("not a certificate", encoding="utf-8")
    done = run(None, "--ca-bundle", str(tmp_path / "bad.pem"), *args, endpoint=endpoint, env=env)
    assert done.returncode == EXIT_CONFIG and "--ca-bundle: cannot load" in done.stderr


def test_task_failed(fake: FakeBmlb) -> None:
    fake.fail_next_task()
    done = run(fake, *MODIFY, "--new-port", "2345", "--wait")
    assert done.returncode == EXIT_TASK_FAILED
    assert "failed" in done.stderr
    # Changed on purpose: the task's id was printed before the wait, and stays.
    [started] = documents(done.stdout)
    assert f"task {started['request_id']} of ModifyBmL4ListenerBackendPort failed" in done.stderr


def test_task_timed_out_leaves_the_id_on_stdout(fake: FakeBmlb) -> None:
    fake.task_polls = 1000
    done = run(fake, *MODIFY, "--new-port", "2345", "--wait", "--wait-timeout", "0.3")
    assert done.returncode == EXIT_TASK_TIMEOUT
    assert "RUNNING" in done.stderr
    [started] = documents(done.stdout)
    task = started["request_id"]
    follow = f"'qcloud-bmlb {TASK_COMMAND} --request-id {task}'"
    assert follow in done.stderr and "wait_for_task" not in done.stderr


def test_task_timed_out_as_json(fake: FakeBmlb) -> None:
    fake.task_polls = 1000
    done = run(fake, "--output", "json", *MODIFY, "--new-port", "2346", "--wait",
               "--wait-timeout", "0.3")  # fmt: skip
    assert done.returncode == EXIT_TASK_TIMEOUT
    [started] = documents(done.stdout)
    error = json.loads(done.stderr)
    assert (error["status"], error["requestId"]) == ("RUNNING", started["request_id"])
    assert error["error"] == "TaskTimeoutError" and TASK_COMMAND in error["message"]


def test_interrupting_the_wait_leaves_the_id_on_stdout(fake: FakeBmlb) -> None:
    fake.task_polls = 1000
    process = subprocess.Popen(
        [sys.executable, "-m", "qcloud_bmlb.cli", "--endpoint", fake.endpoint, *MODIFY,
         "--new-port", "2345", "--wait"],
        env=environment(fake), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert process.stdout is not None
    line = process.stdout.readline()  # the task's id, printed before the wait starts
    task = json.loads(line)["request_id"]
    time.sleep(0.3)
    process.send_signal(signal.SIGINT)
    rest, err = process.communicate(timeout=30)
    assert process.returncode == EXIT_INTERRUPTED
    assert rest == ""
    assert f"interrupted: task {task} goes on without this wait" in err
    assert f"'qcloud-bmlb {TASK_COMMAND} --request-id {task}'" in err


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
    assert "DescribeBmLoadBalancersTaskResult answered" in done.stderr
    assert documents(done.stdout)[-1]["status"] == "SUCCEEDED"
    # An API error in debug mode shows the answer, still without secrets.
    done = run(fake, "--debug", *UNBIND, "--backend", "cpm-unbound:80", env=env, cwd=work)
    assert done.returncode == EXIT_API and '"code": 30011' in done.stderr
    # Nothing was written to disk: neither in the working directory nor in HOME.
    assert list(work.iterdir()) == []
    assert list(Path(os.environ["HOME"]).iterdir()) == []


def test_an_item_option_never_takes_another_parameters_name(grown: Path) -> None:
    """``--thing-id`` is the item option of ``thingIds``, unless a parameter ``thingId``
    has that option already: then the item option is ``--thing-ids-item``."""
    from dataclasses import replace

    spec = load(grown.parent / "spec")
    action = next(a for a in spec.actions if a.name == "ListThings")
    assert {p.py_name: p.item_option for p in cli_params(action)}["thing_ids"] == "thing-id"
    scalar = next(p for p in action.params if p.py_name == "protocol")
    clash = replace(scalar, wire="thingId", py_name="thing_id")
    made = {p.py_name: p for p in cli_params(replace(action, params=(*action.params, clash)))}
    assert made["thing_ids"].item_option == "thing-ids-item"
    assert made["thing_id"].option == "thing-id"


def test_generated_options_come_from_the_spec() -> None:
    """cli.py holds the generator's decisions for each parameter, nothing more."""
    spec = load(ROOT / "spec")
    for action in spec.actions:
        made = {p.py_name: p for p in cli_params(action)}
        for option in COMMANDS[action.name].options:
            assert (option.option, option.item) == (
                made[option.name].option,
                made[option.name].item_option,
            )
            assert option.fields == tuple(
                (f.py_name, f.metavar, f.help) for f in made[option.name].fields
            )
