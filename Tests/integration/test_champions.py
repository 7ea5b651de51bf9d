"""Local champions across real node processes (Protocol/SPEC.md §11).

A founds the federation and admits B; each publishes half of the sample. B admits a local champion
(a staff account with the role `champion`). The champion signs in on B, finds one of A's listings,
and says they saw it in person: the check, signed by B, shows on A's service page with the
champion's name and B's, and counts on A's freshness page. The champion reaches nothing else of the
staff area. A member gone bad's checks show under its own name, and go when it is removed.
"""
from __future__ import annotations

import datetime
import re
import time

import pytest
import requests

import waymark_wire as wire
from test_federation import CONVERGE, FedNode, new_node, wait_until

PASSWORD = "champion password here"


def sign_in(node: FedNode, username: str) -> requests.Session:
    return node.staff_session(username, PASSWORD)


@pytest.fixture(scope="module")
def pair(make_node):
    a = new_node(make_node, "champ-a", "Champion Org A")
    b = new_node(make_node, "champ-b", "Champion Org B")
    a.cli_ok("import", "--sample", "--sample-part", "1/2")
    b.cli_ok("import", "--sample", "--sample-part", "2/2")
    b.add_staff("sile", "Síle Byrne", "champion", PASSWORD)
    b.add_staff("aoife", "Aoife Admin", "admin", PASSWORD)
    b.add_staff("ciaran", "Ciarán Caseworker", "caseworker", PASSWORD)
    for n in (a, b):
        n.start()
    try:
        a.found_with(b)
        own_a = sorted(r[0] for r in a.sql("SELECT id FROM record WHERE tbl = 'service' AND publisher = ?", a.signing_key()))
        wait_until("B holds A's listings", lambda: set(own_a) <= {r[0] for r in b.sql("SELECT id FROM record WHERE tbl = 'service'")}
                   and requests.get(b.url + f"/services/{own_a[0]}", timeout=10).status_code == 200, CONVERGE, (a, b))
        # And the other way: the test counts A's freshness page before and after a check, so A must
        # already hold every listing of B, or the count grows by B's arrivals as well.
        own_b = sorted(r[0] for r in b.sql("SELECT id FROM record WHERE tbl = 'service' AND publisher = ?", b.signing_key()))
        wait_until("A holds B's listings", lambda: set(own_b) <= {r[0] for r in a.sql("SELECT id FROM record WHERE tbl = 'service'")}
                   and requests.get(a.url + f"/services/{own_b[-1]}", timeout=10).status_code == 200, CONVERGE, (a, b))
        yield a, b, own_a
    finally:
        for n in (a, b):
            n.stop()


def checked_overall(node: FedNode) -> int:
    page = requests.get(node.url + "/freshness", timeout=10).text
    return int(re.search(r'<tr class="overall"><th scope="row">[^<]*</th><td data-checked="(\d+)"', page).group(1))


def test_a_champion_checks_another_organisations_listing_and_every_node_shows_it(pair) -> None:
    a, b, own_a = pair
    # A listing its publisher has not checked for a year, so the champion's check is what makes it count.
    year_ago = (datetime.date.today() - datetime.timedelta(days=365)).isoformat()
    stale = [r[0] for r in a.sql("SELECT id FROM record WHERE tbl = 'service' AND publisher = ? AND json_extract(body, '$.status') = 'active' "
                                 "AND coalesce(json_extract(body, '$.assured_date'), '') < ?", a.signing_key(), year_ago)]
    stale = [x for x in stale if x != own_a[-1]]  # own_a[-1] is the next test's
    assert stale, "every listing of A was checked within the year"
    service = stale[0]
    name = requests.get(a.url + f"/api/services/{service}", timeout=10).json()["name"]
    before = checked_overall(a)
    s = sign_in(b, "sile")
    # A champion's part of the staff area is checking listings, and nothing else.
    r = s.get(b.url + "/staff", allow_redirects=False, timeout=10)
    assert r.status_code == 303 and r.headers["Location"].startswith("/staff/checks")
    for path in ("/staff/clients", "/staff/referrals", "/staff/users", "/staff/corrections", "/staff/clients/new"):
        r = s.get(b.url + path, allow_redirects=False, timeout=10)
        assert r.status_code == 403, f"a champion reached {path}: {r.status_code}"
    page = s.get(b.url + "/staff/checks", params={"q": name}, timeout=10).text
    assert f'data-id="{service}"' in page, "the champion cannot find A's listing"
    assert "Clients" not in page.split("</nav>")[0], "the champion's menu offers clients"
    csrf = re.search(r'name="csrf" value="([0-9a-f]{64})"', page).group(1)
    today = datetime.date.today().isoformat()
    tomorrow = (datetime.date.today() + datetime.timedelta(days=2)).isoformat()
    r = s.post(b.url + "/staff/checks", data={"csrf": csrf, "service": service, "date": tomorrow, "q": name}, timeout=10)
    assert r.status_code == 400 and "today or a day in the last 12 months" in r.text
    r = s.post(b.url + "/staff/checks", data={"csrf": csrf, "service": service, "date": today, "note": "Open and welcoming, hours as listed",
                                              "q": name}, allow_redirects=False, timeout=10)
    assert r.status_code == 303, r.text[:400]
    assert "now shows your check" in s.get(b.url + r.headers["Location"], timeout=10).text
    assert ("sile", "check listing") in {(u, a_) for u, a_ in b.sql("SELECT username, action FROM audit_log")}

    # On A, signed by B: the service page names the champion and B; the freshness page counts it.
    def shown() -> str:
        return requests.get(a.url + f"/services/{service}", timeout=10).text
    wait_until("A shows the check", lambda: "by Síle Byrne, a local champion with Champion Org B" in shown(), CONVERGE, (a, b))
    assert "Open and welcoming, hours as listed" in shown()
    assert "Feicthe i bpearsa" in requests.get(a.url + f"/services/{service}", params={"lang": "ga"}, timeout=10).text
    assert checked_overall(a) == before + 1, "the freshness page does not count the champion's check"


def test_an_admin_changes_a_listings_hours_and_address_and_every_node_shows_it(pair) -> None:
    """The publisher's admin changes one of its listings in the staff area: the weekly hours (a day
    closed, two days sharing hours) and the address; the listing, signed by the publisher, shows the
    new hours and address on the other node. Hours that do not make sense are refused in the admin's
    words; a caseworker cannot open the editor; another organisation's listing cannot be changed."""
    a, b = pair[:2]
    admin = b.staff_session("aoife", PASSWORD)
    listings = admin.get(b.url + "/staff/listings", timeout=10).text
    edit = re.search(r'href="(/staff/listings/([^/"]+)/edit\?lang=en)" class="edit-listing"', listings)
    assert edit, "no way to change a listing"
    service_id = edit.group(2)
    page = admin.get(b.url + edit.group(1), timeout=10).text
    token = re.search(r'name="csrf" value="([0-9a-f]{64})"', page).group(1)
    name = re.search(r'id="listing-name" name="name" value="([^"]*)"', page).group(1)
    form = {"csrf": token, "lang": "en", "name": name, "address_1": "Unit 9, 1 Main Street", "city": "Dublin", "postal_code": "D11",
            "mo_opens": "09:30", "mo_closes": "13:00", "we_opens": "09:30", "we_closes": "13:00", "fr_opens": "18:00", "fr_closes": "20:00"}
    bad = admin.post(b.url + f"/staff/listings/{service_id}/edit", data={**form, "mo_closes": "09:00", "fr_closes": "17:00"}, timeout=10)
    assert bad.status_code == 400 and "The hours for Monday, Friday are not right" in bad.text and 'value="Unit 9, 1 Main Street"' in bad.text
    # Every day comes back as typed (the good ones too), the bad ones marked.
    assert 'id="we-closes" name="we_closes" type="time" value="13:00"' in bad.text
    assert 'id="fr-closes" name="fr_closes" type="time" value="17:00" aria-invalid="true"' in bad.text
    r = admin.post(b.url + f"/staff/listings/{service_id}/edit", data=form, allow_redirects=False, timeout=10)
    assert r.status_code == 303 and "edited=" in r.headers["Location"], r.text[:300]

    def shown_on_a() -> bool:
        doc = a.get(f"/api/services/{service_id}").json()
        days = {(s.get("byday"), s.get("opens_at"), s.get("closes_at")) for s in doc.get("schedules", [])}
        addresses = [ad.get("address_1") for l in doc.get("service_at_locations", []) for ad in (l.get("location") or {}).get("addresses", [])]
        return days == {("MO,WE", "09:30", "13:00"), ("FR", "18:00", "20:00")} and "Unit 9, 1 Main Street" in addresses
    wait_until("the other node shows the new hours and address", shown_on_a, 60, (a, b))
    assert "Unit 9, 1 Main Street" in a.get(f"/services/{service_id}").text
    # The listing says it changed today; the map pin at the old address is gone rather than wrong.
    doc = a.get(f"/api/services/{service_id}").json()
    assert doc["last_modified"].startswith(time.strftime("%Y-%m-%d", time.gmtime()))
    assert all("latitude" not in (l.get("location") or {}) for l in doc["service_at_locations"] if any(
        ad.get("address_1") == "Unit 9, 1 Main Street" for ad in (l.get("location") or {}).get("addresses", [])))
    # Not for caseworkers; not for another organisation's listing.
    worker = b.staff_session("ciaran", PASSWORD)
    assert worker.get(b.url + edit.group(1), allow_redirects=False, timeout=10).status_code == 403
    theirs = a.get("/api/services", params={"per_page": 50}).json()["contents"]
    a_own = {r[0] for r in a.sql("SELECT id FROM record WHERE tbl = 'service' AND publisher = ?", a.signing_key())}
    other = next(iter(a_own))
    assert admin.get(b.url + f"/staff/listings/{other}/edit", timeout=10).status_code == 404
    r = admin.post(b.url + f"/staff/listings/{other}/edit", data={**form, "name": "Taken over"}, timeout=10)
    assert r.status_code == 404 and a.get(f"/api/services/{other}").json()["name"] != "Taken over"


def test_a_member_gone_bad_answers_for_its_checks_and_they_go_when_it_is_removed(pair) -> None:
    a, b, own_a = pair
    service = own_a[-1]
    bad = wire.Signer()
    a.cli_ok("member", "add", "--key", bad.public.hex(), "--fingerprint", bad.fingerprint, "--name", "Champion Bad Member")
    wait_until("B holds the vouch", lambda: "Champion Bad Member" in b.cli_ok("member", "list").stdout, CONVERGE, (a, b))
    now = wire.hlc(int(time.time() * 1000))
    check, _ = bad.envelope(24, wire.canonical({"champion": "Made Up Person", "checked_on": datetime.date.today().isoformat(),
                                                "service_id": service}), clock=now)
    future, _ = bad.envelope(24, wire.canonical({"champion": "Time Traveller", "checked_on": "2099-01-01", "service_id": service}), clock=now + 1)
    wrong, _ = bad.envelope(24, wire.canonical({"champion": "No Day", "service_id": service}), clock=now + 2)
    r = bad.post(a.url, "/sync/v1/push", wire.frames(check, future, wrong))
    report = r.json()
    assert report["accepted"] == 2 and [x["reason"] for x in report["rejected"]] == ["bad-payload"], report
    page = requests.get(a.url + f"/services/{service}", timeout=10).text
    assert "by Made Up Person, a local champion with" in page and bad.public.hex() in page, "the check does not show who answers for it"
    assert "Time Traveller" not in page, "a check dated in the future is shown"
    a.cli_ok("member", "remove", bad.fingerprint, "--reason", "made-up checks")
    wait_until("the removed member's check is gone on both nodes", lambda: all(
        "Made Up Person" not in requests.get(n.url + f"/services/{service}", timeout=10).text for n in (a, b)), CONVERGE, (a, b))

