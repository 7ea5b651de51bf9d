import CSodium
import WaymarkCore

/// Authenticated encryption under a 32-byte key: XChaCha20-Poly1305 (IETF), a random 24-byte nonce,
/// output `nonce || ciphertext || tag`. The associated data is authenticated, not encrypted: a box
/// opens only with the same key and the same associated data.
public enum SecretBox {
    public static let keyLength = Int(crypto_aead_xchacha20poly1305_ietf_KEYBYTES)
    public static let nonceLength = Int(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES)
    public static let tagLength = Int(crypto_aead_xchacha20poly1305_ietf_ABYTES)

    /// A box that does not open: wrong key, wrong associated data, or altered bytes.
    public struct DoesNotOpen: Error, Sendable, Equatable {}

    /// A new random key.
    public static func newKey() -> [UInt8] { Sodium.randomBytes(keyLength) }

    /// - Parameter nonce: random unless given (test vectors fix it).
    public static func seal(_ plaintext: [UInt8], key: [UInt8], associatedData ad: [UInt8], nonce: [UInt8]? = nil) throws -> [UInt8] {
        Sodium.ensureReady()
        guard key.count == keyLength else { throw CryptoError("a key is \(keyLength) bytes") }
        let n = nonce ?? Sodium.randomBytes(nonceLength)
        guard n.count == nonceLength else { throw CryptoError("a nonce is \(nonceLength) bytes") }
        var out = [UInt8](repeating: 0, count: plaintext.count + tagLength)
        var written: UInt64 = 0
        let rc = crypto_aead_xchacha20poly1305_ietf_encrypt(&out, &written, plaintext, UInt64(plaintext.count), ad, UInt64(ad.count), nil, n, key)
        guard rc == 0 else { throw CryptoError("encryption failed") }
        return n + out.prefix(Int(written))
    }

    public static func open(_ box: [UInt8], key: [UInt8], associatedData ad: [UInt8]) throws -> [UInt8] {
        Sodium.ensureReady()
        guard key.count == keyLength, box.count >= nonceLength + tagLength else { throw DoesNotOpen() }
        let n = Array(box.prefix(nonceLength))
        let c = Array(box.dropFirst(nonceLength))
        var out = [UInt8](repeating: 0, count: c.count - tagLength)
        var written: UInt64 = 0
        let rc = crypto_aead_xchacha20poly1305_ietf_decrypt(&out, &written, nil, c, UInt64(c.count), ad, UInt64(ad.count), n, key)
        guard rc == 0 else { throw DoesNotOpen() }
        return Array(out.prefix(Int(written)))
    }
}

extension NodeIdentity {
    /// The key that wraps this node's per-client keys at rest, derived from the node's secret seeds
    /// (BLAKE2b keyed with them, over a domain string). It lives in no database: a copy of
    /// `waymark.sqlite` alone reads as noise. Derived from the first key's seeds, so a key hand-over
    /// (§9.6) leaves it as it was.
    public var localDataKey: [UInt8] { Blake2b.hash(Array("waymark/local-data/v1".utf8), key: Blake2b.hash(firstSeeds)) }
}
