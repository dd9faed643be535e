"""``python -m qcloud_bmlb.testing serve``: run a fake BM load balancer until stopped.

It prints the endpoint and ``export`` lines that point a client made without arguments (ours,
or code of one's own that builds a ``Client()``) at it: the endpoint, the fake's key, and the
region of the seed's load balancers.
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys
import threading

from . import DEFAULT_SEED
from ._fake import FakeBmlb
from ._seeds import load_seed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m qcloud_bmlb.testing")
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="run a fake BM load balancer on 127.0.0.1")
    serve.add_argument("--port", type=int, default=0, help="port (default: any free one)")
    serve.add_argument("--seed", help="seed file, JSON or YAML (default: a small demo state)")
    serve.add_argument("--secret-id", help="key id to accept (default: a random one)")
    serve.add_argument(
        "--secret-key", help="key to accept (default: random; this is a fake, not a real key)"
    )
    serve.add_argument(
        "--region", help="the clients' region (default: the seed's, else ap-guangzhou)"
    )
    args = parser.parse_args(argv)
    try:
        seed = load_seed(args.seed) if args.seed else DEFAULT_SEED
        fake = FakeBmlb(
            secret_id=args.secret_id, secret_key=args.secret_key, region=args.region,
            port=args.port, seed=seed,
        )  # fmt: skip
    except (OSError, ValueError, ImportError) as exc:
        print(f"cannot start: {exc}", file=sys.stderr)
        return 2
    with fake:
        print(f"fake BM load balancer at {fake.endpoint}")
        for name, value in fake.environment().items():
            print(f"  export {name}={shlex.quote(value)}")
        state = fake.snapshot()
        elsewhere = sorted({lb["region"] for lb in state["load_balancers"]} - {fake.region})
        if elsewhere:
            print(f"  (load balancers in {', '.join(elsewhere)} too: set TENCENTCLOUD_REGION "
                  "to reach those)")  # fmt: skip
        print(f"  state: {json.dumps(state, ensure_ascii=False)}")
        print("Ctrl-C stops it.", flush=True)
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
