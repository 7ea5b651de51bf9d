import Foundation
import Testing
import WaymarkCore
import WaymarkCrypto

/// Runs the Wycheproof-style vectors in `Protocol/vectors/` and the must-reject inputs in
/// `Protocol/reject/`. With `WAYMARK_WRITE_VECTORS=1` the vectors are written anew first.
struct ProtocolVectorTests {
    static let protocolDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Protocol")

    static func identity(_ byte: UInt8) -> NodeIdentity {
        try! NodeIdentity(signingSeed: [UInt8](repeating: byte, count: 32), encryptionSeed: [UInt8](repeating: byte &+ 1, count: 32))
    }

    /// The cases, built from fixed keys so that they are the same bytes every time.
    static func cases() -> [[String: Any]] {
        let alice = identity(1)
        let payload = Array(#"{"fields":{"id":"s1","name":"Drop-in","status":"active"},"id":"s1","table":"service"}"#.utf8)
        let clock: UInt64 = 1_795_429_800_000 << 16
        let good = EnvelopeCrypto.sign(kind: .directoryRecord, scope: "public", payload: payload, by: alice, sequence: 1, dependencies: [], clock: clock)
        var out: [[String: Any]] = []
        /// `admission`: what §3.1 rule 4 says of a valid envelope's scope and payload ("ok", "bad-payload", "wrong-scope").
        func add(_ comment: String, _ bytes: [UInt8], _ result: String, _ flags: [String], admission: String? = nil) {
            var c: [String: Any] = ["tcId": out.count + 1, "comment": comment, "envelope": hexString(bytes), "result": result, "flags": flags]
            if let admission { c["admission"] = admission }
            out.append(c)
        }
        add("a directory record, signed", good.encoded(), "valid", [], admission: "ok")
        var erased = good
        erased.payload = nil
        add(
            "the same record with its payload erased: the header still verifies (§1.3), but a public record is never taken in without its payload (§3.1 rule 4)",
            erased.encoded(), "valid", ["Erased"], admission: "bad-payload")
        var badSig = good
        badSig.signature[0] ^= 0x01
        add("one bit of the signature flipped", badSig.encoded(), "invalid", ["BadSignature"])
        var otherDomain = good
        otherDomain.signature = alice.sign(Array("waymark/other/v1".utf8) + [0] + good.header.encoded())
        add("signed under another domain string", otherDomain.encoded(), "invalid", ["WrongDomain"])
        var swapped = good
        swapped.payload = Array(#"{"fields":{"id":"s1","name":"Closed","status":"active"},"id":"s1","table":"service"}"#.utf8)
        swapped.header.payloadSize = UInt64(swapped.payload!.count)
        add("a payload of another length swapped in, with the header's size adjusted (so the signed header changed)", swapped.encoded(), "invalid", ["BadSignature"])
        var mismatch = good
        mismatch.payload![5] ^= 0x20
        add("the payload altered after signing", mismatch.encoded(), "invalid", ["PayloadMismatch"])
        let encoded = good.encoded()
        add("truncated in the signature", Array(encoded.prefix(encoded.count - payload.count - 30)), "invalid", ["Truncated"])
        var v2 = encoded
        v2[2] = 2
        add("an unknown version", v2, "invalid", ["UnknownVersion"])
        let second = EnvelopeCrypto.sign(
            kind: .directoryRecord, scope: "public", payload: payload, by: alice, sequence: 2, dependencies: [EnvelopeCrypto.id(of: good)], clock: clock + 1)
        add("a second record depending on the first", second.encoded(), "valid", [], admission: "ok")
        let fork = EnvelopeCrypto.sign(
            kind: .directoryTombstone, scope: "public", payload: Array(#"{"id":"s1","table":"service"}"#.utf8), by: alice, sequence: 2,
            dependencies: [EnvelopeCrypto.id(of: good)], clock: clock + 2)
        out.append([
            "tcId": out.count + 1, "comment": "two different envelopes with the same author and sequence number: a fork",
            "envelopes": [hexString(second.encoded()), hexString(fork.encoded())], "result": "fork", "flags": ["Fork"],
        ])
        let notCanonical = EnvelopeCrypto.sign(
            kind: .directoryRecord, scope: "public", payload: Array(#"{"table":"service","id":"s1","fields":{"id":"s1","name":"Drop-in"}}"#.utf8),
            by: alice, sequence: 1, dependencies: [], clock: clock)
        add("a directory record whose payload is JSON but not canonical (members out of order)", notCanonical.encoded(), "valid", ["NotCanonical"],
            admission: "bad-payload")
        let bob = identity(5)
        let vouch = EnvelopeCrypto.sign(
            kind: .memberVouch, scope: "public", payload: Membership.Vouch(member: bob.signingPublicKey, organizationName: "Ballymun Youth", roles: ["champion"]).encoded(),
            by: alice, sequence: 3, dependencies: [EnvelopeCrypto.id(of: second)], clock: clock + 3)
        add("a member vouches for another organisation's key (kind 4, §9)", vouch.encoded(), "valid", ["Vouch"], admission: "ok")
        let badRole = EnvelopeCrypto.sign(
            kind: .memberVouch, scope: "public",
            payload: Array(#"{"member":"\#(hexString(bob.signingPublicKey))","organization_name":"Ballymun Youth","roles":["admin"]}"#.utf8),
            by: alice, sequence: 3, dependencies: [EnvelopeCrypto.id(of: second)], clock: clock + 3)
        add("a vouch giving a role that does not exist", badRole.encoded(), "valid", ["Vouch"], admission: "bad-payload")
        let removal = EnvelopeCrypto.sign(
            kind: .memberRemoval, scope: "public", payload: Membership.Removal(member: bob.signingPublicKey, reason: "left the federation").encoded(),
            by: alice, sequence: 4, dependencies: [EnvelopeCrypto.id(of: vouch)], clock: clock + 4)
        add("a founder removes the member it vouched for (kind 5, §9)", removal.encoded(), "valid", ["Removal"], admission: "ok")
        let scoped = EnvelopeCrypto.sign(
            kind: .memberVouch, scope: "circle", payload: Membership.Vouch(member: bob.signingPublicKey, organizationName: "Ballymun Youth").encoded(),
            by: alice, sequence: 3, dependencies: [EnvelopeCrypto.id(of: second)], clock: clock + 3)
        add("a vouch outside the public scope", scoped.encoded(), "valid", ["Vouch"], admission: "wrong-scope")
        // Row namespaces (§3.2, rule 4d): alice's key begins 8a88e3dd7409f195fd…
        let aliceRow = RowNamespace.id(author: alice.signingPublicKey, local: 0x1234)
        func row(_ id: String, _ extra: [(String, JSONValue)] = []) -> [UInt8] {
            DirectoryPayload(table: "service", id: id, fields: JSONObject([("id", .string(id)), ("name", .string("Drop-in"))] + extra)).encoded()
        }
        let own = EnvelopeCrypto.sign(kind: .directoryRecord, scope: "public", payload: row(aliceRow), by: alice, sequence: 1, dependencies: [], clock: clock)
        add("a record of a row in its author's namespace (\(aliceRow))", own.encoded(), "valid", ["Namespace"], admission: "ok")
        let taken = EnvelopeCrypto.sign(kind: .directoryRecord, scope: "public", payload: row(aliceRow), by: bob, sequence: 1, dependencies: [], clock: clock - 1)
        add("another key's record of a row in alice's namespace, dated before hers", taken.encoded(), "valid", ["Namespace"], admission: "not-owner")
        let deleted = EnvelopeCrypto.sign(
            kind: .directoryTombstone, scope: "public", payload: DirectoryPayload(table: "service", id: aliceRow, fields: nil).encoded(), by: bob, sequence: 1,
            dependencies: [], clock: clock)
        add("another key's tombstone of a row in alice's namespace", deleted.encoded(), "valid", ["Namespace"], admission: "not-owner")
        let bobRow = RowNamespace.id(author: bob.signingPublicKey, local: 1)
        let underAlice = EnvelopeCrypto.sign(
            kind: .directoryRecord, scope: "public", payload: row(bobRow, [("organization_id", .string(RowNamespace.id(author: alice.signingPublicKey, local: 9)))]),
            by: bob, sequence: 1, dependencies: [], clock: clock)
        add("a row in its author's namespace that names an organisation in alice's", underAlice.encoded(), "valid", ["Namespace"], admission: "not-owner")
        // Key hand-over (§1.4, §9.6): alice's second key (seeds 32 × 07, 32 × 08) signs for her after it.
        let rotated = try! NodeIdentity(secretSeeds: [UInt8](repeating: 1, count: 32) + [UInt8](repeating: 2, count: 32)
            + [UInt8](repeating: 7, count: 32) + [UInt8](repeating: 8, count: 32))
        let handover = EnvelopeCrypto.sign(
            kind: .keyHandover, scope: "public", payload: EnvelopeCrypto.handover(author: alice.signingPublicKey, to: rotated).encoded(), by: alice,
            sequence: 3, dependencies: [EnvelopeCrypto.id(of: second)], clock: clock + 3)
        add("alice hands over to her second key (kind 6, §9.6)", handover.encoded(), "valid", ["Handover"], admission: "ok")
        let liar = identity(9)
        let falseProof = EnvelopeCrypto.sign(
            kind: .keyHandover, scope: "public",
            payload: Membership.Handover(
                key: rotated.signerPublicKey, proof: liar.sign(Membership.Handover.proofMessage(author: alice.signingPublicKey, key: rotated.signerPublicKey))
            ).encoded(), by: alice, sequence: 3, dependencies: [EnvelopeCrypto.id(of: second)], clock: clock + 3)
        add("a hand-over whose proof another key made", falseProof.encoded(), "invalid", ["BadProof"])
        let afterHandover = EnvelopeCrypto.sign(
            kind: .directoryRecord, scope: "public", payload: payload, by: rotated, sequence: 4, dependencies: [EnvelopeCrypto.id(of: handover)],
            clock: clock + 4)
        add("a record alice's second key signs after the hand-over (signer extension 01 20 ‖ key)", afterHandover.encoded(), "valid", ["Signer"], admission: "ok")
        var otherSigner = afterHandover
        otherSigner.header.extensions = Envelope.Header.signerExtension(liar.signingPublicKey)
        add("the same record naming another signer than the one that signed", otherSigner.encoded(), "invalid", ["BadSignature"])
        return out
    }

    @Test func vectors() throws {
        let file = Self.protocolDirectory.appendingPathComponent("vectors/envelope.json")
        if ProcessInfo.processInfo.environment["WAYMARK_WRITE_VECTORS"] == "1" {
            let doc: [String: Any] = [
                "algorithm": "Waymark envelope v1 (Ed25519, BLAKE2b-256)", "numberOfTests": Self.cases().count, "testGroups": [["tests": Self.cases()]],
            ]
            try JSONSerialization.data(withJSONObject: doc, options: [.prettyPrinted, .sortedKeys]).write(to: file)
        }
        let doc = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        let groups = try #require(doc["testGroups"] as? [[String: Any]])
        var ran = 0
        for test in groups.flatMap({ ($0["tests"] as? [[String: Any]]) ?? [] }) {
            let id = test["tcId"] as? Int ?? 0
            let result = test["result"] as? String
            ran += 1
            if let pair = test["envelopes"] as? [String] {
                let envelopes = try pair.map { try Envelope.decode(try #require(bytesFromHex($0))) }
                #expect(envelopes.allSatisfy { EnvelopeCrypto.verify($0) == .valid }, "tcId \(id)")
                #expect(envelopes.allSatisfy { if case .success = AdmissionRules.payloadProblem($0) { true } else { false } }, "tcId \(id): a fork of envelopes every node takes in")
                let isFork = envelopes[0].isFork(of: envelopes[1])
                #expect(isFork == (result == "fork"), "tcId \(id): fork \(isFork)")
                continue
            }
            let bytes = try #require(bytesFromHex(test["envelope"] as? String ?? ""), "tcId \(id)")
            let flags = test["flags"] as? [String] ?? []
            // The precise outcome each flag stands for, so a vector whose bytes give another failure fails here.
            let expected: [String: String] = [
                "BadSignature": "bad-signature", "WrongDomain": "bad-signature", "PayloadMismatch": "payload-mismatch", "Truncated": "malformed",
                "UnknownVersion": "unknown-version", "BadProof": "bad-signature",
            ]
            let outcome: String
            var decoded: Envelope?
            do {
                let e = try Envelope.decode(bytes)
                decoded = e
                outcome = EnvelopeCrypto.verify(e) == .valid ? "valid" : EnvelopeCrypto.verify(e).rawValue
            } catch EnvelopeError.unknownVersion {
                outcome = "unknown-version"
            } catch is EnvelopeError {
                outcome = "malformed"
            }
            #expect((outcome == "valid" ? "valid" : "invalid") == result, "tcId \(id): \(test["comment"] ?? "")")
            if let want = flags.compactMap({ expected[$0] }).first { #expect(outcome == want, "tcId \(id): gives \(outcome), flags say \(want)") }
            if let admission = test["admission"] as? String, let e = decoded {
                let got: String
                switch AdmissionRules.payloadProblem(e) {
                case .success: got = "ok"
                case .failure(let p): got = p.reason.rawValue
                }
                #expect(got == admission, "tcId \(id): admission \(got), expected \(admission)")
            }
        }
        #expect(ran == (doc["numberOfTests"] as? Int), "every vector ran")
        #expect(ran >= 10)
    }

    @Test func rejectsEveryInputInRejectFolder() throws {
        let dir = Self.protocolDirectory.appendingPathComponent("reject")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".hex") }
        #expect(files.count >= 6)
        for f in files {
            let text = try String(contentsOf: dir.appendingPathComponent(f), encoding: .utf8).filter { !$0.isWhitespace }
            let bytes = try #require(bytesFromHex(text), "\(f) is not hex")
            #expect(throws: EnvelopeError.self, "\(f) was accepted") { try Envelope.decode(bytes) }
        }
    }

    @Test func roundTripAndIdSurvivesErasure() throws {
        let e = EnvelopeCrypto.sign(kind: .nodeRecord, scope: "public", payload: [1, 2, 3], by: Self.identity(9), sequence: 7, dependencies: [], clock: 42)
        let back = try Envelope.decode(e.encoded())
        #expect(back == e)
        var erased = back
        erased.payload = nil
        #expect(EnvelopeCrypto.id(of: erased) == EnvelopeCrypto.id(of: e))
        #expect(EnvelopeCrypto.verify(erased) == .valid)
    }

    @Test func decodingArbitraryBytesNeverCrashes() {
        let e = EnvelopeCrypto.sign(kind: .directoryRecord, scope: "public", payload: Array(repeating: 7, count: 40), by: Self.identity(3), sequence: 1, dependencies: [], clock: 1)
        let bytes = e.encoded()
        var rng = SeededRandom(seed: 99)
        // Every prefix (drip-feed), and many random mutations.
        for n in 0..<bytes.count { #expect(throws: EnvelopeError.self) { try Envelope.decode(Array(bytes.prefix(n))) } }
        for _ in 0..<3000 {
            var m = bytes
            for _ in 0..<Int.random(in: 1...4, using: &rng) { m[Int.random(in: 0..<m.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng) }
            if let d = try? Envelope.decode(m), d.encoded() != m { Issue.record("decoded bytes do not re-encode identically") }
        }
        for _ in 0..<2000 {
            let random = (0..<Int.random(in: 0..<200, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            _ = try? Envelope.decode(random)
        }
    }
}
