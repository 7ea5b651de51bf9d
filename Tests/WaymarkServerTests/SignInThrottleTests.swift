import Testing

@testable import WaymarkServer

/// Failed sign-ins per client address: an address that failed 20 times in 15 minutes waits out
/// the rest of its window; other addresses, and loopback (a reverse proxy on the node's machine),
/// are not held back by it.
struct SignInThrottleTests {
    @Test func anAddressThatFailedTooOftenWaitsOutItsWindow() {
        let throttle = AddressThrottle.signIn()
        let start: UInt64 = 1_000_000
        for k in 0..<(throttle.failures - 1) { throttle.failed("203.0.113.9", now: start + UInt64(k)) }
        #expect(!throttle.isBlocked("203.0.113.9", now: start + 100))
        throttle.failed("203.0.113.9", now: start + 200)
        #expect(throttle.isBlocked("203.0.113.9", now: start + 300))
        #expect(!throttle.isBlocked("198.51.100.7", now: start + 300))
        #expect(!throttle.isBlocked("203.0.113.9", now: start + throttle.windowMilliseconds))
    }

    @Test func loopbackIsNotCounted() {
        let throttle = AddressThrottle.signIn()
        #expect(!throttle.counts("127.0.0.1") && !throttle.counts("::1") && !throttle.counts("::ffff:127.0.0.1"))
        #expect(throttle.counts("203.0.113.9") && throttle.counts("2001:db8::1"))
    }

    @Test func aForwardedAddressIsBelievedOnlyFromATrustedProxy() {
        let proxies: Set<String> = ["127.0.0.1"]
        let viaProxy = ClientAddress(forwardedFor: "203.0.113.9", peer: "127.0.0.1", trustedProxies: proxies)
        #expect(viaProxy == ClientAddress(address: "203.0.113.9", forwarded: true))
        // The last entry is the one the proxy wrote; what the client put before it is not believed.
        #expect(ClientAddress(forwardedFor: "198.51.100.1, 203.0.113.9", peer: "::ffff:127.0.0.1", trustedProxies: proxies)?.address == "203.0.113.9")
        // From anyone else the header is ignored.
        #expect(ClientAddress(forwardedFor: "203.0.113.9", peer: "192.0.2.4", trustedProxies: proxies) == ClientAddress(address: "192.0.2.4", forwarded: false))
        #expect(ClientAddress(forwardedFor: "203.0.113.9", peer: "127.0.0.1", trustedProxies: []) == ClientAddress(address: "127.0.0.1", forwarded: false))
        // Not an address: the proxy's own.
        #expect(ClientAddress(forwardedFor: "evil.example", peer: "127.0.0.1", trustedProxies: proxies)?.forwarded == false)
        #expect(ClientAddress(forwardedFor: nil, peer: nil, trustedProxies: proxies) == nil)
        // A client on the proxy's machine, forwarded, is counted; the proxy itself is not.
        let throttle = AddressThrottle.signIn()
        #expect(throttle.counts(ClientAddress(address: "127.0.0.5", forwarded: true)))
        #expect(!throttle.counts(ClientAddress(address: "127.0.0.1", forwarded: false)))
    }

    @Test func theTableStaysBounded() {
        let throttle = AddressThrottle.signIn()
        for k in 0..<(throttle.capacity + 50) { throttle.failed("10.0.\(k / 256).\(k % 256)", now: UInt64(k)) }
        // The newest address is still counted; the table did not grow past its capacity.
        #expect(throttle.size <= throttle.capacity)
    }
}
