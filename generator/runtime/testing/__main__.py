"""``python -m qcloud_bmlb.testing serve``: run a fake BM load balancer until stopped."""

from __future__ import annotations

import argparse
import json
import sys
import threading

from . import DEFAULT_SEED
from ._server import FakeBmlb, load_seed


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
    serve.add_argument("--region", default="ap-guangzhou")
    args = parser.parse_args(argv)
    try:
        seed = load_seed(args.seed) if args.seed else DEFAULT_SEED
        fake = FakeBmlb(
            secret_id=args.secret_id, secret_key=args.secret_key, region=args.region,
            port=args.port, seed=seed,
        )  # fmt: skip
    except (OSError, ValueError, KeyError, TypeError) as exc:
        print(f"cannot start: {exc}", file=sys.stderr)
        return 2
    with fake:
        print(f"fake BM load balancer at {fake.endpoint}")
        print(f"  TENCENTCLOUD_SECRET_ID={fake.secret_id}")
        print(f"  TENCENTCLOUD_SECRET_KEY={fake.secret_key}")
        print(f"  TENCENTCLOUD_REGION={fake.region}")
        print(f"  state: {json.dumps(fake.snapshot())}")
        print("Ctrl-C stops it.", flush=True)
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
