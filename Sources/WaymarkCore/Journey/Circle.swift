/// A client's consent circle: the scope of every private envelope about that client. The scope names
/// the organisation that opened the circle (the client's home organisation, the only one that may
/// erase it), so an erasure is judged from the envelope alone:
/// `circle:<first 16 bytes of the owner's signing key, hex>:<12 random bytes, hex>` (64 bytes).
public struct Circle: OwnedScopeName, Sendable, Hashable, CustomStringConvertible {
    public static let prefix = "circle:"
    public let scope: String
    public init(checkedScope scope: String) { self.scope = scope }
    public var description: String { scope }
}

/// A scope that names the node that opened it (a client's circle, a suggestion thread): built from
/// the owner's key and 12 random bytes, read back only when well formed, and owned by that key.
public protocol OwnedScopeName {
    static var prefix: String { get }
    var scope: String { get }
    /// From a scope already checked to be well formed.
    init(checkedScope: String)
}

extension OwnedScopeName {
    /// A new scope for `owner` (a signing public key); `random` is 12 bytes from the caller.
    public init(owner: [UInt8], random: [UInt8]) { self.init(checkedScope: OwnedScope.make(Self.prefix, owner: owner, random: random)) }

    /// Reads a scope; `nil` if it is not one of this kind.
    public init?(scope: String) {
        guard OwnedScope.isValid(scope, prefix: Self.prefix) else { return nil }
        self.init(checkedScope: scope)
    }

    /// Whether `author` (a signing public key) opened it.
    public func isOwned(by author: [UInt8]) -> Bool { OwnedScope.isOwned(scope, by: author) }
}

/// A scope that names the node that opened it: `<prefix><first 16 bytes of its signing key,
/// hex>:<12 random bytes, hex>`, lower case (circles, §8.1, and suggestion threads, §10.1).
enum OwnedScope {
    static func make(_ prefix: String, owner: [UInt8], random: [UInt8]) -> String {
        precondition(owner.count == 32 && random.count == 12, "a scope needs a 32-byte key and 12 random bytes")
        return prefix + hexString(Array(owner.prefix(16))) + ":" + hexString(random)
    }

    static func isValid(_ scope: String, prefix: String) -> Bool {
        guard scope.hasPrefix(prefix) else { return false }
        let parts = scope.dropFirst(prefix.count).split(separator: ":", omittingEmptySubsequences: false)
        return parts.count == 2 && parts[0].utf8.count == 32 && parts[1].utf8.count == 24 && bytesFromHex(String(parts[0])) != nil
            && bytesFromHex(String(parts[1])) != nil && scope == scope.lowercased()
    }

    static func isOwned(_ scope: String, by author: [UInt8]) -> Bool {
        let parts = scope.split(separator: ":")
        return author.count == 32 && parts.count == 3 && parts[1] == Substring(hexString(Array(author.prefix(16))))
    }
}

/// Who may write what into a circle (`Protocol/SPEC.md` §8.5). Any node can put an envelope into a
/// circle it knows the name of (admission checks only its form), so what counts is decided by its
/// author: consents and referrals only from the circle's owner; progress from the owner, or from an
/// organisation whose consent, as it stood when the progress was written (by the envelope's clock),
/// is for sharing progress and covers that day — not one that holds only a referral consent, nor one
/// whose consent had ended; referral status changes are judged by the referral fold's roles.
public enum CircleRules {
    /// `clientSigned`: a consent event carries the client's signature by the key that was the
    /// circle's client key at its clock (checked by the caller, `Protocol/SPEC.md` §13.3); it counts
    /// whichever member carried it.
    public static func counts(
        _ kind: Envelope.Kind, author: [UInt8], clock: UInt64, in circle: Circle, consents: ConsentFold, clientSigned: Bool = false
    ) -> Bool {
        switch kind {
        case .consent, .clientVoice: return circle.isOwned(by: author) || clientSigned
        case .referral, .erasure: return circle.isOwned(by: author)
        case .referralMessage:
            // From the owner, or from an organisation while it held a consent (§8.9); whether it is
            // a side of the referral is checked where messages are folded.
            return circle.isOwned(by: author) || consents.grant(of: hexString(author), before: clock) != nil
        case .progress:
            if circle.isOwned(by: author) { return true }
            guard let grant = consents.grant(of: hexString(author), before: clock) else { return false }
            let day = BusinessDays.isoDate(dayNumber: Int(HybridClock.milliseconds(clock) / 86_400_000))
            return grant.purposes.contains(.progress) && grant.covers(day: day)
        default: return true
        }
    }
}
