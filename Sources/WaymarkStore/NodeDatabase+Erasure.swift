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
    /// Erases one of this organisation's clients everywhere: signs the erasure for their circle
    /// (which drops the circle's payloads here at once), then deletes the client's record and key.
    public func requestErasure(clientID: String, identity: NodeIdentity, by username: String, today: String, nowMilliseconds now: UInt64) throws {
        try writer.write { db in
            guard let circle = try Self.circle(db, clientID: clientID) else {
                throw Self.noSuchClient
            }
            try Self.publishPrivate(
                db, .erasure, circle: circle, JourneyPayload.erasure(Erasure(circle: circle, requestedOn: today)).encoded(), to: [], identity: identity,
                now: now)
        }
        try eraseClient(id: clientID, by: username, nowMilliseconds: now)
    }

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

    /// After envelopes arrive: the journey index is brought up to date, referrals for this
    /// organisation are marked `received` and erasures acknowledged.
    public func acknowledgeArrivals(identity: NodeIdentity, nowMilliseconds now: UInt64) throws {
        try refreshJourneyIndex(identity: identity)
        try acknowledgeReferrals(identity: identity, nowMilliseconds: now)
        try acknowledgeErasures(identity: identity, nowMilliseconds: now)
        try acknowledgeClientConsents(identity: identity, nowMilliseconds: now)
        try noteArrivedMessages(identity: identity)
    }

    /// Signs an acknowledgement for every erasure this node carried out and has not yet acknowledged
    /// (called after each sync session, like the `received` of referrals), then moves the erased
    /// pages out of the write-ahead log.
    /// - Returns: how many were acknowledged.
    @discardableResult
    public func acknowledgeErasures(identity: NodeIdentity, nowMilliseconds now: UInt64) throws -> Int {
        let count = try writer.write { db -> Int in
            var count = 0
            for row in try Row.fetchAll(db, sql: "SELECT circle, erasure FROM erased_circle WHERE acknowledged = 0") {
                let circle: String = row["circle"]
                try Self.publishPrivate(
                    db, .erasureAcknowledgement, circle: circle,
                    JourneyPayload.erasureAcknowledgement(erasureID: [UInt8](row["erasure"] as Data)).encoded(), to: [], identity: identity, now: now)
                try db.execute(sql: "UPDATE erased_circle SET acknowledged = 1 WHERE circle = ?", arguments: [circle])
                count += 1
            }
            return count
        }
        if count > 0 { try ledger.truncateLog() }
        return count
    }

    /// Every erasure this node holds, newest first, with the acknowledgements it has received.
    public func erasures() throws -> [ErasureView] {
        try writer.read { db in
            let names = try Self.organizationNames(db)
            // Every encryption key each known organisation has published (a node that handed over to a
            // new key has more than one, §9.6), as recipient key ids.
            var keyIDs: [ByteKey: [Data]] = [:]
            for k in try Row.fetchAll(db, sql: "SELECT author, encryption_key FROM known_node") {
                keyIDs[ByteKey([UInt8](k["author"] as Data)), default: []].append(Data(PrivateEnvelope.keyID(of: [UInt8](k["encryption_key"] as Data))))
            }
            for r in try Row.fetchAll(db, sql: "SELECT author, wire FROM envelope WHERE kind = 1 AND author IN (SELECT author FROM known_node)") {
                guard let e = try? Envelope.decode([UInt8](r["wire"] as Data)), let p = e.payload, let n = try? NodeRecord.decode(p) else { continue }
                let id = Data(PrivateEnvelope.keyID(of: n.encryptionKey))
                let author = ByteKey([UInt8](r["author"] as Data))
                if keyIDs[author]?.contains(id) == false { keyIDs[author]?.append(id) }
            }
            return try Row.fetchAll(
                db, sql: "SELECT e.id, e.scope, e.author, e.wire, c.erased_at FROM erased_circle c JOIN envelope e ON e.id = c.erasure ORDER BY c.erased_at DESC"
            ).map { row in
                let circle: String = row["scope"]
                let author = hexString([UInt8](row["author"] as Data))
                var requested = ""
                if let e = try? Envelope.decode([UInt8](row["wire"] as Data)), let p = e.payload,
                    case .erasure(let x)? = try? JourneyPayload.decode(p, kind: .erasure)
                {
                    requested = x.requestedOn
                }
                let id = [UInt8](row["id"] as Data)
                let acks = try Row.fetchAll(
                    db, sql: "SELECT author, clock, wire FROM envelope WHERE scope = ? AND scope <> 'public' AND kind = ? ORDER BY clock",
                    arguments: [circle, Int(Envelope.Kind.erasureAcknowledgement.rawValue)]
                ).compactMap { a -> (String, UInt64)? in
                    guard let e = try? Envelope.decode([UInt8](a["wire"] as Data)), let p = e.payload,
                        case .erasureAcknowledgement(let target)? = try? JourneyPayload.decode(p, kind: .erasureAcknowledgement), target == id
                    else { return nil }
                    let org = hexString([UInt8](a["author"] as Data))
                    return (names[org] ?? org, HybridClock.milliseconds(UInt64(bitPattern: a["clock"] as Int64)))
                }
                // Who held records of the circle: the organisations its envelopes were encrypted to.
                let eraser = ByteKey([UInt8](row["author"] as Data))
                let holders = try keyIDs.filter { $0.key != eraser }.compactMap { author, ids -> String? in
                    let held = try ids.contains { keyID in
                        try Int.fetchOne(
                            db.cachedStatement(sql: "SELECT count(*) FROM circle_recipient WHERE key_id = ? AND circle = ?"), arguments: [keyID, circle]) == 1
                    }
                    guard held else { return nil }
                    let org = hexString(author.bytes)
                    return names[org] ?? org
                }
                let confirmed = Set(acks.map(\.0))
                return ErasureView(
                    id: hexString(id), circle: circle, requestedOn: requested, requestedBy: names[author] ?? author,
                    erasedAt: UInt64(row["erased_at"] as Int64), acknowledgements: acks, waiting: holders.filter { !confirmed.contains($0) }.sorted())
            }
        }
    }
}
