/// What a referral carries and who a status change reaches (`Protocol/SPEC.md` §8.5, §8.6): the
/// rules the store applies when staff send or move a referral, kept here so they are plain values
/// to test and the same for every node.
public enum ReferralPolicy {
    /// The referral record for a client under a consent: the client's name and date of birth always
    /// go; contact details and needs only when the consent's data classes include them.
    public static func record(
        id: String, to organization: String, serviceID: String?, serviceName: String?, client: ClientRecord, consent: ConsentGrant, note: String,
        reroutes: String?
    ) -> ReferralRecord {
        ReferralRecord(
            id: id, to: organization, serviceID: serviceID, serviceName: serviceName, clientName: client.name,
            clientDateOfBirth: client.dateOfBirth.isEmpty ? nil : client.dateOfBirth,
            clientContact: consent.dataClasses.contains("contact") && !client.contact.isEmpty ? client.contact : nil,
            needs: consent.dataClasses.contains("needs") ? client.needs : [], note: note, reroutes: reroutes)
    }

    /// Who a status change is encrypted to, besides its author.
    public enum Sharing: Equatable, Sendable {
        /// The other side too.
        case bothSides
        /// The author's own record only: the sender closing a referral to an organisation whose
        /// consent was withdrawn (nothing new is encrypted to it).
        case authorOnly
        /// Refused: the receiving organisation lost the client's consent and writes nothing more into
        /// the circle, but for closing the referrals it holds.
        case refused
    }

    /// The sharing of a status change by `role`, given where the other side and this one stand in
    /// the circle's consents. `closing`: the change ends the referral (completed, failed, declined,
    /// cancelled); a receiving organisation whose consent was withdrawn may still close the loop,
    /// telling the home organisation how the referral ended, and nothing else.
    public static func sharing(role: ReferralRole, consents: ConsentFold, me: String, other: String, closing: Bool = false) -> Sharing {
        if role == .recipient {
            if case .revoked = consents.standing(of: me) { return closing ? .bothSides : .refused }
            return .bothSides
        }
        if case .revoked = consents.standing(of: other) { return .authorOnly }
        return .bothSides
    }
}
