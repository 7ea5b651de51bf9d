import Foundation
import GRDB
import WaymarkCore
import WaymarkCrypto

/// Email notices to staff: each one's choices, the outbox, and what was sent or failed.
/// Reached as `NodeDatabase.notices`.
public struct Notices: Sendable {
    let database: NodeDatabase
    var writer: any DatabaseWriter { database.writer }

    public func noticePreferences(username: String) throws -> NoticePreferences? {
        try writer.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT email, notify, notify_lang, notify_since FROM staff_user WHERE username = ?", arguments: [username]),
                let email = row["email"] as String?
            else { return nil }
            let kinds = Set((row["notify"] as String).split(separator: ",").compactMap { NoticeKind(rawValue: String($0)) })
            return NoticePreferences(email: email, kinds: kinds, language: row["notify_lang"], since: UInt64(row["notify_since"] as Int64))
        }
    }

    /// Sets (or, with nil, clears) a member of staff's own address and what they want to hear of.
    public func setNoticePreferences(username: String, _ p: NoticePreferences?, nowMilliseconds now: UInt64) throws {
        if let p, !NoticePreferences.isPlausibleAddress(p.email) { throw StaffError(description: "not an email address") }
        try writer.write { db in
            let old = try Row.fetchOne(db, sql: "SELECT email, notify FROM staff_user WHERE username = ?", arguments: [username])
            guard let old else { throw StaffError(description: "there is no account named \(username)") }
            // What happened before someone opted in (or changed address) is not mailed now.
            let changed = (old["email"] as String?) != p?.email || (old["notify"] as String) == ""
            try db.execute(
                sql: "UPDATE staff_user SET email = ?, notify = ?, notify_lang = ?, notify_since = CASE WHEN ? THEN ? ELSE notify_since END WHERE username = ?",
                arguments: [
                    p?.email, p.map { $0.kinds.map(\.rawValue).sorted().joined(separator: ",") } ?? "", p?.language ?? "en", changed, Int64(now), username,
                ])
            try AuditLog.record(db, username, "set email notifications", subject: username, detail: p.map { $0.kinds.map(\.rawValue).sorted().joined(separator: ", ") } ?? "off", now: now)
        }
    }

    /// Turns what happened into emails for whoever asked to be told (each event once per person).
    /// `compose` writes an email in a language.
    /// - Returns: how many were queued.
    @discardableResult
    public func queueNotices(identity: NodeIdentity, today: String, nowMilliseconds now: UInt64, compose: (NoticeFacts, String) -> (subject: String, body: String))
        throws -> Int
    {
        try writer.write { db in
            let people = try Row.fetchAll(
                db, sql: "SELECT username, email, notify, notify_lang, notify_since FROM staff_user WHERE disabled = 0 AND email IS NOT NULL AND notify <> ''"
            )
            guard !people.isEmpty else { return 0 }
            let me = hexString(identity.signingPublicKey)
            let names = try NodeDatabase.organizationNames(db)
            let days = try NodeDatabase.responseDays(db)
            var queued = 0
            func queue(_ dedupe: String, _ person: Row, _ facts: NoticeFacts) throws {
                let mail = compose(facts, person["notify_lang"])
                try db.execute(
                    sql: "INSERT OR IGNORE INTO mail_outbox (dedupe, recipient, subject, body, created_at) VALUES (?, ?, ?, ?, ?)",
                    arguments: [dedupe + ":" + (person["username"] as String), person["email"] as String, mail.subject, mail.body, Int64(now)])
                queued += db.changesCount
            }
            let referrals = try Row.fetchAll(db, sql: "SELECT lower(hex(referral)) AS key, sender, recipient, sent_at, status FROM referral_index")
            let unmailed = try Row.fetchAll(db, sql: "SELECT id, referral, author, at FROM referral_message_seen WHERE read_at IS NULL AND mailed = 0")
            for person in people {
                let kinds = Set((person["notify"] as String).split(separator: ",").compactMap { NoticeKind(rawValue: String($0)) })
                let since = UInt64(person["notify_since"] as Int64)
                for r in referrals {
                    let key: String = r["key"], sender: String = r["sender"], recipient: String = r["recipient"]
                    guard let status = ReferralStatus(rawValue: r["status"]), sender == me || recipient == me else { continue }
                    let sentAt = UInt64(r["sent_at"] as Int64)
                    let other = names[sender == me ? recipient : sender] ?? ""
                    let path = "/staff/referrals/\(key)"
                    if kinds.contains(.referral), recipient == me, status.awaitsResponse, sentAt >= since {
                        try queue("referral:\(key)", person, NoticeFacts(kind: .referral, organization: other, path: path, count: 1))
                    }
                    if kinds.contains(.overdue), JourneyFold.isOverdue(status, sentAt: sentAt, today: today, days: days) {
                        try queue("overdue:\(key)", person, NoticeFacts(kind: .overdue, organization: other, path: path, count: 1))
                    }
                }
                if kinds.contains(.message) {
                    for m in unmailed where UInt64(m["at"] as Int64) >= since {
                        try queue(
                            "message:\(m["id"] as String)", person,
                            NoticeFacts(kind: .message, organization: names[m["author"] as String] ?? "", path: "/staff/referrals/\(m["referral"] as String)", count: 1))
                    }
                }
                if kinds.contains(.task) {
                    let due = try Int.fetchOne(
                        db, sql: "SELECT count(*) FROM task WHERE assignee = ? AND done_at IS NULL AND due_on <= ?", arguments: [person["username"] as String, today]) ?? 0
                    if due > 0 { try queue("tasks:\(today)", person, NoticeFacts(kind: .task, organization: "", path: "/staff/tasks", count: due)) }
                }
            }
            try db.execute(sql: "UPDATE referral_message_seen SET mailed = 1 WHERE mailed = 0")
            return queued
        }
    }

    /// Emails due to be tried now, oldest first.
    public func mailToSend(nowMilliseconds now: UInt64, limit: Int = 20) throws -> [OutgoingMail] {
        try writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM mail_outbox WHERE sent_at IS NULL AND next_try <= ? AND attempts < 12 ORDER BY id LIMIT ?", arguments: [Int64(now), limit]
            ).map { OutgoingMail(id: $0["id"], to: $0["recipient"], subject: $0["subject"], body: $0["body"], attempts: $0["attempts"]) }
        }
    }

    /// An email the mail server took: its words are dropped (the key that it went is kept).
    public func mailSent(id: Int64, nowMilliseconds now: UInt64) throws {
        try writer.write { db in
            try db.execute(sql: "UPDATE mail_outbox SET sent_at = ?, subject = '', body = '', last_error = NULL WHERE id = ?", arguments: [Int64(now), id])
        }
    }

    /// An email the mail server did not take: tried again after 1, 2, 4… minutes (at most an hour), twelve times.
    public func mailFailed(id: Int64, error: String, nowMilliseconds now: UInt64) throws {
        try writer.write { db in
            let attempts = (try Int.fetchOne(db, sql: "SELECT attempts FROM mail_outbox WHERE id = ?", arguments: [id]) ?? 0) + 1
            let wait = min(UInt64(60_000) << UInt64(min(attempts - 1, 6)), 3_600_000)
            try db.execute(
                sql: "UPDATE mail_outbox SET attempts = ?, last_error = ?, next_try = ? WHERE id = ?",
                arguments: [attempts, String(error.prefix(500)), Int64(now + wait), id])
        }
    }

    /// How the node's email stands, for the admin: waiting, sent, and the last failure.
    public func mailStatus() throws -> (waiting: Int, sent: Int, lastError: String?) {
        try writer.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT count(*) FROM mail_outbox WHERE sent_at IS NULL") ?? 0,
                try Int.fetchOne(db, sql: "SELECT count(*) FROM mail_outbox WHERE sent_at IS NOT NULL") ?? 0,
                try String.fetchOne(db, sql: "SELECT last_error FROM mail_outbox WHERE sent_at IS NULL AND last_error IS NOT NULL ORDER BY id DESC LIMIT 1")
            )
        }
    }
}

extension NodeDatabase {
    public var notices: Notices { Notices(database: self) }
}
