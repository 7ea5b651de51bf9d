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
    public let signingPublicKey: [UInt8]
    private let signingSecretKey: [UInt8]
    public let encryptionPublicKey: [UInt8]
    /// Read by `PrivateEnvelope` (this module) to open sealed content keys; never leaves the module.
    let encryptionSecretKey: [UInt8]
    private let signingSeed: [UInt8]
    private let encryptionSeed: [UInt8]

    public static let seedLength = 32

    /// New random keys.
    public static func generate() -> NodeIdentity {
        try! NodeIdentity(signingSeed: Sodium.randomBytes(seedLength), encryptionSeed: Sodium.randomBytes(seedLength))
    }

    /// Keys derived from stored seeds.
    public init(signingSeed: [UInt8], encryptionSeed: [UInt8]) throws {
        Sodium.ensureReady()
        guard signingSeed.count == Self.seedLength, encryptionSeed.count == Self.seedLength else {
            throw CryptoError("a key seed must be \(Self.seedLength) bytes")
        }
        var spk = [UInt8](repeating: 0, count: Int(crypto_sign_PUBLICKEYBYTES))
        var ssk = [UInt8](repeating: 0, count: Int(crypto_sign_SECRETKEYBYTES))
        guard crypto_sign_seed_keypair(&spk, &ssk, signingSeed) == 0 else { throw CryptoError("could not derive the signing key") }
        var epk = [UInt8](repeating: 0, count: Int(crypto_box_PUBLICKEYBYTES))
        var esk = [UInt8](repeating: 0, count: Int(crypto_box_SECRETKEYBYTES))
        guard crypto_box_seed_keypair(&epk, &esk, encryptionSeed) == 0 else { throw CryptoError("could not derive the encryption key") }
        self.signingPublicKey = spk
        self.signingSecretKey = ssk
        self.encryptionPublicKey = epk
        self.encryptionSecretKey = esk
        self.signingSeed = signingSeed
        self.encryptionSeed = encryptionSeed
    }

    /// The 64 bytes to keep secret: the signing seed, then the encryption seed.
    public var secretSeeds: [UInt8] { signingSeed + encryptionSeed }

    /// Keys from the 64 bytes of `secretSeeds`.
    public init(secretSeeds: [UInt8]) throws {
        guard secretSeeds.count == 2 * Self.seedLength else { throw CryptoError("a key file holds exactly 64 bytes") }
        try self.init(signingSeed: Array(secretSeeds[0..<32]), encryptionSeed: Array(secretSeeds[32..<64]))
    }

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
