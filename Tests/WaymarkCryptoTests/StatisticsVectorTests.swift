import Foundation
import Testing
import WaymarkCore
import WaymarkCrypto

/// The hub's shares and proof (`Protocol/SPEC.md` §12.2): the vectors in
/// `Protocol/vectors/statistics.json`, each from fixed seeds, so that an implementation written from
/// the specification can check every step — the shares' bytes, the joint seed, the query point, both
/// verifier shares, the verdict and the outputs. With `WAYMARK_WRITE_VECTORS=1` they are written anew
/// first; the bytes depend only on the seeds, so a rewrite must give the same file.
struct StatisticsVectorTests {
    static let period = StatisticsPeriod(week: "2026-W49")!
    static let node = [UInt8](repeating: 0x21, count: 32)
    /// The five seeds a node draws, in the order `StatisticsShares.split` draws them: the helper's
    /// blind, input seed and proof seed, the hub's blind, the wire seeds' seed.
    static let seeds: [[UInt8]] = (1...5).map { [UInt8](repeating: UInt8($0), count: 32) }
    static let verifyKey = [UInt8](repeating: 0x77, count: 32)

    struct Case {
        var comment: String
        var cells: Int
        var input: [Field64]
        var figures: [UInt64]?
        var valid: Bool
        /// A change the node made to the hub's share after splitting, as the vector states it.
        var tamper: String?
    }

    static func cases() -> [Case] {
        let three = FigureProof(cells: 3)
        let many = FigureProof(cells: 130)
        let figures130 = (0..<130).map { UInt64(($0 * 37) % 300) }
        var overCap = three.encode([0, 7, 0])
        overCap[5 + 2] = Field64(16)  // cell 1's third digit: a count of 4,096 or more
        var indicator = three.encode([2, 0, 0])
        indicator[3] = Field64(2)
        var fourth = many.encode(figures130)
        fourth[5 * 129 + 4] += .one
        return [
            Case(comment: "three cells, honest", cells: 3, input: three.encode([0, 7, 4095]), figures: [0, 7, 4095], valid: true),
            Case(comment: "130 cells (chunk 3, 44 calls, 64 points), honest", cells: 130, input: many.encode(figures130), figures: figures130, valid: true),
            Case(comment: "a digit of 16", cells: 3, input: overCap, figures: nil, valid: false),
            Case(comment: "an indicator of 2", cells: 3, input: indicator, figures: nil, valid: false),
            Case(comment: "a fourth power one too many, in the last cell", cells: 130, input: fourth, figures: nil, valid: false),
            Case(
                comment: "honest figures, but the node tells the hub another helper's part: the joint seeds differ", cells: 3, input: three.encode([1, 2, 3]),
                figures: [1, 2, 3], valid: false, tamper: "helperPart = 32 bytes of 0x09"),
            Case(
                comment: "honest figures, but the hub's proof share has its first wire seed plus one: the gadget check fails at the query point", cells: 3,
                input: three.encode([1, 2, 3]), figures: [1, 2, 3], valid: false, tamper: "hub's proof share, element 0, plus 1"),
        ]
    }

    static func elements(_ xs: [Field64]) -> String { hexString(StatisticsShares.encode(xs)) }

    static func compute(_ c: Case) -> [String: Any] {
        let circuit = FigureProof(cells: c.cells)
        var draws = seeds.makeIterator()
        var (hub, helper) = StatisticsShares.split(c.input, proof: circuit, period: period, node: node) { _ in draws.next()! }
        if c.tamper?.hasPrefix("helperPart") == true { hub.helperPart = [UInt8](repeating: 9, count: 32) }
        if c.tamper?.hasPrefix("hub's proof share") == true { hub.proof[0] += .one }
        let checked = hub.verify(proof: circuit, period: period, node: node, verifyKey: verifyKey)!
        let verdict = helper.check(proof: circuit, period: period, node: node, verifyKey: verifyKey, hubJointSeed: checked.jointSeed, hubVerifier: checked.verifier)
        let joint = StatisticsShares.expand(seed: checked.jointSeed, label: "joint", count: circuit.jointRandomnessLength)
        let helperVerifier = circuit.query(
            inputShare: helper.input(circuit), proofShare: helper.proof(circuit), jointRandomness: joint,
            queryPoint: StatisticsShares.queryPoint(verifyKey: verifyKey, node: node, proof: circuit), leader: false)!
        var out: [String: Any] = [
            "comment": c.comment, "cells": c.cells, "input": elements(c.input), "hubShare": hexString(hub.bytes), "helperShare": hexString(helper.bytes),
            "jointSeed": hexString(checked.jointSeed), "queryPoint": String(StatisticsShares.queryPoint(verifyKey: verifyKey, node: node, proof: circuit).value),
            "hubVerifier": elements(checked.verifier), "helperVerifier": elements(helperVerifier), "valid": verdict.valid,
        ]
        if let f = c.figures { out["figures"] = f.map(Int.init) }
        if let t = c.tamper { out["tamper"] = t }
        if verdict.valid { out["helperOutput"] = elements(verdict.output) }
        return out
    }

    @Test func vectors() throws {
        let file = ProtocolVectorTests.protocolDirectory.appendingPathComponent("vectors/statistics.json")
        let computed = Self.cases().enumerated().map { k, c in Self.compute(c).merging(["tcId": k + 1]) { a, _ in a } }
        if ProcessInfo.processInfo.environment["WAYMARK_WRITE_VECTORS"] == "1" {
            let doc: [String: Any] = [
                "algorithm": "Waymark hub shares and validity proof (SPEC §12.2): Field64, base-16 digits, one FLP, BLAKE2b XOF",
                "period": Self.period.week, "node": hexString(Self.node),
                "seeds": "in order: helper's blind, input seed, proof seed, hub's blind, wire seeds' seed; seed n is 32 bytes of n (1 to 5)",
                "verifyKey": hexString(Self.verifyKey),
                "elements": "hex strings of field elements are their values, 8 bytes little-endian each; queryPoint is a decimal string",
                "shares": "hubShare and helperShare are the shares' bytes after the layout hash (SPEC §12.2); helperVerifier is the helper's verifier share with the joint randomness of the hub's jointSeed, whatever the verdict; tamper, where present, is a change the node made to the hub's share after splitting",
                "numberOfTests": computed.count, "testGroups": [["tests": computed]],
            ]
            try JSONSerialization.data(withJSONObject: doc, options: [.prettyPrinted, .sortedKeys]).write(to: file)
        }
        let doc = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        let tests = try #require((doc["testGroups"] as? [[String: Any]])?.first?["tests"] as? [[String: Any]])
        #expect(tests.count == computed.count && tests.count == doc["numberOfTests"] as? Int)
        for (stored, fresh) in zip(tests, computed) {
            let id = fresh["tcId"] as? Int ?? 0
            for key in ["input", "hubShare", "helperShare", "jointSeed", "queryPoint", "hubVerifier", "helperVerifier", "helperOutput"] {
                #expect(stored[key] as? String == fresh[key] as? String, "tcId \(id): \(key)")
            }
            #expect(stored["valid"] as? Bool == fresh["valid"] as? Bool, "tcId \(id): verdict")
        }
        // The honest cases pass and the others do not; the outputs of an honest case add up to its figures.
        #expect(computed.map { $0["valid"] as? Bool } == [true, true, false, false, false, false, false])
        let first = Self.cases()[0], circuit = FigureProof(cells: 3)
        var draws = Self.seeds.makeIterator()
        let (hub, helper) = StatisticsShares.split(first.input, proof: circuit, period: Self.period, node: Self.node) { _ in draws.next()! }
        let total = zip(circuit.output(hub.input), circuit.output(helper.input(circuit))).map { ($0 + $1).value }
        #expect(total == AdditiveShares.measurement([0, 7, 4095]))
    }
}
