import Foundation
import WaymarkCore

/// Converts real time to the directory's wall-clock time (Europe/Dublin), for "open now".
public struct LocalClock: Sendable {
    public let timeZone: TimeZone
    private let fixedNow: Date?

    /// - Parameter fixedNow: a moment to use instead of the real clock (tests, demos at a set time).
    public init(timeZoneID: String = "Europe/Dublin", fixedNow: Date? = nil) {
        timeZone = TimeZone(identifier: timeZoneID) ?? TimeZone(secondsFromGMT: 0)!
        self.fixedNow = fixedNow
    }

    public func now() -> LocalDateTime { local(fixedNow ?? Date()) }

    public func local(_ date: Date) -> LocalDateTime {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: date)
        let day = Int((Double(seconds) / 86400).rounded(.down))
        return LocalDateTime(day: day, minute: (seconds - day * 86400) / 60)
    }

    /// This clock's now in milliseconds since 1970 (the fixed moment, if one was given).
    public func milliseconds() -> UInt64 { UInt64((fixedNow ?? Date()).timeIntervalSince1970 * 1000) }

    /// The real wall clock in milliseconds since 1970, for envelope clocks.
    public static func nowMilliseconds() -> UInt64 { UInt64(Date().timeIntervalSince1970 * 1000) }

    /// Now (or that many seconds before now), as ISO 8601 UTC text.
    public func isoNow(minusSeconds seconds: Double = 0) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: (fixedNow ?? Date()).addingTimeInterval(-seconds))
    }
}
