import CSodium
import WaymarkCore

/// Private envelopes (`Protocol/SPEC.md` §8): the payload is encrypted with XChaCha20-Poly1305 under a
/// fresh content key, and the content key is sealed (libsodium sealed box: X25519 + XSalsa20-Poly1305)
/// to each recipient organisation's encryption key. The header stays in the clear and signed, so any
/// node can verify, store and relay the envelope; only a recipient can read it.
///
/// For example:
/// ```swift
/// let e = try PrivateEnvelope.sign(kind: .referral, scope: circle, plaintext: bytes,
///                                  recipients: [me.encryptionPublicKey, them], by: me, sequence: 4, dependencies: heads, clock: hlc)
/// let bytes = try them.open(e)   // a recipient reads it; anyone else gets PrivateEnvelope.OpenError.notARecipient
/// ```
public enum PrivateEnvelope {
    public static let contentKeyLength = SecretBox.keyLength
    /// Bytes of one sealed content key: an ephemeral X25519 key, the key, a tag.
    public static let sealedKeyLength = Int(crypto_box_sealbytes()) + contentKeyLength
    /// The associated-data prefix: a ciphertext made for anything else never opens as a payload.
    public static let domain: [UInt8] = Array("waymark/private/v1".utf8) + [0]

    /// Why a private envelope could not be read.
    public enum OpenError: Error, Sendable, Equatable, CustomStringConvertible {
        /// No recipient entry carries this organisation's key id.
        case notARecipient
        /// The sealed key does not open with this organisation's key.
        case sealedKeyDoesNotOpen
        /// The payload was erased (or never carried).
        case erased
        /// The ciphertext does not authenticate under the content key (altered, or made for another header).
        case ciphertextDoesNotOpen
        /// A sealed envelope's frame (§8.10) opened but is not well formed: not a padded size, bytes
        /// after the body that are not zero, key ids out of order, or a kind that is not private.
        case frameUnreadable

        /// The outcome's name in the vectors (`Protocol/vectors/private.json`, `sealed.json`).
        public var name: String {
            switch self {
            case .notARecipient: return "NotARecipient"
            case .sealedKeyDoesNotOpen: return "SealedKeyDoesNotOpen"
            case .erased: return "Erased"
            case .ciphertextDoesNotOpen: return "CiphertextDoesNotOpen"
            case .frameUnreadable: return "FrameUnreadable"
            }
        }

        public var description: String {
            switch self {
            case .notARecipient: return "this organisation is not among the envelope's recipients"
            case .sealedKeyDoesNotOpen: return "the content key sealed to this organisation does not open"
            case .erased: return "the payload was erased"
            case .ciphertextDoesNotOpen: return "the payload does not authenticate under its content key"
            case .frameUnreadable: return "the sealed record's frame is not well formed"
            }
        }
    }

    /// The key id recipients are listed by: the first 8 bytes of BLAKE2b-256 of the X25519 public key.
    public static func keyID(of encryptionPublicKey: [UInt8]) -> [UInt8] { Array(Blake2b.hash(encryptionPublicKey).prefix(8)) }

    /// A new random content key.
    public static func newContentKey() -> [UInt8] { SecretBox.newKey() }

    /// The associated data a payload is bound to: the domain, the kind, the author and the scope.
    static func associatedData(kind: Envelope.Kind, author: [UInt8], scope: String) -> [UInt8] {
        domain + [UInt8(kind.rawValue >> 8), UInt8(kind.rawValue & 0xFF)] + author + Array(scope.utf8)
    }

    /// Encrypts a payload: `nonce (24 bytes) || ciphertext || tag (16 bytes)` (`SecretBox`).
    /// - Parameter nonce: random unless given (vectors fix it).
    public static func encrypt(
        _ plaintext: [UInt8], key: [UInt8], kind: Envelope.Kind, author: [UInt8], scope: String, nonce: [UInt8]? = nil
    ) throws -> [UInt8] {
        guard key.count == contentKeyLength else { throw CryptoError("a content key is \(contentKeyLength) bytes") }
        return try SecretBox.seal(plaintext, key: key, associatedData: associatedData(kind: kind, author: author, scope: scope), nonce: nonce)
    }

    /// Decrypts a payload made by `encrypt`.
    public static func decrypt(_ payload: [UInt8], key: [UInt8], kind: Envelope.Kind, author: [UInt8], scope: String) throws -> [UInt8] {
        do {
            return try SecretBox.open(payload, key: key, associatedData: associatedData(kind: kind, author: author, scope: scope))
        } catch {
            throw OpenError.ciphertextDoesNotOpen
        }
    }

    /// Seals a content key to one recipient's X25519 public key.
    public static func seal(_ contentKey: [UInt8], to encryptionPublicKey: [UInt8]) throws -> Envelope.Recipient {
        Sodium.ensureReady()
        guard encryptionPublicKey.count == Int(crypto_box_PUBLICKEYBYTES) else { throw CryptoError("an encryption key is 32 bytes") }
        var sealed = [UInt8](repeating: 0, count: sealedKeyLength)
        guard crypto_box_seal(&sealed, contentKey, UInt64(contentKey.count), encryptionPublicKey) == 0 else {
            throw CryptoError("could not seal the content key")
        }
        return Envelope.Recipient(keyID: keyID(of: encryptionPublicKey), sealedKey: sealed)
    }

    /// Makes and signs a private envelope for `recipients` (X25519 public keys; list the author's own
    /// key too, or the author cannot read it back). Recipients are listed in key-id order, each once.
    /// - Returns: the envelope and its content key (which the author may keep to read it back).
    public static func sign(
        kind: Envelope.Kind, scope: String, plaintext: [UInt8], recipients: [[UInt8]], by identity: NodeIdentity, sequence: UInt64,
        dependencies: [[UInt8]], clock: UInt64, contentKey: [UInt8]? = nil, nonce: [UInt8]? = nil
    ) throws -> (envelope: Envelope, contentKey: [UInt8]) {
        guard scope != "public" else { throw CryptoError("a private envelope cannot have the public scope") }
        guard !recipients.isEmpty else { throw CryptoError("a private envelope needs at least one recipient") }
        let key = contentKey ?? newContentKey()
        let payload = try encrypt(plaintext, key: key, kind: kind, author: identity.signingPublicKey, scope: scope, nonce: nonce)
        var byID: [ByteKey: Envelope.Recipient] = [:]
        for r in recipients { byID[ByteKey(keyID(of: r))] = try seal(key, to: r) }
        let sealed = byID.values.sorted { $0.keyID.lexicographicallyPrecedes($1.keyID) }
        let header = Envelope.Header(
            kind: kind, scope: scope, author: identity.signingPublicKey, sequence: sequence, dependencies: dependencies, clock: clock,
            payloadHash: Blake2b.hash(payload), payloadSize: UInt64(payload.count), recipients: sealed,
            extensions: EnvelopeCrypto.signerExtensions(identity))
        let unsigned = Envelope(header: header, signature: [], payload: payload)
        return (Envelope(header: header, signature: identity.sign(unsigned.signingInput), payload: payload), key)
    }
}

extension NodeIdentity {
    /// This organisation's key id, as recipients list it.
    public var encryptionKeyID: [UInt8] { PrivateEnvelope.keyID(of: encryptionPublicKey) }

    /// This organisation's key ids, newest first: its encryption key now, then those of the keys it
    /// handed over from (§9.6), to which what was sealed before the hand-over stays sealed.
    public var encryptionKeyIDs: [[UInt8]] {
        [encryptionKeyID] + earlierEncryptionKeys.map { PrivateEnvelope.keyID(of: $0.publicKey) }
    }

    /// Whether the envelope lists this organisation as a recipient (under any of its keys). A sealed
    /// envelope (§8.10) names no one: its sealed keys are tried.
    public func isRecipient(of envelope: Envelope) -> Bool {
        if envelope.header.kind == .sealed { return (try? sealedContentKey(of: envelope)) != nil }
        if earlierEncryptionKeys.isEmpty {
            let id = encryptionKeyID
            return envelope.header.recipients.contains { $0.keyID == id }
        }
        let ids = encryptionKeyIDs
        return envelope.header.recipients.contains { ids.contains($0.keyID) }
    }

    /// Opens the content key sealed to this organisation (under any of its keys).
    public func contentKey(of envelope: Envelope) throws -> [UInt8] {
        if envelope.header.kind == .sealed { return try sealedContentKey(of: envelope) }
        let pairs = [(encryptionPublicKey, encryptionSecretKey)] + earlierEncryptionKeys.map { ($0.publicKey, $0.secretKey) }
        for (publicKey, secretKey) in pairs {
            let id = PrivateEnvelope.keyID(of: publicKey)
            guard let mine = envelope.header.recipients.first(where: { $0.keyID == id }) else { continue }
            Sodium.ensureReady()
            guard mine.sealedKey.count == PrivateEnvelope.sealedKeyLength else { throw PrivateEnvelope.OpenError.sealedKeyDoesNotOpen }
            var key = [UInt8](repeating: 0, count: PrivateEnvelope.contentKeyLength)
            let rc = crypto_box_seal_open(&key, mine.sealedKey, UInt64(mine.sealedKey.count), publicKey, secretKey)
            guard rc == 0 else { throw PrivateEnvelope.OpenError.sealedKeyDoesNotOpen }
            return key
        }
        throw PrivateEnvelope.OpenError.notARecipient
    }

    /// Reads a private envelope addressed to this organisation.
    /// A sealed envelope's record is its frame's body (§8.10).
    public func open(_ envelope: Envelope) throws -> [UInt8] {
        if envelope.header.kind == .sealed { return try openSealed(envelope).body }
        let key = try contentKey(of: envelope)
        guard let payload = envelope.payload else { throw PrivateEnvelope.OpenError.erased }
        return try PrivateEnvelope.decrypt(
            payload, key: key, kind: envelope.header.kind, author: envelope.header.author, scope: envelope.header.scope)
    }
}
