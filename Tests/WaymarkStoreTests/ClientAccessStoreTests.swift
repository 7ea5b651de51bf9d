import Foundation
import Testing
import WaymarkCore
import WaymarkCrypto
import GRDB
@testable import WaymarkStore
import WaymarkTestKit

/// Clients in control (`Protocol/SPEC.md` §13) between three databases: the client's home
/// organisation, a partner they consented to, and another member whose site they use. Envelopes are
/// carried across by hand, as sync would.
struct ClientAccessStoreTests {
    static let now = ReferralStoreTests.now
    static let home = Fixtures.identity(21), partner = Fixtures.identity(22), visitor = Fixtures.identity(23)
    static let random: [UInt8] = [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]

    static func setUp() throws -> (h: NodeDatabase, p: NodeDatabase, v: NodeDatabase, client: String) {
        let records = [(home, "Home"), (partner, "Partner"), (visitor, "Visitor")].map { ReferralStoreTests.nodeRecord($0.0, $0.1) }
        let dbs = try [home, partner, visitor].map { who in
            let db = try NodeDatabase.inTestFederation(opener: who)
            _ = try db.ledger.ingest(records, from: "t", nowMilliseconds: now)
            return db
        }
        let client = try dbs[0].caseload.createClient(ClientRecord(name: "Nuala Ownkey", dateOfBirth: "1990-05-01"), identity: home, by: "ciaran", nowMilliseconds: now)
        let grant = ConsentGrant(
            organization: hexString(partner.signingPublicKey), purposes: [.referral, .progress], dataClasses: ["needs"], start: "2026-11-22", end: "2027-11-21",
            method: .written, recordedBy: "Ciarán")
        try dbs[0].journeys.recordConsent(clientID: client, .grant(grant, after: []), identity: home, by: "ciaran", nowMilliseconds: now + 1)
        return (dbs[0], dbs[1], dbs[2], client)
    }

    static func partnerStanding(_ p: NodeDatabase, circle: String) throws -> ConsentFold.Standing {
        try p.journeys.journey(circle: circle, identity: partner, today: "2026-11-23").consents.standing(of: hexString(partner.signingPublicKey))
    }

    @Test func theClientReadsTheirRecordElsewhereAndWithdrawsEvenIfTheHomeNeverHearsOfIt() throws {
        let (h, p, v, client) = try Self.setUp()
        let receipt = try h.clientAccess.issueClientReceipt(clientID: client, identity: Self.home, by: "ciaran", nowMilliseconds: Self.now + 2, random: Self.random)
        #expect(receipt.dateOfBirth == "1990-05-01" && receipt.code == ClientCode.make(random: Self.random))
        for (a, b) in [(h, v), (h, p)] { try ReferralStoreTests.sync(a, b, at: Self.now + 3) }

        // On the visitor's node the code and date of birth find the record; a wrong date finds nothing.
        let key = try ClientKey.derive(code: receipt.code, dateOfBirth: "1990-05-01")
        #expect(try v.clientAccess.clientCircle(key: key) == receipt.circle)
        #expect(try v.clientAccess.clientCircle(key: ClientKey.derive(code: receipt.code, dateOfBirth: "1990-05-02")) == nil)
        let record = try v.clientAccess.clientRecord(key: key, circle: receipt.circle, today: "2026-11-23")
        // The consent written before the receipt opens through the client's copy of its key.
        guard case .granted(let g, _) = record.journey.consents.standing(of: hexString(Self.partner.signingPublicKey)) else {
            Issue.record("the client sees their consent for the partner")
            return
        }
        #expect(g.purposes == [.referral, .progress] && record.homeName == "Home")
        #expect(record.holders.map(\.name).sorted() == ["Home", "Partner"])
        #expect(record.journey.timeline.count == 1 && !record.journey.timeline[0].byClient)

        // The client withdraws on the visitor's site. The visitor cannot read the record itself.
        try v.clientAccess.clientConsentChange(
            key: key, circle: receipt.circle, .revoke(organization: hexString(Self.partner.signingPublicKey), method: .digital, recordedBy: "client", reason: nil),
            identity: Self.visitor, today: "2026-11-23", nowMilliseconds: Self.now + 10)
        #expect(try v.journeys.journey(circle: receipt.circle, identity: Self.visitor, today: "2026-11-23").consents.organizations.isEmpty)
        // It reaches the partner without passing through the home node, and counts there.
        try ReferralStoreTests.sync(v, p, at: Self.now + 11)
        guard case .revoked = try Self.partnerStanding(p, circle: receipt.circle) else {
            Issue.record("the partner honours the client's withdrawal though the home node never passed it on")
            return
        }
        #expect(try p.clientAccess.acknowledgeClientConsents(identity: Self.partner, nowMilliseconds: Self.now + 12) == 1)
        #expect(try p.clientAccess.acknowledgeClientConsents(identity: Self.partner, nowMilliseconds: Self.now + 13) == 0)
        try ReferralStoreTests.sync(v, h, at: Self.now + 14)
        #expect(try h.clientAccess.acknowledgeClientConsents(identity: Self.home, nowMilliseconds: Self.now + 15) == 1)
        guard case .revoked = try h.journeys.consents(clientID: client, identity: Self.home, today: "2026-11-23")[0].standing else {
            Issue.record("the home organisation's staff see the consent withdrawn")
            return
        }
        for (a, b) in [(p, v), (h, v)] { try ReferralStoreTests.sync(a, b, at: Self.now + 16) }
        let after = try v.clientAccess.clientRecord(key: key, circle: receipt.circle, today: "2026-11-23")
        #expect(after.changes.count == 1 && !after.changes[0].granted && after.changes[0].carriedByName == "Visitor")
        #expect(after.changes[0].acknowledgements.map(\.name).sorted() == ["Home", "Partner"])
        #expect(after.journey.timeline.last?.byClient == true)
        // Withdrawing again changes nothing.
        #expect(throws: NodeDatabase.ClientAccessError.nothingToChange) {
            try v.clientAccess.clientConsentChange(
                key: key, circle: receipt.circle, .revoke(organization: hexString(Self.partner.signingPublicKey), method: .digital, recordedBy: "client", reason: nil),
                identity: Self.visitor, today: "2026-11-23", nowMilliseconds: Self.now + 17)
        }
        // Agreeing again and stopping again: the second withdrawal is a change of its own, not a
        // replay of the first (each signing carries a fresh nonce, §13.6).
        let partnerHex = hexString(Self.partner.signingPublicKey)
        try v.clientAccess.clientConsentChange(
            key: key, circle: receipt.circle,
            .grant(ConsentGrant(organization: partnerHex, purposes: [.referral], dataClasses: ["needs"], start: "2026-11-23", end: "2027-11-22",
                method: .digital, recordedBy: "client"), after: []),
            identity: Self.visitor, today: "2026-11-23", nowMilliseconds: Self.now + 17)
        try v.clientAccess.clientConsentChange(
            key: key, circle: receipt.circle, .revoke(organization: partnerHex, method: .digital, recordedBy: "client", reason: nil),
            identity: Self.visitor, today: "2026-11-23", nowMilliseconds: Self.now + 17)
        guard case .revoked = try v.clientAccess.clientRecord(key: key, circle: receipt.circle, today: "2026-11-23").journey.consents.standing(of: partnerHex) else {
            Issue.record("a second withdrawal after agreeing again counts")
            return
        }
        try ReferralStoreTests.sync(v, p, at: Self.now + 17)
        guard case .revoked = try Self.partnerStanding(p, circle: receipt.circle) else {
            Issue.record("the partner honours the second withdrawal")
            return
        }
        // What the home node writes from now on is the client's to read too.
        try h.journeys.recordConsent(
            clientID: client, .revoke(organization: hexString(Self.visitor.signingPublicKey), method: .verbal, recordedBy: "Ciarán", reason: nil),
            identity: Self.home, by: "ciaran", nowMilliseconds: Self.now + 18)
        try ReferralStoreTests.sync(h, v, at: Self.now + 19)
        #expect(try v.clientAccess.clientRecord(key: key, circle: receipt.circle, today: "2026-11-23").journey.consents.organizations.count == 2)
    }

    /// A new receipt replaces the old one: the old code opens nothing and signs nothing that counts.
    @Test func aReplacedCodeStopsWorking() throws {
        let (h, p, _, client) = try Self.setUp()
        let first = try h.clientAccess.issueClientReceipt(clientID: client, identity: Self.home, by: "ciaran", nowMilliseconds: Self.now + 2, random: Self.random)
        let oldKey = try ClientKey.derive(code: first.code, dateOfBirth: "1990-05-01")
        #expect(try h.clientAccess.clientCircle(key: oldKey) == first.circle)
        let second = try h.clientAccess.issueClientReceipt(
            clientID: client, identity: Self.home, by: "ciaran", nowMilliseconds: Self.now + 3, random: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1])
        #expect(try h.clientAccess.clientCircle(key: oldKey) == nil)
        #expect(try h.clientAccess.clientCircle(key: ClientKey.derive(code: second.code, dateOfBirth: "1990-05-01")) == second.circle)
        #expect(throws: NodeDatabase.ClientAccessError.noSuchClient) {
            try h.clientAccess.clientConsentChange(
                key: oldKey, circle: first.circle, .revoke(organization: hexString(Self.partner.signingPublicKey), method: .digital, recordedBy: "client", reason: nil),
                identity: Self.home, today: "2026-11-23", nowMilliseconds: Self.now + 4)
        }
        _ = p
    }

    /// A partner asks the client to share progress (§13.10); the client says no on another member's
    /// site, and the partner and the home organisation see it; a later request the client agrees to
    /// shows as agreed.
    @Test func aPartnerAsksAndTheClientAnswers() throws {
        let (h, p, v, client) = try Self.setUp()
        let receipt = try h.clientAccess.issueClientReceipt(clientID: client, identity: Self.home, by: "ciaran", nowMilliseconds: Self.now + 2, random: Self.random)
        for (a, b) in [(h, v), (h, p)] { try ReferralStoreTests.sync(a, b, at: Self.now + 3) }
        let key = try ClientKey.derive(code: receipt.code, dateOfBirth: "1990-05-01")
        // The home organisation cannot ask itself; the partner can.
        #expect(throws: NodeDatabase.ClientAccessError.nothingToChange) {
            try h.clientAccess.requestConsent(circle: receipt.circle, purposes: [.progress], reason: "x", identity: Self.home, by: "ciaran", nowMilliseconds: Self.now + 4)
        }
        try p.clientAccess.requestConsent(circle: receipt.circle, purposes: [.progress], reason: "To note how it goes", identity: Self.partner, by: "brid", nowMilliseconds: Self.now + 4)
        // A member gone bad (the visitor) says no for the client without the client's key, and asks
        // in the home organisation's name: neither counts anywhere. (It learnt the circle's tag key
        // when the client signed in on its site.)
        #expect(try v.clientAccess.clientCircle(key: key) == receipt.circle)
        let partnerKey = try #require(try v.writer.read { try NodeDatabase.encryptionKey($0, organization: hexString(Self.partner.signingPublicKey)) })
        let asked = try #require(try p.clientAccess.consentRequests(circle: receipt.circle, identity: Self.partner, consents: try p.journeys.journey(circle: receipt.circle, identity: Self.partner, today: "2026-11-23").consents).first)
        try v.writer.write { db in
            let forged = try ClientKey.sign(ConsentRequest.declined(request: try #require(bytesFromHex(asked.id))).encoded(), scope: receipt.circle, with: Self.visitor)
            _ = try NodeDatabase.publishOwn(db, .consentRequest, scope: receipt.circle, forged, to: [partnerKey], identity: Self.visitor, now: Self.now + 5)
            let impostor = ConsentRequest.request(organization: hexString(Self.home.signingPublicKey), purposes: [.referral], reason: "Home asks")
            _ = try NodeDatabase.publishOwn(db, .consentRequest, scope: receipt.circle, impostor.encoded(), to: [partnerKey], identity: Self.visitor, now: Self.now + 5)
        }
        try ReferralStoreTests.sync(v, p, at: Self.now + 5)
        #expect(try p.clientAccess.consentRequests(circle: receipt.circle, identity: Self.partner, consents: try p.journeys.journey(circle: receipt.circle, identity: Self.partner, today: "2026-11-23").consents).map(\.state) == [.open])
        try ReferralStoreTests.sync(p, v, at: Self.now + 5)
        let open = try v.clientAccess.clientRecord(key: key, circle: receipt.circle, today: "2026-11-23").requests
        #expect(open.count == 1 && open[0].state == .open && open[0].organizationName == "Partner" && open[0].reason == "To note how it goes")
        // The visitor carries it and cannot read it.
        #expect(try v.clientAccess.consentRequests(circle: receipt.circle, identity: Self.visitor, consents: try v.journeys.journey(circle: receipt.circle, identity: Self.visitor, today: "2026-11-23").consents).isEmpty)
        // The client says no on the visitor's site.
        try v.clientAccess.declineConsentRequest(key: key, circle: receipt.circle, request: open[0].id, identity: Self.visitor, nowMilliseconds: Self.now + 6)
        #expect(try v.clientAccess.clientRecord(key: key, circle: receipt.circle, today: "2026-11-23").requests.map(\.state) == [.declined])
        #expect(throws: NodeDatabase.ClientAccessError.nothingToChange) {
            try v.clientAccess.declineConsentRequest(key: key, circle: receipt.circle, request: open[0].id, identity: Self.visitor, nowMilliseconds: Self.now + 7)
        }
        for (a, b) in [(v, p), (v, h)] { try ReferralStoreTests.sync(a, b, at: Self.now + 8) }
        #expect(try p.clientAccess.consentRequests(circle: receipt.circle, identity: Self.partner, consents: try p.journeys.journey(circle: receipt.circle, identity: Self.partner, today: "2026-11-23").consents).map(\.state) == [.declined])
        #expect(try h.clientAccess.consentRequests(circle: receipt.circle, identity: Self.home, consents: try h.journeys.journey(circle: receipt.circle, identity: Self.home, today: "2026-11-23").consents).map(\.state) == [.declined])

        // Erasure strips every private record of the circle, the client's kinds (§13) included, on
        // every node that holds them.
        try h.journeys.requestErasure(clientID: client, identity: Self.home, by: "ciaran", today: "2026-11-23", nowMilliseconds: Self.now + 9)
        for (a, b) in [(h, v), (h, p)] { try ReferralStoreTests.sync(a, b, at: Self.now + 10) }
        for db in [h, p, v] {
            let kinds = try db.writer.read { db in
                // The one client's: every sealed record here (§8.10), and the circle's unsealed ones.
                // (Not the visitor's forgeries: a member gone bad that seals with a tag of its own
                // keeps its own ciphertext; it held the words anyway.)
                try Row.fetchAll(
                    db, sql: "SELECT wire FROM envelope WHERE (scope = ? OR kind = 40) AND author <> ?", arguments: [receipt.circle, Data(Self.visitor.signingPublicKey)]
                ).compactMap { row -> UInt16? in
                    let e = try Envelope.decode([UInt8](row["wire"] as Data))
                    return (e.header.kind.isPrivate || e.header.kind == .sealed) && e.payload != nil ? e.header.kind.rawValue : nil
                }
            }
            #expect(kinds.isEmpty, "private payloads left after erasure: kinds \(kinds)")
        }
    }
}
