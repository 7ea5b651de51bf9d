import Foundation
import Testing
import WaymarkCore

/// The field, the transform and the validity proof of the hub's shares (`Protocol/SPEC.md` §12.2–12.3).
struct FigureProofTests {
    static func element(_ rng: inout SeededRandom) -> Field64 { Field64(rng.next() % Field64.modulus) }

    @Test func theFieldIsTheIntegersModuloP() {
        let p = Field64.modulus
        #expect(p == 18_446_744_069_414_584_321)
        var rng = SeededRandom(seed: 1)
        // Against arithmetic on 128 bits: (a b) mod p, (a + b) mod p, (a − b) mod p.
        func mulmod(_ a: UInt64, _ b: UInt64) -> UInt64 { p.dividingFullWidth(a.multipliedFullWidth(by: b)).remainder }
        let edges: [UInt64] = [0, 1, 2, p - 1, p - 2, 0xFFFF_FFFF, 0x1_0000_0000, p / 2]
        var pairs = edges.flatMap { a in edges.map { (a, $0) } }
        for _ in 0..<5000 { pairs.append((rng.next() % p, rng.next() % p)) }
        for (a, b) in pairs {
            let x = Field64(a), y = Field64(b)
            #expect((x * y).value == mulmod(a, b), "\(a) × \(b)")
            #expect((x + y).value == UInt64((UInt128(a) + UInt128(b)) % UInt128(p)), "\(a) + \(b)")
            #expect((x - y).value == UInt64((UInt128(a) + UInt128(p) - UInt128(b)) % UInt128(p)), "\(a) − \(b)")
        }
        #expect(Field64(p).value == 0 && Field64(UInt64.max).value == UInt64.max - p)
        for _ in 0..<200 {
            let x = Self.element(&rng)
            if x != .zero { #expect(x * x.inverse == .one) }
        }
        let xs = (0..<50).map { _ in Field64(rng.next() % (p - 1) + 1) }
        #expect(Field64.inverses(xs) == xs.map(\.inverse))
    }

    @Test func rootsOfUnityHaveTheirOrderAndTheTransformInverts() {
        for log in [1, 2, 5, 11, 32] {
            let n = 1 << log
            let w = Field64.rootOfUnity(order: n)
            #expect(w.power(UInt64(n)) == .one && w.power(UInt64(n / 2)) != .one, "order \(n)")
        }
        var rng = SeededRandom(seed: 2)
        for n in [1, 2, 8, 64, 2048] {
            let a = (0..<n).map { _ in Self.element(&rng) }
            let values = NTT.forward(a)
            // Against evaluation by Horner's rule at the roots.
            let w = Field64.rootOfUnity(order: n)
            for k in Set([0, 1, n / 2, n - 1]) where k < n {
                let x = w.power(UInt64(k))
                var h = Field64.zero
                for c in a.reversed() { h = h * x + c }
                #expect(values[k] == h, "n \(n), k \(k)")
            }
            #expect(NTT.inverse(values) == a)
        }
    }

    /// A run of the proof as §12.2 has it, with the shares, seeds and points from a seeded generator.
    struct Run {
        let proof: FigureProof
        var hubInput: [Field64], helperInput: [Field64], hubProof: [Field64], helperProof: [Field64]
        let joint: [Field64]
        let t: Field64

        init(_ proof: FigureProof, input: [Field64], seed: UInt64, tamper: (inout [Field64]) -> Void = { _ in }) {
            var rng = SeededRandom(seed: seed)
            self.proof = proof
            joint = (0..<proof.jointRandomnessLength).map { _ in FigureProofTests.element(&rng) }
            let seeds = (0..<proof.proveRandomnessLength).map { _ in FigureProofTests.element(&rng) }
            var full = proof.prove(input, proveRandomness: seeds, jointRandomness: joint)
            tamper(&full)
            helperInput = (0..<input.count).map { _ in FigureProofTests.element(&rng) }
            hubInput = zip(input, helperInput).map { $0 - $1 }
            helperProof = (0..<full.count).map { _ in FigureProofTests.element(&rng) }
            hubProof = zip(full, helperProof).map { $0 - $1 }
            var point = FigureProofTests.element(&rng)
            while !proof.isQueryPoint(point) { point = FigureProofTests.element(&rng) }
            t = point
        }

        var accepted: Bool {
            guard let a = proof.query(inputShare: hubInput, proofShare: hubProof, jointRandomness: joint, queryPoint: t, leader: true),
                let b = proof.query(inputShare: helperInput, proofShare: helperProof, jointRandomness: joint, queryPoint: t, leader: false)
            else { return false }
            return proof.decide(zip(a, b).map { $0 + $1 }, jointRandomness: joint)
        }
    }

    @Test(arguments: [1, 7, 63, 64, 685, 2000]) func honestFiguresAreAccepted(cells: Int) {
        let proof = FigureProof(cells: cells)
        var rng = SeededRandom(seed: UInt64(cells))
        let figures = (0..<cells).map { i in [0, 1, 15, 16, 255, 256, 4095, 9000, rng.next() % 300][i % 9] }
        let input = proof.encode(figures)
        #expect(Run(proof, input: input, seed: 3).accepted)
        // The shares' outputs add up to the measurement: x, d, x⁴ per cell, clamped.
        let run = Run(proof, input: input, seed: 4)
        let total = zip(proof.output(run.hubInput), proof.output(run.helperInput)).map { ($0 + $1).value }
        #expect(total == AdditiveShares.measurement(figures))
        #expect(proof.calls <= 63 && proof.points >= proof.calls + 1 && proof.chunk * proof.calls >= cells)
    }

    /// Every kind of ill-formed input is refused, wherever it sits, and so is a proof changed anywhere.
    @Test func illFormedFiguresAndChangedProofsAreRefused() {
        let proof = FigureProof(cells: 685)
        var rng = SeededRandom(seed: 5)
        let figures = (0..<685).map { _ in rng.next() % 60 }
        let good = proof.encode(figures)
        func cell(_ j: Int, _ values: [UInt64]) -> [Field64] {
            var input = good
            for (c, v) in values.enumerated() { input[j * 5 + c] = Field64(v) }
            return input
        }
        let bad: [(String, [Field64])] = [
            ("a count of 5,000 (digit 19)", cell(3, [5000 % 16, 5000 / 16 % 16, 19, 1, 5000 * 5000 * 5000 * 5000])),
            ("a digit of 16", cell(100, [16, 0, 0, 1, 65_536])),
            ("a negative count", { var i = cell(684, [0, 0, 0, 0, 0]); i[684 * 5] = -Field64.one; return i }()),
            ("an indicator of 2", cell(7, [1, 0, 0, 2, 1])),
            ("a count without its indicator", cell(8, [3, 0, 0, 0, 81])),
            ("a wrong fourth power", cell(9, [3, 0, 0, 1, 80])),
            ("a fourth power with no count", cell(10, [0, 0, 0, 0, 1])),
        ]
        for (what, input) in bad {
            for seed in 0..<3 { #expect(!Run(proof, input: input, seed: UInt64(seed)).accepted, "\(what) was accepted") }
        }
        // An indicator of 1 with no count is allowed (it is as a count of 1 would be, §12.3).
        #expect(Run(proof, input: cell(11, [0, 0, 0, 1, 0]), seed: 6).accepted)
        // Any element of the proof changed.
        for position in [0, proof.arity - 1, proof.arity, proof.proofLength / 2, proof.proofLength - 1] {
            #expect(!Run(proof, input: good, seed: 7) { $0[position] += .one }.accepted, "proof element \(position) changed")
        }
        // A share of the input changed after the proof was made.
        var run = Run(proof, input: good, seed: 8)
        run.helperInput[42] += Field64(1)
        #expect(!run.accepted)
    }

    /// Each party's verifier share alone looks the same whatever the figures: a figure's digits do not
    /// show in it (the sum of the two is what is checked, and for honest figures it is fixed).
    @Test func aVerifierShareSaysNothingOfTheFigures() {
        let proof = FigureProof(cells: 40)
        var topBits = [0, 0]
        for (k, figure) in [UInt64(0), 4000].enumerated() {
            for seed in 0..<250 {
                let run = Run(proof, input: proof.encode([UInt64](repeating: figure, count: 40)), seed: UInt64(1000 + seed))
                let share = proof.query(inputShare: run.hubInput, proofShare: run.hubProof, jointRandomness: run.joint, queryPoint: run.t, leader: true)!
                topBits[k] += Int(share[1].value >> 63)
            }
        }
        #expect(topBits.allSatisfy { (93...157).contains($0) }, "\(topBits)")
    }

    /// The hub's check travels in parts that every node relays (64 KiB each, §12.5), read back whole.
    @Test func theChecksPartsAreReadBackWhole() {
        var rng = SeededRandom(seed: 9)
        let hash = [UInt8](repeating: 3, count: 32), key = [UInt8](repeating: 4, count: 32)
        let entries = (0..<300).map { _ in
            StatisticsPayload.CheckEntry(
                node: (0..<32).map { _ in UInt8(truncatingIfNeeded: rng.next()) }, jointSeed: (0..<32).map { _ in UInt8(truncatingIfNeeded: rng.next()) },
                verifier: (0..<57).map { _ in rng.next() % Field64.modulus })
        }
        let parts = StatisticsPayload.check(layoutHash: hash, verifyKey: key, entries)
        #expect(parts.count == 3 && parts.allSatisfy { $0.count <= StatisticsPayload.checkPartBytes })
        let read = parts.compactMap { StatisticsPayload.readCheck($0, layoutHash: hash, verifierLength: 57) }
        #expect(read.map(\.part) == [0, 1, 2] && read.allSatisfy { $0.parts == 3 && $0.verifyKey == key })
        #expect(read.flatMap(\.entries) == entries.sorted { $0.node.lexicographicallyPrecedes($1.node) })
        #expect(StatisticsPayload.readCheck(parts[0], layoutHash: key, verifierLength: 57) == nil, "another layout's check")
        #expect(StatisticsPayload.readCheck(Array(parts[0].dropLast()), layoutHash: hash, verifierLength: 57) == nil, "a part cut short")
        var high = parts[1]
        for i in (high.count - 8)..<high.count { high[i] = 0xFF }
        #expect(StatisticsPayload.readCheck(high, layoutHash: hash, verifierLength: 57) == nil, "an element not below p")
    }
}
