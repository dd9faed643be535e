"""generator.naming: Python names and literals made from spec names and texts."""

from __future__ import annotations

import ast
import builtins
import inspect
import keyword
import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.naming import (
    constant,
    docstring,
    identifier,
    md_cell,
    pascal,
    pyrepr,
    result_class,
    snake,
    words,
)

# -- names ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("ModifyBmL4ListenerBackendPort", "modify_bm_l4_listener_backend_port"),
        ("DescribeBmLoadBalancersTaskResult", "describe_bm_load_balancers_task_result"),
        ("UnbindBmL4ListenerRs", "unbind_bm_l4_listener_rs"),
        ("loadBalancerId", "load_balancer_id"),
        ("requestId", "request_id"),
        ("probePort", "probe_port"),
        ("CCDBLBNotExist", "ccdblb_not_exist"),
        ("InvalidParameter.CCDBLBNotExist", "invalid_parameter_ccdblb_not_exist"),
        ("TGWAbnormal", "tgw_abnormal"),
        ("HTTPServerError", "http_server_error"),
        ("foo_bar", "foo_bar"),
        ("fooBar", "foo_bar"),
        ("port", "port"),
    ],
)
def test_snake(name: str, expected: str) -> None:
    assert snake(name) == expected


def test_words_keep_a_digit_with_its_letters() -> None:
    assert words("BmL4Listener") == ["Bm", "L4", "Listener"]
    assert words("loadBalancerId") == ["load", "Balancer", "Id"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("loadBalancerId", "load_balancer_id"),
        ("ModifyBmL4ListenerBackendPort", "modify_bm_l4_listener_backend_port"),
        # keywords and soft keywords
        ("class", "class_"),
        ("lambda", "lambda_"),
        ("import", "import_"),
        ("match", "match_"),
        ("case", "case_"),
        ("none", "none"),
        ("None", "none"),
        # builtins
        ("print", "print_"),
        ("type", "type_"),
        ("id", "id_"),
        ("list", "list_"),
        ("hash", "hash_"),
        # names the generated methods use themselves
        ("self", "self_"),
        ("cls", "cls_"),
        ("raw", "raw_"),
        # camelCase that becomes a builtin or a keyword only once snake-cased
        ("Input", "input_"),
        ("IsInstance", "is_instance"),
    ],
)
def test_identifier(name: str, expected: str) -> None:
    assert identifier(name) == expected
    assert expected.isidentifier()
    assert not keyword.iskeyword(expected)


@pytest.mark.parametrize("name", ["2fa", "9", "1stPort", "2FAEnabled", "0x"])
def test_identifier_with_leading_digit_is_valid(name: str) -> None:
    result = identifier(name)
    assert result.isidentifier(), result
    assert result.startswith("_"), result


def test_identifier_documented_example_2fa() -> None:
    """identifier's own docstring says ``2fa`` -> ``_2_fa``."""
    assert identifier("2fa") == "_2_fa"


@given(st.from_regex(r"\A[a-z][A-Za-z0-9_]{0,20}\Z"))
@settings(max_examples=300, deadline=None, database=None)
def test_identifier_of_any_wire_name_is_a_safe_identifier(name: str) -> None:
    result = identifier(name)
    assert result.isidentifier(), result
    assert not keyword.iskeyword(result) and not keyword.issoftkeyword(result)
    assert result not in dir(builtins)
    assert result not in {"self", "cls", "raw"}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("backend", "Backend"),
        ("taskStatus", "TaskStatus"),
        ("InvalidParameter.CCDBLBNotExist", "InvalidParameterCCDBLBNotExist"),
        ("InvalidParameter", "InvalidParameter"),
        ("InternalError.TGWAbnormal", "InternalErrorTGWAbnormal"),
        ("AuthFailure.UnauthorizedOperation", "AuthFailureUnauthorizedOperation"),
        ("InvalidParameter.Module", "InvalidParameterModule"),
        ("ModifyBmL4ListenerBackendPort", "ModifyBmL4ListenerBackendPort"),
        ("2fa", "_2fa"),
        ("none", "None_"),
        ("true", "True_"),
        ("exception", "Exception_"),
        ("", "_"),
    ],
)
def test_pascal(name: str, expected: str) -> None:
    assert pascal(name) == expected
    assert expected.isidentifier() and not keyword.iskeyword(expected)


@pytest.mark.parametrize(
    ("action", "expected"),
    [
        ("UnbindBmL4ListenerRs", "UnbindBmL4ListenerRsResult"),
        ("ModifyBmL4ListenerBackendPort", "ModifyBmL4ListenerBackendPortResult"),
        ("DescribeBmLoadBalancersTaskResult", "DescribeBmLoadBalancersTaskResult"),
    ],
)
def test_result_class(action: str, expected: str) -> None:
    assert result_class(action) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("ModifyBmL4ListenerBackendPort", "MODIFY_BM_L4_LISTENER_BACKEND_PORT"),
        ("DescribeBmLoadBalancersTaskResult", "DESCRIBE_BM_LOAD_BALANCERS_TASK_RESULT"),
        ("succeeded", "SUCCEEDED"),
        ("loadBalancerId", "LOAD_BALANCER_ID"),
        ("class", "CLASS"),
        ("CCDBLBNotExist", "CCDBLB_NOT_EXIST"),
    ],
)
def test_constant(name: str, expected: str) -> None:
    assert constant(name) == expected


@pytest.mark.parametrize("name", ["2fa", "1stPort"])
def test_constant_with_leading_digit_is_an_identifier(name: str) -> None:
    assert constant(name).isidentifier(), constant(name)


# -- literals -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value", ["a'b\"c", "中文 🚀", "\\", 0, -21001, 2**63 - 1, True, None, ["x", 1]]
)
def test_pyrepr_round_trips(value: object) -> None:
    assert ast.literal_eval(pyrepr(value)) == value


# Texts without \r (see test_docstring_with_carriage_return), NUL (a known-hard text below) and
# lone surrogates (no UTF-8 file can hold one); built from pieces that are hard for a literal
# (quotes, backslashes, line breaks, blanks) mixed with any other characters.
_CHARS = st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\x00")
NO_CR = st.lists(
    st.sampled_from(['"', "'", "\\", "\n", " ", "\t", "a", "中", "🚀", "{{", "%}", '"""'])
    | st.text(alphabet=_CHARS, max_size=5),
    max_size=20,
).map("".join)


@given(NO_CR)
@settings(max_examples=400, deadline=None, database=None)
def test_docstring_round_trips_any_text(text: str) -> None:
    """``docstring(t)`` is a literal whose value is ``t``, up to the documented normalisation:
    outer whitespace and trailing whitespace of each line (docstrings are prose)."""
    literal = docstring(text)
    assert _prose(ast.literal_eval(literal)) == _prose(text)


def _prose(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.strip().split("\n")).strip()


@pytest.mark.parametrize(
    "text",
    ['"""', 'ends with """', 'ends with \\"""', '""""', "a\n \nb", "a\n\t\nb", "nul \x00 byte"],
    ids=["only-triple-quote", "ends-triple-quote", "ends-backslash-triple-quote",
         "four-quotes", "space-only-line", "tab-only-line", "nul"],
)  # fmt: skip
def test_docstring_round_trips_known_hard_texts(text: str) -> None:
    literal = docstring(text)
    assert _prose(ast.literal_eval(literal)) == _prose(text)


@pytest.mark.parametrize(
    "text",
    [
        'Ends """ here',
        "'''",
        'trailing "',
        "back\\slash and \\n literal",
        "{{ x }} {% if %}",
        "中文 🚀",
        "two\nlines",
        "a\\",
        'x "" y ""',
        '""',
        '"',
    ],
)
@pytest.mark.parametrize("indent", [0, 4, 8])
def test_docstring_examples(text: str, indent: int) -> None:
    literal = docstring(text, indent)
    value = ast.literal_eval(literal)
    assert value.replace("\n" + " " * indent, "\n").strip() == text
    # As the real docstring of a function nested ``indent`` columns deep.
    depth = max(indent // 4, 1)
    src = "".join(" " * (4 * i) + f"def f{i}():\n" for i in range(depth))
    src += (" " * indent + literal if indent else "    " + literal) + "\n"
    ns: dict[str, object] = {}
    exec(compile(src, "<doc>", "exec"), ns)
    if depth == 1:
        doc = ns["f0"].__doc__  # type: ignore[attr-defined]
        assert inspect.cleandoc(doc) == inspect.cleandoc(value)


@pytest.mark.parametrize("indent", [0, 4])
def test_docstring_lead_indents_the_first_line(indent: int) -> None:
    assert docstring("x", indent, lead=True) == " " * indent + '"""x"""'
    assert docstring("x", indent) == '"""x"""'


@pytest.mark.parametrize("text", ["a\rb", "a\r\nb", "line\r"])
def test_docstring_with_carriage_return(text: str) -> None:
    """A ``\\r`` inside a text (YAML "\\r") must give a literal that keeps the text's meaning
    (\\r escaped or line ends normalised), not an error."""
    literal = docstring(text)
    value = ast.literal_eval(literal)
    assert value.strip() in (text.strip(), text.strip().replace("\r\n", "\n").replace("\r", "\n"))


# -- Markdown cells -------------------------------------------------------------------------


def unescaped_pipes(cell: str) -> int:
    """Pipes not escaped by an odd run of backslashes."""
    return len(re.findall(r"(?<!\\)(?:\\\\)*\|", cell))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a|b", "a\\|b"),
        ("two\nlines", "two<br>lines"),
        ("cr\rhere", "cr here"),
        ("a <b> c", "a &lt;b&gt; c"),
        ("back\\slash", "back\\\\slash"),
        ("\\|", "\\\\\\|"),
        ("中文 🚀", "中文 🚀"),
    ],
)
def test_md_cell(text: str, expected: str) -> None:
    assert md_cell(text) == expected


@given(st.text(max_size=80))
@example("a\\|b")
@example("x\r\ny")
@settings(max_examples=300, deadline=None, database=None)
def test_md_cell_stays_in_one_cell(text: str) -> None:
    cell = md_cell(text)
    assert "\n" not in cell and "\r" not in cell
    assert unescaped_pipes(cell) == 0, cell
    # A table row built from it keeps its three columns.
    assert unescaped_pipes(f"| a | {cell} | b |") == 4
