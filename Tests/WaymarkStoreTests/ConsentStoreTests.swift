import Foundation
import GRDB
import Testing
import WaymarkCore
import WaymarkCrypto
import WaymarkStore
import WaymarkTestKit

/// Consents on the client's home node: private envelopes to the receiving organisation, folded back
/// into each organisation's standing; readable by the two organisations and by no other node.
struct ConsentStoreTests {
    static let now: UInt64 = 1_795_305_600_000
    static let home = Fixtures.identity(1), partner = Fixtures.identity(2), outsider = Fixtures.identity(3)

    /// A home node that knows the partner (from the partner's signed node record) and has one client.
    static func setUp() throws -> (NodeDatabase, String) {
        let db = try NodeDatabase.inTestFederation()
        #expect(try db.ledger.ingest([partnerRecord().encoded()], from: "test", nowMilliseconds: now).accepted == 1)
        let client = try db.caseload.createClient(ClientRecord(name: "Róisín Test", dateOfBirth: "1990-01-01"), identity: home, by: "ciaran", nowMilliseconds: now)
        return (db, client)
    }

    /// The partner's signed node record, its sequence 1.
    static func partnerRecord() -> Envelope {
        let record = NodeRecord(organizationID: "p", organizationName: "Partner Training Centre", url: "http://127.0.0.1:1", encryptionKey: partner.encryptionPublicKey)
        return EnvelopeCrypto.sign(
            kind: .nodeRecord, scope: "public", payload: record.encoded(), by: partner, sequence: 1, dependencies: [],
            clock: HybridClock.pack(milliseconds: now - 1000, counter: 0))
    }

    static func grant(_ end: String = "2027-11-21") -> ConsentEvent {
        .grant(
            ConsentGrant(
                organization: hexString(partner.signingPublicKey), purposes: [.referral], dataClasses: ["contact", "needs"], start: "2026-11-22", end: end,
                method: .written, recordedBy: "Ciarán"), after: [])
    }

    static let revoke = ConsentEvent.revoke(organization: hexString(partner.signingPublicKey), method: .verbal, recordedBy: "Ciarán", reason: nil)

    @Test func grantRevokeAndGrantAgain() throws {
        let (db, client) = try Self.setUp()
        #expect(try db.journeys.consents(clientID: client, identity: Self.home, today: "2026-11-22").isEmpty)
        try db.journeys.recordConsent(clientID: client, Self.grant(), identity: Self.home, by: "ciaran", nowMilliseconds: Self.now)
        var views = try db.journeys.consents(clientID: client, identity: Self.home, today: "2026-11-22")
        #expect(views.count == 1 && views[0].coversToday && !views[0].expiringSoon && views[0].organizationName == "Partner Training Centre")
        try db.journeys.recordConsent(clientID: client, Self.revoke, identity: Self.home, by: "ciaran", nowMilliseconds: Self.now + 1)
        views = try db.journeys.consents(clientID: client, identity: Self.home, today: "2026-11-22")
        #expect(!views[0].coversToday && views[0].grant == nil)
        if case .revoked = views[0].standing {} else { Issue.record("expected revoked, got \(views[0].standing)") }
        // A new grant lists the revoke it follows, so it is in force.
        try db.journeys.recordConsent(clientID: client, Self.grant("2026-12-10"), identity: Self.home, by: "ciaran", nowMilliseconds: Self.now + 2)
        views = try db.journeys.consents(clientID: client, identity: Self.home, today: "2026-11-22")
        #expect(views[0].coversToday && views[0].expiringSoon)
        #expect(try db.audit.lines(limit: 3).map(\.action) == ["record consent", "revoke consent", "record consent"])
    }

    @Test func theEnvelopesAreReadableByTheTwoOrganisationsOnly() throws {
        let (db, client) = try Self.setUp()
        try db.journeys.recordConsent(clientID: client, Self.grant(), identity: Self.home, by: "ciaran", nowMilliseconds: Self.now)
        let circle = try #require(try db.caseload.client(id: client, identity: Self.home, by: "t", nowMilliseconds: Self.now)?.circle)
        let items = try db.ledger.reconciliationItems()
        let wires = try db.ledger.envelopes(items.map(\.id))
        // Sealed (§8.10): the header names neither the kind nor the circle nor who may read it.
        #expect(try wires.map(Envelope.decode).filter { $0.header.kind.isPrivate || $0.header.scope == circle }.isEmpty)
        let sealed = try wires.map(Envelope.decode).filter { $0.header.kind == .sealed }
        #expect(sealed.count == 1)
        let e = sealed[0]
        #expect(e.header.scope == "sealed" && EnvelopeCrypto.verify(e) == .valid)
        if case .failure(let p) = AdmissionRules.read(e).problem { Issue.record("a sealed envelope is refused: \(p.detail)") }
        #expect(e.header.recipients.count == 2 && e.header.recipients.allSatisfy { $0.keyID == SealedFrame.anonymousKeyID })
        #expect(SealedFrame.payloadSizes.contains(e.header.payloadSize))
        let frame = try Self.partner.openSealed(e)
        let homeFrame = try Self.home.openSealed(e)
        #expect(frame.kind == .consent && frame.circle == circle && homeFrame == frame)
        #expect(Set(frame.recipientKeyIDs) == Set([Self.home.encryptionKeyID, Self.partner.encryptionKeyID]))
        #expect(try JourneyPayload.decode(Self.partner.open(e), kind: .consent) == JourneyPayload.decode(Self.home.open(e), kind: .consent))
        #expect(throws: PrivateEnvelope.OpenError.notARecipient) { try Self.outsider.open(e) }
        #expect(!Self.outsider.isRecipient(of: e) && Self.partner.isRecipient(of: e))
        #expect(!ClientStoreTests.contains(e.encoded(), Array("Partner".utf8)) && !ClientStoreTests.contains(e.encoded(), Array("written".utf8)))
    }

    /// What a member in the circle seals is shown only with the owner's tag key, and never dates the
    /// circle's next records far ahead (so relays cannot link them by their clocks; SPEC §8.10).
    @Test func aPartnersRecordCountsOnlyWithTheOwnersTagKeyAndDatesNothingAhead() throws {
        let w = try PartnerInCircle()
        let (db, client, circle, owners) = (w.db, w.client, w.circle, w.owners)
        func partners(_ tagKey: [UInt8], sequence: UInt64, at ms: UInt64) throws -> Envelope { try w.seal(tagKey, sequence: sequence, at: ms) }
        let bogus = try partners([UInt8](repeating: 9, count: 16), sequence: 2, at: Self.now + 1)
        let ahead = try partners(owners, sequence: 3, at: Self.now + 365 * 86_400_000)
        #expect(try db.ledger.ingest([bogus.encoded(), ahead.encoded()], from: "p", nowMilliseconds: Self.now + 2).accepted == 2)
        let noted = try db.writer.read { try Data.fetchAll($0, sql: "SELECT id FROM sealed_envelope WHERE circle = ?", arguments: [circle]) }.map { [UInt8]($0) }
        #expect(!noted.contains(EnvelopeCrypto.id(of: bogus)), "a tag key no erasure of the circle would explain")
        #expect(noted.contains(EnvelopeCrypto.id(of: ahead)))
        // The home's next record is dated now, not after the partner's a year ahead.
        try db.journeys.recordConsent(clientID: client, Self.revoke, identity: Self.home, by: "ciaran", nowMilliseconds: Self.now + 10)
        let clocks = try db.writer.read {
            try Int64.fetchAll(
                $0, sql: "SELECT e.clock FROM sealed_envelope s JOIN envelope e ON e.id = s.id WHERE s.circle = ? AND e.author = ?",
                arguments: [circle, Data(Self.home.signingPublicKey)])
        }
        #expect(clocks.count == 2 && clocks.allSatisfy { HybridClock.milliseconds(UInt64(bitPattern: $0)) < Self.now + 10 * 60_000 }, "\(clocks)")
    }

    /// A member's record whose index skips one (§8.10) is never shown or counted: an erasure's look-ups,
    /// which stop at the first index not held, would miss it. And a node never uses an index twice in a
    /// circle, even when the count it keeps is lost (a restore from a backup): it steps past its own
    /// tags that it holds.
    @Test func aRecordPastAGapInItsAuthorsIndexesIsNotShownAndNoIndexIsUsedTwice() throws {
        let w = try PartnerInCircle()
        let (db, client, circle) = (w.db, w.client, w.circle)
        func partners(index: UInt32, sequence: UInt64) throws -> Envelope { try w.seal(w.owners, index: index, sequence: sequence, at: Self.now + sequence) }
        let first = try partners(index: 0, sequence: 2), pastGap = try partners(index: 2, sequence: 3), after = try partners(index: 3, sequence: 4)
        #expect(try db.ledger.ingest([first, pastGap, after].map { $0.encoded() }, from: "p", nowMilliseconds: Self.now + 5).accepted == 3)
        let noted = try db.writer.read { try Data.fetchAll($0, sql: "SELECT id FROM sealed_envelope WHERE circle = ?", arguments: [circle]) }.map { [UInt8]($0) }
        #expect(noted.contains(EnvelopeCrypto.id(of: first)))
        #expect(!noted.contains(EnvelopeCrypto.id(of: pastGap)) && !noted.contains(EnvelopeCrypto.id(of: after)), "index 1 is not held: neither counts")
        // The home's count in the circle is lost; its next records still carry new indexes.
        try db.writer.write { try $0.execute(sql: "DELETE FROM sealed_index") }
        try db.journeys.recordConsent(clientID: client, Self.revoke, identity: Self.home, by: "ciaran", nowMilliseconds: Self.now + 10)
        try db.journeys.recordConsent(clientID: client, Self.grant(), identity: Self.home, by: "ciaran", nowMilliseconds: Self.now + 11)
        let own = try db.writer.read {
            try Row.fetchAll(
                $0, sql: "SELECT s.tag, s.idx FROM sealed_envelope s JOIN envelope e ON e.id = s.id WHERE s.circle = ? AND e.author = ? ORDER BY e.sequence",
                arguments: [circle, Data(Self.home.signingPublicKey)])
        }
        #expect(own.map { $0["idx"] as Int64 } == [0, 1, 2])
        #expect(Set(own.map { $0["tag"] as Data }).count == 3)
    }

    /// A member's record with a tag key of its own that reaches a node before anything the circle's
    /// owner sealed is taken back once the owner's first record is noted.
    @Test func aRecordNotedBeforeTheOwnersIsTakenBackIfItsTagKeyIsNotTheOwners() throws {
        let db = try NodeDatabase.inTestFederation(opener: Self.partner)
        let mallory = Fixtures.identity(5)
        let circle = Circle(owner: Self.home.signingPublicKey, random: Array(0..<12)).scope
        let goal = JourneyPayload.progress(.goal(id: "g", title: "Goal", instrumentID: nil)).encoded()
        func seal(_ tagKey: [UInt8], by who: NodeIdentity) throws -> Envelope {
            try SealedEnvelope.sign(
                frame: SealedFrame(kind: .progress, circle: circle, tagKey: tagKey, recipientKeyIDs: [], body: goal),
                recipients: [Self.partner.encryptionPublicKey, who.encryptionPublicKey], by: who, sequence: 1, dependencies: [],
                clock: HybridClock.pack(milliseconds: Self.now, counter: 0)
            ).envelope
        }
        let bogus = try seal([UInt8](repeating: 9, count: 16), by: mallory)
        let owners = try seal(SealedEnvelope.ownTagKey(circle: circle, identity: Self.home), by: Self.home)
        let noted = { try db.writer.read { try Data.fetchAll($0, sql: "SELECT id FROM sealed_envelope WHERE circle = ?", arguments: [circle]) }.map { [UInt8]($0) } }
        #expect(try db.ledger.ingest([bogus.encoded()], from: "m", nowMilliseconds: Self.now).accepted == 1)
        #expect(try noted() == [EnvelopeCrypto.id(of: bogus)], "nothing to tell it from the owner's yet")
        #expect(try db.ledger.ingest([owners.encoded()], from: "h", nowMilliseconds: Self.now).accepted == 1)
        #expect(try noted() == [EnvelopeCrypto.id(of: owners)])
    }

    @Test func refusedWithoutAKnownOrganisationOrAPurposeOrATerm() throws {
        let (db, client) = try Self.setUp()
        let stranger = ConsentEvent.grant(
            ConsentGrant(organization: hexString(Self.outsider.signingPublicKey), purposes: [.referral], dataClasses: [], start: "2026-11-22", end: "2027-01-01", method: .verbal, recordedBy: "x"), after: [])
        #expect(throws: JourneyError(.organizationUnknown, field: "organization")) { try db.journeys.recordConsent(clientID: client, stranger, identity: Self.home, by: "c", nowMilliseconds: Self.now) }
        var noPurpose = Self.grant()
        if case .grant(var g, let a) = noPurpose { g.purposes = []; noPurpose = .grant(g, after: a) }
        #expect(throws: JourneyError(.purposesMissing, field: "purposes")) { try db.journeys.recordConsent(clientID: client, noPurpose, identity: Self.home, by: "c", nowMilliseconds: Self.now) }
        #expect(throws: JourneyError(.consentDates, field: "end")) { try db.journeys.recordConsent(clientID: client, Self.grant("2026-01-01"), identity: Self.home, by: "c", nowMilliseconds: Self.now) }
        #expect(throws: JourneyError(.noSuchClient, field: "id")) { try db.journeys.recordConsent(clientID: "client-none", Self.grant(), identity: Self.home, by: "c", nowMilliseconds: Self.now) }
        #expect(try db.journeys.consents(clientID: client, identity: Self.home, today: "2026-11-22").isEmpty)
    }
}

/// A circle the home organisation opened with a consent (the database opens sealed records with the
/// home's keys), and the partner sealing progress into it, each record after its previous one.
final class PartnerInCircle {
    typealias T = ConsentStoreTests
    let db: NodeDatabase, client: String, circle: String, owners: [UInt8]
    private var previous: [UInt8]
    private let goal = JourneyPayload.progress(.goal(id: "g", title: "Goal", instrumentID: nil)).encoded()

    init() throws {
        (db, client) = try T.setUp()
        db.opensSealed(with: T.home)
        try db.journeys.recordConsent(clientID: client, T.grant(), identity: T.home, by: "ciaran", nowMilliseconds: T.now)
        circle = try #require(try db.caseload.client(id: client, identity: T.home, by: "t", nowMilliseconds: T.now)?.circle)
        owners = SealedEnvelope.ownTagKey(circle: circle, identity: T.home)
        previous = EnvelopeCrypto.id(of: T.partnerRecord())
    }

    func seal(_ tagKey: [UInt8], index: UInt32 = 0, sequence: UInt64, at ms: UInt64) throws -> Envelope {
        let e = try SealedEnvelope.sign(
            frame: SealedFrame(kind: .progress, circle: circle, tagKey: tagKey, index: index, recipientKeyIDs: [], body: goal),
            recipients: [T.home.encryptionPublicKey, T.partner.encryptionPublicKey], by: T.partner, sequence: sequence,
            dependencies: [previous], clock: HybridClock.pack(milliseconds: ms, counter: 0)
        ).envelope
        previous = EnvelopeCrypto.id(of: e)
        return e
    }
}
