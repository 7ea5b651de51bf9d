import Testing
import WaymarkCore

/// Batch admission (`BatchAdmission`), the code the store and the simulation both run, against a host
/// that keeps everything in memory and writes down each directive it is given. Envelopes are built
/// without signatures: the batch works on envelopes already verified, and ids are only labels here.
struct BatchAdmissionTests {
    static let founder = [UInt8](repeating: 0xF0, count: 32)
    static let alice = [UInt8](repeating: 0xA1, count: 32)
    static let bob = [UInt8](repeating: 0xB2, count: 32)
    static let stranger = [UInt8](repeating: 0x5E, count: 32)
    static let unknownKind = Envelope.Kind(rawValue: 200)

    struct Item: AdmissionCandidate {
        let envelope: Envelope
        let id: [UInt8]
        var payloadProblem: Result<Void, AdmissionRules.PayloadProblem> { AdmissionRules.read(envelope).problem }
        var wireSize: Int { 100 + (envelope.payload?.count ?? 0) }
    }

    /// Holds envelopes in memory, and logs each directive as a line ("accept 2", "hold 3", ...).
    final class Host: AdmissionHost {
        typealias Candidate = Item
        var roster: Membership.Roster
        var held: [ByteKey: StoredEnvelope] = [:]
        var bySequence: [String: [[UInt8]]] = [:]
        var queue: [ByteKey: (item: Item, peer: String, at: UInt64, missing: Set<[UInt8]>)] = [:]
        var erased = Set<String>()
        var log: [String] = []
        var now: UInt64 = 0
        var peer = ""
        var costs: [ByteKey: UInt64] = [:]
        var ownKey: [UInt8]?

        init(members: [[UInt8]]) {
            roster = Membership.Roster(founders: [BatchAdmissionTests.founder])
            for (i, m) in members.enumerated() {
                roster.apply(vouch: .init(member: m, organizationName: "Org \(i)"), voucher: BatchAdmissionTests.founder, clock: 1, envelopeID: [0xEE, UInt8(i)])
            }
        }

        func stored(_ id: [UInt8]) -> StoredEnvelope? { held[ByteKey(id)] }
        func storedIDs(author: [UInt8], sequence: UInt64) -> [[UInt8]] { bySequence["\(author)/\(sequence)"] ?? [] }
        func standing(of author: [UInt8], clock: UInt64) -> Membership.Standing { roster.standing(of: author, clock: clock) }
        func mayRemove(_ member: [UInt8], by author: [UInt8]) -> Bool { roster.mayRemove(member, by: author) }
        func isErased(circle: String) -> Bool { erased.contains(circle) }
        func isErasedSealed(_ header: Envelope.Header, alsoBy erasures: [Erasure]) -> Bool { false }
        /// Circles in which the host holds records their owner wrote.
        var ownRecordCircles = Set<String>()
        func erasesOwnRecords(_ erasure: Envelope) -> Bool { ownRecordCircles.contains(erasure.header.scope) }
        func storedCost(of author: [UInt8]) -> UInt64? { author == ownKey ? nil : costs[ByteKey(author), default: 0] }
        func isHeldBack(_ id: [UInt8]) -> Bool { queue[ByteKey(id)] != nil }
        func hasHeldBack() -> Bool { !queue.isEmpty }
        func heldBackCounts(peer: String, author: [UInt8]) -> HeldBackCounts {
            HeldBackCounts(
                total: queue.count, fromPeer: queue.values.filter { $0.peer == peer }.count,
                byAuthor: queue.values.filter { $0.item.envelope.header.author == author }.count)
        }
        func heldBack(waitingFor ids: [[UInt8]]) -> [Item] {
            queue.values.filter { !$0.missing.isDisjoint(with: ids) }.map(\.item)
        }

        func perform(_ d: AdmissionDirective<Item>) {
            switch d {
            case .accept(let c, let forkOf):
                let h = c.envelope.header
                held[ByteKey(c.id)] = StoredEnvelope(h)
                costs[ByteKey(h.author), default: 0] += c.quotaCost
                bySequence["\(h.author)/\(h.sequence)", default: []].append(c.id)
                if let v = AdmissionRules.read(c.envelope).vouch { roster.apply(vouch: v, voucher: h.author, clock: h.clock, envelopeID: c.id) }
                if h.kind == .erasure { erased.insert(h.scope) }
                log.append(forkOf.isEmpty ? "accept \(c.id[0])" : "fork \(c.id[0])")
            case .duplicate(let c, let wasHeldBack): log.append("duplicate \(c.id[0])\(wasHeldBack ? " held" : "")")
            case .holdBack(let c, let missing):
                queue[ByteKey(c.id)] = (c, peer, now, Set(missing))
                log.append("hold \(c.id[0])")
            case .release(let id):
                queue[ByteKey(id)] = nil
                log.append("release \(id[0])")
            case .expireHeldBack(let before):
                for (k, v) in queue where v.at < before {
                    queue[k] = nil
                    log.append("expire \(k.bytes[0])")
                }
            case .reject(let c, let reason, _): log.append("reject \(c.id[0]) \(reason.rawValue)")
            }
        }

        /// Runs one transaction, as the store does: the batch, then what it set aside.
        @discardableResult
        func take(_ batch: [Item], from peer: String = "peer-1", at now: UInt64 = 1_000_000, limits: AdmissionLimits = .node, deferring: Bool = true) throws
            -> [[UInt8]]
        {
            self.now = now
            self.peer = peer
            var admission = BatchAdmission<Item>(peer: peer, nowMilliseconds: now, limits: limits, deferring: deferring)
            return try admission.admit(batch, host: self) + admission.finish(host: self)
        }
    }

    static func item(
        _ id: UInt8, by author: [UInt8] = alice, sequence: UInt64, after dependencies: [UInt8] = [], clock: UInt64, kind: Envelope.Kind = unknownKind,
        scope: String = "public", payload: [UInt8]? = [1, 2, 3], recipients: Int = 0
    ) -> Item {
        let header = Envelope.Header(
            kind: kind, scope: scope, author: author, sequence: sequence, dependencies: dependencies.map { [$0] }, clock: clock << 16,
            payloadHash: [UInt8](repeating: 0, count: 32), payloadSize: UInt64(payload?.count ?? 3),
            recipients: (0..<recipients).map { _ in Envelope.Recipient(keyID: Array(0..<8), sealedKey: Array(repeating: 1, count: 80)) })
        return Item(envelope: Envelope(header: header, signature: [UInt8](repeating: 0, count: 64), payload: payload), id: [id])
    }

    @Test func aBatchInAnyOrderIsTakenOldestFirstAndWhatLacksItsDependencyWaitsForIt() throws {
        let host = Host(members: [Self.alice])
        let e1 = Self.item(1, sequence: 1, clock: 10)
        let e2 = Self.item(2, sequence: 2, after: [1], clock: 20)
        let e3 = Self.item(3, sequence: 3, after: [2], clock: 30)
        // Out of order in one batch: taken oldest first, nothing held back.
        #expect(try host.take([e3, e1, e2]) == [[1], [2], [3]])
        #expect(host.log == ["accept 1", "accept 2", "accept 3"])
        // The same again: duplicates.
        host.log = []
        try host.take([e2])
        #expect(host.log == ["duplicate 2"])

        // Without the first: both wait, and come in behind it, in order, out of the queue.
        let other = Host(members: [Self.alice])
        try other.take([e3, e2])
        #expect(other.log == ["hold 2", "hold 3"] && other.queue.count == 2)
        other.log = []
        #expect(try other.take([e1], from: "peer-2") == [[1], [2], [3]])
        #expect(other.log == ["accept 1", "accept 2", "release 2", "accept 3", "release 3"] && other.queue.isEmpty)
    }

    @Test func aMemberFillsNoMoreThanItsStorageQuotaAndAnEnvelopeRefusedForItComesInOnceTheQuotaIsRaised() throws {
        // Each envelope here costs 103 bytes of wire and 512 besides: 615. Three fit in 2,000 bytes.
        let limits = AdmissionLimits.node.withStoredBytesPerAuthor(2_000)
        let host = Host(members: [Self.alice, Self.bob])
        var chain: [Item] = []
        for i in 1...5 {
            let after: [UInt8] = i == 1 ? [] : [UInt8(i - 1)]
            chain.append(Self.item(UInt8(i), sequence: UInt64(i), after: after, clock: UInt64(i) * 10))
        }
        #expect(try host.take(chain, limits: limits) == [[1], [2], [3]])
        #expect(
            host.log == ["accept 1", "accept 2", "accept 3", "reject 4 over-quota", "reject 5 over-quota"],
            "what waits on the refused one is refused too, not held back in the shared queue")
        #expect(host.costs[ByteKey(Self.alice)] == 3 * 615)
        // Another member is not affected by alice's usage.
        host.log = []
        #expect(try host.take([Self.item(9, by: Self.bob, sequence: 1, clock: 5)], limits: limits) == [[9]])
        // The node's own envelopes count against no quota.
        host.log = []
        host.ownKey = Self.alice
        #expect(try host.take([chain[3], chain[4]], limits: limits) == [[4], [5]])
        #expect(host.log == ["accept 4", "accept 5"])
        // With a quota raised, a refused envelope is taken in when offered again (the refusal is not final).
        let other = Host(members: [Self.alice])
        try other.take(Array(chain.prefix(4)), limits: limits)
        other.log = []
        #expect(try other.take([chain[3], chain[4]], limits: limits.withStoredBytesPerAuthor(4_000)) == [[4], [5]])
        // Deleting, erasing and leaving are never refused for the quota.
        #expect(BatchAdmission<Item>.quotaFree == [.directoryTombstone, .memberRemoval, .erasureAcknowledgement])
        // Nor an erasure of a circle alice wrote in; one of a circle she wrote nothing in is, and it
        // counts 8 KiB more than its size (the tags it makes each node keep).
        let written = Circle(owner: Self.alice, random: Array(0..<12)).scope, empty = Circle(owner: Self.alice, random: Array(12..<24)).scope
        host.ownKey = nil
        host.ownRecordCircles = [written]
        host.log = []
        func erasure(_ id: UInt8, _ circle: String, sequence: UInt64, after: UInt8) -> Item {
            Self.item(
                id, sequence: sequence, after: [after], clock: UInt64(sequence) * 10, kind: .erasure, scope: circle,
                payload: JourneyPayload.erasure(Erasure(circle: circle, requestedOn: "2026-12-07")).encoded())
        }
        let erasing = erasure(20, written, sequence: 6, after: 5), erasingNothing = erasure(21, empty, sequence: 7, after: 20)
        #expect(try host.take([erasing, erasingNothing], limits: limits) == [[20]])
        #expect(host.log == ["accept 20", "reject 21 over-quota"], "\(host.log)")
        #expect(erasing.quotaCost == UInt64(erasing.wireSize) + 512 + 8_192)
        #expect(try host.take([erasingNothing], limits: limits.withStoredBytesPerAuthor(1 << 20)) == [[21]])
    }

    @Test func theHeldBackQueueIsSharedFairlyBetweenPeersAndAuthorsAndEmptiesAfterADay() throws {
        let limits = AdmissionLimits(heldBack: 4, heldBackPerPeer: 3, heldBackPerAuthor: 2, deferred: 100, heldBackMilliseconds: 1000)
        let host = Host(members: [Self.alice, Self.bob])
        // Each waits for an envelope no one has (ids 100 and up).
        func waiting(_ id: UInt8, by author: [UInt8]) -> Item { Self.item(id, by: author, sequence: 5, after: [100 + id], clock: UInt64(id)) }
        try host.take([waiting(1, by: Self.alice), waiting(2, by: Self.alice), waiting(3, by: Self.alice)], limits: limits)
        #expect(host.log == ["hold 1", "hold 2", "reject 3 missing-dependencies-overflow"], "one author's share is full")
        host.log = []
        try host.take([waiting(4, by: Self.bob), waiting(5, by: Self.bob)], limits: limits)
        #expect(host.log == ["hold 4", "reject 5 missing-dependencies-overflow"], "one peer's share is full")
        host.log = []
        try host.take([waiting(5, by: Self.bob), waiting(6, by: Self.bob)], from: "peer-2", limits: limits)
        #expect(host.log == ["hold 5", "reject 6 missing-dependencies-overflow"], "the whole queue is full (and bob's share)")
        // A stranger's envelope never reaches the queue, whatever room is left.
        host.queue = [:]
        host.log = []
        try host.take([waiting(7, by: Self.stranger)], limits: limits)
        #expect(host.log == ["reject 7 not-member"] && host.queue.isEmpty)
        // What waited longer than the limit is dropped by a later batch.
        try host.take([waiting(8, by: Self.alice)], at: 1_000_000, limits: limits)
        host.log = []
        try host.take([Self.item(9, by: Self.bob, sequence: 1, clock: 50)], at: 1_000_000 + 1001, limits: limits)
        #expect(host.log == ["accept 9", "expire 8"] && host.queue.isEmpty)
    }

    @Test func anEnvelopeWaitsForItsAuthorsVouchInTheSameTransactionButNotAcrossThem() throws {
        let vouch = Self.item(
            1, by: Self.founder, sequence: 1, clock: 20, kind: .memberVouch,
            payload: Membership.Vouch(member: Self.bob, organizationName: "Youth club").encoded())
        let bobsFirst = Self.item(2, by: Self.bob, sequence: 1, clock: 10)
        // Bob signed before he was vouched for; both come in one transaction.
        let host = Host(members: [])
        #expect(try host.take([bobsFirst, vouch]) == [[1], [2]])
        #expect(host.log == ["accept 1", "accept 2"])
        // Not set aside (what a node signs itself), or in another transaction: refused.
        let strict = Host(members: [])
        try strict.take([bobsFirst, vouch], deferring: false)
        #expect(strict.log == ["reject 2 not-member", "accept 1"])
        let apart = Host(members: [])
        try apart.take([bobsFirst])
        #expect(apart.log == ["reject 2 not-member"])
        // Only so many are set aside; the rest are judged at once.
        let few = Host(members: [])
        let limits = AdmissionLimits(heldBack: 10, heldBackPerPeer: 10, heldBackPerAuthor: 10, deferred: 1, heldBackMilliseconds: 1000)
        try few.take([bobsFirst, Self.item(3, by: Self.stranger, sequence: 1, clock: 11), vouch], limits: limits)
        #expect(few.log == ["reject 3 not-member", "accept 1", "accept 2"])
    }

    @Test func aPrivateEnvelopeWithoutItsPayloadIsTakenOnlyWhereItsCirclesErasureExplainsIt() throws {
        let circle = Circle(owner: Self.alice, random: Array(0..<12))
        let stripped = Self.item(1, sequence: 1, clock: 10, kind: .referral, scope: circle.scope, payload: nil, recipients: 1)
        let erasure = Self.item(
            2, sequence: 2, after: [1], clock: 20, kind: .erasure, scope: circle.scope,
            payload: JourneyPayload.erasure(Erasure(circle: circle.scope, requestedOn: "2026-12-03")).encoded())
        let refused = Host(members: [Self.alice])
        try refused.take([stripped])
        #expect(refused.log == ["reject 1 stripped-copy"])
        // With its erasure in the same transaction (which depends on it): both taken, in order.
        let host = Host(members: [Self.alice])
        try host.take([erasure, stripped])
        #expect(host.log == ["accept 1", "accept 2"])
        // Once the circle's erasure is held, in any later transaction.
        let later = Host(members: [Self.alice])
        later.erased.insert(circle.scope)
        try later.take([stripped])
        #expect(later.log == ["accept 1"])
    }
}
