"""The facts a description cell states in words: ranges, lengths, array limits, allowed values,
defaults, and rules the spec cannot check.

Tencent's pages say the same thing many ways ("1-65535", "可选值1~65535", "Value range: 900 ~
3600", "最大值为 20"; "可选值tcp，udp", "1（开启）、0（关闭）", "1: On; 0: Off"; "默认值0",
"Default is wrr"). Each function takes one cleaned description and returns what it states, or
nothing; none of them guesses: a value list needs two values, a default in words must name one
of the listed values.
"""

from __future__ import annotations

import re

Range = tuple[int | None, int | None]
Scalar = str | int

_DASH = r"\s*(?:-|~|～|到|至)\s*"
_NUM = r"(-?\d+)"
#: ``1-65535``, ``1~65535``, ``900 ~ 3600``; not part of an id (``lb-123``) or a decimal.
_RANGE = re.compile(rf"(?<![A-Za-z0-9_.-]){_NUM}{_DASH}{_NUM}(?![A-Za-z0-9_]|\.\d)")
#: A range of lengths: ``1-60个小写英文字母``, ``1-20 characters``, ``长度为1~80的``.
_LENGTH = (
    re.compile(rf"(\d+){_DASH}(\d+)\s*个(?:[^，,。；;]*?)(?:字符|字母|英文|汉字|数字)"),
    re.compile(rf"(\d+){_DASH}(\d+)\s*(?:printable\s+)?(?:ASCII\s+)?characters", re.I),
    re.compile(rf"长度为\s*(\d+){_DASH}(\d+)"),
)
_UPPER = (
    re.compile(r"最大值(?:为|是)?\s*[:：]?\s*(-?\d+)"),
    re.compile(r"\bmaximum (?:value )?is (-?\d+)", re.I),
)
_LOWER = (
    re.compile(r"最小值(?:为|是)?\s*[:：]?\s*(-?\d+)"),
    re.compile(r"\bminimum (?:value )?is (-?\d+)", re.I),
)
_MAX_ITEMS = (
    re.compile(r"最多(?:允许|可以|可)?(?:绑定|传入|支持|包含|填写|创建|指定)?\s*(\d+)\s*个"),
    re.compile(r"\b(?:up to|at most|a maximum of|maximum of|no more than)\s+(\d+)", re.I),
)
_IDENT = r"[A-Za-z_][A-Za-z0-9_.+-]*"
_SEP = re.compile(r"\s*(?:,|，|、|;|；|/|\bor\b|\band\b|或|和|及)\s*")
#: Where a list of allowed names starts: ``可选值：``, ``取值为``, ``支持:``, ``Value can be``.
_LIST_START = re.compile(
    r"(?:可选值|取值范围|取值为|取值|支持|方式|类别|类型|模式)\s*(?:为|是)?\s*[:：]?\s*"
    r"|(?:values? can be|available values?|valid values?|possible values?)"
    r"\s*(?:are|is)?\s*[:：]?\s*"
    r"|(?<=[A-Za-z])\s*:\s+",
    re.I,
)
_PAREN = re.compile(r"\s*[（(][^（）()]*[)）]")
#: ``N（label）``, ``N: label``, ``N表示label``, ``N代表label``, ``N label`` (Chinese),
#: ``N (label)``.
_LABELLED_INT = re.compile(
    r"(?<![\w.-])(-?\d+)\s*(?:（([^（）]{1,30})）|\(([^()]{1,40})\)"
    r"|\s*[:：=]\s*([^，,；;。、.()（）]{1,40})|\s*(?:表示|代表|为)\s*([^，,；;。、()（）]{1,30})"
    r"|([\u4e00-\u9fff]{1,8}))"
)
#: ``tunnel 表示…``, ``Dead代表…``, ``SVR=…``, ``"Dead" indicates``, ``L4Listener（…）``.
_LABELLED_NAME = (
    re.compile(r"[\"“]?(" + _IDENT + r")[\"”]?\s*(?:表示|代表)"),
    re.compile(r"(?<![A-Za-z0-9_])(" + _IDENT + r")\s*=\s*(?![\d])"),
    re.compile(r"[\"“](" + _IDENT + r")[\"”]\s*(?:indicates|represents|means)", re.I),
    re.compile(r"(?<![A-Za-z0-9_])(" + _IDENT + r")\s*（[^（）]+）"),
)
_QUOTED = re.compile(r"[\"“](" + _IDENT + r")[\"”]")
_DEFAULT = (
    re.compile(r"默认(?:值)?\s*(?:为|是)?\s*[:：]?\s*([A-Za-z0-9_.+-]+|[\u4e00-\u9fff]{1,6})"),
    re.compile(r"\bDefault(?: value)?(?: is|:)\s*\"?([A-Za-z0-9_.+-]+)", re.I),
)
#: Rules between parameters or on the request as a whole, stated in words only.
_PROSE_RULES = (
    re.compile(r"[^，,。；;]*(?:要小于|必须小于|必须与|必须匹配|需与|一致)[^。；;]*"),
    re.compile(
        r"[^.;]*(?:must be (?:smaller|less|greater|larger) than|must be consistent with"
        r"|must match)[^.;]*",
        re.I,
    ),
)


def int_range(text: str) -> Range | None:
    """The inclusive range an Int description states, either end possibly open."""
    for found in _RANGE.finditer(text):
        m = found
        after = text[m.end() : m.end() + 12]
        if re.match(r"\s*(?:个|位|characters|chars|字符)", after):
            continue  # a range of lengths, not of values
        lo, hi = int(m.group(1)), int(m.group(2))
        if lo <= hi:
            return (lo, hi)
    lo_m = next((x for p in _LOWER if (x := p.search(text))), None)
    hi_m = next((x for p in _UPPER if (x := p.search(text))), None)
    if lo_m or hi_m:
        return (int(lo_m.group(1)) if lo_m else None, int(hi_m.group(1)) if hi_m else None)
    return None


def max_length(text: str) -> int | None:
    """The longest a String may be, where the description gives a length range."""
    for pattern in _LENGTH:
        m = pattern.search(text)
        if m and int(m.group(1)) <= int(m.group(2)):
            return int(m.group(2))
    return None


def max_items(text: str) -> int | None:
    """The most items an Array may hold: "最多允许绑定255个", "up to 50"."""
    for pattern in _MAX_ITEMS:
        m = pattern.search(text)
        if m:
            return int(m.group(1))
    return None


def _names_after(text: str) -> list[str]:
    """The identifiers listed at the start of ``text``: ``tcp，udp``, ``http, https``,
    ``text（文本）、hexadecimal（十六进制）``, ``open or internal``."""
    rest = _PAREN.sub("", text)
    values: list[str] = []
    pos = 0
    while True:
        m = re.compile(r"\s*[\"“']?(" + _IDENT + r")[\"”']?").match(rest, pos)
        if m is None:
            break
        values.append(m.group(1).rstrip(".-+"))
        pos = m.end()
        sep = _SEP.match(rest, pos)
        if sep is None or not sep.group(0):
            break
        pos = sep.end()
    return values


def _distinct(values: list[Scalar]) -> list[Scalar]:
    out: list[Scalar] = []
    for v in values:
        if v not in out:
            out.append(v)
    return out


def name_values(text: str) -> list[str]:
    """The names a String description allows, in the page's order (two or more), else []."""
    for m in _LIST_START.finditer(text):
        values = [v for v in _names_after(text[m.end() :]) if not v.isdigit()]
        if len(values) >= 2:
            return [str(v) for v in _distinct(list(values))]
    for pattern in _LABELLED_NAME:
        values = [m.group(1) for m in pattern.finditer(text)]
        values = [v for v in values if not v.isdigit()]
        if len(_distinct(list(values))) >= 2:
            return [str(v) for v in _distinct(list(values))]
    quoted = [m.group(1) for m in _QUOTED.finditer(text)]
    if len(_distinct(list(quoted))) >= 2:
        return [str(v) for v in _distinct(list(quoted))]
    for paren in re.finditer(r"[（(]([^（）()]+)[)）]", text):
        values = _names_after(paren.group(1))
        if (
            len(values) >= 2
            and _names_after(paren.group(1))
            and not any(v.isdigit() for v in values)
        ):
            inner = paren.group(1)
            if len(_SEP.split(inner)) == len(values):  # a plain list, nothing but names
                return [str(v) for v in _distinct(list(values))]
    return []


def labelled_ints(text: str) -> list[tuple[int, str]]:
    """``1（开启）、0（关闭）``, ``0: Creating; 1: Running``, ``1倒序，0顺序``: the values an Int
    description lists with their meaning (two or more), in the page's order, else []."""
    pairs: list[tuple[int, str]] = []
    for m in _LABELLED_INT.finditer(text):
        label = next((g for g in m.groups()[1:] if g), "").strip()
        value = int(m.group(1))
        if not label or re.fullmatch(r"[\d\s~\-]+", label):
            continue
        if any(value == v for v, _ in pairs):
            continue
        pairs.append((value, label))
    return pairs if len(pairs) >= 2 else []


def int_values(text: str) -> list[int]:
    return [v for v, _ in labelled_ints(text)]


def default(text: str, kind: str, values: list[Scalar]) -> Scalar | None:
    """The value the description says the server assumes. A default in words ("默认值为顺序",
    "Default is ascending", "默认关闭") must name one of the labelled values."""
    labels = labelled_ints(text) if kind in ("Int", "UInt") else []
    for pattern in _DEFAULT:
        m = pattern.search(text)
        if m is None:
            continue
        word = m.group(1).rstrip(".-+")
        if kind in ("Int", "UInt"):
            if re.fullmatch(r"-?\d+", word):
                return int(word)
            for value, label in labels:
                if word.lower() in label.lower() or label.lower() in word.lower():
                    return value
            continue
        if values:
            match = [v for v in values if str(v).lower() == word.lower()]
            if match:
                return match[0]
            continue
        if re.fullmatch(_IDENT, word) and not re.search(r"[\u4e00-\u9fff]", word):
            return word
    return None


def prose_rules(text: str) -> list[str]:
    """Clauses that state a rule between values ("响应超时时间要小于检查间隔时间", "the number must
    be consistent with goodsNum"): documented, but not something the spec can check."""
    found: list[str] = []
    for pattern in _PROSE_RULES:
        found += [m.group(0).strip(" ，,。.") for m in pattern.finditer(text) if m.group(0).strip()]
    return found
