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

    /// The partner's node, holding `referrals` referrals from the home organisation (one client
    /// each) that it has not acknowledged.
    static func partnerNode(referrals: Int = 1) throws -> NodeDatabase {
        let a = try NodeDatabase(), b = try NodeDatabase()
        a.opensSealed(with: home)
        b.opensSealed(with: partner)
        for db in [a, b] { try db.setFounders([home.signingPublicKey, partner.signingPublicKey]) }
        _ = try a.ledger.ingest([nodeRecord(partner, "Partner")], from: "t", nowMilliseconds: now)
        _ = try b.ledger.ingest([nodeRecord(home, "Home")], from: "t", nowMilliseconds: now)
        let partnerKey = hexString(partner.signingPublicKey)
        for i in 0..<referrals {
            let t = now + UInt64(i) * 10
            let client = try a.caseload.createClient(
                ClientRecord(name: i == 0 ? "Clíona Inbox" : "Client \(i)", dateOfBirth: "1990-05-05", needs: ["training"]), identity: home, by: "ciaran",
                nowMilliseconds: t)
            try a.journeys.recordConsent(
                clientID: client,
                .grant(
                    ConsentGrant(
                        organization: partnerKey, purposes: [.referral], dataClasses: ["needs"], start: "2026-11-22", end: "2027-11-21", method: .written,
                        recordedBy: "C"), after: []),
                identity: home, by: "ciaran", nowMilliseconds: t + 1)
            try a.journeys.sendReferral(
                clientID: client, to: partnerKey, serviceID: "s1", serviceName: "Course", note: "evenings", identity: home, by: "ciaran", today: "2026-11-22",
                nowMilliseconds: t + 2)
        }
        let report = try b.ledger.ingest(try a.ledger.envelopes(a.ledger.reconciliationItems().map(\.id)), from: "test", nowMilliseconds: now + 10)
        #expect(report.rejected.isEmpty, "\(report.rejected)")
        let caseworker = try b.staff.add(username: "brid", displayName: "Bríd Partner", role: .caseworker, password: "a long caseworker password", nowMilliseconds: now)
        try b.staff.startSession(userID: caseworker.id, token: token, csrf: Tokens.random(), nowMilliseconds: LocalClock.nowMilliseconds())
        return b
    }

    @Test func openingTheInboxShowsTheReferralAndSignsNothing() async throws {
        let b = try withLargeStack { try Self.partnerNode() }
        let app = try buildApplication(
            NodeArguments(database: b, identity: Self.partner, server: ServerSettings(port: 0), logger: Logger(label: "test")))
        let before = try b.ledger.counts().envelopes
        try await app.test(.router) { client in
            for _ in 0..<2 {
                try await client.execute(uri: "/staff/referrals", method: .get, headers: [.cookie: "waymark_session_0=\(Self.token)"]) { response in
                    #expect(response.status == .ok)
                    #expect(String(buffer: response.body).contains("Clíona Inbox"))
                }
            }
        }
        #expect(try b.ledger.counts().envelopes == before, "opening the inbox signed envelopes")
        // Acknowledging is the sync shell's work, on arrival: it signs the `received` once.
        #expect(try b.journeys.acknowledgeReferrals(identity: Self.partner, nowMilliseconds: Self.now + 20) == 1)
        #expect(try b.ledger.counts().envelopes == before + 1)
    }

    /// Long lists come a page at a time: the inbox 50 referrals, the staff home the first 10 of each
    /// list with how many there are and the way to the rest.
    @Test func longListsComeInPages() async throws {
        let b = try withLargeStack { try Self.partnerNode(referrals: 61) }
        let app = try buildApplication(
            NodeArguments(database: b, identity: Self.partner, server: ServerSettings(port: 0), logger: Logger(label: "test")))
        @Sendable func rows(_ page: String) -> Int { page.components(separatedBy: "<tr class=\"referral\">").count - 1 }
        try await app.test(.router) { client in
            func get(_ uri: String) async throws -> String {
                try await client.execute(uri: uri, method: .get, headers: [.cookie: "waymark_session_0=\(Self.token)"]) { response in
                    #expect(response.status == .ok, "\(uri)")
                    return String(buffer: response.body)
                }
            }
            let first = try await get("/staff/referrals")
            #expect(rows(first) == 50)
            #expect(first.contains("Showing 1–50 of 61") && first.contains("href=\"/staff/referrals?page=2&amp;lang=en\"") && !first.contains("id=\"newer\""))
            #expect(!first.contains("Clíona Inbox"), "newest first: the first referral sent is on the last page")
            // The menu says where the page is, and so do the Received / Sent boxes.
            #expect(first.contains("<a href=\"/staff/referrals?lang=en\" aria-current=\"page\">") && first.components(separatedBy: "aria-current").count == 3)
            #expect(first.contains("id=\"box-received\" aria-current=\"page\"") && !first.contains("id=\"box-sent\" aria-current"))
            let second = try await get("/staff/referrals?page=2")
            #expect(rows(second) == 11 && second.contains("Clíona Inbox") && second.contains("Showing 51–61 of 61") && !second.contains("id=\"older\""))
            #expect(second.contains("href=\"/staff/referrals?page=1&amp;lang=en\""))
            let beyond = try await get("/staff/referrals?page=9")
            #expect(rows(beyond) == 0 && beyond.contains("href=\"/staff/referrals?page=2&amp;lang=en\""), "past the end: a way back to the last page")
            let home = try await get("/staff")
            #expect(home.contains("<a href=\"/staff?lang=en\" aria-current=\"page\">") && home.components(separatedBy: "aria-current").count == 2)
            let awaiting = home.components(separatedBy: "id=\"overdue-heading\"")[0]
            #expect(rows(awaiting) == 10 && awaiting.contains("Showing 10 of 61.") && awaiting.contains("See them all in the referral inbox"))
            let irish = try await get("/staff/referrals?lang=ga")
            #expect(irish.contains("1–50 as 61 á dtaispeáint") && irish.contains("Níos sine"))
        }
    }

    /// A refused change comes back as it was typed: the chosen status still chosen, the note kept,
    /// the field to put right marked and focused, the reason next to the form, in the page's language.
    @Test func aRefusedChangeComesBackAsTyped() async throws {
        let b = try withLargeStack { try Self.partnerNode() }
        let key = try #require(try b.journeys.incomingReferrals(identity: Self.partner, today: "2026-11-22").items.first?.key)
        let app = try buildApplication(NodeArguments(database: b, identity: Self.partner, server: ServerSettings(port: 0), logger: Logger(label: "test")))
        try await app.test(.router) { client in
            let cookie: HTTPFields = [.cookie: "waymark_session_0=\(Self.token)"]
            let page = try await client.execute(uri: "/staff/referrals/\(key)?lang=ga", method: .get, headers: cookie) { String(buffer: $0.body) }
            let csrf = try #require(page.firstMatch(of: /name="csrf" value="([^"]+)"/)?.1)
            var headers = cookie
            headers[.contentType] = "application/x-www-form-urlencoded"
            let body = "csrf=\(csrf)&lang=ga&status=rejected&reason=&outcome=n%C3%B3ta"
            try await client.execute(uri: "/staff/referrals/\(key)", method: .post, headers: headers, body: ByteBuffer(string: body)) { response in
                #expect(response.status == .badRequest)
                let text = String(buffer: response.body)
                #expect(text.contains("<option value=\"rejected\" selected>"), "the chosen status is still chosen")
                #expect(text.contains("name=\"reason\" value=\"\" aria-invalid=\"true\" aria-describedby=\"referral-error\" autofocus"))
                #expect(text.contains("name=\"outcome\" value=\"nóta\">"), "what was typed stays")
                #expect(text.contains("Abair cén fáth a bhfuil tú ag diúltú: roghnaigh cúis ón liosta, nó scríobh ceann."), "a decline asks why, in Irish")
                #expect(text.contains("name=\"decline_reason\" aria-invalid=\"true\""), "the list of reasons is marked too")
                let form = try #require(text.range(of: "<form method=\"post\" action=\"/staff/referrals/"))
                #expect(text[form.lowerBound...].contains("id=\"referral-error\""), "the reason sits in the form")
            }
        }
    }
}
