"""Render the IR into the files of ``generated/``: Jinja2 templates, then one formatter pass."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import jinja2

from . import clinames, docsite, ir, package
from .naming import cli_option, docstring, kebab, md_cell, pyrepr

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
RUNTIME = HERE / "runtime"
PACKAGE = "qcloud_bmlb"
LANGS = ("en", "zh")


class RenderError(Exception):
    """Rendering or formatting failed (a template bug, or the formatter is missing)."""


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters["pyrepr"] = pyrepr
    env.filters["docstring"] = docstring
    env.filters["md"] = md_cell
    env.filters["kebab"] = kebab
    env.filters["cli_option"] = cli_option
    env.filters.update(docsite.filters())
    env.tests.update(docsite.tests())
    env.globals.update(package.GLOBALS)
    env.globals.update(cli_params=clinames.cli_params, cli_example=clinames.cli_example)
    env.filters.update(package.FILTERS)
    return env


def render(spec: ir.Spec, version: str) -> dict[str, bytes]:
    """Every file of ``generated/``, by path relative to it."""
    env = environment()
    ctx: dict[str, Any] = {"spec": spec, "service": spec.service, "version": version}
    try:
        out = package_sources(env, ctx)
        wires = example_wires(spec, out)
        testing = (RUNTIME / "testing").is_dir()
        out.update(docsite.pages(env, spec, ctx, LANGS, testing, wires))
        out["mkdocs.nav.yml"] = docsite.nav(spec, LANGS)
        out.update(docsite.assets())
    except jinja2.TemplateError as exc:
        raise RenderError(f"template error: {exc}") from exc
    except ValueError as exc:  # a text that cannot become a literal (naming.docstring)
        raise RenderError(str(exc)) from exc
    out = format_python(out)
    files = {name: text.encode("utf-8") for name, text in out.items()}
    files[f"{PACKAGE}/py.typed"] = b""
    return dict(sorted(files.items()))


def package_sources(env: jinja2.Environment, ctx: dict[str, Any]) -> dict[str, str]:
    """The package's files, unformatted: its rendered modules and the runtime's."""
    out: dict[str, str] = {}
    for name in ("__init__.py", "client.py", "async_client.py", "models.py", "errors.py",
                 "_operations.py", "cli.py"):  # fmt: skip
        out[f"{PACKAGE}/{name}"] = env.get_template(f"package/{name}.j2").render(ctx)
    for path in sorted(RUNTIME.rglob("*.py")):
        if "__pycache__" not in path.parts:
            rel = path.relative_to(RUNTIME).as_posix()
            out[f"{PACKAGE}/{rel}"] = path.read_text(encoding="utf-8")
    return out


def example_wires(spec: ir.Spec, sources: dict[str, str]) -> dict[str, dict[str, str]]:
    """The docs' signed example request of each action, made by the package in ``sources``."""
    try:
        made = package.run_package(sources, f"{PACKAGE}._examples", docsite.example_settings(spec))
    except (OSError, RuntimeError, subprocess.TimeoutExpired, ValueError) as exc:
        raise RenderError(f"the docs' example requests: {exc}") from None
    return {
        a.name: docsite.wire_request(w, spec.service)
        for a, w in zip(spec.actions, made, strict=True)
    }


def format_python(files: dict[str, str]) -> dict[str, str]:
    """One ``ruff format`` pass over every Python file and the Python blocks of the Markdown
    pages, with fixed settings (not the user's)."""
    python = {name: text for name, text in files.items() if name.endswith((".py", ".md"))}
    with tempfile.TemporaryDirectory(prefix="qcloud-bmlb-format-") as tmp:
        root = Path(tmp)
        for name, text in python.items():
            target = root / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        settings = ["--isolated", "--no-cache", "--line-length", "100", "--target-version", "py310"]
        # Import order and __all__ order first, then the layout.
        _ruff(["check", *settings, "--select", "I,RUF022", "--fix", "--quiet", str(root)])
        _ruff(["format", *settings, "--quiet", str(root)])
        formatted = {name: (root / name).read_text(encoding="utf-8") for name in python}
    return {**files, **formatted}


def _ruff(args: list[str]) -> None:
    try:
        done = subprocess.run(
            [sys.executable, "-m", "ruff", *args], capture_output=True, text=True, timeout=120
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise RenderError(f"the formatter could not run: {exc}") from None
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip()
        if "No module named ruff" in detail:
            detail = "ruff is not installed (pip install -e '.[dev]')"
        raise RenderError(f"ruff {args[0]} failed on the rendered code: {detail}")
