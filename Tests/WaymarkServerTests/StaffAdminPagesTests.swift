import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
import WaymarkCore
import WaymarkCrypto
@testable import WaymarkServer
import WaymarkStore
import WaymarkSync
import WaymarkTestKit
import WaymarkSample

/// The sync and corrections pages are for the node's admins only, whatever the request looks like:
/// a request shaped like a reverse proxy's (Host 127.0.0.1, no forwarded headers) used to be let in.
struct StaffAdminPagesTests {
    static let adminToken = String(repeating: "a1", count: 32)
    static let caseworkerToken = String(repeating: "c2", count: 32)
    static let identity = Fixtures.identity(7)

    /// A node with the sample directory (published by `publisher`), an admin and a caseworker signed
    /// in with these form tokens.
    static func node(publisher: NodeIdentity, adminCSRF: String, caseworkerCSRF: String) throws -> NodeDatabase {
        try withLargeStack {
            let db = try NodeDatabase()
            try db.ledger.publish(SampleDirectory.ballymun(), identity: publisher, nowMilliseconds: Fixtures.publishedAt)
            let now = LocalClock.nowMilliseconds()
            let admin = try db.staff.add(username: "maire", displayName: "Máire Admin", role: .admin, password: "a long admin password", nowMilliseconds: now)
            let caseworker = try db.staff.add(
                username: "sean", displayName: "Seán Caseworker", role: .caseworker, password: "a long caseworker password", nowMilliseconds: now)
            try db.staff.startSession(userID: admin.id, token: adminToken, csrf: adminCSRF, nowMilliseconds: now)
            try db.staff.startSession(userID: caseworker.id, token: caseworkerToken, csrf: caseworkerCSRF, nowMilliseconds: now)
            return db
        }
    }

    static let database: NodeDatabase = try! {
        let db = try node(publisher: Fixtures.publisher, adminCSRF: Tokens.random(), caseworkerCSRF: Tokens.random())
        _ = try db.addCorrection(
            Correction(serviceID: "svc-x", organizationID: nil, field: "hours", message: "Closed on Fridays now", contact: "reader@example.org", createdAt: "2026-12-03"))
        return db
    }()

    func app() throws -> some ApplicationProtocol {
        try buildApplication(
            NodeArguments(database: Self.database, identity: Self.identity, server: ServerSettings(port: 0), logger: Logger(label: "test")))
    }

    static func headers(token: String? = nil) -> HTTPFields {
        // (The request shaped like a local reverse proxy's, over real HTTP, is in Tests/integration/test_staff_security.py.)
        var fields: HTTPFields = [:]
        if let token { fields[.cookie] = "waymark_session_0=\(token)" }
        return fields
    }

    @Test(arguments: ["/staff/sync", "/staff/corrections"])
    func aStrangerIsSentToSignInAndSeesNothing(_ path: String) async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: path + "?lang=ga", method: .get, headers: Self.headers()) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/staff/login?lang=ga&next=\(path)%3Flang%3Dga")
            }
        }
    }

    @Test(arguments: ["/staff/sync", "/staff/corrections"])
    func aCaseworkerIsRefused(_ path: String) async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: path, method: .get, headers: Self.headers(token: Self.caseworkerToken)) { response in
                #expect(response.status == .forbidden)
                let body = String(buffer: response.body)
                #expect(!body.contains(Self.identity.fingerprint) && !body.contains("reader@example.org"))
            }
        }
    }

    @Test func anAdminSeesBothPagesFromTheStaffMenu() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/staff", method: .get, headers: Self.headers(token: Self.adminToken)) { response in
                let body = String(buffer: response.body)
                #expect(body.contains("href=\"/staff/sync?lang=en\"") && body.contains("href=\"/staff/corrections?lang=en\""))
                #expect(body.contains("— <strong>1 open</strong>"), "the home says how many suggestions wait")
            }
            try await client.execute(uri: "/staff/sync", method: .get, headers: Self.headers(token: Self.adminToken)) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.cacheControl] == "no-store")
                #expect(String(buffer: response.body).contains(Self.identity.fingerprint))
            }
            try await client.execute(uri: "/staff/corrections", method: .get, headers: Self.headers(token: Self.adminToken)) { response in
                #expect(response.status == .ok)
                let body = String(buffer: response.body)
                #expect(body.contains("Closed on Fridays now") && body.contains("reader@example.org"))
            }
            let viewed = try Self.database.audit.lines(username: "maire").map(\.action)
            #expect(viewed.contains("view suggested corrections"))
        }
    }

    @Test func theOldAddressesLeadToTheStaffArea() async throws {
        try await app().test(.router) { client in
            for (old, new) in [("/admin/sync?lang=ga", "/staff/sync?lang=ga"), ("/admin/corrections", "/staff/corrections")] {
                try await client.execute(uri: old, method: .get, headers: Self.headers()) { response in
                    #expect(response.status == .seeOther)
                    #expect(response.headers[.location] == new)
                }
            }
        }
    }

    @Test func afterSigningInOnlyAPageOfTheStaffAreaIsFollowed() {
        #expect(StaffPages.afterSignIn("/staff/sync?lang=ga", language: .english) == "/staff/sync?lang=ga")
        for hostile in [
            "https://evil.example/staff", "//evil.example/staff", "/staff//evil.example", "/\\evil.example", "/staff\\@evil", "/other", "/staff/login",
            "/staff\n/x", "/staffX", "/staff/../services/x", "/staff/%2e%2e/x".removingPercentEncoding, "/staff/caf\u{e9}", nil,
        ] {
            #expect(StaffPages.afterSignIn(hostile, language: .irish) == "/staff?lang=ga", "\(hostile ?? "nil")")
        }
    }

    /// An admin deals with a suggestion: marks it put right (it leaves the open list and shows as
    /// dealt with, logged), reopens it, or says no change was needed. A caseworker cannot, nor can a
    /// form without the session's token.
    @Test func anAdminDealsWithASuggestion() async throws {
        let db = try Self.node(publisher: Self.identity, adminCSRF: "admin-form-token", caseworkerCSRF: "caseworker-form-token")
        let service = try #require(try db.allRecords().first { $0.table == "service" })
        let id = try db.addCorrection(
            Correction(serviceID: service.id, organizationID: nil, field: "hours", message: "Closed on Fridays now", contact: nil, createdAt: "2026-12-03T10:15:00Z"))
        let app = try buildApplication(NodeArguments(database: db, identity: Self.identity, server: ServerSettings(port: 0), logger: Logger(label: "test")))
        try await app.test(.router) { client in
            func post(_ token: String, _ body: String) async throws -> HTTPResponse.Status {
                var headers = Self.headers(token: token)
                headers[.contentType] = "application/x-www-form-urlencoded"
                return try await client.execute(uri: "/staff/corrections/\(id)", method: .post, headers: headers, body: ByteBuffer(string: body)) { $0.status }
            }
            func page(_ uri: String) async throws -> String {
                try await client.execute(uri: uri, method: .get, headers: Self.headers(token: Self.adminToken)) { String(buffer: $0.body) }
            }
            let open = try await page("/staff/corrections")
            #expect(open.contains("Closed on Fridays now") && open.contains("2026-12-03 10:15") && open.contains("Published by: this organisation"))
            #expect(try await post(Self.caseworkerToken, "csrf=caseworker-form-token&status=done") == .forbidden)
            #expect(try await post(Self.adminToken, "csrf=wrong&status=done") == .forbidden)
            #expect(try await post(Self.adminToken, "csrf=admin-form-token&status=done") == .seeOther)
            #expect(try await !page("/staff/corrections").contains("Closed on Fridays now"), "no longer open")
            let closed = try await page("/staff/corrections?show=closed")
            #expect(closed.contains("Closed on Fridays now") && closed.contains("Put right") && closed.contains("Reopen"))
            #expect(closed.contains("(by Máire Admin, "), "who dealt with it, and when")
            #expect(try await post(Self.adminToken, "csrf=admin-form-token&status=new") == .seeOther)
            #expect(try await page("/staff/corrections").contains("Closed on Fridays now"), "open again")
            #expect(try await post(Self.adminToken, "csrf=admin-form-token&status=dismissed&lang=ga") == .seeOther)
            #expect(try await page("/staff/corrections?show=closed&lang=ga").contains("Níor ghá athrú"))
            #expect(try await post(Self.adminToken, "csrf=admin-form-token&status=lost") == .notFound)
        }
        #expect(try db.corrections().map(\.status) == ["dismissed"] && db.corrections().first?.handledBy == "Máire Admin")
        let actions = try db.audit.lines(username: "maire").map(\.action)
        #expect(actions.contains("correction done") && actions.contains("correction reopened") && actions.contains("correction dismissed"))
    }

    /// A second sign-in page (another tab, a reload) keeps the browser's sign-in token, so the first
    /// page's form still signs in; a token the browser does not hold does not.
    @Test func aSecondSignInPageLeavesTheFirstFormGood() async throws {
        try await app().test(.router) { client in
            func token(_ body: String) -> String? { body.firstMatch(of: /name="csrf" value="([0-9a-f]{64})"/).map { String($0.1) } }
            let (first, cookie) = try await client.execute(uri: "/staff/login", method: .get) { response in
                (token(String(buffer: response.body)), response.headers[.setCookie]?.split(separator: ";").first.map(String.init))
            }
            let held = try #require(cookie)
            let again = try await client.execute(uri: "/staff/login", method: .get, headers: [.cookie: held]) { token(String(buffer: $0.body)) }
            #expect(first != nil && again == first)
            func signIn(_ csrf: String) async throws -> HTTPResponse.Status {
                try await client.execute(
                    uri: "/staff/login", method: .post, headers: [.cookie: held, .contentType: "application/x-www-form-urlencoded"],
                    body: ByteBuffer(string: "csrf=\(csrf)&username=maire&password=a+long+admin+password")
                ) { $0.status }
            }
            #expect(try await signIn(String(repeating: "0", count: 64)) == .forbidden)
            #expect(try await signIn(try #require(first)) == .seeOther)
        }
    }
}
