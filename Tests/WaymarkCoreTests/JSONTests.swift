import Foundation
import Testing
import WaymarkCore

struct JSONTests {
    @Test func parsesAndWritesCanonically() throws {
        let v = try JSONParser.parse(#"{"b": [1, 2.50, -3e2], "a": "x\"y\u00e9\n", "c": null, "d": true}"#)
        #expect(v.canonicalString == #"{"a":"x\"yé\n","b":[1,2.50,-3e2],"c":null,"d":true}"#)
        #expect(try JSONParser.parse(v.canonicalString) == v)
    }

    @Test func keepsNumbersAsWritten() throws {
        let v = try JSONParser.parse("[18, 18.0, 1.5e3]")
        #expect(v.arrayValue?.map(\.canonicalString) == ["18", "18.0", "1.5e3"])
    }

    @Test func surrogatePairs() throws {
        #expect(try JSONParser.parse(#""\ud83d\ude00""#) == .string("😀"))
    }

    @Test(arguments: [
        "", "{", "[1,]", "{\"a\" 1}", "tru", "01", "1.", "-", "\"abc", "\"\\x\"", "\"\\ud800\"", "{\"a\":1}}", "[1 2]", "nul",
        "\"\u{01}\"", "1e", "{1:2}",
    ])
    func rejectsMalformed(_ text: String) {
        #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
    }

    /// Errors say where reading stopped; strings with and without escapes read alike.
    @Test func errorOffsetsInStrings() throws {
        func offset(_ bytes: [UInt8]) -> Int? {
            do { _ = try JSONParser.parse(bytes) } catch let e as JSONParseError { return e.offset } catch {}
            return nil
        }
        // Invalid UTF-8 is found once the string is read, just past its closing quote.
        #expect(offset([0x5B, 0x22, 0x61, 0xFF, 0x22, 0x5D]) == 5)
        #expect(offset([0x5B, 0x22, 0x5C, 0x6E, 0xFF, 0x22, 0x5D]) == 6)
        // A control character and an unterminated string, where they are.
        #expect(offset(Array("[\"ab\u{01}\"]".utf8)) == 4)
        #expect(offset(Array("[\"abc".utf8)) == 5)
        #expect(try JSONParser.parse(Array("[\"a\\\"b\", \"c/d\"]".utf8)) == .array([.string("a\"b"), .string("c/d")]))
    }

    @Test func boundsNesting() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(deep) }
    }

    @Test func arbitraryBytesNeverCrash() {
        var rng = SeededRandom(seed: 42)
        let alphabet = Array("{}[]\",:0123456789.eE-+truefalsnul \\u\n".utf8)
        for _ in 0..<5000 {
            let n = Int.random(in: 0..<40, using: &rng)
            let bytes = (0..<n).map { _ in alphabet.randomElement(using: &rng)! }
            _ = try? JSONParser.parse(bytes)
        }
    }

    @Test func roundTripsGeneratedValues() throws {
        var rng = SeededRandom(seed: 7)
        func make(_ depth: Int) -> JSONValue {
            switch Int.random(in: 0..<(depth > 3 ? 4 : 6), using: &rng) {
            case 0: return .null
            case 1: return .bool(Bool.random(using: &rng))
            case 2: return JSONValue(Int.random(in: -1000...1000, using: &rng))
            case 3: return .string(String((0..<Int.random(in: 0..<8, using: &rng)).map { _ in "aé\"\\\n😀z ".randomElement(using: &rng)! }))
            case 4: return .array((0..<Int.random(in: 0..<4, using: &rng)).map { _ in make(depth + 1) })
            default:
                var o = JSONObject()
                for i in 0..<Int.random(in: 0..<4, using: &rng) { o["k\(i)\(Int.random(in: 0..<3, using: &rng))"] = make(depth + 1) }
                return .object(o)
            }
        }
        for _ in 0..<500 {
            let v = make(0)
            #expect(try JSONParser.parse(v.canonicalString) == v)
        }
    }
}

struct CSVTests {
    @Test func readsQuotedFields() throws {
        let rows = try CSV.parse("id,name\r\n1,\"a, \"\"b\"\"\nc\"\n2,plain\n")
        #expect(rows == [["id", "name"], ["1", "a, \"b\"\nc"], ["2", "plain"]])
    }

    @Test func writeThenReadIsIdentity() throws {
        let rows = [["a", "b,c", "say \"hi\"", ""], ["line\nbreak", " padded ", "x", "é"]]
        #expect(try CSV.parse(CSV.write(rows)) == rows)
    }

    @Test func formulasAreWrittenAsTextAndReadBackAsTheyWere() throws {
        let cells = [
            "=HYPERLINK(\"http://evil.example\",\"Click\")", "@SUM(A1:A9)", "+1+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0",
            "\t=1+1", "'=already quoted", "''@twice",
        ]
        let written = CSV.write([cells])
        // Each written cell starts with an apostrophe, so a spreadsheet shows it as text...
        for cell in try CSV.parse(written.replacingOccurrences(of: "'", with: "\u{1}"))[0] {
            #expect(cell.hasPrefix("\u{1}") || cell.hasPrefix("\"\u{1}"), "\(cell)")
        }
        #expect(!written.contains(",=") && !written.hasPrefix("="))
        // ...and reads back exactly as it was.
        #expect(try CSV.parse(written) == [cells])
        // Phone numbers, negative numbers, plain text and apostrophes are written as they are.
        let plain = ["+353 1 555 0101", "-12.5", "(01) 555-0101", "-", "O'Brien", "'quoted'", "a = b"]
        #expect(CSV.write([plain]) == plain.joined(separator: ",") + "\n")
        #expect(try CSV.parse(CSV.write([plain])) == [plain])
    }

    @Test func unclosedQuoteIsAnError() {
        #expect(throws: CSV.ParseError.self) { try CSV.parse("a,\"b\n") }
    }
}
