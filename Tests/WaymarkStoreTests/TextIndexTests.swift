import Foundation
import GRDB
import Testing
import WaymarkCore
import WaymarkSample
import WaymarkTestKit

@testable import WaymarkStore

/// The search index held in memory must match and rank exactly as SQLite's FTS5 index it is read
/// from: every query residents are known to type, and thousands made from the directory's own words
/// (prefixes, misspellings, pairs), are asked of both and the answers compared service by service.
struct TextIndexTests {
    /// Service id to score, from SQLite's FTS5 `bm25()` for the expression `TextQuery` writes for it.
    static func sqliteScores(_ db: NodeDatabase, _ expression: String) throws -> [String: Double] {
        try db.writer.read { db in
            var out: [String: Double] = [:]
            let weights = TextQuery.columnWeights.map { String($0) }.joined(separator: ", ")
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT d.service_id, bm25(service_fts, \(weights)) FROM service_fts JOIN service_doc d ON d.rowid = service_fts.rowid
                    WHERE service_fts MATCH ?
                    """, arguments: [expression])
            while let row = try rows.next() { out[row[0]] = -(row[1] as Double) }
            return out
        }
    }

    static func memoryScores(_ snap: Directory.Snapshot, _ expression: TextIndex.Expression) -> [String: Double] {
        var out: [String: Double] = [:]
        for (row, score) in snap.text.scores(expression) { out[snap.index.services[row].id] = score }
        return out
    }

    /// Compares the two for each variant search uses (all words, without person words, any word);
    /// returns how many answers were compared.
    static func compare(_ texts: [String], _ db: NodeDatabase, _ snap: Directory.Snapshot) throws -> Int {
        var compared = 0
        for text in texts {
            let q = TextQuery(text, vocabulary: snap.vocabulary, searchWords: snap.searchWords)
            guard !q.isEmpty else { continue }
            // As search asks them: without the person words only when other words remain.
            for (and, dropping) in [(true, false), (true, true), (false, false)] where !dropping || q.canDropPersons {
                let sql = try sqliteScores(db, q.ftsExpression(joinedBy: and ? "AND" : "OR", droppingPersons: dropping))
                let memory = memoryScores(snap, q.expression(and: and, droppingPersons: dropping))
                #expect(Set(sql.keys) == Set(memory.keys), "\(text) (\(and ? "all" : "any") words): matches differ")
                for (id, s) in sql {
                    guard let m = memory[id] else { continue }
                    #expect(abs(s - m) <= 1e-9 * max(1, abs(s)), "\(text): \(id) scored \(m) in memory, \(s) by SQLite")
                }
                compared += 1
            }
        }
        return compared
    }

    /// Queries made from a directory's own words, as the load benchmark makes them: words, pairs,
    /// typed-so-far prefixes and one-letter misspellings.
    static func madeQueries(_ snap: Directory.Snapshot, count: Int, seed: UInt64) -> [String] {
        var random = SeededRandom(seed: seed)
        let words = snap.text.terms.filter { $0.count >= 3 && $0.allSatisfy(\.isLetter) }
        var out: [String] = []
        for _ in 0..<count {
            let w = Array(words[Int(random.next() % UInt64(words.count))])
            switch random.next() % 4 {
            case 0: out.append(String(w))
            case 1: out.append(String(w) + " " + words[Int(random.next() % UInt64(words.count))])
            case 2: out.append(String(w.prefix(max(2, w.count - 2))))
            default:
                var t = w
                let i = Int(random.next() % UInt64(t.count))
                if t.count > 4 { t.remove(at: i) } else { t[i] = "e" }
                out.append(String(t))
            }
        }
        return out
    }

    @Test func theSampleDirectoryIsSearchedExactlyAsSQLiteSearchesIt() throws {
        try withLargeStack {
            let db = try NodeDatabase.inTestFederation()
            try db.ledger.publish(SampleDirectory.ballymun(), identity: Fixtures.publisher, nowMilliseconds: Fixtures.publishedAt)
            let snap = try Directory(database: db).snapshot()
            #expect(snap.text.rowCount == snap.index.count && snap.index.count > 300)
            let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("relevance")
            var texts = try JudgedQuery.load(folder.appendingPathComponent("judged-queries.json")).map(\.query)
            texts += try JudgedQuery.load(folder.appendingPathComponent("held-out-queries.json")).map(\.query)
            texts += try JudgedQuery.load(folder.appendingPathComponent("held-out-2-queries.json")).map(\.query)
            // Accents, Irish, phrases the search words know, categories, person words.
            texts += ["Gaeilge", "gaeilge", "céim", "ranganna Gaeilge", "my son is using drugs", "can't pay my rent", "iománaíocht", "tuismitheoirí"]
            texts += Self.madeQueries(snap, count: 600, seed: 3)
            #expect(try Self.compare(texts, db, snap) > 1_500)
        }
    }

    @Test func aLargeDirectoryIsSearchedExactlyAsSQLiteSearchesIt() throws {
        try withLargeStack {
            let db = try NodeDatabase.inTestFederation()
            try db.ledger.publish(SampleDirectory.synthetic(services: 2_000), identity: Fixtures.publisher, nowMilliseconds: Fixtures.publishedAt)
            let snap = try Directory(database: db).snapshot()
            #expect(snap.text.rowCount == 2_000)
            // Every query at least twice (all words, any word), and without its person words where it has some.
            #expect(try Self.compare(Self.madeQueries(snap, count: 400, seed: 11), db, snap) >= 800)
        }
    }

    @Test func aPageOfResultsComesFromMemoryAsStored() throws {
        try withLargeStack {
            let db = try NodeDatabase.inTestFederation()
            try db.ledger.publish(SampleDirectory.ballymun(), identity: Fixtures.publisher, nowMilliseconds: Fixtures.publishedAt)
            let directory = Directory(database: db)
            let ids = try directory.snapshot().index.services.prefix(25).map(\.id)
            let stored = try db.writer.read { db in try DatabaseRowSource(db).serviceDocuments(ids, full: false) }
            #expect(try directory.documents(ids, full: false) == stored)
            #expect(stored.count == 25)
        }
    }
}
