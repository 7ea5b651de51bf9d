import Testing
import WaymarkCore

/// The hours a service is open in a week, for the hub's gaps (`Protocol/SPEC.md` §12): each day's
/// slots in force that day, overlapping ones counted once.
struct OpeningHoursWeekTests {
    /// 2026-11-30 is a Monday.
    static let monday = LocalDateTime.dayNumber(year: 2026, month: 11, day: 30)

    @Test func overlappingSlotsCountOnceAndOnlySlotsInForceCount() {
        let hours = OpeningHours(slots: [
            .init(weekday: .monday, opens: 9 * 60, closes: 13 * 60),
            .init(weekday: .monday, opens: 12 * 60, closes: 17 * 60),  // overlaps the morning by an hour
            .init(weekday: .monday, opens: 10 * 60, closes: 11 * 60),  // inside the morning
            .init(weekday: .wednesday, opens: 18 * 60, closes: 20 * 60),
            .init(weekday: .friday, opens: 9 * 60, closes: 12 * 60, validFrom: Self.monday + 7),  // from next week only
            .init(weekday: .saturday, opens: 10 * 60, closes: 10 * 60),  // empty
        ])
        #expect(hours.minutesOpen(weekStarting: Self.monday) == (8 + 2) * 60)
        #expect(hours.minutesOpen(weekStarting: Self.monday + 7) == (8 + 2 + 3) * 60)
        #expect(OpeningHours(slots: []).minutesOpen(weekStarting: Self.monday) == 0)
    }
}
