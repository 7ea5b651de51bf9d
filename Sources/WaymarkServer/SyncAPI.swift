import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import WaymarkCore
import WaymarkCrypto
import WaymarkStore
import WaymarkSync

/// The sync endpoints other nodes call (`Protocol/SPEC.md` §5), and `/metrics`.
struct SyncAPI: Sendable {
    let node: SyncNode
    /// Reverse proxies whose forwarded client address is believed (`--trusted-proxy`).
    var trustedProxies: Set<String> = []
    /// Refused requests per client address (`Protocol/SPEC.md` §5.3).
    let refusals = AddressThrottle.syncRefusals()

    func register(on router: Router<WaymarkRequestContext>) {
        router.get("/sync/v1/node") { _, _ in
            guard let wire = try node.database.ledger.nodeRecordEnvelope(author: node.identity.signingPublicKey) else {
                return Problem(status: .serviceUnavailable, title: "No node record", detail: "this node has not published its node record yet").response
            }
            return Self.binary(wire)
        }
        // The organisation's hand-overs, in chain order (§9.6): how a node record signed by a later
        // key is traced back to the organisation's first key. Public, like the node record.
        router.get("/sync/v1/keys") { _, _ in
            Self.binary(EnvelopeFrames.encode(try node.database.handoverWires(author: node.identity.signingPublicKey)))
        }
        router.post("/sync/v1/reconcile") { request, context in
            try await handle(request, context) { body, sender in try node.answerReconcile(body, from: sender) }
        }
        router.post("/sync/v1/fetch") { request, context in
            try await handle(request, context) { body, sender in try node.answerFetch(body, from: sender) }
        }
        router.post("/sync/v1/push") { request, context in
            try await handle(request, context, contentType: "application/json") { body, sender in
                let report = try node.acceptPush(body, from: sender)
                return JSONWriter().bytes(.object(Self.json(report)))
            }
        }
        router.get("/metrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: try SyncMetrics.text(node))))
        }
    }

    /// Reads a size-limited body, checks the request signature, and answers or explains the refusal.
    /// An address whose requests were refused too often is turned away first, and a key that is not a
    /// member before its body is read; those refusals and bad signatures count against the address.
    func handle(
        _ request: Request, _ context: WaymarkRequestContext, contentType: String = "application/octet-stream",
        _ answer: @escaping @Sendable ([UInt8], [UInt8]) throws -> [UInt8]
    ) async throws -> Response {
        var request = request
        func header(_ name: String) -> String? { request.headers[HTTPField.Name(name)!] }
        let client = ClientAddress(request, peer: context.remoteAddress?.ipAddress, trustedProxies: trustedProxies)
        let counted = client.flatMap { refusals.counts($0) ? $0.address : nil }
        func refused(_ problem: Problem) -> Response {
            if let counted { refusals.failed(counted, now: node.nowMilliseconds()) }
            return problem.response
        }
        if let counted, refusals.isBlocked(counted, now: node.nowMilliseconds()) {
            var response = Problem(
                status: .tooManyRequests, title: "Too many refused requests",
                detail: "\(refusals.failures) sync requests from this address were refused within \(refusals.windowMilliseconds / 60_000) minutes; try again later"
            ).response
            response.headers[.retryAfter] = String(refusals.windowMilliseconds / 1000)
            return response
        }
        // A key that is not a member is told so at once: its body is never read. The organisation is
        // the one `Waymark-Author` names when a later key signs for it (§9.6), else the signing key's.
        let claimedKey = header(RequestSignature.keyHeader).flatMap(bytesFromHex)
        var claimedAuthor = claimedKey
        if let authorHeader = header(RequestSignature.authorHeader) {
            guard let author = bytesFromHex(authorHeader), author.count == 32 else {
                return refused(Problem(status: .unauthorized, title: "Unsigned or badly signed request", detail: "Waymark-Author is not a 32-byte key in hex"))
            }
            claimedAuthor = author
        }
        if let key = claimedAuthor, key.count == 32, !node.isMember(key) {
            return refused(Self.problem(.notMember(NodeIdentity.fingerprint(of: key))))
        }
        // Nor is the body read for a key that is not the organisation's key in force (a spoofed
        // `Waymark-Author` gets no further than a stranger's key); the signature is checked after.
        if let author = claimedAuthor, author.count == 32, let key = claimedKey, key.count == 32 {
            do { try node.checkKeyInForce(author: author, signer: key) } catch {
                if case .notKeyInForce = error { return refused(Self.problem(error)) }
                return Self.problem(error).response
            }
        }
        let buffer: ByteBuffer
        do { buffer = try await request.collectBody(upTo: SyncNode.maximumRequest) } catch {
            return refused(Problem(status: .contentTooLarge, title: "Too large", detail: "sync requests are limited to \(SyncNode.maximumRequest) bytes"))
        }
        let body = [UInt8](buffer.readableBytesView)
        let signer: [UInt8]
        do {
            signer = try node.verifyRequest(
                path: request.uri.path, body: body, key: header(RequestSignature.keyHeader), host: header(RequestSignature.hostHeader),
                date: header(RequestSignature.dateHeader), nonce: header(RequestSignature.nonceHeader), signature: header(RequestSignature.signatureHeader),
                reachedAt: request.head.authority)
        } catch {
            return refused(Problem(status: .unauthorized, title: "Unsigned or badly signed request", detail: error.description))
        }
        let sender = claimedAuthor ?? signer
        do {
            try node.checkKeyInForce(author: sender, signer: signer)
            try node.admit(sender: sender, bytes: body.count)
            // Taking in a push or answering a large fetch can take seconds: off the cooperative pool.
            return Self.binary(
                try await Blocking.run {
                    // A peer this node had given up on for a while is reachable again.
                    if (try? node.database.peers.heardFrom(author: sender)) == true { node.changes.signal() }
                    return try answer(body, sender)
                }, contentType: contentType)
        } catch let refusal as SyncRefusal {
            if case .notMember = refusal { return refused(Self.problem(refusal)) }
            if case .notKeyInForce = refusal { return refused(Self.problem(refusal)) }
            return Self.problem(refusal).response
        } catch where NodeDatabase.isDiskFull(error) {
            let database = node.database
            _ = try? await Blocking.run { database.releaseSpaceAfterFailure() }
            return Problem(
                status: HTTPResponse.Status(code: 507, reasonPhrase: "Insufficient Storage"), title: "Disk full",
                detail: "this node's disk is full, so it takes nothing in until its admin frees space; nothing was stored").response
        }
    }

    /// How a refusal is answered (`Protocol/SPEC.md` §5.4).
    static func problem(_ refusal: SyncRefusal) -> Problem {
        switch refusal {
        case .malformed: return Problem(status: .badRequest, title: "Malformed sync message", detail: refusal.description)
        case .tooLarge: return Problem(status: .contentTooLarge, title: "Too large", detail: refusal.description)
        case .backedOff: return Problem(status: .tooManyRequests, title: "Backed off", detail: refusal.description)
        case .unavailable: return Problem(status: .serviceUnavailable, title: "Unavailable", detail: refusal.description)
        case .notMember: return Problem(status: .forbidden, title: "Not a member", detail: refusal.description)
        case .notKeyInForce: return Problem(status: .forbidden, title: "Not the key in force", detail: refusal.description)
        }
    }

    static func binary(_ bytes: [UInt8], contentType: String = "application/octet-stream") -> Response {
        Response(status: .ok, headers: [.contentType: contentType], body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func json(_ r: IngestReport) -> JSONObject {
        JSONObject([
            ("accepted", JSONValue(r.accepted)), ("duplicates", JSONValue(r.duplicates)), ("pending", JSONValue(r.pending)),
            ("forks", JSONValue(r.forks)), ("rows_changed", JSONValue(r.rowsChanged)),
            (
                "rejected",
                .array(
                    r.rejected.prefix(100).map {
                        .object(JSONObject([("id", .string($0.envelopeID)), ("reason", .string($0.reason.rawValue)), ("detail", .string($0.detail))]))
                    })
            ),
        ])
    }
}

/// The node's sync figures in the Prometheus text format.
enum SyncMetrics {
    /// A label value as the text format wants it: backslash, double quote and line feed escaped.
    static func escapeLabel(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n")
    }

    static func text(_ node: SyncNode) throws -> String {
        let c = try node.database.ledger.counts()
        var out = ""
        func metric(_ name: String, _ type: String, _ help: String, _ samples: [(String, Any)]) {
            out += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
            for (labels, value) in samples { out += "\(name)\(labels) \(value)\n" }
        }
        metric("waymark_envelopes", "gauge", "Signed envelopes held.", [("", c.envelopes)])
        metric("waymark_pending_envelopes", "gauge", "Envelopes waiting for their dependencies.", [("", c.pending)])
        metric("waymark_known_nodes", "gauge", "Nodes known from signed node records.", [("", c.knownNodes)])
        metric("waymark_forked_authors", "gauge", "Authors who signed two envelopes with one sequence number.", [("", c.forkedAuthors)])
        metric("waymark_rejections_logged", "gauge", "Entries in the rejection log.", [("", c.rejections)])
        let peers = try node.database.peers.all()
        func label(_ p: PeerInfo) -> String { "{peer=\"\(Self.escapeLabel(p.url))\"}" }
        metric("waymark_peer_last_success_seconds", "gauge", "When the last sync session with the peer succeeded.",
            peers.map { (label($0), Double($0.lastSuccess ?? 0) / 1000) })
        metric("waymark_peer_failures", "gauge", "Failed sessions in a row.", peers.map { (label($0), $0.failures) })
        metric("waymark_peer_sessions_total", "counter", "Sync sessions started with the peer.", peers.map { (label($0), $0.sessions) })
        metric("waymark_peer_envelopes_in_total", "counter", "Envelopes taken in from the peer.", peers.map { (label($0), $0.envelopesIn) })
        metric("waymark_peer_envelopes_out_total", "counter", "Envelopes pushed to the peer.", peers.map { (label($0), $0.envelopesOut) })
        metric("waymark_peer_bytes_in_total", "counter", "Bytes received from the peer.", peers.map { (label($0), $0.bytesIn) })
        metric("waymark_peer_bytes_out_total", "counter", "Bytes sent to the peer.", peers.map { (label($0), $0.bytesOut) })
        metric("waymark_peer_rejections_total", "counter", "Envelopes from the peer that were rejected.", peers.map { (label($0), $0.rejections) })
        let inbound = node.inboundPeers().sorted { $0.key < $1.key }
        func key(_ k: String) -> String { "{key=\"\(NodeIdentity.fingerprint(of: bytesFromHex(k) ?? []))\"}" }
        metric("waymark_inbound_requests_total", "counter", "Sync requests received from the node.", inbound.map { (key($0.key), $0.value.requests) })
        metric("waymark_inbound_envelopes_in_total", "counter", "Envelopes the node pushed here and were accepted.", inbound.map { (key($0.key), $0.value.envelopesIn) })
        metric("waymark_inbound_rejections_total", "counter", "Envelopes the node pushed here that were rejected.", inbound.map { (key($0.key), $0.value.rejections) })
        return out
    }
}
