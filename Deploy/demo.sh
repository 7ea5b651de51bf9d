#!/usr/bin/env bash
# Runs a local Waymark federation with the fictional Ballymun sample directory on this machine:
# installs what it needs, builds, creates one node per organisation group (once), splits the
# sample between them by publishing organisation, peers them, waits until every node shows every
# service, and prints the URLs. Ctrl-C stops every node.
#
#   WAYMARK_NODES  how many nodes (default 5)
#   WAYMARK_PORT   the first node's port (default 8080; the others follow)
set -euo pipefail
cd "$(dirname "$0")/.."
NODES="${WAYMARK_NODES:-5}"
PORT="${WAYMARK_PORT:-8080}"
DATA="${WAYMARK_DEMO_DATA:-$PWD/.demo/federation}"
./Deploy/install-deps.sh
swift build -c release 2>&1 | tail -1
BIN="$(swift build -c release --show-bin-path)/waymark"

pids=()
stop_all() {
    trap - INT TERM EXIT
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    echo
    echo "Stopped all $NODES nodes."
    exit "${1:-0}"
}
trap 'stop_all 130' INT TERM
trap 'stop_all $?' EXIT

fresh=0
for k in $(seq 1 "$NODES"); do
    dir="$DATA/node$k"
    if [ ! -f "$dir/waymark.sqlite" ]; then
        fresh=1
        # Node 1 founds the federation; the others are admitted by its admin below.
        found=""; [ "$k" = 1 ] && found="--found"
        "$BIN" init --data "$dir" --org "Ballymun sample node $k of $NODES" $found >/dev/null
        "$BIN" import --data "$dir" --sample --sample-part "$k/$NODES" | head -1 | sed "s/^/node $k: /"
    fi
    # Sample staff accounts (demo passwords, printed below): an admin, a caseworker and a local
    # champion on every node (kept if they already exist).
    users="$("$BIN" user list --data "$dir")"
    if ! grep -q '^admin ' <<<"$users"; then
        echo "demo-admin-$k" | "$BIN" user add --data "$dir" --username admin --name "Sample Admin $k" --role admin --password-stdin >/dev/null
        echo "demo-caseworker-$k" | "$BIN" user add --data "$dir" --username caseworker --name "Sample Caseworker $k" --role caseworker --password-stdin >/dev/null
    fi
    if ! grep -q '^champion ' <<<"$users"; then
        echo "demo-champion-$k" | "$BIN" user add --data "$dir" --username champion --name "Sample Champion $k" --role champion --password-stdin >/dev/null
    fi
    # The hub's node (node 4 of 5) has a planner, who signs in to the hub's own pages only.
    if [ "$NODES" -ge 5 ] && [ "$k" = 4 ] && ! grep -q '^planner ' <<<"$users"; then
        echo "demo-planner-$k" | "$BIN" user add --data "$dir" --username planner --name "Sample Planner" --role planner --password-stdin >/dev/null
    fi
done
# A real SMTP server for the staff's email notifications (aiosmtpd, installed by install-deps.sh):
# every email the nodes send lands in one Maildir, readable with any mail reader or `cat`.
SMTP_PORT=$((PORT + 50))
mkdir -p "$DATA/mail"
python3 -m aiosmtpd -n -l "127.0.0.1:$SMTP_PORT" -c aiosmtpd.handlers.Mailbox "$DATA/mail/maildir" >"$DATA/mail/smtpd.log" 2>&1 &
pids+=($!)
for k in $(seq 1 "$NODES"); do
    "$BIN" serve --data "$DATA/node$k" --port $((PORT + k - 1)) --sync-interval 2 \
        --smtp "127.0.0.1:$SMTP_PORT" --mail-from "waymark@node$k.demo.example" --notify-interval 5 >"$DATA/node$k.log" 2>&1 &
    pids+=($!)
done
for k in $(seq 1 "$NODES"); do
    up=0
    for _ in $(seq 1 100); do
        curl -fs "http://127.0.0.1:$((PORT + k - 1))/health" >/dev/null 2>&1 && { up=1; break; }
        sleep 0.2
    done
    if [ "$up" = 0 ]; then
        echo "node $k did not start on port $((PORT + k - 1)); its log:" >&2
        tail -20 "$DATA/node$k.log" >&2
        exit 1
    fi
done
# Membership: node 1's admin vouches for each other node after checking its fingerprint (here read
# from `waymark info`; between organisations it is read out over the phone), and each node joins with
# node 1's invite. Done again on every start for nodes not yet admitted, so an interrupted first run
# still ends up as one federation.
members="$("$BIN" member list --data "$DATA/node1")"
invite="$("$BIN" invite --data "$DATA/node1")"
for k in $(seq 2 "$NODES"); do
    fp="$("$BIN" info --data "$DATA/node$k" | sed -n 's/^fingerprint: *//p')"
    if ! grep -q "^$fp " <<<"$members"; then
        # Node 4 is the district's hub and node 5 its helper: the founder names them by their roles.
        roles=()
        [ "$k" = 4 ] && roles=(--role hub)
        [ "$k" = 5 ] && roles=(--role helper)
        "$BIN" member add --data "$DATA/node1" "http://127.0.0.1:$((PORT + k - 1))" --fingerprint "$fp" "${roles[@]}" | head -1 | sed "s/^/node 1: /"
    fi
    if [ "$("$BIN" peer list --data "$DATA/node$k" 2>/dev/null | grep -c '\[admin\]')" = 0 ] || [ "$fresh" = 1 ]; then
        "$BIN" peer add --data "$DATA/node$k" "$invite" | head -1 | sed "s/^/node $k: /"
    fi
done
total() { curl -fs "http://127.0.0.1:$1/api/services?per_page=1" | sed -n 's/.*"total_items":\([0-9]*\).*/\1/p'; }
echo "Waiting for every node to hold the whole directory..."
for _ in $(seq 1 120); do
    done_nodes=0
    for k in $(seq 1 "$NODES"); do [ "$(total $((PORT + k - 1)))" = "374" ] && done_nodes=$((done_nodes + 1)); done
    [ "$done_nodes" = "$NODES" ] && break
    sleep 1
done
# A sample client journey on node 1 (once it knows node 2): consent, a referral waiting in node 2's
# inbox, a goal with readings; kept if already there.
journey=""
if [ "$NODES" -ge 2 ]; then
    for _ in $(seq 1 30); do
        journey="$("$BIN" sample-journey --data "$DATA/node1" --partner "node 2 of" --receipt 2>/dev/null)" && break
        sleep 1
    done
fi
# The hub (Protocol/SPEC.md §12): node 4 is the hub and node 5 the helper. Every node gets a
# fictional caseload for this week (once a week: 300 clients, some referred to other nodes), answers
# the sample referrals the others sent it (accepted, declined, completed), and sends this week's
# figures as two sealed shares with their proof; the hub checks its share of each proof and sends
# the checks to the helper; the helper finishes them and answers once; the hub publishes at /hub.
# Kept if this week is already published.
hubpage=""
if [ "$NODES" -ge 5 ]; then
    week="$(date -u +%G-W%V)"
    weeknum="$(date -u +%G%V)"
    hubfp="$("$BIN" info --data "$DATA/node4" | sed -n 's/^fingerprint: *//p')"
    helperfp="$("$BIN" info --data "$DATA/node5" | sed -n 's/^fingerprint: *//p')"
    for k in $(seq 1 "$NODES"); do
        for _ in $(seq 1 30); do
            "$BIN" hub use --data "$DATA/node$k" --hub "$hubfp" --helper "$helperfp" >/dev/null 2>&1 && break
            sleep 1
        done
        if [ ! -f "$DATA/node$k/.sample-caseload-$week" ]; then
            "$BIN" sample-caseload --data "$DATA/node$k" --clients 300 --seed "$((weeknum * 10 + k))" >/dev/null && touch "$DATA/node$k/.sample-caseload-$week"
        fi
    done
    echo "Answering this week's sample referrals on each node..."
    sleep 8  # a few sync intervals, so that the sample referrals reach the nodes they were sent to
    for k in $(seq 1 "$NODES"); do
        if [ ! -f "$DATA/node$k/.sample-answers-$week" ]; then
            "$BIN" sample-caseload --data "$DATA/node$k" --answer-received --seed "$k" >/dev/null && touch "$DATA/node$k/.sample-answers-$week"
        fi
        "$BIN" hub send --data "$DATA/node$k" --week "$week" >/dev/null 2>&1 || true
    done
    echo "Waiting for the hub's round (shares to the helper and the hub, the hub's checks, the helper's counts, the cells it opens)..."
    sleep 8  # a few sync intervals, so that every node's shares reach the hub and the helper
    # Every node's shares if they come within a minute (the check is once a week), else those here.
    checked=""
    for _ in $(seq 1 60); do
        out="$("$BIN" hub check --data "$DATA/node4" --week "$week" --at-least "$NODES" 2>&1)" && { checked=1; break; }
        grep -q "already sent the helper its checks" <<<"$out" && { checked=1; break; }
        sleep 1
    done
    [ -n "$checked" ] || "$BIN" hub check --data "$DATA/node4" --week "$week" >/dev/null 2>&1 || true
    # The helper answers with the counts of organisations; the hub asks it to open the cells from 3
    # organisations or more; the helper opens them; the hub releases. Each step once, each waiting
    # for the one before it to sync.
    for _ in $(seq 1 120); do
        "$BIN" hub answer --data "$DATA/node5" --week "$week" >/dev/null 2>&1 || true
        out="$("$BIN" hub release --data "$DATA/node4" --week "$week" 2>&1)" || true
        grep -q "^Released" <<<"$out" && { echo "hub: $out"; break; }
        grep -q "already released" <<<"$out" && break
        sleep 1
    done
    hubpage="http://127.0.0.1:$((PORT + 3))/hub   (node 4 is the hub, node 5 the helper; each node sent this week's figures from a fictional caseload)
                  planners sign in at http://127.0.0.1:$((PORT + 3))/staff as  planner / demo-planner-4  for the weeks, the round and the CSV"
fi
echo
echo "A local Waymark federation is running: $NODES organisation nodes, the fictional Ballymun sample split between them."
for k in $(seq 1 "$NODES"); do
    p=$((PORT + k - 1))
    echo "  node $k: http://127.0.0.1:$p/   ($(total $p) services; own data in $DATA/node$k; sync status http://127.0.0.1:$p/staff/sync as admin)"
done
cat <<MSG

  HSDS API:      http://127.0.0.1:$PORT/api/services?search=youth&facets=true
  District figures: ${hubpage:-not set up (the hub needs 5 nodes)}
  Metrics:       http://127.0.0.1:$PORT/metrics
  Staff sign-in:  http://127.0.0.1:<port>/staff  on node K as  admin / demo-admin-K  or  caseworker / demo-caseworker-K
                  (sample accounts; the audit log is at /staff/audit for admins)
                  or as  champion / demo-champion-K  (a local champion: Check listings, nothing else)
  Suggest a correction on any service page of node 1 for a listing node 2 publishes: node 2's admin
                  answers it at /staff/corrections; follow it on node 1 with the code at /suggestions.
  Sample journey: ${journey:-not added (it needs two nodes)}
                  Sign in on node 1 and open Clients → Róisín Sample; sign in on node 2 and answer her referral
                  (Referrals), record progress, and watch it appear on her journey on node 1.
  Her own record: http://127.0.0.1:$((PORT + 2))/me  (node 3, not her home) with the receipt code and date of birth
                  above: see who holds her record, stop sharing with node 2 and watch nodes 1 and 2 confirm,
                  share with another organisation, give her own view of her progress; once node 2 marks
                  her referral completed, answer "Did you get the help you needed?".
  Staff email:    at /staff/account ("Your account") give an address and tick what to be told of; the
                  emails land in $DATA/mail/maildir/new (a real SMTP server on port $SMTP_PORT)
  Edit on node 2 and watch it appear on node 1 within a sync interval:
    $BIN info --data $DATA/node2        (lists some services node 2 publishes)
    $BIN update --data $DATA/node2 --table service --id <ID of a node-2 service> --set name="Renamed"
Press Ctrl-C to stop every node.
MSG
wait
