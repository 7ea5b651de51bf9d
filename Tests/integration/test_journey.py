"""Consents across real node processes. A (the client's home organisation) syncs only with C, and C
only with B, so everything between A and B is relayed by C. A registers a client and records their
consent for B: the consent is a private envelope that reaches B through C; C stores and forwards it
and can read none of it. Withdrawing the consent travels the same way."""
from __future__ import annotations

import re
import subprocess

import pytest
import requests

from conftest import BIN, describe
from test_federation import FedNode, new_node, wait_until

PASSWORD = "home node caseworker"


def sign_in(node: FedNode) -> requests.Session:
    s = requests.Session()
    r = s.get(node.url + "/staff/login", timeout=10)
    token = re.search(r'name="csrf" value="([0-9a-f]{64})"', r.text).group(1)
    r = s.post(node.url + "/staff/login", data={"csrf": token, "username": "ciaran", "password": PASSWORD}, allow_redirects=False, timeout=10)
    assert r.status_code == 303, r.text[:300]
    return s


def csrf(s: requests.Session, page: str) -> str:
    return re.search(r'name="csrf" value="([0-9a-f]{64})"', page).group(1)


@pytest.fixture(scope="module")
def circle(make_node):
    a, b, c = (new_node(make_node, f"journey-{x}", f"Journey Org {x.upper()}") for x in "abc")
    for n, name in ((a, "Ciarán Caseworker"), (b, "Bríd Partner")):
        proc = subprocess.run([str(BIN), "user", "add", "--data", str(n.path), "--username", "ciaran", "--name", name, "--role",
                               "caseworker", "--password-stdin"], input=PASSWORD + "\n", capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, describe(proc)
    for n in (a, b, c):
        n.start("--only-added-peers")
    try:
        a.cli_ok("peer", "add", c.invite())
        c.cli_ok("peer", "add", b.invite())
        # A learns of B (its signed node record) through C.
        wait_until("A knows B and B knows A", lambda: "Journey Org B" in a.peer_list() and "Journey Org A" in b.peer_list(), 60, (a, b, c))
        yield a, b, c
    finally:
        for n in (a, b, c):
            n.stop()


def consent_envelopes(node: FedNode) -> int:
    return node.sql("SELECT count(*) FROM envelope WHERE kind = 16")[0][0]


def test_a_consent_reaches_the_partner_through_a_relay_that_cannot_read_it(circle) -> None:
    a, b, c = circle
    s = sign_in(a)
    page = s.get(a.url + "/staff/clients/new", timeout=10).text
    r = s.post(a.url + "/staff/clients", data={"csrf": csrf(s, page), "name": "Éabha Relaytest", "date_of_birth": "1993-09-09"},
               allow_redirects=False, timeout=10)
    assert r.status_code == 303, r.text[:300]
    client_url = a.url + r.headers["Location"].split("?")[0]
    page = s.get(client_url, timeout=10).text
    assert "Journey Org B" in page, "B is offered as a receiving organisation"
    b_key = re.search(r'<option value="([0-9a-f]{64})">Journey Org B</option>', page).group(1)
    r = s.post(client_url + "/consents", data={"csrf": csrf(s, page), "organization": b_key, "purpose": ["referral", "progress"],
                                               "class": ["contact", "needs"], "start": "2026-11-22", "end": "2027-11-21", "method": "written"},
               allow_redirects=False, timeout=10)
    assert r.status_code == 303, r.text[:500]
    page = s.get(client_url, timeout=10).text
    assert re.search(r'<td class="consent-state">in force', page), page[-3000:]
    receipt = s.get(client_url + f"/consents/{b_key}/receipt", timeout=10).text
    assert "Éabha Relaytest agreed that Journey Org A may share information with Journey Org B" in receipt
    assert "withdraw this consent at any time" in receipt and "2027-11-21" in receipt

    wait_until("the consent reaches B through C", lambda: consent_envelopes(b) == 1 and consent_envelopes(c) == 1, 60, (a, b, c))
    # C holds the envelope and forwards it, but nothing in it can be read there: the recorder's name,
    # the purposes and the method are encrypted; the client's name was never in it.
    stored_c = b"".join(p.read_bytes() for p in c.path.glob("waymark.sqlite*"))
    for secret in ("Ciarán Caseworker", "Éabha", "progress", "written"):
        assert secret.encode() not in stored_c, f"{secret!r} is readable on the relay"
    # The consent envelope names B among its recipients (by key id), not C.
    wire = c.sql("SELECT wire FROM envelope WHERE kind = 16")[0][0]
    assert len(wire) > 200

    # Withdrawing it is one click, and travels the same way.
    r = s.post(client_url + "/consents/revoke", data={"csrf": csrf(s, page), "organization": b_key, "method": "verbal"},
               allow_redirects=False, timeout=10)
    assert r.status_code == 303
    assert re.search(r'<td class="consent-state">withdrawn', s.get(client_url, timeout=10).text)
    wait_until("the withdrawal reaches B", lambda: consent_envelopes(b) == 2, 60, (a, b, c))
    audit = a.sql("SELECT action FROM audit_log ORDER BY id")
    actions = [row[0] for row in audit]
    assert "record consent" in actions and "revoke consent" in actions and "print consent receipt" in actions


def test_consent_is_refused_for_an_unknown_organisation_or_without_a_purpose(circle) -> None:
    a, _, _ = circle
    s = sign_in(a)
    page = s.get(a.url + "/staff/clients/new", timeout=10).text
    r = s.post(a.url + "/staff/clients", data={"csrf": csrf(s, page), "name": "Second Client"}, allow_redirects=False, timeout=10)
    client_url = a.url + r.headers["Location"].split("?")[0]
    page = s.get(client_url, timeout=10).text
    r = s.post(client_url + "/consents", data={"csrf": csrf(s, page), "organization": "ab" * 32, "purpose": "referral", "start": "2026-11-22",
                                               "end": "2027-11-21", "method": "written"}, timeout=10)
    assert r.status_code == 400 and "does not know that organisation" in r.text
    b_key = re.search(r'<option value="([0-9a-f]{64})">Journey Org B</option>', page).group(1)
    r = s.post(client_url + "/consents", data={"csrf": csrf(s, page), "organization": b_key, "start": "2026-11-22", "end": "2027-11-21",
                                               "method": "written"}, timeout=10)
    assert r.status_code == 400 and "choose at least one purpose" in r.text
    r = s.post(client_url + "/consents", data={"organization": b_key, "purpose": "referral"}, allow_redirects=False, timeout=10)
    assert r.status_code == 403


def status_on(s: requests.Session, url: str) -> str:
    m = re.search(r'<dd id="referral-status">([^<]*)', s.get(url, timeout=10).text)
    return m.group(1).strip() if m else ""


def test_a_referral_goes_round_the_loop_through_the_relay(circle) -> None:
    a, b, c = circle
    home = sign_in(a)
    page = home.get(a.url + "/staff/clients/new", timeout=10).text
    r = home.post(a.url + "/staff/clients", data={"csrf": csrf(home, page), "name": "Caoimhe Loopclient", "date_of_birth": "1985-02-14",
                                                   "contact": "086 999 1234", "needs": "employment"}, allow_redirects=False, timeout=10)
    client_url = a.url + r.headers["Location"].split("?")[0]
    page = home.get(client_url, timeout=10).text
    assert 'id="no-referral-consent"' in page, "no referral without consent"
    b_key = re.search(r'<option value="([0-9a-f]{64})">Journey Org B</option>', page).group(1)
    # Without consent the node refuses to send, even when asked directly.
    r = home.post(client_url + "/referrals", data={"csrf": csrf(home, page), "organization": b_key, "service_name": "Jobs club"}, timeout=10)
    assert r.status_code == 400 and "no consent in force for referrals" in r.text
    r = home.post(client_url + "/consents", data={"csrf": csrf(home, page), "organization": b_key, "purpose": "referral", "class": ["contact", "needs"],
                                                   "start": "2026-11-22", "end": "2027-11-21", "method": "written"}, allow_redirects=False, timeout=10)
    assert r.status_code == 303
    page = home.get(client_url, timeout=10).text
    r = home.post(client_url + "/referrals", data={"csrf": csrf(home, page), "organization": b_key, "service_name": "Jobs club",
                                                    "note": "Wants evening hours"}, allow_redirects=False, timeout=10)
    assert r.status_code == 303, r.text[:500]
    page = home.get(client_url, timeout=10).text
    key = re.search(r'href="/staff/referrals/([0-9a-f]{64})', page).group(1)
    sent_url = a.url + f"/staff/referrals/{key}"

    # B receives it through C, and B's node acknowledges it on its own: A sees "received".
    partner = sign_in(b)
    wait_until("the referral reaches B", lambda: "Caoimhe Loopclient" in partner.get(b.url + "/staff/referrals", timeout=10).text, 60, (a, b, c))
    wait_until("A sees it received", lambda: status_on(home, sent_url) == "received", 60, (a, b, c))
    inbox_url = b.url + f"/staff/referrals/{key}"
    page = partner.get(inbox_url, timeout=10).text
    assert "086 999 1234" in page and "employment" in page and "Wants evening hours" in page
    # Declining needs a reason; accepting does not.
    r = partner.post(inbox_url, data={"csrf": csrf(partner, page), "status": "rejected"}, timeout=10)
    assert r.status_code == 400 and "a reason is required" in r.text
    for status, extra in (("accepted", {}), ("in-progress", {}), ("completed", {"outcome": "Started the jobs club on Monday"})):
        page = partner.get(inbox_url, timeout=10).text
        r = partner.post(inbox_url, data={"csrf": csrf(partner, page), "status": status, **extra}, allow_redirects=False, timeout=10)
        assert r.status_code == 303, (status, r.text[:400])
    assert status_on(partner, inbox_url) == "completed"
    wait_until("A sees it completed", lambda: status_on(home, sent_url) == "completed", 60, (a, b, c))
    assert "Started the jobs club on Monday" in home.get(sent_url, timeout=10).text
    # The sender cannot change a closed referral; the recipient could not have cancelled as the sender.
    page = home.get(sent_url, timeout=10).text
    r = home.post(sent_url, data={"csrf": csrf(home, page), "status": "cancelled", "reason": "changed mind"}, timeout=10)
    assert r.status_code == 400

    # The relay stored and forwarded every envelope, and can read none of them.
    stored_c = b"".join(p.read_bytes() for p in c.path.glob("waymark.sqlite*"))
    for secret in ("Caoimhe", "Loopclient", "086 999 1234", "Wants evening hours", "Started the jobs club"):
        assert secret.encode() not in stored_c, f"{secret!r} is readable on the relay"
    assert c.sql("SELECT count(*) FROM envelope WHERE kind IN (17, 18)")[0][0] >= 5
