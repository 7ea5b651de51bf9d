import Foundation
import GRDB
import WaymarkCore
import WaymarkCrypto

/// The organisation's own caseload: its clients (sealed under each client's key), their key
/// workers, case notes, tasks and files, the caseload lists staff work from, duplicate warnings and
/// the subject access export. Reached as `NodeDatabase.caseload`.
public struct Caseload: Sendable {
    let database: NodeDatabase
    var writer: any DatabaseWriter { database.writer }

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
        let wrapped = try SecretBox.seal(key, key: identity.localDataKey, associatedData: NodeDatabase.clientKeyAD(id))
        let sealed = try SecretBox.seal(record.encoded(), key: key, associatedData: NodeDatabase.clientAD(id))
        try writer.write { db in
            try db.execute(
                sql: "INSERT INTO client (id, circle, sealed, created_at, updated_at, worker) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [id, circle.scope, Data(sealed), Int64(now), Int64(now), try NodeDatabase.caseloadHolder(db, worker ?? username)])
            try db.execute(sql: "INSERT INTO client_key (client_id, wrapped) VALUES (?, ?)", arguments: [id, Data(wrapped)])
            try AuditLog.record(db, username, "create client", subject: id, now: now)
        }
        return id
    }

    /// Changes a client's record.
    public func updateClient(id: String, _ record: ClientRecord, identity: NodeIdentity, by username: String, nowMilliseconds now: UInt64) throws {
        if let p = record.problem { throw p }
        try writer.write { db in
            guard let key = try NodeDatabase.clientKey(db, id: id, identity: identity) else { throw NodeDatabase.noSuchClient }
            let sealed = try SecretBox.seal(record.encoded(), key: key, associatedData: NodeDatabase.clientAD(id))
            try db.execute(sql: "UPDATE client SET sealed = ?, updated_at = ? WHERE id = ?", arguments: [Data(sealed), Int64(now), id])
            try AuditLog.record(db, username, "update client", subject: id, now: now)
        }
    }

    /// Puts a client on a member of staff's caseload (nil: on no one's).
    public func setClientWorker(id: String, worker: String?, by username: String, nowMilliseconds now: UInt64) throws {
        try writer.write { db in
            let holder = try worker.flatMap { try NodeDatabase.caseloadHolder(db, $0) }
            if worker != nil, holder == nil { throw JourneyError(.taskAssignee, field: "worker") }
            try db.execute(sql: "UPDATE client SET worker = ? WHERE id = ?", arguments: [holder, id])
            guard db.changesCount == 1 else { throw NodeDatabase.noSuchClient }
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
            guard let c = try NodeDatabase.readClients(db, identity: identity, id: id).first else { return nil }
            try AuditLog.record(db, username, "view client", subject: id, now: now)
            return c
        }
    }

    /// Every client, newest first (logged as one listing).
    public func clients(identity: NodeIdentity, by username: String, nowMilliseconds now: UInt64) throws -> [ClientSummary] {
        try writer.write { db in
            let all = try NodeDatabase.readClients(db, identity: identity, id: nil)
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
                let found = try NodeDatabase.readClients(db, identity: identity, id: nil).filter {
                    (only?.contains($0.id) ?? true) && (matching?($0.record) ?? true)
                }
                let shown = NodeDatabase.slice(found, offset: offset, limit: limit)
                page = Page(items: Array(shown), total: found.count, offset: max(0, offset))
            } else {
                let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM client") ?? 0
                page = Page(
                    items: try NodeDatabase.readClients(db, identity: identity, id: nil, limit: max(0, limit), offset: max(0, offset)), total: total, offset: max(0, offset))
            }
            try AuditLog.record(db, username, "list clients", detail: "\(page.items.count) of \(page.total) clients", now: now)
            return page
        }
    }

    /// Clients with the same date of birth and a similar name (the warning before creating one).
    public func possibleDuplicates(of record: ClientRecord, identity: NodeIdentity) throws -> [ClientSummary] {
        try writer.read { db in try NodeDatabase.readClients(db, identity: identity, id: nil).filter { ClientMatching.isPossibleDuplicate($0.record, record) } }
    }

    /// Erases a client from this node: their key and record are deleted and overwritten, so nothing
    /// of them can be read back from the file. (Their private records elsewhere are erased by the
    /// erasure envelope, `Protocol/SPEC.md` §8.7.)
    public func eraseClient(id: String, by username: String, nowMilliseconds now: UInt64) throws {
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA secure_delete = ON")
            defer { try? db.execute(sql: "PRAGMA secure_delete = OFF") }
            try db.inTransaction {
                if let circle = try NodeDatabase.circle(db, clientID: id) {
                    try NodeDatabase.scrubAudit(db, circle: circle, clientID: id)
                    try db.execute(sql: "DELETE FROM task WHERE circle = ?", arguments: [circle])
                }
                try db.execute(sql: "DELETE FROM case_note WHERE client_id = ?", arguments: [id])
                try db.execute(sql: "DELETE FROM task WHERE client_id = ?", arguments: [id])
                try db.execute(sql: "DELETE FROM attachment WHERE client_id = ?", arguments: [id])
                try db.execute(sql: "DELETE FROM client_key WHERE client_id = ?", arguments: [id])
                try db.execute(sql: "DELETE FROM client WHERE id = ?", arguments: [id])
                guard db.changesCount == 1 else { throw NodeDatabase.noSuchClient }
                try AuditLog.record(db, username, "erase client", subject: id, now: now)
                return .commit
            }
            // The deleted pages' old contents also leave the write-ahead log.
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
    }

    /// Adds a note (at most 20,000 characters) about a client of this node; `supersedes` a note of the
    /// same client it corrects. The audit log records that a note was written, never its words.
    public func addCaseNote(clientID: String, text: String, supersedes: Int64?, identity: NodeIdentity, by username: String, nowMilliseconds now: UInt64)
        throws
    {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw JourneyError(.noteEmpty, field: "note") }
        guard trimmed.count <= 20000 else { throw JourneyError(.notesTooLong, field: "note") }
        try writer.write { db in
            guard let key = try NodeDatabase.clientKey(db, id: clientID, identity: identity) else { throw NodeDatabase.noSuchClient }
            if let supersedes {
                guard try Int.fetchOne(db, sql: "SELECT count(*) FROM case_note WHERE id = ? AND client_id = ?", arguments: [supersedes, clientID]) == 1
                else { throw JourneyError(.noteEmpty, field: "supersedes") }
            }
            let sealed = try SecretBox.seal(Array(trimmed.utf8), key: key, associatedData: NodeDatabase.caseNoteAD(clientID))
            try db.execute(
                sql: "INSERT INTO case_note (client_id, sealed, noted_at, username, supersedes) VALUES (?, ?, ?, ?, ?)",
                arguments: [clientID, Data(sealed), Int64(now), username, supersedes])
            try AuditLog.record(db, username, supersedes == nil ? "add case note" : "correct case note", subject: clientID, now: now)
        }
    }

    /// A client's case notes, newest first.
    public func caseNotes(clientID: String, identity: NodeIdentity) throws -> [CaseNote] {
        try writer.read { db in
            guard let key = try NodeDatabase.clientKey(db, id: clientID, identity: identity) else { return [] }
            let rows = try SealedCaseNote.fetchAll(db, sql: "SELECT * FROM case_note WHERE client_id = ? ORDER BY id DESC", arguments: [clientID])
            let corrected = Set(rows.compactMap(\.supersedes))
            return try rows.map { try $0.open(key: key, corrected: corrected.contains($0.id)) }
        }
    }

    /// What the staff home shows: the first `shown` of each list, with how many there are, read from
    /// the journey index (only the referrals and clients shown are opened).
    public func needingAttention(identity: NodeIdentity, today: String, shown: Int = 10) throws -> CaseloadToday {
        try writer.read { db in
            let me = hexString(identity.signingPublicKey)
            let days = try NodeDatabase.responseDays(db)
            let names = try NodeDatabase.organizationNames(db)
            func page(_ condition: String, _ arguments: StatementArguments, _ matches: (NodeDatabase.IndexedReferral) -> Bool) throws -> Page<ReferralListing> {
                let (rows, total) = try NodeDatabase.indexedReferrals(db, identity: identity, where: condition, arguments, matches: matches, limit: shown)
                return Page(items: try NodeDatabase.listings(db, rows, identity: identity, names: names, today: today, days: days), total: total, offset: 0)
            }
            let awaiting: [ReferralStatus] = [.requested, .received], active: [ReferralStatus] = [.accepted, .inProgress, .onHold]
            func list(_ statuses: [ReferralStatus]) -> String { statuses.map { "'\($0.rawValue)'" }.joined(separator: ", ") }
            let overdueBefore = today.isEmpty ? 0 : NodeDatabase.overdueBefore(today: today, days: days)
            let ending = try NodeDatabase.indexedConsentsOfClients(
                db, identity: identity, endingFrom: today, through: BusinessDays.adding(NodeDatabase.consentWarningDays, to: today), limit: shown)
            var expiring: [CaseloadToday.ExpiringConsent] = []
            for e in ending.rows {
                guard let client = try NodeDatabase.readClients(db, identity: identity, id: e.clientID).first else { continue }
                expiring.append(
                    .init(clientID: e.clientID, clientName: client.record.name, organizationName: names[e.consent.organization] ?? e.consent.organization, end: e.consent.end))
            }
            return CaseloadToday(
                awaiting: try page("recipient = ? AND status IN (\(list(awaiting)))", [me]) { $0.recipient == me && awaiting.contains($0.status) },
                overdue: try page("status IN (\(list(awaiting))) AND sent_at < ?", [overdueBefore]) {
                    JourneyFold.isOverdue($0.status, sentAt: $0.sentAt, today: today, days: days)
                },
                active: try page("recipient = ? AND status IN (\(list(active)))", [me]) { $0.recipient == me && active.contains($0.status) },
                sent: try page("sender = ? AND status IN (\(list(awaiting + active)))", [me]) { $0.sender == me && (awaiting + active).contains($0.status) },
                expiring: Page(items: expiring, total: ending.total, offset: 0))
        }
    }

    /// Everything held about one client, for the client (the read is audited).
    public func subjectAccess(clientID: String, identity: NodeIdentity, by username: String, today: String, nowMilliseconds now: UInt64) throws
        -> SubjectAccess?
    {
        try writer.write { db -> SubjectAccess? in
            guard let client = try NodeDatabase.readClients(db, identity: identity, id: clientID).first else { return nil }
            try AuditLog.record(db, username, "subject access export", subject: clientID, now: now)
            let journey = try NodeDatabase.journey(db, identity: identity, circle: client.circle, today: today)
            // Who could read what: the key ids in each record's header, named from the node records.
            var byKeyID: [ByteKey: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT encryption_key, organization_name FROM known_node") {
                byKeyID[ByteKey(PrivateEnvelope.keyID(of: [UInt8](row["encryption_key"] as Data)))] = row["organization_name"]
            }
            let disclosures = try NodeDatabase.openedEnvelopes(db, identity: identity, kinds: [.consent, .referral, .referralStatus, .progress], circle: client.circle)
                .map { e in
                    SubjectAccess.Disclosure(
                        at: HybridClock.milliseconds(e.clock), kind: e.kind.description, record: hexString(e.id),
                        recipients: e.recipientKeyIDs.map { byKeyID[ByteKey($0)] ?? hexString($0) })
                }
            let audit = try Row.fetchAll(
                db, sql: "SELECT at, username, action, detail FROM audit_log WHERE subject = ? ORDER BY at, id", arguments: [clientID]
            ).map { SubjectAccess.AuditLine(at: UInt64($0["at"] as Int64), user: $0["username"], action: $0["action"], detail: $0["detail"]) }
            let me = hexString(identity.signingPublicKey)
            return SubjectAccess(
                client: client, journey: journey, disclosures: disclosures, audit: audit, organizationName: try NodeDatabase.organizationName(db, me))
        }.map { a in
            var a = a
            a.caseNotes = try caseNotes(clientID: clientID, identity: identity)
            a.tasks = try tasks(.init(clientID: clientID), identity: identity) + tasks(.init(clientID: clientID, done: true), identity: identity)
            a.attachments = try attachments(clientID: clientID, identity: identity)
            return a
        }
    }

    /// Adds a task about a client of this node (`clientID`) or a referral this node is a side of
    /// (`referral`, with its `circle`). The assignee must be a member of staff who may hold a caseload.
    @discardableResult
    public func addTask(
        text: String, dueOn: String, assignee: String, clientID: String?, referral: (key: String, circle: String)?, identity: NodeIdentity,
        by username: String, nowMilliseconds now: UInt64
    ) throws -> Int64 {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 2000 else { throw JourneyError(.taskEmpty, field: "task") }
        // A date this century, not decades away: a mistyped year is caught.
        guard let day = LocalDateTime.parseDate(dueOn), dueOn >= "2000-01-01", day < LocalDateTime.dayNumber(year: 2100, month: 1, day: 1) else {
            throw JourneyError(.dateFormat, field: "due")
        }
        return try writer.write { db in
            guard let role = try String.fetchOne(db, sql: "SELECT role FROM staff_user WHERE username = ? AND disabled = 0", arguments: [assignee]),
                StaffRole(rawValue: role)?.worksWithClients == true
            else { throw JourneyError(.taskAssignee, field: "assignee") }
            let key: [UInt8], about: String, circle: String?
            if let clientID {
                guard let k = try NodeDatabase.clientKey(db, id: clientID, identity: identity) else { throw NodeDatabase.noSuchClient }
                (key, about, circle) = (k, "client/" + clientID, try NodeDatabase.circle(db, clientID: clientID))
            } else if let referral, let id = bytesFromHex(referral.key), id.count == 32,
                try String.fetchOne(db, sql: "SELECT circle FROM referral_index WHERE referral = ?", arguments: [Data(id)]) == referral.circle
            {
                (key, about, circle) = (identity.localDataKey, "referral/" + referral.key, referral.circle)
            } else {
                throw JourneyError(.taskEmpty, field: "task")
            }
            let sealed = try SecretBox.seal(Array(trimmed.utf8), key: key, associatedData: NodeDatabase.taskAD(about))
            try db.execute(
                sql: """
                    INSERT INTO task (client_id, referral, circle, sealed, due_on, assignee, created_by, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [clientID, clientID == nil ? referral?.key : nil, circle, Data(sealed), dueOn, assignee, username, Int64(now)])
            let id = db.lastInsertedRowID
            try AuditLog.record(db, username, "add task", subject: clientID ?? referral?.key ?? "", detail: "for \(assignee), due \(dueOn)", now: now)
            return id
        }
    }

    /// Marks a task done (or open again).
    public func setTaskDone(id: Int64, done: Bool, by username: String, nowMilliseconds now: UInt64) throws {
        try writer.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT client_id, referral FROM task WHERE id = ?", arguments: [id]) else {
                throw JourneyError(.taskEmpty, field: "task")
            }
            try db.execute(
                sql: "UPDATE task SET done_at = ?, done_by = ? WHERE id = ?",
                arguments: [done ? Int64(now) : nil, done ? username : nil, id])
            let subject: String = (row["client_id"] as String?) ?? (row["referral"] as String?) ?? ""
            try AuditLog.record(db, username, done ? "complete task" : "reopen task", subject: subject, now: now)
        }
    }

    /// Tasks, open ones soonest due first and done ones latest done first, opened with their keys.
    public func tasks(_ q: NodeDatabase.TaskQuery, identity: NodeIdentity, limit: Int = 500) throws -> [StaffTask] {
        try writer.read { db in
            var sql = "SELECT * FROM task WHERE " + (q.done ? "done_at IS NOT NULL" : "done_at IS NULL")
            var args: [(any DatabaseValueConvertible)?] = []
            if let a = q.assignee { sql += " AND assignee = ?"; args.append(a) }
            if let c = q.clientID { sql += " AND client_id = ?"; args.append(c) }
            if let r = q.referral { sql += " AND referral = ?"; args.append(r) }
            if let d = q.dueBy { sql += " AND due_on <= ?"; args.append(d) }
            sql += q.done ? " ORDER BY done_at DESC" : " ORDER BY due_on, id"
            sql += " LIMIT ?"
            args.append(limit)
            var keys: [String: [UInt8]] = [:]
            return try SealedTask.fetchAll(db, sql: sql, arguments: StatementArguments(args)).compactMap { task in
                var key = identity.localDataKey
                if let clientID = task.clientID {
                    if keys[clientID] == nil { keys[clientID] = try NodeDatabase.clientKey(db, id: clientID, identity: identity) }
                    guard let k = keys[clientID] else { return nil }
                    key = k
                }
                return task.open(key: key)
            }
        }
    }

    /// How many open tasks each member of staff has due on or before `day`.
    public func dueTaskCounts(by day: String) throws -> [String: Int] {
        try writer.read { db in
            Dictionary(
                uniqueKeysWithValues: try Row.fetchAll(
                    db, sql: "SELECT assignee, count(*) AS n FROM task WHERE done_at IS NULL AND due_on <= ? GROUP BY assignee", arguments: [day]
                ).map { ($0["assignee"] as String, $0["n"] as Int) })
        }
    }

    /// The names of some of this node's clients, to label lists (opened, not logged as a view).
    public func clientNames(ids: Set<String>, identity: NodeIdentity) throws -> [String: String] {
        try writer.read { db in
            var out: [String: String] = [:]
            for id in ids { if let c = try NodeDatabase.readClients(db, identity: identity, id: id).first { out[id] = c.record.name } }
            return out
        }
    }

    /// For referrals (keys, hex) this node is a side of: the other organisation's name, and whether
    /// this node sent it.
    public func referralOtherSides(keys: Set<String>, me: String) throws -> [String: (other: String, sent: Bool)] {
        try writer.read { db in
            let names = try NodeDatabase.organizationNames(db)
            var out: [String: (other: String, sent: Bool)] = [:]
            for key in keys {
                guard let id = bytesFromHex(key), let row = try Row.fetchOne(db, sql: "SELECT sender, recipient FROM referral_index WHERE referral = ?", arguments: [Data(id)])
                else { continue }
                let sender: String = row["sender"], recipient: String = row["recipient"]
                let other = sender == me ? recipient : sender
                out[key] = (names[other] ?? other, sender == me)
            }
            return out
        }
    }

    /// Keeps a file with a client's record. The audit log names the file's type and size, never its name.
    @discardableResult
    public func addAttachment(clientID: String, name: String, bytes: [UInt8], identity: NodeIdentity, by username: String, nowMilliseconds now: UInt64)
        throws -> Int64
    {
        guard !bytes.isEmpty else { throw NodeDatabase.AttachmentProblem.empty }
        guard bytes.count <= NodeDatabase.attachmentLimit else { throw NodeDatabase.AttachmentProblem.tooBig }
        guard let type = NodeDatabase.attachmentType(bytes) else { throw NodeDatabase.AttachmentProblem.notAllowed }
        // Only the last part of a path a browser may send, without control characters, at most 200 characters.
        let base = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var clean = String(String.UnicodeScalarView(base.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }).prefix(200))
        if clean.trimmingCharacters(in: .whitespaces).isEmpty { clean = "file" }
        return try writer.write { db in
            guard let key = try NodeDatabase.clientKey(db, id: clientID, identity: identity) else { throw NodeDatabase.noSuchClient }
            let sealedName = try SecretBox.seal(Array(clean.utf8), key: key, associatedData: NodeDatabase.attachmentAD(clientID, "name"))
            let sealed = try SecretBox.seal(bytes, key: key, associatedData: NodeDatabase.attachmentAD(clientID, "bytes"))
            try db.execute(
                sql: "INSERT INTO attachment (client_id, sealed_name, sealed, type, size, added_at, username) VALUES (?, ?, ?, ?, ?, ?, ?)",
                arguments: [clientID, Data(sealedName), Data(sealed), type, bytes.count, Int64(now), username])
            let id = db.lastInsertedRowID
            try AuditLog.record(db, username, "add attachment", subject: clientID, detail: "\(type), \(bytes.count) bytes", now: now)
            return id
        }
    }

    /// A client's files (without their bytes), newest first.
    public func attachments(clientID: String, identity: NodeIdentity) throws -> [Attachment] {
        try writer.read { db in
            guard let key = try NodeDatabase.clientKey(db, id: clientID, identity: identity) else { return [] }
            return try SealedAttachment.fetchAll(
                db, sql: "SELECT id, client_id, sealed_name, type, size, added_at, username FROM attachment WHERE client_id = ? ORDER BY id DESC",
                arguments: [clientID]
            ).map { row in
                (try? row.listing(key: key))
                    ?? Attachment(id: row.id, name: "file", type: row.type, size: row.size, addedAt: row.addedAt, username: row.username)
            }
        }
    }

    /// One file's bytes, opened for a member of staff (logged).
    public func attachment(clientID: String, id: Int64, identity: NodeIdentity, by username: String, nowMilliseconds now: UInt64) throws
        -> (Attachment, [UInt8])?
    {
        try writer.write { db in
            guard let key = try NodeDatabase.clientKey(db, id: clientID, identity: identity),
                let row = try SealedAttachment.fetchOne(db, sql: "SELECT * FROM attachment WHERE id = ? AND client_id = ?", arguments: [id, clientID])
            else { return nil }
            let opened = (try row.listing(key: key), try row.bytes(key: key))
            try AuditLog.record(db, username, "open attachment", subject: clientID, now: now)
            return opened
        }
    }

    /// Removes a file kept by mistake (overwritten in the file with `secure_delete`).
    public func removeAttachment(clientID: String, id: Int64, by username: String, nowMilliseconds now: UInt64) throws {
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA secure_delete = ON")
            defer { try? db.execute(sql: "PRAGMA secure_delete = OFF") }
            try db.inTransaction {
                try db.execute(sql: "DELETE FROM attachment WHERE id = ? AND client_id = ?", arguments: [id, clientID])
                guard db.changesCount == 1 else { throw NodeDatabase.noSuchClient }
                try AuditLog.record(db, username, "remove attachment", subject: clientID, now: now)
                return .commit
            }
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
    }
}

extension NodeDatabase {
    public var caseload: Caseload { Caseload(database: self) }
}
