/// When a service is open, read from its HSDS weekly schedules.
///
/// Only `freq = WEEKLY` rules (or rules with plain `byday` and no frequency) are understood; a
/// schedule that says something else (monthly, by week number) is kept in the record but not used
/// for "open now", so it never makes a service look open when it is not.
public struct OpeningHours: Sendable, Hashable {
    /// One weekly opening: a day, a local time span, and the dates between which it holds.
    public struct Slot: Sendable, Hashable {
        public var weekday: Weekday
        /// Minutes since midnight.
        public var opens: Int
        public var closes: Int
        /// Day numbers (see `LocalDateTime.day`), inclusive.
        public var validFrom: Int?
        public var validTo: Int?

        public init(weekday: Weekday, opens: Int, closes: Int, validFrom: Int? = nil, validTo: Int? = nil) {
            self.weekday = weekday
            self.opens = opens
            self.closes = closes
            self.validFrom = validFrom
            self.validTo = validTo
        }

        public func holds(on day: Int) -> Bool {
            if let validFrom, day < validFrom { return false }
            if let validTo, day > validTo { return false }
            return true
        }
    }

    public var slots: [Slot]

    /// Minutes open in the week that starts on `monday` (a day number), each day's slots in force
    /// that day merged, so that overlapping schedules count once.
    public func minutesOpen(weekStarting monday: Int) -> Int {
        var total = 0
        for weekday in Weekday.allCases {
            let day = monday + weekday.rawValue - 1
            let spans = slots.filter { $0.weekday == weekday && $0.holds(on: day) && $0.closes > $0.opens }.map { ($0.opens, $0.closes) }.sorted { $0 < $1 }
            var end = -1
            for (opens, closes) in spans {
                let start = max(opens, end)
                if closes > start { total += closes - start }
                end = max(end, closes)
            }
        }
        return total
    }

    public init(slots: [Slot]) {
        self.slots = slots.sorted { ($0.weekday.rawValue, $0.opens) < ($1.weekday.rawValue, $1.opens) }
    }

    /// Reads the weekly rules of HSDS `schedule` rows.
    public init(schedules: [HSDSRecord]) {
        var slots: [Slot] = []
        for s in schedules {
            let freq = s.string("freq")?.uppercased()
            guard freq == nil || freq == "WEEKLY", let byday = s.string("byday"),
                let opens = s.string("opens_at").flatMap(LocalDateTime.parseTime),
                let closes = s.string("closes_at").flatMap(LocalDateTime.parseTime)
            else { continue }
            if let interval = s.double("interval"), interval > 1 { continue }
            // Rules that count occurrences or pick weeks or month days are not weekly openings.
            if ["count", "byweekno", "bymonthday", "byyearday"].contains(where: { s.string($0).map { !$0.isEmpty } ?? false }) { continue }
            let dates = { (a: String, b: String) -> [Int] in [a, b].compactMap { s.string($0).flatMap(LocalDateTime.parseDate) } }
            let from = dates("valid_from", "dtstart").max()
            let to = dates("valid_to", "until").min()
            for code in byday.split(separator: ",") {
                guard let day = Weekday(code: code.trimmingWhitespace()) else { continue }
                if closes > opens {
                    slots.append(Slot(weekday: day, opens: opens, closes: closes, validFrom: from, validTo: to))
                } else if closes < opens {
                    // Crosses midnight: open until the end of the day, then on into the next.
                    slots.append(Slot(weekday: day, opens: opens, closes: 1440, validFrom: from, validTo: to))
                    let next = Weekday(rawValue: day.rawValue % 7 + 1)!
                    slots.append(Slot(weekday: next, opens: 0, closes: closes, validFrom: from.map { $0 + 1 }, validTo: to.map { $0 + 1 }))
                }
            }
        }
        self.init(slots: slots)
    }

    public var isEmpty: Bool { slots.isEmpty }

    /// Whether the service is open at `moment`.
    public func isOpen(at moment: LocalDateTime) -> Bool {
        let wd = moment.weekday
        return slots.contains { $0.weekday == wd && $0.opens <= moment.minute && moment.minute < $0.closes && $0.holds(on: moment.day) }
    }

    /// Whether any opening on `weekday` overlaps the span `from..<to` (minutes), on the given day if known.
    public func isOpen(on weekday: Weekday, from: Int, to: Int, day: Int? = nil) -> Bool {
        slots.contains { s in
            s.weekday == weekday && s.opens < max(to, from + 1) && from < s.closes && (day.map { s.holds(on: $0) } ?? true)
        }
    }

    /// The start of the next opening at or after `moment`, looking up to two weeks ahead.
    public func nextOpening(after moment: LocalDateTime) -> (start: LocalDateTime, closes: Int)? {
        for offset in 0..<15 {
            let day = moment.day + offset
            let wd = LocalDateTime(day: day, minute: 0).weekday
            let candidates = slots.filter { $0.weekday == wd && $0.holds(on: day) && (offset > 0 || $0.opens >= moment.minute) }
            if let first = candidates.min(by: { $0.opens < $1.opens }) {
                return (LocalDateTime(day: day, minute: first.opens), first.closes)
            }
        }
        return nil
    }

    /// The opening that `moment` falls in, if any: when it closes.
    public func currentSlot(at moment: LocalDateTime) -> Slot? {
        slots.first { $0.weekday == moment.weekday && $0.opens <= moment.minute && moment.minute < $0.closes && $0.holds(on: moment.day) }
    }
}
