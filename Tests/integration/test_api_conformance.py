"""HSDS 3.0 API conformance over the sample directory: every response validated against the
official schemas, tightened with additionalProperties=false as the specification's CI does."""

from __future__ import annotations

import json
import math
import time

import pytest
import requests

from conftest import HTTP_TIMEOUT, PAGE_KEYS, SAMPLE_ORGANIZATIONS, SAMPLE_SERVICES

TOP_LEVEL_CODES = {
    "children-families",
    "health-wellbeing",
    "education-training",
    "art-culture",
    "place-making",
    "recreation-sport",
    "community-safety",
}


def test_health(base_url):
    r = requests.get(base_url + "/health", timeout=HTTP_TIMEOUT)
    assert r.status_code == 200
    assert r.text.strip() == "ok"


def test_serve_prints_its_url_when_ready(base_url, sample_node):
    """`waymark serve` prints a line with its URL once it is ready. The suite sends its output to a
    file (as a supervisor piping it would), so the line must be flushed, not held until exit."""
    log = sample_node.work / "serve.log"
    deadline = time.monotonic() + 5
    while base_url not in (text := log.read_text(errors="replace")) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert base_url in text, (
        f"SERVER BUG: the server has answered /health for a while, but its output (stdout+stderr, to a file) "
        f"still has no line with {base_url}; stdout is not flushed until exit. Output so far:\n{text}"
    )


def test_api_details_validate(api, schemas):
    r = api.get("")
    assert r.status_code == 200
    assert r.headers["Content-Type"].startswith("application/json")
    assert r.headers.get("Access-Control-Allow-Origin") == "*"
    body = r.json()
    schemas.check("api_details", body, "GET /api")
    assert body["version"].startswith("3.0")
    assert body["openapi_url"].startswith("http")


def test_sample_counts(api):
    assert api.total("/services") == SAMPLE_SERVICES
    assert api.total("/organizations") == SAMPLE_ORGANIZATIONS
    assert api.total("/service_at_locations") >= SAMPLE_SERVICES
    assert api.total("/taxonomies") >= 1


@pytest.mark.parametrize("per_page", [50, 100])
def test_services_pages_validate(api, schemas, per_page):
    first = api.json("/services", {"per_page": per_page})
    pages = math.ceil(SAMPLE_SERVICES / per_page)
    assert first["total_items"] == SAMPLE_SERVICES
    assert first["total_pages"] == pages
    seen = []
    for n in range(1, pages + 1):
        page = api.json("/services", {"per_page": per_page, "page": n})
        schemas.check_page(page, "service_list", f"/services?per_page={per_page}&page={n}")
        assert page["page_number"] == n
        assert page["size"] == (per_page if n < pages else SAMPLE_SERVICES - per_page * (pages - 1))
        seen += [s["id"] for s in page["contents"]]
    assert len(seen) == len(set(seen)) == SAMPLE_SERVICES


def test_services_full_items_validate(api, schemas):
    for n in range(1, 5):
        page = api.json("/services", {"per_page": 100, "page": n, "full": "true"})
        schemas.check_page(page, "service", f"/services?full=true&page={n}")
        for item in page["contents"]:
            assert "service_at_locations" in item and "organization" in item, f"full=true item {item['id']} is not fully nested"


def test_every_service_detail_validates(api, schemas, sample_services):
    problems = []
    for sid, doc in sample_services.items():
        assert doc["id"] == sid
        problems += [f"/services/{sid}: {e}" for e in schemas.errors("service", doc)]
    assert not problems, f"{len(problems)} schema errors:\n  " + "\n  ".join(problems[:20])


def test_service_detail_matches_list_item(api, sample_services):
    """The list item's own fields are the same as the detail's."""
    for item in api.all("/services"):
        doc = sample_services[item["id"]]
        for key, value in item.items():
            if isinstance(value, (dict, list)):
                continue
            assert doc.get(key) == value, f"{item['id']}: {key} is {value!r} in the list but {doc.get(key)!r} in the detail"


def test_organizations_pages_validate(api, schemas):
    for n in range(1, 4):
        page = api.json("/organizations", {"per_page": 50, "page": n})
        schemas.check_page(page, "organization_list", f"/organizations?page={n}")
    page = api.json("/organizations", {"per_page": 25, "page": 2, "full": "true"})
    schemas.check_page(page, "organization", "/organizations?full=true")
    assert page["total_items"] == SAMPLE_ORGANIZATIONS


def test_every_organization_detail_validates(api, schemas):
    orgs = api.all("/organizations")
    assert len(orgs) == SAMPLE_ORGANIZATIONS
    for i, org in enumerate(orgs[::2]):  # every other organisation keeps this quick
        doc = api.json(f"/organizations/{org['id']}")
        schemas.check("organization", doc, f"/organizations/{org['id']}")
        assert doc["id"] == org["id"]
        assert "services" in doc
        if i % 5 == 0:
            full = api.json(f"/organizations/{org['id']}", {"full_service": "true"})
            schemas.check("organization", full, f"/organizations/{org['id']}?full_service=true")
            assert {s["id"] for s in full["services"]} == {s["id"] for s in doc["services"]}


def test_organization_services_agree_with_filter(api):
    orgs = api.all("/organizations")
    for org in orgs[::13]:
        doc = api.json(f"/organizations/{org['id']}")
        nested = {s["id"] for s in doc["services"]}
        filtered = set(api.ids("/services", {"organization_id": org["id"]}))
        assert nested == filtered, f"organisation {org['id']}: nested services differ from ?organization_id"


def test_service_at_locations_validate(api, schemas):
    items = []
    for n in range(1, 100):
        page = api.json("/service_at_locations", {"per_page": 100, "page": n})
        schemas.check_page(page, "service_at_location_list", f"/service_at_locations?page={n}")
        items += page["contents"]
        if page["last_page"]:
            break
    assert len(items) == page["total_items"]
    for sal in items[::7]:
        doc = api.json(f"/service_at_locations/{sal['id']}")
        schemas.check("service_at_location", doc, f"/service_at_locations/{sal['id']}")
        assert doc["id"] == sal["id"]


def test_service_at_locations_filtered_validate(api, schemas):
    page = api.json("/service_at_locations", {"free": "true", "per_page": 1000})
    schemas.check_page(page, "service_at_location_list", "/service_at_locations?free=true")
    free = set(api.ids("/services", {"free": "true"}))
    assert page["total_items"] > 0
    for sal in page["contents"]:
        assert sal["service_id"] in free, f"service_at_location {sal['id']} is for non-free service {sal['service_id']}"


def test_taxonomies_validate(api, schemas):
    page = api.json("/taxonomies")
    schemas.check_page(page, "taxonomy", "/taxonomies")
    for tax in page["contents"]:
        schemas.check("taxonomy", api.json(f"/taxonomies/{tax['id']}"), f"/taxonomies/{tax['id']}")


def test_taxonomy_terms_validate(api, schemas, sample_terms):
    for n in (1, 2, 3):
        page = api.json("/taxonomy_terms", {"per_page": 20, "page": n})
        schemas.check_page(page, "taxonomy_term", f"/taxonomy_terms?page={n}")
    for term in sample_terms:
        schemas.check("taxonomy_term", api.json(f"/taxonomy_terms/{term['id']}"), f"/taxonomy_terms/{term['id']}")


def test_sample_taxonomy_structure(api, schemas, sample_terms):
    by_id = {t["id"]: t for t in sample_terms}
    top = [t for t in sample_terms if not t.get("parent_id")]
    assert {t["code"] for t in top} == TOP_LEVEL_CODES
    children = [t for t in sample_terms if t.get("parent_id")]
    assert len(children) >= 35
    for t in children:
        parent = by_id[t["parent_id"]]
        assert not parent.get("parent_id"), f"{t['code']}: more than two levels"
        head, _, tail = t["code"].partition(".")
        assert head == parent["code"] and tail, f"child code {t['code']!r} is not '{parent['code']}.<child>'"

    top_only = api.json("/taxonomy_terms", {"top_only": "true", "per_page": 100})
    schemas.check_page(top_only, "taxonomy_term", "/taxonomy_terms?top_only=true")
    assert {t["id"] for t in top_only["contents"]} == {t["id"] for t in top}

    for parent in top:
        kids = api.all("/taxonomy_terms", {"parent_id": parent["id"]})
        assert {t["id"] for t in kids} == {t["id"] for t in children if t["parent_id"] == parent["id"]}

    taxonomy_id = sample_terms[0]["taxonomy_id"]
    assert len(api.all("/taxonomy_terms", {"taxonomy_id": taxonomy_id})) == len(sample_terms)
    assert api.total("/taxonomy_terms", {"taxonomy_id": "no-such-taxonomy"}) == 0


def test_empty_page_envelope(api, schemas):
    page = api.json("/services", {"search": "zzqxqzzqx"})
    schemas.check_page(page, "service_list", "empty search")
    assert page["total_items"] == 0 and page["empty"] and page["contents"] == []
    beyond = api.json("/services", {"per_page": 100, "page": 99})
    schemas.check_page(beyond, "service_list", "page beyond the last")
    assert beyond["empty"] and beyond["total_items"] == SAMPLE_SERVICES and beyond["last_page"]


def test_facets_page_validates(api, schemas):
    page = api.json("/services", {"facets": "true", "per_page": 5})
    schemas.check_page(page, "service_list", "/services?facets=true", facets=True)
    plain = api.json("/services", {"per_page": 5})
    assert "facets" not in plain
    assert set(plain) == set(PAGE_KEYS) | {"contents"}


def test_service_ndjson_lines_validate(api, schemas):
    r = api.get("/services", {"format": "ndjson"})
    assert r.status_code == 200
    assert r.headers["Content-Type"].startswith("application/x-ndjson")
    lines = r.text.splitlines()
    assert len(lines) == SAMPLE_SERVICES
    for line in lines:
        schemas.check("service_list", json.loads(line), "ndjson line")


def test_modified_after(api, sample_services):
    cutoff = "2026-06-01"
    ids = api.ids("/services", {"modified_after": cutoff})
    expected = {i for i, s in sample_services.items() if s.get("last_modified", "") >= cutoff}
    assert 0 < len(ids) < SAMPLE_SERVICES
    assert set(ids) == expected


ENDPOINTS_FOR_CORS = [
    "",
    "/services",
    "/services?facets=true",
    "/services?format=ndjson",
    "/organizations",
    "/taxonomies",
    "/taxonomy_terms",
    "/service_at_locations",
    "/services/does-not-exist",
    "/services?page=0",
]


@pytest.mark.parametrize("path", ENDPOINTS_FOR_CORS)
def test_cors_header_on_api_responses(api, path):
    r = requests.get(api.root + path, timeout=HTTP_TIMEOUT, headers={"Origin": "https://example.org"})
    assert r.headers.get("Access-Control-Allow-Origin") == "*", f"GET /api{path} -> {r.status_code} without CORS header"


@pytest.mark.parametrize("path", ["/services", "/services/{id}", "/organizations", "/taxonomy_terms", ""])
def test_options_preflight(api, path):
    """OPTIONS on /api/... must answer 204 with the CORS headers (browser preflight)."""
    path = path.replace("{id}", api.ids("/services", {"minimal": "true"})[0])
    r = requests.options(
        api.root + path,
        timeout=HTTP_TIMEOUT,
        headers={"Origin": "https://example.org", "Access-Control-Request-Method": "GET"},
    )
    assert r.status_code == 204, (
        f"SERVER BUG: OPTIONS /api{path} answered {r.status_code} (headers {dict(r.headers)}), "
        "expected 204 with Access-Control-Allow-Origin/-Methods"
    )
    assert r.headers.get("Access-Control-Allow-Origin") == "*"
    assert "GET" in r.headers.get("Access-Control-Allow-Methods", "")


def test_unknown_api_path_has_cors_header(api):
    """Every /api response carries the CORS header, including a 404 for a path that does not exist,
    so that browser clients can read the error."""
    r = requests.get(api.root + "/no-such-endpoint", timeout=HTTP_TIMEOUT, headers={"Origin": "https://example.org"})
    assert r.status_code == 404
    assert r.headers.get("Access-Control-Allow-Origin") == "*", (
        f"SERVER BUG: GET /api/no-such-endpoint -> 404 with headers {dict(r.headers)} (no Access-Control-Allow-Origin)"
    )


def test_concurrent_requests(api, sample_services):
    """The server answers many overlapping requests correctly."""
    from concurrent.futures import ThreadPoolExecutor

    ids = list(sample_services)[:60]
    queries = [("/services", {"search": "youth"}), ("/services", {"free": "true", "facets": "true"}),
               ("/organizations", {}), ("/taxonomy_terms", {})]

    def one(n: int):
        s = requests.Session()
        if n % 2:
            sid = ids[n % len(ids)]
            r = s.get(f"{api.root}/services/{sid}", timeout=HTTP_TIMEOUT)
            return r.status_code, r.json().get("id") == sid
        path, params = queries[n % len(queries)]
        r = s.get(api.root + path, params=params, timeout=HTTP_TIMEOUT)
        return r.status_code, isinstance(r.json().get("contents"), list)

    with ThreadPoolExecutor(max_workers=16) as pool:
        results = list(pool.map(one, range(160)))
    assert all(status == 200 and ok for status, ok in results), [r for r in results if r != (200, True)][:5]
