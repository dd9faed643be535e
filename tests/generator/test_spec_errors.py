"""Spec errors: each bad spec is refused with its exact ``file:line:column`` and nothing is written.

Every case copies ``spec/`` to a temporary folder, rewrites one file with YAML text written
here (so the line and column numbers are known), and runs ``python -m generator`` on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.loader import Problem, SpecError, load

from ..support import SPEC, SpecCopy, run_generator

ACTION = "ModifyBmL4ListenerBackendProbePort"

# A small, valid version of one action file. Line numbers are given on the right.
BASE_ACTION = """\
action: ModifyBmL4ListenerBackendProbePort
summary:
  en: "Modify the probe port."
  zh: "修改探测端口。"
startsTask: true
parameters:
  - name: loadBalancerId
    type: String
    required: true
    maxLength: 64
    description:
      en: "ID of the load balancer."
      zh: "负载均衡实例ID。"
  - name: probePort
    type: Int
    required: true
    range: [1, 65535]
    description:
      en: "New probe port."
      zh: "新的探测端口。"
errors: [9003, 11041]
response:
  - name: requestId
    type: Int
    description:
      en: "Task ID."
      zh: "任务ID。"
example:
  loadBalancerId: lb-abcdefgh
  probePort: 12345
idempotent: true
"""
#  1 action            11 description        21 errors
#  2 summary           12 en                 22 response
#  3 en                13 zh                 23 - name: requestId
#  4 zh                14 - name: probePort  24 type
#  5 startsTask        15 type: Int          25 description
#  6 parameters        16 required           26 en
#  7 - name: lbId      17 range              27 zh
#  8 type: String      18 description        28 example
#  9 required          19 en                 29 loadBalancerId
# 10 maxLength         20 zh                 30 probePort


def replace_line(text: str, number: int, new: str | None) -> str:
    """``text`` with its line ``number`` (1-based) replaced by ``new`` (None deletes it)."""
    lines = text.splitlines()
    assert 1 <= number <= len(lines)
    if new is None:
        del lines[number - 1]
    else:
        lines[number - 1 : number] = new.split("\n")
    return "\n".join(lines) + "\n"


def insert_after(text: str, number: int, new: str) -> str:
    lines = text.splitlines()
    lines[number:number] = new.split("\n")
    return "\n".join(lines) + "\n"


def test_base_action_is_valid(tmp_path: Path) -> None:
    """The cases below are each one edit away from a valid spec."""
    spec = copy_spec(tmp_path)
    (spec / "actions" / f"{ACTION}.yaml").write_text(BASE_ACTION, encoding="utf-8")
    loaded = load(spec)
    action = next(a for a in loaded.actions if a.name == ACTION)
    assert [p.wire for p in action.params] == ["loadBalancerId", "probePort"]
    assert [e.code for e in action.errors] == [9003, 11041]


def errors_yaml_with_duplicate() -> tuple[str, int, int]:
    """errors.yaml with a second entry for code 9006 appended; (text, its line, first line)."""
    text = (SPEC / "errors.yaml").read_text(encoding="utf-8")
    if not text.endswith("\n"):
        text += "\n"
    lines = text.splitlines()
    first = lines.index("  - code: 9006") + 1
    added_at = len(lines) + 1
    text += (
        "  - code: 9006\n"
        "    codeDesc: InternalError.SomethingElse\n"
        "    codeDescSource: ours\n"
        "    scope: module\n"
        "    retryable: false\n"
        "    description:\n"
        '      en: "Again 9006."\n'
        '      zh: "又是 9006。"\n'
    )
    return text, added_at, first


@dataclass(frozen=True)
class Case:
    id: str
    file: str  # relative to the spec folder
    text: str
    line: int
    column: int
    fragment: str


def _cases() -> list[Case]:
    action_file = f"actions/{ACTION}.yaml"
    dup_errors, dup_line, dup_first = errors_yaml_with_duplicate()
    task_file = "actions/DescribeBmLoadBalancersTaskResult.yaml"
    task_text = (SPEC / task_file).read_text(encoding="utf-8")
    value_line = task_text.splitlines().index("        - value: 2") + 1
    return [
        Case(
            "unknown-key",
            action_file,
            insert_after(BASE_ACTION, 9, "    colour: red"),
            10,
            5,
            "unknown key 'colour' in parameters[0]",
        ),
        Case(
            "missing-type",
            action_file,
            replace_line(BASE_ACTION, 8, None),
            7,
            5,
            "parameters[0] is missing the key 'type'",
        ),
        Case(
            "wrong-type",
            action_file,
            replace_line(BASE_ACTION, 9, '    required: "yes"'),
            9,
            15,
            "parameters[0].required must be true or false, got the string 'yes'",
        ),
        Case(
            "bad-range",
            action_file,
            replace_line(BASE_ACTION, 17, "    range: [10, 1]"),
            17,
            12,
            "parameters[1].range must be [low, high] integers with low <= high",
        ),
        Case(
            "range-on-string",
            action_file,
            replace_line(BASE_ACTION, 10, "    range: [1, 5]"),
            10,
            5,
            "parameters[0]: 'range' does not apply to a String",
        ),
        Case(
            "duplicate-error-code",
            "errors.yaml",
            dup_errors,
            dup_line,
            5,
            f"duplicate code 9006, first at line {dup_first}",
        ),
        Case(
            "unknown-error-code",
            action_file,
            replace_line(BASE_ACTION, 21, "errors: [9003, 77777]"),
            21,
            16,
            "errors[1]: code 77777 is not in errors.yaml",
        ),
        Case(
            "python-name-clash",
            action_file,
            insert_after(
                BASE_ACTION,
                20,
                "  - name: fooBar\n"
                "    type: Int\n"
                "    required: false\n"
                '    description: {en: "a", zh: "甲"}\n'
                "  - name: foo_bar\n"
                "    type: Int\n"
                "    required: false\n"
                '    description: {en: "b", zh: "乙"}',
            ),
            25,
            5,
            "parameters 'fooBar' and 'foo_bar' both become the Python name 'foo_bar'",
        ),
        Case(
            "invalid-yaml",
            action_file,
            replace_line(BASE_ACTION, 5, "startsTask: true: false"),
            5,
            17,
            "invalid YAML: mapping values are not allowed",
        ),
        Case(
            "duplicate-yaml-key",
            action_file,
            insert_after(BASE_ACTION, 5, "startsTask: false"),
            6,
            1,
            'invalid YAML: found duplicate key "startsTask"',
        ),
        Case(
            "action-name-mismatch",
            action_file,
            replace_line(BASE_ACTION, 1, "action: ModifySomethingElse"),
            1,
            9,
            f"action 'ModifySomethingElse' must match the file name '{ACTION}'",
        ),
        Case("empty-file", action_file, "", 1, 1, "the file is empty"),
        Case(
            "enum-repeated-value",
            task_file,
            replace_line(task_text, value_line, "        - value: 1"),
            value_line,
            11,
            "response[0].enum.values[2]: value 1 or name 'running' is used twice",
        ),
    ]


CASES = _cases()


def copy_spec(tmp_path: Path, name: str = "spec") -> Path:
    return SpecCopy(tmp_path, name).path


def problem_lines(stderr: str) -> list[str]:
    """The ``file:line:column: message`` lines of the generator's stderr."""
    return [line for line in stderr.splitlines() if not line.endswith("nothing written")]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_cli_reports_spec_error_with_position(tmp_path: Path, case: Case) -> None:
    spec = copy_spec(tmp_path)
    (spec / case.file).write_text(case.text, encoding="utf-8")
    out = tmp_path / "out"

    done = run_generator("--spec", spec, "--out", out)

    assert done.returncode == 1, done.stdout + done.stderr
    prefix = f"spec/{case.file}:{case.line}:{case.column}: "
    lines = problem_lines(done.stderr)
    matching = [line for line in lines if line.startswith(prefix) and case.fragment in line]
    assert matching, f"expected {prefix}...{case.fragment}... in:\n{done.stderr}"
    assert done.stderr.rstrip().endswith("problem(s) in the spec; nothing written")
    assert not out.exists()
    assert list(tmp_path.glob(".out*")) == []


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_loader_reports_spec_error_with_position(tmp_path: Path, case: Case) -> None:
    spec = copy_spec(tmp_path, "myspec")
    (spec / case.file).write_text(case.text, encoding="utf-8")
    with pytest.raises(SpecError) as info:
        load(spec)
    wanted = [
        p
        for p in info.value.problems
        if (p.file, p.line, p.column) == (f"myspec/{case.file}", case.line, case.column)
        and case.fragment in p.message
    ]
    assert wanted, "\n".join(map(str, info.value.problems))
    # The spec folder's own name is what the problems show.
    assert all(p.file.startswith("myspec/") for p in info.value.problems)


def test_spec_error_leaves_existing_out_dir_untouched(tmp_path: Path) -> None:
    spec = copy_spec(tmp_path)
    out = tmp_path / "out"
    (out / "qcloud_bmlb").mkdir(parents=True)
    (out / "qcloud_bmlb" / "client.py").write_bytes(b"# old\n")
    (out / "keep.txt").write_bytes(b"keep")
    before = snapshot(out)
    case = next(c for c in CASES if c.id == "wrong-type")
    (spec / case.file).write_text(case.text, encoding="utf-8")

    done = run_generator("--spec", spec, "--out", out)

    assert done.returncode == 1
    assert snapshot(out) == before
    assert list(tmp_path.glob(".out*")) == []


def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    return {
        p.relative_to(root).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_several_problems_are_reported_together(tmp_path: Path) -> None:
    """One run reports every problem of every file, sorted by file and position."""
    spec = copy_spec(tmp_path)
    by_id = {c.id: c for c in CASES}
    # Two problems in one action file, one in errors.yaml, one in another action file.
    two = replace_line(
        replace_line(BASE_ACTION, 17, "    range: [10, 1]"), 9, '    required: "yes"'
    )
    (spec / "actions" / f"{ACTION}.yaml").write_text(two, encoding="utf-8")
    (spec / "errors.yaml").write_text(by_id["duplicate-error-code"].text, encoding="utf-8")
    enum_case = by_id["enum-repeated-value"]
    (spec / enum_case.file).write_text(enum_case.text, encoding="utf-8")
    (spec / "actions" / "Broken.yaml").write_text("action: [unclosed\n", encoding="utf-8")

    with pytest.raises(SpecError) as info:
        load(spec)

    problems = info.value.problems
    positions = [(p.file, p.line, p.column) for p in problems]
    dup = by_id["duplicate-error-code"]
    expected = [
        ("spec/actions/Broken.yaml", 2, 1),
        ("spec/actions/DescribeBmLoadBalancersTaskResult.yaml", enum_case.line, 11),
        (f"spec/actions/{ACTION}.yaml", 9, 15),
        (f"spec/actions/{ACTION}.yaml", 17, 12),
        ("spec/errors.yaml", dup.line, dup.column),
    ]
    shown = "\n".join(map(str, problems))
    assert all(pos in positions for pos in expected), shown
    # Reported sorted by file, then position.
    assert positions == sorted(positions), shown
    assert (
        problems[0].message.startswith("invalid YAML: ") and "',' or ']'" in problems[0].message
    ), shown
    assert str(info.value) == shown
    bad_required = problems[positions.index((f"spec/actions/{ACTION}.yaml", 9, 15))]
    assert str(bad_required) == (
        f"spec/actions/{ACTION}.yaml:9:15: "
        "parameters[0].required must be true or false, got the string 'yes'"
    )


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_one_mistake_gives_one_problem(tmp_path: Path, case: Case) -> None:
    """A single mistake must not bring follow-on problems that are not true.

    (E.g. a parameter with a bad ``required`` is in the file, so its example value is not
    "not a parameter of this action"; an action file with a bad enum exists, so the service's
    taskAction does not "have no action file".)
    """
    spec = copy_spec(tmp_path)
    (spec / case.file).write_text(case.text, encoding="utf-8")
    with pytest.raises(SpecError) as info:
        load(spec)
    assert [(p.line, p.column) for p in info.value.problems] == [(case.line, case.column)], (
        "\n".join(map(str, info.value.problems))
    )


def test_problem_str_format() -> None:
    assert str(Problem("spec/a.yaml", 3, 7, "bad")) == "spec/a.yaml:3:7: bad"
