/// A client's consent circle: the scope of every private envelope about that client. The scope names
/// the organisation that opened the circle (the client's home organisation, the only one that may
/// erase it), so an erasure is judged from the envelope alone:
/// `circle:<first 16 bytes of the owner's signing key, hex>:<12 random bytes, hex>` (64 bytes).
public struct Circle: Sendable, Hashable, CustomStringConvertible {
    public static let prefix = "circle:"
    public let scope: String

    /// A new circle for `owner` (a signing public key); `random` is 12 bytes from the caller.
    public init(owner: [UInt8], random: [UInt8]) {
        precondition(owner.count == 32 && random.count == 12, "a circle needs a 32-byte key and 12 random bytes")
        scope = Self.prefix + hexString(Array(owner.prefix(16))) + ":" + hexString(random)
    }

    /// Reads a scope; `nil` if it is not a circle.
    public init?(scope: String) {
        let parts = scope.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "circle", parts[1].utf8.count == 32, parts[2].utf8.count == 24,
            bytesFromHex(String(parts[1])) != nil, bytesFromHex(String(parts[2])) != nil, scope == scope.lowercased()
        else { return nil }
        self.scope = scope
    }

    /// Whether `author` (a signing public key) opened this circle.
    public func isOwned(by author: [UInt8]) -> Bool {
        author.count == 32 && scope.split(separator: ":")[1] == Substring(hexString(Array(author.prefix(16))))
    }

    public var description: String { scope }
}

/// Who may write what into a circle (`Protocol/SPEC.md` §8.5). Any node can put an envelope into a
/// circle it knows the name of (admission checks only its form), so what counts is decided by its
/// author: consents and referrals only from the circle's owner; progress from the owner, or from an
/// organisation whose consent, as it stood when the progress was written (by the envelope's clock),
/// is for sharing progress and covers that day — not one that holds only a referral consent, nor one
/// whose consent had ended; referral status changes are judged by the referral fold's roles.
public enum CircleRules {
    public static func counts(_ kind: Envelope.Kind, author: [UInt8], clock: UInt64, in circle: Circle, consents: ConsentFold) -> Bool {
        switch kind {
        case .consent, .referral, .erasure: return circle.isOwned(by: author)
        case .progress:
            if circle.isOwned(by: author) { return true }
            guard let grant = consents.grant(of: hexString(author), before: clock) else { return false }
            let day = BusinessDays.isoDate(dayNumber: Int(HybridClock.milliseconds(clock) / 86_400_000))
            return grant.purposes.contains(.progress) && grant.covers(day: day)
        default: return true
        }
    }
}
