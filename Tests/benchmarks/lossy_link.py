"""Envelopes per second over a link that damages what it carries, against the same link undamaged.

Real processes: A imports a generated directory and serves it; B, empty, joins A's federation and
reaches A only through `Tests/pysupport/faulty_proxy.py`, which drops the connection, delays, cuts
short, duplicates or corrupts a share of the 16 KiB chunks it carries. B takes A's directory in by
sync; the script times it from B's start until B holds every envelope. Each run alternates a clean
link (rate 0) and the damaged one, with fresh nodes, so both see the same machine. Prints figures only.

    python3 Tests/benchmarks/lossy_link.py --bin .build/release/waymark --services 1000 --rate 0.05 --repeat 3
"""
from __future__ import annotations

import argparse
import pathlib
import re
import statistics
import sys
import tempfile
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "pysupport"))
from faulty_proxy import FaultyProxy  # noqa: E402
from initial_sync import envelopes, free_port, run, serve  # noqa: E402


def one(bin_: pathlib.Path, directory: pathlib.Path, rate: float, seed: int, limit: float) -> dict:
    work = pathlib.Path(tempfile.mkdtemp(prefix="waymark-lossy-"))
    a, b = work / "a", work / "b"
    run(bin_, "init", "--data", a, "--org", "Lossy Publisher")
    run(bin_, "init", "--data", b, "--org", "Lossy Receiver")
    run(bin_, "import", "--data", a, directory)
    info = run(bin_, "info", "--data", b)
    key = re.search(r"signing key:\s+([0-9a-f]{64})", info).group(1)
    fingerprint = re.search(r"fingerprint:\s+([0-9a-f-]+)", info).group(1)
    a_fp = re.search(r"fingerprint:\s+([0-9a-f-]+)", run(bin_, "info", "--data", a)).group(1)
    a_port = free_port()
    procs = [serve(bin_, a, a_port, work / "a.log", "--only-added-peers")]
    proxy = None
    try:
        run(bin_, "member", "found", "--data", a)
        run(bin_, "member", "add", "--data", a, "--key", key, "--fingerprint", fingerprint, "--name", "Lossy Receiver")
        run(bin_, "peer", "add", "--data", b, run(bin_, "invite", "--data", a).strip())
        run(bin_, "peer", "remove", "--data", b, f"http://127.0.0.1:{a_port}")
        proxy = FaultyProxy(a_port, rate=0, seed=seed)
        run(bin_, "peer", "add", "--data", b, proxy.url, "--fingerprint", a_fp)
        total = envelopes(a_port)
        proxy.rate = rate
        b_port = free_port()
        started = time.monotonic()
        procs.append(serve(bin_, b, b_port, work / "b.log", "--only-added-peers"))
        half_at = None
        while (have := envelopes(b_port)) < total:
            if half_at is None and have >= total / 2:
                half_at = time.monotonic() - started
            if time.monotonic() - started > limit:
                sys.exit(f"rate {rate}: B held {have} of {total} envelopes after {limit:.0f} s")
            time.sleep(0.2)
        took = time.monotonic() - started
        faults = sum(proxy.counts[f] for f in FaultyProxy.FAULTS)
        return {"rate": rate, "envelopes": total, "seconds": took, "per_second": total / took, "half_at": half_at or took,
                "faults": faults, "chunks": proxy.counts["chunks"]}
    finally:
        if proxy:
            proxy.close()
        for p in procs:
            p.terminate()
            p.wait(timeout=20)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", required=True, type=pathlib.Path)
    ap.add_argument("--services", type=int, default=1000)
    ap.add_argument("--rate", type=float, default=0.05)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--limit", type=float, default=900, help="seconds before a run is given up")
    args = ap.parse_args()
    work = pathlib.Path(tempfile.mkdtemp(prefix="waymark-lossy-dir-"))
    directory = work / "directory.json"
    run(args.bin, "generate", "--services", args.services, "--out", directory)
    rows: list[dict] = []
    for k in range(args.repeat):
        for rate in (0.0, args.rate):
            r = one(args.bin, directory, rate, seed=7 + k, limit=args.limit)
            rows.append(r)
            print(f"run {k + 1}, link damaging {rate:.0%} of chunks: {r['envelopes']} envelopes in {r['seconds']:.1f} s "
                  f"= {r['per_second']:,.0f} envelopes/s (half after {r['half_at']:.1f} s; {r['faults']} of {r['chunks']} chunks damaged)",
                  flush=True)
    clean = statistics.median(r["per_second"] for r in rows if r["rate"] == 0)
    lossy = statistics.median(r["per_second"] for r in rows if r["rate"] > 0)
    print(f"median: clean {clean:,.0f} envelopes/s, {args.rate:.0%} damaged {lossy:,.0f} envelopes/s: {lossy / clean:.2f}x the clean link")


if __name__ == "__main__":
    main()
