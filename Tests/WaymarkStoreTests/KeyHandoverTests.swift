import Foundation
import GRDB
import Testing
import WaymarkCore
import WaymarkCrypto
@testable import WaymarkStore
import WaymarkTestKit

/// Keys over a node's life (`Protocol/SPEC.md` §9.6): an organisation hands over to a new key; it
/// keeps its rows, its peers follow, and the old key signs nothing after the hand-over.
struct KeyHandoverTests {
    static let now: UInt64 = Fixtures.publishedAt + 60_000
    let alice = Fixtures.identity(1), mallory = Fixtures.identity(9)

    func rows(name: String) -> [HSDSRecord] {
        [
            HSDSRecord(table: "organization", id: "a-org", fields: JSONObject([("id", .string("a-org")), ("name", .string("Alice's"))])),
            HSDSRecord(
                table: "service", id: "a-svc",
                fields: JSONObject([
                    ("id", .string("a-svc")), ("organization_id", .string("a-org")), ("name", .string(name)), ("status", .string("active")),
                ])),
        ]
    }

    /// The newest envelope of `author` that `db` holds: (id, sequence).
    func head(_ db: NodeDatabase, of author: [UInt8]) throws -> (id: [UInt8], sequence: UInt64) {
        let own = try LedgerTests.wires(db).compactMap { try? Envelope.decode($0) }.filter { $0.header.author == author }
        let last = own.max { $0.header.sequence < $1.header.sequence }!
        return (EnvelopeCrypto.id(of: last), last.header.sequence)
    }

    @Test func anOrganisationHandsOverKeepsItsRowsAndPeersFollowWhileTheOldKeySignsNothingMore() throws {
        try withLargeStack {
            let a = try NodeDatabase()
            try a.setFounders([alice.signingPublicKey])
            try a.ledger.publish(rows(name: "Homework club"), identity: alice, nowMilliseconds: Fixtures.publishedAt)
            let b = try NodeDatabase()
            try b.setFounders([alice.signingPublicKey])
            _ = try b.ledger.ingest(LedgerTests.wires(a), from: "a", nowMilliseconds: Self.now)
            let before = try head(a, of: alice.signingPublicKey)

            let rotated = try a.handOver(to: alice.withNewGeneration(), nowMilliseconds: Self.now)
            #expect(rotated.signingPublicKey == alice.signingPublicKey && rotated.signerPublicKey != alice.signerPublicKey)
            #expect(rotated.fingerprint == alice.fingerprint, "the organisation keeps its fingerprint")
            #expect(try a.keyInForce(author: alice.signingPublicKey) == rotated.signerPublicKey)
            #expect(throws: PublishError.self, "the old key may not sign after the hand-over") {
                try a.ledger.publish(rows(name: "Signed by the old key"), identity: alice, nowMilliseconds: Self.now + 1_000)
            }
            try a.ledger.publish(rows(name: "Homework club, Tuesdays"), identity: rotated, nowMilliseconds: Self.now + 2_000)
            #expect(try a.record(table: "service", id: "a-svc")?.fields["name"]?.stringValue == "Homework club, Tuesdays")

            // A peer takes the hand-over and the new key's edit of a row the organisation published before.
            let report = try b.ledger.ingest(LedgerTests.wires(a), from: "a", nowMilliseconds: Self.now + 3_000)
            #expect(report.rejected.isEmpty, "\(report.rejected)")
            #expect(try b.record(table: "service", id: "a-svc")?.fields["name"]?.stringValue == "Homework club, Tuesdays")
            #expect(try b.keyInForce(author: alice.signingPublicKey) == rotated.signerPublicKey)
            #expect(try b.handovers(author: alice.signingPublicKey).map(\.key) == [rotated.signerPublicKey])

            // Someone holding the old key continues the chain: refused everywhere, nothing changes.
            let latest = try head(b, of: alice.signingPublicKey)
            let forged = LedgerTests.envelope(
                by: alice, sequence: latest.sequence + 1, deps: [latest.id], clock: Self.now + 10_000, id: "a-svc", name: "Taken by a thief")
            let refused = try b.ledger.ingest([forged.encoded()], from: "relay", nowMilliseconds: Self.now + 11_000)
            #expect(refused.accepted == 0 && refused.rejected.map(\.reason) == [.wrongSigner], "\(refused.rejected)")
            // The new key cannot sign in the old key's place before the hand-over either.
            let early = LedgerTests.envelope(by: rotated, sequence: before.sequence, deps: [], clock: Self.now + 12_000, id: "a-svc", name: "Early")
            let earlyChained = try b.ledger.ingest([early.encoded()], from: "relay", nowMilliseconds: Self.now + 13_000)
            #expect(earlyChained.accepted == 0)
            #expect(try b.record(table: "service", id: "a-svc")?.fields["name"]?.stringValue == "Homework club, Tuesdays")
        }
    }

    /// The encryption key a node holds for an organisation (what it seals referrals to).
    func encryptionKey(_ db: NodeDatabase, of author: [UInt8]) throws -> [UInt8]? {
        try db.writer.read { db in
            try Data.fetchOne(db, sql: "SELECT encryption_key FROM known_node WHERE author = ?", arguments: [Data(author)]).map { [UInt8]($0) }
        }
    }

    /// Someone who got the old key after the hand-over forks the chain before it and makes that branch
    /// the longer, with a node record dated far ahead that names their own encryption key. The key in
    /// force stays the new one, the organisation's known node stays its own, whichever arrives first,
    /// and the organisation goes on publishing on its own branch.
    @Test func aForkTheOldKeyBeganBeforeTheHandOverTakesBackNeitherTheKeyInForceNorTheNodeRecord() throws {
        try withLargeStack {
            let a = try NodeDatabase()
            try a.setFounders([alice.signingPublicKey])
            try a.ledger.publish(rows(name: "Homework club"), identity: alice, nowMilliseconds: Fixtures.publishedAt)
            let beforeHandover = try LedgerTests.wires(a)
            let forkPoint = try head(a, of: alice.signingPublicKey)
            let rotated = try a.handOver(to: alice.withNewGeneration(), nowMilliseconds: Self.now)
            let record = NodeRecord(organizationID: "a-org", organizationName: "Alice's", url: "http://127.0.0.1:1/a", encryptionKey: rotated.encryptionPublicKey)
            #expect(try a.ledger.publishNodeRecord(record, identity: rotated, nowMilliseconds: Self.now + 1_000))

            var previous = forkPoint
            var branch: [[UInt8]] = []
            for n in 1...6 {
                let e = LedgerTests.envelope(
                    by: alice, sequence: previous.sequence + 1, deps: [previous.id], clock: Self.now + UInt64(n) * 1_000, id: "a-svc", name: "Thief's \(n)")
                branch.append(e.encoded())
                previous = (EnvelopeCrypto.id(of: e), e.header.sequence)
            }
            let theirs = NodeRecord(organizationID: "a-org", organizationName: "Alice's", url: "http://127.0.0.1:1/t", encryptionKey: mallory.encryptionPublicKey)
            branch.append(
                EnvelopeCrypto.sign(
                    kind: .nodeRecord, scope: "public", payload: theirs.encoded(), by: alice, sequence: previous.sequence + 1, dependencies: [previous.id],
                    clock: HybridClock.pack(milliseconds: AdmissionRules.latestClockMilliseconds - 1, counter: 0)
                ).encoded())

            // A node that takes in the thief's branch before the hand-over, and one that takes it after.
            let early = try NodeDatabase(), late = try NodeDatabase()
            for db in [early, late] { try db.setFounders([alice.signingPublicKey]) }
            _ = try early.ledger.ingest(beforeHandover, from: "a", nowMilliseconds: Self.now + 10_000)
            let stolen = try early.ledger.ingest(branch, from: "relay", nowMilliseconds: Self.now + 10_000)
            #expect(stolen.accepted == branch.count, "before it holds the hand-over, a node cannot tell the branch from the organisation's")
            #expect(try encryptionKey(early, of: alice.signingPublicKey) == mallory.encryptionPublicKey)
            _ = try early.ledger.ingest(LedgerTests.wires(a), from: "a", nowMilliseconds: Self.now + 11_000)
            _ = try late.ledger.ingest(LedgerTests.wires(a), from: "a", nowMilliseconds: Self.now + 11_000)
            _ = try late.ledger.ingest(branch, from: "relay", nowMilliseconds: Self.now + 11_000)
            _ = try a.ledger.ingest(branch, from: "relay", nowMilliseconds: Self.now + 11_000)
            for db in [a, early, late] {
                #expect(try db.keyInForce(author: alice.signingPublicKey) == rotated.signerPublicKey, "the longer branch does not bring the old key back")
                #expect(try encryptionKey(db, of: alice.signingPublicKey) == rotated.encryptionPublicKey, "nothing is sealed to the thief's key")
            }
            // The organisation goes on from its own envelope, not from the thief's longer branch.
            try a.ledger.publish(rows(name: "Homework club, Thursdays"), identity: rotated, nowMilliseconds: Self.now + 20_000)
            let report = try late.ledger.ingest(LedgerTests.wires(a), from: "a", nowMilliseconds: Self.now + 21_000)
            #expect(report.rejected.isEmpty, "\(report.rejected)")
        }
    }

    @Test func aHandOverToAKeyItsAuthorDoesNotHoldIsRefused() throws {
        try withLargeStack {
            let a = try NodeDatabase()
            try a.setFounders([alice.signingPublicKey])
            try a.ledger.publish(rows(name: "Homework club"), identity: alice, nowMilliseconds: Fixtures.publishedAt)
            let last = try head(a, of: alice.signingPublicKey)
            // The proof is made by another key than the one named: the author does not hold it.
            let named = mallory.signerPublicKey
            let proof = alice.sign(Membership.Handover.proofMessage(author: alice.signingPublicKey, key: named))
            let handover = EnvelopeCrypto.sign(
                kind: .keyHandover, scope: "public", payload: Membership.Handover(key: named, proof: proof).encoded(), by: alice,
                sequence: last.sequence + 1, dependencies: [last.id], clock: Self.now)
            #expect(EnvelopeCrypto.verify(handover) == .badSignature)
            let b = try NodeDatabase()
            try b.setFounders([alice.signingPublicKey])
            let report = try b.ledger.ingest(LedgerTests.wires(a) + [handover.encoded()], from: "a", nowMilliseconds: Self.now)
            #expect(report.rejected.map(\.reason) == [.badSignature])
            #expect(try b.keyInForce(author: alice.signingPublicKey) == alice.signingPublicKey)
        }
    }

    @Test func whatWasSealedBeforeTheHandOverStillOpensAndTheLocalDataKeyStays() throws {
        let circle = "c:" + String(repeating: "ab", count: 16)
        let (sealed, _) = try PrivateEnvelope.sign(
            kind: .consent, scope: circle, plaintext: Array("before".utf8), recipients: [alice.encryptionPublicKey], by: mallory, sequence: 1,
            dependencies: [], clock: Self.now)
        let rotated = alice.withNewGeneration()
        #expect(try rotated.open(sealed) == Array("before".utf8))
        #expect(rotated.isRecipient(of: sealed))
        #expect(rotated.encryptionPublicKey != alice.encryptionPublicKey)
        #expect(rotated.localDataKey == alice.localDataKey, "sealed local data outlives a hand-over")
        let reread = try NodeIdentity(secretSeeds: rotated.secretSeeds)
        #expect(reread.signerPublicKey == rotated.signerPublicKey && reread.signingPublicKey == alice.signingPublicKey && reread.generations == 2)
        #expect(rotated.signingWithGeneration(0)?.signerPublicKey == alice.signerPublicKey)

        // What the new key signs names the organisation as author and the new key as signer.
        let e = EnvelopeCrypto.sign(kind: .directoryRecord, scope: "public", payload: [1], by: rotated, sequence: 3, dependencies: [], clock: Self.now)
        #expect(e.header.author == alice.signingPublicKey && e.header.signer == rotated.signerPublicKey)
        #expect(EnvelopeCrypto.verify(e) == .valid)
        var other = e
        other.header.extensions = Envelope.Header.signerExtension(mallory.signerPublicKey)
        #expect(EnvelopeCrypto.verify(other) == .badSignature)
    }

    @Test func extensionsAreReadAsOrderedEntriesAndAnythingElseNamesNoSigner() {
        let key = [UInt8](repeating: 5, count: 32)
        var h = Envelope.Header(kind: .directoryRecord, scope: "public", author: [UInt8](repeating: 1, count: 32), sequence: 1, dependencies: [], clock: 1, payloadHash: [UInt8](repeating: 0, count: 32), payloadSize: 0)
        #expect(h.signer == h.author)
        h.extensions = Envelope.Header.signerExtension(key)
        #expect(h.signer == key)
        h.extensions = Envelope.Header.signerExtension(key) + [9, 2, 0xAA, 0xBB]  // an unknown entry after it: carried
        #expect(h.signer == key)
        h.extensions = [9, 0] + Envelope.Header.signerExtension(key)  // out of order: not entries
        #expect(h.signer == h.author)
        h.extensions = [1, 33] + key  // a length past the end
        #expect(h.signer == h.author)
        h.extensions = [1, 0x80, 0x00] + key  // a length not in its shortest form
        #expect(h.signer == h.author)
        h.extensions = [1, 31] + Array(key.prefix(31))  // a signer entry of the wrong size
        #expect(h.signer == h.author)
    }
}
