import Dispatch
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import WaymarkCore
import WaymarkCrypto
import WaymarkServer
import WaymarkStore
import WaymarkSync
import WaymarkTestKit

/// (7) The caseworker's pages on a busy node: a node on disk holding N clients of its own (each with
/// a consent, a referral to a partner and a goal with milestones: about ten private envelopes per
/// client), a tenth as many referrals from the partner in its inbox, and 50,000 private envelopes of
/// other organisations' circles that it only relays. Each page is asked for through the node's
/// router (handlers, database, templates; no sockets), signed in as a caseworker: the staff home
/// (with the caseload), the referral inbox, the client list and client pages (a different client
/// each time). Nothing on these pages is cached; the home and the inbox read the journey index,
/// which the node keeps as envelopes arrive.
extension WaymarkBench {
    static func staff(sizes: [Int], relayed: Int) async throws {
        print("== staff pages on a node with N clients of its own and \(relayed) relayed private envelopes (median / 95th percentile, ms)")
        print("   clients  held env.  build s   home            inbox           client list     client page")
        for n in sizes {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-bench-staff-\(getpid())-\(n)")
            try? FileManager.default.removeItem(at: dir)
            defer { try? FileManager.default.removeItem(at: dir) }
            var built: (NodeDatabase, NodeIdentity, [String])!
            let buildSeconds = try seconds { built = try buildStaffNode(at: dir.path, clients: n, relayed: relayed) }
            let (db, home, clientIDs) = built!
            let held = try db.ledger.counts().envelopes
            let token = String(repeating: "5a", count: 32)
            let user = try db.staff.add(username: "ciaran", displayName: "Ciarán", role: .caseworker, password: "a long bench password", nowMilliseconds: LocalClock.nowMilliseconds())
            try db.staff.startSession(userID: user.id, token: token, csrf: Tokens.random(), nowMilliseconds: LocalClock.nowMilliseconds())
            let app = try buildApplication(
            NodeArguments(database: db, identity: home, server: ServerSettings(port: 0), logger: Logger(label: "bench")))
            final class Figures: @unchecked Sendable { var times: [String: [Double]] = [:] }
            let figures = Figures()
            try await app.test(.router) { client in
                func time(_ name: String, _ uri: String, expect: String) async throws {
                    let start = DispatchTime.now().uptimeNanoseconds
                    try await client.execute(uri: uri, method: .get, headers: [.cookie: "waymark_session_0=\(token)"]) { response in
                        guard response.status == .ok, String(buffer: response.body).contains(expect) else {
                            throw BenchError("\(uri) answered \(response.status)")
                        }
                    }
                    figures.times[name, default: []].append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
                }
                // Thirty rounds, or fewer (at least five) when a round takes long: at 5,000 clients the
                // staff home took seconds.
                let started = DispatchTime.now().uptimeNanoseconds
                for i in 0..<30 where i < 5 || DispatchTime.now().uptimeNanoseconds - started < 120_000_000_000 {
                    try await time("home", "/staff", expect: "Ciarán")
                    try await time("inbox", "/staff/referrals", expect: "Bench Client referred")
                    try await time("list", "/staff/clients", expect: "Bench Client")
                    for k in 0..<5 { try await time("client", "/staff/clients/\(clientIDs[(i * 5 + k) * 7919 % clientIDs.count])", expect: "Bench Client") }
                }
            }
            func cell(_ name: String) -> String {
                let v = (figures.times[name] ?? []).sorted()
                guard !v.isEmpty else { return "-" }
                let median = v[v.count / 2], p95 = v[min(v.count - 1, Int(Double(v.count) * 0.95))]
                return String(format: "%6.1f / %6.1f", median, p95)
            }
            print(
                String(format: "   %7d  %9d  %7.0f   ", n, held, buildSeconds)
                    + [cell("home"), cell("inbox"), cell("list"), cell("client")].joined(separator: "  "))
        }
    }

    /// A node on disk for the staff benchmark; returns it, its identity and its clients' ids.
    static func buildStaffNode(at path: String, clients n: Int, relayed: Int) throws -> (NodeDatabase, NodeIdentity, [String]) {
        let home = NodeHome(path)
        let (identity, _) = try home.create(organizationName: "Bench home")
        let db = try home.openDatabase()
        let partner = Fixtures.identity(2), relay = Fixtures.identity(3)
        let partnerDB = try NodeDatabase()
        try db.setFounders([identity.signingPublicKey, partner.signingPublicKey, relay.signingPublicKey])
        try partnerDB.setFounders([identity.signingPublicKey, partner.signingPublicKey, relay.signingPublicKey])
        var now: UInt64 = LocalClock.nowMilliseconds() - 3_600_000
        func record(_ who: NodeIdentity, _ name: String) -> [UInt8] {
            let r = NodeRecord(organizationID: name, organizationName: name, url: "http://127.0.0.1:1/\(name)", encryptionKey: who.encryptionPublicKey)
            return EnvelopeCrypto.sign(
                kind: .nodeRecord, scope: "public", payload: r.encoded(), by: who, sequence: 1, dependencies: [], clock: HybridClock.pack(milliseconds: now, counter: 0)
            ).encoded()
        }
        _ = try db.ledger.ingest([record(partner, "Partner"), record(relay, "Relay")], from: "bench", nowMilliseconds: now)
        _ = try partnerDB.ledger.ingest([record(identity, "Bench home"), record(relay, "Relay")], from: "bench", nowMilliseconds: now)
        let today = String(ISO8601DateFormatter().string(from: Date()).prefix(10)), end = BusinessDays.adding(200, to: today)
        let partnerKey = hexString(partner.signingPublicKey), homeKey = hexString(identity.signingPublicKey)
        func grant(_ org: String) -> ConsentEvent {
            .grant(
                ConsentGrant(
                    organization: org, purposes: [.referral, .progress], dataClasses: ["needs"], start: today, end: end, method: .written, recordedBy: "bench"),
                after: [])
        }
        var ids: [String] = []
        for i in 0..<n {
            now += 10
            let id = try db.caseload.createClient(
                ClientRecord(name: "Bench Client \(i)", dateOfBirth: "1990-01-01", needs: ["training"]), identity: identity, by: "bench", nowMilliseconds: now)
            ids.append(id)
            try db.journeys.recordConsent(clientID: id, grant(partnerKey), identity: identity, by: "bench", nowMilliseconds: now + 1)
            try db.journeys.sendReferral(
                clientID: id, to: partnerKey, serviceID: nil, serviceName: "Course", note: "", identity: identity, by: "bench", today: today, nowMilliseconds: now + 2)
            guard let circle = try db.caseload.client(id: id, identity: identity, by: "bench", nowMilliseconds: now + 3)?.circle else { throw BenchError("no circle") }
            let goal = try db.journeys.recordProgress(
                circle: circle, .goal(id: "goal-\(i)", title: "A job", instrumentID: nil), identity: identity, by: "bench", today: today, nowMilliseconds: now + 4)
            for m in 0..<5 {
                try db.journeys.recordProgress(
                    circle: circle, .milestone(goalID: goal, label: "Step \(m)", date: today), identity: identity, by: "bench", today: today, nowMilliseconds: now + 5 + UInt64(m))
            }
        }
        // Referrals from the partner, in the inbox.
        for i in 0..<max(1, n / 10) {
            now += 10
            let id = try partnerDB.caseload.createClient(
                ClientRecord(name: "Bench Client referred \(i)", dateOfBirth: "1991-01-01", needs: ["housing"]), identity: partner, by: "bench", nowMilliseconds: now)
            try partnerDB.journeys.recordConsent(clientID: id, grant(homeKey), identity: partner, by: "bench", nowMilliseconds: now + 1)
            try partnerDB.journeys.sendReferral(
                clientID: id, to: homeKey, serviceID: nil, serviceName: "Drop-in", note: "", identity: partner, by: "bench", today: today, nowMilliseconds: now + 2)
        }
        let fromPartner = try partnerDB.ledger.envelopes(partnerDB.ledger.reconciliationItems().map(\.id))
        for start in stride(from: 0, to: fromPartner.count, by: 4096) {
            _ = try db.ledger.ingest(Array(fromPartner[start..<min(fromPartner.count, start + 4096)]), from: "partner", nowMilliseconds: now)
        }
        // What the sync shell does after a session: the journey index takes in what arrived, and the
        // referrals are acknowledged.
        try db.journeys.acknowledgeArrivals(identity: identity, nowMilliseconds: now)
        // What the node relays: other organisations' circles, not addressed to it.
        let plaintext = JourneyPayload.progress(.milestone(goalID: "g", label: "A step someone else took", date: today)).encoded()
        var last: [UInt8]?
        var batch: [[UInt8]] = []
        for k in 0..<relayed {
            let circle = Circle(owner: relay.signingPublicKey, random: Array(withUnsafeBytes(of: UInt64(k)) { Array($0) }) + [1, 2, 3, 4]).scope
            let e = try PrivateEnvelope.sign(
                kind: .progress, scope: circle, plaintext: plaintext, recipients: [relay.encryptionPublicKey, partner.encryptionPublicKey], by: relay,
                sequence: UInt64(k + 1), dependencies: last.map { [$0] } ?? [], clock: HybridClock.pack(milliseconds: now, counter: UInt16(k % 60_000))
            ).envelope
            last = EnvelopeCrypto.id(of: e)
            batch.append(e.encoded())
            if batch.count == 4096 || k == relayed - 1 {
                let report = try db.ledger.ingest(batch, from: "relay", nowMilliseconds: now + 1000)
                guard report.rejected.isEmpty else { throw BenchError("relayed envelopes refused: \(report.rejected.prefix(3))") }
                batch.removeAll(keepingCapacity: true)
            }
            if k % 60_000 == 59_999 { now += 1 }
        }
        return (db, identity, ids)
    }
}
