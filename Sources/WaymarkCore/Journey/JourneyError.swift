/// Why a node refused a change to a client's journey (a client's record, a consent, a referral, a
/// progress record, an instrument): a code that can grow without breaking callers, the form field it
/// concerns, and the values its message names. The words are the interface's, in both languages
/// (`staff.error.<code>` in the server's tables); `description` is for logs.
public struct JourneyError: Error, Sendable, Hashable, CustomStringConvertible {
    public struct Code: RawRepresentable, Hashable, Sendable {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        // A client's record.
        public static let noSuchClient = Code(rawValue: "no-such-client")
        public static let nameMissing = Code(rawValue: "name-missing")
        public static let nameTooLong = Code(rawValue: "name-too-long")
        public static let dateOfBirthFormat = Code(rawValue: "date-of-birth-format")
        public static let contactTooLong = Code(rawValue: "contact-too-long")
        public static let languageTooLong = Code(rawValue: "language-too-long")
        public static let notesTooLong = Code(rawValue: "notes-too-long")
        public static let tooManyNeeds = Code(rawValue: "too-many-needs")
        /// An area that is neither an Eircode routing key nor `other`.
        public static let areaFormat = Code(rawValue: "area-format")
        // Consents.
        public static let organizationUnknown = Code(rawValue: "organization-unknown")
        public static let consentForSelf = Code(rawValue: "consent-for-self")
        public static let purposesMissing = Code(rawValue: "purposes-missing")
        public static let consentDates = Code(rawValue: "consent-dates")
        public static let consentWithdrawn = Code(rawValue: "consent-withdrawn")
        /// A referral with neither a service nor a note says nothing the other organisation can act on.
        public static let referralEmpty = Code(rawValue: "referral-empty")
        /// A case note with no words (or correcting a note that is not this client's).
        public static let noteEmpty = Code(rawValue: "note-empty")
        /// A task with no words, or about nothing this organisation holds.
        public static let taskEmpty = Code(rawValue: "task-empty")
        /// A task for someone who is not on this organisation's staff.
        public static let taskAssignee = Code(rawValue: "task-assignee")
        /// A message on a referral with no words, or too many.
        public static let messageEmpty = Code(rawValue: "message-empty")
        public static let noProgressConsent = Code(rawValue: "no-progress-consent")
        public static let noReferralConsent = Code(rawValue: "no-referral-consent")
        // Referrals.
        public static let noSuchReferral = Code(rawValue: "no-such-referral")
        public static let notASide = Code(rawValue: "not-a-side")
        public static let otherSideUnknown = Code(rawValue: "other-side-unknown")
        public static let rerouteNotThisClient = Code(rawValue: "reroute-not-this-client")
        /// Values `from`, `to` (statuses).
        public static let transitionNotAllowed = Code(rawValue: "transition-not-allowed")
        /// Value `to` (a status).
        public static let onlyRecipientSets = Code(rawValue: "only-recipient-sets")
        /// Value `to` (a status).
        public static let onlySenderSets = Code(rawValue: "only-sender-sets")
        /// Value `status`.
        public static let reasonRequired = Code(rawValue: "reason-required")
        public static let outcomeRequired = Code(rawValue: "outcome-required")
        // Circles and progress.
        public static let notACircle = Code(rawValue: "not-a-circle")
        public static let clientErased = Code(rawValue: "client-erased")
        public static let homeUnknown = Code(rawValue: "home-unknown")
        public static let noSuchGoal = Code(rawValue: "no-such-goal")
        public static let dateFormat = Code(rawValue: "date-format")
        public static let goalTitleMissing = Code(rawValue: "goal-title-missing")
        public static let goalTitleTooLong = Code(rawValue: "goal-title-too-long")
        public static let goalExists = Code(rawValue: "goal-exists")
        /// Value `instrument`.
        public static let noSuchInstrument = Code(rawValue: "no-such-instrument")
        public static let milestonesOnly = Code(rawValue: "milestones-only")
        /// Values `instrument`, `area`.
        public static let noSuchArea = Code(rawValue: "no-such-area")
        /// Value `stages`.
        public static let stageRange = Code(rawValue: "stage-range")
        public static let milestoneLabelMissing = Code(rawValue: "milestone-label-missing")
        public static let milestoneLabelTooLong = Code(rawValue: "milestone-label-too-long")
        public static let noSuchRecord = Code(rawValue: "no-such-record")
        public static let notYourRecord = Code(rawValue: "not-your-record")
        public static let correctionOfCorrection = Code(rawValue: "correction-of-correction")
        public static let correctionOtherGoal = Code(rawValue: "correction-other-goal")
        // Instruments (set from the command line).
        /// Values `id`, `problem`.
        public static let instrumentInvalid = Code(rawValue: "instrument-invalid")
        public static let instrumentIDsRepeat = Code(rawValue: "instrument-ids-repeat")

        /// Every code, for the tests that check each has words in both languages.
        public static let all: [Code] = [
            noSuchClient, nameMissing, nameTooLong, dateOfBirthFormat, contactTooLong, languageTooLong, notesTooLong, tooManyNeeds, areaFormat,
            organizationUnknown, consentForSelf, purposesMissing, consentDates, consentWithdrawn, referralEmpty, noteEmpty, taskEmpty, taskAssignee, messageEmpty, noProgressConsent, noReferralConsent,
            noSuchReferral, notASide, otherSideUnknown, rerouteNotThisClient, transitionNotAllowed, onlyRecipientSets, onlySenderSets,
            reasonRequired, outcomeRequired, notACircle, clientErased, homeUnknown, noSuchGoal, dateFormat, goalTitleMissing, goalTitleTooLong,
            goalExists, noSuchInstrument, milestonesOnly, noSuchArea, stageRange, milestoneLabelMissing, milestoneLabelTooLong, noSuchRecord,
            notYourRecord, correctionOfCorrection, correctionOtherGoal, instrumentInvalid, instrumentIDsRepeat,
        ]
    }

    public let code: Code
    /// The form field it concerns (`name`, `organization`, `status`…).
    public let field: String
    /// What the message names (a status, an instrument's name…).
    public let values: [String: String]

    public init(_ code: Code, field: String, _ values: [String: String] = [:]) {
        self.code = code
        self.field = field
        self.values = values
    }

    public var description: String {
        ([code.rawValue, "(\(field))"] + values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }).joined(separator: " ")
    }
}

extension ReferralTransitionError {
    /// The refusal as a journey error (field `status`).
    public var journeyError: JourneyError {
        switch self {
        case .notAllowed(let f, let t): return JourneyError(.transitionNotAllowed, field: "status", ["from": f.rawValue, "to": t.rawValue])
        case .wrongRole(let r, let t): return JourneyError(r == .sender ? .onlyRecipientSets : .onlySenderSets, field: "status", ["to": t.rawValue])
        case .reasonRequired(let s): return JourneyError(.reasonRequired, field: "status", ["status": s.rawValue])
        case .outcomeRequired: return JourneyError(.outcomeRequired, field: "status")
        }
    }
}
