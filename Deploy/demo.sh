#!/usr/bin/env bash
# Runs a Waymark node with the fictional Ballymun sample directory on this machine:
# installs what it needs, builds, creates the node (once), starts it and prints its URLs.
# Stop it with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${WAYMARK_PORT:-8080}"
DATA="${WAYMARK_DEMO_DATA:-$PWD/.demo/ballymun}"
./Deploy/install-deps.sh
swift build -c release 2>&1 | tail -1
BIN="$(swift build -c release --show-bin-path)/waymark"
if [ ! -f "$DATA/waymark.sqlite" ]; then
    "$BIN" init --data "$DATA" --org "Ballymun Community Directory (sample)"
    "$BIN" import --data "$DATA" --sample
fi
"$BIN" serve --data "$DATA" --port "$PORT" &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; echo; echo "Stopped."' INT TERM EXIT
for _ in $(seq 1 50); do
    curl -fs "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break
    sleep 0.2
done
cat <<MSG

Waymark is running with the fictional Ballymun sample directory.
  Node:          http://127.0.0.1:$PORT/
  HSDS API:      http://127.0.0.1:$PORT/api/services
  Search:        http://127.0.0.1:$PORT/api/services?search=youth&facets=true
  Open now:      http://127.0.0.1:$PORT/api/services?open_now=true
  Near Ballymun: http://127.0.0.1:$PORT/api/services?postcode=D11&proximity=1000&sort=distance
  From a terminal: $BIN search --data $DATA "parent toddler" --free
Press Ctrl-C to stop.
MSG
wait $pid
