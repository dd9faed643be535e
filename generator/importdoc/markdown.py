"""The layout of a Markdown page: its text cleaned, its tables (pipe or HTML), the prose line that
introduces each table, and its code blocks (fenced or ``<pre>``) with the label before them.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
TAG = re.compile(r"<[^<>]*>")
SEPARATOR = re.compile(r"\s*\|?(\s*:?-{2,}:?\s*\|)+\s*(:?-*:?)?\s*\|?\s*$")


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def clean(text: str) -> str:
    """A cell or a line as plain text: links become their text, tags go, entities and spaces
    are undone."""
    text = LINK.sub(r"\1", text.replace("\\|", "|"))
    text = re.sub(r"(?i)<br\s*/?>", " ", text)
    text = TAG.sub(" ", text)
    text = html.unescape(text).replace("\\_", "_").replace("\\*", "*").replace("\\~", "~")
    return squash(text.replace("**", ""))


def cleans_only_markup(text: str) -> bool:
    """Whether :func:`clean` of ``text`` drops nothing but HTML tags: ``<七层监听器ID>`` is a
    placeholder of the page, not a tag."""
    return all(
        re.fullmatch(r"</?[A-Za-z][A-Za-z0-9]*(\s[^<>]*)?/?>", tag) for tag in TAG.findall(text)
    )


def has_cjk(text: str) -> bool:
    return re.search(r"[\u4e00-\u9fff]", text) is not None


@dataclass
class Table:
    line: int  # 1-based line of the header row
    header: list[str]
    rows: list[tuple[int, list[str]]]  # (line, raw cells)
    intro: tuple[int, str] | None = None  # the prose line before it, cleaned
    empty_before: list[tuple[int, list[str]]] = field(default_factory=list)
    #: headers of tables that had no rows because the next header ran into them
    short_rows: list[tuple[int, int]] = field(default_factory=list)  # (line, cells) not read
    html: bool = False


@dataclass
class Block:
    start: int  # 1-based line of the first content line
    lines: list[str]
    label: str  # the heading or label line before it ("输入", "Output", "### 响应示例"), cleaned
    section: str  # the nearest level-1/2 heading above it, cleaned

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def cells(line: str) -> list[str]:
    body = line.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") and not body.endswith("\\|") else body
    return [c.strip() for c in re.split(r"(?<!\\)\|", body)]


def _intro(lines: list[str], index: int) -> tuple[int, str] | None:
    """The prose line just above line ``index`` (0-based), if any: blank lines are skipped;
    a heading, a table row or a fence ends the search."""
    i = index - 1
    while i >= 0 and not lines[i].strip():
        i -= 1
    if i < 0:
        return None
    text = lines[i].strip()
    if text.startswith(("#", "|", "```", "<table", "</table", "</tbody")):
        return None
    return (i + 1, clean(text))


def _code_spans(lines: list[str]) -> set[int]:
    """0-based indexes of lines inside fenced code blocks or ``<pre>`` (tables there are not
    tables)."""
    inside: set[int] = set()
    fence = False
    pre = False
    for i, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith("```"):
            fence = not fence
            inside.add(i)
            continue
        if re.search(r"(?i)<pre>", stripped):
            pre = True
        if fence or pre:
            inside.add(i)
        if re.search(r"(?i)</pre>", stripped):
            pre = False
    return inside


def pipe_tables(lines: list[str]) -> list[Table]:
    skip = _code_spans(lines)
    tables: list[Table] = []
    i = 0
    while i < len(lines):
        if i in skip or not lines[i].lstrip().startswith("|"):
            i += 1
            continue
        start = i
        block: list[tuple[int, str]] = []
        while i < len(lines) and lines[i].lstrip().startswith("|") and i not in skip:
            block.append((i + 1, lines[i]))
            i += 1
        tables.extend(_split_block(block, _intro(lines, start)))
    return tables


def _split_block(block: list[tuple[int, str]], intro: tuple[int, str] | None) -> list[Table]:
    """One run of ``|`` lines as tables. A header row straight above another header row (a
    table whose rows were lost, the next table's header run into it) is kept as an empty table."""
    out: list[Table] = []
    k = 0
    while k < len(block):
        line, text = block[k]
        sep_at = next(
            (j for j in range(k + 1, min(k + 3, len(block))) if SEPARATOR.match(block[j][1])), None
        )
        if sep_at is None:
            out.append(Table(line, cells(text), [], intro))
            k += 1
            intro = None
            continue
        for j in range(k, sep_at - 1):  # headers without rows before the real one
            out.append(Table(block[j][0], cells(block[j][1]), [], intro))
            intro = None
        header_line, header_text = block[sep_at - 1]
        rows: list[tuple[int, list[str]]] = []
        j = sep_at + 1
        while j < len(block) and not (j + 1 < len(block) and SEPARATOR.match(block[j + 1][1])):
            rows.append((block[j][0], cells(block[j][1])))
            j += 1
        out.append(Table(header_line, cells(header_text), rows, intro))
        intro = None
        k = j
    return out


_HTML_CELL = re.compile(r"(?is)<t[hd][^>]*>")


def html_tables(lines: list[str]) -> list[Table]:
    """``<table>`` tables with rows ``<tr>`` and cells ``<th>``/``<td>`` (closing tags optional,
    as the pages write them)."""
    tables: list[Table] = []
    i = 0
    while i < len(lines):
        if "<table" not in lines[i].lower():
            i += 1
            continue
        start = i
        end = i
        while end < len(lines) and "</table>" not in lines[end].lower():
            end += 1
        rows: list[tuple[int, list[str]]] = []
        current: list[tuple[int, str]] | None = None
        for k in range(start, min(end + 1, len(lines))):
            parts = re.split(r"(?i)(<tr[^>]*>|<t[hd][^>]*>|</tbody>|</table>)", lines[k])
            for part in parts:
                low = part.lower()
                if low.startswith("<tr"):
                    if current:
                        rows.append((current[0][0], [c for _, c in current]))
                    current = []
                elif low.startswith(("<th", "<td")):
                    if current is None:
                        current = []
                    current.append((k + 1, ""))
                elif low.startswith(("</tbody", "</table")):
                    if current:
                        rows.append((current[0][0], [c for _, c in current]))
                    current = None
                elif current:
                    line_no, text = current[-1]
                    current[-1] = (line_no, (text + " " + part).strip())
        if current:
            rows.append((current[0][0], [c for _, c in current]))
        rows = [(n, [c.strip() for c in r]) for n, r in rows if any(c.strip() for c in r)]
        if rows:
            header_line, header = rows[0]
            tables.append(Table(header_line, header, rows[1:], _intro(lines, start), html=True))
        i = end + 1
    return tables


def blocks(lines: list[str]) -> list[Block]:
    """Fenced code blocks and ``<pre>`` blocks, each with the label line above it."""
    found: list[Block] = []
    section = ""
    i = 0
    while i < len(lines):
        stripped = lines[i].strip()
        if re.match(r"#{1,2}\s", stripped):
            section = clean(stripped.lstrip("#"))
        fenced = stripped.startswith("```")
        pre = re.match(r"(?i)<pre>", stripped) is not None
        if not (fenced or pre):
            i += 1
            continue
        label_at = _intro(lines, i)
        heading = ""
        k = i - 1
        while k >= 0 and not lines[k].strip():
            k -= 1
        if k >= 0 and lines[k].strip().startswith("#"):
            heading = clean(lines[k].strip().lstrip("#"))
        label = label_at[1] if label_at else heading
        body: list[str] = []
        if pre:
            first = re.sub(r"(?i)^\s*<pre>", "", lines[i])
            start = i + 1
            if re.search(r"(?i)</pre>", first):
                body.append(re.sub(r"(?i)</pre>.*", "", first))
                found.append(Block(start, body, label, section))
                i += 1
                continue
            if first.strip():
                body.append(first)
            else:
                start = i + 2
            j = i + 1
            while j < len(lines) and not re.search(r"(?i)</pre>", lines[j]):
                body.append(lines[j])
                j += 1
            if j < len(lines):
                tail = re.sub(r"(?i)</pre>.*", "", lines[j])
                if tail.strip():
                    body.append(tail)
            found.append(Block(start, body, label, section))
            i = j + 1
            continue
        j = i + 1
        while j < len(lines) and not lines[j].strip().startswith("```"):
            body.append(lines[j])
            j += 1
        found.append(Block(i + 2, body, label, section))
        i = j + 1
    return found
