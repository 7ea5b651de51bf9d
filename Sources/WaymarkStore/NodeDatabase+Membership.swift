import Foundation
import GRDB
import WaymarkCore
import WaymarkCrypto

/// One member of the federation, as this node holds it.
public struct MemberInfo: Sendable, Equatable {
    public var key: [UInt8]
    public var organizationName: String
    public var roles: [String]
    public var founder: Bool
    /// When a removal of the key was signed (milliseconds since 1970, from its clock), if it was removed.
    public var removedAt: UInt64?
    /// The member whose vouch admitted it (`nil` for a founder).
    public var voucher: [UInt8]?
    public var fingerprint: String { NodeIdentity.fingerprint(of: key) }
}

/// A membership change that cannot go ahead.
public struct MembershipError: Error, CustomStringConvertible, Sendable {
    public let description: String
}

extension NodeDatabase {
    // MARK: The federation's founders

    /// The founding keys this node was given (its own when it founded the federation, or the ones
    /// an invite carried). Empty until the node founds or joins a federation.
    public func founders() throws -> [[UInt8]] {
        try writer.read { db in try Self.founders(db) }
    }

    static func founders(_ db: Database) throws -> [[UInt8]] {
        try Data.fetchAll(db, sql: "SELECT key FROM federation_founder ORDER BY key").map { [UInt8]($0) }
    }

    /// Sets the founding keys, once: a node belongs to one federation.
    /// - Throws: `MembershipError` when the node already belongs to a federation with other founders.
    public func setFounders(_ keys: [[UInt8]]) throws {
        try writer.write { db in
            let current = try Self.founders(db)
            let wanted = keys.sorted { $0.lexicographicallyPrecedes($1) }
            if current == wanted { return }
            guard current.isEmpty else {
                throw MembershipError(
                    description: "this node already belongs to a federation founded by \(current.map(NodeIdentity.fingerprint(of:)).joined(separator: ", "))")
            }
            for k in wanted { try db.execute(sql: "INSERT INTO federation_founder (key) VALUES (?)", arguments: [Data(k)]) }
            try Self.bumpLedgerVersion(db)
        }
    }

    // MARK: The member set

    /// The member set folded from the founders and every vouch and removal held.
    public func roster() throws -> Membership.Roster {
        try writer.read { db in try Self.roster(db) }
    }

    static func roster(_ db: Database) throws -> Membership.Roster {
        var roster = Membership.Roster(founders: try founders(db))
        for row in try Row.fetchAll(db, sql: "SELECT id, member, voucher, organization_name, roles, clock FROM member_vouch ORDER BY clock, id") {
            let roles = (row["roles"] as String).split(separator: " ").map(String.init)
            roster.apply(
                vouch: .init(member: [UInt8](row["member"] as Data), organizationName: row["organization_name"], roles: roles),
                voucher: [UInt8](row["voucher"] as Data), clock: UInt64(bitPattern: row["clock"] as Int64), envelopeID: [UInt8](row["id"] as Data))
        }
        for row in try Row.fetchAll(db, sql: "SELECT id, member, author, reason, clock FROM member_removal ORDER BY clock, id") {
            roster.apply(
                removal: .init(member: [UInt8](row["member"] as Data), reason: row["reason"]), remover: [UInt8](row["author"] as Data),
                clock: UInt64(bitPattern: row["clock"] as Int64), envelopeID: [UInt8](row["id"] as Data))
        }
        return roster
    }

    /// Every member, founders first, then by name.
    public func members() throws -> [MemberInfo] {
        let (roster, recordNames) = try writer.read { db in
            var names = try Row.fetchAll(db, sql: "SELECT author, organization_name FROM known_node").reduce(into: [ByteKey: String]()) {
                $0[ByteKey([UInt8]($1["author"] as Data))] = $1["organization_name"]
            }
            // This node's own name, before it has published its node record.
            if let own = try Self.setting(db, "signing_public_key").flatMap(bytesFromHex), names[ByteKey(own)] == nil {
                names[ByteKey(own)] = try Self.setting(db, "organization_name")
            }
            return (try Self.roster(db), names)
        }
        return roster.members.map { key, m in
            // A founder has no vouch to name it: its own node record does.
            MemberInfo(
                key: key.bytes, organizationName: m.organizationName.isEmpty ? (recordNames[key] ?? "(founder)") : m.organizationName,
                roles: m.roles.sorted(),
                founder: roster.founders.contains(key), removedAt: roster.removedAt[key].map(HybridClock.milliseconds), voucher: m.voucher?.bytes)
        }.sorted { ($0.founder ? 0 : 1, $0.organizationName, $0.fingerprint) < ($1.founder ? 0 : 1, $1.organizationName, $1.fingerprint) }
    }

    /// Records what a membership envelope says, as it is stored. A removal hides everything the removed
    /// key published from the directory.
    static func storeMembership(_ db: Database, _ v: VerifiedEnvelope, now: UInt64) throws {
        let h = v.envelope.header
        if let vouch = v.vouch {
            try db.execute(
                sql: "INSERT OR IGNORE INTO member_vouch (id, member, voucher, organization_name, roles, clock) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [Data(v.id), Data(vouch.member), Data(h.author), vouch.organizationName, vouch.roles.joined(separator: " "), Int64(bitPattern: h.clock)])
        } else if let removal = v.removal {
            try db.execute(
                sql: "INSERT OR IGNORE INTO member_removal (id, member, author, reason, clock) VALUES (?, ?, ?, ?, ?)",
                arguments: [Data(v.id), Data(removal.member), Data(h.author), removal.reason, Int64(bitPattern: h.clock)])
        }
    }

    /// Re-folds every directory row the key ever wrote to, after its removal: its rows disappear, and a
    /// row it had taken from another member goes back to the next claimant.
    static func refoldRows(of author: [UInt8], _ db: Database, roster: Membership.Roster, now: UInt64) throws -> Int {
        var keys: [RowKey: [VerifiedEnvelope]] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT DISTINCT row_table, row_id FROM envelope WHERE author = ? AND row_table IS NOT NULL", arguments: [Data(author)])
        {
            keys[RowKey(table: row[0], id: row[1])] = []
        }
        guard !keys.isEmpty else { return 0 }
        var report = IngestReport()
        try foldRows(db, arrived: keys, before: [:], peer: "self", now: now, roster: roster, report: &report)
        return report.rowsChanged
    }

    // MARK: Vouching and removing

    /// Vouches for another organisation's key (after its fingerprint was checked out of band): a
    /// signed membership record that every node takes in.
    /// - Throws: `MembershipError` when this node is not a member itself, the key is already a member,
    ///   or another member already has that organisation name.
    public func publishVouch(_ vouch: Membership.Vouch, identity: NodeIdentity, nowMilliseconds: UInt64) throws {
        try writer.write { db in
            let roster = try Self.roster(db)
            guard roster.isCurrentMember(identity.signingPublicKey) else {
                throw MembershipError(description: "this node is not a member of a federation yet, so it cannot vouch for others")
            }
            if roster.isCurrentMember(vouch.member) {
                throw MembershipError(description: "\(NodeIdentity.fingerprint(of: vouch.member)) is already a member")
            }
            if roster.removedAt[ByteKey(vouch.member)] != nil {
                throw MembershipError(description: "\(NodeIdentity.fingerprint(of: vouch.member)) was removed; a removed key cannot come back (rotate to a new key)")
            }
            let taken = roster.members.contains { key, m in
                roster.isCurrentMember(key.bytes) && m.organizationName.caseInsensitiveCompare(vouch.organizationName) == .orderedSame
            }
            if taken { throw MembershipError(description: "another member is already named \"\(vouch.organizationName)\"; names are unique") }
            try Self.publishOwn(db, [(.memberVouch, vouch.encoded())], identity: identity, nowMilliseconds: nowMilliseconds)
        }
    }

    /// Removes a key from the federation (an organisation that left, or a compromised key).
    /// - Parameter withVouched: also remove every current member the key admitted, and those they
    ///   admitted in turn (`Membership.Roster.admittedThrough`), each by a removal record of its own
    ///   with the same reason: for a compromised key that may have vouched for accomplices.
    /// - Returns: the keys removed, the member first.
    @discardableResult
    public func publishRemoval(_ removal: Membership.Removal, withVouched: Bool = false, identity: NodeIdentity, nowMilliseconds: UInt64) throws
        -> [[UInt8]]
    {
        try writer.write { db in
            let roster = try Self.roster(db)
            guard roster.members[ByteKey(removal.member)] != nil else {
                throw MembershipError(description: "\(NodeIdentity.fingerprint(of: removal.member)) is not a member")
            }
            let keys = [removal.member] + (withVouched ? roster.admittedThrough(removal.member) : [])
            for key in keys where !roster.mayRemove(key, by: identity.signingPublicKey) {
                throw MembershipError(
                    description: key == removal.member
                        ? "only a founder, or the member itself, may remove a member"
                        : "only a founder may remove the members \(NodeIdentity.fingerprint(of: removal.member)) vouched for; nothing was removed")
            }
            try Self.publishOwn(
                db, keys.map { (.memberRemoval, Membership.Removal(member: $0, reason: removal.reason).encoded()) }, identity: identity,
                nowMilliseconds: nowMilliseconds)
            return keys
        }
    }

    /// Signs and admits this node's own public envelopes inside a transaction.
    static func publishOwn(_ db: Database, _ payloads: [(Envelope.Kind, [UInt8])], identity: NodeIdentity, nowMilliseconds: UInt64) throws {
        let envelopes = try signChain(db, payloads, identity: identity, nowMilliseconds: nowMilliseconds)
        var report = IngestReport()
        try admit(db, envelopes, peer: "self", nowMilliseconds: nowMilliseconds, report: &report)
        if let problem = report.rejected.first { throw MembershipError(description: "\(problem.reason.rawValue): \(problem.detail)") }
    }
}

extension NodeDatabase {
    /// The key that signs for `author` now (§9.6): the key its newest envelope says signs the next
    /// one (its own key until a hand-over names another).
    public func keyInForce(author: [UInt8]) throws -> [UInt8] {
        try writer.read { db in try Self.keyInForce(db, author: author) }
    }

    /// Follows the author's hand-overs from its first key: each key hands over to the key named by the
    /// first hand-over it signed that this node took in. A hand-over the same key signed on a fork is
    /// passed over, and so is a branch that a key which had already handed over went on signing: the key
    /// in force is never taken from the longest branch, which whoever holds an old key could make.
    static func keyInForce(_ db: Database, author: [UInt8]) throws -> [UInt8] {
        let rows = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT wire, next_signer FROM envelope WHERE author = ? AND kind = 6 ORDER BY seq"), arguments: [Data(author)])
        guard !rows.isEmpty else { return author }
        let handovers: [(signer: [UInt8], key: [UInt8])] = rows.compactMap { row in
            guard let key = row["next_signer"] as Data?, let e = try? Envelope.decode([UInt8](row["wire"] as Data)) else { return nil }
            return (e.header.signer, [UInt8](key))
        }
        var key = author
        var seen: Set<ByteKey> = [ByteKey(author)]
        while let next = handovers.first(where: { $0.signer == key && !seen.contains(ByteKey($0.key)) }) {
            key = next.key
            seen.insert(ByteKey(key))
        }
        return key
    }

    /// The wire form of the hand-overs an author's chain holds, in chain order: what `GET
    /// /sync/v1/keys` answers, so that whoever checks a node record signed by a later key can follow
    /// the keys from the organisation's first (§9.6).
    public func handoverWires(author: [UInt8]) throws -> [[UInt8]] {
        try writer.read { db in
            try Data.fetchAll(
                db, sql: "SELECT wire FROM envelope WHERE author = ? AND kind = ? ORDER BY sequence",
                arguments: [Data(author), Int(Envelope.Kind.keyHandover.rawValue)]
            ).map { [UInt8]($0) }
        }
    }

    /// The hand-overs an author's chain holds, oldest first: (sequence, clock, new key).
    public func handovers(author: [UInt8]) throws -> [(sequence: UInt64, clock: UInt64, key: [UInt8])] {
        try writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT sequence, clock, next_signer FROM envelope WHERE author = ? AND kind = ? ORDER BY sequence",
                arguments: [Data(author), Int(Envelope.Kind.keyHandover.rawValue)]
            ).compactMap { row in
                guard let key = row["next_signer"] as Data? else { return nil }
                return (UInt64(row["sequence"] as Int64), UInt64(bitPattern: row["clock"] as Int64), [UInt8](key))
            }
        }
    }
}

extension NodeDatabase {
    /// Hands this organisation over to the newest key `identity` holds (§9.6): signs a hand-over (kind
    /// 6) with the key in force, naming the new key with its proof. The organisation's own key (its
    /// fingerprint, its rows and circles) is unchanged; its later envelopes and requests are signed by
    /// the new key, and what is sealed to it afterwards uses the new encryption key (the node record
    /// published next carries it).
    /// - Returns: the identity to sign with from now on.
    public func handOver(to identity: NodeIdentity, nowMilliseconds: UInt64) throws -> NodeIdentity {
        try writer.write { db in
            let inForce = try Self.keyInForce(db, author: identity.signingPublicKey)
            guard let g = identity.signingKeys.firstIndex(of: inForce) else {
                throw PublishError(
                    description: "the key file does not hold the key in force for this organisation (\(NodeIdentity.fingerprint(of: inForce))); restore the key file that does")
            }
            guard g < identity.generations - 1, let signer = identity.signingWithGeneration(g) else {
                throw PublishError(description: "the newest key is already in force")
            }
            let payload = EnvelopeCrypto.handover(author: identity.signingPublicKey, to: identity).encoded()
            let envelopes = try Self.signChain(db, [(.keyHandover, payload)], identity: signer, nowMilliseconds: nowMilliseconds)
            var report = IngestReport()
            try Self.admit(db, envelopes, peer: "self", nowMilliseconds: nowMilliseconds, report: &report)
            if let problem = report.rejected.first { throw PublishError(description: "\(problem.reason.rawValue): \(problem.detail)") }
            try Self.setSetting(db, "encryption_public_key", hexString(identity.encryptionPublicKey))
            return identity
        }
    }
}
