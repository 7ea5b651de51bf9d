import Foundation
import GRDB
import WaymarkCore
import WaymarkCrypto

/// A journey record this node could open (it is among the recipients and the payload is still held).
struct OpenedEnvelope {
    let id: [UInt8]
    let clock: UInt64
    /// The author's signing key, hex.
    let author: String
    let scope: String
    let kind: Envelope.Kind
    /// Key ids of the organisations it was encrypted to.
    let recipientKeyIDs: [[UInt8]]
    let payload: JourneyPayload
}

/// One line of a client's journey: who did what, when (`Protocol/SPEC.md` §8; the customer-journey map).
public struct TimelineEntry: Sendable, Equatable {
    /// What happened: `consent-granted`, `consent-revoked`, `referral-sent`, `referral-status`, `goal`,
    /// `reading`, `milestone`.
    public var event: String
    /// Milliseconds, from the record's clock.
    public var at: UInt64
    /// The organisation that did it (its node signing key, hex) and its name.
    public var organization: String
    public var organizationName: String
    /// The organisation it concerns (a consent's or a referral's receiving organisation), if any.
    public var otherName: String
    /// The referral status, goal title, area and stage, milestone… as plain text.
    public var subject: String
    public var detail: String
    /// A status change that did not take effect where it fell in the order (it lost a race).
    public var refused: Bool
    /// A progress event shown as corrected by its author.
    public var corrected: Bool
}

/// A goal and where the client stands on it.
public struct GoalView: Sendable {
    public var id: String
    public var title: String
    public var instrumentID: String?
    public var organization: String
    public var organizationName: String
    /// The latest stage for each area, in the instrument's order when known.
    public var readings: [(area: String, stage: Int, date: String)]
    public var milestones: [(label: String, date: String, corrected: Bool)]
    /// Every reading and milestone, each as it now stands (corrections applied), with the event id a
    /// correction would name.
    public var events: [ProgressFold.Current]
}

/// Everything this node can see of one client's circle, with the merge rules applied and revocation
/// honoured (§8.6).
public struct JourneyView: Sendable {
    public var circle: String
    public var consents: ConsentFold
    public var referrals: [ReferralView]
    public var progress: ProgressFold
    public var goals: [GoalView]
    public var timeline: [TimelineEntry]
    /// Records hidden because the organisation that wrote them lost the client's consent (§8.6).
    public var hiddenCount: Int
}

/// Reading a client's journey: the private envelopes of a circle this node can open, folded.
extension NodeDatabase {
    /// The journey of one of this organisation's clients.
    public func journey(clientID: String, identity: NodeIdentity, today: String) throws -> JourneyView? {
        try writer.read { db in
            guard let circle = try Self.circle(db, clientID: clientID) else { return nil }
            return try Self.journey(db, identity: identity, circle: circle, today: today)
        }
    }

    /// The circle of one of this organisation's clients.
    public func circle(clientID: String) throws -> String? { try writer.read { db in try Self.circle(db, clientID: clientID) } }

    static func circle(_ db: Database, clientID: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT circle FROM client WHERE id = ?", arguments: [clientID])
    }

    /// The consent fold of a circle's opened envelopes (the owner's consent envelopes only).
    static func consentFold(_ circle: Circle, _ opened: [OpenedEnvelope]) -> ConsentFold {
        ConsentFold(
            circle: circle,
            events: opened.compactMap { e in
                guard case .consent(let event) = e.payload, let author = bytesFromHex(e.author) else { return nil }
                return (author, .init(id: e.id, clock: e.clock, event: event))
            })
    }

    /// The journey of a circle as this organisation sees it (a partner sees what was shared with it).
    public func journey(circle: String, identity: NodeIdentity, today: String) throws -> JourneyView {
        try writer.read { db in try Self.journey(db, identity: identity, circle: circle, today: today) }
    }

    static func journey(_ db: Database, identity: NodeIdentity, circle: String, today: String) throws -> JourneyView {
        let opened = try openedEnvelopes(db, identity: identity, kinds: [.consent, .referral, .referralStatus, .progress], circle: circle)
        return try journey(db, circle: circle, opened: opened, names: organizationNames(db), today: today)
    }

    /// Folds one circle's opened envelopes.
    static func journey(_ db: Database, circle: String, opened all: [OpenedEnvelope], names: [String: String], today: String) throws -> JourneyView {
        guard let c = Circle(scope: circle) else {
            return JourneyView(circle: circle, consents: ConsentFold(), referrals: [], progress: ProgressFold(), goals: [], timeline: [], hiddenCount: 0)
        }
        let consents = consentFold(c, all)
        // Only what its author may write into the circle counts (§8.5).
        let opened = all.filter { CircleRules.counts($0.kind, author: bytesFromHex($0.author) ?? [], clock: $0.clock, in: c, consents: consents) }
        let hidden = try hiddenByRevocation(db, circle: circle, opened: opened, consents: consents)
        let visible = opened.filter { !hidden.contains(ByteKey($0.id)) }
        func name(_ org: String) -> String { names[org] ?? org }

        // Referrals and their status changes.
        let days = try responseDays(db)
        let changes = visible.filter { $0.kind == .referralStatus }
        var referrals: [ReferralView] = []
        for r in visible {
            guard case .referral(let record) = r.payload else { continue }
            var fold = ReferralFold(sender: r.author, recipient: record.to, sentClock: r.clock)
            for c in changes {
                guard case .referralStatus(let rid, let t) = c.payload, rid == record.id else { continue }
                fold.apply(.init(id: c.id, clock: c.clock, author: c.author, transition: t))
            }
            let sentAt = HybridClock.milliseconds(r.clock)
            let sentDay = BusinessDays.isoDate(dayNumber: Int(sentAt / 86_400_000))
            let overdue = !today.isEmpty && fold.status.awaitsResponse && BusinessDays.between(sentDay, today) > days
            referrals.append(
                ReferralView(
                    key: hexString(r.id), circle: circle, record: record, sender: r.author, senderName: name(r.author), recipient: record.to,
                    recipientName: name(record.to), sentAt: sentAt, fold: fold, overdue: overdue))
        }
        referrals.sort { $0.sentAt > $1.sentAt }

        // Progress.
        var progress = ProgressFold()
        for e in visible {
            if case .progress(let event) = e.payload { progress.apply(.init(id: e.id, clock: e.clock, author: e.author, event: event)) }
        }
        let current = progress.current
        var titles: [String: String] = [:]
        var goals: [GoalView] = []
        let instruments = try instruments(db)
        for c in current {
            guard case .goal(let id, let title, let instrument) = c.event, titles[id] == nil else { continue }
            titles[id] = title
            let mine = current.filter { $0.event.goalID == id && !$0.isGoal }
            let latest = ProgressFold.latestReadings(mine, goalID: id)
            var order: [String] = []
            for m in mine { if case .reading(_, let area, _, _) = m.event, !order.contains(area) { order.append(area) } }
            if let instrument, let known = instruments.first(where: { $0.id == instrument }) {
                order = known.areas.filter { latest[$0] != nil } + order.filter { !known.areas.contains($0) }
            }
            goals.append(
                GoalView(
                    id: id, title: title, instrumentID: instrument, organization: c.author, organizationName: name(c.author),
                    readings: order.compactMap { a in latest[a].map { (a, $0.stage, $0.date) } },
                    milestones: mine.compactMap { m in
                        if case .milestone(_, let label, let date) = m.event { return (label, date, m.corrected) }
                        return nil
                    }, events: mine))
        }

        // The timeline: every record in order, naming who did it.
        var timeline: [(clock: UInt64, index: Int, entry: TimelineEntry)] = []
        func entry(_ event: String, _ clock: UInt64, _ org: String, other: String = "", subject: String = "", detail: String = "", refused: Bool = false,
            corrected: Bool = false)
        {
            timeline.append(
                (
                    clock, timeline.count,
                    TimelineEntry(
                        event: event, at: HybridClock.milliseconds(clock), organization: org, organizationName: name(org), otherName: other, subject: subject,
                        detail: detail, refused: refused, corrected: corrected)
                ))
        }
        for e in visible {
            switch e.payload {
            case .consent(.grant(let g, _)):
                entry(
                    "consent-granted", e.clock, e.author, other: name(g.organization), subject: g.purposes.sorted().map(\.rawValue).joined(separator: ", "),
                    detail: g.end)
            case .consent(.revoke(let org, _, _, let reason)):
                entry("consent-revoked", e.clock, e.author, other: name(org), detail: reason ?? "")
            case .referral(let r):
                entry("referral-sent", e.clock, e.author, other: name(r.to), subject: r.serviceName ?? "", detail: r.note)
            default: break
            }
        }
        for r in referrals {
            for step in r.fold.history {
                let t = step.change.transition
                entry(
                    "referral-status", step.change.clock, step.change.author, other: r.record.serviceName ?? r.recipientName, subject: t.to.rawValue,
                    detail: t.reason ?? t.outcome ?? "", refused: step.refused != nil)
            }
        }
        for c in current {
            switch c.event {
            case .goal(_, let title, _): entry("goal", c.clock, c.author, subject: title, corrected: c.corrected)
            case .reading(let g, let area, let stage, let date):
                entry("reading", c.clock, c.author, other: titles[g] ?? g, subject: "\(area): \(stage)", detail: date, corrected: c.corrected)
            case .milestone(let g, let label, let date):
                entry("milestone", c.clock, c.author, other: titles[g] ?? g, subject: label, detail: date, corrected: c.corrected)
            case .correction: break
            }
        }
        timeline.sort { ($0.clock, $0.index) < ($1.clock, $1.index) }
        return JourneyView(
            circle: circle, consents: consents, referrals: referrals, progress: progress, goals: goals, timeline: timeline.map(\.entry),
            hiddenCount: hidden.count)
    }

    /// §8.6: an envelope written by a partner organisation that has revoked consents is shown only if
    /// it is in the causal past of one of those revokes, or follows (or is followed by) the grant in
    /// force since. What a partner wrote before it saw the revoke, concurrently with it, is hidden on
    /// every node. The home organisation's own records are never hidden.
    static func hiddenByRevocation(_ db: Database, circle: String, opened: [OpenedEnvelope], consents: ConsentFold) throws -> Set<ByteKey> {
        guard let c = Circle(scope: circle) else { return [] }
        var hidden = Set<ByteKey>()
        for org in consents.organizations {
            let revokes = consents.revokes(of: org)
            guard !revokes.isEmpty, let key = bytesFromHex(org), !c.isOwned(by: key) else { continue }
            var grant: [UInt8]?
            if case .granted(_, let id) = consents.standing(of: org) { grant = id }
            for e in opened where e.author == org {
                var shown = false
                for r in revokes where try isAncestor(db, e.id, of: r) {
                    shown = true
                    break
                }
                if !shown, let g = grant { shown = try isAncestor(db, e.id, of: g) || isAncestor(db, g, of: e.id) }
                if !shown { hidden.insert(ByteKey(e.id)) }
            }
        }
        return hidden
    }

    /// Whether envelope `a` is in the causal past of envelope `b`: a walk back along dependencies
    /// that stops at envelopes older than `a` (a hybrid clock is larger than every clock in its past).
    static func isAncestor(_ db: Database, _ a: [UInt8], of b: [UInt8]) throws -> Bool {
        let clockOf = try db.cachedStatement(sql: "SELECT clock FROM envelope WHERE id = ?")
        guard let clockA = try Int64.fetchOne(clockOf, arguments: [Data(a)]) else { return false }
        let read = try db.cachedStatement(sql: "SELECT clock, wire FROM envelope WHERE id = ?")
        var stack = [b]
        var seen: Set<ByteKey> = [ByteKey(b)]
        while let x = stack.popLast() {
            guard let row = try Row.fetchOne(read, arguments: [Data(x)]), (row["clock"] as Int64) > clockA,
                let e = try? Envelope.decode([UInt8](row["wire"] as Data))
            else { continue }
            for d in e.header.dependencies {
                if d == a { return true }
                if seen.insert(ByteKey(d)).inserted { stack.append(d) }
            }
        }
        return false
    }

    /// One circle's envelopes of these kinds. `scope <> 'public'` lets SQLite use the partial index
    /// `envelope_by_circle` (a bound `scope = ?` alone does not tell it the circle is not `public`,
    /// and each look-up read the whole ledger: the staff home took seconds at 500 clients).
    static func circleEnvelopesSQL(kinds: [Envelope.Kind]) -> String {
        let list = kinds.map { String($0.rawValue) }.joined(separator: ", ")
        return "SELECT id, clock, author, scope, kind, wire FROM envelope WHERE scope = ? AND scope <> 'public' AND kind IN (\(list)) ORDER BY clock, id"
    }

    /// The circles in which the organisation with this encryption key id (the one argument) is a recipient.
    static let circlesNamingRecipientSQL = "SELECT circle FROM circle_recipient WHERE key_id = ?"

    /// One circle's journey envelopes of the given kinds that this node can open, oldest first.
    static func openedEnvelopes(_ db: Database, identity: NodeIdentity, kinds: [Envelope.Kind], circle: String) throws -> [OpenedEnvelope] {
        let rows = try Row.fetchAll(db, sql: circleEnvelopesSQL(kinds: kinds), arguments: [circle])
        return rows.compactMap { row in
            let kind = Envelope.Kind(rawValue: UInt16(row["kind"] as Int))
            guard let e = try? Envelope.decode([UInt8](row["wire"] as Data)), identity.isRecipient(of: e), let plain = try? identity.open(e),
                let p = try? JourneyPayload.decode(plain, kind: kind)
            else { return nil }
            return OpenedEnvelope(
                id: [UInt8](row["id"] as Data), clock: UInt64(bitPattern: row["clock"] as Int64), author: hexString([UInt8](row["author"] as Data)),
                scope: row["scope"], kind: kind, recipientKeyIDs: e.header.recipients.map(\.keyID), payload: p)
        }
    }

    /// The node (signing key, hex) that publishes a directory service: where a referral to it goes.
    public func serviceOwner(id: String) throws -> String? {
        try writer.read { db in try Self.ownerOfRow(db, table: "service", id: id).map(hexString) }
    }

    /// One service an organisation's node publishes (id and name), if any: for sample referrals.
    public func partnerService(of author: [UInt8]) throws -> (id: String, name: String)? {
        try writer.read { db in
            guard let id = try String.fetchOne(
                db, sql: "SELECT row_id FROM envelope WHERE author = ? AND row_table = 'service' AND kind = 2 ORDER BY clock LIMIT 1", arguments: [Data(author)]),
                let body = try String.fetchOne(db, sql: "SELECT body FROM record WHERE tbl = 'service' AND id = ?", arguments: [id]),
                let name = (try? JSONParser.parse(Array(body.utf8)))?["name"]?.stringValue
            else { return nil }
            return (id, name)
        }
    }

    /// The directory's taxonomies with how many terms each has (for `waymark needs`).
    public func taxonomies() throws -> [(id: String, name: String, terms: Int)] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT t.id, json_extract(t.body, '$.name') AS name,
                        (SELECT count(*) FROM record r WHERE r.tbl = 'taxonomy_term' AND json_extract(r.body, '$.taxonomy_id') = t.id) AS terms
                    FROM record t WHERE t.tbl = 'taxonomy' ORDER BY terms DESC, t.id
                    """
            ).map { ($0["id"], $0["name"] ?? "", $0["terms"]) }
        }
    }

    /// Organisation names by node signing key (hex).
    /// Organisation names by signing key (hex): the name a member's vouch gives (§9.4), else its node record's.
    static func organizationNames(_ db: Database) throws -> [String: String] {
        let roster = try roster(db)
        return Dictionary(
            try Row.fetchAll(db, sql: "SELECT author, organization_name FROM known_node").map {
                let author = [UInt8]($0["author"] as Data)
                let vouched = roster.members[ByteKey(author)]?.organizationName ?? ""
                return (hexString(author), vouched.isEmpty ? $0["organization_name"] as String : vouched)
            }, uniquingKeysWith: { a, _ in a })
    }
}

extension ProgressFold.Current {
    var isGoal: Bool {
        if case .goal = event { return true }
        return false
    }
}
