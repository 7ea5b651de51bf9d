import Foundation
import Testing
import WaymarkCore
import WaymarkCrypto

/// Private envelopes: the vectors in `Protocol/vectors/private.json` (with `WAYMARK_WRITE_VECTORS=1`
/// they are written anew first; sealing is randomised, so the bytes change but the outcomes must not),
/// and properties of sealing and opening.
struct PrivateEnvelopeTests {
    static func identity(_ byte: UInt8) -> NodeIdentity { ProtocolVectorTests.identity(byte) }
    static let home = identity(1), partner = identity(2), relay = identity(3), mallory = identity(4)
    static let circle = "circle:5f1b2c3d4e5f60718293a4b5c6d7e8f9"
    static let plaintext = JourneyPayload.referral(
        ReferralRecord(id: "r1", to: hexString(partner.signingPublicKey), serviceName: "Jobs club", clientName: "Aoife Byrne", needs: ["employment"])
    ).encoded()
    static let clock: UInt64 = 1_795_429_800_000 << 16

    static func cases() throws -> [[String: Any]] {
        let key = [UInt8](repeating: 0x42, count: 32)
        let nonce = [UInt8](repeating: 0x24, count: 24)
        let recipients = [home.encryptionPublicKey, partner.encryptionPublicKey]
        let (good, _) = try PrivateEnvelope.sign(
            kind: .referral, scope: circle, plaintext: plaintext, recipients: recipients, by: home, sequence: 1, dependencies: [], clock: clock,
            contentKey: key, nonce: nonce)
        var out: [[String: Any]] = []
        func add(_ comment: String, _ e: Envelope, reader: UInt8, _ result: String, _ flags: [String]) {
            var c: [String: Any] = [
                "tcId": out.count + 1, "comment": comment, "envelope": hexString(e.encoded()), "readerSeed": Int(reader), "result": result, "flags": flags,
            ]
            if result == "valid" { c["plaintext"] = hexString(plaintext) }
            out.append(c)
        }
        add("a referral encrypted to the home organisation and the partner, opened by the partner", good, reader: 2, "valid", [])
        add("the same envelope opened by its author (listed as a recipient)", good, reader: 1, "valid", [])
        add("a relay that is not a recipient can verify but not open it", good, reader: 3, "invalid", ["NotARecipient"])
        var erased = good
        erased.payload = nil
        add("the payload erased: the header verifies, nothing opens", erased, reader: 2, "invalid", ["Erased"])
        var flipped = good
        flipped.payload![30] ^= 0x01
        add("one ciphertext bit flipped after signing", flipped, reader: 2, "invalid", ["PayloadMismatch"])
        // A ciphertext made for another scope, signed into this one: the associated data differs.
        let otherScope = try PrivateEnvelope.encrypt(plaintext, key: key, kind: .referral, author: home.signingPublicKey, scope: "circle:other", nonce: nonce)
        add("a ciphertext bound to another circle", resigned(good, payload: otherScope, by: home), reader: 2, "invalid", ["CiphertextDoesNotOpen"])
        // Another organisation copies the sealed keys and ciphertext into an envelope of its own.
        add(
            "a ciphertext copied into another author's envelope", resigned(good, payload: good.payload!, by: mallory), reader: 2, "invalid",
            ["CiphertextDoesNotOpen"])
        // The partner's key id, with a content key sealed to someone else.
        var wrong = good.header
        wrong.recipients = [Envelope.Recipient(keyID: partner.encryptionKeyID, sealedKey: try PrivateEnvelope.seal(key, to: relay.encryptionPublicKey).sealedKey)]
        add("a sealed key listed for the partner but sealed to another key", sign(wrong, payload: good.payload!, by: home), reader: 2, "invalid", ["SealedKeyDoesNotOpen"])
        return out
    }

    static func sign(_ header: Envelope.Header, payload: [UInt8], by who: NodeIdentity) -> Envelope {
        var h = header
        h.author = who.signingPublicKey
        h.payloadHash = Blake2b.hash(payload)
        h.payloadSize = UInt64(payload.count)
        let unsigned = Envelope(header: h, signature: [], payload: payload)
        return Envelope(header: h, signature: who.sign(unsigned.signingInput), payload: payload)
    }

    static func resigned(_ e: Envelope, payload: [UInt8], by who: NodeIdentity) -> Envelope { sign(e.header, payload: payload, by: who) }

    /// Reading an envelope as `reader`: `valid` with what `read` returns, or `invalid` with the
    /// outcome's name in the vectors.
    static func outcome<T>(_ e: Envelope, _ read: (Envelope) throws -> T) -> (String, String?, T?) {
        guard EnvelopeCrypto.verify(e) == .valid else { return ("invalid", "PayloadMismatch", nil) }
        do {
            return ("valid", nil, try read(e))
        } catch let error as PrivateEnvelope.OpenError {
            return ("invalid", error.name, nil)
        } catch {
            return ("invalid", "\(error)", nil)
        }
    }

    static func outcome(_ e: Envelope, reader: NodeIdentity) -> (String, String?, [UInt8]?) { outcome(e) { try reader.open($0) } }

    /// A vector file's tests, written anew first with `WAYMARK_WRITE_VECTORS=1` (`fields` and the tests).
    static func vectorTests(_ name: String, fields: [String: Any], cases: () throws -> [[String: Any]]) throws -> (doc: [String: Any], tests: [[String: Any]]) {
        let file = ProtocolVectorTests.protocolDirectory.appendingPathComponent("vectors/\(name)")
        if ProcessInfo.processInfo.environment["WAYMARK_WRITE_VECTORS"] == "1" {
            let tests = try cases()
            let doc = fields.merging(["readerKeys": "readerSeed n: signing seed 32 bytes of n, encryption seed 32 bytes of n+1", "numberOfTests": tests.count, "testGroups": [["tests": tests]]]) { a, _ in a }
            try JSONSerialization.data(withJSONObject: doc, options: [.prettyPrinted, .sortedKeys]).write(to: file)
        }
        let doc = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        let tests = try #require((doc["testGroups"] as? [[String: Any]])?.first?["tests"] as? [[String: Any]])
        #expect(tests.count == doc["numberOfTests"] as? Int)
        return (doc, tests)
    }

    @Test func vectors() throws {
        let (_, tests) = try Self.vectorTests(
            "private.json",
            fields: ["algorithm": "Waymark private envelope v1 (XChaCha20-Poly1305 payload, content key in a libsodium sealed box per recipient)"],
            cases: Self.cases)
        for t in tests {
            let id = t["tcId"] as? Int ?? 0
            let e = try Envelope.decode(try #require(bytesFromHex(t["envelope"] as? String ?? "")))
            let reader = Self.identity(UInt8(t["readerSeed"] as? Int ?? 0))
            let (result, flag, opened) = Self.outcome(e, reader: reader)
            #expect(result == t["result"] as? String, "tcId \(id): \(t["comment"] ?? "")")
            if let expected = t["plaintext"] as? String { #expect(opened.map(hexString) == expected, "tcId \(id)") }
            if let flags = t["flags"] as? [String], let f = flags.first { #expect(flag == f, "tcId \(id)") }
        }
        #expect(tests.count >= 8)
    }

    @Test func sealingListsEachRecipientOnceInKeyIDOrderAndRefusesThePublicScope() throws {
        let (e, key) = try PrivateEnvelope.sign(
            kind: .consent, scope: Self.circle, plaintext: [1, 2, 3],
            recipients: [Self.partner.encryptionPublicKey, Self.home.encryptionPublicKey, Self.partner.encryptionPublicKey], by: Self.home,
            sequence: 1, dependencies: [], clock: 1)
        #expect(e.header.recipients.count == 2)
        #expect(e.header.recipients[0].keyID.lexicographicallyPrecedes(e.header.recipients[1].keyID))
        #expect(try Self.partner.contentKey(of: e) == key)
        #expect(try Self.home.open(e) == [1, 2, 3])
        #expect(try Envelope.decode(e.encoded()) == e)
        #expect(throws: CryptoError.self) {
            try PrivateEnvelope.sign(
                kind: .consent, scope: "public", plaintext: [1], recipients: [Self.home.encryptionPublicKey], by: Self.home, sequence: 1,
                dependencies: [], clock: 1)
        }
        #expect(throws: CryptoError.self) {
            try PrivateEnvelope.sign(kind: .consent, scope: Self.circle, plaintext: [1], recipients: [], by: Self.home, sequence: 1, dependencies: [], clock: 1)
        }
    }

    /// The ciphertext never contains the plaintext, and two sealings of one record differ.
    @Test func ciphertextRevealsNothingAndIsFreshEachTime() throws {
        let a = try PrivateEnvelope.sign(
            kind: .referral, scope: Self.circle, plaintext: Self.plaintext, recipients: [Self.partner.encryptionPublicKey], by: Self.home,
            sequence: 1, dependencies: [], clock: 1)
        let b = try PrivateEnvelope.sign(
            kind: .referral, scope: Self.circle, plaintext: Self.plaintext, recipients: [Self.partner.encryptionPublicKey], by: Self.home,
            sequence: 1, dependencies: [], clock: 1)
        let wire = a.envelope.encoded()
        let name = Array("Aoife".utf8)
        #expect(!wire.indices.dropLast(name.count).contains { Array(wire[$0..<($0 + name.count)]) == name })
        #expect(a.envelope.payload != b.envelope.payload)
        #expect(a.contentKey != b.contentKey)
    }
}
