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
/// - sync requests from a key that is not a member are refused (HTTP 403);
/// - an envelope signed by a removed key after its removal (clock after the removal's) is refused;
///   what the removed key published is hidden from the directory everywhere;
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

    /// A key's standing for an envelope it signed with a given clock.
    public enum Standing: Sendable, Equatable {
        case member
        /// No member has vouched for the key (as far as this node holds).
        case notMember
        /// The key was removed by a removal whose clock is before the envelope's.
        case removed
    }

    /// The member set as a pure fold over vouches and removals: commutative, associative and idempotent
    /// (every field is a minimum or a union), so nodes holding the same records agree.
    public struct Roster: Sendable, Equatable {
        public struct Member: Sendable, Equatable {
            /// The earliest vouch's clock (0 for a founder): a claim to a directory row counts from here.
            public var admittedAt: UInt64
            /// The name the earliest vouch gave (ties: the smaller envelope id).
            public var organizationName: String
            public var roles: Set<String>
            /// Who vouched for the key (founders: none).
            public var vouchers: Set<ByteKey>
            fileprivate var nameFrom: (clock: UInt64, id: [UInt8])
            public static func == (a: Member, b: Member) -> Bool {
                a.admittedAt == b.admittedAt && a.organizationName == b.organizationName && a.roles == b.roles && a.vouchers == b.vouchers
            }
        }

        public private(set) var founders: Set<ByteKey>
        public private(set) var members: [ByteKey: Member] = [:]
        /// The earliest removal's clock for each removed key.
        public private(set) var removedAt: [ByteKey: UInt64] = [:]

        public init(founders: [[UInt8]]) {
            self.founders = Set(founders.map(ByteKey.init))
            for f in founders { members[ByteKey(f)] = Member(admittedAt: 0, organizationName: "", roles: [], vouchers: [], nameFrom: (0, [])) }
        }

        /// Folds in a vouch signed by `voucher` at `clock`.
        public mutating func apply(vouch: Vouch, voucher: [UInt8], clock: UInt64, envelopeID: [UInt8]) {
            let key = ByteKey(vouch.member)
            var m = members[key] ?? Member(admittedAt: clock, organizationName: vouch.organizationName, roles: [], vouchers: [], nameFrom: (clock, envelopeID))
            if !founders.contains(key) { m.admittedAt = min(m.admittedAt, clock) }
            if m.organizationName.isEmpty || isBefore((clock, envelopeID), m.nameFrom) {
                m.organizationName = vouch.organizationName
                m.nameFrom = (clock, envelopeID)
            }
            m.roles.formUnion(vouch.roles)
            m.vouchers.insert(ByteKey(voucher))
            members[key] = m
        }

        /// Folds in a removal signed at `clock`.
        public mutating func apply(removal: Removal, clock: UInt64) {
            let key = ByteKey(removal.member)
            removedAt[key] = min(removedAt[key] ?? .max, clock)
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

        /// Who may remove `member`: a founder, a member that vouched for it, or the member itself (leaving).
        public func mayRemove(_ member: [UInt8], by author: [UInt8]) -> Bool {
            author == member || founders.contains(ByteKey(author)) || (members[ByteKey(member)]?.vouchers.contains(ByteKey(author)) ?? false)
        }

        /// When a key's claims to directory rows start counting (`nil` for a key that is not a member).
        public func admittedAt(_ key: [UInt8]) -> UInt64? { members[ByteKey(key)]?.admittedAt }
    }
}

/// Whether (clock, id) `a` comes before `b`: by clock, then by id bytes.
func isBefore(_ a: (clock: UInt64, id: [UInt8]), _ b: (clock: UInt64, id: [UInt8])) -> Bool {
    a.clock != b.clock ? a.clock < b.clock : a.id.lexicographicallyPrecedes(b.id)
}
