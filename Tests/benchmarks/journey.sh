#!/usr/bin/env bash
# Journey CRM benchmarks (not part of the test suite); prints figures, BENCHMARKS.md records them:
#   sealing and opening private envelopes per record and per batch, and their ingest rate
#   (waymark-bench private), then the end-to-end time for a referral to reach the receiving node
#   and for its `received` to come back, between two real nodes on loopback.
set -euo pipefail
cd "$(dirname "$0")/../.."
./Deploy/install-deps.sh
swift build -c release 2>&1 | tail -1
BIN_DIR="$(swift build -c release --show-bin-path)"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
"$BIN_DIR/waymark-bench" private
python3 Tests/benchmarks/referral_latency.py "$BIN_DIR/waymark" "$@"
