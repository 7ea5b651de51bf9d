"""The staff area in a real browser, with and without JavaScript: an admin signs in, adds a
caseworker, the caseworker signs in on their own and cannot open admin pages, the audit log shows
what happened, in English and Irish, without serious accessibility violations."""
from __future__ import annotations

import subprocess

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import BIN, describe


@pytest.fixture(scope="module")
def staff_site(node_factory, serve_node):
    data = node_factory("staff-browser")
    proc = subprocess.run([str(BIN), "user", "add", "--data", str(data), "--username", "maire", "--name", "Máire Admin", "--role", "admin",
                           "--password-stdin"], input="a long admin password\n", capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, describe(proc)
    with serve_node(data) as site:
        yield site


def sign_in(driver, pages, site, username: str, password: str, lang: str = "en") -> None:
    pages.load(driver, site.url("/staff/login", lang=lang))
    driver.find_element(By.ID, "username").send_keys(username)
    driver.find_element(By.ID, "password").send_keys(password)
    pages.navigating(driver, lambda: driver.find_element(By.ID, "signin").click())


def test_admin_adds_a_caseworker_who_then_signs_in(browser, pages, staff_site):
    sign_in(browser, pages, staff_site, "maire", "a long admin password")
    assert "Signed in as Máire Admin (admin)." in browser.find_element(By.ID, "signed-in").text
    pages.load(browser, staff_site.url("/staff/users"))
    browser.find_element(By.ID, "new-username").send_keys("sean")
    browser.find_element(By.ID, "new-name").send_keys("Seán Caseworker")
    Select(browser.find_element(By.ID, "new-role")).select_by_value("caseworker")
    browser.find_element(By.ID, "new-password").send_keys("a long caseworker password")
    pages.navigating(browser, lambda: browser.find_element(By.ID, "add-user").click())
    assert "Added the account sean." in browser.find_element(By.ID, "notice").text
    rows = [r.text for r in browser.find_elements(By.CSS_SELECTOR, "table.staff-users tbody tr")]
    assert any("sean" in r and "Seán Caseworker" in r for r in rows), rows
    pages.navigating(browser, lambda: browser.find_element(By.ID, "signout").click())
    assert browser.find_element(By.TAG_NAME, "h1").text == "Sign in"
    sign_in(browser, pages, staff_site, "sean", "a long caseworker password")
    assert "Seán Caseworker (caseworker)" in browser.find_element(By.ID, "signed-in").text
    assert not browser.find_elements(By.LINK_TEXT, "Audit log"), "a caseworker's menu has no admin pages"
    pages.load(browser, staff_site.url("/staff/audit"))
    assert "Only an admin can open this page." in browser.find_element(By.TAG_NAME, "main").text


def test_a_wrong_password_is_explained_and_keeps_the_username(browser, pages, staff_site):
    sign_in(browser, pages, staff_site, "maire", "not the password")
    assert browser.find_element(By.ID, "login-error").text == (
        "The username or password is not right, or the account is locked for 15 minutes after five failed tries "
        "(an admin can unlock it sooner).")
    assert browser.find_element(By.ID, "username").get_attribute("value") == "maire"


def test_sign_in_and_audit_log_work_without_javascript(nojs_browser, pages, staff_site):
    sign_in(nojs_browser, pages, staff_site, "maire", "a long admin password")
    pages.load(nojs_browser, staff_site.url("/staff/audit"))
    table = nojs_browser.find_element(By.CSS_SELECTOR, "table.audit").text
    assert "sign in" in table and "add staff account" in table and "failed sign-in" in table, table


def test_staff_pages_in_irish(browser, pages, staff_site):
    sign_in(browser, pages, staff_site, "maire", "a long admin password", lang="ga")
    # Signing in from the Irish form lands on the Irish staff home.
    assert "lang=ga" in browser.current_url, browser.current_url
    assert browser.find_element(By.TAG_NAME, "h1").text == "Baile na foirne"
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "ga"


def test_staff_pages_have_no_serious_accessibility_violations(browser, pages, staff_site, axe, format_axe):
    pages.load(browser, staff_site.url("/staff/login"))
    found = {"/staff/login": axe(browser)}
    sign_in(browser, pages, staff_site, "maire", "a long admin password")
    for path in ("/staff", "/staff/users", "/staff/audit"):
        pages.load(browser, staff_site.url(path))
        found[path] = axe(browser)
    serious = {p: [v for v in vs if v.get("impact") in ("serious", "critical")] for p, vs in found.items()}
    assert not any(serious.values()), "SITE BUG: axe found serious violations:\n" + "\n".join(
        f"{p}:\n{format_axe(v)}" for p, v in serious.items() if v)


def test_a_caseworker_registers_a_client_without_javascript(nojs_browser, pages, staff_site):
    b = nojs_browser
    sign_in(b, pages, staff_site, "maire", "a long admin password")
    pages.load(b, staff_site.url("/staff/clients"))
    pages.navigating(b, lambda: b.find_element(By.ID, "new-client").click())
    b.find_element(By.ID, "client-name").send_keys("Niamh Example")
    b.find_element(By.ID, "client-dob").send_keys("1995-07-07")
    b.find_element(By.ID, "client-needs").send_keys("childcare\ntraining")
    # The area: the postal area only, from the district's list (for the district's figures).
    Select(b.find_element(By.ID, "client-area")).select_by_value("D11")
    pages.navigating(b, lambda: b.find_element(By.ID, "save-client").click())
    assert b.find_element(By.ID, "client-name").text == "Niamh Example"
    assert b.find_element(By.ID, "client-dob").text == "1995-07-07"
    assert b.find_element(By.ID, "client-area").text == "D11 · Dublin 11"
    # The same person again: a warning first, with a link to the one already registered.
    pages.load(b, staff_site.url("/staff/clients/new"))
    b.find_element(By.ID, "client-name").send_keys("niamh example")
    b.find_element(By.ID, "client-dob").send_keys("1995-07-07")
    pages.navigating(b, lambda: b.find_element(By.ID, "save-client").click())
    assert "This may be someone already registered" in b.find_element(By.ID, "duplicates").text
    assert b.find_element(By.ID, "save-client").text == "Register as a new client anyway"


def test_client_pages_have_no_serious_accessibility_violations(browser, pages, staff_site, axe, format_axe):
    sign_in(browser, pages, staff_site, "maire", "a long admin password")
    found = {}
    for path in ("/staff/clients", "/staff/clients/new"):
        pages.load(browser, staff_site.url(path))
        found[path] = axe(browser)
    browser.find_element(By.ID, "client-name").send_keys("Axe Check Client")
    pages.navigating(browser, lambda: browser.find_element(By.ID, "save-client").click())
    assert browser.find_element(By.ID, "client-name").text == "Axe Check Client"
    found["client page"] = axe(browser)
    serious = {p: [v for v in vs if v.get("impact") in ("serious", "critical")] for p, vs in found.items()}
    assert not any(serious.values()), "SITE BUG: axe found serious violations:\n" + "\n".join(
        f"{p}:\n{format_axe(v)}" for p, v in serious.items() if v)
