import Foundation
import GRDB
import WaymarkCore
import WaymarkCrypto

/// A file kept with a client's record (a scanned signed consent, a letter, an ID): a PDF, JPEG or
/// PNG of at most `NodeDatabase.attachmentLimit` bytes, its type read from its first bytes (never
/// from the name or what the browser said). Its name and bytes are sealed under the client's key,
/// like their record; it stays at this organisation (it is not sent to partners) and is erased with
/// the client.
public struct Attachment: Sendable, Equatable {
    public var id: Int64
    public var name: String
    /// `application/pdf`, `image/jpeg` or `image/png`.
    public var type: String
    public var size: Int
    /// Milliseconds.
    public var addedAt: UInt64
    public var username: String
}

extension NodeDatabase {
    /// The largest file a client's record takes: 5 MiB.
    public static let attachmentLimit = 5 << 20

    /// Why a file was not kept.
    public enum AttachmentProblem: Error, Sendable, Equatable {
        case empty
        case tooBig
        /// Not a PDF, JPEG or PNG.
        case notAllowed
    }

    /// The type of a file from its first bytes, if it is one a record takes.
    public static func attachmentType(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: Array("%PDF-".utf8)) { return "application/pdf" }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        return nil
    }

    static func attachmentAD(_ clientID: String, _ part: String) -> [UInt8] { Array("waymark/attachment/v1/\(part)".utf8) + [0] + Array(clientID.utf8) }

    /// Keeps a file with a client's record. The audit log names the file's type and size, never its name.
    @discardableResult
    public func addAttachment(clientID: String, name: String, bytes: [UInt8], identity: NodeIdentity, by username: String, nowMilliseconds now: UInt64)
        throws -> Int64
    {
        guard !bytes.isEmpty else { throw AttachmentProblem.empty }
        guard bytes.count <= Self.attachmentLimit else { throw AttachmentProblem.tooBig }
        guard let type = Self.attachmentType(bytes) else { throw AttachmentProblem.notAllowed }
        // Only the last part of a path a browser may send, without control characters, at most 200 characters.
        let base = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var clean = String(String.UnicodeScalarView(base.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }).prefix(200))
        if clean.trimmingCharacters(in: .whitespaces).isEmpty { clean = "file" }
        return try writer.write { db in
            guard let key = try Self.clientKey(db, id: clientID, identity: identity) else { throw Self.noSuchClient }
            let sealedName = try SecretBox.seal(Array(clean.utf8), key: key, associatedData: Self.attachmentAD(clientID, "name"))
            let sealed = try SecretBox.seal(bytes, key: key, associatedData: Self.attachmentAD(clientID, "bytes"))
            try db.execute(
                sql: "INSERT INTO attachment (client_id, sealed_name, sealed, type, size, added_at, username) VALUES (?, ?, ?, ?, ?, ?, ?)",
                arguments: [clientID, Data(sealedName), Data(sealed), type, bytes.count, Int64(now), username])
            let id = db.lastInsertedRowID
            try AuditLog.record(db, username, "add attachment", subject: clientID, detail: "\(type), \(bytes.count) bytes", now: now)
            return id
        }
    }

    /// A client's files (without their bytes), newest first.
    public func attachments(clientID: String, identity: NodeIdentity) throws -> [Attachment] {
        try writer.read { db in
            guard let key = try Self.clientKey(db, id: clientID, identity: identity) else { return [] }
            return try Row.fetchAll(
                db, sql: "SELECT id, sealed_name, type, size, added_at, username FROM attachment WHERE client_id = ? ORDER BY id DESC", arguments: [clientID]
            ).map { row in
                let name = (try? SecretBox.open([UInt8](row["sealed_name"] as Data), key: key, associatedData: Self.attachmentAD(clientID, "name")))
                    .map { String(decoding: $0, as: UTF8.self) } ?? "file"
                return Attachment(
                    id: row["id"], name: name, type: row["type"], size: row["size"], addedAt: UInt64(row["added_at"] as Int64), username: row["username"])
            }
        }
    }

    /// One file's bytes, opened for a member of staff (logged).
    public func attachment(clientID: String, id: Int64, identity: NodeIdentity, by username: String, nowMilliseconds now: UInt64) throws
        -> (Attachment, [UInt8])?
    {
        try writer.write { db in
            guard let key = try Self.clientKey(db, id: clientID, identity: identity),
                let row = try Row.fetchOne(db, sql: "SELECT * FROM attachment WHERE id = ? AND client_id = ?", arguments: [id, clientID])
            else { return nil }
            let name = String(decoding: try SecretBox.open([UInt8](row["sealed_name"] as Data), key: key, associatedData: Self.attachmentAD(clientID, "name")), as: UTF8.self)
            let bytes = try SecretBox.open([UInt8](row["sealed"] as Data), key: key, associatedData: Self.attachmentAD(clientID, "bytes"))
            try AuditLog.record(db, username, "open attachment", subject: clientID, now: now)
            return (
                Attachment(id: id, name: name, type: row["type"], size: row["size"], addedAt: UInt64(row["added_at"] as Int64), username: row["username"]),
                bytes
            )
        }
    }

    /// Removes a file kept by mistake (overwritten in the file with `secure_delete`).
    public func removeAttachment(clientID: String, id: Int64, by username: String, nowMilliseconds now: UInt64) throws {
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA secure_delete = ON")
            defer { try? db.execute(sql: "PRAGMA secure_delete = OFF") }
            try db.inTransaction {
                try db.execute(sql: "DELETE FROM attachment WHERE id = ? AND client_id = ?", arguments: [id, clientID])
                guard db.changesCount == 1 else { throw Self.noSuchClient }
                try AuditLog.record(db, username, "remove attachment", subject: clientID, now: now)
                return .commit
            }
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
    }
}
