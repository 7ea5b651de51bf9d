import CSodium
import WaymarkCore

/// The key a client's receipt unlocks (`Protocol/SPEC.md` §13.2): Argon2id (libsodium
/// `crypto_pwhash`, 2 passes over 64 MiB) of the receipt code and the client's date of birth gives 64
/// bytes, the seeds of an Ed25519 key (the client signs consent changes) and an X25519 key (the
/// circle's records are encrypted to it). Any member node derives it from what the client types;
/// none stores the code or the key.
///
/// For example:
/// ```swift
/// let key = try ClientKey.derive(code: "0123456789ABCDEF", dateOfBirth: "1990-05-01")
/// let signed = try ClientKey.sign(payload, scope: circle, with: key)
/// ```
public enum ClientKey {
    /// A fixed salt: the code's 80 random bits are the secret, the salt only separates this use.
    public static let salt: [UInt8] = Array(Blake2b.hash(Array("waymark/client-key/v1".utf8), outputLength: 16))
    public static let opsLimit: UInt64 = 2
    public static let memLimit: Int = 64 << 20

    /// The client's keys from their code (as `ClientCode.normalized` gives it) and date of birth (ISO).
    public static func derive(code: String, dateOfBirth: String) throws -> NodeIdentity {
        Sodium.ensureReady()
        let input = Array("\(code)|\(dateOfBirth)".utf8)
        var seeds = [UInt8](repeating: 0, count: 2 * NodeIdentity.seedLength)
        let rc = input.withUnsafeBufferPointer { b in
            b.baseAddress!.withMemoryRebound(to: CChar.self, capacity: b.count) {
                crypto_pwhash(&seeds, UInt64(seeds.count), $0, UInt64(b.count), salt, opsLimit, memLimit, crypto_pwhash_ALG_ARGON2ID13)
            }
        }
        guard rc == 0 else { throw CryptoError("could not derive the client's key (out of memory?)") }
        defer { sodium_memzero(&seeds, seeds.count) }
        return try NodeIdentity(secretSeeds: seeds)
    }

    /// The public record of a client key (kind 27).
    public static func record(of key: NodeIdentity) -> ClientKeyRecord {
        ClientKeyRecord(signingKey: key.signingPublicKey, encryptionKey: key.encryptionPublicKey)
    }

    /// A consent payload (canonical JSON, §8.3) signed by the client for a circle.
    /// Each signing adds a fresh nonce (`client_nonce`), so the same change made twice is two changes.
    public static func sign(_ unsignedPayload: [UInt8], scope: String, with key: NodeIdentity, nonce: [UInt8]? = nil) throws -> [UInt8] {
        let payload = try ClientSignature.withNonce(unsignedPayload, nonce: nonce ?? Sodium.randomBytes(16))
        let signature = key.sign(ClientSignature.message(scope: scope, unsignedPayload: payload))
        return try ClientSignature.attach(signature, to: payload)
    }

    /// Whether a consent payload carries a valid signature by `signingKey` for this circle.
    public static func isSigned(_ payload: [UInt8], scope: String, by signingKey: [UInt8]) -> Bool {
        guard let (unsigned, signature) = ClientSignature.split(payload) else { return false }
        return NodeIdentity.verify(signature, of: ClientSignature.message(scope: scope, unsignedPayload: unsigned), publicKey: signingKey)
    }
}

extension NodeIdentity {
    /// Reads a private envelope with a content key given by other means (a client copy, kind 28).
    public static func open(_ envelope: Envelope, contentKey: [UInt8]) throws -> [UInt8] {
        if envelope.header.kind == .sealed { return try SealedEnvelope.open(envelope, contentKey: contentKey).body }
        guard let payload = envelope.payload else { throw PrivateEnvelope.OpenError.erased }
        return try PrivateEnvelope.decrypt(
            payload, key: contentKey, kind: envelope.header.kind, author: envelope.header.author, scope: envelope.header.scope)
    }
}
