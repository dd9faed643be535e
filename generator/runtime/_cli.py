"""The machinery of the command-line tool; ``cli.py`` (generated) describes its commands.

Hand-written and copied verbatim into the generated package. Importing it costs argparse and
nothing else: the client (and with it ``http.client``, ``ssl`` and ``json``) is imported only
when a command runs, so ``--help`` and usage errors stay fast. Arguments are checked before any
I/O: their syntax and ranges by argparse, every other rule by the same validation the client
applies, before credentials are even looked up.
"""

from __future__ import annotations

import argparse
import os
import sys

# Not typing.TYPE_CHECKING: importing typing alone would cost more than this module.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import Any, NoReturn

__all__ = ["EXIT_STATUSES", "Array", "Command", "Field", "Tool"]

EXIT_OK = 0
EXIT_UNEXPECTED = 1
EXIT_USAGE = 2
EXIT_CONFIGURATION = 3
EXIT_API = 4
EXIT_TRANSPORT = 5
EXIT_TASK_FAILED = 6
EXIT_TASK_TIMEOUT = 7
EXIT_INTERRUPTED = 130

#: Exit statuses and what they mean: the ``--help`` epilog (and the ``cli`` module docstring).
EXIT_STATUSES = (
    (EXIT_OK, "success"),
    (EXIT_UNEXPECTED, "unexpected error (a bug: please report it)"),
    (EXIT_USAGE, "usage or validation error: a bad option or value; nothing was sent"),
    (
        EXIT_CONFIGURATION,
        "configuration error: no credentials or region, a bad --endpoint or profile file; "
        "nothing was sent",
    ),
    (
        EXIT_API,
        "API error: the service answered with an error code (code, codeDesc and message are "
        "printed on stderr)",
    ),
    (
        EXIT_TRANSPORT,
        "transport or response error: no connection, a timeout, an HTTP error or a garbled "
        "response",
    ),
    (EXIT_TASK_FAILED, "--wait: the task failed"),
    (EXIT_TASK_TIMEOUT, "--wait: the task was still running when --wait-timeout passed"),
    (EXIT_INTERRUPTED, "interrupted (Ctrl-C)"),
)

OUTPUTS = ("json", "table")
DEFAULT_WAIT_TIMEOUT = 600.0
_WIDTH = 80


class Field:
    """A String or Int option, or one field of an array item, as the spec describes it."""

    __slots__ = ("help", "kind", "maximum", "minimum", "name", "option", "required", "rule", "wire")

    def __init__(
        self,
        *,
        option: str,
        name: str,
        wire: str,
        kind: str,
        required: bool,
        minimum: int | None,
        maximum: int | None,
        rule: str,
        help: str,  # noqa: A002
    ) -> None:
        self.option = option  # without the leading --
        self.name = name  # Python name: the client's keyword
        self.wire = wire
        self.kind = kind  # "String" | "Int"
        self.required = required
        self.minimum = minimum
        self.maximum = maximum
        self.rule = rule  # the constraint in words, e.g. "1–65535"
        self.help = help

    def convert(self, text: str) -> str | int:
        """The value of ``text`` (an int for an Int field); ``ArgumentTypeError`` if none."""
        if self.kind != "Int":
            return text
        stripped = text.strip()
        digits = stripped[1:] if stripped[:1] in ("+", "-") else stripped
        if not (digits.isascii() and digits.isdigit()):
            raise argparse.ArgumentTypeError(f"must be an integer, got {text!r}")
        return self.check(int(stripped))

    def check(self, value: int) -> int:
        lo, hi = self.minimum, self.maximum
        if (lo is not None and value < lo) or (hi is not None and value > hi):
            raise argparse.ArgumentTypeError(f"must be {self.rule}, got {value}")
        return value

    @property
    def metavar(self) -> str:
        return self.name.upper().strip("_")


class Array:
    """An Array parameter: a repeated ``--ITEM A:B`` option, or one ``--ARRAY JSON`` option."""

    __slots__ = (
        "fields", "help", "item_option", "name", "option", "required", "rule", "wire",
    )  # fmt: skip

    def __init__(
        self,
        *,
        option: str,
        item_option: str,
        name: str,
        wire: str,
        required: bool,
        rule: str,
        help: str,  # noqa: A002
        fields: tuple[Field, ...],
    ) -> None:
        self.option = option
        self.item_option = item_option
        self.name = name
        self.wire = wire
        self.required = required
        self.rule = rule
        self.help = help
        self.fields = fields

    @property
    def metavar(self) -> str:
        return ":".join(f.metavar for f in self.fields)

    def parse_item(self, text: str) -> dict[str, object]:
        """``cpm-1:80`` -> ``{"instance_id": "cpm-1", "port": 80}``: the last fields split off
        at the last colons, so only the first field may hold a colon itself."""
        parts = text.rsplit(":", len(self.fields) - 1)
        if len(parts) != len(self.fields):
            raise argparse.ArgumentTypeError(f"must be {self.metavar}, got {text!r}")
        values: dict[str, object] = {}
        for field, part in zip(self.fields, parts, strict=True):
            try:
                values[field.name] = field.convert(part)
            except argparse.ArgumentTypeError as exc:
                raise argparse.ArgumentTypeError(f"{field.metavar} {exc} (in {text!r})") from None
        return values

    def parse_json(self, text: str) -> list[dict[str, object]]:
        """A JSON list of objects whose keys are wire or Python field names."""
        import json

        try:
            data = json.loads(text)
        except (ValueError, RecursionError) as exc:
            raise argparse.ArgumentTypeError(f"not valid JSON: {exc}") from None
        if isinstance(data, dict):
            data = [data]
        if not isinstance(data, list):
            raise argparse.ArgumentTypeError(f"must be a JSON list of objects, got {text!r}")
        by_key = {key: f for f in self.fields for key in (f.wire, f.name)}
        items: list[dict[str, object]] = []
        for index, item in enumerate(data):
            path = f"{self.name}[{index}]"
            if not isinstance(item, dict):
                raise argparse.ArgumentTypeError(f"{path}: must be an object, got {item!r}")
            values: dict[str, object] = {}
            for key, value in item.items():
                field = by_key.get(key)
                if field is None:
                    names = ", ".join(f.wire for f in self.fields)
                    raise argparse.ArgumentTypeError(
                        f"{path}: unknown field {key!r}; the fields are {names}"
                    )
                if field.name in values:
                    raise argparse.ArgumentTypeError(f"{path}: {field.wire} is given twice")
                values[field.name] = self._json_value(field, value, f"{path}.{field.wire}")
            items.append(values)
        return items

    @staticmethod
    def _json_value(field: Field, value: object, path: str) -> object:
        try:
            if field.kind == "Int" and isinstance(value, str):
                return field.convert(value)
            if field.kind == "Int" and isinstance(value, int) and not isinstance(value, bool):
                return field.check(value)
        except argparse.ArgumentTypeError as exc:
            raise argparse.ArgumentTypeError(f"{path}: {exc}") from None
        return value  # anything else: the client's validation names what is wrong


class Command:
    """One action of the API as a subcommand."""

    __slots__ = (
        "action", "example", "method", "name", "params", "result", "summary", "summary_zh",
        "task_id",
    )  # fmt: skip

    def __init__(
        self,
        *,
        name: str,
        action: str,
        method: str,
        summary: str,
        summary_zh: str,
        task_id: str | None,
        result: tuple[str, ...],
        params: tuple[Field | Array, ...],
        example: tuple[tuple[str, object], ...],
    ) -> None:
        self.name = name  # kebab case: the subcommand
        self.action = action  # the wire name
        self.method = method  # the client's method
        self.summary = summary
        self.summary_zh = summary_zh
        self.task_id = task_id  # the result field holding the id of the task it starts
        self.result = result  # the result's fields, in the order shown
        self.params = params
        self.example = example  # (Python name, value) pairs

    def invalid(self, parameter: str, rule: str) -> str:
        """A usage error's text for a rule the client's validation found broken, naming the
        option(s) of the parameter path (``backends[1].port``)."""
        top = parameter.split("[", 1)[0].split(".", 1)[0]
        for param in self.params:
            if param.name == top:
                if isinstance(param, Array):
                    return f"argument --{param.item_option}/--{param.option}: {parameter}: {rule}"
                return f"argument --{param.option}: {rule}"
        return f"{parameter}: {rule}"

    def example_line(self, prog: str) -> str:
        import shlex

        words = [prog, self.name]
        by_name = {p.name: p for p in self.params}
        for name, value in self.example:
            param = by_name[name]
            if isinstance(param, Array) and isinstance(value, list):
                for item in value:
                    shown = ":".join(str(item[f.name]) for f in param.fields)
                    words += [f"--{param.item_option}", shlex.quote(shown)]
            else:
                words += [f"--{param.option}", shlex.quote(str(value))]
        return " ".join(words)


class Tool:
    """The command-line tool: builds the parser from the commands and runs one."""

    def __init__(
        self,
        *,
        prog: str,
        version: str,
        description: str,
        commands: tuple[Command, ...],
        task_command: str,
        task_action: str,
        task_fields: tuple[str, ...],
        regions: tuple[str, ...],
    ) -> None:
        self.prog = prog
        self.version = version
        self.description = description
        self.commands = {c.name: c for c in commands}
        self.task_command = task_command
        self.task_action = task_action
        self.task_fields = task_fields  # the task action's result fields, shown after --wait
        self.regions = regions  # for the help

    # -- the parser ----------------------------------------------------------------------------

    def parser(self) -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
        """The tool's parser, and each command's."""
        import textwrap

        width = _width()
        epilog = "exit status:\n" + "\n".join(
            textwrap.fill(text, width, initial_indent=f"  {code:>3}  ", subsequent_indent=" " * 7)
            for code, text in EXIT_STATUSES
        )
        epilog += f"\n\nRun '{self.prog} COMMAND --help' for the options of a command."
        epilog = _escape_raw(epilog)
        parser = argparse.ArgumentParser(
            prog=self.prog,
            description=_paragraphs(self.description),
            epilog=epilog,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        parser.add_argument("--version", action="version", version=f"%(prog)s {self.version}")
        _global_options(parser, self.regions, suppress=False)
        sub = parser.add_subparsers(
            dest="command", metavar="COMMAND", title="commands", required=True
        )
        parsers: dict[str, argparse.ArgumentParser] = {}
        for command in self.commands.values():
            parsers[command.name] = self._command_parser(sub, command)
        return parser, parsers

    def _command_parser(self, sub: Any, command: Command) -> argparse.ArgumentParser:
        epilog = []
        if command.task_id is not None:
            epilog.append(
                f"The action starts an asynchronous task and prints its {command.task_id}; "
                f"--wait polls it (as '{self.prog} {self.task_command}' does) until it ends."
            )
        epilog.append("example:\n  " + command.example_line(self.prog))
        parser: argparse.ArgumentParser = sub.add_parser(
            command.name,
            help=_escape(command.summary),
            description=_paragraphs(
                f"{command.summary}\n\n{command.summary_zh}\n\nAPI action: {command.action}"
            ),
            epilog=_paragraphs("\n\n".join(epilog)),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        group = parser.add_argument_group("parameters")
        for param in command.params:
            if isinstance(param, Array):
                _array_options(group, param)
            else:
                group.add_argument(
                    f"--{param.option}",
                    dest=param.name,
                    type=_typed(param.convert, param.kind.lower()),
                    required=param.required,
                    metavar=param.metavar,
                    help=_escape(_help(param.help, param.rule, param.required)),
                )
        if command.task_id is not None:
            task = parser.add_argument_group("task")
            task.add_argument(
                "--wait",
                action="store_true",
                help="wait for the task to end and print its status too "
                f"(exit status {EXIT_TASK_FAILED} if it failed)",
            )
            task.add_argument(
                "--wait-timeout",
                type=_typed(_seconds, "seconds"),
                default=DEFAULT_WAIT_TIMEOUT,
                metavar="SECONDS",
                help=f"how long --wait waits (default: %(default)s; exit status "
                f"{EXIT_TASK_TIMEOUT} once it passed)",
            )
        _global_options(parser, self.regions, suppress=True)
        return parser

    # -- running -------------------------------------------------------------------------------

    def main(self, argv: Sequence[str] | None = None) -> int:
        """Run the command line ``argv`` (default: ``sys.argv[1:]``); the exit status.

        Usage errors exit through argparse (``SystemExit(2)``)."""
        parser, parsers = self.parser()
        args = parser.parse_args(argv)
        command = self.commands[args.command]
        try:
            return self._run(command, args, parsers[command.name])
        except KeyboardInterrupt:
            self._error("interrupted")
            return EXIT_INTERRUPTED

    def _run(
        self, command: Command, args: argparse.Namespace, parser: argparse.ArgumentParser
    ) -> int:
        if args.debug:
            _debug_logging()
        from ._exceptions import (
            ApiError,
            BmlbError,
            ConfigurationError,
            ResponseError,
            TaskFailedError,
            TaskTimeoutError,
            TransportError,
            ValidationError,
        )
        from ._operations import OPERATIONS
        from ._serialize import plan
        from .client import Client

        values = {p.name: getattr(args, p.name) for p in command.params}
        values = {name: value for name, value in values.items() if value is not None}
        try:
            # The client validates too; doing it first also comes before looking up credentials.
            plan(OPERATIONS[command.action]).encode(values)
            client = Client(region=args.region, endpoint=args.endpoint, profile=args.profile)
        except ValidationError as exc:
            _usage(parser, command.invalid(exc.parameter, exc.rule))
        except ConfigurationError as exc:
            self._error(f"configuration error: {exc}")
            return EXIT_CONFIGURATION
        with client:
            try:
                result = getattr(client, command.method)(**values)
                _log_answer(command.action, result.raw)
                shown = {name: getattr(result, name) for name in command.result}
                if command.task_id is not None and args.wait:
                    task = client.wait_for_task(
                        getattr(result, command.task_id), timeout=args.wait_timeout
                    )
                    _log_answer(self.task_action, task.raw)
                    shown.update({name: getattr(task, name) for name in self.task_fields})
            except ValidationError as exc:
                _usage(parser, command.invalid(exc.parameter, exc.rule))
            except ApiError as exc:
                _log_answer(exc.action or command.action, exc.response)
                lines = [
                    f"{exc.action or command.action}: the API answered an error",
                    f"  code:     {exc.code}",
                    f"  codeDesc: {exc.code_desc or '-'}",
                    f"  message:  {exc.message or exc.description or '-'}",
                ]
                self._error("\n".join(lines))
                return EXIT_API
            except TaskFailedError as exc:
                self._error(f"{exc} (action {command.action})")
                return EXIT_TASK_FAILED
            except TaskTimeoutError as exc:
                self._error(f"{exc} (action {command.action})")
                return EXIT_TASK_TIMEOUT
            except TransportError as exc:
                self._error(f"transport error: {exc}")
                return EXIT_TRANSPORT
            except ResponseError as exc:
                self._error(f"response error: {exc}")
                return EXIT_TRANSPORT
            except ConfigurationError as exc:
                self._error(f"configuration error: {exc}")
                return EXIT_CONFIGURATION
            except BmlbError as exc:
                self._error(f"{type(exc).__name__}: {exc}")
                return EXIT_UNEXPECTED
        print(_format(shown, args.output))
        return EXIT_OK

    def _error(self, text: str) -> None:
        print(f"{self.prog}: error: {text}", file=sys.stderr)


def _global_options(
    parser: argparse.ArgumentParser, regions: tuple[str, ...], *, suppress: bool
) -> None:
    """The options of the tool itself; accepted before and after the command. After it they
    default to "not given", so that they do not override what came before it."""

    def default(value: object) -> object:
        return argparse.SUPPRESS if suppress else value

    group = parser.add_argument_group("global options (before or after the command)")
    group.add_argument(
        "--region",
        default=default(None),
        help=f"the region: {', '.join(regions)} (default: TENCENTCLOUD_REGION, else the profile's)",
    )
    group.add_argument(
        "--endpoint",
        default=default(None),
        metavar="URL",
        help="scheme, host and port of the API (default: the service's own)",
    )
    group.add_argument(
        "--profile",
        default=default(None),
        metavar="NAME",
        help="the section of ~/.tencentcloud/credentials to use "
        "(default: TENCENTCLOUD_PROFILE, else default)",
    )
    group.add_argument(
        "--output",
        choices=OUTPUTS,
        default=default("json"),
        help="json (default): an object of the result's fields; table: aligned key/value lines",
    )
    group.add_argument(
        "--debug",
        action="store_true",
        default=default(False),
        help="log the requests and answers on stderr (signature, key and token redacted)",
    )


def _array_options(group: argparse._ArgumentGroup, param: Array) -> None:
    fields = "; ".join(f"{f.metavar}: {_help(f.help, f.rule, False)}" for f in param.fields)
    either = group.add_mutually_exclusive_group(required=param.required)
    either.add_argument(
        f"--{param.item_option}",
        dest=param.name,
        action="append",
        type=_typed(param.parse_item, param.item_option),
        metavar=param.metavar,
        help=_escape(
            f"{_help(param.help, param.rule, param.required)} Repeat the option for each item; "
            f"{fields}"
        ),
    )
    keys = ", ".join(
        f"{f.wire} (or {f.name})" if f.wire != f.name else f.wire for f in param.fields
    )
    either.add_argument(
        f"--{param.option}",
        dest=param.name,
        type=_typed(param.parse_json, "JSON"),
        metavar="JSON",
        help=_escape(
            f"instead of --{param.item_option}: all items as a JSON list of objects with {keys}"
        ),
    )


def _typed(convert: Callable[[str], Any], name: str) -> Callable[[str], Any]:
    """``convert`` named for argparse's "invalid NAME value" message."""

    def parse(text: str) -> Any:
        return convert(text)

    parse.__name__ = name
    return parse


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be seconds, got {text!r}") from None
    if not 0 < value < 86400:
        raise argparse.ArgumentTypeError(f"must be seconds > 0 and < 86400, got {text!r}")
    return value


def _help(text: str, rule: str, required: bool) -> str:
    notes = [n for n in (rule, "required" if required else "") if n]
    return f"{text} [{', '.join(notes)}]" if notes else text


def _escape(text: str) -> str:
    """Help text as argparse takes it: ``%`` starts a format there."""
    return text.replace("%", "%%")


def _escape_raw(text: str) -> str:
    """A description or epilog as argparse takes it: formatted only if it holds ``%(prog)``."""
    return _escape(text) if "%(prog)" in text else text


def _paragraphs(text: str) -> str:
    """Each paragraph wrapped on its own (for the raw description formatter); indented lines
    are kept as they are."""
    import textwrap

    width = _width()
    out = []
    for block in text.split("\n\n"):
        if block.startswith(" ") or "\n " in block:
            out.append(block)
        else:
            out.append(textwrap.fill(" ".join(block.split()), width))
    return _escape_raw("\n\n".join(out))


def _width() -> int:
    """The width help text is wrapped to: the terminal's (as argparse sees it), at most 80."""
    try:
        columns = int(os.environ.get("COLUMNS", "")) or _WIDTH
    except ValueError:
        columns = _WIDTH
    return min(_WIDTH, max(40, columns - 2))


def _usage(parser: argparse.ArgumentParser, message: str) -> NoReturn:
    parser.error(message)


def _format(values: dict[str, object], output: str) -> str:
    shown = {k: getattr(v, "name", v) for k, v in values.items()}  # enums by name
    if output == "table":
        width = max((len(k) for k in shown), default=0)
        return "\n".join(f"{k.ljust(width)}  {v}" for k, v in shown.items())
    import json

    return json.dumps(shown, indent=2, ensure_ascii=False)


def _debug_logging() -> None:
    """The package's log on stderr at DEBUG: each request (the runtime leaves out the
    Signature and the Token and shortens the SecretId) and each answer."""
    import logging

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("debug: %(message)s"))
    logger = logging.getLogger("qcloud_bmlb")
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)


def _log_answer(action: str, raw: object) -> None:
    import logging

    logger = logging.getLogger("qcloud_bmlb")
    if logger.isEnabledFor(logging.DEBUG):
        import json

        logger.debug("%s answered %s", action, json.dumps(raw, ensure_ascii=False, default=str))
