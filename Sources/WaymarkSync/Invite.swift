import Foundation
import WaymarkCore
import WaymarkCrypto
import WaymarkStore

/// An invitation to peer: a node's URL, its key fingerprint and the federation's founding keys in one
/// string an admin can paste: `waymark-invite:` followed by base64url (no padding) of
/// `URL \n FINGERPRINT \n FOUNDERS`, FOUNDERS being the founders' signing keys in lower-case hex,
/// separated by commas (`Protocol/SPEC.md` §5, §9). An invite of two lines (no founders) is still read.
public struct Invite: Sendable, Equatable {
    public var url: String
    public var fingerprint: String
    public var founders: [[UInt8]]
    public static let prefix = "waymark-invite:"

    public init(url: String, fingerprint: String, founders: [[UInt8]] = []) {
        self.url = url
        self.fingerprint = fingerprint
        self.founders = founders
    }

    public var text: String {
        var body = "\(url)\n\(fingerprint)"
        if !founders.isEmpty { body += "\n" + founders.map(hexString).joined(separator: ",") }
        let b64 = Data(body.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        return Self.prefix + b64
    }

    public init?(text: String) {
        guard text.hasPrefix(Self.prefix) else { return nil }
        var b64 = String(text.dropFirst(Self.prefix.count)).replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while b64.count % 4 != 0 { b64 += "=" }
        guard let data = Data(base64Encoded: b64), let s = String(data: data, encoding: .utf8) else { return nil }
        let parts = s.split(separator: "\n", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        url = String(parts[0])
        fingerprint = String(parts[1])
        founders = []
        if parts.count == 3 {
            for hex in parts[2].split(separator: ",") {
                guard let key = bytesFromHex(String(hex)), key.count == 32 else { return nil }
                founders.append(key)
            }
            guard !founders.isEmpty else { return nil }
        }
    }
}

/// Starting to peer with a node: fetch its signed node record, check the fingerprint the admin was
/// given, keep the record, and add the node as a peer.
public enum PeerEnrolment {
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// - Returns: the peer's node record.
    @discardableResult
    public static func add(
        url rawURL: String, fingerprint: String, founders: [[UInt8]] = [], database: NodeDatabase, transport: any SyncTransport,
        nowMilliseconds: UInt64
    ) async throws -> NodeRecord {
        let (record, wire, author) = try await fetchRecord(url: rawURL, fingerprint: fingerprint, transport: transport)
        if !founders.isEmpty {
            do { try database.setFounders(founders) } catch let e as MembershipError { throw Failure(description: e.description) }
        }
        // Taken in now if its author is already a member here; otherwise it comes again by sync.
        _ = try database.ledger.ingest([wire], from: record.url, nowMilliseconds: nowMilliseconds)
        try database.peers.add(url: normalized(rawURL), author: author, source: "admin", nowMilliseconds: nowMilliseconds)
        return record
    }

    public static func normalized(_ url: String) -> String { url.hasSuffix("/") ? String(url.dropLast()) : url }

    /// Fetches a node's signed node record and checks that its key has the fingerprint the admin was given.
    /// - Returns: the record, its envelope's wire form, and the node's signing key.
    public static func fetchRecord(url rawURL: String, fingerprint: String, transport: any SyncTransport) async throws
        -> (record: NodeRecord, wire: [UInt8], key: [UInt8])
    {
        let url = normalized(rawURL)
        guard url.hasPrefix("http://") || url.hasPrefix("https://") else { throw Failure(description: "the peer URL must start with http:// or https://") }
        let wire: [UInt8]
        do { wire = try await transport.get(url, path: "/sync/v1/node") } catch {
            throw Failure(description: "cannot reach \(url): \(error)")
        }
        guard let e = try? Envelope.decode(wire), e.header.kind == .nodeRecord, let payload = e.payload,
            EnvelopeCrypto.verify(e) == .valid, let record = try? NodeRecord.decode(payload)
        else { throw Failure(description: "\(url) did not answer with a valid signed node record") }
        let actual = NodeIdentity.fingerprint(of: e.header.author)
        guard actual == fingerprint.lowercased() else {
            throw Failure(description: "fingerprint mismatch: \(url) has key \(actual), not \(fingerprint); nothing was added")
        }
        if e.header.signer != e.header.author {
            // Signed by a later key: the node must show the hand-overs from its first key to that one.
            let frames: [[UInt8]]
            do { frames = try EnvelopeFrames.decode(try await transport.get(url, path: "/sync/v1/keys")) } catch {
                throw Failure(description: "\(url) signs with a later key than its first and did not show its hand-overs: \(error)")
            }
            guard let problem = lineageProblem(frames.compactMap { try? Envelope.decode($0) }, author: e.header.author, signer: e.header.signer) else {
                return (record, wire, e.header.author)
            }
            throw Failure(description: "\(url) signs with a later key than its first, but \(problem); nothing was added")
        }
        return (record, wire, e.header.author)
    }

    /// What is wrong with a chain of hand-overs that should lead from `author`'s first key to
    /// `signer` (§9.6), or `nil` if it does: each a valid kind-6 envelope of the author, each signed by
    /// the key the one before named (the first by the author's own), the last naming `signer`.
    public static func lineageProblem(_ handovers: [Envelope], author: [UInt8], signer: [UInt8]) -> String? {
        var inForce = author
        var sequence: UInt64 = 0
        for h in handovers {
            guard h.header.kind == .keyHandover, h.header.author == author, h.header.sequence > sequence, EnvelopeCrypto.verify(h) == .valid,
                let payload = h.payload, let handover = try? Membership.Handover.decode(payload)
            else { return "one of its hand-overs is not a valid hand-over of that organisation" }
            guard h.header.signer == inForce else { return "a hand-over is signed by a key that was not in force" }
            inForce = handover.key
            sequence = h.header.sequence
        }
        return inForce == signer ? nil : "its hand-overs do not lead to the key that signed its node record"
    }
}
