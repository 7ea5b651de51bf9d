"""Initial sync of a large directory into an empty node, against importing the same file locally.

Real processes: node A imports a generated directory (timed: the local import, the baseline), serves
it, and admits node B; B, empty and serving, joins with A's invite and takes everything in by sync.
While B takes it in, a resident searches B without pause (a different query each time, so no cache
answers) and a monitor asks /health; B's memory is sampled from /proc. Prints figures only.

    python3 Tests/benchmarks/initial_sync.py --bin .build/release/waymark --services 10000
"""
from __future__ import annotations

import argparse
import pathlib
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time

import requests

WORDS = ["food", "youth", "art", "sport", "health", "family", "library", "training", "housing", "money", "club", "advice",
         "music", "garden", "safety", "parents", "older", "drug", "mental", "computer", "women", "men", "baby", "reading",
         "walk", "swim", "dance", "job", "school", "carer"]


# Seconds between a resident's requests: about 20 a second, a busy hour for a district's directory,
# rather than a flood that would take a core from the sync it is meant to watch.
PACE = 0.05


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(*args: object, timeout: float = 3600) -> str:
    proc = subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=timeout)
    if proc.returncode != 0:
        sys.exit(f"{' '.join(map(str, args))} failed:\n{proc.stdout}\n{proc.stderr}")
    return proc.stdout


def rss_kib(pid: int, field: str = "VmRSS") -> int:
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def serve(bin_: pathlib.Path, data: pathlib.Path, port: int, log: pathlib.Path, *flags: str) -> subprocess.Popen:
    proc = subprocess.Popen([str(bin_), "serve", "--data", str(data), "--port", str(port), "--sync-interval", "1", *flags],
                            stdout=open(log, "w"), stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if requests.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                return proc
        except requests.RequestException:
            pass
        time.sleep(0.1)
    sys.exit(f"{data} did not start; see {log}")


def envelopes(port: int) -> int:
    text = requests.get(f"http://127.0.0.1:{port}/metrics", timeout=30).text
    m = re.search(r"^waymark_envelopes (\d+)", text, re.M)
    return int(m.group(1)) if m else 0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True, type=pathlib.Path)
    ap.add_argument("--services", type=int, default=10_000)
    args = ap.parse_args()
    work = pathlib.Path(tempfile.mkdtemp(prefix="waymark-initial-sync-"))
    big = work / "big.json"
    run(args.bin, "generate", "--services", args.services, "--out", big)
    a, b = work / "a", work / "b"
    run(args.bin, "init", "--data", a, "--org", "Bench Publisher", "--found")
    run(args.bin, "init", "--data", b, "--org", "Bench Newcomer")
    started = time.monotonic()
    run(args.bin, "import", "--data", a, big)
    local = time.monotonic() - started

    pa, pb = free_port(), free_port()
    node_a = serve(args.bin, a, pa, work / "a.log")
    node_b = serve(args.bin, b, pb, work / "b.log")
    try:
        total = envelopes(pa)
        idle = rss_kib(node_b.pid)
        # A serves the same directory, imported locally and loaded at start: what a node holding it costs idle.
        holding = rss_kib(node_a.pid)
        fp = re.search(r"fingerprint:\s+(\S+)", run(args.bin, "info", "--data", b)).group(1)
        run(args.bin, "member", "add", "--data", a, f"http://127.0.0.1:{pb}", "--fingerprint", fp)
        invite = run(args.bin, "invite", "--data", a).strip()

        times: list[float] = []
        slow: list[str] = []
        stop = threading.Event()

        def resident() -> None:
            session = requests.Session()
            i = 0
            while not stop.is_set():
                i += 1
                q = f"{WORDS[i % len(WORDS)]} {WORDS[(i * 7 + 3) % len(WORDS)]}"
                path, params = ("/health", None) if i % 4 == 0 else ("/api/services", {"q": q, "page": 1 + i % 5})
                t = time.monotonic()
                try:
                    r = session.get(f"http://127.0.0.1:{pb}{path}", params=params, timeout=30)
                    if r.status_code != 200:
                        slow.append(f"{path} -> {r.status_code}")
                except requests.RequestException as e:
                    slow.append(f"{path}: {type(e).__name__}")
                times.append(time.monotonic() - t)
                time.sleep(PACE)

        searcher = threading.Thread(target=resident, daemon=True)
        peak = idle
        peak_anon = 0  # the node's own memory (heap), without the database pages it maps
        started = time.monotonic()
        run(args.bin, "peer", "add", "--data", b, invite)
        searcher.start()
        progress = []
        while True:
            peak = max(peak, rss_kib(node_b.pid))
            peak_anon = max(peak_anon, rss_kib(node_b.pid, "RssAnon"))
            n = envelopes(pb)
            progress.append((time.monotonic() - started, n))
            if n >= total:
                break
            if time.monotonic() - started > 3600:
                sys.exit(f"B had {n} of {total} envelopes after an hour")
            time.sleep(0.5)
        synced = time.monotonic() - started
        # The directory's search documents are rebuilt at the end of each session; wait until B lists every service.
        while requests.get(f"http://127.0.0.1:{pb}/api/services", params={"per_page": 1}, timeout=30).json()["total_items"] < args.services:
            peak = max(peak, rss_kib(node_b.pid))
            peak_anon = max(peak_anon, rss_kib(node_b.pid, "RssAnon"))
            time.sleep(0.5)
        listed = time.monotonic() - started
        stop.set()
        searcher.join(timeout=60)
        time.sleep(2)
        after = rss_kib(node_b.pid)
        after_anon, after_file = rss_kib(node_b.pid, "RssAnon"), rss_kib(node_b.pid, "RssFile")
        a_anon, a_file = rss_kib(node_a.pid, "RssAnon"), rss_kib(node_a.pid, "RssFile")
        hwm = rss_kib(node_b.pid, "VmHWM")
        wal = (b / "waymark.sqlite-wal").stat().st_size if (b / "waymark.sqlite-wal").exists() else 0
        ordered = sorted(times)

        def pct(p: float) -> float:
            return ordered[min(len(ordered) - 1, int(len(ordered) * p))] * 1000

        print(f"== initial sync of {args.services} services ({total} envelopes) into an empty node")
        print(f"  local import of the same file:      {local:7.1f} s")
        print(f"  sync until every envelope is held:  {synced:7.1f} s  ({synced / local:.2f}x the local import)")
        print(f"  sync until every service is listed: {listed:7.1f} s  ({listed / local:.2f}x the local import)")
        print(f"  throughput: {total / synced:,.0f} envelopes/s")
        print(f"  node B resident memory: empty and idle {idle / 1024:.0f} MiB, peak {max(peak, hwm) / 1024:.0f} MiB, after {after / 1024:.0f} MiB "
              f"(node A, serving the same directory imported locally: {holding / 1024:.0f} MiB); B's WAL after {wal / 2**20:.1f} MiB")
        print(f"  B's own memory (heap, RssAnon) at its sampled peak during the sync: {peak_anon / 1024:.0f} MiB")
        print(f"  of which, after: B {after_anon / 1024:.0f} MiB its own (heap), {after_file / 1024:.0f} MiB pages of the database file mapped; "
              f"A {a_anon / 1024:.0f} MiB and {a_file / 1024:.0f} MiB")
        print(f"  searches and /health on B during the sync: {len(ordered)} requests, median {pct(0.5):.1f} ms, p99 {pct(0.99):.1f} ms, "
              f"slowest {ordered[-1] * 1000:.0f} ms, failed or timed out {len(slow)}")
        step = max(1, len(progress) // 10)
        print("  progress (s, envelopes): " + ", ".join(f"{t:.0f}:{n}" for t, n in progress[::step]))
    finally:
        for p in (node_a, node_b):
            p.terminate()
            p.wait(timeout=30)


if __name__ == "__main__":
    main()
