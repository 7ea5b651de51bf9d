import Foundation
import GRDB
import WaymarkCore
import WaymarkCrypto

/// Reading a client's journey: the private envelopes of a circle this node can open, folded.
extension NodeDatabase {
    static func circle(_ db: Database, clientID: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT circle FROM client WHERE id = ?", arguments: [clientID])
    }

    static func journey(_ db: Database, identity: NodeIdentity, circle: String, today: String) throws -> JourneyView {
        let opened = try openedEnvelopes(db, identity: identity, kinds: journeyKinds, circle: circle)
        return try journey(db, circle: circle, opened: opened, names: organizationNames(db), today: today)
    }

    /// The private kinds a journey is folded from.
    static let journeyKinds: [Envelope.Kind] = [.consent, .referral, .referralStatus, .progress, .clientVoice, .referralMessage]

    /// Folds one circle's opened envelopes (`JourneyFold`), with this node's settings and ledger.
    static func journey(_ db: Database, circle: String, opened: [OpenedRecord], names: [String: String], today: String) throws -> JourneyView {
        try JourneyFold.fold(
            circle: circle, opened: opened, names: names, today: today, responseDays: responseDays(db), instruments: instruments(db),
            isAncestor: { try isAncestor(db, $0, of: $1) })
    }

    /// Whether envelope `a` is in the causal past of envelope `b`: a walk back along dependencies
    /// that stops at envelopes older than `a` (a hybrid clock is larger than every clock in its past).
    static func isAncestor(_ db: Database, _ a: [UInt8], of b: [UInt8]) throws -> Bool {
        let clockOf = try db.cachedStatement(sql: "SELECT clock FROM envelope WHERE id = ?")
        guard let clockA = try Int64.fetchOne(clockOf, arguments: [Data(a)]) else { return false }
        let read = try db.cachedStatement(sql: "SELECT clock, wire FROM envelope WHERE id = ?")
        var stack = [b]
        var seen: Set<ByteKey> = [ByteKey(b)]
        while let x = stack.popLast() {
            guard let row = try Row.fetchOne(read, arguments: [Data(x)]), (row["clock"] as Int64) > clockA,
                let e = try? Envelope.decode([UInt8](row["wire"] as Data))
            else { continue }
            for d in e.header.dependencies {
                if d == a { return true }
                if seen.insert(ByteKey(d)).inserted { stack.append(d) }
            }
        }
        return false
    }

    /// One circle's envelopes of these kinds. `scope <> 'public'` lets SQLite use the partial index
    /// `envelope_by_circle` (a bound `scope = ?` alone does not tell it the circle is not `public`,
    /// and each look-up read the whole ledger: the staff home took seconds at 500 clients).
    /// Sealed envelopes (§8.10) count here as the kind and circle their frames say, for those this
    /// node opened; `recipients` is their frame's key ids (NULL for unsealed envelopes, whose header lists them).
    static func circleEnvelopesSQL(kinds: [Envelope.Kind]) -> String {
        let list = kinds.map { String($0.rawValue) }.joined(separator: ", ")
        return """
            SELECT id, clock, author, scope, kind, wire, NULL AS recipients FROM envelope WHERE scope = ?1 AND scope <> 'public' AND kind IN (\(list))
            UNION ALL
            SELECT e.id, e.clock, e.author, s.circle AS scope, s.kind, e.wire, s.recipients FROM sealed_envelope s JOIN envelope e ON e.id = s.id
            WHERE s.circle = ?1 AND s.kind IN (\(list))
            ORDER BY clock, id
            """
    }

    /// The recipients' key ids of a row of `circleEnvelopesSQL`.
    static func recipientKeyIDs(_ row: Row, _ e: Envelope) -> [[UInt8]] {
        guard let blob = row["recipients"] as Data? else { return e.header.recipients.map(\.keyID) }
        return stride(from: 0, to: blob.count - 7, by: 8).map { [UInt8](blob[$0..<($0 + 8)]) }
    }

    /// The circles in which the organisation with this encryption key id (the one argument) is a recipient.
    static let circlesNamingRecipientSQL = "SELECT circle FROM circle_recipient WHERE key_id = ?"

    /// The circles that name this organisation as a recipient under any of its keys (its key now and
    /// those it handed over from, §9.6), as SQL with the key ids written in (hex literals).
    /// The circles naming this organisation where an envelope of a kind arrived after a point
    /// (arguments: the last `seq` seen, the kind). Through the private envelopes' kind index: a scan
    /// of every envelope stored since, after a node took in a whole directory, read (and mapped) the
    /// whole table at the end of the session.
    static func circlesWithNewSQL(_ identity: NodeIdentity) -> String {
        """
        SELECT DISTINCT scope FROM envelope WHERE kind = ?1 AND seq > ?2 AND scope <> 'public' AND scope IN (\(circlesNamingSQL(identity)))
        UNION SELECT DISTINCT s.circle FROM sealed_envelope s JOIN envelope e ON e.id = s.id WHERE s.kind = ?1 AND e.seq > ?2
        """
    }

    static func circlesNamingSQL(_ identity: NodeIdentity) -> String {
        "SELECT circle FROM circle_recipient WHERE key_id IN (\(keyIDList(identity)))"
    }

    /// This organisation's key ids as a list of SQL blob literals.
    static func keyIDList(_ identity: NodeIdentity) -> String {
        identity.encryptionKeyIDs.map { "X'\(hexString($0))'" }.joined(separator: ", ")
    }

    /// One circle's journey envelopes of the given kinds that this node can open, oldest first.
    /// `extraKeys`: content keys given by other means (a client's copy, kind 28), by envelope id.
    /// A consent record signed by the circle's client key in force at its clock is marked so (§13.3).
    static func openedEnvelopes(
        _ db: Database, identity: NodeIdentity, kinds: [Envelope.Kind], circle: String, extraKeys: [ByteKey: [UInt8]] = [:]
    ) throws -> [OpenedRecord] {
        let rows = try Row.fetchAll(db, sql: circleEnvelopesSQL(kinds: kinds), arguments: [circle])
        var clientKeys: ClientKeyHistory?
        return try rows.compactMap { row in
            let kind = Envelope.Kind(rawValue: UInt16(row["kind"] as Int))
            let id = [UInt8](row["id"] as Data)
            guard let (e, plain, p) = open(row["wire"] as Data, kind: kind, identity: identity, extraKey: extraKeys[ByteKey(id)]) else { return nil }
            var signer: [UInt8]?
            let split = kind == .consent || kind == .clientVoice ? ClientSignature.split(plain) : nil
            if split != nil {
                if clientKeys == nil { clientKeys = try Self.clientKeys(db, circle: circle) }
                signer = clientSigner(plain, circle: circle, clock: e.header.clock, keys: clientKeys!)
            }
            return OpenedRecord(
                id: id, clock: UInt64(bitPattern: row["clock"] as Int64), author: hexString([UInt8](row["author"] as Data)),
                scope: row["scope"], kind: kind, recipientKeyIDs: recipientKeyIDs(row, e), payload: p, clientSigned: signer != nil,
                clientSignature: split?.signature, clientSigner: signer)
        }
    }

    /// A stored private envelope's payload, if this node is among its recipients (or `extraKey` is its
    /// content key) and the payload is still held and reads as a journey record of that kind.
    static func open(_ wire: Data, kind: Envelope.Kind, identity: NodeIdentity, extraKey: [UInt8]? = nil) -> (Envelope, [UInt8], JourneyPayload)? {
        guard let e = try? Envelope.decode([UInt8](wire)) else { return nil }
        var plain: [UInt8]?
        // A sealed envelope is opened by trying its sealed keys (§8.10), once.
        if e.header.kind == .sealed || identity.isRecipient(of: e) { plain = try? identity.open(e) }
        if plain == nil, let extraKey { plain = try? NodeIdentity.open(e, contentKey: extraKey) }
        guard let plain, let p = try? JourneyPayload.decode(plain, kind: kind) else { return nil }
        return (e, plain, p)
    }

    /// Organisation names by node signing key (hex).
    /// Organisation names by signing key (hex): the name a member's vouch gives (§9.4), else its node record's.
    static func organizationNames(_ db: Database) throws -> [String: String] {
        let roster = try roster(db)
        return Dictionary(
            try Row.fetchAll(db, sql: "SELECT author, organization_name FROM known_node").map {
                let author = [UInt8]($0["author"] as Data)
                let vouched = roster.members[ByteKey(author)]?.organizationName ?? ""
                return (hexString(author), vouched.isEmpty ? $0["organization_name"] as String : vouched)
            }, uniquingKeysWith: { a, _ in a })
    }
}
