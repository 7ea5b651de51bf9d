import Foundation
import Testing
import WaymarkCore
import WaymarkCrypto
import WaymarkStore
import WaymarkTestKit

/// A node's own figures for the hub (`Protocol/SPEC.md` §12.1), from two databases that exchanged
/// a referral: needs counted once per client and bounded, the referral counted by its sender only,
/// its outcome by its receiver only.
struct HubFiguresTests {
    static let now = ReferralStoreTests.now
    static let home = ReferralStoreTests.home, partner = ReferralStoreTests.partner
    static let layout = FigureLayout.district(categories: ["children", "education", "health", "money"], areas: ["D11"], instrumentAreas: ["housing"])
    static let needs = ["childcare": "children", "training": "education", "counselling": "health", "debt": "money", "literacy": "education"]
    static let categories = [hexString(home.signingPublicKey): "health", hexString(partner.signingPublicKey): "education"]

    static func figures(_ db: NodeDatabase, _ who: NodeIdentity) throws -> [String: UInt64] {
        let counter = try db.hubFigures(
            layout: layout, identity: who, from: now - 86_400_000, to: now + 86_400_000, day: "2026-11-22", needCategory: { needs[$0] },
            organisationCategory: { categories[$0] })
        var out: [String: UInt64] = [:]
        for (cell, value) in zip(layout.cells, counter.figures) where value > 0 { out[cell.description] = value }
        return out
    }

    /// The home organisation records the client's consent to referrals to the partner.
    static func consentToReferToThePartner(_ a: NodeDatabase, _ client: String) throws {
        try a.journeys.recordConsent(
            clientID: client,
            .grant(
                ConsentGrant(
                    organization: hexString(partner.signingPublicKey), purposes: [.referral], dataClasses: ["needs"], start: "2026-11-22", end: "2027-11-21",
                    method: .written, recordedBy: "C"), after: []), identity: home, by: "c", nowMilliseconds: now + 1)
    }

    @Test func eachOrganisationCountsWhatIsItsOwnToCount() throws {
        let a = try NodeDatabase.inTestFederation(opener: Self.home), b = try NodeDatabase.inTestFederation(opener: Self.partner)
        _ = try a.ledger.ingest([ReferralStoreTests.nodeRecord(Self.partner, "Partner")], from: "t", nowMilliseconds: Self.now)
        _ = try b.ledger.ingest([ReferralStoreTests.nodeRecord(Self.home, "Home")], from: "t", nowMilliseconds: Self.now)
        let one = try a.caseload.createClient(
            ClientRecord(name: "Aoife One", dateOfBirth: "1990-05-05", needs: ["training", "literacy", "debt", "counselling", "childcare"]), identity: Self.home,
            by: "c", nowMilliseconds: Self.now)
        _ = try a.caseload.createClient(ClientRecord(name: "Bláthnaid Two", dateOfBirth: "2010-01-01", needs: ["training", "unlisted"]), identity: Self.home, by: "c", nowMilliseconds: Self.now)
        try Self.consentToReferToThePartner(a, one)
        for k in 0..<2 {
            try a.journeys.sendReferral(
                clientID: one, to: hexString(Self.partner.signingPublicKey), serviceID: "s\(k)", serviceName: "Course \(k)", note: "", identity: Self.home, by: "c",
                today: "2026-11-22", nowMilliseconds: Self.now + 2 + UInt64(k))
        }
        let fa = try Self.figures(a, Self.home)
        // Aoife's five needs are bounded to three cells (training and literacy share one); Bláthnaid's
        // unlisted need counts nowhere.
        #expect(fa["needs/education/unknown/25-44"] == 1 && fa["needs/money/unknown/25-44"] == 1 && fa["needs/health/unknown/25-44"] == 1)
        #expect(fa["needs/children/unknown/25-44"] == nil, "a fourth cell of one client is over the bound")
        #expect(fa["needs/education/unknown/0-17"] == 1)
        #expect(fa["referrals/health/education"] == 1, "two referrals of one client count once")
        #expect(fa.keys.allSatisfy { !$0.hasPrefix("outcomes/") }, "the sender does not count outcomes")

        try ReferralStoreTests.sync(a, b, at: Self.now + 10)
        let key = try #require(try b.journeys.incomingReferrals(identity: Self.partner, today: "2026-11-22").items.first?.key)
        try b.journeys.changeReferral(key: key, .init(to: .accepted), identity: Self.partner, by: "p", today: "2026-11-22", nowMilliseconds: Self.now + 20)
        let fb = try Self.figures(b, Self.partner)
        #expect(fb["outcomes/education/accepted"] == 1 && fb["outcomes/education/open"] == 1, "one accepted, one still open: \(fb)")
        // One client, two referrals: the response family's bound of 2 takes the first referral's
        // days to respond (accepted the same day, 0–1 working days, or not answered yet) and to
        // close (not closed: open); the second's are dropped.
        #expect((fb["response/education/0-1d"] ?? 0) + (fb["response/education/none"] ?? 0) == 1, "\(fb)")
        #expect(fb["response/education/close/open"] == 1, "\(fb)")
        #expect(fb.keys.allSatisfy { !$0.hasPrefix("referrals/") && !$0.hasPrefix("needs/") }, "the receiver does not count the referral")
        // The other one declined for lack of capacity, from the list: counted apart, as a gap (§12.1).
        let other = try #require(try b.journeys.incomingReferrals(identity: Self.partner, today: "2026-11-22").items.first { $0.key != key }?.key)
        try b.journeys.changeReferral(key: other, .init(to: .rejected, declineReason: .noCapacity), identity: Self.partner, by: "p", today: "2026-11-22", nowMilliseconds: Self.now + 30)
        let fc = try Self.figures(b, Self.partner)
        #expect(fc["outcomes/education/declined-capacity"] == 1 && fc["outcomes/education/declined-other"] == nil, "\(fc)")
        // Both closed the same day (one declined, the other completed): days to close 0–5.
        try b.journeys.changeReferral(key: key, .init(to: .completed, outcome: "Finished the course"), identity: Self.partner, by: "p", today: "2026-11-22", nowMilliseconds: Self.now + 40)
        let fd = try Self.figures(b, Self.partner)
        #expect(fd["response/education/close/0-5d"] == 1 && fd["response/education/close/open"] == nil, "\(fd)")
        #expect(FigureLayout.closeBucket(days: nil) == "open" && FigureLayout.closeBucket(days: 5) == "0-5d" && FigureLayout.closeBucket(days: 6) == "6-20d")
        #expect(FigureLayout.closeBucket(days: 60) == "21-60d" && FigureLayout.closeBucket(days: 61) == "61d+")
    }

    /// A person at two organisations (§12.1): the partner registered the client the home
    /// organisation referred to it, so it leaves them out of the people with a need it counts (the home
    /// organisation counts them); once the client withdraws their consent for the partner, what the
    /// referral said is not used, and the partner counts them again.
    @Test func aPersonReferredToAnOrganisationThatAlsoRegisteredThemIsCountedOnce() throws {
        let a = try NodeDatabase.inTestFederation(opener: Self.home), b = try NodeDatabase.inTestFederation(opener: Self.partner)
        _ = try a.ledger.ingest([ReferralStoreTests.nodeRecord(Self.partner, "Partner")], from: "t", nowMilliseconds: Self.now)
        _ = try b.ledger.ingest([ReferralStoreTests.nodeRecord(Self.home, "Home")], from: "t", nowMilliseconds: Self.now)
        let atHome = try a.caseload.createClient(
            ClientRecord(name: "Seán Ó Briain", dateOfBirth: "1990-05-05", needs: ["training"]), identity: Self.home, by: "c", nowMilliseconds: Self.now)
        _ = try a.caseload.createClient(ClientRecord(name: "Aoife Other", dateOfBirth: "1990-05-05", needs: ["training"]), identity: Self.home, by: "c", nowMilliseconds: Self.now)
        // The partner's own records: the same person typed otherwise, and someone else.
        _ = try b.caseload.createClient(
            ClientRecord(name: "sean o briain", dateOfBirth: "1990-05-05", needs: ["debt"]), identity: Self.partner, by: "p", nowMilliseconds: Self.now)
        _ = try b.caseload.createClient(ClientRecord(name: "Niamh Third", dateOfBirth: "1985-02-02", needs: ["debt"]), identity: Self.partner, by: "p", nowMilliseconds: Self.now)
        #expect(try Self.figures(b, Self.partner)["needs/money/unknown/25-44"] == 2, "before any referral, the partner counts both")

        try Self.consentToReferToThePartner(a, atHome)
        try a.journeys.sendReferral(
            clientID: atHome, to: hexString(Self.partner.signingPublicKey), serviceID: "s", serviceName: "Course", note: "", identity: Self.home, by: "c",
            today: "2026-11-22", nowMilliseconds: Self.now + 2)
        try ReferralStoreTests.sync(a, b, at: Self.now + 10)
        // As a node does after envelopes arrive.
        try b.journeys.acknowledgeArrivals(identity: Self.partner, nowMilliseconds: Self.now + 11)
        #expect(try Self.figures(b, Self.partner)["needs/money/unknown/25-44"] == 1, "Seán is counted by the home organisation")
        #expect(try Self.figures(a, Self.home)["needs/education/unknown/25-44"] == 2, "the home organisation counts both its clients")

        try a.journeys.recordConsent(
            clientID: atHome, .revoke(organization: hexString(Self.partner.signingPublicKey), method: .verbal, recordedBy: "C", reason: nil), identity: Self.home,
            by: "c", nowMilliseconds: Self.now + 20)
        try ReferralStoreTests.sync(a, b, at: Self.now + 30)
        try b.journeys.acknowledgeArrivals(identity: Self.partner, nowMilliseconds: Self.now + 31)
        #expect(try Self.figures(b, Self.partner)["needs/money/unknown/25-44"] == 2, "after a withdrawal the referral is not used")
    }

    /// Areas (§12.1 `needs`): a client's needs count under the postal area their record names where
    /// the layout has it, `other` for any other area, `unknown` where none was recorded; the record
    /// keeps only the routing key, never the whole Eircode.
    @Test func needsCountUnderTheClientsArea() throws {
        let a = try NodeDatabase.inTestFederation()
        let typed = try #require(ClientRecord.area("d11 x2y3"))
        #expect(typed == "D11")
        for (k, area) in [typed, "K67", "", "other"].enumerated() {
            _ = try a.caseload.createClient(
                ClientRecord(name: "Client \(k)", dateOfBirth: "1990-05-05", needs: ["debt"], area: area), identity: Self.home, by: "c",
                nowMilliseconds: Self.now + UInt64(k))
        }
        let f = try Self.figures(a, Self.home)
        #expect(f["needs/money/D11/25-44"] == 1, "\(f)")
        #expect(f["needs/money/other/25-44"] == 2, "K67 is not one of the layout's areas, and `other` is other: \(f)")
        #expect(f["needs/money/unknown/25-44"] == 1, "\(f)")
        let stored = try #require(try a.caseload.clients(identity: Self.home, by: "c", nowMilliseconds: Self.now + 9).first { $0.record.name == "Client 0" })
        #expect(stored.record.area == "D11")
        #expect(ClientRecord(name: "X", area: "D11 X2Y3").problem == JourneyError(.areaFormat, field: "area"), "a whole Eircode is never kept")
        #expect(ClientRecord(name: "X", area: "Ballymun").problem == JourneyError(.areaFormat, field: "area"))
        #expect(ClientRecord(name: "X", area: "D6W").problem == nil && ClientRecord(name: "X", area: "other").problem == nil)
        #expect(ClientRecord.area("Dublin 9") == "D09" && ClientRecord.area("x") == nil && ClientRecord.area("  ") == "")
    }

    /// Weeks per quarter (§12.4): a client referred every week is counted in the referrals family in
    /// the first four weeks of the quarter that had one, and not after; the same week's figures,
    /// computed again, are the same.
    @Test func aClientCountsInAtMostFourWeeksOfAQuarter() throws {
        let a = try NodeDatabase.inTestFederation()
        _ = try a.ledger.ingest([ReferralStoreTests.nodeRecord(Self.partner, "Partner")], from: "t", nowMilliseconds: Self.now)
        let one = try a.caseload.createClient(ClientRecord(name: "Aoife Weekly", dateOfBirth: "1990-05-05", needs: ["debt"]), identity: Self.home, by: "c", nowMilliseconds: Self.now)
        try Self.consentToReferToThePartner(a, one)
        let day: UInt64 = 86_400_000
        var weeks: [StatisticsPeriod] = []
        for k in 0..<6 {
            let at = Self.now + 2 * day + UInt64(k) * 7 * day  // Tuesdays of 2026-W48 … W53 (the fourth quarter)
            weeks.append(StatisticsPeriod(containing: at))
            let today = BusinessDays.isoDate(dayNumber: Int(at / day))
            try a.journeys.sendReferral(
                clientID: one, to: hexString(Self.partner.signingPublicKey), serviceID: "s\(k)", serviceName: "Course \(k)", note: "", identity: Self.home, by: "c",
                today: today, nowMilliseconds: at)
        }
        #expect(Set(weeks.map(\.quarter)) == ["2026-Q4"] && Set(weeks.map(\.week)).count == 6)
        func referrals(_ w: StatisticsPeriod) throws -> UInt64? {
            let counter = try a.hubFigures(
                layout: Self.layout, identity: Self.home, from: w.bounds.start, to: w.bounds.end, day: "2026-12-01", needCategory: { Self.needs[$0] },
                organisationCategory: { Self.categories[$0] })
            return zip(Self.layout.cells, counter.figures).first { $0.0.description == "referrals/health/education" }.map(\.1)
        }
        #expect(try weeks.map(referrals) == [1, 1, 1, 1, 0, 0], "counted in the first four weeks with a referral only")
        #expect(try referrals(weeks[2]) == 1 && referrals(weeks[5]) == 0, "the same week again gives the same")
        #expect(FigureLayout.countsThisWeek(weeks[5], active: [weeks[5].week]), "a client's first week in a quarter always counts")
        #expect(!FigureLayout.countsThisWeek(StatisticsPeriod(week: "2026-W44")!, active: ["2026-W40", "2026-W41", "2026-W42", "2026-W43"]))
        #expect(FigureLayout.countsThisWeek(StatisticsPeriod(week: "2027-W01")!, active: ["2026-W50", "2026-W51", "2026-W52", "2026-W53"]), "a new quarter starts again")
    }

    /// Progress and the client's own view (§12.1 `progress`): the home organisation counts the
    /// change between a goal area's first and latest readings, and the gap to the client's own view
    /// only where the client agreed it be counted.
    @Test func progressAndTheClientsOwnViewAreCountedWhereTheClientAgreed() throws {
        let a = try NodeDatabase.inTestFederation()
        _ = try a.ledger.ingest([ReferralStoreTests.nodeRecord(Self.home, "Home")], from: "t", nowMilliseconds: Self.now)
        let client = try a.caseload.createClient(ClientRecord(name: "Caoimhe Counted", dateOfBirth: "1990-05-05"), identity: Self.home, by: "c", nowMilliseconds: Self.now)
        let circle = try #require(try a.journeys.circle(clientID: client))
        let today = "2026-11-22"
        _ = try a.journeys.recordProgress(circle: circle, .goal(id: "goal-1", title: "Work", instrumentID: "steps"), identity: Self.home, by: "c", today: today, nowMilliseconds: Self.now + 1)
        for (i, (area, stage, date)) in [("Confidence", 3, "2026-10-01"), ("Confidence", 6, "2026-11-22"), ("Money", 4, "2026-11-22")].enumerated() {
            _ = try a.journeys.recordProgress(
                circle: circle, .reading(goalID: "goal-1", area: area, stage: stage, date: date), identity: Self.home, by: "c", today: today,
                nowMilliseconds: Self.now + 2 + UInt64(i))
        }
        let receipt = try a.clientAccess.issueClientReceipt(clientID: client, identity: Self.home, by: "c", nowMilliseconds: Self.now + 10, random: Array(repeating: 7, count: 10))
        let key = try ClientKey.derive(code: receipt.code, dateOfBirth: "1990-05-05")
        try a.clientAccess.clientVoice(
            key: key, circle: circle, .reading(goalID: "goal-1", area: "Confidence", stage: 8, date: today, counted: true), identity: Self.home, today: today,
            nowMilliseconds: Self.now + 11)
        try a.clientAccess.clientVoice(
            key: key, circle: circle, .reading(goalID: "goal-1", area: "Money", stage: 2, date: today, counted: false), identity: Self.home, today: today,
            nowMilliseconds: Self.now + 12)
        let layout = FigureLayout.district(categories: ["health"], areas: [], instrumentAreas: ["Confidence", "Money"])
        let counter = try a.hubFigures(
            layout: layout, identity: Self.home, from: Self.now - 86_400_000, to: Self.now + 86_400_000, day: today, needCategory: { _ in nil },
            organisationCategory: { _ in nil })
        var f: [String: UInt64] = [:]
        for (cell, value) in zip(layout.cells, counter.figures) where value > 0 { f[cell.description] = value }
        #expect(f == ["progress/Confidence/up-2+": 1, "progress/Confidence/client-view/client-higher-2+": 1], "one reading of Money is no change; its view was not agreed: \(f)")
    }
}
