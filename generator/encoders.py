"""Plans of the per-action encoders and result builders emitted into ``_operations.py``.

An encoder takes a call's arguments and, when every value is of the common kind (valid,
nothing to percent-encode), returns the action's parameters exactly as they are signed and
sent: ``&name=value...`` sorted by name. The checks are written out per parameter with the
spec's bounds as literals, and the sorted layout is decided here, once, instead of on every
call; anything else makes the encoder return None and the call goes through the runtime's
item-by-item checks, which name the broken rule.

The layout relies on two facts the loader enforces: wire names start with a lower-case letter
(so they sort after every common parameter, which start with a capital) and contain no ``.``
(so an array's ``wire.N.field`` keys form one block, sorted where ``wire.`` sorts). Names with
``_`` are signed with ``.`` instead; an action with one gets no encoder.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import ir


@dataclass(frozen=True)
class Step:
    """One parameter: read ``args[py_name]`` into ``var``, check it, and make its piece."""

    var: str  # local name of the value
    piece: str  # local name of an optional or array piece ("" when absent)
    py_name: str
    wire: str
    optional: bool
    array: str | None  # the array's encoder function (see ArrayEncoder), for arrays
    reject: str  # Python expression over ``var``: true unless the value is of the common kind


@dataclass(frozen=True)
class Encoder:
    name: str  # function name
    steps: tuple[Step, ...]  # in the order of the spec
    result: str  # body of the returned f-string, in signing order


def array_constant(action: ir.Action, param: ir.ArrayParam) -> str:
    return f"_{action.const_name}_{param.py_name.upper()}"


@dataclass(frozen=True)
class Column:
    var: str  # local name of the column (a list, one value per item)
    getter: str  # module constant: attrgetter of the field
    reject: str  # Python expression over ``var``: true when the column is not of the fast kind


@dataclass(frozen=True)
class ArrayEncoder:
    """The checks of an array, column by column: the items' types, then per field one
    ``map`` over the items and a few C-level tests of the whole column (types, min/max, one
    regex over the joined strings), then the uniqueness rule; no Python code runs per item."""

    name: str  # function name
    constant: str  # the ArrayParam, whose fast_format lays the values out
    item_class: str
    count_test: str  # expression over ``count``: true when the number of items is allowed
    columns: tuple[Column, ...]
    duplicates: str | None  # expression: true when the uniqueness rule may be broken


def getter_constant(field: ir.Field) -> str:
    return f"_GET_{field.py_name.upper()}"


def lines_constant(max_length: int | None) -> str:
    return "_PLAIN_LINES" if max_length is None else f"_PLAIN_LINES_{max_length}"


def array_plan(action: ir.Action, param: ir.ArrayParam) -> ArrayEncoder:
    columns = []
    for index, field in enumerate(param.item.fields):
        var = f"c{index}"
        if field.type == "Int":
            reject = [f"set(map(type, {var})) != {{int}}"]
            if field.minimum is not None:
                reject.append(f"min({var}) < {field.minimum}")
            if field.maximum is not None:
                reject.append(f"max({var}) > {field.maximum}")
        else:
            reject = [f"set(map(type, {var})) != {{str}}",
                      f"not {lines_constant(field.max_length)}('\\n'.join({var}))"]  # fmt: skip
        columns.append(Column(var, getter_constant(field), " or ".join(reject)))
    lo = 1 if param.min_items is None else max(1, param.min_items)
    count_test = f"{lo} <= count" + ("" if param.max_items is None else f" <= {param.max_items}")
    duplicates = None
    if param.item.unique:
        at = [c.var for c, f in zip(columns, param.item.fields, strict=True)
              if f.py_name in param.item.unique]  # fmt: skip
        # Distinct in one column is distinct together, and cheaper to see.
        tests = [f"len(set({var})) != count" for var in at]
        if len(at) > 1:
            tests.append(f"len(set(zip({', '.join(at)}, strict=True))) != count")
        duplicates = " and ".join(tests)
    return ArrayEncoder(
        f"_{action.py_name}_{param.py_name}", array_constant(action, param),
        param.item.class_name, count_test, tuple(columns), duplicates,
    )  # fmt: skip


def plan(action: ir.Action) -> Encoder | None:
    """The encoder of ``action``, or None when one of its names has ``_``."""
    names = [p.wire for p in action.params]
    for param in action.params:
        if isinstance(param, ir.ArrayParam):
            names += [f.wire for f in param.item.fields]
    if any("_" in name for name in names):
        return None
    steps: list[Step] = []
    pieces: list[tuple[str, str]] = []  # (sort key, f-string piece)
    for index, param in enumerate(action.params):
        var, piece = f"v{index}", f"s{index}"
        if isinstance(param, ir.ArrayParam):
            steps.append(Step(var, piece, param.py_name, param.wire, not param.required,
                              array_plan(action, param).name, reject=""))  # fmt: skip
            pieces.append((f"{param.wire}.", f"{{{piece}}}"))
            continue
        if not isinstance(param, ir.Field):
            return None  # scalar arrays have no generated encoder
        steps.append(Step(var, piece, param.py_name, param.wire, not param.required, None,
                          reject=scalar_reject(param, var)))  # fmt: skip
        shown = f"&{param.wire}={{{var}}}" if param.required else f"{{{piece}}}"
        pieces.append((param.wire, shown))
    result = "".join(shown for _, shown in sorted(pieces))
    return Encoder(f"_{action.py_name}", tuple(steps), result)


def scalar_reject(field: ir.Field, var: str) -> str:
    """True for a value that is not valid or needs encoding; false for a subset of what the
    runtime's checks accept (the rest goes to them)."""
    if field.type == "Int":
        test = [f"type({var}) is not int"]
        if field.minimum is not None:
            test.append(f"{var} < {field.minimum}")
        if field.maximum is not None:
            test.append(f"{var} > {field.maximum}")
    else:
        test = [f"type({var}) is not str", f"not plain({var})"]
        if field.max_length is not None:
            test.append(f"len({var}) > {field.max_length}")
    return " or ".join(test)


@dataclass(frozen=True)
class ResultStep:
    """One result field: walk ``path`` from the response, the value an int (of ``enum``)."""

    var: str
    py_name: str
    path: tuple[str, ...]
    enum: str | None  # module constant mapping values to members


@dataclass(frozen=True)
class ResultBuilder:
    name: str
    steps: tuple[ResultStep, ...]


def enum_constant(enum: ir.Enum) -> str:
    return f"_{enum.class_name.upper()}_BY_VALUE"


def result_plan(action: ir.Action) -> ResultBuilder | None:
    """The result builder of ``action``: its fields read straight from the decoded JSON when
    each is a plain int (a member of its enum); None (no builder) for other field types."""
    if any(f.type != "Int" or not f.path for f in action.response):
        return None
    steps = tuple(
        ResultStep(f"v{i}", f.py_name, f.path, enum_constant(f.enum) if f.enum else None)
        for i, f in enumerate(action.response)
    )
    return ResultBuilder(f"_{action.py_name}_result", steps)
