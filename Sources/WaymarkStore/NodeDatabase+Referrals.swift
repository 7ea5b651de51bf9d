import Foundation
import GRDB
import WaymarkCore
import WaymarkCrypto

/// Closed-loop referrals (`Protocol/SPEC.md` §8.5): the referral is a kind-17 private envelope from
/// the client's home organisation to the receiving one, sent only while a consent for referrals to
/// it is in force; every status change is a kind-18 envelope between the two. The receiving node
/// marks a referral `received` as soon as it has opened it.
extension NodeDatabase {
    /// Working days to answer a referral before it shows as overdue (node setting `referral_response_days`).
    public static let defaultResponseDays = 2

    static func responseDays(_ db: Database) throws -> Int { max(0, Int(try setting(db, "referral_response_days") ?? "") ?? defaultResponseDays) }

    /// Sends a referral for a client to an organisation their consent covers. What is shared follows
    /// the consent's data classes (contact details, needs).
    @discardableResult
    public func sendReferral(
        clientID: String, to organization: String, serviceID: String?, serviceName: String?, note: String, reroutes: String? = nil, identity: NodeIdentity,
        by username: String,
        today: String, nowMilliseconds now: UInt64
    ) throws -> String {
        let said = [serviceID, serviceName, note].compactMap { $0?.trimmingCharacters(in: .whitespacesAndNewlines) }
        if reroutes == nil, said.allSatisfy(\.isEmpty) { throw JourneyError(.referralEmpty, field: "service") }
        return try writer.write { db in
            guard let client = try Self.readClients(db, identity: identity, id: clientID).first else {
                throw Self.noSuchClient
            }
            let fold = try Self.consentFold(db, circle: client.circle, identity: identity)
            guard let consent = fold.consent(for: organization, purpose: .referral, on: today) else {
                throw JourneyError(.noReferralConsent, field: "organization")
            }
            guard let key = try Self.memberEncryptionKey(db, organization: organization) else {
                throw JourneyError(.organizationUnknown, field: "organization")
            }
            let record = ReferralPolicy.record(
                id: "referral-" + Tokens.random(bytes: 8), to: organization, serviceID: serviceID, serviceName: serviceName, client: client.record,
                consent: consent, note: note, reroutes: reroutes)
            if let reroutes, try !Self.referralViews(db, identity: identity, circle: client.circle, today: today).contains(where: { $0.record.id == reroutes }) {
                throw JourneyError(.rerouteNotThisClient, field: "reroutes")
            }
            try Self.publishPrivate(
                db, .referral, circle: client.circle, JourneyPayload.referral(record).encoded(), to: [identity.encryptionPublicKey, key], identity: identity,
                now: now)
            try AuditLog.record(db, username, "send referral", subject: clientID, detail: "to \(try Self.organizationName(db, organization)): \(serviceName ?? "")", now: now)
            return record.id
        }
    }

    /// The referrals of one client (sent from this node).
    public func referrals(clientID: String, identity: NodeIdentity, today: String) throws -> [ReferralView] {
        try writer.read { db in
            guard let circle = try Self.circle(db, clientID: clientID) else { return [] }
            return try Self.referralViews(db, identity: identity, circle: circle, today: today)
        }
    }

    /// Referrals addressed to this organisation, newest first: `limit` of them from `offset`, read
    /// from the journey index (only those on the page are opened).
    public func incomingReferrals(identity: NodeIdentity, today: String, offset: Int = 0, limit: Int = .max) throws -> Page<ReferralListing> {
        try referralList(identity: identity, sent: false, today: today, offset: offset, limit: limit)
    }

    /// Referrals this organisation sent, newest first, whatever their status (what it is waiting on,
    /// and how the others ended).
    public func sentReferrals(identity: NodeIdentity, today: String, offset: Int = 0, limit: Int = .max) throws -> Page<ReferralListing> {
        try referralList(identity: identity, sent: true, today: today, offset: offset, limit: limit)
    }

    func referralList(identity: NodeIdentity, sent: Bool, today: String, offset: Int, limit: Int) throws -> Page<ReferralListing> {
        try writer.read { db in
            let me = hexString(identity.signingPublicKey)
            let (rows, total) = try Self.indexedReferrals(
                db, identity: identity, where: sent ? "sender = ?" : "recipient = ?", [me], matches: { (sent ? $0.sender : $0.recipient) == me },
                offset: offset, limit: limit)
            return Page(
                items: try Self.listings(db, rows, identity: identity, names: Self.organizationNames(db), today: today, days: Self.responseDays(db)),
                total: total,
                offset: max(0, offset))
        }
    }

    /// One referral by its key, as either side.
    public func referral(key: String, identity: NodeIdentity, today: String) throws -> ReferralView? {
        try writer.read { db in try Self.referralView(db, key: key, identity: identity, today: today) }
    }

    static func referralView(_ db: Database, key: String, identity: NodeIdentity, today: String) throws -> ReferralView? {
        try referralInJourney(db, key: key, identity: identity, today: today)?.view
    }

    /// A referral by its key, with the referrals and consents of its circle it was folded from.
    static func referralInJourney(_ db: Database, key: String, identity: NodeIdentity, today: String) throws -> (view: ReferralView, journey: JourneyView)? {
        guard let id = bytesFromHex(key),
            let circle = try String.fetchOne(
                db, sql: "SELECT scope FROM envelope WHERE id = ? AND kind = ?", arguments: [Data(id), Int(Envelope.Kind.referral.rawValue)])
        else { return nil }
        let journey = try referralJourney(db, circle: circle, identity: identity, today: today)
        return journey.referrals.first { $0.key == key }.map { ($0, journey) }
    }

    /// One circle's consents and referrals (no progress), folded.
    static func referralJourney(_ db: Database, circle: String, identity: NodeIdentity, today: String) throws -> JourneyView {
        let opened = try openedEnvelopes(db, identity: identity, kinds: [.consent, .referral, .referralStatus], circle: circle)
        return try journey(db, circle: circle, opened: opened, names: organizationNames(db), today: today)
    }

    /// Changes a referral's status as this organisation's side of it; refused (naming why) when the
    /// state machine does not allow it.
    public func changeReferral(
        key: String, _ transition: ReferralTransition, identity: NodeIdentity, by username: String, today: String, nowMilliseconds now: UInt64
    ) throws {
        try writer.write { db in
            guard let (view, journey) = try Self.referralInJourney(db, key: key, identity: identity, today: today) else {
                throw JourneyError(.noSuchReferral, field: "referral")
            }
            let me = hexString(identity.signingPublicKey)
            let role: ReferralRole = me == view.sender ? .sender : .recipient
            guard me == view.sender || me == view.recipient else { throw JourneyError(.notASide, field: "referral") }
            if let refusal = ReferralMachine.check(from: view.status, transition, by: role) { throw refusal.journeyError }
            let other = role == .sender ? view.recipient : view.sender
            guard let key = try Self.encryptionKey(db, organization: other) else { throw JourneyError(.otherSideUnknown, field: "referral") }
            // §8.6: after a revoke nothing new is encrypted to that organisation, and it writes nothing more into the circle.
            var recipients = [identity.encryptionPublicKey]
            switch ReferralPolicy.sharing(role: role, consents: journey.consents, me: me, other: other, closing: transition.to.isClosed) {
            case .refused: throw Self.consentWithdrawn
            case .authorOnly: break
            case .bothSides: recipients.append(key)
            }
            try Self.publishPrivate(
                db, .referralStatus, circle: view.circle, JourneyPayload.referralStatus(referralID: view.record.id, transition).encoded(),
                to: recipients, identity: identity, now: now)
            try AuditLog.record(db, username, "referral \(transition.to.rawValue)", subject: view.circle, detail: "referral \(view.record.id)", now: now)
        }
    }

    /// Marks every referral addressed to this organisation that it has not yet acknowledged as
    /// `received` (called after each sync session and when the inbox is opened).
    /// - Returns: how many were marked.
    @discardableResult
    public func acknowledgeReferrals(identity: NodeIdentity, nowMilliseconds now: UInt64) throws -> Int {
        try writer.write { db in
            let me = hexString(identity.signingPublicKey)
            var marked = 0
            // Only circles where a referral arrived since the last pass (envelopes are numbered as stored).
            let through = Int64(try Self.setting(db, "referrals_acknowledged_through") ?? "") ?? 0
            let newest = try Int64.fetchOne(db, sql: "SELECT max(seq) FROM envelope") ?? 0
            let circles = try String.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT scope FROM envelope WHERE seq > ? AND kind = ?
                    AND scope IN (\(Self.circlesNamingSQL(identity)))
                    """,
                arguments: [through, Int(Envelope.Kind.referral.rawValue)])
            try Self.setSetting(db, "referrals_acknowledged_through", String(newest))
            for circle in circles {
                let journey = try Self.referralJourney(db, circle: circle, identity: identity, today: "")
                if case .revoked = journey.consents.standing(of: me) { continue }
                for v in journey.referrals where v.recipient == me && v.status == .requested {
                    guard !v.fold.history.contains(where: { $0.change.author == me }), let key = try Self.encryptionKey(db, organization: v.sender) else { continue }
                    try Self.publishPrivate(
                        db, .referralStatus, circle: v.circle, JourneyPayload.referralStatus(referralID: v.record.id, ReferralTransition(to: .received)).encoded(),
                        to: [identity.encryptionPublicKey, key], identity: identity, now: now)
                    marked += 1
                }
            }
            return marked
        }
    }

    // MARK: Helpers

    static let consentWithdrawn = JourneyError(.consentWithdrawn, field: "consent")
    static let noSuchClient = JourneyError(.noSuchClient, field: "id")

    static func publishPrivate(
        _ db: Database, _ kind: Envelope.Kind, circle: String, _ plaintext: [UInt8], to recipients: [[UInt8]], identity: NodeIdentity, now: UInt64
    ) throws {
        // Once the client has a receipt, what is written about them is theirs to read too (§13.2).
        let client = try clientKeys(db, circle: circle).currentKeys.map(\.encryptionKey)
        try publishOwn(db, kind, scope: circle, plaintext, to: recipients.isEmpty ? [] : recipients + client, identity: identity, now: now)
        try refreshJourneyIndex(db, identity: identity)
    }

    /// The encryption key of an organisation that is a current member: the only ones anything new is
    /// shared with (§9.4: nothing new is encrypted to a removed member).
    static func memberEncryptionKey(_ db: Database, organization: String) throws -> [UInt8]? {
        guard let k = bytesFromHex(organization), try roster(db).isCurrentMember(k) else { return nil }
        return try encryptionKey(db, organization: organization)
    }

    static func encryptionKey(_ db: Database, organization: String) throws -> [UInt8]? {
        guard let k = bytesFromHex(organization), k.count == 32 else { return nil }
        return try Data.fetchOne(db, sql: "SELECT encryption_key FROM known_node WHERE author = ?", arguments: [Data(k)]).map { [UInt8]($0) }
    }

    static func organizationName(_ db: Database, _ organization: String) throws -> String {
        try organizationNames(db)[organization] ?? organization
    }

    /// The referrals of one circle this node can open, with their status changes folded and
    /// revocation honoured (§8.6), newest first.
    static func referralViews(_ db: Database, identity: NodeIdentity, circle: String, today: String) throws -> [ReferralView] {
        try referralJourney(db, circle: circle, identity: identity, today: today).referrals
    }
}
