import Foundation
#if canImport(Glibc)
    import Glibc
#endif

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

    /// The range of a host as it appears in a URL. Literal addresses are read the way the system's
    /// resolver reads them (`inet_aton` takes `2130706433`, `0x7f.1`, `127.1` and `0177.0.0.1` as
    /// 127.0.0.1), so no spelling of a loopback or private address passes for a public one.
    public static func of(host raw: String) -> AddressRange {
        var host = raw.lowercased()
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        while host.hasSuffix(".") { host.removeLast() }
        if host.isEmpty || host == "localhost" || host.hasSuffix(".localhost") { return .loopback }
        var v6 = in6_addr()
        if host.contains(":"), inet_pton(AF_INET6, host, &v6) == 1 {
            return of(ipv6: withUnsafeBytes(of: &v6) { Array($0) })
        }
        var v4 = in_addr()
        if inet_aton(host, &v4) != 0 {
            return of(ipv4: withUnsafeBytes(of: &v4.s_addr) { Array($0) })
        }
        return .public
    }

    static func of(ipv4 o: [UInt8]) -> AddressRange {
        switch (o[0], o[1]) {
        case (127, _), (0, _): return .loopback
        case (10, _), (192, 168), (169, 254), (172, 16...31), (100, 64...127): return .private
        default: return .public
        }
    }

    static func of(ipv6 b: [UInt8]) -> AddressRange {
        let zeros = b[0..<10].allSatisfy { $0 == 0 }
        if zeros && b[10] == 0xFF && b[11] == 0xFF { return of(ipv4: Array(b[12..<16])) }  // ::ffff:a.b.c.d
        if b[0..<15].allSatisfy({ $0 == 0 }) && (b[15] == 1 || b[15] == 0) { return .loopback }  // ::1 and ::
        if zeros && b[10] == 0 && b[11] == 0 { return of(ipv4: Array(b[12..<16])) }  // ::a.b.c.d
        if b[0] & 0xFE == 0xFC || (b[0] == 0xFE && b[1] & 0xC0 == 0x80) { return .private }  // fc00::/7, fe80::/10
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
