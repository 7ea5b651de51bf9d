#!/usr/bin/env bash
# Benchmarks (not part of the test suite): prints figures; BENCHMARKS.md records them.
set -euo pipefail
cd "$(dirname "$0")/../.."
./Deploy/install-deps.sh
PIP_BREAK_SYSTEM_PACKAGES=1 python3 -m pip install -q --disable-pip-version-check datasette
swift build -c release 2>&1 | tail -1
python3 Tests/benchmarks/search_vs_datasette.py "$@"
