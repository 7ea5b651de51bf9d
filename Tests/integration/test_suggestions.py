"""Residents' corrections that reach the publisher, across real node processes (Protocol/SPEC.md §10).

C founds the federation and vouches for A and B; A and B sync only with C, so everything between
them is relayed by C. B publishes a third of the sample, A another third. A resident on A's site
suggests a correction to one of B's listings: the suggestion is encrypted to A and B, travels through
C (which cannot read it), and shows on B's staff page; B's admin changes the listing's phone number
and answers; the changed listing and the answer reach A, where the resident follows the suggestion
with the code they were given, without an account; every node counts what B did ("you said, we did").

Against the threat model: a member gone bad cannot answer for B (the answer is shown nowhere and
counted nowhere), cannot put a suggestion into another node's thread, and a relay reads nothing.
"""
from __future__ import annotations

import re
import time
import uuid

import pytest
import requests

import waymark_wire as wire
from test_federation import CONVERGE, FedNode, new_node, wait_until

PASSWORD = "publisher admin password"


def sign_in(node: FedNode, username: str) -> requests.Session:
    return node.staff_session(username, PASSWORD)


@pytest.fixture(scope="module")
def nodes(make_node):
    a, b, c = (new_node(make_node, f"suggest-{x}", f"Suggestion Org {x.upper()}") for x in "abc")
    for k, n in ((1, a), (2, b)):
        n.cli_ok("import", "--sample", "--sample-part", f"{k}/3")
    for n, who in ((a, "aine"), (b, "bernie")):
        n.add_staff(who, who.title() + " Admin", "admin", PASSWORD)
    for n in (a, b, c):
        n.start("--only-added-peers")
    try:
        c.found_with(a, b)
        b_services = {r[0] for r in b.sql("SELECT id FROM record WHERE tbl = 'service' AND publisher = ?", b.signing_key())}
        assert b_services, "B publishes no services"
        wait_until("A shows B's listings and knows B", lambda: b_services <= {r[0] for r in a.sql("SELECT id FROM record WHERE tbl = 'service'")}
                   and all(requests.get(a.url + f"/services/{s}", timeout=10).status_code == 200 for s in sorted(b_services)[:2])
                   and "Suggestion Org B" in a.peer_list(), CONVERGE, (a, b, c))
        yield a, b, c, sorted(b_services)
    finally:
        for n in (a, b, c):
            n.stop()


def suggest(node: FedNode, service: str, message: str, field: str = "contact", contact: str = "") -> str:
    r = requests.post(node.url + f"/services/{service}/suggest", data={"field": field, "message": message, "contact": contact, "lang": "en"},
                      timeout=10)
    assert r.status_code == 200, r.text[:500]
    m = re.search(r'id="code">([0-9A-Z]{4}-[0-9A-Z]{4})<', r.text)
    assert m, "the thank-you page gives no code: " + r.text[-1500:]
    assert "Suggestion Org B" in r.text, "the resident is not told where the suggestion went"
    return m.group(1)


def status(node: FedNode, code: str) -> str:
    r = requests.get(node.url + "/suggestions", params={"code": code}, timeout=10)
    assert r.status_code == 200, r.text[:500]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", r.text))


def phone_of(node: FedNode, service: str) -> list[str]:
    r = requests.get(node.url + f"/api/services/{service}", timeout=10)
    assert r.status_code == 200
    return [p.get("number") for p in r.json().get("phones") or []]


def test_a_suggestion_reaches_the_publisher_through_a_relay_and_the_answer_comes_back(nodes) -> None:
    a, b, c, services = nodes
    service = services[0]
    token = f"The phone number is wrong {uuid.uuid4().hex[:8]}"
    code = suggest(a, service, token, contact="resident@example.org")
    page = status(a, code)
    assert "Waiting: Suggestion Org B has not answered yet." in page, page[-1200:]
    assert token not in page and "resident@example.org" not in page, "the status page shows what the resident wrote"
    # A's admins see it as sent on, with nothing to answer.
    sa = sign_in(a, "aine")
    page_a = sa.get(a.url + "/staff/corrections", timeout=10).text
    assert token in page_a and "Sent to Suggestion Org B" in page_a
    assert f'action="/staff/corrections/' not in page_a.split(token)[0].rsplit("<tr>", 1)[-1], "A is offered to answer B's suggestion"

    # Through C, which holds it and can read none of it.
    wait_until("the suggestion reaches B", lambda: b.sql("SELECT count(*) FROM envelope WHERE kind = 22")[0][0] >= 1, CONVERGE, (a, b, c))
    assert c.sql("SELECT count(*) FROM envelope WHERE kind = 22")[0][0] >= 1, "the relay does not hold the suggestion"
    stored_c = b"".join(p.read_bytes() for p in c.path.glob("waymark.sqlite*"))
    for secret in (token, "resident@example.org"):
        assert secret.encode() not in stored_c, f"{secret!r} is readable on the relay"

    # B's admin sees it, changes the listing's phone and answers.
    sb = sign_in(b, "bernie")
    page_b = sb.get(b.url + "/staff/corrections", timeout=10).text
    assert token in page_b and "resident@example.org" in page_b, "B's admins do not see the suggestion"
    assert "Suggestion Org A" in page_b, "B is not told which site it came from"
    # Someone holding A's or B's database file (without the key file) reads nothing of it either.
    for node in (a, b):
        stored = b"".join(p.read_bytes() for p in node.path.glob("waymark.sqlite*"))
        for secret in (token, "resident@example.org"):
            assert secret.encode() not in stored, f"{secret!r} is readable in {node.label}'s database file"
    row = page_b[max(0, page_b.index(token) - 6000): page_b.index(token)]
    suggestion_id = re.findall(r'action="/staff/corrections/(\d+)"', row)[-1]
    csrf = re.search(r'name="csrf" value="([0-9a-f]{64})"', page_b).group(1)
    # Declining needs a reason for the resident.
    r = sb.post(b.url + f"/staff/corrections/{suggestion_id}", data={"csrf": csrf, "status": "dismissed"}, allow_redirects=False, timeout=10)
    assert r.status_code == 400 and "Say why no change is needed" in r.text
    new_phone = "01 555 0199"
    r = sb.post(b.url + f"/staff/corrections/{suggestion_id}", data={
        "csrf": csrf, "status": "done", "phone": new_phone, "reason": "Thank you, we changed the phone number."}, allow_redirects=False, timeout=10)
    assert r.status_code == 303, r.text[:500]
    assert new_phone in phone_of(b, service), "the listing did not change on B"
    audit = [row[0] for row in b.sql("SELECT action FROM audit_log ORDER BY id")]
    assert "change listing from a suggestion" in audit and "correction done" in audit

    # The change, signed by B, and the answer reach A.
    wait_until("the changed listing reaches A", lambda: new_phone in phone_of(a, service), CONVERGE, (a, b, c))
    wait_until("the answer reaches A", lambda: "Done: Suggestion Org B changed the listing" in status(a, code), CONVERGE, (a, b, c))
    page = status(a, code)
    assert "Thank you, we changed the phone number." in page
    # Typed as a resident might: lower case, no dash, an O for a zero.
    assert "Done:" in status(a, code.replace("-", "").lower().replace("0", "o"))
    # A's staff page follows the answer too.
    assert "Thank you, we changed the phone number." in sa.get(a.url + "/staff/corrections?show=closed", timeout=10).text

    # You said, we did: every node counts what B did.
    for node in (a, b, c):
        wait_until(f"{node.label} counts B's answer", lambda node=node: re.search(
            r"Suggestion Org B</th><td>1</td><td>1</td>", requests.get(node.url + "/freshness", timeout=10).text), CONVERGE, (a, b, c))
    org = requests.get(a.url + f"/api/services/{service}", timeout=10).json()["organization_id"]
    page = requests.get(a.url + f"/organizations/{org}", timeout=10).text
    assert "answered in the last 12 months: 1. Of those, it changed its listings after 1." in page, page[-2000:]


def test_a_wrong_code_is_told_in_the_residents_words_and_guessing_is_limited(nodes) -> None:
    a, *_ = nodes
    r = requests.get(a.url + "/suggestions", params={"code": "not a code!"}, timeout=10)
    assert r.status_code == 400 and "does not look like one of our codes" in r.text
    r = requests.get(a.url + "/suggestions", params={"code": "ZZZZ-ZZZZ"}, timeout=10)
    assert r.status_code == 404 and "could not find a suggestion with that code" in r.text
    r = requests.get(a.url + "/suggestions", params={"code": "ZZZZ-ZZZZ", "lang": "ga"}, timeout=10)
    assert r.status_code == 404 and "Níor aimsíomar moladh" in r.text
    # Many wrong codes from one address (as a reverse proxy would forward it) and it waits.
    statuses = [requests.get(a.url + "/suggestions", params={"code": f"ZZZZ-{k:04d}"}, headers={"X-Forwarded-For": "203.0.113.9"},
                             timeout=10).status_code for k in range(35)]
    # Only a trusted proxy's forwarding is believed, so from loopback nothing is counted here.
    assert set(statuses) == {404}, statuses


def test_a_member_gone_bad_cannot_answer_for_the_publisher_or_write_into_anothers_thread(nodes) -> None:
    a, b, c, services = nodes
    code = suggest(a, services[1], "Opening hours are wrong on Mondays", field="hours")
    wait_until("the suggestion reaches B", lambda: b.sql("SELECT count(*) FROM envelope WHERE kind = 22")[0][0] >= 2, CONVERGE, (a, b, c))
    rows = a.sql("SELECT thread, envelope FROM correction WHERE code = ?", code.replace("-", ""))
    thread, envelope = rows[0]
    bad = wire.Signer()
    c.cli_ok("member", "add", "--key", bad.public.hex(), "--fingerprint", bad.fingerprint, "--name", "Suggestion Bad Member")
    wait_until("A holds the vouch", lambda: "Suggestion Bad Member" in a.cli_ok("member", "list").stdout, CONVERGE, (a, b, c))
    now = wire.hlc(int(time.time() * 1000))
    forged, _ = bad.envelope(23, wire.canonical({"decided_on": time.strftime("%Y-%m-%d"), "outcome": "accepted", "reason": "forged answer",
                                                  "suggestion": envelope.hex()}), clock=now, scope=thread)
    intruder, _ = bad.envelope(22, b"\x00" * 120, clock=now + 1, scope=thread, recipients=[(b"\x01" * 8, b"\x02" * 80)])
    r = bad.post(a.url, "/sync/v1/push", wire.frames(forged, intruder))
    assert r.status_code == 200, r.text
    report = r.json()
    assert report["accepted"] == 1, report  # the forged answer is well formed, and stored...
    assert [x["reason"] for x in report["rejected"]] == ["not-owner"], report  # ...the suggestion in A's thread is not
    time.sleep(2)
    page = status(a, code)
    assert "Waiting: Suggestion Org B has not answered yet." in page and "forged answer" not in page, page[-1200:]
    assert bad.public.hex() not in requests.get(a.url + "/freshness", timeout=10).text, "the forged answer was counted"
    # Nor does a malformed answer get in.
    broken, _ = bad.envelope(23, wire.canonical({"outcome": "declined", "suggestion": envelope.hex()}), clock=now + 2, scope=thread)
    report = bad.post(a.url, "/sync/v1/push", wire.frames(broken)).json()
    assert [x["reason"] for x in report["rejected"]] == ["bad-payload"], report
