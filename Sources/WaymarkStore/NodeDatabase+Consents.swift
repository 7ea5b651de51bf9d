import Foundation
import GRDB
import WaymarkCore
import WaymarkCrypto

/// One receiving organisation's consent for a client, as staff see it.
public struct ConsentView: Sendable, Equatable {
    /// The receiving organisation's node signing key, hex.
    public var organization: String
    public var organizationName: String
    public var standing: ConsentFold.Standing
    /// The grant in force, if any (it may still be outside its term).
    public var grant: ConsentGrant?
    /// In force and within its term today.
    public var coversToday: Bool
    /// In force and ending within `NodeDatabase.consentWarningDays`.
    public var expiringSoon: Bool
}

/// Consents (`Protocol/SPEC.md` §8.5): each grant or revoke is a private envelope in the client's
/// circle, encrypted to this organisation and the receiving one, signed into this node's chain, and
/// synced like every envelope (relays carry it without reading it). The state is the consent fold
/// over the envelopes this node can open.
extension NodeDatabase {
    /// Consents ending within this many days are flagged on the caseload.
    public static let consentWarningDays = 30
    /// The default term of a new consent, unless the node setting `consent_months` says otherwise.
    public static let defaultConsentMonths = 12

    public func consentMonths() throws -> Int { Int(try setting("consent_months") ?? "") ?? Self.defaultConsentMonths }

    /// Organisations a client can consent to share with: the nodes this node knows of, other than itself.
    public func partnerOrganizations(identity: NodeIdentity) throws -> [KnownNode] {
        try knownNodes().filter { $0.author != identity.signingPublicKey }
    }

    /// Records a grant or a revoke for one of a client's receiving organisations. A grant lists the
    /// revokes already recorded for that organisation (so it follows them, §8.5).
    public func recordConsent(
        clientID: String, _ event: ConsentEvent, identity: NodeIdentity, by username: String, nowMilliseconds now: UInt64
    ) throws {
        try writer.write { db in
            guard let client = try Self.readClients(db, identity: identity, id: clientID).first else {
                throw Self.noSuchClient
            }
            // A grant goes only to a current member; a withdrawal reaches even a removed one.
            let isGrant: Bool
            if case .grant = event { isGrant = true } else { isGrant = false }
            guard let encryptionKey = try isGrant
                ? Self.memberEncryptionKey(db, organization: event.organization) : Self.encryptionKey(db, organization: event.organization)
            else {
                throw JourneyError(.organizationUnknown, field: "organization")
            }
            guard bytesFromHex(event.organization) != identity.signingPublicKey else {
                throw JourneyError(.consentForSelf, field: "organization")
            }
            var event = event
            if case .grant(let g, _) = event {
                if g.purposes.isEmpty { throw JourneyError(.purposesMissing, field: "purposes") }
                if LocalDateTime.parseDate(g.start) == nil || LocalDateTime.parseDate(g.end) == nil || g.start > g.end {
                    throw JourneyError(.consentDates, field: "end")
                }
                let fold = try Self.consentFold(db, circle: client.circle, identity: identity)
                event = .grant(g, after: fold.revokes(of: event.organization))
            }
            try Self.publishPrivate(
                db, .consent, circle: client.circle, JourneyPayload.consent(event).encoded(), to: [identity.encryptionPublicKey, encryptionKey],
                identity: identity, now: now)
            let name = try Self.organizationName(db, event.organization)
            switch event {
            case .grant(let g, _):
                try AuditLog.record(
                    db, username, "record consent", subject: clientID,
                    detail: "\(name): \(g.purposes.sorted().map(\.rawValue).joined(separator: ", ")) until \(g.end) (\(g.method.rawValue))", now: now)
            case .revoke(_, let method, _, _):
                try AuditLog.record(db, username, "revoke consent", subject: clientID, detail: "\(name) (\(method.rawValue))", now: now)
            }
        }
    }

    /// A client's consents, one line per organisation ever named, in force first.
    public func consents(clientID: String, identity: NodeIdentity, today: String) throws -> [ConsentView] {
        try writer.read { db in
            guard let circle = try Self.circle(db, clientID: clientID) else { return [] }
            let fold = try Self.consentFold(db, circle: circle, identity: identity)
            let names = try Self.organizationNames(db)
            let horizon = BusinessDays.adding(Self.consentWarningDays, to: today)
            return fold.organizations.map { org in
                let standing = fold.standing(of: org)
                var grant: ConsentGrant?
                if case .granted(let g, _) = standing { grant = g }
                let covers = grant?.covers(day: today) ?? false
                return ConsentView(
                    organization: org, organizationName: names[org] ?? org, standing: standing, grant: grant, coversToday: covers,
                    expiringSoon: covers && (grant?.end ?? "") <= horizon)
            }.sorted { ($0.coversToday ? 0 : 1, $0.organizationName) < ($1.coversToday ? 0 : 1, $1.organizationName) }
        }
    }

    /// The consent fold over the consent envelopes of a circle that this node can open (a partner
    /// opens only those addressed to it).
    static func consentFold(_ db: Database, circle: String, identity: NodeIdentity) throws -> ConsentFold {
        guard let c = Circle(scope: circle) else { return ConsentFold() }
        return JourneyFold.consents(c, try openedEnvelopes(db, identity: identity, kinds: [.consent], circle: circle))
    }
}
