import Foundation

/// The kind of address a peer URL points at, for deciding which learned peers a node may call
/// (`Protocol/SPEC.md` §9.4): a URL learned from a member's node record is only called if its
/// address is in a range the node's admin allows, so no record can make a node send requests into
/// its own machine or private network unless that is where the federation lives.
public enum AddressRange: String, Sendable, Hashable, CaseIterable {
    /// 127.0.0.0/8, ::1, `localhost`, 0.0.0.0.
    case loopback
    /// 10/8, 172.16/12, 192.168/16, 169.254/16 (link-local), 100.64/10 (shared), fc00::/7, fe80::/10.
    case `private`
    /// Any other literal address, and host names (which are not resolved here).
    case `public`

    /// The range of a URL's host, or `nil` when the URL has no host.
    public static func of(url: String) -> AddressRange? {
        guard let host = URL(string: url)?.host?.lowercased(), !host.isEmpty else { return nil }
        return of(host: host)
    }

    public static func of(host raw: String) -> AddressRange {
        let host = raw.hasPrefix("[") && raw.hasSuffix("]") ? String(raw.dropFirst().dropLast()) : raw
        if host == "localhost" || host.hasSuffix(".localhost") || host == "::1" || host == "0.0.0.0" || host == "::" { return .loopback }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 4, let o = Optional(parts.compactMap { UInt8($0) }), o.count == 4 {
            switch (o[0], o[1]) {
            case (127, _), (0, _): return .loopback
            case (10, _), (192, 168), (169, 254): return .private
            case (172, 16...31), (100, 64...127): return .private
            default: return .public
            }
        }
        if host.contains(":") {
            if host.hasPrefix("fc") || host.hasPrefix("fd") || host.hasPrefix("fe8") || host.hasPrefix("fe9") || host.hasPrefix("fea")
                || host.hasPrefix("feb")
            {
                return .private
            }
            if host.hasPrefix("::ffff:") { return of(host: String(host.dropFirst(7))) }
            return .public
        }
        return .public
    }

    /// What a node allows by default: public addresses, and the kind of address it is reached at
    /// itself (a federation on one machine or one private network keeps working without settings).
    public static func defaults(forOwnURL url: String) -> Set<AddressRange> {
        var out: Set<AddressRange> = [.public]
        if let own = of(url: url) { out.insert(own) }
        return out
    }
}
