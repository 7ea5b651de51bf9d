import WaymarkCore
import WaymarkCrypto

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

    /// A node identity derived from a number, the same in every run.
    public static func identity(_ n: UInt8) -> NodeIdentity {
        try! NodeIdentity(signingSeed: [UInt8](repeating: n, count: 32), encryptionSeed: [UInt8](repeating: n &+ 128, count: 32))
    }

    /// The organisation that publishes the sample in store and server tests.
    public static let publisher = identity(1)

    /// 22 November 2026, 00:00 UTC, in milliseconds.
    public static let publishedAt: UInt64 = 1_795_305_600_000
}
