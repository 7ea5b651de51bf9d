"""Shared fixtures for the Waymark integration and conformance suite.

The suite drives the built `waymark` binary from the outside: it creates nodes in temporary
folders, imports data with the CLI and talks HTTP to `waymark serve`.

Environment:
  WAYMARK_BIN     the waymark executable (default: <repo>/.build/debug/waymark)
  WAYMARK_SHARED  the shared folder holding anchors/hsds (default: <repo>/../shared)
"""

from __future__ import annotations

import atexit
import contextlib
import copy
import json
import os
import shutil
import tempfile
import pathlib
import socket
import subprocess
import time
import urllib.parse
from typing import Any, Iterator

import pytest
import requests
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

import sys as _sys
_sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent.parent / "pysupport"))
from waymark_processes import LIVE as _LIVE, describe, free_port, stop as _stop, stop_all as _stop_all  # noqa: E402


REPO = pathlib.Path(__file__).resolve().parents[2]
BIN = pathlib.Path(os.environ.get("WAYMARK_BIN") or REPO / ".build" / "debug" / "waymark")
SHARED = pathlib.Path(os.environ.get("WAYMARK_SHARED") or REPO.parent / "shared")
HSDS_ANCHORS = SHARED / "anchors" / "hsds"
SPEC = HSDS_ANCHORS / "openreferral-specification-3.0"
SCHEMA_DIR = SPEC / "schema"
EXAMPLES = SPEC / "examples"
ORUK_FEED = HSDS_ANCHORS / "oruk-validator-mocks" / "V3.0-UK-Test" / "service_list.json"

SAMPLE_SERVICES = 374
SAMPLE_ORGANIZATIONS = 130
SAMPLE_BANNER = "Sample data"

CLI_TIMEOUT = 120  # seconds for any one CLI run
HTTP_TIMEOUT = 20  # seconds for any one HTTP request
SERVER_START_TIMEOUT = 30

PAGE_KEYS = ("total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty")


# --------------------------------------------------------------------------------------------
# Running the binary
# --------------------------------------------------------------------------------------------

# libfaketime (0.9.10) also moves the deadlines that timerfd_settime is given, even those on the
# monotonic clock, which libdispatch arms for every Task.sleep: with the wall clock moved by more than
# the machine's uptime, a sleep never ended (and moved back, it lasted the offset longer). This shim,
# preloaded ahead of libfaketime, passes timerfd_settime straight to the kernel; only the wall clock
# moves, as on a server whose clock is wrong.
TIMERFD_SHIM = r"""
#define _GNU_SOURCE
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <unistd.h>
int timerfd_settime(int fd, int flags, const struct itimerspec *n, struct itimerspec *o) {
    return (int)syscall(SYS_timerfd_settime, fd, flags, n, o);
}
"""
_faketime_shim: str | None = None


def _clear_stale_faketime_semaphores() -> None:
    """The `faketime` wrapper names its semaphore and shared memory after its own process id and
    creates them exclusively; a wrapper that was killed (a node stopped with SIGKILL) leaves them in
    /dev/shm, and a later wrapper that gets the same process id then fails with "sem_open: File
    exists". Removes those whose process is gone."""
    shm = pathlib.Path("/dev/shm")
    for f in list(shm.glob("sem.faketime_sem_*")) + list(shm.glob("faketime_shm_*")):
        pid = f.name.rsplit("_", 1)[-1]
        if pid.isdigit() and not pathlib.Path(f"/proc/{pid}").exists():
            with contextlib.suppress(OSError):
                f.unlink()


def faketime_prefix(offset: str | None) -> list[str]:
    """The command prefix that runs a process with its wall clock moved by `offset` (libfaketime
    syntax: "+4m", "-1d"), or [] for the machine's own clock. Skips the test where Debian's
    `faketime` package or a C compiler is missing (Deploy/install-deps.sh installs faketime; the
    Swift toolchain brings clang). The `faketime` wrapper is used rather than LD_PRELOAD by hand,
    with which the program did not receive its arguments; it runs the program as its child."""
    global _faketime_shim
    if offset is None:
        return []
    tool = shutil.which("faketime")
    compiler = shutil.which("cc") or shutil.which("clang")
    if tool is None or compiler is None:
        pytest.skip("faketime (apt-get install faketime) or a C compiler is missing")
    if _faketime_shim is None:
        work = pathlib.Path(tempfile.mkdtemp(prefix="waymark-faketime-"))
        (work / "shim.c").write_text(TIMERFD_SHIM)
        subprocess.run([compiler, "-shared", "-fPIC", "-O2", "-o", str(work / "shim.so"), str(work / "shim.c")], check=True)
        _faketime_shim = str(work / "shim.so")
    os.environ["FAKETIME_DONT_FAKE_MONOTONIC"] = "1"
    _clear_stale_faketime_semaphores()
    return ["env", f"LD_PRELOAD={_faketime_shim}", tool, "-m", "-f", offset]


def run_waymark(*args: Any, timeout: float = CLI_TIMEOUT, cwd: pathlib.Path | None = None,
                clock: str | None = None) -> subprocess.CompletedProcess:
    """Runs `waymark ARGS...` and returns the completed process (text output captured)."""
    if not BIN.exists():
        pytest.fail(f"waymark binary not found at {BIN} (set WAYMARK_BIN)")
    return subprocess.run(
        [*faketime_prefix(clock), str(BIN), *[str(a) for a in args]],
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
        cwd=str(cwd) if cwd else None,
    )






class Server:
    """A running `waymark serve`."""

    def __init__(self, proc: subprocess.Popen, base_url: str, log: pathlib.Path):
        self.proc = proc
        self.base_url = base_url
        self.log = log

    @property
    def api(self) -> str:
        return self.base_url + "/api"

    def stop(self) -> None:
        _stop(self.proc)


def start_server(data: pathlib.Path, log: pathlib.Path) -> Server:
    """Starts `waymark serve` on a free port and waits for /health (at most 30 s)."""
    last_error = ""
    for _attempt in range(3):
        port = free_port()
        with open(log, "ab") as log_file:
            proc = subprocess.Popen(
                [str(BIN), "serve", "--data", str(data), "--host", "127.0.0.1", "--port", str(port)],
                stdout=log_file,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )
        _LIVE.add(proc)
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                r = requests.get(base + "/health", timeout=2)
                if r.status_code == 200 and r.text.strip() == "ok":
                    return Server(proc, base, log)
            except requests.RequestException as e:
                last_error = str(e)
            time.sleep(0.05)
        exited = proc.poll() is not None
        _stop(proc)
        if not exited:
            break  # it ran but never answered: no point retrying on another port
    pytest.fail(f"waymark serve did not become healthy within {SERVER_START_TIMEOUT}s ({last_error})\n{log.read_text(errors='replace')}")


class Node:
    """A Waymark node (data folder) driven through the CLI."""

    def __init__(self, path: pathlib.Path, org: str = "Integration Test Org"):
        self.path = path
        self.work = path.parent
        proc = run_waymark("init", "--data", path, "--org", org)
        assert proc.returncode == 0, "waymark init failed: " + describe(proc)

    def run(self, *args: Any, timeout: float = CLI_TIMEOUT) -> subprocess.CompletedProcess:
        return run_waymark(*args, timeout=timeout)

    def signing_key(self) -> bytes:
        """The node's signing key (read once: a node keeps its key)."""
        if getattr(self, "_signing_key", None) is None:
            import sqlite3
            con = sqlite3.connect(f"file:{self.path / 'waymark.sqlite'}?mode=ro", uri=True)
            try:
                self._signing_key = bytes.fromhex(con.execute("SELECT value FROM node_setting WHERE key = 'signing_public_key'").fetchone()[0])
            finally:
                con.close()
        return self._signing_key

    def adopted(self, original: str) -> str:
        """The id a row imported with id `original` has on this node (Protocol/SPEC.md §3.2)."""
        import waymark_wire
        return waymark_wire.adopted_id(self.signing_key(), original)

    def import_(self, *files: Any, table: str | None = None, sample: bool = False, keep_ids: bool = False) -> subprocess.CompletedProcess:
        args: list[Any] = ["import", "--data", self.path]
        if sample:
            args.append("--sample")
        if keep_ids:
            args.append("--keep-ids")
        if table:
            args += ["--table", table]
        args += list(files)
        return run_waymark(*args)

    def import_ok(self, *files: Any, **kw: Any) -> subprocess.CompletedProcess:
        proc = self.import_(*files, **kw)
        assert proc.returncode == 0, f"import of {files} failed: " + describe(proc)
        return proc

    def export(self, fmt: str, out: pathlib.Path) -> pathlib.Path:
        proc = run_waymark("export", "--data", self.path, "--format", fmt, "--out", out)
        assert proc.returncode == 0, f"export --format {fmt} failed: " + describe(proc)
        return out

    _exports = 0

    def export_json(self) -> dict:
        """The whole node as HSDS tabular JSON (every record, keyed by CSV file name)."""
        Node._exports += 1
        out = self.work / f"{self.path.name}-snapshot-{Node._exports}.json"
        self.export("json", out)
        return json.loads(out.read_bytes())

    def export_bytes(self) -> bytes:
        Node._exports += 1
        out = self.work / f"{self.path.name}-snapshot-{Node._exports}.json"
        self.export("json", out)
        return out.read_bytes()

    @contextlib.contextmanager
    def serve(self) -> Iterator[Server]:
        server = start_server(self.path, self.work / f"{self.path.name}-serve.log")
        try:
            yield server
        finally:
            server.stop()


def record_ids(tabular: dict) -> dict[str, set[str]]:
    """Table file name -> ids, from an export in tabular JSON form."""
    return {table: {row["id"] for row in rows} for table, rows in tabular.items()}


def record_count(tabular: dict) -> int:
    return sum(len(rows) for rows in tabular.values())


# --------------------------------------------------------------------------------------------
# Schemas, loaded and tightened the way the specification's own CI does it
# --------------------------------------------------------------------------------------------

def strict(schema: Any) -> Any:
    """A deep copy of `schema` with additionalProperties=false on every object schema that has
    `properties` (recursively: nested properties, items, definitions...)."""
    if isinstance(schema, dict):
        out = {k: strict(v) for k, v in schema.items()}
        if isinstance(schema.get("properties"), dict):
            out["additionalProperties"] = False
        return out
    if isinstance(schema, list):
        return [strict(v) for v in schema]
    return copy.deepcopy(schema)


def _load(path: pathlib.Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


FACETS_SCHEMA = {
    "type": "object",
    "required": ["taxonomy_terms", "organizations", "languages", "accessibility", "age_groups", "free", "open_now"],
    "properties": {
        "taxonomy_terms": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "count"],
                "properties": {"id": {"type": "string"}, "name": {"type": "string"}, "count": {"type": "integer", "minimum": 1}},
            },
        },
        "organizations": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "count"],
                "properties": {"id": {"type": "string"}, "name": {"type": "string"}, "count": {"type": "integer", "minimum": 1}},
            },
        },
        "languages": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["code", "count"],
                "properties": {"code": {"type": "string"}, "name": {"type": "string"}, "count": {"type": "integer", "minimum": 1}},
            },
        },
        "accessibility": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["value", "count"],
                "properties": {"value": {"type": "string"}, "count": {"type": "integer", "minimum": 1}},
            },
        },
        "age_groups": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["key", "count"],
                "properties": {"key": {"type": "string"}, "count": {"type": "integer", "minimum": 1}},
            },
        },
        "free": {"type": "integer", "minimum": 0},
        "open_now": {"type": "integer", "minimum": 0},
    },
}

# RFC 9457 problem details as Waymark documents them.
PROBLEM_SCHEMA = {
    "type": "object",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string", "minLength": 1},
        "title": {"type": "string", "minLength": 1},
        "status": {"type": "integer"},
        "detail": {"type": "string", "minLength": 1},
        "instance": {"type": "string"},
        "invalid_params": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["name", "reason"],
                "properties": {"name": {"type": "string"}, "reason": {"type": "string"}},
            },
        },
    },
}


class Schemas:
    """Validators for every shape the API returns."""

    def __init__(self) -> None:
        if not SCHEMA_DIR.is_dir():
            pytest.fail(f"HSDS schemas not found at {SCHEMA_DIR} (set WAYMARK_SHARED)")
        registry = Registry()
        for f in sorted(SCHEMA_DIR.glob("*.json")):
            if f.name == "openapi.json":
                continue
            registry = registry.with_resource(f.name, Resource(strict(_load(f)), DRAFT202012))
        self.registry = registry
        self.format_checker = FormatChecker()
        openapi = _load(SCHEMA_DIR / "openapi.json")

        page = strict(openapi["components"]["schemas"]["Page"])
        page["properties"]["contents"] = {"type": "array"}
        page["required"] = list(PAGE_KEYS) + ["contents"]
        page_facets = copy.deepcopy(page)
        page_facets["properties"]["facets"] = strict(FACETS_SCHEMA)
        page_facets["required"] = page["required"] + ["facets"]
        api_details = strict(openapi["paths"]["/"]["get"]["responses"]["200"]["content"]["application/json"]["schema"])

        self.validators = {
            "service_list": self._compiled("service_list.json"),
            "service": self._compiled("service.json"),
            "organization_list": self._compiled("organization_list.json"),
            "organization": self._compiled("organization.json"),
            "service_at_location_list": self._compiled("service_at_location_list.json"),
            "service_at_location": self._compiled("service_at_location.json"),
            "taxonomy": self._unit("taxonomy.json"),
            "taxonomy_term": self._unit("taxonomy_term.json"),
            "page": self._make(page),
            "page_with_facets": self._make(page_facets),
            "api_details": self._make(api_details),
            "problem": self._make(strict(PROBLEM_SCHEMA)),
        }

    def _make(self, schema: dict, check: bool = True) -> Draft202012Validator:
        if check:  # our own small schemas; the official ones are large and known to be valid
            Draft202012Validator.check_schema(schema)
        return Draft202012Validator(schema, format_checker=self.format_checker, registry=self.registry)

    def _compiled(self, name: str) -> Draft202012Validator:
        return self._make(strict(_load(SCHEMA_DIR / "compiled" / name)), check=False)

    def _unit(self, name: str) -> Draft202012Validator:
        return self._make(strict(_load(SCHEMA_DIR / name)), check=False)

    def errors(self, kind: str, instance: Any) -> list[str]:
        return [
            f"{e.json_path}: {e.message[:300]}"
            for e in sorted(self.validators[kind].iter_errors(instance), key=lambda e: list(e.absolute_path))
        ]

    def check(self, kind: str, instance: Any, where: str = "") -> None:
        errs = self.errors(kind, instance)
        assert not errs, f"{where or kind}: {len(errs)} schema error(s) against {kind}:\n  " + "\n  ".join(errs[:20])

    def check_page(self, page: Any, item_kind: str | None, where: str = "", facets: bool = False) -> None:
        """Validates the Page envelope strictly, then every item of `contents` against `item_kind`."""
        self.check("page_with_facets" if facets else "page", page, where + " (Page envelope)")
        problems = []
        if item_kind:
            for i, item in enumerate(page["contents"]):
                for err in self.errors(item_kind, item):
                    problems.append(f"contents[{i}] id={item.get('id')}: {err}")
        assert not problems, f"{where}: {len(problems)} item schema error(s) against {item_kind}:\n  " + "\n  ".join(problems[:20])
        check_page_arithmetic(page, where)


def check_page_arithmetic(page: dict, where: str = "") -> None:
    total, size, n = page["total_items"], page["size"], page["page_number"]
    assert size == len(page["contents"]), f"{where}: size {size} != len(contents) {len(page['contents'])}"
    assert page["empty"] == (size == 0), f"{where}: empty={page['empty']} but size={size}"
    assert page["first_page"] == (n == 1), f"{where}: first_page={page['first_page']} on page {n}"
    if total == 0:
        assert page["total_pages"] == 0 and page["empty"], f"{where}: no results but {page}"
    else:
        assert page["total_pages"] >= 1
        assert page["last_page"] == (n >= page["total_pages"]), f"{where}: last_page={page['last_page']} on page {n}/{page['total_pages']}"
        if n < page["total_pages"]:
            assert size * page["total_pages"] >= total, f"{where}: {page['total_pages']} pages of {size} cannot hold {total}"


# --------------------------------------------------------------------------------------------
# HTTP helper
# --------------------------------------------------------------------------------------------

class Api:
    """A small client for one node's /api."""

    def __init__(self, base_url: str):
        self.base_url = base_url
        self.root = base_url + "/api"
        self.http = requests.Session()

    def get(self, path: str, params: Any = None, **kw: Any) -> requests.Response:
        # Spaces are sent as %20 (RFC 3986). Form-style '+' for space is tested on its own in
        # test_search.py::test_plus_in_query_string_means_space.
        if isinstance(params, dict):
            params = urllib.parse.urlencode(params, doseq=True, quote_via=urllib.parse.quote)
        return self.http.get(self.root + path, params=params, timeout=HTTP_TIMEOUT, **kw)

    def json(self, path: str, params: Any = None) -> Any:
        r = self.get(path, params)
        assert r.status_code == 200, f"GET {r.url} -> {r.status_code}: {r.text[:500]}"
        assert r.headers.get("Content-Type", "").startswith("application/json"), f"GET {r.url}: Content-Type {r.headers.get('Content-Type')}"
        return r.json()

    def all(self, path: str, params: Any = None) -> list[dict]:
        """Every item of a list endpoint (per_page=1000, following pages if needed)."""
        params = dict(params or {})
        params["per_page"] = 1000
        items: list[dict] = []
        page = 1
        while True:
            params["page"] = page
            body = self.json(path, params)
            items += body["contents"]
            if body["last_page"] or not body["contents"]:
                assert len(items) == body["total_items"], f"{path} {params}: got {len(items)} items, total_items {body['total_items']}"
                return items
            page += 1

    def ids(self, path: str, params: Any = None) -> list[str]:
        return [item["id"] for item in self.all(path, params)]

    def total(self, path: str, params: Any = None) -> int:
        p = dict(params or {})
        p["per_page"] = 1
        return self.json(path, p)["total_items"]


# --------------------------------------------------------------------------------------------
# Fixtures
# --------------------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def waymark_bin() -> pathlib.Path:
    if not BIN.exists():
        pytest.fail(f"waymark binary not found at {BIN} (set WAYMARK_BIN)")
    return BIN


@pytest.fixture(scope="session")
def schemas() -> Schemas:
    return Schemas()


@pytest.fixture(scope="session")
def make_node(tmp_path_factory: pytest.TempPathFactory, waymark_bin: pathlib.Path):
    """Factory for fresh, empty nodes: make_node("name") -> Node."""

    def make(name: str = "node", org: str = "Integration Test Org") -> Node:
        work = tmp_path_factory.mktemp(name)
        return Node(work / "data", org)

    return make


@pytest.fixture(scope="session")
def sample_node(make_node) -> Node:
    node = make_node("sample")
    proc = node.import_ok(sample=True)
    assert f"{SAMPLE_SERVICES} services" in proc.stdout, describe(proc)
    return node


@pytest.fixture(scope="session")
def base_url(sample_node: Node) -> Iterator[str]:
    """The base URL of a running server over the sample directory; the server stops at session end."""
    server = start_server(sample_node.path, sample_node.work / "serve.log")
    try:
        yield server.base_url
    finally:
        server.stop()


@pytest.fixture(scope="session")
def api(base_url: str) -> Api:
    return Api(base_url)


@pytest.fixture(scope="session")
def sample_services(api: Api) -> dict[str, dict]:
    """Every sample service, fully nested from /api/services/{id}, by id."""
    ids = [item["id"] for item in api.all("/services", {"minimal": "true"})]
    assert len(ids) == SAMPLE_SERVICES
    return {i: api.json(f"/services/{i}") for i in ids}


@pytest.fixture(scope="session")
def sample_terms(api: Api) -> list[dict]:
    return api.all("/taxonomy_terms")
