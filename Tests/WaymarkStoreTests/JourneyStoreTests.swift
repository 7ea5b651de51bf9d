import Foundation
import Testing
import WaymarkCore
import WaymarkCrypto
import WaymarkStore
import WaymarkTestKit

/// Progress, the timeline, revocation (§8.6), erasure (§8.7), the caseload and subject access, on
/// real databases whose envelopes are carried across by hand (as sync would).
struct JourneyStoreTests {
    typealias R = ReferralStoreTests
    static let now = R.now
    static let home = R.home, partner = R.partner, outsider = Fixtures.identity(3)
    static let today = "2026-11-22"

    /// Three nodes that know each other; a client at home with consent for the partner (referrals
    /// and progress); a referral the partner has accepted.
    static func setUp() throws -> (a: NodeDatabase, b: NodeDatabase, c: NodeDatabase, client: String, key: String) {
        let a = try NodeDatabase.inTestFederation(opener: home), b = try NodeDatabase.inTestFederation(opener: partner), c = try NodeDatabase.inTestFederation(opener: outsider)
        let records = [R.nodeRecord(home, "Home"), R.nodeRecord(partner, "Partner"), R.nodeRecord(outsider, "Outsider")]
        for db in [a, b, c] { _ = try db.ledger.ingest(records, from: "t", nowMilliseconds: now) }
        let client = try a.caseload.createClient(
            ClientRecord(name: "Saoirse Journey", dateOfBirth: "1995-01-01", needs: ["training"]), identity: home, by: "ciaran", nowMilliseconds: now)
        try a.journeys.recordConsent(
            clientID: client,
            .grant(
                ConsentGrant(
                    organization: R.partnerKey, purposes: [.referral, .progress], dataClasses: ["needs"], start: today, end: "2026-12-10", method: .written,
                    recordedBy: "C"), after: []), identity: home, by: "ciaran", nowMilliseconds: now + 1)
        try a.journeys.sendReferral(
            clientID: client, to: R.partnerKey, serviceID: nil, serviceName: "Course", note: "", identity: home, by: "ciaran", today: today,
            nowMilliseconds: now + 2)
        try R.sync(a, b, at: now + 10)
        try b.journeys.acknowledgeArrivals(identity: partner, nowMilliseconds: now + 11)
        let key = try b.journeys.incomingReferrals(identity: partner, today: today).items[0].key
        try b.journeys.changeReferral(key: key, .init(to: .accepted), identity: partner, by: "brid", today: today, nowMilliseconds: now + 12)
        return (a, b, c, client, key)
    }

    @Test func progressRecordedByThePartnerShowsOnTheHomeTimeline() throws {
        let (a, b, c, client, key) = try Self.setUp()
        let circle = try b.journeys.referral(key: key, identity: Self.partner, today: Self.today)!.circle
        let goal = try b.journeys.recordProgress(
            circle: circle, .goal(id: "g1", title: "Finish the course", instrumentID: "steps"), identity: Self.partner, by: "brid", today: Self.today,
            nowMilliseconds: Self.now + 20)
        try b.journeys.recordProgress(
            circle: circle, .reading(goalID: goal, area: "Confidence", stage: 3, date: Self.today), identity: Self.partner, by: "brid", today: Self.today,
            nowMilliseconds: Self.now + 21)
        try b.journeys.recordProgress(
            circle: circle, .milestone(goalID: goal, label: "Started the course", date: Self.today), identity: Self.partner, by: "brid", today: Self.today,
            nowMilliseconds: Self.now + 22)
        // Refused: an area the instrument lacks, a stage out of range, a goal that does not exist.
        for bad in [
            ProgressEvent.reading(goalID: goal, area: "Juggling", stage: 3, date: Self.today), .reading(goalID: goal, area: "Confidence", stage: 11, date: Self.today),
            .milestone(goalID: "nope", label: "x", date: Self.today), .milestone(goalID: goal, label: "x", date: "22/11/2026"),
        ] {
            #expect(throws: JourneyError.self) {
                try b.journeys.recordProgress(circle: circle, bad, identity: Self.partner, by: "brid", today: Self.today, nowMilliseconds: Self.now + 23)
            }
        }
        // A correction supersedes the reading; the partner's own only.
        let reading = try b.journeys.journey(circle: circle, identity: Self.partner, today: Self.today).goals[0].events.first { if case .reading = $0.event { true } else { false } }!
        try b.journeys.recordProgress(
            circle: circle, .correction(supersedes: reading.originalID, with: .reading(goalID: goal, area: "Confidence", stage: 4, date: Self.today)),
            identity: Self.partner, by: "brid", today: Self.today, nowMilliseconds: Self.now + 24)
        try R.sync(b, a, at: Self.now + 30)
        try R.sync(a, c, at: Self.now + 31)

        let j = try #require(try a.journeys.journey(clientID: client, identity: Self.home, today: Self.today))
        #expect(j.goals.count == 1 && j.goals[0].organizationName == "Partner")
        #expect(j.goals[0].readings.map(\.stage) == [4], "the correction, not the original")
        #expect(j.goals[0].milestones.map(\.label) == ["Started the course"])
        #expect(j.referrals[0].status == .accepted)
        let events = j.timeline.map { "\($0.organizationName):\($0.event)" }
        #expect(
            events == [
                "Home:consent-granted", "Home:referral-sent", "Partner:referral-status", "Partner:referral-status", "Partner:goal", "Partner:reading",
                "Partner:milestone",
            ], "\(events)")
        #expect(j.timeline.first { $0.event == "reading" }?.corrected == true)
        // The home organisation cannot correct the partner's entry.
        #expect(throws: JourneyError.self) {
            try a.journeys.recordProgress(
                circle: j.circle, .correction(supersedes: reading.originalID, with: .reading(goalID: goal, area: "Confidence", stage: 9, date: Self.today)),
                identity: Self.home, by: "ciaran", today: Self.today, nowMilliseconds: Self.now + 40)
        }
        // The outsider relays but reads nothing, and may not write into the circle.
        let seen = try c.journeys.journey(circle: j.circle, identity: Self.outsider, today: Self.today)
        #expect(seen.timeline.isEmpty && seen.goals.isEmpty && seen.referrals.isEmpty)
        #expect(throws: JourneyError.self) {
            try c.journeys.recordProgress(circle: j.circle, .goal(id: "g2", title: "x", instrumentID: nil), identity: Self.outsider, by: "x", today: Self.today, nowMilliseconds: Self.now + 41)
        }
    }

    @Test func whatThePartnerWroteConcurrentlyWithARevokeIsHiddenEverywhere() throws {
        let (a, b, _, client, key) = try Self.setUp()
        try R.sync(b, a, at: Self.now + 13)
        let circle = try b.journeys.referral(key: key, identity: Self.partner, today: Self.today)!.circle
        // Before the revoke reaches the partner: a goal, written concurrently with the revoke.
        try b.journeys.recordProgress(
            circle: circle, .goal(id: "g1", title: "Concurrent goal", instrumentID: nil), identity: Self.partner, by: "brid", today: Self.today,
            nowMilliseconds: Self.now + 20)
        try a.journeys.recordConsent(clientID: client, .revoke(organization: R.partnerKey, method: .verbal, recordedBy: "C", reason: nil), identity: Self.home, by: "ciaran", nowMilliseconds: Self.now + 21)
        // New progress at home is no longer encrypted to the partner.
        try a.journeys.recordProgress(
            circle: circle, .goal(id: "g2", title: "Home goal", instrumentID: nil), identity: Self.home, by: "ciaran", today: Self.today, nowMilliseconds: Self.now + 22)
        try R.sync(a, b, at: Self.now + 30)
        try R.sync(b, a, at: Self.now + 31)

        let atHome = try #require(try a.journeys.journey(clientID: client, identity: Self.home, today: Self.today))
        #expect(atHome.goals.map(\.title) == ["Home goal"], "the concurrent goal is hidden")
        #expect(atHome.hiddenCount == 1)
        #expect(atHome.referrals[0].status == .accepted, "what the partner did before the revoke stays")
        let atPartner = try b.journeys.journey(circle: circle, identity: Self.partner, today: Self.today)
        #expect(atPartner.goals.isEmpty, "hidden at the partner too, and the home goal never reached it")
        #expect(throws: JourneyError.self) {
            try b.journeys.recordProgress(circle: circle, .goal(id: "g3", title: "x", instrumentID: nil), identity: Self.partner, by: "brid", today: Self.today, nowMilliseconds: Self.now + 40)
        }
        #expect(throws: JourneyError(.consentWithdrawn, field: "consent")) {
            try b.journeys.changeReferral(key: key, .init(to: .inProgress), identity: Self.partner, by: "brid", today: Self.today, nowMilliseconds: Self.now + 41)
        }
        // Closing the referral with an outcome is what the partner may still do; the home sees how it ended.
        try b.journeys.changeReferral(key: key, .init(to: .completed, outcome: "Finished"), identity: Self.partner, by: "brid", today: Self.today, nowMilliseconds: Self.now + 41)
        try R.sync(b, a, at: Self.now + 42)
        let closed = try #require(try a.journeys.journey(clientID: client, identity: Self.home, today: Self.today))
        #expect(closed.referrals[0].status == .completed && closed.hiddenCount == 1)
        #expect(throws: JourneyError.self) {
            try a.journeys.sendReferral(clientID: client, to: R.partnerKey, serviceID: nil, serviceName: "Again", note: "", identity: Self.home, by: "ciaran", today: Self.today, nowMilliseconds: Self.now + 42)
        }
    }

    @Test func erasureReachesEveryCopyAndIsAcknowledged() throws {
        let (a, b, c, client, key) = try Self.setUp()
        let circle = try b.journeys.referral(key: key, identity: Self.partner, today: Self.today)!.circle
        // The partner's progress, not yet synced when the erasure is signed.
        try b.journeys.recordProgress(
            circle: circle, .goal(id: "g1", title: "Goal", instrumentID: nil), identity: Self.partner, by: "brid", today: Self.today, nowMilliseconds: Self.now + 20)
        try a.journeys.requestErasure(clientID: client, identity: Self.home, by: "admin", today: Self.today, nowMilliseconds: Self.now + 21)
        #expect(try a.caseload.client(id: client, identity: Self.home, by: "admin", nowMilliseconds: Self.now + 22) == nil)
        try R.sync(a, b, at: Self.now + 30)
        try b.journeys.acknowledgeArrivals(identity: Self.partner, nowMilliseconds: Self.now + 31)
        try R.sync(b, a, at: Self.now + 32)
        try R.sync(b, c, at: Self.now + 33)

        for (db, who) in [(a, Self.home), (b, Self.partner), (c, Self.outsider)] {
            let items = try db.ledger.reconciliationItems()
            let all = try db.ledger.envelopes(items.map(\.id)).compactMap { try? Envelope.decode($0) }
            let held = all.filter { $0.header.scope == circle }
            #expect(held.contains { $0.header.kind == .erasure })
            #expect(held.filter { $0.header.kind.isPrivate }.isEmpty, "private records are sealed (§8.10)")
            // Every sealed record here is the one client's: each node, the relay included, found them
            // by the tags the erasure's tag keys explain, and stripped them.
            let sealed = all.filter { $0.header.kind == .sealed }
            #expect(sealed.allSatisfy { $0.payload == nil }, "no payload left in the circle")
            #expect(sealed.count >= 5)
            let j = try db.journeys.journey(circle: circle, identity: who, today: Self.today)
            #expect(j.timeline.isEmpty && j.referrals.isEmpty && j.goals.isEmpty)
        }
        #expect(try b.journeys.incomingReferrals(identity: Self.partner, today: Self.today).isEmpty)
        let erasures = try a.journeys.erasures()
        #expect(erasures.count == 1 && erasures[0].acknowledgements.map(\.organization) == ["Partner"])
        // The headers still verify: a new node takes every envelope in.
        let d = try NodeDatabase.inTestFederation()
        let wires = try a.ledger.envelopes(a.ledger.reconciliationItems().map(\.id))
        #expect(try d.ledger.ingest(wires, from: "t", nowMilliseconds: Self.now + 40).rejected.isEmpty)
    }

    @Test func caseloadAndSubjectAccess() throws {
        let (a, b, _, client, _) = try Self.setUp()
        // At the partner: one accepted referral being worked on.
        let partnerLoad = try b.caseload.needingAttention(identity: Self.partner, today: Self.today)
        #expect(partnerLoad.active.total == 1 && partnerLoad.active.items.count == 1 && partnerLoad.awaiting.isEmpty)
        // At home: the consent ends on 2026-12-10, within 30 days.
        let homeLoad = try a.caseload.needingAttention(identity: Self.home, today: Self.today)
        #expect(homeLoad.expiring.items.map(\.organizationName) == ["Partner"] && homeLoad.expiring.items[0].clientID == client)
        let access = try #require(try a.caseload.subjectAccess(clientID: client, identity: Self.home, by: "ciaran", today: Self.today, nowMilliseconds: Self.now + 50))
        #expect(access.disclosures.map(\.kind) == ["consent", "referral"])
        #expect(access.disclosures.allSatisfy { $0.recipients.sorted() == ["Home", "Partner"] })
        let json = String(decoding: access.json.canonicalBytes, as: UTF8.self)
        #expect(json.contains("Saoirse Journey") && json.contains("\"disclosures\""))
        #expect(try a.audit.lines(limit: 5).map(\.action).contains("subject access export"))
    }

    @Test func onlyWhatItsAuthorMayWriteIntoACircleCounts() throws {
        let (a, _, _, client, _) = try Self.setUp()
        let circle = try #require(try a.journeys.journey(clientID: client, identity: Self.home, today: Self.today)).circle
        // The outsider knows the circle's name (relays see it) and writes a grant for itself, a goal
        // and a referral into it, encrypted to the home organisation.
        let outsiderKey = hexString(Self.outsider.signingPublicKey)
        let forged: [(Envelope.Kind, JourneyPayload)] = [
            (.consent, .consent(.grant(ConsentGrant(organization: outsiderKey, purposes: [.referral, .progress], dataClasses: ["needs"], start: Self.today, end: "2027-01-01", method: .written, recordedBy: "x"), after: []))),
            (.progress, .progress(.goal(id: "fake", title: "Forged goal", instrumentID: nil))),
            (.referral, .referral(ReferralRecord(id: "fake-ref", to: outsiderKey, clientName: "x"))),
        ]
        var wires: [[UInt8]] = []
        var previous = EnvelopeCrypto.id(of: try Envelope.decode(R.nodeRecord(Self.outsider, "Outsider")))
        for (n, (kind, payload)) in forged.enumerated() {
            let e = try PrivateEnvelope.sign(
                kind: kind, scope: circle, plaintext: payload.encoded(), recipients: [Self.home.encryptionPublicKey, Self.outsider.encryptionPublicKey],
                by: Self.outsider, sequence: UInt64(2 + n), dependencies: [previous], clock: HybridClock.pack(milliseconds: Self.now + 100, counter: UInt16(n)))
            previous = EnvelopeCrypto.id(of: e.envelope)
            wires.append(e.envelope.encoded())
        }
        let report = try a.ledger.ingest(wires, from: "t", nowMilliseconds: Self.now + 101)
        #expect(report.accepted == 3, "admission checks form, not meaning: \(report)")
        let j = try #require(try a.journeys.journey(clientID: client, identity: Self.home, today: Self.today))
        #expect(!j.consents.organizations.contains(outsiderKey))
        #expect(j.goals.isEmpty && j.referrals.count == 1 && j.referrals[0].recipientName == "Partner")
        #expect(try a.journeys.consents(clientID: client, identity: Self.home, today: Self.today).map(\.organizationName) == ["Partner"])
    }
}
