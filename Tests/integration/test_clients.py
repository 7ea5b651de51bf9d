"""Clients in control of their consent, across real node processes (Protocol/SPEC.md §13).

A is the client's home organisation, B a partner the client consented to, C another member whose
public site the client uses (a library kiosk, say). A syncs only with C and C only with B. With the
code on the receipt A printed and their date of birth, the client opens their record on C, stops
sharing with B there, and sees A and B confirm; A's staff see the consent withdrawn; a lost code is
replaced and the old one stops working; guessing codes is limited and tells nothing."""
from __future__ import annotations

import html
import re

import pytest
import requests

from test_federation import FedNode, new_node, wait_until

PASSWORD = "home node caseworker"
DOB = ("1", "5", "1990")


def csrf(page: str) -> str:
    return re.search(r'name="csrf" value="([0-9a-f]{32,64})"', page).group(1)


@pytest.fixture(scope="module")
def fed(make_node):
    a, b, c = (new_node(make_node, f"clients-{x}", f"Clients Org {x.upper()}") for x in "abc")
    a.add_staff("ciaran", "Ciarán Caseworker", "caseworker", PASSWORD)
    b.add_staff("brid", "Bríd Partner", "caseworker", PASSWORD)
    for n in (a, b, c):
        n.start("--only-added-peers")
    try:
        c.found_with(a, b)
        wait_until("A knows B and B knows A", lambda: "Clients Org B" in a.peer_list() and "Clients Org A" in b.peer_list(), 60, (a, b, c))
        yield a, b, c
    finally:
        for n in (a, b, c):
            n.stop()


def register_with_consent(a: FedNode, name: str = "Saoirse Ownrecord", purposes=("referral", "progress")) -> tuple[requests.Session, str]:
    s = a.staff_session("ciaran", PASSWORD)
    page = s.get(a.url + "/staff/clients/new", timeout=10).text
    r = s.post(a.url + "/staff/clients", data={"csrf": csrf(page), "name": name, "date_of_birth": "1990-05-01"},
               allow_redirects=False, timeout=10)
    assert r.status_code == 303, r.text[:300]
    client_url = a.url + r.headers["Location"].split("?")[0]
    page = s.get(client_url, timeout=10).text
    b_key = re.search(r'<option value="([0-9a-f]{64})">Clients Org B · ', page).group(1)
    r = s.post(client_url + "/consents", data={"csrf": csrf(page), "organization": b_key, "purpose": list(purposes),
                                               "class": ["contact", "needs"], "start": "2026-11-22", "end": "2027-11-21", "method": "written"},
               allow_redirects=False, timeout=10)
    assert r.status_code == 303
    return s, client_url


def issue_code(s: requests.Session, client_url: str) -> str:
    page = s.get(client_url, timeout=10).text
    assert 'id="client-code-form"' in page
    r = s.post(client_url + "/client-code", data={"csrf": csrf(page), "dob": ""}, timeout=10)
    assert r.status_code == 200, r.text[:500]
    code = html.unescape(re.search(r'id="client-code">([0-9A-Z-]+)<', r.text).group(1))
    assert re.fullmatch(r"[0-9A-Z]{4}(-[0-9A-Z]{4}){3}", code)
    assert "Clients Org B" in r.text and "/me" in r.text
    return code


def open_record(node: FedNode, code: str, dob=DOB) -> tuple[requests.Session, requests.Response]:
    s = requests.Session()
    s.get(node.url + "/me", timeout=10)
    r = s.post(node.url + "/me", data={"code": code, "day": dob[0], "month": dob[1], "year": dob[2]}, allow_redirects=False, timeout=30)
    return s, r


def referred_to_b(fed, name: str, purposes, service: str):
    """A client of A with consent for B (these purposes), referred to B, with a receipt; B's staff
    session and the referral's page on B once it arrived there."""
    a, b, c = fed
    staff, client_url = register_with_consent(a, name, purposes=purposes)
    page = staff.get(client_url, timeout=10).text
    b_key = re.search(r'<option value="([0-9a-f]{64})">Clients Org B · ', page).group(1)
    r = staff.post(client_url + "/referrals", data={"csrf": csrf(page), "organization": b_key, "service_name": service},
                   allow_redirects=False, timeout=10)
    assert r.status_code == 303
    key = re.search(r'href="/staff/referrals/([0-9a-f]{64})', staff.get(client_url, timeout=10).text).group(1)
    code = issue_code(staff, client_url)
    partner = b.staff_session("brid", PASSWORD)
    b_url = b.url + f"/staff/referrals/{key}"
    wait_until("the referral reaches B", lambda: partner.get(b_url, timeout=10).status_code == 200, 60, (a, b, c))
    return staff, client_url, key, code, partner, b_url


def test_the_client_withdraws_on_another_members_site_and_every_holder_confirms(fed) -> None:
    a, b, c = fed
    staff, client_url = register_with_consent(a)
    code = issue_code(staff, client_url)
    # The code is kept nowhere: not on the home node, not on any other.
    # The key record (kind 27, in the clear) and the client's copy (sealed, SPEC §8.10).
    home_sealed = lambda: {row[0] for row in a.sql("SELECT id FROM envelope WHERE kind = 40")}
    wait_until("the client's key reaches C",
               lambda: c.sql("SELECT count(*) FROM envelope WHERE kind = 27")[0][0] == 1
               and home_sealed() <= {row[0] for row in c.sql("SELECT id FROM envelope WHERE kind = 40")}, 60, (a, b, c))
    for n in (a, b, c):
        stored = b"".join(p.read_bytes() for p in n.path.glob("waymark.sqlite*"))
        assert code.replace("-", "").encode() not in stored and code.encode() not in stored

    s, r = open_record(c, code.lower().replace("-", " "))
    assert r.status_code == 303 and r.headers["Location"].startswith("/me/record")
    assert "Max-Age=900" in r.headers["Set-Cookie"] and "HttpOnly" in r.headers["Set-Cookie"] and "SameSite=Strict" in r.headers["Set-Cookie"]
    page = s.get(c.url + "/me/record", timeout=10)
    assert page.status_code == 200 and page.headers["Cache-Control"] == "no-store"
    text = page.text
    assert 'id="client-home">Clients Org A<' in text
    holders = text[text.index('id="client-holders"'):text.index('id="consents-heading"')]
    assert "Clients Org B" in holders and "1 consent record<" in holders
    consents = text[text.index('id="client-consents"'):]
    assert "Clients Org B</strong>: you agreed they may get referrals for you and your progress" in consents
    # Nothing personal in the URL or in what the record page links to.
    assert code not in page.url and "1990" not in page.url

    # Withdraw from B: the button, then yes.
    b_key = re.search(r'name="organization" value="([0-9a-f]{64})"><button type="submit" class="withdraw"', text).group(1)
    r = s.post(c.url + "/me/withdraw", data={"csrf": csrf(text), "organization": b_key}, timeout=10)
    assert r.status_code == 200 and "Stop sharing with Clients Org B?" in r.text
    r = s.post(c.url + "/me/withdraw", data={"csrf": csrf(r.text), "organization": b_key, "confirm": "yes"}, allow_redirects=False, timeout=10)
    assert r.status_code == 303, r.text[:500]
    text = s.get(c.url + "/me/record", timeout=10).text
    assert "You stopped sharing with Clients Org B" in text and "made on the website of Clients Org C" in text
    assert "Clients Org B</strong>: you stopped sharing with them" in text

    # Every holder confirms: A (home) and B each sign an acknowledgement that travels back to C.
    def confirmed() -> bool:
        t = s.get(c.url + "/me/record", timeout=10).text
        changes = t[t.index('id="client-changes"'):t.index('id="timeline-heading"')]
        return "Confirmed by Clients Org A" in changes and "Confirmed by Clients Org B" in changes
    wait_until("A and B confirm the client's withdrawal on C", confirmed, 90, (a, b, c))

    # A's staff see it withdrawn, by the client, and can no longer refer to B.
    page = staff.get(client_url, timeout=10).text
    row = re.search(r'<tr class="consent"><td>Clients Org B</td>.*?</tr>', page, re.S).group(0)
    assert "withdrawn" in row
    assert 'id="no-referral-consent"' in page

    # The client agrees again: A's staff see the consent in force again.
    text = s.get(c.url + "/me/record", timeout=10).text
    r = s.post(c.url + "/me/grant", data={"csrf": csrf(text), "organization": b_key, "purpose": "referral"}, timeout=10)
    assert r.status_code == 200 and "Share with Clients Org B?" in r.text
    r = s.post(c.url + "/me/grant", data={"csrf": csrf(r.text), "organization": b_key, "purpose": "referral", "confirm": "yes"},
               allow_redirects=False, timeout=10)
    assert r.status_code == 303
    wait_until("A sees the client's new consent", lambda: re.search(
        r'<tr class="consent"><td>Clients Org B</td><td[^>]*>Referrals</td>.*?in force', staff.get(client_url, timeout=10).text, re.S), 60, (a, b, c))

    # The consent receipt as data, with the Kantara / ISO/IEC TS 27560 fields.
    receipt = s.get(c.url + "/me/receipt.json", timeout=10).json()
    assert receipt["jurisdiction"] == "IE" and receipt["piiControllers"][0]["piiController"] == "Clients Org A"
    assert [x["service"] for x in receipt["services"]] == ["Clients Org B"]

    # A form from another site, or without the session's token, changes nothing.
    assert s.post(c.url + "/me/withdraw", data={"csrf": "0" * 32, "organization": b_key, "confirm": "yes"}, timeout=10).status_code == 403
    assert s.post(c.url + "/me/withdraw", data={"csrf": csrf(text), "organization": b_key, "confirm": "yes"},
                  headers={"Origin": "https://elsewhere.example"}, timeout=10).status_code == 403

    # Leaving closes the record on this computer.
    r = s.post(c.url + "/me/signout", allow_redirects=False, timeout=10)
    assert r.status_code == 303
    assert s.get(c.url + "/me/record", allow_redirects=False, timeout=10).status_code == 303


def no_match_text(r: requests.Response) -> str:
    m = re.search(r'id="client-error">([^<]+)<', r.text)
    return m.group(1) if m else ""


def test_guessing_codes_is_limited_and_tells_nothing_and_a_replaced_code_stops_working(fed) -> None:
    a, b, c = fed
    staff, client_url = register_with_consent(a, "Tadhg Guesstest")
    old = issue_code(staff, client_url)
    new = issue_code(staff, client_url)
    wait_until("both keys reach C", lambda: c.sql("SELECT count(*) FROM envelope WHERE kind = 27")[0][0] >= 3, 60, (a, b, c))

    # A wrong date of birth, a code that never existed and a replaced code all get the same answer.
    _, wrong_dob = open_record(c, new, ("2", "5", "1990"))
    _, never = open_record(c, "ABCD-EFGH-JKMN-PQRS")
    _, replaced = open_record(c, old)
    assert wrong_dob.status_code == never.status_code == replaced.status_code == 404
    assert no_match_text(wrong_dob) == no_match_text(never) == no_match_text(replaced) != ""
    # The new code works.
    _, ok = open_record(c, new)
    assert ok.status_code == 303

    # Five wrong tries on one code, and it is closed for an hour even with the right date of birth;
    # a code nobody holds is closed the same way, so the limit tells nothing either.
    for _ in range(4):
        assert open_record(c, new, ("3", "5", "1990"))[1].status_code == 404
    assert open_record(c, new)[1].status_code == 429
    for _ in range(5):
        open_record(c, "ZZZZ-ZZZZ-ZZZZ-ZZZZ")
    assert open_record(c, "ZZZZ-ZZZZ-ZZZZ-ZZZZ")[1].status_code == 429
    # Malformed input is answered in the client's words, and loses nothing they typed.
    _, bad = open_record(c, "hello", ("31", "2", "1990"))
    assert bad.status_code == 400 and "16 letters and numbers" in bad.text and 'value="hello"' in bad.text


def test_the_client_rates_their_own_progress_and_says_whether_they_got_help(fed) -> None:
    """Paired readings and the check-in (SPEC §13.5): B records a goal and a reading; the client, on
    C's site, gives their own view of the same area and, once B closes the referral, answers the
    check-in; A's staff see the two views side by side with the gap; B sees the answer among its own
    results; C, which carried both, can read neither."""
    a, b, c = fed
    staff, client_url, key, code, partner, b_url = referred_to_b(fed, "Orla Ownvoice", ("referral", "progress"), "Cookery course")
    def post_b(path: str, data: dict) -> None:
        page = partner.get(b_url, timeout=10).text
        r = partner.post(b.url + path, data={"csrf": csrf(page), **data}, allow_redirects=False, timeout=10)
        assert r.status_code == 303, r.text[:400]
    post_b(f"/staff/referrals/{key}", {"status": "accepted"})
    post_b("/staff/progress", {"referral": key, "type": "goal", "title": "Cook for the family", "instrument": "steps"})
    goal = re.search(r'<option value="(goal-[0-9a-f]+)">Cook for the family</option>', partner.get(b_url, timeout=10).text).group(1)
    post_b("/staff/progress", {"referral": key, "type": "reading", "goal": goal, "area": "Confidence", "stage": "4", "date": "2026-11-22"})

    # On C's site the client sees B's reading and gives their own.
    def record_has(s: requests.Session, text: str) -> bool:
        return text in s.get(c.url + "/me/record", timeout=10).text
    s, r = open_record(c, code)
    assert r.status_code == 303
    wait_until("B's goal reaches the client's page on C", lambda: record_has(s, "Cook for the family"), 60, (a, b, c))
    page = s.get(c.url + "/me/record", timeout=10).text
    form = page[page.index('id="rate-' + goal):]
    area_index = re.search(r'name="area-(\d+)" value="Confidence"', form).group(1)
    r = s.post(c.url + "/me/rate", data={"csrf": csrf(page), "goal": goal, f"area-{area_index}": "Confidence", f"stage-{area_index}": "7",
                                         "statistics": "yes"}, allow_redirects=False, timeout=10)
    assert r.status_code == 303, r.text[:400]
    page = s.get(c.url + "/me/record", timeout=10).text
    assert "You rated your own progress on Cook for the family: Confidence: 7." in page
    # Not yet closed: no check-in is offered.
    assert 'action="/me/checkin' not in page

    # A's staff see the client's view beside B's, with the gap.
    def client_view_at_home() -> bool:
        t = staff.get(client_url, timeout=10).text
        return re.search(r"<td>Confidence</td>.*?4 / 10.*?<td class=\"client-view\">7 / 10 \(\+3 against yours\)</td>", t, re.S) is not None
    wait_until("A sees the client's own view", client_view_at_home, 60, (a, b, c))
    # The client agreed that the gap be counted: A, the home organisation, counts it in its week's
    # figures for the hub (SPEC §12.1); B, which took the reading, does not count it again.
    assert "progress/Confidence/client-view/client-higher-2+\t1" in a.cli_ok("hub", "figures").stdout
    assert "client-view" not in b.cli_ok("hub", "figures").stdout

    # B closes the referral; the client answers the check-in on C's site.
    post_b(f"/staff/referrals/{key}", {"status": "completed", "outcome": "Finished the course"})
    wait_until("the closed referral reaches C", lambda: record_has(s, 'action="/me/checkin'), 60, (a, b, c))
    page = s.get(c.url + "/me/record", timeout=10).text
    assert s.post(c.url + "/me/checkin", data={"csrf": csrf(page), "referral": "nonsense", "score": "8"}, timeout=10).status_code == 200
    assert "Nothing needed to change" in s.post(c.url + "/me/checkin", data={"csrf": csrf(page), "referral": "nonsense", "score": "8"}, timeout=10).text
    referral_id = re.search(r'name="referral" value="([^"]+)"', page[page.index('action="/me/checkin'):]).group(1)
    r = s.post(c.url + "/me/checkin", data={"csrf": csrf(page), "referral": referral_id, "score": "8", "comment": "The teacher was kind"},
               allow_redirects=False, timeout=10)
    assert r.status_code == 303
    assert record_has(s, "You answered 8 out of 10")

    # B sees it among its own results; A sees it on the client's page.
    wait_until("B sees the check-in", lambda: "The teacher was kind" in partner.get(b.url + "/staff/checkins", timeout=10).text, 60, (a, b, c))
    results = partner.get(b.url + "/staff/checkins", timeout=10).text
    assert "1 answers, 8.0 out of 10 on average; 1 said 7 or more." in results
    # "You said, we did": B notes what it changed; an empty note is refused and nothing is lost.
    r = partner.post(b.url + "/staff/checkins/changes", data={"csrf": csrf(results), "text": "   "}, timeout=10)
    assert r.status_code == 400 and "Write what was changed" in r.text
    r = partner.post(b.url + "/staff/checkins/changes", data={"csrf": csrf(results), "text": "Cookery now also runs on Saturdays"},
                     allow_redirects=False, timeout=10)
    assert r.status_code == 303
    changes = partner.get(b.url + "/staff/checkins", timeout=10).text
    assert re.search(r'<li class="change"><strong>[^<]+</strong>: Cookery now also runs on Saturdays <span class="meta">\(brid\)', changes)
    assert "Cookery now also runs on Saturdays" not in staff.get(a.url + "/staff/checkins", timeout=10).text
    wait_until("A sees the check-in", lambda: "The teacher was kind" in staff.get(client_url, timeout=10).text, 60, (a, b, c))
    # C carried both and can read neither.
    stored_c = b"".join(p.read_bytes() for p in c.path.glob("waymark.sqlite*"))
    assert b"The teacher was kind" not in stored_c and b"Cook for the family" not in stored_c


def test_a_partner_asks_the_client_to_share_progress_and_the_client_answers(fed) -> None:
    """Consent requests (SPEC §13.10): B holds only a referral consent, so it cannot record progress;
    from the referral's page it asks the client, with a reason. The client sees the request on C's
    site and says no, B sees that and asks again, the client agrees in two steps, and B may then
    record progress. B cannot ask about a referral it does not hold; C, which carried it all, cannot
    read the request."""
    a, b, c = fed
    staff, client_url, key, code, partner, b_url = referred_to_b(fed, "Nessa Askedfirst", ("referral",), "Parenting group")
    page = partner.get(b_url, timeout=10).text
    assert 'id="progress-noconsent"' in page and 'id="request-form"' in page and 'id="goal-form"' not in page
    # A request needs a reason; one for a referral B does not hold is not found.
    r = partner.post(b.url + "/staff/consent-requests", data={"csrf": csrf(page), "referral": key, "reason": "  "}, timeout=10)
    assert r.status_code == 400 and "Say why you ask" in r.text
    r = partner.post(b.url + "/staff/consent-requests", data={"csrf": csrf(page), "referral": "ab" * 32, "reason": "x"}, timeout=10)
    assert r.status_code == 404

    def ask(reason: str) -> None:
        page = partner.get(b_url, timeout=10).text
        r = partner.post(b.url + "/staff/consent-requests", data={"csrf": csrf(page), "referral": key, "reason": reason},
                         allow_redirects=False, timeout=10)
        assert r.status_code == 303, r.text[:400]
    ask("So the group leader can note how the sessions go for you")
    page = partner.get(b_url, timeout=10).text
    assert "waiting for the client&#39;s answer" in page or "waiting for the client's answer" in page
    assert 'id="request-form"' not in page  # one open request at a time

    def record() -> str:
        return s.get(c.url + "/me/record", timeout=10).text
    s, r = open_record(c, code)
    assert r.status_code == 303
    wait_until("the request reaches the client's page on C", lambda: 'id="client-requests"' in record(), 60, (a, b, c))
    text = record()
    assert "Clients Org B asks to get your progress" in text and "So the group leader can note how the sessions go for you" in text
    request_id = re.search(r'name="request" value="([0-9a-f]{64})"', text).group(1)
    r = s.post(c.url + "/me/decline", data={"csrf": csrf(text), "request": request_id}, allow_redirects=False, timeout=10)
    assert r.status_code == 303
    text = s.get(c.url + r.headers["Location"], timeout=10).text
    assert "You said no" in text
    assert 'id="client-requests"' not in text
    # Saying no twice changes nothing.
    assert "Nothing needed to change" in s.post(c.url + "/me/decline", data={"csrf": csrf(text), "request": request_id}, timeout=10).text

    wait_until("B sees the client said no", lambda: "the client said no" in partner.get(b_url, timeout=10).text, 60, (a, b, c))
    assert 'id="goal-form"' not in partner.get(b_url, timeout=10).text
    ask("We would like to record your progress, with you, each month")
    wait_until("the second request reaches C", lambda: "each month" in record(), 60, (a, b, c))
    text = record()
    form = text[text.index('id="client-requests"'):]
    b_key = re.search(r'name="organization" value="([0-9a-f]{64})"', form).group(1)
    purposes = re.findall(r'name="purpose" value="(\w+)"', form[:form.index("</form>")])
    assert sorted(purposes) == ["progress", "referral"]  # agreeing keeps the referral consent
    r = s.post(c.url + "/me/grant", data={"csrf": csrf(text), "organization": b_key, "purpose": purposes}, timeout=10)
    assert r.status_code == 200 and "Share with Clients Org B?" in r.text
    r = s.post(c.url + "/me/grant", data={"csrf": csrf(r.text), "organization": b_key, "purpose": purposes, "confirm": "yes"},
               allow_redirects=False, timeout=10)
    assert r.status_code == 303
    text = record()
    assert 'id="client-requests"' not in text
    assert "Clients Org B</strong>: you agreed they may get referrals for you and your progress" in text

    def b_may_record() -> bool:
        p = partner.get(b_url, timeout=10).text
        return 'id="goal-form"' in p and "the client agreed" in p
    wait_until("B may record progress", b_may_record, 60, (a, b, c))
    page = partner.get(b_url, timeout=10).text
    r = partner.post(b.url + "/staff/progress", data={"csrf": csrf(page), "referral": key, "type": "goal", "title": "Calmer mornings", "instrument": "none"},
                     allow_redirects=False, timeout=10)
    assert r.status_code == 303
    wait_until("A sees B's goal", lambda: "Calmer mornings" in staff.get(client_url, timeout=10).text, 60, (a, b, c))
    # A, the home organisation, sees the requests and their answers on the client's page.
    home = staff.get(client_url, timeout=10).text
    assert "the client said no" in home and "the client agreed" in home, home[home.find('id="progress-heading"'):][:3000]
    stored_c = b"".join(p.read_bytes() for p in c.path.glob("waymark.sqlite*"))
    assert b"each month" not in stored_c and b"group leader" not in stored_c


def test_a_parent_acts_for_the_client_with_a_code_of_their_own(fed) -> None:
    """Proxies (SPEC §13.7): A records a parent acting for the client, with the authority, and prints
    the parent's receipt; on C the parent opens the record with their own code and date of birth,
    sees that they act as parent, and stops sharing with B; the change shows as the parent's, B and A
    honour it; the client sees who can act for them; once A ends it, the parent's code opens nothing."""
    a, b, c = fed
    staff, client_url = register_with_consent(a, "Rían Proxytest")
    own = issue_code(staff, client_url)
    page = staff.get(client_url, timeout=10).text
    assert 'id="proxy-form"' in page
    bad = staff.post(client_url + "/proxy", data={"csrf": csrf(page), "name": "Máire Proxytest", "relationship": "parent", "authority": "",
                                                  "dob": "1970-02-03"}, timeout=10)
    assert bad.status_code == 400 and "what gives them the authority" in bad.text
    r = staff.post(client_url + "/proxy", data={"csrf": csrf(page), "name": "Máire Proxytest", "relationship": "parent",
                                                "authority": "Signed authority form, 2 November 2026", "dob": "1970-02-03"}, timeout=10)
    assert r.status_code == 200 and "Acting for someone: your receipt" in r.text and "Máire Proxytest may act as parent" in r.text
    proxy = html.unescape(re.search(r'id="client-code">([0-9A-Z-]+)<', r.text).group(1))
    page = staff.get(client_url, timeout=10).text
    assert re.search(r'<li class="proxy"><strong>Máire Proxytest</strong> \(parent\): Signed authority form', page)

    wait_until("the parent's key reaches C", lambda: open_record(c, proxy, ("3", "2", "1970"))[1].status_code == 303, 60, (a, b, c))
    s, _ = open_record(c, proxy, ("3", "2", "1970"))
    text = s.get(c.url + "/me/record", timeout=10).text
    assert "You are acting for this person as their parent, as Clients Org A recorded: Signed authority form, 2 November 2026." in text
    b_key = re.search(r'name="organization" value="([0-9a-f]{64})"><button type="submit" class="withdraw"', text).group(1)
    r = s.post(c.url + "/me/withdraw", data={"csrf": csrf(text), "organization": b_key, "confirm": "yes"}, allow_redirects=False, timeout=10)
    assert r.status_code == 303
    text = s.get(c.url + "/me/record", timeout=10).text
    assert "You stopped sharing with Clients Org B</strong> by Máire Proxytest (parent)" in text

    # The home organisation sees each time the record was opened, where and by whom.
    wait_until("A sees that the parent opened the record on C", lambda: re.search(
        r"opened by Máire Proxytest \(parent\) on the website of Clients Org C", staff.get(client_url, timeout=10).text), 60, (a, b, c))
    # A's staff see it withdrawn; the client, with their own code, sees who can act for them and the change.
    wait_until("A sees the parent's withdrawal", lambda: re.search(
        r'<tr class="consent"><td>Clients Org B</td>.*?withdrawn', staff.get(client_url, timeout=10).text, re.S), 60, (a, b, c))
    mine, r = open_record(c, own)
    assert r.status_code == 303
    text = mine.get(c.url + "/me/record", timeout=10).text
    assert "Máire Proxytest, your parent (Signed authority form, 2 November 2026)" in text
    assert "by Máire Proxytest (parent)" in text and "You are acting for" not in text
    accesses = text[text.index('id="client-accesses"'):]
    assert "opened by you on the website of Clients Org C" in accesses and "opened by Máire Proxytest (parent)" in accesses

    # A ends the parent's authority: their code opens nothing, as any wrong code.
    page = staff.get(client_url, timeout=10).text
    slot = re.search(r'name="slot" value="(proxy-[0-9a-f]+)"', page).group(1)
    assert staff.post(client_url + "/proxy/end", data={"csrf": csrf(page), "slot": slot}, allow_redirects=False, timeout=10).status_code == 303
    assert "Máire Proxytest" not in staff.get(client_url, timeout=10).text.split('id="proxies-heading"')[1].split("</details>")[0].split("<details")[0]
    wait_until("the parent's code stops working on C", lambda: open_record(c, proxy, ("3", "2", "1970"))[1].status_code == 404, 60, (a, b, c))
    # The parent's open session cannot act either.
    r = s.post(c.url + "/me/grant", data={"csrf": csrf(text), "organization": b_key, "confirm": "yes"}, allow_redirects=False, timeout=10)
    assert r.status_code in (303, 403)
    assert "Clients Org B</strong>: you stopped sharing with them" in mine.get(c.url + "/me/record", timeout=10).text


def test_the_demos_sample_client_opens_their_record_on_another_node(make_node) -> None:
    """What Deploy/demo.sh does: `waymark sample-journey --receipt` on the home node prints a receipt
    code and date of birth; with them the sample client opens their record on the partner's site."""
    home, partner = (new_node(make_node, f"sample-{x}", f"Sample Org {x.upper()}") for x in "ab")
    for n in (home, partner):
        n.start()
    try:
        partner.found_with(home)
        wait_until("the home node knows the partner", lambda: "Sample Org B" in home.peer_list(), 60, (home, partner))
        out = home.cli_ok("sample-journey", "--partner", "Org B", "--receipt").stdout
        m = re.search(r"Receipt code: ([0-9A-Z-]{19})  date of birth: (\d+) (\d+) (\d+)", out)
        assert m, out
        again = home.cli_ok("sample-journey", "--partner", "Org B", "--receipt").stdout
        assert "already there" in again
        m2 = re.search(r"Receipt code: ([0-9A-Z-]{19})", again)
        assert m2 and m2.group(1) != m.group(1), "a second run gives a new code"
        wait_until("the sample client's record opens on the partner's site",
                    lambda: open_record(partner, m2.group(1), (m.group(2), m.group(3), m.group(4)))[1].status_code == 303, 60, (home, partner))
        s, _ = open_record(partner, m2.group(1), (m.group(2), m.group(3), m.group(4)))
        page = s.get(partner.url + "/me/record", timeout=10).text
        assert "Sample Org B" in page and "Back to work" in page
        # The first code was replaced by the second.
        assert open_record(partner, m.group(1), (m.group(2), m.group(3), m.group(4)))[1].status_code == 404
    finally:
        for n in (home, partner):
            n.stop()
