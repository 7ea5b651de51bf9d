import Foundation
import GRDB
import Testing
import WaymarkCore
import WaymarkStore
import WaymarkTestKit

struct NodeDatabaseTests {
    @Test func importsTheSampleAndSearchesIt() throws {
        try withLargeStack {
            let db = try NodeDatabase()
            let summary = try db.publish(SampleDirectory.ballymun(), identity: Fixtures.publisher, nowMilliseconds: Fixtures.publishedAt)
            #expect(summary.services >= 350)
            let directory = Directory(database: db)
            var q = SearchQuery()
            q.text = "yuoth"  // a typo
            let r = try directory.search(q, now: LocalDateTime(year: 2026, month: 11, day: 23, hour: 10))
            #expect(r.total > 0)
            let names = try r.hits.map { try #require(directory.snapshot().index.facts($0.id)).name.lowercased() }
            #expect(names.allSatisfy { $0.contains("youth") || !$0.isEmpty })
            #expect(names.contains { $0.contains("youth") })
        }
    }

    @Test func reimportingTheSameDataChangesNothing() throws {
        try withLargeStack {
            let db = try NodeDatabase()
            try db.publish(SampleDirectory.ballymun(), identity: Fixtures.publisher, nowMilliseconds: Fixtures.publishedAt)
            let version = try db.directoryVersion()
            let again = try db.publish(SampleDirectory.ballymun(), identity: Fixtures.publisher, nowMilliseconds: Fixtures.publishedAt)
            #expect(again.inserted == 0 && again.updated == 0)
            #expect(try db.directoryVersion() == version)
        }
    }

    @Test func hostileSearchTextIsSearchedAsWords() throws {
        try withLargeStack {
            let db = try NodeDatabase()
            try db.publish(SampleDirectory.ballymun(), identity: Fixtures.publisher, nowMilliseconds: Fixtures.publishedAt)
            let directory = Directory(database: db)
            for text in ["\"unbalanced", "AND OR NOT", "*", "name:foo", "NEAR(a b)", "^", "'; DROP TABLE record; --", String(repeating: "x", count: 500)] {
                var q = SearchQuery()
                q.text = text
                _ = try directory.search(q, now: LocalDateTime(year: 2026, month: 11, day: 23))
            }
        }
    }

    @Test func aFullDiskLosesNothing() throws {
        try withLargeStack {
            let queue = try DatabaseQueue()
            let db = try NodeDatabase(writer: queue)
            try db.publish(Array(SampleDirectory.ballymun().prefix(200)), identity: Fixtures.publisher, nowMilliseconds: Fixtures.publishedAt)
            let before = try db.allRecords()
            let pages = try queue.read { try Int.fetchOne($0, sql: "PRAGMA page_count") } ?? 0
            // SQLite reports SQLITE_FULL once the database may not grow: the same error as a full disk.
            try queue.write { try $0.execute(sql: "PRAGMA max_page_count = \(pages + 2)") }
            #expect(throws: DatabaseError.self) {
                try db.publish(SampleDirectory.ballymun(), identity: Fixtures.publisher, nowMilliseconds: Fixtures.publishedAt)
            }
            #expect(try db.allRecords() == before)
        }
    }
}
