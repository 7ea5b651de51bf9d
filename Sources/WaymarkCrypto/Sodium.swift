import CSodium
import WaymarkCore

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

    /// A 16-byte BLAKE2b digest of `bytes` as two words, allocating nothing: a compact in-memory key
    /// for a longer one (two keys that differ agree here with a chance of about 2⁻¹²⁸).
    public static func words128(_ bytes: UnsafeRawBufferPointer) -> (UInt64, UInt64) {
        Sodium.ensureReady()
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16) { out in
            let rc = bytes.withMemoryRebound(to: UInt8.self) { input in
                crypto_generichash(out.baseAddress!, 16, input.baseAddress, UInt64(input.count), nil, 0)
            }
            precondition(rc == 0, "crypto_generichash failed")
            let raw = UnsafeRawBufferPointer(out)
            return (raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        }
    }
}

/// Randomness from libsodium: bytes (circle and thread names, codes) and 64-bit words (the hub's
/// shares, `Protocol/SPEC.md` §12.2).
public enum SecureRandom {
    public static func bytes(_ count: Int) -> [UInt8] { Sodium.randomBytes(count) }

    public static func words(_ count: Int) -> [UInt64] { AdditiveShares.decode(Sodium.randomBytes(count * 8))! }
}
