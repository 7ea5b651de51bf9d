import Foundation
import GRDB
import WaymarkCore
import WaymarkCrypto

/// A client as staff see them.
public struct ClientSummary: Sendable, Equatable {
    public var id: String
    /// The scope of every private record about this client (`Protocol/SPEC.md` §8.1).
    public var circle: String
    public var record: ClientRecord
    public var createdAt: UInt64
    public var updatedAt: UInt64
    /// The member of staff whose caseload the client is on (username), if anyone's.
    public var worker: String?
}

/// Clients on their home organisation's node. Each client's record is sealed (XChaCha20-Poly1305)
/// under a key of its own; that key is stored wrapped under the node's local data key, which is
/// derived from the node's secret key file and never stored in the database. Erasing a client
/// deletes the key and the record with SQLite's `secure_delete` on and checkpoints the WAL, so the
/// bytes do not linger in the file. Every read and change is written to the audit log by whom.
extension NodeDatabase {
    static func clientAD(_ id: String) -> [UInt8] { Array("waymark/client/v1".utf8) + [0] + Array(id.utf8) }
    static func clientKeyAD(_ id: String) -> [UInt8] { Array("waymark/client-key/v1".utf8) + [0] + Array(id.utf8) }

    /// A member of staff who may hold a caseload (not a champion, not disabled), or nil.
    static func caseloadHolder(_ db: Database, _ username: String) throws -> String? {
        try String.fetchOne(
            db, sql: "SELECT username FROM staff_user WHERE username = ? AND disabled = 0 AND role IN (?, ?)",
            arguments: [username, StaffRole.admin.rawValue, StaffRole.caseworker.rawValue])
    }

    static func clientKey(_ db: Database, id: String, identity: NodeIdentity) throws -> [UInt8]? {
        guard let wrapped = try Data.fetchOne(db, sql: "SELECT wrapped FROM client_key WHERE client_id = ?", arguments: [id]) else { return nil }
        return try SecretBox.open([UInt8](wrapped), key: identity.localDataKey, associatedData: clientKeyAD(id))
    }

    static func readClients(_ db: Database, identity: NodeIdentity, id: String?, limit: Int = -1, offset: Int = 0) throws -> [ClientSummary] {
        let rows =
            if let id {
                try SealedClient.fetchAll(db, sql: SealedClient.selection + " WHERE c.id = ?", arguments: [id])
            } else {
                try SealedClient.fetchAll(db, sql: SealedClient.selection + " ORDER BY c.created_at DESC, c.id LIMIT ? OFFSET ?", arguments: [limit, offset])
            }
        let dataKey = identity.localDataKey
        return try rows.map { try $0.open(dataKey: dataKey) }
    }
}

extension NodeDatabase {
    /// A client's sealed record and wrapped key exactly as stored (tests look for them in the file).
    func rawClientColumns(id: String) throws -> (sealed: [UInt8], wrappedKey: [UInt8])? {
        try writer.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT c.sealed, k.wrapped FROM client c JOIN client_key k ON k.client_id = c.id WHERE c.id = ?", arguments: [id])
            else { return nil }
            return ([UInt8](row["sealed"] as Data), [UInt8](row["wrapped"] as Data))
        }
    }
}

/// A case note: this organisation's own dated note about a client, by its author, never sent to any
/// other node; sealed under the client's key like their record, erased with them. A correction is a
/// new note naming the one it corrects, which is kept and shown as an earlier version.
public struct CaseNote: Sendable {
    public var id: Int64
    public var text: String
    /// Milliseconds.
    public var at: UInt64
    public var username: String
    public var supersedes: Int64?
    /// A later note corrects this one.
    public var corrected: Bool
}

extension NodeDatabase {
    static func caseNoteAD(_ clientID: String) -> [UInt8] { Array("waymark/case-note/v1".utf8) + [0] + Array(clientID.utf8) }

}
