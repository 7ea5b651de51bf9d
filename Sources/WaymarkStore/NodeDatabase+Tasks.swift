import Foundation
import GRDB
import WaymarkCore
import WaymarkCrypto

/// A task: something a member of staff is to do by a date, about a client of this organisation or a
/// referral it is a side of. Never sent to another node. What it says is sealed: under the client's
/// key for a client (erased with them), under the node's local key for a referral (deleted when the
/// referral's circle is erased).
public struct StaffTask: Sendable, Equatable {
    public var id: Int64
    public var text: String
    /// `yyyy-MM-dd`.
    public var dueOn: String
    public var assignee: String
    public var createdBy: String
    /// Milliseconds.
    public var createdAt: UInt64
    /// Milliseconds; nil while open.
    public var doneAt: UInt64?
    public var doneBy: String?
    public var clientID: String?
    /// The referral's key (hex) when the task is about one.
    public var referral: String?
}

extension NodeDatabase {
    static func taskAD(_ about: String) -> [UInt8] { Array("waymark/task/v1".utf8) + [0] + Array(about.utf8) }

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
                guard let k = try Self.clientKey(db, id: clientID, identity: identity) else { throw Self.noSuchClient }
                (key, about, circle) = (k, "client/" + clientID, try Self.circle(db, clientID: clientID))
            } else if let referral, let id = bytesFromHex(referral.key), id.count == 32,
                try String.fetchOne(db, sql: "SELECT circle FROM referral_index WHERE referral = ?", arguments: [Data(id)]) == referral.circle
            {
                (key, about, circle) = (identity.localDataKey, "referral/" + referral.key, referral.circle)
            } else {
                throw JourneyError(.taskEmpty, field: "task")
            }
            let sealed = try SecretBox.seal(Array(trimmed.utf8), key: key, associatedData: Self.taskAD(about))
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

    /// Which tasks to list.
    public struct TaskQuery: Sendable {
        public var assignee: String?
        public var clientID: String?
        public var referral: String?
        /// Open tasks only (the default), or done ones only.
        public var done: Bool
        /// Open tasks due on or before this day.
        public var dueBy: String?

        public init(assignee: String? = nil, clientID: String? = nil, referral: String? = nil, done: Bool = false, dueBy: String? = nil) {
            self.assignee = assignee
            self.clientID = clientID
            self.referral = referral
            self.done = done
            self.dueBy = dueBy
        }
    }

    /// Tasks, open ones soonest due first and done ones latest done first, opened with their keys.
    public func tasks(_ q: TaskQuery, identity: NodeIdentity, limit: Int = 500) throws -> [StaffTask] {
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
            return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)).compactMap { row in
                let clientID: String? = row["client_id"], referral: String? = row["referral"]
                let about = clientID.map { "client/" + $0 } ?? "referral/" + (referral ?? "")
                var key = identity.localDataKey
                if let clientID {
                    if keys[clientID] == nil { keys[clientID] = try Self.clientKey(db, id: clientID, identity: identity) }
                    guard let k = keys[clientID] else { return nil }
                    key = k
                }
                guard let plain = try? SecretBox.open([UInt8](row["sealed"] as Data), key: key, associatedData: Self.taskAD(about)) else { return nil }
                return StaffTask(
                    id: row["id"], text: String(decoding: plain, as: UTF8.self), dueOn: row["due_on"], assignee: row["assignee"],
                    createdBy: row["created_by"], createdAt: UInt64(row["created_at"] as Int64), doneAt: (row["done_at"] as Int64?).map(UInt64.init),
                    doneBy: row["done_by"], clientID: clientID, referral: referral)
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
}

extension NodeDatabase {
    /// The names of some of this node's clients, to label lists (opened, not logged as a view).
    public func clientNames(ids: Set<String>, identity: NodeIdentity) throws -> [String: String] {
        try writer.read { db in
            var out: [String: String] = [:]
            for id in ids { if let c = try Self.readClients(db, identity: identity, id: id).first { out[id] = c.record.name } }
            return out
        }
    }

    /// For referrals (keys, hex) this node is a side of: the other organisation's name, and whether
    /// this node sent it.
    public func referralOtherSides(keys: Set<String>, me: String) throws -> [String: (other: String, sent: Bool)] {
        try writer.read { db in
            let names = try Self.organizationNames(db)
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
}
