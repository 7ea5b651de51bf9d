import Foundation
import Testing
import WaymarkCore

/// The hub's pure core (`Protocol/SPEC.md` §12): contribution bounding, additive shares, disclosure
/// control and the noise, and a whole round among 130 organisations.
struct HubTests {
    /// Weeks agree with the ISO 8601 calendar (Foundation's), across year ends where week 1 or 53 spans two years.
    @Test func weeksAreTheISOCalendarsWeeks() throws {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var checked = 0
        for day in stride(from: 10_000, to: 30_000, by: 3) {
            let ms = UInt64(day) * 86_400_000 + UInt64(day % 24) * 3_600_000
            let date = Date(timeIntervalSince1970: Double(ms) / 1000)
            let c = calendar.dateComponents([.yearForWeekOfYear, .weekOfYear], from: date)
            let expected = String(format: "%04d-W%02d", c.yearForWeekOfYear!, c.weekOfYear!)
            let period = StatisticsPeriod(containing: ms)
            #expect(period.week == expected, "day \(day)")
            let start = try #require(calendar.date(from: DateComponents(weekOfYear: c.weekOfYear!, yearForWeekOfYear: c.yearForWeekOfYear!)))
            #expect(period.bounds.start == UInt64(start.timeIntervalSince1970 * 1000))
            #expect(period.bounds.end == period.bounds.start + 7 * 86_400_000)
            checked += 1
        }
        #expect(checked > 6000)
        #expect(StatisticsPeriod(containing: 1_767_225_600_000).week == "2026-W01", "1 January 2026, a Thursday")
        #expect(StatisticsPeriod(containing: 1_735_603_200_000).week == "2025-W01", "31 December 2024 is in 2025's first week")
    }

    static let layout = FigureLayout.district(
        categories: ["children", "health", "education", "addiction"], areas: ["D9", "D11"], instrumentAreas: ["housing", "money"])

    @Test func eachClientCountsOnceInACellAndInABoundedNumberOfCellsOfAFamily() {
        var counter = BoundedCounter(layout: Self.layout)
        let needs = ["children", "health", "education", "addiction"].map { FigureCell("needs", [$0, "D11", "25-44"]) }
        var took: [Bool] = []
        for cell in [needs[0], needs[0], needs[1], needs[2], needs[3]] { took.append(counter.add(client: "c1", cell)) }
        // Twice in one cell counts once; a fourth need of one client is over the bound of 3.
        #expect(took == [true, false, true, true, false])
        #expect(counter.dropped == 1)
        let second = [counter.add(client: "c2", needs[3]), counter.add(client: "c2", FigureCell("needs", ["housing", "D11", "25-44"]))]
        #expect(second == [true, false], "a cell outside the layout does not count")
        let figures = counter.figures
        #expect(figures.reduce(0, +) == 4)
        #expect(figures[Self.layout.index[needs[0]]!] == 1 && figures[Self.layout.index[needs[3]]!] == 1)
    }

    @Test func agesAndBuckets() {
        #expect(FigureLayout.ageBand(dateOfBirth: "2000-12-05", on: "2026-12-04") == "25-44")
        #expect(FigureLayout.ageBand(dateOfBirth: "2008-12-04", on: "2026-12-04") == "18-24")
        #expect(FigureLayout.ageBand(dateOfBirth: "2008-12-05", on: "2026-12-04") == "0-17")
        #expect(FigureLayout.ageBand(dateOfBirth: nil, on: "2026-12-04") == "unknown")
        #expect(FigureLayout.responseBucket(days: nil) == "none" && FigureLayout.responseBucket(days: 0) == "0-1d" && FigureLayout.responseBucket(days: 12) == "11d+")
        #expect(FigureLayout.progressBucket(change: -1) == "worse" && FigureLayout.progressBucket(change: 3) == "up-2+")
    }

    @Test func sharesAddUpAndEachAloneLooksTheSameWhateverTheFigures() {
        var rng = SeededRandom(seed: 7)
        let measurement = AdditiveShares.measurement([0, 3, 4095, 9000])
        let capped: UInt64 = 4095 * 4095 * 4095 * 4095
        let expected: [UInt64] = [0, 0, 0, 3, 1, 81, 4095, 1, capped, 4095, 1, capped]
        #expect(measurement == expected, "clamped to the cap")
        let random = (0..<measurement.count).map { _ in rng.next() }
        let (hub, helper) = AdditiveShares.split(measurement, random: random)
        var sum = hub
        AdditiveShares.add(helper, into: &sum)
        #expect(sum == measurement)
        #expect(AdditiveShares.decode(AdditiveShares.encode(hub)) == hub && AdditiveShares.decode([1, 2, 3]) == nil)
        // The hub's share of a word is uniform whatever the word: its top bit is set about half the
        // time for a small figure and for a large one alike.
        for figure in [UInt64(0), 4095] {
            let set = (0..<4000).filter { _ in (AdditiveShares.split([figure], random: [rng.next()]).hub[0] >> 63) == 1 }.count
            #expect((1800...2200).contains(set), "figure \(figure): top bit set \(set) of 4000")
        }
    }

    @Test func aCollectorCountsEachNodeOnce() throws {
        var c = ShareCollector(words: 3)
        try c.add(node: "a", [1, 2, 3])
        #expect(throws: ShareCollector.Refusal.alreadyCounted(node: "a")) { try c.add(node: "a", [1, 2, 3]) }
        #expect(throws: ShareCollector.Refusal.wrongLength(expected: 3, got: 2)) { try c.add(node: "b", [1, 2]) }
        try c.add(node: "b", [Field64.modulus - 1, 0, 0])  // −1: the sums are modulo p
        #expect(c.sum(over: ["a", "b", "z"]) == ([0, 2, 3], ["a", "b"]))
    }

    @Test func theHelperAnswersOnceAndNeverForFewerThanThreeNodes() throws {
        var helper = HelperRound(words: 1)
        for (node, word) in [("a", UInt64(5)), ("b", 7), ("c", 9), ("d", 11)] { try helper.add(node: node, [word]) }
        #expect(throws: HelperRound.Refusal.tooFewNodes(2)) { try helper.answer(hubNodes: ["a", "b", "x"]) }
        let (sum, nodes) = try helper.answer(hubNodes: ["a", "b", "c"])
        #expect(sum == [21] && nodes == ["a", "b", "c"])
        // A second sum over a, b, c, d would give d's figure by difference.
        #expect(throws: HelperRound.Refusal.alreadyAnswered) { try helper.answer(hubNodes: ["a", "b", "c", "d"]) }
        #expect(throws: HelperRound.Refusal.alreadyAnswered) { try helper.add(node: "e", [1]) }
    }

    /// Totals of one cell from organisations' counts, as the hub and helper sums give them.
    static func totals(_ counts: [UInt64]) -> (UInt64, UInt64, UInt64) {
        var t = [UInt64](repeating: 0, count: 3)
        for x in counts { AdditiveShares.add(AdditiveShares.measurement([x]), into: &t) }
        return (t[0], t[1], t[2])
    }

    @Test func dominanceIsBoundedFromSumsAlone() {
        for (counts, dominated) in [([40, 20, 20, 20], false), ([55, 15, 15, 15], true), ([34, 33, 33], false), ([48, 26, 26], false), ([90, 5, 5], true)] {
            let (s, _, m4) = Self.totals(counts.map(UInt64.init))
            let bound = Disclosure.dominanceBound(sum: s, fourthPowers: m4)
            let largest = Double(counts.max()!) / Double(counts.reduce(0, +))
            #expect(bound >= largest - 1e-12, "the bound is an upper bound")
            #expect((bound > 0.5) == dominated, "\(counts): bound \(bound)")
        }
    }

    @Test func sumsThatHonestFiguresCannotGiveAreInconsistent() {
        let (s, k, m4) = Self.totals([3, 4, 5])
        #expect(Disclosure.consistent(sum: s, organisations: k, fourthPowers: m4, nodes: 3))
        #expect(!Disclosure.consistent(sum: s, organisations: k, fourthPowers: m4, nodes: 2), "more organisations than nodes")
        #expect(!Disclosure.consistent(sum: s + 1_000_000, organisations: k, fourthPowers: m4, nodes: 3), "a count far over its fourth powers")
        #expect(!Disclosure.consistent(sum: s, organisations: k, fourthPowers: m4 * 1000, nodes: 3), "fourth powers over the sum's")
        #expect(!Disclosure.consistent(sum: 5, organisations: 0, fourthPowers: 0, nodes: 3), "counted where no organisation counted")
        let over: UInt64 = 4096, overFourth: UInt64 = 3 * over * over * over * over
        #expect(!Disclosure.consistent(sum: 3 * over, organisations: 3, fourthPowers: overFourth, nodes: 3), "over the cap")
    }

    @Test func cellsAreWithheldForEachReason() {
        let layout = FigureLayout(cells: ["a", "b", "c", "d", "e", "f"].map { FigureCell("needs", [$0, "D11", "25-44"]) }, perClient: ["needs": 1])
        var words: [UInt64] = []
        for counts in [[30, 30, 30], [30, 30], [90, 5, 5], [1, 1, 1], [0], [2, 2, 2, 1, 1]] as [[UInt64]] {
            let (s, k, m4) = Self.totals(counts)
            words += [s, k, m4]
        }
        var rules = DisclosureRules()
        rules.spendEvenly(1000)  // no noise to speak of: this test is about the rules
        rules.sensitiveCategories = ["f"]
        var budget = PrivacyBudget(limit: 10_000)
        var rng = SeededRandom(seed: 1)
        let out = Disclosure.release(layout, totals: words, nodes: 5, rules: rules, budget: &budget, period: "2026-Q4", using: &rng)
        #expect(out.map(\.withheld) == [nil, .fewOrganisations, .dominated, .small, .small, .small])
        #expect(out[0].value.map { abs($0 - 90) <= 1 } == true && out[0].organisations == 3 && out[0].epsilon == 1000)
        #expect(out[5].organisations == 5, "8 people from 5 organisations: over the threshold of 5, under the sensitive one of 10")
    }

    /// The default split spends most on needs, which count a person once a quarter (§12.4): a week
    /// 1.8, a quarter at most 0.8 + 4 × 4 × 0.25 = 4.8; the release charges each family its own ε
    /// and labels each cell with it.
    @Test func theDefaultSplitFavoursNeeds() {
        let layout = Self.layout
        let rules = DisclosureRules()
        #expect(abs(rules.weekSpend(layout) - 1.8) < 1e-9 && abs(rules.quarterBound(layout) - 4.8) < 1e-9)
        var budget = PrivacyBudget(limit: rules.weekSpend(layout))
        var rng = SeededRandom(seed: 5)
        let zeros = [UInt64](repeating: 0, count: layout.cells.count * 3)
        let out = Disclosure.release(layout, totals: zeros, nodes: 3, rules: rules, budget: &budget, period: "2026-W49", using: &rng)
        #expect(!out.contains { $0.withheld == .budget }, "the default budget is the default split's sum")
        #expect(out.allSatisfy { $0.epsilon == ($0.cell.family == "needs" ? 0.8 : 0.25) })
        #expect(budget.releases.first { $0.what.hasSuffix("needs") }?.epsilon == 0.8)
        var even = DisclosureRules()
        even.spendEvenly(0.2, over: layout)
        #expect(abs(even.quarterBound(layout) - 3.4) < 1e-9 && abs(even.weekSpend(layout) - 1.0) < 1e-9)
    }

    @Test func theBudgetIsNeverOverspent() {
        let layout = Self.layout
        var budget = PrivacyBudget(limit: 1.0)
        var rules = DisclosureRules()
        rules.spendEvenly(0.25)
        var rng = SeededRandom(seed: 3)
        let zeros = [UInt64](repeating: 0, count: layout.cells.count * 3)
        let first = Disclosure.release(layout, totals: zeros, nodes: 3, rules: rules, budget: &budget, period: "2026-Q4", using: &rng)
        let families = Set(layout.cells.map(\.family)).count
        #expect(families == 5)
        #expect(Set(first.filter { $0.withheld == .budget }.map(\.cell.family)).count == 1, "4 families fit in a budget of 1 at 0.25 each")
        #expect(budget.spent <= budget.limit && budget.releases.count == 4)
        let second = Disclosure.release(layout, totals: zeros, nodes: 3, rules: rules, budget: &budget, period: "2027-Q1", using: &rng)
        #expect(second.allSatisfy { $0.withheld == .budget && $0.value == nil })
        #expect(budget.spent <= budget.limit)
    }

    /// The noise follows the discrete Laplace distribution it is specified as: a chi-square test of
    /// 200,000 seeded draws against the exact probabilities (the critical value is for p = 0.001), for
    /// whole scales, a fraction, and the scale of a release of needs (3 / 0.2 = 15).
    @Test(arguments: [(1, 1), (4, 1), (12, 1), (7, 2), (3_000_000, 200_000)]) func theNoiseHasTheSpecifiedDistribution(t: Int, s: Int) {
        let exact = DiscreteLaplace.Scale(t: t, s: s)
        let scale = exact.value
        var rng = SeededRandom(seed: UInt64(scale * 1000))
        let n = 200_000, edge = Int(scale * 5) + 2
        var observed = [Int: Int]()
        for _ in 0..<n { observed[max(-edge, min(edge, DiscreteLaplace.sample(exact, using: &rng))), default: 0] += 1 }
        var chi = 0.0
        for k in -edge...edge {
            var p = DiscreteLaplace.probability(k, scale: scale)
            if abs(k) == edge {
                // The tail beyond the edge is folded into the edge bin.
                p = (1 - (-(edge - 1)...(edge - 1)).map { DiscreteLaplace.probability($0, scale: scale) }.reduce(0, +)) / 2
            }
            let expected = p * Double(n)
            let diff = Double(observed[k, default: 0]) - expected
            chi += diff * diff / expected
        }
        let df = Double(2 * edge)
        // Wilson–Hilferty approximation of the chi-square quantile at p = 0.001 (z = 3.09).
        let critical = df * pow(1 - 2 / (9 * df) + 3.09 * (2 / (9 * df)).squareRoot(), 3)
        #expect(chi < critical, "chi-square \(chi) over \(critical) for scale \(scale)")
        // And it is not a narrower distribution passing by luck: its spread is the specified one.
        let mean = observed.map { Double($0.key) * Double($0.value) }.reduce(0, +) / Double(n)
        #expect(abs(mean) < 0.1 * scale)
    }

    /// The exact trials behind the noise: exp(−γ) below, at and above 1, and a ratio, each within four
    /// standard errors over 100,000 seeded draws; a release's scale is ε to millionths, rounded down.
    /// The margin shown beside each figure holds the noise nine times in ten, and is the smallest that does.
    /// A sum of published figures carries the margin of their noise added up: one figure's own
    /// margin for one; for many, within a few percent of what draws of the same noise give.
    @Test func theMarginOfASumHoldsItsNoiseAboutNineTimesInTen() {
        let scale = DiscreteLaplace.Scale.forRelease(perClient: 3, epsilon: 0.8)
        #expect(DiscreteLaplace.margin(ofSumOf: 1, scale: scale.value) == DiscreteLaplace.margin(scale: scale.value))
        var rng = SeededRandom(seed: 21)
        for count in [4, 12, 48] {
            let m = DiscreteLaplace.margin(ofSumOf: count, scale: scale.value)
            let draws = 4_000
            var within = 0
            for _ in 0..<draws {
                let sum = (0..<count).reduce(0) { acc, _ in acc + DiscreteLaplace.sample(scale, using: &rng) }
                if abs(sum) <= m { within += 1 }
            }
            let share = Double(within) / Double(draws)
            #expect(share > 0.87 && share < 0.94, "a sum of \(count): \(share) within ± \(m)")
        }
        #expect(DiscreteLaplace.margin(ofSumOf: 48, family: "needs", epsilon: 0.8) > DiscreteLaplace.margin(family: "needs", epsilon: 0.8))
    }

    /// The hub's totals (§12.2): counts for every cell, count and fourth powers for opened cells only;
    /// an answer that opened a cell not to be opened is refused.
    @Test func totalsTakeOnlyTheOpenedCells() {
        // Two cells; the parties' shares of (count, organisations, fourth powers) add up mod p.
        let own: [UInt64] = [10, 1, 100, 20, Field64.modulus - 1, 200]
        let answer: [UInt64] = [0, 2, 0, 0, 2, 0]
        let opened: [UInt64] = [5, 0, 50, 0, 0, 0]
        #expect(StatisticsPayload.counts(answer) == [2, 2])
        #expect(StatisticsPayload.totals(answer: answer, opened: opened, own: own, cells: [true, false]) == [15, 3, 150, 0, 1, 0])
        #expect(StatisticsPayload.totals(answer: answer, opened: [5, 0, 50, 7, 0, 0], own: own, cells: [true, false]) == nil)
        #expect(StatisticsPayload.cellsToOpen(helperCounts: [2, 2], hubCounts: [1, Field64.modulus - 1], nodes: 3) == [true, false])
    }

    @Test func theMarginHoldsTheNoiseNineTimesInTen() {
        for scale in [1.0, 5, 10, 15, 50] {
            let k = DiscreteLaplace.margin(scale: scale)
            let within = { (m: Int) in (-m...m).reduce(0.0) { $0 + DiscreteLaplace.probability($1, scale: scale) } }
            #expect(within(k) >= 0.9 && (k == 0 || within(k - 1) < 0.9), "scale \(scale): margin \(k)")
        }
        #expect(DiscreteLaplace.margin(family: "needs", epsilon: 0.2) == 35 && DiscreteLaplace.margin(family: "referrals", epsilon: 0.2) == 23)
        // Against the exact sampler.
        var rng = SeededRandom(seed: 90)
        let draws = (0..<20_000).map { _ in DiscreteLaplace.sample(DiscreteLaplace.Scale(t: 15, s: 1), using: &rng) }
        let share = Double(draws.filter { abs($0) <= 35 }.count) / Double(draws.count)
        #expect(abs(share - 0.9) < 0.01, "\(share)")
    }

    @Test func theExactBernoulliTrialsHaveTheirProbabilities() {
        var rng = SeededRandom(seed: 27)
        let n = 100_000
        for (num, den) in [(0, 1), (3, 10), (1, 1), (5, 2), (7, 3)] {
            let p = exp(-Double(num) / Double(den))
            let hits = (0..<n).filter { _ in ExactBernoulli.exponential(numerator: num, denominator: den, using: &rng) }.count
            let se = (p * (1 - p) / Double(n)).squareRoot()
            #expect(abs(Double(hits) / Double(n) - p) <= 4 * se + 1e-12, "exp(-\(num)/\(den)): \(Double(hits) / Double(n)) against \(p)")
        }
        let third = (0..<n).filter { _ in ExactBernoulli.rational(numerator: 1, denominator: 3, using: &rng) }.count
        #expect(abs(Double(third) / Double(n) - 1.0 / 3) <= 4 * (2.0 / 9 / Double(n)).squareRoot())
        #expect(DiscreteLaplace.Scale.forRelease(perClient: 3, epsilon: 0.2) == DiscreteLaplace.Scale(t: 15, s: 1))
        #expect(DiscreteLaplace.Scale.forRelease(perClient: 2, epsilon: 0.3) == DiscreteLaplace.Scale(t: 20, s: 3))
        #expect(DiscreteLaplace.Scale.forRelease(perClient: 1, epsilon: 0.1234567) == DiscreteLaplace.Scale(t: 1_000_000, s: 123_456))
    }

    /// A round among 130 organisations: each counts, encodes, proves and splits; one lies with a
    /// count over the cap, one goes offline after sending only the hub's share. The hub and the helper
    /// check every proof on their shares (§12.3): the liar is refused. The helper sums the shares of
    /// the nodes both hold whose proofs pass; the hub adds its own: the totals are exactly the honest
    /// organisations' sums, and neither party ever held one organisation's figures.
    @Test func aRoundAmong130OrganisationsWithALiarAndOneOffline() throws {
        let layout = Self.layout
        var rng = SeededRandom(seed: 130)
        func element() -> Field64 { Field64(rng.next() % Field64.modulus) }
        let circuit = FigureProof(cells: layout.cells.count)
        let words = circuit.outputLength
        var hub = ShareCollector(words: words), helper = HelperRound(words: words)
        var honest = [UInt64](repeating: 0, count: words)
        var figuresOf: [String: [UInt64]] = [:]
        let liar = "org-017", offline = "org-042"
        let watched = layout.index[FigureCell("referrals", ["health", "children"])]!
        var refused: [String] = []
        for n in 0..<130 {
            let org = String(format: "org-%03d", n)
            var counter = BoundedCounter(layout: layout)
            for c in 0..<Int(rng.next() % 40) {
                let client = "\(org)-client-\(c)"
                let category = ["children", "health", "education", "addiction"][Int(rng.next() % 4)]
                counter.add(client: client, FigureCell("needs", [category, ["D9", "D11"][Int(rng.next() % 2)], FigureLayout.ageBands[Int(rng.next() % 6)]]))
                counter.add(client: client, FigureCell("referrals", [category, ["children", "health"][Int(rng.next() % 2)]]))
            }
            figuresOf[org] = AdditiveShares.measurement(counter.figures)
            var input = circuit.encode(counter.figures)
            if org == liar { input[5 * watched + 2] = Field64(244) }  // a third digit of 244: a count over 62,000, far over the cap
            // The node's shares of its input and proof (§12.2); here the randomness is seeded.
            let joint = (0..<circuit.jointRandomnessLength).map { _ in element() }
            let proof = circuit.prove(input, proveRandomness: (0..<circuit.arity).map { _ in element() }, jointRandomness: joint)
            let helperInput = input.map { _ in element() }, helperProof = proof.map { _ in element() }
            let hubInput = zip(input, helperInput).map { $0 - $1 }, hubProof = zip(proof, helperProof).map { $0 - $1 }
            if org == offline {
                try hub.add(node: org, circuit.output(hubInput).map(\.value))
                continue
            }
            // Both parties check the proof on their shares; only the verifier shares are exchanged.
            var t = element()
            while !circuit.isQueryPoint(t) { t = element() }
            let a = try #require(circuit.query(inputShare: hubInput, proofShare: hubProof, jointRandomness: joint, queryPoint: t, leader: true))
            let b = try #require(circuit.query(inputShare: helperInput, proofShare: helperProof, jointRandomness: joint, queryPoint: t, leader: false))
            guard circuit.decide(zip(a, b).map { $0 + $1 }, jointRandomness: joint) else {
                refused.append(org)
                continue
            }
            try hub.add(node: org, circuit.output(hubInput).map(\.value))
            try helper.add(node: org, circuit.output(helperInput).map(\.value))
            AdditiveShares.add(figuresOf[org]!, into: &honest)
        }
        #expect(refused == [liar], "only the liar is refused")
        // The helper sums over the nodes both hold, once; the hub adds its own shares of the same nodes.
        let (helperSum, used) = try helper.answer(hubNodes: hub.nodes)
        #expect(used.count == 128 && !used.contains(offline) && !used.contains(liar))
        var totals = hub.sum(over: used).sum
        AdditiveShares.add(helperSum, into: &totals)
        #expect(totals == honest, "the totals are the sum of what the 128 honest organisations submitted")

        // Neither the hub nor the helper held any organisation's figures: no stored word equals the
        // organisation's own word where it counted anyone.
        for (org, figures) in figuresOf {
            for stored in [hub.shares[org], helper.collector.shares[org]].compactMap({ $0 }) + [helperSum] {
                for i in figures.indices where figures[i] > 1 { #expect(stored[i] != figures[i], "\(org) word \(i) held in the clear") }
            }
        }

        var rules = DisclosureRules()
        rules.sensitiveCategories = ["addiction"]
        var budget = PrivacyBudget(limit: rules.weekSpend(layout))
        var noise = SeededRandom(seed: 9)
        let published = Disclosure.release(layout, totals: totals, nodes: used.count, rules: rules, budget: &budget, period: "2026-W49", using: &noise)
        let shown = published.filter { $0.value != nil }
        #expect(!shown.isEmpty && shown.allSatisfy { $0.organisations >= 3 && $0.epsilon == rules.epsilon($0.cell.family) })
        // No cell's noise beyond what its scale allows: P(|noise| ≥ k) < 2 exp(−k / scale), so over
        // all the cells shown, k = scale × ln(2,000 × cells) is passed with probability under 0.1 %.
        for p in shown {
            let i = layout.index[p.cell]!
            let scale = Double(layout.perClient[p.cell.family]!) / rules.epsilon(p.cell.family)
            let bound = scale * log(2_000 * Double(shown.count))
            #expect(Double(abs(p.value! - Int(totals[3 * i]))) < bound, "noise at scale \(scale) on \(p.cell)")
        }
    }
}
