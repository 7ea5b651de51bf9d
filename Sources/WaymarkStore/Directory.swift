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
    /// The language of the term's name (HSDS `language`), if the row says.
    public let language: String?
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
        /// The directory's taxonomy terms by id, without translations (see `termName`).
        public let terms: [String: TermInfo]
        /// Names of terms in other languages, from the directory's own data: HSDS gives a term's
        /// language (`language`), so a taxonomy published in English and Irish has a second row for
        /// each term with the same taxonomy and code and `language` `ga`. Keyed by `labelKey`.
        let translations: [String: String]
        public let organizations: [String: String]
        /// The full-text index, its rows being positions in `index`.
        public let text: TextIndex
        /// Each service's list form (HSDS JSON), by position in `index`: a page of results is answered
        /// without reading the database.
        let listDocuments: [String]
        /// The district's search words, with the words of category names in other languages.
        public let searchWords: SearchWords
        /// The district (its places and map centre), read with the directory: a change moves its version.
        public let district: District

        static func labelKey(taxonomy: String, code: String, language: String) -> String { "\(taxonomy)\u{1F}\(code)\u{1F}\(language)" }

        /// A term's name in `language` (an ISO 639-1 code) where the directory has it, otherwise its own.
        public func termName(_ term: TermInfo, language: String) -> String {
            guard term.language != language, let taxonomy = term.taxonomyID, let code = term.code else { return term.name }
            return translations[Self.labelKey(taxonomy: taxonomy, code: code, language: language)] ?? term.name
        }
    }

    /// Whether the API may keep recent whole answers (`waymark serve --search-cache 0` turns it off).
    /// Text matches themselves are not cached: the index in memory answers them in microseconds.
    public let cachesAnswers: Bool

    public init(database: NodeDatabase, cachesAnswers: Bool = true) {
        self.database = database
        self.cachesAnswers = cachesAnswers
    }

    /// Has the next `snapshot()` look at the directory's version at once: this process just changed it
    /// (a member of staff expects to see their own change on the next page).
    public func noteChange() { lastCheck.withLock { $0 = nil } }

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
            var all: [TermInfo] = []
            for row in try Row.fetchAll(db, sql: "SELECT id, body FROM record WHERE tbl = 'taxonomy_term'") {
                guard case .object(let o) = try JSONParser.parse(row["body"] as String) else { continue }
                let id: String = row["id"]
                all.append(
                    TermInfo(
                        id: id, name: o["name"]?.stringValue ?? id, code: o["code"]?.stringValue, parentID: o["parent_id"]?.stringValue,
                        taxonomyID: o["taxonomy_id"]?.stringValue, language: o["language"]?.stringValue?.lowercased()))
            }
            // A term whose taxonomy and code another term has in English (or with no language given) is
            // that term's translation: its name is a label, not a category of its own.
            func key(_ t: TermInfo) -> String? { t.taxonomyID.flatMap { tax in t.code.map { "\(tax)\u{1F}\($0)" } } }
            let primary = Set(all.filter { $0.language == nil || $0.language == "en" }.compactMap(key))
            var terms: [String: TermInfo] = [:]
            var translations: [String: String] = [:]
            for t in all {
                if let k = key(t), let language = t.language, language != "en", primary.contains(k) {
                    translations[Snapshot.labelKey(taxonomy: t.taxonomyID!, code: t.code!, language: language)] = t.name
                } else {
                    terms[t.id] = t
                }
            }
            var organizations: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, json_extract(body, '$.name') AS name FROM record WHERE tbl = 'organization'") {
                organizations[row["id"]] = row["name"] ?? ""
            }
            let parents = terms.compactMapValues(\.parentID)
            var facts: [ServiceFacts] = []
            var rowids: [(Int64, String)] = []
            var lists: [String: String] = [:]
            let strings = StringPool()
            let cursor = try Row.fetchCursor(
                db,
                sql: "SELECT d.rowid AS rowid, d.last_modified, d.list_json, f.full_json FROM service_doc d JOIN service_full f ON f.rowid = d.rowid")
            while let row = try cursor.next() {
                guard case .object(let doc) = try JSONParser.parse(row["full_json"] as String) else { continue }
                let f = ServiceFacts(service: doc, parents: parents, storedAt: row["last_modified"], strings: strings)
                facts.append(f)
                rowids.append((row["rowid"], f.id))
                lists[f.id] = row["list_json"]
            }
            let base = NodeDatabase.searchWordsSetting.value(try NodeDatabase.setting(db, NodeDatabase.searchWordsSetting.key))
            // Each translated term's name beside the name of the term it translates (same taxonomy and code).
            var ownName: [String: String] = [:]
            for t in terms.values { if let k = key(t) { ownName[k] = t.name } }
            var categoryNames: [(other: String, own: String)] = []
            for t in all {
                guard let language = t.language, language != "en", let k = key(t), primary.contains(k), let own = ownName[k] else { continue }
                categoryNames.append((t.name, own))
            }
            let index = DirectoryIndex(services: facts, termTaxonomy: terms.compactMapValues(\.taxonomyID))
            var positionByRowid: [Int64: Int] = [:]
            for (rowid, id) in rowids { positionByRowid[rowid] = index.position(of: id) }
            let text = try Self.loadTextIndex(db, positionByRowid: positionByRowid, rows: index.count)
            let listDocuments = index.services.map { lists[$0.id] ?? "" }
            return Snapshot(
                version: version, index: index, vocabulary: SortedVocabulary(text.terms), terms: terms, translations: translations, organizations: organizations,
                text: text, listDocuments: listDocuments, searchWords: base.adding(categoryNames: categoryNames),
                district: NodeDatabase.districtSetting.value(try NodeDatabase.setting(db, NodeDatabase.districtSetting.key)))
        }
    }

    /// The stored full-text index's tokens, as SQLite's tokenizer made them, into memory.
    static func loadTextIndex(_ db: Database, positionByRowid: [Int64: Int], rows: Int) throws -> TextIndex {
        let columnIndex = Dictionary(uniqueKeysWithValues: TextQuery.columns.enumerated().map { ($1, UInt8($0)) })
        var tokens: [(term: String, occurrence: TextIndex.Occurrence)] = []
        let cursor = try Row.fetchCursor(db, sql: "SELECT term, doc, col, offset FROM service_fts_instance")
        var lastColumn = ""
        var column: UInt8 = 0
        while let row = try cursor.next() {
            guard let position = positionByRowid[row[1]] else { continue }
            let name: String = row[2]
            if name != lastColumn {
                guard let c = columnIndex[name] else { continue }
                lastColumn = name
                column = c
            }
            let offset: Int = row[3]
            guard offset <= Int(UInt16.max) else { continue }
            tokens.append((row[0], TextIndex.Occurrence(row: UInt32(position), column: column, offset: UInt16(offset))))
        }
        return TextIndex(rowCount: rows, columnCount: TextQuery.columns.count, weights: TextQuery.columnWeights, tokens: tokens)
    }

    /// Runs a search.
    /// - Parameters:
    ///   - query: text, filters, sort and page.
    ///   - now: the local moment that "open now" means.
    public func search(_ query: SearchQuery, now: LocalDateTime) throws -> SearchResult {
        try search(query, now: now, snapshot: snapshot())
    }

    private func search(_ query: SearchQuery, now: LocalDateTime, snapshot snap: Snapshot) throws -> SearchResult {
        var scores: [(row: Int, score: Double)]?
        let text = TextQuery(query.text, vocabulary: snap.vocabulary, searchWords: snap.searchWords)
        if !text.isEmpty {
            // Every word; then without the words naming a person ("my son …"); then any word.
            scores = snap.text.scores(text.expression(and: true))
            if scores?.isEmpty == true && text.canDropPersons {
                scores = snap.text.scores(text.expression(and: true, droppingPersons: true))
            }
            if scores?.isEmpty == true && text.words.count > 1 {
                scores = snap.text.scores(text.expression(and: false))
            }
        }
        return snap.index.search(query, matches: scores, now: now)
    }

    /// The stored JSON of services, by id: the fully nested form or the list form (held in memory).
    public func documents(_ ids: [String], full: Bool) throws -> [String: String] {
        guard !ids.isEmpty else { return [:] }
        if !full {
            let snap = try snapshot()
            var out: [String: String] = [:]
            for id in ids {
                if let p = snap.index.position(of: id), !snap.listDocuments[p].isEmpty { out[id] = snap.listDocuments[p] }
            }
            if out.count == ids.count { return out }
        }
        return try database.writer.read { db in try DatabaseRowSource(db).serviceDocuments(ids, full: full) }
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
