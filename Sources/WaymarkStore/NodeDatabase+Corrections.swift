import Foundation
import GRDB
import WaymarkCore
import WaymarkCrypto

/// A resident's suggestion that a service's entry is wrong, for the organisation that publishes it.
public struct Correction: Sendable, Equatable {
    public var id: Int64?
    public var serviceID: String
    public var organizationID: String?
    /// Which part of the entry: `hours`, `contact`, `address`, `description` or `any`.
    public var field: String
    public var message: String
    public var contact: String?
    public var createdAt: String
    /// `new` (open), `done` (the entry was put right) or `dismissed` (no change was needed).
    public var status: String = "new"
    public static let statuses = ["new", "done", "dismissed"]
    /// Who marked it done or dismissed (display name), and when (milliseconds); none while open.
    public var handledBy: String?
    public var handledAt: UInt64?
    /// The code the resident was given to follow it (suggestions made on this node).
    public var code: String?
    /// The node that publishes the listing (signing key), when it was known.
    public var publisher: [UInt8]?
    /// The node the resident wrote it on (signing key): this node, or the one that sent it here.
    public var origin: [UInt8]?
    /// What the publisher said it changed, or why nothing was.
    public var reason: String?
    /// Whether it travels as a suggestion envelope (§10), so that answering it is signed and sent back.
    public var signed = false

    public init(serviceID: String, organizationID: String?, field: String, message: String, contact: String?, createdAt: String) {
        self.serviceID = serviceID
        self.organizationID = organizationID
        self.field = field
        self.message = message
        self.contact = contact
        self.createdAt = createdAt
    }
}

extension NodeDatabase {
    /// Stores a suggestion. It stays on this node until federation carries it to the publisher.
    @discardableResult
    public func addCorrection(_ c: Correction) throws -> Int64 {
        try writer.write { db in
            try db.execute(
                sql: "INSERT INTO correction (service_id, organization_id, field, message, contact, created_at, status) VALUES (?, ?, ?, ?, ?, ?, ?)",
                arguments: [c.serviceID, c.organizationID, c.field, c.message, c.contact, c.createdAt, c.status])
            return db.lastInsertedRowID
        }
    }

    /// How many suggestions arrived at or after `since` (ISO 8601 UTC text, as `createdAt`): for one
    /// service, and in all.
    public func correctionCounts(since: String, serviceID: String) throws -> (service: Int, all: Int) {
        try writer.read { db in
            let row = try Row.fetchOne(
                db, sql: "SELECT count(*), coalesce(sum(service_id = ?), 0) FROM correction WHERE created_at >= ? AND (origin IS NULL OR publisher IS NULL OR origin = publisher OR code IS NOT NULL)", arguments: [serviceID, since])
            return (service: row?[1] ?? 0, all: row?[0] ?? 0)
        }
    }

    /// Marks a suggestion open, done or dismissed (logged as the admin's action).
    /// - Returns: whether there was such a suggestion.
    @discardableResult
    public func setCorrectionStatus(
        id: Int64, _ status: String, by username: String, displayName: String? = nil, nowMilliseconds now: UInt64
    ) throws -> Bool {
        guard Correction.statuses.contains(status) else { return false }
        let open = status == "new"
        return try writer.write { db in
            // An answer signed and sent stands: it is changed by answering again, not by reopening.
            try db.execute(
                sql: "UPDATE correction SET status = ?, handled_by = ?, handled_at = ? WHERE id = ? AND (envelope IS NULL OR ? = 0)",
                arguments: [status, open ? nil : displayName ?? username, open ? nil : Int64(now), id, open ? 1 : 0])
            guard db.changesCount == 1 else { return false }
            try AuditLog.record(db, username, "correction \(status == "new" ? "reopened" : status)", subject: "correction \(id)", now: now)
            return true
        }
    }

    /// How many suggestions are still open for this node to answer (not those sent on to another
    /// organisation, the node with signing key `me` being this one).
    public func openCorrectionCount(me: [UInt8]? = nil) throws -> Int {
        try writer.read { db in
            try Int.fetchOne(
                db, sql: "SELECT count(*) FROM correction WHERE status = 'new' AND (publisher IS NULL OR publisher = ?)", arguments: [me.map { Data($0) }]) ?? 0
        }
    }

    /// Every suggestion, newest first: the open ones, or those already dealt with. What residents
    /// wrote is sealed at rest when the node has keys (`identity`), and opened here.
    public func corrections(open: Bool? = nil, identity: NodeIdentity? = nil) throws -> [Correction] {
        try writer.read { db in
            let filter = open.map { $0 ? "WHERE status = 'new'" : "WHERE status <> 'new'" } ?? ""
            return try Row.fetchAll(db, sql: "SELECT * FROM correction \(filter) ORDER BY id DESC").map { Self.correction($0, identity: identity) }
        }
    }

    /// One suggestion, if there is one with this id.
    public func correction(id: Int64, identity: NodeIdentity? = nil) throws -> Correction? {
        try writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM correction WHERE id = ?", arguments: [id]).map { Self.correction($0, identity: identity) }
        }
    }

    static func correctionAD(_ id: Int64) -> [UInt8] { Array("waymark/correction/v1".utf8) + [0] + Array(String(id).utf8) }

    /// Seals what a resident wrote (the message and any contact) in row `id` under the node's local
    /// data key (derived from its key file, never in the database), leaving no copy in the clear:
    /// a stolen database file does not give suggestions away (`Protocol/THREAT_MODEL.md`).
    static func sealCorrection(_ db: Database, id: Int64, message: String, contact: String?, identity: NodeIdentity) throws {
        var o = JSONObject([("message", .string(message))])
        if let contact { o["contact"] = .string(contact) }
        let sealed = try SecretBox.seal(JSONValue.object(o).canonicalBytes, key: identity.localDataKey, associatedData: correctionAD(id))
        try db.execute(sql: "UPDATE correction SET message = '', contact = NULL, sealed = ? WHERE id = ?", arguments: [Data(sealed), id])
    }

    /// How long a resident's contact is kept once their suggestion is answered (so that the
    /// publisher can still reply), in days.
    public static let contactKeptDays = 30

    /// Forgets the contact residents left on suggestions answered more than `contactKeptDays` ago:
    /// the suggestion is sealed again without it (or, written before sealing, the column cleared),
    /// with SQLite's `secure_delete` on so the old bytes do not linger in the file.
    /// - Returns: how many suggestions lost their contact.
    @discardableResult
    public func forgetAnsweredContacts(identity: NodeIdentity?, nowMilliseconds now: UInt64) throws -> Int {
        let before = Int64(now) - Int64(Self.contactKeptDays) * 86_400_000
        return try writer.write { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM correction WHERE status <> 'new' AND contact_gone = 0 AND handled_at IS NOT NULL AND handled_at < ?", arguments: [before])
            guard !rows.isEmpty else { return 0 }
            try db.execute(sql: "PRAGMA secure_delete = ON")
            defer { try? db.execute(sql: "PRAGMA secure_delete = OFF") }
            var forgotten = 0
            for row in rows {
                let c = Self.correction(row, identity: identity)
                guard let id = c.id else { continue }
                if (row["sealed"] as Data?) != nil {
                    // Without the node's keys the sealed contact cannot be told apart: leave it for a run that has them.
                    guard let identity else { continue }
                    if c.contact != nil { try Self.sealCorrection(db, id: id, message: c.message, contact: nil, identity: identity) }
                } else {
                    try db.execute(sql: "UPDATE correction SET contact = NULL WHERE id = ?", arguments: [id])
                }
                try db.execute(sql: "UPDATE correction SET contact_gone = 1 WHERE id = ?", arguments: [id])
                if c.contact != nil { forgotten += 1 }
            }
            return forgotten
        }
    }

    static func correction(_ row: Row, identity: NodeIdentity? = nil) -> Correction {
        var c = correction(row)
        if let sealed = row["sealed"] as Data?, let id = c.id {
            c.message = ""
            if let identity, let plain = try? SecretBox.open([UInt8](sealed), key: identity.localDataKey, associatedData: correctionAD(id)),
                let o = try? JSONParser.parse(plain)
            {
                c.message = o["message"]?.stringValue ?? ""
                c.contact = o["contact"]?.stringValue
            }
        }
        return c
    }

    static func correction(_ row: Row) -> Correction {
        var c = Correction(
            serviceID: row["service_id"], organizationID: row["organization_id"], field: row["field"], message: row["message"], contact: row["contact"],
            createdAt: row["created_at"])
        c.id = row["id"]
        c.status = row["status"]
        c.handledBy = row["handled_by"]
        c.handledAt = (row["handled_at"] as Int64?).map(UInt64.init)
        c.code = row["code"]
        c.publisher = (row["publisher"] as Data?).map { [UInt8]($0) }
        c.origin = (row["origin"] as Data?).map { [UInt8]($0) }
        c.reason = row["reason"]
        c.signed = (row["envelope"] as Data?) != nil
        return c
    }
}
