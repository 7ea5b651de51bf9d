"""A local champion checks a listing, as they would on a phone, with the keyboard alone and in Irish
(Protocol/SPEC.md §11); residents then see who checked it on the service page, with and without
JavaScript. Checks across nodes are in Tests/integration/test_champions.py."""
from __future__ import annotations

import datetime
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import sign_in_as

PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True}
CHAMPION = ("aoibheann", "a long champion password", "Aoibheann Champion", "champion")


def test_a_champion_checks_a_listing_on_a_phone_with_the_keyboard(browser, nojs_browser, site, sample_ids, pages, axe, format_axe):
    service = sample_ids["services"][1]
    name = site.api(f"/services/{service}")["name"]
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    try:
        sign_in_as(browser, site, *CHAMPION, path="/staff/checks")
        nav = browser.find_element(By.CSS_SELECTOR, "header nav").text
        assert "Check listings" in nav and "Clients" not in nav and "Referrals" not in nav, nav
        started = time.monotonic()
        box = browser.find_element(By.ID, "q")
        box.send_keys(name)
        pages.navigating(browser, lambda: box.send_keys(Keys.ENTER))
        item = browser.find_element(By.CSS_SELECTOR, f'#checks li[data-id="{service}"]')
        summary = item.find_element(By.TAG_NAME, "summary")
        browser.execute_script("arguments[0].focus()", summary)
        summary.send_keys(Keys.ENTER)
        day = item.find_element(By.CSS_SELECTOR, "input[name=date]")
        assert day.is_displayed() and day.get_attribute("value") == datetime.date.today().isoformat(), "the day does not start at today"
        note = item.find_element(By.CSS_SELECTOR, "textarea[name=note]")
        note.send_keys("Door open, staff friendly, hours on the door match")
        assert browser.execute_script("return document.documentElement.scrollWidth") <= 390
        pages.shot(browser, "champion-check-phone")
        button = item.find_element(By.CSS_SELECTOR, "button[type=submit]")
        pages.navigating(browser, lambda: button.send_keys(Keys.ENTER))
        seconds = time.monotonic() - started
        assert name in browser.find_element(By.ID, "notice").text
        violations = [v for v in axe(browser) if v["impact"] in ("serious", "critical")]
        assert not violations, format_axe(violations)
        pages.shot(browser, "champion-checked-phone")
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    print(f"a champion's check took 2 page loads and {seconds:.1f} s")

    # The champion reaches nothing else.
    pages.load(browser, site.url("/staff/clients"))
    assert "403" in browser.title or browser.find_elements(By.ID, "message"), browser.title

    # Residents see it, without JavaScript, in English and Irish.
    pages.load(nojs_browser, site.url(f"/services/{service}"))
    line = nojs_browser.find_element(By.ID, "champion-check").text
    assert "by Aoibheann Champion, a local champion with Browser Test Org" in line and "Door open" in line, line
    pages.load(nojs_browser, site.url(f"/services/{service}", lang="ga"))
    assert "Feicthe i bpearsa" in nojs_browser.find_element(By.ID, "champion-check").text
    pages.shot(nojs_browser, "champion-service-ga-nojs")
    pages.load(nojs_browser, site.url("/staff/checks", lang="ga"))  # signed out here: sent to sign in, in Irish
    assert nojs_browser.find_elements(By.ID, "signin")
