"""The parts of the docs site beyond the reference pages: the signed wire request of each
action, the getting-started and Python API pages, and the navigation MkDocs reads.

Everything here is computed at generation time from the IR with fixed inputs, so the output is
deterministic.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2

from . import ir

#: Placeholder credentials and request values of the docs' wire requests. Not a real key.
EXAMPLE_SECRET_ID = "AKIDEXAMPLEsecretIdEXAMPLEsecretId01"
EXAMPLE_SECRET_KEY = "EXAMPLEsecretKeyEXAMPLEsecretKey"
EXAMPLE_NONCE = 61431
EXAMPLE_TIMESTAMP = 1507728683
EXAMPLE_SIGN_METHOD = "HmacSHA256"
EXAMPLE_HTTP_METHOD = "POST"

#: Extra pages, per language: (file name, template).
PAGES = (
    ("getting-started.md", "docs/getting-started.md.j2"),
    ("python-api.md", "docs/python-api.md.j2"),
)

#: Titles in the navigation, per language.
NAV_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "lang": "English", "start": "Getting started", "reference": "API reference",
        "actions": "Actions", "errors": "Error codes", "python": "Python API",
    },
    "zh": {
        "lang": "中文", "start": "快速开始", "reference": "API 参考",
        "actions": "接口", "errors": "错误码", "python": "Python API",
    },
}  # fmt: skip


def example_region(service: ir.Service) -> str:
    return service.regions[0].code if service.regions else "ap-guangzhou"


def example_settings(spec: ir.Spec) -> dict[str, Any]:
    """What the docs' wire requests are made with: placeholder credentials, a fixed Nonce and
    Timestamp, and each action's example call (arguments by Python name, items as mappings)."""
    return {
        "secret_id": EXAMPLE_SECRET_ID,
        "secret_key": EXAMPLE_SECRET_KEY,
        "region": example_region(spec.service),
        "sign_method": EXAMPLE_SIGN_METHOD,
        "http_method": EXAMPLE_HTTP_METHOD,
        "host": spec.service.host,
        "path": spec.service.path,
        "timestamp": EXAMPLE_TIMESTAMP,
        "nonce": EXAMPLE_NONCE,
        "calls": [{"action": a.name, "args": dict(a.example)} for a in spec.actions],
    }


def wire_request(made: dict[str, str], service: ir.Service) -> dict[str, str]:
    """The page's view of an example request the client made (``_examples`` in the package):
    the request as sent, the string to sign, the signature, and what it was signed with."""
    head = f"{made['method']} {made['target']} HTTP/1.1\nHost: {service.host}\n"
    if made["body"]:
        head += "Content-Type: application/x-www-form-urlencoded\n"
    return {
        "http": f"{head}\n{made['body']}",
        "string_to_sign": made["string_to_sign"],
        "signature": made["signature"],
        "secret_id": EXAMPLE_SECRET_ID,
        "secret_key": EXAMPLE_SECRET_KEY,
        "nonce": str(EXAMPLE_NONCE),
        "timestamp": str(EXAMPLE_TIMESTAMP),
    }


def _yaml_string(text: str) -> str:
    """A YAML scalar for ``text`` (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def nav(spec: ir.Spec, langs: tuple[str, ...]) -> str:
    """``mkdocs.nav.yml``, inherited by the root ``mkdocs.yml``: the site's languages for the
    mkdocs-static-i18n plugin (the first one is the default, built at the site's root; each
    other one under its code) and each language's own navigation, with every action of the
    spec in it."""
    lines = [
        "# Generated from spec/ by `python -m generator`; do not edit.",
        "# The root mkdocs.yml inherits this: the languages of the site and each one's navigation.",
        "plugins:",
        "  i18n:",
        "    languages:",
    ]
    for index, lang in enumerate(langs):
        label = NAV_LABELS[lang]
        lines.append(f"      - locale: {lang}")
        lines.append(f"        name: {_yaml_string(label['lang'])}")
        lines.append(f"        default: {'true' if index == 0 else 'false'}")
        lines.append("        nav:")
        lines.append(f"          - {_yaml_string(label['start'])}: {lang}/getting-started.md")
        lines.append(f"          - {_yaml_string(label['reference'])}: {lang}/index.md")
        lines.append(f"          - {_yaml_string(label['actions'])}:")
        for action in spec.actions:
            lines.append(
                f"              - {_yaml_string(action.name)}: {lang}/actions/{action.name}.md"
            )
        lines.append(f"          - {_yaml_string(label['errors'])}: {lang}/errors.md")
        lines.append(f"          - {_yaml_string(label['python'])}: {lang}/python-api.md")
    return "\n".join(lines) + "\n"


def pages(
    env: jinja2.Environment,
    spec: ir.Spec,
    contexts: dict[str, dict[str, Any]],
    has_testing: bool,
    example_of: Callable[[ir.Action], str],
) -> dict[str, str]:
    """The getting-started and Python API pages of each language (``contexts`` by language)."""
    out: dict[str, str] = {}
    task = next((a for a in spec.actions if a.name == spec.service.task_action), None)
    first = next((a for a in spec.actions if a.starts_task), spec.actions[0])
    for lang, ctx in contexts.items():
        for name, template in PAGES:
            out[f"docs/{lang}/{name}"] = env.get_template(template).render(
                ctx,
                first=first,
                task=task,
                example=example_of(first),
                region=example_region(spec.service),
                has_testing=has_testing,
            )
    return out


#: The site's own static files, copied verbatim into generated/docs/ (mkdocs.yml names them).
ASSETS = ("assets/site.css",)


def assets() -> dict[str, str]:
    """The static files of the site, by path relative to ``generated/``."""
    here = Path(__file__).parent / "templates" / "docs"
    return {f"docs/{name}": (here / name).read_text(encoding="utf-8") for name in ASSETS}
