import Foundation
import GRDB
import Testing
import WaymarkCore
import WaymarkCrypto
@testable import WaymarkStore
import WaymarkTestKit
import WaymarkSample

struct NodeDatabaseTests {
    @Test func importsTheSampleAndSearchesIt() throws {
        try withLargeStack {
            let db = try NodeDatabase.inTestFederation()
            let summary = try db.ledger.publish(SampleDirectory.ballymun(), identity: Fixtures.publisher, nowMilliseconds: Fixtures.publishedAt)
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
            let db = try NodeDatabase.inTestFederation()
            try db.ledger.publish(SampleDirectory.ballymun(), identity: Fixtures.publisher, nowMilliseconds: Fixtures.publishedAt)
            let version = try db.directoryVersion()
            let again = try db.ledger.publish(SampleDirectory.ballymun(), identity: Fixtures.publisher, nowMilliseconds: Fixtures.publishedAt)
            #expect(again.inserted == 0 && again.updated == 0)
            #expect(try db.directoryVersion() == version)
        }
    }

    @Test func hostileSearchTextIsSearchedAsWords() throws {
        try withLargeStack {
            let db = try NodeDatabase.inTestFederation()
            try db.ledger.publish(SampleDirectory.ballymun(), identity: Fixtures.publisher, nowMilliseconds: Fixtures.publishedAt)
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
            try db.ledger.publish(Array(SampleDirectory.ballymun().prefix(200)), identity: Fixtures.publisher, nowMilliseconds: Fixtures.publishedAt)
            let before = try db.allRecords()
            let pages = try queue.read { try Int.fetchOne($0, sql: "PRAGMA page_count") } ?? 0
            // SQLite reports SQLITE_FULL once the database may not grow: the same error as a full disk.
            try queue.write { try $0.execute(sql: "PRAGMA max_page_count = \(pages + 2)") }
            #expect(throws: DatabaseError.self) {
                try db.ledger.publish(SampleDirectory.ballymun(), identity: Fixtures.publisher, nowMilliseconds: Fixtures.publishedAt)
            }
            #expect(try db.allRecords() == before)
        }
    }
}

/// `record_link` holds, for every visible row, exactly the foreign keys its body names: nesting,
/// cascade deletes and the service documents find rows through it.
struct RowLinkTests {
    static func phone(_ id: String, serviceID: String) -> HSDSRecord {
        HSDSRecord(table: "phone", id: id, fields: JSONObject([("id", .string(id)), ("service_id", .string(serviceID)), ("number", .string("01 555 0100"))]))
    }

    static func service(_ id: String) -> HSDSRecord {
        HSDSRecord(
            table: "service", id: id,
            fields: JSONObject([("id", .string(id)), ("organization_id", .string("org-1")), ("name", .string("Club \(id)")), ("status", .string("active"))]))
    }

    /// The links table against the links worked out from every stored row.
    static func expectLinksMatchRows(_ db: NodeDatabase, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let stored = try db.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT value, tbl, field, id FROM record_link").map { "\($0[1] as String)/\($0[3] as String).\($0[2] as String)=\($0[0] as String)" }
        }
        let expected = try db.allRecords().flatMap { r in r.foreignKeys.map { "\(r.table)/\(r.id).\($0.field)=\($0.value)" } }
        #expect(stored.sorted() == expected.sorted(), sourceLocation: sourceLocation)
    }

    @Test func linksFollowARowThatMovesAndGoWhenItIsDeleted() throws {
        let db = try NodeDatabase.inTestFederation()
        let me = Fixtures.publisher
        var at = Fixtures.publishedAt
        func children(of service: String) throws -> [String] {
            try db.writer.read { DatabaseRowSource($0).records(table: "phone", foreignKey: "service_id", value: service).map(\.id) }
        }
        try db.ledger.publish(LedgerTests.rows() + [Self.service("svc-2"), Self.phone("phone-1", serviceID: "svc-1")], identity: me, nowMilliseconds: at)
        #expect(try children(of: "svc-1") == ["phone-1"])
        try Self.expectLinksMatchRows(db)

        at += 1000
        try db.ledger.publish([Self.phone("phone-1", serviceID: "svc-2")], identity: me, nowMilliseconds: at)
        #expect(try children(of: "svc-1") == [])
        #expect(try children(of: "svc-2") == ["phone-1"])
        try Self.expectLinksMatchRows(db)

        // The same change arriving by sync at another node.
        let other = try NodeDatabase.inTestFederation()
        try other.ledger.ingest(LedgerTests.wires(db), from: "peer", nowMilliseconds: at + 1)
        try Self.expectLinksMatchRows(other)
        #expect(try other.writer.read { DatabaseRowSource($0).records(table: "phone", foreignKey: "service_id", value: "svc-2").map(\.id) } == ["phone-1"])

        at += 1000
        try db.ledger.publish([], deleting: [("phone", "phone-1")], identity: me, nowMilliseconds: at)
        #expect(try children(of: "svc-2") == [])
        try Self.expectLinksMatchRows(db)
        try other.ledger.ingest(LedgerTests.wires(db), from: "peer", nowMilliseconds: at + 1)
        try Self.expectLinksMatchRows(other)
    }

    /// A node of a version before sealed records stored them as a kind it did not know, and an
    /// erasure without reading its tag secret: upgraded, it notes them and strips what the secret explains.
    @Test func aNodeUpgradedFromBeforeSealedRecordsNotesThemAndCarriesOutItsErasures() throws {
        let alice = Fixtures.identity(1), bob = Fixtures.identity(2)
        let circle = Circle(owner: alice.signingPublicKey, random: Array(0..<12)).scope
        let secret = SealedEnvelope.ownTagSecret(circle: circle, identity: alice)
        let frame = SealedFrame(
            kind: .referral, circle: circle, tagKey: SealedEnvelope.tagKey(secret: secret, circle: circle), recipientKeyIDs: [], body: Array("{}".utf8))
        let sealed = try SealedEnvelope.sign(
            frame: frame, recipients: [alice.encryptionPublicKey, bob.encryptionPublicKey], by: alice, sequence: 1, dependencies: [], clock: 1 << 16
        ).envelope
        let erasure = EnvelopeCrypto.sign(
            kind: .erasure, scope: circle, payload: JourneyPayload.erasure(Erasure(circle: circle, requestedOn: "2026-12-07", tagSecret: secret)).encoded(),
            by: alice, sequence: 2, dependencies: [EnvelopeCrypto.id(of: sealed)], clock: 2 << 16)
        let queue = try DatabaseQueue()
        try NodeDatabase.migrator.migrate(queue, upTo: "v41: the shares the hub checked, which its release adds and no other")
        try queue.write { db in
            for e in [sealed, erasure] {
                try db.execute(
                    sql: "INSERT INTO envelope (id, clock, author, sequence, kind, scope, wire, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0)",
                    arguments: [
                        Data(EnvelopeCrypto.id(of: e)), Int64(e.header.clock), Data(e.header.author), Int64(e.header.sequence), Int(e.header.kind.rawValue),
                        e.header.scope, Data(e.encoded()),
                    ])
            }
            try db.execute(
                sql: "INSERT INTO erased_circle (circle, erasure, erased_at, acknowledged) VALUES (?, ?, 0, 1)",
                arguments: [circle, Data(EnvelopeCrypto.id(of: erasure))])
        }
        let db = try NodeDatabase(writer: queue)
        let (noted, tagKeys) = try queue.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT count(*) FROM sealed_envelope WHERE id = ?", arguments: [Data(EnvelopeCrypto.id(of: sealed))]),
                try Data.fetchOne(db, sql: "SELECT tag_keys FROM erased_circle")
            )
        }
        #expect(noted == 1 && tagKeys == Data(frame.tagKey))
        let held = try #require(try db.ledger.envelopes([EnvelopeCrypto.id(of: sealed)]).first.flatMap { try? Envelope.decode($0) })
        #expect(held.payload == nil, "the erased circle's sealed record keeps its header only")
    }

    @Test func aNodeUpgradedFromTheOldLinkTableKeepsItsLinks() throws {
        let queue = try DatabaseQueue()
        try NodeDatabase.migrator.migrate(queue, upTo: "v12: erased circles (crypto-shredding) and their acknowledgements")
        try queue.write { db in
            try db.execute(
                sql: "INSERT INTO record (tbl, id, publisher, body, stored_at) VALUES ('phone', 'phone-1', 'aa', ?, '2026-11-22T10:00:00Z')",
                arguments: [String(decoding: Self.phone("phone-1", serviceID: "svc-1").canonicalBytes, as: UTF8.self)])
            try db.execute(sql: "INSERT INTO record_link (tbl, id, field, value) VALUES ('phone', 'phone-1', 'service_id', 'svc-1')")
        }
        let db = try NodeDatabase(writer: queue)
        try Self.expectLinksMatchRows(db)
        let found = try queue.read { try String.fetchAll($0, sql: "SELECT id FROM record_link WHERE value = 'svc-1' AND tbl = 'phone' AND field = 'service_id'") }
        #expect(found == ["phone-1"])
    }
}
