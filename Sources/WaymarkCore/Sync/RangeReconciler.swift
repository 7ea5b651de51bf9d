/// Range-based set reconciliation (after the Negentropy protocol v1): two peers find the envelope
/// ids one has and the other lacks by comparing fingerprints of ranges of their sorted sets, splitting
/// the ranges that differ, until small ranges are exchanged as id lists.
///
/// A pure state machine: feed it messages, it returns the reply and what it learned. The initiator
/// learns both directions (`have`: ids only it holds, to push; `need`: ids only the other holds, to
/// fetch) and is done when it has nothing left to ask (`reply == nil`).
///
/// For example:
/// ```swift
/// var a = RangeReconciler(items: mine, role: .initiator, hash: blake2b)
/// var b = RangeReconciler(items: theirs, role: .responder, hash: blake2b)
/// var message = a.initiate()
/// while true {
///     let answer = try b.receive(message).reply!
///     let step = try a.receive(answer)
///     guard let next = step.reply else { break }   // step.have / step.need accumulate
///     message = next
/// }
/// ```
public struct RangeReconciler: Sendable {
    /// One element of the set: an envelope's clock and id.
    public struct Item: Sendable, Hashable, Comparable {
        public let timestamp: UInt64
        public let id: [UInt8]
        /// - Precondition: `id` is 32 bytes and `timestamp` is below `UInt64.max` (which stands for infinity).
        public init(timestamp: UInt64, id: [UInt8]) {
            precondition(id.count == RangeReconciler.idSize && timestamp < .max, "a reconciliation item is a 32-byte id and a finite timestamp")
            self.timestamp = timestamp
            self.id = id
        }
        public static func < (a: Item, b: Item) -> Bool {
            a.timestamp != b.timestamp ? a.timestamp < b.timestamp : a.id.lexicographicallyPrecedes(b.id)
        }
    }

    public enum Role: Sendable { case initiator, responder }

    public enum ReconcileError: Error, Sendable, Equatable {
        case unknownProtocolVersion(UInt8)
        case malformed(String)
        case tooLarge(Int)
    }

    /// What one step produced.
    public struct Step: Sendable {
        /// The message to send back, or `nil` when the initiator has finished.
        public var reply: [UInt8]?
        /// Ids (whole) this side holds and the other lacks (initiator only).
        public var have: [[UInt8]] = []
        /// The 16-byte prefixes of ids the other side holds and this side lacks (initiator only).
        public var need: [[UInt8]] = []
    }

    public static let protocolVersion: UInt8 = 0x61
    public static let idSize = 32
    /// Id lists carry the first 16 bytes of each id: half the bytes, and still 2^128 values.
    /// `need` holds such prefixes; a node fetches envelopes by prefix.
    public static let prefixSize = 16
    /// The initiator's first message fingerprints its newest items as a range of their own; a
    /// responder that differs there answers with its id list, so that what a peer published since
    /// the last sync is found in one round trip.
    public static let newestListed = 16
    /// The responder answers an id list with its own id list when it holds at most this many items
    /// in the range, and splits the range otherwise.
    public static let maximumListReply = 4096
    public static let fingerprintSize = 16
    /// How many parts a differing range is split into.
    public static let buckets = 16
    /// Below this many items a range is sent as its ids instead of being split.
    public static let idListThreshold = 2 * buckets
    /// The largest message accepted.
    public static let maximumMessage = 4 << 20

    private let items: [Item]
    private let role: Role
    private let hash: @Sendable ([UInt8]) -> [UInt8]

    /// - Parameters:
    ///   - items: this side's set (any order; duplicates are removed).
    ///   - role: who starts.
    ///   - hash: a cryptographic hash (BLAKE2b-256 in a node); fingerprints are its first 16 bytes.
    public init(items: [Item], role: Role, hash: @escaping @Sendable ([UInt8]) -> [UInt8]) {
        // Stores hand items over already sorted; sort (and drop duplicates) only when they are not.
        var ascending = true
        for i in items.indices.dropFirst() where !(items[i - 1] < items[i]) {
            ascending = false
            break
        }
        self.items = ascending ? items : Array(Set(items)).sorted()
        self.role = role
        self.hash = hash
    }

    /// The initiator's first message: the whole set as ranges.
    public func initiate() -> [UInt8] {
        var w = MessageWriter()
        let cut = items.count - Self.newestListed
        if cut >= Self.idListThreshold {
            let bound = Bound.between(items[cut - 1], items[cut])
            split(0..<cut, upper: bound, into: &w)
            w.fingerprint(fingerprint(cut..<items.count), upper: .infinity)
        } else {
            split(0..<items.count, upper: .infinity, into: &w)
        }
        return w.finish()
    }

    /// Processes a message from the other side.
    public func receive(_ message: [UInt8]) throws -> Step {
        guard message.count <= Self.maximumMessage else { throw ReconcileError.tooLarge(message.count) }
        var r = MessageReader(message)
        let version = try r.u8()
        guard version == Self.protocolVersion else { throw ReconcileError.unknownProtocolVersion(version) }
        var step = Step()
        var w = MessageWriter()
        var lower = Bound.zero
        var lowerIndex = 0
        var sawNonSkip = false
        while !r.atEnd {
            let upper = try r.bound(after: lower)
            guard lower <= upper else { throw ReconcileError.malformed("ranges out of order") }
            let upperIndex = index(of: upper, from: lowerIndex)
            let mine = lowerIndex..<upperIndex
            switch try r.varint() {
            case 0:  // skip
                w.skip(to: upper)
            case 1:  // fingerprint
                let theirs = try r.take(Self.fingerprintSize)
                if fingerprint(mine) == theirs {
                    w.skip(to: upper)
                } else if role == .responder && upper == .infinity && mine.count <= Self.maximumListReply {
                    // The newest range differs: most likely the responder published since the last
                    // sync, so it lists the range at once rather than splitting it.
                    sawNonSkip = true
                    w.idList(items[mine].map(\.id), upper: upper)
                } else {
                    sawNonSkip = true
                    split(mine, upper: upper, into: &w)
                }
            case 2:  // id list
                let count = try r.varint()
                guard count <= UInt64(r.remaining / Self.prefixSize) else { throw ReconcileError.malformed("id list longer than the message") }
                var theirs = Set<[UInt8]>()
                for _ in 0..<count { theirs.insert(try r.take(Self.prefixSize)) }
                switch role {
                case .initiator:
                    let ours = Set(items[mine].map { Array($0.id.prefix(Self.prefixSize)) })
                    step.have += items[mine].map(\.id).filter { !theirs.contains(Array($0.prefix(Self.prefixSize))) }
                    step.need += theirs.filter { !ours.contains($0) }.sorted { $0.lexicographicallyPrecedes($1) }
                    w.skip(to: upper)
                case .responder:
                    sawNonSkip = true
                    if mine.count <= Self.maximumListReply {
                        w.idList(items[mine].map(\.id), upper: upper)
                    } else {
                        // A large range is split rather than listed, so no reply grows with the responder's whole set.
                        split(mine, upper: upper, into: &w)
                    }
                }
            default:
                throw ReconcileError.malformed("unknown range mode")
            }
            lower = upper
            lowerIndex = upperIndex
        }
        guard lower == .infinity else { throw ReconcileError.malformed("the ranges do not cover the whole set") }
        if role == .initiator && !sawNonSkip {
            step.reply = nil
        } else {
            step.reply = w.finish()
        }
        return step
    }

    /// The first position at or after `from` whose item is not below `bound`.
    private func index(of bound: Bound, from: Int) -> Int {
        var lo = from
        var hi = items.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if bound.isAbove(items[mid]) { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Sends a range as its ids when small, else as fingerprints of `buckets` parts.
    private func split(_ range: Range<Int>, upper: Bound, into w: inout MessageWriter) {
        if range.count < Self.idListThreshold {
            w.idList(items[range].map(\.id), upper: upper)
            return
        }
        let per = range.count / Self.buckets
        let extra = range.count % Self.buckets
        var start = range.lowerBound
        for b in 0..<Self.buckets {
            let end = start + per + (b < extra ? 1 : 0)
            let bucketUpper = end == range.upperBound ? upper : Bound.between(items[end - 1], items[end])
            w.fingerprint(fingerprint(start..<end), upper: bucketUpper)
            start = end
        }
    }

    /// The first 16 bytes of hash(sum of the ids as 256-bit little-endian numbers, mod 2^256 ‖ count).
    func fingerprint(_ range: Range<Int>) -> [UInt8] {
        var sum: [UInt64] = [0, 0, 0, 0]
        for item in items[range] {
            var carry: UInt64 = 0
            let limbs: (UInt64, UInt64, UInt64, UInt64) = item.id.withUnsafeBytes { raw in
                (
                    UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self)),
                    UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)),
                    UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self)),
                    UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
                )
            }
            for limb in 0..<4 {
                let v = limb == 0 ? limbs.0 : limb == 1 ? limbs.1 : limb == 2 ? limbs.2 : limbs.3
                let (s1, o1) = sum[limb].addingReportingOverflow(v)
                let (s2, o2) = s1.addingReportingOverflow(carry)
                sum[limb] = s2
                carry = (o1 ? 1 : 0) + (o2 ? 1 : 0)
            }
        }
        var bytes: [UInt8] = []
        for limb in sum { for b in 0..<8 { bytes.append(UInt8((limb >> UInt64(8 * b)) & 0xFF)) } }
        var w = ByteWriter()
        w.varint(UInt64(range.count))
        return Array(hash(bytes + w.out).prefix(Self.fingerprintSize))
    }
}

/// The upper end of a range: items strictly below it are in the range.
struct Bound: Equatable, Comparable {
    var timestamp: UInt64
    /// Padded with zeros to 32 bytes; all 0xFF with `timestamp == .max` for infinity.
    var id: [UInt8]

    static let zero = Bound(timestamp: 0, id: [UInt8](repeating: 0, count: 32))
    static let infinity = Bound(timestamp: .max, id: [UInt8](repeating: 0xFF, count: 32))

    func isAbove(_ item: RangeReconciler.Item) -> Bool {
        item.timestamp != timestamp ? item.timestamp < timestamp : item.id.lexicographicallyPrecedes(id)
    }

    static func < (a: Bound, b: Bound) -> Bool {
        a.timestamp != b.timestamp ? a.timestamp < b.timestamp : a.id.lexicographicallyPrecedes(b.id)
    }

    /// The smallest bound above `a` and not above `b` (b is in the next range): `b`'s timestamp and
    /// the shortest prefix of `b`'s id that still sorts after `a`.
    static func between(_ a: RangeReconciler.Item, _ b: RangeReconciler.Item) -> Bound {
        if a.timestamp != b.timestamp { return Bound(timestamp: b.timestamp, id: zero.id) }
        var k = 0
        while k < 32 && a.id[k] == b.id[k] { k += 1 }
        return Bound(timestamp: b.timestamp, id: Array(b.id.prefix(k + 1)) + [UInt8](repeating: 0, count: 31 - k))
    }

    /// The significant length of the id: trailing zeros are implied.
    var prefixLength: Int {
        var n = 32
        while n > 0 && id[n - 1] == 0 { n -= 1 }
        return n
    }
}

/// Writes reconciliation messages: ranges with delta-encoded bounds, consecutive skips merged.
struct MessageWriter {
    private var w = ByteWriter()
    private var last = Bound.zero
    private var pendingSkip: Bound?

    init() { w.u8(RangeReconciler.protocolVersion) }

    mutating func skip(to upper: Bound) { pendingSkip = upper }

    private mutating func flushSkip() {
        if let s = pendingSkip {
            writeBound(s)
            w.varint(0)
            pendingSkip = nil
        }
    }

    private mutating func writeBound(_ b: Bound) {
        if b == .infinity {
            w.varint(0)
            w.varint(0)
        } else {
            w.varint(b.timestamp - last.timestamp + 1)
            let n = b.prefixLength
            w.varint(UInt64(n))
            w.bytes(Array(b.id.prefix(n)))
        }
        last = b
    }

    mutating func fingerprint(_ fp: [UInt8], upper: Bound) {
        flushSkip()
        writeBound(upper)
        w.varint(1)
        w.bytes(fp)
    }

    mutating func idList(_ ids: [[UInt8]], upper: Bound) {
        flushSkip()
        writeBound(upper)
        w.varint(2)
        w.varint(UInt64(ids.count))
        for id in ids { w.bytes(Array(id.prefix(RangeReconciler.prefixSize))) }
    }

    mutating func finish() -> [UInt8] {
        flushSkip()
        return w.out
    }
}

/// Reads reconciliation messages, refusing anything malformed.
struct MessageReader {
    private var r: ByteReader
    init(_ bytes: [UInt8]) { r = ByteReader(bytes) }
    var atEnd: Bool { r.remaining == 0 }
    var remaining: Int { r.remaining }

    mutating func u8() throws -> UInt8 {
        do { return try r.u8() } catch { throw Self.malformed(error) }
    }
    mutating func varint() throws -> UInt64 {
        do { return try r.varint() } catch { throw Self.malformed(error) }
    }
    mutating func take(_ n: Int) throws -> [UInt8] {
        do { return try r.take(n) } catch { throw Self.malformed(error) }
    }

    mutating func bound(after previous: Bound) throws -> Bound {
        let delta = try varint()
        let n = try varint()
        guard n <= 32 else { throw RangeReconciler.ReconcileError.malformed("bound id longer than 32 bytes") }
        let prefix = try take(Int(n))
        if delta == 0 { return .infinity }
        let (ts, overflow) = previous.timestamp.addingReportingOverflow(delta - 1)
        guard !overflow, ts < UInt64.max else { throw RangeReconciler.ReconcileError.malformed("timestamp overflow") }
        return Bound(timestamp: ts, id: prefix + [UInt8](repeating: 0, count: 32 - prefix.count))
    }

    private static func malformed(_ error: any Error) -> RangeReconciler.ReconcileError {
        .malformed("\(error)")
    }
}
