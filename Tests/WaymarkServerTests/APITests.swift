import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
import WaymarkCore
import WaymarkServer
import WaymarkStore
import WaymarkTestKit
import WaymarkSample

struct APITests {
    static let database: NodeDatabase = try! withLargeStack {
        let db = try NodeDatabase()
        try db.ledger.publish(SampleDirectory.ballymun(), identity: Fixtures.publisher, nowMilliseconds: Fixtures.publishedAt)
        return db
    }

    func app() throws -> some ApplicationProtocol {
        // Monday 23 November 2026, 10:30 in Dublin (UTC+0 in winter).
        let clock = LocalClock(fixedNow: Date(timeIntervalSince1970: 1_795_429_800))
        return try buildApplication(
            NodeArguments(database: Self.database, identity: nil, server: ServerSettings(port: 0, clock: clock), logger: Logger(label: "test")))
    }

    @Test func servicesPage() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/api/services?per_page=5&facets=true", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.accessControlAllowOrigin] == "*")
                let page = try JSONParser.parse(Array(buffer: response.body))
                #expect(page["size"] == JSONValue(5))
                #expect(page["contents"]?.arrayValue?.count == 5)
                #expect((page["total_items"]?.doubleValue ?? 0) >= 350)
                #expect(page["facets"]?["free"]?.doubleValue ?? 0 > 0)
            }
        }
    }

    @Test(arguments: [
        ("page=0", "page"), ("per_page=abc", "per_page"), ("free=maybe", "free"), ("lat=53.3", "lon"), ("sort=distance", "sort"),
        ("day=someday", "day"), ("start_time=25:00", "start_time"), ("postcode=ZZZ", "postcode"), ("format=xml", "format"),
    ])
    func invalidParametersAreProblems(_ query: String, _ parameter: String) async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/api/services?\(query)", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.headers[.contentType] == "application/problem+json")
                let body = try JSONParser.parse(Array(buffer: response.body))
                #expect(body["detail"]?.stringValue?.contains(parameter) == true)
            }
        }
    }

    @Test func unknownServiceIs404() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/api/services/nope", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/problem+json")
            }
        }
    }

    @Test func openNowFollowsTheClock() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/api/services?open_now=true&per_page=100&full=true", method: .get) { response in
                let page = try JSONParser.parse(Array(buffer: response.body))
                let items = page["contents"]?.arrayValue ?? []
                #expect(!items.isEmpty)
                for item in items {
                    let days = (item["schedules"]?.arrayValue ?? []).compactMap { $0["byday"]?.stringValue }
                    #expect(days.contains { $0.contains("MO") })
                }
            }
        }
    }
}
