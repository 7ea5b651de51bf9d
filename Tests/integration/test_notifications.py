"""Email notifications to staff through a real SMTP server process (aiosmtpd, writing a Maildir),
between two real nodes: a worker at the partner organisation asks to be told of new referrals,
messages on referrals and their tasks due; the home organisation refers a client and writes on the
referral. Each email arrives once, links to the staff site and names no client. A mail server that
is down loses nothing: the email waits, and the admin sees why."""
from __future__ import annotations

import email
import mailbox
import pathlib
import re
import subprocess
import sys
import time
from typing import Iterator

import pytest
import requests

from waymark_processes import LIVE, stop
from test_federation import FedNode, free_port, new_node, wait_until  # noqa: F401

PASSWORD = "notifications caseworker"


def csrf(s: requests.Session, page: str) -> str:
    return re.search(r'name="csrf" value="([0-9a-f]{64})"', page).group(1)


class MailServer:
    """aiosmtpd as its own process, delivering into a Maildir."""

    def __init__(self, work: pathlib.Path):
        self.port = free_port()
        self.maildir = work / "maildir"
        self.log = work / "smtpd.log"
        self.proc: subprocess.Popen | None = None

    def start(self) -> "MailServer":
        with open(self.log, "ab") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{self.port}", "-c", "aiosmtpd.handlers.Mailbox", str(self.maildir)],
                stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        LIVE.add(self.proc)
        import socket
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1) as sock:
                    if sock.recv(100).startswith(b"220"):
                        return self
            except OSError:
                time.sleep(0.1)
        pytest.fail("the SMTP server did not start\n" + self.log.read_text())

    def stop(self) -> None:
        if self.proc:
            stop(self.proc)
            self.proc = None

    def messages(self) -> list[email.message.Message]:
        if not self.maildir.exists():
            return []
        return [email.message_from_bytes(m.as_bytes()) for m in mailbox.Maildir(str(self.maildir), create=False)]

    def to(self, address: str) -> list[tuple[str, str]]:
        out = []
        for m in self.messages():
            if m["To"] == address:
                subject = str(email.header.make_header(email.header.decode_header(m["Subject"])))
                out.append((subject, m.get_payload(decode=True).decode("utf-8")))
        return out


@pytest.fixture(scope="module")
def mail_pair(make_node, tmp_path_factory) -> Iterator[tuple[FedNode, FedNode, MailServer]]:
    smtp = MailServer(tmp_path_factory.mktemp("smtp")).start()
    a, b = (new_node(make_node, f"notify-{x}", f"Notify Org {x.upper()}") for x in "ab")
    a.add_staff("ciaran", "Ciarán Caseworker", "caseworker", PASSWORD)
    b.add_staff("brid", "Bríd Partner", "caseworker", PASSWORD)
    b.add_staff("aoife", "Aoife Admin", "admin", PASSWORD)
    # B publishes a slice of the sample directory: the services a referral can be made for.
    b.cli_ok("import", "--data", b.path, "--sample", "--sample-part", "1/40")
    a.start("--only-added-peers")
    b.start("--only-added-peers", "--smtp", f"127.0.0.1:{smtp.port}", "--mail-from", "waymark@notify-b.example", "--notify-interval", "0.5")
    try:
        a.found_with(b)
        wait_until("A knows B", lambda: "Notify Org B" in a.peer_list(), 60, (a, b))
        yield a, b, smtp
    finally:
        for n in (a, b):
            n.stop()
        smtp.stop()


def test_a_worker_is_emailed_of_a_referral_a_message_and_a_task_without_client_details(mail_pair) -> None:
    a, b, smtp = mail_pair
    partner = b.staff_session("brid", PASSWORD)
    page = partner.get(b.url + "/staff/account", timeout=10).text
    assert 'id="no-mail"' not in page, "the node has a mail server but says it has none"
    # A bad address is refused in the worker's words, keeping what was ticked; header injection cannot pass.
    r = partner.post(b.url + "/staff/account", data={"csrf": csrf(partner, page), "email": "brid@example.org\r\nBcc: x@evil.example",
                                                     "notify": ["referral"]}, timeout=10)
    assert r.status_code == 400 and "does not look like an email address" in r.text and 'value="referral" checked' in r.text
    r = partner.post(b.url + "/staff/account", data={"csrf": csrf(partner, page), "email": "brid@partner.example",
                                                     "notify": ["referral", "message", "task"]}, allow_redirects=False, timeout=10)
    assert r.status_code == 303 and "saved=1" in r.headers["Location"]

    # The home organisation refers a client to B and writes on the referral.
    home = a.staff_session("ciaran", PASSWORD)
    page = home.get(a.url + "/staff/clients/new", timeout=10).text
    r = home.post(a.url + "/staff/clients", data={"csrf": csrf(home, page), "name": "Fionnuala Mailclient", "date_of_birth": "1990-06-01",
                                                   "contact": "087 111 2222", "needs": "housing"}, allow_redirects=False, timeout=10)
    client_url = a.url + r.headers["Location"].split("?")[0]
    page = home.get(client_url, timeout=10).text
    b_key = re.search(r'<option value="([0-9a-f]{64})">Notify Org B · ', page).group(1)
    r = home.post(client_url + "/consents", data={"csrf": csrf(home, page), "organization": b_key, "purpose": "referral", "class": ["contact", "needs"],
                                                   "start": "2026-11-22", "end": "2027-11-21", "method": "written"}, allow_redirects=False, timeout=10)
    assert r.status_code == 303
    page = home.get(client_url, timeout=10).text
    # A service B publishes, as A's directory has it: the referral names it and so the organisation that runs it.
    wait_until("A has B's services", lambda: a.get("/api/services", params={"per_page": 1}).json()["total_items"] > 0, 60, (a, b))
    service = a.get("/api/services", params={"per_page": 1}).json()["contents"][0]
    service_doc = a.get(f"/api/services/{service['id']}").json()
    runner = service_doc["organization"]["name"]
    r = home.post(client_url + "/referrals", data={"csrf": csrf(home, page), "organization": b_key, "service_id": service["id"],
                                                    "service_name": service["name"], "note": "Sleeping at her sister's"}, allow_redirects=False, timeout=10)
    assert r.status_code == 303
    key = re.search(r'href="/staff/referrals/([0-9a-f]{64})', home.get(client_url, timeout=10).text).group(1)
    # Both sides see which organisation runs the service (not only the node it is on), and whom to contact there.
    page = home.get(a.url + f"/staff/referrals/{key}", timeout=10).text
    assert f'id="run-by">{runner}<' in page.replace("&#39;", "'").replace("&amp;", "&"), "the referral does not name the organisation running the service"
    assert 'id="provider-contact">' in page
    wait_until("B's worker is emailed of the referral", lambda: any("New referral from Notify Org A" in s for s, _ in smtp.to("brid@partner.example")),
               60, (a, b))
    page = home.get(a.url + f"/staff/referrals/{key}", timeout=10).text
    r = home.post(a.url + f"/staff/referrals/{key}/messages", data={"csrf": csrf(home, page), "message": "She can only come mornings."},
                  allow_redirects=False, timeout=10)
    assert r.status_code == 303
    wait_until("B's worker is emailed of the message", lambda: any("Notify Org A wrote on a referral" in s for s, _ in smtp.to("brid@partner.example")),
               60, (a, b))
    # A task of hers due today.
    page = partner.get(b.url + f"/staff/referrals/{key}", timeout=10).text
    r = partner.post(b.url + "/staff/tasks", data={"csrf": csrf(partner, page), "task": "Ring Fionnuala about a viewing", "due": time.strftime("%Y-%m-%d", time.gmtime()),
                                                   "assignee": "brid", "referral": key, "back": f"/staff/referrals/{key}"}, allow_redirects=False, timeout=10)
    assert r.status_code == 303
    wait_until("B's worker is emailed of the task", lambda: any(s.startswith("Tasks due today: 1") for s, _ in smtp.to("brid@partner.example")), 60, (a, b))

    mails = smtp.to("brid@partner.example")
    subjects = [s for s, _ in mails]
    assert len(subjects) == len(set(subjects)) == 3, f"each event is mailed once: {subjects}"
    for subject, body in mails:
        assert f"{b.url}/staff/" in body, "the email does not link to the staff site"
        for secret in ("Fionnuala", "Mailclient", "087 111 2222", "housing", "Sleeping", "mornings", "viewing"):
            assert secret not in subject + body, f"the email shows {secret!r}"
    referral_mail = next(body for s, body in mails if s.startswith("New referral"))
    assert f"{b.url}/staff/referrals/{key}?lang=en" in referral_mail
    # Nobody else at B asked: nothing for the admin, nothing at A (which has no mail server).
    assert all(m["To"] == "brid@partner.example" for m in smtp.messages())
    assert smtp.messages()[0]["From"] == "waymark@notify-b.example"


def test_a_mail_server_that_is_down_loses_nothing_and_the_admin_sees_why(mail_pair) -> None:
    a, b, smtp = mail_pair
    admin = b.staff_session("aoife", PASSWORD)
    page = admin.get(b.url + "/staff/account", timeout=10).text
    r = admin.post(b.url + "/staff/account", data={"csrf": csrf(admin, page), "email": "aoife@partner.example", "notify": ["task"]},
                   allow_redirects=False, timeout=10)
    assert r.status_code == 303
    smtp.stop()
    before = len(smtp.messages())
    partner = b.staff_session("brid", PASSWORD)
    clients = partner.get(b.url + "/staff/referrals", timeout=10).text
    key = re.search(r'href="/staff/referrals/([0-9a-f]{64})', clients).group(1)
    page = partner.get(b.url + f"/staff/referrals/{key}", timeout=10).text
    r = partner.post(b.url + "/staff/tasks", data={"csrf": csrf(partner, page), "task": "Check the hostel list", "due": time.strftime("%Y-%m-%d", time.gmtime()),
                                                   "assignee": "aoife", "referral": key, "back": f"/staff/referrals/{key}"}, allow_redirects=False, timeout=10)
    assert r.status_code == 303
    wait_until("the failure is recorded", lambda: b.sql("SELECT count(*) FROM mail_outbox WHERE sent_at IS NULL AND last_error IS NOT NULL")[0][0] >= 1, 30, (a, b))
    status = admin.get(b.url + "/staff/account", timeout=10).text
    assert 'id="mail-error"' in status and "cannot reach the mail server" in status and "1 waiting to be sent" in status
    assert len(smtp.messages()) == before
    # Nothing of the email's words stays once sent; what waits holds no client.
    waiting = b.sql("SELECT subject, body FROM mail_outbox WHERE sent_at IS NULL")
    assert waiting and all("Check the hostel" not in s + body for s, body in waiting)
    assert b.sql("SELECT count(*) FROM mail_outbox WHERE sent_at IS NOT NULL AND (subject <> '' OR body <> '')")[0][0] == 0
