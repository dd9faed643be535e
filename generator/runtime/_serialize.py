"""Turning a call's arguments into the action's wire parameters, and back.

The :class:`Plan` of an action is made from its :class:`~._shapes.Operation` the first time
the action is used (:func:`plan`). :meth:`Plan.encode` checks every argument with the spec's
rules (``_validate``) and lays the parameters out as they are signed and as they are sent:
``&name=value`` pieces sorted by name, the order the signature needs, so that signing is a
few joins. :meth:`Plan.decode` reads wire parameters back into arguments, with the same rules
(the fake server uses it).

Layout facts (``../shared/reference/legacy-api.md``): names sort in code-point order, so an
array's keys form one block (``backends.1.*``, ``backends.10.*``, ``backends.2.*``: items in
the order of their index as text, and within an item its fields by name); action parameters
start lower-case and sort after every common parameter (``Action`` … ``Token``); in the string
to sign an ``_`` in a name becomes ``.``; values are signed raw and sent percent-encoded once.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from operator import attrgetter, itemgetter
from urllib.parse import quote as _urlquote

from ._exceptions import ValidationError
from ._shapes import Array, Scalar, Struct
from ._validate import PLAIN, Rule, items_rule, show

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from ._shapes import Operation

__all__ = ["LAST_COMMON", "MalformedParameter", "Plan", "plan", "quote"]

#: The common parameter that sorts last (of Action, Nonce, Region, SecretId, Signature,
#: SignatureMethod, Timestamp and Token): every action parameter must sort after it.
LAST_COMMON = "Token"

#: Text that percent-encoding leaves as it is.
_plain = re.compile(f"[{PLAIN}]*").fullmatch
#: ``quote(c, safe="")`` of every ASCII character, as a ``str.translate`` table.
_ASCII_ESCAPES = {c: f"%{c:02X}" for c in range(128) if not _plain(chr(c))}


def quote(text: str) -> str:
    """Percent-encode a name or a value for the form body or query (space as ``%20``)."""
    if _plain(text):
        return text
    if text.isascii():
        return text.translate(_ASCII_ESCAPES)
    return _urlquote(text, safe="")


def _unknown_field(name: str, names: list[str]) -> str:
    """An unknown item field's error: the fields there are (the closest first, at most ten)."""
    from difflib import get_close_matches

    close = get_close_matches(name, names, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    shown = ", ".join(names[:10]) + (f", … ({len(names)} in all)" if len(names) > 10 else "")
    return f"unknown field {name[:40]!r}{hint}; the fields are {shown}"


class MalformedParameter(ValidationError):
    """A wire parameter that is missing or cannot be read at all (not an integer, an unknown
    item field): the service answers InvalidParameter (4000) for these."""


def plan(op: Operation) -> Plan:
    """The request plan of an action, made on its first use."""
    made = op._plan
    if made is None:
        made = op._plan = Plan(op)
    return made  # type: ignore[no-any-return]


class Plan:
    """How one action's arguments are checked and laid out (see the module's doc)."""

    __slots__ = ("_parts", "action")

    def __init__(self, op: Operation) -> None:
        self.action = op.action
        parts: list[_Part] = []
        for param in op.params:
            if param.wire <= LAST_COMMON:
                raise ValueError(f"{op.action}: {param.wire} sorts among the common parameters")
            if isinstance(param, Scalar):
                parts.append(_ScalarPart(param))
            elif isinstance(param.item, Struct):
                parts.append(_StructArrayPart(param, param.item))
            else:
                parts.append(_ScalarArrayPart(param, param.item))
        # An array's keys sort by "wire." (its block), a scalar's by its name.
        parts.sort(key=lambda p: p.sort_key)
        self._parts = tuple(parts)

    def encode(self, args: Mapping[str, object]) -> tuple[str, str]:
        """The action's parameters as signed and as sent: two ``&name=value...`` strings in
        signing order (the same string when nothing needs encoding). Raises
        :class:`ValidationError` (naming the Python path and the rule) for a bad argument."""
        signed: list[str] = []
        sent: list[str] = []
        try:
            for part in self._parts:
                value = args.get(part.name)
                if value is None:
                    if part.required:
                        raise ValidationError(part.name, "is required")
                    continue
                sign, wire = part.encode(value)
                signed.append(sign)
                sent.append(wire)
        except ValidationError as exc:
            raise type(exc)(exc.parameter, exc.rule, action=self.action) from None
        text = "".join(signed)
        return text, (text if signed == sent else "".join(sent))

    def decode(self, params: Mapping[str, str]) -> dict[str, Any]:
        """Wire parameters back to arguments (Python names and values), checked by the same
        rules. Errors name the wire parameter (``backends.0.port``); a missing or unreadable
        one is a :class:`MalformedParameter`. Array items may use any indexes: they are taken
        in the order of their index."""
        args: dict[str, Any] = {}
        try:
            for part in self._parts:
                value = part.decode(params)
                if value is None:
                    if part.required:
                        raise MalformedParameter(part.wire, "is required")
                    continue
                args[part.name] = value
        except ValidationError as exc:
            raise type(exc)(exc.parameter, exc.rule, action=self.action) from None
        return args


class _Part:
    """One parameter's piece of the request."""

    __slots__ = ("name", "required", "sort_key", "wire")

    def __init__(self, name: str, wire: str, required: bool, sort_key: str) -> None:
        self.name = name
        self.wire = wire
        self.required = required
        self.sort_key = sort_key

    def encode(self, value: object) -> tuple[str, str]:
        raise NotImplementedError

    def decode(self, params: Mapping[str, str]) -> object:
        raise NotImplementedError


def _signed_name(wire: str) -> str:
    return wire.replace("_", ".")


_INTEGER = re.compile(r"[+-]?[0-9]{1,20}").fullmatch


def _read(rule: Rule, raw: str, path: str) -> object:
    """A wire value as the Python value the rule checks (an int for an Int)."""
    if rule.kind != "Int":
        return raw
    if not _INTEGER(raw):
        raise MalformedParameter(path, f"must be an integer, got {raw[:40]!r}")
    return int(raw)


class _ScalarPart(_Part):
    __slots__ = ("_quick", "_rule", "_same", "_sign_prefix", "_wire_prefix")

    def __init__(self, scalar: Scalar) -> None:
        self._rule = Rule(scalar)
        super().__init__(scalar.name, scalar.wire, scalar.required, scalar.wire)
        self._sign_prefix = f"&{_signed_name(scalar.wire)}="
        self._wire_prefix = f"&{quote(scalar.wire)}="
        self._same = self._sign_prefix == self._wire_prefix
        self._quick = self._rule.quick

    def encode(self, value: object) -> tuple[str, str]:
        text = self._quick(value)
        if text is not None and self._same:
            sign = self._sign_prefix + text
            return sign, sign
        if text is None:
            text = self._rule.value(value, self.name)
        return self._sign_prefix + text, self._wire_prefix + quote(text)

    def decode(self, params: Mapping[str, str]) -> object:
        raw = params.get(self.wire)
        if raw is None:
            return None
        value = _read(self._rule, raw, self.wire)
        self._rule.value(value, self.wire)
        return value


class _ArrayPart(_Part):
    """What scalar and object arrays share: the length rule, the block's key layout per
    item count, and the filling of a layout with checked values."""

    __slots__ = (
        "_count", "_keys", "_layouts", "_max", "_min", "_prefix", "_sign_differs", "_unique",
    )  # fmt: skip

    def __init__(self, array: Array, fields: tuple[str, ...]) -> None:
        self._count = items_rule(array.min_items, array.max_items)
        super().__init__(array.name, array.wire, array.required, array.wire + ".")
        self._min = array.min_items
        self._max = array.max_items
        self._unique = array.unique
        # The item's fields by wire name, sorted: the order within an item ("" for a scalar).
        self._keys = fields
        self._sign_differs = "_" in array.wire or any("_" in f for f in fields)
        self._prefix = re.compile(re.escape(array.wire) + r"\.([0-9]{1,9})(?:\.(.+))?")
        # By item count (as signed), or -count - 1 (as sent).
        self._layouts: dict[int, tuple[str, Callable[..., tuple[Any, ...]]]] = {}

    def items(self, value: object) -> Sequence[object]:
        if (
            type(value) is not list
            and type(value) is not tuple
            and (isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Sequence))
        ):
            raise ValidationError(self.name, f"must be a list, got {show(value)}")
        count = len(value)
        lo, hi = self._min, self._max
        if (lo is not None and count < lo) or (hi is not None and count > hi):
            raise ValidationError(self.name, f"must hold {self._count}, got {count}")
        return value

    def _layout(self, count: int, signed: bool) -> tuple[str, Callable[..., tuple[Any, ...]]]:
        """For ``count`` items whose every field is set: the ``%``-template of the block in
        signing order, and what picks its values in that order from the columns laid end
        to end (field ``f`` of item ``i`` at ``f * count + i``)."""
        key = count if signed else -count - 1
        layout = self._layouts.get(key)
        if layout is None:
            wire = _signed_name(self.wire) if signed else quote(self.wire)
            names = [
                ("." + (_signed_name(f) if signed else quote(f))) if f else "" for f in self._keys
            ]
            order = [(i, f) for i in sorted(range(count), key=str) for f in range(len(names))]
            template = "".join(f"&{wire}.{i}{names[f]}=%s" for i, f in order)
            at = [f * count + i for i, f in order]
            pick = itemgetter(*at) if len(at) > 1 else (lambda values: (values[at[0]],))
            layout = (template, pick)
            if len(self._layouts) < 512:
                self._layouts[key] = layout
        return layout

    def fill(self, count: int, columns: list[list[Any]], plain: bool) -> tuple[str, str]:
        """Both strings of the block, from checked columns (one per field, sorted by name);
        ``plain``: no value needs percent-encoding."""
        values = columns[0]
        for column in columns[1:]:
            values = values + column  # a few columns: concatenation beats chain()
        template, pick = self._layout(count, True)
        sign = template % pick(values)
        if plain and not self._sign_differs:
            return sign, sign
        template, pick = self._layout(count, False)
        return sign, template % pick([quote(str(v)) for v in values])

    def gather(self, params: Mapping[str, str]) -> dict[int, dict[str, str]] | None:
        """The block's wire values by item index, then by field wire name ("" for a scalar)."""
        found: dict[int, dict[str, str]] = {}
        start = self.sort_key
        for key, raw in params.items():
            if key.startswith(start):
                match = self._prefix.fullmatch(key)
                if match is None:
                    raise MalformedParameter(key, f"is not a {self.wire}.N parameter")
                found.setdefault(int(match.group(1)), {})[match.group(2) or ""] = raw
        if not found:
            return None
        count = len(found)
        lo, hi = self._min, self._max
        if (lo is not None and count < lo) or (hi is not None and count > hi):
            raise ValidationError(self.wire, f"must hold {self._count}, got {count}")
        return found


class _ScalarArrayPart(_ArrayPart):
    """``wire.0=value``, ``wire.1=value``, ..."""

    __slots__ = ("_rule",)

    def __init__(self, array: Array, item: Scalar) -> None:
        super().__init__(array, ("",))
        self._rule = Rule(item)

    def encode(self, value: object) -> tuple[str, str]:
        items = self.items(value)
        if not items:
            return "", ""
        checked = self._rule.column(list(items))
        if checked is None:
            texts = [self._rule.value(v, f"{self.name}[{i}]") for i, v in enumerate(items)]
            plain = bool(_plain("".join(texts)))
        else:
            texts, plain = checked
        if self._unique and len(set(texts)) != len(texts):
            first: dict[object, int] = {}
            for i, text in enumerate(texts):
                if text in first:
                    raise ValidationError(
                        f"{self.name}[{i}]",
                        f"repeats {self.name}[{first[text]}] ({items[i]!r}); each may appear once",
                    )
                first[text] = i
        return self.fill(len(texts), [texts], plain)

    def decode(self, params: Mapping[str, str]) -> object:
        found = self.gather(params)
        if found is None:
            return None
        values = []
        first: dict[object, int] = {}
        for index in sorted(found):
            fields = found[index]
            path = f"{self.wire}.{index}"
            if "" not in fields:
                raise MalformedParameter(f"{path}.{next(iter(fields))}", "is not a parameter")
            value = _read(self._rule, fields[""], path)
            self._rule.value(value, path)
            if self._unique and value in first:
                raise ValidationError(
                    path, f"repeats {self.wire}.{first[value]}; each may appear once"
                )
            first[value] = index
            values.append(value)
        return values


class _StructArrayPart(_ArrayPart):
    """``wire.0.field=value``, ... for items of a ``models`` class (or mappings)."""

    __slots__ = ("_columns", "_fields", "_model", "_model_name", "_unique_at")

    def __init__(self, array: Array, item: Struct) -> None:
        fields = sorted(item.fields, key=attrgetter("wire"))
        if not all(isinstance(f, Scalar) for f in fields):
            raise ValueError(f"{array.wire}: request items hold scalars only")
        super().__init__(array, tuple(f.wire for f in fields))
        self._fields = tuple((f.name, f.wire, f.required, Rule(f)) for f in fields)  # type: ignore[arg-type]
        #: Per field: what takes its column from the items, and what checks the column.
        self._columns = tuple((attrgetter(name), rule.column) for name, _, _, rule in self._fields)
        self._model_name = item.model
        self._model: type | None = None
        unique = array.unique if isinstance(array.unique, tuple) else ()
        self._unique_at = tuple(i for i, f in enumerate(fields) if f.name in unique)

    def model(self) -> type:
        if self._model is None:
            from . import models

            self._model = getattr(models, self._model_name)
        return self._model

    def encode(self, value: object) -> tuple[str, str]:
        items = self.items(value)
        if not items:
            return "", ""
        columns: list[list[Any]] | None = None
        plain = True
        model = self._model or self.model()
        if set(map(type, items)) == {model}:
            # The common case: every field of every item checked a column at a time.
            columns = []
            for getter, column in self._columns:
                checked = column(list(map(getter, items)))
                if checked is None:
                    columns = None
                    break
                columns.append(checked[0])
                plain = plain and checked[1]
        if columns is None:
            return self._encode_items(items)
        if self._unique_at and not self._distinct([columns[i] for i in self._unique_at]):
            return self._encode_items(items)  # names the repeated item
        return self.fill(len(items), columns, plain)

    @staticmethod
    def _distinct(columns: list[list[Any]]) -> bool:
        """Whether no row repeats across these columns; distinct in one column is distinct
        together (and cheaper to see)."""
        count = len(columns[0])
        for column in columns:
            if len(set(column)) == count:
                return True
        return len(set(zip(*columns, strict=True))) == count

    def _encode_items(self, items: Sequence[object]) -> tuple[str, str]:
        """Item by item: optional fields left out, mappings accepted, errors named."""
        rows: list[list[str | None]] = []
        seen: dict[tuple[object, ...], int] = {}
        model = self.model()
        names = [name for name, _, _, _ in self._fields]
        for index, item in enumerate(items):
            path = f"{self.name}[{index}]"
            if isinstance(item, model):
                values: Mapping[str, object] = {n: getattr(item, n) for n in names}
            elif isinstance(item, Mapping):
                unknown = sorted(str(k) for k in item if k not in names)
                if unknown:
                    raise ValidationError(path, _unknown_field(unknown[0], names))
                values = item
            else:
                raise ValidationError(
                    path, f"must be a {model.__name__} or a mapping of its fields, got {show(item)}"
                )
            row: list[str | None] = []
            for name, _, required, rule in self._fields:
                field_value = values.get(name)
                if field_value is None:
                    if required:
                        raise ValidationError(f"{path}.{name}", "is required")
                    row.append(None)
                else:
                    row.append(rule.value(field_value, f"{path}.{name}"))
            if self._unique_at:
                key = tuple(row[i] for i in self._unique_at)
                if key in seen:
                    shown = ", ".join(
                        f"{names[i]}={values.get(names[i])!r}" for i in self._unique_at
                    )
                    raise ValidationError(
                        path, f"repeats {self.name}[{seen[key]}] ({shown}); each may appear once"
                    )
                seen[key] = index
            rows.append(row)
        if all(v is not None for row in rows for v in row):
            columns: list[list[Any]] = [[row[f] for row in rows] for f in range(len(self._fields))]
            plain = all(_plain("".join(column)) for column in columns)
            return self.fill(len(rows), columns, plain)
        # Some optional field left out: the same order as the layout, without its keys.
        signed, sent = [], []
        sign_wire, send_wire = _signed_name(self.wire), quote(self.wire)
        for i in sorted(range(len(rows)), key=str):
            for (_, wire, _, _), text in zip(self._fields, rows[i], strict=True):
                if text is not None:
                    signed.append(f"&{sign_wire}.{i}.{_signed_name(wire)}={text}")
                    sent.append(f"&{send_wire}.{i}.{quote(wire)}={quote(text)}")
        return "".join(signed), "".join(sent)

    def decode(self, params: Mapping[str, str]) -> object:
        found = self.gather(params)
        if found is None:
            return None
        by_wire = {wire: (name, required, rule) for name, wire, required, rule in self._fields}
        items: list[dict[str, object]] = []
        indexes = sorted(found)
        for index in indexes:
            path = f"{self.wire}.{index}"
            item: dict[str, object] = {}
            for wire, raw in found[index].items():
                known = by_wire.get(wire)
                if known is None:
                    raise MalformedParameter(
                        f"{path}.{wire}" if wire else path,
                        f"is not a field of {self.wire} items "
                        f"({', '.join(w for _, w, _, _ in self._fields)})",
                    )
                name, _, rule = known
                value = _read(rule, raw, f"{path}.{wire}")
                rule.value(value, f"{path}.{wire}")
                item[name] = value
            for name, wire, required, _ in self._fields:
                if required and name not in item:
                    raise MalformedParameter(f"{path}.{wire}", "is required")
            items.append(item)
        if self._unique_at:
            names = [self._fields[i][0] for i in self._unique_at]
            first: dict[tuple[object, ...], int] = {}
            for index, item in zip(indexes, items, strict=True):
                key = tuple(item.get(n) for n in names)
                if key in first:
                    wires = ", ".join(self._fields[i][1] for i in self._unique_at)
                    raise ValidationError(
                        f"{self.wire}.{index}",
                        f"repeats {self.wire}.{first[key]} ({wires}); each may appear once",
                    )
                first[key] = index
        return items
