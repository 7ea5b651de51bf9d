"""Another district: a small fictional district (Ardnagreena, on the coast) supplies its own name,
places, crisis lines, search words and categories, and nothing of Ballymun shows. Real node, real
Chromium; the district is set with the same commands an admin uses."""

from __future__ import annotations

import json
import urllib.parse
import uuid

import pytest
import requests
from selenium.webdriver.common.by import By

from conftest import describe, run_waymark


def _id(label: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "ardnagreena/" + label))


PIER = (52.2711, -9.7020)
TAXONOMY = _id("taxonomy")


def _directory() -> dict:
    org = _id("org")
    rows: dict[str, list] = {k: [] for k in ["organizations.csv", "services.csv", "locations.csv", "addresses.csv",
                                           "service_at_location.csv", "phones.csv", "schedules.csv",
                                           "taxonomies.csv", "taxonomy_terms.csv", "attributes.csv"]}
    rows["organizations.csv"].append({"id": org, "name": "Ardnagreena Harbour Hall", "description": "A community hall by the pier (fictional)."})
    rows["taxonomies.csv"].append({"id": TAXONOMY, "name": "Ardnagreena categories", "description": "Fictional.", "version": "1"})
    terms = {"social": ("Social groups", "Grúpaí sóisialta"), "sea": ("Sea and shore", "Farraige agus cladach")}
    for code, (en, ga) in terms.items():
        rows["taxonomy_terms.csv"].append({"id": _id("term/" + code), "code": code, "name": en, "description": en,
                                           "taxonomy": "Ardnagreena categories", "language": "en", "taxonomy_id": TAXONOMY})
        rows["taxonomy_terms.csv"].append({"id": _id("term/" + code + "/ga"), "code": code, "name": ga, "description": ga,
                                           "taxonomy": "Ardnagreena categories", "language": "ga", "taxonomy_id": TAXONOMY})
    services = [
        ("coffee", "Harbour Coffee Morning", "Tea, coffee and a chat every week in the hall by the pier.", "social", (52.2712, -9.7018)),
        ("rowing", "Currach Rowing Club", "Learn to row a traditional currach with the club's crews.", "sea", (52.2690, -9.7100)),
        ("shore", "Shore Clean-up Saturdays", "Collect litter along the strand with neighbours.", "sea", (52.2800, -9.6900)),
        ("noticeboard", "Harbour Noticeboard", "Notices of local events, pinned up in the hall porch.", "social", (52.2712, -9.7018)),
    ]
    for key, name, description, term, (lat, lon) in services:
        sid, lid = _id("service/" + key), _id("location/" + key)
        rows["services.csv"].append({"id": sid, "organization_id": org, "name": name, "description": description, "status": "active",
                                     "last_modified": "2026-11-01T10:00:00Z"})
        rows["locations.csv"].append({"id": lid, "organization_id": org, "name": name, "location_type": "physical",
                                      "latitude": lat, "longitude": lon})
        rows["addresses.csv"].append({"id": _id("address/" + key), "location_id": lid, "address_1": "The Quay", "city": "Ardnagreena",
                                      "postal_code": "V92", "state_province": "County Kerry", "country": "IE", "address_type": "physical"})
        rows["service_at_location.csv"].append({"id": _id("sal/" + key), "service_id": sid, "location_id": lid})
        rows["phones.csv"].append({"id": _id("phone/" + key), "service_id": sid, "number": "066 555 01" + str(len(key)).zfill(2), "type": "voice"})
        if key != "noticeboard":  # one service lists no opening hours
            rows["schedules.csv"].append({"id": _id("schedule/" + key), "service_id": sid, "freq": "WEEKLY", "byday": "MO,TU,WE,TH,FR,SA,SU",
                                          "opens_at": "00:00", "closes_at": "23:59", "wkst": "MO", "valid_from": "2026-01-01"})
        rows["attributes.csv"].append({"id": _id("attribute/" + key), "link_id": sid, "taxonomy_term_id": _id("term/" + term),
                                       "link_type": "category", "link_entity": "service"})
    return rows


DISTRICT = {
    "name": {"en": "Ardnagreena community services", "ga": "Seirbhísí pobail Ard na Gréine"},
    "place_example": {"en": "V92 or Ardnagreena Pier", "ga": "V92 nó Cé Ard na Gréine"},
    "centre": {"latitude": PIER[0], "longitude": PIER[1]},
    "postal_areas": {"V92": {"name": "Ardnagreena", "latitude": 52.2730, "longitude": -9.7000}},
    "landmarks": [{"name": "Ardnagreena Pier", "latitude": PIER[0], "longitude": PIER[1]}],
}
LINES = {
    "emergency_numbers": ["112", "999"],
    "quick_exit_url": "https://www.example.org/weather",
    "general_topics": ["talk"],
    "lines": [{"id": "nightline", "name": {"en": "Coast Night Line", "ga": "Líne Oíche an Chósta"}, "phone": "066 555 0199",
               "about": {"en": "Someone to talk to through the night (fictional).", "ga": "Duine le labhairt leis i rith na hoíche."},
               "topics": ["talk"]}],
    "topics": {"talk": ["cant cope", "cannot sleep", "crisis", "lonely tonight"]},
}
WORDS = {"synonyms": {"caife": ["coffee"], "bad": ["currach", "rowing"]}, "stop_words": ["need"], "person_words": ["mam"]}


@pytest.fixture(scope="module")
def district(node_factory, serve_node, tmp_path_factory):
    folder = tmp_path_factory.mktemp("ardnagreena")
    data_file = folder / "directory.json"
    data_file.write_text(json.dumps(_directory()))
    data = node_factory("ardnagreena", data_file)
    for command, content in (("district", DISTRICT), ("help-lines", LINES), ("search-words", WORDS)):
        path = folder / f"{command}.json"
        path.write_text(json.dumps(content, ensure_ascii=False))
        done = run_waymark(command, "--data", data, "--file", path)
        assert done.returncode == 0, describe(done)
    with serve_node(data) as site:
        yield site


def test_the_site_is_the_districts_own_and_nothing_of_ballymun_shows(browser, district, pages):
    for path, lang, title in [("/", "en", "Ardnagreena community services"), ("/", "ga", "Seirbhísí pobail Ard na Gréine")]:
        pages.load(browser, district.url(path, lang=lang))
        assert browser.find_element(By.CSS_SELECTOR, "a.brand").text == title
        assert browser.title.endswith(title), browser.title
    for path in ["/", "/search?q=coffee", "/help", "/search?q=", "/list", "/?lang=ga", "/search?near=Narnia"]:
        html = requests.get(district.url(path), timeout=10).text
        assert "Ballymun" not in html and "D11" not in html, f"{path} still names Ballymun or D11"
    pages.load(browser, district.url("/search", lang="en"))
    assert browser.find_element(By.ID, "near").get_attribute("placeholder") == "e.g. V92 or Ardnagreena Pier"
    names = {a.text for a in browser.find_elements(By.CSS_SELECTOR, "fieldset .option label")}
    assert any("Sea and shore" in n for n in names), names
    pages.load(browser, district.url("/", lang="ga"))
    tiles = [t.text for t in browser.find_elements(By.CSS_SELECTOR, ".tiles .tile-name")]
    assert sorted(tiles) == ["Farraige agus cladach", "Grúpaí sóisialta"], tiles


def test_the_districts_places_are_searched_near_and_ballymuns_are_not(browser, district, pages):
    pages.load(browser, district.url("/search", near="Ardnagreena Pier", sort="distance", lang="en"))
    names = pages.result_names(browser)
    assert names[0] in ("Harbour Coffee Morning", "Harbour Noticeboard") and names[-1] == "Shore Clean-up Saturdays", names
    assert browser.find_elements(By.CSS_SELECTOR, "#results .distance")
    pages.load(browser, district.url("/search", near="Ballymun Library", lang="en"))
    notice = browser.find_element(By.ID, "search-notice").text
    assert "We don’t know the place “Ballymun Library”" in notice and "V92 or Ardnagreena Pier" in notice, notice
    assert requests.get(district.url("/api/services", postcode="V92"), timeout=10).json()["total_items"] == 4
    refused = requests.get(district.url("/api/services", postcode="D11"), timeout=10)
    assert refused.status_code == 400 and "not a known postal area" in refused.text


def test_the_districts_crisis_lines_and_search_words_are_used(browser, district, pages):
    pages.load(browser, district.url("/search", q="I cannot sleep", lang="en"))
    lines = [li.get_attribute("id") for li in browser.find_elements(By.CSS_SELECTOR, "#crisis li.helpline")]
    assert lines == ["helpline-nightline"], lines
    assert browser.find_element(By.CSS_SELECTOR, "#crisis a.call[href='tel:0665550199']")
    pages.load(browser, district.url("/help", lang="en"))
    assert "Samaritans" not in browser.find_element(By.TAG_NAME, "main").text
    pages.load(browser, district.url("/search", q="caife", lang="ga"))
    assert pages.result_names(browser) == ["Harbour Coffee Morning"]
    pages.load(browser, district.url("/search", q="farraige", lang="en"))  # a word of a category's Irish name
    assert sorted(pages.result_names(browser)) == ["Currach Rowing Club", "Shore Clean-up Saturdays"]


def test_a_bad_district_file_changes_nothing(district, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({**DISTRICT, "postal_areas": {"V9": {"name": "x", "latitude": 1, "longitude": 1}}}))
    refused = run_waymark("district", "--data", district.data, "--file", bad)
    assert refused.returncode != 0 and "three characters" in refused.stderr and "Nothing was changed" in refused.stderr, describe(refused)
    shown = json.loads(run_waymark("district", "--data", district.data, "--show").stdout)
    assert shown["name"]["en"] == "Ardnagreena community services" and "V92" in shown["postal_areas"]


def test_a_result_without_opening_hours_shows_nothing_of_the_page_around_it(browser, district, pages):
    pages.load(browser, district.url("/search", q="noticeboard", lang="en"))
    item = browser.find_element(By.CSS_SELECTOR, "#results li.result")
    assert "Harbour Noticeboard" in item.text
    assert "[" not in item.text and "Any time" not in item.text, item.text
    assert not item.find_elements(By.CSS_SELECTOR, ".next")
