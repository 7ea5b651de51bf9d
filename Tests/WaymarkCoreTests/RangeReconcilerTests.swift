import Testing
import WaymarkCore

/// A fast, non-cryptographic stand-in for BLAKE2b in the pure core's tests (FNV-1a, widened).
let testHash: @Sendable ([UInt8]) -> [UInt8] = { bytes in
    var out: [UInt8] = []
    for seed in 0..<4 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 &+ UInt64(seed)
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        for i in 0..<8 { out.append(UInt8((h >> UInt64(8 * i)) & 0xFF)) }
    }
    return out
}

struct ReconcileRun {
    var have: Set<[UInt8]> = []
    var need: Set<[UInt8]> = []
    var roundTrips = 0
    var bytes = 0
}

func reconcile(_ a: [RangeReconciler.Item], _ b: [RangeReconciler.Item]) throws -> ReconcileRun {
    let initiator = RangeReconciler(items: a, role: .initiator, hash: testHash)
    let responder = RangeReconciler(items: b, role: .responder, hash: testHash)
    var run = ReconcileRun()
    var message = initiator.initiate()
    while true {
        run.bytes += message.count
        let answer = try #require(try responder.receive(message).reply)
        run.bytes += answer.count
        run.roundTrips += 1
        let step = try initiator.receive(answer)
        run.have.formUnion(step.have)
        run.need.formUnion(step.need)
        guard let next = step.reply else { return run }
        message = next
        if run.roundTrips > 20 { Issue.record("no end after 20 round trips"); return run }
    }
}

func items(_ n: Int, seed: UInt64, from start: Int = 0) -> [RangeReconciler.Item] {
    var rng = SeededRandom(seed: seed)
    return (start..<(start + n)).map { i in
        RangeReconciler.Item(timestamp: UInt64(1_000_000 + i * 10), id: (0..<32).map { _ in UInt8.random(in: 0...255, using: &rng) })
    }
}

struct RangeReconcilerTests {
    @Test func equalSetsNeedOneRoundTripAndFewBytes() throws {
        let set = items(10_000, seed: 1)
        let run = try reconcile(set, set.shuffled())
        #expect(run.have.isEmpty && run.need.isEmpty)
        #expect(run.roundTrips == 1)
        #expect(run.bytes <= 512, "\(run.bytes) bytes")
        print("reconciliation, 10,000 equal: \(run.roundTrips) round trip, \(run.bytes) bytes")
    }

    @Test(arguments: [(0, 0), (1, 0), (0, 1), (37, 5), (100, 100)])
    func findsExactlyTheDifferences(_ onlyA: Int, _ onlyB: Int) throws {
        let common = items(3000, seed: 2)
        let a = common + items(onlyA, seed: 3, from: 5000)
        let b = common + items(onlyB, seed: 4, from: 9000)
        let run = try reconcile(a, b)
        #expect(run.have == Set(a.map(\.id)).subtracting(b.map(\.id)))
        #expect(run.need == Set(Set(b.map(\.id)).subtracting(a.map(\.id)).map { Array($0.prefix(16)) }))
    }

    @Test func scatteredDifferencesAndEmptySides() throws {
        let all = items(2000, seed: 5)
        var rng = SeededRandom(seed: 6)
        let a = all.filter { _ in Double.random(in: 0..<1, using: &rng) > 0.05 }
        let b = all.filter { _ in Double.random(in: 0..<1, using: &rng) > 0.05 }
        let run = try reconcile(a, b)
        #expect(run.have == Set(a.map(\.id)).subtracting(b.map(\.id)))
        #expect(run.need == Set(Set(b.map(\.id)).subtracting(a.map(\.id)).map { Array($0.prefix(16)) }))
        #expect(try reconcile([], all).need.count == all.count)
        #expect(try reconcile(all, []).have.count == all.count)
        #expect(try reconcile([], []).roundTrips == 1)
    }

    @Test func clusteredMissingNewestStaysSmall() throws {
        let base = items(20_000, seed: 7)
        let newest = items(200, seed: 8, from: 20_000)
        let run = try reconcile(base, base + newest)
        #expect(run.need.count == 200)
        #expect(run.roundTrips <= 3)
        print("reconciliation, 200 newest missing of 20,200: \(run.roundTrips) round trips, \(run.bytes) bytes")
    }

    @Test func hostileMessagesAreErrorsNotCrashes() {
        let r = RangeReconciler(items: items(100, seed: 9), role: .responder, hash: testHash)
        var rng = SeededRandom(seed: 10)
        for _ in 0..<3000 {
            var m: [UInt8] = [RangeReconciler.protocolVersion]
            m += (0..<Int.random(in: 0..<80, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            _ = try? r.receive(m)
        }
        #expect(throws: RangeReconciler.ReconcileError.self) { try r.receive([0x60]) }
        #expect(throws: RangeReconciler.ReconcileError.self) { try r.receive([RangeReconciler.protocolVersion, 1]) }
    }
}
