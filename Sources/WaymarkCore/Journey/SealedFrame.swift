/// What a sealed envelope (kind 40, `Protocol/SPEC.md` §8.10) carries inside its ciphertext: the
/// record's real kind and circle, the circle's tag key, the organisations (and client keys) it is
/// encrypted to, and the record's payload, padded to one of a few fixed sizes so that a consent, a
/// referral and a message cannot be told apart by their length.
///
/// Bytes, big-endian: `kind (u16) ‖ circle length (u8) ‖ circle ‖ tag key (16) ‖ index (u32) ‖ recipient count (u8) ‖
/// key ids (8 each, ascending) ‖ body length (u32) ‖ body ‖ zero bytes` up to the smallest of
/// `sizes` that holds it.
public struct SealedFrame: Sendable, Equatable {
    public var kind: Envelope.Kind
    public var circle: String
    /// The circle's tag key (`t_c`): erasure tags are keyed with it, and the circle's erasure reveals it.
    public var tagKey: [UInt8]
    /// How many sealed records the author wrote into the circle before this one (0 for its first): the
    /// erasure tag is keyed with `tagKey` over the author and this index, so that an erasure finds the
    /// circle's records by looking up each author's tags in turn, never by trying every record held.
    public var index: UInt32
    /// The real recipients' key ids (§8.2), ascending: the header lists its sealed keys without them.
    public var recipientKeyIDs: [[UInt8]]
    /// The record's payload (canonical JSON of its kind, §8.3).
    public var body: [UInt8]

    public static let tagLength = 16
    /// The scope of every sealed envelope.
    public static let scope = "sealed"
    /// What a sealed envelope lists in place of each recipient's key id.
    public static let anonymousKeyID = [UInt8](repeating: 0, count: 8)
    /// The sizes a frame is padded to: 1, 4 and 16 KiB, and 64 KiB less the box's 40 bytes, so that
    /// the largest sealed payload is 64 KiB, what nodes of earlier versions relay of a kind they do not know.
    public static let sizes = [1 << 10, 4 << 10, 16 << 10, (64 << 10) - boxOverhead]
    /// The counts the header's recipient list is padded to with sealed keys no one can open.
    public static let recipientCounts = [2, 4, 8, 16, 32, 64]
    /// Bytes a sealed payload adds to its frame: the nonce and the authentication tag (§8.2).
    public static let boxOverhead = 24 + 16

    public init(kind: Envelope.Kind, circle: String, tagKey: [UInt8], index: UInt32 = 0, recipientKeyIDs: [[UInt8]], body: [UInt8]) {
        self.kind = kind
        self.circle = circle
        self.tagKey = tagKey
        self.index = index
        self.recipientKeyIDs = recipientKeyIDs
        self.body = body
    }

    public struct Problem: Error, Sendable, CustomStringConvertible {
        public let description: String
        init(_ d: String) { description = d }
    }

    /// The padded size for `count` recipients, or nil when there are too many.
    public static func paddedRecipientCount(_ count: Int) -> Int? { recipientCounts.first { $0 >= count } }

    /// The frame's bytes, padded.
    public func encoded() throws -> [UInt8] {
        let c = Array(circle.utf8)
        guard c.count <= 255 else { throw Problem("a circle name is at most 255 bytes") }
        guard tagKey.count == Self.tagLength else { throw Problem("a tag key is 16 bytes") }
        guard recipientKeyIDs.count <= Self.recipientCounts.last!, recipientKeyIDs.allSatisfy({ $0.count == 8 }) else {
            throw Problem("at most 64 recipients, each by an 8-byte key id")
        }
        var out: [UInt8] = [UInt8(kind.rawValue >> 8), UInt8(kind.rawValue & 0xFF), UInt8(c.count)] + c + tagKey
        out += [UInt8(index >> 24), UInt8((index >> 16) & 0xFF), UInt8((index >> 8) & 0xFF), UInt8(index & 0xFF)]
        out.append(UInt8(recipientKeyIDs.count))
        for id in recipientKeyIDs.sorted(by: { $0.lexicographicallyPrecedes($1) }) { out += id }
        let n = UInt32(body.count)
        out += [UInt8(n >> 24), UInt8((n >> 16) & 0xFF), UInt8((n >> 8) & 0xFF), UInt8(n & 0xFF)]
        out += body
        guard let size = Self.sizes.first(where: { $0 >= out.count }) else { throw Problem("a sealed record is at most 64 KiB with its frame and box") }
        return out + [UInt8](repeating: 0, count: size - out.count)
    }

    /// Reads a frame: its size must be one of `sizes`, and every byte after the body zero.
    public static func decode(_ bytes: [UInt8]) throws -> SealedFrame {
        guard sizes.contains(bytes.count) else { throw Problem("a sealed frame of \(bytes.count) bytes is not one of the padded sizes") }
        var i = 0
        func take(_ n: Int) throws -> ArraySlice<UInt8> {
            guard n <= bytes.count - i else { throw Problem("the sealed frame ends early") }
            defer { i += n }
            return bytes[i..<(i + n)]
        }
        let k = try take(2)
        let kind = Envelope.Kind(rawValue: UInt16(k[k.startIndex]) << 8 | UInt16(k[k.startIndex + 1]))
        let circleLength = Int(try take(1).first!)
        guard let circle = String(validating: Array(try take(circleLength)), as: UTF8.self) else { throw Problem("the circle is not UTF-8") }
        let tagKey = Array(try take(tagLength))
        let index = try take(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        let count = Int(try take(1).first!)
        var ids: [[UInt8]] = []
        for _ in 0..<count { ids.append(Array(try take(8))) }
        guard zip(ids, ids.dropFirst()).allSatisfy({ $0.0.lexicographicallyPrecedes($0.1) }) else { throw Problem("key ids are listed once each, ascending") }
        let l = try take(4)
        let length = l.reduce(0) { $0 << 8 | Int($1) }
        let body = Array(try take(length))
        guard bytes[i...].allSatisfy({ $0 == 0 }) else { throw Problem("the padding is not zero bytes") }
        guard kind.isPrivate else { throw Problem("a sealed frame carries a private kind, not \(kind)") }
        return SealedFrame(kind: kind, circle: circle, tagKey: tagKey, index: index, recipientKeyIDs: ids, body: body)
    }

    /// The payload sizes a sealed envelope may have: a padded frame in its box.
    public static var payloadSizes: [UInt64] { sizes.map { UInt64($0 + boxOverhead) } }
}
