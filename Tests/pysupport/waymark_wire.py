"""A small second implementation of the Waymark wire format, written from Protocol/SPEC.md (§1 envelopes,
§2 canonical JSON payloads, §5 frames and signed requests): the tests use it to act as strangers and as
members gone bad, sending hand-made envelopes and requests to real nodes."""
from __future__ import annotations

import hashlib
import json
import os
import re
import time
from dataclasses import dataclass, field

import nacl.signing
import requests

ENVELOPE_DOMAIN = b"waymark/envelope/v1\x00"
REQUEST_DOMAIN = b"waymark/request/v2\x00"

NODE_RECORD, DIRECTORY_RECORD, DIRECTORY_TOMBSTONE, MEMBER_VOUCH, MEMBER_REMOVAL, KEY_HANDOVER = 1, 2, 3, 4, 5, 6
HANDOVER_DOMAIN = b"waymark/handover/v1\x00"
CONSENT = 16


def blake2b(data: bytes, size: int = 32) -> bytes:
    return hashlib.blake2b(data, digest_size=size).digest()


def varint(n: int) -> bytes:
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def prefixed(b: bytes) -> bytes:
    return varint(len(b)) + b


def canonical(value) -> bytes:
    """Canonical JSON (§2): members sorted, no white space, UTF-8 kept as is."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def fingerprint(key: bytes) -> str:
    h = blake2b(key, 16).hex()
    return "-".join(h[i:i + 4] for i in range(0, 32, 4))


def hlc(ms: int, counter: int = 0) -> int:
    return (ms << 16) | counter


@dataclass
class Signer:
    """A key that signs envelopes and requests; it keeps its own chain (sequence and previous id)."""
    key: nacl.signing.SigningKey = field(default_factory=nacl.signing.SigningKey.generate)
    sequence: int = 0
    previous: bytes | None = None
    # The organisation's first key, once a later key signs for it after a hand-over (§9.6).
    organisation: bytes | None = None

    @property
    def public(self) -> bytes:
        return self.key.verify_key.encode()

    @property
    def author(self) -> bytes:
        return self.organisation or self.public

    def extensions(self) -> bytes:
        """The signer entry (§1.4) when the key signing is not the author's own."""
        return b"" if self.author == self.public else bytes([1]) + prefixed(self.public)

    def handover(self, new: nacl.signing.SigningKey, *, clock: int) -> tuple[bytes, bytes]:
        """Signs, with the key in force, a hand-over (kind 6) to `new`, with `new`'s proof; the
        envelopes after it are to be signed by `new` (call `switch_to`)."""
        new_public = new.verify_key.encode()
        proof = new.sign(HANDOVER_DOMAIN + self.author + new_public).signature
        return self.envelope(KEY_HANDOVER, canonical({"key": new_public.hex(), "proof": proof.hex()}), clock=clock)

    def switch_to(self, new: nacl.signing.SigningKey) -> None:
        self.organisation = self.author
        self.key = new

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public)

    def envelope(self, kind: int, payload: bytes | None, *, clock: int, scope: str = "public", deps: list[bytes] | None = None,
                 recipients: list[tuple[bytes, bytes]] | None = None, keep_payload: bool = True) -> tuple[bytes, bytes]:
        """Signs the next envelope of this key's chain. Returns (wire bytes, envelope id)."""
        self.sequence += 1
        deps = sorted(set((deps or []) + ([self.previous] if self.previous else [])))
        body = payload or b""
        header = (b"WM" + bytes([1]) + kind.to_bytes(2, "big") + prefixed(scope.encode()) + self.author + varint(self.sequence)
                  + varint(len(deps)) + b"".join(deps) + clock.to_bytes(8, "big") + blake2b(body) + varint(len(body))
                  + varint(len(recipients or [])) + b"".join(kid + prefixed(sk) for kid, sk in (recipients or []))
                  + prefixed(self.extensions()))
        signature = self.key.sign(ENVELOPE_DOMAIN + header).signature
        wire = header + signature + ((b"\x01" + prefixed(body)) if keep_payload else b"\x00")
        eid = blake2b(header + signature)
        self.previous = eid
        return wire, eid

    def request_headers(self, base: str, path: str, body: bytes, date_ms: int | None = None, nonce: str | None = None) -> dict[str, str]:
        """The signature headers of a POST of `body` to `path` at the node whose URL is `base` (§5.3)."""
        date = str(date_ms if date_ms is not None else int(time.time() * 1000))
        host = host_of(base)
        nonce = nonce or os.urandom(16).hex()
        message = REQUEST_DOMAIN + f"POST\n{host}\n{path}\n{date}\n{nonce}\n{blake2b(body).hex()}".encode()
        headers = {"Waymark-Key": self.public.hex(), "Waymark-Host": host, "Waymark-Date": date, "Waymark-Nonce": nonce,
                   "Waymark-Signature": self.key.sign(message).signature.hex(), "Content-Type": "application/octet-stream"}
        if self.author != self.public:
            headers["Waymark-Author"] = self.author.hex()
        return headers

    def post(self, base: str, path: str, body: bytes) -> requests.Response:
        return requests.post(base + path, data=body, headers=self.request_headers(base, path, body), timeout=30)


def decode_header(envelope: bytes) -> dict:
    """The fields of an envelope's header this module's tests look at (§1.1), and its signer (§1.4)."""
    i = 5  # magic, version, kind

    def read_varint() -> int:
        nonlocal i
        n, shift = 0, 0
        while True:
            b = envelope[i]
            i += 1
            n |= (b & 0x7F) << shift
            if not b & 0x80:
                return n
            shift += 7

    kind = int.from_bytes(envelope[3:5], "big")
    n = read_varint()  # scope
    i += n
    author = envelope[i:i + 32]
    i += 32
    sequence = read_varint()
    n = read_varint()  # dependencies
    i += 32 * n
    i += 8 + 32  # clock, payload hash
    read_varint()  # payload size
    for _ in range(read_varint()):  # recipients
        i += 8
        n = read_varint()
        i += n
    length = read_varint()
    extensions = envelope[i:i + length]
    signer = extensions[2:34] if len(extensions) >= 34 and extensions[0] == 1 and extensions[1] == 32 else author
    return {"kind": kind, "author": author, "sequence": sequence, "signer": signer}


def host_of(url: str) -> str:
    """The authority a request to `url` is signed for (§5.3): lower case, no user information, the
    scheme's default port left out."""
    scheme, _, rest = url.partition("://")
    authority = re.split(r"[/?#]", rest, maxsplit=1)[0].lower().rpartition("@")[2]
    default = ":443" if scheme.lower() == "https" else ":80"
    return authority[: -len(default)] if authority.endswith(default) else authority


def frames(*wires: bytes) -> bytes:
    return b"".join(prefixed(w) for w in wires)


def directory_record(table: str, rid: str, fields: dict) -> bytes:
    return canonical({"table": table, "id": rid, "fields": {"id": rid, **fields}})


def node_record(name: str, url: str, org_id: str, encryption_key: bytes) -> bytes:
    return canonical({"encryption_key": encryption_key.hex(), "organization_id": org_id, "organization_name": name, "url": url})


# -- Row namespaces (SPEC §3.2) -----------------------------------------------------------------

SHARED_TABLES = {"taxonomy", "taxonomy_term"}


def namespaced_id(key: bytes, local: int) -> str:
    """An id in the namespace of signing key `key` with row part `local` (its low 48 bits)."""
    k = key[:9].hex()
    return f"{k[0:8]}-{k[8:12]}-8{k[12:15]}-8{k[15:18]}-{local & 0xFFFFFFFFFFFF:012x}"


def in_namespace(rid: str, key: bytes) -> bool:
    return bool(re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}", rid)) and \
        (rid[0:8] + rid[9:13] + rid[15:18] + rid[20:23]) == key[:9].hex()


def adopted_id(key: bytes, original: str) -> str:
    """The id `waymark import` gives a row whose id in the file is `original`."""
    if in_namespace(original, key):
        return original
    h = 0xcbf29ce484222325
    for b in ("waymark-row:" + original).encode("utf-8"):
        h = ((h ^ b) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return namespaced_id(key, h)


def adopted_record(key: bytes, table: str, row: dict, imported: set[str]) -> dict:
    """A row as `waymark import` stores it: its id and its references to other imported rows adopted."""
    if table in SHARED_TABLES:
        return row
    out = dict(row)
    for name, value in row.items():
        if (name == "id" or name.endswith("_id")) and isinstance(value, str) and value in imported:
            out[name] = adopted_id(key, value)
    return out
