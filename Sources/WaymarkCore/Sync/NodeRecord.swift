/// The payload of a node record (kind 1): who runs a node and how to reach it. Each node publishes
/// its own; they spread by sync, so a node learns of nodes it never peered with directly.
public struct NodeRecord: Sendable, Hashable {
    public var organizationID: String
    public var organizationName: String
    /// The node's base URL for the sync transport, e.g. `http://127.0.0.1:8081`.
    public var url: String
    /// The node's X25519 public key, for sealing content keys to it (32 bytes).
    public var encryptionKey: [UInt8]

    public init(organizationID: String, organizationName: String, url: String, encryptionKey: [UInt8]) {
        self.organizationID = organizationID
        self.organizationName = organizationName
        self.url = url
        self.encryptionKey = encryptionKey
    }

    /// Canonical JSON with the key as lowercase hex.
    public func encoded() -> [UInt8] {
        let o = JSONObject([
            ("organization_id", .string(organizationID)), ("organization_name", .string(organizationName)), ("url", .string(url)),
            ("encryption_key", .string(hexString(encryptionKey))),
        ])
        return JSONValue.object(o).canonicalBytes
    }

    public static func decode(_ bytes: [UInt8]) throws -> NodeRecord { try decode(value: JSONParser.parse(bytes)) }

    /// Reads an already parsed payload.
    public static func decode(value: JSONValue) throws -> NodeRecord {
        func fail(_ m: String) -> HSDSError { HSDSError(record: "node record", message: m) }
        guard case .object(let o) = value else { throw fail("must be a JSON object") }
        guard let org = o["organization_id"]?.stringValue, !org.isEmpty, org.count <= 200 else { throw fail("needs an organization_id") }
        guard let name = o["organization_name"]?.stringValue, !name.isEmpty, name.count <= 300 else { throw fail("needs an organization_name") }
        guard let url = o["url"]?.stringValue, url.count <= 300, url.hasPrefix("http://") || url.hasPrefix("https://") else {
            throw fail("needs an http(s) url")
        }
        guard let hex = o["encryption_key"]?.stringValue, let key = bytesFromHex(hex), key.count == 32 else {
            throw fail("needs a 32-byte encryption_key in hex")
        }
        return NodeRecord(organizationID: org, organizationName: name, url: url, encryptionKey: key)
    }
}

/// A sequence of envelopes on the wire: each as `varint length` then its bytes (`Protocol/SPEC.md` §5).
public enum EnvelopeFrames {
    /// The most envelopes one message may carry.
    public static let maximumCount = 4096
    /// The largest message, in bytes.
    public static let maximumBytes = 8 << 20

    public static func encode(_ envelopes: [[UInt8]]) -> [UInt8] {
        var w = ByteWriter()
        for e in envelopes { w.lengthPrefixed(e) }
        return w.out
    }

    /// Splits a message into envelope byte strings without decoding them.
    /// - Throws: `EnvelopeError` when the framing is broken or a limit is exceeded.
    public static func decode(_ bytes: [UInt8]) throws -> [[UInt8]] {
        guard bytes.count <= maximumBytes else { throw EnvelopeError.limitExceeded("a message of \(bytes.count) bytes") }
        var r = ByteReader(bytes)
        var out: [[UInt8]] = []
        while r.remaining > 0 {
            guard out.count < maximumCount else { throw EnvelopeError.limitExceeded("more than \(maximumCount) envelopes in one message") }
            out.append(try r.lengthPrefixed(max: Envelope.Limits.payload + 64 * 1024, what: "envelope"))
        }
        return out
    }

    /// The envelopes before the first break in a message's framing, and what the break was (`nil`
    /// when there was none). For answers damaged on the way: what arrived whole before the damage is
    /// still worth taking in (each envelope is verified on its own).
    public static func decodePrefix(_ bytes: [UInt8]) -> (frames: [[UInt8]], problem: (any Error)?) {
        guard bytes.count <= maximumBytes else { return ([], EnvelopeError.limitExceeded("a message of \(bytes.count) bytes")) }
        var r = ByteReader(bytes)
        var out: [[UInt8]] = []
        while r.remaining > 0 && out.count < maximumCount {
            let frame: [UInt8]
            do { frame = try r.lengthPrefixed(max: Envelope.Limits.payload + 64 * 1024, what: "envelope") } catch { return (out, error) }
            // A damaged length puts every later frame out of step: stop at the first that does not
            // even begin like an envelope.
            guard frame.starts(with: Envelope.magic) else { return (out, EnvelopeError.malformed("a frame that is not an envelope (the answer was damaged?)")) }
            out.append(frame)
        }
        return (out, r.remaining > 0 ? EnvelopeError.limitExceeded("more than \(maximumCount) envelopes in one message") : nil)
    }
}
