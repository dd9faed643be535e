"""What tests of several stages share: a spec copied into a temporary folder and edited there,
the generator run on it, and the package it writes imported and probed in a fresh process."""

from .specs import (
    ROOT,
    SPEC,
    Generated,
    SpecCopy,
    probe,
    run_generator,
)

__all__ = ["ROOT", "SPEC", "Generated", "SpecCopy", "probe", "run_generator"]
