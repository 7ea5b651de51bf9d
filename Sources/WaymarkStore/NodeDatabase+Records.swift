import Foundation
import GRDB
import WaymarkCore

/// What an import changed.
public struct ImportSummary: Sendable, Equatable {
    public var inserted = 0
    public var updated = 0
    public var unchanged = 0
    /// Rows per HSDS table.
    public var byTable: [String: Int] = [:]
    public var services = 0
}

extension NodeDatabase {
    /// Replaces one visible row and its links.
    /// - Parameter oldBody: the stored text of the row it replaces, whose links are removed.
    static func writeRow(_ db: Database, _ r: HSDSRecord, body: String, publisher: String, storedAt: String, replacing oldBody: String) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO record (tbl, id, publisher, body, stored_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(tbl, id) DO UPDATE SET publisher = excluded.publisher, body = excluded.body, stored_at = excluded.stored_at
                """
        ).execute(arguments: [r.table, r.id, publisher, body, storedAt])
        try deleteLinks(db, table: r.table, id: r.id, body: oldBody)
        for (field, value) in r.foreignKeys {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO record_link (value, tbl, field, id) VALUES (?, ?, ?, ?)").execute(arguments: [
                value, r.table, field, r.id,
            ])
        }
    }

    /// Removes one visible row and its links.
    /// - Parameter body: the row's stored text.
    static func deleteRow(_ db: Database, table: String, id: String, body: String) throws {
        try db.execute(sql: "DELETE FROM record WHERE tbl = ? AND id = ?", arguments: [table, id])
        try deleteLinks(db, table: table, id: id, body: body)
    }

    /// Removes the links of a stored row, worked out from its stored text (which is always a JSON
    /// object, as it is written from one; a body that does not read falls back to a full search).
    /// `record_link` holds exactly each visible row's `foreignKeys`, keyed by the value first (the only
    /// way it is searched), so a row's links are found again from its body, not from a second index.
    static func deleteLinks(_ db: Database, table: String, id: String, body: String) throws {
        guard case .object(let fields)? = try? JSONParser.parse(body) else {
            try db.execute(sql: "DELETE FROM record_link WHERE tbl = ? AND id = ?", arguments: [table, id])
            return
        }
        for (field, value) in HSDSRecord(table: table, id: id, fields: fields).foreignKeys {
            try db.cachedStatement(sql: "DELETE FROM record_link WHERE value = ? AND tbl = ? AND field = ? AND id = ?").execute(arguments: [
                value, table, field, id,
            ])
        }
    }

    /// One visible row, if there is one.
    public func record(table: String, id: String) throws -> HSDSRecord? {
        try writer.read { db in DatabaseRowSource(db).record(table: table, id: id) }
    }

    /// The rows that belong under a row through their foreign keys (a service's schedules, locations
    /// and attributes; an organisation's services and everything under them), recursively, that the
    /// same publisher owns. Deleting a row deletes these with it.
    public func dependents(table: String, id: String) throws -> [(table: String, id: String)] {
        try writer.read { db in
            let source = DatabaseRowSource(db)
            let publisher = try String.fetchOne(db, sql: "SELECT publisher FROM record WHERE tbl = ? AND id = ?", arguments: [table, id])
            var out: [(table: String, id: String)] = []
            var seen: Set<String> = ["\(table)/\(id)"]
            var queue = [(table, id)]
            while let (t, i) = queue.popLast() {
                for link in try Row.fetchAll(db, sql: "SELECT tbl, id, field FROM record_link WHERE value = ?", arguments: [i]) {
                    let childTable: String = link["tbl"]
                    let childID: String = link["id"]
                    let field: String = link["field"]
                    guard let child = source.record(table: childTable, id: childID) else { continue }
                    guard HSDSSchema.parentTable(of: child, via: field) == t, seen.insert("\(childTable)/\(childID)").inserted else { continue }
                    let owner = try String.fetchOne(db, sql: "SELECT publisher FROM record WHERE tbl = ? AND id = ?", arguments: [childTable, childID])
                    guard owner == publisher else { continue }
                    out.append((childTable, childID))
                    queue.append((childTable, childID))
                }
            }
            return out
        }
    }

    /// Every stored row, ordered by table and id.
    public func allRecords() throws -> [HSDSRecord] {
        try writer.read { db in try Self.allRecords(db) }
    }

    /// Every row with its publisher, parsed (the whole directory in memory: `LinkedRowsTests` checks
    /// the rebuild's row source against it).
    static func allRecordsWithPublishers(_ db: Database) throws -> [(record: HSDSRecord, publisher: String)] {
        var out: [(record: HSDSRecord, publisher: String)] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT tbl, id, body, publisher FROM record ORDER BY tbl, id")
        while let row = try rows.next() {
            let body: String = row["body"]
            guard case .object(let fields) = try JSONParser.parse(body) else { continue }
            out.append((HSDSRecord(table: row["tbl"], id: row["id"], fields: fields), row["publisher"]))
        }
        return out
    }

    static func allRecords(_ db: Database) throws -> [HSDSRecord] {
        var out: [HSDSRecord] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT tbl, id, body FROM record ORDER BY tbl, id")
        while let row = try rows.next() {
            let body: String = row["body"]
            guard case .object(let fields) = try JSONParser.parse(body) else { continue }
            out.append(HSDSRecord(table: row["tbl"], id: row["id"], fields: fields))
        }
        return out
    }

    /// Counts of stored rows per table; with a publisher key (hex), only that publisher's rows.
    public func recordCounts(publisher: String? = nil) throws -> [String: Int] {
        try writer.read { db in
            var out: [String: Int] = [:]
            let sql = "SELECT tbl, count(*) AS n FROM record WHERE ?1 IS NULL OR publisher = ?1 GROUP BY tbl"
            for row in try Row.fetchAll(db, sql: sql, arguments: [publisher]) { out[row["tbl"]] = row["n"] }
            return out
        }
    }

    /// Ids and names of services a publisher (key in hex) owns, by name.
    public func services(publisher: String, limit: Int) throws -> [(id: String, name: String)] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT id, json_extract(body, '$.name') AS name FROM record WHERE tbl = 'service' AND publisher = ? ORDER BY name LIMIT ?",
                arguments: [publisher, limit]
            ).map { ($0["id"], $0["name"] ?? "") }
        }
    }

    /// Rebuilds every service document and the full-text index from the rows.
    /// - Returns: the number of services.
    static func rebuildDerived(_ db: Database) throws -> Int {
        let rows = try LinkedRows(db)
        // In the byte order of their ids (SQLite's), as every row source orders rows.
        let services = try Row.fetchAll(db, sql: "SELECT rowid, stored_at FROM record WHERE tbl = 'service' ORDER BY id")
        let assembler = HSDSAssembler(source: rows)
        try db.execute(sql: "DELETE FROM service_doc; DELETE FROM service_full; DELETE FROM service_fts;")
        var rowid = 0
        for entry in services {
            guard let service = rows.record(rowid: entry["rowid"]) else { continue }
            rowid += 1
            try writeServiceDocuments(db, service, rowid: rowid, assembler: assembler, storedAt: entry["stored_at"])
            // Each document's parts are garbage as soon as it is written; hand the pages back as we go.
            if rowid % 1024 == 0 { FreedMemory.giveBack() }
        }
        if let failure = rows.failure { throw failure }
        return rowid
    }

    /// Writes one service's list and full documents and its full-text row.
    static func writeServiceDocuments<Source: HSDSRowSource>(
        _ db: Database, _ service: HSDSRecord, rowid: Int, assembler: HSDSAssembler<Source>, storedAt: String?
    ) throws {
        let writer = JSONWriter()
        let full = assembler.assemble(service, depth: .full)
        let list = assembler.assemble(service, depth: .list)
        let lastModified = service.string("last_modified") ?? storedAt ?? ""
        // The list form sits in a narrow table of its own so that a page of results never reads the large full form.
        try db.execute(
            sql: "INSERT INTO service_doc (rowid, service_id, last_modified, list_json) VALUES (?, ?, ?, ?)",
            arguments: [rowid, service.id, lastModified, writer.string(.object(list))])
        try db.execute(sql: "INSERT INTO service_full (rowid, full_json) VALUES (?, ?)", arguments: [rowid, writer.string(.object(full))])
        let text = SearchText(service: full, rows: assembler.source)
        try db.execute(
            sql: "INSERT INTO service_fts (rowid, name, alternate_name, description, categories, organization, extra) VALUES (?, ?, ?, ?, ?, ?, ?)",
            arguments: [rowid, text.name, text.alternateName, text.description, text.categories, text.organization, text.extra])
    }

    /// Changed rows from which a refresh rebuilds every document instead of finding the ones affected.
    static let largeChange = 2_000

    /// Brings the documents of the services that include rows changed since the last refresh (as they
    /// were before and as they are now) up to date, and tells readers the directory changed. Rebuilds
    /// everything when that is simpler (the taxonomy changed, or the change is large).
    /// - Returns: whether anything was out of date.
    @discardableResult
    static func refreshDerived(_ db: Database) throws -> Bool {
        let dirtyCount = try Int.fetchOne(db, sql: "SELECT count(*) FROM dirty_row") ?? 0
        guard dirtyCount > 0 else { return false }
        try setSetting(db, "directory_version", String(try directoryVersion(db) + 1))
        // A large change (a node taking in a whole directory refreshes after every few thousand rows)
        // rebuilds everything without first parsing each changed row as it was and as it is: holding
        // those, thousands at a time, was most of what such a node's memory grew by.
        guard dirtyCount < Self.largeChange else {
            try db.execute(sql: "DELETE FROM dirty_row")
            _ = try rebuildDerived(db)
            return true
        }
        let dirty = try Row.fetchAll(db, sql: "SELECT tbl, id, old_body FROM dirty_row")
        let source = DatabaseRowSource(db)
        var changed: [HSDSRecord] = []
        for row in dirty {
            let table: String = row["tbl"]
            let id: String = row["id"]
            if let now = source.record(table: table, id: id) { changed.append(now) }
            if let old: String = row["old_body"], case .object(let fields)? = try? JSONParser.parse(old) {
                changed.append(HSDSRecord(table: table, id: id, fields: fields))
            }
        }
        try db.execute(sql: "DELETE FROM dirty_row")
        let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM service_doc") ?? 0
        guard let ids = try affectedServices(db, changed), ids.count <= max(50, total / 3) else {
            _ = try rebuildDerived(db)
            return true
        }
        let assembler = HSDSAssembler(source: source)
        var next = (try Int.fetchOne(db, sql: "SELECT max(rowid) FROM service_doc") ?? 0) + 1
        for id in ids.sorted() {
            let old = try Int.fetchOne(db, sql: "SELECT rowid FROM service_doc WHERE service_id = ?", arguments: [id])
            if let old {
                try db.execute(sql: "DELETE FROM service_doc WHERE rowid = ?", arguments: [old])
                try db.execute(sql: "DELETE FROM service_full WHERE rowid = ?", arguments: [old])
                try db.execute(sql: "DELETE FROM service_fts WHERE rowid = ?", arguments: [old])
            }
            guard let service = source.record(table: "service", id: id) else { continue }
            let storedAt = try String.fetchOne(db, sql: "SELECT stored_at FROM record WHERE tbl = 'service' AND id = ?", arguments: [id])
            let rowid = old ?? next
            if old == nil { next += 1 }
            try writeServiceDocuments(db, service, rowid: rowid, assembler: assembler, storedAt: storedAt)
        }
        return true
    }

    /// The services whose nested documents contain any of these rows, following foreign keys up to
    /// a service, an organisation (all its services) or a location (the services offered there).
    /// `nil` when every document may be affected (the taxonomy changed).
    static func affectedServices(_ db: Database, _ rows: [HSDSRecord]) throws -> Set<String>? {
        let source = DatabaseRowSource(db)
        var services = Set<String>()
        var seen = Set<String>()
        var queue = rows
        while let r = queue.popLast() {
            guard seen.insert("\(r.table)/\(r.id)").inserted else { continue }
            if seen.count > 20_000 { return nil }
            switch r.table {
            case "taxonomy", "taxonomy_term": return nil
            case "service": services.insert(r.id)
            case "organization":
                services.formUnion(
                    try String.fetchAll(
                        db, sql: "SELECT id FROM record_link WHERE tbl = 'service' AND field = 'organization_id' AND value = ?", arguments: [r.id]))
            case "location":
                queue += source.records(table: "service_at_location", foreignKey: "location_id", value: r.id)
            default: break
            }
            for (field, value) in r.foreignKeys {
                guard let parent = HSDSSchema.owningTable(of: r, via: field) else { continue }
                if parent == "service" {
                    services.insert(value)
                } else if let p = source.record(table: parent, id: value) {
                    queue.append(p)
                }
            }
        }
        return services
    }
}

/// The text of a service that full-text search looks at, column by column.
struct SearchText {
    var name: String
    var alternateName: String
    var description: String
    var categories: String
    var organization: String
    var extra: String

    init(service: JSONObject, rows: some HSDSRowSource) {
        func s(_ o: JSONObject?, _ k: String) -> String { o?[k]?.stringValue ?? "" }
        name = s(service, "name")
        alternateName = s(service, "alternate_name")
        description = [s(service, "description"), s(service, "eligibility_description")].joined(separator: " ")
        var cats: [String] = []
        for a in service["attributes"]?.arrayValue ?? [] {
            var termID = a["taxonomy_term_id"]?.stringValue
            var hops = 0
            while let t = termID, let term = rows.record(table: "taxonomy_term", id: t), hops < 16 {
                cats.append(term.string("name") ?? "")
                termID = term.string("parent_id")
                hops += 1
            }
        }
        categories = cats.joined(separator: " ")
        organization = s(service["organization"]?.objectValue, "name")
        // Not the languages a service is offered in: nearly every service lists English, so "English
        // classes" matched them all. Language is a filter (and a facet) of its own.
        var extra: [String] = []
        for sal in service["service_at_locations"]?.arrayValue ?? [] {
            let loc = sal["location"]?.objectValue
            extra.append(s(loc, "name"))
            for a in loc?["addresses"]?.arrayValue ?? [] {
                extra.append(s(a.objectValue, "address_1"))
                extra.append(s(a.objectValue, "address_2"))
            }
        }
        self.extra = extra.filter { !$0.isEmpty }.joined(separator: " ")
    }
}

/// Reads rows straight from the database, for assembling single entities on request.
public struct DatabaseRowSource: HSDSRowSource {
    let db: Database

    public init(_ db: Database) { self.db = db }

    public func record(table: String, id: String) -> HSDSRecord? {
        guard let statement = try? db.cachedStatement(sql: "SELECT body FROM record WHERE tbl = ? AND id = ?"),
            let body = try? String.fetchOne(statement, arguments: [table, id]),
            case .object(let fields)? = try? JSONParser.parse(body)
        else { return nil }
        return HSDSRecord(table: table, id: id, fields: fields)
    }

    public func records(table: String, foreignKey: String, value: String) -> [HSDSRecord] {
        // A row is nested under another only when the same publisher published both (see InMemoryRows).
        // The parent's table, or NULL when the field names no table of the schema (as HSDSSchema.parentTable).
        // When the named table holds no such row (examples in the wild name the wrong entity), any row with
        // the id and the same publisher will do, as in InMemoryRows.
        let known = HSDSSchema.tables.keys.sorted().map { "'\($0)'" }.joined(separator: ",")
        let parent = """
            (SELECT t FROM (SELECT CASE l.field WHEN 'link_id' THEN json_extract(r.body, '$.link_entity')
                WHEN 'resource_id' THEN json_extract(r.body, '$.resource_type') WHEN 'parent_id' THEN l.tbl
                ELSE substr(l.field, 1, length(l.field) - 3) END AS t) WHERE t IN (\(known)))
            """
        // CROSS JOIN keeps SQLite from starting at `record` (it scanned every row of the table, e.g. all
        // 10,000 attributes, for each lookup, and an edit of one service took seconds): the lookup
        // starts from the few links with this value.
        let sql = """
            SELECT r.id, r.body FROM record_link l CROSS JOIN record r ON r.tbl = l.tbl AND r.id = l.id
            WHERE l.value = ? AND l.tbl = ? AND l.field = ? AND (
                EXISTS (SELECT 1 FROM record p WHERE p.tbl = \(parent) AND p.id = l.value AND p.publisher = r.publisher)
                OR (NOT EXISTS (SELECT 1 FROM record p WHERE p.tbl = \(parent) AND p.id = l.value)
                    AND EXISTS (SELECT 1 FROM record p WHERE p.tbl IN (\(known)) AND p.id = l.value AND p.publisher = r.publisher)))
            ORDER BY r.id
            """
        let rows = (try? db.cachedStatement(sql: sql)).flatMap { try? Row.fetchAll($0, arguments: [value, table, foreignKey]) } ?? []
        return rows.compactMap { row in
            guard case .object(let fields)? = try? JSONParser.parse(row["body"] as String) else { return nil }
            return HSDSRecord(table: table, id: row["id"], fields: fields)
        }
    }

    /// The stored JSON of services, by id: the fully nested form or the list form.
    public func serviceDocuments(_ ids: [String], full: Bool) throws -> [String: String] {
        guard !ids.isEmpty else { return [:] }
        let sql =
            full
            ? "SELECT d.service_id, f.full_json AS doc FROM service_doc d JOIN service_full f ON f.rowid = d.rowid WHERE d.service_id IN "
            : "SELECT service_id, list_json AS doc FROM service_doc WHERE service_id IN "
        var out: [String: String] = [:]
        out.reserveCapacity(ids.count)
        let marks = Array(repeating: "?", count: ids.count).joined(separator: ",")
        // A page of results (up to 50) reuses its prepared statement; longer lists are prepared once.
        let statement = ids.count <= 50 ? try db.cachedStatement(sql: sql + "(\(marks))") : try db.makeStatement(sql: sql + "(\(marks))")
        let rows = try Row.fetchCursor(statement, arguments: StatementArguments(ids))
        while let row = try rows.next() { out[row[0]] = row[1] }
        return out
    }

    /// Rows of a table, paged, optionally filtered by a word in their name or description.
    public func list(table: String, search: String?, limit: Int, offset: Int) throws -> (total: Int, records: [HSDSRecord]) {
        var whereSQL = "tbl = ?"
        var args: [any DatabaseValueConvertible] = [table]
        if let search, !search.isEmpty {
            whereSQL += " AND (json_extract(body, '$.name') LIKE ? ESCAPE '\\' OR json_extract(body, '$.description') LIKE ? ESCAPE '\\')"
            let escaped = search.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                .replacingOccurrences(of: "_", with: "\\_")
            args += ["%\(escaped)%", "%\(escaped)%"]
        }
        let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM record WHERE \(whereSQL)", arguments: StatementArguments(args)) ?? 0
        let rows = try Row.fetchAll(
            db, sql: "SELECT id, body FROM record WHERE \(whereSQL) ORDER BY id LIMIT ? OFFSET ?",
            arguments: StatementArguments(args + [limit, offset]))
        let records: [HSDSRecord] = rows.compactMap { row in
            guard case .object(let fields)? = try? JSONParser.parse(row["body"] as String) else { return nil }
            return HSDSRecord(table: table, id: row["id"], fields: fields)
        }
        return (total, records)
    }
}
