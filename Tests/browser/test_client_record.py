"""The client's own record in a real browser (Protocol/SPEC.md §13): a caseworker on the home node
prints a receipt with a code; the client opens their record with it on another member's site (a
library kiosk), with the keyboard only, stops sharing with the partner in two steps and sees both
organisations confirm. The same without JavaScript and in Irish; every page passes axe."""
from __future__ import annotations

import io
import re
import subprocess
import time

import pytest
import requests
import zxingcpp
from PIL import Image
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from conftest import BIN, describe, join, make_node, run_waymark

PASSWORD = "a long client record password"


@pytest.fixture(scope="module")
def three_nodes(tmp_path_factory, serve_node):
    work = tmp_path_factory.mktemp("client-record")
    home = make_node(work, "home", org="Home Family Centre")
    partner = make_node(work, "partner", org="Partner Training Hub")
    kiosk = make_node(work, "kiosk", org="Library Kiosk Org")
    proc = subprocess.run([str(BIN), "user", "add", "--data", str(home), "--username", "worker", "--name", "Home Worker", "--role", "caseworker",
                           "--password-stdin"], input=PASSWORD + "\n", capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, describe(proc)
    proc = subprocess.run([str(BIN), "user", "add", "--data", str(partner), "--username", "partner", "--name", "Partner Worker", "--role",
                           "caseworker", "--password-stdin"], input=PASSWORD + "\n", capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, describe(proc)
    with serve_node(home) as a, serve_node(partner) as b, serve_node(kiosk) as c:
        join(home, partner, "Partner Training Hub")
        join(home, kiosk, "Library Kiosk Org")
        for d in (home, partner, kiosk, home):
            assert run_waymark("sync", "--data", d).returncode == 0
        yield (a, home), (b, partner), (c, kiosk)


def sync_all(*datas) -> None:
    for d in datas:
        run_waymark("sync", "--data", d)


def test_a_client_stops_sharing_on_another_members_site_with_the_keyboard(browser, nojs_browser, pages, three_nodes, axe, format_axe):
    (home, home_data), (partner, partner_data), (kiosk, kiosk_data) = three_nodes
    b = browser
    b.set_window_size(1280, 900)
    pages.load(b, home.url("/staff/login"))
    b.find_element(By.ID, "username").send_keys("worker")
    b.find_element(By.ID, "password").send_keys(PASSWORD)
    pages.navigating(b, lambda: b.find_element(By.ID, "signin").click())
    pages.load(b, home.url("/staff/clients/new"))
    b.find_element(By.ID, "client-name").send_keys("Clodagh Browserclient")
    b.find_element(By.ID, "client-dob").send_keys("1987-03-27")
    pages.navigating(b, lambda: b.find_element(By.ID, "save-client").click())
    org = Select(b.find_element(By.ID, "consent-org"))
    org.select_by_value(next(o.get_attribute("value") for o in org.options if o.text.startswith("Partner Training Hub")))
    pages.navigating(b, lambda: b.find_element(By.ID, "record-consent").click())
    # The receipt: a new code, printed on one small page.
    assert b.find_element(By.ID, "client-code-dob").get_attribute("value") == "1987-03-27"
    pages.navigating(b, lambda: b.find_element(By.ID, "issue-client-code").click())
    code = b.find_element(By.ID, "client-code").text
    assert re.fullmatch(r"[0-9A-Z]{4}(-[0-9A-Z]{4}){3}", code), code
    sheet = b.find_element(By.ID, "client-code-sheet").text
    assert "Partner Training Hub" in sheet and "/me" in sheet
    assert b.find_element(By.ID, "print-receipt").is_displayed(), "with JavaScript, a print button"
    pages.shot(b, "client-receipt-desktop")
    found = {"receipt": axe(b)}
    # The QR code on the receipt, read back from the screen by a real decoder, opens the record page
    # with the code filled in (after "#", which no server sees) and leaves no code in the address bar.
    qr = zxingcpp.read_barcodes(Image.open(io.BytesIO(b.find_element(By.CSS_SELECTOR, "#client-qr svg").screenshot_as_png)))
    assert len(qr) == 1 and qr[0].format == zxingcpp.BarcodeFormat.QRCode, qr
    assert qr[0].text == home.url("/me") + "#code=" + code.replace("-", ""), qr[0].text
    pages.load(b, qr[0].text)
    assert b.find_element(By.ID, "client-code").get_attribute("value") == code.replace("-", "")
    assert "#" not in b.current_url and code.replace("-", "") not in b.current_url
    assert b.switch_to.active_element.get_attribute("id") == "dob-day"
    sync_all(home_data, partner_data, kiosk_data)

    # At the kiosk, on a phone-sized screen, with the keyboard only: footer link, code, date, Enter.
    b.delete_all_cookies()
    b.set_window_size(390, 844)
    started = time.monotonic()
    loads = 1
    pages.load(b, kiosk.url("/"))
    link = b.find_element(By.ID, "client-record-link")
    pages.navigating(b, lambda: link.send_keys(Keys.ENTER))
    loads += 1
    found["sign-in"] = axe(b)
    b.find_element(By.ID, "client-code").send_keys(code.lower().replace("-", " "))
    b.find_element(By.ID, "dob-day").send_keys("27")
    b.find_element(By.ID, "dob-month").send_keys("3")
    year = b.find_element(By.ID, "dob-year")
    year.send_keys("1987")
    pages.navigating(b, lambda: year.send_keys(Keys.ENTER))
    loads += 1
    assert b.find_element(By.ID, "client-home").text == "Home Family Centre"
    consents = b.find_element(By.ID, "client-consents").text
    assert "Partner Training Hub: you agreed they may get referrals for you" in consents
    pages.shot(b, "client-record-phone")
    found["record"] = axe(b)
    withdraw = b.find_element(By.CSS_SELECTOR, "#client-consents button.withdraw")
    pages.navigating(b, lambda: withdraw.send_keys(Keys.ENTER))
    loads += 1
    assert b.find_element(By.ID, "confirm-heading").text == "Stop sharing with Partner Training Hub?"
    found["confirm"] = axe(b)
    yes = b.find_element(By.ID, "confirm-yes")
    pages.navigating(b, lambda: yes.send_keys(Keys.ENTER))
    loads += 1
    elapsed = time.monotonic() - started
    assert "You stopped sharing" in b.find_element(By.ID, "client-notice").text
    assert "Partner Training Hub: you stopped sharing with them" in b.find_element(By.ID, "client-consents").text
    print(f"\nclient: kiosk home page to withdrawal done: {loads} page loads, {elapsed:.1f} s (keyboard only, 390x844)")

    # Both holders confirm, as sync carries the change and their acknowledgements.
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        sync_all(kiosk_data, home_data, partner_data, home_data, kiosk_data)
        pages.load(b, kiosk.url("/me/record"))
        changes = b.find_element(By.ID, "client-changes").text
        if "Confirmed by Home Family Centre" in changes and "Confirmed by Partner Training Hub" in changes:
            break
    else:
        pytest.fail("the holders' confirmations did not arrive: " + b.find_element(By.ID, "client-changes").text)
    pages.shot(b, "client-record-confirmed-phone")
    found["record with confirmations"] = axe(b)

    # Without JavaScript, in Irish: the same sign-in opens the record, then leaving closes it.
    n = nojs_browser
    pages.load(n, kiosk.url("/me?lang=ga"))
    assert n.find_element(By.TAG_NAME, "h1").text == "Féach ar do thaifead"
    n.find_element(By.ID, "client-code").send_keys(code)
    n.find_element(By.ID, "dob-day").send_keys("27")
    n.find_element(By.ID, "dob-month").send_keys("03")
    n.find_element(By.ID, "dob-year").send_keys("1987")
    pages.navigating(n, lambda: n.find_element(By.ID, "client-open").click())
    assert n.find_element(By.ID, "client-record-title").text == "Do thaifead"
    assert "Chuir tú stop leis an roinnt le Partner Training Hub" in n.find_element(By.ID, "client-changes").text
    pages.shot(n, "client-record-irish-nojs")
    pages.navigating(n, lambda: n.find_element(By.ID, "client-signout").click())
    assert n.find_element(By.ID, "signed-out").is_displayed()
    pages.load(n, kiosk.url("/me/record"))
    assert n.find_element(By.ID, "client-signin").is_displayed(), "after leaving, the record needs the code again"

    serious = {p: [v for v in vs if v.get("impact") in ("serious", "critical")] for p, vs in found.items()}
    assert not any(serious.values()), "SITE BUG: axe found serious violations:\n" + "\n".join(
        f"{p}:\n{format_axe(v)}" for p, v in serious.items() if v)


def staff(site, username: str) -> requests.Session:
    s = requests.Session()
    page = s.get(site.url("/staff/login"), timeout=10).text
    token = re.search(r'name="csrf" value="([0-9a-f]{64})"', page).group(1)
    r = s.post(site.url("/staff/login"), data={"csrf": token, "username": username, "password": PASSWORD}, allow_redirects=False, timeout=10)
    assert r.status_code == 303
    return s


def csrf(page: str) -> str:
    return re.search(r'name="csrf" value="([0-9a-f]{32,64})"', page).group(1)


def sign_in_on_a_phone(b, pages, url: str, code: str, dob: tuple[str, str, str]) -> None:
    """A fresh browser at 390×844 opens the client's record with the keyboard: code, date, Enter."""
    b.delete_all_cookies()
    b.set_window_size(390, 844)
    pages.load(b, url)
    b.find_element(By.ID, "client-code").send_keys(code)
    b.find_element(By.ID, "dob-day").send_keys(dob[0])
    b.find_element(By.ID, "dob-month").send_keys(dob[1])
    year = b.find_element(By.ID, "dob-year")
    year.send_keys(dob[2])
    pages.navigating(b, lambda: year.send_keys(Keys.ENTER))


def referred_client(home, name: str, dob: str, purposes: list[str], service: str) -> tuple[str, str, str]:
    """Over HTTP, as the home's caseworker: a client with consent for the partner (these purposes), a
    referral to it, and a receipt. Returns the referral's key, the receipt's code and the client's page."""
    h = staff(home, "worker")
    page = h.get(home.url("/staff/clients/new"), timeout=10).text
    r = h.post(home.url("/staff/clients"), data={"csrf": csrf(page), "name": name, "date_of_birth": dob}, allow_redirects=False, timeout=10)
    client_url = home.url(r.headers["Location"].split("?")[0])
    page = h.get(client_url, timeout=10).text
    p_key = re.search(r'<option value="([0-9a-f]{64})">Partner Training Hub · ', page).group(1)
    assert h.post(client_url + "/consents", data={"csrf": csrf(page), "organization": p_key, "purpose": purposes, "class": "needs",
                                                  "start": "2026-11-22", "end": "2027-11-21", "method": "written"}, allow_redirects=False,
                  timeout=10).status_code == 303
    page = h.get(client_url, timeout=10).text
    assert h.post(client_url + "/referrals", data={"csrf": csrf(page), "organization": p_key, "service_name": service},
                  allow_redirects=False, timeout=10).status_code == 303
    key = re.search(r'href="/staff/referrals/([0-9a-f]{64})', h.get(client_url, timeout=10).text).group(1)
    page = h.get(client_url, timeout=10).text
    code = re.search(r'id="client-code">([0-9A-Z-]+)<', h.post(client_url + "/client-code", data={"csrf": csrf(page), "dob": ""}, timeout=10).text).group(1)
    return key, code, client_url


def test_a_client_gives_their_own_view_and_answers_the_check_in(browser, pages, three_nodes, axe, format_axe):
    """The staff side is set up over HTTP; the client's part is done in the browser, keyboard only."""
    (home, home_data), (partner, partner_data), (kiosk, kiosk_data) = three_nodes
    key, code, _ = referred_client(home, "Eimear Ownvoice", "1999-12-01", ["referral", "progress"], "Barista course")
    sync_all(home_data, partner_data)
    p = staff(partner, "partner")
    ref = partner.url(f"/staff/referrals/{key}")
    def post_p(path: str, data: dict) -> None:
        r = p.post(partner.url(path), data={"csrf": csrf(p.get(ref, timeout=10).text), **data}, allow_redirects=False, timeout=10)
        assert r.status_code == 303, r.text[:300]
    post_p(f"/staff/referrals/{key}", {"status": "accepted"})
    post_p("/staff/progress", {"referral": key, "type": "goal", "title": "Work in a café", "instrument": "steps"})
    goal = re.search(r'<option value="(goal-[0-9a-f]+)">Work in a café</option>', p.get(ref, timeout=10).text).group(1)
    post_p("/staff/progress", {"referral": key, "type": "reading", "goal": goal, "area": "Confidence", "stage": "3", "date": "2026-11-22"})
    post_p(f"/staff/referrals/{key}", {"status": "completed", "outcome": "Finished the course"})
    sync_all(partner_data, home_data, kiosk_data, home_data, kiosk_data)

    b = browser
    sign_in_on_a_phone(b, pages, kiosk.url("/me"), code, ("1", "12", "1999"))
    found = {"record with progress and check-in": axe(b)}
    started = time.monotonic()
    # Their own view of Confidence, with the keyboard: the select, a number, then the button.
    form = b.find_element(By.ID, f"rate-{goal}")
    row = next(r for r in form.find_elements(By.CSS_SELECTOR, "tbody tr") if r.text.startswith("Confidence"))
    assert "3 / 10" in row.text
    Select(row.find_element(By.TAG_NAME, "select")).select_by_visible_text("6")
    # Counting the gap in the district's figures is the client's choice, off unless ticked.
    count = form.find_element(By.NAME, "statistics")
    assert not count.is_selected()
    count.send_keys(Keys.SPACE)
    assert count.is_selected()
    pages.navigating(b, lambda: form.find_element(By.CSS_SELECTOR, "button.rate").send_keys(Keys.ENTER))
    assert "Saved" in b.find_element(By.ID, "client-notice").text
    row = next(r for r in b.find_element(By.ID, f"rate-{goal}").find_elements(By.CSS_SELECTOR, "tbody tr") if r.text.startswith("Confidence"))
    assert row.find_element(By.CSS_SELECTOR, "td.mine").text == "6 / 10"
    # In Irish, the standard areas are named in Irish (what is stored stays the area's own name).
    pages.load(b, b.current_url.split("?")[0] + "?lang=ga")
    rows = b.find_element(By.ID, f"rate-{goal}").find_elements(By.CSS_SELECTOR, "tbody tr")
    assert any(r.text.startswith("Muinín") for r in rows) and not any(r.text.startswith("Confidence") for r in rows), [r.text for r in rows]
    pages.load(b, b.current_url.split("?")[0] + "?lang=en")
    # The check-in: a number from 0 to 10 and a comment.
    checkin = b.find_element(By.CSS_SELECTOR, "form.client-checkin")
    checkin.find_element(By.CSS_SELECTOR, "input[name=score][value='9']").send_keys(Keys.SPACE)
    checkin.find_element(By.TAG_NAME, "textarea").send_keys("Great course")
    pages.navigating(b, lambda: checkin.find_element(By.CSS_SELECTOR, "button.checkin-send").send_keys(Keys.ENTER))
    elapsed = time.monotonic() - started
    assert "You answered 9 out of 10" in b.find_element(By.ID, "checkin-heading").find_element(By.XPATH, "..").text
    print(f"\nclient: own view and check-in: 2 page loads, {elapsed:.1f} s (keyboard only, 390x844)")
    pages.shot(b, "client-voice-phone")
    found["after the check-in"] = axe(b)

    # The partner sees the answer among its own results.
    sync_all(kiosk_data, home_data, partner_data)
    results = p.get(partner.url("/staff/checkins"), timeout=10).text
    assert "Great course" in results and "9 / 10" in results
    serious = {k: [v for v in vs if v.get("impact") in ("serious", "critical")] for k, vs in found.items()}
    assert not any(serious.values()), "SITE BUG: axe found serious violations:\n" + "\n".join(
        f"{k}:\n{format_axe(v)}" for k, v in serious.items() if v)


def test_a_client_agrees_to_a_partners_request_in_irish_with_the_keyboard(browser, pages, three_nodes, axe, format_axe):
    """A partner with only a referral consent asks to record progress (SPEC §13.10); the client, on
    the kiosk's site in Irish and with the keyboard only, reads the request and its reason and agrees
    in two steps; the partner may then record progress."""
    (home, home_data), (partner, partner_data), (kiosk, kiosk_data) = three_nodes
    key, code, _ = referred_client(home, "Gráinne Askedonce", "1980-02-29", ["referral"], "Cúrsa ríomhaireachta")
    sync_all(home_data, partner_data)
    p = staff(partner, "partner")
    ref = partner.url(f"/staff/referrals/{key}")
    page = p.get(ref, timeout=10).text
    assert 'id="request-form"' in page and 'id="goal-form"' not in page
    r = p.post(partner.url("/staff/consent-requests"), data={"csrf": csrf(page), "referral": key, "reason": "Chun do dhul chun cinn a nótáil leat"},
               allow_redirects=False, timeout=10)
    assert r.status_code == 303
    sync_all(partner_data, home_data, kiosk_data)

    b = browser
    sign_in_on_a_phone(b, pages, kiosk.url("/me?lang=ga"), code, ("29", "2", "1980"))
    started = time.monotonic()
    requests_list = b.find_element(By.ID, "client-requests")
    assert "Iarrann Partner Training Hub go bhfaighidís do dhul chun cinn" in requests_list.text
    assert "Chun do dhul chun cinn a nótáil leat" in requests_list.text
    found = {"record with a request (ga)": axe(b)}
    pages.shot(b, "client-request-phone-ga")
    pages.navigating(b, lambda: requests_list.find_element(By.CSS_SELECTOR, "button.agree").send_keys(Keys.ENTER))
    assert "Partner Training Hub" in b.find_element(By.ID, "confirm-heading").text
    found["confirm (ga)"] = axe(b)
    pages.navigating(b, lambda: b.find_element(By.ID, "confirm-yes").send_keys(Keys.ENTER))
    elapsed = time.monotonic() - started
    assert not b.find_elements(By.ID, "client-requests")
    consents = b.find_element(By.ID, "client-consents").text
    assert "Partner Training Hub" in consents
    print(f"\nclient: agree to a request: 2 page loads, {elapsed:.1f} s (keyboard only, 390x844, Irish)")
    pages.shot(b, "client-request-agreed-phone-ga")

    sync_all(kiosk_data, partner_data)
    page = p.get(ref, timeout=10).text
    assert 'id="goal-form"' in page and "the client agreed" in page
    serious = {k: [v for v in vs if v.get("impact") in ("serious", "critical")] for k, vs in found.items()}
    assert not any(serious.values()), "SITE BUG: axe found serious violations:\n" + "\n".join(
        f"{k}:\n{format_axe(v)}" for k, v in serious.items() if v)


def test_a_parent_is_given_a_code_and_acts_for_the_client_without_javascript(browser, nojs_browser, pages, three_nodes, axe, format_axe):
    """Proxies (SPEC §13.7): the home's caseworker records a parent with the keyboard and prints the
    parent's own receipt; on the kiosk's site, without JavaScript and on a phone, the parent opens the
    record with their own code and date of birth and is told whom they act for, and on what authority."""
    (home, home_data), (partner, partner_data), (kiosk, kiosk_data) = three_nodes
    _, _, client_url = referred_client(home, "Síofra Withparent", "2012-06-15", ["referral"], "Homework club")
    b = browser
    b.delete_all_cookies()
    b.set_window_size(1280, 900)
    pages.load(b, home.url("/staff/login"))
    b.find_element(By.ID, "username").send_keys("worker")
    b.find_element(By.ID, "password").send_keys(PASSWORD)
    pages.navigating(b, lambda: b.find_element(By.ID, "password").send_keys(Keys.ENTER))
    pages.load(b, client_url)
    b.find_element(By.XPATH, "//form[@id='proxy-form']/ancestor::details/summary").send_keys(Keys.ENTER)
    b.find_element(By.ID, "proxy-name").send_keys("Bríd Withparent")
    Select(b.find_element(By.ID, "proxy-relationship")).select_by_value("parent")
    b.find_element(By.ID, "proxy-authority").send_keys("Parent of a child under 16; birth certificate seen")
    dob = b.find_element(By.ID, "proxy-dob")
    dob.send_keys("1984-09-30")
    pages.navigating(b, lambda: dob.send_keys(Keys.ENTER))
    sheet = b.find_element(By.ID, "client-code-sheet").text
    assert "Bríd Withparent may act as parent" in sheet, sheet
    assert b.find_elements(By.CSS_SELECTOR, "#client-qr svg"), "the parent's receipt has its QR code too"
    code = b.find_element(By.ID, "client-code").text
    pages.shot(b, "proxy-receipt-desktop")
    found = {"proxy receipt": axe(b)}
    sync_all(home_data, kiosk_data)

    n = nojs_browser
    n.delete_all_cookies()
    n.set_window_size(390, 844)
    pages.load(n, kiosk.url("/me"))
    n.find_element(By.ID, "client-code").send_keys(code)
    n.find_element(By.ID, "dob-day").send_keys("30")
    n.find_element(By.ID, "dob-month").send_keys("9")
    year = n.find_element(By.ID, "dob-year")
    year.send_keys("1984")
    pages.navigating(n, lambda: year.send_keys(Keys.ENTER))
    acting = n.find_element(By.ID, "client-acting").text
    assert "as their parent" in acting and "birth certificate seen" in acting, acting
    assert n.find_element(By.ID, "client-home").text == "Home Family Centre"
    pages.shot(n, "proxy-record-phone-nojs")
    serious = {k: [v for v in vs if v.get("impact") in ("serious", "critical")] for k, vs in found.items()}
    assert not any(serious.values()), "SITE BUG: axe found serious violations:\n" + "\n".join(
        f"{k}:\n{format_axe(v)}" for k, v in serious.items() if v)
