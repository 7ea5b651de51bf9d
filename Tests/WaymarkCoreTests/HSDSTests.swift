import Foundation
import Testing
import WaymarkCore
import WaymarkSample

/// The official HSDS 3.0 examples, found beside the repository as CI lays it out.
enum Anchors {
    static let specification: URL = {
        let here = URL(fileURLWithPath: #filePath)
        let repo = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let shared = ProcessInfo.processInfo.environment["WAYMARK_SHARED"].map { URL(fileURLWithPath: $0) }
            ?? repo.deletingLastPathComponent().appendingPathComponent("shared")
        return shared.appendingPathComponent("anchors/hsds/openreferral-specification-3.0")
    }()

    static func example(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: specification.appendingPathComponent("examples/\(name)")))
    }
}

struct HSDSTests {
    @Test func flattensTheOfficialFullServiceAndAssemblesItBack() throws {
        let records = try HSDSDocument.records(json: try Anchors.example("service_full.json"), fileName: "service_full.json")
        let tables = Set(records.map(\.table))
        #expect(tables.isSuperset(of: ["service", "organization", "phone", "schedule", "location", "service_at_location", "attribute"]))
        let rows = InMemoryRows(records)
        let service = try #require(rows.all("service").first)
        let assembled = HSDSAssembler(source: rows).assemble(service)
        // Reading the assembled form again gives exactly the same rows: nothing lost, nothing invented.
        let again = try HSDSDocument.records(json: JSONValue.object(assembled).canonicalBytes, fileName: "service.json")
        let lost = Set(records).subtracting(again).map { "\($0.table) \($0.id)" }
        let invented = Set(again).subtracting(records).map { "\($0.table) \($0.id)" }
        #expect(lost.isEmpty, "lost: \(lost)")
        #expect(invented.isEmpty, "invented: \(invented)")
        #expect(assembled["phones"]?.arrayValue?.isEmpty == false)
        #expect(assembled["organization"]?["id"] == service["organization_id"])
    }

    @Test func nestedRecordsGetTheirParentsKeys() throws {
        let json = #"{"id":"s1","name":"Drop-in","status":"active","phones":[{"id":"p1","number":"01 555 0100"}],"attributes":[{"id":"a1","taxonomy_term_id":"t1"}]}"#
        let records = try HSDSDocument.records(json: Array(json.utf8), fileName: "x.json", table: "service")
        let phone = try #require(records.first { $0.table == "phone" })
        #expect(phone.string("service_id") == "s1")
        let attribute = try #require(records.first { $0.table == "attribute" })
        #expect(attribute.string("link_id") == "s1")
        #expect(attribute.string("link_entity") == "service")
    }

    @Test func errorsNameRecordAndField() throws {
        let json = #"[{"id":"s1","name":"A","status":"active"},{"id":"s2","status":"active","minimum_age":4}]"#
        let error = try #require(throws: HSDSError.self) { try HSDSDocument.records(json: Array(json.utf8), fileName: "services.json") }
        #expect(error.file == "services.json")
        #expect(error.field == "name")
        #expect(error.record.contains("s2"))

        let bad = #"{"id":"s3","name":"B","status":"maybe"}"#
        let e2 = try #require(throws: HSDSError.self) { try HSDSDocument.records(json: Array(bad.utf8), fileName: "service.json") }
        #expect(e2.field == "status")
        let age = #"{"id":"s4","name":"C","status":"active","minimum_age":"ten"}"#
        let e3 = try #require(throws: HSDSError.self) { try HSDSDocument.records(json: Array(age.utf8), fileName: "service.json") }
        #expect(e3.field == "minimum_age")
    }

    @Test func readsPagesArraysAndNDJSON() throws {
        let page = try HSDSDocument.records(json: try Anchors.example("service_list.json"), fileName: "service_list.json")
        #expect(page.contains { $0.table == "service" })
        let nd = "{\"id\":\"a\",\"name\":\"A\",\"status\":\"active\"}\n{\"id\":\"b\",\"name\":\"B\",\"status\":\"active\"}\n"
        #expect(try HSDSDocument.records(json: Array(nd.utf8), fileName: "s.ndjson", table: "service").count == 2)
        #expect(try HSDSDocument.records(json: try Anchors.example("base.json"), fileName: "base.json").isEmpty)
    }

    @Test func tabularRoundTripIsLossless() throws {
        let records = SampleDirectory.ballymun()
        let files = HSDSDocument.tabular(records)
        let back = try HSDSDocument.records(
            tabular: files.filter { $0.fileName.hasSuffix(".csv") }.map {
                (table: HSDSDocument.tableForFile($0.fileName)!, fileName: $0.fileName, text: $0.text)
            })
        #expect(HSDSDocument.tabular(back).map(\.text) == files.map(\.text))
        #expect(back.count == records.count)
    }

    @Test func sampleDirectoryIsLargeAndDeterministic() {
        let a = SampleDirectory.ballymun()
        #expect(a.filter { $0.table == "organization" }.count == 130)
        #expect(a.filter { $0.table == "service" }.count >= 350)
        #expect(a == SampleDirectory.ballymun())
        let big = SampleDirectory.synthetic(services: 10_000)
        #expect(big.filter { $0.table == "service" }.count == 10_000)
        #expect(Set(big.map { "\($0.table)/\($0.id)" }).count == big.count)
    }
}

struct ReviewRegressionTests {
    @Test func numberedIdsDoNotShareAttributesAcrossTables() throws {
        let rows = InMemoryRows([
            HSDSRecord(table: "service", id: "1", fields: JSONObject([("id", .string("1")), ("name", .string("S")), ("status", .string("active"))])),
            HSDSRecord(
                table: "attribute", id: "a1",
                fields: JSONObject([("id", .string("a1")), ("link_id", .string("1")), ("link_entity", .string("organization"))])),
            HSDSRecord(
                table: "attribute", id: "a2", fields: JSONObject([("id", .string("a2")), ("link_id", .string("1")), ("link_entity", .string("service"))])),
        ])
        let doc = HSDSAssembler(source: rows).assemble(try #require(rows.record(table: "service", id: "1")))
        #expect(doc["attributes"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == ["a2"])
    }

    @Test func hugeOrNonFiniteAgesAreRefused() {
        for bad in ["1e19", "\"nan\"", "\"inf\""] {
            let json = #"{"id":"s1","name":"A","status":"active","minimum_age":"# + bad + "}"
            #expect(throws: HSDSError.self, "\(bad) accepted") { try HSDSDocument.records(json: Array(json.utf8), fileName: "service.json") }
        }
    }

    @Test func onlyTsIsNotADateTime() {
        #expect(LocalDateTime(iso: "T") == nil)
        #expect(LocalDateTime(iso: "TT") == nil)
        #expect(LocalDateTime(iso: "2026-02-30T10:00") == nil)
    }

    @Test func crlfInAFieldSurvivesCSV() throws {
        let rows = [["id", "description"], ["1", "a\r\nb"]]
        #expect(try CSV.parse(CSV.write(rows)).count == 2)
    }

    @Test func endedRulesAreNotOpen() {
        var o = JSONObject([("id", .string("x")), ("freq", .string("WEEKLY")), ("byday", .string("MO"))])
        o["opens_at"] = .string("09:00")
        o["closes_at"] = .string("17:00")
        o["until"] = .string("2025-06-30")
        let hours = OpeningHours(schedules: [HSDSRecord(table: "schedule", id: "x", fields: o)])
        #expect(!hours.isOpen(at: LocalDateTime(year: 2026, month: 11, day: 23, hour: 10)))
        #expect(hours.isOpen(at: LocalDateTime(year: 2025, month: 6, day: 23, hour: 10)))
    }

    @Test func aSmallInitiatorSyncsWithALargeResponderInBoundedMessages() throws {
        let big = items(5000, seed: 11)
        let run = try reconcile([], big)
        #expect(run.need.count == 5000)
    }
}
