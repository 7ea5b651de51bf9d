import WaymarkCore
import WaymarkCrypto

/// Each distinct envelope of a simulation run is verified once, for real, and the verdict shared by
/// every simulated node (they would all reach the same verdict).
public final class VerifyCache {
    public struct Checked: AdmissionCandidate {
        public let envelope: Envelope
        let wire: [UInt8]
        let verdict: EnvelopeCrypto.Verdict
        public let id: [UInt8]
        public let payloadProblem: Result<Void, AdmissionRules.PayloadProblem>
        let directory: DirectoryPayload?
        let vouch: Membership.Vouch?
        let removal: Membership.Removal?
        public var wireSize: Int { wire.count }
    }
    private var checked: [[UInt8]: Checked?] = [:]

    /// Decoding, signature, id and payload checks depend on the bytes alone.
    func check(wire: [UInt8]) -> Checked? {
        if let c = checked[wire] { return c }
        var c: Checked?
        if let e = try? Envelope.decode(wire) {
            let read = AdmissionRules.read(e)
            c = Checked(
                envelope: e, wire: wire, verdict: EnvelopeCrypto.verify(e), id: EnvelopeCrypto.id(of: e), payloadProblem: read.problem,
                directory: read.directory, vouch: read.vouch, removal: read.removal)
        }
        checked[wire] = c
        return c
    }
}

/// One simulated node: the pure core's admission rules, directory fold and reconciler over
/// envelopes held in memory, as the store holds them in SQLite.
public final class SimReplica: AdmissionHost {
    public let identity: NodeIdentity
    let cache: VerifyCache
    private(set) var envelopes: [[UInt8]: [UInt8]] = [:]
    private var summaries: [[UInt8]: StoredEnvelope] = [:]
    private var bySequence: [SequenceKey: [[UInt8]]] = [:]
    /// Held back for missing dependencies, as the store's `pending_envelope`.
    private var pending: [[UInt8]: HeldBack] = [:]
    struct HeldBack {
        let candidate: VerifyCache.Checked
        let peer: String
        let receivedAt: UInt64
        let missing: Set<[UInt8]>
    }
    private(set) var items: [RangeReconciler.Item] = []
    private(set) var fold = DirectoryFold()
    private var heads = Set<[UInt8]>()
    private(set) var ownSequence: UInt64 = 0
    private var ownLast: [UInt8]?
    /// The newest clock of this node's own envelopes per directory row, and of every envelope per
    /// circle: what a new envelope replacing or acting on them must be dated after (§3.3).
    private var ownRowClocks: [String: UInt64] = [:]
    private var circleClocks: [String: UInt64] = [:]
    /// This node's last-signed envelope (highest sequence) for each row it published: what every
    /// node must show for the row.
    private(set) var ownLatestByRow: [String: (sequence: UInt64, id: [UInt8])] = [:]
    /// Envelopes refused for their clock, by author: an honest author's must stay at none.
    public private(set) var clockRefusals: [[UInt8]: Int] = [:]
    public private(set) var rejections: [RejectionReason: Int] = [:]
    public private(set) var forkedAuthors = Set<[UInt8]>()
    /// The bounds of batch admission, as a node's (`AdmissionLimits.node`) scaled to the simulation's size.
    public static let limits = AdmissionLimits(heldBack: 500, heldBackPerPeer: 125, heldBackPerAuthor: 125, deferred: 500, heldBackMilliseconds: 24 * 3600 * 1000)
    /// As the store's (`NodeDatabase.dependencyHorizonMilliseconds`).
    static let dependencyHorizonMilliseconds: UInt64 = 5 * 60 * 1000

    struct SequenceKey: Hashable {
        let author: [UInt8]
        let sequence: UInt64
    }

    init(identity: NodeIdentity, cache: VerifyCache) {
        self.identity = identity
        self.cache = cache
        peerName = "key:" + NodeIdentity.fingerprint(of: identity.signingPublicKey)
    }

    /// How other replicas name this one as the peer that sent them envelopes (as a node names a signed sender).
    let peerName: String

    /// The federation's member set as this replica holds it; `nil` for a simulation without membership
    /// (every author counts as a member).
    public private(set) var roster: Membership.Roster?

    /// Starts this replica in a federation with these founders.
    func join(founders: [[UInt8]]) { roster = Membership.Roster(founders: founders) }

    public func standing(of author: [UInt8], clock: UInt64) -> Membership.Standing {
        guard let roster, author != identity.signingPublicKey else { return .member }
        return roster.standing(of: author, clock: clock)
    }

    public func mayRemove(_ member: [UInt8], by author: [UInt8]) -> Bool { roster?.mayRemove(member, by: author) ?? true }


    public func stored(_ id: [UInt8]) -> StoredEnvelope? { summaries[id] }
    public func storedIDs(author: [UInt8], sequence: UInt64) -> [[UInt8]] { bySequence[SequenceKey(author: author, sequence: sequence)] ?? [] }

    public var envelopeCount: Int { envelopes.count }
    public var pendingCount: Int { pending.count }

    /// The visible directory's digest: equal digests mean equal directories.
    public var digest: [UInt8] {
        if let d = cachedDigest { return d }
        let d = Blake2b.hash(fold.digestInput)
        cachedDigest = d
        return d
    }
    private var cachedDigest: [UInt8]?


    /// Envelopes by whole id or by the 16-byte prefix reconciliation reports.
    func wires(_ ids: [[UInt8]]) -> [[UInt8]] { ids.compactMap { envelopes[$0] ?? byPrefix[$0].flatMap { envelopes[$0] } } }
    private var byPrefix: [[UInt8]: [UInt8]] = [:]

    /// Takes in envelopes as a node does: decode and verify, then the batch admission the store runs
    /// (`BatchAdmission`), whose directives this replica carries out in memory.
    /// - Parameter peer: who sent them ("self" for what this node signs: nothing is set aside).
    @discardableResult
    func ingest(_ wires: [[UInt8]], from peer: String, nowMilliseconds: UInt64) -> Int {
        var batch: [VerifyCache.Checked] = []
        for w in wires {
            guard let c = cache.check(wire: w) else {
                rejections[.malformed, default: 0] += 1
                continue
            }
            guard c.verdict == .valid else {
                rejections[c.verdict == .badSignature ? .badSignature : .payloadMismatch, default: 0] += 1
                continue
            }
            batch.append(c)
        }
        currentPeer = peer
        currentNow = nowMilliseconds
        var admission = BatchAdmission<VerifyCache.Checked>(peer: peer, nowMilliseconds: nowMilliseconds, limits: Self.limits, deferring: peer != "self")
        // In memory, nothing the host does can fail.
        return try! admission.admit(batch, host: self).count + admission.finish(host: self).count
    }

    /// Who sent the batch being taken in, and when: what a held-back envelope is recorded with.
    private var currentPeer = ""
    private var currentNow: UInt64 = 0

    public func isErased(circle: String) -> Bool { erased.contains(circle) }
    /// Simulated nodes write private records unsealed (§8.1) and their erasures reveal no tag secret,
    /// so no erasure they hold explains a sealed envelope: a stripped sealed copy is refused.
    public func isErasedSealed(_ header: Envelope.Header, alsoBy erasures: [Erasure]) -> Bool { false }
    /// Simulated erasures name circles whose records are unsealed: an erasure erases its author's own
    /// records where it holds an envelope its author wrote in the circle.
    public func erasesOwnRecords(_ erasure: Envelope) -> Bool {
        privateWriters[erasure.header.scope]?.contains(erasure.header.author) ?? false
    }
    /// The authors of the private envelopes held in each circle.
    private var privateWriters: [String: Set<[UInt8]>] = [:]
    public func storedCost(of author: [UInt8]) -> UInt64? { author == identity.signingPublicKey ? nil : storedCosts[author, default: 0] }
    /// What each author's stored envelopes cost, as the store's `author_usage`.
    public private(set) var storedCosts: [[UInt8]: UInt64] = [:]
    public func isHeldBack(_ id: [UInt8]) -> Bool { pending[id] != nil }
    public func hasHeldBack() -> Bool { !pending.isEmpty }

    public func heldBackCounts(peer: String, author: [UInt8]) -> HeldBackCounts {
        var counts = HeldBackCounts(total: pending.count, fromPeer: 0, byAuthor: 0)
        for h in pending.values {
            if h.peer == peer { counts.fromPeer += 1 }
            if h.candidate.envelope.header.author == author { counts.byAuthor += 1 }
        }
        return counts
    }

    public func heldBack(waitingFor ids: [[UInt8]]) -> [VerifyCache.Checked] {
        let arrived = Set(ids)
        return pending.values.filter { !$0.missing.isDisjoint(with: arrived) }.map(\.candidate)
    }

    public func perform(_ directive: AdmissionDirective<VerifyCache.Checked>) {
        switch directive {
        case .accept(let c, let forkOf):
            store(c)
            if !forkOf.isEmpty { forkedAuthors.insert(c.envelope.header.author) }
        case .duplicate(let c, _):
            // A full copy takes the place of one held without its payload, unless the circle was erased.
            let h = c.envelope.header
            if h.kind.isPrivate, c.envelope.payload != nil, !erased.contains(h.scope), let w = envelopes[c.id],
                let held = try? Envelope.decode(w), held.payload == nil
            {
                envelopes[c.id] = c.wire
            }
        case .holdBack(let c, let missing):
            pending[c.id] = HeldBack(candidate: c, peer: currentPeer, receivedAt: currentNow, missing: Set(missing))
        case .release(let id):
            pending[id] = nil
        case .expireHeldBack(let before):
            pending = pending.filter { $0.value.receivedAt >= before }
        case .reject(let c, let reason, _):
            rejections[reason, default: 0] += 1
            if reason == .farFuture || reason == .clockNotAfterDependencies { clockRefusals[c.envelope.header.author, default: 0] += 1 }
        }
    }

    /// Circles erased here (§8.7): their private envelopes keep only their headers.
    private(set) var erased = Set<String>()
    private var scopes: [[UInt8]: String] = [:]

    private func store(_ c: VerifyCache.Checked) {
        let e = c.envelope
        let id = c.id
        storedCosts[e.header.author, default: 0] += c.quotaCost
        envelopes[id] = e.header.kind.isPrivate && e.payload != nil && erased.contains(e.header.scope) ? e.withoutPayload.encoded() : c.wire
        scopes[id] = e.header.scope
        if e.header.kind.isPrivate { privateWriters[e.header.scope, default: []].insert(e.header.author) }
        byPrefix[Array(id.prefix(RangeReconciler.prefixSize))] = id
        let handover = e.header.kind == .keyHandover ? e.payload.flatMap { try? Membership.Handover.decode($0) } : nil
        summaries[id] = StoredEnvelope(e.header, handover: handover)
        bySequence[SequenceKey(author: e.header.author, sequence: e.header.sequence), default: []].append(id)
        let item = RangeReconciler.Item(timestamp: e.header.clock, id: id)
        var lo = 0
        var hi = items.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if items[mid] < item { lo = mid + 1 } else { hi = mid }
        }
        items.insert(item, at: lo)
        cachedDigest = nil
        for d in e.header.dependencies { heads.remove(d) }
        heads.insert(id)
        if e.header.scope != "public" { circleClocks[e.header.scope] = max(circleClocks[e.header.scope] ?? 0, e.header.clock) }
        if let d = c.directory, e.header.author == identity.signingPublicKey {
            let key = "\(d.table)/\(d.id)"
            ownRowClocks[key] = max(ownRowClocks[key] ?? 0, e.header.clock)
            if (ownLatestByRow[key]?.sequence ?? 0) < e.header.sequence { ownLatestByRow[key] = (e.header.sequence, id) }
        }
        if e.header.kind == .erasure { erase(circle: e.header.scope) }
        let before = roster
        if let v = c.vouch { roster?.apply(vouch: v, voucher: e.header.author, clock: e.header.clock, envelopeID: id) }
        if let r = c.removal { roster?.apply(removal: r, remover: e.header.author, clock: e.header.clock, envelopeID: id) }
        if roster != before {
            // As the store does: a removed member's rows leave the directory, and claims count from
            // admissions as the member set now has them.
            refold()
        } else if let d = c.directory, isFolded(e.header.author) {
            let admitted = roster?.admittedAt(e.header.author) ?? 0
            if !fold.apply(.init(envelopeID: id, author: e.header.author, clock: e.header.clock, payload: d, admittedAt: admitted)) {
                rejections[.notOwner, default: 0] += 1
            }
        }
    }

    /// Whether an author's directory envelopes count: not once the author was removed (before or after
    /// the envelope was signed).
    private func isFolded(_ author: [UInt8]) -> Bool {
        guard let roster else { return true }
        return roster.removedAt[ByteKey(author)] == nil
    }

    /// The directory folded again from every stored directory envelope.
    private func refold() {
        var fresh = DirectoryFold()
        for wire in envelopes.values {
            guard let c = cache.check(wire: wire), let d = c.directory, isFolded(c.envelope.header.author) else { continue }
            let h = c.envelope.header
            fresh.apply(.init(envelopeID: c.id, author: h.author, clock: h.clock, payload: d, admittedAt: roster?.admittedAt(h.author) ?? 0))
        }
        fold = fresh
        cachedDigest = nil
    }

    /// Carries out an erasure the way the store does: every private envelope of the circle, stored
    /// or held back, loses its payload.
    private func erase(circle: String) {
        erased.insert(circle)
        for (id, scope) in scopes where scope == circle {
            guard let w = envelopes[id], let e = try? Envelope.decode(w), e.header.kind.isPrivate, e.payload != nil else { continue }
            envelopes[id] = e.withoutPayload.encoded()
        }
        for (id, h) in pending where h.candidate.envelope.header.scope == circle && h.candidate.envelope.header.kind.isPrivate && h.candidate.envelope.payload != nil {
            if let stripped = cache.check(wire: h.candidate.envelope.withoutPayload.encoded()) {
                pending[id] = HeldBack(candidate: stripped, peer: h.peer, receivedAt: h.receivedAt, missing: h.missing)
            }
        }
    }

    /// Every envelope held (stored, then held back), decoded.
    var held: [Envelope] { envelopes.values.compactMap { try? Envelope.decode($0) } + pending.values.map(\.candidate.envelope) }

    /// Signs, stores and returns the next envelope of this node's chain in a circle, encrypted to
    /// `recipients` (X25519 keys) or, with none, in the clear.
    @discardableResult
    func publish(kind: Envelope.Kind, scope: String, plaintext: [UInt8], recipients: [[UInt8]], nowMilliseconds: UInt64) -> [UInt8] {
        let e = sign(kind: kind, scope: scope, payload: plaintext, recipients: recipients, nowMilliseconds: nowMilliseconds)
        ingest([e.encoded()], from: "self", nowMilliseconds: nowMilliseconds)
        return e.encoded()
    }

    /// Vouches for another key, as this node.
    func vouch(for member: NodeIdentity, name: String, nowMilliseconds: UInt64) {
        let e = sign(kind: .memberVouch, payload: Membership.Vouch(member: member.signingPublicKey, organizationName: name).encoded(), nowMilliseconds: nowMilliseconds)
        ingest([e.encoded()], from: "self", nowMilliseconds: nowMilliseconds)
    }

    /// Publishes directory payloads as this node, as a signed chain.
    @discardableResult
    func publish(_ payloads: [DirectoryPayload], nowMilliseconds: UInt64) -> [[UInt8]] {
        var out: [[UInt8]] = []
        for p in payloads {
            let e = sign(kind: p.fields == nil ? .directoryTombstone : .directoryRecord, payload: p.encoded(), nowMilliseconds: nowMilliseconds)
            out.append(e.encoded())
            ingest([e.encoded()], from: "self", nowMilliseconds: nowMilliseconds)
        }
        return out
    }

    /// The next envelope of this node's chain (not yet stored), dated as the store dates it (§3.3):
    /// after the other authors' envelopes it depends on (none further ahead of this node's clock than
    /// the horizon) and after what it replaces; after its own previous one unless that is beyond the
    /// horizon (a clock that ran fast and was put right).
    func sign(
        kind: Envelope.Kind, scope: String = "public", payload: [UInt8], recipients: [[UInt8]] = [], nowMilliseconds: UInt64, sequence: UInt64? = nil,
        clockValue: UInt64? = nil
    ) -> Envelope {
        let horizon = HybridClock.pack(milliseconds: nowMilliseconds + Self.dependencyHorizonMilliseconds, counter: .max)
        var clock = HybridClock()
        var deps = ownLast.map { [$0] } ?? []
        if let ownLast, let c = summaries[ownLast]?.clock, c <= horizon { clock.observe(c) }
        if ownLast == nil || ownSequence % 4 == 0 {
            let me = identity.signingPublicKey
            let others = heads.filter { id in summaries[id].map { $0.author != me && $0.clock <= horizon } ?? false }
                .sorted { $0.lexicographicallyPrecedes($1) }.prefix(8)
            for d in others {
                deps.append(d)
                clock.observe(summaries[d]!.clock)
            }
        }
        if scope != "public" { clock.observe(circleClocks[scope] ?? 0) }
        if kind == .directoryRecord || kind == .directoryTombstone, let d = try? DirectoryPayload.decode(payload) {
            clock.observe(ownRowClocks["\(d.table)/\(d.id)"] ?? 0)
        }
        let seq = sequence ?? (ownSequence + 1)
        let c = clockValue ?? clock.tick(nowMilliseconds: nowMilliseconds)
        let e =
            recipients.isEmpty
            ? EnvelopeCrypto.sign(kind: kind, scope: scope, payload: payload, by: identity, sequence: seq, dependencies: deps, clock: c)
            : try! PrivateEnvelope.sign(
                kind: kind, scope: scope, plaintext: payload, recipients: recipients, by: identity, sequence: seq, dependencies: deps, clock: c
            ).envelope
        if sequence == nil {
            ownSequence = seq
            ownLast = EnvelopeCrypto.id(of: e)
        }
        return e
    }

    /// A Byzantine envelope dated in 1970: a new first envelope of this node's chain (a fork of its
    /// sequence 1, depending on nothing), so that no rule about its own chain bounds its clock.
    func backdated(kind: Envelope.Kind, payload: [UInt8], counter: UInt64) -> Envelope {
        backdated(kind: kind, payload: payload, clock: (1 << 16) | (counter & 0xFFFF))
    }

    /// A Byzantine first envelope (a fork of sequence 1) with whatever clock it likes.
    func backdated(kind: Envelope.Kind, payload: [UInt8], clock: UInt64) -> Envelope {
        EnvelopeCrypto.sign(kind: kind, scope: "public", payload: payload, by: identity, sequence: 1, dependencies: [], clock: clock)
    }

    /// A crash: what was held back in memory is lost; committed envelopes stay.
    func crash() { pending.removeAll() }
}
