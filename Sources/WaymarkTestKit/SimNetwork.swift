import WaymarkCore
import WaymarkCrypto

/// The simulated network shared by the simulations: anti-entropy sessions between replicas (range
/// reconciliation, then each side sends what the other lacks), with seeded drops, duplicates,
/// reordering, connections cut part-way, nodes that are down and a partition.
final class SimNetwork {
    let nodes: [SimReplica]
    var rng: SeededRandom
    let dropRate: Double
    let duplicateRate: Double
    var now: UInt64
    /// Node → the round it restarts.
    var down: [Int: Int] = [:]
    /// The side of each node while partitioned.
    var partition: [Int]?

    init(nodes: [SimReplica], rng: SeededRandom, dropRate: Double, duplicateRate: Double, now: UInt64) {
        self.nodes = nodes
        self.rng = rng
        self.dropRate = dropRate
        self.duplicateRate = duplicateRate
        self.now = now
    }

    func session(_ a: Int, _ b: Int, faulty: Bool) {
        if down[a] != nil || down[b] != nil { return }
        if let p = partition, p[a] != p[b] { return }
        let x = nodes[a]
        let y = nodes[b]
        // Equal sets short-circuit after one message in the protocol; the simulation skips it.
        if x.envelopeCount == y.envelopeCount && x.items == y.items { return }
        let initiator = RangeReconciler(items: x.items, role: .initiator, hash: { Blake2b.hash($0) })
        let responder = RangeReconciler(items: y.items, role: .responder, hash: { Blake2b.hash($0) })
        var message = initiator.initiate()
        var have: [[UInt8]] = []
        var need: [[UInt8]] = []
        for _ in 0..<24 {
            if faulty && Double.random(in: 0..<1, using: &rng) < dropRate { return }
            guard let answer = try? responder.receive(message).reply, let step = try? initiator.receive(answer) else { return }
            have += step.have
            need += step.need
            guard let next = step.reply else { break }
            message = next
        }
        func deliver(_ wires: [[UInt8]], from sender: SimReplica, to r: SimReplica) {
            var batch = wires
            if faulty {
                if Double.random(in: 0..<1, using: &rng) < dropRate { return }
                if Double.random(in: 0..<1, using: &rng) < duplicateRate { batch += batch.prefix(Int.random(in: 0...batch.count, using: &rng)) }
                batch.shuffle(using: &rng)
                // A connection cut part-way: only a prefix arrives.
                if Double.random(in: 0..<1, using: &rng) < dropRate { batch = Array(batch.prefix(Int.random(in: 0...batch.count, using: &rng))) }
            }
            r.ingest(batch, from: sender.peerName, nowMilliseconds: now)
        }
        deliver(y.wires(need), from: y, to: x)
        deliver(x.wires(have), from: x, to: y)
    }
}
