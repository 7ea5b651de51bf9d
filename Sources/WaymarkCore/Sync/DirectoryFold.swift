/// The payload of a directory envelope: one HSDS row, or its deletion.
public struct DirectoryPayload: Sendable, Hashable {
    public let table: String
    public let id: String
    /// `nil` for a tombstone.
    public let fields: JSONObject?

    public init(table: String, id: String, fields: JSONObject?) {
        self.table = table
        self.id = id
        self.fields = fields
    }

    /// Canonical JSON: `{"fields":{…},"id":…,"table":…}`, or without `fields` for a tombstone.
    public func encoded() -> [UInt8] {
        var o = JSONObject([("table", .string(table)), ("id", .string(id))])
        if let fields { o["fields"] = .object(fields) }
        return JSONValue.object(o).canonicalBytes
    }

    public static func decode(_ bytes: [UInt8]) throws -> DirectoryPayload { try decode(value: JSONParser.parse(bytes)) }

    /// Reads an already parsed payload.
    public static func decode(value: JSONValue) throws -> DirectoryPayload {
        guard case .object(let o) = value, let table = o["table"]?.stringValue, let id = o["id"]?.stringValue,
            HSDSSchema.tables[table] != nil, !id.isEmpty
        else { throw HSDSError(record: "directory payload", message: "needs a known HSDS table and a non-empty id") }
        if let f = o["fields"] {
            guard case .object(let fields) = f, fields["id"]?.stringValue == id else {
                throw HSDSError(record: "directory payload", field: "fields", message: "must be an object whose id matches")
            }
            return DirectoryPayload(table: table, id: id, fields: fields)
        }
        return DirectoryPayload(table: table, id: id, fields: nil)
    }
}

/// The key of a directory row, compared byte for byte as SQLite compares it (Swift's `String`
/// equality would treat canonically equivalent spellings of an id as one row).
public struct RowKey: Hashable, Sendable {
    public let table: String
    public let id: String

    public init(table: String, id: String) {
        self.table = table
        self.id = id
    }

    public static func == (a: RowKey, b: RowKey) -> Bool { sameBytes(a.id, b.id) && sameBytes(a.table, b.table) }

    /// Whether two strings have the same UTF-8 bytes (compared as buffers, not one byte at a time
    /// through an iterator, except for the rare non-contiguous string).
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        let fast = a.utf8.withContiguousStorageIfAvailable { x in b.utf8.withContiguousStorageIfAvailable { y in x.elementsEqual(y) } }
        if let fast, let fast { return fast }
        return a.utf8.elementsEqual(b.utf8)
    }

    public func hash(into h: inout Hasher) {
        Self.hashBytes(table, into: &h)
        h.combine(0xFF as UInt8)
        Self.hashBytes(id, into: &h)
    }

    /// The string's UTF-8 bytes in one pass (byte-by-byte only for the rare non-contiguous string).
    static func hashBytes(_ s: String, into h: inout Hasher) {
        let done: Void? = s.utf8.withContiguousStorageIfAvailable { h.combine(bytes: UnsafeRawBufferPointer($0)) }
        if done == nil { for b in s.utf8 { h.combine(b) } }
    }
}

/// The directory's merge rule, as a fold over directory envelopes that is commutative, associative
/// and idempotent: every node that holds the same envelopes holds the same directory, whatever order
/// they arrived in.
///
/// - A row `(table, id)` belongs to the author of its earliest claim (by claim clock, then id; the claim
///   clock is the envelope's clock, or its author's admission to the federation if later). Envelopes
///   for that row from anyone else are ignored and reported as rejected. Envelopes of removed members
///   are never folded in (the store leaves them out).
/// - Among the owner's envelopes for the row, the latest (by clock, then id) is the row's state: a
///   record or a tombstone.
public struct DirectoryFold: Sendable {
    /// One verified directory envelope, reduced to what the fold needs.
    public struct Entry: Sendable, Hashable {
        public let envelopeID: [UInt8]
        public let author: [UInt8]
        public let clock: UInt64
        public let payload: DirectoryPayload
        /// When this entry's claim to the row counts from: its clock, or its author's admission to the
        /// federation if that is later (`Membership.Roster.admittedAt`), so that a backdated first
        /// claim cannot take over a row published before its author joined.
        public let claimClock: UInt64

        public init(envelopeID: [UInt8], author: [UInt8], clock: UInt64, payload: DirectoryPayload, admittedAt: UInt64 = 0) {
            self.envelopeID = envelopeID
            self.author = author
            self.clock = clock
            self.payload = payload
            self.claimClock = DirectoryFold.claimClock(clock: clock, admittedAt: admittedAt)
        }

        func precedes(_ other: Entry) -> Bool {
            clock != other.clock ? clock < other.clock : envelopeID.lexicographicallyPrecedes(other.envelopeID)
        }

        func claimPrecedes(_ other: Entry) -> Bool {
            claimClock != other.claimClock ? claimClock < other.claimClock : envelopeID.lexicographicallyPrecedes(other.envelopeID)
        }
    }

    /// How long after its admission a member's claims count from: twice the clock horizon
    /// (`Protocol/SPEC.md` §3.3), so that a row published just before a member was admitted, by a node
    /// whose clock is up to 5 minutes ahead, is not dated after the admission of a member whose voucher's
    /// clock is up to 5 minutes behind.
    public static let admissionMargin: UInt64 = HybridClock.pack(milliseconds: admissionMarginMilliseconds, counter: 0)
    public static let admissionMarginMilliseconds: UInt64 = 10 * 60 * 1000

    /// When an envelope's claim to a row counts from (§3.2): its clock, or, for a member admitted by a
    /// vouch (`admittedAt` > 0; founders have 0), the admission plus the margin if that is later.
    public static func claimClock(clock: UInt64, admittedAt: UInt64) -> UInt64 {
        admittedAt == 0 ? clock : max(clock, admittedAt &+ admissionMargin)
    }

    struct RowState: Sendable {
        var claim: Entry
        var latestByAuthor: [[UInt8]: Entry]
    }

    private var rows: [RowKey: RowState] = [:]

    public init() {}

    /// Folds one entry in. Returns `false` when the entry does not change the row because another
    /// author owns it (with what is known so far).
    @discardableResult
    public mutating func apply(_ e: Entry) -> Bool {
        let key = RowKey(table: e.payload.table, id: e.payload.id)
        guard var state = rows[key] else {
            rows[key] = RowState(claim: e, latestByAuthor: [e.author: e])
            return true
        }
        if e.claimPrecedes(state.claim) { state.claim = e }
        if let current = state.latestByAuthor[e.author] {
            if current.precedes(e) { state.latestByAuthor[e.author] = e }
        } else {
            state.latestByAuthor[e.author] = e
        }
        rows[key] = state
        return state.claim.author == e.author
    }

    /// The current rows: the owner's latest record for each row that is not deleted.
    public var records: [HSDSRecord] {
        rows.compactMap { key, state in
            guard let latest = state.latestByAuthor[state.claim.author], let fields = latest.payload.fields else { return nil }
            return HSDSRecord(table: key.table, id: key.id, fields: fields)
        }.sorted { a, b in
            a.table != b.table ? a.table.utf8.lexicographicallyPrecedes(b.table.utf8) : a.id.utf8.lexicographicallyPrecedes(b.id.utf8)
        }
    }

    /// The owner's latest entry for a row (a record, or a tombstone when its payload has no fields).
    public func latest(table: String, id: String) -> Entry? {
        guard let state = rows[RowKey(table: table, id: id)] else { return nil }
        return state.latestByAuthor[state.claim.author]
    }

    /// Who owns a row, if anyone has published it.
    public func owner(table: String, id: String) -> [UInt8]? { claim(table: table, id: id)?.author }

    /// The entry whose claim owns the row.
    public func claim(table: String, id: String) -> Entry? { rows[RowKey(table: table, id: id)]?.claim }

    /// Canonical bytes of the whole visible directory, for comparing nodes' states.
    public var digestInput: [UInt8] {
        var out: [UInt8] = []
        for r in records { out += Array("\(r.table)/\(r.id)=".utf8) + r.canonicalBytes + [0x0A] }
        return out
    }
}
