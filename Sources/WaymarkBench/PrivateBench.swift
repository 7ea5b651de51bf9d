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
        var clock = HybridClock.pack(milliseconds: 1_795_305_600_000, counter: 0)
        var envelopes: [Envelope] = []
        envelopes.reserveCapacity(n)
        var last: [UInt8]?
        let seal = try seconds {
            for i in 0..<n {
                clock += 1
                let e = try PrivateEnvelope.sign(
                    kind: .referral, scope: circle, plaintext: plaintext, recipients: [home.encryptionPublicKey, partner.encryptionPublicKey], by: home,
                    sequence: UInt64(i + 1), dependencies: last.map { [$0] } ?? [], clock: clock
                ).envelope
                last = EnvelopeCrypto.id(of: e)
                envelopes.append(e)
            }
        }
        var opened = 0
        let open = try seconds { for e in envelopes { opened += try partner.open(e).count } }
        precondition(opened == n * plaintext.count)
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
        func ingestRate() throws -> Double {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-bench-private-\(getpid())-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            let db = try NodeDatabase(path: dir.appendingPathComponent("waymark.sqlite").path)
            try db.setFounders([home.signingPublicKey])
            let batches = stride(from: 0, to: wires.count, by: IngestPipeline.batchSize).map { Array(wires[$0..<min(wires.count, $0 + IngestPipeline.batchSize)]) }
            var accepted = 0
            let t = try seconds { accepted = try db.ledger.ingest(batches: batches, from: "bench", nowMilliseconds: 1_795_305_700_000, refreshingDocuments: false).accepted }
            precondition(accepted == n)
            return Double(n) / t
        }
        let relay = try ingestRate()
        print("== private envelopes: a referral (\(plaintext.count) B of JSON) to 2 recipients, \(n) envelopes")
        print("  envelope size on the wire:                          \(wires[0].count) B (header with 2 sealed keys, signature, ciphertext)")
        print(String(format: "  seal + sign, 1 core:            %8.1f µs/envelope  (%6.0f/s)", seal / Double(n) * 1e6, Double(n) / seal))
        print(String(format: "  open (unseal key + decrypt), 1 core: %5.1f µs/envelope  (%6.0f/s)", open / Double(n) * 1e6, Double(n) / open))
        print(String(format: "  open a batch of %d on %d cores:  %8.1f µs/envelope  (%6.0f/s)", n, cores, openAll / Double(n) * 1e6, Double(n) / openAll))
        print(String(format: "  ingest into SQLite (verify, judge, store; a relay or recipient): %6.0f envelopes/s", relay))
    }
}
