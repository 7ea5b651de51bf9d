/// A proof that a node's figures are well formed, checked by the hub and the helper together on
/// their shares without either learning the figures (`Protocol/SPEC.md` §12.2): a fully linear
/// proof in the manner of Prio3 (Boneh, Boyle, Corrigan-Gibbs, Gilboa and Ishai, "Zero-knowledge
/// proofs on secret-shared data via fully linear PCPs", 2019; draft-irtf-cfrg-vdaf §7).
///
/// What it proves, for every cell: the count x is below 4,096 (three base-16 digits, each a root of
/// Π_{j<16}(e − j)); the indicator d is 0 or 1, and 1 where x > 0; the fourth power z is x⁴. All
/// the cells' constraints are folded into one sum with random weights (the joint randomness, which
/// the node derives from its shares, so it cannot choose them), and evaluated through one gadget
/// that takes `chunk` cells at a time, so the proof grows with about the square root of the cells.
///
/// Pure: the randomness (the wire seeds, the joint randomness and the query point) comes from the
/// caller, who derives it as §12.2 says.
public struct FigureProof: Sendable, Equatable {
    /// Field elements a node's input has per cell: the three digits of x, d and z.
    public static let inputsPerCell = 5
    /// Wires of one copy of the cell gadget: its weight, the three digits, d.
    static let wiresPerCopy = 5
    /// The cell gadget's degree: a weight times a product of 16 factors.
    public static let degree = 17

    public let cells: Int
    /// Cells per gadget call.
    public let chunk: Int
    /// Gadget calls: one per `chunk` cells.
    public let calls: Int
    /// The points the wire polynomials are interpolated on: the smallest power of two above `calls`.
    public let points: Int

    public init(cells: Int) {
        precondition(cells > 0, "a layout with cells")
        self.cells = cells
        chunk = max(1, (cells + 62) / 63)
        calls = (cells + chunk - 1) / chunk
        var p = 1
        while p < calls + 1 { p <<= 1 }
        points = p
    }

    public var arity: Int { Self.wiresPerCopy * chunk }
    public var inputLength: Int { cells * Self.inputsPerCell }
    public var outputLength: Int { cells * AdditiveShares.wordsPerCell }
    /// The wire seeds, then the gadget polynomial's coefficients.
    public var proofLength: Int { arity + Self.degree * (points - 1) + 1 }
    /// The circuit's output, the wires at the query point, the gadget polynomial there.
    public var verifierLength: Int { arity + 2 }
    /// s, then one weight per cell.
    public var jointRandomnessLength: Int { cells + 1 }
    /// One seed per wire.
    public var proveRandomnessLength: Int { arity }

    /// A node's input for its figures, each first clamped to `FigureLayout.cellCap`.
    public func encode(_ figures: [UInt64]) -> [Field64] {
        precondition(figures.count == cells, "one figure per cell")
        var out: [Field64] = []
        out.reserveCapacity(inputLength)
        for f in figures {
            let x = min(f, FigureLayout.cellCap)
            out += [Field64(x % 16), Field64(x / 16 % 16), Field64(x / 256), x > 0 ? .one : .zero, Field64(x * x * x * x)]
        }
        return out
    }

    /// What is summed of an input, or of a share of one (the map is linear): x, d and z per cell.
    public func output(_ input: [Field64]) -> [Field64] {
        precondition(input.count == inputLength, "an input of this layout")
        var out: [Field64] = []
        out.reserveCapacity(outputLength)
        for j in 0..<cells {
            let b = j * Self.inputsPerCell
            out += [input[b] + Field64(16) * input[b + 1] + Field64(256) * input[b + 2], input[b + 3], input[b + 4]]
        }
        return out
    }

    // MARK: The circuit

    /// s, s², …, s⁵.
    static func powers(_ s: Field64) -> [Field64] {
        var out = [s]
        for _ in 1..<5 { out.append(out[out.count - 1] * s) }
        return out
    }

    @inline(__always) static func range16(_ e: Field64) -> Field64 {
        var r = e
        for j in 1..<16 { r *= e - Field64(j) }
        return r
    }

    /// One copy of the cell gadget: w · (R(e₀) + s R(e₁) + s² R(e₂) + s³ (d² − d) + s⁴ x (1 − d) + s⁵ x⁴).
    @inline(__always) static func copy(_ w: Field64, _ e0: Field64, _ e1: Field64, _ e2: Field64, _ d: Field64, _ s: [Field64]) -> Field64 {
        let x = e0 + Field64(16) * e1 + Field64(256) * e2
        let x2 = x * x
        var inner = range16(e0) + s[0] * range16(e1) + s[1] * range16(e2)
        inner += s[2] * (d * d - d) + s[3] * (x * (Field64.one - d)) + s[4] * (x2 * x2)
        return w * inner
    }

    /// The gadget: the sum of `chunk` copies over its wires.
    func gadget(_ wires: ArraySlice<Field64>, _ s: [Field64]) -> Field64 {
        var total = Field64.zero
        var i = wires.startIndex
        for _ in 0..<chunk {
            total += Self.copy(wires[i], wires[i + 1], wires[i + 2], wires[i + 3], wires[i + 4], s)
            i += Self.wiresPerCopy
        }
        return total
    }

    /// The wires of cell j's copy, from an input (or a share of one): its weight (on the leader's
    /// share only, it is public), the digits and d.
    @inline(__always) func wires(cell j: Int, _ input: [Field64], _ joint: [Field64], leader: Bool) -> (Field64, Field64, Field64, Field64, Field64) {
        let b = j * Self.inputsPerCell
        return (leader ? joint[1 + j] : .zero, input[b], input[b + 1], input[b + 2], input[b + 3])
    }

    // MARK: Prover, verifier

    /// The proof for a (well-formed) input.
    public func prove(_ input: [Field64], proveRandomness seeds: [Field64], jointRandomness joint: [Field64]) -> [Field64] {
        precondition(input.count == inputLength && seeds.count == arity && joint.count == jointRandomnessLength, "lengths of this layout")
        let s = Self.powers(joint[0])
        var values = [[Field64]](repeating: [Field64](repeating: .zero, count: points), count: arity)
        for a in 0..<arity { values[a][0] = seeds[a] }
        for j in 0..<cells {
            let (k, i) = j.quotientAndRemainder(dividingBy: chunk)
            let w = wires(cell: j, input, joint, leader: true)
            let base = i * Self.wiresPerCopy
            values[base][k + 1] = w.0
            values[base + 1][k + 1] = w.1
            values[base + 2][k + 1] = w.2
            values[base + 3][k + 1] = w.3
            values[base + 4][k + 1] = w.4
        }
        let terms = Self.degree * (points - 1) + 1
        var n = 1
        while n < terms { n <<= 1 }
        let evaluations = values.map { v -> [Field64] in
            var coefficients = NTT.inverse(v)
            coefficients += [Field64](repeating: .zero, count: n - points)
            return NTT.forward(coefficients)
        }
        var column = [Field64](repeating: .zero, count: arity)
        var gadgetValues = [Field64](repeating: .zero, count: n)
        for m in 0..<n {
            for a in 0..<arity { column[a] = evaluations[a][m] }
            gadgetValues[m] = gadget(column[...], s)
        }
        let polynomial = NTT.inverse(gadgetValues)
        return seeds + polynomial[0..<terms]
    }

    /// Whether `t` may be the query point: not one of the points the wires are interpolated on.
    public func isQueryPoint(_ t: Field64) -> Bool { t.power(UInt64(points)) != .one }

    /// One party's share of the verifier, from its shares of the input and the proof; `leader` is
    /// the hub (it holds the public weights on the wires). Nil if the lengths are wrong.
    public func query(
        inputShare input: [Field64], proofShare proof: [Field64], jointRandomness joint: [Field64], queryPoint t: Field64, leader: Bool
    ) -> [Field64]? {
        guard input.count == inputLength, proof.count == proofLength, joint.count == jointRandomnessLength, isQueryPoint(t) else { return nil }
        let s = Self.powers(joint[0])
        let coefficients = proof[arity...]
        // The gadget's outputs at each call: the polynomial at the roots, its coefficients folded.
        var folded = [Field64](repeating: .zero, count: points)
        for (i, c) in coefficients.enumerated() { folded[i % points] += c }
        let atRoots = NTT.forward(folded)
        var v = Field64.zero
        for k in 0..<calls { v += atRoots[k + 1] }
        for j in 0..<cells { v -= s[4] * joint[1 + j] * input[j * Self.inputsPerCell + 4] }

        // The wires at t by Lagrange interpolation on the roots: Lₖ(t) = ωᵏ (tᴾ − 1) / (P (t − ωᵏ)).
        let omega = Field64.rootOfUnity(order: points)
        var roots = [Field64.one]
        for _ in 1..<max(points, 1) { roots.append(roots[roots.count - 1] * omega) }
        let factor = (t.power(UInt64(points)) - .one) * Field64(points).inverse
        let inverted = Field64.inverses(roots.map { t - $0 })
        let basis = (0..<points).map { roots[$0] * inverted[$0] * factor }
        var atT = [Field64](repeating: .zero, count: arity)
        for a in 0..<arity { atT[a] = basis[0] * proof[a] }
        for j in 0..<cells {
            let (k, i) = j.quotientAndRemainder(dividingBy: chunk)
            let w = wires(cell: j, input, joint, leader: leader), l = basis[k + 1], b = i * Self.wiresPerCopy
            atT[b] += l * w.0
            atT[b + 1] += l * w.1
            atT[b + 2] += l * w.2
            atT[b + 3] += l * w.3
            atT[b + 4] += l * w.4
        }
        var p = Field64.zero
        for c in coefficients.reversed() { p = p * t + c }
        return [v] + atT + [p]
    }

    /// The verdict from the two verifier shares added: the circuit's output is zero, and the gadget
    /// polynomial agrees with the gadget at the query point.
    public func decide(_ verifier: [Field64], jointRandomness joint: [Field64]) -> Bool {
        guard verifier.count == verifierLength, joint.count == jointRandomnessLength, verifier[0] == .zero else { return false }
        return gadget(verifier[1...arity], Self.powers(joint[0])) == verifier[arity + 1]
    }
}
