"""Real-browser tests of Waymark's public website, run against the fictional Ballymun sample.

Every test drives headless Chromium through the pages a visitor uses: search, filters, the map,
a service, My list (with print and share), Irish, no JavaScript, keyboard only, accessibility
(axe-core), page weight and suggesting a correction. A failure that shows a fault of the site
says so with "SITE BUG:".
"""

from __future__ import annotations

import datetime as dt
import json
import re
import urllib.parse
import uuid
import zoneinfo

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select
from conftest import sign_in_as_admin

PAGE_SIZE = 20
WEIGHT_BUDGET = 100 * 1024  # bytes of HTML + CSS + JS for one results page


def query_of(url: str) -> dict[str, list[str]]:
    return urllib.parse.parse_qs(urllib.parse.urlsplit(url).query, keep_blank_values=True)


def result_texts(driver) -> list[dict[str, str]]:
    return driver.execute_script(
        """return Array.from(document.querySelectorAll('#results > li.result')).map(function (li) {
             function t(sel) { var e = li.querySelector(sel); return e ? e.textContent.trim() : ''; }
             return {id: li.getAttribute('data-id'), name: t('h3 a'), summary: t('.summary'), org: t('.org'),
                     open: !!li.querySelector('.badge.open'), closed: !!li.querySelector('.badge.closed')};
           });""")


def parse_distance_km(text: str) -> float:
    m = re.search(r"(\d+(?:[.,]\d+)?)\s*(km|m)\b", text)
    assert m, f"unreadable distance {text!r}"
    value = float(m.group(1).replace(",", "."))
    return value if m.group(2) == "km" else value / 1000


WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def schedule_covers(schedules: list[dict], day: str, hhmm: str, today: dt.date) -> bool:
    """Whether one of the weekly HSDS schedules has the service open on `day` (MO..SU) at `hhmm`
    (an overnight opening, closes_at <= opens_at, runs on into the next day)."""
    previous = WEEKDAYS[WEEKDAYS.index(day) - 1]
    for s in schedules or []:
        days = {re.sub(r"^[+-]?\d+", "", d.strip()) for d in (s.get("byday") or "").split(",") if d.strip()}
        if s.get("valid_to") and s["valid_to"][:10] < today.isoformat():
            continue
        opens, closes = (s.get("opens_at") or "")[:5], (s.get("closes_at") or "")[:5]
        if not opens or not closes:
            continue
        if opens < closes:
            if day in days and opens <= hhmm < closes:
                return True
        elif (day in days and hhmm >= opens) or (previous in days and hhmm < closes):
            return True
    return False


def dublin_now() -> tuple[str, str, dt.date]:
    """(weekday MO..SU, HH:MM, date) now in Europe/Dublin, the directory's wall clock."""
    now = dt.datetime.now(zoneinfo.ZoneInfo("Europe/Dublin"))
    return WEEKDAYS[now.weekday()], now.strftime("%H:%M"), now.date()


# --------------------------------------------------------------------------------------------
# 1. Search
# --------------------------------------------------------------------------------------------

def test_search_for_youth_finds_youth_services(browser, site, pages):
    pages.load(browser, site.url("/"))
    assert browser.find_element(By.TAG_NAME, "h1").text.strip(), "home page has an empty h1"
    assert browser.find_element(By.ID, "sample-banner").is_displayed(), "the sample banner is not shown on the sample node"
    tiles = browser.find_elements(By.CSS_SELECTOR, ".tiles a")
    assert len(tiles) == 7, f"expected 7 category tiles, got {len(tiles)}"
    for tile in tiles:
        assert re.search(r"\d+", tile.find_element(By.CSS_SELECTOR, ".count").text), f"tile without a count: {tile.text!r}"
    pages.shot(browser, "home")

    box = browser.find_element(By.ID, "q")
    box.send_keys("youth")
    pages.navigating(browser, lambda: box.send_keys(Keys.ENTER))

    assert urllib.parse.urlsplit(browser.current_url).path == "/search"
    assert query_of(browser.current_url).get("q") == ["youth"], browser.current_url
    assert browser.find_element(By.ID, "q").get_attribute("value") == "youth", "the search box lost the query"
    count = pages.count(browser)
    results = result_texts(browser)
    assert count > 0 and results, "searching 'youth' found nothing"
    assert len(results) == min(count, PAGE_SIZE), f"{len(results)} results listed on page 1 but {count} found"
    for r in results[:5]:
        text = " ".join((r["name"], r["summary"], r["org"])).lower()
        assert "youth" in text, f"result {r['name']!r} does not mention youth in its name, summary or organisation: {r}"
    pages.shot(browser, "results")


# --------------------------------------------------------------------------------------------
# 2. Facets apply on change (JavaScript)
# --------------------------------------------------------------------------------------------

def test_category_facet_applies_on_click_and_clears(browser, site, pages):
    pages.load(browser, site.url("/search", q="youth"))
    before = pages.count(browser)
    box = browser.find_element(By.CSS_SELECTOR, "input[name=category]:not(:checked)")
    term = box.get_attribute("value")
    label = browser.find_element(By.CSS_SELECTOR, f"label[for='{box.get_attribute('id')}']").text
    m = re.search(r"\((\d+)\)", label)
    assert m, f"category label without a count: {label!r}"
    facet_count = int(m.group(1))

    pages.click_and_wait_for_new_page(browser, box)

    assert term in query_of(browser.current_url).get("category", []), f"category={term} not in {browser.current_url}"
    assert query_of(browser.current_url).get("q") == ["youth"], f"the query was lost: {browser.current_url}"
    box = browser.find_element(By.CSS_SELECTOR, f"input[name=category][value='{term}']")
    assert box.is_selected(), "the category checkbox is not checked after applying it"
    after = pages.count(browser)
    assert after <= before, f"adding a category filter raised the count from {before} to {after}"
    assert after == facet_count, f"SITE BUG: the facet said ({facet_count}) but applying it found {after}"

    pages.click_and_wait_for_new_page(browser, box)
    assert term not in query_of(browser.current_url).get("category", []), browser.current_url
    assert not browser.find_element(By.CSS_SELECTOR, f"input[name=category][value='{term}']").is_selected()
    assert pages.count(browser) == before, f"removing the filter gave {pages.count(browser)} results, not {before}"


# --------------------------------------------------------------------------------------------
# 3. Open now / open at a day and time
# --------------------------------------------------------------------------------------------

def test_open_now_shows_only_open_services(browser, site, pages):
    pages.load(browser, site.url("/"))
    home_count = browser.execute_script(
        "var c = document.querySelector('.opennow .count'); return c ? c.textContent : null;")
    link = browser.find_element(By.ID, "open-now")
    pages.click_and_wait_for_new_page(browser, link)
    assert query_of(browser.current_url).get("open") == ["now"], browser.current_url
    assert browser.find_element(By.CSS_SELECTOR, "input[name=open][value=now]").is_selected(), "'Open now' is not selected"
    count = pages.count(browser)
    results = result_texts(browser)
    if home_count is not None:
        m = re.search(r"\d+", home_count)
        assert m and int(m.group()) == count, f"the home page says {home_count!r} open now, the results say {count}"
    if count == 0:
        assert not results
        assert "No services match" in browser.find_element(By.CSS_SELECTOR, "section.results").text, \
            "0 results but no 'no results' message"
    else:
        assert results, f"{count} found but none listed"
        wrong = [r["name"] for r in results if not r["open"] or r["closed"]]
        assert not wrong, f"'open now' lists services not badged open: {wrong}"

    # The count is what the schedules say for now in Dublin (unless a minute boundary was crossed).
    everything = site.api("/services", per_page=1000, full="true")["contents"]
    before = dublin_now()
    expected = {s["id"] for s in everything if schedule_covers(s.get("schedules", []), *before)}
    pages.load(browser, site.url("/search", open="now"))
    count = pages.count(browser)
    after = dublin_now()
    if before == after:
        assert count == len(expected), (
            f"SITE BUG: 'open now' at {before[0]} {before[1]} (Europe/Dublin) finds {count} services, "
            f"the schedules say {len(expected)}")


def test_open_at_monday_1030_matches_schedules(browser, site, pages):
    pages.load(browser, site.url("/search"))
    # Choosing "open on a day and time", a day and a time reloads nothing: Apply does.
    url = browser.current_url
    browser.find_element(By.ID, "open-at").click()
    Select(browser.find_element(By.ID, "day")).select_by_value("MO")
    browser.execute_script(
        "var t = document.getElementById('time'); t.value = '10:30';"
        "t.dispatchEvent(new Event('input', {bubbles: true})); t.dispatchEvent(new Event('change', {bubbles: true}));")
    assert browser.current_url == url and browser.find_element(By.ID, "open-at").is_selected()
    assert "pending" in browser.find_element(By.ID, "apply-filters").get_attribute("class")
    pages.click_and_wait_for_new_page(browser, browser.find_element(By.ID, "apply-filters"))
    q = query_of(browser.current_url)
    assert q.get("open") == ["at"] and q.get("day") == ["MO"] and q.get("time") == ["10:30"], browser.current_url
    assert browser.find_element(By.ID, "open-at").is_selected()
    assert Select(browser.find_element(By.ID, "day")).first_selected_option.get_attribute("value") == "MO"
    assert browser.find_element(By.ID, "time").get_attribute("value") == "10:30"
    count = pages.count(browser)
    assert count > 0, "nothing in the sample is open on Monday at 10:30"

    # Every result, on every page, must have a schedule covering Monday 10:30 ...
    ids: list[str] = []
    url = browser.current_url
    while url:
        html = site.http.get(url, timeout=20).text
        ids += re.findall(r'<li class="result" data-id="([^"]+)"', html)
        nxt = re.search(r'<a href="([^"]+)" rel="next"', html)
        url = site.base_url + nxt.group(1).replace("&amp;", "&") if nxt else None
    assert len(ids) == count, f"{count} found but {len(ids)} listed over all pages"
    today = dt.date.today()
    wrong = []
    for sid in ids:
        svc = site.api(f"/services/{sid}")
        if not schedule_covers(svc.get("schedules", []), "MO", "10:30", today):
            wrong.append((svc["name"], [s.get("description") for s in svc.get("schedules", [])]))
    assert not wrong, f"SITE BUG: 'open Monday 10:30' lists services whose schedules do not cover it: {wrong[:5]}"

    # ... and every service open then is found.
    everything = site.api("/services", per_page=1000, full="true")["contents"]
    expected = {s["id"] for s in everything if schedule_covers(s.get("schedules", []), "MO", "10:30", today)}
    missing = expected - set(ids)
    assert not missing, f"SITE BUG: {len(missing)} services open on Monday at 10:30 are not found, e.g. {sorted(missing)[:3]}"


# --------------------------------------------------------------------------------------------
# 4. Distance
# --------------------------------------------------------------------------------------------

def test_sort_by_distance_near_d11(browser, site, pages):
    pages.load(browser, site.url("/search"))
    browser.find_element(By.ID, "near").send_keys("D11")
    Select(browser.find_element(By.ID, "sort")).select_by_value("distance")
    pages.click_and_wait_for_new_page(browser, browser.find_element(By.ID, "apply-filters"))
    q = query_of(browser.current_url)
    assert q.get("near") == ["D11"] and q.get("sort") == ["distance"], browser.current_url
    distances = [parse_distance_km(e.text) for e in browser.find_elements(By.CSS_SELECTOR, "#results .distance")]
    listed = len(browser.find_elements(By.CSS_SELECTOR, "#results > li.result"))
    assert listed > 0, "no results near D11"
    assert len(distances) == listed, f"{listed} results but only {len(distances)} show a distance"
    assert distances == sorted(distances), f"distances are not in increasing order: {distances}"

    nxt = browser.find_elements(By.CSS_SELECTOR, "nav.pagination a[rel=next]")
    if nxt:
        pages.click_and_wait_for_new_page(browser, nxt[0])
        page2 = [parse_distance_km(e.text) for e in browser.find_elements(By.CSS_SELECTOR, "#results .distance")]
        assert page2, "page 2 of a distance sort shows no distances"
        assert page2 == sorted(page2) and page2[0] >= distances[-1], \
            f"page 2 distances {page2[:3]}... do not continue page 1 (last {distances[-1]})"


def test_sort_by_distance_from_a_point(browser, site, pages):
    pages.load(browser, site.url("/search", lat="53.3955", lon="-6.2645", sort="distance"))
    distances = [parse_distance_km(e.text) for e in browser.find_elements(By.CSS_SELECTOR, "#results .distance")]
    assert distances, "no distances shown for a lat/lon search"
    assert distances == sorted(distances), f"distances are not in increasing order: {distances}"
    assert Select(browser.find_element(By.ID, "sort")).first_selected_option.get_attribute("value") == "distance"


def test_unknown_place_keeps_the_search_form(browser, site, pages):
    """A place the site does not know (a typo) must not be a dead end: the visitor keeps the form
    with what they typed, and is told the place is unknown."""
    pages.load(browser, site.url("/search", q="youth"))
    browser.find_element(By.ID, "near").send_keys("Ballymun Libary")
    pages.click_and_wait_for_new_page(browser, search_button(browser))
    heading = browser.find_element(By.TAG_NAME, "h1").text
    kept = browser.find_elements(By.ID, "q") and browser.find_element(By.ID, "q").get_attribute("value") == "youth" \
        and browser.find_element(By.ID, "near").get_attribute("value") == "Ballymun Libary"
    assert kept, (
        "SITE BUG: searching near an unknown place (GET /search?q=youth&near=Ballymun+Libary) gives a dead-end "
        f"page {heading!r} with no search form to correct the place (status 400), instead of the results page with "
        "the form kept and a message that the place is unknown")


def test_a_search_that_finds_nothing_offers_the_categories(nojs_browser, browser, site, pages, axe, format_axe):
    """A search with no matches is not a dead end: the page lists every category holding services
    (with their counts) and the crisis helplines, draws no empty map, in English and in Irish, with
    and without JavaScript; a category leads to its services."""
    for driver in (browser, nojs_browser):
        for lang, heading in (("en", "Browse by category"), ("ga", "Brabhsáil de réir catagóire")):
            pages.load(driver, site.url("/search", q="zxqv blorp", lang=lang))
            assert pages.count(driver) == 0
            assert driver.find_element(By.ID, "empty-browse-heading").text == heading
            links = driver.find_elements(By.CSS_SELECTOR, "#empty-browse a")
            assert len(links) >= 5, f"{len(links)} categories offered"
            assert not driver.find_elements(By.ID, "map"), "an empty map is drawn"
            assert "/help" in driver.find_element(By.ID, "empty-help").get_attribute("href")
            first = links[0].text
            listed = int(re.search(r"\d+", driver.find_element(By.CSS_SELECTOR, "#empty-browse li .count").text).group())
            pages.click_and_wait_for_new_page(driver, links[0])
            assert pages.count(driver) == listed, f"{first}: the link promised {listed} services"
    pages.load(browser, site.url("/search", q="zxqv blorp"))
    serious = [v for v in axe(browser) if v.get("impact") in ("serious", "critical")]
    assert not serious, format_axe(serious)


# --------------------------------------------------------------------------------------------
# 5. Service page (and organisation page)
# --------------------------------------------------------------------------------------------

def test_results_map_draws_a_marker_per_point(browser, site, pages):
    pages.load(browser, site.url("/search", q="youth"))
    points = json.loads(browser.find_element(By.ID, "map").get_attribute("data-points"))
    assert points, "the results map has no points"
    markers = pages.markers(browser)
    pages.wait(browser).until(
        lambda d: len(d.find_elements(By.CSS_SELECTOR, "#map .leaflet-marker-icon")) == len(points),
        message=f"expected {len(points)} markers, have {len(markers)}")


def test_open_service_from_results(browser, site, pages):
    pages.load(browser, site.url("/search", q="youth"))
    link = browser.find_element(By.CSS_SELECTOR, "#results > li.result h3 a")
    name = link.text.strip()
    pages.click_and_wait_for_new_page(browser, link)
    assert urllib.parse.urlsplit(browser.current_url).path.startswith("/services/")
    assert browser.find_element(By.TAG_NAME, "h1").text.strip() == name
    hours = browser.find_elements(By.CSS_SELECTOR, "table.hours tr")
    if not hours:
        assert "No regular opening hours" in browser.find_element(By.TAG_NAME, "main").text, "neither hours nor the no-hours text"
    markers = pages.markers(browser)
    assert markers[0].is_displayed(), "the service's map marker is not visible"
    assert browser.find_element(By.ID, "suggest-link").get_attribute("href").endswith(
        urllib.parse.urlsplit(browser.current_url).path + "/suggest?lang=en")
    hrefs = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, ".contact a[href]")]
    bad = [h for h in hrefs if not re.match(r"(tel:|mailto:|https://)", h)]
    assert not bad, f"contact links with other schemes than tel:/mailto:/https: {bad}"
    pages.shot(browser, "service")

    org = browser.find_element(By.CSS_SELECTOR, "article.service .org a")
    org_name = org.text.strip()
    pages.click_and_wait_for_new_page(browser, org)
    assert browser.find_element(By.TAG_NAME, "h1").text.strip() == org_name
    assert name in pages.result_names(browser), f"the organisation page does not list its service {name!r}"
    pages.shot(browser, "organization")


def test_unknown_service_is_a_404_page(site):
    r = site.get(f"/services/{uuid.uuid4()}")
    assert r.status_code == 404
    assert "text/html" in r.headers.get("Content-Type", "") and "<h1>" in r.text


def test_unknown_path_is_a_404_page(site):
    r = site.get("/no-such-page")
    assert r.status_code == 404
    assert "text/html" in r.headers.get("Content-Type", "") and "<h1" in r.text and "<title>" in r.text, (
        "SITE BUG: GET /no-such-page does not answer with the site's HTML 'Page not found' page (as "
        f"/services/<unknown id> does): got Content-Type {r.headers.get('Content-Type')!r}, {len(r.content)} bytes "
        f"{r.text[:80]!r}, so the visitor sees the browser's own error page")


# --------------------------------------------------------------------------------------------
# 6. My list: add, print, share, remove
# --------------------------------------------------------------------------------------------

def test_my_list_add_print_share_remove(browser, fresh_browser, site, pages):
    pages.load(browser, site.url("/search", q="youth"))
    added: list[str] = []
    for i in range(3):
        item = browser.find_elements(By.CSS_SELECTOR, "#results > li.result")[i]
        added.append(item.find_element(By.CSS_SELECTOR, "h3 a").text.strip())
        button = item.find_element(By.CSS_SELECTOR, ".list-button")
        assert button.text.strip() == "Add to my list", button.text
        pages.click_and_wait_for_new_page(browser, button)
        assert urllib.parse.urlsplit(browser.current_url).path == "/search", f"adding went to {browser.current_url}"
        assert browser.find_element(By.ID, "mylist-count").text.strip() == str(i + 1)
    assert browser.find_element(By.ID, "mylist-count").text.strip() == "3"
    buttons = [li.find_element(By.CSS_SELECTOR, ".list-button").text.strip()
               for li in browser.find_elements(By.CSS_SELECTOR, "#results > li.result")[:3]]
    assert buttons == ["Remove from my list"] * 3, f"added results still offer {buttons}"

    pages.click_and_wait_for_new_page(browser, browser.find_element(By.ID, "mylist-link"))
    assert urllib.parse.urlsplit(browser.current_url).path == "/list"
    assert sorted(pages.result_names(browser)) == sorted(added)
    assert browser.find_element(By.ID, "print-list").is_displayed(), "the print button is hidden with JavaScript on"
    pages.shot(browser, "list")

    # Print: header, nav and buttons are hidden.
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert browser.execute_script("return matchMedia('print').matches"), "print media emulation failed"
        hidden = browser.execute_script(
            """var out = {};
               ['header.site', 'nav', '.list-form', '#print-list', '#share-link', 'footer.site'].forEach(function (s) {
                 out[s] = Array.from(document.querySelectorAll(s)).map(function (e) {
                   var x = e; while (x && getComputedStyle(x).display !== 'none') { x = x.parentElement; }
                   return !!x; });
               });
               return out;""")
        shown = {sel: flags for sel, flags in hidden.items() if not flags or not all(flags)}
        assert not shown, f"in print, these are still displayed (or missing): {shown}"
        assert all(e.is_displayed() for e in browser.find_elements(By.CSS_SELECTOR, "li.result h3")), "print hides the list itself"
        pages.shot(browser, "list-print")
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})

    # Share: the link rebuilds the list in a browser that never saw it.
    share = browser.find_element(By.ID, "share-link").get_attribute("value")
    q = query_of(share)
    assert urllib.parse.urlsplit(share).path == "/list" and len(q.get("ids", [""])[0].split(",")) == 3, share
    other = fresh_browser()
    pages.load(other, share)
    assert sorted(pages.result_names(other)) == sorted(added), "the share link does not rebuild the same list"
    assert other.find_element(By.ID, "mylist-count").text.strip() == "3", "the shared list did not become the new browser's list"
    pages.load(other, site.url("/"))
    assert other.find_element(By.ID, "mylist-count").text.strip() == "3", "the shared list was not kept in the new browser"

    # Remove one.
    first = browser.find_element(By.CSS_SELECTOR, "main ol.result-list > li.result")
    removed = first.find_element(By.CSS_SELECTOR, "h3 a").text.strip()
    pages.click_and_wait_for_new_page(browser, first.find_element(By.CSS_SELECTOR, ".list-button"))
    assert urllib.parse.urlsplit(browser.current_url).path == "/list"
    assert sorted(pages.result_names(browser)) == sorted(n for n in added if n != removed)
    assert browser.find_element(By.ID, "mylist-count").text.strip() == "2"


# --------------------------------------------------------------------------------------------
# 7. Language
# --------------------------------------------------------------------------------------------

def search_button(driver):
    return driver.find_element(By.CSS_SELECTOR, "form.search button[type=submit]")


def test_language_switch_to_irish_and_back(browser, site, pages):
    pages.load(browser, site.url("/search", q="youth"))
    english_names = pages.result_names(browser)
    pages.load(browser, site.url("/"))
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    assert search_button(browser).text.strip() == "Search"

    pages.click_and_wait_for_new_page(browser, browser.find_element(By.ID, "language-switch"))
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "ga"
    irish = search_button(browser).text.strip()
    assert irish and irish != "Search", f"the search button is not translated: {irish!r}"
    assert browser.find_element(By.TAG_NAME, "h1").text.strip() != "Find services, groups and support near you"
    pages.shot(browser, "home-ga")

    # The choice persists (cookie) on a page whose address does not carry it.
    pages.load(browser, site.url("/search", q="youth"))
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "ga", "Irish was not kept on the next page"
    assert search_button(browser).text.strip() == irish
    assert pages.result_names(browser) == english_names, "service names changed with the interface language"
    link = browser.find_element(By.CSS_SELECTOR, "#results > li.result h3 a")
    name = link.text.strip()
    pages.click_and_wait_for_new_page(browser, link)
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "ga"
    assert browser.find_element(By.TAG_NAME, "h1").text.strip() == name

    pages.click_and_wait_for_new_page(browser, browser.find_element(By.ID, "language-switch"))
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    assert browser.find_element(By.TAG_NAME, "h1").text.strip() == name, "switching back left the service page"
    pages.load(browser, site.url("/"))
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en", "English was not kept"
    assert search_button(browser).text.strip() == "Search"


# --------------------------------------------------------------------------------------------
# 8. Without JavaScript
# --------------------------------------------------------------------------------------------

def test_everything_works_without_javascript(nojs_browser, site, pages):
    d = nojs_browser
    pages.load(d, site.url("/"))
    assert "no-js" in d.find_element(By.TAG_NAME, "html").get_attribute("class").split(), "JavaScript is not off"
    assert not d.find_element(By.ID, "near-me").is_displayed(), "#near-me is shown although it needs JavaScript"

    d.find_element(By.ID, "q").send_keys("youth")
    pages.click_and_wait_for_new_page(d, search_button(d))
    before = pages.count(d)
    assert before > 0 and pages.result_names(d), "no results without JavaScript"
    assert not d.find_element(By.ID, "near-me").is_displayed()

    url = d.current_url
    box = d.find_element(By.CSS_SELECTOR, "input[name=category]:not(:checked)")
    term = box.get_attribute("value")
    box.click()
    assert d.current_url == url and box.is_selected()
    apply = d.find_element(By.ID, "apply-filters")
    assert apply.is_displayed(), "the Apply button is hidden without JavaScript"
    pages.click_and_wait_for_new_page(d, apply)
    assert term in query_of(d.current_url).get("category", []), d.current_url
    assert d.find_element(By.CSS_SELECTOR, f"input[name=category][value='{term}']").is_selected()
    after = pages.count(d)
    assert 0 < after <= before, f"count {before} -> {after} after a category filter"

    link = d.find_element(By.CSS_SELECTOR, "#results > li.result h3 a")
    name = link.text.strip()
    pages.click_and_wait_for_new_page(d, link)
    assert d.find_element(By.TAG_NAME, "h1").text.strip() == name
    assert d.find_elements(By.CSS_SELECTOR, "table.hours") or "No regular opening hours" in d.find_element(By.TAG_NAME, "main").text

    service_url = d.current_url
    pages.click_and_wait_for_new_page(d, d.find_element(By.CSS_SELECTOR, "article.service .list-button"))
    # The same page (it now names the results it came from, for "Back to results").
    assert d.current_url.split("&from=")[0] == service_url, f"adding to the list went to {d.current_url}"
    assert d.find_element(By.ID, "mylist-count").text.strip() == "1"

    pages.click_and_wait_for_new_page(d, d.find_element(By.ID, "mylist-link"))
    assert pages.result_names(d) == [name]
    assert not d.find_element(By.ID, "print-list").is_displayed(), "the print button (JavaScript) shows without JavaScript"
    service_id = urllib.parse.urlsplit(service_url).path.rsplit("/", 1)[-1]
    assert query_of(d.find_element(By.ID, "share-link").get_attribute("value")).get("ids") == [service_id]


# --------------------------------------------------------------------------------------------
# 9. Keyboard only
# --------------------------------------------------------------------------------------------

def press(driver, *keys) -> None:
    ActionChains(driver).send_keys(*keys).perform()


def focus_style(driver) -> dict:
    return driver.execute_script(
        """var e = document.activeElement, s = getComputedStyle(e);
           return {tag: e.tagName, id: e.id, cls: e.className, text: (e.textContent || '').trim().slice(0, 60),
                   outlineStyle: s.outlineStyle, outlineWidth: s.outlineWidth, boxShadow: s.boxShadow,
                   left: e.getBoundingClientRect().left, width: e.getBoundingClientRect().width};""")


def assert_visible_focus(style: dict) -> None:
    has_outline = style["outlineStyle"] != "none" and style["outlineWidth"] not in ("0px", "")
    has_shadow = style["boxShadow"] not in ("none", "")
    assert has_outline or has_shadow, f"SITE BUG: no visible focus indicator on {style}"


def test_keyboard_only(browser, site, pages):
    pages.load(browser, site.url("/"))
    press(browser, Keys.TAB)
    first = focus_style(browser)
    assert first["tag"] == "A" and "skip" in first["cls"], f"the first Tab stop is not the skip link: {first}"
    assert first["left"] >= 0 and first["width"] > 0, f"the focused skip link is off screen: {first}"
    assert_visible_focus(first)

    press(browser, Keys.ENTER)
    pages.wait(browser).until(lambda d: d.execute_script("return location.hash") == "#main")
    assert browser.execute_script("return document.activeElement.id") == "main", "the skip link did not move focus to main"
    press(browser, Keys.TAB)
    active = focus_style(browser)
    assert active["id"] == "q", f"after the skip link, Tab reached {active} rather than #q"
    press(browser, "youth")
    pages.navigating(browser, lambda: press(browser, Keys.ENTER))
    assert query_of(browser.current_url).get("q") == ["youth"] and pages.count(browser) > 0

    target = None
    buttons = []
    for _ in range(200):
        press(browser, Keys.TAB)
        style = focus_style(browser)
        if style["tag"] == "BUTTON":
            buttons.append(style)
        if browser.execute_script("return document.activeElement.matches('#results > li.result h3 a')"):
            target = style
            break
    assert buttons, "Tab passed no button on the way to the results"
    assert_visible_focus(buttons[0])
    assert target, "Tab never reached a result link"
    assert_visible_focus(target)
    pages.navigating(browser, lambda: press(browser, Keys.ENTER))
    assert urllib.parse.urlsplit(browser.current_url).path.startswith("/services/")
    assert browser.find_element(By.TAG_NAME, "h1").text.strip() == target["text"]


# --------------------------------------------------------------------------------------------
# 10. Accessibility (axe-core)
# --------------------------------------------------------------------------------------------

AXE_PAGES = ["home", "results", "service", "organization", "list-empty", "list", "suggest", "thank-you",
             "admin-corrections", "home-ga", "not-found", "help", "results-crisis", "help-ga", "freshness"]


def open_page(kind: str, driver, site, sample_ids, pages) -> None:
    sid, org, ids = sample_ids["service"], sample_ids["organization"], sample_ids["services"]
    simple = {
        "home": "/",
        "results": "/search?q=youth",
        "service": f"/services/{sid}",
        "organization": f"/organizations/{org}",
        "list-empty": "/list",
        "list": "/list?ids=" + ",".join(ids[:3]),
        "suggest": f"/services/{sid}/suggest",
        "home-ga": "/?lang=ga",
        "not-found": f"/services/{uuid.uuid4()}",
        "help": "/help",
        "freshness": "/freshness",
        "help-ga": "/help?lang=ga",
        "results-crisis": "/search?q=self+harm",
    }
    if kind in simple:
        pages.load(driver, site.url(simple[kind]))
    elif kind == "thank-you":
        pages.load(driver, site.url(f"/services/{sid}/suggest"))
        driver.find_element(By.ID, "message").send_keys("The Friday session now starts at 19:30.")
        pages.click_and_wait_for_new_page(driver, driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
        assert driver.find_elements(By.ID, "message"), "no thank-you message"
    elif kind == "admin-corrections":
        r = site.post(f"/services/{sid}/suggest", data={"field": "any", "message": "axe audit", "lang": "en"})
        assert r.status_code == 200
        sign_in_as_admin(driver, site, "/staff/corrections")
    else:
        raise AssertionError(kind)


@pytest.mark.parametrize("kind", AXE_PAGES)
def test_axe_no_serious_violations(kind, browser, site, sample_ids, pages, axe, format_axe):
    open_page(kind, browser, site, sample_ids, pages)
    if kind in ("results", "service"):
        pages.markers(browser)  # audit the page as drawn, map included
    violations = axe(browser)
    serious = [v for v in violations if v.get("impact") in ("serious", "critical")]
    assert not serious, (
        f"SITE BUG: axe found {len(serious)} serious/critical accessibility violations on {kind} "
        f"({browser.current_url}):\n{format_axe(serious)}")


def test_axe_audit_finds_a_known_violation(browser, axe, axe_source):
    """The audit is not vacuous: on a page with an unlabelled image it reports image-alt."""
    browser.get("data:text/html;charset=utf-8,<!doctype html><html><body><main><img src='data:,'></main></body></html>")
    ids = {v["id"] for v in axe(browser)}
    assert "image-alt" in ids, f"axe {axe_source[0]} did not find the missing alt text: {ids}"


# --------------------------------------------------------------------------------------------
# 11. Page weight
# --------------------------------------------------------------------------------------------

def test_results_page_weight(browser, site, pages):
    browser.execute_cdp_cmd("Network.enable", {})
    browser.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    try:
        pages.load(browser, site.url("/search", q="youth"))
        pages.markers(browser)
        entries = browser.execute_script(
            """var nav = performance.getEntriesByType('navigation')[0];
               var all = [nav].concat(performance.getEntriesByType('resource'));
               return all.map(function (e) { return {name: e.name, type: e.initiatorType, transfer: e.transferSize,
                 encoded: e.encodedBodySize, decoded: e.decodedBodySize}; });""")
    finally:
        browser.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": False})
    counted = [e for e in entries
               if e["type"] == "navigation" or re.search(r"\.(css|js)(\?|$)", urllib.parse.urlsplit(e["name"]).path)]
    assert any(re.search(r"/leaflet[^/]*\.js$", e["name"]) for e in counted), f"Leaflet not loaded: {[e['name'] for e in entries]}"
    total = sum(max(e["transfer"], e["encoded"]) for e in counted)
    detail = ", ".join(f"{urllib.parse.urlsplit(e['name']).path} {max(e['transfer'], e['encoded']) / 1024:.1f} KB"
                       f" ({e['decoded'] / 1024:.1f} KB decoded)" for e in counted)
    assert total <= WEIGHT_BUDGET, (
        f"SITE BUG: the results page /search?q=youth weighs {total / 1024:.1f} KB of HTML+CSS+JS, over the "
        f"{WEIGHT_BUDGET // 1024} KB budget: {detail}")


# --------------------------------------------------------------------------------------------
# 12. Suggest a correction
# --------------------------------------------------------------------------------------------

def test_suggest_a_correction(browser, site, sample_ids, pages):
    token = f"Closed on bank holidays {uuid.uuid4().hex[:8]}"
    pages.load(browser, site.url(f"/services/{sample_ids['service']}"))
    pages.click_and_wait_for_new_page(browser, browser.find_element(By.ID, "suggest-link"))
    assert urllib.parse.urlsplit(browser.current_url).path == f"/services/{sample_ids['service']}/suggest"
    assert sample_ids["service_name"] in browser.find_element(By.TAG_NAME, "main").text
    Select(browser.find_element(By.ID, "field")).select_by_value("hours")
    browser.find_element(By.ID, "message").send_keys(token)
    browser.find_element(By.ID, "contact").send_keys("reader@example.org")
    pages.shot(browser, "suggest")
    pages.click_and_wait_for_new_page(browser, browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    thanks = browser.find_element(By.ID, "message")
    assert thanks.tag_name != "textarea" and "Thank" in thanks.text, f"no thank-you message: {thanks.text!r}"
    pages.shot(browser, "thank-you")

    # An empty suggestion: the browser refuses it, and so does the server.
    pages.load(browser, site.url(f"/services/{sample_ids['service']}/suggest"))
    url = browser.current_url
    browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    assert browser.current_url == url and browser.execute_script(
        "return document.getElementById('message').validity.valueMissing"), "an empty suggestion was sent"
    pages.navigating(browser, lambda: browser.execute_script(
        "var f = document.querySelector('main form'); f.noValidate = true; f.querySelector('button[type=submit]').click();"))
    error = browser.find_element(By.ID, "suggest-error")
    assert error.is_displayed() and error.text.strip(), "no #suggest-error for an empty suggestion"
    r = site.post(f"/services/{sample_ids['service']}/suggest", data={"field": "any", "message": "", "lang": "en"})
    assert r.status_code == 400 and 'id="suggest-error"' in r.text, f"empty suggestion answered {r.status_code}"

    sign_in_as_admin(browser, site, "/staff/corrections")
    table = browser.find_element(By.CSS_SELECTOR, "table.corrections")
    assert token in table.text, "the suggestion is not in /staff/corrections"
    row = next(tr for tr in table.find_elements(By.CSS_SELECTOR, "tbody tr") if token in tr.text)
    assert "reader@example.org" in row.text and "Opening hours" in row.text and sample_ids["service_name"] in row.text
    pages.shot(browser, "admin-corrections")


def test_blank_suggestion_is_refused(browser, site, sample_ids, pages):
    """A suggestion of only spaces passes the browser's `required` check; the server must refuse it."""
    pages.load(browser, site.url(f"/services/{sample_ids['service']}/suggest"))
    browser.find_element(By.ID, "message").send_keys("   \n  ")
    pages.click_and_wait_for_new_page(browser, browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    assert browser.find_elements(By.ID, "suggest-error"), (
        f"SITE BUG: POST /services/{sample_ids['service']}/suggest with a message of only spaces/newlines is accepted "
        "(200, thank-you page) and stored as an empty row in /staff/corrections; expected 400 with #suggest-error")


# --------------------------------------------------------------------------------------------
# Phone-sized screen
# --------------------------------------------------------------------------------------------

def test_results_on_a_phone(browser, site, pages):
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True})
    try:
        pages.load(browser, site.url("/search", q="youth"))
        pages.markers(browser)
        size = browser.execute_script(
            "return {inner: window.innerWidth, scroll: document.documentElement.scrollWidth};")
        assert size["inner"] == 390, size
        assert size["scroll"] <= size["inner"], f"the results page scrolls sideways on a 390 px phone: {size}"
        assert browser.find_element(By.ID, "q").is_displayed() and browser.find_element(By.ID, "results").is_displayed()
        pages.shot(browser, "results-phone")
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_service_pages_with_long_addresses_fit_a_phone(browser, site, pages):
    """The service pages with the longest email and web addresses do not scroll sideways at 390 px
    (they did by 40-75 px: an address is one long word)."""
    everything = site.api("/services", per_page=1000)["contents"]
    longest = sorted(everything, key=lambda s: max(len(s.get("email") or ""), len(s.get("url") or "")), reverse=True)[:5]
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True})
    try:
        for s in longest:
            pages.load(browser, site.url(f"/services/{s['id']}"))
            width = browser.execute_script("return document.documentElement.scrollWidth")
            assert width <= 390, f"{s['name']} ({s.get('email')}, {s.get('url')}) is {width} px wide on a 390 px phone"
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_back_to_results_keeps_the_search_after_adding_to_the_list(browser, nojs_browser, site, pages):
    """After "Add to my list" on a service page, "Back to results" still goes to the search the
    visitor came from; adding from the results comes back to the same card."""
    for driver in (browser, nojs_browser):
        pages.load(driver, site.url("/search", q="youth"))
        pages.click_and_wait_for_new_page(driver, driver.find_elements(By.CSS_SELECTOR, "li.result h3 a")[0])
        pages.click_and_wait_for_new_page(driver, driver.find_element(By.CSS_SELECTOR, "form.list-form button"))
        back = driver.find_element(By.PARTIAL_LINK_TEXT, "Back to results").get_attribute("href")
        assert query_of(back).get("q") == ["youth"], f"Back to results after adding goes to {back}"
        pages.load(driver, site.url("/search", q="youth"))
        cards = driver.find_elements(By.CSS_SELECTOR, "li.result")
        card = cards[min(6, len(cards) - 1)]
        card_id = card.get_attribute("data-id")
        button = card.find_element(By.CSS_SELECTOR, "form.list-form button")
        driver.execute_script("arguments[0].scrollIntoView()", button)
        pages.click_and_wait_for_new_page(driver, button)
        assert driver.execute_script("return window.scrollY") > 300, "adding from the results went back to the top"
        assert driver.find_element(By.CSS_SELECTOR, f"li.result[data-id='{card_id}']").is_displayed()
        driver.delete_cookie("waymark_list")  # the list lives in a cookie; leave it as found


# --------------------------------------------------------------------------------------------
# Instant results (JavaScript enhancement)
# --------------------------------------------------------------------------------------------

def test_results_update_while_typing(browser, site, pages):
    from selenium.webdriver.support.ui import WebDriverWait

    pages.load(browser, site.url("/search", q="youth"))
    before = pages.count(browser)
    box = browser.find_element(By.ID, "q")
    box.clear()
    box.send_keys("garden")  # no Enter: the page updates itself
    WebDriverWait(browser, 10).until(lambda d: query_of(d.current_url).get("q") == ["garden"])
    WebDriverWait(browser, 10).until(lambda d: pages.count(d) != before)
    names = [r["name"] + " " + r["summary"] for r in result_texts(browser)]
    assert names and any("garden" in n.lower() for n in names[:5]), f"typing 'garden' did not bring garden services: {names[:5]}"
    assert urllib.parse.urlsplit(browser.current_url).path == "/search"
