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

/// A staff account: a row of `staff_user`.
public struct StaffUser: Sendable, Equatable, FetchableRecord, TableRecord {
    public static let databaseTableName = "staff_user"

    public var id: Int64
    public var username: String
    public var displayName: String
    public var role: StaffRole
    public var disabled: Bool
    public var failedLogins: Int
    /// Milliseconds; logins are refused before this time.
    public var lockedUntil: UInt64
    public var createdAt: UInt64

    public init(row: Row) {
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

/// Staff accounts and their sessions (`staff_user`, `staff_session`): who may sign in to the staff
/// pages, with what role, and the sessions they hold. Reached as `NodeDatabase.staff`.
public struct StaffAccounts: Sendable {
    let writer: any DatabaseWriter

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
    public func add(username: String, displayName: String, role: StaffRole, password: String, nowMilliseconds: UInt64) throws -> StaffUser {
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
            return try StaffUser.fetchOne(db, sql: "SELECT * FROM staff_user WHERE id = ?", arguments: [db.lastInsertedRowID])!
        }
    }

    public func all() throws -> [StaffUser] {
        try writer.read { db in try StaffUser.fetchAll(db, sql: "SELECT * FROM staff_user ORDER BY username") }
    }

    public func user(username: String) throws -> StaffUser? {
        try writer.read { db in try StaffUser.fetchOne(db, sql: "SELECT * FROM staff_user WHERE username = ?", arguments: [username]) }
    }

    /// Changes an account's role; its sessions end, so the new role applies from its next sign-in.
    /// - Returns: the role it had.
    @discardableResult
    public func setRole(username: String, _ role: StaffRole) throws -> StaffRole {
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
    public func setPassword(username: String, _ password: String) throws {
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
            try writer.write { db in try AuditLog.record(db, username, "failed password change", subject: username, now: now) }
            throw OwnPasswordProblem.wrongCurrent
        }
        let hash = try PasswordHash.hash(new)
        try writer.write { db in
            try db.execute(sql: "UPDATE staff_user SET password_hash = ? WHERE id = ?", arguments: [hash, user.id])
            try db.execute(sql: "DELETE FROM staff_session WHERE user_id = ? AND token_digest <> ?", arguments: [user.id, Tokens.digest(token)])
            try AuditLog.record(db, username, "change own password", subject: username, now: now)
        }
    }

    /// Disables or enables an account; disabling ends its sessions.
    public func setDisabled(username: String, _ disabled: Bool) throws {
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
}

extension NodeDatabase {
    /// Staff accounts and their sessions.
    public var staff: StaffAccounts { StaffAccounts(writer: writer) }
}
