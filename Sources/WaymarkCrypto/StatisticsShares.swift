import WaymarkCore

/// The hub's shares with their validity proof (`Protocol/SPEC.md` §12.2–12.3): how a node splits
/// its input and proof between the hub and the helper, how each party derives the randomness the
/// proof is checked with, and the bytes of each share. The proof itself is `FigureProof`.
///
/// The helper's shares are short: seeds that BLAKE2b expands into field elements. The hub's are the
/// input and proof less the helper's. The joint randomness is bound to both shares through a part
/// per party, `BLAKE2b(key = blind, share)`, each blind known only to the node and that party (so
/// the other party cannot test guesses of the figures against a part): the node cannot choose it.
public enum StatisticsShares {
    public static let seedBytes = 32

    /// Field elements from a seed: BLAKE2b-512, keyed with the seed, of
    /// `"waymark/stats/v1/" ‖ label ‖ counter (u32, little-endian)` for counter 0, 1, …; each 64-byte
    /// block read as eight little-endian words, a word kept when below p.
    public static func expand(seed: [UInt8], label: String, count: Int) -> [Field64] {
        var out: [Field64] = []
        out.reserveCapacity(count)
        let prefix = Array("waymark/stats/v1/\(label)".utf8)
        var counter: UInt32 = 0
        while out.count < count {
            let block = Blake2b.hash(prefix + (0..<4).map { UInt8(truncatingIfNeeded: counter >> (8 * $0)) }, outputLength: 64, key: seed)
            for i in 0..<8 where out.count < count {
                let w = (0..<8).reduce(UInt64(0)) { $0 | UInt64(block[i * 8 + $1]) << (8 * $1) }
                if w < Field64.modulus { out.append(Field64(w)) }
            }
            counter += 1
        }
        return out
    }

    /// A party's part of the joint randomness: BLAKE2b-256, keyed with the party's blind, of
    /// `"waymark/stats/v1/part" ‖ party (0 the hub, 1 the helper) ‖ period (its 8 characters) ‖ the
    /// node's signing key ‖ the party's share of the input` (the hub's: its elements; the helper's:
    /// its input seed).
    public static func part(party: UInt8, blind: [UInt8], period: StatisticsPeriod, node: [UInt8], share: [UInt8]) -> [UInt8] {
        Blake2b.hash(Array("waymark/stats/v1/part".utf8) + [party] + Array(period.week.utf8) + node + share, key: blind)
    }

    /// The seed of the joint randomness: BLAKE2b-256 of `"waymark/stats/v1/joint" ‖ hub's part ‖ helper's part`.
    public static func jointSeed(hubPart: [UInt8], helperPart: [UInt8]) -> [UInt8] {
        Blake2b.hash(Array("waymark/stats/v1/joint".utf8) + hubPart + helperPart)
    }

    /// The query point for one node's proof: the first element of `expand(verifyKey, "query:" ‖
    /// node key in hex)` that is not one of the proof's interpolation points.
    public static func queryPoint(verifyKey: [UInt8], node: [UInt8], proof: FigureProof) -> Field64 {
        var n = 1
        while true {
            for t in expand(seed: verifyKey, label: "query:" + hexString(node), count: n) where proof.isQueryPoint(t) { return t }
            n += 1
        }
    }

    /// Elements as bytes: each value, 8 bytes little-endian.
    public static func encode(_ xs: [Field64]) -> [UInt8] { AdditiveShares.encode(xs.map(\.value)) }

    /// Elements from bytes; nil unless whole and every value below p.
    public static func decode(_ bytes: ArraySlice<UInt8>) -> [Field64]? { AdditiveShares.decodeElements(bytes)?.map { Field64($0) } }

    /// The hub's share of a node's figures.
    public struct ForHub: Sendable, Equatable {
        public var blind: [UInt8]
        /// The helper's part, as the node claims it.
        public var helperPart: [UInt8]
        public var input: [Field64]
        public var proof: [Field64]

        /// The bytes after the layout hash: 0x00, blind, helper's part, input, proof.
        public var bytes: [UInt8] { [0] + blind + helperPart + StatisticsShares.encode(input) + StatisticsShares.encode(proof) }

        /// How many bytes `bytes` has for a layout's proof.
        public static func byteCount(_ circuit: FigureProof) -> Int { 65 + 8 * (circuit.inputLength + circuit.proofLength) }

        public init?(_ bytes: ArraySlice<UInt8>, proof circuit: FigureProof) {
            let s = bytes.startIndex
            guard bytes.count == Self.byteCount(circuit), bytes[s] == 0,
                let input = StatisticsShares.decode(bytes[(s + 65)..<(s + 65 + 8 * circuit.inputLength)]),
                let proof = StatisticsShares.decode(bytes[(s + 65 + 8 * circuit.inputLength)...])
            else { return nil }
            self.init(blind: Array(bytes[(s + 1)..<(s + 33)]), helperPart: Array(bytes[(s + 33)..<(s + 65)]), input: input, proof: proof)
        }

        public init(blind: [UInt8], helperPart: [UInt8], input: [Field64], proof: [Field64]) {
            self.blind = blind
            self.helperPart = helperPart
            self.input = input
            self.proof = proof
        }

        /// The hub's own part, recomputed from its share.
        public func part(period: StatisticsPeriod, node: [UInt8]) -> [UInt8] {
            StatisticsShares.part(party: 0, blind: blind, period: period, node: node, share: StatisticsShares.encode(input))
        }

        /// The joint randomness's seed as the hub derives it, and the hub's verifier share.
        public func verify(proof circuit: FigureProof, period: StatisticsPeriod, node: [UInt8], verifyKey: [UInt8]) -> (jointSeed: [UInt8], verifier: [Field64])? {
            let seed = StatisticsShares.jointSeed(hubPart: part(period: period, node: node), helperPart: helperPart)
            let joint = StatisticsShares.expand(seed: seed, label: "joint", count: circuit.jointRandomnessLength)
            let t = StatisticsShares.queryPoint(verifyKey: verifyKey, node: node, proof: circuit)
            return circuit.query(inputShare: input, proofShare: proof, jointRandomness: joint, queryPoint: t, leader: true).map { (seed, $0) }
        }
    }

    /// The helper's share: seeds.
    public struct ForHelper: Sendable, Equatable {
        public var blind: [UInt8]
        /// The hub's part, as the node claims it.
        public var hubPart: [UInt8]
        public var inputSeed: [UInt8]
        public var proofSeed: [UInt8]

        /// The bytes after the layout hash: 0x01, blind, hub's part, input seed, proof seed.
        public var bytes: [UInt8] { [1] + blind + hubPart + inputSeed + proofSeed }

        public init?(_ bytes: ArraySlice<UInt8>) {
            let s = bytes.startIndex
            guard bytes.count == 129, bytes[s] == 1 else { return nil }
            self.init(
                blind: Array(bytes[(s + 1)..<(s + 33)]), hubPart: Array(bytes[(s + 33)..<(s + 65)]), inputSeed: Array(bytes[(s + 65)..<(s + 97)]),
                proofSeed: Array(bytes[(s + 97)..<(s + 129)]))
        }

        public init(blind: [UInt8], hubPart: [UInt8], inputSeed: [UInt8], proofSeed: [UInt8]) {
            self.blind = blind
            self.hubPart = hubPart
            self.inputSeed = inputSeed
            self.proofSeed = proofSeed
        }

        public func input(_ circuit: FigureProof) -> [Field64] { StatisticsShares.expand(seed: inputSeed, label: "input", count: circuit.inputLength) }
        public func proof(_ circuit: FigureProof) -> [Field64] { StatisticsShares.expand(seed: proofSeed, label: "proof", count: circuit.proofLength) }

        /// The helper's verdict on the node's figures, given what the hub sent for them (§12.3): the
        /// joint seed the hub derived must be the one the helper derives (else the node gave the two
        /// parties different parts), and the two verifier shares together must pass. With it, the
        /// helper's share of the node's output, to be summed.
        public func check(
            proof circuit: FigureProof, period: StatisticsPeriod, node: [UInt8], verifyKey: [UInt8], hubJointSeed: [UInt8], hubVerifier: [Field64]
        ) -> (valid: Bool, output: [Field64]) {
            let input = input(circuit)
            let seed = StatisticsShares.jointSeed(
                hubPart: hubPart, helperPart: StatisticsShares.part(party: 1, blind: blind, period: period, node: node, share: inputSeed))
            guard seed == hubJointSeed, hubVerifier.count == circuit.verifierLength else { return (false, []) }
            let joint = StatisticsShares.expand(seed: seed, label: "joint", count: circuit.jointRandomnessLength)
            let t = StatisticsShares.queryPoint(verifyKey: verifyKey, node: node, proof: circuit)
            guard let mine = circuit.query(inputShare: input, proofShare: proof(circuit), jointRandomness: joint, queryPoint: t, leader: false),
                circuit.decide(zip(mine, hubVerifier).map { $0 + $1 }, jointRandomness: joint)
            else { return (false, []) }
            return (true, circuit.output(input))
        }
    }

    /// A node's two shares of `input` with its proof. `random` gives bytes (libsodium's in use; a
    /// seeded source in tests).
    public static func split(
        _ input: [Field64], proof circuit: FigureProof, period: StatisticsPeriod, node: [UInt8], random: (Int) -> [UInt8] = SecureRandom.bytes
    ) -> (hub: ForHub, helper: ForHelper) {
        let helper0 = ForHelper(blind: random(seedBytes), hubPart: [], inputSeed: random(seedBytes), proofSeed: random(seedBytes))
        let hubBlind = random(seedBytes)
        let hubInput = zip(input, helper0.input(circuit)).map { $0 - $1 }
        let hubPart = part(party: 0, blind: hubBlind, period: period, node: node, share: encode(hubInput))
        let helperPart = part(party: 1, blind: helper0.blind, period: period, node: node, share: helper0.inputSeed)
        let joint = expand(seed: jointSeed(hubPart: hubPart, helperPart: helperPart), label: "joint", count: circuit.jointRandomnessLength)
        let wireSeeds = expand(seed: random(seedBytes), label: "prove", count: circuit.proveRandomnessLength)
        let proof = circuit.prove(input, proveRandomness: wireSeeds, jointRandomness: joint)
        let hubProof = zip(proof, helper0.proof(circuit)).map { $0 - $1 }
        var helper = helper0
        helper.hubPart = hubPart
        return (ForHub(blind: hubBlind, helperPart: helperPart, input: hubInput, proof: hubProof), helper)
    }
}
