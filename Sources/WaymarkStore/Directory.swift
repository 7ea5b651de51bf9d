import Foundation
import GRDB
import Synchronization
import WaymarkCore

/// A taxonomy term as search and pages show it.
public struct TermInfo: Sendable, Hashable {
    public let id: String
    public let name: String
    public let code: String?
    public let parentID: String?
    public let taxonomyID: String?
}

/// Directory search over a node's database: the full-text index in SQLite for words, the
/// in-memory `DirectoryIndex` for filters, facets and sorting. Shared by the API, the CLI and the pages.
///
/// It notices when another process (an import from the CLI) changed the directory and reloads.
public final class Directory: Sendable {
    public let database: NodeDatabase
    private let loaded = Mutex<Snapshot?>(nil)
    private let lastCheck = Mutex<ContinuousClock.Instant?>(nil)

    /// What is held in memory for one version of the directory.
    public struct Snapshot: Sendable {
        public let version: Int
        public let index: DirectoryIndex
        public let vocabulary: SortedVocabulary
        public let terms: [String: TermInfo]
        public let organizations: [String: String]
    }

    public init(database: NodeDatabase) {
        self.database = database
    }

    /// The current snapshot, reloading it when the directory version moved (checked at most every 500 ms).
    public func snapshot() throws -> Snapshot {
        let now = ContinuousClock.now
        let recent = lastCheck.withLock { last -> Bool in
            if let last, now - last < .milliseconds(500) { return true }
            last = now
            return false
        }
        if recent, let s = loaded.withLock({ $0 }) { return s }
        let version = try database.directoryVersion()
        if let s = loaded.withLock({ $0 }), s.version == version { return s }
        let fresh = try load()
        loaded.withLock { $0 = fresh }
        return fresh
    }

    private func load() throws -> Snapshot {
        try database.writer.read { db in
            let version = try NodeDatabase.directoryVersion(db)
            var terms: [String: TermInfo] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, body FROM record WHERE tbl = 'taxonomy_term'") {
                guard case .object(let o) = try JSONParser.parse(row["body"] as String) else { continue }
                let id: String = row["id"]
                terms[id] = TermInfo(
                    id: id, name: o["name"]?.stringValue ?? id, code: o["code"]?.stringValue, parentID: o["parent_id"]?.stringValue,
                    taxonomyID: o["taxonomy_id"]?.stringValue)
            }
            var organizations: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, json_extract(body, '$.name') AS name FROM record WHERE tbl = 'organization'") {
                organizations[row["id"]] = row["name"] ?? ""
            }
            let parents = terms.compactMapValues(\.parentID)
            var facts: [ServiceFacts] = []
            let cursor = try Row.fetchCursor(db, sql: "SELECT full_json, last_modified FROM service_doc ORDER BY rowid")
            while let row = try cursor.next() {
                guard case .object(let doc) = try JSONParser.parse(row["full_json"] as String) else { continue }
                facts.append(ServiceFacts(service: doc, parents: parents, storedAt: row["last_modified"]))
            }
            let words = try String.fetchAll(db, sql: "SELECT term FROM service_fts_vocab")
            return Snapshot(
                version: version,
                index: DirectoryIndex(services: facts, termTaxonomy: terms.compactMapValues(\.taxonomyID)),
                vocabulary: SortedVocabulary(words), terms: terms, organizations: organizations)
        }
    }

    /// Runs a search.
    /// - Parameters:
    ///   - query: text, filters, sort and page.
    ///   - now: the local moment that "open now" means.
    public func search(_ query: SearchQuery, now: LocalDateTime) throws -> SearchResult {
        let snap = try snapshot()
        var scores: [String: Double]?
        let text = TextQuery(query.text, vocabulary: snap.vocabulary)
        if !text.isEmpty {
            scores = try textScores(text.ftsExpression(joinedBy: "AND"))
            if scores?.isEmpty == true && text.words.count > 1 {
                scores = try textScores(text.ftsExpression(joinedBy: "OR"))
            }
        }
        return snap.index.search(query, textScores: scores, now: now)
    }

    /// Service id to relevance for an FTS5 expression built by `TextQuery` (never raw user text).
    func textScores(_ expression: String) throws -> [String: Double] {
        try database.writer.read { db in
            var out: [String: Double] = [:]
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT d.service_id AS id, bm25(service_fts, 10.0, 5.0, 1.0, 3.0, 2.0, 1.0) AS rank
                    FROM service_fts JOIN service_doc d ON d.rowid = service_fts.rowid
                    WHERE service_fts MATCH ?
                    """,
                arguments: [expression])
            while let row = try rows.next() { out[row["id"]] = -(row["rank"] as Double) }
            return out
        }
    }

    /// The stored JSON of services, by id: the fully nested form or the list form.
    public func documents(_ ids: [String], full: Bool) throws -> [String: String] {
        guard !ids.isEmpty else { return [:] }
        let column = full ? "full_json" : "list_json"
        return try database.writer.read { db in
            var out: [String: String] = [:]
            let marks = Array(repeating: "?", count: ids.count).joined(separator: ",")
            for row in try Row.fetchAll(
                db, sql: "SELECT service_id, \(column) AS doc FROM service_doc WHERE service_id IN (\(marks))",
                arguments: StatementArguments(ids))
            {
                out[row["service_id"]] = row["doc"]
            }
            return out
        }
    }

    /// One service's stored JSON.
    public func document(_ id: String, full: Bool = true) throws -> String? {
        try documents([id], full: full)[id]
    }

    /// Runs `body` with a row source reading from the database, for assembling other entities.
    public func withRows<T>(_ body: (DatabaseRowSource) throws -> T) throws -> T {
        try database.writer.read { db in try body(DatabaseRowSource(db)) }
    }
}
