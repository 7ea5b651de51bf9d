import Foundation
import GRDB
import WaymarkCore
import WaymarkCrypto

/// A local champion's check of a listing as pages show it.
public struct ChampionCheck: Sendable, Equatable {
    public var serviceID: String
    public var checkedOn: String
    public var champion: String
    public var note: String?
    /// The organisation that admitted the champion (its name from its node record, or its key).
    public var organization: String
}

extension NodeDatabase {
    /// Signs a champion's check of a listing as this node (kind 24, §11), logged as the champion's action.
    public func publishListingCheck(_ check: ListingCheck, identity: NodeIdentity, by username: String, nowMilliseconds now: UInt64) throws {
        try writer.write { db in
            try Self.publishOwn(db, .listingCheck, scope: "public", check.encoded(), to: [], identity: identity, now: now)
            try AuditLog.record(db, username, "check listing", subject: check.serviceID, now: now)
        }
    }

    /// Records a listing check taken in (called for every stored kind-24 envelope).
    static func storeListingCheck(_ db: Database, id: [UInt8], author: [UInt8], payload: [UInt8]?) throws {
        guard let payload, let c = try? ListingCheck.decode(payload) else { return }
        try db.cachedStatement(
            sql: "INSERT OR IGNORE INTO listing_check (envelope, service_id, checked_on, champion, note, author) VALUES (?, ?, ?, ?, ?, ?)"
        ).execute(arguments: [Data(id), c.serviceID, c.checkedOn, c.champion, c.note, Data(author)])
    }

    /// The latest champion's check of each of these services, made on or before `today` (a check dated
    /// later is not shown) by a champion of a current member.
    public func latestChecks(of serviceIDs: [String], today: String) throws -> [String: ChampionCheck] {
        guard !serviceIDs.isEmpty else { return [:] }
        return try writer.read { db in
            let roster = try Self.roster(db)
            let names = try Self.organizationNames(db)
            var out: [String: ChampionCheck] = [:]
            for id in Set(serviceIDs) {
                for row in try Row.fetchAll(
                    db.cachedStatement(
                        sql: "SELECT checked_on, champion, note, author FROM listing_check WHERE service_id = ? AND checked_on <= ? ORDER BY checked_on DESC, envelope LIMIT 8"),
                    arguments: [id, today])
                {
                    let author = [UInt8](row["author"] as Data)
                    guard roster.removedAt[ByteKey(author)] == nil else { continue }
                    out[id] = ChampionCheck(
                        serviceID: id, checkedOn: row["checked_on"], champion: row["champion"], note: row["note"],
                        organization: names[hexString(author)] ?? hexString(author))
                    break
                }
            }
            return out
        }
    }

    /// The services a current member's champion checked between `since` and `today` (YYYY-MM-DD).
    public func championCheckedServices(since: String, today: String) throws -> Set<String> {
        try writer.read { db in
            let roster = try Self.roster(db)
            var out: Set<String> = []
            for row in try Row.fetchAll(db, sql: "SELECT service_id, author FROM listing_check WHERE checked_on >= ? AND checked_on <= ?", arguments: [since, today])
            where roster.removedAt[ByteKey([UInt8](row["author"] as Data))] == nil {
                out.insert(row["service_id"])
            }
            return out
        }
    }
}
