import Foundation
import GRDB
import WaymarkCore
import WaymarkCrypto

/// What needs a caseworker's attention today.
public struct Caseload: Sendable {
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

extension NodeDatabase {
    /// What the staff home shows: the first `shown` of each list, with how many there are, read from
    /// the journey index (only the referrals and clients shown are opened).
    public func caseload(identity: NodeIdentity, today: String, shown: Int = 10) throws -> Caseload {
        try writer.read { db in
            let me = hexString(identity.signingPublicKey)
            let days = try Self.responseDays(db)
            let names = try Self.organizationNames(db)
            func page(_ condition: String, _ arguments: StatementArguments, _ matches: (IndexedReferral) -> Bool) throws -> Page<ReferralListing> {
                let (rows, total) = try Self.indexedReferrals(db, identity: identity, where: condition, arguments, matches: matches, limit: shown)
                return Page(items: try Self.listings(db, rows, identity: identity, names: names, today: today, days: days), total: total, offset: 0)
            }
            let awaiting: [ReferralStatus] = [.requested, .received], active: [ReferralStatus] = [.accepted, .inProgress, .onHold]
            func list(_ statuses: [ReferralStatus]) -> String { statuses.map { "'\($0.rawValue)'" }.joined(separator: ", ") }
            let overdueBefore = today.isEmpty ? 0 : Self.overdueBefore(today: today, days: days)
            let ending = try Self.indexedConsentsOfClients(
                db, identity: identity, endingFrom: today, through: BusinessDays.adding(Self.consentWarningDays, to: today), limit: shown)
            var expiring: [Caseload.ExpiringConsent] = []
            for e in ending.rows {
                guard let client = try Self.readClients(db, identity: identity, id: e.clientID).first else { continue }
                expiring.append(
                    .init(clientID: e.clientID, clientName: client.record.name, organizationName: names[e.consent.organization] ?? e.consent.organization, end: e.consent.end))
            }
            return Caseload(
                awaiting: try page("recipient = ? AND status IN (\(list(awaiting)))", [me]) { $0.recipient == me && awaiting.contains($0.status) },
                overdue: try page("status IN (\(list(awaiting))) AND sent_at < ?", [overdueBefore]) {
                    JourneyFold.isOverdue($0.status, sentAt: $0.sentAt, today: today, days: days)
                },
                active: try page("recipient = ? AND status IN (\(list(active)))", [me]) { $0.recipient == me && active.contains($0.status) },
                sent: try page("sender = ? AND status IN (\(list(awaiting + active)))", [me]) { $0.sender == me && (awaiting + active).contains($0.status) },
                expiring: Page(items: expiring, total: ending.total, offset: 0))
        }
    }

    /// Everything held about one client, for the client (the read is audited).
    public func subjectAccess(clientID: String, identity: NodeIdentity, by username: String, today: String, nowMilliseconds now: UInt64) throws
        -> SubjectAccess?
    {
        try writer.write { db -> SubjectAccess? in
            guard let client = try Self.readClients(db, identity: identity, id: clientID).first else { return nil }
            try AuditLog.record(db, username, "subject access export", subject: clientID, now: now)
            let journey = try Self.journey(db, identity: identity, circle: client.circle, today: today)
            // Who could read what: the key ids in each record's header, named from the node records.
            var byKeyID: [ByteKey: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT encryption_key, organization_name FROM known_node") {
                byKeyID[ByteKey(PrivateEnvelope.keyID(of: [UInt8](row["encryption_key"] as Data)))] = row["organization_name"]
            }
            let disclosures = try Self.openedEnvelopes(db, identity: identity, kinds: [.consent, .referral, .referralStatus, .progress], circle: client.circle)
                .map { e in
                    SubjectAccess.Disclosure(
                        at: HybridClock.milliseconds(e.clock), kind: e.kind.description, record: hexString(e.id),
                        recipients: e.recipientKeyIDs.map { byKeyID[ByteKey($0)] ?? hexString($0) })
                }
            let audit = try Row.fetchAll(
                db, sql: "SELECT at, username, action, detail FROM audit_log WHERE subject = ? ORDER BY at, id", arguments: [clientID]
            ).map { SubjectAccess.AuditLine(at: UInt64($0["at"] as Int64), user: $0["username"], action: $0["action"], detail: $0["detail"]) }
            let me = hexString(identity.signingPublicKey)
            return SubjectAccess(
                client: client, journey: journey, disclosures: disclosures, audit: audit, organizationName: try Self.organizationName(db, me))
        }.map { a in
            var a = a
            a.caseNotes = try caseNotes(clientID: clientID, identity: identity)
            a.tasks = try tasks(.init(clientID: clientID), identity: identity) + tasks(.init(clientID: clientID, done: true), identity: identity)
            a.attachments = try attachments(clientID: clientID, identity: identity)
            return a
        }
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
