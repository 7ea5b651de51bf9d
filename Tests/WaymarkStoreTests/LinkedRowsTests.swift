import Foundation
import GRDB
import Testing
import WaymarkCore
@testable import WaymarkStore
import WaymarkTestKit
import WaymarkSample

/// The row source a full rebuild uses answers every look-up exactly as the whole directory parsed
/// into memory would, so the documents it builds are the same.
struct LinkedRowsTests {
    static func row(_ table: String, _ id: String, _ fields: [(String, String)]) -> HSDSRecord {
        HSDSRecord(table: table, id: id, fields: JSONObject([("id", .string(id))] + fields.map { ($0.0, JSONValue.string($0.1)) }))
    }

    /// Two ids Swift's `String` calls equal (é composed and decomposed) are two rows in SQLite: a full
    /// rebuild builds both documents, each with its own rows, instead of failing on the second.
    @Test func idsThatDifferOnlyInTheirBytesAreTwoRows() throws {
        try withLargeStack {
            let db = try NodeDatabase.inTestFederation()
            let composed = "caf\u{e9}-club", decomposed = "cafe\u{301}-club"
            #expect(composed == decomposed && Array(composed.utf8) != Array(decomposed.utf8))
            try db.ledger.publish(
                [
                    Self.row("organization", "org-c", [("name", "Café group")]),
                    Self.row("service", composed, [("name", "Composed club"), ("status", "active"), ("organization_id", "org-c")]),
                    Self.row("service", decomposed, [("name", "Decomposed club"), ("status", "active"), ("organization_id", "org-c")]),
                    Self.row("phone", "phone-composed", [("service_id", composed), ("number", "01 111 1111")]),
                    Self.row("phone", "phone-decomposed", [("service_id", decomposed), ("number", "01 222 2222")]),
                ], identity: Fixtures.identity(1), nowMilliseconds: Fixtures.publishedAt)
            try db.writer.write { db in _ = try NodeDatabase.rebuildDerived(db) }
            let docs = try db.writer.read { db in
                try Row.fetchAll(db, sql: "SELECT d.service_id, f.full_json FROM service_doc d JOIN service_full f ON f.rowid = d.rowid")
                    .map { (Array(($0[0] as String).utf8), $0[1] as String) }
            }
            let byID = Dictionary(docs, uniquingKeysWith: { a, _ in a })
            #expect(docs.count == 2)
            let c = byID[Array(composed.utf8)] ?? "", d = byID[Array(decomposed.utf8)] ?? ""
            #expect(c.contains("Composed club") && c.contains("01 111 1111") && !c.contains("01 222 2222"))
            #expect(d.contains("Decomposed club") && d.contains("01 222 2222") && !d.contains("01 111 1111"))
        }
    }

    @Test func answersAsTheWholeDirectoryInMemoryWouldWithSeveralPublishers() throws {
        try withLargeStack {
            let alice = Fixtures.identity(1)
            let mallory = Fixtures.identity(66)
            let a = try NodeDatabase.inTestFederation()
            let sample = SampleDirectory.ballymun()
            try a.ledger.publish(sample, identity: alice, nowMilliseconds: Fixtures.publishedAt)
            let m = try NodeDatabase.inTestFederation()
            try m.ledger.ingest(LedgerTests.wires(a), from: "alice", nowMilliseconds: LedgerTests.now)
            let service = sample.first { $0.table == "service" }!
            let location = sample.first { $0.table == "location" }!
            // Another publisher's rows under alice's service and location (not nested), its own service with a
            // phone and an attribute whose link names no table (nested by the same-publisher fallback).
            try m.ledger.publish(
                [
                    Self.row("phone", "m-phone", [("service_id", service.id), ("number", "1800 SCAM")]),
                    Self.row("schedule", "m-schedule", [("location_id", location.id), ("description", "Always open")]),
                    Self.row("attribute", "m-attr", [("link_id", service.id), ("link_entity", "service"), ("taxonomy_term_id", "none")]),
                    Self.row("organization", "m-org", [("name", "Other group")]),
                    Self.row("service", "m-svc", [("name", "Other club"), ("status", "active"), ("organization_id", "m-org")]),
                    Self.row("phone", "m-svc-phone", [("service_id", "m-svc"), ("number", "01 555 9999")]),
                    Self.row("attribute", "m-attr-2", [("link_id", "m-svc"), ("link_entity", "placeholder"), ("taxonomy_term_id", "none")]),
                ], identity: mallory, nowMilliseconds: LedgerTests.now)
            try m.writer.read { db in
                let everything = try NodeDatabase.allRecordsWithPublishers(db)
                let memory = InMemoryRows(everything)
                let linked = try LinkedRows(db)
                var lookups = 0
                for (record, _) in everything {
                    #expect(linked.record(table: record.table, id: record.id)?.fields == record.fields)
                    for (field, value) in record.foreignKeys {
                        let expected = memory.records(table: record.table, foreignKey: field, value: value).map(\.id)
                        #expect(linked.records(table: record.table, foreignKey: field, value: value).map(\.id) == expected, "\(record.table).\(field) = \(value)")
                        lookups += 1
                    }
                }
                #expect(lookups > 100)
                #expect(linked.record(table: "service", id: "no-such-service") == nil)
                #expect(linked.records(table: "phone", foreignKey: "service_id", value: "no-such-service").isEmpty)
                let writer = JSONWriter()
                let fromMemory = HSDSAssembler(source: memory)
                let fromLinks = HSDSAssembler(source: linked)
                for s in memory.all("service") {
                    for depth in [HSDSAssembler<InMemoryRows>.Depth.full, .list] {
                        let expected = writer.string(.object(fromMemory.assemble(s, depth: depth)))
                        let got = writer.string(.object(fromLinks.assemble(s, depth: depth == .full ? .full : .list)))
                        #expect(got == expected, "\(s.id)")
                    }
                }
                let mallorys = writer.string(.object(fromLinks.assemble(memory.record(table: "service", id: "m-svc")!)))
                #expect(mallorys.contains("01 555 9999") && mallorys.contains("m-attr-2"))
                let alices = writer.string(.object(fromLinks.assemble(memory.record(table: "service", id: service.id)!)))
                #expect(!alices.contains("1800 SCAM") && !alices.contains("m-attr"))
            }
        }
    }
}
