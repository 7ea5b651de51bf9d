/// What a node already holds, as far as judging a new envelope needs to know.
public protocol EnvelopeLookup {
    /// What the rules need of a stored envelope, or `nil` if this node does not hold it.
    func stored(_ id: [UInt8]) -> StoredEnvelope?
    /// Ids of stored envelopes with this author and sequence number (more than one only after a fork).
    func storedIDs(author: [UInt8], sequence: UInt64) -> [[UInt8]]
    /// The author's standing in the federation for an envelope with this clock (`Membership`).
    func standing(of author: [UInt8], clock: UInt64) -> Membership.Standing
    /// Whether `author` may remove `member` (a founder, one of its vouchers, or the member itself).
    func mayRemove(_ member: [UInt8], by author: [UInt8]) -> Bool
}

/// The parts of a held envelope that judging its dependents looks at.
public struct StoredEnvelope: Sendable, Hashable {
    public let author: [UInt8]
    public let sequence: UInt64
    public let clock: UInt64
    /// The key that must sign the author's next envelope in its chain (§9.6), when it is not the
    /// author's own: the new key of a hand-over, or the signer of an envelope signed after one.
    public let nextSigner: [UInt8]?

    public init(author: [UInt8], sequence: UInt64, clock: UInt64, nextSigner: [UInt8]? = nil) {
        self.author = author
        self.sequence = sequence
        self.clock = clock
        self.nextSigner = nextSigner == author ? nil : nextSigner
    }

    /// For an envelope that is not a hand-over (or whose payload is not read).
    public init(_ h: Envelope.Header) { self.init(author: h.author, sequence: h.sequence, clock: h.clock, nextSigner: h.signer) }

    /// For any envelope: a hand-over's new key signs what follows it.
    public init(_ h: Envelope.Header, handover: Membership.Handover?) {
        self.init(author: h.author, sequence: h.sequence, clock: h.clock, nextSigner: handover?.key ?? h.signer)
    }

    /// The key that must sign the author's next envelope.
    public var signerOfNext: [UInt8] { nextSigner ?? author }
}

/// Why an envelope was refused. The raw values are stable: they appear in logs, metrics and the admin page.
public enum RejectionReason: String, Sendable, Hashable, CaseIterable {
    case malformed
    case badSignature = "bad-signature"
    case payloadMismatch = "payload-mismatch"
    case farFuture = "far-future"
    case clockNotAfterDependencies = "clock-not-after-dependencies"
    case brokenChain = "broken-chain"
    /// Signed by a key that is not the author's key in force at this point of its chain (§9.6): a key
    /// that handed over signs nothing after the hand-over, and a new key nothing before it.
    case wrongSigner = "wrong-signer"
    case badPayload = "bad-payload"
    case wrongScope = "wrong-scope"
    case notOwner = "not-owner"
    /// The author is not a member of the federation (no vouch held for its key), or signed after its removal.
    case notMember = "not-member"
    /// A private envelope without its payload whose circle's erasure is not held (yet): not stored; it
    /// is taken in once the erasure is. Not counted against the sender (an erasure may come in a later batch).
    case strippedCopy = "stripped-copy"
    case missingDependenciesOverflow = "missing-dependencies-overflow"
    /// The author's stored envelopes would cost more than the node's storage quota per author
    /// (§3.1 rule 8). Not final: taken in when offered again after the admin raises the quota.
    case overQuota = "over-quota"
    case oversized
    /// Not a refusal: the author signed two envelopes with one sequence number; both are kept.
    case fork
}

/// The verdict on one envelope whose signature has already been checked.
public enum Admission: Sendable, Equatable {
    /// Store it and fold it in.
    case accept
    /// Store it and fold it in, but the author has signed two envelopes with this sequence number:
    /// flag the author to admins. `existing` are the other envelopes' ids.
    case acceptFork(existing: [[UInt8]])
    /// Already held; nothing to do.
    case duplicate
    /// Its causal past is not all here yet: hold it until these ids arrive.
    case missingDependencies([[UInt8]])
    case reject(RejectionReason, String)
}

/// The rules every node applies to a verified envelope, against the envelope's causal past only (its
/// dependencies, which must already be held), so that honest nodes decide alike whatever order
/// envelopes arrive in (`Protocol/SPEC.md` §3).
public enum AdmissionRules {
    /// The latest clock an envelope may carry, in milliseconds since 1970: 2^46 (in the year 4199).
    /// No clock is refused for being ahead of the receiver's (a node whose clock ran fast must work
    /// normally as soon as it is put right, `Protocol/SPEC.md` §3.3); this bound only keeps packed
    /// clocks far from overflowing 64 bits, whatever a member signs.
    public static let latestClockMilliseconds: UInt64 = 1 << 46

    /// Judges one envelope.
    /// - Parameters:
    ///   - envelope: decoded, with its signature and payload hash already verified.
    ///   - id: its envelope id.
    ///   - lookup: what this node holds.
    ///   - knownPayloadProblem: the result of `payloadProblem(_:)` when the caller already has it
    ///     (it depends on the envelope alone); `nil` to work it out here.
    public static func judge(
        _ envelope: Envelope, id: [UInt8], lookup: some EnvelopeLookup,
        knownPayloadProblem: Result<Void, PayloadProblem>? = nil
    ) -> Admission {
        let h = envelope.header
        if lookup.stored(id) != nil { return .duplicate }
        // Strangers are refused before anything else, so that they never reach the held-back queue.
        // A removed member's envelopes are stored (others may depend on them, and every node must end
        // up holding the same set whatever order a removal and they arrive in) but have no effect.
        if lookup.standing(of: h.author, clock: h.clock) == .notMember {
            return .reject(.notMember, "no member of the federation has vouched for this key")
        }
        let ms = HybridClock.milliseconds(h.clock)
        if ms > latestClockMilliseconds {
            return .reject(.farFuture, "clock \(ms) ms is after the year 4199 (the latest a clock may be is \(latestClockMilliseconds) ms)")
        }
        // The payload is judged before the dependencies (it depends on the envelope alone), so nothing
        // oversized or malformed is ever held back.
        if case .failure(let problem) = knownPayloadProblem ?? payloadProblem(envelope) { return .reject(problem.reason, problem.detail) }
        var missing: [[UInt8]] = []
        var depHeaders: [StoredEnvelope] = []
        for d in h.dependencies {
            if let dh = lookup.stored(d) { depHeaders.append(dh) } else { missing.append(d) }
        }
        if !missing.isEmpty { return .missingDependencies(missing) }
        // Only other authors' envelopes bound the clock: an author's own chain is ordered by its
        // sequence numbers, so a node whose clock ran fast goes back to the right time at once
        // (`Protocol/SPEC.md` §3.3: what replaces an earlier envelope is dated after it when signed).
        if let latest = depHeaders.filter({ $0.author != h.author }).map(\.clock).max(), h.clock <= latest {
            return .reject(.clockNotAfterDependencies, "clock \(h.clock) is not after its other authors' dependencies' \(latest)")
        }
        let own = depHeaders.filter { $0.author == h.author }
        if h.sequence == 1 {
            if !own.isEmpty { return .reject(.brokenChain, "a first envelope cannot depend on its author's own envelopes") }
        } else if own.count != 1 || own[0].sequence != h.sequence - 1 {
            return .reject(.brokenChain, "envelope \(h.sequence) must depend on exactly its author's envelope \(h.sequence - 1)")
        }
        // The key in force (§9.6): the author's own until a hand-over in its chain names another.
        let expected = h.sequence == 1 ? h.author : own[0].signerOfNext
        if h.signer != expected {
            return .reject(
                .wrongSigner,
                expected == h.author
                    ? "signed by another key than the author's, which has handed over to no other"
                    : "signed by a key that is not the one in force for this author (a hand-over in its chain names another)")
        }
        if h.kind == .memberRemoval, let payload = envelope.payload, let removal = try? Membership.Removal.decode(payload),
            !lookup.mayRemove(removal.member, by: h.author)
        {
            return .reject(.notOwner, "only a founder, a member that vouched for a key, or the key itself may remove it")
        }
        let others = lookup.storedIDs(author: h.author, sequence: h.sequence).filter { $0 != id }
        return others.isEmpty ? .accept : .acceptFork(existing: others)
    }

    /// What is wrong with an envelope's scope or payload for its kind.
    public struct PayloadProblem: Error, Sendable, Equatable {
        public let reason: RejectionReason
        public let detail: String
    }

    /// An envelope's payload, read once: whether it is valid for its kind, and what it says.
    public struct ReadPayload: Sendable {
        public var problem: Result<Void, PayloadProblem> = .success(())
        /// For directory records and tombstones.
        public var directory: DirectoryPayload?
        /// For node records.
        public var nodeRecord: NodeRecord?
        /// For membership records.
        public var vouch: Membership.Vouch?
        public var removal: Membership.Removal?
        /// For key hand-overs.
        public var handover: Membership.Handover?

        /// This reading, refused for `reason`.
        func failing(_ reason: RejectionReason, _ detail: String) -> ReadPayload {
            var out = self
            out.problem = .failure(PayloadProblem(reason: reason, detail: detail))
            return out
        }
    }

    /// The largest payload each kind may carry (`Protocol/SPEC.md` §3.1 rule 4b), so that no member
    /// can fill other nodes' disks with a few envelopes: what the kind needs, with room to spare.
    public static func maximumPayload(_ kind: Envelope.Kind) -> UInt64 {
        switch kind.rawValue {
        case 1, 4, 5, 6, 20, 21, 27, 29: return 4 << 10
        case 2: return 256 << 10
        case 3: return 1 << 10
        case 16...19: return 64 << 10
        case 30: return 8 << 10
        case 31: return 2 << 10
        case 32: return 4 << 10
        case 33: return 8 << 10
        case 22: return 16 << 10
        case 23: return 8 << 10
        case 24: return 2 << 10
        case 25, 26, 36: return 128 << 10
        case 34, 35: return 64 << 10
        case 40: return SealedFrame.payloadSizes.last!
        default: return 64 << 10  // kinds this version does not know: a kind that needs more comes with a new envelope version
        }
    }

    /// Reads a known kind's payload and checks its scope; unknown kinds are carried unread.
    public static func read(_ e: Envelope) -> ReadPayload {
        var out = ReadPayload()
        func fail(_ reason: RejectionReason, _ detail: String) -> ReadPayload {
            out.problem = .failure(PayloadProblem(reason: reason, detail: detail))
            return out
        }
        let kind = e.header.kind
        let limit = maximumPayload(kind)
        if e.header.payloadSize > limit {
            return fail(.oversized, "a \(kind) payload of \(e.header.payloadSize) bytes is over its kind's limit of \(limit)")
        }
        if kind == .sealed { return readSealed(e, into: out) }
        if kind.isPrivate || kind == .erasure || kind == .erasureAcknowledgement || kind == .clientKey || kind == .consentAcknowledgement {
            return readJourney(e, into: out)
        }
        if kind == .suggestion || kind == .suggestionAnswer { return readSuggestion(e) }
        if [.statisticsShare, .statisticsSum, .statisticsCheck, .statisticsOpen, .statisticsOpened].contains(kind) {
            guard StatisticsPeriod(scope: e.header.scope) != nil else { return out.failing(.wrongScope, "\(kind) envelopes are scoped to a period, stats:YYYY-Www") }
            guard e.header.recipients.count == 1 else { return out.failing(.wrongScope, "\(kind) envelopes are encrypted to exactly one party") }
            guard e.payload != nil else { return out.failing(.badPayload, "\(kind) envelopes must carry their payload") }
            return out
        }
        if kind == .listingCheck {
            guard e.header.scope == "public", e.header.recipients.isEmpty else { return out.failing(.wrongScope, "a listing check is public") }
            guard let payload = e.payload else { return out.failing(.badPayload, "a listing check must carry its payload") }
            do { _ = try ListingCheck.decode(payload) } catch { return out.failing(.badPayload, "\(error)") }
            return out
        }
        guard kind.isPublicRecord else { return out }
        guard e.header.scope == "public" else { return fail(.wrongScope, "\(kind) envelopes are public") }
        guard e.header.recipients.isEmpty else { return fail(.wrongScope, "public envelopes have no recipients") }
        // Public records are never erased; a copy without its payload could stand in for the real
        // one (same id) and leave a node without the row for good.
        guard let payload = e.payload else { return fail(.badPayload, "a public envelope must carry its payload") }
        do {
            // One parse serves both the canonical-form check and reading the payload.
            let value = try JSONParser.parse(payload)
            guard value.canonicalBytes == payload else {
                return fail(.badPayload, "the payload is not canonical JSON (members sorted by their bytes, no white space)")
            }
            if kind == .nodeRecord {
                out.nodeRecord = try NodeRecord.decode(value: value)
            } else if kind == .memberVouch {
                out.vouch = try Membership.Vouch.decode(value: value)
            } else if kind == .memberRemoval {
                out.removal = try Membership.Removal.decode(value: value)
            } else if kind == .keyHandover {
                let handover = try Membership.Handover.decode(value: value)
                guard handover.key != e.header.author, handover.key != e.header.signer else {
                    return fail(.badPayload, "a hand-over names a new key, not the one in force or the author's own")
                }
                out.handover = handover
            } else {
                let d = try DirectoryPayload.decode(value: value)
                if kind == .directoryRecord && d.fields == nil { return fail(.badPayload, "a directory record needs fields") }
                if kind == .directoryTombstone && d.fields != nil { return fail(.badPayload, "a tombstone carries no fields") }
                if let why = RowNamespace.problem(d, author: e.header.author) { return fail(.notOwner, why) }
                out.directory = d
            }
        } catch {
            return fail(.badPayload, "\(error)")
        }
        return out
    }

    /// Journey records (`Protocol/SPEC.md` §8.4): private kinds are scoped to a circle and carry at
    /// least one recipient (their payload cannot be read here, and may have been erased); an erasure is
    /// in the clear, names its own circle, and comes from the circle's owner; an acknowledgement is in
    /// the clear and scoped to the circle it acknowledges.
    static func readJourney(_ e: Envelope, into out: ReadPayload) -> ReadPayload {
        let fail = out.failing
        let kind = e.header.kind
        guard let circle = Circle(scope: e.header.scope) else { return fail(.wrongScope, "\(kind) envelopes are scoped to a circle") }
        if kind.isPrivate {
            guard !e.header.recipients.isEmpty else { return fail(.wrongScope, "a private envelope needs recipients") }
            return out
        }
        guard e.header.recipients.isEmpty else { return fail(.wrongScope, "\(kind) envelopes are in the clear") }
        guard let payload = e.payload else { return fail(.badPayload, "\(kind) envelopes must carry their payload") }
        do {
            if kind == .clientKey {
                _ = try ClientKeyRecord.decode(payload)
                guard circle.isOwned(by: e.header.author) else { return fail(.notOwner, "only the organisation that opened a circle may give its client a key") }
                return out
            }
            if kind == .consentAcknowledgement {
                _ = try ConsentAcknowledgement.decode(payload)
                return out
            }
            let p = try JourneyPayload.decode(payload, kind: kind)
            if case .erasure(let erasure) = p {
                guard erasure.circle == circle.scope else { return fail(.badPayload, "an erasure names its own circle") }
                guard circle.isOwned(by: e.header.author) else { return fail(.notOwner, "only the organisation that opened a circle may erase it") }
            }
        } catch {
            return fail(.badPayload, "\(error)")
        }
        return out
    }

    /// Sealed records (`Protocol/SPEC.md` §8.10): scope `sealed`; recipients padded to one of the
    /// fixed counts, listed without key ids (eight zero bytes each), each sealed key 80 bytes; a
    /// 16-byte erasure tag; a payload size (stripped or not) that is one of the padded sizes. The payload
    /// may be absent only where an erasure explains the tag (batch admission).
    static func readSealed(_ e: Envelope, into out: ReadPayload) -> ReadPayload {
        let fail = out.failing
        let h = e.header
        guard h.scope == SealedFrame.scope else { return fail(.wrongScope, "sealed envelopes are scoped to \"sealed\"") }
        guard SealedFrame.recipientCounts.contains(h.recipients.count) else {
            return fail(.wrongScope, "a sealed envelope lists 2, 4, 8, 16, 32 or 64 sealed keys, not \(h.recipients.count)")
        }
        guard h.recipients.allSatisfy({ $0.keyID == SealedFrame.anonymousKeyID && $0.sealedKey.count == 80 }) else {
            return fail(.wrongScope, "a sealed envelope lists its sealed keys (80 bytes each) without key ids (eight zero bytes)")
        }
        guard h.erasureTag != nil else { return fail(.badPayload, "a sealed envelope carries a 16-byte erasure tag (extension 02)") }
        guard SealedFrame.payloadSizes.contains(h.payloadSize) else {
            return fail(.badPayload, "a sealed payload of \(h.payloadSize) bytes is not one of the padded sizes")
        }
        return out
    }

    /// Suggestions (`Protocol/SPEC.md` §10.2): scoped to a thread; a suggestion comes from the
    /// thread's owner, is encrypted to at least one recipient and always carries its payload (there is
    /// no erasure to strip it, and a copy without it could stand in for the real one); an answer is in
    /// the clear and well formed.
    static func readSuggestion(_ e: Envelope) -> ReadPayload {
        let out = ReadPayload()
        let fail = out.failing
        let kind = e.header.kind
        guard let thread = SuggestionThread(scope: e.header.scope) else { return fail(.wrongScope, "\(kind) envelopes are scoped to a suggestion thread") }
        guard let payload = e.payload else { return fail(.badPayload, "\(kind) envelopes must carry their payload") }
        if kind == .suggestion {
            guard !e.header.recipients.isEmpty else { return fail(.wrongScope, "a suggestion is encrypted to its recipients") }
            guard thread.isOwned(by: e.header.author) else { return fail(.notOwner, "only the node that opened a thread may put a suggestion in it") }
            return out
        }
        guard e.header.recipients.isEmpty else { return fail(.wrongScope, "an answer is in the clear") }
        do { _ = try SuggestionAnswer.decode(payload) } catch { return fail(.badPayload, "\(error)") }
        return out
    }

    /// Checks a known kind's scope and payload; unknown kinds are carried unread.
    public static func payloadProblem(_ e: Envelope) -> Result<Void, PayloadProblem> { read(e).problem }
}


