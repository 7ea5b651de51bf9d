import Foundation

/// Noise for published figures (`Protocol/SPEC.md` §12.4): the discrete Laplace distribution
/// (two-sided geometric), P(k) ∝ exp(−|k| / scale), for a rational scale t / s, sampled exactly:
/// integer arithmetic and uniform integers only, no floating point (Canonne, Kamath and Steinke,
/// "The Discrete Gaussian for Differential Privacy", 2020, algorithms 1 and 2). A sampler built on
/// floating-point logarithms has a distribution that only approximates the specified one, and the
/// gaps can say something about the value noised. Randomness comes from the caller.
public enum DiscreteLaplace {
    /// A scale t / s, both positive.
    public struct Scale: Sendable, Equatable {
        public let t: Int
        public let s: Int
        public init(t: Int, s: Int) {
            precondition(t > 0 && s > 0, "a positive scale")
            let g = Self.gcd(t, s)
            self.t = t / g
            self.s = s / g
        }
        public var value: Double { Double(t) / Double(s) }

        /// The scale for a release: the family's bound per client over ε, with ε taken to millionths
        /// and rounded down (a little more noise, never less than ε calls for).
        public static func forRelease(perClient: Int, epsilon: Double) -> Scale {
            var micro = Int((epsilon * 1_000_000).rounded())
            if Double(micro) / 1_000_000 > epsilon { micro -= 1 }
            precondition(micro >= 1, "ε of at least 0.000001")
            return Scale(t: perClient * 1_000_000, s: micro)
        }

        static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
    }

    /// The margin the noise stays within with probability at least `confidence`: the smallest k with
    /// P(|N| ≤ k) ≥ confidence, where P(|N| > k) = 2 q^(k+1) / (1 + q) and q = exp(−1 / scale).
    public static func margin(scale: Double, confidence: Double = 0.9) -> Int {
        let q = exp(-1 / scale)
        var k = 0
        while 2 * pow(q, Double(k + 1)) / (1 + q) > 1 - confidence { k += 1 }
        return k
    }

    /// The 90 % margin of a published figure of `family` released at `epsilon`.
    public static func margin(family: String, epsilon: Double) -> Int {
        margin(scale: Scale.forRelease(perClient: FigureLayout.familyBounds[family] ?? 1, epsilon: epsilon).value)
    }

    /// The 90 % margin of a sum of `count` published figures, each with its own noise at `scale`: the
    /// figure's own margin for one; for more, from the normal approximation to the sum, whose
    /// variance is `count` × 2q / (1 − q)² (q = exp(−1 / scale)), rounded up.
    public static func margin(ofSumOf count: Int, scale: Double) -> Int {
        guard count > 1 else { return margin(scale: scale) }
        let q = exp(-1 / scale)
        return Int((1.6449 * (Double(count) * 2 * q / ((1 - q) * (1 - q))).squareRoot()).rounded(.up))
    }

    /// The 90 % margin of a sum of `count` published figures of `family` released at `epsilon`.
    public static func margin(ofSumOf count: Int, family: String, epsilon: Double) -> Int {
        margin(ofSumOf: count, scale: Scale.forRelease(perClient: FigureLayout.familyBounds[family] ?? 1, epsilon: epsilon).value)
    }

    /// The probability of `k` for a scale.
    public static func probability(_ k: Int, scale: Double) -> Double {
        let q = exp(-1 / scale)
        return (1 - q) / (1 + q) * pow(q, Double(abs(k)))
    }

    /// One draw: P(k) ∝ exp(−|k| s / t).
    public static func sample(_ scale: Scale, using rng: inout some RandomNumberGenerator) -> Int {
        let t = scale.t, s = scale.s
        while true {
            // X = U + tV is geometric: P(X = x) ∝ exp(−x / t).
            let u = Int.random(in: 0..<t, using: &rng)
            guard ExactBernoulli.exponential(numerator: u, denominator: t, using: &rng) else { continue }
            var v = 0
            while ExactBernoulli.exponential(numerator: 1, denominator: 1, using: &rng) { v += 1 }
            let y = (u + t * v) / s
            // A sign; zero once only (it would otherwise come up for both signs).
            let negative = Bool.random(using: &rng)
            if negative && y == 0 { continue }
            return negative ? -y : y
        }
    }
}

/// Bernoulli trials with exact rational parameters, from uniform integers.
public enum ExactBernoulli {
    /// True with probability n / d (0 ≤ n ≤ d, d > 0).
    public static func rational(numerator n: Int, denominator d: Int, using rng: inout some RandomNumberGenerator) -> Bool {
        precondition(d > 0 && n >= 0 && n <= d)
        return Int.random(in: 0..<d, using: &rng) < n
    }

    /// True with probability exp(−n / d) (n ≥ 0, d > 0).
    public static func exponential(numerator n: Int, denominator d: Int, using rng: inout some RandomNumberGenerator) -> Bool {
        precondition(d > 0 && n >= 0)
        // exp(−γ) for γ > 1 is exp(−1) for each whole unit, then exp(−(the rest)).
        for _ in 0..<(n / d) {
            if !belowOne(numerator: 1, denominator: 1, using: &rng) { return false }
        }
        return belowOne(numerator: n % d, denominator: d, using: &rng)
    }

    /// exp(−γ) for γ = n / d in [0, 1]: K, the first k at which a Bernoulli(γ / k) fails, is odd with
    /// probability 1 − γ + γ²/2! − … = exp(−γ).
    private static func belowOne(numerator n: Int, denominator d: Int, using rng: inout some RandomNumberGenerator) -> Bool {
        var k = 1
        // γ / k = n / (d k); d k stays far below Int.max (k is rarely over 10).
        while rational(numerator: n, denominator: d * k, using: &rng) { k += 1 }
        return k % 2 == 1
    }
}

/// The hub's privacy budget for one accounting window (a week's release): every family's figures
/// spend their ε, and a family that would spend more than is left is withheld (§12.4).
public struct PrivacyBudget: Sendable, Equatable {
    public let limit: Double
    public private(set) var spent: Double = 0
    /// Each release: what was released and the ε it spent.
    public private(set) var releases: [(what: String, epsilon: Double)] = []

    public init(limit: Double) { self.limit = limit }

    public var remaining: Double { max(0, limit - spent) }

    /// Spends `epsilon` on `what`, if the budget allows.
    /// - Returns: whether it was spent.
    public mutating func spend(_ epsilon: Double, on what: String) -> Bool {
        guard epsilon > 0, spent + epsilon <= limit + 1e-12 else { return false }
        spent += epsilon
        releases.append((what, epsilon))
        return true
    }

    public static func == (a: PrivacyBudget, b: PrivacyBudget) -> Bool { a.limit == b.limit && a.spent == b.spent && a.releases.count == b.releases.count }
}

/// Which summed cells may be published, and with what noise (§12.3–12.4).
public struct DisclosureRules: Sendable, Equatable {
    /// Cells whose noised count is under this are not published.
    public var threshold = 5
    /// The same for the cells of sensitive categories (addiction, domestic violence, health), in
    /// every family that names a category.
    public var sensitiveThreshold = 10
    public var sensitiveCategories: Set<String> = []
    /// Fewer organisations than this behind a cell: not published (CSO: 3).
    public var minimumOrganisations = 3
    /// A cell where the largest organisation may hold more than this share is not published.
    public var dominance = 0.5
    /// ε spent on each family's release (the noise scale is the family's bound per client over its ε).
    public var epsilons = DisclosureRules.defaultEpsilons

    /// The default split of a week's ε between the families (§12.4). Needs get the most: their cells
    /// are the finest (category × area × age band) and a person's needs are counted in one week of a
    /// quarter only, while the other families may count them in `FigureLayout.weeksPerQuarter`
    /// weeks, so ε spent on needs costs a person a quarter once and ε spent on the others up to 4
    /// times. A week spends 1.8 in all; a quarter at most 0.8 + 4 × 4 × 0.25 = 4.8 for one person.
    public static let defaultEpsilons = ["needs": 0.8, "referrals": 0.25, "outcomes": 0.25, "response": 0.25, "progress": 0.25]
    /// ε of a family this split does not name.
    public static let otherEpsilon = 0.25

    public init() {}

    /// The ε a family's release spends.
    public func epsilon(_ family: String) -> Double { epsilons[family] ?? Self.otherEpsilon }

    /// The same ε for every family of `layout` (and any other).
    public mutating func spendEvenly(_ epsilon: Double, over layout: FigureLayout? = nil) {
        let families = layout.map { Set($0.cells.map(\.family)) } ?? Set(Self.defaultEpsilons.keys)
        epsilons = Dictionary(uniqueKeysWithValues: families.union(Self.defaultEpsilons.keys).map { ($0, epsilon) })
    }

    /// What a week's release of `layout` spends in all: the sum of its families' ε.
    public func weekSpend(_ layout: FigureLayout) -> Double { Set(layout.cells.map(\.family)).reduce(0) { $0 + epsilon($1) } }

    /// The most a quarter's releases of `layout` can tell about one person (§12.4): needs counted in
    /// one week, every other family in at most `FigureLayout.weeksPerQuarter`.
    public func quarterBound(_ layout: FigureLayout) -> Double {
        Set(layout.cells.map(\.family)).reduce(0) { $0 + epsilon($1) * Double($1 == "needs" ? 1 : FigureLayout.weeksPerQuarter) }
    }
}

/// One published cell, or why it was withheld.
public struct PublishedCell: Sendable, Equatable {
    public enum Withheld: String, Sendable, Equatable {
        /// The noised count is under the threshold.
        case small
        /// Fewer organisations than the minimum.
        case fewOrganisations = "few-organisations"
        /// One organisation may hold more than the dominance share.
        case dominated
        /// The sums cannot come from honest figures (a node lied or a share was corrupted).
        case inconsistent
        /// The privacy budget is spent.
        case budget
    }

    public let cell: FigureCell
    /// The noised count, when published.
    public let value: Int?
    public let withheld: Withheld?
    /// How many organisations counted someone in the cell.
    public let organisations: Int
    /// The ε the family's release spent.
    public let epsilon: Double

    public init(cell: FigureCell, value: Int?, withheld: Withheld?, organisations: Int, epsilon: Double) {
        self.cell = cell
        self.value = value
        self.withheld = withheld
        self.organisations = organisations
        self.epsilon = epsilon
    }
}

/// Turns the summed measurement of a period into what may be published.
public enum Disclosure {
    /// The upper bound on the largest organisation's share of a cell from the sums of the counts and
    /// of their fourth powers: Σxᵢ⁴ ≥ max(xᵢ)⁴, so max share ≤ (Σxᵢ⁴ / (Σxᵢ)⁴)^¼.
    public static func dominanceBound(sum: UInt64, fourthPowers: UInt64) -> Double {
        guard sum > 0 else { return 0 }
        return pow(Double(fourthPowers), 0.25) / Double(sum)
    }

    /// Whether summed words could come from `nodes` honest organisations: the organisation count at
    /// most the nodes, nothing counted where no organisation counted, each count within the cap, and
    /// the fourth powers between what k equal counts and one count alone would give.
    public static func consistent(sum: UInt64, organisations k: UInt64, fourthPowers m4: UInt64, nodes: Int) -> Bool {
        guard k <= UInt64(nodes) else { return false }
        if k == 0 { return sum == 0 && m4 == 0 }
        guard sum >= k, sum <= k * FigureLayout.cellCap else { return false }
        let s4 = pow(Double(sum), 4)
        let tolerance = 1e-9 * s4 + 1
        return Double(m4) <= s4 + tolerance && Double(m4) * pow(Double(k), 3) >= s4 - tolerance * pow(Double(k), 3)
    }

    /// The cells of `layout` that may be published from `totals` (the hub's and the helper's sums
    /// added, `AdditiveShares.wordsPerCell` words a cell) summed over `nodes` organisations: noised
    /// with the discrete Laplace at scale (the family's bound per client) / ε, each family's release
    /// charged to `budget`; then withheld if inconsistent, from too few organisations, dominated, or
    /// small.
    public static func release(
        _ layout: FigureLayout, totals: [UInt64], nodes: Int, rules: DisclosureRules, budget: inout PrivacyBudget, period: String,
        using rng: inout some RandomNumberGenerator
    ) -> [PublishedCell] {
        precondition(totals.count == layout.cells.count * AdditiveShares.wordsPerCell, "totals of this layout")
        var allowed: [String: Bool] = [:]
        for family in Set(layout.cells.map(\.family)).sorted() { allowed[family] = budget.spend(rules.epsilon(family), on: "\(period) \(family)") }
        return layout.cells.enumerated().map { i, cell in
            let sum = totals[3 * i], k = totals[3 * i + 1], m4 = totals[3 * i + 2]
            let organisations = Int(min(k, UInt64(Int.max)))
            func withheld(_ why: PublishedCell.Withheld) -> PublishedCell {
                PublishedCell(cell: cell, value: nil, withheld: why, organisations: organisations, epsilon: allowed[cell.family] == true ? rules.epsilon(cell.family) : 0)
            }
            guard allowed[cell.family] == true else { return withheld(.budget) }
            // Noise is drawn for every cell, published or not, so that what is withheld says nothing
            // through the random stream.
            let scale = DiscreteLaplace.Scale.forRelease(perClient: layout.perClient[cell.family, default: 1], epsilon: rules.epsilon(cell.family))
            let noised = Int(clamping: sum) + DiscreteLaplace.sample(scale, using: &rng)
            guard k <= UInt64(nodes) else { return withheld(.inconsistent) }
            // Before anything else is read: the helper never opens a cell from fewer than 3
            // organisations (§12.3), so its count and fourth powers are not known here.
            guard organisations >= rules.minimumOrganisations else { return withheld(organisations == 0 ? .small : .fewOrganisations) }
            guard consistent(sum: sum, organisations: k, fourthPowers: m4, nodes: nodes) else { return withheld(.inconsistent) }
            guard dominanceBound(sum: sum, fourthPowers: m4) <= rules.dominance else { return withheld(.dominated) }
            // A sensitive category's cells in every family: its needs, referrals to or from it, its
            // outcomes and its days to respond.
            let sensitive = cell.labels.contains(where: rules.sensitiveCategories.contains)
            guard noised >= (sensitive ? rules.sensitiveThreshold : rules.threshold) else { return withheld(.small) }
            return PublishedCell(cell: cell, value: noised, withheld: nil, organisations: organisations, epsilon: rules.epsilon(cell.family))
        }
    }
}
