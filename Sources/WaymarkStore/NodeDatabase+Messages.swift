import Foundation
import GRDB
import WaymarkCore
import WaymarkCrypto

/// Messages on a referral between its two sides (`Protocol/SPEC.md` §8.9): encrypted to both (and
/// to the client once they hold a receipt), kept in the circle like the referral's status changes,
/// erased with it. Messages that arrive from the other side are noted in `referral_message_seen`
/// (id, referral, when; never the words) so the staff home can show what is new and a worker can be
/// told by email.
public struct ArrivedMessage: Sendable, Equatable {
    /// The referral's key (hex).
    public var referral: String
    public var fromName: String
    /// Milliseconds.
    public var at: UInt64
    public var count: Int
    /// The client and service as the referral names them (opened for the staff home).
    public var clientName: String? = nil
    public var serviceName: String? = nil
}

extension NodeDatabase {
    /// Writes a message on a referral this organisation is a side of. Refused once the client has
    /// withdrawn the receiving organisation's consent (§8.6: nothing new reaches it, and it writes
    /// nothing more but the referral's closing).
    public func sendReferralMessage(key: String, text: String, identity: NodeIdentity, by username: String, today: String, nowMilliseconds now: UInt64)
        throws
    {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.utf8.count <= 4000 else { throw JourneyError(.messageEmpty, field: "message") }
        try writer.write { db in
            guard let (view, journey) = try Self.referralInJourney(db, key: key, identity: identity, today: today) else {
                throw JourneyError(.noSuchReferral, field: "referral")
            }
            let me = hexString(identity.signingPublicKey)
            guard me == view.sender || me == view.recipient else { throw JourneyError(.notASide, field: "referral") }
            if case .revoked = journey.consents.standing(of: view.recipient) { throw Self.consentWithdrawn }
            let other = me == view.sender ? view.recipient : view.sender
            guard let otherKey = try Self.encryptionKey(db, organization: other) else { throw JourneyError(.otherSideUnknown, field: "referral") }
            try Self.publishPrivate(
                db, .referralMessage, circle: view.circle, JourneyPayload.referralMessage(referralID: view.record.id, text: trimmed).encoded(),
                to: [identity.encryptionPublicKey, otherKey], identity: identity, now: now)
            try AuditLog.record(db, username, "send referral message", subject: view.key, now: now)
        }
    }

    /// Notes the messages from other organisations that arrived since the last pass (called after each
    /// sync session with the other arrivals).
    /// - Returns: how many were new.
    @discardableResult
    public func noteArrivedMessages(identity: NodeIdentity) throws -> Int {
        try writer.write { db in
            let through = Int64(try Self.setting(db, "messages_noted_through") ?? "") ?? 0
            let newest = try Int64.fetchOne(db, sql: "SELECT max(seq) FROM envelope") ?? 0
            guard newest > through else { return 0 }
            try Self.setSetting(db, "messages_noted_through", String(newest))
            let circles = try String.fetchAll(
                db, sql: "SELECT DISTINCT scope FROM envelope WHERE seq > ? AND kind = ? AND scope <> 'public'",
                arguments: [through, Int(Envelope.Kind.referralMessage.rawValue)])
            let me = hexString(identity.signingPublicKey)
            var added = 0
            for circle in circles {
                let opened = try Self.openedEnvelopes(db, identity: identity, kinds: [.consent, .referral, .referralStatus, .referralMessage], circle: circle)
                let journey = try Self.journey(db, circle: circle, opened: opened, names: [:], today: "")
                for r in journey.referrals where r.sender == me || r.recipient == me {
                    for m in r.messages where m.author != me {
                        try db.execute(
                            sql: "INSERT OR IGNORE INTO referral_message_seen (id, referral, author, at) VALUES (?, ?, ?, ?)",
                            arguments: [m.id, r.key, m.author, Int64(m.at)])
                        added += db.changesCount
                    }
                }
            }
            return added
        }
    }

    /// Referrals with messages from the other side nobody here has read yet, newest first.
    public func unreadMessages(identity: NodeIdentity? = nil) throws -> [ArrivedMessage] {
        try writer.read { db in
            let names = try Self.organizationNames(db)
            let read = try db.cachedStatement(sql: "SELECT wire FROM envelope WHERE id = ?")
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT referral, author, max(at) AS at, count(*) AS n FROM referral_message_seen WHERE read_at IS NULL
                    GROUP BY referral ORDER BY at DESC LIMIT 50
                    """
            ).map { row in
                var m = ArrivedMessage(referral: row["referral"], fromName: names[row["author"] as String] ?? row["author"], at: UInt64(row["at"] as Int64), count: row["n"])
                if let identity, let id = bytesFromHex(m.referral), let wire = try Data.fetchOne(read, arguments: [Data(id)]),
                    case (_, _, .referral(let record))? = Self.open(wire, kind: .referral, identity: identity)
                {
                    (m.clientName, m.serviceName) = (record.clientName, record.serviceName)
                }
                return m
            }
        }
    }

    /// A referral's messages have been seen by someone here.
    public func markMessagesRead(referral: String, nowMilliseconds now: UInt64) throws {
        try writer.write { db in
            try db.execute(sql: "UPDATE referral_message_seen SET read_at = ? WHERE referral = ? AND read_at IS NULL", arguments: [Int64(now), referral])
        }
    }
}
