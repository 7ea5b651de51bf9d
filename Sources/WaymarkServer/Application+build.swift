import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import WaymarkCore
import WaymarkCrypto
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

/// Everything a node is built from: its database and keys, how it serves and how it syncs.
/// `waymark serve` fills it in from its options; tests fill in their own (an in-memory database,
/// a fixture identity, no sync engine).
public struct NodeArguments: Sendable {
    public var database: NodeDatabase
    /// The organisation's keys; without them the node serves the directory only (no staff area for
    /// clients, no sync).
    public var identity: NodeIdentity?
    public var server: ServerSettings
    /// The URL other nodes reach this node at: given, the node (re)publishes its signed node record
    /// and remembers the URL (a node restored from a backup waits until it has caught up).
    public var publicURL: String?
    /// How the sync engine runs; without them no engine runs (a test through the router).
    public var sync: SyncSettings?
    /// How the engine reaches peers (default: HTTP, signed with the node's key).
    public var transport: (any SyncTransport)?
    /// How many recent full-text search answers to keep in memory (0 turns caching off).
    public var searchCache: Int
    /// Email notifications to staff; without them none are sent.
    public var mail: MailSettings?
    public var logger: Logger

    public init(
        database: NodeDatabase, identity: NodeIdentity?, server: ServerSettings = ServerSettings(), publicURL: String? = nil, sync: SyncSettings? = nil,
        transport: (any SyncTransport)? = nil, searchCache: Int = 256, mail: MailSettings? = nil, logger: Logger
    ) {
        self.mail = mail
        self.database = database
        self.identity = identity
        self.server = server
        self.publicURL = publicURL
        self.sync = sync
        self.transport = transport
        self.searchCache = searchCache
        self.logger = logger
    }
}

/// The node's one composition root, used by `waymark serve` and by the tests: publishes the node
/// record, opens the directory, and puts together the HTTP application (the public pages, the HSDS
/// API under `/api`, the staff area under `/staff`, with keys the sync endpoints and `/metrics`) with
/// the sync engine as a service of the same service group, so that both start together and shut
/// down gracefully together.
public func buildApplication(_ arguments: NodeArguments) throws -> some ApplicationProtocol {
    let db = arguments.database
    let name = try db.setting("organization_name") ?? "Waymark node"
    if let url = arguments.publicURL, let identity = arguments.identity {
        // The node's signed record (organisation, URL, keys) spreads to every node by sync; a node
        // restored from a backup publishes it only after it has caught up (`NodeHome.restore`).
        if try !db.mustResyncBeforeSigning() {
            try db.ledger.publishNodeRecord(
                NodeRecord(
                    organizationID: try db.setting("organization_id") ?? "", organizationName: name, url: url,
                    encryptionKey: identity.encryptionPublicKey),
                identity: identity, nowMilliseconds: arguments.server.clock.milliseconds())
        }
        try db.setSetting("public_url", url)
    }
    let directory = Directory(database: db, cachesAnswers: arguments.searchCache > 0)
    _ = try directory.snapshot()
    let node = arguments.identity.map { SyncNode(database: db, identity: $0) }
    var services: [any Service] = []
    if let node, let settings = arguments.sync {
        services.append(
            SyncEngine(node: node, transport: arguments.transport ?? HTTPTransport(identity: node.identity), settings: settings, logger: arguments.logger))
    }
    if let identity = arguments.identity, let mail = arguments.mail {
        services.append(Notifier(database: db, identity: identity, settings: mail, clock: arguments.server.clock, logger: arguments.logger))
    }
    return Application(
        router: buildRouter(directory: directory, nodeName: name, settings: arguments.server, sync: node, mailConfigured: arguments.mail != nil),
        configuration: .init(address: .hostname(arguments.server.host, port: arguments.server.port), serverName: "waymark"),
        services: services,
        logger: arguments.logger)
}

/// The routes: the public directory pages, the HSDS API under `/api`, and the staff area under
/// `/staff`; with a sync node, also the sync endpoints, `/metrics` and the sync admin page.
func buildRouter(directory: Directory, nodeName: String, settings: ServerSettings, sync: SyncNode?, mailConfigured: Bool = false) -> Router<WaymarkRequestContext> {
    let router = Router(context: WaymarkRequestContext.self)
    router.add(middleware: RequestLogMiddleware(level: .debug))
    let pages = PublicPages(
        directory: directory, clock: settings.clock, renderer: PageRenderer(), tiles: settings.tiles, identity: sync?.identity,
        trustedProxies: Set(settings.trustedProxies.map(ClientAddress.normalized)))
    router.add(middleware: APIMiddleware(notFoundPage: { pages.notFound($0) }))
    HSDSAPI(directory: directory, clock: settings.clock, nodeName: nodeName).register(on: router)
    pages.register(on: router)
    pages.registerListAndSuggest(on: router)
    pages.registerHub(on: router)
    pages.registerAdminRedirects(on: router)
    StaticFiles(leafletDirectory: settings.leafletDirectory).register(on: router)
    ClientPages(
        pages: pages, database: directory.database, identity: sync?.identity, trustedProxies: Set(settings.trustedProxies.map(ClientAddress.normalized)),
        changed: { sync?.changes.signal() }
    ).register(on: router)
    StaffPages(
        pages: pages, database: directory.database, organization: nodeName, secureCookies: settings.secureCookies, identity: sync?.identity,
        sync: sync, port: settings.port, trustedProxies: Set(settings.trustedProxies.map(ClientAddress.normalized)), changed: { sync?.changes.signal() },
        mailConfigured: mailConfigured
    ).register(on: router)
    if let sync {
        SyncAPI(node: sync, trustedProxies: Set(settings.trustedProxies.map(ClientAddress.normalized))).register(on: router)
    }
    router.get("/health") { _, _ in "ok" }
    return router
}
