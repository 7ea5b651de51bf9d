import Foundation
import Testing
import WaymarkCore
import WaymarkTestKit

/// Consent changes the client signs, under faults, with a home organisation that withholds them and a
/// Byzantine member (`ClientConsentSimulation`). `WAYMARK_SIM_SEEDS=N` runs N seeds;
/// `WAYMARK_SIM_SEED=S` replays one.
struct ClientConsentSimulationTests {
    @Test func theClientsOwnChangesWinEverywhere() {
        let env = ProcessInfo.processInfo.environment
        let seeds: [UInt64] =
            env["WAYMARK_SIM_SEED"].flatMap(UInt64.init).map { [$0] }
            ?? (0..<UInt64(env["WAYMARK_SIM_SEEDS"].flatMap(Int.init) ?? 100)).map { $0 &* 0x2F_1A3B &+ 11 }
        let results = ClientConsentSimulation.run(seeds: seeds)
        for r in results {
            #expect(r.violations.isEmpty, "\(r.summary)")
            #expect(r.converged, "\(r.summary)")
        }
        #expect(results.filter(\.partnerHeldBeforeHeal).count > results.count / 2, "the withdrawal usually reaches the partner without the home")
        print("client consent simulation: \(results.count) seeds; partner held the withdrawal before healing in \(results.filter(\.partnerHeldBeforeHeal).count)")
    }
}
