/// Strict ISO 8601 / RFC 3339 timestamps: `YYYY-MM-DD` (midnight UTC) or
/// `YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH:MM)`, as absolute seconds since 1970.
public enum Timestamp {
    /// Seconds since 1970-01-01T00:00:00Z, or `nil` for text that is not a real date and time
    /// (`2026-02-30`, `25:00` and a missing offset on a date-time are all refused).
    public static func seconds(_ text: String) -> Int? {
        let t = Array(text.trimmingWhitespace().utf8)
        guard t.count >= 10, let day = LocalDateTime.parseDate(String(decoding: t[0..<10], as: UTF8.self)) else { return nil }
        if t.count == 10 { return day * 86400 }
        guard t[10] == UInt8(ascii: "T") || t[10] == UInt8(ascii: " "), t.count >= 17 else { return nil }
        func two(_ i: Int) -> Int? {
            guard i + 1 < t.count, (48...57).contains(t[i]), (48...57).contains(t[i + 1]) else { return nil }
            return Int(t[i] - 48) * 10 + Int(t[i + 1] - 48)
        }
        guard let h = two(11), t[13] == UInt8(ascii: ":"), let m = two(14), h < 24, m < 60 else { return nil }
        var i = 16
        var s = 0
        if i < t.count, t[i] == UInt8(ascii: ":") {
            guard let sec = two(i + 1), sec < 61 else { return nil }
            s = sec
            i += 3
            if i < t.count, t[i] == UInt8(ascii: ".") {
                i += 1
                let start = i
                while i < t.count, (48...57).contains(t[i]) { i += 1 }
                guard i > start else { return nil }
            }
        }
        guard i < t.count else { return nil }
        var offset = 0
        if t[i] == UInt8(ascii: "Z") || t[i] == UInt8(ascii: "z") {
            i += 1
        } else if t[i] == UInt8(ascii: "+") || t[i] == UInt8(ascii: "-") {
            let sign = t[i] == UInt8(ascii: "-") ? -1 : 1
            guard let oh = two(i + 1), i + 3 < t.count, t[i + 3] == UInt8(ascii: ":"), let om = two(i + 4), oh < 24, om < 60 else { return nil }
            offset = sign * (oh * 3600 + om * 60)
            i += 6
        } else {
            return nil
        }
        guard i == t.count else { return nil }
        return day * 86400 + h * 3600 + m * 60 + s - offset
    }
}
