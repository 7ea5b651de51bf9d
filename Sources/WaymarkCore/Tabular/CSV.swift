import Foundation

/// RFC 4180 comma-separated values: reading with quoted fields, embedded commas, quotes and
/// line breaks; writing that quotes only where needed.
public enum CSV {
    /// A CSV text that cannot be read, with the line where it broke.
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public let line: Int
        public let message: String
        public var description: String { "line \(line): \(message)" }
    }

    /// Reads every row of a CSV text. A byte-order mark is skipped; `\r\n` and `\n` both end rows.
    public static func parse(_ text: String) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        var line = 1
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var i = 0
        var fieldStarted = false
        func endField() {
            let text = String(decoding: field, as: UTF8.self)
            row.append(text.hasPrefix("'") && isGuarded(text.dropFirst()) ? String(text.dropFirst()) : text)
            field.removeAll(keepingCapacity: true)
            fieldStarted = false
        }
        while i < bytes.count {
            let b = bytes[i]
            if inQuotes {
                if b == 0x22 {
                    if i + 1 < bytes.count, bytes[i + 1] == 0x22 {
                        field.append(0x22)
                        i += 2
                        continue
                    }
                    inQuotes = false
                    i += 1
                    if i < bytes.count, ![0x2C, 0x0A, 0x0D].contains(bytes[i]) {
                        throw ParseError(line: line, message: "unexpected character after a closing quote")
                    }
                    continue
                }
                if b == 0x0A { line += 1 }
                field.append(b)
                i += 1
                continue
            }
            switch b {
            case 0x22:
                if !field.isEmpty { throw ParseError(line: line, message: "a quote inside an unquoted field") }
                inQuotes = true
                fieldStarted = true
            case 0x2C:
                endField()
                fieldStarted = true
            case 0x0D:
                break
            case 0x0A:
                endField()
                rows.append(row)
                row = []
                line += 1
            default:
                field.append(b)
                fieldStarted = true
            }
            i += 1
        }
        if inQuotes { throw ParseError(line: line, message: "a quoted field is not closed") }
        if fieldStarted || !field.isEmpty || !row.isEmpty {
            endField()
            rows.append(row)
        }
        return rows.filter { !($0.count == 1 && $0[0].isEmpty) }
    }

    /// Writes rows as CSV with `\n` line ends.
    public static func write(_ rows: [[String]]) -> String {
        var out = ""
        for row in rows {
            out += row.map(escape).joined(separator: ",")
            out += "\n"
        }
        return out
    }

    /// Whether a cell would be run as a formula by a spreadsheet, once any apostrophes in front are
    /// taken off: it starts with `=`, `@`, a tab or a carriage return, or with `+` or `-` followed by
    /// more than a number or phone number (digits, spaces, brackets, dots, dashes, slashes). Such a
    /// cell is written with an apostrophe in front, which spreadsheets show as text (OWASP, "CSV
    /// injection"), and `parse` takes it off again, so an export read back is exactly what was written.
    static func isGuarded(_ field: Substring) -> Bool {
        let rest = field.drop(while: { $0 == "'" }).unicodeScalars
        guard let first = rest.first else { return false }
        switch first {
        case "=", "@", "\t", "\r": return true
        case "+", "-": return !rest.dropFirst().allSatisfy { ("0"..."9").contains($0) || " ().-/".unicodeScalars.contains($0) }
        default: return false
        }
    }

    static func escape(_ field: String) -> String {
        let field = isGuarded(field[...]) ? "'" + field : field
        // Checked on scalars: "\r\n" is a single Character and would slip past a Character comparison.
        if field.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || field.hasPrefix(" ")
            || field.hasSuffix(" ")
        {
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return field
    }
}
