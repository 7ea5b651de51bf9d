/// The hub's statistics (`Protocol/SPEC.md` §12): what each node counts from its own records for a
/// period, laid out as a vector of cells that every node orders the same way, so that shares of it
/// can be added up cell by cell without anyone seeing one organisation's vector.

/// One cell of the statistics: a family (what is counted) and the labels that place it.
public struct FigureCell: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// `needs` (need × area × age band), `referrals` (sender's category → receiver's category),
    /// `outcomes` (receiver's category × outcome), `response` (receiver's category × days-to-respond
    /// bucket; and receiver's category × `close` × days-to-close bucket), `progress` (instrument area × change bucket; and instrument area × `client-view` ×
    /// how the client's own reading stands against their worker's, counted only where the client
    /// agreed).
    public let family: String
    public let labels: [String]

    public init(_ family: String, _ labels: [String]) {
        self.family = family
        self.labels = labels
    }

    public var description: String { ([family] + labels).joined(separator: "/") }

    public static func < (a: FigureCell, b: FigureCell) -> Bool {
        a.family != b.family ? a.family < b.family : a.labels.lexicographicallyPrecedes(b.labels)
    }
}

/// The agreed layout of a period's vector: the cells in order, with how much one client may add to
/// each family (contribution bounding: at most `perClient` cells of the family, 1 to each).
public struct FigureLayout: Sendable, Equatable {
    public let cells: [FigureCell]
    /// Per family: the most cells one client may count in (the L1 sensitivity of the family).
    public let perClient: [String: Int]
    /// The most one organisation may put in one cell (its figure is clamped to this before it is
    /// shared), so that the sums of powers used to check dominance stay exact (§12.3).
    public static let cellCap: UInt64 = 4095

    /// The district layout's bounds: in how many cells of each family one client counts at most.
    public static let familyBounds = ["needs": 3, "referrals": 2, "outcomes": 2, "response": 2, "progress": 3]

    public init(cells: [FigureCell], perClient: [String: Int]) {
        self.cells = cells.sorted()
        self.perClient = perClient
    }

    /// Where each cell is in the vector.
    public var index: [FigureCell: Int] { Dictionary(uniqueKeysWithValues: cells.enumerated().map { ($0.element, $0.offset) }) }

    /// The layout for a district: needs by category × area × age band; referrals between
    /// organisation categories; outcomes and response buckets by receiving category; progress
    /// changes by instrument area. `areas` are the district's postal areas (Eircode routing keys);
    /// `other` (a client living outside them) and `unknown` (not recorded) are always added.
    public static func district(categories: [String], areas: [String], instrumentAreas: [String]) -> FigureLayout {
        var cells: [FigureCell] = []
        let areas = Array(Set(areas).subtracting(["other", "unknown"])).sorted() + ["other", "unknown"]
        for need in categories { for area in areas { for age in ageBands { cells.append(FigureCell("needs", [need, area, age])) } } }
        for from in categories { for to in categories { cells.append(FigureCell("referrals", [from, to])) } }
        for to in categories { for outcome in outcomes { cells.append(FigureCell("outcomes", [to, outcome])) } }
        for to in categories { for bucket in responseBuckets { cells.append(FigureCell("response", [to, bucket])) } }
        // Days to close share the response family: its budget and its bound (a client counts in at
        // most 2 response cells: one referral's days to respond and to close).
        for to in categories { for bucket in closeBuckets { cells.append(FigureCell("response", [to, "close", bucket])) } }
        for area in instrumentAreas { for change in progressBuckets { cells.append(FigureCell("progress", [area, change])) } }
        // The client's own view shares the progress family: its budget and its bound (a client
        // counts in at most 3 progress cells, whether changes or gaps).
        for area in instrumentAreas { for gap in gapBuckets { cells.append(FigureCell("progress", [area, "client-view", gap])) } }
        return FigureLayout(cells: cells, perClient: familyBounds)
    }

    public static let ageBands = ["0-17", "18-24", "25-44", "45-64", "65+", "unknown"]

    /// In how many weeks of a quarter one client may be counted in a family (§12.4): so that what a
    /// quarter's releases tell about one person has a bound of its own, not one per week.
    public static let weeksPerQuarter = 4

    /// Whether a client may be counted this week in a family, given the weeks of the quarter so far
    /// in which they had something that family counts (`active`, this week included or not): only in
    /// the first `weeksPerQuarter` of them. Deterministic from the records alone, so computing a
    /// week's figures again gives the same answer, and no list of who was counted is kept.
    public static func countsThisWeek(_ week: StatisticsPeriod, active: Set<String>, limit: Int = weeksPerQuarter) -> Bool {
        let weeks = active.union([week.week]).filter { StatisticsPeriod(week: $0)?.quarter == week.quarter && $0 <= week.week }
        return weeks.sorted().prefix(limit).contains(week.week)
    }

    /// The area label a client's needs count under (§12.1): their routing key where the layout has
    /// it, `other` for any other recorded area, `unknown` when none is recorded.
    public static func areaLabel(_ recorded: String, areas: Set<String>) -> String {
        if recorded.isEmpty { return "unknown" }
        return areas.contains(recorded) ? recorded : "other"
    }

    /// The areas of this layout's `needs` family.
    public var areas: Set<String> { Set(cells.lazy.filter { $0.family == "needs" && $0.labels.count == 3 }.map { $0.labels[1] }) }
    /// How referrals end, as the receiving organisation closes them (findhelp's closed-loop statuses,
    /// folded onto the referral state machine, §8.5).
    public static let outcomes = ["accepted", "declined-capacity", "declined-other", "completed", "failed", "cancelled", "open"]
    public static let responseBuckets = ["0-1d", "2-5d", "6-10d", "11d+", "none"]
    /// Working days from a referral to the receiver's closing it (completed, did not work out,
    /// declined, cancelled), `open` while it is not closed.
    public static let closeBuckets = ["0-5d", "6-20d", "21-60d", "61d+", "open"]
    public static let progressBuckets = ["worse", "same", "up-1", "up-2+"]
    /// The client's own stage minus their worker's, for the same area (§13.5).
    public static let gapBuckets = ["client-lower-2+", "client-lower-1", "same", "client-higher-1", "client-higher-2+"]

    /// The age band of someone born on `dateOfBirth` (YYYY-MM-DD) on `day`.
    public static func ageBand(dateOfBirth: String?, on day: String) -> String {
        guard let dob = dateOfBirth, dob.count == 10, day.count == 10, let by = Int(dob.prefix(4)), let ty = Int(day.prefix(4)) else { return "unknown" }
        var age = ty - by
        if day.dropFirst(5) < dob.dropFirst(5) { age -= 1 }
        switch age {
        case ..<0: return "unknown"
        case 0...17: return "0-17"
        case 18...24: return "18-24"
        case 25...44: return "25-44"
        case 45...64: return "45-64"
        default: return "65+"
        }
    }

    /// The bucket of a response after `days` working days (`nil`: no response yet).
    public static func responseBucket(days: Int?) -> String { bucket(days, upTo: [1, 5, 10], responseBuckets) }

    /// The bucket of a referral closed after `days` working days (`nil`: not closed).
    public static func closeBucket(days: Int?) -> String { bucket(days, upTo: [5, 20, 60], closeBuckets) }

    /// The first of `buckets` whose upper edge `days` is within, the one after the edges beyond
    /// them, the last (no answer yet) for `nil`.
    static func bucket(_ days: Int?, upTo edges: [Int], _ buckets: [String]) -> String {
        guard let days else { return buckets[buckets.count - 1] }
        return buckets[edges.firstIndex { days <= $0 } ?? edges.count]
    }

    /// The bucket of a change on a staged scale (later stage minus the first).
    public static func progressBucket(change: Int) -> String { change < 0 ? "worse" : change == 0 ? "same" : change == 1 ? "up-1" : "up-2+" }

    /// The bucket of the gap between a client's own stage and their worker's.
    public static func gapBucket(client: Int, worker: Int) -> String {
        switch client - worker {
        case ...(-2): return "client-lower-2+"
        case -1: return "client-lower-1"
        case 0: return "same"
        case 1: return "client-higher-1"
        default: return "client-higher-2+"
        }
    }
}

/// Counts one organisation's cells for a period with each client's contribution bounded: a client
/// counts at most once in a cell, and in at most `perClient[family]` cells of a family (the first
/// ones offered; the rest of what they would add is dropped). So one person changes any family's
/// vector by at most that many, which is what the noise is calibrated to (§12.4).
public struct BoundedCounter: Sendable {
    public let layout: FigureLayout
    private let position: [FigureCell: Int]
    private var counts: [UInt64]
    private var seen: Set<String> = []
    private var used: [String: Int] = [:]
    /// Contributions dropped by the bound (for the node's own report).
    public private(set) var dropped = 0

    public init(layout: FigureLayout) {
        self.layout = layout
        position = layout.index
        counts = Array(repeating: 0, count: layout.cells.count)
    }

    /// Counts `client` in `cell`, if the bound allows.
    /// - Returns: whether it counted.
    @discardableResult
    public mutating func add(client: String, _ cell: FigureCell) -> Bool {
        guard let i = position[cell] else { return false }
        let key = client + "\u{1F}" + cell.description
        guard !seen.contains(key) else { return false }
        let familyKey = client + "\u{1F}" + cell.family
        guard used[familyKey, default: 0] < layout.perClient[cell.family, default: 1] else {
            dropped += 1
            return false
        }
        seen.insert(key)
        used[familyKey, default: 0] += 1
        counts[i] += 1
        return true
    }

    /// The organisation's vector, each cell clamped to `FigureLayout.cellCap`.
    public var figures: [UInt64] { counts.map { min($0, FigureLayout.cellCap) } }
}
