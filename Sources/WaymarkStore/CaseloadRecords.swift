import Foundation
import GRDB
import WaymarkCore
import WaymarkCrypto

// The caseload's tables as stored: each row sealed under its client's key (or the node's local data
// key), read in one place per table and opened by the record itself, so that no other code reads
// their columns by name (`Protocol/THREAT_MODEL.md`, "Stolen database").

/// A row of `client`, with its key as `client_key` holds it (wrapped under the node's local data key).
struct SealedClient: FetchableRecord {
    static let selection = "SELECT c.*, k.wrapped FROM client c JOIN client_key k ON k.client_id = c.id"
    var id: String
    var circle: String
    var sealed: [UInt8]
    var wrapped: [UInt8]
    var createdAt: UInt64
    var updatedAt: UInt64
    var worker: String?

    init(row: Row) {
        id = row["id"]
        circle = row["circle"]
        sealed = [UInt8](row["sealed"] as Data)
        wrapped = [UInt8](row["wrapped"] as Data)
        createdAt = UInt64(row["created_at"] as Int64)
        updatedAt = UInt64(row["updated_at"] as Int64)
        worker = row["worker"]
    }

    /// The client's key, then their record, opened with the node's local data key.
    func open(dataKey: [UInt8]) throws -> ClientSummary {
        let key = try SecretBox.open(wrapped, key: dataKey, associatedData: NodeDatabase.clientKeyAD(id))
        let record = try ClientRecord.decode(SecretBox.open(sealed, key: key, associatedData: NodeDatabase.clientAD(id)))
        return ClientSummary(id: id, circle: circle, record: record, createdAt: createdAt, updatedAt: updatedAt, worker: worker)
    }
}

/// A row of `case_note`.
struct SealedCaseNote: FetchableRecord {
    var id: Int64
    var clientID: String
    var sealed: [UInt8]
    var notedAt: UInt64
    var username: String
    var supersedes: Int64?

    init(row: Row) {
        id = row["id"]
        clientID = row["client_id"]
        sealed = [UInt8](row["sealed"] as Data)
        notedAt = UInt64(row["noted_at"] as Int64)
        username = row["username"]
        supersedes = row["supersedes"]
    }

    func open(key: [UInt8], corrected: Bool) throws -> CaseNote {
        let text = String(decoding: try SecretBox.open(sealed, key: key, associatedData: NodeDatabase.caseNoteAD(clientID)), as: UTF8.self)
        return CaseNote(id: id, text: text, at: notedAt, username: username, supersedes: supersedes, corrected: corrected)
    }
}

/// A row of `task`: about a client (sealed under their key) or a referral (under the node's local data key).
struct SealedTask: FetchableRecord {
    var id: Int64
    var clientID: String?
    var referral: String?
    var sealed: [UInt8]
    var dueOn: String
    var assignee: String
    var createdBy: String
    var createdAt: UInt64
    var doneAt: UInt64?
    var doneBy: String?

    init(row: Row) {
        id = row["id"]
        clientID = row["client_id"]
        referral = row["referral"]
        sealed = [UInt8](row["sealed"] as Data)
        dueOn = row["due_on"]
        assignee = row["assignee"]
        createdBy = row["created_by"]
        createdAt = UInt64(row["created_at"] as Int64)
        doneAt = (row["done_at"] as Int64?).map(UInt64.init)
        doneBy = row["done_by"]
    }

    /// What the task is about, as its sealing binds it.
    var about: String { clientID.map { "client/" + $0 } ?? "referral/" + (referral ?? "") }

    /// The task opened, or `nil` when its key no longer opens it (the client was erased).
    func open(key: [UInt8]) -> StaffTask? {
        guard let plain = try? SecretBox.open(sealed, key: key, associatedData: NodeDatabase.taskAD(about)) else { return nil }
        return StaffTask(
            id: id, text: String(decoding: plain, as: UTF8.self), dueOn: dueOn, assignee: assignee, createdBy: createdBy, createdAt: createdAt, doneAt: doneAt,
            doneBy: doneBy, clientID: clientID, referral: referral)
    }
}

/// A row of `attachment`, with or without its bytes (`sealed` is read only when selected).
struct SealedAttachment: FetchableRecord {
    var id: Int64
    var clientID: String
    var sealedName: [UInt8]
    var sealed: [UInt8]?
    var type: String
    var size: Int
    var addedAt: UInt64
    var username: String

    init(row: Row) {
        id = row["id"]
        clientID = row["client_id"]
        sealedName = [UInt8](row["sealed_name"] as Data)
        sealed = row.hasColumn("sealed") ? (row["sealed"] as Data?).map { [UInt8]($0) } : nil
        type = row["type"]
        size = row["size"]
        addedAt = UInt64(row["added_at"] as Int64)
        username = row["username"]
    }

    /// The file's listing; its name opened with the client's key.
    func listing(key: [UInt8]) throws -> Attachment {
        let name = String(decoding: try SecretBox.open(sealedName, key: key, associatedData: NodeDatabase.attachmentAD(clientID, "name")), as: UTF8.self)
        return Attachment(id: id, name: name, type: type, size: size, addedAt: addedAt, username: username)
    }

    /// The file's bytes, opened with the client's key.
    func bytes(key: [UInt8]) throws -> [UInt8] {
        try SecretBox.open(sealed ?? [], key: key, associatedData: NodeDatabase.attachmentAD(clientID, "bytes"))
    }
}
