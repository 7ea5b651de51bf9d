/// Where the assembler finds rows: the store in a node, a dictionary in tests.
public protocol HSDSRowSource {
    /// The row of `table` with this id, if there is one.
    func record(table: String, id: String) -> HSDSRecord?
    /// The rows of `table` whose `foreignKey` field holds `value`, in a stable order.
    func records(table: String, foreignKey: String, value: String) -> [HSDSRecord]
}

/// Builds the nested JSON of an entity from rows, in the shapes of `schema/compiled/*.json`.
public struct HSDSAssembler<Source: HSDSRowSource> {
    public let source: Source

    public init(source: Source) { self.source = source }

    /// How much to nest.
    public enum Depth: Sendable {
        /// Every nested record the compiled schema allows, without cycles.
        case full
        /// Only the record's own fields plus its to-one references without their children
        /// (the `*_list.json` shapes).
        case list
    }

    /// The JSON object of `record` with its nested records.
    public func assemble(_ record: HSDSRecord, depth: Depth = .full, excluding keys: Set<String> = []) -> JSONObject {
        assemble(record, path: [record.table], level: 0, depth: depth, excluding: keys)
    }

    private func assemble(_ record: HSDSRecord, path: Set<String>, level: Int, depth: Depth, excluding: Set<String> = []) -> JSONObject {
        guard let table = HSDSSchema.tables[record.table] else { return record.fields }
        var out = record.orderedFields
        for nest in table.nests where !path.contains(nest.table) && !excluding.contains(nest.key) {
            switch nest.link {
            case .reference(let childTable, let referenceField):
                guard let ref = record.string(referenceField), let child = source.record(table: childTable, id: ref) else { continue }
                switch depth {
                case .list:
                    if level == 0 { out[nest.key] = .object(child.orderedFields) }
                case .full:
                    out[nest.key] = .object(assemble(child, path: path.union([childTable]), level: level + 1, depth: depth))
                }
            case .children(let childTable, let foreignKey):
                guard depth == .full else { continue }
                // Attributes and metadata belong to whatever record their link_id / resource_id names;
                // ids are UUIDs, so `link_entity` and `resource_type` are kept but not relied on.
                // UUIDs are unique across tables, so a link to one is this record's whatever it names (the
                // specification's own examples name other tables). Other ids (CSV packages often number
                // rows) repeat across tables: then a link that names another table is not this record's.
                let entityField =
                    Self.looksLikeUUID(record.id) ? nil : childTable == "attribute" ? "link_entity" : childTable == "metadata" ? "resource_type" : nil
                let kids = source.records(table: childTable, foreignKey: foreignKey, value: record.id).filter { kid in
                    guard let entityField, let entity = kid.string(entityField), HSDSSchema.tables[entity] != nil else { return true }
                    return entity == record.table
                }
                if kids.isEmpty && level > 0 { continue }
                out[nest.key] = .array(kids.map { .object(assemble($0, path: path.union([childTable]), level: level + 1, depth: depth)) })
            }
        }
        return out
    }

    static func looksLikeUUID(_ id: String) -> Bool {
        let parts = id.split(separator: "-", omittingEmptySubsequences: false)
        return parts.map(\.count) == [8, 4, 4, 4, 12] && parts.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }
}

/// Rows held in memory, for tests and for assembling documents from a batch before it is stored.
public struct InMemoryRows: HSDSRowSource, Sendable {
    private var byKey: [String: [String: HSDSRecord]] = [:]
    private var byLink: [String: [HSDSRecord]] = [:]
    /// Who published each row (`table/id` → publisher), when rows come from several publishers.
    private var publishers: [String: String]?
    private var publishersByID: [String: Set<String>] = [:]

    public init(_ records: [HSDSRecord] = []) {
        for r in records { insert(r) }
    }

    /// Rows from several publishers: a row is nested under another (a schedule under a service) only
    /// when the same publisher published both, so no organisation can add rows to another's entries.
    public init(_ records: [(record: HSDSRecord, publisher: String)]) {
        var map: [String: String] = [:]
        for (r, p) in records {
            insert(r)
            map["\(r.table)/\(r.id)"] = p
            publishersByID[r.id, default: []].insert(p)
        }
        publishers = map
    }

    /// Whether `child` may be nested under the row its `field` points to (always, with one publisher).
    func samePublisher(_ child: HSDSRecord, field: String, value: String) -> Bool {
        guard let publishers else { return true }
        guard let mine = publishers["\(child.table)/\(child.id)"] else { return false }
        if let parent = HSDSSchema.parentTable(of: child, via: field), let theirs = publishers["\(parent)/\(value)"] { return theirs == mine }
        // No such row in the named table (or none named): any row with that id by the same publisher.
        return publishersByID[value]?.contains(mine) ?? false
    }

    public mutating func insert(_ record: HSDSRecord) {
        byKey[record.table, default: [:]][record.id] = record
        for fk in HSDSSchema.foreignKeyFields(of: record.table) {
            if let v = record.string(fk) { byLink["\(record.table)|\(fk)|\(v)", default: []].append(record) }
        }
    }

    public func record(table: String, id: String) -> HSDSRecord? { byKey[table]?[id] }

    public func records(table: String, foreignKey: String, value: String) -> [HSDSRecord] {
        (byLink["\(table)|\(foreignKey)|\(value)"] ?? []).filter { samePublisher($0, field: foreignKey, value: value) }.sorted(by: Self.idOrder)
    }

    public func all(_ table: String) -> [HSDSRecord] {
        (byKey[table].map { Array($0.values) } ?? []).sorted(by: Self.idOrder)
    }

    /// Rows in the byte order of their ids, as the store's row sources order them (SQLite's `BINARY`).
    static func idOrder(_ a: HSDSRecord, _ b: HSDSRecord) -> Bool { a.id.utf8.lexicographicallyPrecedes(b.id.utf8) }
}
