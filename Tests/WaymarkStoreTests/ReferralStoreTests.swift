import Foundation
import Testing
import WaymarkCore
import WaymarkCrypto
import WaymarkStore
import WaymarkTestKit

/// Referrals between two real databases, their envelopes carried across by hand (as sync would).
struct ReferralStoreTests {
    static let now: UInt64 = 1_795_305_600_000
    static let home = Fixtures.identity(1), partner = Fixtures.identity(2)
    static var partnerKey: String { hexString(partner.signingPublicKey) }

    static func nodeRecord(_ who: NodeIdentity, _ name: String) -> [UInt8] {
        let r = NodeRecord(organizationID: name, organizationName: name, url: "http://127.0.0.1:1/\(name)", encryptionKey: who.encryptionPublicKey)
        return EnvelopeCrypto.sign(kind: .nodeRecord, scope: "public", payload: r.encoded(), by: who, sequence: 1, dependencies: [], clock: HybridClock.pack(milliseconds: now - 5000, counter: 0)).encoded()
    }

    /// Copies every envelope `from` holds to `to`.
    static func sync(_ from: NodeDatabase, _ to: NodeDatabase, at t: UInt64) throws {
        let wires = try from.ledger.envelopes(from.ledger.reconciliationItems().map(\.id))
        let report = try to.ledger.ingest(wires, from: "test", nowMilliseconds: t)
        #expect(report.rejected.isEmpty, "\(report.rejected)")
    }

    @Test func theLoopFromRequestToCompletion() throws {
        let a = try NodeDatabase.inTestFederation(opener: Self.home), b = try NodeDatabase.inTestFederation(opener: Self.partner)
        _ = try a.ledger.ingest([Self.nodeRecord(Self.partner, "Partner")], from: "t", nowMilliseconds: Self.now)
        _ = try b.ledger.ingest([Self.nodeRecord(Self.home, "Home")], from: "t", nowMilliseconds: Self.now)
        let client = try a.caseload.createClient(
            ClientRecord(name: "Clíona Loop", dateOfBirth: "1990-05-05", contact: "secret contact", needs: ["training"]), identity: Self.home, by: "ciaran",
            nowMilliseconds: Self.now)
        #expect(throws: JourneyError.self) {
            try a.journeys.sendReferral(clientID: client, to: Self.partnerKey, serviceID: nil, serviceName: "Course", note: "", identity: Self.home, by: "ciaran", today: "2026-11-22", nowMilliseconds: Self.now)
        }
        // Consent for referrals, sharing needs but not contact details.
        try a.journeys.recordConsent(
            clientID: client,
            .grant(ConsentGrant(organization: Self.partnerKey, purposes: [.referral], dataClasses: ["needs"], start: "2026-11-22", end: "2027-11-21", method: .written, recordedBy: "C"), after: []),
            identity: Self.home, by: "ciaran", nowMilliseconds: Self.now + 1)
        try a.journeys.sendReferral(clientID: client, to: Self.partnerKey, serviceID: "s1", serviceName: "Course", note: "evenings", identity: Self.home, by: "ciaran", today: "2026-11-22", nowMilliseconds: Self.now + 2)
        var sent = try a.journeys.referrals(clientID: client, identity: Self.home, today: "2026-11-22")
        #expect(sent.count == 1 && sent[0].status == .requested && !sent[0].overdue)
        #expect(try a.journeys.referrals(clientID: client, identity: Self.home, today: "2026-11-30")[0].overdue, "5 working days without an answer")

        try Self.sync(a, b, at: Self.now + 10)
        var incoming = try b.journeys.incomingReferrals(identity: Self.partner, today: "2026-11-22").items
        #expect(incoming.count == 1)
        let received = try #require(try b.journeys.referral(key: incoming[0].key, identity: Self.partner, today: "2026-11-22"))
        #expect(incoming[0].clientName == "Clíona Loop" && received.record.needs == ["training"] && received.record.clientContact == nil)
        #expect(try b.journeys.acknowledgeReferrals(identity: Self.partner, nowMilliseconds: Self.now + 11) == 1)
        #expect(try b.journeys.acknowledgeReferrals(identity: Self.partner, nowMilliseconds: Self.now + 12) == 0, "once only")
        let key = incoming[0].key
        #expect(throws: JourneyError(.reasonRequired, field: "status", ["status": "rejected"])) {
            try b.journeys.changeReferral(key: key, .init(to: .rejected), identity: Self.partner, by: "brid", today: "2026-11-22", nowMilliseconds: Self.now + 13)
        }
        #expect(throws: JourneyError(.transitionNotAllowed, field: "status", ["from": "received", "to": "completed"])) {
            try b.journeys.changeReferral(key: key, .init(to: .completed, outcome: "x"), identity: Self.partner, by: "brid", today: "2026-11-22", nowMilliseconds: Self.now + 13)
        }
        try b.journeys.changeReferral(key: key, .init(to: .accepted), identity: Self.partner, by: "brid", today: "2026-11-22", nowMilliseconds: Self.now + 14)
        try b.journeys.changeReferral(key: key, .init(to: .completed, outcome: "enrolled"), identity: Self.partner, by: "brid", today: "2026-11-22", nowMilliseconds: Self.now + 15)
        incoming = try b.journeys.incomingReferrals(identity: Self.partner, today: "2026-11-22").items
        #expect(incoming[0].status == .completed)

        try Self.sync(b, a, at: Self.now + 20)
        sent = try a.journeys.referrals(clientID: client, identity: Self.home, today: "2026-11-30")
        #expect(sent[0].status == .completed && !sent[0].overdue && sent[0].fold.closing?.outcome == "enrolled")
        #expect(sent[0].fold.history.map(\.change.transition.to) == [.received, .accepted, .completed])
        // The sender may not touch a closed referral.
        #expect(throws: JourneyError.self) {
            try a.journeys.changeReferral(key: key, .init(to: .cancelled, reason: "moved"), identity: Self.home, by: "ciaran", today: "2026-11-22", nowMilliseconds: Self.now + 21)
        }
        let actions = try a.audit.lines(limit: 10).map(\.action)
        #expect(actions.contains("send referral") && actions.contains("record consent"))
    }
}
