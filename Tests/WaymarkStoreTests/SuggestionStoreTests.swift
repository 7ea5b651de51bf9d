import Foundation
import Testing
import WaymarkCore
import WaymarkCrypto
import WaymarkStore
import WaymarkTestKit

/// A resident's suggestion between two databases, the envelopes carried across by hand (as sync
/// would): taken on one node with a code, answered on the publisher's, followed on the first.
struct SuggestionStoreTests {
    static let now = ReferralStoreTests.now
    static let here = Fixtures.identity(1), publisher = Fixtures.identity(2)

    static func publishService(_ db: NodeDatabase, by who: NodeIdentity, id: String) throws {
        var flattener = HSDSFlattener()
        try flattener.add(
            .object(JSONObject([("id", .string(id)), ("name", .string("Homework club")), ("status", .string("active"))])), table: "service", path: "t")
        try db.ledger.publish(flattener.records, identity: who, nowMilliseconds: now)
    }

    @Test func aSuggestionTravelsToThePublisherAndItsAnswerComesBack() throws {
        let a = try NodeDatabase.inTestFederation(), b = try NodeDatabase.inTestFederation()
        _ = try a.ledger.ingest([ReferralStoreTests.nodeRecord(Self.publisher, "Publisher")], from: "t", nowMilliseconds: Self.now)
        _ = try b.ledger.ingest([ReferralStoreTests.nodeRecord(Self.here, "Here")], from: "t", nowMilliseconds: Self.now)
        try Self.publishService(b, by: Self.publisher, id: "svc-1")
        try ReferralStoreTests.sync(b, a, at: Self.now + 1)

        let code = try a.takeSuggestion(
            Correction(serviceID: "svc-1", organizationID: nil, field: "hours", message: "Closed on Fridays now", contact: "reader@example.org",
                createdAt: "2026-11-22T10:00:00Z"), serviceName: "Homework club", identity: Self.here, nowMilliseconds: Self.now + 2)
        #expect(code.count == 8 && SuggestionCode.normalized(SuggestionCode.shown(code).lowercased()) == code)
        #expect(try a.suggestionStatus(code: code)?.status == "new" && a.suggestionStatus(code: code)?.publisher == "Publisher")
        #expect(try a.suggestionStatus(code: "ZZZZZZZZ") == nil)
        #expect(try a.openCorrectionCount(me: Self.here.signingPublicKey) == 0, "it is the publisher's to answer, not this node's")
        #expect(try !a.answerSuggestion(id: 1, "done", reason: nil, by: "aine", identity: Self.here, nowMilliseconds: Self.now + 3))

        try ReferralStoreTests.sync(a, b, at: Self.now + 10)
        #expect(try b.collectSuggestions(identity: Self.publisher) == 1)
        #expect(try b.collectSuggestions(identity: Self.publisher) == 0, "once only")
        let received = try #require(try b.corrections(open: true, identity: Self.publisher).first)
        #expect(received.message == "Closed on Fridays now" && received.contact == "reader@example.org" && received.signed)
        #expect(received.origin == Self.here.signingPublicKey && received.code == nil)
        // Sealed at rest: without the node's keys, what the resident wrote is not there.
        #expect(try b.corrections(open: true).first?.message == "" && b.corrections(open: true).first?.contact == nil)
        #expect(try a.corrections(identity: Self.here).first?.message == "Closed on Fridays now")
        #expect(try b.openCorrectionCount(me: Self.publisher.signingPublicKey) == 1)
        #expect(try b.answerSuggestion(
            id: try #require(received.id), "dismissed", reason: "Our hours are right: open Fridays 10–4", by: "bernie", identity: Self.publisher,
            nowMilliseconds: Self.now + 86_400_000))
        #expect(try !b.setCorrectionStatus(id: try #require(received.id), "new", by: "bernie", nowMilliseconds: Self.now + 86_400_001), "a sent answer is not reopened")

        try ReferralStoreTests.sync(b, a, at: Self.now + 86_400_010)
        let status = try #require(try a.suggestionStatus(code: code))
        #expect(status.status == "dismissed" && status.reason == "Our hours are right: open Fridays 10–4" && status.decidedOn != nil)
        // The contact the resident left is kept a while after the answer, so that the publisher can
        // reply, then forgotten on both nodes; what they wrote stays.
        for (db, who) in [(a, Self.here), (b, Self.publisher)] {
            #expect(try db.forgetAnsweredContacts(identity: who, nowMilliseconds: Self.now + 86_400_000 * 20) == 0)
            #expect(try db.corrections(identity: who).first?.contact == "reader@example.org")
            #expect(try db.forgetAnsweredContacts(identity: who, nowMilliseconds: Self.now + 86_400_000 * 40) == 1)
            let kept = try #require(try db.corrections(identity: who).first)
            #expect(kept.contact == nil && kept.message == "Closed on Fridays now")
            #expect(try db.forgetAnsweredContacts(identity: who, nowMilliseconds: Self.now + 86_400_000 * 50) == 0, "once only")
        }
        let tally = try a.suggestionTally(since: "2020-01-01")
        #expect(tally[hexString(Self.publisher.signingPublicKey)]?.answered == 1 && tally[hexString(Self.publisher.signingPublicKey)]?.changed == 0)
        #expect(tally.count == 1)
    }

    @Test func aSuggestionForTheNodesOwnListingIsAnsweredThere() throws {
        let a = try NodeDatabase.inTestFederation()
        _ = try a.ledger.ingest([ReferralStoreTests.nodeRecord(Self.here, "Here")], from: "t", nowMilliseconds: Self.now)
        try Self.publishService(a, by: Self.here, id: "svc-own")
        let code = try a.takeSuggestion(
            Correction(serviceID: "svc-own", organizationID: nil, field: "any", message: "Wrong name", contact: nil, createdAt: "2026-11-22T10:00:00Z"),
            serviceName: "Homework club", identity: Self.here, nowMilliseconds: Self.now + 2)
        #expect(try a.openCorrectionCount(me: Self.here.signingPublicKey) == 1)
        let id = try #require(try a.corrections(open: true).first?.id)
        #expect(try a.answerSuggestion(id: id, "done", reason: nil, by: "aine", identity: Self.here, nowMilliseconds: Self.now + 5))
        #expect(try a.suggestionStatus(code: code)?.status == "done")
        #expect(try a.suggestionTally(since: "2020-01-01")[hexString(Self.here.signingPublicKey)]?.changed == 1)
    }

    /// A suggestion between other nodes is looked at once and never taken; one for the publisher
    /// that comes after it still is.
    @Test func suggestionsForOtherNodesAreLookedAtOnce() throws {
        let a = try NodeDatabase.inTestFederation(), b = try NodeDatabase.inTestFederation()
        _ = try a.ledger.ingest([ReferralStoreTests.nodeRecord(Self.publisher, "Publisher"), ReferralStoreTests.nodeRecord(Self.here, "Here")], from: "t", nowMilliseconds: Self.now)
        _ = try b.ledger.ingest([ReferralStoreTests.nodeRecord(Self.here, "Here")], from: "t", nowMilliseconds: Self.now)
        try Self.publishService(b, by: Self.publisher, id: "svc-1")
        try Self.publishService(a, by: Self.here, id: "svc-a")
        try ReferralStoreTests.sync(b, a, at: Self.now + 1)
        _ = try a.takeSuggestion(
            Correction(serviceID: "svc-a", organizationID: nil, field: "any", message: "Not for B", contact: nil, createdAt: "2026-11-22T10:05:00Z"),
            serviceName: "Homework club", identity: Self.here, nowMilliseconds: Self.now + 4)
        try ReferralStoreTests.sync(a, b, at: Self.now + 11)
        #expect(try b.collectSuggestions(identity: Self.publisher) == 0)
        _ = try a.takeSuggestion(
            Correction(serviceID: "svc-1", organizationID: nil, field: "contact", message: "Phone rings out", contact: nil, createdAt: "2026-11-22T10:06:00Z"),
            serviceName: "Homework club", identity: Self.here, nowMilliseconds: Self.now + 5)
        try ReferralStoreTests.sync(a, b, at: Self.now + 12)
        #expect(try b.collectSuggestions(identity: Self.publisher) == 1)
        #expect(try b.corrections(identity: Self.publisher).map(\.message) == ["Phone rings out"])
    }
}
