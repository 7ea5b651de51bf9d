import Hummingbird
import NIOCore

/// The request context of a node's server: Hummingbird's basics plus the peer's address, which
/// the sign-in throttle counts failures by.
public struct WaymarkRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}
