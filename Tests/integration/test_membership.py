"""Membership against real `waymark serve` processes (Protocol/SPEC.md §9, Protocol/THREAT_MODEL.md).

A founds the federation and vouches for B; each publishes half of the sample. The tests then act as
the adversaries of the threat model, with envelopes and requests made by hand (`waymark_wire`, a
second implementation of the wire format written from the spec):

- a stranger (a key nobody vouched for) gets 403 from every sync endpoint, reads nothing, and its
  envelopes are never stored, even when a member relays them;
- a member gone bad (a key A vouched for) cannot take over or delete a service B published first,
  whatever clock it claims, cannot borrow B's name, and once removed, its listings disappear and its
  requests are refused.

Each attack is checked on both nodes: nothing they show changed, and the reason is logged.
"""
from __future__ import annotations

import json
import re
import socket
import sqlite3
import time

import nacl.signing
import pytest
import requests

import waymark_wire as wire
from conftest import SAMPLE_SERVICES
from test_federation import CONVERGE, FedNode, new_node, wait_until


def services_named(node: FedNode) -> dict[str, str]:
    return {r[0]: r[1] for r in node.sql("SELECT id, json_extract(body, '$.name') FROM record WHERE tbl = 'service'")}


def authors(node: FedNode) -> set[bytes]:
    return {r[0] for r in node.sql("SELECT DISTINCT author FROM envelope")}


def rejections(node: FedNode, reason: str) -> int:
    return node.sql("SELECT count(*) FROM rejection WHERE reason = ?", reason)[0][0]


@pytest.fixture(scope="module")
def federation(make_node):
    a = new_node(make_node, "member-a", "Membership Org A")
    b = new_node(make_node, "member-b", "Membership Org B")
    a.cli_ok("import", "--sample", "--sample-part", "1/2")
    b.cli_ok("import", "--sample", "--sample-part", "2/2")
    for n in (a, b):
        n.start()
    try:
        a.found_with(b)
        wait_until("A and B both list the whole sample", lambda: a.total() == SAMPLE_SERVICES and b.total() == SAMPLE_SERVICES,
                   CONVERGE, (a, b))
        yield a, b
    finally:
        for n in (a, b):
            n.stop()


def test_a_stranger_gets_403_from_every_sync_endpoint_and_reads_nothing(federation) -> None:
    a, b = federation
    stranger = wire.Signer()
    before = (a.db_envelopes(), b.db_envelopes())
    record, _ = stranger.envelope(wire.NODE_RECORD, wire.node_record("Membership Org B", "http://127.0.0.1:9", "x", b"\x01" * 32),
                                  clock=wire.hlc(int(time.time() * 1000)))
    any_prefix = bytes.fromhex(a.sql("SELECT hex(id) FROM envelope LIMIT 1")[0][0])[:16]
    for node in (a, b):
        for path, body in (("/sync/v1/reconcile", b"\x61"), ("/sync/v1/fetch", any_prefix), ("/sync/v1/push", wire.frames(record))):
            r = stranger.post(node.url, path, body)
            assert r.status_code == 403, f"{node.label} {path}: a stranger got {r.status_code}: {r.text[:300]}"
            problem = r.json()
            assert problem["title"] == "Not a member" and stranger.fingerprint in problem["detail"], problem
        # The public node record stays public: anyone may learn a node's key to check its fingerprint.
        assert requests.get(node.url + "/sync/v1/node", timeout=10).status_code == 200
    assert (a.db_envelopes(), b.db_envelopes()) == before, "a refused request changed what a node holds"
    assert stranger.public not in authors(a) | authors(b)


def test_a_strangers_envelopes_relayed_by_a_member_are_refused_and_never_stored(federation) -> None:
    """The listing takeover that was possible before membership: a stranger's first envelope dated
    1970 claiming one of B's services, and a tombstone for another. A member relays them; every node
    refuses them as not-member, stores none, and B's services are unchanged."""
    a, b = federation
    relay = wire.Signer()
    a.cli_ok("member", "add", "--key", relay.public.hex(), "--fingerprint", relay.fingerprint, "--name", "Membership Relay")
    wait_until("B holds the relay's vouch", lambda: "Membership Relay" in b.cli_ok("member", "list").stdout, CONVERGE, (a, b))
    names = services_named(b)
    own_b = sorted(r[0] for r in b.sql("SELECT id FROM record WHERE tbl = 'service' AND publisher = ?",
                                      b.signing_key()))
    victim, deleted = own_b[0], own_b[1]
    stranger = wire.Signer()
    claim, _ = stranger.envelope(wire.DIRECTORY_RECORD, wire.directory_record("service", victim, {
        "name": "Call 0871234567 now", "status": "active", "description": "taken over"}), clock=wire.hlc(1000))
    tomb, _ = stranger.envelope(wire.DIRECTORY_TOMBSTONE, wire.canonical({"table": "service", "id": deleted}), clock=wire.hlc(2000))
    impostor, _ = stranger.envelope(wire.NODE_RECORD, wire.node_record("Membership Org B", "http://127.0.0.1:9", "x", b"\x02" * 32),
                                    clock=wire.hlc(3000))
    for node in (a, b):
        before = rejections(node, "not-member")
        r = relay.post(node.url, "/sync/v1/push", wire.frames(claim, tomb, impostor))
        assert r.status_code == 200, r.text
        report = r.json()
        assert report["accepted"] == 0 and report["pending"] == 0, report
        assert sorted(x["reason"] for x in report["rejected"]) == ["not-member"] * 3, report
        assert rejections(node, "not-member") >= before + 3, "the refusals were not logged"
        assert stranger.public not in authors(node), f"{node.label} stored a stranger's envelope"
        assert node.sql("SELECT count(*) FROM pending_envelope")[0][0] == 0, "a stranger's envelope waits in the held-back queue"
        assert node.sql("SELECT count(*) FROM peer WHERE url = 'http://127.0.0.1:9'")[0][0] == 0, "a stranger's URL became a peer"
    time.sleep(2)
    for node in (a, b):
        now = services_named(node)
        assert now[victim] == names[victim] and deleted in now, f"{node.label}: B's services changed"
        assert node.total() == SAMPLE_SERVICES


def test_a_member_cannot_take_over_or_delete_a_service_another_member_published_first(federation) -> None:
    """A member gone bad (vouched for, so its envelopes are stored and relayed) claims one of B's
    services with a clock from 1970 and deletes another. B's services have ids in B's key's namespace
    (`waymark import` gives them), so every node refuses both envelopes as not-owner and stores
    neither; B keeps both services on every node."""
    a, b = federation
    bad = wire.Signer()
    a.cli_ok("member", "add", "--key", bad.public.hex(), "--fingerprint", bad.fingerprint, "--name", "Membership Gone Bad")
    wait_until("B holds the vouch", lambda: "Membership Gone Bad" in b.cli_ok("member", "list").stdout, CONVERGE, (a, b))
    names = services_named(a)
    own_b = sorted(r[0] for r in b.sql("SELECT id FROM record WHERE tbl = 'service' AND publisher = ?", b.signing_key()))
    victim, deleted = own_b[2], own_b[3]
    claim, claim_id = bad.envelope(wire.DIRECTORY_RECORD, wire.directory_record("service", victim, {
        "name": "Taken over by a member", "status": "active"}), clock=wire.hlc(1000))
    tomb, _ = bad.envelope(wire.DIRECTORY_TOMBSTONE, wire.canonical({"table": "service", "id": deleted}), clock=wire.hlc(2000))
    before = rejections(a, "not-owner")
    r = bad.post(a.url, "/sync/v1/push", wire.frames(claim, tomb))
    assert r.status_code == 200, r.text
    report = r.json()
    assert report["accepted"] == 0, report
    assert sorted(x["reason"] for x in report["rejected"]) == ["not-owner", "not-owner"], report
    assert all("namespace" in x["detail"] for x in report["rejected"]), report
    assert rejections(a, "not-owner") >= before + 2
    time.sleep(2)
    for node in (a, b):
        assert bad.public not in authors(node), f"{node.label} stored a claim of another member's row"
        now = services_named(node)
        assert now[victim] == names[victim], f"{node.label}: a member took over B's service"
        assert deleted in now, f"{node.label}: a member deleted B's service"
        assert node.total() == SAMPLE_SERVICES


def test_a_member_cannot_take_a_service_published_after_it_joined_whatever_clock_it_signs(federation, tmp_path) -> None:
    """The gap a clock rule cannot close: a member admitted before B publishes a new service signs a
    claim dated one tick before B's own, as a new first envelope (so no rule of its own chain bounds
    the clock), and a tombstone dated the same; it also lists a service of its own under B's
    organisation. Every node refuses all three as not-owner (the service's id and B's organisation's
    id are in B's key's namespace), stores none, and shows B's service as B published it."""
    a, b = federation
    bad = wire.Signer()
    a.cli_ok("member", "add", "--key", bad.public.hex(), "--fingerprint", bad.fingerprint, "--name", "Membership Early Bird")
    wait_until("B holds the vouch", lambda: "Membership Early Bird" in b.cli_ok("member", "list").stdout, CONVERGE, (a, b))
    time.sleep(1.5)
    org_b = b.sql("SELECT id FROM record WHERE tbl = 'organization' AND publisher = ? ORDER BY id LIMIT 1", b.signing_key())[0][0]
    source = tmp_path / "new_service.json"
    source.write_text(json.dumps({"id": "b-new-service", "organization_id": "b-new-org", "name": "Homework Club (new)", "status": "active",
                                  "organization": {"id": "b-new-org", "name": "Membership Org B homework", "description": "Homework help"}}))
    b.cli_ok("import", "--table", "service", source)
    new_id = b.sql("SELECT id FROM record WHERE tbl = 'service' AND json_extract(body, '$.name') = 'Homework Club (new)'")[0][0]
    assert new_id != "b-new-service" and new_id.split("-")[2].startswith("8"), new_id
    wait_until("A lists B's new service", lambda: new_id in services_named(a), CONVERGE, (a, b))
    real_clock = b.sql("SELECT clock FROM envelope WHERE row_table = 'service' AND row_id = ?", new_id)[0][0]
    claim, _ = bad.envelope(wire.DIRECTORY_RECORD, wire.directory_record("service", new_id, {
        "name": "Homework Club (call 0871234567)", "status": "active"}), clock=real_clock - 1)
    tomb, _ = bad.envelope(wire.DIRECTORY_TOMBSTONE, wire.canonical({"table": "service", "id": new_id}), clock=real_clock - 1)
    own_id = "c0ffee00-0000-4000-8000-000000000001"
    under_b, _ = bad.envelope(wire.DIRECTORY_RECORD, wire.directory_record("service", own_id, {
        "name": "Membership Org B money advice", "status": "active", "organization_id": org_b}), clock=wire.hlc(int(time.time() * 1000)))
    for node in (a, b):
        before = rejections(node, "not-owner")
        r = bad.post(node.url, "/sync/v1/push", wire.frames(claim, tomb, under_b))
        assert r.status_code == 200, r.text
        report = r.json()
        assert report["accepted"] == 0, report
        assert sorted(x["reason"] for x in report["rejected"]) == ["not-owner"] * 3, report
        assert rejections(node, "not-owner") >= before + 3, "the refusals were not logged"
    time.sleep(2)
    for node in (a, b):
        assert services_named(node)[new_id] == "Homework Club (new)", f"{node.label}: a member took over B's new service"
        assert own_id not in services_named(node), f"{node.label} lists a service under another member's organisation"
        assert bad.public not in authors(node)


def test_a_member_cannot_borrow_another_members_name_and_a_removed_member_disappears(federation) -> None:
    a, b = federation
    bad = wire.Signer()
    a.cli_ok("member", "add", "--key", bad.public.hex(), "--fingerprint", bad.fingerprint, "--name", "Membership Impostor")
    # Vouching for a second organisation under an existing member's name is refused.
    other = wire.Signer()
    proc = a.cli("member", "add", "--key", other.public.hex(), "--fingerprint", other.fingerprint, "--name", "membership org b")
    assert proc.returncode != 0 and "unique" in proc.stderr, proc.stderr
    now = int(time.time() * 1000)
    record, _ = bad.envelope(wire.NODE_RECORD, wire.node_record("Membership Org B", "http://127.0.0.1:9", "impostor", b"\x03" * 32),
                             clock=wire.hlc(now))
    service, _ = bad.envelope(wire.DIRECTORY_RECORD, wire.directory_record("service", "impostor-service-1", {
        "name": "Impostor drop-in", "status": "active"}), clock=wire.hlc(now + 1))
    r = bad.post(a.url, "/sync/v1/push", wire.frames(record, service))
    assert r.status_code == 200 and r.json()["accepted"] == 2, r.text
    wait_until("B lists the impostor's service", lambda: b.service("impostor-service-1").status_code == 200, CONVERGE, (a, b))
    for node in (a, b):
        known = node.peer_list().split("Known nodes", 1)[1]
        assert known.count("Membership Org B") == 1, f"{node.label} shows two organisations named Membership Org B:\n{known}"
        assert "Membership Impostor" in known and bad.fingerprint in known, known

    a.cli_ok("member", "remove", bad.fingerprint, "--reason", "key compromised")
    for node in (a, b):
        wait_until(f"{node.label} hides the removed member's service", lambda n=node: n.service("impostor-service-1").status_code == 404,
                   CONVERGE, (a, b))
        assert "Membership Impostor" not in node.peer_list().split("Known nodes", 1)[1]
    # Its requests are refused from now on, and what it signs later shows nowhere, whoever relays it.
    later, _ = bad.envelope(wire.DIRECTORY_RECORD, wire.directory_record("service", "impostor-service-2", {
        "name": "After removal", "status": "active"}), clock=wire.hlc(int(time.time() * 1000)))
    assert bad.post(b.url, "/sync/v1/push", wire.frames(later)).status_code == 403
    relay = wire.Signer()
    a.cli_ok("member", "add", "--key", relay.public.hex(), "--fingerprint", relay.fingerprint, "--name", "Membership Relay Two")
    r = relay.post(a.url, "/sync/v1/push", wire.frames(later))
    assert r.status_code == 200, r.text
    time.sleep(1)
    assert a.service("impostor-service-2").status_code == 404


def test_a_node_restored_from_an_old_backup_catches_up_instead_of_forking(federation, tmp_path) -> None:
    """B is backed up while serving, then publishes a change; B is lost and restored from the backup.
    The restored node refuses to sign until it has synced, takes back the change it made after the
    backup, and then continues its chain: no peer flags it as forked."""
    a, b = federation
    backup = tmp_path / "b-backup"
    proc = b.cli_ok("backup", "--out", backup)
    assert "Backed up" in proc.stdout, proc.stdout
    assert oct((backup / "identity.key").stat().st_mode & 0o777) == "0o600"
    sid = sorted(r[0] for r in b.sql("SELECT id FROM record WHERE tbl = 'service' AND publisher = ?", b.signing_key()))[5]
    b.cli_ok("update", "--table", "service", "--id", sid, "--set", "name=Changed after the backup")
    wait_until("A shows B's change", lambda: services_named(a)[sid] == "Changed after the backup", CONVERGE, (a, b))

    b.stop()
    lost = b.path.parent / (b.path.name + "-lost")
    b.path.rename(lost)
    proc = b.cli_ok("restore", "--from", backup)
    assert services_named(b)[sid] != "Changed after the backup", "the backup was taken before the change"
    refused = b.cli("update", "--table", "service", "--id", sid, "--set", "name=Signed too early")
    assert refused.returncode != 0 and "restored from a backup" in refused.stderr, refused.stderr
    b.start()
    wait_until("the restored B takes its own later change back from A",
               lambda: services_named(b)[sid] == "Changed after the backup", CONVERGE, (a, b))
    wait_until("the restored B may sign again",
               lambda: b.cli("update", "--table", "service", "--id", sid, "--set", "name=Changed after the restore").returncode == 0,
               CONVERGE, (a, b))
    wait_until("A shows the change made after the restore", lambda: services_named(a)[sid] == "Changed after the restore", CONVERGE, (a, b))
    key = bytes.fromhex(b.signing_key())
    reused = a.sql("SELECT sequence, count(*) FROM envelope WHERE author = ? GROUP BY sequence HAVING count(*) > 1", key)
    assert reused == [], f"B reused sequence numbers after the restore: {reused}"
    assert a.metric("waymark_forked_authors") == 0


def test_a_member_that_answers_without_end_costs_a_node_at_most_the_answer_limit(federation) -> None:
    """A member gone bad answers a sync session's first request with a stream that never ends. The
    node calling it stops reading at the answer limit (16 MiB), says so, and its memory stays near
    what a sync costs anyway: the stream is never read whole (before, a 1.2 GB answer was)."""
    import http.server
    import os
    import socketserver
    import subprocess
    import threading

    from conftest import BIN
    from waymark_processes import free_port

    a, _ = federation
    bad = wire.Signer()
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    record, _ = bad.envelope(wire.NODE_RECORD, wire.node_record("Membership Endless Org", url, "endless-org", os.urandom(32)),
                             clock=wire.hlc(int(time.time() * 1000)))
    sent = {"bytes": 0, "largest": 0}

    class Endless(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:  # quiet
            pass

        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/octet-stream")
            self.send_header("Content-Length", str(len(record)))
            self.end_headers()
            self.wfile.write(record)

        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length", "0")))
            self.send_response(200)
            self.send_header("Content-Type", "application/octet-stream")  # no length: read until the end
            self.end_headers()
            block = b"\x01" * 65536
            mine = 0
            try:
                while sent["bytes"] < 2 << 30:
                    self.wfile.write(block)
                    sent["bytes"] += len(block)
                    mine += len(block)
            except (BrokenPipeError, ConnectionResetError):
                pass
            sent["largest"] = max(sent["largest"], mine)
            self.close_connection = True

    class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
        daemon_threads = True

    server = Server(("127.0.0.1", port), Endless)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        a.cli_ok("member", "add", "--key", bad.public.hex(), "--fingerprint", bad.fingerprint, "--name", "Membership Endless Org")
        a.cli_ok("peer", "add", url, "--fingerprint", bad.fingerprint)
        proc = subprocess.Popen([str(BIN), "sync", "--data", str(a.path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        peak_kib = 0
        started = time.monotonic()
        while proc.poll() is None and time.monotonic() - started < 120:
            try:
                with open(f"/proc/{proc.pid}/status") as status:
                    for line in status:
                        if line.startswith("VmHWM:"):
                            peak_kib = max(peak_kib, int(line.split()[1]))
            except FileNotFoundError:
                pass
            time.sleep(0.02)
        out, err = proc.communicate(timeout=60)
        elapsed = time.monotonic() - started
        assert f"{url}: failed: answer of more than" in out and "over the limit; stopped reading" in out, out + err
        # Each answer is cut off near the limit (A's and B's own sync loops call the endless member too).
        time.sleep(1)
        assert sent["bytes"] < 2 << 30, "some node read the endless answer until the member stopped sending"
        assert sent["largest"] < 40 << 20, f"the endless member could send {sent['largest'] >> 20} MiB in one answer before a node stopped reading"
        assert peak_kib < 400 * 1024, f"the node's sync grew to {peak_kib >> 10} MiB reading an endless answer"
        assert elapsed < 90, f"the sync took {elapsed:.0f} s to give up on an endless answer"
    finally:
        server.shutdown()
        a.cli("member", "remove", bad.fingerprint, "--reason", "answers without end")
        a.cli("peer", "remove", url)


def test_an_address_whose_sync_requests_keep_being_refused_is_turned_away_and_members_are_not(federation) -> None:
    """A stranger that keeps calling costs a node at most 30 refused requests per address in 10
    minutes: after that its address gets 429 before anything is read or checked. A key that is not a
    member is refused before its body is read. Members' requests are never refused, so they never
    count, and a member elsewhere keeps syncing. (A is restarted trusting the test client as its
    reverse proxy, so that `X-Forwarded-For` gives each request the address it names.)"""
    a, b = federation
    a.stop()
    a.start("--trusted-proxy", "127.0.0.1")
    stranger = wire.Signer()
    member = wire.Signer()
    a.cli_ok("member", "add", "--key", member.public.hex(), "--fingerprint", member.fingerprint, "--name", "Membership Org Behind NAT")

    def call(signer: wire.Signer, address: str, path: str = "/sync/v1/reconcile", body: bytes = b"\x61") -> requests.Response:
        headers = {**signer.request_headers(a.url, path, body), "X-Forwarded-For": address}
        return requests.post(a.url + path, data=body, headers=headers, timeout=30)

    before = a.db_envelopes()
    statuses = [call(stranger, "203.0.113.9").status_code for _ in range(30)]
    assert statuses == [403] * 30, statuses
    r = call(stranger, "203.0.113.9")
    assert r.status_code == 429, r.text
    assert r.json()["title"] == "Too many refused requests" and r.headers.get("Retry-After") == "600", (r.headers, r.text)
    # Unsigned requests from that address are turned away the same way, before their signature is looked at.
    assert requests.post(a.url + "/sync/v1/push", data=b"junk", headers={"X-Forwarded-For": "203.0.113.9"}, timeout=10).status_code == 429
    # The limit is per address: a member's signed request from another address is answered...
    r = call(member, "198.51.100.7", "/sync/v1/fetch", b"")
    assert r.status_code == 200, r.text
    # ...a stranger's from another address is refused as before...
    assert call(stranger, "198.51.100.8").status_code == 403
    # ...and a member sharing the turned-away address waits with it (the price of counting per address).
    assert call(member, "203.0.113.9", "/sync/v1/fetch", b"").status_code == 429

    # A key that is not a member is refused before its body is read: the answer comes while the
    # body (8 MB announced) has not been sent.
    path = "/sync/v1/push"
    headers = {**stranger.request_headers(a.url, path, b""), "X-Forwarded-For": "192.0.2.44", "Content-Length": str(8_000_000)}
    with socket.create_connection(("127.0.0.1", a.port), timeout=10) as s:
        s.sendall((f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{a.port}\r\n"
                   + "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n").encode())
        answer = s.recv(4096).decode(errors="replace")
    assert answer.startswith("HTTP/1.1 403"), answer[:300]

    assert a.db_envelopes() == before, "a refused request changed what the node holds"
    # B, a member calling from this machine (not counted), keeps syncing with A.
    label = f'{{key="{b.fingerprint}"}}'
    served = a.metric("waymark_inbound_requests_total", label, default=0)
    wait_until("B's sync requests keep being answered", lambda: a.metric("waymark_inbound_requests_total", label, default=0) > served,
               CONVERGE, (a, b))


def test_a_founder_removes_a_stolen_key_with_every_key_it_vouched_for(federation) -> None:
    """A key A vouched for is stolen; whoever holds it has vouched for an accomplice. The founder
    removes both in one command (`--with-vouched`), each by a removal record that reaches every node;
    `member list` shows who vouched for whom and when each was removed; B stays."""
    a, b = federation
    stolen, accomplice = wire.Signer(), wire.Signer()
    a.cli_ok("member", "add", "--key", stolen.public.hex(), "--fingerprint", stolen.fingerprint, "--name", "Membership Stolen Key")
    wait_until("B holds the vouch", lambda: "Membership Stolen Key" in b.cli_ok("member", "list").stdout, CONVERGE, (a, b))
    vouch, _ = stolen.envelope(wire.MEMBER_VOUCH, wire.canonical({"member": accomplice.public.hex(), "organization_name": "Membership Accomplice",
                                                                  "roles": []}), clock=wire.hlc(int(time.time() * 1000)))
    r = stolen.post(a.url, "/sync/v1/push", wire.frames(vouch))
    assert r.status_code == 200 and r.json()["accepted"] == 1, r.text
    listed = a.cli_ok("member", "list").stdout
    assert re.search(r"Membership Accomplice\s+\[vouched for by Membership Stolen Key\]", listed), listed

    removed = a.cli_ok("member", "remove", stolen.fingerprint, "--reason", "key stolen", "--with-vouched").stdout
    assert "Membership Stolen Key" in removed and "Membership Accomplice" in removed, removed
    year = time.strftime("%Y")

    def removed_on(node: FedNode) -> set[str]:
        return {name for line in node.cli_ok("member", "list").stdout.splitlines() if f"removed {year}-" in line
                for name in ("Membership Stolen Key", "Membership Accomplice", "Membership Org B") if name in line.split("[")[0]}
    for node in (a, b):
        wait_until(f"{node.label} holds both removals", lambda: removed_on(node) == {"Membership Stolen Key", "Membership Accomplice"},
                   CONVERGE, (a, b))
    r = accomplice.post(b.url, "/sync/v1/fetch", b"")
    assert r.status_code == 403, r.text


def test_a_member_gone_bad_fills_no_more_of_a_node_than_its_quota(federation) -> None:
    """A member signs envelope after envelope of 60 KiB (a kind nodes store unread). B's admin has
    set a quota of 1 MiB per member: B takes in what fits, refuses the rest as over-quota (logged,
    not counted against the sender, nothing held back), and shows what the member takes. A, with the
    default quota, takes all. Raised on B, the quota lets the rest in by ordinary sync from A."""
    a, b = federation
    bad = wire.Signer()
    a.cli_ok("member", "add", "--key", bad.public.hex(), "--fingerprint", bad.fingerprint, "--name", "Membership Flooder")
    wait_until("B holds the vouch", lambda: "Membership Flooder" in b.cli_ok("member", "list").stdout, CONVERGE, (a, b))
    shown = b.cli_ok("member", "quota", "--mib", "1").stdout
    assert "up to 1 MiB" in shown, shown
    assert re.search(r"Membership Org A .*already over it: its new envelopes will be refused", shown), shown
    now = int(time.time() * 1000)
    flood = [bad.envelope(200, bytes([i]) * 60_000, clock=wire.hlc(now + i))[0] for i in range(30)]
    before = rejections(b, "over-quota")
    r = bad.post(b.url, "/sync/v1/push", wire.frames(*flood))
    assert r.status_code == 200, r.text
    report = r.json()
    refused = [x for x in report["rejected"] if x["reason"] == "over-quota"]
    assert 10 <= report["accepted"] <= 17 and refused, report
    assert "MiB a member may fill" in refused[0]["detail"], refused[0]
    stored = b.sql("SELECT count(*), sum(length(wire)) FROM envelope WHERE author = ?", bad.public)[0]
    assert stored[0] == report["accepted"] and stored[1] <= 1 << 20, stored
    assert b.sql("SELECT count(*) FROM pending_envelope WHERE author = ?", bad.public)[0][0] <= 30 - report["accepted"]
    assert rejections(b, "over-quota") >= before + 1
    listed = b.cli_ok("member", "list").stdout
    assert re.search(rf"Membership Flooder\s+\[vouched for by .*{report['accepted']} envelopes, [01]\.\d MiB of its 1 MiB quota\]", listed), listed
    # The member's requests are still answered: a refusal for space is no offence.
    assert bad.post(b.url, "/sync/v1/push", wire.frames(flood[0])).status_code == 200
    # A keeps everything (default quota), and B catches up from A once its admin raises the quota.
    r = bad.post(a.url, "/sync/v1/push", wire.frames(*flood))
    assert r.status_code == 200 and r.json()["accepted"] + r.json()["duplicates"] == 30, r.text  # B may have passed some on
    b.cli_ok("member", "quota", "--mib", "1024")
    wait_until("B takes the rest in from A", lambda: b.sql("SELECT count(*) FROM envelope WHERE author = ?", bad.public)[0][0] == 30,
               CONVERGE, (a, b))


def describe_proc(proc) -> str:
    return f"stdout: {proc.stdout}\nstderr: {proc.stderr}"


def newest_of(node: FedNode, author: bytes) -> tuple[bytes, int]:
    row = node.sql("SELECT id, sequence FROM envelope WHERE author = ? ORDER BY sequence DESC LIMIT 1", author)[0]
    return row[0], row[1]


def test_an_organisation_hands_over_to_a_new_key_and_the_old_key_is_refused_everywhere(federation, make_node) -> None:
    """B's admin stops the node, runs `waymark key rotate` and starts it again (SPEC §9.6). B keeps its
    fingerprint, its listings and its membership; A takes the hand-over and B's later edit. Someone
    holding B's old key (a copy of the key file from before) is then refused: its sync requests get
    403, and an envelope it signs to continue B's chain, relayed by a member, is refused as
    wrong-signer and stored nowhere."""
    a, b = federation
    organisation = bytes.fromhex(b.signing_key())
    old_seed = (b.path / "identity.key").read_bytes()[:32]
    old = wire.Signer(key=nacl.signing.SigningKey(old_seed))
    assert old.public == organisation
    b.stop()
    rotated = b.cli_ok("key", "rotate").stdout
    assert "Handed over to a new key" in rotated and b.fingerprint in rotated, rotated
    assert (b.path / "identity.key").stat().st_size == 128 and oct((b.path / "identity.key").stat().st_mode & 0o777) == "0o600"
    b.start()
    assert b.fingerprint in b.cli_ok("info").stdout, "the organisation's fingerprint changed"
    shown = b.cli_ok("key", "show").stdout
    assert "hand-over at record" in shown, shown
    wait_until("A holds B's hand-over", lambda: a.sql("SELECT count(*) FROM envelope WHERE author = ? AND kind = 6", organisation)[0][0] == 1,
               CONVERGE, (a, b))
    sid = sorted(r[0] for r in b.sql("SELECT id FROM record WHERE tbl = 'service' AND publisher = ?", b.signing_key()))[6]
    b.cli_ok("update", "--table", "service", "--id", sid, "--set", "name=Changed with the new key")
    wait_until("A shows B's edit signed by the new key", lambda: services_named(a)[sid] == "Changed with the new key", CONVERGE, (a, b))
    assert "Membership Org B" in a.cli_ok("member", "list").stdout

    # A node joining with B's invite checks B's node record, now signed by the new key, by following
    # B's hand-overs from the fingerprint it was given (GET /sync/v1/keys).
    node_record = wire.decode_header(requests.get(b.url + "/sync/v1/node", timeout=10).content)
    assert node_record["author"] == organisation and node_record["signer"] != organisation
    c = new_node(make_node, "member-c", "Membership Org C")
    joined = c.cli_ok("peer", "add", b.invite())
    assert b.url in c.cli_ok("peer", "list").stdout, describe_proc(joined)

    r = old.post(a.url, "/sync/v1/fetch", b"")
    assert r.status_code == 403 and "key in force" in r.text, r.text
    # Someone naming B as its organisation while signing with a key of its own is turned away before
    # its body is read (8 MiB here, answered at once), and a Waymark-Author that is not a key gets 401.
    spoofer = wire.Signer()
    big = b"\0" * (8 << 20)
    headers = spoofer.request_headers(a.url, "/sync/v1/push", big)
    headers["Waymark-Author"] = organisation.hex()
    started = time.monotonic()
    r = requests.post(a.url + "/sync/v1/push", data=big, headers=headers, timeout=30)
    assert r.status_code == 403 and "key in force" in r.text, r.text
    headers["Waymark-Author"] = "not-a-key"
    r = requests.post(a.url + "/sync/v1/push", data=b"", headers=headers, timeout=30)
    assert r.status_code == 401 and "Waymark-Author" in r.text, r.text
    assert time.monotonic() - started < 10
    relay = wire.Signer()
    a.cli_ok("member", "add", "--key", relay.public.hex(), "--fingerprint", relay.fingerprint, "--name", "Membership Old-Key Relay")
    old.previous, old.sequence = newest_of(a, organisation)
    body = json.loads(a.sql("SELECT body FROM record WHERE tbl = 'service' AND id = ?", sid)[0][0])
    body["name"] = "Taken with the old key"
    forged, forged_id = old.envelope(wire.DIRECTORY_RECORD, wire.directory_record("service", sid, {k: v for k, v in body.items() if k != "id"}),
                                     clock=wire.hlc(int(time.time() * 1000)))
    r = relay.post(a.url, "/sync/v1/push", wire.frames(forged))
    assert r.status_code == 200, r.text
    assert [x["reason"] for x in r.json()["rejected"]] == ["wrong-signer"], r.text
    assert rejections(a, "wrong-signer") >= 1
    time.sleep(2)
    for node in (a, b):
        assert node.sql("SELECT count(*) FROM envelope WHERE id = ?", forged_id)[0][0] == 0, f"{node.label} stored the old key's envelope"
        assert services_named(node)[sid] == "Changed with the new key"
    assert a.metric("waymark_forked_authors") == 0


def test_a_member_written_from_the_spec_hands_over_and_signs_with_its_new_key(federation) -> None:
    """The hand-over as `waymark_wire` writes it from SPEC §1.4 and §9.6: a member publishes a
    service, hands over (kind 6, with the new key's proof) with a request signed by its old key, and
    then publishes with the new key (the signer extension, `Waymark-Author` on requests). A takes
    both; the old key's requests are refused after the hand-over; a hand-over whose proof another key
    made is refused as bad-signature."""
    a, b = federation
    m = wire.Signer()
    a.cli_ok("member", "add", "--key", m.public.hex(), "--fingerprint", m.fingerprint, "--name", "Membership Spec Rotator")
    org_id, sid = wire.namespaced_id(m.public, 1), wire.namespaced_id(m.public, 2)
    now = int(time.time() * 1000)
    org, _ = m.envelope(wire.DIRECTORY_RECORD, wire.directory_record("organization", org_id, {"name": "Membership Spec Rotator"}), clock=wire.hlc(now))
    svc, _ = m.envelope(wire.DIRECTORY_RECORD, wire.directory_record("service", sid, {"organization_id": org_id, "name": "Spec club",
                                                                                     "status": "active"}), clock=wire.hlc(now + 1))
    r = m.post(a.url, "/sync/v1/push", wire.frames(org, svc))
    assert r.status_code == 200 and r.json()["accepted"] == 2, r.text

    # A hand-over whose proof was made by a key other than the one it names.
    liar = wire.Signer(key=m.key, sequence=m.sequence, previous=m.previous)
    named, prover = nacl.signing.SigningKey.generate(), nacl.signing.SigningKey.generate()
    bad_proof = prover.sign(wire.HANDOVER_DOMAIN + m.public + named.verify_key.encode()).signature
    lie, _ = liar.envelope(wire.KEY_HANDOVER, wire.canonical({"key": named.verify_key.encode().hex(), "proof": bad_proof.hex()}),
                           clock=wire.hlc(now + 2))
    r = m.post(a.url, "/sync/v1/push", wire.frames(lie))
    assert [x["reason"] for x in r.json()["rejected"]] == ["bad-signature"], r.text

    new = nacl.signing.SigningKey.generate()
    handover, _ = m.handover(new, clock=wire.hlc(now + 3))
    r = m.post(a.url, "/sync/v1/push", wire.frames(handover))
    assert r.status_code == 200 and r.json()["accepted"] == 1, r.text
    old = wire.Signer(key=m.key)
    m.switch_to(new)
    edit, _ = m.envelope(wire.DIRECTORY_RECORD, wire.directory_record("service", sid, {"organization_id": org_id, "name": "Spec club, renamed",
                                                                                      "status": "active"}), clock=wire.hlc(now + 4))
    r = m.post(a.url, "/sync/v1/push", wire.frames(edit))
    assert r.status_code == 200 and r.json()["accepted"] == 1, r.text
    assert services_named(a)[sid] == "Spec club, renamed"
    r = old.post(a.url, "/sync/v1/fetch", b"")
    assert r.status_code == 403, r.text
    wait_until("B shows the new key's edit", lambda: services_named(b).get(sid) == "Spec club, renamed", CONVERGE, (a, b))
