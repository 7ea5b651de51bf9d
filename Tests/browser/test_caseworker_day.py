"""The caseworker's day in a real browser, across two nodes: the home organisation refers a client
(desktop); the partner's worker, on a phone and with the keyboard, writes on the referral, sets
herself a task and ticks it off from the staff home; back home the message shows as new and is
answered; the home worker keeps a file with the client, filters the caseload, narrows the audit
log, asks for email notifications, and reads the tasks page in Irish. Every page fits 390 px and
passes axe; the referral loop is counted in clicks and fields."""
from __future__ import annotations

import pathlib
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from test_journey import sign_in, two_nodes, wait_for  # noqa: F401  (two_nodes is a fixture)


def fits_phone(b) -> bool:
    return b.execute_script("return document.documentElement.scrollWidth") <= 390


def test_a_caseworkers_day_across_two_nodes(browser, pages, two_nodes, axe, format_axe, tmp_path):  # noqa: F811
    home, partner = two_nodes
    b = browser
    found: dict[str, list] = {}
    b.set_window_size(1280, 900)
    sign_in(b, pages, home, "home")
    # The referral loop, counted: fields typed or chosen, and clicks (each submit counts as one).
    clicks = fields = 0
    started = time.monotonic()
    pages.load(b, home.url("/staff/clients/new"))
    b.find_element(By.ID, "client-name").send_keys("Bríd Daylong")
    b.find_element(By.ID, "client-dob").send_keys("1988-04-04")
    b.find_element(By.ID, "client-needs").send_keys("housing")
    fields += 3
    pages.navigating(b, lambda: b.find_element(By.ID, "save-client").click())
    clicks += 1
    client_url = b.current_url.split("?")[0]
    pages.navigating(b, lambda: b.find_element(By.ID, "record-consent").click())  # referrals ticked, the partner chosen by default
    clicks += 1
    b.find_element(By.ID, "referral-service").send_keys("Housing advice")
    b.find_element(By.ID, "referral-note").send_keys("Mornings suit best")
    fields += 2
    pages.navigating(b, lambda: b.find_element(By.ID, "send-referral").click())
    clicks += 1
    home_seconds = time.monotonic() - started
    row = b.find_element(By.CSS_SELECTOR, "table.referrals tr.referral")
    referral_path = "/staff/referrals/" + row.find_element(By.TAG_NAME, "a").get_attribute("href").split("/staff/referrals/")[1].split("?")[0]

    # The partner's worker, on a phone, with the keyboard.
    b.set_window_size(390, 844)
    sign_in(b, pages, partner, "partner")
    wait_for(b, pages, partner.url(referral_path), lambda d: "Mornings suit best" in d.find_element(By.TAG_NAME, "main").text, "the referral at the partner")
    # Declining asks why from a list (the hub counts "no capacity" apart); labelled, on a phone.
    decline = Select(b.find_element(By.ID, "referral-decline"))
    assert [o.get_attribute("value") for o in decline.options] == ["", "no-capacity", "not-eligible", "cannot-contact", "client-declined", "other"]
    assert b.find_element(By.CSS_SELECTOR, 'label[for="referral-decline"]').is_displayed()
    found["referral before an answer (phone)"] = axe(b)
    pages.shot(b, "day-referral-decline-phone")
    started = time.monotonic()
    Select(b.find_element(By.ID, "referral-newstatus")).select_by_value("accepted")
    fields += 1
    pages.navigating(b, lambda: b.find_element(By.ID, "update-referral").send_keys(Keys.ENTER))
    clicks += 1
    partner_seconds = time.monotonic() - started
    message = b.find_element(By.ID, "message-text")
    message.send_keys("Can she come on Tuesday at 10?")
    pages.navigating(b, lambda: b.find_element(By.ID, "send-message").send_keys(Keys.ENTER))
    assert "Can she come on Tuesday at 10?" in b.find_element(By.ID, "messages").text
    assert fits_phone(b), "the referral page scrolls sideways on a phone"
    found["referral with a message (phone)"] = axe(b)
    pages.shot(b, "day-referral-message-phone")
    # A task for herself, due today, from the referral's page.
    b.find_element(By.CSS_SELECTOR, "#task-form").find_element(By.XPATH, "./ancestor::details").find_element(By.TAG_NAME, "summary").send_keys(Keys.ENTER)
    b.find_element(By.ID, "task-text").send_keys("Ring the housing officer")
    due = b.find_element(By.ID, "task-due")
    b.execute_script("arguments[0].value = arguments[1]", due, time.strftime("%Y-%m-%d"))
    pages.navigating(b, lambda: b.find_element(By.ID, "add-task").send_keys(Keys.ENTER))
    assert "Ring the housing officer" in b.find_element(By.CSS_SELECTOR, "ul.tasks").text
    # The staff home: due today, ticked off with the keyboard.
    pages.load(b, partner.url("/staff"))
    due_list = b.find_element(By.ID, "due-tasks")
    assert "Ring the housing officer" in due_list.text and "Due today" in due_list.text
    assert fits_phone(b), "the staff home scrolls sideways on a phone"
    found["staff home with tasks (phone)"] = axe(b)
    pages.shot(b, "day-home-tasks-phone")
    pages.navigating(b, lambda: due_list.find_element(By.CSS_SELECTOR, "button.task-done").send_keys(Keys.ENTER))
    assert not b.find_elements(By.ID, "due-tasks") and b.find_element(By.ID, "no-due-tasks").is_displayed()
    # Everyone's tasks, done ones, in Irish.
    pages.load(b, partner.url("/staff/tasks", who="all", show="done", lang="ga"))
    assert "Ring the housing officer" in b.find_element(By.CSS_SELECTOR, "ul.tasks").text
    assert "Tascanna" in b.find_element(By.TAG_NAME, "h1").text and "déanta ag" in b.find_element(By.CSS_SELECTOR, "ul.tasks").text
    assert fits_phone(b)
    found["tasks in Irish (phone)"] = axe(b)

    # Back home, at a desk: the message is new on the staff home, read and answered.
    b.set_window_size(1280, 900)
    wait_for(b, pages, home.url("/staff"), lambda d: d.find_elements(By.ID, "unread-messages"), "the message at home")
    pages.navigating(b, lambda: b.find_element(By.CSS_SELECTOR, "#unread-messages a").click())
    assert "Can she come on Tuesday at 10?" in b.find_element(By.ID, "messages").text
    b.find_element(By.ID, "message-text").send_keys("Yes, Tuesday suits her.")
    pages.navigating(b, lambda: b.find_element(By.ID, "send-message").click())
    found["referral with messages (desktop)"] = axe(b)
    pages.load(b, home.url("/staff"))
    assert not b.find_elements(By.ID, "unread-messages"), "a message read still shows as new"

    # A file kept with the client: a scanned consent.
    scan = tmp_path / "signed-consent.pdf"
    scan.write_bytes(b"%PDF-1.4\n% signed consent\n%%EOF\n")
    pages.load(b, client_url)
    b.find_element(By.ID, "file-input").send_keys(str(scan))
    pages.navigating(b, lambda: b.find_element(By.ID, "add-file").click())
    assert "signed-consent.pdf" in b.find_element(By.ID, "files").text and b.find_element(By.ID, "file-saved").is_displayed()
    found["client page with a file"] = axe(b)
    # The caseload, filtered: my clients with a housing need.
    pages.load(b, home.url("/staff/clients"))
    b.find_element(By.CSS_SELECTOR, "#caseload-filter summary").click()
    Select(b.find_element(By.ID, "filter-worker")).select_by_visible_text("Mine")
    pages.navigating(b, lambda: b.find_element(By.ID, "apply-filter").click())
    assert "Bríd Daylong" in b.find_element(By.CSS_SELECTOR, "table.clients").text
    found["caseload filtered"] = axe(b)
    # Email notifications.
    pages.load(b, home.url("/staff/account"))
    b.find_element(By.ID, "account-email").send_keys("home.worker@example.org")
    b.find_element(By.ID, "notify-message").click()
    pages.navigating(b, lambda: b.find_element(By.ID, "save-account").click())
    assert b.find_element(By.ID, "notice").is_displayed() and b.find_element(By.ID, "notify-message").is_selected()
    assert b.find_element(By.ID, "no-mail").is_displayed(), "a node without a mail server should say so"
    found["account"] = axe(b)

    b.set_window_size(390, 844)
    for path in ("/staff/tasks", "/staff/account", "/staff/clients?worker=home"):
        pages.load(b, home.url(path))
        assert fits_phone(b), path
    pages.load(b, client_url + "/summary")
    assert "Bríd Daylong" in b.find_element(By.TAG_NAME, "h1").text and fits_phone(b)
    pages.shot(b, "day-summary-phone")
    serious = {p: [v for v in vs if v.get("impact") in ("serious", "critical")] for p, vs in found.items()}
    assert not any(serious.values()), "SITE BUG: axe found serious violations:\n" + "\n".join(
        f"{p}:\n{format_axe(v)}" for p, v in serious.items() if v)
    # The loop, for the README: fields typed or chosen and clicks, on each side.
    pathlib.Path("test-output").mkdir(exist_ok=True)
    pathlib.Path("test-output/referral-loop.txt").write_text(
        f"home: register, consent, refer: {home_seconds:.1f} s; partner: accept: {partner_seconds:.1f} s; clicks {clicks}, fields {fields}\n")
    assert clicks <= 5 and fields <= 6, (clicks, fields)
