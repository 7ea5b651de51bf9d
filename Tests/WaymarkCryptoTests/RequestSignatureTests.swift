import Testing
import WaymarkCore
import WaymarkCrypto

/// Signed node-to-node requests (`Protocol/SPEC.md` §5.3, v2): the worked example of the spec, a
/// request signed for one node refused by another, the clock window, and a request taken once.
struct RequestSignatureTests {
    static let key = try! NodeIdentity(signingSeed: [UInt8](repeating: 1, count: 32), encryptionSeed: [UInt8](repeating: 1, count: 32))
    static let body: [UInt8] = [0x61, 0, 0, 2, 0]
    static let date: UInt64 = 1_795_429_800_000
    static let nonce = "000102030405060708090a0b0c0d0e0f"

    static func headers(host: String = "node1.example:8080", path: String = "/sync/v1/reconcile") -> [String: String] {
        Dictionary(
            uniqueKeysWithValues: RequestSignature.headers(
                method: "POST", host: host, path: path, body: body, by: key, nowMilliseconds: date, nonce: nonce))
    }

    static func verify(_ h: [String: String], hosts: Set<String> = ["node1.example:8080"], body: [UInt8] = body, now: UInt64 = date) throws(
        RequestSignature.Failure
    ) -> [UInt8] {
        try RequestSignature.verify(
            method: "POST", path: "/sync/v1/reconcile", body: body, key: h[RequestSignature.keyHeader], host: h[RequestSignature.hostHeader],
            date: h[RequestSignature.dateHeader], nonce: h[RequestSignature.nonceHeader], signature: h[RequestSignature.signatureHeader], hosts: hosts,
            nowMilliseconds: now
        ).key
    }

    @Test func theSpecsExampleSignsAsWritten() throws {
        let h = Self.headers()
        #expect(
            h[RequestSignature.signatureHeader]
                == "de35d3e9dc1241f683da94b81e6816c387461744a50b84a889f749e8baf4ff372aad6db606fcaf262343771fe23c69a30cd850f5f134cc9ff3d5efa441cfd40f")
        #expect(try Self.verify(h) == Self.key.signingPublicKey)
    }

    @Test func aRequestSignedForOneNodeIsRefusedByAnother() {
        #expect(throws: RequestSignature.Failure.otherHost("node1.example:8080")) { try Self.verify(Self.headers(), hosts: ["node2.example:8080"]) }
        // Claiming the other host in the header does not help: the signature covers it.
        var h = Self.headers()
        h[RequestSignature.hostHeader] = "node2.example:8080"
        #expect(throws: RequestSignature.Failure.badSignature) { try Self.verify(h, hosts: ["node2.example:8080"]) }
    }

    @Test func everyPartIsChecked() {
        var h = Self.headers()
        h[RequestSignature.nonceHeader] = nil
        #expect(throws: RequestSignature.Failure.missingHeaders) { try Self.verify(h) }
        h = Self.headers()
        h[RequestSignature.nonceHeader] = "00"
        #expect(throws: RequestSignature.Failure.badNonce) { try Self.verify(h) }
        h = Self.headers()
        h[RequestSignature.nonceHeader] = "ff0102030405060708090a0b0c0d0e0f"
        #expect(throws: RequestSignature.Failure.badSignature) { try Self.verify(h) }
        #expect(throws: RequestSignature.Failure.badSignature) { try Self.verify(Self.headers(), body: [0x61]) }
        #expect(throws: RequestSignature.Failure.staleDate(differenceMilliseconds: -900_001)) { try Self.verify(Self.headers(), now: Self.date + 900_001) }
        #expect(throws: Never.self) { try Self.verify(Self.headers(), now: Self.date + 900_000) }
    }

    @Test func hostsAreWrittenOneWay() {
        #expect(Authority.of(url: "http://127.0.0.1:8080/sync") == "127.0.0.1:8080")
        #expect(Authority.of(url: "https://Node.Example") == "node.example")
        #expect(Authority.of(url: "https://node.example:443/x?y") == "node.example")
        #expect(Authority.of(url: "http://node.example:80") == "node.example")
        #expect(Authority.of(url: "http://user@node.example:8081/") == "node.example:8081")
        #expect(Authority.of(url: "node.example") == nil)
        #expect(Authority.normalized("Node.Example:80") == "node.example")
    }

    /// A request is good once; the memory stays bounded and never lets a forgotten one through.
    @Test func aNonceIsTakenOnce() {
        var memory = NonceMemory(capacity: 4)
        let a: [UInt8] = [1], b: [UInt8] = [2]
        let now: UInt64 = 10_000_000
        func take(_ key: [UInt8], _ nonce: String, _ date: UInt64, _ at: UInt64) -> Bool { memory.take(key: key, nonce: nonce, date: date, nowMilliseconds: at) }
        #expect(take(a, "n1", now, now))
        #expect(!take(a, "n1", now, now), "the same request again")
        #expect(take(b, "n1", now, now), "another key's nonce is its own")
        for i in 2...8 { #expect(take(a, "n\(i)", now + UInt64(i), now + UInt64(i))) }
        #expect(!take(a, "n1", now, now + 9), "forgotten, and refused all the same")
        #expect(!take(a, "n3", now + 3, now + 9))
    }
}
