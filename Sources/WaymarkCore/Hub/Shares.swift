/// Additive secret sharing of a node's figures (`Protocol/SPEC.md` §12.2): the node splits what it
/// measures into two vectors of 64-bit words that add up (wrapping) to it: one for the hub, one for
/// the helper. Either share alone is uniformly random whatever the figures are; only their sum over
/// many nodes is ever reconstructed.
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

    /// The two shares of `measurement`: the helper's is `random` (one uniformly random word per
    /// word measured), the hub's the difference.
    public static func split(_ measurement: [UInt64], random: [UInt64]) -> (hub: [UInt64], helper: [UInt64]) {
        precondition(random.count == measurement.count, "one random word per word measured")
        return (zip(measurement, random).map { $0 &- $1 }, random)
    }

    /// `into` plus `share`, word by word, wrapping.
    public static func add(_ share: [UInt64], into sum: inout [UInt64]) {
        precondition(share.count == sum.count, "shares of one layout")
        for i in sum.indices { sum[i] &+= share[i] }
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

/// What a statistics envelope carries, once opened (§12.5): a share is the layout's hash (32 bytes)
/// and the words; the helper's sum is the layout's hash, the number of nodes (u32, little-endian),
/// their signing keys (32 bytes each, ascending) and the words.
public enum StatisticsPayload {
    public static func share(layoutHash: [UInt8], _ words: [UInt64]) -> [UInt8] { layoutHash + AdditiveShares.encode(words) }

    public static func readShare(_ bytes: [UInt8], layoutHash: [UInt8], words: Int) -> [UInt64]? {
        guard bytes.count == 32 + words * 8, Array(bytes.prefix(32)) == layoutHash else { return nil }
        return AdditiveShares.decode(Array(bytes.dropFirst(32)))
    }

    public static func sum(layoutHash: [UInt8], nodes: [[UInt8]], _ words: [UInt64]) -> [UInt8] {
        let sorted = nodes.sorted { $0.lexicographicallyPrecedes($1) }
        let n = UInt32(sorted.count)
        return layoutHash + (0..<4).map { UInt8(truncatingIfNeeded: n >> (8 * $0)) } + sorted.flatMap { $0 } + AdditiveShares.encode(words)
    }

    public static func readSum(_ bytes: [UInt8], layoutHash: [UInt8], words: Int) -> (nodes: [[UInt8]], words: [UInt64])? {
        guard bytes.count >= 36, Array(bytes.prefix(32)) == layoutHash else { return nil }
        let n = (0..<4).reduce(0) { $0 | Int(bytes[32 + $1]) << (8 * $1) }
        guard n <= 100_000, bytes.count == 36 + n * 32 + words * 8 else { return nil }
        let nodes = (0..<n).map { Array(bytes[(36 + $0 * 32)..<(36 + $0 * 32 + 32)]) }
        return AdditiveShares.decode(Array(bytes.suffix(words * 8))).map { (nodes, $0) }
    }
}

extension FigureLayout {
    /// The text every node hashes (with BLAKE2b-256) to check that shares are of the same layout:
    /// the cells' descriptions in order, one per line, then the bounds per family.
    public var canonicalText: String {
        cells.map(\.description).joined(separator: "\n") + "\n" + perClient.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
    }
}
