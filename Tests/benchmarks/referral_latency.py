"""End-to-end referral latency on loopback (not part of the test suite; BENCHMARKS.md records it).

Two real `waymark serve` nodes, peered. A caseworker on node A sends referrals through the staff
pages (HTTP form posts, as a browser does); for each one this measures
  - the POST itself (consent check, sealing, signing, storing),
  - until the referral envelope is stored on node B (pushed by A's sync shell),
  - until B's automatic `received` is stored back on node A (the loop closing),
by polling each node's SQLite file read-only every 2 ms.

    python3 Tests/benchmarks/referral_latency.py BIN [--count 30]
"""
from __future__ import annotations

import argparse
import os
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

PASSWORD = "a benchmark password"


def run(bin_: str, *args: str, stdin: str | None = None) -> str:
    p = subprocess.run([bin_, *args], input=stdin, capture_output=True, text=True, timeout=300)
    if p.returncode != 0:
        sys.exit(f"{' '.join(args)} failed: {p.stderr}")
    return p.stdout


def count(db: Path, kind: int) -> int:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
    try:
        # Private records are sealed (SPEC §8.10): the receiving node notes each one's kind as it opens it.
        return con.execute(
            "SELECT (SELECT count(*) FROM envelope WHERE kind = ?1) + (SELECT count(*) FROM sealed_envelope WHERE kind = ?1)", (kind,)).fetchone()[0]
    finally:
        con.close()


def wait_count(db: Path, kind: int, at_least: int, timeout: float = 30) -> float:
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if count(db, kind) >= at_least:
            return time.perf_counter()
        time.sleep(0.002)
    sys.exit(f"timed out waiting for {at_least} kind-{kind} envelopes in {db}")


def sign_in(url: str) -> requests.Session:
    s = requests.Session()
    token = re.search(r'name="csrf" value="([0-9a-f]{64})"', s.get(url + "/staff/login", timeout=10).text).group(1)
    r = s.post(url + "/staff/login", data={"csrf": token, "username": "bench", "password": PASSWORD}, allow_redirects=False, timeout=10)
    assert r.status_code == 303, r.text[:300]
    return s


def csrf(page: str) -> str:
    return re.search(r'name="csrf" value="([0-9a-f]{64})"', page).group(1)


def figures(name: str, xs: list[float]) -> str:
    xs = sorted(xs)
    p90 = xs[min(len(xs) - 1, int(len(xs) * 0.9))]
    return f"{name:<44} median {statistics.median(xs) * 1000:7.1f} ms   p90 {p90 * 1000:7.1f} ms   max {xs[-1] * 1000:7.1f} ms"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("bin")
    ap.add_argument("--count", type=int, default=30)
    ap.add_argument("--port", type=int, default=18950)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="waymark-latency-"))
    nodes = []
    for k, name in enumerate(("Home Org", "Partner Org")):
        d = tmp / f"n{k}"
        run(args.bin, "init", "--data", str(d), "--org", name)
        run(args.bin, "user", "add", "--data", str(d), "--username", "bench", "--name", "Bench", "--password-stdin", stdin=PASSWORD + "\n")
        nodes.append(d)
    procs = [subprocess.Popen([args.bin, "serve", "--data", str(d), "--port", str(args.port + k)], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL) for k, d in enumerate(nodes)]
    try:
        a_url, b_url = (f"http://127.0.0.1:{args.port + k}" for k in range(2))
        for u in (a_url, b_url):
            for _ in range(200):
                try:
                    if requests.get(u + "/health", timeout=1).ok:
                        break
                except requests.RequestException:
                    time.sleep(0.05)
        # The partner founds the federation and vouches for the home organisation, which joins with its invite.
        fp = re.search(r"fingerprint:\s+(\S+)", run(args.bin, "info", "--data", str(nodes[0]))).group(1)
        run(args.bin, "member", "found", "--data", str(nodes[1]))
        run(args.bin, "member", "add", "--data", str(nodes[1]), a_url, "--fingerprint", fp)
        run(args.bin, "peer", "add", "--data", str(nodes[0]), run(args.bin, "invite", "--data", str(nodes[1])).strip())
        run(args.bin, "sync", "--data", str(nodes[0]))
        home = sign_in(a_url)
        page = home.get(a_url + "/staff/clients/new", timeout=10).text
        r = home.post(a_url + "/staff/clients", data={"csrf": csrf(page), "name": "Latency Client", "needs": "training"}, allow_redirects=False,
                      timeout=10)
        client_url = a_url + r.headers["Location"].split("?")[0]
        page = home.get(client_url, timeout=10).text
        b_key = re.search(r'<option value="([0-9a-f]{64})">Partner Org</option>', page).group(1)
        r = home.post(client_url + "/consents", data={"csrf": csrf(page), "organization": b_key, "purpose": "referral", "class": "needs",
                                                      "start": "2026-01-01", "end": "2036-01-01", "method": "written"}, allow_redirects=False, timeout=10)
        assert r.status_code == 303
        token = csrf(home.get(client_url, timeout=10).text)
        a_db, b_db = (d / "waymark.sqlite" for d in nodes)
        wait_count(b_db, 16, 1)
        posts, arrivals, loops = [], [], []
        for i in range(args.count):
            before_b, before_a = count(b_db, 17), count(a_db, 18)
            t0 = time.perf_counter()
            r = home.post(client_url + "/referrals", data={"csrf": token, "organization": b_key, "service_name": f"Course {i}"},
                          allow_redirects=False, timeout=10)
            t1 = time.perf_counter()
            assert r.status_code == 303, r.text[:300]
            t2 = wait_count(b_db, 17, before_b + 1)
            t3 = wait_count(a_db, 18, before_a + 1)
            posts.append(t1 - t0)
            arrivals.append(t2 - t0)
            loops.append(t3 - t0)
            time.sleep(0.05)
        print(f"referral latency on loopback, {args.count} referrals, one at a time (each pushed as soon as it is signed):")
        print(figures("send (the form post)", posts))
        print(figures("stored on the receiving node", arrivals))
        print(figures("its `received` stored back on the sender", loops))
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            p.wait(timeout=10)


if __name__ == "__main__":
    main()
