#!/usr/bin/env bash
# The whole test suite: unit, store and API tests (swift test), then the HSDS conformance and
# integration tests against real `waymark` processes (pytest).
set -euo pipefail
cd "$(dirname "$0")/.."
./Deploy/install-deps.sh
swift build
swift test
export WAYMARK_BIN="$PWD/.build/debug/waymark"
# Two runs: each suite has its own conftest.py.
python3 -m pytest -q -p no:cacheprovider Tests/integration
python3 -m pytest -q -p no:cacheprovider Tests/browser
