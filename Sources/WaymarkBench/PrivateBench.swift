import Dispatch
import Foundation
import WaymarkCore
import WaymarkCrypto
import WaymarkStore
import WaymarkTestKit

/// Journey CRM benchmarks: sealing and opening private envelopes (per record, and a batch on all
/// cores), and taking private envelopes into SQLite as a relay or a recipient does.
extension WaymarkBench {
    static func privateRecords() throws {
        let home = Fixtures.identity(1), partner = Fixtures.identity(2)
        let circle = Circle(owner: home.signingPublicKey, random: Array(0..<12)).scope
        let plaintext = JourneyPayload.referral(
            ReferralRecord(
                id: "referral-0", to: hexString(partner.signingPublicKey), serviceName: "Computer skills course", clientName: "Sample Client",
                clientDateOfBirth: "1990-01-01", clientContact: "087 000 0000", needs: ["training", "employment"],
                note: String(repeating: "A note about what the client wants. ", count: 6))
        ).encoded()
        let n = 4000
        let relayIdentity = Fixtures.identity(3)
        let tagKey = SealedEnvelope.ownTagKey(circle: circle, identity: home)
        print("== private records: a referral (\(plaintext.count) B of JSON) to 2 recipients, \(n) envelopes; version 1 (kind and circle in the header) beside sealed (§8.10)")
        var rows: [(String, String, String)] = []
        var firstWire: [Int] = []
        for sealedRecords in [false, true] {
            var clock = HybridClock.pack(milliseconds: 1_795_305_600_000, counter: 0)
            var envelopes: [Envelope] = []
            envelopes.reserveCapacity(n)
            var last: [UInt8]?
            let seal = try seconds {
                for i in 0..<n {
                    clock += 1
                    let recipients = [home.encryptionPublicKey, partner.encryptionPublicKey]
                    let e =
                        sealedRecords
                        ? try SealedEnvelope.sign(
                            frame: SealedFrame(kind: .referral, circle: circle, tagKey: tagKey, index: UInt32(i), recipientKeyIDs: [], body: plaintext), recipients: recipients,
                            by: home, sequence: UInt64(i + 1), dependencies: last.map { [$0] } ?? [], clock: clock
                        ).envelope
                        : try PrivateEnvelope.sign(
                            kind: .referral, scope: circle, plaintext: plaintext, recipients: recipients, by: home, sequence: UInt64(i + 1),
                            dependencies: last.map { [$0] } ?? [], clock: clock
                        ).envelope
                    last = EnvelopeCrypto.id(of: e)
                    envelopes.append(e)
                }
            }
            var opened = 0
            let open = try seconds { for e in envelopes { opened += try partner.open(e).count } }
            precondition(opened == n * plaintext.count)
            // What a node that is not a recipient spends finding that out.
            var refused = 0
            let notMine = seconds { for e in envelopes where !relayIdentity.isRecipient(of: e) { refused += 1 } }
            precondition(refused == n)
            let cores = ProcessInfo.processInfo.activeProcessorCount
            let sealed = envelopes
            let openAll = seconds {
                DispatchQueue.concurrentPerform(iterations: cores) { w in
                    var i = w
                    while i < sealed.count {
                        precondition((try? partner.open(sealed[i])) != nil)
                        i += cores
                    }
                }
            }
            let wires = envelopes.map { $0.encoded() }
            firstWire.append(wires[0].count)
            // Taking them in as a relay (a member that is not a recipient, which tries each sealed
            // record with its key as it stores it) and as the recipient.
            func ingestRate(as opener: NodeIdentity) throws -> Double {
                let dir = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-bench-private-\(getpid())-\(UUID().uuidString)")
                try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
                defer { try? FileManager.default.removeItem(at: dir) }
                let db = try NodeDatabase(path: dir.appendingPathComponent("waymark.sqlite").path)
                try db.setFounders([home.signingPublicKey])
                db.opensSealed(with: opener)
                let batches = stride(from: 0, to: wires.count, by: IngestPipeline.batchSize).map { Array(wires[$0..<min(wires.count, $0 + IngestPipeline.batchSize)]) }
                var accepted = 0
                let t = try seconds { accepted = try db.ledger.ingest(batches: batches, from: "bench", nowMilliseconds: 1_795_305_700_000, refreshingDocuments: false).accepted }
                precondition(accepted == n)
                return Double(n) / t
            }
            let relay = try ingestRate(as: relayIdentity)
            let recipient = try ingestRate(as: partner)
            rows.append(("seal + sign, 1 core (µs/record)", String(format: "%.1f", seal / Double(n) * 1e6), ""))
            rows.append(("open as a recipient, 1 core (µs/record)", String(format: "%.1f", open / Double(n) * 1e6), ""))
            rows.append(("not a recipient: find out, 1 core (µs/record)", String(format: "%.2f", notMine / Double(n) * 1e6), ""))
            rows.append(("open a batch on \(cores) cores (µs/record)", String(format: "%.1f", openAll / Double(n) * 1e6), ""))
            rows.append(("ingest as a relay (records/s)", String(format: "%.0f", relay), ""))
            rows.append(("ingest as the recipient (records/s)", String(format: "%.0f", recipient), ""))
        }
        let half = rows.count / 2
        print(String(format: "  envelope on the wire: version 1 %d B, sealed %d B (padded to 1 KiB, 2 sealed keys without key ids)", firstWire[0], firstWire[1]))
        print("  " + "".padding(toLength: 50, withPad: " ", startingAt: 0) + "  version 1     sealed   sealed/v1")
        for i in 0..<half {
            let a = Double(rows[i].1) ?? 0, b = Double(rows[half + i].1) ?? 0
            print("  " + rows[i].0.padding(toLength: 50, withPad: " ", startingAt: 0) + rows[i].1.leftPadded(11) + rows[half + i].1.leftPadded(11)
                + String(format: "%11.2f", a > 0 ? b / a : 0))
        }
        try sealedErasures(plaintext: plaintext)
    }

    /// Erasures among sealed records, as a relay holds them (§8.10): what an erasure costs, and what
    /// each sealed record arriving costs, with 1,000 erasures held or none, side by side with what
    /// tags over sequence numbers cost (a keyed hash per record held for each erasure, and per erasure
    /// held for each record arriving), timed in the same run.
    static func sealedErasures(plaintext: [UInt8]) throws {
        let home = Fixtures.identity(1), partner = Fixtures.identity(2), relay = Fixtures.identity(3)
        let erasures = 1_000, perCircle = 4
        let homeCircles = (0..<erasures).map { i in Circle(owner: home.signingPublicKey, random: Array(0..<8) + [UInt8(i >> 8), UInt8(i & 0xFF), 0, 0]).scope }
        let partnerCircles = (0..<erasures).map { i in
            Circle(owner: partner.signingPublicKey, random: Array(0..<8) + [UInt8(i >> 8), UInt8(i & 0xFF), 1, 1]).scope
        }
        var clock = HybridClock.pack(milliseconds: 1_795_305_600_000, counter: 0)
        // Each author's chain: its records, round-robin over its circles (index = the round), then (for
        // the home organisation) an erasure of each of its circles.
        func chain(_ who: NodeIdentity, _ circles: [String], erasing: Bool) throws -> [[UInt8]] {
            var out: [[UInt8]] = []
            var last: [UInt8]?
            var sequence: UInt64 = 0
            func add(_ e: Envelope) {
                last = EnvelopeCrypto.id(of: e)
                out.append(e.encoded())
            }
            for round in 0..<perCircle {
                for c in circles {
                    clock += 1
                    sequence += 1
                    add(
                        try SealedEnvelope.sign(
                            frame: SealedFrame(
                                kind: .referral, circle: c, tagKey: SealedEnvelope.ownTagKey(circle: c, identity: who), index: UInt32(round), recipientKeyIDs: [],
                                body: plaintext),
                            recipients: [who.encryptionPublicKey, (who.signingPublicKey == home.signingPublicKey ? partner : home).encryptionPublicKey], by: who, sequence: sequence,
                            dependencies: last.map { [$0] } ?? [], clock: clock
                        ).envelope)
                }
            }
            if erasing {
                for c in circles {
                    clock += 1
                    sequence += 1
                    add(
                        EnvelopeCrypto.sign(
                            kind: .erasure, scope: c,
                            payload: JourneyPayload.erasure(Erasure(circle: c, requestedOn: "2026-12-07", tagSecret: SealedEnvelope.ownTagSecret(circle: c, identity: who)))
                                .encoded(), by: who, sequence: sequence, dependencies: last.map { [$0] } ?? [], clock: clock))
                }
            }
            return out
        }
        let homeChain = try chain(home, homeCircles, erasing: true)
        let records = Array(homeChain.prefix(erasures * perCircle)), erasureWires = Array(homeChain.suffix(erasures))
        let arriving = try chain(partner, partnerCircles, erasing: false)
        func batches(_ w: [[UInt8]]) -> [[[UInt8]]] {
            stride(from: 0, to: w.count, by: IngestPipeline.batchSize).map { Array(w[$0..<min(w.count, $0 + IngestPipeline.batchSize)]) }
        }
        func relayDatabase() throws -> (NodeDatabase, URL) {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-bench-erasure-\(getpid())-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let db = try NodeDatabase(path: dir.appendingPathComponent("waymark.sqlite").path)
            try db.setFounders([home.signingPublicKey, partner.signingPublicKey])
            db.opensSealed(with: relay)
            return (db, dir)
        }
        let now: UInt64 = 1_795_305_700_000
        // With the erasures: the home organisation's records, its 1,000 erasures, then the partner's records.
        let (a, dirA) = try relayDatabase()
        defer { try? FileManager.default.removeItem(at: dirA) }
        _ = try a.ledger.ingest(batches: batches(records), from: "bench", nowMilliseconds: now, refreshingDocuments: false)
        var erased = 0
        let erasing = try seconds { erased = try a.ledger.ingest(batches: batches(erasureWires), from: "bench", nowMilliseconds: now, refreshingDocuments: false).accepted }
        precondition(erased == erasures)
        var accepted = 0
        let withErasures = try seconds { accepted = try a.ledger.ingest(batches: batches(arriving), from: "bench", nowMilliseconds: now, refreshingDocuments: false).accepted }
        precondition(accepted == arriving.count)
        let held = try a.ledger.envelopes(records.map { EnvelopeCrypto.id(of: try Envelope.decode($0)) })
        let stripped = try held.filter { try Envelope.decode($0).payload == nil }.count
        precondition(stripped == records.count, "every record of the erased circles is stripped (\(stripped))")
        // Without: the same records, no erasure.
        let (b, dirB) = try relayDatabase()
        defer { try? FileManager.default.removeItem(at: dirB) }
        _ = try b.ledger.ingest(batches: batches(records), from: "bench", nowMilliseconds: now, refreshingDocuments: false)
        let withoutErasures = try seconds { accepted = try b.ledger.ingest(batches: batches(arriving), from: "bench", nowMilliseconds: now, refreshingDocuments: false).accepted }
        precondition(accepted == arriving.count)
        // Catching up from a relay: one circle's 2,000 records, stripped there, with the erasure that
        // depends on them, in one message (each copy explained by the erasure of the same batch).
        let big = Circle(owner: home.signingPublicKey, random: Array(repeating: 7, count: 12)).scope
        var bigChain: [[UInt8]] = []
        do {
            var last: [UInt8]?
            let key = SealedEnvelope.ownTagKey(circle: big, identity: home)
            for i in 0..<2_000 {
                clock += 1
                let e = try SealedEnvelope.sign(
                    frame: SealedFrame(kind: .progress, circle: big, tagKey: key, index: UInt32(i), recipientKeyIDs: [], body: plaintext),
                    recipients: [home.encryptionPublicKey, partner.encryptionPublicKey], by: home, sequence: UInt64(i + 1),
                    dependencies: last.map { [$0] } ?? [], clock: clock
                ).envelope.withoutPayload
                last = EnvelopeCrypto.id(of: e)
                bigChain.append(e.encoded())
            }
            clock += 1
            bigChain.append(
                EnvelopeCrypto.sign(
                    kind: .erasure, scope: big,
                    payload: JourneyPayload.erasure(Erasure(circle: big, requestedOn: "2026-12-07", tagSecret: SealedEnvelope.ownTagSecret(circle: big, identity: home)))
                        .encoded(), by: home, sequence: 2_001, dependencies: last.map { [$0] } ?? [], clock: clock
                ).encoded())
        }
        let (c, dirC) = try relayDatabase()
        defer { try? FileManager.default.removeItem(at: dirC) }
        let catchUp = try seconds { accepted = try c.ledger.ingest(bigChain, from: "relay", nowMilliseconds: now, refreshingDocuments: false).accepted }
        precondition(accepted == bigChain.count, "the stripped copies come in with their erasure (\(accepted))")
        // Tags over sequence numbers: the keyed hash each held record (or held erasure) cost, timed alone.
        let key = SealedEnvelope.ownTagKey(circle: homeCircles[0], identity: home)
        var sink: UInt8 = 0
        let hashes = 200_000
        let hashTime = seconds { for i in 0..<hashes { sink ^= SealedEnvelope.tag(key: key, author: home.signingPublicKey, index: UInt32(i))[0] } }
        let perHash = hashTime / Double(hashes)
        print(
            "== erasures among sealed records, as a relay: \(records.count) sealed records in \(erasures) circles held, then \(erasures) erasures, then \(arriving.count) more records (checksum \(sink & 0))"
        )
        print(String(format: "  one erasure (4 records of the circle found by look-up, and each author's next tag): %.1f µs", erasing / Double(erasures) * 1e6))
        print(
            String(
                format: "  the same by a keyed hash per sealed record held (tags over sequence numbers), at %d records held: %.1f µs; at 100,000: %.0f µs",
                records.count, perHash * Double(records.count) * 1e6, perHash * 100_000 * 1e6))
        print(String(format: "  records arriving, none erased: %.0f records/s; with %d erasures held: %.0f records/s (%.2f×)", Double(arriving.count) / withoutErasures,
            erasures, Double(arriving.count) / withErasures, withoutErasures / withErasures))
        print(
            String(
                format: "  a keyed hash per erasure held for each record arriving (tags over sequence numbers) would add %.0f µs a record at %d erasures held",
                perHash * Double(erasures) * 1e6, erasures))
        print(
            String(
                format: "  catching up from a relay: 2,000 stripped copies of one circle with its erasure, in one message: %.0f records/s",
                Double(bigChain.count) / catchUp))
    }
}

extension String {
    /// The string with spaces before it, to `width` characters.
    fileprivate func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
