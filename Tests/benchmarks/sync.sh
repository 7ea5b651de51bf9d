#!/usr/bin/env bash
# Sync benchmarks (not part of the test suite); prints figures, BENCHMARKS.md records them:
#   (1) ingest of signed envelopes into SQLite against the Ed25519 verify rate on all cores
#   (2) reconciliation bytes and round trips, 10k and 100k envelopes, 0/1/100/1000 differences
#   (3) bytes per directory field update against pycrdt (Yjs) doing the same updates
#   (4) anti-entropy rounds for 130 simulated nodes to converge
set -euo pipefail
cd "$(dirname "$0")/../.."
./Deploy/install-deps.sh
PIP_BREAK_SYSTEM_PACKAGES=1 python3 -m pip install -q --disable-pip-version-check pycrdt
swift build -c release --product waymark-bench 2>&1 | tail -1
BIN="$(swift build -c release --show-bin-path)/waymark-bench"
updates="$(mktemp)"
trap 'rm -f "$updates"' EXIT
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
"$BIN" all --updates-out "$updates"
python3 Tests/benchmarks/field_updates_pycrdt.py "$updates"
