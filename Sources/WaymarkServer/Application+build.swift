import Foundation
import Hummingbird
import Logging
import WaymarkCore
import WaymarkStore

/// How to run a node's web server.
public struct ServerSettings: Sendable {
    public var host: String
    public var port: Int
    public var clock: LocalClock

    public init(host: String = "127.0.0.1", port: Int = 8080, clock: LocalClock = LocalClock()) {
        self.host = host
        self.port = port
        self.clock = clock
    }
}

/// Builds the node's HTTP application: the HSDS API under `/api` and a small landing page.
/// Both `waymark serve` and the tests call this.
public func buildApplication(directory: Directory, nodeName: String, settings: ServerSettings, logger: Logger) -> some ApplicationProtocol {
    let router = Router()
    router.add(middleware: LogRequestsMiddleware(.debug))
    router.add(middleware: APIMiddleware())
    HSDSAPI(directory: directory, clock: settings.clock, nodeName: nodeName).register(on: router)
    router.get("/") { _, _ in
        Response(
            status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: LandingPage.html(nodeName: nodeName))))
    }
    router.get("/health") { _, _ in "ok" }
    return Application(
        router: router,
        configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "waymark"),
        logger: logger)
}

enum LandingPage {
    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    static func html(nodeName: String) -> String {
        """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Waymark – \(escape(nodeName))</title></head>
        <body><main><h1>Waymark node: \(escape(nodeName))</h1>
        <p>The HSDS 3.0 directory API of this node:</p>
        <ul><li><a href="/api">/api</a></li><li><a href="/api/services">/api/services</a></li>
        <li><a href="/api/organizations">/api/organizations</a></li><li><a href="/api/taxonomy_terms">/api/taxonomy_terms</a></li></ul>
        </main></body></html>
        """
    }
}
