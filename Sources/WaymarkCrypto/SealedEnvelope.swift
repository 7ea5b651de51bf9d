import CSodium
import WaymarkCore

/// Sealed envelopes (`Protocol/SPEC.md` §8.10): every private record travels as kind 40 in scope
/// `sealed`. Its real kind, its circle and its recipients' key ids are inside the ciphertext with the
/// record (`SealedFrame`), padded to a fixed size; the header lists the sealed content keys without
/// key ids, padded to a fixed count with keys sealed to throwaway keys. A node that is not a
/// recipient learns that an author wrote a private record of one of four sizes at some time, and
/// nothing of whom it is about, what kind it is or who may read it.
///
/// A recipient finds its own sealed key by trying each (`NodeIdentity.openSealed`). The header
/// carries an erasure tag, `BLAKE2b-128(key: the circle's tag key, author ‖ index (u32, big-endian))`,
/// the index counting the author's sealed records in the circle: the circle's erasure reveals the tag
/// key, and only then can a relay tell which sealed envelopes were the circle's, to strip them (it
/// looks up each author's tags for indexes 0, 1, 2, … until one is not held).
public enum SealedEnvelope {
    /// The associated-data prefix of a sealed payload.
    public static let domain: [UInt8] = Array("waymark/sealed/v2".utf8) + [0]

    /// The associated data: the domain, the author and the erasure tag. A ciphertext moved into
    /// another author's envelope, or under another tag, does not open.
    static func associatedData(author: [UInt8], tag: [UInt8]) -> [UInt8] { domain + author + tag }

    /// The erasure tag of `author`'s sealed record number `index` (from 0) in a circle with tag key `tagKey`.
    public static func tag(key tagKey: [UInt8], author: [UInt8], index: UInt32) -> [UInt8] {
        let message = author + [UInt8(index >> 24), UInt8((index >> 16) & 0xFF), UInt8((index >> 8) & 0xFF), UInt8(index & 0xFF)]
        return Blake2b.hash(message, outputLength: SealedFrame.tagLength, key: tagKey)
    }

    /// A circle's tag key from its tag secret: `BLAKE2b-128(key: secret, "waymark/circle-tag/v1" ‖
    /// 0x00 ‖ circle)`. The erasure reveals the secret; a node works out the tag key for the circle the
    /// erasure names (which its author owns), so no erasure can name another circle's tag key.
    public static func tagKey(secret: [UInt8], circle: String) -> [UInt8] {
        Blake2b.hash(Array("waymark/circle-tag/v1".utf8) + [0] + Array(circle.utf8), outputLength: SealedFrame.tagLength, key: secret)
    }

    /// The tag secret of a circle its owner opened: derived from the owner's first encryption secret
    /// key (kept through hand-overs, §9.6), so the owner never needs to store it.
    public static func ownTagSecret(circle: String, identity: NodeIdentity) -> [UInt8] {
        let first = identity.earlierEncryptionKeys.last?.secretKey ?? identity.encryptionSecretKey
        return Blake2b.hash(Array("waymark/circle-secret/v1".utf8) + [0] + Array(circle.utf8), outputLength: SealedFrame.tagLength, key: first)
    }

    /// The tag key of a circle its owner opened; everyone else reads it in the frames it opens.
    public static func ownTagKey(circle: String, identity: NodeIdentity) -> [UInt8] {
        tagKey(secret: ownTagSecret(circle: circle, identity: identity), circle: circle)
    }

    /// Makes and signs a sealed envelope: `frame` encrypted under a fresh content key sealed to each
    /// of `recipients` (X25519 public keys; the author's own, or it cannot read it back), padded with
    /// keys sealed to throwaway keys up to the next fixed count, in random order.
    /// - Returns: the envelope and its content key.
    public static func sign(
        frame: SealedFrame, recipients: [[UInt8]], by identity: NodeIdentity, sequence: UInt64, dependencies: [[UInt8]], clock: UInt64,
        contentKey: [UInt8]? = nil, nonce: [UInt8]? = nil
    ) throws -> (envelope: Envelope, contentKey: [UInt8]) {
        var unique: [ByteKey: [UInt8]] = [:]
        for r in recipients { unique[ByteKey(PrivateEnvelope.keyID(of: r))] = r }
        guard !unique.isEmpty, let count = SealedFrame.paddedRecipientCount(unique.count) else {
            throw CryptoError("a sealed envelope has 1 to 64 recipients")
        }
        var frame = frame
        frame.recipientKeyIDs = unique.keys.map(\.bytes).sorted { $0.lexicographicallyPrecedes($1) }
        let key = contentKey ?? PrivateEnvelope.newContentKey()
        let tag = tag(key: frame.tagKey, author: identity.signingPublicKey, index: frame.index)
        let payload = try SecretBox.seal(try frame.encoded(), key: key, associatedData: associatedData(author: identity.signingPublicKey, tag: tag), nonce: nonce)
        var sealed: [Envelope.Recipient] = []
        for r in unique.values { sealed.append(Envelope.Recipient(keyID: SealedFrame.anonymousKeyID, sealedKey: try PrivateEnvelope.seal(key, to: r).sealedKey)) }
        while sealed.count < count {
            var throwaway = [UInt8](repeating: 0, count: Int(crypto_box_PUBLICKEYBYTES))
            var secret = [UInt8](repeating: 0, count: Int(crypto_box_SECRETKEYBYTES))
            Sodium.ensureReady()
            crypto_box_keypair(&throwaway, &secret)
            sealed.append(Envelope.Recipient(keyID: SealedFrame.anonymousKeyID, sealedKey: try PrivateEnvelope.seal(key, to: throwaway).sealedKey))
        }
        // Sealed boxes look random, so their own order hides which are real.
        sealed.sort { $0.sealedKey.lexicographicallyPrecedes($1.sealedKey) }
        let header = Envelope.Header(
            kind: .sealed, scope: SealedFrame.scope, author: identity.signingPublicKey, sequence: sequence, dependencies: dependencies, clock: clock,
            payloadHash: Blake2b.hash(payload), payloadSize: UInt64(payload.count), recipients: sealed,
            extensions: Envelope.Header.withErasureTag(tag, after: EnvelopeCrypto.signerExtensions(identity)))
        let unsigned = Envelope(header: header, signature: [], payload: payload)
        return (Envelope(header: header, signature: identity.sign(unsigned.signingInput), payload: payload), key)
    }

    /// Seals frame bytes as they are given (vectors of frames a reader must refuse).
    public static func box(_ frameBytes: [UInt8], contentKey: [UInt8], author: [UInt8], tag: [UInt8]) throws -> [UInt8] {
        try SecretBox.seal(frameBytes, key: contentKey, associatedData: associatedData(author: author, tag: tag))
    }

    /// Reads a sealed payload with its content key.
    public static func open(_ envelope: Envelope, contentKey: [UInt8]) throws -> SealedFrame {
        guard let payload = envelope.payload else { throw PrivateEnvelope.OpenError.erased }
        guard let tag = envelope.header.erasureTag else { throw PrivateEnvelope.OpenError.ciphertextDoesNotOpen }
        let plain: [UInt8]
        do {
            plain = try SecretBox.open(payload, key: contentKey, associatedData: associatedData(author: envelope.header.author, tag: tag))
        } catch {
            throw PrivateEnvelope.OpenError.ciphertextDoesNotOpen
        }
        guard let frame = try? SealedFrame.decode(plain), Circle(scope: frame.circle) != nil,
            Self.tag(key: frame.tagKey, author: envelope.header.author, index: frame.index) == tag
        else { throw PrivateEnvelope.OpenError.frameUnreadable }
        return frame
    }
}

extension SealedEnvelope {
    /// A circle's tag key sealed to a client's key (kind 27's `tag_key_box`).
    public static func sealTagKey(_ tagKey: [UInt8], to encryptionPublicKey: [UInt8]) throws -> [UInt8] {
        Sodium.ensureReady()
        guard tagKey.count == SealedFrame.tagLength, encryptionPublicKey.count == Int(crypto_box_PUBLICKEYBYTES) else {
            throw CryptoError("a tag key is 16 bytes, an encryption key 32")
        }
        var box = [UInt8](repeating: 0, count: ClientKeyRecord.tagKeyBoxLength)
        guard crypto_box_seal(&box, tagKey, UInt64(tagKey.count), encryptionPublicKey) == 0 else { throw CryptoError("could not seal the tag key") }
        return box
    }
}

extension NodeIdentity {
    /// Opens a tag key sealed to this key (a client's, kind 27).
    public func openTagKey(_ box: [UInt8]) -> [UInt8]? {
        Sodium.ensureReady()
        guard box.count == ClientKeyRecord.tagKeyBoxLength else { return nil }
        var key = [UInt8](repeating: 0, count: SealedFrame.tagLength)
        return crypto_box_seal_open(&key, box, UInt64(box.count), encryptionPublicKey, encryptionSecretKey) == 0 ? key : nil
    }
}

extension NodeIdentity {
    /// The content key of a sealed envelope, found by trying to open each sealed key with this
    /// organisation's keys (its key now, then those it handed over from): one X25519 operation per
    /// sealed key and key.
    public func sealedContentKey(of envelope: Envelope) throws -> [UInt8] {
        Sodium.ensureReady()
        let pairs = [(encryptionPublicKey, encryptionSecretKey)] + earlierEncryptionKeys.map { ($0.publicKey, $0.secretKey) }
        var key = [UInt8](repeating: 0, count: PrivateEnvelope.contentKeyLength)
        for (publicKey, secretKey) in pairs {
            for r in envelope.header.recipients where r.sealedKey.count == PrivateEnvelope.sealedKeyLength {
                if crypto_box_seal_open(&key, r.sealedKey, UInt64(r.sealedKey.count), publicKey, secretKey) == 0 { return key }
            }
        }
        throw PrivateEnvelope.OpenError.notARecipient
    }

    /// Opens a sealed envelope addressed to this organisation: its frame (kind, circle, tag key,
    /// recipients, record).
    public func openSealed(_ envelope: Envelope) throws -> SealedFrame {
        guard envelope.payload != nil else { throw PrivateEnvelope.OpenError.erased }
        return try SealedEnvelope.open(envelope, contentKey: try sealedContentKey(of: envelope))
    }
}
