"""Import of the official HSDS 3.0 examples and the Open Referral UK feed, and lossless
export -> import -> export round trips in every format."""

from __future__ import annotations

import csv
import json
import time

import pytest

import waymark_wire as wire

from conftest import (
    EXAMPLES,
    ORUK_FEED,
    SAMPLE_SERVICES,
    Api,
    describe,
    record_count,
    record_ids,
)

JSON_EXAMPLES = [
    "service_full.json",
    "organization_full.json",
    "service_at_location_full.json",
    "location.json",
    "taxonomy.json",
    "taxonomy_term.json",
    "service_list.json",
    "organization_list.json",
    "service_at_location_list.json",
    "taxonomy_list.json",
    "taxonomy_term_list.json",
    "tabular.json",
]


# The shared vocabulary's files: their rows keep the ids they come with (Protocol/SPEC.md §3.2).
SHARED_FILES = {"taxonomies.csv": "taxonomy", "taxonomy_terms.csv": "taxonomy_term"}


def ids_in(value) -> set[str]:
    """Every `id` of every object nested anywhere in a JSON value."""
    found: set[str] = set()

    def walk(v):
        if isinstance(v, dict):
            if isinstance(v.get("id"), str):
                found.add(v["id"])
            for x in v.values():
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)

    walk(value)
    return found


def all_ids(tabular: dict) -> set[str]:
    return set().union(*record_ids(tabular).values()) if tabular else set()


# --------------------------------------------------------------------------------------------
# Official examples
# --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", JSON_EXAMPLES)
def test_official_json_example_imports(make_node, name):
    source = EXAMPLES / name
    node = make_node("ex-" + name.replace(".", "-"))
    proc = node.import_ok(source)
    assert "Imported" in proc.stdout
    exported = node.export_json()
    expected = ids_in(json.loads(source.read_text()))
    assert expected, f"{name} holds no records?"
    # Rows get ids in the node's namespace (Protocol/SPEC.md §3.2); the shared vocabulary keeps its own.
    shared = set().union(*(record_ids(exported).get(f, set()) for f in SHARED_FILES))
    adopted = {i if i in shared else node.adopted(i) for i in expected}
    assert all_ids(exported) == adopted, f"{name}: ids imported differ from the example's ids, adopted"
    assert all(wire.in_namespace(i, node.signing_key()) for i in adopted - shared)
    assert record_count(exported) == len(expected)


def test_api_details_example_imports_nothing(make_node):
    node = make_node("ex-base")
    proc = node.import_(EXAMPLES / "base.json")
    assert proc.returncode == 0, "base.json (API details) must not fail: " + describe(proc)
    assert record_count(node.export_json()) == 0


@pytest.mark.parametrize("keep_ids", [False, True])
def test_tabular_example_values_survive(make_node, keep_ids):
    """Every field of examples/tabular.json comes back out of the export with the same value: with
    the file's ids (`--keep-ids`), or with every row's id and every reference to an imported row in
    the node's namespace (Protocol/SPEC.md §3.2)."""
    source = json.loads((EXAMPLES / "tabular.json").read_text())
    node = make_node(f"ex-tabular-values-{keep_ids}")
    node.import_ok(EXAMPLES / "tabular.json", keep_ids=keep_ids)
    exported = node.export_json()
    assert set(exported) == set(source)
    node_key = node.signing_key()
    imported = {r["id"] for t, rows in source.items() if t not in SHARED_FILES for r in rows}
    for table, rows in source.items():
        out = {r["id"]: r for r in exported[table]}
        for row in rows:
            if not keep_ids:
                row = wire.adopted_record(node_key, SHARED_FILES.get(table, table), row, imported)
            got = out[row["id"]]
            for key, value in row.items():
                if value in (None, ""):
                    continue
                # Numbers in fields the schema types as strings (identifiers) may be stored as text.
                if isinstance(value, (int, float)) and not isinstance(value, bool) and isinstance(got.get(key), str):
                    value = str(value)
                assert got.get(key) == value, f"{table} {row['id']}: {key} was {row[key]!r}, exported {got.get(key)!r}"


def test_csv_example_package_imports(make_node):
    folder = EXAMPLES / "csv"
    node = make_node("ex-csv")
    proc = node.import_ok(folder)
    assert "Imported" in proc.stdout
    exported = record_ids(node.export_json())
    for f in sorted(folder.glob("*.csv")):
        with open(f, newline="", encoding="utf-8") as fh:
            ids = {row["id"] for row in csv.DictReader(fh) if row.get("id")}
        if f.name not in SHARED_FILES:
            ids = {node.adopted(i) for i in ids}
        assert exported.get(f.name, set()) == ids, f"{f.name}: imported ids differ"


def test_examples_served_validate(make_node, schemas):
    """All examples in one node (same ids merge): every API response validates."""
    node = make_node("ex-all")
    node.import_ok(*[EXAMPLES / n for n in JSON_EXAMPLES], EXAMPLES / "csv", EXAMPLES / "base.json")
    with node.serve() as server:
        api = Api(server.base_url)
        page = api.json("/services", {"per_page": 100})
        schemas.check_page(page, "service_list", "examples /services")
        assert page["total_items"] >= 1
        for s in page["contents"]:
            schemas.check("service", api.json(f"/services/{s['id']}"), f"examples /services/{s['id']}")
        full = api.json("/services", {"full": "true"})
        schemas.check_page(full, "service", "examples /services?full=true")
        orgs = api.json("/organizations")
        schemas.check_page(orgs, "organization_list", "examples /organizations")
        for o in orgs["contents"]:
            schemas.check("organization", api.json(f"/organizations/{o['id']}"), f"examples /organizations/{o['id']}")
        sals = api.json("/service_at_locations")
        schemas.check_page(sals, "service_at_location_list", "examples /service_at_locations")
        for s in sals["contents"]:
            schemas.check("service_at_location", api.json(f"/service_at_locations/{s['id']}"), "examples sal")
        schemas.check_page(api.json("/taxonomies"), "taxonomy", "examples /taxonomies")
        terms = api.json("/taxonomy_terms")
        schemas.check_page(terms, "taxonomy_term", "examples /taxonomy_terms")
        for t in terms["contents"]:
            schemas.check("taxonomy_term", api.json(f"/taxonomy_terms/{t['id']}"), "examples term")


# --------------------------------------------------------------------------------------------
# Open Referral UK feed
# --------------------------------------------------------------------------------------------

def test_oruk_feed_imports_and_validates(make_node, schemas):
    feed = json.loads(ORUK_FEED.read_text())
    entries = feed["contents"]
    assert len(entries) == 128
    # NOTE: the 128 entries of this validator fixture all carry the same service id (they are
    # variants of one record, 88 distinct bodies). HSDS ids identify records, so the directory
    # holds as many services as there are distinct ids, with the variants merged.
    node = make_node("oruk")
    distinct = {node.adopted(e["id"]) for e in entries}
    proc = node.import_ok(ORUK_FEED)
    with node.serve() as server:
        api = Api(server.base_url)
        page = api.json("/services", {"per_page": 200})
        schemas.check_page(page, "service_list", "ORUK /services")
        assert page["total_items"] == len(distinct), (
            f"the feed has {len(entries)} entries with {len(distinct)} distinct id(s); /api/services reports {page['total_items']}"
        )
        assert {s["id"] for s in page["contents"]} == distinct
        for sid in distinct:
            doc = api.json(f"/services/{sid}")
            schemas.check("service", doc, f"ORUK /services/{sid}")
            # Merging keeps every field some variant gave.
            for entry in entries:
                for key, value in entry.items():
                    if not isinstance(value, (dict, list)) and value not in (None, ""):
                        assert key in doc, f"merged service lost field {key!r}"
        for o in api.json("/organizations")["contents"]:
            schemas.check("organization", api.json(f"/organizations/{o['id']}"), "ORUK organization")
        schemas.check_page(api.json("/organizations"), "organization_list", "ORUK /organizations")
        schemas.check_page(api.json("/service_at_locations"), "service_at_location_list", "ORUK sal")
    assert "Imported" in proc.stdout


# --------------------------------------------------------------------------------------------
# Round trips
# --------------------------------------------------------------------------------------------

def _source_node(make_node, source: str):
    """A node holding `source` with the ids it came with (`--keep-ids`), so that another node may take
    its export with the same ids: a round trip between nodes then gives the same bytes. (Without
    `--keep-ids` each node gives the rows ids of its own; the same node's export comes back
    unchanged: `test_reimport_is_idempotent`.)"""
    node = make_node("rt-src-" + source)
    if source == "sample":
        node.import_ok(sample=True, keep_ids=True)
    else:
        node.import_ok(EXAMPLES / source, keep_ids=True)
    return node


@pytest.mark.parametrize("source", ["sample", "tabular.json", "csv"])
def test_json_round_trip_is_byte_identical(make_node, source):
    src = _source_node(make_node, source)
    first = src.export("json", src.work / f"rt-{source}-1.json")
    copy = make_node("rt-json")
    copy.import_ok(first, keep_ids=True)
    second = copy.export("json", copy.work / "rt-2.json")
    a, b = first.read_bytes(), second.read_bytes()
    assert a == b, f"second json export differs from the first ({len(a)} vs {len(b)} bytes)"
    assert record_count(json.loads(a)) > 0


@pytest.mark.parametrize("source", ["sample", "csv"])
def test_csv_round_trip_is_byte_identical(make_node, source):
    src = _source_node(make_node, source)
    first = src.export("csv", src.work / f"rt-{source}-csv1")
    copy = make_node("rt-csv")
    copy.import_ok(first, keep_ids=True)
    second = copy.export("csv", copy.work / "rt-csv2")
    names1 = sorted(p.name for p in first.iterdir())
    names2 = sorted(p.name for p in second.iterdir())
    assert names1 == names2
    assert "datapackage.json" in names1
    for name in names1:
        assert (first / name).read_bytes() == (second / name).read_bytes(), f"{name} differs after csv round trip"
    # the csv package holds exactly what the json export holds
    package = json.loads((first / "datapackage.json").read_text())
    assert package.get("resources"), "datapackage.json lists no resources"
    for res in package["resources"]:
        assert (first / res["path"]).is_file(), f"datapackage.json names missing {res['path']}"
    tabular = src.export_json()
    for table, rows in tabular.items():
        if not rows:
            continue
        with open(first / table, newline="", encoding="utf-8") as fh:
            assert {r["id"] for r in csv.DictReader(fh)} == {r["id"] for r in rows}, table


def test_another_nodes_export_gets_ids_of_this_node(make_node, sample_node):
    """Another organisation's export cannot be published under its ids here (they are in the other
    node's namespace): `--keep-ids` says so and imports nothing; a plain import gives every row an id
    of this node's own, and every service comes across."""
    first = sample_node.export("json", sample_node.work / "to-adopt.json")
    copy = make_node("rt-adopt")
    refused = copy.import_(first, keep_ids=True)
    assert refused.returncode != 0 and "Import without --keep-ids" in refused.stderr, describe(refused)
    assert record_count(copy.export_json()) == 0, "a refused import left rows behind"
    copy.import_ok(first)
    theirs, mine = json.loads(first.read_text()), copy.export_json()
    assert sorted(r["name"] for r in mine["services.csv"]) == sorted(r["name"] for r in theirs["services.csv"])
    key = copy.signing_key()
    for table, rows in mine.items():
        if table not in SHARED_FILES:
            assert all(wire.in_namespace(r["id"], key) for r in rows), table


def test_ndjson_round_trip_lines_equal(make_node):
    src = _source_node(make_node, "sample")
    first = src.export("ndjson", src.work / "rt-1.ndjson")
    copy = make_node("rt-ndjson")
    copy.import_ok(first, keep_ids=True)
    second = copy.export("ndjson", copy.work / "rt-2.ndjson")
    lines1 = first.read_text(encoding="utf-8").splitlines()
    lines2 = second.read_text(encoding="utf-8").splitlines()
    assert len(lines1) == SAMPLE_SERVICES
    assert lines1 == lines2


def test_exported_ndjson_lines_validate(sample_node, schemas):
    out = sample_node.export("ndjson", sample_node.work / "validate.ndjson")
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == SAMPLE_SERVICES
    ids = set()
    for n, line in enumerate(lines, 1):
        doc = json.loads(line)
        schemas.check("service", doc, f"ndjson line {n}")
        ids.add(doc["id"])
    assert len(ids) == SAMPLE_SERVICES


def test_json_export_is_tabular(sample_node):
    tabular = sample_node.export_json()
    assert all(k.endswith(".csv") for k in tabular), sorted(tabular)
    for table, rows in tabular.items():
        ids = [r["id"] for r in rows]
        assert len(ids) == len(set(ids)), f"{table}: duplicate ids"
    assert len(tabular["services.csv"]) == SAMPLE_SERVICES


def test_reimport_is_idempotent(make_node):
    """Importing a node's own export into it again changes nothing."""
    node = make_node("idempotent")
    node.import_ok(sample=True)
    before = node.export_bytes()
    dump = node.work / "dump.json"
    dump.write_bytes(before)
    proc = node.import_ok(dump)
    assert "0 new, 0 changed" in proc.stdout, proc.stdout
    assert node.export_bytes() == before


# --------------------------------------------------------------------------------------------
# Awkward values and live updates
# --------------------------------------------------------------------------------------------

TRICKY_SERVICE = {
    "id": "4e1f3a2b-6c5d-4e7f-8a9b-0c1d2e3f4a5b",
    "name": 'Quotes "and", commas; tabs\tand unicode ąę ☘ Fáilte',
    "description": 'Line one\nLine two, with "quotes"\r\nand CRLF, trailing space ',
    "status": "active",
    "minimum_age": 5.5,
    "maximum_age": 99,
    "email": "x@example.com",
    "fees_description": "=1+1",
    "organization": {
        "id": "5f2a4b3c-7d6e-4f8a-9b0c-1d2e3f4a5b6c",
        "name": 'Org, "Inc"',
        "description": "   leading spaces",
    },
    "cost_options": [{"id": "6a3b5c4d-8e7f-4a9b-8c1d-2e3f4a5b6c7d", "amount": 12.5, "currency": "EUR"}],
    "schedules": [
        {"id": "7b4c6d5e-9f8a-4b0c-9d2e-3f4a5b6c7d8e", "byday": "MO", "opens_at": "09:00", "closes_at": "17:00", "freq": "WEEKLY"}
    ],
}


def _scalars(obj: dict) -> dict:
    return {k: v for k, v in obj.items() if not isinstance(v, (dict, list))}


@pytest.mark.parametrize("fmt", ["json", "csv", "ndjson"])
def test_awkward_values_survive_round_trip(make_node, tmp_path, fmt):
    src = make_node("tricky-src")
    f = tmp_path / "tricky.json"
    f.write_text(json.dumps(TRICKY_SERVICE, ensure_ascii=False), encoding="utf-8")
    src.import_ok(f, keep_ids=True)
    out = src.export(fmt, src.work / ("tricky-out" if fmt == "csv" else f"tricky.{fmt}"))
    copy = make_node("tricky-copy")
    copy.import_ok(out, keep_ids=True)
    tabular = copy.export_json()
    service = {r["id"]: r for r in tabular["services.csv"]}[TRICKY_SERVICE["id"]]
    for key, value in _scalars(TRICKY_SERVICE).items():
        assert service.get(key) == value, f"{fmt}: {key} was {value!r}, came back {service.get(key)!r}"
    org = tabular["organizations.csv"][0]
    for key, value in _scalars(TRICKY_SERVICE["organization"]).items():
        assert org.get(key) == value, f"{fmt}: organization {key} was {value!r}, came back {org.get(key)!r}"
    assert tabular["cost_options.csv"][0]["amount"] == 12.5
    if fmt != "ndjson":
        second = copy.export(fmt, copy.work / ("tricky-out2" if fmt == "csv" else f"tricky2.{fmt}"))
        if fmt == "csv":
            for p in out.iterdir():
                assert p.read_bytes() == (second / p.name).read_bytes(), p.name
        else:
            assert out.read_bytes() == second.read_bytes()


def eventually(check, timeout: float = 5.0):
    """The running server re-reads the directory after a CLI import (it checks for a new version
    at most every 500 ms), so wait a little for a change to show."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.1)


def test_live_node_sees_imports_and_updates(make_node, tmp_path, schemas):
    node = make_node("live")
    with node.serve() as server:
        api = Api(server.base_url)
        assert api.total("/services") == 0
        f = tmp_path / "svc.json"
        f.write_text(json.dumps(TRICKY_SERVICE, ensure_ascii=False), encoding="utf-8")
        node.import_ok(f)
        assert eventually(lambda: api.total("/services") == 1), "the import never showed in /api/services"
        assert api.total("/services", {"search": "fáilte"}) == 1
        sid = node.adopted(TRICKY_SERVICE["id"])
        doc = api.json(f"/services/{sid}")
        schemas.check("service", doc, "live service")
        assert doc["name"] == TRICKY_SERVICE["name"]

        changed = dict(TRICKY_SERVICE, name="Renamed Allotment Club")
        f.write_text(json.dumps(changed, ensure_ascii=False), encoding="utf-8")
        proc = node.import_ok(f)
        assert "1 changed" in proc.stdout, proc.stdout
        assert eventually(lambda: api.total("/services", {"search": "renamed"}) == 1), "the update never showed"
        assert api.json(f"/services/{sid}")["name"] == "Renamed Allotment Club", "importing the same file again changed another row"
        assert api.ids("/services", {"search": "allotment"}) == [sid]
        assert api.total("/services", {"search": "commas"}) == 0, "the old name is still in the search index"


def assert_contains(expected, got, path: str = "$") -> None:
    """Every field of `expected` is in `got` with the same value; list items are matched by id.
    (The API may add foreign keys the nested example leaves implicit.)"""
    if isinstance(expected, dict):
        assert isinstance(got, dict), f"{path}: expected an object, got {got!r:.80}"
        for k, v in expected.items():
            assert k in got, f"{path}.{k} is missing from the API response (example has {json.dumps(v)[:100]})"
            assert_contains(v, got[k], f"{path}.{k}")
    elif isinstance(expected, list):
        assert isinstance(got, list) and len(got) == len(expected), f"{path}: {len(expected)} items expected, got {got!r:.120}"
        by_id = {g.get("id"): g for g in got if isinstance(g, dict)}
        for i, item in enumerate(expected):
            other = by_id.get(item.get("id")) if isinstance(item, dict) else got[i]
            assert other is not None, f"{path}[{i}] (id {item.get('id')}) is missing"
            assert_contains(item, other, f"{path}[{i}]")
    else:
        assert expected == got, f"{path}: example has {expected!r}, API gives {got!r}"


@pytest.mark.parametrize(
    "name,endpoint,params",
    [
        ("service_full.json", "/services/{id}", {}),
        ("organization_full.json", "/organizations/{id}", {"full_service": "true"}),
        ("service_at_location_full.json", "/service_at_locations/{id}", {}),
    ],
)
def test_full_example_comes_back_from_the_api(make_node, schemas, name, endpoint, params):
    """Import an official fully nested example, read it back: nothing of it is lost or changed."""
    example = json.loads((EXAMPLES / name).read_text())
    node = make_node("fidelity-" + name.split(".")[0])
    node.import_ok(EXAMPLES / name, keep_ids=True)
    with node.serve() as server:
        got = Api(server.base_url).json(endpoint.replace("{id}", example["id"]), params)
    assert_contains(example, got)
    kind = {"service_full.json": "service", "organization_full.json": "organization"}.get(name, "service_at_location")
    schemas.check(kind, got, name)
