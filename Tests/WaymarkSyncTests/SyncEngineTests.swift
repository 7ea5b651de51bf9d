import Foundation
import Logging
import ServiceLifecycle
import Testing
import WaymarkCore
import WaymarkCrypto
import WaymarkStore
@testable import WaymarkSync
import WaymarkTestKit

/// Real `SyncEngine`s and `SyncNode`s over real databases, connected by an in-memory transport:
/// members converge, strangers and removed members are refused at the door, learned peers are
/// called only where the admin allows, and a node restored from a backup catches up before signing.
struct SyncEngineTests {
    static let now: UInt64 = Fixtures.publishedAt + 60_000

    struct Member {
        let url: String
        let identity: NodeIdentity
        let database: NodeDatabase
        let node: SyncNode
    }

    func member(_ n: UInt8, founders: [NodeIdentity]) throws -> Member {
        let identity = Fixtures.identity(n)
        let db = try NodeDatabase()
        try db.setFounders(founders.map(\.signingPublicKey))
        let url = "http://node\(n).test"
        try db.ledger.publishNodeRecord(
            NodeRecord(organizationID: "org-\(n)", organizationName: "Organisation \(n)", url: url, encryptionKey: identity.encryptionPublicKey),
            identity: identity, nowMilliseconds: Fixtures.publishedAt + UInt64(n))
        return Member(url: url, identity: identity, database: db, node: SyncNode(database: db, identity: identity, now: { Self.now }))
    }

    func rows(_ prefix: String) -> [HSDSRecord] {
        [HSDSRecord(table: "service", id: "\(prefix)-svc", fields: JSONObject([("id", .string("\(prefix)-svc")), ("name", .string(prefix)), ("status", .string("active"))]))]
    }

    func engine(_ m: Member, _ network: InMemoryNetwork, settings: SyncSettings = SyncSettings()) -> SyncEngine {
        SyncEngine(node: m.node, transport: network.transport(for: m.identity), settings: settings, logger: Logger(label: "test"))
    }

    func peer(_ url: String, _ db: NodeDatabase) throws -> PeerInfo {
        try #require(try db.peers.all().first { $0.url == url })
    }

    @Test func membersConvergeAndAStrangerIsRefusedAtTheDoor() async throws {
        let alice = Fixtures.identity(1)
        let a = try member(1, founders: [alice]), b = try member(2, founders: [alice]), s = try member(66, founders: [alice])
        try a.database.ledger.publish(rows("a"), identity: a.identity, nowMilliseconds: Fixtures.publishedAt + 10)
        try b.database.ledger.publish(rows("b"), identity: b.identity, nowMilliseconds: Fixtures.publishedAt + 20)
        try s.database.ledger.publish(rows("s"), identity: s.identity, nowMilliseconds: Fixtures.publishedAt + 30)
        try a.database.publishVouch(.init(member: b.identity.signingPublicKey, organizationName: "Organisation 2"), identity: alice, nowMilliseconds: Fixtures.publishedAt + 40)
        let network = InMemoryNetwork([a.url: a.node, b.url: b.node, s.url: s.node])
        for (m, other) in [(b, a), (s, a)] { try m.database.peers.add(url: other.url, author: other.identity.signingPublicKey, nowMilliseconds: Self.now) }

        let fromB = await engine(b, network).sync(with: try peer(a.url, b.database))
        #expect(fromB.succeeded, "\(fromB.error ?? "")")
        #expect(try a.database.allRecords() == b.database.allRecords())
        #expect(try b.database.record(table: "service", id: "a-svc") != nil && a.database.record(table: "service", id: "b-svc") != nil)

        let fromStranger = await engine(s, network).sync(with: try peer(a.url, s.database))
        #expect(!fromStranger.succeeded && (fromStranger.error ?? "").contains("403"))
        #expect(try a.database.record(table: "service", id: "s-svc") == nil)
        #expect(try s.database.record(table: "service", id: "a-svc") == nil, "a stranger read the directory through sync")

        // Removed: refused from then on.
        try a.database.publishRemoval(.init(member: b.identity.signingPublicKey, reason: "left"), identity: alice, nowMilliseconds: Fixtures.publishedAt + 50)
        let afterRemoval = await engine(b, network).sync(with: try peer(a.url, b.database))
        #expect(!afterRemoval.succeeded && (afterRemoval.error ?? "").contains("403"))
        #expect(try a.database.record(table: "service", id: "b-svc") == nil)
    }

    @Test func aLinkThatLosesRequestsStillCarriesASessionAndAFailedSessionShrinksTheNextAnswers() async throws {
        let alice = Fixtures.identity(1)
        let a = try member(1, founders: [alice]), b = try member(2, founders: [alice])
        try a.database.ledger.publish(rows("a"), identity: a.identity, nowMilliseconds: Fixtures.publishedAt + 10)
        try a.database.publishVouch(.init(member: b.identity.signingPublicKey, organizationName: "Organisation 2"), identity: alice, nowMilliseconds: Fixtures.publishedAt + 40)
        let network = InMemoryNetwork([a.url: a.node])
        try b.database.peers.add(url: a.url, author: a.identity.signingPublicKey, nowMilliseconds: Self.now)

        // Every other request is lost: each is sent again, and the session succeeds.
        let flaky = FlakyTransport(inner: network.transport(for: b.identity), fail: { $0 % 2 == 1 })
        let engine = SyncEngine(node: b.node, transport: flaky, settings: SyncSettings(), logger: Logger(label: "test"))
        let outcome = await engine.sync(with: try peer(a.url, b.database))
        #expect(outcome.succeeded, "\(outcome.error ?? "")")
        #expect(try b.database.record(table: "service", id: "a-svc") != nil)
        #expect(flaky.calls > 2)

        // A link that loses everything: the session fails and the next one asks for a quarter as much.
        let before = await engine.fetchBatchSize(for: a.url)
        let dead = SyncEngine(node: b.node, transport: FlakyTransport(inner: network.transport(for: b.identity), fail: { _ in true }),
                              settings: SyncSettings(), logger: Logger(label: "test"))
        #expect(await !dead.sync(with: try peer(a.url, b.database)).succeeded)
        #expect(await dead.fetchBatchSize(for: a.url) == before / 4)
        #expect(try peer(a.url, b.database).failures == 1)
    }

    /// A node pushing a peer what it lacks stops once the peer answers that it already held most of a
    /// batch (it was taking them in by its own fetch, as a new node does), instead of sending the whole
    /// directory twice; a peer that lacks them still gets every one.
    @Test func aPushStopsWhenThePeerAlreadyHoldsWhatIsSent() async throws {
        let alice = Fixtures.identity(1)
        let many = (0..<2_000).map { i in
            HSDSRecord(table: "service", id: "a-svc-\(i)", fields: JSONObject([("id", .string("a-svc-\(i)")), ("name", .string("Club \(i)")), ("status", .string("active"))]))
        }
        for fetchesMeanwhile in [true, false] {
            let a = try member(1, founders: [alice]), b = try member(2, founders: [alice])
            try a.database.ledger.publish(many, identity: a.identity, nowMilliseconds: Fixtures.publishedAt + 10)
            try a.database.publishVouch(.init(member: b.identity.signingPublicKey, organizationName: "Organisation 2"), identity: alice, nowMilliseconds: Fixtures.publishedAt + 40)
            _ = try b.database.ledger.ingest(try a.database.ledger.envelopes(a.database.ledger.reconciliationItems().map(\.id)).filter { w in
                (try? Envelope.decode(w).header.kind) != .directoryRecord
            }, from: "test", nowMilliseconds: Self.now)
            try a.database.peers.add(url: b.url, author: b.identity.signingPublicKey, nowMilliseconds: Self.now)
            let network = InMemoryNetwork([a.url: a.node, b.url: b.node])
            // B fetching from A meanwhile: before A's first push arrives, B takes everything in itself.
            let transport = CopyingTransport(inner: network.transport(for: a.identity)) {
                guard fetchesMeanwhile else { return }
                _ = try b.database.ledger.ingest(try a.database.ledger.envelopes(a.database.ledger.reconciliationItems().map(\.id)), from: "fetch", nowMilliseconds: Self.now)
            }
            let outcome = await SyncEngine(node: a.node, transport: transport, settings: SyncSettings(), logger: Logger(label: "test")).sync(with: try peer(b.url, a.database))
            #expect(outcome.succeeded, "\(outcome.error ?? "")")
            let (held, published) = (try b.database.allRecords().count, try a.database.allRecords().count)
            #expect(held == published)
            if fetchesMeanwhile {
                #expect(outcome.envelopesOut <= SyncEngine.pushBatchSize, "pushed \(outcome.envelopesOut) envelopes the peer already held")
            } else {
                #expect(outcome.envelopesOut >= many.count, "a peer that lacked them got \(outcome.envelopesOut)")
            }
        }
    }

    @Test func learnedPeersAreCalledOnlyInAllowedRangesAndOnlyForMembers() async throws {
        #expect(AddressRange.of(url: "http://127.0.0.1:8080") == .loopback)
        #expect(AddressRange.of(url: "http://localhost:8080") == .loopback)
        #expect(AddressRange.of(url: "http://[::1]:8080") == .loopback)
        #expect(AddressRange.of(url: "http://10.1.2.3") == .private)
        #expect(AddressRange.of(url: "http://172.20.0.1") == .private && AddressRange.of(url: "http://172.32.0.1") == .public)
        #expect(AddressRange.of(url: "http://192.168.1.9") == .private && AddressRange.of(url: "http://169.254.169.254") == .private)
        #expect(AddressRange.of(url: "http://[fd00::1]") == .private && AddressRange.of(url: "http://[::ffff:127.0.0.1]") == .loopback)
        #expect(AddressRange.of(url: "https://node.ballymun.ie") == .public)
        // Other spellings of loopback and private addresses are not taken for public ones.
        for url in ["http://2130706433/", "http://0x7f.1/", "http://127.1/", "http://0177.0.0.1/", "http://0/", "http://localhost./",
                    "http://[::ffff:7f00:1]/", "http://[0:0:0:0:0:0:0:1]/", "http://[::127.0.0.1]/"] {
            #expect(AddressRange.of(url: url) == .loopback, "\(url)")
        }
        #expect(AddressRange.of(url: "http://167772161/") == .private)  // 10.0.0.1
        #expect(AddressRange.defaults(forOwnURL: "https://node.ballymun.ie") == [.public])
        #expect(AddressRange.defaults(forOwnURL: "http://127.0.0.1:8080") == [.public, .loopback])

        // A node on a public address calls no learned peer on loopback or a private network, nor a
        // learned peer whose author is not a member; an admin's own peer is called wherever it is.
        let alice = Fixtures.identity(1)
        let a = try member(1, founders: [alice])
        try a.database.publishVouch(.init(member: Fixtures.identity(2).signingPublicKey, organizationName: "Two"), identity: alice, nowMilliseconds: Fixtures.publishedAt + 1)
        let two = Fixtures.identity(2).signingPublicKey, stranger = Fixtures.identity(66).signingPublicKey
        try a.database.peers.add(url: "http://127.0.0.1:9", author: two, source: "learned", nowMilliseconds: Self.now)
        try a.database.peers.add(url: "http://10.0.0.9:80", author: two, source: "learned", nowMilliseconds: Self.now)
        try a.database.peers.add(url: "https://two.example.ie", author: stranger, source: "learned", nowMilliseconds: Self.now)
        try a.database.peers.add(url: "https://three.example.ie", author: two, source: "learned", nowMilliseconds: Self.now)
        try a.database.peers.add(url: "http://127.0.0.1:10", author: two, source: "admin", nowMilliseconds: Self.now)
        var settings = SyncSettings()
        settings.learnedPeerRanges = AddressRange.defaults(forOwnURL: "https://one.example.ie")
        let engine = SyncEngine(node: a.node, transport: InMemoryNetwork([:]).transport(for: alice), settings: settings, logger: Logger(label: "test"))
        let due = Set(await engine.duePeers().map(\.url))
        #expect(due == ["https://three.example.ie", "http://127.0.0.1:10"], "\(due)")
    }

    @Test func anUnreachablePeerIsTriedAheadOfItsBackoffAndARefusingOneIsNot() async throws {
        let alice = Fixtures.identity(1)
        let a = try member(1, founders: [alice]), b = try member(2, founders: [alice])
        try a.database.publishVouch(.init(member: b.identity.signingPublicKey, organizationName: "Organisation 2"), identity: alice, nowMilliseconds: Fixtures.publishedAt + 40)
        try b.database.ledger.publish(rows("b"), identity: b.identity, nowMilliseconds: Fixtures.publishedAt + 20)
        try a.database.peers.add(url: b.url, author: b.identity.signingPublicKey, nowMilliseconds: Self.now)
        try a.database.peers.add(url: "http://refusing.test", author: b.identity.signingPublicKey, nowMilliseconds: Self.now)
        // Both wait out a backoff of minutes: B gave no answer (a partition, now healed); the other
        // refused (its clock is a day out).
        for (url, error) in [(b.url, "the connection was lost"), ("http://refusing.test", "HTTP 401: Waymark-Date is 1 day 0 h ahead")] {
            var failed = SessionOutcome(succeeded: false, error: error)
            failed.nextAttempt = Self.now + 200_000
            try a.database.peers.recordSession(url: url, failed, nowMilliseconds: Self.now)
        }
        let engine = engine(a, InMemoryNetwork([b.url: b.node]))
        #expect(await engine.duePeers().isEmpty)
        #expect(await engine.probeCandidates().map(\.url) == [b.url])
        await engine.antiEntropyRound()
        await engine.probe?.value
        #expect(try peer(b.url, a.database).failures == 0)
        #expect(try a.database.record(table: "service", id: "b-svc") != nil, "the probe's session took nothing in")
        #expect(try peer("http://refusing.test", a.database).failures == 1)
    }

    @Test func aPeerScheduledByAClockThatRanFastIsDueOnceTheClockIsPutRight() async throws {
        let alice = Fixtures.identity(1)
        let a = try member(1, founders: [alice])
        let two = Fixtures.identity(2).signingPublicKey
        let day: UInt64 = 86_400_000
        try a.database.peers.add(url: "http://waiting.test", author: two, nowMilliseconds: Self.now)
        try a.database.peers.add(url: "http://scheduled-fast.test", author: two, nowMilliseconds: Self.now)
        // One peer waits out an ordinary backoff (a minute); the other was scheduled while this
        // node's clock ran a day fast.
        var backoff = SessionOutcome(succeeded: false, error: "the connection was lost")
        backoff.nextAttempt = Self.now + 60_000
        try a.database.peers.recordSession(url: "http://waiting.test", backoff, nowMilliseconds: Self.now)
        var fast = SessionOutcome(succeeded: false, error: "the connection was lost")
        fast.nextAttempt = Self.now + day + 1_000
        try a.database.peers.recordSession(url: "http://scheduled-fast.test", fast, nowMilliseconds: Self.now + day)
        let engine = SyncEngine(node: a.node, transport: InMemoryNetwork([:]).transport(for: alice), settings: SyncSettings(), logger: Logger(label: "test"))
        let due = await engine.duePeers().map(\.url)
        #expect(due == ["http://scheduled-fast.test"], "\(due)")
    }

    @Test func aRestoredNodeSignsNothingUntilItHasCaughtUp() async throws {
        let alice = Fixtures.identity(1)
        let a = try member(1, founders: [alice])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-restore-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let home = NodeHome(folder.appendingPathComponent("b").path)
        let (bIdentity, _) = try home.create(organizationName: "Organisation B")
        let bDB = try home.openDatabase()
        try bDB.setFounders([alice.signingPublicKey])
        try a.database.publishVouch(.init(member: bIdentity.signingPublicKey, organizationName: "Organisation B"), identity: alice, nowMilliseconds: Fixtures.publishedAt + 5)
        try bDB.ledger.publish(rows("b"), identity: bIdentity, nowMilliseconds: Fixtures.publishedAt + 10)
        try home.backup(to: folder.appendingPathComponent("backup").path)
        // After the backup B signs more, and A takes it in.
        try bDB.ledger.publish([HSDSRecord(table: "service", id: "b-svc", fields: JSONObject([("id", .string("b-svc")), ("name", .string("later")), ("status", .string("active"))]))], identity: bIdentity, nowMilliseconds: Fixtures.publishedAt + 20)
        _ = try a.database.ledger.ingest(try bDB.ledger.envelopes(bDB.ledger.reconciliationItems().map(\.id)), from: "b", nowMilliseconds: Self.now)

        let restoredHome = NodeHome(folder.appendingPathComponent("b2").path)
        try restoredHome.restore(from: folder.appendingPathComponent("backup").path)
        let restored = try restoredHome.openDatabase()
        #expect(try restored.mustResyncBeforeSigning())
        #expect(throws: PublishError.self) { try restored.ledger.publish(rows("too-early"), identity: bIdentity, nowMilliseconds: Fixtures.publishedAt + 30) }
        try restored.peers.add(url: a.url, author: alice.signingPublicKey, nowMilliseconds: Self.now)
        let b2 = Member(url: "http://b.test", identity: bIdentity, database: restored, node: SyncNode(database: restored, identity: bIdentity, now: { Self.now }))
        let network = InMemoryNetwork([a.url: a.node])
        let outcome = await engine(b2, network).sync(with: try peer(a.url, restored))
        #expect(outcome.succeeded, "\(outcome.error ?? "")")
        #expect(try !restored.mustResyncBeforeSigning())
        #expect(try restored.record(table: "service", id: "b-svc")?.fields["name"]?.stringValue == "later")
        try restored.ledger.publish(rows("after"), identity: bIdentity, nowMilliseconds: Fixtures.publishedAt + 40)
        let report = try a.database.ledger.ingest(try restored.ledger.envelopes(restored.ledger.reconciliationItems().map(\.id)), from: "b2", nowMilliseconds: Self.now)
        #expect(report.forks == 0 && report.rejected.isEmpty, "\(report)")
    }

    struct TimedOut: Error {}

    /// The engine is a service of the node's service group: it syncs while the group runs and stops
    /// when the group shuts down gracefully (as `waymark serve` does on SIGTERM).
    @Test func theEngineRunsAndStopsWithTheNodesServiceGroup() async throws {
        let alice = Fixtures.identity(1)
        let a = try member(1, founders: [alice]), b = try member(2, founders: [alice])
        try a.database.ledger.publish(rows("a"), identity: a.identity, nowMilliseconds: Fixtures.publishedAt + 10)
        try a.database.publishVouch(.init(member: b.identity.signingPublicKey, organizationName: "Organisation 2"), identity: alice, nowMilliseconds: Fixtures.publishedAt + 40)
        let network = InMemoryNetwork([a.url: a.node, b.url: b.node])
        try b.database.peers.add(url: a.url, author: a.identity.signingPublicKey, nowMilliseconds: Self.now)
        let group = ServiceGroup(
            configuration: .init(
                services: [engine(b, network, settings: SyncSettings(interval: .milliseconds(100), pollInterval: .milliseconds(20)))],
                gracefulShutdownSignals: [], logger: Logger(label: "test")))
        try await withThrowingTaskGroup(of: Bool.self) { tasks in
            tasks.addTask {
                try await group.run()
                return true
            }
            var synced = false
            for _ in 0..<200 where !synced {
                try await Task.sleep(for: .milliseconds(50))
                synced = try b.database.record(table: "service", id: "a-svc") != nil
            }
            #expect(synced, "the engine synced while its group ran")
            await group.triggerGracefulShutdown()
            tasks.addTask {
                try await Task.sleep(for: .seconds(20))
                throw TimedOut()
            }
            #expect(try await tasks.next() == true, "the group ended: the engine stopped")
            tasks.cancelAll()
        }
    }
}

/// A transport that loses the requests `fail` picks (by their number, from 0), as a bad link would.
final class FlakyTransport: SyncTransport, @unchecked Sendable {
    let inner: any SyncTransport
    let fail: @Sendable (Int) -> Bool
    private let lock = NSLock()
    private var count = 0

    init(inner: any SyncTransport, fail: @escaping @Sendable (Int) -> Bool) {
        self.inner = inner
        self.fail = fail
    }

    var calls: Int { lock.withLock { count } }

    func post(_ base: String, path: String, body: [UInt8]) async throws -> [UInt8] {
        let n = lock.withLock {
            count += 1
            return count - 1
        }
        if fail(n) { throw TransportError(status: nil, message: "the connection was lost") }
        return try await inner.post(base, path: path, body: body)
    }

    func get(_ base: String, path: String) async throws -> [UInt8] { try await inner.get(base, path: path) }
}

/// A transport that runs `beforeFirstPush` once, just before the first push goes out.
final class CopyingTransport: SyncTransport, @unchecked Sendable {
    let inner: any SyncTransport
    let beforeFirstPush: @Sendable () throws -> Void
    private let lock = NSLock()
    private var done = false

    init(inner: any SyncTransport, beforeFirstPush: @escaping @Sendable () throws -> Void) {
        self.inner = inner
        self.beforeFirstPush = beforeFirstPush
    }

    func post(_ base: String, path: String, body: [UInt8]) async throws -> [UInt8] {
        if path == "/sync/v1/push", lock.withLock({ () -> Bool in defer { done = true }; return !done }) { try beforeFirstPush() }
        return try await inner.post(base, path: path, body: body)
    }

    func get(_ base: String, path: String) async throws -> [UInt8] { try await inner.get(base, path: path) }
}
