"""The staff journey across two nodes in a real browser: on the home node a caseworker registers a
client, records their consent for the partner organisation and refers them; on the partner node a
caseworker finds the referral (already marked received) and accepts it; back home the referral shows
as accepted. The referral pages pass axe."""
from __future__ import annotations

import subprocess
import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from conftest import BIN, describe, join, run_waymark

PASSWORD = "a long journey password"


@pytest.fixture(scope="module")
def two_nodes(node_factory, serve_node):
    home, partner = node_factory("journey-home", sample=True), node_factory("journey-partner")
    for data, user, name in ((home, "home", "Home Worker"), (partner, "partner", "Partner Worker")):
        proc = subprocess.run([str(BIN), "user", "add", "--data", str(data), "--username", user, "--name", name, "--role", "caseworker",
                               "--password-stdin"], input=PASSWORD + "\n", capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, describe(proc)
    with serve_node(home) as a, serve_node(partner) as b:
        join(partner, home, "Journey Home Organisation")
        synced = run_waymark("sync", "--data", home)
        assert synced.returncode == 0, describe(synced)
        yield a, b


def sign_in(driver, pages, site, username: str) -> None:
    pages.load(driver, site.url("/staff/login"))
    driver.find_element(By.ID, "username").send_keys(username)
    driver.find_element(By.ID, "password").send_keys(PASSWORD)
    pages.navigating(driver, lambda: driver.find_element(By.ID, "signin").click())


def wait_for(driver, pages, url: str, check, what: str, timeout: float = 45) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        pages.load(driver, url)
        if check(driver):
            return
        time.sleep(0.5)
    pytest.fail(f"{what}: not seen within {timeout} s at {url}:\n{driver.find_element(By.TAG_NAME, 'main').text[:1500]}")


def test_refer_on_one_node_accept_on_the_other(browser, pages, two_nodes, axe, format_axe):
    home, partner = two_nodes
    b = browser
    sign_in(b, pages, home, "home")
    pages.load(b, home.url("/staff/clients/new"))
    b.find_element(By.ID, "client-name").send_keys("Aisling Browserjourney")
    b.find_element(By.ID, "client-dob").send_keys("1992-10-10")
    b.find_element(By.ID, "client-needs").send_keys("training")
    # The preferred language is picked by name, English and Irish first.
    language = Select(b.find_element(By.ID, "client-language"))
    assert [o.text for o in language.options[1:3]] == ["English", "Irish"]
    language.select_by_visible_text("Polish")
    # The needs list is the directory's categories; a need picked from it finds services under that category.
    b.find_element(By.CSS_SELECTOR, "input[name=need][value='Digital skills']").click()
    found = {"client form": axe(b)}
    pages.navigating(b, lambda: b.find_element(By.ID, "save-client").click())
    assert "Digital skills" in b.find_element(By.CSS_SELECTOR, ".client-details").text
    assert "Polish (pl)" in b.find_element(By.CSS_SELECTOR, ".client-details").text
    # A case note, with the keyboard: it is listed with its date and author.
    note = b.find_element(By.ID, "note-text")
    note.send_keys("First meeting: wants to learn computers")
    pages.navigating(b, lambda: b.find_element(By.ID, "save-note").send_keys(Keys.ENTER))
    assert "First meeting: wants to learn computers" in b.find_element(By.ID, "case-notes").text
    assert "home" in b.find_element(By.CSS_SELECTOR, "#case-notes .meta").text
    suggested = b.find_elements(By.CSS_SELECTOR, "#suggestions li")
    assert suggested, "services are suggested for the client's needs"
    assert b.find_element(By.ID, "no-referral-consent").is_displayed()
    # Consent for the partner (the only other organisation this node knows), referrals ticked by default.
    Select(b.find_element(By.ID, "consent-method")).select_by_value("verbal")
    b.find_element(By.CSS_SELECTOR, "input[name=purpose][value=progress]").click()
    pages.navigating(b, lambda: b.find_element(By.ID, "record-consent").click())
    assert "in force" in b.find_element(By.CSS_SELECTOR, "table.consents .consent-state").text
    b.find_element(By.ID, "referral-service").send_keys("Computer skills course")
    b.find_element(By.ID, "referral-note").send_keys("Mornings suit best")
    pages.navigating(b, lambda: b.find_element(By.ID, "send-referral").click())
    row = b.find_element(By.CSS_SELECTOR, "table.referrals tr.referral")
    assert "Computer skills course" in row.text
    referral_path = "/staff/referrals/" + row.find_element(By.TAG_NAME, "a").get_attribute("href").split("/staff/referrals/")[1].split("?")[0]
    found["client page"] = axe(b)

    # The partner's caseworker, on the partner's node.
    sign_in(b, pages, partner, "partner")
    wait_for(b, pages, partner.url("/staff/referrals"), lambda d: "Aisling Browserjourney" in d.find_element(By.TAG_NAME, "main").text,
             "the referral on the partner's node")
    assert "received" in b.find_element(By.CSS_SELECTOR, "table.referrals .referral-status").text
    found["inbox"] = axe(b)
    pages.load(b, partner.url(referral_path))
    assert "Mornings suit best" in b.find_element(By.TAG_NAME, "main").text
    found["referral page"] = axe(b)
    Select(b.find_element(By.ID, "referral-newstatus")).select_by_value("accepted")
    pages.navigating(b, lambda: b.find_element(By.ID, "update-referral").click())
    assert b.find_element(By.ID, "referral-status").text.startswith("accepted")
    # The partner records a goal and a first reading on the referral's page.
    b.find_element(By.CSS_SELECTOR, "details.progress-forms summary").click()
    b.find_element(By.ID, "goal-title").send_keys("Finish the computer course")
    pages.navigating(b, lambda: b.find_element(By.ID, "add-goal").click())
    # The forms stay open after a save, for the next entry.
    assert b.find_element(By.ID, "progress-saved").is_displayed() and b.find_element(By.ID, "reading-area").is_displayed()
    Select(b.find_element(By.ID, "reading-area")).select_by_visible_text("Skills and learning")
    Select(b.find_element(By.ID, "reading-stage")).select_by_visible_text("6")
    pages.navigating(b, lambda: b.find_element(By.ID, "add-reading").click())
    assert "6 / 10" in b.find_element(By.CSS_SELECTOR, "table.readings").text
    found["referral page with progress"] = axe(b)
    pages.load(b, partner.url("/staff"))
    assert "Aisling Browserjourney" in b.find_element(By.ID, "active").text, "the caseload lists the accepted referral"
    found["caseload"] = axe(b)

    # Home sees it accepted, with the partner's steps in the history; the home session is still open
    # (each node's cookies carry its port, though both nodes run on 127.0.0.1).
    wait_for(b, pages, home.url(referral_path), lambda d: d.find_element(By.ID, "referral-status").text.startswith("accepted"),
             "the acceptance back on the home node")
    history = b.find_element(By.CSS_SELECTOR, "ol.history").text
    assert "received" in history and "accepted" in history
    # The client's journey at home: every step, naming the organisation that took it.
    client_link = None
    pages.load(b, home.url("/staff/clients"))
    client_link = b.find_element(By.LINK_TEXT, "Aisling Browserjourney").get_attribute("href")
    wait_for(b, pages, client_link, lambda d: "Skills and learning: 6" in d.find_element(By.ID, "timeline").text, "the partner's reading at home")
    steps = [li.text for li in b.find_elements(By.CSS_SELECTOR, "#timeline li")]
    assert "recorded consent" in steps[0] and "referred the client" in steps[1], steps
    assert any("set a goal: Finish the computer course" in st for st in steps)
    found["client page with the journey"] = axe(b)

    # The home withdraws the partner's consent, on a phone with the keyboard: what it does, then yes.
    b.set_window_size(390, 844)
    pages.load(b, client_link)
    revoke = b.find_element(By.CSS_SELECTOR, "table.consents button.revoke")
    pages.navigating(b, lambda: revoke.send_keys(Keys.ENTER))
    assert "Withdraw consent for" in b.find_element(By.ID, "withdraw-heading").text
    assert "close them with an outcome" in b.find_element(By.ID, "withdraw-effects").text
    assert b.execute_script("return document.documentElement.scrollWidth") <= 390
    found["withdraw confirmation (phone)"] = axe(b)
    pages.shot(b, "staff-withdraw-confirm-phone")
    pages.navigating(b, lambda: b.find_element(By.ID, "withdraw-yes").send_keys(Keys.ENTER))
    assert "Consent withdrawn" in b.find_element(By.ID, "notice").text
    assert "withdrawn" in b.find_element(By.CSS_SELECTOR, "table.consents .consent-state").text
    # The partner sees it in plain words, no longer the client's details, and closes the referral with an outcome.
    wait_for(b, pages, partner.url(referral_path), lambda d: d.find_elements(By.ID, "referral-withdrawn"), "the withdrawal on the partner's node")
    assert "Mornings suit best" not in b.find_element(By.TAG_NAME, "main").text
    pages.shot(b, "staff-referral-withdrawn-phone")
    found["referral after the withdrawal (phone)"] = axe(b)
    Select(b.find_element(By.ID, "referral-newstatus")).select_by_value("completed")
    b.find_element(By.ID, "referral-outcome").send_keys("Finished the course")
    pages.navigating(b, lambda: b.find_element(By.ID, "update-referral").send_keys(Keys.ENTER))
    assert b.find_element(By.ID, "referral-status").text.startswith("completed")
    wait_for(b, pages, home.url(referral_path), lambda d: d.find_element(By.ID, "referral-status").text.startswith("completed"),
             "the outcome back at home")
    # Staff pages fit a phone; the referrals this organisation sent have a box of their own.
    for path in ("/staff", "/staff/clients", "/staff/checkins", "/staff/referrals", "/staff/referrals?box=sent"):
        pages.load(b, home.url(path))
        assert b.execute_script("return document.documentElement.scrollWidth") <= 390, path
    row = b.find_element(By.CSS_SELECTOR, "table.referrals tr.referral")
    assert "Aisling Browserjourney" in row.text and "completed" in row.text
    found["sent referrals (phone)"] = axe(b)
    pages.shot(b, "staff-sent-referrals-phone")
    serious = {p: [v for v in vs if v.get("impact") in ("serious", "critical")] for p, vs in found.items()}
    assert not any(serious.values()), "SITE BUG: axe found serious violations:\n" + "\n".join(
        f"{p}:\n{format_axe(v)}" for p, v in serious.items() if v)
