import CSodium
import WaymarkCore

/// A node's keys: Ed25519 for signing what it publishes, X25519 for receiving sealed content keys.
///
/// Both key pairs are derived from 32-byte seeds, which are all that is kept in the node's key file.
///
/// For example:
/// ```swift
/// let me = NodeIdentity.generate()
/// let sig = me.sign(Array("hello".utf8))
/// assert(NodeIdentity.verify(sig, of: Array("hello".utf8), publicKey: me.signingPublicKey))
/// ```
public struct NodeIdentity: Sendable {
    /// The organisation's key: the signing key of its first generation, which names it for good as the
    /// author of everything it publishes (its fingerprint, its rows, its circles), whatever key signs
    /// for it later (`Protocol/SPEC.md` §9.6).
    public let signingPublicKey: [UInt8]
    /// The key this identity signs with now: the newest generation's. The same as `signingPublicKey`
    /// until the organisation hands over to a new key.
    public let signerPublicKey: [UInt8]
    private let signingSecretKey: [UInt8]
    public let encryptionPublicKey: [UInt8]
    /// Read by `PrivateEnvelope` (this module) to open sealed content keys; never leaves the module.
    let encryptionSecretKey: [UInt8]
    private let signingSeed: [UInt8]
    private let encryptionSeed: [UInt8]
    /// Every generation's 64 seed bytes, oldest first (the last is the one in use).
    private let generationSeeds: [[UInt8]]
    /// The encryption key pairs of earlier generations, newest first: what was sealed to them before a
    /// hand-over still opens.
    let earlierEncryptionKeys: [(publicKey: [UInt8], secretKey: [UInt8])]

    public static let seedLength = 32

    /// New random keys.
    public static func generate() -> NodeIdentity {
        try! NodeIdentity(signingSeed: Sodium.randomBytes(seedLength), encryptionSeed: Sodium.randomBytes(seedLength))
    }

    /// Keys derived from stored seeds.
    public init(signingSeed: [UInt8], encryptionSeed: [UInt8]) throws {
        try self.init(generations: [signingSeed + encryptionSeed])
    }

    /// One generation's key pairs from its 64 seed bytes.
    private static func keyPairs(_ seeds: [UInt8]) throws -> (spk: [UInt8], ssk: [UInt8], epk: [UInt8], esk: [UInt8]) {
        Sodium.ensureReady()
        guard seeds.count == 2 * seedLength else { throw CryptoError("a key seed must be \(Self.seedLength) bytes") }
        var spk = [UInt8](repeating: 0, count: Int(crypto_sign_PUBLICKEYBYTES))
        var ssk = [UInt8](repeating: 0, count: Int(crypto_sign_SECRETKEYBYTES))
        guard crypto_sign_seed_keypair(&spk, &ssk, Array(seeds[0..<32])) == 0 else { throw CryptoError("could not derive the signing key") }
        var epk = [UInt8](repeating: 0, count: Int(crypto_box_PUBLICKEYBYTES))
        var esk = [UInt8](repeating: 0, count: Int(crypto_box_SECRETKEYBYTES))
        guard crypto_box_seed_keypair(&epk, &esk, Array(seeds[32..<64])) == 0 else { throw CryptoError("could not derive the encryption key") }
        return (spk, ssk, epk, esk)
    }

    /// Keys from each generation's 64 seed bytes, oldest first: the first names the organisation, the
    /// last signs and receives.
    private init(generations: [[UInt8]]) throws {
        guard let first = generations.first, let last = generations.last else { throw CryptoError("a key file holds at least one key") }
        let root = try Self.keyPairs(first)
        let now = try Self.keyPairs(last)
        self.signingPublicKey = root.spk
        self.signerPublicKey = now.spk
        self.signingSecretKey = now.ssk
        self.encryptionPublicKey = now.epk
        self.encryptionSecretKey = now.esk
        self.signingSeed = Array(last[0..<32])
        self.encryptionSeed = Array(last[32..<64])
        self.generationSeeds = generations
        self.earlierEncryptionKeys = try generations.dropLast().reversed().map { g in
            let k = try Self.keyPairs(g)
            return (k.epk, k.esk)
        }
    }

    /// The bytes of the node's key file: each generation's signing seed then encryption seed, oldest
    /// first (64 bytes for a node that never handed over).
    public var secretSeeds: [UInt8] { generationSeeds.flatMap { $0 } }

    /// The first generation's seeds, from which keys that must outlive a hand-over are derived (the
    /// node's local data key).
    public var firstSeeds: [UInt8] { generationSeeds[0] }

    /// Keys from the bytes of `secretSeeds`: one or more generations of 64 bytes.
    public init(secretSeeds: [UInt8]) throws {
        guard !secretSeeds.isEmpty, secretSeeds.count % (2 * Self.seedLength) == 0 else {
            throw CryptoError("a key file holds 64 bytes for each of the node's keys")
        }
        try self.init(generations: stride(from: 0, to: secretSeeds.count, by: 64).map { Array(secretSeeds[$0..<($0 + 64)]) })
    }

    /// How many keys the organisation has had (1 until its first hand-over).
    public var generations: Int { generationSeeds.count }

    /// Whether a later key than the organisation's first signs for it.
    public var hasHandedOver: Bool { signerPublicKey != signingPublicKey }

    /// The same organisation with a new, random key as its newest generation (not yet in force: the
    /// hand-over that names it must be published, §9.6).
    public func withNewGeneration() -> NodeIdentity {
        try! NodeIdentity(generations: generationSeeds + [Sodium.randomBytes(2 * Self.seedLength)])
    }

    /// The same organisation signing with an earlier generation: what a node uses towards a peer that
    /// has not yet taken in its hand-over (`index` counts from 0, the first key).
    public func signingWithGeneration(_ index: Int) -> NodeIdentity? {
        guard generationSeeds.indices.contains(index) else { return nil }
        return try? NodeIdentity(generations: Array(generationSeeds[0...index]))
    }

    /// Each generation's signing public key, oldest first.
    public var signingKeys: [[UInt8]] { generationSeeds.compactMap { try? Self.keyPairs($0).spk } }

    /// A short, human-comparable fingerprint of the signing key: BLAKE2b, 16 bytes, hex in groups.
    public var fingerprint: String { Self.fingerprint(of: signingPublicKey) }


    public static func fingerprint(of publicKey: [UInt8]) -> String {
        let h = hexString(Blake2b.hash(publicKey, outputLength: 16))
        var groups: [String] = []
        var i = h.startIndex
        while i < h.endIndex {
            let j = h.index(i, offsetBy: 4)
            groups.append(String(h[i..<j]))
            i = j
        }
        return groups.joined(separator: "-")
    }

    /// An Ed25519 signature of `message`.
    public func sign(_ message: [UInt8]) -> [UInt8] {
        var sig = [UInt8](repeating: 0, count: Int(crypto_sign_BYTES))
        var len: UInt64 = 0
        let rc = crypto_sign_detached(&sig, &len, message, UInt64(message.count), signingSecretKey)
        precondition(rc == 0, "crypto_sign_detached failed")
        return sig
    }

    /// Whether `signature` is a valid Ed25519 signature of `message` by `publicKey`.
    public static func verify(_ signature: [UInt8], of message: [UInt8], publicKey: [UInt8]) -> Bool {
        Sodium.ensureReady()
        guard signature.count == Int(crypto_sign_BYTES), publicKey.count == Int(crypto_sign_PUBLICKEYBYTES) else { return false }
        return crypto_sign_verify_detached(signature, message, UInt64(message.count), publicKey) == 0
    }
}
