import Foundation
#if canImport(Glibc)
    import Glibc
#endif
import GRDB
import Synchronization
import WaymarkCore
import WaymarkCrypto

/// The node's ledger of signed envelopes (`envelope`, `pending`, `rejection`, `author_usage`):
/// publishing this organisation's records as a signed chain, taking in what peers send (verify,
/// judge against the causal past and the member set, store, fold), and what sync reads back
/// (reconciliation items, envelopes by id, counts, forks, rejections, storage per member).
/// Reached as `NodeDatabase.ledger`; the admission's SQL side is in `LedgerAdmission.swift`.
public struct Ledger: Sendable {
    let database: NodeDatabase
    var writer: any DatabaseWriter { database.writer }

    /// What each member's envelopes take on this node, largest first (`waymark member list`, `/staff/sync`).
    public func storageByAuthor() throws -> [(author: [UInt8], bytes: UInt64, envelopes: Int)] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT author, cost, envelopes FROM author_usage ORDER BY cost DESC").map {
                ([UInt8]($0["author"] as Data), UInt64($0["cost"] as Int64), $0["envelopes"] as Int)
            }
        }
    }

    /// Sets the storage quota per author (`waymark serve --author-quota-mib`, `waymark member quota --mib`).
    /// - Returns: false, changing nothing, when `mib` is outside `authorQuotaMiB`.
    public func setAuthorQuota(mib: UInt64) throws -> Bool {
        guard NodeDatabase.authorQuotaMiB.contains(mib) else { return false }
        try database.setSetting(NodeDatabase.authorQuotaSetting, String(mib << 20))
        return true
    }

    /// The storage quota per author in bytes.
    public func authorQuota() throws -> UInt64 { try writer.read { db in try NodeDatabase.admissionLimits(db).storedBytesPerAuthor } }

    /// Verifies envelopes, judges them against what this node holds, and stores and folds in the good
    /// ones, all in one transaction. Bad envelopes are logged with their reason and change nothing.
    /// - Parameters:
    ///   - wires: envelopes in wire form.
    ///   - peer: who sent them (a URL or a key fingerprint), for the log.
    ///   - nowMilliseconds: the wall clock, for the far-future rule.
    ///   - refreshingDocuments: bring the service documents and search index up to date in the same
    ///     transaction; a sync session passes `false` for each batch and calls `refreshDocuments()` once at the end.
    public func ingest(_ wires: [[UInt8]], from peer: String, nowMilliseconds: UInt64, refreshingDocuments: Bool = true) throws -> IngestReport {
        try database.ingestVerified(
            NodeDatabase.verifyAll(wires, opener: database.opener.withLock { $0 }), from: peer, nowMilliseconds: nowMilliseconds,
            refreshingDocuments: refreshingDocuments)
    }

    /// Takes in several batches, one transaction each, verifying the next batch on the other cores
    /// while the current one is written; then refreshes the documents once (unless told not to).
    /// - Returns: the reports of the batches, added up.
    public func ingest(batches: [[[UInt8]]], from peer: String, nowMilliseconds: UInt64, refreshingDocuments: Bool = true) throws -> IngestReport {
        let pipeline = IngestPipeline(database: database, peer: peer)
        var total = IngestReport()
        for batch in batches { total.add(try pipeline.add(batch, nowMilliseconds: nowMilliseconds)) }
        total.add(try pipeline.finish(nowMilliseconds: nowMilliseconds))
        if refreshingDocuments { try database.refreshDocuments() }
        return total
    }

    /// Copies the write-ahead log back into the database file and truncates it.
    /// - Returns: whether that was done (not when another connection was reading or writing meanwhile).
    @discardableResult
    public func truncateLog() throws -> Bool {
        try writer.writeWithoutTransaction { db in try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)")?[0] as Int? } == 0
    }

    /// After a session that took in many envelopes: the write-ahead log is copied back into the
    /// database file and truncated (it had grown to tens of MiB), and SQLite's caches are emptied, so
    /// that a node that has just taken in a whole directory goes back to its idle size.
    public func settleAfterLargeIngest() throws {
        try truncateLog()
        // The writer reads through a mapping of the file, and a whole directory taken in leaves all
        // of it mapped (counted as the node's resident memory, about 190 MiB at 10,000 services):
        // unmapped here, it maps again as it reads, page by page.
        try writer.writeWithoutTransaction { db in try NodeDatabase.unmapFile(db) }
        (writer as? DatabasePool)?.releaseMemory()
        FreedMemory.giveBack()
    }

    /// Publishes rows as this node's organisation: each new or changed row becomes a signed envelope,
    /// stored and folded in one transaction. Unchanged rows publish nothing.
    /// - Throws: `PublishError` when a row belongs to another organisation's node; nothing is published then.
    @discardableResult
    public func publish(
        _ records: [HSDSRecord], deleting: [(table: String, id: String)] = [], identity: NodeIdentity, nowMilliseconds: UInt64
    ) throws -> ImportSummary {
        try writer.write { db in
            let me = identity.signingPublicKey
            let meHex = hexString(me)
            var summary = ImportSummary()
            var payloads: [(Envelope.Kind, DirectoryPayload)] = []
            let roster = try NodeDatabase.roster(db)
            for r in records {
                summary.byTable[r.table, default: 0] += 1
                let current = try Row.fetchOne(db, sql: "SELECT body, publisher FROM record WHERE tbl = ? AND id = ?", arguments: [r.table, r.id])
                if let current, (current["publisher"] as String) != meHex {
                    throw PublishError(description: "\(r.table) \(r.id) is published by another organisation's node; only its publisher can change it")
                }
                if let owner = try NodeDatabase.ownerOfRow(db, table: r.table, id: r.id, roster: roster), owner != me {
                    throw PublishError(description: "\(r.table) \(r.id) belongs to another organisation's node; only its publisher can change it")
                }
                let body = String(decoding: r.canonicalBytes, as: UTF8.self)
                if (current?["body"] as String?) == body {
                    summary.unchanged += 1
                    continue
                }
                if current == nil { summary.inserted += 1 } else { summary.updated += 1 }
                payloads.append((.directoryRecord, DirectoryPayload(table: r.table, id: r.id, fields: r.fields)))
            }
            for d in deleting {
                let current = try Row.fetchOne(db, sql: "SELECT publisher FROM record WHERE tbl = ? AND id = ?", arguments: [d.table, d.id])
                guard let current else { continue }
                guard (current["publisher"] as String) == meHex else {
                    throw PublishError(description: "\(d.table) \(d.id) is published by another organisation's node; only its publisher can delete it")
                }
                payloads.append((.directoryTombstone, DirectoryPayload(table: d.table, id: d.id, fields: nil)))
            }
            let encoded = payloads.map { ($0.0, $0.1.encoded()) }
            for (i, (kind, bytes)) in encoded.enumerated() where UInt64(bytes.count) > AdmissionRules.maximumPayload(kind) {
                throw PublishError(
                    description: "\(payloads[i].1.table) \(payloads[i].1.id) is \(bytes.count) bytes, over the \(AdmissionRules.maximumPayload(kind) >> 10) KiB a record may have; nothing was published")
            }
            let envelopes = try NodeDatabase.signChain(db, encoded, identity: identity, nowMilliseconds: nowMilliseconds)
            var report = IngestReport()
            try NodeDatabase.admit(db, envelopes, peer: "self", nowMilliseconds: nowMilliseconds, report: &report)
            if let problem = report.rejected.first {
                throw PublishError(description: "could not publish: \(problem.reason.rawValue): \(problem.detail)")
            }
            try NodeDatabase.refreshDerived(db)
            summary.services = try Int.fetchOne(db, sql: "SELECT count(*) FROM service_doc") ?? 0
            return summary
        }
    }

    /// Publishes this node's record (organisation, URL, encryption key) if it differs from the last one.
    /// - Returns: whether a new node record was published.
    @discardableResult
    public func publishNodeRecord(_ record: NodeRecord, identity: NodeIdentity, nowMilliseconds: UInt64) throws -> Bool {
        try writer.write { db in
            let payload = record.encoded()
            if let last = try NodeDatabase.ownNodeRecord(db, author: identity.signingPublicKey), let e = try? Envelope.decode(last), e.payload == payload {
                return false
            }
            let envelopes = try NodeDatabase.signChain(db, [(.nodeRecord, payload)], identity: identity, nowMilliseconds: nowMilliseconds)
            var report = IngestReport()
            try NodeDatabase.admit(db, envelopes, peer: "self", nowMilliseconds: nowMilliseconds, report: &report)
            if let problem = report.rejected.first { throw PublishError(description: "\(problem.reason.rawValue): \(problem.detail)") }
            return true
        }
    }

    /// This node's latest node record, in wire form.
    public func nodeRecordEnvelope(author: [UInt8]) throws -> [UInt8]? {
        try writer.read { db in try NodeDatabase.ownNodeRecord(db, author: author) }
    }

    /// A number that changes whenever an envelope is accepted.
    public func version() throws -> Int {
        try writer.read { db in Int(try NodeDatabase.setting(db, "ledger_version") ?? "0") ?? 0 }
    }

    /// Every held envelope as (clock, id), for reconciliation.
    public func reconciliationItems() throws -> [RangeReconciler.Item] {
        try writer.read { db in
            var out: [RangeReconciler.Item] = []
            let rows = try Row.fetchCursor(db, sql: "SELECT clock, id FROM envelope ORDER BY clock, id")
            while let row = try rows.next() {
                out.append(.init(timestamp: UInt64(bitPattern: row["clock"] as Int64), id: [UInt8](row["id"] as Data)))
            }
            return out
        }
    }

    /// Held envelopes in wire form, for the ids asked for that this node holds, in the order this node
    /// took them in (so that a batch a peer takes in brings each envelope's dependencies before it:
    /// clock order does not always, since an author's chain may go back in time after its clock was
    /// put right, `Protocol/SPEC.md` §3.3). An id may be
    /// given whole (32 bytes) or as a prefix (as reconciliation reports what a node needs).
    /// - Parameter maximumBytes: stop before the envelopes read add up to more than this.
    public func envelopes(_ ids: [[UInt8]], maximumBytes: Int = .max) throws -> [[UInt8]] {
        try writer.read { db in
            var out: [(seq: Int64, wire: [UInt8])] = []
            var total = 0
            for id in ids where !id.isEmpty && id.count <= 32 {
                if total >= maximumBytes { break }
                let rows: [Row]
                if id.count == 32 {
                    rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT seq, wire FROM envelope WHERE id = ?"), arguments: [Data(id)])
                } else {
                    let low = Data(id + [UInt8](repeating: 0, count: 32 - id.count))
                    let high = Data(id + [UInt8](repeating: 0xFF, count: 32 - id.count))
                    rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT seq, wire FROM envelope WHERE id BETWEEN ? AND ? LIMIT 4"), arguments: [low, high])
                }
                for row in rows {
                    let wire = [UInt8](row[1] as Data)
                    out.append((row[0], wire))
                    total += wire.count
                }
            }
            return out.sorted { $0.seq < $1.seq }.map(\.wire)
        }
    }

    /// The erasures that explain the envelopes among `wires` held without their payload (§3.1 rule
    /// 4c), those not among `wires` already: a fetch answer or a push carries them with the stripped
    /// copies, so that a node catching up takes the copies in whichever batch they come in (the
    /// erasure comes after them in its author's chain, often batches later).
    public func erasures(explaining wires: [[UInt8]]) throws -> [[UInt8]] {
        try writer.read { db in
            var ids: [Data] = []
            var sent = Set<Data>()
            for w in wires {
                guard let e = try? Envelope.decode(w) else { continue }
                sent.insert(Data(EnvelopeCrypto.id(of: e)))
                guard e.payload == nil else { continue }
                let h = e.header
                if h.kind.isPrivate {
                    if let id = try Data.fetchOne(db.cachedStatement(sql: "SELECT erasure FROM erased_circle WHERE circle = ?"), arguments: [h.scope]) {
                        ids.append(id)
                    }
                } else if h.kind == .sealed, let tag = h.erasureTag,
                    let key = try Data.fetchOne(db.cachedStatement(sql: "SELECT tag_key FROM erased_tag WHERE tag = ?"), arguments: [Data(tag)]),
                    let id = try Data.fetchOne(
                        db.cachedStatement(sql: "SELECT erasure FROM erased_circle WHERE tag_keys IS NOT NULL AND instr(tag_keys, ?) > 0"), arguments: [key])
                {
                    ids.append(id)
                }
            }
            var out: [[UInt8]] = []
            for id in ids where sent.insert(id).inserted {
                if let wire = try Data.fetchOne(db.cachedStatement(sql: "SELECT wire FROM envelope WHERE id = ?"), arguments: [id]) { out.append([UInt8](wire)) }
            }
            return out
        }
    }

    public func counts() throws -> NodeDatabase.LedgerCounts {
        try writer.read { db in
            var c = NodeDatabase.LedgerCounts()
            c.envelopes = try Int.fetchOne(db, sql: "SELECT count(*) FROM envelope") ?? 0
            c.pending = try Int.fetchOne(db, sql: "SELECT count(*) FROM pending_envelope") ?? 0
            c.forkedAuthors = try Int.fetchOne(db, sql: "SELECT count(DISTINCT author) FROM fork") ?? 0
            c.knownNodes = try Int.fetchOne(db, sql: "SELECT count(*) FROM known_node") ?? 0
            c.heads = try Int.fetchOne(db, sql: "SELECT count(*) FROM envelope_head") ?? 0
            c.rejections = try Int.fetchOne(db, sql: "SELECT count(*) FROM rejection") ?? 0
            return c
        }
    }

    public func rejections(limit: Int = 50) throws -> [NodeDatabase.RejectionEntry] {
        try writer.read { db in
            try NodeDatabase.RejectionEntry.fetchAll(db, sql: "SELECT * FROM rejection ORDER BY id DESC LIMIT ?", arguments: [limit])
        }
    }

    /// Authors who signed two envelopes with one sequence number, with how many such numbers.
    public func forkedAuthors() throws -> [(fingerprint: String, sequences: Int)] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT author, count(DISTINCT sequence) AS n FROM fork GROUP BY author").map {
                (NodeIdentity.fingerprint(of: [UInt8]($0["author"] as Data)), $0["n"] as Int)
            }
        }
    }
}

extension NodeDatabase {
    /// The ledger of signed envelopes.
    public var ledger: Ledger { Ledger(database: self) }
}
