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

    /// The consent fold over the consent envelopes of a circle that this node can open (a partner
    /// opens only those addressed to it).
    static func consentFold(_ db: Database, circle: String, identity: NodeIdentity) throws -> ConsentFold {
        guard let c = Circle(scope: circle) else { return ConsentFold() }
        return JourneyFold.consents(c, try openedEnvelopes(db, identity: identity, kinds: [.consent], circle: circle))
    }
}
