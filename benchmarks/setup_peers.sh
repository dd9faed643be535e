#!/usr/bin/env bash
# The official SDKs the benchmarks compare against, in their own venv (never the project's):
#   bash benchmarks/setup_peers.sh [DIR]        (default benchmarks/.peers, gitignored)
# - tencentcloud-sdk-python-common + -bmlb: the 3.0 SDK, its BM load balancer client only
#   (bmlb's last release; the full tencentcloud-sdk-python is what tccli pulls in)
# - qcloudapi-sdk-python: the legacy v2 SDK
# - tccli: the 3.0 command-line tool
# Each benchmark that needs a peer says "missing" when it is not installed, and still
# measures ours.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dir="${1:-$here/.peers}"
python="${PYTHON:-python3}"
"$python" -m venv "$dir"
"$dir/bin/python" -m pip install --quiet --upgrade pip
"$dir/bin/python" -m pip install --quiet \
    "tencentcloud-sdk-python-bmlb==3.0.1459" \
    "qcloudapi-sdk-python==2.0.15" \
    "tccli==3.1.189.1"
"$dir/bin/python" -m pip list 2>/dev/null | grep -iE 'tencentcloud|qcloudapi|tccli'
