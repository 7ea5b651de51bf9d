"""Security of the public website in a real browser.

A separate node imports a hostile HSDS file in which every text field carries script-injection
payloads and every link field a `javascript:` (or similar) address. Each page that shows that
data must show the payloads as text and never run them. Request parameters reflected into pages
get the same treatment. Also: security headers and open redirects through `back=`.
"""

from __future__ import annotations

import json
import re
import urllib.parse
import uuid

import pytest
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select
from conftest import sign_in_as_admin

SCRIPT = "<script>window.__xss=1</script>"
IMG = '"><img src=x onerror="window.__xss=1">'
ATTR = "' onmouseover='window.__xss=1"
SVG = "</textarea></title><svg onload=window.__xss=1>"
PAYLOADS = [SCRIPT, IMG, ATTR, SVG]

# Ballymun
LAT, LON = 53.39, -6.26

# Link fields: javascript: and friends, with case, whitespace and quote tricks.
BAD_URLS = [
    "javascript:window.__xss=1",
    " JavaScript:window.__xss=1",
    "data:text/html,<script>window.__xss=1</script>",
    'https://example.org/"><script>window.__xss=1</script>',
    "vbscript:msgbox(1)",
]
BAD_EMAILS = ["javascript:alert(1)", 'x"><img src=x onerror="window.__xss=1">@example.org', "javascript:alert(1)//@example.org"]
BAD_PHONES = ["javascript:window.__xss=1", '01 555 0100" onmouseover="window.__xss=1', "javascript:alert(1)"]


def hostile(label: str, i: int = 0) -> str:
    """'hostile <label> ' followed by every payload (rotated, so each one also comes first)."""
    rotated = PAYLOADS[i % len(PAYLOADS):] + PAYLOADS[:i % len(PAYLOADS)]
    return f"hostile {label} " + " ".join(rotated)


def uid() -> str:
    return str(uuid.uuid4())


def hostile_services(count: int = 3) -> list[dict]:
    services = []
    for i in range(count):
        oid, lid, sid, tid = uid(), uid(), uid(), uid()
        organization = {
            "id": oid,
            "name": hostile(f"organisation {i}", i),
            "alternate_name": hostile("org alternate name", i),
            "description": hostile("organisation description", i),
            "email": BAD_EMAILS[i % len(BAD_EMAILS)],
            "website": BAD_URLS[i % len(BAD_URLS)],
            "legal_status": hostile("legal status", i),
            "phones": [{"id": uid(), "organization_id": oid, "number": BAD_PHONES[i % len(BAD_PHONES)], "type": "voice"}],
        }
        location = {
            "id": lid,
            "location_type": "physical",
            "organization_id": oid,
            "name": hostile("location", i),
            "description": hostile("location description", i),
            "transportation": hostile("transportation", i),
            "url": BAD_URLS[(i + 1) % len(BAD_URLS)],
            "latitude": LAT + 0.002 * i,
            "longitude": LON - 0.002 * i,
            "addresses": [{
                "id": uid(), "location_id": lid, "attention": hostile("attention", i),
                "address_1": hostile("address one", i), "address_2": hostile("address two", i),
                "city": hostile("city", i), "region": hostile("region", i), "state_province": hostile("county", i),
                "postal_code": "D11", "country": "IE", "address_type": "physical",
            }],
            "accessibility": [{"id": uid(), "location_id": lid, "description": hostile("accessibility", i),
                               "details": hostile("accessibility details", i), "url": BAD_URLS[(i + 2) % len(BAD_URLS)]}],
        }
        service = {
            "id": sid,
            "organization_id": oid,
            "name": hostile(f"service {i}", i),
            "alternate_name": hostile("alternate name", i),
            "description": hostile("description", i),
            "url": BAD_URLS[(i + 3) % len(BAD_URLS)],
            "email": BAD_EMAILS[(i + 1) % len(BAD_EMAILS)],
            "status": "active",
            "interpretation_services": hostile("interpretation", i),
            "application_process": hostile("how to apply", i),
            "fees_description": hostile("fees", i),
            "eligibility_description": hostile("eligibility", i),
            "alert": hostile("alert", i),
            "minimum_age": 10,
            "maximum_age": 99,
            "phones": [{"id": uid(), "service_id": sid, "number": BAD_PHONES[(i + 1) % len(BAD_PHONES)], "type": "voice",
                        "description": hostile("phone description", i)}],
            "contacts": [{"id": uid(), "service_id": sid, "name": hostile("contact name", i), "title": hostile("contact title", i),
                          "email": BAD_EMAILS[(i + 2) % len(BAD_EMAILS)],
                          "phones": [{"id": uid(), "number": BAD_PHONES[(i + 2) % len(BAD_PHONES)]}]}],
            "schedules": [{"id": uid(), "service_id": sid, "freq": "WEEKLY", "byday": "MO,TU,WE,TH,FR,SA,SU",
                           "opens_at": "00:00", "closes_at": "23:59", "description": hostile("schedule", i)}],
            "languages": [{"id": uid(), "service_id": sid, "name": hostile("language", i), "code": "xx"}],
            "service_areas": [{"id": uid(), "service_id": sid, "name": hostile("area", i), "description": hostile("area description", i)}],
            "required_documents": [{"id": uid(), "service_id": sid, "document": hostile("document", i), "uri": BAD_URLS[i % len(BAD_URLS)]}],
            "funding": [{"id": uid(), "service_id": sid, "source": hostile("funding", i)}],
            "cost_options": [{"id": uid(), "service_id": sid, "option": hostile("cost", i), "currency": "EUR", "amount": 2,
                              "amount_description": hostile("amount", i)}],
            "service_at_locations": [{"id": uid(), "service_id": sid, "location_id": lid, "description": hostile("at location", i),
                                      "location": location}],
            "attributes": [{"id": uid(), "link_id": sid, "taxonomy_term_id": tid, "link_type": "category", "link_entity": "service",
                            "taxonomy_term": {"id": tid, "code": f"hostile-{i}", "name": hostile("category", i),
                                              "description": hostile("category description", i)}}],
            "organization": organization,
        }
        services.append(service)
    return services


# --------------------------------------------------------------------------------------------
# Fixtures
# --------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def hostile_data(tmp_path_factory) -> tuple[list[dict], object]:
    services = hostile_services()
    path = tmp_path_factory.mktemp("hostile") / "hostile-services.json"
    path.write_text(json.dumps(services, ensure_ascii=False, indent=1), encoding="utf-8")
    return services, path


@pytest.fixture(scope="module")
def hsite(node_factory, serve_node, hostile_data):
    services, path = hostile_data
    # With the file's ids, so that the checks below can name the hostile rows as written.
    data = node_factory("hostile", path, keep_ids=True)
    with serve_node(data) as s:
        yield s


@pytest.fixture(scope="module")
def hostile_ids(hsite, hostile_data) -> dict:
    services, _ = hostile_data
    for s in services:
        got = hsite.api(f"/services/{s['id']}")
        assert got["status"] == "active" and got["name"] == s["name"], "the hostile service did not import as written"
    return {
        "services": [s["id"] for s in services],
        "names": [s["name"] for s in services],
        "organizations": [s["organization"]["id"] for s in services],
        "organization_names": [s["organization"]["name"] for s in services],
    }


# --------------------------------------------------------------------------------------------
# The checks
# --------------------------------------------------------------------------------------------

def assert_inert(driver, where: str, must_show: list[str] = ()) -> None:
    """Nothing injected ran or became markup; the payload text (when given) is shown as text."""
    try:
        alert = driver.switch_to.alert
        text = alert.text
        alert.accept()
        pytest.fail(f"SITE BUG: an alert ({text!r}) opened on {where} ({driver.current_url})")
    except NoAlertPresentException:
        pass
    report = driver.execute_script(
        r"""
        var out = {xss: typeof window.__xss, scripts: [], handlers: [], links: [], imgs: [], svgs: 0, frames: 0};
        document.querySelectorAll('script').forEach(function (s) {
          if ((s.textContent || '').indexOf('__xss') >= 0 || (s.src && !/^https?:\/\/(127\.0\.0\.1|localhost)[:/]/.test(s.src)))
            out.scripts.push(s.outerHTML.slice(0, 200));
        });
        document.querySelectorAll('*').forEach(function (e) {
          for (var i = 0; i < e.attributes.length; i++) {
            if (/^on/i.test(e.attributes[i].name)) out.handlers.push(e.tagName + '[' + e.attributes[i].name + ']');
          }
        });
        document.querySelectorAll('a[href], area[href]').forEach(function (a) {
          if (!/^(https?|tel|mailto):$/.test(a.protocol)) out.links.push(a.getAttribute('href'));
        });
        document.querySelectorAll('[src], [action], [formaction], [data], [srcdoc]').forEach(function (e) {
          ['src', 'action', 'formaction', 'data'].forEach(function (n) {
            var v = e.getAttribute(n);
            if (v && /^\s*(javascript|data:text|vbscript)/i.test(v)) out.links.push(e.tagName + ' ' + n + '=' + v);
          });
          if (e.hasAttribute('srcdoc')) out.links.push(e.tagName + ' srcdoc');
        });
        document.querySelectorAll('img').forEach(function (i) {
          if (!i.classList.contains('leaflet-marker-icon') && !i.classList.contains('leaflet-marker-shadow'))
            out.imgs.push(i.outerHTML.slice(0, 200));
        });
        out.svgs = document.querySelectorAll('svg:not(.leaflet-zoom-animated)').length;
        out.frames = document.querySelectorAll('iframe, object, embed').length;
        out.text = document.body.innerText;
        out.title = document.title;
        return out;
        """)
    problems = {k: report[k] for k in ("scripts", "handlers", "links", "imgs") if report[k]}
    if report["svgs"]:
        problems["svg"] = report["svgs"]
    if report["frames"]:
        problems["frames"] = report["frames"]
    assert report["xss"] == "undefined", f"SITE BUG: injected script ran on {where} ({driver.current_url}): window.__xss is set"
    assert not problems, f"SITE BUG: injected markup became live on {where} ({driver.current_url}): {problems}"
    missing = [t for t in must_show if t not in report["text"] and t not in report["title"]]
    assert not missing, (
        f"on {where} ({driver.current_url}) these texts are not shown as text (dropped or mangled rather than "
        f"escaped): {[m[:80] for m in missing]}")


def hover_everything(driver, selector: str, limit: int = 12) -> None:
    for e in driver.find_elements(By.CSS_SELECTOR, selector)[:limit]:
        if e.is_displayed():
            ActionChains(driver).move_to_element(e).perform()


def open_popups(driver, pages) -> list[str]:
    """Clicks every map marker and returns the text of each popup."""
    texts = []
    for i in range(len(pages.markers(driver))):
        marker = driver.find_elements(By.CSS_SELECTOR, "#map .leaflet-marker-icon")[i]
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", marker)
        driver.execute_script(
            "arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true, view: window}));", marker)
        popup = pages.wait(driver).until(
            lambda d: (d.find_elements(By.CSS_SELECTOR, "#map .leaflet-popup-content") or [None])[0],
            message="a marker's popup did not open")
        html = driver.execute_script(
            "var p = document.querySelector('#map .leaflet-popup-content');"
            "return {text: p.textContent, elements: Array.from(p.querySelectorAll('*')).map(function (e) { return e.tagName; })};")
        assert set(html["elements"]) <= {"A"}, f"SITE BUG: a map popup holds markup from the data: {html}"
        texts.append(html["text"])
        driver.execute_script("document.querySelector('#map .leaflet-popup-close-button') && "
                              "document.querySelector('#map .leaflet-popup-close-button').click();")
        pages.wait(driver).until(lambda d: not d.find_elements(By.CSS_SELECTOR, "#map .leaflet-popup-content"))
        assert popup is not None
    return texts


# --------------------------------------------------------------------------------------------
# Stored data on every page
# --------------------------------------------------------------------------------------------

def pages_is_uuid(value: str) -> bool:
    return re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", value) is not None


def test_hostile_import_is_stored_verbatim(hsite, hostile_data, hostile_ids):
    services, _ = hostile_data
    assert all(pages_is_uuid(i) for i in hostile_ids["services"] + hostile_ids["organizations"])
    found = hsite.api("/services", search="hostile", per_page=50)
    assert {s["id"] for s in found["contents"]} == set(hostile_ids["services"]), "the hostile services are not searchable"
    one = hsite.api(f"/services/{services[0]['id']}")
    assert one["description"] == services[0]["description"]
    assert one["organization"]["name"] == services[0]["organization"]["name"]


def test_home_is_inert(browser, hsite, hostile_ids, pages):
    pages.load(browser, hsite.url("/"))
    assert_inert(browser, "home")
    hover_everything(browser, ".tiles a")
    assert_inert(browser, "home after hovering the tiles")


def test_results_are_inert(browser, hsite, hostile_ids, pages):
    pages.load(browser, hsite.url("/"))
    box = browser.find_element(By.ID, "q")
    box.send_keys("hostile")
    pages.click_and_wait_for_new_page(browser, browser.find_element(By.CSS_SELECTOR, "form.search button[type=submit]"))
    assert sorted(pages.result_names(browser)) == sorted(hostile_ids["names"]), "the hostile services are not listed by name"
    assert_inert(browser, "results", must_show=hostile_ids["names"] + hostile_ids["organization_names"] + PAYLOADS)
    hover_everything(browser, "#results li.result *")
    assert_inert(browser, "results after hovering")

    # The map: data-points carry the names as data, markers and popups show them as text.
    points = json.loads(browser.find_element(By.ID, "map").get_attribute("data-points"))
    assert sorted(p["name"] for p in points) == sorted(hostile_ids["names"]), "data-points do not carry the names verbatim"
    bad = [p["url"] for p in points if not p["url"].startswith("/")]
    assert not bad, f"SITE BUG: map points link off-site: {bad}"
    texts = open_popups(browser, pages)
    assert sorted(texts) == sorted(hostile_ids["names"]), f"popups do not show the names as text: {texts}"
    titles = [m.get_attribute("title") for m in browser.find_elements(By.CSS_SELECTOR, "#map .leaflet-marker-icon")]
    assert sorted(titles) == sorted(hostile_ids["names"])
    assert_inert(browser, "results after opening every map popup")

    # A hostile facet value (accessibility, language, category) applied through the form.
    for name in ("access", "language", "category"):
        boxes = browser.find_elements(By.CSS_SELECTOR, f"input[name={name}]")
        if boxes:
            pages.click_and_wait_for_new_page(browser, boxes[0])
            assert browser.find_element(By.CSS_SELECTOR, f"input[name={name}]:checked"), f"{name} facet not kept"
            assert_inert(browser, f"results filtered by a hostile {name}")
            pages.click_and_wait_for_new_page(browser, browser.find_element(By.CSS_SELECTOR, f"input[name={name}]:checked"))
    pages.shot(browser, "security-results")


def test_service_pages_are_inert(browser, hsite, hostile_data, hostile_ids, pages):
    services, _ = hostile_data
    for s in services:
        pages.load(browser, hsite.url(f"/services/{s['id']}"))
        assert browser.find_element(By.TAG_NAME, "h1").text == s["name"], "the service name is not the h1, verbatim"
        assert s["name"] in browser.title, "the service name is not in the title, verbatim"
        shown = [s["name"], s["description"], s["organization"]["name"],
                 s["service_at_locations"][0]["location"]["addresses"][0]["address_1"]]
        for key in ("eligibility_description", "application_process"):
            shown.append(s[key])
        assert_inert(browser, f"service page of {s['id']}", must_show=shown)
        pages.markers(browser)
        open_popups(browser, pages)
        hover_everything(browser, "main a, main p, main h1, main li")
        assert_inert(browser, f"service page of {s['id']} after hovering and the popup")
    pages.shot(browser, "security-service")


def test_organization_pages_are_inert(browser, hsite, hostile_data, pages):
    services, _ = hostile_data
    for s in services:
        org = s["organization"]
        pages.load(browser, hsite.url(f"/organizations/{org['id']}"))
        assert browser.find_element(By.TAG_NAME, "h1").text == org["name"]
        assert_inert(browser, f"organisation page of {org['id']}", must_show=[org["name"], org["description"], s["name"]])
        hover_everything(browser, "main *")
        assert_inert(browser, f"organisation page of {org['id']} after hovering")


def test_list_is_inert(browser, hsite, hostile_ids, pages):
    pages.load(browser, hsite.url("/search", q="hostile"))
    for i in range(len(hostile_ids["services"])):
        button = browser.find_elements(By.CSS_SELECTOR, "#results > li.result .list-button")[i]
        pages.click_and_wait_for_new_page(browser, button)
    assert browser.find_element(By.ID, "mylist-count").text.strip() == str(len(hostile_ids["services"]))
    pages.click_and_wait_for_new_page(browser, browser.find_element(By.ID, "mylist-link"))
    assert sorted(pages.result_names(browser)) == sorted(hostile_ids["names"])
    assert_inert(browser, "my list", must_show=hostile_ids["names"])
    share = browser.find_element(By.ID, "share-link").get_attribute("value")
    pages.load(browser, share)
    assert_inert(browser, "the shared list", must_show=hostile_ids["names"])


def test_suggest_and_corrections_are_inert(browser, hsite, hostile_ids, pages):
    sid = hostile_ids["services"][0]
    pages.load(browser, hsite.url(f"/services/{sid}/suggest"))
    assert_inert(browser, "suggest page", must_show=[hostile_ids["names"][0]])
    message = hostile("suggestion")
    browser.find_element(By.ID, "message").send_keys(message)
    Select(browser.find_element(By.ID, "field")).select_by_value("description")
    pages.click_and_wait_for_new_page(browser, browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    assert_inert(browser, "thank-you page", must_show=[hostile_ids["names"][0]])
    sign_in_as_admin(browser, hsite, "/staff/corrections")
    assert_inert(browser, "admin corrections", must_show=[message, hostile_ids["names"][0]])

    # An over-long suggestion comes back in the form, still as text.
    pages.load(browser, hsite.url(f"/services/{sid}/suggest"))
    browser.execute_script("document.getElementById('message').removeAttribute('maxlength');")
    browser.find_element(By.ID, "message").send_keys((SCRIPT + IMG) * 60)
    pages.click_and_wait_for_new_page(browser, browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    assert_inert(browser, "suggest page refusing a long suggestion")


# --------------------------------------------------------------------------------------------
# Reflected parameters
# --------------------------------------------------------------------------------------------

REFLECTED = [
    ("/search", {"q": IMG + SCRIPT + ATTR + SVG, "near": "D11"}),
    ("/search", {"q": "hostile", "near": ATTR + SVG + IMG}),
    ("/search", {"q": "hostile", "category": IMG, "age": ATTR, "language": SCRIPT, "access": IMG, "free": ATTR,
                 "open": IMG, "day": ATTR, "time": IMG, "radius": SCRIPT, "sort": IMG, "page": ATTR, "lang": IMG}),
    ("/search", {"q": "hostile", "open": "at", "day": "MO", "time": '10:30"><script>window.__xss=1</script>',
                 "lat": IMG, "lon": ATTR, "sort": "distance"}),
    ("/", {"lang": IMG + SCRIPT}),
    ("/list", {"ids": IMG + "," + SCRIPT, "lang": ATTR}),
]


@pytest.mark.parametrize("path,params", REFLECTED, ids=["search-text", "search-near", "search-filters", "open-at-time", "home-lang", "list-ids"])
def test_reflected_parameters_are_inert(path, params, browser, hsite, hostile_ids, pages):
    pages.load(browser, hsite.url(path, **params))
    assert_inert(browser, f"{path} with hostile parameters")
    if path == "/search" and params.get("near") == "D11":
        assert browser.find_element(By.ID, "q").get_attribute("value") == params["q"], "the query is not kept verbatim"
    hover_everything(browser, "main a, main input, main label")
    assert_inert(browser, f"{path} with hostile parameters, after hovering")
    cookies = {c["name"]: c["value"] for c in browser.get_cookies()}
    assert not any(("<" in v or '"' in v or "script" in v) for v in cookies.values()), \
        f"SITE BUG: hostile parameters were written into cookies: {cookies}"


# --------------------------------------------------------------------------------------------
# Headers and redirects
# --------------------------------------------------------------------------------------------

def header_pages(ids: dict) -> list[str]:
    sid, oid = ids["services"][0], ids["organizations"][0]
    return ["/", "/?lang=ga", "/search?q=hostile", f"/services/{sid}", f"/organizations/{oid}", "/list",
            f"/services/{sid}/suggest", "/staff/corrections", f"/services/{uuid.uuid4()}"]


def test_security_headers(hsite, hostile_ids):
    problems = []
    for path in header_pages(hostile_ids):
        r = hsite.get(path)
        csp = r.headers.get("Content-Security-Policy", "")
        directives = {d.strip().split(" ", 1)[0]: d.strip() for d in csp.split(";") if d.strip()}
        script_src = directives.get("script-src") or directives.get("default-src", "")
        if not csp:
            problems.append(f"{path}: no Content-Security-Policy")
        elif not script_src or "'unsafe-inline'" in script_src or "'unsafe-eval'" in script_src or " * " in f" {script_src} ":
            problems.append(f"{path}: CSP does not forbid inline/foreign scripts: {csp}")
        elif "object-src" not in directives and "'none'" not in directives.get("default-src", ""):
            problems.append(f"{path}: CSP allows plugins (no object-src): {csp}")
        if r.headers.get("X-Content-Type-Options", "").lower() != "nosniff":
            problems.append(f"{path}: X-Content-Type-Options is {r.headers.get('X-Content-Type-Options')!r}")
        if "text/html" not in r.headers.get("Content-Type", ""):
            problems.append(f"{path}: Content-Type {r.headers.get('Content-Type')!r}")
    assert not problems, "SITE BUG: pages without the security headers:\n" + "\n".join(problems)


def browser_target(location: str, base: str) -> str:
    """Where a browser goes for this Location header (WHATWG URL parsing: leading and trailing
    C0 controls and spaces are stripped, tabs and newlines removed anywhere, and `\\` is `/`)."""
    cleaned = re.sub(r"[\t\n\r]", "", location).strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f"
                                                        "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
    return urllib.parse.urljoin(base + "/", cleaned.replace("\\", "/"))


EVIL_BACKS = ["//evil.example", "https://evil.example", "http://evil.example/list", "/\\evil.example", "\\\\evil.example",
              "/\t/evil.example", "/\n/evil.example", "\t//evil.example", "https:evil.example", "//evil.example@127.0.0.1"]


@pytest.mark.parametrize("back", EVIL_BACKS, ids=[repr(b)[1:-1].replace("\\", "bs") for b in EVIL_BACKS])
def test_list_back_never_leaves_the_site(back, hsite, hostile_ids):
    sid = hostile_ids["services"][0]
    host = urllib.parse.urlsplit(hsite.base_url).netloc
    for action in ("add", "remove", "clear"):
        r = hsite.post(f"/list/{action}", data={"id": sid, "back": back}, allow_redirects=False)
        assert r.status_code in (302, 303), f"/list/{action} answered {r.status_code}"
        location = r.headers.get("Location", "")
        target = urllib.parse.urlsplit(browser_target(location, hsite.base_url))
        assert location.startswith("/") and not location.startswith("//"), \
            f"SITE BUG: POST /list/{action} back={back!r} redirects to {location!r}"
        assert target.netloc == host, (
            f"SITE BUG: open redirect: POST /list/{action} with back={back!r} answers Location: {location!r}, which a "
            f"browser follows to {target.geturl()!r} (it drops tabs/newlines from URLs); expected a path on this site")


def test_open_redirect_in_a_real_browser(browser, hsite, hostile_ids, pages, tmp_path):
    """A page elsewhere posts the add-to-list form with a crafted back=; the browser must stay on the site.
    (evil.example resolves to loopback in this browser: nothing leaves the machine.)"""
    sid = hostile_ids["services"][0]
    host = urllib.parse.urlsplit(hsite.base_url).netloc
    for back in ("//evil.example/x", "/&#9;/evil.example/x", "/&#10;/evil.example/x", "/\\evil.example/x"):
        page = tmp_path / "elsewhere.html"
        page.write_text(
            f'<!doctype html><title>elsewhere</title><form method="post" action="{hsite.base_url}/list/add">'
            f'<input name="id" value="{sid}"><input name="back" value="{back}"><button id="go">go</button></form>',
            encoding="utf-8")
        browser.get(page.as_uri())
        browser.find_element(By.ID, "go").click()
        pages.wait(browser).until(lambda d: d.current_url.startswith("http"))
        pages.wait(browser).until(lambda d: d.execute_script("return document.readyState") == "complete")
        landed = urllib.parse.urlsplit(browser.current_url)
        assert landed.netloc == host, (
            f"SITE BUG: open redirect: a form on another site posting to /list/add with back={back!r} sends the "
            f"browser to {browser.current_url}")
