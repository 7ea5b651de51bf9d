"""Bytes per directory field update: Waymark's signed envelopes against pycrdt (Yjs) doing the same updates.

Reads the updates `waymark-bench updates --updates-out FILE` wrote (the sample directory's rows, then
200 changes of one service's description), replays them on a Yjs document that holds the same rows
(one Y.Map per row, in a root map), and prints both sides and their ratio.
"""
from __future__ import annotations

import json
import sys

import pycrdt


def main(path: str) -> None:
    data = json.load(open(path))
    doc = pycrdt.Doc()
    root = doc.get("directory", type=pycrdt.Map)
    maps: dict[str, pycrdt.Map] = {}
    with doc.transaction():
        for row in data["rows"]:
            key = f'{row["table"]}/{row["id"]}'
            fields = {k: (v if isinstance(v, str) else json.dumps(v)) for k, v in row["fields"].items()}
            root[key] = pycrdt.Map(fields)
    for key in root.keys():
        maps[key] = root[key]
    update_bytes = 0
    session_bytes = 0
    for u in data["updates"]:
        before = doc.get_state()
        maps[f'service/{u["id"]}'][u["field"]] = u["value"]
        update = doc.get_update(before)
        update_bytes += len(update)
        # A y-sync exchange: the receiver's state vector out, the missing update back.
        session_bytes += len(before) + len(update)
    n = len(data["updates"])
    yjs_update = update_bytes / n
    yjs_session = session_bytes / n
    wm_update = data["waymark_envelope_bytes_per_update"]
    wm_session = data["waymark_session_bytes_per_update"]
    print(f"== bytes per field update, side by side ({n} updates of a service's description; pycrdt {pycrdt.__version__ if hasattr(pycrdt, '__version__') else ''})")
    print(f"  {'':38} {'Waymark':>9} {'pycrdt':>9} {'ratio':>7}")
    print(f"  {'one update (signed envelope / Yjs update)':38} {wm_update:9.0f} {yjs_update:9.0f} {wm_update / yjs_update:6.1f}x")
    print(f"  {'one update over a sync exchange':38} {wm_session:9.0f} {yjs_session:9.0f} {wm_session / yjs_session:6.1f}x")
    print("  Waymark sends the whole row, signed (Ed25519 signature, author key, dependencies, clock);")
    print("  a Yjs update carries only the changed value and is not signed.")


if __name__ == "__main__":
    main(sys.argv[1])
