"""Partition and heal: how long a federation of real nodes takes to converge once a partition ends.

N `waymark serve` processes on loopback, each publishing a few services, all members (the first
founds the federation and vouches for the others by key; each joins with its invite and learns the
rest from node records). Every node is reached only through its own gate (a small HTTP-aware relay in
this script; each node advertises the gate's address with --public-url). While the partition holds,
a gate closes every connection whose signed sync request (`Waymark-Key`) comes from a node of the
other half, as an unreachable network would; both halves keep working and one node on each side
edits a service. The partition is healed and the script measures the seconds until every node
shows both edits. Prints figures only.

    python3 Tests/benchmarks/partition_heal.py --bin .build/release/waymark --nodes 5 --nodes 50 --partition 40 --partition 120
"""
from __future__ import annotations

import argparse
import asyncio
import json
import pathlib
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid

import requests

from initial_sync import run

SERVICES_PER_NODE = 2


_given: set[int] = set()


def free_port() -> int:
    """A free port not handed out before by this script (nodes and gates are given theirs before
    they all start listening, so the kernel could otherwise give one port twice)."""
    while True:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        if port not in _given:
            _given.add(port)
            return port


class Gates:
    """One relay per node, all on one asyncio loop in a thread of their own. `side[key]` says which
    half a node's signing key (hex) is in; while `partitioned`, a request from the other half is cut."""

    def __init__(self) -> None:
        self.side: dict[str, int] = {}
        self.node_side: dict[int, int] = {}  # gate port -> side of the node behind it
        self.partitioned = False
        self.cut = 0
        self.relays: set[asyncio.StreamWriter] = set()  # open relayed connections, both ends
        self.loop = asyncio.new_event_loop()
        threading.Thread(target=self.loop.run_forever, daemon=True).start()

    def partition(self, on: bool) -> None:
        """Starts or ends the partition. Starting it also cuts every open connection: a node keeps its
        connections to a peer open between requests, and a gate looks at a connection's first request."""
        def apply() -> None:
            self.partitioned = on
            if on:
                for w in list(self.relays):
                    w.transport.abort()
                self.relays.clear()
        self.loop.call_soon_threadsafe(apply)

    def open(self, target_port: int, side: int) -> int:
        port = free_port()
        self.node_side[port] = side

        async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            try:
                head = await reader.readuntil(b"\r\n\r\n")
            except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
                writer.close()
                return
            m = re.search(rb"(?im)^waymark-key:\s*([0-9a-f]{64})", head)
            sender = self.side.get(m.group(1).decode().lower()) if m else None
            if self.partitioned and sender is not None and sender != side:
                self.cut += 1
                writer.transport.abort()  # as if the network were down: no answer at all
                return
            try:
                up_reader, up_writer = await asyncio.open_connection("127.0.0.1", target_port)
            except OSError:
                writer.close()
                return
            up_writer.write(head)
            self.relays.update((writer, up_writer))

            async def pump(src: asyncio.StreamReader, dst: asyncio.StreamWriter) -> None:
                try:
                    while data := await src.read(65536):
                        dst.write(data)
                        await dst.drain()
                except (ConnectionError, asyncio.CancelledError):
                    pass
                finally:
                    dst.close()
                    self.relays.discard(dst)

            await asyncio.gather(pump(reader, up_writer), pump(up_reader, writer))

        async def start() -> None:
            await asyncio.start_server(handle, "127.0.0.1", port, limit=1 << 16)

        asyncio.run_coroutine_threadsafe(start(), self.loop).result()
        return port


class BenchNode:
    def __init__(self, bin_: pathlib.Path, work: pathlib.Path, index: int) -> None:
        self.bin, self.index = bin_, index
        self.data = work / f"node{index}"
        self.org = f"Heal Bench Org {index}"
        run(bin_, "init", "--data", self.data, "--org", self.org)
        info = run(bin_, "info", "--data", self.data)
        self.key = re.search(r"signing key:\s+([0-9a-f]{64})", info).group(1)
        self.fingerprint = re.search(r"fingerprint:\s+([0-9a-f-]+)", info).group(1)
        org = {"id": str(uuid.uuid4()), "name": self.org, "description": "A benchmark organisation."}
        services = [{"id": str(uuid.uuid4()), "name": f"{self.org} service {k}", "description": "A benchmark service.",
                     "status": "active", "organization": org} for k in range(SERVICES_PER_NODE)]
        self.services = [s["id"] for s in services]
        (work / f"node{index}.json").write_text(json.dumps(services))
        run(bin_, "import", "--data", self.data, work / f"node{index}.json")
        self.port = free_port()
        self.gate = 0
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, interval: str, log: pathlib.Path) -> None:
        self.proc = subprocess.Popen(
            [str(self.bin), "serve", "--data", str(self.data), "--port", str(self.port), "--sync-interval", interval,
             "--public-url", f"http://127.0.0.1:{self.gate}"], stdout=open(log, "w"), stderr=subprocess.STDOUT)

    def wait_healthy(self) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if requests.get(self.url + "/health", timeout=2).text.strip() == "ok":
                    return
            except requests.RequestException:
                pass
            time.sleep(0.1)
        sys.exit(f"node {self.index} did not start")

    def cli(self, *args: object) -> str:
        words = 2 if args[0] in ("peer", "member") else 1
        return run(self.bin, *args[:words], "--data", self.data, *args[words:])

    def total(self) -> int:
        return requests.get(self.url + "/api/services", params={"per_page": 1}, timeout=10).json()["total_items"]

    def name(self, sid: str) -> str | None:
        r = requests.get(f"{self.url}/api/services/{sid}", timeout=10)
        return r.json().get("name") if r.status_code == 200 else None

    def failures(self) -> float:
        text = requests.get(self.url + "/metrics", timeout=10).text
        return sum(float(v) for v in re.findall(r"(?m)^waymark_peer_failures\{[^}]*\}\s+(\S+)$", text))

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=20)


def wait_for(what: str, check, timeout: float, every: float = 0.25) -> float:
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if check():
            return time.monotonic() - start
        time.sleep(every)
    sys.exit(f"timed out after {timeout:.0f} s waiting until {what}")


def bench(bin_: pathlib.Path, n: int, partitions: list[float], interval: str) -> list[dict]:
    work = pathlib.Path(tempfile.mkdtemp(prefix=f"waymark-heal-{n}-"))
    gates = Gates()
    nodes = [BenchNode(bin_, work, i) for i in range(n)]
    for node in nodes:
        side = 0 if node.index < n // 2 else 1
        gates.side[node.key] = side
        node.gate = gates.open(node.port, side)
    founder = nodes[0]
    results = []
    try:
        for node in nodes:
            node.start(interval, work / f"node{node.index}.log")
        for node in nodes:
            node.wait_healthy()
        founder.cli("member", "found")
        for node in nodes[1:]:
            founder.cli("member", "add", "--key", node.key, "--fingerprint", node.fingerprint, "--name", node.org)
        invite = founder.cli("invite").strip()
        for node in nodes[1:]:
            node.cli("peer", "add", invite)
        total = n * SERVICES_PER_NODE
        took = wait_for(f"all {n} nodes list {total} services",
                        lambda: all(node.total() == total for node in nodes), 600, every=1)
        print(f"  {n} nodes: every node lists all {total} services {took:.1f} s after joining", flush=True)
        for round_, seconds in enumerate(partitions):
            gates.partition(True)
            time.sleep(0.5)
            cut_before = gates.cut
            left, right = nodes[0], nodes[-1]
            edits = {left.services[0]: f"Edited on the left during partition {round_}",
                     right.services[0]: f"Edited on the right during partition {round_}"}
            left.cli("update", "--table", "service", "--id", left.services[0], "--set", f"name={edits[left.services[0]]}")
            right.cli("update", "--table", "service", "--id", right.services[0], "--set", f"name={edits[right.services[0]]}")
            time.sleep(seconds)
            # Each side saw its own edit, not the other's.
            half = n // 2
            leaked = [node.index for node in nodes if node.name(right.services[0] if node.index < half else left.services[0])
                      == edits[right.services[0] if node.index < half else left.services[0]]]
            assert not leaked, f"the partition let an edit through to nodes {leaked}"
            missing = [node.index for node in nodes if node.name(left.services[0] if node.index < half else right.services[0])
                       != edits[left.services[0] if node.index < half else right.services[0]]]
            assert not missing, f"nodes {missing} did not get their own side's edit during the partition"
            failures = sum(node.failures() for node in nodes)
            gates.partition(False)
            healed = wait_for("every node shows both edits",
                              lambda: all(node.name(sid) == name for node in nodes for sid, name in edits.items()), 900, every=0.2)
            row = {"nodes": n, "partition_s": seconds, "heal_s": round(healed, 1), "requests_cut": gates.cut - cut_before,
                   "failures_in_a_row_at_heal": int(failures)}
            results.append(row)
            print(f"  {n} nodes, partition {seconds:.0f} s: converged {healed:.1f} s after the heal "
                  f"(sync interval {interval} s; {row['requests_cut']} requests cut; {row['failures_in_a_row_at_heal']} failures in a row summed over peers when it healed)",
                  flush=True)
    finally:
        for node in nodes:
            node.stop()
    return results


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", required=True, type=pathlib.Path)
    ap.add_argument("--nodes", type=int, action="append", help="federation sizes (repeatable; default 5 and 50)")
    ap.add_argument("--partition", type=float, action="append", help="partition lengths in seconds (repeatable; default 40 and 120)")
    ap.add_argument("--interval", default="2", help="each node's --sync-interval in seconds")
    ap.add_argument("--repeat", type=int, default=1, help="heals measured per partition length")
    args = ap.parse_args()
    sizes = args.nodes or [5, 50]
    partitions = (args.partition or [40, 120]) * args.repeat
    print(f"partition and heal: sizes {sizes}, partitions {partitions} s, sync interval {args.interval} s", flush=True)
    everything = []
    for n in sizes:
        everything += bench(args.bin, n, partitions, args.interval)
    for n in sizes:
        for p in sorted(set(partitions)):
            heals = [r["heal_s"] for r in everything if r["nodes"] == n and r["partition_s"] == p]
            print(f"{n} nodes, partition {p:.0f} s: heal median {statistics.median(heals):.1f} s (runs: {heals})")


if __name__ == "__main__":
    main()
