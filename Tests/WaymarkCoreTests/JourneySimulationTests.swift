import Foundation
import Testing
import WaymarkCore
import WaymarkTestKit

/// The journey under faults: consent, referral, progress, a revoke and an erasure over a lossy,
/// partitioned network with crashes and a Byzantine node (`JourneySimulation`). `WAYMARK_SIM_SEEDS=N`
/// runs N seeds; `WAYMARK_SIM_SEED=S` replays one.
struct JourneySimulationTests {
    @Test func revocationAndErasureHoldUnderFaults() {
        let env = ProcessInfo.processInfo.environment
        let seeds: [UInt64] =
            env["WAYMARK_SIM_SEED"].flatMap(UInt64.init).map { [$0] }
            ?? (0..<UInt64(env["WAYMARK_SIM_SEEDS"].flatMap(Int.init) ?? 100)).map { $0 &* 0x51_7CC1 &+ 7 }
        let results = JourneySimulation.run(seeds: seeds)
        for r in results {
            #expect(r.violations.isEmpty, "\(r.summary)")
            #expect(r.converged, "\(r.summary)")
            #expect(r.forgedErasuresRefused > 0, "forged erasures reach honest nodes and are refused: \(r.summary)")
        }
        #expect(results.filter { $0.partnerWrites > 0 }.count > results.count / 2, "the partner usually gets to act before the revoke")
        // (The Byzantine node strips what it has relayed; in a few runs it is cut off until the erasure.)
        #expect(
            results.filter { $0.strippedCopiesRefused > 0 }.count > results.count * 9 / 10,
            "stripped copies usually reach honest nodes before the erasure, and are refused")
        print("journey simulation: \(results.count) seeds; partner writes per run, median \(results.map(\.partnerWrites).sorted()[results.count / 2])")
    }
}
