"""Python names and literals made from spec names and texts. Decided here, never in templates."""

from __future__ import annotations

import ast
import builtins
import keyword
import re

_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z0-9]|\d|$)|[A-Z]?[a-z]+|\d+|[A-Z]+")

#: Names a parameter may not take as is: keywords, soft keywords, builtins, and the names the
#: generated methods use themselves.
_RESERVED = (
    set(keyword.kwlist)
    | set(keyword.softkwlist)
    | set(dir(builtins))
    | {"self", "cls", "raw", "wait", "timeout", "retries"}
)


def words(name: str) -> list[str]:
    """``loadBalancerId`` -> ``load Balancer Id``; ``BmL4Listener`` -> ``Bm L4 Listener``."""
    parts: list[str] = []
    for chunk in re.split(r"[^0-9A-Za-z]+", name):
        found = _WORD.findall(chunk)
        # Keep a digit with the letters before it: L4 stays one word.
        merged: list[str] = []
        for part in found:
            if part.isdigit() and merged and not merged[-1].isdigit():
                merged[-1] += part
            else:
                merged.append(part)
        parts.extend(merged)
    return parts


def snake(name: str) -> str:
    """``ModifyBmL4ListenerBackendPort`` -> ``modify_bm_l4_listener_backend_port``."""
    return "_".join(w.lower() for w in words(name))


def identifier(name: str) -> str:
    """A safe snake_case Python identifier: ``class`` -> ``class_``, ``2fa`` -> ``_2_fa``."""
    result = snake(name) or "_"
    if result[0].isdigit():
        result = "_" + result
    if result in _RESERVED:
        result += "_"
    return result


def kebab(name: str) -> str:
    """``UnbindBmL4ListenerRs`` -> ``unbind-bm-l4-listener-rs``: a command-line name."""
    return "-".join(w.lower() for w in words(name)) or "_"


#: Options of the command-line tool itself (``_cli``: its global options and those every
#: command, a task's or a paging one has); a parameter never takes one of them.
CLI_RESERVED = frozenset(
    {
        "help", "version", "region", "endpoint", "profile", "output", "debug", "timeout",
        "ca-bundle", "cli-input-json", "generate-cli-skeleton", "wait", "wait-timeout", "all",
    }
)  # fmt: skip


def cli_option(name: str) -> str:
    """The command-line option of a parameter (without ``--``): ``newPort`` -> ``new-port``;
    one that would clash with an option of the tool itself gets ``-param``: ``region-param``."""
    result = kebab(name)
    return result + "-param" if result in CLI_RESERVED else result


def pascal(name: str) -> str:
    """``backend`` -> ``Backend``; ``InvalidParameter.CCDBLBNotExist`` ->
    ``InvalidParameterCCDBLBNotExist`` (segments keep their own capitals)."""
    parts = [p for p in re.split(r"[^0-9A-Za-z]+", name) if p]
    result = "".join(p[:1].upper() + p[1:] for p in parts) or "_"
    if result[0].isdigit():
        result = "_" + result
    if keyword.iskeyword(result) or result in dir(builtins):
        result += "_"
    return result


def result_class(action: str) -> str:
    """``UnbindBmL4ListenerRs`` -> ``UnbindBmL4ListenerRsResult``; an action whose name ends
    in Result already names its result: ``DescribeBmLoadBalancersTaskResult``."""
    name = pascal(action)
    return name if name.endswith("Result") else name + "Result"


def model_class(action: str, name: str) -> str:
    """The default class of an action's item or response object: ``UnbindBmL4ListenerRs`` and
    ``backend`` -> ``UnbindBmL4ListenerRsBackend``."""
    return pascal(action) + pascal(name)


def iterator(method: str) -> str:
    """The clients' pagination method of an action method: ``iter_describe_bm_listeners``."""
    return f"iter_{method}"


def literal_type(values: tuple[str | int, ...]) -> str:
    """The Python type of a parameter with allowed values: ``Literal['tcp', 'udp']``."""
    return "Literal[" + ", ".join(pyrepr(v) for v in values) + "]"


def constant(name: str) -> str:
    """``ModifyBmL4ListenerBackendPort`` -> ``MODIFY_BM_L4_LISTENER_BACKEND_PORT``."""
    return identifier(name).upper().rstrip("_") or "_"


def pyrepr(value: object) -> str:
    """A Python literal for a spec value (strings, numbers, bools, None, lists of them)."""
    text = repr(value)
    assert ast.literal_eval(text) == value
    return text


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def docstring(text: str, indent: int = 0, lead: bool = False) -> str:
    """A triple-quoted literal whose value is ``text``, laid out over lines at ``indent``.

    Line ends are normalised to ``\\n`` and trailing spaces dropped (docstrings are prose);
    backslashes, quotes that could end the literal, and control characters are escaped, so no
    text can change the code. The result is checked by parsing it back; ``ValueError`` if that
    fails. ``lead`` indents the first line too (for a block rendered from column 0).
    """
    pad = " " * indent
    lines = text.replace("\r\n", "\n").replace("\r", "\n").strip().split("\n")
    text = "\n".join(line.rstrip() for line in lines)
    body = text.replace("\\", "\\\\")
    body = re.sub(r'"(?=""|$)', r'\\"', body)
    body = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", body)
    first, *rest = body.split("\n")
    if not rest:
        literal = f'"""{first}"""'
    else:
        joined = "\n".join((pad + line) if line else "" for line in rest)
        literal = f'"""{first}\n{joined}\n{pad}"""'
    try:
        value = ast.literal_eval(literal)
    except (SyntaxError, ValueError) as exc:
        raise ValueError(f"cannot make a docstring of {text[:60]!r}: {exc}") from None
    if not isinstance(value, str) or value.replace("\n" + pad, "\n").rstrip() != text:
        raise ValueError(f"cannot make a docstring of {text[:60]!r}: it does not read back")
    return pad + literal if lead else literal


def md_cell(text: str) -> str:
    """Text that stays inside one Markdown table cell."""
    return (
        text.replace("\\", "\\\\")
        .replace("|", "\\|")
        .replace("\r", " ")
        .replace("\n", "<br>")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("&lt;br&gt;", "<br>")
    )
