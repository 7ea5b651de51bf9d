/// The staff area's forms as they are posted: each property is a field of the page's form (its
/// `name`), decoded by `FormDecoder` from what `StaffSessionMiddleware` read. Every field is
/// optional, so that a form without one is answered by the page's own message in the staff
/// member's words (and a field that cannot be read is a refused form, never a guess).

/// Adding a member of staff (`/staff/users`).
struct NewAccountForm: Decodable {
    var username: String?
    var name: String?
    var role: String?
    var password: String?
}

/// Disabling or enabling an account.
struct AccountForm: Decodable {
    var username: String?
}

/// A case note, or a correction of one (`supersedes`: the note's number).
struct CaseNoteForm: Decodable {
    var note: String?
    var supersedes: String?
}

/// A message on a referral to the other side.
struct MessageForm: Decodable {
    var message: String?
}

/// Whose caseload a client is on (`worker`: a username, or empty for no one's).
struct WorkerForm: Decodable {
    var worker: String?
}

/// An admin's change to another account: its role, a new password, or both.
struct AccountChangeForm: Decodable {
    var username: String?
    var role: String?
    var password: String?
}

/// A local champion's check of a listing (`/staff/checks`).
struct ListingCheckForm: Decodable {
    var service: String?
    /// The day they saw it (YYYY-MM-DD).
    var date: String?
    var note: String?
    /// The search the form was on, to go back to.
    var q: String?
}

/// Marking a resident's suggested correction (`/staff/corrections/:id`).
struct CorrectionStatusForm: Decodable {
    var status: String?
    /// What was changed, or why nothing was (sent to the resident who follows the suggestion).
    var reason: String?
    /// The listing's new description, email, website and phone, when the publisher changes them here.
    var description: String?
    var email: String?
    var url: String?
    var phone: String?
    /// The list the button was on (`closed` or the open ones).
    var show: String?
}

/// Registering or editing a client.
struct ClientForm: Decodable {
    var name: String?
    var dateOfBirth: String?
    var contact: String?
    /// Needs ticked from the list.
    var need: [String]?
    /// Needs typed, one per line.
    var needs: String?
    var language: String?
    /// A routing key from the district's list, `other`, or empty.
    var area: String?
    var goals: String?
    var notes: String?
    /// Register anyway, after the possible-duplicate warning.
    var confirm: Bool

    enum CodingKeys: String, CodingKey {
        case name, contact, need, needs, language, area, goals, notes, confirm
        case dateOfBirth = "date_of_birth"
    }
}

/// Recording a client's consent for one organisation.
struct ConsentForm: Decodable {
    var organization: String?
    var purpose: [String]?
    var dataClasses: [String]?
    var start: String?
    var end: String?
    var method: String?

    enum CodingKeys: String, CodingKey {
        case organization, purpose, start, end, method
        case dataClasses = "class"
    }
}

/// Withdrawing a consent.
struct ConsentWithdrawalForm: Decodable {
    var organization: String?
    var method: String?
    var reason: String?
    /// `yes` once the staff member saw what withdrawing does.
    var confirm: String?
}

/// Recording progress: a goal, a reading, a milestone, or a correction of one, for a client of this
/// node (`client`) or a referral this node is a side of (`referral`).
struct ProgressForm: Decodable {
    var client: String?
    var referral: String?
    var type: String?
    var date: String?
    var title: String?
    var instrument: String?
    var goal: String?
    var area: String?
    /// Read as a number by the page, which says so in the staff member's words when it is not one.
    var stage: String?
    var label: String?
    var supersedes: String?
}

/// A partner's request to the client to share progress with it.
struct ConsentRequestForm: Decodable {
    var referral: String?
    var reason: String?
}

/// What the organisation changed because of what clients said.
struct FeedbackChangeForm: Decodable {
    var text: String?
}

/// Erasing a client (the box saying it cannot be undone must be ticked).
struct ErasureForm: Decodable {
    var confirm: Bool
}

/// Sending a referral from a client's page.
struct ReferralForm: Decodable {
    var organization: String?
    var serviceID: String?
    var serviceName: String?
    var note: String?
    /// The earlier referral this one sends elsewhere.
    var reroutes: String?

    enum CodingKeys: String, CodingKey {
        case organization, note, reroutes
        case serviceID = "service_id"
        case serviceName = "service_name"
    }
}

/// Moving a referral on (accept, decline with a reason, complete with an outcome, ...).
struct ReferralChangeForm: Decodable {
    var status: String?
    var reason: String?
    var outcome: String?
    /// Why a referral is declined, from the list (`DeclineReason`); empty when not chosen.
    var decline_reason: String?
}

/// Issuing a client's own code (`/staff/clients/:id/client-code`).
struct ClientCodeForm: Decodable {
    /// The date of birth the code is paired with (YYYY-MM-DD); the client record's when left out.
    var dob: String?
}

/// A check-in a client gave on paper (`/staff/clients/:id/checkin`).
struct PaperCheckinForm: Decodable {
    var referral: String?
    var score: String?
    var comment: String?
}

/// A person acting for a client (`/staff/clients/:id/proxy`), and ending that (`…/proxy/end`).
struct ProxyForm: Decodable {
    var name: String?
    var relationship: String?
    var authority: String?
    /// The proxy's own date of birth, paired with their code.
    var dob: String?
    var slot: String?
}
