import Foundation
import GRDB
import Synchronization
import WaymarkCore
import WaymarkCrypto

/// The node's SQLite database: HSDS records, the documents and indexes derived from them, and the
/// node's settings. Every write is one transaction, so a failed import or a full disk leaves the
/// database as it was.
public final class NodeDatabase: Sendable {
    public let writer: any DatabaseWriter
    /// A file of `reserveBytes` kept beside the database on disk, given up when the disk fills so that
    /// SQLite has the room to checkpoint and shrink its write-ahead log (`releaseSpaceAfterFailure`).
    let reservePath: String?
    /// The organisation's keys, once the node has them (`opensSealed(with:)`): every ingest then opens
    /// the sealed records addressed to it in the same transaction (§8.10). Without them, sealed
    /// records are opened when the journey index is next brought up to date with the keys.
    let opener = Mutex<NodeIdentity?>(nil)

    /// From now on, sealed records addressed to `identity` are opened as they are stored.
    /// Sealed records tried with other keys before (a node whose key was handed over, §9.6) and
    /// placed in no circle are tried again.
    public func opensSealed(with identity: NodeIdentity) {
        opener.withLock { $0 = identity }
        let keys = identity.encryptionKeyIDs.map(hexString).joined(separator: ",")
        // Read first: a command run beside a serving node does not wait for its writer for nothing.
        guard (try? writer.read { db in try Self.setting(db, "sealed_opened_with") }) != .some(keys) else { return }
        try? writer.write { db in
            guard try Self.setting(db, "sealed_opened_with") != keys else { return }
            try db.execute(sql: "UPDATE sealed_envelope SET opened = 0 WHERE opened = 1 AND circle IS NULL")
            try Self.setSetting(db, "sealed_opened_with", keys)
        }
    }

    /// How much of the database file the writing connection maps into memory for reading.
    static let mappedBytes = 1 << 30
    /// The writing connection's page cache (SQLite's default is 2 MiB). 64 MiB made no measurable
    /// difference to ingest or to an initial sync, and was a third of a node's memory while it took
    /// in a whole directory (BENCHMARKS.md, "Memory during the initial sync").
    static let cacheKibibytes = 16_384
    /// Each reading connection's page cache.
    static let readerCacheKibibytes = 1_024
    /// WAL pages before an automatic checkpoint (SQLite's default is 1,000): index pages rewritten by
    /// batch after batch are copied back to the database file once, not once per batch.
    static let checkpointPages = 16_384

    /// Unmaps the writer's view of the file (it maps again, page by page, as it reads): pages a large
    /// ingest read would otherwise stay mapped and count as the node's resident memory.
    static func unmapFile(_ db: Database) throws {
        // As it was (a connection made elsewhere, for tests or in memory, may map nothing).
        guard let size = try Int.fetchOne(db, sql: "PRAGMA mmap_size"), size > 0 else { return }
        try db.execute(sql: "PRAGMA mmap_size = 0")
        try db.execute(sql: "PRAGMA mmap_size = \(size)")
    }

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    public init(path: String) throws {
        var config = Configuration()
        // A command run beside a serving node waits for its writer (a sync batch commits within seconds).
        config.busyMode = .timeout(30)
        // WAYMARK_SQL_PROFILE=1 prints every statement with its duration to standard error (to find
        // what makes a command slow).
        let profile = ProcessInfo.processInfo.environment["WAYMARK_SQL_PROFILE"] == "1"
        config.publicStatementArguments = profile
        config.prepareDatabase { db in
            if profile {
                db.trace(options: .profile) { event in FileHandle.standardError.write(Data("sql: \(event.expandedDescription)\n".utf8)) }
            }
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            if db.configuration.readonly {
                // Readers (searches, pages) read a few rows at a time: SQLite's own small cache, and
                // no mapping, so that reading the whole directory once at start-up does not stay
                // in the node's memory.
                try db.execute(sql: "PRAGMA cache_size = -\(Self.readerCacheKibibytes)")
            } else {
                // The writer's reads come from memory-mapped pages, and most of a batch of envelopes
                // (with its index pages) stays in the page cache until commit.
                try db.execute(sql: "PRAGMA mmap_size = \(Self.mappedBytes)")
                try db.execute(sql: "PRAGMA cache_size = -\(Self.cacheKibibytes)")
                try db.execute(sql: "PRAGMA wal_autocheckpoint = \(Self.checkpointPages)")
            }
        }
        writer = try DatabasePool(path: path, configuration: config)
        reservePath = path + "-reserve"
        try Self.migrator.migrate(writer)
        keepReserve()
    }

    /// An empty in-memory database, for tests.
    public init(inMemory: Void = ()) throws {
        writer = try DatabaseQueue()
        reservePath = nil
        try Self.migrator.migrate(writer)
    }

    /// Wraps an existing connection (tests use this to set limits such as `max_page_count`).
    public init(writer: any DatabaseWriter) throws {
        self.writer = writer
        reservePath = nil
        try Self.migrator.migrate(writer)
    }

    // MARK: Settings

    public func setting(_ key: String) throws -> String? {
        try writer.read { db in try String.fetchOne(db, sql: "SELECT value FROM node_setting WHERE key = ?", arguments: [key]) }
    }

    public func setSetting(_ key: String, _ value: String) throws {
        try writer.write { db in try Self.setSetting(db, key, value) }
    }

    static func setSetting(_ db: Database, _ key: String, _ value: String) throws {
        try db.execute(
            sql: "INSERT INTO node_setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            arguments: [key, value])
    }

    /// A number that changes whenever the directory changes; readers use it to know when to reload.
    public func directoryVersion() throws -> Int {
        try writer.read { db in try Self.directoryVersion(db) }
    }

    static func directoryVersion(_ db: Database) throws -> Int {
        Int(try String.fetchOne(db, sql: "SELECT value FROM node_setting WHERE key = 'directory_version'") ?? "0") ?? 0
    }
}
