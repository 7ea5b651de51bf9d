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
        /// Honest nodes' clocks are spread over this much either side of the true time (§3.3: skew
        /// within the horizon never keeps nodes apart).
        public var clockSpreadMilliseconds: UInt64 = 4 * 60 * 1000
        /// Node 1's clock runs this far ahead until it is put right at `correctionRound`: what it
        /// signs afterwards must be dated at the right time, and its edits must still win.
        public var fastClockMilliseconds: UInt64 = 86_400_000
        public var correctionRound = 4
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
        /// Envelopes signed by a stranger (a key nobody vouched for) that some honest node stored: must be 0.
        public var strangerEnvelopesStored = 0
        /// Honest nodes' rows that some honest node shows as owned by another key: must be 0. Rows whose
        /// ids are in their publisher's namespace count whenever they were published (Byzantine members
        /// claim them, edit them and delete them with clocks just before the real claim); rows with ids
        /// of another form only if published before the bad members' admission (`Protocol/SPEC.md` §7).
        public var rowsTakenOver = 0
        /// Honest rows (counted on every honest node) whose ids are in their publisher's namespace.
        public var namespacedRows = 0
        /// Whether honest nodes agree on the member set.
        public var rostersAgree = true
        /// Honest authors' envelopes some honest node refused for their clocks: must be 0.
        public var honestClockRefusals = 0
        /// Honest rows that some honest node shows at an earlier edit than the owner's last-signed one: must be 0.
        public var rowsBehindLatestEdit = 0
        /// Whether the node whose clock was put right dated its next new row at the right time.
        public var correctedClockBackOnTime = true
        public var summary: String {
            "seed \(seed): converged \(converged) after \(healRounds) heal rounds; \(honestRows) rows; rejections "
                + rejections.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue)=\($0.value)" }.joined(separator: " ")
                + "; stranger envelopes stored \(strangerEnvelopesStored), rows taken over \(rowsTakenOver) (\(namespacedRows) namespaced), rosters agree \(rostersAgree)"
                + "; honest clock refusals \(honestClockRefusals), rows behind latest edit \(rowsBehindLatestEdit), corrected clock on time \(correctedClockBackOnTime)"
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
        let rng = SeededRandom(seed: seed)
        var rng2 = SeededRandom(seed: seed ^ 0x636C_6F63_6B73)
        let cache = VerifyCache()
        let n = config.nodes
        let nodes = (0..<n).map { i in
            SimReplica(identity: try! NodeIdentity(signingSeed: seeded(seed, i, 1), encryptionSeed: seeded(seed, i, 2)), cache: cache)
        }
        let byzantine = Set((0..<config.byzantine).map { n - 1 - $0 })
        let honest = (0..<n).filter { !byzantine.contains($0) }
        let now = start
        // Each node's clock: the true time plus its offset.
        var offsets: [Int64] = (0..<n).map { _ in
            config.clockSpreadMilliseconds == 0 ? 0 : Int64.random(in: -Int64(config.clockSpreadMilliseconds)...Int64(config.clockSpreadMilliseconds), using: &rng2)
        }
        let fast = n > 2 ? 1 : -1
        if fast >= 0 { offsets[fast] = Int64(config.fastClockMilliseconds) }
        for node in nodes { node.join(founders: [nodes[0].identity.signingPublicKey]) }
        let stranger = SimReplica(identity: try! NodeIdentity(signingSeed: seeded(seed, n + 1, 1), encryptionSeed: seeded(seed, n + 1, 2)), cache: cache)
        var rowCounter = 0
        for i in 0..<n {
            nodes[i].publish(
                (0..<config.rowsPerNode).map { _ in
                    rowCounter += 1
                    // Half the rows have ids in their publisher's namespace, half ids of another form
                    // (published before namespaces, or kept on import).
                    let id = rowCounter % 2 == 0 ? RowNamespace.id(author: nodes[i].identity.signingPublicKey, local: UInt64(rowCounter)) : "svc-\(i)-\(rowCounter)"
                    return row(id, name: "Service \(rowCounter)")
                }, nowMilliseconds: UInt64(Int64(now) + offsets[i]))
        }
        // Membership: each organisation publishes its listings, then node 0 (the founder) vouches for
        // every other node, the Byzantine ones (members gone bad) last; each node joins as a new member
        // does, its first sync being with the member that vouched for it. A stranger, vouched for by
        // no one, signs too.
        for i in 1..<n { nodes[0].vouch(for: nodes[i].identity, name: "Organisation \(i)", nowMilliseconds: UInt64(Int64(now) + offsets[0])) }
        let founding = Array(nodes[0].envelopes.values)
        for i in 1..<n { nodes[i].ingest(founding, from: nodes[0].peerName, nowMilliseconds: now) }
        let net = SimNetwork(nodes: nodes, rng: rng, dropRate: config.dropRate, duplicateRate: config.duplicateRate, now: now)
        func clock(_ i: Int) -> UInt64 { UInt64(Int64(net.now) + offsets[i]) }
        let nodeByKeyDigits = Dictionary(uniqueKeysWithValues: (0..<n).map { (RowNamespace.keyDigits(of: nodes[$0].identity.signingPublicKey), $0) })
        /// Which node published a row: the node whose key's namespace its id is in, or node i for `svc-i-…`.
        func publisher(_ id: String) -> Int? {
            if let digits = RowNamespace.keyPrefix(of: id) { return nodeByKeyDigits[digits] }
            guard id.hasPrefix("svc-"), let dash = id.dropFirst(4).firstIndex(of: "-") else { return nil }
            return Int(id[id.index(id.startIndex, offsetBy: 4)..<dash])
        }
        func rows(of i: Int, in node: Int) -> [HSDSRecord] { nodes[node].fold.records.filter { publisher($0.id) == i } }
        var correctedRowClock: UInt64?

        func byzantineActs(_ b: Int, newValid: Bool) {
            let evil = nodes[b]
            guard let target = honest.randomElement(using: &net.rng) else { return }
            var batch: [[UInt8]] = []
            // A forged signature, an altered payload, garbage and truncated bytes.
            var forged = evil.sign(kind: .directoryRecord, payload: row("svc-x", name: "Forged").encoded(), nowMilliseconds: net.now, sequence: 9_999)
            forged.signature[0] ^= 0x80
            batch.append(forged.encoded())
            batch.append([UInt8](repeating: 0x57, count: Int.random(in: 0...40, using: &net.rng)))
            if let any = nodes[target].envelopes.values.first { batch.append(Array(any.prefix(any.count / 2))) }
            // A clock an hour ahead (taken in: no clock is refused for being ahead) and one past the
            // latest a clock may be (refused).
            batch.append(
                evil.sign(
                    kind: .directoryRecord, payload: row("svc-future-\(b)", name: "Future").encoded(), nowMilliseconds: net.now, sequence: 9_998,
                    clockValue: HybridClock.pack(milliseconds: net.now + 3_600_000, counter: 0)
                ).encoded())
            batch.append(
                evil.sign(
                    kind: .directoryRecord, payload: row("svc-far-\(b)", name: "Too far").encoded(), nowMilliseconds: net.now, sequence: 9_997,
                    clockValue: HybridClock.pack(milliseconds: AdmissionRules.latestClockMilliseconds + 1, counter: 0)
                ).encoded())
            // Dependencies that do not exist.
            for k in 0..<5 {
                let fake = EnvelopeCrypto.sign(
                    kind: .directoryRecord, scope: "public", payload: row("svc-ghost-\(b)-\(k)", name: "Ghost").encoded(), by: evil.identity,
                    sequence: 5_000 + UInt64(k), dependencies: [Blake2b.hash(seeded(net.rng.next(), k, 3))], clock: HybridClock.pack(milliseconds: net.now, counter: 1))
                batch.append(fake.encoded())
            }
            // A stranger's envelopes relayed: a claim of an honest row dated 1970, and a tombstone.
            let victim = honest.randomElement(using: &net.rng)!
            if let rowID = rows(of: victim, in: victim).first?.id {
                batch.append(stranger.sign(kind: .directoryRecord, payload: row(rowID, name: "Stranger").encoded(), nowMilliseconds: 1_000, clockValue: 1 << 16).encoded())
                batch.append(
                    stranger.sign(kind: .directoryTombstone, payload: DirectoryPayload(table: "service", id: rowID, fields: nil).encoded(), nowMilliseconds: 2_000)
                        .encoded())
            }
            if newValid {
                // An edit of an honest node's row (later than its claim, so it is not the owner's),
                // a claim of one dated long before anything (it counts from the member's admission), and a fork.
                let victim = honest.randomElement(using: &net.rng)!
                let victimRows = rows(of: victim, in: victim)
                if let rowID = victimRows.randomElement(using: &net.rng)?.id {
                    if RowNamespace.isNamespaced(rowID) {
                        // Refused by every node, its own included: signed outside its chain, so that the
                        // chain goes on (a chain through an envelope no one holds would stall the rest).
                        batch.append(
                            evil.sign(kind: .directoryRecord, payload: row(rowID, name: "Hijacked").encoded(), nowMilliseconds: net.now, sequence: 9_996).encoded())
                    } else {
                        batch += evil.publish([row(rowID, name: "Hijacked")], nowMilliseconds: net.now)
                    }
                }
                if let rowID = victimRows.randomElement(using: &net.rng)?.id {
                    batch.append(evil.backdated(kind: .directoryRecord, payload: row(rowID, name: "Backdated").encoded(), counter: net.rng.next()).encoded())
                }
                // A claim dated just before the victim's own claim of a row it published after this
                // member joined (no clock rule can tell it from a real earlier claim; the id's namespace can).
                if let rowID = victimRows.filter({ RowNamespace.isNamespaced($0.id) }).randomElement(using: &net.rng)?.id,
                    let claim = nodes[victim].fold.claim(table: "service", id: rowID), claim.clock > 1
                {
                    batch.append(evil.backdated(kind: .directoryRecord, payload: row(rowID, name: "Claimed just before").encoded(), clock: claim.clock - 1).encoded())
                    batch.append(evil.backdated(kind: .directoryTombstone, payload: DirectoryPayload(table: "service", id: rowID, fields: nil).encoded(), clock: claim.clock - 1).encoded())
                }
                let branchA = evil.publish([row("svc-\(b)-fork", name: "Branch A")], nowMilliseconds: net.now)
                if let last = branchA.last, let e = try? Envelope.decode(last) {
                    let twin = EnvelopeCrypto.sign(
                        kind: .directoryRecord, scope: "public", payload: row("svc-\(b)-fork", name: "Branch B").encoded(), by: evil.identity,
                        sequence: e.header.sequence, dependencies: e.header.dependencies, clock: e.header.clock + 1)
                    batch += branchA + [twin.encoded()]
                }
            }
            nodes[target].ingest(batch, from: evil.peerName, nowMilliseconds: net.now)
        }

        // Members have been in for a while (past the admission margin of DirectoryFold) before anyone
        // publishes new listings: claims dated after the bad members' admissions are then possible.
        net.now += DirectoryFold.admissionMarginMilliseconds + 60_000
        // Fault phase.
        for round in 0..<config.faultRounds {
            net.now += 1000
            if round == config.correctionRound && fast >= 0 && byzantine.contains(fast) == false {
                // Node 1's clock is put right: it edits a row it published while fast, and publishes a new one.
                offsets[fast] = 0
                if let r = rows(of: fast, in: fast).first {
                    nodes[fast].publish([row(r.id, name: "Edited once the clock was right")], nowMilliseconds: clock(fast))
                }
                let added = nodes[fast].publish([row("svc-\(fast)-after", name: "Published once the clock was right")], nowMilliseconds: clock(fast))
                correctedRowClock = added.last.flatMap { try? Envelope.decode($0) }.map { $0.header.clock }
            }
            if round == 2 { net.partition = (0..<n).map { _ in Int.random(in: 0...1, using: &net.rng) } }
            if round == 6 { net.partition = nil }
            for (node, back) in net.down where back <= round { net.down[node] = nil }
            for i in honest where net.down[i] == nil && Double.random(in: 0..<1, using: &net.rng) < config.crashRate {
                nodes[i].crash()
                net.down[i] = round + Int.random(in: 1...3, using: &net.rng)
            }
            for i in honest where net.down[i] == nil && Double.random(in: 0..<1, using: &net.rng) < config.editRate {
                if Double.random(in: 0..<1, using: &net.rng) < 0.3 {
                    // A new listing, published after every member's admission.
                    rowCounter += 1
                    nodes[i].publish([row(RowNamespace.id(author: nodes[i].identity.signingPublicKey, local: UInt64(rowCounter)), name: "New \(round)")], nowMilliseconds: clock(i))
                    continue
                }
                let own = rows(of: i, in: i)
                guard let r = own.randomElement(using: &net.rng) else { continue }
                if Bool.random(using: &net.rng) {
                    nodes[i].publish([row(r.id, name: "Edited \(round)")], nowMilliseconds: clock(i))
                } else {
                    nodes[i].publish([DirectoryPayload(table: "service", id: r.id, fields: nil)], nowMilliseconds: clock(i))
                }
            }
            for i in (0..<n).shuffled(using: &net.rng) {
                if byzantine.contains(i) { byzantineActs(i, newValid: true) }
                let peer = Int.random(in: 0..<n, using: &net.rng)
                if peer != i { net.session(i, peer, faulty: true) }
            }
        }
        // Heal: every node is back, no more faults; Byzantine nodes keep sending garbage but no new valid envelopes.
        net.down.removeAll()
        net.partition = nil
        var healRounds = 0
        var converged = false
        while healRounds < config.maximumHealRounds {
            let counts = Set(honest.map { nodes[$0].envelopeCount })
            if counts.count == 1 && Set(honest.map { nodes[$0].digest }).count == 1 {
                converged = true
                break
            }
            healRounds += 1
            net.now += 1000
            for i in (0..<n).shuffled(using: &net.rng) {
                if byzantine.contains(i) {
                    byzantineActs(i, newValid: false)
                    continue
                }
                var peer = Int.random(in: 0..<n, using: &net.rng)
                if peer == i { peer = (peer + 1) % n }
                net.session(i, peer, faulty: false)
            }
        }
        var rejections: [RejectionReason: Int] = [:]
        for i in honest { for (k, v) in nodes[i].rejections { rejections[k, default: 0] += v } }
        let flagged = honest.filter { i in byzantine.allSatisfy { nodes[i].forkedAuthors.contains(nodes[$0].identity.signingPublicKey) } }.count
        var result = Result(
            seed: seed, converged: converged, healRounds: healRounds, honestRows: nodes[honest[0]].fold.records.count, rejections: rejections,
            flaggedByzantine: flagged)
        let strangerKey = stranger.identity.signingPublicKey
        for i in honest {
            result.strangerEnvelopesStored += nodes[i].held.filter { $0.header.author == strangerKey }.count
            for r in nodes[i].fold.records {
                guard let p = publisher(r.id), honest.contains(p) else { continue }
                // Node 1's rows whose ids are in no namespace, published while its clock ran a day
                // fast, are dated after the bad members' admissions: the gap of §7 covers them.
                if p == fast && !RowNamespace.isNamespaced(r.id) { continue }
                if nodes[i].fold.owner(table: r.table, id: r.id) != nodes[p].identity.signingPublicKey { result.rowsTakenOver += 1 }
                if RowNamespace.isNamespaced(r.id) { result.namespacedRows += 1 }
            }
        }
        result.rostersAgree = honest.allSatisfy { nodes[$0].roster == nodes[honest[0]].roster }
        let honestAuthors = Set(honest.map { nodes[$0].identity.signingPublicKey })
        for i in honest {
            result.honestClockRefusals += nodes[i].clockRefusals.filter { honestAuthors.contains($0.key) }.values.reduce(0, +)
            for j in honest {
                for (key, last) in nodes[j].ownLatestByRow {
                    let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
                    guard nodes[i].fold.owner(table: parts[0], id: parts[1]) == nodes[j].identity.signingPublicKey else { continue }
                    if nodes[i].fold.latest(table: parts[0], id: parts[1])?.envelopeID != last.id { result.rowsBehindLatestEdit += 1 }
                }
            }
        }
        if let c = correctedRowClock { result.correctedClockBackOnTime = HybridClock.milliseconds(c) <= net.now + SimReplica.dependencyHorizonMilliseconds }
        return result
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

extension Simulation {
    /// Runs one simulation per seed, on every core, results in the seeds' order.
    static func eachSeed<R>(_ seeds: [UInt64], _ run: @Sendable (UInt64) -> R) -> [R] {
        let slots = ResultSlots<R>(count: seeds.count)
        DispatchQueue.concurrentPerform(iterations: seeds.count) { i in slots.set(i, run(seeds[i])) }
        return slots.values
    }

    /// `n` replicas with keys from the seed (`salt` tells simulations apart) over a lossy network.
    static func network(seed: UInt64, nodes n: Int, salt: UInt64, rngSalt: UInt64) -> ([SimReplica], SimNetwork, VerifyCache) {
        let cache = VerifyCache()
        let nodes = (0..<n).map { i in
            SimReplica(identity: try! NodeIdentity(signingSeed: seeded(seed, i, salt), encryptionSeed: seeded(seed, i, salt + 1)), cache: cache)
        }
        return (nodes, SimNetwork(nodes: nodes, rng: SeededRandom(seed: seed ^ rngSalt), dropRate: 0.1, duplicateRate: 0.15, now: start), cache)
    }
}
