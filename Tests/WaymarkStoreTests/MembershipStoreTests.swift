import Foundation
import Testing
import WaymarkCore
import WaymarkCrypto
@testable import WaymarkStore
import WaymarkTestKit

/// Membership in the store (`Protocol/SPEC.md` §9): a database takes in only members' envelopes, a
/// member's envelopes from before its vouch count once the vouch is held, a removal hides what the
/// removed key published, and a backdated claim cannot take a row from an earlier member.
struct MembershipStoreTests {
    static let now: UInt64 = Fixtures.publishedAt + 60_000
    let alice = Fixtures.identity(1), bob = Fixtures.identity(2), carol = Fixtures.identity(3), stranger = Fixtures.identity(66)

    func database(founders: [NodeIdentity]) throws -> NodeDatabase {
        let db = try NodeDatabase()
        try db.setFounders(founders.map(\.signingPublicKey))
        return db
    }

    func rows(_ prefix: String, name: String = "Homework club") -> [HSDSRecord] {
        [
            HSDSRecord(table: "organization", id: "\(prefix)-org", fields: JSONObject([("id", .string("\(prefix)-org")), ("name", .string(prefix))])),
            HSDSRecord(
                table: "service", id: "\(prefix)-svc",
                fields: JSONObject([
                    ("id", .string("\(prefix)-svc")), ("organization_id", .string("\(prefix)-org")), ("name", .string(name)),
                    ("status", .string("active")),
                ])),
        ]
    }

    @Test func aStrangersEnvelopesAreRefusedAndNeverStoredOrHeldBack() throws {
        try withLargeStack {
            let a = try database(founders: [alice])
            try a.ledger.publish(rows("a"), identity: alice, nowMilliseconds: Fixtures.publishedAt)
            let s = try NodeDatabase()
            try s.ledger.publish(rows("s"), identity: stranger, nowMilliseconds: Fixtures.publishedAt)
            let wires = try LedgerTests.wires(s)
            // Also one that waits for a dependency nobody has: refused all the same, not held back.
            let orphan = LedgerTests.envelope(by: stranger, sequence: 9, deps: [[UInt8](repeating: 7, count: 32)], clock: Fixtures.publishedAt + 5)
            let before = try a.ledger.counts().envelopes
            let report = try a.ledger.ingest(wires + [orphan.encoded()], from: "test", nowMilliseconds: Self.now)
            #expect(report.accepted == 0 && report.pending == 0)
            #expect(report.rejected.count == wires.count + 1 && report.rejected.allSatisfy { $0.reason == .notMember })
            #expect(try a.ledger.counts().envelopes == before)
            #expect(try a.ledger.counts().pending == 0)
            #expect(try a.record(table: "service", id: "s-svc") == nil)
        }
    }

    @Test func aMembersEnvelopesFromBeforeItsVouchAreTakenInWithTheVouchInAnyOrder() throws {
        try withLargeStack {
            let a = try database(founders: [alice])
            try a.ledger.publish(rows("a"), identity: alice, nowMilliseconds: Fixtures.publishedAt)
            // Bob publishes before anyone vouched for him (his own node takes its own envelopes).
            let b = try NodeDatabase()
            try b.ledger.publish(rows("b"), identity: bob, nowMilliseconds: Fixtures.publishedAt + 10)
            try a.publishVouch(.init(member: bob.signingPublicKey, organizationName: "Bob's"), identity: alice, nowMilliseconds: Fixtures.publishedAt + 1_000)
            #expect(throws: MembershipError.self) {
                try a.publishVouch(.init(member: carol.signingPublicKey, organizationName: "bob's"), identity: alice, nowMilliseconds: Fixtures.publishedAt + 1_100)
            }
            let all = try LedgerTests.wires(a) + LedgerTests.wires(b)
            for order in [all, all.reversed()] {
                let c = try database(founders: [alice])
                let report = try c.ledger.ingest(order, from: "test", nowMilliseconds: Self.now)
                #expect(report.rejected.isEmpty && report.accepted == all.count, "\(report)")
                #expect(try c.record(table: "service", id: "b-svc") != nil)
                #expect(try c.members().map(\.organizationName).contains("Bob's"))
            }
        }
    }

    @Test func aRemovalHidesTheRemovedKeysRowsEverywhereAndRefusesItsLaterEnvelopes() throws {
        try withLargeStack {
            let a = try database(founders: [alice])
            try a.ledger.publish(rows("a"), identity: alice, nowMilliseconds: Fixtures.publishedAt)
            try a.publishVouch(.init(member: bob.signingPublicKey, organizationName: "Bob's"), identity: alice, nowMilliseconds: Fixtures.publishedAt + 100)
            let b = try database(founders: [alice])
            _ = try b.ledger.ingest(LedgerTests.wires(a), from: "a", nowMilliseconds: Self.now)
            try b.ledger.publish(rows("b"), identity: bob, nowMilliseconds: Fixtures.publishedAt + 200)
            _ = try a.ledger.ingest(LedgerTests.wires(b), from: "b", nowMilliseconds: Self.now)
            #expect(try a.record(table: "service", id: "b-svc") != nil)

            // Bob may not remove Alice (a founder he did not vouch for).
            #expect(throws: MembershipError.self) {
                try b.publishRemoval(.init(member: alice.signingPublicKey, reason: "no"), identity: bob, nowMilliseconds: Fixtures.publishedAt + 250)
            }
            try a.publishRemoval(.init(member: bob.signingPublicKey, reason: "key compromised"), identity: alice, nowMilliseconds: Fixtures.publishedAt + 300)
            #expect(try a.record(table: "service", id: "b-svc") == nil)
            #expect(try a.record(table: "service", id: "a-svc") != nil)
            // A fresh node that takes in everything shows the same.
            let c = try database(founders: [alice])
            _ = try c.ledger.ingest(LedgerTests.wires(a), from: "a", nowMilliseconds: Self.now)
            #expect(try c.record(table: "service", id: "b-svc") == nil)
            #expect(try c.allRecords() == a.allRecords())
            // Bob's node has not heard of the removal; what it signs next is stored where it arrives (so
            // every node ends up holding the same envelopes) but shows nowhere.
            try b.ledger.publish(rows("b", name: "After removal"), identity: bob, nowMilliseconds: Fixtures.publishedAt + 400)
            _ = try a.ledger.ingest(LedgerTests.wires(b), from: "b", nowMilliseconds: Self.now)
            #expect(try a.record(table: "service", id: "b-svc") == nil)
            #expect(try a.knownNodes().allSatisfy { $0.author != bob.signingPublicKey })
        }
    }

    @Test func aBackdatedClaimByALaterMemberCannotTakeARow() throws {
        try withLargeStack {
            let a = try database(founders: [alice])
            try a.publishVouch(.init(member: bob.signingPublicKey, organizationName: "Bob's"), identity: alice, nowMilliseconds: Fixtures.publishedAt + 100)
            let b = try NodeDatabase()
            try b.ledger.publish(rows("b"), identity: bob, nowMilliseconds: Fixtures.publishedAt + 200)
            _ = try a.ledger.ingest(LedgerTests.wires(b), from: "b", nowMilliseconds: Self.now)
            try a.publishVouch(.init(member: carol.signingPublicKey, organizationName: "Carol's"), identity: alice, nowMilliseconds: Fixtures.publishedAt + 300)
            // Carol's first envelope, dated long before anything, claims Bob's service; then deletes it.
            let claim = LedgerTests.envelope(by: carol, sequence: 1, deps: [], clock: 1 << 16, id: "b-svc", name: "Taken over")
            let tomb = EnvelopeCrypto.sign(
                kind: .directoryTombstone, scope: "public", payload: DirectoryPayload(table: "service", id: "b-svc", fields: nil).encoded(), by: carol,
                sequence: 2, dependencies: [EnvelopeCrypto.id(of: claim)], clock: 2 << 16)
            let report = try a.ledger.ingest([claim.encoded(), tomb.encoded()], from: "carol", nowMilliseconds: Self.now)
            #expect(report.accepted == 2)
            #expect(report.rejected.map(\.reason) == [.notOwner, .notOwner])
            #expect(try a.record(table: "service", id: "b-svc")?.fields["name"]?.stringValue == "Homework club")
        }
    }

    @Test func aStrippedCopyIsRefusedUnlessAnErasureExplainsIt() throws {
        try withLargeStack {
            let circle = Circle(owner: alice.signingPublicKey, random: Array(0..<12)).scope
            let referral = try PrivateEnvelope.sign(
                kind: .referral, scope: circle, plaintext: Array(#"{"x":1}"#.utf8), recipients: [alice.encryptionPublicKey, bob.encryptionPublicKey],
                by: alice, sequence: 1, dependencies: [], clock: HybridClock.pack(milliseconds: Fixtures.publishedAt, counter: 1)
            ).envelope
            let stripped = referral.withoutPayload.encoded()
            let b = try database(founders: [alice])
            // Handed a stripped copy first: refused, so the real one is still taken in when it comes.
            let first = try b.ledger.ingest([stripped], from: "relay", nowMilliseconds: Self.now)
            #expect(first.accepted == 0 && first.rejected.map(\.reason) == [.strippedCopy])
            let real = try b.ledger.ingest([referral.encoded()], from: "relay", nowMilliseconds: Self.now)
            #expect(real.accepted == 1)
            #expect(try b.ledger.envelopes([EnvelopeCrypto.id(of: referral)]).first.flatMap { try? Envelope.decode($0) }?.payload != nil)
            // With its circle's erasure in the same message (which depends on it), the stripped copy is taken in.
            let erasure = EnvelopeCrypto.sign(
                kind: .erasure, scope: circle, payload: JourneyPayload.erasure(Erasure(circle: circle, requestedOn: "2026-12-02")).encoded(), by: alice,
                sequence: 2, dependencies: [EnvelopeCrypto.id(of: referral)], clock: HybridClock.pack(milliseconds: Fixtures.publishedAt, counter: 2))
            let c = try database(founders: [alice])
            let both = try c.ledger.ingest([stripped, erasure.encoded()], from: "relay", nowMilliseconds: Self.now)
            #expect(both.accepted == 2 && both.rejected.isEmpty, "\(both)")
        }
    }

    /// The same for sealed records (§8.10), whose erasure is found by its tag: a stripped copy is
    /// refused until an erasure whose tag keys explain its tag is held or comes with it; a copy an
    /// erasure of another circle does not explain is refused even then; a relay strips what it holds.
    @Test func aStrippedSealedCopyIsRefusedUnlessAnErasuresTagKeyExplainsIt() throws {
        try withLargeStack {
            let circle = Circle(owner: alice.signingPublicKey, random: Array(0..<12)).scope
            let other = Circle(owner: alice.signingPublicKey, random: Array(12..<24)).scope
            let secret = SealedEnvelope.ownTagSecret(circle: circle, identity: alice)
            let tagKey = SealedEnvelope.tagKey(secret: secret, circle: circle)
            #expect(tagKey == SealedEnvelope.ownTagKey(circle: circle, identity: alice))
            func sealed(_ c: String, _ key: [UInt8], sequence: UInt64, deps: [[UInt8]]) throws -> Envelope {
                try SealedEnvelope.sign(
                    frame: SealedFrame(kind: .referral, circle: c, tagKey: key, recipientKeyIDs: [], body: Array(#"{"x":1}"#.utf8)),
                    recipients: [alice.encryptionPublicKey, bob.encryptionPublicKey], by: alice, sequence: sequence, dependencies: deps,
                    clock: HybridClock.pack(milliseconds: Fixtures.publishedAt, counter: UInt16(sequence))
                ).envelope
            }
            let referral = try sealed(circle, tagKey, sequence: 1, deps: [])
            let elsewhere = try sealed(other, SealedEnvelope.ownTagKey(circle: other, identity: alice), sequence: 2, deps: [EnvelopeCrypto.id(of: referral)])
            let erasure = EnvelopeCrypto.sign(
                kind: .erasure, scope: circle,
                payload: JourneyPayload.erasure(Erasure(circle: circle, requestedOn: "2026-12-02", tagSecret: secret)).encoded(), by: alice,
                sequence: 3, dependencies: [EnvelopeCrypto.id(of: elsewhere)], clock: HybridClock.pack(milliseconds: Fixtures.publishedAt, counter: 3))
            let b = try database(founders: [alice, bob])
            let first = try b.ledger.ingest([referral.withoutPayload.encoded()], from: "relay", nowMilliseconds: Self.now)
            #expect(first.accepted == 0 && first.rejected.map(\.reason) == [.strippedCopy])
            // Bob, a partner in Alice's circle, knows its tag key; an erasure of a circle of his own
            // that names it as its secret explains nothing of Alice's circle.
            let bobs = Circle(owner: bob.signingPublicKey, random: Array(0..<12)).scope
            let forged = EnvelopeCrypto.sign(
                kind: .erasure, scope: bobs, payload: JourneyPayload.erasure(Erasure(circle: bobs, requestedOn: "2026-12-02", tagSecret: tagKey)).encoded(),
                by: bob, sequence: 1, dependencies: [], clock: HybridClock.pack(milliseconds: Fixtures.publishedAt, counter: 9))
            #expect(try b.ledger.ingest([referral.encoded(), forged.encoded()], from: "bob", nowMilliseconds: Self.now).accepted == 2)
            #expect(try b.ledger.envelopes([EnvelopeCrypto.id(of: referral)]).first.flatMap { try? Envelope.decode($0) }?.payload != nil)
            // A relay holds both in full; the erasure strips the circle's, and not the other circle's.
            let r = try database(founders: [alice])
            #expect(try r.ledger.ingest([referral.encoded(), elsewhere.encoded()], from: "a", nowMilliseconds: Self.now).accepted == 2)
            #expect(try r.ledger.ingest([erasure.encoded()], from: "a", nowMilliseconds: Self.now + 1).accepted == 1)
            func payload(_ db: NodeDatabase, _ e: Envelope) throws -> [UInt8]? {
                try db.ledger.envelopes([EnvelopeCrypto.id(of: e)]).first.flatMap { try? Envelope.decode($0) }?.payload
            }
            #expect(try payload(r, referral) == nil && payload(r, elsewhere) != nil)
            // A full copy offered again does not bring the words back.
            #expect(try r.ledger.ingest([referral.encoded()], from: "a", nowMilliseconds: Self.now + 2).accepted == 0)
            #expect(try payload(r, referral) == nil)
            // With the erasure in the same message, the circle's stripped copy is taken in; the other's is not.
            let c = try database(founders: [alice])
            let batch = try c.ledger.ingest(
                [referral.withoutPayload.encoded(), elsewhere.withoutPayload.encoded(), erasure.encoded()], from: "relay", nowMilliseconds: Self.now)
            #expect(batch.accepted == 1 && batch.rejected.map(\.reason) == [.strippedCopy], "\(batch)")
        }
    }

    /// An erasure finds a circle's sealed records author by author, by the tags of indexes 0, 1, 2, …
    /// (§8.10): every author's records in the circle are stripped, those that arrive after it too (the
    /// next index of an author that wrote there, the first of one that never wrote a sealed record
    /// before, one that waited for its dependencies), and no record of another circle.
    @Test func anErasureFindsEachAuthorsRecordsByTheirIndexesAndThoseThatComeLater() throws {
        try withLargeStack {
            let circle = Circle(owner: alice.signingPublicKey, random: Array(0..<12)).scope
            let other = Circle(owner: alice.signingPublicKey, random: Array(12..<24)).scope
            let tagKey = SealedEnvelope.ownTagKey(circle: circle, identity: alice)
            var chains: [ByteKey: (sequence: UInt64, last: [UInt8]?)] = [:]
            var counter: UInt16 = 0
            func sealed(_ who: NodeIdentity, _ c: String, _ key: [UInt8], index: UInt32) throws -> Envelope {
                var chain = chains[ByteKey(who.signingPublicKey), default: (0, nil)]
                chain.sequence += 1
                counter += 1
                let e = try SealedEnvelope.sign(
                    frame: SealedFrame(kind: .progress, circle: c, tagKey: key, index: index, recipientKeyIDs: [], body: Array(#"{"x":1}"#.utf8)),
                    recipients: [alice.encryptionPublicKey, who.encryptionPublicKey], by: who, sequence: chain.sequence,
                    dependencies: chain.last.map { [$0] } ?? [], clock: HybridClock.pack(milliseconds: Fixtures.publishedAt, counter: counter)
                ).envelope
                chain.last = EnvelopeCrypto.id(of: e)
                chains[ByteKey(who.signingPublicKey)] = chain
                return e
            }
            let a0 = try sealed(alice, circle, tagKey, index: 0), elsewhere = try sealed(alice, other, SealedEnvelope.ownTagKey(circle: other, identity: alice), index: 0)
            let a1 = try sealed(alice, circle, tagKey, index: 1), b0 = try sealed(bob, circle, tagKey, index: 0)
            counter += 1
            let erasure = EnvelopeCrypto.sign(
                kind: .erasure, scope: circle,
                payload: JourneyPayload.erasure(
                    Erasure(circle: circle, requestedOn: "2026-12-07", tagSecret: SealedEnvelope.ownTagSecret(circle: circle, identity: alice))
                ).encoded(), by: alice, sequence: 4, dependencies: [EnvelopeCrypto.id(of: a1)],
                clock: HybridClock.pack(milliseconds: Fixtures.publishedAt, counter: counter))
            // Written by partners that had not seen the erasure yet: Bob's next two, Carol's first ever.
            let b1 = try sealed(bob, circle, tagKey, index: 1), b2 = try sealed(bob, circle, tagKey, index: 2)
            let c0 = try sealed(carol, circle, tagKey, index: 0)
            let bobsOwn = try sealed(bob, Circle(owner: bob.signingPublicKey, random: Array(0..<12)).scope, [UInt8](repeating: 9, count: 16), index: 0)

            let r = try database(founders: [alice, bob, carol])
            func payload(_ e: Envelope) throws -> [UInt8]? {
                try r.ledger.envelopes([EnvelopeCrypto.id(of: e)]).first.flatMap { try? Envelope.decode($0) }?.payload
            }
            #expect(try r.ledger.ingest([a0, elsewhere, a1, b0].map { $0.encoded() }, from: "a", nowMilliseconds: Self.now).accepted == 4)
            #expect(try r.ledger.ingest([erasure.encoded()], from: "a", nowMilliseconds: Self.now + 1).accepted == 1)
            #expect(try payload(a0) == nil && payload(a1) == nil && payload(b0) == nil, "each author's records in the circle, found by index")
            #expect(try payload(elsewhere) != nil, "another circle's record keeps its words")
            // Bob's index 2 arrives first and waits for index 1; then index 1, then Carol's first.
            let waiting = try r.ledger.ingest([b2.encoded()], from: "b", nowMilliseconds: Self.now + 2)
            #expect(waiting.accepted == 0 && waiting.pending == 1)
            #expect(try r.ledger.ingest([b1.encoded(), c0.encoded(), bobsOwn.encoded()], from: "b", nowMilliseconds: Self.now + 3).accepted == 4)
            #expect(try payload(b1) == nil && payload(b2) == nil, "the next indexes of an author that wrote in the circle")
            #expect(try payload(c0) == nil, "the first record of an author that had written no sealed record here")
            #expect(try payload(bobsOwn) != nil, "a record of another circle")
            // A new node takes the stripped copies in with the erasure they depend on, in one message,
            // and refuses a stripped copy the erasure does not explain.
            let relayed: [Envelope] = [a0, elsewhere, a1, b0, erasure]
            var ids: [[UInt8]] = []
            for e in relayed { ids.append(EnvelopeCrypto.id(of: e)) }
            let fromRelay = try r.ledger.envelopes(ids)
            let shapes = fromRelay.compactMap { try? Envelope.decode($0) }.map { ($0.header.kind, $0.payload?.count) }
            #expect(shapes.filter { $0.1 == nil }.count == 3 && shapes.count == 5, "\(shapes)")
            let n = try database(founders: [alice, bob, carol])
            #expect(try n.ledger.ingest(fromRelay.reversed(), from: "r", nowMilliseconds: Self.now + 4).accepted == 5)
            let m = try database(founders: [alice, bob, carol])
            let report = try m.ledger.ingest(
                [a0.withoutPayload, elsewhere.withoutPayload, a1.withoutPayload, erasure].map { $0.encoded() }, from: "r", nowMilliseconds: Self.now + 4)
            #expect(report.accepted == 1 && report.rejected.map(\.reason) == [.strippedCopy], "\(report)")
            // A new node catching up one envelope at a time (each answer its own batch, as when a
            // circle's copies and its erasure fall in different fetches) takes every one in: an answer
            // carries the erasure that explains its stripped copies.
            let late = try database(founders: [alice, bob, carol])
            let everything = try r.ledger.reconciliationItems().map(\.id)
            for id in everything {
                let answer = try r.ledger.envelopes([id])
                _ = try late.ledger.ingest(answer + r.ledger.erasures(explaining: answer), from: "r", nowMilliseconds: Self.now + 4)
            }
            #expect(try late.ledger.envelopes(everything).count == everything.count, "every envelope, stripped copies included")
            // Without the erasures alongside, the first copies are refused and their authors' chains wait.
            let stalled = try database(founders: [alice, bob, carol])
            for id in everything { _ = try stalled.ledger.ingest(try r.ledger.envelopes([id]), from: "r", nowMilliseconds: Self.now + 4) }
            #expect(try stalled.ledger.envelopes(everything).count < everything.count)
            // Alice at her quota: an erasure of a circle she wrote a sealed record in is still taken in;
            // one of a circle she wrote nothing in is refused for the quota (§3.1 rule 8).
            try r.setSetting(NodeDatabase.authorQuotaSetting, "1000")
            func erasing(_ c: String, sequence: UInt64, after: Envelope) -> Envelope {
                counter += 1
                return EnvelopeCrypto.sign(
                    kind: .erasure, scope: c,
                    payload: JourneyPayload.erasure(
                        Erasure(circle: c, requestedOn: "2026-12-07", tagSecret: SealedEnvelope.ownTagSecret(circle: c, identity: alice))
                    ).encoded(), by: alice, sequence: sequence, dependencies: [EnvelopeCrypto.id(of: after)],
                    clock: HybridClock.pack(milliseconds: Fixtures.publishedAt, counter: counter))
            }
            let ofOther = erasing(other, sequence: 5, after: erasure)
            let ofNothing = erasing(Circle(owner: alice.signingPublicKey, random: Array(24..<36)).scope, sequence: 6, after: ofOther)
            let atQuota = try r.ledger.ingest([ofOther.encoded(), ofNothing.encoded()], from: "a", nowMilliseconds: Self.now + 5)
            #expect(atQuota.accepted == 1 && atQuota.rejected.map(\.reason) == [.overQuota], "\(atQuota)")
            #expect(try payload(elsewhere) == nil)
        }
    }

    @Test func aFounderRemovesACompromisedKeyWithEveryoneItVouchedForAndNoOneElse() throws {
        try withLargeStack {
            let dave = Fixtures.identity(4), erin = Fixtures.identity(5)
            let a = try database(founders: [alice])
            try a.publishVouch(.init(member: bob.signingPublicKey, organizationName: "Bob's Org"), identity: alice, nowMilliseconds: Self.now)
            try a.publishVouch(.init(member: dave.signingPublicKey, organizationName: "Dave's Org"), identity: alice, nowMilliseconds: Self.now + 1)
            // Bob vouches for Carol, and Carol for Erin, on Bob's and Carol's own nodes.
            let b = try database(founders: [alice])
            try b.ledger.ingest(try LedgerTests.wires(a), from: "a", nowMilliseconds: Self.now + 2)
            try b.publishVouch(.init(member: carol.signingPublicKey, organizationName: "Carol's Org"), identity: bob, nowMilliseconds: Self.now + 3)
            let c = try database(founders: [alice])
            try c.ledger.ingest(try LedgerTests.wires(b), from: "b", nowMilliseconds: Self.now + 4)
            try c.publishVouch(.init(member: erin.signingPublicKey, organizationName: "Erin's Org"), identity: carol, nowMilliseconds: Self.now + 5)
            try a.ledger.ingest(try LedgerTests.wires(c), from: "c", nowMilliseconds: Self.now + 6)
            #expect(try a.members().first { $0.key == carol.signingPublicKey }?.voucher == bob.signingPublicKey, "the list shows who vouched")

            // Bob may not remove those he vouched for: only a founder may.
            #expect(throws: MembershipError.self) {
                try b.publishRemoval(.init(member: bob.signingPublicKey, reason: "x"), withVouched: true, identity: bob, nowMilliseconds: Self.now + 7)
            }
            let removed = try a.publishRemoval(
                .init(member: bob.signingPublicKey, reason: "key compromised"), withVouched: true, identity: alice, nowMilliseconds: Self.now + 8)
            #expect(removed == [bob.signingPublicKey] + [carol.signingPublicKey, erin.signingPublicKey].sorted { $0.lexicographicallyPrecedes($1) })
            let roster = try a.roster()
            #expect(!roster.isCurrentMember(bob.signingPublicKey) && !roster.isCurrentMember(carol.signingPublicKey))
            #expect(!roster.isCurrentMember(erin.signingPublicKey))
            #expect(roster.isCurrentMember(dave.signingPublicKey) && roster.isCurrentMember(alice.signingPublicKey), "others stay")
            // Each removal is a signed record of its own, which every node takes in.
            try c.ledger.ingest(try LedgerTests.wires(a), from: "a", nowMilliseconds: Self.now + 9)
            #expect(try c.roster() == roster)
        }
    }
}
