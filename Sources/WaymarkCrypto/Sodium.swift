import CSodium

/// Starts libsodium once per process; every entry point of this module calls it first.
enum Sodium {
    static let ready: Bool = sodium_init() >= 0

    static func ensureReady() {
        precondition(ready, "libsodium could not start")
    }

    /// Random bytes from the operating system's generator.
    static func randomBytes(_ count: Int) -> [UInt8] {
        ensureReady()
        var out = [UInt8](repeating: 0, count: count)
        randombytes_buf(&out, count)
        return out
    }
}

/// A crypto operation that failed, or input of the wrong size.
public struct CryptoError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
    public init(_ message: String) { self.message = message }
}

/// BLAKE2b hashing (libsodium `crypto_generichash`).
public enum Blake2b {
    /// A 32-byte BLAKE2b digest of `bytes`, optionally keyed.
    public static func hash(_ bytes: [UInt8], outputLength: Int = 32, key: [UInt8] = []) -> [UInt8] {
        Sodium.ensureReady()
        var out = [UInt8](repeating: 0, count: outputLength)
        let rc = bytes.withUnsafeBufferPointer { b in
            key.withUnsafeBufferPointer { k in
                crypto_generichash(&out, outputLength, b.baseAddress, UInt64(b.count), k.baseAddress, k.count)
            }
        }
        precondition(rc == 0, "crypto_generichash failed")
        return out
    }
}

/// Lower-case hexadecimal text of bytes.
public func hexString(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef")
    var s = ""
    s.reserveCapacity(bytes.count * 2)
    for b in bytes {
        s.append(digits[Int(b >> 4)])
        s.append(digits[Int(b & 0xF)])
    }
    return s
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
