"""A resident's suggestion, as residents and the publisher's admin use it (Protocol/SPEC.md §10): sent
from a phone, followed with the code (without JavaScript, in Irish), answered by the admin with the
keyboard alone, the listing changed, and the count of what the organisation did on the freshness page.
The session's node publishes the sample, so it is the publisher here; suggestions that travel
between nodes are in Tests/integration/test_suggestions.py."""
from __future__ import annotations

import re
import time
import urllib.parse
import uuid

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import sign_in_as_admin

PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True}


def test_a_resident_follows_a_suggestion_and_the_admin_answers_it(browser, nojs_browser, site, sample_ids, pages, axe, format_axe):
    service = sample_ids["services"][-1]
    name = site.api(f"/services/{service}")["name"]
    token = f"The phone number rings out {uuid.uuid4().hex[:8]}"

    # On a phone: suggest, and get a code to keep.
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    try:
        started = time.monotonic()
        pages.load(browser, site.url(f"/services/{service}"))
        pages.click_and_wait_for_new_page(browser, browser.find_element(By.ID, "suggest-link"))
        browser.find_element(By.ID, "field").send_keys("Phone")
        browser.find_element(By.ID, "message").send_keys(token)
        pages.click_and_wait_for_new_page(browser, browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
        seconds = time.monotonic() - started
        code = browser.find_element(By.ID, "code").text.strip()
        assert re.fullmatch(r"[0-9A-Z]{4}-[0-9A-Z]{4}", code), code
        assert "Browser Test Org" in browser.find_element(By.ID, "message").text, "the resident is not told who gets it"
        assert browser.execute_script("return document.documentElement.scrollWidth") <= 390
        pages.shot(browser, "suggestion-code-phone")
        pages.click_and_wait_for_new_page(browser, browser.find_element(By.ID, "follow-link"))
        assert "Waiting: Browser Test Org has not answered yet." in browser.find_element(By.ID, "status").text
        assert token not in browser.page_source, "the status page shows what the resident wrote"
        pages.shot(browser, "suggestion-waiting-phone")
        violations = [v for v in axe(browser) if v["impact"] in ("serious", "critical")]
        assert not violations, format_axe(violations)
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    print(f"suggesting took 3 page loads and {seconds:.1f} s")

    # The admin answers with the keyboard: opens the answer, changes the phone, says what was done.
    sign_in_as_admin(browser, site, "/staff/corrections")
    row = next(tr for tr in browser.find_elements(By.CSS_SELECTOR, "table.corrections tbody tr") if token in tr.text)
    summary = row.find_element(By.CSS_SELECTOR, "details.answer summary")
    browser.execute_script("arguments[0].focus()", summary)
    summary.send_keys(Keys.ENTER)
    phone = row.find_element(By.CSS_SELECTOR, "input[name=phone]")
    assert phone.is_displayed(), "Enter on the summary did not open the answer form"
    browser.switch_to.active_element.send_keys(Keys.TAB)
    assert browser.switch_to.active_element.get_attribute("name") == "description", "Tab does not go to the form's first field"
    phone.clear()
    phone.send_keys("01 555 0123")
    row.find_element(By.CSS_SELECTOR, "textarea[name=reason]").send_keys("We changed the phone number. Thank you.")
    pages.shot(browser, "suggestion-answer-admin")
    done = row.find_element(By.CSS_SELECTOR, "button[name=status][value=done]")
    pages.navigating(browser, lambda: done.send_keys(Keys.ENTER))
    assert name in browser.find_element(By.ID, "notice").text
    assert "01 555 0123" in site.get(f"/services/{service}").text, "the listing did not change"

    # Without JavaScript, in Irish, typed as a resident might.
    typed = code.replace("-", " ").lower()
    pages.load(nojs_browser, site.url("/suggestions", lang="ga"))
    nojs_browser.find_element(By.ID, "code").send_keys(typed)
    pages.click_and_wait_for_new_page(nojs_browser, nojs_browser.find_element(By.CSS_SELECTOR, "form.follow button[type=submit]"))
    status = nojs_browser.find_element(By.ID, "status").text
    assert status.startswith("Déanta: d'athraigh Browser Test Org an liostáil"), status
    assert nojs_browser.find_element(By.ID, "reason").text == "We changed the phone number. Thank you."
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(nojs_browser.current_url).query)["lang"] == ["ga"]
    pages.shot(nojs_browser, "suggestion-done-ga-nojs")

    # You said, we did.
    page = site.get("/freshness").text
    assert re.search(r"Browser Test Org</th><td>\d+</td><td>\d+</td>", page), "the freshness page does not count the answer"


def test_a_wrong_code_is_explained_in_the_residents_words(nojs_browser, site, pages):
    pages.load(nojs_browser, site.url("/suggestions", code="hello"))
    error = nojs_browser.find_element(By.ID, "follow-error").text
    assert "does not look like one of our codes" in error and "ABCD-EFGH" in error
    assert nojs_browser.find_element(By.ID, "code").get_attribute("aria-invalid") == "true"
    pages.load(nojs_browser, site.url("/suggestions", code="ZZZZ-ZZZZ", lang="ga"))
    assert "Níor aimsíomar moladh" in nojs_browser.find_element(By.ID, "follow-error").text
