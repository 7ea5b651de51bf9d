import Foundation
import GRDB
import WaymarkCore
import WaymarkCrypto

/// What a staff member may do on their organisation's node.
public enum StaffRole: String, Sendable, CaseIterable {
    /// Everything a caseworker can, plus staff accounts and the audit log.
    case admin
    /// Clients, consents, referrals and progress.
    case caseworker
    /// A local champion the organisation admitted: checks listings in person, and nothing else.
    case champion
    /// A planner at the hub's node: reads the district's figures, their ledger and the week's round
    /// (`/staff/hub`), and nothing else (no client, referral or account).
    case planner

    /// Whether the role works with clients (and may be a key worker or be given tasks).
    public var worksWithClients: Bool { self == .admin || self == .caseworker }
}

/// A staff account.
public struct StaffUser: Sendable, Equatable {
    public var id: Int64
    public var username: String
    public var displayName: String
    public var role: StaffRole
    public var disabled: Bool
    public var failedLogins: Int
    /// Milliseconds; logins are refused before this time.
    public var lockedUntil: UInt64
    public var createdAt: UInt64

    init(row: Row) {
        id = row["id"]
        username = row["username"]
        displayName = row["display_name"]
        role = StaffRole(rawValue: row["role"]) ?? .caseworker
        disabled = row["disabled"]
        failedLogins = row["failed_logins"]
        lockedUntil = UInt64(row["locked_until"] as Int64)
        createdAt = UInt64(row["created_at"] as Int64)
    }
}

/// One line of the audit log: who did what to what, and when.
public struct AuditEntry: Sendable, Equatable {
    public var id: Int64
    public var at: UInt64
    public var username: String
    public var action: String
    public var subject: String
    public var detail: String
}

/// Why a login did not succeed (the page says the same for all but `locked`, so it does not tell
/// which usernames exist).
public enum LoginOutcome: Sendable, Equatable {
    case success(StaffUser)
    case wrongUsernameOrPassword
    case locked(until: UInt64)
    case disabled

    /// Anything but a success: counts against the address it came from.
    public var failed: Bool {
        if case .success = self { return false }
        return true
    }
}

/// A staff request's signed-in session.
public struct StaffSession: Sendable, Equatable {
    public var user: StaffUser
    public var csrf: String
}

/// A staff account change that cannot be made.
public struct StaffError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String
}

extension NodeDatabase {
    /// Failed logins in a row before the account is locked.
    public static let loginAttempts = 5
    /// How long a locked account stays locked.
    public static let lockMilliseconds: UInt64 = 15 * 60 * 1000
    /// A session ends after this long without a request…
    public static let sessionIdleMilliseconds: UInt64 = 60 * 60 * 1000
    /// …and after this long in any case.
    public static let sessionLifetimeMilliseconds: UInt64 = 12 * 60 * 60 * 1000

    /// Usernames: 2 to 32 lower-case letters, digits, dots, hyphens or underscores.
    public static func usernameProblem(_ username: String) -> String? {
        let ok = (2...32).contains(username.count)
            && username.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0) }
        return ok ? nil : "a username is 2 to 32 lower-case letters, digits, dots, hyphens or underscores"
    }

    /// Adds a staff account. The password is hashed with Argon2id here.
    @discardableResult
    public func addStaff(username: String, displayName: String, role: StaffRole, password: String, nowMilliseconds: UInt64) throws -> StaffUser {
        if let p = Self.usernameProblem(username) { throw StaffError(description: p) }
        let name = displayName.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 100 else { throw StaffError(description: "a name is 1 to 100 characters") }
        if let p = PasswordHash.problem(with: password) { throw StaffError(description: p) }
        let hash = try PasswordHash.hash(password)
        return try writer.write { db in
            guard try Int.fetchOne(db, sql: "SELECT count(*) FROM staff_user WHERE username = ?", arguments: [username]) == 0 else {
                throw StaffError(description: "there is already an account named \(username)")
            }
            try db.execute(
                sql: "INSERT INTO staff_user (username, display_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [username, name, role.rawValue, hash, Int64(nowMilliseconds)])
            return try StaffUser(row: Row.fetchOne(db, sql: "SELECT * FROM staff_user WHERE id = ?", arguments: [db.lastInsertedRowID])!)
        }
    }

    public func staffUsers() throws -> [StaffUser] {
        try writer.read { db in try Row.fetchAll(db, sql: "SELECT * FROM staff_user ORDER BY username").map(StaffUser.init(row:)) }
    }

    public func staffUser(username: String) throws -> StaffUser? {
        try writer.read { db in try Row.fetchOne(db, sql: "SELECT * FROM staff_user WHERE username = ?", arguments: [username]).map(StaffUser.init(row:)) }
    }

    /// Changes an account's role; its sessions end, so the new role applies from its next sign-in.
    /// - Returns: the role it had.
    @discardableResult
    public func setStaffRole(username: String, _ role: StaffRole) throws -> StaffRole {
        try writer.write { db in
            guard let old = try String.fetchOne(db, sql: "SELECT role FROM staff_user WHERE username = ?", arguments: [username]).flatMap(StaffRole.init(rawValue:))
            else { throw StaffError(description: "there is no account named \(username)") }
            try db.execute(sql: "UPDATE staff_user SET role = ? WHERE username = ?", arguments: [role.rawValue, username])
            try db.execute(sql: "DELETE FROM staff_session WHERE user_id = (SELECT id FROM staff_user WHERE username = ?)", arguments: [username])
            return old
        }
    }

    /// Sets a new password for an account (an admin's reset, the old one forgotten): hashed with
    /// Argon2id; the account's sessions end and a lock from wrong tries is lifted.
    public func setStaffPassword(username: String, _ password: String) throws {
        if let p = PasswordHash.problem(with: password) { throw StaffError(description: p) }
        let hash = try PasswordHash.hash(password)
        try writer.write { db in
            try db.execute(
                sql: "UPDATE staff_user SET password_hash = ?, failed_logins = 0, locked_until = 0 WHERE username = ?", arguments: [hash, username])
            guard db.changesCount == 1 else { throw StaffError(description: "there is no account named \(username)") }
            try db.execute(sql: "DELETE FROM staff_session WHERE user_id = (SELECT id FROM staff_user WHERE username = ?)", arguments: [username])
        }
    }

    /// Why a member of staff's own password change was refused.
    public enum OwnPasswordProblem: Error, Sendable, Equatable {
        /// The current password given is not theirs (counted like a failed sign-in).
        case wrongCurrent
        /// The new one is too short or the same as the old.
        case weak
    }

    /// A member of staff changes their own password, giving the current one (a wrong one counts as a
    /// failed sign-in, so a session left open cannot be used to guess it). Their other sessions end;
    /// the one they are using (`keeping`, its token) stays.
    public func changeOwnPassword(username: String, current: String, new: String, keeping token: String, nowMilliseconds now: UInt64) throws {
        guard PasswordHash.problem(with: new) == nil, new != current else { throw OwnPasswordProblem.weak }
        guard case .success(let user) = try checkLogin(username: username, password: current, nowMilliseconds: now) else {
            try writer.write { db in try Self.audit(db, username, "failed password change", subject: username, now: now) }
            throw OwnPasswordProblem.wrongCurrent
        }
        let hash = try PasswordHash.hash(new)
        try writer.write { db in
            try db.execute(sql: "UPDATE staff_user SET password_hash = ? WHERE id = ?", arguments: [hash, user.id])
            try db.execute(sql: "DELETE FROM staff_session WHERE user_id = ? AND token_digest <> ?", arguments: [user.id, Tokens.digest(token)])
            try Self.audit(db, username, "change own password", subject: username, now: now)
        }
    }

    /// Disables or enables an account; disabling ends its sessions.
    public func setStaffDisabled(username: String, _ disabled: Bool) throws {
        try writer.write { db in
            try db.execute(sql: "UPDATE staff_user SET disabled = ? WHERE username = ?", arguments: [disabled, username])
            guard db.changesCount == 1 else { throw StaffError(description: "there is no account named \(username)") }
            if disabled {
                try db.execute(
                    sql: "DELETE FROM staff_session WHERE user_id = (SELECT id FROM staff_user WHERE username = ?)", arguments: [username])
            } else {
                try db.execute(sql: "UPDATE staff_user SET failed_logins = 0, locked_until = 0 WHERE username = ?", arguments: [username])
            }
        }
    }

    /// Checks a login. Counts failures; the fifth in a row locks the account for 15 minutes. An
    /// unknown username costs the same password check as a known one. The attempt is counted, in one
    /// transaction, *before* the password is checked, so guesses sent at the same moment cannot get
    /// past the limit together (each takes its number first); a right password then clears the count.
    public func checkLogin(username: String, password: String, nowMilliseconds now: UInt64) throws -> LoginOutcome {
        enum Attempt { case unknown, locked(UInt64), counted(StaffUser, hash: String, lock: UInt64) }
        let attempt: Attempt = try writer.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM staff_user WHERE username = ?", arguments: [username]) else { return .unknown }
            let user = StaffUser(row: row)
            if user.lockedUntil > now { return .locked(user.lockedUntil) }
            let failures = user.failedLogins + 1
            let lock = failures >= Self.loginAttempts ? now + Self.lockMilliseconds : 0
            try db.execute(
                sql: "UPDATE staff_user SET failed_logins = ?, locked_until = ? WHERE id = ?", arguments: [lock > 0 ? 0 : failures, Int64(lock), user.id])
            return .counted(user, hash: row["password_hash"], lock: lock)
        }
        switch attempt {
        case .unknown:
            _ = PasswordHash.verify(password, against: PasswordHash.decoy)
            return .wrongUsernameOrPassword
        case .locked(let until):
            return .locked(until: until)
        case .counted(let user, let hash, let lock):
            guard PasswordHash.verify(password, against: hash) else { return lock > 0 ? .locked(until: lock) : .wrongUsernameOrPassword }
            try writer.write { db in try db.execute(sql: "UPDATE staff_user SET failed_logins = 0, locked_until = 0 WHERE id = ?", arguments: [user.id]) }
            return user.disabled ? .disabled : .success(user)
        }
    }

    /// Starts a session for a user who just logged in; stores only the token's digest.
    public func startSession(userID: Int64, token: String, csrf: String, nowMilliseconds now: UInt64) throws {
        try writer.write { db in
            // Sessions that ended are cleared out now and then.
            try db.execute(
                sql: "DELETE FROM staff_session WHERE last_seen < ? OR created_at < ?",
                arguments: [Int64(now) - Int64(Self.sessionIdleMilliseconds), Int64(now) - Int64(Self.sessionLifetimeMilliseconds)])
            try db.execute(
                sql: "INSERT INTO staff_session (token_digest, user_id, csrf, created_at, last_seen) VALUES (?, ?, ?, ?, ?)",
                arguments: [Tokens.digest(token), userID, csrf, Int64(now), Int64(now)])
        }
    }

    /// The session a token belongs to, if it is still open (and the account still enabled); marks it used.
    public func session(token: String, nowMilliseconds now: UInt64) throws -> StaffSession? {
        try writer.write { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT s.csrf, s.created_at, s.last_seen, u.* FROM staff_session s JOIN staff_user u ON u.id = s.user_id
                        WHERE s.token_digest = ?
                        """, arguments: [Tokens.digest(token)])
            else { return nil }
            let created = UInt64(row["created_at"] as Int64)
            let lastSeen = UInt64(row["last_seen"] as Int64)
            let user = StaffUser(row: row)
            guard !user.disabled, now < lastSeen + Self.sessionIdleMilliseconds, now < created + Self.sessionLifetimeMilliseconds else {
                try db.execute(sql: "DELETE FROM staff_session WHERE token_digest = ?", arguments: [Tokens.digest(token)])
                return nil
            }
            try db.execute(sql: "UPDATE staff_session SET last_seen = ? WHERE token_digest = ?", arguments: [Int64(now), Tokens.digest(token)])
            return StaffSession(user: user, csrf: row["csrf"])
        }
    }

    public func endSession(token: String) throws {
        try writer.write { db in try db.execute(sql: "DELETE FROM staff_session WHERE token_digest = ?", arguments: [Tokens.digest(token)]) }
    }

    // MARK: Audit log

    /// Writes one line of the audit log.
    public func audit(_ username: String, _ action: String, subject: String = "", detail: String = "", nowMilliseconds: UInt64) throws {
        try writer.write { db in try Self.audit(db, username, action, subject: subject, detail: detail, now: nowMilliseconds) }
    }

    /// The newest audit lines first; `before` pages back (an entry id).
    public func auditLog(limit: Int = 100, before: Int64? = nil, username: String? = nil) throws -> [AuditEntry] {
        try auditLog(AuditFilter(username: username), limit: limit, before: before)
    }

    /// The newest audit lines that pass `filter` first; `before` pages back (an entry id).
    public func auditLog(_ filter: AuditFilter, limit: Int = 100, before: Int64? = nil) throws -> [AuditEntry] {
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
            return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)).map {
                AuditEntry(id: $0["id"], at: UInt64($0["at"] as Int64), username: $0["username"], action: $0["action"], subject: $0["subject"], detail: $0["detail"])
            }
        }
    }

    /// Every action and every user the audit log has lines for, for the filter's choices.
    public func auditChoices() throws -> (actions: [String], usernames: [String]) {
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
    public func auditSubjects(_ subjects: Set<String>) throws -> [String: AuditSubject] {
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
