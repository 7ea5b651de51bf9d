import Foundation
import Hummingbird
import Logging
import WaymarkCore
import WaymarkStore
import WaymarkSync

/// How to run a node's web server.
public struct ServerSettings: Sendable {
    public var host: String
    public var port: Int
    public var clock: LocalClock
    /// The map tile URL template (`{z}/{x}/{y}`); empty shows markers on a plain background.
    public var tiles: String
    /// Where Debian's `libjs-leaflet` puts Leaflet.
    public var leafletDirectory: String
    /// Mark staff cookies `Secure` (when the node is reached over https).
    public var secureCookies: Bool
    /// Addresses of reverse proxies whose `X-Forwarded-For` is believed (sign-in limits per client address).
    public var trustedProxies: Set<String> = []

    public init(
        host: String = "127.0.0.1", port: Int = 8080, clock: LocalClock = LocalClock(),
        tiles: String = "https://tile.openstreetmap.org/{z}/{x}/{y}.png", leafletDirectory: String = "/usr/share/javascript/leaflet",
        secureCookies: Bool = false
    ) {
        self.secureCookies = secureCookies
        self.host = host
        self.port = port
        self.clock = clock
        self.tiles = tiles
        self.leafletDirectory = leafletDirectory
    }
}

/// Builds the node's HTTP application: the public directory pages, the HSDS API under `/api`, and
/// the staff area under `/staff`.
/// With a sync node, also the sync endpoints, `/metrics` and the sync admin page.
/// Both `waymark serve` and the tests call this.
public func buildApplication(
    directory: Directory, nodeName: String, settings: ServerSettings, logger: Logger, sync: SyncNode? = nil
) -> some ApplicationProtocol {
    let router = Router(context: WaymarkRequestContext.self)
    router.add(middleware: RequestLogMiddleware(level: .debug))
    let pages = PublicPages(directory: directory, clock: settings.clock, renderer: PageRenderer(), tiles: settings.tiles)
    router.add(middleware: APIMiddleware(notFoundPage: { pages.notFound($0) }))
    HSDSAPI(directory: directory, clock: settings.clock, nodeName: nodeName).register(on: router)
    pages.register(on: router)
    pages.registerListAndSuggest(on: router)
    pages.registerAdminRedirects(on: router)
    StaticFiles(leafletDirectory: settings.leafletDirectory).register(on: router)
    StaffPages(
        pages: pages, database: directory.database, organization: nodeName, secureCookies: settings.secureCookies, identity: sync?.identity,
        sync: sync, port: settings.port, trustedProxies: Set(settings.trustedProxies.map(ClientAddress.normalized)), changed: { sync?.changes.signal() }
    ).register(on: router)
    if let sync {
        SyncAPI(node: sync).register(on: router)
    }
    router.get("/health") { _, _ in "ok" }
    return Application(
        router: router,
        configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "waymark"),
        logger: logger)
}
