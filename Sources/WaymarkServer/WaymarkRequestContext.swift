import Hummingbird
import NIOCore

/// The request context of a node's server: Hummingbird's basics plus the peer's address, which
/// admin pages use to answer only the node's own machine.
public struct WaymarkRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// Whether the request came from this machine (loopback).
    public var isLocal: Bool {
        guard let ip = remoteAddress?.ipAddress else { return false }
        return ip == "127.0.0.1" || ip == "::1" || ip.hasPrefix("127.") || ip == "::ffff:127.0.0.1"
    }
}
