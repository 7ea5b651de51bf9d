import Foundation
import GRDB

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
    public var status: String = "new"

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
                db, sql: "SELECT count(*), coalesce(sum(service_id = ?), 0) FROM correction WHERE created_at >= ?", arguments: [serviceID, since])
            return (service: row?[1] ?? 0, all: row?[0] ?? 0)
        }
    }

    /// Every suggestion, newest first.
    public func corrections() throws -> [Correction] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM correction ORDER BY id DESC").map { row in
                var c = Correction(
                    serviceID: row["service_id"], organizationID: row["organization_id"], field: row["field"], message: row["message"],
                    contact: row["contact"], createdAt: row["created_at"])
                c.id = row["id"]
                c.status = row["status"]
                return c
            }
        }
    }
}
