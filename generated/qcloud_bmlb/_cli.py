"""The machinery of the command-line tool; ``cli.py`` (generated) names its commands.

Hand-written and copied verbatim into the generated package. ``cli.py`` holds only what is
the tool's own: command and option names, help texts, the example line. What a value must be
(its kind, whether it is required, its range, length, allowed values, an array's bounds and
uniqueness) comes from the action's :class:`~._shapes.Operation` in ``_operations``, and is
checked by the request plan (``_serialize``) and its rules (``_validate``), the same code the
clients run. argparse only turns text into values of the right kind (an Int is digits, an
array a list); every rule is the plan's, and its error names the option and the rule before
anything is sent and before credentials are looked up.

Start-up stays small: importing this costs argparse and nothing else. ``qcloud-bmlb --help``
builds one empty parser per command; a command's options are made only when it is used
(``COMMAND --help`` or a call), from its Operation. The client, and with it the transport,
``ssl``, ``socket`` and ``json``, is imported only when a call is made.
"""

from __future__ import annotations

import argparse
import os
import sys

# Not typing.TYPE_CHECKING: importing typing alone would cost more than this module.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Mapping, Sequence
    from typing import Any, NoReturn

    from ._shapes import Array, Operation, Scalar, Struct

__all__ = ["EXIT_STATUSES", "OUTPUTS", "Command", "Option", "Tool"]

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
        "configuration error: no credentials or region, a bad --endpoint, --ca-bundle or "
        "profile file; nothing was sent",
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
    (EXIT_TASK_FAILED, "--wait: the task failed (its id is on stdout)"),
    (
        EXIT_TASK_TIMEOUT,
        "--wait: the task was still running when --wait-timeout passed (its id is on stdout)",
    ),
    (EXIT_INTERRUPTED, "interrupted (Ctrl-C); a task already started goes on, its id on stdout"),
)

#: ``--output``: the result as JSON (enums by name), aligned text, or the API's own answer.
OUTPUTS = ("json", "table", "raw")
DEFAULT_WAIT_TIMEOUT = 600.0
_WIDTH = 80
#: The tool's options, by what they are (``generator.naming.CLI_RESERVED`` keeps parameters
#: off these names; a test checks that the two agree).
GLOBAL_OPTIONS = ("region", "endpoint", "profile", "output", "timeout", "ca-bundle", "debug")
COMMAND_OPTIONS = ("cli-input-json", "generate-cli-skeleton")
TASK_OPTIONS = ("wait", "wait-timeout")
PAGE_OPTIONS = ("all",)
#: Runtime errors whose message starts with a client argument: the option that sets it.
_ARGUMENT_OPTIONS = {"verify": "--ca-bundle", "endpoint": "--endpoint", "timeout": "--timeout"}


class Option:
    """The options of one parameter (``name``, its Python name): ``option`` for a scalar, or
    an array's JSON list; ``item``, an array's option for one item, repeated (None: JSON
    only); ``fields``, an array of objects' (Python name, metavar, help) in the order of the
    item syntax."""

    __slots__ = ("fields", "help", "item", "name", "option")

    def __init__(
        self,
        name: str,
        option: str,
        help: str,  # noqa: A002
        *,
        item: str | None = None,
        fields: tuple[tuple[str, str, str], ...] = (),
    ) -> None:
        self.name = name
        self.option = option
        self.help = help
        self.item = item
        self.fields = fields


class Command:
    """One action of the API as a command: its names, texts and options."""

    __slots__ = ("action", "example", "name", "options", "summary", "summary_zh")

    def __init__(
        self,
        name: str,
        action: str,
        *,
        summary: str,
        summary_zh: str,
        example: str,
        options: tuple[Option, ...],
    ) -> None:
        self.name = name  # kebab case
        self.action = action  # the API's name, also accepted as the command's name
        self.summary = summary
        self.summary_zh = summary_zh
        self.example = example
        self.options = options


class _Failure(Exception):
    """An error the tool reports itself: its exit status, its text, and (for ``--output
    json``) its fields."""

    def __init__(self, status: int, text: str, fields: dict[str, Any] | None = None) -> None:
        super().__init__(text)
        self.status = status
        self.text = text
        self.fields = fields or {}


class _Parser(argparse.ArgumentParser):
    """A parser whose errors follow the tool's output (JSON under ``--output json``).

    A command's parser is made the first time it is used (to parse its options, or to show
    its help): until then it is only its name and summary in the tool's list, so that the
    tool's own ``--help`` costs little however many commands there are (an ArgumentParser
    takes ~0.1 ms to make, its options more)."""

    def __init__(
        self, *args: Any, tool: Tool, command: Command | None = None, **kwargs: Any
    ) -> None:
        kwargs.setdefault("allow_abbrev", False)
        kwargs.setdefault("formatter_class", argparse.RawDescriptionHelpFormatter)
        self._tool = tool
        self._command = command
        if command is None:
            super().__init__(*args, **kwargs)
        else:
            self._pending = (args, kwargs)

    def _made(self) -> None:
        pending = self.__dict__.pop("_pending", None)
        if pending is not None:
            args, kwargs = pending
            super().__init__(*args, **kwargs)
            assert self._command is not None
            self._tool._fill(self, self._command)

    def __getattr__(self, name: str) -> Any:
        # Whatever argparse asks of a command's parser before it is made makes it.
        if name.startswith("__") or "_pending" not in self.__dict__:
            raise AttributeError(name)
        self._made()
        return getattr(self, name)

    def parse_known_args(self, args: Any = None, namespace: Any = None) -> Any:
        self._made()
        return super().parse_known_args(args, namespace)

    def format_help(self) -> str:
        self._made()
        return super().format_help()

    def format_usage(self) -> str:
        self._made()
        return super().format_usage()

    def error(self, message: str) -> NoReturn:
        self._tool._usage(self, message)

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        # An unknown command: the closest names rather than argparse's list of them all.
        if action.dest == "cli:command" and value not in (action.choices or ()):
            import difflib

            names = self._tool.names()
            lower = str(value).lower()
            close = [n for n in names if lower in n.lower()][:3]
            close = close or difflib.get_close_matches(value, names, n=3, cutoff=0.5)
            hint = f"; did you mean {' or '.join(close)}?" if close else ""
            self.error(f"unknown command {value!r}{hint} ('{self.prog} --help' lists them)")
        super()._check_value(action, value)


class Tool:
    """The command-line tool: its parser, made from the commands, and the run of one."""

    def __init__(
        self,
        *,
        prog: str,
        version: str,
        description: str,
        regions: tuple[tuple[str, str | None], ...],
        commands: tuple[Command, ...],
    ) -> None:
        self.prog = prog
        self.version = version
        self.description = description
        self.regions = regions  # (code, alias), for the help
        self.commands = commands
        self._by_name = {c.name: c for c in commands} | {c.action: c for c in commands}
        self._json_errors = False
        self._parsers: dict[str, argparse.ArgumentParser] = {}  # the commands' made so far

    def names(self) -> list[str]:
        return [c.name for c in self.commands] + [c.action for c in self.commands]

    # -- the parser ----------------------------------------------------------------------------

    def parser(self) -> argparse.ArgumentParser:
        """The tool's parser; each command's options are made when it is used."""
        import textwrap

        width = _width()
        epilog = "exit status:\n" + "\n".join(
            textwrap.fill(text, width, initial_indent=f"  {code:>3}  ", subsequent_indent=" " * 7)
            for code, text in EXIT_STATUSES
        )
        epilog += f"\n\nRun '{self.prog} COMMAND --help' for the options of a command."
        parser = _Parser(
            prog=self.prog,
            description=_paragraphs(self.description),
            epilog=_escape_raw(epilog),
            tool=self,
        )
        parser.add_argument("--version", action="version", version=f"%(prog)s {self.version}")
        self._global_options(parser, suppress=False)
        sub = parser.add_subparsers(
            dest="cli:command", metavar="COMMAND", title="commands", required=True,
            parser_class=_Parser,
        )  # fmt: skip
        for command in self.commands:
            made = sub.add_parser(
                command.name, help=_escape(command.summary), tool=self, command=command
            )
            # The action's own name works too (as in tccli), without a second help line.
            sub.choices[command.action] = made
        return parser

    def _fill(self, parser: _Parser, command: Command) -> None:
        """A command's description and options, from its Operation."""
        from ._operations import OPERATIONS

        op = OPERATIONS[command.action]
        self._parsers[command.name] = parser
        parser.description = _paragraphs(
            f"{command.summary}\n\n{command.summary_zh}\n\nAPI action: {command.action} "
            f"(also accepted as the command's name)"
        )
        notes = []
        if op.task_id is not None:
            notes.append(
                f"The action starts an asynchronous task: its {op.task_id} is printed at "
                f"once; --wait then polls the task until it ends and prints its answer too."
            )
        if op.pages is not None:
            notes.append(
                f"The answer comes a page at a time ({op.pages[0]}, {op.pages[1]}); --all "
                f"follows every page and prints {op.pages[3]} with every item, and "
                f"{op.pages[2]} counting them."
            )
        notes.append(
            "Every value is checked before anything is sent. --cli-input-json takes the whole "
            "request as JSON (keys: the API's parameter names or the Python ones); options "
            "given as well override its keys."
        )
        notes.append("example:\n  " + command.example)
        parser.epilog = _paragraphs("\n\n".join(notes))
        group = parser.add_argument_group("parameters")
        options = {o.name: o for o in command.options}
        usage = []
        for param in op.params:
            usage.append(_param_options(group, param, options[param.name]))
        usage.append("[--cli-input-json JSON | --generate-cli-skeleton]")
        if op.task_id is not None:
            usage.append("[--wait [--wait-timeout SECONDS]]")
        if op.pages is not None:
            usage.append("[--all]")
        parser.usage = _wrapped_usage(parser.prog, [*usage, "[GLOBAL OPTIONS]"])
        cmd = parser.add_argument_group("request")
        cmd.add_argument(
            "--cli-input-json", dest="cli:input", metavar="JSON",
            help="the request as a JSON object, 'file://PATH' or '-' (stdin)",
        )  # fmt: skip
        cmd.add_argument(
            "--generate-cli-skeleton", dest="cli:skeleton", action="store_true",
            help="print a JSON skeleton of the request for --cli-input-json, and send nothing",
        )  # fmt: skip
        if op.task_id is not None:
            task = parser.add_argument_group("task")
            task.add_argument(
                "--wait", action="store_true",
                help=f"wait for the task to end (exit status {EXIT_TASK_FAILED} if it failed)",
            )  # fmt: skip
            task.add_argument(
                "--wait-timeout", type=_typed(_seconds, "seconds"), default=DEFAULT_WAIT_TIMEOUT,
                metavar="SECONDS",
                help=f"how long --wait waits (default: {DEFAULT_WAIT_TIMEOUT:g}; exit status "
                f"{EXIT_TASK_TIMEOUT} once it passed)",
            )  # fmt: skip
        if op.pages is not None:
            pages = parser.add_argument_group("pages")
            pages.add_argument(
                "--all", dest="cli:all", action="store_true",
                help=f"every page, from --{_option_of(command, op.pages[0])} on "
                f"(--{_option_of(command, op.pages[1])}: the size of each page)",
            )  # fmt: skip
        self._global_options(parser, suppress=True)

    def _global_options(self, parser: argparse.ArgumentParser, *, suppress: bool) -> None:
        """The options of the tool itself; accepted before and after the command. After it
        they default to "not given", so that they do not override what came before it."""

        def default(value: object) -> object:
            return argparse.SUPPRESS if suppress else value

        regions = ", ".join(f"{c} ({a})" if a else c for c, a in self.regions)
        group = parser.add_argument_group("global options (before or after the command)")
        group.add_argument(
            "--region", default=default(None),
            help=f"the region: {regions} (default: TENCENTCLOUD_REGION, else the profile's, "
            "else tccli's)",
        )  # fmt: skip
        group.add_argument(
            "--endpoint", default=default(None), metavar="URL",
            help="scheme, host and port of the API (default: QCLOUD_BMLB_ENDPOINT, else the "
            "service's own)",
        )  # fmt: skip
        group.add_argument(
            "--profile", default=default(None), metavar="NAME",
            help="the profile of ~/.tencentcloud/credentials, or of tccli's ~/.tccli files "
            "(default: TENCENTCLOUD_PROFILE, else default)",
        )  # fmt: skip
        group.add_argument(
            "--output", choices=OUTPUTS, default=default("json"),
            help="json (default): the result's fields (named values by name; errors as JSON "
            "on stderr when given explicitly); table: aligned text; raw: the API's answer "
            "as it came",
        )  # fmt: skip
        group.add_argument(
            "--timeout", default=default(None), type=_typed(_seconds, "seconds"),
            metavar="SECONDS",
            help="seconds to connect, and to wait for each read of an answer (default: 5 and 30)",
        )  # fmt: skip
        group.add_argument(
            "--ca-bundle", dest="ca_bundle", default=default(None), metavar="FILE",
            help="trust the CA certificates in FILE (PEM) instead of the system's "
            "(SSL_CERT_FILE is honoured too)",
        )  # fmt: skip
        group.add_argument(
            "--debug", action="store_true", default=default(False),
            help="log the requests and answers on stderr (signature, key and token redacted)",
        )  # fmt: skip

    # -- running -------------------------------------------------------------------------------

    def main(self, argv: Sequence[str] | None = None) -> int:
        """Run the command line ``argv`` (default: ``sys.argv[1:]``); the exit status.

        Usage errors exit through argparse (``SystemExit(2)``)."""
        words = list(sys.argv[1:] if argv is None else argv)
        self._json_errors = _explicit_json(words)
        args = self.parser().parse_args(words)
        command = self._by_name[getattr(args, "cli:command")]
        run = _Run(self, command, args)
        try:
            return run.main()
        except _Failure as failure:
            self._fail(failure)
            return failure.status
        except KeyboardInterrupt:
            self._fail(run.interrupted())
            return EXIT_INTERRUPTED
        except BrokenPipeError:
            # The reader went away (``| head``): nothing more can be shown, and Python's own
            # complaint when it flushes stdout at exit would only add noise.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            return EXIT_OK

    def _usage(self, parser: argparse.ArgumentParser, message: str) -> NoReturn:
        if self._json_errors:
            self._json_error({"error": "UsageError", "message": message})
            parser.exit(EXIT_USAGE)
        parser.print_usage(sys.stderr)
        parser.exit(EXIT_USAGE, f"{parser.prog}: error: {message}\n")

    def _fail(self, failure: _Failure) -> None:
        if self._json_errors:
            self._json_error(
                {**failure.fields, "message": failure.fields.get("message", failure.text)}
            )
        else:
            print(f"{self.prog}: error: {failure.text}", file=sys.stderr)

    @staticmethod
    def _json_error(fields: dict[str, Any]) -> None:
        import json

        print(json.dumps(fields, ensure_ascii=False, default=str), file=sys.stderr)


class _Run:
    """One run of a command: its values, checked, then the call, and what it prints."""

    def __init__(self, tool: Tool, command: Command, args: argparse.Namespace) -> None:
        self.tool = tool
        self.command = command
        self.args = args
        self.sources: dict[str, str] = {}  # parameter -> the option it came from
        self.texts: dict[str, list[str]] = {}  # array parameter -> its items as typed
        self.sent = False  # a change was sent: it may have reached the service
        self.idempotent = True
        self.task: object = None  # the id of the task the call started

    def main(self) -> int:
        from ._operations import OPERATIONS

        args, op = self.args, OPERATIONS[self.command.action]
        self.idempotent = op.idempotent
        if getattr(args, "cli:skeleton"):
            _print_json(_skeleton(op), compact=False)
            return EXIT_OK
        if args.debug:
            _debug_logging()
        values = self.values(op)
        self.check(op, values)
        every = getattr(args, "cli:all", False)
        if every and args.output == "raw":
            self.usage("argument --all: not allowed with --output raw (it shows one answer)")
        client = self.client()
        with client:
            return self.call(client, op, values, every)

    # -- values --------------------------------------------------------------------------------

    def values(self, op: Operation) -> dict[str, Any]:
        """The arguments of the call, by Python name, from the options and then from
        ``--cli-input-json``; only kinds are converted here."""
        values: dict[str, Any] = {}
        options = {o.name: o for o in self.command.options}
        for param in op.params:
            given = getattr(self.args, f"param:{param.name}", None)
            option = options[param.name]
            if given is not None:
                values[param.name] = given
                self.sources[param.name] = f"--{option.item or option.option}"
                if isinstance(given, list) and given and isinstance(given[0], _Given):
                    self.texts[param.name] = [item.text for item in given]
            listed = getattr(self.args, f"json:{param.name}", None)
            if listed is not None:
                values[param.name] = listed
                self.sources[param.name] = f"--{option.option}"
        text = getattr(self.args, "cli:input", None)
        if text is not None:
            for name, value in self.input_json(op, text).items():
                if name not in values:
                    values[name] = value
                    self.sources[name] = "--cli-input-json"
        return values

    def input_json(self, op: Operation, text: str) -> dict[str, Any]:
        """``--cli-input-json``: a JSON object of parameters, by wire or Python name."""
        import json

        where = "argument --cli-input-json"
        try:
            if text == "-":
                text = sys.stdin.read()
            elif text.startswith("file://"):
                path = os.path.expanduser(text[len("file://") :])
                with open(path, encoding="utf-8") as file:
                    text = file.read()
            data = json.loads(text)
        except OSError as exc:
            self.usage(f"{where}: cannot read {exc.filename}: {exc.strerror}")
        except (ValueError, RecursionError) as exc:
            self.usage(f"{where}: not valid JSON: {exc}")
        if not isinstance(data, dict):
            self.usage(f"{where}: must be a JSON object of parameters")
        by_key = {key: p for p in op.params for key in (p.wire, p.name)}
        out: dict[str, Any] = {}
        for key, value in data.items():
            param = by_key.get(key)
            if param is None:
                names = ", ".join(p.wire for p in op.params)
                self.usage(f"{where}: unknown parameter {key!r}; the parameters are {names}")
            if param.name in out:
                self.usage(f"{where}: {param.wire} is given twice")
            try:
                out[param.name] = _from_json(param, value, param.name)
            except argparse.ArgumentTypeError as exc:
                self.usage(f"{where}: {exc}")
        return out

    def check(self, op: Operation, values: Mapping[str, object]) -> None:
        """Every rule of the action, by the request plan; a broken one is a usage error that
        names the option it came from."""
        from ._exceptions import ValidationError
        from ._serialize import plan

        try:
            plan(op).encode(values)
        except ValidationError as exc:
            self.usage(self.invalid(exc.parameter, exc.rule))

    def invalid(self, parameter: str, rule: str) -> str:
        """A usage error's text for a broken rule of ``parameter`` (a Python path such as
        ``backends[1].port``), naming the option the value came from."""
        top = parameter.split("[", 1)[0].split(".", 1)[0]
        option = next((o for o in self.command.options if o.name == top), None)
        if option is None:
            return f"{parameter}: {rule}"
        source = self.sources.get(top)
        if source is None:  # not given at all
            forms = [f"--{o}" for o in (option.item, option.option) if o]
            return f"argument {'/'.join(forms)}: {rule}"
        if parameter == top and source != "--cli-input-json":
            return f"argument {source}: {rule}"
        text = f"argument {source}: {parameter}: {rule}"
        typed = self.texts.get(top)
        if typed is not None and source == f"--{option.item}" and "[" in parameter:
            index = parameter.split("[", 1)[1].split("]", 1)[0]
            if index.isdigit() and int(index) < len(typed):
                text += f" (in {typed[int(index)]!r})"
        return text

    def usage(self, message: str) -> NoReturn:
        self.tool._usage(self.tool._parsers[self.command.name], message)

    # -- the call ------------------------------------------------------------------------------

    def client(self) -> Any:
        """A client with the credentials and region the CLI's places give (see
        ``_credentials``), the endpoint, the timeout and the CA bundle; errors in the words
        of the options."""
        import warnings

        from ._config import check_region
        from ._credentials import CLI, resolve
        from ._exceptions import ConfigurationError
        from .client import Client

        args = self.args
        warnings.showwarning = self.warning
        options: dict[str, Any] = {"endpoint": args.endpoint}
        if args.timeout is not None:
            options["timeout"] = args.timeout
        if args.ca_bundle is not None:
            if not os.path.isfile(args.ca_bundle):
                raise _Failure(
                    EXIT_CONFIGURATION,
                    f"configuration error: --ca-bundle: no such file: {args.ca_bundle}",
                    {"error": "ConfigurationError"},
                )
            options["verify"] = args.ca_bundle
        try:
            settings = resolve(
                secret_id=None, secret_key=None, token=None, region=args.region,
                profile=args.profile, wording=CLI,
            )  # fmt: skip
            region = check_region(settings.region, Client._service.regions, settings.region_source)
            creds = settings.credentials
            return Client(
                secret_id=creds.secret_id, secret_key=creds.secret_key, token=creds.token,
                region=region, **options,
            )  # fmt: skip
        except ConfigurationError as exc:
            text = _in_option_words(str(exc))
            raise _Failure(
                EXIT_CONFIGURATION, f"configuration error: {text}",
                {"error": type(exc).__name__, "message": text},
            ) from None  # fmt: skip

    def warning(self, message: Any, *_: Any, **__: Any) -> None:
        print(f"{self.tool.prog}: warning: {message}", file=sys.stderr)

    def call(self, client: Any, op: Operation, values: dict[str, Any], every: bool) -> int:
        from ._exceptions import BmlbError
        from ._operations import TASK

        args = self.args
        wait = op.task_id is not None and args.wait
        try:
            self.sent = True
            if every:
                page = _page_document(op, list(client._paginate(op, values)))
                print(_table(page)) if args.output == "table" else _print_json(page, compact=False)
                return EXIT_OK
            result = client._invoke(op, values)
            _log_answer(op.action, result.raw)
            self.show(result, compact=wait)
            self.sent = False
            if wait:
                self.task = getattr(result, op.task_id)  # type: ignore[arg-type]
                done = client.wait_for_task(self.task, timeout=args.wait_timeout)
                _log_answer(TASK.operation.action, done.raw)
                self.show(done, compact=True)
        except BmlbError as exc:
            raise self.failure(exc, op) from None
        return EXIT_OK

    def show(self, result: Any, *, compact: bool) -> None:
        output = self.args.output
        if output == "table":
            print(_table(result.to_dict(names=True)), flush=True)
        else:
            data = result.raw if output == "raw" else result.to_dict(names=True)
            _print_json(data, compact=compact)

    def failure(self, exc: BaseException, op: Operation) -> _Failure:
        """The exit status, text and fields of an error of the call."""
        from ._exceptions import (
            ApiError,
            ConfigurationError,
            ResponseError,
            TaskError,
            TaskFailedError,
            TaskTimeoutError,
            TransportError,
            ValidationError,
        )

        action = getattr(exc, "action", None) or op.action
        fields: dict[str, Any] = {"error": type(exc).__name__, "action": action}
        if isinstance(exc, ApiError):
            _log_answer(action, exc.response)
            fields.update(code=exc.code, codeDesc=exc.code_desc, message=exc.message)
            answered = exc.response if isinstance(exc.response, dict) else {}
            if answered.get("requestId") is not None:
                fields["requestId"] = answered["requestId"]
            lines = [
                f"{action}: the API answered an error",
                f"  code:     {exc.code}",
                f"  codeDesc: {exc.code_desc or '-'}",
                f"  message:  {exc.message or exc.description or '-'}",
            ]
            return _Failure(EXIT_API, "\n".join(lines), fields)
        if isinstance(exc, TaskError):
            task, started = exc.request_id, self.command.action
            fields.update(action=started, requestId=task)
            if isinstance(exc, TaskTimeoutError):
                status = getattr(exc.last_status, "name", exc.last_status)
                fields["status"] = status
                text = (
                    f"task {task} of {started} still {status} after --wait-timeout "
                    f"{self.args.wait_timeout:g} s; {self.follow(task)}"
                )
                return _Failure(EXIT_TASK_TIMEOUT, text, fields)
            code = EXIT_TASK_FAILED if isinstance(exc, TaskFailedError) else EXIT_UNEXPECTED
            return _Failure(code, f"task {task} of {started} failed", fields)
        if isinstance(exc, TransportError):
            fields["sent"] = exc.sent
            return _Failure(EXIT_TRANSPORT, f"transport error: {exc}", fields)
        if isinstance(exc, ResponseError):
            fields["httpStatus"] = exc.http_status
            return _Failure(EXIT_TRANSPORT, f"response error: {exc}", fields)
        if isinstance(exc, ValidationError):
            self.usage(self.invalid(exc.parameter, exc.rule))
        if isinstance(exc, ConfigurationError):
            text = _in_option_words(str(exc))
            return _Failure(EXIT_CONFIGURATION, f"configuration error: {text}", fields)
        return _Failure(EXIT_UNEXPECTED, f"{type(exc).__name__}: {exc}", fields)

    def follow(self, request_id: object) -> str:
        """How to look at a task again."""
        from ._operations import TASK

        task = next(c for c in self.tool.commands if c.action == TASK.operation.action)
        option = _option_of(task, TASK.request_param)
        return f"follow it with '{self.tool.prog} {task.name} --{option} {request_id}'"

    def interrupted(self) -> _Failure:
        """What an interrupt (Ctrl-C) leaves the user with."""
        fields: dict[str, Any] = {"error": "Interrupted"}
        if self.task is not None:
            fields["requestId"] = self.task
            text = (
                f"interrupted: task {self.task} goes on without this wait; {self.follow(self.task)}"
            )
        elif self.sent and not self.idempotent:
            text = "interrupted: the request may have reached the service and been carried out"
        else:
            text = "interrupted"
        return _Failure(EXIT_INTERRUPTED, text, fields)


# -- parameters as options ---------------------------------------------------------------------


def _param_options(group: Any, param: Scalar | Array, option: Option) -> str:
    """The options of one parameter (see the module's doc for what they check), and how the
    usage line shows them (in brackets when the parameter is optional)."""
    from ._shapes import Scalar, Struct

    if isinstance(param, Scalar):
        return _scalar_option(group, param, option)
    either = group.add_mutually_exclusive_group()
    if isinstance(param.item, Struct):
        item = _object_item_option(either, param, param.item, option)
    else:
        item = _scalar_item_option(either, param, param.item, option)
    return _usage_of(param.required, item, f"--{option.option} JSON")


def _scalar_option(group: Any, param: Scalar, option: Option) -> str:
    from ._validate import describe

    kwargs: dict[str, Any] = {
        "dest": f"param:{param.name}",
        "help": _escape(_help(option.help, describe(param), param.required)),
    }
    if param.kind == "Int":
        kwargs["type"] = _typed(_int, "int")
    if param.choices:
        kwargs["choices"] = param.choices
        value = "{" + ",".join(map(str, param.choices)) + "}"
    else:
        kwargs["metavar"] = value = param.name.upper().strip("_")
    group.add_argument(f"--{option.option}", **kwargs)
    shown = f"--{option.option} {value}"
    return shown if param.required else f"[{shown}]"


def _array_rules(param: Array, *more: str) -> str:
    from ._validate import items_rule

    return ", ".join(r for r in (items_rule(param.min_items, param.max_items), *more) if r)


def _json_option(either: Any, param: Array, option: Option, text: str) -> None:
    either.add_argument(
        f"--{option.option}", dest=f"json:{param.name}", metavar="JSON",
        type=_typed(lambda t: _json_list(param, t, option.item), "JSON"), help=_escape(text),
    )  # fmt: skip


def _object_item_option(either: Any, param: Array, item: Struct, option: Option) -> str | None:
    """An array of objects: ``--backend ID:PORT``, repeated (when the item has a syntax),
    and ``--backends JSON``; the item form for the usage line (None: JSON only)."""
    from ._shapes import Scalar
    from ._validate import describe

    by_name = {f.name: f for f in item.fields if isinstance(f, Scalar)}
    fields = [(by_name[name], metavar, text) for name, metavar, text in option.fields]
    metavars = {f.name: m for f, m, _ in fields}
    unique = param.unique if isinstance(param.unique, tuple) else ()
    once = f"each {', '.join(metavars[u] for u in unique)} at most once" if unique else ""
    about = _help(option.help, _array_rules(param, once), param.required)
    # Each field by its metavar in the item syntax, by its key where there is JSON only.
    parts = "; ".join(
        f"{m if option.item else f.wire}: {_help(t, describe(f), f.required)}" for f, m, t in fields
    )
    keys = ", ".join(f"{f.wire} (or {f.name})" if f.wire != f.name else f.wire
                     for f, _, _ in fields)  # fmt: skip
    if option.item is None:
        _json_option(
            either, param, option, f"{about} A JSON list of objects; {parts} (keys: {keys})"
        )
        return None
    metavar = _item_metavar(fields)
    either.add_argument(
        f"--{option.item}", dest=f"param:{param.name}", action="append", metavar=metavar,
        type=_typed(_ItemSyntax(fields), option.item),
        help=_escape(
            f"{about} One item per option, repeated; {parts}. A value holding ':' goes in "
            "brackets ([fe80::1])."
        ),
    )  # fmt: skip
    _json_option(
        either, param, option,
        f"instead of --{option.item}: every item as one JSON list of objects (keys: {keys})",
    )  # fmt: skip
    return f"--{option.item} {metavar} ..."


def _scalar_item_option(either: Any, param: Array, item: Scalar, option: Option) -> str:
    """An array of values: ``--listener-id ID``, repeated, and ``--listener-ids JSON``."""
    from ._validate import describe

    each = f"each {describe(item)}" if describe(item) else ""
    rule = _array_rules(param, each, "each value at most once" if param.unique else "")
    either.add_argument(
        f"--{option.item}", dest=f"param:{param.name}", action="append",
        type=_typed(_int, "int") if item.kind == "Int" else None,
        choices=item.choices or None, metavar=None if item.choices else "VALUE",
        help=_escape(f"{_help(option.help, rule, param.required)} One value per option, repeated."),
    )  # fmt: skip
    _json_option(either, param, option, f"instead of --{option.item}: every value as one JSON list")
    return f"--{option.item} VALUE ..."


def _wrapped_usage(prog: str, parts: list[str]) -> str:
    """The usage line, wrapped between its parts (never inside one); continued under the
    first part when the command's name leaves room, else indented a little."""
    import textwrap

    width = _width()
    head = len("usage: ") + len(prog) + 1
    indent = " " * (head if head <= 0.4 * width else 7)
    glued = [part.replace(" ", "\xa0") for part in parts]
    text = textwrap.fill(
        " ".join([prog, *glued]), width, initial_indent="usage: ", subsequent_indent=indent,
        break_on_hyphens=False, break_long_words=False,
    )  # fmt: skip
    return _escape(text[len("usage: ") :].replace("\xa0", " "))


def _usage_of(required: bool, item: str | None, listed: str) -> str:
    """An array's two forms in the usage line."""
    if item is None:
        return listed if required else f"[{listed}]"
    return f"({item} | {listed})" if required else f"[{item} | {listed}]"


def _item_metavar(fields: list[tuple[Scalar, str, str]]) -> str:
    """``INSTANCE_ID:PORT[:WEIGHT]``: the required fields, then the optional ones."""
    required = ":".join(m for f, m, _ in fields if f.required)
    optional = [m for f, m, _ in fields if not f.required]
    tail = "".join(f"[:{m}" for m in optional) + "]" * len(optional)
    return (required + tail) if required else tail.replace("[:", "[", 1)


class _Given(dict):  # type: ignore[type-arg]
    """An item as the item syntax gave it, with its text (for messages)."""

    text = ""


class _ItemSyntax:
    """``cpm-1:80`` -> ``{"instance_id": "cpm-1", "port": 80}``, by the fields' order.

    Values are split at ``:``; a value in brackets may hold ``:`` (``[fe80::1]:80``). When
    every field is required, the first takes any colons left over (an ID or an address
    before a port). An empty optional value is left out; Int values must be digits."""

    def __init__(self, fields: list[tuple[Scalar, str, str]]) -> None:
        self.fields = fields
        self.all_required = all(f.required for f, _, _ in fields)

    def __call__(self, text: str) -> _Given:
        parts = self.split(text)
        if parts is None or not self.count_ok(len(parts)) or self.missing(parts):
            hint = " (a value holding ':' goes in brackets: [fe80::1])" if "::" in text else ""
            raise argparse.ArgumentTypeError(
                f"must be {_item_metavar(self.fields)}, got {text!r}{hint}"
            )
        item = _Given()
        item.text = text
        for (field, metavar, _), part in zip(self.fields, parts, strict=False):
            if part == "" and not field.required:
                continue
            if field.kind == "Int":
                try:
                    item[field.name] = _int(part)
                except argparse.ArgumentTypeError as exc:
                    raise argparse.ArgumentTypeError(f"{metavar} {exc} (in {text!r})") from None
            else:
                item[field.name] = part
        return item

    def missing(self, parts: list[str]) -> bool:
        """Whether a required value is empty (``fe80::1:80``: an address out of brackets)."""
        return any(p == "" and f.required for (f, _, _), p in zip(self.fields, parts, strict=False))

    def count_ok(self, count: int) -> bool:
        least = sum(1 for f, _, _ in self.fields if f.required)
        return max(least, 1) <= count <= len(self.fields)

    def split(self, text: str) -> list[str] | None:
        if self.all_required and "[" not in text:
            # The first field takes whatever colons the others leave.
            return text.rsplit(":", len(self.fields) - 1)
        parts: list[str] = []
        rest = text
        while True:
            if rest.startswith("["):
                end = rest.find("]")
                if end < 0:
                    return None
                parts.append(rest[1:end])
                rest = rest[end + 1 :]
                if not rest:
                    return parts
                if not rest.startswith(":"):
                    return None
                rest = rest[1:]
            else:
                head, sep, rest = rest.partition(":")
                parts.append(head)
                if not sep:
                    return parts


def _int(text: str) -> int:
    """An Int option's value: digits, with an optional sign (the rules then check it)."""
    stripped = text.strip()
    digits = stripped[1:] if stripped[:1] in ("+", "-") else stripped
    if not (digits.isascii() and digits.isdigit()) or len(digits) > 20:
        raise argparse.ArgumentTypeError(f"must be an integer, got {text!r}")
    return int(stripped)


def _json_list(param: Array, text: str, item_option: str | None) -> list[Any]:
    """An array's JSON list option (one object alone stands for a list of it)."""
    import json

    from ._shapes import Struct

    hint = f" (one item at a time: --{item_option})" if item_option else ""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise argparse.ArgumentTypeError(f"not valid JSON: {exc}{hint}") from None
    if isinstance(data, dict) and isinstance(param.item, Struct):
        data = [data]
    if not isinstance(data, list):
        what = "objects" if isinstance(param.item, Struct) else "values"
        raise argparse.ArgumentTypeError(f"must be a JSON list of {what}, got {text[:60]!r}{hint}")
    value: list[Any] = _from_json(param, data, param.name)
    return value


def _from_json(shape: Scalar | Array | Struct, value: Any, path: str) -> Any:
    """A JSON value as the argument of ``shape``: an Int from a JSON integer or a string of
    digits, an item's keys by wire or Python name. Anything else is left as it is, for the
    rules to refuse with their own words."""
    from ._shapes import Array, Scalar

    if isinstance(shape, Scalar):
        if shape.kind == "Int" and isinstance(value, str):
            try:
                return _int(value)
            except argparse.ArgumentTypeError:
                return value
        return value
    if isinstance(shape, Array):
        if not isinstance(value, list):
            return value
        return [_from_json(shape.item, v, f"{path}[{i}]") for i, v in enumerate(value)]
    if not isinstance(value, dict):
        return value
    by_key = {key: f for f in shape.fields for key in (f.wire, f.name)}
    item: dict[str, Any] = {}
    for key, one in value.items():
        field = by_key.get(key)
        if field is None:
            item[key] = one  # the plan names it as unknown
            continue
        if field.name in item:
            raise argparse.ArgumentTypeError(f"{path}: {field.wire} is given twice")
        item[field.name] = _from_json(field, one, f"{path}.{field.name}")
    return item


def _skeleton(op: Operation) -> dict[str, Any]:
    """What ``--generate-cli-skeleton`` prints: every parameter by its API name, with a
    value of its kind (the first allowed value, where there are some)."""
    from ._shapes import Array, Scalar

    def blank(shape: Scalar | Array | Struct) -> Any:
        if isinstance(shape, Scalar):
            return shape.choices[0] if shape.choices else (0 if shape.kind == "Int" else "")
        if isinstance(shape, Array):
            return [blank(shape.item)]
        return {f.wire: blank(f) for f in shape.fields}

    return {p.wire: blank(p) for p in op.params}


def _option_of(command: Command, name: str) -> str:
    return next((o.option for o in command.options if o.name == name), name)


# -- what is printed -------------------------------------------------------------------------


def _print_json(data: Any, *, compact: bool) -> None:
    """JSON on stdout: indented, or one line (the documents of ``--wait``, one a line)."""
    import json

    indent = None if compact else 2
    print(json.dumps(data, ensure_ascii=False, indent=indent, default=str), flush=True)


def _page_document(op: Operation, items: list[Any]) -> dict[str, Any]:
    """What ``--all`` prints: the answer's shape, its items those of every page and its
    total their count."""
    from ._models import Model

    assert op.pages is not None
    _, _, total, name = op.pages
    shown = [
        i.to_dict(names=True) if isinstance(i, Model) else getattr(i, "name", i) for i in items
    ]
    return {total: len(shown), name: shown}


def _table(data: Mapping[str, Any]) -> str:
    """A result as text: ``key  value`` lines (nested objects as ``key.field``), then each
    list of objects as a table with a column per field."""
    pairs: list[tuple[str, str]] = []
    tables: list[tuple[str, list[Mapping[str, Any]]]] = []

    def walk(prefix: str, value: Any) -> None:
        if isinstance(value, dict):
            for key, one in value.items():
                walk(f"{prefix}.{key}" if prefix else key, one)
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            tables.append((prefix, value))
        elif isinstance(value, list):
            pairs.append((prefix, ", ".join(_cell(v) for v in value) or "-"))
        else:
            pairs.append((prefix, _cell(value)))

    walk("", data)
    width = max((len(k) for k, _ in pairs), default=0)
    lines = [f"{k.ljust(width)}  {v}" for k, v in pairs]
    for name, rows in tables:
        lines += ["", f"{name} ({len(rows)}):", *_grid(rows)]
    return "\n".join(lines).lstrip("\n")


def _grid(rows: list[Mapping[str, Any]]) -> Iterator[str]:
    columns: dict[str, None] = {}
    for row in rows:
        columns.update(dict.fromkeys(row))
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    widths = [max([len(c), *(len(r[i]) for r in cells)]) for i, c in enumerate(columns)]
    for line in [list(columns), *cells]:
        yield "  ".join(v.ljust(w) for v, w in zip(line, widths, strict=True)).rstrip()


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, (dict, list)):
        import json

        return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
    return str(value)


# -- small helpers -----------------------------------------------------------------------------


def _explicit_json(words: list[str]) -> bool:
    """Whether ``--output json`` is on the command line (the last ``--output`` counts)."""
    chosen = None
    for i, word in enumerate(words):
        if word == "--output" and i + 1 < len(words):
            chosen = words[i + 1]
        elif word.startswith("--output="):
            chosen = word.split("=", 1)[1]
    return chosen == "json"


def _in_option_words(text: str) -> str:
    """A runtime message that starts with a client argument (``verify: ...``) as the option
    that sets it says it (``--ca-bundle: ...``)."""
    head, sep, rest = text.partition(": ")
    option = _ARGUMENT_OPTIONS.get(head)
    return f"{option}: {rest}" if sep and option else text


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
