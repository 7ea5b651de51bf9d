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
    /// The private kinds' numbers (§8, §13), as an SQL list.
    static let privateKindList = (UInt16(1)...64).filter { Envelope.Kind(rawValue: $0).isPrivate }.map(String.init).joined(separator: ", ")

    static func isErased(_ db: Database, circle: String) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM erased_circle WHERE circle = ?)"), arguments: [circle]) ?? false
    }

    /// Whether a held erasure explains a sealed envelope's erasure tag (§8.10): one look-up among the
    /// tags held erasures explain (each author's records found in the circle, and its next index),
    /// and one keyed hash where it is there (the tag is the envelope's author's). `advancing`: the
    /// envelope is being stored or held back, so an erasure that explains it also explains the
    /// author's next index in the circle from now on.
    static func isErasedSealed(_ db: Database, _ header: Envelope.Header, advancing: Bool = false) throws -> Bool {
        guard let tag = header.erasureTag,
            let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT tag_key, idx FROM erased_tag WHERE tag = ?"), arguments: [Data(tag)])
        else { return false }
        let key = [UInt8](row["tag_key"] as Data), index = UInt32(clamping: row["idx"] as Int64)
        guard SealedEnvelope.tag(key: key, author: header.author, index: index) == tag else { return false }
        if advancing, index < UInt32.max { try explain(db, tagKey: key, author: header.author, index: index + 1) }
        return true
    }

    /// Notes that an erasure whose tag key is `tagKey` explains `author`'s tag for `index`.
    static func explain(_ db: Database, tagKey: [UInt8], author: [UInt8], index: UInt32) throws {
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO erased_tag (tag, tag_key, idx) VALUES (?, ?, ?)").execute(
            arguments: [Data(SealedEnvelope.tag(key: tagKey, author: author, index: index)), Data(tagKey), Int64(index)])
    }

    /// The tag keys of one erased circle's erasure.
    static func erasedTagKeys(_ db: Database, circle: String) throws -> [[UInt8]] {
        try Data.fetchOne(db.cachedStatement(sql: "SELECT tag_keys FROM erased_circle WHERE circle = ?"), arguments: [circle]).map(tagKeys) ?? []
    }

    /// The tag keys kept one after another in `erased_circle.tag_keys`, 16 bytes each.
    static func tagKeys(_ blob: Data) -> [[UInt8]] {
        stride(from: 0, to: blob.count - SealedFrame.tagLength + 1, by: SealedFrame.tagLength).map { [UInt8](blob[$0..<($0 + SealedFrame.tagLength)]) }
    }

    /// Whether a sealed envelope of `author` with this erasure tag is stored (or, with `orHeldBack`,
    /// waits for its dependencies): one look-up.
    static func holdsSealedTag(_ db: Database, _ tag: [UInt8], author: [UInt8], orHeldBack: Bool = false) throws -> Bool {
        let stored = try db.cachedStatement(
            sql: "SELECT EXISTS (SELECT 1 FROM sealed_envelope s JOIN envelope e ON e.id = s.id WHERE s.tag = ? AND e.author = ?)")
        if try Bool.fetchOne(stored, arguments: [Data(tag), Data(author)]) == true { return true }
        guard orHeldBack else { return false }
        return try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM pending_envelope WHERE tag = ? AND author = ?)"), arguments: [Data(tag), Data(author)]) == true
    }

    /// Counts `author` among the authors of sealed records this node holds, the first time it meets
    /// one of theirs: every erasure held then explains the author's tags from index 0 (one keyed hash
    /// and one look-up per erasure held, once per author).
    static func noteSealedAuthor(_ db: Database, _ author: [UInt8]) throws {
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO sealed_author (author) VALUES (?)").execute(arguments: [Data(author)])
        guard db.changesCount > 0 else { return }
        for row in try Row.fetchAll(db, sql: "SELECT circle, tag_keys FROM erased_circle WHERE tag_keys IS NOT NULL") {
            for key in tagKeys(row["tag_keys"]) { try walkErased(db, circle: row["circle"], tagKey: key, author: author) }
        }
    }

    /// One author's sealed records in the circle whose tag key is `tagKey`: its tags for indexes 0,
    /// 1, 2, … looked up among the sealed envelopes held (stored or waiting for their dependencies)
    /// until one is not held. `each` is called with each one's id and whether it is stored. An
    /// author's records arrive in the order it wrote them (each depends on its previous envelope),
    /// so the first index not held is the next that can arrive.
    /// - Returns: the first index not held.
    @discardableResult
    static func walkSealed(
        _ db: Database, tagKey: [UInt8], author: [UInt8], _ each: (_ index: UInt32, _ tag: [UInt8], _ id: Data, _ stored: Bool) throws -> Void
    ) throws -> UInt32 {
        var index: UInt32 = 0
        while index < UInt32.max {
            let tag = Data(SealedEnvelope.tag(key: tagKey, author: author, index: index))
            let stored = try Data.fetchAll(
                db.cachedStatement(sql: "SELECT s.id FROM sealed_envelope s JOIN envelope e ON e.id = s.id WHERE s.tag = ? AND e.author = ?"),
                arguments: [tag, Data(author)])
            let held = try Data.fetchAll(
                db.cachedStatement(sql: "SELECT id FROM pending_envelope WHERE tag = ? AND author = ?"), arguments: [tag, Data(author)])
            if stored.isEmpty && held.isEmpty { break }
            for id in stored { try each(index, [UInt8](tag), id, true) }
            for id in held { try each(index, [UInt8](tag), id, false) }
            index += 1
        }
        return index
    }

    /// Carries out an erasure for one author: strips what it wrote in the circle, stored or held
    /// back, and notes the tags the erasure explains (those found, and the next index) so that what
    /// arrives later is stripped as it is stored.
    static func walkErased(_ db: Database, circle: String, tagKey: [UInt8], author: [UInt8]) throws {
        let next = try walkSealed(db, tagKey: tagKey, author: author) { index, _, id, stored in
            try explain(db, tagKey: tagKey, author: author, index: index)
            try stripPayload(db, id: id, table: stored ? "envelope" : "pending_envelope")
        }
        try explain(db, tagKey: tagKey, author: author, index: next)
    }

    /// Drops the payload of one envelope, stored or held back, keeping its signed header.
    static func stripPayload(_ db: Database, id: Data, table: String) throws {
        guard let wire = try Data.fetchOne(db.cachedStatement(sql: "SELECT wire FROM \(table) WHERE id = ?"), arguments: [id]),
            let e = try? Envelope.decode([UInt8](wire)), e.payload != nil
        else { return }
        try db.cachedStatement(sql: "UPDATE \(table) SET wire = ? WHERE id = ?").execute(arguments: [Data(e.withoutPayload.encoded()), id])
    }

    /// The index this node's next sealed record in a circle carries (§8.10): the next it counted as it
    /// wrote, or past it while its own tags for the following indexes are held (a node restored from
    /// a backup and synced again, whose later records came back from its peers): an index is never
    /// used twice, which would show relays two records of one circle. A look-up per index passed.
    static func nextSealedIndex(_ db: Database, circle: String, author: [UInt8], tagKey: [UInt8]) throws -> UInt32 {
        var index = UInt32(
            clamping: try Int64.fetchOne(
                db.cachedStatement(sql: "SELECT next FROM sealed_index WHERE circle = ? AND author = ?"), arguments: [circle, Data(author)]) ?? 0)
        while index < UInt32.max, try holdsSealedTag(db, SealedEnvelope.tag(key: tagKey, author: author, index: index), author: author) {
            index += 1
        }
        return index
    }

    /// Counts a sealed record this node wrote into a circle.
    static func wroteSealed(_ db: Database, circle: String, author: [UInt8], index: UInt32) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO sealed_index (circle, author, next) VALUES (?, ?, ?)
                ON CONFLICT(circle, author) DO UPDATE SET next = max(next, excluded.next)
                """
        ).execute(arguments: [circle, Data(author), Int64(index) + 1])
    }

    /// The tag key this node puts in what it seals into a circle (§8.10): for a circle it opened, its
    /// own (from the circle's tag secret); else the one in the owner's earliest sealed frame it read.
    /// A node that read nothing the owner sealed in the circle has nothing to write into it.
    static func circleTagKey(_ db: Database, circle: String, identity: NodeIdentity) throws -> [UInt8] {
        guard let c = Circle(scope: circle), !c.isOwned(by: identity.signingPublicKey) else { return SealedEnvelope.ownTagKey(circle: circle, identity: identity) }
        if let key = try ownersTagKey(db, circle: circle) { return key }
        throw PublishError(description: "this node has read nothing the client's home organisation sealed in this circle, so it cannot write into it")
    }

    /// Opens the sealed envelopes not tried yet with this organisation's keys: where one opens, its
    /// circle, kind, tag key and recipients are noted (never the record), and its circle is marked
    /// to be folded again. One X25519 operation per sealed key for each one tried.
    @discardableResult
    static func openSealedArrivals(_ db: Database, identity: NodeIdentity) throws -> Int {
        var opened = 0
        for row in try Row.fetchAll(
            db, sql: "SELECT s.id, e.wire FROM sealed_envelope s JOIN envelope e ON e.id = s.id WHERE s.opened = 0")
        {
            let id = row["id"] as Data
            guard let e = try? Envelope.decode([UInt8](row["wire"] as Data)), e.payload != nil, let frame = try? identity.openSealed(e),
                Circle(scope: frame.circle) != nil
            else {
                try db.cachedStatement(sql: "UPDATE sealed_envelope SET opened = 1 WHERE id = ?").execute(arguments: [id])
                continue
            }
            try noteOpened(db, id: [UInt8](id), author: e.header.author, frame)
            opened += 1
        }
        return opened
    }

    /// Notes what this node read in a sealed record it opened: its circle, kind, tag key and
    /// recipients (never the record), the recipients as holders of the circle, and the circle as
    /// one to fold again.
    /// A record is not noted (so never shown or counted) when its circle is erased, or when its tag
    /// key is not the one the circle's owner seals with (the tag key of the owner's first record
    /// noted here): an erasure of the circle would miss it.
    /// A record of an erased circle loses its payload here too. When the owner's first record is
    /// noted, what was noted in the circle before it with another tag key is taken back.
    static func noteOpened(_ db: Database, id: [UInt8], author: [UInt8], _ frame: SealedFrame) throws {
        let skip = try db.cachedStatement(sql: "UPDATE sealed_envelope SET opened = 1 WHERE id = ?")
        if try isErased(db, circle: frame.circle) {
            try skip.execute(arguments: [Data(id)])
            if let wire = try Data.fetchOne(db, sql: "SELECT wire FROM envelope WHERE id = ?", arguments: [Data(id)]),
                let e = try? Envelope.decode([UInt8](wire)), e.payload != nil
            {
                try db.execute(sql: "UPDATE envelope SET wire = ? WHERE id = ?", arguments: [Data(e.withoutPayload.encoded()), Data(id)])
            }
            return
        }
        // An index after the first counts only where the author's record with the index before it is
        // held (it came first, in the author's chain): a record past a gap would escape the look-ups of
        // an erasure, which stop at the first index not held (§8.10).
        if try !indexesBeforeHeld(db, tagKey: frame.tagKey, author: author, index: frame.index) {
            try skip.execute(arguments: [Data(id)])
            return
        }
        let owners = try ownersTagKey(db, circle: frame.circle)
        if let owners, owners != frame.tagKey {
            try skip.execute(arguments: [Data(id)])
            return
        }
        if owners == nil, Circle(scope: frame.circle)?.isOwned(by: author) == true {
            try db.cachedStatement(sql: "INSERT INTO circle_tag_key (circle, tag_key) VALUES (?, ?)").execute(arguments: [frame.circle, Data(frame.tagKey)])
            try db.execute(
                sql: "UPDATE sealed_envelope SET circle = NULL, kind = NULL, tag_key = NULL, recipients = NULL, idx = NULL WHERE circle = ? AND tag_key <> ?",
                arguments: [frame.circle, Data(frame.tagKey)])
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO journey_dirty (circle) VALUES (?)").execute(arguments: [frame.circle])
        }
        try db.cachedStatement(sql: "UPDATE sealed_envelope SET opened = 1, circle = ?, kind = ?, tag_key = ?, recipients = ?, idx = ? WHERE id = ?").execute(
            arguments: [frame.circle, Int(frame.kind.rawValue), Data(frame.tagKey), Data(frame.recipientKeyIDs.flatMap { $0 }), Int64(frame.index), Data(id)])
        for k in frame.recipientKeyIDs {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO circle_recipient (key_id, circle) VALUES (?, ?)").execute(arguments: [Data(k), frame.circle])
        }
        if journeyIndexKindSet.contains(frame.kind) {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO journey_dirty (circle) VALUES (?)").execute(arguments: [frame.circle])
        }
    }

    /// Whether `author`'s tags for every index below `index` with this tag key are held (stored): what
    /// an erasure's look-ups, which stop at the first index not held, need to reach the record. Kept
    /// per tag key and author as the first index not held when last looked (`sealed_walk`), so each
    /// record noted costs a look-up or two, not a walk from index 0.
    static func indexesBeforeHeld(_ db: Database, tagKey: [UInt8], author: [UInt8], index: UInt32) throws -> Bool {
        guard index > 0 else { return true }
        var next = UInt32(
            clamping: try Int64.fetchOne(
                db.cachedStatement(sql: "SELECT next FROM sealed_walk WHERE tag_key = ? AND author = ?"), arguments: [Data(tagKey), Data(author)]) ?? 0)
        guard next < index else { return true }
        while next < index, try holdsSealedTag(db, SealedEnvelope.tag(key: tagKey, author: author, index: next), author: author) {
            next += 1
        }
        try db.cachedStatement(
            sql: """
                INSERT INTO sealed_walk (tag_key, author, next) VALUES (?, ?, ?)
                ON CONFLICT(tag_key, author) DO UPDATE SET next = max(next, excluded.next)
                """
        ).execute(arguments: [Data(tagKey), Data(author), Int64(next)])
        return next >= index
    }

    /// The tag key of the first record the circle's owner sealed that this node noted, if any (one
    /// look-up: it is kept per circle as that record is noted).
    static func ownersTagKey(_ db: Database, circle: String) throws -> [UInt8]? {
        try Data.fetchOne(db.cachedStatement(sql: "SELECT tag_key FROM circle_tag_key WHERE circle = ?"), arguments: [circle]).map { [UInt8]($0) }
    }

    /// Notes the sealed records a client's (or proxy's) key can read in its circle, found by the
    /// circle's tag key that the circle's client-key record seals to it: its tags looked up author by
    /// author (one keyed hash per record of the circle, and one more per author of sealed records),
    /// and an attempt to open each found.
    static func findSealed(_ db: Database, for key: NodeIdentity) throws {
        // Each tag key with the circle of the client-key record that gave it: a frame counts only in that circle.
        var tagKeys: [[UInt8]] = []
        var circleOf: [ByteKey: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT scope, wire FROM envelope WHERE kind = 27") {
            guard let e = try? Envelope.decode([UInt8](row["wire"] as Data)), let p = e.payload, let r = try? ClientKeyRecord.decode(p),
                r.encryptionKey == key.encryptionPublicKey, let box = r.tagKeyBox, let t = key.openTagKey(box), circleOf[ByteKey(t)] == nil
            else { continue }
            tagKeys.append(t)
            circleOf[ByteKey(t)] = row["scope"] as String
        }
        guard !tagKeys.isEmpty else { return }
        // Each author's records the tag keys explain, looked up by tag (index 0, 1, 2, …), that this
        // node has not put in a circle yet (it could not open them, nor a key before).
        var matched: [(id: Data, envelope: Envelope, tagKey: [UInt8])] = []
        let authors = try Data.fetchAll(db, sql: "SELECT author FROM sealed_author").map { [UInt8]($0) }
        for tagKey in tagKeys {
            for author in authors {
                try walkSealed(db, tagKey: tagKey, author: author) { _, _, id, stored in
                    guard stored,
                        try Bool.fetchOne(db.cachedStatement(sql: "SELECT circle IS NULL FROM sealed_envelope WHERE id = ?"), arguments: [id]) == true,
                        let wire = try Data.fetchOne(db.cachedStatement(sql: "SELECT wire FROM envelope WHERE id = ?"), arguments: [id]),
                        let e = try? Envelope.decode([UInt8](wire))
                    else { return }
                    matched.append((id, e, tagKey))
                }
            }
        }
        func note(_ m: (id: Data, envelope: Envelope, tagKey: [UInt8]), _ frame: SealedFrame) throws {
            try noteOpened(db, id: [UInt8](m.id), author: m.envelope.header.author, frame)
        }
        // First what is sealed to the key (its client copies among them), then what those copies
        // give it the content keys of (what was written before the receipt).
        var rest: [(id: Data, envelope: Envelope, tagKey: [UInt8])] = []
        for m in matched {
            if let frame = try? key.openSealed(m.envelope), frame.tagKey == m.tagKey, frame.circle == circleOf[ByteKey(m.tagKey)] {
                try note(m, frame)
            } else {
                rest.append(m)
            }
        }
        guard !rest.isEmpty else { return }
        var copyKeys: [ByteKey: [UInt8]] = [:]
        for circle in Set(circleOf.values) { copyKeys.merge(try clientCopyKeys(db, key: key, circle: circle)) { a, _ in a } }
        for m in rest {
            guard let k = copyKeys[ByteKey([UInt8](m.id))], let frame = try? SealedEnvelope.open(m.envelope, contentKey: k), frame.tagKey == m.tagKey,
                frame.circle == circleOf[ByteKey(m.tagKey)]
            else { continue }
            try note(m, frame)
        }
    }

    /// Strips every sealed envelope, stored or held back, that one of `tagKeys` explains: for each
    /// author of sealed records held, its tags looked up in turn (one keyed hash and look-up per
    /// record of the circle, and one more per author), never a pass over every record held.
    static func stripSealed(_ db: Database, circle: String, tagKeys: [[UInt8]]) throws {
        guard !tagKeys.isEmpty else { return }
        let authors = try Data.fetchAll(db, sql: "SELECT author FROM sealed_author").map { [UInt8]($0) }
        for tagKey in tagKeys {
            for author in authors { try walkErased(db, circle: circle, tagKey: tagKey, author: author) }
        }
    }

    /// Carries out an erasure just accepted: every private record of the circle, stored or held back
    /// for its dependencies, keeps its header only; sealed ones are found by the tags its tag keys explain.
    static func eraseCircle(_ db: Database, _ circle: String, erasure: [UInt8], tagKeys: [[UInt8]], ownKey: [UInt8]?, author: [UInt8], now: UInt64) throws {
        // A circle already erased has nothing left to strip (what arrives later is stripped as it is
        // stored), so a second erasure of it costs one look-up.
        if try isErased(db, circle: circle) { return }
        try? db.execute(sql: "PRAGMA secure_delete = ON")
        defer { try? db.execute(sql: "PRAGMA secure_delete = OFF") }
        try db.execute(
            sql: "INSERT OR IGNORE INTO erased_circle (circle, erasure, erased_at, acknowledged, tag_keys) VALUES (?, ?, ?, ?, ?)",
            arguments: [circle, Data(erasure), Int64(now), author == ownKey ? 1 : 0, tagKeys.isEmpty ? nil : Data(tagKeys.flatMap { $0 })])
        try stripSealed(db, circle: circle, tagKeys: tagKeys)
        // And what this node noted in the circle whatever its tag (one sealed with a tag key of its
        // author's own, which no erasure explains, is not kept readable here).
        for id in try Data.fetchAll(db, sql: "SELECT id FROM sealed_envelope WHERE circle = ?", arguments: [circle]) {
            try stripPayload(db, id: id, table: "envelope")
        }
        // How many records this node wrote in the circle is the circle's too.
        try db.execute(sql: "DELETE FROM sealed_index WHERE circle = ?", arguments: [circle])
        try db.execute(sql: "UPDATE sealed_envelope SET idx = NULL, recipients = NULL WHERE circle = ?", arguments: [circle])
        try scrubAudit(db, circle: circle)
        try db.execute(
            sql: "DELETE FROM referral_message_seen WHERE referral IN (SELECT lower(hex(referral)) FROM referral_index WHERE circle = ?)", arguments: [circle])
        // The circle's referral states and consent ends go at once (the fold would find nothing left).
        try db.execute(sql: "DELETE FROM referral_index WHERE circle = ?", arguments: [circle])
        try db.execute(sql: "DELETE FROM consent_index WHERE circle = ?", arguments: [circle])
        // This organisation's own tasks and messages about the circle's referrals go with them.
        try db.execute(sql: "DELETE FROM task WHERE circle = ?", arguments: [circle])
        // Every private kind: the journey (16–19), the client's copies, voice, openings and requests (§13).
        for row in try Row.fetchAll(db, sql: "SELECT id, wire FROM envelope WHERE scope = ? AND scope <> 'public' AND kind IN (\(privateKindList))", arguments: [circle]) {
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
