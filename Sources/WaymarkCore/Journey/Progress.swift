/// A staged-scale instrument, configured per node: named areas, each scored on stages 1 to `stages`
/// (at most 10), with an optional name for each stage. Generic on purpose: licensed instruments'
/// content is not shipped.
public struct Instrument: Sendable, Hashable {
    public var id: String
    public var name: String
    public var areas: [String]
    public var stages: Int
    /// Names of stages 1…`stages` (may be empty).
    public var stageNames: [String]

    public init(id: String, name: String, areas: [String], stages: Int = 10, stageNames: [String] = []) {
        self.id = id
        self.name = name
        self.areas = areas
        self.stages = stages
        self.stageNames = stageNames
    }

    /// The instrument every node offers until its admin configures its own: generic areas of a
    /// journey towards work or learning, ten stages, no licensed content.
    public static let standard = Instrument(
        id: "steps", name: "Steps towards a goal",
        areas: ["Confidence", "Skills and learning", "Job search", "Money", "Housing", "Health and wellbeing"], stages: 10)

    /// The name of stage `n`, or the number when stages are not named.
    public func stageName(_ n: Int) -> String { stageNames.indices.contains(n - 1) ? "\(n) – \(stageNames[n - 1])" : "\(n)" }

    /// A list of instruments as canonical JSON (the node setting `instruments`).
    public static func encode(_ list: [Instrument]) -> [UInt8] {
        JSONValue.array(
            list.map {
                .object(
                    JSONObject([
                        ("id", .string($0.id)), ("name", .string($0.name)), ("areas", .array($0.areas.map(JSONValue.string))), ("stages", JSONValue($0.stages)),
                        ("stage_names", .array($0.stageNames.map(JSONValue.string))),
                    ]))
            }
        ).canonicalBytes
    }

    /// Reads a list written by `encode`; names the first thing wrong.
    public static func decode(_ bytes: [UInt8]) throws -> [Instrument] {
        guard let list = try JSONParser.parse(bytes).arrayValue else { throw JourneyPayload.Problem(field: "instruments", message: "must be a list") }
        return try list.map { v in
            guard let id = v["id"]?.stringValue, !id.isEmpty, let name = v["name"]?.stringValue, !name.isEmpty,
                let areas = v["areas"]?.arrayValue?.compactMap(\.stringValue), let stages = v["stages"]?.doubleValue
            else { throw JourneyPayload.Problem(field: "instruments", message: "each instrument needs an id, a name, areas and stages") }
            let i = Instrument(id: id, name: name, areas: areas, stages: Int(stages), stageNames: v["stage_names"]?.arrayValue?.compactMap(\.stringValue) ?? [])
            if let p = i.problem { throw JourneyPayload.Problem(field: "instruments", message: "\(id): \(p)") }
            return i
        }
    }

    /// A problem with the instrument, or `nil`.
    public var problem: String? {
        if areas.isEmpty { return "an instrument needs at least one area" }
        if Set(areas).count != areas.count { return "area names must differ" }
        if !(2...10).contains(stages) { return "an instrument has 2 to 10 stages" }
        if !stageNames.isEmpty && stageNames.count != stages { return "name every stage or none" }
        return nil
    }
}

/// A progress event for one client. Events are never changed: a correction names the event it
/// supersedes and carries its replacement.
public enum ProgressEvent: Sendable, Hashable {
    /// A goal (a job, a course, recovery), measured with an instrument or by milestones alone.
    case goal(id: String, title: String, instrumentID: String?)
    /// A dated score for one area of the goal's instrument.
    case reading(goalID: String, area: String, stage: Int, date: String)
    /// A step reached (started a course, got a job).
    case milestone(goalID: String, label: String, date: String)
    /// Replaces the event with id `supersedes` (same author only).
    indirect case correction(supersedes: [UInt8], with: ProgressEvent)

    public var goalID: String {
        switch self {
        case .goal(let id, _, _): return id
        case .reading(let g, _, _, _), .milestone(let g, _, _): return g
        case .correction(_, let e): return e.goalID
        }
    }
}

/// The progress merge rule: a grow-only set of events; an event superseded by a correction from its
/// own author is replaced by the latest such correction (by clock, then id). Every node with the
/// same events shows the same readings.
public struct ProgressFold: Sendable {
    public struct Entry: Sendable, Hashable {
        public let id: [UInt8]
        public let clock: UInt64
        public let author: String
        public let event: ProgressEvent
        public init(id: [UInt8], clock: UInt64, author: String, event: ProgressEvent) {
            self.id = id
            self.clock = clock
            self.author = author
            self.event = event
        }
    }

    /// An event as it stands, with where it came from and whether it was corrected.
    public struct Current: Sendable, Hashable {
        public let originalID: [UInt8]
        public let author: String
        public let clock: UInt64
        public let event: ProgressEvent
        public let corrected: Bool
    }

    private var entries: [ByteKey: Entry] = [:]

    public init() {}

    public mutating func apply(_ e: Entry) { entries[ByteKey(e.id)] = e }

    /// Every original event with its latest correction applied, oldest first.
    public var current: [Current] {
        var corrections: [ByteKey: Entry] = [:]
        for e in entries.values {
            guard case .correction(let target, _) = e.event, let original = entries[ByteKey(target)], original.author == e.author else { continue }
            let k = ByteKey(target)
            if let c = corrections[k], c.clock > e.clock || (c.clock == e.clock && e.id.lexicographicallyPrecedes(c.id)) { continue }
            corrections[k] = e
        }
        return entries.values.compactMap { e -> Current? in
            if case .correction = e.event { return nil }
            if let c = corrections[ByteKey(e.id)], case .correction(_, let replacement) = c.event {
                return Current(originalID: e.id, author: e.author, clock: e.clock, event: replacement, corrected: true)
            }
            return Current(originalID: e.id, author: e.author, clock: e.clock, event: e.event, corrected: false)
        }.sorted { a, b in a.clock != b.clock ? a.clock < b.clock : a.originalID.lexicographicallyPrecedes(b.originalID) }
    }

    /// The latest reading for each area of a goal (by date, then clock).
    public func latestReadings(goalID: String) -> [String: (stage: Int, date: String)] { Self.latestReadings(current, goalID: goalID) }

    /// The same, over events already folded (`current`), so a caller showing many goals folds once.
    public static func latestReadings(_ current: [Current], goalID: String) -> [String: (stage: Int, date: String)] {
        var out: [String: (stage: Int, date: String, clock: UInt64)] = [:]
        for c in current {
            guard case .reading(let g, let area, let stage, let date) = c.event, g == goalID else { continue }
            if let prev = out[area], (prev.date, prev.clock) > (date, c.clock) { continue }
            out[area] = (stage, date, c.clock)
        }
        return out.mapValues { ($0.stage, $0.date) }
    }
}
