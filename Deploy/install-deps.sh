#!/usr/bin/env bash
# Installs what Waymark needs on a fresh Debian machine: system libraries, load tools and the
# Python packages used by the conformance tests and benchmarks. Safe to run again.
set -euo pipefail
need=(libsodium-dev libsqlite3-dev pkg-config wrk python3 python3-pip curl libjs-leaflet chromium chromium-driver faketime nginx-light openssl systemd)
missing=()
for p in "${need[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if ((${#missing[@]})); then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi
if ! command -v swift >/dev/null 2>&1; then
    echo "Swift 6 is needed (https://www.swift.org/install/linux/); it is not in Debian's packages." >&2
    exit 1
fi
here=$(cd "$(dirname "$0")/.." && pwd)
# Debian's own Python refuses pip installs outside a virtual environment unless told otherwise.
PIP_BREAK_SYSTEM_PACKAGES=1 python3 -m pip install -q --disable-pip-version-check -r "$here/Tests/integration/requirements.txt"
