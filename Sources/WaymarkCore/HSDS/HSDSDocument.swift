/// Reading and writing the HSDS exchange formats: JSON (a single record, an array, an API `Page`,
/// or the tabular JSON keyed by CSV file names), ndjson, and the tabular data package (CSV).
public enum HSDSDocument {
    /// Reads a JSON or ndjson file into rows.
    /// - Parameters:
    ///   - bytes: the file's contents.
    ///   - fileName: used in errors and as a hint for the kind of record (`service_list.json`).
    ///   - table: the kind of record, when the caller knows it.
    /// - Returns: the rows, or `[]` for a file that holds no records (API details).
    public static func records(json bytes: [UInt8], fileName: String, table: String? = nil) throws -> [HSDSRecord] {
        let values: [JSONValue]
        do {
            values = [try JSONParser.parse(bytes)]
        } catch let first as JSONParseError {
            // Not one JSON text: try ndjson, and report the first error if that fails too.
            guard let many = try? JSONParser.parseSequence(bytes), many.count > 1 else {
                // If it looks like ndjson, name the first line that is not JSON.
                let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
                if lines.filter({ !$0.allSatisfy { $0 == 0x20 || $0 == 0x0D || $0 == 0x09 } }).count > 1 {
                    for (n, line) in lines.enumerated() where !line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) {
                        do { _ = try JSONParser.parse(Array(line)) } catch let e as JSONParseError {
                            throw HSDSError(file: fileName, record: "line \(n + 1)", message: e.description)
                        }
                    }
                }
                throw HSDSError(file: fileName, record: "the file", message: first.description)
            }
            values = many
        }
        var flattener = HSDSFlattener()
        do {
            if values.count == 1 {
                try add(values[0], fileName: fileName, table: table, path: "", to: &flattener)
            } else {
                for (i, v) in values.enumerated() {
                    try add(v, fileName: fileName, table: table, path: "line \(i + 1)", to: &flattener)
                }
            }
        } catch var error as HSDSError {
            error.file = fileName
            throw error
        }
        return flattener.records
    }

    private static func add(_ value: JSONValue, fileName: String, table: String?, path: String, to flattener: inout HSDSFlattener) throws {
        switch value {
        case .array(let items):
            for (i, item) in items.enumerated() {
                let p = path.isEmpty ? "[\(i)]" : "\(path)[\(i)]"
                try flattener.add(item, table: try kind(of: item, fileName: fileName, table: table, path: p), path: p)
            }
        case .object(let object):
            if let contents = object["contents"]?.arrayValue, object["total_items"] != nil || object["page_number"] != nil {
                for (i, item) in contents.enumerated() {
                    let p = (path.isEmpty ? "" : path + ".") + "contents[\(i)]"
                    try flattener.add(item, table: try kind(of: item, fileName: fileName, table: table, path: p), path: p)
                }
            } else if object.keys.contains(where: { $0.hasSuffix(".csv") }) {
                for (key, rows) in object {
                    guard let tableName = tableForFile(key) else {
                        throw HSDSError(record: key, message: "not an HSDS 3.0 tabular file name")
                    }
                    guard let items = rows.arrayValue else { throw HSDSError(record: key, message: "expected an array of rows") }
                    for (i, item) in items.enumerated() { try flattener.add(item, table: tableName, path: "\(key)[\(i)]") }
                }
            } else if object["id"] == nil, object["openapi_url"] != nil || object["version"] != nil {
                return  // API details (`base.json`): describes an API, holds no records
            } else {
                let p = path.isEmpty ? "the record" : path
                try flattener.add(value, table: try kind(of: value, fileName: fileName, table: table, path: p), path: p)
            }
        default:
            throw HSDSError(record: path.isEmpty ? "the file" : path, message: "expected a JSON object or array")
        }
    }

    /// The HSDS table for the tabular file name `organizations.csv` (or the table name itself).
    public static func tableForFile(_ name: String) -> String? {
        let base = name.split(separator: "/").last.map(String.init) ?? name
        if let hit = HSDSSchema.tabularFileNames.first(where: { $0.value == base }) { return hit.key }
        let stem = base.hasSuffix(".csv") ? String(base.dropLast(4)) : base
        return HSDSSchema.tables[stem] != nil ? stem : nil
    }

    /// Decides which HSDS table a top-level JSON object belongs to.
    static func kind(of value: JSONValue, fileName: String, table: String?, path: String) throws -> String {
        if let table { return table }
        let base = (fileName.split(separator: "/").last.map(String.init) ?? fileName).lowercased()
        for (prefix, t) in [
            ("service_at_location", "service_at_location"), ("taxonomy_term", "taxonomy_term"), ("taxonomy", "taxonomy"),
            ("organization", "organization"), ("location", "location"), ("service", "service"),
        ] where base.hasPrefix(prefix) {
            return t
        }
        guard case .object(let o) = value else { throw HSDSError(record: path, message: "expected a JSON object") }
        if o["location_type"] != nil { return "location" }
        if o["status"] != nil || o["service_at_locations"] != nil || o["eligibility_description"] != nil { return "service" }
        if o["services"] != nil || o["organization_identifiers"] != nil || o["year_incorporated"] != nil { return "organization" }
        if o["location"] != nil || (o["service_id"] != nil && o["location_id"] != nil && o["name"] == nil) { return "service_at_location" }
        if o["taxonomy_detail"] != nil || o["parent_id"] != nil || o["taxonomy_id"] != nil || o["code"] != nil { return "taxonomy_term" }
        if o["version"] != nil && o["name"] != nil { return "taxonomy" }
        if o["name"] != nil && o["description"] != nil { return "organization" }
        throw HSDSError(
            record: path, message: "cannot tell which HSDS record this is; name the file after it (services.json) or pass --table"
        )
    }

    /// Reads the CSV files of a tabular data package into rows.
    /// - Parameter files: table name to the text of its CSV file.
    public static func records(tabular files: [(table: String, fileName: String, text: String)]) throws -> [HSDSRecord] {
        var out: [HSDSRecord] = []
        for file in files {
            guard let table = HSDSSchema.tables[file.table] else {
                throw HSDSError(file: file.fileName, record: "the file", message: "'\(file.table)' is not an HSDS 3.0 table")
            }
            let rows: [[String]]
            do { rows = try CSV.parse(file.text) } catch let e as CSV.ParseError {
                throw HSDSError(file: file.fileName, record: "line \(e.line)", message: e.message)
            }
            guard let header = rows.first else { continue }
            for (n, row) in rows.dropFirst().enumerated() {
                let where_ = "line \(n + 2)"
                guard row.count == header.count else {
                    throw HSDSError(
                        file: file.fileName, record: where_, message: "has \(row.count) fields but the header has \(header.count)")
                }
                var fields = JSONObject()
                for (name, cell) in zip(header, row) where !cell.isEmpty {
                    do {
                        fields[name] = try HSDSFlattener.normalise(.string(cell), field: name, table: table, record: where_)
                    } catch var e as HSDSError {
                        e.file = file.fileName
                        throw e
                    }
                }
                let id = fields["id"]?.stringValue ?? ""
                let label = id.isEmpty ? where_ : "\(where_) (\(table.name) \(id))"
                for field in table.required where fields[field] == nil {
                    throw HSDSError(file: file.fileName, record: label, field: field, message: "is required by HSDS 3.0 for \(table.name)")
                }
                out.append(HSDSRecord(table: table.name, id: id, fields: fields))
            }
        }
        return out
    }

    /// Writes rows as CSV files, one per table that has rows, with the specification's columns first.
    /// - Returns: file name to CSV text, and the `datapackage.json` describing them.
    public static func tabular(_ records: [HSDSRecord]) -> [(fileName: String, text: String)] {
        var byTable: [String: [HSDSRecord]] = [:]
        for r in records { byTable[r.table, default: []].append(r) }
        var files: [(String, String)] = []
        var resources: [JSONValue] = []
        for tableName in HSDSSchema.tableOrder {
            guard let rows = byTable[tableName]?.sorted(by: { $0.id < $1.id }), !rows.isEmpty,
                let table = HSDSSchema.tables[tableName], let fileName = HSDSSchema.tabularFileNames[tableName]
            else { continue }
            var columns = table.fields
            var extra = Set<String>()
            for r in rows { for (k, v) in r.fields where !table.fields.contains(k) && scalar(v) != nil { extra.insert(k) } }
            columns += extra.sorted()
            var lines: [[String]] = [columns]
            for r in rows { lines.append(columns.map { r.fields[$0].flatMap(scalar) ?? "" }) }
            files.append((fileName, CSV.write(lines)))
            resources.append(
                .object(JSONObject([("name", .string(tableName)), ("path", .string(fileName)), ("profile", .string("tabular-data-resource"))])))
        }
        let package = JSONValue.object(
            JSONObject([
                ("name", .string("hsds-export")), ("profile", .string("tabular-data-package")),
                ("resources", .array(resources)),
            ]))
        files.append(("datapackage.json", JSONWriter().string(package) + "\n"))
        return files
    }

    private static func scalar(_ v: JSONValue) -> String? {
        switch v {
        case .string(let s): return s
        case .number(let n): return n
        case .bool(let b): return b ? "true" : "false"
        default: return nil
        }
    }

    /// The tabular JSON form (`examples/tabular.json`): every row, keyed by CSV file name.
    public static func tabularJSON(_ records: [HSDSRecord]) -> JSONValue {
        var byTable: [String: [HSDSRecord]] = [:]
        for r in records { byTable[r.table, default: []].append(r) }
        var out = JSONObject()
        for tableName in HSDSSchema.tableOrder {
            guard let rows = byTable[tableName], !rows.isEmpty, let fileName = HSDSSchema.tabularFileNames[tableName] else { continue }
            let sorted = rows.sorted { $0.id < $1.id }
            out[fileName] = .array(sorted.map { .object($0.orderedFields) })
        }
        return .object(out)
    }
}
