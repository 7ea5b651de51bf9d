import Foundation
import Testing
import WaymarkCore
import WaymarkTestKit

/// Many nodes in one process with seeded faults and Byzantine nodes: after healing, every honest
/// node holds the identical directory. Honest nodes' clocks are up to 4 minutes apart, and one runs a
/// day fast until it is put right. `WAYMARK_SIM_SEEDS=N` runs N seeds (the soak);
/// `WAYMARK_SIM_SEED=S` replays one.
struct SimulationTests {
    static var seeds: [UInt64] {
        let env = ProcessInfo.processInfo.environment
        if let one = env["WAYMARK_SIM_SEED"].flatMap(UInt64.init) { return [one] }
        let count = env["WAYMARK_SIM_SEEDS"].flatMap(Int.init) ?? 200
        return (0..<UInt64(count)).map { $0 &* 0x9E37_79B9 &+ 1 }
    }

    @Test func honestNodesConvergeAfterFaultsHeal() {
        let results = Simulation.run(seeds: Self.seeds)
        for r in results {
            #expect(r.converged, "\(r.summary)")
            #expect(r.rejections[.badSignature, default: 0] > 0, "Byzantine forgeries are seen and refused: \(r.summary)")
            #expect(r.rejections[.farFuture, default: 0] > 0, "clocks past the year 4199 are refused: \(r.summary)")
            #expect(r.honestClockRefusals == 0, "no honest envelope is refused for its clock, with clocks 4 minutes apart and one a day fast: \(r.summary)")
            #expect(r.rowsBehindLatestEdit == 0, "every row shows its owner's last-signed edit, also one made after a fast clock was put right: \(r.summary)")
            #expect(r.correctedClockBackOnTime, "a node whose clock was put right dates what it signs at the right time: \(r.summary)")
            #expect(r.rejections[.notOwner, default: 0] > 0, "edits of others' rows change nothing: \(r.summary)")
            #expect(r.flaggedByzantine > 0, "forks are flagged: \(r.summary)")
            #expect(r.strangerEnvelopesStored == 0, "no honest node stores a stranger's envelope: \(r.summary)")
            #expect(r.rejections[.notMember, default: 0] > 0, "strangers' envelopes are seen and refused: \(r.summary)")
            #expect(r.rowsTakenOver == 0, "no honest row changes owner, whatever clock a bad member's claim bears: \(r.summary)")
            #expect(r.namespacedRows > 0, "rows in their publishers' namespaces were published, also after the bad members joined: \(r.summary)")
            #expect(r.rostersAgree, "honest nodes agree on the members: \(r.summary)")
        }
        let rounds = results.map(\.healRounds).sorted()
        print("simulation: \(results.count) seeds, 50 nodes (3 Byzantine); heal rounds median \(rounds[rounds.count / 2]), max \(rounds.last ?? 0)")
    }

    @Test func gossipReaches130NodesInFewRounds() {
        let rounds = (1...5).map { Simulation.roundsToConverge(nodes: 130, seed: $0) }
        #expect(rounds.allSatisfy { $0 > 0 && $0 <= 12 }, "rounds: \(rounds)")
    }
}
