/// Additive secret sharing of a node's figures (`Protocol/SPEC.md` §12.2): vectors of elements of
/// `Field64` (as their canonical words) that add up, modulo p, to what is shared: one share for the
/// hub, one for the helper. Either share alone is uniformly random whatever the figures are; only
/// their sum over many nodes is ever reconstructed.
public enum AdditiveShares {
    /// Words measured per cell: the organisation's count, whether it counted anyone (0 or 1, so that
    /// the sum is how many organisations stand behind the cell), and the count's fourth power (so that
    /// the sum bounds the largest organisation's share of the cell, §12.3).
    public static let wordsPerCell = 3

    /// What a node shares for its figures (each already clamped to `FigureLayout.cellCap`).
    public static func measurement(_ figures: [UInt64]) -> [UInt64] {
        var out: [UInt64] = []
        out.reserveCapacity(figures.count * wordsPerCell)
        for x in figures {
            let v = min(x, FigureLayout.cellCap)
            out += [v, v > 0 ? 1 : 0, v * v * v * v]
        }
        return out
    }

    /// The two shares of `measurement`: the helper's is `random` (one uniformly random field
    /// element per word measured), the hub's the difference modulo p.
    public static func split(_ measurement: [UInt64], random: [UInt64]) -> (hub: [UInt64], helper: [UInt64]) {
        precondition(random.count == measurement.count, "one random word per word measured")
        return (zip(measurement, random).map { (Field64($0) - Field64($1)).value }, random.map { Field64($0).value })
    }

    /// `into` plus `share`, element by element, modulo p.
    public static func add(_ share: [UInt64], into sum: inout [UInt64]) {
        precondition(share.count == sum.count, "shares of one layout")
        for i in sum.indices { sum[i] = (Field64(sum[i]) + Field64(share[i])).value }
    }

    /// A share as bytes: its words, little-endian.
    public static func encode(_ share: [UInt64]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(share.count * 8)
        for w in share { for k in 0..<8 { out.append(UInt8(truncatingIfNeeded: w >> (8 * k))) } }
        return out
    }

    public static func decode(_ bytes: [UInt8]) -> [UInt64]? {
        guard bytes.count % 8 == 0 else { return nil }
        return stride(from: 0, to: bytes.count, by: 8).map { i in (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[i + $1]) << (8 * $1) } }
    }

    /// Field elements' words from bytes: nil unless whole and every value below p (§12.2).
    public static func decodeElements(_ bytes: ArraySlice<UInt8>) -> [UInt64]? {
        decode(Array(bytes)).flatMap { words in words.allSatisfy { $0 < Field64.modulus } ? words : nil }
    }
}

/// What the hub or the helper keeps of one period: each node's share (one per node: a second is
/// refused, so no node counts twice), summed only over the nodes both have.
public struct ShareCollector: Sendable {
    public enum Refusal: Error, Equatable { case wrongLength(expected: Int, got: Int), alreadyCounted(node: String) }

    public let words: Int
    public private(set) var shares: [String: [UInt64]] = [:]

    public init(words: Int) { self.words = words }

    /// Takes `node`'s share (its signing key, hex).
    public mutating func add(node: String, _ share: [UInt64]) throws {
        guard share.count == words else { throw Refusal.wrongLength(expected: words, got: share.count) }
        guard shares[node] == nil else { throw Refusal.alreadyCounted(node: node) }
        shares[node] = share
    }

    /// The sum of the shares of `nodes` that this party holds, and which of them it held.
    public func sum(over nodes: Set<String>) -> (sum: [UInt64], nodes: Set<String>) {
        var total = [UInt64](repeating: 0, count: words)
        var used: Set<String> = []
        for (node, share) in shares where nodes.contains(node) {
            AdditiveShares.add(share, into: &total)
            used.insert(node)
        }
        return (total, used)
    }

    /// Every node whose share this party holds.
    public var nodes: Set<String> { Set(shares.keys) }
}

/// The helper's part of a period (§12.2): it answers the hub once, with the sum of its shares over
/// the nodes the hub names that it also holds, and only when they are at least
/// `minimumOrganisations`; a second request is refused, or the hub could take two sums apart and
/// learn one node's figures.
public struct HelperRound: Sendable {
    public enum Refusal: Error, Equatable { case alreadyAnswered, tooFewNodes(Int) }

    public private(set) var collector: ShareCollector
    public private(set) var answered: Set<String>?
    public let minimumOrganisations: Int

    public init(words: Int, minimumOrganisations: Int = 3) {
        collector = ShareCollector(words: words)
        self.minimumOrganisations = minimumOrganisations
    }

    public mutating func add(node: String, _ share: [UInt64]) throws {
        guard answered == nil else { throw Refusal.alreadyAnswered }
        try collector.add(node: node, share)
    }

    /// The sum for the hub, over the nodes it holds shares of (`hubNodes`) that the helper holds too.
    public mutating func answer(hubNodes: Set<String>) throws -> (sum: [UInt64], nodes: Set<String>) {
        guard answered == nil else { throw Refusal.alreadyAnswered }
        let both = collector.nodes.intersection(hubNodes)
        guard both.count >= minimumOrganisations else { throw Refusal.tooFewNodes(both.count) }
        let out = collector.sum(over: both)
        answered = out.nodes
        return out
    }
}

/// A statistics period, an ISO week (`2026-W49`), and the scope of its envelopes (`stats:2026-W49`).
public struct StatisticsPeriod: Sendable, Hashable, CustomStringConvertible {
    public let week: String
    public init?(week: String) {
        let parts = week.split(separator: "-W", omittingEmptySubsequences: false)
        guard week.utf8.count == 8, parts.count == 2, let year = Int(parts[0]), (2000...9999).contains(year), let n = Int(parts[1]), (1...53).contains(n)
        else { return nil }
        self.week = week
    }
    public init?(scope: String) {
        guard scope.hasPrefix("stats:") else { return nil }
        self.init(week: String(scope.dropFirst(6)))
    }
    public var scope: String { "stats:" + week }
    public var description: String { week }

    /// The ISO 8601 week (UTC) that a moment, in milliseconds since 1970, falls in.
    public init(containing milliseconds: UInt64) {
        let day = Int(milliseconds / 86_400_000)
        let thursday = day - (day + 3) % 7 + 3  // 1970-01-01 was a Thursday; weeks start on Monday
        let year = Self.civil(thursday).year
        let number = (thursday - Self.days(year: year, month: 1, day: 1)) / 7 + 1
        self.week = "\(year)-W\(number < 10 ? "0" : "")\(number)"
    }

    /// The week's first moment and the first moment after it, in milliseconds since 1970 (UTC).
    public var bounds: (start: UInt64, end: UInt64) {
        let parts = week.split(separator: "-W")
        let year = Int(parts[0]) ?? 2000, number = Int(parts[1]) ?? 1
        let january4 = Self.days(year: year, month: 1, day: 4)
        let start = january4 - (january4 + 3) % 7 + (number - 1) * 7
        return (UInt64(start) * 86_400_000, UInt64(start + 7) * 86_400_000)
    }

    /// The quarter the week falls in (`2026-Q4`): weeks 1–13, 14–26, 27–39, and 40 to the year's last.
    public var quarter: String {
        let parts = week.split(separator: "-W")
        return "\(parts[0])-Q\(min(4, ((Int(parts[1]) ?? 1) - 1) / 13 + 1))"
    }

    /// The first week of the week's quarter.
    public var firstWeekOfQuarter: StatisticsPeriod {
        let parts = week.split(separator: "-W")
        let first = (min(4, ((Int(parts[1]) ?? 1) - 1) / 13 + 1) - 1) * 13 + 1
        return StatisticsPeriod(week: "\(parts[0])-W\(first < 10 ? "0" : "")\(first)")!
    }

    /// Days since 1970-01-01 of a date in the proleptic Gregorian calendar (years from 1970).
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = y / 400, yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        return era * 146_097 + yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear - 719_468
    }

    /// The year of a day counted from 1970-01-01 (days ≥ 0).
    static func civil(_ days: Int) -> (year: Int, month: Int) {
        let z = days + 719_468
        let era = z / 146_097, dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month)
    }
}

/// What the hub's envelopes carry, once opened (§12.5), beside the shares themselves
/// (`StatisticsShares` in WaymarkCrypto): the helper's sum (kind 26) and the hub's check (kind 34).
public enum StatisticsPayload {
    /// The helper's sum: the layout's hash, the nodes summed (a count, u32 LE, then their keys,
    /// ascending), the words, then the nodes whose figures were refused (a count, then their keys).
    public static func sum(layoutHash: [UInt8], nodes: [[UInt8]], _ words: [UInt64], refused: [[UInt8]] = []) -> [UInt8] {
        layoutHash + keyList(nodes) + AdditiveShares.encode(words) + keyList(refused)
    }

    static func keyList(_ keys: [[UInt8]]) -> [UInt8] {
        let sorted = keys.sorted { $0.lexicographicallyPrecedes($1) }
        return u32(sorted.count) + sorted.flatMap { $0 }
    }

    static func u32(_ n: Int) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: n >> (8 * $0)) } }

    static func readU32(_ bytes: [UInt8], at i: Int) -> Int? {
        guard i + 4 <= bytes.count else { return nil }
        return (0..<4).reduce(0) { $0 | Int(bytes[i + $1]) << (8 * $1) }
    }

    /// A count and that many 32-byte keys, strictly ascending (so each at most once).
    static func readKeys(_ bytes: [UInt8], at i: Int) -> (keys: [[UInt8]], next: Int)? {
        guard let n = readU32(bytes, at: i), n <= 100_000, i + 4 + 32 * n <= bytes.count else { return nil }
        let keys = (0..<n).map { Array(bytes[(i + 4 + $0 * 32)..<(i + 4 + $0 * 32 + 32)]) }
        guard zip(keys, keys.dropFirst()).allSatisfy({ $0.lexicographicallyPrecedes($1) }) else { return nil }
        return (keys, i + 4 + 32 * n)
    }

    public static func readSum(_ bytes: [UInt8], layoutHash: [UInt8], words: Int) -> (nodes: [[UInt8]], words: [UInt64], refused: [[UInt8]])? {
        guard bytes.count >= 36, Array(bytes.prefix(32)) == layoutHash, let (nodes, at) = readKeys(bytes, at: 32), at + words * 8 <= bytes.count,
            let sum = AdditiveShares.decodeElements(bytes[at..<(at + words * 8)]),
            let (refused, end) = readKeys(bytes, at: at + words * 8), end == bytes.count
        else { return nil }
        return (nodes, sum, refused)
    }

    /// The fewest organisations behind a cell for the helper to open it (§12.3): below this the
    /// hub never learns a cell's count or fourth powers, only how many organisations counted in it.
    public static let openingMinimum: UInt64 = 3

    /// The organisation counts of a sum (the `k` word of each cell), the rest zero: what the helper's
    /// first answer (kind 26) carries.
    public static func countsOnly(_ words: [UInt64]) -> [UInt64] {
        words.enumerated().map { $0.offset % AdditiveShares.wordsPerCell == 1 ? $0.element : 0 }
    }

    /// The organisation-count word of each cell of a sum's words (one element a cell).
    public static func counts(_ words: [UInt64]) -> [UInt64] {
        stride(from: 1, to: words.count, by: AdditiveShares.wordsPerCell).map { words[$0] }
    }

    /// The totals the hub puts together from the helper's answer (its counts), the helper's opened
    /// cells and the hub's own sum (all as words, three a cell): every cell's organisation count, and
    /// the count and fourth powers of the opened cells only, zero elsewhere. Nil when the helper's
    /// opened words hold anything for a cell that was not to be opened.
    public static func totals(answer: [UInt64], opened: [UInt64], own: [UInt64], cells open: [Bool]) -> [UInt64]? {
        let w = AdditiveShares.wordsPerCell
        var totals = [UInt64](repeating: 0, count: own.count)
        for cell in open.indices {
            let (count, four) = (w * cell, w * cell + 2)
            totals[w * cell + 1] = (Field64(answer[w * cell + 1]) + Field64(own[w * cell + 1])).value
            if open[cell] {
                for word in [count, four] { totals[word] = (Field64(opened[word]) + Field64(own[word])).value }
            } else if opened[count] != 0 || opened[four] != 0 {
                return nil
            }
        }
        return totals
    }

    /// The cells to open, from the two parties' shares of the organisation counts (one element a
    /// cell, added mod p): those with at least `openingMinimum` organisations and at most `nodes`.
    /// Nil when a count is over `nodes`: the shares do not add up to an honest count.
    public static func cellsToOpen(helperCounts: [UInt64], hubCounts: [UInt64], nodes: Int) -> [Bool]? {
        guard helperCounts.count == hubCounts.count else { return nil }
        var open: [Bool] = []
        for (a, b) in zip(helperCounts, hubCounts) {
            let k = (Field64(a) + Field64(b)).value
            guard k <= UInt64(nodes) else { return nil }
            open.append(k >= openingMinimum)
        }
        return open
    }

    /// A sum's words kept for the opened cells only (count and fourth powers; the organisation
    /// count word zero, as it was sent before), the rest zero: what the helper's second answer carries.
    public static func opened(_ words: [UInt64], cells open: [Bool]) -> [UInt64] {
        words.enumerated().map { i, w in
            let cell = i / AdditiveShares.wordsPerCell
            return open[cell] && i % AdditiveShares.wordsPerCell != 1 ? w : 0
        }
    }

    /// The hub's request to open (kind 35): the layout's hash, the nodes of the helper's answer (a
    /// count, u32 LE, then their keys ascending), then the hub's share of each cell's organisation
    /// count, one element a cell.
    public static func openRequest(layoutHash: [UInt8], nodes: [[UInt8]], counts: [UInt64]) -> [UInt8] {
        layoutHash + keyList(nodes) + AdditiveShares.encode(counts)
    }

    public static func readOpenRequest(_ bytes: [UInt8], layoutHash: [UInt8], cells: Int) -> (nodes: [[UInt8]], counts: [UInt64])? {
        guard bytes.count >= 36, Array(bytes.prefix(32)) == layoutHash, let (nodes, at) = readKeys(bytes, at: 32), bytes.count == at + cells * 8,
            let counts = AdditiveShares.decodeElements(bytes[at...])
        else { return nil }
        return (nodes, counts)
    }

    /// The helper's second answer (kind 36): the layout's hash, then the words of `opened`.
    public static func openedCells(layoutHash: [UInt8], _ words: [UInt64]) -> [UInt8] { layoutHash + AdditiveShares.encode(words) }

    public static func readOpenedCells(_ bytes: [UInt8], layoutHash: [UInt8], words: Int) -> [UInt64]? {
        guard bytes.count == 32 + words * 8, Array(bytes.prefix(32)) == layoutHash else { return nil }
        return AdditiveShares.decodeElements(bytes[32...])
    }

    /// What the hub sends the helper for one node (§12.2): the node, the joint randomness's seed the
    /// hub derived, and the hub's verifier share (`FigureProof.verifierLength` elements).
    public struct CheckEntry: Sendable, Equatable {
        public var node: [UInt8]
        public var jointSeed: [UInt8]
        public var verifier: [UInt64]
        public init(node: [UInt8], jointSeed: [UInt8], verifier: [UInt64]) {
            self.node = node
            self.jointSeed = jointSeed
            self.verifier = verifier
        }
    }

    /// The largest payload of one check envelope (kind 34): the limit of a kind a node of an earlier
    /// version does not know, so that every node relays it. It bounds the sealed payload, 40 bytes
    /// (nonce and tag, §8.2) more than the plaintext.
    public static let checkPartBytes = 64 << 10
    static let sealingBytes = 40

    /// The hub's check (kind 34), in parts that sealed stay within `checkPartBytes`: each is the layout's hash,
    /// the verify key (32 bytes), the part's index and the number of parts (u16 LE each), a count
    /// (u32 LE), then per node, ascending by key over all parts: key (32), joint seed (32), verifier
    /// share (8 bytes an element).
    public static func check(layoutHash: [UInt8], verifyKey: [UInt8], _ entries: [CheckEntry]) -> [[UInt8]] {
        precondition(verifyKey.count == 32 && entries.allSatisfy { $0.node.count == 32 && $0.jointSeed.count == 32 }, "32-byte keys and seeds")
        let sorted = entries.sorted { $0.node.lexicographicallyPrecedes($1.node) }
        let each = 64 + 8 * (sorted.first?.verifier.count ?? 0)
        let perPart = max(1, (checkPartBytes - sealingBytes - 72) / max(each, 1))
        let parts = stride(from: 0, to: max(sorted.count, 1), by: perPart).map { Array(sorted[$0..<min($0 + perPart, sorted.count)]) }
        return parts.enumerated().map { k, part in
            layoutHash + verifyKey + u16(k) + u16(parts.count) + u32(part.count) + part.flatMap { $0.node + $0.jointSeed + AdditiveShares.encode($0.verifier) }
        }
    }

    static func u16(_ n: Int) -> [UInt8] { [UInt8(truncatingIfNeeded: n), UInt8(truncatingIfNeeded: n >> 8)] }

    /// One part of a check: its verify key, index, number of parts and entries.
    public static func readCheck(_ bytes: [UInt8], layoutHash: [UInt8], verifierLength: Int) -> (
        verifyKey: [UInt8], part: Int, parts: Int, entries: [CheckEntry]
    )? {
        guard bytes.count >= 72, Array(bytes.prefix(32)) == layoutHash, let n = readU32(bytes, at: 68) else { return nil }
        let part = Int(bytes[64]) | Int(bytes[65]) << 8, parts = Int(bytes[66]) | Int(bytes[67]) << 8
        let each = 64 + 8 * verifierLength
        guard part < parts, n <= 100_000, bytes.count == 72 + n * each else { return nil }
        var entries: [CheckEntry] = []
        for k in 0..<n {
            let b = 72 + k * each
            guard let v = AdditiveShares.decodeElements(bytes[(b + 64)..<(b + each)]) else { return nil }
            entries.append(CheckEntry(node: Array(bytes[b..<(b + 32)]), jointSeed: Array(bytes[(b + 32)..<(b + 64)]), verifier: v))
        }
        return (Array(bytes[32..<64]), part, parts, entries)
    }
}

extension FigureLayout {
    /// The text every node hashes (with BLAKE2b-256) to check that shares are of the same layout:
    /// the cells' descriptions in order, one per line, then the bounds per family.
    public var canonicalText: String {
        cells.map(\.description).joined(separator: "\n") + "\n" + perClient.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
    }
}
