import Foundation
import GRDB
import WaymarkCore
import WaymarkCrypto

extension VerifiedEnvelope: AdmissionCandidate {
    var wireSize: Int { wire.count }
}

/// The store as batch admission's host: carries out its directives in the write transaction.
final class StoreAdmission: AdmissionHost {
    typealias Candidate = VerifiedEnvelope
    let db: Database
    let lookup: SQLLookup
    let peer: String
    let now: UInt64
    let ownKey: [UInt8]?
    let heads = HeadChanges()
    private(set) var report = IngestReport()
    private(set) var arrivedByRow: [RowKey: [VerifiedEnvelope]] = [:]
    /// What each author's stored envelopes cost (`author_usage`), read when first needed and written
    /// back by `writeUsage` with what this batch added.
    private var usage: [ByteKey: (cost: UInt64, envelopes: Int64, added: Bool)] = [:]

    init(db: Database, peer: String, now: UInt64) throws {
        self.db = db
        lookup = SQLLookup(db: db)
        self.peer = peer
        self.now = now
        ownKey = try NodeDatabase.setting(db, "signing_public_key").flatMap(bytesFromHex)
    }

    func stored(_ id: [UInt8]) -> StoredEnvelope? { lookup.stored(id) }
    func storedIDs(author: [UInt8], sequence: UInt64) -> [[UInt8]] { lookup.storedIDs(author: author, sequence: sequence) }
    func standing(of author: [UInt8], clock: UInt64) -> Membership.Standing { lookup.standing(of: author, clock: clock) }
    func mayRemove(_ member: [UInt8], by author: [UInt8]) -> Bool { lookup.mayRemove(member, by: author) }
    func willJudge(_ c: VerifiedEnvelope) { lookup.prime(c) }
    func didJudge(_ c: VerifiedEnvelope) { lookup.unprime() }

    func isErased(circle: String) throws -> Bool { try NodeDatabase.isErased(db, circle: circle) }
    func isErasedSealed(_ header: Envelope.Header, alsoBy erasures: [Erasure]) throws -> Bool {
        // A member's first sealed record here (a stripped copy of it) is explained from index 0 by
        // every erasure held; a key no member vouched for costs nothing (it is refused anyway).
        if lookup.standing(of: header.author, clock: header.clock) == .member { try NodeDatabase.noteSealedAuthor(db, header.author) }
        if try NodeDatabase.isErasedSealed(db, header) { return true }
        // An erasure of this transaction (which may depend on this very copy): the author's tags for
        // indexes 0, 1, 2, … while they are held (stored or waiting), and the next. One walk per
        // erasure and author for this admission's chunk, then a step on for each copy held since.
        guard let tag = header.erasureTag else { return false }
        let own = ByteKey(header.author + tag)
        if batchExplained.contains(own) { return true }
        for e in erasures {
            guard let secret = e.tagSecret else { continue }
            let key = SealedEnvelope.tagKey(secret: secret, circle: e.circle)
            let walk = ByteKey(key + header.author)
            var next: UInt32
            if let known = batchNext[walk] {
                next = known
            } else {
                next = try NodeDatabase.walkSealed(db, tagKey: key, author: header.author) { _, t, _, _ in
                    batchExplained.insert(ByteKey(header.author + t))
                }
            }
            defer { batchNext[walk] = next }
            while next < UInt32.max {
                let t = SealedEnvelope.tag(key: key, author: header.author, index: next)
                if t == tag {
                    batchExplained.insert(own)
                    return true
                }
                // The copy explained last is held now (it was taken in): step on to the one after it.
                guard try NodeDatabase.holdsSealedTag(db, t, author: header.author, orHeldBack: true) else { break }
                batchExplained.insert(ByteKey(header.author + t))
                next += 1
            }
        }
        return false
    }

    /// What this admission's erasures explain of the stripped sealed copies in it: the author and tag
    /// of each, and for each erasure's tag key and author the first index not held when last looked.
    private var batchExplained = Set<ByteKey>()
    private var batchNext: [ByteKey: UInt32] = [:]

    func erasesOwnRecords(_ erasure: Envelope) throws -> Bool {
        let h = erasure.header
        if try Bool.fetchOne(
            db.cachedStatement(
                sql: "SELECT EXISTS (SELECT 1 FROM envelope WHERE scope = ? AND author = ? AND scope <> 'public' AND kind IN (\(NodeDatabase.privateKindList)))"),
            arguments: [h.scope, Data(h.author)]) == true
        {
            return true
        }
        guard let p = erasure.payload, case .erasure(let e)? = try? JourneyPayload.decode(p, kind: .erasure), let secret = e.tagSecret else { return false }
        let first = SealedEnvelope.tag(key: SealedEnvelope.tagKey(secret: secret, circle: h.scope), author: h.author, index: 0)
        return try NodeDatabase.holdsSealedTag(db, first, author: h.author)
    }

    func isHeldBack(_ id: [UInt8]) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM pending_envelope WHERE id = ?)"), arguments: [Data(id)]) ?? false
    }

    func heldBackCounts(peer: String, author: [UInt8]) throws -> HeldBackCounts {
        HeldBackCounts(
            total: try Int.fetchOne(db, sql: "SELECT count(*) FROM pending_envelope") ?? 0,
            fromPeer: try Int.fetchOne(db, sql: "SELECT count(*) FROM pending_envelope WHERE peer = ?", arguments: [peer]) ?? 0,
            byAuthor: try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM pending_envelope WHERE author = ?"), arguments: [Data(author)]) ?? 0)
    }

    func storedCost(of author: [UInt8]) throws -> UInt64? {
        let key = ByteKey(author)
        if lookup.ownKeys.contains(key) { return nil }
        return try usageEntry(key).cost
    }

    private func usageEntry(_ key: ByteKey) throws -> (cost: UInt64, envelopes: Int64, added: Bool) {
        if let u = usage[key] { return u }
        let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT cost, envelopes FROM author_usage WHERE author = ?"), arguments: [Data(key.bytes)])
        let u = (cost: UInt64(row?["cost"] as Int64? ?? 0), envelopes: row?["envelopes"] as Int64? ?? 0, added: false)
        usage[key] = u
        return u
    }

    /// Writes back what this batch added to each author's usage.
    func writeUsage() throws {
        for (key, u) in usage where u.added {
            try db.cachedStatement(
                sql: """
                    INSERT INTO author_usage (author, cost, envelopes) VALUES (?, ?, ?)
                    ON CONFLICT(author) DO UPDATE SET cost = excluded.cost, envelopes = excluded.envelopes
                    """
            ).execute(arguments: [Data(key.bytes), Int64(u.cost), u.envelopes])
        }
    }

    func hasHeldBack() throws -> Bool { try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM pending_envelope)") ?? false }

    func heldBack(waitingFor ids: [[UInt8]]) throws -> [VerifiedEnvelope] {
        var waiting: [VerifiedEnvelope] = []
        var seen = Set<ByteKey>()
        for dep in ids {
            for wire in try Data.fetchAll(
                db.cachedStatement(sql: "SELECT p.wire FROM pending_dependency d JOIN pending_envelope p ON p.id = d.id WHERE d.dependency = ?"),
                arguments: [Data(dep)])
            {
                let bytes = [UInt8](wire)
                guard let e = try? Envelope.decode(bytes) else { continue }
                let v = VerifiedEnvelope(envelope: e, id: EnvelopeCrypto.id(of: e), wire: bytes)
                if seen.insert(ByteKey(v.id)).inserted { waiting.append(v) }
            }
        }
        return waiting
    }

    func perform(_ directive: AdmissionDirective<VerifiedEnvelope>) throws {
        switch directive {
        case .accept(let v, let forkOf):
            if let row = try NodeDatabase.store(db, v, ownKey: ownKey, now: now, heads: heads, lookup: lookup) {
                arrivedByRow[row, default: []].append(v)
            }
            if !forkOf.isEmpty {
                let h = v.envelope.header
                for other in forkOf + [v.id] {
                    try db.execute(
                        sql: "INSERT OR IGNORE INTO fork (author, sequence, id, detected_at) VALUES (?, ?, ?, ?)",
                        arguments: [Data(h.author), Int64(h.sequence), Data(other), Int64(now)])
                }
                report.forks += 1
                try NodeDatabase.logRejection(
                    db, peer: peer, id: v.id, author: h.author,
                    .init(envelopeID: hexString(v.id), reason: .fork, detail: "fork: the author signed two envelopes numbered \(h.sequence); both kept, author flagged"),
                    now: now, logOnly: true)
            }
            lookup.remember(v)
            var u = try usageEntry(ByteKey(v.envelope.header.author))
            u.cost += v.quotaCost
            u.envelopes += 1
            u.added = true
            usage[ByteKey(v.envelope.header.author)] = u
            report.accepted += 1
        case .duplicate(let v, let wasHeldBack):
            if !wasHeldBack { report.duplicates += 1 }
            try NodeDatabase.replaceStrippedCopy(db, with: v)
        case .holdBack(var v, let missing):
            // A sealed one that a held erasure explains waits without its payload (§8.10).
            let h = v.envelope.header
            if h.kind == .sealed {
                if lookup.standing(of: h.author, clock: h.clock) == .member { try NodeDatabase.noteSealedAuthor(db, h.author) }
                if try NodeDatabase.isErasedSealed(db, h, advancing: true), v.envelope.payload != nil {
                    v = VerifiedEnvelope(envelope: v.envelope.withoutPayload, id: v.id, wire: v.envelope.withoutPayload.encoded())
                }
            }
            try db.execute(
                sql: "INSERT OR IGNORE INTO pending_envelope (id, wire, missing, peer, received_at, scope, author, tag) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                arguments: [
                    Data(v.id), Data(v.wire), Data(missing.flatMap { $0 }), peer, Int64(now), v.envelope.header.scope, Data(v.envelope.header.author),
                    v.envelope.header.kind == .sealed ? v.envelope.header.erasureTag.map { Data($0) } : nil,
                ])
            for m in missing {
                try db.execute(sql: "INSERT OR IGNORE INTO pending_dependency (dependency, id) VALUES (?, ?)", arguments: [Data(m), Data(v.id)])
            }
            report.pending += 1
        case .release(let id):
            try forget(id)
        case .expireHeldBack(let before):
            for id in try Data.fetchAll(db, sql: "SELECT id FROM pending_envelope WHERE received_at < ?", arguments: [Int64(before)]) {
                try forget([UInt8](id))
            }
        case .reject(let v, let reason, let detail):
            let rej = IngestReport.Rejected(envelopeID: hexString(v.id), reason: reason, detail: detail)
            report.rejected.append(rej)
            // Refusals an honest relay causes as often as anyone (the author's quota, a copy stripped on
            // the way) are logged but not counted against the peer that forwarded them.
            try NodeDatabase.logRejection(
                db, peer: peer, id: v.id, author: v.envelope.header.author, rej, now: now, logOnly: [.overQuota, .strippedCopy].contains(reason))
        }
    }

    private func forget(_ id: [UInt8]) throws {
        try db.cachedStatement(sql: "DELETE FROM pending_envelope WHERE id = ?").execute(arguments: [Data(id)])
        try db.cachedStatement(sql: "DELETE FROM pending_dependency WHERE id = ?").execute(arguments: [Data(id)])
    }
}

/// Looks envelopes up in the database, and in what this batch accepted so far.
final class SQLLookup: EnvelopeLookup {
    let db: Database
    /// The member set as held when the lookup was made, plus the membership records accepted since.
    private(set) lazy var roster: Membership.Roster = (try? NodeDatabase.roster(db)) ?? Membership.Roster(founders: [])
    /// This node's own key: always a member in its own ledger (it publishes before it is vouched for).
    lazy var ownKeys: Set<ByteKey> = Set([(try? NodeDatabase.setting(db, "signing_public_key")).flatMap { bytesFromHex($0) }].compactMap { $0.map(ByteKey.init) })
    /// Keys whose admission or removal changed through membership records accepted by this lookup:
    /// their rows are folded again.
    private(set) var refoldNow: [[UInt8]] = []
    private var accepted: [ByteKey: StoredEnvelope] = [:]
    private var acceptedBySequence: [SequenceKey: [[UInt8]]] = [:]

    struct SequenceKey: Hashable {
        let author: ByteKey
        let sequence: UInt64
    }

    /// What the store holds under one (author, sequence), read once for the envelope being judged:
    /// it answers both "is this envelope stored?" (an id fixes its author and sequence) and "did the
    /// author sign another envelope with this number?".
    private var primed: (key: SequenceKey, ids: [[UInt8]], own: ByteKey, ownStored: StoredEnvelope?)?

    init(db: Database) { self.db = db }

    /// What the store held before the batch under each (author, sequence) of the batch, read a few
    /// hundred pairs to a statement instead of one statement per envelope.
    private var before: [SequenceKey: [[UInt8]]] = [:]

    func preload(_ batch: [VerifiedEnvelope]) throws {
        let pairs = Set(batch.map { SequenceKey(author: ByteKey($0.envelope.header.author), sequence: $0.envelope.header.sequence) })
        before.reserveCapacity(pairs.count)
        for key in pairs { before[key] = [] }
        try NodeDatabase.forEachEnvelope(
            db, matching: ("author", "sequence"), pairs.map { (Data($0.author.bytes), Int64($0.sequence)) }, selecting: "e.author, e.sequence, e.id"
        ) { row in
            before[SequenceKey(author: ByteKey([UInt8](row[0] as Data)), sequence: UInt64(row[1] as Int64)), default: []].append([UInt8](row[2] as Data))
        }
    }

    func prime(_ v: VerifiedEnvelope) {
        let h = v.envelope.header
        let key = SequenceKey(author: ByteKey(h.author), sequence: h.sequence)
        let ids = before[key] ?? idsInStore(author: h.author, sequence: h.sequence)
        let own = ByteKey(v.id)
        primed = (key, ids, own, ids.contains(v.id) ? StoredEnvelope(h, handover: v.handover) : nil)
    }

    func unprime() { primed = nil }

    func standing(of author: [UInt8], clock: UInt64) -> Membership.Standing {
        if ownKeys.contains(ByteKey(author)) { return .member }
        return roster.standing(of: author, clock: clock)
    }

    func mayRemove(_ member: [UInt8], by author: [UInt8]) -> Bool { roster.mayRemove(member, by: author) }

    /// Folds an accepted membership record into the roster, so the rest of the batch is judged by it.
    func noteMembership(_ v: VerifiedEnvelope) {
        let h = v.envelope.header
        let before = roster
        if let vouch = v.vouch { roster.apply(vouch: vouch, voucher: h.author, clock: h.clock, envelopeID: v.id) }
        if let removal = v.removal { roster.apply(removal: removal, remover: h.author, clock: h.clock, envelopeID: v.id) }
        refoldNow += roster.keysChanged(since: before).map(\.bytes)
    }

    func remember(_ v: VerifiedEnvelope) {
        let s = StoredEnvelope(v.envelope.header, handover: v.handover)
        accepted[ByteKey(v.id)] = s
        acceptedBySequence[SequenceKey(author: ByteKey(s.author), sequence: s.sequence), default: []].append(v.id)
    }

    func stored(_ id: [UInt8]) -> StoredEnvelope? {
        let key = ByteKey(id)
        if let s = accepted[key] { return s }
        if let p = primed, p.own == key { return p.ownStored }
        guard let statement = try? db.cachedStatement(sql: "SELECT author, sequence, clock, next_signer FROM envelope WHERE id = ?"),
            let row = try? Row.fetchOne(statement, arguments: [Data(id)])
        else {
            return nil
        }
        return StoredEnvelope(
            author: [UInt8](row["author"] as Data), sequence: UInt64(row["sequence"] as Int64), clock: UInt64(bitPattern: row["clock"] as Int64),
            nextSigner: (row["next_signer"] as Data?).map { [UInt8]($0) })
    }

    func storedIDs(author: [UInt8], sequence: UInt64) -> [[UInt8]] {
        let key = SequenceKey(author: ByteKey(author), sequence: sequence)
        let fromDB =
            primed?.key == key ? primed!.ids : before[key] ?? idsInStore(author: author, sequence: sequence)
        let fresh = acceptedBySequence[key] ?? []
        if fresh.isEmpty { return fromDB }
        return Set((fromDB + fresh).map(ByteKey.init)).map(\.bytes)
    }

    /// The ids of the envelopes stored (before this batch) under one author and sequence number.
    private func idsInStore(author: [UInt8], sequence: UInt64) -> [[UInt8]] {
        (try? db.cachedStatement(sql: "SELECT id FROM envelope WHERE author = ? AND sequence = ?")).flatMap {
            try? Data.fetchAll($0, arguments: [Data(author), Int64(sequence)])
        }?.map { [UInt8]($0) } ?? []
    }
}
