import Foundation
import GRDB
import WaymarkCore
import WaymarkCrypto

/// An erasure as the admin page shows it: which organisations have said they carried it out.
public struct ErasureView: Sendable, Equatable {
    /// The erasure envelope's id, hex.
    public var id: String
    public var circle: String
    public var requestedOn: String
    public var requestedBy: String
    /// When this node carried it out (milliseconds).
    public var erasedAt: UInt64
    /// Organisations (names) that acknowledged it, with when (milliseconds).
    public var acknowledgements: [(organization: String, at: UInt64)]
    /// Other organisations that held records of the client (names) and have not confirmed yet.
    public var waiting: [String] = []

    public static func == (a: ErasureView, b: ErasureView) -> Bool {
        a.id == b.id && a.erasedAt == b.erasedAt && a.acknowledgements.map(\.organization) == b.acknowledgements.map(\.organization)
    }
}

/// Erasure, the right to be forgotten, by crypto-shredding (`Protocol/SPEC.md` §8.7): the home
/// organisation signs an erasure for the client's circle; every node that takes it in drops the
/// payload of every private record in that circle (now and whenever one arrives later), keeping the
/// signed headers so that sync and the chain of envelopes still verify, and then signs an
/// acknowledgement that travels back by sync.
extension NodeDatabase {
    static func isErased(_ db: Database, circle: String) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM erased_circle WHERE circle = ?)"), arguments: [circle]) ?? false
    }

    /// Carries out an erasure just accepted: every private record of the circle, stored or held back
    /// for its dependencies, keeps its header only.
    static func eraseCircle(_ db: Database, _ circle: String, erasure: [UInt8], ownKey: [UInt8]?, author: [UInt8], now: UInt64) throws {
        // A circle already erased has nothing left to strip (what arrives later is stripped as it is
        // stored), so a second erasure of it costs one look-up.
        if try isErased(db, circle: circle) { return }
        try? db.execute(sql: "PRAGMA secure_delete = ON")
        defer { try? db.execute(sql: "PRAGMA secure_delete = OFF") }
        try db.execute(
            sql: "INSERT OR IGNORE INTO erased_circle (circle, erasure, erased_at, acknowledged) VALUES (?, ?, ?, ?)",
            arguments: [circle, Data(erasure), Int64(now), author == ownKey ? 1 : 0])
        try scrubAudit(db, circle: circle)
        try db.execute(
            sql: "DELETE FROM referral_message_seen WHERE referral IN (SELECT lower(hex(referral)) FROM referral_index WHERE circle = ?)", arguments: [circle])
        // The circle's referral states and consent ends go at once (the fold would find nothing left).
        try db.execute(sql: "DELETE FROM referral_index WHERE circle = ?", arguments: [circle])
        try db.execute(sql: "DELETE FROM consent_index WHERE circle = ?", arguments: [circle])
        // This organisation's own tasks and messages about the circle's referrals go with them.
        try db.execute(sql: "DELETE FROM task WHERE circle = ?", arguments: [circle])
        // Every private kind: the journey (16–19), the client's copies, voice, openings and requests (§13).
        let privateKinds = (UInt16(1)...64).filter { Envelope.Kind(rawValue: $0).isPrivate }.map(String.init).joined(separator: ", ")
        for row in try Row.fetchAll(db, sql: "SELECT id, wire FROM envelope WHERE scope = ? AND scope <> 'public' AND kind IN (\(privateKinds))", arguments: [circle]) {
            guard let e = try? Envelope.decode([UInt8](row["wire"] as Data)), e.payload != nil else { continue }
            try db.execute(
                sql: "UPDATE envelope SET wire = ? WHERE id = ?",
                arguments: [Data(e.withoutPayload.encoded()), row["id"] as Data])
        }
        for row in try Row.fetchAll(db, sql: "SELECT id, wire FROM pending_envelope WHERE scope = ?", arguments: [circle]) {
            guard let e = try? Envelope.decode([UInt8](row["wire"] as Data)), e.header.scope == circle, e.header.kind.isPrivate, e.payload != nil else {
                continue
            }
            try db.execute(
                sql: "UPDATE pending_envelope SET wire = ? WHERE id = ?",
                arguments: [Data(e.withoutPayload.encoded()), row["id"] as Data])
        }
    }

    /// Empties the details of every audit entry about an erased client: entries whose subject is
    /// their circle or (at the home organisation) the client. Who did what and when stays; no word
    /// about the client does. (Details never hold what staff typed about a client — goal titles,
    /// milestones, reasons — only names of organisations and services, and these go too.)
    static func scrubAudit(_ db: Database, circle: String, clientID: String? = nil) throws {
        for subject in [circle] + (clientID.map { [$0] } ?? []) {
            try db.execute(sql: "UPDATE audit_log SET detail = '' WHERE subject = ? AND detail <> ''", arguments: [subject])
        }
    }

}
