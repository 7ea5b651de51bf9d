import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
import WaymarkCore
import WaymarkCrypto
import WaymarkServer
import WaymarkStore
import WaymarkSync
import WaymarkTestKit

/// Opening the referral inbox is a read: it shows what arrived and signs nothing (before, it marked
/// referrals `received` and so wrote to the ledger on a GET).
struct StaffReferralInboxTests {
    static let now: UInt64 = 1_795_305_600_000
    static let home = Fixtures.identity(1), partner = Fixtures.identity(2)
    static let token = String(repeating: "b3", count: 32)

    static func nodeRecord(_ who: NodeIdentity, _ name: String) -> [UInt8] {
        let r = NodeRecord(organizationID: name, organizationName: name, url: "http://127.0.0.1:1/\(name)", encryptionKey: who.encryptionPublicKey)
        return EnvelopeCrypto.sign(
            kind: .nodeRecord, scope: "public", payload: r.encoded(), by: who, sequence: 1, dependencies: [],
            clock: HybridClock.pack(milliseconds: now - 5000, counter: 0)
        ).encoded()
    }

    /// The partner's node, holding one referral from the home organisation that it has not acknowledged.
    static func partnerNode() throws -> NodeDatabase {
        let a = try NodeDatabase(), b = try NodeDatabase()
        for db in [a, b] { try db.setFounders([home.signingPublicKey, partner.signingPublicKey]) }
        _ = try a.ingest([nodeRecord(partner, "Partner")], from: "t", nowMilliseconds: now)
        _ = try b.ingest([nodeRecord(home, "Home")], from: "t", nowMilliseconds: now)
        let client = try a.createClient(
            ClientRecord(name: "Clíona Inbox", dateOfBirth: "1990-05-05", needs: ["training"]), identity: home, by: "ciaran", nowMilliseconds: now)
        let partnerKey = hexString(partner.signingPublicKey)
        try a.recordConsent(
            clientID: client,
            .grant(
                ConsentGrant(
                    organization: partnerKey, purposes: [.referral], dataClasses: ["needs"], start: "2026-11-22", end: "2027-11-21", method: .written,
                    recordedBy: "C"), after: []),
            identity: home, by: "ciaran", nowMilliseconds: now + 1)
        try a.sendReferral(
            clientID: client, to: partnerKey, serviceID: "s1", serviceName: "Course", note: "evenings", identity: home, by: "ciaran", today: "2026-11-22",
            nowMilliseconds: now + 2)
        let report = try b.ingest(try a.envelopes(a.reconciliationItems().map(\.id)), from: "test", nowMilliseconds: now + 10)
        #expect(report.rejected.isEmpty, "\(report.rejected)")
        let caseworker = try b.addStaff(username: "brid", displayName: "Bríd Partner", role: .caseworker, password: "a long caseworker password", nowMilliseconds: now)
        try b.startSession(userID: caseworker.id, token: token, csrf: Tokens.random(), nowMilliseconds: LocalClock.nowMilliseconds())
        return b
    }

    @Test func openingTheInboxShowsTheReferralAndSignsNothing() async throws {
        let b = try withLargeStack { try Self.partnerNode() }
        let app = buildApplication(
            directory: Directory(database: b), nodeName: "Partner", settings: ServerSettings(port: 0), logger: Logger(label: "test"),
            sync: SyncNode(database: b, identity: Self.partner))
        let before = try b.ledgerCounts().envelopes
        try await app.test(.router) { client in
            for _ in 0..<2 {
                try await client.execute(uri: "/staff/referrals", method: .get, headers: [.cookie: "waymark_session_0=\(Self.token)"]) { response in
                    #expect(response.status == .ok)
                    #expect(String(buffer: response.body).contains("Clíona Inbox"))
                }
            }
        }
        #expect(try b.ledgerCounts().envelopes == before, "opening the inbox signed envelopes")
        // Acknowledging is the sync shell's work, on arrival: it signs the `received` once.
        #expect(try b.acknowledgeReferrals(identity: Self.partner, nowMilliseconds: Self.now + 20) == 1)
        #expect(try b.ledgerCounts().envelopes == before + 1)
    }
}
