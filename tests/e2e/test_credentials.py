"""Where a Client finds credentials and region, what it refuses, and that secrets never leak."""

from __future__ import annotations

import json
import logging
import os
import pickle
from pathlib import Path

import pytest
from qcloud_bmlb import Client, errors

from ..conftest import API_PATH, answer, recorded
from .test_wire import verify_signature

ARG_ID, ARG_KEY, ARG_TOKEN = "AKIDargumentId000000000001", "argSecretKeyZZZ111", "argTokenQQQ111"
ENV_ID, ENV_KEY, ENV_TOKEN = "AKIDenvironmentId000000002", "envSecretKeyZZZ222", "envTokenQQQ222"
FILE_ID, FILE_KEY, FILE_TOKEN = (
    "AKIDprofileDefault00000003",
    "fileSecretKeyZZZ333",
    "fileTokenQQQ333",
)
NAMED_ID, NAMED_KEY = "AKIDprofileNamed0000000004", "namedSecretKeyZZZ444"
SECRETS = (ARG_KEY, ARG_TOKEN, ENV_KEY, ENV_TOKEN, FILE_KEY, FILE_TOKEN, NAMED_KEY)

PROFILE = f"""\
[default]
secret_id = {FILE_ID}
secret_key = {FILE_KEY}
token = {FILE_TOKEN}
region = ap-shanghai

[work]
secret_id = {NAMED_ID}
secret_key = {NAMED_KEY}
region = ap-chongqing
"""


def profile_file() -> Path:
    return Path(os.environ["HOME"]) / ".tencentcloud" / "credentials"


@pytest.fixture
def profile() -> Path:
    path = profile_file()
    path.parent.mkdir(parents=True)
    path.write_text(PROFILE, encoding="utf-8")
    return path


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    monkeypatch.setenv("TENCENTCLOUD_SECRET_ID", ENV_ID)
    monkeypatch.setenv("TENCENTCLOUD_SECRET_KEY", ENV_KEY)
    return monkeypatch


def assert_no_secrets(*texts: str) -> None:
    for text in texts:
        for secret in SECRETS:
            assert secret not in text, f"{secret!r} leaked in {text!r}"


def refused(cls: type[errors.BmlbError], **kwargs) -> errors.BmlbError:
    with pytest.raises(errors.BmlbError) as info:
        Client(**kwargs)
    exc = info.value
    assert type(exc) is cls, f"{type(exc).__name__}: {exc}"
    assert_no_secrets(str(exc), repr(exc), str(pickle.loads(pickle.dumps(exc))))
    return exc


def test_arguments_win_over_environment_and_profile(env, profile, httpserver, endpoint):
    env.setenv("TENCENTCLOUD_TOKEN", ENV_TOKEN)
    env.setenv("TENCENTCLOUD_REGION", "ap-beijing")
    client = Client(
        secret_id=ARG_ID, secret_key=ARG_KEY, token=ARG_TOKEN, region="gz", endpoint=endpoint
    )
    assert (client.credentials.secret_id, client.credentials.secret_key) == (ARG_ID, ARG_KEY)
    assert client.credentials.token == ARG_TOKEN and client.region == "gz"
    # ... and they are what the request is signed with
    answer(httpserver, {"code": 0, "message": "", "requestId": 1})
    client.modify_bm_l4_listener_backend_port(
        load_balancer_id="lb-1", listener_id="lbl-1", instance_id="cpm-1", port=1, new_port=2
    )
    params = recorded(httpserver)[0].params
    assert (params["SecretId"], params["Token"], params["Region"]) == (ARG_ID, ARG_TOKEN, "gz")
    assert verify_signature("POST", "localhost", API_PATH, params, ARG_KEY)
    assert_no_secrets(repr(client), repr(client.credentials))
    client.close()


def test_environment_wins_over_profile(env, profile):
    env.setenv("TENCENTCLOUD_TOKEN", ENV_TOKEN)
    env.setenv("TENCENTCLOUD_REGION", "ap-beijing")
    client = Client()
    creds = client.credentials
    assert (creds.secret_id, creds.secret_key, creds.token) == (ENV_ID, ENV_KEY, ENV_TOKEN)
    assert client.region == "ap-beijing"
    assert_no_secrets(repr(client), repr(creds))


def test_environment_session_token(env):
    env.setenv("TENCENTCLOUD_SESSION_TOKEN", ENV_TOKEN)
    client = Client(region="bj")
    assert client.credentials.token == ENV_TOKEN
    assert client.credentials.secret_key == ENV_KEY


def test_environment_without_token(env):
    client = Client(region="bj")
    assert client.credentials.token is None
    assert client.credentials.secret_id == ENV_ID


def test_token_argument_with_environment_keys(env):
    env.setenv("TENCENTCLOUD_TOKEN", ENV_TOKEN)
    assert Client(token=ARG_TOKEN, region="bj").credentials.token == ARG_TOKEN


def test_region_argument_wins_over_environment(env):
    env.setenv("TENCENTCLOUD_REGION", "ap-beijing")
    assert Client(region="sh").region == "sh"


def test_default_profile(profile):
    client = Client()
    creds = client.credentials
    assert (creds.secret_id, creds.secret_key, creds.token) == (FILE_ID, FILE_KEY, FILE_TOKEN)
    assert client.region == "ap-shanghai"
    assert_no_secrets(repr(client), repr(creds))


def test_profile_region_with_argument_keys(profile):
    client = Client(secret_id=ARG_ID, secret_key=ARG_KEY)
    assert client.credentials.secret_id == ARG_ID and client.region == "ap-shanghai"


def test_named_profile_argument(profile, monkeypatch):
    monkeypatch.setenv("TENCENTCLOUD_PROFILE", "default")  # the argument wins
    client = Client(profile="work")
    assert (client.credentials.secret_id, client.credentials.secret_key) == (NAMED_ID, NAMED_KEY)
    assert client.credentials.token is None
    assert client.region == "ap-chongqing"


def test_named_profile_from_environment(profile, monkeypatch):
    monkeypatch.setenv("TENCENTCLOUD_PROFILE", "work")
    client = Client()
    assert client.credentials.secret_id == NAMED_ID and client.region == "ap-chongqing"


def test_missing_named_profile(profile):
    exc = refused(errors.CredentialsError, profile="nosuch")
    assert "nosuch" in str(exc) and str(profile) in str(exc)


@pytest.mark.parametrize(
    ("kwargs", "missing"),
    [
        ({"secret_id": ARG_ID}, "secret_key"),
        ({"secret_key": ARG_KEY}, "secret_id"),
        ({"secret_id": ARG_ID, "secret_key": "  "}, "secret_key"),
        ({"secret_id": "", "secret_key": ARG_KEY}, "secret_id"),
    ],
)
def test_only_half_a_key_pair(env, profile, kwargs, missing):
    """Half a pair in the arguments is an error, not a silent fall back to env or profile."""
    exc = refused(errors.CredentialsError, region="gz", **kwargs)
    assert str(exc).startswith(missing)


def test_nothing_anywhere_lists_where_it_looked():
    exc = refused(errors.CredentialsError, region="gz")
    text = str(exc)
    assert "argument" in text
    assert "TENCENTCLOUD_SECRET_ID" in text and "TENCENTCLOUD_SECRET_KEY" in text
    assert str(profile_file()) in text
    assert isinstance(exc, errors.ConfigurationError)


def test_no_region_is_configuration_error():
    exc = refused(errors.ConfigurationError, secret_id=ARG_ID, secret_key=ARG_KEY)
    assert "region" in str(exc) and "TENCENTCLOUD_REGION" in str(exc)


def test_credentials_refuse_pickling():
    client = Client(secret_id=ARG_ID, secret_key=ARG_KEY, token=ARG_TOKEN, region="gz")
    with pytest.raises(TypeError):
        pickle.dumps(client.credentials)
    assert_no_secrets(repr(client), repr(client.credentials), str(client.credentials))


@pytest.mark.parametrize(
    "kwargs",
    [
        {"sign_method": "HmacSHA512"},
        {"sign_method": "hmacsha256"},
        {"http_method": "PUT"},
        {"endpoint": "http://127.0.0.1:8080/v2/index.php"},
        {"endpoint": "http://127.0.0.1:8080/?x=1"},
        {"endpoint": "ftp://127.0.0.1"},
        {"endpoint": "127.0.0.1:8080"},
        {"timeout": -1},
    ],
)
def test_bad_options(kwargs):
    exc = refused(
        errors.ConfigurationError,
        secret_id=ARG_ID,
        secret_key=ARG_KEY,
        token=ARG_TOKEN,
        region="gz",
        **kwargs,
    )
    option = next(iter(kwargs))
    assert option in str(exc)


def test_debug_logs_hold_no_secret(httpserver, endpoint, caplog):
    answer(httpserver, {"code": 4100, "message": "bad sig", "codeDesc": "AuthFailure"})
    caplog.set_level(logging.DEBUG, logger="qcloud_bmlb")
    client = Client(
        secret_id=ARG_ID,
        secret_key=ARG_KEY,
        token=ARG_TOKEN,
        region="gz",
        endpoint=endpoint,
        http_method="GET",
    )
    with pytest.raises(errors.AuthFailure) as info:
        client.unbind_bm_l4_listener_rs(
            load_balancer_id="lb-1",
            listener_id="lbl-1",
            backends=[{"instance_id": "cpm-1", "port": 80}],
        )
    client.close()
    signature = recorded(httpserver)[0].params["Signature"]
    records = [r for r in caplog.records if r.name.startswith("qcloud_bmlb")]
    assert records, "the client logs its calls at DEBUG"
    assert any("UnbindBmL4ListenerRs" in r.getMessage() for r in records)
    for r in records:
        text = r.getMessage() + repr(r.args)
        assert_no_secrets(text)
        assert signature not in text
    assert_no_secrets(str(info.value), repr(info.value))


@pytest.mark.parametrize(
    "kwargs",
    [
        {"secret_id": 123456},
        {"secret_key": 123456},
        {"token": 123456},
        {"region": 5},
    ],
    ids=["secret_id-int", "secret_key-int", "token-int", "region-int"],
)
def test_wrong_option_types_are_configuration_errors(kwargs):
    """Never an AttributeError/TypeError from inside the package."""
    base = {"secret_id": ARG_ID, "secret_key": ARG_KEY, "region": "gz"}
    with pytest.raises(errors.ConfigurationError) as info:
        Client(**{**base, **kwargs})
    assert_no_secrets(str(info.value))


def test_bytes_credentials_are_never_used_as_their_repr(httpserver, endpoint):
    """bytes keys must be refused, or used as the bytes they are — never as "b'...'"."""
    try:
        client = Client(
            secret_id=ARG_ID.encode(), secret_key=ARG_KEY.encode(), region="gz", endpoint=endpoint
        )
    except errors.ConfigurationError as exc:
        assert_no_secrets(str(exc))
        return
    assert client.credentials.secret_id == ARG_ID
    answer(httpserver, {"code": 0, "message": "", "requestId": 1})
    client.describe_bm_load_balancers_task_result(request_id=1)
    params = recorded(httpserver)[0].params
    assert params["SecretId"] == ARG_ID
    assert verify_signature("POST", "localhost", API_PATH, params, ARG_KEY)


def test_unreadable_profile_is_configuration_error():
    path = profile_file()
    path.parent.mkdir(parents=True)
    path.write_text(f"secret_id = {FILE_ID}\nsecret_key = {FILE_KEY}\n", encoding="utf-8")
    exc = refused(errors.ConfigurationError, region="gz")
    assert str(path) in str(exc)


# --- tccli's files, after the profile file --------------------------------------------------

TCCLI_ID, TCCLI_KEY, TCCLI_TOKEN = "AKIDtccliFile00000000005", "tccliSecretKeyZZZ555", "tccliTok555"


def tccli_files(profile: str = "default", region: str | None = "ap-beijing", **keys: str) -> Path:
    """``~/.tccli/<profile>.credential`` and ``.configure``, in the shape tccli writes them."""
    folder = Path(os.environ["HOME"]) / ".tccli"
    folder.mkdir(exist_ok=True)
    credential = keys or {"secretId": TCCLI_ID, "secretKey": TCCLI_KEY, "token": TCCLI_TOKEN}
    (folder / f"{profile}.credential").write_text(json.dumps(credential), encoding="utf-8")
    if region is not None:
        configure = {"_sys_param": {"region": region, "output": "json", "language": "zh-CN"}}
        (folder / f"{profile}.configure").write_text(json.dumps(configure), encoding="utf-8")
    return folder


def test_tccli_files_come_last(env, monkeypatch):
    tccli_files()
    client = Client(region="gz")
    assert client.credentials.secret_id == ENV_ID  # the environment first
    monkeypatch.delenv("TENCENTCLOUD_SECRET_ID")
    client = Client()
    creds = client.credentials
    assert (creds.secret_id, creds.secret_key, creds.token) == (TCCLI_ID, TCCLI_KEY, TCCLI_TOKEN)
    assert creds.source == "tccli:default" and client.region == "ap-beijing"
    assert_no_secrets(repr(client), repr(creds))


def test_the_profile_file_comes_before_tccli(profile):
    tccli_files()
    client = Client()
    assert client.credentials.secret_id == FILE_ID and client.region == "ap-shanghai"


def test_tccli_profile_from_its_own_variable_or_the_argument(monkeypatch):
    tccli_files("ops", region="ap-chongqing")
    assert Client(profile="ops").credentials.secret_id == TCCLI_ID
    monkeypatch.setenv("TCCLI_PROFILE", "ops")
    client = Client()
    assert client.credentials.secret_id == TCCLI_ID and client.region == "ap-chongqing"


def test_region_from_tccli_with_keys_from_elsewhere(env):
    tccli_files(region="ap-guangzhou", secretId="", secretKey="")
    assert Client().region == "ap-guangzhou"


def test_an_unreadable_tccli_file_is_configuration_error():
    folder = tccli_files()
    (folder / "default.credential").write_text(f'{{"secretKey": "{TCCLI_KEY}", oops', "utf-8")
    exc = refused(errors.ConfigurationError, region="gz")
    assert str(folder / "default.credential") in str(exc)
    assert TCCLI_KEY not in str(exc)


def test_nothing_anywhere_names_tccli_files_too():
    tccli_files(secretId="only-an-id")
    text = str(refused(errors.CredentialsError, region="gz"))
    assert "default.credential (no secretId and secretKey)" in text
    # The client's words: its arguments, not the command line's options.
    assert "the secret_id/secret_key arguments" in text and "--profile" not in text


def test_the_command_lines_words():
    """The CLI's wording: no arguments to speak of; its options, the variables and the files."""
    from qcloud_bmlb._credentials import CLI, resolve

    with pytest.raises(errors.CredentialsError) as info:
        resolve(secret_id=None, secret_key=None, token=None, region=None, profile=None,
                wording=CLI)  # fmt: skip
    text = str(info.value)
    assert "argument" not in text and "--profile" in text and "TENCENTCLOUD_PROFILE" in text
    assert "(no such file)" in text
    with pytest.raises(errors.ConfigurationError) as info:
        resolve(secret_id=ARG_ID, secret_key=ARG_KEY, token=None, region=None, profile=None,
                wording=CLI)  # fmt: skip
    assert "use --region REGION" in str(info.value) and "region=" not in str(info.value)
