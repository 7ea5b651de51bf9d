import Foundation
import Logging
import ServiceLifecycle
import WaymarkCore
import WaymarkCrypto
import WaymarkStore

/// How often and how widely a node syncs.
public struct SyncSettings: Sendable {
    /// Anti-entropy: one random peer this often.
    public var interval: Duration
    /// How often the node looks for new envelopes to push.
    public var pollInterval: Duration
    /// How many peers a change is pushed to at once (admin-added peers first).
    public var fanout: Int
    /// The longest wait before retrying an unreachable peer.
    public var maximumBackoff: Duration
    /// The most reconciliation round trips in one session.
    public var maximumRounds: Int
    /// Sync only with peers an admin added, not with nodes learned from node records.
    public var onlyAddedPeers: Bool
    /// The longest one session may take before it is abandoned (and counted as a failure).
    public var sessionDeadline: Duration = .seconds(120)
    /// The address ranges a learned peer (one not added by an admin) may be in.
    public var learnedPeerRanges: Set<AddressRange> = Set(AddressRange.allCases)

    public init(
        interval: Duration = .seconds(5), pollInterval: Duration = .milliseconds(250), fanout: Int = 6,
        maximumBackoff: Duration = .seconds(300), maximumRounds: Int = 24, onlyAddedPeers: Bool = false
    ) {
        self.onlyAddedPeers = onlyAddedPeers
        self.interval = interval
        self.pollInterval = pollInterval
        self.fanout = fanout
        self.maximumBackoff = maximumBackoff
        self.maximumRounds = maximumRounds
    }
}

/// The sync shell: pushes new envelopes to peers as soon as the ledger changes, runs periodic
/// anti-entropy with a random peer, and backs off peers that are unreachable or abusive.
public actor SyncEngine: Service {
    public let node: SyncNode
    let transport: any SyncTransport
    let settings: SyncSettings
    let logger: Logger
    private var pushedVersion = -1
    /// Whether referrals and erasures that arrived may still wait for their acknowledgement: at
    /// start (they may have arrived while an acknowledgement failed before a restart), and after a
    /// failed one. Opening a staff page never writes them.
    private var acknowledgementsDue = true
    private var rng = SystemRandomNumberGenerator()
    /// How many envelopes to ask each peer for at a time: a quarter after a session that failed, twice
    /// as many after one that succeeded (between `smallestFetchBatch` and `IngestPipeline.batchSize`),
    /// so that a bad link still carries answers small enough to arrive whole.
    private var fetchBatch: [String: Int] = [:]
    /// Envelopes the session in progress with each peer has taken in so far.
    private var taken: [String: Int] = [:]
    static let smallestFetchBatch = 32

    /// The fetch batch the next session with `url` uses.
    public func fetchBatchSize(for url: String) -> Int { fetchBatch[url] ?? IngestPipeline.batchSize }

    public init(node: SyncNode, transport: any SyncTransport, settings: SyncSettings = SyncSettings(), logger: Logger) {
        self.node = node
        self.transport = transport
        self.settings = settings
        self.logger = logger
    }

    /// Runs as one of the node's services until the node shuts down (gracefully: a sync session in
    /// progress stops between batches, and what it took in so far stays).
    public func run() async throws {
        await cancelWhenGracefulShutdown { await self.loop() }
    }

    /// Runs until the task is cancelled.
    func loop() async {
        var nextAntiEntropy = ContinuousClock.now
        var nextDocumentRefresh = ContinuousClock.now
        while !Task.isCancelled {
            let version = (try? node.database.ledger.version()) ?? pushedVersion
            if version != pushedVersion {
                pushedVersion = version
                await pushRound()
            }
            // Anti-entropy keeps its own timer, so a stream of changes cannot starve it.
            if ContinuousClock.now >= nextAntiEntropy {
                nextAntiEntropy = ContinuousClock.now + settings.interval
                if acknowledgementsDue || node.takeFailedAcknowledgement() { await acknowledgeArrivals() }
                await antiEntropyRound()
            }
            // What peers pushed shows in search within about a second.
            if ContinuousClock.now >= nextDocumentRefresh, node.takeStaleDocuments() {
                nextDocumentRefresh = ContinuousClock.now + .seconds(1)
                await refreshDocuments()
            }
            await node.changes.wait(timeout: settings.pollInterval)
        }
    }

    /// Syncs with up to `fanout` due peers, admin-added ones first.
    func pushRound() async {
        let due = duePeers()
        let admin = due.filter { $0.source == "admin" }.shuffled(using: &rng)
        let learned = due.filter { $0.source != "admin" }.shuffled(using: &rng)
        let chosen = Array((admin + learned).prefix(max(1, settings.fanout)))
        await withTaskGroup(of: Void.self) { group in
            for p in chosen { group.addTask { _ = await self.sync(with: p) } }
        }
    }

    /// Syncs with one random due peer, and starts a probe of one unreachable peer if none is running.
    func antiEntropyRound() async {
        if probe == nil, let p = probeCandidates().randomElement(using: &rng) {
            probing = p.url
            probe = Task {
                _ = await self.sync(with: p)
                self.probeEnded()
            }
        }
        guard let p = duePeers().randomElement(using: &rng) else { return }
        _ = await sync(with: p)
    }

    /// The session trying an unreachable peer ahead of its backoff, while it runs (and its peer).
    private(set) var probe: Task<Void, Never>?
    private var probing: String?
    private func probeEnded() { (probe, probing) = (nil, nil) }

    /// Peers that gave no answer at all (not a refusal) and wait out a backoff: one of them is tried
    /// each anti-entropy round, in the background, so that a healed partition or a peer back from an
    /// outage is found within a few sync intervals however long the backoff had grown (a peer that
    /// comes back and calls this node is forgotten at once, `heardFrom`; this covers the other way
    /// round). Peers that answered with a refusal (an HTTP status: a wrong clock, not a member, a
    /// full disk) or were backed off for bad envelopes keep their backoff.
    func probeCandidates() -> [PeerInfo] {
        let t = node.nowMilliseconds()
        return callablePeers().filter {
            let error = $0.lastError ?? ""
            return $0.nextAttempt > t && $0.failures > 0 && !error.hasPrefix("HTTP ") && !error.hasPrefix(PeerBook.abuseErrorPrefix)
        }
    }

    func duePeers() -> [PeerInfo] {
        let t = node.nowMilliseconds()
        // A next attempt further ahead than any backoff sets was scheduled by a clock that ran fast
        // and has been put right since: the peer is due now, not when the wrong clock said.
        let latest = t + max(UInt64(settings.maximumBackoff.components.seconds) * 1000, SyncNode.abuseBackoffMilliseconds)
        return callablePeers().filter { ($0.nextAttempt <= t || $0.nextAttempt > latest) && $0.url != probing }
    }

    /// The peers this node may call at all, due or not: never itself; with `--only-added-peers` only
    /// those its admin added; learned ones only while `mayCall(learned:)`.
    private func callablePeers() -> [PeerInfo] {
        let me = node.identity.signingPublicKey
        return ((try? node.database.peers.all()) ?? []).filter {
            $0.author != me && (!settings.onlyAddedPeers || $0.source == "admin") && ($0.source == "admin" || mayCall(learned: $0))
        }
    }

    /// A learned peer is called only while its node record's author is a current member and its
    /// address is in a range the admin allows.
    public func mayCall(learned peer: PeerInfo) -> Bool {
        guard let author = peer.author, node.isMember(author), let range = AddressRange.of(url: peer.url) else { return false }
        return settings.learnedPeerRanges.contains(range)
    }

    /// One session: reconcile, fetch what the peer has, push what it lacks. Records the outcome.
    @discardableResult
    public func sync(with peer: PeerInfo) async -> SessionOutcome {
        var outcome: SessionOutcome
        taken[peer.url] = 0
        do {
            let deadline = settings.sessionDeadline
            outcome = try await withThrowingTaskGroup(of: SessionOutcome?.self) { group in
                group.addTask { try await self.session(peer.url) }
                group.addTask {
                    try await Task.sleep(for: deadline)
                    return nil
                }
                let first = try await group.next() ?? nil
                group.cancelAll()
                guard let first else { throw TransportError(status: nil, message: "the session took longer than \(deadline)") }
                return first
            }
            outcome.succeeded = true
            fetchBatch[peer.url] = min(IngestPipeline.batchSize, fetchBatchSize(for: peer.url) * 2)
            // A node restored from a backup has now taken back what it signed after the backup (a
            // peer that holds it answered in full), so its chain continues after it.
            if (try? node.database.mustResyncBeforeSigning()) == true {
                try? node.database.resyncDone()
                logger.notice("restored node caught up with \(peer.url); signing again")
            }
        } catch {
            outcome = SessionOutcome(succeeded: false, error: "\(error)")
            // What the session took in before it broke off is kept (every batch is its own transaction).
            outcome.envelopesIn = taken[peer.url] ?? 0
            outcome.madeProgress = outcome.envelopesIn > 0
            if !(error is Abusive) { fetchBatch[peer.url] = max(Self.smallestFetchBatch, fetchBatchSize(for: peer.url) / 4) }
            // A session that made progress before failing (a bad link, not a dead peer) is tried again
            // after one interval; only sessions that got nothing in a row back off further and further.
            let failures = outcome.madeProgress ? 0 : peer.failures + 1
            let base = Double(settings.interval.components.seconds) + Double(settings.interval.components.attoseconds) / 1e18
            let cap = Double(settings.maximumBackoff.components.seconds)
            let wait = min(cap, base * pow(2, Double(min(failures, 16)))) * Double.random(in: 0.5...1.0, using: &rng)
            outcome.nextAttempt = (error as? Abusive)?.until ?? node.nowMilliseconds() + UInt64(wait * 1000)
            if NodeDatabase.isDiskFull(error) {
                let database = node.database
                _ = try? await Blocking.run { database.releaseSpaceAfterFailure() }
                logger.error("sync with \(peer.url) stopped: this node's disk is full (free some space; nothing is lost, the sync resumes): \(error)")
            } else {
                logger.notice("sync with \(peer.url) failed (\(failures) in a row); next try in \(Int(wait)) s: \(error)")
            }
        }
        // The search views are rebuilt once per session, for whatever its batches changed (even if it failed part-way).
        await refreshDocuments()
        let database = node.database
        // Referrals for this organisation that just arrived are acknowledged (`received`) at once, and erasures carried out.
        if outcome.envelopesIn > 0 { await acknowledgeArrivals() }
        try? node.database.peers.recordSession(url: peer.url, outcome, nowMilliseconds: node.nowMilliseconds())
        if outcome.envelopesIn >= NodeDatabase.largeIngest {
            do { try await Blocking.run { try database.ledger.settleAfterLargeIngest() } } catch {
                logger.notice("could not checkpoint the database after taking in \(outcome.envelopesIn) envelopes: \(error)")
            }
        }
        return outcome
    }

    /// Marks referrals for this organisation `received` and carries out erasures, for whatever arrived
    /// and was not yet acknowledged; tried again on the next round if it fails.
    private func acknowledgeArrivals() async {
        let database = node.database, identity = node.identity, now = node.nowMilliseconds()
        do {
            try await Blocking.run { try database.journeys.acknowledgeArrivals(identity: identity, nowMilliseconds: now) }
            acknowledgementsDue = false
            node.changes.signal()
        } catch {
            acknowledgementsDue = true
            logger.error("could not acknowledge referrals or erasures (tried again shortly): \(error)")
        }
    }

    /// Rebuilds the search documents for the rows changed since the last rebuild.
    private func refreshDocuments() async {
        let database = node.database
        do { _ = try await Blocking.run { try database.refreshDocuments() } } catch {
            logger.error("could not refresh the directory's documents: \(error)")
        }
    }

    /// How many times one request is sent before the session gives up on it.
    static let attempts = 3

    /// Sends one request, again (after a short pause) when it failed in a way a bad link explains: no
    /// answer, a broken one, or the peer finding the request garbled (400, 401). Every sync request
    /// can be repeated safely: the peer keeps no state between them, and a repeated push is taken
    /// in as duplicates. A refusal (403, 413, 429, 503, 507) is not repeated.
    static func post(_ transport: any SyncTransport, _ base: String, path: String, body: [UInt8]) async throws -> [UInt8] {
        var attempt = 1
        while true {
            do {
                return try await transport.post(base, path: path, body: body)
            } catch let e as TransportError where attempt < attempts && e.retryable && (e.status == nil || e.status == 400 || e.status == 401) {
                attempt += 1
                try await Task.sleep(for: .milliseconds(200 * attempt))
            }
        }
    }

    /// The most envelopes, and bytes, one push request carries.
    static let pushBatchSize = 512
    static let pushBatchBytes = 1 << 20

    /// Whether a push answer (§5.5) says the peer already held at least half of a batch of 64 or more.
    static func mostlyHeld(_ answer: [UInt8], sent: Int) -> Bool {
        guard sent >= 64, case .object(let o)? = try? JSONParser.parse(answer), let held = o["duplicates"]?.doubleValue else { return false }
        return held * 2 >= Double(sent)
    }

    struct Abusive: Error, CustomStringConvertible {
        let rejected: Int
        let until: UInt64
        var description: String { "\(PeerBook.abuseErrorPrefix) \(rejected) envelopes from this peer were rejected" }
    }

    func session(_ base: String) async throws -> SessionOutcome {
        var outcome = SessionOutcome(succeeded: false)
        let node = self.node
        let reconciler = RangeReconciler(items: try await Blocking.run { try node.items() }, role: .initiator, hash: SyncNode.hash)
        var message = reconciler.initiate()
        var have: [[UInt8]] = []
        var need: [[UInt8]] = []
        while true {
            outcome.rounds += 1
            guard outcome.rounds <= settings.maximumRounds else { throw TransportError(status: nil, message: "reconciliation did not finish") }
            outcome.bytesOut += message.count
            let answer = try await Self.post(transport, base, path: "/sync/v1/reconcile", body: message)
            outcome.bytesIn += answer.count
            let step = try reconciler.receive(answer)
            have += step.have
            need += step.need
            guard let next = step.reply else { break }
            message = next
        }
        // Fetch what the peer has, in batches, each taken in as one transaction; the next batch is
        // already on its way while the current one is verified, and verified while the one before is written.
        let size = fetchBatchSize(for: base)
        let chunks = stride(from: 0, to: need.count, by: size).map { Array(need[$0..<min(need.count, $0 + size)]) }
        let pipeline = IngestPipeline(database: node.database, peer: base)
        let transport = self.transport
        func fetch(_ i: Int) -> Task<[UInt8], any Error> {
            let body = chunks[i].flatMap { $0 }
            return Task { try await Self.post(transport, base, path: "/sync/v1/fetch", body: body) }
        }
        var inFlight = chunks.isEmpty ? nil : fetch(0)
        var index = 0
        do {
            while let task = inFlight {
                outcome.bytesOut += chunks[index].count * RangeReconciler.prefixSize
                let answer = try await task.value
                index += 1
                inFlight = index < chunks.count ? fetch(index) : nil
                outcome.bytesIn += answer.count
                // An answer damaged on the way: the envelopes before the damage are taken in, then the session ends.
                let (frames, damage) = EnvelopeFrames.decodePrefix(answer)
                // What the batch before this one did (this one is being verified).
                let now = node.nowMilliseconds()
                let report = try await Blocking.run { try pipeline.add(frames, nowMilliseconds: now) }
                try checkAbuse(report, inFlight: inFlight)
                if let damage { throw damage }
            }
        } catch let error where !(error is Abusive) {
            // A later answer failed (a bad link, a peer gone): the batch that did arrive is still taken in.
            inFlight?.cancel()
            let now = node.nowMilliseconds()
            if let report = try? await Blocking.run({ try pipeline.finish(nowMilliseconds: now) }) { noteTaken(report) }
            throw error
        }
        let now = node.nowMilliseconds()
        try checkAbuse(try await Blocking.run { try pipeline.finish(nowMilliseconds: now) }, inFlight: nil)
        // Held back for dependencies still counts as progress: verified, and kept.
        func noteTaken(_ report: IngestReport) { taken[base, default: 0] += report.accepted + report.pending }
        func checkAbuse(_ report: IngestReport, inFlight: Task<[UInt8], any Error>?) throws {
            outcome.envelopesIn += report.accepted
            noteTaken(report)
            if SyncNode.abusive(report) {
                inFlight?.cancel()
                logger.warning("backing off \(base): \(report.rejected.count) envelopes rejected, first: \(report.rejected[0].reason.rawValue)")
                throw Abusive(rejected: report.rejected.count, until: node.nowMilliseconds() + SyncNode.abuseBackoffMilliseconds)
            }
        }
        // Push what the peer lacks, in batches small enough for the peer to take in well within one
        // request's time limit, even while it is busy taking in batches of its own.
        var start = 0
        while start < have.count {
            var batch: [[UInt8]] = []
            var size = 0
            let ids = Array(have[start..<min(have.count, start + Self.pushBatchSize)])
            for w in try await Blocking.run({ try node.database.ledger.envelopes(ids) }) {
                if size + w.count > Self.pushBatchBytes && !batch.isEmpty { break }
                batch.append(w)
                size += w.count + 5
            }
            start += max(1, batch.count)
            guard !batch.isEmpty else { continue }
            // With the erasures that explain its stripped copies (§5.1).
            let sending = batch
            batch += try await Blocking.run({ try node.database.ledger.erasures(explaining: sending) })
            let body = EnvelopeFrames.encode(batch)
            outcome.bytesOut += body.count
            let answer = try await Self.post(transport, base, path: "/sync/v1/push", body: body)
            outcome.bytesIn += answer.count
            outcome.envelopesOut += batch.count
            // The peer already held most of the batch: it is taking these in another way (its own
            // fetch from this node, as a new node does while this one pushes to it). The rest is left
            // to the next session's reconciliation rather than sent twice.
            if Self.mostlyHeld(answer, sent: batch.count) { break }
        }
        return outcome
    }
}
