/// Directory row ids bound to the organisation that publishes them (`Protocol/SPEC.md` §3.2).
///
/// A clock is whatever its signer says, so between two members' claims to one row id no clock rule
/// can tell which came first. Instead, an organisation's rows carry ids that only its key may publish:
/// a UUID of version 8 whose first 72 bits are the first 9 bytes of the publisher's signing key,
///
///     kkkkkkkk-kkkk-8kkk-8kkk-llllllllllll     (k: the key's first 18 hex digits, l: 48 bits of the row's own)
///
/// An envelope for a row whose id has this form is refused (`not-owner`) unless its author's key
/// starts with those digits, and so is a row that names, in `organization_id`, an organisation whose id
/// is another key's. Finding a second key with the same 72 bits would take about 2^72 key generations.
///
/// The shared vocabulary (`taxonomy`, `taxonomy_term`) is referred to by every organisation's rows
/// and keeps the ids it was published with; so do rows published before this rule (their claims
/// follow the earliest-claim rule of `DirectoryFold`).
public enum RowNamespace {
    /// Tables whose rows are shared by every organisation and keep their ids.
    public static let sharedTables: Set<String> = ["taxonomy", "taxonomy_term"]

    /// Where the key's digits sit in the id's 36 characters (the version and variant digits, both `8`,
    /// sit at 14 and 19).
    static let keyPositions: [Int] = Array(0..<8) + Array(9..<13) + Array(15..<18) + Array(20..<23)

    /// The 18 lower-case hex digits (as UTF-8) of `author`'s first 9 bytes: what ids in its namespace carry.
    public static func keyDigits(of author: [UInt8]) -> [UInt8] {
        precondition(author.count >= 9, "a signing key has 32 bytes")
        return Array(hexString(Array(author.prefix(9))).utf8)
    }

    /// An id in `author`'s namespace with `local` (its low 48 bits) as the row's own part.
    public static func id(author: [UInt8], local: UInt64) -> String {
        let k = keyDigits(of: author)
        var l = String(local & 0xFFFF_FFFF_FFFF, radix: 16)
        l = String(repeating: "0", count: 12 - l.count) + l
        func s(_ r: Range<Int>) -> String { String(decoding: k[r], as: UTF8.self) }
        return "\(s(0..<8))-\(s(8..<12))-8\(s(12..<15))-8\(s(15..<18))-\(l)"
    }

    /// The first 9 bytes of the key whose namespace `id` is in, as 18 lower-case hex digits, or `nil`
    /// if `id` is not in any namespace (another form of id, or upper-case digits).
    public static func keyPrefix(of id: String) -> [UInt8]? {
        let c = Array(id.utf8)
        guard c.count == 36, c[8] == 0x2D, c[13] == 0x2D, c[18] == 0x2D, c[23] == 0x2D, c[14] == 0x38, c[19] == 0x38 else { return nil }
        for (i, b) in c.enumerated() where i != 8 && i != 13 && i != 18 && i != 23 {
            guard (0x30...0x39).contains(b) || (0x61...0x66).contains(b) else { return nil }
        }
        return keyPositions.map { c[$0] }
    }

    /// Whether `id` is in some namespace.
    public static func isNamespaced(_ id: String) -> Bool { keyPrefix(of: id) != nil }

    /// Whether `author` may publish a row with this id: any id that is in no namespace, or one in its own.
    public static func mayPublish(_ id: String, author: [UInt8]) -> Bool { mayPublish(id, digits: keyDigits(of: author)) }

    static func mayPublish(_ id: String, digits: [UInt8]) -> Bool { keyPrefix(of: id).map { $0 == digits } ?? true }

    /// Why `author` may not publish this directory payload, or `nil` if it may: the row's id, or the
    /// organisation a record names, is in another key's namespace.
    public static func problem(_ payload: DirectoryPayload, author: [UInt8]) -> String? {
        let digits = keyDigits(of: author)
        if !mayPublish(payload.id, digits: digits) {
            return "\(payload.table) \(payload.id) is in the namespace of another organisation's key; only that organisation may publish or delete it"
        }
        if let org = payload.fields?["organization_id"]?.stringValue, !mayPublish(org, digits: digits) {
            return "\(payload.table) \(payload.id) names organisation \(org), whose id is another organisation's; a record may only name its own publisher's organisation"
        }
        return nil
    }

    /// The id an imported row gets in `author`'s namespace: its own id if already there, else one
    /// derived from the id it came with, so that importing the same data again changes the same rows.
    public static func adoptedID(_ id: String, author: [UInt8]) -> String {
        if let prefix = keyPrefix(of: id), prefix == keyDigits(of: author) { return id }
        // FNV-1a, 64 bits, over the original id; the low 48 bits are kept.
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in "waymark-row:\(id)".utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return Self.id(author: author, local: h)
    }

    /// The problem when two rows of one table would get the same id.
    public struct Collision: Error, Sendable, Equatable, CustomStringConvertible {
        public let table: String
        public let first: String
        public let second: String
        public var description: String {
            "\(table) rows \(first) and \(second) would get the same id in this organisation's namespace; give one of them another id"
        }
    }

    /// Moves imported rows into `author`'s namespace: every row of a table that is not shared gets its
    /// `adoptedID`, and every field that refers to one of those rows (`id`, and fields named `…_id`) is
    /// changed to match. Rows of the shared tables, and references to rows not in `records`, are kept.
    public static func adopt(_ records: [HSDSRecord], author: [UInt8]) throws -> [HSDSRecord] {
        var renamed: [String: String] = [:]
        var taken: [RowKey: String] = [:]
        for r in records where !sharedTables.contains(r.table) {
            let new = adoptedID(r.id, author: author)
            if let other = taken[RowKey(table: r.table, id: new)], !RowKey.sameBytes(other, r.id) {
                throw Collision(table: r.table, first: other, second: r.id)
            }
            taken[RowKey(table: r.table, id: new)] = r.id
            renamed[r.id] = new
        }
        return records.map { r in
            if sharedTables.contains(r.table) { return r }
            var fields = r.fields
            for (key, value) in r.fields where key == "id" || key.hasSuffix("_id") {
                if let old = value.stringValue, let new = renamed[old] { fields[key] = .string(new) }
            }
            return HSDSRecord(table: r.table, id: renamed[r.id] ?? r.id, fields: fields)
        }
    }
}
