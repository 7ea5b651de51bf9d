"""The node admin's sync page (/staff/sync) in a real browser: after peering with the sample node and
syncing, it shows the peer with its key fingerprint and figures, the nodes known from signed node
records, in English and Irish, without serious accessibility violations; and it is shown only to a
signed-in admin, whatever the request looks like."""
from __future__ import annotations

import re

import pytest
from selenium.webdriver.common.by import By

from conftest import describe, join, run_waymark, sign_in_as_admin


def fingerprint(data) -> str:
    info = run_waymark("info", "--data", data)
    assert info.returncode == 0, describe(info)
    m = re.search(r"fingerprint:\s+(\S+)", info.stdout)
    assert m, f"`waymark info` printed no fingerprint:\n{info.stdout}"
    return m.group(1)


@pytest.fixture(scope="module")
def peered(node_factory, serve_node, site):
    """A second node that peered with the sample node and synced once."""
    data = node_factory("sync-admin-peer")
    with serve_node(data) as peer:
        join(site.data, data, "Browser Test Org (peer)")
        synced = run_waymark("sync", "--data", data)
        assert synced.returncode == 0, describe(synced)
        yield peer


def test_sync_page_shows_the_peer_and_known_nodes(browser, pages, peered, site):
    sign_in_as_admin(browser, peered, "/staff/sync")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Sync with other nodes"
    rows = browser.find_elements(By.CSS_SELECTOR, "table.sync-peers tbody tr")
    assert len(rows) == 1, f"expected one peer row, page says:\n{browser.find_element(By.TAG_NAME, 'main').text[:1500]}"
    row = rows[0].text
    assert site.base_url in row and fingerprint(site.data) in row, row
    cells = rows[0].find_elements(By.TAG_NAME, "td")
    assert cells[2].text != "never", f"the peer has synced, so its last success is a time: {row}"
    envelopes_in = int(cells[3].text.split("/")[0])
    assert envelopes_in > 1000, f"the sample came in from the peer: {row}"
    nodes = [li.text for li in browser.find_elements(By.CSS_SELECTOR, "ul.sync-nodes li")]
    assert len(nodes) == 2 and all("Browser Test Org" in n for n in nodes), nodes


def test_sync_page_in_irish(browser, pages, peered):
    sign_in_as_admin(browser, peered, "/staff/sync", lang="ga")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Sioncronú le nóid eile"
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "ga"


def test_sync_page_has_no_serious_accessibility_violations(browser, pages, peered, axe, format_axe):
    sign_in_as_admin(browser, peered, "/staff/sync")
    serious = [v for v in axe(browser) if v.get("impact") in ("serious", "critical")]
    assert not serious, f"SITE BUG: axe found serious violations on /staff/sync:\n{format_axe(serious)}"


def test_sync_page_is_only_for_a_signed_in_admin(peered):
    """Before, a request shaped like a local reverse proxy's (Host 127.0.0.1, no forwarded headers) got in."""
    for path in ("/staff/sync", "/admin/sync"):
        for headers in ({"Host": "127.0.0.1"}, {"Host": "waymark.example.org"}, {"X-Forwarded-For": "203.0.113.9"}):
            r = peered.get(path, headers=headers, allow_redirects=True)
            assert r.url.split("?")[0].endswith("/staff/login"), f"{path} with {headers} -> {r.url} ({r.status_code})"
            assert "Sync with other nodes" not in r.text and "sync-peers" not in r.text, f"{path} with {headers} showed the sync page"
