import Testing

@testable import WaymarkServer

/// The check forms rely on besides their token: a form's `Origin` must name this node as the
/// request reached it, port included.
struct SameOriginTests {
    @Test(arguments: [
        ("http://127.0.0.1:8080", "127.0.0.1:8080"),
        ("https://waymark.ballymun.ie", "waymark.ballymun.ie"),  // behind a TLS proxy: Host without port
        ("https://waymark.ballymun.ie", "waymark.ballymun.ie:443"),
        ("http://localhost", "localhost:80"),
        ("http://WayMark.example", "waymark.example"),
        ("http://[::1]:8080", "[::1]:8080"),
    ])
    func theSameNodeIsTheSameOrigin(_ origin: String, _ authority: String) {
        #expect(PublicPages.isSameOrigin(origin, authority: authority))
    }

    @Test(arguments: [
        ("http://127.0.0.1:8000", "127.0.0.1:8080"),  // another site on the same machine
        ("http://127.0.0.1", "127.0.0.1:8080"),
        ("https://waymark.ballymun.ie:8443", "waymark.ballymun.ie"),
        ("http://evil.example", "waymark.example"),
        ("http://waymark.example.evil.example", "waymark.example"),
        ("not a url", "waymark.example"),
        ("http://", "waymark.example"),
        ("http://waymark.example", ""),
    ])
    func anotherPortOrHostIsNot(_ origin: String, _ authority: String) {
        #expect(!PublicPages.isSameOrigin(origin, authority: authority))
    }
}
