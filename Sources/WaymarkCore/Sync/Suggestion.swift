/// A resident's suggested correction to a listing, carried to the organisation that publishes it
/// (`Protocol/SPEC.md` §10). The node where the resident wrote it opens a *thread*, the scope of the
/// suggestion (kind 22, encrypted to that node and the publisher) and of the publisher's answers
/// (kind 23, in the clear, so every node can count what each organisation did about what it was told):
/// `edit:<first 16 bytes of the receiving node's signing key, hex>:<12 random bytes, hex>` (62 bytes).
public struct SuggestionThread: OwnedScopeName, Sendable, Hashable, CustomStringConvertible {
    public static let prefix = "edit:"
    public let scope: String
    public init(checkedScope scope: String) { self.scope = scope }
    public var description: String { scope }
}

/// What a resident suggested (the plaintext of a kind-22 envelope, canonical JSON).
public struct Suggestion: Sendable, Hashable {
    /// The parts of a listing a resident can say are wrong.
    public static let fields = ["any", "hours", "contact", "address", "description"]

    public var serviceID: String
    public var serviceName: String
    /// One of `fields`.
    public var field: String
    public var message: String
    /// How the resident can be reached, if they chose to say (for the publisher only).
    public var contact: String?
    /// The day it was written (YYYY-MM-DD, UTC).
    public var suggestedOn: String

    public init(serviceID: String, serviceName: String, field: String, message: String, contact: String?, suggestedOn: String) {
        self.serviceID = serviceID
        self.serviceName = serviceName
        self.field = field
        self.message = message
        self.contact = contact
        self.suggestedOn = suggestedOn
    }

    public func encoded() -> [UInt8] {
        var o = JSONObject([
            ("field", .string(field)), ("message", .string(message)), ("service_id", .string(serviceID)), ("service_name", .string(serviceName)),
            ("suggested_on", .string(suggestedOn)),
        ])
        if let contact { o["contact"] = .string(contact) }
        return JSONValue.object(o).canonicalBytes
    }

    public static func decode(_ bytes: [UInt8]) throws -> Suggestion {
        let o = try SuggestionAnswer.object(bytes)
        let field = try JourneyPayload.string(o, "field")
        guard fields.contains(field) else { throw JourneyPayload.Problem(field: "field", message: "must be one of \(fields.joined(separator: ", "))") }
        return Suggestion(
            serviceID: try JourneyPayload.string(o, "service_id"), serviceName: try JourneyPayload.string(o, "service_name"), field: field,
            message: try JourneyPayload.string(o, "message"), contact: try o["contact"].map { _ in try JourneyPayload.string(o, "contact") },
            suggestedOn: try JourneyPayload.date(o, "suggested_on"))
    }
}

/// The publisher's answer to a suggestion (the payload of a kind-23 envelope, in the clear,
/// canonical JSON): the listing was changed (`accepted`), or no change was made (`declined`, with a
/// reason for the resident).
public struct SuggestionAnswer: Sendable, Hashable {
    public enum Outcome: String, Sendable, CaseIterable { case accepted, declined }

    /// The kind-22 envelope answered (32-byte id).
    public var suggestion: [UInt8]
    public var outcome: Outcome
    /// What was changed, or why nothing was: shown to the resident who follows the suggestion.
    public var reason: String?
    public var decidedOn: String

    public init(suggestion: [UInt8], outcome: Outcome, reason: String?, decidedOn: String) {
        self.suggestion = suggestion
        self.outcome = outcome
        self.reason = reason
        self.decidedOn = decidedOn
    }

    public func encoded() -> [UInt8] {
        var o = JSONObject([("decided_on", .string(decidedOn)), ("outcome", .string(outcome.rawValue)), ("suggestion", .string(hexString(suggestion)))])
        if let reason { o["reason"] = .string(reason) }
        return JSONValue.object(o).canonicalBytes
    }

    public static func decode(_ bytes: [UInt8]) throws -> SuggestionAnswer {
        let o = try object(bytes)
        guard let id = bytesFromHex(try JourneyPayload.string(o, "suggestion")), id.count == 32 else {
            throw JourneyPayload.Problem(field: "suggestion", message: "must be a 32-byte id in hex")
        }
        let text = try JourneyPayload.string(o, "outcome")
        guard let outcome = Outcome(rawValue: text) else { throw JourneyPayload.Problem(field: "outcome", message: "must be accepted or declined") }
        let reason = try o["reason"].map { _ in try JourneyPayload.string(o, "reason") }
        if outcome == .declined && reason == nil { throw JourneyPayload.Problem(field: "reason", message: "is required when declining") }
        return SuggestionAnswer(suggestion: id, outcome: outcome, reason: reason, decidedOn: try JourneyPayload.date(o, "decided_on"))
    }

    static func object(_ bytes: [UInt8]) throws -> JSONObject {
        let value: JSONValue
        do { value = try JSONParser.parse(bytes) } catch { throw JourneyPayload.Problem(field: "payload", message: "is not JSON") }
        guard case .object(let o) = value else { throw JourneyPayload.Problem(field: "payload", message: "must be a JSON object") }
        guard value.canonicalBytes == bytes else { throw JourneyPayload.Problem(field: "payload", message: "is not canonical JSON") }
        return o
    }
}

/// Which answers count, and what each organisation did about what residents told it ("you said, we
/// did", `Protocol/SPEC.md` §10.3). Pure: the caller hands over the headers it holds.
public enum SuggestionTally {
    /// A held kind-22 envelope, as the tally needs it.
    public struct Asked: Sendable {
        public let id: [UInt8]
        public let author: [UInt8]
        /// The key ids (§8.2) of its recipients.
        public let recipientKeyIDs: [[UInt8]]
        public init(id: [UInt8], author: [UInt8], recipientKeyIDs: [[UInt8]]) {
            self.id = id
            self.author = author
            self.recipientKeyIDs = recipientKeyIDs
        }
    }

    /// A held kind-23 envelope.
    public struct Answered: Sendable {
        public let id: [UInt8]
        public let author: [UInt8]
        /// The author's encryption key id, from its node record (`nil` if no record is held).
        public let authorKeyID: [UInt8]?
        public let clock: UInt64
        public let answer: SuggestionAnswer
        public init(id: [UInt8], author: [UInt8], authorKeyID: [UInt8]?, clock: UInt64, answer: SuggestionAnswer) {
            self.id = id
            self.author = author
            self.authorKeyID = authorKeyID
            self.clock = clock
            self.answer = answer
        }

        /// Whether this answer comes after `other` (by clock, then id): the later one stands.
        public func isLater(than other: Answered) -> Bool {
            clock != other.clock ? clock > other.clock : other.id.lexicographicallyPrecedes(id)
        }
    }

    /// An answer counts only if the suggestion it names is held and was sent to its author (the
    /// author's key is among the recipients), and its author is not the node that sent the
    /// suggestion — unless that node sent it to itself alone (it publishes the listing). So a member
    /// cannot answer for another organisation, nor answer what it sent on.
    public static func counts(_ answer: Answered, asked: Asked?) -> Bool {
        guard let asked, let key = answer.authorKeyID, asked.recipientKeyIDs.contains(key) else { return false }
        return answer.author != asked.author || asked.recipientKeyIDs == [key]
    }

    /// The answer in force for each suggestion: the latest (clock, then id) of those that count.
    public static func latest(_ answers: [Answered], asked: [[UInt8]: Asked]) -> [[UInt8]: Answered] {
        var out: [[UInt8]: Answered] = [:]
        for a in answers where counts(a, asked: asked[a.answer.suggestion]) {
            if let held = out[a.answer.suggestion], !a.isLater(than: held) { continue }
            out[a.answer.suggestion] = a
        }
        return out
    }

    /// Per organisation (signing key, hex), how many suggestions it answered and how many of those
    /// changed the listing, among answers decided on or after `since` (YYYY-MM-DD).
    public static func byOrganisation(_ answers: [Answered], asked: [[UInt8]: Asked], since: String) -> [String: (answered: Int, changed: Int)] {
        var out: [String: (answered: Int, changed: Int)] = [:]
        for a in latest(answers, asked: asked).values where a.answer.decidedOn >= since {
            let key = hexString(a.author)
            out[key, default: (0, 0)].answered += 1
            if a.answer.outcome == .accepted { out[key, default: (0, 0)].changed += 1 }
        }
        return out
    }
}
