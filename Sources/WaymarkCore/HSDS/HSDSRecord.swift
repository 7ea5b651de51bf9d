/// One row of an HSDS table: the record's own fields, with nested records replaced by their
/// foreign keys. This is the unit Waymark stores, signs and replicates.
public struct HSDSRecord: Sendable, Hashable {
    public let table: String
    public let id: String
    /// The row's own members: scalars, foreign keys, and any extension members kept as they came.
    public var fields: JSONObject

    public init(table: String, id: String, fields: JSONObject) {
        self.table = table
        self.id = id
        self.fields = fields
    }

    public init(table: String, fields: JSONObject) throws {
        guard let id = fields["id"]?.stringValue, !id.isEmpty else {
            throw HSDSError(record: table, field: "id", message: "every record needs a non-empty string id")
        }
        self.init(table: table, id: id, fields: fields)
    }

    public subscript(field: String) -> JSONValue? { fields[field] }

    public func string(_ field: String) -> String? {
        guard let v = fields[field] else { return nil }
        switch v {
        case .string(let s): return s
        case .number(let n): return n
        default: return nil
        }
    }

    public func double(_ field: String) -> Double? { fields[field]?.doubleValue }

    /// The record's members as HSDS writes them: the specification's fields in schema order, then any
    /// extension members by name. The API, the assembler and the tabular JSON export all use it.
    public var orderedFields: JSONObject {
        var o = JSONObject()
        for f in HSDSSchema.tables[table]?.fields ?? [] { if let v = fields[f] { o[f] = v } }
        for k in fields.keys.sorted() where o[k] == nil { o[k] = fields[k] }
        return o
    }

    /// The record's JSON, with its members in the canonical order.
    public var canonicalBytes: [UInt8] { JSONValue.object(fields).canonicalBytes }

    /// The foreign keys the record links through: (field, value) for each foreign-key field of its
    /// table that holds a non-empty text, in the schema's order.
    public var foreignKeys: [(field: String, value: String)] {
        HSDSSchema.foreignKeyFields(of: table).compactMap { field in
            guard let value = string(field), !value.isEmpty else { return nil }
            return (field, value)
        }
    }
}

/// What is wrong with a piece of HSDS data: where it is, which field, and why.
public struct HSDSError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file being read, when there is one.
    public var file: String?
    /// The record, as a path such as `services[3] (id 1d7a…)` or `phone.csv line 4`.
    public var record: String
    public var field: String?
    public var message: String

    public init(file: String? = nil, record: String, field: String? = nil, message: String) {
        self.file = file
        self.record = record
        self.field = field
        self.message = message
    }

    public var description: String {
        var parts: [String] = []
        if let file { parts.append(file) }
        parts.append(record)
        if let field { parts.append("field '\(field)'") }
        return parts.joined(separator: ": ") + ": " + message
    }
}
