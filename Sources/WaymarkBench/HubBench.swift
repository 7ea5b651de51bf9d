import Foundation
import WaymarkCore
import WaymarkCrypto

/// The hub's round (`Protocol/SPEC.md` §12), timed: each organisation counts a synthetic caseload
/// (contribution bounded), encodes it, proves it well formed, splits input and proof into two shares
/// with libsodium's randomness and seals each to its party as a signed private envelope; the hub
/// checks its share of every proof and seals its verifier shares to the helper; the helper finishes
/// the checks and sums the shares that pass; the hub adds the helper's sum to its own and releases the
/// cells. One organisation lies (a count over the cap) and must be refused. Prints bytes and CPU per
/// organisation, the parties' times, and the relative error of published cells of 50 or more.
extension WaymarkBench {
    static func hub(organisations sizes: [Int]) throws {
        print("== hub round: per organisation, and the helper's and hub's time (one core)")
        let categories = ["children-families", "health-wellbeing", "education-training", "art-culture", "place-making", "recreation-sport",
            "community-safety", "addiction", "domestic-violence", "housing"]
        let areas = ["D9", "D11", "D11-north", "D11-south", "D15", "other"]
        let instrumentAreas = ["housing", "money", "health", "work", "family"]
        let layout = FigureLayout.district(categories: categories, areas: areas, instrumentAreas: instrumentAreas)
        let words = layout.cells.count * AdditiveShares.wordsPerCell
        let circuit = FigureProof(cells: layout.cells.count)
        let hubParty = NodeIdentity.generate(), helperParty = NodeIdentity.generate()
        let period = StatisticsPeriod(week: "2026-W49")!
        let layoutHash = Blake2b.hash(Array(("waymark/stats/v2\n" + layout.canonicalText).utf8))
        print(
            "layout: \(layout.cells.count) cells; input \(circuit.inputLength) and proof \(circuit.proofLength) field elements (the hub's share), "
                + "\(StatisticsShares.seedBytes * 4) bytes (the helper's); verifier \(circuit.verifierLength) elements")
        for n in sizes {
            var rng = SeededRandom(seed: UInt64(n))
            let orgs = (0..<min(n, 64)).map { _ in NodeIdentity.generate() }
            var toHub: [(String, Envelope)] = [], toHelper: [(String, Envelope)] = []
            var bytes = 0
            var truth = [UInt64](repeating: 0, count: words)
            var orgTime = 0.0
            let liar = n / 2
            for k in 0..<n {
                let org = orgs[k % orgs.count]
                let name = String(format: "org-%05d", k)
                // A week's synthetic caseload: 150 clients, each with 1 to 3 needs, a referral sent, the outcome
                // and days to respond of one received, and a change on one area of the staged scale.
                var cases: [(String, FigureCell)] = []
                for c in 0..<150 {
                    let client = "\(name)-\(c)"
                    for _ in 0..<Int(1 + rng.next() % 3) {
                        cases.append((client, FigureCell("needs", [categories[Int(rng.next() % 10)], areas[Int(rng.next() % 6)], FigureLayout.ageBands[Int(rng.next() % 6)]])))
                    }
                    cases.append((client, FigureCell("referrals", [categories[Int(rng.next() % 10)], categories[Int(rng.next() % 10)]])))
                    cases.append((client, FigureCell("outcomes", [categories[Int(rng.next() % 10)], FigureLayout.outcomes[Int(rng.next() % 7)]])))
                    cases.append((client, FigureCell("response", [categories[Int(rng.next() % 10)], FigureLayout.responseBuckets[Int(rng.next() % 5)]])))
                    cases.append((client, FigureCell("progress", [instrumentAreas[Int(rng.next() % 5)], FigureLayout.progressBuckets[Int(rng.next() % 4)]])))
                }
                var sealed: (Envelope, Envelope)?
                var figures: [UInt64] = []
                orgTime += try seconds {
                    var counter = BoundedCounter(layout: layout)
                    for (client, cell) in cases { counter.add(client: client, cell) }
                    figures = counter.figures
                    var input = circuit.encode(figures)
                    // One organisation in each round lies: a count of 5,000 (over the cap) in one cell.
                    if k == liar { input[0] = Field64(5000 % 16); input[1] = Field64(5000 / 16 % 16); input[2] = Field64(19); input[3] = .one; input[4] = Field64(UInt64(5000 * 5000) * 5000 * 5000) }
                    let (h, p) = StatisticsShares.split(input, proof: circuit, period: period, node: Blake2b.hash(Array(name.utf8)))
                    let clock = HybridClock.pack(milliseconds: 1_795_305_600_000, counter: 0)
                    let a = try PrivateEnvelope.sign(
                        kind: .statisticsShare, scope: period.scope, plaintext: layoutHash + h.bytes, recipients: [hubParty.encryptionPublicKey],
                        by: org, sequence: 1, dependencies: [], clock: clock).envelope
                    let b = try PrivateEnvelope.sign(
                        kind: .statisticsShare, scope: period.scope, plaintext: layoutHash + p.bytes,
                        recipients: [helperParty.encryptionPublicKey], by: org, sequence: 2, dependencies: [], clock: clock + 1).envelope
                    sealed = (a, b)
                }
                if k != liar { AdditiveShares.add(AdditiveShares.measurement(figures), into: &truth) }
                bytes += sealed!.0.encoded().count + sealed!.1.encoded().count
                toHub.append((name, sealed!.0))
                toHelper.append((name, sealed!.1))
            }
            // The hub checks its share of every proof and sends the helper its verifier shares.
            var hubShares: [String: StatisticsShares.ForHub] = [:]
            var check: [Envelope] = []
            let checkTime = try seconds {
                let verifyKey = SecureRandom.bytes(32)
                var entries: [StatisticsPayload.CheckEntry] = []
                for (name, e) in toHub {
                    let share = StatisticsShares.ForHub(try hubParty.open(e)[32...], proof: circuit)!
                    hubShares[name] = share
                    let node = Blake2b.hash(Array(name.utf8))  // a signing key's 32 bytes in the envelopes
                    let v = share.verify(proof: circuit, period: period, node: node, verifyKey: verifyKey)!
                    entries.append(.init(node: node, jointSeed: v.jointSeed, verifier: v.verifier.map(\.value)))
                }
                for (k, part) in StatisticsPayload.check(layoutHash: layoutHash, verifyKey: verifyKey, entries).enumerated() {
                    check.append(
                        try PrivateEnvelope.sign(
                            kind: .statisticsCheck, scope: period.scope, plaintext: part, recipients: [helperParty.encryptionPublicKey], by: hubParty,
                            sequence: UInt64(k + 1), dependencies: [], clock: UInt64(k + 1)
                        ).envelope)
                }
            }
            var helperSum: [UInt64] = [], used: Set<String> = []
            var refused: [[UInt8]] = []
            var helperTime = try seconds {
                var verifyKey: [UInt8] = [], entries: [StatisticsPayload.CheckEntry] = []
                for e in check {
                    let part = StatisticsPayload.readCheck(try helperParty.open(e), layoutHash: layoutHash, verifierLength: circuit.verifierLength)!
                    verifyKey = part.verifyKey
                    entries += part.entries
                }
                var round = HelperRound(words: words)
                let mine = Dictionary(uniqueKeysWithValues: try toHelper.map { (Blake2b.hash(Array($0.0.utf8)), ($0.0, StatisticsShares.ForHelper(try helperParty.open($0.1)[32...])!)) })
                for entry in entries {
                    let (name, share) = mine[entry.node]!
                    let verdict = share.check(
                        proof: circuit, period: period, node: entry.node, verifyKey: verifyKey, hubJointSeed: entry.jointSeed, hubVerifier: entry.verifier.map { Field64($0) })
                    if verdict.valid { try round.add(node: name, verdict.output.map(\.value)) } else { refused.append(entry.node) }
                }
                (helperSum, used) = try round.answer(hubNodes: Set(toHub.map(\.0)))
            }
            precondition(refused == [Blake2b.hash(Array(String(format: "org-%05d", liar).utf8))], "the liar was not refused, or an honest organisation was")
            // The helper answers with the counts of organisations only; the hub adds its own and asks
            // the helper to open the cells from 3 organisations or more; the helper opens them (§12.2).
            let answerWords = StatisticsPayload.countsOnly(helperSum)
            var published: [PublishedCell] = []
            var totals: [UInt64] = []
            var open: [Bool] = []
            var own = [UInt64](repeating: 0, count: words)
            let askTime = try seconds {
                for name in used { AdditiveShares.add(circuit.output(hubShares[name]!.input).map(\.value), into: &own) }
                open = StatisticsPayload.cellsToOpen(
                    helperCounts: StatisticsPayload.counts(answerWords), hubCounts: StatisticsPayload.counts(own), nodes: used.count)!
            }
            var openedWords: [UInt64] = []
            let openTime = try seconds {
                let helperOpens = StatisticsPayload.cellsToOpen(
                    helperCounts: StatisticsPayload.counts(helperSum), hubCounts: StatisticsPayload.counts(own), nodes: used.count)!
                openedWords = StatisticsPayload.opened(helperSum, cells: helperOpens)
            }
            let hubTime = try seconds {
                totals = StatisticsPayload.totals(answer: answerWords, opened: openedWords, own: own, cells: open)!
                var budget = PrivacyBudget(limit: DisclosureRules().weekSpend(layout))
                var noise = SeededRandom(seed: 49)
                published = Disclosure.release(layout, totals: totals, nodes: used.count, rules: DisclosureRules(), budget: &budget, period: "2026-W49", using: &noise)
            }
            for cell in 0..<layout.cells.count {
                let i = 3 * cell
                precondition(totals[i + 1] == truth[i + 1], "the counts of organisations are not the organisations' sums")
                precondition(open[cell] == (truth[i + 1] >= 3), "a cell opened against the rule")
                precondition(open[cell] ? (totals[i] == truth[i] && totals[i + 2] == truth[i + 2]) : (totals[i] == 0 && totals[i + 2] == 0), "the round's totals are not the organisations' sums")
            }
            helperTime += openTime
            let checkAndAsk = checkTime + askTime
            let large = published.compactMap { p -> Double? in
                guard let v = p.value, let i = layout.index[p.cell], totals[3 * i] >= 50 else { return nil }
                return abs(Double(v) - Double(totals[3 * i])) / Double(totals[3 * i])
            }.sorted()
            let withheld = Dictionary(grouping: published.compactMap(\.withheld), by: { $0 }).mapValues(\.count)
            print(
                String(
                    format:
                        "%5d organisations: %.1f KB and %.2f ms CPU per organisation (+ %.2f KB of the hub's check to the helper); hub's check and request to open %.2f s, helper %.2f s, hub's release %.2f s (%.2f ms per organisation in all); one liar refused; %d of %d cells opened (3 organisations or more); published %d",
                    n, Double(bytes) / Double(n) / 1024, orgTime / Double(n) * 1000, Double(check.map { $0.encoded().count }.reduce(0, +)) / Double(n) / 1024, checkAndAsk, helperTime, hubTime,
                    (checkAndAsk + helperTime + hubTime) / Double(n) * 1000, open.filter { $0 }.count, open.count, published.filter { $0.value != nil }.count))
            if !large.isEmpty {
                print(
                    String(
                        format: "      relative error of published cells of 50 or more: median %.1f %%, 90th %.1f %%, max %.1f %% (%d cells, the default ε: a week %.2f)",
                        large[large.count / 2] * 100, large[large.count * 9 / 10] * 100, large.last! * 100, large.count, DisclosureRules().weekSpend(layout)))
            }
            print("      withheld: " + withheld.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", "))
            // The trade-off a district's data-protection lead chooses from: the same totals released
            // under other splits of ε between the families, 20 draws of the noise each, with what a
            // week's release spends and what a quarter then costs one person at most (§12.4).
            let splits: [(String, Double, Double)] = [
                ("even 0.2", 0.2, 0.2), ("even 0.4", 0.4, 0.4), ("even 0.6", 0.6, 0.6), ("even 1.0", 1.0, 1.0),
                ("needs 0.6, others 0.2", 0.6, 0.2), ("needs 0.8, others 0.25 (default)", 0.8, 0.25), ("needs 1.0, others 0.3", 1.0, 0.3),
            ]
            for (label, needs, others) in splits {
                var rules = DisclosureRules()
                rules.spendEvenly(others, over: layout)
                rules.epsilons["needs"] = needs
                var errors: [Double] = [], byFamily: [String: [Double]] = [:]
                for draw in 0..<20 {
                    var budget = PrivacyBudget(limit: rules.weekSpend(layout))
                    var noise = SeededRandom(seed: UInt64(1_000 + draw))
                    for p in Disclosure.release(layout, totals: totals, nodes: used.count, rules: rules, budget: &budget, period: "2026-W49", using: &noise) {
                        guard let v = p.value, let i = layout.index[p.cell], totals[3 * i] >= 50 else { continue }
                        let e = abs(Double(v) - Double(totals[3 * i])) / Double(totals[3 * i])
                        errors.append(e)
                        byFamily[p.cell.family, default: []].append(e)
                    }
                }
                errors.sort()
                let tails = byFamily.keys.sorted().map { f -> String in
                    let e = byFamily[f]!.sorted()
                    return f + String(format: " %.1f", e[e.count * 9 / 10] * 100)
                }
                print(
                    String(
                        format: "      ε \(label) (a week %.2f, a quarter at most %.2f for one person): relative error median %.1f %%, 90th %.1f %%",
                        rules.weekSpend(layout), rules.quarterBound(layout), errors[errors.count / 2] * 100, errors[errors.count * 9 / 10] * 100)
                        + " (90th by family: " + tails.joined(separator: ", ") + ")")
            }
        }
    }
}
