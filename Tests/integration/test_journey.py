"""Consents across real node processes. A (the client's home organisation) syncs only with C, and C
only with B, so everything between A and B is relayed by C. A registers a client and records their
consent for B: the consent is a private envelope that reaches B through C; C stores and forwards it
and can read none of it. Withdrawing the consent travels the same way."""
from __future__ import annotations

import hashlib
import re
import subprocess

import pytest
import requests

from conftest import describe, run_waymark
from test_federation import CONVERGE, FedNode, new_node, wait_until

PASSWORD = "home node caseworker"


def sign_in(node: FedNode, username: str = "ciaran") -> requests.Session:
    return node.staff_session(username, PASSWORD)


def csrf(s: requests.Session, page: str) -> str:
    return re.search(r'name="csrf" value="([0-9a-f]{64})"', page).group(1)


def register(s: requests.Session, node: FedNode, **fields: str) -> str:
    """Registers a client through the staff form, as a caseworker does; returns the client page's path."""
    page = s.get(node.url + "/staff/clients/new", timeout=10).text
    r = s.post(node.url + "/staff/clients", data={"csrf": csrf(s, page), **fields}, allow_redirects=False, timeout=10)
    return r.headers["Location"].split("?")[0]


@pytest.fixture(scope="module")
def circle(make_node):
    a, b, c = (new_node(make_node, f"journey-{x}", f"Journey Org {x.upper()}") for x in "abc")
    for n, name in ((a, "Ciarán Caseworker"), (b, "Bríd Partner")):
        n.add_staff("ciaran", name, "caseworker", PASSWORD)
    a.add_staff("aoife", "Aoife Admin", "admin", PASSWORD)
    for n in (a, b, c):
        n.start("--only-added-peers")
    try:
        # C founds the federation and vouches for A and B; A and B join with C's invite.
        c.found_with(a, b)
        # A learns of B (its signed node record) through C.
        wait_until("A knows B and B knows A", lambda: "Journey Org B" in a.peer_list() and "Journey Org A" in b.peer_list(), 60, (a, b, c))
        yield a, b, c
    finally:
        for n in (a, b, c):
            n.stop()


def consent_envelopes(node: FedNode) -> int:
    """The consents a node can tell it holds: those it opened (sealed records name no kind, SPEC §8.10)."""
    return node.sql("SELECT count(*) FROM sealed_envelope WHERE kind = 16")[0][0]


def sealed_ids(node: FedNode) -> set[bytes]:
    return {row[0] for row in node.sql("SELECT id FROM envelope WHERE kind = 40")}


def key_id(node: FedNode, of: FedNode) -> bytes:
    """`of`'s key id as recipients were listed before sealed records (SPEC §8.2), from `node`'s copy of its node record."""
    key = node.sql("SELECT encryption_key FROM known_node WHERE organization_name = ?", of.org)[0][0]
    return hashlib.blake2b(key, digest_size=32).digest()[:8]


def assert_learns_nothing(relay: FedNode, circle: str, recipients: list[FedNode]) -> None:
    """What a member that is not a recipient holds of a client's records (SPEC §8.10): sealed records
    only, none of which it could open or place in a circle; nowhere the circle's name, the kinds, or
    the recipients' key ids."""
    private = ", ".join(str(k) for k in (16, 17, 18, 19, 28, 30, 31, 32, 33))
    assert relay.sql(f"SELECT count(*) FROM envelope WHERE kind IN ({private})")[0][0] == 0, "a private kind in the clear"
    assert relay.sql("SELECT count(*) FROM envelope WHERE scope = ? AND kind NOT IN (20, 21, 27, 29)", circle)[0][0] == 0
    assert relay.sql("SELECT count(*) FROM sealed_envelope WHERE circle IS NOT NULL OR kind IS NOT NULL")[0][0] == 0
    # Each record's erasure tag is its own (a writer never uses an index twice): no two link up.
    assert relay.sql("SELECT count(*) - count(DISTINCT tag) FROM sealed_envelope")[0][0] == 0, "two sealed records share a tag"
    stored = b"".join(p.read_bytes() for p in relay.path.glob("waymark.sqlite*"))
    assert circle.encode() not in stored, "the relay holds the circle's name"
    for r in recipients:
        assert key_id(relay, r) not in stored, f"the relay holds {r.label}'s key id"


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
    b_key = re.search(r'<option value="([0-9a-f]{64})">Journey Org B · ', page).group(1)
    r = s.post(client_url + "/consents", data={"csrf": csrf(s, page), "organization": b_key, "purpose": ["referral", "progress"],
                                               "class": ["contact", "needs"], "start": "2026-11-22", "end": "2027-11-21", "method": "written"},
               allow_redirects=False, timeout=10)
    assert r.status_code == 303, r.text[:500]
    page = s.get(client_url, timeout=10).text
    assert re.search(r'<td class="consent-state"[^>]*>in force', page), page[-3000:]
    receipt = s.get(client_url + f"/consents/{b_key}/receipt", timeout=10).text
    assert "Éabha Relaytest agreed that Journey Org A may share information with Journey Org B" in receipt
    assert "withdraw this consent at any time" in receipt and "21 November 2027" in receipt and 'data-print' in receipt

    wait_until("the consent reaches B through C", lambda: consent_envelopes(b) == 1 and sealed_ids(a) <= sealed_ids(c), 60, (a, b, c))
    # C holds the envelope and forwards it, but nothing in it can be read there: the recorder's name,
    # the purposes and the method are encrypted; the client's name was never in it.
    stored_c = b"".join(p.read_bytes() for p in c.path.glob("waymark.sqlite*"))
    for secret in ("Ciarán Caseworker", "Éabha", "progress", "written"):
        assert secret.encode() not in stored_c, f"{secret!r} is readable on the relay"
    # C cannot tell it is a consent, whom it is about, or that B may read it (SPEC §8.10).
    circle = b.sql("SELECT circle FROM sealed_envelope WHERE kind = 16")[0][0]
    assert_learns_nothing(c, circle, [a, b])

    # Withdrawing it takes two steps (what it does, how the client said so; then yes), and travels the same way.
    r = s.post(client_url + "/consents/revoke", data={"csrf": csrf(s, page), "organization": b_key}, allow_redirects=False, timeout=10)
    assert r.status_code == 200 and "Withdraw consent for Journey Org B?" in r.text and "close them with an outcome" in r.text
    assert re.search(r'<td class="consent-state"[^>]*>in force', s.get(client_url, timeout=10).text), "nothing changes before yes"
    r = s.post(client_url + "/consents/revoke", data={"csrf": csrf(s, page), "organization": b_key, "method": "verbal", "confirm": "yes"},
               allow_redirects=False, timeout=10)
    assert r.status_code == 303
    after = s.get(a.url + r.headers["Location"], timeout=10).text
    assert re.search(r'<td class="consent-state"[^>]*>withdrawn', after)
    assert "Consent withdrawn: Journey Org B will be sent nothing new about this client." in after
    wait_until("the withdrawal reaches B", lambda: consent_envelopes(b) == 2, 60, (a, b, c))
    audit = a.sql("SELECT action FROM audit_log ORDER BY id")
    actions = [row[0] for row in audit]
    assert "record consent" in actions and "revoke consent" in actions and "print consent receipt" in actions


def test_the_consent_receipt_is_in_the_clients_language(circle) -> None:
    """A client who prefers Irish gets the consent receipt in Irish; the staff page around it stays
    in the worker's language, with a print button."""
    a, _, _ = circle
    s = sign_in(a)
    page = s.get(a.url + "/staff/clients/new", timeout=10).text
    r = s.post(a.url + "/staff/clients", data={"csrf": csrf(s, page), "name": "Clíona Gaeilge", "language": "ga"}, allow_redirects=False, timeout=10)
    client_url = a.url + r.headers["Location"].split("?")[0]
    page = s.get(client_url, timeout=10).text
    b_key = re.search(r'<option value="([0-9a-f]{64})">Journey Org B · ', page).group(1)
    assert s.post(client_url + "/consents", data={"csrf": csrf(s, page), "organization": b_key, "purpose": "referral", "start": "2026-11-22",
                                                  "end": "2027-11-21", "method": "written"}, allow_redirects=False, timeout=10).status_code == 303
    receipt = s.get(client_url + f"/consents/{b_key}/receipt", timeout=10).text
    body = receipt[receipt.index('id="consent-receipt" lang="ga"'):]
    assert "Admháil toilithe" in body and "21 Samhain 2027" in body and "Is féidir leat an toiliú seo a tharraingt siar" in body
    assert "Staff home" in receipt and 'id="print-receipt"' in receipt


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
    b_key = re.search(r'<option value="([0-9a-f]{64})">Journey Org B · ', page).group(1)
    r = s.post(client_url + "/consents", data={"csrf": csrf(s, page), "organization": b_key, "start": "2026-11-22", "end": "2027-11-21",
                                               "method": "written"}, timeout=10)
    assert r.status_code == 400 and "Choose at least one purpose" in r.text
    # In Irish, the refusal is in Irish too.
    r = s.post(client_url + "/consents", data={"csrf": csrf(s, page), "organization": b_key, "start": "2026-11-22", "end": "2027-11-21",
                                               "method": "written", "lang": "ga"}, timeout=10)
    assert r.status_code == 400 and "Roghnaigh cuspóir amháin ar a laghad." in r.text and "Choose at least one purpose" not in r.text
    r = s.post(client_url + "/consents", data={"organization": b_key, "purpose": "referral"}, allow_redirects=False, timeout=10)
    assert r.status_code == 403


def status_on(s: requests.Session, url: str) -> str:
    m = re.search(r'<dd id="referral-status">([^<]*)', s.get(url, timeout=10).text)
    return m.group(1).strip() if m else ""


def test_a_referral_goes_round_the_loop_through_the_relay(circle) -> None:
    a, b, c = circle
    home = sign_in(a)
    client_url = a.url + register(home, a, name="Caoimhe Loopclient", date_of_birth="1985-02-14", contact="086 999 1234", needs="employment")
    page = home.get(client_url, timeout=10).text
    assert 'id="no-referral-consent"' in page, "no referral without consent"
    # The new-goal field starts empty (it once read "false", one click from a goal of that name).
    assert re.search(r'<input id="goal-title" name="title" value="">', page), re.search(r'<input id="goal-title"[^>]*>', page)
    b_key = re.search(r'<option value="([0-9a-f]{64})">Journey Org B · ', page).group(1)
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
    # On the client's own page the referral is named by its service, not by the client again.
    assert f'<a href="/staff/referrals/{key}?lang=en">Jobs club</a>' in page
    sent_url = a.url + f"/staff/referrals/{key}"

    # B receives it through C, and B's node acknowledges it on its own: A sees "received".
    partner = sign_in(b)
    wait_until("the referral reaches B", lambda: "Caoimhe Loopclient" in partner.get(b.url + "/staff/referrals", timeout=10).text, 60, (a, b, c))
    wait_until("A sees it received", lambda: status_on(home, sent_url) == "received", 60, (a, b, c))
    # A's "Sent" box lists it, with whom it went to and where it stands; B's lists only what B sent.
    sent_box = home.get(a.url + "/staff/referrals?box=sent", timeout=10).text
    row = re.search(r'<tr class="referral">.*?Caoimhe Loopclient.*?</tr>', sent_box, re.S).group(0)
    assert "Journey Org B" in row and "Jobs club" in row and "received" in row
    assert 'id="box-sent" aria-current="page"' in sent_box
    assert "Caoimhe Loopclient" not in home.get(a.url + "/staff/referrals", timeout=10).text
    assert "Caoimhe Loopclient" not in partner.get(b.url + "/staff/referrals?box=sent", timeout=10).text
    # B's inbox filtered by status: waiting for an answer lists it; under way and closed do not.
    def inbox(show: str) -> str:
        return partner.get(b.url + "/staff/referrals", params={"show": show}, timeout=10).text
    assert "Caoimhe Loopclient" in inbox("waiting") and '<option value="waiting" selected>' in inbox("waiting")
    assert "Caoimhe Loopclient" not in inbox("open") and "Caoimhe Loopclient" not in inbox("closed")
    assert "Caoimhe Loopclient" in inbox("nonsense"), "an unknown filter shows everything"
    inbox_url = b.url + f"/staff/referrals/{key}"
    page = partner.get(inbox_url, timeout=10).text
    assert "086 999 1234" in page and "employment" in page and "Wants evening hours" in page
    # Messages between the two sides (SPEC §8.9): B asks, A is shown it on the staff home, reads and
    # answers on the referral's page; an empty message is refused in the worker's words.
    r = partner.post(inbox_url + "/messages", data={"csrf": csrf(partner, page), "message": "  "}, timeout=10)
    assert r.status_code == 400 and "Write the message before sending" in r.text
    r = partner.post(inbox_url + "/messages", data={"csrf": csrf(partner, page), "message": "Can she come on Tuesday at 10?"},
                     allow_redirects=False, timeout=10)
    assert r.status_code == 303 and r.headers["Location"].endswith("#messages-heading")
    wait_until("A is told of B's message", lambda: f'/staff/referrals/{key}?lang=en#messages-heading' in home.get(a.url + "/staff", timeout=10).text,
               60, (a, b, c))
    assert "A message from Journey Org B" in home.get(a.url + "/staff", timeout=10).text
    page = home.get(sent_url, timeout=10).text
    assert "Can she come on Tuesday at 10?" in page and "Write to Journey Org B" in page
    assert 'id="unread-messages"' not in home.get(a.url + "/staff", timeout=10).text, "read messages still show as new"
    r = home.post(sent_url + "/messages", data={"csrf": csrf(home, page), "message": "Yes, Tuesday suits her."}, allow_redirects=False, timeout=10)
    assert r.status_code == 303
    wait_until("B gets A's answer", lambda: "Yes, Tuesday suits her." in partner.get(inbox_url, timeout=10).text, 60, (a, b, c))
    assert "wrote to Journey Org B about the referral" in home.get(client_url, timeout=10).text, "the message is not in the timeline"
    # In Irish the verb comes first, the organisation standing as its subject.
    irish = home.get(client_url, params={"lang": "ga"}, timeout=10).text
    assert "D&#39;atreoraigh <strong>Journey Org A</strong> an cliant chuig Journey Org B" in irish or \
        "D'atreoraigh <strong>Journey Org A</strong> an cliant chuig Journey Org B" in irish, irish[irish.find('id="timeline"'):][:600]
    # The relay is no side of the referral: it cannot write on it.
    page = partner.get(inbox_url, timeout=10).text
    # Declining needs a reason; accepting does not.
    r = partner.post(inbox_url, data={"csrf": csrf(partner, page), "status": "rejected"}, timeout=10)
    assert r.status_code == 400 and "Say why you are declining: choose a reason from the list, or write one." in r.text
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
    for secret in ("Caoimhe", "Loopclient", "086 999 1234", "Wants evening hours", "Started the jobs club", "Tuesday at 10", "Tuesday suits"):
        assert secret.encode() not in stored_c, f"{secret!r} is readable on the relay"
    # It carried every one of them (B's sealed records came through it), and can tell nothing of them.
    circle = a.sql(f"SELECT circle FROM sealed_envelope WHERE hex(id) = '{key.upper()}'")[0][0]
    mine = {row[0] for row in a.sql("SELECT id FROM sealed_envelope WHERE circle = ?", circle)}
    assert len(mine) >= 8 and mine <= sealed_ids(c), "the relay did not carry the referral, its changes and messages"
    assert b.sql("SELECT count(*) FROM sealed_envelope WHERE kind = 33 AND circle = ?", circle)[0][0] == 2
    assert_learns_nothing(c, circle, [a, b])


def test_a_referral_declined_for_lack_of_capacity_says_so_on_both_sides(circle) -> None:
    """B declines with a reason from the list and no words: A's page says why in A's language (SPEC
    §8.3). (That the hub counts it as `declined-capacity` is `HubFiguresTests`: these nodes' listings
    have no category for the hub to count by.)"""
    a, b, c = circle
    home = sign_in(a)
    client_url = a.url + register(home, a, name="Doireann Fullclient", date_of_birth="1979-06-01", needs="employment")
    page = home.get(client_url, timeout=10).text
    b_key = re.search(r'<option value="([0-9a-f]{64})">Journey Org B · ', page).group(1)
    home.post(client_url + "/consents", data={"csrf": csrf(home, page), "organization": b_key, "purpose": "referral", "class": ["needs"],
                                              "start": "2026-11-22", "end": "2027-11-21", "method": "verbal"}, allow_redirects=False, timeout=10)
    page = home.get(client_url, timeout=10).text
    r = home.post(client_url + "/referrals", data={"csrf": csrf(home, page), "organization": b_key, "service_name": "Evening course"},
                  allow_redirects=False, timeout=10)
    assert r.status_code == 303, r.text[:500]
    key = re.search(r'href="/staff/referrals/([0-9a-f]{64})', home.get(client_url, timeout=10).text).group(1)
    partner = sign_in(b)
    inbox_url = b.url + f"/staff/referrals/{key}"
    wait_until("the referral reaches B", lambda: "Doireann Fullclient" in partner.get(inbox_url, timeout=10).text, 60, (a, b, c))
    page = partner.get(inbox_url, timeout=10).text
    assert '<select id="referral-decline" name="decline_reason">' in page and 'value="no-capacity"' in page
    r = partner.post(inbox_url, data={"csrf": csrf(partner, page), "status": "rejected", "decline_reason": "no-capacity"},
                     allow_redirects=False, timeout=10)
    assert r.status_code == 303, r.text[:400]
    sent_url = a.url + f"/staff/referrals/{key}"
    wait_until("A sees it declined", lambda: status_on(home, sent_url) == "declined", 60, (a, b, c))
    assert "No capacity (no place or appointment free)" in home.get(sent_url, timeout=10).text
    assert "Gan acmhainn" in home.get(sent_url, params={"lang": "ga"}, timeout=10).text


def circle_ids(home: FedNode, circle: str) -> list[bytes]:
    """The circle's records, as its home organisation (a recipient of each) can tell them."""
    return [row[0] for row in home.sql("SELECT id FROM sealed_envelope WHERE circle = ?", circle)]


def circle_wires(node: FedNode, ids: list[bytes]) -> dict[bytes, int]:
    marks = ", ".join("?" for _ in ids)
    return {row[0]: row[1] for row in node.sql(f"SELECT id, length(wire) FROM envelope WHERE id IN ({marks})", *ids)}


def test_progress_revocation_and_erasure_across_three_nodes(circle) -> None:
    """The issue's A–B–C journey: A records a client and consent for B only; A refers to B; B
    receives, accepts and records progress; A sees it on the timeline; C relays and can read none of
    it; A withdraws B's consent and B gets nothing new; erasure removes it from A and B (and C)."""
    a, b, c = circle
    home = sign_in(a)
    client_path = register(home, a, name="Fionnuala Progressclient", date_of_birth="1990-03-03", needs="training")
    client_url = a.url + client_path
    client_id = client_path.rsplit("/", 1)[1]
    page = home.get(client_url, timeout=10).text
    b_key = re.search(r'<option value="([0-9a-f]{64})">Journey Org B · ', page).group(1)
    r = home.post(client_url + "/consents", data={"csrf": csrf(home, page), "organization": b_key, "purpose": ["referral", "progress"],
                                                   "class": ["needs"], "start": "2026-11-22", "end": "2027-11-21", "method": "written"},
                  allow_redirects=False, timeout=10)
    assert r.status_code == 303
    page = home.get(client_url, timeout=10).text
    # A referral that says nothing (no service, no note) is refused, in the caseworker's words.
    r = home.post(client_url + "/referrals", data={"csrf": csrf(home, page), "organization": b_key, "service_name": " ", "note": ""},
                  timeout=10)
    assert r.status_code == 400 and "Choose a service or write what the referral is for" in r.text
    r = home.post(client_url + "/referrals", data={"csrf": csrf(home, page), "organization": b_key, "service_name": "Forklift course"},
                  allow_redirects=False, timeout=10)
    assert r.status_code == 303
    key = re.search(r'href="/staff/referrals/([0-9a-f]{64})', home.get(client_url, timeout=10).text).group(1)
    circle_scope = a.sql(f"SELECT circle FROM sealed_envelope WHERE hex(id) = '{key.upper()}'")[0][0]

    # B receives and accepts, then records a goal, a reading and a milestone on the referral's page.
    partner = sign_in(b)
    b_url = b.url + f"/staff/referrals/{key}"
    wait_until("the referral reaches B", lambda: partner.get(b_url, timeout=10).status_code == 200, 60, (a, b, c))
    page = partner.get(b_url, timeout=10).text
    assert partner.post(b_url, data={"csrf": csrf(partner, page), "status": "accepted"}, allow_redirects=False, timeout=10).status_code == 303

    def record(data: dict) -> requests.Response:
        page = partner.get(b_url, timeout=10).text
        return partner.post(b.url + "/staff/progress", data={"csrf": csrf(partner, page), "referral": key, **data}, allow_redirects=False, timeout=10)

    saved = record({"type": "goal", "title": "Get a forklift licence", "instrument": "steps"})
    assert saved.status_code == 303 and "saved=progress" in saved.headers["Location"]
    after = partner.get(b.url + saved.headers["Location"], timeout=10).text
    assert 'id="progress-saved"' in after and '<details class="progress-forms" open>' in after, "the forms stay open for the next entry"
    goal = re.search(r'<option value="(goal-[0-9a-f]+)">Get a forklift licence</option>', partner.get(b_url, timeout=10).text).group(1)
    assert record({"type": "reading", "goal": goal, "area": "Confidence", "stage": "5", "date": "2026-11-22"}).status_code == 303
    assert record({"type": "milestone", "goal": goal, "label": "Started the forklift course", "date": "2026-11-23"}).status_code == 303
    bad = record({"type": "reading", "goal": goal, "area": "Confidence", "stage": "0", "date": "2026-11-22"})
    assert bad.status_code == 400 and "A stage is from 1 to 10." in bad.text
    # The circle comes from the referral, never from the form: a made-up referral is not found.
    assert record({"type": "goal", "title": "x", "referral": "ab" * 32}).status_code == 404

    # A sees B's progress on the client's timeline.
    def home_page() -> str:
        return home.get(client_url, timeout=10).text
    wait_until("A sees B's milestone", lambda: "Started the forklift course" in home_page(), 60, (a, b, c))
    page = home_page()
    timeline = page[page.index('id="timeline"'):]
    assert "Journey Org B</strong> set a goal: Get a forklift licence" in timeline
    assert "Confidence: 5" in timeline and timeline.index("referred the client to Journey Org B") < timeline.index("set a goal")
    assert "5 / 10" in page

    # C relays every envelope and can read none of it.
    stored_c = b"".join(p.read_bytes() for p in c.path.glob("waymark.sqlite*"))
    for secret in ("Fionnuala", "Progressclient", "forklift", "Forklift", "Confidence"):
        assert secret.encode() not in stored_c, f"{secret!r} is readable on the relay"

    # The subject access export lists who received what.
    export = home.get(client_url + "/access.json", timeout=10)
    assert export.status_code == 200 and export.headers["Content-Type"].startswith("application/json")
    data = export.json()
    assert data["client"]["name"] == "Fionnuala Progressclient"
    assert any("Journey Org B" in d["recipients"] for d in data["disclosures"])
    assert any(t["event"] == "milestone" and t["by"] == "Journey Org B" for t in data["timeline"])

    # A withdraws B's consent: B can write nothing more but close the referral, and A's new progress is not encrypted to B.
    assert "<dd>training</dd>" in partner.get(b_url, timeout=10).text
    page = home_page()
    r = home.post(client_url + "/consents/revoke", data={"csrf": csrf(home, page), "organization": b_key, "method": "verbal", "confirm": "yes",
                                                         "reason": "Moved away"}, allow_redirects=False, timeout=10)
    assert r.status_code == 303
    wait_until("B learns of the withdrawal", lambda: 'id="progress-noconsent"' in partner.get(b_url, timeout=10).text, 60, (a, b, c))
    refused = record({"type": "milestone", "goal": goal, "label": "After the withdrawal", "date": "2026-11-24"})
    assert refused.status_code == 400 and "The client has withdrawn consent for this organisation." in refused.text
    # B sees the withdrawal in plain words, no longer the client's contact details or needs, and is
    # offered only to close the referral.
    b_page = partner.get(b_url, timeout=10).text
    assert 'id="referral-withdrawn"' in b_page and "withdrew their consent for this organisation, so nothing more can be recorded" in b_page
    assert "<dd>training</dd>" not in b_page and 'id="request-form"' not in b_page
    offered = re.findall(r'<option value="([\w-]+)"', b_page[b_page.index('id="referral-newstatus"'):].split("</select>")[0])
    assert "completed" in offered and set(offered) <= {"completed", "failed", "cancelled", "rejected"}, offered
    r = partner.post(b_url, data={"csrf": csrf(partner, b_page), "status": "completed", "outcome": "Finished before the withdrawal"},
                     allow_redirects=False, timeout=10)
    assert r.status_code == 303, r.text[:500]
    wait_until("A sees how B closed the referral", lambda: "Finished before the withdrawal" in home_page(), 60, (a, b, c))
    page = home_page()
    r = home.post(a.url + "/staff/progress", data={"csrf": csrf(home, page), "client": client_id, "type": "milestone", "goal": goal,
                                                   "label": "Home-only milestone", "date": "2026-11-25"}, allow_redirects=False, timeout=10)
    assert r.status_code == 303, r.text[:400]
    wait_until("B holds the new envelope", lambda: set(circle_ids(a, circle_scope)) <= sealed_ids(b), 60, (a, b, c))
    assert "Home-only milestone" in home_page()
    assert "Home-only milestone" not in partner.get(b_url, timeout=10).text, "nothing new reaches B after the withdrawal"

    # Erasure (an admin): gone from A, and B and C drop every payload of the circle and confirm it.
    ids = circle_ids(a, circle_scope)
    before = {n.path: circle_wires(n, ids) for n in (a, b, c)}
    assert all(len(v) == len(ids) for v in before.values())
    admin = sign_in(a, "aoife")
    page = admin.get(client_url, timeout=10).text
    r = admin.post(client_url + "/erase", data={"csrf": csrf(admin, page)}, timeout=10)
    assert r.status_code == 400, "erasure needs the confirmation"
    r = admin.post(client_url + "/erase", data={"csrf": csrf(admin, page), "confirm": "1"}, allow_redirects=False, timeout=10)
    assert r.status_code == 303 and "/staff/erasures" in r.headers["Location"]
    assert home.get(client_url, timeout=10).status_code == 404
    assert home.post(client_url + "/erase", data={"csrf": csrf(home, page), "confirm": "1"}, timeout=10).status_code == 403, "admins only"
    def erasures_row() -> str:
        return re.search(r'<tr class="erasure">.*?</tr>', admin.get(a.url + "/staff/erasures", timeout=10).text, re.S).group(0)
    # B held the client's records and is waited for; the relay never did, and confirms all the same.
    wait_until("B and C confirm the erasure",
               lambda: all(n in erasures_row() for n in ("Journey Org B", "Journey Org C", "No one: complete")), 90, (a, b, c))
    assert "Erasure 1" in erasures_row() and "circle:" not in erasures_row()
    assert partner.get(b_url, timeout=10).status_code == 404
    assert "Fionnuala" not in partner.get(b.url + "/staff/referrals", timeout=10).text
    for n in (a, b, c):
        after = circle_wires(n, ids)
        # The relay too, which found them by the tags the erasure's tag keys explain (SPEC §8.10).
        assert set(after) >= set(before[n.path]) and all(after[k] < v for k, v in before[n.path].items()), "every payload in the circle is gone"
    # Nothing of the client can be read back from any node's files (database and write-ahead log):
    # not the record, not what staff typed (goal, reading, milestone), not the audit log's details.
    secrets = ("Fionnuala", "Progressclient", "forklift", "Forklift", "Confidence", "Home-only milestone", "After the withdrawal")
    for n in (a, b, c):
        stored = b"".join(p.read_bytes() for p in n.path.glob("waymark.sqlite*"))
        found = [x for x in secrets if x.encode() in stored]
        assert not found, f"{n.label} still holds {found} after the erasure"
    audit = admin.get(a.url + "/staff/audit", timeout=10).text
    assert "erase client" in audit and not any(x in audit for x in secrets), "the audit page still shows the client's details"


def test_settings_instruments_and_needs_on_the_command_line(make_node) -> None:
    node = new_node(make_node, "journey-cli", "Journey CLI Org")

    def cli(*args: str) -> subprocess.CompletedProcess:
        words = 2 if args[0] == "instrument" else 1
        return run_waymark(*args[:words], "--data", node.path, *args[words:])

    def ok(*args: str) -> str:
        proc = cli(*args)
        assert proc.returncode == 0, describe(proc)
        return proc.stdout

    assert "referral_response_days\t(default)" in ok("setting")
    assert "referral_response_days = 5" in ok("setting", "referral_response_days", "5")
    assert ok("setting", "referral_response_days").strip() == "5"
    for bad in (("referral_response_days", "0"), ("consent_months", "x"), ("nonsense", "1")):
        proc = cli("setting", *bad)
        assert proc.returncode != 0 and "error:" in proc.stderr, bad
    assert "steps\tSteps towards a goal\t10 stages" in ok("instrument", "list")
    assert "saved" in ok("instrument", "set", "--id", "work", "--name", "Work readiness", "--areas", "Motivation; Skills", "--stages", "5")
    listed = ok("instrument", "list")
    assert "steps\t" in listed and "work\tWork readiness\t5 stages\tMotivation; Skills" in listed
    proc = cli("instrument", "set", "--id", "bad", "--name", "Bad", "--areas", "A; A")
    assert proc.returncode != 0 and "area names must differ" in proc.stderr
    proc = cli("instrument", "set", "--id", "big", "--name", "Big", "--areas", "A", "--stages", "11")
    assert proc.returncode != 0 and "2 to 10 stages" in proc.stderr
    proc = cli("needs", "--taxonomy", "no-such-taxonomy")
    assert proc.returncode != 0 and "no taxonomy" in proc.stderr
    # What this node would share with the hub for a week (nothing yet: no directory, no clients).
    proc = run_waymark("hub", "figures", "--data", node.path, "--week", "2026-W49")
    assert proc.returncode == 0 and proc.stdout.startswith("week 2026-W49: ") and "dropped by the bound per client: 0" in proc.stdout, describe(proc)
    proc = run_waymark("hub", "figures", "--data", node.path, "--week", "2026-W60")
    assert proc.returncode != 0 and "an ISO week such as 2026-W49" in proc.stderr, describe(proc)


def test_a_referral_names_a_service_from_the_partners_listings(make_node) -> None:
    """The service of a referral is offered from the listings of the organisations the client agreed
    to be referred to (a list the browser shows as it is typed); a name picked or typed as listed is
    that service, so the referral carries its details; a name not listed stays words."""
    a = new_node(make_node, "pick-a", "Pick Org A")
    b = new_node(make_node, "pick-b", "Pick Org B")
    b.cli_ok("import", "--sample", "--sample-part", "2/2")
    a.add_staff("ciaran", "Ciarán Caseworker", "caseworker", PASSWORD)
    for n in (a, b):
        n.start()
    try:
        a.found_with(b)
        own_b = {r[0]: r[1] for r in b.sql("SELECT id, json_extract(body, '$.name') FROM record WHERE tbl = 'service' AND publisher = ?", b.signing_key())}
        wait_until("A holds B's listings", lambda: set(own_b) <= {r[0] for r in a.sql("SELECT id FROM record WHERE tbl = 'service'")}
                   and "Pick Org B" in a.peer_list(), CONVERGE, (a, b))
        home = sign_in(a)
        client_url = a.url + register(home, a, name="Pádraig Picker", date_of_birth="1990-03-03", needs="employment")
        page = home.get(client_url, timeout=10).text
        assert "referral-service-list" not in page, "no services offered before the client agreed to a referral"
        b_key = re.search(r'<option value="([0-9a-f]{64})">Pick Org B · ', page).group(1)
        r = home.post(client_url + "/consents", data={"csrf": csrf(home, page), "organization": b_key, "purpose": "referral", "class": ["contact", "needs"],
                                                       "start": "2026-11-22", "end": "2027-11-21", "method": "written"}, allow_redirects=False, timeout=10)
        assert r.status_code == 303
        page = home.get(client_url, timeout=10).text
        offered = re.search(r'<datalist id="referral-service-list">(.*?)</datalist>', page, re.S).group(1)
        names = set(re.findall(r'<option value="([^"]*)">Pick Org B</option>', offered.replace("&#39;", "'").replace("&amp;", "&")))
        assert names == set(own_b.values()), f"{len(names)} services offered, B lists {len(own_b)}"
        # Typed as listed (any case): the referral is to that service, and says who runs it.
        picked = sorted(own_b.values())[0]
        r = home.post(client_url + "/referrals", data={"csrf": csrf(home, page), "organization": b_key, "service_name": picked.upper()},
                      allow_redirects=False, timeout=10)
        assert r.status_code == 303, r.text[:400]
        page = home.get(client_url, timeout=10).text
        key = re.search(r'href="/staff/referrals/([0-9a-f]{64})', page).group(1)
        picked_id = next(i for i, n in own_b.items() if n == picked)
        runner = requests.get(a.url + f"/api/services/{picked_id}", timeout=10).json()["organization"]["name"]
        shown = home.get(a.url + f"/staff/referrals/{key}", timeout=10).text.replace("&#39;", "'").replace("&amp;", "&")
        assert f'id="run-by">{runner}<' in shown, "the referral does not carry the service"
    finally:
        for n in (a, b):
            n.stop()
