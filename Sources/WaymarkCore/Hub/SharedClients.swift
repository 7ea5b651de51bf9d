/// One person registered as a client at more than one organisation (`Protocol/SPEC.md` §12.1, "A
/// person at two organisations"): counted among the people with a need by one of them, where the
/// referrals between them show it is the same person. Nothing leaves a node for this: each decides
/// from what it holds under the client's consent, and every pair of organisations that referred the
/// person between them decides the same way.
public enum SharedClients {
    /// What two organisations' records of one person agree on: the words of the name, normalised as
    /// `ClientMatching.normalize` and put in alphabetical order, and the date of birth. None without a
    /// date of birth or a name: a name alone is too weak to say two records are one person.
    public static func personKey(name: String, dateOfBirth: String?) -> String? {
        guard let dateOfBirth, !dateOfBirth.isEmpty else { return nil }
        let words = ClientMatching.normalize(name).split(separator: " ").sorted()
        guard !words.isEmpty else { return nil }
        return words.joined(separator: " ") + "|" + dateOfBirth
    }

    /// Whether an organisation (`me`, its signing key in hex) leaves one of its own clients out of
    /// the people it counts, because another organisation that holds them counts them.
    ///
    /// - Parameters:
    ///   - holders: the organisations that referred this person to `me` from their own clients (a
    ///     referral's sender is always the home of the client it names), under a consent in force.
    ///   - told: the organisations `me` referred this client to (so they know `me` holds them too).
    /// - Returns: true when some holder does not know `me` holds the person (it counts them, and
    ///   `me` does not), or knows and sorts before `me` (of two that know of each other, the one whose
    ///   key sorts first counts).
    ///
    /// Of two organisations that hold the person and referred them one way or both, exactly one
    /// counts them. Where three or more hold the person it can still be counted more than once (two
    /// that never referred them between them may each count), and not at all only where the referrals
    /// between the holders make a ring of three or more with at least one referral not returned (an
    /// organisation leaves a person out for one that does not know it holds them, or for a smaller
    /// key it knows of, so following who leaves the person out for whom can only come round again
    /// through a referral not returned).
    public static func countedElsewhere(me: String, holders: Set<String>, told: Set<String>) -> Bool {
        holders.contains { h in h != me && (!told.contains(h) || h < me) }
    }
}
