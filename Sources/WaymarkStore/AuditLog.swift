import Foundation
import GRDB
import WaymarkCore

/// One line of the audit log: who did what to what, and when (a row of `audit_log`).
public struct AuditEntry: Sendable, Equatable, FetchableRecord, TableRecord {
    public static let databaseTableName = "audit_log"
    public var id: Int64
    public var at: UInt64
    public var username: String
    public var action: String
    public var subject: String
    public var detail: String

    public init(row: Row) {
        id = row["id"]
        at = UInt64(row["at"] as Int64)
        username = row["username"]
        action = row["action"]
        subject = row["subject"]
        detail = row["detail"]
    }
}

/// The audit log (`audit_log`): one line for each thing staff did to a client, a referral, an
/// account or a listing. Reached as `NodeDatabase.audit`; the other parts of the store write their
/// lines with `AuditLog.record(db, …)` inside their own transactions.
public struct AuditLog: Sendable {
    let writer: any DatabaseWriter


    /// Writes one line of the audit log.
    public func record(_ username: String, _ action: String, subject: String = "", detail: String = "", nowMilliseconds: UInt64) throws {
        try writer.write { db in try Self.record(db, username, action, subject: subject, detail: detail, now: nowMilliseconds) }
    }

    /// Writes one line of the audit log inside a transaction of another part of the store, so that
    /// what was done and its line are stored together or not at all.
    static func record(_ db: Database, _ username: String, _ action: String, subject: String = "", detail: String = "", now: UInt64) throws {
        try db.execute(
            sql: "INSERT INTO audit_log (at, username, action, subject, detail) VALUES (?, ?, ?, ?, ?)",
            arguments: [Int64(now), username, action, subject, detail])
    }

    /// The newest audit lines first; `before` pages back (an entry id).
    public func lines(limit: Int = 100, before: Int64? = nil, username: String? = nil) throws -> [AuditEntry] {
        try lines(AuditFilter(username: username), limit: limit, before: before)
    }

    /// The newest audit lines that pass `filter` first; `before` pages back (an entry id).
    public func lines(_ filter: AuditFilter, limit: Int = 100, before: Int64? = nil) throws -> [AuditEntry] {
        try writer.read { db in
            var sql = "SELECT * FROM audit_log WHERE 1"
            var args: [(any DatabaseValueConvertible)?] = []
            func and(_ clause: String, _ value: (any DatabaseValueConvertible)?) {
                sql += " AND " + clause
                args.append(value)
            }
            if let before { and("id < ?", before) }
            if let u = filter.username { and("username = ?", u) }
            if let a = filter.action { and("action = ?", a) }
            if let s = filter.subject { and("subject = ?", s) }
            if let f = filter.from { and("at >= ?", Int64(f)) }
            if let t = filter.until { and("at < ?", Int64(t)) }
            sql += " ORDER BY id DESC LIMIT ?"
            args.append(limit)
            return try AuditEntry.fetchAll(db, sql: sql, arguments: StatementArguments(args))
        }
    }

    /// Every action and every user the audit log has lines for, for the filter's choices.
    public func choices() throws -> (actions: [String], usernames: [String]) {
        try writer.read { db in
            (
                try String.fetchAll(db, sql: "SELECT DISTINCT action FROM audit_log ORDER BY action"),
                try String.fetchAll(db, sql: "SELECT DISTINCT username FROM audit_log ORDER BY username")
            )
        }
    }

    /// What each subject of the audit log is, where this node still knows: a client (by id, or by
    /// the circle of a client whose home is here), a referral, a member of staff or a service.
    /// Subjects of erased clients are known no more.
    public func subjects(_ subjects: Set<String>) throws -> [String: AuditSubject] {
        try writer.read { db in
            var out: [String: AuditSubject] = [:]
            for s in subjects where !s.isEmpty {
                if try Int.fetchOne(db, sql: "SELECT count(*) FROM client WHERE id = ?", arguments: [s]) == 1 {
                    out[s] = .client(id: s)
                } else if let id = try String.fetchOne(db, sql: "SELECT id FROM client WHERE circle = ?", arguments: [s]) {
                    out[s] = .client(id: id)
                } else if s.hasPrefix("circle:") {
                    out[s] = .journey
                } else if let b = bytesFromHex(s), b.count == 32, try Int.fetchOne(db, sql: "SELECT count(*) FROM referral_index WHERE referral = ?", arguments: [Data(b)]) == 1 {
                    out[s] = .referral(key: s)
                } else if try Int.fetchOne(db, sql: "SELECT count(*) FROM staff_user WHERE username = ?", arguments: [s]) == 1 {
                    out[s] = .staff(username: s)
                } else if try Int.fetchOne(db, sql: "SELECT count(*) FROM service_doc WHERE service_id = ?", arguments: [s]) == 1 {
                    out[s] = .service(id: s)
                }
            }
            return out
        }
    }
}

/// Which lines of the audit log to show.
public struct AuditFilter: Sendable, Equatable {
    public var username: String?
    public var action: String?
    public var subject: String?
    /// Milliseconds, inclusive.
    public var from: UInt64?
    /// Milliseconds, exclusive.
    public var until: UInt64?

    public init(username: String? = nil, action: String? = nil, subject: String? = nil, from: UInt64? = nil, until: UInt64? = nil) {
        self.username = username
        self.action = action
        self.subject = subject
        self.from = from
        self.until = until
    }
}

/// What a subject of the audit log refers to.
public enum AuditSubject: Sendable, Equatable {
    case client(id: String)
    /// A circle this node is in as a partner (its journey is reached through a referral).
    case journey
    case referral(key: String)
    case staff(username: String)
    case service(id: String)
}

extension NodeDatabase {
    /// The audit log.
    public var audit: AuditLog { AuditLog(writer: writer) }
}
