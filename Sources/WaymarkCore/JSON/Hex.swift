/// Lower-case hexadecimal text of bytes.
public func hexString(_ bytes: [UInt8]) -> String {
    if bytes.isEmpty { return "" }
    return String(unsafeUninitializedCapacity: bytes.count * 2) { out in
        for (i, b) in bytes.enumerated() {
            out[2 * i] = hexDigit(b >> 4)
            out[2 * i + 1] = hexDigit(b & 0xF)
        }
        return bytes.count * 2
    }
}

@inline(__always) private func hexDigit(_ n: UInt8) -> UInt8 { n < 10 ? 48 + n : 87 + n }

/// Bytes (an envelope id, a key) as a dictionary key hashed in one pass rather than byte by byte.
public struct ByteKey: Hashable, Sendable {
    public let bytes: [UInt8]
    public init(_ bytes: [UInt8]) { self.bytes = bytes }
    public func hash(into h: inout Hasher) { bytes.withUnsafeBytes { h.combine(bytes: $0) } }
}

/// Bytes from hexadecimal text, or `nil` if it is not hex of whole bytes.
public func bytesFromHex(_ text: String) -> [UInt8]? {
    let chars = Array(text.utf8)
    guard chars.count % 2 == 0 else { return nil }
    var out: [UInt8] = []
    out.reserveCapacity(chars.count / 2)
    func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case 48...57: return c - 48
        case 97...102: return c - 87
        case 65...70: return c - 55
        default: return nil
        }
    }
    var i = 0
    while i < chars.count {
        guard let hi = nibble(chars[i]), let lo = nibble(chars[i + 1]) else { return nil }
        out.append(hi << 4 | lo)
        i += 2
    }
    return out
}
