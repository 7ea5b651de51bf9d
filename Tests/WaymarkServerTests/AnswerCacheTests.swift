import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing
import WaymarkCore
@testable import WaymarkServer
import WaymarkStore
import WaymarkTestKit
import WaymarkSample

struct AnswerCacheTests {
    func key(_ query: String, version: Int = 1, minute: Int = 600) -> AnswerCache.Key {
        AnswerCache.Key(version: version, day: 20_000, minute: minute, query: query)
    }

    @Test func keepsAnswersWithinItsBytes() {
        let cache = AnswerCache(capacityBytes: 10_000, largest: 4_000)
        for i in 0..<20 { cache.keep(ByteBuffer(repeating: 0x41, count: 1_000), ndjson: false, for: key("q=\(i)")) }
        let (answers, bytes) = cache.usage
        #expect(bytes <= 10_000)
        #expect(answers >= 8 && answers <= 10)
        // The newest answer is always kept; one over the size limit never is.
        #expect(cache.answer(key("q=19"))?.body.readableBytes == 1_000)
        cache.keep(ByteBuffer(repeating: 0x41, count: 5_000), ndjson: false, for: key("big"))
        #expect(cache.answer(key("big")) == nil)
    }

    @Test func anotherVersionOrMinuteFindsNothingOld() {
        let cache = AnswerCache(capacityBytes: 10_000)
        cache.keep(ByteBuffer(string: "old"), ndjson: true, for: key("q=youth"))
        #expect(cache.answer(key("q=youth"))?.ndjson == true)
        #expect(cache.answer(key("q=youth", version: 2)) == nil)
        #expect(cache.answer(key("q=youth", minute: 601)) == nil)
        // Keeping an answer of the next minute drops the old minute's answers at once.
        cache.keep(ByteBuffer(string: "new"), ndjson: false, for: key("q=youth", minute: 601))
        #expect(cache.usage.answers == 1)
    }

    @Test func turnedOffKeepsNothing() {
        let cache = AnswerCache(capacityBytes: 0)
        cache.keep(ByteBuffer(string: "x"), ndjson: false, for: key("q"))
        #expect(cache.answer(key("q")) == nil)
        #expect(!cache.isEnabled)
    }

    /// The API answers a repeated search from the cache, and a change to the directory shows in the
    /// very next answer once the node has noticed it (the directory version is part of the key).
    @Test func aDirectoryChangeIsNeverAnsweredFromTheCache() async throws {
        let db = try withLargeStack {
            let db = try NodeDatabase()
            try db.ledger.publish(SampleDirectory.ballymun(), identity: Fixtures.publisher, nowMilliseconds: Fixtures.publishedAt)
            return db
        }
        let org = try #require(SampleDirectory.ballymun().first { $0.table == "organization" })
        let clock = LocalClock(fixedNow: Date(timeIntervalSince1970: 1_795_429_800))
        let app = try buildApplication(
            NodeArguments(database: db, identity: nil, server: ServerSettings(port: 0, clock: clock), logger: Logger(label: "test")))
        @Sendable func total(_ client: some TestClientProtocol) async throws -> (Int, String?) {
            try await client.execute(uri: "/api/services?search=zebra", method: .get) { response in
                #expect(response.status == .ok)
                let page = try JSONParser.parse(Array(buffer: response.body))
                return (Int(page["total_items"]?.doubleValue ?? -1), response.headers[.contentType])
            }
        }
        try await app.test(.router) { client in
            let first = try await total(client)
            let second = try await total(client)
            #expect(first.0 == 0)
            #expect(second.0 == 0 && second.1 == "application/json; charset=utf-8")
            let fields = JSONObject([
                ("id", .string("zebra-patrol")), ("organization_id", .string(org.id)), ("name", .string("Zebra crossing patrol")),
                ("status", .string("active")),
            ])
            _ = try withLargeStack {
                try db.ledger.publish(
                    [HSDSRecord(table: "service", id: "zebra-patrol", fields: fields)], identity: Fixtures.publisher,
                    nowMilliseconds: Fixtures.publishedAt + 1)
            }
            // The node looks at the directory version at most every half second.
            try await Task.sleep(for: .milliseconds(600))
            let after = try await total(client)
            #expect(after.0 == 1)
            for _ in 0..<2 {
                try await client.execute(uri: "/api/services?search=zebra&format=ndjson", method: .get) { response in
                    #expect(response.headers[.contentType] == "application/x-ndjson; charset=utf-8")
                    #expect(String(buffer: response.body).contains("Zebra crossing patrol"))
                }
            }
        }
    }
}
