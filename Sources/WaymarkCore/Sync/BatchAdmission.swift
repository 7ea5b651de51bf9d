/// A verified envelope waiting to be judged: decoded, its signature and payload hash checked, and its
/// payload read (work that depends on the envelope alone).
public protocol AdmissionCandidate {
    var envelope: Envelope { get }
    var id: [UInt8] { get }
    var payloadProblem: Result<Void, AdmissionRules.PayloadProblem> { get }
    /// The envelope's size in wire form, as stored.
    var wireSize: Int { get }
}

extension AdmissionCandidate {
    /// What the envelope counts against its author's storage quota (`Protocol/SPEC.md` §3.1, rule 8):
    /// its wire size and a fixed 512 bytes for what storing it costs besides (index entries, heads),
    /// so that a flood of tiny envelopes is bounded too; an erasure 8 KiB more, for the tags it makes
    /// every node keep (§8.10).
    public var quotaCost: UInt64 {
        UInt64(wireSize) + AdmissionLimits.perEnvelopeCost + (envelope.header.kind == .erasure ? AdmissionLimits.erasureCost : 0)
    }
}

/// How many envelopes wait in the held-back queue (for their dependencies) in all, and of these how
/// many came from one peer and how many one author signed.
public struct HeldBackCounts: Sendable, Equatable {
    public var total: Int
    public var fromPeer: Int
    public var byAuthor: Int
    public init(total: Int, fromPeer: Int, byAuthor: Int) {
        self.total = total
        self.fromPeer = fromPeer
        self.byAuthor = byAuthor
    }
}

/// The bounds of batch admission (`Protocol/SPEC.md` §3.1 rule 3).
public struct AdmissionLimits: Sendable, Equatable {
    /// Envelopes held back for missing dependencies, in all.
    public var heldBack: Int
    /// Held back that came from one peer: no one peer can take the whole queue.
    public var heldBackPerPeer: Int
    /// Held back that one author signed: no one member's envelopes can take the whole queue (a quarter
    /// of it, and more than one fetch batch, which may arrive in any order).
    public var heldBackPerAuthor: Int
    /// Envelopes of one transaction set aside until its end (an author's vouch, or a circle's erasure,
    /// may come later in the same transaction); beyond it they are judged at once.
    public var deferred: Int
    /// How long an envelope stays held back: after that its dependencies are not coming.
    public var heldBackMilliseconds: UInt64
    /// What one author's stored envelopes may cost in all (`quotaCost`), other than the node's own:
    /// a member gone bad can fill no more than this of any node's disk.
    public var storedBytesPerAuthor: UInt64

    public init(
        heldBack: Int, heldBackPerPeer: Int, heldBackPerAuthor: Int, deferred: Int, heldBackMilliseconds: UInt64,
        storedBytesPerAuthor: UInt64 = AdmissionLimits.defaultStoredBytesPerAuthor
    ) {
        self.heldBack = heldBack
        self.heldBackPerPeer = heldBackPerPeer
        self.heldBackPerAuthor = heldBackPerAuthor
        self.deferred = deferred
        self.heldBackMilliseconds = heldBackMilliseconds
        self.storedBytesPerAuthor = storedBytesPerAuthor
    }

    /// What a node applies (an admin may set another quota per author: `waymark serve --author-quota-mib`).
    public static let node = AdmissionLimits(
        heldBack: 20_000, heldBackPerPeer: 5_000, heldBackPerAuthor: 5_000, deferred: 20_000, heldBackMilliseconds: 24 * 3600 * 1000)

    /// 1 GiB: some twenty years of a busy organisation's records (5,000 clients with a hundred records
    /// each of about 2 KiB come to 1 GiB), and 45 times the whole sample directory.
    public static let defaultStoredBytesPerAuthor: UInt64 = 1 << 30
    /// Counted for each stored envelope besides its bytes.
    public static let perEnvelopeCost: UInt64 = 512
    /// Counted for an erasure besides: each node keeps a tag for each author of sealed records it
    /// holds (some 50 bytes each, §8.10), 8 KiB for some 160 authors.
    public static let erasureCost: UInt64 = 8 << 10

    /// These limits with another storage quota per author.
    public func withStoredBytesPerAuthor(_ bytes: UInt64) -> AdmissionLimits {
        var l = self
        l.storedBytesPerAuthor = bytes
        return l
    }
}

/// What batch admission asks of whoever holds the envelopes: the store (SQLite) or a simulated node.
public enum AdmissionDirective<Candidate: AdmissionCandidate> {
    /// Store it and fold it in; `forkOf` (when not empty) are the other envelopes its author signed
    /// with the same sequence number: flag the author.
    case accept(Candidate, forkOf: [[UInt8]])
    /// Already held. A full copy of a private envelope held without its payload (its circle not
    /// erased) takes the stripped copy's place. `wasHeldBack`: it came from the held-back queue.
    case duplicate(Candidate, wasHeldBack: Bool)
    /// Hold it until these envelopes arrive.
    case holdBack(Candidate, missing: [[UInt8]])
    /// Take it out of the held-back queue: it was judged again and accepted, found a duplicate or refused.
    case release([UInt8])
    /// Drop what was held back before this time (milliseconds): its dependencies are not coming.
    case expireHeldBack(receivedBefore: UInt64)
    /// Refuse it, with a reason for the log.
    case reject(Candidate, RejectionReason, String)
}

/// Whoever holds the envelopes, as batch admission sees it. Lookups answer for what is held now,
/// including what this batch's earlier directives stored.
public protocol AdmissionHost: EnvelopeLookup {
    associatedtype Candidate: AdmissionCandidate
    /// Whether an erasure of this circle is held.
    func isErased(circle: String) throws -> Bool
    /// Whether a held erasure, or one of `erasures` (those in this transaction), explains a sealed
    /// envelope's erasure tag (§8.10): the tag is BLAKE2b-128, keyed with the tag key the erasure's
    /// secret gives for its circle, of the author and the record's index among the author's in the
    /// circle (an erasure of this transaction explains the author's indexes held, then the next).
    func isErasedSealed(_ header: Envelope.Header, alsoBy erasures: [Erasure]) throws -> Bool
    /// Whether an erasure's author holds a record of its own in the circle the erasure names (one it
    /// wrote before the erasure, so every node that holds the erasure holds it): its first sealed
    /// record there (index 0, §8.10), or an unsealed private envelope of the circle.
    func erasesOwnRecords(_ erasure: Envelope) throws -> Bool
    /// Whether this envelope is in the held-back queue.
    func isHeldBack(_ id: [UInt8]) throws -> Bool
    func heldBackCounts(peer: String, author: [UInt8]) throws -> HeldBackCounts
    /// What this author's stored envelopes cost so far (`quotaCost`, added up), this batch's included;
    /// `nil` for an author no quota applies to (the node itself).
    func storedCost(of author: [UInt8]) throws -> UInt64?
    func hasHeldBack() throws -> Bool
    /// The held-back envelopes that wait for any of these ids, each once.
    func heldBack(waitingFor ids: [[UInt8]]) throws -> [Candidate]
    /// Called just before `c` is judged (a store may read what it holds under c's author and sequence once).
    func willJudge(_ c: Candidate)
    func didJudge(_ c: Candidate)
    func perform(_ directive: AdmissionDirective<Candidate>) throws
}

extension AdmissionHost {
    public func willJudge(_ c: Candidate) {}
    public func didJudge(_ c: Candidate) {}
}

/// Taking in one transaction's envelopes (`Protocol/SPEC.md` §3.1): oldest clock first, so that
/// dependencies come before their dependents; what lacks its dependencies is held back within fair
/// bounds and judged again as what it waits for arrives; envelopes whose author's vouch (or whose
/// circle's erasure) may come later in the same transaction wait for its end. Each envelope is judged
/// by `AdmissionRules.judge`. Pure: it only asks the host and tells it what to do, so the store and
/// the simulation run this same code.
public struct BatchAdmission<Candidate: AdmissionCandidate> {
    public let peer: String
    public let nowMilliseconds: UInt64
    public let limits: AdmissionLimits
    /// Whether envelopes may be set aside until `finish` (not for what a node signs itself).
    public let deferring: Bool
    /// Set aside until the end of the transaction.
    public private(set) var deferred: [Candidate] = []
    /// Circles whose erasure (signed by the circle's owner, §8.4) came in this transaction: it explains
    /// their stripped copies, which it may itself depend on.
    public private(set) var erasuresSeen = Set<String>()
    /// Those erasures, with the tag secrets they reveal: they explain stripped sealed copies (§8.10).
    public private(set) var sealedErasuresSeen: [Erasure] = []
    /// Ids accepted by the current call, in order.
    private var accepted: [[UInt8]] = []

    public init(peer: String, nowMilliseconds: UInt64, limits: AdmissionLimits = .node, deferring: Bool = true) {
        self.peer = peer
        self.nowMilliseconds = nowMilliseconds
        self.limits = limits
        self.deferring = deferring
    }

    /// Admits a batch (or one chunk of a transaction's batch).
    /// - Returns: the ids accepted, held-back envelopes released by them included.
    @discardableResult
    public mutating func admit<Host: AdmissionHost>(_ batch: [Candidate], host: Host) throws -> [[UInt8]] where Host.Candidate == Candidate {
        for c in batch where c.envelope.header.kind == .erasure {
            if case .success = c.payloadProblem {
                erasuresSeen.insert(c.envelope.header.scope)
                if let p = c.envelope.payload, case .erasure(let e)? = try? JourneyPayload.decode(p, kind: .erasure), e.tagSecret != nil {
                    sealedErasuresSeen.append(e)
                }
            }
        }
        return try run(batch, host: host, mayDefer: deferring)
    }

    /// Ends the transaction: what was set aside is judged now, with every vouch and erasure of the
    /// transaction held; what still has no vouch is refused.
    @discardableResult
    public mutating func finish<Host: AdmissionHost>(host: Host) throws -> [[UInt8]] where Host.Candidate == Candidate {
        let waiting = deferred
        deferred = []
        guard !waiting.isEmpty else { return [] }
        return try run(waiting, host: host, mayDefer: false)
    }

    private mutating func run<Host: AdmissionHost>(_ batch: [Candidate], host: Host, mayDefer: Bool) throws -> [[UInt8]]
    where Host.Candidate == Candidate {
        accepted = []
        for c in Self.oldestFirst(batch) { try handle(c, heldBack: false, mayDefer: mayDefer, host: host) }
        // Held-back envelopes that waited for what was just accepted (and then for what they bring).
        if nowMilliseconds > limits.heldBackMilliseconds {
            try host.perform(.expireHeldBack(receivedBefore: nowMilliseconds - limits.heldBackMilliseconds))
        }
        // Most batches leave nothing held back: then there is nothing to look up for each accepted envelope.
        var frontier = try host.hasHeldBack() ? accepted : []
        while !frontier.isEmpty {
            let mark = accepted.count
            for c in Self.oldestFirst(try host.heldBack(waitingFor: frontier)) { try handle(c, heldBack: true, mayDefer: false, host: host) }
            frontier = Array(accepted[mark...])
        }
        return accepted
    }

    /// By clock, then sequence number: an envelope's dependencies are dated before it.
    static func oldestFirst(_ batch: [Candidate]) -> [Candidate] {
        batch.sorted { ($0.envelope.header.clock, $0.envelope.header.sequence) < ($1.envelope.header.clock, $1.envelope.header.sequence) }
    }

    /// Kinds the storage quota never refuses: tombstone, removal and erasure acknowledgement; and an
    /// erasure of a circle its author wrote in (`AdmissionHost.erasesOwnRecords`). An author at its
    /// quota can still delete and erase what it wrote, and membership still changes; erasures of
    /// circles it wrote nothing in count against its quota like anything else.
    public static var quotaFree: Set<Envelope.Kind> { [.directoryTombstone, .memberRemoval, .erasureAcknowledgement] }

    /// Rule 8: refuses `c` as `over-quota` when storing it would take its author over the node's quota.
    private func overQuota<Host: AdmissionHost>(_ c: Candidate, heldBack: Bool, host: Host) throws -> Bool where Host.Candidate == Candidate {
        let kind = c.envelope.header.kind
        guard !Self.quotaFree.contains(kind), try kind != .erasure || !host.erasesOwnRecords(c.envelope),
            let used = try host.storedCost(of: c.envelope.header.author), used + c.quotaCost > limits.storedBytesPerAuthor
        else { return false }
        if heldBack { try host.perform(.release(c.id)) }
        try host.perform(
            .reject(
                c, .overQuota,
                "the author's envelopes here already take \(used / (1 << 20)) MiB of the \(limits.storedBytesPerAuthor / (1 << 20)) MiB a member may fill"))
        return true
    }

    private mutating func handle<Host: AdmissionHost>(_ c: Candidate, heldBack: Bool, mayDefer: Bool, host: Host) throws
    where Host.Candidate == Candidate {
        let h = c.envelope.header
        let stripped: Bool
        if c.envelope.payload != nil {
            stripped = false
        } else if h.kind.isPrivate {
            stripped = !erasuresSeen.contains(h.scope) ? try !host.isErased(circle: h.scope) : false
        } else if h.kind == .sealed {
            stripped = try !host.isErasedSealed(h, alsoBy: sealedErasuresSeen)
        } else {
            stripped = false
        }
        // An envelope whose author's vouch comes later in the same transaction (a member's envelopes
        // from before it was vouched for are older than the vouch) waits for the end of it.
        if mayDefer, !heldBack, deferred.count < limits.deferred, stripped || host.standing(of: h.author, clock: h.clock) == .notMember {
            deferred.append(c)
            return
        }
        // A private envelope without its payload is taken in only where its circle's erasure explains
        // it (§8.7): otherwise a copy stripped by someone on the way could stand in for the real one
        // (same id) and hide a referral from its recipient for good.
        if stripped {
            if heldBack { try host.perform(.release(c.id)) }
            try host.perform(.reject(c, .strippedCopy, "a private envelope without its payload is taken in only after its circle's erasure"))
            return
        }
        host.willJudge(c)
        let verdict = AdmissionRules.judge(c.envelope, id: c.id, lookup: host, knownPayloadProblem: c.payloadProblem)
        host.didJudge(c)
        switch verdict {
        case .duplicate:
            if heldBack { try host.perform(.release(c.id)) }
            try host.perform(.duplicate(c, wasHeldBack: heldBack))
        case .accept, .acceptFork:
            // Rule 8: no member fills a node's disk. Not final: an admin who raises the quota gets the
            // envelope when it is offered again; nor counted against the peer (an honest relay forwards it).
            if try overQuota(c, heldBack: heldBack, host: host) { return }
            var existing: [[UInt8]] = []
            if case .acceptFork(let others) = verdict { existing = others }
            try host.perform(.accept(c, forkOf: existing))
            if heldBack { try host.perform(.release(c.id)) }
            accepted.append(c.id)
        case .missingDependencies(let missing):
            if heldBack { return }
            if try host.isHeldBack(c.id) { return }
            // An author already at its quota gets nothing held back either: what follows a refused
            // envelope would only wait a day in the shared queue, and be refused when it came in.
            // (Not an erasure: whether it erases its author's records is known once they are held.)
            if h.kind != .erasure, try overQuota(c, heldBack: false, host: host) { return }
            let counts = try host.heldBackCounts(peer: peer, author: h.author)
            // Shared fairly: no one peer, and no one member's envelopes, can take the whole queue.
            if counts.total >= limits.heldBack || counts.fromPeer >= limits.heldBackPerPeer || counts.byAuthor >= limits.heldBackPerAuthor {
                try host.perform(.reject(c, .missingDependenciesOverflow, "too many envelopes are waiting for their dependencies"))
                return
            }
            try host.perform(.holdBack(c, missing: missing))
        case .reject(let reason, let detail):
            if heldBack { try host.perform(.release(c.id)) }
            try host.perform(.reject(c, reason, detail))
        }
    }
}
