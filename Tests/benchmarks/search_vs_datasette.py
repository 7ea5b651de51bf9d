#!/usr/bin/env python3
"""Directory search throughput and latency: Waymark against Datasette, side by side in one run.

Both serve the same synthetic directory (10k services by default) from SQLite FTS5, answer the
same queries (20 results per page, JSON) and are loaded by the same generator (wrk, 32
connections). Also measures Waymark's import time and its resident memory when idle.

Usage: python3 Tests/benchmarks/search_vs_datasette.py [--services 10000] [--seconds 10] [--connections 32]
"""
import argparse
import random, json, os, re, shutil, signal, socket, sqlite3, subprocess, sys, tempfile, time, urllib.request, platform

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
QUERIES = ["youth", "counselling", "parent toddler", "english classes", "football", "garden", "digital skills", "walking group"]
STOP = {"the", "and", "for", "with", "from", "that", "this", "your", "are", "our", "all", "you", "who", "can", "into", "their", "have", "has", "will", "its"}


def resident_queries(rows, n, seed=7):
    """n distinct queries as residents type them, drawn from the directory's own words: single words,
    pairs of words that occur together, typed-so-far prefixes and misspellings (a letter dropped,
    doubled, swapped or wrong), in a fixed order. Not a handful a cache remembers."""
    rnd = random.Random(seed)
    words, pairs = [], []
    for s in rows["services.csv"]:
        text = re.findall(r"[a-z]{3,}", ((s.get("name") or "") + " " + (s.get("description") or "")).lower())
        text = [w for w in text if w not in STOP]
        words += text
        pairs += [f"{a} {b}" for a, b in zip(text, text[1:])]
    vocab = sorted(set(words))
    pair_list = sorted(set(pairs))
    def typo(w):
        i = rnd.randrange(len(w))
        kind = rnd.randrange(4)
        if kind == 0: return w[:i] + w[i + 1:]
        if kind == 1: return w[:i] + w[i] + w[i:]
        if kind == 2 and i + 1 < len(w): return w[:i] + w[i + 1] + w[i] + w[i + 2:]
        return w[:i] + rnd.choice("abcdefghijklmnopqrstuvwxyz") + w[i + 1:]
    out, seen = [], set()
    while len(out) < n:
        r = rnd.random()
        if r < 0.35: q = rnd.choice(vocab)
        elif r < 0.6: q = rnd.choice(pair_list)
        elif r < 0.8:
            w = rnd.choice([v for v in vocab if len(v) >= 5] or vocab); q = w[:rnd.randint(3, max(3, len(w) - 1))]
        else: q = typo(rnd.choice([v for v in vocab if len(v) >= 5] or vocab))
        if q not in seen:
            seen.add(q); out.append(q)
    return out


def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close(); return p


def wait(url, timeout=60):
    end = time.time() + timeout
    while time.time() < end:
        try:
            urllib.request.urlopen(url, timeout=2).read(); return
        except Exception:
            time.sleep(0.2)
    raise SystemExit(f"{url} did not answer")


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def anon_mb(pid):
    """The heap and stacks in RSS (not the program's code, nor the clean pages of the mapped database
    file, which the kernel drops under memory pressure)."""
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            if line.startswith("Anonymous:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def wrk(paths, port, seconds, connections, workdir):
    script = os.path.join(workdir, f"paths-{port}.lua")
    with open(script, "w") as f:
        f.write("local paths = {" + ",".join(json.dumps(p) for p in paths) + "}\n")
        f.write("local i = 0\nrequest = function()\n  i = i + 1\n  return wrk.format('GET', paths[(i % #paths) + 1])\nend\n")
    out = subprocess.run(["wrk", f"-t{min(2, connections)}", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", script, f"http://127.0.0.1:{port}"],
                         capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    def ms(label):
        m = re.search(rf"\s{label}%\s+([\d.]+)(us|ms|s)", out)
        v = float(m.group(1)); return v / 1000 if m.group(2) == "us" else v * 1000 if m.group(2) == "s" else v
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    lat = re.search(r"Latency\s+[\d.]+\w+\s+[\d.]+\w+\s+([\d.]+)(us|ms|s)", out)
    mx = float(lat.group(1)) / 1000 if lat.group(2) == "us" else float(lat.group(1)) * (1000 if lat.group(2) == "s" else 1)
    return {"rps": rps, "p50": ms("50"), "p99": ms("99"), "max": mx, "non2xx": int(errors.group(1)) if errors else 0}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--services", type=int, default=10000)
    ap.add_argument("--seconds", type=int, default=10)
    ap.add_argument("--connections", type=int, default=32)
    ap.add_argument("--bin", default=None)
    ap.add_argument("--queries", type=int, default=3000, help="distinct resident queries in the realistic load")
    args = ap.parse_args()
    bin_ = args.bin or subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=REPO, capture_output=True,
                                      text=True, check=True).stdout.strip() + "/waymark"
    work = tempfile.mkdtemp(prefix="waymark-bench-")
    procs = []
    try:
        data = os.path.join(work, "node")
        export = os.path.join(work, "directory.json")
        subprocess.run([bin_, "generate", "--services", str(args.services), "--out", export], check=True, capture_output=True)
        subprocess.run([bin_, "init", "--data", data, "--org", "Benchmark"], check=True, capture_output=True)
        t0 = time.time()
        subprocess.run([bin_, "import", "--data", data, export], check=True, capture_output=True)
        import_s = time.time() - t0

        # The same services for Datasette: one table, an FTS5 index over the same text, as Datasette documents it.
        rows = json.load(open(export))
        orgs = {o["id"]: o["name"] for o in rows.get("organizations.csv", [])}
        terms = {t["id"]: t["name"] for t in rows.get("taxonomy_terms.csv", [])}
        cats = {}
        for a in rows.get("attributes.csv", []):
            cats.setdefault(a["link_id"], []).append(terms.get(a.get("taxonomy_term_id"), ""))
        ds_db = os.path.join(work, "directory.db")
        con = sqlite3.connect(ds_db)
        con.execute("CREATE TABLE services (id TEXT PRIMARY KEY, name TEXT, alternate_name TEXT, description TEXT, categories TEXT, organization TEXT, minimum_age REAL, maximum_age REAL, last_modified TEXT)")
        con.executemany("INSERT INTO services VALUES (?,?,?,?,?,?,?,?,?)", [
            (s["id"], s["name"], s.get("alternate_name"), (s.get("description") or "") + " " + (s.get("eligibility_description") or ""),
             " ".join(cats.get(s["id"], [])), orgs.get(s.get("organization_id"), ""), s.get("minimum_age"), s.get("maximum_age"), s.get("last_modified"))
            for s in rows["services.csv"]])
        con.execute("CREATE VIRTUAL TABLE services_fts USING fts5(name, alternate_name, description, categories, organization, content='services', content_rowid='rowid')")
        con.execute("INSERT INTO services_fts (rowid, name, alternate_name, description, categories, organization) SELECT rowid, name, alternate_name, description, categories, organization FROM services")
        con.commit(); con.close()

        wport, dport, nport = free_port(), free_port(), free_port()
        w = subprocess.Popen([bin_, "serve", "--data", data, "--port", str(wport), "--log-level", "error"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        procs.append(w)
        # The same node with its full-text answer cache turned off, so the figures also show search without it.
        n = subprocess.Popen([bin_, "serve", "--data", data, "--port", str(nport), "--log-level", "error", "--search-cache", "0"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        procs.append(n)
        d = subprocess.Popen([sys.executable, "-m", "datasette", "serve", ds_db, "-p", str(dport), "--setting", "default_page_size", "20", "--setting", "suggest_facets", "off"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        procs.append(d)
        wait(f"http://127.0.0.1:{wport}/health"); wait(f"http://127.0.0.1:{nport}/health"); wait(f"http://127.0.0.1:{dport}/-/versions.json")
        time.sleep(2)
        idle_rss, idle_anon = rss_mb(w.pid), anon_mb(w.pid)

        q = urllib.parse.quote
        wpaths = [f"/api/services?search={q(t)}&per_page=20" for t in QUERIES]
        dpaths = [f"/directory/services.json?_search={q(t)}&_size=20&_shape=objects" for t in QUERIES]
        # Both answer every query with results (a sanity check that the comparison is like for like).
        for wp, dp in zip(wpaths, dpaths):
            wn = json.load(urllib.request.urlopen(f"http://127.0.0.1:{wport}{wp}"))["total_items"]
            dn = len(json.load(urllib.request.urlopen(f"http://127.0.0.1:{dport}{dp}"))["rows"])
            if wn == 0 or dn == 0:
                raise SystemExit(f"no results for {wp} ({wn}) or {dp} ({dn})")
        for paths, port in ((wpaths, wport), (wpaths, nport), (dpaths, dport)):  # warm up
            wrk(paths, port, 2, args.connections, work)
        wres = wrk(wpaths, wport, args.seconds, args.connections, work)
        nres = wrk(wpaths, nport, args.seconds, args.connections, work)
        dres = wrk(dpaths, dport, args.seconds, args.connections, work)
        # A realistic load: thousands of distinct queries from the directory's own words (typos and
        # prefixes included), each asked once per pass; with the caches, without them, and Datasette.
        real = resident_queries(rows, args.queries)
        rw = [f"/api/services?search={q(t)}&per_page=20" for t in real]
        rd = [f"/directory/services.json?_search={q(t)}&_size=20&_shape=objects" for t in real]
        rwres = wrk(rw, wport, args.seconds, args.connections, work)
        rnres = wrk(rw, nport, args.seconds, args.connections, work)
        rdres = wrk(rd, dport, args.seconds, args.connections, work)
        one = wrk(rw, nport, args.seconds, 1, work)
        one_d = wrk(rd, dport, args.seconds, 1, work)
        loaded_rss = rss_mb(w.pid)

        # The website's results page: server time with one connection (no queueing), and page weight.
        ppaths = [f"/search?q={q(t)}" for t in QUERIES] + ["/search?category=&open=now", "/search?near=D11&sort=distance"]
        wrk(ppaths, wport, 2, 1, work)
        pres = wrk(ppaths, wport, args.seconds, 1, work)
        html = urllib.request.urlopen(f"http://127.0.0.1:{wport}/search?q=youth").read()
        assets = 0
        for a in ["/static/site.css", "/static/site.js", "/static/leaflet/leaflet.css", "/static/leaflet/leaflet.min.js"]:
            try:  # bytes on the wire, as a browser that accepts gzip receives them
                req = urllib.request.Request(f"http://127.0.0.1:{wport}{a}", headers={"Accept-Encoding": "gzip"})
                assets += len(urllib.request.urlopen(req).read())
            except Exception:
                pass

        cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
        print(f"machine: {os.cpu_count()} cores, {cpu}, {platform.system()} {platform.release()}")
        print(f"directory: {args.services} services; load: wrk -t2 -c{args.connections} -d{args.seconds}s over {len(QUERIES)} search queries, 20 results per page")
        print(f"{'':22}{'Waymark':>12}{'no cache':>12}{'Datasette':>12}{'ratio':>10}{'ratio nc':>10}")
        print(f"{'requests/s':22}{wres['rps']:>12.0f}{nres['rps']:>12.0f}{dres['rps']:>12.0f}{wres['rps'] / dres['rps']:>9.1f}x{nres['rps'] / dres['rps']:>9.1f}x")
        print(f"{'p50 latency (ms)':22}{wres['p50']:>12.2f}{nres['p50']:>12.2f}{dres['p50']:>12.2f}{dres['p50'] / wres['p50']:>9.1f}x{dres['p50'] / nres['p50']:>9.1f}x")
        print(f"{'p99 latency (ms)':22}{wres['p99']:>12.2f}{nres['p99']:>12.2f}{dres['p99']:>12.2f}{dres['p99'] / wres['p99']:>9.1f}x{dres['p99'] / nres['p99']:>9.1f}x")
        print(f"{'non-2xx responses':22}{wres['non2xx']:>12}{nres['non2xx']:>12}{dres['non2xx']:>12}")
        print(f"realistic load: {len(real)} distinct queries from the directory's words (words, pairs, prefixes, typos), e.g. {real[:6]}")
        print(f"{'':22}{'Waymark':>12}{'no cache':>12}{'Datasette':>12}{'ratio':>10}{'ratio nc':>10}")
        print(f"{'requests/s':22}{rwres['rps']:>12.0f}{rnres['rps']:>12.0f}{rdres['rps']:>12.0f}{rwres['rps'] / rdres['rps']:>9.1f}x{rnres['rps'] / rdres['rps']:>9.1f}x")
        print(f"{'p50 latency (ms)':22}{rwres['p50']:>12.2f}{rnres['p50']:>12.2f}{rdres['p50']:>12.2f}{rdres['p50'] / rwres['p50']:>9.1f}x{rdres['p50'] / rnres['p50']:>9.1f}x")
        print(f"{'p99 latency (ms)':22}{rwres['p99']:>12.2f}{rnres['p99']:>12.2f}{rdres['p99']:>12.2f}{rdres['p99'] / rwres['p99']:>9.1f}x{rdres['p99'] / rnres['p99']:>9.1f}x")
        print(f"{'non-2xx responses':22}{rwres['non2xx']:>12}{rnres['non2xx']:>12}{rdres['non2xx']:>12}")
        print(f"one connection, no cache: median {one['p50']:.2f} ms, p99 {one['p99']:.2f} ms, slowest {one['max']:.2f} ms "
              f"({one['rps']:.0f}/s); Datasette: median {one_d['p50']:.2f} ms, p99 {one_d['p99']:.2f} ms, slowest {one_d['max']:.2f} ms")
        print(f"results page (HTML, 20 results, facets, map data): median {pres['p50']:.2f} ms, p99 {pres['p99']:.2f} ms at 1 connection; "
              f"{pres['rps']:.0f} pages/s")
        print(f"results page weight: HTML {len(html) / 1024:.1f} KB + CSS/JS/Leaflet {assets / 1024:.1f} KB = {(len(html) + assets) / 1024:.1f} KB (no map tiles)")
        print(f"Waymark import of {args.services} services: {import_s:.1f} s")
        print(f"Waymark RSS: idle {idle_rss:.1f} MB (of it anonymous: {idle_anon:.1f} MB; the rest the program's code and clean pages "
              f"of the mapped database file), after load {loaded_rss:.1f} MB")
        goals = [("requests/s >= 3x Datasette", wres["rps"] >= 3 * dres["rps"]),
                 ("requests/s >= 3x Datasette without the cache", nres["rps"] >= 3 * dres["rps"]), ("p99 <= 10 ms", wres["p99"] <= 10),
                 ("idle RSS <= 64 MB", idle_rss <= 64), ("results page median <= 20 ms", pres["p50"] <= 20),
                 ("results page weight <= 100 KB", len(html) + assets <= 100 * 1024)]
        goals += [("realistic load: requests/s >= 15x Datasette", rwres["rps"] >= 15 * rdres["rps"]),
                  ("realistic load: requests/s >= 15x Datasette without the cache", rnres["rps"] >= 15 * rdres["rps"]),
                  ("realistic load: p99 >= 15x lower than Datasette's", rdres["p99"] >= 15 * rwres["p99"]),
                  ("realistic load: p99 >= 15x lower than Datasette's without the cache", rdres["p99"] >= 15 * rnres["p99"]),
                  ("no query over 10 ms at one connection without the cache", one["max"] <= 10)]
        for name, ok in goals:
            print(f"goal {name}: {'met' if ok else 'NOT met'}")
    finally:
        for p in procs:
            p.send_signal(signal.SIGTERM)
            try: p.wait(10)
            except subprocess.TimeoutExpired: p.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
