"""Fixtures for the real-browser tests of Waymark's public website.

The suite runs the built `waymark` binary, imports the fictional Ballymun sample into a fresh
node and drives headless Chromium (Debian's `chromium` + `chromium-driver`) with Selenium.

Environment:
  WAYMARK_BIN      the waymark executable (default: <repo>/.build/debug/waymark)
  CHROMEDRIVER     the chromedriver executable (default: /usr/bin/chromedriver)
  CHROMIUM         the browser executable (default: /usr/bin/chromium)

Artefacts (git-ignored): <repo>/test-output/browser/*.png (one screenshot per page type) and,
for every failing test, <repo>/test-output/browser/failures/<test>.png and .html.
"""

from __future__ import annotations

import atexit
import base64
import contextlib
import importlib.util
import os
import pathlib
import re
import shutil
import socket
import subprocess
import time
import urllib.parse
from typing import Any, Callable, Iterator

import pytest
import requests
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

import sys as _sys
_sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent.parent / "pysupport"))
from waymark_processes import LIVE as _LIVE, describe, free_port, stop as _stop, stop_all as _stop_all  # noqa: E402


REPO = pathlib.Path(__file__).resolve().parents[2]
BIN = pathlib.Path(os.environ.get("WAYMARK_BIN") or REPO / ".build" / "debug" / "waymark")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER") or "/usr/bin/chromedriver"
CHROMIUM = os.environ.get("CHROMIUM") or "/usr/bin/chromium"
OUT = REPO / "test-output" / "browser"
FAILURES = OUT / "failures"

WAIT = 10  # seconds for any one explicit wait
CLI_TIMEOUT = 120
SERVER_START_TIMEOUT = 30
# The binary may be rebuilt while the suite runs: a node that cannot start is retried after a pause.
START_ATTEMPTS = 3
START_RETRY_PAUSE = 60

# "evil.example" never leaves the machine: the browser resolves it to loopback (open-redirect tests).
CHROME_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--window-size=1280,900",
    "--disable-dev-shm-usage",
    "--host-resolver-rules=MAP evil.example 127.0.0.1",
    "--disable-features=Translate,MediaRouter,OptimizationHints",
    "--no-first-run",
    "--no-default-browser-check",
]


# --------------------------------------------------------------------------------------------
# Nodes
# --------------------------------------------------------------------------------------------

def run_waymark(*args: Any, timeout: float = CLI_TIMEOUT) -> subprocess.CompletedProcess:
    if not BIN.exists():
        pytest.fail(f"waymark binary not found at {BIN} (set WAYMARK_BIN)")
    return subprocess.run([str(BIN), *map(str, args)], capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)






class Site:
    """A running `waymark serve` of one node."""

    def __init__(self, proc: subprocess.Popen, base_url: str, data: pathlib.Path, log: pathlib.Path):
        self.proc = proc
        self.base_url = base_url
        self.data = data
        self.log = log
        self.http = requests.Session()

    def url(self, path: str = "/", **params: Any) -> str:
        u = self.base_url + path
        if params:
            u += ("&" if "?" in u else "?") + urllib.parse.urlencode(params, doseq=True)
        return u

    def get(self, path: str, **kw: Any) -> requests.Response:
        kw.setdefault("timeout", 20)
        return self.http.get(self.base_url + path, **kw)

    def post(self, path: str, **kw: Any) -> requests.Response:
        kw.setdefault("timeout", 20)
        return self.http.post(self.base_url + path, **kw)

    def api(self, path: str, **params: Any) -> Any:
        r = self.get("/api" + path, params=params)
        assert r.status_code == 200, f"GET /api{path} {params} -> {r.status_code}: {r.text[:300]}"
        return r.json()

    def stop(self) -> None:
        _stop(self.proc)


def _start_once(data: pathlib.Path, log: pathlib.Path) -> Site | str:
    port = free_port()
    try:
        with open(log, "ab") as log_file:
            proc = subprocess.Popen(
                [str(BIN), "serve", "--data", str(data), "--host", "127.0.0.1", "--port", str(port), "--tiles", ""],
                stdout=log_file,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )
    except OSError as e:  # e.g. the binary is being rewritten by a build
        return f"could not run {BIN}: {e}"
    _LIVE.add(proc)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    last = ""
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            r = requests.get(base + "/health", timeout=2)
            if r.status_code == 200 and r.text.strip() == "ok":
                return Site(proc, base, data, log)
            last = f"/health answered {r.status_code}"
        except requests.RequestException as e:
            last = str(e)
        time.sleep(0.05)
    _stop(proc)
    return f"{last}\n{log.read_text(errors='replace')[-3000:]}"


def make_node(workdir: pathlib.Path, name: str, *imports: Any, sample: bool = False, org: str = "Browser Test Org", keep_ids: bool = False) -> pathlib.Path:
    """Creates a node in workdir/name and imports the sample and/or files into it (with retries,
    as the binary may be being rebuilt); `keep_ids` imports the files with the ids they carry."""
    data = workdir / name
    problem = ""
    for attempt in range(START_ATTEMPTS):
        if attempt:
            time.sleep(START_RETRY_PAUSE)
        shutil.rmtree(data, ignore_errors=True)
        if not BIN.exists():
            problem = f"waymark binary not found at {BIN}"
            continue
        try:
            proc = run_waymark("init", "--data", data, "--org", org)
        except OSError as e:  # e.g. the binary is being rewritten by a build
            problem = f"could not run {BIN}: {e}"
            continue
        if proc.returncode != 0:
            problem = "waymark init failed: " + describe(proc)
            continue
        if sample:
            proc = run_waymark("import", "--data", data, "--sample")
            if proc.returncode != 0:
                problem = "waymark import --sample failed: " + describe(proc)
                continue
        if imports:
            proc = run_waymark("import", "--data", data, *(["--keep-ids"] if keep_ids else []), *imports)
            if proc.returncode != 0:
                # A bad import is a real failure, not a rebuild: do not retry.
                pytest.fail("waymark import failed: " + describe(proc))
        return data
    pytest.fail(problem)


def join(member: pathlib.Path, newcomer: pathlib.Path, name: str) -> None:
    """Admits `newcomer` to `member`'s federation as an admin would: `member` (founding the federation
    if it has none) vouches for the newcomer's key after checking its fingerprint, and the newcomer
    joins with `member`'s invite (so `member` must have been served once, to know its URL)."""
    def ok(*args: Any) -> str:
        proc = run_waymark(*args)
        assert proc.returncode == 0, describe(proc)
        return proc.stdout
    info = ok("info", "--data", newcomer)
    key = re.search(r"signing key:\s+([0-9a-f]{64})", info).group(1)
    fp = re.search(r"fingerprint:\s+(\S+)", info).group(1)
    ok("member", "found", "--data", member)
    ok("member", "add", "--data", member, "--key", key, "--fingerprint", fp, "--name", name)
    ok("peer", "add", "--data", newcomer, ok("invite", "--data", member).strip())


NODE_ADMIN = ("nodeadmin", "a long node admin password")


def sign_in_as_admin(driver: WebDriver, site: Site, path: str = "/staff", **params: Any) -> None:
    """Opens `path` of the staff area as the node's admin (the account is added on first use): the
    browser asks for the page, is sent to sign in, signs in and lands on the page it asked for."""
    sign_in_as(driver, site, NODE_ADMIN[0], NODE_ADMIN[1], "Node Admin", "admin", path, **params)


def sign_in_as(driver: WebDriver, site: Site, username: str, password: str, name: str, role: str, path: str = "/staff",
               **params: Any) -> None:
    """Opens `path` of the staff area as `username` (the account, with this name and role, is added on
    first use), signing in on the way."""
    users = run_waymark("user", "list", "--data", site.data)
    assert users.returncode == 0, describe(users)
    if not any(line.startswith(username + " ") for line in users.stdout.splitlines()):
        added = subprocess.run(
            [str(BIN), "user", "add", "--data", str(site.data), "--username", username, "--name", name,
             "--role", role, "--password-stdin"], input=password + "\n", capture_output=True, text=True, timeout=CLI_TIMEOUT)
        assert added.returncode == 0, describe(added)
    Pages.load(driver, site.url(path, **params))
    if driver.find_elements(By.ID, "signin"):
        driver.find_element(By.ID, "username").send_keys(username)
        driver.find_element(By.ID, "password").send_keys(password)
        Pages.navigating(driver, lambda: driver.find_element(By.ID, "signin").click())
    landed = driver.current_url.split("?")[0]
    assert landed.endswith(path), f"signed in as {username} but landed on {driver.current_url}, not {path}"


@contextlib.contextmanager
def serve(data: pathlib.Path) -> Iterator[Site]:
    log = data.parent / f"{data.name}-serve.log"
    problem = ""
    site: Site | None = None
    for attempt in range(START_ATTEMPTS):
        if attempt:
            time.sleep(START_RETRY_PAUSE)
        result = _start_once(data, log)
        if isinstance(result, Site):
            site = result
            break
        problem = result
    if site is None:
        pytest.fail(f"waymark serve did not become healthy: {problem}")
    try:
        yield site
    finally:
        site.stop()


@pytest.fixture(scope="session")
def node_factory(tmp_path_factory) -> Callable[..., pathlib.Path]:
    """make(name, *files, sample=False) -> data folder of a new node."""
    work = tmp_path_factory.mktemp("nodes")

    def make(name: str, *imports: Any, sample: bool = False, keep_ids: bool = False) -> pathlib.Path:
        return make_node(work, name, *imports, sample=sample, keep_ids=keep_ids)

    return make


@pytest.fixture(scope="session")
def serve_node() -> Callable[[pathlib.Path], contextlib.AbstractContextManager[Site]]:
    """with serve_node(data) as site: ... (serves with --tiles "" on a free port)."""
    return serve


@pytest.fixture(scope="session")
def site(node_factory) -> Iterator[Site]:
    """The session's node: the Ballymun sample, served without map tiles."""
    data = node_factory("sample", sample=True)
    with serve(data) as s:
        yield s


@pytest.fixture(scope="session")
def sample_ids(site) -> dict[str, Any]:
    """A few ids from the sample, found through the API."""
    hits = site.api("/services", search="youth", per_page=5)["contents"]
    assert hits, "the sample holds no 'youth' service"
    service = site.api(f"/services/{hits[0]['id']}")
    terms = site.api("/taxonomy_terms", top_only="true", per_page=50)["contents"]
    assert terms, "the sample has no top-level taxonomy terms"
    return {
        "service": service["id"],
        "service_name": service["name"],
        "organization": service["organization_id"] or service["organization"]["id"],
        "services": [h["id"] for h in hits],
        "terms": terms,
    }


# --------------------------------------------------------------------------------------------
# Browsers
# --------------------------------------------------------------------------------------------

def new_browser(js: bool = True) -> WebDriver:
    options = webdriver.ChromeOptions()
    if pathlib.Path(CHROMIUM).exists():
        options.binary_location = CHROMIUM
    for a in CHROME_ARGS:
        options.add_argument(a)
    if not js:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    options.set_capability("unhandledPromptBehavior", "ignore")
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(30)
    return driver


_BROWSERS: list[WebDriver] = []


@atexit.register
def _quit_all() -> None:
    for d in list(_BROWSERS):
        with contextlib.suppress(Exception):
            d.quit()


@contextlib.contextmanager
def browser_session(js: bool = True) -> Iterator[WebDriver]:
    d = new_browser(js)
    _BROWSERS.append(d)
    try:
        yield d
    finally:
        with contextlib.suppress(Exception):
            d.quit()
        with contextlib.suppress(ValueError):
            _BROWSERS.remove(d)


@pytest.fixture(scope="session")
def _js_browser() -> Iterator[WebDriver]:
    with browser_session(js=True) as d:
        yield d


@pytest.fixture(scope="session")
def _nojs_browser() -> Iterator[WebDriver]:
    with browser_session(js=False) as d:
        yield d


def _reset(driver: WebDriver) -> None:
    """A clean slate between tests: no cookies, screen media, desktop window."""
    with contextlib.suppress(Exception):
        driver.switch_to.alert.dismiss()
    driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    driver.set_window_size(1280, 900)
    driver.get("about:blank")


def _track(request, driver: WebDriver) -> WebDriver:
    drivers = getattr(request.node, "_browsers", [])
    drivers.append(driver)
    request.node._browsers = drivers
    return driver


@pytest.fixture
def browser(request, _js_browser) -> WebDriver:
    """Chromium with JavaScript (cookies cleared for each test)."""
    _reset(_js_browser)
    return _track(request, _js_browser)


@pytest.fixture
def nojs_browser(request, _nojs_browser) -> WebDriver:
    """Chromium with JavaScript turned off by content setting (cookies cleared for each test)."""
    _reset(_nojs_browser)
    return _track(request, _nojs_browser)


@pytest.fixture
def fresh_browser(request) -> Callable[..., WebDriver]:
    """A brand-new browser session (its own profile, no cookies); quit after the test."""
    stack = contextlib.ExitStack()

    def make(js: bool = True) -> WebDriver:
        return _track(request, stack.enter_context(browser_session(js)))

    yield make
    stack.close()


def pytest_sessionstart(session):
    shutil.rmtree(FAILURES, ignore_errors=True)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.failed and report.when in ("setup", "call"):
        drivers = getattr(item, "_browsers", [])
        name = re.sub(r"[^A-Za-z0-9_.-]+", "_", item.nodeid.split("::", 1)[-1])[:150]
        FAILURES.mkdir(parents=True, exist_ok=True)
        for i, d in enumerate(drivers):
            stem = name if i == 0 else f"{name}-{i}"
            with contextlib.suppress(Exception):
                d.save_screenshot(str(FAILURES / f"{stem}.png"))
            with contextlib.suppress(Exception):
                (FAILURES / f"{stem}.html").write_text(
                    f"<!-- {d.current_url} -->\n" + d.page_source, encoding="utf-8")


# --------------------------------------------------------------------------------------------
# Helpers for tests
# --------------------------------------------------------------------------------------------

class Pages:
    """Small helpers shared by the tests (given as the `pages` fixture)."""

    WAIT = WAIT
    OUT = OUT

    @staticmethod
    def wait(driver: WebDriver, timeout: float = WAIT) -> WebDriverWait:
        return WebDriverWait(driver, timeout)

    @staticmethod
    def load(driver: WebDriver, url: str) -> None:
        driver.get(url)
        WebDriverWait(driver, WAIT).until(lambda d: d.execute_script("return document.readyState") == "complete")

    @staticmethod
    def navigating(driver: WebDriver, action: Callable[[], Any], timeout: float = WAIT) -> None:
        """Runs an action that navigates (a click, a key, an auto-submitting filter) and waits until
        a new document has replaced the current one and finished loading."""
        driver.execute_script("document.__waymarkOldPage = true;")
        action()

        def loaded(d: WebDriver) -> bool:
            return bool(d.execute_script(
                "return !document.__waymarkOldPage && document.readyState === 'complete';"))

        WebDriverWait(driver, timeout, ignored_exceptions=(WebDriverException,)).until(
            loaded, message=f"no new page loaded after the action (still at {driver.current_url})")

    @staticmethod
    def click_and_wait_for_new_page(driver: WebDriver, element, timeout: float = WAIT) -> None:
        """Clicks an element that navigates and waits for the new page."""
        Pages.navigating(driver, element.click, timeout)

    @staticmethod
    def count(driver: WebDriver) -> int:
        text = driver.find_element(By.ID, "count-heading").text
        m = re.search(r"\d+", text)
        assert m, f"#count-heading has no number: {text!r}"
        return int(m.group())

    @staticmethod
    def result_names(driver: WebDriver) -> list[str]:
        """Names of the services listed in the page's main result list (results, list, organisation)."""
        return [a.text.strip() for a in driver.find_elements(By.CSS_SELECTOR, "main ol.result-list > li.result h3 a")]

    @staticmethod
    def shot(driver: WebDriver, name: str, full_page: bool = True) -> pathlib.Path:
        """Saves a screenshot (the whole page, up to 4000 px tall) as test-output/browser/<name>.png."""
        OUT.mkdir(parents=True, exist_ok=True)
        path = OUT / f"{name}.png"
        try:
            if not full_page:
                raise RuntimeError("viewport only")
            size = driver.execute_script(
                "return [document.documentElement.scrollWidth, document.documentElement.scrollHeight];")
            shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
                "format": "png", "captureBeyondViewport": True,
                "clip": {"x": 0, "y": 0, "width": size[0], "height": min(size[1], 4000), "scale": 1}})
            path.write_bytes(base64.b64decode(shot["data"]))
        except Exception:
            driver.save_screenshot(str(path))
        return path

    @staticmethod
    def markers(driver: WebDriver, timeout: float = WAIT) -> list:
        return WebDriverWait(driver, timeout).until(
            lambda d: d.find_elements(By.CSS_SELECTOR, "#map .leaflet-marker-icon") or False,
            message="no Leaflet marker (.leaflet-marker-icon) appeared in #map")


@pytest.fixture(scope="session")
def pages() -> type[Pages]:
    return Pages


# --------------------------------------------------------------------------------------------
# axe-core
# --------------------------------------------------------------------------------------------

_AXE_CANDIDATES = [
    # (import name, path of axe.min.js inside the package)
    ("axe_selenium_python", "node_modules/axe-core/axe.min.js"),
    ("selenium_axe_python", "axe-core/axe.min.js"),
    ("axe_core_python", "axe.min.js"),
]


def _axe_version(text: str) -> tuple[int, ...]:
    m = re.search(r"axe v(\d+)\.(\d+)\.(\d+)", text[:2000])
    return tuple(int(x) for x in m.groups()) if m else (0,)


@pytest.fixture(scope="session")
def axe_source() -> tuple[str, str]:
    """(version, source) of the newest axe-core shipped by an installed pip package.

    axe-selenium-python bundles axe-core 4.10 from its 3.x (Python >= 3.12); its 2.x line, the last
    for Python 3.11, bundles axe-core 3.1, so selenium-axe-python (axe-core 4.9) is the fallback."""
    found = []
    for module, rel in _AXE_CANDIDATES:
        spec = importlib.util.find_spec(module)
        if not spec or not spec.submodule_search_locations:
            continue
        path = pathlib.Path(list(spec.submodule_search_locations)[0]) / rel
        if path.exists():
            text = path.read_text(encoding="utf-8")
            found.append((_axe_version(text), module, text))
    if not found:
        pytest.fail("no pip package with axe-core found: pip install -r Tests/integration/requirements.txt")
    version, module, text = max(found, key=lambda f: f[0])
    assert version >= (4, 0, 0), f"the newest axe-core installed ({module}) is too old: {version}"
    return ".".join(map(str, version)) + f" (from {module})", text


@pytest.fixture(scope="session")
def axe(axe_source) -> Callable[[WebDriver], list[dict]]:
    """axe(driver) -> violations of the current page (WCAG 2.x A/AA and best practices)."""
    _version, source = axe_source

    def run(driver: WebDriver) -> list[dict]:
        if not driver.execute_script("return !!window.axe"):
            driver.execute_script(source)
        result = driver.execute_async_script(
            "var done = arguments[arguments.length - 1];"
            "axe.run(document, {resultTypes: ['violations']})"
            ".then(function (r) { done({violations: r.violations}); })"
            ".catch(function (e) { done({error: String(e)}); });")
        assert "error" not in result, f"axe failed: {result['error']}"
        return result["violations"]

    return run


def format_violations(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- [{v.get('impact')}] {v['id']}: {v['help']} ({v.get('helpUrl', '')})")
        for n in v.get("nodes", [])[:5]:
            lines.append(f"    {', '.join(map(str, n.get('target', [])))}: {n.get('failureSummary', '').splitlines()[-1:]}")
            lines.append(f"      {n.get('html', '')[:200]}")
    return "\n".join(lines)


@pytest.fixture(scope="session")
def format_axe() -> Callable[[list[dict]], str]:
    return format_violations


def pytest_report_header(config):
    return [f"waymark binary: {BIN}", f"chromedriver: {CHROMEDRIVER}", f"artefacts: {OUT}"]
