"""The command-line tool's own words, decided on the IR once: option names, the order of an
item's fields in the ``--backend ID:PORT`` syntax, help texts and the example command line.

This is all ``cli.py`` holds of an action besides its name. Kinds, required-ness, ranges,
lengths, allowed values and array rules come at run time from the package's ``_operations``
(the same data the clients use), so the tool checks exactly what they check.

Options are the parameters' wire names in kebab case (``loadBalancerId`` -> ``--load-balancer-id``;
one that would clash with an option of the tool itself gets ``-param``). An array has two:
its items one at a time, repeated (``--backend``, ``--listener-id``), or all of them as one
JSON list (``--backends``, ``--listener-ids``).
"""

from __future__ import annotations

import json
import shlex
from dataclasses import dataclass

from . import ir
from .naming import CLI_RESERVED, cli_option, kebab, words

#: Items with more fields than this have no ``A:B:C`` syntax: a line of many colons is
#: unreadable; their option takes JSON only.
MAX_ITEM_FIELDS = 4


@dataclass(frozen=True)
class CliField:
    """A field of an array item as the item syntax shows it."""

    py_name: str
    metavar: str  # INSTANCE_ID
    help: str


@dataclass(frozen=True)
class CliParam:
    """A parameter's options and help.

    ``option``: the option of a scalar, or an array's JSON list option; ``item_option``: an
    array's option for one item, repeated (None: JSON only); ``fields``: an array of objects'
    fields in the order of the item syntax (every field, when there is no syntax).
    """

    py_name: str
    option: str
    help: str
    item_option: str | None = None
    fields: tuple[CliField, ...] = ()


def _help(text: ir.Text, default: str | int | None) -> str:
    shown = " ".join(text.en.split())
    if default is not None:
        shown += f" The service assumes {default} when it is not given."
    return shown


def item_fields(item: ir.Item) -> tuple[ir.Field, ...]:
    """The fields in the item syntax's order: required Strings, required Ints, then the
    optional ones (Strings, then Ints), each in the spec's order; ``cpm-1:80`` reads as
    host and port whatever order Tencent's table lists them in."""
    groups = [
        [f for f in item.fields if f.required == required and (f.type == "String") == string]
        for required in (True, False)
        for string in (True, False)
    ]
    return tuple(f for group in groups for f in group)


def _singular(option: str) -> str:
    """``listener-ids`` -> ``listener-id``; a name that is not a plural stays as it is."""
    last = option.rsplit("-", 1)[-1]
    if last.endswith("s") and not last.endswith("ss") and len(last) > 1:
        return option[:-1]
    return option


def cli_params(action: ir.Action) -> tuple[CliParam, ...]:
    """Every parameter's options; no two options of a command are the same."""
    taken = set(CLI_RESERVED) | {cli_option(p.wire) for p in action.params}
    out = []
    for param in action.params:
        option = cli_option(param.wire)
        if isinstance(param, ir.Field):
            out.append(CliParam(param.py_name, option, _help(param.description, param.default)))
            continue
        if isinstance(param, ir.ArrayParam):
            fields = item_fields(param.item)
            item = cli_option(param.item.name) if len(fields) <= MAX_ITEM_FIELDS else None
            shown = tuple(
                CliField(f.py_name, "_".join(w.upper() for w in words(f.wire)),
                         _help(f.description, f.default))
                for f in fields
            )  # fmt: skip
        else:
            item, shown = _singular(option), ()
        if item is not None and (item == option or item in taken):
            item = f"{option}-item"
        if item is not None:
            taken.add(item)
        out.append(CliParam(param.py_name, option, _help(param.description, None), item, shown))
    return tuple(out)


def item_text(values: list[str]) -> str:
    """One item in the item syntax: the values in order, a value holding ``:`` in brackets
    (``[fe80::1]:80``), optional values left out at the end."""
    parts = [f"[{v}]" if ":" in v or v.startswith("[") else v for v in values]
    return ":".join(parts).rstrip(":")


def cli_example(action: ir.Action) -> str:
    """The command line that makes the example call of the spec (``--wait`` for an action
    that starts a task). The tool's help and the docs both show it."""
    params = {p.py_name: p for p in action.params}
    options = {c.py_name: c for c in cli_params(action)}
    words_ = ["qcloud-bmlb", kebab(action.name)]
    for py_name, value in action.example:
        param, names = params[py_name], options[py_name]
        if isinstance(param, ir.Field) or not isinstance(value, list):
            words_ += [f"--{names.option}", shlex.quote(str(value))]
        elif names.item_option is None:
            wires = {f.py_name: f.wire for f in param.item.fields}  # type: ignore[union-attr]
            items = [{wires[k]: v for k, v in item.items()} for item in value]
            text = json.dumps(items, ensure_ascii=False, separators=(",", ":"))
            words_ += [f"--{names.option}", shlex.quote(text)]
        elif isinstance(param, ir.ArrayParam):
            for item in value:
                shown = item_text([str(item.get(f.py_name, "")) for f in names.fields])
                words_ += [f"--{names.item_option}", shlex.quote(shown)]
        else:
            for one in value:
                words_ += [f"--{names.item_option}", shlex.quote(str(one))]
    if action.task_id:
        words_.append("--wait")
    return " ".join(words_)
