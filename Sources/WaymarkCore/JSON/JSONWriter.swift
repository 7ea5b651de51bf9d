/// Writes `JSONValue`s as compact UTF-8 JSON.
///
/// With `sortedKeys` the output is canonical: members in byte order of their names, no
/// insignificant whitespace, numbers as stored. Equal values give equal bytes.
public struct JSONWriter {
    public var sortedKeys: Bool

    public init(sortedKeys: Bool = false) { self.sortedKeys = sortedKeys }

    public func bytes(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(value, into: &out)
        return out
    }

    public func string(_ value: JSONValue) -> String {
        String(decoding: bytes(value), as: UTF8.self)
    }

    public func write(_ value: JSONValue, into out: inout [UInt8]) {
        // Each case is its own function: in unoptimised builds one large `switch` frame per level
        // of nesting can exhaust a small thread stack on deeply nested documents.
        switch value {
        case .null: out.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
        case .bool(let b): out.append(contentsOf: b ? Array("true".utf8) : Array("false".utf8))
        case .number(let n): out.append(contentsOf: n.utf8)
        case .string(let s): Self.writeString(s, into: &out)
        case .array(let a): writeArray(a, into: &out)
        case .object(let o): writeObject(o, into: &out)
        }
    }

    @inline(never)
    private func writeArray(_ a: [JSONValue], into out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        var first = true
        for v in a {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            write(v, into: &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    @inline(never)
    private func writeObject(_ o: JSONObject, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        let keys = sortedKeys ? o.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) } : o.keys
        var first = true
        for k in keys {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            Self.writeString(k, into: &out)
            out.append(UInt8(ascii: ":"))
            write(o[k]!, into: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): out.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x00..<0x20:
                out.append(contentsOf: [0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(b >> 4)], hex[Int(b & 0xF)]])
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

extension JSONValue {
    /// Canonical bytes: sorted members, compact.
    public var canonicalBytes: [UInt8] { JSONWriter(sortedKeys: true).bytes(self) }
    /// Canonical text: sorted members, compact.
    public var canonicalString: String { JSONWriter(sortedKeys: true).string(self) }
}
