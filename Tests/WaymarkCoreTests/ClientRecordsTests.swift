import Foundation
import Testing
import WaymarkCore

/// Clients in control (`Protocol/SPEC.md` §13): receipt codes, the client's records, and consent
/// changes the client signed counting whoever carried them.
struct ClientRecordsTests {
    static let owner = [UInt8](repeating: 0xA1, count: 32)
    static let visitor = [UInt8](repeating: 0xC3, count: 32)
    static let circle = Circle(owner: owner, random: Array(0..<12))

    @Test func aCodeIsSixteenReadableCharactersAndIsReadBackHowEverItIsTyped() {
        let code = ClientCode.make(random: [0xFF, 0x00, 0x12, 0x34, 0x56, 0x78, 0x9A, 0xBC, 0xDE, 0xF0])
        #expect(code.count == 16 && code.allSatisfy { ReadableCode.alphabet.contains($0) })
        #expect(code.hasPrefix("ZW0"))  // 11111 11100 00000 …, first byte first
        let shown = ClientCode.shown(code)
        #expect(shown.split(separator: "-").map(\.count) == [4, 4, 4, 4])
        #expect(ClientCode.normalized(shown.lowercased().replacingOccurrences(of: "-", with: " ")) == code)
        #expect(ClientCode.normalized("0I1L-OOOO-0000-0000") == "0111000000000000")
        #expect(ClientCode.normalized("ABCD-EFGH") == nil && ClientCode.normalized(shown + "A") == nil && ClientCode.normalized("ABCD-EFGH-JKMN-PQRU") == nil)
        // Different random bytes give different codes (all 80 bits are used).
        var seen = Set<String>()
        for b in 0..<10 {
            var r = [UInt8](repeating: 0, count: 10)
            r[b] = 1
            seen.insert(ClientCode.make(random: r))
        }
        #expect(seen.count == 10)
    }

    static func grant(_ n: UInt8, _ clock: UInt64, after: [[UInt8]] = []) -> ConsentFold.Entry {
        let g = ConsentGrant(organization: "bb", purposes: [.referral], dataClasses: [], start: "2026-11-01", end: "2027-10-31", method: .written, recordedBy: "m")
        return .init(id: [UInt8](repeating: n, count: 32), clock: clock, event: .grant(g, after: after))
    }

    static func revoke(_ n: UInt8, _ clock: UInt64) -> ConsentFold.Entry {
        .init(id: [UInt8](repeating: n, count: 32), clock: clock, event: .revoke(organization: "bb", method: .digital, recordedBy: "client", reason: nil))
    }

    /// A withdrawal the client signed counts though another member carried it; concurrent with a
    /// grant by the home organisation it wins; the same envelope without the client's signature is
    /// nothing, so a member gone bad cannot withdraw (or grant) for the client.
    @Test func aClientSignedWithdrawalCountsFromAnyMemberAndWinsOverAConcurrentGrant() {
        let g1 = Self.grant(1, 10), r = Self.revoke(2, 20), g2 = Self.grant(3, 30)  // g2 did not see r
        let byClient: Set<ByteKey> = [ByteKey(r.id)]
        let signed = ConsentFold(circle: Self.circle, events: [(Self.owner, g1), (Self.visitor, r), (Self.owner, g2)], clientSigned: byClient)
        guard case .revoked = signed.standing(of: "bb") else {
            Issue.record("the client's withdrawal should win")
            return
        }
        let forged = ConsentFold(circle: Self.circle, events: [(Self.owner, g1), (Self.visitor, r), (Self.owner, g2)])
        guard case .granted(_, let id) = forged.standing(of: "bb") else {
            Issue.record("an unsigned withdrawal from another member counts for nothing")
            return
        }
        #expect(id == g2.id)
        // A grant that follows the client's withdrawal (the client's own, carried by another member) is in force.
        let again = Self.grant(4, 40, after: [r.id])
        let f = ConsentFold(
            circle: Self.circle, events: [(Self.owner, g1), (Self.visitor, r), (Self.visitor, again)], clientSigned: [ByteKey(r.id), ByteKey(again.id)])
        guard case .granted(_, let now) = f.standing(of: "bb") else {
            Issue.record("the client's new grant should be in force")
            return
        }
        #expect(now == again.id)
        #expect(CircleRules.counts(.consent, author: Self.visitor, clock: 1, in: Self.circle, consents: ConsentFold(), clientSigned: true))
        #expect(!CircleRules.counts(.referral, author: Self.visitor, clock: 1, in: Self.circle, consents: ConsentFold(), clientSigned: true))
    }

    /// The client's key at a moment is the owner's latest before it; a replaced key stops counting,
    /// and a key anyone else publishes never counts.
    @Test func theClientKeyIsTheOwnersLatestBeforeTheRecord() {
        func entry(_ n: UInt8, _ clock: UInt64) -> ClientKeyHistory.Entry {
            .init(id: [n], clock: clock, record: ClientKeyRecord(signingKey: [UInt8](repeating: n, count: 32), encryptionKey: [UInt8](repeating: n, count: 32)))
        }
        let h = ClientKeyHistory(circle: Self.circle, records: [(Self.owner, entry(2, 200)), (Self.owner, entry(1, 100)), (Self.visitor, entry(9, 150))])
        #expect(h.key(before: 100) == nil)
        #expect(h.key(before: 101)?.signingKey.first == 1 && h.key(before: 160)?.signingKey.first == 1)
        #expect(h.key(before: 201)?.signingKey.first == 2 && h.current?.signingKey.first == 2)
    }

    @Test func recordsRoundTripAndAreCheckedOnAdmission() throws {
        let key = ClientKeyRecord(signingKey: [UInt8](repeating: 1, count: 32), encryptionKey: [UInt8](repeating: 2, count: 32))
        #expect(try ClientKeyRecord.decode(key.encoded()) == key)
        let copy = ClientCopy(keys: [.init(envelope: [UInt8](repeating: 3, count: 32), key: [UInt8](repeating: 4, count: 32))])
        #expect(try ClientCopy.decode(copy.encoded()) == copy)
        #expect(throws: JourneyPayload.Problem.self) { try ClientKeyRecord.decode(Array(#"{"signing_key":"00"}"#.utf8)) }
        let payload = JourneyPayload.consent(.revoke(organization: "bb", method: .digital, recordedBy: "client", reason: nil)).encoded()
        let signed = try ClientSignature.attach([UInt8](repeating: 7, count: 64), to: payload)
        let split = ClientSignature.split(signed)
        #expect(split?.unsigned == payload && split?.signature == [UInt8](repeating: 7, count: 64))
        #expect(ClientSignature.split(payload) == nil)
        // The signed payload still reads as the consent it carries.
        guard case .consent(.revoke(let org, _, _, _)) = try JourneyPayload.decode(signed, kind: .consent) else {
            Issue.record("a signed consent reads as a consent")
            return
        }
        #expect(org == "bb")
        #expect(AdmissionRules.maximumPayload(.clientKey) == 4 << 10 && Envelope.Kind.clientCopy.isPrivate && !Envelope.Kind.clientKey.isPrivate)
    }

    /// A member gone bad replays the client's old withdrawal in a new envelope after the client
    /// shared again: the replay carries the same signature, so the new grant, which followed the
    /// original, follows the copy too (§13.3).
    @Test func aReplayedWithdrawalDoesNotUndoALaterGrant() {
        let g1 = Self.grant(1, 10), r = Self.revoke(2, 20)
        let again = Self.grant(3, 30, after: [r.id])
        let replay = ConsentFold.Entry(id: [UInt8](repeating: 9, count: 32), clock: 40, event: r.event, group: [7, 7])
        let original = ConsentFold.Entry(id: r.id, clock: r.clock, event: r.event, group: [7, 7])
        let signed: Set<ByteKey> = [ByteKey(original.id), ByteKey(replay.id), ByteKey(again.id)]
        let f = ConsentFold(circle: Self.circle, events: [(Self.owner, g1), (Self.visitor, original), (Self.visitor, again), (Self.visitor, replay)], clientSigned: signed)
        guard case .granted(_, let id) = f.standing(of: "bb") else {
            Issue.record("a replayed withdrawal must not undo the grant that followed it")
            return
        }
        #expect(id == again.id)
        // A genuinely new withdrawal (another signature) still wins.
        let fresh = ConsentFold.Entry(id: [UInt8](repeating: 8, count: 32), clock: 50, event: r.event, group: [6, 6])
        let g = ConsentFold(
            circle: Self.circle, events: [(Self.owner, g1), (Self.visitor, original), (Self.visitor, again), (Self.visitor, fresh)],
            clientSigned: signed.union([ByteKey(fresh.id)]))
        guard case .revoked = g.standing(of: "bb") else {
            Issue.record("a new withdrawal wins")
            return
        }
    }

    /// The client's own reading and check-in: counted when the client signed them (or the home
    /// organisation wrote them down from paper), one copy of each, and never from another member alone.
    @Test func theClientsVoiceCountsOnlyWhenItIsTheirs() throws {
        let circle = Self.circle.scope
        let owner = hexString(Self.owner), visitor = hexString(Self.visitor)
        let reading = JourneyPayload.clientVoice(.reading(goalID: "g", area: "Confidence", stage: 7, date: "2026-11-22"))
        #expect(try JourneyPayload.decode(reading.encoded(), kind: .clientVoice) == reading)
        let checkin = JourneyPayload.clientVoice(.checkin(referralID: "r1", score: 8, comment: "kind", date: "2026-11-23", onPaper: true))
        #expect(try JourneyPayload.decode(checkin.encoded(), kind: .clientVoice) == checkin)
        #expect(throws: JourneyPayload.Problem.self) {
            try JourneyPayload.decode(Array(#"{"date":"2026-11-23","referral_id":"r","score":11,"type":"checkin"}"#.utf8), kind: .clientVoice)
        }
        func rec(_ n: UInt8, _ clock: UInt64, _ author: String, _ p: JourneyPayload, signed: Bool, sig: [UInt8]? = nil) -> OpenedRecord {
            OpenedRecord(
                id: [UInt8](repeating: n, count: 32), clock: clock, author: author, scope: circle, kind: p.kind, recipientKeyIDs: [], payload: p,
                clientSigned: signed, clientSignature: sig)
        }
        let stranger = JourneyPayload.clientVoice(.reading(goalID: "g", area: "Confidence", stage: 1, date: "2026-11-24"))
        let view = JourneyFold.fold(
            circle: circle,
            opened: [
                rec(1, 10, visitor, reading, signed: true, sig: [1]), rec(2, 11, visitor, stranger, signed: false),
                rec(3, 12, owner, checkin, signed: false), rec(4, 13, visitor, reading, signed: true, sig: [1]),
            ], names: [:], today: "2026-11-25", responseDays: 5, instruments: [], isAncestor: { _, _ in false })
        #expect(view.clientReadings["g"]?["Confidence"]?.stage == 7)
        #expect(view.checkins["r1"]?.score == 8 && view.checkins["r1"]?.onPaper == true)
        #expect(view.timeline.filter { $0.event == "client-reading" }.count == 1)
    }

    /// Messages on a referral (§8.9) count from its two sides only: the owner, and the recipient
    /// while it holds a consent; a member that is no side of it, or writes without a consent, is
    /// not shown, and a message names its referral.
    @Test func referralMessagesCountOnlyFromTheTwoSides() throws {
        let circle = Self.circle.scope
        let owner = hexString(Self.owner), partner = hexString(Self.visitor), other = String(repeating: "dd", count: 32)
        func rec(_ n: UInt8, _ clock: UInt64, _ author: String, _ p: JourneyPayload) -> OpenedRecord {
            OpenedRecord(
                id: [UInt8](repeating: n, count: 32), clock: clock, author: author, scope: circle, kind: p.kind, recipientKeyIDs: [], payload: p,
                clientSigned: false, clientSignature: nil)
        }
        func grant(_ org: String) -> JourneyPayload {
            .consent(.grant(ConsentGrant(organization: org, purposes: [.referral], dataClasses: [], start: "2026-11-01", end: "2027-10-31", method: .written, recordedBy: "m"), after: []))
        }
        let message = JourneyPayload.referralMessage(referralID: "r1", text: "Can she come on Tuesday?")
        #expect(try JourneyPayload.decode(message.encoded(), kind: .referralMessage) == message)
        #expect(throws: JourneyPayload.Problem.self) { try JourneyPayload.decode(Array(#"{"referral_id":"r1","text":""}"#.utf8), kind: .referralMessage) }
        let view = JourneyFold.fold(
            circle: circle,
            opened: [
                rec(1, 10, owner, grant(partner)), rec(2, 11, owner, grant(other)),
                rec(3, 12, owner, .referral(ReferralRecord(id: "r1", to: partner, clientName: "Róisín", note: "x"))),
                rec(4, 13, partner, message), rec(5, 14, owner, .referralMessage(referralID: "r1", text: "Yes")),
                rec(6, 15, other, .referralMessage(referralID: "r1", text: "not a side")),
                rec(7, 16, owner, .referralMessage(referralID: "r2", text: "another referral")),
                rec(8, 5, partner, .referralMessage(referralID: "r1", text: "before any consent")),
            ], names: [owner: "Home"], today: "2026-11-25", responseDays: 5, instruments: [], isAncestor: { _, _ in false })
        let shown = try #require(view.referrals.first).messages
        #expect(shown.map(\.text) == ["Can she come on Tuesday?", "Yes"])
        #expect(shown.last?.authorName == "Home")
        #expect(view.timeline.filter { $0.event == "referral-message" }.count == 2)
    }

    /// A proxy's key counts beside the client's own until the owner ends it; replacing the
    /// client's code leaves the proxy's key alone (§13.7).
    @Test func aProxysKeyCountsUntilItIsEnded() throws {
        func entry(_ n: UInt8, _ clock: UInt64, slot: String, ended: Bool = false) -> ClientKeyHistory.Entry {
            .init(
                id: [n], clock: clock,
                record: ClientKeyRecord(signingKey: [UInt8](repeating: n, count: 32), encryptionKey: [UInt8](repeating: n, count: 32), slot: slot, ended: ended))
        }
        let client = entry(1, 100, slot: "client"), proxy = entry(2, 200, slot: "proxy-aa"), newClient = entry(3, 300, slot: "client")
        let ended = entry(2, 400, slot: "proxy-aa", ended: true)
        let h = ClientKeyHistory(circle: Self.circle, records: [client, proxy, newClient, ended].map { (Self.owner, $0) })
        #expect(h.keys(before: 250).map { $0.signingKey[0] } == [1, 2])
        #expect(h.keys(before: 350).map { $0.signingKey[0] } == [3, 2])
        #expect(h.keys(before: 450).map { $0.signingKey[0] } == [3] && h.currentKeys.map(\.slot) == ["client"])
        #expect(h.key(before: 350)?.signingKey[0] == 3 && h.current?.signingKey[0] == 3)
        let record = ended.record
        #expect(try ClientKeyRecord.decode(record.encoded()) == record)
        #expect(throws: JourneyPayload.Problem.self) {
            try ClientKeyRecord.decode(Array(#"{"encryption_key":"\#(String(repeating: "00", count: 32))","signing_key":"\#(String(repeating: "00", count: 32))","slot":"boss"}"#.utf8))
        }
        let copy = ClientCopy(keys: [], proxy: ProxyDetails(slot: "proxy-aa", name: "Máire", relationship: "parent", authority: "form"))
        #expect(try ClientCopy.decode(copy.encoded()) == copy)
    }
}
