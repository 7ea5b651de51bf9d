import Foundation

/// A posted `multipart/form-data` body (RFC 7578), as a file upload sends it: each part's field
/// name, file name and type when it is a file, and its bytes. Pure: parts are read from bytes.
struct Multipart {
    struct Part: Equatable {
        var name: String
        var filename: String?
        var contentType: String?
        var data: [UInt8]
    }

    struct Problem: Error, Equatable {
        let reason: String
    }

    /// The boundary of a `multipart/form-data; boundary=…` content type.
    static func boundary(contentType: String) -> String? {
        let parts = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.first?.lowercased() == "multipart/form-data" else { return nil }
        for p in parts.dropFirst() where p.lowercased().hasPrefix("boundary=") {
            var b = String(p.dropFirst("boundary=".count))
            if b.hasPrefix("\""), b.hasSuffix("\""), b.count >= 2 { b = String(b.dropFirst().dropLast()) }
            return (1...70).contains(b.utf8.count) ? b : nil
        }
        return nil
    }

    static func parse(_ body: [UInt8], boundary: String) throws -> [Part] {
        let delimiter = Array("--\(boundary)".utf8)
        guard var at = find(delimiter, in: body, from: 0) else { throw Problem(reason: "no parts") }
        var parts: [Part] = []
        let crlf: [UInt8] = [13, 10]
        while true {
            at += delimiter.count
            // "--" after a delimiter ends the body.
            if body.count >= at + 2, body[at] == 45, body[at + 1] == 45 { return parts }
            guard body.count >= at + 2, body[at] == 13, body[at + 1] == 10 else { throw Problem(reason: "a delimiter is not followed by a line end") }
            at += 2
            guard let headerEnd = find([13, 10, 13, 10], in: body, from: at) else { throw Problem(reason: "a part has no end to its headers") }
            let headers = String(decoding: body[at..<headerEnd], as: UTF8.self)
            let contentStart = headerEnd + 4
            guard let next = find(crlf + delimiter, in: body, from: contentStart) else { throw Problem(reason: "a part is not closed") }
            var part = Part(name: "", filename: nil, contentType: nil, data: Array(body[contentStart..<next]))
            for line in headers.split(separator: "\r\n") {
                let kv = line.split(separator: ":", maxSplits: 1)
                guard kv.count == 2 else { continue }
                let key = kv[0].trimmingCharacters(in: .whitespaces).lowercased()
                let value = kv[1].trimmingCharacters(in: .whitespaces)
                if key == "content-disposition" {
                    part.name = parameter("name", in: value) ?? ""
                    part.filename = parameter("filename", in: value)
                } else if key == "content-type" {
                    part.contentType = value
                }
            }
            parts.append(part)
            at = next + 2
            guard parts.count <= 64 else { throw Problem(reason: "too many parts") }
        }
    }

    /// A quoted or bare parameter of a header value (`name="x"`).
    static func parameter(_ name: String, in value: String) -> String? {
        for p in value.split(separator: ";").dropFirst() {
            let kv = p.split(separator: "=", maxSplits: 1)
            guard kv.count == 2, kv[0].trimmingCharacters(in: .whitespaces).lowercased() == name else { continue }
            var v = kv[1].trimmingCharacters(in: .whitespaces)
            if v.hasPrefix("\""), v.hasSuffix("\""), v.count >= 2 { v = String(v.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"") }
            return v
        }
        return nil
    }

    static func find(_ needle: [UInt8], in hay: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, hay.count >= needle.count else { return nil }
        var i = start
        let last = hay.count - needle.count
        while i <= last {
            if hay[i] == first {
                var j = 1
                while j < needle.count, hay[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
