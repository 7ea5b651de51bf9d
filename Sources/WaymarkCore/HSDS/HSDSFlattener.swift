/// Turns nested HSDS JSON (as the API and the specification's examples write it) into rows.
///
/// Nested records get the foreign key of the record that holds them, attributes get `link_id`
/// and `link_entity`, metadata gets `resource_id` and `resource_type`. The same record met twice
/// (an organisation nested in each of its services) is merged into one row.
public struct HSDSFlattener: Sendable {
    public private(set) var records: [HSDSRecord] = []
    private var positions: [RecordKey: Int] = [:]

    struct RecordKey: Hashable {
        let table: String
        let id: String
    }

    public init() {}

    /// Adds one entity and everything nested in it.
    /// - Parameters:
    ///   - value: the JSON object of a record of `table`.
    ///   - table: the HSDS table name, e.g. `"service"`.
    ///   - path: how to name this record in errors, e.g. `"contents[4]"`.
    public mutating func add(_ value: JSONValue, table: String, path: String) throws {
        _ = try flatten(value, table: table, path: path)
    }

    @discardableResult
    private mutating func flatten(_ value: JSONValue, table tableName: String, path: String) throws -> String {
        guard let table = HSDSSchema.tables[tableName] else {
            throw HSDSError(record: path, message: "unknown HSDS table '\(tableName)'")
        }
        guard case .object(let object) = value else {
            throw HSDSError(record: path, message: "expected a JSON object for a \(tableName) record")
        }
        guard let id = object["id"]?.stringValue, !id.trimmingWhitespace().isEmpty else {
            throw HSDSError(record: path, field: "id", message: "a \(tableName) record needs a non-empty string id")
        }
        let here = "\(path) (\(tableName) \(id))"
        var fields = JSONObject()
        var nested: [(HSDSSchema.Nest, JSONValue)] = []
        let nestsByKey = Dictionary(uniqueKeysWithValues: table.nests.map { ($0.key, $0) })
        for (key, member) in object {
            if let nest = nestsByKey[key] {
                nested.append((nest, member))
                continue
            }
            fields[key] = try Self.normalise(member, field: key, table: table, record: here)
        }
        for field in table.required where fields[field] == nil || fields[field] == .null {
            throw HSDSError(record: here, field: field, message: "is required by HSDS 3.0 for \(tableName)")
        }
        for (nest, member) in nested {
            switch nest.link {
            case .reference(let childTable, let referenceField):
                if member.isNull { continue }
                let childID = try flatten(member, table: childTable, path: "\(here).\(nest.key)")
                if fields[referenceField] == nil || fields[referenceField] == .null { fields[referenceField] = .string(childID) }
            case .children(let childTable, let foreignKey):
                if member.isNull { continue }
                guard case .array(let items) = member else {
                    throw HSDSError(record: here, field: nest.key, message: "expected an array of \(childTable) records")
                }
                for (i, item) in items.enumerated() {
                    guard case .object(var child) = item else {
                        throw HSDSError(record: "\(here).\(nest.key)[\(i)]", message: "expected a JSON object for a \(childTable) record")
                    }
                    if child[foreignKey] == nil || child[foreignKey] == .null { child[foreignKey] = .string(id) }
                    if childTable == "attribute", child["link_entity"] == nil { child["link_entity"] = .string(tableName) }
                    if childTable == "metadata", child["resource_type"] == nil { child["resource_type"] = .string(tableName) }
                    try flatten(.object(child), table: childTable, path: "\(here).\(nest.key)[\(i)]")
                }
            }
        }
        insert(HSDSRecord(table: tableName, id: id, fields: fields))
        return id
    }

    private mutating func insert(_ record: HSDSRecord) {
        let key = RecordKey(table: record.table, id: record.id)
        if let at = positions[key] {
            var merged = records[at]
            for (k, v) in record.fields where merged.fields[k] == nil || merged.fields[k] == .null {
                merged.fields[k] = v
            }
            records[at] = merged
        } else {
            positions[key] = records.count
            records.append(record)
        }
    }

    /// Checks and normalises one scalar member: numbers written as numeric strings become numbers,
    /// enumerations must hold one of their values, and known fields cannot hold objects or arrays.
    public static func normalise(_ value: JSONValue, field: String, table: HSDSSchema.Table, record: String) throws -> JSONValue {
        guard table.fields.contains(field) else { return value }  // extension members are kept as they are
        switch value {
        case .null:
            return value
        case .array, .object:
            throw HSDSError(record: record, field: field, message: "must be a single value, not an object or array")
        default:
            break
        }
        if table.numberFields.contains(field) {
            // Numbers must be finite and of a sane size: ages of 1e19 or "nan" would break every reader.
            if let d = value.doubleValue, !d.isFinite || abs(d) > 1e12 {
                throw HSDSError(record: record, field: field, message: "must be a finite number of reasonable size")
            }
            switch value {
            case .number: return value
            case .string(let s):
                let t = s.trimmingWhitespace()
                if t.isEmpty { return .null }
                guard Double(t) != nil, (try? JSONParser.parse(t)).map({ if case .number = $0 { true } else { false } }) == true else {
                    throw HSDSError(record: record, field: field, message: "must be a number, got '\(s)'")
                }
                return .number(t)
            default:
                throw HSDSError(record: record, field: field, message: "must be a number")
            }
        }
        let text: String
        switch value {
        case .string(let s): text = s
        case .number(let n): text = n
        case .bool(let b): text = b ? "true" : "false"
        default: text = ""
        }
        if let allowed = table.enums[field], !allowed.contains(text) {
            throw HSDSError(record: record, field: field, message: "must be one of \(allowed.joined(separator: ", ")), got '\(text)'")
        }
        return .string(text)
    }
}
