import Foundation
import WaymarkCore
import WaymarkCrypto
import WaymarkStore

/// An invitation to peer: a node's URL and key fingerprint in one string an admin can paste,
/// `waymark-invite:` followed by base64url of `URL \n FINGERPRINT`.
public struct Invite: Sendable, Equatable {
    public var url: String
    public var fingerprint: String
    public static let prefix = "waymark-invite:"

    public init(url: String, fingerprint: String) {
        self.url = url
        self.fingerprint = fingerprint
    }

    public var text: String {
        let b64 = Data("\(url)\n\(fingerprint)".utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        return Self.prefix + b64
    }

    public init?(text: String) {
        guard text.hasPrefix(Self.prefix) else { return nil }
        var b64 = String(text.dropFirst(Self.prefix.count)).replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while b64.count % 4 != 0 { b64 += "=" }
        guard let data = Data(base64Encoded: b64), let s = String(data: data, encoding: .utf8) else { return nil }
        let parts = s.split(separator: "\n", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        url = String(parts[0])
        fingerprint = String(parts[1])
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
    public static func add(url rawURL: String, fingerprint: String, database: NodeDatabase, transport: any SyncTransport, nowMilliseconds: UInt64)
        async throws -> NodeRecord
    {
        let url = rawURL.hasSuffix("/") ? String(rawURL.dropLast()) : rawURL
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
        _ = try database.ingest([wire], from: url, nowMilliseconds: nowMilliseconds)
        try database.addPeer(url: url, author: e.header.author, source: "admin", nowMilliseconds: nowMilliseconds)
        return record
    }
}
