"""Read the JSON of a page's example answer, recovering from what the pages get wrong.

The example answers are often not JSON: trailing commas (``"codeDesc": "Success",\n}``),
placeholders written bare (``"appId": XXX``, ``"requestId" : <异步任务ID>``), comments, and
strings broken over lines (a certificate pasted as is). Each repair is reported with its line;
what cannot be repaired is reported as the JSON error and the example is left out.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any


@dataclass
class Repair:
    line: int  # 1-based, in the page
    what: str


class Unreadable(Exception):
    """The example is not JSON even after the repairs; ``line`` is where the reader stopped."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


_BARE = re.compile(r"<[^<>\n]*>|[A-Za-z_][A-Za-z0-9_.-]*")


def _line_of(text: str, index: int, first_line: int) -> int:
    return first_line + text.count("\n", 0, index)


def repair(text: str, first_line: int) -> tuple[str, list[Repair]]:
    """``text`` made JSON where it can be, and what was done (lines counted from
    ``first_line``, the page line of the text's first line)."""
    out: list[str] = []
    repairs: list[Repair] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == '"':  # a string, copied as is (raw line breaks are read leniently below)
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            if j < n and "\n" in text[i:j]:
                repairs.append(Repair(_line_of(text, i, first_line), "a string broken over lines"))
            out.append(text[i : j + 1])
            i = j + 1
            continue
        if text.startswith("//", i) or (ch == "#" and (i == 0 or text[i - 1] in " \t\n")):
            end = text.find("\n", i)
            end = n if end < 0 else end
            repairs.append(Repair(_line_of(text, i, first_line), "a comment"))
            i = end
            continue
        if text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end < 0 else end + 2
            repairs.append(Repair(_line_of(text, i, first_line), "a comment"))
            i = end
            continue
        if ch == ",":
            k = i + 1
            while k < n and text[k] in " \t\r\n":
                k += 1
            if k < n and text[k] in "}]":
                repairs.append(Repair(_line_of(text, i, first_line), "a trailing comma"))
                i += 1
                continue
        m = _BARE.match(text, i) if (ch == "<" or ch.isalpha() or ch == "_") else None
        if m is not None and m.group(0) not in ("true", "false", "null"):
            word = m.group(0)
            repairs.append(
                Repair(_line_of(text, i, first_line), f"a bare placeholder {word} read as a string")
            )
            out.append(json.dumps(word, ensure_ascii=False))
            i = m.end()
            continue
        out.append(ch)
        i += 1
    return "".join(out), repairs


def read(text: str, first_line: int) -> tuple[Any, list[Repair]]:
    """The example's value and the repairs it needed; :class:`Unreadable` when none helps."""
    try:
        return json.loads(text), []
    except json.JSONDecodeError:
        pass
    fixed, repairs = repair(text, first_line)
    try:
        value = json.loads(fixed, strict=False)  # strict=False: raw line breaks in strings
    except json.JSONDecodeError as exc:
        line = first_line + fixed.count("\n", 0, exc.pos)
        raise Unreadable(line, exc.msg) from None
    return value, repairs
