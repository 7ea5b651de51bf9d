import Foundation
import Synchronization
import WaymarkCore
import WaymarkCrypto
import WaymarkStore

/// Why a sync request was refused; the HTTP layer maps each to a status.
public enum SyncRefusal: Error, Sendable, CustomStringConvertible {
    case malformed(String)
    case tooLarge(Int)
    case backedOff(untilMilliseconds: UInt64)
    case unavailable(String)
    /// The sender's key is not a member of this node's federation.
    case notMember(String)
    /// The request was signed by a key the sender's organisation has handed over from, or by one this
    /// node does not yet know it handed over to (§9.6).
    case notKeyInForce(String)

    public var description: String {
        switch self {
        case .malformed(let m): return "malformed sync message: \(m)"
        case .tooLarge(let n): return "sync message of \(n) bytes is over the limit"
        case .backedOff: return "this node has backed off the sender after too many rejected envelopes; try later"
        case .unavailable(let m): return "the node cannot answer now: \(m)"
        case .notMember(let f): return "the key \(f) is not a member of this federation: a member's admin must vouch for it (waymark member add)"
        case .notKeyInForce(let f):
            return "the request was not signed by the key in force for \(f): this node holds a key hand-over from it, or not yet the one to it (§9.6)"
        }
    }
}

/// A node's side of the sync protocol: it answers peers' reconciliation, fetch and push requests,
/// and gives the engine what it needs to start sessions of its own.
public final class SyncNode: Sendable {
    public let database: NodeDatabase
    public let identity: NodeIdentity
    /// Signalled after a local change, so the sync shell pushes it at once.
    public let changes = ChangeSignal()
    private let cache = Mutex<(version: Int, items: [RangeReconciler.Item])?>(nil)
    private let rosterCache = Mutex<(version: Int, roster: Membership.Roster)?>(nil)
    private let inbound = Mutex<[String: InboundPeer]>([:])
    /// Pushes taken in since the search documents were last rebuilt.
    private let documentsStale = Mutex(false)

    /// Whether pushes changed the directory since the last call (and forgets it).
    public func takeStaleDocuments() -> Bool { documentsStale.withLock { stale in defer { stale = false }; return stale } }
    private let acknowledgementFailed = Mutex(false)

    /// The nonces of signed requests taken (a request is good once, §5.3).
    private let nonces = Mutex(NonceMemory())
    /// The authority of the node's public URL, read once (`waymark serve` sets the URL before it
    /// serves): requests signed for it are this node's.
    private let publicHost = Mutex<String??>(nil)

    /// Checks a sync request's signature: for this node (the address it was reached at, or its public
    /// URL), within the clock window, and not taken before.
    /// - Returns: the sender's key.
    public func verifyRequest(
        path: String, body: [UInt8], key: String?, host: String?, date: String?, nonce: String?, signature: String?, reachedAt authority: String?
    ) throws(RequestSignature.Failure) -> [UInt8] {
        var hosts = Set<String>()
        if let authority, let h = Authority.normalized(authority) { hosts.insert(h) }
        let own = publicHost.withLock { cached in
            if let cached { return cached }
            let found = (try? database.setting("public_url")).flatMap(Authority.of(url:))
            cached = .some(found)
            return found
        }
        if let own { hosts.insert(own) }
        let now = now()
        let signed = try RequestSignature.verify(
            method: "POST", path: path, body: body, key: key, host: host, date: date, nonce: nonce, signature: signature, hosts: hosts,
            nowMilliseconds: now)
        let fresh = nonces.withLock { $0.take(key: signed.key, nonce: signed.nonce, date: signed.date, nowMilliseconds: now) }
        guard fresh else { throw .replayed }
        return signed.key
    }

    /// Whether acknowledging what a push brought failed since the last call (and forgets it): the
    /// engine tries again.
    public func takeFailedAcknowledgement() -> Bool { acknowledgementFailed.withLock { failed in defer { failed = false }; return failed } }
    private let now: @Sendable () -> UInt64

    /// The largest request body the node reads.
    public static let maximumRequest = 8 << 20
    /// The most ids one fetch may ask for.
    public static let maximumFetch = 4096
    /// A sender with more rejected envelopes than this in one push is backed off.
    public static let abuseThreshold = 50
    public static let abuseBackoffMilliseconds: UInt64 = 10 * 60 * 1000

    /// What this node knows of a node that sends it requests.
    public struct InboundPeer: Sendable {
        public var requests = 0
        public var envelopesIn = 0
        public var envelopesOut = 0
        public var bytesIn = 0
        public var bytesOut = 0
        public var rejections = 0
        public var lastSeen: UInt64 = 0
        public var backedOffUntil: UInt64 = 0
    }

    public init(database: NodeDatabase, identity: NodeIdentity, now: @escaping @Sendable () -> UInt64 = LocalClock.nowMilliseconds) {
        self.database = database
        self.identity = identity
        self.now = now
    }

    public func nowMilliseconds() -> UInt64 { now() }

    /// The held envelopes as reconciliation items, re-read only when the ledger changed.
    public func items() throws -> [RangeReconciler.Item] {
        let version = try database.ledger.version()
        if let c = cache.withLock({ $0 }), c.version == version { return c.items }
        let items = try database.ledger.reconciliationItems()
        cache.withLock { $0 = (version, items) }
        return items
    }

    public static let hash: @Sendable ([UInt8]) -> [UInt8] = { Blake2b.hash($0) }

    // MARK: Answering peers

    /// The member set, re-read only when the ledger changed.
    public func roster() throws -> Membership.Roster {
        let version = try database.ledger.version()
        if let c = rosterCache.withLock({ $0 }), c.version == version { return c.roster }
        let roster = try database.roster()
        rosterCache.withLock { $0 = (version, roster) }
        return roster
    }

    /// Whether a key may sync with this node: a current member of the federation.
    public func isMember(_ key: [UInt8]) -> Bool {
        (try? roster().isCurrentMember(key)) ?? false
    }

    /// Checks that `signer` is the key in force for `author` (its own key until a hand-over this node
    /// holds names another, §9.6).
    public func checkKeyInForce(author: [UInt8], signer: [UInt8]) throws(SyncRefusal) {
        let inForce: [UInt8]
        do { inForce = try database.keyInForce(author: author) } catch {
            throw .unavailable("this node cannot read which key is in force for \(NodeIdentity.fingerprint(of: author)) now; try again later")
        }
        guard inForce == signer else { throw .notKeyInForce(NodeIdentity.fingerprint(of: author)) }
    }

    /// Refuses a sender that is not a member (nothing is counted for strangers, so they cannot
    /// crowd out members' figures) or that this node has backed off, and counts the request.
    public func admit(sender: [UInt8], bytes: Int) throws(SyncRefusal) {
        guard isMember(sender) else { throw .notMember(NodeIdentity.fingerprint(of: sender)) }
        let key = hexString(sender)
        let t = now()
        let until: UInt64 = inbound.withLock { map in
            var p = map[key] ?? InboundPeer()
            p.requests += 1
            p.bytesIn += bytes
            p.lastSeen = t
            map[key] = p
            return p.backedOffUntil
        }
        if until > t { throw .backedOff(untilMilliseconds: until) }
    }

    /// Answers one reconciliation message.
    public func answerReconcile(_ message: [UInt8], from sender: [UInt8]) throws -> [UInt8] {
        let responder = RangeReconciler(items: try items(), role: .responder, hash: Self.hash)
        let step: RangeReconciler.Step
        do { step = try responder.receive(message) } catch { throw SyncRefusal.malformed("\(error)") }
        let reply = step.reply ?? []
        count(sender) { $0.bytesOut += reply.count }
        return reply
    }

    /// Answers a fetch: the body is a list of 16-byte id prefixes (as reconciliation reports them);
    /// the answer is the envelopes this node holds with those prefixes, framed.
    public func answerFetch(_ body: [UInt8], from sender: [UInt8]) throws -> [UInt8] {
        let size = RangeReconciler.prefixSize
        guard body.count % size == 0 else { throw SyncRefusal.malformed("a fetch is a whole number of \(size)-byte id prefixes") }
        guard body.count / size <= Self.maximumFetch else { throw SyncRefusal.tooLarge(body.count) }
        let ids = stride(from: 0, to: body.count, by: size).map { Array(body[$0..<($0 + size)]) }
        var wires: [[UInt8]] = []
        var answerSize = 0
        for w in try database.ledger.envelopes(ids, maximumBytes: EnvelopeFrames.maximumBytes) {
            // Every answer stays under the frame limit; what is left is fetched in the next session.
            if answerSize + w.count + 10 > EnvelopeFrames.maximumBytes { break }
            wires.append(w)
            answerSize += w.count + 10
        }
        // With the erasures that explain its stripped copies (§5.1): a copy comes in with its erasure.
        var explaining = try database.ledger.erasures(explaining: wires)
        while !explaining.isEmpty, answerSize + explaining.reduce(0, { $0 + $1.count + 10 }) > EnvelopeFrames.maximumBytes, !wires.isEmpty {
            answerSize -= wires.removeLast().count + 10
            explaining = try database.ledger.erasures(explaining: wires)
        }
        wires += explaining
        let out = EnvelopeFrames.encode(wires)
        count(sender) {
            $0.envelopesOut += wires.count
            $0.bytesOut += out.count
        }
        return out
    }

    /// Takes in envelopes a peer pushed. A sender whose envelopes are mostly rejected is backed off.
    public func acceptPush(_ body: [UInt8], from sender: [UInt8]) throws -> IngestReport {
        let frames: [[UInt8]]
        do { frames = try EnvelopeFrames.decode(body) } catch { throw SyncRefusal.malformed("\(error)") }
        // The search documents are not rebuilt per push (for a node taking in a whole directory, each
        // rebuild covered every service, push after push): the engine rebuilds them at most once a
        // second for everything pushes brought.
        let report = try database.ledger.ingest(frames, from: "key:" + NodeIdentity.fingerprint(of: sender), nowMilliseconds: now(), refreshingDocuments: false)
        if report.rowsChanged > 0 || report.accepted > 0 { documentsStale.withLock { $0 = true } }
        noteRejections(report, from: sender)
        // A referral pushed to this organisation is acknowledged (`received`) at once, and an erasure carried out.
        if report.accepted > 0 {
            do { try database.journeys.acknowledgeArrivals(identity: identity, nowMilliseconds: now()) } catch { acknowledgementFailed.withLock { $0 = true } }
            changes.signal()
        }
        return report
    }

    /// Backs off a sender whose envelopes were rejected in bulk.
    public func noteRejections(_ report: IngestReport, from sender: [UInt8]) {
        let t = now()
        count(sender) {
            $0.envelopesIn += report.accepted
            $0.rejections += report.rejected.filter { ![.overQuota, .strippedCopy].contains($0.reason) }.count
            if Self.abusive(report) { $0.backedOffUntil = t + Self.abuseBackoffMilliseconds }
        }
    }

    /// Whether a peer sent more forged or broken envelopes than an honest relay ever would. Envelopes an
    /// honest node may well forward (not-owner, far-future, waiting for dependencies) do not count.
    public static func abusive(_ report: IngestReport) -> Bool {
        report.rejected.filter { [.malformed, .badSignature, .payloadMismatch, .badPayload, .wrongScope].contains($0.reason) }.count > abuseThreshold
    }

    private func count(_ sender: [UInt8], _ change: (inout InboundPeer) -> Void) {
        let key = hexString(sender)
        inbound.withLock { map in
            var p = map[key] ?? InboundPeer()
            change(&p)
            map[key] = p
            // Bounded: the least recently seen senders are forgotten first.
            if map.count > 1_000, let oldest = map.min(by: { $0.value.lastSeen < $1.value.lastSeen })?.key { map[oldest] = nil }
        }
    }

    /// Nodes that have sent this node requests, by key (hex).
    public func inboundPeers() -> [String: InboundPeer] { inbound.withLock { $0 } }
}
