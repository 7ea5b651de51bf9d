/// A client's journey as one organisation sees it: the records of a circle it could open, folded
/// by the merge rules of `Protocol/SPEC.md` §8 into consents, referrals, goals and a timeline. Pure:
/// the store reads and opens the records and answers ancestry questions from its ledger; every node
/// holding the same records computes the same journey.

/// A journey record a node could open (it is among the recipients and the payload is still held).
public struct OpenedRecord: Sendable {
    public let id: [UInt8]
    public let clock: UInt64
    /// The author's signing key, hex.
    public let author: String
    public let scope: String
    public let kind: Envelope.Kind
    /// Key ids of the organisations it was encrypted to.
    public let recipientKeyIDs: [[UInt8]]
    public let payload: JourneyPayload
    /// A consent event the client signed with the circle's client key in force at its clock (§13.3).
    public var clientSigned: Bool
    /// That signature: the same signed change carried twice is one change.
    public var clientSignature: [UInt8]?
    /// The key that signed it: the client's own, or a proxy's (§13.7).
    public var clientSigner: [UInt8]?

    public init(
        id: [UInt8], clock: UInt64, author: String, scope: String, kind: Envelope.Kind, recipientKeyIDs: [[UInt8]], payload: JourneyPayload,
        clientSigned: Bool = false, clientSignature: [UInt8]? = nil, clientSigner: [UInt8]? = nil
    ) {
        self.clientSigned = clientSigned
        self.clientSigner = clientSigned ? clientSigner : nil
        self.clientSignature = clientSigned ? clientSignature : nil
        self.id = id
        self.clock = clock
        self.author = author
        self.scope = scope
        self.kind = kind
        self.recipientKeyIDs = recipientKeyIDs
        self.payload = payload
    }
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
    /// A consent change the client made themselves (signed with their key, §13.3); `organization`
    /// is then the member whose site they used.
    public var byClient: Bool = false
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
    /// The client's own latest stage per goal and area (§13.5), paired with the worker's readings.
    public var clientReadings: [String: [String: (stage: Int, date: String, counted: Bool)]] = [:]
    /// The client's latest check-in per referral id.
    public var checkins: [String: CheckIn] = [:]
}

/// A referral as either side sees it.
public struct ReferralView: Sendable {
    /// The referral envelope's id, hex: how pages name a referral.
    public var key: String
    public var circle: String
    public var record: ReferralRecord
    /// Node signing keys (hex) and organisation names of the two sides.
    public var sender: String
    public var senderName: String
    public var recipient: String
    public var recipientName: String
    /// When it was sent (milliseconds, from the envelope's clock).
    public var sentAt: UInt64
    public var fold: ReferralFold
    public var status: ReferralStatus { fold.status }
    /// Not answered within the node's response time (working days).
    public var overdue: Bool
    /// Messages between the two sides, oldest first (§8.9).
    public var messages: [ReferralMessage] = []
}

/// A message on a referral from one side to the other.
public struct ReferralMessage: Sendable, Equatable {
    /// The envelope's id, hex.
    public var id: String
    /// The writing organisation's signing key (hex) and name.
    public var author: String
    public var authorName: String
    /// The envelope's hybrid clock.
    public var clock: UInt64
    public var text: String
    /// Milliseconds, from the envelope's clock.
    public var at: UInt64 { HybridClock.milliseconds(clock) }
}

/// Folding a circle's records into a journey.
public enum JourneyFold {
    /// The consent fold of a circle's opened records (the owner's consent records only count).
    public static func consents(_ circle: Circle, _ opened: [OpenedRecord]) -> ConsentFold {
        ConsentFold(
            circle: circle,
            events: opened.compactMap { e in
                guard case .consent(let event) = e.payload, let author = bytesFromHex(e.author) else { return nil }
                return (author, .init(id: e.id, clock: e.clock, event: event, group: e.clientSignature))
            }, clientSigned: Set(opened.filter(\.clientSigned).map { ByteKey($0.id) }))
    }

    /// Whether a referral in this status, sent then, is overdue today: still awaiting an answer more
    /// than `days` working days after the day it was sent (never when `today` is empty).
    public static func isOverdue(_ status: ReferralStatus, sentAt: UInt64, today: String, days: Int) -> Bool {
        guard !today.isEmpty, status.awaitsResponse else { return false }
        return BusinessDays.between(BusinessDays.isoDate(dayNumber: Int(sentAt / 86_400_000)), today) > days
    }

    /// Folds one circle's opened records: consents, then what each author may write into the circle
    /// (§8.5), then what revocation hides (§8.6), then referrals with their status changes, progress
    /// with its corrections, goals, and the timeline. `names` names organisations by signing key
    /// (hex); `responseDays` is the working days to answer a referral before it shows as overdue
    /// (none when `today` is empty); `isAncestor(a, b)` says whether record `a` is in the causal
    /// past of record `b` (the ledger knows).
    public static func fold(
        circle: String, opened all: [OpenedRecord], names: [String: String], today: String, responseDays days: Int, instruments: [Instrument],
        isAncestor: ([UInt8], [UInt8]) throws -> Bool
    ) rethrows -> JourneyView {
        guard let c = Circle(scope: circle) else {
            return JourneyView(circle: circle, consents: ConsentFold(), referrals: [], progress: ProgressFold(), goals: [], timeline: [], hiddenCount: 0)
        }
        let consents = Self.consents(c, all)
        // Only what its author may write into the circle counts (§8.5).
        let opened = all.filter {
            CircleRules.counts($0.kind, author: bytesFromHex($0.author) ?? [], clock: $0.clock, in: c, consents: consents, clientSigned: $0.clientSigned)
        }
        let hidden = try hiddenByRevocation(circle: circle, opened: opened, consents: consents, isAncestor: isAncestor)
        let visible = opened.filter { !hidden.contains(ByteKey($0.id)) }
        func name(_ org: String) -> String { names[org] ?? org }

        // Referrals and their status changes.
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
            let overdue = isOverdue(fold.status, sentAt: sentAt, today: today, days: days)
            // Messages count only from the two sides (§8.9), in (clock, id) order.
            let messages = visible.filter { $0.kind == .referralMessage && ($0.author == r.author || $0.author == record.to) }
                .sorted { ($0.clock, hexString($0.id)) < ($1.clock, hexString($1.id)) }
                .compactMap { m -> ReferralMessage? in
                    guard case .referralMessage(let rid, let text) = m.payload, rid == record.id else { return nil }
                    return ReferralMessage(id: hexString(m.id), author: m.author, authorName: name(m.author), clock: m.clock, text: text)
                }
            referrals.append(
                ReferralView(
                    key: hexString(r.id), circle: circle, record: record, sender: r.author, senderName: name(r.author), recipient: record.to,
                    recipientName: name(record.to), sentAt: sentAt, fold: fold, overdue: overdue, messages: messages))
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
            corrected: Bool = false, byClient: Bool = false)
        {
            timeline.append(
                (
                    clock, timeline.count,
                    TimelineEntry(
                        event: event, at: HybridClock.milliseconds(clock), organization: org, organizationName: name(org), otherName: other, subject: subject,
                        detail: detail, refused: refused, corrected: corrected, byClient: byClient)
                ))
        }
        for e in visible {
            switch e.payload {
            case .consent(.grant(let g, _)):
                entry(
                    "consent-granted", e.clock, e.author, other: name(g.organization), subject: g.purposes.sorted().map(\.rawValue).joined(separator: ", "),
                    detail: g.end, byClient: e.clientSigned)
            case .consent(.revoke(let org, _, _, let reason)):
                entry("consent-revoked", e.clock, e.author, other: name(org), detail: reason ?? "", byClient: e.clientSigned)
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
        for r in referrals {
            for m in r.messages {
                entry("referral-message", m.clock, m.author, other: m.author == r.sender ? r.recipientName : r.senderName)
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
        // The client's own voice (§13.5): one copy of each signed record, the latest per area and per referral.
        var clientReadings: [String: [String: (stage: Int, date: String, clock: UInt64, counted: Bool)]] = [:]
        var checkins: [String: CheckIn] = [:]
        var seenSignatures = Set<ByteKey>()
        for e in visible {
            guard case .clientVoice(let v) = e.payload else { continue }
            if let sig = e.clientSignature, !seenSignatures.insert(ByteKey(sig)).inserted { continue }
            switch v {
            case .reading(let g, let area, let stage, let date, let counted):
                if let prev = clientReadings[g]?[area], (prev.date, prev.clock) > (date, e.clock) { break }
                clientReadings[g, default: [:]][area] = (stage, date, e.clock, counted)
                entry("client-reading", e.clock, e.author, other: titles[g] ?? g, subject: "\(area): \(stage)", detail: date, byClient: e.clientSigned)
            case .checkin(let r, let score, let comment, let date, let onPaper):
                checkins[r] = CheckIn(referralID: r, score: score, comment: comment, date: date, onPaper: onPaper, at: HybridClock.milliseconds(e.clock))
                let other = referrals.first { $0.record.id == r }.map { $0.record.serviceName ?? $0.recipientName } ?? r
                entry("checkin", e.clock, e.author, other: other, subject: "\(score)", detail: comment ?? "", byClient: e.clientSigned)
            }
        }
        timeline.sort { ($0.clock, $0.index) < ($1.clock, $1.index) }
        return JourneyView(
            circle: circle, consents: consents, referrals: referrals, progress: progress, goals: goals, timeline: timeline.map(\.entry),
            hiddenCount: hidden.count, clientReadings: clientReadings.mapValues { $0.mapValues { ($0.stage, $0.date, $0.counted) } }, checkins: checkins)
    }

    /// §8.6: an envelope written by a partner organisation that has revoked consents is shown only if
    /// it is in the causal past of one of those revokes, or follows (or is followed by) the grant in
    /// force since. What a partner wrote before it saw the revoke, concurrently with it, is hidden on
    /// every node, but for a status change that closes a referral. The home organisation's own
    /// records are never hidden.
    static func hiddenByRevocation(
        circle: String, opened: [OpenedRecord], consents: ConsentFold, isAncestor: ([UInt8], [UInt8]) throws -> Bool
    ) rethrows -> Set<ByteKey> {
        guard let c = Circle(scope: circle) else { return [] }
        var hidden = Set<ByteKey>()
        for org in consents.organizations {
            let revokes = consents.revokes(of: org)
            guard !revokes.isEmpty, let key = bytesFromHex(org), !c.isOwned(by: key) else { continue }
            var grant: [UInt8]?
            if case .granted(_, let id) = consents.standing(of: org) { grant = id }
            for e in opened where e.author == org && !e.clientSigned {
                // Closing a referral it holds is what a partner may still do after the revoke (the
                // home organisation learns how it ended; the partner learns nothing new).
                if case .referralStatus(_, let t) = e.payload, t.to.isClosed { continue }
                var shown = false
                for r in revokes where try isAncestor(e.id, r) {
                    shown = true
                    break
                }
                if !shown, let g = grant { shown = try isAncestor(e.id, g) || isAncestor(g, e.id) }
                if !shown { hidden.insert(ByteKey(e.id)) }
            }
        }
        return hidden
    }

}

extension ProgressFold.Current {
    var isGoal: Bool {
        if case .goal = event { return true }
        return false
    }
}
