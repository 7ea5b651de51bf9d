"""Running a node for real, as `Deploy/` ships it: the systemd unit verifies, runs under a real
systemd as the hardened user it names, and its command line starts a node; Debian's nginx, configured from `Deploy/nginx/waymark.conf`, carries residents and
staff over TLS to that node on loopback. Through the real proxy: http is sent to https, staff
cookies are `Secure`, the node believes the client address the proxy forwards (and only the
proxy's: a client's own `X-Forwarded-For` is overwritten by the proxy and ignored by the node when
sent directly), sign-in limits apply per client behind the proxy, and the access log holds no query
strings."""
from __future__ import annotations

import pathlib
import re
import shlex
import shutil
import sqlite3
import subprocess
import time
from typing import Iterator

import pytest
import requests
from requests.adapters import HTTPAdapter

from conftest import BIN, REPO, SERVER_START_TIMEOUT, Node, describe
from waymark_processes import LIVE, free_port, stop

UNIT = REPO / "Deploy" / "systemd" / "waymark.service"
NGINX_SITE = REPO / "Deploy" / "nginx" / "waymark.conf"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
PASSWORD = "a long admin password"


def exec_start() -> list[str]:
    line = next(line for line in UNIT.read_text().splitlines() if line.startswith("ExecStart="))
    return shlex.split(line.removeprefix("ExecStart="))


def test_the_systemd_unit_verifies_and_is_hardened(tmp_path) -> None:
    if not shutil.which("systemd-analyze"):
        pytest.skip("systemd-analyze is not installed (Debian: systemd)")
    unit = tmp_path / "waymark.service"
    unit.write_text(UNIT.read_text().replace("/usr/local/bin/waymark", str(BIN)))
    proc = subprocess.run(["systemd-analyze", "verify", str(unit)], capture_output=True, text=True, timeout=60)
    # systemd-analyze only warns about a value it cannot parse: any output at all is a fault in the unit.
    assert proc.returncode == 0 and not proc.stdout.strip() and not proc.stderr.strip(), describe(proc)
    settings = dict(line.split("=", 1) for line in UNIT.read_text().splitlines() if "=" in line and not line.startswith("#"))
    for key, value in {"User": "waymark", "StateDirectory": "waymark", "StateDirectoryMode": "0700", "UMask": "0077",
                       "NoNewPrivileges": "yes", "ProtectSystem": "strict", "ProtectHome": "yes", "PrivateTmp": "yes",
                       "CapabilityBoundingSet": "", "MemoryDenyWriteExecute": "yes"}.items():
        assert settings.get(key) == value, f"{key}={settings.get(key)!r} in {UNIT.name}, expected {value!r}"
    argv = exec_start()
    assert argv[argv.index("--data") + 1] == "/var/lib/waymark" and argv[argv.index("--host") + 1] == "127.0.0.1", argv
    assert argv[argv.index("--trusted-proxy") + 1] == "127.0.0.1", argv



# Runs inside new pid, mount, uts, ipc and cgroup namespaces, as the parent of the systemd that
# becomes their PID 1: the machine's /etc, /usr and /var/lib stay as they are (each change below is
# a mount private to these namespaces), and only the unit under test and a target wanting it are
# known to that systemd (no sysinit.target: nothing else of a boot runs, so nothing touches /tmp,
# devices or the machine's services).
SYSTEMD_STAGE = r"""
set -euo pipefail
W=$1; BIN=$2; PORT=$3
mount --make-rprivate /
cp /etc/passwd "$W/passwd"; cp /etc/group "$W/group"
echo "waymark:x:64990:64990:Waymark:/var/lib/waymark:/usr/sbin/nologin" >> "$W/passwd"
echo "waymark:x:64990:" >> "$W/group"
mount --bind "$W/passwd" /etc/passwd; mount --bind "$W/group" /etc/group
mount -t tmpfs tmpfs /etc/systemd/system
sed -e "s|--port 8080|--port $PORT|" "$W/waymark.service" > /etc/systemd/system/waymark.service
# The one change to the unit: no default dependencies, so starting it does not boot the machine.
mkdir /etc/systemd/system/waymark.service.d
printf '[Unit]\nDefaultDependencies=no\n' > /etc/systemd/system/waymark.service.d/no-boot.conf
printf '[Unit]\nDefaultDependencies=no\nWants=waymark.service\n' > /etc/systemd/system/waymark-test.target
for unit in systemd-tmpfiles-setup.service systemd-tmpfiles-clean.service systemd-udevd.service systemd-udev-trigger.service; do
  ln -s /dev/null "/etc/systemd/system/$unit"
done
mount -t tmpfs tmpfs /usr/local/bin; cp "$BIN" /usr/local/bin/waymark
mount -t tmpfs tmpfs /var/lib
# README, "Running a node for your organisation", step 2.
install -d -o waymark -g waymark -m 0700 /var/lib/waymark
setpriv --reuid=waymark --regid=waymark --clear-groups /usr/local/bin/waymark init --data /var/lib/waymark --org "Systemd Org" > "$W/init.log" 2>&1
setpriv --reuid=waymark --regid=waymark --clear-groups /usr/local/bin/waymark user add --data /var/lib/waymark --username aoife \
  --name "Aoife Admin" --role admin --password-stdin < "$W/password" >> "$W/init.log" 2>&1
exec env container=waymark-test /lib/systemd/systemd --system --unit=waymark-test.target
"""


def status_fields(pid: int) -> dict[str, str]:
    return dict(line.split(":\t", 1) for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines() if ":\t" in line)


def test_the_unit_runs_under_systemd_hardened_and_restarts_after_a_crash(tmp_path) -> None:
    """The shipped unit, started by a real systemd (PID 1 of namespaces of its own): the node runs
    as the `waymark` user with no capabilities, no new privileges, a system-call filter and a
    read-only system; its data folder is 0700; it answers on loopback; killed, it is started again;
    stopped, it ends within the unit's stop timeout."""
    import os
    import signal
    needed = ["unshare", "nsenter", "setpriv"]
    if os.geteuid() != 0 or not pathlib.Path("/lib/systemd/systemd").exists() or not all(shutil.which(c) for c in needed):
        pytest.skip("needs root, /lib/systemd/systemd and util-linux's unshare, nsenter and setpriv")
    port = free_port()
    (tmp_path / "waymark.service").write_text(UNIT.read_text())
    (tmp_path / "password").write_text(PASSWORD + "\n")
    (tmp_path / "stage.sh").write_text(SYSTEMD_STAGE)
    manager = subprocess.Popen(["unshare", "--pid", "--fork", "--mount", "--uts", "--ipc", "--cgroup", "--mount-proc", "--kill-child",
                                "bash", str(tmp_path / "stage.sh"), str(tmp_path), str(BIN), str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, start_new_session=True)

    def systemd_pid() -> int | None:
        for child in pathlib.Path(f"/proc/{manager.pid}/task").glob("*/children"):
            for pid in child.read_text().split():
                if pathlib.Path(f"/proc/{pid}/comm").read_text().strip() == "systemd":
                    return int(pid)
        return None

    def systemctl(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(["nsenter", "-t", str(pid1), "-p", "-m", "systemctl", *args], capture_output=True, text=True, timeout=30)

    def main_pid() -> int:
        shown = systemctl("show", "-p", "MainPID", "--value", "waymark").stdout.strip()
        inner = int(shown or 0)
        # MainPID is the pid in the namespaces; the same process's pid here, through its NSpid line.
        for proc in pathlib.Path("/proc").glob("[0-9]*"):
            try:
                ns = status_fields(int(proc.name)).get("NSpid", "").split()
            except (OSError, ValueError):
                continue
            if inner and len(ns) == 2 and ns[1] == str(inner) and ns[0] == proc.name and pathlib.Path(f"/proc/{proc.name}/comm").read_text().strip() == "waymark":
                return int(proc.name)
        return 0

    def health() -> bool:
        try:
            return requests.get(f"http://127.0.0.1:{port}/health", timeout=2).text.strip() == "ok"
        except requests.RequestException:
            return False

    pid1 = None
    try:
        deadline = time.monotonic() + 30
        while pid1 is None or systemctl("is-system-running").stdout.strip() not in ("running", "degraded"):
            if manager.poll() is not None or time.monotonic() > deadline:
                init_log = (tmp_path / "init.log").read_text() if (tmp_path / "init.log").exists() else ""
                if "Created a Waymark node" not in init_log:
                    pytest.fail(f"preparing the data folder as the unit's user failed:\n{init_log}")
                pytest.skip("systemd could not run as PID 1 of new namespaces on this machine (needs root in a container that allows it)")
            pid1 = systemd_pid()
            time.sleep(0.2)
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while not health():
            assert time.monotonic() < deadline, systemctl("status", "waymark", "--no-pager").stdout
            time.sleep(0.2)
        assert systemctl("is-active", "waymark").stdout.strip() == "active"
        node = main_pid()
        assert node, systemctl("status", "waymark", "--no-pager").stdout
        fields = status_fields(node)
        uid = subprocess.run(["nsenter", "-t", str(pid1), "-m", "id", "-u", "waymark"], capture_output=True, text=True, timeout=10).stdout.strip()
        assert fields["Uid"].split()[0] == uid == "64990", fields["Uid"]
        assert fields["CapEff"] == fields["CapBnd"] == "0000000000000000", (fields["CapEff"], fields["CapBnd"])
        assert fields["NoNewPrivs"] == "1" and fields["Seccomp"] == "2", (fields["NoNewPrivs"], fields["Seccomp"])
        root = next(line.split() for line in pathlib.Path(f"/proc/{node}/mountinfo").read_text().splitlines() if line.split()[4] == "/")
        assert root[5].split(",")[0] == "ro", root
        # In the node's own view: the system is read-only, /home is closed, /tmp is its own.
        seen = subprocess.run(["nsenter", "-t", str(node), "-m", "sh", "-c",
                               "touch /usr/local/bin/x 2>&1; touch /etc/x 2>&1; ls -A /home | wc -l; stat -c '%a %U' /var/lib/waymark /var/lib/waymark/waymark.sqlite"],
                              capture_output=True, text=True, timeout=10).stdout
        assert seen.count("Read-only file system") == 2, seen
        assert seen.splitlines()[2] == "0", seen
        assert "700 waymark" in seen and "600 waymark" in seen, seen
        # Staff sign in through it (it can write its database).
        with requests.Session() as s:
            r = sign_in(s, f"http://127.0.0.1:{port}", "aoife", PASSWORD)
            assert r.status_code == 303, (r.status_code, r.text[:500])

        # A crash: systemd starts it again (Restart=on-failure, RestartSec=5).
        os.kill(node, signal.SIGKILL)
        deadline = time.monotonic() + 30
        while not (health() and main_pid() not in (0, node)):
            assert time.monotonic() < deadline, systemctl("status", "waymark", "--no-pager").stdout
            time.sleep(0.3)
        assert systemctl("show", "-p", "NRestarts", "--value", "waymark").stdout.strip() == "1"

        # A stop ends it cleanly, well within TimeoutStopSec.
        started = time.monotonic()
        stopped = systemctl("stop", "waymark")
        assert stopped.returncode == 0 and time.monotonic() - started < 30, stopped.stderr
        assert systemctl("show", "-p", "Result", "--value", "waymark").stdout.strip() == "success"
        assert not health()
    finally:
        if pid1:
            os.kill(pid1, signal.SIGKILL)  # ends every process of its pid namespace
        manager.kill()
        manager.wait(timeout=30)

class Deployment:
    def __init__(self, node: Node, https: str, http: str, cert: pathlib.Path, access_log: pathlib.Path, node_port: int):
        self.node, self.https, self.http, self.cert, self.access_log, self.node_port = node, https, http, cert, access_log, node_port

    def session(self, source: str | None = None) -> requests.Session:
        """A browser-like client, from a loopback address of its own when asked (as a resident's
        machine would have an address of its own)."""
        cert = str(self.cert)

        class Session(requests.Session):
            # Given with each request: a Session's own `verify` is not applied to every pool (requests 2.32).
            def request(self, *args, **kw):
                kw.setdefault("verify", cert)
                return super().request(*args, **kw)

        s = Session()
        if source:
            class FromAddress(HTTPAdapter):
                def init_poolmanager(self, *args, **kw):
                    kw["source_address"] = (source, 0)
                    super().init_poolmanager(*args, **kw)
            s.mount("https://", FromAddress())
            s.mount("http://", FromAddress())
        return s

    def audit(self) -> list[tuple[str, str, str]]:
        with sqlite3.connect(f"file:{self.node.path / 'waymark.sqlite'}?mode=ro", uri=True) as db:
            return db.execute("SELECT username, action, detail FROM audit_log ORDER BY id").fetchall()


def sign_in(s: requests.Session, base: str, username: str, password: str, headers: dict | None = None) -> requests.Response:
    form = s.get(base + "/staff/login", timeout=20)
    assert form.status_code == 200, form.status_code
    token = re.search(r'name="csrf" value="([0-9a-f]{64})"', form.text).group(1)
    # The form's cookie is `Secure` (the node's URL is https): over plain http, straight to the node,
    # a browser would not send it back, so it is sent by hand there.
    login_cookie = next(c.split(";")[0] for c in form.raw.headers.getlist("Set-Cookie") if c.startswith("waymark_signin_"))
    headers = dict(headers or {})
    if base.startswith("http://"):
        headers["Cookie"] = login_cookie
    return s.post(base + "/staff/login", data={"csrf": token, "username": username, "password": password},
                  headers=headers, allow_redirects=False, timeout=20)


@pytest.fixture(scope="module")
def deployment(make_node, tmp_path_factory) -> Iterator[Deployment]:
    if not pathlib.Path(NGINX).exists():
        pytest.fail("nginx is not installed: Deploy/install-deps.sh installs nginx-light")
    work = tmp_path_factory.mktemp("deploy")
    node = make_node("deployed", org="Ballymun Deployed Org")
    proc = subprocess.run([str(BIN), "import", "--data", str(node.path), "--sample"], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, describe(proc)
    added = subprocess.run([str(BIN), "user", "add", "--data", str(node.path), "--username", "aoife", "--name", "Aoife Admin", "--role",
                            "admin", "--password-stdin"], input=PASSWORD + "\n", capture_output=True, text=True, timeout=120)
    assert added.returncode == 0, describe(added)

    # A certificate for 127.0.0.1, as certbot would put one in place for the node's name.
    cert, key = work / "fullchain.pem", work / "privkey.pem"
    made = subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
                           "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
                          capture_output=True, text=True, timeout=120)
    assert made.returncode == 0, describe(made)

    # The node, started with the unit's own command line (paths, port and name made local).
    node_port, https_port, http_port = free_port(), free_port(), free_port()
    https = f"https://127.0.0.1:{https_port}"
    argv = [str(BIN) if a == "/usr/local/bin/waymark" else str(node.path) if a == "/var/lib/waymark" else
            str(node_port) if a == "8080" else https if a == "https://waymark.example.org" else a for a in exec_start()]
    assert argv != exec_start() and str(node_port) in argv and https in argv, argv
    log = work / "node.log"
    with open(log, "ab") as out:
        served = subprocess.Popen(argv + ["--tiles", ""], stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    LIVE.add(served)

    # nginx with the shipped site file, only the listening ports, the names and the paths made local.
    site = NGINX_SITE.read_text()
    access_log = work / "access.log"
    replacements = [
        ("listen 80;", f"listen 127.0.0.1:{http_port};"), ("listen [::]:80;", ""),
        ("listen 443 ssl http2;", f"listen 127.0.0.1:{https_port} ssl http2;"), ("listen [::]:443 ssl http2;", ""),
        ("/etc/letsencrypt/live/waymark.example.org/fullchain.pem", str(cert)),
        ("/etc/letsencrypt/live/waymark.example.org/privkey.pem", str(key)),
        ("/var/log/nginx/waymark.access.log", str(access_log)),
        ("server_name waymark.example.org;", "server_name 127.0.0.1;"),
        ("http://127.0.0.1:8080", f"http://127.0.0.1:{node_port}"),
        ("return 301 https://$host$request_uri;", f"return 301 https://$host:{https_port}$request_uri;"),
    ]
    for old, new in replacements:
        assert old in site, f"{NGINX_SITE.name} no longer has {old!r}: update this test with it"
        site = site.replace(old, new)
    (work / "nginx").mkdir()
    (work / "nginx" / "waymark.conf").write_text(site)
    (work / "nginx.conf").write_text(f"""
pid {work}/nginx.pid;
error_log {work}/nginx-error.log;
events {{ worker_connections 256; }}
http {{
    client_body_temp_path {work}/nginx-body; proxy_temp_path {work}/nginx-proxy;
    fastcgi_temp_path {work}/nginx-fastcgi; uwsgi_temp_path {work}/nginx-uwsgi; scgi_temp_path {work}/nginx-scgi;
    access_log off;
    include {work}/nginx/waymark.conf;
}}
""")
    checked = subprocess.run([NGINX, "-t", "-p", str(work), "-c", str(work / "nginx.conf")], capture_output=True, text=True, timeout=60)
    assert checked.returncode == 0, describe(checked)
    proxy = subprocess.Popen([NGINX, "-p", str(work), "-c", str(work / "nginx.conf"), "-g", "daemon off;"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    LIVE.add(proxy)
    deployment = Deployment(node, https, f"http://127.0.0.1:{http_port}", cert, access_log, node_port)
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while True:
            try:
                if requests.get(https + "/health", verify=str(cert), timeout=2).text.strip() == "ok":
                    break
            except requests.RequestException:
                pass
            assert time.monotonic() < deadline, f"the node behind nginx never answered\n{log.read_text(errors='replace')}"
            time.sleep(0.1)
        yield deployment
    finally:
        stop(proxy)
        stop(served)


def test_residents_reach_the_node_over_tls_and_plain_http_is_sent_there(deployment) -> None:
    s = deployment.session()
    home = s.get(deployment.https + "/", timeout=20)
    assert home.status_code == 200 and "Ballymun" in home.text, home.status_code
    assert home.headers.get("Strict-Transport-Security", "").startswith("max-age="), home.headers
    plain = requests.get(deployment.http + "/search?q=youth", allow_redirects=False, timeout=20)
    assert plain.status_code == 301 and plain.headers["Location"] == deployment.https + "/search?q=youth", (plain.status_code, plain.headers)
    found = s.get(deployment.https + "/api/services", params={"search": "youth", "per_page": 1}, timeout=20).json()
    assert found["total_items"] > 0


def test_staff_cookies_are_secure_through_the_proxy(deployment) -> None:
    s = deployment.session()
    r = sign_in(s, deployment.https, "aoife", PASSWORD)
    assert r.status_code == 303, r.status_code
    cookie = next(c for c in r.raw.headers.getlist("Set-Cookie") if c.startswith("waymark_session_"))
    for part in ("Secure", "HttpOnly", "SameSite=Strict", "Path=/staff"):
        assert part in cookie, f"the session cookie lacks {part}: {cookie}"
    home = s.get(deployment.https + "/staff", timeout=20)
    assert home.status_code == 200 and "Aoife Admin" in home.text


def test_the_node_believes_the_forwarded_address_only_from_the_proxy(deployment) -> None:
    # Through the proxy, a client's own X-Forwarded-For is overwritten with its real address.
    r = sign_in(deployment.session("127.0.0.5"), deployment.https, "aoife", "wrong password one",
                headers={"X-Forwarded-For": "203.0.113.7"})
    assert r.status_code == 401, r.status_code
    # Straight to the node (not from the proxy's address), the header is not believed.
    r = sign_in(deployment.session("127.0.0.6"), f"http://127.0.0.1:{deployment.node_port}", "aoife", "wrong password two",
                headers={"X-Forwarded-For": "198.51.100.9"})
    assert r.status_code == 401, r.status_code
    failures = [d for u, a, d in deployment.audit() if a == "failed sign-in" and u == "aoife"]
    assert failures[-2:] == ["from 127.0.0.5", "from 127.0.0.6"], failures
    assert not any("203.0.113.7" in d or "198.51.100.9" in d for _, _, d in deployment.audit())
    ok = sign_in(deployment.session(), deployment.https, "aoife", PASSWORD)  # before the account's five failures lock it
    assert ok.status_code == 303, ok.status_code


def test_sign_in_limits_apply_to_each_client_behind_the_proxy(deployment) -> None:
    """Before, every client behind a proxy on the node's machine was the proxy's loopback address,
    which was not counted at all; now the forwarded address is, and only that client waits."""
    guesser = deployment.session("127.0.0.9")
    statuses = [sign_in(guesser, deployment.https, f"nobody{i}", "guess").status_code for i in range(21)]
    assert statuses[:20] == [401] * 20 and statuses[20] == 429, statuses
    assert any(a.startswith("sign-in refused: too many failures from 127.0.0.9") for _, a, _ in deployment.audit())
    other = sign_in(deployment.session("127.0.0.10"), deployment.https, "aoife", PASSWORD)
    assert other.status_code == 303, f"another client behind the same proxy was held back too: {other.status_code}"


def test_the_access_log_holds_no_query_strings(deployment) -> None:
    s = deployment.session()
    secret = "rent arrears eviction 4711"
    assert s.get(deployment.https + "/search", params={"q": secret}, timeout=20).status_code == 200
    time.sleep(0.5)  # nginx writes its log line once the answer is sent
    text = deployment.access_log.read_text()
    assert "/search" in text, f"the access log has no line for the search:\n{text[-2000:]}"
    assert "4711" not in text and "arrears" not in text, f"the access log holds what a resident searched for:\n{text[-2000:]}"


def test_another_organisation_syncs_with_the_node_over_tls_through_the_proxy(deployment, make_node) -> None:
    """Sync between organisations goes over the same TLS proxy: the deployed node founds a federation
    and vouches for a new organisation, whose node joins with the invite (the deployed node's https
    URL), checks the proxy's certificate (trusted here through `SSL_CERT_FILE`, as a system's CA
    bundle would trust a real one) and takes the whole directory in by signed requests through nginx."""
    a = deployment.node
    founded = subprocess.run([str(BIN), "member", "found", "--data", str(a.path)], capture_output=True, text=True, timeout=120)
    assert founded.returncode == 0, describe(founded)
    b = make_node("joins-over-tls", org="Ballymun Joining Org")
    port = free_port()
    env = {**__import__("os").environ, "SSL_CERT_FILE": str(deployment.cert)}
    log = b.path.parent / "joins-over-tls.log"
    with open(log, "ab") as out:
        served = subprocess.Popen([str(BIN), "serve", "--data", str(b.path), "--host", "127.0.0.1", "--port", str(port), "--sync-interval", "1",
                                   "--tiles", ""], stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env)
    LIVE.add(served)
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while True:
            try:
                if requests.get(f"http://127.0.0.1:{port}/health", timeout=2).text.strip() == "ok":
                    break
            except requests.RequestException:
                pass
            assert time.monotonic() < deadline, log.read_text(errors="replace")
            time.sleep(0.1)
        info = subprocess.run([str(BIN), "info", "--data", str(b.path)], capture_output=True, text=True, timeout=60)
        fingerprint = re.search(r"fingerprint:\s+([0-9a-f-]+)", info.stdout).group(1)
        added = subprocess.run([str(BIN), "member", "add", "--data", str(a.path), f"http://127.0.0.1:{port}", "--fingerprint", fingerprint],
                               capture_output=True, text=True, timeout=120)
        assert added.returncode == 0, describe(added)
        invite = subprocess.run([str(BIN), "invite", "--data", str(a.path)], capture_output=True, text=True, timeout=60)
        assert invite.returncode == 0, describe(invite)
        joined = subprocess.run([str(BIN), "peer", "add", "--data", str(b.path), invite.stdout.strip().split()[-1]],
                                capture_output=True, text=True, timeout=120, env=env)
        assert joined.returncode == 0, describe(joined)

        def listed() -> int:
            try:
                return requests.get(f"http://127.0.0.1:{port}/api/services", params={"per_page": 1}, timeout=10).json()["total_items"]
            except (requests.RequestException, ValueError, KeyError):
                return -1
        expected = requests.get(deployment.https + "/api/services", params={"per_page": 1}, verify=str(deployment.cert), timeout=10).json()["total_items"]
        deadline = time.monotonic() + 120
        while listed() != expected:
            assert time.monotonic() < deadline, f"B lists {listed()} of {expected} services\n{log.read_text(errors='replace')[-3000:]}"
            time.sleep(0.5)
        time.sleep(0.5)
        access = deployment.access_log.read_text()
        assert '"POST /sync/v1/reconcile" 200' in access and '"POST /sync/v1/fetch" 200' in access, access[-2000:]
    finally:
        stop(served)
