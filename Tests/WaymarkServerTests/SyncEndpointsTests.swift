import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing
import WaymarkCore
import WaymarkCrypto
@testable import WaymarkServer
import WaymarkStore
import WaymarkSync
import WaymarkTestKit

/// The sync endpoints through the application a node runs (`Protocol/SPEC.md` §5.4): members are
/// answered; a stranger is refused before its body is read; bad signatures get 401; and an address
/// whose requests keep being refused is turned away, as counted behind a trusted reverse proxy.
struct SyncEndpointsTests {
    static let home = Fixtures.identity(31)
    static let member = Fixtures.identity(32)
    static let stranger = Fixtures.identity(66)
    static let host = "node.test"

    /// A node founded by `home` that vouched for `member`, reached at http://node.test.
    static func node() throws -> NodeDatabase {
        let db = try NodeDatabase()
        try db.setFounders([home.signingPublicKey])
        try db.setSetting("public_url", "http://\(host)")
        try db.publishVouch(.init(member: member.signingPublicKey, organizationName: "Youth Club"), identity: home, nowMilliseconds: LocalClock.nowMilliseconds() - 60_000)
        return db
    }

    static func app(_ db: NodeDatabase) throws -> some ApplicationProtocol {
        var server = ServerSettings(port: 0)
        server.trustedProxies = ["127.0.0.1"]
        return try buildApplication(NodeArguments(database: db, identity: home, server: server, logger: Logger(label: "test")))
    }

    /// Signature headers for a POST by `identity`, plus `X-Forwarded-For` when given.
    static func headers(_ path: String, _ body: [UInt8], by identity: NodeIdentity, from address: String? = nil) -> HTTPFields {
        var fields = HTTPFields()
        for (name, value) in RequestSignature.headers(method: "POST", host: host, path: path, body: body, by: identity, nowMilliseconds: LocalClock.nowMilliseconds()) {
            fields[HTTPField.Name(name)!] = value
        }
        if let address { fields[HTTPField.Name("X-Forwarded-For")!] = address }
        return fields
    }

    @Test func membersAreAnsweredAndEveryoneElseIsRefusedWithTheReason() async throws {
        let db = try Self.node()
        let row = RowNamespace.id(author: Self.member.signingPublicKey, local: 42)
        let record = DirectoryPayload(
            table: "service", id: row, fields: JSONObject([("id", .string(row)), ("name", .string("Drop-in")), ("status", .string("active"))]))
        let envelope = EnvelopeCrypto.sign(
            kind: .directoryRecord, scope: "public", payload: record.encoded(), by: Self.member, sequence: 1, dependencies: [],
            clock: HybridClock.pack(milliseconds: LocalClock.nowMilliseconds(), counter: 0))
        let push = EnvelopeFrames.encode([envelope.encoded()])
        let before = try db.ledger.counts().envelopes
        try await Self.app(db).test(.router) { client in
            // A member: its push is taken in, its fetch answered.
            try await client.execute(
                uri: "/sync/v1/push", method: .post, headers: Self.headers("/sync/v1/push", push, by: Self.member), body: ByteBuffer(bytes: push)
            ) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains(#""accepted":1"#), "\(String(buffer: response.body))")
            }
            try await client.execute(uri: "/sync/v1/fetch", method: .post, headers: Self.headers("/sync/v1/fetch", [], by: Self.member)) { response in
                #expect(response.status == .ok)
            }
            // A stranger, on every endpoint: 403, naming its fingerprint.
            for path in ["/sync/v1/reconcile", "/sync/v1/fetch", "/sync/v1/push"] {
                try await client.execute(uri: path, method: .post, headers: Self.headers(path, push, by: Self.stranger), body: ByteBuffer(bytes: push)) {
                    response in
                    #expect(response.status == .forbidden)
                    let body = String(buffer: response.body)
                    #expect(body.contains("Not a member") && body.contains(Self.stranger.fingerprint), "\(body)")
                }
            }
            // A member's headers over another body, and no headers at all: 401.
            try await client.execute(
                uri: "/sync/v1/push", method: .post, headers: Self.headers("/sync/v1/push", [], by: Self.member), body: ByteBuffer(bytes: push)
            ) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/sync/v1/fetch", method: .post, body: ByteBuffer(bytes: [1, 2, 3])) { response in
                #expect(response.status == .unauthorized)
            }
        }
        #expect(try db.ledger.counts().envelopes == before + 1, "only the member's envelope was stored")
        #expect(try db.record(table: "service", id: row) != nil)
    }

    @Test func anAddressWithThirtyRefusalsIsTurnedAwayBeforeAnythingIsChecked() async throws {
        let db = try Self.node()
        try await Self.app(db).test(.live) { client in
            func call(_ identity: NodeIdentity?, from address: String?, path: String = "/sync/v1/fetch") async throws -> TestResponse {
                var headers = identity.map { Self.headers(path, [], by: $0, from: address) } ?? HTTPFields()
                if identity == nil, let address { headers[HTTPField.Name("X-Forwarded-For")!] = address }
                return try await client.execute(uri: path, method: .post, headers: headers)
            }
            for _ in 0..<30 { #expect(try await call(Self.stranger, from: "203.0.113.9").status == .forbidden) }
            let turnedAway = try await call(Self.stranger, from: "203.0.113.9")
            #expect(turnedAway.status == .tooManyRequests)
            #expect(turnedAway.headers[.retryAfter] == "600")
            #expect(String(buffer: turnedAway.body).contains("Too many refused requests"))
            #expect(try await call(nil, from: "203.0.113.9").status == .tooManyRequests, "unsigned requests too, before their signature is looked at")
            // Per address: a member elsewhere is answered, a stranger elsewhere refused as before; a
            // member at the turned-away address waits with it.
            #expect(try await call(Self.member, from: "198.51.100.7").status == .ok)
            #expect(try await call(Self.stranger, from: "198.51.100.8").status == .forbidden)
            #expect(try await call(Self.member, from: "203.0.113.9").status == .tooManyRequests)
            // Bad signatures count too.
            for _ in 0..<30 { #expect(try await call(nil, from: "192.0.2.7").status == .unauthorized) }
            #expect(try await call(Self.member, from: "192.0.2.7").status == .tooManyRequests)
            // The proxy's own address (loopback, nothing forwarded) is never counted: every client behind it would wait.
            for _ in 0..<35 { #expect(try await call(Self.stranger, from: nil).status == .forbidden) }
            #expect(try await call(Self.member, from: nil).status == .ok)
        }
    }
}
