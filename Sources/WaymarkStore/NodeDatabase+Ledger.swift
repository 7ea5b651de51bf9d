import Foundation
#if canImport(Glibc)
    import Glibc
#endif
import GRDB
import Synchronization
import WaymarkCore
import WaymarkCrypto

// The ledger's engine: verifying, judging and storing envelopes, signing this node's chain, and the
// records of what was refused. Its public face is `Ledger` (Ledger.swift).

/// What taking in a batch of envelopes did.
public struct IngestReport: Sendable, Equatable {
    public struct Rejected: Sendable, Equatable {
        /// Hex envelope id, or empty when the bytes did not decode.
        public var envelopeID: String
        public var reason: RejectionReason
        public var detail: String
    }
    public var accepted = 0
    public var duplicates = 0
    /// Held back until their dependencies arrive. (A pipeline admits a batch in chunks: an envelope
    /// held back for a dependency in a later chunk of the same batch is counted here and also
    /// accepted. Peers send each batch oldest clock first, so this happens only with batches out of order.)
    public var pending = 0
    public var forks = 0
    /// Directory rows whose visible state changed.
    public var rowsChanged = 0
    public var rejected: [Rejected] = []

    public init() {}

    /// Adds another batch's figures to these.
    public mutating func add(_ other: IngestReport) {
        accepted += other.accepted
        duplicates += other.duplicates
        pending += other.pending
        forks += other.forks
        rowsChanged += other.rowsChanged
        rejected += other.rejected
    }
}

/// A publish that cannot go ahead.
public struct PublishError: Error, CustomStringConvertible, Sendable {
    public let description: String
}

/// An envelope that decoded and whose signature and payload hash verified, with its payload read
/// (work that depends on the envelope alone, so it is done on every core before the write transaction).
final class VerifiedEnvelope: Sendable {
    let envelope: Envelope
    let id: [UInt8]
    let wire: [UInt8]
    let payloadProblem: Result<Void, AdmissionRules.PayloadProblem>
    let directory: DirectoryPayload?
    let nodeRecord: NodeRecord?
    let vouch: Membership.Vouch?
    let removal: Membership.Removal?
    let handover: Membership.Handover?
    /// The stored text of the row a directory record carries (worked out on the verifying cores, so
    /// the writer does not have to).
    let body: String?
    /// A sealed record tried with the node's keys on the verifying cores (§8.10): `.some(frame)` if it
    /// opened, `.some(nil)` if it is not addressed to the node, `nil` if not tried.
    let sealedFrame: SealedFrame??

    init(envelope: Envelope, id: [UInt8], wire: [UInt8], opener: NodeIdentity? = nil) {
        self.envelope = envelope
        self.id = id
        self.wire = wire
        // At most 8 sealed keys here, where duplicates are tried too; a longer list is tried once it is stored.
        if let opener, envelope.header.kind == .sealed, envelope.payload != nil, envelope.header.recipients.count <= 8 {
            sealedFrame = .some(try? opener.openSealed(envelope))
        } else {
            sealedFrame = nil
        }
        let read = AdmissionRules.read(envelope)
        payloadProblem = read.problem
        directory = read.directory
        nodeRecord = read.nodeRecord
        vouch = read.vouch
        removal = read.removal
        handover = read.handover
        body = read.directory.flatMap { p in
            guard let fields = p.fields else { return nil }
            // An accepted payload is canonical JSON, so its `fields` object is already the row's
            // canonical text: cut it out instead of writing the row again.
            if case .success = read.problem, let payload = envelope.payload, let cut = Self.fieldsText(payload, p) { return cut }
            return String(decoding: HSDSRecord(table: p.table, id: p.id, fields: fields).canonicalBytes, as: UTF8.self)
        }
    }

    /// The bytes of the `fields` member of a canonical directory record payload,
    /// `{"fields":F,"id":I,"table":T}`, as text; `nil` if the payload is not in that form.
    static func fieldsText(_ payload: [UInt8], _ p: DirectoryPayload) -> String? {
        let head = Array(#"{"fields":"#.utf8)
        let tail = Array(#","id":"#.utf8) + JSONValue.string(p.id).canonicalBytes + Array(#","table":"#.utf8)
            + JSONValue.string(p.table).canonicalBytes + [UInt8(ascii: "}")]
        guard payload.count > head.count + tail.count, payload.starts(with: head), payload.suffix(tail.count).elementsEqual(tail) else { return nil }
        return String(decoding: payload[head.count..<(payload.count - tail.count)], as: UTF8.self)
    }
}

extension NodeDatabase {
    /// A full copy of a private envelope held without its payload (and whose circle is not erased)
    /// takes the stripped copy's place.
    static func replaceStrippedCopy(_ db: Database, with v: VerifiedEnvelope) throws {
        let h = v.envelope.header
        guard h.kind.isPrivate || h.kind == .sealed, v.envelope.payload != nil,
            let held = try Data.fetchOne(db.cachedStatement(sql: "SELECT wire FROM envelope WHERE id = ?"), arguments: [Data(v.id)]),
            let e = try? Envelope.decode([UInt8](held)), e.payload == nil
        else { return }
        if h.kind == .sealed ? try isErasedSealed(db, h) : try isErased(db, circle: h.scope) { return }
        if h.kind == .sealed { try db.execute(sql: "UPDATE sealed_envelope SET opened = 0 WHERE id = ?", arguments: [Data(v.id)]) }
        try db.execute(sql: "UPDATE envelope SET wire = ? WHERE id = ?", arguments: [Data(v.wire), Data(v.id)])
    }
    /// The node's bounds of batch admission: `AdmissionLimits.node`, with the storage quota per author
    /// the admin set (`waymark serve --author-quota-mib`, kept as the setting `author_quota_bytes`).
    static func admissionLimits(_ db: Database) throws -> AdmissionLimits {
        guard let set = try setting(db, authorQuotaSetting).flatMap(UInt64.init) else { return .node }
        return AdmissionLimits.node.withStoredBytesPerAuthor(set)
    }

    public static let authorQuotaSetting = "author_quota_bytes"

    /// The quotas an admin may set, in MiB.
    public static let authorQuotaMiB: ClosedRange<UInt64> = 1...(1 << 30)

    /// How many rejections the log keeps.
    public static let rejectionLogLimit = 2_000

    // MARK: Taking envelopes in

    func ingestVerified(_ verified: [Result<VerifiedEnvelope, RejectedBox>], from peer: String, nowMilliseconds: UInt64, refreshingDocuments: Bool)
        throws -> IngestReport
    {
        try writer.write { db in
            var report = IngestReport()
            var admission = BatchAdmission<VerifiedEnvelope>(peer: peer, nowMilliseconds: nowMilliseconds, limits: try Self.admissionLimits(db))
            try Self.admit(db, results: verified, admission: &admission, report: &report)
            try Self.admit(db, [], admission: &admission, report: &report, finishing: true)
            if refreshingDocuments { try Self.refreshDerived(db) }
            // Sealed records are opened as they are stored, so pages read them at once (§8.10).
            if let opener = opener.withLock({ $0 }) { try Self.openSealedArrivals(db, identity: opener) }
            return report
        }
    }

    /// Logs the envelopes that did not decode or verify, and admits the others.
    static func admit(
        _ db: Database, results: [Result<VerifiedEnvelope, RejectedBox>], admission: inout BatchAdmission<VerifiedEnvelope>, report: inout IngestReport
    ) throws {
        var good: [VerifiedEnvelope] = []
        for result in results {
            switch result {
            case .success(let v): good.append(v)
            case .failure(let r):
                report.rejected.append(r.rejected)
                try logRejection(db, peer: admission.peer, id: bytesFromHex(r.rejected.envelopeID), author: nil, r.rejected, now: admission.nowMilliseconds)
            }
        }
        try admit(db, good, admission: &admission, report: &report)
    }

    /// Rebuilds the service documents and search index the rows changed since the last refresh
    /// belong to. Returns whether anything was out of date.
    @discardableResult
    public func refreshDocuments() throws -> Bool {
        try writer.write { db in try Self.refreshDerived(db) }
    }

    /// How many envelopes one session must take in before `settleAfterLargeIngest` is worth it.
    public static let largeIngest = 2_000

    struct RejectedBox: Error { let rejected: IngestReport.Rejected }

    /// The part of taking envelopes in that needs no database (decoding, verifying, reading the
    /// payload and the row it carries), on every core: for benchmarks, which compare it with
    /// signature verification alone.
    /// - Returns: how many envelopes verified.
    public static func verifyForIngest(_ wires: [[UInt8]]) -> Int {
        verifyAll(wires).reduce(0) { n, r in if case .success = r { n + 1 } else { n } }
    }

    /// Decodes and verifies on every core; no database access.
    /// - Parameter opener: the node's keys, to try sealed records with (§8.10).
    static func verifyAll(_ wires: [[UInt8]], opener: NodeIdentity? = nil) -> [Result<VerifiedEnvelope, RejectedBox>] {
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        if wires.count < 64 || workers == 1 { return wires.map { verifyOne($0, opener: opener) } }
        let results = ResultSlots<Result<VerifiedEnvelope, RejectedBox>>(count: wires.count)
        let chunk = (wires.count + workers - 1) / workers
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            let start = w * chunk
            let end = min(wires.count, start + chunk)
            guard start < end else { return }
            for i in start..<end { results.set(i, verifyOne(wires[i], opener: opener)) }
        }
        return results.values
    }

    /// Decodes and verifies one envelope, and reads its payload.
    @Sendable static func verifyOne(_ wire: [UInt8], opener: NodeIdentity? = nil) -> Result<VerifiedEnvelope, RejectedBox> {
        let e: Envelope
        do { e = try Envelope.decode(wire) } catch {
            return .failure(RejectedBox(rejected: .init(envelopeID: "", reason: .malformed, detail: "\(error)")))
        }
        let (verdict, id) = EnvelopeCrypto.verifyAndIdentify(e)
        switch verdict {
        case .valid: return .success(VerifiedEnvelope(envelope: e, id: id, wire: wire, opener: opener))
        case .badSignature:
            return .failure(RejectedBox(rejected: .init(envelopeID: hexString(id), reason: .badSignature, detail: "the signature does not verify")))
        case .payloadMismatch:
            return .failure(
                RejectedBox(rejected: .init(envelopeID: hexString(id), reason: .payloadMismatch, detail: "the payload is not the one signed")))
        }
    }

    /// Judges and stores what this node signed itself, in its own transaction (nothing set aside).
    static func admit(_ db: Database, _ batch: [VerifiedEnvelope], peer: String, nowMilliseconds: UInt64, report: inout IngestReport) throws {
        var admission = BatchAdmission<VerifiedEnvelope>(peer: peer, nowMilliseconds: nowMilliseconds, limits: try Self.admissionLimits(db), deferring: false)
        try admit(db, batch, admission: &admission, report: &report)
    }

    /// Judges and stores verified envelopes by the batch admission every node runs (`BatchAdmission`,
    /// the same code the simulation runs), then folds the touched rows.
    /// - Parameter finishing: judge instead what the transaction set aside (`batch` is then ignored).
    static func admit(
        _ db: Database, _ batch: [VerifiedEnvelope], admission: inout BatchAdmission<VerifiedEnvelope>, report: inout IngestReport,
        finishing: Bool = false
    ) throws {
        let candidates = finishing ? admission.deferred : batch
        guard !candidates.isEmpty else { return }
        let host = try StoreAdmission(db: db, peer: admission.peer, now: admission.nowMilliseconds)
        // What this node signs itself (peer "self") is its own to publish, member or not yet.
        if admission.peer == "self" { host.lookup.ownKeys.formUnion(batch.map { ByteKey($0.envelope.header.author) }) }
        // What the store held for the batch's rows before the batch: read now, while the batch's own
        // envelopes are not yet stored, so that a row seen for the first time costs one index probe
        // that finds nothing, instead of reading back what was just written.
        try host.lookup.preload(candidates)
        let before = try envelopesOfRows(db, Set(candidates.compactMap { v in v.directory.map { RowKey(table: $0.table, id: $0.id) } }))
        if finishing { try admission.finish(host: host) } else { try admission.admit(batch, host: host) }
        report.add(host.report)
        try host.heads.write(db)
        try host.writeUsage()
        if !host.arrivedByRow.isEmpty {
            try foldRows(db, arrived: host.arrivedByRow, before: before, peer: admission.peer, now: admission.nowMilliseconds, roster: host.lookup.roster, report: &report)
        }
        // A removal hides what the removed key published (and gives back rows it had taken); a vouch
        // that admits a key earlier than before changes when its claims count.
        for key in Set(host.lookup.refoldNow.map(ByteKey.init)) {
            report.rowsChanged += try refoldRows(of: key.bytes, db, roster: host.lookup.roster, now: admission.nowMilliseconds)
        }
        if host.report.accepted > 0 { try bumpLedgerVersion(db) }
    }

    /// Inserts an accepted envelope, moves the heads, and records what its kind means.
    /// - Returns: the directory row it touches, if any.
    static func store(_ db: Database, _ v: VerifiedEnvelope, ownKey: [UInt8]?, now: UInt64, heads: HeadChanges, lookup: SQLLookup) throws -> RowKey? {
        let h = v.envelope.header
        var row: RowKey?
        var nodeRecord: NodeRecord?
        if v.envelope.payload != nil {
            switch h.kind {
            case .directoryRecord, .directoryTombstone:
                if let p = v.directory { row = RowKey(table: p.table, id: p.id) }
            case .nodeRecord:
                nodeRecord = v.nodeRecord
            default: break
            }
        }
        // A private record of an erased circle keeps only its header (§8.7), whenever it arrives.
        var wire = v.wire
        if h.kind.isPrivate, v.envelope.payload != nil, try isErased(db, circle: h.scope) {
            wire = v.envelope.withoutPayload.encoded()
        }
        // A sealed one, where a held erasure's tag key explains its tag (§8.10). One tried with the
        // node's keys while it was verified is noted as opened (or not addressed to the node).
        if h.kind == .sealed, let tag = h.erasureTag {
            try noteSealedAuthor(db, h.author)
            let erased = try isErasedSealed(db, h, advancing: true) || v.envelope.payload == nil
            if erased { wire = v.envelope.withoutPayload.encoded() }
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO sealed_envelope (id, tag, opened) VALUES (?, ?, ?)").execute(
                arguments: [Data(v.id), Data(tag), v.sealedFrame == nil ? 0 : 1])
            if case .some(.some(let frame)) = v.sealedFrame, !erased { try noteOpened(db, id: v.id, author: h.author, frame) }
        }
        try db.cachedStatement(
            sql: """
                INSERT INTO envelope (id, clock, author, sequence, kind, scope, row_table, row_id, wire, received_at, next_signer)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(
            arguments: [
                Data(v.id), Int64(bitPattern: h.clock), Data(h.author), Int64(h.sequence), Int(h.kind.rawValue), h.scope, row?.table, row?.id,
                Data(wire), Int64(now), StoredEnvelope(h, handover: v.handover).nextSigner.map { Data($0) },
            ])
        heads.accepted(v.id, dependencies: h.dependencies)
        if Self.journeyIndexKindSet.contains(h.kind), h.scope != "public" {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO journey_dirty (circle) VALUES (?)").execute(arguments: [h.scope])
        }
        if h.kind.isPrivate {
            for r in h.recipients {
                try db.cachedStatement(sql: "INSERT OR IGNORE INTO circle_recipient (key_id, circle) VALUES (?, ?)").execute(arguments: [Data(r.keyID), h.scope])
            }
        }
        if h.kind == .keyHandover { try refreshKnownNode(db, author: h.author, handover: v.id) }
        if h.kind == .erasure {
            var tagKeys: [[UInt8]] = []
            if let p = v.envelope.payload, case .erasure(let e)? = try? JourneyPayload.decode(p, kind: .erasure), let secret = e.tagSecret {
                tagKeys = [SealedEnvelope.tagKey(secret: secret, circle: h.scope)]
            }
            try eraseCircle(db, h.scope, erasure: v.id, tagKeys: tagKeys, ownKey: ownKey, author: h.author, now: now)
        }
        if h.kind == .listingCheck { try storeListingCheck(db, id: v.id, author: h.author, payload: v.envelope.payload) }
        if h.kind.isMembership {
            try storeMembership(db, v, now: now)
            lookup.noteMembership(v)
        }
        // A node record counts only from the key in force (§9.6): one that an earlier key signed on a
        // fork after handing over cannot redirect what others seal to the organisation.
        if let n = nodeRecord, try keyInForce(db, author: h.author) == h.signer {
            try db.execute(
                sql: """
                    INSERT INTO known_node (author, organization_id, organization_name, url, encryption_key, clock) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT(author) DO UPDATE SET organization_id = excluded.organization_id, organization_name = excluded.organization_name,
                        url = excluded.url, encryption_key = excluded.encryption_key, clock = excluded.clock
                    WHERE excluded.clock > known_node.clock
                    """,
                arguments: [Data(h.author), n.organizationID, n.organizationName, n.url, Data(n.encryptionKey), Int64(bitPattern: h.clock)])
            if h.author != ownKey {
                // What a node learns of other nodes spreads by sync; it may then reach them directly too.
                let known = try Int.fetchOne(db, sql: "SELECT count(*) FROM peer WHERE url = ? OR author = ?", arguments: [n.url, Data(h.author)]) ?? 0
                if known == 0 {
                    try db.execute(
                        sql: "INSERT INTO peer (url, author, source, added_at) VALUES (?, ?, 'learned', ?)",
                        arguments: [n.url, Data(h.author), Int64(now)])
                } else {
                    try db.execute(sql: "UPDATE peer SET author = ? WHERE url = ? AND author IS NULL", arguments: [Data(h.author), n.url])
                    // A node that moved: follow its newest record (learned peers only; an admin's entry stays as typed).
                    let newest = try Int64.fetchOne(db, sql: "SELECT clock FROM known_node WHERE author = ?", arguments: [Data(h.author)])
                    if newest == Int64(bitPattern: h.clock) {
                        try db.execute(
                            sql: "UPDATE OR IGNORE peer SET url = ? WHERE author = ? AND source = 'learned' AND url <> ?",
                            arguments: [n.url, Data(h.author), n.url])
                    }
                }
            }
        }
        return row
    }

    /// After a hand-over, the organisation's known node comes from its newest node record that the
    /// key now in force signed, or that lies in the hand-over's own past: a record an earlier key signed
    /// on a fork (taken in here before the hand-over was) stops counting (§9.6).
    static func refreshKnownNode(_ db: Database, author: [UInt8], handover: [UInt8]) throws {
        let inForce = try keyInForce(db, author: author)
        var past: Set<ByteKey>?
        for row in try Row.fetchAll(
            db, sql: "SELECT id, wire FROM envelope WHERE author = ? AND kind = ? ORDER BY clock DESC, id",
            arguments: [Data(author), Int(Envelope.Kind.nodeRecord.rawValue)])
        {
            guard let e = try? Envelope.decode([UInt8](row["wire"] as Data)), let payload = e.payload,
                let n = try? NodeRecord.decode(payload)
            else { continue }
            if e.header.signer != inForce {
                if past == nil { past = try ownPast(db, of: handover, author: author) }
                guard past?.contains(ByteKey([UInt8](row["id"] as Data))) == true else { continue }
            }
            try db.execute(
                sql: """
                    INSERT INTO known_node (author, organization_id, organization_name, url, encryption_key, clock) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT(author) DO UPDATE SET organization_id = excluded.organization_id, organization_name = excluded.organization_name,
                        url = excluded.url, encryption_key = excluded.encryption_key, clock = excluded.clock
                    """,
                arguments: [Data(author), n.organizationID, n.organizationName, n.url, Data(n.encryptionKey), Int64(bitPattern: e.header.clock)])
            return
        }
        // None counts yet: the organisation is known again from the next record its new key signs.
        try db.execute(sql: "DELETE FROM known_node WHERE author = ?", arguments: [Data(author)])
    }

    /// The ids of an author's own chain up to and including `id`, following each envelope's dependency
    /// on its author's previous one.
    static func ownPast(_ db: Database, of id: [UInt8], author: [UInt8]) throws -> Set<ByteKey> {
        var out: Set<ByteKey> = []
        var next: [UInt8]? = id
        let read = try db.cachedStatement(sql: "SELECT wire FROM envelope WHERE id = ? AND author = ?")
        while let current = next, !out.contains(ByteKey(current)),
            let wire = try Data.fetchOne(read, arguments: [Data(current), Data(author)]),
            let e = try? Envelope.decode([UInt8](wire))
        {
            out.insert(ByteKey(current))
            next = nil
            guard e.header.sequence > 1 else { break }
            for d in e.header.dependencies
            where try Int.fetchOne(db, sql: "SELECT 1 FROM envelope WHERE id = ? AND author = ?", arguments: [Data(d), Data(author)]) != nil {
                next = d
                break
            }
        }
        return out
    }

    /// Re-folds each touched row from all of its envelopes, writes the visible result, and marks the
    /// rows that changed (with their previous body) for the next documents refresh.
    static func foldRows(
        _ db: Database, arrived: [RowKey: [VerifiedEnvelope]], before: [RowKey: [HeldEnvelope]], peer: String, now: UInt64,
        roster: Membership.Roster, report: inout IngestReport
    ) throws {
        let storedAt = LocalClock().isoNow()
        let keys = arrived.keys.sorted { $0.table != $1.table ? $0.table < $1.table : $0.id < $1.id }
        // Every envelope of every touched row: what was held before the batch (read before it was
        // stored) and what the batch brought. A row not read beforehand (one that an envelope held
        // back for its dependencies brought in) is read whole now.
        let readNow = try envelopesOfRows(db, Set(keys.filter { before[$0] == nil }))
        var publisherHex: [ByteKey: String] = [:]
        // Rows shown for the first time are written together; rows that replace a shown row one by one.
        var dirty: [(any DatabaseValueConvertible)?] = []
        var inserted: [(any DatabaseValueConvertible)?] = []
        var newLinks: [(any DatabaseValueConvertible)?] = []
        for key in keys {
            let arrivedHere = arrived[key] ?? []
            let earlier = before[key]
            let owner: [UInt8]
            let latest: DirectoryFold.Entry?
            var onlyFresh = true
            if arrivedHere.count == 1, let payload = arrivedHere[0].directory, roster.removedAt[ByteKey(arrivedHere[0].envelope.header.author)] == nil,
                earlier?.isEmpty ?? (readNow[key].map { $0.count == 1 && $0[0].id == arrivedHere[0].id } ?? false)
            {
                // A row with one envelope, which arrived now (most rows a new node takes in): the fold of
                // a single entry is that entry, owned by its author.
                let v = arrivedHere[0]
                owner = v.envelope.header.author
                latest = DirectoryFold.Entry(envelopeID: v.id, author: owner, clock: v.envelope.header.clock, payload: payload)
            } else {
                let envelopes =
                    earlier.map { $0 + arrivedHere.map { HeldEnvelope(id: $0.id, author: $0.envelope.header.author, clock: $0.envelope.header.clock) } }
                    ?? readNow[key] ?? []
                var fold = DirectoryFold()
                let fresh = Dictionary(arrivedHere.map { (ByteKey($0.id), $0) }, uniquingKeysWith: { a, _ in a })
                for stored in envelopes {
                    // Envelopes of this batch are already read; older ones are read back from the store.
                    let arrivedNow = fresh[ByteKey(stored.id)]
                    var payload = arrivedNow?.directory
                    if arrivedNow == nil { onlyFresh = false }
                    // What a removed key published is never shown (`Protocol/SPEC.md` §9).
                    if roster.removedAt[ByteKey(stored.author)] != nil { continue }
                    if arrivedNow == nil,
                        let wire = try Data.fetchOne(db.cachedStatement(sql: "SELECT wire FROM envelope WHERE id = ?"), arguments: [Data(stored.id)]),
                        let e = try? Envelope.decode([UInt8](wire)), let p = e.payload
                    {
                        payload = try? DirectoryPayload.decode(p)
                    }
                    guard let payload else { continue }
                    fold.apply(
                        .init(
                            envelopeID: stored.id, author: stored.author, clock: stored.clock, payload: payload,
                            admittedAt: roster.admittedAt(stored.author) ?? 0))
                }
                owner = fold.owner(table: key.table, id: key.id) ?? []
                latest = owner.isEmpty ? nil : fold.latest(table: key.table, id: key.id)
            }
            for v in arrivedHere where !owner.isEmpty && v.envelope.header.author != owner {
                let rej = IngestReport.Rejected(
                    envelopeID: hexString(v.id), reason: .notOwner,
                    detail: "\(key.table) \(key.id) belongs to \(NodeIdentity.fingerprint(of: owner)); kept for the record, not shown")
                report.rejected.append(rej)
                try logRejection(db, peer: peer, id: v.id, author: v.envelope.header.author, rej, now: now)
            }
            let visible = latest.flatMap { e in e.payload.fields.map { HSDSRecord(table: key.table, id: key.id, fields: $0) } }
            // A row whose every envelope arrived in this batch has never been shown: nothing to read or replace.
            let current =
                onlyFresh
                ? nil
                : try Row.fetchOne(
                    db.cachedStatement(sql: "SELECT body, publisher FROM record WHERE tbl = ? AND id = ?"), arguments: [key.table, key.id])
            if let visible {
                let body =
                    latest.flatMap { l in arrivedHere.first { $0.id == l.envelopeID }?.body } ?? String(decoding: visible.canonicalBytes, as: UTF8.self)
                let ownerHex = publisherHex[ByteKey(owner)] ?? hexString(owner)
                publisherHex[ByteKey(owner)] = ownerHex
                if current?["body"] as String? == body && current?["publisher"] as String? == ownerHex { continue }
                report.rowsChanged += 1
                if let current, let oldBody = current["body"] as String? {
                    dirty.append(contentsOf: [key.table, key.id, oldBody])
                    try writeRow(db, visible, body: body, publisher: ownerHex, storedAt: storedAt, replacing: oldBody)
                    continue
                }
                // Appended one by one: an array literal here would be a heap array per row.
                dirty.append(key.table)
                dirty.append(key.id)
                dirty.append(nil)
                inserted.append(key.table)
                inserted.append(key.id)
                inserted.append(ownerHex)
                inserted.append(body)
                inserted.append(storedAt)
                for (field, value) in visible.foreignKeys {
                    newLinks.append(value)
                    newLinks.append(key.table)
                    newLinks.append(field)
                    newLinks.append(key.id)
                }
            } else if let current, let oldBody = current["body"] as String? {
                dirty.append(contentsOf: [key.table, key.id, oldBody])
                try deleteRow(db, table: key.table, id: key.id, body: oldBody)
                report.rowsChanged += 1
            }
        }
        try insertMany(db, "INSERT OR IGNORE INTO dirty_row (tbl, id, old_body) VALUES", columns: 3, dirty)
        try insertMany(
            db, "INSERT INTO record (tbl, id, publisher, body, stored_at) VALUES", columns: 5, inserted,
            then: "ON CONFLICT(tbl, id) DO UPDATE SET publisher = excluded.publisher, body = excluded.body, stored_at = excluded.stored_at")
        try insertMany(db, "INSERT OR IGNORE INTO record_link (value, tbl, field, id) VALUES", columns: 4, newLinks)
    }

    /// An envelope of a directory row, as the fold needs it.
    struct HeldEnvelope {
        var id: [UInt8]
        var author: [UInt8]
        var clock: UInt64
    }

    /// The stored envelopes of each row (rows with none are present with an empty list).
    static func envelopesOfRows(_ db: Database, _ rows: Set<RowKey>) throws -> [RowKey: [HeldEnvelope]] {
        var held: [RowKey: [HeldEnvelope]] = [:]
        held.reserveCapacity(rows.count)
        for key in rows { held[key] = [] }
        try forEachEnvelope(db, matching: ("row_table", "row_id"), rows.map { ($0.table, $0.id) }, selecting: "e.row_table, e.row_id, e.id, e.author, e.clock") { row in
            held[RowKey(table: row[0], id: row[1]), default: []].append(
                HeldEnvelope(id: [UInt8](row[2] as Data), author: [UInt8](row[3] as Data), clock: UInt64(bitPattern: row[4] as Int64)))
        }
        return held
    }

    /// Calls `body` with each stored envelope (as `e`, its `selecting` columns) whose two `matching`
    /// columns equal one of `pairs`, a few hundred pairs to a statement: a join with the list (not
    /// `IN`), so that each pair is one lookup in the index over those columns.
    static func forEachEnvelope(
        _ db: Database, matching columns: (String, String), _ pairs: [(any DatabaseValueConvertible, any DatabaseValueConvertible)],
        selecting: String, _ body: (Row) throws -> Void
    ) throws {
        for part in pairs.chunked(by: 256) {
            let sql =
                "SELECT \(selecting) FROM (VALUES " + Array(repeating: "(?, ?)", count: part.count).joined(separator: ", ")
                + ") AS k JOIN envelope e ON e.\(columns.0) = k.column1 AND e.\(columns.1) = k.column2"
            var arguments: [(any DatabaseValueConvertible)?] = []
            arguments.reserveCapacity(part.count * 2)
            for (a, b) in part { arguments += [a, b] }
            let cursor = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: StatementArguments(arguments))
            while let row = try cursor.next() { try body(row) }
        }
    }

    /// Inserts rows (`values` holds `columns` values a row) a hundred to a statement.
    static func insertMany(_ db: Database, _ head: String, columns: Int, _ values: [(any DatabaseValueConvertible)?], then tail: String = "") throws {
        let perStatement = 100
        let row = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
        var start = 0
        while start < values.count {
            let end = min(values.count, start + perStatement * columns)
            let sql = head + " " + Array(repeating: row, count: (end - start) / columns).joined(separator: ", ") + " " + tail
            try db.cachedStatement(sql: sql).execute(arguments: StatementArguments(Array(values[start..<end])))
            start = end
        }
    }

    static func logRejection(
        _ db: Database, peer: String, id: [UInt8]?, author: [UInt8]?, _ r: IngestReport.Rejected, now: UInt64, logOnly: Bool = false
    ) throws {
        try db.execute(
            sql: "INSERT INTO rejection (at, peer, envelope_id, author, reason, detail) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [Int64(now), peer, id.map { Data($0) }, author.map { Data($0) }, r.reason.rawValue, r.detail])
        if !logOnly { try db.execute(sql: "UPDATE peer SET rejections = rejections + 1 WHERE url = ?", arguments: [peer]) }
        try db.execute(
            sql: "DELETE FROM rejection WHERE id <= (SELECT max(id) FROM rejection) - ?", arguments: [rejectionLogLimit])
    }

    static func bumpLedgerVersion(_ db: Database) throws {
        let v = Int(try setting(db, "ledger_version") ?? "0") ?? 0
        try setSetting(db, "ledger_version", String(v + 1))
    }

    static func setting(_ db: Database, _ key: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM node_setting WHERE key = ?", arguments: [key])
    }

    // MARK: Publishing

    /// Signs payloads as a chain: each envelope depends on the author's previous one; the first also
    /// on the newest heads this node holds. Clocks follow the hybrid-logical-clock rule.
    /// An envelope about to be signed: public (no recipients) or private (encrypted to `recipients`,
    /// X25519 public keys, in a circle's scope).
    struct PlannedEnvelope {
        var kind: Envelope.Kind
        var scope = "public"
        var payload: [UInt8]
        var recipients: [[UInt8]] = []
    }

    static func signChain(_ db: Database, _ payloads: [(Envelope.Kind, [UInt8])], identity: NodeIdentity, nowMilliseconds: UInt64) throws
        -> [VerifiedEnvelope]
    {
        try signChain(db, planned: payloads.map { PlannedEnvelope(kind: $0.0, payload: $0.1) }, identity: identity, nowMilliseconds: nowMilliseconds)
    }

    /// Signs envelopes as the next links of this node's chain, depending on the current heads.
    static func signChain(_ db: Database, planned payloads: [PlannedEnvelope], identity: NodeIdentity, nowMilliseconds: UInt64) throws
        -> [VerifiedEnvelope]
    {
        guard !payloads.isEmpty else { return [] }
        if try setting(db, resyncSetting) == "1" {
            throw PublishError(
                description:
                    "this node was restored from a backup: it signs nothing until it has synced with a peer (start `waymark serve`, or run `waymark sync`) and taken back what it signed after the backup"
            )
        }
        let me = Data(identity.signingPublicKey)
        let inForce = try keyInForce(db, author: identity.signingPublicKey)
        guard inForce == identity.signerPublicKey else {
            throw PublishError(
                description:
                    "this key (\(NodeIdentity.fingerprint(of: identity.signerPublicKey))) has handed over to another; the organisation signs with \(NodeIdentity.fingerprint(of: inForce)) now"
            )
        }
        // The own chain goes on from the newest envelope that leaves the next one to the key signing
        // now (§9.6): after a hand-over, a longer branch signed by an earlier key on a fork is not
        // this node's to continue (its next envelope there would be refused as `wrong-signer`).
        let last = try Row.fetchOne(
            db,
            sql: "SELECT id, sequence, clock FROM envelope WHERE author = ? AND coalesce(next_signer, author) = ? ORDER BY sequence DESC LIMIT 1",
            arguments: [me, Data(identity.signerPublicKey)])
        var sequence = UInt64((last?["sequence"] as Int64?) ?? 0)
        // Other authors' newest envelopes, as dependencies, leaving out any dated further ahead of this
        // node's clock than the horizon (§3.3): depending on one would date this node's envelope after
        // it, and carry one fast clock into every node's.
        let horizon = HybridClock.pack(milliseconds: nowMilliseconds + dependencyHorizonMilliseconds, counter: .max)
        var clock = HybridClock()
        var deps: [[UInt8]] = []
        // CROSS JOIN keeps the few heads as the outer loop: left to itself, SQLite walked every
        // envelope in clock order looking for heads, reading the whole ledger on each publish.
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT h.id, e.clock FROM envelope_head h CROSS JOIN envelope e ON e.id = h.id
                WHERE e.author <> ? AND e.clock <= ? ORDER BY e.clock DESC LIMIT \(Envelope.Limits.dependencies - 1)
                """, arguments: [me, Int64(bitPattern: min(horizon, UInt64(Int64.max)))])
        {
            deps.append([UInt8](row["id"] as Data))
            clock.observe(UInt64(bitPattern: row["clock"] as Int64))
        }
        if let prev = last?["id"] as Data? {
            deps.append([UInt8](prev))
            // The own chain stays in clock order too, unless this node's clock ran fast before and was
            // put right: then it goes back to the right time (its chain is ordered by sequence).
            let prevClock = UInt64(bitPattern: (last?["clock"] as Int64?) ?? 0)
            if prevClock <= horizon { clock.observe(prevClock) }
        }
        var out: [VerifiedEnvelope] = []
        // The index of each sealed record in its circle (§8.10), counted on through this call's records.
        func sealedIndex(_ circle: String, tagKey: [UInt8]) throws -> UInt32 {
            let index = try nextSealedIndex(db, circle: circle, author: identity.signingPublicKey, tagKey: tagKey)
            try wroteSealed(db, circle: circle, author: identity.signingPublicKey, index: index)
            return index
        }
        for p in payloads {
            sequence += 1
            // Dated after what it replaces, without carrying that date on to the envelopes after it.
            var own = clock
            own.observe(try supersededClock(db, p, author: me, nowMilliseconds: nowMilliseconds))
            let tick = own.tick(nowMilliseconds: nowMilliseconds)
            if tick <= horizon { clock.observe(tick) }
            if HybridClock.milliseconds(tick) > AdmissionRules.latestClockMilliseconds {
                throw PublishError(description: "this envelope would be dated after the year 4199, after an envelope it replaces: check the clocks")
            }
            let e =
                p.recipients.isEmpty
                ? EnvelopeCrypto.sign(kind: p.kind, scope: p.scope, payload: p.payload, by: identity, sequence: sequence, dependencies: deps, clock: tick)
                : p.kind.isPrivate && Circle(scope: p.scope) != nil
                ? try SealedEnvelope.sign(
                    frame: try {
                        let tagKey = try circleTagKey(db, circle: p.scope, identity: identity)
                        return SealedFrame(
                            kind: p.kind, circle: p.scope, tagKey: tagKey, index: try sealedIndex(p.scope, tagKey: tagKey), recipientKeyIDs: [], body: p.payload)
                    }(),
                    recipients: p.recipients, by: identity, sequence: sequence, dependencies: deps, clock: tick
                ).envelope
                : try PrivateEnvelope.sign(
                    kind: p.kind, scope: p.scope, plaintext: p.payload, recipients: p.recipients, by: identity, sequence: sequence,
                    dependencies: deps, clock: tick
                ).envelope
            let id = EnvelopeCrypto.id(of: e)
            out.append(VerifiedEnvelope(envelope: e, id: id, wire: e.encoded()))
            deps = [id]
        }
        return out
    }

    /// How far ahead of this node's clock another author's envelope may be dated and still be
    /// depended on (and so date this node's next envelope after it): §3.3.
    static let dependencyHorizonMilliseconds: UInt64 = 5 * 60 * 1000

    /// How far ahead of this node's clock another member's record in a circle may be dated and still
    /// date this node's next record in the circle after it (§8.10).
    static let circleClockAheadMilliseconds: UInt64 = 20 * 60 * 1000

    /// The newest clock of what a planned envelope replaces or acts on, which it must be dated after
    /// whatever this node's clock says (§3.3): the author's own envelopes for the same directory row,
    /// its own earlier node records, every envelope of the same circle, and the vouches for a key
    /// being removed. 0 when there are none.
    ///
    /// In a circle, another member's record dated more than 20 minutes ahead of this node's clock
    /// (further than any two nodes that sync can be apart: 15 minutes for a signed request, and the
    /// horizon) is left out; the owner's records and this node's own always count. A record a member
    /// dated far ahead would otherwise date the circle's later records after it, and show relays which
    /// sealed records belong together (§8.10).
    static func supersededClock(_ db: Database, _ p: PlannedEnvelope, author me: Data, nowMilliseconds: UInt64 = 0) throws -> UInt64 {
        let newest: Int64?
        switch p.kind {
        case _ where p.scope != "public":
            let ahead = Int64(bitPattern: min(HybridClock.pack(milliseconds: nowMilliseconds + circleClockAheadMilliseconds, counter: .max), UInt64(Int64.max)))
            let owner = Data(bytesFromHex(p.scope.split(separator: ":").dropFirst().first.map(String.init) ?? "") ?? [])
            let clear = try Int64.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT max(clock) FROM envelope WHERE scope = ? AND scope <> 'public' AND (clock <= ? OR author = ? OR substr(author, 1, 16) = ?)
                        """), arguments: [p.scope, ahead, me, owner])
            let sealed = try Int64.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT max(e.clock) FROM sealed_envelope s JOIN envelope e ON e.id = s.id
                        WHERE s.circle = ? AND (e.clock <= ? OR e.author = ? OR substr(e.author, 1, 16) = ?)
                        """), arguments: [p.scope, ahead, me, owner])
            newest = [clear, sealed].compactMap { $0 }.max()
        case .directoryRecord, .directoryTombstone:
            guard let row = try? DirectoryPayload.decode(p.payload) else { return 0 }
            newest = try Int64.fetchOne(
                db.cachedStatement(sql: "SELECT max(clock) FROM envelope WHERE author = ? AND row_table = ? AND row_id = ?"),
                arguments: [me, row.table, row.id])
        case .nodeRecord:
            newest = try Int64.fetchOne(db.cachedStatement(sql: "SELECT max(clock) FROM envelope WHERE author = ? AND kind = 1"), arguments: [me])
        case .memberRemoval:
            guard let removal = try? Membership.Removal.decode(p.payload) else { return 0 }
            newest = try Int64.fetchOne(
                db.cachedStatement(sql: "SELECT max(clock) FROM member_vouch WHERE member = ?"), arguments: [Data(removal.member)])
        default:
            newest = nil
        }
        return newest.map { UInt64(bitPattern: $0) } ?? 0
    }

    /// Who owns a row by the merge rule (§3.2): the author of its earliest claim by (claim clock, id),
    /// leaving out removed members and counting each claim from its author's admission — the same
    /// answer the directory fold gives, so no backdated claim can block the real owner's edits.
    static func ownerOfRow(_ db: Database, table: String, id: String, roster: Membership.Roster? = nil) throws -> [UInt8]? {
        let roster = try roster ?? Self.roster(db)
        var best: (claim: UInt64, id: [UInt8], author: [UInt8])?
        for row in try Row.fetchAll(db, sql: "SELECT id, author, clock FROM envelope WHERE row_table = ? AND row_id = ?", arguments: [table, id]) {
            let author = [UInt8](row["author"] as Data)
            if roster.removedAt[ByteKey(author)] != nil { continue }
            let claim = DirectoryFold.claimClock(clock: UInt64(bitPattern: row["clock"] as Int64), admittedAt: roster.admittedAt(author) ?? 0)
            let eid = [UInt8](row["id"] as Data)
            if best.map({ isBefore((claim, eid), ($0.claim, $0.id)) }) ?? true { best = (claim, eid, author) }
        }
        return best?.author
    }

    /// The author's newest node record (found through the partial `envelope_node_record` index).
    static func ownNodeRecord(_ db: Database, author: [UInt8]) throws -> [UInt8]? {
        try Data.fetchOne(
            db, sql: "SELECT wire FROM envelope WHERE author = ? AND kind = 1 ORDER BY clock DESC LIMIT 1", arguments: [Data(author)]
        ).map { [UInt8]($0) }
    }

    // MARK: Reading the ledger

    /// Counts for the admin page and `/metrics`.
    public struct LedgerCounts: Sendable {
        public var envelopes = 0
        public var pending = 0
        public var forkedAuthors = 0
        public var knownNodes = 0
        public var heads = 0
        public var rejections = 0
    }

    /// A node this one has learned of from its signed node record.
    /// A member's node as its node record gives it (a row of `known_node`).
    public struct KnownNode: Sendable, FetchableRecord {
        public var author: [UInt8]
        public var organizationID: String
        public var organizationName: String
        public var url: String
        public var fingerprint: String { NodeIdentity.fingerprint(of: author) }

        public init(row: Row) {
            author = [UInt8](row["author"] as Data)
            organizationID = row["organization_id"]
            organizationName = row["organization_name"]
            url = row["url"]
        }
    }

    /// The nodes of current members, from their signed node records, named as their vouch names them
    /// (a node record cannot borrow another member's name). Nodes of removed keys are left out.
    public func knownNodes() throws -> [KnownNode] {
        try writer.read { db in
            let roster = try Self.roster(db)
            return try KnownNode.fetchAll(db, sql: "SELECT * FROM known_node ORDER BY organization_name").compactMap { node -> KnownNode? in
                guard roster.isCurrentMember(node.author) else { return nil }
                var named = node
                if let vouched = roster.members[ByteKey(node.author)]?.organizationName, !vouched.isEmpty { named.organizationName = vouched }
                return named
            }.sorted { ($0.organizationName, $0.fingerprint) < ($1.organizationName, $1.fingerprint) }
        }
    }

    /// One entry of the rejection log.
    /// A row of `rejection`, ids and keys as an admin reads them (hex, fingerprint).
    public struct RejectionEntry: Sendable, FetchableRecord {
        public var at: UInt64
        public var peer: String
        public var envelopeID: String
        public var author: String
        public var reason: String
        public var detail: String

        public init(row: Row) {
            at = UInt64(row["at"] as Int64)
            peer = row["peer"]
            envelopeID = (row["envelope_id"] as Data?).map { hexString([UInt8]($0)) } ?? ""
            author = (row["author"] as Data?).map { NodeIdentity.fingerprint(of: [UInt8]($0)) } ?? ""
            reason = row["reason"]
            detail = row["detail"]
        }
    }

}

/// How a batch moves the heads (envelopes nothing depends on yet), written once at the end of the batch.
final class HeadChanges {
    private var removed = Set<ByteKey>()
    private var added: [[UInt8]] = []

    func accepted(_ id: [UInt8], dependencies: [[UInt8]]) {
        for d in dependencies { removed.insert(ByteKey(d)) }
        added.append(id)
    }

    func write(_ db: Database) throws {
        // An envelope accepted in this batch has no head row yet: only older heads need deleting.
        let addedNow = Set(added.map(ByteKey.init))
        for d in removed where !addedNow.contains(d) {
            try db.cachedStatement(sql: "DELETE FROM envelope_head WHERE id = ?").execute(arguments: [Data(d.bytes)])
        }
        for id in added where !removed.contains(ByteKey(id)) {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO envelope_head (id) VALUES (?)").execute(arguments: [Data(id)])
        }
        removed.removeAll()
        added.removeAll()
    }
}
