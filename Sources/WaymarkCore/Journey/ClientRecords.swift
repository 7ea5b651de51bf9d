/// Codes people read off paper and type back: Crockford's base32 (no I, L, O or U), in groups of
/// four. Letters that read alike (O and 0; I, L and 1) are taken as the same when typed, and case,
/// spaces and dashes are ignored.
public enum ReadableCode {
    public static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    /// `length` characters from `random` (5 bits each, first byte first; `random` needs
    /// `ceil(5 × length / 8)` bytes).
    public static func make(random: [UInt8], length: Int) -> String {
        precondition(random.count * 8 >= length * 5, "not enough random bytes for the code")
        var out: [Character] = []
        for i in 0..<length {
            var v = 0
            for b in 0..<5 {
                let bit = i * 5 + b
                v = v << 1 | Int(random[bit / 8] >> (7 - UInt8(bit % 8)) & 1)
            }
            out.append(alphabet[v])
        }
        return String(out)
    }

    /// The code as stored, from what someone typed; `nil` if it cannot be a code of that length.
    public static func normalized(_ typed: String, length: Int) -> String? {
        var out = ""
        for c in typed.uppercased() where c != "-" && c != " " {
            let mapped: Character = c == "O" ? "0" : (c == "I" || c == "L") ? "1" : c
            guard alphabet.contains(mapped) else { return nil }
            out.append(mapped)
            if out.count > length { return nil }
        }
        return out.count == length ? out : nil
    }

    /// How a code is shown and printed: groups of four joined by dashes.
    public static func grouped(_ code: String) -> String {
        var groups: [String] = []
        var rest = Substring(code)
        while !rest.isEmpty {
            groups.append(String(rest.prefix(4)))
            rest = rest.dropFirst(4)
        }
        return groups.joined(separator: "-")
    }
}

/// The code on a client's receipt (`Protocol/SPEC.md` §13.1): 16 characters, 80 random bits. With
/// the client's date of birth it unlocks the client's key on any member node.
public enum ClientCode {
    public static let length = 16
    public static let randomBytes = 10

    public static func make(random: [UInt8]) -> String { ReadableCode.make(random: random, length: length) }
    public static func normalized(_ typed: String) -> String? { ReadableCode.normalized(typed, length: length) }
    /// `ABCD-EFGH-JKMN-PQRS`.
    public static func shown(_ code: String) -> String { ReadableCode.grouped(code) }
}

/// Kind 27, in the clear in a client's circle, from the circle's owner: the public halves of a key
/// a receipt unlocks. Each key has a slot: `client` for the client's own, `proxy-…` for a person
/// acting for them (§13.7). The latest record of a slot before a moment is that slot's key then; a
/// new receipt (a lost code replaced) publishes a new one and the old key stops counting; a record
/// marked `ended` closes the slot.
public struct ClientKeyRecord: Sendable, Hashable {
    /// Ed25519: what the holder signs consents with.
    public var signingKey: [UInt8]
    /// X25519: what the circle's records are also encrypted to, so the holder can read them.
    public var encryptionKey: [UInt8]
    public var slot: String
    public var ended: Bool
    /// The circle's tag key sealed to `encryptionKey` (64 bytes, §8.10): with it a member where the
    /// client signs in finds the circle's sealed records, which name no circle.
    public var tagKeyBox: [UInt8]?

    public static let clientSlot = "client"
    /// Bytes of a sealed tag key: the key and a sealed box's overhead.
    public static let tagKeyBoxLength = 64

    public init(signingKey: [UInt8], encryptionKey: [UInt8], slot: String = ClientKeyRecord.clientSlot, ended: Bool = false) {
        self.signingKey = signingKey
        self.encryptionKey = encryptionKey
        self.slot = slot
        self.ended = ended
    }

    public var isProxy: Bool { slot != Self.clientSlot }

    public func encoded() -> [UInt8] {
        var o = JSONObject([("encryption_key", .string(hexString(encryptionKey))), ("signing_key", .string(hexString(signingKey)))])
        if isProxy { o["slot"] = .string(slot) }
        if ended { o["ended"] = .bool(true) }
        if let box = tagKeyBox { o["tag_key_box"] = .string(hexString(box)) }
        return JSONValue.object(o).canonicalBytes
    }

    public static func decode(_ bytes: [UInt8]) throws -> ClientKeyRecord {
        let o = try ClientRecordJSON.object(bytes)
        let slot = o["slot"]?.stringValue ?? clientSlot
        guard slot == clientSlot || (slot.hasPrefix("proxy-") && slot.utf8.count <= 64) else {
            throw JourneyPayload.Problem(field: "slot", message: "must be client or proxy-…")
        }
        var record = ClientKeyRecord(
            signingKey: try ClientRecordJSON.bytes(o, "signing_key", count: 32), encryptionKey: try ClientRecordJSON.bytes(o, "encryption_key", count: 32),
            slot: slot, ended: o["ended"]?.boolValue ?? false)
        if o["tag_key_box"] != nil { record.tagKeyBox = try ClientRecordJSON.bytes(o, "tag_key_box", count: tagKeyBoxLength) }
        return record
    }
}

/// A person acting for the client (a parent, a guardian, an advocate), as the home organisation
/// recorded them: in the proxy's client copy (kind 28), never in the clear.
public struct ProxyDetails: Sendable, Hashable {
    public var slot: String
    public var name: String
    /// `parent`, `guardian`, `advocate` or `other`.
    public var relationship: String
    /// What gives them the authority (a signed form, a court order…), as recorded.
    public var authority: String

    public init(slot: String, name: String, relationship: String, authority: String) {
        self.slot = slot
        self.name = name
        self.relationship = relationship
        self.authority = authority
    }

    public static let relationships = ["parent", "guardian", "advocate", "other"]

    var object: JSONObject {
        JSONObject([("authority", .string(authority)), ("name", .string(name)), ("relationship", .string(relationship)), ("slot", .string(slot))])
    }

    static func decode(_ o: JSONObject) throws -> ProxyDetails {
        let relationship = try JourneyPayload.string(o, "relationship")
        guard relationships.contains(relationship) else { throw JourneyPayload.Problem(field: "relationship", message: "must be parent, guardian, advocate or other") }
        return ProxyDetails(
            slot: try JourneyPayload.string(o, "slot"), name: try JourneyPayload.string(o, "name"), relationship: relationship,
            authority: try JourneyPayload.string(o, "authority"))
    }
}

/// Kind 28, private, encrypted to the client (and the home organisation): the content keys of the
/// circle's records written before the client's key existed, so the client can read their whole
/// journey, not only what came after the receipt.
public struct ClientCopy: Sendable, Hashable {
    public struct Key: Sendable, Hashable {
        public var envelope: [UInt8]
        public var key: [UInt8]
        public init(envelope: [UInt8], key: [UInt8]) {
            self.envelope = envelope
            self.key = key
        }
    }

    public var keys: [Key]
    /// In a proxy's copy: who they are and by what authority they act.
    public var proxy: ProxyDetails?
    public init(keys: [Key], proxy: ProxyDetails? = nil) {
        self.keys = keys
        self.proxy = proxy
    }

    /// Keys per copy: 300 entries stay under the kind's 64 KiB payload limit.
    public static let keysPerCopy = 300

    public func encoded() -> [UInt8] {
        let list = keys.sorted { $0.envelope.lexicographicallyPrecedes($1.envelope) }.map {
            JSONValue.object(JSONObject([("envelope", .string(hexString($0.envelope))), ("key", .string(hexString($0.key)))]))
        }
        var o = JSONObject([("keys", .array(list))])
        if let proxy { o["proxy"] = .object(proxy.object) }
        return JSONValue.object(o).canonicalBytes
    }

    public static func decode(_ bytes: [UInt8]) throws -> ClientCopy {
        let o = try ClientRecordJSON.object(bytes)
        guard let list = o["keys"]?.arrayValue else { throw JourneyPayload.Problem(field: "keys", message: "must be a list") }
        var proxy: ProxyDetails?
        if case .object(let p)? = o["proxy"] { proxy = try ProxyDetails.decode(p) }
        return ClientCopy(
            keys: try list.map { v in
                guard case .object(let k) = v else { throw JourneyPayload.Problem(field: "keys", message: "must list objects") }
                return Key(envelope: try ClientRecordJSON.bytes(k, "envelope", count: 32), key: try ClientRecordJSON.bytes(k, "key", count: 32))
            }, proxy: proxy)
    }
}

/// Kind 29, in the clear in a circle: a holder's signed statement that it has taken in a consent
/// change the client signed (`{"consent": id hex}`), shown on the client's second receipt.
public struct ConsentAcknowledgement: Sendable, Hashable {
    public var consent: [UInt8]
    public init(consent: [UInt8]) { self.consent = consent }

    public func encoded() -> [UInt8] { JSONValue.object(JSONObject([("consent", .string(hexString(consent)))])).canonicalBytes }

    public static func decode(_ bytes: [UInt8]) throws -> ConsentAcknowledgement {
        ConsentAcknowledgement(consent: try ClientRecordJSON.bytes(try ClientRecordJSON.object(bytes), "consent", count: 32))
    }
}

/// A consent event the client signed (`Protocol/SPEC.md` §13.3): the consent payload of §8.3 with one
/// more member, `client_signature`, an Ed25519 signature by the client's key over
/// `"waymark/client-consent/v1" || 0x00 || scope || 0x00 || the payload without that member`
/// (canonical JSON). Any member node may carry it; it counts as if the circle's owner had written it.
public enum ClientSignature {
    public static let field = "client_signature"
    public static let domain: [UInt8] = Array("waymark/client-consent/v1".utf8) + [0]

    /// What the client signs for a payload (without the signature) in a circle.
    public static func message(scope: String, unsignedPayload: [UInt8]) -> [UInt8] { domain + Array(scope.utf8) + [0] + unsignedPayload }

    /// The member that makes each thing the client signs unique: Ed25519 signatures are
    /// deterministic, so without it a second withdrawal for the same organisation would carry the
    /// first one's signature and count as its replay (§13.6).
    public static let nonceField = "client_nonce"

    /// The payload with a nonce (16 random bytes, hex) added, ready to be signed.
    public static func withNonce(_ unsignedPayload: [UInt8], nonce: [UInt8]) throws -> [UInt8] {
        var o = try ClientRecordJSON.object(unsignedPayload)
        o[nonceField] = .string(hexString(nonce))
        return JSONValue.object(o).canonicalBytes
    }

    /// The payload with the signature added.
    public static func attach(_ signature: [UInt8], to unsignedPayload: [UInt8]) throws -> [UInt8] {
        var o = try ClientRecordJSON.object(unsignedPayload)
        o[field] = .string(hexString(signature))
        return JSONValue.object(o).canonicalBytes
    }

    /// A signed payload split into what was signed and the signature; `nil` when it carries none.
    public static func split(_ payload: [UInt8]) -> (unsigned: [UInt8], signature: [UInt8])? {
        guard var o = try? ClientRecordJSON.object(payload), let hex = o[field]?.stringValue, let signature = bytesFromHex(hex), signature.count == 64
        else { return nil }
        o[field] = nil
        return (JSONValue.object(o).canonicalBytes, signature)
    }
}

/// The client keys a circle's owner published (kind 27), in order: which one was the client's at a
/// given moment.
public struct ClientKeyHistory: Sendable {
    public struct Entry: Sendable {
        public let id: [UInt8]
        public let clock: UInt64
        public let record: ClientKeyRecord
        public init(id: [UInt8], clock: UInt64, record: ClientKeyRecord) {
            self.id = id
            self.clock = clock
            self.record = record
        }
    }

    public private(set) var entries: [Entry]

    /// Only entries the circle's owner signed count (`authors` are signing keys).
    public init(circle: Circle, records: [(author: [UInt8], entry: Entry)]) {
        entries = records.filter { circle.isOwned(by: $0.author) }.map(\.entry).sorted {
            $0.clock != $1.clock ? $0.clock < $1.clock : $0.id.lexicographicallyPrecedes($1.id)
        }
    }

    /// The client's own key when a record with this clock was written: the latest published before it.
    public func key(before clock: UInt64) -> ClientKeyRecord? {
        entries.last { $0.clock < clock && !$0.record.isProxy }.flatMap { $0.record.ended ? nil : $0.record }
    }

    /// Every key that could sign for the client then: the latest of each slot before the clock,
    /// unless that slot was ended.
    public func keys(before clock: UInt64) -> [ClientKeyRecord] { Self.latestPerSlot(entries.filter { $0.clock < clock }) }

    /// The client's own key in use now.
    public var current: ClientKeyRecord? { key(before: .max) }

    /// Every key in use now (the client's and any proxies').
    public var currentKeys: [ClientKeyRecord] { Self.latestPerSlot(entries) }

    static func latestPerSlot(_ ordered: [Entry]) -> [ClientKeyRecord] {
        var latest: [String: ClientKeyRecord] = [:]
        var order: [String] = []
        for e in ordered {
            if latest[e.record.slot] == nil { order.append(e.record.slot) }
            latest[e.record.slot] = e.record
        }
        return order.compactMap { latest[$0] }.filter { !$0.ended }
    }
}

enum ClientRecordJSON {
    static func object(_ bytes: [UInt8]) throws -> JSONObject {
        guard case .object(let o)? = try? JSONParser.parse(bytes) else { throw JourneyPayload.Problem(field: "payload", message: "must be a JSON object") }
        return o
    }

    static func bytes(_ o: JSONObject, _ field: String, count: Int) throws -> [UInt8] {
        guard let h = o[field]?.stringValue, let b = bytesFromHex(h), b.count == count else {
            throw JourneyPayload.Problem(field: field, message: "must be \(count) bytes in hex")
        }
        return b
    }
}

/// Kind 30 `client-voice`, private (`Protocol/SPEC.md` §13.5): the client's own view of their
/// progress and of the help they got, signed by the client (or, for a paper form, written by the
/// home organisation): a reading on the same staged scale as the worker's, paired with it; and a
/// check-in after a referral closed.
public enum ClientVoice: Sendable, Hashable {
    /// The client's own stage for one area of a goal's instrument; `counted`: the client agreed that
    /// the gap between it and their worker's reading is counted, without their name, in the hub's
    /// statistics (§12.1 `gap`).
    case reading(goalID: String, area: String, stage: Int, date: String, counted: Bool = false)
    /// "Did you get the help you needed?" (0–10) and a comment, about one referral.
    case checkin(referralID: String, score: Int, comment: String?, date: String, onPaper: Bool)

    public func encoded() -> [UInt8] {
        switch self {
        case .reading(let g, let area, let stage, let date, let counted):
            var o = JSONObject([("type", .string("reading")), ("goal_id", .string(g)), ("area", .string(area)), ("stage", JSONValue(stage)), ("date", .string(date))])
            if counted { o["statistics"] = .bool(true) }
            return JSONValue.object(o).canonicalBytes
        case .checkin(let r, let score, let comment, let date, let onPaper):
            var o = JSONObject([("type", .string("checkin")), ("referral_id", .string(r)), ("score", JSONValue(score)), ("date", .string(date))])
            if let comment, !comment.isEmpty { o["comment"] = .string(comment) }
            if onPaper { o["method"] = .string("paper") }
            return JSONValue.object(o).canonicalBytes
        }
    }

    static func decode(_ o: JSONObject) throws -> ClientVoice {
        func whole(_ field: String, _ range: ClosedRange<Int>) throws -> Int {
            guard let v = o[field]?.doubleValue, v == v.rounded(), range.contains(Int(v)) else {
                throw JourneyPayload.Problem(field: field, message: "must be a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            return Int(v)
        }
        switch try JourneyPayload.string(o, "type") {
        case "reading":
            return .reading(
                goalID: try JourneyPayload.string(o, "goal_id"), area: try JourneyPayload.string(o, "area"), stage: try whole("stage", 1...10),
                date: try JourneyPayload.date(o, "date"), counted: o["statistics"] == .bool(true))
        case "checkin":
            let comment = o["comment"]?.stringValue
            if let comment, comment.utf8.count > 4096 { throw JourneyPayload.Problem(field: "comment", message: "is longer than 4096 bytes") }
            return .checkin(
                referralID: try JourneyPayload.string(o, "referral_id"), score: try whole("score", 0...10), comment: comment,
                date: try JourneyPayload.date(o, "date"), onPaper: o["method"]?.stringValue == "paper")
        default:
            throw JourneyPayload.Problem(field: "type", message: "must be reading or checkin")
        }
    }
}

/// A client's answer to the check-in after a referral closed, as the journey shows it.
public struct CheckIn: Sendable, Hashable {
    public var referralID: String
    public var score: Int
    public var comment: String?
    public var date: String
    /// Written down by the home organisation from a paper form, not signed by the client.
    public var onPaper: Bool
    /// Milliseconds, from the envelope's clock.
    public var at: UInt64
}

/// Kind 31 `client-access`, private (§13.8): the node the client (or someone acting for them) used
/// tells the home organisation, and the client, that the record was opened there, signed with the
/// opener's key so that no member can make one up. `{"opened_on": date, "slot": client | proxy-…}`.
public struct ClientAccessNotice: Sendable, Hashable {
    public var openedOn: String
    public var slot: String

    public init(openedOn: String, slot: String) {
        self.openedOn = openedOn
        self.slot = slot
    }

    public func encoded() -> [UInt8] { JSONValue.object(JSONObject([("opened_on", .string(openedOn)), ("slot", .string(slot))])).canonicalBytes }

    public static func decode(_ bytes: [UInt8]) throws -> ClientAccessNotice {
        let o = try ClientRecordJSON.object(bytes)
        return ClientAccessNotice(openedOn: try JourneyPayload.date(o, "opened_on"), slot: try JourneyPayload.string(o, "slot"))
    }
}

/// Kind 32 `consent-request`, private (§13.10): an organisation in the circle asks the client to
/// share with it (`request`, counted only from the organisation that asks for itself), and the
/// client says no (`answer`, counted only with the client's signature). Saying yes is a grant the
/// client signs (§13.3).
public enum ConsentRequest: Sendable, Hashable {
    case request(organization: String, purposes: Set<ConsentPurpose>, reason: String)
    case declined(request: [UInt8])

    public func encoded() -> [UInt8] {
        switch self {
        case .request(let org, let purposes, let reason):
            return JSONValue.object(
                JSONObject([
                    ("organization", .string(org)), ("purposes", .array(purposes.sorted().map { .string($0.rawValue) })), ("reason", .string(reason)),
                    ("type", .string("request")),
                ])
            ).canonicalBytes
        case .declined(let id):
            return JSONValue.object(JSONObject([("request", .string(hexString(id))), ("type", .string("declined"))])).canonicalBytes
        }
    }

    public static func decode(_ bytes: [UInt8]) throws -> ConsentRequest {
        let o = try ClientRecordJSON.object(bytes)
        switch try JourneyPayload.string(o, "type") {
        case "request":
            var purposes = Set<ConsentPurpose>()
            for p in try JourneyPayload.strings(o, "purposes") {
                guard let purpose = ConsentPurpose(rawValue: p) else { throw JourneyPayload.Problem(field: "purposes", message: "unknown purpose \(p)") }
                purposes.insert(purpose)
            }
            guard !purposes.isEmpty else { throw JourneyPayload.Problem(field: "purposes", message: "name at least one purpose") }
            return .request(organization: try JourneyPayload.string(o, "organization"), purposes: purposes, reason: try JourneyPayload.string(o, "reason"))
        case "declined":
            return .declined(request: try ClientRecordJSON.bytes(o, "request", count: 32))
        default:
            throw JourneyPayload.Problem(field: "type", message: "must be request or declined")
        }
    }
}
