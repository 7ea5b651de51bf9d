import Dispatch
import WaymarkCore
import WaymarkCrypto

/// A deterministic simulation of many nodes in one process: seeded message drops, duplicates,
/// reordering, partitions, crashes and restarts, and Byzantine nodes, over the pure core's
/// admission rules, fold and reconciler. The same seed always replays the same run.
///
/// For example:
/// ```swift
/// let result = Simulation.run(seed: 42)
/// assert(result.converged, result.summary)
/// ```
public enum Simulation {
    public struct Config: Sendable {
        public var nodes = 50
        public var byzantine = 3
        public var rowsPerNode = 2
        public var faultRounds = 9
        public var maximumHealRounds = 40
        public var dropRate = 0.1
        public var duplicateRate = 0.15
        public var crashRate = 0.03
        public var editRate = 0.08
        public init() {}
    }

    public struct Result: Sendable {
        public var seed: UInt64
        public var converged: Bool
        /// Rounds after the faults stopped until every honest node held the same directory.
        public var healRounds: Int
        public var honestRows: Int
        public var rejections: [RejectionReason: Int]
        public var flaggedByzantine: Int
        public var summary: String {
            "seed \(seed): converged \(converged) after \(healRounds) heal rounds; \(honestRows) rows; rejections "
                + rejections.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue)=\($0.value)" }.joined(separator: " ")
                + "; replay with WAYMARK_SIM_SEED=\(seed) swift test --filter SimulationTests"
        }
    }

    static let start: UInt64 = 1_795_305_600_000

    /// Runs many seeds on every core.
    public static func run(seeds: [UInt64], config: Config = Config()) -> [Result] {
        let slots = ResultSlots<Result>(count: seeds.count)
        DispatchQueue.concurrentPerform(iterations: seeds.count) { i in slots.set(i, run(seed: seeds[i], config: config)) }
        return slots.values
    }

    /// One full run: faults for `faultRounds`, then healing until honest nodes agree.
    public static func run(seed: UInt64, config: Config = Config()) -> Result {
        var rng = SeededRandom(seed: seed)
        let cache = VerifyCache()
        let n = config.nodes
        let nodes = (0..<n).map { i in
            SimReplica(identity: try! NodeIdentity(signingSeed: seeded(seed, i, 1), encryptionSeed: seeded(seed, i, 2)), cache: cache)
        }
        let byzantine = Set((0..<config.byzantine).map { n - 1 - $0 })
        let honest = (0..<n).filter { !byzantine.contains($0) }
        var now = start
        var rowCounter = 0
        for i in 0..<n {
            nodes[i].publish(
                (0..<config.rowsPerNode).map { _ in
                    rowCounter += 1
                    return row("svc-\(i)-\(rowCounter)", name: "Service \(rowCounter)")
                }, nowMilliseconds: now)
        }
        var down: [Int: Int] = [:]  // node → round it restarts
        var partition: [Int]? = nil  // side of each node while partitioned

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
                if faulty && Double.random(in: 0..<1, using: &rng) < config.dropRate { return }
                guard let answer = try? responder.receive(message).reply, let step = try? initiator.receive(answer) else { return }
                have += step.have
                need += step.need
                guard let next = step.reply else { break }
                message = next
            }
            func deliver(_ wires: [[UInt8]], to r: SimReplica) {
                var batch = wires
                if faulty {
                    if Double.random(in: 0..<1, using: &rng) < config.dropRate { return }
                    if Double.random(in: 0..<1, using: &rng) < config.duplicateRate { batch += batch.prefix(Int.random(in: 0...batch.count, using: &rng)) }
                    batch.shuffle(using: &rng)
                    // A connection cut part-way: only a prefix arrives.
                    if Double.random(in: 0..<1, using: &rng) < config.dropRate { batch = Array(batch.prefix(Int.random(in: 0...batch.count, using: &rng))) }
                }
                r.ingest(batch, nowMilliseconds: now)
            }
            deliver(y.wires(need), to: x)
            deliver(x.wires(have), to: y)
        }

        func byzantineActs(_ b: Int, newValid: Bool) {
            let evil = nodes[b]
            guard let target = honest.randomElement(using: &rng) else { return }
            var batch: [[UInt8]] = []
            // A forged signature, an altered payload, garbage and truncated bytes.
            var forged = evil.sign(kind: .directoryRecord, payload: row("svc-x", name: "Forged").encoded(), nowMilliseconds: now, sequence: 9_999)
            forged.signature[0] ^= 0x80
            batch.append(forged.encoded())
            batch.append([UInt8](repeating: 0x57, count: Int.random(in: 0...40, using: &rng)))
            if let any = nodes[target].envelopes.values.first { batch.append(Array(any.prefix(any.count / 2))) }
            // A far-future clock.
            batch.append(
                evil.sign(
                    kind: .directoryRecord, payload: row("svc-future-\(b)", name: "Future").encoded(), nowMilliseconds: now, sequence: 9_998,
                    clockValue: HybridClock.pack(milliseconds: now + 3_600_000, counter: 0)
                ).encoded())
            // Dependencies that do not exist.
            for k in 0..<5 {
                let fake = EnvelopeCrypto.sign(
                    kind: .directoryRecord, scope: "public", payload: row("svc-ghost-\(b)-\(k)", name: "Ghost").encoded(), by: evil.identity,
                    sequence: 5_000 + UInt64(k), dependencies: [Blake2b.hash(seeded(rng.next(), k, 3))], clock: HybridClock.pack(milliseconds: now, counter: 1))
                batch.append(fake.encoded())
            }
            if newValid {
                // An edit of an honest node's row (later than its claim, so it is not the owner's), and a fork.
                let victim = honest.randomElement(using: &rng)!
                if let rowID = nodes[victim].fold.records.first(where: { $0.id.hasPrefix("svc-\(victim)-") })?.id {
                    batch += evil.publish([row(rowID, name: "Hijacked")], nowMilliseconds: now)
                }
                let branchA = evil.publish([row("svc-\(b)-fork", name: "Branch A")], nowMilliseconds: now)
                if let last = branchA.last, let e = try? Envelope.decode(last) {
                    let twin = EnvelopeCrypto.sign(
                        kind: .directoryRecord, scope: "public", payload: row("svc-\(b)-fork", name: "Branch B").encoded(), by: evil.identity,
                        sequence: e.header.sequence, dependencies: e.header.dependencies, clock: e.header.clock + 1)
                    batch += branchA + [twin.encoded()]
                }
            }
            nodes[target].ingest(batch, nowMilliseconds: now)
        }

        // Fault phase.
        for round in 0..<config.faultRounds {
            now += 1000
            if round == 2 { partition = (0..<n).map { _ in Int.random(in: 0...1, using: &rng) } }
            if round == 6 { partition = nil }
            for (node, back) in down where back <= round { down[node] = nil }
            for i in honest where down[i] == nil && Double.random(in: 0..<1, using: &rng) < config.crashRate {
                nodes[i].crash()
                down[i] = round + Int.random(in: 1...3, using: &rng)
            }
            for i in honest where down[i] == nil && Double.random(in: 0..<1, using: &rng) < config.editRate {
                let own = nodes[i].fold.records.filter { $0.id.hasPrefix("svc-\(i)-") }
                guard let r = own.randomElement(using: &rng) else { continue }
                if Bool.random(using: &rng) {
                    nodes[i].publish([row(r.id, name: "Edited \(round)")], nowMilliseconds: now)
                } else {
                    nodes[i].publish([DirectoryPayload(table: "service", id: r.id, fields: nil)], nowMilliseconds: now)
                }
            }
            for i in (0..<n).shuffled(using: &rng) {
                if byzantine.contains(i) { byzantineActs(i, newValid: true) }
                let peer = Int.random(in: 0..<n, using: &rng)
                if peer != i { session(i, peer, faulty: true) }
            }
        }
        // Heal: every node is back, no more faults; Byzantine nodes keep sending garbage but no new valid envelopes.
        down.removeAll()
        partition = nil
        var healRounds = 0
        var converged = false
        while healRounds < config.maximumHealRounds {
            let counts = Set(honest.map { nodes[$0].envelopeCount })
            if counts.count == 1 && Set(honest.map { nodes[$0].digest }).count == 1 {
                converged = true
                break
            }
            healRounds += 1
            now += 1000
            for i in (0..<n).shuffled(using: &rng) {
                if byzantine.contains(i) {
                    byzantineActs(i, newValid: false)
                    continue
                }
                var peer = Int.random(in: 0..<n, using: &rng)
                if peer == i { peer = (peer + 1) % n }
                session(i, peer, faulty: false)
            }
        }
        var rejections: [RejectionReason: Int] = [:]
        for i in honest { for (k, v) in nodes[i].rejections { rejections[k, default: 0] += v } }
        let flagged = honest.filter { i in byzantine.allSatisfy { nodes[i].forkedAuthors.contains(nodes[$0].identity.signingPublicKey) } }.count
        return Result(
            seed: seed, converged: converged, healRounds: healRounds, honestRows: nodes[honest[0]].fold.records.count, rejections: rejections,
            flaggedByzantine: flagged)
    }

    /// Anti-entropy only, no faults: each round every node syncs with one random peer. Returns the
    /// rounds until every node holds every node's rows.
    public static func roundsToConverge(nodes n: Int, seed: UInt64, rowsPerNode: Int = 1) -> Int {
        var config = Config()
        config.nodes = n
        config.byzantine = 0
        config.faultRounds = 0
        config.rowsPerNode = rowsPerNode
        config.maximumHealRounds = 64
        let r = run(seed: seed, config: config)
        return r.converged ? r.healRounds : -1
    }

    static func row(_ id: String, name: String) -> DirectoryPayload {
        DirectoryPayload(table: "service", id: id, fields: JSONObject([("id", .string(id)), ("name", .string(name)), ("status", .string("active"))]))
    }

    static func seeded(_ seed: UInt64, _ i: Int, _ salt: UInt64) -> [UInt8] {
        var r = SeededRandom(seed: seed &* 1_000_003 &+ UInt64(i) &* 7919 &+ salt)
        return (0..<32).map { _ in UInt8(truncatingIfNeeded: r.next()) }
    }
}
