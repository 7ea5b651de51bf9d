import Foundation
import GRDB
import WaymarkCore

/// Backing a node up and restoring it without forking itself (`Protocol/SPEC.md` §9.6).
///
/// A backup is a folder holding a consistent copy of `waymark.sqlite` (SQLite's online backup, so
/// a serving node can be backed up) and `identity.key`. A node restored from it holds its own chain
/// only up to the backup, while the federation may hold later envelopes it signed: signing again
/// from the old head would reuse sequence numbers, and every peer would flag the organisation as
/// forked. So a restored node signs nothing until it has synced once with a peer and taken its own
/// later envelopes back in; then its chain continues after the newest of them.
extension NodeHome {
    /// Writes a backup of this node into `folder` (created, owner-only; must not hold a backup already).
    /// - Returns: the number of envelopes the backup holds.
    @discardableResult
    public func backup(to folder: String) throws -> Int {
        let fm = FileManager.default
        let out = URL(fileURLWithPath: folder, isDirectory: true)
        let target = out.appendingPathComponent("waymark.sqlite").path
        if fm.fileExists(atPath: target) { throw Problem(description: "\(folder) already holds a backup; choose an empty folder") }
        try fm.createDirectory(at: out, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let source = try openDatabase()
        let copy = try DatabaseQueue(path: target)
        try source.writer.backup(to: copy)
        try copy.close()
        try fm.setAttributes([.posixPermissions: 0o600], ofItemAtPath: target)
        let key = out.appendingPathComponent("identity.key").path
        guard let seeds = fm.contents(atPath: keyPath), fm.createFile(atPath: key, contents: seeds, attributes: [.posixPermissions: 0o600]) else {
            throw Problem(description: "cannot copy \(keyPath) into the backup")
        }
        return try NodeDatabase(path: target).ledger.counts().envelopes
    }

    /// Restores a backup into this (empty) data folder. The restored node signs nothing until it has
    /// synced with a peer (`NodeDatabase.mustResyncBeforeSigning`).
    public func restore(from folder: String) throws {
        let fm = FileManager.default
        let from = URL(fileURLWithPath: folder, isDirectory: true)
        let sourceDB = from.appendingPathComponent("waymark.sqlite").path
        let sourceKey = from.appendingPathComponent("identity.key").path
        guard fm.fileExists(atPath: sourceDB), fm.fileExists(atPath: sourceKey) else {
            throw Problem(description: "\(folder) is not a Waymark backup (it needs waymark.sqlite and identity.key)")
        }
        if fm.fileExists(atPath: databasePath) || fm.fileExists(atPath: keyPath) {
            throw Problem(description: "a node already exists in \(directory.path); restore into an empty --data folder")
        }
        try fm.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        // The copy is marked "sync before signing" before it takes the database's name, so a restore
        // cut short can never leave a restored node without the mark.
        let staging = databasePath + ".restoring"
        try? fm.removeItem(atPath: staging)
        let copy = try DatabaseQueue(path: staging)
        try DatabaseQueue(path: sourceDB, configuration: { var c = Configuration(); c.readonly = true; return c }()).backup(to: copy)
        try copy.write { db in try NodeDatabase.setSetting(db, NodeDatabase.resyncSetting, "1") }
        try copy.close()
        try fm.setAttributes([.posixPermissions: 0o600], ofItemAtPath: staging)
        try fm.moveItem(atPath: staging, toPath: databasePath)
        guard let seeds = fm.contents(atPath: sourceKey), fm.createFile(atPath: keyPath, contents: seeds, attributes: [.posixPermissions: 0o600]) else {
            throw Problem(description: "cannot write \(keyPath)")
        }
    }
}

extension NodeDatabase {
    /// Set on a node restored from a backup until it has synced once with a peer.
    public static let resyncSetting = "resync_before_signing"

    /// Whether this node must sync with a peer before it signs anything (it was restored from a backup).
    public func mustResyncBeforeSigning() throws -> Bool { try setting(Self.resyncSetting) == "1" }

    /// Called after a successful sync session: a restored node has caught up and may sign again.
    public func resyncDone() throws {
        try writer.write { db in try db.execute(sql: "DELETE FROM node_setting WHERE key = ?", arguments: [Self.resyncSetting]) }
    }
}
