"""Bad input: imports that must fail with a clear message and import nothing, invalid API
parameters answered with RFC 9457 problems, and search text that must never break the server."""

from __future__ import annotations

import json
import pathlib

import pytest
import requests

from conftest import EXAMPLES, SAMPLE_SERVICES, describe, run_waymark

# A service that is valid but for the one thing each test breaks.
GOOD_SERVICE = {
    "id": "5b2a4c1e-7d3f-4e8a-9b6c-0d1e2f3a4b5c",
    "name": "Integration Test Service",
    "description": "A service used by the integration tests.",
    "status": "active",
    "organization": {
        "id": "6c3b5d2f-8e4a-4f9b-8c7d-1e2f3a4b5c6d",
        "name": "Integration Test Organisation",
        "description": "An organisation used by the integration tests.",
    },
}
BAD_SERVICE_ID = GOOD_SERVICE["id"]


@pytest.fixture(scope="module")
def victim(make_node):
    """A node holding one example organisation, whose export must never change below."""
    node = make_node("bad-input")
    node.import_ok(EXAMPLES / "organization_list.json")
    baseline = node.export_bytes()
    assert json.loads(baseline)["organizations.csv"], "baseline holds no organisation"
    node.baseline = baseline
    return node


def write(dirpath: pathlib.Path, name: str, content: str | dict | list) -> pathlib.Path:
    p = dirpath / name
    p.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    return p


def assert_rejected(node, proc, *needles: str) -> str:
    message = proc.stdout + proc.stderr
    assert proc.returncode != 0, "import of bad input succeeded: " + describe(proc)
    for needle in needles:
        assert needle in message, f"error message does not mention {needle!r}: " + describe(proc)
    assert node.export_bytes() == node.baseline, "a failed import changed the directory"
    return message


def broken(**changes) -> dict:
    s = json.loads(json.dumps(GOOD_SERVICE))
    for k, v in changes.items():
        if v is None:
            s.pop(k, None)
        else:
            s[k] = v
    return s


def test_good_service_fixture_is_valid(make_node, tmp_path):
    """The base record the failures below start from imports fine on its own."""
    node = make_node("good-service")
    node.import_ok(write(tmp_path, "good.json", GOOD_SERVICE))
    assert {r["id"] for r in node.export_json()["services.csv"]} == {node.adopted(BAD_SERVICE_ID)}


def test_truncated_json(victim, tmp_path):
    text = (EXAMPLES / "service_full.json").read_text()
    f = write(tmp_path, "truncated.json", text[: len(text) // 2])
    msg = assert_rejected(victim, victim.import_(f), "truncated.json", "nothing was imported")
    assert "JSON" in msg


def test_service_missing_name(victim, tmp_path):
    f = write(tmp_path, "noname.json", broken(name=None))
    assert_rejected(victim, victim.import_(f), "noname.json", BAD_SERVICE_ID, "'name'")


def test_minimum_age_not_a_number(victim, tmp_path):
    f = write(tmp_path, "age.json", broken(minimum_age="ten"))
    assert_rejected(victim, victim.import_(f), "age.json", BAD_SERVICE_ID, "'minimum_age'", "ten")


def test_status_not_in_enum(victim, tmp_path):
    f = write(tmp_path, "status.json", broken(status="maybe"))
    assert_rejected(victim, victim.import_(f), "status.json", BAD_SERVICE_ID, "'status'", "maybe")


def test_bad_record_inside_a_list_page(victim, tmp_path):
    good2 = broken(id="7d4c6e3a-9f5b-4a0c-8d8e-2f3a4b5c6d7e", name="Second")
    page = {
        "total_items": 2, "total_pages": 1, "page_number": 1, "size": 2,
        "first_page": True, "last_page": True, "empty": False,
        "contents": [good2, broken(name=None)],
    }
    f = write(tmp_path, "page.json", page)
    assert_rejected(victim, victim.import_(f), "page.json", BAD_SERVICE_ID, "'name'")


def test_csv_row_with_wrong_field_count(victim, tmp_path):
    f = write(
        tmp_path,
        "organizations.csv",
        "id,name,description\n"
        "8e5d7f4b-0a6c-4b1d-9e9f-3a4b5c6d7e8f,One,First organisation\n"
        "9f6e8a5c-1b7d-4c2e-8f0a-4b5c6d7e8f9a,Two\n",
    )
    assert_rejected(victim, victim.import_(f), "organizations.csv", "line 3")


def test_unknown_table(victim):
    proc = victim.import_(EXAMPLES / "service_full.json", table="bogus")
    assert_rejected(victim, proc, "bogus")


def test_nonexistent_file(victim, tmp_path):
    missing = tmp_path / "no-such-file.json"
    assert_rejected(victim, victim.import_(missing), "no-such-file.json")


def test_csv_named_after_no_table(victim, tmp_path):
    f = write(tmp_path, "stuff.csv", "id,name\n0a7f9b6d-2c8e-4d3f-9a1b-5c6d7e8f9a0b,X\n")
    assert_rejected(victim, victim.import_(f), "stuff.csv")


def test_broken_ndjson_line(victim, tmp_path):
    line1 = json.dumps(broken(id="1b8a0c7e-3d9f-4e4a-8b2c-6d7e8f9a0b1c"))
    f = write(tmp_path, "services.ndjson", line1 + "\n" + '{"id": "2c9b1d8f-4e0a-4f5b-9c3d-7e8f9a0b1c2d", "na' + "\n")
    assert_rejected(victim, victim.import_(f), "services.ndjson")


def test_good_and_bad_file_together_import_nothing(victim, tmp_path):
    good = write(tmp_path, "good.json", GOOD_SERVICE)
    bad = write(tmp_path, "bad.json", broken(id="3d0c2e9a-5f1b-4a6c-8d4e-8f9a0b1c2d3e", name=None))
    proc = victim.import_(good, bad)
    assert_rejected(victim, proc, "bad.json", "'name'")
    assert victim.adopted(BAD_SERVICE_ID) not in victim.export_bytes().decode()


def test_bad_file_then_good_file_import_nothing(victim, tmp_path):
    good = write(tmp_path, "good.json", GOOD_SERVICE)
    bad = write(tmp_path, "bad.json", "[{")
    assert_rejected(victim, victim.import_(bad, good), "bad.json")


def test_failed_import_leaves_served_counts(api, sample_node, tmp_path):
    """A failed import into a live node changes nothing the API reports."""
    before = api.json("/services", {"minimal": "true", "per_page": 1000})
    f = write(tmp_path, "age.json", broken(minimum_age="ten"))
    proc = sample_node.import_(EXAMPLES / "taxonomy.json", f)
    assert proc.returncode != 0, describe(proc)
    after = api.json("/services", {"minimal": "true", "per_page": 1000})
    assert after == before
    assert after["total_items"] == SAMPLE_SERVICES


# --------------------------------------------------------------------------------------------
# Invalid API parameters
# --------------------------------------------------------------------------------------------

BAD_PARAMS = [
    ("page=0", ("page",)),
    ("page=abc", ("page",)),
    ("per_page=100000", ("per_page",)),
    ("per_page=0", ("per_page",)),
    ("free=maybe", ("free",)),
    ("lat=53.39", ("lat", "lon")),
    ("lon=-6.26", ("lat", "lon")),
    ("lat=95&lon=-6.26", ("lat",)),
    ("sort=distance", ("sort",)),
    ("sort=banana", ("sort",)),
    ("day=someday", ("day",)),
    ("start_time=25:00", ("start_time",)),
    ("day=monday&start_time=12:00&end_time=10:00", ("end_time",)),
    ("open_at=tomorrow", ("open_at",)),
    ("postcode=ZZZ", ("postcode",)),
    ("minimum_age=-1", ("minimum_age",)),
    ("maximum_age=abc", ("maximum_age",)),
    ("age=200", ("age",)),
    ("format=xml", ("format",)),
    ("proximity=1000", ("proximity",)),
    ("modified_after=yesterday", ("modified_after",)),
    ("open_now=perhaps", ("open_now",)),
    ("facets=sometimes", ("facets",)),
]


def assert_problem(r: requests.Response, status: int, schemas) -> dict:
    assert r.status_code == status, f"GET {r.url} -> {r.status_code}, expected {status}: {r.text[:300]}"
    assert r.headers.get("Content-Type", "").split(";")[0].strip() == "application/problem+json", r.headers
    assert r.headers.get("Access-Control-Allow-Origin") == "*"
    body = r.json()
    schemas.check("problem", body, f"problem from {r.url}")
    assert body["status"] == status
    return body


@pytest.mark.parametrize("query,names", BAD_PARAMS, ids=[q for q, _ in BAD_PARAMS])
def test_invalid_service_params(api, schemas, query, names):
    body = assert_problem(api.get("/services?" + query), 400, schemas)
    assert any(f"'{n}'" in body["detail"] or n in body["detail"] for n in names), f"detail does not name {names}: {body['detail']}"
    assert body.get("invalid_params"), body
    assert body["invalid_params"][0]["name"] in names, body


@pytest.mark.parametrize(
    "path,name",
    [
        ("/organizations?page=0", "page"),
        ("/organizations?per_page=5000", "per_page"),
        ("/taxonomies?page=x", "page"),
        ("/taxonomy_terms?top_only=perhaps", "top_only"),
        ("/service_at_locations?free=maybe", "free"),
        ("/service_at_locations?sort=banana", "sort"),
        ("/organizations?format=xml", "format"),
    ],
)
def test_invalid_params_on_other_endpoints(api, schemas, path, name):
    body = assert_problem(api.get(path), 400, schemas)
    assert name in body["detail"], body


def test_invalid_full_service_param(api, schemas):
    org = api.json("/organizations", {"per_page": 1})["contents"][0]["id"]
    body = assert_problem(api.get(f"/organizations/{org}", {"full_service": "perhaps"}), 400, schemas)
    assert "full_service" in body["detail"]


@pytest.mark.parametrize("path", ["/services", "/organizations", "/taxonomies", "/taxonomy_terms", "/service_at_locations"])
def test_unknown_id_is_404_problem(api, schemas, path):
    unknown = "00000000-0000-4000-8000-000000000000"
    body = assert_problem(api.get(f"{path}/{unknown}"), 404, schemas)
    assert unknown in body["detail"]


# --------------------------------------------------------------------------------------------
# Hostile search text
# --------------------------------------------------------------------------------------------

HOSTILE = [
    '"unbalanced',
    "AND OR NOT",
    "*",
    "name:foo",
    "NEAR(a b)",
    "^",
    "'; DROP TABLE record; --",
    "x" * 400,
    "youth " * 66,
    "Gaeilge fáilte ąę",
    "-",
    "()",
    "a OR",
    '"""',
    "\\",
    "%",
    "_",
    "NULL",
    "😀 emoji",
    "\u0000nul",
    "{}[]",
]


@pytest.mark.parametrize("text", HOSTILE, ids=[f"hostile{i}" for i in range(len(HOSTILE))])
def test_hostile_search_text_never_5xx(api, schemas, text):
    for path, kind in (("/services", "service_list"), ("/service_at_locations", "service_at_location_list"),
                       ("/organizations", "organization_list"), ("/taxonomy_terms", "taxonomy_term")):
        r = api.get(path, {"search": text})
        assert r.status_code < 500, f"GET {path}?search={text[:40]!r} -> {r.status_code}: {r.text[:300]}"
        if r.status_code == 200:
            schemas.check_page(r.json(), kind, f"{path}?search={text[:20]!r}")
        else:
            assert_problem(r, 400, schemas)


def test_hostile_search_does_not_harm_data(api):
    api.get("/services", {"search": "'; DROP TABLE record; --"})
    assert api.total("/services") == SAMPLE_SERVICES


def test_overlong_search_text_is_a_problem_not_a_crash(api, schemas):
    r = api.get("/services", {"search": "y" * 5000})
    assert r.status_code < 500
    if r.status_code != 200:
        body = assert_problem(r, 400, schemas)
        assert "search" in body["detail"]


@pytest.mark.parametrize("text", ['"unbalanced', "NEAR(a b)", "'; DROP TABLE record; --", "*"])
def test_hostile_search_text_cli(sample_node, text):
    proc = run_waymark("search", "--data", sample_node.path, text, timeout=60)
    assert proc.returncode == 0, describe(proc)
    assert "services match" in proc.stdout


@pytest.mark.parametrize(
    "query,name",
    [
        ("open_at=2026-02-30T10:30", "open_at"),
        ("open_at=2026-04-31T10:30", "open_at"),
        ("modified_after=2026-02-30", "modified_after"),
        ("modified_after=2026-04-15T25:00:00Z", "modified_after"),
    ],
)
def test_impossible_dates_are_rejected(api, schemas, query, name):
    """A date that does not exist must be refused, not rolled over into the next month."""
    r = api.get("/services?" + query)
    assert r.status_code == 400, (
        f"SERVER BUG: GET /api/services?{query} answered {r.status_code} "
        f"(total_items {r.json().get('total_items') if r.status_code == 200 else '-'}); "
        f"expected 400 problem naming '{name}'"
    )
    body = assert_problem(r, 400, schemas)
    assert name in body["detail"]


# --------------------------------------------------------------------------------------------
# CLI misuse
# --------------------------------------------------------------------------------------------

def test_cli_import_into_missing_node(tmp_path):
    missing = tmp_path / "no-node"
    proc = run_waymark("import", "--data", missing, EXAMPLES / "taxonomy.json")
    assert proc.returncode != 0
    assert "no node" in proc.stderr + proc.stdout, describe(proc)
    assert not (missing / "waymark.sqlite").exists()


def test_cli_init_twice_refuses(make_node):
    node = make_node("init-twice")
    before = node.export_bytes()
    proc = run_waymark("init", "--data", node.path, "--org", "Other")
    assert proc.returncode != 0
    assert "already exists" in proc.stderr + proc.stdout, describe(proc)
    assert node.export_bytes() == before


def test_cli_import_without_files(make_node):
    node = make_node("no-files")
    proc = node.import_()
    assert proc.returncode != 0
    assert "files" in (proc.stderr + proc.stdout).lower(), describe(proc)


def test_cli_export_unknown_format(sample_node, tmp_path):
    proc = run_waymark("export", "--data", sample_node.path, "--format", "yaml", "--out", tmp_path / "x.yaml")
    assert proc.returncode != 0
    assert "format" in proc.stderr + proc.stdout, describe(proc)
    assert not (tmp_path / "x.yaml").exists()


def test_cli_serve_missing_node_exits(tmp_path):
    proc = run_waymark("serve", "--data", tmp_path / "no-node", "--port", "1", timeout=20)
    assert proc.returncode != 0
    assert "no node" in proc.stderr + proc.stdout, describe(proc)
