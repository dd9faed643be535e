"""Where a client's credentials and region come from, in this order:

1. the ``secret_id``/``secret_key``/``token``/``region`` arguments (the command-line tool
   has none for credentials: they never appear on a command line);
2. the environment: ``TENCENTCLOUD_SECRET_ID``, ``TENCENTCLOUD_SECRET_KEY``,
   ``TENCENTCLOUD_TOKEN`` (or ``TENCENTCLOUD_SESSION_TOKEN``), ``TENCENTCLOUD_REGION``;
3. the profile file of the Tencent SDKs, ``~/.tencentcloud/credentials`` (INI: a section per
   profile with ``secret_id``, ``secret_key``, optional ``token`` and ``region``);
4. the files tccli writes (``tccli configure``): ``~/.tccli/<profile>.credential`` (JSON:
   ``secretId``, ``secretKey``, optional ``token``) and ``~/.tccli/<profile>.configure``
   (JSON: the region under ``_sys_param``).

The keys come from the first place that has both of them; the region, independently, from the
first place that has one. The profile is the ``profile`` argument, else ``TENCENTCLOUD_PROFILE``
(for tccli's files ``TCCLI_PROFILE`` first, as tccli reads it), else ``default``.

When nothing is found the error lists every place looked at. :class:`Wording` says how those
messages name what the caller can set: a client's keyword arguments, or the command line's
options.
"""

from __future__ import annotations

import configparser
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ._exceptions import ConfigurationError, CredentialsError

__all__ = [
    "CLI",
    "PYTHON",
    "Credentials",
    "Settings",
    "Wording",
    "profile_path",
    "resolve",
    "tccli_path",
]

ENV_SECRET_ID = "TENCENTCLOUD_SECRET_ID"
ENV_SECRET_KEY = "TENCENTCLOUD_SECRET_KEY"
ENV_TOKENS = ("TENCENTCLOUD_TOKEN", "TENCENTCLOUD_SESSION_TOKEN")
ENV_REGION = "TENCENTCLOUD_REGION"
ENV_PROFILE = "TENCENTCLOUD_PROFILE"
ENV_TCCLI_PROFILE = "TCCLI_PROFILE"


def profile_path() -> Path:
    """``~/.tencentcloud/credentials`` (``HOME`` is honoured)."""
    return Path.home() / ".tencentcloud" / "credentials"


def tccli_path(profile: str, kind: str) -> Path:
    """tccli's ``~/.tccli/<profile>.<kind>`` (``credential`` or ``configure``)."""
    return Path.home() / ".tccli" / f"{profile}.{kind}"


class Wording:
    """How the messages of :func:`resolve` name what the caller can set.

    ``arguments``: the credential arguments as the caller knows them (None: there are none);
    ``region`` and ``profile``: the argument or option that sets each; ``give_region``: how to
    give a region, as advice.
    """

    __slots__ = ("arguments", "give_region", "profile", "region")

    def __init__(
        self, *, arguments: str | None, region: str, profile: str, give_region: str
    ) -> None:
        self.arguments = arguments
        self.region = region
        self.profile = profile
        self.give_region = give_region


#: A client's keyword arguments.
PYTHON = Wording(
    arguments="the secret_id/secret_key arguments", region="region=", profile="profile=",
    give_region="pass region=...",
)  # fmt: skip
#: The command-line tool's options.
CLI = Wording(
    arguments=None, region="--region", profile="--profile", give_region="use --region REGION"
)


@dataclass(frozen=True)
class Credentials:
    """A key pair, with the session token of temporary credentials. Secrets never print."""

    secret_id: str
    secret_key: str = field(repr=False)
    token: str | None = field(default=None, repr=False)
    source: str = "arguments"

    def __repr__(self) -> str:
        token = ", token=<redacted>" if self.token else ""
        return (
            f"Credentials(secret_id={self.secret_id!r}, secret_key=<redacted>{token}, "
            f"source={self.source!r})"
        )

    def __reduce__(self) -> tuple[Any, ...]:
        raise TypeError("Credentials are not picklable: they hold a secret key")


@dataclass(frozen=True)
class Settings:
    """Resolved credentials and region; ``region_source`` says where the region came from
    (for messages about it)."""

    credentials: Credentials
    region: str
    region_source: str = ""


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = value.strip()
    return value or None


def _from_profile(path: Path, profile: str) -> tuple[Mapping[str, str] | None, str]:
    """The profile's section of the INI profile file (None: no such file or section), and
    the place as a message names it."""
    where = f"profile [{profile}] in {path}"
    if not path.is_file():
        return None, f"{where} (no such file)"
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(path, encoding="utf-8")
    except (configparser.Error, UnicodeDecodeError, OSError) as exc:
        raise ConfigurationError(f"cannot read {path}: {type(exc).__name__}") from None
    if not parser.has_section(profile):
        return None, f"{where} (no such profile)"
    return dict(parser.items(profile)), where


def _from_tccli(path: Path) -> tuple[Mapping[str, Any] | None, str]:
    """One of tccli's JSON files as a mapping (None: no such file), and its place."""
    if not path.is_file():
        return None, f"{path} (no such file)"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError, OSError) as exc:
        # The type only: a decoding error may quote the file, and the file holds the key.
        raise ConfigurationError(f"cannot read {path}: {type(exc).__name__}") from None
    if not isinstance(data, dict):
        raise ConfigurationError(f"cannot read {path}: not a JSON object")
    return data, str(path)


def _tccli_region(profile: str) -> tuple[str | None, str]:
    """The region of tccli's ``<profile>.configure`` (``_sys_param.region``; older tccli
    releases kept it at the top level), and the file."""
    path = tccli_path(profile, "configure")
    data, _ = _from_tccli(path)
    if data is None:
        return None, str(path)
    system = data.get("_sys_param")
    found = _clean(system.get("region")) if isinstance(system, dict) else None
    return found or _clean(data.get("region")), str(path)


def resolve(
    *,
    secret_id: str | None,
    secret_key: str | None,
    token: str | None,
    region: str | None,
    profile: str | None,
    environ: Mapping[str, str] | None = None,
    wording: Wording = PYTHON,
) -> Settings:
    """Credentials and region from the places the module's doc lists, in its order."""
    env = os.environ if environ is None else environ
    given = {"secret_id": secret_id, "secret_key": secret_key, "token": token}
    for name, value in {**given, "region": region, "profile": profile}.items():
        if value is not None and not isinstance(value, str):
            error = CredentialsError if name in given else ConfigurationError
            raise error(f"{name}: must be a str, got {type(value).__name__}")
    looked: list[str] = []
    creds: Credentials | None = None
    chosen = _clean(profile)
    profile_name = chosen or _clean(env.get(ENV_PROFILE)) or "default"
    tccli_name = chosen or _clean(env.get(ENV_TCCLI_PROFILE)) or profile_name
    section: Mapping[str, str] | None = None
    section_read = False

    if secret_id is not None or secret_key is not None:
        if not (_clean(secret_id) and _clean(secret_key)):
            missing = "secret_key" if _clean(secret_id) else "secret_id"
            raise CredentialsError(
                f"{missing} is missing or empty: pass both secret_id and secret_key, or neither"
            )
        creds = Credentials(str(secret_id).strip(), str(secret_key).strip(), _clean(token))
    else:
        if wording.arguments is not None:
            looked.append(wording.arguments)
        env_id, env_key = _clean(env.get(ENV_SECRET_ID)), _clean(env.get(ENV_SECRET_KEY))
        if env_id and env_key:
            env_token = next((t for t in (_clean(env.get(n)) for n in ENV_TOKENS) if t), None)
            creds = Credentials(env_id, env_key, _clean(token) or env_token, "environment")
        else:
            looked.append(f"the environment ({ENV_SECRET_ID}, {ENV_SECRET_KEY})")
            section, where = _from_profile(profile_path(), profile_name)
            section_read = True
            if section is not None:
                file_id = _clean(section.get("secret_id"))
                file_key = _clean(section.get("secret_key"))
                if file_id and file_key:
                    file_token = _clean(section.get("token"))
                    creds = Credentials(
                        file_id, file_key, _clean(token) or file_token, f"profile:{profile_name}"
                    )
                else:
                    where += " (no secret_id and secret_key)"
            looked.append(where)
        if creds is None:
            data, where = _from_tccli(tccli_path(tccli_name, "credential"))
            if data is not None:
                cli_id, cli_key = _clean(data.get("secretId")), _clean(data.get("secretKey"))
                if cli_id and cli_key:
                    creds = Credentials(
                        cli_id, cli_key, _clean(token) or _clean(data.get("token")),
                        f"tccli:{tccli_name}",
                    )  # fmt: skip
                else:
                    where += " (no secretId and secretKey)"
            looked.append(where)
    if creds is None:
        text = "no credentials found; looked in " + ", ".join(looked)
        if wording.arguments is None:
            text += (
                f"; set {ENV_SECRET_ID} and {ENV_SECRET_KEY}, or name another profile with "
                f"{wording.profile} (or {ENV_PROFILE})"
            )
        raise CredentialsError(text)

    found = _clean(region)
    source = wording.region
    if found is None:
        found, source = _clean(env.get(ENV_REGION)), ENV_REGION
    if found is None:
        if not section_read:
            section, _ = _from_profile(profile_path(), profile_name)
        found = _clean((section or {}).get("region"))
        source = f"profile [{profile_name}] in {profile_path()}"
    if found is None:
        found, source = _tccli_region(tccli_name)
    if found is None:
        raise ConfigurationError(
            f"no region: {wording.give_region}, set {ENV_REGION}, or add region to the profile "
            f"[{profile_name}] in {profile_path()} or to tccli's "
            f"{tccli_path(tccli_name, 'configure')} (for example 'ap-guangzhou' or 'gz')"
        )
    return Settings(creds, found, source)
