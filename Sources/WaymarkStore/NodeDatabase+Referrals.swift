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

    func referralList(identity: NodeIdentity, sent: Bool, today: String, statuses: Set<ReferralStatus>? = nil, offset: Int, limit: Int) throws
        -> Page<ReferralListing>
    {
        try writer.read { db in
            let me = hexString(identity.signingPublicKey)
            var condition = sent ? "sender = ?" : "recipient = ?"
            var arguments: StatementArguments = [me]
            if let statuses {
                let values = statuses.map(\.rawValue).sorted()
                condition += " AND status IN (" + (values.isEmpty ? "NULL" : values.map { _ in "?" }.joined(separator: ", ")) + ")"
                arguments += StatementArguments(values)
            }
            let (rows, total) = try Self.indexedReferrals(
                db, identity: identity, where: condition, arguments,
                matches: { (sent ? $0.sender : $0.recipient) == me && statuses?.contains($0.status) != false },
                offset: offset, limit: limit)
            return Page(
                items: try Self.listings(db, rows, identity: identity, names: Self.organizationNames(db), today: today, days: Self.responseDays(db)),
                total: total,
                offset: max(0, offset))
        }
    }

    static func referralView(_ db: Database, key: String, identity: NodeIdentity, today: String) throws -> ReferralView? {
        try referralInJourney(db, key: key, identity: identity, today: today)?.view
    }

    /// A referral by its key, with the referrals and consents of its circle it was folded from.
    static func referralInJourney(_ db: Database, key: String, identity: NodeIdentity, today: String) throws -> (view: ReferralView, journey: JourneyView)? {
        guard let id = bytesFromHex(key),
            let circle = try String.fetchOne(
                db, sql: """
                    SELECT scope FROM envelope WHERE id = ?1 AND kind = ?2
                    UNION ALL SELECT circle FROM sealed_envelope WHERE id = ?1 AND kind = ?2
                    """, arguments: [Data(id), Int(Envelope.Kind.referral.rawValue)])
        else { return nil }
        let journey = try referralJourney(db, circle: circle, identity: identity, today: today)
        return journey.referrals.first { $0.key == key }.map { ($0, journey) }
    }

    /// One circle's consents and referrals (no progress), folded.
    static func referralJourney(_ db: Database, circle: String, identity: NodeIdentity, today: String) throws -> JourneyView {
        let opened = try openedEnvelopes(db, identity: identity, kinds: [.consent, .referral, .referralStatus], circle: circle)
        return try journey(db, circle: circle, opened: opened, names: organizationNames(db), today: today)
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
