"""Where a client's credentials and region come from: arguments, environment, profile file."""

from __future__ import annotations

import configparser
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ._exceptions import ConfigurationError, CredentialsError

__all__ = ["Credentials", "Settings", "profile_path", "resolve"]

ENV_SECRET_ID = "TENCENTCLOUD_SECRET_ID"
ENV_SECRET_KEY = "TENCENTCLOUD_SECRET_KEY"
ENV_TOKENS = ("TENCENTCLOUD_TOKEN", "TENCENTCLOUD_SESSION_TOKEN")
ENV_REGION = "TENCENTCLOUD_REGION"
ENV_PROFILE = "TENCENTCLOUD_PROFILE"


def profile_path() -> Path:
    """``~/.tencentcloud/credentials`` (``HOME`` is honoured)."""
    return Path.home() / ".tencentcloud" / "credentials"


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
    """Resolved credentials and region."""

    credentials: Credentials
    region: str


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None


def _from_profile(path: Path, profile: str) -> tuple[Mapping[str, str] | None, str]:
    where = f"profile [{profile}] in {path}"
    if not path.is_file():
        return None, where
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(path, encoding="utf-8")
    except (configparser.Error, UnicodeDecodeError, OSError) as exc:
        raise ConfigurationError(f"cannot read {path}: {type(exc).__name__}") from None
    if not parser.has_section(profile):
        return None, where
    return dict(parser.items(profile)), where


def resolve(
    *,
    secret_id: str | None,
    secret_key: str | None,
    token: str | None,
    region: str | None,
    profile: str | None,
    environ: Mapping[str, str] | None = None,
) -> Settings:
    """Credentials from the arguments, else the environment, else the profile file.

    The region follows the same order, independently of where the keys came from.
    """
    env = os.environ if environ is None else environ
    given = {"secret_id": secret_id, "secret_key": secret_key, "token": token}
    for name, value in {**given, "region": region, "profile": profile}.items():
        if value is not None and not isinstance(value, str):
            error = CredentialsError if name in given else ConfigurationError
            raise error(f"{name}: must be a str, got {type(value).__name__}")
    looked: list[str] = []
    creds: Credentials | None = None
    profile_name = profile or _clean(env.get(ENV_PROFILE)) or "default"
    section: Mapping[str, str] | None = None

    if secret_id is not None or secret_key is not None:
        if not (_clean(secret_id) and _clean(secret_key)):
            missing = "secret_key" if _clean(secret_id) else "secret_id"
            raise CredentialsError(
                f"{missing} is missing or empty: pass both secret_id and secret_key, or neither"
            )
        creds = Credentials(str(secret_id).strip(), str(secret_key).strip(), _clean(token))
    else:
        looked.append("the secret_id/secret_key arguments")
        env_id, env_key = _clean(env.get(ENV_SECRET_ID)), _clean(env.get(ENV_SECRET_KEY))
        if env_id and env_key:
            env_token = next((t for t in (_clean(env.get(n)) for n in ENV_TOKENS) if t), None)
            creds = Credentials(env_id, env_key, _clean(token) or env_token, "environment")
        else:
            looked.append(f"the environment ({ENV_SECRET_ID}, {ENV_SECRET_KEY})")
            section, where = _from_profile(profile_path(), profile_name)
            looked.append(where)
            if section is not None:
                file_id = _clean(section.get("secret_id"))
                file_key = _clean(section.get("secret_key"))
                if file_id and file_key:
                    file_token = _clean(section.get("token"))
                    creds = Credentials(
                        file_id, file_key, _clean(token) or file_token, f"profile:{profile_name}"
                    )
    if creds is None:
        raise CredentialsError("no credentials found; looked in " + ", ".join(looked))

    chosen = _clean(region) or _clean(env.get(ENV_REGION))
    if chosen is None:
        if section is None:
            section, _ = _from_profile(profile_path(), profile_name)
        chosen = _clean((section or {}).get("region"))
    if chosen is None:
        raise ConfigurationError(
            f"no region: pass region=..., set {ENV_REGION}, or add region to the profile "
            f"[{profile_name}] (for example 'ap-guangzhou' or 'gz')"
        )
    return Settings(creds, chosen)
