/// The plaintext of private journey envelopes (and the clear payloads of erasure), as canonical JSON
/// (`Protocol/SPEC.md` §8.3). Decoding checks every field and names the one that is wrong.
public enum JourneyPayload: Sendable, Hashable {
    case consent(ConsentEvent)
    case referral(ReferralRecord)
    case referralStatus(referralID: String, ReferralTransition)
    case progress(ProgressEvent)
    case erasure(Erasure)
    case erasureAcknowledgement(erasureID: [UInt8])
    case clientVoice(ClientVoice)
    /// A message between the two sides of a referral (§8.9).
    case referralMessage(referralID: String, text: String)

    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public let field: String
        public let message: String
        public var description: String { "\(field): \(message)" }
    }

    public var kind: Envelope.Kind {
        switch self {
        case .consent: return .consent
        case .referral: return .referral
        case .referralStatus: return .referralStatus
        case .progress: return .progress
        case .erasure: return .erasure
        case .erasureAcknowledgement: return .erasureAcknowledgement
        case .clientVoice: return .clientVoice
        case .referralMessage: return .referralMessage
        }
    }

    // MARK: Encoding

    public func encoded() -> [UInt8] { JSONValue.object(object).canonicalBytes }

    var object: JSONObject {
        switch self {
        case .consent(.grant(let g, let after)):
            return JSONObject([
                ("type", .string("grant")), ("organization", .string(g.organization)),
                ("purposes", .array(g.purposes.sorted().map { .string($0.rawValue) })),
                ("data_classes", .array(g.dataClasses.map(JSONValue.string))), ("start", .string(g.start)), ("end", .string(g.end)),
                ("method", .string(g.method.rawValue)), ("recorded_by", .string(g.recordedBy)),
                ("after", .array(after.map { .string(hexString($0)) })),
            ])
        case .consent(.revoke(let o, let method, let by, let reason)):
            var obj = JSONObject([
                ("type", .string("revoke")), ("organization", .string(o)), ("method", .string(method.rawValue)), ("recorded_by", .string(by)),
            ])
            if let reason { obj["reason"] = .string(reason) }
            return obj
        case .referral(let r):
            return r.object
        case .referralStatus(let id, let t):
            var obj = JSONObject([("referral_id", .string(id)), ("status", .string(t.to.rawValue))])
            if let reason = t.reason, !reason.allSatisfy(\.isWhitespace) {
                obj["reason"] = .string(reason)
            } else if let code = t.declineReason {
                // Nodes from before reason codes need a reason with every decline (§8.3).
                obj["reason"] = .string(code.words)
            }
            if let outcome = t.outcome { obj["outcome"] = .string(outcome) }
            if let code = t.declineReason { obj["reason_code"] = .string(code.rawValue) }
            return obj
        case .progress(let e):
            return Self.progressObject(e)
        case .erasure(let e):
            var obj = JSONObject([("circle", .string(e.circle)), ("requested_on", .string(e.requestedOn))])
            if let secret = e.tagSecret { obj["tag_secret"] = .string(hexString(secret)) }
            return obj
        case .erasureAcknowledgement(let id):
            return JSONObject([("erasure", .string(hexString(id)))])
        case .clientVoice(let v):
            guard case .object(let o)? = try? JSONParser.parse(v.encoded()) else { return JSONObject() }
            return o
        case .referralMessage(let id, let text):
            return JSONObject([("referral_id", .string(id)), ("text", .string(text))])
        }
    }

    static func progressObject(_ e: ProgressEvent) -> JSONObject {
        switch e {
        case .goal(let id, let title, let instrument):
            var o = JSONObject([("type", .string("goal")), ("goal_id", .string(id)), ("title", .string(title))])
            if let instrument { o["instrument_id"] = .string(instrument) }
            return o
        case .reading(let g, let area, let stage, let date):
            return JSONObject([
                ("type", .string("reading")), ("goal_id", .string(g)), ("area", .string(area)), ("stage", JSONValue(stage)), ("date", .string(date)),
            ])
        case .milestone(let g, let label, let date):
            return JSONObject([("type", .string("milestone")), ("goal_id", .string(g)), ("label", .string(label)), ("date", .string(date))])
        case .correction(let target, let replacement):
            return JSONObject([
                ("type", .string("correction")), ("supersedes", .string(hexString(target))), ("with", .object(progressObject(replacement))),
            ])
        }
    }

    // MARK: Decoding

    public static func decode(_ bytes: [UInt8], kind: Envelope.Kind) throws -> JourneyPayload {
        let value: JSONValue
        do { value = try JSONParser.parse(bytes) } catch { throw Problem(field: "payload", message: "is not JSON") }
        guard case .object(let o) = value else { throw Problem(field: "payload", message: "must be a JSON object") }
        switch kind {
        case .consent: return .consent(try consent(o))
        case .referral: return .referral(try ReferralRecord(o))
        case .referralStatus:
            let statusText = try string(o, "status")
            guard let status = ReferralStatus(rawValue: statusText) else { throw Problem(field: "status", message: "unknown status \(statusText)") }
            return .referralStatus(
                referralID: try string(o, "referral_id"),
                ReferralTransition(
                    to: status, reason: o["reason"]?.stringValue, outcome: o["outcome"]?.stringValue,
                    // A code this version does not know (a later one's) reads as "another reason".
                    declineReason: o["reason_code"]?.stringValue.map { DeclineReason(rawValue: $0) ?? .other }))
        case .progress: return .progress(try progress(o, depth: 0))
        case .erasure:
            let circle = try string(o, "circle")
            var secret: [UInt8]?
            if let t = o["tag_secret"] {
                guard let k = t.stringValue.flatMap(bytesFromHex), k.count == SealedFrame.tagLength else {
                    throw Problem(field: "tag_secret", message: "must be 16 bytes in hex")
                }
                secret = k
            }
            return .erasure(Erasure(circle: circle, requestedOn: try date(o, "requested_on"), tagSecret: secret))
        case .erasureAcknowledgement:
            guard let id = bytesFromHex(try string(o, "erasure")), id.count == 32 else { throw Problem(field: "erasure", message: "must be a 32-byte id in hex") }
            return .erasureAcknowledgement(erasureID: id)
        case .clientVoice: return .clientVoice(try ClientVoice.decode(o))
        case .referralMessage: return .referralMessage(referralID: try string(o, "referral_id"), text: try string(o, "text"))
        default:
            throw Problem(field: "kind", message: "\(kind) is not a journey record")
        }
    }

    static func string(_ o: JSONObject, _ field: String) throws -> String {
        guard let s = o[field]?.stringValue, !s.isEmpty else { throw Problem(field: field, message: "is required") }
        guard s.utf8.count <= 4096 else { throw Problem(field: field, message: "is longer than 4096 bytes") }
        return s
    }

    static func date(_ o: JSONObject, _ field: String) throws -> String {
        let s = try string(o, field)
        guard s.utf8.count == 10, BusinessDays.dayNumber(s) != nil else { throw Problem(field: field, message: "must be a date, YYYY-MM-DD") }
        return s
    }

    static func strings(_ o: JSONObject, _ field: String) throws -> [String] {
        guard let a = o[field]?.arrayValue else { throw Problem(field: field, message: "must be a list") }
        return try a.map { v in
            guard let s = v.stringValue else { throw Problem(field: field, message: "must be a list of strings") }
            return s
        }
    }

    static func consent(_ o: JSONObject) throws -> ConsentEvent {
        let type = try string(o, "type")
        let organization = try string(o, "organization")
        guard let method = ConsentMethod(rawValue: try string(o, "method")) else {
            throw Problem(field: "method", message: "must be written, verbal or digital")
        }
        let by = try string(o, "recorded_by")
        switch type {
        case "grant":
            var purposes = Set<ConsentPurpose>()
            for p in try strings(o, "purposes") {
                guard let purpose = ConsentPurpose(rawValue: p) else { throw Problem(field: "purposes", message: "unknown purpose \(p)") }
                purposes.insert(purpose)
            }
            guard !purposes.isEmpty else { throw Problem(field: "purposes", message: "name at least one purpose") }
            let start = try date(o, "start")
            let end = try date(o, "end")
            guard start <= end else { throw Problem(field: "end", message: "must not be before start") }
            let after = try strings(o, "after").map { h -> [UInt8] in
                guard let b = bytesFromHex(h), b.count == 32 else { throw Problem(field: "after", message: "must list 32-byte ids in hex") }
                return b
            }
            let grant = ConsentGrant(
                organization: organization, purposes: purposes, dataClasses: try strings(o, "data_classes"), start: start, end: end, method: method,
                recordedBy: by)
            return .grant(grant, after: after)
        case "revoke":
            return .revoke(organization: organization, method: method, recordedBy: by, reason: o["reason"]?.stringValue)
        default:
            throw Problem(field: "type", message: "must be grant or revoke")
        }
    }

    static func progress(_ o: JSONObject, depth: Int) throws -> ProgressEvent {
        switch try string(o, "type") {
        case "goal":
            return .goal(id: try string(o, "goal_id"), title: try string(o, "title"), instrumentID: o["instrument_id"]?.stringValue)
        case "reading":
            guard let stage = o["stage"]?.doubleValue, stage == stage.rounded(), (1...10).contains(stage) else {
                throw Problem(field: "stage", message: "must be a whole number from 1 to 10")
            }
            return .reading(goalID: try string(o, "goal_id"), area: try string(o, "area"), stage: Int(stage), date: try date(o, "date"))
        case "milestone":
            return .milestone(goalID: try string(o, "goal_id"), label: try string(o, "label"), date: try date(o, "date"))
        case "correction":
            guard depth == 0 else { throw Problem(field: "with", message: "a correction cannot carry another correction") }
            guard let target = bytesFromHex(try string(o, "supersedes")), target.count == 32 else {
                throw Problem(field: "supersedes", message: "must be a 32-byte id in hex")
            }
            guard case .object(let inner) = o["with"] else { throw Problem(field: "with", message: "must be the replacing event") }
            return .correction(supersedes: target, with: try progress(inner, depth: 1))
        default:
            throw Problem(field: "type", message: "must be goal, reading, milestone or correction")
        }
    }
}

/// A referral as sent: to whom, for which service, about whom (what the client's consent lets the
/// sender share), and why.
public struct ReferralRecord: Sendable, Hashable {
    /// Chosen by the sender; unique within the client's circle.
    public var id: String
    /// The receiving organisation: its node's signing key, hex.
    public var to: String
    public var serviceID: String?
    public var serviceName: String?
    /// The client as shared with the recipient.
    public var clientName: String
    public var clientDateOfBirth: String?
    public var clientContact: String?
    public var needs: [String]
    public var note: String
    /// The referral this one re-routes, if any.
    public var reroutes: String?

    public init(
        id: String, to: String, serviceID: String? = nil, serviceName: String? = nil, clientName: String, clientDateOfBirth: String? = nil,
        clientContact: String? = nil, needs: [String] = [], note: String = "", reroutes: String? = nil
    ) {
        self.id = id
        self.to = to
        self.serviceID = serviceID
        self.serviceName = serviceName
        self.clientName = clientName
        self.clientDateOfBirth = clientDateOfBirth
        self.clientContact = clientContact
        self.needs = needs
        self.note = note
        self.reroutes = reroutes
    }

    var object: JSONObject {
        var o = JSONObject([
            ("referral_id", .string(id)), ("to", .string(to)), ("client_name", .string(clientName)),
            ("needs", .array(needs.map(JSONValue.string))), ("note", .string(note)),
        ])
        if let serviceID { o["service_id"] = .string(serviceID) }
        if let serviceName { o["service_name"] = .string(serviceName) }
        if let clientDateOfBirth { o["client_date_of_birth"] = .string(clientDateOfBirth) }
        if let clientContact { o["client_contact"] = .string(clientContact) }
        if let reroutes { o["reroutes"] = .string(reroutes) }
        return o
    }

    init(_ o: JSONObject) throws {
        id = try JourneyPayload.string(o, "referral_id")
        to = try JourneyPayload.string(o, "to")
        serviceID = o["service_id"]?.stringValue
        serviceName = o["service_name"]?.stringValue
        clientName = try JourneyPayload.string(o, "client_name")
        clientDateOfBirth = o["client_date_of_birth"] == nil ? nil : try JourneyPayload.date(o, "client_date_of_birth")
        clientContact = o["client_contact"]?.stringValue
        needs = try JourneyPayload.strings(o, "needs")
        note = o["note"]?.stringValue ?? ""
        reroutes = o["reroutes"]?.stringValue
    }
}

/// A client's erasure: every node deletes the payloads (and any keys) of the circle's envelopes.
public struct Erasure: Sendable, Hashable {
    /// The circle (envelope scope) to erase.
    public var circle: String
    public var requestedOn: String
    /// The circle's tag secret (§8.10): every node works out the circle's tag key from it and finds
    /// the circle's sealed envelopes by their erasure tags. Absent from erasures written before sealed envelopes.
    public var tagSecret: [UInt8]?
    public init(circle: String, requestedOn: String, tagSecret: [UInt8]? = nil) {
        self.circle = circle
        self.requestedOn = requestedOn
        self.tagSecret = tagSecret
    }
}
