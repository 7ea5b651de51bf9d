import Foundation
import Testing
import WaymarkCrypto
import WaymarkStore

/// Staff accounts, sign-in, lockout, sessions and the audit log, on a real SQLite database.
struct StaffTests {
    static let now: UInt64 = 1_795_305_600_000

    @Test func accountsAreCheckedAndStoredAsArgon2idHashes() throws {
        let db = try NodeDatabase()
        let u = try db.staff.add(username: "aoife", displayName: "  Aoife Byrne ", role: .admin, password: "a long enough secret", nowMilliseconds: Self.now)
        #expect(u.displayName == "Aoife Byrne" && u.role == .admin && !u.disabled)
        #expect(throws: StaffError.self) { try db.staff.add(username: "aoife", displayName: "X", role: .caseworker, password: "a long enough secret", nowMilliseconds: Self.now) }
        #expect(throws: StaffError.self) { try db.staff.add(username: "A", displayName: "X", role: .caseworker, password: "a long enough secret", nowMilliseconds: Self.now) }
        #expect(throws: StaffError.self) { try db.staff.add(username: "bob", displayName: "", role: .caseworker, password: "a long enough secret", nowMilliseconds: Self.now) }
        #expect(throws: StaffError.self) { try db.staff.add(username: "bob", displayName: "Bob", role: .caseworker, password: "short", nowMilliseconds: Self.now) }
        #expect(try db.staff.all().map(\.username) == ["aoife"])
    }

    @Test func fiveFailuresLockAndEnablingUnlocks() throws {
        let db = try NodeDatabase()
        try db.staff.add(username: "ciaran", displayName: "Ciarán", role: .caseworker, password: "the right password", nowMilliseconds: Self.now)
        for _ in 0..<4 { #expect(try db.staff.checkLogin(username: "ciaran", password: "wrong one", nowMilliseconds: Self.now) == .wrongUsernameOrPassword) }
        #expect(try db.staff.checkLogin(username: "ciaran", password: "wrong one", nowMilliseconds: Self.now) == .locked(until: Self.now + StaffAccounts.lockMilliseconds))
        #expect(try db.staff.checkLogin(username: "ciaran", password: "the right password", nowMilliseconds: Self.now + 1000) == .locked(until: Self.now + StaffAccounts.lockMilliseconds))
        // After the lock runs out, the right password works again.
        if case .success(let u) = try db.staff.checkLogin(username: "ciaran", password: "the right password", nowMilliseconds: Self.now + StaffAccounts.lockMilliseconds + 1) {
            #expect(u.failedLogins == 0)
        } else {
            Issue.record("expected a successful sign-in once the lock ran out")
        }
        #expect(try db.staff.checkLogin(username: "nobody", password: "anything at all", nowMilliseconds: Self.now) == .wrongUsernameOrPassword)
        try db.staff.setDisabled(username: "ciaran", true)
        #expect(try db.staff.checkLogin(username: "ciaran", password: "the right password", nowMilliseconds: Self.now) == .disabled)
        #expect(throws: StaffError.self) { try db.staff.setDisabled(username: "nobody", true) }
    }

    @Test func sessionsEndWhenIdleAfterTheirLifetimeAndWhenDisabled() throws {
        let db = try NodeDatabase()
        let u = try db.staff.add(username: "aoife", displayName: "Aoife", role: .admin, password: "a long enough secret", nowMilliseconds: Self.now)
        let token = Tokens.random()
        try db.staff.startSession(userID: u.id, token: token, csrf: "c", nowMilliseconds: Self.now)
        #expect(try db.staff.session(token: token, nowMilliseconds: Self.now + 1000)?.user.username == "aoife")
        #expect(try db.staff.session(token: Tokens.random(), nowMilliseconds: Self.now) == nil)
        // Used every 50 minutes it stays open, up to its lifetime.
        var t = Self.now
        while t + 50 * 60 * 1000 < Self.now + StaffAccounts.sessionLifetimeMilliseconds {
            t += 50 * 60 * 1000
            #expect(try db.staff.session(token: token, nowMilliseconds: t) != nil)
        }
        #expect(try db.staff.session(token: token, nowMilliseconds: Self.now + StaffAccounts.sessionLifetimeMilliseconds + 1) == nil)
        let idle = Tokens.random()
        try db.staff.startSession(userID: u.id, token: idle, csrf: "c", nowMilliseconds: Self.now)
        #expect(try db.staff.session(token: idle, nowMilliseconds: Self.now + StaffAccounts.sessionIdleMilliseconds + 1) == nil)
        let other = Tokens.random()
        try db.staff.startSession(userID: u.id, token: other, csrf: "c", nowMilliseconds: Self.now)
        try db.staff.setDisabled(username: "aoife", true)
        #expect(try db.staff.session(token: other, nowMilliseconds: Self.now + 1) == nil)
        try db.staff.setDisabled(username: "aoife", false)
        #expect(try db.staff.session(token: other, nowMilliseconds: Self.now + 2) == nil, "disabling ended the session for good")
    }

    @Test func theAuditLogPagesNewestFirst() throws {
        let db = try NodeDatabase()
        for i in 0..<7 { try db.audit.record(i % 2 == 0 ? "aoife" : "ciaran", "view client", subject: "client \(i)", nowMilliseconds: Self.now + UInt64(i)) }
        let first = try db.audit.lines(limit: 3)
        #expect(first.map(\.subject) == ["client 6", "client 5", "client 4"])
        let next = try db.audit.lines(limit: 3, before: first.last!.id)
        #expect(next.map(\.subject) == ["client 3", "client 2", "client 1"])
        #expect(try db.audit.lines(username: "ciaran").count == 3)
        #expect(try db.audit.lines(AuditFilter(username: "aoife", subject: "client 4")).map(\.subject) == ["client 4"])
        #expect(try db.audit.lines(AuditFilter(action: "view client", from: Self.now + 2, until: Self.now + 4)).map(\.subject) == ["client 3", "client 2"])
        #expect(try db.audit.lines(AuditFilter(action: "erase client")).isEmpty)
        #expect(try db.audit.choices().usernames == ["aoife", "ciaran"])
    }
}
