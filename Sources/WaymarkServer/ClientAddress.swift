import Foundation
import HTTPTypes
import Hummingbird

/// Where a request came from, as far as this node can tell: the connection's peer, or, when that
/// peer is a reverse proxy the node was told to trust (`waymark serve --trusted-proxy`), the address
/// the proxy put in `X-Forwarded-For`. Anyone else's `X-Forwarded-For` is ignored: a client can write
/// any address there, and only a proxy that overwrites it (`Deploy/nginx/waymark.conf`) makes it true.
struct ClientAddress: Sendable, Equatable {
    var address: String
    /// Whether a trusted proxy forwarded it (then a loopback address is a real client on this machine,
    /// not the proxy itself).
    var forwarded: Bool

    init(address: String, forwarded: Bool) {
        self.address = address
        self.forwarded = forwarded
    }

    /// - Parameters:
    ///   - peer: the connection's remote address, if known.
    ///   - trustedProxies: the addresses of reverse proxies whose forwarded address is believed.
    init?(forwardedFor header: String?, peer: String?, trustedProxies: Set<String>) {
        guard let peer else { return nil }
        // The last entry is the one the proxy itself wrote (nginx's `$proxy_add_x_forwarded_for`
        // appends; the shipped configuration overwrites with `$remote_addr`).
        if trustedProxies.contains(Self.normalized(peer)), let last = header?.split(separator: ",").last.map({ $0.trimmingCharacters(in: .whitespaces) }),
            Self.looksLikeAddress(last)
        {
            self.init(address: Self.normalized(last), forwarded: true)
        } else {
            self.init(address: peer, forwarded: false)
        }
    }

    init?(_ request: Request, peer: String?, trustedProxies: Set<String>) {
        self.init(forwardedFor: request.headers[HTTPField.Name("X-Forwarded-For")!], peer: peer, trustedProxies: trustedProxies)
    }

    /// An IPv4 or IPv6 address in text (digits, hex letters, dots and colons), not a name or a port.
    static func looksLikeAddress(_ s: String) -> Bool {
        !s.isEmpty && s.count <= 45 && s.allSatisfy { $0.isHexDigit || $0 == "." || $0 == ":" } && (s.contains(".") || s.contains(":"))
    }

    /// IPv4 addresses as IPv4 even when the socket reports them mapped into IPv6.
    static func normalized(_ address: String) -> String {
        address.lowercased().hasPrefix("::ffff:") && address.contains(".") ? String(address.dropFirst(7)) : address.lowercased()
    }
}
