import Foundation
import WaymarkCore
import WaymarkCrypto

/// The hub's round (`Protocol/SPEC.md` §12), timed: each organisation counts a synthetic caseload
/// (contribution bounded), splits its measurement into two shares with libsodium's randomness and
/// seals each to its party as a signed private envelope; the helper and the hub open theirs and sum
/// them; the hub adds the helper's sum to its own and releases the cells. Prints bytes and CPU per
/// organisation, the helper's and the hub's time, and the relative error of published cells of 50
/// or more.
extension WaymarkBench {
    static func hub(organisations sizes: [Int]) throws {
        print("== hub round: per organisation, and the helper's and hub's time (one core)")
        let categories = ["children-families", "health-wellbeing", "education-training", "art-culture", "place-making", "recreation-sport",
            "community-safety", "addiction", "domestic-violence", "housing"]
        let areas = ["D9", "D11", "D11-north", "D11-south", "D15", "other"]
        let layout = FigureLayout.district(categories: categories, areas: areas, instrumentAreas: ["housing", "money", "health", "work", "family"])
        let words = layout.cells.count * AdditiveShares.wordsPerCell
        let hubParty = NodeIdentity.generate(), helperParty = NodeIdentity.generate()
        print("layout: \(layout.cells.count) cells, \(words) words a share (\(words * 8) bytes before sealing)")
        for n in sizes {
            var rng = SeededRandom(seed: UInt64(n))
            let orgs = (0..<min(n, 64)).map { _ in NodeIdentity.generate() }
            var toHub: [(String, Envelope)] = [], toHelper: [(String, Envelope)] = []
            var bytes = 0
            var truth = [UInt64](repeating: 0, count: words)
            var orgTime = 0.0
            for k in 0..<n {
                let org = orgs[k % orgs.count]
                let name = String(format: "org-%05d", k)
                // A week's synthetic caseload: 150 clients, each with up to 3 needs and 2 referrals.
                var cases: [(String, FigureCell)] = []
                for c in 0..<150 {
                    let client = "\(name)-\(c)"
                    for _ in 0..<Int(1 + rng.next() % 3) {
                        cases.append((client, FigureCell("needs", [categories[Int(rng.next() % 10)], areas[Int(rng.next() % 6)], FigureLayout.ageBands[Int(rng.next() % 6)]])))
                    }
                    cases.append((client, FigureCell("referrals", [categories[Int(rng.next() % 10)], categories[Int(rng.next() % 10)]])))
                    cases.append((client, FigureCell("outcomes", [categories[Int(rng.next() % 10)], FigureLayout.outcomes[Int(rng.next() % 7)]])))
                }
                var sealed: (Envelope, Envelope)?
                var measurement: [UInt64] = []
                orgTime += try seconds {
                    var counter = BoundedCounter(layout: layout)
                    for (client, cell) in cases { counter.add(client: client, cell) }
                    measurement = AdditiveShares.measurement(counter.figures)
                    let (h, p) = AdditiveShares.split(measurement, random: SecureRandom.words(words))
                    let clock = HybridClock.pack(milliseconds: 1_795_305_600_000, counter: 0)
                    let a = try PrivateEnvelope.sign(
                        kind: Envelope.Kind(rawValue: 25), scope: "stats:2026-W49", plaintext: AdditiveShares.encode(h), recipients: [hubParty.encryptionPublicKey],
                        by: org, sequence: 1, dependencies: [], clock: clock).envelope
                    let b = try PrivateEnvelope.sign(
                        kind: Envelope.Kind(rawValue: 25), scope: "stats:2026-W49", plaintext: AdditiveShares.encode(p),
                        recipients: [helperParty.encryptionPublicKey], by: org, sequence: 2, dependencies: [], clock: clock + 1).envelope
                    sealed = (a, b)
                }
                AdditiveShares.add(measurement, into: &truth)
                bytes += sealed!.0.encoded().count + sealed!.1.encoded().count
                toHub.append((name, sealed!.0))
                toHelper.append((name, sealed!.1))
            }
            var helperSum: [UInt64] = [], used: Set<String> = []
            let helperTime = try seconds {
                var round = HelperRound(words: words)
                for (name, e) in toHelper { try round.add(node: name, AdditiveShares.decode(try helperParty.open(e))!) }
                (helperSum, used) = try round.answer(hubNodes: Set(toHub.map(\.0)))
            }
            var published: [PublishedCell] = []
            var totals: [UInt64] = []
            let hubTime = try seconds {
                var collector = ShareCollector(words: words)
                for (name, e) in toHub { try collector.add(node: name, AdditiveShares.decode(try hubParty.open(e))!) }
                totals = collector.sum(over: used).sum
                AdditiveShares.add(helperSum, into: &totals)
                var budget = PrivacyBudget(limit: 1)
                var noise = SeededRandom(seed: 49)
                published = Disclosure.release(layout, totals: totals, nodes: used.count, rules: DisclosureRules(), budget: &budget, period: "2026-W49", using: &noise)
            }
            precondition(totals == truth, "the round's totals are not the organisations' sums")
            let large = published.compactMap { p -> Double? in
                guard let v = p.value, let i = layout.index[p.cell], totals[3 * i] >= 50 else { return nil }
                return abs(Double(v) - Double(totals[3 * i])) / Double(totals[3 * i])
            }.sorted()
            let withheld = Dictionary(grouping: published.compactMap(\.withheld), by: { $0 }).mapValues(\.count)
            print(
                String(
                    format: "%5d organisations: %.1f KB and %.2f ms CPU per organisation; helper %.2f s, hub %.2f s; published %d of %d cells",
                    n, Double(bytes) / Double(n) / 1024, orgTime / Double(n) * 1000, helperTime, hubTime, published.filter { $0.value != nil }.count,
                    published.count))
            if !large.isEmpty {
                print(
                    String(
                        format: "      relative error of published cells of 50 or more: median %.1f %%, 90th %.1f %%, max %.1f %% (%d cells, ε %.2f a family)",
                        large[large.count / 2] * 100, large[large.count * 9 / 10] * 100, large.last! * 100, large.count, DisclosureRules().epsilon))
            }
            print("      withheld: " + withheld.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", "))
        }
    }
}
