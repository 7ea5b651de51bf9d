import Foundation
import Testing
import WaymarkSync

/// The signal that wakes the sync shell after a local change.
struct ChangeSignalTests {
    @Test func aSignalBeforeTheWaitIsKept() async {
        let s = ChangeSignal()
        s.signal()
        let start = ContinuousClock.now
        await s.wait(timeout: .seconds(5))
        #expect(ContinuousClock.now - start < .seconds(1))
    }

    @Test func withoutASignalTheWaitEndsAtItsTimeout() async {
        let s = ChangeSignal()
        let start = ContinuousClock.now
        await s.wait(timeout: .milliseconds(100))
        let waited = ContinuousClock.now - start
        #expect(waited >= .milliseconds(90) && waited < .seconds(3))
    }

    @Test func aSignalWakesTheWaiter() async {
        let s = ChangeSignal()
        let start = ContinuousClock.now
        Task {
            try? await Task.sleep(for: .milliseconds(50))
            s.signal()
        }
        await s.wait(timeout: .seconds(10))
        #expect(ContinuousClock.now - start < .seconds(5))
        // A late timer from that wait does not end the next one early.
        let next = ContinuousClock.now
        await s.wait(timeout: .milliseconds(200))
        #expect(ContinuousClock.now - next >= .milliseconds(150))
    }
}
