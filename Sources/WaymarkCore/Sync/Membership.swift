/// Membership: which organisations' keys belong to a federation (`Protocol/SPEC.md` §9).
///
/// A federation starts from its **founders** (keys every node is given when it joins: the founding
/// node's own, or the ones an invite carries). A member admits another organisation by signing a
/// **vouch** (kind 4) for its key, after checking its fingerprint out of band; a **removal** (kind 5)
/// takes a key out. Both are public envelopes, so membership spreads by sync like the directory, and
/// every node that holds the same vouches and removals decides the same member set.
///
/// What membership decides:
/// - an envelope whose author is not a member is refused (`not-member`) and never stored or relayed;
/// - sync requests from a key that is not a current member are refused (HTTP 403);
/// - what a removed key published is left out of the directory everywhere (its envelopes stay
///   stored, so that envelopes that depend on them still verify and every node holds the same set);
/// - a member's claim to a directory row counts from no earlier than the member's admission, so a
///   backdated first claim cannot take over a row published before it joined (`DirectoryFold`).
public enum Membership {
    /// Roles a vouch can give a member besides publishing: the hub and its helper (statistics) and
    /// local champions (directory checks). Sorted in payloads.
    public static let roles: Set<String> = ["champion", "helper", "hub"]

    /// The payload of a vouch (kind 4): canonical JSON
    /// `{"member": hex signing key, "organization_name": …, "roles": [sorted]}`.
    public struct Vouch: Sendable, Hashable {
        public var member: [UInt8]
        public var organizationName: String
        public var roles: [String]

        public init(member: [UInt8], organizationName: String, roles: [String] = []) {
            self.member = member
            self.organizationName = organizationName
            self.roles = roles.sorted()
        }

        public func encoded() -> [UInt8] {
            JSONValue.object(
                JSONObject([
                    ("member", .string(hexString(member))), ("organization_name", .string(organizationName)),
                    ("roles", .array(roles.sorted().map { .string($0) })),
                ])
            ).canonicalBytes
        }

        public static func decode(_ bytes: [UInt8]) throws -> Vouch { try decode(value: JSONParser.parse(bytes)) }

        public static func decode(value: JSONValue) throws -> Vouch {
            func fail(_ m: String) -> HSDSError { HSDSError(record: "member vouch", message: m) }
            guard case .object(let o) = value else { throw fail("must be a JSON object") }
            guard o.count == 3 else { throw fail("has exactly member, organization_name and roles") }
            guard let hex = o["member"]?.stringValue, let key = bytesFromHex(hex), key.count == 32, hex == hexString(key) else {
                throw fail("needs a member key: 32 bytes in lower-case hex")
            }
            guard let name = o["organization_name"]?.stringValue, !name.isEmpty, name.utf8.count <= 300 else {
                throw fail("needs an organization_name of 1 to 300 bytes")
            }
            guard let list = o["roles"]?.arrayValue else { throw fail("needs roles (an array, possibly empty)") }
            let roles = try list.map { v -> String in
                guard let r = v.stringValue, Membership.roles.contains(r) else { throw fail("roles are among \(Membership.roles.sorted())") }
                return r
            }
            guard roles == roles.sorted(), Set(roles).count == roles.count else { throw fail("roles are sorted and listed once each") }
            return Vouch(member: key, organizationName: name, roles: roles)
        }
    }

    /// The payload of a removal (kind 5): canonical JSON `{"member": hex signing key, "reason": …}`.
    public struct Removal: Sendable, Hashable {
        public var member: [UInt8]
        public var reason: String

        public init(member: [UInt8], reason: String) {
            self.member = member
            self.reason = reason
        }

        public func encoded() -> [UInt8] {
            JSONValue.object(JSONObject([("member", .string(hexString(member))), ("reason", .string(reason))])).canonicalBytes
        }

        public static func decode(_ bytes: [UInt8]) throws -> Removal { try decode(value: JSONParser.parse(bytes)) }

        public static func decode(value: JSONValue) throws -> Removal {
            func fail(_ m: String) -> HSDSError { HSDSError(record: "member removal", message: m) }
            guard case .object(let o) = value else { throw fail("must be a JSON object") }
            guard o.count == 2 else { throw fail("has exactly member and reason") }
            guard let hex = o["member"]?.stringValue, let key = bytesFromHex(hex), key.count == 32, hex == hexString(key) else {
                throw fail("needs a member key: 32 bytes in lower-case hex")
            }
            guard let reason = o["reason"]?.stringValue, !reason.isEmpty, reason.utf8.count <= 1000 else {
                throw fail("needs a reason of 1 to 1000 bytes")
            }
            return Removal(member: key, reason: reason)
        }
    }

    /// The payload of a key hand-over (kind 6, `Protocol/SPEC.md` §9.6): canonical JSON
    /// `{"key": hex new signing key, "proof": hex Ed25519 signature}`. Signed, like any envelope, by
    /// the author's key in force; `proof` is the new key's signature of `proofMessage`, so no one hands
    /// over to a key they do not hold. The author's envelopes after it in its chain are signed by `key`.
    public struct Handover: Sendable, Hashable {
        public var key: [UInt8]
        public var proof: [UInt8]

        public init(key: [UInt8], proof: [UInt8]) {
            self.key = key
            self.proof = proof
        }

        /// What the new key signs: `"waymark/handover/v1" 0x00 || author (32 bytes) || new key (32 bytes)`.
        public static func proofMessage(author: [UInt8], key: [UInt8]) -> [UInt8] {
            Array("waymark/handover/v1".utf8) + [0] + author + key
        }

        public func encoded() -> [UInt8] {
            JSONValue.object(JSONObject([("key", .string(hexString(key))), ("proof", .string(hexString(proof)))])).canonicalBytes
        }

        public static func decode(_ bytes: [UInt8]) throws -> Handover { try decode(value: JSONParser.parse(bytes)) }

        public static func decode(value: JSONValue) throws -> Handover {
            func fail(_ m: String) -> HSDSError { HSDSError(record: "key hand-over", message: m) }
            guard case .object(let o) = value else { throw fail("must be a JSON object") }
            guard o.count == 2 else { throw fail("has exactly key and proof") }
            guard let hex = o["key"]?.stringValue, let key = bytesFromHex(hex), key.count == 32, hex == hexString(key) else {
                throw fail("needs a key: 32 bytes in lower-case hex")
            }
            guard let p = o["proof"]?.stringValue, let proof = bytesFromHex(p), proof.count == 64, p == hexString(proof) else {
                throw fail("needs a proof: 64 bytes in lower-case hex")
            }
            return Handover(key: key, proof: proof)
        }
    }

    /// A key's standing for an envelope it signed with a given clock.
    public enum Standing: Sendable, Equatable {
        case member
        /// No member has vouched for the key (as far as this node holds).
        case notMember
        /// The key was removed by a removal whose clock is before the envelope's.
        case removed
    }

    /// The member set, decided by replaying every held vouch and removal in (clock, envelope id)
    /// order from the founders. The result depends only on the set of records, so nodes holding the
    /// same records agree, whatever order they arrived in (tested over permutations).
    ///
    /// Replaying in clock order is what keeps a member from reaching back in time:
    /// - a vouch counts only if its voucher was a member, not removed, at the vouch's clock, so a key
    ///   a member vouches for is admitted no earlier than that member was (a backdated vouch is inert);
    /// - a key is admitted by its first vouch that counts, which alone gives its name and roles (later
    ///   vouches for it, vouches for founders and vouches for oneself change nothing);
    /// - a removal counts only if signed by a founder or by the key itself while a member, not
    ///   removed, at the removal's clock; a removed key's later vouches and removals change nothing.
    public struct Roster: Sendable, Equatable {
        public struct Member: Sendable, Equatable {
            /// The admitting vouch's clock (0 for a founder): a claim to a directory row counts from here.
            public var admittedAt: UInt64
            /// The name the admitting vouch gave (empty for a founder: its node record names it).
            public var organizationName: String
            public var roles: Set<String>
            /// Who signed the admitting vouch (`nil` for a founder).
            public var voucher: ByteKey?
        }

        private enum Change: Sendable, Equatable {
            case vouch(Vouch)
            case removal(Removal)
        }

        private struct Event: Sendable, Equatable {
            var clock: UInt64
            var id: [UInt8]
            var author: ByteKey
            var change: Change
        }

        public private(set) var founders: Set<ByteKey>
        public private(set) var members: [ByteKey: Member] = [:]
        /// The clock of the removal that took effect, for each removed key.
        public private(set) var removedAt: [ByteKey: UInt64] = [:]
        private var events: [Event] = []

        public init(founders: [[UInt8]]) {
            self.founders = Set(founders.map(ByteKey.init))
            replay()
        }

        public static func == (a: Roster, b: Roster) -> Bool {
            a.founders == b.founders && a.members == b.members && a.removedAt == b.removedAt
        }

        /// Folds in a vouch signed by `voucher` at `clock`.
        public mutating func apply(vouch: Vouch, voucher: [UInt8], clock: UInt64, envelopeID: [UInt8]) {
            insert(Event(clock: clock, id: envelopeID, author: ByteKey(voucher), change: .vouch(vouch)))
        }

        /// Folds in a removal signed by `remover` at `clock`.
        public mutating func apply(removal: Removal, remover: [UInt8], clock: UInt64, envelopeID: [UInt8]) {
            insert(Event(clock: clock, id: envelopeID, author: ByteKey(remover), change: .removal(removal)))
        }

        private mutating func insert(_ e: Event) {
            var lo = 0
            var hi = events.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if isBefore((events[mid].clock, events[mid].id), (e.clock, e.id)) { lo = mid + 1 } else { hi = mid }
            }
            if lo < events.count && events[lo].id == e.id { return }
            events.insert(e, at: lo)
            // An event at the end (the usual case: records arrive roughly in clock order) only adds to
            // the state; one in the past may change what followed it, so everything is replayed.
            if lo == events.count - 1 { play(e) } else { replay() }
        }

        private mutating func replay() {
            members = [:]
            removedAt = [:]
            for f in founders { members[f] = Member(admittedAt: 0, organizationName: "", roles: [], voucher: nil) }
            for e in events { play(e) }
        }

        /// Whether `key` is a member, not removed, as the events played so far have it. Events are
        /// played in (clock, id) order, so this is its standing at the event being played: a key
        /// admitted or removed by a later event is not yet in, or not yet out.
        private func activeSoFar(_ key: ByteKey) -> Bool {
            members[key] != nil && removedAt[key] == nil
        }

        private mutating func play(_ e: Event) {
            guard activeSoFar(e.author) else { return }
            switch e.change {
            case .vouch(let v):
                let key = ByteKey(v.member)
                guard key != e.author, members[key] == nil, removedAt[key] == nil else { return }
                members[key] = Member(admittedAt: e.clock, organizationName: v.organizationName, roles: Set(v.roles), voucher: e.author)
            case .removal(let r):
                let key = ByteKey(r.member)
                guard founders.contains(e.author) || key == e.author, members[key] != nil, removedAt[key] == nil else { return }
                removedAt[key] = e.clock
            }
        }

        /// The standing of `author` for an envelope with this clock.
        public func standing(of author: [UInt8], clock: UInt64) -> Standing {
            let key = ByteKey(author)
            guard members[key] != nil else { return .notMember }
            if let removed = removedAt[key], removed < clock { return .removed }
            return .member
        }

        /// Whether a key is a member now (vouched or founding, and not removed): who may sync with this node.
        public func isCurrentMember(_ key: [UInt8]) -> Bool {
            members[ByteKey(key)] != nil && removedAt[ByteKey(key)] == nil
        }

        /// The current members holding `role` by a **founder's** vouch (`Protocol/SPEC.md` §9.3): a role
        /// another member gave counts for nothing, so every node names the same parties (the hub and
        /// its helper, §12.5) from the same records. In ascending key order.
        public func holders(of role: String) -> [[UInt8]] {
            members.filter { key, m in
                m.roles.contains(role) && m.voucher.map(founders.contains) == true && removedAt[key] == nil
            }.keys.map(\.bytes).sorted { $0.lexicographicallyPrecedes($1) }
        }

        /// Who may remove `member`: a founder, or the member itself (leaving). Deciding this needs no
        /// state but the founders, so every node judges a removal alike.
        public func mayRemove(_ member: [UInt8], by author: [UInt8]) -> Bool {
            author == member || founders.contains(ByteKey(author))
        }

        /// The current members admitted by `key`'s vouch, and those they admitted in turn: what a
        /// founder removes together with a compromised key (`waymark member remove --with-vouched`).
        /// A member admitted by another voucher is not among them, whoever else vouched for it later.
        public func admittedThrough(_ key: [UInt8]) -> [[UInt8]] {
            var out: [[UInt8]] = []
            var frontier = [ByteKey(key)]
            var seen = Set(frontier)
            while let next = frontier.popLast() {
                for (k, m) in members where m.voucher == next && removedAt[k] == nil && seen.insert(k).inserted {
                    out.append(k.bytes)
                    frontier.append(k)
                }
            }
            return out.sorted { $0.lexicographicallyPrecedes($1) }
        }

        /// When a key's claims to directory rows start counting (`nil` for a key that is not a member).
        public func admittedAt(_ key: [UInt8]) -> UInt64? { members[ByteKey(key)]?.admittedAt }

        /// Keys whose admission or removal differs from `other`'s (their rows need folding again).
        public func keysChanged(since other: Roster) -> [ByteKey] {
            let keys = Set(members.keys).union(other.members.keys).union(removedAt.keys).union(other.removedAt.keys)
            return keys.filter { members[$0]?.admittedAt != other.members[$0]?.admittedAt || removedAt[$0] != other.removedAt[$0] }
        }
    }
}

/// Whether (clock, id) `a` comes before `b`: by clock, then by id bytes.
public func isBefore(_ a: (clock: UInt64, id: [UInt8]), _ b: (clock: UInt64, id: [UInt8])) -> Bool {
    a.clock != b.clock ? a.clock < b.clock : a.id.lexicographicallyPrecedes(b.id)
}
