import Foundation
import GRDB
import Testing
import WaymarkCore
import WaymarkCrypto
@testable import WaymarkStore
import WaymarkTestKit
import WaymarkSample

/// Taking in envelopes from other nodes: good ones are stored and folded; bad ones are rejected with
/// a reason and change nothing.
struct LedgerTests {
    static let now: UInt64 = Fixtures.publishedAt + 60_000
    let alice = Fixtures.identity(1)
    let mallory = Fixtures.identity(66)

    /// A small directory: one organisation with one service.
    static func rows(name: String = "Homework club") -> [HSDSRecord] {
        [
            HSDSRecord(table: "organization", id: "org-1", fields: JSONObject([("id", .string("org-1")), ("name", .string("Ballymun Youth"))])),
            HSDSRecord(
                table: "service", id: "svc-1",
                fields: JSONObject([
                    ("id", .string("svc-1")), ("organization_id", .string("org-1")), ("name", .string(name)), ("status", .string("active")),
                ])),
        ]
    }

    /// Every envelope a database holds, in wire form.
    static func wires(_ db: NodeDatabase) throws -> [[UInt8]] {
        try db.ledger.envelopes(db.ledger.reconciliationItems().map(\.id))
    }

    /// A hand-made directory envelope.
    static func envelope(
        by who: NodeIdentity, sequence: UInt64, deps: [[UInt8]], clock: UInt64, table: String = "service", id: String = "svc-1",
        name: String = "Forged name"
    ) -> Envelope {
        let fields = JSONObject([("id", .string(id)), ("organization_id", .string("org-1")), ("name", .string(name)), ("status", .string("active"))])
        return EnvelopeCrypto.sign(
            kind: .directoryRecord, scope: "public", payload: DirectoryPayload(table: table, id: id, fields: fields).encoded(), by: who,
            sequence: sequence, dependencies: deps, clock: clock)
    }

    func published() throws -> (NodeDatabase, [[UInt8]]) {
        let a = try NodeDatabase.inTestFederation()
        try a.ledger.publish(Self.rows(), identity: alice, nowMilliseconds: Fixtures.publishedAt)
        return (a, try Self.wires(a))
    }

    @Test func aNodeTakesInAnotherNodesEnvelopesAndShowsTheSameRows() throws {
        try withLargeStack {
            let (a, wires) = try published()
            let b = try NodeDatabase.inTestFederation()
            let report = try b.ledger.ingest(wires.reversed(), from: "test", nowMilliseconds: Self.now)
            #expect(report.accepted == 2 && report.rejected.isEmpty && report.pending == 0)
            #expect(try b.allRecords() == a.allRecords())
            let again = try b.ledger.ingest(wires, from: "test", nowMilliseconds: Self.now)
            #expect(again.duplicates == 2 && again.accepted == 0)
        }
    }

    /// A row's envelopes split every way across batches (one before, several within one, a forged one
    /// among them): the rows shown are the publisher's, whatever the split, and the forged one is refused.
    @Test(arguments: [1, 2, 3, 5, 8])
    func editsSplitAcrossBatchesFoldToThePublishersRows(_ batchSize: Int) throws {
        try withLargeStack {
            let a = try NodeDatabase.inTestFederation()
            try a.ledger.publish(Self.rows(), identity: alice, nowMilliseconds: Fixtures.publishedAt)
            for (i, name) in ["Homework club", "Homework club (Tuesdays)", "Homework and study club"].enumerated() {
                try a.ledger.publish(Self.rows(name: name), identity: alice, nowMilliseconds: Fixtures.publishedAt + UInt64(i + 1) * 1000)
            }
            var wires = try Self.wires(a)
            // Mallory's edit of Alice's service, depending on nothing Alice wrote.
            wires.insert(Self.envelope(by: mallory, sequence: 1, deps: [], clock: HybridClock.pack(milliseconds: Fixtures.publishedAt + 500, counter: 0)).encoded(), at: 2)
            let b = try NodeDatabase.inTestFederation()
            let batches = stride(from: 0, to: wires.count, by: batchSize).map { Array(wires[$0..<min(wires.count, $0 + batchSize)]) }
            let report = try b.ledger.ingest(batches: batches, from: "test", nowMilliseconds: Self.now)
            #expect(report.rejected.map(\.reason) == [.notOwner])
            #expect(try b.allRecords() == a.allRecords())
            #expect(try b.allRecords().contains { $0.string("name") == "Homework and study club" })
        }
    }

    /// A batch is admitted a chunk at a time inside its transaction: an envelope whose dependency is
    /// in a later chunk of the same batch waits for it, and nothing is lost, whatever the order.
    @Test func aBatchInAnyOrderAcrossItsChunksIsTakenInWhole() throws {
        try withLargeStack {
            let count = IngestPipeline.chunkSize * 2 + 100
            var wires: [[UInt8]] = []
            var last: [UInt8]?
            for i in 1...count {
                let e = Self.envelope(
                    by: alice, sequence: UInt64(i), deps: last.map { [$0] } ?? [], clock: HybridClock.pack(milliseconds: Fixtures.publishedAt + UInt64(i), counter: 0),
                    id: "svc-\(i)", name: "Club \(i)")
                last = EnvelopeCrypto.id(of: e)
                wires.append(e.encoded())
            }
            for order in [wires, wires.reversed(), wires.enumerated().sorted { ($0.offset * 7919) % count < ($1.offset * 7919) % count }.map(\.element)] {
                let b = try NodeDatabase.inTestFederation()
                let report = try b.ledger.ingest(batches: [Array(order.prefix(count - 50)), Array(order.suffix(50))], from: "test", nowMilliseconds: Self.now)
                #expect(report.accepted == count)
                #expect(report.rejected.isEmpty)
                #expect(try b.allRecords().count == count)
                #expect(try b.record(table: "service", id: "svc-\(count)")?.string("name") == "Club \(count)")
            }
        }
    }

    /// The background verifier keeps within two chunks of the writer (what it verified ahead is held
    /// in memory, decoded and parsed), goes on as the writer asks for more, and stops when the writer
    /// is done with the batch, even part-way.
    @Test func theVerifierStaysWithinTwoChunksOfTheWriter() throws {
        let count = IngestPipeline.chunkSize * 6
        let job = VerifyJob(Array(repeating: Envelope.magic + [1, 0, 0], count: count))
        let finished = DispatchSemaphore(value: 0)
        // A thread of its own, as the pipeline's verifier has: a busy shared pool cannot hold it up.
        Thread.detachNewThread {
            job.work()
            finished.signal()
        }
        func settled(at expected: Int) -> Int {
            // It stops on its own: waiting longer changes nothing.
            let deadline = Date().addingTimeInterval(10)
            while job.verifiedCount < expected && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
            Thread.sleep(forTimeInterval: 0.2)
            return job.verifiedCount
        }
        #expect(settled(at: 2 * IngestPipeline.chunkSize) == 2 * IngestPipeline.chunkSize)
        #expect(job.results(0..<IngestPipeline.chunkSize).count == IngestPipeline.chunkSize)
        #expect(settled(at: 3 * IngestPipeline.chunkSize) == 3 * IngestPipeline.chunkSize)
        #expect(finished.wait(timeout: .now() + 0.1) == .timedOut)
        job.release()
        #expect(finished.wait(timeout: .now() + 10) == .success)
        #expect(job.verifiedCount < count)
    }

    /// A session that ends without writing its last batch (a peer that sent what it must not) drops
    /// its pipeline: the verifier waiting for that batch's writer stops.
    @Test func aPipelineDroppedWithABatchUnwrittenStopsItsVerifier() throws {
        var pipeline: IngestPipeline? = IngestPipeline(database: try NodeDatabase(), peer: "test")
        _ = try pipeline!.add(Array(repeating: Envelope.magic + [1, 0, 0], count: IngestPipeline.chunkSize * 6), nowMilliseconds: Self.now)
        let job = try #require(pipeline!.pendingJob)
        let deadline = Date().addingTimeInterval(10)
        while job.verifiedCount < 2 * IngestPipeline.chunkSize && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        #expect(!job.workerFinished, "it waits for the writer")
        pipeline = nil
        while !job.workerFinished && Date() < deadline.addingTimeInterval(10) { Thread.sleep(forTimeInterval: 0.01) }
        #expect(job.workerFinished)
        #expect(job.verifiedCount < IngestPipeline.chunkSize * 6)
    }

    /// A fetch answer comes oldest clock first, whatever order the ids were asked in, so the chunks of
    /// the batch a peer takes in bring dependencies before their dependents.
    @Test func envelopesComeOldestClockFirst() throws {
        try withLargeStack {
            let a = try NodeDatabase.inTestFederation()
            for (i, name) in ["Homework club", "Homework club (Tuesdays)", "Homework and study club", "Study club"].enumerated() {
                try a.ledger.publish(Self.rows(name: name), identity: alice, nowMilliseconds: Fixtures.publishedAt + UInt64(i) * 1000)
            }
            let ids = try a.ledger.reconciliationItems().map(\.id)
            #expect(ids.count >= 5)
            for asked in [Array(ids.reversed()), ids.map { Array($0.prefix(RangeReconciler.prefixSize)) }.shuffled()] {
                let clocks = try a.ledger.envelopes(asked).map { try Envelope.decode($0).header.clock }
                #expect(clocks.count == ids.count)
                #expect(clocks == clocks.sorted())
            }
        }
    }

    @Test func forgedAlteredAndMalformedEnvelopesChangeNothing() throws {
        try withLargeStack {
            let (_, wires) = try published()
            let b = try NodeDatabase.inTestFederation()
            try b.ledger.ingest(wires, from: "test", nowMilliseconds: Self.now)
            let before = try b.allRecords()
            let owned = try Self.wires(b)
            let last = try Envelope.decode(owned.last!)
            var forged = Self.envelope(by: alice, sequence: 3, deps: [EnvelopeCrypto.id(of: last)], clock: last.header.clock + 1)
            forged.signature[5] ^= 1
            var altered = Self.envelope(by: alice, sequence: 3, deps: [EnvelopeCrypto.id(of: last)], clock: last.header.clock + 1)
            altered.payload![altered.payload!.count - 3] ^= 1
            // A genuine envelope stripped of its payload: same id as the real one, so it must not be taken in.
            var stripped = Self.envelope(by: alice, sequence: 3, deps: [EnvelopeCrypto.id(of: last)], clock: last.header.clock + 1, name: "Real")
            let real = stripped.encoded()
            stripped.payload = nil
            let report = try b.ledger.ingest(
                [forged.encoded(), altered.encoded(), [0x57, 0x4D, 0x01], [], stripped.encoded()], from: "mallory", nowMilliseconds: Self.now)
            #expect(report.accepted == 0)
            #expect(Set(report.rejected.map(\.reason)) == [.badSignature, .payloadMismatch, .malformed, .badPayload])
            #expect(try b.allRecords() == before)
            #expect(try b.ledger.rejections().count == 5)
            #expect(try b.ledger.ingest([real], from: "alice", nowMilliseconds: Self.now).accepted == 1)
            #expect(try b.record(table: "service", id: "svc-1")?.string("name") == "Real")
        }
    }

    @Test func onlyTheOwnerCanChangeARow() throws {
        try withLargeStack {
            let (a, wires) = try published()
            let b = try NodeDatabase.inTestFederation()
            try b.ledger.ingest(wires, from: "test", nowMilliseconds: Self.now)
            let hijack = Self.envelope(by: mallory, sequence: 1, deps: [], clock: HybridClock.pack(milliseconds: Self.now, counter: 0))
            let report = try b.ledger.ingest([hijack.encoded()], from: "mallory", nowMilliseconds: Self.now)
            #expect(report.rejected.map(\.reason) == [.notOwner])
            #expect(try b.allRecords() == a.allRecords())
            #expect(try b.ledger.rejections().first?.reason == "not-owner")
            // The owner's own later edit still applies.
            try a.ledger.publish(Self.rows(name: "Homework club (Tuesdays)"), identity: alice, nowMilliseconds: Self.now)
            _ = try b.ledger.ingest(Self.wires(a), from: "test", nowMilliseconds: Self.now)
            #expect(try b.record(table: "service", id: "svc-1")?.string("name") == "Homework club (Tuesdays)")
        }
    }

    @Test func forksAreKeptAndTheAuthorIsFlagged() throws {
        try withLargeStack {
            let (_, wires) = try published()
            let b = try NodeDatabase.inTestFederation()
            try b.ledger.ingest(wires, from: "test", nowMilliseconds: Self.now)
            let last = try Envelope.decode(Self.wires(b).last!)
            let dep = [EnvelopeCrypto.id(of: last)]
            let one = Self.envelope(by: alice, sequence: 3, deps: dep, clock: last.header.clock + 1, name: "Branch one")
            let two = Self.envelope(by: alice, sequence: 3, deps: dep, clock: last.header.clock + 2, name: "Branch two")
            let report = try b.ledger.ingest([one.encoded(), two.encoded()], from: "test", nowMilliseconds: Self.now)
            #expect(report.accepted == 2 && report.forks == 1)
            #expect(try b.ledger.forkedAuthors().map(\.fingerprint) == [alice.fingerprint])
            #expect(try b.ledger.rejections().first?.reason == "fork")
            // The merge still decides alike everywhere: the later of the two wins on every node.
            #expect(try b.record(table: "service", id: "svc-1")?.string("name") == "Branch two")
        }
    }

    /// No clock is refused for being ahead; an author's own chain may go back in time (a clock put
    /// right); only a clock past the year 4199, a broken chain and a clock not after another author's
    /// dependency are refused.
    @Test func onlyImpossibleClocksAndBrokenChainsAreRefused() throws {
        try withLargeStack {
            let b = try NodeDatabase.inTestFederation()
            let first = Self.envelope(by: mallory, sequence: 1, deps: [], clock: HybridClock.pack(milliseconds: Self.now, counter: 0), id: "a")
            let ahead = Self.envelope(
                by: mallory, sequence: 2, deps: [EnvelopeCrypto.id(of: first)], clock: HybridClock.pack(milliseconds: Self.now + 86_400_000, counter: 0),
                id: "b")
            let putRight = Self.envelope(
                by: mallory, sequence: 3, deps: [EnvelopeCrypto.id(of: ahead)], clock: HybridClock.pack(milliseconds: Self.now + 1, counter: 0), id: "c")
            let impossible = Self.envelope(
                by: mallory, sequence: 1, deps: [], clock: HybridClock.pack(milliseconds: AdmissionRules.latestClockMilliseconds + 1, counter: 0), id: "d")
            let skipped = Self.envelope(by: mallory, sequence: 5, deps: [], clock: HybridClock.pack(milliseconds: Self.now, counter: 5), id: "e")
            let beforeAnother = Self.envelope(
                by: alice, sequence: 1, deps: [EnvelopeCrypto.id(of: ahead)], clock: HybridClock.pack(milliseconds: Self.now + 2, counter: 0), id: "f")
            let report = try b.ledger.ingest(
                [first, ahead, putRight, impossible, skipped, beforeAnother].map { $0.encoded() }, from: "m", nowMilliseconds: Self.now)
            #expect(report.accepted == 3)
            #expect(Set(report.rejected.map(\.reason)) == [.farFuture, .brokenChain, .clockNotAfterDependencies])
        }
    }

    /// A node whose clock ran a day fast, then was put right: what it signs next is dated at the right
    /// time, peers take it in, and its edit of a row it published while fast still wins.
    @Test func aNodeWhoseClockRanFastWorksAsSoonAsItIsPutRight() throws {
        try withLargeStack {
            let a = try NodeDatabase.inTestFederation()
            let b = try NodeDatabase.inTestFederation()
            let day: UInt64 = 86_400_000
            try a.ledger.publish(Self.rows(), identity: alice, nowMilliseconds: Self.now + day)
            try a.ledger.publish(
                Self.rows(name: "Homework club (put right)")
                    + [HSDSRecord(table: "location", id: "loc-1", fields: JSONObject([("id", .string("loc-1")), ("name", .string("Hall"))]))],
                identity: alice, nowMilliseconds: Self.now)
            let report = try b.ledger.ingest(try Self.wires(a), from: "a", nowMilliseconds: Self.now)
            #expect(report.rejected.isEmpty && report.accepted == 4)
            #expect(try b.ledger.counts().pending == 0)
            #expect(try b.record(table: "service", id: "svc-1")?.string("name") == "Homework club (put right)")
            let clocks = try b.ledger.reconciliationItems().map { HybridClock.milliseconds($0.timestamp) }
            #expect(clocks.filter { $0 < Self.now + 60_000 }.count == 1, "the new row is dated now: \(clocks)")
            #expect(clocks.filter { $0 >= Self.now + day }.count == 3, "the edit is dated after the row it replaces: \(clocks)")
        }
    }

    @Test func envelopesWaitForTheirDependenciesThenApply() throws {
        try withLargeStack {
            let (a, wires) = try published()
            let b = try NodeDatabase.inTestFederation()
            let late = try b.ledger.ingest([wires[1]], from: "test", nowMilliseconds: Self.now)
            #expect(late.pending == 1 && late.accepted == 0)
            #expect(try b.ledger.counts().pending == 1)
            let rest = try b.ledger.ingest([wires[0]], from: "test", nowMilliseconds: Self.now)
            #expect(rest.accepted == 2)
            #expect(try b.ledger.counts().pending == 0)
            #expect(try b.allRecords() == a.allRecords())
        }
    }

    /// The row text cut from a canonical payload is the text the row would be written as.
    @Test func aRowsTextIsCutFromItsCanonicalPayload() throws {
        for (id, name) in [("svc-1", "Homework club"), ("ids \"quoted\" \\ é/ü\t", "Café \"Óg\"\n"), ("x", "")] {
            let fields = JSONObject([("id", .string(id)), ("name", .string(name)), ("z", .array([.bool(true), .null])), ("age", .number("4.50"))])
            let payload = DirectoryPayload(table: "service", id: id, fields: fields)
            let e = EnvelopeCrypto.sign(kind: .directoryRecord, scope: "public", payload: payload.encoded(), by: alice, sequence: 1, dependencies: [], clock: 1)
            let v = VerifiedEnvelope(envelope: e, id: EnvelopeCrypto.id(of: e), wire: e.encoded())
            #expect(v.body == String(decoding: HSDSRecord(table: "service", id: id, fields: fields).canonicalBytes, as: UTF8.self))
            #expect(VerifiedEnvelope.fieldsText(payload.encoded(), payload) != nil, "the cut was made, not the fallback")
        }
    }

    @Test func aFloodOfEnvelopesWithMissingDependenciesIsBounded() throws {
        try withLargeStack {
            let b = try NodeDatabase.inTestFederation()
            let limit = AdmissionLimits.node.heldBackPerPeer
            let flood = (0...limit).map { i in
                Self.envelope(
                    by: mallory, sequence: 1, deps: [Blake2b.hash(Array("missing \(i)".utf8))],
                    clock: HybridClock.pack(milliseconds: Self.now, counter: UInt16(i % 60_000)), id: "flood-\(i)"
                ).encoded()
            }
            let report = try b.ledger.ingest(flood, from: "mallory", nowMilliseconds: Self.now)
            #expect(report.pending == limit)
            #expect(report.rejected.map(\.reason) == [.missingDependenciesOverflow])
            #expect(try b.allRecords().isEmpty)
        }
    }

    /// A member that signs envelope after envelope fills no more of this node than the quota per
    /// author; the node shows what each member takes; a raised quota lets the rest in when offered again.
    @Test func aMemberFillsNoMoreOfTheNodeThanItsQuota() throws {
        try withLargeStack {
            let a = try NodeDatabase.inTestFederation()
            let rows = (1...40).map { i in
                HSDSRecord(
                    table: "service", id: "svc-\(i)",
                    fields: JSONObject([
                        ("id", .string("svc-\(i)")), ("organization_id", .string("org-1")), ("name", .string("Service \(i)")),
                        ("description", .string(String(repeating: "Long text. ", count: 200))), ("status", .string("active")),
                    ]))
            }
            try a.ledger.publish(Self.rows() + rows, identity: alice, nowMilliseconds: Fixtures.publishedAt)
            let wires = try Self.wires(a)
            let b = try NodeDatabase.inTestFederation()
            try b.setSetting(NodeDatabase.authorQuotaSetting, "40000")
            let report = try b.ledger.ingest(wires, from: "peer-1", nowMilliseconds: Self.now)
            let refused = report.rejected.filter { $0.reason == .overQuota }
            #expect(report.accepted > 5 && !refused.isEmpty, "some came in, the rest were refused: \(report)")
            let usage = try b.ledger.storageByAuthor()
            #expect(usage.count == 1 && usage[0].author == alice.signingPublicKey && usage[0].envelopes == report.accepted)
            #expect(usage[0].bytes <= 40_000 && usage[0].bytes > 30_000)
            // What was refused is neither stored nor held back, and no refusal counts against the peer.
            #expect(try b.ledger.envelopes(b.ledger.reconciliationItems().map(\.id)).count == report.accepted)
            // Raised: offered again, the rest comes in.
            try b.setSetting(NodeDatabase.authorQuotaSetting, String(1 << 30))
            let again = try b.ledger.ingest(wires, from: "peer-1", nowMilliseconds: Self.now)
            #expect(again.rejected.isEmpty && report.accepted + again.accepted == wires.count)
            #expect(try b.allRecords() == a.allRecords())
            // The node's own envelopes count against no quota.
            try a.setSetting(NodeDatabase.authorQuotaSetting, "1000")
            try a.ledger.publish([Self.rows(name: "Homework club (new times)")[1]], identity: alice, nowMilliseconds: Self.now)
            #expect(try Self.wires(a).count == wires.count + 1)
        }
    }

    /// One author's envelopes, relayed by several peers, still take at most its share of the queue.
    @Test func oneAuthorsHeldBackEnvelopesAreBoundedWhoeverRelaysThem() throws {
        try withLargeStack {
            let b = try NodeDatabase.inTestFederation()
            let limit = AdmissionLimits.node.heldBackPerAuthor
            let flood = (0...limit).map { i in
                Self.envelope(
                    by: mallory, sequence: 1, deps: [Blake2b.hash(Array("missing \(i)".utf8))],
                    clock: HybridClock.pack(milliseconds: Self.now, counter: UInt16(i % 60_000)), id: "flood-\(i)"
                ).encoded()
            }
            let first = try b.ledger.ingest(Array(flood.prefix(limit - 1_000)), from: "peer-1", nowMilliseconds: Self.now)
            let second = try b.ledger.ingest(Array(flood.suffix(1_001)), from: "peer-2", nowMilliseconds: Self.now)
            #expect(first.pending == limit - 1_000 && first.rejected.isEmpty)
            #expect(second.pending == 1_000)
            #expect(second.rejected.map(\.reason) == [.missingDependenciesOverflow])
            // Another author still has room.
            let other = Self.envelope(by: alice, sequence: 1, deps: [Blake2b.hash(Array("missing".utf8))], clock: HybridClock.pack(milliseconds: Self.now, counter: 1))
            #expect(try b.ledger.ingest([other.encoded()], from: "peer-2", nowMilliseconds: Self.now).pending == 1)
        }
    }

    @Test func deletionsSpread() throws {
        try withLargeStack {
            let (a, _) = try published()
            try a.ledger.publish([], deleting: [("service", "svc-1")], identity: alice, nowMilliseconds: Self.now)
            let b = try NodeDatabase.inTestFederation()
            try b.ledger.ingest(Self.wires(a), from: "test", nowMilliseconds: Self.now)
            #expect(try b.record(table: "service", id: "svc-1") == nil)
            #expect(try b.record(table: "organization", id: "org-1") != nil)
        }
    }

    @Test func aFullDiskDuringIngestLosesNothing() throws {
        try withLargeStack {
            let a = try NodeDatabase.inTestFederation()
            try a.ledger.publish(Array(SampleDirectory.ballymun().prefix(400)), identity: alice, nowMilliseconds: Fixtures.publishedAt)
            let queue = try DatabaseQueue()
            let b = try NodeDatabase(writer: queue)
            let pages = try queue.read { try Int.fetchOne($0, sql: "PRAGMA page_count") } ?? 0
            try queue.write { try $0.execute(sql: "PRAGMA max_page_count = \(pages + 4)") }
            #expect(throws: DatabaseError.self) { try b.ledger.ingest(Self.wires(a), from: "test", nowMilliseconds: Self.now) }
            #expect(try b.ledger.counts().envelopes == 0)
            #expect(try b.allRecords().isEmpty)
        }
    }
}

/// After small changes, only the affected service documents are rebuilt; they must equal a full rebuild.
struct IncrementalDocumentTests {
    static func documents(_ db: NodeDatabase) throws -> [String: String] {
        try db.writer.read { db in
            Dictionary(
                uniqueKeysWithValues: try Row.fetchAll(
                    db, sql: "SELECT d.service_id, d.list_json || '|' || f.full_json || '|' || d.last_modified AS doc FROM service_doc d JOIN service_full f ON f.rowid = d.rowid"
                ).map { ($0["service_id"] as String, $0["doc"] as String) })
        }
    }

    @Test func smallChangesRebuildOnlyWhatTheyTouchAndMatchAFullRebuild() throws {
        try withLargeStack {
            let me = Fixtures.publisher
            let db = try NodeDatabase.inTestFederation()
            let sample = SampleDirectory.ballymun()
            try db.ledger.publish(sample, identity: me, nowMilliseconds: Fixtures.publishedAt)
            func changed(_ table: String, _ field: String, _ value: String, nth: Int = 3) -> HSDSRecord {
                var r = sample.filter { $0.table == table }[nth]
                r.fields[field] = .string(value)
                return r
            }
            let location = sample.first { $0.table == "location" }!
            let service = sample.first { $0.table == "service" }!
            try db.ledger.publish(
                [
                    changed("organization", "name", "Renamed organisation"), changed("address", "address_1", "1 New Street"),
                    changed("schedule", "description", "Mondays only"), changed("phone", "number", "01 555 0000"),
                    changed("location", "name", "New hall"),
                ], deleting: [("service_at_location", sample.first { $0.table == "service_at_location" }!.id)], identity: me,
                nowMilliseconds: Fixtures.publishedAt + 1000)
            try db.ledger.publish(
                [HSDSRecord(table: "service", id: "new-service", fields: JSONObject([("id", .string("new-service")), ("name", .string("Brand new club")), ("status", .string("active")), ("organization_id", service.fields["organization_id"]!)]))],
                deleting: [("accessibility", sample.first { $0.table == "accessibility" && $0.string("location_id") == location.id }?.id ?? "none")],
                identity: me, nowMilliseconds: Fixtures.publishedAt + 2000)
            let incremental = try Self.documents(db)
            try db.writer.write { db in _ = try NodeDatabase.rebuildDerived(db) }
            let full = try Self.documents(db)
            #expect(incremental.count == full.count)
            #expect(incremental == full)
            let directory = Directory(database: db)
            var q = SearchQuery()
            q.text = "brand new club"
            #expect(try directory.search(q, now: Fixtures.mondayMorning).total >= 1)
        }
    }
}

struct DependentRowsTests {
    @Test func deletingAServiceTakesTheRowsUnderItWithIt() throws {
        try withLargeStack {
            let db = try NodeDatabase.inTestFederation()
            let sample = SampleDirectory.ballymun()
            try db.ledger.publish(sample, identity: Fixtures.publisher, nowMilliseconds: Fixtures.publishedAt)
            let service = sample.first { $0.table == "service" }!
            let under = try db.dependents(table: "service", id: service.id)
            let tables = Set(under.map(\.table))
            #expect(tables.isSuperset(of: ["service_at_location", "schedule", "cost_option", "attribute"]))
            #expect(!tables.contains("organization") && !tables.contains("location"))
            try db.ledger.publish([], deleting: [("service", service.id)] + under, identity: Fixtures.publisher, nowMilliseconds: Fixtures.publishedAt + 1)
            let left = try db.allRecords().filter { $0.string("service_id") == service.id || $0.string("link_id") == service.id }
            #expect(left.isEmpty)
            #expect(try db.record(table: "organization", id: service.string("organization_id")!) != nil)
        }
    }
}

struct CrossPublisherTests {
    /// Another organisation cannot add rows (a phone number, a schedule) to a service it does not publish.
    @Test func rowsUnderAnotherPublishersServiceAreNotShown() throws {
        try withLargeStack {
            let alice = Fixtures.identity(1)
            let mallory = Fixtures.identity(66)
            let a = try NodeDatabase.inTestFederation()
            try a.ledger.publish(LedgerTests.rows(), identity: alice, nowMilliseconds: Fixtures.publishedAt)
            let m = try NodeDatabase.inTestFederation()
            try m.ledger.ingest(LedgerTests.wires(a), from: "alice", nowMilliseconds: LedgerTests.now)
            let phone = HSDSRecord(
                table: "phone", id: "phone-x",
                fields: JSONObject([("id", .string("phone-x")), ("service_id", .string("svc-1")), ("number", .string("1800 SCAM"))]))
            try m.ledger.publish([phone], identity: mallory, nowMilliseconds: LedgerTests.now)
            try a.ledger.ingest(LedgerTests.wires(m), from: "mallory", nowMilliseconds: LedgerTests.now + 1)
            for db in [a, m] {
                #expect(try db.record(table: "phone", id: "phone-x") != nil, "the row itself is held")
                let incremental = try db.writer.read { try DatabaseRowSource($0).serviceDocuments(["svc-1"], full: true) }["svc-1"] ?? ""
                try db.writer.write { _ = try NodeDatabase.rebuildDerived($0) }
                let full = try db.writer.read { try DatabaseRowSource($0).serviceDocuments(["svc-1"], full: true) }["svc-1"] ?? ""
                #expect(!incremental.isEmpty && !incremental.contains("1800 SCAM"))
                #expect(full == incremental)
            }
            // The owner's own phone number is shown.
            let own = HSDSRecord(
                table: "phone", id: "phone-own",
                fields: JSONObject([("id", .string("phone-own")), ("service_id", .string("svc-1")), ("number", .string("01 555 1234"))]))
            try a.ledger.publish([own], identity: alice, nowMilliseconds: LedgerTests.now + 2)
            let doc = try a.writer.read { try DatabaseRowSource($0).serviceDocuments(["svc-1"], full: true) }["svc-1"] ?? ""
            #expect(doc.contains("01 555 1234"))
        }
    }
}
