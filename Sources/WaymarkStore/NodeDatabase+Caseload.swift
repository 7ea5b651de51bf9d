import Foundation
import GRDB
import WaymarkCore
import WaymarkCrypto

/// What needs a caseworker's attention today.
public struct CaseloadToday: Sendable {
    public struct ExpiringConsent: Sendable, Equatable {
        public var clientID: String
        public var clientName: String
        public var organizationName: String
        public var end: String
    }

    /// Referrals to this organisation that await an answer, newest first.
    public var awaiting: Page<ReferralListing>
    /// Referrals either way not answered within the response time.
    public var overdue: Page<ReferralListing>
    /// Referrals to this organisation being worked on (accepted, in progress, on hold).
    public var active: Page<ReferralListing>
    /// Referrals this organisation sent that are still open at the other side.
    public var sent: Page<ReferralListing>
    /// Consents of this organisation's clients that end within `NodeDatabase.consentWarningDays`, soonest first.
    public var expiring: Page<ExpiringConsent>
}

/// A subject access export (GDPR Art. 15): everything this node holds about one client, including
/// the disclosure log of which organisations received which records and when.
public struct SubjectAccess: Sendable {
    public struct Disclosure: Sendable, Equatable {
        /// Milliseconds.
        public var at: UInt64
        /// The record's kind (`consent`, `referral`, `referral-status`, `progress`).
        public var kind: String
        /// The envelope id, hex.
        public var record: String
        /// Organisations (names) it was encrypted to, this one included.
        public var recipients: [String]
    }

    public struct AuditLine: Sendable, Equatable {
        public var at: UInt64
        public var user: String
        public var action: String
        public var detail: String
    }

    public var client: ClientSummary
    public var journey: JourneyView
    public var disclosures: [Disclosure]
    public var audit: [AuditLine]
    /// This organisation's name.
    public var organizationName: String
    /// This organisation's own notes, tasks and files about the client (never sent elsewhere).
    public var caseNotes: [CaseNote] = []
    public var tasks: [StaffTask] = []
    public var attachments: [Attachment] = []
    /// Messages on the client's referrals this organisation can read.
    public var messages: [(service: String, message: ReferralMessage)] {
        journey.referrals.flatMap { r in r.messages.map { (r.record.serviceName ?? r.recipientName, $0) } }
    }
}


extension SubjectAccess {
    /// The export as JSON (what the client takes away).
    public var json: JSONValue {
        let iso = ISO8601DateFormatter()
        func time(_ ms: UInt64) -> JSONValue { .string(iso.string(from: Date(timeIntervalSince1970: Double(ms) / 1000))) }
        let r = client.record
        return .object(
            JSONObject([
                ("exported_by", .string(organizationName)),
                (
                    "client",
                    .object(
                        JSONObject([
                            ("id", .string(client.id)), ("name", .string(r.name)), ("date_of_birth", .string(r.dateOfBirth)), ("contact", .string(r.contact)),
                            ("language", .string(r.language)), ("area", .string(r.area)), ("needs", .array(r.needs.map(JSONValue.string))),
                            ("goals", .array(r.goals.map(JSONValue.string))), ("notes", .string(r.notes)), ("registered", time(client.createdAt)),
                            ("updated", time(client.updatedAt)),
                        ]))
                ),
                (
                    "timeline",
                    .array(
                        journey.timeline.map { t in
                            .object(
                                JSONObject([
                                    ("at", time(t.at)), ("event", .string(t.event)), ("by", .string(t.organizationName)), ("concerning", .string(t.otherName)),
                                    ("what", .string(t.subject)), ("detail", .string(t.detail)), ("took_effect", .bool(!t.refused)),
                                    ("corrected", .bool(t.corrected)),
                                ]))
                        })
                ),
                (
                    "disclosures",
                    .array(
                        disclosures.map { d in
                            .object(
                                JSONObject([
                                    ("at", time(d.at)), ("kind", .string(d.kind)), ("record", .string(d.record)),
                                    ("recipients", .array(d.recipients.map(JSONValue.string))),
                                ]))
                        })
                ),
                (
                    "case_notes",
                    .array(
                        caseNotes.map { n in
                            .object(JSONObject([("at", time(n.at)), ("by", .string(n.username)), ("text", .string(n.text)), ("corrected_later", .bool(n.corrected))]))
                        })
                ),
                (
                    "tasks",
                    .array(
                        tasks.map { t in
                            .object(JSONObject([("text", .string(t.text)), ("due", .string(t.dueOn)), ("for", .string(t.assignee)), ("done", .bool(t.doneAt != nil))]))
                        })
                ),
                (
                    "files",
                    .array(
                        attachments.map { f in
                            .object(JSONObject([("name", .string(f.name)), ("type", .string(f.type)), ("bytes", JSONValue(f.size)), ("added", time(f.addedAt))]))
                        })
                ),
                (
                    "messages",
                    .array(
                        messages.map { m in
                            .object(
                                JSONObject([
                                    ("at", time(m.message.at)), ("by", .string(m.message.authorName)), ("referral", .string(m.service)), ("text", .string(m.message.text)),
                                ]))
                        })
                ),
                (
                    "audit",
                    .array(
                        audit.map { a in
                            .object(
                                JSONObject([("at", time(a.at)), ("user", .string(a.user)), ("action", .string(a.action)), ("detail", .string(a.detail))]))
                        })
                ),
            ]))
    }
}
