/// What a client allows one receiving organisation to do with their information.
public enum ConsentPurpose: String, Sendable, Hashable, CaseIterable, Comparable {
    /// Receive referrals for the client, and answer them.
    case referral
    /// See and add to the client's progress (goals, readings, milestones).
    case progress

    public static func < (a: ConsentPurpose, b: ConsentPurpose) -> Bool { a.rawValue < b.rawValue }
}

/// How the client gave (or withdrew) consent.
public enum ConsentMethod: String, Sendable, Hashable, CaseIterable {
    case written, verbal, digital
}

/// One client's consent for one receiving organisation, as recorded by the client's home organisation.
public struct ConsentGrant: Sendable, Hashable {
    /// The receiving organisation: its node's signing key, hex.
    public var organization: String
    public var purposes: Set<ConsentPurpose>
    /// Which kinds of information may be shared (e.g. "contact", "needs", "progress", "health").
    public var dataClasses: [String]
    /// First and last day (ISO dates, Europe/Dublin) the consent covers.
    public var start: String
    public var end: String
    public var method: ConsentMethod
    /// The staff member who recorded it.
    public var recordedBy: String

    public init(
        organization: String, purposes: Set<ConsentPurpose>, dataClasses: [String], start: String, end: String, method: ConsentMethod,
        recordedBy: String
    ) {
        self.organization = organization
        self.purposes = purposes
        self.dataClasses = dataClasses
        self.start = start
        self.end = end
        self.method = method
        self.recordedBy = recordedBy
    }

    /// Whether `day` (an ISO date) falls within the consent's term.
    public func covers(day: String) -> Bool { start <= day && day <= end }
}

/// A consent event: a grant, or a revoke of everything granted to an organisation so far.
public enum ConsentEvent: Sendable, Hashable {
    /// `after`: the revokes (event ids) for this organisation the recorder had seen. A grant is in
    /// force only if it follows every revoke for its organisation: a revoke concurrent with a grant wins.
    case grant(ConsentGrant, after: [[UInt8]])
    case revoke(organization: String, method: ConsentMethod, recordedBy: String, reason: String?)

    public var organization: String {
        switch self {
        case .grant(let g, _): return g.organization
        case .revoke(let o, _, _, _): return o
        }
    }
}

/// The consent merge rule, a fold over one client's consent events that gives the same answer on
/// every node whatever order they arrived in:
/// - a grant is in force only if it causally follows (lists in `after`) every revoke for its
///   organisation — so a revoke concurrent with a grant wins, and a re-grant must follow the revoke;
/// - among the grants in force for an organisation, the latest (by clock, then id) is the consent;
/// - a consent covers a day only within its start and end.
public struct ConsentFold: Sendable {
    public struct Entry: Sendable, Hashable {
        public let id: [UInt8]
        public let clock: UInt64
        public let event: ConsentEvent
        /// Events with the same group are one event: a consent change the client signed, carried
        /// again by another member (a replay), is the same change (`Protocol/SPEC.md` §13.3). The
        /// group is the client's signature for those, the id otherwise.
        public let group: [UInt8]
        public init(id: [UInt8], clock: UInt64, event: ConsentEvent, group: [UInt8]? = nil) {
            self.id = id
            self.clock = clock
            self.event = event
            self.group = group ?? id
        }

        func isLater(than other: Entry) -> Bool {
            clock != other.clock ? clock > other.clock : other.id.lexicographicallyPrecedes(id)
        }
    }

    /// Where an organisation stands.
    public enum Standing: Sendable, Equatable {
        /// Never granted.
        case none
        /// A grant is in force (it may still be outside its term on a given day).
        case granted(ConsentGrant, id: [UInt8])
        /// Revoked, and not granted again since.
        case revoked(id: [UInt8])
    }

    private var entries: [ByteKey: Entry] = [:]

    public init() {}

    /// The fold of a circle's consent events, each with its author (a signing key): only those the
    /// circle's owner signed count (`CircleRules`).
    /// `clientSigned`: the ids of events that carry the client's own valid signature (§13.3).
    public init(circle: Circle, events: [(author: [UInt8], entry: Entry)], clientSigned: Set<ByteKey> = []) {
        for e in events
        where CircleRules.counts(
            .consent, author: e.author, clock: e.entry.clock, in: circle, consents: self, clientSigned: clientSigned.contains(ByteKey(e.entry.id)))
        {
            apply(e.entry)
        }
    }

    /// The grant an organisation held at `clock`: its latest consent event recorded before then, if
    /// that is a grant (a revoke recorded before then, and not followed by a new grant, leaves none).
    public func grant(of organization: String, before clock: UInt64) -> ConsentGrant? {
        let earlier = entries.values.filter { $0.event.organization == organization && $0.clock < clock }
        guard let latest = earlier.max(by: { $1.isLater(than: $0) }), case .grant(let g, _) = latest.event else { return nil }
        return g
    }

    public mutating func apply(_ e: Entry) { entries[ByteKey(e.id)] = e }

    /// Every organisation ever named in a grant or revoke.
    public var organizations: [String] { Set(entries.values.map(\.event.organization)).sorted() }

    public func standing(of organization: String) -> Standing {
        let mine = entries.values.filter { $0.event.organization == organization }
        let revokes = mine.filter { if case .revoke = $0.event { return true } else { return false } }
        var best: (Entry, ConsentGrant)?
        let groupOf = Dictionary(entries.values.map { (ByteKey($0.id), ByteKey($0.group)) }, uniquingKeysWith: { a, _ in a })
        for e in mine {
            guard case .grant(let g, let after) = e.event else { continue }
            // Following a revoke follows every copy of it (the same signed change carried again).
            let seen = Set(after.map(ByteKey.init)).union(after.compactMap { groupOf[ByteKey($0)] })
            guard revokes.allSatisfy({ seen.contains(ByteKey($0.id)) || seen.contains(ByteKey($0.group)) }) else { continue }
            if best == nil || e.isLater(than: best!.0) { best = (e, g) }
        }
        if let (e, g) = best { return .granted(g, id: e.id) }
        if let latest = revokes.max(by: { $1.isLater(than: $0) }) { return .revoked(id: latest.id) }
        return .none
    }

    /// The consent in force for an organisation and purpose on a day, if any.
    public func consent(for organization: String, purpose: ConsentPurpose, on day: String) -> ConsentGrant? {
        guard case .granted(let g, _) = standing(of: organization), g.purposes.contains(purpose), g.covers(day: day) else { return nil }
        return g
    }

    /// Organisations with a consent in force for `purpose` on `day`.
    public func organizations(consentingTo purpose: ConsentPurpose, on day: String) -> [String] {
        organizations.filter { consent(for: $0, purpose: purpose, on: day) != nil }
    }

    /// The revokes recorded for an organisation (a new grant lists them in `after`).
    public func revokes(of organization: String) -> [[UInt8]] {
        entries.values.filter {
            if case .revoke = $0.event, $0.event.organization == organization { return true }
            return false
        }.map(\.id).sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// Organisations whose consent is in force and ends within `days` days of `today` (for the
    /// caseload's "expiring soon" list). `addDays` turns an ISO date and a count into an ISO date.
    public func expiring(today: String, withinDays days: Int, addDays: (String, Int) -> String) -> [(organization: String, end: String)] {
        let horizon = addDays(today, days)
        return organizations.compactMap { o in
            guard case .granted(let g, _) = standing(of: o), g.end >= today, g.end <= horizon else { return nil }
            return (o, g.end)
        }
    }
}
