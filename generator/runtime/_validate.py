"""The rules a request value must follow, checked before anything is sent.

One :class:`Rule` per scalar of the spec (a parameter, an item field, the item of a scalar
array), made from its :class:`~._shapes.Scalar`, with three ways to apply the same rule:

- :meth:`Rule.value`: one value, with the error that names the broken rule;
- :attr:`Rule.quick`: one value of the usual kind (a plain ``int``, a ``str`` that needs no
  percent-encoding) in a step or two, its wire text or None: None says nothing but "look
  closer", and :meth:`Rule.value` then decides;
- :meth:`Rule.column`: a whole column of values at once (the arrays), in a few C-level
  passes, or None, and the values then go through :meth:`Rule.value` one by one.

All three are made here from the same numbers (bounds, length, choices), so an error always
comes from :meth:`Rule.value` and the other two only ever accept less.

What a String may hold: printable text, not empty, no whitespace at either end. Non-ASCII text
(``lb-中文``) is sent as UTF-8 (the server decides); control characters (C0, DEL, C1),
U+2028/U+2029 and lone surrogates (which cannot be encoded) are refused.
"""

from __future__ import annotations

import re

from ._exceptions import ValidationError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from ._shapes import Scalar

__all__ = ["PLAIN", "Rule", "describe", "items_rule", "show"]

_SHOWN = 60  # characters of a bad value quoted in an error

_UNSENDABLE = "\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff"
#: A String the rules accept: no unsendable character, not empty, no whitespace at either end.
_clean = re.compile(rf"(?!\s)[^{_UNSENDABLE}]+(?<!\s)").fullmatch
_unsendable = re.compile(f"[{_UNSENDABLE}]").search
#: A multi-line String (``multiline`` in the spec: a certificate, a probe request): tabs and
#: line breaks anywhere, other unsendable characters nowhere, something but whitespace.
_TEXT_UNSENDABLE = _UNSENDABLE.replace("\x00-\x1f", "\x00-\x08\x0b\x0c\x0e-\x1f")
_clean_text = re.compile(rf"(?=.*\S)[^{_TEXT_UNSENDABLE}]+", re.S).fullmatch
_unsendable_text = re.compile(f"[{_TEXT_UNSENDABLE}]").search
#: The characters that percent-encoding leaves as they are.
PLAIN = "A-Za-z0-9_.~-"
_plain = re.compile(f"[{PLAIN}]*").fullmatch


def show(value: object) -> str:
    """A bad value as an error quotes it: its repr, cut short, and its type."""
    text = repr(value)
    if len(text) > _SHOWN:
        text = text[:_SHOWN] + "…"
    return f"{text} ({type(value).__name__})"


def _bounds(lo: int | None, hi: int | None) -> str:
    if lo is not None and hi is not None:
        return f"between {lo} and {hi}"
    return f">= {lo}" if lo is not None else f"<= {hi}"


class Rule:
    """The rules of one scalar (see the module's doc)."""

    __slots__ = (
        "_choices", "_clean", "_int", "kind", "max_length", "maximum", "minimum", "quick", "rule",
    )  # fmt: skip

    def __init__(self, scalar: Scalar) -> None:
        self.kind = scalar.kind
        self._int = scalar.kind == "Int"
        self.minimum = scalar.minimum
        self.maximum = scalar.maximum
        self.max_length = scalar.max_length
        self._choices = frozenset(scalar.choices)
        self._clean = _clean_text if scalar.multiline else _clean
        #: The rule in words (for ``--help`` and errors): ``between 1 and 65535``, ``tcp | udp``.
        self.rule = describe(scalar)
        #: ``quick(value)``: the wire text of a value of the usual kind, or None.
        self.quick: Callable[[object], str | None] = self._quick()

    def value(self, value: object, path: str) -> str:
        """The wire text of ``value``, or :class:`ValidationError` naming ``path`` and the rule."""
        if self._int:
            if type(value) is not int:
                if isinstance(value, bool) or not isinstance(value, int):
                    raise ValidationError(path, f"must be an int, got {show(value)}")
                value = int(value)  # an int subclass (an IntEnum member): its number
            lo, hi = self.minimum, self.maximum
            if (lo is not None and value < lo) or (hi is not None and value > hi):
                raise ValidationError(path, f"must be {_bounds(lo, hi)}, got {value}")
        else:
            if type(value) is not str:
                if not isinstance(value, str):
                    raise ValidationError(path, f"must be a str, got {show(value)}")
                value = str(value)
            if not self._clean(value):
                raise ValidationError(path, _unclean(value, self._clean is _clean_text))
            if self.max_length is not None and len(value) > self.max_length:
                raise ValidationError(
                    path, f"must be at most {self.max_length} characters, got {len(value)}"
                )
        if self._choices and value not in self._choices:
            raise ValidationError(path, f"must be one of {self.rule}, got {value!r}")
        return str(value)

    def _quick(self) -> Callable[[object], str | None]:
        choices = self._choices
        if choices:
            # A closed set: the allowed values themselves, as they are sent (plain ones only).
            texts = {c: str(c) for c in choices if _plain(str(c))}
            kind = int if self._int else str

            def one_of(value: object) -> str | None:
                return texts.get(value) if type(value) is kind else None

            return one_of
        if self._int:
            lo = -(2**63) if self.minimum is None else self.minimum
            hi = 2**63 - 1 if self.maximum is None else self.maximum

            def within(value: object) -> str | None:
                return str(value) if type(value) is int and lo <= value <= hi else None

            return within
        # Non-empty, within the length, and nothing to encode: every String rule holds.
        length = "+" if self.max_length is None else f"{{1,{self.max_length}}}"
        fits = re.compile(f"[{PLAIN}]{length}").fullmatch

        def plain(value: object) -> str | None:
            return value if type(value) is str and fits(value) else None

        return plain

    def column(self, values: list[object]) -> tuple[list[Any], bool] | None:
        """A non-empty column of values as they are laid out (strs, or plain ints, which
        ``%s`` writes as their digits), and whether none of them needs percent-encoding,
        when the whole column passes the rules as it is; else None, and the values must go
        through :meth:`value` one by one."""
        if self._int:
            if set(map(type, values)) != {int}:
                return None
            ints: list[int] = values  # type: ignore[assignment]
            lo, hi = self.minimum, self.maximum
            if (lo is not None and min(ints) < lo) or (hi is not None and max(ints) > hi):
                return None
            if self._choices and not self._choices.issuperset(ints):
                return None
            return ints, True
        if set(map(type, values)) != {str}:
            return None
        texts: list[str] = values  # type: ignore[assignment]
        if "" in texts:
            return None
        if self.max_length is not None and max(map(len, texts)) > self.max_length:
            return None
        joined = "".join(texts)
        plain = bool(_plain(joined))
        # isprintable() is False for every unsendable character and for all whitespace but
        # " ": a joined column that has neither passes every String rule at once.
        if not plain and (not joined.isprintable() or " " in joined):
            if not all(map(self._clean, texts)):
                return None
        if self._choices and not self._choices.issuperset(texts):
            return None
        return texts, plain


def _unclean(value: str, multiline: bool) -> str:
    if not value.strip():
        return "must not be empty or only whitespace"
    bad = (_unsendable_text if multiline else _unsendable)(value)
    if bad is not None:
        allowed = " (tabs and line breaks are allowed)" if multiline else ""
        return (
            f"must not contain control characters, line separators or lone surrogates{allowed} "
            f"(U+{ord(bad.group()):04X} at index {bad.start()})"
        )
    return f"must not start or end with whitespace, got {show(value)}"


def describe(scalar: Scalar) -> str:
    """A scalar's rule in words: ``between 1 and 65535``, ``at most 64 characters``,
    ``tcp | udp``."""
    if scalar.choices:
        return " | ".join(str(c) for c in scalar.choices)
    if scalar.minimum is not None or scalar.maximum is not None:
        return _bounds(scalar.minimum, scalar.maximum)
    if scalar.max_length is not None:
        return f"at most {scalar.max_length} characters"
    return ""


def items_rule(lo: int | None, hi: int | None) -> str:
    """An array's length rule in words."""
    return "" if lo is None and hi is None else f"{_bounds(lo, hi)} items"
