"""Generation: wall time, time per action and peak memory of ``python -m generator``.

    .venv/bin/python benchmarks/generation.py [--sizes 100,1000] [--stages]

For the real spec, and for synthetic specs of N actions written into a temp dir beside the
real service and error files. The synthetic actions are shaped like the pages of the corpus
(``../shared/reference/bmlb-docs``), in turn: a Describe with a scalar array, allowed values,
defaults and pagination whose answer is an array of objects nesting another array and an
object; a Bind with an array of objects with optional fields; a Modify of scalars; a deep
Describe (four levels, as DescribeBmBindInfo); a Get answering an object and an array of
strings. Every one has its example request and example answer, in block YAML as the spec
files are written.

Each generation runs in its own process, writing into a temp dir; wall time is measured
around it and peak memory is the child's ``ru_maxrss`` (``resource.getrusage
(RUSAGE_CHILDREN)``, fresh per measurement since each runs in its own short-lived measuring
process). Each size runs ``--rounds`` times (default 2), alternating the sizes, and keeps its
best (the VM has slow phases; see README.md).

``--stages`` times the steps in this process instead (load, package templates, docs, the
formatter): where the time goes. ``--no-scalar-arrays`` leaves the scalar array parameters
out, for package templates that do not render them.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _bench import ROOT, Row, print_rows, ratio_row

SPEC = ROOT / "spec"
TASK = "DescribeBmLoadBalancersTaskResult"


# -- synthetic actions ------------------------------------------------------------------------


def _text(what: str) -> dict[str, str]:
    return {"en": f"{what}.", "zh": f"{what}。"}


def _p(name: str, kind: str = "String", required: bool = False, **keys: Any) -> dict[str, Any]:
    return {"name": name, "type": kind, "required": required, **keys, "description": _text(name)}


def _r(name: str, kind: str = "String", **keys: Any) -> dict[str, Any]:
    return {"name": name, "type": kind, **keys, "description": _text(name)}


def _objects(name: str, fields: list[dict[str, Any]], **keys: Any) -> dict[str, Any]:
    return _r(name, "Array", items={"fields": fields}, **keys)


ID = {"maxLength": 64}
RS = [_r("instanceId"), _r("rsPort", "Int"), _r("weight", "Int", required=False)]


def describe(name: str) -> dict[str, Any]:
    listener = [
        _r("listenerId"), _r("listenerName"), _r("protocol", allowed=["tcp", "udp"]),
        _r("loadBalancerPort", "Int"), _r("bandwidth", "Int"), _r("sessionExpire", "Int"),
        _r("healthSwitch", "Int", allowed=[0, 1]), _r("timeOut", "Int"),
        _r("intervalTime", "Int"), _r("healthNum", "Int"), _r("unhealthNum", "Int"),
        _r("status", "Int"), _r("addTimestamp"), _objects("rsList", RS),
        _r("health", "Object", fields=[_r("healthy", "Int"), _r("checkedAt")]),
    ]  # fmt: skip
    item = {"listenerId": "lbl-1", "listenerName": "n", "protocol": "tcp",
            "loadBalancerPort": 80, "bandwidth": 0, "sessionExpire": 900, "healthSwitch": 1,
            "timeOut": 2, "intervalTime": 5, "healthNum": 3, "unhealthNum": 3, "status": 1,
            "addTimestamp": "2017-04-19 22:07:11",
            "rsList": [{"instanceId": "cpm-1", "rsPort": 80}],
            "health": {"healthy": 1, "checkedAt": "2017-04-19"}}  # fmt: skip
    return {
        "action": name, "summary": _text(name), "startsTask": False, "idempotent": True,
        "parameters": [
            _p("loadBalancerId", required=True, **ID),
            _p("listenerIds", "Array", maxItems=50, unique=True, items={"type": "String", **ID}),
            _p("protocol", enum=["tcp", "udp"], default="tcp"),
            _p("offset", "UInt", default=0), _p("limit", "UInt", range=[1, 100], default=20),
        ],
        "pagination": {"offset": "offset", "limit": "limit", "total": "totalCount",
                       "items": "listenerSet"},
        "errors": [9003, 9006, 11041],
        "response": [_r("totalCount", "Int"), _objects("listenerSet", listener)],
        "example": {"loadBalancerId": "lb-1", "listenerIds": ["lbl-1", "lbl-2"]},
        "exampleResponse": {"code": 0, "message": "", "codeDesc": "Success", "totalCount": 1,
                            "listenerSet": [item]},
    }  # fmt: skip


def bind(name: str) -> dict[str, Any]:
    fields = [
        _p("instanceId", required=True, **ID), _p("port", "Int", True, range=[1, 65535]),
        _p("weight", "Int", range=[0, 100], default=10),
    ]  # fmt: skip
    return {
        "action": name, "summary": _text(name), "startsTask": True, "idempotent": False,
        "parameters": [
            _p("loadBalancerId", required=True, **ID), _p("listenerId", required=True, **ID),
            _p("backends", "Array", True, minItems=1, maxItems=255,
               items={"name": "backend", "unique": ["instanceId", "port"], "fields": fields}),
        ],
        "errors": [9003, 9006, 11041, 12003, -21001, 30011],
        "response": [_r("requestId", "Int")],
        "example": {"loadBalancerId": "lb-1", "listenerId": "lbl-1",
                    "backends": [{"instanceId": "cpm-1", "port": 80, "weight": 10}]},
        "exampleResponse": {"code": 0, "message": "", "codeDesc": "Success", "requestId": 1},
    }  # fmt: skip


def modify(name: str) -> dict[str, Any]:
    return {
        "action": name, "summary": _text(name), "startsTask": True, "idempotent": True,
        "parameters": [
            _p("loadBalancerId", required=True, **ID), _p("listenerId", required=True, **ID),
            _p("listenerName", maxLength=50), _p("sessionExpire", "Int", range=[30, 3600]),
            _p("healthSwitch", "Int", enum=[0, 1], default=1),
            _p("scheduler", enum=["wrr", "wlc"], default="wrr"),
        ],
        "errors": [9003, 9006, 11041],
        "response": [_r("requestId", "Int")],
        "example": {"loadBalancerId": "lb-1", "listenerId": "lbl-1", "healthSwitch": 0},
        "exampleResponse": {"code": 0, "message": "", "codeDesc": "Success", "requestId": 1},
    }  # fmt: skip


def deep(name: str) -> dict[str, Any]:
    locations = [_r("url"), _r("locationId"), _objects("rsList", RS)]
    rules = [_r("domain"), _r("domainId"), _objects("locations", locations)]
    l7 = [_r("listenerId"), _r("protocol"), _r("loadBalancerPort", "Int"),
          _objects("ruleSet", rules)]  # fmt: skip
    l4 = [_r("listenerId"), _r("protocol"), _r("loadBalancerPort", "Int"), _objects("rsList", RS)]
    lbs = [_r("loadBalancerId"), _r("appId", "Int"), _r("vip"), _objects("L4ListenerSet", l4),
           _objects("L7ListenerSet", l7)]  # fmt: skip
    rs = [{"instanceId": "1.1.1.1", "rsPort": 80}]
    return {
        "action": name, "summary": _text(name), "startsTask": False, "idempotent": True,
        "parameters": [
            _p("vpcId", "Int"), _p("instanceIds", "Array", True, items={"type": "String"}),
        ],
        "errors": [9003, 9006],
        "response": [_objects("loadBalancerSet", lbs), _r("totalCount", "Int")],
        "example": {"instanceIds": ["1.1.1.1", "cpm-1"]},
        "exampleResponse": {"code": 0, "totalCount": 1, "loadBalancerSet": [{
            "loadBalancerId": "lb-1", "appId": 1, "vip": "10.0.0.1",
            "L4ListenerSet": [{"listenerId": "lbl-1", "protocol": "tcp", "loadBalancerPort": 80,
                               "rsList": rs}],
            "L7ListenerSet": [{"listenerId": "lbl-2", "protocol": "http", "loadBalancerPort": 80,
                               "ruleSet": [{"domain": "a.com", "domainId": "dm-1", "locations": [
                                   {"url": "/", "locationId": "loc-1", "rsList": rs}]}]}],
        }]},
    }  # fmt: skip


def get(name: str) -> dict[str, Any]:
    data = [_r("certId"), _r("certName"), _r("certType", allowed=["SVR", "CA"]),
            _r("certDomains", "Array", items={"type": "String"}), _r("expireTime")]  # fmt: skip
    return {
        "action": name, "summary": _text(name), "startsTask": False, "idempotent": True,
        "parameters": [_p("certId", required=True, **ID)],
        "errors": [9003],
        "response": [_r("data", "Object", fields=data)],
        "example": {"certId": "cert-1"},
        "exampleResponse": {"code": 0, "data": {"certId": "cert-1", "certName": "c",
                            "certType": "SVR", "certDomains": ["a.com"], "expireTime": "x"}},
    }  # fmt: skip


SHAPES = (("Describe", describe), ("Bind", bind), ("Modify", modify), ("DescribeDeep", deep),
          ("Get", get))  # fmt: skip


def to_yaml(value: Any, indent: int = 0) -> str:
    """Block YAML, as the spec files are written (strings JSON-quoted, which YAML reads)."""
    pad = " " * indent
    if isinstance(value, dict):
        lines = []
        for key, item in value.items():
            if isinstance(item, (dict, list)) and item:
                lines.append(f"{pad}{key}:\n{to_yaml(item, indent + 2)}")
            else:
                lines.append(f"{pad}{key}: {_scalar(item)}")
        return "\n".join(lines)
    if isinstance(value, list):
        lines = []
        for item in value:
            if isinstance(item, (dict, list)) and item:
                body = to_yaml(item, indent + 2)
                lines.append(f"{pad}- {body[indent + 2 :]}")
            else:
                lines.append(f"{pad}- {_scalar(item)}")
        return "\n".join(lines)
    return pad + _scalar(value)


def _scalar(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return "{}" if isinstance(value, dict) else "[]"
    return json.dumps(value, ensure_ascii=False)


def without_scalar_arrays(action: dict[str, Any]) -> dict[str, Any]:
    """``action`` without its scalar array parameters (and their example values)."""
    params = [
        p for p in action["parameters"] if not (p["type"] == "Array" and "type" in p["items"])
    ]
    names = {p["name"] for p in params}
    example = {k: v for k, v in action["example"].items() if k in names}
    return {**action, "parameters": params, "example": example}


def synthetic_spec(target: Path, actions: int, scalar_arrays: bool = True) -> Path:
    """The real service and errors, the task action, and ``actions`` synthetic actions."""
    (target / "actions").mkdir(parents=True)
    for rel in ("service.yaml", "errors.yaml", f"actions/{TASK}.yaml"):
        shutil.copy(SPEC / rel, target / rel)
    for i in range(actions - 1):
        kind, make = SHAPES[i % len(SHAPES)]
        name = f"{kind}BenchThings{i:04d}"
        action = make(name) if scalar_arrays else without_scalar_arrays(make(name))
        (target / "actions" / f"{name}.yaml").write_text(to_yaml(action) + "\n", "utf-8")
    return target


# -- measuring --------------------------------------------------------------------------------

_MEASURE = """
import resource, subprocess, sys, time, json
started = time.perf_counter()
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
elapsed = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({"seconds": elapsed, "peak_mb": peak, "rc": done.returncode,
                  "err": done.stderr[-2000:]}))
"""


def generate(spec: Path, out: Path) -> dict[str, Any]:
    cmd = [sys.executable, "-c", _MEASURE, sys.executable, "-m", "generator",
           "--spec", str(spec), "--out", str(out)]  # fmt: skip
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=str(ROOT), check=True)
    result: dict[str, Any] = json.loads(done.stdout)
    shutil.rmtree(out, ignore_errors=True)
    return result


def run(
    quick: bool = False,
    sizes: tuple[int, ...] = (100, 1000),
    rounds: int = 2,
    scalar_arrays: bool = True,
) -> list[Row]:
    rows: list[Row] = []
    real = len(list((SPEC / "actions").glob("*.yaml")))
    best: dict[str, dict[str, Any]] = {}  # the fastest round; the highest peak of all rounds
    with tempfile.TemporaryDirectory(prefix="bmlb-gen-bench-") as tmp:
        root = Path(tmp)
        specs = {"real spec": (SPEC, real)}
        for n in sizes:
            specs[f"{n} actions"] = (synthetic_spec(root / f"spec{n}", n, scalar_arrays), n)
        for _ in range(1 if quick else rounds):
            for label, (spec, _count) in specs.items():
                result = generate(spec, root / "out")
                kept = best.setdefault(label, result)
                if result["rc"] == 0 and result["seconds"] < kept["seconds"]:
                    best[label] = {**result, "peak_mb": max(result["peak_mb"], kept["peak_mb"])}
                else:
                    kept["peak_mb"] = max(result["peak_mb"], kept["peak_mb"])
    per_action: dict[int, float] = {}
    for label, (_spec, count) in specs.items():
        result = best[label]
        if result["rc"] != 0:
            last = result["err"].strip().splitlines()[-1:] or ["?"]
            rows.append(Row("generation", f"{label}: failed", None, "s", note=last[0][:120]))
            continue
        seconds = result["seconds"]
        per_action[count] = seconds / count
        rows.append(Row("generation", f"{label}: wall", seconds, "s"))
        rows.append(Row("generation", f"{label}: per action", seconds / count * 1000, "ms"))
        rows.append(Row("generation", f"{label}: peak memory", result["peak_mb"], "MB"))
    big, small = max(sizes), min(sizes)
    for row in rows:
        if row.name == f"{big} actions: wall":
            row.ratio, row.baseline, row.target = row.value / 20.0, "20 s", "<= 1.00"  # type: ignore[operator]
        if row.name == f"{big} actions: peak memory":
            row.ratio, row.baseline, row.target = row.value / 300.0, "300 MB", "<= 1.00"  # type: ignore[operator]
    if big in per_action and small in per_action and big != small:
        row = ratio_row("generation", f"per action at {big} / at {small}", per_action[big], "s",
                        per_action[small], f"per action at {small}", "<= 1.50")  # fmt: skip
        row.value, row.unit = row.ratio, "×"
        rows.append(row)
    return rows


def stages(size: int, scalar_arrays: bool = True) -> list[Row]:
    """The steps of one generation of ``size`` synthetic actions, timed in this process."""
    sys.path.insert(0, str(ROOT))
    from generator import docsite, render
    from generator.loader import load

    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="bmlb-gen-stages-") as tmp:
        spec_dir = synthetic_spec(Path(tmp) / "spec", size, scalar_arrays)
        started = time.perf_counter()
        spec = load(spec_dir)
        rows.append(Row("generation", f"{size} actions: load", time.perf_counter() - started, "s"))
        env = render.environment()
        ctx: dict[str, Any] = {"spec": spec, "service": spec.service, "version": "0.0.0"}
        started = time.perf_counter()
        files: dict[str, str] = {}
        try:
            for name in ("__init__.py", "client.py", "async_client.py", "models.py",
                         "errors.py", "_operations.py", "cli.py"):  # fmt: skip
                files[name] = env.get_template(f"package/{name}.j2").render(ctx)
            rows.append(Row("generation", f"{size} actions: package templates",
                            time.perf_counter() - started, "s"))  # fmt: skip
        except Exception as exc:  # the package templates may not take every construct yet
            rows.append(Row("generation", f"{size} actions: package templates", None, "s",
                            note=f"failed: {type(exc).__name__}: {exc}"[:120]))  # fmt: skip
        started = time.perf_counter()
        docs = docsite.pages(env, spec, ctx, render.LANGS, has_testing=True)
        rows.append(Row("generation", f"{size} actions: docs", time.perf_counter() - started, "s"))
        started = time.perf_counter()
        render.format_python({**files, **docs})
        rows.append(Row("generation", f"{size} actions: formatter (what rendered)",
                        time.perf_counter() - started, "s"))  # fmt: skip
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="one round instead of --rounds")
    parser.add_argument("--sizes", default="100,1000")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--stages", action="store_true", help="time the steps in-process")
    parser.add_argument(
        "--no-scalar-arrays",
        action="store_true",
        help="leave the scalar array parameters out (for package templates that take none)",
    )
    args = parser.parse_args()
    sizes = tuple(int(s) for s in args.sizes.split(","))
    with_arrays = not args.no_scalar_arrays
    if args.stages:
        print_rows([row for size in sizes for row in stages(size, with_arrays)])
        return
    print_rows(run(args.quick, sizes, args.rounds, with_arrays))


if __name__ == "__main__":
    main()
