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
                            frame: SealedFrame(kind: .referral, circle: circle, tagKey: tagKey, recipientKeyIDs: [], body: plaintext), recipients: recipients,
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
            if sealedRecords {
                // An erasure: one keyed hash per sealed record held, to find the circle's by their tags.
                let headers = envelopes.map(\.header)
                var matched = 0
                let scan = seconds { for h in headers where SealedEnvelope.isTagged(h, by: tagKey) { matched += 1 } }
                precondition(matched == n)
                print(String(format: "  erasure: finding a circle's sealed records by tag: %.2f µs per sealed record held", scan / Double(n) * 1e6))
            }
        }
        let half = rows.count / 2
        print(String(format: "  envelope on the wire: version 1 %d B, sealed %d B (padded to 1 KiB, 2 sealed keys without key ids)", firstWire[0], firstWire[1]))
        print("  " + "".padding(toLength: 50, withPad: " ", startingAt: 0) + "  version 1     sealed   sealed/v1")
        for i in 0..<half {
            let a = Double(rows[i].1) ?? 0, b = Double(rows[half + i].1) ?? 0
            print("  " + rows[i].0.padding(toLength: 50, withPad: " ", startingAt: 0) + rows[i].1.leftPadded(11) + rows[half + i].1.leftPadded(11)
                + String(format: "%11.2f", a > 0 ? b / a : 0))
        }
    }
}

extension String {
    /// The string with spaces before it, to `width` characters.
    fileprivate func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
