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
    set(keyword.kwlist) | set(keyword.softkwlist) | set(dir(builtins)) | {"self", "cls", "raw"}
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
    """A safe snake_case Python identifier: ``class`` -> ``class_``, ``2fa`` -> ``_2fa``."""
    result = snake(name) or "_"
    if result[0].isdigit():
        result = "_" + result
    if result in _RESERVED:
        result += "_"
    return result


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


def constant(name: str) -> str:
    """``ModifyBmL4ListenerBackendPort`` -> ``MODIFY_BM_L4_LISTENER_BACKEND_PORT``."""
    return identifier(name).upper().strip("_") or "_"


def pyrepr(value: object) -> str:
    """A Python literal for a spec value (strings, numbers, bools, None, lists of them)."""
    text = repr(value)
    assert ast.literal_eval(text) == value
    return text


def docstring(text: str, indent: int = 0, lead: bool = False) -> str:
    """A triple-quoted literal whose value is ``text``, laid out over lines at ``indent``.

    Backslashes and quotes are escaped so that no text can end the literal early or change
    what it means; the result is checked by parsing it back. ``lead`` indents the first line
    too (for a literal rendered from a block that starts at column 0).
    """
    pad = " " * indent
    text = text.strip()
    body = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    if body.endswith('"'):
        body = body[:-1] + '\\"'
    lines = body.split("\n")
    if len(lines) == 1:
        literal = f'"""{lines[0]}"""'
    else:
        joined = "\n".join((pad + line) if line.strip() else "" for line in lines[1:])
        literal = f'"""{lines[0]}\n{joined}\n{pad}"""'
    value = ast.literal_eval(literal)
    assert value.replace("\n" + pad, "\n").strip() == text, (value, text)
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
