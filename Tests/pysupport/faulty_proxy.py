"""A TCP proxy that damages what passes through it, for tests of sync over bad links.

Each chunk read from either side is, with probability `rate`, dropped (the connection is cut), held
back for a while, cut short, sent twice or has a byte flipped; otherwise it is passed on as it is.
The faults are drawn from a seeded random generator, so a run can be repeated.
"""
from __future__ import annotations

import random
import socket
import threading
import time


class FaultyProxy:
    FAULTS = ("drop", "delay", "truncate", "duplicate", "corrupt")

    def __init__(self, target_port: int, rate: float, seed: int = 7):
        self.target_port = target_port
        self.rate = rate
        self.random = random.Random(seed)
        self.lock = threading.Lock()
        self.counts = {f: 0 for f in self.FAULTS} | {"chunks": 0, "connections": 0}
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(64)
        self.port = self.listener.getsockname()[1]
        self.stopping = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _fault(self) -> str | None:
        with self.lock:
            self.counts["chunks"] += 1
            if self.random.random() >= self.rate:
                return None
            fault = self.random.choice(self.FAULTS)
            self.counts[fault] += 1
            return fault

    def _accept(self) -> None:
        while not self.stopping.is_set():
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target_port), timeout=10)
            except OSError:
                client.close()
                continue
            with self.lock:
                self.counts["connections"] += 1
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while not self.stopping.is_set():
                chunk = source.recv(16384)
                if not chunk:
                    break
                fault = self._fault()
                if fault == "drop":
                    break
                if fault == "delay":
                    time.sleep(0.5)
                elif fault == "truncate":
                    sink.sendall(chunk[: len(chunk) // 2])
                    break
                elif fault == "duplicate":
                    sink.sendall(chunk)
                elif fault == "corrupt":
                    i = len(chunk) // 2
                    chunk = chunk[:i] + bytes([chunk[i] ^ 0x5A]) + chunk[i + 1:]
                sink.sendall(chunk)
        except OSError:
            pass
        finally:
            for s in (source, sink):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                s.close()

    def close(self) -> None:
        self.stopping.set()
        self.listener.close()
