import Testing
import WaymarkCore

/// Membership in the pure core: vouch and removal payloads, the roster fold, the not-member rule of
/// admission, and claims to directory rows that count from a member's admission.
struct MembershipTests {
    let founder = [UInt8](repeating: 1, count: 32)
    let bob = [UInt8](repeating: 2, count: 32)
    let carol = [UInt8](repeating: 3, count: 32)
    let stranger = [UInt8](repeating: 9, count: 32)

    @Test func vouchesAndRemovalsRoundTripAndRefuseBadPayloads() throws {
        let v = Membership.Vouch(member: bob, organizationName: "Ballymun Youth", roles: ["hub", "champion"])
        #expect(v.roles == ["champion", "hub"])
        #expect(try Membership.Vouch.decode(v.encoded()) == v)
        let r = Membership.Removal(member: bob, reason: "left the federation")
        #expect(try Membership.Removal.decode(r.encoded()) == r)
        let key = String(repeating: "ab", count: 32)
        for bad in [
            #"{"member":"\#(key)","organization_name":"","roles":[]}"#,
            #"{"member":"\#(key.uppercased())","organization_name":"x","roles":[]}"#,
            #"{"member":"0202","organization_name":"x","roles":[]}"#,
            #"{"member":"\#(key)","organization_name":"x","roles":["admin"]}"#,
            #"{"member":"\#(key)","organization_name":"x","roles":["hub","champion"]}"#,
            #"{"member":"\#(key)","organization_name":"x","roles":[],"extra":1}"#,
            #"{"member":"\#(key)","organization_name":"x"}"#,
        ] {
            #expect(throws: (any Error).self, "\(bad)") { try Membership.Vouch.decode(Array(bad.utf8)) }
        }
        #expect(throws: (any Error).self) { try Membership.Removal.decode(Array(#"{"member":"\#(key)","reason":""}"#.utf8)) }
    }

    @Test func theRosterIsTheSameWhateverOrderItsRecordsCameIn() {
        let events: [(Int, UInt64)] = [(0, 100), (1, 200), (2, 300), (3, 250), (4, 400)]
        func roster(_ order: [Int]) -> Membership.Roster {
            var r = Membership.Roster(founders: [founder])
            for i in order {
                let (kind, clock) = events[i]
                switch kind {
                case 0: r.apply(vouch: .init(member: bob, organizationName: "Bob's"), voucher: founder, clock: clock, envelopeID: [0])
                case 1: r.apply(vouch: .init(member: carol, organizationName: "Carol's", roles: ["hub"]), voucher: bob, clock: clock, envelopeID: [1])
                case 2: r.apply(vouch: .init(member: bob, organizationName: "Bob again"), voucher: carol, clock: clock, envelopeID: [2])
                case 3: r.apply(removal: .init(member: carol, reason: "r"), remover: founder, clock: clock, envelopeID: [3])
                default: r.apply(removal: .init(member: carol, reason: "again"), remover: founder, clock: clock, envelopeID: [4])
                }
            }
            return r
        }
        let first = roster([0, 1, 2, 3, 4])
        for order in [[4, 3, 2, 1, 0], [2, 0, 4, 1, 3], [1, 3, 0, 4, 2]] { #expect(roster(order) == first) }
        // Applying twice changes nothing.
        #expect(roster([0, 1, 2, 3, 4, 0, 1, 2, 3, 4]) == first)
        #expect(first.admittedAt(bob) == 100)
        #expect(first.members[ByteKey(bob)]?.organizationName == "Bob's")
        #expect(first.removedAt[ByteKey(carol)] == 250)
    }

    @Test func standingFollowsVouchesAndRemovals() {
        var r = Membership.Roster(founders: [founder])
        #expect(r.standing(of: founder, clock: 5) == .member)
        #expect(r.standing(of: bob, clock: 5) == .notMember)
        r.apply(vouch: .init(member: bob, organizationName: "Bob's"), voucher: founder, clock: 1_000, envelopeID: [1])
        // A member's envelopes from before its vouch count too: an organisation publishes before it joins.
        #expect(r.standing(of: bob, clock: 5) == .member)
        r.apply(vouch: .init(member: carol, organizationName: "Carol's"), voucher: bob, clock: 1_500, envelopeID: [2])
        r.apply(removal: .init(member: bob, reason: "left"), remover: founder, clock: 2_000, envelopeID: [3])
        #expect(r.standing(of: bob, clock: 1_999) == .member)
        #expect(r.standing(of: bob, clock: 2_001) == .removed)
        #expect(!r.isCurrentMember(bob) && r.isCurrentMember(founder) && !r.isCurrentMember(stranger))
        // Founders and the member itself may remove it; not the member that vouched for it, nor anyone else.
        #expect(r.mayRemove(bob, by: founder) && r.mayRemove(bob, by: bob) && !r.mayRemove(founder, by: bob))
        #expect(!r.mayRemove(carol, by: bob) && !r.mayRemove(carol, by: stranger))
        // A removed key's later vouches change nothing.
        r.apply(vouch: .init(member: stranger, organizationName: "Late"), voucher: bob, clock: 2_500, envelopeID: [4])
        #expect(r.standing(of: stranger, clock: 3_000) == .notMember)
    }

    /// Roles count only by a founder's vouch (§12.5): a member cannot make itself or a friend the hub.
    @Test func rolesCountOnlyWhenAFounderGaveThem() {
        let dave = [UInt8](repeating: 4, count: 32)
        var r = Membership.Roster(founders: [founder])
        r.apply(vouch: .init(member: bob, organizationName: "District Hub", roles: ["hub"]), voucher: founder, clock: 1_000, envelopeID: [1])
        r.apply(vouch: .init(member: carol, organizationName: "Member's Friend", roles: ["helper", "hub"]), voucher: bob, clock: 1_100, envelopeID: [2])
        #expect(r.holders(of: "hub") == [bob] && r.holders(of: "helper").isEmpty, "carol's roles came from bob, not a founder")
        r.apply(vouch: .init(member: dave, organizationName: "District Helper", roles: ["helper"]), voucher: founder, clock: 1_200, envelopeID: [3])
        #expect(r.holders(of: "helper") == [dave])
        r.apply(removal: .init(member: bob, reason: "left"), remover: founder, clock: 2_000, envelopeID: [4])
        #expect(r.holders(of: "hub").isEmpty, "a removed member holds no role")
    }

    /// A member gone bad signs whatever clock it likes; replaying in clock order keeps it from reaching back.
    @Test func aMemberCannotReachBackInTime() {
        var r = Membership.Roster(founders: [founder])
        r.apply(vouch: .init(member: bob, organizationName: "Bob's"), voucher: founder, clock: 1_000, envelopeID: [1])
        // A vouch dated before Bob was admitted counts for nothing; the same vouch dated after does.
        r.apply(vouch: .init(member: carol, organizationName: "Carol's"), voucher: bob, clock: 10, envelopeID: [2])
        #expect(r.standing(of: carol, clock: 5_000) == .notMember)
        r.apply(vouch: .init(member: carol, organizationName: "Carol's"), voucher: bob, clock: 1_500, envelopeID: [3])
        #expect(r.admittedAt(carol) == 1_500)
        // Later vouches (for the founder, for an existing member, for oneself) rename no one.
        r.apply(vouch: .init(member: founder, organizationName: "Bob's too"), voucher: bob, clock: 1_600, envelopeID: [4])
        r.apply(vouch: .init(member: carol, organizationName: "Renamed"), voucher: bob, clock: 1_700, envelopeID: [5])
        r.apply(vouch: .init(member: bob, organizationName: "Self"), voucher: bob, clock: 1_800, envelopeID: [6])
        #expect(r.members[ByteKey(founder)]?.organizationName == "" && r.members[ByteKey(carol)]?.organizationName == "Carol's")
        #expect(r.members[ByteKey(bob)]?.organizationName == "Bob's")
        // A removal only a founder or the key itself may sign: Bob removing the founder changes nothing.
        r.apply(removal: .init(member: founder, reason: "no"), remover: bob, clock: 2_000, envelopeID: [7])
        #expect(r.isCurrentMember(founder))
    }

    @Test func foundersRemovingEachOtherEndTheSameWayWhateverTheOrder() {
        let other = [UInt8](repeating: 4, count: 32)
        func roster(_ firstOneFirst: Bool) -> Membership.Roster {
            var r = Membership.Roster(founders: [founder, other])
            let a = { r.apply(removal: .init(member: other, reason: "x"), remover: founder, clock: 100, envelopeID: [1]) }
            let b = { r.apply(removal: .init(member: founder, reason: "y"), remover: other, clock: 101, envelopeID: [2]) }
            if firstOneFirst { a(); b() } else { b(); a() }
            return r
        }
        #expect(roster(true) == roster(false))
        // The later removal was signed by a key already removed: it counts for nothing.
        #expect(roster(true).isCurrentMember(founder) && !roster(true).isCurrentMember(other))
    }

    /// What a lookup with a roster answers.
    struct RosterLookup: EnvelopeLookup {
        var roster: Membership.Roster
        var held: [ByteKey: StoredEnvelope] = [:]
        func stored(_ id: [UInt8]) -> StoredEnvelope? { held[ByteKey(id)] }
        func storedIDs(author: [UInt8], sequence: UInt64) -> [[UInt8]] { [] }
        func standing(of author: [UInt8], clock: UInt64) -> Membership.Standing { roster.standing(of: author, clock: clock) }
        func mayRemove(_ member: [UInt8], by author: [UInt8]) -> Bool { roster.mayRemove(member, by: author) }
    }

    func envelope(_ kind: Envelope.Kind, by author: [UInt8], clock: UInt64, payload: [UInt8]) -> Envelope {
        let header = Envelope.Header(
            kind: kind, scope: "public", author: author, sequence: 1, dependencies: [], clock: clock, payloadHash: [UInt8](repeating: 0, count: 32),
            payloadSize: UInt64(payload.count))
        return Envelope(header: header, signature: [UInt8](repeating: 0, count: 64), payload: payload)
    }

    @Test func strangersAreRefusedBeforeAnythingElseAndRemovalsNeedAuthority() {
        var lookup = RosterLookup(roster: Membership.Roster(founders: [founder]))
        let row = DirectoryPayload(table: "service", id: "s", fields: JSONObject([("id", .string("s")), ("name", .string("x"))])).encoded()
        // Far in the future and with missing dependencies: still refused as a stranger first, never held back.
        var e = envelope(.directoryRecord, by: stranger, clock: UInt64.max, payload: row)
        e.header.dependencies = [[UInt8](repeating: 7, count: 32)]
        guard case .reject(.notMember, _) = AdmissionRules.judge(e, id: [1], lookup: lookup) else {
            Issue.record("a stranger's envelope was not refused as not-member")
            return
        }
        #expect(AdmissionRules.judge(envelope(.directoryRecord, by: founder, clock: 10, payload: row), id: [2], lookup: lookup) == .accept)
        lookup.roster.apply(vouch: .init(member: bob, organizationName: "Bob's"), voucher: founder, clock: 5, envelopeID: [3])
        lookup.roster.apply(vouch: .init(member: carol, organizationName: "Carol's"), voucher: founder, clock: 6, envelopeID: [4])
        let removeCarol = Membership.Removal(member: carol, reason: "r").encoded()
        guard case .reject(.notOwner, _) = AdmissionRules.judge(
            envelope(.memberRemoval, by: bob, clock: 20, payload: removeCarol), id: [5], lookup: lookup)
        else {
            Issue.record("a member removed another it did not vouch for")
            return
        }
        #expect(AdmissionRules.judge(envelope(.memberRemoval, by: founder, clock: 20, payload: removeCarol), id: [6], lookup: lookup) == .accept)
        lookup.roster.apply(removal: .init(member: carol, reason: "r"), remover: founder, clock: 20, envelopeID: [8])
        // A removed member's later envelope is stored (the store and the fold leave it without effect),
        // so that nodes that took it in before the removal and nodes that did not end up alike.
        #expect(AdmissionRules.judge(envelope(.directoryRecord, by: carol, clock: 21, payload: row), id: [7], lookup: lookup) == .accept)
    }

    @Test func publicPayloadsMustBeCanonical() {
        let lookup = RosterLookup(roster: Membership.Roster(founders: [founder]))
        for text in [
            #"{"table":"service","id":"s","fields":{"id":"s"}}"#,  // members out of order
            #"{"fields": {"id":"s"},"id":"s","table":"service"}"#,  // white space
        ] {
            guard case .reject(.badPayload, _) = AdmissionRules.judge(
                envelope(.directoryRecord, by: founder, clock: 10, payload: Array(text.utf8)), id: [1], lookup: lookup)
            else {
                Issue.record("a payload that is not canonical JSON was taken in: \(text)")
                continue
            }
        }
        let canonical = #"{"fields":{"id":"s"},"id":"s","table":"service"}"#
        #expect(AdmissionRules.judge(
            envelope(.directoryRecord, by: founder, clock: 10, payload: Array(canonical.utf8)), id: [1], lookup: lookup) == .accept)
    }

    @Test func aBackdatedClaimCountsFromItsAuthorsAdmission() {
        let row = DirectoryPayload(table: "service", id: "s", fields: JSONObject([("id", .string("s")), ("name", .string("real"))]))
        let forged = DirectoryPayload(table: "service", id: "s", fields: JSONObject([("id", .string("s")), ("name", .string("forged"))]))
        let real = DirectoryFold.Entry(envelopeID: [1], author: bob, clock: 5_000, payload: row, admittedAt: 1_000)
        let backdated = DirectoryFold.Entry(envelopeID: [2], author: carol, clock: 10, payload: forged, admittedAt: 9_000)
        for order in [[real, backdated], [backdated, real]] {
            var fold = DirectoryFold()
            for e in order { fold.apply(e) }
            #expect(fold.owner(table: "service", id: "s") == bob)
            #expect(fold.records.first?.fields["name"]?.stringValue == "real")
        }
        // Without admission times the earliest clock would have won: the rule is what protects the row.
        var plain = DirectoryFold()
        plain.apply(DirectoryFold.Entry(envelopeID: [1], author: bob, clock: 5_000, payload: row))
        plain.apply(DirectoryFold.Entry(envelopeID: [2], author: carol, clock: 10, payload: forged))
        #expect(plain.owner(table: "service", id: "s") == carol)
    }
}
