import Foundation
import GRDB
import WaymarkCore
import WaymarkCrypto

/// A node's data directory: `waymark.sqlite` and `identity.key` (the private key seeds, readable
/// by the owner only).
public struct NodeHome: Sendable {
    public let directory: URL
    public var databasePath: String { directory.appendingPathComponent("waymark.sqlite").path }
    public var keyPath: String { directory.appendingPathComponent("identity.key").path }

    public init(_ path: String) {
        directory = URL(fileURLWithPath: path, isDirectory: true)
    }

    /// Why a node could not be created or opened.
    public struct Problem: Error, CustomStringConvertible {
        public let description: String
    }

    /// Creates a node: the directory, the database, the keys and the publishing organisation.
    /// - Returns: the identity and the organisation id.
    public func create(organizationName: String, organizationID: String? = nil) throws -> (NodeIdentity, String) {
        let fm = FileManager.default
        if fm.fileExists(atPath: databasePath) || fm.fileExists(atPath: keyPath) {
            throw Problem(description: "a node already exists in \(directory.path); use another --data directory")
        }
        let name = organizationName.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw Problem(description: "the organisation needs a name (--org \"NAME\")") }
        try fm.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let identity = NodeIdentity.generate()
        let seeds = Data(identity.secretSeeds)
        guard fm.createFile(atPath: keyPath, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw Problem(description: "cannot write \(keyPath)")
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: keyPath))
        try handle.write(contentsOf: seeds)
        try handle.close()
        let db = try NodeDatabase(path: databasePath)
        keepPrivate()
        let orgID = organizationID ?? RowNamespace.id(author: identity.signingPublicKey, local: UInt64.random(in: 0...UInt64.max))
        try db.writer.write { db in
            try NodeDatabase.setSetting(db, "organization_id", orgID)
            try NodeDatabase.setSetting(db, "organization_name", name)
            try NodeDatabase.setSetting(db, "signing_public_key", hexString(identity.signingPublicKey))
            try NodeDatabase.setSetting(db, "encryption_public_key", hexString(identity.encryptionPublicKey))
        }
        return (identity, orgID)
    }

    /// Opens an existing node's database.
    public func openDatabase() throws -> NodeDatabase {
        guard FileManager.default.fileExists(atPath: databasePath) else {
            throw Problem(description: "no node in \(directory.path); create one with: waymark init --data \(directory.path) --org \"NAME\"")
        }
        let db = try NodeDatabase(path: databasePath)
        keepPrivate()
        // The node opens the sealed records addressed to it as they arrive (§8.10).
        if let identity = try? loadIdentity() { db.opensSealed(with: identity) }
        return db
    }

    /// Makes the data folder readable by the node's own user only (0700) and its database files
    /// 0600 (SQLite gives its write-ahead log and shared-memory files the database's mode), also
    /// where the folder existed before `init` or was made by hand: a copy of the files is what a
    /// thief needs, so other accounts on the machine get none. Best effort: a folder that belongs to
    /// another account (a mounted volume) is left as its owner set it.
    func keepPrivate() {
        let fm = FileManager.default
        try? fm.setAttributes([.posixPermissions: 0o700], ofItemAtPath: directory.path)
        for path in [databasePath, databasePath + "-wal", databasePath + "-shm"] where fm.fileExists(atPath: path) {
            try? fm.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        }
    }

    /// Reads the node's keys, refusing a key file that others can read, signing with the key in force
    /// (§9.6): a newer key the file holds is used only once the hand-over to it is in the ledger (a
    /// hand-over cut short before it was published leaves the node signing as before).
    /// - Parameter inForce: `false` to get every key the file holds, newest signing (`waymark key rotate`).
    public func loadIdentity(inForce: Bool = true) throws -> NodeIdentity {
        let identity = try loadKeyFile()
        guard inForce, identity.generations > 1, FileManager.default.fileExists(atPath: databasePath) else { return identity }
        let held = try NodeDatabase(path: databasePath).keyInForce(author: identity.signingPublicKey)
        if let g = identity.signingKeys.firstIndex(of: held), g < identity.generations - 1, let older = identity.signingWithGeneration(g) {
            return older
        }
        return identity
    }

    /// Writes the key file anew (a new key added by `waymark key rotate`), through a temporary file
    /// renamed over it, so that a crash leaves the old file or the new one, never a part.
    public func writeKeyFile(_ identity: NodeIdentity) throws {
        let temporary = keyPath + ".new"
        try? FileManager.default.removeItem(atPath: temporary)
        guard FileManager.default.createFile(atPath: temporary, contents: Data(identity.secretSeeds), attributes: [.posixPermissions: 0o600]) else {
            throw Problem(description: "cannot write \(temporary)")
        }
        // On disk before the rename, and the rename on disk before the hand-over is published: a
        // power cut must not leave a ledger whose key in force no file holds.
        try Self.syncToDisk(temporary)
        guard rename(temporary, keyPath) == 0 else {
            throw Problem(description: "could not rename \(temporary) to \(keyPath) (error \(errno)); the old key file is unchanged")
        }
        try Self.syncToDisk((keyPath as NSString).deletingLastPathComponent)
        guard (try? loadKeyFile().signerPublicKey) == identity.signerPublicKey else {
            throw Problem(description: "could not replace \(keyPath) with the file holding the new key (\(temporary))")
        }
    }

    /// Flushes a file or a folder (its entries) to disk.
    static func syncToDisk(_ path: String) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw Problem(description: "cannot open \(path) to flush it to disk (error \(errno))") }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw Problem(description: "cannot flush \(path) to disk (error \(errno))") }
    }

    private func loadKeyFile() throws -> NodeIdentity {
        let attrs = try FileManager.default.attributesOfItem(atPath: keyPath)
        if let mode = attrs[.posixPermissions] as? NSNumber, mode.intValue & 0o077 != 0 {
            throw Problem(description: "\(keyPath) can be read by other users; run: chmod 600 \(keyPath)")
        }
        guard let data = FileManager.default.contents(atPath: keyPath) else { throw Problem(description: "cannot read \(keyPath)") }
        return try NodeIdentity(secretSeeds: Array(data))
    }
}
