import Foundation

/// Referral statuses, after the HL7 Gravity SDOH closed-loop referral task (with FHIR's `received` as
/// a delivery receipt). See `../shared/anchors/referrals-consent-privacy.md`.
public enum ReferralStatus: String, Sendable, Hashable, CaseIterable {
    case requested, received, accepted, rejected
    case inProgress = "in-progress"
    case onHold = "on-hold"
    case completed, failed, cancelled
    case enteredInError = "entered-in-error"

    /// No further change but `entered-in-error`.
    public var isClosed: Bool { [.rejected, .completed, .failed, .cancelled, .enteredInError].contains(self) }

    /// Waiting for the receiving organisation to answer.
    public var awaitsResponse: Bool { self == .requested || self == .received }

    /// Statuses that need a reason.
    public var needsReason: Bool { [.rejected, .cancelled, .onHold, .failed].contains(self) }
}

/// Which side of a referral an organisation is on.
public enum ReferralRole: String, Sendable, Hashable {
    case sender, recipient
}

/// Why a receiving organisation declines a referral (`reason_code` of a `rejected` status change,
/// `Protocol/SPEC.md` §8.3), after the decline reasons of closed-loop referral products (Unite Us,
/// the Gravity SDOH task's status reason): the hub counts `no-capacity` apart, as a gap in services.
public enum DeclineReason: String, Sendable, Hashable, CaseIterable {
    case noCapacity = "no-capacity"
    case notEligible = "not-eligible"
    case cannotContact = "cannot-contact"
    case clientDeclined = "client-declined"
    case other

    /// The reason in words, written beside the code for nodes that read only words.
    public var words: String {
        switch self {
        case .noCapacity: return "No capacity"
        case .notEligible: return "Not eligible"
        case .cannotContact: return "Could not contact the client"
        case .clientDeclined: return "The client declined"
        case .other: return "Other"
        }
    }
}

/// One status change, as its author asked for it.
public struct ReferralTransition: Sendable, Hashable {
    public var to: ReferralStatus
    public var reason: String?
    /// What came of it, recorded when the referral closes as completed or failed.
    public var outcome: String?
    /// Why it was declined, from the fixed list (only with `rejected`).
    public var declineReason: DeclineReason?

    public init(to: ReferralStatus, reason: String? = nil, outcome: String? = nil, declineReason: DeclineReason? = nil) {
        self.to = to
        self.reason = reason
        self.outcome = outcome
        self.declineReason = to == .rejected ? declineReason : nil
    }
}

/// Why a transition is refused.
public enum ReferralTransitionError: Error, Sendable, Equatable, CustomStringConvertible {
    case notAllowed(from: ReferralStatus, to: ReferralStatus)
    case wrongRole(ReferralRole, to: ReferralStatus)
    case reasonRequired(ReferralStatus)
    case outcomeRequired

    public var description: String {
        switch self {
        case .notAllowed(let f, let t): return "a referral that is \(f.rawValue) cannot become \(t.rawValue)"
        case .wrongRole(let r, let t): return "the \(r.rawValue) cannot set a referral to \(t.rawValue)"
        case .reasonRequired(let s): return "a reason is required to set a referral to \(s.rawValue)"
        case .outcomeRequired: return "an outcome is required to complete a referral"
        }
    }
}

/// The referral state machine: which status may follow which, and who may set it.
/// - The sender sets `requested` (by sending), `cancelled` and `entered-in-error`.
/// - The recipient sets `received` (automatically, on decrypting), `accepted`, `rejected`,
///   `in-progress`, `on-hold`, `completed`, `failed`, and may also cancel.
/// - `rejected`, `cancelled`, `on-hold` and `failed` need a reason; `completed` needs an outcome.
public enum ReferralMachine {
    static let successors: [ReferralStatus: Set<ReferralStatus>] = [
        .requested: [.received, .accepted, .rejected, .cancelled, .enteredInError],
        .received: [.accepted, .rejected, .cancelled, .enteredInError],
        .accepted: [.inProgress, .onHold, .completed, .failed, .cancelled, .enteredInError],
        .inProgress: [.onHold, .completed, .failed, .cancelled, .enteredInError],
        .onHold: [.inProgress, .completed, .failed, .cancelled, .enteredInError],
        .rejected: [.enteredInError],
        .completed: [.enteredInError],
        .failed: [.enteredInError],
        .cancelled: [.enteredInError],
        .enteredInError: [],
    ]

    static let senderSets: Set<ReferralStatus> = [.requested, .cancelled, .enteredInError]
    static let recipientSets: Set<ReferralStatus> = [.received, .accepted, .rejected, .inProgress, .onHold, .completed, .failed, .cancelled]

    /// Checks one transition. `nil` means it is allowed.
    public static func check(from: ReferralStatus, _ t: ReferralTransition, by role: ReferralRole) -> ReferralTransitionError? {
        guard successors[from, default: []].contains(t.to) else { return .notAllowed(from: from, to: t.to) }
        let allowed = role == .sender ? senderSets : recipientSets
        guard allowed.contains(t.to) else { return .wrongRole(role, to: t.to) }
        // A decline is explained by a reason from the list or in words; the other statuses in words.
        if t.to.needsReason && (t.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty && t.declineReason == nil {
            return .reasonRequired(t.to)
        }
        if t.to == .completed && (t.outcome ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return .outcomeRequired }
        return nil
    }

    /// The statuses a role may move a referral to from `status`.
    public static func choices(from status: ReferralStatus, for role: ReferralRole) -> [ReferralStatus] {
        let allowed = role == .sender ? senderSets : recipientSets
        return ReferralStatus.allCases.filter { successors[status, default: []].contains($0) && allowed.contains($0) && $0 != .received }
    }
}

/// The referral merge rule: a grow-only set of status changes, replayed through the state machine in
/// (clock, id) order. Changes the machine refuses at their place in that order (say, an accept that
/// lost the race with a cancel) are kept, shown as not taking effect, and change nothing. Every node
/// with the same changes computes the same history.
public struct ReferralFold: Sendable {
    public struct Change: Sendable, Hashable {
        public let id: [UInt8]
        public let clock: UInt64
        /// The organisation (node signing key, hex) that made the change.
        public let author: String
        public let transition: ReferralTransition
        public init(id: [UInt8], clock: UInt64, author: String, transition: ReferralTransition) {
            self.id = id
            self.clock = clock
            self.author = author
            self.transition = transition
        }
    }

    /// One change at its place in the history, with whether it took effect.
    public struct Step: Sendable, Equatable {
        public let change: Change
        public let role: ReferralRole?
        public let refused: ReferralTransitionError?
    }

    public let sender: String
    public let recipient: String
    public let sentClock: UInt64
    private var changes: [ByteKey: Change] = [:]

    /// - Parameters: the sending and receiving organisations (node signing keys, hex); the clock of the
    ///   referral envelope (the `requested` status).
    public init(sender: String, recipient: String, sentClock: UInt64) {
        self.sender = sender
        self.recipient = recipient
        self.sentClock = sentClock
    }

    public mutating func apply(_ c: Change) { changes[ByteKey(c.id)] = c }

    /// Every change in order, with its effect.
    public var history: [Step] {
        var status = ReferralStatus.requested
        var out: [Step] = []
        let ordered = changes.values.sorted { a, b in a.clock != b.clock ? a.clock < b.clock : a.id.lexicographicallyPrecedes(b.id) }
        for c in ordered {
            let role: ReferralRole? = c.author == sender ? .sender : c.author == recipient ? .recipient : nil
            let refusal: ReferralTransitionError?
            if let role {
                refusal = c.clock < sentClock ? .notAllowed(from: .requested, to: c.transition.to) : ReferralMachine.check(from: status, c.transition, by: role)
            } else {
                refusal = .wrongRole(.recipient, to: c.transition.to)
            }
            if refusal == nil { status = c.transition.to }
            out.append(Step(change: c, role: role, refused: refusal))
        }
        return out
    }

    /// The current status.
    public var status: ReferralStatus { history.last(where: { $0.refused == nil })?.change.transition.to ?? .requested }

    /// The change that closed the referral, if it is closed.
    public var closingChange: Change? {
        guard status.isClosed else { return nil }
        return history.last(where: { $0.refused == nil })?.change
    }

    /// The outcome or reason of the change that closed the referral, if it is closed.
    public var closing: ReferralTransition? { closingChange?.transition }
}

/// Working days between two ISO dates (Monday to Friday; Irish public holidays are not counted out).
public enum BusinessDays {
    /// How many working days after `from` `to` is (0 for the same day or earlier).
    public static func between(_ from: String, _ to: String) -> Int {
        guard let a = dayNumber(from), let b = dayNumber(to), b > a else { return 0 }
        var n = 0
        for d in (a + 1)...b where !isWeekend(d) { n += 1 }
        return n
    }

    /// Working days from one hybrid-clock moment to another, each taken as its UTC day.
    public static func between(clock from: UInt64, _ to: UInt64) -> Int {
        between(isoDate(dayNumber: Int(HybridClock.milliseconds(from) / 86_400_000)), isoDate(dayNumber: Int(HybridClock.milliseconds(to) / 86_400_000)))
    }

    /// Days since 1970-01-01 for an ISO date; `nil` if it is not a real day.
    public static func dayNumber(_ iso: String) -> Int? { LocalDateTime.parseDate(iso) }

    /// The ISO date `days` after `iso`.
    public static func adding(_ days: Int, to iso: String) -> String {
        guard let n = dayNumber(iso) else { return iso }
        return isoDate(dayNumber: n + days)
    }

    public static func isoDate(dayNumber: Int) -> String {
        let (y, m, d) = LocalDateTime.civil(dayNumber)
        return "\(y)-\(LocalDateTime.pad(m))-\(LocalDateTime.pad(d))"
    }

    /// The last day of a term of `months` months starting on `iso`: the day before the same date
    /// `months` later (a year from 1 March ends on the last day of February), or the last day of that
    /// month when it has no such date.
    public static func consentEnd(months: Int, from iso: String) -> String {
        guard let n = dayNumber(iso) else { return iso }
        let (y, m, d) = LocalDateTime.civil(n)
        let total = y * 12 + (m - 1) + months
        let (ny, nm) = (total / 12, total % 12 + 1)
        let first = LocalDateTime.dayNumber(year: ny, month: nm, day: 1)
        let next = nm == 12 ? LocalDateTime.dayNumber(year: ny + 1, month: 1, day: 1) : LocalDateTime.dayNumber(year: ny, month: nm + 1, day: 1)
        return d > next - first ? isoDate(dayNumber: next - 1) : isoDate(dayNumber: first + d - 2)
    }

    static func isWeekend(_ dayNumber: Int) -> Bool { LocalDateTime(day: dayNumber, minute: 0).weekday >= .saturday }
}
