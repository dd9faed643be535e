"""Tencent's examples and the world they are about, for the checks that send every page's own
example request to the fake (``tests/fake/test_examples.py`` with our client,
``benchmarks/legacy_sdk.py`` with the official legacy SDK).

The examples are the spec's (``example:`` of each action file: wire names, arrays as lists).
The world is the seeds ``tests/fake/seeds/pages-l4.yaml`` and ``pages-l7.yaml`` (the pages use
``lbl-abcdefgh`` as a layer-4 and as a layer-7 listener) and their variants without bound
backends and without rules (the pages bind what they also unbind): each example is tried in
each world until one answers it with success. The clock is the examples' own (October 2017),
in which the pages' certificate is valid.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

from .specs import ROOT, SPEC

__all__ = ["CORPUS", "PAGES_TIME", "corpus_actions", "examples", "verdict", "worlds"]

SEEDS = ROOT / "tests" / "fake" / "seeds"
CORPUS = ROOT.parent / "shared" / "reference" / "bmlb-docs" / "pages"
#: The Timestamp of the pages' example requests: 2017-10-11 21:31:23 Beijing time.
PAGES_TIME = 1507728683
#: Common codes that are a fault of the fake or of the check, never an answer to accept:
#: parameters refused, signature, unknown key, clock or replay, no such action, not served.
REFUSED = {4000, 4100, 4104, 4500, 6100, 6200, 9003}


def corpus_actions() -> list[str]:
    """The actions of Tencent's pages (one ``<Action>.zh.md`` each)."""
    return sorted(p.name.split(".")[0] for p in CORPUS.glob("*.zh.md") if p.name[0] != "_")


def examples(spec: Path = SPEC) -> dict[str, dict[str, Any]]:
    """Each action's example request from the spec, by action."""
    out = {}
    for path in sorted((spec / "actions").glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        out[doc["action"]] = doc.get("example") or {}
    return out


def _strip(node: Any, key: str) -> None:
    if isinstance(node, dict):
        node.pop(key, None)
        for value in node.values():
            _strip(value, key)
    elif isinstance(node, list):
        for value in node:
            _strip(value, key)


def worlds() -> list[tuple[str, dict[str, Any]]]:
    """The worlds an example is tried in, in order: (name, seed)."""
    from qcloud_bmlb.testing import load_seed

    out = []
    for layer in ("l4", "l7"):
        seed = load_seed(SEEDS / f"pages-{layer}.yaml")
        out.append((f"pages-{layer}", seed))
        unbound = copy.deepcopy(seed)
        _strip(unbound, "backends")
        out.append((f"pages-{layer}, nothing bound", unbound))
        if layer == "l7":
            no_rules = copy.deepcopy(seed)
            _strip(no_rules, "domains")
            out.append((f"pages-{layer}, no rules", no_rules))
    return out


def verdict(code: int, documented: tuple[int, ...]) -> str:
    """How the check takes an answer's code: ``success``, ``documented`` (an error the
    action's page lists, or 5000 of the common ones: a resource that is not there) or
    ``FAILED``."""
    if code == 0:
        return "success"
    if code not in REFUSED and (code in documented or code == 5000):
        return "documented"
    return "FAILED"
