import Foundation
import Testing
import WaymarkSync

/// The signal that wakes the sync shell after a local change. Each wait reports what ended it, so
/// the tests do not depend on how busy the machine's threads are; only lower bounds on time are
/// asserted.
struct ChangeSignalTests {
    @Test func aSignalBeforeTheWaitIsKept() async {
        let s = ChangeSignal()
        s.signal()
        #expect(await s.wait(timeout: .seconds(60)), "the signal ends the wait, not the timeout")
        #expect(await s.wait(timeout: .milliseconds(50)) == false, "one signal wakes one wait")
    }

    @Test func withoutASignalTheWaitEndsAtItsTimeout() async {
        let s = ChangeSignal()
        let start = ContinuousClock.now
        #expect(await s.wait(timeout: .milliseconds(100)) == false)
        #expect(ContinuousClock.now - start >= .milliseconds(90))
    }

    @Test func aSignalWakesTheWaiter() async {
        let s = ChangeSignal()
        Task {
            try? await Task.sleep(for: .milliseconds(50))
            s.signal()
        }
        #expect(await s.wait(timeout: .seconds(600)), "woken by the signal, long before the timeout")
        // A late timer from that wait does not end the next one early.
        let next = ContinuousClock.now
        #expect(await s.wait(timeout: .milliseconds(200)) == false)
        #expect(ContinuousClock.now - next >= .milliseconds(150))
    }
}
