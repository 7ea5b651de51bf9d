/// A signed record of the sync protocol (see `Protocol/SPEC.md`): a header that is signed and
/// content-addressed, and a payload the header commits to by its hash.
///
/// The core encodes and decodes the exact bytes and checks their structure; signing, verifying and
/// hashing are done by `WaymarkCrypto`, which the core does not depend on.
public struct Envelope: Sendable, Hashable {
    /// What a payload is. Unknown kinds are stored and forwarded unchanged.
    public struct Kind: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public let rawValue: UInt16
        public init(rawValue: UInt16) { self.rawValue = rawValue }
        public static let nodeRecord = Kind(rawValue: 1)
        public static let directoryRecord = Kind(rawValue: 2)
        public static let directoryTombstone = Kind(rawValue: 3)
        /// Membership (`Protocol/SPEC.md` §9): a member vouches for another organisation's key.
        public static let memberVouch = Kind(rawValue: 4)
        /// Membership: a key is removed from the federation.
        public static let memberRemoval = Kind(rawValue: 5)
        /// Keys over a node's life (`Protocol/SPEC.md` §9.6): the author's signing key in force hands
        /// over to a new one, which signs the author's later envelopes.
        public static let keyHandover = Kind(rawValue: 6)
        /// Private journey records (`Protocol/SPEC.md` §8): encrypted to the organisations of one
        /// client's consent circle, scoped to that circle.
        public static let consent = Kind(rawValue: 16)
        public static let referral = Kind(rawValue: 17)
        public static let referralStatus = Kind(rawValue: 18)
        public static let progress = Kind(rawValue: 19)
        /// In the clear, scoped to a circle: every node deletes the circle's payloads.
        public static let erasure = Kind(rawValue: 20)
        /// In the clear: a node's signed statement that it carried out an erasure.
        public static let erasureAcknowledgement = Kind(rawValue: 21)
        /// A resident's suggested correction, encrypted to the node that took it and the listing's
        /// publisher (`Protocol/SPEC.md` §10), scoped to a suggestion thread.
        public static let suggestion = Kind(rawValue: 22)
        /// In the clear, in the suggestion's thread: the publisher's answer.
        public static let suggestionAnswer = Kind(rawValue: 23)
        /// Public: a local champion's check of a listing, signed by the organisation that admitted
        /// the champion (`Protocol/SPEC.md` §11).
        public static let listingCheck = Kind(rawValue: 24)
        /// The hub's statistics (`Protocol/SPEC.md` §12.5): one share of a node's figures for a
        /// period, encrypted to the hub or to the helper alone.
        public static let statisticsShare = Kind(rawValue: 25)
        /// The helper's one sum of the shares it holds for a period, encrypted to the hub.
        public static let statisticsSum = Kind(rawValue: 26)
        /// The hub's share of the check of every node's proof, encrypted to the helper (§12.3).
        public static let statisticsCheck = Kind(rawValue: 34)
        /// The hub's request to open the cells from at least 3 organisations: its share of every
        /// cell's organisation count, encrypted to the helper (§12.3).
        public static let statisticsOpen = Kind(rawValue: 35)
        /// The helper's share of the counts and fourth powers of the cells opened, encrypted to the hub.
        public static let statisticsOpened = Kind(rawValue: 36)
        /// Clients in control (`Protocol/SPEC.md` §13): in the clear in a circle, from its owner, the
        /// public halves of the key the client's receipt unlocks.
        public static let clientKey = Kind(rawValue: 27)
        /// Private in a circle, encrypted to the client: content keys of the circle's earlier records.
        public static let clientCopy = Kind(rawValue: 28)
        /// In the clear in a circle: a holder took in a consent change the client signed.
        public static let consentAcknowledgement = Kind(rawValue: 29)
        /// Private in a circle: the client's own reading or check-in (§13.5).
        public static let clientVoice = Kind(rawValue: 30)
        /// Private in a circle: the record was opened with the client's (or a proxy's) code (§13.8).
        public static let clientAccess = Kind(rawValue: 31)
        /// Private in a circle: an organisation asks the client to share with it, or the client says no (§13.10).
        public static let consentRequest = Kind(rawValue: 32)
        /// Private in a circle: a message between the two sides of a referral (§8.9).
        public static let referralMessage = Kind(rawValue: 33)
        /// Any private record, sealed (§8.10): its kind and circle travel inside the ciphertext, so a
        /// node that is not a recipient cannot tell a consent from a referral, nor which client it is about.
        public static let sealed = Kind(rawValue: 40)

        /// Kinds whose payload is encrypted to recipients.
        public var isPrivate: Bool { (16...19).contains(rawValue) || (28...33).contains(rawValue) && rawValue != 29 }
        /// Kinds that are public, in scope `public`, always carry their payload, and are read by every node.
        public var isPublicRecord: Bool { (1...6).contains(rawValue) }
        /// Membership records.
        public var isMembership: Bool { self == .memberVouch || self == .memberRemoval }

        public var description: String {
            switch rawValue {
            case 1: return "node-record"
            case 2: return "directory-record"
            case 3: return "directory-tombstone"
            case 4: return "member-vouch"
            case 5: return "member-removal"
            case 6: return "key-handover"
            case 16: return "consent"
            case 17: return "referral"
            case 18: return "referral-status"
            case 19: return "progress"
            case 20: return "erasure"
            case 21: return "erasure-acknowledgement"
            case 22: return "suggestion"
            case 23: return "suggestion-answer"
            case 24: return "listing-check"
            case 25: return "statistics-share"
            case 26: return "statistics-sum"
            case 27: return "client-key"
            case 28: return "client-copy"
            case 29: return "consent-acknowledgement"
            case 30: return "client-voice"
            case 31: return "client-access"
            case 32: return "consent-request"
            case 33: return "referral-message"
            case 34: return "statistics-check"
            case 35: return "statistics-open"
            case 36: return "statistics-opened"
            case 40: return "sealed"
            default: return "kind-\(rawValue)"
            }
        }
    }

    /// A content key sealed to one recipient (private envelopes only).
    public struct Recipient: Sendable, Hashable {
        /// The first 8 bytes of the BLAKE2b-256 hash of the recipient's X25519 public key.
        public let keyID: [UInt8]
        public let sealedKey: [UInt8]
        public init(keyID: [UInt8], sealedKey: [UInt8]) {
            self.keyID = keyID
            self.sealedKey = sealedKey
        }
    }

    /// The signed part.
    public struct Header: Sendable, Hashable {
        public var version: UInt8 = Envelope.version
        public var kind: Kind
        /// `"public"` for the open directory; a circle for private records.
        public var scope: String
        /// The author's Ed25519 public key (32 bytes).
        public var author: [UInt8]
        /// 1 for an author's first envelope, then one more for each.
        public var sequence: UInt64
        /// Ids of the envelopes the author had seen (its own previous one included), ascending.
        public var dependencies: [[UInt8]]
        /// Hybrid logical clock: milliseconds since 1970 in the high 48 bits, a counter in the low 16.
        public var clock: UInt64
        /// BLAKE2b-256 of the payload.
        public var payloadHash: [UInt8]
        public var payloadSize: UInt64
        public var recipients: [Recipient]
        /// Signed entries for what the fixed fields do not say (`Protocol/SPEC.md` §1.4): today only
        /// the key that signed, when it is not the author's own (`signer`). Unknown entries are carried.
        public var extensions: [UInt8]

        public init(
            kind: Kind, scope: String, author: [UInt8], sequence: UInt64, dependencies: [[UInt8]], clock: UInt64, payloadHash: [UInt8],
            payloadSize: UInt64, recipients: [Recipient] = [], extensions: [UInt8] = []
        ) {
            self.kind = kind
            self.scope = scope
            self.author = author
            self.sequence = sequence
            self.dependencies = Array(Set(dependencies)).sorted { $0.lexicographicallyPrecedes($1) }
            self.clock = clock
            self.payloadHash = payloadHash
            self.payloadSize = payloadSize
            self.recipients = recipients
            self.extensions = extensions
        }
    }

    public static let version: UInt8 = 1
    public static let magic: [UInt8] = [0x57, 0x4D]  // "WM"
    /// Prefixed to the header bytes before signing, so a signature can never be replayed in another context.
    public static let signingDomain: [UInt8] = Array("waymark/envelope/v1".utf8) + [0]

    public var header: Header
    public var signature: [UInt8]
    /// `nil` once erased: the header still verifies without it.
    public var payload: [UInt8]?

    public init(header: Header, signature: [UInt8], payload: [UInt8]?) {
        self.header = header
        self.signature = signature
        self.payload = payload
    }

    /// The same envelope with its payload erased (§8.7): the header, and so the signature and the
    /// id, are unchanged.
    public var withoutPayload: Envelope { Envelope(header: header, signature: signature, payload: nil) }

    /// The bytes the author signs: the signing domain, then the encoded header.
    public var signingInput: [UInt8] { Self.signingDomain + header.encoded() }
}

extension Envelope.Header {
    /// The extension entry naming the signing key (§1.4).
    public static let signerEntry: UInt8 = 1

    /// The entries of `extensions` (§1.4): each a type byte and a length-prefixed value, types strictly
    /// ascending. `nil` when the bytes are not such a list (they then say nothing).
    public static func extensionEntries(_ bytes: [UInt8]) -> [(type: UInt8, value: [UInt8])]? {
        var out: [(type: UInt8, value: [UInt8])] = []
        var i = 0
        while i < bytes.count {
            let type = bytes[i]
            i += 1
            if let last = out.last, last.type >= type { return nil }
            // The length: unsigned LEB128 in its shortest form, as everywhere in the header.
            var length = 0
            var shift = 0
            while true {
                guard i < bytes.count, shift <= 14 else { return nil }
                let b = bytes[i]
                i += 1
                length |= Int(b & 0x7F) << shift
                if b & 0x80 == 0 {
                    if b == 0 && shift > 0 { return nil }
                    break
                }
                shift += 7
            }
            guard length <= bytes.count - i else { return nil }
            out.append((type, Array(bytes[i..<(i + length)])))
            i += length
        }
        return out
    }

    /// The extension entry carrying a sealed envelope's erasure tag (§8.10).
    public static let erasureTagEntry: UInt8 = 0x02

    /// A sealed envelope's erasure tag: the value of its `02` entry when it has exactly 16 bytes.
    public var erasureTag: [UInt8]? {
        guard !extensions.isEmpty, let entries = Self.extensionEntries(extensions),
            let entry = entries.first(where: { $0.type == Self.erasureTagEntry }), entry.value.count == SealedFrame.tagLength
        else { return nil }
        return entry.value
    }

    /// Extensions with an erasure tag added to `base` (entries of a lower type, the signer's).
    public static func withErasureTag(_ tag: [UInt8], after base: [UInt8]) -> [UInt8] {
        base + [erasureTagEntry, UInt8(tag.count)] + tag
    }

    /// The extensions that name `key` as the signer.
    public static func signerExtension(_ key: [UInt8]) -> [UInt8] {
        precondition(key.count == 32 && key.count < 128)
        return [signerEntry, UInt8(key.count)] + key
    }

    /// The key whose signature the envelope carries: the `signer` entry's 32 bytes when the extensions
    /// hold one, otherwise the author's own key.
    public var signer: [UInt8] {
        guard !extensions.isEmpty, let entries = Self.extensionEntries(extensions),
            let entry = entries.first(where: { $0.type == Self.signerEntry }), entry.value.count == 32
        else { return author }
        return entry.value
    }
}

extension Envelope {
    /// Whether `other` is a different envelope with the same author and sequence number: proof that
    /// the author forked its history. Both are kept and the author is flagged.
    public func isFork(of other: Envelope) -> Bool {
        header.author == other.header.author && header.sequence == other.header.sequence
            && (header.encoded() + signature) != (other.header.encoded() + other.signature)
    }
}
