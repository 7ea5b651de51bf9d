import Foundation
import Testing
import WaymarkCore
import WaymarkCrypto

/// Sealed records (`Protocol/SPEC.md` §8.10): the vectors in `Protocol/vectors/sealed.json` (with
/// `WAYMARK_WRITE_VECTORS=1` they are written anew first; sealing is randomised, so the bytes change
/// but the outcomes must not), and what a node that is not a recipient can and cannot tell.
struct SealedEnvelopeTests {
    static func identity(_ byte: UInt8) -> NodeIdentity { ProtocolVectorTests.identity(byte) }
    static let home = identity(1), partner = identity(2), relay = identity(3), mallory = identity(4)
    static let circle = "circle:" + hexString(Array(home.signingPublicKey.prefix(16))) + ":0102030405060708090a0b0c"
    static let tagSecret = [UInt8](repeating: 0x5A, count: 16)
    static let tagKey = SealedEnvelope.tagKey(secret: tagSecret, circle: circle)
    static let plaintext = JourneyPayload.referral(
        ReferralRecord(id: "r1", to: hexString(partner.signingPublicKey), serviceName: "Jobs club", clientName: "Aoife Byrne", needs: ["employment"])
    ).encoded()
    static let clock: UInt64 = 1_795_429_800_000 << 16
    /// The author's third sealed record in the circle.
    static let index: UInt32 = 2

    static func frame(_ kind: Envelope.Kind = .referral, _ body: [UInt8] = plaintext) -> SealedFrame {
        SealedFrame(kind: kind, circle: circle, tagKey: tagKey, index: index, recipientKeyIDs: [], body: body)
    }

    static func seal(_ f: SealedFrame = frame(), to recipients: [NodeIdentity] = [home, partner], by who: NodeIdentity = home) throws -> Envelope {
        try SealedEnvelope.sign(frame: f, recipients: recipients.map(\.encryptionPublicKey), by: who, sequence: 1, dependencies: [], clock: clock).envelope
    }

    /// The admission outcome of §3.1 rule 4 for the envelope alone: `accepted`, or the reason.
    static func admission(_ e: Envelope) -> String {
        if case .failure(let p) = AdmissionRules.read(e).problem { return p.reason.rawValue }
        return e.payload == nil ? "stripped-copy" : "accepted"
    }

    static func cases() throws -> [[String: Any]] {
        let good = try seal()
        var out: [[String: Any]] = []
        func add(_ comment: String, _ e: Envelope, reader: UInt8, _ result: String, _ flags: [String], frame: SealedFrame? = nil) {
            var c: [String: Any] = [
                "tcId": out.count + 1, "comment": comment, "envelope": hexString(e.encoded()), "readerSeed": Int(reader), "result": result, "flags": flags,
                "admission": admission(e), "tagSecret": hexString(tagSecret), "tagKey": hexString(tagKey),
            ]
            if let frame {
                c["frame"] = [
                    "kind": Int(frame.kind.rawValue), "circle": frame.circle, "tagKey": hexString(frame.tagKey), "index": Int(frame.index),
                    "recipientKeyIDs": [home.encryptionKeyID, partner.encryptionKeyID].sorted { $0.lexicographicallyPrecedes($1) }.map(hexString),
                    "body": hexString(frame.body),
                ]
            }
            out.append(c)
        }
        add("a referral sealed to the home organisation and the partner, opened by the partner", good, reader: 2, "valid", [], frame: frame())
        add("the same envelope opened by its author (among its recipients)", good, reader: 1, "valid", [], frame: frame())
        add("a relay that is not a recipient verifies it, admits it, and cannot open it", good, reader: 3, "invalid", ["NotARecipient"])
        var erased = good
        erased.payload = nil
        add("the payload erased: taken in only where an erasure's tag key explains the tag", erased, reader: 2, "invalid", ["Erased"])
        var flipped = good
        flipped.payload![30] ^= 0x01
        add("one ciphertext bit flipped after signing", flipped, reader: 2, "invalid", ["PayloadMismatch"])
        add(
            "a ciphertext copied into another author's envelope", PrivateEnvelopeTests.resigned(good, payload: good.payload!, by: mallory), reader: 2,
            "invalid", ["CiphertextDoesNotOpen"])
        // A frame whose padding is not zero bytes, sealed properly: it opens and is refused as unreadable.
        var bytes = try frame().encoded()
        bytes[bytes.count - 1] = 1
        let key = [UInt8](repeating: 0x42, count: 32)
        var h = good.header
        h.recipients = try [partner, relay].map {
            Envelope.Recipient(keyID: SealedFrame.anonymousKeyID, sealedKey: try PrivateEnvelope.seal(key, to: $0.encryptionPublicKey).sealedKey)
        }.sorted { $0.sealedKey.lexicographicallyPrecedes($1.sealedKey) }
        let tag = try #require(good.header.erasureTag)
        add(
            "a frame with bytes after the body that are not zero", PrivateEnvelopeTests.sign(h, payload: try SealedEnvelope.box(bytes, contentKey: key, author: home.signingPublicKey, tag: tag), by: home),
            reader: 2, "invalid", ["FrameUnreadable"])
        // A frame whose tag key does not explain the header's erasure tag: an erasure would miss it.
        var elsewhereFrame = frame()
        elsewhereFrame.tagKey = [UInt8](repeating: 0x11, count: 16)
        let misTagged = try SecretBox.seal(try elsewhereFrame.encoded(), key: key, associatedData: SealedEnvelope.domain + home.signingPublicKey + tag)
        add("a frame whose tag key does not explain the header's erasure tag", PrivateEnvelopeTests.sign(h, payload: misTagged, by: home), reader: 2, "invalid", ["FrameUnreadable"])
        // A frame whose index does not give the header's erasure tag (the tag key does, with index 2).
        var reindexed = frame()
        reindexed.index = 3
        let misIndexed = try SecretBox.seal(try reindexed.encoded(), key: key, associatedData: SealedEnvelope.domain + home.signingPublicKey + tag)
        add("a frame whose index does not give the header's erasure tag", PrivateEnvelopeTests.sign(h, payload: misIndexed, by: home), reader: 2, "invalid", ["FrameUnreadable"])
        // Header checks (§8.10, rule 4e), each on a copy re-signed by its author.
        var named = good.header
        named.recipients = named.recipients.map { Envelope.Recipient(keyID: partner.encryptionKeyID, sealedKey: $0.sealedKey) }
        add("sealed keys listed with key ids", PrivateEnvelopeTests.sign(named, payload: good.payload!, by: home), reader: 3, "invalid", ["NotARecipient"])
        var three = good.header
        three.recipients = Array(three.recipients) + [three.recipients[0]]
        three.recipients = Array(three.recipients.prefix(3))
        add("three sealed keys (not a padded count)", PrivateEnvelopeTests.sign(three, payload: good.payload!, by: home), reader: 3, "invalid", ["NotARecipient"])
        var untagged = good.header
        untagged.extensions = []
        add("no erasure tag", PrivateEnvelopeTests.sign(untagged, payload: good.payload!, by: home), reader: 3, "invalid", ["NotARecipient"])
        var scoped = good.header
        scoped.scope = circle
        add("scoped to the circle instead of `sealed`", PrivateEnvelopeTests.sign(scoped, payload: good.payload!, by: home), reader: 3, "invalid", ["NotARecipient"])
        let unpadded = try SecretBox.seal(Array(repeating: 0, count: 1000), key: key, associatedData: [])
        add("a payload of a size that is not padded", PrivateEnvelopeTests.sign(good.header, payload: unpadded, by: home), reader: 3, "invalid", ["NotARecipient"])
        return out
    }

    @Test func vectors() throws {
        let (doc, tests) = try PrivateEnvelopeTests.vectorTests(
            "sealed.json",
            fields: [
                "algorithm": "Waymark sealed record (kind 40): a padded frame in XChaCha20-Poly1305, content key in libsodium sealed boxes without key ids",
                "notes": "admission: what §3.1 rules 4b, 4c and 4e say of the envelope alone, apart from §1.3's hash check, which `result` reports (stripped-copy: without its payload, taken in only where an erasure's tag key explains its tag). tagKey = BLAKE2b-128(key tagSecret, 'waymark/circle-tag/v1' 0x00 circle) for the frame's circle, and explains the erasure tag of every test signed by readerSeed 1's key, with index 2 (the frame's): tag = BLAKE2b-128(key tagKey, author ‖ index u32 big-endian). derivedTagSecret: the tag secret readerSeed 1 derives for that circle (SPEC §8.10).",
                "circle": Self.circle, "derivedTagSecret": hexString(SealedEnvelope.ownTagSecret(circle: Self.circle, identity: Self.home)),
            ],
            cases: Self.cases)
        #expect(doc["derivedTagSecret"] as? String == hexString(SealedEnvelope.ownTagSecret(circle: Self.circle, identity: Self.home)))
        for t in tests {
            let id = t["tcId"] as? Int ?? 0
            let e = try Envelope.decode(try #require(bytesFromHex(t["envelope"] as? String ?? "")))
            let reader = Self.identity(UInt8(t["readerSeed"] as? Int ?? 0))
            let (result, flag, opened) = PrivateEnvelopeTests.outcome(e) { try reader.openSealed($0) }
            #expect(result == t["result"] as? String, "tcId \(id): \(t["comment"] ?? "")")
            if let flags = t["flags"] as? [String], let f = flags.first { #expect(flag == f, "tcId \(id)") }
            #expect(Self.admission(e) == t["admission"] as? String, "tcId \(id): admission")
            if let f = t["frame"] as? [String: Any], let opened {
                #expect(Int(opened.kind.rawValue) == f["kind"] as? Int && opened.circle == f["circle"] as? String, "tcId \(id)")
                #expect(hexString(opened.tagKey) == f["tagKey"] as? String && hexString(opened.body) == f["body"] as? String, "tcId \(id)")
                #expect(Int(opened.index) == f["index"] as? Int, "tcId \(id): the index")
                #expect(opened.recipientKeyIDs.map(hexString) == f["recipientKeyIDs"] as? [String], "tcId \(id)")
            }
            if let k = (t["tagKey"] as? String).flatMap(bytesFromHex), e.header.erasureTag != nil, e.header.author == Self.home.signingPublicKey {
                #expect(
                    SealedEnvelope.tag(key: k, author: e.header.author, index: Self.index) == e.header.erasureTag,
                    "tcId \(id): the tag key explains the tag with index 2")
                let secret = try #require((t["tagSecret"] as? String).flatMap(bytesFromHex))
                #expect(SealedEnvelope.tagKey(secret: secret, circle: Self.circle) == k, "tcId \(id): the tag key comes from the secret and the circle")
            }
        }
        #expect(tests.count >= 14)
    }

    /// What a node that is not a recipient sees: the same kind, scope, key ids, a padded count and
    /// one of four sizes, whatever the record is, whom it is about and who may read it.
    @Test func aConsentAndAReferralLookAlikeToARelay() throws {
        let consent = JourneyPayload.consent(
            .grant(
                ConsentGrant(organization: hexString(Self.partner.signingPublicKey), purposes: [.referral], dataClasses: ["needs"], start: "2026-11-22",
                    end: "2027-11-21", method: .written, recordedBy: "C"), after: [])
        ).encoded()
        let a = try Self.seal(Self.frame(.consent, consent))
        let b = try Self.seal(Self.frame(.referral, Self.plaintext), to: [Self.home, Self.partner])
        let c = try Self.seal(
            SealedFrame(kind: .progress, circle: "circle:" + String(repeating: "ab", count: 16) + ":" + String(repeating: "cd", count: 12), tagKey: [UInt8](repeating: 7, count: 16), recipientKeyIDs: [], body: [1]),
            to: [Self.mallory])
        for e in [a, b, c] {
            #expect(e.header.kind == .sealed && e.header.scope == "sealed" && e.header.payloadSize == 1_064 && e.header.recipients.count == 2)
            #expect(e.header.recipients.allSatisfy { $0.keyID == SealedFrame.anonymousKeyID })
            #expect(Self.admission(e) == "accepted")
            #expect(!Self.relay.isRecipient(of: e))
        }
        // Three recipients pad to four; a record of 2 KB to the 4 KiB size.
        let d = try Self.seal(Self.frame(.referral, Array(repeating: 0x20, count: 2_000)), to: [Self.home, Self.partner, Self.relay])
        #expect(d.header.recipients.count == 4 && d.header.payloadSize == 4_136)
        #expect(try Self.relay.openSealed(d).recipientKeyIDs.count == 3)
        #expect(throws: PrivateEnvelope.OpenError.notARecipient) { try Self.mallory.openSealed(d) }
        // The erasure tag is the tag key's alone: another key does not explain it.
        // and only with the record's index.
        #expect(SealedEnvelope.tag(key: Self.tagKey, author: Self.home.signingPublicKey, index: Self.index) == a.header.erasureTag)
        #expect(SealedEnvelope.tag(key: [UInt8](repeating: 1, count: 16), author: Self.home.signingPublicKey, index: Self.index) != a.header.erasureTag)
        #expect(SealedEnvelope.tag(key: Self.tagKey, author: Self.home.signingPublicKey, index: Self.index + 1) != a.header.erasureTag)
        // Too big to seal.
        #expect(throws: (any Error).self) { try Self.seal(Self.frame(.referral, Array(repeating: 0x20, count: 65_500))) }
    }

    /// A client's key opens the tag key sealed to it (kind 27), and nothing else does.
    @Test func aClientKeyOpensItsCirclesTagKey() throws {
        let client = try ClientKey.derive(code: ClientCode.make(random: [UInt8](repeating: 1, count: ClientCode.randomBytes)), dateOfBirth: "1990-01-01")
        let box = try SealedEnvelope.sealTagKey(Self.tagKey, to: client.encryptionPublicKey)
        #expect(box.count == ClientKeyRecord.tagKeyBoxLength && client.openTagKey(box) == Self.tagKey && Self.relay.openTagKey(box) == nil)
        var record = ClientKey.record(of: client)
        record.tagKeyBox = box
        #expect(try ClientKeyRecord.decode(record.encoded()) == record)
    }
}
