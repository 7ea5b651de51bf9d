/// A wall-clock moment in the directory's time zone (Europe/Dublin), as a day number and a minute.
///
/// The core never reads a clock: the shell converts "now" to a `LocalDateTime` and passes it in.
public struct LocalDateTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public var day: Int
    /// Minutes since local midnight, 0..<1440.
    public var minute: Int

    public init(day: Int, minute: Int) {
        self.day = day + Int((Double(minute) / 1440).rounded(.down))
        self.minute = ((minute % 1440) + 1440) % 1440
    }

    /// A moment from a civil date and time.
    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0) {
        self.init(day: Self.dayNumber(year: year, month: month, day: day), minute: hour * 60 + minute)
    }

    /// Parses `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS]`.
    public init?(iso text: String) {
        let parts = text.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first, let date = Self.parseDate(first) else { return nil }
        var minute = 0
        if parts.count == 2 {
            let time = parts[1]
            guard !time.contains(where: { $0 == "Z" || $0 == "z" || $0 == "+" || $0 == "-" }), let m = Self.parseTime(time), m < 1440 else {
                return nil
            }
            minute = m
        }
        self.init(day: date, minute: minute)
    }

    public var weekday: Weekday { Weekday(rawValue: ((day % 7 + 7 + 3) % 7) + 1)! }  // 1970-01-01 was a Thursday

    public var date: (year: Int, month: Int, day: Int) { Self.civil(day) }

    public var dateString: String {
        let (y, m, d) = date
        return "\(y)-\(Self.pad(m))-\(Self.pad(d))"
    }

    public var timeString: String { "\(Self.pad(minute / 60)):\(Self.pad(minute % 60))" }

    public var description: String { "\(dateString)T\(timeString)" }

    public static func < (a: LocalDateTime, b: LocalDateTime) -> Bool { (a.day, a.minute) < (b.day, b.minute) }

    static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// Parses `HH:MM`, `HH:MM:SS` or `HHMM` (with an optional trailing `Z` or offset, which is ignored:
    /// HSDS times are local to the service).
    public static func parseTime(_ text: String) -> Int? {
        var t = Substring(text.trimmingWhitespace())
        if let cut = t.firstIndex(where: { $0 == "Z" || $0 == "+" || ($0 == "-") }) { t = t[..<cut] }
        let pieces = t.split(separator: ":")
        let h: Int?
        let m: Int?
        if pieces.count >= 2 {
            h = Int(pieces[0])
            m = Int(pieces[1])
        } else if t.count == 4 {
            h = Int(t.prefix(2))
            m = Int(t.suffix(2))
        } else {
            return nil
        }
        guard let h, let m, (0...24).contains(h), (0..<60).contains(m), h * 60 + m <= 1440 else { return nil }
        return h * 60 + m
    }

    /// Parses `YYYY-MM-DD` (or the date part of a date-time) into a day number.
    public static func parseDate(_ text: String) -> Int? {
        let head = text.trimmingWhitespace().prefix(10)
        let p = head.split(separator: "-")
        guard p.count == 3, p[0].count == 4, let y = Int(p[0]), let m = Int(p[1]), let d = Int(p[2]),
            (1...12).contains(m), (1...31).contains(d)
        else { return nil }
        let n = dayNumber(year: y, month: m, day: d)
        // 2026-02-30 is not a day: refuse it rather than roll it into March.
        guard civil(n) == (y, m, d) else { return nil }
        return n
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date.
    public static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civil(_ dayNumber: Int) -> (Int, Int, Int) {
        let z = dayNumber + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}

/// A day of the week, numbered as ISO 8601 does (Monday is 1), with its RFC 5545 code.
public enum Weekday: Int, Sendable, CaseIterable, Comparable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    public init?(code: String) {
        switch code.uppercased() {
        case "MO": self = .monday
        case "TU": self = .tuesday
        case "WE": self = .wednesday
        case "TH": self = .thursday
        case "FR": self = .friday
        case "SA": self = .saturday
        case "SU": self = .sunday
        default: return nil
        }
    }

    /// Accepts RFC 5545 codes and English day names (`monday`, `Mon`), as the Open Referral UK `day` parameter does.
    public init?(name: String) {
        let n = name.trimmingWhitespace().lowercased()
        if let c = Weekday(code: String(n.prefix(2))), n.count == 2 {
            self = c
            return
        }
        guard n.count >= 3, let hit = Weekday.allCases.first(where: { $0.englishName.lowercased().hasPrefix(n) }) else { return nil }
        self = hit
    }

    public var code: String { ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][rawValue - 1] }
    public var englishName: String { ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][rawValue - 1] }

    public static func < (a: Weekday, b: Weekday) -> Bool { a.rawValue < b.rawValue }
}
