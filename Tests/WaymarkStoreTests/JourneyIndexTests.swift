import Foundation
import GRDB
import Testing
import WaymarkCore
import WaymarkCrypto
@testable import WaymarkStore
import WaymarkTestKit

/// The journey index answers the staff home and the inbox exactly as folding every circle would:
/// two nodes refer clients to each other, answer, cancel, withdraw consents and sync in a random
/// order (seeded), sometimes re-indexing after an arrival and sometimes not, and after each step
/// each node's inbox and caseload are compared with the journeys of all its circles.
struct JourneyIndexTests {
    typealias R = ReferralStoreTests
    static let now = R.now
    static let home = R.home, partner = R.partner
    /// The days each check looks from: the scenario's day, and days after it (for overdue and expiring).
    static func days(from t: UInt64) -> [String] {
        let today = BusinessDays.isoDate(dayNumber: Int(t / 86_400_000))
        return [today] + [2, 5, 15, 40].map { BusinessDays.adding($0, to: today) }
    }

    struct Shown: Equatable, CustomStringConvertible {
        var key: String, client: String, sender: String, recipientName: String, status: ReferralStatus, overdue: Bool
        var description: String { "\(client) \(status.rawValue)\(overdue ? " overdue" : "")" }
    }

    static func shown(_ l: ReferralListing) -> Shown {
        Shown(key: l.key, client: l.clientName, sender: l.senderName, recipientName: l.recipientName, status: l.status, overdue: l.overdue)
    }

    /// Every circle a node holds a private envelope of.
    static func circles(_ db: NodeDatabase) throws -> [String] {
        try db.writer.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT scope FROM envelope WHERE kind BETWEEN 16 AND 19
                    UNION SELECT DISTINCT circle FROM sealed_envelope WHERE kind BETWEEN 16 AND 19 ORDER BY 1
                    """)
        }
    }

    /// What the pages showed before the index: every circle folded.
    static func oracle(_ db: NodeDatabase, _ me: NodeIdentity, today: String) throws -> (
        inbox: [Shown], awaiting: [Shown], overdue: [Shown], active: [Shown], sent: [Shown]
    ) {
        let key = hexString(me.signingPublicKey)
        let all = try circles(db).flatMap { try db.journeys.journey(circle: $0, identity: me, today: today).referrals }.map(\.listing)
        let incoming = all.filter { $0.recipient == key }
        return (
            incoming.map(shown), incoming.filter(\.status.awaitsResponse).map(shown), all.filter(\.overdue).map(shown),
            incoming.filter { [.accepted, .inProgress, .onHold].contains($0.status) }.map(shown),
            all.filter { $0.sender == key && !$0.status.isClosed }.map(shown)
        )
    }

    static func sortedByKey(_ s: [Shown]) -> [Shown] { s.sorted { $0.key < $1.key } }

    static func check(_ db: NodeDatabase, _ me: NodeIdentity, step: Int, at t: UInt64) throws {
        for today in days(from: t) {
            let expected = try oracle(db, me, today: today)
            let inbox = try db.journeys.incomingReferrals(identity: me, today: today).items.map(shown)
            let load = try db.caseload.needingAttention(identity: me, today: today, shown: .max)
            #expect(sortedByKey(inbox) == sortedByKey(expected.inbox), "step \(step), \(today): inbox")
            // A page of the inbox is that part of the whole, newest first.
            let page = try db.journeys.incomingReferrals(identity: me, today: today, offset: 1, limit: 2)
            #expect(page.items.map(\.key) == Array(inbox.map(\.key).dropFirst().prefix(2)) && page.total == inbox.count, "step \(step): a page")
            let newest = try db.caseload.needingAttention(identity: me, today: today, shown: 1)
            #expect(newest.awaiting.items.map(\.key) == Array(load.awaiting.items.map(\.key).prefix(1)) && newest.awaiting.total == load.awaiting.total)
            #expect(sortedByKey(load.awaiting.items.map(shown)) == sortedByKey(expected.awaiting), "step \(step), \(today): awaiting")
            #expect(sortedByKey(load.overdue.items.map(shown)) == sortedByKey(expected.overdue), "step \(step), \(today): overdue")
            #expect(sortedByKey(load.active.items.map(shown)) == sortedByKey(expected.active), "step \(step), \(today): active")
            #expect(sortedByKey(load.sent.items.map(shown)) == sortedByKey(expected.sent), "step \(step), \(today): sent")
            #expect(load.awaiting.total == expected.awaiting.count && load.overdue.total == expected.overdue.count)
            // Consents ending soon, as each client's consents folded say.
            var ending: [String] = []
            for c in try db.caseload.clients(identity: me, by: "t", nowMilliseconds: now, matching: nil, offset: 0, limit: .max).items {
                for v in try db.journeys.consents(clientID: c.id, identity: me, today: today) {
                    guard case .granted(let g, _) = v.standing, g.end >= today, g.end <= BusinessDays.adding(NodeDatabase.consentWarningDays, to: today)
                    else { continue }
                    ending.append("\(c.id) \(v.organization) \(g.end)")
                }
            }
            #expect(load.expiring.items.map { "\($0.clientID) \(hexFor($0.organizationName)) \($0.end)" }.sorted() == ending.sorted(), "step \(step), \(today): expiring")
        }
    }

    static func hexFor(_ name: String) -> String { name == "Home" ? hexString(home.signingPublicKey) : hexString(partner.signingPublicKey) }

    @Test(arguments: [1, 2, 3])
    func theIndexShowsWhatFoldingEveryCircleShows(seed: UInt64) throws {
        var rng = SeededRandom(seed: seed)
        let a = try NodeDatabase.inTestFederation(opener: Self.home), b = try NodeDatabase.inTestFederation(opener: Self.partner)
        for db in [a, b] { _ = try db.ledger.ingest([R.nodeRecord(Self.home, "Home"), R.nodeRecord(Self.partner, "Partner")], from: "t", nowMilliseconds: Self.now) }
        let sides = [(a, Self.home, hexString(Self.partner.signingPublicKey)), (b, Self.partner, hexString(Self.home.signingPublicKey))]
        var clients: [[String]] = [[], []]
        var t = Self.now
        var sent = 0
        for step in 0..<90 {
            t += 3_600_000 * UInt64.random(in: 1...8, using: &rng)
            let today = BusinessDays.isoDate(dayNumber: Int(t / 86_400_000))
            let s = Int.random(in: 0...1, using: &rng)
            let (db, me, other) = sides[s]
            switch Int.random(in: 0..<12, using: &rng) {
            case 0, 1:
                let id = try db.caseload.createClient(
                    ClientRecord(name: "Client \(s)-\(step)", dateOfBirth: "1990-01-01", needs: ["training"]), identity: me, by: "t", nowMilliseconds: t)
                clients[s].append(id)
                let end = BusinessDays.adding(Int.random(in: 1...40, using: &rng), to: today)
                try db.journeys.recordConsent(
                    clientID: id,
                    .grant(
                        ConsentGrant(
                            organization: other, purposes: [.referral, .progress], dataClasses: ["needs"], start: today, end: end, method: .written, recordedBy: "t"),
                        after: []), identity: me, by: "t", nowMilliseconds: t + 1)
            case 2, 3, 4:
                guard let id = clients[s].randomElement(using: &rng) else { continue }
                do {
                    try db.journeys.sendReferral(
                        clientID: id, to: other, serviceID: nil, serviceName: "Service \(step)", note: "", identity: me, by: "t", today: today, nowMilliseconds: t)
                    sent += 1
                } catch is JourneyError {}
            case 5, 6:
                // Answer or move a referral this side holds.
                let mine = try db.journeys.incomingReferrals(identity: me, today: today).items
                guard let r = mine.randomElement(using: &rng) else { continue }
                let next: [ReferralTransition] = [
                    .init(to: .accepted), .init(to: .rejected, reason: "full"), .init(to: .inProgress), .init(to: .onHold, reason: "waiting"),
                    .init(to: .completed, outcome: "done"),
                ]
                _ = try? db.journeys.changeReferral(key: r.key, next.randomElement(using: &rng)!, identity: me, by: "t", today: today, nowMilliseconds: t)
            case 7:
                guard let id = clients[s].randomElement(using: &rng), let r = try db.journeys.referrals(clientID: id, identity: me, today: today).first else { continue }
                _ = try? db.journeys.changeReferral(key: r.key, .init(to: .cancelled, reason: "moved"), identity: me, by: "t", today: today, nowMilliseconds: t)
            case 8:
                guard let id = clients[s].randomElement(using: &rng) else { continue }
                _ = try? db.journeys.recordConsent(
                    clientID: id, .revoke(organization: other, method: .written, recordedBy: "t", reason: nil), identity: me, by: "t", nowMilliseconds: t)
            default:
                // Sync one way; the receiver re-indexes (as after a sync session) or not yet.
                let (to, who) = s == 0 ? (b, Self.partner) : (a, Self.home)
                try R.sync(db, to, at: t)
                if Bool.random(using: &rng) { try to.journeys.acknowledgeArrivals(identity: who, nowMilliseconds: t + 1) }
            }
            if step % 6 == 5 {
                try Self.check(a, Self.home, step: step, at: t)
                try Self.check(b, Self.partner, step: step, at: t)
            }
        }
        try R.sync(a, b, at: t + 10)
        try R.sync(b, a, at: t + 10)
        try Self.check(a, Self.home, step: 90, at: t)
        try Self.check(b, Self.partner, step: 90, at: t)
        #expect(try a.journeys.incomingReferrals(identity: Self.home, today: "").total + b.journeys.incomingReferrals(identity: Self.partner, today: "").total == sent && sent > 5, "the scenario made referrals (\(sent))")
    }

    @Test func aReadBeforeReindexingFoldsTheChangedCirclesAndWritesNothing() throws {
        let (a, b, _, _, key) = try JourneyStoreTests.setUp()
        // The home node takes in the partner's acceptance but has not re-indexed yet.
        try R.sync(b, a, at: Self.now + 20)
        let dirty = try a.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM journey_dirty") ?? 0 }
        #expect(dirty > 0)
        let sent = try a.caseload.needingAttention(identity: Self.home, today: JourneyStoreTests.today, shown: .max)
        #expect(sent.awaiting.isEmpty)
        let listed = try #require(try a.journeys.referral(key: key, identity: Self.home, today: JourneyStoreTests.today))
        #expect(listed.status == .accepted)
        #expect(try a.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM journey_dirty") ?? 0 } == dirty, "a read leaves the index as it was")
        #expect(try a.writer.read { db in try String.fetchOne(db, sql: "SELECT status FROM referral_index") } == "requested")
        try a.journeys.acknowledgeArrivals(identity: Self.home, nowMilliseconds: Self.now + 21)
        #expect(try a.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM journey_dirty") ?? 0 } == 0)
        #expect(try a.writer.read { db in try String.fetchOne(db, sql: "SELECT status FROM referral_index") } == "accepted")
    }

    @Test func erasureEmptiesTheIndexOfTheCircleEverywhere() throws {
        let (a, b, _, client, key) = try JourneyStoreTests.setUp()
        let circle = try #require(try a.journeys.circle(clientID: client))
        func rows(_ db: NodeDatabase) throws -> Int {
            try db.writer.read { db in
                try Int.fetchOne(
                    db, sql: "SELECT (SELECT count(*) FROM referral_index WHERE circle = ?) + (SELECT count(*) FROM consent_index WHERE circle = ?)",
                    arguments: [circle, circle]) ?? 0
            }
        }
        #expect(try rows(a) == 2 && rows(b) == 2, "one referral and one consent on each side")
        try a.journeys.requestErasure(clientID: client, identity: Self.home, by: "ciaran", today: JourneyStoreTests.today, nowMilliseconds: Self.now + 30)
        #expect(try rows(a) == 0)
        try R.sync(a, b, at: Self.now + 31)
        #expect(try rows(b) == 0, "gone when the erasure arrives, before any re-indexing")
        #expect(try b.journeys.referral(key: key, identity: Self.partner, today: JourneyStoreTests.today) == nil)
        #expect(try b.journeys.incomingReferrals(identity: Self.partner, today: JourneyStoreTests.today).isEmpty)
    }
}
