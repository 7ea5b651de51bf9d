"""The hub's round between real node processes (Protocol/SPEC.md §12).

Three organisations (each publishing a third of the sample, each with a fictional caseload), a hub
and a helper, all members. Each organisation sends its week's figures as two sealed shares with
their validity proof; the hub checks its share of each proof and sends the helper its checks; the
helper finishes them and answers the hub once with the sum of the shares that pass; the hub adds its
own shares and publishes the week on /hub, each figure with its organisations and ε. No one held an
organisation's figures: the relays and the helper cannot open the hub's shares, the hub cannot open
the helper's, a member gone bad that sends figures over the cap is left out, a forged sum or check
from a member that is neither party is ignored, and nothing is checked, answered or sent twice.
"""
from __future__ import annotations

import datetime
import os
import re
import time

import nacl.bindings
import nacl.public

import pytest
import requests

import waymark_wire as wire
from conftest import SAMPLE_SERVICES, describe
from test_federation import CONVERGE, new_node, wait_until


@pytest.fixture(scope="module")
def district(make_node):
    a, b, c = (new_node(make_node, f"hub-{x}", f"Hub Org {x.upper()}") for x in "abc")
    hub = new_node(make_node, "hub-hub", "District Hub")
    helper = new_node(make_node, "hub-helper", "District Helper")
    for k, n in enumerate((a, b, c), start=1):
        n.cli_ok("import", "--sample", "--sample-part", f"{k}/3")
    nodes = (a, b, c, hub, helper)
    for n in nodes:
        n.start()
    try:
        # The founder vouches for the hub and the helper with their roles: every node names the same
        # two from the vouches, and no organisation has to choose (§12.5).
        a.found()
        for n in (b, c):
            a.admit(n)
        a.cli_ok("member", "add", hub.url, "--fingerprint", hub.fingerprint, "--role", "hub")
        a.cli_ok("member", "add", helper.url, "--fingerprint", helper.fingerprint, "--role", "helper")
        for n in (b, c, hub, helper):
            n.cli_ok("peer", "add", a.invite())
        wait_until("every node holds the whole directory and knows every node", lambda: all(
            n.total() == SAMPLE_SERVICES and n.sql("SELECT count(*) FROM known_node")[0][0] == 5 for n in nodes), CONVERGE, nodes)
        # A member cannot send figures elsewhere than the founders' parties.
        swapped = b.cli("hub", "use", "--hub", helper.fingerprint, "--helper", hub.fingerprint)
        assert swapped.returncode != 0 and "founders named the hub" in swapped.stderr, describe(swapped)
        yield a, b, c, hub, helper
    finally:
        for n in nodes:
            n.stop()


def shares(node) -> int:
    return node.sql("SELECT count(*) FROM envelope WHERE kind = 25")[0][0]


P = 2**64 - 2**32 + 1


def sealed(signer, kind: int, scope: str, plaintext: bytes, encryption_key: bytes) -> tuple[bytes, list[tuple[bytes, bytes]]]:
    """A private envelope's payload and recipient as SPEC §8.2 has them, for one recipient."""
    key, nonce = os.urandom(32), os.urandom(24)
    ad = b"waymark/private/v1\x00" + kind.to_bytes(2, "big") + signer.author + scope.encode()
    payload = nonce + nacl.bindings.crypto_aead_xchacha20poly1305_ietf_encrypt(plaintext, ad, nonce, key)
    return payload, [(wire.blake2b(encryption_key)[:8], nacl.public.SealedBox(nacl.public.PublicKey(encryption_key)).encrypt(key))]


def lying_shares(node, week: str) -> tuple[bytes, bytes]:
    """Shares (SPEC §12.2, §12.5) of figures no honest count gives: 5,000 in the first cell, over the
    cap of 4,095, with a proof of random elements. The layout is the district's, from `hub layout`."""
    text = node.cli_ok("hub", "layout").stdout.rstrip("\n")
    cells = len(text.split("\n")) - 1
    layout_hash = wire.blake2b(b"waymark/stats/v2\n" + text.encode())
    chunk = max(1, (cells + 62) // 63)
    calls = -(-cells // chunk)
    points = 1
    while points < calls + 1:
        points *= 2
    proof_length = 5 * chunk + 17 * (points - 1) + 1
    x = 5000
    elements = [x % 16, x // 16 % 16, x // 256, 1, x ** 4 % P] + [0] * (5 * (cells - 1))
    elements += [int.from_bytes(os.urandom(8), "little") % P for _ in range(proof_length)]
    to_hub = layout_hash + b"\x00" + os.urandom(64) + b"".join(e.to_bytes(8, "little") for e in elements)
    to_helper = layout_hash + b"\x01" + os.urandom(128)
    return to_hub, to_helper


def csv_cells(url: str, week: str) -> str:
    """The cells (labels) the hub published for a week, from its CSV, one a line."""
    return "\n".join(line.split(",")[2] for line in requests.get(url + f"/hub.csv?period={week}", timeout=10).text.strip().split("\n")[1:])


def test_three_organisations_a_hub_and_a_helper(district) -> None:
    a, b, c, hub, helper = district
    nodes = (a, b, c, hub, helper)
    week = time.strftime("%G-W%V", time.gmtime())
    for k, org in enumerate((a, b, c), start=1):
        org.cli_ok("sample-caseload", "--clients", "300", "--seed", str(k))

    def received(org) -> bool:
        return "\noutcomes/" in org.cli_ok("hub", "figures", "--week", week).stdout
    wait_until("the sample referrals reach the organisations they were sent to", lambda: all(received(o) for o in (a, b, c)), CONVERGE, nodes)
    # Each organisation answers the referrals it received, as its staff would: the receiver's
    # outcomes and response times are then among its figures.
    for k, org in enumerate((a, b, c), start=1):
        answered = org.cli_ok("sample-caseload", "--answer-received", "--seed", str(k)).stdout
        assert "accepted" in answered and "rejected" in answered and "completed" in answered, answered
        figures = org.cli_ok("hub", "figures", "--week", week).stdout
        assert re.search(r"\nresponse/[^/\n]+/0-1d\t[1-9]", figures), figures
        # And days to close: the ones completed or declined the same day, the rest still open.
        assert re.search(r"\nresponse/[^/\n]+/close/0-5d\t[1-9]", figures) and re.search(r"\nresponse/[^/\n]+/close/open\t[1-9]", figures), figures
        # The sample clients' goals: a reading weeks ago and one today, so the change counts this week.
        assert re.search(r"\nprogress/[^/\n]+/(worse|same|up-1|up-2\+)\t[1-9]", figures), figures
    for k, org in enumerate((a, b, c), start=1):
        sent = org.cli_ok("hub", "send", "--week", week).stdout
        assert f"Sent the figures for {week}" in sent
        again = org.cli("hub", "send", "--week", week)
        assert again.returncode != 0 and "already sent its figures" in again.stderr, "a node sent its figures twice"
    # Too early: the helper has not answered.
    early = hub.cli("hub", "release", "--week", week)
    assert early.returncode != 0 and "no sum from the helper" in early.stderr
    wait_until("the helper and the hub hold every share", lambda: shares(helper) == 6 and shares(hub) == 6, CONVERGE, nodes)

    # A member gone bad sends figures over the cap, sealed to the hub and the helper like any
    # organisation's; and a member that is not the helper sends the hub a forged sum: it is ignored.
    bad = wire.Signer()
    a.cli_ok("member", "add", "--key", bad.public.hex(), "--fingerprint", bad.fingerprint, "--name", "Hub Bad Member")
    wait_until("the hub and the helper hold the vouch", lambda: all(
        "Hub Bad Member" in n.cli_ok("member", "list").stdout for n in (hub, helper)), CONVERGE, nodes)
    hub_enc = hub.sql("SELECT encryption_key FROM known_node WHERE organization_name = 'District Hub'")[0][0]
    helper_enc = helper.sql("SELECT encryption_key FROM known_node WHERE organization_name = 'District Helper'")[0][0]
    scope = f"stats:{week}"
    now = int(time.time() * 1000)
    to_hub, to_helper = lying_shares(a, week)
    lies = []
    for k, (plain, enc) in enumerate(((to_hub, hub_enc), (to_helper, helper_enc))):
        payload, recipients = sealed(bad, 25, scope, plain, enc)
        lies.append(bad.envelope(25, payload, clock=wire.hlc(now, k), scope=scope, recipients=recipients)[0])
    forged_sum, _ = bad.envelope(26, b"\x00" * 400, clock=wire.hlc(now, 2), scope=scope, recipients=[(wire.blake2b(hub_enc)[:8], b"\x01" * 80)])
    forged_check, _ = bad.envelope(34, b"\x00" * 400, clock=wire.hlc(now, 3), scope=scope, recipients=[(wire.blake2b(helper_enc)[:8], b"\x01" * 80)])
    for target in (hub, helper):
        report = bad.post(target.url, "/sync/v1/push", wire.frames(*lies, forged_sum, forged_check)).json()
        assert report["accepted"] == 4, report
    wait_until("the helper and the hub hold every share", lambda: shares(helper) == 8 and shares(hub) == 8, CONVERGE, nodes)

    # The helper cannot answer before the hub's checks; the hub sends them once.
    early = helper.cli("hub", "answer", "--week", week)
    assert early.returncode != 0 and "no check from the hub" in early.stderr, describe(early)
    checked = hub.cli_ok("hub", "check", "--week", week).stdout
    assert "checks of 4 organisations' figures" in checked, checked
    again = hub.cli("hub", "check", "--week", week)
    assert again.returncode != 0 and "already sent the helper its checks" in again.stderr
    wait_until("the helper holds the hub's checks", lambda: helper.sql(
        "SELECT count(*) FROM envelope e JOIN known_node k ON k.author = e.author WHERE e.kind = 34 AND k.organization_name = 'District Hub'")[0][0] == 1,
        CONVERGE, nodes)

    answered = helper.cli_ok("hub", "answer", "--week", week).stdout
    assert "counts of organisations in each cell over 3 organisations' shares" in answered and f"Left out 1, whose figures failed the check: {bad.fingerprint}" in answered, answered
    assert helper.sql("SELECT count(*) FROM audit_log WHERE action = 'statistics-refused' AND subject = ?", bad.fingerprint)[0][0] == 1
    twice = helper.cli("hub", "answer", "--week", week)
    assert twice.returncode != 0 and "already answered" in twice.stderr
    wait_until("the hub holds the helper's sum", lambda: hub.sql(
        "SELECT count(*) FROM envelope e JOIN known_node k ON k.author = e.author WHERE e.kind = 26 AND k.organization_name = 'District Helper'")[0][0] == 1,
        CONVERGE, nodes)
    # The helper cannot release: the sum and the hub's shares are sealed to the hub.
    wrong = helper.cli("hub", "release", "--week", week)
    assert wrong.returncode != 0
    # A split of ε that names no family, or no positive ε, is refused in words before anything is spent.
    for given, said in (("wishes=0.5", "there is no family wishes"), ("needs=-1", "ε must be a positive number")):
        refused = hub.cli("hub", "release", "--week", week, "--epsilon", given)
        assert refused.returncode != 0 and said in refused.stderr + refused.stdout, refused.stderr
    # The hub asks the helper to open the cells from 3 organisations or more (SPEC §12.3): the
    # helper adds the hub's share of each cell's count of organisations to its own and opens those
    # cells only, once; the hub never learns the count of a cell fewer organisations counted in.
    asked = hub.cli_ok("hub", "release", "--week", week).stdout
    assert re.search(r"Asked the helper to open \d+ of \d+ cells", asked), asked
    wait_until("the helper holds the hub's request to open", lambda: helper.sql(
        "SELECT count(*) FROM envelope e JOIN known_node k ON k.author = e.author WHERE e.kind = 35 AND k.organization_name = 'District Hub'")[0][0] == 1,
        CONVERGE, nodes)
    opened = helper.cli_ok("hub", "answer", "--week", week).stdout
    assert re.search(r"Opened \d+ of \d+ cells", opened), opened
    assert helper.sql("SELECT count(*) FROM audit_log WHERE action = 'statistics-opened'")[0][0] == 1
    again = helper.cli("hub", "answer", "--week", week)
    assert again.returncode != 0, describe(again)
    wait_until("the hub holds the opened cells", lambda: hub.sql(
        "SELECT count(*) FROM envelope e JOIN known_node k ON k.author = e.author WHERE e.kind = 36 AND k.organization_name = 'District Helper'")[0][0] == 1,
        CONVERGE, nodes)
    released = hub.cli_ok("hub", "release", "--week", week).stdout
    assert f"Released {week}:" in released
    # The default split: needs 0.8, the other families 0.25 each (SPEC §12.4).
    assert "ε spent: needs 0.80, outcomes 0.25, progress 0.25, referrals 0.25, response 0.25; a week 1.80; a quarter's releases at most 4.80 for one person." in released, released
    # Health needs are sensitive by default: shown only from 10 people (SPEC §12.4).
    assert "Figures shown only from 10 people in: Health & wellbeing; from 5 elsewhere." in released, released

    page = requests.get(hub.url + "/hub", timeout=10).text
    assert "from 3 organisations" in page and re.search(r"Privacy cost of this week(?:'|&#39;|&#x27;)s figures: ε (0\.\d\d|1\.\d\d) of the week(?:'|&#39;|&#x27;)s budget of 1\.80", page), page[-3000:]
    assert "Needs recorded" in page and re.search(r"<td data-label=\"Organisations\">3</td>", page), "no published figure with its organisations"
    # A contents list leads to each part; with one week released the trend says when it will appear.
    contents = page.split('<nav aria-labelledby="hub-contents-heading" id="hub-contents">')[1].split("</nav>")[0]
    assert all(f'href="#{a}"' in contents for a in ("sec-needs", "sec-gaps", "sec-trend", "sec-figures")), contents
    assert all(f'id="{a}"' in page for a in ("sec-needs", "sec-gaps", "sec-trend", "sec-figures"))
    assert 'id="hub-trend-later"' in page
    # A week that was never released is said so, and the latest is shown.
    unknown = requests.get(hub.url + "/hub", params={"period": "2020-W01"}, timeout=10).text
    assert 'id="hub-unknown-period"' in unknown and "No figures were released for 2020-W01" in unknown, unknown[:3000]
    # Each figure with its margin: needs get discrete Laplace at ε 0.8 and 3 cells a client (scale
    # 3.75), within ± 9 nine times in ten.
    assert '<td data-label="Give or take">± 9</td>' in page and 'id="hub-margin-intro"' in page, page[-3000:]
    # Charts drawn on the server, each with its table: needs by category, and the flows of the
    # referrals the fictional caseloads made between the organisations.
    assert '<figure id="needs-chart" class="chart-scroll" tabindex="0"><svg class="chart bars"' in page and 'role="img"' in page
    # Each person counts in at most 4 weeks of a quarter in each family, their needs once: 0.8 + 4 × 4 × 0.25.
    assert re.search(r'<p id="hub-person-bound">Each person is counted in each kind of figure in at most 4 weeks of a quarter.*at most ε 4\.80\.</p>', page), page[:3000]
    assert '<p id="hub-shared-people">A person registered at two organisations that referred them' in page, page[:3000]
    # Needs by area: the sample caseloads record most clients in Dublin 11 (routing key D11).
    areas = page.split('<table class="hub audit" id="areas">')[1].split("</table>")[0]
    # Against the sample directory's services with a Dublin 11 address, people per service.
    assert re.search(r'<th scope="row">D11 · Dublin 11</th><td[^>]*>\d+</td><td[^>]*>[1-9]\d*</td><td[^>]*>\d+\.\d</td>', areas), areas
    assert "/D11/" in csv_cells(hub.url, week), "no needs figure for an area"
    # Each referral flow and outcome here comes from one organisation (each node is its own kind of
    # organisation), so the rules withhold them all: no flows chart, and the page says why.
    assert '<figure id="flows-chart"' not in page and "fewer than 3 organisations: " in page
    assert "<script" not in page.split('<figure id="needs-chart"')[1].split("</figure>")[0]
    # Progress on the staged scales: drawn for each area whose four changes are all published.
    progress = {}
    for line in csv_cells(hub.url, week).split("\n"):
        if line.count("/") == 1 and line.split("/")[1] in ("worse", "same", "up-1", "up-2+"):
            progress.setdefault(line.split("/")[0], set()).add(line.split("/")[1])
    complete = sorted(area for area, changes in progress.items() if len(changes) == 4)
    if complete:
        chart = page.split('<figure id="progress-chart" class="chart-scroll" tabindex="0">')[1].split("</figure>")[0]
        assert all(f">{area}<" in chart for area in complete) and '<table class="hub audit" id="progress">' in page, (complete, chart[:500])
    else:
        assert '<figure id="progress-chart"' not in page
    csv = requests.get(hub.url + f"/hub.csv?period={week}", timeout=10)
    assert csv.status_code == 200 and csv.text.startswith("period,family,cell,value,organisations,epsilon,margin90,what\n") and csv.text.count("\n") > 2
    assert all(int(line.split(",")[4]) >= 3 for line in csv.text.strip().split("\n")[1:]), "a published figure from fewer than 3 organisations"
    assert any(line.startswith(f"{week},needs,") and ",0.8,9," in line for line in csv.text.strip().split("\n")), csv.text[:800]
    # Each row says in words what it counts: the category's name, the area, the age band.
    assert re.search(r"\n[^\n]*,needs,[^\n]*,0\.8,9,[^,\n]+ · [^,\n]+ · [^,\n]+", csv.text), csv.text[:800]
    assert "Figiúirí an cheantair" in requests.get(hub.url + "/hub", params={"lang": "ga"}, timeout=10).text
    assert '<table class="hub audit" id="gaps">' in page and "People per service" in page, "no gaps table"
    # Beside the services, the hours they are open that week, from their published schedules.
    gaps = page.split('<table class="hub audit" id="gaps">')[1].split("</table>")[0]
    assert re.search(r'<td data-label="Hours open that week \(all its services\)">[1-9]\d*</td>', gaps), gaps[:1500]
    # Each total with its margin: the noise of the figures it adds up.
    assert re.search(r'<td data-label="People with the need">\d+ <span class="margin">\(± [1-9]\d*\)</span></td>', gaps), gaps[:1500]

    # A second week, released from a budget of its own (a budget per quarter used to be spent in the
    # quarter's first week): nothing withheld for the budget; the page now draws needs week by week.
    y, w, _ = (datetime.date.today() - datetime.timedelta(days=7)).isocalendar()
    prev = f"{y}-W{w:02d}"
    for org in (a, b, c):
        org.cli_ok("hub", "send", "--week", prev)
    wait_until("the shares of the second week arrive", lambda: shares(helper) == 14 and shares(hub) == 14, CONVERGE, nodes)
    hub.cli_ok("hub", "check", "--week", prev)
    wait_until("the helper can answer for the second week", lambda: helper.cli("hub", "answer", "--week", prev).returncode == 0, CONVERGE, nodes)
    wait_until("the hub can ask the helper to open the second week", lambda: hub.cli("hub", "release", "--week", prev).returncode == 0, CONVERGE, nodes)
    wait_until("the helper can open the second week", lambda: helper.cli("hub", "answer", "--week", prev).returncode == 0, CONVERGE, nodes)
    wait_until("the hub can release the second week", lambda: "Released" in hub.cli("hub", "release", "--week", prev).stdout, CONVERGE, nodes)
    second = requests.get(hub.url + "/hub", params={"period": prev}, timeout=10).text
    assert "privacy budget spent: " not in second, second[-3000:]
    if prev[:4] == week[:4] and (int(prev[6:]) - 1) // 13 == (int(week[6:]) - 1) // 13:
        spent = [float(x) for x in re.findall(r"this quarter(?:'|&#39;|&#x27;)s figures so far: ε (\d+\.\d\d)", second)]
        assert spent and spent[0] > 1.8, "the quarter's total does not add up both weeks"
    page = requests.get(hub.url + "/hub", timeout=10).text
    assert '<figure id="trend-chart" class="chart-scroll" tabindex="0"><svg class="chart lines"' in page and f"<th scope=\"col\">{prev}</th>" in page
    assert 'id="hub-trend-later"' not in page

    # Other nodes have nothing to show, and say so.
    assert "has not published any figures on this site yet" in requests.get(a.url + "/hub", timeout=10).text
    # What the hub keeps is the noised totals of cells from 3 organisations or more: a withheld
    # cell keeps no value, and no kept value comes from fewer than 3 organisations. The helper keeps
    # no release at all.
    assert hub.sql("SELECT count(*) FROM hub_release WHERE value IS NOT NULL AND (organisations < 3 OR withheld IS NOT NULL)")[0][0] == 0
    assert hub.sql("SELECT count(*) FROM hub_release WHERE value IS NULL")[0][0] > 0
    assert helper.sql("SELECT count(*) FROM hub_release")[0][0] == 0
    # No organisation's own figures are among them.
    for org in (a, b, c):
        own = {line.split("\t")[0]: int(line.split("\t")[1]) for line in org.cli_ok("hub", "figures", "--week", week).stdout.splitlines()[1:]}
        kept = {r[0]: r[1] for r in hub.sql("SELECT cell, value FROM hub_release WHERE value IS NOT NULL")}
        assert kept and any(kept.get(cell) != value for cell, value in own.items()), f"the hub holds {org.label}'s figures"

    # The hub's planner signs in and gets the planners' view, and nothing else of the staff area.
    hub.add_staff("planner", "Pádraigín Planner", "planner", "a planner's long password")
    planner = hub.staff_session("planner", "a planner's long password")
    home = planner.get(hub.url + "/staff", allow_redirects=False, timeout=10)
    assert home.status_code == 303 and home.headers["Location"].startswith("/staff/hub"), home.headers
    view = planner.get(hub.url + "/staff/hub", timeout=10).text
    assert f'href="/hub?period={week}' in view and f'href="/hub?period={prev}' in view, view[-3000:]
    assert 'id="quarters"' in view and re.search(r"Q\d: ε \d+\.\d\d", view), view[-2000:]
    assert f"This week&#39;s round: {week}" in view or f"This week's round: {week}" in view
    assert re.search(r'<dd id="round-senders">4: ', view) and '<dd id="round-helper">arrived</dd>' in view, view[-3000:]
    assert '<dd id="round-check">sent</dd>' in view and '<dd id="round-opened">opened</dd>' in view, view[-3000:]
    # The week's row names the member whose figures failed the check.
    assert f"left out, their figures failed the check: {bad.fingerprint}" in view, view[-3000:]
    assert 'id="hub-link" aria-current="page"' in view and "/staff/clients" not in view, "a planner's menu offers more than the figures"
    csv_all = planner.get(hub.url + "/staff/hub.csv", timeout=10)
    assert csv_all.status_code == 200 and csv_all.text.startswith("period,family,cell,value,organisations,epsilon,margin90,what\n")
    assert f"\n{week}," in csv_all.text, csv_all.text[:500]
    for path in ("/staff/clients", "/staff/referrals", "/staff/users", "/staff/audit"):
        assert planner.get(hub.url + path, allow_redirects=False, timeout=10).status_code == 403, path
    assert "Figiúirí an cheantair" in planner.get(hub.url + "/staff/hub", params={"lang": "ga"}, timeout=10).text
    # A caseworker is not a planner.
    hub.add_staff("hubworker", "Hub Caseworker", "caseworker", "a caseworker's long password")
    worker = hub.staff_session("hubworker", "a caseworker's long password")
    assert worker.get(hub.url + "/staff/hub", allow_redirects=False, timeout=10).status_code == 403


def test_the_hub_page_in_a_browser(district) -> None:
    """The published week as a planner or a resident meets it, in headless Chromium: on a phone
    (390 px) and a desktop, in English and Irish, with JavaScript and without. The charts are drawn
    on the server (SVG, there without JavaScript), each with its table; nothing scrolls sideways on
    a phone; axe finds nothing serious."""
    import importlib.util
    import pathlib

    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    hub = district[3]
    assert "has not published any figures" not in requests.get(hub.url + "/hub", timeout=10).text, "the round above published no week"
    spec = next(s for s in (importlib.util.find_spec(m) for m in ("axe_selenium_python", "selenium_axe_python")) if s)
    root = pathlib.Path(list(spec.submodule_search_locations)[0])
    axe = next(p for p in (root / "node_modules/axe-core/axe.min.js", root / "axe-core/axe.min.js") if p.exists()).read_text(encoding="utf-8")

    def browser(width: int, js: bool):
        options = webdriver.ChromeOptions()
        if pathlib.Path("/usr/bin/chromium").exists():
            options.binary_location = "/usr/bin/chromium"
        for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", f"--window-size={width},900"):
            options.add_argument(a)
        if not js:
            options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
        return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)

    for width in (390, 1280):
        for js in (True, False):
            driver = browser(width, js)
            try:
                for lang, title, shared in (("en", "District figures", "A person registered at two organisations"),
                                            ("ga", "Figiúirí an cheantair", "Duine atá cláraithe ag dhá eagraíocht")):
                    driver.get(f"{hub.url}/hub?lang={lang}")
                    where = f"{width} px, {'with' if js else 'without'} JavaScript, {lang}"
                    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == lang, where
                    assert driver.find_element(By.TAG_NAME, "h1").text == title, where
                    assert driver.find_element(By.ID, "hub-shared-people").text.startswith(shared), where
                    chart = driver.find_element(By.CSS_SELECTOR, "#needs-chart svg")
                    assert chart.get_attribute("role") == "img" and chart.size["width"] > 0, where
                    # The bars fit the screen whole, their labels readable (10 px or more).
                    frame = driver.find_element(By.ID, "needs-chart")
                    assert driver.execute_script("return arguments[0].scrollWidth <= arguments[0].clientWidth", frame), where
                    label = driver.execute_script("return arguments[0].querySelector('text').getBoundingClientRect().height", chart)
                    assert label >= 10, f"chart labels {label:.1f} px high ({where})"
                    assert driver.find_elements(By.CSS_SELECTOR, "table#areas tr"), where
                    overflow = driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
                    assert overflow <= 0, f"the page scrolls sideways by {overflow} px ({where})"
                    if js:
                        driver.execute_script(axe)
                        found = driver.execute_async_script(
                            "var done = arguments[arguments.length - 1];"
                            "axe.run(document, {resultTypes: ['violations']}).then(function (r) { done(r.violations); });")
                        serious = [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in found if v.get("impact") in ("serious", "critical")]
                        assert not serious, f"axe ({where}): {serious}"
            finally:
                driver.quit()
