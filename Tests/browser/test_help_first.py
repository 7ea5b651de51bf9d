"""Help first: someone in crisis finds urgent help on every public page, a crisis search brings the
crisis lines before any listing, result cards carry a phone number and when the service opens, and a
quick-exit control leaves the site at once. Real node, real Chromium (390x844 and desktop, with and
without JavaScript, keyboard only, Irish)."""

from __future__ import annotations

import http.server
import json
import socketserver
import threading
import time
import urllib.parse

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import describe, run_waymark

PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True}


def on_phone(browser):
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)


def off_phone(browser):
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def top(browser, css: str) -> float:
    return browser.execute_script("return document.querySelector(arguments[0]).getBoundingClientRect().top + window.scrollY;", css)


def tab_to(browser, element_id: str, within: int) -> int:
    """Presses Tab until the element has focus; returns how many presses it took."""
    for presses in range(1, within + 1):
        ActionChains(browser).send_keys(Keys.TAB).perform()
        if browser.execute_script("return document.activeElement.id") == element_id:
            return presses
    raise AssertionError(f"#{element_id} is not within {within} Tab presses")


def strip_of(browser) -> dict:
    urgent = browser.find_element(By.ID, "urgent")
    exit_link = browser.find_element(By.ID, "quick-exit")
    return {
        "shown": urgent.is_displayed() and exit_link.is_displayed(),
        "calls": [a.get_attribute("href") for a in urgent.find_elements(By.CSS_SELECTOR, "a.call")],
        "exit": exit_link.get_attribute("href"),
        "exit_rel": exit_link.get_attribute("rel") or "",
        "exit_text": exit_link.text.strip(),
        "lines": browser.find_element(By.ID, "urgent-help").get_attribute("href"),
    }


@pytest.mark.parametrize("path", ["/", "/search?q=youth", "SERVICE", "/list", "/help", "/?lang=ga", "/nowhere"])
def test_every_public_page_offers_the_emergency_numbers_the_crisis_lines_and_a_quick_exit(path, browser, site, sample_ids, pages):
    if path == "SERVICE":
        path = f"/services/{sample_ids['service']}"
    pages.load(browser, site.url(path))
    strip = strip_of(browser)
    assert strip["shown"], f"no urgent-help strip on {path}"
    assert strip["calls"] == ["tel:112", "tel:999"], strip
    assert strip["exit"].startswith("https://www.met.ie"), strip
    assert "noreferrer" in strip["exit_rel"], strip
    assert urllib.parse.urlsplit(strip["lines"]).path == "/help"
    if "lang=ga" in path:
        assert strip["exit_text"] == "Fág an suíomh"


CRISIS = [
    ("rape", "drcc"),
    ("I was raped", "drcc"),
    ("self harm", "pieta"),
    ("suicide", "samaritans"),
    ("samaritans", "samaritans"),
    ("domestic violence", "womensaid"),
    ("homeless", "homeless"),
    ("féinmharú", "samaritans"),
    ("crisis", "samaritans"),
    ("emergency", "samaritans"),
    ("helpline", "samaritans"),
]


@pytest.mark.parametrize("query,first", CRISIS)
def test_crisis_words_bring_the_crisis_lines_before_any_listing(query, first, browser, site, pages):
    pages.load(browser, site.url("/search", q=query))
    panels = browser.find_elements(By.ID, "crisis")
    assert panels, f"searching {query!r} shows no crisis lines"
    lines = [li.get_attribute("id") for li in panels[0].find_elements(By.CSS_SELECTOR, "li.helpline")]
    assert lines and lines[0] == f"helpline-{first}", f"{query!r}: lines {lines}"
    calls = [a.get_attribute("href") for a in panels[0].find_elements(By.CSS_SELECTOR, "a.call")]
    assert "tel:112" in calls and "tel:999" in calls, calls
    if browser.find_elements(By.CSS_SELECTOR, "#results li.result"):
        assert top(browser, "#crisis") < top(browser, "#results li.result"), "a listing comes before the crisis lines"


@pytest.mark.parametrize("query", ["youth", "english classes", "toddler group", "drama", "self defence"])
def test_everyday_searches_show_no_crisis_panel(query, browser, site, pages):
    pages.load(browser, site.url("/search", q=query))
    assert not browser.find_elements(By.ID, "crisis"), f"{query!r} raised the crisis panel"
    assert pages.count(browser) > 0


def test_on_a_phone_the_crisis_call_and_the_first_results_come_before_the_map(browser, site, pages):
    on_phone(browser)
    try:
        pages.load(browser, site.url("/search", q="rape"))
        first_call = browser.find_element(By.CSS_SELECTOR, "#crisis li.helpline a.call")
        rect = browser.execute_script("return arguments[0].getBoundingClientRect().bottom;", first_call)
        assert rect <= 844, f"the first crisis line's call link is below the first screen on a phone ({rect:.0f}px)"
        pages.shot(browser, "crisis-phone", full_page=False)

        pages.load(browser, site.url("/search", q="youth"))
        pages.markers(browser)
        first = top(browser, "#results li.result")
        assert first < top(browser, "#map"), "the map comes before the results on a phone"
        assert first < 844, f"the first result starts at {first:.0f}px, below the first screen of a phone"
        width = browser.execute_script("return [window.innerWidth, document.documentElement.scrollWidth];")
        assert width[1] <= width[0], f"the results page scrolls sideways: {width}"
        pages.shot(browser, "results-phone-first-screen", full_page=False)

        # A category opened from the home page: its results too, not a screen of filters.
        pages.load(browser, site.url("/", lang="en"))
        pages.click_and_wait_for_new_page(browser, browser.find_element(By.CSS_SELECTOR, ".tiles a"))
        first = top(browser, "#results li.result")
        assert first < 844, f"on a category page the first result starts at {first:.0f}px"
    finally:
        off_phone(browser)


def test_on_a_phone_the_quick_exit_is_a_bar_that_covers_no_line_ends(browser, site, pages):
    """Scrolled down a long page on a phone, the quick exit stays at the top, as a bar the whole width
    of the screen, so the page passes under it whole instead of losing the ends of its lines."""
    on_phone(browser)
    try:
        pages.load(browser, site.url("/search", q="youth"))
        browser.execute_script("window.scrollTo(0, 1500)")
        rect = browser.execute_script(
            "const r = document.getElementById('quick-exit').getBoundingClientRect(); return [r.left, r.top, r.width, r.height, window.innerWidth];")
        left, top_, width, height, viewport = rect
        assert top_ == 0 and left == 0 and width >= viewport - 1, f"the quick exit is not a bar across the top once scrolled: {rect}"
        assert 44 <= height <= 60, f"the quick exit bar is {height}px high"
        pages.shot(browser, "quick-exit-phone-scrolled", full_page=False)
    finally:
        off_phone(browser)
    # On a wide screen it stays a button at the top right.
    pages.load(browser, site.url("/search", q="youth"))
    width = browser.execute_script("return document.getElementById('quick-exit').getBoundingClientRect().width;")
    assert width < 400, f"on a wide screen the quick exit is {width}px wide"


def test_result_cards_and_the_printed_list_carry_a_phone_number_and_when_it_opens(browser, site, pages):
    pages.load(browser, site.url("/search", q="youth"))
    cards = browser.find_elements(By.CSS_SELECTOR, "#results li.result")
    assert len(cards) >= 5
    with_phone = [c for c in cards if c.find_elements(By.CSS_SELECTOR, ".phone a[href^='tel:']")]
    with_when = [c for c in cards if c.find_elements(By.CSS_SELECTOR, ".next")]
    assert len(with_phone) >= len(cards) * 0.8, f"only {len(with_phone)} of {len(cards)} cards have a phone number"
    assert len(with_when) >= len(cards) * 0.8, f"only {len(with_when)} of {len(cards)} cards say when they open or close"
    for c in with_when:
        text = c.find_element(By.CSS_SELECTOR, ".next").text
        assert text.startswith("Closes at") or text.startswith("Next open:"), text

    ids = [c.get_attribute("data-id") for c in cards[:3]]
    phoned = {c.get_attribute("data-id") for c in with_phone}
    pages.load(browser, site.url("/list", ids=",".join(ids)))
    listed = browser.find_elements(By.CSS_SELECTOR, "main ol.result-list li.result")
    assert len(listed) == 3
    for c in listed:
        if c.get_attribute("data-id") in phoned:
            assert c.find_elements(By.CSS_SELECTOR, ".phone a[href^='tel:']"), "a card on the list lost its phone number"
        assert c.find_elements(By.CSS_SELECTOR, ".next"), "a card on the list does not say when it opens"
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        printed = browser.find_element(By.ID, "printed-on")
        assert printed.is_displayed() and printed.text.startswith("Printed on "), printed.text
        assert not browser.find_element(By.ID, "urgent").is_displayed(), "the urgent strip is printed"
        assert browser.find_element(By.CSS_SELECTOR, "main li.result .phone").is_displayed()
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert not browser.find_element(By.ID, "printed-on").is_displayed(), "the print date shows on screen"


def test_the_help_page_works_without_javascript_and_in_irish(nojs_browser, site, pages):
    pages.load(nojs_browser, site.url("/help"))
    lines = nojs_browser.find_elements(By.CSS_SELECTOR, "li.helpline")
    assert len(lines) == 7
    calls = [a.get_attribute("href") for a in nojs_browser.find_elements(By.CSS_SELECTOR, "main a.call")]
    assert {"tel:112", "tel:999", "tel:116123", "tel:1800778888"} <= set(calls), calls
    assert "Shift" in nojs_browser.find_element(By.TAG_NAME, "main").text
    pages.load(nojs_browser, site.url("/search", q="éigniú", lang="ga"))
    panel = nojs_browser.find_element(By.ID, "crisis")
    assert "Faigh cabhair anois" in panel.text and "glaoigh ar" in panel.text
    assert panel.find_elements(By.CSS_SELECTOR, "li.helpline")[0].get_attribute("id") == "helpline-drcc"
    pages.shot(nojs_browser, "crisis-ga-nojs")


def test_typing_a_crisis_word_brings_the_lines_without_pressing_search(browser, site, pages):
    pages.load(browser, site.url("/search", q="youth"))
    box = browser.find_element(By.ID, "q")
    box.clear()
    box.send_keys("self harm")
    pages.wait(browser).until(lambda d: d.find_elements(By.ID, "crisis"), "the crisis lines did not appear while typing")
    box.clear()
    box.send_keys("youth")
    pages.wait(browser).until(lambda d: not d.find_elements(By.ID, "crisis"), "the crisis lines stayed for an everyday search")


# --------------------------------------------------------------------------------------------
# A district's own help lines, and the quick exit (its own node, its own neutral page)
# --------------------------------------------------------------------------------------------

class _Weather(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        body = b"<!doctype html><title>Weather</title><h1 id='weather'>Showers later</h1>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def district(node_factory, serve_node, tmp_path_factory):
    weather = socketserver.TCPServer(("127.0.0.1", 0), _Weather)
    threading.Thread(target=weather.serve_forever, daemon=True).start()
    data = node_factory("district", sample=True)
    with serve_node(data) as s:
        yield s, f"http://127.0.0.1:{weather.server_address[1]}/forecast", tmp_path_factory.mktemp("lines")
    weather.shutdown()


def test_a_district_supplies_its_own_help_lines_and_a_bad_file_changes_nothing(browser, district, pages):
    site, weather, folder = district
    bad = folder / "bad.json"
    bad.write_text('{"emergency_numbers": ["999"], "quick_exit_url": "javascript:alert(1)"}')
    refused = run_waymark("help-lines", "--data", site.data, "--file", bad)
    assert refused.returncode != 0 and "quick_exit_url" in refused.stderr and "Nothing was changed" in refused.stderr, describe(refused)
    pages.load(browser, site.url("/"))
    assert strip_of(browser)["calls"] == ["tel:112", "tel:999"]

    shown = run_waymark("help-lines", "--data", site.data, "--show")
    own = json.loads(shown.stdout)
    own["emergency_numbers"] = ["999", "112"]
    own["quick_exit_url"] = weather
    own["lines"].append({"id": "nightline", "name": {"en": "Night Line", "ga": "Líne na hOíche"}, "phone": "01 555 0199",
                         "topics": ["night"]})
    own["topics"]["night"] = ["cannot sleep"]
    good = folder / "good.json"
    good.write_text(json.dumps(own, ensure_ascii=False))
    ok = run_waymark("help-lines", "--data", site.data, "--file", good)
    assert ok.returncode == 0 and "Night Line" in ok.stdout, describe(ok)

    pages.load(browser, site.url("/search", q="I cannot sleep"))
    assert strip_of(browser)["calls"] == ["tel:999", "tel:112"]
    lines = [li.get_attribute("id") for li in browser.find_elements(By.CSS_SELECTOR, "#crisis li.helpline")]
    assert lines == ["helpline-nightline", "helpline-samaritans", "helpline-text50808"], lines

    reset = run_waymark("help-lines", "--data", site.data, "--reset")
    assert reset.returncode == 0, describe(reset)
    pages.load(browser, site.url("/"))
    assert strip_of(browser)["calls"] == ["tel:112", "tel:999"]
    ok = run_waymark("help-lines", "--data", site.data, "--file", good)
    assert ok.returncode == 0, describe(ok)


def test_quick_exit_leaves_at_a_click_and_at_three_presses_of_shift_and_back_does_not_return(browser, district, pages):
    site, weather, folder = district
    own = json.loads(run_waymark("help-lines", "--data", site.data, "--show").stdout)
    own["quick_exit_url"] = weather
    (folder / "exit.json").write_text(json.dumps(own, ensure_ascii=False))
    set_exit = run_waymark("help-lines", "--data", site.data, "--file", folder / "exit.json")
    assert set_exit.returncode == 0, describe(set_exit)
    pages.load(browser, site.url("/"))
    pages.load(browser, site.url("/search", q="domestic violence"))
    started = time.monotonic()
    browser.find_element(By.ID, "quick-exit").click()
    pages.wait(browser).until(lambda d: d.current_url == weather)
    assert time.monotonic() - started < 3
    browser.back()
    pages.wait(browser).until(lambda d: urllib.parse.urlsplit(d.current_url).path == "/")
    assert "domestic" not in browser.current_url, "Back returned to the crisis search"

    pages.load(browser, site.url("/help"))
    ActionChains(browser).send_keys(Keys.SHIFT).send_keys(Keys.SHIFT).send_keys(Keys.SHIFT).perform()
    pages.wait(browser).until(lambda d: d.current_url == weather, "three presses of Shift did not leave the site")

    # Keyboard only: the quick exit is among the first few Tab stops.
    pages.load(browser, site.url("/search", q="rape"))
    tab_to(browser, "quick-exit", within=9)
    ActionChains(browser).send_keys(Keys.ENTER).perform()
    pages.wait(browser).until(lambda d: d.current_url == weather)


def test_skip_to_results_reaches_the_first_result_in_a_few_tabs(browser, site, pages):
    pages.load(browser, site.url("/search", q="youth"))
    presses = tab_to(browser, "skip-results", within=14)
    ActionChains(browser).send_keys(Keys.ENTER).perform()
    ActionChains(browser).send_keys(Keys.TAB).perform()
    assert browser.execute_script("return document.activeElement.matches('#results li.result h3 a')"), (
        "after skip to results, Tab did not reach the first result")
    total = presses + 2
    assert total <= 14, total


# --------------------------------------------------------------------------------------------
# Filters that wait for the resident
# --------------------------------------------------------------------------------------------

def test_day_and_time_wait_for_apply_and_the_badges_follow_the_chosen_time(browser, site, pages):
    from selenium.webdriver.support.ui import Select

    pages.load(browser, site.url("/search", q="youth"))
    url = browser.current_url
    browser.find_element(By.ID, "open-at").click()
    day = browser.find_element(By.ID, "day")
    day.send_keys(Keys.ARROW_DOWN)  # the arrow keys move through the days without reloading
    Select(day).select_by_value("TU")
    time_box = browser.find_element(By.ID, "time")
    time_box.click()
    time_box.send_keys("0700P")  # typed digit by digit, as a resident does: never reloads mid-way
    time.sleep(0.8)
    assert browser.current_url == url, f"the page reloaded before Apply: {browser.current_url}"
    browser.execute_script(
        "var t = document.getElementById('time'); t.value = '19:00'; t.dispatchEvent(new Event('change', {bubbles: true}));")
    time.sleep(0.3)
    assert browser.current_url == url
    pages.click_and_wait_for_new_page(browser, browser.find_element(By.ID, "apply-filters"))
    q = urllib.parse.parse_qs(urllib.parse.urlsplit(browser.current_url).query)
    assert q.get("open") == ["at"] and q.get("day") == ["TU"] and q.get("time") == ["19:00"], browser.current_url
    assert browser.execute_script("return document.activeElement.id") == "apply-filters", "focus was not kept on Apply"
    badges = [b.text for b in browser.find_elements(By.CSS_SELECTOR, "#results .badge.open, #results .badge.closed")]
    assert badges, "no results open on Tuesday at 19:00 for 'youth'"
    assert all(b == "Open Tuesday 19:00" for b in badges), f"badges do not follow the chosen time: {set(badges)}"
    pages.load(browser, site.url("/search", q="youth", open="at", day="TU", time="19:00", lang="ga"))
    assert browser.find_element(By.CSS_SELECTOR, "#results .badge.open").text == "Oscailte Dé Máirt 19:00"
    pages.load(browser, site.url("/search", q="youth", lang="en"))


def test_a_tick_box_applies_at_once_keeping_focus_and_scroll(browser, site, pages):
    pages.load(browser, site.url("/search", q="club"))
    box = browser.find_elements(By.CSS_SELECTOR, "input[name=age]:not(:checked)")[-1]
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", box)
    before = browser.execute_script("return window.scrollY;")
    box_id = box.get_attribute("id")
    pages.click_and_wait_for_new_page(browser, box)
    assert browser.find_element(By.ID, box_id).is_selected()
    assert browser.execute_script("return document.activeElement.id") == box_id, "focus jumped away from the tick box"
    after = browser.execute_script("return window.scrollY;")
    assert abs(after - before) < 60, f"the page jumped from {before} to {after}"


@pytest.mark.parametrize("params,expected,not_shown", [
    ({"q": "youth", "near": "Narnia"}, "We don’t know the place “Narnia”", "Eircode routing area"),
    ({"q": "youth", "sort": "distance"}, "To sort by distance, enter a place", "needs postcode"),
    ({"q": "youth", "open": "at", "time": "7pm"}, "Enter it in hours and minutes", "HH:MM"),
    ({"q": "youth", "radius": "2"}, "To search within a distance, enter a place", "radius_km"),
    ({"q": "youth", "near": "Narnia", "lang": "ga"}, "Níl an áit “Narnia” ar eolas againn", "Eircode routing area"),
])
def test_what_cannot_be_used_is_said_in_a_residents_words(params, expected, not_shown, browser, site, pages):
    pages.load(browser, site.url("/search", **params))
    notice = browser.find_element(By.ID, "search-notice").text
    assert expected in notice and not_shown not in notice and "'" not in notice, notice
    assert pages.count(browser) > 0, "the search was not kept without what could not be used"
    pages.load(browser, site.url("/", lang="en"))


# --------------------------------------------------------------------------------------------
# Small things a resident notices
# --------------------------------------------------------------------------------------------

def test_a_category_page_is_headed_with_the_category_in_the_pages_language(browser, site, sample_ids, pages):
    pages.load(browser, site.url("/", lang="en"))
    tile = browser.find_element(By.CSS_SELECTOR, ".tiles a")
    name = tile.find_element(By.CSS_SELECTOR, ".tile-name").text
    pages.click_and_wait_for_new_page(browser, tile)
    assert browser.find_element(By.TAG_NAME, "h1").text == name
    pages.load(browser, site.url("/", lang="ga"))
    tile = browser.find_element(By.CSS_SELECTOR, ".tiles a")
    name_ga = tile.find_element(By.CSS_SELECTOR, ".tile-name").text
    pages.click_and_wait_for_new_page(browser, tile)
    assert browser.find_element(By.TAG_NAME, "h1").text == name_ga
    pages.load(browser, site.url("/search", q="youth", lang="en"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Search results"


def test_contact_lines_say_whose_they_are(browser, site, pages):
    everything = site.api("/services", per_page=1000, full="true")["contents"]
    both = next(s for s in everything if s.get("email") and (s.get("organization") or {}).get("email")
                and s["email"] != s["organization"]["email"])
    pages.load(browser, site.url(f"/services/{both['id']}", lang="en"))
    lines = [li.text for li in browser.find_elements(By.CSS_SELECTOR, "ul.contact li") if li.text.startswith("Email")]
    assert f"Email: {both['email']}" in lines, lines
    assert f"Email ({both['organization']['name']}): {both['organization']['email']}" in lines, lines


def test_a_tap_on_the_map_offers_a_search_and_does_not_start_one(browser, site, pages):
    pages.load(browser, site.url("/search", q="youth", lang="en"))
    pages.markers(browser)
    url = browser.current_url
    the_map = browser.find_element(By.ID, "map")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", the_map)
    ActionChains(browser).move_to_element_with_offset(the_map, 5, 5).click().perform()
    offer = pages.wait(browser).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#map .leaflet-popup button"))
    assert browser.current_url == url and offer[0].get_attribute("textContent") == "Search near here"
    pages.click_and_wait_for_new_page(browser, offer[0])
    q = urllib.parse.parse_qs(urllib.parse.urlsplit(browser.current_url).query)
    assert q.get("sort") == ["distance"] and q.get("lat") and q.get("lon"), browser.current_url


def test_adding_to_my_list_comes_back_to_the_same_place(fresh_browser, site, pages):
    b = fresh_browser()
    pages.load(b, site.url("/search", q="club", lang="en"))
    buttons = b.find_elements(By.CSS_SELECTOR, "#results .list-button")
    target = buttons[min(8, len(buttons) - 1)]
    b.execute_script("arguments[0].scrollIntoView({block: 'center'});", target)
    before = b.execute_script("return window.scrollY;")
    service_id = target.find_element(By.XPATH, "./ancestor::li[1]").get_attribute("data-id")
    pages.click_and_wait_for_new_page(b, target)
    after = b.execute_script("return window.scrollY;")
    assert abs(after - before) < 60, f"the page jumped from {before} to {after}"
    focused = b.execute_script("var li = document.activeElement.closest('li.result'); return li && li.getAttribute('data-id');")
    assert focused == service_id, "focus is not back on the service just added"
    assert b.find_element(By.ID, "mylist-count").text.strip() == "1"


# --------------------------------------------------------------------------------------------
# Freshness: when a listing was last checked, reminders, the public share per category
# --------------------------------------------------------------------------------------------

def _checked_recently(assured: str | None, today) -> bool:
    import datetime as dt
    if not assured:
        return False
    return (today - dt.date.fromisoformat(assured[:10])).days <= 365


def test_freshness_page_and_marking_a_listing_checked(browser, site, pages):
    import datetime as dt
    import zoneinfo
    from conftest import sign_in_as_admin

    today = dt.datetime.now(zoneinfo.ZoneInfo("Europe/Dublin")).date()
    everything = site.api("/services", per_page=1000, full="true")["contents"]
    expected = sum(_checked_recently(s.get("assured_date"), today) for s in everything)
    pages.load(browser, site.url("/freshness", lang="en"))
    overall = browser.find_element(By.CSS_SELECTOR, "table.freshness tr.overall td").text
    assert overall == f"{expected} of {len(everything)} ({round(expected * 100 / len(everything))}%)", overall
    assert len(browser.find_elements(By.CSS_SELECTOR, "table.freshness tbody tr")) == 8  # seven categories and all
    assert browser.find_element(By.ID, "freshness-link")

    sign_in_as_admin(browser, site, "/staff")
    reminder = browser.find_element(By.ID, "due-listings").text
    due_before = int(reminder.split()[0])
    assert due_before == len(everything) - expected, reminder
    pages.click_and_wait_for_new_page(browser, browser.find_element(By.ID, "listings-link"))
    first_due = browser.find_element(By.CSS_SELECTOR, "#listings tr.due")
    service_id = first_due.get_attribute("data-id")
    pages.click_and_wait_for_new_page(browser, first_due.find_element(By.CSS_SELECTOR, "button"))
    assert "marked as checked today" in browser.find_element(By.ID, "notice").text
    row = browser.find_element(By.CSS_SELECTOR, f"#listings tr[data-id='{service_id}']")
    assert "due" not in (row.get_attribute("class") or "") and today.isoformat() in row.text
    assert site.api(f"/services/{service_id}")["assured_date"] == today.isoformat()
    pages.load(browser, site.url(f"/services/{service_id}", lang="en"))
    assert f"Last checked: {today.isoformat()}" in browser.find_element(By.CSS_SELECTOR, "footer.meta").text
    pages.load(browser, site.url("/freshness", lang="en"))
    overall = browser.find_element(By.CSS_SELECTOR, "table.freshness tr.overall td").get_attribute("data-checked")
    assert overall == str(expected + 1), overall


def test_accessibility_features_are_named_in_irish(browser, site, sample_ids, pages):
    pages.load(browser, site.url("/search", q="", lang="ga"))
    labels = [l.text for l in browser.find_elements(By.CSS_SELECTOR, "input[name=access] + label")]
    assert any(l.startswith("Rochtain gan chéimeanna") for l in labels), labels
    assert not any(l.startswith("Step-free access") for l in labels), labels
    pages.load(browser, site.url("/search", q="", lang="en"))

