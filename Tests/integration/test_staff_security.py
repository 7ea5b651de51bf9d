"""Staff accounts and the staff area's security, against a real `waymark serve`: Argon2id accounts
made with `waymark user add`, sign-in and sign-out, CSRF, session fixation, wrong-role access,
brute-force lockout, escaping of what staff type, and the audit log."""
from __future__ import annotations

import re
import sqlite3
import subprocess
import time
from typing import Iterator

import pytest
import requests

from conftest import BIN, HTTP_TIMEOUT, Node, Server, describe, run_waymark, start_server

ADMIN_PASSWORD = "correct horse battery"
CASEWORKER_PASSWORD = "another long secret"


def add_user(node: Node, username: str, name: str, role: str, password: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(BIN), "user", "add", "--data", str(node.path), "--username", username, "--name", name, "--role", role,
         "--password-stdin"],
        input=password + "\n", capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def staff_node(make_node) -> Iterator[tuple[Node, Server]]:
    node = make_node("staff", org="Ballymun Jobs Club")
    for username, name, role, password in [
        ("aoife", "Aoife Admin", "admin", ADMIN_PASSWORD),
        ("ciaran", "Ciarán Caseworker", "caseworker", CASEWORKER_PASSWORD),
        ("lock.me", "Locked Person", "caseworker", CASEWORKER_PASSWORD),
    ]:
        proc = add_user(node, username, name, role, password)
        assert proc.returncode == 0, describe(proc)
    server = start_server(node.path, node.work / "staff-serve.log")
    try:
        yield node, server
    finally:
        server.stop()


def session_cookie(base: str) -> str:
    """The session cookie's name: it carries the node's port (several nodes may share a host)."""
    return "waymark_session_" + base.rsplit(":", 1)[1]


def login_form(session: requests.Session, base: str) -> str:
    r = session.get(base + "/staff/login", timeout=HTTP_TIMEOUT)
    assert r.status_code == 200
    m = re.search(r'name="csrf" value="([0-9a-f]{64})"', r.text)
    assert m, r.text
    return m.group(1)


def sign_in(base: str, username: str, password: str) -> tuple[requests.Session, requests.Response]:
    s = requests.Session()
    token = login_form(s, base)
    r = s.post(base + "/staff/login", data={"csrf": token, "username": username, "password": password}, allow_redirects=False,
               timeout=HTTP_TIMEOUT)
    return s, r


def csrf_of(session: requests.Session, base: str) -> str:
    r = session.get(base + "/staff", timeout=HTTP_TIMEOUT)
    m = re.search(r'name="csrf" value="([0-9a-f]{64})"', r.text)
    assert m, r.text
    return m.group(1)


def test_cli_lists_and_refuses_bad_accounts(staff_node) -> None:
    node, _ = staff_node
    out = run_waymark("user", "list", "--data", node.path)
    assert out.returncode == 0 and "aoife  admin  active  Aoife Admin" in out.stdout, describe(out)
    dup = add_user(node, "aoife", "Someone Else", "caseworker", "long enough secret")
    assert dup.returncode != 0 and "already an account named aoife" in dup.stderr
    short = add_user(node, "newperson", "New Person", "caseworker", "short")
    assert short.returncode != 0 and "at least 10 characters" in short.stderr
    bad = add_user(node, "Bad Name!", "X", "caseworker", "long enough secret")
    assert bad.returncode != 0 and "username" in bad.stderr
    role = add_user(node, "someone", "X", "director", "long enough secret")
    assert role.returncode != 0 and "--role" in role.stderr
    # Only a hash is stored, never the password.
    db = (node.path / "waymark.sqlite").read_bytes() + b"".join(p.read_bytes() for p in node.path.glob("waymark.sqlite-wal"))
    assert ADMIN_PASSWORD.encode() not in db
    assert b"$argon2id$" in db


def test_sign_in_sets_a_safe_cookie_and_sign_out_ends_the_session(staff_node) -> None:
    _, server = staff_node
    s, r = sign_in(server.base_url, "aoife", ADMIN_PASSWORD)
    assert r.status_code == 303 and r.headers["Location"].startswith("/staff")
    cookie = next(c for c in r.raw.headers.getlist("Set-Cookie") if c.startswith(session_cookie(server.base_url) + "="))
    for flag in ("HttpOnly", "SameSite=Strict", "Path=/staff"):
        assert flag in cookie, cookie
    home = s.get(server.base_url + "/staff", timeout=HTTP_TIMEOUT)
    assert home.status_code == 200 and "Aoife Admin" in home.text
    assert home.headers.get("Cache-Control") == "no-store"
    token = s.cookies.get(session_cookie(server.base_url))
    out = s.post(server.base_url + "/staff/logout", data={"csrf": csrf_of(s, server.base_url)}, allow_redirects=False, timeout=HTTP_TIMEOUT)
    assert out.status_code == 303
    # The old token is dead on the server, not just forgotten by the browser.
    again = requests.get(server.base_url + "/staff", cookies={session_cookie(server.base_url): token}, allow_redirects=False, timeout=HTTP_TIMEOUT)
    assert again.status_code == 303 and "/staff/login" in again.headers["Location"]


REFUSED = "The username or password is not right, or the account is locked for 15 minutes after five failed tries"


def test_wrong_password_and_unknown_user_get_the_same_answer(staff_node) -> None:
    _, server = staff_node
    _, wrong = sign_in(server.base_url, "aoife", "not the password")
    _, unknown = sign_in(server.base_url, "nobody", "not the password")
    assert wrong.status_code == unknown.status_code == 401
    assert REFUSED in wrong.text and REFUSED in unknown.text


def test_csrf_is_required_on_every_form(staff_node) -> None:
    node, server = staff_node
    base = server.base_url
    # Sign-in without the form's token (a login CSRF from another site) is refused.
    r = requests.post(base + "/staff/login", data={"username": "aoife", "password": ADMIN_PASSWORD}, allow_redirects=False, timeout=HTTP_TIMEOUT)
    assert r.status_code == 403 and "waymark_session" not in r.headers.get("Set-Cookie", "")
    s, _ = sign_in(base, "aoife", ADMIN_PASSWORD)
    # Adding an account without the session's token, with a wrong one, or from another origin: refused, nothing added.
    for data, headers in [
        ({"username": "evil1", "name": "Evil", "role": "admin", "password": "long enough secret"}, {}),
        ({"username": "evil2", "name": "Evil", "role": "admin", "password": "long enough secret", "csrf": "0" * 64}, {}),
        ({"username": "evil3", "name": "Evil", "role": "admin", "password": "long enough secret", "csrf": csrf_of(s, base)},
         {"Origin": "http://evil.example"}),
    ]:
        r = s.post(base + "/staff/users", data=data, headers=headers, allow_redirects=False, timeout=HTTP_TIMEOUT)
        assert r.status_code == 403, (data, r.status_code)
    listed = run_waymark("user", "list", "--data", node.path).stdout
    assert "evil" not in listed
    # Sign-out without the token does not end the session.
    r = s.post(base + "/staff/logout", data={}, allow_redirects=False, timeout=HTTP_TIMEOUT)
    assert r.status_code == 403
    assert s.get(base + "/staff", allow_redirects=False, timeout=HTTP_TIMEOUT).status_code == 200


def test_session_fixation_a_planted_token_is_never_promoted(staff_node) -> None:
    _, server = staff_node
    base = server.base_url
    s = requests.Session()
    planted = "a" * 64
    s.cookies.set(session_cookie(base), planted, path="/staff")
    token = login_form(s, base)
    r = s.post(base + "/staff/login", data={"csrf": token, "username": "ciaran", "password": CASEWORKER_PASSWORD}, allow_redirects=False,
               timeout=HTTP_TIMEOUT)
    assert r.status_code == 303
    issued = next(c for c in r.raw.headers.getlist("Set-Cookie") if c.startswith(session_cookie(server.base_url) + "=")).split(";")[0].split("=", 1)[1]
    assert len(issued) == 64 and issued != planted
    assert requests.get(base + "/staff", cookies={session_cookie(base): issued}, allow_redirects=False, timeout=HTTP_TIMEOUT).status_code == 200
    r = requests.get(base + "/staff", cookies={session_cookie(base): planted}, allow_redirects=False, timeout=HTTP_TIMEOUT)
    assert r.status_code == 303


def test_a_caseworker_cannot_open_admin_pages_or_post_admin_forms(staff_node) -> None:
    node, server = staff_node
    base = server.base_url
    s, _ = sign_in(base, "ciaran", CASEWORKER_PASSWORD)
    for path in ("/staff/audit", "/staff/users"):
        r = s.get(base + path, allow_redirects=False, timeout=HTTP_TIMEOUT)
        assert r.status_code == 403, path
    r = s.post(base + "/staff/users/disable", data={"csrf": csrf_of(s, base), "username": "aoife"}, allow_redirects=False, timeout=HTTP_TIMEOUT)
    assert r.status_code == 403
    assert "aoife  admin  active" in run_waymark("user", "list", "--data", node.path).stdout
    # Signed out, the staff pages send you to sign in.
    r = requests.get(base + "/staff/audit", allow_redirects=False, timeout=HTTP_TIMEOUT)
    assert r.status_code == 303 and r.headers["Location"].startswith("/staff/login")


def test_sync_and_corrections_pages_need_an_admin_session_whatever_the_request_looks_like(staff_node) -> None:
    """Before, /admin/sync and /admin/corrections answered any request that looked local: one shaped
    like a reverse proxy's on the same machine (Host 127.0.0.1, no forwarded headers) got in."""
    node, server = staff_node
    base = server.base_url
    proxy_shaped = {"Host": "127.0.0.1"}
    for path in ("/admin/sync", "/admin/corrections", "/staff/sync", "/staff/corrections"):
        r = requests.get(base + path, headers=proxy_shaped, timeout=HTTP_TIMEOUT)
        assert r.url.split("?")[0].endswith("/staff/login"), f"a stranger's {path} ended at {r.url} ({r.status_code})"
        assert "Suggested corrections" not in r.text and "Sync with other nodes" not in r.text, f"a stranger saw {path}"
    caseworker, _ = sign_in(base, "ciaran", CASEWORKER_PASSWORD)
    for path in ("/staff/sync", "/staff/corrections"):
        r = caseworker.get(base + path, headers=proxy_shaped, allow_redirects=False, timeout=HTTP_TIMEOUT)
        assert r.status_code == 403, f"a caseworker's {path} -> {r.status_code}"
        assert 'Back to the staff home</a>' in r.text and '<a href="/staff?lang=en"></a>' not in r.text, \
            f"the refusal's way back has no words:\n{r.text[-800:]}"
    admin, _ = sign_in(base, "aoife", ADMIN_PASSWORD)
    home = admin.get(base + "/staff", timeout=HTTP_TIMEOUT).text
    assert 'href="/staff/sync?lang=en"' in home and 'href="/staff/corrections?lang=en"' in home, "the admin's menu lacks the pages"
    for path, heading in (("/staff/sync", "Sync with other nodes"), ("/staff/corrections", "Suggested corrections")):
        r = admin.get(base + path, timeout=HTTP_TIMEOUT)
        assert r.status_code == 200 and heading in r.text, f"the admin's {path} -> {r.status_code}"
        assert r.headers.get("Cache-Control") == "no-store", path
        csp = r.headers.get("Content-Security-Policy", "")
        assert "script-src 'self'" in csp and "'unsafe-inline'" not in csp.split("script-src", 1)[1].split(";")[0], f"{path}: CSP {csp!r}"
        assert "frame-ancestors 'none'" in csp and r.headers.get("X-Content-Type-Options") == "nosniff", f"{path}: {dict(r.headers)}"


@pytest.mark.parametrize("nxt,lands", [
    ("/staff/sync?lang=ga", "/staff/sync?lang=ga"), ("//evil.example/staff", "/staff?lang=en"), ("https://evil.example/", "/staff?lang=en"),
    ("/\\evil.example", "/staff?lang=en"), ("/staff/../services", "/staff?lang=en"), ("/staffevil", "/staff?lang=en"),
])
def test_after_signing_in_only_a_staff_page_of_this_node_is_followed(staff_node, nxt: str, lands: str) -> None:
    _, server = staff_node
    base = server.base_url
    s = requests.Session()
    form = s.get(base + "/staff/login", params={"next": nxt}, timeout=HTTP_TIMEOUT)
    token = re.search(r'name="csrf" value="([0-9a-f]{64})"', form.text).group(1)
    r = s.post(base + "/staff/login", data={"csrf": token, "username": "aoife", "password": ADMIN_PASSWORD, "next": nxt},
               allow_redirects=False, timeout=HTTP_TIMEOUT)
    assert r.status_code == 303 and r.headers["Location"] == lands, f"next={nxt!r} -> {r.status_code} {r.headers.get('Location')}"


def test_five_failures_lock_the_account_and_an_admin_unlocks_it(staff_node) -> None:
    node, server = staff_node
    base = server.base_url
    for i in range(4):
        _, r = sign_in(base, "lock.me", f"wrong guess {i}")
        assert r.status_code == 401
    _, r = sign_in(base, "lock.me", "wrong guess 4")
    # Locked, and answered exactly as an unknown username: the answer tells no one the account exists.
    _, unknown = sign_in(base, "no.such.person", "wrong guess 4")
    assert r.status_code == unknown.status_code == 401 and REFUSED in r.text and REFUSED in unknown.text
    # Now even the right password is refused, until an admin enables the account again.
    _, r = sign_in(base, "lock.me", CASEWORKER_PASSWORD)
    assert r.status_code == 401 and REFUSED in r.text
    assert "lock.me  caseworker  locked" in run_waymark("user", "list", "--data", node.path).stdout
    admin, _ = sign_in(base, "aoife", ADMIN_PASSWORD)
    r = admin.post(base + "/staff/users/enable", data={"csrf": csrf_of(admin, base), "username": "lock.me"}, timeout=HTTP_TIMEOUT)
    assert r.status_code == 200
    _, r = sign_in(base, "lock.me", CASEWORKER_PASSWORD)
    assert r.status_code == 303


def test_an_admin_resets_a_password_and_changes_a_role_and_it_is_audited(staff_node) -> None:
    """A forgotten password: an admin sets a new one; the old one stops working and the account's
    open sessions end. A role change applies from the next sign-in. Not one's own account; not by a
    caseworker. Both are in the audit log."""
    node, server = staff_node
    base = server.base_url
    add_user(node, "forgot", "Forgetful Person", "caseworker", CASEWORKER_PASSWORD)
    theirs, r = sign_in(base, "forgot", CASEWORKER_PASSWORD)
    assert r.status_code == 303
    admin, _ = sign_in(base, "aoife", ADMIN_PASSWORD)
    page = admin.get(base + "/staff/users", timeout=HTTP_TIMEOUT).text
    assert 'id="change-forgot"' in page and 'id="change-aoife"' not in page
    token = csrf_of(admin, base)
    weak = admin.post(base + "/staff/users/change", data={"csrf": token, "username": "forgot", "password": "short"}, timeout=HTTP_TIMEOUT)
    assert weak.status_code == 400
    r = admin.post(base + "/staff/users/change", data={"csrf": token, "username": "forgot", "role": "admin", "password": "a brand new long password"},
                   timeout=HTTP_TIMEOUT)
    assert r.status_code == 200 and "forgot has a new password" in r.text and "forgot is now: admin" in r.text.replace("Admin", "admin")
    assert theirs.get(base + "/staff", allow_redirects=False, timeout=HTTP_TIMEOUT).status_code == 303, "their open session ended"
    assert sign_in(base, "forgot", CASEWORKER_PASSWORD)[1].status_code == 401
    now_admin, r = sign_in(base, "forgot", "a brand new long password")
    assert r.status_code == 303 and now_admin.get(base + "/staff/users", allow_redirects=False, timeout=HTTP_TIMEOUT).status_code == 200
    # Not one's own account, and not by a caseworker.
    r = admin.post(base + "/staff/users/change", data={"csrf": token, "username": "aoife", "role": "caseworker"}, timeout=HTTP_TIMEOUT)
    assert r.status_code == 400 and "aoife  admin" in run_waymark("user", "list", "--data", node.path).stdout
    case, _ = sign_in(base, "ciaran", CASEWORKER_PASSWORD)
    r = case.post(base + "/staff/users/change", data={"csrf": csrf_of(case, base), "username": "forgot", "role": "caseworker"},
                  allow_redirects=False, timeout=HTTP_TIMEOUT)
    assert r.status_code == 403
    con = sqlite3.connect(f"file:{node.path / 'waymark.sqlite'}?mode=ro", uri=True)
    try:
        actions = con.execute("SELECT action, subject, detail FROM audit_log WHERE subject = 'forgot'").fetchall()
    finally:
        con.close()
    assert ("change staff role", "forgot", "caseworker → admin") in actions and any(a[0] == "reset staff password" for a in actions)


def test_what_staff_type_is_escaped(staff_node) -> None:
    _, server = staff_node
    base = server.base_url
    admin, _ = sign_in(base, "aoife", ADMIN_PASSWORD)
    payload = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    r = admin.post(base + "/staff/users", data={"csrf": csrf_of(admin, base), "username": "xss.test", "name": payload, "role": "caseworker",
                                                "password": "long enough secret"}, timeout=HTTP_TIMEOUT)
    assert r.status_code == 200 and "Added the account xss.test" in r.text
    page = admin.get(base + "/staff/users", timeout=HTTP_TIMEOUT).text
    assert payload not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    # A username with markup, typed at sign-in, comes back escaped too.
    _, r = sign_in(base, '"><script>alert(2)</script>', "whatever at all")
    assert "<script>alert(2)</script>" not in r.text


def test_the_audit_log_records_sign_ins_failures_and_changes(staff_node) -> None:
    _, server = staff_node
    base = server.base_url
    admin, _ = sign_in(base, "aoife", ADMIN_PASSWORD)
    page = admin.get(base + "/staff/audit", timeout=HTTP_TIMEOUT).text
    for action in ("sign in", "failed sign-in", "sign-in refused: locked", "add staff account", "enable staff account",
                   "refused: admin page", "view audit log", "sign out"):
        assert action in page, action
    assert "ciaran" in page and "lock.me" in page


def test_the_audit_log_filters_links_and_exports(staff_node) -> None:
    """An admin narrows the log to one person, one action and a date range; each client is a link to
    their page; the same lines download as CSV, and the export is logged."""
    _, server = staff_node
    base = server.base_url
    worker, _ = sign_in(base, "ciaran", CASEWORKER_PASSWORD)
    r = create_client(worker, base, name="Máire Audit", date_of_birth="1990-01-02")
    assert r.status_code == 303, r.text[:300]
    client_id = r.headers["Location"].split("?")[0].rsplit("/", 1)[1]
    admin, _ = sign_in(base, "aoife", ADMIN_PASSWORD)
    page = admin.get(base + "/staff/audit", params={"user": "ciaran", "action": "create client"}, timeout=HTTP_TIMEOUT).text
    rows = re.findall(r'<tr><td class="date">.*?</tr>', page)
    assert rows and all(">ciaran<" in row and "create client" in row for row in rows), rows[:3]
    assert f'href="/staff/clients/{client_id}?lang=en" class="audit-subject"' in page, "the client is not a link"
    assert '<option selected>ciaran</option>' in page and '<option value="create client" selected>create client</option>' in page, "the filter is not kept"
    # Read in Irish, the actions are in Irish too (the filter keeps the action as written).
    irish = admin.get(base + "/staff/audit", params={"user": "ciaran", "action": "create client", "lang": "ga"}, timeout=HTTP_TIMEOUT).text
    assert "cliant cláraithe" in irish and '<option value="create client" selected>cliant cláraithe</option>' in irish
    # Dates: a range in the past shows nothing, and says so.
    empty = admin.get(base + "/staff/audit", params={"user": "ciaran", "from": "2001-01-01", "to": "2001-01-31"}, timeout=HTTP_TIMEOUT).text
    assert 'id="audit-empty"' in empty and "No lines match" in empty and '<tr><td class="date">' not in empty
    # A date that cannot be read is said so, not silently dropped.
    bad = admin.get(base + "/staff/audit", params={"from": "2026-13-45"}, timeout=HTTP_TIMEOUT).text
    assert 'id="audit-error"' in bad and "A date could not be read" in bad
    # The CSV carries the same lines, with the filter.
    m = re.search(r'id="audit-csv"', page) and re.search(r'href="(/staff/audit\.csv[^"]*)" id="audit-csv"', page)
    assert m, "no CSV link"
    csv_response = admin.get(base + m.group(1).replace("&amp;", "&"), timeout=HTTP_TIMEOUT)
    assert csv_response.status_code == 200 and csv_response.headers["Content-Type"].startswith("text/csv")
    lines = csv_response.text.splitlines()
    assert lines[0] == "when,user,action,subject,detail" and len(lines) == 1 + len(rows), (lines, len(rows))
    assert all(",ciaran,create client," in line for line in lines[1:])
    # A caseworker may not read or export the log.
    assert worker.get(base + "/staff/audit.csv", allow_redirects=False, timeout=HTTP_TIMEOUT).status_code == 403
    after = admin.get(base + "/staff/audit", params={"action": "export audit log"}, timeout=HTTP_TIMEOUT).text
    assert "export audit log" in after and "action=create%20client" in after


# --------------------------------------------------------------------------------------------
# Clients
# --------------------------------------------------------------------------------------------

def create_client(s: requests.Session, base: str, **fields: str) -> requests.Response:
    data = {"csrf": csrf_of(s, base), "lang": "en", **fields}
    return s.post(base + "/staff/clients", data=data, allow_redirects=False, timeout=HTTP_TIMEOUT)


def test_a_caseworker_registers_finds_and_updates_a_client(staff_node) -> None:
    node, server = staff_node
    base = server.base_url
    s, _ = sign_in(base, "ciaran", CASEWORKER_PASSWORD)
    r = create_client(s, base, name="Gráinne Mhaol", date_of_birth="1988-05-17", contact="085 555 0101", needs="housing\nemployment",
                      goals="a full-time job", notes="Prefers texts")
    assert r.status_code == 303 and r.headers["Location"].startswith("/staff/clients/client-"), (r.status_code, r.text[:300])
    page = s.get(base + r.headers["Location"], timeout=HTTP_TIMEOUT)
    assert page.status_code == 200 and "Gráinne Mhaol" in page.text and "1988-05-17" in page.text and "employment" in page.text
    assert ">nil<" not in page.text and 'id="hidden-note"' not in page.text, "the client page shows a stray 'nil'"
    listing = s.get(base + "/staff/clients", params={"q": "grainne"}, timeout=HTTP_TIMEOUT).text
    assert "Gráinne Mhaol" in listing
    assert "Gráinne" not in s.get(base + "/staff/clients", params={"q": "nobody like this"}, timeout=HTTP_TIMEOUT).text
    client_path = r.headers["Location"].split("?")[0]
    u = s.post(base + client_path, data={"csrf": csrf_of(s, base), "name": "Gráinne Mhaol", "date_of_birth": "1988-05-17", "notes": "Call after 2pm"},
               allow_redirects=False, timeout=HTTP_TIMEOUT)
    assert u.status_code == 303
    assert "Call after 2pm" in s.get(base + client_path, timeout=HTTP_TIMEOUT).text
    # The client's name is nowhere in the node's database file or its log in the clear.
    stored = b"".join(p.read_bytes() for p in node.path.glob("waymark.sqlite*"))
    assert "Gráinne".encode() not in stored and b"Mhaol" not in stored and b"085 555 0101" not in stored


def test_registering_the_same_person_twice_warns_first(staff_node) -> None:
    _, server = staff_node
    base = server.base_url
    s, _ = sign_in(base, "ciaran", CASEWORKER_PASSWORD)
    assert create_client(s, base, name="Tomás Ó Riain", date_of_birth="1970-12-01").status_code == 303
    again = create_client(s, base, name="Tomas O'Riain", date_of_birth="1970-12-01")
    assert again.status_code == 409 and "This may be someone already registered" in again.text and "Tomás Ó Riain" in again.text
    anyway = create_client(s, base, name="Tomas O'Riain", date_of_birth="1970-12-01", confirm="1")
    assert anyway.status_code == 303
    bad = create_client(s, base, name="Someone", date_of_birth="01/12/1970")
    assert bad.status_code == 400 and "year-month-day" in bad.text


def test_client_pages_need_sign_in_a_token_and_escape_what_is_typed(staff_node) -> None:
    _, server = staff_node
    base = server.base_url
    r = requests.get(base + "/staff/clients", allow_redirects=False, timeout=HTTP_TIMEOUT)
    assert r.status_code == 303 and "/staff/login" in r.headers["Location"]
    s, _ = sign_in(base, "ciaran", CASEWORKER_PASSWORD)
    r = s.post(base + "/staff/clients", data={"name": "No Token"}, allow_redirects=False, timeout=HTTP_TIMEOUT)
    assert r.status_code == 403
    assert "No Token" not in s.get(base + "/staff/clients", timeout=HTTP_TIMEOUT).text
    xss = '<script>alert("c")</script>'
    r = create_client(s, base, name=xss, notes=xss, needs=xss)
    assert r.status_code == 303
    page = s.get(base + r.headers["Location"], timeout=HTTP_TIMEOUT).text
    assert xss not in page and "&lt;script&gt;" in page
    assert xss not in s.get(base + "/staff/clients", timeout=HTTP_TIMEOUT).text
    assert s.get(base + "/staff/clients/client-0000000000000000", timeout=HTTP_TIMEOUT).status_code == 404


def test_client_reads_and_changes_are_in_the_audit_log(staff_node) -> None:
    _, server = staff_node
    base = server.base_url
    admin, _ = sign_in(base, "aoife", ADMIN_PASSWORD)
    page = admin.get(base + "/staff/audit", timeout=HTTP_TIMEOUT).text
    for action in ("create client", "view client", "update client", "list clients", "duplicate warning"):
        assert action in page, action


def test_a_data_folder_that_existed_is_made_private_to_the_node(tmp_path) -> None:
    """`waymark init` into a folder that already existed (made by hand, mode 0755) leaves the
    folder 0700 and the database 0600, and a node whose files were opened up again gets them
    closed when it is next opened: other accounts on the machine cannot copy the client data."""
    data = tmp_path / "existing"
    data.mkdir(mode=0o755)
    data.chmod(0o755)
    node = Node(data, "Permissions Test Org")
    db = data / "waymark.sqlite"
    assert oct(data.stat().st_mode & 0o777) == "0o700"
    assert oct(db.stat().st_mode & 0o777) == "0o600"
    data.chmod(0o755)
    db.chmod(0o644)
    proc = node.import_ok(sample=True)
    assert oct(data.stat().st_mode & 0o777) == "0o700", describe(proc)
    for f in data.iterdir():
        if f.name.startswith("waymark.sqlite"):
            assert f.stat().st_mode & 0o077 == 0, f"{f.name} is {oct(f.stat().st_mode & 0o777)}"


def test_a_burst_of_suggestions_is_refused_in_the_residents_words(make_node) -> None:
    """Five suggestions an hour are taken for a service; the sixth is refused (429) with the form
    kept and an explanation in the resident's words (in Irish too), nothing of it stored; another
    service still takes suggestions."""
    node = make_node("suggestions")
    node.import_ok(sample=True)
    with node.serve() as server:
        ids = [s["id"] for s in requests.get(server.api + "/services", params={"per_page": 2}, timeout=HTTP_TIMEOUT).json()["contents"]]

        def suggest(sid: str, message: str, lang: str = "en") -> requests.Response:
            return requests.post(f"{server.base_url}/services/{sid}/suggest", data={"field": "hours", "message": message, "lang": lang},
                                 headers={"Origin": server.base_url}, timeout=HTTP_TIMEOUT)

        for k in range(5):
            r = suggest(ids[0], f"Suggestion {k}: the hours changed.")
            assert r.status_code == 200, f"suggestion {k} -> {r.status_code}"
        refused = suggest(ids[0], "One too many.")
        assert refused.status_code == 429, refused.status_code
        assert "a lot of suggestions in the last hour" in refused.text and "One too many." in refused.text
        assert '<option value="hours" selected>' in refused.text, "the part of the entry the resident chose was not kept"
        irish = suggest(ids[0], "Ceann eile.", lang="ga")
        assert irish.status_code == 429 and "go leor moltaí" in irish.text
        assert suggest(ids[1], "Another service's hours changed.").status_code == 200
    con = sqlite3.connect(f"file:{node.path / 'waymark.sqlite'}?mode=ro", uri=True)
    try:
        rows = con.execute("SELECT service_id, count(*) FROM correction GROUP BY service_id").fetchall()
    finally:
        con.close()
    assert dict(rows) == {ids[0]: 5, ids[1]: 1}, rows


def test_the_log_never_holds_what_residents_searched_for_or_clients_names(make_node, tmp_path) -> None:
    """At the most detailed log level the node logs each request's path and status, never its query:
    residents' searches and the names staff look clients up by stay out of the log."""
    from waymark_processes import LIVE, free_port, stop

    node = make_node("quiet-log")
    node.import_ok(sample=True)
    port, log = free_port(), tmp_path / "debug.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen([str(BIN), "serve", "--data", str(node.path), "--port", str(port), "--log-level", "debug"],
                                stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    LIVE.add(proc)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                if requests.get(base + "/health", timeout=2).status_code == 200:
                    break
            except requests.RequestException:
                time.sleep(0.1)
        assert requests.get(base + "/search", params={"q": "domestic violence refuge"}, timeout=HTTP_TIMEOUT).status_code == 200
        assert requests.get(base + "/api/services", params={"search": "addiction counselling"}, timeout=HTTP_TIMEOUT).status_code == 200
        requests.get(base + "/staff/clients", params={"q": "Siobhan Fitzgerald"}, timeout=HTTP_TIMEOUT)
    finally:
        stop(proc)
    text = log.read_text(errors="replace")
    assert "GET /search 200" in text and "GET /api/services 200" in text, "the debug log does not show the requests:\n" + text[-2000:]
    for secret in ("domestic", "violence", "addiction", "Siobhan", "Fitzgerald"):
        assert secret not in text, f"{secret!r} reached the log"


def test_guesses_sent_at_once_get_no_more_tries_than_guesses_sent_one_by_one(make_node) -> None:
    """Sixteen wrong sign-ins for one account sent at the same moment: the account is locked after
    five, as if they had come one by one (each attempt is counted before its password is checked),
    so no more than five passwords were tried; and the node keeps answering residents meanwhile."""
    import concurrent.futures

    node = make_node("guesses", org="Guessed Org")
    assert add_user(node, "target", "Target Person", "caseworker", CASEWORKER_PASSWORD).returncode == 0
    server = start_server(node.path, node.work / "guesses-serve.log")
    try:
        base = server.base_url
        forms = []
        for _ in range(16):
            s = requests.Session()
            forms.append((s, login_form(s, base)))
        with concurrent.futures.ThreadPoolExecutor(max_workers=16) as pool:
            answers = list(pool.map(lambda f: f[0].post(base + "/staff/login", data={"csrf": f[1], "username": "target", "password": "a wrong guess"},
                                                        allow_redirects=False, timeout=60), forms))
            health = requests.get(base + "/health", timeout=HTTP_TIMEOUT)
        assert health.status_code == 200
        assert all(a.status_code == 401 for a in answers), [a.status_code for a in answers]
        _, r = sign_in(base, "target", CASEWORKER_PASSWORD)
        assert r.status_code == 401, "the account was not locked after the burst"
    finally:
        server.stop()
    con = sqlite3.connect(f"file:{node.path / 'waymark.sqlite'}?mode=ro", uri=True)
    try:
        actions = [a for (a,) in con.execute("SELECT action FROM audit_log WHERE username = 'target'")]
    finally:
        con.close()
    # Four wrong passwords answered as such; the fifth locks (logged as refused), the rest are refused unchecked.
    assert actions.count("failed sign-in") == 4, f"more than five passwords were tried: {actions}"
    assert actions.count("sign-in refused: locked") == 13, actions


def test_case_notes_are_dated_corrected_sealed_and_erased_with_the_client(staff_node) -> None:
    """Case notes: this organisation's own, dated and by author; a correction keeps the earlier
    version; the words are sealed in the database file (WAL included) and go with the client."""
    node, server = staff_node
    base = server.base_url
    s, _ = sign_in(base, "ciaran", CASEWORKER_PASSWORD)
    r = create_client(s, base, name="Niamh Notetaking", date_of_birth="1979-01-09")
    client_url = base + r.headers["Location"].split("?")[0]
    page = s.get(client_url, timeout=HTTP_TIMEOUT).text
    assert 'id="no-notes"' in page
    # Fields left empty at registration say so, in words.
    assert page.count("Not given") >= 3 and "false" not in page.split('<dl class="client-details">')[1].split("</dl>")[0]
    empty = s.post(client_url + "/notes", data={"csrf": csrf_of(s, base), "note": "   "}, timeout=HTTP_TIMEOUT)
    assert empty.status_code == 400 and "Write the note before saving." in empty.text
    r = s.post(client_url + "/notes", data={"csrf": csrf_of(s, base), "note": "Phoned about the hostel bed on Tuesday"},
               allow_redirects=False, timeout=HTTP_TIMEOUT)
    assert r.status_code == 303 and r.headers["Location"].endswith("#notes-heading")
    page = s.get(client_url, timeout=HTTP_TIMEOUT).text
    first = re.search(r'<option value="(\d+)">[^<]*Phoned about the hostel', page).group(1)
    r = s.post(client_url + "/notes", data={"csrf": csrf_of(s, base), "note": "Phoned about the hostel bed on Wednesday", "supersedes": first},
               allow_redirects=False, timeout=HTTP_TIMEOUT)
    assert r.status_code == 303
    notes = s.get(client_url, timeout=HTTP_TIMEOUT).text
    notes = notes[notes.index('id="case-notes"'):notes.index('id="note-form"')]
    assert "on Wednesday" in notes and "<del>Phoned about the hostel bed on Tuesday</del>" in notes and "Ciarán" not in notes and "ciaran" in notes
    stored = b"".join(p.read_bytes() for p in node.path.glob("waymark.sqlite*"))
    assert b"hostel bed" not in stored, "a case note is readable in the database file"
    con = sqlite3.connect(f"file:{node.path / 'waymark.sqlite'}?mode=ro", uri=True)
    try:
        audit = con.execute("SELECT action, detail FROM audit_log WHERE action LIKE '%case note%'").fetchall()
    finally:
        con.close()
    assert ("add case note", "") in audit and ("correct case note", "") in audit
    # The client's subject access export carries the organisation's own notes about them.
    access = s.get(client_url + "/access", timeout=HTTP_TIMEOUT).text
    assert "Phoned about the hostel bed on Wednesday" in access[access.index('id="access-own"'):]
    exported = s.get(client_url + "/access.json", timeout=HTTP_TIMEOUT).json()
    assert [n["text"] for n in exported["case_notes"]][0] == "Phoned about the hostel bed on Wednesday"
    # Erased with the client.
    admin, _ = sign_in(base, "aoife", ADMIN_PASSWORD)
    r = admin.post(client_url + "/erase", data={"csrf": csrf_of(admin, base), "confirm": "1"}, allow_redirects=False, timeout=HTTP_TIMEOUT)
    assert r.status_code == 303
    con = sqlite3.connect(f"file:{node.path / 'waymark.sqlite'}?mode=ro", uri=True)
    try:
        assert con.execute("SELECT count(*) FROM case_note").fetchone()[0] == 0
    finally:
        con.close()


def test_tasks_are_due_on_the_home_page_done_sealed_and_erased_with_the_client(staff_node) -> None:
    """A caseworker adds a task for a colleague on a client's page; it is due today on the
    colleague's home page (not on the caseworker's), marked done from there, listed among done tasks;
    its words are sealed in the database file and it goes with the client."""
    node, server = staff_node
    base = server.base_url
    s, _ = sign_in(base, "ciaran", CASEWORKER_PASSWORD)
    r = create_client(s, base, name="Tadhg Taskful", date_of_birth="1981-03-04", needs="housing")
    client_path = r.headers["Location"].split("?")[0]
    page = s.get(base + client_path, timeout=HTTP_TIMEOUT).text
    assert 'id="no-tasks"' in page and 'id="task-form"' in page
    # The key worker is whoever registered the client.
    assert '<option value="ciaran" selected>Ciarán Caseworker</option>' in page, "the client is not on the registering worker's caseload"
    today = re.search(r'name="due" type="date" value="(\d{4}-\d\d-\d\d)"', page).group(1)  # a week ahead by default
    empty = s.post(base + "/staff/tasks", data={"csrf": csrf_of(s, base), "task": " ", "due": today, "assignee": "aoife",
                                                 "client": client_path.rsplit("/", 1)[1], "back": client_path}, timeout=HTTP_TIMEOUT)
    assert empty.status_code == 400 and "Say what is to be done" in empty.text and 'id="task-error"' in empty.text
    nobody = s.post(base + "/staff/tasks", data={"csrf": csrf_of(s, base), "task": "Ring the council", "due": today, "assignee": "nobody",
                                                  "client": client_path.rsplit("/", 1)[1], "back": client_path}, timeout=HTTP_TIMEOUT)
    assert nobody.status_code == 400 and "Choose who the task is for" in nobody.text
    # What was typed comes back, with the field to put right marked.
    assert 'value="Ring the council"' in nobody.text and 'name="assignee" aria-invalid="true"' in nobody.text
    due_now = time.strftime("%Y-%m-%d", time.gmtime())
    r = s.post(base + "/staff/tasks", data={"csrf": csrf_of(s, base), "task": "Ring the council about the housing list", "due": due_now,
                                             "assignee": "aoife", "client": client_path.rsplit("/", 1)[1], "back": client_path},
               allow_redirects=False, timeout=HTTP_TIMEOUT)
    assert r.status_code == 303 and r.headers["Location"] == client_path + "#tasks-heading", r.headers.get("Location")
    assert "Ring the council about the housing list" in s.get(base + client_path, timeout=HTTP_TIMEOUT).text
    # Not on the caseworker's home page; on the admin's, due today.
    assert "Ring the council" not in s.get(base + "/staff", timeout=HTTP_TIMEOUT).text
    admin, _ = sign_in(base, "aoife", ADMIN_PASSWORD)
    home = admin.get(base + "/staff", timeout=HTTP_TIMEOUT).text
    due = home[home.index('id="due-tasks"'):]
    assert "Ring the council about the housing list" in due and "Due today" in due and "Tadhg Taskful" in due
    task_id = re.search(r'data-task="(\d+)"', due).group(1)
    # The caseworker sees it among everyone's tasks, not among their own.
    assert "Ring the council" in s.get(base + "/staff/tasks", params={"who": "all"}, timeout=HTTP_TIMEOUT).text
    assert "Ring the council" not in s.get(base + "/staff/tasks", timeout=HTTP_TIMEOUT).text
    # A key worker who cannot hold a caseload is refused beside the key worker's form.
    bad = s.post(base + client_path + "/worker", data={"csrf": csrf_of(s, base), "worker": "nobody"}, timeout=HTTP_TIMEOUT)
    assert bad.status_code == 400 and 'id="worker-error"' in bad.text and 'id="task-error"' not in bad.text
    # The caseload filter: clients with a task due, and the worker's caseload.
    listing = s.get(base + "/staff/clients", params={"due": "1"}, timeout=HTTP_TIMEOUT).text
    assert "Tadhg Taskful" in listing and "Gráinne Mhaol" not in listing
    mine = s.get(base + "/staff/clients", params={"worker": "ciaran", "need": "housing"}, timeout=HTTP_TIMEOUT).text
    assert "Tadhg Taskful" in mine
    assert "Tadhg Taskful" not in s.get(base + "/staff/clients", params={"worker": "aoife"}, timeout=HTTP_TIMEOUT).text
    # The printable summary: details, key worker and the open task; no forms; the print is audited.
    summary = s.get(base + client_path + "/summary", timeout=HTTP_TIMEOUT)
    assert summary.status_code == 200 and "Tadhg Taskful" in summary.text and "Ring the council about the housing list" in summary.text
    assert "Ciarán Caseworker" in summary.text and "This sheet holds personal information" in summary.text
    assert '<form method="post"' not in summary.text.split('<main', 1)[1].split("</main>")[0], "the summary carries forms"
    assert 'data-print id="print-summary"' in summary.text
    # Done, from the home page.
    r = admin.post(base + f"/staff/tasks/{task_id}/done", data={"csrf": csrf_of(admin, base), "done": "1", "back": "/staff?lang=en#tasks-heading"},
                   allow_redirects=False, timeout=HTTP_TIMEOUT)
    assert r.status_code == 303 and r.headers["Location"] == "/staff?lang=en#tasks-heading"
    assert "Ring the council" not in admin.get(base + "/staff", timeout=HTTP_TIMEOUT).text
    done = admin.get(base + "/staff/tasks", params={"who": "aoife", "show": "done"}, timeout=HTTP_TIMEOUT).text
    assert "Ring the council about the housing list" in done and "done by Aoife Admin" in done
    # A stranger to the session cannot mark tasks (no CSRF token, no session).
    assert requests.post(base + f"/staff/tasks/{task_id}/done", data={"done": "0"}, allow_redirects=False,
                         timeout=HTTP_TIMEOUT).status_code in (303, 403)
    stored = b"".join(p.read_bytes() for p in node.path.glob("waymark.sqlite*"))
    assert b"Ring the council" not in stored, "a task is readable in the database file"
    r = admin.post(base + client_path + "/erase", data={"csrf": csrf_of(admin, base), "confirm": "1"}, allow_redirects=False, timeout=HTTP_TIMEOUT)
    assert r.status_code == 303
    con = sqlite3.connect(f"file:{node.path / 'waymark.sqlite'}?mode=ro", uri=True)
    try:
        assert con.execute("SELECT count(*) FROM task").fetchone()[0] == 0
        assert con.execute("SELECT count(*) FROM audit_log WHERE action = 'print client summary'").fetchone()[0] >= 1
    finally:
        con.close()


def test_files_kept_with_a_client_are_type_checked_sealed_downloaded_and_erased(staff_node) -> None:
    """A scanned consent (PDF) is kept with a client's record and downloaded as it was; a program
    named .pdf and a file over 5 MB are refused in the worker's words; the database file (WAL
    included) holds neither the file's name nor its words; the file goes with the client."""
    node, server = staff_node
    base = server.base_url
    s, _ = sign_in(base, "ciaran", CASEWORKER_PASSWORD)
    r = create_client(s, base, name="Labhaoise Filekeeper", date_of_birth="1975-08-19")
    client_path = r.headers["Location"].split("?")[0]
    page = s.get(base + client_path, timeout=HTTP_TIMEOUT).text
    assert 'id="no-files"' in page and 'enctype="multipart/form-data"' in page
    token = csrf_of(s, base)
    pdf = b"%PDF-1.4\n1 0 obj << /Title (Signed consent of Labhaoise) >> endobj\n%%EOF\n" + bytes(range(256)) * 40
    r = s.post(base + client_path + "/attachments", data={"csrf": token, "lang": "en"},
               files={"file": ("consent-Labhaoise.pdf", pdf, "application/pdf")}, allow_redirects=False, timeout=HTTP_TIMEOUT)
    assert r.status_code == 303 and r.headers["Location"].endswith("#files-heading"), (r.status_code, r.text[:300])
    page = s.get(base + client_path, timeout=HTTP_TIMEOUT).text
    link = re.search(r'href="(/staff/clients/[^"]+/attachments/\d+)" download>consent-Labhaoise\.pdf<', page)
    assert link, "the file is not listed"
    got = s.get(base + link.group(1), timeout=HTTP_TIMEOUT)
    assert got.status_code == 200 and got.content == pdf and got.headers["Content-Type"] == "application/pdf"
    assert got.headers["Content-Disposition"].startswith("attachment;") and got.headers["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in got.headers["Content-Security-Policy"]
    # A program renamed .pdf, and the browser's claim, count for nothing.
    r = s.post(base + client_path + "/attachments", data={"csrf": token, "lang": "en"},
               files={"file": ("invoice.pdf", b"MZ\x90\x00" + b"\x00" * 500, "application/pdf")}, timeout=HTTP_TIMEOUT)
    assert r.status_code == 400 and "Only PDF, JPEG and PNG files can be kept" in r.text
    r = s.post(base + client_path + "/attachments", data={"csrf": token, "lang": "en"},
               files={"file": ("scan.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * (6 << 20), "image/png")}, timeout=HTTP_TIMEOUT)
    # The body is not read past 5 MB: the worker is sent back to the client's files, told why.
    assert r.status_code == 200 and r.history and r.history[0].status_code == 303 and "larger than 5 MB" in r.text and 'id="file-error"' in r.text
    r = s.post(base + client_path + "/attachments", data={"csrf": token, "lang": "en"}, files={"file": ("", b"", "application/octet-stream")},
               timeout=HTTP_TIMEOUT)
    assert r.status_code == 400 and "Choose a file first" in r.text
    # Without the form's token nothing is kept, even from a signed-in session.
    r = s.post(base + client_path + "/attachments", data={"csrf": "0" * 64}, files={"file": ("x.pdf", pdf, "application/pdf")}, timeout=HTTP_TIMEOUT)
    assert r.status_code == 403
    stored = b"".join(p.read_bytes() for p in node.path.glob("waymark.sqlite*"))
    assert b"Signed consent of Labhaoise" not in stored and b"consent-Labhaoise" not in stored, "the file is readable in the database file"
    admin, _ = sign_in(base, "aoife", ADMIN_PASSWORD)
    r = admin.post(base + client_path + "/erase", data={"csrf": csrf_of(admin, base), "confirm": "1"}, allow_redirects=False, timeout=HTTP_TIMEOUT)
    assert r.status_code == 303
    con = sqlite3.connect(f"file:{node.path / 'waymark.sqlite'}?mode=ro", uri=True)
    try:
        assert con.execute("SELECT count(*) FROM attachment").fetchone()[0] == 0
    finally:
        con.close()
    assert s.get(base + link.group(1), timeout=HTTP_TIMEOUT).status_code == 404


def test_a_member_of_staff_changes_their_own_password(staff_node) -> None:
    """From "Your account": the current password is needed (a wrong one counts as a failed sign-in),
    the new one twice; afterwards the other browser is signed out, this one stays, and only the new
    password signs in. Audited."""
    node, server = staff_node
    base = server.base_url
    assert add_user(node, "pw.change", "Pádraig Password", "caseworker", CASEWORKER_PASSWORD).returncode == 0
    here, _ = sign_in(base, "pw.change", CASEWORKER_PASSWORD)
    there, _ = sign_in(base, "pw.change", CASEWORKER_PASSWORD)
    new = "a brand new passphrase"
    r = here.post(base + "/staff/account/password", data={"csrf": csrf_of(here, base), "current_password": "not it at all",
                                                         "new_password": new, "repeat_password": new}, timeout=HTTP_TIMEOUT)
    assert r.status_code == 400 and "That is not your password now" in r.text
    r = here.post(base + "/staff/account/password", data={"csrf": csrf_of(here, base), "current_password": CASEWORKER_PASSWORD,
                                                         "new_password": new, "repeat_password": new + "x"}, timeout=HTTP_TIMEOUT)
    assert r.status_code == 400 and "not the same" in r.text
    r = here.post(base + "/staff/account/password", data={"csrf": csrf_of(here, base), "current_password": CASEWORKER_PASSWORD,
                                                         "new_password": new, "repeat_password": new}, allow_redirects=False, timeout=HTTP_TIMEOUT)
    assert r.status_code == 303 and "saved=password" in r.headers["Location"]
    assert here.get(base + "/staff/account", allow_redirects=False, timeout=HTTP_TIMEOUT).status_code == 200, "this browser was signed out"
    assert there.get(base + "/staff/account", allow_redirects=False, timeout=HTTP_TIMEOUT).status_code == 303, "the other browser is still signed in"
    _, old = sign_in(base, "pw.change", CASEWORKER_PASSWORD)
    assert old.status_code != 303, "the old password still signs in"
    fresh, ok = sign_in(base, "pw.change", new)
    assert ok.status_code == 303
    assert fresh.get(base + "/staff/account", allow_redirects=False, timeout=HTTP_TIMEOUT).status_code == 200
    con = sqlite3.connect(f"file:{node.path / 'waymark.sqlite'}?mode=ro", uri=True)
    try:
        assert con.execute("SELECT count(*) FROM audit_log WHERE username = 'pw.change' AND action = 'change own password'").fetchone()[0] == 1
    finally:
        con.close()
