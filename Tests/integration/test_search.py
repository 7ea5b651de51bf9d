"""Search behaviour against the sample directory, checked against the services' own records
(fetched from /api/services/{id}) rather than against the server's word."""

from __future__ import annotations

import datetime as dt
import json
import math
import time

import pytest

from conftest import SAMPLE_BANNER, SAMPLE_SERVICES, describe, run_waymark

# A fixed Monday and Sunday, inside the sample schedules' validity (they start 2026-01-01).
MONDAY = dt.date(2026, 11, 23)
SUNDAY = dt.date(2026, 11, 22)
DAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]

BALLYMUN = (53.3955, -6.2645)  # Ballymun Main Street


# --------------------------------------------------------------------------------------------
# Ground truth from the records
# --------------------------------------------------------------------------------------------

def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    r = 6371.0088
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * r * math.asin(min(1.0, math.sqrt(h)))


def points(doc: dict) -> list[tuple[float, float]]:
    out = []
    for sal in doc.get("service_at_locations") or []:
        loc = sal.get("location") or {}
        if isinstance(loc.get("latitude"), (int, float)) and isinstance(loc.get("longitude"), (int, float)):
            out.append((loc["latitude"], loc["longitude"]))
    return out


def distance_km(doc: dict, origin: tuple[float, float]) -> float | None:
    ds = [haversine_km(origin, p) for p in points(doc)]
    return min(ds) if ds else None


def minutes(hhmm: str | None) -> int | None:
    if not hhmm:
        return None
    h, m = hhmm.split(":")[:2]
    return int(h) * 60 + int(m)


def schedules(doc: dict) -> list[dict]:
    """The schedules that say when a service is open: its own, else its locations'."""
    own = list(doc.get("schedules") or [])
    for sal in doc.get("service_at_locations") or []:
        own += sal.get("schedules") or []
    if own:
        return own
    out = []
    for sal in doc.get("service_at_locations") or []:
        out += (sal.get("location") or {}).get("schedules") or []
    return out


def weekly_slots(doc: dict):
    """(weekday code, opens, closes, valid_from, valid_to) for each weekly opening."""
    for s in schedules(doc):
        if (s.get("freq") or "WEEKLY").upper() != "WEEKLY" or (s.get("interval") or 1) > 1:
            continue
        o, c = minutes(s.get("opens_at")), minutes(s.get("closes_at"))
        if o is None or c is None or not s.get("byday"):
            continue
        vf = dt.date.fromisoformat(s["valid_from"][:10]) if s.get("valid_from") else None
        vt = dt.date.fromisoformat(s["valid_to"][:10]) if s.get("valid_to") else None
        for code in s["byday"].split(","):
            code = code.strip().upper()[-2:]
            if c > o:
                yield code, o, c, vf, vt, s
            elif c < o:  # past midnight
                yield code, o, 1440, vf, vt, s
                nxt = DAY_CODES[(DAY_CODES.index(code) + 1) % 7]
                yield nxt, 0, c, vf and vf + dt.timedelta(days=1), vt and vt + dt.timedelta(days=1), s


def open_at(doc: dict, when: dt.datetime) -> bool:
    code, m, day = DAY_CODES[when.weekday()], when.hour * 60 + when.minute, when.date()
    return any(
        d == code and o <= m < c and (vf is None or vf <= day) and (vt is None or day <= vt)
        for d, o, c, vf, vt, _ in weekly_slots(doc)
    )


def open_during(doc: dict, code: str, start: int, end: int) -> bool:
    return any(d == code and o < end and start < c for d, o, c, _, _, _ in weekly_slots(doc))


def language_codes(doc: dict) -> set[str]:
    return {(lang.get("code") or lang.get("name") or "").lower() for lang in doc.get("languages") or []}


def amounts(doc: dict) -> list[float]:
    return [c["amount"] for c in doc.get("cost_options") or [] if isinstance(c.get("amount"), (int, float))]


def serves_age(doc: dict, age: float) -> bool:
    lo, hi = doc.get("minimum_age"), doc.get("maximum_age")
    return (lo is None or lo <= age) and (hi is None or age <= hi)


def term_ids(doc: dict) -> set[str]:
    return {a.get("taxonomy_term_id") or (a.get("taxonomy_term") or {}).get("id") for a in doc.get("attributes") or []}


# --------------------------------------------------------------------------------------------
# Text search
# --------------------------------------------------------------------------------------------

def names_containing(sample_services, word: str) -> set[str]:
    return {i for i, s in sample_services.items() if word in s["name"].lower()}


def test_plain_word_search(api, sample_services):
    found = set(api.ids("/services", {"search": "youth"}))
    expected = names_containing(sample_services, "youth")
    assert expected and expected <= found, f"'youth' misses {sorted(sample_services[i]['name'] for i in expected - found)}"


def test_typo_tolerance(api, sample_services):
    found = set(api.ids("/services", {"search": "yuoth"}))
    expected = names_containing(sample_services, "youth")
    assert expected, "sample has no 'youth' services?"
    missing = expected - found
    assert not missing, f"'yuoth' misses {sorted(sample_services[i]['name'] for i in missing)}"


def test_prefix_search(api, sample_services):
    found = set(api.ids("/services", {"search": "counsel"}))
    expected = names_containing(sample_services, "counselling")
    assert expected, "sample has no 'counselling' services?"
    assert expected <= found, f"'counsel' misses {sorted(sample_services[i]['name'] for i in expected - found)}"


def test_search_is_case_insensitive(api):
    assert set(api.ids("/services", {"search": "YOUTH"})) == set(api.ids("/services", {"search": "youth"}))


def test_multi_word_search_narrows(api):
    youth = set(api.ids("/services", {"search": "youth"}))
    both = set(api.ids("/services", {"search": "youth club"}))
    assert both and both <= youth


def test_nonsense_finds_nothing(api):
    assert api.total("/services", {"search": "qqzzxxqq"}) == 0


def test_search_combines_with_filters(api):
    youth = set(api.ids("/services", {"search": "youth"}))
    free = set(api.ids("/services", {"free": "true"}))
    both = set(api.ids("/services", {"search": "youth", "free": "true"}))
    assert both == youth & free


# --------------------------------------------------------------------------------------------
# Taxonomy and organisation filters
# --------------------------------------------------------------------------------------------

def test_child_term_filter_matches_attributes(api, sample_services, sample_terms):
    for term in sample_terms:
        if not term.get("parent_id"):
            continue
        found = set(api.ids("/services", {"taxonomy_term_id": term["id"]}))
        expected = {i for i, s in sample_services.items() if term["id"] in term_ids(s)}
        assert found == expected, f"term {term['code']}: {len(found)} found, {len(expected)} tagged"


def test_top_level_term_includes_children(api, sample_services, sample_terms):
    for top in [t for t in sample_terms if not t.get("parent_id")]:
        found = set(api.ids("/services", {"taxonomy_term_id": top["id"]}))
        children = [t for t in sample_terms if t.get("parent_id") == top["id"]]
        assert children, f"{top['code']} has no child terms"
        union = set()
        for child in children:
            union |= set(api.ids("/services", {"taxonomy_term_id": child["id"]}))
        direct = {i for i, s in sample_services.items() if top["id"] in term_ids(s)}
        assert found == union | direct, (
            f"{top['code']}: {len(found)} services, union of its {len(children)} children {len(union)}, "
            f"missing {len(union - found)}, extra {len(found - union - direct)}"
        )


def test_taxonomy_id_filter(api, sample_services, sample_terms):
    taxonomy_id = sample_terms[0]["taxonomy_id"]
    found = set(api.ids("/services", {"taxonomy_id": taxonomy_id}))
    expected = {i for i, s in sample_services.items() if term_ids(s)}
    assert found == expected
    assert api.total("/services", {"taxonomy_id": "no-such-taxonomy"}) == 0


def test_organization_filter(api, sample_services):
    orgs = sorted({s["organization_id"] for s in sample_services.values()})
    for org in orgs[::9]:
        found = set(api.ids("/services", {"organization_id": org}))
        expected = {i for i, s in sample_services.items() if s["organization_id"] == org}
        assert found == expected, f"organization_id={org}"
    assert api.total("/services", {"organization_id": "00000000-0000-4000-8000-000000000000"}) == 0


# --------------------------------------------------------------------------------------------
# Languages, cost, ages
# --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("code", ["pl", "ga", "ar", "ro"])
def test_language_filter(api, sample_services, code):
    found = set(api.ids("/services", {"language": code}))
    assert found, f"no services in {code}"
    for sid in found:
        assert code in language_codes(sample_services[sid]), f"{sample_services[sid]['name']} has no language {code}"
    expected = {i for i, s in sample_services.items() if code in language_codes(s)}
    assert found == expected
    assert found == set(api.ids("/services", {"language": code.upper()}))


def test_free_filter(api, sample_services):
    page = api.json("/services", {"free": "true", "facets": "true", "per_page": 1000})
    found = {s["id"] for s in page["contents"]}
    assert 0 < len(found) < SAMPLE_SERVICES
    for sid in found:
        a = amounts(sample_services[sid])
        assert a and all(x == 0 for x in a), f"{sample_services[sid]['name']} is not free: cost_options amounts {a}"
    assert page["facets"]["free"] == page["total_items"]
    priced = {i for i, s in sample_services.items() if amounts(s)}
    assert found & priced == {i for i in priced if all(x == 0 for x in amounts(sample_services[i]))}


@pytest.mark.parametrize("age", [0, 5, 16, 40, 80])
def test_age_filter(api, sample_services, age):
    found = set(api.ids("/services", {"age": age}))
    for sid in found:
        s = sample_services[sid]
        assert serves_age(s, age), f"{s['name']} ages {s.get('minimum_age')}-{s.get('maximum_age')} returned for age {age}"
    expected = {i for i, s in sample_services.items() if serves_age(s, age)}
    assert found == expected


def test_age_range_filter_overlaps(api, sample_services):
    found = set(api.ids("/services", {"minimum_age": 13, "maximum_age": 17}))
    for sid in found:
        s = sample_services[sid]
        lo, hi = s.get("minimum_age"), s.get("maximum_age")
        assert (hi is None or hi >= 13) and (lo is None or lo <= 17), f"{s['name']} {lo}-{hi}"
    assert found


# --------------------------------------------------------------------------------------------
# Opening hours
# --------------------------------------------------------------------------------------------

def test_open_at_monday_morning(api, sample_services):
    when = dt.datetime.combine(MONDAY, dt.time(10, 30))
    found = set(api.ids("/services", {"open_at": when.strftime("%Y-%m-%dT%H:%M")}))
    assert found, "nothing open on a Monday at 10:30"
    for sid in found:
        s = sample_services[sid]
        assert open_at(s, when), f"{s['name']} returned as open Monday 10:30; schedules {json.dumps(schedules(s))}"
    expected = {i for i, s in sample_services.items() if open_at(s, when)}
    assert found == expected


def test_open_at_sunday_night_is_empty(api, sample_services):
    when = dt.datetime.combine(SUNDAY, dt.time(3, 0))
    assert api.total("/services", {"open_at": when.strftime("%Y-%m-%dT%H:%M")}) == 0
    assert not any(open_at(s, when) for s in sample_services.values())


@pytest.mark.parametrize("day", ["saturday", "SA", "Saturday"])
def test_day_and_time_window(api, sample_services, day):
    found = set(api.ids("/services", {"day": day, "start_time": "10:00", "end_time": "12:00"}))
    assert found
    for sid in found:
        s = sample_services[sid]
        assert open_during(s, "SA", 600, 720), f"{s['name']} has no Saturday opening overlapping 10:00-12:00"
    expected = {i for i, s in sample_services.items() if open_during(s, "SA", 600, 720)}
    assert found == expected


def dublin_now() -> dt.datetime:
    try:
        from zoneinfo import ZoneInfo

        return dt.datetime.now(ZoneInfo("Europe/Dublin")).replace(tzinfo=None)
    except Exception:  # no tz database on this machine
        pytest.skip("no Europe/Dublin time zone data")


def test_open_now_matches_schedules_in_dublin_time(api, sample_services):
    """open_now is judged at the node's local time, Europe/Dublin."""
    for _ in range(3):
        now = dublin_now()
        if now.second > 55:
            time.sleep(5)
            continue
        found = set(api.ids("/services", {"open_now": "true"}))
        if dublin_now().minute != now.minute:
            continue
        expected = {i for i, s in sample_services.items() if open_at(s, now)}
        assert found == expected, f"at {now:%a %H:%M} Dublin: {len(found)} open per API, {len(expected)} per schedules"
        return
    pytest.skip("clock kept crossing minute boundaries")


def test_time_window_without_day_means_today(api):
    before = dublin_now()
    params = {"start_time": "10:00", "end_time": "12:00"}
    without = set(api.ids("/services", params))
    with_day = set(api.ids("/services", {**params, "day": DAY_CODES[before.weekday()]}))
    if dublin_now().date() != before.date():
        pytest.skip("midnight passed during the test")
    assert without == with_day


def test_open_now_agrees_with_facet(api):
    for _ in range(3):  # a minute boundary may fall between the two requests
        open_now = api.total("/services", {"open_now": "true"})
        facet = api.json("/services", {"facets": "true", "per_page": 1})["facets"]["open_now"]
        if open_now == facet:
            return
    assert open_now == facet


# --------------------------------------------------------------------------------------------
# Places and distance
# --------------------------------------------------------------------------------------------

def test_sort_by_distance(api, sample_services):
    lat, lon = BALLYMUN
    items = api.all("/services", {"lat": lat, "lon": lon, "sort": "distance"})
    assert len(items) == SAMPLE_SERVICES
    dists = [distance_km(sample_services[s["id"]], BALLYMUN) for s in items]
    known = [d for d in dists if d is not None]
    assert known == dists[: len(known)], "services without a location must come last"
    for i in range(1, len(known)):
        assert known[i - 1] <= known[i] + 1e-6, f"distance goes down at position {i}: {known[i - 1]:.4f} km then {known[i]:.4f} km"


def test_distance_is_default_sort_with_a_point(api, sample_services):
    """Without search text, a point sorts by distance."""
    items = api.all("/services", {"lat": BALLYMUN[0], "lon": BALLYMUN[1]})
    dists = [distance_km(sample_services[s["id"]], BALLYMUN) for s in items]
    dists = [d if d is not None else math.inf for d in dists]
    assert all(dists[i - 1] <= dists[i] + 1e-6 for i in range(1, len(dists)))


@pytest.mark.parametrize("params", [{"radius_km": 0.5}, {"proximity": 500}], ids=["radius_km", "proximity"])
def test_radius_excludes_far_services(api, sample_services, params):
    found = set(api.ids("/services", {"lat": BALLYMUN[0], "lon": BALLYMUN[1], **params}))
    assert 0 < len(found) < SAMPLE_SERVICES
    for sid in found:
        d = distance_km(sample_services[sid], BALLYMUN)
        assert d is not None and d <= 0.5 + 1e-3, f"{sample_services[sid]['name']} is {d} km away, radius 0.5 km"
    for sid, s in sample_services.items():
        d = distance_km(s, BALLYMUN)
        if d is not None and d < 0.5 - 1e-3:
            assert sid in found, f"{s['name']} is {d:.3f} km away but missing"


def test_postcode_routing_key(api):
    page = api.json("/services", {"postcode": "D11", "per_page": 5})
    assert page["total_items"] == SAMPLE_SERVICES
    near = api.total("/services", {"postcode": "D11", "proximity": 1500})
    assert 0 < near < SAMPLE_SERVICES
    assert api.total("/services", {"postcode": "d11"}) == SAMPLE_SERVICES
    assert api.total("/services", {"postcode": "Dublin 11"}) == SAMPLE_SERVICES
    assert api.total("/services", {"near": "Ballymun Library", "radius_km": 1}) > 0


@pytest.mark.parametrize(
    "query,expected",
    [
        ("accessibility=Lift+to+all+floors", "accessibility=Lift%20to%20all%20floors"),
        ("near=Ballymun+Library&radius_km=1", "near=Ballymun%20Library&radius_km=1"),
        ("postcode=Dublin+11", "postcode=Dublin%2011"),
    ],
)
def test_plus_in_query_string_means_space(api, query, expected):
    """HTML forms, URLSearchParams and Python's urlencode send a space in a query value as '+'
    (application/x-www-form-urlencoded); the API must read it as a space."""
    want = api.get("/services?" + expected + "&per_page=1")
    assert want.status_code == 200 and want.json()["total_items"] > 0, want.text[:300]
    got = api.get("/services?" + query + "&per_page=1")
    assert got.status_code == 200 and got.json()["total_items"] == want.json()["total_items"], (
        f"SERVER BUG: GET /api/services?{query} answered {got.status_code} {got.text[:250]} "
        f"but ?{expected} gives total_items {want.json()['total_items']}: '+' in the query string is not decoded as a space"
    )


# --------------------------------------------------------------------------------------------
# Sorting, paging and formats
# --------------------------------------------------------------------------------------------

def test_modified_after_with_utc_offset(api, sample_services):
    """modified_after is an instant: 10:30+02:00 is the same moment as 08:30Z."""
    stamps = sorted({s["last_modified"] for s in sample_services.values() if s.get("last_modified")})
    pivot = dt.datetime.fromisoformat(stamps[len(stamps) // 2].replace("Z", "+00:00"))
    cut = pivot - dt.timedelta(minutes=30)  # half an hour before some service's last change
    as_utc = cut.strftime("%Y-%m-%dT%H:%M:%SZ")
    as_offset = cut.astimezone(dt.timezone(dt.timedelta(hours=2))).strftime("%Y-%m-%dT%H:%M:%S+02:00")
    expected = {
        i for i, s in sample_services.items()
        if dt.datetime.fromisoformat(s["last_modified"].replace("Z", "+00:00")) >= cut
    }
    assert set(api.ids("/services", {"modified_after": as_utc})) == expected
    got = set(api.ids("/services", {"modified_after": as_offset}))
    assert got == expected, (
        f"SERVER BUG: modified_after={as_offset} returned {len(got)} services but {as_utc} (the same instant) "
        f"returned {len(expected)}; missing {sorted(sample_services[i]['last_modified'] for i in expected - got)}"
    )


def test_sort_by_name(api):
    names = [s["name"].lower() for s in api.all("/services", {"sort": "name"})]
    assert names == sorted(names)


def test_sort_by_updated(api):
    stamps = [s.get("last_modified", "") for s in api.all("/services", {"sort": "updated"})]
    assert stamps == sorted(stamps, reverse=True)


def test_pagination_is_disjoint_and_complete(api):
    per_page = 25
    first = api.json("/services", {"per_page": per_page, "sort": "name"})
    total, pages = first["total_items"], first["total_pages"]
    assert pages == math.ceil(total / per_page)
    seen: list[str] = []
    for n in range(1, pages + 1):
        page = api.json("/services", {"per_page": per_page, "page": n, "sort": "name"})
        ids = [s["id"] for s in page["contents"]]
        assert not set(ids) & set(seen), f"page {n} repeats services"
        seen += ids
    assert len(seen) == total == SAMPLE_SERVICES
    assert seen == api.ids("/services", {"sort": "name"}), "pages do not concatenate to the whole list"


def test_pagination_with_filter(api):
    params = {"free": "true", "per_page": 30}
    first = api.json("/services", params)
    seen = set()
    for n in range(1, first["total_pages"] + 1):
        seen |= {s["id"] for s in api.json("/services", {**params, "page": n})["contents"]}
    assert len(seen) == first["total_items"]


@pytest.mark.parametrize("params", [{}, {"free": "true"}, {"search": "youth"}, {"language": "pl"}])
def test_ndjson_has_total_items_lines(api, params):
    total = api.total("/services", params)
    r = api.get("/services", {**params, "format": "ndjson"})
    assert r.status_code == 200
    assert r.headers["Content-Type"].startswith("application/x-ndjson")
    lines = [line for line in r.text.split("\n") if line]
    assert len(lines) == total
    ids = [json.loads(line)["id"] for line in lines]
    assert len(set(ids)) == total
    assert set(ids) == set(api.ids("/services", params))


def test_minimal_items(api, sample_services):
    page = api.json("/services", {"minimal": "true", "per_page": 1000})
    assert page["total_items"] == SAMPLE_SERVICES
    for item in page["contents"]:
        assert set(item) == {"id", "last_modified"}, item
        assert item["last_modified"] == sample_services[item["id"]].get("last_modified")


# --------------------------------------------------------------------------------------------
# Facets
# --------------------------------------------------------------------------------------------

def test_term_facet_counts_match_filters(api, schemas):
    page = api.json("/services", {"facets": "true", "per_page": 1})
    schemas.check("page_with_facets", page)
    terms = page["facets"]["taxonomy_terms"]
    assert terms
    for entry in terms:
        total = api.total("/services", {"taxonomy_term_id": entry["id"]})
        assert total == entry["count"], f"term {entry.get('name')} facet says {entry['count']}, filter gives {total}"


def test_facets_follow_the_query(api):
    base = {"search": "youth"}
    page = api.json("/services", {**base, "facets": "true", "per_page": 1})
    facets = page["facets"]
    for entry in facets["taxonomy_terms"][:12]:
        assert api.total("/services", {**base, "taxonomy_term_id": entry["id"]}) == entry["count"], entry
    for entry in facets["languages"]:
        assert api.total("/services", {**base, "language": entry["code"]}) == entry["count"], entry
    assert api.total("/services", {**base, "free": "true"}) == facets["free"]


def test_other_facet_counts_match_filters(api):
    facets = api.json("/services", {"facets": "true", "per_page": 1})["facets"]
    for entry in facets["languages"]:
        assert api.total("/services", {"language": entry["code"]}) == entry["count"], entry
    for entry in facets["accessibility"]:
        assert api.total("/services", {"accessibility": entry["value"]}) == entry["count"], entry
    for entry in facets["organizations"][::10]:
        assert api.total("/services", {"organization_id": entry["id"]}) == entry["count"], entry
    assert sum(e["count"] for e in facets["organizations"]) == SAMPLE_SERVICES
    assert api.total("/services", {"free": "true"}) == facets["free"]


def test_language_facet_agrees_with_records(api, sample_services):
    facets = api.json("/services", {"facets": "true", "per_page": 1})["facets"]
    for entry in facets["languages"]:
        expected = sum(1 for s in sample_services.values() if entry["code"] in language_codes(s))
        assert entry["count"] == expected, entry


# --------------------------------------------------------------------------------------------
# CLI search
# --------------------------------------------------------------------------------------------

def test_cli_search(sample_node):
    proc = run_waymark("search", "--data", sample_node.path, "youth", timeout=60)
    assert proc.returncode == 0, describe(proc)
    assert "services match" in proc.stdout, describe(proc)
    assert SAMPLE_BANNER in proc.stdout + proc.stderr, describe(proc)


def test_cli_search_agrees_with_api(sample_node, api):
    total = api.total("/services", {"search": "youth", "free": "true"})
    proc = run_waymark("search", "--data", sample_node.path, "youth", "--free", timeout=60)
    assert proc.returncode == 0, describe(proc)
    assert f"{total} services match" in proc.stdout, describe(proc)


def test_cli_search_json_results(sample_node, api):
    expected = api.ids("/services", {"search": "youth", "per_page": 5})[:5]
    proc = run_waymark("search", "--data", sample_node.path, "youth", "--json", "--per-page", "5", timeout=60)
    assert proc.returncode == 0, describe(proc)
    docs = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    assert [d["id"] for d in docs] == expected


def test_cli_search_near(sample_node):
    proc = run_waymark("search", "--data", sample_node.path, "--near", "D11", "--radius", "1", timeout=60)
    assert proc.returncode == 0, describe(proc)
    assert "services match" in proc.stdout
    bad = run_waymark("search", "--data", sample_node.path, "--near", "ZZZ", timeout=60)
    assert bad.returncode != 0 and "near" in bad.stderr + bad.stdout, describe(bad)
