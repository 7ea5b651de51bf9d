"""Process helpers shared by the Python test suites: free ports, readable failures, and a registry
of started `waymark serve` processes that are always stopped, even when a session crashes."""
from __future__ import annotations

import atexit
import contextlib
import os
import signal
import socket
import subprocess

# Every server a session started.
LIVE: set[subprocess.Popen] = set()


def describe(proc: subprocess.CompletedProcess) -> str:
    return f"exit {proc.returncode}\n--- stdout ---\n{proc.stdout}\n--- stderr ---\n{proc.stderr}"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def signal_all(proc: subprocess.Popen, sig: int) -> None:
    """Sends `sig` to the process, or to its whole group when it leads one (a program started
    under the `faketime` wrapper, which runs it as a child and passes no signal on)."""
    try:
        if os.getpgid(proc.pid) == proc.pid:
            os.killpg(proc.pid, sig)
            return
    except ProcessLookupError:
        return
    proc.send_signal(sig)


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        signal_all(proc, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            signal_all(proc, signal.SIGKILL)
            proc.wait(timeout=10)
    LIVE.discard(proc)


@atexit.register
def stop_all() -> None:
    for proc in list(LIVE):
        with contextlib.suppress(Exception):
            stop(proc)
