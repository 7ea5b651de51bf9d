/// Why bytes are not an envelope. Decoding never traps: every failure is one of these.
public enum EnvelopeError: Error, Sendable, Equatable, CustomStringConvertible {
    case truncated(at: Int)
    case badMagic
    case unknownVersion(UInt8)
    case limitExceeded(String)
    case malformed(String)
    case trailingBytes(Int)

    public var description: String {
        switch self {
        case .truncated(let at): return "truncated at byte \(at)"
        case .badMagic: return "not a Waymark envelope (bad magic bytes)"
        case .unknownVersion(let v): return "unknown envelope version \(v)"
        case .limitExceeded(let what): return "over the limit: \(what)"
        case .malformed(let what): return "malformed: \(what)"
        case .trailingBytes(let n): return "\(n) unexpected bytes after the envelope"
        }
    }
}

extension Envelope {
    /// Limits every decoder enforces, so a hostile peer cannot make a node allocate without bound.
    public enum Limits {
        public static let scope = 64
        public static let dependencies = 64
        public static let recipients = 256
        public static let sealedKey = 128
        public static let extensions = 1024
        public static let payload = 1 << 20
    }
}

extension Envelope.Header {
    /// The canonical header bytes (see `Protocol/SPEC.md`, "Header").
    public func encoded() -> [UInt8] {
        var w = ByteWriter()
        w.bytes(Envelope.magic)
        w.u8(version)
        w.u16(kind.rawValue)
        w.lengthPrefixed(Array(scope.utf8))
        w.bytes(author)
        w.varint(sequence)
        w.varint(UInt64(dependencies.count))
        for d in dependencies { w.bytes(d) }
        w.u64(clock)
        w.bytes(payloadHash)
        w.varint(payloadSize)
        w.varint(UInt64(recipients.count))
        for r in recipients {
            w.bytes(r.keyID)
            w.lengthPrefixed(r.sealedKey)
        }
        w.lengthPrefixed(extensions)
        return w.out
    }
}

extension Envelope {
    /// The envelope's bytes: header, signature, then `01` and the length-prefixed payload, or `00` alone for an erased payload.
    public func encoded() -> [UInt8] {
        var w = ByteWriter()
        w.bytes(header.encoded())
        w.bytes(signature)
        if let payload {
            w.u8(0x01)
            w.lengthPrefixed(payload)
        } else {
            w.u8(0x00)
        }
        return w.out
    }

    /// Reads one envelope, checking its structure and limits.
    /// - Throws: `EnvelopeError` for anything that is not a well-formed envelope of a known version.
    public static func decode(_ bytes: [UInt8]) throws -> Envelope {
        var r = ByteReader(bytes)
        let header = try decodeHeader(&r)
        let signature = try r.take(64)
        let flag = try r.u8()
        var payload: [UInt8]?
        switch flag {
        case 0x00: payload = nil
        case 0x01:
            payload = try r.lengthPrefixed(max: Limits.payload, what: "payload")
            if UInt64(payload!.count) != header.payloadSize { throw EnvelopeError.malformed("payload size differs from the header") }
        default: throw EnvelopeError.malformed("payload flag \(flag)")
        }
        if r.remaining > 0 { throw EnvelopeError.trailingBytes(r.remaining) }
        return Envelope(header: header, signature: signature, payload: payload)
    }

    static func decodeHeader(_ r: inout ByteReader) throws -> Header {
        guard try r.u16() == UInt16(magic[0]) << 8 | UInt16(magic[1]) else { throw EnvelopeError.badMagic }
        let version = try r.u8()
        guard version == Envelope.version else { throw EnvelopeError.unknownVersion(version) }
        let kind = Kind(rawValue: try r.u16())
        let scopeBytes = try r.lengthPrefixed(max: Limits.scope, what: "scope")
        guard let scope = String(validating: scopeBytes, as: UTF8.self), !scope.isEmpty else { throw EnvelopeError.malformed("scope is not UTF-8 text") }
        let author = try r.take(32)
        let sequence = try r.varint()
        guard sequence >= 1 else { throw EnvelopeError.malformed("sequence numbers start at 1") }
        let depCount = try r.varint()
        guard depCount <= UInt64(Limits.dependencies) else { throw EnvelopeError.limitExceeded("\(depCount) dependencies") }
        var deps: [[UInt8]] = []
        for _ in 0..<depCount { deps.append(try r.take(32)) }
        for i in deps.indices.dropFirst() where !deps[i - 1].lexicographicallyPrecedes(deps[i]) {
            throw EnvelopeError.malformed("dependencies must be strictly ascending")
        }
        let clock = try r.u64()
        let payloadHash = try r.take(32)
        let payloadSize = try r.varint()
        guard payloadSize <= UInt64(Limits.payload) else { throw EnvelopeError.limitExceeded("payload of \(payloadSize) bytes") }
        let recipientCount = try r.varint()
        guard recipientCount <= UInt64(Limits.recipients) else { throw EnvelopeError.limitExceeded("\(recipientCount) recipients") }
        var recipients: [Recipient] = []
        for _ in 0..<recipientCount {
            let keyID = try r.take(8)
            recipients.append(Recipient(keyID: keyID, sealedKey: try r.lengthPrefixed(max: Limits.sealedKey, what: "sealed key")))
        }
        let extensions = try r.lengthPrefixed(max: Limits.extensions, what: "extensions")
        var h = Header(
            kind: kind, scope: scope, author: author, sequence: sequence, dependencies: deps, clock: clock, payloadHash: payloadHash,
            payloadSize: payloadSize, recipients: recipients, extensions: extensions)
        h.version = version
        return h
    }
}

/// Appends big-endian integers, LEB128 varints and length-prefixed byte strings.
struct ByteWriter {
    var out: [UInt8] = []
    mutating func u8(_ v: UInt8) { out.append(v) }
    mutating func u16(_ v: UInt16) { out += [UInt8(v >> 8), UInt8(v & 0xFF)] }
    mutating func u64(_ v: UInt64) { for shift in stride(from: 56, through: 0, by: -8) { out.append(UInt8((v >> UInt64(shift)) & 0xFF)) } }
    mutating func bytes(_ b: [UInt8]) { out += b }
    mutating func varint(_ value: UInt64) {
        var v = value
        repeat {
            var byte = UInt8(v & 0x7F)
            v >>= 7
            if v != 0 { byte |= 0x80 }
            out.append(byte)
        } while v != 0
    }
    mutating func lengthPrefixed(_ b: [UInt8]) {
        varint(UInt64(b.count))
        out += b
    }
}

/// Reads what `ByteWriter` writes, refusing truncation, over-long and non-minimal varints.
struct ByteReader {
    let bytes: [UInt8]
    var index = 0
    init(_ bytes: [UInt8]) { self.bytes = bytes }
    var remaining: Int { bytes.count - index }

    mutating func u8() throws -> UInt8 {
        guard index < bytes.count else { throw EnvelopeError.truncated(at: index) }
        defer { index += 1 }
        return bytes[index]
    }
    mutating func take(_ n: Int) throws -> [UInt8] {
        guard n >= 0, remaining >= n else { throw EnvelopeError.truncated(at: bytes.count) }
        defer { index += n }
        return Array(bytes[index..<(index + n)])
    }
    mutating func u16() throws -> UInt16 {
        guard remaining >= 2 else { throw EnvelopeError.truncated(at: bytes.count) }
        defer { index += 2 }
        return UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])
    }
    mutating func u64() throws -> UInt64 {
        guard remaining >= 8 else { throw EnvelopeError.truncated(at: bytes.count) }
        defer { index += 8 }
        return bytes[index..<(index + 8)].reduce(0) { $0 << 8 | UInt64($1) }
    }
    mutating func varint() throws -> UInt64 {
        var result: UInt64 = 0
        for i in 0..<10 {
            let b = try u8()
            if i == 9 && b > 1 { throw EnvelopeError.malformed("varint longer than 64 bits") }
            result |= UInt64(b & 0x7F) << UInt64(7 * i)
            if b & 0x80 == 0 {
                if i > 0 && b == 0 { throw EnvelopeError.malformed("varint not in its shortest form") }
                return result
            }
        }
        throw EnvelopeError.malformed("varint longer than 64 bits")
    }
    mutating func lengthPrefixed(max: Int, what: String) throws -> [UInt8] {
        let n = try varint()
        guard n <= UInt64(max) else { throw EnvelopeError.limitExceeded("\(what) of \(n) bytes") }
        return try take(Int(n))
    }
}
