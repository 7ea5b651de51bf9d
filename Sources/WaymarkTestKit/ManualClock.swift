import WaymarkCore

/// A clock for tests of the pure core: it says what time it is and moves only when told.
public struct ManualClock: Sendable {
    public var now: LocalDateTime

    public init(_ now: LocalDateTime) { self.now = now }

    public mutating func advance(minutes: Int) { now = LocalDateTime(day: now.day, minute: now.minute + minutes) }
}

/// A fixed set of HSDS rows for core tests.
public enum Fixtures {
    /// A Monday 10:30 in Ballymun.
    public static let mondayMorning = LocalDateTime(year: 2026, month: 11, day: 23, hour: 10, minute: 30)
}
