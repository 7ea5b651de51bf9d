import Foundation
import GRDB
import WaymarkCore
import WaymarkCrypto

/// A client as staff see them.
public struct ClientSummary: Sendable, Equatable {
    public var id: String
    /// The scope of every private record about this client (`Protocol/SPEC.md` §8.1).
    public var circle: String
    public var record: ClientRecord
    public var createdAt: UInt64
    public var updatedAt: UInt64
    /// The member of staff whose caseload the client is on (username), if anyone's.
    public var worker: String?
}

/// Clients on their home organisation's node. Each client's record is sealed (XChaCha20-Poly1305)
/// under a key of its own; that key is stored wrapped under the node's local data key, which is
/// derived from the node's secret key file and never stored in the database. Erasing a client
/// deletes the key and the record with SQLite's `secure_delete` on and checkpoints the WAL, so the
/// bytes do not linger in the file. Every read and change is written to the audit log by whom.
extension NodeDatabase {
    static func clientAD(_ id: String) -> [UInt8] { Array("waymark/client/v1".utf8) + [0] + Array(id.utf8) }
    static func clientKeyAD(_ id: String) -> [UInt8] { Array("waymark/client-key/v1".utf8) + [0] + Array(id.utf8) }

    /// Registers a client and opens their circle.
    /// - Returns: the new client's id.
    /// The client goes on `worker`'s caseload, by default the caseload of whoever registers them.
    public func createClient(_ record: ClientRecord, identity: NodeIdentity, by username: String, worker: String? = nil, nowMilliseconds now: UInt64) throws
        -> String
    {
        if let p = record.problem { throw p }
        let id = "client-" + Tokens.random(bytes: 8)
        let circle = Circle(owner: identity.signingPublicKey, random: SecureRandom.bytes(12))
        let key = SecretBox.newKey()
        let wrapped = try SecretBox.seal(key, key: identity.localDataKey, associatedData: Self.clientKeyAD(id))
        let sealed = try SecretBox.seal(record.encoded(), key: key, associatedData: Self.clientAD(id))
        try writer.write { db in
            try db.execute(
                sql: "INSERT INTO client (id, circle, sealed, created_at, updated_at, worker) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [id, circle.scope, Data(sealed), Int64(now), Int64(now), try Self.caseloadHolder(db, worker ?? username)])
            try db.execute(sql: "INSERT INTO client_key (client_id, wrapped) VALUES (?, ?)", arguments: [id, Data(wrapped)])
            try AuditLog.record(db, username, "create client", subject: id, now: now)
        }
        return id
    }

    /// Changes a client's record.
    public func updateClient(id: String, _ record: ClientRecord, identity: NodeIdentity, by username: String, nowMilliseconds now: UInt64) throws {
        if let p = record.problem { throw p }
        try writer.write { db in
            guard let key = try Self.clientKey(db, id: id, identity: identity) else { throw Self.noSuchClient }
            let sealed = try SecretBox.seal(record.encoded(), key: key, associatedData: Self.clientAD(id))
            try db.execute(sql: "UPDATE client SET sealed = ?, updated_at = ? WHERE id = ?", arguments: [Data(sealed), Int64(now), id])
            try AuditLog.record(db, username, "update client", subject: id, now: now)
        }
    }

    /// A member of staff who may hold a caseload (not a champion, not disabled), or nil.
    static func caseloadHolder(_ db: Database, _ username: String) throws -> String? {
        try String.fetchOne(
            db, sql: "SELECT username FROM staff_user WHERE username = ? AND disabled = 0 AND role IN (?, ?)",
            arguments: [username, StaffRole.admin.rawValue, StaffRole.caseworker.rawValue])
    }

    /// Puts a client on a member of staff's caseload (nil: on no one's).
    public func setClientWorker(id: String, worker: String?, by username: String, nowMilliseconds now: UInt64) throws {
        try writer.write { db in
            let holder = try worker.flatMap { try Self.caseloadHolder(db, $0) }
            if worker != nil, holder == nil { throw JourneyError(.taskAssignee, field: "worker") }
            try db.execute(sql: "UPDATE client SET worker = ? WHERE id = ?", arguments: [holder, id])
            guard db.changesCount == 1 else { throw Self.noSuchClient }
            try AuditLog.record(db, username, "assign key worker", subject: id, detail: holder ?? "none", now: now)
        }
    }

    /// The clients (ids) a caseload filter keeps: on `worker`'s caseload, with a referral in one of
    /// `statuses` (either way), with an open task due on or before `taskDueBy`. Nil when no filter is set.
    public func clientIDs(worker: String?, statuses: Set<ReferralStatus>, taskDueBy: String?) throws -> Set<String>? {
        guard worker != nil || !statuses.isEmpty || taskDueBy != nil else { return nil }
        return try writer.read { db in
            var sql = "SELECT c.id FROM client c WHERE 1"
            var args: [(any DatabaseValueConvertible)?] = []
            if let worker { sql += " AND c.worker = ?"; args.append(worker) }
            if !statuses.isEmpty {
                sql += " AND EXISTS (SELECT 1 FROM referral_index r WHERE r.circle = c.circle AND r.status IN (\(statuses.map { _ in "?" }.joined(separator: ","))))"
                args += statuses.map(\.rawValue).sorted()
            }
            if let taskDueBy {
                sql += " AND EXISTS (SELECT 1 FROM task t WHERE t.client_id = c.id AND t.done_at IS NULL AND t.due_on <= ?)"
                args.append(taskDueBy)
            }
            return Set(try String.fetchAll(db, sql: sql, arguments: StatementArguments(args)))
        }
    }

    /// One client, read by a staff member (logged).
    public func client(id: String, identity: NodeIdentity, by username: String, nowMilliseconds now: UInt64) throws -> ClientSummary? {
        try writer.write { db in
            guard let c = try Self.readClients(db, identity: identity, id: id).first else { return nil }
            try AuditLog.record(db, username, "view client", subject: id, now: now)
            return c
        }
    }

    /// Every client, newest first (logged as one listing).
    public func clients(identity: NodeIdentity, by username: String, nowMilliseconds now: UInt64) throws -> [ClientSummary] {
        try writer.write { db in
            let all = try Self.readClients(db, identity: identity, id: nil)
            try AuditLog.record(db, username, "list clients", detail: "\(all.count) clients", now: now)
            return all
        }
    }

    /// One page of clients, newest first (logged as one listing). Without `matching` only the
    /// clients on the page are opened; with it every client is, to find those it accepts.
    public func clients(
        identity: NodeIdentity, by username: String, nowMilliseconds now: UInt64, matching: ((ClientRecord) -> Bool)?, only: Set<String>? = nil,
        offset: Int, limit: Int
    ) throws -> Page<ClientSummary> {
        try writer.write { db in
            let page: Page<ClientSummary>
            if matching != nil || only != nil {
                let found = try Self.readClients(db, identity: identity, id: nil).filter {
                    (only?.contains($0.id) ?? true) && (matching?($0.record) ?? true)
                }
                let shown = Self.slice(found, offset: offset, limit: limit)
                page = Page(items: Array(shown), total: found.count, offset: max(0, offset))
            } else {
                let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM client") ?? 0
                page = Page(
                    items: try Self.readClients(db, identity: identity, id: nil, limit: max(0, limit), offset: max(0, offset)), total: total, offset: max(0, offset))
            }
            try AuditLog.record(db, username, "list clients", detail: "\(page.items.count) of \(page.total) clients", now: now)
            return page
        }
    }

    /// Clients with the same date of birth and a similar name (the warning before creating one).
    public func possibleDuplicates(of record: ClientRecord, identity: NodeIdentity) throws -> [ClientSummary] {
        try writer.read { db in try Self.readClients(db, identity: identity, id: nil).filter { ClientMatching.isPossibleDuplicate($0.record, record) } }
    }

    /// Erases a client from this node: their key and record are deleted and overwritten, so nothing
    /// of them can be read back from the file. (Their private records elsewhere are erased by the
    /// erasure envelope, `Protocol/SPEC.md` §8.7.)
    public func eraseClient(id: String, by username: String, nowMilliseconds now: UInt64) throws {
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA secure_delete = ON")
            defer { try? db.execute(sql: "PRAGMA secure_delete = OFF") }
            try db.inTransaction {
                if let circle = try Self.circle(db, clientID: id) {
                    try Self.scrubAudit(db, circle: circle, clientID: id)
                    try db.execute(sql: "DELETE FROM task WHERE circle = ?", arguments: [circle])
                }
                try db.execute(sql: "DELETE FROM case_note WHERE client_id = ?", arguments: [id])
                try db.execute(sql: "DELETE FROM task WHERE client_id = ?", arguments: [id])
                try db.execute(sql: "DELETE FROM attachment WHERE client_id = ?", arguments: [id])
                try db.execute(sql: "DELETE FROM client_key WHERE client_id = ?", arguments: [id])
                try db.execute(sql: "DELETE FROM client WHERE id = ?", arguments: [id])
                guard db.changesCount == 1 else { throw Self.noSuchClient }
                try AuditLog.record(db, username, "erase client", subject: id, now: now)
                return .commit
            }
            // The deleted pages' old contents also leave the write-ahead log.
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
    }

    static func clientKey(_ db: Database, id: String, identity: NodeIdentity) throws -> [UInt8]? {
        guard let wrapped = try Data.fetchOne(db, sql: "SELECT wrapped FROM client_key WHERE client_id = ?", arguments: [id]) else { return nil }
        return try SecretBox.open([UInt8](wrapped), key: identity.localDataKey, associatedData: clientKeyAD(id))
    }

    static func readClients(_ db: Database, identity: NodeIdentity, id: String?, limit: Int = -1, offset: Int = 0) throws -> [ClientSummary] {
        let rows =
            if let id {
                try Row.fetchAll(
                    db, sql: "SELECT c.*, k.wrapped FROM client c JOIN client_key k ON k.client_id = c.id WHERE c.id = ?", arguments: [id])
            } else {
                try Row.fetchAll(
                    db, sql: "SELECT c.*, k.wrapped FROM client c JOIN client_key k ON k.client_id = c.id ORDER BY c.created_at DESC, c.id LIMIT ? OFFSET ?",
                    arguments: [limit, offset])
            }
        let dataKey = identity.localDataKey
        return try rows.map { row in
            let cid: String = row["id"]
            let key = try SecretBox.open([UInt8](row["wrapped"] as Data), key: dataKey, associatedData: clientKeyAD(cid))
            let record = try ClientRecord.decode(SecretBox.open([UInt8](row["sealed"] as Data), key: key, associatedData: clientAD(cid)))
            return ClientSummary(
                id: cid, circle: row["circle"], record: record, createdAt: UInt64(row["created_at"] as Int64), updatedAt: UInt64(row["updated_at"] as Int64),
                worker: row["worker"])
        }
    }
}

extension NodeDatabase {
    /// A client's sealed record and wrapped key exactly as stored (tests look for them in the file).
    func rawClientColumns(id: String) throws -> (sealed: [UInt8], wrappedKey: [UInt8])? {
        try writer.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT c.sealed, k.wrapped FROM client c JOIN client_key k ON k.client_id = c.id WHERE c.id = ?", arguments: [id])
            else { return nil }
            return ([UInt8](row["sealed"] as Data), [UInt8](row["wrapped"] as Data))
        }
    }
}

/// A case note: this organisation's own dated note about a client, by its author, never sent to any
/// other node; sealed under the client's key like their record, erased with them. A correction is a
/// new note naming the one it corrects, which is kept and shown as an earlier version.
public struct CaseNote: Sendable {
    public var id: Int64
    public var text: String
    /// Milliseconds.
    public var at: UInt64
    public var username: String
    public var supersedes: Int64?
    /// A later note corrects this one.
    public var corrected: Bool
}

extension NodeDatabase {
    static func caseNoteAD(_ clientID: String) -> [UInt8] { Array("waymark/case-note/v1".utf8) + [0] + Array(clientID.utf8) }

    /// Adds a note (at most 20,000 characters) about a client of this node; `supersedes` a note of the
    /// same client it corrects. The audit log records that a note was written, never its words.
    public func addCaseNote(clientID: String, text: String, supersedes: Int64?, identity: NodeIdentity, by username: String, nowMilliseconds now: UInt64)
        throws
    {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw JourneyError(.noteEmpty, field: "note") }
        guard trimmed.count <= 20000 else { throw JourneyError(.notesTooLong, field: "note") }
        try writer.write { db in
            guard let key = try Self.clientKey(db, id: clientID, identity: identity) else { throw Self.noSuchClient }
            if let supersedes {
                guard try Int.fetchOne(db, sql: "SELECT count(*) FROM case_note WHERE id = ? AND client_id = ?", arguments: [supersedes, clientID]) == 1
                else { throw JourneyError(.noteEmpty, field: "supersedes") }
            }
            let sealed = try SecretBox.seal(Array(trimmed.utf8), key: key, associatedData: Self.caseNoteAD(clientID))
            try db.execute(
                sql: "INSERT INTO case_note (client_id, sealed, noted_at, username, supersedes) VALUES (?, ?, ?, ?, ?)",
                arguments: [clientID, Data(sealed), Int64(now), username, supersedes])
            try AuditLog.record(db, username, supersedes == nil ? "add case note" : "correct case note", subject: clientID, now: now)
        }
    }

    /// A client's case notes, newest first.
    public func caseNotes(clientID: String, identity: NodeIdentity) throws -> [CaseNote] {
        try writer.read { db in
            guard let key = try Self.clientKey(db, id: clientID, identity: identity) else { return [] }
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM case_note WHERE client_id = ? ORDER BY id DESC", arguments: [clientID])
            let corrected = Set(rows.compactMap { $0["supersedes"] as Int64? })
            return try rows.map { row in
                let text = String(decoding: try SecretBox.open([UInt8](row["sealed"] as Data), key: key, associatedData: Self.caseNoteAD(clientID)), as: UTF8.self)
                let id: Int64 = row["id"]
                return CaseNote(
                    id: id, text: text, at: UInt64(row["noted_at"] as Int64), username: row["username"], supersedes: row["supersedes"],
                    corrected: corrected.contains(id))
            }
        }
    }
}
