import Foundation
import GRDB
import WaymarkCore
import WaymarkCrypto

/// A node this one syncs with, and how syncing with it has gone (a row of `peer`).
public struct PeerInfo: Sendable, Equatable, FetchableRecord, TableRecord {
    public static let databaseTableName = "peer"
    public var url: String
    /// The peer's signing key, once known (from `peer add` or its node record).
    public var author: [UInt8]?
    /// `admin` when added with `waymark peer add`, `learned` when known from a node record.
    public var source: String
    public var addedAt: UInt64
    public var lastAttempt: UInt64?
    public var lastSuccess: UInt64?
    public var lastError: String?
    public var failures: Int
    /// Not contacted before this time (milliseconds), after failures or abuse.
    public var nextAttempt: UInt64
    public var envelopesIn: Int
    public var envelopesOut: Int
    public var bytesIn: Int
    public var bytesOut: Int
    public var rejections: Int
    public var sessions: Int
    public var lastRounds: Int

    public var fingerprint: String? { author.map(NodeIdentity.fingerprint(of:)) }

    public init(row: Row) {
        url = row["url"]
        author = (row["author"] as Data?).map { [UInt8]($0) }
        source = row["source"]
        addedAt = UInt64(row["added_at"] as Int64)
        lastAttempt = (row["last_attempt"] as Int64?).map(UInt64.init)
        lastSuccess = (row["last_success"] as Int64?).map(UInt64.init)
        lastError = row["last_error"]
        failures = row["failures"]
        nextAttempt = UInt64(row["next_attempt"] as Int64)
        envelopesIn = row["envelopes_in"]
        envelopesOut = row["envelopes_out"]
        bytesIn = row["bytes_in"]
        bytesOut = row["bytes_out"]
        rejections = row["rejections"]
        sessions = row["sessions"]
        lastRounds = row["last_rounds"]
    }
}

/// What one sync session with a peer did.
public struct SessionOutcome: Sendable {
    public var succeeded: Bool
    public var error: String?
    public var envelopesIn = 0
    public var envelopesOut = 0
    public var bytesIn = 0
    public var bytesOut = 0
    public var rounds = 0
    /// When to try this peer next (milliseconds); 0 for "whenever".
    public var nextAttempt: UInt64 = 0
    /// A session that failed after taking envelopes in: the peer is reachable, the link is bad; its
    /// failures in a row start again from 0.
    public var madeProgress = false

    public init(succeeded: Bool, error: String? = nil) {
        self.succeeded = succeeded
        self.error = error
    }
}

/// The nodes this one syncs with (`peer`): those its admin added and those learned from members'
/// node records, with each one's sync figures and backoff. Reached as `NodeDatabase.peers`; the
/// ledger learns peers from node records inside its own transactions.
public struct PeerBook: Sendable {
    let writer: any DatabaseWriter

    /// Adds a peer, or marks a learned one as added by the admin.
    public func add(url: String, author: [UInt8]?, source: String = "admin", nowMilliseconds: UInt64) throws {
        try writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO peer (url, author, source, added_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT(url) DO UPDATE SET author = coalesce(excluded.author, peer.author), source = excluded.source,
                        failures = 0, next_attempt = 0
                    """,
                arguments: [url, author.map { Data($0) }, source, Int64(nowMilliseconds)])
        }
    }

    /// Removes a peer. Returns whether there was one.
    @discardableResult
    public func remove(url: String) throws -> Bool {
        try writer.write { db in
            try db.execute(sql: "DELETE FROM peer WHERE url = ?", arguments: [url])
            return db.changesCount > 0
        }
    }

    /// Every peer, those the admin added first.
    public func all() throws -> [PeerInfo] {
        try writer.read { db in try PeerInfo.fetchAll(db, sql: "SELECT * FROM peer ORDER BY source, url") }
    }

    /// How a session abandoned because of the peer's rejected envelopes is recorded (`last_error`).
    public static let abuseErrorPrefix = "backed off:"

    /// A peer that has just called this node is reachable again: its failures are forgotten and it is
    /// due at once, so a link that healed is used within one sync interval rather than after a backoff
    /// that grew while it was down. A peer backed off for sending rejected envelopes stays backed off.
    /// - Returns: whether a peer was waiting out a backoff.
    @discardableResult
    public func heardFrom(author: [UInt8]) throws -> Bool {
        let condition = "author = ? AND (failures > 0 OR next_attempt > 0) AND coalesce(last_error, '') NOT LIKE ?"
        let arguments: StatementArguments = [Data(author), Self.abuseErrorPrefix + "%"]
        // Read first (no write lock) so that a call from a healthy peer costs nothing.
        guard try writer.read({ db in try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM peer WHERE \(condition))", arguments: arguments) }) == true
        else { return false }
        try writer.write { db in try db.execute(sql: "UPDATE peer SET failures = 0, next_attempt = 0 WHERE \(condition)", arguments: arguments) }
        return true
    }

    /// Adds a session's figures to a peer's counters.
    public func recordSession(url: String, _ o: SessionOutcome, nowMilliseconds: UInt64) throws {
        try writer.write { db in
            try db.execute(
                sql: """
                    UPDATE peer SET last_attempt = ?, last_success = CASE WHEN ? THEN ? ELSE last_success END,
                        last_error = ?, failures = CASE WHEN ? THEN 0 ELSE failures + 1 END, next_attempt = ?,
                        envelopes_in = envelopes_in + ?, envelopes_out = envelopes_out + ?, bytes_in = bytes_in + ?, bytes_out = bytes_out + ?,
                        sessions = sessions + 1, last_rounds = ?
                    WHERE url = ?
                    """,
                arguments: [
                    Int64(nowMilliseconds), o.succeeded, Int64(nowMilliseconds), o.error, o.succeeded || o.madeProgress, Int64(o.nextAttempt), o.envelopesIn,
                    o.envelopesOut, o.bytesIn, o.bytesOut, o.rounds, url,
                ])
        }
    }
}

extension NodeDatabase {
    /// The nodes this one syncs with.
    public var peers: PeerBook { PeerBook(writer: writer) }
}
